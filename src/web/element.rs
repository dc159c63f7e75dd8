//! The explorer as a custom element: `embed/element.js` defines `<muchuan-funding-explorer>`
//! and calls [`mount`] with the element and its attributes. The app renders inside the
//! element's shadow root, so the host page's CSS cannot reach it and its CSS cannot leak out.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

use crate::core::lang::Lang;
use crate::core::share_link;
use crate::ui::app::{App, AppProps, ScenarioChange};
use crate::ui::headings::Levels;
use crate::web::fetch::Reach;
use crate::web::{load_dataset, mode_from_name, page, roots};

/// A mounted explorer; `destroy()` removes it (the element calls it when it leaves the page).
#[wasm_bindgen]
pub struct Mounted {
    app: Rc<RefCell<Option<AppHandle<App>>>>,
    root: web_sys::Element,
    /// Set by `destroy`: a dataset still being fetched is then dropped, not rendered.
    destroyed: Rc<Cell<bool>>,
    /// The dataset on screen and the planner's scenario, after the first render.
    shown: Rc<RefCell<Option<Kept>>>,
}

/// The dataset and scenario of a mounted explorer, handed to the next [`mount`] when the
/// element renders again for a change that keeps them (its language, heading level or
/// compactness): the planner's work, on the very data it was made with (a county file loaded
/// in the explorer included), without fetching it again.
#[wasm_bindgen]
#[derive(Clone)]
pub struct Kept {
    dataset: Rc<crate::core::dataset::Dataset>,
    scenario: crate::core::scenario::Scenario,
}

#[wasm_bindgen]
impl Mounted {
    /// The dataset and scenario on screen, once the explorer has rendered.
    pub fn keep(&self) -> Option<Kept> {
        self.shown.borrow().clone()
    }

    /// Unmounts the explorer and empties its root.
    pub fn destroy(self) {
        self.destroyed.set(true);
        if let Some(app) = self.app.borrow_mut().take() {
            app.destroy();
        }
        roots::remove(&self.root);
        self.root.set_text_content(None);
    }
}

