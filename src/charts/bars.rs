//! The horizontal paired-bar layout shared by [`super::stream_bars`] and
//! [`super::compare_bars`]: per row a name line, a solid bar and a hatched bar, each with its
//! amount as text.
//!
//! Bars start at the left axis and are proportional to their amounts: one scale for the whole
//! chart, the largest bar filling the room left of the widest amount label.
//!
//! A row may carry a marker after its name (a bid's status), explained by key lines under the
//! legend ([`Marks`]): words, so that what the marker says does not rest on colour.

use plotters::style::RGBColor;

use crate::charts::canvas::{self, Anchor, Canvas, Drawn, Font, Labels};
use crate::charts::palette;
use crate::charts::text::{fit, fit_styled, is_wide, measure, width as text_width, wrap};

/// Side margin in px.
const PAD: f64 = 12.0;
/// Height of the legend band at the top.
const LEGEND_H: f64 = 34.0;
/// Height of the name line above a row's bars.
const NAME_H: f64 = 19.0;
/// Height of the solid bar.
const FIRST_H: f64 = 14.0;
/// Gap between the two bars.
const BAR_GAP: f64 = 3.0;
/// Space after a row.
const ROW_GAP: f64 = 15.0;
/// Font size of names.
const NAME_SIZE: f64 = 13.0;
/// Font size of the solid bar's amount.
const LABEL_SIZE: f64 = 12.0;
/// Font size of the hatched bar's amount.
const SECOND_LABEL_SIZE: f64 = 11.0;
/// The narrowest the bar area gets, however long the labels.
const MIN_BAR_AREA: f64 = 60.0;
/// Font size of the key lines under the legend.
const KEY_SIZE: f64 = 12.0;
/// Height of one key line.
const KEY_LINE_H: f64 = 17.0;
/// The most lines one key entry takes.
const KEY_LINES: usize = 2;

/// What a row shows.
pub(crate) enum RowBars {
    /// Two bars.
    Bars {
        /// The first bar's amount.
        first: i64,
        /// How much of the first bar counts (drawn solid; the rest outlined), when less.
        first_counted: Option<i64>,
        /// The hatched bar's amount.
        second: i64,
        /// How much of the hatched bar counts (hatched; the rest outlined), when less.
        second_counted: Option<i64>,
        /// Text after the solid bar.
        first_label: String,
        /// Text after the hatched bar, if any.
        second_label: Option<String>,
    },
    /// No bars: this text instead (amount not stated).
    Note(String),
}

/// One row: a name and its bars.
pub(crate) struct Row {
    /// The name, cleaned (shortened here to fit).
    pub name: String,
    /// The bars or a note.
    pub bars: RowBars,
}

/// The two series: legend words, colours, and the hatched bar's height.
pub(crate) struct Series {
    /// Legend text of the solid bars.
    pub first: String,
    /// Colour of the solid bars.
    pub first_colour: RGBColor,
    /// Legend text of the hatched bars.
    pub second: String,
    /// Colour of the hatched bars.
    pub second_colour: RGBColor,
    /// Height of the hatched bars in px.
    pub second_height: f64,
    /// Whether the hatched bars' labels are as prominent as the solid ones' (two scenarios
    /// of equal standing) or smaller and muted (a baseline for reference).
    pub second_prominent: bool,
    /// Legend text of the outlined part of a first bar (money not counted), when a row has one.
    pub uncounted: Option<String>,
}

/// What rows carry besides their bars.
#[derive(Default)]
pub(crate) struct Marks {
    /// Per row, in the order of the rows: the marker after its name, if any (kept whole,
    /// the name shortened to leave it room).
    pub rows: Vec<Option<String>>,
    /// What the markers mean: one entry per kind of marker drawn, each on its own lines
    /// under the legend.
    pub key: Vec<String>,
}

/// The laid-out chart height for `rows`, under a legend of `legend_h` px.
fn height_of(rows: &[Row], series: &Series, legend_h: f64) -> f64 {
    let rows_h: f64 = rows
        .iter()
        .map(|row| match row.bars {
            RowBars::Bars { .. } => NAME_H + FIRST_H + BAR_GAP + series.second_height + ROW_GAP,
            RowBars::Note(_) => NAME_H + 16.0 + ROW_GAP,
        })
        .sum();
    legend_h + rows_h
}

