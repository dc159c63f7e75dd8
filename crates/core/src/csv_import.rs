//! Reading a dataset from a CSV table a planner fills in a spreadsheet, and writing one.
//!
//! # Layout
//!
//! The first row names the columns, in any order; each later row is one funding stream. Header
//! names are matched without regard to case, and `-` or a space may stand for `_`. Columns:
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
//! [`crate::validate::validate_value`]; each problem it finds is located back to the row
//! and column it comes from.

use std::collections::HashMap;

use serde_json::{Map, Number, Value};

use crate::csv::{BOM, Cell, SyntaxKind, read, unneutralise, write_record};
use crate::dataset::{Dataset, Localized, Status};
use crate::money::{
    BadAmount, MoneyStyle, Script, WAN_UNITS, commas_separate_thousands, half_width, parse_amount,
};
use crate::validate::{Problem, ProblemKind, Severity, decode_text, validate_value};

/// The languages of the name columns: column suffix and dataset tag.
const LANGS: [(&str, &str); 3] = [("zh_hans", "zh-Hans"), ("zh_hant", "zh-Hant"), ("en", "en")];

/// Every column the reader knows, in the order the writer puts them.
pub const COLUMNS: [&str; 34] = [
    "id",
    "name_zh_hans",
    "name_zh_hant",
    "name_en",
    "kind",
    "kind_name_zh_hans",
    "kind_name_zh_hant",
    "kind_name_en",
    "agency",
    "agency_name_zh_hans",
    "agency_name_zh_hant",
    "agency_name_en",
    "amount",
    "status",
    "quote",
    "units_count",
    "units_label_zh_hans",
    "units_label_zh_hant",
    "units_label_en",
    "units_quote",
    "title_zh_hans",
    "title_zh_hant",
    "title_en",
    "summary_zh_hans",
    "summary_zh_hant",
    "summary_en",
    "source_title_zh_hans",
    "source_title_zh_hant",
    "source_title_en",
    "publisher_zh_hans",
    "publisher_zh_hant",
    "publisher_en",
    "source_url",
    "currency",
];

/// The columns a table must have.
pub const REQUIRED_COLUMNS: [&str; 6] = ["id", "kind", "agency", "amount", "status", "quote"];

/// The columns that describe the programme, not a stream: any row may give them.
const PROGRAMME_COLUMNS: [&str; 14] = [
    "title_zh_hans",
    "title_zh_hant",
    "title_en",
    "summary_zh_hans",
    "summary_zh_hant",
    "summary_en",
    "source_title_zh_hans",
    "source_title_zh_hant",
    "source_title_en",
    "publisher_zh_hans",
    "publisher_zh_hant",
    "publisher_en",
    "source_url",
    "currency",
];

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
    /// A problem of the dataset the rows make, as the dataset reader finds it.
    Dataset(ProblemKind),
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

