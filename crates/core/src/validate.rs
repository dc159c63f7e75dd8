//! Reading a dataset from bytes: every problem found, each located, and never a panic.
//!
//! The text is parsed into a JSON tree first (syntax errors carry a line and column), then the
//! tree is walked field by field so that one bad value does not hide the next: the report lists
//! every problem at once, each with the JSON path of the value at fault (`streams[3].amount`).

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::dataset::{
    Agency, Dataset, FORMAT_VERSION, Kind, Localized, Source, Status, Stream, Units,
};
use crate::json::{JsonError, JsonErrorKind};
use crate::money::MAX_AMOUNT;

/// The largest dataset file read: 4 MiB, far above a county's few dozen streams.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// The most streams a dataset may have.
pub const MAX_STREAMS: usize = 5_000;
// Every total adds at most MAX_STREAMS amounts of at most MAX_AMOUNT: it must fit an i64.
const _: () = assert!(MAX_AMOUNT.checked_mul(MAX_STREAMS as i64).is_some());
/// The most kinds a dataset may define: far above a county's handful, and few enough that a
/// totals table and a legend of them stay usable.
pub const MAX_KINDS: usize = 1_000;
/// The most agencies a dataset may define.
pub const MAX_AGENCIES: usize = 1_000;
/// The most problems of each severity a report lists one by one; the rest are counted in one
/// last entry, so a file of a hundred thousand broken values costs no more than a few hundred.
pub const MAX_PROBLEMS: usize = 300;
/// The longest text (name, quote) a dataset may hold, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The longest identifier, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The dataset cannot be used.
    Error,
    /// The dataset loads, but something will fall back (a missing translation).
    Warning,
}

/// What is wrong, with the facts a message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file is larger than [`MAX_BYTES`].
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// The file is empty or only white space.
    Empty,
    /// The bytes are not UTF-8.
    NotUtf8,
    /// The text ends in the middle of a value.
    Truncated,
    /// The JSON nests deeper than the parser allows.
    TooDeep,
    /// The text is not JSON here.
    Syntax,
    /// An object names the same key twice (a JSON reader would keep only one of them).
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// A required field is absent.
    Missing {
        /// The field's name.
        field: &'static str,
    },
    /// A value has the wrong JSON type.
    WrongType {
        /// What the format wants here.
        expected: &'static str,
        /// What the file has.
        found: &'static str,
    },
    /// A field the format does not have (often a typing error).
    UnknownField {
        /// The field's name as written.
        field: String,
    },
    /// `format` names a version this build cannot read.
    UnsupportedFormat {
        /// The version written.
        found: String,
    },
    /// `currency` is not `CNY`.
    UnsupportedCurrency {
        /// The code written.
        found: String,
    },
    /// An amount with a fraction or an exponent.
    NotWholeNumber,
    /// An amount below zero.
    Negative,
    /// Zero written with a minus sign (`-0`, `-0.0`; in a table also `-0万`, `-¥0`): refused
    /// alike in JSON and in tables, as a slip to correct rather than a number to guess at.
    MinusZero,
    /// An amount above 10^15 yuan.
    TooBig,
    /// An identifier that is empty, too long, or has characters outside `A–Z a–z 0–9 - _ .`.
    BadId,
    /// An identifier used twice in one list.
    DuplicateId {
        /// The identifier.
        id: String,
        /// Where it was first used.
        first: String,
    },
    /// A stream names a kind the dataset does not define.
    UnknownKind {
        /// The identifier written.
        id: String,
    },
    /// A stream names an agency the dataset does not define.
    UnknownAgency {
        /// The identifier written.
        id: String,
    },
    /// A status word the format does not have.
    UnknownStatus {
        /// The word written.
        found: String,
    },
    /// A text object with a language key other than `zh-Hans`, `zh-Hant`, `en`.
    UnknownLanguage {
        /// The key written.
        key: String,
    },
    /// A name, title or quote with no text in any language.
    EmptyText,
    /// A text longer than [`MAX_TEXT_CHARS`].
    TextTooLong,
    /// A text that lacks one language; the view falls back to another.
    MissingLanguage {
        /// The language tag missing.
        lang: &'static str,
    },
    /// A list that must not be empty is empty.
    EmptyList,
    /// More than [`MAX_STREAMS`] streams.
    TooManyStreams,
    /// More than [`MAX_KINDS`] kinds.
    TooManyKinds,
    /// More than [`MAX_AGENCIES`] agencies.
    TooManyAgencies,
    /// The problems past the first [`MAX_PROBLEMS`], counted rather than listed (always last).
    MoreProblems {
        /// How many were left out.
        count: usize,
    },
    /// A unit count of zero.
    ZeroUnits,
    /// A spreadsheet's amount cell that is neither empty nor a number of yuan or 万 (CSV).
    NotAnAmount,
}

