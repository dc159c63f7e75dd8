//! What a chart is drawn on, in words: the status a bid's bar carries after its name, in the
//! stream cards' words.

use crate::charts::message;
use crate::core::dataset::Status;
use crate::core::lang::Lang;
use crate::core::scenario::Outcome;

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