/// Reads a dataset from the bytes of a CSV file laid out as the module describes.
pub fn parse_csv(bytes: &[u8]) -> Result<CsvDataset, CsvReport> {
    // A problem that stops the reading: the report holds it alone.
    let stop = |row: Option<usize>, column: Option<usize>, kind: CsvProblemKind| CsvReport {
        problems: vec![CsvProblem {
            severity: Severity::Error,
            row,
            column,
            header: None,
            path: String::new(),
            kind,
        }],
    };
    let text = decode_text(bytes).map_err(|problem: Problem| {
        let row = problem.position.map(|(line, _)| line);
        stop(row, None, CsvProblemKind::Dataset(problem.kind))
    })?;
    // Read with commas, such a file is one column of cells full of stray quotes: say what it is.
    let header = text.lines().next().unwrap_or_default();
    let separators = [(';', Separator::Semicolon), ('\t', Separator::Tab)];
    if !header.contains(',')
        && let Some((_, separator)) = separators.into_iter().find(|(c, _)| header.contains(*c))
    {
        return Err(stop(
            Some(1),
            None,
            CsvProblemKind::WrongSeparator(separator),
        ));
    }
    let records = read(text).map_err(|error| {
        let kind = CsvProblemKind::Syntax(error.kind);
        stop(Some(error.row), Some(error.column), kind)
    })?;
    let mut table = Table::default();
    let (value, locator) = table.build(&records)?;
    let mut problems = table.problems;
    let (validated, found) = match validate_value(&value) {
        Ok(validated) => {
            let warnings = validated.warnings.clone();
            (Some(validated.dataset), warnings)
        }
        Err(report) => (None, report.problems),
    };
    problems.extend(found.into_iter().map(|p| locator.locate(p)));
    crate::sort::sort_by_key(&mut problems, |p| p.severity == Severity::Warning);
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

/// A text given by one of several rows, with the row that first gave it.
type Inherited = Option<(String, usize)>;

/// A kind or an agency made from the rows.
struct Group {
    id: String,
    row: usize,
    names: [Inherited; 3],
}

/// The table being read.
#[derive(Default)]
struct Table {
    problems: Vec<CsvProblem>,
    columns: HashMap<&'static str, usize>,
}

impl Table {
    fn error(&mut self, row: Option<usize>, header: Option<&str>, kind: CsvProblemKind) {
        let column = header.and_then(|h| self.columns.get(h)).map(|c| c + 1);
        self.problems.push(CsvProblem {
            severity: Severity::Error,
            row,
            column,
            header: header.map(str::to_owned),
            path: String::new(),
            kind,
        });
    }

    /// Reads the header; false when the table cannot be read further.
    fn header(&mut self, header: &[String], records: &[crate::csv::Record]) -> bool {
        let mut ok = true;
        for (index, raw) in header.iter().enumerate() {
            let name = raw.trim().to_ascii_lowercase().replace(['-', ' '], "_");
            if name.is_empty() {
                let column_used = records
                    .iter()
                    .skip(1)
                    .any(|r| r.cells.get(index).is_some_and(|c| !c.trim().is_empty()));
                if !column_used {
                    continue;
                }
            }
            match COLUMNS.iter().find(|c| **c == name) {
                Some(column) if self.columns.contains_key(column) => {
                    ok = false;
                    self.problems.push(CsvProblem {
                        severity: Severity::Error,
                        row: Some(1),
                        column: Some(index + 1),
                        header: Some(raw.clone()),
                        path: String::new(),
                        kind: CsvProblemKind::DuplicateHeader {
                            name: raw.trim().to_owned(),
                        },
                    });
                }
                Some(column) => {
                    self.columns.insert(column, index);
                }
                None => {
                    ok = false;
                    self.problems.push(CsvProblem {
                        severity: Severity::Error,
                        row: Some(1),
                        column: Some(index + 1),
                        header: Some(raw.clone()),
                        path: String::new(),
                        kind: CsvProblemKind::UnknownHeader {
                            name: raw.trim().chars().take(64).collect(),
                        },
                    });
                }
            }
        }
        for name in REQUIRED_COLUMNS {
            if !self.columns.contains_key(name) {
                ok = false;
                self.error(Some(1), Some(name), CsvProblemKind::MissingColumn { name });
            }
        }
        ok
    }

    /// Keeps the first non-empty text of a cell given on several rows; a different one later
    /// is a conflict.
    fn inherit(&mut self, slot: &mut Inherited, value: &str, row: usize, header: &'static str) {
        if value.is_empty() {
            return;
        }
        match slot {
            None => *slot = Some((value.to_owned(), row)),
            Some((first, first_row)) if first != value => {
                let first_row = *first_row;
                self.error(
                    Some(row),
                    Some(header),
                    CsvProblemKind::Conflict { first_row },
                );
            }
            Some(_) => {}
        }
    }

    /// Turns the records into a dataset tree and a way back from its paths to cells.
    fn build(&mut self, records: &[crate::csv::Record]) -> Result<(Value, Locator), CsvReport> {
        let header = records.first().map(|r| r.cells.clone()).unwrap_or_default();
        if !self.header(&header, records) {
            return Err(CsvReport {
                problems: std::mem::take(&mut self.problems),
            });
        }
        let columns = self.columns.clone();
        let mut locator = Locator {
            columns: columns.clone(),
            ..Locator::default()
        };
        let mut kinds: Vec<Group> = Vec::new();
        let mut agencies: Vec<Group> = Vec::new();
        let mut programme: HashMap<&'static str, Inherited> = HashMap::new();
        let mut streams: Vec<Value> = Vec::new();

        for record in records.iter().skip(1) {
            if record.cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let row = record.row;
            if record.cells.len() != header.len() {
                self.error(
                    Some(row),
                    None,
                    CsvProblemKind::WrongCellCount {
                        expected: header.len(),
                        found: record.cells.len(),
                    },
                );
                continue;
            }
            let cell = |name: &str| -> &str {
                columns
                    .get(name)
                    .and_then(|i| record.cells.get(*i))
                    .map_or("", |c| unneutralise(c.trim()))
            };
            // Inserted one by one: collecting into the map would sort, and link another copy
            // of the standard sort into the WebAssembly build.
            let names = |prefix: &str| -> Map<String, Value> {
                let mut map = Map::new();
                for (suffix, tag) in LANGS {
                    let text = cell(&format!("{prefix}_{suffix}"));
                    if !text.is_empty() {
                        map.insert(tag.to_owned(), Value::from(text));
                    }
                }
                map
            };

            let id = cell("id");
            for (groups, field) in [(&mut kinds, "kind"), (&mut agencies, "agency")] {
                let group_id = cell(field);
                let index = match groups.iter().position(|g| g.id == group_id) {
                    Some(index) => index,
                    None => {
                        groups.push(Group {
                            id: group_id.to_owned(),
                            row,
                            names: [None, None, None],
                        });
                        groups.len() - 1
                    }
                };
                for (lang, (suffix, _)) in LANGS.iter().enumerate() {
                    let header = name_column(field, suffix);
                    let mut slot = groups[index].names[lang].take();
                    self.inherit(&mut slot, cell(header), row, header);
                    groups[index].names[lang] = slot;
                }
            }
            for column in PROGRAMME_COLUMNS {
                let mut slot = programme.remove(column).flatten();
                self.inherit(&mut slot, cell(column), row, column);
                programme.insert(column, slot);
            }

            let mut stream = Map::new();
            stream.insert("id".into(), Value::from(id));
            stream.insert("name".into(), Value::Object(names("name")));
            stream.insert("kind".into(), Value::from(cell("kind")));
            stream.insert("agency".into(), Value::from(cell("agency")));
            let amount = match read_amount(cell("amount")) {
                Ok(amount) => amount,
                Err(kind) => {
                    self.error(Some(row), Some("amount"), CsvProblemKind::Dataset(kind));
                    Value::Null
                }
            };
            stream.insert("amount".into(), amount);
            stream.insert("status".into(), Value::from(status_key(cell("status"))));
            stream.insert("quote".into(), Value::from(cell("quote")));
            let label = names("units_label");
            let (count, quote) = (cell("units_count"), cell("units_quote"));
            if !count.is_empty() || !quote.is_empty() || !label.is_empty() {
                let mut units = Map::new();
                if !count.is_empty() {
                    let count = count
                        .parse::<u64>()
                        .map_or_else(|_| Value::from(count), Value::from);
                    units.insert("count".into(), count);
                }
                units.insert("label".into(), Value::Object(label));
                if !quote.is_empty() {
                    units.insert("quote".into(), Value::from(quote));
                }
                stream.insert("units".into(), Value::Object(units));
            }
            streams.push(Value::Object(stream));
            locator.stream_rows.push(row);
        }
        if streams.is_empty() && self.problems.is_empty() {
            self.error(None, None, CsvProblemKind::NoStreams);
        }
        if streams.is_empty() {
            return Err(CsvReport {
                problems: std::mem::take(&mut self.problems),
            });
        }

        let localized = |slots: &[&Inherited]| -> Value {
            let mut map = Map::new();
            for (slot, (_, tag)) in slots.iter().zip(LANGS) {
                if let Some((text, _)) = slot {
                    map.insert(tag.to_owned(), Value::from(text.as_str()));
                }
            }
            Value::Object(map)
        };
        let group_list = |groups: &[Group]| -> Value {
            Value::Array(
                groups
                    .iter()
                    .map(|g| {
                        let mut map = Map::new();
                        map.insert("id".into(), Value::from(g.id.as_str()));
                        let slots: Vec<&Inherited> = g.names.iter().collect();
                        map.insert("name".into(), localized(&slots));
                        Value::Object(map)
                    })
                    .collect(),
            )
        };
        let given = |prefix: &str| -> Vec<&Inherited> {
            LANGS
                .iter()
                .map(|(suffix, _)| {
                    programme
                        .get(format!("{prefix}_{suffix}").as_str())
                        .unwrap_or(&None)
                })
                .collect()
        };
        for prefix in ["title", "summary", "source_title", "publisher"] {
            let first = given(prefix)
                .iter()
                .filter_map(|s| s.as_ref().map(|(_, r)| *r))
                .min();
            if let Some(row) = first {
                locator.programme_rows.insert(prefix, row);
            }
        }
        for column in ["source_url", "currency"] {
            if let Some(Some((_, row))) = programme.get(column) {
                locator.programme_rows.insert(column, *row);
            }
        }
        locator.kind_rows = kinds.iter().map(|k| k.row).collect();
        locator.agency_rows = agencies.iter().map(|a| a.row).collect();

        let mut source = Map::new();
        source.insert("title".into(), localized(&given("source_title")));
        source.insert("publisher".into(), localized(&given("publisher")));
        if let Some(Some((url, _))) = programme.get("source_url") {
            source.insert("url".into(), Value::from(url.as_str()));
        }
        let mut dataset = Map::new();
        dataset.insert("format".into(), Value::from(1));
        dataset.insert("title".into(), localized(&given("title")));
        if given("summary").iter().any(|s| s.is_some()) {
            dataset.insert("summary".into(), localized(&given("summary")));
        }
        dataset.insert("source".into(), Value::Object(source));
        let currency = match programme.get("currency") {
            Some(Some((code, _))) => code.clone(),
            _ => "CNY".to_owned(),
        };
        dataset.insert("currency".into(), Value::from(currency));
        dataset.insert("kinds".into(), group_list(&kinds));
        dataset.insert("agencies".into(), group_list(&agencies));
        dataset.insert("streams".into(), Value::Array(streams));
        Ok((Value::Object(dataset), locator))
    }
}

/// The name column of a kind or agency in one language.
fn name_column(field: &str, suffix: &str) -> &'static str {
    COLUMNS
        .iter()
        .find(|c| {
            c.strip_prefix(field)
                .and_then(|rest| rest.strip_prefix("_name_"))
                == Some(suffix)
        })
        .copied()
        .unwrap_or("")
}

