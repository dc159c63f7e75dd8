//! Exports of the current scenario: a CSV table for spreadsheets, and a JSON document that can
//! be imported again.
//!
//! # CSV
//!
//! UTF-8 with a byte-order mark (so spreadsheets pick the right encoding), CRLF line ends,
//! RFC 4180 quoting (see [`crate::csv`]). The header row is in the chosen language. Then
//! one row per stream, in dataset order:
//!
//! | column | content |
//! |---|---|
//! | id | the stream's stable id |
//! | name, kind, agency | names in the chosen language (with the dataset's fallback) |
//! | status | the source's status word in the chosen language |
//! | baseline amount, planned amount | whole yuan; empty where the source states no amount |
//! | counted as granted, counted as sought | how the planned money counts (outcomes, sought toggle) |
//! | delta | planned minus baseline amount |
//! | share % | the stream's share of the grand total, one decimal (`47.3`); the shares add to 100.0 |
//!
//! Then total rows, with an empty id: granted, sought, grand total, and one per kind. In these
//! rows the baseline and planned columns hold the counted money of the row under the baseline
//! and under the plan, and delta is their difference.
//!
//! Formula injection: a text cell (id, names, status, labels) that starts with `=`, `+`, `-`,
//! `@`, a tab or a carriage return (or their full-width forms) gets an apostrophe in front, so a
//! spreadsheet shows it as text. Numeric cells (amounts, deltas, shares) are written by this code
//! from integers: plain digits with a leading minus when negative (`-500000`) and, for shares,
//! one decimal point. They are never prefixed, so they stay numbers.
//!
//! # Scenario JSON
//!
//! ```json
//! {
//!   "format": "muchuan-scenario",
//!   "version": 1,
//!   "name": "More loans",
//!   "dataset_title": { "zh-Hans": "…", "zh-Hant": "…", "en": "…" },
//!   "streams": {
//!     "guaranteed-loans": { "amount": 3000000, "locked": false, "outcome": "pending" },
//!     "training-base": { "amount": 20000000, "locked": true, "outcome": { "partial": 50 } }
//!   },
//!   "mode": "free",
//!   "count_sought": true
//! }
//! ```
//!
//! `outcome` is `"pending"`, `"granted"`, `"refused"` or `{ "partial": 0–100 }`; `amount` is
//! whole yuan, or `null` for a stream whose amount is not stated; `mode` is `"free"` or
//! `"fixed-pool"`. The export writes every stream in dataset order. The import reads streams by
//! id: a stream left out, or a field left out of a stream, takes the dataset's baseline; an
//! unknown field, an unknown stream id or a value the dataset does not allow is a located
//! [`ImportError`]. `dataset_title` is informational: a different title does not stop the
//! import, [`ImportedScenario::same_title`] tells.

use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::{Map, Value};

use crate::csv::{BOM, Cell, write_record};
use crate::dataset::{Dataset, Localized, Status};
use crate::lang::Lang;
use crate::money::MAX_AMOUNT;
use crate::saved::MAX_NAME_CHARS;
use crate::scenario::{BalanceMode, Outcome, Scenario};
use crate::totals::{Counted, Totals};
use crate::validate::{ProblemKind, decode_text, float_amount_problem, type_name};

/// The `format` value of a scenario document.
pub const SCENARIO_FORMAT: &str = "muchuan-scenario";

/// The scenario document version this build writes and reads.
pub const SCENARIO_VERSION: u32 = 1;

/// The columns of the scenario CSV, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The stream's stable id.
    Id,
    /// The stream's name (or a total row's label).
    Name,
    /// The kind's name.
    Kind,
    /// The agency's name.
    Agency,
    /// The source's status word.
    Status,
    /// The source's amount.
    Baseline,
    /// The planned amount.
    Planned,
    /// Counted as granted.
    Granted,
    /// Counted as sought.
    Sought,
    /// Planned minus baseline.
    Delta,
    /// Share of the grand total, in percent.
    Share,
}

impl Column {
    /// Every column, in the file's order.
    pub const ALL: [Column; 11] = [
        Column::Id,
        Column::Name,
        Column::Kind,
        Column::Agency,
        Column::Status,
        Column::Baseline,
        Column::Planned,
        Column::Granted,
        Column::Sought,
        Column::Delta,
        Column::Share,
    ];
}

