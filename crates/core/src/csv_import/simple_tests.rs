//! The simple layout and amounts as spreadsheets write them, one test each.

use super::*;
use crate::dataset::Status;
use crate::lang::Lang;
use crate::validate::ProblemKind;

fn load(text: &str) -> Result<CsvDataset, CsvReport> {
    parse_csv(text.as_bytes())
}

/// A problem as (row, column, header, kind).
type Located = (Option<usize>, Option<usize>, Option<String>, CsvProblemKind);

/// The errors as (row, column, header, kind).
fn errors(text: &str) -> Vec<Located> {
    match load(text) {
        Ok(loaded) => panic!("loaded {} streams", loaded.dataset.streams.len()),
        Err(report) => report
            .problems
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| (p.row, p.column, p.header, p.kind))
            .collect(),
    }
}

#[test]
fn a_remark_is_kept_as_the_streams_note() {
    let text = "项目名称,主管部门,类别,金额（万元）,状态,备注\n\
                创业担保贷款,人社局,贷款,273,已落实,待省厅复核\n\
                实训基地,发改委,培训,2000,正在争取,\n";
    let dataset = load(text).expect("loads").dataset;
    let notes: Vec<Option<&str>> = dataset.streams.iter().map(|s| s.note.as_deref()).collect();
    assert_eq!(notes, [Some("待省厅复核"), None]);
}

#[test]
fn the_simple_templates_load_with_no_source() {
    for (lang, name) in [
        (Lang::ZhHans, "创业担保贷款"),
        (Lang::En, "Guaranteed loans"),
    ] {
        let template = simple_template(lang);
        let dataset = load(&template).expect("the template loads").dataset;
        let ids: Vec<&str> = dataset.streams.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["row-2", "row-3"], "ids from the row numbers");
        let amounts: Vec<Option<i64>> = dataset.streams.iter().map(|s| s.amount).collect();
        assert_eq!(amounts, [Some(2_730_000), Some(20_000_000)], "万元");
        assert_eq!(dataset.streams[0].status, Status::Secured);
        assert_eq!(dataset.streams[1].status, Status::Sought);
        assert_eq!(dataset.streams[0].name.get(lang), name);
        assert_eq!(dataset.streams[0].quote, "", "no source is invented");
        assert_eq!(dataset.source.title.resolve(lang), None);
        assert_eq!(dataset.kinds[1].id, "kind-2");
        assert_eq!(dataset.agencies[0].id, "agency-1");
    }
    let header = simple_template(Lang::ZhHans);
    assert!(header.starts_with("\u{FEFF}项目名称,主管部门,类别,金额（万元）,状态,备注,来源\r\n"));
    let header = simple_template(Lang::En);
    assert!(
        header.starts_with(
            "\u{FEFF}Item,Agency,Kind,\"Amount (10,000 yuan)\",Status,Note,Source\r\n"
        )
    );
}

#[test]
fn simple_headers_are_read_leniently_and_ids_and_sources_kept() {
    let csv = " 项目名称 ,主管部門,类别,金额(万元),狀態, 來源 ,编号\n\
               电商项目,县商务局,电商,600,已批准,县政府2024年第3号文件,ec\n\
               电商补贴,县商务局,电商,30,申请中,,\n";
    let dataset = load(csv).expect("loads").dataset;
    assert_eq!(dataset.streams[0].id, "ec");
    assert_eq!(dataset.streams[1].id, "row-3");
    assert_eq!(dataset.streams[0].quote, "县政府2024年第3号文件");
    assert_eq!(dataset.streams[0].status, Status::Approved);
    assert_eq!(dataset.streams[1].status, Status::Sought);
    assert_eq!(dataset.kinds.len(), 1, "one kind, named twice");
    assert_eq!(
        dataset.agencies[0].name.zh_hans.as_deref(),
        Some("县商务局")
    );
}

#[test]
fn amounts_as_spreadsheets_type_them() {
    for (cell, amount) in [
        ("\"¥5,000,000.00\"", 5_000_000),
        ("￥5000000", 5_000_000),
        ("\"1,200,000\"", 1_200_000),
        ("5000000.00", 5_000_000),
        ("5000000元", 5_000_000),
        ("150万", 1_500_000),
        ("150万元", 1_500_000),
        ("\"¥ 1,234\"", 1_234),
    ] {
        let csv =
            format!("项目名称,主管部门,类别,金额（元）,状态\n贷款,人社局,贷款,{cell},已落实\n");
        let loaded = load(&csv).map_err(|r| format!("{cell}: {:?}", r.problems));
        assert_eq!(
            loaded.map(|l| l.dataset.streams[0].amount),
            Ok(Some(amount))
        );
    }
    for (cell, amount) in [
        ("150", 1_500_000),
        ("0.5", 5_000),
        ("¥5000", 5_000),
        ("5000元", 5_000),
    ] {
        let csv =
            format!("项目名称,主管部门,类别,金额（万元）,状态\n贷款,人社局,贷款,{cell},已落实\n");
        let loaded = load(&csv).map_err(|r| format!("{cell}: {:?}", r.problems));
        assert_eq!(
            loaded.map(|l| l.dataset.streams[0].amount),
            Ok(Some(amount)),
            "{cell}"
        );
    }
    for (cell, kind) in [
        ("¥150万", CsvProblemKind::NotAnAmount { unit: Unit::Yuan }),
        ("about 5", CsvProblemKind::NotAnAmount { unit: Unit::Yuan }),
        (
            "5000000.5",
            CsvProblemKind::Dataset(ProblemKind::NotWholeNumber),
        ),
        ("\"1,2\"", CsvProblemKind::NotAnAmount { unit: Unit::Yuan }),
        ("-¥5", CsvProblemKind::Dataset(ProblemKind::Negative)),
    ] {
        let csv =
            format!("项目名称,主管部门,类别,金额（元）,状态\n贷款,人社局,贷款,{cell},已落实\n");
        let amount = Some("金额（元）".to_owned());
        assert_eq!(errors(&csv), [(Some(2), Some(4), amount, kind)], "{cell}");
    }
}