/// An amount cell as a dataset value: `null` when empty, a number when it reads as one (the
/// dataset check then says if it is negative or has a fraction); a cell that is no number is
/// [`ProblemKind::NotAnAmount`], in a spreadsheet's words rather than JSON's.
fn read_amount(cell: &str) -> Result<Value, ProblemKind> {
    if cell.is_empty() {
        return Ok(Value::Null);
    }
    let spaced_out: String = cell
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    // A comma between thousands is a spreadsheet's; any other (`1,2`, a decimal comma) would
    // be read as a different number once taken out.
    if !commas_separate_thousands(&spaced_out) {
        return Err(ProblemKind::NotAnAmount);
    }
    let cleaned: String = spaced_out
        .chars()
        .filter(|c| !matches!(c, ',' | '_'))
        .collect();
    if WAN_UNITS.iter().any(|unit| cleaned.ends_with(unit)) {
        // `-273万` reads as a negative number, as `-2730000` does, for the dataset check to
        // refuse. The rest of the cell is parsed whole, so a second unit (`CNY 273万`) is
        // refused rather than read as yuan.
        let (sign, magnitude) = match cleaned.strip_prefix('-') {
            Some(magnitude) => (-1, magnitude),
            None => (1, cleaned.as_str()),
        };
        return match parse_amount(magnitude, MoneyStyle::Wan(Script::Simplified)) {
            Ok(amount) => Ok(Value::from(sign * amount)),
            Err(BadAmount::TooLarge) => Err(ProblemKind::TooBig),
            // Commas were checked above, before they were taken out.
            Err(BadAmount::NotAnAmount | BadAmount::MisplacedComma) => {
                Err(ProblemKind::NotAnAmount)
            }
        };
    }
    let cleaned = cleaned.strip_suffix('元').unwrap_or(&cleaned);
    // `2730000.00`, as a spreadsheet may write a whole number.
    let whole = match cleaned.split_once('.') {
        Some((whole, fraction)) if !fraction.is_empty() && fraction.bytes().all(|b| b == b'0') => {
            whole
        }
        _ => cleaned,
    };
    let digits = whole.strip_prefix('-').unwrap_or(whole);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return whole
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| ProblemKind::TooBig);
    }
    decimal_number(cleaned)
        .map(Value::Number)
        .ok_or(ProblemKind::NotAnAmount)
}

