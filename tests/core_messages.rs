//! The core's typed errors in words: each wording tested once, here, where the words are made
//! (the core's own tests assert kinds and places).

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::core::csv_import::parse_csv;
use muchuan_funding_explorer::core::export::{CsvAbout, Day, import_scenario, scenario_csv};
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::scenario::Scenario;
use muchuan_funding_explorer::core::share_link::LinkError;
use muchuan_funding_explorer::core::validate::parse_dataset;
use muchuan_funding_explorer::i18n::{CsvIn, Message};

const HEAD: &str = "id,name_en,kind,kind_name_en,agency,agency_name_en,amount,status,quote,title_en,source_title_en,publisher_en\n";

/// Every problem the CSV reader finds in `text`, in words of `lang`.
fn csv_said(text: &[u8], lang: Lang) -> Vec<String> {
    parse_csv(text)
        .err()
        .map(|report| report.problems.iter().map(|p| p.message(lang)).collect())
        .unwrap_or_default()
}

#[test]
fn a_link_naming_an_unknown_stream() {
    assert_eq!(
        LinkError::UnknownStream { id: "x".into() }.message(Lang::En),
        "the link names the stream “x”, which this dataset does not have"
    );
}

#[test]
fn a_scenario_file_naming_an_unknown_stream() {
    let dataset = parse_dataset(MUCHUAN_JSON.as_bytes())
        .expect("the seed loads")
        .dataset;
    let doc = r#"{"format":"muchuan-scenario","version":1,"name":"n","streams":{"x":{}},"mode":"free","count_sought":true}"#;
    let said = import_scenario(doc.as_bytes(), &dataset)
        .err()
        .map(|e| e.message(Lang::En));
    assert_eq!(
        said.as_deref(),
        Some("streams.x: the file names the stream “x”, which this dataset does not have")
    );
}

#[test]
fn a_csv_amount_in_a_spreadsheets_words() {
    let said = csv_said(
        format!("{HEAD}a,n,k,K,g,G,lots,secured,q,T,S,P\n").as_bytes(),
        Lang::En,
    );
    assert!(
        said.first().is_some_and(|m| m.ends_with(
            "not an amount: this column is in yuan; write 1500000, 1,500,000, ¥1,500,000.00 or \
             150万, or leave it empty where no amount is stated"
        )),
        "{said:?}"
    );
    let county = "项目名称,主管部门,类别,金额（万元）,状态\n贷款,人社局,贷款,很多,已落实\n";
    assert_eq!(
        csv_said(county.as_bytes(), Lang::ZhHans)[0],
        "第 2 行 D 列（金额（万元））：不是金额：本列以万元为单位，可写 150、150.5 或 1500000元；\
         来源未说明金额时留空"
    );
}

#[test]
fn a_csv_in_gbk_says_how_to_save_it() {
    let mut bytes = b"id,name_zh-Hans\na,".to_vec();
    bytes.extend([0xC3, 0xE5, 0xB4, 0xA8, b'\n']);
    assert_eq!(
        csv_said(&bytes, Lang::ZhHans)[0],
        "第 2 行：文件不是 UTF-8 编码的文本（Excel 和 WPS 的“CSV（逗号分隔）”默认用 GBK 编码），\
         请“另存为”，文件类型选“CSV UTF-8（逗号分隔）”"
    );
    assert!(
        csv_said(&bytes, Lang::En)[0]
            .ends_with("use Save As and choose “CSV UTF-8 (Comma delimited)”")
    );
}

#[test]
fn a_csv_with_semicolons_or_tabs() {
    assert_eq!(
        csv_said(b"id;name_en;amount\n\"a\";\"Loans\";1\n", Lang::En),
        [
            "Row 1: the columns are separated by semicolons, not commas; save the file again \
             with commas between its columns (Excel takes the list separator from the \
             computer's region settings)"
        ]
    );
    assert_eq!(
        csv_said("id\tname_zh-Hans\na\t贷款\n".as_bytes(), Lang::ZhHans),
        [
            "第 1 行：各列以制表符分隔，而不是逗号，请在 Excel 或 WPS 中“另存为”，文件类型选\
             “CSV UTF-8（逗号分隔）”"
        ]
    );
}

