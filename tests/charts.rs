//! The charts drawn from the Muchuan dataset: names, amounts, proportions, scenario changes,
//! accessibility, hostile names, languages and large datasets.

use std::collections::HashMap;

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::charts::{
    ChartSvg, ChartTable, CompareSide, TOP_STREAMS, compare_bars, flow, flow_table, kind_shares,
    kind_shares_table, stream_bars, stream_bars_table,
};
use muchuan_funding_explorer::core::dataset::{Dataset, Localized, Stream};
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::scenario::{Action, Outcome, Plan, Scenario};
use muchuan_funding_explorer::core::totals::Totals;
use muchuan_funding_explorer::core::validate::parse_dataset;

fn muchuan() -> Dataset {
    parse_dataset(MUCHUAN_JSON.as_bytes())
        .expect("the built-in dataset is valid")
        .dataset
}

/// The tables of the three charts that have one.
fn all_tables(dataset: &Dataset, scenario: &Scenario, lang: Lang) -> Vec<ChartTable> {
    let totals = Totals::compute(dataset, scenario);
    vec![
        stream_bars_table(dataset, scenario, &totals, lang),
        kind_shares_table(dataset, scenario, &totals, lang),
        flow_table(dataset, scenario, &totals, lang),
    ]
}

/// The four charts of a scenario.
fn all_charts(dataset: &Dataset, scenario: &Scenario, lang: Lang, width: u32) -> Vec<ChartSvg> {
    let totals = Totals::compute(dataset, scenario);
    let baseline = Scenario::baseline(dataset);
    let baseline_totals = Totals::compute(dataset, &baseline);
    let a = CompareSide {
        scenario: &baseline,
        totals: &baseline_totals,
        label: if lang == Lang::En {
            "Plan A"
        } else {
            "方案甲"
        },
    };
    let b = CompareSide {
        scenario,
        totals: &totals,
        label: if lang == Lang::En {
            "Plan B"
        } else {
            "方案乙"
        },
    };
    vec![
        stream_bars(dataset, scenario, &totals, lang, width, "streams"),
        kind_shares(dataset, scenario, &totals, lang, width, "kinds"),
        flow(dataset, scenario, &totals, lang, width, "flow"),
        compare_bars(dataset, a, b, lang, width, "compare"),
    ]
}

/// The attributes of every `<tag …/>` element.
fn elements(svg: &str, tag: &str) -> Vec<HashMap<String, String>> {
    let open = format!("<{tag} ");
    svg.match_indices(&open)
        .map(|(start, _)| {
            let rest = &svg[start + open.len()..];
            let end = rest.find('>').unwrap_or(rest.len());
            let mut attributes = HashMap::new();
            let mut body = &rest[..end];
            while let Some(eq) = body.find("=\"") {
                let key = body[..eq].trim().to_owned();
                let after = &body[eq + 2..];
                let close = after.find('"').unwrap_or(after.len());
                attributes.insert(key, after[..close].to_owned());
                body = &after[(close + 1).min(after.len())..];
            }
            attributes
        })
        .collect()
}

/// The text content of every `<text>` element, as written (escaped).
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|part| {
            let start = part.find('>')? + 1;
            let end = part.find("</text>")?;
            Some(part[start..end].trim().to_owned())
        })
        .collect()
}

