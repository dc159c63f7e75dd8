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
mod tests {
    use super::*;

    #[test]
    fn parts_as_written_add_up_to_the_total_as_written() {
        // 17,585,000 + 20,295,000: rounded, 17.59 + 20.30 would be 37.89, not 37.88.
        let (total, parts) = format_sum(37_880_000, [17_585_000, 20_295_000], MoneyStyle::Cny);
        assert_eq!(total, "CNY 37,880,000");
        assert_eq!(parts, ["CNY 17,585,000", "CNY 20,295,000"]);
        let (total, parts) = format_sum(37_880_000, [17_580_000, 20_300_000], MoneyStyle::Cny);
        assert_eq!(total, "CNY 37.88 million");
        assert_eq!(parts, ["CNY 17.58 million", "CNY 20.3 million"]);
        // Below a million the compact form is exact already.
        let (total, parts) = format_sum(1_000_000, [999_999, 1], MoneyStyle::Cny);
        assert_eq!(
            (total.as_str(), parts[1].as_str()),
            ("CNY 1 million", "CNY 1")
        );
        let (total, parts) = format_sum(
            37_880_000,
            [17_585_000, 20_295_000],
            MoneyStyle::Wan(Script::Simplified),
        );
        assert_eq!(total, "3,788万元");
        assert_eq!(parts, ["1,758.5万元", "2,029.5万元"]);
    }

    #[test]
    fn traditional_chinese_writes_wan_in_its_characters() {
        let traditional = MoneyStyle::Wan(Script::Traditional);
        assert_eq!(format_amount(37_880_000, traditional), "3,788萬元");
        assert_eq!(format_delta(-500_000, traditional), "-50萬元");
        assert_eq!(
            format_wan(MAX_AMOUNT, Script::Traditional),
            "100,000,000,000萬元"
        );
        // Typed in either characters, the number is the same.
        assert_eq!(parse_amount("273萬", traditional), Ok(2_730_000));
        assert_eq!(parse_amount("273万元", traditional), Ok(2_730_000));
        assert_eq!(amount_input_text(2_735_000, traditional), "273.5");
    }

    #[test]
    fn commas_stand_only_between_thousands() {
        for style in [MoneyStyle::Wan(Script::Simplified), MoneyStyle::Cny] {
            for bad in [
                "1,2", "1，2", "12,34,5", "1.2,5", ",123", "1,2345", "1,,000", "1,000,00", "0,500",
            ] {
                assert_eq!(
                    parse_amount(bad, style),
                    Err(BadAmount::MisplacedComma),
                    "{bad}"
                );
            }
        }
        assert_eq!(parse_amount("2,730,000", MoneyStyle::Cny), Ok(2_730_000));
        assert_eq!(
            parse_amount("1,000.5", MoneyStyle::Wan(Script::Simplified)),
            Ok(10_005_000)
        );
        assert_eq!(
            parse_amount("２，７３０，０００元", MoneyStyle::Cny),
            Ok(2_730_000)
        );
        assert_eq!(parse_amount("1 000", MoneyStyle::Cny), Ok(1_000));
    }

    #[test]
    fn wan_is_exact_and_grouped() {
        assert_eq!(format_wan(2_730_000, Script::Simplified), "273万元");
        assert_eq!(format_wan(37_880_000, Script::Simplified), "3,788万元");
        assert_eq!(format_wan(300_000, Script::Simplified), "30万元");
        assert_eq!(format_wan(12_345, Script::Simplified), "1.2345万元");
        assert_eq!(format_wan(10_500, Script::Simplified), "1.05万元");
        assert_eq!(format_wan(0, Script::Simplified), "0万元");
        assert_eq!(format_wan(-500_000, Script::Simplified), "-50万元");
    }

