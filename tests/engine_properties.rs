//! Properties of the engine over random valid datasets and random sequences of planner actions.
//! The validator under random and broken input, and a planner's moves on the Muchuan data, are
//! in `input_properties.rs`; the reference totals in `common/engine_checks.rs`.

#[path = "common/engine_checks.rs"]
mod engine_checks;

use engine_checks::{gap_of, totals_add_up};
use muchuan_funding_explorer::core::dataset::{
    Agency, Dataset, FORMAT_VERSION, Kind, Localized, Source, Status, Stream, Units,
};
use muchuan_funding_explorer::core::money::MAX_AMOUNT;
use muchuan_funding_explorer::core::scenario::{
    Action, BalanceMode, Outcome, Refusal, STEP, Scenario,
};
use muchuan_funding_explorer::core::totals::Totals;
use muchuan_funding_explorer::core::validate::parse_dataset;
use proptest::prelude::*;

fn text(en: &str, zh: &str) -> Localized {
    Localized {
        zh_hans: Some(zh.to_owned()),
        zh_hant: Some(zh.to_owned()),
        en: Some(en.to_owned()),
    }
}

/// One generated stream: kind and agency as indices (taken modulo the list lengths).
#[derive(Clone, Debug)]
struct StreamSeed {
    kind: usize,
    agency: usize,
    status: Status,
    amount: Option<i64>,
    units: Option<u64>,
}

fn amount() -> impl Strategy<Value = Option<i64>> {
    prop_oneof![
        1 => Just(None),
        1 => Just(Some(0)),
        4 => (0i64..=2_000).prop_map(|wan| Some(wan * 10_000)),
        2 => (0i64..=100_000_000_000).prop_map(Some),
        1 => (0i64..=MAX_AMOUNT).prop_map(Some),
        1 => Just(Some(MAX_AMOUNT)),
    ]
}

fn stream_seed() -> impl Strategy<Value = StreamSeed> {
    (
        any::<usize>(),
        any::<usize>(),
        prop::sample::select(Status::ALL.to_vec()),
        amount(),
        prop::option::weighted(0.2, 1u64..1_000),
    )
        .prop_map(|(kind, agency, status, amount, units)| StreamSeed {
            kind,
            agency,
            status,
            amount,
            units,
        })
}

/// A valid dataset: 1–6 kinds, 1–8 agencies, 1–40 streams.
fn dataset() -> impl Strategy<Value = Dataset> {
    (
        1usize..=6,
        1usize..=8,
        prop::collection::vec(stream_seed(), 1..=40),
    )
        .prop_map(|(kinds, agencies, seeds)| Dataset {
            format: FORMAT_VERSION,
            title: text("Programme", "计划"),
            summary: Localized::default(),
            source: Source {
                title: text("Article", "文章"),
                publisher: text("Bureau", "局"),
                url: None,
            },
            currency: "CNY".to_owned(),
            kinds: (0..kinds)
                .map(|k| Kind {
                    id: format!("kind-{k}"),
                    name: text(&format!("Kind {k}"), "类别"),
                })
                .collect(),
            agencies: (0..agencies)
                .map(|a| Agency {
                    id: format!("agency.{a}"),
                    name: text(&format!("Agency {a}"), "部门"),
                })
                .collect(),
            streams: seeds
                .into_iter()
                .enumerate()
                .map(|(i, seed)| Stream {
                    id: format!("s_{i}"),
                    name: text(&format!("Stream {i}"), "资金"),
                    kind: seed.kind % kinds,
                    agency: seed.agency % agencies,
                    amount: seed.amount,
                    status: seed.status,
                    quote: format!("第{i}条"),
                    units: seed.units.map(|count| Units {
                        count,
                        label: text("project", "项目"),
                        quote: None,
                    }),
                    note: None,
                })
                .collect(),
        })
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        Just(Outcome::Pending),
        Just(Outcome::Granted),
        Just(Outcome::Refused),
        (0u8..=120).prop_map(Outcome::Partial),
        (0u8..=120).prop_map(Outcome::Covered),
    ]
}

