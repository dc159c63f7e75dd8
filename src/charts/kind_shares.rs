//! The grand total split by kind: one 100% stacked bar and a legend with every figure.

use plotters::style::RGBColor;

use crate::charts::canvas::{self, Anchor, Font, Labels};
use crate::charts::text::{fit, fit_styled, measure, width as text_width};
use crate::charts::{
    Cell, ChartSvg, ChartTable, TOP_NODES, kind_cell, kind_name, layout_width, message, money,
    palette, select_top, spoken,
};
use crate::core::dataset::Dataset;
use crate::core::lang::Lang;
use crate::core::money::format_tenths_percent;
use crate::core::scenario::Scenario;
use crate::core::totals::{Group, Totals};

/// Side margin in px.
const PAD: f64 = 12.0;
/// Top of the stacked bar (percentages above it).
const BAR_TOP: f64 = 26.0;
/// Height of the stacked bar.
const BAR_H: f64 = 30.0;
/// Font size of the legend.
const SIZE: f64 = 12.0;

/// One segment of the bar and its legend row.
struct Part {
    /// The kind's name (or "N others").
    name: String,
    /// Its counted money.
    amount: i64,
    /// Its share in tenths of a percent.
    tenths: i64,
    /// Its fill.
    colour: RGBColor,
}

