//! Everything a view shows that is derived from a scenario: the grand total, granted and
//! sought money, groups by kind and agency, shares, per-unit figures and deltas.
//!
//! Every figure is an exact integer sum of stream amounts; shares are apportioned so they add
//! to exactly 100.0%.

use crate::apportion::shares_in_tenths;
use crate::dataset::{Dataset, Status};
use crate::scenario::{Outcome, Scenario, partial};

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

    #[inline(always)]
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

/// What a stream's planned money buys where the source ties a count to it (26 technology
/// projects for 600万): an estimate at the source's own unit cost, not a figure of the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PerUnit {
    /// The stream's index.
    pub stream: usize,
    /// How many units the source ties to the stream.
    pub count: u64,
    /// The source's amount for those units.
    pub source_amount: i64,
    /// The stream's planned amount.
    pub amount: i64,
    /// Whole units the planned amount pays for at the source's unit cost (rounded down: a
    /// unit part-paid is not bought).
    pub units: i64,
    /// Whether the planned amount pays for exactly that many units.
    pub units_exact: bool,
    /// The source's unit cost: its amount over its count, in yuan, rounded half up.
    pub unit_cost: i64,
    /// Whether that division is exact.
    pub exact: bool,
}

impl PerUnit {
    /// The estimate for `amount` planned where the source gives `source_amount` (> 0) for
    /// `count` (> 0) units.
    pub fn estimate(stream: usize, count: u64, source_amount: i64, amount: i64) -> PerUnit {
        let bought = i128::from(amount) * i128::from(count);
        let source = i128::from(source_amount);
        let count_i = i64::try_from(count).unwrap_or(i64::MAX);
        PerUnit {
            stream,
            count,
            source_amount,
            amount,
            units: i64::try_from(bought / source).unwrap_or(i64::MAX),
            units_exact: bought % source == 0,
            unit_cost: (source_amount + count_i / 2) / count_i,
            exact: source_amount % count_i == 0,
        }
    }

    /// Units bought beyond (or short of) the source's count.
    pub fn units_delta(&self) -> i64 {
        self.units - i64::try_from(self.count).unwrap_or(i64::MAX)
    }
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
    /// Per kind that has a stream, in dataset order.
    pub by_kind: Vec<Group>,
    /// Per agency that has a stream, in dataset order.
    pub by_agency: Vec<Group>,
    /// Streams with a unit count.
    pub per_unit: Vec<PerUnit>,
    /// Money of sought streams assumed refused, or lost in partial grants.
    pub not_granted: i64,
    /// Money counted as granted only because an outcome is assumed for a sought bid: a grant
    /// in full or in part, and of a covered shortfall the part granted (what other money made
    /// up was in hand already). Said beside the granted figure, which counts it.
    pub assumed_granted: i64,
    /// Money still being sought (no outcome assumed), counted in the grand total or not.
    pub pending_sought: i64,
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

    /// What stream `index` adds to the grand total: its planned amount if granted; if sought,
    /// by its assumed outcome, or nothing while sought money is left out.
    pub fn added(&self, index: usize) -> i64 {
        self.streams.get(index).map_or(0, |c| c.total())
    }

