//! The app's state and its reducer: every change the interface makes goes through [`Msg`].
//! Pure: no browser and no Yew, so `cargo test` covers it natively.
//!
//! The scenario itself changes only through the core's pure reducer
//! ([`Scenario::apply`](crate::core::scenario::Scenario::apply)); this layer adds undo history,
//! the language, and the notices the interface shows.

use std::rc::Rc;

use crate::core::dataset::Dataset;
use crate::core::history::History;
use crate::core::lang::Lang;
use crate::core::scenario::{Action, Refusal, Scenario};
use crate::model::aside::MadeBy;

pub use crate::model::notice::{DatasetProblem, LinkPlace, Notice};

/// Where a refusal's reason is shown: beside the field that was used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefusalPlace {
    /// A stream's own fields (amount, slider, lock, outcome, note).
    Stream(usize),
    /// The form that moves money between two streams.
    Transfer,
    /// A bid's offer to cover its shortfall.
    Cover(usize),
}

/// A shared dataset that compares by identity, so props holding it compare in O(1).
#[derive(Clone, Debug)]
pub struct DatasetRef(pub Rc<Dataset>);

impl PartialEq for DatasetRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for DatasetRef {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        &self.0
    }
}

/// Everything the app shows is derived from this.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The dataset being explored.
    pub dataset: DatasetRef,
    /// The scenario with its undo history. Shared, not copied: the reducer clones the state on
    /// every message, and a hundred copies of a thousand-stream scenario made each slider move
    /// copy megabytes.
    pub history: History<Rc<Scenario>>,
    /// The interface language.
    pub lang: Lang,
    /// A language asked for whose messages are on their way: the page stays in `lang` until
    /// they arrive ([`Msg::LangArrived`]).
    pub pending_lang: Option<Lang>,
    /// The last refused action, shown where it was asked for.
    pub refusal: Option<(RefusalPlace, Refusal)>,
    /// Notices to show, oldest first.
    pub notices: Vec<Notice>,
    /// The stream whose slider is being dragged, once the drag has changed its amount: later
    /// moves of the same drag amend that one undo step instead of adding one per frame.
    pub dragging: Option<usize>,
    /// The file the planner loaded the dataset from, if they did: a share link cannot carry it.
    pub data_file: Option<String>,
    /// Where the page's address or the browser's storage took the dataset from, when it is not
    /// the built-in one (a `?data=` URL, or the name of the file this browser kept).
    pub origin: Option<String>,
    /// The name a share link or a scenario file gave the scenario it opened; it names the
    /// scenario on screen while that one is on screen.
    pub given_name: Option<(Rc<Scenario>, String)>,
    /// How many times the whole scenario was replaced (undo, redo, reset, a saved or imported
    /// scenario opened, a dataset loaded): a stream row then drops text it rejected.
    pub replacements: u32,
    /// What made the scenario on screen, when its last change was the planner's (an action,
    /// an undo or a redo; not an opening): what it did beside the figures is said with them
    /// ([`crate::model::aside`]).
    pub made_by: Option<MadeBy>,
}

impl AppState {
    /// A state showing `dataset` with `scenario`, in `lang`.
    pub fn new(dataset: Rc<Dataset>, scenario: Scenario, lang: Lang) -> AppState {
        let mut state = AppState {
            dataset: DatasetRef(dataset),
            history: History::new(Rc::new(scenario)),
            lang: Lang::default(),
            pending_lang: None,
            refusal: None,
            notices: Vec::new(),
            dragging: None,
            data_file: None,
            origin: None,
            given_name: None,
            replacements: 0,
            made_by: None,
        };
        state.want_lang(lang);
        state
    }

    /// Switches to `lang` if its messages are here, or else waits for them in the language on
    /// screen.
    fn want_lang(&mut self, lang: Lang) {
        if crate::i18n::catalogue::is_loaded(lang) {
            self.lang = lang;
            self.pending_lang = None;
            // A language that could not be had before is no news once one is on screen.
            self.notices
                .retain(|n| !matches!(n, Notice::LangUnavailable(_)));
        } else {
            self.pending_lang = Some(lang);
        }
    }

    /// The name a link or a file gave the scenario on screen, if it gave one.
    pub fn given_name(&self) -> Option<&str> {
        self.given_name
            .as_ref()
            .filter(|(scenario, _)| Rc::ptr_eq(scenario, self.history.present()))
            .map(|(_, name)| name.as_str())
    }

