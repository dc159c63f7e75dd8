//! A what-if scenario over a dataset, the actions a planner takes, and the pure reducer.
//!
//! A [`Scenario`] holds only what the planner chose: the planned amount of each stream, the
//! locks, the assumed outcome of each sought stream, the balance mode and whether sought money
//! is counted. Totals are derived from it (see [`crate::totals`]), never stored.

use crate::apportion::{apportion, give_in_steps, take_in_steps};
use crate::dataset::{Dataset, Status};
use crate::money::{MAX_AMOUNT, half_width};

/// `percent`% of `amount`, rounded down to the yuan.
pub fn partial(amount: i64, percent: u8) -> i64 {
    (i128::from(amount) * i128::from(percent.min(100)) / 100) as i64
}

pub use note::{MAX_NOTE_CHARS, clean_note};

mod note;

/// One slider step: 10,000 yuan (1 万).
pub const STEP: i64 = 10_000;

/// How a change to one stream affects the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BalanceMode {
    /// Each stream moves on its own; the total follows.
    #[default]
    Free,
    /// The grand total stays the same: what one stream gains, the others that take part give
    /// up in proportion to their amounts, in whole 万 (and the reverse). A stream takes part
    /// when it is unlocked, states an amount and is money in hand: granted, or sought and
    /// assumed granted in full. A bid still being sought, or assumed refused or granted in
    /// part, neither gives nor takes: no planner can pad or trim a request to another level of
    /// government to balance county lines. Outcomes and counting sought money are assumptions,
    /// not moves: they change the grand total.
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
    /// Granted this percentage (0: not granted at all), and the rest made up by the planner
    /// from money in hand ([`Action::CoverShortfall`]): counted in full as granted, but said
    /// as what it is, never as "granted in full".
    Covered(u8),
}

/// The planner's choices for one stream.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Plan {
    /// The planned amount; `None` where the source states no amount.
    pub amount: Option<i64>,
    /// Whether the stream is locked against fixed-pool moves.
    pub locked: bool,
    /// The assumed outcome; only sought streams use it, the rest stay `Pending`.
    pub outcome: Outcome,
    /// The planner's reason for the change, cleaned by [`clean_note`]; empty for none.
    pub note: String,
}

/// The planner's choices.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Scenario {
    /// One plan per stream, in dataset order.
    pub plans: Vec<Plan>,
    /// How a change to one stream affects the others.
    pub mode: BalanceMode,
    /// Whether sought money is counted in the grand total.
    pub count_sought: bool,
}

/// A change the planner asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Set a stream's planned amount exactly.
    SetAmount {
        /// The stream's index in the dataset.
        stream: usize,
        /// Whole yuan.
        amount: i64,
    },
    /// Move a stream's amount by whole steps of [`STEP`] (negative to lower); an amount with
    /// yuan below one step first goes to the whole step in that direction. Up to the most the
    /// stream can have; a step up with no room at all is refused with the reason.
    Step {
        /// The stream's index in the dataset.
        stream: usize,
        /// How many steps.
        steps: i64,
    },
    /// Move money from one stream to another, exactly, in either mode: nothing else changes,
    /// so the grand total and the sum of the planned amounts stay. Both streams must state an
    /// amount, be unlocked and be money in hand (granted, or assumed granted in full): money of
    /// a bid not granted yet does not exist to move, and money moved into it would only be a
    /// bigger request.
    Transfer {
        /// The stream that gives.
        from: usize,
        /// The stream that receives.
        to: usize,
        /// Whole yuan, more than zero.
        amount: i64,
    },
    /// Make up what a sought stream assumed refused or granted in part lacks, from the streams
    /// picked (in proportion to their amounts, in whole 万; or from one): they give the gap and
    /// the bid then counts in full, so the grand total stays. The picked streams must take
    /// part as a transfer's do.
    CoverShortfall {
        /// The sought stream with a shortfall.
        stream: usize,
        /// The streams that give, at least one.
        from: Vec<usize>,
    },
    /// Lock or unlock a stream.
    SetLocked {
        /// The stream's index in the dataset.
        stream: usize,
        /// The new state.
        locked: bool,
    },
    /// Write (or, with an empty text, clear) the planner's note on a stream's change.
    SetNote {
        /// The stream's index in the dataset.
        stream: usize,
        /// The note as typed; cleaned by [`clean_note`].
        note: String,
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
    /// The stream is not money in hand (a bid still being sought, or assumed refused or granted
    /// in part), so in a fixed pool it keeps its amount and no money moves to or from it.
    NotGranted,
    /// A transfer from a stream to itself, or a shortfall covered from itself.
    SameStream,
    /// The giving streams hold less than the amount to move: this is all they hold.
    TooLittle {
        /// What the giving streams hold together.
        available: i64,
    },
    /// The stream is not a sought stream assumed refused or granted in part: it lacks nothing.
    NoShortfall,
    /// A shortfall covered from no stream.
    NothingPicked,
    /// A note longer than [`MAX_NOTE_CHARS`] characters.
    NoteTooLong,
    /// A transfer of nothing (zero yuan).
    NothingToMove,
}

