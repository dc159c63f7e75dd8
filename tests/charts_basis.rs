//! Money still sought is marked in the stream bars, and every chart states its basis (on screen
//! and in the chart file) with the totals panel's figures: a planner's review found the charts
//! drew bids and granted money alike and said nothing of what they were drawn on.

#[path = "common/chart_svg.rs"]
mod chart_svg;

use chart_svg::{escaped, muchuan, scenario_bar_widths, set_amount, texts};
use muchuan_funding_explorer::charts::basis::{basis_line, sought_figure};
use muchuan_funding_explorer::charts::file::{FileCaption, chart_file};
use muchuan_funding_explorer::charts::text::measure;
use muchuan_funding_explorer::charts::{flow, kind_shares, stream_bars};
use muchuan_funding_explorer::core::dataset::{Dataset, Stream};
use muchuan_funding_explorer::core::export::Day;
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::money::format_amount;
use muchuan_funding_explorer::core::scenario::{Action, Outcome, Scenario};
use muchuan_funding_explorer::core::totals::Totals;

fn with_outcome(
    dataset: &Dataset,
    scenario: &Scenario,
    stream: &str,
    outcome: Outcome,
) -> Scenario {
    let stream = dataset.stream_index(stream).expect("stream exists");
    scenario
        .apply(dataset, Action::SetOutcome { stream, outcome })
        .expect("outcome applies")
}

/// What the name line of `name` carries after the name (`""` for nothing); `None` when no
/// line starts with the name.
fn after_name(svg: &str, name: &str) -> Option<String> {
    texts(svg)
        .iter()
        .find_map(|t| t.strip_prefix(name).map(str::to_owned))
}

#[test]
fn a_sought_streams_bar_is_marked_and_a_granted_ones_is_not() {
    let dataset = muchuan();
    let name = |id: &str, lang: Lang| {
        let i = dataset.stream_index(id).expect("stream");
        escaped(dataset.streams[i].name.get(lang))
    };
    let baseline = Scenario::baseline(&dataset);
    let totals = Totals::compute(&dataset, &baseline);
    let svg = stream_bars(&dataset, &baseline, &totals, Lang::ZhHans, 1000, "s").svg;
    for bid in ["training-base", "ecommerce-city"] {
        assert_eq!(
            after_name(&svg, &name(bid, Lang::ZhHans)).as_deref(),
            Some("（正在争取）"),
            "{bid}"
        );
    }
    for granted in ["guaranteed-loans", "ecommerce-projects", "tech-projects"] {
        assert_eq!(
            after_name(&svg, &name(granted, Lang::ZhHans)).as_deref(),
            Some(""),
            "{granted}"
        );
    }
    // Two bids and no outcome assumed: the legend explains the one marker used.
    let labels = texts(&svg);
    assert_eq!(
        labels.iter().filter(|l| l.contains("（正在争取）")).count(),
        3
    );
    assert!(
        labels
            .iter()
            .any(|l| l == "名称后标注（正在争取）的，为尚未获批的资金")
    );
    assert!(!labels.iter().any(|l| l.starts_with("标注（假定")));

    // The planner assumes the training base granted: marked as an assumption, not as granted.
    let assumed = with_outcome(&dataset, &baseline, "training-base", Outcome::Granted);
    let totals = Totals::compute(&dataset, &assumed);
    let english = stream_bars(&dataset, &assumed, &totals, Lang::En, 1000, "s");
    // Words mark a bid; its bar is drawn to the same scale as every other.
    let marked = stream_bars(&dataset, &assumed, &totals, Lang::ZhHans, 1000, "s").svg;
    assert_eq!(scenario_bar_widths(&marked), scenario_bar_widths(&svg));
    assert_eq!(scenario_bar_widths(&svg).len(), 8);
    assert_eq!(
        after_name(&english.svg, &name("training-base", Lang::En)).as_deref(),
        Some(" (Assumed granted)")
    );
    assert_eq!(
        after_name(&english.svg, &name("ecommerce-city", Lang::En)).as_deref(),
        Some(" (Being sought)")
    );
    assert_eq!(
        after_name(&english.svg, &name("guaranteed-loans", Lang::En)).as_deref(),
        Some("")
    );
    let labels = texts(&english.svg);
    assert!(
        labels
            .iter()
            .any(|l| l == "(Being sought) after a name: money not yet granted")
    );
    assert!(
        labels
            .iter()
            .any(|l| l.starts_with("(Assumed …): the outcome this scenario"))
    );
    assert!(
        english
            .description
            .contains(" 2 of them are bids, marked with their status"),
        "{}",
        english.description
    );

    // A bid planned higher is still a bid.
    let more = set_amount(&dataset, &baseline, "training-base", 25_000_000);
    let svg = stream_bars(
        &dataset,
        &more,
        &Totals::compute(&dataset, &more),
        Lang::ZhHans,
        1000,
        "s",
    )
    .svg;
    assert_eq!(
        after_name(&svg, &name("training-base", Lang::ZhHans)).as_deref(),
        Some("（正在争取）")
    );
}