    /// The current scenario.
    pub fn scenario(&self) -> &Scenario {
        self.history.present()
    }

    /// The transfer that made the scenario on screen, while it is the planner's last word:
    /// said beside the form until another change, an undo or a refusal comes after it (a
    /// transfer changes no total in a fixed pool, so nothing else says that money moved).
    pub fn transfer_done(&self) -> Option<Moved> {
        match (&self.made_by, &self.refusal) {
            (Some(MadeBy::Act(Action::Transfer { from, to, amount })), None) => Some(Moved {
                from: *from,
                to: *to,
                amount: *amount,
            }),
            _ => None,
        }
    }
}

/// Money a transfer moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moved {
    /// The stream that gave.
    pub from: usize,
    /// The stream that received.
    pub to: usize,
    /// What moved, in yuan.
    pub amount: i64,
}

/// A change to the app's state.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// A planner's action on the scenario.
    Act(Action),
    /// A stream's slider moved to `amount`; the moves of one drag are one undo step.
    Slide {
        /// The stream's position in the dataset.
        stream: usize,
        /// The amount the slider shows, in yuan.
        amount: i64,
    },
    /// The slider was let go (or a key moved it one step): its next move is a new undo step.
    EndSlide,
    /// Undo the last change to the scenario.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Switch the interface language (once its messages are here).
    SetLang(Lang),
    /// The messages of a language arrived: the page switches if that is still the one waited
    /// for.
    LangArrived(Lang),
    /// The messages of a language could not be fetched: the page stays as it is, and says so.
    LangUnavailable(Lang),
    /// Replace the dataset with one read from the file named, or with the built-in one when no
    /// file is named (and start a fresh history on `scenario`).
    LoadDataset(Rc<Dataset>, Scenario, Option<String>),
    /// Open a scenario of the current dataset (a saved one, an import, a pasted link), as an
    /// undoable change, with the name a file or a link gives it.
    OpenScenario(Scenario, Option<String>),
    /// Open what the page's address and the browser ask for, in place of the prerendered first
    /// screen: a fresh history, no undo step.
    Open(Box<Opening>),
    /// Show a notice.
    Notify(Notice),
    /// Dismiss the notice at this position.
    Dismiss(usize),
}

impl AppState {
    /// Applies a planner's action as one undo step, or records why it was refused.
    fn act(&mut self, action: Action) {
        match self.scenario().apply(&self.dataset, action.clone()) {
            Ok(scenario) => {
                self.history.push(Rc::new(scenario));
                self.refusal = None;
            }
            Err(refusal) => {
                let place = match action {
                    Action::SetAmount { stream, .. }
                    | Action::Step { stream, .. }
                    | Action::SetLocked { stream, .. }
                    | Action::SetOutcome { stream, .. }
                    | Action::SetNote { stream, .. } => Some(RefusalPlace::Stream(stream)),
                    Action::CoverShortfall { stream, .. } => Some(RefusalPlace::Cover(stream)),
                    Action::Transfer { .. } => Some(RefusalPlace::Transfer),
                    // Modes, counting sought money and reset are never refused.
                    Action::SetMode(_) | Action::SetCountSought(_) | Action::Reset => None,
                };
                self.refusal = place.map(|place| (place, refusal));
            }
        }
    }
}

/// What the explorer's own page opens once it has started: the first screen is always the
/// built-in dataset's baseline in the default language (it is prerendered at build time); the
/// address and the browser may ask for another dataset, scenario or language.
#[derive(Clone, Debug, PartialEq)]
pub struct Opening {
    /// The dataset to show.
    pub dataset: Rc<Dataset>,
    /// The scenario to open.
    pub scenario: Scenario,
    /// The interface language.
    pub lang: Lang,
    /// Notices to show (a dataset or a share link that could not be read).
    pub notices: Vec<Notice>,
    /// Where the dataset came from when it is not the built-in one (its URL or file name).
    pub origin: Option<String>,
    /// The scenario's name, when the share link gives one.
    pub name: Option<String>,
}

