//! The reader's and the writer's rules, one test each.

use serde_json::Number;

use super::cells::{decimal_number, status_key};
use super::*;
use crate::csv::SyntaxKind;
use crate::dataset::{Dataset, Status, Stream};
use crate::share_link::tests::muchuan;
use crate::validate::ProblemKind;
use proptest::prelude::*;

#[test]
fn decimal_numbers_read_as_the_standard_library_reads_them() {
    for text in [
        "1.5",
        "+1.5",
        "-1.5",
        ".5",
        "5.",
        "-.5",
        "1e6",
        "1E6",
        "1.5e+3",
        "2.5e-2",
        "007.25",
        "0.0",
        "-0.0",
        "12345678.9",
        "1e400",
        "1e-400",
        "27300.00001",
    ] {
        let expected = text.parse::<f64>().ok().and_then(Number::from_f64);
        assert_eq!(decimal_number(text), expected, "{text}");
    }
    for text in [
        "", ".", "-", "+", "e5", "1e", "1e+", "1.2.3", "inf", "NaN", "1,5", "0x10", "1 5",
    ] {
        assert_eq!(decimal_number(text), None, "{text}");
    }
}

const TEMPLATE: &str = include_str!("../../../../data/template.csv");

fn load(text: &str) -> Result<CsvDataset, CsvReport> {
    parse_csv(text.as_bytes())
}

/// The problems as (row, header, kind), for compact assertions.
fn problems(text: &str) -> Vec<(Option<usize>, Option<String>, CsvProblemKind)> {
    match load(text) {
        Ok(loaded) => panic!("loaded {:?}", loaded.dataset.streams.len()),
        Err(report) => report
            .problems
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| (p.row, p.header, p.kind))
            .collect(),
    }
}

const HEAD: &str = "id,name_en,kind,kind_name_en,agency,agency_name_en,amount,status,quote,title_en,source_title_en,publisher_en\n";