/// Draws `rows` at `width` px with `marks` after their names and the key under the legend;
/// returns the SVG and its height.
pub(crate) fn draw_marked(
    rows: &[Row],
    series: &Series,
    marks: &Marks,
    width: u32,
    labels: &Labels<'_>,
) -> (String, u32) {
    let w = f64::from(width);
    let inner = w - 2.0 * PAD;
    let key: Vec<String> = marks
        .key
        .iter()
        .flat_map(|entry| wrap(entry, inner, KEY_SIZE, false, KEY_LINES))
        .collect();
    let entries = legend_entries(series, inner);
    // Rows of the legend after its first push the key and the bars down.
    let extra = LEGEND_ROW_H * entries.last().map_or(0, |e| e.row) as f64;
    let legend_h = LEGEND_H + extra + KEY_LINE_H * key.len() as f64;
    let height = height_of(rows, series, legend_h).ceil() as u32;
    let (second_size, second_font) = if series.second_prominent {
        (LABEL_SIZE, Font::regular(LABEL_SIZE))
    } else {
        (SECOND_LABEL_SIZE, Font::regular(SECOND_LABEL_SIZE).muted())
    };
    let reserve = rows
        .iter()
        .filter_map(|row| match &row.bars {
            RowBars::Bars {
                first_label,
                second_label,
                ..
            } => Some(
                text_width(first_label, LABEL_SIZE).max(
                    second_label
                        .as_deref()
                        .map_or(0.0, |l| text_width(l, second_size)),
                ),
            ),
            RowBars::Note(_) => None,
        })
        .fold(0.0, f64::max)
        + 10.0;
    let area = (inner - reserve).max(MIN_BAR_AREA);
    let max_value = rows
        .iter()
        .filter_map(|row| match row.bars {
            RowBars::Bars { first, second, .. } => Some(first.max(second)),
            RowBars::Note(_) => None,
        })
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = |amount: i64| amount.max(0) as f64 / max_value as f64 * area;

    let svg = canvas::render(width, height, labels, |canvas| {
        legend(canvas, series, &entries)?;
        for (i, line) in key.iter().enumerate() {
            let top = LEGEND_H + extra - 6.0 + KEY_LINE_H * i as f64;
            canvas.text(
                line,
                PAD,
                top,
                Anchor::Start,
                Font::regular(KEY_SIZE).muted(),
            )?;
        }
        let x0 = PAD + 1.0;
        let mut y = legend_h;
        for (i, row) in rows.iter().enumerate() {
            name_line(
                canvas,
                &row.name,
                marks.rows.get(i).and_then(Option::as_ref),
                y,
                inner,
            )?;
            let top = y + NAME_H;
            match &row.bars {
                RowBars::Bars {
                    first,
                    first_counted,
                    second,
                    second_counted,
                    first_label,
                    second_label,
                } => {
                    let bottom = top + FIRST_H + BAR_GAP + series.second_height;
                    canvas.line(&[(PAD, top - 2.0), (PAD, bottom + 2.0)], palette::RULE, 1.0)?;
                    let w1 = scale(*first);
                    // The counted part solid, the part not counted outlined.
                    let solid = first_counted.map_or(w1, |c| scale(c.min(*first)));
                    canvas.rect(x0, top, x0 + solid, top + FIRST_H, series.first_colour)?;
                    if solid < w1 {
                        outline(
                            canvas,
                            x0 + solid,
                            top,
                            x0 + w1,
                            top + FIRST_H,
                            series.first_colour,
                        )?;
                    }
                    let label = fit(first_label, inner - w1 - 6.0, LABEL_SIZE);
                    canvas.text(
                        &label,
                        x0 + w1.round() + 6.0,
                        top + FIRST_H / 2.0 - LABEL_SIZE * 0.46,
                        Anchor::Start,
                        Font::regular(LABEL_SIZE),
                    )?;
                    let top2 = top + FIRST_H + BAR_GAP;
                    let w2 = scale(*second);
                    let hatched = second_counted.map_or(w2, |c| scale(c.min(*second)));
                    let bottom2 = top2 + series.second_height;
                    canvas.hatched(x0, top2, x0 + hatched, bottom2, series.second_colour)?;
                    if hatched < w2 {
                        outline(
                            canvas,
                            x0 + hatched,
                            top2,
                            x0 + w2,
                            bottom2,
                            series.second_colour,
                        )?;
                    }
                    if let Some(second_label) = second_label {
                        let label = fit(second_label, inner - w2 - 6.0, second_size);
                        canvas.text(
                            &label,
                            x0 + w2.round() + 6.0,
                            top2 + series.second_height / 2.0 - second_size * 0.46,
                            Anchor::Start,
                            second_font,
                        )?;
                    }
                    y = bottom + ROW_GAP;
                }
                RowBars::Note(note) => {
                    canvas.line(&[(PAD, top - 2.0), (PAD, top + 16.0)], palette::RULE, 1.0)?;
                    let note = fit(note, inner - 8.0, LABEL_SIZE);
                    canvas.text(
                        &note,
                        x0 + 6.0,
                        top + 1.0,
                        Anchor::Start,
                        Font::regular(LABEL_SIZE).muted(),
                    )?;
                    y = top + 16.0 + ROW_GAP;
                }
            }
        }
        Ok(())
    });
    (svg, height)
}