/// A planner action; stream indices run a little past the end so some are unknown.
fn action() -> impl Strategy<Value = Action> {
    let stream = 0usize..44;
    prop_oneof![
        6 => (stream.clone(), prop_oneof![
            -3i64..=3,
            0i64..=50_000_000,
            0i64..=MAX_AMOUNT,
            MAX_AMOUNT - 2..=MAX_AMOUNT + 2,
            any::<i64>(),
        ])
            .prop_map(|(stream, amount)| Action::SetAmount { stream, amount }),
        4 => (stream.clone(), prop_oneof![-500i64..=500, any::<i64>()])
            .prop_map(|(stream, steps)| Action::Step { stream, steps }),
        2 => (stream.clone(), stream.clone(), prop_oneof![
            -1i64..=1,
            (0i64..=500).prop_map(|wan| wan * STEP),
            0i64..=MAX_AMOUNT,
        ])
            .prop_map(|(from, to, amount)| Action::Transfer { from, to, amount }),
        1 => (stream.clone(), prop::collection::vec(stream.clone(), 0..4))
            .prop_map(|(stream, from)| Action::CoverShortfall { stream, from }),
        2 => (stream.clone(), any::<bool>())
            .prop_map(|(stream, locked)| Action::SetLocked { stream, locked }),
        2 => (stream, outcome())
            .prop_map(|(stream, outcome)| Action::SetOutcome { stream, outcome }),
        2 => prop_oneof![Just(BalanceMode::Free), Just(BalanceMode::FixedPool)]
            .prop_map(Action::SetMode),
        1 => any::<bool>().prop_map(Action::SetCountSought),
        1 => Just(Action::Reset),
    ]
}

/// The stream an amount action targets.
fn amount_target(action: &Action) -> Option<usize> {
    match action {
        Action::SetAmount { stream, .. } | Action::Step { stream, .. } => Some(*stream),
        _ => None,
    }
}

/// The amount an amount action asks for, as the reducer computes it (`None` on overflow): a
/// step lands on whole 万 (from an amount with yuan, the first step goes to the whole 万 in its
/// direction).
fn requested(dataset: &Dataset, scenario: &Scenario, action: &Action) -> Option<i64> {
    match *action {
        Action::SetAmount { amount, .. } => Some(amount),
        Action::Step { stream, steps } => {
            let current = scenario.amount(stream)?;
            let target = if steps == 0 {
                current
            } else {
                let whole = if steps > 0 {
                    current.div_euclid(STEP)
                } else {
                    (current + STEP - 1).div_euclid(STEP)
                };
                steps.checked_add(whole)?.checked_mul(STEP)?
            };
            // Up to the most the stream can have; a step up with no room at all asks for the
            // step itself (and is refused).
            let ceiling = scenario.max_for(dataset, stream);
            if target > current && ceiling <= current {
                return Some(target);
            }
            Some(target.clamp(0, ceiling.max(current)))
        }
        _ => None,
    }
}

/// Whether stream `j` gives and takes in fixed-pool moves, worked out apart from the engine:
/// stated, unlocked and money in hand (granted, or assumed granted in full; never a bid still
/// being sought).
fn takes_part(dataset: &Dataset, scenario: &Scenario, j: usize) -> bool {
    let in_hand =
        dataset.streams[j].status.is_granted() || scenario.plans[j].outcome == Outcome::Granted;
    scenario.plans[j].amount.is_some() && !scenario.plans[j].locked && in_hand
}