/// One problem, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// How serious it is.
    pub severity: Severity,
    /// The JSON path of the value at fault (`streams[3].amount`); empty for the whole file.
    pub path: String,
    /// Line and column (both from 1) for problems in the text itself.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// Every problem found in a dataset that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Errors first, in the order of the file, then warnings.
    pub problems: Vec<Problem>,
}

impl Report {
    /// The problems that stop the dataset from loading.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }
}

/// A dataset that passed validation, with the warnings it still carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Validated {
    /// The dataset.
    pub dataset: Dataset,
    /// Fallbacks the view will use (missing translations).
    pub warnings: Vec<Problem>,
}

/// Reads a dataset from the bytes of a JSON file.
pub fn parse_dataset(bytes: &[u8]) -> Result<Validated, Report> {
    let text = decode_text(bytes).map_err(|problem| Report {
        problems: vec![problem],
    })?;
    let value = crate::json::parse(text).map_err(|error| Report {
        problems: vec![json_problem(error)],
    })?;
    // The tree forgets the order of an object's fields, so the walker reports in the format's
    // order; the text puts the problems back in the order of the file.
    let walked = walk(&value, Rules::default());
    let mut problems = walked.problems;
    sort_in_file_order(&mut problems, text);
    walked.omitted.finish(walked.dataset, problems)
}

/// Checks a dataset already parsed as a JSON tree (used by the CSV reader too).
pub fn validate_value(value: &Value) -> Result<Validated, Report> {
    validate_value_with(value, Rules::default())
}

/// What a dataset may leave out beyond the format's optional fields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    /// A county's own figures: the title, the source's title and publisher, and each quote
    /// may be empty (shown as "no source given", never invented).
    pub source_optional: bool,
}

/// [`validate_value`] under `rules`.
pub fn validate_value_with(value: &Value, rules: Rules) -> Result<Validated, Report> {
    let walked = walk(value, rules);
    walked.omitted.finish(walked.dataset, walked.problems)
}

/// What a walk of the tree found: the dataset it could build, the problems it lists (errors
/// first) and those it only counted.
struct Walked {
    dataset: Option<Dataset>,
    problems: Vec<Problem>,
    omitted: Omitted,
}

fn walk(value: &Value, rules: Rules) -> Walked {
    let mut walker = Walker {
        rules,
        ..Walker::default()
    };
    let dataset = walker.dataset(value);
    let (mut problems, warnings): (Vec<Problem>, Vec<Problem>) = walker
        .problems
        .into_iter()
        .partition(|p| p.severity == Severity::Error);
    let mut omitted = walker.omitted;
    // Errors first; the list as a whole stays within MAX_PROBLEMS.
    let room = MAX_PROBLEMS.saturating_sub(problems.len());
    omitted.warnings += warnings.len().saturating_sub(room);
    problems.extend(warnings.into_iter().take(room));
    Walked {
        dataset,
        problems,
        omitted,
    }
}

/// Problems counted but not listed.
#[derive(Clone, Copy, Debug, Default)]
struct Omitted {
    errors: usize,
    warnings: usize,
}

