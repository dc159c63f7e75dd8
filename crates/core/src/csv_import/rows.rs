//! Rows of a county's sheet that are not funding streams, as WPS and Excel sheets have them:
//! title rows above the header (`沐川县2025年返乡创业资金统计表`, `单位：万元`), and total rows
//! among the streams (`合计`, `小计`, `Total`). Title rows are skipped and said; a total row is
//! left out of the streams (loaded, it would count its rows twice) and said, with whether its
//! amount equals the sum of the rows it totals.

use super::cells::read_amount;
use super::columns::{Field, Unit, by_header, is_bare_amount, normalise, simple_by_header};
use super::problems::{CsvProblem, CsvProblemKind, CsvReport, RowsSum};
use crate::csv::Record;
use crate::validate::Severity;

/// How many rows from the top are searched for the header.
pub const HEADER_SEARCH: usize = 10;

/// The words that head a row totalling every stream above it, compared normalised, a
/// trailing colon dropped.
const TOTAL_WORDS: [&str; 9] = [
    "合计",
    "合計",
    "总计",
    "總計",
    "共计",
    "共計",
    "total",
    "sum",
    "grandtotal",
];

/// The words that head a row totalling the streams since the last total row.
const SUBTOTAL_WORDS: [&str; 3] = ["小计", "小計", "subtotal"];

/// A warning at `row`, of no column.
fn warning(row: usize, kind: CsvProblemKind) -> CsvProblem {
    CsvProblem {
        severity: Severity::Warning,
        row: Some(row),
        column: None,
        header: None,
        path: String::new(),
        kind,
    }
}

/// True for a cell that names a column of either layout.
fn is_header_word(cell: &str) -> bool {
    simple_by_header(cell).is_some() || is_bare_amount(cell) || by_header(cell).is_some()
}

/// How many of a row's cells name a column.
fn header_words(record: &Record) -> usize {
    record.cells.iter().filter(|c| is_header_word(c)).count()
}

/// A table from its header row on, with what was above it.
pub(super) struct Framed<'r> {
    /// The header row and the rows below it.
    pub table: &'r [Record],
    /// A warning for each title row skipped above the header.
    pub notes: Vec<CsvProblem>,
    /// The unit the title rows state (`单位：万元`), when they state one.
    pub title_unit: Option<Unit>,
}

/// The table from its header row on: the first of the top rows that names two columns or
/// more; the first row, taken as written, when none does but it names one. `Err` when no row
/// names any: a title's cells are not columns to report one by one.
pub(super) fn from_header(records: &[Record]) -> Result<Framed<'_>, CsvReport> {
    let Some(first) = records.first() else {
        return Ok(Framed {
            table: records,
            notes: Vec::new(),
            title_unit: None,
        });
    };
    let top = &records[..records.len().min(HEADER_SEARCH)];
    let at = match top.iter().position(|r| header_words(r) >= 2) {
        Some(at) => at,
        None if header_words(first) > 0 => 0,
        None => {
            let problem = CsvProblem {
                severity: Severity::Error,
                row: None,
                column: None,
                header: None,
                path: String::new(),
                kind: CsvProblemKind::NoHeaderRow { rows: top.len() },
            };
            return Err(CsvReport {
                problems: vec![problem],
            });
        }
    };
    let (above, table) = records.split_at(at);
    let header_row = table.first().map_or(first.row, |r| r.row);
    let titles = above
        .iter()
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()));
    let notes = titles
        .map(|r| warning(r.row, CsvProblemKind::TitleRow { header_row }))
        .collect();
    Ok(Framed {
        table,
        notes,
        title_unit: stated_unit(above),
    })
}

/// The unit title rows state (`单位：万元`, `（单位：元）`), when they state exactly one.
fn stated_unit(rows: &[Record]) -> Option<Unit> {
    let mut units = rows.iter().flat_map(|r| &r.cells).filter_map(|cell| {
        let text = normalise(cell);
        let after = text
            .split_once("单位:")
            .or_else(|| text.split_once("單位:"))?
            .1;
        if ["万元", "萬元", "万", "萬"]
            .iter()
            .any(|w| after.starts_with(w))
        {
            Some(Unit::Wan)
        } else {
            after.starts_with('元').then_some(Unit::Yuan)
        }
    });
    let unit = units.next()?;
    units.all(|u| u == unit).then_some(unit)
}

/// The total word a row starts with (its first filled cell), as written.
fn total_label(record: &Record) -> Option<&str> {
    let first = record
        .cells
        .iter()
        .map(|c| c.trim())
        .find(|c| !c.is_empty())?;
    let word = normalise(first);
    let word = word.trim_end_matches(':');
    TOTAL_WORDS
        .iter()
        .chain(&SUBTOTAL_WORDS)
        .any(|w| *w == word)
        .then_some(first)
}

/// The sum, in yuan, of some rows' amounts: `None` once one cannot be read as whole yuan.
#[derive(Clone, Copy)]
struct Sum {
    yuan: Option<i64>,
    rows: Option<(usize, usize)>,
}

impl Sum {
    const EMPTY: Sum = Sum {
        yuan: Some(0),
        rows: None,
    };

    fn add(&mut self, row: usize, amount: Option<i64>) {
        self.yuan = self.yuan.zip(amount).and_then(|(a, b)| a.checked_add(b));
        self.rows = Some(self.rows.map_or((row, row), |(first, _)| (first, row)));
    }
}

