//! Where each value of the dataset tree came from in the table, noted as the tree is made, so
//! that a problem the dataset check finds at a path is put back in its row and column by lookup.

use std::collections::HashMap;

use super::columns::{Column, Field, LANGS, column, columns_of};
use super::problems::{CsvProblem, CsvProblemKind};
use crate::validate::{Problem, ProblemKind};

/// A cell, or a column of no row (a value no row gave).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Place {
    /// The row, from 1.
    pub row: Option<usize>,
    /// The column.
    pub column: Column,
}

/// The places of the values in the tree, by their path (`streams[3].amount`).
#[derive(Default)]
pub(super) struct Places {
    at: HashMap<String, Place>,
}

impl Places {
    /// Notes that the value at `path` came from `column` of `row`.
    pub fn note(&mut self, path: String, row: Option<usize>, column: Column) {
        self.at.insert(path, Place { row, column });
    }

    /// Notes a text written in each language: each language at its column, the text as a
    /// whole at the first of its columns the table has (or the first of all).
    pub fn note_text(
        &mut self,
        path: &str,
        row: Option<usize>,
        field: Field,
        has: impl Fn(Column) -> bool,
    ) {
        for lang in LANGS {
            self.note(
                format!("{path}.{}", lang.tag()),
                row,
                column(field, Some(lang)),
            );
        }
        let whole = columns_of(field)
            .find(|c| has(*c))
            .unwrap_or(column(field, Some(LANGS[0])));
        self.note(path.to_owned(), row, whole);
    }

    /// The place of the value at `path`; for a missing language, the language's own column.
    fn place(&self, problem: &Problem) -> Option<Place> {
        match &problem.kind {
            ProblemKind::MissingLanguage { lang } => {
                self.at.get(&format!("{}.{lang}", problem.path)).copied()
            }
            _ => self.at.get(&problem.path).copied(),
        }
    }

    /// The problem, located in the file whose columns are at `columns` (from 0) under the
    /// headers `written`; `None` when it only repeats a missing column already reported.
    pub fn locate(
        &self,
        problem: Problem,
        columns: &HashMap<Column, usize>,
        written: &HashMap<Column, String>,
        simple: bool,
    ) -> Option<CsvProblem> {
        let place = self.place(&problem);
        let absent = place.filter(|p| !columns.contains_key(&p.column));
        let kind = match problem.kind {
            // Every row's empty cell of a column the header lacks: said once, by the header.
            _ if absent.is_some_and(|p| reported_missing(p.column.field, simple)) => return None,
            ProblemKind::EmptyText if absent.is_some() => {
                let field = absent.map_or(Field::Name, |p| p.column.field);
                let names = columns_of(field).map(|c| c.name).collect();
                return Some(CsvProblem {
                    severity: problem.severity,
                    row: None,
                    column: None,
                    header: None,
                    path: problem.path,
                    kind: CsvProblemKind::NoneOfColumns { names },
                });
            }
            ProblemKind::DuplicateId { id, first } => {
                let first_row = self.at.get(&first).and_then(|p| p.row).unwrap_or(0);
                CsvProblemKind::DuplicateId { id, first_row }
            }
            // A county's own sheet is in Chinese: its missing translations are expected.
            ProblemKind::MissingLanguage { .. } if simple => return None,
            // An empty status cell is an empty cell, as any other required one.
            ProblemKind::UnknownStatus { found } if found.is_empty() => {
                CsvProblemKind::Dataset(ProblemKind::EmptyText)
            }
            ProblemKind::UnknownStatus { found } => CsvProblemKind::UnknownStatus { found },
            kind => CsvProblemKind::Dataset(kind),
        };
        Some(CsvProblem {
            severity: problem.severity,
            row: place.and_then(|p| p.row),
            column: place.and_then(|p| columns.get(&p.column)).map(|c| c + 1),
            header: place.map(|p| {
                written
                    .get(&p.column)
                    .cloned()
                    .unwrap_or_else(|| p.column.name.to_owned())
            }),
            path: problem.path,
            kind,
        })
    }
}

/// True for the fields whose column, when absent, the header check reports as missing.
fn reported_missing(field: Field, simple: bool) -> bool {
    let simple_required = matches!(
        field,
        Field::Name | Field::Kind | Field::KindName | Field::Agency | Field::AgencyName
    );
    field.is_required() && !(simple && field == Field::Quote) || (simple && simple_required)
}
