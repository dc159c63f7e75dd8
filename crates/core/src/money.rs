//! Exact amounts of money and their formatting.
//!
//! Every amount is a whole number of yuan held in an `i64`; sums never pass through floating
//! point, so a total always equals the sum of its parts to the yuan.

use std::fmt::Write as _;

/// Yuan in one 万 (ten thousand), the unit Chinese planning documents count in.
pub const YUAN_PER_WAN: i64 = 10_000;

/// How 万 is written after a number, in either script, longest first.
pub const WAN_UNITS: [&str; 4] = ["万元", "萬元", "万", "萬"];

/// The unit an amount is written in: a plain number in a spreadsheet's amount column, or the
/// amount columns of an export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unit {
    /// Whole yuan.
    #[default]
    Yuan,
    /// 万元, ten thousand yuan.
    Wan,
}

/// The largest amount a dataset may state for one stream: 10^15 yuan. Anything above is
/// certainly a typing error, and the bound keeps every sum of a dataset's streams inside an
/// `i64` (checked at compile time beside `MAX_STREAMS`).
pub const MAX_AMOUNT: i64 = 1_000_000_000_000_000;

/// How an amount is written: Chinese counts in 万元, English in CNY.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyStyle {
    /// `3,788万元` in Simplified Chinese, `3,788萬元` in Traditional.
    Wan(Script),
    /// `CNY 37.88 million` (compact) or `CNY 37,880,000` (exact): English.
    Cny,
}

/// The characters Chinese is written in, which decide how 万元 is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    /// 简体: `万元`.
    Simplified,
    /// 繁體: `萬元`.
    Traditional,
}

impl Script {
    /// 万元 in these characters.
    pub fn wan_yuan(self) -> &'static str {
        match self {
            Script::Simplified => "万元",
            Script::Traditional => "萬元",
        }
    }
}

/// Writes a non-negative integer with a comma every three digits (`37880000` → `37,880,000`).
pub fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Formats `whole + fraction / 10^scale` exactly, dropping trailing zeros of the fraction.
fn decimal(whole: u64, fraction: u64, scale: u32) -> String {
    let mut out = group_thousands(whole);
    if fraction > 0 {
        let mut digits = format!("{fraction:0width$}", width = scale as usize);
        while digits.ends_with('0') {
            digits.pop();
        }
        let _ = write!(out, ".{digits}");
    }
    out
}

fn sign(amount: i64) -> &'static str {
    if amount < 0 { "-" } else { "" }
}

/// The number of 万 in `amount`, exact: `2,730,000` → `273`, `12,345` → `1.2345`.
pub fn wan_number(amount: i64) -> String {
    let magnitude = amount.unsigned_abs();
    let per_wan = YUAN_PER_WAN as u64;
    format!(
        "{}{}",
        sign(amount),
        decimal(magnitude / per_wan, magnitude % per_wan, 4)
    )
}

/// `amount` in 万元, exact: `37,880,000` → `3,788万元` (`3,788萬元` in Traditional).
pub fn format_wan(amount: i64, script: Script) -> String {
    format!("{}{}", wan_number(amount), script.wan_yuan())
}

/// `amount` in CNY with separators, exact: `CNY 2,730,000`.
pub fn format_cny_exact(amount: i64) -> String {
    format!(
        "CNY {}{}",
        sign(amount),
        group_thousands(amount.unsigned_abs())
    )
}

/// `amount` in CNY, compact: millions to at most two decimals from one million up
/// (`CNY 2.73 million`), otherwise exact (`CNY 300,000`). The rounding is half-up on integers,
/// so the text is the same on every platform.
pub fn format_cny_compact(amount: i64) -> String {
    let magnitude = amount.unsigned_abs();
    if magnitude < 1_000_000 {
        return format_cny_exact(amount);
    }
    let hundredths = hundredths_of_a_million(magnitude);
    format!(
        "CNY {}{} million",
        sign(amount),
        decimal(hundredths / 100, hundredths % 100, 2)
    )
}

/// `amount` as a person reads it in `style`: `273万元` or `CNY 2.73 million`.
pub fn format_amount(amount: i64, style: MoneyStyle) -> String {
    match style {
        MoneyStyle::Wan(script) => format_wan(amount, script),
        MoneyStyle::Cny => format_cny_compact(amount),
    }
}

