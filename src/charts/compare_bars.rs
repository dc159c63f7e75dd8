//! Two scenarios side by side, stream by stream.

use crate::charts::bars::{self, Row, RowBars, Series};
use crate::charts::canvas::Labels;
use crate::charts::text::clean;
use crate::charts::{
    ChartSvg, TOP_STREAMS, layout_width, message, money, palette, select_top, spoken, stream_name,
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

/// Grouped bars per stream: scenario `a` as a solid bar, scenario `b` as a hatched bar below
/// it, each labelled with its planned amount.
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
    let amount_a = |i: usize| a.scenario.amounts.get(i).copied().flatten();
    let amount_b = |i: usize| b.scenario.amounts.get(i).copied().flatten();
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

    let bar_row = |name: String, x: i64, y: i64| Row {
        name,
        bars: RowBars::Bars {
            first: x,
            second: y,
            first_label: money(lang, x),
            second_label: Some(money(lang, y)),
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
                bar_row(name(i), value_a(i), value_b(i))
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
        let rest_a = pick.rest.iter().map(|i| value_a(*i)).sum();
        let rest_b = pick.rest.iter().map(|i| value_b(*i)).sum();
        rows.push(bar_row(label, rest_a, rest_b));
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
    if let Some(&(largest, _)) = stated
        .iter()
        .filter(|(i, _)| value_a(*i) != value_b(*i))
        .max_by(|x, y| {
            let gap = |i: usize| (i128::from(value_b(i)) - i128::from(value_a(i))).abs();
            gap(x.0).cmp(&gap(y.0)).then(y.0.cmp(&x.0))
        })
    {
        description.push_str(&message(
            lang,
            "charts.compare.largest",
            &[
                ("name", &spoken(&name(largest))),
                ("amount_a", &money(lang, value_a(largest))),
                ("amount_b", &money(lang, value_b(largest))),
            ],
        ));
    }

    let series = Series {
        first: label_a.clone(),
        first_colour: palette::PRIMARY,
        second: label_b.clone(),
        second_colour: palette::SECONDARY,
        second_prominent: true,
        second_height: 14.0,
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
