//! The built-in dataset broken one change at a time, and what the validator says of it: shared
//! by the validation tests (included with `#[path]`).

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::validate::{
    Problem, ProblemKind, Severity, Validated, parse_dataset,
};
use muchuan_funding_explorer::i18n::problem_message;
use serde_json::Value;

/// The built-in dataset as a JSON tree, ready to be broken.
pub fn muchuan() -> Value {
    serde_json::from_str(MUCHUAN_JSON).expect("the built-in dataset is JSON")
}

pub fn bytes_of(value: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(value).expect("a tree serialises")
}

pub fn loads(bytes: &[u8]) -> Validated {
    match parse_dataset(bytes) {
        Ok(validated) => validated,
        Err(report) => panic!("expected the dataset to load: {:?}", report.problems),
    }
}

/// Every problem of a file that must not load.
pub fn problems(bytes: &[u8]) -> Vec<Problem> {
    match parse_dataset(bytes) {
        Ok(_) => panic!("expected the dataset to be refused"),
        Err(report) => report.problems,
    }
}

/// The one problem of a file that must not load.
pub fn only_problem(bytes: &[u8]) -> Problem {
    let mut all = problems(bytes);
    assert_eq!(all.len(), 1, "expected exactly one problem: {all:?}");
    all.remove(0)
}

/// Checks a problem's kind, location and both messages.
#[track_caller]
pub fn check(
    problem: &Problem,
    kind: ProblemKind,
    path: &str,
    position: Option<(usize, usize)>,
    en: &str,
    zh_hans: &str,
) {
    assert_eq!(problem.kind, kind);
    assert_eq!(problem.path, path);
    assert_eq!(problem.position, position);
    assert_eq!(problem.severity, Severity::Error);
    assert_eq!(problem_message(problem, Lang::En), en);
    assert_eq!(problem_message(problem, Lang::ZhHans), zh_hans);
}

/// The built-in text with the first `from` replaced by `to` (which must be there).
pub fn edited(from: &str, to: &str) -> String {
    assert!(MUCHUAN_JSON.contains(from), "{from:?} is in the dataset");
    MUCHUAN_JSON.replacen(from, to, 1)
}