#[test]
fn a_long_name_is_shortened_and_its_marker_kept_whole() {
    let mut dataset = muchuan();
    let training = dataset.stream_index("training-base").expect("stream");
    dataset.streams[training].name.zh_hans = Some("字".repeat(500));
    let scenario = Scenario::baseline(&dataset);
    let totals = Totals::compute(&dataset, &scenario);
    for width in [1000, 280] {
        let svg = stream_bars(&dataset, &scenario, &totals, Lang::ZhHans, width, "s").svg;
        let line = texts(&svg)
            .into_iter()
            .find(|w| w.starts_with("字字"))
            .expect("the name");
        assert!(line.ends_with("字…（正在争取）"), "{width}: {line}");
        // The whole line fits inside the margins.
        let room = f64::from(width) - 24.0;
        assert!(measure(&line, 13.0, true) <= room, "{width}: {line}");
        assert!(
            measure(&line, 13.0, true) > room - 14.0,
            "{width}: the name fills the line"
        );
    }
}

/// Muchuan's streams and one more per entry of `bids`, a bid where it is `true`, else a grant;
/// each of 1万 and a little, below the source's amounts, so that they are summed in the
/// "others" row.
fn with_small_streams(bids: &[bool]) -> Dataset {
    let mut dataset = muchuan();
    let template = |id: &str| dataset.streams[dataset.stream_index(id).expect("a stream")].clone();
    let (bid, grant) = (template("ecommerce-city"), template("sye-project"));
    for (i, is_bid) in bids.iter().enumerate() {
        dataset.streams.push(Stream {
            id: format!("small-{i}"),
            amount: Some(10_000 + i as i64),
            ..if *is_bid { bid.clone() } else { grant.clone() }
        });
    }
    dataset
}

#[test]
fn the_others_row_says_how_many_bids_it_sums() {
    // 17 streams with an amount: the 12 largest drawn, the 5 smallest (small-0 to small-4)
    // summed, of them 2 bids (small-0 and small-3).
    let bids: Vec<bool> = (0..9).map(|i| i % 3 == 0).collect();
    let dataset = with_small_streams(&bids);
    let scenario = Scenario::baseline(&dataset);
    let totals = Totals::compute(&dataset, &scenario);
    let chart = stream_bars(&dataset, &scenario, &totals, Lang::ZhHans, 1000, "s");
    let labels = texts(&chart.svg);
    assert!(
        labels
            .iter()
            .any(|l| l == "其他 5 项（含 2 项正在争取的资金）"),
        "{labels:?}"
    );
    let english = stream_bars(&dataset, &scenario, &totals, Lang::En, 1000, "s");
    assert!(
        texts(&english.svg)
            .iter()
            .any(|l| l == "5 other streams (including 2 bids)")
    );
    assert!(
        english.description.contains(" 5 of them are bids"),
        "{}",
        english.description
    );
    // Without bids among the summed streams, the row carries nothing.
    let grants = with_small_streams(&[false; 6]);
    let scenario = Scenario::baseline(&grants);
    let totals = Totals::compute(&grants, &scenario);
    let labels = texts(&stream_bars(&grants, &scenario, &totals, Lang::ZhHans, 1000, "s").svg);
    assert!(labels.iter().any(|l| l == "其他 2 项"), "{labels:?}");
}

