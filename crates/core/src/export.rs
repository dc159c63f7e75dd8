//! Exports of the current scenario: a CSV table for spreadsheets, and a JSON document that can
//! be imported again.
//!
//! # CSV
//!
//! See [`crate::scenario_csv`]: a table that reconciles with its totals.
//!
//! # Scenario JSON
//!
//! ```json
//! {
//!   "format": "muchuan-scenario",
//!   "version": 1,
//!   "name": "More loans",
//!   "dataset_title": { "zh-Hans": "…", "zh-Hant": "…", "en": "…" },
//!   "data_origin": "https://data.example.gov.cn/mabian.json",
//!   "streams": {
//!     "guaranteed-loans": { "amount": 3000000, "locked": false, "outcome": "pending",
//!                           "note": "More farmers apply after the spring fair" },
//!     "training-base": { "amount": 20000000, "locked": true, "outcome": { "partial": 50 } }
//!   },
//!   "mode": "free",
//!   "count_sought": true
//! }
//! ```
//!
//! `outcome` is `"pending"`, `"granted"`, `"refused"`, `{ "partial": 0–100 }` or
//! `{ "covered": 0–100 }` (granted that percentage, the rest made up from other items); `amount` is
//! whole yuan, or `null` for a stream whose amount is not stated; `mode` is `"free"` or
//! `"fixed-pool"`; `note` is the planner's reason for the change, at most 200 characters, left
//! out when empty. The export writes every stream in dataset order. The import reads streams by
//! id: a stream left out, or a field left out of a stream, takes the dataset's baseline; an
//! unknown field, an unknown stream id or a value the dataset does not allow is a located
//! [`ImportError`]. `dataset_title` is informational: a different title does not stop the
//! import, [`ImportedScenario::same_title`] tells. `data_origin`, written only when the figures
//! are not the built-in dataset, names where they were read from (a URL or a file's name), as
//! the page header does; it is informational too (a string, or left out).

use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::{Map, Value};

use crate::dataset::{Dataset, Localized, Status};
use crate::money::MAX_AMOUNT;
use crate::saved::MAX_NAME_CHARS;
use crate::scenario::{BalanceMode, Outcome, Scenario, clean_note};
use crate::validate::{ProblemKind, decode_text, float_amount_problem, json_problem, type_name};

pub use crate::scenario_csv::{
    About, Column, CsvAbout, CsvWords, Day, TotalLabel, Unit, scenario_csv,
};

/// The `format` value of a scenario document.
pub const SCENARIO_FORMAT: &str = "muchuan-scenario";

/// The scenario document version this build writes and reads.
pub const SCENARIO_VERSION: u32 = 1;

/// One stream's entry in a scenario document.
#[derive(Serialize)]
struct StreamOut<'a> {
    amount: Option<i64>,
    locked: bool,
    outcome: OutcomeOut,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
}

/// An outcome as the document writes it.
#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
enum OutcomeOut {
    Pending,
    Granted,
    Partial(u8),
    Refused,
    Covered(u8),
}

/// The streams, written as an object in dataset order.
struct StreamsOut<'a> {
    dataset: &'a Dataset,
    scenario: &'a Scenario,
}

