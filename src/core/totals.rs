//! Everything a view shows that is derived from a scenario: the grand total, granted and
//! sought money, groups by kind and agency, shares, per-unit figures and deltas.
//!
//! Every figure is an exact integer sum of stream amounts; shares are apportioned so they add
//! to exactly 100.0%.

use crate::core::apportion::shares_in_tenths;
use crate::core::dataset::{Dataset, Status};
use crate::core::scenario::{Outcome, Scenario};

/// How one stream's planned money counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counted {
    /// Counted as granted (granted streams, and the granted part of sought ones).
    pub granted: i64,
    /// Counted as still sought (pending sought streams while sought money is counted).
    pub sought: i64,
}

impl Counted {
    /// Granted plus sought.
    pub fn total(self) -> i64 {
        self.granted + self.sought
    }

    fn add(&mut self, other: Counted) {
        self.granted += other.granted;
        self.sought += other.sought;
    }
}

/// A group of streams (a kind or an agency) and what it adds up to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The kind's or agency's index in the dataset.
    pub index: usize,
    /// Counted money of the group's streams.
    pub counted: Counted,
    /// The same under the baseline.
    pub baseline: Counted,
    /// Share of the grand total in tenths of a percent (all groups add to 1000).
    pub share_tenths: i64,
    /// How many of the group's streams state an amount; a group with none has no figure to
    /// show (not a zero).
    pub stated: usize,
}

/// A stream's money spread over its units (yuan per technology project…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PerUnit {
    /// The stream's index.
    pub stream: usize,
    /// How many units.
    pub count: u64,
    /// The stream's planned amount.
    pub amount: i64,
    /// Yuan per unit, rounded half up to the yuan.
    pub per_unit: i64,
    /// Whether the division is exact.
    pub exact: bool,
}

/// All derived figures of a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Totals {
    /// Per stream, in dataset order: how its money counts.
    pub streams: Vec<Counted>,
    /// Per stream: share of the grand total in tenths of a percent (add to 1000); `None` for
    /// a stream whose amount is not stated.
    pub stream_shares: Vec<Option<i64>>,
    /// Sum over all streams.
    pub counted: Counted,
    /// The same sum under the baseline (same counting of sought money).
    pub baseline: Counted,
    /// Per kind, in dataset order.
    pub by_kind: Vec<Group>,
    /// Per agency, in dataset order.
    pub by_agency: Vec<Group>,
    /// Streams with a unit count.
    pub per_unit: Vec<PerUnit>,
    /// Money of sought streams assumed refused, or lost in partial grants.
    pub not_granted: i64,
    /// Indices of streams whose amount the source does not state.
    pub unstated: Vec<usize>,
}

impl Totals {
    /// The grand total: granted plus counted sought money.
    pub fn grand(&self) -> i64 {
        self.counted.total()
    }

    /// The grand total under the baseline.
    pub fn baseline_grand(&self) -> i64 {
        self.baseline.total()
    }

    /// Grand total minus the baseline's.
    pub fn delta(&self) -> i64 {
        self.grand() - self.baseline_grand()
    }

    /// Derives every figure of `scenario` over `dataset`.
    pub fn compute(dataset: &Dataset, scenario: &Scenario) -> Totals {
        let baseline = Scenario {
            count_sought: scenario.count_sought,
            ..Scenario::baseline(dataset)
        };
        let streams = count_streams(dataset, scenario);
        let baseline_streams = count_streams(dataset, &baseline);
        let group = |count: usize, key: &dyn Fn(usize) -> Option<usize>| -> Vec<Group> {
            let mut groups: Vec<Group> = (0..count)
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
                    group.stated += usize::from(scenario.amounts[i].is_some());
                    group.counted.add(*now);
                    group.baseline.add(*before);
                }
            }
            let amounts: Vec<i64> = groups.iter().map(|g| g.counted.total()).collect();
            for (group, share) in groups.iter_mut().zip(shares_in_tenths(&amounts)) {
                group.share_tenths = share;
            }
            groups
        };
        // One map per list instead of a linear `kind_index` per stream: with a thousand
        // streams the searches were most of the recompute.
        let kind_ids = IdIndex::new(dataset.kinds.iter().map(|k| k.id.as_str()));
        let agency_ids = IdIndex::new(dataset.agencies.iter().map(|a| a.id.as_str()));
        let by_kind = group(dataset.kinds.len(), &|i| {
            kind_ids.get(&dataset.streams[i].kind)
        });
        let by_agency = group(dataset.agencies.len(), &|i| {
            agency_ids.get(&dataset.streams[i].agency)
        });

        let stated: Vec<usize> = (0..streams.len())
            .filter(|i| scenario.amounts[*i].is_some())
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
                let units = stream.units.as_ref()?;
                let amount = scenario.amounts[i]?;
                let count = i64::try_from(units.count).ok()?;
                Some(PerUnit {
                    stream: i,
                    count: units.count,
                    amount,
                    per_unit: (amount + count / 2) / count,
                    exact: amount % count == 0,
                })
            })
            .collect();

        let not_granted = (0..streams.len())
            .filter(|i| dataset.streams[*i].status == Status::Sought)
            .filter(|i| scenario.outcomes[*i] != Outcome::Pending)
            .filter_map(|i| scenario.amounts[i].map(|a| a - streams[i].granted))
            .sum();

        let mut counted = Counted::default();
        streams.iter().for_each(|c| counted.add(*c));
        let mut baseline_counted = Counted::default();
        baseline_streams
            .iter()
            .for_each(|c| baseline_counted.add(*c));

        Totals {
            unstated: (0..streams.len())
                .filter(|i| scenario.amounts[*i].is_none())
                .collect(),
            streams,
            stream_shares,
            counted,
            baseline: baseline_counted,
            by_kind,
            by_agency,
            per_unit,
            not_granted,
        }
    }
}

