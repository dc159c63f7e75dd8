//! The scenario as a CSV table for spreadsheets, laid out so that a spreadsheet's SUM
//! reconciles with every total the file states.
//!
//! UTF-8 with a byte-order mark (so spreadsheets pick the right encoding), CRLF line ends,
//! RFC 4180 quoting (see [`crate::csv`]); every record has the same number of cells. Words
//! (headings, statuses, labels) are in the chosen language. Three blocks, a blank row apart:
//!
//! 1. **About** (column A a label, column B its value): the scenario's name, the date of the
//!    export (`2026-12-06`), the dataset's title, where its figures were read from when they are
//!    not the built-in dataset (the line the page header shows), the balance mode and whether
//!    money still being sought is counted in the grand total.
//! 2. **Streams**: a heading row, then one row per stream, in dataset order:
//!
//!    | column | content |
//!    |---|---|
//!    | A–F: id, name, kind, agency, status, outcome | text; the outcome is the assumed one, for sought streams only |
//!    | baseline, planned | the source's and the planned amount, whole yuan; empty where no amount is stated |
//!    | counted | what the stream adds to the grand total (outcome and the sought toggle applied) |
//!    | counted as granted, counted as sought | the counted amount split as the totals split it |
//!    | change | planned minus baseline |
//!    | share % | share of the grand total, one decimal; the shares add to 100.0 |
//!    | baseline, planned, counted in 万元 | Chinese files only: the same amounts in 万元, exact decimals (`2.23`) |
//!    | note | the planner's reason for the change, empty for none |
//!
//! 3. **Totals**: a heading row, then one row per group of stream rows: all streams, the
//!    streams granted in the source (any status but sought), the streams being sought in the
//!    source, and one per kind. Column A names the group; columns B–F hold the sums of the
//!    group's stream rows of the baseline, planned, counted, counted-as-granted and
//!    counted-as-sought columns. Chinese files repeat the block in 万元.
//!
//! Every figure of the totals block is the sum of its group's stream cells, column by column,
//! so a SUM over the stream rows gives it back. Its amounts sit in columns B–F, which hold
//! text in the stream rows: a SUM over a whole amount column (`SUM(H:H)`) counts each stream
//! once and no total.
//!
//! Formula injection: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return (or their full-width forms) gets an apostrophe in front ([`crate::csv::neutralise`]).
//! Numbers are written by this code from integers (plain digits, a leading minus when
//! negative, a decimal point for shares and 万元) and are never prefixed, so they stay numbers.

use std::fmt;

use crate::csv::{BOM, Cell, write_record};
use crate::dataset::{Dataset, Status};
use crate::lang::Lang;
use crate::scenario::{BalanceMode, Outcome, Scenario};
use crate::totals::{Counted, Totals};

/// A calendar day, as the browser's clock gives it at the moment of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    /// The year, e.g. 2026.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

impl fmt::Display for Day {
    /// ISO 8601: `2026-12-06`, read the same in every language and by spreadsheets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What the file says about itself in its first block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum About {
    /// The scenario's name.
    Scenario,
    /// The day of the export.
    Date,
    /// The dataset's title.
    Dataset,
    /// Where the figures were read from, when they are not the built-in dataset.
    Origin,
    /// The balance mode.
    Mode,
    /// Whether sought money is counted.
    Sought,
}

/// The columns of the stream rows, in order; the amount columns also head the totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The stream's stable id.
    Id,
    /// The stream's name.
    Name,
    /// The kind's name.
    Kind,
    /// The agency's name.
    Agency,
    /// The source's status word.
    Status,
    /// The assumed outcome of a sought stream.
    Outcome,
    /// The source's amount.
    Baseline,
    /// The planned amount.
    Planned,
    /// What the stream adds to the grand total.
    Counted,
    /// Counted as granted.
    Granted,
    /// Counted as sought.
    Sought,
    /// Planned minus baseline.
    Delta,
    /// Share of the grand total, in percent.
    Share,
    /// The planner's note on the change.
    Note,
}

pub use crate::money::Unit;

/// A group of stream rows that a total row adds up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TotalLabel<'a> {
    /// Every stream.
    All,
    /// The streams whose source status is not "sought".
    Granted,
    /// The streams whose source status is "sought".
    Sought,
    /// The streams of one kind, by its name.
    Kind(&'a str),
}

