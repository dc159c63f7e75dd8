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