fn number(attributes: &HashMap<String, String>, key: &str) -> f64 {
    attributes
        .get(key)
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

/// The flow chart's bands: filled paths, each edged by a second, unfilled one.
fn bands(svg: &str) -> usize {
    let paths = elements(svg, "path");
    let filled = paths
        .iter()
        .filter(|p| p.get("fill").is_some_and(|f| f != "none"))
        .count();
    assert_eq!(paths.len(), 2 * filled, "every band has its edges");
    filled
}

/// Widths of the solid scenario bars (14 px tall, primary colour), top to bottom.
fn scenario_bar_widths(svg: &str) -> Vec<f64> {
    elements(svg, "rect")
        .iter()
        .filter(|r| r.get("fill").map(String::as_str) == Some("#0072B2"))
        .filter(|r| number(r, "height") == 14.0)
        .map(|r| number(r, "width"))
        .collect()
}

/// With `CHARTS_OUT=/tmp/charts` set, writes every chart (Muchuan with loans at 500万 and the
/// city e-commerce funds refused, hostile names, 1,000 streams) as SVG files to look at, e.g.
/// after `rsvg-convert -w 1000 file.svg -o file.png`. Without it, does nothing.
#[test]
fn write_charts_for_a_look() {
    let Ok(dir) = std::env::var("CHARTS_OUT") else {
        return;
    };
    std::fs::create_dir_all(&dir).expect("output folder");
    let dataset = muchuan();
    let changed = Scenario::baseline(&dataset)
        .apply(
            &dataset,
            Action::SetAmount {
                stream: 0,
                amount: 5_000_000,
            },
        )
        .and_then(|s| {
            s.apply(
                &dataset,
                Action::SetOutcome {
                    stream: 5,
                    outcome: Outcome::Refused,
                },
            )
        })
        .expect("changes apply");
    for lang in [Lang::ZhHans, Lang::En, Lang::ZhHant] {
        for width in [1000, 360] {
            let names = ["streams", "kinds", "flow", "compare"];
            for (chart, name) in all_charts(&dataset, &changed, lang, width)
                .iter()
                .zip(names)
            {
                let path = format!("{dir}/{name}-{}-{width}.svg", lang.tag());
                std::fs::write(path, &chart.svg).expect("write");
            }
        }
    }
    for (dataset, label) in [(hostile_dataset(), "hostile"), (big_dataset(1_000), "big")] {
        let scenario = Scenario::baseline(&dataset);
        for width in [1000, 360] {
            let names = ["streams", "kinds", "flow", "compare"];
            for (chart, name) in all_charts(&dataset, &scenario, Lang::En, width)
                .iter()
                .zip(names)
            {
                let path = format!("{dir}/{label}-{name}-{width}.svg");
                std::fs::write(path, &chart.svg).expect("write");
            }
        }
    }
}

/// `scenario` with the sought stream `stream` assumed not granted.
fn refused(dataset: &Dataset, scenario: &Scenario, stream: &str) -> Scenario {
    let stream = dataset.stream_index(stream).expect("stream exists");
    scenario
        .apply(
            dataset,
            Action::SetOutcome {
                stream,
                outcome: Outcome::Refused,
            },
        )
        .expect("outcome applies")
}

fn set_amount(dataset: &Dataset, scenario: &Scenario, stream: &str, amount: i64) -> Scenario {
    let stream = dataset.stream_index(stream).expect("stream exists");
    scenario
        .apply(dataset, Action::SetAmount { stream, amount })
        .expect("amount applies")
}

/// Text as plotters escapes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

#[test]
fn stream_bars_name_every_stream_with_its_amount() {
    let dataset = muchuan();
    let scenario = Scenario::baseline(&dataset);
    let totals = Totals::compute(&dataset, &scenario);
    for (lang, expected) in [
        (
            Lang::ZhHans,
            [
                "273万元",
                "200万元",
                "2,000万元",
                "600万元",
                "30万元",
                "75万元",
                "10万元",
            ],
        ),
        (
            Lang::En,
            [
                "CNY 2.73 million",
                "CNY 2 million",
                "CNY 20 million",
                "CNY 6 million",
                "CNY 300,000",
                "CNY 750,000",
                "CNY 100,000",
            ],
        ),
    ] {
        let chart = stream_bars(&dataset, &scenario, &totals, lang, 1000, "s");
        let labels = texts(&chart.svg);
        for stream in &dataset.streams {
            let name = escaped(stream.name.get(lang));
            assert!(labels.contains(&name), "{lang:?}: {name} in {labels:?}");
        }
        for amount in expected {
            assert!(labels.iter().any(|l| l == amount), "{lang:?}: {amount}");
        }
        // The stream without an amount is a labelled row, not a bar: 8 bars for 8 amounts.
        let not_stated = if lang == Lang::En {
            "amount not stated"
        } else {
            "未说明金额"
        };
        assert!(labels.iter().any(|l| l == not_stated));
        assert_eq!(scenario_bar_widths(&chart.svg).len(), 8);
        // Unchanged baseline: no "baseline …" label.
        assert!(
            !labels
                .iter()
                .any(|l| l.starts_with("baseline") || l.starts_with("基准") && l != "基准")
        );
        // The table lists every stream, then the total.
        let table = stream_bars_table(&dataset, &scenario, &totals, lang);
        assert_eq!(table.rows.len(), dataset.streams.len() + 1);
        assert_eq!(table.header.len(), 5);
        assert!(table.rows.iter().all(|r| r.len() == 5));
        assert_eq!(
            table.name_columns, 1,
            "the stream's name, then four figures"
        );
    }
}

#[test]
fn bar_widths_are_proportional_to_amounts() {
    let dataset = muchuan();
    for width in [1000, 360] {
        let scenario = Scenario::baseline(&dataset);
        let totals = Totals::compute(&dataset, &scenario);
        let chart = stream_bars(&dataset, &scenario, &totals, Lang::ZhHans, width, "s");
        let widths = scenario_bar_widths(&chart.svg);
        let amounts: Vec<f64> = dataset
            .streams
            .iter()
            .filter_map(|s| s.amount)
            .map(|a| a as f64)
            .collect();
        assert_eq!(widths.len(), amounts.len());
        let largest = amounts.iter().copied().fold(0.0, f64::max);
        let full = widths.iter().copied().fold(0.0, f64::max);
        assert!(full > 100.0, "{width}: the largest bar has room ({full})");
        for (w, a) in widths.iter().zip(&amounts) {
            let expected = a / largest * full;
            assert!(
                (w - expected).abs() <= 1.0,
                "{width}: {w} for {a}, expected {expected}"
            );
        }
    }
}

#[test]
fn a_bar_the_grand_total_takes_less_of_says_how_much() {
    let dataset = muchuan();
    let training = dataset.stream_index("training-base").expect("stream");
    let refused = refused(&dataset, &Scenario::baseline(&dataset), "training-base");
    let totals = Totals::compute(&dataset, &refused);
    let labels = texts(&stream_bars(&dataset, &refused, &totals, Lang::ZhHans, 1000, "s").svg);
    assert!(
        labels.iter().any(|l| l == "2,000万元（计入总额 0万元）"),
        "{labels:?}"
    );
    assert!(
        labels.iter().any(|l| l == "273万元"),
        "a granted stream: all of it"
    );
    let table = stream_bars_table(&dataset, &refused, &totals, Lang::ZhHans);
    assert_eq!(table.rows[training][2], "2,000万元");
    assert_eq!(table.rows[training][4], "0万元");
    // The column adds up to the grand total, in its last row.
    assert_eq!(table.rows.last().map(|r| r[4].as_str()), Some("1,788万元"));
    // Sought money left out of the grand total: the pending e-commerce funds count nothing.
    let left_out = refused
        .apply(&dataset, Action::SetCountSought(false))
        .expect("applies");
    let totals = Totals::compute(&dataset, &left_out);
    let labels = texts(&stream_bars(&dataset, &left_out, &totals, Lang::En, 1000, "s").svg);
    assert!(
        labels
            .iter()
            .any(|l| l == "CNY 300,000 (in the grand total: CNY 0)"),
        "{labels:?}"
    );
}

#[test]
fn a_scenario_change_moves_the_label_and_the_bar() {
    let dataset = muchuan();
    let baseline = Scenario::baseline(&dataset);
    let changed = set_amount(&dataset, &baseline, "guaranteed-loans", 5_000_000);
    let before = stream_bars(
        &dataset,
        &baseline,
        &Totals::compute(&dataset, &baseline),
        Lang::ZhHans,
        1000,
        "s",
    );
    let after = stream_bars(
        &dataset,
        &changed,
        &Totals::compute(&dataset, &changed),
        Lang::ZhHans,
        1000,
        "s",
    );
    let labels = texts(&after.svg);
    assert!(labels.iter().any(|l| l == "500万元"));
    assert!(
        labels.iter().any(|l| l == "基准 273万元"),
        "the baseline is labelled where it differs"
    );
    assert!(!texts(&before.svg).iter().any(|l| l == "500万元"));
    let (w_before, w_after) = (
        scenario_bar_widths(&before.svg),
        scenario_bar_widths(&after.svg),
    );
    assert!(w_after[0] > w_before[0]);
    // 500万 against the 2,000万 bar: a quarter of it.
    let ratio = w_after[0] / w_after[2];
    assert!((ratio - 0.25).abs() < 0.01, "{ratio}");
    let after_table = stream_bars_table(
        &dataset,
        &changed,
        &Totals::compute(&dataset, &changed),
        Lang::ZhHans,
    );
    assert_eq!(after_table.rows[0][2], "500万元");
    assert_eq!(after_table.rows[0][3], "+227万元");
    let english = stream_bars(
        &dataset,
        &changed,
        &Totals::compute(&dataset, &changed),
        Lang::En,
        1000,
        "s",
    );
    assert!(texts(&english.svg).iter().any(|l| l == "CNY 5 million"));
    assert!(
        texts(&english.svg)
            .iter()
            .any(|l| l == "baseline CNY 2.73 million")
    );
}

/// Tenths of a percent in `47.3%`.
fn tenths(text: &str) -> Option<i64> {
    let number = text.strip_suffix('%')?;
    let (whole, tenth) = number.split_once('.')?;
    Some(whole.parse::<i64>().ok()? * 10 + tenth.parse::<i64>().ok()?)
}

#[test]
fn kind_percentages_add_to_one_hundred() {
    let dataset = muchuan();
    let baseline = Scenario::baseline(&dataset);
    let odd = set_amount(&dataset, &baseline, "tech-projects", 1_234_567);
    for scenario in [baseline, odd] {
        let totals = Totals::compute(&dataset, &scenario);
        for (lang, width) in [(Lang::ZhHans, 1000), (Lang::En, 360)] {
            let chart = kind_shares(&dataset, &scenario, &totals, lang, width, "k");
            // The legend (below the bar) has one percentage per kind.
            let legend: Vec<i64> = elements(&chart.svg, "text")
                .iter()
                .zip(texts(&chart.svg))
                .filter(|(attributes, _)| number(attributes, "y") > 60.0)
                .filter_map(|(_, text)| {
                    tenths(&text).or_else(|| text.rsplit(" · ").next().and_then(tenths))
                })
                .collect();
            assert_eq!(legend.len(), dataset.kinds.len(), "{lang:?} {width}");
            assert_eq!(legend.iter().sum::<i64>(), 1000);
            let table = kind_shares_table(&dataset, &scenario, &totals, lang);
            let shares: i64 = table.rows[..dataset.kinds.len()]
                .iter()
                .filter_map(|r| tenths(&r[2]))
                .sum();
            assert_eq!(shares, 1000);
            assert_eq!(table.rows.last().map(|r| r[2].as_str()), Some("100.0%"));
            for kind in &dataset.kinds {
                assert!(chart.svg.contains(&escaped(kind.name.get(lang))));
            }
            // Segments fill the bar exactly: from the left margin to the right one.
            let segments: Vec<_> = elements(&chart.svg, "rect")
                .into_iter()
                .filter(|r| number(r, "height") == 30.0)
                .collect();
            assert_eq!(segments.len(), dataset.kinds.len());
            let first = &segments[0];
            let last = &segments[segments.len() - 1];
            assert_eq!(number(first, "x"), 12.0);
            assert_eq!(
                number(last, "x") + number(last, "width"),
                f64::from(width) - 12.0
            );
        }
    }
    let totals = Totals::compute(&dataset, &Scenario::baseline(&dataset));
    let chart = kind_shares(
        &dataset,
        &Scenario::baseline(&dataset),
        &totals,
        Lang::ZhHans,
        1000,
        "k",
    );
    assert!(
        chart.description.contains("总额 3,788万元"),
        "{}",
        chart.description
    );
    assert!(
        chart.description.contains("培训 2,085万元（55.1%）"),
        "{}",
        chart.description
    );
}

#[test]
fn flow_links_agencies_to_kinds_with_counted_money_only() {
    let dataset = muchuan();
    let scenario = Scenario::baseline(&dataset);
    let totals = Totals::compute(&dataset, &scenario);
    let chart = flow(&dataset, &scenario, &totals, Lang::ZhHans, 1000, "f");
    let labels = texts(&chart.svg);
    for (name, amount) in [
        ("人社部门（市人社局）", "473万元"),
        ("市发改委", "2,000万元"),
        ("市商务局", "630万元"),
        ("培训", "2,085万元"),
        ("贷款", "273万元"),
    ] {
        assert!(labels.iter().any(|l| l == name), "{name}");
        assert!(labels.iter().any(|l| l == amount), "{amount}");
    }
    // The finance bureau's only stream has no amount: no node.
    assert!(!labels.iter().any(|l| l == "市财政"));
    // One band per (agency, kind) pair with money: 7.
    assert_eq!(bands(&chart.svg), 7);
    let table = flow_table(&dataset, &scenario, &totals, Lang::ZhHans);
    assert_eq!(table.rows.len(), 8, "seven pairs and the total");
    assert_eq!(table.rows[7][2], "3,788万元");
    assert_eq!(
        table.name_columns, 2,
        "agency and kind are names, the amount a figure"
    );
    assert!(
        chart.description.contains("共 3,788万元"),
        "{}",
        chart.description
    );
    assert!(
        chart.description.contains("市发改委 → 培训，2,000万元"),
        "{}",
        chart.description
    );

    // Refusing the sought training base removes the development commission.
    let refused = refused(&dataset, &scenario, "training-base");
    let chart = flow(
        &dataset,
        &refused,
        &Totals::compute(&dataset, &refused),
        Lang::ZhHans,
        1000,
        "f",
    );
    assert!(!texts(&chart.svg).iter().any(|l| l == "市发改委"));
    assert!(
        texts(&chart.svg).iter().any(|l| l == "85万元"),
        "training now 85万"
    );
    assert_eq!(bands(&chart.svg), 6);
}

#[test]
fn compare_bars_show_both_scenarios() {
    let dataset = muchuan();
    let a = Scenario::baseline(&dataset);
    let b = set_amount(&dataset, &a, "guaranteed-loans", 5_000_000);
    let (ta, tb) = (Totals::compute(&dataset, &a), Totals::compute(&dataset, &b));
    let chart = compare_bars(
        &dataset,
        CompareSide {
            scenario: &a,
            totals: &ta,
            label: "Plan A",
        },
        CompareSide {
            scenario: &b,
            totals: &tb,
            label: "Plan B",
        },
        Lang::En,
        1000,
        "c",
    );
    let labels = texts(&chart.svg);
    assert!(labels.iter().any(|l| l == "Plan A") && labels.iter().any(|l| l == "Plan B"));
    assert!(labels.iter().any(|l| l == "CNY 2.73 million"));
    assert!(labels.iter().any(|l| l == "CNY 5 million"));
    assert_eq!(chart.title, "Comparing Plan A and Plan B");
    assert!(
        chart
            .description
            .contains("Largest difference: Entrepreneurship guaranteed loans")
    );
    // Both series are drawn: 8 solid bars and 8 hatched ones (plus the legend swatch).
    assert_eq!(scenario_bar_widths(&chart.svg).len(), 8);
    let hatched = elements(&chart.svg, "rect")
        .iter()
        .filter(|r| r.get("stroke").map(String::as_str) == Some("#D55E00"))
        .count();
    assert_eq!(hatched, 9);
}

#[test]
fn compare_bars_weigh_what_the_grand_totals_take() {
    let dataset = muchuan();
    let a = Scenario::baseline(&dataset);
    // B: loans up by 2.27 million, and the 20 million bid assumed not granted.
    let b = refused(
        &dataset,
        &set_amount(&dataset, &a, "guaranteed-loans", 5_000_000),
        "training-base",
    );
    let (ta, tb) = (Totals::compute(&dataset, &a), Totals::compute(&dataset, &b));
    let side = |scenario, totals, label| CompareSide {
        scenario,
        totals,
        label,
    };
    let chart = compare_bars(
        &dataset,
        side(&a, &ta, "Plan A"),
        side(&b, &tb, "Plan B"),
        Lang::En,
        1000,
        "c",
    );
    let labels = texts(&chart.svg);
    assert!(
        labels.iter().any(|l| l == "CNY 20 million"),
        "A counts the bid"
    );
    assert!(
        labels
            .iter()
            .any(|l| l == "CNY 20 million (in the grand total: CNY 0)"),
        "{labels:?}"
    );
    // The planned amounts of the bid are equal; what the grand totals take differs most.
    assert!(
        chart.description.contains(
            "Largest difference: Public vocational training base (central-government investment \
             funds)"
        ),
        "{}",
        chart.description
    );
}

#[test]
fn every_chart_is_an_accessible_scalable_svg() {
    let dataset = muchuan();
    let scenario = Scenario::baseline(&dataset);
    for lang in [Lang::ZhHans, Lang::En, Lang::ZhHant] {
        for chart in all_charts(&dataset, &scenario, lang, 360) {
            let svg = &chart.svg;
            let root = &elements(svg, "svg")[0];
            assert_eq!(root.get("role").map(String::as_str), Some("img"));
            assert_eq!(root.get("width").map(String::as_str), Some("100%"));
            assert!(!root.contains_key("height"));
            assert_eq!(
                root.get("viewBox"),
                Some(&format!("0 0 {} {}", chart.width, chart.height))
            );
            assert_eq!(root.get("lang").map(String::as_str), Some(lang.tag()));
            let ids: Vec<&str> = root["aria-labelledby"].split(' ').collect();
            assert_eq!(ids.len(), 2);
            // <title> and <desc> are the first two children and carry the referenced ids.
            let after_root = &svg[svg.find('>').expect("root tag") + 1..];
            let after_root = after_root.trim_start();
            let title = format!("<title id=\"{}\">{}</title>", ids[0], escaped(&chart.title));
            assert!(after_root.starts_with(&title), "{after_root:.200}");
            let after_title = after_root[title.len()..].trim_start();
            let desc = format!(
                "<desc id=\"{}\">{}</desc>",
                ids[1],
                escaped(&chart.description)
            );
            assert!(after_title.starts_with(&desc), "{after_title:.200}");
            assert!(!chart.title.is_empty() && !chart.description.is_empty());
            assert_eq!(svg.matches("<svg").count(), 1);
            assert_eq!(svg.matches("</svg>").count(), 1);
            assert!(!svg.contains("style="), "no inline style for a strict CSP");
            assert!(
                elements(svg, "text")
                    .iter()
                    .all(|t| t["font-family"] == "sans-serif")
            );
        }
    }
    // Ids follow the prefix, so two charts on a page do not clash; the prefix is sanitised.
    let totals = Totals::compute(&dataset, &scenario);
    let one = stream_bars(&dataset, &scenario, &totals, Lang::En, 600, "one");
    let two = stream_bars(&dataset, &scenario, &totals, Lang::En, 600, "two\"><x");
    assert!(one.svg.contains("aria-labelledby=\"one-title one-desc\""));
    assert!(two.svg.contains("aria-labelledby=\"twox-title twox-desc\""));
    assert!(
        one.description.contains("add up to CNY 37.88 million"),
        "{}",
        one.description
    );
    assert!(
        one.description
            .contains("Largest: Public vocational training base")
    );
}

fn hostile_dataset() -> Dataset {
    let mut dataset = muchuan();
    let hostile = [
        "<script>alert(1)</script>".to_owned(),
        "</svg><script>alert(2)</script>".to_owned(),
        "\"><b>bold</b>".to_owned(),
        "x".repeat(10_000),
        "字".repeat(10_000),
        "' onload='alert(3)".to_owned(),
        "%{amount} & <i>".to_owned(),
        "a\u{0}b\u{202E}c".to_owned(),
    ];
    for (stream, name) in dataset.streams.iter_mut().zip(&hostile) {
        stream.name = Localized {
            zh_hans: Some(name.clone()),
            zh_hant: None,
            en: Some(name.clone()),
        };
    }
    dataset.kinds[0].name.en = Some("<img src=x onerror=alert(4)>".to_owned());
    dataset.kinds[0].name.zh_hans = Some("<img src=x onerror=alert(4)>".to_owned());
    dataset.agencies[0].name.en = Some("</text></svg><svg onload=alert(5)>".to_owned());
    dataset.agencies[0].name.zh_hans = Some("</text></svg><svg onload=alert(5)>".to_owned());
    dataset
}

#[test]
fn hostile_names_are_escaped_and_long_ones_shortened() {
    let dataset = hostile_dataset();
    let scenario = Scenario::baseline(&dataset);
    for lang in [Lang::ZhHans, Lang::En] {
        for width in [1000, 360] {
            for chart in all_charts(&dataset, &scenario, lang, width) {
                let svg = &chart.svg;
                for raw in ["<script", "<b>", "<i>", "<img", "onload='", "<svg onload"] {
                    assert!(!svg.contains(raw), "{raw} in {svg:.300}");
                }
                assert_eq!(svg.matches("<svg").count(), 1);
                assert_eq!(svg.matches("</svg>").count(), 1);
                assert_eq!(
                    svg.matches("</text>").count(),
                    svg.matches("<text ").count()
                );
                assert!(!svg.contains('\u{0}') && !svg.contains('\u{202E}'));
                // Long names are shortened with an ellipsis in the drawing and the desc.
                assert!(!svg.contains(&"x".repeat(300)) && !svg.contains(&"字".repeat(300)));
                assert!(svg.len() < 60_000, "{}", svg.len());
            }
            // The streams table keeps whole names.
            let table = &all_tables(&dataset, &scenario, lang)[0];
            assert!(table.rows.iter().flatten().any(|c| c.len() == 10_000));
            let totals = Totals::compute(&dataset, &scenario);
            let bars = stream_bars(&dataset, &scenario, &totals, lang, width, "s");
            let labels = texts(&bars.svg);
            assert!(
                labels
                    .iter()
                    .any(|l| l == "&lt;script&gt;alert(1)&lt;/script&gt;")
            );
            assert!(
                labels
                    .iter()
                    .any(|l| l.starts_with("&lt;/svg&gt;&lt;script&gt;"))
            );
            assert!(
                labels
                    .iter()
                    .any(|l| l == "&quot;&gt;&lt;b&gt;bold&lt;/b&gt;")
            );
            assert!(
                labels
                    .iter()
                    .any(|l| l.starts_with("xxxx") && l.ends_with('…'))
            );
            assert!(labels.iter().any(|l| l == "&apos; onload=&apos;alert(3)"));
            assert!(labels.iter().any(|l| l == "%{amount} &amp; &lt;i&gt;"));
            assert!(labels.iter().any(|l| l == "a bc"));
            let table = stream_bars_table(&dataset, &scenario, &totals, lang);
            assert_eq!(table.rows[3][0], "x".repeat(10_000));
        }
    }
}

/// The text a person reads in a chart: its text elements, title and description.
fn visible_text(chart: &ChartSvg) -> Vec<String> {
    let mut all = texts(&chart.svg);
    all.push(escaped(&chart.title));
    all.push(escaped(&chart.description));
    all
}

/// `text` without the dataset names (or their shortened forms) in `lang`.
fn without_names(text: &str, dataset: &Dataset, lang: Lang) -> String {
    let mut names: Vec<String> = dataset
        .streams
        .iter()
        .map(|s| s.name.get(lang))
        .chain(dataset.kinds.iter().map(|k| k.name.get(lang)))
        .chain(dataset.agencies.iter().map(|a| a.name.get(lang)))
        .map(escaped)
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut out = text.to_owned();
    for name in &names {
        out = out.replace(name.as_str(), " ");
    }
    // A shortened name is a prefix of a name followed by an ellipsis.
    if let Some(stem) = out.strip_suffix('…')
        && names.iter().any(|n| n.starts_with(stem.trim()))
    {
        return String::new();
    }
    out
}

#[test]
fn english_charts_have_no_chinese_but_chinese_only_names() {
    let mut dataset = muchuan();
    // One name only in Chinese: the English chart shows it, the only Chinese allowed.
    dataset.streams[8].name = Localized {
        zh_hans: Some("仅有中文名称".to_owned()),
        ..Localized::default()
    };
    let scenario = set_amount(
        &dataset,
        &Scenario::baseline(&dataset),
        "guaranteed-loans",
        5_000_000,
    );
    for width in [1000, 360] {
        for chart in all_charts(&dataset, &scenario, Lang::En, width) {
            for text in visible_text(&chart) {
                let rest = without_names(&text, &dataset, Lang::En);
                assert!(!rest.chars().any(is_cjk), "{rest:?}");
            }
            if chart.svg.contains("streams-title") {
                assert!(chart.svg.contains("仅有中文名称"));
            }
        }
    }
}

#[test]
fn chinese_charts_have_no_english_words() {
    let dataset = muchuan();
    let scenario = set_amount(
        &dataset,
        &Scenario::baseline(&dataset),
        "guaranteed-loans",
        5_000_000,
    );
    for lang in [Lang::ZhHans, Lang::ZhHant] {
        for width in [1000, 360] {
            for chart in all_charts(&dataset, &scenario, lang, width) {
                for text in visible_text(&chart) {
                    let rest = without_names(&text, &dataset, lang);
                    assert!(
                        !rest.chars().any(|c| c.is_ascii_alphabetic()),
                        "{lang:?}: {rest:?}"
                    );
                }
            }
        }
        for table in all_tables(&dataset, &scenario, lang) {
            for row in table.rows.iter().chain([&table.header]) {
                for cell in row {
                    let rest = without_names(&escaped(cell), &dataset, lang);
                    assert!(!rest.chars().any(|c| c.is_ascii_alphabetic()), "{rest:?}");
                }
            }
        }
    }
}

fn big_dataset(streams: usize) -> Dataset {
    let mut dataset = muchuan();
    let template = dataset.streams[0].clone();
    dataset.streams = (0..streams)
        .map(|i| Stream {
            id: format!("s{i}"),
            name: Localized {
                en: Some(format!("Stream number {i}")),
                ..Localized::default()
            },
            kind: i % dataset.kinds.len(),
            agency: i % dataset.agencies.len(),
            amount: if i % 100 == 7 {
                None
            } else {
                Some(10_000 * (i as i64 % 97 + 1))
            },
            ..template.clone()
        })
        .collect();
    dataset
}

#[test]
fn a_thousand_streams_draw_the_top_rows_and_table_every_stream() {
    let dataset = big_dataset(1_000);
    let scenario = Scenario::baseline(&dataset);
    let started = std::time::Instant::now();
    let charts = all_charts(&dataset, &scenario, Lang::En, 1000);
    let elapsed = started.elapsed();
    assert!(elapsed.as_secs_f64() < 5.0, "{elapsed:?}");
    let bars = &charts[0];
    // 12 largest + "others", each a solid bar; 10 unstated streams share one row.
    assert_eq!(scenario_bar_widths(&bars.svg).len(), TOP_STREAMS + 1);
    assert!(texts(&bars.svg).iter().any(|l| l == "978 other streams"));
    assert!(texts(&bars.svg).iter().any(|l| l == "10 more streams"));
    let table = stream_bars_table(
        &dataset,
        &scenario,
        &Totals::compute(&dataset, &scenario),
        Lang::En,
    );
    assert_eq!(table.rows.len(), 1_001);
    assert!(
        bars.description
            .contains("The chart shows the 12 largest; the other 978")
    );
    for chart in &charts {
        assert!(chart.svg.len() < 60_000, "{} bytes", chart.svg.len());
        assert!(chart.height < 2_000, "{}", chart.height);
    }
    // The others row sums what is not drawn: the table's total equals the drawn rows' sum.
    let total: i64 = dataset.streams.iter().filter_map(|s| s.amount).sum();
    assert!(bars.description.contains(&format!(
        "add up to {}",
        muchuan_funding_explorer::core::money::format_amount(
            total,
            muchuan_funding_explorer::core::money::MoneyStyle::Cny
        )
    )));
}

#[test]
fn odd_inputs_do_not_panic() {
    let dataset = muchuan();
    // Everything zero.
    let mut scenario = Scenario::baseline(&dataset);
    for amount in scenario.plans.iter_mut().filter_map(|p| p.amount.as_mut()) {
        *amount = 0;
    }
    for chart in all_charts(&dataset, &scenario, Lang::ZhHans, 360) {
        assert!(chart.svg.ends_with("</svg>\n"));
    }
    let totals = Totals::compute(&dataset, &scenario);
    let kinds = kind_shares(&dataset, &scenario, &totals, Lang::ZhHans, 360, "k");
    assert!(texts(&kinds.svg).iter().any(|l| l == "没有计入总额的资金"));
    // A scenario that does not fit the dataset, and extreme widths.
    let short = Scenario {
        plans: vec![Plan {
            amount: Some(1),
            ..Plan::default()
        }],
        ..Scenario::baseline(&dataset)
    };
    let totals = Totals::compute(&dataset, &Scenario::baseline(&dataset));
    for width in [0, 1, 100_000] {
        let chart = stream_bars(&dataset, &short, &totals, Lang::En, width, "");
        assert!(
            chart
                .svg
                .contains("aria-labelledby=\"chart-title chart-desc\"")
        );
        assert!((280..=2400).contains(&chart.width));
    }
    // An empty dataset.
    let mut empty = dataset.clone();
    empty.streams.clear();
    let scenario = Scenario::baseline(&empty);
    for chart in all_charts(&empty, &scenario, Lang::En, 360) {
        assert!(chart.svg.ends_with("</svg>\n"));
    }
}

/// Issue 20: a bar's counted part is solid, the part not counted outlined (a line in the
/// scenario's colour, unfilled), and the legend says so only when a bar has such a part.
#[test]
fn money_not_counted_is_drawn_outlined_with_a_legend_entry() {
    let dataset = muchuan();
    let outlined = |scenario: &Scenario| {
        let totals = Totals::compute(&dataset, scenario);
        let svg = stream_bars(&dataset, scenario, &totals, Lang::ZhHans, 1000, "s").svg;
        let legend = texts(&svg).iter().any(|l| l == "未计入总额（空心）");
        let paths = svg
            .split("<polyline")
            .skip(1)
            .filter(|rest| rest.starts_with(" fill=\"none\" opacity=\"1\" stroke=\"#0072B2\""))
            .count();
        (legend, paths)
    };
    assert_eq!(outlined(&Scenario::baseline(&dataset)), (false, 0));
    let refused = refused(&dataset, &Scenario::baseline(&dataset), "training-base");
    let (legend, paths) = outlined(&refused);
    assert!(legend, "the legend names the outlined part");
    assert_eq!(paths, 2, "one outlined bar and the legend's swatch");
}
