//! The charts drawn from the Muchuan dataset: names, amounts, proportions and scenario changes
//! in each chart, and a colour meaning the same in each. Accessibility, hostile names,
//! languages and large datasets are in `charts_markup.rs`.

#[path = "common/chart_svg.rs"]
mod chart_svg;

use std::collections::HashMap;

use chart_svg::{elements, escaped, muchuan, number, scenario_bar_widths, set_amount, texts};
use muchuan_funding_explorer::charts::{
    CompareSide, compare_bars, flow, flow_table, kind_shares, kind_shares_table, stream_bars,
    stream_bars_table,
};
use muchuan_funding_explorer::core::dataset::Dataset;
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::scenario::{Action, Outcome, Scenario};
use muchuan_funding_explorer::core::totals::Totals;

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
            // A bid's name line goes on with its status (charts_basis.rs).
            let name = escaped(stream.name.get(lang));
            assert!(
                labels.iter().any(|l| l.starts_with(&name)),
                "{lang:?}: {name} in {labels:?}"
            );
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
        assert_eq!(table.header.len(), 6);
        assert!(table.rows.iter().all(|r| r.len() == 6));
        assert_eq!(
            table.name_columns, 2,
            "the stream's name and status, then four figures"
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
    assert_eq!(table.rows[training][1].text, "假定未获批");
    assert_eq!(table.rows[training][3].text, "2,000万元");
    assert_eq!(table.rows[training][5].text, "0万元");
    // The column adds up to the grand total, in its last row.
    assert_eq!(
        table.rows.last().map(|r| r[5].text.as_str()),
        Some("1,788万元")
    );
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
    assert_eq!(after_table.rows[0][1].text, "已落实");
    assert_eq!(after_table.rows[0][3].text, "500万元");
    assert_eq!(after_table.rows[0][4].text, "+227万元");
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
            // One per kind that states an amount: the finance bureau's priority states none
            // and is not drawn as a zero.
            let stated = totals.by_kind.iter().filter(|g| g.stated > 0).count();
            assert_eq!((legend.len(), stated), (5, 5), "{lang:?} {width}");
            assert_eq!(legend.iter().sum::<i64>(), 1000);
            let table = kind_shares_table(&dataset, &scenario, &totals, lang);
            assert_eq!(table.rows.len(), stated + 1);
            let shares: i64 = table.rows[..stated]
                .iter()
                .filter_map(|r| tenths(&r[2].text))
                .sum();
            assert_eq!(shares, 1000);
            assert_eq!(
                table.rows.last().map(|r| r[2].text.as_str()),
                Some("100.0%")
            );
            for group in totals.by_kind.iter().filter(|g| g.stated > 0) {
                let name = dataset.kinds[group.index].name.get(lang);
                assert!(chart.svg.contains(&escaped(name)));
            }
            assert!(
                !chart
                    .svg
                    .contains(&escaped(dataset.kinds[5].name.get(lang)))
            );
            // Segments fill the bar exactly: from the left margin to the right one.
            let segments: Vec<_> = elements(&chart.svg, "rect")
                .into_iter()
                .filter(|r| number(r, "height") == 30.0)
                .collect();
            assert_eq!(segments.len(), stated);
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
    assert_eq!(table.rows[7][2].text, "3,788万元");
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
        .filter(|r| r.get("stroke").map(String::as_str) == Some("#595959"))
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
        labels.iter().any(|l| l == "CNY 20 million (Being sought)"),
        "A counts the bid, still sought"
    );
    assert!(
        labels
            .iter()
            .any(|l| l == "CNY 20 million (Assumed refused; in the grand total: CNY 0)"),
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

/// The legend's two swatches (18 px wide, at its top): the solid one's fill and the hatched
/// one's stroke.
fn legend_colours(svg: &str) -> (String, String) {
    let swatches: Vec<HashMap<String, String>> = elements(svg, "rect")
        .into_iter()
        .filter(|r| number(r, "width") == 18.0 && number(r, "y") < 30.0)
        .collect();
    assert_eq!(swatches.len(), 2, "two legend swatches");
    let solid = swatches[0].get("fill").cloned().unwrap_or_default();
    let hatched = swatches[1].get("stroke").cloned().unwrap_or_default();
    (solid, hatched)
}

/// Widths of the solid bars (14 px tall) in `fill`, top to bottom.
fn solid_widths(svg: &str, fill: &str) -> Vec<f64> {
    elements(svg, "rect")
        .iter()
        .filter(|r| r.get("fill").map(String::as_str) == Some(fill))
        .filter(|r| number(r, "height") == 14.0)
        .map(|r| number(r, "width"))
        .collect()
}

/// Widths of the hatched bars' outlines (below the legend) in `stroke`, top to bottom.
fn hatched_widths(svg: &str, stroke: &str) -> Vec<f64> {
    elements(svg, "rect")
        .iter()
        .filter(|r| r.get("stroke").map(String::as_str) == Some(stroke))
        .filter(|r| number(r, "y") >= 30.0)
        .map(|r| number(r, "width"))
        .collect()
}

#[test]
fn comparison_colours_the_scenario_on_screen_as_the_stream_chart_does() {
    let dataset = muchuan();
    let baseline = Scenario::baseline(&dataset);
    // On screen: the guaranteed loans raised from 2.73 to 5 million yuan.
    let current = set_amount(&dataset, &baseline, "guaranteed-loans", 5_000_000);
    let (tb, tc) = (
        Totals::compute(&dataset, &baseline),
        Totals::compute(&dataset, &current),
    );
    let streams = stream_bars(&dataset, &current, &tc, Lang::En, 1000, "s").svg;
    // The comparison's defaults: the baseline picked first, the scenario on screen second.
    let compare = compare_bars(
        &dataset,
        CompareSide {
            scenario: &baseline,
            totals: &tb,
            label: "Source figures",
        },
        CompareSide {
            scenario: &current,
            totals: &tc,
            label: "Current scenario",
        },
        Lang::En,
        1000,
        "c",
    );
    // Its words for a screen reader say the same.
    assert!(
        compare.description.contains(
            "Source figures (hatched bars) CNY 37.88 million, Current scenario (solid bars)"
        ),
        "{}",
        compare.description
    );
    let compare = compare.svg;

    // The same two colours, in the same places, in both legends.
    let (planned, base) = legend_colours(&streams);
    assert_ne!(planned, base);
    assert_eq!(legend_colours(&compare), (planned.clone(), base.clone()));
    // The compared legend names the scenario on screen beside the solid swatch.
    let words = texts(&compare);
    assert_eq!(words[..2], ["Current scenario", "Source figures"]);

    // The solid bars are the scenario on screen: loans (first row) at 5 million, a quarter of
    // the training base's 20 million; the hatched ones the baseline's 2.73 million.
    let solid = solid_widths(&compare, &planned);
    let hatched = hatched_widths(&compare, &base);
    assert_eq!((solid.len(), hatched.len()), (8, 8));
    let widest = solid.iter().copied().fold(0.0, f64::max);
    assert!((solid[0] / widest - 0.25).abs() < 0.01, "{solid:?}");
    assert!((hatched[0] / widest - 0.1365).abs() < 0.01, "{hatched:?}");
    // No other colour stands for either scenario.
    assert!(solid_widths(&compare, "#D55E00").is_empty());
    assert!(hatched_widths(&compare, "#D55E00").is_empty());
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