/// The label of a total row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TotalLabel<'a> {
    /// Money counted as granted.
    Granted,
    /// Money counted as sought.
    Sought,
    /// The grand total.
    Grand,
    /// The money of one kind, by its name.
    Kind(&'a str),
}

/// The words a scenario CSV holds, from the app's i18n layer: the core writes no sentences.
pub trait CsvWords {
    /// The language of the dataset's names in the file.
    fn lang(&self) -> Lang;
    /// A column's heading.
    fn heading(&self, column: Column) -> String;
    /// A status as the screen shows it.
    fn status(&self, status: Status) -> String;
    /// A total row's label.
    fn total(&self, label: TotalLabel<'_>) -> String;
}

/// The CSV table of `scenario` over `dataset` in `words`; `None` when the scenario does not
/// fit the dataset.
pub fn scenario_csv(
    dataset: &Dataset,
    scenario: &Scenario,
    words: &dyn CsvWords,
) -> Option<String> {
    if !scenario.fits(dataset) {
        return None;
    }
    let lang = words.lang();
    let totals = Totals::compute(dataset, scenario);
    let mut out = String::from(BOM);
    let headers: Vec<String> = Column::ALL.iter().map(|&c| words.heading(c)).collect();
    let header_cells: Vec<Cell<'_>> = headers.iter().map(|h| Cell::Text(h)).collect();
    write_record(&mut out, &header_cells);

    let opt = |value: Option<i64>| value.map_or(Cell::Empty, Cell::Int);
    for (index, stream) in dataset.streams.iter().enumerate() {
        let kind = dataset
            .kind_index(&stream.kind)
            .map_or("", |k| dataset.kinds[k].name.get(lang));
        let agency = dataset
            .agency_index(&stream.agency)
            .map_or("", |a| dataset.agencies[a].name.get(lang));
        let status = words.status(stream.status);
        let planned = scenario.amounts[index];
        let counted = totals.streams[index];
        let stated = planned.is_some();
        write_record(
            &mut out,
            &[
                Cell::Text(&stream.id),
                Cell::Text(stream.name.get(lang)),
                Cell::Text(kind),
                Cell::Text(agency),
                Cell::Text(&status),
                opt(stream.amount),
                opt(planned),
                opt(stated.then_some(counted.granted)),
                opt(stated.then_some(counted.sought)),
                opt(planned.zip(stream.amount).map(|(p, b)| p - b)),
                totals.stream_shares[index].map_or(Cell::Empty, Cell::Tenths),
            ],
        );
    }

    let grand = totals.grand();
    let split =
        crate::apportion::shares_in_tenths(&[totals.counted.granted, totals.counted.sought]);
    let total_row = |out: &mut String, label: &str, kind: &str, row: TotalRow| {
        write_record(
            out,
            &[
                Cell::Empty,
                Cell::Text(label),
                Cell::Text(kind),
                Cell::Empty,
                Cell::Empty,
                Cell::Int(row.baseline),
                Cell::Int(row.planned),
                opt(row.granted),
                opt(row.sought),
                Cell::Int(row.planned - row.baseline),
                Cell::Tenths(row.share),
            ],
        );
    };
    let (now, before) = (totals.counted, totals.baseline);
    total_row(
        &mut out,
        &words.total(TotalLabel::Granted),
        "",
        TotalRow {
            baseline: before.granted,
            planned: now.granted,
            granted: Some(now.granted),
            sought: None,
            share: split.first().copied().unwrap_or(0),
        },
    );
    total_row(
        &mut out,
        &words.total(TotalLabel::Sought),
        "",
        TotalRow {
            baseline: before.sought,
            planned: now.sought,
            granted: None,
            sought: Some(now.sought),
            share: split.get(1).copied().unwrap_or(0),
        },
    );
    total_row(
        &mut out,
        &words.total(TotalLabel::Grand),
        "",
        TotalRow {
            baseline: before.total(),
            planned: grand,
            granted: Some(now.granted),
            sought: Some(now.sought),
            share: if grand > 0 { 1000 } else { 0 },
        },
    );
    for group in &totals.by_kind {
        let name = dataset.kinds[group.index].name.get(lang);
        let Counted { granted, sought } = group.counted;
        total_row(
            &mut out,
            &words.total(TotalLabel::Kind(name)),
            name,
            TotalRow {
                baseline: group.baseline.total(),
                planned: group.counted.total(),
                granted: Some(granted),
                sought: Some(sought),
                share: group.share_tenths,
            },
        );
    }
    Some(out)
}

/// The figures of one total row.
struct TotalRow {
    baseline: i64,
    planned: i64,
    granted: Option<i64>,
    sought: Option<i64>,
    share: i64,
}

/// One stream's entry in a scenario document.
#[derive(Serialize)]
struct StreamOut {
    amount: Option<i64>,
    locked: bool,
    outcome: OutcomeOut,
}

/// An outcome as the document writes it.
#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
enum OutcomeOut {
    Pending,
    Granted,
    Partial(u8),
    Refused,
}

/// The streams, written as an object in dataset order.
struct StreamsOut<'a> {
    dataset: &'a Dataset,
    scenario: &'a Scenario,
}

