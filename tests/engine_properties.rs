//! Properties of the engine over random valid datasets and random sequences of planner actions,
//! and of the validator over random and randomly broken input.

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::core::apportion::shares_in_tenths;
use muchuan_funding_explorer::core::dataset::{
    Agency, Dataset, FORMAT_VERSION, Kind, Localized, Source, Status, Stream, Units,
};
use muchuan_funding_explorer::core::money::MAX_AMOUNT;
use muchuan_funding_explorer::core::scenario::partial;
use muchuan_funding_explorer::core::scenario::{
    Action, BalanceMode, Outcome, Refusal, STEP, Scenario,
};
use muchuan_funding_explorer::core::totals::{Counted, Group, PerUnit, Totals};
use muchuan_funding_explorer::core::validate::{Severity, parse_dataset};
use proptest::prelude::*;
use serde_json::{Map, Value};

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
            Some(target.clamp(0, scenario.max_for(dataset, stream).max(current)))
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

/// What a sought stream assumed refused or granted in part lacks (0 for any other).
fn gap_of(dataset: &Dataset, scenario: &Scenario, stream: usize) -> i64 {
    let amount = scenario.plans[stream].amount.unwrap_or(0);
    match scenario.plans[stream].outcome {
        _ if dataset.streams[stream].status != Status::Sought => 0,
        Outcome::Refused => amount,
        Outcome::Partial(p) => amount - partial(amount, p),
        _ => 0,
    }
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

/// `Totals::compute` as first written (several passes, a linear id search per stream): the
/// faster single pass must give exactly the same figures.
fn reference_totals(dataset: &Dataset, scenario: &Scenario) -> Totals {
    let count = |s: &Scenario| -> Vec<Counted> {
        dataset
            .streams
            .iter()
            .zip(&s.plans)
            .map(|(stream, plan)| {
                let (amount, outcome) = (&plan.amount, &plan.outcome);
                let amount = amount.unwrap_or(0);
                let (granted, sought) = match outcome {
                    _ if stream.status.is_granted() => (amount, 0),
                    Outcome::Pending if s.count_sought => (0, amount),
                    Outcome::Pending | Outcome::Refused => (0, 0),
                    Outcome::Granted | Outcome::Covered(_) => (amount, 0),
                    Outcome::Partial(percent) => (partial(amount, *percent), 0),
                };
                Counted { granted, sought }
            })
            .collect()
    };
    let baseline = Scenario {
        count_sought: scenario.count_sought,
        ..Scenario::baseline(dataset)
    };
    let streams = count(scenario);
    let baseline_streams = count(&baseline);
    let group = |len: usize, key: &dyn Fn(usize) -> Option<usize>| -> Vec<Group> {
        let mut groups: Vec<Group> = (0..len)
            .map(|index| Group {
                index,
                counted: Counted::default(),
                baseline: Counted::default(),
                share_tenths: 0,
                stated: 0,
            })
            .collect();
        for (i, (now, before)) in streams.iter().zip(&baseline_streams).enumerate() {
            if let Some(group) = key(i).and_then(|g| groups.get_mut(g)) {
                group.stated += usize::from(scenario.plans[i].amount.is_some());
                group.counted.granted += now.granted;
                group.counted.sought += now.sought;
                group.baseline.granted += before.granted;
                group.baseline.sought += before.sought;
            }
        }
        // Only the kinds and agencies some stream names have a row.
        groups.retain(|g| (0..streams.len()).any(|i| key(i) == Some(g.index)));
        let amounts: Vec<i64> = groups.iter().map(|g| g.counted.total()).collect();
        for (group, share) in groups.iter_mut().zip(shares_in_tenths(&amounts)) {
            group.share_tenths = share;
        }
        groups
    };
    let by_kind = group(dataset.kinds.len(), &|i| Some(dataset.streams[i].kind));
    let by_agency = group(dataset.agencies.len(), &|i| Some(dataset.streams[i].agency));
    let stated: Vec<usize> = (0..streams.len())
        .filter(|i| scenario.plans[*i].amount.is_some())
        .collect();
    let stated_amounts: Vec<i64> = stated.iter().map(|i| streams[*i].total()).collect();
    let mut stream_shares = vec![None; streams.len()];
    for (i, share) in stated.iter().zip(shares_in_tenths(&stated_amounts)) {
        stream_shares[*i] = Some(share);
    }
    let per_unit = dataset
        .streams
        .iter()
        .enumerate()
        .filter_map(|(i, stream)| {
            let declared = stream.units.as_ref()?;
            let amount = scenario.plans[i].amount?;
            let count = i64::try_from(declared.count).ok().filter(|c| *c > 0)?;
            let source = stream.amount.filter(|a| *a > 0)?;
            // Whole units at the source's cost.
            let units = (i128::from(amount) * i128::from(count) / i128::from(source)) as i64;
            Some(PerUnit {
                stream: i,
                count: declared.count,
                source_amount: source,
                amount,
                units,
                units_exact: i128::from(units) * i128::from(source)
                    == i128::from(amount) * i128::from(count),
                unit_cost: (source + count / 2) / count,
                exact: source % count == 0,
            })
        })
        .collect();
    let not_granted = (0..streams.len())
        .filter(|i| dataset.streams[*i].status == Status::Sought)
        .filter(|i| scenario.plans[*i].outcome != Outcome::Pending)
        .filter_map(|i| scenario.plans[i].amount.map(|a| a - streams[i].granted))
        .sum();
    let pending_sought = (0..streams.len())
        .filter(|i| !dataset.streams[*i].status.is_granted())
        .filter(|i| scenario.plans[*i].outcome == Outcome::Pending)
        .filter_map(|i| scenario.plans[i].amount)
        .sum();
    let sum = |all: &[Counted]| Counted {
        granted: all.iter().map(|c| c.granted).sum(),
        sought: all.iter().map(|c| c.sought).sum(),
    };
    Totals {
        unstated: (0..streams.len())
            .filter(|i| scenario.plans[*i].amount.is_none())
            .collect(),
        counted: sum(&streams),
        baseline: sum(&baseline_streams),
        streams,
        stream_shares,
        by_kind,
        by_agency,
        per_unit,
        not_granted,
        pending_sought,
    }
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

/// Every figure of `totals` adds up.
fn totals_add_up(dataset: &Dataset, scenario: &Scenario) -> Result<(), TestCaseError> {
    let totals = Totals::compute(dataset, scenario);
    prop_assert_eq!(&totals, &reference_totals(dataset, scenario));
    let grand = totals.grand();
    let stream_sum: i64 = totals.streams.iter().map(|c| c.total()).sum();
    let granted_sum: i64 = totals.streams.iter().map(|c| c.granted).sum();
    prop_assert_eq!(grand, stream_sum);
    prop_assert_eq!(totals.counted.granted, granted_sum);
    for groups in [&totals.by_kind, &totals.by_agency] {
        let now: i64 = groups.iter().map(|g| g.counted.total()).sum();
        let before: i64 = groups.iter().map(|g| g.baseline.total()).sum();
        prop_assert_eq!(now, grand);
        prop_assert_eq!(before, totals.baseline_grand());
        let shares: i64 = groups.iter().map(|g| g.share_tenths).sum();
        prop_assert!(groups.iter().all(|g| g.share_tenths >= 0));
        prop_assert_eq!(shares, if grand > 0 { 1000 } else { 0 });
    }
    let stream_shares: i64 = totals.stream_shares.iter().flatten().sum();
    prop_assert_eq!(stream_shares, if grand > 0 { 1000 } else { 0 });
    for (i, share) in totals.stream_shares.iter().enumerate() {
        prop_assert_eq!(share.is_some(), scenario.plans[i].amount.is_some());
    }
    for (i, counted) in totals.streams.iter().enumerate() {
        prop_assert!(counted.granted >= 0 && counted.sought >= 0);
        prop_assert!(counted.total() <= scenario.plans[i].amount.unwrap_or(0));
    }
    prop_assert!(totals.not_granted >= 0);
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Issue 20: whole 万 by default, and a fixed pool that keeps its figure. The Muchuan data
    /// (every amount a whole 万), 200 moves in each mode.
    #[test]
    fn planner_moves_stay_in_whole_wan_and_keep_the_fixed_figure(
        moves in prop::collection::vec(planner_move(), 200),
        fixed in any::<bool>(),
    ) {
        let dataset = parse_dataset(MUCHUAN_JSON.as_bytes())
            .map_err(|_| TestCaseError::fail("the Muchuan data is valid"))?
            .dataset;
        let mode = if fixed { BalanceMode::FixedPool } else { BalanceMode::Free };
        let mut scenario = Scenario::baseline(&dataset)
            .apply(&dataset, Action::SetMode(mode))
            .map_err(|r| TestCaseError::fail(format!("{r:?}")))?;
        let mut accepted = 0;
        for planner in &moves {
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
            prop_assert!(broken(&next) <= allowed, "{:?} gave {:?}", action, next.plans);
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
        prop_assert!(accepted > 50, "only {} of 200 moves were accepted", accepted);
    }
}