#[test]
fn simple_problems_name_the_files_own_columns() {
    let unknown =
        errors("项目名称,主管部门,类别,金额（万元）,状态,单位\n贷款,人社局,贷款,1,已落实,x\n");
    assert_eq!(
        unknown,
        [(
            Some(1),
            Some(6),
            Some("单位".into()),
            CsvProblemKind::UnknownHeader {
                name: "单位".into()
            }
        )]
    );
    let missing = errors("项目名称,主管部门,金额（万元）\n贷款,人社局,1\n");
    let names: Vec<CsvProblemKind> = missing.into_iter().map(|p| p.3).collect();
    assert_eq!(
        names,
        [
            CsvProblemKind::MissingColumn { name: "类别" },
            CsvProblemKind::MissingColumn { name: "状态" },
        ]
    );
    let english = errors("Item,Agency,Kind,Status\nLoans,HR,Loans,secured\n");
    assert_eq!(
        english.iter().map(|p| p.3.clone()).collect::<Vec<_>>(),
        [CsvProblemKind::MissingColumn {
            name: "Amount (10,000 yuan)"
        }]
    );
    let status = errors("项目名称,主管部门,类别,金额（万元）,状态\n贷款,人社局,贷款,1,差不多\n");
    assert_eq!(
        status,
        [(
            Some(2),
            Some(5),
            Some("状态".into()),
            CsvProblemKind::UnknownStatus {
                found: "差不多".into()
            }
        )]
    );
    let empty_name = errors("项目名称,主管部门,类别,金额（万元）,状态\n,人社局,贷款,1,已落实\n");
    assert_eq!(
        empty_name,
        [(
            Some(2),
            Some(1),
            Some("项目名称".into()),
            CsvProblemKind::Dataset(ProblemKind::EmptyText)
        )]
    );
}

#[test]
fn status_words_in_chinese_and_english() {
    for (word, status) in [
        ("已落实", Status::Secured),
        ("已下达", Status::Issued),
        ("已批准", Status::Approved),
        ("正在争取", Status::Sought),
        ("爭取中", Status::Sought),
        ("已拨付", Status::Transferred),
        (" Prioritized ", Status::Prioritised),
        ("SOUGHT", Status::Sought),
    ] {
        let csv = format!("Item,Agency,Kind,Amount (yuan),Status\nLoans,HR,Loans,1,{word}\n");
        let loaded = load(&csv).map_err(|r| format!("{word}: {:?}", r.problems));
        assert_eq!(
            loaded.map(|l| l.dataset.streams[0].status),
            Ok(status),
            "{word}"
        );
    }
}

#[test]
fn every_problem_at_once_in_row_order() {
    // A missing column, a misspelt header and bad cells: all in one report, the header's first.
    let csv = "项目名称,主管部门,金额（万元）,状态,备住\n\
               贷款,人社局,1,差不多,\n\
               补贴,人社局,lots,已落实,\n";
    let found = errors(csv);
    let at: Vec<(Option<usize>, Option<usize>, Option<&str>)> = found
        .iter()
        .map(|(row, column, header, _)| (*row, *column, header.as_deref()))
        .collect();
    assert_eq!(
        at,
        [
            (Some(1), Some(5), Some("备住")),
            (Some(1), None, Some("类别")),
            (Some(2), Some(4), Some("状态")),
            (Some(3), Some(3), Some("金额（万元）")),
        ]
    );
    assert_eq!(found[1].3, CsvProblemKind::MissingColumn { name: "类别" });
    assert_eq!(found[3].3, CsvProblemKind::NotAnAmount { unit: Unit::Wan });
}

#[test]
fn a_chinese_sheet_is_not_reminded_of_its_missing_translations() {
    let mut csv = String::from("项目名称,主管部门,类别,金额（万元）,状态\n");
    for n in 0..46 {
        csv.push_str(&format!("项目{n},人社局,贷款,1,已落实\n"));
    }
    let loaded = load(&csv).expect("loads");
    assert_eq!(
        loaded.warnings,
        [],
        "Traditional Chinese and English are expected missing"
    );
    assert_eq!(loaded.dataset.streams.len(), 46);
}