/// The share of the grand total by kind, as one horizontal 100% stacked bar (kinds in
/// dataset order, left to right) with each segment's percentage above it where it fits, and
/// a legend row per kind with its name, amount and percentage.
///
/// Amounts are the counted money of each kind ([`crate::core::totals::Group::counted`]);
/// percentages are its `share_tenths`, which add to exactly 100.0%, and the segments are
/// laid out from the running sum of tenths, so they fill the bar exactly. With more than
/// [`TOP_NODES`] + 1 kinds, the smaller ones share one "others" segment. The scenario is not
/// read beyond its totals; it is taken for a signature uniform with the other charts.
pub fn kind_shares(
    dataset: &Dataset,
    _scenario: &Scenario,
    totals: &Totals,
    lang: Lang,
    width: u32,
    id_prefix: &str,
) -> ChartSvg {
    let width = layout_width(width);
    let name = |k: usize| kind_name(dataset, k, lang);
    // A kind none of whose streams states an amount has no share to draw (not a zero): the
    // totals panel says so.
    let groups: Vec<&Group> = totals.by_kind.iter().filter(|g| g.stated > 0).collect();
    let candidates: Vec<(usize, i64)> = groups
        .iter()
        .enumerate()
        .map(|(position, g)| (position, g.counted.total()))
        .collect();
    let pick = select_top(&candidates, TOP_NODES);
    let mut parts: Vec<Part> = pick
        .shown
        .iter()
        .filter_map(|p| groups.get(*p).copied())
        .map(|g| Part {
            name: name(g.index),
            amount: g.counted.total(),
            tenths: g.share_tenths,
            colour: palette::series(g.index),
        })
        .collect();
    if !pick.rest.is_empty() {
        let rest: Vec<_> = pick
            .rest
            .iter()
            .filter_map(|p| groups.get(*p).copied())
            .collect();
        parts.push(Part {
            name: message(
                lang,
                "charts.others-nodes",
                &[("count", &rest.len().to_string())],
            ),
            amount: rest.iter().map(|g| g.counted.total()).sum(),
            tenths: rest.iter().map(|g| g.share_tenths).sum(),
            colour: palette::RULE,
        });
    }
    let grand = totals.grand();
    let amount_share = |amount: &str, percent: &str| {
        message(
            lang,
            "charts.amount-share",
            &[("amount", amount), ("percent", percent)],
        )
    };

    let title = message(lang, "charts.kinds.title", &[]);
    let list: Vec<String> = parts
        .iter()
        .map(|p| {
            message(
                lang,
                "charts.kinds.item",
                &[
                    ("name", &spoken(&p.name)),
                    ("amount", &money(lang, p.amount)),
                    ("percent", &format_tenths_percent(p.tenths)),
                ],
            )
        })
        .collect();
    let description = if grand > 0 {
        message(
            lang,
            "charts.kinds.desc",
            &[
                ("total", &money(lang, grand)),
                ("list", &list.join(&message(lang, "charts.sep", &[]))),
            ],
        )
    } else {
        message(lang, "charts.nothing-counted", &[])
    };

    // Layout: the bar, then one legend row per part (two lines each when narrow).
    let w = f64::from(width);
    let inner = w - 2.0 * PAD;
    let amounts: Vec<String> = parts.iter().map(|p| money(lang, p.amount)).collect();
    let percents: Vec<String> = parts
        .iter()
        .map(|p| format_tenths_percent(p.tenths))
        .collect();
    let widest = |texts: &[String]| {
        texts
            .iter()
            .map(|t| text_width(t, SIZE))
            .fold(0.0, f64::max)
    };
    let (amounts_w, percents_w) = (widest(&amounts), widest(&percents));
    let names_w = parts
        .iter()
        .map(|p| measure(&p.name, SIZE, true))
        .fold(0.0, f64::max);
    // Wide: name, amount and percentage on one line, in columns (amounts and percentages
    // right-aligned just after the longest name, so they line up and stay near their names);
    // narrow: "amount · percentage" under the name.
    let name_room_wide = inner - 20.0 - 16.0 - amounts_w - 14.0 - percents_w;
    let narrow = names_w > name_room_wide;
    let amounts_right = PAD + 20.0 + names_w.min(name_room_wide) + 16.0 + amounts_w;
    let percents_right = amounts_right + 14.0 + percents_w;
    let row_h = if narrow { 38.0 } else { 24.0 };
    let legend_top = BAR_TOP + BAR_H + 18.0;
    let height = (legend_top + row_h * parts.len() as f64 + 6.0).ceil() as u32;
    let labels = Labels {
        lang,
        id_prefix,
        title: &title,
        description: &description,
    };
    let nothing = message(lang, "charts.nothing-counted", &[]);
    let svg = canvas::render(width, height, &labels, |canvas| {
        if grand <= 0 {
            canvas.hatched(PAD, BAR_TOP, w - PAD, BAR_TOP + BAR_H, palette::RULE)?;
            let note = fit(&nothing, inner - 8.0, SIZE);
            canvas.text(
                &note,
                w / 2.0,
                BAR_TOP + 8.0,
                Anchor::Middle,
                Font::regular(SIZE),
            )?;
        } else {
            let x_at = |tenths: i64| PAD + tenths as f64 / 1000.0 * inner;
            let mut running = 0;
            let last = parts.iter().rposition(|p| p.tenths > 0);
            for (position, part) in parts.iter().enumerate() {
                if part.tenths <= 0 {
                    continue;
                }
                let start = x_at(running);
                running += part.tenths;
                let end = x_at(running);
                // A white gap of 2 px between segments keeps each one apart from its
                // neighbour whatever their colours.
                let left = if running == part.tenths {
                    start
                } else {
                    start + 1.0
                };
                let right = if Some(position) == last {
                    end
                } else {
                    end - 1.0
                };
                canvas.rect(
                    left,
                    BAR_TOP,
                    right.max(left + 1.0),
                    BAR_TOP + BAR_H,
                    part.colour,
                )?;
                let percent = format_tenths_percent(part.tenths);
                if text_width(&percent, 11.0) + 4.0 <= end - start {
                    canvas.text(
                        &percent,
                        (start + end) / 2.0,
                        BAR_TOP - 16.0,
                        Anchor::Middle,
                        Font::regular(11.0),
                    )?;
                }
            }
        }
        for (i, part) in parts.iter().enumerate() {
            let y = legend_top + row_h * i as f64;
            let (amount, percent) = (&amounts[i], &percents[i]);
            canvas.rect(PAD, y + 1.0, PAD + 12.0, y + 13.0, part.colour)?;
            if narrow {
                let name = fit_styled(&part.name, inner - 20.0, SIZE, true);
                canvas.text(
                    &name,
                    PAD + 20.0,
                    y,
                    Anchor::Start,
                    Font::regular(SIZE).bold(),
                )?;
                let figure = amount_share(amount, percent);
                let figure = fit(&figure, inner - 20.0, SIZE);
                canvas.text(
                    &figure,
                    PAD + 20.0,
                    y + 16.0,
                    Anchor::Start,
                    Font::regular(SIZE),
                )?;
            } else {
                let name = fit_styled(&part.name, name_room_wide, SIZE, true);
                canvas.text(
                    &name,
                    PAD + 20.0,
                    y,
                    Anchor::Start,
                    Font::regular(SIZE).bold(),
                )?;
                canvas.text(amount, amounts_right, y, Anchor::End, Font::regular(SIZE))?;
                canvas.text(percent, percents_right, y, Anchor::End, Font::regular(SIZE))?;
            }
        }
        Ok(())
    });
    ChartSvg {
        svg,
        title,
        description,
        width,
        height,
    }
}

/// The data of [`kind_shares`] as a table: every kind that states an amount (amount, share),
/// then the total.
pub fn kind_shares_table(
    dataset: &Dataset,
    _scenario: &Scenario,
    totals: &Totals,
    lang: Lang,
) -> ChartTable {
    let groups = &totals.by_kind;
    let mut rows: Vec<Vec<Cell>> = groups
        .iter()
        .filter(|g| g.stated > 0)
        .map(|g| {
            vec![
                kind_cell(dataset, g.index, lang),
                money(lang, g.counted.total()).into(),
                format_tenths_percent(g.share_tenths).into(),
            ]
        })
        .collect();
    rows.push(vec![
        message(lang, "charts.total", &[]).into(),
        money(lang, totals.grand()).into(),
        format_tenths_percent(groups.iter().map(|g| g.share_tenths).sum()).into(),
    ]);
    ChartTable::new(
        lang,
        &["charts.col.kind", "charts.col.amount", "charts.col.share"],
        rows,
    )
}