/// Whether `refusal` is a sensible answer to `action` on `scenario`.
fn refusal_makes_sense(
    dataset: &Dataset,
    scenario: &Scenario,
    action: Action,
    refusal: &Refusal,
) -> Result<(), TestCaseError> {
    let count = dataset.streams.len();
    let fixed = scenario.mode == BalanceMode::FixedPool;
    if let Action::Transfer { from, to, amount } = action {
        return transfer_refusal_makes_sense(dataset, scenario, (from, to, amount), refusal);
    }
    if let Action::CoverShortfall { stream, from } = &action {
        return cover_refusal_makes_sense(dataset, scenario, *stream, from, refusal);
    }
    let target = amount_target(&action);
    match (refusal, action.clone()) {
        (Refusal::UnknownStream, Action::SetAmount { stream, .. })
        | (Refusal::UnknownStream, Action::Step { stream, .. })
        | (Refusal::UnknownStream, Action::SetLocked { stream, .. })
        | (Refusal::UnknownStream, Action::SetOutcome { stream, .. }) => {
            prop_assert!(stream >= count);
        }
        (Refusal::NoAmount, _) => {
            let stream = target.unwrap_or(usize::MAX);
            prop_assert!(stream < count);
            prop_assert_eq!(scenario.plans[stream].amount, None);
        }
        (Refusal::OutOfRange, _) => {
            let stream = target.unwrap_or(usize::MAX);
            prop_assert!(scenario.plans[stream].amount.is_some());
            match requested(dataset, scenario, &action) {
                // Overflow of the step arithmetic.
                None => {
                    let is_step = matches!(action, Action::Step { .. });
                    prop_assert!(is_step, "only steps can overflow");
                }
                Some(amount) if (0..=MAX_AMOUNT).contains(&amount) => {
                    // Only a fixed-pool cut that would lift another stream above the bound.
                    prop_assert!(fixed);
                    prop_assert!(amount < scenario.plans[stream].amount.unwrap_or(0));
                    prop_assert!(scenario.pool() - amount > MAX_AMOUNT);
                }
                Some(_) => {}
            }
        }
        (Refusal::Locked, _) => {
            let stream = target.unwrap_or(usize::MAX);
            prop_assert!(fixed && scenario.plans[stream].locked);
        }
        (Refusal::NotGranted, _) => {
            let stream = target.unwrap_or(usize::MAX);
            prop_assert!(fixed && !scenario.plans[stream].locked);
            prop_assert!(!takes_part(dataset, scenario, stream));
        }
        (Refusal::NothingToBalance, _) => {
            let stream = target.unwrap_or(usize::MAX);
            prop_assert!(fixed && takes_part(dataset, scenario, stream));
            let others: i64 = (0..count)
                .filter(|j| *j != stream && takes_part(dataset, scenario, *j))
                .filter_map(|j| scenario.plans[j].amount)
                .sum();
            prop_assert_eq!(others, 0, "the others hold nothing that could balance");
        }
        (Refusal::NotEnough { max }, _) => {
            let stream = target.unwrap_or(usize::MAX);
            prop_assert!(fixed);
            prop_assert_eq!(*max, scenario.max_for(dataset, stream));
            prop_assert!(requested(dataset, scenario, &action).is_some_and(|a| a > *max));
        }
        (Refusal::NotSought, Action::SetOutcome { stream, .. }) => {
            prop_assert!(dataset.streams[stream].status != Status::Sought);
        }
        (Refusal::BadPercent, Action::SetOutcome { stream, outcome }) => {
            prop_assert_eq!(dataset.streams[stream].status, Status::Sought);
            let bad = matches!(outcome, Outcome::Partial(p) | Outcome::Covered(p) if p > 100);
            prop_assert!(bad, "{:?} is a good percentage", outcome);
        }
        (refusal, action) => {
            prop_assert!(false, "{refusal:?} is no answer to {action:?}");
        }
    }
    Ok(())
}

/// Whether a stream can give or receive in a transfer or a cover, or the refusal it earns.
fn party_refusal(dataset: &Dataset, scenario: &Scenario, j: usize) -> Option<Refusal> {
    if j >= dataset.streams.len() {
        Some(Refusal::UnknownStream)
    } else if scenario.plans[j].amount.is_none() {
        Some(Refusal::NoAmount)
    } else if scenario.plans[j].locked {
        Some(Refusal::Locked)
    } else if !takes_part(dataset, scenario, j) {
        Some(Refusal::NotGranted)
    } else {
        None
    }
}

