//! Starting the explorer on its own page (`index.html`), standalone or in an iframe.
//!
//! The standalone page arrives with the first screen already in its HTML (the built-in
//! dataset's baseline in Simplified Chinese, rendered at build time by `src/bin/prerender.rs`).
//! The app hydrates it, rendering the very same first screen, and only then opens what the
//! address and the browser ask for (another language, a share link, another dataset), so that
//! nothing read from the browser can make the hydrated page differ from the HTML.

use std::cell::Cell;
use std::rc::Rc;

use yew::Callback;

use crate::core::dataset::Dataset;
use crate::core::lang::Lang;
use crate::core::share_link;
use crate::model::state::{Notice, Opening};
use crate::start::{FromLink, STANDALONE_ROOT_ID, load_dataset, muchuan, panic, show_loading};
use crate::ui::app::App;
use crate::ui::app_props::{AppProps, ScenarioChange};
use crate::ui::headings::Levels;
use crate::web::{fetch, frame, messages, page, roots};

/// What the page's address and the browser ask for, read before anything writes the address.
#[derive(Clone)]
struct Address {
    lang: Lang,
    data_url: Option<String>,
    link: Option<String>,
    framed: bool,
    /// One column for a narrow slot, only when the host asks: a frame's own width picks the
    /// layout otherwise, as a window's does.
    compact: bool,
}

impl Address {
    fn read() -> Address {
        Address {
            lang: page::query_param("lang")
                .and_then(|tag| Lang::from_tag(&tag))
                .or_else(page::browser_lang)
                .unwrap_or_default(),
            data_url: page::query_param("data"),
            // An anchor in the page (`#main-content`, after the skip link) is no share link.
            link: page::fragment().filter(|fragment| share_link::is_link_fragment(fragment)),
            framed: page::query_param("embed").is_some(),
            compact: page::query_param("compact").is_some(),
        }
    }

    /// What to open: the dataset the address names, or else the one the planner loaded last
    /// and this browser kept (not in a frame), or else `builtin`, the one already on screen;
    /// the share link read against it (or the scenario this tab kept when no link could carry
    /// it); and whether the link could not be read. `root` gets a loading line meanwhile.
    async fn open(self, builtin: Rc<Dataset>, root: &web_sys::Element) -> (Opening, bool) {
        // The page opens in its language at once when its messages are here; if they cannot be
        // had, the app says so once it has started.
        let _ = messages::load(self.lang, "./").await;
        let kept = match (&self.data_url, self.framed) {
            (None, false) => crate::ui::kept_data::reopened().await,
            _ => None,
        };
        let (dataset, mut notices, origin) = match (kept, self.data_url.as_deref()) {
            (Some((name, dataset)), _) => (Rc::new(dataset), Vec::new(), Some(name)),
            (None, Some(url)) => {
                let loading = show_loading(root, url, self.lang);
                let loaded = load_dataset(Some(url), fetch::Reach::Page).await;
                drop(loading);
                loaded
            }
            (None, None) => (builtin, Vec::new(), None),
        };
        let opened = scenario_on_screen(&dataset, self.link.as_deref(), !self.framed);
        let bad_link = opened.notice.is_some();
        notices.extend(opened.notice);
        notices.extend(opened.name.clone().map(|name| Notice::LinkOpened { name }));
        let opening = Opening {
            dataset,
            scenario: opened.scenario,
            lang: self.lang,
            notices,
            origin,
            name: opened.name,
        };
        (opening, bad_link)
    }
}

/// Runs when the module loads: installs the panic panel and, on the explorer's own page (which
/// has `#mfe-root`), starts the app. Pages that embed the custom element have no such element:
/// the element mounts itself through [`crate::start::element::mount`].
pub fn start() {
    panic::install();
    let Some(root) = page::element_by_id(STANDALONE_ROOT_ID) else {
        return;
    };
    let address = Address::read();
    // Another language's messages are fetched while the app starts.
    let _ = messages::ask(address.lang, "./");
    roots::add(&root);
    let framed = address.framed;
    if framed {
        frame::report_height_to_parent(&root);
    }
    // The app's first report is of the scenario it opened. A link that could not be read stays
    // in the address bar, to be looked at or sent back, until the planner changes something.
    let keep_link = Rc::new(Cell::new(false));
    let on_change = {
        let keep_link = keep_link.clone();
        Callback::from(move |change: ScenarioChange| {
            if keep_link.replace(false) {
                return;
            }
            page::set_fragment_soon(move || share_link::encode(&change.dataset, &change.scenario));
        })
    };
    let compact = address.compact;
    let on_ready = Callback::from(page::mark_ready);
    let builtin = muchuan();
    // In an iframe the explorer is laid out otherwise (compact, no page landmarks) than the
    // prerendered page: it renders afresh once it knows what to open. So does a page built
    // without its first screen.
    if framed || root.first_element_child().is_none() {
        wasm_bindgen_futures::spawn_local(async move {
            let (opening, bad_link) = address.open(builtin, &root).await;
            keep_link.set(bad_link);
            let props = AppProps {
                dataset: opening.dataset,
                scenario: opening.scenario,
                lang: opening.lang,
                notices: opening.notices,
                data_origin: opening.origin,
                standalone: !framed,
                own_page: true,
                compact,
                on_change: Some(on_change),
                asset_base: "./".into(),
                on_ready: Some(on_ready),
                document_shortcuts: true,
                // Its own document, even in an iframe: the title is the `h1`.
                headings: Levels::default(),
                first_screen: false,
                open: None,
            };
            root.set_text_content(None);
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        });
        return;
    }
    let first_screen = AppProps {
        on_change: Some(on_change),
        on_ready: Some(on_ready),
        ..AppProps::first_screen(builtin.clone())
    };
    let page_root = root.clone();
    let open = Callback::from(move |answer: Callback<Opening>| {
        let (address, keep_link, builtin) = (address.clone(), keep_link.clone(), builtin.clone());
        let root = page_root.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let (opening, bad_link) = address.open(builtin, &root).await;
            keep_link.set(bad_link);
            answer.emit(opening);
        });
    });
    yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            open: Some(open),
            ..first_screen
        },
    )
    .hydrate();
}

/// The scenario to show first: the link's, or without one the scenario this tab kept because
/// no link could carry it (see [`page::set_fragment`]), or the baseline.
fn scenario_on_screen(dataset: &Dataset, link: Option<&str>, in_address_bar: bool) -> FromLink {
    if link.is_none()
        && let Some(scenario) =
            page::kept_in_tab().and_then(|kept| share_link::decode_kept(&kept, dataset).ok())
    {
        return FromLink {
            scenario,
            name: None,
            notice: None,
        };
    }
    super::scenario_from_link(dataset, link, in_address_bar)
}