/// The words a scenario CSV holds, from the app's i18n layer: the core writes no sentences.
pub trait CsvWords {
    /// The language of the dataset's names in the file.
    fn lang(&self) -> Lang;
    /// The label of a line of the first block.
    fn about(&self, about: About) -> String;
    /// A balance mode's name.
    fn mode(&self, mode: BalanceMode) -> String;
    /// Whether sought money is counted in the grand total, in words.
    fn counts_sought(&self, counted: bool) -> String;
    /// A column's heading (amount columns name their unit).
    fn heading(&self, column: Column, unit: Unit) -> String;
    /// A status as the screen shows it.
    fn status(&self, status: Status) -> String;
    /// An assumed outcome as the screen shows it.
    fn outcome(&self, outcome: Outcome) -> String;
    /// The heading of the totals block, in `unit`.
    fn totals(&self, unit: Unit) -> String;
    /// A total row's label.
    fn total(&self, label: TotalLabel<'_>) -> String;
}

/// What the file is about: the scenario's name and the day it is written.
#[derive(Clone, Copy, Debug)]
pub struct CsvAbout<'a> {
    /// The scenario's name.
    pub name: &'a str,
    /// The day of the export.
    pub date: Day,
    /// Where the figures were read from (a URL or a file's name) when they are not the
    /// built-in dataset: the file says so in a line of its own.
    pub origin: Option<&'a str>,
}

/// The amounts of one stream row, or the sums of a group of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowSums {
    /// The source's amount.
    pub baseline: i64,
    /// The planned amount.
    pub planned: i64,
    /// How the planned amount counts in the grand total.
    pub counted: Counted,
    /// How many of the rows state an amount: a kind with none has no figure (not a zero).
    pub stated: usize,
}

impl RowSums {
    fn add(&mut self, other: RowSums) {
        self.baseline += other.baseline;
        self.planned += other.planned;
        self.counted.granted += other.counted.granted;
        self.counted.sought += other.counted.sought;
        self.stated += other.stated;
    }
}

/// Whether amounts are also given in 万元: in the Chinese files, as on the Chinese screen.
fn with_wan(lang: Lang) -> bool {
    lang != Lang::En
}