/// Whether `refusal` is a sensible answer to a transfer.
fn transfer_refusal_makes_sense(
    dataset: &Dataset,
    scenario: &Scenario,
    (from, to, amount): (usize, usize, i64),
    refusal: &Refusal,
) -> Result<(), TestCaseError> {
    let parties = [from, to].map(|j| party_refusal(dataset, scenario, j));
    match refusal {
        Refusal::SameStream => prop_assert_eq!(from, to),
        Refusal::TooLittle { available } => {
            prop_assert_eq!(Some(*available), scenario.plans[from].amount);
            prop_assert!(amount > *available);
        }
        Refusal::NothingToMove => {
            prop_assert!(parties.iter().all(Option::is_none));
            prop_assert_eq!(amount, 0);
        }
        Refusal::OutOfRange => {
            prop_assert!(parties.iter().all(Option::is_none));
            let to_amount = scenario.plans[to].amount.unwrap_or(0);
            prop_assert!(!(0..=MAX_AMOUNT).contains(&amount) || to_amount + amount > MAX_AMOUNT);
        }
        refusal => {
            let found = parties.iter().flatten().any(|p| p == refusal);
            prop_assert!(found, "{refusal:?} for {from}->{to}");
        }
    }
    Ok(())
}

/// Whether `refusal` is a sensible answer to covering `stream`'s shortfall from `from`.
fn cover_refusal_makes_sense(
    dataset: &Dataset,
    scenario: &Scenario,
    stream: usize,
    from: &[usize],
    refusal: &Refusal,
) -> Result<(), TestCaseError> {
    match refusal {
        Refusal::UnknownStream if stream >= dataset.streams.len() => {}
        Refusal::NoShortfall => {
            prop_assert!(stream < dataset.streams.len());
            prop_assert_eq!(gap_of(dataset, scenario, stream), 0);
        }
        Refusal::NothingPicked => prop_assert!(from.is_empty()),
        Refusal::SameStream => prop_assert!(from.contains(&stream)),
        Refusal::TooLittle { available } => {
            let mut picked = from.to_vec();
            picked.sort_unstable();
            picked.dedup();
            let held: i64 = picked
                .iter()
                .filter_map(|j| scenario.plans[*j].amount)
                .sum();
            prop_assert_eq!(held, *available);
            prop_assert!(gap_of(dataset, scenario, stream) > held);
        }
        refusal => {
            let found = from
                .iter()
                .any(|j| party_refusal(dataset, scenario, *j).as_ref() == Some(refusal));
            prop_assert!(found, "{refusal:?} covering {stream} from {from:?}");
        }
    }
    Ok(())
}

/// Each stream's assumed outcome.
fn outcomes(scenario: &Scenario) -> Vec<Outcome> {
    scenario.plans.iter().map(|p| p.outcome).collect()
}

/// Each stream's lock.
fn locks(scenario: &Scenario) -> Vec<bool> {
    scenario.plans.iter().map(|p| p.locked).collect()
}