    #[test]
    fn cny_compact_and_exact() {
        assert_eq!(format_cny_compact(2_730_000), "CNY 2.73 million");
        assert_eq!(format_cny_compact(37_880_000), "CNY 37.88 million");
        assert_eq!(format_cny_compact(20_000_000), "CNY 20 million");
        assert_eq!(format_cny_compact(300_000), "CNY 300,000");
        assert_eq!(format_cny_compact(1_234_999), "CNY 1.23 million");
        assert_eq!(format_cny_compact(1_235_000), "CNY 1.24 million");
        assert_eq!(format_cny_exact(17_580_000), "CNY 17,580,000");
        assert_eq!(format_cny_exact(-1_000), "CNY -1,000");
    }

    #[test]
    fn deltas_and_percent() {
        assert_eq!(
            format_delta(500_000, MoneyStyle::Wan(Script::Simplified)),
            "+50万元"
        );
        assert_eq!(format_delta(-500_000, MoneyStyle::Cny), "-CNY 500,000");
        assert_eq!(format_delta(0, MoneyStyle::Wan(Script::Simplified)), "±0");
        assert_eq!(format_tenths_percent(473), "47.3%");
        assert_eq!(format_tenths_percent(1000), "100.0%");
        assert_eq!(format_tenths_percent(-25), "-2.5%");
        assert_eq!(format_tenths_percent(52_798_309_854), "5,279,830,985.4%");
    }

    #[test]
    fn typed_yuan_move_in_whole_wan_unless_the_stream_holds_odd_yuan() {
        let whole = [2_000_000, 6_000_000];
        // 100 meant as 100万: refused, with what was likely meant.
        assert_eq!(
            parse_typed_amount("100", MoneyStyle::Cny, &whole),
            Err(BadAmount::NotWholeWan {
                typed: 100,
                likely: 1_000_000
            })
        );
        assert_eq!(
            parse_typed_amount("1,234,567", MoneyStyle::Cny, &whole),
            Err(BadAmount::NotWholeWan {
                typed: 1_234_567,
                likely: 1_230_000
            })
        );
        assert_eq!(
            parse_typed_amount("1,000,000", MoneyStyle::Cny, &whole),
            Ok(1_000_000)
        );
        assert_eq!(parse_typed_amount("0", MoneyStyle::Cny, &whole), Ok(0));
        // A unit typed with the number says what is meant: taken as written.
        assert_eq!(
            parse_typed_amount("273.6万", MoneyStyle::Cny, &whole),
            Ok(2_736_000)
        );
        assert_eq!(
            parse_typed_amount("CNY 2,736,000", MoneyStyle::Cny, &whole),
            Ok(2_736_000)
        );
        // A stream stated to the yuan, or left with odd yuan, takes yuan.
        assert_eq!(
            parse_typed_amount("100", MoneyStyle::Cny, &[2_000_000, 5_997_500]),
            Ok(100)
        );
        // In 万元 a decimal is typed on purpose: 0.01 is 100 yuan, as before.
        assert_eq!(
            parse_typed_amount("0.01", MoneyStyle::Wan(Script::Simplified), &whole),
            Ok(100)
        );
        // What is not an amount says so first.
        assert_eq!(
            parse_typed_amount("1,2", MoneyStyle::Cny, &whole),
            Err(BadAmount::MisplacedComma)
        );
    }

