//! From bytes to text and from a syntax error to a problem: what every JSON reader checks
//! before it walks a tree.

use crate::json::{JsonError, JsonErrorKind};

use super::{MAX_BYTES, Problem, ProblemKind, Severity};

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