#[test]
fn the_template_loads() {
    let loaded = load(TEMPLATE).expect("the template loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let dataset = loaded.dataset;
    assert_eq!(dataset.streams.len(), 4);
    assert_eq!(dataset.kinds.len(), 4);
    assert_eq!(dataset.agencies.len(), 4);
    // The row whose quote names the finance bureau is the finance bureau's.
    let agency = dataset
        .agency_of(&dataset.streams[2])
        .map(|a| a.id.as_str());
    assert_eq!(agency, Some("finance"));
    assert!(dataset.streams[2].quote.contains("市财政"));
    assert_eq!(dataset.streams[0].amount, Some(2_730_000));
    assert_eq!(
        dataset.streams[2].amount, None,
        "an empty amount is not stated"
    );
    assert_eq!(dataset.streams[3].status, Status::Sought);
    assert_eq!(dataset.streams[1].units.as_ref().map(|u| u.count), Some(26));
    assert!(
        TEMPLATE.starts_with('\u{FEFF}'),
        "the template opens as UTF-8 in spreadsheets"
    );
}

#[test]
fn muchuan_round_trips_through_csv() {
    let dataset = muchuan();
    let csv = dataset_csv(&dataset);
    let loaded = load(&csv).expect("loads").dataset;
    // Kinds come back in the order streams first use them: each stream keeps its kind by id,
    // at the kind's new index.
    let kind_ids = |d: &Dataset| {
        let ids = d.streams.iter().map(|s| d.kind_of(s).map(|k| k.id.clone()));
        ids.collect::<Vec<_>>()
    };
    assert_eq!(kind_ids(&loaded), kind_ids(&dataset));
    assert_ne!(
        loaded.kinds, dataset.kinds,
        "the order of first use differs"
    );
    let but_kind = |d: &Dataset| {
        let streams = d.streams.iter().map(|s| Stream {
            kind: 0,
            ..s.clone()
        });
        streams.collect::<Vec<_>>()
    };
    assert_eq!(but_kind(&loaded), but_kind(&dataset));
    assert_eq!(loaded.agencies, dataset.agencies);
    assert_eq!(loaded.title, dataset.title);
    assert_eq!(loaded.summary, dataset.summary);
    assert_eq!(loaded.source, dataset.source);
    let mut kinds = loaded.kinds.clone();
    let mut expected = dataset.kinds.clone();
    kinds.sort_by(|a, b| a.id.cmp(&b.id));
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(kinds, expected);
}

#[test]
fn formulas_stay_inert_text() {
    let csv = format!(
        "{HEAD}a,=1+1,k,+cmd|' /C calc'!A0,g,@SUM(A1),5,secured,\"=HYPERLINK(\"\"x\"\")\",T,S,P\n\
         b,'=2+2,k,,g,,0,sought,q,,,\n"
    );
    let dataset = load(&csv).expect("loads").dataset;
    assert_eq!(dataset.streams[0].name.en.as_deref(), Some("=1+1"));
    assert_eq!(
        dataset.kinds[0].name.en.as_deref(),
        Some("+cmd|' /C calc'!A0")
    );
    assert_eq!(dataset.agencies[0].name.en.as_deref(), Some("@SUM(A1)"));
    assert_eq!(dataset.streams[0].quote, "=HYPERLINK(\"x\")");
    assert_eq!(
        dataset.streams[1].name.en.as_deref(),
        Some("=2+2"),
        "an export's apostrophe is removed"
    );
    assert_eq!(dataset.streams[1].amount, Some(0));
}

#[test]
fn status_words_as_the_source_or_the_explorer_writes_them() {
    for (cell, status) in [
        ("划拨", Status::Transferred),
        ("已划拨", Status::Transferred),
        ("正在争取", Status::Sought),
        ("争取", Status::Sought),
        ("重點傾斜", Status::Prioritised),
        ("Approved", Status::Approved),
    ] {
        assert_eq!(status_key(cell), status.key(), "{cell}");
    }
}

#[test]
fn amounts_in_yuan_or_wan() {
    for (cell, amount) in [
        ("2730000", Some(2_730_000)),
        ("\"2,730,000\"", Some(2_730_000)),
        ("2730000.00", Some(2_730_000)),
        ("273万", Some(2_730_000)),
        ("273.5万元", Some(2_735_000)),
        ("273萬元", Some(2_730_000)),
        ("2730000元", Some(2_730_000)),
        ("２７３万", Some(2_730_000)),
        ("２７３００００", Some(2_730_000)),
        ("0", Some(0)),
        ("0万", Some(0)),
        ("", None),
    ] {
        let csv = format!("{HEAD}a,n,k,K,g,G,{cell},secured,q,T,S,P\n");
        let dataset = load(&csv).map_err(|r| format!("{cell}: {:?}", r.problems));
        assert_eq!(
            dataset.map(|d| d.dataset.streams[0].amount),
            Ok(amount),
            "{cell}"
        );
    }
    let at = |cell: &str| problems(&format!("{HEAD}a,n,k,K,g,G,{cell},secured,q,T,S,P\n"));
    let amount_problem = |kind| {
        vec![(
            Some(2),
            Some("amount".to_owned()),
            CsvProblemKind::Dataset(kind),
        )]
    };
    let not_an_amount = vec![(
        Some(2),
        Some("amount".to_owned()),
        CsvProblemKind::NotAnAmount { unit: Unit::Yuan },
    )];
    assert_eq!(at("-5"), amount_problem(ProblemKind::Negative));
    assert_eq!(at("-273万"), amount_problem(ProblemKind::Negative));
    // A 万 amount's sign is read as a yuan amount's is.
    assert_eq!(at("-99999999999999999999万"), at("-99999999999999999999"));
    assert_eq!(at("1.5"), amount_problem(ProblemKind::NotWholeNumber));
    // Zero with a minus sign is refused as a JSON file's `-0` is, whatever its unit.
    for cell in ["-0", "-0.00", "-0.0", "-0万", "-0元", "-¥0", "-０"] {
        assert_eq!(at(cell), amount_problem(ProblemKind::MinusZero), "{cell}");
    }

    assert_eq!(
        at("99999999999999999999"),
        amount_problem(ProblemKind::TooBig)
    );
    assert_eq!(at("1000000000000001"), amount_problem(ProblemKind::TooBig));
    assert_eq!(at("lots"), not_an_amount.clone());
    assert_eq!(at("2.73.0万"), not_an_amount.clone());
    // Two units is a slip, not 273 yuan.
    assert_eq!(at("CNY 273万"), not_an_amount.clone());
    // A comma that is no thousands separator (a decimal comma, a slip) is not taken out.
    for cell in ["\"1,2\"", "\"2730000,50\"", "\"1,5万\"", "\"0,500\""] {
        assert_eq!(at(cell), not_an_amount, "{cell}");
    }
    assert_eq!(at("100000000001万"), amount_problem(ProblemKind::TooBig));
}

#[test]
fn a_csv_in_the_computers_own_encoding_says_how_to_save_it() {
    // 沐川 in GBK, as a plain "CSV (逗号分隔)" from Excel on a Chinese computer writes it.
    let mut bytes = b"id,name_zh-Hans\na,".to_vec();
    bytes.extend([0xC3, 0xE5, 0xB4, 0xA8, b'\n']);
    let report = parse_csv(&bytes).expect_err("refused");
    let problem = report.problems.first().expect("a problem");
    assert_eq!(problem.kind, CsvProblemKind::Dataset(ProblemKind::NotUtf8));
}

#[test]
fn a_csv_with_semicolons_or_tabs_says_so() {
    let kinds = |text: &str| {
        parse_csv(text.as_bytes())
            .expect_err("refused")
            .problems
            .iter()
            .map(|p| (p.row, p.kind.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds("id;name_en;amount\n\"a\";\"Loans\";1\n"),
        [(
            Some(1),
            CsvProblemKind::WrongSeparator(Separator::Semicolon)
        )]
    );
    assert_eq!(
        kinds("id\tname_zh-Hans\na\t贷款\n"),
        [(Some(1), CsvProblemKind::WrongSeparator(Separator::Tab))]
    );
    // A comma in the header: read as CSV, whatever the cells hold.
    assert!(
        !kinds("id,name_en\na;b,c\n")
            .iter()
            .any(|(_, kind)| matches!(kind, CsvProblemKind::WrongSeparator(_)))
    );
}

#[test]
fn csv_problems_have_rows_and_columns() {
    let report = load("id,name_en\n\"open").err().map(|r| r.problems);
    let first = report.as_ref().and_then(|p| p.first());
    assert_eq!(first.map(|p| (p.row, p.column)), Some((Some(2), Some(1))));
    assert_eq!(
        first.map(|p| p.kind.clone()),
        Some(CsvProblemKind::Syntax(SyntaxKind::UnterminatedQuote))
    );

    let unknown = problems("id,nmae_en,kind,agency,amount,status,quote\n");
    assert_eq!(
        unknown,
        vec![(
            Some(1),
            Some("nmae_en".into()),
            CsvProblemKind::UnknownHeader {
                name: "nmae_en".into()
            }
        )]
    );
    let missing = problems("id,Name-EN,kind,agency,amount,status,ID\n");
    assert_eq!(
        missing,
        vec![
            (
                Some(1),
                Some("ID".into()),
                CsvProblemKind::DuplicateHeader { name: "ID".into() }
            ),
            (
                Some(1),
                Some("quote".into()),
                CsvProblemKind::MissingColumn { name: "quote" }
            ),
        ]
    );
    assert_eq!(
        problems("id,name_en,kind,agency,amount,status,quote\n\n,,,,,,\n"),
        vec![(None, None, CsvProblemKind::NoStreams)]
    );
    let short = problems(&format!("{HEAD}a,n,k,K,g,G,5,secured,q,T,S,P\nb,n,k\n"));
    assert_eq!(
        short,
        vec![(
            Some(3),
            None,
            CsvProblemKind::WrongCellCount {
                expected: 12,
                found: 3
            }
        )]
    );
}

#[test]
fn dataset_problems_are_located_in_the_table() {
    let csv = format!(
        "{HEAD}\
         a,n,k,Kind,g,G,5,secured,q,T,S,P\n\
         a,n,k,Other kind,g,G,5,granted,,,,\n\
         c,,bad id!,K2,g,,5,sought,q,,,\n"
    );
    let found = problems(&csv);
    // In row order, then column order, whatever found them.
    let expected = vec![
        (
            Some(3),
            Some("id".to_owned()),
            CsvProblemKind::DuplicateId {
                id: "a".into(),
                first_row: 2,
            },
        ),
        (
            Some(3),
            Some("kind_name_en".to_owned()),
            CsvProblemKind::Conflict { first_row: 2 },
        ),
        (
            Some(3),
            Some("status".to_owned()),
            CsvProblemKind::UnknownStatus {
                found: "granted".into(),
            },
        ),
        (
            Some(3),
            Some("quote".to_owned()),
            CsvProblemKind::Dataset(ProblemKind::EmptyText),
        ),
        (
            Some(4),
            Some("name_en".to_owned()),
            CsvProblemKind::Dataset(ProblemKind::EmptyText),
        ),
        (
            Some(4),
            Some("kind".to_owned()),
            CsvProblemKind::Dataset(ProblemKind::BadId),
        ),
    ];
    assert_eq!(found, expected);
}

#[test]
fn programme_cells_are_required_once_and_may_repeat() {
    let no_title = problems(
        "id,name_en,kind,kind_name_en,agency,agency_name_en,amount,status,quote\na,n,k,K,g,G,5,secured,q\n",
    );
    // The file has none of the columns: it says which to add, not that a cell is empty.
    let kinds: Vec<&CsvProblemKind> = no_title.iter().map(|(_, _, k)| k).collect();
    let none_of = |names: [&'static str; 3]| CsvProblemKind::NoneOfColumns {
        names: names.to_vec(),
    };
    assert_eq!(
        kinds,
        [
            &none_of(["title_zh_hans", "title_zh_hant", "title_en"]),
            &none_of([
                "source_title_zh_hans",
                "source_title_zh_hant",
                "source_title_en"
            ]),
            &none_of(["publisher_zh_hans", "publisher_zh_hant", "publisher_en"]),
        ]
    );
    assert_eq!(no_title[0].1, None, "no header the file lacks is named");
    let repeated = format!("{HEAD}a,n,k,K,g,G,5,secured,q,T,S,P\nb,n,k,,g,,5,secured,q,T,,\n");
    assert!(load(&repeated).is_ok());
    let conflicting = format!("{HEAD}a,n,k,K,g,G,5,secured,q,T,S,P\nb,n,k,,g,,5,secured,q,T2,,\n");
    assert_eq!(
        problems(&conflicting),
        vec![(
            Some(3),
            Some("title_en".into()),
            CsvProblemKind::Conflict { first_row: 2 }
        )]
    );
}

#[test]
fn warnings_point_at_missing_translations() {
    let csv = format!("{HEAD}a,n,k,K,g,G,5,已落实,q,T,S,P\n")
        .replace("name_en,kind", "name_zh_hans,kind");
    let loaded = load(&csv).expect("loads");
    assert_eq!(
        loaded.dataset.streams[0].status,
        Status::Secured,
        "Chinese status words read"
    );
    let stream_name: Vec<Option<&str>> = loaded
        .warnings
        .iter()
        .filter(|w| w.path == "streams[0].name")
        .map(|w| w.header.as_deref())
        .collect();
    assert_eq!(stream_name, [Some("name_zh_hant"), Some("name_en")]);
    assert!(loaded.warnings.iter().all(|w| w.row == Some(2)));
}

#[test]
fn column_letters_count_like_a_spreadsheet() {
    assert_eq!(column_letters(1), "A");
    assert_eq!(column_letters(26), "Z");
    assert_eq!(column_letters(27), "AA");
    assert_eq!(column_letters(34), "AH");
    assert_eq!(column_letters(702), "ZZ");
    assert_eq!(column_letters(703), "AAA");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_bytes_load_or_report(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = parse_csv(&bytes);
    }

    #[test]
    fn mangled_templates_load_or_report(cut in 0usize..2000, insert in "[,\"\n=a-z0-9万]{0,6}") {
        let mut text: Vec<char> = TEMPLATE.chars().collect();
        let at = cut.min(text.len());
        text.splice(at..at, insert.chars());
        let text: String = text.into_iter().collect();
        match load(&text) {
            Ok(loaded) => prop_assert!(!loaded.dataset.streams.is_empty()),
            Err(report) => prop_assert!(report.problems.iter().any(|p| p.severity == Severity::Error)),
        }
    }
}

#[test]
fn the_documentation_and_the_template_follow_the_column_list() {
    // The first cell of each row of the module's column table, backticked names in order.
    let doc = include_str!("mod.rs");
    let documented: Vec<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("//! | `"))
        .flat_map(|l| l.split(" |").next())
        .flat_map(|cell| cell.split('`').step_by(2))
        .map(|name| name.trim_matches([',', ' ']))
        .filter(|name| !name.is_empty())
        .collect();
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(documented, names);
    let required: Vec<&str> = doc
        .lines()
        .filter(|l| l.starts_with("//! | `") && l.contains("| yes |"))
        .filter_map(|l| l.split('`').nth(1))
        .collect();
    let listed: Vec<&str> = COLUMNS
        .iter()
        .filter(|c| c.field.is_required())
        .map(|c| c.name)
        .collect();
    assert_eq!(required, listed);
    let header = TEMPLATE.trim_start_matches('\u{FEFF}').lines().next();
    assert_eq!(header, Some(names.join(",").as_str()));
}

#[test]
fn a_language_missing_on_many_rows_is_one_line_after_the_errors() {
    let mut csv = String::from(HEAD);
    for n in 0..5 {
        csv.push_str(&format!("s{n},Item {n},k,K,g,G,5,secured,q,T,S,P\n"));
    }
    csv.push_str("bad,Bad,k,K,g,G,lots,secured,q,T,S,P\n");
    let report = load(&csv).err().map(|r| r.problems).unwrap_or_default();
    let item: Vec<(Option<usize>, &CsvProblemKind)> = report
        .iter()
        .filter(|p| p.header.as_deref() == Some("name_zh_hant"))
        .map(|p| (p.row, &p.kind))
        .collect();
    let folded = CsvProblemKind::MissingLanguageInRows {
        lang: "zh-Hant",
        count: 6,
        last_row: 7,
    };
    assert_eq!(item, [(Some(2), &folded)]);
    // Errors come before warnings, whatever their rows.
    let last_error = report.iter().rposition(|p| p.severity == Severity::Error);
    let first_warning = report.iter().position(|p| p.severity == Severity::Warning);
    assert_eq!(last_error, Some(0), "{report:?}");
    assert_eq!(first_warning, Some(1), "{report:?}");
}
