//! Reading a dataset from a CSV table a planner fills in a spreadsheet, and writing one.
//!
//! # Layout
//!
//! The first row names the columns, in any order; each later row is one funding stream (but
//! for title rows above the header and total rows among the streams, see `rows.rs`). Header
//! names are matched without regard to case, and `-` or a space may stand for `_`. The columns
//! ([`COLUMNS`], which the reader, the writer and the template follow; a test keeps this table
//! the same):
//!
//! | column | required | content |
//! |---|---|---|
//! | `id` | yes | the stream's stable id: letters, digits, `-`, `_`, `.`, starting with a letter or digit |
//! | `name_zh_hans`, `name_zh_hant`, `name_en` | at least one per row | the stream's name |
//! | `kind` | yes | the id of the stream's kind (`loans`) |
//! | `kind_name_zh_hans`, `kind_name_zh_hant`, `kind_name_en` | | the kind's name |
//! | `agency` | yes | the id of the granting agency (`hrss`) |
//! | `agency_name_zh_hans`, `agency_name_zh_hant`, `agency_name_en` | | the agency's name |
//! | `amount` | yes | whole yuan (`2730000`, `2,730,000`, `2730000.00`) or 万 (`273万`, `273万元`); **empty when the source states no amount** |
//! | `status` | yes | `secured`, `transferred`, `approved`, `supported`, `issued`, `provided`, `prioritised`, `sought`, or the Chinese word (`已落实`, `争取`…) |
//! | `quote` | yes | the source sentence, verbatim |
//! | `units_count`, `units_label_zh_hans`, `units_label_zh_hant`, `units_label_en`, `units_quote` | | a count the amount is spread over (26 technology projects) |
//! | `note` | | the data's own remark on the stream (a county's 备注), shown with it |
//! | `title_zh_hans`, `title_zh_hant`, `title_en` | one of them, on one row | the programme's title |
//! | `summary_zh_hans`, `summary_zh_hant`, `summary_en` | | a sentence on the programme |
//! | `source_title_zh_hans`, `source_title_zh_hant`, `source_title_en` | one of them, on one row | the source article's title |
//! | `publisher_zh_hans`, `publisher_zh_hant`, `publisher_en` | one of them, on one row | who published it |
//! | `source_url` | | a link to the article |
//! | `currency` | | `CNY` (the default) |
//!
//! Kinds and agencies are made from the rows, in the order they first appear. Their names, and
//! the programme's columns, may be written on any of the rows: a row that leaves such a cell
//! empty takes it from the others, and two rows giving different text is an error. Rows whose
//! cells are all empty are skipped. Cells are trimmed. A cell is text, never a formula: `=1+1`
//! in a name stays the text `=1+1`; an apostrophe that an export put before a formula
//! character (see [`crate::csv::neutralise`]) is removed.
//!
//! # The simple layout
//!
//! A county entering its own figures has no ids, translations or source article. A header row
//! with more of the simple layout's headers ([`SIMPLE`]) than of the full one's is read in it:
//! `项目名称`, `主管部门`, `类别`, `金额（万元）` or `金额（元）`, `状态`, and optionally `备注`
//! (kept in the file, not shown), `来源` (the stream's source) and `编号` (its id); or their
//! English twins `Item`, `Agency`, `Kind`, `Amount (10,000 yuan)` or `Amount (yuan)`, `Status`,
//! `Note`, `Source`, `Id` ([`simple_template`] writes both). An amount header without its unit
//! (`金额`, `Amount`) is refused, not read in either unit. Headers match leniently:
//! full-width or half-width brackets, spaces, case, Traditional characters. Kinds and agencies
//! get ids from their names (`kind-1`, `agency-1`), streams from their rows (`row-2`) unless
//! `编号` gives one; a name goes to Chinese or English by its text. The title, the source and
//! the quotes may be left out ([`crate::validate::Rules`]): the view says "no source given",
//! and a table without a title is called after its file, without the extension ([`named`]).
//!
//! Amounts, in either layout: `150万`, `1,200,000`, `¥5,000,000.00`, `￥5000000`,
//! `5000000.00`, `5000000元`; a plain number is in the column's unit (yuan in the full layout).
//! Status words: the dataset's, or the Chinese and English of [`STATUS_WORDS`].
//!
//! The file is UTF-8, with or without a byte-order mark, comma-separated, quoted as RFC 4180
//! says; at most [`crate::validate::MAX_BYTES`] (4 MiB).
//!
//! # Problems
//!
//! A file that is not UTF-8 (Excel's and WPS's plain "CSV" on a Chinese computer is GBK), or
//! whose header row is separated by semicolons or tabs rather than commas, is refused with one
//! problem that says how to save it. Problems of the CSV itself (an unterminated quote, a row
//! with the wrong number of cells, an unknown or repeated header, a missing column) carry the
//! row and column. The rows are then
//! turned into a dataset tree ([`serde_json::Value`]) and checked by
//! [`crate::validate::validate_value`]; each problem it finds is put back in the row and column
//! its value was made from, noted as the tree was made.