/// Each id's position in its list; on a repeat the first, as [`Dataset::kind_index`] finds it.
///
/// A small open-addressing table over FNV-1a: at a thousand streams, a linear search per
/// stream (or the standard map, at the size-optimised level the app is built with) was most
/// of the recompute. The table is at most half full, so every probe ends.
struct IdIndex<'d> {
    ids: Vec<&'d str>,
    /// Position + 1 of the id hashed to each slot; 0 for an empty slot.
    slots: Vec<usize>,
}

impl<'d> IdIndex<'d> {
    fn new(ids: impl Iterator<Item = &'d str>) -> Self {
        let ids: Vec<&'d str> = ids.collect();
        let mask = (ids.len() * 2).next_power_of_two().max(2) - 1;
        let mut slots = vec![0; mask + 1];
        for (position, id) in ids.iter().enumerate() {
            let mut slot = fnv(id) & mask;
            while let Some(taken) = slots.get(slot).copied().filter(|t| *t != 0) {
                if ids.get(taken - 1) == Some(id) {
                    break;
                }
                slot = (slot + 1) & mask;
            }
            if let Some(free @ 0) = slots.get_mut(slot) {
                *free = position + 1;
            }
        }
        IdIndex { ids, slots }
    }

    fn get(&self, id: &str) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut slot = fnv(id) & mask;
        loop {
            let taken = self.slots.get(slot).copied().filter(|t| *t != 0)?;
            if self.ids.get(taken - 1) == Some(&id) {
                return Some(taken - 1);
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// The FNV-1a hash of `id`. The table lives for one computation over a dataset the user
/// opened, so resistance to crafted collisions is not needed.
fn fnv(id: &str) -> usize {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    (hash ^ (hash >> 32)) as usize
}

/// How each stream's planned money counts under the scenario's outcomes and sought toggle.
fn count_streams(dataset: &Dataset, scenario: &Scenario) -> Vec<Counted> {
    dataset
        .streams
        .iter()
        .zip(&scenario.amounts)
        .zip(&scenario.outcomes)
        .map(|((stream, amount), outcome)| {
            let amount = amount.unwrap_or(0);
            if stream.status.is_granted() {
                return Counted {
                    granted: amount,
                    sought: 0,
                };
            }
            match outcome {
                Outcome::Pending if scenario.count_sought => Counted {
                    granted: 0,
                    sought: amount,
                },
                Outcome::Pending | Outcome::Refused => Counted::default(),
                Outcome::Granted => Counted {
                    granted: amount,
                    sought: 0,
                },
                Outcome::Partial(percent) => Counted {
                    granted: partial(amount, *percent),
                    sought: 0,
                },
            }
        })
        .collect()
}

/// `percent`% of `amount`, rounded down to the yuan.
pub fn partial(amount: i64, percent: u8) -> i64 {
    (i128::from(amount) * i128::from(percent.min(100)) / 100) as i64
}

/// A change in tenths of a percent of `base`, rounded half away from zero; `None` when the
/// base is zero.
pub fn delta_tenths_percent(delta: i64, base: i64) -> Option<i64> {
    if base == 0 {
        return None;
    }
    let scaled = i128::from(delta) * 1000;
    let base = i128::from(base);
    let rounded = (scaled.abs() + base.abs() / 2) / base.abs();
    let signed = if (scaled < 0) != (base < 0) {
        -rounded
    } else {
        rounded
    };
    i64::try_from(signed).ok()
}
