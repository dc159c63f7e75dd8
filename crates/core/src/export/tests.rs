//! Tests of [`super`]: kept apart so that the module itself stays readable.

use super::*;
use crate::scenario::Action;
use crate::share_link::tests::{actions, dataset as random_dataset, muchuan};
use proptest::prelude::*;

fn apply_all(dataset: &Dataset, actions: &[Action]) -> Scenario {
    actions
        .iter()
        .fold(Scenario::baseline(dataset), |scenario, action| {
            scenario.apply(dataset, action.clone()).unwrap_or(scenario)
        })
}

fn index(dataset: &Dataset, id: &str) -> usize {
    dataset.stream_index(id).expect("stream exists")
}

fn lowered_loans(dataset: &Dataset) -> Scenario {
    apply_all(
        dataset,
        &[
            Action::SetAmount {
                stream: index(dataset, "guaranteed-loans"),
                amount: 2_230_000,
            },
            Action::SetOutcome {
                stream: index(dataset, "training-base"),
                outcome: Outcome::Partial(50),
            },
        ],
    )
}

#[test]
fn json_writes_the_documented_shape() {
    let dataset = muchuan();
    let json = scenario_json(&dataset, &lowered_loans(&dataset), "Fewer loans").expect("fits");
    let value: Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["format"], "muchuan-scenario");
    assert_eq!(value["version"], 1);
    assert_eq!(value["name"], "Fewer loans");
    assert_eq!(value["mode"], "free");
    assert_eq!(value["count_sought"], true);
    assert_eq!(
        value["dataset_title"]["en"],
        dataset.title.en.clone().unwrap_or_default()
    );
    let loans = &value["streams"]["guaranteed-loans"];
    assert_eq!(loans["amount"], 2_230_000);
    assert_eq!(loans["locked"], false);
    assert_eq!(loans["outcome"], "pending");
    assert_eq!(value["streams"]["training-base"]["outcome"]["partial"], 50);
    assert_eq!(value["streams"]["finance-priority"]["amount"], Value::Null);
    let first = json.find("guaranteed-loans").unwrap_or(usize::MAX);
    let last = json.find("sye-project").unwrap_or(0);
    assert!(first < last, "streams in dataset order");
    let imported = import_scenario(json.as_bytes(), &dataset).expect("imports");
    assert_eq!(imported.scenario, lowered_loans(&dataset));
    assert_eq!(imported.name, "Fewer loans");
    assert!(imported.same_title);
}

#[test]
fn json_names_where_figures_not_built_in_were_read_from() {
    let dataset = muchuan();
    let scenario = lowered_loans(&dataset);
    let built_in = scenario_json(&dataset, &scenario, "a").expect("fits");
    assert!(!built_in.contains("data_origin"));
    let url = "https://example.gov.cn/data/mabian.json";
    let json = scenario_json_from(&dataset, &scenario, "a", Some(url)).expect("fits");
    let value: Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["data_origin"], url);
    // It is read back (and only informs), and must be text.
    let imported = import_scenario(json.as_bytes(), &dataset).expect("imports");
    assert_eq!(imported.scenario, scenario);
    let (path, kind) = import_error(&json.replace(&format!("\"{url}\""), "7"));
    assert_eq!(path, "data_origin");
    assert!(
        matches!(kind, ImportErrorKind::File(ProblemKind::WrongType { .. })),
        "{kind:?}"
    );
}

fn import_error(json: &str) -> (String, ImportErrorKind) {
    match import_scenario(json.as_bytes(), &muchuan()) {
        Ok(imported) => panic!("imported {imported:?}"),
        Err(error) => (error.path, error.kind),
    }
}

