//! Files made in the page and handed to the browser as downloads: a `Blob`, an object URL and a
//! clicked `<a download>`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// How long an object URL stays valid after its download starts (ms). Revoking it at once can
/// cancel the download in some browsers.
const REVOKE_AFTER_MS: i32 = 60_000;

/// Offers `contents` as a file named `file_name` of type `mime` (UTF-8; a leading byte-order
/// mark in `contents` is kept).
pub fn download_text(file_name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    download_blob(file_name, &text_blob(mime, contents)?)
}

/// `contents` as a blob of type `mime`.
pub fn text_blob(mime: &str, contents: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Offers `blob` as a file named `file_name`.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    // Some browsers only follow a link that is in the document.
    let parent = document.body();
    if let Some(body) = &parent {
        body.append_child(&anchor)?;
    }
    anchor.click();
    if parent.is_some() {
        anchor.remove();
    }
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(
        revoke.unchecked_ref(),
        REVOKE_AFTER_MS,
    )?;
    Ok(())
}

/// A file name made of `stem` and a planner's `name`: letters and digits of any script are
/// kept, everything else becomes `-`, at most 60 characters of the name; `stem.ext` when
/// nothing is left.
pub fn file_name(stem: &str, name: &str, ext: &str) -> String {
    let mut safe = String::new();
    for c in name.chars().take(60) {
        if c.is_alphanumeric() {
            safe.push(c);
        } else if !safe.ends_with('-') && !safe.is_empty() {
            safe.push('-');
        }
    }
    let safe = safe.trim_end_matches('-');
    if safe.is_empty() {
        format!("{stem}.{ext}")
    } else {
        format!("{stem}-{safe}.{ext}")
    }
}

/// Today in the browser's time zone, read when a file or the report is made (never while the
/// first screen renders, which must not depend on the clock).
pub fn today() -> crate::core::export::Day {
    let now = js_sys::Date::new_0();
    crate::core::export::Day {
        year: u16::try_from(now.get_full_year()).unwrap_or(0),
        month: u8::try_from(now.get_month() + 1).unwrap_or(1),
        day: u8::try_from(now.get_date()).unwrap_or(1),
    }
}
