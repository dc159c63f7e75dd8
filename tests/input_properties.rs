//! Properties over any input: the validator never panics on arbitrary bytes or on the Muchuan
//! dataset randomly broken (as bytes or as a tree), and what it loads holds together; a
//! planner's moves through the interface keep whole 万 and a fixed pool's figure.

#[path = "common/engine_checks.rs"]
mod engine_checks;

use engine_checks::{gap_of, totals_add_up};
use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::core::dataset::Dataset;
use muchuan_funding_explorer::core::money::MAX_AMOUNT;
use muchuan_funding_explorer::core::scenario::{Action, BalanceMode, Outcome, STEP, Scenario};
use muchuan_funding_explorer::core::totals::Totals;
use muchuan_funding_explorer::core::validate::{Severity, parse_dataset};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use serde_json::{Map, Value};
use std::cell::Cell;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4_000)) {
        check_outcome(&bytes)?;
    }

    #[test]
    fn byte_edits_of_the_dataset_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<u8>()), 1..8),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = MUCHUAN_JSON.as_bytes().to_vec();
        for (at, how, byte) in edits {
            let at = at.index(bytes.len());
            match how {
                0 => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                2 => { bytes.remove(at); }
                _ => bytes.insert(at, b"{}[]\",:-0e."[usize::from(byte) % 11]),
            }
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        check_outcome(&bytes)?;
    }

    #[test]
    fn tree_edits_of_the_dataset_never_panic(
        edits in prop::collection::vec((prop::collection::vec(any::<usize>(), 0..6), 0u8..3, json()), 1..6),
    ) {
        let mut value: Value = serde_json::from_str(MUCHUAN_JSON)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (route, how, replacement) in edits {
            edit(&mut value, &route, how, replacement);
        }
        let bytes = serde_json::to_vec(&value).map_err(|e| TestCaseError::fail(e.to_string()))?;
        check_outcome(&bytes)?;
    }
}

/// Random JSON: the values a broken dataset is made of.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e20f64..1e20).prop_map(Value::from),
        prop::sample::select(vec![
            "loans",
            "hrss",
            "sought",
            "secured",
            "CNY",
            "",
            " ",
            "zh-Hans",
            "guaranteed-loans",
        ])
        .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop::sample::select(vec!["id", "name", "en", "amount", "count", "x"]),
                    inner
                ),
                0..4
            )
            .prop_map(|pairs| Value::Object(
                pairs
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect::<Map<_, _>>()
            )),
        ]
    })
}

/// Walks into `value` along `route` (each step picks a child by index) and replaces, removes
/// or adds there.
fn edit(value: &mut Value, route: &[usize], how: u8, replacement: Value) {
    let mut pointer = String::new();
    let mut here = &*value;
    for step in route {
        let (token, child) = match here {
            Value::Object(map) if !map.is_empty() => {
                let (key, child) = map.iter().nth(step % map.len()).unzip();
                let token = key.map(|k| k.replace('~', "~0").replace('/', "~1"));
                (token, child)
            }
            Value::Array(items) if !items.is_empty() => {
                let index = step % items.len();
                (Some(index.to_string()), items.get(index))
            }
            _ => (None, None),
        };
        let (Some(token), Some(child)) = (token, child) else {
            break;
        };
        pointer = format!("{pointer}/{token}");
        here = child;
    }
    let Some(here) = value.pointer_mut(&pointer) else {
        return;
    };
    match (how, here) {
        (1, Value::Object(map)) => {
            let key = map.keys().next().cloned().unwrap_or_default();
            map.remove(&key);
        }
        (1, Value::Array(items)) => {
            items.pop();
        }
        (2, Value::Object(map)) => {
            map.insert("extra".to_owned(), replacement);
        }
        (2, Value::Array(items)) => items.push(replacement),
        (_, slot) => *slot = replacement,
    }
}

/// Whatever the input, the outcome is consistent: a loaded dataset really is valid, and a
/// refusal names at least one error, errors before warnings.
fn check_outcome(bytes: &[u8]) -> Result<(), TestCaseError> {
    match parse_dataset(bytes) {
        Ok(validated) => {
            let dataset = &validated.dataset;
            prop_assert!(
                validated
                    .warnings
                    .iter()
                    .all(|w| w.severity == Severity::Warning)
            );
            prop_assert!(!dataset.kinds.is_empty() && !dataset.agencies.is_empty());
            for stream in &dataset.streams {
                prop_assert!(dataset.kind_of(stream).is_some());
                prop_assert!(dataset.agency_of(stream).is_some());
                prop_assert!(stream.amount.is_none_or(|a| (0..=MAX_AMOUNT).contains(&a)));
            }
            let mut ids: Vec<&str> = dataset.streams.iter().map(|s| s.id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), dataset.streams.len());
            let scenario = Scenario::baseline(dataset);
            prop_assert!(scenario.fits(dataset));
            totals_add_up(dataset, &scenario)?;
        }
        Err(report) => {
            prop_assert!(report.errors().count() > 0, "{:?}", report.problems);
            let first_warning = report
                .problems
                .iter()
                .position(|p| p.severity == Severity::Warning)
                .unwrap_or(report.problems.len());
            prop_assert_eq!(first_warning, report.errors().count());
        }
    }
    Ok(())
}

/// A planner's move as the interface makes it: a slider dragged to a whole 万 (a fraction of
/// the slider's range), an arrow or page key, a transfer or a cover in whole 万, a lock, an
/// assumed outcome, sought money counted or not.
#[derive(Clone, Debug)]
enum Move {
    Slide(usize, u16),
    Key(usize, i64),
    Transfer(usize, usize, i64),
    Cover(usize, Vec<usize>),
    Lock(usize, bool),
    Assume(usize, Outcome),
    CountSought(bool),
}

