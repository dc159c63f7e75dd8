//! When the impact bar speaks: once the planner's changes pause, it says the figures if they
//! changed, and what the change did beside them ([`Aside`]), since it last spoke.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::scenario::Scenario;
use crate::i18n::{fill, text};
use crate::model::aside::{Aside, MadeBy, aside};
use crate::ui::money;
use crate::web::timer::Timeout;

/// How long the scenario must stay still before a screen reader hears of it (ms).
const ANNOUNCE_AFTER_MS: i32 = 900;

/// The figures a screen reader hears: grand total, granted, sought, bids assumed granted in
/// full, in part and refused, and whether sought money counts.
pub type Figures = (i64, i64, i64, [usize; 3], bool);

/// What the bar says of the scenario on screen.
#[derive(Clone, PartialEq)]
pub struct Speech {
    /// The scenario spoken of.
    scenario: Rc<Scenario>,
    /// The language it was said in: another empties the region rather than saying it again.
    lang: Lang,
    /// Whether the figures changed since the bar last spoke.
    pub figures: bool,
    /// What the changes did beside the figures.
    pub aside: Option<Aside>,
}

/// What the bar says now, if anything: the speech of the scenario on screen, once its changes
/// have paused; nothing on opening, and nothing while the planner is still changing it.
#[hook]
pub fn use_impact_speech(
    scenario: Rc<Scenario>,
    made_by: Option<MadeBy>,
    figures: Figures,
    lang: Lang,
) -> Option<Speech> {
    let heard = use_state_eq(|| None::<Speech>);
    // The scenario and figures the bar last spoke of (or opened with).
    let since = use_mut_ref(|| None::<(Rc<Scenario>, Figures)>);
    {
        let heard = heard.clone();
        use_effect_with(
            (Same(scenario.clone()), figures),
            move |(scenario, figures)| {
                let (scenario, figures) = (scenario.0.clone(), *figures);
                let opening = since.borrow().is_none();
                let timer = if opening {
                    *since.borrow_mut() = Some((scenario, figures));
                    None
                } else {
                    Some(Timeout::start(ANNOUNCE_AFTER_MS, move || {
                        let before = since.replace(Some((scenario.clone(), figures)));
                        let Some((was, was_figures)) = before else {
                            return;
                        };
                        let aside = made_by.and_then(|made_by| aside(&was, &scenario, &made_by));
                        heard.set(Some(Speech {
                            scenario,
                            lang,
                            figures: figures != was_figures,
                            aside,
                        }));
                    }))
                };
                move || drop(timer)
            },
        );
    }
    // The very scenario spoken of: one equal to it, come back to while the planner is still
    // changing things, has not been spoken of yet.
    (*heard)
        .clone()
        .filter(|s| Rc::ptr_eq(&s.scenario, &scenario) && s.lang == lang)
}

/// A scenario compared by identity: every change of the planner's makes a new one, and
/// comparing thousands of streams at each render would be work for nothing.
struct Same(Rc<Scenario>);

impl PartialEq for Same {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// An aside in words.
pub fn aside_words(aside: Aside, lang: Lang) -> String {
    match aside {
        Aside::Rebalanced { others, change } => {
            let key = match (others, change.signum()) {
                (_, 0) => "impact.others-even",
                (1, -1) => "impact.one-other-down",
                (1, _) => "impact.one-other-up",
                (_, -1) => "impact.others-down",
                _ => "impact.others-up",
            };
            fill(
                lang,
                key,
                &[
                    ("count", &others.to_string()),
                    ("amount", &money(change.abs(), lang)),
                ],
            )
        }
        Aside::NoteKept { cleared: false } => text(lang, "impact.note-kept"),
        Aside::NoteKept { cleared: true } => text(lang, "impact.note-cleared"),
        Aside::Stepped { redo, streams } => {
            let key = match (redo, streams) {
                (false, 0) => "impact.undone",
                (true, 0) => "impact.redone",
                (false, _) => "impact.undone-streams",
                (true, _) => "impact.redone-streams",
            };
            fill(lang, key, &[("count", &streams.to_string())])
        }
    }
}