impl Serialize for StreamsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.dataset.streams.len()))?;
        let entries = self
            .dataset
            .streams
            .iter()
            .zip(&self.scenario.amounts)
            .zip(&self.scenario.locked)
            .zip(&self.scenario.outcomes);
        for (((stream, amount), locked), outcome) in entries {
            let outcome = match outcome {
                Outcome::Pending => OutcomeOut::Pending,
                Outcome::Granted => OutcomeOut::Granted,
                Outcome::Partial(p) => OutcomeOut::Partial(*p),
                Outcome::Refused => OutcomeOut::Refused,
            };
            map.serialize_entry(
                &stream.id,
                &StreamOut {
                    amount: *amount,
                    locked: *locked,
                    outcome,
                },
            )?;
        }
        map.end()
    }
}

/// The whole scenario document.
#[derive(Serialize)]
struct DocumentOut<'a> {
    format: &'static str,
    version: u32,
    name: &'a str,
    dataset_title: &'a Localized,
    streams: StreamsOut<'a>,
    mode: &'static str,
    count_sought: bool,
}

/// The scenario document of `scenario` over `dataset`, named `name`, as pretty JSON; `None`
/// when the scenario does not fit the dataset.
pub fn scenario_json(dataset: &Dataset, scenario: &Scenario, name: &str) -> Option<String> {
    if !scenario.fits(dataset) {
        return None;
    }
    let document = DocumentOut {
        format: SCENARIO_FORMAT,
        version: SCENARIO_VERSION,
        name,
        dataset_title: &dataset.title,
        streams: StreamsOut { dataset, scenario },
        mode: mode_word(scenario.mode),
        count_sought: scenario.count_sought,
    };
    serde_json::to_string_pretty(&document).ok()
}

fn mode_word(mode: BalanceMode) -> &'static str {
    match mode {
        BalanceMode::Free => "free",
        BalanceMode::FixedPool => "fixed-pool",
    }
}

/// A scenario read from a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedScenario {
    /// The name the document gives it.
    pub name: String,
    /// The scenario, checked against the dataset.
    pub scenario: Scenario,
    /// Whether the document was written for a dataset with the same title.
    pub same_title: bool,
}

/// What is wrong with a scenario document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportErrorKind {
    /// A problem any JSON file can have (size, encoding, syntax, a missing field, a wrong type,
    /// an unknown field, an amount that is not whole, negative or too big), worded as the
    /// dataset reader words it.
    File(ProblemKind),
    /// The file is a dataset, not a scenario.
    DatasetFile,
    /// `format` is not `muchuan-scenario`.
    NotAScenario,
    /// A document version this build cannot read.
    UnsupportedVersion {
        /// The version as written.
        found: String,
    },
    /// A stream id the dataset does not have.
    UnknownStream {
        /// The id.
        id: String,
    },
    /// An amount for a stream whose amount the dataset does not state.
    AmountNotStated,
    /// `null` for a stream whose amount the dataset states.
    AmountMissing,
    /// An outcome other than pending for a stream that is not sought.
    NotSought,
    /// An outcome the format does not have.
    UnknownOutcome {
        /// The outcome as written.
        found: String,
    },
    /// A partial-grant percent that is not a whole number from 0 to 100.
    BadPercent,
    /// A balance mode the format does not have.
    UnknownMode {
        /// The mode as written.
        found: String,
    },
    /// A name longer than [`MAX_NAME_CHARS`].
    NameTooLong,
}

/// A problem with a scenario document, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The path of the value at fault (`streams.training-base.outcome`); empty for the file.
    pub path: String,
    /// Line and column (from 1) for problems of the text itself.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub kind: ImportErrorKind,
}

