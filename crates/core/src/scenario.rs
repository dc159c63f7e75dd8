//! A what-if scenario over a dataset, the actions a planner takes, and the pure reducer.
//!
//! A [`Scenario`] holds only what the planner chose: the planned amount of each stream, the
//! locks, the assumed outcome of each sought stream, the balance mode and whether sought money
//! is counted. Totals are derived from it (see [`crate::totals`]), never stored.

use crate::apportion::apportion;
use crate::dataset::{Dataset, Status};
use crate::money::{MAX_AMOUNT, half_width};

/// One slider step: 10,000 yuan (1 万).
pub const STEP: i64 = 10_000;

/// How a change to one stream affects the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BalanceMode {
    /// Each stream moves on its own; the total follows.
    #[default]
    Free,
    /// The sum of the planned amounts stays the same: what one stream gains, the unlocked
    /// others give up in proportion to their amounts (and the reverse). Outcomes and counting
    /// sought money change the grand total, not this pool.
    FixedPool,
}

/// What the planner assumes becomes of a sought stream.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Still being sought: counted as sought money, apart from granted money.
    #[default]
    Pending,
    /// Granted in full: counted as granted.
    Granted,
    /// Granted in part: this percentage (0–100) counted as granted, the rest lost.
    Partial(u8),
    /// Not granted: counted nowhere.
    Refused,
}

/// The planner's choices.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Scenario {
    /// Planned amount per stream, in dataset order; `None` where the source states no amount.
    pub amounts: Vec<Option<i64>>,
    /// Whether each stream is locked against fixed-pool moves.
    pub locked: Vec<bool>,
    /// Assumed outcome per stream; only sought streams use it, the rest stay `Pending`.
    pub outcomes: Vec<Outcome>,
    /// How a change to one stream affects the others.
    pub mode: BalanceMode,
    /// Whether sought money is counted in the grand total.
    pub count_sought: bool,
}

/// A change the planner asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Set a stream's planned amount exactly.
    SetAmount {
        /// The stream's index in the dataset.
        stream: usize,
        /// Whole yuan.
        amount: i64,
    },
    /// Move a stream's amount by whole steps of [`STEP`] (negative to lower).
    Step {
        /// The stream's index in the dataset.
        stream: usize,
        /// How many steps.
        steps: i64,
    },
    /// Lock or unlock a stream.
    SetLocked {
        /// The stream's index in the dataset.
        stream: usize,
        /// The new state.
        locked: bool,
    },
    /// Assume an outcome for a sought stream.
    SetOutcome {
        /// The stream's index in the dataset.
        stream: usize,
        /// The outcome.
        outcome: Outcome,
    },
    /// Switch the balance mode.
    SetMode(BalanceMode),
    /// Count sought money in the grand total or not.
    SetCountSought(bool),
    /// Back to the dataset's own figures, modes and outcomes.
    Reset,
}

/// Why an action was refused; the scenario is then unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No stream has that index.
    UnknownStream,
    /// The stream has no stated amount to change.
    NoAmount,
    /// The amount is below zero or above 10^15 yuan (in fixed pool, also when lowering it
    /// would lift another stream above 10^15).
    OutOfRange,
    /// Fixed pool: the stream is locked.
    Locked,
    /// Fixed pool: every other stream is locked or has no amount, so nothing can balance.
    NothingToBalance,
    /// Fixed pool: the unlocked others hold too little; this is the most the stream can have.
    NotEnough {
        /// The largest amount the stream can be given now.
        max: i64,
    },
    /// Outcomes apply only to sought streams.
    NotSought,
    /// A partial grant must be between 0 and 100 percent.
    BadPercent,
}

impl Scenario {
    /// The dataset as published: its own amounts, nothing locked, sought money pending and
    /// counted, free mode.
    pub fn baseline(dataset: &Dataset) -> Scenario {
        let count = dataset.streams.len();
        Scenario {
            amounts: dataset.streams.iter().map(|s| s.amount).collect(),
            locked: vec![false; count],
            outcomes: vec![Outcome::Pending; count],
            mode: BalanceMode::Free,
            count_sought: true,
        }
    }

    /// Whether the scenario has one entry per stream of `dataset` and amounts only where the
    /// dataset states them (true of every scenario the reducer makes; checked on decoding).
    pub fn fits(&self, dataset: &Dataset) -> bool {
        let count = dataset.streams.len();
        self.amounts.len() == count
            && self.locked.len() == count
            && self.outcomes.len() == count
            && dataset
                .streams
                .iter()
                .zip(&self.amounts)
                .all(|(s, a)| s.amount.is_some() == a.is_some())
            && dataset
                .streams
                .iter()
                .zip(&self.outcomes)
                .all(|(s, o)| s.status == Status::Sought || *o == Outcome::Pending)
            && self
                .amounts
                .iter()
                .flatten()
                .all(|a| (0..=MAX_AMOUNT).contains(a))
            && self
                .outcomes
                .iter()
                .all(|o| !matches!(o, Outcome::Partial(p) if *p > 100))
    }

    /// The sum of every planned amount: the pool that fixed-pool mode keeps constant.
    pub fn pool(&self) -> i64 {
        self.amounts.iter().flatten().sum()
    }

