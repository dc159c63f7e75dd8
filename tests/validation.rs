//! Every problem the validator can report, each produced from the built-in dataset by one
//! change, with its exact location and its message in English and Simplified Chinese.

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::validate::{
    MAX_BYTES, MAX_STREAMS, MAX_TEXT_CHARS, Problem, ProblemKind, Severity, Validated,
    parse_dataset,
};
use muchuan_funding_explorer::i18n::problem_message;
use serde_json::{Value, json};

/// The built-in dataset as a JSON tree, ready to be broken.
fn muchuan() -> Value {
    serde_json::from_str(MUCHUAN_JSON).expect("the built-in dataset is JSON")
}

/// Deletes `field` from the object `value`.
fn remove_field(value: &mut Value, field: &str) {
    if let Some(map) = value.as_object_mut() {
        map.remove(field);
    }
}

fn bytes_of(value: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(value).expect("a tree serialises")
}

fn loads(bytes: &[u8]) -> Validated {
    match parse_dataset(bytes) {
        Ok(validated) => validated,
        Err(report) => panic!("expected the dataset to load: {:?}", report.problems),
    }
}

/// Every problem of a file that must not load.
fn problems(bytes: &[u8]) -> Vec<Problem> {
    match parse_dataset(bytes) {
        Ok(_) => panic!("expected the dataset to be refused"),
        Err(report) => report.problems,
    }
}

/// The one problem of a file that must not load.
fn only_problem(bytes: &[u8]) -> Problem {
    let mut all = problems(bytes);
    assert_eq!(all.len(), 1, "expected exactly one problem: {all:?}");
    all.remove(0)
}

/// The one problem of a tree changed by `change`.
fn problem_after(change: impl FnOnce(&mut Value)) -> Problem {
    let mut value = muchuan();
    change(&mut value);
    only_problem(&bytes_of(&value))
}

/// Checks a problem's kind, location and both messages.
#[track_caller]
fn check(
    problem: &Problem,
    kind: ProblemKind,
    path: &str,
    position: Option<(usize, usize)>,
    en: &str,
    zh_hans: &str,
) {
    assert_eq!(problem.kind, kind);
    assert_eq!(problem.path, path);
    assert_eq!(problem.position, position);
    assert_eq!(problem.severity, Severity::Error);
    assert_eq!(problem_message(problem, Lang::En), en);
    assert_eq!(problem_message(problem, Lang::ZhHans), zh_hans);
}

/// The built-in text with the first `from` replaced by `to` (which must be there).
fn edited(from: &str, to: &str) -> String {
    assert!(MUCHUAN_JSON.contains(from), "{from:?} is in the dataset");
    MUCHUAN_JSON.replacen(from, to, 1)
}

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
    assert_eq!(only_problem(unclosed.as_bytes()).position, Some((253, 1)));
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
    assert_eq!(only_problem(&bytes).position, Some((254, 1)));
}

// Tree-level problems: a JSON path.

#[test]
fn missing() {
    check(
        &problem_after(|v| {
            remove_field(&mut v["streams"][3], "quote");
        }),
        ProblemKind::Missing { field: "quote" },
        "streams[3].quote",
        None,
        "streams[3].quote: the required field “quote” is missing",
        "streams[3].quote：缺少必填字段“quote”",
    );
    // An unstated amount is written as null, not left out.
    let missing_amount = problem_after(|v| {
        remove_field(&mut v["streams"][2], "amount");
    });
    assert_eq!(missing_amount.path, "streams[2].amount");
    assert_eq!(
        missing_amount.kind,
        ProblemKind::Missing { field: "amount" }
    );
}

#[test]
fn wrong_type() {
    check(
        &problem_after(|v| v["streams"][3]["amount"] = json!("20000000")),
        ProblemKind::WrongType {
            expected: "whole number or null",
            found: "string",
        },
        "streams[3].amount",
        None,
        "streams[3].amount: should be a whole number, or null for an amount not stated, but is a string",
        "streams[3].amount：应为整数或 null（未说明金额），实际为字符串",
    );
    check(
        &problem_after(|v| v["kinds"] = json!({"loans": "Loans"})),
        ProblemKind::WrongType {
            expected: "array",
            found: "object",
        },
        "kinds",
        None,
        "kinds: should be an array, but is an object",
        "kinds：应为数组，实际为对象",
    );
}