impl Scenario {
    /// The dataset as published: its own amounts, nothing locked, sought money pending and
    /// counted, free mode.
    pub fn baseline(dataset: &Dataset) -> Scenario {
        Scenario {
            plans: dataset
                .streams
                .iter()
                .map(|s| Plan {
                    amount: s.amount,
                    ..Plan::default()
                })
                .collect(),
            mode: BalanceMode::Free,
            count_sought: true,
        }
    }

    /// Whether the scenario has one plan per stream of `dataset`, amounts only where the
    /// dataset states them, and clean notes (true of every scenario the reducer makes; checked
    /// on decoding).
    pub fn fits(&self, dataset: &Dataset) -> bool {
        self.plans.len() == dataset.streams.len()
            && dataset.streams.iter().zip(&self.plans).all(|(s, plan)| {
                s.amount.is_some() == plan.amount.is_some()
                    && plan.amount.is_none_or(|a| (0..=MAX_AMOUNT).contains(&a))
                    && (s.status == Status::Sought || plan.outcome == Outcome::Pending)
                    && !matches!(plan.outcome, Outcome::Partial(p) | Outcome::Covered(p) if p > 100)
                    && clean_note(&plan.note).as_deref() == Ok(plan.note.as_str())
            })
    }

    /// The planned amount of stream `index` (`None` where unstated or out of range).
    pub fn amount(&self, index: usize) -> Option<i64> {
        self.plans.get(index).and_then(|p| p.amount)
    }