impl Omitted {
    /// The outcome of a walk: the dataset when no error was found (listed or not), else the
    /// report; either list ends with the count of the problems left out, if any.
    fn finish(
        self,
        dataset: Option<Dataset>,
        mut problems: Vec<Problem>,
    ) -> Result<Validated, Report> {
        let count = self.errors + self.warnings;
        if count > 0 {
            problems.push(Problem {
                severity: if self.errors > 0 {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                path: String::new(),
                position: None,
                kind: ProblemKind::MoreProblems { count },
            });
        }
        let has_error = self.errors > 0 || problems.iter().any(|p| p.severity == Severity::Error);
        match dataset {
            Some(dataset) if !has_error => Ok(Validated {
                dataset,
                warnings: problems,
            }),
            _ => Err(Report { problems }),
        }
    }
}

/// Checks the size and the encoding, and drops a leading byte-order mark.
pub fn decode_text(bytes: &[u8]) -> Result<&str, Problem> {
    let whole_file = |kind| Problem {
        severity: Severity::Error,
        path: String::new(),
        position: None,
        kind,
    };
    if bytes.len() > MAX_BYTES {
        return Err(whole_file(ProblemKind::TooLarge { bytes: bytes.len() }));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| Problem {
        position: Some(line_column(&bytes[..error.valid_up_to()])),
        ..whole_file(ProblemKind::NotUtf8)
    })?;
    if text.trim().is_empty() {
        return Err(whole_file(ProblemKind::Empty));
    }
    Ok(text)
}

/// 2^64 and 2^63 as floats: the edges of the integers the JSON parser reads as integers.
const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

/// What is wrong with an amount the JSON parser read as a float rather than an integer. An
/// integer literal in the range of i64 or u64 would have been read as an integer, so a float in
/// that range was written with a point or an exponent. Beyond it, the parser also makes a
/// float of a long run of digits, and the size is what matters.
pub fn float_amount_problem(number: &serde_json::Number) -> ProblemKind {
    let float = number.as_f64().unwrap_or(0.0);
    if float == 0.0 && float.is_sign_negative() {
        ProblemKind::MinusZero
    } else if float.fract() != 0.0 {
        ProblemKind::NotWholeNumber
    } else if float >= TWO_POW_64 {
        ProblemKind::TooBig
    } else if float <= -TWO_POW_63 {
        ProblemKind::Negative
    } else {
        ProblemKind::NotWholeNumber
    }
}

/// The line and column (from 1) just after `before`.
fn line_column(before: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(before);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A JSON text that could not be read, as a problem located by line and column.
pub fn json_problem(error: JsonError) -> Problem {
    Problem {
        severity: Severity::Error,
        path: String::new(),
        position: Some((error.line, error.column)),
        kind: match error.kind {
            JsonErrorKind::Syntax => ProblemKind::Syntax,
            JsonErrorKind::Truncated => ProblemKind::Truncated,
            JsonErrorKind::TooDeep => ProblemKind::TooDeep,
            JsonErrorKind::DuplicateKey { key } => ProblemKind::DuplicateKey { key },
        },
    }
}

/// The JSON type of a value, as messages name it.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn child(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id.chars().count() <= MAX_ID_CHARS
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Walks the tree, collecting problems; each method returns the value it could build.
#[derive(Default)]
struct Walker {
    problems: Vec<Problem>,
    /// Listed problems of each severity, to stop listing at MAX_PROBLEMS.
    listed: Omitted,
    omitted: Omitted,
    rules: Rules,
}

impl Walker {
    fn push(&mut self, severity: Severity, path: impl Into<String>, kind: ProblemKind) {
        let (listed, omitted) = match severity {
            Severity::Error => (&mut self.listed.errors, &mut self.omitted.errors),
            Severity::Warning => (&mut self.listed.warnings, &mut self.omitted.warnings),
        };
        if *listed >= MAX_PROBLEMS {
            *omitted += 1;
            return;
        }
        *listed += 1;
        self.problems.push(Problem {
            severity,
            path: path.into(),
            position: None,
            kind,
        });
    }

    fn report(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.push(Severity::Error, path, kind);
    }

    fn warn(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.push(Severity::Warning, path, kind);
    }

    fn wrong_type(&mut self, path: &str, expected: &'static str, found: &Value) {
        self.report(
            path,
            ProblemKind::WrongType {
                expected,
                found: type_name(found),
            },
        );
    }

    /// The object at `path`, reporting fields outside `known`.
    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.wrong_type(path, "object", value);
            return None;
        };
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            self.report(
                child(path, key),
                ProblemKind::UnknownField { field: key.clone() },
            );
        }
        Some(map)
    }

    /// A required field of `map`.
    fn field<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        field: &'static str,
    ) -> Option<&'v Value> {
        let value = map.get(field);
        if value.is_none() {
            self.report(child(path, field), ProblemKind::Missing { field });
        }
        value
    }

    fn string(&mut self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::String(text) if text.chars().count() > MAX_TEXT_CHARS => {
                self.report(path, ProblemKind::TextTooLong);
                None
            }
            Value::String(text) => Some(text.clone()),
            other => {
                self.wrong_type(path, "string", other);
                None
            }
        }
    }

    /// A non-blank string (quotes, currency).
    fn text(&mut self, value: &Value, path: &str) -> Option<String> {
        let text = self.string(value, path)?;
        if text.trim().is_empty() {
            self.report(path, ProblemKind::EmptyText);
            return None;
        }
        Some(text)
    }

    /// A title or the source's words: `{}` allowed when the rules make the source optional.
    fn sourcing(&mut self, value: &Value, path: &str) -> Option<Localized> {
        match value {
            Value::Object(empty) if self.rules.source_optional && empty.is_empty() => {
                Some(Localized::default())
            }
            value => self.localized(value, path),
        }
    }

    fn id(&mut self, value: &Value, path: &str) -> Option<String> {
        let id = self.string(value, path)?;
        if !is_valid_id(&id) {
            self.report(path, ProblemKind::BadId);
            return None;
        }
        Some(id)
    }

    fn localized(&mut self, value: &Value, path: &str) -> Option<Localized> {
        const LANGS: [&str; 3] = ["zh-Hans", "zh-Hant", "en"];
        let Value::Object(map) = value else {
            self.wrong_type(path, "object", value);
            return None;
        };
        let mut localized = Localized::default();
        let mut ok = true;
        for (key, text) in map {
            let text_path = child(path, key);
            let slot = match key.as_str() {
                "zh-Hans" => &mut localized.zh_hans,
                "zh-Hant" => &mut localized.zh_hant,
                "en" => &mut localized.en,
                _ => {
                    self.report(text_path, ProblemKind::UnknownLanguage { key: key.clone() });
                    ok = false;
                    continue;
                }
            };
            match self.string(text, &text_path) {
                Some(text) => *slot = Some(text),
                None => ok = false,
            }
        }
        if !ok {
            return None;
        }
        let present = |key: &str| {
            match key {
                "zh-Hans" => localized.zh_hans.as_deref(),
                "zh-Hant" => localized.zh_hant.as_deref(),
                _ => localized.en.as_deref(),
            }
            .is_some_and(|t| !t.trim().is_empty())
        };
        if !LANGS.iter().any(|l| present(l)) {
            self.report(path, ProblemKind::EmptyText);
            return None;
        }
        for lang in LANGS.into_iter().filter(|l| !present(l)) {
            self.warn(path, ProblemKind::MissingLanguage { lang });
        }
        Some(localized)
    }

    fn amount(&mut self, value: &Value, path: &str) -> Option<Option<i64>> {
        match value {
            Value::Null => Some(None),
            Value::Number(number) => {
                if let Some(amount) = number.as_i64() {
                    if amount < 0 {
                        self.report(path, ProblemKind::Negative);
                        None
                    } else if amount > MAX_AMOUNT {
                        self.report(path, ProblemKind::TooBig);
                        None
                    } else {
                        Some(Some(amount))
                    }
                } else if number.is_u64() {
                    self.report(path, ProblemKind::TooBig);
                    None
                } else {
                    self.report(path, float_amount_problem(number));
                    None
                }
            }
            other => {
                self.wrong_type(path, "whole number or null", other);
                None
            }
        }
    }

    /// A list of objects with unique `id`s, each read by `item`; a list longer than `max` is
    /// refused before any item is read.
    fn list<T>(
        &mut self,
        map: &Map<String, Value>,
        field: &'static str,
        (max, too_many): (usize, ProblemKind),
        mut item: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let value = self.field(map, "", field)?;
        let Value::Array(items) = value else {
            self.wrong_type(field, "array", value);
            return None;
        };
        if items.is_empty() {
            self.report(field, ProblemKind::EmptyList);
            return None;
        }
        if items.len() > max {
            self.report(field, too_many);
            return None;
        }
        let mut first_use: HashMap<&str, String> = HashMap::new();
        let mut built = Vec::with_capacity(items.len());
        for (index, value) in items.iter().enumerate() {
            let path = format!("{field}[{index}]");
            if let Some(Value::String(id)) = value.get("id") {
                if let Some(first) = first_use.get(id.as_str()) {
                    self.report(
                        child(&path, "id"),
                        ProblemKind::DuplicateId {
                            id: id.clone(),
                            first: first.clone(),
                        },
                    );
                } else {
                    first_use.insert(id, child(&path, "id"));
                }
            }
            if let Some(thing) = item(self, value, &path) {
                built.push(thing);
            }
        }
        (built.len() == items.len()).then_some(built)
    }

    fn kind(&mut self, value: &Value, path: &str) -> Option<Kind> {
        let map = self.object(value, path, &["id", "name"])?;
        let id = self
            .field(map, path, "id")
            .and_then(|v| self.id(v, &child(path, "id")));
        let name = self
            .field(map, path, "name")
            .and_then(|v| self.localized(v, &child(path, "name")));
        Some(Kind {
            id: id?,
            name: name?,
        })
    }

    fn agency(&mut self, value: &Value, path: &str) -> Option<Agency> {
        self.kind(value, path).map(|k| Agency {
            id: k.id,
            name: k.name,
        })
    }

    fn units(&mut self, value: &Value, path: &str) -> Option<Units> {
        let map = self.object(value, path, &["count", "label", "quote"])?;
        let count_path = child(path, "count");
        let count = self
            .field(map, path, "count")
            .and_then(|v| match v.as_u64() {
                Some(0) => {
                    self.report(&count_path, ProblemKind::ZeroUnits);
                    None
                }
                Some(count) => Some(count),
                None => {
                    self.wrong_type(&count_path, "whole number", v);
                    None
                }
            });
        let label = self
            .field(map, path, "label")
            .and_then(|v| self.localized(v, &child(path, "label")));
        let quote = match map.get("quote") {
            Some(v) => Some(self.text(v, &child(path, "quote"))?),
            None => None,
        };
        Some(Units {
            count: count?,
            label: label?,
            quote,
        })
    }

    fn stream(
        &mut self,
        value: &Value,
        path: &str,
        kinds: &[&str],
        agencies: &[&str],
    ) -> Option<Stream> {
        const FIELDS: [&str; 8] = [
            "id", "name", "kind", "agency", "amount", "status", "quote", "units",
        ];
        let map = self.object(value, path, &FIELDS)?;
        let id = self
            .field(map, path, "id")
            .and_then(|v| self.id(v, &child(path, "id")));
        let name = self
            .field(map, path, "name")
            .and_then(|v| self.localized(v, &child(path, "name")));
        let kind_path = child(path, "kind");
        let kind = self
            .field(map, path, "kind")
            .and_then(|v| self.string(v, &kind_path));
        if let Some(kind) = kind.as_ref().filter(|k| !kinds.contains(&k.as_str())) {
            self.report(&kind_path, ProblemKind::UnknownKind { id: kind.clone() });
        }
        let agency_path = child(path, "agency");
        let agency = self
            .field(map, path, "agency")
            .and_then(|v| self.string(v, &agency_path));
        if let Some(agency) = agency.as_ref().filter(|a| !agencies.contains(&a.as_str())) {
            self.report(
                &agency_path,
                ProblemKind::UnknownAgency { id: agency.clone() },
            );
        }
        let amount = self
            .field(map, path, "amount")
            .and_then(|v| self.amount(v, &child(path, "amount")));
        let status_path = child(path, "status");
        let status = self.field(map, path, "status").and_then(|v| {
            let word = self.string(v, &status_path)?;
            let status = Status::from_key(&word);
            if status.is_none() {
                self.report(&status_path, ProblemKind::UnknownStatus { found: word });
            }
            status
        });
        let quote = self.field(map, path, "quote").and_then(|v| match v {
            Value::String(empty) if self.rules.source_optional && empty.trim().is_empty() => {
                Some(String::new())
            }
            v => self.text(v, &child(path, "quote")),
        });
        let units = match map.get("units") {
            Some(v) => Some(self.units(v, &child(path, "units"))?),
            None => None,
        };
        Some(Stream {
            id: id?,
            name: name?,
            kind: kind?,
            agency: agency?,
            amount: amount?,
            status: status?,
            quote: quote?,
            units,
        })
    }

    fn source(&mut self, value: &Value, path: &str) -> Option<Source> {
        let map = self.object(value, path, &["title", "publisher", "url"])?;
        let title = self
            .field(map, path, "title")
            .and_then(|v| self.sourcing(v, &child(path, "title")));
        let publisher = self
            .field(map, path, "publisher")
            .and_then(|v| self.sourcing(v, &child(path, "publisher")));
        let url = match map.get("url") {
            Some(v) => Some(self.text(v, &child(path, "url"))?),
            None => None,
        };
        Some(Source {
            title: title?,
            publisher: publisher?,
            url,
        })
    }

    fn dataset(&mut self, value: &Value) -> Option<Dataset> {
        const FIELDS: [&str; 8] = [
            "format", "title", "summary", "source", "currency", "kinds", "agencies", "streams",
        ];
        let map = self.object(value, "", &FIELDS)?;
        let format = self
            .field(map, "", "format")
            .and_then(|v| match v.as_u64() {
                Some(n) if n == u64::from(FORMAT_VERSION) => Some(FORMAT_VERSION),
                // `"1"` is the right version written as text: say so, not "version "1"".
                _ if !v.is_number() => {
                    self.wrong_type("format", "number", v);
                    None
                }
                _ => {
                    self.report(
                        "format",
                        ProblemKind::UnsupportedFormat {
                            found: v.to_string(),
                        },
                    );
                    None
                }
            });
        let title = self
            .field(map, "", "title")
            .and_then(|v| self.sourcing(v, "title"));
        // Optional; `{}` is how a dataset without one is written out. A bad summary must not
        // stop the walk (the fields after it still get checked).
        let summary = match map.get("summary") {
            Some(Value::Object(empty)) if empty.is_empty() => Some(Localized::default()),
            Some(v) => self.localized(v, "summary"),
            None => Some(Localized::default()),
        };
        let source = self
            .field(map, "", "source")
            .and_then(|v| self.source(v, "source"));
        let currency = self.field(map, "", "currency").and_then(|v| {
            let code = self.string(v, "currency")?;
            if code != "CNY" {
                self.report("currency", ProblemKind::UnsupportedCurrency { found: code });
                return None;
            }
            Some(code)
        });
        let kinds = self.list(
            map,
            "kinds",
            (MAX_KINDS, ProblemKind::TooManyKinds),
            Self::kind,
        );
        let agencies = self.list(
            map,
            "agencies",
            (MAX_AGENCIES, ProblemKind::TooManyAgencies),
            Self::agency,
        );
        let kind_ids: Vec<&str> = kinds.iter().flatten().map(|k| k.id.as_str()).collect();
        let agency_ids: Vec<&str> = agencies.iter().flatten().map(|a| a.id.as_str()).collect();
        let stream_limit = (MAX_STREAMS, ProblemKind::TooManyStreams);
        let streams = if kinds.is_none() || agencies.is_none() {
            // Without the lists, every reference would be reported as unknown: check the
            // streams' own values, but not their references.
            let all_kinds: Vec<&str> = stream_refs(map, "kind");
            let all_agencies: Vec<&str> = stream_refs(map, "agency");
            let kinds_known = if kinds.is_some() {
                &kind_ids
            } else {
                &all_kinds
            };
            let agencies_known = if agencies.is_some() {
                &agency_ids
            } else {
                &all_agencies
            };
            self.list(map, "streams", stream_limit, |w, v, p| {
                w.stream(v, p, kinds_known, agencies_known)
            })
        } else {
            self.list(map, "streams", stream_limit, |w, v, p| {
                w.stream(v, p, &kind_ids, &agency_ids)
            })
        };
        Some(Dataset {
            format: format?,
            title: title?,
            summary: summary?,
            source: source?,
            currency: currency?,
            kinds: kinds?,
            agencies: agencies?,
            streams: streams?,
        })
    }
}

