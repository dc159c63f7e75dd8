//! Validation problems in words, in each language.

use crate::core::lang::Lang;
use crate::core::validate::{
    MAX_AGENCIES, MAX_BYTES, MAX_KINDS, MAX_STREAMS, Problem, ProblemKind,
};
use crate::i18n::{fill, text};

/// `problem` as one sentence in `lang`, starting with where it is.
pub fn problem_message(problem: &Problem, lang: Lang) -> String {
    let what = match &problem.kind {
        // The count of the rest has no place of its own.
        ProblemKind::MoreProblems { count } => {
            return fill(
                lang,
                "problem.more-problems",
                &[("count", &count.to_string())],
            );
        }
        // Both in KB, the size rounded up: 4 MiB and one byte is not "4096 KB".
        ProblemKind::TooLarge { bytes } => fill(
            lang,
            "problem.too-large",
            &[
                ("size", &group_digits(bytes.div_ceil(1024))),
                ("max", &group_digits(MAX_BYTES / 1024)),
            ],
        ),
        ProblemKind::Empty => text(lang, "problem.empty"),
        ProblemKind::NotUtf8 => text(lang, "problem.not-utf8"),
        ProblemKind::Truncated => text(lang, "problem.truncated"),
        ProblemKind::TooDeep => text(lang, "problem.too-deep"),
        ProblemKind::Syntax => text(lang, "problem.syntax"),
        ProblemKind::DuplicateKey { key } => fill(lang, "problem.duplicate-key", &[("key", key)]),
        ProblemKind::Missing { field } => fill(lang, "problem.missing", &[("field", field)]),
        ProblemKind::WrongType { expected, found } => fill(
            lang,
            "problem.wrong-type",
            &[
                ("expected", &text(lang, &format!("json.{expected}"))),
                ("found", &text(lang, &format!("json.{found}"))),
            ],
        ),
        ProblemKind::UnknownField { field } => {
            fill(lang, "problem.unknown-field", &[("field", field)])
        }
        ProblemKind::UnsupportedFormat { found } => {
            fill(lang, "problem.unsupported-format", &[("found", found)])
        }
        ProblemKind::UnsupportedCurrency { found } => {
            fill(lang, "problem.unsupported-currency", &[("found", found)])
        }
        ProblemKind::NotWholeNumber => text(lang, "problem.not-whole"),
        ProblemKind::Negative => text(lang, "problem.negative"),
        ProblemKind::MinusZero => text(lang, "problem.minus-zero"),
        ProblemKind::TooBig => text(lang, "problem.too-big"),
        ProblemKind::BadId => text(lang, "problem.bad-id"),
        ProblemKind::DuplicateId { id, first } => fill(
            lang,
            "problem.duplicate-id",
            &[("id", id), ("first", first)],
        ),
        ProblemKind::UnknownKind { id } => fill(lang, "problem.unknown-kind", &[("id", id)]),
        ProblemKind::UnknownAgency { id } => fill(lang, "problem.unknown-agency", &[("id", id)]),
        ProblemKind::UnknownStatus { found } => {
            fill(lang, "problem.unknown-status", &[("found", found)])
        }
        ProblemKind::UnknownLanguage { key } => {
            fill(lang, "problem.unknown-language", &[("key", key)])
        }
        ProblemKind::EmptyText => text(lang, "problem.empty-text"),
        ProblemKind::TextTooLong => text(lang, "problem.text-too-long"),
        ProblemKind::MissingLanguage { lang: missing } => {
            let named = super::core_errors::language_name(missing, lang);
            fill(lang, "problem.missing-language", &[("lang", &named)])
        }
        ProblemKind::EmptyList => text(lang, "problem.empty-list"),
        ProblemKind::TooManyStreams => fill(
            lang,
            "problem.too-many-streams",
            &[("max", &MAX_STREAMS.to_string())],
        ),
        ProblemKind::TooManyKinds => fill(
            lang,
            "problem.too-many-kinds",
            &[("max", &MAX_KINDS.to_string())],
        ),
        ProblemKind::TooManyAgencies => fill(
            lang,
            "problem.too-many-agencies",
            &[("max", &MAX_AGENCIES.to_string())],
        ),
        ProblemKind::ZeroUnits => text(lang, "problem.zero-units"),
        ProblemKind::NotAnAmount => text(lang, "problem.not-an-amount"),
    };
    located(&place(lang, &problem.path, problem.position), &what, lang)
}

/// Where a problem is, in words of `lang`: the line and column, the path, or the whole file.
pub fn place(lang: Lang, path: &str, position: Option<(usize, usize)>) -> String {
    match (path, position) {
        (_, Some((line, column))) => fill(
            lang,
            "problem.at-line",
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        ("", None) => text(lang, "problem.whole-file"),
        (path, None) => path.to_owned(),
    }
}

/// A problem's place and what is wrong there, as one line: `Row 2: …`, `第 2 行：…`.
pub fn located(place: &str, what: &str, lang: Lang) -> String {
    fill(lang, "problem.located", &[("place", place), ("what", what)])
}

/// `n` with a comma between thousands (`4,097`), as both languages write file sizes.
fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