impl AppState {
    /// The state after `msg`: `self` itself when nothing changed, so that the view is not
    /// rendered again for nothing (the Yew reducer in `ui` is this).
    pub fn next(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        let replaces = matches!(
            msg,
            Msg::Undo
                | Msg::Redo
                | Msg::LoadDataset(..)
                | Msg::OpenScenario(..)
                | Msg::Open(_)
                | Msg::Act(Action::Reset)
        );
        let dragging = next.dragging.take();
        let acting = match &msg {
            Msg::Act(action) => Some(MadeBy::Act(action.clone())),
            Msg::Slide { stream, amount } => Some(MadeBy::Act(Action::SetAmount {
                stream: *stream,
                amount: *amount,
            })),
            Msg::Undo => Some(MadeBy::Undo),
            Msg::Redo => Some(MadeBy::Redo),
            _ => None,
        };
        match msg {
            Msg::Act(action) => next.act(action),
            Msg::Slide { stream, amount } => {
                // The slider's range is the same in both modes; in a fixed pool a drag past
                // what the others can give stops there (the row then says why). A move up
                // with no room at all is refused, so that the reason is said.
                let scenario = next.scenario();
                let current = scenario.amount(stream).unwrap_or(0);
                let room = scenario.max_for(&next.dataset, stream).max(current);
                let stuck = amount > current && room <= current;
                let action = Action::SetAmount {
                    stream,
                    amount: if stuck { amount } else { amount.min(room) },
                };
                match next.scenario().apply(&next.dataset, action.clone()) {
                    Ok(scenario) if dragging == Some(stream) => {
                        next.history.amend(Rc::new(scenario));
                        next.refusal = None;
                        next.dragging = dragging;
                    }
                    _ => {
                        let before = Rc::clone(next.history.present());
                        next.act(action);
                        // Only a move that made an undo step starts a drag to amend.
                        let moved = !Rc::ptr_eq(&before, next.history.present());
                        next.dragging = moved.then_some(stream);
                    }
                }
            }
            Msg::EndSlide => {}
            Msg::Undo => {
                next.history.undo();
                next.refusal = None;
            }
            Msg::Redo => {
                next.history.redo();
                next.refusal = None;
            }
            Msg::SetLang(lang) => next.want_lang(lang),
            Msg::LangArrived(lang) => {
                if next.pending_lang == Some(lang) {
                    next.want_lang(lang);
                }
            }
            Msg::LangUnavailable(lang) => {
                if next.pending_lang == Some(lang) {
                    next.pending_lang = None;
                    let notice = Notice::LangUnavailable(lang);
                    if !next.notices.contains(&notice) {
                        next.notices.push(notice);
                    }
                }
            }
            Msg::LoadDataset(dataset, scenario, file) => {
                // Notices that said the data on screen stays are stale once other data loads.
                next.notices.retain(|n| !n.keeps_data());
                next.origin = None;
                next.dataset = DatasetRef(dataset);
                next.data_file = file;
                next.history = History::new(Rc::new(scenario));
                next.refusal = None;
            }
            Msg::OpenScenario(scenario, name) => {
                // The scenario already on screen makes no undo step.
                if scenario.fits(&next.dataset) && scenario != *next.scenario() {
                    next.history.push(Rc::new(scenario));
                    next.refusal = None;
                }
                next.given_name = name
                    .filter(|n| !n.trim().is_empty())
                    .map(|n| (Rc::clone(next.history.present()), n));
            }
            Msg::Open(opening) => {
                let Opening {
                    dataset,
                    scenario,
                    lang,
                    notices,
                    origin,
                    name,
                } = *opening;
                next.origin = origin;
                next.dataset = DatasetRef(dataset);
                next.history = History::new(Rc::new(scenario));
                next.given_name = name.map(|n| (Rc::clone(next.history.present()), n));
                next.want_lang(lang);
                next.refusal = None;
                for notice in notices {
                    if !next.notices.contains(&notice) {
                        next.notices.push(notice);
                    }
                }
            }
            Msg::Notify(notice) => {
                // Another file tried: the notice of the one before goes, so they do not pile up.
                next.notices.retain(|earlier| !notice.replaces(earlier));
                if !next.notices.contains(&notice) {
                    next.notices.push(notice);
                }
            }
            Msg::Dismiss(index) => {
                if index < next.notices.len() {
                    next.notices.remove(index);
                }
            }
        }
        if replaces
            && (!std::ptr::eq(next.scenario(), self.scenario()) || next.dataset != self.dataset)
        {
            next.replacements = next.replacements.wrapping_add(1);
        }
        if !Rc::ptr_eq(next.history.present(), self.history.present()) {
            next.made_by = acting;
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