impl Serialize for StreamsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.dataset.streams.len()))?;
        for (stream, plan) in self.dataset.streams.iter().zip(&self.scenario.plans) {
            let outcome = match plan.outcome {
                Outcome::Pending => OutcomeOut::Pending,
                Outcome::Granted => OutcomeOut::Granted,
                Outcome::Partial(p) => OutcomeOut::Partial(p),
                Outcome::Refused => OutcomeOut::Refused,
                Outcome::Covered(p) => OutcomeOut::Covered(p),
            };
            map.serialize_entry(
                &stream.id,
                &StreamOut {
                    amount: plan.amount,
                    locked: plan.locked,
                    outcome,
                    note: &plan.note,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    data_origin: Option<&'a str>,
    streams: StreamsOut<'a>,
    mode: &'static str,
    count_sought: bool,
}

/// The scenario document of `scenario` over `dataset`, named `name`, as pretty JSON; `None`
/// when the scenario does not fit the dataset.
pub fn scenario_json(dataset: &Dataset, scenario: &Scenario, name: &str) -> Option<String> {
    scenario_json_from(dataset, scenario, name, None)
}

/// [`scenario_json`] of figures read from `origin` (a URL or a file's name) when they are not
/// the built-in dataset: the document names it in `data_origin`.
pub fn scenario_json_from(
    dataset: &Dataset,
    scenario: &Scenario,
    name: &str,
    origin: Option<&str>,
) -> Option<String> {
    if !scenario.fits(dataset) {
        return None;
    }
    let document = DocumentOut {
        format: SCENARIO_FORMAT,
        version: SCENARIO_VERSION,
        name,
        dataset_title: &dataset.title,
        data_origin: origin,
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
    /// A stream's note longer than [`crate::scenario::MAX_NOTE_CHARS`] characters.
    NoteTooLong,
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
    let value = crate::json::parse(text).map_err(|error| {
        let problem = json_problem(error);
        ImportError {
            path: problem.path,
            position: problem.position,
            kind: ImportErrorKind::File(problem.kind),
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
    const FIELDS: [&str; 8] = [
        "format",
        "version",
        "name",
        "dataset_title",
        "data_origin",
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
    match map.get("data_origin") {
        None | Some(Value::String(_)) => {}
        Some(other) => return Err(wrong_type("data_origin", "string", other)),
    }
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
    let map = object(entry, path, &["amount", "locked", "outcome", "note"])?;
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
            _ => scenario.plans[index].amount = amount,
        }
    }
    if let Some(locked) = map.get("locked") {
        match locked {
            Value::Bool(locked) => scenario.plans[index].locked = *locked,
            other => return Err(wrong_type(&child(path, "locked"), "boolean", other)),
        }
    }
    if let Some(outcome) = map.get("outcome") {
        let outcome_path = child(path, "outcome");
        let outcome = read_outcome(outcome, &outcome_path)?;
        if outcome != Outcome::Pending && stream.status != Status::Sought {
            return Err(ImportError::at(outcome_path, ImportErrorKind::NotSought));
        }
        scenario.plans[index].outcome = outcome;
    }
    if let Some(note) = map.get("note") {
        let note_path = child(path, "note");
        let Value::String(note) = note else {
            return Err(wrong_type(&note_path, "string", note));
        };
        scenario.plans[index].note = clean_note(note)
            .map_err(|_| ImportError::at(note_path, ImportErrorKind::NoteTooLong))?;
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
            let map = object(value, path, &["partial", "covered"]).map(|_| map)?;
            // `{ "partial": 40 }`, or `{ "covered": 40 }` for a shortfall made up from other
            // items; never both.
            let (field, outcome): (&'static str, fn(u8) -> Outcome) =
                match (map.contains_key("partial"), map.contains_key("covered")) {
                    (true, true) => {
                        return Err(ImportError::at(
                            path,
                            ImportErrorKind::UnknownOutcome {
                                found: "partial + covered".into(),
                            },
                        ));
                    }
                    (false, true) => ("covered", Outcome::Covered),
                    _ => ("partial", Outcome::Partial),
                };
            let percent_path = child(path, field);
            let percent = map
                .get(field)
                .ok_or_else(|| ImportError::file(&percent_path, ProblemKind::Missing { field }))?;
            percent
                .as_u64()
                .filter(|p| *p <= 100)
                .and_then(|p| u8::try_from(p).ok())
                .map(outcome)
                .ok_or_else(|| ImportError::at(percent_path, ImportErrorKind::BadPercent))
        }
        other => Err(wrong_type(path, "string", other)),
    }
}

#[cfg(test)]
mod tests;
