//! The comparison chart marks bids as the stream chart does: a planner comparing "all bids
//! granted" with "bids pending" could not tell from it which money each scenario assumed, nor
//! which bars its grand total left out, and it said nothing of what each total counts.

#[path = "common/chart_svg.rs"]
mod chart_svg;

use chart_svg::{elements, escaped, muchuan, scenario_bar_widths, set_amount, texts};
use muchuan_funding_explorer::charts::file::{FileCaption, chart_file};
use muchuan_funding_explorer::charts::{ChartSvg, CompareSide, compare_bars, compare_basis};
use muchuan_funding_explorer::core::dataset::{Dataset, Stream};
use muchuan_funding_explorer::core::export::Day;
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::scenario::{Action, Outcome, Scenario};
use muchuan_funding_explorer::core::totals::Totals;

/// The solid bars' colour (the scenario on screen) and the hatched bars' (the other).
const SOLID: &str = "#0072B2";
const HATCHED: &str = "#595959";

fn apply(dataset: &Dataset, scenario: Scenario, actions: &[Action]) -> Scenario {
    actions.iter().fold(scenario, |s, action| {
        s.apply(dataset, action.clone()).expect("action applies")
    })
}

/// Both bids at `outcome`, sought money counted in the grand total or not.
fn bids(dataset: &Dataset, outcome: Outcome, count_sought: bool) -> Scenario {
    let bid = |id: &str| dataset.stream_index(id).expect("stream");
    apply(
        dataset,
        Scenario::baseline(dataset),
        &[
            Action::SetOutcome {
                stream: bid("training-base"),
                outcome,
            },
            Action::SetOutcome {
                stream: bid("ecommerce-city"),
                outcome,
            },
            Action::SetCountSought(count_sought),
        ],
    )
}

/// The chart of `a` (hatched) against `b` (solid).
fn compared(
    dataset: &Dataset,
    (a, label_a): (&Scenario, &str),
    (b, label_b): (&Scenario, &str),
    lang: Lang,
    width: u32,
) -> ChartSvg {
    let (ta, tb) = (Totals::compute(dataset, a), Totals::compute(dataset, b));
    let side_a = CompareSide {
        scenario: a,
        totals: &ta,
        label: label_a,
    };
    let side_b = CompareSide {
        scenario: b,
        totals: &tb,
        label: label_b,
    };
    compare_bars(dataset, side_a, side_b, lang, width, "c")
}

/// The basis lines of `a` and `b`, in that order.
fn bases(
    dataset: &Dataset,
    (a, label_a): (&Scenario, &str),
    (b, label_b): (&Scenario, &str),
    lang: Lang,
) -> [String; 2] {
    let (ta, tb) = (Totals::compute(dataset, a), Totals::compute(dataset, b));
    compare_basis(
        CompareSide {
            scenario: a,
            totals: &ta,
            label: label_a,
        },
        CompareSide {
            scenario: b,
            totals: &tb,
            label: label_b,
        },
        lang,
    )
}

/// The unfilled outlines drawn in `colour`: the parts of bars not counted, and the legend's
/// swatch for them; each `(x, width)`.
fn outlines(svg: &str, colour: &str) -> Vec<(i64, i64)> {
    elements(svg, "polyline")
        .iter()
        .filter(|p| p.get("stroke").map(String::as_str) == Some(colour))
        .filter_map(|p| {
            let points: Vec<(i64, i64)> = p
                .get("points")?
                .split_whitespace()
                .filter_map(|xy| {
                    let (x, y) = xy.split_once(',')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect();
            // A box: five corners, the last the first.
            (points.len() == 5 && points[0] == points[4])
                .then(|| (points[0].0, points[1].0 - points[0].0))
        })
        .collect()
}

#[test]
fn each_bar_of_a_bid_says_its_standing_in_its_scenario() {
    let dataset = muchuan();
    let granted = bids(&dataset, Outcome::Granted, false);
    // The loans raised in the pending scenario: granted money, changed or not, is not marked.
    let pending = set_amount(
        &dataset,
        &bids(&dataset, Outcome::Pending, false),
        "guaranteed-loans",
        3_000_000,
    );
    let chart = compared(
        &dataset,
        (&granted, "全部获批"),
        (&pending, "争取中"),
        Lang::ZhHans,
        1000,
    );
    let labels = texts(&chart.svg);
    let count = |want: &str| labels.iter().filter(|l| *l == want).count();
    // Pending (solid) and left out of its total; assumed granted (hatched) and counted.
    assert_eq!(
        count("2,000万元（正在争取，计入总额 0万元）"),
        1,
        "{labels:?}"
    );
    assert_eq!(count("30万元（正在争取，计入总额 0万元）"), 1, "{labels:?}");
    assert_eq!(count("2,000万元（假定全额获批）"), 1, "{labels:?}");
    assert_eq!(count("30万元（假定全额获批）"), 1, "{labels:?}");
    // Money granted carries nothing, in either bar; a bid's name line carries nothing either
    // (its two bars may say different things).
    assert_eq!((count("273万元"), count("300万元")), (1, 1));
    let training = dataset.stream_index("training-base").expect("stream");
    assert_eq!(
        count(&escaped(dataset.streams[training].name.get(Lang::ZhHans))),
        1
    );
    // No other amount carries words: the four above are the only marked amounts.
    let marked = labels
        .iter()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()) && l.contains('（'))
        .count();
    assert_eq!(marked, 4, "{labels:?}");
    // The key says what both markers mean, the legend what an outline means.
    for line in [
        "金额后标注（正在争取）的，为尚未获批的资金",
        "标注（假定……）的，为该方案假定的申请结果",
        "未计入总额（空心）",
    ] {
        assert_eq!(count(line), 1, "{line}: {labels:?}");
    }
    assert!(
        chart
            .description
            .ends_with("其中 2 项为正在争取的资金，金额后标注其在各方案中的状态。"),
        "{}",
        chart.description
    );
}