/// A decimal number as Rust's `f64` parsing reads it (`1.5`, `+1.5`, `.5`, `5.`, `1e6`; not
/// `inf` or `NaN`), as a floating-point JSON number. It is rewritten the JSON way and read by
/// serde_json, so the app links one decimal-to-float conversion instead of two (the standard
/// library's carries a 10 KB table). Like a JSON dataset's numbers, one with more digits than a
/// float holds may round to a neighbouring float where the standard library would not.
fn decimal_number(text: &str) -> Option<Number> {
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], Some(&rest[at + 1..])),
        None => (rest, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    let mut json = String::with_capacity(text.len() + 4);
    if negative {
        json.push('-');
    }
    let whole = whole.trim_start_matches('0');
    json.push_str(if whole.is_empty() { "0" } else { whole });
    json.push('.');
    json.push_str(if fraction.is_empty() { "0" } else { fraction });
    if let Some(exponent) = exponent {
        let unsigned = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if unsigned.is_empty() || !digits(unsigned) {
            return None;
        }
        json.push('e');
        json.push_str(exponent);
    }
    serde_json::from_str::<Number>(&json)
        .ok()
        .filter(|n| n.as_f64().is_some_and(f64::is_finite))
}

/// The dataset word for a status cell: the word itself (any case), the source's Chinese or the
/// explorer's own (as its exports write it).
fn status_key(cell: &str) -> String {
    let lower = cell.to_ascii_lowercase();
    let chinese = [
        (Status::Secured, &["已落实", "已落實"][..]),
        (Status::Transferred, &["划拨", "劃撥", "已划拨", "已劃撥"]),
        (Status::Approved, &["获批", "獲批", "已获批", "已獲批"]),
        (Status::Supported, &["扶持", "已扶持"]),
        (Status::Issued, &["已下达", "已下達"]),
        (Status::Provided, &["提供", "已提供"]),
        (
            Status::Prioritised,
            &["给予倾斜", "給予傾斜", "重点倾斜", "重點傾斜"],
        ),
        (Status::Sought, &["争取", "爭取", "正在争取", "正在爭取"]),
    ];
    chinese
        .iter()
        .find(|(_, words)| words.contains(&cell))
        .map_or(lower, |(status, _)| status.key().to_owned())
}

/// Maps dataset paths back to the rows and columns they were made from.
#[derive(Default)]
struct Locator {
    columns: HashMap<&'static str, usize>,
    stream_rows: Vec<usize>,
    kind_rows: Vec<usize>,
    agency_rows: Vec<usize>,
    programme_rows: HashMap<&'static str, usize>,
}

impl Locator {
    fn locate(&self, problem: Problem) -> CsvProblem {
        let (row, header) = self.place(&problem);
        let kind = match problem.kind {
            ProblemKind::DuplicateId { id, first } => {
                let first_row = self.place_of_path(&first, None).0.unwrap_or(0);
                CsvProblemKind::DuplicateId { id, first_row }
            }
            kind => CsvProblemKind::Dataset(kind),
        };
        CsvProblem {
            severity: problem.severity,
            row,
            column: header.and_then(|h| self.columns.get(h)).map(|c| c + 1),
            header: header.map(str::to_owned),
            path: problem.path,
            kind,
        }
    }

    fn place(&self, problem: &Problem) -> (Option<usize>, Option<&'static str>) {
        let lang = match &problem.kind {
            ProblemKind::MissingLanguage { lang } => Some(*lang),
            _ => None,
        };
        self.place_of_path(&problem.path, lang)
    }

