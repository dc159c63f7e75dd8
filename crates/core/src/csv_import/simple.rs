//! The simple layout (项目名称, 主管部门, 类别, 金额（万元）, 状态, 备注, 来源, or their English
//! twins) rewritten as records of the full layout, with the way back to the file's own
//! columns: kinds and agencies get ids from their names, streams from their row numbers, and
//! each name goes to the language its text is in.

use std::collections::HashMap;

use super::columns::{
    Column, Field, LANGS, SIMPLE, Simple, Unit, column, is_bare_amount, simple_by_header,
};
use super::problems::{CsvProblem, CsvProblemKind};
use crate::csv::Record;
use crate::lang::Lang;
use crate::validate::Severity;

/// Which layout a header row is in: the full one when more of its headers are only the full
/// layout's than only the simple one's; else the simple one, which a county's own table is
/// more likely to have meant (its problems then name the simple template's columns).
pub(super) fn is_simple(header: &[String]) -> bool {
    let full = |h: &String| super::columns::by_header(h).is_some();
    let simple = |h: &String| simple_by_header(h).is_some() || is_bare_amount(h);
    let only_simple = header.iter().filter(|h| simple(h) && !full(h)).count();
    let only_full = header.iter().filter(|h| full(h) && !simple(h)).count();
    only_simple >= only_full
}

/// True for text with a Chinese character: a name in Chinese rather than English.
fn is_chinese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'))
}

/// A simple table as the full layout's records.
pub(super) struct Rewritten {
    /// The header and rows in the full layout.
    pub records: Vec<Record>,
    /// Each full column's place (from 0) in the file, for locating problems.
    pub located: HashMap<Column, usize>,
    /// Each full column's header as the file writes it.
    pub written: HashMap<Column, String>,
    /// The unit of a plain number in the amount column.
    pub unit: Unit,
    /// Problems of the header and the rows' shape.
    pub problems: Vec<CsvProblem>,
}

/// The full layout's columns the rewritten records have, in order.
const OUT: [(Field, Option<Lang>); 13] = [
    (Field::Id, None),
    (Field::Name, Some(Lang::ZhHans)),
    (Field::Name, Some(Lang::En)),
    (Field::Kind, None),
    (Field::KindName, Some(Lang::ZhHans)),
    (Field::KindName, Some(Lang::En)),
    (Field::Agency, None),
    (Field::AgencyName, Some(Lang::ZhHans)),
    (Field::AgencyName, Some(Lang::En)),
    (Field::Amount, None),
    (Field::Status, None),
    (Field::Quote, None),
    (Field::Note, None),
];

