//! The hostile-text fixture of the browser tests (`tests/e2e/fixtures/hostile.json`), natively:
//! it is a valid dataset, and everything the core makes from it (charts, share links, CSV and
//! JSON exports, the dataset CSV) keeps its names inert. The browser side is
//! `tests/e2e/hostile.test.mjs`.

use muchuan_funding_explorer::charts::{flow, kind_shares, stream_bars};
use muchuan_funding_explorer::core::csv::{FORMULA_TRIGGERS, read};
use muchuan_funding_explorer::core::csv_import::{dataset_csv, parse_csv};
use muchuan_funding_explorer::core::dataset::Dataset;
use muchuan_funding_explorer::core::export::{
    CsvAbout, Day, import_scenario, scenario_csv, scenario_json,
};
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::scenario::{Action, BalanceMode, Outcome, Scenario};
use muchuan_funding_explorer::core::share_link::{decode, encode};
use muchuan_funding_explorer::core::totals::Totals;
use muchuan_funding_explorer::core::validate::parse_dataset;
use muchuan_funding_explorer::i18n::{CsvIn, fill};

const HOSTILE: &str = include_str!("e2e/fixtures/hostile.json");

/// The markup the fixture's names carry; none of it may appear as markup anywhere.
const PAYLOADS: [&str; 4] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</svg><script>alert(1)</script>",
    "\"><b>bold</b>",
];

fn hostile() -> Dataset {
    let validated = parse_dataset(HOSTILE.as_bytes()).expect("the hostile fixture is valid");
    assert_eq!(
        validated.warnings,
        Vec::new(),
        "every text in every language"
    );
    validated.dataset
}

/// A scenario that touches every kind of state: amounts, a lock, an outcome, the mode.
fn busy_scenario(dataset: &Dataset) -> Scenario {
    let index = |id: &str| dataset.stream_index(id).expect("stream");
    [
        Action::SetAmount {
            stream: index("s-script"),
            amount: 1_230_000,
        },
        Action::SetOutcome {
            stream: index("s-img"),
            outcome: Outcome::Partial(40),
        },
        Action::SetLocked {
            stream: index("s-long"),
            locked: true,
        },
        Action::SetMode(BalanceMode::FixedPool),
        Action::SetAmount {
            stream: index("s-emoji"),
            amount: 650_000,
        },
    ]
    .into_iter()
    .fold(Scenario::baseline(dataset), |scenario, action| {
        scenario
            .apply(dataset, action.clone())
            .unwrap_or_else(|refusal| panic!("{action:?} refused: {refusal:?}"))
    })
}

#[test]
fn the_fixture_has_every_hostile_text() {
    let dataset = hostile();
    let names: Vec<&str> = dataset
        .streams
        .iter()
        .map(|s| s.name.get(Lang::En))
        .chain(dataset.kinds.iter().map(|k| k.name.get(Lang::En)))
        .chain(dataset.agencies.iter().map(|a| a.name.get(Lang::En)))
        .chain([dataset.title.get(Lang::En)])
        .collect();
    for payload in PAYLOADS {
        assert!(
            names.iter().any(|n| n.contains(payload)),
            "{payload} is in a name"
        );
    }
    assert!(
        names.iter().any(|n| n.contains('\u{202E}')),
        "an RTL override"
    );
    assert!(
        names.iter().any(|n| n.chars().count() == 10_000),
        "a 10,000-character name"
    );
    assert!(names.iter().any(|n| n.contains('💰')), "an emoji");
    assert!(names.iter().any(|n| n.starts_with('=')), "a formula");
    assert_eq!(dataset.source.url.as_deref(), Some("javascript:alert(1)"));
}

/// The elements a chart is drawn with: nothing that runs, loads or links.
const DRAWING: [&str; 13] = [
    "svg", "title", "desc", "g", "rect", "line", "polyline", "polygon", "path", "circle", "text",
    "defs", "pattern",
];

/// Every element of an SVG text (its tag name and attribute names), read as a browser's parser
/// would: each `<` opens a tag, and attribute values run to the next `"` (escaped text holds no
/// raw `<` and no raw `"`). Panics on anything that is not such a tag.
fn tags(svg: &str) -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        if let Some(after) = rest.strip_prefix('/') {
            let end = after.find('>').expect("a closing tag ends");
            rest = &after[end + 1..];
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .expect("a tag name ends");
        let name = rest[..name_end].to_owned();
        rest = &rest[name_end..];
        let mut attributes = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix("/>").or_else(|| rest.strip_prefix('>')) {
                rest = after;
                break;
            }
            let eq = rest.find('=').expect("an attribute has a value");
            attributes.push(rest[..eq].trim().to_ascii_lowercase());
            let value = rest[eq + 1..].strip_prefix('"').expect("a quoted value");
            let close = value.find('"').expect("the value ends");
            assert!(!value[..close].contains('<'), "a raw < in an attribute");
            rest = &value[close + 1..];
        }
        found.push((name, attributes));
    }
    found
}