#[test]
fn a_csv_problem_names_its_row_column_and_header() {
    assert_eq!(
        csv_said(b"id,name_en\n\"open", Lang::En)[0],
        "Row 2, column A: a quoted cell is never closed (a missing \")"
    );
    let csv = format!("{HEAD}a,n,k,K,g,G,5,granted,q,T,S,P\n");
    assert!(
        csv_said(csv.as_bytes(), Lang::En).contains(
            &"Row 2, column H (status): unknown status “granted”; use secured, transferred, \
              approved, supported, issued, provided, given priority or being sought"
                .to_owned()
        )
    );
    // A county's table: the status words of the language on screen, its own column's header.
    let county = "项目名称,主管部门,类别,金额（万元）,状态\n贷款,人社局,贷款,1,差不多\n";
    assert_eq!(
        csv_said(county.as_bytes(), Lang::ZhHans)[0],
        "第 2 行 E 列（状态）：未知状态“差不多”；可用：已落实、已划拨、已获批、已扶持、已下达、\
         已提供、重点倾斜、正在争取"
    );
    assert_eq!(
        csv_said(county.as_bytes(), Lang::ZhHant)[0],
        "第 2 列 E 欄（状态）：未知狀態「差不多」；可用：已落實、已劃撥、已獲批、已扶持、已下達、\
         已提供、重點傾斜、正在爭取"
    );
}

const ABOUT: CsvAbout<'static> = CsvAbout {
    name: "Meeting",
    date: Day {
        year: 2026,
        month: 12,
        day: 6,
    },
    origin: None,
};

#[test]
fn the_scenario_csv_in_chinese_uses_the_screens_words() {
    let dataset = parse_dataset(MUCHUAN_JSON.as_bytes())
        .expect("the seed loads")
        .dataset;
    let baseline = Scenario::baseline(&dataset);
    let en = scenario_csv(&dataset, &baseline, ABOUT, &CsvIn(Lang::En)).expect("fits");
    for line in [
        "\u{FEFF}Scenario,Meeting,",
        "\r\nDate exported,2026-12-06,",
        "\r\nBalance mode,Free,",
        "\r\nFunds being sought,counted in the grand total,",
        "\r\nID,Name,Kind,Agency,Status,Assumed outcome,Baseline amount (yuan),\
         Planned amount (yuan),Counted in the grand total (yuan),Counted as granted or assumed granted (yuan),\
         Counted as sought (yuan),Change from the source (yuan),Share (%),Reason for the change\r\n",
        ",Being sought,Still being sought,20000000,",
        "\r\nTotals (yuan),Baseline amount (yuan),",
        "\r\nStreams granted (status in the source),17580000,17580000,17580000,17580000,0,",
        "\r\nKind: Loans,2730000,",
    ] {
        assert!(en.contains(line), "{line}");
    }
    assert!(!en.contains("万"), "English files give yuan only");
    let zh = scenario_csv(&dataset, &baseline, ABOUT, &CsvIn(Lang::ZhHans)).expect("fits");
    assert!(zh.contains("创业担保贷款,贷款"), "{zh}");
    // The statuses and columns in the screen's words, not a second wording.
    for word in [
        ",已划拨,",
        ",已获批,",
        ",正在争取,",
        ",重点倾斜,",
        "正在争取的资金（按来源所述状态）,20300000,",
        "较基准（元）",
        ",计划金额（万元）,",
        "\r\n合计（万元）,基准金额（万元）,计划金额（万元）,计入总额（万元）,",
        "\r\n全部资金项目,3788,3788,3788,1758,2030,",
    ] {
        assert!(zh.contains(word), "{word}");
    }
    assert!(!zh.contains("争取中"));
}