mod cells;
mod columns;
mod merged;
mod place;
mod problems;
mod report;
mod rows;
mod simple;
mod table;
mod title;
mod write;

pub use cells::STATUS_WORDS;
pub use columns::{COLUMNS, Column, Field};
pub use columns::{SIMPLE, Simple, Unit};
pub use merged::Blanks;
pub use problems::{
    CsvDataset, CsvProblem, CsvProblemKind, CsvReport, RowsSum, Separator, column_letters,
};
pub use title::{file_name, named};
pub use write::{dataset_csv, simple_template};

use crate::csv::{Record, SyntaxError, read, read_separated};
use crate::validate::{Problem, ProblemKind, Rules, Severity, decode_text, validate_value_with};
use table::Table;

/// Reads a dataset from the bytes of a CSV file laid out as the module describes.
pub fn parse_csv(bytes: &[u8]) -> Result<CsvDataset, CsvReport> {
    parse_csv_with(bytes, Blanks::AsWritten)
}

/// [`parse_csv`], with the blanks below merged cells read as `blanks` says.
pub fn parse_csv_with(bytes: &[u8], blanks: Blanks) -> Result<CsvDataset, CsvReport> {
    let text = decode_text(bytes).map_err(|problem: Problem| {
        let row = problem.position.map(|(line, _)| line);
        stop(row, None, CsvProblemKind::Dataset(problem.kind))
    })?;
    // Read with commas, such a file is one column of cells full of stray quotes: say what it is.
    // The first line with a separator is the header's or a title's (a lone title has none).
    let (line, header) = text
        .lines()
        .enumerate()
        .take(rows::HEADER_SEARCH)
        .find(|(_, l)| l.contains([',', ';', '\t']))
        .unwrap_or_default();
    let separators = [(';', Separator::Semicolon), ('\t', Separator::Tab)];
    if !header.contains(',')
        && let Some((_, separator)) = separators.into_iter().find(|(c, _)| header.contains(*c))
    {
        return Err(stop(
            Some(line + 1),
            None,
            CsvProblemKind::WrongSeparator(separator),
        ));
    }
    let records = read(text).map_err(|error| syntax_stop(&error))?;
    from_records(&records, blanks)
}

/// Reads a dataset from rows copied from Excel or WPS and pasted (cells separated by tabs,
/// the header row first), laid out as a CSV file is; text with commas and no tab is read as
/// CSV.
pub fn parse_pasted(text: &str) -> Result<CsvDataset, CsvReport> {
    parse_pasted_with(text, Blanks::AsWritten)
}

