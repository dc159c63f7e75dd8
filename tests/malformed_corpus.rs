//! Runs every file of `tests/corpus/` through the validator and compares the outcome with
//! `tests/corpus/expected.txt`; also a few inputs too big to commit, generated here.
//!
//! No input may panic: each is parsed under `catch_unwind`, so one panic is reported with its
//! file name instead of stopping the run.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::validate::{
    MAX_BYTES, MAX_STREAMS, Problem, ProblemKind, Severity, parse_dataset,
};
use muchuan_funding_explorer::i18n::problem_message;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// The name of a problem kind, as `expected.txt` writes it (`NotWholeNumber`).
fn kind_name(kind: &ProblemKind) -> String {
    let debug = format!("{kind:?}");
    debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// Where a problem is, as `expected.txt` writes it.
fn location(problem: &Problem) -> String {
    match (problem.position, problem.path.as_str()) {
        (Some((line, column)), _) => format!("line {line} column {column}"),
        (None, "") => "file".to_owned(),
        (None, path) => path.to_owned(),
    }
}

/// The outcome of parsing `bytes` in the words of `expected.txt`: `ok` or `error`, then the
/// problems (warnings for `ok`) joined by `; `.
fn outcome(bytes: &[u8]) -> Result<String, String> {
    let result = catch_unwind(AssertUnwindSafe(|| parse_dataset(bytes)))
        .map_err(|_| "panicked".to_owned())?;
    let (verdict, problems) = match &result {
        Ok(validated) => ("ok", validated.warnings.clone()),
        Err(report) => ("error", report.problems.clone()),
    };
    for problem in &problems {
        check_messages(problem)?;
    }
    let listed: Vec<String> = problems
        .iter()
        .map(|p| format!("{} {}", kind_name(&p.kind), location(p)))
        .collect();
    Ok(if listed.is_empty() {
        verdict.to_owned()
    } else {
        format!("{verdict} {}", listed.join("; "))
    })
}

/// Every problem has a complete message in every language: no placeholder left unfilled and
/// no message key shown in place of a translation.
fn check_messages(problem: &Problem) -> Result<(), String> {
    for lang in Lang::ALL {
        let message = problem_message(problem, lang);
        if message.contains("%{") || message.contains("problem.") || message.contains("json.") {
            return Err(format!("incomplete {lang:?} message: {message}"));
        }
    }
    Ok(())
}

/// `expected.txt` as file name → expected outcome (whitespace normalised).
fn expectations() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(corpus_dir().join("expected.txt")).expect("expected.txt");
    let mut expected = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, rest) = line
            .split_once(char::is_whitespace)
            .expect("a file and an outcome");
        let normalised = rest
            .split(';')
            .map(|part| part.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("; ");
        let duplicate = expected.insert(name.to_owned(), normalised);
        assert!(duplicate.is_none(), "{name} is listed twice");
    }
    expected
}

#[test]
fn every_corpus_file_has_its_expected_outcome() {
    let expected = expectations();
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("corpus folder")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name != "expected.txt")
        .collect();
    files.sort();
    assert!(files.len() >= 50, "only {} corpus files", files.len());

    let mut failures = String::new();
    for name in &files {
        let bytes = std::fs::read(corpus_dir().join(name)).expect("corpus file");
        let Some(want) = expected.get(name) else {
            let _ = writeln!(failures, "{name}: not listed in expected.txt");
            continue;
        };
        match outcome(&bytes) {
            Ok(got) if &got == want => {}
            Ok(got) => {
                let _ = writeln!(failures, "{name}:\n   expected {want}\n   got      {got}");
            }
            Err(why) => {
                let _ = writeln!(failures, "{name}: {why}");
            }
        }
    }
    for name in expected.keys().filter(|name| !files.contains(name)) {
        let _ = writeln!(failures, "{name}: listed in expected.txt but missing");
    }
    assert!(failures.is_empty(), "\n{failures}");
}

#[test]
fn the_corpus_stays_small() {
    let total: u64 = std::fs::read_dir(corpus_dir())
        .expect("corpus folder")
        .map(|entry| entry.expect("entry").metadata().expect("metadata").len())
        .sum();
    assert!(total < 300 * 1024, "the corpus holds {total} bytes");
}

#[test]
fn a_ten_megabyte_file_is_too_large() {
    let mut bytes = MUCHUAN_JSON.as_bytes().to_vec();
    bytes.resize(10 * 1024 * 1024, b' ');
    assert_eq!(outcome(&bytes), Ok("error TooLarge file".to_owned()));
    let report = parse_dataset(&bytes).expect_err("refused");
    assert_eq!(
        problem_message(&report.problems[0], Lang::En),
        "Whole file: the file is too large (10,240 KB); the limit is 4,096 KB"
    );
    // The limit itself is fine: a valid dataset padded to exactly MAX_BYTES loads.
    bytes.truncate(MAX_BYTES);
    assert_eq!(outcome(&bytes), Ok("ok".to_owned()));
}

#[test]
fn ten_thousand_nested_arrays_are_too_deep() {
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let deep = open.repeat(10_000) + &close.repeat(10_000);
        let got = outcome(deep.as_bytes()).expect("no panic");
        assert!(got.starts_with("error TooDeep line 1 column "), "{got}");
        // Unclosed, too: the depth is noticed before the end.
        let got = outcome(open.repeat(10_000).as_bytes()).expect("no panic");
        assert!(got.starts_with("error TooDeep line 1 column "), "{got}");
    }
    // Deep nesting inside a valid dataset, where the walker would otherwise go.
    let nested = MUCHUAN_JSON.replacen(
        "\"currency\": \"CNY\",",
        &format!(
            "\"currency\": \"CNY\", \"notes\": {}{},",
            "[".repeat(5_000),
            "]".repeat(5_000)
        ),
        1,
    );
    let got = outcome(nested.as_bytes()).expect("no panic");
    assert!(got.starts_with("error TooDeep line 25 column "), "{got}");
}

#[test]
fn five_thousand_and_one_streams_are_too_many() {
    let mut value: serde_json::Value = serde_json::from_str(MUCHUAN_JSON).expect("JSON");
    let template = value["streams"][0].clone();
    let streams: Vec<serde_json::Value> = (0..=MAX_STREAMS)
        .map(|i| {
            let mut stream = template.clone();
            stream["id"] = format!("stream-{i}").into();
            stream
        })
        .collect();
    value["streams"] = streams.into();
    let bytes = serde_json::to_vec(&value).expect("serialises");
    assert!(
        bytes.len() < MAX_BYTES,
        "small enough to reach the stream count"
    );
    assert_eq!(
        outcome(&bytes),
        Ok("error TooManyStreams streams".to_owned())
    );
}

#[test]
fn a_problem_list_puts_warnings_last() {
    // The same check on every refused corpus file: no error after a warning.
    for entry in std::fs::read_dir(corpus_dir()).expect("corpus folder") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("file");
        if let Err(report) = parse_dataset(&bytes) {
            let severities: Vec<Severity> = report.problems.iter().map(|p| p.severity).collect();
            let mut sorted = severities.clone();
            sorted.sort_by_key(|s| *s == Severity::Warning);
            assert_eq!(severities, sorted, "{}", path.display());
            assert!(report.errors().count() > 0, "{}", path.display());
        }
    }
}