/// An amount cell in whole yuan; an empty one is no money.
fn yuan(cell: Option<&String>, unit: Unit) -> Option<i64> {
    read_amount(cell.map_or("", |c| c.trim()), unit)
        .ok()
        .and_then(|v| if v.is_null() { Some(0) } else { v.as_i64() })
}

/// The unit of a plain number in the amount column a header names, and where it is: a
/// header without one takes the unit a title row states, if any.
fn amount_column(header: &[String], title_unit: Option<Unit>) -> Option<(usize, Unit)> {
    header.iter().enumerate().find_map(|(at, cell)| {
        let unit = match simple_by_header(cell) {
            Some(s) if s.field == Field::Amount => Some(s.unit),
            _ if is_bare_amount(cell) => title_unit,
            _ => None,
        };
        unit.map(|unit| (at, unit))
    })
}

/// The table (header first, in the simple layout) without its total rows, and a warning for
/// each, at its row. `title_unit` is the unit title rows state.
pub(super) fn without_totals(
    records: &[Record],
    title_unit: Option<Unit>,
) -> (Vec<Record>, Vec<CsvProblem>) {
    let Some((header, rows)) = records.split_first() else {
        return (Vec::new(), Vec::new());
    };
    // Without a unit the amounts are not read: the table is refused for its header.
    let (amount_at, unit) = match amount_column(&header.cells, title_unit) {
        Some((at, unit)) => (Some(at), unit),
        None => (None, Unit::Yuan),
    };
    let mut kept = vec![header.clone()];
    let mut notes = Vec::new();
    let (mut all, mut group) = (Sum::EMPTY, Sum::EMPTY);
    for record in rows {
        let amount = amount_at.and_then(|at| record.cells.get(at));
        let Some(label) = total_label(record) else {
            if record.cells.iter().any(|c| !c.trim().is_empty()) {
                let stream = yuan(amount, unit);
                all.add(record.row, stream);
                group.add(record.row, stream);
            }
            kept.push(record.clone());
            continue;
        };
        let sub = SUBTOTAL_WORDS.contains(&normalise(label).trim_end_matches(':'));
        let parts = if sub { group } else { all };
        let stated = amount
            .filter(|c| !c.trim().is_empty())
            .and_then(|c| yuan(Some(c), unit));
        let parts = parts.rows.zip(parts.yuan).filter(|_| amount_at.is_some());
        notes.push(warning(
            record.row,
            CsvProblemKind::TotalRow {
                label: label.to_owned(),
                stated,
                parts: parts.map(|((first_row, last_row), yuan)| RowsSum {
                    first_row,
                    last_row,
                    yuan,
                }),
                unit,
            },
        ));
        group = Sum::EMPTY;
    }
    (kept, notes)
}

#[cfg(test)]
mod tests {
    use super::super::{CsvDataset, CsvReport, Separator, parse_csv, parse_pasted};
    use super::*;

    fn loaded(read: Result<CsvDataset, CsvReport>) -> CsvDataset {
        read.unwrap_or_else(|report| panic!("{:?}", report.problems))
    }

    #[test]
    fn a_title_copied_with_the_rows_is_skipped_whatever_it_holds() {
        // Excel copies a title cell without tabs when the cells beside it are empty; a comma
        // in it does not make the rows comma-separated.
        let pasted = "沐川县返乡创业资金表（截至6月, 单位：万元）\r\n\
                      项目名称\t主管部门\t类别\t金额\t状态\r\n\
                      创业担保贷款\t县人社局\t贷款\t273\t已落实\r\n\
                      合计\t\t\t273\t\r\n";
        let read = loaded(parse_pasted(pasted));
        let amounts: Vec<Option<i64>> = read.dataset.streams.iter().map(|s| s.amount).collect();
        assert_eq!(amounts, [Some(2_730_000)], "in 万元, as the title says");
        let kinds: Vec<(Option<usize>, &CsvProblemKind)> =
            read.warnings.iter().map(|w| (w.row, &w.kind)).collect();
        assert_eq!(
            kinds[0],
            (Some(1), &CsvProblemKind::TitleRow { header_row: 2 })
        );
        assert_eq!(
            kinds[1],
            (Some(2), &CsvProblemKind::UnitFromTitle { unit: Unit::Wan })
        );
        assert!(matches!(
            kinds[2],
            (Some(4), CsvProblemKind::TotalRow { .. })
        ));
    }

    #[test]
    fn a_file_saved_with_semicolons_is_said_so_below_its_title() {
        let text = "沐川县返乡创业资金表\n项目名称;主管部门;类别;金额（万元）;状态\n贷款;人社局;贷款;1;已落实\n";
        let kinds = parse_csv(text.as_bytes()).err().map(|r| {
            r.problems
                .into_iter()
                .map(|p| (p.row, p.kind))
                .collect::<Vec<_>>()
        });
        assert_eq!(
            kinds,
            Some(vec![(
                Some(2),
                CsvProblemKind::WrongSeparator(Separator::Semicolon)
            )])
        );
    }

    #[test]
    fn only_a_whole_total_word_heads_a_total_row() {
        let row = |cells: &[&str]| Record {
            row: 2,
            cells: cells.iter().map(|c| (*c).to_owned()).collect(),
        };
        for total in [
            "合计",
            " 合 计 ",
            "合计：",
            "總計",
            "Total:",
            "SUM",
            "Subtotal",
            "小计",
        ] {
            assert!(
                total_label(&row(&["", total, "", "5"])).is_some(),
                "{total}"
            );
        }
        for stream in ["合计补贴", "总计划项目", "Totals fund", "1"] {
            assert!(total_label(&row(&[stream, "", "5"])).is_none(), "{stream}");
        }
    }
}
