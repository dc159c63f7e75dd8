//! What validation reports: a problem's kind, severity and place, and the outcome of a read.

use crate::dataset::Dataset;

#[cfg(doc)]
use super::{MAX_AGENCIES, MAX_BYTES, MAX_KINDS, MAX_PROBLEMS, MAX_STREAMS, MAX_TEXT_CHARS};

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
