//! Charts drawn with plotters' SVG backend into strings: pure Rust, no web dependency, so the
//! native tests can read the SVG.
//!
//! - [`stream_bars`]: each stream's scenario amount (solid bar) against its baseline (hatched
//!   bar). At most [`TOP_STREAMS`] streams are drawn, the largest by scenario amount, plus one
//!   row summing the others; the table keeps every stream. Streams without a stated amount
//!   are labelled rows, never zero bars.
//! - [`kind_shares`]: the grand total split by kind, as one 100% stacked bar with a labelled
//!   legend (percentages from [`Totals::by_kind`](crate::core::totals::Totals), exactly 100.0).
//! - [`flow`]: a sankey-style diagram from agencies to kinds of the money counted.
//! - [`compare_bars`]: two scenarios side by side, stream by stream; [`compare_basis`] says
//!   what each scenario's grand total counts.
//!
//! Each returns a [`ChartSvg`]: the SVG (scalable through its `viewBox` and `width="100%"`,
//! `role="img"` with a `<title>` and a `<desc>` giving its main figures) and the same title and
//! description as text. [`stream_bars_table`], [`kind_shares_table`] and [`flow_table`] give
//! the same data as a [`ChartTable`] for a "show as table" view, built apart because it is
//! wanted rarely and, listing every stream, can cost more than the drawing.
//! All fixed words come from `locales/charts.yml`; names come from the dataset in the chosen
//! language; amounts are formatted by [`crate::core::money::format_amount`]. Names are hostile
//! input: they are cleaned of control characters, escaped (by plotters in the drawing, here in
//! the `<title>` and `<desc>`), and shortened with an ellipsis to fit (the table keeps the whole
//! name).
//!
//! A bid's bar carries its status after its name (in the comparison, after each bar's amount:
//! the two scenarios may assume different outcomes); under each chart's title the view and the
//! file show one line, [`basis::basis_line`] (one per scenario in the comparison), on what the
//! money counts besides money granted.
//!
//! The charts draw no visible title: the view shows [`ChartSvg::title`] as the heading. A
//! downloaded chart is wrapped by [`file::chart_file`] with a visible title, the scenario, the
//! date and the source, at a fixed pixel size.

mod bars;
pub mod basis;
mod canvas;
mod compare_bars;
pub mod file;
mod flow;
mod kind_shares;
pub mod markup;
pub mod palette;
mod stream_bars;
pub mod text;

pub use compare_bars::{CompareSide, compare_bars, compare_basis};
pub use flow::{flow, flow_table};
pub use kind_shares::{kind_shares, kind_shares_table};
pub use stream_bars::{stream_bars, stream_bars_table};

use crate::core::dataset::{Dataset, Localized};
use crate::core::lang::Lang;
use crate::core::money::format_amount;

/// The most streams [`stream_bars`] and [`compare_bars`] draw; the rest are summed in one row.
pub const TOP_STREAMS: usize = 12;
/// The most agencies or kinds [`flow`] and [`kind_shares`] draw on one side; the rest are
/// summed in one node or segment.
pub const TOP_NODES: usize = 10;
/// The narrowest layout width in px; narrower requests are laid out at this width (the SVG
/// still scales down with its container).
pub const MIN_WIDTH: u32 = 280;
/// The widest layout width in px.
pub const MAX_WIDTH: u32 = 2400;

/// A drawn chart and the same information as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartSvg {
    /// The SVG document: `<svg viewBox="0 0 W H" width="100%" role="img" …>` with `<title>`
    /// and `<desc>` as its first children.
    pub svg: String,
    /// The chart's title (also the SVG's `<title>`), for the view's heading.
    pub title: String,
    /// What the chart shows, with its main figures (also the SVG's `<desc>`).
    pub description: String,
    /// The layout width in px (the `viewBox` width).
    pub width: u32,
    /// The layout height in px (the `viewBox` height).
    pub height: u32,
}

/// A table cell's text, and the language it is in where that is not the table's: a county's
/// table may name its streams in Chinese only, and an English voice would read them as letters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// What the cell says.
    pub text: String,
    /// The language of `text`, when it is not the table's.
    pub lang: Option<Lang>,
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { text, lang: None }
    }
}

/// A chart's data as rows of text cells, for "show as table".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChartTable {
    /// The column headings.
    pub header: Vec<String>,
    /// The rows, each with one cell per heading; the first cell names the row.
    pub rows: Vec<Vec<Cell>>,
    /// How many leading columns hold names; the columns after them hold figures.
    pub name_columns: usize,
}

impl ChartTable {
    /// A table with the messages `header_keys` in `lang` as column headings.
    pub(crate) fn new(lang: Lang, header_keys: &[&str], rows: Vec<Vec<Cell>>) -> ChartTable {
        ChartTable {
            header: header_keys
                .iter()
                .map(|key| message(lang, key, &[]))
                .collect(),
            rows,
            name_columns: 1,
        }
    }

    /// The same table with its first `count` columns holding names.
    pub(crate) fn with_name_columns(self, count: usize) -> ChartTable {
        ChartTable {
            name_columns: count,
            ..self
        }
    }
}