#[test]
fn unknown_field() {
    check(
        &problem_after(|v| {
            v["streams"][6]["units"]["lable"] = json!({"en": "participant"});
        }),
        ProblemKind::UnknownField {
            field: "lable".into(),
        },
        "streams[6].units.lable",
        None,
        "streams[6].units.lable: the format has no field “lable” (a typing error?)",
        "streams[6].units.lable：格式中没有字段“lable”（拼写错误？）",
    );
}

#[test]
fn unsupported_format() {
    check(
        &problem_after(|v| v["format"] = json!(2)),
        ProblemKind::UnsupportedFormat { found: "2".into() },
        "format",
        None,
        "format: format version 2 is not supported; this build reads version 1",
        "format：不支持的格式版本 2，本程序读取版本 1",
    );
    // The right version written as text is a wrong type, not an unknown version.
    check(
        &problem_after(|v| v["format"] = json!("1")),
        ProblemKind::WrongType {
            expected: "number",
            found: "string",
        },
        "format",
        None,
        "format: should be a number, but is a string",
        "format：应为数字，实际为字符串",
    );
}

#[test]
fn unsupported_currency() {
    check(
        &problem_after(|v| v["currency"] = json!("USD")),
        ProblemKind::UnsupportedCurrency {
            found: "USD".into(),
        },
        "currency",
        None,
        "currency: currency “USD” is not supported; amounts must be in CNY",
        "currency：不支持的币种“USD”，金额须为人民币（CNY）",
    );
    assert_eq!(
        problem_after(|v| v["currency"] = json!("cny")).kind,
        ProblemKind::UnsupportedCurrency {
            found: "cny".into()
        }
    );
}

#[test]
fn not_whole_number() {
    for written in ["1e6", "1.0", "2730000.5", "2.73E6"] {
        let text = edited("\"amount\": 2730000,", &format!("\"amount\": {written},"));
        check(
            &only_problem(text.as_bytes()),
            ProblemKind::NotWholeNumber,
            "streams[0].amount",
            None,
            "streams[0].amount: amounts are whole yuan, written without a decimal point or exponent",
            "streams[0].amount：金额须为整数元（不能有小数点或指数）",
        );
    }
}

#[test]
fn minus_zero_is_refused_as_in_a_table() {
    for written in ["-0", "-0.0", "-0e3"] {
        let text = edited("\"amount\": 2730000,", &format!("\"amount\": {written},"));
        check(
            &only_problem(text.as_bytes()),
            ProblemKind::MinusZero,
            "streams[0].amount",
            None,
            "streams[0].amount: the amount is written “-0”: write 0, without the minus sign",
            "streams[0].amount：金额写成了“-0”，请去掉负号，写作 0",
        );
    }
}

#[test]
fn negative() {
    check(
        &problem_after(|v| v["streams"][4]["amount"] = json!(-6_000_000)),
        ProblemKind::Negative,
        "streams[4].amount",
        None,
        "streams[4].amount: an amount cannot be negative",
        "streams[4].amount：金额不能为负数",
    );
    // Below the integers the parser reads exactly: still negative, not "not whole".
    let text = edited("\"amount\": 2730000,", "\"amount\": -99999999999999999999,");
    assert_eq!(only_problem(text.as_bytes()).kind, ProblemKind::Negative);
}

#[test]
fn too_big() {
    check(
        &problem_after(|v| v["streams"][0]["amount"] = json!(1_000_000_000_000_001_i64)),
        ProblemKind::TooBig,
        "streams[0].amount",
        None,
        "streams[0].amount: the amount is above CNY 1,000,000,000,000,000, which cannot be real",
        "streams[0].amount：金额超过 1,000,000,000,000,000 元，不可能是真实数字",
    );
    let mut at_limit = muchuan();
    at_limit["streams"][0]["amount"] = json!(1_000_000_000_000_000_i64);
    let dataset = loads(&bytes_of(&at_limit)).dataset;
    assert_eq!(dataset.streams[0].amount, Some(1_000_000_000_000_000));
    // u64 range, and beyond it (the parser makes a float of so many digits).
    for written in ["18446744073709551615", "99999999999999999999"] {
        let text = edited("\"amount\": 2730000,", &format!("\"amount\": {written},"));
        assert_eq!(
            only_problem(text.as_bytes()).kind,
            ProblemKind::TooBig,
            "{written}"
        );
    }
}