    #[test]
    fn parses_typed_amounts_exactly() {
        assert_eq!(
            parse_amount("273", MoneyStyle::Wan(Script::Simplified)),
            Ok(2_730_000)
        );
        assert_eq!(
            parse_amount(" 1,000.5 万元", MoneyStyle::Wan(Script::Simplified)),
            Ok(10_005_000)
        );
        assert_eq!(
            parse_amount("0.0001", MoneyStyle::Wan(Script::Simplified)),
            Ok(1)
        );
        assert_eq!(parse_amount("2730000", MoneyStyle::Cny), Ok(2_730_000));
        assert_eq!(
            parse_amount("CNY 2,730,000", MoneyStyle::Cny),
            Ok(2_730_000)
        );
        assert_eq!(
            parse_amount("000273", MoneyStyle::Wan(Script::Simplified)),
            Ok(2_730_000)
        );
        // A unit typed with the number wins over the interface's.
        assert_eq!(parse_amount("273万元", MoneyStyle::Cny), Ok(2_730_000));
        assert_eq!(parse_amount("273.5万", MoneyStyle::Cny), Ok(2_735_000));
        assert_eq!(
            parse_amount("2730000元", MoneyStyle::Wan(Script::Simplified)),
            Ok(2_730_000)
        );
        assert_eq!(
            parse_amount("CNY 2,730,000", MoneyStyle::Wan(Script::Simplified)),
            Ok(2_730_000)
        );
        assert_eq!(
            parse_amount("1.5元", MoneyStyle::Wan(Script::Simplified)),
            Err(BadAmount::NotAnAmount)
        );
        // Full-width, as a Chinese input method types digits.
        assert_eq!(
            parse_amount("２７３．５", MoneyStyle::Wan(Script::Simplified)),
            Ok(2_735_000)
        );
        assert_eq!(
            parse_amount("２，７３０，０００元", MoneyStyle::Wan(Script::Simplified)),
            Ok(2_730_000)
        );
        // One unit only: `CNY 273万` is a typing slip, not 273 yuan nor 273万.
        for mixed in ["CNY 273万", "CNY 273元", "CNY273万元"] {
            for style in [MoneyStyle::Wan(Script::Simplified), MoneyStyle::Cny] {
                assert_eq!(
                    parse_amount(mixed, style),
                    Err(BadAmount::NotAnAmount),
                    "{mixed:?}"
                );
            }
        }
        for bad in ["", "-5", "1.00001", "abc", "1e6", ".", "1.2.3"] {
            assert_eq!(
                parse_amount(bad, MoneyStyle::Wan(Script::Simplified)),
                Err(BadAmount::NotAnAmount),
                "{bad:?}"
            );
        }
        assert_eq!(
            parse_amount("1.5", MoneyStyle::Cny),
            Err(BadAmount::NotAnAmount)
        );
    }

    #[test]
    fn amounts_above_the_largest_are_too_large_however_long() {
        assert_eq!(
            parse_amount("100000000000", MoneyStyle::Wan(Script::Simplified)),
            Ok(MAX_AMOUNT),
            "10^15 yuan itself"
        );
        assert_eq!(
            parse_amount("1000000000000000", MoneyStyle::Cny),
            Ok(MAX_AMOUNT)
        );
        for too_large in [
            "100000000001",
            "100000000000.0001",
            "9223372036854775807",
            "99999999999999999999",
        ] {
            assert_eq!(
                parse_amount(too_large, MoneyStyle::Wan(Script::Simplified)),
                Err(BadAmount::TooLarge),
                "{too_large:?}"
            );
        }
        assert_eq!(
            parse_amount("1000000000000001", MoneyStyle::Cny),
            Err(BadAmount::TooLarge)
        );
    }

    #[test]
    fn english_input_text_is_grouped() {
        assert_eq!(amount_input_text(20_000_000, MoneyStyle::Cny), "20,000,000");
        assert_eq!(amount_input_text(12_345, MoneyStyle::Cny), "12,345");
        assert_eq!(amount_input_text(999, MoneyStyle::Cny), "999");
        assert_eq!(
            amount_input_text(20_000_000, MoneyStyle::Wan(Script::Simplified)),
            "2000"
        );
    }

    #[test]
    fn input_text_round_trips() {
        for amount in [0, 1, 2_730_000, 12_345, 37_880_000] {
            for style in [MoneyStyle::Wan(Script::Simplified), MoneyStyle::Cny] {
                assert_eq!(
                    parse_amount(&amount_input_text(amount, style), style),
                    Ok(amount)
                );
            }
        }
    }
}