fn planner_move() -> impl Strategy<Value = Move> {
    let stream = 0usize..9;
    prop_oneof![
        6 => (stream.clone(), 0u16..=1000).prop_map(|(s, f)| Move::Slide(s, f)),
        4 => (stream.clone(), prop::sample::select(vec![-10i64, -1, 1, 10]))
            .prop_map(|(s, k)| Move::Key(s, k)),
        4 => (stream.clone(), stream.clone(), 1i64..=700).prop_map(|(f, t, w)| Move::Transfer(f, t, w)),
        2 => (stream.clone(), prop::collection::vec(stream.clone(), 1..3))
            .prop_map(|(s, f)| Move::Cover(s, f)),
        2 => (stream.clone(), any::<bool>()).prop_map(|(s, l)| Move::Lock(s, l)),
        2 => (stream, prop_oneof![
            Just(Outcome::Pending),
            Just(Outcome::Granted),
            Just(Outcome::Refused),
            (0u8..=10).prop_map(|tenth| Outcome::Partial(tenth * 10)),
        ]).prop_map(|(s, o)| Move::Assume(s, o)),
        1 => any::<bool>().prop_map(Move::CountSought),
    ]
}

/// The action a move makes on `scenario`, as the interface would send it.
fn move_action(dataset: &Dataset, scenario: &Scenario, planner: &Move) -> Action {
    let count = dataset.streams.len();
    match planner.clone() {
        Move::Slide(s, fraction) => {
            let stream = s % count;
            let top = scenario.max_for(dataset, stream).min(5_000 * STEP) / STEP;
            let wan = top * i64::from(fraction) / 1000;
            Action::SetAmount {
                stream,
                amount: wan * STEP,
            }
        }
        Move::Key(s, steps) => Action::Step {
            stream: s % count,
            steps,
        },
        Move::Transfer(from, to, wan) => Action::Transfer {
            from: from % count,
            to: to % count,
            amount: wan * STEP,
        },
        Move::Cover(s, from) => Action::CoverShortfall {
            stream: s % count,
            from: from.iter().map(|j| j % count).collect(),
        },
        Move::Lock(s, locked) => Action::SetLocked {
            stream: s % count,
            locked,
        },
        Move::Assume(s, outcome) => Action::SetOutcome {
            stream: s % count,
            outcome,
        },
        Move::CountSought(count_sought) => Action::SetCountSought(count_sought),
    }
}

/// Issue 20: whole 万 by default, and a fixed pool that keeps its figure. The Muchuan data
/// (every amount a whole 万), 64 runs of 200 moves in either mode.
///
/// A run may have few moves accepted (once every stream is locked in a fixed pool, nothing
/// moves), so the floor that keeps the test from passing on refusals alone is on all runs
/// together, where it holds whatever the seed.
#[test]
fn planner_moves_stay_in_whole_wan_and_keep_the_fixed_figure() {
    const RUNS: u32 = 64;
    const MOVES: usize = 200;
    let accepted = Cell::new(0usize);
    let mut runner = TestRunner::new(ProptestConfig::with_cases(RUNS));
    let result = runner.run(
        &(prop::collection::vec(planner_move(), MOVES), any::<bool>()),
        |(moves, fixed)| {
            accepted.set(accepted.get() + accepted_moves(&moves, fixed)?);
            Ok(())
        },
    );
    if let Err(failure) = result {
        panic!("{failure}");
    }
    let all = RUNS as usize * MOVES;
    assert!(
        accepted.get() * 3 > all,
        "only {} of {all} moves were accepted",
        accepted.get()
    );
}

/// Plays `moves` from the baseline in the free or fixed mode, checking each accepted move;
/// gives how many were accepted.
fn accepted_moves(moves: &[Move], fixed: bool) -> Result<usize, TestCaseError> {
    let dataset = parse_dataset(MUCHUAN_JSON.as_bytes())
        .map_err(|_| TestCaseError::fail("the Muchuan data is valid"))?
        .dataset;
    let mode = if fixed {
        BalanceMode::FixedPool
    } else {
        BalanceMode::Free
    };
    let mut scenario = Scenario::baseline(&dataset)
        .apply(&dataset, Action::SetMode(mode))
        .map_err(|r| TestCaseError::fail(format!("{r:?}")))?;
    let mut accepted = 0;
    for planner in moves {
        let action = move_action(&dataset, &scenario, planner);
        let Ok(next) = scenario.apply(&dataset, action.clone()) else {
            continue;
        };
        accepted += 1;
        // A partial grant's gap has the yuan its percentage gives: one giver alone takes
        // them (and keeps them until a move covers them).
        let broken = |s: &Scenario| s.amounts().flatten().filter(|a| a % STEP != 0).count();
        let gap = match &action {
            Action::CoverShortfall { stream, .. } => gap_of(&dataset, &scenario, *stream),
            _ => 0,
        };
        let allowed = broken(&scenario) + usize::from(gap % STEP != 0);
        prop_assert!(
            broken(&next) <= allowed,
            "{:?} gave {:?}",
            action,
            next.plans
        );
        let grand = |s: &Scenario| Totals::compute(&dataset, s).grand();
        let moves_money = matches!(
            action,
            Action::SetAmount { .. } | Action::Step { .. } | Action::Transfer { .. }
        );
        if fixed && moves_money {
            prop_assert_eq!(next.pool(), scenario.pool(), "{:?}", action);
        }
        if (fixed && moves_money) || matches!(action, Action::CoverShortfall { .. }) {
            prop_assert_eq!(grand(&next), grand(&scenario), "{:?}", action);
        }
        scenario = next;
    }
    Ok(accepted)
}