/// `total` and the `parts` that add up to it, written so that the parts as read add up to the
/// total as read. 万元 are exact; English rounds to 0.01 million, and where the rounded parts
/// would not add up to the rounded total (`CNY 17.59 million` plus `CNY 20.3 million` is not
/// `CNY 37.88 million`), every figure is written exact instead.
pub fn format_sum<const N: usize>(
    total: i64,
    parts: [i64; N],
    style: MoneyStyle,
) -> (String, [String; N]) {
    let adds_up = match style {
        MoneyStyle::Wan(_) => true,
        MoneyStyle::Cny => {
            parts.iter().map(|&part| compact_value(part)).sum::<i64>() == compact_value(total)
        }
    };
    let write = |amount: i64| {
        if adds_up {
            format_amount(amount, style)
        } else {
            format_cny_exact(amount)
        }
    };
    (write(total), parts.map(write))
}

/// The amount [`format_cny_compact`] writes `amount` as: itself below one million, otherwise
/// rounded half-up to 0.01 million (10,000 yuan).
fn compact_value(amount: i64) -> i64 {
    let magnitude = amount.unsigned_abs();
    if magnitude < 1_000_000 {
        return amount;
    }
    let rounded = i64::try_from(hundredths_of_a_million(magnitude) * 10_000).unwrap_or(i64::MAX);
    if amount < 0 { -rounded } else { rounded }
}

/// `magnitude` yuan in hundredths of a million, rounded half-up on integers.
fn hundredths_of_a_million(magnitude: u64) -> u64 {
    (magnitude + 5_000) / 10_000
}

/// A signed change: `+50万元`, `-CNY 500,000`, `±0` when unchanged.
pub fn format_delta(delta: i64, style: MoneyStyle) -> String {
    if delta == 0 {
        return "±0".to_owned();
    }
    let sign = if delta > 0 { "+" } else { "-" };
    let magnitude = i64::try_from(delta.unsigned_abs()).unwrap_or(i64::MAX);
    format!("{sign}{}", format_amount(magnitude, style))
}

/// Tenths of a percent as text: `473` → `47.3%`, `-25` → `-2.5%`, `123456` → `12,345.6%`.
pub fn format_tenths_percent(tenths: i64) -> String {
    let magnitude = tenths.unsigned_abs();
    format!(
        "{}{}.{}%",
        sign(tenths),
        group_thousands(magnitude / 10),
        magnitude % 10
    )
}

/// Why typed text is not an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadAmount {
    /// Not a non-negative number with at most the digits the unit allows.
    NotAnAmount,
    /// A number above [`MAX_AMOUNT`].
    TooLarge,
    /// A comma that does not separate thousands (`1,2`): a decimal comma, or a slip, which
    /// would otherwise be read as `12`.
    MisplacedComma,
    /// In yuan, an amount that is not a whole number of 万 where every amount it changes is
    /// one ([`parse_typed_amount`]): most likely a number counted in 万 typed as yuan.
    NotWholeWan {
        /// The amount read, in yuan.
        typed: i64,
        /// What was most likely meant: `typed` 万 below 万, else the nearest whole 万.
        likely: i64,
    },
}

/// Reads an amount typed by a person, exact, in the unit of `style`: `273`, `273.5`, `1,000`
/// mean 万元 in Chinese, whole yuan in English. A unit written with the number wins whatever
/// the language: `273万` or `273万元` is 2,730,000 yuan, `2730000元` or `CNY 2730000` whole
/// yuan. Full-width digits (`２７３`), as a Chinese input method types them, read as digits.
/// Anything that is not a non-negative number with at most the digits the unit allows
/// (4 after the point for 万) is [`BadAmount::NotAnAmount`]; a number above [`MAX_AMOUNT`] is
/// [`BadAmount::TooLarge`]; commas anywhere but between groups of three digits before the
/// point (`1,2`, `12,34,5`, `1.2,5`) are [`BadAmount::MisplacedComma`].
pub fn parse_amount(text: &str, style: MoneyStyle) -> Result<i64, BadAmount> {
    let text: String = text.chars().map(half_width).collect();
    let (number, style) = written_unit(&text).unwrap_or((text.trim(), style));
    let spaced_out: String = number.chars().filter(|c| !c.is_whitespace()).collect();
    if !commas_separate_thousands(&spaced_out) {
        return Err(BadAmount::MisplacedComma);
    }
    let cleaned = spaced_out.replace(',', "");
    let (whole, fraction) = match cleaned.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (cleaned.as_str(), ""),
    };
    let digits_ok = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !digits_ok(whole) || !digits_ok(fraction) {
        return Err(BadAmount::NotAnAmount);
    }
    let scale: u32 = match style {
        MoneyStyle::Wan(_) => 4,
        MoneyStyle::Cny => 0,
    };
    if fraction.len() > scale as usize {
        return Err(BadAmount::NotAnAmount);
    }
    // Leading zeros say nothing; past 18 digits the number is far above the largest amount.
    let whole = whole.trim_start_matches('0');
    if whole.len() > 18 {
        return Err(BadAmount::TooLarge);
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| BadAmount::NotAnAmount)?
    };
    let padded = format!("{fraction:0<width$}", width = scale as usize);
    let fraction: i64 = if padded.is_empty() {
        0
    } else {
        padded.parse().map_err(|_| BadAmount::NotAnAmount)?
    };
    whole
        .checked_mul(10_i64.pow(scale))
        .and_then(|w| w.checked_add(fraction))
        .filter(|amount| *amount <= MAX_AMOUNT)
        .ok_or(BadAmount::TooLarge)
}