    /// The row and column of a dataset path (`streams[2].name.en`, `kinds[0].id`, `title`).
    fn place_of_path(
        &self,
        path: &str,
        lang: Option<&str>,
    ) -> (Option<usize>, Option<&'static str>) {
        let (list, index, rest) = match split_index(path) {
            Some(parts) => parts,
            None => {
                let (prefix, column) = match path {
                    "title" | "summary" | "source.title" | "source.publisher" => {
                        let prefix = match path {
                            "source.title" => "source_title",
                            "source.publisher" => "publisher",
                            other => other,
                        };
                        (prefix, self.localized_column(prefix, "", lang))
                    }
                    _ if path.starts_with("title.")
                        || path.starts_with("summary.")
                        || path.starts_with("source.title.")
                        || path.starts_with("source.publisher.") =>
                    {
                        let (head, tail) = path.rsplit_once('.').unwrap_or((path, ""));
                        let prefix = match head {
                            "source.title" => "source_title",
                            "source.publisher" => "publisher",
                            other => other,
                        };
                        (prefix, self.localized_column(prefix, tail, lang))
                    }
                    "source.url" => ("source_url", Some("source_url")),
                    "currency" => ("currency", Some("currency")),
                    _ => return (None, None),
                };
                return (self.programme_rows.get(prefix).copied(), column);
            }
        };
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        match list {
            "streams" => {
                let row = self.stream_rows.get(index).copied();
                let column = match rest {
                    "id" | "kind" | "agency" | "amount" | "status" | "quote" => {
                        COLUMNS.iter().find(|c| **c == rest).copied()
                    }
                    "units" | "units.count" => Some("units_count"),
                    "units.quote" => Some("units_quote"),
                    _ if rest.starts_with("units.label") => self.localized_column(
                        "units_label",
                        rest.trim_start_matches("units.label")
                            .trim_start_matches('.'),
                        lang,
                    ),
                    _ if rest.starts_with("name") => self.localized_column(
                        "name",
                        rest.trim_start_matches("name").trim_start_matches('.'),
                        lang,
                    ),
                    _ => None,
                };
                (row, column)
            }
            "kinds" | "agencies" => {
                let (rows, field) = if list == "kinds" {
                    (&self.kind_rows, "kind")
                } else {
                    (&self.agency_rows, "agency")
                };
                let row = rows.get(index).copied();
                let column = if rest.starts_with("name") {
                    let prefix = if list == "kinds" {
                        "kind_name"
                    } else {
                        "agency_name"
                    };
                    self.localized_column(
                        prefix,
                        rest.trim_start_matches("name").trim_start_matches('.'),
                        lang,
                    )
                } else {
                    COLUMNS.iter().find(|c| **c == field).copied()
                };
                (row, column)
            }
            _ => (None, None),
        }
    }

    /// The column of a name in one language: the language from the path (`zh-Hans`) or from
    /// a missing-language warning; without either, the first such column the table has.
    fn localized_column(
        &self,
        prefix: &str,
        tag: &str,
        lang: Option<&str>,
    ) -> Option<&'static str> {
        let tag = if tag.is_empty() {
            lang.unwrap_or("")
        } else {
            tag
        };
        let wanted: Vec<&'static str> = LANGS
            .iter()
            .filter(|(_, t)| tag.is_empty() || *t == tag)
            .filter_map(|(suffix, _)| {
                COLUMNS.iter().find(|c| {
                    c.strip_prefix(prefix).and_then(|r| r.strip_prefix('_')) == Some(suffix)
                })
            })
            .copied()
            .collect();
        wanted
            .iter()
            .find(|c| self.columns.contains_key(**c))
            .or(wanted.first())
            .copied()
    }
}

/// `streams[3].amount` → (`streams`, 3, `.amount`).
fn split_index(path: &str) -> Option<(&str, usize, &str)> {
    let (list, rest) = path.split_once('[')?;
    let (index, rest) = rest.split_once(']')?;
    Some((list, index.parse().ok()?, rest))
}