/// The chart message `key` in `lang` with each `%{name}` replaced by its value in one pass,
/// so a value that itself contains `%{…}` (a hostile name) is left as written.
pub(crate) fn message(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    let template = crate::i18n::text(lang, key);
    let mut out = String::with_capacity(template.len());
    let mut rest = template.as_str();
    while let Some(start) = rest.find("%{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[start..start + 3 + end]),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// `amount` as the language writes it (`273万元`, `CNY 2.73 million`).
pub(crate) fn money(lang: Lang, amount: i64) -> String {
    format_amount(amount, lang.money_style())
}

/// A bar's label: its planned amount, and what the grand total takes of it where that is less
/// (sought money not granted, granted in part, or left out): `CNY 20 million (in the grand
/// total: CNY 0)`.
pub(crate) fn amount_label(lang: Lang, amount: i64, counted: i64) -> String {
    if counted == amount {
        return money(lang, amount);
    }
    message(
        lang,
        "charts.amount-counted",
        &[
            ("amount", &money(lang, amount)),
            ("counted", &money(lang, counted)),
        ],
    )
}

/// The layout width for a requested width.
pub(crate) fn layout_width(width: u32) -> u32 {
    width.clamp(MIN_WIDTH, MAX_WIDTH)
}

/// A dataset name in `lang` cleaned for display, with the language it is really in where that
/// is another; `fallback` (an id) when the name is empty.
fn display_name(name: &Localized, fallback: &str, lang: Lang) -> Cell {
    if let Some((words, shown)) = name.resolve(lang) {
        let text = text::clean(words);
        if !text.is_empty() {
            let lang = (shown != lang).then_some(shown);
            return Cell { text, lang };
        }
    }
    Cell::from(text::clean(fallback))
}

/// The name of stream `i` in `lang`, cleaned for display, as a table cell.
pub(crate) fn stream_cell(dataset: &Dataset, i: usize, lang: Lang) -> Cell {
    (dataset.streams.get(i)).map_or_else(Cell::default, |x| display_name(&x.name, &x.id, lang))
}

/// The name of kind `k` in `lang`, cleaned for display, as a table cell.
pub(crate) fn kind_cell(dataset: &Dataset, k: usize, lang: Lang) -> Cell {
    (dataset.kinds.get(k)).map_or_else(Cell::default, |x| display_name(&x.name, &x.id, lang))
}

/// The name of agency `a` in `lang`, cleaned for display, as a table cell.
pub(crate) fn agency_cell(dataset: &Dataset, a: usize, lang: Lang) -> Cell {
    (dataset.agencies.get(a)).map_or_else(Cell::default, |x| display_name(&x.name, &x.id, lang))
}

/// The name of stream `i` in `lang`, cleaned for display.
pub(crate) fn stream_name(dataset: &Dataset, i: usize, lang: Lang) -> String {
    stream_cell(dataset, i, lang).text
}

/// The name of kind `k` in `lang`, cleaned for display.
pub(crate) fn kind_name(dataset: &Dataset, k: usize, lang: Lang) -> String {
    kind_cell(dataset, k, lang).text
}

/// The name of agency `a` in `lang`, cleaned for display.
pub(crate) fn agency_name(dataset: &Dataset, a: usize, lang: Lang) -> String {
    agency_cell(dataset, a, lang).text
}

/// The most characters of a name quoted in a title or description.
const SPOKEN_NAME_CHARS: usize = 80;

/// `name` cut to [`SPOKEN_NAME_CHARS`] characters with an ellipsis, for titles and
/// descriptions (a screen reader should not read out a 10,000-character name).
pub(crate) fn spoken(name: &str) -> String {
    if name.chars().count() <= SPOKEN_NAME_CHARS {
        return name.to_owned();
    }
    let mut short: String = name.chars().take(SPOKEN_NAME_CHARS - 1).collect();
    short.push(text::ELLIPSIS);
    short
}

/// Which of some candidates to draw one by one and which to sum into one "others" entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Selection {
    /// The candidates drawn, in their original order.
    pub shown: Vec<usize>,
    /// The candidates summed into one entry, in their original order.
    pub rest: Vec<usize>,
}

/// Picks the `n` largest of `candidates` (id, amount) by amount, earlier first on a tie; all of
/// them when at most `n + 1` (an "others" of one would hide a name for nothing).
pub(crate) fn select_top(candidates: &[(usize, i64)], n: usize) -> Selection {
    if candidates.len() <= n + 1 {
        return Selection {
            shown: candidates.iter().map(|(id, _)| *id).collect(),
            rest: Vec::new(),
        };
    }
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|a, b| candidates[*b].1.cmp(&candidates[*a].1).then(a.cmp(b)));
    let mut shown_positions: Vec<usize> = order[..n].to_vec();
    let mut rest_positions: Vec<usize> = order[n..].to_vec();
    shown_positions.sort_unstable();
    rest_positions.sort_unstable();
    Selection {
        shown: shown_positions.iter().map(|p| candidates[*p].0).collect(),
        rest: rest_positions.iter().map(|p| candidates[*p].0).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_in_one_pass() {
        assert_eq!(
            message(
                Lang::En,
                "charts.baseline-amount",
                &[("amount", "%{amount}")]
            ),
            "baseline %{amount}"
        );
        assert_eq!(
            message(Lang::En, "charts.baseline-amount", &[]),
            "baseline %{amount}"
        );
        assert_eq!(message(Lang::ZhHans, "charts.scenario", &[]), "方案");
    }

    #[test]
    fn selects_the_largest_in_order() {
        let candidates: Vec<(usize, i64)> = (0..20).map(|i| (i, (i as i64 * 7) % 11)).collect();
        let pick = select_top(&candidates, 5);
        assert_eq!(pick.shown.len(), 5);
        assert_eq!(pick.rest.len(), 15);
        assert!(pick.shown.windows(2).all(|w| w[0] < w[1]));
        let smallest_shown = pick.shown.iter().map(|i| candidates[*i].1).min();
        let largest_rest = pick.rest.iter().map(|i| candidates[*i].1).max();
        assert!(smallest_shown >= largest_rest);
        assert_eq!(select_top(&candidates[..6], 5).rest, Vec::<usize>::new());
    }
}