/// A transfer changes its two streams by exactly its amount and nothing else; a cover takes the
/// gap from the picked streams, makes the bid count in full and nothing else; both keep the
/// grand total.
fn moves_keep_what_they_say(
    dataset: &Dataset,
    before: &Scenario,
    next: &Scenario,
    action: &Action,
) -> Result<(), TestCaseError> {
    let grand = |s: &Scenario| Totals::compute(dataset, s).grand();
    let unchanged_but = |changed: &[usize]| {
        (0..before.plans.len())
            .filter(|j| !changed.contains(j))
            .all(|j| next.plans[j].amount == before.plans[j].amount)
    };
    match action {
        Action::Transfer { from, to, amount } => {
            prop_assert!(unchanged_but(&[*from, *to]));
            prop_assert_eq!(
                next.plans[*from].amount,
                before.plans[*from].amount.map(|a| a - amount)
            );
            prop_assert_eq!(
                next.plans[*to].amount,
                before.plans[*to].amount.map(|a| a + amount)
            );
            prop_assert_eq!(outcomes(next), outcomes(before));
            prop_assert_eq!(next.pool(), before.pool());
            prop_assert_eq!(grand(next), grand(before));
        }
        Action::CoverShortfall { stream, from } => {
            let gap = gap_of(dataset, before, *stream);
            prop_assert!(gap > 0);
            prop_assert!(unchanged_but(from));
            prop_assert_eq!(next.pool(), before.pool() - gap);
            // Said as covered, keeping what the source was assumed to grant.
            let covered = match before.plans[*stream].outcome {
                Outcome::Partial(p) => Outcome::Covered(p),
                _ => Outcome::Covered(0),
            };
            prop_assert_eq!(next.plans[*stream].outcome, covered);
            prop_assert_eq!(grand(next), grand(before));
        }
        _ => {}
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_datasets_are_valid_and_round_trip(dataset in dataset()) {
        let validated = parse_dataset(dataset.to_json_pretty().as_bytes());
        prop_assert!(validated.is_ok(), "{:?}", validated.err());
        let validated = validated.map_err(|_| TestCaseError::fail("refused"))?;
        prop_assert!(validated.warnings.is_empty());
        prop_assert_eq!(validated.dataset, dataset);
    }

    #[test]
    fn actions_keep_every_invariant(
        dataset in dataset(),
        actions in prop::collection::vec(action(), 0..60),
    ) {
        let mut scenario = Scenario::baseline(&dataset);
        totals_add_up(&dataset, &scenario)?;
        for action in actions {
            let before = scenario.clone();
            match scenario.apply(&dataset, action.clone()) {
                Ok(next) => {
                    prop_assert!(next.fits(&dataset), "{action:?} gave {next:?}");
                    prop_assert!(next.amounts().flatten().all(|a| a >= 0));
                    moves_keep_what_they_say(&dataset, &before, &next, &action)?;
                    if let Some(stream) = amount_target(&action) {
                        if before.mode == BalanceMode::FixedPool {
                            prop_assert_eq!(next.pool(), before.pool(), "{:?}", action);
                            let grand = |s: &Scenario| Totals::compute(&dataset, s).grand();
                            prop_assert_eq!(grand(&next), grand(&before), "{:?}", action);
                            for j in 0..before.plans.len() {
                                if j != stream && !takes_part(&dataset, &before, j) {
                                    prop_assert_eq!(next.plans[j].amount, before.plans[j].amount);
                                }
                            }
                        } else {
                            for j in (0..before.plans.len()).filter(|j| *j != stream) {
                                prop_assert_eq!(next.plans[j].amount, before.plans[j].amount);
                            }
                        }
                        prop_assert_eq!(next.plans[stream].amount, requested(&dataset, &before, &action));
                        prop_assert_eq!(locks(&next), locks(&before));
                        prop_assert_eq!(outcomes(&next), outcomes(&before));
                    }
                    scenario = next;
                }
                Err(refusal) => {
                    prop_assert_eq!(&scenario, &before);
                    refusal_makes_sense(&dataset, &scenario, action, &refusal)?;
                }
            }
            prop_assert!(scenario.fits(&dataset));
            totals_add_up(&dataset, &scenario)?;
        }
    }

    #[test]
    fn fixed_pool_moves_keep_the_pool(
        dataset in dataset(),
        moves in prop::collection::vec((0usize..40, 0i64..=MAX_AMOUNT, any::<bool>()), 1..40),
    ) {
        // Mostly accepted moves: targets within the pool, some streams locked.
        let mut scenario = Scenario::baseline(&dataset)
            .apply(&dataset, Action::SetMode(BalanceMode::FixedPool))
            .map_err(|r| TestCaseError::fail(format!("{r:?}")))?;
        let pool = scenario.pool();
        for (stream, amount, lock) in moves {
            let stream = stream % dataset.streams.len();
            let target = if pool > 0 { amount % (pool + 1) } else { 0 };
            let action = if lock {
                Action::SetLocked { stream: (stream + 1) % dataset.streams.len(), locked: true }
            } else {
                Action::SetAmount { stream, amount: target }
            };
            match scenario.apply(&dataset, action.clone()) {
                Ok(next) => scenario = next,
                Err(refusal) => refusal_makes_sense(&dataset, &scenario, action, &refusal)?,
            }
            prop_assert_eq!(scenario.pool(), pool);
            prop_assert!(scenario.fits(&dataset));
            totals_add_up(&dataset, &scenario)?;
        }
    }
}
