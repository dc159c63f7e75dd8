//! The app's state and its reducer: every change the interface makes goes through [`Msg`].
//!
//! The scenario itself changes only through the core's pure reducer
//! ([`Scenario::apply`](crate::core::scenario::Scenario::apply)); this layer adds undo history,
//! the language, and the notices the interface shows.

use std::rc::Rc;

use yew::Reducible;

use crate::core::csv_import::CsvProblem;
use crate::core::dataset::Dataset;
use crate::core::history::History;
use crate::core::lang::Lang;
use crate::core::scenario::{Action, Refusal, Scenario};
use crate::core::validate::{Problem, Severity};
use crate::i18n::Message;

/// Where a refused transfer's reason is kept in [`AppState::refusal`]: beside the transfer
/// control, not a stream.
pub const TRANSFER: usize = usize::MAX - 1;

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

/// Something the interface tells the user until they dismiss it.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A message from the i18n files, with an optional detail shown as plain text.
    Message {
        /// The i18n key of the message.
        key: &'static str,
        /// Extra text (a file name, a count), shown as is.
        detail: Option<String>,
    },
    /// A dataset that could not be loaded, with every problem found; the current data stays.
    InvalidDataset {
        /// Where the dataset came from (file name or URL).
        origin: String,
        /// Every problem, located.
        problems: Vec<DatasetProblem>,
    },
}

/// A problem in a dataset file, located in the JSON or in the CSV table it came from.
#[derive(Clone, Debug, PartialEq)]
pub enum DatasetProblem {
    /// Located by JSON path or line and column.
    Json(Problem),
    /// Located by row and column of a table.
    Csv(CsvProblem),
}

impl DatasetProblem {
    /// Whether the problem stops the dataset from loading.
    pub fn is_error(&self) -> bool {
        let severity = match self {
            DatasetProblem::Json(p) => p.severity,
            DatasetProblem::Csv(p) => p.severity,
        };
        severity == Severity::Error
    }

    /// The problem in words, starting with where it is.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DatasetProblem::Json(p) => crate::i18n::problem_message(p, lang),
            DatasetProblem::Csv(p) => p.message(lang),
        }
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
    /// The last refused action, shown beside its stream (a transfer's under [`TRANSFER`]).
    pub refusal: Option<(usize, Refusal)>,
    /// Notices to show, oldest first.
    pub notices: Vec<Notice>,
    /// The stream whose slider is being dragged, once the drag has changed its amount: later
    /// moves of the same drag amend that one undo step instead of adding one per frame.
    pub dragging: Option<usize>,
    /// The file the planner loaded the dataset from, if they did: a share link cannot carry it.
    pub data_file: Option<String>,
    /// How many times the whole scenario was replaced (undo, redo, reset, a saved or imported
    /// scenario opened, a dataset loaded): a stream row then drops text it rejected.
    pub replacements: u32,
}

impl AppState {
    /// A state showing `dataset` with `scenario`, in `lang`.
    pub fn new(dataset: Rc<Dataset>, scenario: Scenario, lang: Lang) -> AppState {
        AppState {
            dataset: DatasetRef(dataset),
            history: History::new(Rc::new(scenario)),
            lang,
            refusal: None,
            notices: Vec::new(),
            dragging: None,
            data_file: None,
            replacements: 0,
        }
    }

    /// The current scenario.
    pub fn scenario(&self) -> &Scenario {
        self.history.present()
    }
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
    /// Switch the interface language.
    SetLang(Lang),
    /// Replace the dataset with one read from the file named (and start a fresh history on
    /// `scenario`).
    LoadDataset(Rc<Dataset>, Scenario, String),
    /// Open a scenario of the current dataset (a saved one, an import), as an undoable change.
    OpenScenario(Scenario),
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
                let stream = match action {
                    Action::SetAmount { stream, .. }
                    | Action::Step { stream, .. }
                    | Action::SetLocked { stream, .. }
                    | Action::SetOutcome { stream, .. }
                    | Action::CoverShortfall { stream, .. } => stream,
                    Action::Transfer { .. } => TRANSFER,
                    _ => usize::MAX,
                };
                self.refusal = Some((stream, refusal));
            }
        }
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        let replaces = matches!(
            msg,
            Msg::Undo
                | Msg::Redo
                | Msg::LoadDataset(..)
                | Msg::OpenScenario(_)
                | Msg::Act(Action::Reset)
        );
        let dragging = next.dragging.take();
        match msg {
            Msg::Act(action) => next.act(action),
            Msg::Slide { stream, amount } => {
                // The slider's range is the same in both modes; in a fixed pool a drag past
                // what the others can give stops there (the row then says why).
                let scenario = next.scenario();
                let current = scenario.amounts.get(stream).copied().flatten().unwrap_or(0);
                let room = scenario.max_for(&next.dataset, stream).max(current);
                let action = Action::SetAmount {
                    stream,
                    amount: amount.min(room),
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
            Msg::SetLang(lang) => next.lang = lang,
            Msg::LoadDataset(dataset, scenario, file) => {
                next.dataset = DatasetRef(dataset);
                next.data_file = Some(file);
                next.history = History::new(Rc::new(scenario));
                next.refusal = None;
            }
            Msg::OpenScenario(scenario) => {
                // The scenario already on screen makes no undo step.
                if scenario.fits(&next.dataset) && scenario != *next.scenario() {
                    next.history.push(Rc::new(scenario));
                    next.refusal = None;
                }
            }
            Msg::Notify(notice) => {
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
        if next == *self { self } else { Rc::new(next) }
    }
}
