//! The browser edge: starting the app on the standalone page, in an iframe, or as a custom
//! element; the URL, fetching, the panic panel, timers.

pub mod clock;
pub mod download;
pub mod element;
pub mod fetch;
pub mod files;
pub mod frame;
pub mod idb;
pub mod page;
pub mod panic;
pub mod png;
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
use crate::model::state::{DatasetProblem, LinkPlace, Notice};
use crate::ui::app::{App, AppProps, ScenarioChange};
use crate::ui::headings::Levels;

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
    // One column for a narrow slot only when the host asks: a frame's own width picks the
    // layout otherwise, as a window's does.
    let compact = page::query_param("compact").is_some();
    let lang = page::query_param("lang")
        .and_then(|tag| Lang::from_tag(&tag))
        .or_else(page::browser_lang)
        .unwrap_or_default();
    let data_url = page::query_param("data");
    wasm_bindgen_futures::spawn_local(async move {
        // The page opens on the dataset the planner loaded last, kept in this browser, unless
        // its address names another (`?data=`) or it is framed in another page; the page names
        // the file it came from.
        let kept = match (&data_url, framed) {
            (None, false) => crate::ui::kept_data::reopened().await,
            _ => None,
        };
        let (dataset, mut notices, data_origin) = match kept {
            Some((name, dataset)) => (Rc::new(dataset), Vec::new(), Some(name)),
            None => {
                let loading = data_url
                    .as_deref()
                    .map(|url| page::show_loading(&root, url, lang));
                let loaded = load_dataset(data_url.as_deref(), fetch::Reach::Page).await;
                drop(loading);
                loaded
            }
        };
        // An anchor in the page (`#main-content`, after the skip link) is no share link.
        let link = page::fragment().filter(|fragment| share_link::is_link_fragment(fragment));
        let (scenario, link_notice) = scenario_on_screen(&dataset, link.as_deref(), !framed);
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
                data_origin,
                standalone: !framed,
                own_page: true,
                compact,
                on_change: Some(on_change),
                asset_base: "./".into(),
                on_ready: Some(Callback::from(page::mark_ready)),
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

/// The dataset at `url` if one is given, reachable under `reach` and valid, with where it came
/// from (the URL, for the page to name); otherwise the built-in one, with a notice saying why
/// the other could not be used.
pub async fn load_dataset(
    url: Option<&str>,
    reach: fetch::Reach,
) -> (Rc<Dataset>, Vec<Notice>, Option<String>) {
    let Some(url) = url.filter(|u| !u.trim().is_empty()) else {
        return (muchuan(), Vec::new(), None);
    };
    let refused = |problems: Vec<DatasetProblem>| {
        let origin = url.to_owned();
        (
            muchuan(),
            vec![Notice::InvalidDataset { origin, problems }],
            None,
        )
    };
    let failed = |notice: Notice| (muchuan(), vec![notice], None);
    match fetch::fetch_dataset(url, reach).await {
        Ok(fetched) => {
            let read = if fetched.csv {
                crate::core::csv_import::parse_csv(&fetched.bytes)
                    .map(|read| read.dataset)
                    .map_err(|r| r.problems.into_iter().map(DatasetProblem::Csv).collect())
            } else {
                parse_dataset(&fetched.bytes)
                    .map(|read| read.dataset)
                    .map_err(|Report { problems }| {
                        problems.into_iter().map(DatasetProblem::Json).collect()
                    })
            };
            match read {
                Ok(dataset) => (Rc::new(dataset), Vec::new(), Some(url.to_owned())),
                Err(problems) => refused(problems),
            }
        }
        Err(fetch::FetchError::TooLarge { bytes }) => {
            refused(vec![DatasetProblem::Json(crate::core::validate::Problem {
                severity: crate::core::validate::Severity::Error,
                path: String::new(),
                position: None,
                kind: crate::core::validate::ProblemKind::TooLarge { bytes },
            })])
        }
        Err(fetch::FetchError::NotAllowed) => failed(Notice::DataNotAllowed {
            url: url.to_owned(),
        }),
        Err(fetch::FetchError::TimedOut) => failed(Notice::FetchTimedOut {
            url: url.to_owned(),
        }),
        Err(fetch::FetchError::Network) => failed(Notice::FetchFailed {
            url: url.to_owned(),
            status: None,
        }),
        Err(fetch::FetchError::Status(status)) => failed(Notice::FetchFailed {
            url: url.to_owned(),
            status: Some(status),
        }),
    }
}

/// The scenario to show first: the link's, or without one the scenario this tab kept because
/// no link could carry it (see [`page::set_fragment`]), or the baseline.
fn scenario_on_screen(
    dataset: &Dataset,
    link: Option<&str>,
    in_address_bar: bool,
) -> (Scenario, Option<Notice>) {
    if link.is_none()
        && let Some(scenario) =
            page::kept_in_tab().and_then(|kept| share_link::decode_kept(&kept, dataset).ok())
    {
        return (scenario, None);
    }
    scenario_from_link(dataset, link, in_address_bar)
}

/// The scenario a share link describes, or the baseline with a notice when the link cannot be
/// read (saying that it stays in the address bar when the page has one: `in_address_bar`).
pub fn scenario_from_link(
    dataset: &Dataset,
    link: Option<&str>,
    in_address_bar: bool,
) -> (Scenario, Option<Notice>) {
    match link.filter(|l| !l.trim_start_matches('#').is_empty()) {
        None => (Scenario::baseline(dataset), None),
        Some(link) => match share_link::decode(link, dataset) {
            Ok(scenario) => (scenario, None),
            Err(error) => (
                Scenario::baseline(dataset),
                Some(Notice::BadLink {
                    place: if in_address_bar {
                        LinkPlace::OpeningAddress
                    } else {
                        LinkPlace::Framed
                    },
                    error,
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
