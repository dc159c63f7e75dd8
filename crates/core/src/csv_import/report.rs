//! The problems as a person reads them: errors before warnings, each in row order, and one
//! line for a language missing from a column on many rows rather than one per row.

use super::problems::{CsvProblem, CsvProblemKind};
use crate::validate::{ProblemKind, Severity};

/// The problems ordered and folded.
pub(super) fn ordered(problems: Vec<CsvProblem>) -> Vec<CsvProblem> {
    let mut out: Vec<CsvProblem> = Vec::with_capacity(problems.len());
    // (header, language) of each fold, with its index in `out`.
    let mut folds: Vec<(Option<String>, &'static str, usize)> = Vec::new();
    for problem in problems {
        if let CsvProblemKind::NoneOfColumns { .. } = &problem.kind
            && out.iter().any(|p| p.kind == problem.kind)
        {
            continue;
        }
        let CsvProblemKind::Dataset(ProblemKind::MissingLanguage { lang }) = problem.kind else {
            out.push(problem);
            continue;
        };
        match folds
            .iter()
            .find(|(header, l, _)| *header == problem.header && *l == lang)
        {
            Some((_, _, at)) => {
                let folded = &mut out[*at];
                let row = problem.row.unwrap_or(0);
                folded.kind = match folded.kind {
                    CsvProblemKind::MissingLanguageInRows {
                        count, last_row, ..
                    } => CsvProblemKind::MissingLanguageInRows {
                        lang,
                        count: count + 1,
                        last_row: last_row.max(row),
                    },
                    _ => CsvProblemKind::MissingLanguageInRows {
                        lang,
                        count: 2,
                        last_row: row.max(folded.row.unwrap_or(0)),
                    },
                };
                folded.row = match (folded.row, problem.row) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            None => {
                folds.push((problem.header.clone(), lang, out.len()));
                out.push(problem);
            }
        }
    }
    crate::sort::sort_by_key(&mut out, |p| {
        // A missing column (no column of its own) after the header's cells.
        (
            p.severity == Severity::Warning,
            p.row,
            p.column.unwrap_or(usize::MAX),
        )
    });
    out
}
