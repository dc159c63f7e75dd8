//! What can be wrong with a table, located by row and column.

use super::columns::Unit;
use crate::csv::SyntaxKind;
use crate::dataset::{Dataset, Status};
use crate::validate::{ProblemKind, Severity};

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvProblemKind {
    /// The CSV text itself is broken here.
    Syntax(SyntaxKind),
    /// A header the layout does not have (often a typing error).
    UnknownHeader {
        /// The header as written.
        name: String,
    },
    /// A header used for two columns.
    DuplicateHeader {
        /// The header's name.
        name: String,
    },
    /// A required column is absent.
    MissingColumn {
        /// The column's name.
        name: &'static str,
    },
    /// The header row only: no streams.
    NoStreams,
    /// A row with another number of cells than the header.
    WrongCellCount {
        /// Cells in the header.
        expected: usize,
        /// Cells in this row.
        found: usize,
    },
    /// A kind's or agency's name, or a programme cell, that differs from an earlier row's.
    Conflict {
        /// The row that gave the first text.
        first_row: usize,
    },
    /// The same stream id on two rows.
    DuplicateId {
        /// The id.
        id: String,
        /// The row where it was first used.
        first_row: usize,
    },
    /// The header row has no comma but semicolons or tabs: the file was saved with another
    /// separator (Excel where the region's list separator is `;`, or "Text (Tab delimited)").
    WrongSeparator(Separator),
    /// An amount cell that is neither empty nor a number as spreadsheets write one.
    NotAnAmount {
        /// The unit of a plain number in its column: the message gives examples in it.
        unit: Unit,
    },
    /// An amount header with no unit (`金额`, `Amount`) in the simple layout: its plain numbers
    /// could be 元 or 万元, so the table is refused until the header says which.
    AmountWithoutUnit,
    /// A status word the reader does not know; messages list the words it takes.
    UnknownStatus {
        /// The word as written.
        found: String,
    },
    /// A text the table has none of the columns for (`title_zh_hans`, `title_zh_hant`,
    /// `title_en`): one of them must be added.
    NoneOfColumns {
        /// The columns, any of which would do.
        names: Vec<&'static str>,
    },
    /// The same language missing from one column on several rows: one line for them all.
    MissingLanguageInRows {
        /// The language tag missing.
        lang: &'static str,
        /// On how many rows.
        count: usize,
        /// The last of them (the problem's row is the first).
        last_row: usize,
    },
    /// Blank cells below filled ones in the columns a table merges (agency, kind, status):
    /// likely merged cells, which [`super::Blanks::FilledDown`] would fill.
    MergedCellsLikely {
        /// How many blank cells.
        cells: usize,
    },
    /// Blank cells filled, as [`super::Blanks::FilledDown`] asked, with the text above them:
    /// the problem's row is the first, down to `last_row`.
    FilledDown {
        /// The row the text was taken from.
        from_row: usize,
        /// The last row filled.
        last_row: usize,
        /// How many cells were filled (rows the table skips may lie between).
        cells: usize,
        /// The text.
        text: String,
    },
    /// A row above the header (a sheet's title, its unit line), skipped.
    TitleRow {
        /// The header's row.
        header_row: usize,
    },
    /// None of the top rows names the columns: there is no header to read the table by.
    NoHeaderRow {
        /// How many rows were searched.
        rows: usize,
    },
    /// An amount header with no unit, read in the unit a title row states (`单位：万元`).
    UnitFromTitle {
        /// The unit.
        unit: Unit,
    },
    /// A total row (`合计`, `小计`, `Total`), left out of the streams: loaded, it would count
    /// the rows it totals twice.
    TotalRow {
        /// Its word, as written.
        label: String,
        /// Its amount in yuan, when it states one that reads as whole yuan.
        stated: Option<i64>,
        /// The rows it totals and their sum, when every amount among them reads.
        parts: Option<RowsSum>,
        /// The unit of a plain number in the amount column: messages write amounts in it.
        unit: Unit,
    },
    /// Status words a county wrote that the cards show in their own words (`已拨付` as
    /// `已划拨`): the same status, said so that the planner recognises it.
    StatusWords {
        /// Each word as written, with the status it was read as, in the order first written.
        words: Vec<(String, Status)>,
    },
    /// A problem of the dataset the rows make, as the dataset reader finds it.
    Dataset(ProblemKind),
}

/// Consecutive stream rows and the sum of their amounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowsSum {
    /// The first row.
    pub first_row: usize,
    /// The last row.
    pub last_row: usize,
    /// The sum, in yuan.
    pub yuan: i64,
}

/// One problem, located in the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvProblem {
    /// Error or warning.
    pub severity: Severity,
    /// The row (from 1, the header being row 1), if the problem is in one.
    pub row: Option<usize>,
    /// The column (from 1), if the problem is in one that the table has.
    pub column: Option<usize>,
    /// The column's name, when the problem concerns one (even one the table lacks).
    pub header: Option<String>,
    /// For dataset problems, the path in the dataset tree (`streams[3].amount`).
    pub path: String,
    /// What is wrong.
    pub kind: CsvProblemKind,
}

/// A column separator other than the comma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// `;`
    Semicolon,
    /// A tab.
    Tab,
}

/// Every problem found in a table that could not be used: errors first, then warnings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvReport {
    /// The problems.
    pub problems: Vec<CsvProblem>,
}

/// A dataset read from a table, with the warnings it still carries (missing translations).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvDataset {
    /// The dataset.
    pub dataset: Dataset,
    /// Fallbacks the view will use, located in the table.
    pub warnings: Vec<CsvProblem>,
}

/// Spreadsheet column letters: 1 → `A`, 26 → `Z`, 27 → `AA`.
pub fn column_letters(column: usize) -> String {
    let mut n = column;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}
