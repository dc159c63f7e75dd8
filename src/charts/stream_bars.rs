//! Per-stream bars: the scenario's planned amount (solid) against the baseline (hatched), with
//! what the grand total takes of it where that is less, and a bid's status after its name.

use crate::charts::bars::{self, Marks, Row, RowBars, Series};
use crate::charts::basis::{bid_marker, bids_marker, marker_key, standing};
use crate::charts::canvas::Labels;
use crate::charts::{
    Cell, ChartSvg, ChartTable, TOP_STREAMS, amount_label, layout_width, message, money, palette,
    select_top, spoken, stream_cell, stream_name,
};
use crate::core::dataset::Dataset;
use crate::core::lang::Lang;
use crate::core::money::format_delta;
use crate::core::scenario::Scenario;
use crate::core::totals::Totals;

/// At most this many streams without a stated amount get a row each; more share one row.
const MAX_NOTE_ROWS: usize = 3;

/// Horizontal bars per stream: the scenario's planned amount as a solid bar labelled with the
/// amount (and what the grand total takes of it, where that is less), the baseline (the
/// dataset's own figure) as a hatched bar, labelled when it differs.
///
/// Rows follow the dataset's order, so they stay put while a slider moves. When there are
/// more than [`TOP_STREAMS`] + 1 streams with an amount, only the [`TOP_STREAMS`] largest by
/// scenario amount are drawn and one row "N other streams" sums the rest (baseline and
/// scenario), which keeps a 1,000-stream chart readable and small; the table still lists
/// every stream. Streams without a stated amount are labelled rows ("amount not stated"),
/// one each up to three, else one row counting them. A bid (money sought, not granted) carries
/// its status after its name, "（正在争取）" or the outcome the planner assumes, and the legend
/// says what these mean; the "others" row says how many bids it sums. `width` is the layout width in px; the
/// SVG scales to its container. `id_prefix` makes the `<title>`/`<desc>` ids unique on a page.
pub fn stream_bars(
    dataset: &Dataset,
    scenario: &Scenario,
    totals: &Totals,
    lang: Lang,
    width: u32,
    id_prefix: &str,
) -> ChartSvg {
    let width = layout_width(width);
    let count = dataset.streams.len();
    let planned = |i: usize| scenario.amount(i);
    let baseline = |i: usize| dataset.streams.get(i).and_then(|s| s.amount).unwrap_or(0);
    let name = |i: usize| stream_name(dataset, i, lang);
    let marker = |i: usize| {
        let status = dataset.streams.get(i)?.status;
        bid_marker(status, scenario.outcome(i), lang)
    };
    let is_bid = |i: usize| {
        dataset
            .streams
            .get(i)
            .is_some_and(|s| !s.status.is_granted())
    };
    let not_stated = message(lang, "charts.not-stated", &[]);

    let stated: Vec<(usize, i64)> = (0..count)
        .filter_map(|i| planned(i).map(|a| (i, a)))
        .collect();
    let unstated: Vec<usize> = (0..count).filter(|i| planned(*i).is_none()).collect();
    let pick = select_top(&stated, TOP_STREAMS);

    // A bar is the planned amount; when the grand total takes less of it (sought money not
    // granted, granted in part, or left out), its label says how much.
    let bar_row = |name: String, now: i64, counted: i64, before: i64| Row {
        name,
        bars: RowBars::Bars {
            first: now,
            first_counted: (counted < now).then_some(counted),
            second: before,
            second_counted: None,
            first_label: amount_label(lang, now, counted),
            second_label: (now != before).then(|| {
                message(
                    lang,
                    "charts.baseline-amount",
                    &[("amount", &money(lang, before))],
                )
            }),
        },
    };
    let mut shown: Vec<usize> = pick.shown.clone();
    if unstated.len() <= MAX_NOTE_ROWS {
        shown.extend(&unstated);
        shown.sort_unstable();
    }
    let mut rows: Vec<Row> = shown
        .iter()
        .map(|&i| match planned(i) {
            Some(now) => bar_row(name(i), now, totals.added(i), baseline(i)),
            None => Row {
                name: name(i),
                bars: RowBars::Note(not_stated.clone()),
            },
        })
        .collect();
    let mut marked: Vec<Option<String>> = shown.iter().map(|&i| marker(i)).collect();
    let rest_now: i64 = pick.rest.iter().filter_map(|i| planned(*i)).sum();
    let rest_before: i64 = pick.rest.iter().map(|i| baseline(*i)).sum();
    let rest_added: i64 = pick.rest.iter().map(|i| totals.added(*i)).sum();
    if !pick.rest.is_empty() {
        let label = message(
            lang,
            "charts.others-streams",
            &[("count", &pick.rest.len().to_string())],
        );
        rows.push(bar_row(label, rest_now, rest_added, rest_before));
        // A summed row says how many bids it holds; the table names them.
        let rest_bids = pick.rest.iter().filter(|&&i| is_bid(i)).count();
        marked.push(bids_marker(rest_bids, lang));
    }
    if unstated.len() > MAX_NOTE_ROWS {
        rows.push(Row {
            name: message(
                lang,
                "charts.not-stated-group",
                &[("count", &unstated.len().to_string())],
            ),
            bars: RowBars::Note(not_stated.clone()),
        });
    }

    // The row counting streams without an amount holds no money to mark.
    marked.resize(rows.len(), None);
    let bids = (0..count).filter(|&i| is_bid(i)).count();
    let marks = Marks {
        key: key(dataset, scenario, lang),
        rows: marked,
    };

    // Title and description.
    let title = message(lang, "charts.streams.title", &[]);
    let total_now: i64 = stated.iter().map(|(_, a)| *a).sum();
    let total_before: i64 = stated.iter().map(|(i, _)| baseline(*i)).sum();
    let mut description = message(
        lang,
        "charts.streams.desc",
        &[
            ("count", &count.to_string()),
            ("total", &money(lang, total_now)),
            ("baseline", &money(lang, total_before)),
            ("grand", &money(lang, totals.grand())),
        ],
    );
    if let Some(&(largest, amount)) = stated
        .iter()
        .filter(|(_, a)| *a > 0)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
    {
        description.push_str(&message(
            lang,
            "charts.streams.largest",
            &[
                ("name", &spoken(&name(largest))),
                ("amount", &money(lang, amount)),
            ],
        ));
    }
    if !pick.rest.is_empty() {
        description.push_str(&message(
            lang,
            "charts.streams.top",
            &[
                ("shown", &pick.shown.len().to_string()),
                ("rest", &pick.rest.len().to_string()),
                ("amount", &money(lang, rest_now)),
            ],
        ));
    }
    if bids > 0 {
        description.push_str(&message(
            lang,
            "charts.streams.marked",
            &[("count", &bids.to_string())],
        ));
    }
    if !unstated.is_empty() {
        description.push_str(&message(
            lang,
            "charts.streams.unstated",
            &[("count", &unstated.len().to_string())],
        ));
    }

    let series = Series {
        first: message(lang, "charts.scenario", &[]),
        first_colour: palette::PRIMARY,
        second: message(lang, "charts.baseline", &[]),
        second_colour: palette::BASELINE,
        second_prominent: false,
        second_height: 10.0,
        uncounted: rows
            .iter()
            .any(|r| {
                matches!(
                    r.bars,
                    RowBars::Bars {
                        first_counted: Some(_),
                        ..
                    }
                )
            })
            .then(|| message(lang, "charts.uncounted", &[])),
    };
    let labels = Labels {
        lang,
        id_prefix,
        title: &title,
        description: &description,
    };
    let (svg, height) = bars::draw_marked(&rows, &series, &marks, width, &labels);
    ChartSvg {
        svg,
        title,
        description,
        width,
        height,
    }
}