#[test]
fn the_basis_line_carries_the_totals_figures() {
    let dataset = muchuan();
    let baseline = Scenario::baseline(&dataset);
    let totals = Totals::compute(&dataset, &baseline);
    assert_eq!(totals.pending_sought, 20_300_000);
    assert_eq!(
        basis_line(&totals, true, Lang::ZhHans),
        "统计口径：总额含正在争取的资金 2,030万元（尚未获批）"
    );
    assert_eq!(
        basis_line(&totals, true, Lang::En),
        "Basis: the grand total includes CNY 20.3 million still being sought (not yet granted)"
    );

    // Sought money left out, and the training base assumed granted: what is still sought
    // (the city e-commerce funds) is not counted; 2,000万元 is counted on an assumption.
    let assumed = with_outcome(&dataset, &baseline, "training-base", Outcome::Granted)
        .apply(&dataset, Action::SetCountSought(false))
        .expect("applies");
    let totals = Totals::compute(&dataset, &assumed);
    assert_eq!(
        (totals.pending_sought, totals.assumed_granted),
        (300_000, 20_000_000)
    );
    assert_eq!(
        basis_line(&totals, false, Lang::ZhHans),
        "统计口径：正在争取的资金 30万元 未计入总额；计入假定获批 2,000万元"
    );
    assert_eq!(
        basis_line(&totals, false, Lang::ZhHant),
        "統計口徑：正在爭取的資金 30萬元 未計入總額；計入假定獲批 2,000萬元"
    );

    // Both bids settled: granted money alone.
    let settled = with_outcome(&dataset, &assumed, "ecommerce-city", Outcome::Refused);
    let totals = Totals::compute(&dataset, &settled);
    assert_eq!(
        basis_line(&totals, false, Lang::ZhHans),
        "统计口径：计入假定获批 2,000万元"
    );
    let refused = with_outcome(&dataset, &settled, "training-base", Outcome::Refused);
    let totals = Totals::compute(&dataset, &refused);
    assert_eq!(
        basis_line(&totals, true, Lang::En),
        "Basis: granted money only"
    );
}

/// In English the sought figure is the part of the grand total the totals panel writes: where
/// rounded parts would not add up to the rounded total, all three are exact.
#[test]
fn in_english_the_sought_figure_is_written_as_the_totals_panel_writes_it() {
    let dataset = muchuan();
    let baseline = Scenario::baseline(&dataset);
    let odd = set_amount(
        &dataset,
        &set_amount(&dataset, &baseline, "tech-projects", 6_004_000),
        "ecommerce-city",
        304_000,
    );
    let totals = Totals::compute(&dataset, &odd);
    assert_eq!(totals.pending_sought, 20_304_000);
    // On its own it would read CNY 20.3 million; beside 17.58 and 37.89 million, exact.
    assert_eq!(
        format_amount(20_304_000, Lang::En.money_style()),
        "CNY 20.3 million"
    );
    assert_eq!(sought_figure(&totals, Lang::En), "CNY 20,304,000");
    assert!(basis_line(&totals, true, Lang::En).contains("includes CNY 20,304,000 still"));
    // Left out of the grand total, it is written on its own, as the panel does then.
    let left_out = odd
        .apply(&dataset, Action::SetCountSought(false))
        .expect("applies");
    let totals = Totals::compute(&dataset, &left_out);
    assert_eq!(sought_figure(&totals, Lang::En), "CNY 20.3 million");
}

#[test]
fn a_chart_file_shows_the_basis_above_the_chart_and_in_its_description() {
    let dataset = muchuan();
    let scenario = with_outcome(
        &dataset,
        &Scenario::baseline(&dataset),
        "training-base",
        Outcome::Partial(50),
    );
    let totals = Totals::compute(&dataset, &scenario);
    let basis = basis_line(&totals, true, Lang::ZhHans);
    assert_eq!(
        basis,
        "统计口径：总额含正在争取的资金 30万元（尚未获批）；计入假定获批 1,000万元"
    );
    let caption = FileCaption {
        scenario: "会议",
        date: Day {
            year: 2026,
            month: 12,
            day: 6,
        },
        lang: Lang::ZhHans,
        origin: None,
    };
    for chart in [
        stream_bars(&dataset, &scenario, &totals, Lang::ZhHans, 800, "f"),
        kind_shares(&dataset, &scenario, &totals, Lang::ZhHans, 800, "f"),
        flow(&dataset, &scenario, &totals, Lang::ZhHans, 800, "f"),
    ] {
        let plain = chart_file(&chart, &dataset, caption, &[]);
        let file = chart_file(&chart, &dataset, caption, &[&basis]);
        let line = file
            .svg
            .lines()
            .find(|l| l.ends_with(&format!(">{basis}</text>")))
            .expect("the basis, visible");
        assert!(!line.contains("font-weight"), "{line}");
        let basis_at = file.svg.find(&format!(">{basis}<")).expect("drawn");
        let chart_at = file.svg.find("<svg x=\"0\"").expect("the chart");
        assert!(basis_at < chart_at, "above the chart");
        assert!(
            file.svg.contains(&format!(
                "<desc id=\"file-desc\">{}{basis}</desc>",
                chart.description
            )),
            "read out with the description"
        );
        // The line takes room: the chart moves down and the file grows by as much.
        assert!(
            file.svg.contains("<svg x=\"0\" y=\"99\""),
            "{}",
            chart.title
        );
        assert_eq!(file.height, plain.height + 18);
        assert!(!plain.svg.contains("统计口径"));
    }
}
