//! A sankey-style diagram: counted money flowing from agencies (left) to kinds (right).

use std::collections::BTreeMap;

use plotters::style::RGBColor;

use crate::charts::canvas::{self, Anchor, Font, Labels};
use crate::charts::text::{fit, measure, width as text_width, wrap};
use crate::charts::{
    ChartSvg, ChartTable, Selection, TOP_NODES, agency_name, kind_name, layout_width, message,
    money, palette, select_top, spoken,
};
use crate::core::dataset::Dataset;
use crate::core::id_index::IdIndex;
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
/// The most points per band edge (the cubic curve is drawn as a polygon); fewer on a band that
/// rises or falls less, which bends less.
const CURVE_STEPS: usize = 32;

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
/// its edges cubic curves drawn as polygon points. Names (wrapped to two lines) and amounts
/// label the nodes.
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
            let drawn = thickness.max(1.0);
            let top_edge = curve((lx1, y_left), (rx0, *y_right));
            let bottom_edge = curve((rx0, *y_right + drawn), (lx1, y_left + drawn));
            let outline: Vec<(f64, f64)> = top_edge.iter().chain(&bottom_edge).copied().collect();
            canvas.polygon(&outline, target.colour, palette::BAND_OPACITY)?;
            canvas.line(&top_edge, target.colour, 0.8)?;
            canvas.line(&bottom_edge, target.colour, 0.8)?;
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

/// Points along the S-curve from `from` to `to` (a cubic Bézier with both control points at
/// the middle x, so the band leaves and arrives horizontally).
fn curve(from: (f64, f64), to: (f64, f64)) -> Vec<(f64, f64)> {
    let mid = (from.0 + to.0) / 2.0;
    // Straight segments stray from the curve by about 0.75 × rise / steps² px: this keeps
    // that under half a pixel. A flat band is one segment.
    let steps = (1.5 * (to.1 - from.1).abs())
        .sqrt()
        .ceil()
        .clamp(1.0, CURVE_STEPS as f64) as usize;
    (0..=steps)
        .map(|step| {
            let t = step as f64 / steps as f64;
            let u = 1.0 - t;
            let x = u * u * u * from.0
                + 3.0 * u * u * t * mid
                + 3.0 * u * t * t * mid
                + t * t * t * to.0;
            let y = u * u * u * from.1
                + 3.0 * u * u * t * from.1
                + 3.0 * u * t * t * to.1
                + t * t * t * to.1;
            (x, y)
        })
        .collect()
}

/// The counted money of each (agency, kind) pair with any, by agency then kind position.
fn counted_pairs(dataset: &Dataset, totals: &Totals) -> BTreeMap<(usize, usize), i64> {
    let mut pairs: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    let agency_ids = IdIndex::new(dataset.agencies.iter().map(|a| a.id.as_str()));
    let kind_ids = IdIndex::new(dataset.kinds.iter().map(|k| k.id.as_str()));
    for (stream, counted) in dataset.streams.iter().zip(&totals.streams) {
        let amount = counted.total();
        if amount <= 0 {
            continue;
        }
        if let (Some(a), Some(k)) = (agency_ids.get(&stream.agency), kind_ids.get(&stream.kind)) {
            *pairs.entry((a, k)).or_insert(0) += amount;
        }
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
    let mut rows: Vec<Vec<String>> = pairs
        .iter()
        .map(|(&(a, k), &amount)| {
            vec![
                agency_name(dataset, a, lang),
                kind_name(dataset, k, lang),
                money(lang, amount),
            ]
        })
        .collect();
    rows.push(vec![
        message(lang, "charts.total", &[]),
        String::new(),
        money(lang, pairs.values().sum()),
    ]);
    ChartTable::new(
        lang,
        &["charts.col.agency", "charts.col.kind", "charts.col.amount"],
        rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The y of the broken line through `points` at `x` (points in increasing x).
    fn broken_line_at(points: &[(f64, f64)], x: f64) -> f64 {
        let segment = points
            .windows(2)
            .find(|pair| pair[0].0 <= x && x <= pair[1].0)
            .expect("x within the line");
        let (a, b) = (segment[0], segment[1]);
        if b.0 == a.0 {
            return a.1;
        }
        a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0)
    }

    #[test]
    fn curve_stays_within_half_a_pixel_with_points_by_rise() {
        let exact = |t: f64, from: (f64, f64), to: (f64, f64)| {
            let s = |a: f64, b: f64| a + (b - a) * (1.5 * t - 1.5 * t * t + t * t * t);
            let y = from.1 + (to.1 - from.1) * (3.0 * t * t - 2.0 * t * t * t);
            (s(from.0, to.0), y)
        };
        let mut counts = Vec::new();
        for rise in [0.0, 2.0, 12.0, 60.0, 200.0, 600.0] {
            let (from, to) = ((20.0, 30.0), (260.0, 30.0 + rise));
            let points = curve(from, to);
            counts.push(points.len());
            for i in 0..=1000 {
                let (x, y) = exact(f64::from(i) / 1000.0, from, to);
                let off = (broken_line_at(&points, x) - y).abs();
                assert!(off <= 0.5, "rise {rise}: {off} px off at x {x}");
            }
        }
        // A flat band is one segment; the steeper a band, the more points, up to the most.
        assert_eq!(counts.first(), Some(&2));
        assert_eq!(curve((20.0, 0.0), (260.0, 2000.0)).len(), CURVE_STEPS + 1);
        assert!(
            counts.windows(2).all(|pair| pair[0] <= pair[1]),
            "{counts:?}"
        );
    }

    #[test]
    fn curve_runs_from_end_to_end_monotonically() {
        let points = curve((10.0, 100.0), (110.0, 20.0));
        assert_eq!(points.first(), Some(&(10.0, 100.0)));
        assert_eq!(points.last(), Some(&(110.0, 20.0)));
        assert!(
            points
                .windows(2)
                .all(|w| w[0].0 <= w[1].0 && w[0].1 >= w[1].1)
        );
    }
}