/// What the markers of the bids in `scenario` mean: one entry if a bid is still being sought,
/// one if an outcome is assumed for one.
fn key(dataset: &Dataset, scenario: &Scenario, lang: Lang) -> Vec<String> {
    let outcomes: Vec<_> = dataset
        .streams
        .iter()
        .enumerate()
        .filter(|(_, stream)| !stream.status.is_granted())
        .map(|(i, _)| scenario.outcome(i))
        .collect();
    marker_key(&outcomes, lang, ["charts.key.sought", "charts.key.assumed"])
}

/// The data of [`stream_bars`] as a table: every stream (its status, baseline, scenario,
/// change, what the grand total takes of it, whole names), then the totals. Built only when
/// someone asks to see it: at a thousand streams it is most of the chart's cost.
pub fn stream_bars_table(
    dataset: &Dataset,
    scenario: &Scenario,
    totals: &Totals,
    lang: Lang,
) -> ChartTable {
    let planned = |i: usize| scenario.amount(i);
    let not_stated = || Cell::from(message(lang, "charts.not-stated", &[]));
    let (mut total_before, mut total_now) = (0, 0);
    let mut rows: Vec<Vec<Cell>> = dataset
        .streams
        .iter()
        .enumerate()
        .map(|(i, stream)| {
            let name = stream_cell(dataset, i, lang);
            let status = standing(stream.status, scenario.outcome(i), lang).into();
            let before = stream.amount.unwrap_or(0);
            match planned(i) {
                Some(now) => {
                    total_before += before;
                    total_now += now;
                    vec![
                        name,
                        status,
                        money(lang, before).into(),
                        money(lang, now).into(),
                        format_delta(now - before, lang.money_style()).into(),
                        money(lang, totals.added(i)).into(),
                    ]
                }
                None => vec![
                    name,
                    status,
                    not_stated(),
                    not_stated(),
                    Cell::default(),
                    Cell::default(),
                ],
            }
        })
        .collect();
    rows.push(vec![
        message(lang, "charts.total", &[]).into(),
        Cell::default(),
        money(lang, total_before).into(),
        money(lang, total_now).into(),
        format_delta(total_now - total_before, lang.money_style()).into(),
        money(lang, totals.grand()).into(),
    ]);
    ChartTable::new(
        lang,
        &[
            "charts.col.stream",
            "charts.col.status",
            "charts.baseline",
            "charts.scenario",
            "charts.col.change",
            "charts.col.counted",
        ],
        rows,
    )
    .with_name_columns(2)
}