/// [`parse_pasted`], with the blanks below merged cells read as `blanks` says.
pub fn parse_pasted_with(text: &str, blanks: Blanks) -> Result<CsvDataset, CsvReport> {
    // A title copied above the header may hold a comma and no tab: the top lines decide.
    let top = || text.lines().take(rows::HEADER_SEARCH);
    let separator = if !top().any(|l| l.contains('\t')) && top().any(|l| l.contains(',')) {
        ','
    } else {
        '\t'
    };
    let text = text.strip_prefix(crate::csv::BOM).unwrap_or(text);
    if text.len() > crate::validate::MAX_BYTES {
        let bytes = text.len();
        return Err(stop(
            None,
            None,
            CsvProblemKind::Dataset(ProblemKind::TooLarge { bytes }),
        ));
    }
    if text.trim().is_empty() {
        return Err(stop(
            None,
            None,
            CsvProblemKind::Dataset(ProblemKind::Empty),
        ));
    }
    let records = read_separated(text, separator).map_err(|error| syntax_stop(&error))?;
    from_records(&records, blanks)
}

/// A problem that stops the reading: the report holds it alone.
fn stop(row: Option<usize>, column: Option<usize>, kind: CsvProblemKind) -> CsvReport {
    CsvReport {
        problems: vec![CsvProblem {
            severity: Severity::Error,
            row,
            column,
            header: None,
            path: String::new(),
            kind,
        }],
    }
}

fn syntax_stop(error: &SyntaxError) -> CsvReport {
    stop(
        Some(error.row),
        Some(error.column),
        CsvProblemKind::Syntax(error.kind),
    )
}

/// The dataset the records make, or every problem found in them.
fn from_records(records: &[Record], blanks: Blanks) -> Result<CsvDataset, CsvReport> {
    let rows::Framed {
        table: records,
        mut notes,
        title_unit,
    } = rows::from_header(records)?;
    // A total row is no stream, and its blanks are not merged cells: taken out first.
    let totalled;
    let records = if records.first().is_some_and(|h| simple::is_simple(&h.cells)) {
        let (kept, totals) = rows::without_totals(records, title_unit);
        notes.extend(totals);
        totalled = kept;
        &totalled[..]
    } else {
        records
    };
    let filled;
    let (records, mut merged) = match blanks {
        Blanks::FilledDown => {
            let runs = merged::merged_runs(records);
            filled = merged::fill_down(records, &runs);
            let warnings = runs.iter().map(merged::filled_warning).collect();
            (&filled[..], warnings)
        }
        Blanks::AsWritten => (records, Vec::new()),
    };
    let mut table = Table {
        title_unit,
        ..Table::default()
    };
    let Some(value) = table.build(records) else {
        notes.append(&mut table.problems);
        return Err(CsvReport {
            problems: report::ordered(notes),
        });
    };
    let mut problems = notes;
    problems.append(&mut table.problems);
    // A county's own figures (the simple layout) need not name a source or a title.
    let rules = Rules {
        source_optional: table.simple,
    };
    let (validated, found) = match validate_value_with(&value, rules) {
        Ok(validated) => {
            let warnings = validated.warnings.clone();
            (Some(validated.dataset), warnings)
        }
        Err(report) => (None, report.problems),
    };
    problems.extend(found.into_iter().filter_map(|p| {
        let (located, written) = (&table.located, &table.written);
        table.places.locate(p, located, written, table.simple)
    }));
    // Refused as written, blanks that look merged are pointed out: reading them filled is
    // offered.
    let refused = validated.is_none() || problems.iter().any(|p| p.severity == Severity::Error);
    if refused && blanks == Blanks::AsWritten {
        merged.extend(merged::merged_hint(&merged::merged_runs(records)));
    }
    problems.extend(merged);
    let problems = report::ordered(problems);
    match validated {
        Some(dataset) if problems.iter().all(|p| p.severity == Severity::Warning) => {
            Ok(CsvDataset {
                dataset,
                warnings: problems,
            })
        }
        _ => Err(CsvReport { problems }),
    }
}

#[cfg(test)]
mod simple_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod title_tests;
