//! What the property tests check after every move: `Totals::compute` against a reference copy
//! of it as first written, every figure adding up, and what a bid lacks. Shared by
//! `engine_properties.rs` and `input_properties.rs` (included with `#[path]`).

use muchuan_funding_explorer::core::apportion::shares_in_tenths;
use muchuan_funding_explorer::core::dataset::{Dataset, Status};
use muchuan_funding_explorer::core::scenario::partial;
use muchuan_funding_explorer::core::scenario::{Outcome, Scenario};
use muchuan_funding_explorer::core::totals::{Counted, Group, PerUnit, Totals};
use proptest::prelude::*;

/// What a sought stream assumed refused or granted in part lacks (0 for any other).
pub fn gap_of(dataset: &Dataset, scenario: &Scenario, stream: usize) -> i64 {
    let amount = scenario.plans[stream].amount.unwrap_or(0);
    match scenario.plans[stream].outcome {
        _ if dataset.streams[stream].status != Status::Sought => 0,
        Outcome::Refused => amount,
        Outcome::Partial(p) => amount - partial(amount, p),
        _ => 0,
    }
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
    let assumed_granted = (0..streams.len())
        .filter(|i| dataset.streams[*i].status == Status::Sought)
        .filter_map(|i| {
            let amount = scenario.plans[i].amount?;
            Some(match scenario.plans[i].outcome {
                Outcome::Pending | Outcome::Refused => 0,
                Outcome::Granted => amount,
                Outcome::Partial(p) | Outcome::Covered(p) => amount * i64::from(p) / 100,
            })
        })
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
        assumed_granted,
        pending_sought,
    }
}

/// Every figure of `totals` adds up.
pub fn totals_add_up(dataset: &Dataset, scenario: &Scenario) -> Result<(), TestCaseError> {
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