/// Rewrites a table in the simple layout.
pub(super) fn rewrite(records: &[Record], title_unit: Option<Unit>) -> Rewritten {
    let header = records.first().map_or(&[][..], |r| &r.cells[..]);
    let header_row = records.first().map_or(1, |r| r.row);
    let chinese = header.iter().any(|h| is_chinese(h));
    let mut out = Rewritten {
        records: Vec::new(),
        located: HashMap::new(),
        written: HashMap::new(),
        unit: Unit::Yuan,
        problems: Vec::new(),
    };
    let mut found: Vec<(usize, Simple)> = Vec::new();
    // An amount column without its unit: refused at its header, not also reported missing.
    let mut bare_amount = false;
    for (index, raw) in header.iter().enumerate() {
        let problem = |kind| CsvProblem {
            severity: Severity::Error,
            row: Some(header_row),
            column: Some(index + 1),
            header: Some(raw.clone()),
            path: String::new(),
            kind,
        };
        if raw.trim().is_empty() {
            continue;
        }
        // A unit a title row states stands for the one the header leaves out.
        let stated = title_unit.and_then(|unit| {
            let column = SIMPLE
                .into_iter()
                .find(|s| s.field == Field::Amount && s.unit == unit);
            column.filter(|_| {
                is_bare_amount(raw) && !found.iter().any(|(_, f)| f.field == Field::Amount)
            })
        });
        if let Some(column) = stated {
            found.push((index, column));
            let unit = column.unit;
            out.problems.push(CsvProblem {
                severity: Severity::Warning,
                ..problem(CsvProblemKind::UnitFromTitle { unit })
            });
            continue;
        }
        if is_bare_amount(raw) {
            bare_amount = true;
            out.problems
                .push(problem(CsvProblemKind::AmountWithoutUnit));
            continue;
        }
        match simple_by_header(raw) {
            Some(s) if found.iter().any(|(_, f)| f.field == s.field) => {
                let name = raw.trim().to_owned();
                out.problems
                    .push(problem(CsvProblemKind::DuplicateHeader { name }));
            }
            Some(s) => found.push((index, s)),
            None => {
                let name = raw.trim().chars().take(64).collect();
                out.problems
                    .push(problem(CsvProblemKind::UnknownHeader { name }));
            }
        }
    }
    for (index, s) in &found {
        if s.field == Field::Amount {
            out.unit = s.unit;
        }
        // Every column the field becomes points back at the file's one.
        let targets: Vec<Column> = match s.field {
            Field::Name => LANGS.map(|l| column(Field::Name, Some(l))).to_vec(),
            Field::KindName | Field::AgencyName => {
                let id = if s.field == Field::KindName {
                    Field::Kind
                } else {
                    Field::Agency
                };
                let mut all = vec![column(id, None)];
                all.extend(LANGS.map(|l| column(s.field, Some(l))));
                all
            }
            field => vec![column(field, None)],
        };
        for target in targets {
            out.located.insert(target, *index);
            out.written.insert(target, header[*index].trim().to_owned());
        }
    }
    let mut checked: Vec<Field> = Vec::new();
    for required in SIMPLE.iter().filter(|s| s.required) {
        // One amount column, in either unit, is enough: the first named stands for both.
        let given = found.iter().any(|(_, f)| f.field == required.field)
            || (bare_amount && required.field == Field::Amount);
        if given || checked.contains(&required.field) {
            continue;
        }
        checked.push(required.field);
        let name = if chinese { required.zh } else { required.en };
        out.problems.push(CsvProblem {
            severity: Severity::Error,
            row: Some(header_row),
            column: None,
            header: Some(name.to_owned()),
            path: String::new(),
            kind: CsvProblemKind::MissingColumn { name },
        });
    }
    let at = |field: Field| {
        found
            .iter()
            .find(|(_, s)| s.field == field)
            .map(|(i, _)| *i)
    };
    let mut header_out = Record {
        row: header_row,
        cells: Vec::new(),
    };
    for (field, lang) in OUT {
        header_out.cells.push(column(field, lang).name.to_owned());
    }
    out.records.push(header_out);
    let mut kinds: Vec<String> = Vec::new();
    let mut agencies: Vec<String> = Vec::new();
    for record in records.iter().skip(1) {
        if record.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.cells.len() != header.len() {
            out.problems.push(CsvProblem {
                severity: Severity::Error,
                row: Some(record.row),
                column: None,
                header: None,
                path: String::new(),
                kind: CsvProblemKind::WrongCellCount {
                    expected: header.len(),
                    found: record.cells.len(),
                },
            });
            continue;
        }
        let cell = |field: Field| {
            at(field)
                .and_then(|i| record.cells.get(i))
                .map_or(String::new(), |c| c.trim().to_owned())
        };
        let by_language = |text: String| {
            if is_chinese(&text) {
                [text, String::new()]
            } else {
                [String::new(), text]
            }
        };
        // A blank name is a group of its own row, so that each blank cell is reported where
        // it is, not only the first of them.
        let group_id = |groups: &mut Vec<String>, name: &str, prefix: &str| {
            let name = if name.is_empty() {
                format!("\0{}", record.row)
            } else {
                name.to_owned()
            };
            let n = match groups.iter().position(|g| *g == name) {
                Some(n) => n,
                None => {
                    groups.push(name);
                    groups.len() - 1
                }
            };
            format!("{prefix}-{}", n + 1)
        };
        let id = Some(cell(Field::Id))
            .filter(|id| !id.is_empty())
            .unwrap_or_else(|| format!("row-{}", record.row));
        let [name_hans, name_en] = by_language(cell(Field::Name));
        let kind_name = cell(Field::KindName);
        let kind = group_id(&mut kinds, &kind_name, "kind");
        let [kind_hans, kind_en] = by_language(kind_name);
        let agency_name = cell(Field::AgencyName);
        let agency = group_id(&mut agencies, &agency_name, "agency");
        let [agency_hans, agency_en] = by_language(agency_name);
        out.records.push(Record {
            row: record.row,
            cells: vec![
                id,
                name_hans,
                name_en,
                kind,
                kind_hans,
                kind_en,
                agency,
                agency_hans,
                agency_en,
                cell(Field::Amount),
                cell(Field::Status),
                cell(Field::Quote),
                cell(Field::Note),
            ],
        });
    }
    out
}
