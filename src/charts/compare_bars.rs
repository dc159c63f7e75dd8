//! Two scenarios side by side, stream by stream.

use crate::charts::bars::{self, Row, RowBars, Series};
use crate::charts::canvas::Labels;
use crate::charts::text::clean;
use crate::charts::{
    ChartSvg, TOP_STREAMS, amount_label, layout_width, message, money, palette, select_top, spoken,
    stream_name,
};
use crate::core::dataset::Dataset;
use crate::core::lang::Lang;
use crate::core::money::format_delta;
use crate::core::scenario::Scenario;
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
/// is less). The largest difference the description names is in what the grand totals take,
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

    // `b` is the solid bar, `a` the hatched one (see the doc above).
    let bar_row = |name: String, in_a: i64, in_b: i64, a_label: String, b_label: String| Row {
        name,
        bars: RowBars::Bars {
            first: in_b,
            first_counted: None,
            second: in_a,
            first_label: b_label,
            second_label: Some(a_label),
        },
    };
    let mut shown: Vec<usize> = pick.shown.clone();
    if unstated.len() <= 3 {
        shown.extend(&unstated);
        shown.sort_unstable();
    }
    let mut rows: Vec<Row> = shown
        .iter()
        .map(|&i| {
            if amount_a(i).is_some() || amount_b(i).is_some() {
                bar_row(
                    name(i),
                    value_a(i),
                    value_b(i),
                    label_of_a(i),
                    label_of_b(i),
                )
            } else {
                Row {
                    name: name(i),
                    bars: RowBars::Note(not_stated.clone()),
                }
            }
        })
        .collect();
    if !pick.rest.is_empty() {
        let label = message(
            lang,
            "charts.others-streams",
            &[("count", &pick.rest.len().to_string())],
        );
        let (rest_a, rest_b, added_a, added_b) =
            pick.rest.iter().fold((0, 0, 0, 0), |(x, y, p, q), &i| {
                (
                    x + value_a(i),
                    y + value_b(i),
                    p + a.totals.added(i),
                    q + b.totals.added(i),
                )
            });
        rows.push(bar_row(
            label,
            rest_a,
            rest_b,
            amount_label(lang, rest_a, added_a),
            amount_label(lang, rest_b, added_b),
        ));
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
    }

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

    let series = Series {
        first: label_b.clone(),
        first_colour: palette::PRIMARY,
        second: label_a.clone(),
        second_colour: palette::BASELINE,
        second_prominent: true,
        second_height: 14.0,
        uncounted: None,
    };
    let labels = Labels {
        lang,
        id_prefix,
        title: &title,
        description: &description,
    };
    let (svg, height) = bars::draw(&rows, &series, width, &labels);
    ChartSvg {
        svg,
        title,
        description,
        width,
        height,
    }
}