/// Every string the streams give for `field`, so references are not all reported unknown when
/// the list they point into is itself broken.
fn stream_refs<'v>(map: &'v Map<String, Value>, field: &str) -> Vec<&'v str> {
    match map.get("streams") {
        Some(Value::Array(streams)) => streams
            .iter()
            .filter_map(|s| s.get(field).and_then(Value::as_str))
            .collect(),
        _ => Vec::new(),
    }
}

/// Puts `problems` in the order of the file: errors before warnings, each by where the value at
/// fault starts in `text`. A missing field sorts at the end of the object that lacks it. Problems
/// at the same place keep the walker's order.
fn sort_in_file_order(problems: &mut [Problem], text: &str) {
    if problems.len() < 2 {
        return;
    }
    // Only the problems' places and the values around them are recorded, and only the values
    // around them have their insides named: a file of a million values with a few problems
    // must not cost a million entries.
    let mut around = HashSet::new();
    for problem in problems.iter() {
        let mut path = problem.path.as_str();
        while let Some(cut) = path.rfind(['.', '[']) {
            path = &path[..cut];
            around.insert(path.to_owned());
        }
        if !problem.path.is_empty() {
            around.insert(String::new());
        }
    }
    let wanted = problems.iter().map(|p| p.path.clone()).collect();
    let mut spans = Spans {
        bytes: text.as_bytes(),
        text,
        at: 0,
        wanted,
        around,
        found: HashMap::new(),
    };
    spans.value(Some(String::new()), 0);
    let offset = |path: &str| -> usize {
        if let Some((start, _)) = spans.found.get(path) {
            return *start;
        }
        let mut ancestor = path;
        while let Some(cut) = ancestor.rfind(['.', '[']) {
            ancestor = &ancestor[..cut];
            if let Some((_, end)) = spans.found.get(ancestor) {
                return *end;
            }
        }
        spans.found.get("").map_or(0, |(_, end)| *end)
    };
    crate::sort::sort_by_key(problems, |p| {
        (p.severity == Severity::Warning, offset(&p.path))
    });
}

