//! County files as people write them in Excel and WPS (`tests/corpus-county/`): each loads with
//! the figures it holds, or gives every problem at once, located, in the language on screen.

use std::path::Path;

use muchuan_funding_explorer::core::csv_import::{CsvProblemKind, RowsSum, Unit, parse_csv};
use muchuan_funding_explorer::core::dataset::Status;
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::validate::{ProblemKind, Severity};
use muchuan_funding_explorer::i18n::{Message, status_word};

fn bytes(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus-county")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The streams' amounts of a file that loads.
fn amounts(name: &str) -> Vec<Option<i64>> {
    match parse_csv(&bytes(name)) {
        Ok(loaded) => loaded.dataset.streams.iter().map(|s| s.amount).collect(),
        Err(report) => panic!("{name}: {:?}", report.problems),
    }
}

/// A problem as (row, column, header, kind).
type Located = (Option<usize>, Option<usize>, Option<String>, CsvProblemKind);

/// The errors of a file that does not load: (row, column, header, kind).
fn errors(name: &str) -> Vec<Located> {
    match parse_csv(&bytes(name)) {
        Ok(_) => panic!("{name} loaded"),
        Err(report) => report
            .problems
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| (p.row, p.column, p.header, p.kind))
            .collect(),
    }
}

const WAN: i64 = 10_000;

#[test]
fn chinese_headers_in_wan_with_notes_and_sources() {
    assert_eq!(
        amounts("zh-wan.csv"),
        [273, 200, 2000, 600, 600, 75].map(|w| Some(w * WAN))
    );
    let dataset = parse_csv(&bytes("zh-wan.csv")).map(|l| l.dataset).ok();
    let dataset = dataset.expect("loads");
    assert_eq!(dataset.streams[0].quote, "县人社局年报");
    assert_eq!(dataset.streams[1].quote, "", "no source invented");
    assert_eq!(dataset.kinds.len(), 5, "培训 named twice is one kind");
    assert_eq!(dataset.agencies.len(), 5);
}

#[test]
fn currency_formats_in_a_yuan_column() {
    assert_eq!(
        amounts("zh-yuan-currency.csv"),
        [5_000_000, 1_200_000, 1_500_000, 5_000_000, 300_000, 80_000].map(Some)
    );
}

#[test]
fn english_traditional_spaced_and_trailing_files_load() {
    assert_eq!(
        amounts("en-simple.csv"),
        [273, 2000, 600].map(|w| Some(w * WAN))
    );
    assert_eq!(
        amounts("zh-traditional.csv"),
        [273, 2000].map(|w| Some(w * WAN))
    );
    assert_eq!(
        amounts("zh-spaces-brackets.csv"),
        [273, 200].map(|w| Some(w * WAN))
    );
    assert_eq!(
        amounts("wps-trailing.csv"),
        [273, 600].map(|w| Some(w * WAN))
    );
}

#[test]
fn a_gbk_file_is_left_to_the_browser_to_decode() {
    // The core takes UTF-8 text; the page decodes GBK with the browser's TextDecoder first
    // (tests/e2e/county.test.mjs loads this file through the file picker).
    let kinds: Vec<CsvProblemKind> = errors("zh-gbk.csv").into_iter().map(|p| p.3).collect();
    assert_eq!(kinds, [CsvProblemKind::Dataset(ProblemKind::NotUtf8)]);
}