/// A row's name with its marker after it, as one text (a text measured apart would leave a gap
/// as wide as the estimate's error); a long name is shortened to leave the marker room, so
/// that the marker is never the part cut off.
fn name_line(
    canvas: &Canvas<'_>,
    name: &str,
    marker: Option<&String>,
    y: f64,
    inner: f64,
) -> Drawn {
    let line = match marker {
        None => fit_styled(name, inner, NAME_SIZE, true),
        Some(marker) => {
            // A full-width bracket carries its own space; a Latin one wants a word space.
            let gap = if marker.starts_with(is_wide) { "" } else { " " };
            let marker = format!("{gap}{}", fit_styled(marker, inner * 0.7, NAME_SIZE, true));
            let room = inner - measure(&marker, NAME_SIZE, true);
            format!("{}{marker}", fit_styled(name, room, NAME_SIZE, true))
        }
    };
    canvas.text(
        &line,
        PAD,
        y,
        Anchor::Start,
        Font::regular(NAME_SIZE).bold(),
    )
}

/// A legend entry's swatch.
#[derive(Clone, Copy)]
enum Swatch {
    Solid,
    Hatched,
    Outlined,
}

/// A legend entry placed: its swatch's left edge, its row, and its words (cut only when they
/// would not fit a row of their own).
struct Entry {
    swatch: Swatch,
    x: f64,
    row: usize,
    text: String,
}

/// Font size of the legend.
const LEGEND_SIZE: f64 = 12.0;
/// Height of a legend row after the first.
const LEGEND_ROW_H: f64 = 17.0;
/// From a swatch's left edge to its words.
const SWATCH_W: f64 = 24.0;
/// Between one entry's words and the next swatch.
const ENTRY_GAP: f64 = 18.0;

/// The legend's entries, left to right, wrapping to a new row where the next would not fit:
/// a solid swatch with its words, a hatched one, and (when a bar has money not counted) an
/// outlined one. Words are cut only past a whole row, so a narrow chart reads "未计入总额（空心）"
/// on a second row, never "未计入总…".
fn legend_entries(series: &Series, inner: f64) -> Vec<Entry> {
    let room = (inner - SWATCH_W).max(40.0);
    let words = [
        (Swatch::Solid, Some(&series.first)),
        (Swatch::Hatched, Some(&series.second)),
        (Swatch::Outlined, series.uncounted.as_ref()),
    ];
    let (mut x, mut row) = (PAD, 0);
    let mut entries = Vec::new();
    for (swatch, text) in words {
        let Some(text) = text else { continue };
        let text = fit(text, room, LEGEND_SIZE);
        let width = SWATCH_W + text_width(&text, LEGEND_SIZE);
        if x > PAD && x + width > PAD + inner {
            (x, row) = (PAD, row + 1);
        }
        entries.push(Entry {
            swatch,
            x,
            row,
            text,
        });
        x += width + ENTRY_GAP;
    }
    entries
}

/// Draws the legend's entries.
fn legend(canvas: &Canvas<'_>, series: &Series, entries: &[Entry]) -> Drawn {
    for entry in entries {
        let (x, y) = (entry.x, 9.0 + LEGEND_ROW_H * entry.row as f64);
        match entry.swatch {
            Swatch::Solid => canvas.rect(x, y + 1.0, x + 18.0, y + 12.0, series.first_colour)?,
            Swatch::Hatched => {
                canvas.hatched(x, y + 1.0, x + 18.0, y + 12.0, series.second_colour)?;
            }
            Swatch::Outlined => {
                outline(canvas, x, y + 1.0, x + 18.0, y + 12.0, series.first_colour)?
            }
        }
        canvas.text(
            &entry.text,
            x + SWATCH_W,
            y,
            Anchor::Start,
            Font::regular(LEGEND_SIZE),
        )?;
    }
    Ok(())
}

/// The edges of a rectangle, not filled.
fn outline(canvas: &Canvas<'_>, x0: f64, y0: f64, x1: f64, y1: f64, colour: RGBColor) -> Drawn {
    // The stroke is drawn inside the box, so the outline ends where a solid bar would.
    let (x1, y1) = ((x1 - 1.0).max(x0), (y1 - 1.0).max(y0));
    canvas.line(
        &[(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)],
        colour,
        1.0,
    )
}
