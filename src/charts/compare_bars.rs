//! Two scenarios side by side, stream by stream, each bid's bar marked with its standing in
//! that scenario, and the basis of each scenario's grand total.

use crate::charts::bars::{self, Marks, Row, RowBars, Series};
use crate::charts::basis::{basis_parts, bids_marker, marker_key, standing};
use crate::charts::canvas::Labels;
use crate::charts::text::clean;
use crate::charts::{
    ChartSvg, TOP_STREAMS, amount_label, layout_width, message, money, palette, select_top, spoken,
    stream_name,
};
use crate::core::dataset::Dataset;
use crate::core::lang::Lang;
use crate::core::money::format_delta;
use crate::core::scenario::{Outcome, Scenario};
use crate::core::totals::Totals;

/// One of the two scenarios a comparison shows.
#[derive(Clone, Copy, Debug)]
pub struct CompareSide<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Its totals.
    pub totals: &'a Totals,
    /// Its name as the view shows it ("Plan A"); cleaned and escaped here.
    pub label: &'a str,
}

/// Grouped bars per stream: scenario `b` (by default the one on screen) as a solid bar in the
/// colour the stream chart gives the planned amount, scenario `a` (by default the baseline) as
/// a hatched bar below it in the baseline's colour, so a colour means the same in every chart.
/// Each is labelled with its planned amount (and what the grand total takes of it, where that
/// is less); the part the grand total does not take is outlined, not filled. A bid's bar says
/// after its amount its standing in that scenario (（正在争取） or the outcome assumed), since two
/// scenarios may assume different outcomes for one bid; key lines under the legend say what
/// these mean. The largest difference the description names is in what the grand totals take,
/// as in the view's comparison table.
///
/// Rows follow the dataset's order. With more than [`TOP_STREAMS`] + 1 streams with an
/// amount, the [`TOP_STREAMS`] with the largest amount in either scenario are drawn and one
/// row sums the others (the view's comparison table lists every stream). Streams without a
/// stated amount are one labelled row each (one row for all when more than three).
pub fn compare_bars(
    dataset: &Dataset,
    a: CompareSide<'_>,
    b: CompareSide<'_>,
    lang: Lang,
    width: u32,
    id_prefix: &str,
) -> ChartSvg {
    let width = layout_width(width);
    let count = dataset.streams.len();
    let label_a = spoken(&clean(a.label));
    let label_b = spoken(&clean(b.label));
    let amount_a = |i: usize| a.scenario.amount(i);
    let amount_b = |i: usize| b.scenario.amount(i);
    let name = |i: usize| stream_name(dataset, i, lang);
    let not_stated = message(lang, "charts.not-stated", &[]);
    let is_bid = |i: usize| bid_outcome(dataset, a.scenario, i).is_some();

    // A stream is stated when either scenario has an amount for it.
    let stated: Vec<(usize, i64)> = (0..count)
        .filter(|i| amount_a(*i).is_some() || amount_b(*i).is_some())
        .map(|i| (i, amount_a(i).unwrap_or(0).max(amount_b(i).unwrap_or(0))))
        .collect();
    let unstated: Vec<usize> = (0..count)
        .filter(|i| amount_a(*i).is_none() && amount_b(*i).is_none())
        .collect();
    let pick = select_top(&stated, TOP_STREAMS);
    let value_a = |i: usize| amount_a(i).unwrap_or(0);
    let value_b = |i: usize| amount_b(i).unwrap_or(0);
    let label_of_a = |i: usize| amount_label(lang, value_a(i), a.totals.added(i));
    let label_of_b = |i: usize| amount_label(lang, value_b(i), b.totals.added(i));

    let mut shown: Vec<usize> = pick.shown.clone();
    if unstated.len() <= 3 {
        shown.extend(&unstated);
        shown.sort_unstable();
    }
    let mut rows: Vec<Row> = shown
        .iter()
        .map(|&i| {
            if amount_a(i).is_some() || amount_b(i).is_some() {
                Row {
                    name: name(i),
                    bars: side_bars(dataset, (a, b), i, lang),
                }
            } else {
                Row {
                    name: name(i),
                    bars: RowBars::Note(not_stated.clone()),
                }
            }
        })
        .collect();
    let mut marked: Vec<Option<String>> = vec![None; rows.len()];
    if !pick.rest.is_empty() {
        let label = message(
            lang,
            "charts.others-streams",
            &[("count", &pick.rest.len().to_string())],
        );
        let sum = |f: &dyn Fn(usize) -> i64| pick.rest.iter().map(|&i| f(i)).sum::<i64>();
        let (rest_a, rest_b) = (sum(&value_a), sum(&value_b));
        let (added_a, added_b) = (sum(&|i| a.totals.added(i)), sum(&|i| b.totals.added(i)));
        rows.push(Row {
            name: label,
            bars: RowBars::Bars {
                first: rest_b,
                first_counted: (added_b < rest_b).then_some(added_b),
                second: rest_a,
                second_counted: (added_a < rest_a).then_some(added_a),
                first_label: amount_label(lang, rest_b, added_b),
                second_label: Some(amount_label(lang, rest_a, added_a)),
            },
        });
        // A summed row says how many bids it holds, as in the stream chart.
        let rest_bids = pick.rest.iter().filter(|&&i| is_bid(i)).count();
        marked.push(bids_marker(rest_bids, lang));
    }
    if unstated.len() > 3 {
        rows.push(Row {
            name: message(
                lang,
                "charts.not-stated-group",
                &[("count", &unstated.len().to_string())],
            ),
            bars: RowBars::Note(not_stated.clone()),
        });
        marked.push(None);
    }

    // The key explains only the markers drawn: a bid still being sought, an outcome assumed.
    let drawn: Vec<Outcome> = shown
        .iter()
        .filter(|&&i| amount_a(i).is_some() || amount_b(i).is_some())
        .flat_map(|&i| {
            [
                bid_outcome(dataset, a.scenario, i),
                bid_outcome(dataset, b.scenario, i),
            ]
        })
        .flatten()
        .collect();
    let key = marker_key(
        &drawn,
        lang,
        ["charts.compare.key.sought", "charts.compare.key.assumed"],
    );
    let marks = Marks { rows: marked, key };

    let title = message(
        lang,
        "charts.compare.title",
        &[("a", &label_a), ("b", &label_b)],
    );
    let mut description = message(
        lang,
        "charts.compare.desc",
        &[
            ("count", &count.to_string()),
            ("a", &label_a),
            ("b", &label_b),
            ("total_a", &money(lang, a.totals.grand())),
            ("total_b", &money(lang, b.totals.grand())),
            (
                "delta",
                &format_delta(b.totals.grand() - a.totals.grand(), lang.money_style()),
            ),
        ],
    );
    let gap = |i: usize| (i128::from(b.totals.added(i)) - i128::from(a.totals.added(i))).abs();
    if let Some(&(largest, _)) = stated
        .iter()
        .filter(|(i, _)| gap(*i) != 0)
        .max_by(|x, y| gap(x.0).cmp(&gap(y.0)).then(y.0.cmp(&x.0)))
    {
        description.push_str(&message(
            lang,
            "charts.compare.largest",
            &[
                ("name", &spoken(&name(largest))),
                ("amount_a", &label_of_a(largest)),
                ("amount_b", &label_of_b(largest)),
            ],
        ));
    }
    let bids = (0..count).filter(|&i| is_bid(i)).count();
    if bids > 0 {
        description.push_str(&message(
            lang,
            "charts.compare.marked",
            &[("count", &bids.to_string())],
        ));
    }

    let uncounted = rows.iter().any(|row| {
        matches!(
            row.bars,
            RowBars::Bars {
                first_counted: Some(_),
                ..
            } | RowBars::Bars {
                second_counted: Some(_),
                ..
            }
        )
    });
    let series = Series {
        first: label_b.clone(),
        first_colour: palette::PRIMARY,
        second: label_a.clone(),
        second_colour: palette::BASELINE,
        second_prominent: true,
        second_height: 14.0,
        uncounted: uncounted.then(|| message(lang, "charts.uncounted", &[])),
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

/// Stream `i`'s two bars: `b` solid, `a` hatched (see [`compare_bars`]), each with the part
/// its grand total does not take outlined, and a bid's standing in that scenario after its
/// amount.
fn side_bars(
    dataset: &Dataset,
    (a, b): (CompareSide<'_>, CompareSide<'_>),
    i: usize,
    lang: Lang,
) -> RowBars {
    let bar = |side: CompareSide<'_>| {
        let amount = side.scenario.amount(i).unwrap_or(0);
        let counted = side.totals.added(i);
        let label = match (
            bid_outcome(dataset, side.scenario, i),
            dataset.streams.get(i),
        ) {
            (Some(outcome), Some(stream)) => {
                let words = standing(stream.status, outcome, lang);
                marked_label(lang, amount, counted, &words)
            }
            _ => amount_label(lang, amount, counted),
        };
        (amount, (counted < amount).then_some(counted), label)
    };
    let (first, first_counted, first_label) = bar(b);
    let (second, second_counted, second_label) = bar(a);
    RowBars::Bars {
        first,
        first_counted,
        second,
        second_counted,
        first_label,
        second_label: Some(second_label),
    }
}

/// The outcome `scenario` assumes for stream `i` when it is a bid; `None` for money granted.
fn bid_outcome(dataset: &Dataset, scenario: &Scenario, i: usize) -> Option<Outcome> {
    let stream = dataset.streams.get(i)?;
    (!stream.status.is_granted()).then(|| scenario.outcome(i))
}

/// A bid's bar label: its amount, its standing in brackets, and what the grand total takes of
/// it where that is less: `2,000万元（正在争取，计入总额 0元）`.
fn marked_label(lang: Lang, amount: i64, counted: i64, words: &str) -> String {
    let amount_text = money(lang, amount);
    if counted == amount {
        return message(
            lang,
            "charts.compare.amount-marked",
            &[("amount", &amount_text), ("words", words)],
        );
    }
    message(
        lang,
        "charts.compare.amount-marked-counted",
        &[
            ("amount", &amount_text),
            ("words", words),
            ("counted", &money(lang, counted)),
        ],
    )
}

/// One line per scenario, `a` then `b`, saying what its grand total counts besides money
/// granted (in the words of [`crate::charts::basis::basis_line`]), for under the chart's title
/// and in its file.
pub fn compare_basis(a: CompareSide<'_>, b: CompareSide<'_>, lang: Lang) -> [String; 2] {
    [a, b].map(|side| {
        message(
            lang,
            "charts.compare.basis",
            &[
                ("name", &spoken(&clean(side.label))),
                (
                    "parts",
                    &basis_parts(side.totals, side.scenario.count_sought, lang),
                ),
            ],
        )
    })
}
