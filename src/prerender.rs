//! The first screen as HTML, made at build time: the app rendered natively by Yew's server
//! renderer for the built-in dataset's baseline in the default language, exactly what the
//! browser's first render will be (`AppProps::first_screen`), so that the wasm hydrates it. The
//! figures and charts are then on screen as soon as the HTML is parsed, and stay readable
//! without JavaScript or WebAssembly.

use crate::core::lang::Lang;
use crate::i18n::text;
use crate::start::{STANDALONE_ROOT_ID, muchuan};
use crate::ui::app::App;
use crate::ui::app_props::AppProps;

/// Why a page could not take the first screen.
#[derive(Debug, PartialEq, Eq)]
pub enum PrerenderError {
    /// The page has no empty `<div id="mfe-root"></div>` to put the first screen in.
    NoEmptyRoot,
}

/// The app's first screen: the markup of its first render, with Yew's hydration markers.
pub fn first_screen() -> String {
    let props = AppProps::first_screen(muchuan());
    futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render())
}

/// `page` (the built `index.html`) with the first screen in its empty root, and before the
/// root, for browsers that run no script, the sentence saying the tools need a current one.
pub fn into_page(page: &str) -> Result<String, PrerenderError> {
    let empty_root = format!(r#"<div id="{STANDALONE_ROOT_ID}"></div>"#);
    if !page.contains(&empty_root) {
        return Err(PrerenderError::NoEmptyRoot);
    }
    let sentence = text(Lang::default(), "first-screen.needs-browser");
    let filled = format!(
        r#"<noscript><p class="needs-browser">{sentence}</p></noscript><div id="{STANDALONE_ROOT_ID}">{}</div>"#,
        first_screen()
    );
    Ok(page.replacen(&empty_root, &filled, 1))
}