    /// The most stream `index` can be given now: anything up to 10^15 in free mode; in fixed
    /// pool, its amount plus all that its unlocked others hold (its own amount if it is locked).
    pub fn max_for(&self, index: usize) -> i64 {
        let own = self.amounts.get(index).copied().flatten().unwrap_or(0);
        match self.mode {
            BalanceMode::Free => MAX_AMOUNT,
            BalanceMode::FixedPool if self.locked.get(index).copied().unwrap_or(true) => own,
            BalanceMode::FixedPool => own + self.others(index).map(|(_, a)| a).sum::<i64>(),
        }
    }

    /// The unlocked streams other than `index` that have an amount, with their amounts.
    fn others(&self, index: usize) -> impl Iterator<Item = (usize, i64)> + '_ {
        self.amounts
            .iter()
            .zip(&self.locked)
            .enumerate()
            .filter(move |(j, (_, locked))| *j != index && !**locked)
            .filter_map(|(j, (amount, _))| amount.map(|a| (j, a)))
    }

    /// The reducer: the scenario after `action`, or why the action cannot be done (the scenario
    /// itself is never changed).
    pub fn apply(&self, dataset: &Dataset, action: Action) -> Result<Scenario, Refusal> {
        match action {
            Action::SetAmount { stream, amount } => self.set_amount(stream, amount),
            Action::Step { stream, steps } => {
                let current = self.amount_of(stream)?;
                let target = steps
                    .checked_mul(STEP)
                    .and_then(|d| current.checked_add(d))
                    .ok_or(Refusal::OutOfRange)?;
                let ceiling = self.max_for(stream);
                self.set_amount(stream, target.clamp(0, ceiling.max(current)))
            }
            Action::SetLocked { stream, locked } => {
                let mut next = self.clone();
                *next.locked.get_mut(stream).ok_or(Refusal::UnknownStream)? = locked;
                Ok(next)
            }
            Action::SetOutcome { stream, outcome } => {
                let status = dataset
                    .streams
                    .get(stream)
                    .ok_or(Refusal::UnknownStream)?
                    .status;
                if status != Status::Sought {
                    return Err(Refusal::NotSought);
                }
                if matches!(outcome, Outcome::Partial(p) if p > 100) {
                    return Err(Refusal::BadPercent);
                }
                let mut next = self.clone();
                next.outcomes[stream] = outcome;
                Ok(next)
            }
            Action::SetMode(mode) => Ok(Scenario {
                mode,
                ..self.clone()
            }),
            Action::SetCountSought(count_sought) => Ok(Scenario {
                count_sought,
                ..self.clone()
            }),
            Action::Reset => Ok(Scenario::baseline(dataset)),
        }
    }

    fn amount_of(&self, stream: usize) -> Result<i64, Refusal> {
        self.amounts
            .get(stream)
            .ok_or(Refusal::UnknownStream)?
            .ok_or(Refusal::NoAmount)
    }

    fn set_amount(&self, stream: usize, amount: i64) -> Result<Scenario, Refusal> {
        let current = self.amount_of(stream)?;
        if !(0..=MAX_AMOUNT).contains(&amount) {
            return Err(Refusal::OutOfRange);
        }
        let mut next = self.clone();
        next.amounts[stream] = Some(amount);
        if self.mode == BalanceMode::Free || amount == current {
            return Ok(next);
        }
        if self.locked[stream] {
            return Err(Refusal::Locked);
        }
        let (indices, weights): (Vec<usize>, Vec<i64>) = self.others(stream).unzip();
        if indices.is_empty() {
            return Err(Refusal::NothingToBalance);
        }
        let available: i64 = weights.iter().sum();
        if amount > current {
            let needed = amount - current;
            if available == 0 {
                return Err(Refusal::NothingToBalance);
            }
            if needed > available {
                return Err(Refusal::NotEnough {
                    max: current + available,
                });
            }
            for (j, take) in indices.iter().zip(apportion(needed, &weights)) {
                next.amounts[*j] = Some(weights_of(self, *j) - take);
            }
        } else {
            for (j, give) in indices.iter().zip(apportion(current - amount, &weights)) {
                let received = weights_of(self, *j) + give;
                // A pool above 10^15 could push one of the others past the bound every
                // amount keeps (and a share link of the result would not decode).
                if received > MAX_AMOUNT {
                    return Err(Refusal::OutOfRange);
                }
                next.amounts[*j] = Some(received);
            }
        }
        Ok(next)
    }
}

/// The current amount of a stream already known to have one.
fn weights_of(scenario: &Scenario, index: usize) -> i64 {
    scenario.amounts[index].unwrap_or(0)
}

/// A partial grant's percentage as a planner types it: a whole number from 0 to 100, with or
/// without `%`, in ASCII or full-width digits (`40`, `40%`, `４０％`); anything else is `None`.
pub fn parse_percent(typed: &str) -> Option<u8> {
    let typed: String = typed.chars().map(half_width).collect();
    let typed = typed.trim();
    let number = typed
        .strip_suffix('%')
        .or_else(|| typed.strip_suffix('％'))
        .unwrap_or(typed)
        .trim_end();
    let digits = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
    digits
        .then(|| number.parse::<u8>().ok())
        .flatten()
        .filter(|p| *p <= 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_as_typed() {
        for (typed, percent) in [
            ("40", 40),
            (" 40 % ", 40),
            ("４０％", 40),
            ("0", 0),
            ("100", 100),
        ] {
            assert_eq!(parse_percent(typed), Some(percent), "{typed:?}");
        }
        for typed in [
            "", "150", "101", "abc", "50.5", "-5", "+5", "%", "5%%", "256",
        ] {
            assert_eq!(parse_percent(typed), None, "{typed:?}");
        }
    }
}
