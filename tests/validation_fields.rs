//! Every problem the validator reports at a place in the dataset's tree (a JSON path), each
//! produced from the built-in dataset by one change, with its exact location and its message in
//! English and Simplified Chinese.

#[path = "common/dataset_problems.rs"]
mod dataset_problems;
#[path = "common/json_tree.rs"]
mod json_tree;

use dataset_problems::{bytes_of, check, edited, loads, muchuan, only_problem, problems};
use json_tree::remove_field;
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::validate::{
    MAX_STREAMS, MAX_TEXT_CHARS, Problem, ProblemKind, Severity,
};
use muchuan_funding_explorer::i18n::problem_message;
use serde_json::{Value, json};

/// The one problem of a tree changed by `change`.
fn problem_after(change: impl FnOnce(&mut Value)) -> Problem {
    let mut value = muchuan();
    change(&mut value);
    only_problem(&bytes_of(&value))
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
        "streams[0].name: has no Traditional Chinese text; another language is shown in its place"
    );
    assert_eq!(
        problem_message(warning, Lang::ZhHans),
        "streams[0].name：缺少繁体中文版本，将显示其他语言的内容"
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