#[test]
fn typos_give_every_problem_at_once_in_row_order() {
    let found = errors("zh-typos.csv");
    let places: Vec<(Option<usize>, Option<usize>, Option<&str>)> = found
        .iter()
        .map(|(row, column, header, _)| (*row, *column, header.as_deref()))
        .collect();
    assert_eq!(
        places,
        [
            (Some(1), Some(1), Some("项目明称")),
            (Some(1), None, Some("项目名称")),
            (Some(1), None, Some("类别")),
            (Some(2), Some(4), Some("状态")),
            (Some(3), Some(3), Some("金额（万元）")),
            (Some(5), Some(3), Some("金额（万元）")),
        ]
    );
    let said: Vec<String> = parse_csv(&bytes("zh-typos.csv"))
        .err()
        .map(|r| r.problems.iter().map(|p| p.message(Lang::ZhHans)).collect())
        .unwrap_or_default();
    assert_eq!(
        said[0],
        "第 1 行 A 列（项目明称）：模板中没有“项目明称”这一列（是否拼写有误？）"
    );
    assert_eq!(said[1], "第 1 行：缺少必需的列“项目名称”");
    assert_eq!(
        said[3],
        "第 2 行 D 列（状态）：未知状态“已落买”；\
         可用：已落实、已划拨、已获批、已扶持、已下达、已提供、重点倾斜、正在争取"
    );
    assert!(
        said[4].starts_with("第 3 行 C 列（金额（万元））："),
        "{}",
        said[4]
    );
    let en: Vec<String> = parse_csv(&bytes("zh-typos.csv"))
        .err()
        .map(|r| r.problems.iter().map(|p| p.message(Lang::En)).collect())
        .unwrap_or_default();
    assert!(
        en[3].ends_with(
            "use secured, transferred, approved, supported, issued, provided, given priority \
             or being sought"
        ),
        "{}",
        en[3]
    );
}

#[test]
fn a_full_table_without_quotes_says_so_once_and_checks_the_rows() {
    let found = errors("full-missing-quote.csv");
    let kinds: Vec<&CsvProblemKind> = found.iter().map(|p| &p.3).collect();
    assert_eq!(
        kinds,
        [
            &CsvProblemKind::MissingColumn { name: "quote" },
            &CsvProblemKind::NotAnAmount { unit: Unit::Yuan },
        ]
    );
    assert_eq!(found[1].0, Some(3));
    assert_eq!(found[1].2.as_deref(), Some("amount"));
}

#[test]
fn an_amount_header_without_its_unit_is_refused_not_read_in_yuan() {
    // 273, 2000, 600 under a bare 金额 mean 万元 to a planner; read in 元 they would be 10,000
    // times too small.
    let found = errors("zh-bare-amount.csv");
    assert_eq!(
        found,
        [(
            Some(1),
            Some(4),
            Some("金额".to_owned()),
            CsvProblemKind::AmountWithoutUnit
        )]
    );
    let said = |lang| {
        parse_csv(&bytes("zh-bare-amount.csv"))
            .err()
            .map(|r| r.problems[0].message(lang))
    };
    assert_eq!(
        said(Lang::ZhHans).as_deref(),
        Some(
            "第 1 行 D 列（金额）：表头未写单位，无法判断金额是万元还是元；\
             请改为“金额（万元）”或“金额（元）”"
        )
    );
    let en = said(Lang::En).unwrap_or_default();
    assert!(
        en.contains("“Amount (10,000 yuan)” or “Amount (yuan)”"),
        "{en}"
    );
    let hant = said(Lang::ZhHant).unwrap_or_default();
    assert!(hant.contains("「金額（萬元）」或「金額（元）」"), "{hant}");
}

#[test]
fn the_cards_status_words_are_the_ones_a_table_takes() {
    for lang in [Lang::ZhHans, Lang::ZhHant, Lang::En] {
        for status in Status::ALL {
            let word = status_word(status, lang);
            let csv =
                format!("项目名称,主管部门,类别,金额（万元）,状态\n贷款,人社局,贷款,1,{word}\n");
            let read = parse_csv(csv.as_bytes()).map(|l| (l.dataset.streams[0].status, l.warnings));
            // Read as written on the cards: nothing to say about the word.
            assert_eq!(read, Ok((status, Vec::new())), "{word}");
        }
    }
}

#[test]
fn an_empty_status_cell_is_said_to_be_empty() {
    let csv = "项目名称,主管部门,类别,金额（万元）,状态\n贷款,人社局,贷款,1,\n";
    let said: Vec<String> = parse_csv(csv.as_bytes())
        .err()
        .map(|r| r.problems.iter().map(|p| p.message(Lang::ZhHans)).collect())
        .unwrap_or_default();
    assert_eq!(
        said,
        ["第 2 行 E 列（状态）：未填写内容"],
        "a Chinese sheet's missing translations are not reminders"
    );
}