/// Where each value of a JSON text starts and ends, by the path the walker gives it.
struct Spans<'t> {
    bytes: &'t [u8],
    text: &'t str,
    at: usize,
    /// The problems' paths, whose values are recorded.
    wanted: HashSet<String>,
    /// The paths of the values around them, recorded too and the only ones whose insides are
    /// named (the values inside any other are stepped over).
    around: HashSet<String>,
    found: HashMap<String, (usize, usize)>,
}

impl Spans<'_> {
    /// Deeper than the parser allows: such a text never reaches the walker.
    const MAX_DEPTH: usize = 256;

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Steps over a string literal.
    fn skip_string(&mut self) {
        self.at += 1;
        while let Some(byte) = self.peek() {
            self.at += if byte == b'\\' { 2 } else { 1 };
            if byte == b'"' {
                break;
            }
        }
    }

    /// Steps over a string literal and returns its decoded text.
    fn string(&mut self) -> String {
        let start = self.at;
        self.skip_string();
        self.text
            .get(start..self.at.min(self.bytes.len()))
            .and_then(|literal| serde_json::from_str(literal).ok())
            .unwrap_or_default()
    }

    /// Steps over the value at the cursor, recording it and what is inside it if wanted;
    /// `None` for a value inside one that is not.
    fn value(&mut self, path: Option<String>, depth: usize) {
        self.skip_space();
        let start = self.at;
        let inside = path.as_ref().is_some_and(|p| self.around.contains(p));
        let path = path.filter(|p| inside || self.wanted.contains(p));
        match self.peek() {
            Some(b'{') if depth < Self::MAX_DEPTH => {
                self.at += 1;
                loop {
                    self.skip_space();
                    if self.peek() != Some(b'"') {
                        break;
                    }
                    let key = match &path {
                        Some(path) if inside => Some(child(path, &self.string())),
                        _ => {
                            self.skip_string();
                            None
                        }
                    };
                    self.skip_space();
                    if self.peek() != Some(b':') {
                        break;
                    }
                    self.at += 1;
                    self.value(key, depth + 1);
                    self.skip_space();
                    if self.peek() != Some(b',') {
                        break;
                    }
                    self.at += 1;
                }
                if self.peek() == Some(b'}') {
                    self.at += 1;
                }
            }
            Some(b'[') if depth < Self::MAX_DEPTH => {
                self.at += 1;
                let mut index = 0;
                loop {
                    self.skip_space();
                    if matches!(self.peek(), None | Some(b']')) {
                        break;
                    }
                    let before = self.at;
                    let item = path
                        .as_ref()
                        .filter(|_| inside)
                        .map(|path| format!("{path}[{index}]"));
                    self.value(item, depth + 1);
                    index += 1;
                    self.skip_space();
                    if self.peek() != Some(b',') || self.at == before {
                        break;
                    }
                    self.at += 1;
                }
                if self.peek() == Some(b']') {
                    self.at += 1;
                }
            }
            Some(b'"') => self.skip_string(),
            _ => {
                while self.peek().is_some_and(|b| {
                    !matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                }) {
                    self.at += 1;
                }
            }
        }
        if let Some(path) = path {
            self.found.insert(path, (start, self.at));
        }
    }
}