#[test]
fn bad_id() {
    check(
        &problem_after(|v| v["streams"][0]["id"] = json!("guaranteed loans")),
        ProblemKind::BadId,
        "streams[0].id",
        None,
        "streams[0].id: an id is 1 to 64 letters, digits, “-”, “_” or “.”, starting with a letter or digit",
        "streams[0].id：编号须为 1 至 64 个字母、数字、“-”、“_”或“.”，并以字母或数字开头",
    );
    for bad in [
        String::new(),
        "-loans".into(),
        "贷款".into(),
        "a".repeat(65),
    ] {
        let problem = problem_after(|v| v["streams"][0]["id"] = json!(bad));
        assert_eq!(problem.kind, ProblemKind::BadId, "{bad:?}");
    }
    for good in ["a".repeat(64), "0".into(), "loans_2018.v-1".into()] {
        let mut value = muchuan();
        value["streams"][0]["id"] = json!(good);
        assert_eq!(loads(&bytes_of(&value)).dataset.streams[0].id, good);
    }
}

#[test]
fn duplicate_id() {
    check(
        &problem_after(|v| v["streams"][5]["id"] = json!("guaranteed-loans")),
        ProblemKind::DuplicateId {
            id: "guaranteed-loans".into(),
            first: "streams[0].id".into(),
        },
        "streams[5].id",
        None,
        "streams[5].id: the id “guaranteed-loans” is used twice; it was first used at streams[0].id",
        "streams[5].id：编号“guaranteed-loans”重复，首次出现在 streams[0].id",
    );
    // Kinds and agencies are separate lists: the same id in each is fine.
    let mut value = muchuan();
    value["agencies"][0]["id"] = json!("loans");
    for stream in value["streams"].as_array_mut().into_iter().flatten() {
        if stream["agency"] == "hrss" {
            stream["agency"] = json!("loans");
        }
    }
    loads(&bytes_of(&value));
}

#[test]
fn unknown_kind() {
    check(
        &problem_after(|v| v["streams"][3]["kind"] = json!("grants")),
        ProblemKind::UnknownKind {
            id: "grants".into(),
        },
        "streams[3].kind",
        None,
        "streams[3].kind: names the kind “grants”, which the dataset does not define",
        "streams[3].kind：引用了数据中未定义的类别“grants”",
    );
}

#[test]
fn unknown_agency() {
    check(
        &problem_after(|v| v["streams"][8]["agency"] = json!("youth_league")),
        ProblemKind::UnknownAgency {
            id: "youth_league".into(),
        },
        "streams[8].agency",
        None,
        "streams[8].agency: names the agency “youth_league”, which the dataset does not define",
        "streams[8].agency：引用了数据中未定义的部门“youth_league”",
    );
}

#[test]
fn unknown_status() {
    check(
        &problem_after(|v| v["streams"][3]["status"] = json!("pending")),
        ProblemKind::UnknownStatus {
            found: "pending".into(),
        },
        "streams[3].status",
        None,
        "streams[3].status: unknown status “pending”; use secured, transferred, approved, supported, issued, provided, prioritised or sought",
        "streams[3].status：未知状态“pending”；可用：secured、transferred、approved、supported、issued、provided、prioritised、sought",
    );
}

#[test]
fn unknown_language() {
    check(
        &problem_after(|v| v["title"]["fr"] = json!("Comté de Muchuan")),
        ProblemKind::UnknownLanguage { key: "fr".into() },
        "title.fr",
        None,
        "title.fr: unknown language “fr”; use zh-Hans, zh-Hant or en",
        "title.fr：未知语言“fr”；可用：zh-Hans、zh-Hant、en",
    );
}

#[test]
fn empty_text() {
    check(
        &problem_after(|v| v["streams"][2]["quote"] = json!("   ")),
        ProblemKind::EmptyText,
        "streams[2].quote",
        None,
        "streams[2].quote: the text is empty",
        "streams[2].quote：未填写内容",
    );
    let blank_name = problem_after(|v| {
        v["kinds"][1]["name"] = json!({"zh-Hans": "", "zh-Hant": " ", "en": "\n"});
    });
    assert_eq!(
        (blank_name.kind, blank_name.path.as_str()),
        (ProblemKind::EmptyText, "kinds[1].name")
    );
}

#[test]
fn text_too_long() {
    let long = "长".repeat(MAX_TEXT_CHARS + 1);
    check(
        &problem_after(|v| v["streams"][0]["name"]["zh-Hans"] = json!(long)),
        ProblemKind::TextTooLong,
        "streams[0].name.zh-Hans",
        None,
        "streams[0].name.zh-Hans: the text is longer than 20,000 characters",
        "streams[0].name.zh-Hans：文字超过 20,000 个字符",
    );
    // The limit is in characters: 20,000 Chinese characters (60,000 bytes) are fine.
    let mut value = muchuan();
    value["streams"][0]["name"]["zh-Hans"] = json!("长".repeat(MAX_TEXT_CHARS));
    loads(&bytes_of(&value));
}

