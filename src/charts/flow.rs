//! A sankey-style diagram: counted money flowing from agencies (left) to kinds (right).

use std::collections::BTreeMap;

use plotters::style::RGBColor;

use crate::charts::canvas::{self, Anchor, Font, Labels};
use crate::charts::text::{fit, measure, width as text_width, wrap};
use crate::charts::{
    Cell, ChartSvg, ChartTable, Selection, TOP_NODES, agency_cell, agency_name, kind_cell,
    kind_name, layout_width, message, money, palette, select_top, spoken,
};
use crate::core::dataset::Dataset;
use crate::core::lang::Lang;
use crate::core::scenario::Scenario;
use crate::core::totals::Totals;

/// Side margin in px.
const PAD: f64 = 12.0;
/// Width of a node rectangle.
const NODE_W: f64 = 10.0;
/// Font size of labels.
const SIZE: f64 = 12.0;
/// Height of a label line.
const LINE_H: f64 = 15.0;
/// Space between two nodes' slots.
const GAP: f64 = 12.0;

/// A node on one side.
struct Node {
    /// The agency's or kind's name (or "N others").
    name: String,
    /// Its counted money.
    amount: i64,
    /// Its fill.
    colour: RGBColor,
    /// Laid out: the top of the node rectangle.
    y: f64,
    /// Laid out: the node rectangle's height.
    h: f64,
    /// Laid out: the label, one line each (the amount last).
    lines: Vec<String>,
    /// Laid out: the top of the label.
    label_y: f64,
}

