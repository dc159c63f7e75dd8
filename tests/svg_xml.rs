//! Every chart SVG is XML, whatever text the dataset holds: names with characters XML 1.0 does
//! not allow (U+FFFE, U+FFFF, C0 controls), markup, bidirectional controls and the rest of
//! Unicode give files an XML parser reads, with the `<svg>` root and the names' allowed
//! characters in place.

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::charts::{
    ChartSvg, CompareSide, compare_bars, flow, kind_shares, stream_bars,
};
use muchuan_funding_explorer::core::dataset::{Dataset, Localized};
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::scenario::Scenario;
use muchuan_funding_explorer::core::totals::Totals;
use muchuan_funding_explorer::core::validate::parse_dataset;
use proptest::prelude::*;

/// A character, favouring the ones XML and the cleaning must deal with.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        any::<char>(),
        Just('\u{FFFE}'),
        Just('\u{FFFF}'),
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap_or('\u{0}')),
        (0x7Fu32..0xA0).prop_map(|c| char::from_u32(c).unwrap_or('\u{7F}')),
        prop::sample::select(vec![
            '<', '>', '&', '"', '\'', ']', '\u{202E}', '\u{2066}', '\u{FEFF}', '\u{FFFD}', '字'
        ]),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 1..24).prop_map(|chars| chars.into_iter().collect())
}

fn localized(text: &str) -> Localized {
    Localized {
        zh_hans: Some(text.to_owned()),
        zh_hant: Some(text.to_owned()),
        en: Some(text.to_owned()),
    }
}

/// The built-in dataset with every name and the title replaced by one of `texts`.
fn renamed(texts: &[String]) -> Dataset {
    let mut dataset = parse_dataset(MUCHUAN_JSON.as_bytes())
        .expect("the built-in dataset")
        .dataset;
    let mut next = texts.iter().cycle();
    let mut take = || localized(next.next().map_or("", String::as_str));
    dataset.title = take();
    for stream in &mut dataset.streams {
        stream.name = take();
    }
    for kind in &mut dataset.kinds {
        kind.name = take();
    }
    for agency in &mut dataset.agencies {
        agency.name = take();
    }
    dataset
}

/// Parses `svg` as a standalone file would be read, failing the case with the parser's error.
fn parses(svg: &str, chart: &str) -> Result<(), TestCaseError> {
    let document = roxmltree::Document::parse(svg)
        .map_err(|error| TestCaseError::fail(format!("{chart}: {error}")))?;
    prop_assert_eq!(document.root_element().tag_name().name(), "svg");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_chart_of_any_text_is_xml(
        texts in prop::collection::vec(hostile_text(), 1..8),
        label in hostile_text(),
        lang in prop::sample::select(vec![Lang::ZhHans, Lang::ZhHant, Lang::En]),
    ) {
        let dataset = renamed(&texts);
        let scenario = Scenario::baseline(&dataset);
        let totals = Totals::compute(&dataset, &scenario);
        type Draw = fn(&Dataset, &Scenario, &Totals, Lang, u32, &str) -> ChartSvg;
        let charts: [(&str, Draw); 3] = [
            ("streams", stream_bars),
            ("kinds", kind_shares),
            ("flow", flow),
        ];
        for (chart, draw) in charts {
            parses(&draw(&dataset, &scenario, &totals, lang, 720, "p").svg, chart)?;
        }
        let side = CompareSide { scenario: &scenario, totals: &totals, label: &label };
        let compared = compare_bars(&dataset, side, CompareSide { label: "\u{FFFF}", ..side }, lang, 720, "c");
        parses(&compared.svg, "compare")?;
    }
}

/// The file the issue found: a name holding U+FFFE and U+FFFF is drawn without them, the rest
/// of the name kept.
#[test]
fn noncharacters_are_dropped_and_the_name_kept() {
    let dataset = renamed(&["Loans\u{FFFE} and \u{FFFF}grants\u{1}".to_owned()]);
    let scenario = Scenario::baseline(&dataset);
    let totals = Totals::compute(&dataset, &scenario);
    let svg = stream_bars(&dataset, &scenario, &totals, Lang::En, 720, "p").svg;
    let document = roxmltree::Document::parse(&svg).expect("XML");
    let texts: Vec<&str> = document.descendants().filter_map(|n| n.text()).collect();
    assert!(
        texts.iter().any(|t| t.contains("Loans and grants")),
        "{texts:?}"
    );
    assert!(!svg.contains('\u{FFFE}') && !svg.contains('\u{FFFF}'));
}
