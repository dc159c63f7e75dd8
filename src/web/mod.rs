//! The browser edge: starting the app, the page's language, panics, timers.

pub mod page;
pub mod panic;
pub mod timer;

use std::rc::Rc;

use crate::MUCHUAN_JSON;
use crate::core::lang::Lang;
use crate::core::scenario::Scenario;
use crate::core::validate::parse_dataset;
use crate::ui::app::{App, AppProps};

/// Starts the standalone page: installs the panic panel, picks the language and mounts the app
/// on `#app`.
pub fn start_standalone() {
    panic::install();
    let Some(root) = page::element_by_id("app") else {
        panic::show_start_failure("the page has no element with id “app”");
        return;
    };
    let dataset = match parse_dataset(MUCHUAN_JSON.as_bytes()) {
        Ok(validated) => Rc::new(validated.dataset),
        Err(report) => {
            panic::show_start_failure(&format!("the built-in dataset is invalid: {report:?}"));
            return;
        }
    };
    let lang = page::query_param("lang")
        .and_then(|tag| Lang::from_tag(&tag))
        .or_else(page::browser_lang)
        .unwrap_or_default();
    let scenario = Scenario::baseline(&dataset);
    yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            dataset,
            scenario,
            lang,
            notices: Vec::new(),
            standalone: true,
        },
    )
    .render();
    page::mark_ready(lang);
}
