//! Reading one cell: an amount as spreadsheets write it, a status word.

use serde_json::{Number, Value};

use super::columns::Unit;
use crate::dataset::Status;
use crate::money::{
    BadAmount, MoneyStyle, Script, WAN_UNITS, commas_separate_thousands, half_width, parse_amount,
};
use crate::validate::ProblemKind;

/// An amount cell as a dataset value: `null` when empty, a number when it reads as one (the
/// dataset check then says if it is negative or has a fraction); a cell that is no number is
/// [`ProblemKind::NotAnAmount`], in a spreadsheet's words rather than JSON's. A plain number is
/// in `unit`; one written with its unit (`150万`, `5000元`, `¥5,000,000.00`) in that unit.
pub(super) fn read_amount(cell: &str, unit: Unit) -> Result<Value, ProblemKind> {
    if cell.is_empty() {
        return Ok(Value::Null);
    }
    let spaced_out: String = cell
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    // A comma between thousands is a spreadsheet's; any other (`1,2`, a decimal comma) would
    // be read as a different number once taken out.
    if !commas_separate_thousands(&spaced_out) {
        return Err(ProblemKind::NotAnAmount);
    }
    let cleaned: String = spaced_out
        .chars()
        .filter(|c| !matches!(c, ',' | '_'))
        .collect();
    // A currency sign, as Excel's currency format writes it, before the number or its sign.
    let (negative, rest) = match cleaned.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", cleaned.as_str()),
    };
    let signed = rest.strip_prefix(['¥', '￥']);
    let cleaned = match signed {
        Some(rest) => format!("{negative}{rest}"),
        None => cleaned.clone(),
    };
    let wan_written = WAN_UNITS.iter().any(|unit| cleaned.ends_with(unit));
    if signed.is_some() && (wan_written || cleaned.ends_with('元')) {
        // Two units (`¥273万`) is a slip, not a guess to make.
        return Err(ProblemKind::NotAnAmount);
    }
    let yuan_written = signed.is_some() || cleaned.ends_with('元');
    if wan_written || (unit == Unit::Wan && !yuan_written) {
        // `-273万` reads as a negative number, as `-2730000` does, for the dataset check to
        // refuse. The rest of the cell is parsed whole, so a second unit (`CNY 273万`) is
        // refused rather than read as yuan.
        let (sign, magnitude) = match cleaned.strip_prefix('-') {
            Some(magnitude) => (-1, magnitude),
            None => (1, cleaned.as_str()),
        };
        return match parse_amount(magnitude, MoneyStyle::Wan(Script::Simplified)) {
            Ok(0) if sign < 0 => Ok(minus_zero()),
            Ok(amount) => Ok(Value::from(sign * amount)),
            Err(BadAmount::TooLarge) => Err(ProblemKind::TooBig),
            // Commas were checked above, before they were taken out; only a planner's typed
            // change is held to whole 万.
            Err(
                BadAmount::NotAnAmount | BadAmount::MisplacedComma | BadAmount::NotWholeWan { .. },
            ) => Err(ProblemKind::NotAnAmount),
        };
    }
    let cleaned = cleaned.strip_suffix('元').unwrap_or(&cleaned);
    // `2730000.00`, as a spreadsheet may write a whole number.
    let whole = match cleaned.split_once('.') {
        Some((whole, fraction)) if !fraction.is_empty() && fraction.bytes().all(|b| b == b'0') => {
            whole
        }
        _ => cleaned,
    };
    let digits = whole.strip_prefix('-').unwrap_or(whole);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return match whole.parse::<i64>() {
            Ok(0) if whole.starts_with('-') => Ok(minus_zero()),
            Ok(amount) => Ok(Value::from(amount)),
            Err(_) => Err(ProblemKind::TooBig),
        };
    }
    decimal_number(cleaned)
        .map(Value::Number)
        .ok_or(ProblemKind::NotAnAmount)
}

/// `-0` as a JSON dataset's reader gets it (a float zero with its sign), so that the dataset
/// check refuses it in a table as it does in a JSON file ([`ProblemKind::MinusZero`]).
fn minus_zero() -> Value {
    Number::from_f64(-0.0).map_or(Value::Null, Value::Number)
}

