//! Every problem the validator reports of the file as a whole or at a line and column, and
//! many problems at once, each produced from the built-in dataset by one change, with its exact
//! location and its message in English and Simplified Chinese. The problems at a place in the
//! tree are in `validation_fields.rs`, the JSON Schema in `validation_schema.rs`.

#[path = "common/dataset_problems.rs"]
mod dataset_problems;
#[path = "common/json_tree.rs"]
mod json_tree;

use dataset_problems::{bytes_of, check, edited, loads, muchuan, only_problem, problems};
use json_tree::remove_field;
use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::core::validate::{MAX_BYTES, ProblemKind};
use serde_json::{Value, json};

#[test]
fn the_built_in_dataset_loads_without_warnings() {
    let validated = loads(MUCHUAN_JSON.as_bytes());
    assert!(validated.warnings.is_empty(), "{:?}", validated.warnings);
    assert_eq!(validated.dataset.streams.len(), 9);
}

// Text-level problems: the whole file, or a line and column.

#[test]
fn too_large() {
    let mut padded = MUCHUAN_JSON.as_bytes().to_vec();
    padded.resize(MAX_BYTES, b' ');
    loads(&padded);
    padded.push(b'\n');
    check(
        &only_problem(&padded),
        ProblemKind::TooLarge {
            bytes: MAX_BYTES + 1,
        },
        "",
        None,
        "Whole file: the file is too large (4,097 KB); the limit is 4,096 KB",
        "整个文件：文件过大（4,097 KB），上限为 4,096 KB",
    );
}

#[test]
fn empty() {
    for text in ["", " \n\t\r\n  ", "\u{feff}", "\u{feff}\n"] {
        check(
            &only_problem(text.as_bytes()),
            ProblemKind::Empty,
            "",
            None,
            "Whole file: the file is empty",
            "整个文件：文件是空的",
        );
    }
}

#[test]
fn not_utf8() {
    // Line 4 is `    "zh-Hans": "沐川县…`: the stray byte follows 沐川, at character 19.
    let mut bytes = MUCHUAN_JSON.as_bytes().to_vec();
    let at = MUCHUAN_JSON.find("沐川县返乡").expect("title") + "沐川".len();
    bytes.insert(at, 0xFF);
    check(
        &only_problem(&bytes),
        ProblemKind::NotUtf8,
        "",
        Some((4, 19)),
        "Line 4, column 19: the file is not UTF-8 text; save it again as UTF-8",
        "第 4 行第 19 列：文件不是 UTF-8 编码的文本，请以 UTF-8 编码重新保存",
    );
    // Latin-1 or GBK text is the usual way this happens.
    let gbk = [b'{', b'"', 0xC4, 0xE3, b'"', b':', b'1', b'}'];
    assert_eq!(only_problem(&gbk).position, Some((1, 3)));
}

#[test]
fn truncated() {
    // Cut after line 4, `    "zh-Hans": "沐川县返乡创业示范县建设资金",` (32 characters, 60
    // bytes): the parser stops at its end.
    let cut: String = MUCHUAN_JSON.lines().take(4).collect::<Vec<_>>().join("\n");
    check(
        &only_problem(cut.as_bytes()),
        ProblemKind::Truncated,
        "",
        Some((4, 32)),
        "Line 4, column 32: the file ends too early here (is it cut short?)",
        "第 4 行第 32 列：文件在此处提前结束（可能不完整）",
    );
    let half = &MUCHUAN_JSON[..MUCHUAN_JSON.find("\"streams\"").expect("streams")];
    assert_eq!(only_problem(half.as_bytes()).kind, ProblemKind::Truncated);
    // Without the last `}`, the text ends after a line break: columns still count from 1.
    let unclosed = &MUCHUAN_JSON[..MUCHUAN_JSON.trim_end().len() - 1];
    assert_eq!(only_problem(unclosed.as_bytes()).position, Some((261, 1)));
}

#[test]
fn too_deep() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    check(
        &only_problem(deep.as_bytes()),
        ProblemKind::TooDeep,
        "",
        Some((1, 101)),
        "Line 1, column 101: values are nested too deeply",
        "第 1 行第 101 列：嵌套层数过多",
    );
}