    /// Derives every figure of `scenario` over `dataset` (a scenario that fits it, as every
    /// scenario the reducer makes does).
    pub fn compute(dataset: &Dataset, scenario: &Scenario) -> Totals {
        // One pass over the streams for everything per stream and per group. At a thousand
        // streams, separate passes of iterator chains and an id search per stream were most
        // of a recompute at the size-optimised level the app is built with; so streams hold
        // their kind's and agency's index, resolved once by validation.
        let mut by_kind = empty_groups(dataset.kinds.len());
        let mut by_agency = empty_groups(dataset.agencies.len());
        let mut kind_used = vec![false; dataset.kinds.len()];
        let mut agency_used = vec![false; dataset.agencies.len()];
        // The streams the scenario covers: all of them when it fits the dataset.
        let covered = dataset.streams.len().min(scenario.plans.len());
        let mut streams = vec![Counted::default(); covered];
        let mut unstated = Vec::new();
        let mut per_unit = Vec::new();
        let mut counted = Counted::default();
        let mut baseline = Counted::default();
        let mut not_granted = 0;
        let mut assumed_granted = 0;
        let mut pending_sought = 0;
        let count_sought = scenario.count_sought;
        for (i, ((stream, slot), plan)) in dataset
            .streams
            .iter()
            .zip(streams.iter_mut())
            .zip(&scenario.plans)
            .enumerate()
        {
            let (amount, outcome) = (&plan.amount, plan.outcome);
            // The baseline: the dataset's own amount, sought money pending.
            let before = count_one(
                stream.status,
                stream.amount.unwrap_or(0),
                Outcome::Pending,
                count_sought,
            );
            baseline.add(before);
            let now = count_one(stream.status, amount.unwrap_or(0), outcome, count_sought);
            *slot = now;
            counted.add(now);
            add_to_group(&mut by_kind, stream.kind, amount.is_some(), now, before);
            mark(&mut kind_used, stream.kind);
            add_to_group(&mut by_agency, stream.agency, amount.is_some(), now, before);
            mark(&mut agency_used, stream.agency);
            let Some(amount) = *amount else {
                unstated.push(i);
                continue;
            };
            // Without a source amount for the count there is no unit cost to estimate with.
            if let Some(units) = &stream.units
                && i64::try_from(units.count).is_ok_and(|c| c > 0)
                && let Some(source_amount) = stream.amount.filter(|a| *a > 0)
            {
                per_unit.push(PerUnit::estimate(i, units.count, source_amount, amount));
            }
            if stream.status == Status::Sought && outcome != Outcome::Pending {
                not_granted += amount - now.granted;
                assumed_granted += match outcome {
                    Outcome::Partial(percent) | Outcome::Covered(percent) => {
                        partial(amount, percent)
                    }
                    _ => now.granted,
                };
            }
            if !stream.status.is_granted() && outcome == Outcome::Pending {
                pending_sought += amount;
            }
        }
        for stream in dataset.streams.iter().skip(covered) {
            let amount = stream.amount.unwrap_or(0);
            baseline.add(count_one(
                stream.status,
                amount,
                Outcome::Pending,
                count_sought,
            ));
            mark(&mut kind_used, stream.kind);
            mark(&mut agency_used, stream.agency);
        }
        // A kind or agency no stream names adds nothing: it gets no row (a dataset may define
        // hundreds of them, and every row costs on every move).
        by_kind.retain(|g| kind_used.get(g.index) == Some(&true));
        by_agency.retain(|g| agency_used.get(g.index) == Some(&true));
        for groups in [&mut by_kind, &mut by_agency] {
            let amounts: Vec<i64> = groups.iter().map(|g| g.counted.total()).collect();
            for (group, share) in groups.iter_mut().zip(shares_in_tenths(&amounts)) {
                group.share_tenths = share;
            }
        }
        // Shares among the streams that state an amount. An unstated stream counts 0, and a
        // zero weight never receives a left-over tenth (fewer tenths are left over than there
        // are non-zero remainders), so sharing over every stream gives the stated ones the
        // same shares.
        let totals: Vec<i64> = streams.iter().map(|c| c.total()).collect();
        let stream_shares = shares_in_tenths(&totals)
            .into_iter()
            .zip(scenario.amounts())
            .map(|(share, amount)| amount.map(|_| share))
            .collect();

        Totals {
            streams,
            stream_shares,
            counted,
            baseline,
            by_kind,
            by_agency,
            per_unit,
            not_granted,
            assumed_granted,
            pending_sought,
            unstated,
        }
    }
}

/// Adds one stream's money to group `index` of `groups`.
#[inline(always)]
fn add_to_group(groups: &mut [Group], index: usize, stated: bool, now: Counted, before: Counted) {
    if let Some(group) = groups.get_mut(index) {
        group.stated += usize::from(stated);
        group.counted.add(now);
        group.baseline.add(before);
    }
}

/// Notes that a stream names group `index`.
#[inline(always)]
fn mark(used: &mut [bool], index: usize) {
    if let Some(slot) = used.get_mut(index) {
        *slot = true;
    }
}

/// `count` groups with nothing in them yet.
fn empty_groups(count: usize) -> Vec<Group> {
    (0..count)
        .map(|index| Group {
            index,
            counted: Counted::default(),
            baseline: Counted::default(),
            share_tenths: 0,
            stated: 0,
        })
        .collect()
}

/// What a stream of `status` stating `amount` adds to the baseline's grand total (sought money
/// pending): the report reads each row's change against it, so that the rows add up to
/// [`Totals::delta`].
pub fn baseline_added(status: Status, amount: Option<i64>, count_sought: bool) -> i64 {
    count_one(status, amount.unwrap_or(0), Outcome::Pending, count_sought).total()
}

/// How one stream's money counts: `amount` under `outcome`, with sought money counted or not.
#[inline(always)]
fn count_one(status: Status, amount: i64, outcome: Outcome, count_sought: bool) -> Counted {
    if status.is_granted() {
        return Counted {
            granted: amount,
            sought: 0,
        };
    }
    match outcome {
        Outcome::Pending if count_sought => Counted {
            granted: 0,
            sought: amount,
        },
        Outcome::Pending | Outcome::Refused => Counted::default(),
        // A covered shortfall was made up from other money in hand: all of it is granted money.
        Outcome::Granted | Outcome::Covered(_) => Counted {
            granted: amount,
            sought: 0,
        },
        Outcome::Partial(percent) => Counted {
            granted: partial(amount, percent),
            sought: 0,
        },
    }
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