#[test]
fn a_broken_or_doubled_file_is_located_by_character() {
    let located = |json: &str| {
        import_scenario(json.as_bytes(), &muchuan())
            .err()
            .map(|e| (e.position, e.kind))
    };
    // 贷款加倍 is four characters, twelve bytes: the stray `x` is the 44th character.
    assert_eq!(
        located(r#"{"format":"muchuan-scenario","name":"贷款加倍" x}"#),
        Some((Some((1, 44)), ImportErrorKind::File(ProblemKind::Syntax)))
    );
    assert_eq!(
        located("{\"name\":\"a\",\n\"name\":\"b\"}"),
        Some((
            Some((2, 6)),
            ImportErrorKind::File(ProblemKind::DuplicateKey { key: "name".into() })
        )),
        "a repeated name is refused, not the second taken"
    );
}

fn doc(streams: &str) -> String {
    format!(
        r#"{{"format":"muchuan-scenario","version":1,"name":"n","streams":{streams},"mode":"free","count_sought":true}}"#
    )
}

#[test]
fn import_errors_are_typed_and_located() {
    use ImportErrorKind as K;
    assert_eq!(
        import_error(""),
        (String::new(), K::File(ProblemKind::Empty))
    );
    assert_eq!(
        import_error("{\"format\":"),
        (String::new(), K::File(ProblemKind::Truncated))
    );
    assert_eq!(
        import_error(crate::MUCHUAN_JSON),
        (String::new(), K::DatasetFile)
    );
    assert_eq!(
        import_error("[1]"),
        (
            String::new(),
            K::File(ProblemKind::WrongType {
                expected: "object",
                found: "array"
            })
        )
    );
    assert_eq!(
        import_error("{\"format\":\"x\"}"),
        ("format".into(), K::NotAScenario)
    );
    assert_eq!(
        import_error(&doc("{}").replace("\"version\":1", "\"version\":2")),
        (
            "version".into(),
            K::UnsupportedVersion { found: "2".into() }
        )
    );
    assert_eq!(
        import_error(&doc("{}").replace(",\"mode\":\"free\"", "")),
        (
            "mode".into(),
            K::File(ProblemKind::Missing { field: "mode" })
        )
    );
    assert_eq!(
        import_error(&doc(r#"{"guaranteed-loans":{"amount":-0}}"#)),
        (
            "streams.guaranteed-loans.amount".into(),
            K::File(ProblemKind::MinusZero)
        )
    );
    assert_eq!(
        import_error(&doc("{}").replace("\"free\"", "\"pool\"")),
        (
            "mode".into(),
            K::UnknownMode {
                found: "pool".into()
            }
        )
    );
    assert_eq!(
        import_error(&doc("{}").replace("\"name\"", "\"nmae\"")),
        (
            "nmae".into(),
            K::File(ProblemKind::UnknownField {
                field: "nmae".into()
            })
        )
    );
    assert_eq!(
        import_error(&doc(r#"{"nope":{}}"#)),
        (
            "streams.nope".into(),
            K::UnknownStream { id: "nope".into() }
        )
    );
    assert_eq!(
        import_error(&doc(r#"{"tech-projects":{"amount":-1}}"#)),
        (
            "streams.tech-projects.amount".into(),
            K::File(ProblemKind::Negative)
        )
    );
    assert_eq!(
        import_error(&doc(r#"{"tech-projects":{"amount":1.5}}"#)),
        (
            "streams.tech-projects.amount".into(),
            K::File(ProblemKind::NotWholeNumber)
        )
    );
    assert_eq!(
        import_error(&doc(r#"{"tech-projects":{"amount":1000000000000000001}}"#)),
        (
            "streams.tech-projects.amount".into(),
            K::File(ProblemKind::TooBig)
        )
    );
    // Past u64 the parser reads digits as a float: still too big, not "not whole".
    assert_eq!(
        import_error(&doc(
            r#"{"tech-projects":{"amount":100000000000000000000}}"#
        )),
        (
            "streams.tech-projects.amount".into(),
            K::File(ProblemKind::TooBig)
        )
    );
    assert_eq!(
        import_error(&doc(r#"{"tech-projects":{"amount":null}}"#)),
        ("streams.tech-projects.amount".into(), K::AmountMissing)
    );
    assert_eq!(
        import_error(&doc(r#"{"finance-priority":{"amount":5}}"#)),
        ("streams.finance-priority.amount".into(), K::AmountNotStated)
    );
    assert_eq!(
        import_error(&doc(r#"{"tech-projects":{"outcome":"granted"}}"#)),
        ("streams.tech-projects.outcome".into(), K::NotSought)
    );
    assert_eq!(
        import_error(&doc(r#"{"training-base":{"outcome":{"partial":101}}}"#)),
        (
            "streams.training-base.outcome.partial".into(),
            K::BadPercent
        )
    );
    assert_eq!(
        import_error(&doc(r#"{"training-base":{"outcome":"maybe"}}"#)),
        (
            "streams.training-base.outcome".into(),
            K::UnknownOutcome {
                found: "maybe".into()
            }
        )
    );
    assert_eq!(
        import_error(&doc(r#"{"training-base":{"locked":"yes"}}"#)),
        (
            "streams.training-base.locked".into(),
            K::File(ProblemKind::WrongType {
                expected: "boolean",
                found: "string"
            })
        )
    );
    let long_name = doc("{}").replace("\"n\"", &format!("\"{}\"", "x".repeat(MAX_NAME_CHARS + 1)));
    assert_eq!(import_error(&long_name), ("name".into(), K::NameTooLong));
    let error = import_scenario(b"{\n \"format\": x", &muchuan()).err();
    assert_eq!(error.and_then(|e| e.position), Some((2, 12)));
}

#[test]
fn a_note_is_written_read_back_and_checked() {
    let dataset = muchuan();
    let loans = index(&dataset, "guaranteed-loans");
    let noted = Scenario::baseline(&dataset)
        .apply(
            &dataset,
            Action::SetNote {
                stream: loans,
                note: "贴息到位".into(),
            },
        )
        .expect("kept");
    let json = scenario_json(&dataset, &noted, "n").expect("fits");
    assert_eq!(
        json.matches("\"note\"").count(),
        1,
        "empty notes are left out"
    );
    let imported = import_scenario(json.as_bytes(), &dataset).map(|i| i.scenario);
    assert_eq!(imported, Ok(noted));
    let too_long = doc(&format!(
        r#"{{ "guaranteed-loans": {{ "note": "{}" }} }}"#,
        "长".repeat(crate::scenario::MAX_NOTE_CHARS + 1)
    ));
    let (path, kind) = import_error(&too_long);
    assert_eq!(
        (path.as_str(), kind),
        (
            "streams.guaranteed-loans.note",
            ImportErrorKind::NoteTooLong
        )
    );
}

#[test]
fn import_fills_left_out_streams_from_the_baseline() {
    let dataset = muchuan();
    let imported = import_scenario(
        doc(r#"{"training-base":{"outcome":"refused"}}"#).as_bytes(),
        &dataset,
    )
    .expect("imports");
    let mut expected = Scenario::baseline(&dataset);
    expected.plans[index(&dataset, "training-base")].outcome = Outcome::Refused;
    assert_eq!(imported.scenario, expected);
    assert!(!imported.same_title);
}

fn random_dataset_and_actions() -> impl Strategy<Value = (Dataset, Vec<Action>)> {
    random_dataset().prop_flat_map(|dataset| {
        let count = dataset.streams.len();
        (Just(dataset), actions(count))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn json_round_trips_on_muchuan(actions in actions(9), name in "\\PC{0,60}") {
        let dataset = muchuan();
        let scenario = apply_all(&dataset, &actions);
        let json = scenario_json(&dataset, &scenario, &name).ok_or_else(|| TestCaseError::fail("fits"))?;
        let imported = import_scenario(json.as_bytes(), &dataset);
        prop_assert_eq!(imported, Ok(ImportedScenario { name, scenario, same_title: true }));
    }

    #[test]
    fn json_round_trips_on_random_datasets((dataset, actions) in random_dataset_and_actions()) {
        let scenario = apply_all(&dataset, &actions);
        let json = scenario_json(&dataset, &scenario, "s").ok_or_else(|| TestCaseError::fail("fits"))?;
        let imported = import_scenario(json.as_bytes(), &dataset).map(|i| i.scenario);
        prop_assert_eq!(imported, Ok(scenario.clone()));
    }

    #[test]
    fn any_bytes_import_or_err(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = import_scenario(&bytes, &muchuan());
    }
}