#[test]
fn syntax() {
    // Line 5 is `    "zh-Hant": "沐川縣返鄉創業示範縣建設資金",`: 15 characters before the
    // opening quote, 14 Chinese characters inside. Columns count characters, not bytes.
    let text = edited("建設資金\",", "建設資金\" x");
    check(
        &only_problem(text.as_bytes()),
        ProblemKind::Syntax,
        "",
        Some((5, 33)),
        "Line 5, column 33: this is not valid JSON here",
        "第 5 行第 33 列：此处不是有效的 JSON",
    );
    let trailing_comma = edited(
        "\"provided\",\n",
        "\"provided\",\n      \"quote\": \"x\",\n}",
    );
    assert_eq!(
        only_problem(trailing_comma.as_bytes()).kind,
        ProblemKind::Syntax
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(MUCHUAN_JSON.as_bytes());
    let validated = loads(&bytes);
    assert_eq!(validated.dataset, loads(MUCHUAN_JSON.as_bytes()).dataset);
    // Positions count from after the mark, as an editor shows them.
    bytes.extend_from_slice(b"x");
    assert_eq!(only_problem(&bytes).position, Some((262, 1)));
}

// Amounts.

#[test]
fn a_null_amount_is_not_stated() {
    let mut value = muchuan();
    value["streams"][0]["amount"] = Value::Null;
    let dataset = loads(&bytes_of(&value)).dataset;
    assert_eq!(dataset.streams[0].amount, None);
    assert_eq!(
        dataset.streams[2].amount, None,
        "the finance priority states none"
    );
    assert_eq!(dataset.streams[1].amount, Some(2_000_000));
}

#[test]
fn a_zero_amount_is_stated() {
    let text = edited("\"amount\": 2730000,", "\"amount\": 0,");
    assert_eq!(loads(text.as_bytes()).dataset.streams[0].amount, Some(0));
}

// The optional summary.

#[test]
fn a_dataset_without_a_summary_round_trips() {
    let mut value = muchuan();
    remove_field(&mut value, "summary");
    let dataset = loads(&bytes_of(&value)).dataset;
    assert_eq!(dataset.summary, Default::default());
    // Written out, an absent summary becomes `{}`, which must read back as absent.
    let written = dataset.to_json_pretty();
    assert!(written.contains("\"summary\": {}"), "{written}");
    assert_eq!(loads(written.as_bytes()).dataset, dataset);
}

#[test]
fn a_bad_summary_does_not_hide_later_problems() {
    let mut value = muchuan();
    value["summary"]["fr"] = json!("Résumé");
    value["currency"] = json!("USD");
    value["streams"][0]["amount"] = json!(-1);
    let paths: Vec<String> = problems(&bytes_of(&value))
        .into_iter()
        .map(|p| p.path)
        .collect();
    // The tree was written with its keys sorted, so `summary` comes last in this file.
    assert_eq!(paths, ["currency", "streams[0].amount", "summary.fr"]);
}

// Many problems at once.

#[test]
fn every_problem_is_reported_at_once_in_file_order() {
    // Problems placed so the file order differs from the format's order: an unknown field
    // after `currency`, languages that sort before the ones they follow, an unknown field
    // early in a stream and a missing field noticed at the end of its stream.
    let text = edited("\"format\": 1", "\"format\": 2");
    let text = text.replacen(
        "\"currency\": \"CNY\",",
        "\"currency\": \"CNY\", \"notes\": 1,",
        1,
    );
    let text = text.replacen(
        "建设资金\",",
        "建设资金\", \"fr\": \"Comté\", \"de\": \"Kreis\",",
        1,
    );
    let text = text.replacen("\"amount\": 2730000,", "\"amount\": -1,", 1);
    let text = text.replacen("\"kind\": \"training\"", "\"kind\": \"trainings\"", 1);
    let text = text.replacen(
        "\"id\": \"sye-project\",",
        "\"id\": \"sye-project\", \"amout\": 5,",
        1,
    );
    let text = text.replacen("\"status\": \"provided\",", "", 1);
    let found: Vec<(String, ProblemKind)> = problems(text.as_bytes())
        .into_iter()
        .map(|p| (p.path, p.kind))
        .collect();
    let expected = vec![
        (
            "format".to_owned(),
            ProblemKind::UnsupportedFormat { found: "2".into() },
        ),
        (
            "title.fr".to_owned(),
            ProblemKind::UnknownLanguage { key: "fr".into() },
        ),
        (
            "title.de".to_owned(),
            ProblemKind::UnknownLanguage { key: "de".into() },
        ),
        (
            "notes".to_owned(),
            ProblemKind::UnknownField {
                field: "notes".into(),
            },
        ),
        ("streams[0].amount".to_owned(), ProblemKind::Negative),
        (
            "streams[3].kind".to_owned(),
            ProblemKind::UnknownKind {
                id: "trainings".into(),
            },
        ),
        (
            "streams[8].amout".to_owned(),
            ProblemKind::UnknownField {
                field: "amout".into(),
            },
        ),
        (
            "streams[8].status".to_owned(),
            ProblemKind::Missing { field: "status" },
        ),
    ];
    assert_eq!(found, expected);
}

#[test]
fn one_broken_list_does_not_hide_the_streams_problems() {
    let mut value = muchuan();
    value["kinds"][0]["id"] = json!("bad id");
    value["streams"][1]["amount"] = json!(-5);
    value["streams"][4]["agency"] = json!("nowhere");
    let found: Vec<(String, ProblemKind)> = problems(&bytes_of(&value))
        .into_iter()
        .map(|p| (p.path, p.kind))
        .collect();
    // Kind references are not all reported unknown because the kinds list is broken.
    assert_eq!(
        found,
        vec![
            ("kinds[0].id".to_owned(), ProblemKind::BadId),
            ("streams[1].amount".to_owned(), ProblemKind::Negative),
            (
                "streams[4].agency".to_owned(),
                ProblemKind::UnknownAgency {
                    id: "nowhere".into()
                }
            ),
        ]
    );
}

#[test]
fn a_key_given_twice_is_an_error_where_it_is_repeated() {
    // The last `streams` would otherwise win silently, dropping every stream before it.
    let doubled = MUCHUAN_JSON.replacen("\"streams\":", "\"streams\": [],\n  \"streams\":", 1);
    let line = doubled[..doubled.rfind("\"streams\":").expect("streams")]
        .matches('\n')
        .count()
        + 1;
    check(
        &only_problem(doubled.as_bytes()),
        ProblemKind::DuplicateKey {
            key: "streams".into(),
        },
        "",
        Some((line, 11)),
        &format!("Line {line}, column 11: the field “streams” is given twice here; keep one"),
        &format!("第 {line} 行第 11 列：字段“streams”在同一处出现了两次，只能保留一个"),
    );
}
