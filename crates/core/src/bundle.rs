//! One file that carries a dataset and the scenarios saved on it, to send to a colleague: their
//! explorer loads the dataset (and keeps it) and adds the scenarios to its saved ones.
//!
//! ```json
//! {
//!   "format": "muchuan-bundle",
//!   "version": 1,
//!   "dataset": { "name": "马边县.csv", "format": "csv", "text": "项目名称,主管部门,…" },
//!   "scenarios": [
//!     { "name": "培训基地未获批", "saved_at": 1765000000000, "share": "v1;training-base=0w" }
//!   ]
//! }
//! ```
//!
//! `dataset` is the file as it was loaded (its name, how it is read: `json`, `csv` or `pasted`,
//! and its text), read again by the same readers as any file; `scenarios` are saved scenarios
//! as the store keeps them (name, when saved, the scenario as a share link), read against the
//! dataset when opened (the store takes as many as it has room for). The whole file is at most [`MAX_BYTES`]. Any other field, a missing
//! one, a value of another type or a name too long is a located [`Problem`]; duplicate keys are
//! refused by the JSON reader.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::csv_import::Blanks;
use crate::kept::{KeptDataset, KeptFormat};
use crate::saved::{MAX_NAME_CHARS, SavedScenario};
use crate::share_link::MAX_LINK_BYTES;
use crate::validate::{
    MAX_BYTES, Problem, ProblemKind, Severity, decode_text, json_problem, type_name,
};

/// The `format` value of a bundle.
pub const BUNDLE_FORMAT: &str = "muchuan-bundle";

/// The bundle version this build writes and reads.
pub const BUNDLE_VERSION: u64 = 1;

/// A saved scenario as a bundle carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BundledScenario {
    /// The planner's name for it.
    pub name: String,
    /// When it was saved, in milliseconds since 1970.
    pub saved_at: u64,
    /// The scenario as a share link.
    pub share: String,
}

/// A bundle read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    /// The dataset as it was loaded (its `loaded_at` is the caller's now).
    pub dataset: KeptDataset,
    /// The scenarios saved on it.
    pub scenarios: Vec<BundledScenario>,
}

#[derive(Serialize)]
struct DatasetOut<'a> {
    name: &'a str,
    format: KeptFormat,
    text: &'a str,
    /// Written only for a table read filled down, so that other bundles stay as they were.
    #[serde(skip_serializing_if = "Option::is_none")]
    blanks: Option<Blanks>,
}

#[derive(Serialize)]
struct BundleOut<'a> {
    format: &'static str,
    version: u64,
    dataset: DatasetOut<'a>,
    scenarios: Vec<BundledScenario>,
}