/// Money flowing from agencies (left) to kinds (right) under the scenario: each node a
/// rectangle as tall as its amount, each (agency, kind) pair a band as thick as its amount,
/// its edges cubic curves. Names (wrapped to two lines) and amounts label the nodes.
///
/// Only streams whose counted money ([`Totals::streams`]) is above zero contribute: a stream
/// without an amount, refused, or sought while sought money is not counted draws nothing.
/// With more than [`TOP_NODES`] + 1 agencies (or kinds), the smaller ones share one "others"
/// node; the table lists every (agency, kind) pair.
pub fn flow(
    dataset: &Dataset,
    _scenario: &Scenario,
    totals: &Totals,
    lang: Lang,
    width: u32,
    id_prefix: &str,
) -> ChartSvg {
    let width = layout_width(width);
    let agency_name = |a: usize| agency_name(dataset, a, lang);
    let kind_name = |k: usize| kind_name(dataset, k, lang);

    // (agency, kind) → counted money, and each side's totals.
    let pairs = counted_pairs(dataset, totals);
    let mut agency_totals: BTreeMap<usize, i64> = BTreeMap::new();
    let mut kind_totals: BTreeMap<usize, i64> = BTreeMap::new();
    for (&(a, k), &amount) in &pairs {
        *agency_totals.entry(a).or_insert(0) += amount;
        *kind_totals.entry(k).or_insert(0) += amount;
    }
    let total: i64 = pairs.values().sum();

    let left_pick = select_top(
        &agency_totals
            .iter()
            .map(|(a, t)| (*a, *t))
            .collect::<Vec<_>>(),
        TOP_NODES,
    );
    let right_pick = select_top(
        &kind_totals
            .iter()
            .map(|(k, t)| (*k, *t))
            .collect::<Vec<_>>(),
        TOP_NODES,
    );
    let side = |pick: &Selection,
                totals: &BTreeMap<usize, i64>,
                name: &dyn Fn(usize) -> String,
                colour: &dyn Fn(usize) -> RGBColor| {
        let mut nodes: Vec<Node> = pick
            .shown
            .iter()
            .map(|i| node(name(*i), totals.get(i).copied().unwrap_or(0), colour(*i)))
            .collect();
        if !pick.rest.is_empty() {
            let label = message(
                lang,
                "charts.others-nodes",
                &[("count", &pick.rest.len().to_string())],
            );
            let amount = pick.rest.iter().filter_map(|i| totals.get(i)).sum();
            nodes.push(node(label, amount, palette::RULE));
        }
        nodes
    };
    let mut left = side(&left_pick, &agency_totals, &agency_name, &|_| {
        palette::AGENCY
    });
    let mut right = side(&right_pick, &kind_totals, &kind_name, &palette::series);
    let node_of = |pick: &Selection, id: usize| {
        pick.shown
            .iter()
            .position(|x| *x == id)
            .unwrap_or(pick.shown.len())
    };
    let mut bands: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    for (&(a, k), &amount) in &pairs {
        *bands
            .entry((node_of(&left_pick, a), node_of(&right_pick, k)))
            .or_insert(0) += amount;
    }

    // Title and description.
    let title = message(lang, "charts.flow.title", &[]);
    let description = match pairs.iter().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0))) {
        Some((&(a, k), &amount)) => message(
            lang,
            "charts.flow.desc",
            &[
                ("agencies", &agency_totals.len().to_string()),
                ("kinds", &kind_totals.len().to_string()),
                ("total", &money(lang, total)),
                ("from", &spoken(&agency_name(a))),
                ("to", &spoken(&kind_name(k))),
                ("amount", &money(lang, amount)),
            ],
        ),
        None => message(lang, "charts.nothing-counted", &[]),
    };
    // Layout.
    let w = f64::from(width);
    let inner = w - 2.0 * PAD;
    // Label columns, one per side: as wide as that side's longest name (up to a cap, beyond
    // which names wrap) and never narrower than its widest amount (never shortened).
    let cap = (inner * 0.36).min(240.0);
    let column_w = |nodes: &[Node]| {
        let names = nodes
            .iter()
            .map(|n| measure(&n.name, SIZE, true))
            .fold(0.0, f64::max)
            .min(cap);
        let amounts = nodes
            .iter()
            .map(|n| text_width(&money(lang, n.amount), SIZE))
            .fold(0.0, f64::max);
        names.max(amounts).max(40.0).ceil()
    };
    let (left_w, right_w) = (column_w(&left), column_w(&right));
    let lx0 = PAD + left_w + 6.0;
    let lx1 = lx0 + NODE_W;
    let rx1 = w - PAD - right_w - 6.0;
    let rx0 = rx1 - NODE_W;
    let flow_h = (w * 0.42).clamp(200.0, 400.0);
    let scale = if total > 0 {
        flow_h / total as f64
    } else {
        0.0
    };
    let column_h = |nodes: &mut Vec<Node>, label_w: f64| {
        let max_lines = if label_w < 120.0 { 3 } else { 2 };
        let mut y = 0.0;
        for n in nodes.iter_mut() {
            n.lines = wrap(&n.name, label_w, SIZE, true, max_lines);
            n.lines.push(money(lang, n.amount));
            n.h = (n.amount as f64 * scale).max(2.0);
            let label_h = n.lines.len() as f64 * LINE_H;
            let slot = n.h.max(label_h);
            n.y = y + (slot - n.h) / 2.0;
            n.label_y = y + (slot - label_h) / 2.0;
            y += slot + GAP;
        }
        (y - GAP).max(0.0)
    };
    let left_h = column_h(&mut left, left_w);
    let right_h = column_h(&mut right, right_w);
    let content_h = left_h.max(right_h);
    let top = 10.0;
    for (nodes, h) in [(&mut left, left_h), (&mut right, right_h)] {
        let shift = top + (content_h - h) / 2.0;
        for n in nodes.iter_mut() {
            n.y += shift;
            n.label_y += shift;
        }
    }
    let height = if total > 0 {
        (top + content_h + 14.0).ceil() as u32
    } else {
        60
    };

    let labels = Labels {
        lang,
        id_prefix,
        title: &title,
        description: &description,
    };
    let nothing = message(lang, "charts.nothing-counted", &[]);
    let svg = canvas::render(width, height, &labels, |canvas| {
        if total <= 0 {
            let note = fit(&nothing, inner, SIZE);
            return canvas.text(
                &note,
                w / 2.0,
                22.0,
                Anchor::Middle,
                Font::regular(SIZE).muted(),
            );
        }
        // Bands leave each agency in kind order and reach each kind in agency order.
        let mut out_cursor: Vec<f64> = left.iter().map(|n| n.y).collect();
        let mut in_cursor: BTreeMap<usize, f64> =
            right.iter().enumerate().map(|(i, n)| (i, n.y)).collect();
        let mut by_right: Vec<((usize, usize), i64)> =
            bands.iter().map(|(key, v)| (*key, *v)).collect();
        by_right.sort_by_key(|((l, r), _)| (*r, *l));
        let mut starts: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        for (&(l, r), &amount) in &bands {
            if let Some(cursor) = out_cursor.get_mut(l) {
                starts.insert((l, r), *cursor);
                *cursor += amount as f64 * scale;
            }
        }
        for ((l, r), amount) in by_right {
            let (Some(&y_left), Some(y_right), Some(target)) =
                (starts.get(&(l, r)), in_cursor.get_mut(&r), right.get(r))
            else {
                continue;
            };
            let thickness = amount as f64 * scale;
            canvas.band(
                (lx1, y_left),
                (rx0, *y_right),
                thickness.max(1.0),
                target.colour,
                palette::BAND_OPACITY,
                0.8,
            );
            *y_right += thickness;
        }
        for n in &left {
            canvas.rect(lx0, n.y, lx1, n.y + n.h, n.colour)?;
            for (i, line) in n.lines.iter().enumerate() {
                let font = if i + 1 == n.lines.len() {
                    Font::regular(SIZE).muted()
                } else {
                    Font::regular(SIZE).bold()
                };
                canvas.text(
                    line,
                    lx0 - 6.0,
                    n.label_y + i as f64 * LINE_H,
                    Anchor::End,
                    font,
                )?;
            }
        }
        for n in &right {
            canvas.rect(rx0, n.y, rx1, n.y + n.h, n.colour)?;
            for (i, line) in n.lines.iter().enumerate() {
                let font = if i + 1 == n.lines.len() {
                    Font::regular(SIZE).muted()
                } else {
                    Font::regular(SIZE).bold()
                };
                canvas.text(
                    line,
                    rx1 + 6.0,
                    n.label_y + i as f64 * LINE_H,
                    Anchor::Start,
                    font,
                )?;
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

/// A node before layout.
fn node(name: String, amount: i64, colour: RGBColor) -> Node {
    Node {
        name,
        amount,
        colour,
        y: 0.0,
        h: 0.0,
        lines: Vec::new(),
        label_y: 0.0,
    }
}

/// The counted money of each (agency, kind) pair with any, by agency then kind position.
fn counted_pairs(dataset: &Dataset, totals: &Totals) -> BTreeMap<(usize, usize), i64> {
    let mut pairs: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    for (stream, counted) in dataset.streams.iter().zip(&totals.streams) {
        let amount = counted.total();
        if amount <= 0 {
            continue;
        }
        *pairs.entry((stream.agency, stream.kind)).or_insert(0) += amount;
    }
    pairs
}

/// The data of [`flow`] as a table: every (agency, kind) pair with counted money, then the
/// total.
pub fn flow_table(
    dataset: &Dataset,
    _scenario: &Scenario,
    totals: &Totals,
    lang: Lang,
) -> ChartTable {
    let pairs = counted_pairs(dataset, totals);
    let mut rows: Vec<Vec<Cell>> = pairs
        .iter()
        .map(|(&(a, k), &amount)| {
            vec![
                agency_cell(dataset, a, lang),
                kind_cell(dataset, k, lang),
                money(lang, amount).into(),
            ]
        })
        .collect();
    rows.push(vec![
        message(lang, "charts.total", &[]).into(),
        Cell::default(),
        money(lang, pairs.values().sum()).into(),
    ]);
    ChartTable::new(
        lang,
        &["charts.col.agency", "charts.col.kind", "charts.col.amount"],
        rows,
    )
    .with_name_columns(2)
}
