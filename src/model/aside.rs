//! What a planner's change did that the totals do not show, so that a screen reader hears it
//! with them: a fixed-pool move changes other streams and leaves every total as it was; a note
//! kept changes no figure at all; an undo or a redo may change streams and no total.

use crate::core::scenario::{Action, BalanceMode, Scenario};

/// What made the scenario on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum MadeBy {
    /// An action of the planner's.
    Act(Action),
    /// An undo.
    Undo,
    /// A redo.
    Redo,
}

/// What a change did beside the figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aside {
    /// A move in a fixed pool took from, or gave to, other streams.
    Rebalanced {
        /// How many other streams changed.
        others: usize,
        /// What they gained together, in yuan (negative when they gave).
        change: i64,
    },
    /// A stream's note was kept, or cleared.
    NoteKept {
        /// Whether the note is now empty.
        cleared: bool,
    },
    /// An undo or a redo went back or forth a step.
    Stepped {
        /// Whether it was a redo.
        redo: bool,
        /// How many streams' plans it changed (amount, lock, outcome or note).
        streams: usize,
    },
}

/// What `made_by`, the planner's last change, did beside the figures between `before` and
/// `after` (which may span several actions of one burst, a slider dragged or a key held).
pub fn aside(before: &Scenario, after: &Scenario, made_by: &MadeBy) -> Option<Aside> {
    let action = match made_by {
        MadeBy::Act(action) => action,
        MadeBy::Undo | MadeBy::Redo => {
            let streams = before
                .plans
                .iter()
                .zip(&after.plans)
                .filter(|(was, is)| was != is)
                .count();
            let redo = *made_by == MadeBy::Redo;
            return Some(Aside::Stepped { redo, streams });
        }
    };
    match *action {
        Action::SetAmount { stream, .. } | Action::Step { stream, .. } => {
            rebalanced(before, after, stream)
        }
        Action::SetNote { stream, .. } => {
            let note = after.note(stream);
            (before.note(stream) != note).then_some(Aside::NoteKept {
                cleared: note.is_empty(),
            })
        }
        _ => None,
    }
}

/// The other streams a fixed-pool move of `stream` changed, when it changed any.
fn rebalanced(before: &Scenario, after: &Scenario, stream: usize) -> Option<Aside> {
    if after.mode != BalanceMode::FixedPool || before.plans.len() != after.plans.len() {
        return None;
    }
    let (mut others, mut change) = (0, 0i64);
    for (index, (was, is)) in before.plans.iter().zip(&after.plans).enumerate() {
        if let (false, Some(was), Some(is)) = (index == stream, was.amount, is.amount)
            && was != is
        {
            others += 1;
            // Each amount is at most 10^15 yuan and there are at most 5,000 streams.
            change += is - was;
        }
    }
    (others > 0).then_some(Aside::Rebalanced { others, change })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::Dataset;
    use crate::core::validate::parse_dataset;

    fn muchuan() -> Dataset {
        parse_dataset(crate::MUCHUAN_JSON.as_bytes())
            .expect("the seed is valid")
            .dataset
    }

    fn apply(dataset: &Dataset, scenario: &Scenario, action: Action) -> Scenario {
        scenario.apply(dataset, action).expect("allowed")
    }

    #[test]
    fn a_fixed_pool_move_names_the_others_and_what_they_gave() {
        let dataset = muchuan();
        let pool = apply(
            &dataset,
            &Scenario::baseline(&dataset),
            Action::SetMode(BalanceMode::FixedPool),
        );
        // The loans up 12万 (two steps of a held key): the other granted streams give 12万.
        let step = Action::Step {
            stream: 0,
            steps: 6,
        };
        let once = apply(&dataset, &pool, step.clone());
        let twice = apply(&dataset, &once, step.clone());
        let Some(Aside::Rebalanced { others, change }) =
            aside(&pool, &twice, &MadeBy::Act(step.clone()))
        else {
            panic!("the others changed");
        };
        assert_eq!(change, -120_000);
        let changed = (1..dataset.streams.len())
            .filter(|&j| pool.amount(j) != twice.amount(j))
            .count();
        assert_eq!(others, changed);
        assert!(others >= 2, "more than one stream gave: {others}");
        // And back down: they get it back.
        let down = Action::SetAmount {
            stream: 0,
            amount: 2_730_000,
        };
        let back = apply(&dataset, &twice, down.clone());
        assert_eq!(
            aside(&twice, &back, &MadeBy::Act(down.clone())),
            Some(Aside::Rebalanced {
                others,
                change: 120_000
            })
        );
    }

    #[test]
    fn a_note_kept_or_cleared_is_said() {
        let dataset = muchuan();
        let start = Scenario::baseline(&dataset);
        let note = |text: &str| Action::SetNote {
            stream: 7,
            note: text.into(),
        };
        let kept = apply(&dataset, &start, note("春季报名增加"));
        assert_eq!(
            aside(&start, &kept, &MadeBy::Act(note("春季报名增加"))),
            Some(Aside::NoteKept { cleared: false })
        );
        let cleared = apply(&dataset, &kept, note(""));
        assert_eq!(
            aside(&kept, &cleared, &MadeBy::Act(note(""))),
            Some(Aside::NoteKept { cleared: true })
        );
        // The same text kept again changed nothing.
        assert_eq!(
            aside(&kept, &kept, &MadeBy::Act(note("春季报名增加"))),
            None
        );
    }

    #[test]
    fn a_free_move_or_another_action_has_nothing_beside_the_figures() {
        let dataset = muchuan();
        let free = Scenario::baseline(&dataset);
        let up = Action::SetAmount {
            stream: 0,
            amount: 3_000_000,
        };
        let moved = apply(&dataset, &free, up.clone());
        assert_eq!(
            aside(&free, &moved, &MadeBy::Act(up.clone())),
            None,
            "free mode moves one stream"
        );
        let pool = apply(&dataset, &free, Action::SetMode(BalanceMode::FixedPool));
        let transfer = Action::Transfer {
            from: 4,
            to: 7,
            amount: 1_000_000,
        };
        let moved = apply(&dataset, &pool, transfer.clone());
        assert_eq!(
            aside(&pool, &moved, &MadeBy::Act(transfer.clone())),
            None,
            "a transfer says its own"
        );
    }

    #[test]
    fn an_undo_or_a_redo_says_how_many_streams_it_changed() {
        let dataset = muchuan();
        let pool = apply(
            &dataset,
            &Scenario::baseline(&dataset),
            Action::SetMode(BalanceMode::FixedPool),
        );
        let moved = apply(
            &dataset,
            &pool,
            Action::SetAmount {
                stream: 0,
                amount: 2_900_000,
            },
        );
        let changed = (0..dataset.streams.len())
            .filter(|&j| pool.amount(j) != moved.amount(j))
            .count();
        assert!(changed >= 2, "the loans and the streams that gave");
        assert_eq!(
            aside(&moved, &pool, &MadeBy::Undo),
            Some(Aside::Stepped {
                redo: false,
                streams: changed
            })
        );
        assert_eq!(
            aside(&pool, &moved, &MadeBy::Redo),
            Some(Aside::Stepped {
                redo: true,
                streams: changed
            })
        );
        // Undoing the mode changes no stream: the step is still said.
        let free = Scenario::baseline(&dataset);
        assert_eq!(
            aside(&pool, &free, &MadeBy::Undo),
            Some(Aside::Stepped {
                redo: false,
                streams: 0
            })
        );
    }
}