#[test]
fn a_cell_of_a_column_the_table_lacks_is_placed_like_the_others() {
    // The full layout without Traditional Chinese columns: row, then the column's name.
    let full = "id,name_zh_hans,name_en,kind,kind_name_en,agency,agency_name_en,amount,status,\
                quote,title_en,source_title_en,publisher_en\n\
                a,贷款,Loans,k,K,g,G,5,secured,q,T,S,P\n";
    let warnings = parse_csv(full.as_bytes())
        .map(|l| l.warnings)
        .unwrap_or_default();
    let name = warnings
        .iter()
        .find(|w| w.header.as_deref() == Some("name_zh_hant"));
    let said = name.map(|w| w.message(Lang::En)).unwrap_or_default();
    assert!(said.starts_with("Row 2 (name_zh_hant): "), "{said}");
}

#[test]
fn missing_translations_are_named_by_language() {
    let said = |csv: &str, lang| -> Vec<String> {
        let warnings = parse_csv(csv.as_bytes())
            .map(|l| l.warnings)
            .unwrap_or_default();
        warnings.iter().map(|p| p.message(lang)).collect()
    };
    // The full layout without Traditional Chinese columns: one line per column, by name.
    let full = "id,name_zh_hans,name_en,kind,kind_name_en,agency,agency_name_en,amount,status,\
                quote,title_en,source_title_en,publisher_en\n\
                a,贷款,Loans,k,K,g,G,5,secured,q,T,S,P\n\
                b,补贴,Grants,k,K,g,G,5,secured,q,T,S,P\n";
    let zh = said(full, Lang::ZhHans);
    let name =
        "第 2 行（name_zh_hant）：共 2 行缺少繁体中文内容（至第 3 行），将显示其他语言的内容";
    assert!(zh.iter().any(|m| m == name), "{zh:?}");
    assert!(
        zh.iter()
            .any(|m| m == "第 2 行（title_zh_hans）：缺少简体中文内容，将显示其他语言的内容")
    );
    let en = said(full, Lang::En);
    assert!(
        en.iter().any(|m| m.contains("no Simplified Chinese text")),
        "{en:?}"
    );
    for message in zh.iter().chain(&en) {
        assert!(
            !message.contains("zh-Hant") || message.contains("name_zh_hant"),
            "{message}"
        );
        assert!(
            !message.contains(" en ") && !message.contains("zh-Hans "),
            "{message}"
        );
    }
}