#[test]
fn missing_language_is_a_warning() {
    let mut value = muchuan();
    remove_field(&mut value["streams"][0]["name"], "zh-Hant");
    let validated = loads(&bytes_of(&value));
    assert_eq!(validated.warnings.len(), 1, "{:?}", validated.warnings);
    let warning = &validated.warnings[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(
        warning.kind,
        ProblemKind::MissingLanguage { lang: "zh-Hant" }
    );
    assert_eq!(warning.path, "streams[0].name");
    assert_eq!(
        problem_message(warning, Lang::En),
        "streams[0].name: has no zh-Hant text; another language is shown in its place"
    );
    assert_eq!(
        problem_message(warning, Lang::ZhHans),
        "streams[0].name：缺少 zh-Hant 版本，将显示其他语言的内容"
    );
    // Blank counts as missing; the view falls back (zh-Hant → zh-Hans).
    value["streams"][0]["name"]["zh-Hant"] = json!("  ");
    let validated = loads(&bytes_of(&value));
    assert_eq!(validated.warnings.len(), 1);
    assert_eq!(
        validated.dataset.streams[0].name.get(Lang::ZhHant),
        "创业担保贷款"
    );
}

#[test]
fn warnings_follow_errors_in_a_refused_file() {
    let mut value = muchuan();
    remove_field(&mut value["title"], "en");
    value["currency"] = json!("EUR");
    let all = problems(&bytes_of(&value));
    let kinds: Vec<(&ProblemKind, Severity)> = all.iter().map(|p| (&p.kind, p.severity)).collect();
    assert_eq!(
        kinds,
        [
            (
                &ProblemKind::UnsupportedCurrency {
                    found: "EUR".into()
                },
                Severity::Error
            ),
            (
                &ProblemKind::MissingLanguage { lang: "en" },
                Severity::Warning
            ),
        ]
    );
}

#[test]
fn empty_list() {
    check(
        &problem_after(|v| v["agencies"] = json!([])),
        ProblemKind::EmptyList,
        "agencies",
        None,
        "agencies: the list cannot be empty",
        "agencies：列表不能为空",
    );
}

#[test]
fn too_many_streams() {
    let mut value = muchuan();
    let template = value["streams"][0].clone();
    let streams: Vec<Value> = (0..=MAX_STREAMS)
        .map(|i| {
            let mut stream = template.clone();
            stream["id"] = json!(format!("s{i}"));
            stream
        })
        .collect();
    value["streams"] = json!(streams);
    check(
        &only_problem(&bytes_of(&value)),
        ProblemKind::TooManyStreams,
        "streams",
        None,
        "streams: more than 5000 streams",
        "streams：资金项目超过 5000 项",
    );
    value["streams"].as_array_mut().map(Vec::pop);
    assert_eq!(loads(&bytes_of(&value)).dataset.streams.len(), MAX_STREAMS);
}

#[test]
fn zero_units() {
    check(
        &problem_after(|v| v["streams"][6]["units"]["count"] = json!(0)),
        ProblemKind::ZeroUnits,
        "streams[6].units.count",
        None,
        "streams[6].units.count: the count must be at least 1",
        "streams[6].units.count：数量须至少为 1",
    );
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

// The committed JSON Schema agrees with the built-in dataset.

mod schema {
    //! A small JSON Schema (2020-12) checker for exactly the keywords the generated schema
    //! uses; any other keyword fails the test, so a richer schema cannot pass unchecked.

    use serde_json::{Value, json};

    const SCHEMA: &str = include_str!("../data/dataset.schema.json");

    fn schema() -> Value {
        serde_json::from_str(SCHEMA).expect("the schema is JSON")
    }

    /// Every place in `value` where `schema` is not satisfied.
    fn errors(value: &Value) -> Vec<String> {
        let root = schema();
        let mut found = Vec::new();
        check(&root, &root, value, "", &mut found);
        found
    }

    fn check(root: &Value, schema: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
        let Value::Object(keywords) = schema else {
            panic!("a schema at {path} is not an object");
        };
        for (keyword, rule) in keywords {
            match keyword.as_str() {
                "$schema" | "title" | "description" | "default" | "$defs" | "format" => {}
                "$ref" => {
                    let name = rule
                        .as_str()
                        .and_then(|r| r.strip_prefix("#/$defs/"))
                        .expect("local $ref");
                    check(root, &root["$defs"][name], value, path, out);
                }
                "type" => {
                    let types: Vec<&str> = match rule {
                        Value::String(t) => vec![t.as_str()],
                        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                        _ => panic!("type at {path}"),
                    };
                    if !types.iter().any(|t| has_type(value, t)) {
                        out.push(format!("{path}: not {types:?}"));
                    }
                }
                "properties" => {
                    if let (Value::Object(props), Value::Object(map)) = (rule, value) {
                        for (name, sub) in props {
                            if let Some(v) = map.get(name) {
                                check(root, sub, v, &format!("{path}.{name}"), out);
                            }
                        }
                    }
                }
                "required" => {
                    if let Value::Object(map) = value {
                        for name in rule.as_array().into_iter().flatten() {
                            let name = name.as_str().unwrap_or_default();
                            if !map.contains_key(name) {
                                out.push(format!("{path}.{name}: required"));
                            }
                        }
                    }
                }
                "items" => {
                    for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                        check(root, rule, item, &format!("{path}[{i}]"), out);
                    }
                }
                "minItems" => {
                    let min = rule.as_u64().expect("minItems") as usize;
                    if value.as_array().is_some_and(|a| a.len() < min) {
                        out.push(format!("{path}: fewer than {min} items"));
                    }
                }
                "maxItems" => {
                    let max = rule.as_u64().expect("maxItems") as usize;
                    if value.as_array().is_some_and(|a| a.len() > max) {
                        out.push(format!("{path}: more than {max} items"));
                    }
                }
                "minimum" | "maximum" => {
                    if let (Some(bound), Some(n)) = (rule.as_f64(), value.as_f64()) {
                        let ok = if keyword == "minimum" {
                            n >= bound
                        } else {
                            n <= bound
                        };
                        if !ok {
                            out.push(format!("{path}: {keyword} {bound}"));
                        }
                    }
                }
                "const" => {
                    if value != rule {
                        out.push(format!("{path}: not {rule}"));
                    }
                }
                "pattern" => {
                    let pattern = rule.as_str().expect("pattern");
                    if let Some(text) = value.as_str()
                        && !matches_pattern(pattern, text)
                    {
                        out.push(format!("{path}: does not match {pattern}"));
                    }
                }
                "oneOf" | "anyOf" => {
                    let passing = rule
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter(|sub| {
                            let mut sub_out = Vec::new();
                            check(root, sub, value, path, &mut sub_out);
                            sub_out.is_empty()
                        })
                        .count();
                    let ok = if keyword == "oneOf" {
                        passing == 1
                    } else {
                        passing >= 1
                    };
                    if !ok {
                        out.push(format!("{path}: {keyword} matched {passing}"));
                    }
                }
                other => panic!("the schema uses `{other}`, which this checker does not know"),
            }
        }
    }

    fn has_type(value: &Value, name: &str) -> bool {
        match name {
            "null" => value.is_null(),
            "boolean" => value.is_boolean(),
            "string" => value.is_string(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            "number" => value.is_number(),
            // 2020-12: any number with a zero fractional part (so 1.0 is an integer).
            "integer" => {
                value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
            }
            other => panic!("unknown type {other}"),
        }
    }

    /// One element of a pattern: a set of characters and how many times it repeats.
    struct Atom {
        chars: Vec<(char, char)>,
        min: usize,
        max: usize,
    }

    /// Matches `^…$` patterns made of literal characters and `[…]` classes, each optionally
    /// followed by `{m}` or `{m,n}`; anything else fails the test.
    fn matches_pattern(pattern: &str, text: &str) -> bool {
        let body = pattern
            .strip_prefix('^')
            .and_then(|p| p.strip_suffix('$'))
            .expect("anchored pattern");
        let mut atoms = Vec::new();
        let mut chars = body.chars().peekable();
        while let Some(c) = chars.next() {
            let set = if c == '[' {
                let mut members: Vec<char> = Vec::new();
                for m in chars.by_ref() {
                    if m == ']' {
                        break;
                    }
                    members.push(m);
                }
                let mut ranges = Vec::new();
                let mut i = 0;
                while i < members.len() {
                    if i + 2 < members.len() && members[i + 1] == '-' {
                        ranges.push((members[i], members[i + 2]));
                        i += 3;
                    } else {
                        ranges.push((members[i], members[i]));
                        i += 1;
                    }
                }
                ranges
            } else {
                assert!(
                    c.is_alphanumeric() || "-_ ".contains(c),
                    "pattern syntax {c:?} is not supported"
                );
                vec![(c, c)]
            };
            let (min, max) = if chars.peek() == Some(&'{') {
                let spec: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                let (lo, hi) = spec.split_once(',').unwrap_or((&spec, &spec));
                (lo.parse().expect("min"), hi.parse().expect("max"))
            } else {
                (1, 1)
            };
            atoms.push(Atom {
                chars: set,
                min,
                max,
            });
        }
        let text: Vec<char> = text.chars().collect();
        match_from(&atoms, &text)
    }

    fn match_from(atoms: &[Atom], text: &[char]) -> bool {
        let Some((atom, rest)) = atoms.split_first() else {
            return text.is_empty();
        };
        let fits = |c: &char| atom.chars.iter().any(|(lo, hi)| (lo..=hi).contains(&c));
        let run = text.iter().take(atom.max).take_while(|c| fits(c)).count();
        (atom.min..=run).rev().any(|n| match_from(rest, &text[n..]))
    }

    #[test]
    fn the_pattern_checker_works() {
        let id = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";
        assert!(matches_pattern(id, "guaranteed-loans"));
        assert!(matches_pattern(id, "a"));
        assert!(matches_pattern(id, &"a".repeat(64)));
        assert!(!matches_pattern(id, &"a".repeat(65)));
        assert!(!matches_pattern(id, ""));
        assert!(!matches_pattern(id, "-a"));
        assert!(!matches_pattern(id, "a b"));
        assert!(!matches_pattern(id, "贷款"));
    }

    #[test]
    fn the_built_in_dataset_satisfies_the_schema() {
        let value: Value = serde_json::from_str(super::MUCHUAN_JSON).expect("JSON");
        assert_eq!(errors(&value), Vec::<String>::new());
    }

    #[test]
    fn the_schema_refuses_what_the_validator_refuses() {
        let base: Value = serde_json::from_str(super::MUCHUAN_JSON).expect("JSON");
        type Change = fn(&mut Value);
        let cases: Vec<(&str, Change)> = vec![
            ("format", |v| v["format"] = json!(2)),
            ("currency", |v| v["currency"] = json!("USD")),
            ("negative", |v| v["streams"][0]["amount"] = json!(-1)),
            ("too big", |v| {
                v["streams"][0]["amount"] = json!(1_000_000_000_000_001_i64);
            }),
            ("fraction", |v| v["streams"][0]["amount"] = json!(2.5)),
            ("string amount", |v| v["streams"][0]["amount"] = json!("1")),
            ("missing amount", |v| {
                super::remove_field(&mut v["streams"][0], "amount");
            }),
            ("bad id", |v| v["streams"][0]["id"] = json!("a b")),
            ("long id", |v| v["kinds"][0]["id"] = json!("k".repeat(65))),
            ("empty kinds", |v| v["kinds"] = json!([])),
            ("empty agencies", |v| v["agencies"] = json!([])),
            ("empty streams", |v| v["streams"] = json!([])),
            ("zero units", |v| {
                v["streams"][6]["units"]["count"] = json!(0)
            }),
            ("status", |v| v["streams"][0]["status"] = json!("pending")),
            ("too many kinds", |v| {
                let kind = v["kinds"][0].clone();
                v["kinds"] = json!(vec![
                    kind;
                    muchuan_funding_explorer::core::validate::MAX_KINDS + 1
                ]);
            }),
            ("too many agencies", |v| {
                let agency = v["agencies"][0].clone();
                v["agencies"] = json!(vec![
                    agency;
                    muchuan_funding_explorer::core::validate::MAX_AGENCIES
                        + 1
                ]);
            }),
        ];
        for (name, change) in cases {
            let mut value = base.clone();
            change(&mut value);
            assert!(!errors(&value).is_empty(), "the schema accepts: {name}");
            assert!(
                muchuan_funding_explorer::core::validate::parse_dataset(
                    &serde_json::to_vec(&value).expect("serialises")
                )
                .is_err(),
                "the validator accepts: {name}"
            );
        }
        // Null stays allowed for an unstated amount.
        let mut value = base;
        value["streams"][0]["amount"] = Value::Null;
        assert_eq!(errors(&value), Vec::<String>::new());
    }
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
