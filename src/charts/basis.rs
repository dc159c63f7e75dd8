//! What a chart is drawn on, in words: the basis line under each chart's title (on screen and
//! in the chart file) saying what its money counts besides money granted, and the status a
//! bid's bar carries after its name. Both say only what the totals panel and the stream cards
//! say, with the same figures and words.

use crate::charts::{message, money};
use crate::core::dataset::Status;
use crate::core::lang::Lang;
use crate::core::money::format_sum;
use crate::core::scenario::Outcome;
use crate::core::totals::Totals;

/// The money still being sought, written as the totals panel writes it: as the part of the
/// grand total it is when counted (so that in English it rounds as the sum beside it does),
/// else on its own.
pub fn sought_figure(totals: &Totals, lang: Lang) -> String {
    if totals.pending_sought == totals.counted.sought {
        let (_, [_, sought]) = format_sum(
            totals.grand(),
            [totals.counted.granted, totals.counted.sought],
            lang.money_style(),
        );
        sought
    } else {
        money(lang, totals.pending_sought)
    }
}

/// One line saying what the charts' money is drawn on: money still being sought (counted in
/// the grand total or not) and money counted only because a bid is assumed granted, or else
/// that granted money alone is counted.
pub fn basis_line(totals: &Totals, count_sought: bool, lang: Lang) -> String {
    message(
        lang,
        "charts.basis",
        &[("parts", &basis_parts(totals, count_sought, lang))],
    )
}

/// What [`basis_line`] says after its lead-in (`统计口径：`), for a line that names its
/// scenario.
pub fn basis_parts(totals: &Totals, count_sought: bool, lang: Lang) -> String {
    let mut parts = Vec::new();
    if totals.pending_sought > 0 {
        let key = if count_sought {
            "charts.basis.sought-counted"
        } else {
            "charts.basis.sought-left-out"
        };
        parts.push(message(
            lang,
            key,
            &[("amount", &sought_figure(totals, lang))],
        ));
    }
    if totals.assumed_granted > 0 {
        parts.push(message(
            lang,
            "charts.basis.assumed",
            &[("amount", &money(lang, totals.assumed_granted))],
        ));
    }
    if parts.is_empty() {
        parts.push(message(lang, "charts.basis.granted-only", &[]));
    }
    parts.join(&message(lang, "charts.sep", &[]))
}

/// A stream's standing in words: its status in the source, or for a bid the outcome the
/// planner assumes; the stream card's badge says the same.
pub fn standing(status: Status, outcome: Outcome, lang: Lang) -> String {
    let percent = |key: &str, p: u8| message(lang, key, &[("percent", &p.to_string())]);
    match outcome {
        _ if status.is_granted() => message(lang, &format!("status.{}", status.key()), &[]),
        Outcome::Pending => message(lang, "status.sought", &[]),
        Outcome::Granted => message(lang, "outcome.badge-granted", &[]),
        Outcome::Partial(p) => percent("outcome.badge-partial", p),
        Outcome::Refused => message(lang, "outcome.badge-refused", &[]),
        Outcome::Covered(0) => message(lang, "outcome.badge-covered-refused", &[]),
        Outcome::Covered(p) => percent("outcome.badge-covered-partial", p),
    }
}

/// What a bid's bar carries after its name: its standing in brackets, `（正在争取）`; `None`
/// for money granted, which carries nothing.
pub fn bid_marker(status: Status, outcome: Outcome, lang: Lang) -> Option<String> {
    (!status.is_granted()).then(|| {
        message(
            lang,
            "charts.marker",
            &[("words", &standing(status, outcome, lang))],
        )
    })
}

/// The key lines under a bar chart's legend for the bid markers drawn, given the outcomes of
/// the bids drawn: `sought` if one is still pending, `assumed` if one has an assumed outcome.
pub fn marker_key(outcomes: &[Outcome], lang: Lang, [sought, assumed]: [&str; 2]) -> Vec<String> {
    let mut key = Vec::new();
    if outcomes.contains(&Outcome::Pending) {
        key.push(message(lang, sought, &[]));
    }
    if outcomes.iter().any(|o| *o != Outcome::Pending) {
        key.push(message(lang, assumed, &[]));
    }
    key
}

/// The marker of a summed row of `count` streams when some are bids ("N 项正在争取"), for the
/// chart to say what the table names.
pub fn bids_marker(count: usize, lang: Lang) -> Option<String> {
    (count > 0).then(|| message(lang, "charts.marker-bids", &[("count", &count.to_string())]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bid_is_marked_with_its_assumed_outcome_and_granted_money_is_not() {
        let marker = |status, outcome| bid_marker(status, outcome, Lang::ZhHans);
        assert_eq!(marker(Status::Approved, Outcome::Pending), None);
        assert_eq!(
            marker(Status::Sought, Outcome::Pending).as_deref(),
            Some("（正在争取）")
        );
        assert_eq!(
            marker(Status::Sought, Outcome::Granted).as_deref(),
            Some("（假定全额获批）")
        );
        assert_eq!(
            marker(Status::Sought, Outcome::Partial(40)).as_deref(),
            Some("（假定获批 40%）")
        );
        assert_eq!(
            standing(Status::Issued, Outcome::Pending, Lang::ZhHans),
            "已下达"
        );
    }
}