#[test]
fn merged_cells_saved_by_wps_are_offered_and_read_filled_down() {
    use muchuan_funding_explorer::core::csv_import::{Blanks, parse_csv_with};
    // Refused as written: the blanks are errors, and a hint counts them (agency 3, 4, 6;
    // status 4, 6).
    let refused = match parse_csv(&bytes("wps-merged.csv")) {
        Ok(_) => panic!("loaded as written"),
        Err(report) => report.problems,
    };
    // Every blank cell is listed where it is, each blank agency too.
    let blanks: Vec<(Option<usize>, Option<usize>)> = refused
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| (p.row, p.column))
        .collect();
    assert_eq!(
        blanks,
        [3, 4, 4, 6, 6]
            .into_iter()
            .zip([2, 2, 5, 2, 5])
            .map(|(r, c)| (Some(r), Some(c)))
            .collect::<Vec<_>>()
    );
    let hint = refused
        .iter()
        .find(|p| matches!(p.kind, CsvProblemKind::MergedCellsLikely { .. }));
    assert_eq!(
        hint.map(|p| (p.row, &p.kind)),
        Some((Some(3), &CsvProblemKind::MergedCellsLikely { cells: 5 }))
    );
    assert!(hint.is_some_and(|h| h.message(Lang::ZhHans).contains("5 个空白格")));
    // Read filled down: five streams, each blank taking the cell above.
    let read = parse_csv_with(&bytes("wps-merged.csv"), Blanks::FilledDown).expect("loads");
    let dataset = &read.dataset;
    let agency = |i: usize| {
        dataset.agencies[dataset.streams[i].agency]
            .name
            .get(Lang::ZhHans)
    };
    let agencies: Vec<&str> = (0..5).map(agency).collect();
    assert_eq!(
        agencies,
        ["县人社局", "县人社局", "县人社局", "县商务局", "县商务局"]
    );
    let statuses: Vec<Status> = dataset.streams.iter().map(|s| s.status).collect();
    assert_eq!(statuses[2], Status::Secured);
    assert_eq!(statuses[4], Status::Sought);
    let amounts: Vec<Option<i64>> = dataset.streams.iter().map(|s| s.amount).collect();
    assert_eq!(amounts, [273, 120, 60, 500, 40].map(|w| Some(w * WAN)));
    // Each run filled is said, at its first cell, naming the row its text came from.
    let said: Vec<String> = read
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, CsvProblemKind::FilledDown { .. }))
        .map(|w| w.message(Lang::ZhHans))
        .collect();
    assert_eq!(said.len(), 4, "{said:?}");
    assert_eq!(
        said[0],
        "第 3 行 B 列（主管部门）：至第 4 行均为空白，已沿用第 2 行的“县人社局”"
    );
    assert!(
        said.iter()
            .any(|s| s.starts_with("第 6 行 E 列（状态）：空白，已沿用第 5 行的“争取中”")),
        "{said:?}"
    );
    let english: Vec<String> = read.warnings.iter().map(|w| w.message(Lang::En)).collect();
    assert!(
        english
            .iter()
            .any(|s| s.contains("blank down to row 4: “县人社局” from row 2 used")),
        "{english:?}"
    );
}

/// The warnings of a file that loads, as (row, kind).
fn warnings(name: &str) -> Vec<(Option<usize>, CsvProblemKind)> {
    match parse_csv(&bytes(name)) {
        Ok(loaded) => loaded
            .warnings
            .into_iter()
            .map(|w| (w.row, w.kind))
            .collect(),
        Err(report) => panic!("{name}: {:?}", report.problems),
    }
}

#[test]
fn a_title_row_and_a_total_row_as_wps_saves_them_are_not_streams() {
    let loaded = parse_csv(&bytes("wps-title-total.csv")).expect("loads");
    let streams = &loaded.dataset.streams;
    let names: Vec<&str> = streams.iter().map(|s| s.name.get(Lang::ZhHans)).collect();
    assert_eq!(
        names,
        [
            "创业担保贷款",
            "一次性创业补贴",
            "返乡创业园建设",
            "电商进农村"
        ]
    );
    let amounts: Vec<Option<i64>> = streams.iter().map(|s| s.amount).collect();
    assert_eq!(
        amounts,
        [2_730_000, 12_000_000, 5_000_000, 125_000].map(Some)
    );
    let statuses: Vec<Status> = streams.iter().map(|s| s.status).collect();
    assert_eq!(
        statuses,
        [
            Status::Secured,
            Status::Secured,
            Status::Sought,
            Status::Transferred
        ],
        "申报中 is sought; 已拨付 is transferred"
    );
    // The title is said at row 1, the header being row 2; the total at its row, its
    // 1,985.5万元 equal to rows 3–7.
    let sum = RowsSum {
        first_row: 3,
        last_row: 6,
        yuan: 19_855_000,
    };
    // The county's own status words are said with the cards' words for them, once each.
    let words = [
        ("已到位", Status::Secured),
        ("申报中", Status::Sought),
        ("已拨付", Status::Transferred),
    ];
    assert_eq!(
        warnings("wps-title-total.csv"),
        [
            (
                None,
                CsvProblemKind::StatusWords {
                    words: words.map(|(w, s)| (w.to_owned(), s)).to_vec()
                }
            ),
            (Some(1), CsvProblemKind::TitleRow { header_row: 2 }),
            (
                Some(7),
                CsvProblemKind::TotalRow {
                    label: "合计".into(),
                    stated: Some(19_855_000),
                    parts: Some(sum),
                    unit: Unit::Wan,
                }
            ),
        ]
    );
    let said: Vec<String> = loaded
        .warnings
        .iter()
        .map(|w| w.message(Lang::ZhHans))
        .collect();
    assert_eq!(
        said[0],
        "状态 列：“已到位”显示为“已落实”、“申报中”显示为“正在争取”、\
         “已拨付”显示为“已划拨”，含义不变"
    );
    assert_eq!(said[1], "第 1 行：为表格标题，已跳过（表头在第 2 行）");
    assert_eq!(
        said[2],
        "第 7 行：“合计”行未作为资金项目载入；其金额 1,985.5万元 与第 3–6 行之和相符"
    );
    let hant = loaded.warnings[2].message(Lang::ZhHant);
    assert!(
        hant.starts_with("第 7 列：「合计」列未作為資金項目載入"),
        "{hant}"
    );
    let en = loaded.warnings[2].message(Lang::En);
    assert!(
        en.contains("1,985.5万 (CNY 19,855,000), equals the sum of rows 3–6"),
        "{en}"
    );
}