#[test]
fn the_money_a_total_leaves_out_is_outlined_in_its_scenarios_colour() {
    let dataset = muchuan();
    let granted = bids(&dataset, Outcome::Granted, false);
    let pending = bids(&dataset, Outcome::Pending, false);
    // Pending solid: its two bids outlined in the solid colour, plus the legend's swatch.
    let chart = compared(&dataset, (&granted, "A"), (&pending, "B"), Lang::En, 1000);
    let solid = outlines(&chart.svg, SOLID);
    assert_eq!(solid.len(), 3, "{solid:?}");
    assert!(outlines(&chart.svg, HATCHED).is_empty());
    // The training base, 2,000万元 of nothing counted, is the widest bar: it is all outline.
    let widest = solid.iter().map(|(_, w)| *w).max().unwrap_or(0);
    assert!(widest > 500, "{solid:?}");
    assert!(
        texts(&chart.svg)
            .iter()
            .any(|l| l == "CNY 20 million (Being sought; in the grand total: CNY 0)")
    );

    // Pending hatched: the same bars outlined, now in the hatched colour.
    let swapped = compared(&dataset, (&pending, "B"), (&granted, "A"), Lang::En, 1000);
    let hatched = outlines(&swapped.svg, HATCHED);
    assert_eq!(hatched.len(), 2, "{hatched:?}");
    assert_eq!(
        outlines(&swapped.svg, SOLID).len(),
        1,
        "the legend's swatch"
    );
    assert_eq!(
        hatched.iter().map(|(_, w)| *w).max(),
        Some(widest),
        "drawn to the same scale"
    );

    // Half of the training base granted: the counted half hatched, the other half outlined.
    let half = bids(&dataset, Outcome::Partial(50), false);
    let partial = compared(&dataset, (&half, "H"), (&granted, "A"), Lang::ZhHans, 1000);
    let labels = texts(&partial.svg);
    assert!(
        labels
            .iter()
            .any(|l| l == "2,000万元（假定获批 50%，计入总额 1,000万元）"),
        "{labels:?}"
    );
    let outlined = outlines(&partial.svg, HATCHED);
    let training = outlined.iter().max_by_key(|(_, w)| *w).expect("outlined");
    // Half the width of the same bid's bar fully granted, in the same drawing.
    let full = scenario_bar_widths(&partial.svg)
        .into_iter()
        .fold(0.0, f64::max);
    assert!(
        (training.1 as f64 - full / 2.0).abs() <= 2.0,
        "{training:?} against {full}"
    );

    // Sought money counted in both totals: nothing is outlined and the legend says nothing.
    let counted = bids(&dataset, Outcome::Pending, true);
    let plain = compared(&dataset, (&granted, "A"), (&counted, "C"), Lang::En, 1000);
    assert!(outlines(&plain.svg, SOLID).is_empty());
    assert!(
        !texts(&plain.svg)
            .iter()
            .any(|l| l == "Not counted (outline)")
    );
    assert!(
        texts(&plain.svg)
            .iter()
            .any(|l| l == "CNY 20 million (Being sought)")
    );
}

#[test]
fn the_basis_says_what_each_scenarios_total_counts() {
    let dataset = muchuan();
    let granted = bids(&dataset, Outcome::Granted, false);
    let pending = bids(&dataset, Outcome::Pending, false);
    let counted = bids(&dataset, Outcome::Pending, true);
    let basis = bases(
        &dataset,
        (&granted, "全部获批"),
        (&pending, "争取中"),
        Lang::ZhHans,
    );
    assert_eq!(
        basis,
        [
            "统计口径（全部获批）：计入假定获批 2,030万元",
            "统计口径（争取中）：正在争取的资金 2,030万元 未计入总额",
        ]
    );
    let basis = bases(
        &dataset,
        (
            &Scenario::baseline(&dataset)
                .apply(&dataset, Action::SetCountSought(false))
                .expect("applies"),
            "Granted only",
        ),
        (&counted, "All counted"),
        Lang::En,
    );
    assert_eq!(
        basis,
        [
            "Basis of Granted only: CNY 20.3 million still being sought is not counted in the grand total",
            "Basis of All counted: the grand total includes CNY 20.3 million still being sought (not yet granted)",
        ]
    );
    let basis = bases(
        &dataset,
        (&granted, "全部獲批"),
        (&bids(&dataset, Outcome::Refused, false), "全部未獲批"),
        Lang::ZhHant,
    );
    assert_eq!(basis[1], "統計口徑（全部未獲批）：僅計已獲得的資金");
}