/// The dataset as a table in this layout (UTF-8 with BOM, CRLF): every stream a row, kind and
/// agency names on every row, the programme's columns on the first row. Reading it back gives
/// the same dataset, except that kinds and agencies no stream uses are left out and kinds
/// come in the order streams first use them.
pub fn dataset_csv(dataset: &Dataset) -> String {
    let mut out = String::from(BOM);
    let header: Vec<Cell<'_>> = COLUMNS.iter().map(|c| Cell::Text(c)).collect();
    write_record(&mut out, &header);
    let langs = |l: &Localized| -> [String; 3] {
        [
            l.zh_hans.clone().unwrap_or_default(),
            l.zh_hant.clone().unwrap_or_default(),
            l.en.clone().unwrap_or_default(),
        ]
    };
    let empty = Localized::default();
    for (index, stream) in dataset.streams.iter().enumerate() {
        let first = index == 0;
        let kind = dataset
            .kind_index(&stream.kind)
            .map_or(&empty, |k| &dataset.kinds[k].name);
        let agency = dataset
            .agency_index(&stream.agency)
            .map_or(&empty, |a| &dataset.agencies[a].name);
        let units = stream.units.as_ref();
        let programme = |l: &Localized| if first { langs(l) } else { Default::default() };
        let [name_hans, name_hant, name_en] = langs(&stream.name);
        let [kind_hans, kind_hant, kind_en] = langs(kind);
        let [agency_hans, agency_hant, agency_en] = langs(agency);
        let [label_hans, label_hant, label_en] = units.map(|u| langs(&u.label)).unwrap_or_default();
        let [title_hans, title_hant, title_en] = programme(&dataset.title);
        let [summary_hans, summary_hant, summary_en] = programme(&dataset.summary);
        let [source_hans, source_hant, source_en] = programme(&dataset.source.title);
        let [publisher_hans, publisher_hant, publisher_en] = programme(&dataset.source.publisher);
        let url = if first {
            dataset.source.url.clone().unwrap_or_default()
        } else {
            String::new()
        };
        let currency = if first { dataset.currency.as_str() } else { "" };
        let count = units.and_then(|u| i64::try_from(u.count).ok());
        let units_quote = units.and_then(|u| u.quote.clone()).unwrap_or_default();
        write_record(
            &mut out,
            &[
                Cell::Text(&stream.id),
                Cell::Text(&name_hans),
                Cell::Text(&name_hant),
                Cell::Text(&name_en),
                Cell::Text(&stream.kind),
                Cell::Text(&kind_hans),
                Cell::Text(&kind_hant),
                Cell::Text(&kind_en),
                Cell::Text(&stream.agency),
                Cell::Text(&agency_hans),
                Cell::Text(&agency_hant),
                Cell::Text(&agency_en),
                stream.amount.map_or(Cell::Empty, Cell::Int),
                Cell::Text(stream.status.key()),
                Cell::Text(&stream.quote),
                count.map_or(Cell::Empty, Cell::Int),
                Cell::Text(&label_hans),
                Cell::Text(&label_hant),
                Cell::Text(&label_en),
                Cell::Text(&units_quote),
                Cell::Text(&title_hans),
                Cell::Text(&title_hant),
                Cell::Text(&title_en),
                Cell::Text(&summary_hans),
                Cell::Text(&summary_hant),
                Cell::Text(&summary_en),
                Cell::Text(&source_hans),
                Cell::Text(&source_hant),
                Cell::Text(&source_en),
                Cell::Text(&publisher_hans),
                Cell::Text(&publisher_hant),
                Cell::Text(&publisher_en),
                Cell::Text(&url),
                Cell::Text(currency),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share_link::tests::muchuan;
    use proptest::prelude::*;

    #[test]
    fn decimal_numbers_read_as_the_standard_library_reads_them() {
        for text in [
            "1.5",
            "+1.5",
            "-1.5",
            ".5",
            "5.",
            "-.5",
            "1e6",
            "1E6",
            "1.5e+3",
            "2.5e-2",
            "007.25",
            "0.0",
            "-0.0",
            "12345678.9",
            "1e400",
            "1e-400",
            "27300.00001",
        ] {
            let expected = text.parse::<f64>().ok().and_then(Number::from_f64);
            assert_eq!(decimal_number(text), expected, "{text}");
        }
        for text in [
            "", ".", "-", "+", "e5", "1e", "1e+", "1.2.3", "inf", "NaN", "1,5", "0x10", "1 5",
        ] {
            assert_eq!(decimal_number(text), None, "{text}");
        }
    }

    const TEMPLATE: &str = include_str!("../../../data/template.csv");

    fn load(text: &str) -> Result<CsvDataset, CsvReport> {
        parse_csv(text.as_bytes())
    }

    /// The problems as (row, header, kind), for compact assertions.
    fn problems(text: &str) -> Vec<(Option<usize>, Option<String>, CsvProblemKind)> {
        match load(text) {
            Ok(loaded) => panic!("loaded {:?}", loaded.dataset.streams.len()),
            Err(report) => report
                .problems
                .into_iter()
                .filter(|p| p.severity == Severity::Error)
                .map(|p| (p.row, p.header, p.kind))
                .collect(),
        }
    }

    const HEAD: &str = "id,name_en,kind,kind_name_en,agency,agency_name_en,amount,status,quote,title_en,source_title_en,publisher_en\n";

    #[test]
    fn the_template_loads() {
        let loaded = load(TEMPLATE).expect("the template loads");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let dataset = loaded.dataset;
        assert_eq!(dataset.streams.len(), 4);
        assert_eq!(dataset.kinds.len(), 4);
        assert_eq!(dataset.agencies.len(), 4);
        // The row whose quote names the finance bureau is the finance bureau's.
        assert_eq!(dataset.streams[2].agency, "finance");
        assert!(dataset.streams[2].quote.contains("市财政"));
        assert_eq!(dataset.streams[0].amount, Some(2_730_000));
        assert_eq!(
            dataset.streams[2].amount, None,
            "an empty amount is not stated"
        );
        assert_eq!(dataset.streams[3].status, Status::Sought);
        assert_eq!(dataset.streams[1].units.as_ref().map(|u| u.count), Some(26));
        assert!(
            TEMPLATE.starts_with('\u{FEFF}'),
            "the template opens as UTF-8 in spreadsheets"
        );
    }

    #[test]
    fn muchuan_round_trips_through_csv() {
        let dataset = muchuan();
        let csv = dataset_csv(&dataset);
        let loaded = load(&csv).expect("loads").dataset;
        assert_eq!(loaded.streams, dataset.streams);
        assert_eq!(loaded.agencies, dataset.agencies);
        assert_eq!(loaded.title, dataset.title);
        assert_eq!(loaded.summary, dataset.summary);
        assert_eq!(loaded.source, dataset.source);
        let mut kinds = loaded.kinds.clone();
        let mut expected = dataset.kinds.clone();
        kinds.sort_by(|a, b| a.id.cmp(&b.id));
        expected.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(kinds, expected);
    }

    #[test]
    fn formulas_stay_inert_text() {
        let csv = format!(
            "{HEAD}a,=1+1,k,+cmd|' /C calc'!A0,g,@SUM(A1),5,secured,\"=HYPERLINK(\"\"x\"\")\",T,S,P\n\
             b,'=2+2,k,,g,,-0,sought,q,,,\n"
        );
        let dataset = load(&csv).expect("loads").dataset;
        assert_eq!(dataset.streams[0].name.en.as_deref(), Some("=1+1"));
        assert_eq!(
            dataset.kinds[0].name.en.as_deref(),
            Some("+cmd|' /C calc'!A0")
        );
        assert_eq!(dataset.agencies[0].name.en.as_deref(), Some("@SUM(A1)"));
        assert_eq!(dataset.streams[0].quote, "=HYPERLINK(\"x\")");
        assert_eq!(
            dataset.streams[1].name.en.as_deref(),
            Some("=2+2"),
            "an export's apostrophe is removed"
        );
        assert_eq!(dataset.streams[1].amount, Some(0));
    }

    #[test]
    fn status_words_as_the_source_or_the_explorer_writes_them() {
        for (cell, status) in [
            ("划拨", Status::Transferred),
            ("已划拨", Status::Transferred),
            ("正在争取", Status::Sought),
            ("争取", Status::Sought),
            ("重點傾斜", Status::Prioritised),
            ("Approved", Status::Approved),
        ] {
            assert_eq!(status_key(cell), status.key(), "{cell}");
        }
    }

    #[test]
    fn amounts_in_yuan_or_wan() {
        for (cell, amount) in [
            ("2730000", Some(2_730_000)),
            ("\"2,730,000\"", Some(2_730_000)),
            ("2730000.00", Some(2_730_000)),
            ("273万", Some(2_730_000)),
            ("273.5万元", Some(2_735_000)),
            ("273萬元", Some(2_730_000)),
            ("2730000元", Some(2_730_000)),
            ("２７３万", Some(2_730_000)),
            ("２７３００００", Some(2_730_000)),
            ("-0", Some(0)),
            ("-0万", Some(0)),
            ("", None),
        ] {
            let csv = format!("{HEAD}a,n,k,K,g,G,{cell},secured,q,T,S,P\n");
            let dataset = load(&csv).map_err(|r| format!("{cell}: {:?}", r.problems));
            assert_eq!(
                dataset.map(|d| d.dataset.streams[0].amount),
                Ok(amount),
                "{cell}"
            );
        }
        let at = |cell: &str| problems(&format!("{HEAD}a,n,k,K,g,G,{cell},secured,q,T,S,P\n"));
        let amount_problem = |kind| {
            vec![(
                Some(2),
                Some("amount".to_owned()),
                CsvProblemKind::Dataset(kind),
            )]
        };
        assert_eq!(at("-5"), amount_problem(ProblemKind::Negative));
        assert_eq!(at("-273万"), amount_problem(ProblemKind::Negative));
        // A 万 amount's sign is read as a yuan amount's is.
        assert_eq!(at("-99999999999999999999万"), at("-99999999999999999999"));
        assert_eq!(at("1.5"), amount_problem(ProblemKind::NotWholeNumber));
        assert_eq!(
            at("99999999999999999999"),
            amount_problem(ProblemKind::TooBig)
        );
        assert_eq!(at("1000000000000001"), amount_problem(ProblemKind::TooBig));
        assert_eq!(at("lots"), amount_problem(ProblemKind::NotAnAmount));
        assert_eq!(at("2.73.0万"), amount_problem(ProblemKind::NotAnAmount));
        // Two units is a slip, not 273 yuan.
        assert_eq!(at("CNY 273万"), amount_problem(ProblemKind::NotAnAmount));
        // A comma that is no thousands separator (a decimal comma, a slip) is not taken out.
        for cell in ["\"1,2\"", "\"2730000,50\"", "\"1,5万\"", "\"0,500\""] {
            assert_eq!(at(cell), amount_problem(ProblemKind::NotAnAmount), "{cell}");
        }
        assert_eq!(at("100000000001万"), amount_problem(ProblemKind::TooBig));
    }

    #[test]
    fn a_csv_in_the_computers_own_encoding_says_how_to_save_it() {
        // 沐川 in GBK, as a plain "CSV (逗号分隔)" from Excel on a Chinese computer writes it.
        let mut bytes = b"id,name_zh-Hans\na,".to_vec();
        bytes.extend([0xC3, 0xE5, 0xB4, 0xA8, b'\n']);
        let report = parse_csv(&bytes).expect_err("refused");
        let problem = report.problems.first().expect("a problem");
        assert_eq!(problem.kind, CsvProblemKind::Dataset(ProblemKind::NotUtf8));
    }

    #[test]
    fn a_csv_with_semicolons_or_tabs_says_so() {
        let kinds = |text: &str| {
            parse_csv(text.as_bytes())
                .expect_err("refused")
                .problems
                .iter()
                .map(|p| (p.row, p.kind.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kinds("id;name_en;amount\n\"a\";\"Loans\";1\n"),
            [(
                Some(1),
                CsvProblemKind::WrongSeparator(Separator::Semicolon)
            )]
        );
        assert_eq!(
            kinds("id\tname_zh-Hans\na\t贷款\n"),
            [(Some(1), CsvProblemKind::WrongSeparator(Separator::Tab))]
        );
        // A comma in the header: read as CSV, whatever the cells hold.
        assert!(
            !kinds("id,name_en\na;b,c\n")
                .iter()
                .any(|(_, kind)| matches!(kind, CsvProblemKind::WrongSeparator(_)))
        );
    }

    #[test]
    fn csv_problems_have_rows_and_columns() {
        let report = load("id,name_en\n\"open").err().map(|r| r.problems);
        let first = report.as_ref().and_then(|p| p.first());
        assert_eq!(first.map(|p| (p.row, p.column)), Some((Some(2), Some(1))));
        assert_eq!(
            first.map(|p| p.kind.clone()),
            Some(CsvProblemKind::Syntax(SyntaxKind::UnterminatedQuote))
        );

        let unknown = problems("id,nmae_en,kind,agency,amount,status,quote\n");
        assert_eq!(
            unknown,
            vec![(
                Some(1),
                Some("nmae_en".into()),
                CsvProblemKind::UnknownHeader {
                    name: "nmae_en".into()
                }
            )]
        );
        let missing = problems("id,Name-EN,kind,agency,amount,status,ID\n");
        assert_eq!(
            missing,
            vec![
                (
                    Some(1),
                    Some("ID".into()),
                    CsvProblemKind::DuplicateHeader { name: "ID".into() }
                ),
                (
                    Some(1),
                    Some("quote".into()),
                    CsvProblemKind::MissingColumn { name: "quote" }
                ),
            ]
        );
        assert_eq!(
            problems("id,name_en,kind,agency,amount,status,quote\n\n,,,,,,\n"),
            vec![(None, None, CsvProblemKind::NoStreams)]
        );
        let short = problems(&format!("{HEAD}a,n,k,K,g,G,5,secured,q,T,S,P\nb,n,k\n"));
        assert_eq!(
            short,
            vec![(
                Some(3),
                None,
                CsvProblemKind::WrongCellCount {
                    expected: 12,
                    found: 3
                }
            )]
        );
    }

    #[test]
    fn dataset_problems_are_located_in_the_table() {
        let csv = format!(
            "{HEAD}\
             a,n,k,Kind,g,G,5,secured,q,T,S,P\n\
             a,n,k,Other kind,g,G,5,granted,,,,\n\
             c,,bad id!,K2,g,,5,sought,q,,,\n"
        );
        let found = problems(&csv);
        let expected = vec![
            (
                Some(3),
                Some("kind_name_en".to_owned()),
                CsvProblemKind::Conflict { first_row: 2 },
            ),
            (
                Some(4),
                Some("kind".to_owned()),
                CsvProblemKind::Dataset(ProblemKind::BadId),
            ),
            (
                Some(3),
                Some("id".to_owned()),
                CsvProblemKind::DuplicateId {
                    id: "a".into(),
                    first_row: 2,
                },
            ),
            (
                Some(3),
                Some("status".to_owned()),
                CsvProblemKind::Dataset(ProblemKind::UnknownStatus {
                    found: "granted".into(),
                }),
            ),
            (
                Some(3),
                Some("quote".to_owned()),
                CsvProblemKind::Dataset(ProblemKind::EmptyText),
            ),
            (
                Some(4),
                Some("name_en".to_owned()),
                CsvProblemKind::Dataset(ProblemKind::EmptyText),
            ),
        ];
        assert_eq!(found, expected);
    }

    #[test]
    fn programme_cells_are_required_once_and_may_repeat() {
        let no_title = problems(
            "id,name_en,kind,kind_name_en,agency,agency_name_en,amount,status,quote\na,n,k,K,g,G,5,secured,q\n",
        );
        let kinds: Vec<&CsvProblemKind> = no_title.iter().map(|(_, _, k)| k).collect();
        assert_eq!(
            kinds,
            vec![&CsvProblemKind::Dataset(ProblemKind::EmptyText); 3]
        );
        assert_eq!(no_title[0].1.as_deref(), Some("title_zh_hans"));
        let repeated = format!("{HEAD}a,n,k,K,g,G,5,secured,q,T,S,P\nb,n,k,,g,,5,secured,q,T,,\n");
        assert!(load(&repeated).is_ok());
        let conflicting =
            format!("{HEAD}a,n,k,K,g,G,5,secured,q,T,S,P\nb,n,k,,g,,5,secured,q,T2,,\n");
        assert_eq!(
            problems(&conflicting),
            vec![(
                Some(3),
                Some("title_en".into()),
                CsvProblemKind::Conflict { first_row: 2 }
            )]
        );
    }

    #[test]
    fn warnings_point_at_missing_translations() {
        let csv = format!("{HEAD}a,n,k,K,g,G,5,已落实,q,T,S,P\n")
            .replace("name_en,kind", "name_zh_hans,kind");
        let loaded = load(&csv).expect("loads");
        assert_eq!(
            loaded.dataset.streams[0].status,
            Status::Secured,
            "Chinese status words read"
        );
        let stream_name: Vec<Option<&str>> = loaded
            .warnings
            .iter()
            .filter(|w| w.path == "streams[0].name")
            .map(|w| w.header.as_deref())
            .collect();
        assert_eq!(stream_name, [Some("name_zh_hant"), Some("name_en")]);
        assert!(loaded.warnings.iter().all(|w| w.row == Some(2)));
    }

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(34), "AH");
        assert_eq!(column_letters(702), "ZZ");
        assert_eq!(column_letters(703), "AAA");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_bytes_load_or_report(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = parse_csv(&bytes);
        }

        #[test]
        fn mangled_templates_load_or_report(cut in 0usize..2000, insert in "[,\"\n=a-z0-9万]{0,6}") {
            let mut text: Vec<char> = TEMPLATE.chars().collect();
            let at = cut.min(text.len());
            text.splice(at..at, insert.chars());
            let text: String = text.into_iter().collect();
            match load(&text) {
                Ok(loaded) => prop_assert!(!loaded.dataset.streams.is_empty()),
                Err(report) => prop_assert!(report.problems.iter().any(|p| p.severity == Severity::Error)),
            }
        }
    }
}