#[test]
fn a_total_that_differs_is_said_and_its_blanks_are_not_merged_cells() {
    use muchuan_funding_explorer::core::csv_import::{Blanks, parse_csv_with};
    // As written, only row 3's agency is blank below a filled cell: the 小计 and 合计 rows'
    // blank agency, kind and status cells are not counted.
    let refused = match parse_csv(&bytes("wps-subtotal-mismatch.csv")) {
        Ok(_) => panic!("loaded with a blank agency"),
        Err(report) => report.problems,
    };
    let hint = refused
        .iter()
        .find(|p| matches!(p.kind, CsvProblemKind::MergedCellsLikely { .. }));
    assert_eq!(
        hint.map(|p| (p.row, &p.kind)),
        Some((Some(3), &CsvProblemKind::MergedCellsLikely { cells: 1 }))
    );
    // Filled, the totals stay out: three streams, 443万元, not 1,336万元.
    let read = parse_csv_with(&bytes("wps-subtotal-mismatch.csv"), Blanks::FilledDown);
    let read = read.expect("loads filled");
    let amounts: Vec<Option<i64>> = read.dataset.streams.iter().map(|s| s.amount).collect();
    assert_eq!(amounts, [2_730_000, 1_200_000, 500_000].map(Some));
    let totals: Vec<(Option<usize>, &CsvProblemKind)> = read
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, CsvProblemKind::TotalRow { .. }))
        .map(|w| (w.row, &w.kind))
        .collect();
    let rows = |first_row, last_row, yuan| {
        Some(RowsSum {
            first_row,
            last_row,
            yuan,
        })
    };
    assert_eq!(
        totals,
        [
            (
                Some(4),
                &CsvProblemKind::TotalRow {
                    label: "小计".into(),
                    stated: Some(3_930_000),
                    parts: rows(2, 3, 3_930_000),
                    unit: Unit::Wan,
                }
            ),
            // 合计 totals every stream above it, not the 小计 too.
            (
                Some(6),
                &CsvProblemKind::TotalRow {
                    label: "合 计：".into(),
                    stated: Some(5_000_000),
                    parts: rows(2, 5, 4_430_000),
                    unit: Unit::Wan,
                }
            ),
        ]
    );
    let said = read
        .warnings
        .iter()
        .find(|w| w.row == Some(6))
        .map(|w| w.message(Lang::ZhHans));
    assert_eq!(
        said.as_deref(),
        Some(
            "第 6 行：“合 计：”行未作为资金项目载入；其金额 500万元 与第 2–5 行之和（443万元）不符，请核对"
        )
    );
}