/// A decimal number as Rust's `f64` parsing reads it (`1.5`, `+1.5`, `.5`, `5.`, `1e6`; not
/// `inf` or `NaN`), as a floating-point JSON number. It is rewritten the JSON way and read by
/// serde_json, so the app links one decimal-to-float conversion instead of two (the standard
/// library's carries a 10 KB table). Like a JSON dataset's numbers, one with more digits than a
/// float holds may round to a neighbouring float where the standard library would not.
pub(super) fn decimal_number(text: &str) -> Option<Number> {
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], Some(&rest[at + 1..])),
        None => (rest, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    let mut json = String::with_capacity(text.len() + 4);
    if negative {
        json.push('-');
    }
    let whole = whole.trim_start_matches('0');
    json.push_str(if whole.is_empty() { "0" } else { whole });
    json.push('.');
    json.push_str(if fraction.is_empty() { "0" } else { fraction });
    if let Some(exponent) = exponent {
        let unsigned = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if unsigned.is_empty() || !digits(unsigned) {
            return None;
        }
        json.push('e');
        json.push_str(exponent);
    }
    serde_json::from_str::<Number>(&json)
        .ok()
        .filter(|n| n.as_f64().is_some_and(f64::is_finite))
}

/// The words a status cell may hold for each status, in Simplified Chinese, Traditional
/// Chinese and English, each list starting with the word of the cards' badges (messages list
/// those).
pub const STATUS_WORDS: [(Status, [&[&str]; 3]); 8] = [
    (
        Status::Secured,
        [
            &["已落实", "落实", "已到位", "到位"],
            &["已落實", "落實", "已到位", "到位"],
            &["secured"],
        ],
    ),
    (
        Status::Transferred,
        [
            &["已划拨", "划拨", "已拨付", "拨付"],
            &["已劃撥", "劃撥", "已撥付", "撥付"],
            &["transferred"],
        ],
    ),
    (
        Status::Approved,
        [
            &["已获批", "获批", "已批准", "批准"],
            &["已獲批", "獲批", "已批准", "批准"],
            &["approved"],
        ],
    ),
    (
        Status::Supported,
        [&["已扶持", "扶持"], &["已扶持", "扶持"], &["supported"]],
    ),
    (
        Status::Issued,
        [&["已下达", "下达"], &["已下達", "下達"], &["issued"]],
    ),
    (
        Status::Provided,
        [&["已提供", "提供"], &["已提供", "提供"], &["provided"]],
    ),
    (
        Status::Prioritised,
        [
            &["重点倾斜", "给予倾斜", "倾斜"],
            &["重點傾斜", "給予傾斜", "傾斜"],
            &["given priority", "prioritised", "prioritized"],
        ],
    ),
    (
        Status::Sought,
        [
            &["正在争取", "争取", "争取中", "申请中", "申报中"],
            &["正在爭取", "爭取", "爭取中", "申請中", "申報中"],
            &["being sought", "sought", "pending"],
        ],
    ),
];

/// The status a cell's word names when the cards show it in another word (`已拨付`, shown as
/// `已划拨`): a word of [`STATUS_WORDS`] that is neither the first of its list nor the
/// dataset's own key.
pub(super) fn other_word(cell: &str) -> Option<Status> {
    let word = cell.trim().to_lowercase();
    let (status, lists) = STATUS_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|list| list.contains(&word.as_str())))?;
    let own = word == status.key()
        || lists
            .iter()
            .any(|list| list.first() == Some(&word.as_str()));
    (!own).then_some(*status)
}

/// The dataset word for a status cell: any of [`STATUS_WORDS`] (English in any case, spaces
/// around ignored); any other word as written, for the dataset check to refuse.
pub(super) fn status_key(cell: &str) -> String {
    let word = cell.trim().to_lowercase();
    STATUS_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|list| list.contains(&word.as_str())))
        .map_or(word.clone(), |(status, _)| status.key().to_owned())
}
