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
use crate::start::{load_dataset, mode_from_name, muchuan, show_loading};
use crate::ui::app::App;
use crate::ui::app_props::{AppProps, ScenarioChange};
use crate::ui::headings::Levels;
use crate::web::fetch::Reach;
use crate::web::{messages, page, roots};

/// A mounted explorer; `update()` passes it a new language, heading level or compactness,
/// `destroy()` removes it (the element calls it when it leaves the page).
#[wasm_bindgen]
pub struct Mounted {
    app: Rc<RefCell<Option<AppHandle<App>>>>,
    root: web_sys::Element,
    /// Set by `destroy`: a dataset still being fetched is then dropped, not rendered.
    destroyed: Rc<Cell<bool>>,
    /// What the element's attributes set, read again by `update`.
    settings: Rc<Cell<Settings>>,
    /// The props the app was rendered with, once it was.
    props: Rc<RefCell<Option<AppProps>>>,
}

/// What the element's attributes set that the mounted app follows in place (its data, the
/// planner's scenario, undo history, notices and focus kept).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Settings {
    lang: Lang,
    headings: Levels,
    compact: bool,
}

impl Settings {
    fn read(options: &JsValue) -> Settings {
        let lang = understood(options, "lang", "zh-Hans, zh-Hant or en", Lang::from_tag)
            .or_else(page::browser_lang)
            .unwrap_or_default();
        // One digit as written: `+2` or `02` is a typo to report, not a level to guess.
        let headings = understood(
            options,
            "heading-level",
            "1, 2, 3 or 4",
            |level| match level.trim().as_bytes() {
                &[digit @ b'0'..=b'9'] => Levels::with_title_at(digit - b'0'),
                _ => None,
            },
        )
        .unwrap_or_default();
        let compact = Reflect::get(options, &JsValue::from_str("compact"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        Settings {
            lang,
            headings,
            compact,
        }
    }
}

#[wasm_bindgen]
impl Mounted {
    /// Passes a new `lang`, `heading-level` or `compact` (the options of [`mount`]) to the
    /// mounted explorer, which re-renders with its dataset, scenario and undo history kept.
    pub fn update(&self, options: JsValue) {
        let settings = Settings::read(&options);
        self.settings.set(settings);
        let props = self.props.borrow_mut().as_mut().map(|props| {
            props.lang = settings.lang;
            props.headings = settings.headings;
            props.compact = settings.compact;
            props.clone()
        });
        if let (Some(props), Some(app)) = (props, self.app.borrow_mut().as_mut()) {
            app.update(props);
        }
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
/// and schema). The element fires
/// `explorerready` once rendered and `scenariochange` with the totals after every change.
#[wasm_bindgen]
pub fn mount(host: web_sys::HtmlElement, options: JsValue) -> Result<Mounted, JsValue> {
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

    let mode = understood(&options, "mode", "free or fixed-pool", mode_from_name);
    let settings = Rc::new(Cell::new(Settings::read(&options)));
    let src = option(&options, "src");
    let asset_base = option(&options, "assets").unwrap_or_else(|| "./".to_owned());

    let app = Rc::new(RefCell::new(None));
    let destroyed = Rc::new(Cell::new(false));
    let props = Rc::new(RefCell::new(None));
    let mounted = Mounted {
        app: app.clone(),
        root: root.clone(),
        destroyed: destroyed.clone(),
        settings: settings.clone(),
        props: props.clone(),
    };
    wasm_bindgen_futures::spawn_local(async move {
        // The element opens in its language when its messages can be had (fetched beside the
        // dataset); if not, the app says so once mounted.
        let lang_files = messages::ask(settings.get().lang, &asset_base);
        let loading = src
            .as_deref()
            .map(|url| show_loading(&root, url, settings.get().lang));
        let (dataset, notices, _) = load_dataset(src.as_deref(), Reach::Owner).await;
        drop(loading);
        if let Some(lang_files) = lang_files {
            let _ = wasm_bindgen_futures::JsFuture::from(lang_files).await;
        }
        let mut scenario = crate::core::scenario::Scenario::baseline(&dataset);
        if let Some(mode) = mode {
            scenario.mode = mode;
        }
        // Removed, or replaced by a newer mount, while the dataset was on its way.
        if destroyed.get() {
            return;
        }
        let on_change = {
            let host = host.clone();
            Callback::from(move |change: ScenarioChange| fire_change(&host, &change))
        };
        // `data-ready` names the language on screen; `explorerready` fires once.
        let announced = Cell::new(false);
        let on_ready = Callback::from(move |lang: Lang| {
            let _ = host.set_attribute("data-ready", lang.tag());
            if !announced.replace(true) {
                fire(&host, "explorerready", &JsValue::NULL);
            }
        });
        let Settings {
            lang,
            headings,
            compact,
        } = settings.get();
        let app_props = AppProps {
            // The page names where figures other than the built-in ones came from.
            data_origin: src.filter(|_| *dataset != *muchuan()),
            dataset,
            scenario,
            lang,
            notices,
            standalone: false,
            own_page: false,
            compact,
            on_change: Some(on_change),
            asset_base: asset_base.into(),
            on_ready: Some(on_ready),
            document_shortcuts: false,
            headings,
            first_screen: false,
            open: None,
        };
        *props.borrow_mut() = Some(app_props.clone());
        let handle = yew::Renderer::<App>::with_root_and_props(root, app_props).render();
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