impl ImportError {
    fn at(path: impl Into<String>, kind: ImportErrorKind) -> ImportError {
        ImportError {
            path: path.into(),
            position: None,
            kind,
        }
    }

    fn file(path: impl Into<String>, kind: ProblemKind) -> ImportError {
        ImportError::at(path, ImportErrorKind::File(kind))
    }
}

/// Reads a scenario document (the bytes of a JSON file) against `dataset`; the first problem
/// found, in document order, is the error.
pub fn import_scenario(bytes: &[u8], dataset: &Dataset) -> Result<ImportedScenario, ImportError> {
    let text = decode_text(bytes).map_err(|problem| ImportError {
        path: problem.path,
        position: problem.position,
        kind: ImportErrorKind::File(problem.kind),
    })?;
    let value: Value = serde_json::from_str(text).map_err(|error| {
        let kind = if error.is_eof() {
            ProblemKind::Truncated
        } else if error.to_string().contains("recursion limit") {
            ProblemKind::TooDeep
        } else {
            ProblemKind::Syntax
        };
        ImportError {
            path: String::new(),
            position: Some((error.line(), error.column())),
            kind: ImportErrorKind::File(kind),
        }
    })?;
    read_document(&value, dataset)
}

fn wrong_type(path: &str, expected: &'static str, found: &Value) -> ImportError {
    ImportError::file(
        path,
        ProblemKind::WrongType {
            expected,
            found: type_name(found),
        },
    )
}

fn object<'v>(
    value: &'v Value,
    path: &str,
    known: &[&str],
) -> Result<&'v Map<String, Value>, ImportError> {
    let Value::Object(map) = value else {
        return Err(wrong_type(path, "object", value));
    };
    if let Some(field) = map.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(ImportError::file(
            child(path, field),
            ProblemKind::UnknownField {
                field: field.clone(),
            },
        ));
    }
    Ok(map)
}

fn required<'v>(
    map: &'v Map<String, Value>,
    field: &'static str,
) -> Result<&'v Value, ImportError> {
    map.get(field)
        .ok_or_else(|| ImportError::file(field, ProblemKind::Missing { field }))
}

