//! Money still sought is marked in the stream bars: a planner's review found the charts drew
//! bids and granted money alike.

#[path = "common/chart_svg.rs"]
mod chart_svg;

use chart_svg::{escaped, muchuan, scenario_bar_widths, set_amount, texts};
use muchuan_funding_explorer::charts::stream_bars;
use muchuan_funding_explorer::charts::text::measure;
use muchuan_funding_explorer::core::dataset::Dataset;
use muchuan_funding_explorer::core::lang::Lang;
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