/// The number and the unit of an amount typed with its unit (`273万`, `2730000元`,
/// `CNY 2730000`), trimmed; `None` for a bare number.
fn written_unit(text: &str) -> Option<(&str, MoneyStyle)> {
    let text = text.trim();
    WAN_UNITS
        .iter()
        .find_map(|unit| text.strip_suffix(unit))
        // The unit as typed; how it is written does not change the number.
        .map(|number| (number, MoneyStyle::Wan(Script::Simplified)))
        .or_else(|| {
            text.strip_suffix('元')
                .or_else(|| text.strip_prefix("CNY"))
                .map(|number| (number, MoneyStyle::Cny))
        })
}

/// [`parse_amount`] for a planner's change to the amounts in `held` (the planned and stated
/// amounts of the streams it changes): a bare number is 万元 in Chinese and yuan in English, so
/// in yuan it must be a whole number of 万, as every slider step and move is, or `100` meant as
/// 100万 would move 100 yuan. An amount written with its unit (`273.6万`, `CNY 2,736,000`) says
/// what it means and is taken as written; so is any amount for a stream that holds odd yuan
/// already (stated to the yuan, or left so by a partial grant's gap), so that they can be moved.
pub fn parse_typed_amount(text: &str, style: MoneyStyle, held: &[i64]) -> Result<i64, BadAmount> {
    let amount = parse_amount(text, style)?;
    let half: String = text.chars().map(half_width).collect();
    let bare = written_unit(&half).is_none();
    let exact = held.iter().any(|a| a % YUAN_PER_WAN != 0);
    if style != MoneyStyle::Cny || !bare || exact || amount % YUAN_PER_WAN == 0 {
        return Ok(amount);
    }
    let likely = if amount < YUAN_PER_WAN {
        amount * YUAN_PER_WAN
    } else {
        // Half up; MAX_AMOUNT is a whole number of 万, so this stays at or below it.
        (amount + YUAN_PER_WAN / 2) / YUAN_PER_WAN * YUAN_PER_WAN
    };
    Err(BadAmount::NotWholeWan {
        typed: amount,
        likely,
    })
}

/// Whether every comma in `number` (spaces taken out) stands between thousands: none after the
/// point, one to three digits before the first and not starting with 0 (`0,500` is no
/// thousands), exactly three after each. Only digits count, so a sign or unit around the
/// number (`-1,234`, `2,730,000元`) changes nothing; whether they belong is for the parser.
pub fn commas_separate_thousands(number: &str) -> bool {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if fraction.contains(',') {
        return false;
    }
    if !whole.contains(',') {
        return true;
    }
    let digits = |group: &str| {
        group
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
    };
    let mut groups = whole.split(',').map(digits);
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && groups.all(|group| group.len() == 3)
}

/// A full-width digit, point or comma (`２`, `．`, `，`) as its ASCII form; any other character
/// as it is.
pub fn half_width(c: char) -> char {
    match c {
        '０'..='９' | '．' | '，' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// An amount in the unit a person types it in, exact: `2730000` → `273` (万) or `2,730,000`
/// (CNY, grouped as English readers count digits; [`parse_amount`] takes the commas back).
pub fn amount_input_text(amount: i64, style: MoneyStyle) -> String {
    match style {
        MoneyStyle::Wan(_) => wan_number(amount).replace(',', ""),
        MoneyStyle::Cny => format!("{}{}", sign(amount), group_thousands(amount.unsigned_abs())),
    }
}

#[cfg(test)]
#[path = "money_tests.rs"]
mod tests;