#[test]
fn a_unit_in_the_title_rows_reads_a_header_that_states_none() {
    let loaded = parse_csv(&bytes("wps-title-unit.csv")).expect("loads");
    let amounts: Vec<Option<i64>> = loaded.dataset.streams.iter().map(|s| s.amount).collect();
    assert_eq!(amounts, [273, 500].map(|w| Some(w * WAN)));
    let kinds: Vec<(Option<usize>, CsvProblemKind)> = warnings("wps-title-unit.csv")
        .into_iter()
        .map(|(row, kind)| match kind {
            // The total's figures are checked above; here its place.
            CsvProblemKind::TotalRow { stated, parts, .. } => {
                assert_eq!(stated, parts.map(|p| p.yuan), "773万元 agrees");
                (row, CsvProblemKind::NoStreams)
            }
            kind => (row, kind),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (
                None,
                CsvProblemKind::StatusWords {
                    words: vec![("申报中".into(), Status::Sought)]
                }
            ),
            (Some(1), CsvProblemKind::TitleRow { header_row: 3 }),
            (Some(2), CsvProblemKind::TitleRow { header_row: 3 }),
            (Some(3), CsvProblemKind::UnitFromTitle { unit: Unit::Wan }),
            (Some(6), CsvProblemKind::NoStreams),
        ]
    );
    // Two units stated: neither is guessed, and the bare header is refused as before.
    let two =
        "单位：万元\n（单位：元）\n项目名称,主管部门,类别,金额,状态\n贷款,人社局,贷款,273,已落实\n";
    let refused = parse_csv(two.as_bytes()).err().map(|r| r.problems);
    let kinds: Vec<CsvProblemKind> = refused.into_iter().flatten().map(|p| p.kind).collect();
    assert!(
        kinds.contains(&CsvProblemKind::AmountWithoutUnit),
        "{kinds:?}"
    );
}

#[test]
fn a_sheet_with_no_header_says_so_rather_than_listing_its_title_as_columns() {
    let found = errors("wps-no-header.csv");
    assert_eq!(
        found,
        [(None, None, None, CsvProblemKind::NoHeaderRow { rows: 3 })]
    );
    let said = parse_csv(&bytes("wps-no-header.csv"))
        .err()
        .map(|r| r.problems[0].message(Lang::ZhHans))
        .unwrap_or_default();
    assert!(said.contains("前 3 行中没有表头行"), "{said}");
    assert!(!said.contains("这一列"), "{said}");
}

#[test]
fn headers_and_statuses_as_wps_users_type_them() {
    let loaded = parse_csv(&bytes("wps-synonyms.csv")).expect("loads");
    let dataset = &loaded.dataset;
    let amounts: Vec<Option<i64>> = dataset.streams.iter().map(|s| s.amount).collect();
    assert_eq!(amounts, [2_730_000, 125_000, 5_000_000].map(Some));
    assert_eq!(dataset.agencies[0].name.get(Lang::ZhHans), "县人社局");
    let statuses: Vec<Status> = dataset.streams.iter().map(|s| s.status).collect();
    assert_eq!(
        statuses,
        [Status::Secured, Status::Transferred, Status::Sought]
    );
    // Each status word the cards show in another is said once, where the column is.
    let said: Vec<(Option<usize>, CsvProblemKind)> = loaded
        .warnings
        .iter()
        .map(|w| (w.column, w.kind.clone()))
        .collect();
    let words = vec![
        ("已拨付".into(), Status::Transferred),
        ("申报中".into(), Status::Sought),
    ];
    assert_eq!(said, [(Some(5), CsvProblemKind::StatusWords { words })]);
    // The amount column's unit after a slash, in half-width brackets, in yuan.
    for (header, yuan) in [
        ("金额/万元", 2_730_000),
        ("资金(万元)", 2_730_000),
        ("金额（单位：万元）", 2_730_000),
        ("金额/元", 273),
        ("金额(元)", 273),
    ] {
        let csv = format!("项目名称,责任单位,类别,{header},状态\n贷款,人社局,贷款,273,申报中\n");
        let read = parse_csv(csv.as_bytes()).map(|l| l.dataset.streams[0].amount);
        assert_eq!(read, Ok(Some(yuan)), "{header}");
    }
}