#[test]
fn charts_draw_the_names_only_escaped() {
    let dataset = hostile();
    let scenario = busy_scenario(&dataset);
    let totals = Totals::compute(&dataset, &scenario);
    for lang in Lang::ALL {
        for width in [360, 1280] {
            let charts = [
                stream_bars(&dataset, &scenario, &totals, lang, width, "s"),
                kind_shares(&dataset, &scenario, &totals, lang, width, "k"),
                flow(&dataset, &scenario, &totals, lang, width, "f"),
            ];
            for chart in charts {
                let svg = &chart.svg;
                for (tag, attributes) in tags(svg) {
                    assert!(DRAWING.contains(&tag.as_str()), "<{tag}> in {svg}");
                    for attribute in attributes {
                        assert!(
                            !attribute.starts_with("on") && !attribute.contains("href"),
                            "{attribute} on <{tag}>"
                        );
                    }
                }
                assert!(
                    !svg.contains('\u{202E}'),
                    "no RTL override reaches a drawing"
                );
                assert_eq!(svg.matches("<svg").count(), 1);
                assert_eq!(svg.matches("</svg>").count(), 1);
                assert!(svg.trim_end().ends_with("</svg>"));
                // The names are there, as text.
                assert!(svg.contains("&lt;"), "escaped names are drawn: {svg}");
            }
        }
    }
}

/// Whether a CSV cell, as a spreadsheet reads it, would start a formula.
fn starts_formula(cell: &str) -> bool {
    cell.starts_with(FORMULA_TRIGGERS)
}

/// A number the export wrote: digits, a leading minus, one decimal point.
fn is_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
}

#[test]
fn the_csv_export_neutralises_formula_cells() {
    let dataset = hostile();
    let scenario = busy_scenario(&dataset);
    for lang in Lang::ALL {
        let csv = scenario_csv(
            &dataset,
            &scenario,
            CsvAbout {
                name: "=cmd",
                date: Day {
                    year: 2026,
                    month: 1,
                    day: 2,
                },
                origin: Some("=HYPERLINK(\"http://x\")"),
            },
            &CsvIn(lang),
        )
        .expect("the scenario fits");
        let records = read(csv.trim_start_matches('\u{FEFF}')).expect("the export is CSV");
        let mut neutralised = 0;
        for cell in records.iter().flat_map(|r| &r.cells) {
            assert!(
                !starts_formula(cell) || is_number(cell),
                "a formula cell {cell:?}"
            );
            if cell.starts_with('\'') {
                neutralised += 1;
            }
        }
        assert!(
            neutralised >= 2,
            "the =… name and the @… agency are neutralised"
        );
        assert!(csv.contains("'=HYPERLINK("));
        assert!(csv.contains("'@SUM("));
        // The other names are written as they are, whole.
        assert!(csv.contains("<script>alert(1)</script>"));
        assert!(csv.contains(&"W".repeat(10_000)));
    }
}

#[test]
fn the_dataset_csv_neutralises_and_reads_back() {
    let dataset = hostile();
    let csv = dataset_csv(&dataset);
    let records = read(csv.trim_start_matches('\u{FEFF}')).expect("CSV");
    for cell in records.iter().flat_map(|r| &r.cells) {
        assert!(
            !starts_formula(cell) || is_number(cell),
            "a formula cell {cell:?}"
        );
    }
    let again = parse_csv(csv.as_bytes()).expect("the dataset's own CSV reads");
    assert_eq!(again.dataset, dataset);
}

#[test]
fn the_json_export_reimports_to_the_same_scenario_and_totals() {
    let dataset = hostile();
    let scenario = busy_scenario(&dataset);
    let name = "</script><script>alert(1)</script>";
    let json = scenario_json(&dataset, &scenario, name).expect("the scenario fits");
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value["name"], name, "the name stays one string");
    let imported = import_scenario(json.as_bytes(), &dataset).expect("its own export imports");
    assert_eq!(imported.scenario, scenario);
    assert_eq!(imported.name, name);
    assert_eq!(
        Totals::compute(&dataset, &imported.scenario),
        Totals::compute(&dataset, &scenario)
    );
}

#[test]
fn the_share_link_has_only_safe_characters() {
    let dataset = hostile();
    let scenario = busy_scenario(&dataset);
    let link = encode(&dataset, &scenario);
    assert!(
        link.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b";:=,-_.".contains(&b)),
        "{link}"
    );
    assert_eq!(decode(&link, &dataset), Ok(scenario));
}

/// Found while checking this fixture's names in sentences: `fill` replaced placeholders one
/// after another, so a name holding `%{amount}` had the amount put into it, and a name with a
/// right-to-left override reordered the rest of the sentence. Fixed in `i18n::fill`.
#[test]
fn messages_take_hostile_names_as_written_and_isolated() {
    let per_unit = |name: &str| {
        fill(
            Lang::En,
            "totals.per-how",
            &[("name", name), ("amount", "CNY 1"), ("count", "3")],
        )
    };
    assert_eq!(
        per_unit("%{count}%{amount}"),
        "%{count}%{amount}: CNY 1 ÷ 3"
    );
    assert_eq!(per_unit("%{"), "%{: CNY 1 ÷ 3");
    assert_eq!(
        per_unit("\u{202E}dnuf"),
        "\u{2068}\u{202E}dnuf\u{2069}: CNY 1 ÷ 3"
    );
    assert_eq!(per_unit("Plain 名称"), "Plain 名称: CNY 1 ÷ 3");
    let dataset = hostile();
    for stream in &dataset.streams {
        let name = stream.name.get(Lang::En);
        let line = per_unit(name);
        assert!(line.contains(name), "the name is kept whole");
        assert!(line.ends_with(": CNY 1 ÷ 3"), "{line}");
    }
}
