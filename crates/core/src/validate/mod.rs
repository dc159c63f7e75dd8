//! Reading a dataset from bytes: every problem found, each located, and never a panic.
//!
//! The text is parsed into a JSON tree first (syntax errors carry a line and column), then the
//! tree is walked field by field so that one bad value does not hide the next: the report lists
//! every problem at once, each with the JSON path of the value at fault (`streams[3].amount`).

//!
//! In this folder: `problem` (what a report holds), `decode` (bytes to text, a syntax error to a
//! problem), `walker` (typed reads of JSON values that report what is wrong and go on), `format`
//! (the dataset format, field by field) and `order` (the problems in the order of the file).

mod decode;
mod format;
mod order;
mod problem;
mod walker;

use serde_json::Value;

use crate::dataset::Dataset;
use crate::money::MAX_AMOUNT;

pub use decode::{decode_text, json_problem};
pub use problem::{Problem, ProblemKind, Report, Severity, Validated};
use walker::Walker;
pub use walker::{float_amount_problem, type_name};

/// The largest dataset file read: 4 MiB, far above a county's few dozen streams.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
// The dataset's own limits live beside it; the schema states them too.
pub use crate::dataset::{MAX_AGENCIES, MAX_KINDS, MAX_STREAMS};
// Every total adds at most MAX_STREAMS amounts of at most MAX_AMOUNT: it must fit an i64.
const _: () = assert!(MAX_AMOUNT.checked_mul(MAX_STREAMS as i64).is_some());
/// The most problems of each severity a report lists one by one; the rest are counted in one
/// last entry, so a file of a hundred thousand broken values costs no more than a few hundred.
pub const MAX_PROBLEMS: usize = 300;
/// The longest text (name, quote) a dataset may hold, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The longest identifier, in characters.
pub const MAX_ID_CHARS: usize = 64;

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
    order::sort_in_file_order(&mut problems, text);
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
    let mut walker = Walker::new(rules);
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
