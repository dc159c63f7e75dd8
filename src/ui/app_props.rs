//! What the explorer is given when it is mounted, and what it tells its host after a change.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::dataset::Dataset;
use crate::core::lang::Lang;
use crate::core::scenario::Scenario;
use crate::core::totals::Totals;
use crate::model::state::{Notice, Opening};
use crate::ui::headings::Levels;

/// How the app starts.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The dataset to show.
    pub dataset: Rc<Dataset>,
    /// The scenario to open (the baseline, or one from a share link).
    pub scenario: Scenario,
    /// The interface language.
    pub lang: Lang,
    /// Notices to show from the start (a bad share link…).
    #[prop_or_default]
    pub notices: Vec<Notice>,
    /// Where the dataset came from when it is not the built-in one (a URL), for the page to say.
    #[prop_or_default]
    pub data_origin: Option<String>,
    /// Whether the app owns the page (skip link; banner, `main` and contentinfo landmarks) or
    /// sits inside another.
    #[prop_or(true)]
    pub standalone: bool,
    /// Whether the explorer is on its own page or frame (whose address a share link can be),
    /// not an element of another page.
    #[prop_or(true)]
    pub own_page: bool,
    /// A narrower layout for embedding: one column, no summary.
    #[prop_or_default]
    pub compact: bool,
    /// Told after every change of the scenario (share link, host events).
    #[prop_or_default]
    pub on_change: Option<Callback<ScenarioChange>>,
    /// Where the downloadable files are (template, schema), ending in `/`.
    #[prop_or(AttrValue::Static("./"))]
    pub asset_base: AttrValue,
    /// Told once everything is on the page, the scenarios panel included, and again in each
    /// language the explorer is then switched to.
    #[prop_or_default]
    pub on_ready: Option<Callback<Lang>>,
    /// Whether the document is the explorer's own (its page, or its iframe), so that Ctrl+Z and
    /// Ctrl+Y act wherever the focus is, even on nothing; inside a host page they act only
    /// within the explorer.
    #[prop_or_default]
    pub document_shortcuts: bool,
    /// The heading levels: the title an `h1` on the explorer's own page, lower inside a host
    /// page that has its own title.
    #[prop_or_default]
    pub headings: Levels,
    /// Whether the first render is the first screen prerendered at build time (these props'
    /// dataset, scenario and language, charts at a fixed width), to be hydrated: it must then
    /// read nothing from the browser. The app counts as started once `open` has answered.
    #[prop_or_default]
    pub first_screen: bool,
    /// Given, once the first screen is on the page, the callback through which the start-up
    /// says what to open instead (the address's dataset, scenario and language).
    #[prop_or_default]
    pub open: Option<Callback<Callback<Opening>>>,
}

impl AppProps {
    /// The explorer's own page as it is prerendered at build time and first rendered by the
    /// browser that hydrates it: `dataset` (the built-in one) at its baseline, in the default
    /// language, with the page's landmarks. Both sides build their props here, so that they
    /// cannot render differently.
    pub fn first_screen(dataset: Rc<Dataset>) -> AppProps {
        AppProps {
            scenario: Scenario::baseline(&dataset),
            dataset,
            lang: Lang::default(),
            notices: Vec::new(),
            data_origin: None,
            standalone: true,
            own_page: true,
            compact: false,
            on_change: None,
            asset_base: AttrValue::Static("./"),
            on_ready: None,
            document_shortcuts: true,
            headings: Levels::default(),
            first_screen: true,
            open: None,
        }
    }
}

/// What the app tells its host after a change.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioChange {
    /// The dataset shown.
    pub dataset: Rc<Dataset>,
    /// The scenario now.
    pub scenario: Scenario,
    /// Its totals.
    pub totals: Rc<Totals>,
}
