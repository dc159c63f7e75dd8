//! Blanks left by merged cells. A county's table often merges one agency, kind or status down
//! the rows of a group; saved as CSV (by WPS or Excel alike) a merged cell keeps its text in
//! its first row only, and the rows below it arrive blank. Such blanks are refused as written,
//! with a hint that they look merged; read with [`Blanks::FilledDown`], each takes the text
//! above it, and each run filled is reported as a warning, so that the planner can check it.

use serde::{Deserialize, Serialize};

use super::columns::{Field, simple_by_header};
use super::problems::{CsvProblem, CsvProblemKind};
use super::simple::is_simple;
use crate::csv::Record;
use crate::validate::Severity;

/// The simple layout's columns a table may merge down a group of rows. Names and amounts are
/// never merged: each row is its own stream.
const MERGEABLE: [Field; 3] = [Field::AgencyName, Field::KindName, Field::Status];

/// How a table's blanks below a filled cell of a mergeable column are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Blanks {
    /// As blanks: a required cell left blank is an error.
    #[default]
    AsWritten,
    /// Each takes the text of the filled cell above it, as a merged cell shows it.
    FilledDown,
}

/// Blank cells of one column, on consecutive stream rows, below a filled one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct MergedRun {
    /// The column, from 0.
    column: usize,
    /// Its header as written.
    header: String,
    /// The row of the filled cell above.
    from_row: usize,
    /// Its text.
    text: String,
    /// The first and last blank rows.
    first_row: usize,
    last_row: usize,
    /// How many blank cells it has (rows the table skips may lie between them).
    cells: usize,
}

/// Every run of blanks below a filled cell in the mergeable columns of a simple-layout table,
/// column by column; none for the full layout, whose rows name ids and are written by tools.
pub(super) fn merged_runs(records: &[Record]) -> Vec<MergedRun> {
    let Some((header, rows)) = records.split_first() else {
        return Vec::new();
    };
    if !is_simple(&header.cells) {
        return Vec::new();
    }
    // Rows a table skips (all blank) or refuses (another number of cells) neither fill nor
    // break a run.
    let rows: Vec<&Record> = rows
        .iter()
        .filter(|r| r.cells.len() == header.cells.len())
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let mut runs = Vec::new();
    for (column, written) in header.cells.iter().enumerate() {
        if !simple_by_header(written).is_some_and(|s| MERGEABLE.contains(&s.field)) {
            continue;
        }
        let mut above: Option<(usize, &str)> = None;
        let mut run: Option<MergedRun> = None;
        for row in &rows {
            let cell = row.cells[column].trim();
            match (cell.is_empty(), above) {
                (false, _) => {
                    runs.extend(run.take());
                    above = Some((row.row, cell));
                }
                (true, Some((from_row, text))) => match &mut run {
                    Some(open) => {
                        open.last_row = row.row;
                        open.cells += 1;
                    }
                    None => {
                        run = Some(MergedRun {
                            column,
                            header: written.trim().to_owned(),
                            from_row,
                            text: text.to_owned(),
                            first_row: row.row,
                            last_row: row.row,
                            cells: 1,
                        });
                    }
                },
                (true, None) => {}
            }
        }
        runs.extend(run);
    }
    runs
}

/// The records with each run's blanks filled with the text above them.
pub(super) fn fill_down(records: &[Record], runs: &[MergedRun]) -> Vec<Record> {
    let mut filled = records.to_vec();
    for record in filled.iter_mut().skip(1) {
        for run in runs {
            let inside = (run.first_row..=run.last_row).contains(&record.row);
            if let Some(cell) = record.cells.get_mut(run.column).filter(|_| inside)
                && cell.trim().is_empty()
            {
                cell.clone_from(&run.text);
            }
        }
    }
    filled
}

/// The warning that says what a run was filled with, at its first blank cell.
pub(super) fn filled_warning(run: &MergedRun) -> CsvProblem {
    CsvProblem {
        severity: Severity::Warning,
        row: Some(run.first_row),
        column: Some(run.column + 1),
        header: Some(run.header.clone()),
        path: String::new(),
        kind: CsvProblemKind::FilledDown {
            from_row: run.from_row,
            last_row: run.last_row,
            cells: run.cells,
            text: run.text.clone(),
        },
    }
}

/// The hint, for a table refused as written, that its blanks look like merged cells: at the
/// first blank row, counting the blank cells.
pub(super) fn merged_hint(runs: &[MergedRun]) -> Option<CsvProblem> {
    let first_row = runs.iter().map(|r| r.first_row).min()?;
    let cells = runs.iter().map(|r| r.cells).sum();
    Some(CsvProblem {
        severity: Severity::Warning,
        row: Some(first_row),
        column: None,
        header: None,
        path: String::new(),
        kind: CsvProblemKind::MergedCellsLikely { cells },
    })
}

#[cfg(test)]
mod tests {
    use super::super::{CsvReport, parse_csv, parse_csv_with, parse_pasted_with};
    use super::*;
    use crate::dataset::Status;
    use crate::validate::ProblemKind;

