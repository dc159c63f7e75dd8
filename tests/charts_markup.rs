//! The charts' markup whatever they are given: accessible, scalable SVG; hostile names escaped
//! and long ones shortened; no word of another language; 1,000 streams; odd inputs.

#[path = "common/chart_svg.rs"]
mod chart_svg;

use chart_svg::{elements, escaped, muchuan, scenario_bar_widths, set_amount, texts};
use muchuan_funding_explorer::charts::{
    ChartSvg, ChartTable, CompareSide, TOP_STREAMS, compare_bars, flow, flow_table, kind_shares,
    kind_shares_table, stream_bars, stream_bars_table,
};
use muchuan_funding_explorer::core::dataset::{Dataset, Localized, Stream};
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::scenario::{Action, Outcome, Plan, Scenario};
use muchuan_funding_explorer::core::totals::Totals;

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

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
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
            // Named by its title, described by its description: each read once.
            let ids = [
                root["aria-labelledby"].as_str(),
                root["aria-describedby"].as_str(),
            ];
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
    assert!(
        one.svg
            .contains("aria-labelledby=\"one-title\" aria-describedby=\"one-desc\"")
    );
    assert!(
        two.svg
            .contains("aria-labelledby=\"twox-title\" aria-describedby=\"twox-desc\"")
    );
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
            assert!(table.rows.iter().flatten().any(|c| c.text.len() == 10_000));
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
            // Two names are bids': their lines end with their status, kept whole after a long
            // name shortened.
            let sought = if lang == Lang::En {
                " (Being sought)"
            } else {
                "（正在争取）"
            };
            assert!(
                labels
                    .iter()
                    .any(|l| l.starts_with("xxxx") && l.ends_with(&format!("x…{sought}")))
            );
            assert!(
                labels
                    .iter()
                    .any(|l| *l == format!("&apos; onload=&apos;alert(3){sought}"))
            );
            assert!(labels.iter().any(|l| l == "%{amount} &amp; &lt;i&gt;"));
            assert!(labels.iter().any(|l| l == "a bc"));
            let table = stream_bars_table(&dataset, &scenario, &totals, lang);
            assert_eq!(table.rows[3][0].text, "x".repeat(10_000));
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
            let cells = table.rows.iter().flatten().map(|c| &c.text);
            for cell in cells.chain(&table.header) {
                let rest = without_names(&escaped(cell), &dataset, lang);
                assert!(!rest.chars().any(|c| c.is_ascii_alphabetic()), "{rest:?}");
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
                .contains("aria-labelledby=\"chart-title\" aria-describedby=\"chart-desc\"")
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

#[test]
fn table_names_in_another_language_than_the_table_say_which() {
    let mut dataset = muchuan();
    let scenario = Scenario::baseline(&dataset);
    // The built-in data has English names: nothing to mark.
    for table in all_tables(&dataset, &scenario, Lang::En) {
        assert!(table.rows.iter().flatten().all(|c| c.lang.is_none()));
    }
    // A county's names in Chinese only, and one stream also without a Simplified name.
    let names = (dataset.streams.iter_mut().map(|s| &mut s.name))
        .chain(dataset.kinds.iter_mut().map(|k| &mut k.name))
        .chain(dataset.agencies.iter_mut().map(|a| &mut a.name));
    for name in names {
        name.en = None;
    }
    dataset.streams[1].name = Localized {
        zh_hant: Some("專項補貼".into()),
        ..Localized::default()
    };
    let tables = all_tables(&dataset, &scenario, Lang::En);
    let streams = &tables[0];
    assert_eq!(streams.rows[0][0].text, "创业担保贷款");
    assert_eq!(streams.rows[0][0].lang, Some(Lang::ZhHans));
    assert_eq!(streams.rows[1][0].lang, Some(Lang::ZhHant));
    // The status, the figures and the total row are the table's own words.
    assert!(
        streams
            .rows
            .iter()
            .flat_map(|r| &r[1..])
            .all(|c| c.lang.is_none())
    );
    assert_eq!(streams.rows.last().map(|r| r[0].lang), Some(None));
    let kinds = &tables[1];
    let named = kinds.rows.len() - 1;
    assert!(
        kinds.rows[..named]
            .iter()
            .all(|r| r[0].lang == Some(Lang::ZhHans))
    );
    let flow = &tables[2];
    let pairs = &flow.rows[..flow.rows.len() - 1];
    assert!(
        pairs
            .iter()
            .all(|r| r[..2].iter().all(|c| c.lang == Some(Lang::ZhHans)))
    );
    assert!(pairs.iter().all(|r| r[2].lang.is_none()));
    // In Simplified Chinese only the name it lacks is marked.
    let chinese = all_tables(&dataset, &scenario, Lang::ZhHans);
    let marked: Vec<_> = (chinese.iter().flat_map(|t| &t.rows).flatten())
        .filter_map(|c| c.lang)
        .collect();
    assert_eq!(marked, [Lang::ZhHant]);
}
