//! The county templates are saved under a name in the language on screen (wording review,
//! item 2); the files in dist keep their ASCII names.

use std::cell::RefCell;
use std::rc::Rc;

use muchuan_funding_explorer::core::lang::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlAnchorElement, HtmlElement};

use super::render;

/// The names of the files the template buttons in `root` offer, in the panel's order; the
/// downloads themselves are stopped.
fn offered_names(root: &Element) -> Vec<String> {
    let names = Rc::new(RefCell::new(Vec::new()));
    let seen = names.clone();
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        if let Some(anchor) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlAnchorElement>().ok())
        {
            seen.borrow_mut().push(anchor.download());
            event.prevent_default();
        }
    });
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    document
        .add_event_listener_with_callback("click", listener.as_ref().unchecked_ref())
        .expect("listening");
    let buttons = root
        .query_selector_all(".downloads button")
        .expect("buttons");
    for i in 0..buttons.length() {
        if let Some(button) = buttons
            .item(i)
            .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        {
            button.click();
        }
    }
    document
        .remove_event_listener_with_callback("click", listener.as_ref().unchecked_ref())
        .expect("stopped listening");
    names.take()
}

/// The `download` name of the link to `file` in the panel.
fn link_name(root: &Element, file: &str) -> Option<String> {
    root.query_selector(&format!(".downloads a[href=\"./{file}\"]"))
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("download"))
}

#[wasm_bindgen_test]
async fn templates_are_saved_under_names_in_the_language_on_screen() {
    for (lang, csv, simple) in [
        (
            Lang::ZhHans,
            "县级资金数据模板.csv",
            [
                "县级资金数据简易模板.csv",
                "县级资金数据简易模板-英文表头.csv",
            ],
        ),
        (
            Lang::ZhHant,
            "縣級資金資料範本.csv",
            [
                "縣級資金資料簡易範本.csv",
                "縣級資金資料簡易範本-英文表頭.csv",
            ],
        ),
        (
            Lang::En,
            "county-funding-template.csv",
            [
                "county-funding-simple-template-chinese-headers.csv",
                "county-funding-simple-template.csv",
            ],
        ),
    ] {
        let root = render(lang).await;
        assert_eq!(
            link_name(&root, "template.csv").as_deref(),
            Some(csv),
            "{lang:?}"
        );
        assert_eq!(offered_names(&root), simple, "{lang:?}");
        root.remove();
    }
}