    /// Rows as WPS saves a table whose agency (B) is merged over rows 2–4 and whose kind (C)
    /// and status (E) are merged over rows 3–4; row 5 is blank and skipped.
    const MERGED: &str = "项目名称,主管部门,类别,金额（万元）,状态\n\
                          创业担保贷款,人社局,贷款,273,已落实\n\
                          返乡创业补贴,,补贴,120,争取\n\
                          就业见习补贴,,,30,\n\
                          ,,,,\n\
                          电商发展资金,商务局,电商,50,已落实\n";

    fn refused(read: Result<super::super::CsvDataset, CsvReport>) -> Vec<CsvProblem> {
        match read {
            Ok(read) => panic!("loaded {} streams", read.dataset.streams.len()),
            Err(report) => report.problems,
        }
    }

    #[test]
    fn merged_blanks_are_refused_as_written_with_a_hint_that_counts_them() {
        let problems = refused(parse_csv(MERGED.as_bytes()));
        let blanks: Vec<(Option<usize>, Option<usize>)> = problems
            .iter()
            .filter(|p| p.kind == CsvProblemKind::Dataset(ProblemKind::EmptyText))
            .map(|p| (p.row, p.column))
            .collect();
        assert_eq!(
            blanks,
            [
                (Some(3), Some(2)),
                (Some(4), Some(2)),
                (Some(4), Some(3)),
                (Some(4), Some(5))
            ]
        );
        let hints: Vec<(Option<usize>, &CsvProblemKind)> = problems
            .iter()
            .filter(|p| matches!(p.kind, CsvProblemKind::MergedCellsLikely { .. }))
            .map(|p| (p.row, &p.kind))
            .collect();
        assert_eq!(
            hints,
            [(Some(3), &CsvProblemKind::MergedCellsLikely { cells: 4 })]
        );
        assert!(
            problems
                .iter()
                .all(|p| p.kind != CsvProblemKind::MergedCellsLikely { cells: 4 }
                    || p.severity == Severity::Warning)
        );
    }

    #[test]
    fn filled_down_each_blank_takes_the_text_above_and_each_run_is_reported() {
        let read = parse_csv_with(MERGED.as_bytes(), Blanks::FilledDown).expect("loads");
        let streams = &read.dataset.streams;
        let agency = |i: usize| read.dataset.agencies[streams[i].agency].id.as_str();
        assert_eq!(streams.len(), 4);
        assert_eq!(
            [agency(0), agency(1), agency(2)],
            ["agency-1"; 3],
            "人社局 thrice"
        );
        assert_eq!(agency(3), "agency-2");
        assert_eq!(streams[2].kind, streams[1].kind, "补贴, from row 3");
        assert_eq!(streams[2].status, Status::Sought, "争取, from row 3");
        let filled: Vec<(Option<usize>, Option<usize>, CsvProblemKind)> = read
            .warnings
            .iter()
            .filter(|p| matches!(p.kind, CsvProblemKind::FilledDown { .. }))
            .map(|p| (p.row, p.column, p.kind.clone()))
            .collect();
        let down = |from_row, last_row, cells, text: &str| CsvProblemKind::FilledDown {
            from_row,
            last_row,
            cells,
            text: text.into(),
        };
        assert_eq!(
            filled,
            [
                (Some(3), Some(2), down(2, 4, 2, "人社局")),
                (Some(4), Some(3), down(3, 4, 1, "补贴")),
                (Some(4), Some(5), down(3, 4, 1, "争取")),
            ]
        );
        assert!(
            read.warnings
                .iter()
                .all(|p| p.severity == Severity::Warning)
        );
    }

    #[test]
    fn pasted_rows_fill_down_as_a_file_does() {
        let pasted = MERGED.replace(',', "\t");
        let read = parse_pasted_with(&pasted, Blanks::FilledDown).expect("loads");
        assert_eq!(read.dataset.streams.len(), 4);
    }

    #[test]
    fn a_blank_with_nothing_above_and_names_and_amounts_are_never_filled() {
        // Row 2 has no agency above it; row 3 has no name or amount: those stay errors.
        let text = "项目名称,主管部门,类别,金额（万元）,状态\n\
                    创业担保贷款,,贷款,273,已落实\n\
                    ,人社局,贷款,,已落实\n";
        let problems = refused(parse_csv_with(text.as_bytes(), Blanks::FilledDown));
        let errors: Vec<(Option<usize>, Option<usize>)> = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| (p.row, p.column))
            .collect();
        assert!(errors.contains(&(Some(2), Some(2))), "{errors:?}");
        assert!(errors.contains(&(Some(3), Some(1))), "{errors:?}");
        assert!(
            problems
                .iter()
                .all(|p| !matches!(p.kind, CsvProblemKind::FilledDown { .. }))
        );
    }

    #[test]
    fn a_full_layout_table_is_read_as_written() {
        let text = "id,name_zh_hans,kind,agency,amount,status,quote,title_zh_hans,source_title_zh_hans,publisher_zh_hans\n\
                    a,贷款,loans,hrss,100,secured,原文,标题,来源,发布者\n\
                    b,补贴,,hrss,100,secured,原文,,,\n";
        let as_written = refused(parse_csv(text.as_bytes()));
        assert!(
            as_written
                .iter()
                .all(|p| !matches!(p.kind, CsvProblemKind::MergedCellsLikely { .. }))
        );
        let filled = refused(parse_csv_with(text.as_bytes(), Blanks::FilledDown));
        assert_eq!(filled, as_written);
    }
}
