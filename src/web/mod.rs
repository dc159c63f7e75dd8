//! The browser edge: starting the app on the standalone page, in an iframe, or as a custom
//! element; the URL, fetching, the panic panel, timers.

pub mod download;
pub mod element;
pub mod fetch;
pub mod files;
pub mod frame;
pub mod idb;
pub mod page;
pub mod panic;
pub mod roots;
pub mod storage;
pub mod timer;

use std::rc::Rc;

use yew::Callback;

use crate::MUCHUAN_JSON;
use crate::core::dataset::Dataset;
use crate::core::lang::Lang;
use crate::core::scenario::{BalanceMode, Scenario};
use crate::core::share_link;
use crate::core::validate::{Report, parse_dataset};
use crate::i18n::Message;
use crate::ui::app::{App, AppProps, ScenarioChange};
use crate::ui::headings::Levels;
use crate::ui::state::{DatasetProblem, Notice};

/// The id of the element the standalone page mounts the explorer in.
pub const STANDALONE_ROOT_ID: &str = "mfe-root";

/// Runs when the module loads: installs the panic panel and, on the explorer's own page (which
/// has `#mfe-root`), mounts the app. Pages that embed the custom element have no such element:
/// the element mounts itself through [`element::mount`].
pub fn start() {
    panic::install();
    let Some(root) = page::element_by_id(STANDALONE_ROOT_ID) else {
        return;
    };
    let framed = page::query_param("embed").is_some();
    let lang = page::query_param("lang")
        .and_then(|tag| Lang::from_tag(&tag))
        .or_else(page::browser_lang)
        .unwrap_or_default();
    let data_url = page::query_param("data");
    wasm_bindgen_futures::spawn_local(async move {
        // The page opens on the dataset the planner loaded last, kept in this browser, unless
        // its address names another (`?data=`) or it is framed in another page.
        let kept = match (&data_url, framed) {
            (None, false) => crate::ui::kept_data::reopened().await,
            _ => None,
        };
        let (dataset, mut notices) = match kept {
            Some(dataset) => (Rc::new(dataset), Vec::new()),
            None => load_dataset(data_url.as_deref()).await,
        };
        // An anchor in the page (`#main-content`, after the skip link) is no share link.
        let link = page::fragment().filter(|fragment| share_link::is_link_fragment(fragment));
        let (scenario, link_notice) = scenario_from_link(&dataset, link.as_deref(), lang, !framed);
        // A link that could not be read stays in the address bar, to be looked at or sent back,
        // until the planner changes something: the app's first report (the baseline) skips it.
        let keep_link = std::cell::Cell::new(link_notice.is_some());
        notices.extend(link_notice);
        let on_change = Callback::from(move |change: ScenarioChange| {
            if keep_link.replace(false) {
                return;
            }
            page::set_fragment_soon(move || share_link::encode(&change.dataset, &change.scenario));
        });
        if framed {
            frame::report_height_to_parent(&root);
        }
        roots::add(&root);
        yew::Renderer::<App>::with_root_and_props(
            root,
            AppProps {
                dataset,
                scenario,
                lang,
                notices,
                standalone: !framed,
                compact: framed,
                on_change: Some(on_change),
                asset_base: "./".into(),
                on_ready: Some(Callback::from(move |()| page::mark_ready(lang))),
                document_shortcuts: true,
                // Its own document, even in an iframe: the title is the `h1`.
                headings: Levels::default(),
            },
        )
        .render();
    });
}

/// The built-in Muchuan dataset.
pub fn muchuan() -> Rc<Dataset> {
    match parse_dataset(MUCHUAN_JSON.as_bytes()) {
        Ok(validated) => Rc::new(validated.dataset),
        // A test guarantees the built-in dataset is valid; this only keeps a broken build
        // from showing a blank page.
        Err(report) => panic!("the built-in dataset is invalid: {:?}", report.problems),
    }
}

/// The dataset at `url` if one is given and valid; otherwise the built-in one, with a notice
/// saying why the other could not be used.
pub async fn load_dataset(url: Option<&str>) -> (Rc<Dataset>, Vec<Notice>) {
    let Some(url) = url.filter(|u| !u.trim().is_empty()) else {
        return (muchuan(), Vec::new());
    };
    match fetch::fetch_bytes(url).await {
        Ok(bytes) => match parse_dataset(&bytes) {
            Ok(validated) => (Rc::new(validated.dataset), Vec::new()),
            Err(Report { problems }) => (
                muchuan(),
                vec![Notice::InvalidDataset {
                    origin: url.to_owned(),
                    problems: problems.into_iter().map(DatasetProblem::Json).collect(),
                }],
            ),
        },
        Err(error) => (
            muchuan(),
            vec![Notice::Message {
                key: "notice.fetch-failed",
                detail: Some(match error {
                    fetch::FetchError::Network => url.to_owned(),
                    fetch::FetchError::Status(status) => format!("{url} (HTTP {status})"),
                }),
            }],
        ),
    }
}

/// The scenario a share link describes, or the baseline with a notice when the link cannot be
/// read (saying that it stays in the address bar when the page has one: `in_address_bar`).
pub fn scenario_from_link(
    dataset: &Dataset,
    link: Option<&str>,
    lang: Lang,
    in_address_bar: bool,
) -> (Scenario, Option<Notice>) {
    match link.filter(|l| !l.trim_start_matches('#').is_empty()) {
        None => (Scenario::baseline(dataset), None),
        Some(link) => match share_link::decode(link, dataset) {
            Ok(scenario) => (scenario, None),
            Err(error) => (
                Scenario::baseline(dataset),
                Some(Notice::Message {
                    key: if in_address_bar {
                        "notice.bad-link"
                    } else {
                        "notice.bad-link-framed"
                    },
                    detail: Some(error.message(lang)),
                }),
            ),
        },
    }
}

/// A balance mode named by an embed attribute: `fixed-pool` or `free`.
pub fn mode_from_name(name: &str) -> Option<BalanceMode> {
    match name.trim() {
        "fixed-pool" | "pool" => Some(BalanceMode::FixedPool),
        "free" => Some(BalanceMode::Free),
        _ => None,
    }
}