/// The CSV of `scenario` over `dataset` in `words`; `None` when the scenario does not fit the
/// dataset.
pub fn scenario_csv(
    dataset: &Dataset,
    scenario: &Scenario,
    about: CsvAbout<'_>,
    words: &dyn CsvWords,
) -> Option<String> {
    if !scenario.fits(dataset) {
        return None;
    }
    let lang = words.lang();
    let wan = with_wan(lang);
    let totals = Totals::compute(dataset, scenario);
    let mut columns: Vec<(Column, Unit)> = [
        Column::Id,
        Column::Name,
        Column::Kind,
        Column::Agency,
        Column::Status,
        Column::Outcome,
        Column::Baseline,
        Column::Planned,
        Column::Counted,
        Column::Granted,
        Column::Sought,
        Column::Delta,
        Column::Share,
    ]
    .iter()
    .map(|&c| (c, Unit::Yuan))
    .collect();
    if wan {
        for column in [Column::Baseline, Column::Planned, Column::Counted] {
            columns.push((column, Unit::Wan));
        }
    }
    // The unit is not read for a text column.
    columns.push((Column::Note, Unit::Yuan));
    let width = columns.len();
    let mut out = String::from(BOM);
    let mut row = |cells: &[Cell<'_>]| {
        let mut padded = cells.to_vec();
        padded.resize(width, Cell::Empty);
        write_record(&mut out, &padded);
    };

    let date = about.date.to_string();
    let mode = words.mode(scenario.mode);
    let sought = words.counts_sought(scenario.count_sought);
    let about_rows = [
        (About::Scenario, Some(about.name)),
        (About::Date, Some(&date)),
        (About::Dataset, Some(dataset.title.get(lang))),
        (About::Origin, about.origin),
        (About::Mode, Some(&mode)),
        (About::Sought, Some(&sought)),
    ];
    for (label, value) in about_rows {
        if let Some(value) = value {
            row(&[Cell::Text(&words.about(label)), Cell::Text(value)]);
        }
    }
    row(&[]);

    let headings: Vec<String> = columns
        .iter()
        .map(|&(c, unit)| words.heading(c, unit))
        .collect();
    row(&headings.iter().map(|h| Cell::Text(h)).collect::<Vec<_>>());
    let opt = |value: Option<i64>| value.map_or(Cell::Empty, Cell::Int);
    let opt_wan = |value: Option<i64>| value.map_or(Cell::Empty, Cell::Wan);
    let mut all = RowSums::default();
    let mut granted = RowSums::default();
    let mut being_sought = RowSums::default();
    let mut by_kind = vec![RowSums::default(); dataset.kinds.len()];
    for (index, stream) in dataset.streams.iter().enumerate() {
        let kind = dataset.kind_of(stream).map_or("", |k| k.name.get(lang));
        let agency = dataset.agency_of(stream).map_or("", |a| a.name.get(lang));
        let status = words.status(stream.status);
        let outcome = if stream.status.is_granted() {
            String::new()
        } else {
            words.outcome(scenario.outcome(index))
        };
        let planned = scenario.amount(index);
        let counted = totals.streams[index];
        let stated = planned.is_some();
        let counted_total = stated.then_some(counted.total());
        let mut cells = vec![
            Cell::Text(&stream.id),
            Cell::Text(stream.name.get(lang)),
            Cell::Text(kind),
            Cell::Text(agency),
            Cell::Text(&status),
            Cell::Text(&outcome),
            opt(stream.amount),
            opt(planned),
            opt(counted_total),
            opt(stated.then_some(counted.granted)),
            opt(stated.then_some(counted.sought)),
            opt(planned.zip(stream.amount).map(|(p, b)| p - b)),
            totals.stream_shares[index].map_or(Cell::Empty, Cell::Tenths),
        ];
        if wan {
            cells.extend([
                opt_wan(stream.amount),
                opt_wan(planned),
                opt_wan(counted_total),
            ]);
        }
        cells.push(Cell::Text(scenario.note(index)));
        row(&cells);

        let sums = RowSums {
            baseline: stream.amount.unwrap_or(0),
            planned: planned.unwrap_or(0),
            counted,
            stated: usize::from(stated),
        };
        all.add(sums);
        if stream.status.is_granted() {
            granted.add(sums);
        } else {
            being_sought.add(sums);
        }
        if let Some(sums_of_kind) = by_kind.get_mut(stream.kind) {
            sums_of_kind.add(sums);
        }
    }

    let kind_names: Vec<&str> = dataset.kinds.iter().map(|k| k.name.get(lang)).collect();
    let mut groups = vec![
        (TotalLabel::All, all),
        (TotalLabel::Granted, granted),
        (TotalLabel::Sought, being_sought),
    ];
    groups.extend(kind_names.iter().map(|n| TotalLabel::Kind(n)).zip(by_kind));
    let units: &[Unit] = if wan {
        &[Unit::Yuan, Unit::Wan]
    } else {
        &[Unit::Yuan]
    };
    for &unit in units {
        row(&[]);
        let amount_columns = [
            Column::Baseline,
            Column::Planned,
            Column::Counted,
            Column::Granted,
            Column::Sought,
        ];
        let mut heading = vec![words.totals(unit)];
        heading.extend(amount_columns.iter().map(|&c| words.heading(c, unit)));
        row(&heading.iter().map(|h| Cell::Text(h)).collect::<Vec<_>>());
        for (group, sums) in &groups {
            let label = words.total(*group);
            // A kind none of whose streams states an amount: empty cells, as for its streams.
            let unstated = matches!(group, TotalLabel::Kind(_)) && sums.stated == 0;
            let number = |value: i64| match unit {
                _ if unstated => Cell::Empty,
                Unit::Yuan => Cell::Int(value),
                Unit::Wan => Cell::Wan(value),
            };
            row(&[
                Cell::Text(&label),
                number(sums.baseline),
                number(sums.planned),
                number(sums.counted.total()),
                number(sums.counted.granted),
                number(sums.counted.sought),
            ]);
        }
    }
    Some(out)
}

#[cfg(test)]
#[path = "scenario_csv_tests.rs"]
mod tests;