fn child(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

fn read_document(value: &Value, dataset: &Dataset) -> Result<ImportedScenario, ImportError> {
    let looks_like_dataset = |map: &Map<String, Value>| {
        map.get("format").is_some_and(Value::is_number)
            && map.get("streams").is_some_and(Value::is_array)
    };
    if let Value::Object(map) = value {
        if looks_like_dataset(map) {
            return Err(ImportError::at("", ImportErrorKind::DatasetFile));
        }
        match map.get("format") {
            Some(Value::String(format)) if format == SCENARIO_FORMAT => {}
            Some(_) => return Err(ImportError::at("format", ImportErrorKind::NotAScenario)),
            None => return Err(ImportError::at("", ImportErrorKind::NotAScenario)),
        }
    }
    const FIELDS: [&str; 7] = [
        "format",
        "version",
        "name",
        "dataset_title",
        "streams",
        "mode",
        "count_sought",
    ];
    let map = object(value, "", &FIELDS)?;
    let version = required(map, "version")?;
    match version.as_u64() {
        Some(v) if v == u64::from(SCENARIO_VERSION) => {}
        Some(_) | None if version.is_number() => {
            return Err(ImportError::at(
                "version",
                ImportErrorKind::UnsupportedVersion {
                    found: version.to_string(),
                },
            ));
        }
        _ => return Err(wrong_type("version", "whole number", version)),
    }
    let name = match required(map, "name")? {
        Value::String(name) if name.chars().count() > MAX_NAME_CHARS => {
            return Err(ImportError::at("name", ImportErrorKind::NameTooLong));
        }
        Value::String(name) => name.clone(),
        other => return Err(wrong_type("name", "string", other)),
    };
    let same_title = match map.get("dataset_title") {
        None => false,
        Some(title @ Value::Object(_)) => {
            serde_json::from_value::<Localized>(title.clone())
                .ok()
                .as_ref()
                == Some(&dataset.title)
        }
        Some(other) => return Err(wrong_type("dataset_title", "object", other)),
    };
    let mut scenario = Scenario::baseline(dataset);
    let streams = required(map, "streams")?;
    let Value::Object(streams) = streams else {
        return Err(wrong_type("streams", "object", streams));
    };
    for (id, entry) in streams {
        let path = child("streams", id);
        let index = dataset.stream_index(id).ok_or_else(|| {
            ImportError::at(&path, ImportErrorKind::UnknownStream { id: id.clone() })
        })?;
        read_stream(entry, &path, dataset, index, &mut scenario)?;
    }
    scenario.mode = match required(map, "mode")? {
        Value::String(mode) if mode == "free" => BalanceMode::Free,
        Value::String(mode) if mode == "fixed-pool" => BalanceMode::FixedPool,
        Value::String(mode) => {
            return Err(ImportError::at(
                "mode",
                ImportErrorKind::UnknownMode {
                    found: mode.chars().take(40).collect(),
                },
            ));
        }
        other => return Err(wrong_type("mode", "string", other)),
    };
    scenario.count_sought = match required(map, "count_sought")? {
        Value::Bool(count) => *count,
        other => return Err(wrong_type("count_sought", "boolean", other)),
    };
    if !scenario.fits(dataset) {
        // Every field was checked above; this is a safeguard.
        return Err(ImportError::at("streams", ImportErrorKind::NotAScenario));
    }
    Ok(ImportedScenario {
        name,
        scenario,
        same_title,
    })
}

fn read_stream(
    entry: &Value,
    path: &str,
    dataset: &Dataset,
    index: usize,
    scenario: &mut Scenario,
) -> Result<(), ImportError> {
    let map = object(entry, path, &["amount", "locked", "outcome"])?;
    let stream = &dataset.streams[index];
    if let Some(amount) = map.get("amount") {
        let amount_path = child(path, "amount");
        let amount = match amount {
            Value::Null => None,
            Value::Number(number) => match number.as_i64() {
                Some(a) if a < 0 => {
                    return Err(ImportError::file(amount_path, ProblemKind::Negative));
                }
                Some(a) if a > MAX_AMOUNT => {
                    return Err(ImportError::file(amount_path, ProblemKind::TooBig));
                }
                Some(a) => Some(a),
                None if number.is_u64() => {
                    return Err(ImportError::file(amount_path, ProblemKind::TooBig));
                }
                None => {
                    return Err(ImportError::file(amount_path, float_amount_problem(number)));
                }
            },
            other => return Err(wrong_type(&amount_path, "whole number or null", other)),
        };
        match (amount, stream.amount) {
            (Some(_), None) => {
                return Err(ImportError::at(
                    amount_path,
                    ImportErrorKind::AmountNotStated,
                ));
            }
            (None, Some(_)) => {
                return Err(ImportError::at(amount_path, ImportErrorKind::AmountMissing));
            }
            _ => scenario.amounts[index] = amount,
        }
    }
    if let Some(locked) = map.get("locked") {
        match locked {
            Value::Bool(locked) => scenario.locked[index] = *locked,
            other => return Err(wrong_type(&child(path, "locked"), "boolean", other)),
        }
    }
    if let Some(outcome) = map.get("outcome") {
        let outcome_path = child(path, "outcome");
        let outcome = read_outcome(outcome, &outcome_path)?;
        if outcome != Outcome::Pending && stream.status != Status::Sought {
            return Err(ImportError::at(outcome_path, ImportErrorKind::NotSought));
        }
        scenario.outcomes[index] = outcome;
    }
    Ok(())
}

fn read_outcome(value: &Value, path: &str) -> Result<Outcome, ImportError> {
    match value {
        Value::String(word) => match word.as_str() {
            "pending" => Ok(Outcome::Pending),
            "granted" => Ok(Outcome::Granted),
            "refused" => Ok(Outcome::Refused),
            _ => Err(ImportError::at(
                path,
                ImportErrorKind::UnknownOutcome {
                    found: word.chars().take(40).collect(),
                },
            )),
        },
        Value::Object(map) => {
            let map = object(value, path, &["partial"]).map(|_| map)?;
            let percent_path = child(path, "partial");
            let percent = map.get("partial").ok_or_else(|| {
                ImportError::file(&percent_path, ProblemKind::Missing { field: "partial" })
            })?;
            percent
                .as_u64()
                .filter(|p| *p <= 100)
                .and_then(|p| u8::try_from(p).ok())
                .map(Outcome::Partial)
                .ok_or_else(|| ImportError::at(percent_path, ImportErrorKind::BadPercent))
        }
        other => Err(wrong_type(path, "string", other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Action;
    use crate::share_link::tests::{actions, dataset as random_dataset, muchuan};
    use proptest::prelude::*;

    /// Words that name each column, status and total by its typed value: the real ones are
    /// the i18n layer's, tested there.
    struct Plain(Lang);

    impl CsvWords for Plain {
        fn lang(&self) -> Lang {
            self.0
        }
        fn heading(&self, column: Column) -> String {
            format!("{column:?}")
        }
        fn status(&self, status: Status) -> String {
            status.key().to_owned()
        }
        fn total(&self, label: TotalLabel<'_>) -> String {
            match label {
                TotalLabel::Kind(name) => format!("Kind {name}"),
                other => format!("{other:?}"),
            }
        }
    }

    fn apply_all(dataset: &Dataset, actions: &[Action]) -> Scenario {
        actions
            .iter()
            .fold(Scenario::baseline(dataset), |scenario, action| {
                scenario.apply(dataset, action.clone()).unwrap_or(scenario)
            })
    }

    fn index(dataset: &Dataset, id: &str) -> usize {
        dataset.stream_index(id).expect("stream exists")
    }

    fn lowered_loans(dataset: &Dataset) -> Scenario {
        apply_all(
            dataset,
            &[
                Action::SetAmount {
                    stream: index(dataset, "guaranteed-loans"),
                    amount: 2_230_000,
                },
                Action::SetOutcome {
                    stream: index(dataset, "training-base"),
                    outcome: Outcome::Partial(50),
                },
            ],
        )
    }

    #[test]
    fn csv_has_bom_crlf_header_streams_and_totals() {
        let dataset = muchuan();
        let csv = scenario_csv(&dataset, &lowered_loans(&dataset), &Plain(Lang::En)).expect("fits");
        assert!(csv.starts_with('\u{FEFF}'));
        assert!(csv.ends_with("\r\n"));
        assert!(!csv.replace("\r\n", "").contains('\n'));
        let lines: Vec<&str> = csv
            .trim_start_matches('\u{FEFF}')
            .split_terminator("\r\n")
            .collect();
        assert_eq!(
            lines[0],
            "Id,Name,Kind,Agency,Status,Baseline,Planned,Granted,Sought,Delta,Share"
        );
        assert_eq!(
            lines[1],
            "guaranteed-loans,Entrepreneurship guaranteed loans,Loans,\
             Human Resources & Social Security (city bureau),secured,\
             2730000,2230000,2230000,0,-500000,8.2"
        );
        assert!(
            lines[3].ends_with(",prioritised,,,,,,"),
            "unstated amounts are empty: {}",
            lines[3]
        );
        assert!(
            lines[4].contains(",20000000,20000000,10000000,0,0,"),
            "{}",
            lines[4]
        );
        assert_eq!(lines.len(), 1 + 9 + 3 + 5);
        assert_eq!(
            lines[10],
            ",Granted,,,,17580000,27080000,27080000,,9500000,98.9"
        );
        assert_eq!(
            lines[11],
            ",Sought,,,,20300000,300000,,300000,-20000000,1.1"
        );
        assert_eq!(
            lines[12],
            ",Grand,,,,37880000,27380000,27080000,300000,-10500000,100.0"
        );
        assert!(lines[13].starts_with(",Kind Loans,Loans,,,2730000,2230000,2230000,0,-500000,"));
        let records = crate::csv::read(csv.trim_start_matches('\u{FEFF}')).expect("valid CSV");
        assert!(records.iter().all(|r| r.cells.len() == 11));
    }

    #[test]
    fn csv_neutralises_text_but_keeps_numbers() {
        let mut dataset = muchuan();
        dataset.streams[0].name.en = Some("=HYPERLINK(\"http://x\",\"y\")".into());
        dataset.streams[1].name.en = Some("-1, or @me".into());
        let scenario = lowered_loans(&dataset);
        let csv = scenario_csv(&dataset, &scenario, &Plain(Lang::En)).expect("fits");
        let records = crate::csv::read(csv.trim_start_matches('\u{FEFF}')).expect("valid");
        assert_eq!(records[1].cells[1], "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(records[2].cells[1], "'-1, or @me");
        assert_eq!(
            records[1].cells[9], "-500000",
            "a negative delta stays a number"
        );
        assert!(
            scenario_csv(
                &dataset,
                &Scenario::baseline(&muchuan_smaller()),
                &Plain(Lang::En)
            )
            .is_none()
        );
    }

    fn muchuan_smaller() -> Dataset {
        let mut dataset = muchuan();
        dataset.streams.pop();
        dataset
    }

    #[test]
    fn json_writes_the_documented_shape() {
        let dataset = muchuan();
        let json = scenario_json(&dataset, &lowered_loans(&dataset), "Fewer loans").expect("fits");
        let value: Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value["format"], "muchuan-scenario");
        assert_eq!(value["version"], 1);
        assert_eq!(value["name"], "Fewer loans");
        assert_eq!(value["mode"], "free");
        assert_eq!(value["count_sought"], true);
        assert_eq!(
            value["dataset_title"]["en"],
            dataset.title.en.clone().unwrap_or_default()
        );
        let loans = &value["streams"]["guaranteed-loans"];
        assert_eq!(loans["amount"], 2_230_000);
        assert_eq!(loans["locked"], false);
        assert_eq!(loans["outcome"], "pending");
        assert_eq!(value["streams"]["training-base"]["outcome"]["partial"], 50);
        assert_eq!(value["streams"]["finance-priority"]["amount"], Value::Null);
        let first = json.find("guaranteed-loans").unwrap_or(usize::MAX);
        let last = json.find("sye-project").unwrap_or(0);
        assert!(first < last, "streams in dataset order");
        let imported = import_scenario(json.as_bytes(), &dataset).expect("imports");
        assert_eq!(imported.scenario, lowered_loans(&dataset));
        assert_eq!(imported.name, "Fewer loans");
        assert!(imported.same_title);
    }

    fn import_error(json: &str) -> (String, ImportErrorKind) {
        match import_scenario(json.as_bytes(), &muchuan()) {
            Ok(imported) => panic!("imported {imported:?}"),
            Err(error) => (error.path, error.kind),
        }
    }

    fn doc(streams: &str) -> String {
        format!(
            r#"{{"format":"muchuan-scenario","version":1,"name":"n","streams":{streams},"mode":"free","count_sought":true}}"#
        )
    }

    #[test]
    fn import_errors_are_typed_and_located() {
        use ImportErrorKind as K;
        assert_eq!(
            import_error(""),
            (String::new(), K::File(ProblemKind::Empty))
        );
        assert_eq!(
            import_error("{\"format\":"),
            (String::new(), K::File(ProblemKind::Truncated))
        );
        assert_eq!(
            import_error(crate::MUCHUAN_JSON),
            (String::new(), K::DatasetFile)
        );
        assert_eq!(
            import_error("[1]"),
            (
                String::new(),
                K::File(ProblemKind::WrongType {
                    expected: "object",
                    found: "array"
                })
            )
        );
        assert_eq!(
            import_error("{\"format\":\"x\"}"),
            ("format".into(), K::NotAScenario)
        );
        assert_eq!(
            import_error(&doc("{}").replace("\"version\":1", "\"version\":2")),
            (
                "version".into(),
                K::UnsupportedVersion { found: "2".into() }
            )
        );
        assert_eq!(
            import_error(&doc("{}").replace(",\"mode\":\"free\"", "")),
            (
                "mode".into(),
                K::File(ProblemKind::Missing { field: "mode" })
            )
        );
        assert_eq!(
            import_error(&doc("{}").replace("\"free\"", "\"pool\"")),
            (
                "mode".into(),
                K::UnknownMode {
                    found: "pool".into()
                }
            )
        );
        assert_eq!(
            import_error(&doc("{}").replace("\"name\"", "\"nmae\"")),
            (
                "nmae".into(),
                K::File(ProblemKind::UnknownField {
                    field: "nmae".into()
                })
            )
        );
        assert_eq!(
            import_error(&doc(r#"{"nope":{}}"#)),
            (
                "streams.nope".into(),
                K::UnknownStream { id: "nope".into() }
            )
        );
        assert_eq!(
            import_error(&doc(r#"{"tech-projects":{"amount":-1}}"#)),
            (
                "streams.tech-projects.amount".into(),
                K::File(ProblemKind::Negative)
            )
        );
        assert_eq!(
            import_error(&doc(r#"{"tech-projects":{"amount":1.5}}"#)),
            (
                "streams.tech-projects.amount".into(),
                K::File(ProblemKind::NotWholeNumber)
            )
        );
        assert_eq!(
            import_error(&doc(r#"{"tech-projects":{"amount":1000000000000000001}}"#)),
            (
                "streams.tech-projects.amount".into(),
                K::File(ProblemKind::TooBig)
            )
        );
        // Past u64 the parser reads digits as a float: still too big, not "not whole".
        assert_eq!(
            import_error(&doc(
                r#"{"tech-projects":{"amount":100000000000000000000}}"#
            )),
            (
                "streams.tech-projects.amount".into(),
                K::File(ProblemKind::TooBig)
            )
        );
        assert_eq!(
            import_error(&doc(r#"{"tech-projects":{"amount":null}}"#)),
            ("streams.tech-projects.amount".into(), K::AmountMissing)
        );
        assert_eq!(
            import_error(&doc(r#"{"finance-priority":{"amount":5}}"#)),
            ("streams.finance-priority.amount".into(), K::AmountNotStated)
        );
        assert_eq!(
            import_error(&doc(r#"{"tech-projects":{"outcome":"granted"}}"#)),
            ("streams.tech-projects.outcome".into(), K::NotSought)
        );
        assert_eq!(
            import_error(&doc(r#"{"training-base":{"outcome":{"partial":101}}}"#)),
            (
                "streams.training-base.outcome.partial".into(),
                K::BadPercent
            )
        );
        assert_eq!(
            import_error(&doc(r#"{"training-base":{"outcome":"maybe"}}"#)),
            (
                "streams.training-base.outcome".into(),
                K::UnknownOutcome {
                    found: "maybe".into()
                }
            )
        );
        assert_eq!(
            import_error(&doc(r#"{"training-base":{"locked":"yes"}}"#)),
            (
                "streams.training-base.locked".into(),
                K::File(ProblemKind::WrongType {
                    expected: "boolean",
                    found: "string"
                })
            )
        );
        let long_name =
            doc("{}").replace("\"n\"", &format!("\"{}\"", "x".repeat(MAX_NAME_CHARS + 1)));
        assert_eq!(import_error(&long_name), ("name".into(), K::NameTooLong));
        let error = import_scenario(b"{\n \"format\": x", &muchuan()).err();
        assert_eq!(error.and_then(|e| e.position), Some((2, 12)));
    }

    #[test]
    fn import_fills_left_out_streams_from_the_baseline() {
        let dataset = muchuan();
        let imported = import_scenario(
            doc(r#"{"training-base":{"outcome":"refused"}}"#).as_bytes(),
            &dataset,
        )
        .expect("imports");
        let mut expected = Scenario::baseline(&dataset);
        expected.outcomes[index(&dataset, "training-base")] = Outcome::Refused;
        assert_eq!(imported.scenario, expected);
        assert!(!imported.same_title);
    }

    fn random_dataset_and_actions() -> impl Strategy<Value = (Dataset, Vec<Action>)> {
        random_dataset().prop_flat_map(|dataset| {
            let count = dataset.streams.len();
            (Just(dataset), actions(count))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn json_round_trips_on_muchuan(actions in actions(9), name in "\\PC{0,60}") {
            let dataset = muchuan();
            let scenario = apply_all(&dataset, &actions);
            let json = scenario_json(&dataset, &scenario, &name).ok_or_else(|| TestCaseError::fail("fits"))?;
            let imported = import_scenario(json.as_bytes(), &dataset);
            prop_assert_eq!(imported, Ok(ImportedScenario { name, scenario, same_title: true }));
        }

        #[test]
        fn json_round_trips_on_random_datasets((dataset, actions) in random_dataset_and_actions()) {
            let scenario = apply_all(&dataset, &actions);
            let json = scenario_json(&dataset, &scenario, "s").ok_or_else(|| TestCaseError::fail("fits"))?;
            let imported = import_scenario(json.as_bytes(), &dataset).map(|i| i.scenario);
            prop_assert_eq!(imported, Ok(scenario.clone()));
            let csv = scenario_csv(&dataset, &scenario, &Plain(Lang::En)).ok_or_else(|| TestCaseError::fail("fits"))?;
            let records = crate::csv::read(csv.trim_start_matches('\u{FEFF}'))
                .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!(records.len(), 1 + dataset.streams.len() + 3 + dataset.kinds.len());
        }

        #[test]
        fn any_bytes_import_or_err(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = import_scenario(&bytes, &muchuan());
        }
    }
}