    /// The planned amounts, in dataset order.
    pub fn amounts(&self) -> impl Iterator<Item = Option<i64>> + '_ {
        self.plans.iter().map(|p| p.amount)
    }

    /// Whether stream `index` is locked.
    pub fn is_locked(&self, index: usize) -> bool {
        self.plans.get(index).is_some_and(|p| p.locked)
    }

    /// The assumed outcome of stream `index` (`Pending` out of range).
    pub fn outcome(&self, index: usize) -> Outcome {
        self.plans.get(index).map(|p| p.outcome).unwrap_or_default()
    }

    /// The planner's note on stream `index` (empty for none).
    pub fn note(&self, index: usize) -> &str {
        self.plans.get(index).map_or("", |p| p.note.as_str())
    }

    /// The sum of every planned amount: the pool that fixed-pool mode keeps constant.
    pub fn pool(&self) -> i64 {
        self.amounts().flatten().sum()
    }

    /// The most stream `index` can be given now: anything up to 10^15 in free mode; in fixed
    /// pool, its amount plus all that the others taking part hold (its own amount if it does
    /// not take part itself).
    pub fn max_for(&self, dataset: &Dataset, index: usize) -> i64 {
        let own = self.amount(index).unwrap_or(0);
        match self.mode {
            BalanceMode::Free => MAX_AMOUNT,
            BalanceMode::FixedPool if !self.takes_part(dataset, index) => own,
            BalanceMode::FixedPool => {
                own + self.others(dataset, index).map(|(_, a)| a).sum::<i64>()
            }
        }
    }

    /// Whether stream `index` is money in hand: granted in the source, or sought and assumed
    /// granted in full.
    pub fn is_granted(&self, dataset: &Dataset, index: usize) -> bool {
        let granted = dataset
            .streams
            .get(index)
            .is_some_and(|s| s.status.is_granted());
        granted || self.outcome(index) == Outcome::Granted
    }

    /// Whether stream `index` gives and takes in fixed-pool moves and transfers: it states an
    /// amount, is unlocked and is money in hand.
    pub fn takes_part(&self, dataset: &Dataset, index: usize) -> bool {
        self.amount(index).is_some()
            && self.plans.get(index).is_some_and(|p| !p.locked)
            && self.is_granted(dataset, index)
    }

    /// The streams other than `index` that take part, with their amounts.
    fn others<'a>(
        &'a self,
        dataset: &'a Dataset,
        index: usize,
    ) -> impl Iterator<Item = (usize, i64)> + 'a {
        (0..self.plans.len())
            .filter(move |j| *j != index && self.takes_part(dataset, *j))
            .filter_map(|j| self.plans[j].amount.map(|a| (j, a)))
    }

    /// What a sought stream assumed refused or granted in part lacks of its planned amount.
    pub fn shortfall(&self, dataset: &Dataset, index: usize) -> Option<i64> {
        let sought = dataset.streams.get(index)?.status == Status::Sought;
        let plan = self.plans.get(index)?;
        let amount = plan.amount?;
        let gap = match plan.outcome {
            Outcome::Refused => amount,
            Outcome::Partial(percent) => amount - partial(amount, percent),
            _ => 0,
        };
        (sought && gap > 0).then_some(gap)
    }

    /// The reducer: the scenario after `action`, or why the action cannot be done (the scenario
    /// itself is never changed).
    pub fn apply(&self, dataset: &Dataset, action: Action) -> Result<Scenario, Refusal> {
        match action {
            Action::SetAmount { stream, amount } => self.set_amount(dataset, stream, amount),
            Action::Step { stream, steps } => {
                let current = self.amount_of(stream)?;
                let target = step_target(current, steps).ok_or(Refusal::OutOfRange)?;
                let ceiling = self.max_for(dataset, stream);
                // A step up with no room at all is refused with the reason (locked, nothing
                // left to take), not taken as a step of nothing the planner cannot tell from one.
                if target > current && ceiling <= current {
                    return self.set_amount(dataset, stream, target);
                }
                self.set_amount(dataset, stream, target.clamp(0, ceiling.max(current)))
            }
            Action::Transfer { from, to, amount } => self.transfer(dataset, from, to, amount),
            Action::CoverShortfall { stream, from } => self.cover(dataset, stream, &from),
            Action::SetLocked { stream, locked } => {
                let mut next = self.clone();
                next.plans
                    .get_mut(stream)
                    .ok_or(Refusal::UnknownStream)?
                    .locked = locked;
                Ok(next)
            }
            Action::SetNote { stream, note } => {
                let note = clean_note(&note)?;
                let mut next = self.clone();
                next.plans
                    .get_mut(stream)
                    .ok_or(Refusal::UnknownStream)?
                    .note = note;
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
                if matches!(outcome, Outcome::Partial(p) | Outcome::Covered(p) if p > 100) {
                    return Err(Refusal::BadPercent);
                }
                let mut next = self.clone();
                next.plans[stream].outcome = outcome;
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
        self.plans
            .get(stream)
            .ok_or(Refusal::UnknownStream)?
            .amount
            .ok_or(Refusal::NoAmount)
    }

    fn set_amount(
        &self,
        dataset: &Dataset,
        stream: usize,
        amount: i64,
    ) -> Result<Scenario, Refusal> {
        let current = self.amount_of(stream)?;
        if !(0..=MAX_AMOUNT).contains(&amount) {
            return Err(Refusal::OutOfRange);
        }
        let mut next = self.clone();
        next.plans[stream].amount = Some(amount);
        if self.mode == BalanceMode::Free || amount == current {
            return Ok(next);
        }
        if self.plans[stream].locked {
            return Err(Refusal::Locked);
        }
        if !self.is_granted(dataset, stream) {
            return Err(Refusal::NotGranted);
        }
        let (indices, weights): (Vec<usize>, Vec<i64>) = self.others(dataset, stream).unzip();
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
            for (j, take) in indices.iter().zip(take_from(needed, &weights)) {
                next.plans[*j].amount = Some(weights_of(self, *j) - take);
            }
        } else {
            for (j, give) in indices
                .iter()
                .zip(give_in_steps(current - amount, &weights, STEP))
            {
                let received = weights_of(self, *j) + give;
                // A pool above 10^15 could push one of the others past the bound every
                // amount keeps (and a share link of the result would not decode).
                if received > MAX_AMOUNT {
                    return Err(Refusal::OutOfRange);
                }
                next.plans[*j].amount = Some(received);
            }
        }
        Ok(next)
    }

    /// Checks that stream `index` can give or receive in a transfer or a cover; its amount.
    fn party(&self, dataset: &Dataset, index: usize) -> Result<i64, Refusal> {
        let amount = self.amount_of(index)?;
        if self.plans[index].locked {
            return Err(Refusal::Locked);
        }
        if !self.is_granted(dataset, index) {
            return Err(Refusal::NotGranted);
        }
        Ok(amount)
    }

    fn transfer(
        &self,
        dataset: &Dataset,
        from: usize,
        to: usize,
        amount: i64,
    ) -> Result<Scenario, Refusal> {
        if from == to && from < self.plans.len() {
            return Err(Refusal::SameStream);
        }
        let (giver, receiver) = (self.party(dataset, from)?, self.party(dataset, to)?);
        if amount == 0 {
            return Err(Refusal::NothingToMove);
        }
        if !(1..=MAX_AMOUNT).contains(&amount) {
            return Err(Refusal::OutOfRange);
        }
        if giver < amount {
            return Err(Refusal::TooLittle { available: giver });
        }
        let received = receiver
            .checked_add(amount)
            .filter(|r| *r <= MAX_AMOUNT)
            .ok_or(Refusal::OutOfRange)?;
        let mut next = self.clone();
        next.plans[from].amount = Some(giver - amount);
        next.plans[to].amount = Some(received);
        Ok(next)
    }

    fn cover(&self, dataset: &Dataset, stream: usize, from: &[usize]) -> Result<Scenario, Refusal> {
        if stream >= self.plans.len() {
            return Err(Refusal::UnknownStream);
        }
        let gap = self
            .shortfall(dataset, stream)
            .ok_or(Refusal::NoShortfall)?;
        let mut picked = from.to_vec();
        picked.sort_unstable();
        picked.dedup();
        if picked.is_empty() {
            return Err(Refusal::NothingPicked);
        }
        if picked.contains(&stream) {
            return Err(Refusal::SameStream);
        }
        let amounts = picked
            .iter()
            .map(|j| self.party(dataset, *j))
            .collect::<Result<Vec<i64>, Refusal>>()?;
        let available: i64 = amounts.iter().sum();
        if available < gap {
            return Err(Refusal::TooLittle { available });
        }
        let mut next = self.clone();
        for ((j, amount), take) in picked.iter().zip(&amounts).zip(take_from(gap, &amounts)) {
            next.plans[*j].amount = Some(amount - take);
        }
        next.plans[stream].outcome = match self.plans[stream].outcome {
            Outcome::Partial(percent) => Outcome::Covered(percent),
            _ => Outcome::Covered(0),
        };
        Ok(next)
    }
}

/// Where a step from `current` lands: whole steps of [`STEP`] from the whole step at or past
/// `current` in the step's direction (`None` on overflow).
fn step_target(current: i64, steps: i64) -> Option<i64> {
    if steps == 0 {
        return Some(current);
    }
    let below = current - current.rem_euclid(STEP);
    let start = if steps < 0 && below != current {
        below + STEP
    } else {
        below
    };
    steps.checked_mul(STEP)?.checked_add(start)
}

/// What each holder of `amounts` gives when together they give `total` (≤ their sum): in whole
/// 万 where their amounts allow, else (holders left with less than 万 each) to the yuan.
fn take_from(total: i64, amounts: &[i64]) -> Vec<i64> {
    take_in_steps(total, amounts, STEP).unwrap_or_else(|| apportion(total, amounts))
}

/// The current amount of a stream already known to have one.
fn weights_of(scenario: &Scenario, index: usize) -> i64 {
    scenario.amount(index).unwrap_or(0)
}

/// The longest scenario name, in characters.
pub const MAX_NAME_CHARS: usize = 200;

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