/// The bundle of `dataset` (as kept) and `scenarios`, as pretty JSON.
pub fn bundle_json<'a>(
    dataset: &KeptDataset,
    scenarios: impl IntoIterator<Item = &'a SavedScenario>,
) -> String {
    let out = BundleOut {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        dataset: DatasetOut {
            name: &dataset.name,
            format: dataset.format,
            text: &dataset.text,
            blanks: (dataset.blanks != Blanks::AsWritten).then_some(dataset.blanks),
        },
        scenarios: scenarios
            .into_iter()
            .map(|s| BundledScenario {
                name: s.name.clone(),
                saved_at: s.saved_at,
                share: s.share.clone(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

fn problem(path: impl Into<String>, kind: ProblemKind) -> Problem {
    Problem {
        severity: Severity::Error,
        path: path.into(),
        position: None,
        kind,
    }
}

fn wrong_type(path: &str, expected: &'static str, found: &Value) -> Problem {
    problem(
        path,
        ProblemKind::WrongType {
            expected,
            found: type_name(found),
        },
    )
}

/// `value` as an object with only `known` fields, all of them present.
fn object<'v>(
    value: &'v Value,
    path: &str,
    known: &[&'static str],
    optional: &[&'static str],
) -> Result<&'v Map<String, Value>, Problem> {
    let Value::Object(map) = value else {
        return Err(wrong_type(path, "object", value));
    };
    let at = |field: &str| {
        if path.is_empty() {
            field.to_owned()
        } else {
            format!("{path}.{field}")
        }
    };
    let known_field = |k: &str| known.contains(&k) || optional.contains(&k);
    if let Some(field) = map.keys().find(|k| !known_field(k)) {
        return Err(problem(
            at(field),
            ProblemKind::UnknownField {
                field: field.clone(),
            },
        ));
    }
    if let Some(field) = known.iter().find(|k| !map.contains_key(**k)) {
        return Err(problem(at(field), ProblemKind::Missing { field }));
    }
    Ok(map)
}

/// A string field of at most `max` characters.
fn text(map: &Map<String, Value>, field: &str, path: &str, max: usize) -> Result<String, Problem> {
    let path = format!("{path}.{field}");
    match map.get(field) {
        Some(Value::String(s)) if s.chars().count() > max => {
            Err(problem(path, ProblemKind::TextTooLong))
        }
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(wrong_type(&path, "string", other)),
        None => Err(problem(path, ProblemKind::Missing { field: "text" })),
    }
}

/// Reads `bytes` as a bundle: `None` when they are not one (not a JSON object whose `format`
/// is [`BUNDLE_FORMAT`]: a dataset, say), else the bundle or the first problem found.
pub fn read_bundle(bytes: &[u8], loaded_at: f64) -> Option<Result<Bundle, Problem>> {
    // Cheap before parsing megabytes: a bundle names its format near its start.
    let head = &bytes[..bytes.len().min(200)];
    if !head
        .windows(BUNDLE_FORMAT.len())
        .any(|w| w == BUNDLE_FORMAT.as_bytes())
    {
        return None;
    }
    let text = match decode_text(bytes) {
        Ok(text) => text,
        Err(problem) => return Some(Err(problem)),
    };
    let value = match crate::json::parse(text) {
        Ok(value) => value,
        Err(error) => return Some(Err(json_problem(error))),
    };
    let Value::Object(top) = &value else {
        return None;
    };
    if top.get("format").and_then(Value::as_str) != Some(BUNDLE_FORMAT) {
        return None;
    }
    Some(read(&value, loaded_at))
}

fn read(value: &Value, loaded_at: f64) -> Result<Bundle, Problem> {
    let top = object(
        value,
        "",
        &["format", "version", "dataset", "scenarios"],
        &[],
    )?;
    match &top["version"] {
        Value::Number(n) if n.as_u64() == Some(BUNDLE_VERSION) => {}
        Value::Number(n) => {
            return Err(problem(
                "version",
                ProblemKind::UnsupportedFormat {
                    found: n.to_string().chars().take(40).collect(),
                },
            ));
        }
        other => return Err(wrong_type("version", "whole number", other)),
    }
    let data = object(
        &top["dataset"],
        "dataset",
        &["name", "format", "text"],
        &["blanks"],
    )?;
    let name = text(data, "name", "dataset", MAX_NAME_CHARS)?;
    let format = match &data["format"] {
        Value::String(f) if f == "json" => KeptFormat::Json,
        Value::String(f) if f == "csv" => KeptFormat::Csv,
        Value::String(f) if f == "pasted" => KeptFormat::Pasted,
        Value::String(f) => {
            return Err(problem(
                "dataset.format",
                ProblemKind::UnsupportedFormat {
                    found: f.chars().take(40).collect(),
                },
            ));
        }
        other => return Err(wrong_type("dataset.format", "string", other)),
    };
    let blanks = match data.get("blanks") {
        None => Blanks::AsWritten,
        Some(Value::String(b)) if b == "filled-down" => Blanks::FilledDown,
        Some(Value::String(b)) if b == "as-written" => Blanks::AsWritten,
        Some(Value::String(b)) => {
            return Err(problem(
                "dataset.blanks",
                ProblemKind::UnsupportedFormat {
                    found: b.chars().take(40).collect(),
                },
            ));
        }
        Some(other) => return Err(wrong_type("dataset.blanks", "string", other)),
    };
    let dataset = KeptDataset {
        name,
        loaded_at,
        format,
        text: text(data, "text", "dataset", MAX_BYTES)?,
        blanks,
    };
    let Value::Array(entries) = &top["scenarios"] else {
        return Err(wrong_type("scenarios", "array", &top["scenarios"]));
    };
    let mut scenarios = Vec::with_capacity(entries.len());
    for (index, entry) in entries.iter().enumerate() {
        let path = format!("scenarios[{index}]");
        let map = object(entry, &path, &["name", "saved_at", "share"], &[])?;
        let name = text(map, "name", &path, MAX_NAME_CHARS)?;
        if name.trim().is_empty() {
            return Err(problem(format!("{path}.name"), ProblemKind::EmptyText));
        }
        let saved_at = match &map["saved_at"] {
            Value::Number(n) => n
                .as_u64()
                .ok_or_else(|| problem(format!("{path}.saved_at"), ProblemKind::NotWholeNumber))?,
            other => {
                return Err(wrong_type(
                    &format!("{path}.saved_at"),
                    "whole number",
                    other,
                ));
            }
        };
        let share = text(map, "share", &path, MAX_LINK_BYTES)?;
        scenarios.push(BundledScenario {
            name,
            saved_at,
            share,
        });
    }
    Ok(Bundle { dataset, scenarios })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::saved::Store;

    fn kept() -> KeptDataset {
        KeptDataset {
            name: "马边县.csv".into(),
            loaded_at: 5.0,
            format: KeptFormat::Csv,
            text: "项目名称,主管部门,类别,金额（万元）,状态\n贷款,人社局,贷款,273,已落实\n".into(),
            blanks: Blanks::AsWritten,
        }
    }

    #[test]
    fn a_table_read_filled_down_is_bundled_so_and_reads_back_so() {
        let filled = KeptDataset {
            text: format!("{}补贴,,补贴,10,已落实\n", kept().text),
            blanks: Blanks::FilledDown,
            ..kept()
        };
        let json = bundle_json(&filled, &[]);
        let read = read_bundle(json.as_bytes(), 5.0)
            .expect("a bundle")
            .expect("valid");
        assert_eq!(read.dataset, filled);
        assert_eq!(read.dataset.dataset().map(|d| d.streams.len()), Some(2));
        assert!(
            !bundle_json(&kept(), &[]).contains("blanks"),
            "others unchanged"
        );
        let odd = json.replace("\"filled-down\"", "\"guessed\"");
        let problem = read_bundle(odd.as_bytes(), 0.0).and_then(Result::err);
        assert_eq!(problem.map(|p| p.path), Some("dataset.blanks".to_owned()));
    }

    #[test]
    fn a_bundle_reads_back_with_its_dataset_and_scenarios() {
        let (store, _) = Store::default().add("甲", 1, "v1;a=1w").expect("adds");
        let (store, _) = store.add("乙", 2, "v1;a=2w").expect("adds");
        let json = bundle_json(&kept(), &store.scenarios);
        let read = read_bundle(json.as_bytes(), 9.0)
            .expect("a bundle")
            .expect("valid");
        assert_eq!(
            read.dataset,
            KeptDataset {
                loaded_at: 9.0,
                ..kept()
            }
        );
        assert_eq!(read.dataset.dataset().map(|d| d.streams.len()), Some(1));
        let names: Vec<&str> = read.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["甲", "乙"]);
        assert_eq!(read.scenarios[1].share, "v1;a=2w");
        assert_eq!(read.scenarios[1].saved_at, 2);
        // A dataset file is not a bundle.
        assert_eq!(read_bundle(crate::MUCHUAN_JSON.as_bytes(), 0.0), None);
    }

    #[test]
    fn a_broken_bundle_is_located() {
        let json = bundle_json(&kept(), &[]);
        let path = |edited: &str| match read_bundle(edited.as_bytes(), 0.0) {
            Some(Err(problem)) => (problem.path, problem.kind),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            path(&json.replace("\"version\": 1", "\"version\": 2")),
            (
                "version".into(),
                ProblemKind::UnsupportedFormat { found: "2".into() }
            )
        );
        assert_eq!(
            path(&json.replace("\"csv\"", "\"xls\"")).0,
            "dataset.format"
        );
        assert_eq!(
            path(&json.replace(
                "\"scenarios\": []",
                "\"scenarios\": [{\"name\":\"a\",\"saved_at\":1.5,\"share\":\"v1\"}]"
            )),
            ("scenarios[0].saved_at".into(), ProblemKind::NotWholeNumber)
        );
        assert_eq!(
            path(&json.replace("\"scenarios\": []", "\"scenarios\": [], \"extra\": 1")).0,
            "extra"
        );
        assert!(matches!(
            path(&json.replace("\"text\":", "\"text\": 1, \"x\":")).1,
            ProblemKind::UnknownField { .. }
        ));
        assert_eq!(path(&json[..json.len() - 3]).1, ProblemKind::Truncated);
    }
}