#[test]
fn the_comparisons_file_carries_the_marks_and_both_bases() {
    let dataset = muchuan();
    let granted = bids(&dataset, Outcome::Granted, false);
    let pending = bids(&dataset, Outcome::Pending, false);
    let chart = compared(
        &dataset,
        (&granted, "全部获批"),
        (&pending, "争取中"),
        Lang::ZhHans,
        800,
    );
    let basis = bases(
        &dataset,
        (&granted, "全部获批"),
        (&pending, "争取中"),
        Lang::ZhHans,
    );
    let caption = FileCaption {
        scenario: "全部获批 – 争取中",
        date: Day {
            year: 2026,
            month: 12,
            day: 6,
        },
        lang: Lang::ZhHans,
        origin: None,
    };
    let file = chart_file(&chart, &dataset, caption, &[&basis[0], &basis[1]]);
    let chart_at = file.svg.find("<svg x=\"0\"").expect("the chart");
    let first = file
        .svg
        .find(&format!(">{}<", basis[0]))
        .expect("a's basis");
    let second = file
        .svg
        .find(&format!(">{}<", basis[1]))
        .expect("b's basis");
    assert!(first < second && second < chart_at, "both above the chart");
    assert!(
        file.svg.contains(&format!(
            "<desc id=\"file-desc\">{}{}；{}</desc>",
            chart.description, basis[0], basis[1]
        )),
        "read out with the description"
    );
    assert!(
        texts(&file.svg)
            .iter()
            .any(|l| l == "2,000万元（正在争取，计入总额 0万元）")
    );
    assert_eq!(outlines(&file.svg, SOLID).len(), 3);
}

#[test]
fn the_others_row_says_how_many_bids_it_sums_and_what_each_total_takes() {
    // Muchuan's 8 streams with an amount and 9 small ones (1万 and a little, a bid every
    // third): the 12 largest drawn, the 5 smallest summed, two of them bids.
    let mut dataset = muchuan();
    let template = |id: &str| dataset.streams[dataset.stream_index(id).expect("a stream")].clone();
    let (bid, grant) = (template("ecommerce-city"), template("sye-project"));
    for i in 0..9 {
        dataset.streams.push(Stream {
            id: format!("small-{i}"),
            amount: Some(10_000 + i),
            ..if i % 3 == 0 {
                bid.clone()
            } else {
                grant.clone()
            }
        });
    }
    let counted = Scenario::baseline(&dataset);
    let left_out = apply(&dataset, counted.clone(), &[Action::SetCountSought(false)]);
    let chart = compared(
        &dataset,
        (&counted, "A"),
        (&left_out, "B"),
        Lang::ZhHans,
        1000,
    );
    let labels = texts(&chart.svg);
    assert!(
        labels
            .iter()
            .any(|l| l == "其他 5 项（含 2 项正在争取的资金）"),
        "{labels:?}"
    );
    // The five sum to 50,010 yuan; B leaves out the two bids (10,000 and 10,003 yuan).
    assert!(labels.iter().any(|l| l == "5.001万元"), "{labels:?}");
    assert!(
        labels
            .iter()
            .any(|l| l == "5.001万元（计入总额 3.0007万元）"),
        "{labels:?}"
    );
}

/// The `y` of the text that reads `want`.
fn text_y(svg: &str, want: &str) -> Option<f64> {
    let at = texts(svg).iter().position(|t| t == want)?;
    elements(svg, "text").get(at)?.get("y")?.parse().ok()
}

#[test]
fn a_narrow_legend_wraps_its_words_rather_than_cutting_them() {
    let dataset = muchuan();
    let granted = bids(&dataset, Outcome::Granted, false);
    let pending = bids(&dataset, Outcome::Pending, false);
    let legend = |lang: Lang, width: u32, words: [&str; 3]| {
        let svg = compared(
            &dataset,
            (&granted, words[1]),
            (&pending, words[0]),
            lang,
            width,
        )
        .svg;
        words.map(|w| text_y(&svg, w).unwrap_or_else(|| panic!("{w} whole at {width}")))
    };
    // English at a phone's width: the third entry on a row of its own, whole.
    let [first, second, third] = legend(
        Lang::En,
        343,
        ["Pending", "All granted", "Not counted (outline)"],
    );
    assert_eq!(first, second);
    assert!(third > first + 10.0, "{first} {third}");
    // Wide, or in Chinese, which is shorter: one row.
    let wide = legend(
        Lang::En,
        1000,
        ["Pending", "All granted", "Not counted (outline)"],
    );
    assert!(wide.iter().all(|y| *y == wide[0]), "{wide:?}");
    let chinese = legend(
        Lang::ZhHans,
        343,
        ["争取中", "全部获批", "未计入总额（空心）"],
    );
    assert!(chinese.iter().all(|y| *y == chinese[0]), "{chinese:?}");
}