/// Reads a string option; absent, `null` or non-string values count as not given.
fn option(options: &JsValue, name: &str) -> Option<String> {
    Reflect::get(options, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
}

/// Reads a string option with `read`; a value given but not understood counts as not given and
/// is reported in the console, naming the element's attribute and what it takes: a typo in the
/// host page should not go unnoticed.
fn understood<T>(
    options: &JsValue,
    attribute: &str,
    expected: &str,
    read: impl FnOnce(&str) -> Option<T>,
) -> Option<T> {
    let value = option(options, attribute)?;
    let read = read(&value);
    if read.is_none() {
        web_sys::console::warn_1(
            &format!(
                "<muchuan-funding-explorer>: {attribute}=\"{value}\" is ignored; it takes {expected}"
            )
            .into(),
        );
    }
    read
}

/// Mounts the explorer in `host`'s shadow root. `options`: `src` (dataset URL, relative to the
/// page), `lang` (`zh-Hans`, `zh-Hant`, `en`), `mode` (`free`, `fixed-pool`), `heading-level`
/// (`1`–`4`, the level of the explorer's title), `compact` (boolean), `stylesheet` (the URL of
/// the explorer's CSS) and `assets` (the URL of the folder holding the downloadable template
/// and schema). With `kept` (from [`Mounted::keep`]) it shows that dataset and scenario
/// rather than loading `src` and starting from the source figures in `mode`. The element fires
/// `explorerready` once rendered and `scenariochange` with the totals after every change.
#[wasm_bindgen]
pub fn mount(
    host: web_sys::HtmlElement,
    options: JsValue,
    kept: Option<Kept>,
) -> Result<Mounted, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    shadow.set_text_content(None);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    if let Some(href) = option(&options, "stylesheet") {
        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", &href)?;
        shadow.append_child(&link)?;
    }
    let root = document.create_element("div")?;
    root.set_class_name("mfe-host");
    shadow.append_child(&root)?;
    roots::add(&root);

    let lang = understood(&options, "lang", "zh-Hans, zh-Hant or en", Lang::from_tag)
        .or_else(page::browser_lang)
        .unwrap_or_default();
    let mode = understood(&options, "mode", "free or fixed-pool", mode_from_name);
    // One digit as written: `+2` or `02` is a typo to report, not a level to guess.
    let headings = understood(
        &options,
        "heading-level",
        "1, 2, 3 or 4",
        |level| match level.trim().as_bytes() {
            &[digit @ b'0'..=b'9'] => Levels::with_title_at(digit - b'0'),
            _ => None,
        },
    )
    .unwrap_or_default();
    let compact = Reflect::get(&options, &JsValue::from_str("compact"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let src = option(&options, "src");
    let asset_base = option(&options, "assets").unwrap_or_else(|| "./".to_owned());

    let app = Rc::new(RefCell::new(None));
    let destroyed = Rc::new(Cell::new(false));
    let shown = Rc::new(RefCell::new(None));
    let mounted = Mounted {
        app: app.clone(),
        root: root.clone(),
        destroyed: destroyed.clone(),
        shown: shown.clone(),
    };
    wasm_bindgen_futures::spawn_local(async move {
        let (dataset, scenario, notices) = match kept {
            Some(Kept { dataset, scenario }) => (dataset, scenario, Vec::new()),
            None => {
                let loading = src
                    .as_deref()
                    .map(|url| page::show_loading(&root, url, lang));
                let (dataset, notices, _) = load_dataset(src.as_deref(), Reach::Owner).await;
                drop(loading);
                let mut scenario = crate::core::scenario::Scenario::baseline(&dataset);
                if let Some(mode) = mode {
                    scenario.mode = mode;
                }
                (dataset, scenario, notices)
            }
        };
        // Removed, or replaced by a newer mount, while the dataset was on its way.
        if destroyed.get() {
            return;
        }
        let on_change = {
            let host = host.clone();
            Callback::from(move |change: ScenarioChange| {
                *shown.borrow_mut() = Some(Kept {
                    dataset: change.dataset.clone(),
                    scenario: change.scenario.clone(),
                });
                fire_change(&host, &change);
            })
        };
        let handle = yew::Renderer::<App>::with_root_and_props(
            root,
            AppProps {
                // The page names where figures other than the built-in ones came from.
                data_origin: src.filter(|_| *dataset != *crate::web::muchuan()),
                dataset,
                scenario,
                lang,
                notices,
                standalone: false,
                compact,
                on_change: Some(on_change),
                asset_base: asset_base.into(),
                on_ready: Some(Callback::from(move |()| {
                    let _ = host.set_attribute("data-ready", lang.tag());
                    fire(&host, "explorerready", &JsValue::NULL);
                })),
                document_shortcuts: false,
                headings,
            },
        )
        .render();
        *app.borrow_mut() = Some(handle);
    });
    Ok(mounted)
}

/// Fires `scenariochange` with the totals (whole yuan) and the share link.
fn fire_change(host: &web_sys::HtmlElement, change: &ScenarioChange) {
    let detail = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&detail, &JsValue::from_str(key), &value);
    };
    // JavaScript numbers are exact up to 2^53 yuan (about 9×10^15): a county's sums are far
    // below; only a made-up dataset of several streams at the 10^15 limit goes past and rounds.
    set(
        "grandTotal",
        JsValue::from_f64(change.totals.grand() as f64),
    );
    set(
        "granted",
        JsValue::from_f64(change.totals.counted.granted as f64),
    );
    set(
        "sought",
        JsValue::from_f64(change.totals.pending_sought as f64),
    );
    set(
        "countSought",
        JsValue::from_bool(change.scenario.count_sought),
    );
    set(
        "shareLink",
        JsValue::from_str(&share_link::encode(&change.dataset, &change.scenario)),
    );
    fire(host, "scenariochange", &detail.into());
}

fn fire(host: &web_sys::HtmlElement, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
