//! Fetching the messages of a language that is not built in (see [`crate::i18n::catalogue`]):
//! once per language and page, shared by everyone who asks while it is on its way.

use std::cell::RefCell;

use js_sys::Promise;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{JsFuture, future_to_promise};

use crate::core::lang::Lang;
use crate::i18n::catalogue;
use crate::web::fetch::{Reach, fetch_dataset};

thread_local! {
    /// The fetches on their way, by language. A promise, not a future, so that several callers
    /// can wait for one fetch; removed when it fails, so that asking again fetches again.
    static ASKED: RefCell<Vec<(Lang, Promise)>> = const { RefCell::new(Vec::new()) };
}

/// The messages of `lang` could not be fetched or read.
#[derive(Debug, PartialEq, Eq)]
pub struct Unavailable;

/// Starts fetching the messages of `lang` from `base` (the folder of the app's files), unless
/// they are here or on their way; returns the fetch to wait for, if there is one.
pub fn ask(lang: Lang, base: &str) -> Option<Promise> {
    let name = catalogue::file_name(lang).filter(|_| !catalogue::is_loaded(lang))?;
    let on_its_way = ASKED.with_borrow(|asked| {
        asked
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, promise)| promise.clone())
    });
    if on_its_way.is_some() {
        return on_its_way;
    }
    let url = format!("{base}{name}");
    // No borrow is held here: a fetch refused at once may end before the promise is stored.
    let promise = future_to_promise(async move {
        let fetched = fetch_dataset(&url, Reach::Owner).await;
        let installed = fetched.ok().and_then(|file| {
            let text = String::from_utf8(file.bytes).ok()?;
            catalogue::install(lang, &text).ok()
        });
        if installed.is_none() {
            ASKED.with_borrow_mut(|asked| asked.retain(|(l, _)| *l != lang));
        }
        Ok(JsValue::from_bool(installed.is_some()))
    });
    if !catalogue::is_loaded(lang) {
        ASKED.with_borrow_mut(|asked| asked.push((lang, promise.clone())));
    }
    Some(promise)
}

/// The messages of `lang`, fetched from `base` unless they are here.
pub async fn load(lang: Lang, base: &str) -> Result<(), Unavailable> {
    match ask(lang, base) {
        None => Ok(()),
        Some(promise) => match JsFuture::from(promise).await {
            Ok(done) if done.is_truthy() => Ok(()),
            _ => Err(Unavailable),
        },
    }
}