#[test]
fn an_empty_status_cell_is_said_to_be_empty() {
    let csv = "项目名称,主管部门,类别,金额（万元）,状态\n贷款,人社局,贷款,1,\n";
    assert_eq!(
        errors(csv),
        [(
            Some(2),
            Some(5),
            Some("状态".to_owned()),
            CsvProblemKind::Dataset(ProblemKind::EmptyText)
        )]
    );
}

#[test]
fn a_full_table_missing_a_column_still_checks_its_rows() {
    let csv = "id,name_en,kind,kind_name_en,agency,agency_name_en,amount,status,\
               title_en,source_title_en,publisher_en\n\
               a,Loans,k,K,g,G,lots,secured,T,S,P\n";
    let kinds: Vec<CsvProblemKind> = errors(csv).into_iter().map(|p| p.3).collect();
    assert_eq!(
        kinds,
        [
            CsvProblemKind::MissingColumn { name: "quote" },
            CsvProblemKind::NotAnAmount { unit: Unit::Yuan },
        ],
        "the missing quotes are said once, by the header"
    );
}

#[test]
fn rows_pasted_from_a_spreadsheet_read_like_the_csv() {
    let pasted = "项目名称\t主管部门\t类别\t金额（元）\t状态\r\n\
                  创业担保贷款\t县人社局\t贷款\t1,200,000\t已落实\r\n\
                  \"两行\n名称\"\t县商务局\t电商\t¥5,000.00\t争取中\r\n";
    let dataset = parse_pasted(pasted).expect("loads").dataset;
    let amounts: Vec<Option<i64>> = dataset.streams.iter().map(|s| s.amount).collect();
    assert_eq!(amounts, [Some(1_200_000), Some(5_000)]);
    assert_eq!(dataset.streams[1].id, "row-3");
    // Copied from a CSV opened as text: commas.
    let commas = "Item,Agency,Kind,Amount (yuan),Status\nLoans,HR,Loans,5,secured\n";
    assert!(parse_pasted(commas).is_ok());
    let kinds = |text: &str| parse_pasted(text).err().map(|r| r.problems[0].kind.clone());
    assert_eq!(
        kinds("  \n"),
        Some(CsvProblemKind::Dataset(ProblemKind::Empty))
    );
    // Data rows without their header: said once, not each cell of the first as a column.
    assert_eq!(
        kinds("贷款\t人社局\t贷款\t5\t已落实\n"),
        Some(CsvProblemKind::NoHeaderRow { rows: 1 })
    );
}

#[test]
fn an_amount_header_without_its_unit_is_refused_at_its_cell() {
    let rows = "创业担保贷款,人社局,贷款,273,已落实\n实训基地,发改委,培训,2000,正在争取\n";
    for header in ["金额", "金額", "Amount", " 金额 "] {
        let csv = format!("项目名称,主管部门,类别,{header},状态\n{rows}");
        let refused = (Some(1), Some(4), Some(header.to_owned()));
        let found = errors(&csv);
        assert_eq!(
            found,
            [(
                refused.0,
                refused.1,
                refused.2,
                CsvProblemKind::AmountWithoutUnit
            )],
            "{header}: one problem, not also a missing amount column"
        );
    }
    // Pasted from Excel (tabs), the planner's own 万元 figures.
    let pasted =
        "项目名称\t主管部门\t类别\t金额\t状态\r\n创业担保贷款\t人社局\t贷款\t273\t已落实\r\n";
    let problems = parse_pasted(pasted).err().map(|r| r.problems);
    let first = problems.as_ref().and_then(|p| p.first());
    assert_eq!(
        first.map(|p| (p.row, p.column, p.kind.clone())),
        Some((Some(1), Some(4), CsvProblemKind::AmountWithoutUnit))
    );
    let errors = problems.map(|p| p.iter().filter(|p| p.severity == Severity::Error).count());
    assert_eq!(errors, Some(1));
    // With its unit, the same rows load: in 万元 or in 元.
    for (header, wan) in [
        ("金额（万元）", 10_000),
        ("金額(萬元)", 10_000),
        ("金额（元）", 1),
    ] {
        let csv = format!("项目名称,主管部门,类别,{header},状态\n{rows}");
        let amounts: Vec<Option<i64>> = load(&csv)
            .expect("loads")
            .dataset
            .streams
            .iter()
            .map(|s| s.amount)
            .collect();
        assert_eq!(amounts, [Some(273 * wan), Some(2000 * wan)], "{header}");
    }
}

#[test]
fn the_full_layouts_amount_column_stays_in_yuan() {
    let csv = "id,name_zh_hans,kind,kind_name_zh_hans,agency,agency_name_zh_hans,amount,status,\
               quote,title_zh_hans,source_title_zh_hans,publisher_zh_hans\n\
               a,贷款,k,贷款,g,人社局,2730000,secured,原文,标题,文章,县政府\n";
    let dataset = load(csv).expect("loads").dataset;
    assert_eq!(dataset.streams[0].amount, Some(2_730_000));
}
