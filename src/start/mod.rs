//! Start-up, the top layer: the explorer's own page and its iframe ([`page`]), the custom
//! element ([`element`]), the panic panel, and what they share: the built-in dataset, a dataset
//! fetched by URL, the scenario a share link opens. Nothing below mounts the app.

// Mounting needs Yew's browser renderer, which only the wasm32 build has.
#[cfg(target_arch = "wasm32")]
pub mod element;
#[cfg(target_arch = "wasm32")]
pub mod page;
// The panic panel replaces Yew's browser panic hook.
#[cfg(target_arch = "wasm32")]
pub mod panic;

#[cfg(target_arch = "wasm32")]
pub use page::start;

use crate::web::fetch;
use std::rc::Rc;

use crate::MUCHUAN_JSON;
use crate::core::csv_import;
use crate::core::dataset::Dataset;
use crate::core::scenario::{BalanceMode, Scenario};
use crate::core::share_link;
use crate::core::validate::{Report, parse_dataset};
use crate::model::state::{DatasetProblem, LinkPlace, Notice};

/// The id of the element the standalone page mounts the explorer in.
pub const STANDALONE_ROOT_ID: &str = "mfe-root";

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
                // A table without a title is called after the file the link names.
                csv_import::parse_csv(&fetched.bytes)
                    .map(|read| csv_import::named(read.dataset, &csv_import::file_name(url)))
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

/// What a share link opens: its scenario and the name it gives it.
pub struct FromLink {
    /// The scenario (the baseline when there is no link or it cannot be read).
    pub scenario: Scenario,
    /// The scenario's name, if the link gives one.
    pub name: Option<String>,
    /// Why the link could not be read, if it could not.
    pub notice: Option<Notice>,
}

/// The scenario a share link describes, or the baseline with a notice when the link cannot be
/// read (saying that it stays in the address bar when the page has one: `in_address_bar`).
pub fn scenario_from_link(dataset: &Dataset, link: Option<&str>, in_address_bar: bool) -> FromLink {
    let baseline = |notice| FromLink {
        scenario: Scenario::baseline(dataset),
        name: None,
        notice,
    };
    match link.filter(|l| !l.trim_start_matches('#').is_empty()) {
        None => baseline(None),
        Some(link) => match share_link::read(link, dataset) {
            Ok(linked) => FromLink {
                scenario: linked.scenario,
                name: linked.name,
                notice: None,
            },
            Err(error) => baseline(Some(Notice::BadLink {
                place: if in_address_bar {
                    LinkPlace::OpeningAddress
                } else {
                    LinkPlace::Framed
                },
                error,
            })),
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

/// A line before the explorer saying a dataset is on its way (the figures under it, if any, are
/// the built-in ones until it arrives); removed when dropped.
pub struct Loading(Option<web_sys::Element>);

impl Drop for Loading {
    fn drop(&mut self) {
        if let Some(line) = &self.0 {
            line.remove();
        }
    }
}

/// Shows [`Loading`] for `url` before `root`, in `lang`.
pub fn show_loading(root: &web_sys::Element, url: &str, lang: crate::core::lang::Lang) -> Loading {
    let line = root
        .owner_document()
        .and_then(|d| d.create_element("p").ok());
    if let Some(line) = &line {
        line.set_class_name("mfe-data-loading");
        let _ = line.set_attribute("role", "status");
        line.set_text_content(Some(&crate::i18n::fill(
            lang,
            "app.data-loading",
            &[("url", url)],
        )));
        let _ = root.before_with_node_1(line);
    }
    Loading(line)
}
