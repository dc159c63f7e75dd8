//! Tests of [`super`]: kept apart so that the module itself stays readable.

use super::*;
use crate::share_link::{MAX_KEPT_BYTES, MAX_LINK_BYTES};
use proptest::prelude::*;

fn sample() -> Store {
    let (store, first) = Store::default()
        .add("More loans", 1_714_000_000_000, "v1;guaranteed-loans=300w")
        .expect("added");
    assert_eq!(first, "s1");
    let (store, second) = store
        .add(
            "  Training refused ",
            1_714_000_000_001,
            "v1;training-base=r",
        )
        .expect("added");
    assert_eq!(second, "s2");
    store
}

#[test]
fn writes_the_documented_format_and_reads_it_back() {
    let store = sample();
    let written: Value = serde_json::from_str(&store.to_json()).expect("JSON");
    let expected: Value = serde_json::from_str(
        r#"{"version":1,"scenarios":[
            {"id":"s1","name":"More loans","saved_at":1714000000000,"share":"v1;guaranteed-loans=300w"},
            {"id":"s2","name":"Training refused","saved_at":1714000000001,"share":"v1;training-base=r"}]}"#,
    )
    .expect("JSON");
    assert_eq!(written, expected);
    assert_eq!(Store::parse(&store.to_json()), Ok(store));
    assert_eq!(Store::parse(""), Ok(Store::default()));
    assert_eq!(Store::parse("  \n"), Ok(Store::default()));
}

#[test]
fn edits_are_pure() {
    let store = sample();
    let renamed = store.rename("s1", "Loans +30万").expect("renamed");
    assert_eq!(
        renamed.get("s1").map(|s| s.name.as_str()),
        Some("Loans +30万")
    );
    assert_eq!(store.get("s1").map(|s| s.name.as_str()), Some("More loans"));
    let (copied, id) = renamed.duplicate("s1", "Copy", 5).expect("copied");
    assert_eq!(id, "s3");
    let ids: Vec<&str> = copied.scenarios.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["s1", "s3", "s2"]);
    assert_eq!(
        copied.get("s3").map(|s| s.share.as_str()),
        Some("v1;guaranteed-loans=300w")
    );
    assert_eq!(copied.get("s3").map(|s| s.saved_at), Some(5));
    let deleted = copied.delete("s1").expect("deleted");
    assert_eq!(deleted.scenarios.len(), 2);
    let (again, id) = deleted.add("x", 0, "v1").expect("added");
    assert_eq!(id, "s4", "ids are not reused while higher ones exist");
    assert_eq!(again.scenarios.len(), 3);
}

#[test]
fn refuses_bad_edits() {
    let store = sample();
    assert_eq!(store.rename("s9", "x"), Err(EditError::UnknownId));
    assert_eq!(store.delete("s9"), Err(EditError::UnknownId));
    assert_eq!(
        store.duplicate("s9", "x", 0).err(),
        Some(EditError::UnknownId)
    );
    assert_eq!(store.rename("s1", "   "), Err(EditError::EmptyName));
    assert_eq!(
        store.rename("s1", &"名".repeat(MAX_NAME_CHARS + 1)),
        Err(EditError::NameTooLong)
    );
    assert!(store.rename("s1", &"名".repeat(MAX_NAME_CHARS)).is_ok());
    assert_eq!(
        store.add("x", 0, &"v".repeat(MAX_KEPT_BYTES + 1)).err(),
        Some(EditError::ShareTooLong)
    );
    // A scenario no link can carry (over 8 KB) still saves.
    let (long, _) = store
        .add("long", 0, &"v".repeat(MAX_LINK_BYTES * 8))
        .expect("saved");
    assert_eq!(Store::parse(&long.to_json()), Ok(long.clone()));
    let mut full = Store::default();
    for n in 0..MAX_SCENARIOS {
        full = full.add(&format!("n{n}"), 0, "v1").expect("room").0;
    }
    assert_eq!(full.add("one more", 0, "v1").err(), Some(EditError::Full));
    assert_eq!(
        full.duplicate("s1", "one more", 0).err(),
        Some(EditError::Full)
    );
}

#[test]
fn corrupted_truncated_old_and_huge_texts_are_errors() {
    let good = sample().to_json();
    assert_eq!(
        Store::parse(&good[..good.len() / 2]),
        Err(LoadError::Truncated)
    );
    assert_eq!(Store::parse("{\"version\":1,"), Err(LoadError::Truncated));
    // Columns count characters: 贷款加倍 is four characters, twelve bytes; `x` is the 42nd.
    assert_eq!(
        Store::parse("{\"version\":1,\"scenarios\":[{\"name\":\"贷款加倍\" x}]}"),
        Err(LoadError::Corrupted {
            path: String::new(),
            position: Some((1, 42)),
        })
    );
    assert_eq!(
        Store::parse("{\"version\":1,\n\"version\":1}"),
        Err(LoadError::Corrupted {
            path: String::new(),
            position: Some((2, 9)),
        }),
        "a key given twice is located"
    );
    assert!(matches!(
        Store::parse("not json"),
        Err(LoadError::Corrupted {
            position: Some((1, _)),
            ..
        })
    ));
    assert_eq!(
        Store::parse("[]"),
        Err(LoadError::Corrupted {
            path: String::new(),
            position: None
        })
    );
    assert_eq!(
        Store::parse(r#"{"scenarios":[]}"#),
        Err(LoadError::MissingVersion),
        "an unversioned draft"
    );
    assert_eq!(
        Store::parse(r#"{"version":0,"scenarios":[]}"#),
        Err(LoadError::UnknownVersion { found: "0".into() })
    );
    assert_eq!(
        Store::parse(r#"{"version":"1","scenarios":[]}"#),
        Err(LoadError::UnknownVersion {
            found: "\"1\"".into()
        })
    );
    assert_eq!(
        Store::parse(r#"{"version":2,"scenarios":{}}"#),
        Err(LoadError::UnknownVersion { found: "2".into() })
    );
    let corrupted = |path: &str| {
        Err(LoadError::Corrupted {
            path: path.into(),
            position: None,
        })
    };
    assert_eq!(Store::parse(r#"{"version":1}"#), corrupted("scenarios"));
    let set_aside = |text: &str| -> Vec<(String, LoadError)> {
        let store = Store::parse(text).expect("the good records read");
        store
            .set_aside
            .into_iter()
            .map(|s| (s.record, s.error))
            .collect()
    };
    let one = |record: &str, path: &str| {
        vec![(
            record.to_owned(),
            LoadError::Corrupted {
                path: path.into(),
                position: None,
            },
        )]
    };
    let good = r#"{"id":"g","name":"good","saved_at":5,"share":"v1"}"#;
    for (bad, path) in [
        (
            r#"{"id":"a","name":1,"saved_at":0,"share":"v1"}"#,
            "scenarios[1].name",
        ),
        (
            r#"{"id":"a","name":"","saved_at":-1,"share":"v1"}"#,
            "scenarios[1].saved_at",
        ),
        (
            r#"{"id":"a","name":"","saved_at":1.5,"share":"v1"}"#,
            "scenarios[1].saved_at",
        ),
        (
            r#"{"id":"g","name":"","saved_at":0,"share":"v1"}"#,
            "scenarios[1].id",
        ),
        ("7", "scenarios[1]"),
    ] {
        let text = format!(r#"{{"version":1,"scenarios":[{good},{bad},{good}]}}"#);
        let store = Store::parse(&text).expect("reads");
        // The good record shows; the bad one is set aside as written; the repeated id too.
        assert_eq!(store.scenarios.len(), 1, "{bad}");
        assert_eq!(store.scenarios[0].name, "good");
        assert_eq!(store.set_aside.len(), 2, "{bad}");
        assert_eq!(set_aside(&text)[..1], one(bad, path)[..], "{bad}");
        assert!(
            !store.to_json().contains(r#""name":"""#),
            "not written back"
        );
    }
    let long_name = format!(
        r#"{{"id":"a","name":"{}","saved_at":0,"share":"v1"}}"#,
        "名".repeat(MAX_NAME_CHARS + 1)
    );
    assert_eq!(
        set_aside(&format!(r#"{{"version":1,"scenarios":[{long_name}]}}"#)),
        one(&long_name, "scenarios[0].name")
    );
    let huge = format!(
        r#"{{"version":1,"scenarios":[{{"id":"a","name":"{}","saved_at":0,"share":"v1"}}]}}"#,
        "x".repeat(MAX_STORE_BYTES)
    );
    assert_eq!(
        Store::parse(&huge),
        Err(LoadError::TooLarge { bytes: huge.len() })
    );
    let deep = "[".repeat(100_000);
    assert!(
        Store::parse(&deep).is_err(),
        "deep nesting is refused, not a stack overflow"
    );
}

#[test]
fn records_set_aside_download_as_written() {
    let good = r#"{"id":"s1","name":"good","saved_at":5,"share":"v1"}"#;
    let long = format!(
        r#"{{"id":"s2","name":"{}","saved_at":0,"share":"v1"}}"#,
        "x".repeat(MAX_NAME_CHARS + 1)
    );
    let half = r#"{"id":"s3","name":"half","saved_at":1.5,"share":"v1"}"#;
    let text = format!(r#"{{"version":1,"scenarios":[{good},{long},{half}]}}"#);
    let store = Store::parse(&text).expect("reads");
    let file = store.set_aside_json().expect("two set aside");
    let records: Vec<serde_json::Value> = serde_json::from_str(&file).expect("a JSON array");
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["name"], "x".repeat(MAX_NAME_CHARS + 1));
    assert_eq!(records[1]["saved_at"], 1.5);
    assert!(file.contains(&long) && file.contains(half), "as stored");
    assert!(!file.contains("good"));
    let clean = format!(r#"{{"version":1,"scenarios":[{good}]}}"#);
    assert_eq!(Store::parse(&clean).expect("reads").set_aside_json(), None);
}

#[test]
fn keeps_fields_it_does_not_know() {
    let text = r#"{"version":1,"theme":"dark","scenarios":[{"id":"s7","name":"n","saved_at":3,"share":"v1","pinned":true}]}"#;
    let store = Store::parse(text).expect("reads");
    let written = store.to_json();
    let again = Store::parse(&written).expect("reads again");
    assert_eq!(again, store);
    assert!(written.contains(r#""pinned":true"#) && written.contains(r#""theme":"dark""#));
    assert_eq!(store.add("n", 0, "v1").map(|(_, id)| id), Ok("s8".into()));
}

proptest! {
    #[test]
    fn any_text_reads_or_errs(text in prop_oneof![
        any::<String>(),
        "\\{\"version\":1,\"scenarios\":\\[\\{\"id\":\"[a-z0-9]{0,3}\",\"name\":\"\\PC{0,10}\",\"saved_at\":-?[0-9]{0,21},\"share\":\"v1\"\\}\\]\\}",
    ]) {
        if let Ok(store) = Store::parse(&text) {
            // What is written back is the readable records alone.
            let readable = Store { set_aside: Vec::new(), ..store };
            prop_assert_eq!(Store::parse(&readable.to_json()), Ok(readable));
        }
    }

    #[test]
    fn edits_keep_the_store_readable(
        ops in proptest::collection::vec((0u8..4, 0usize..6, "\\PC{0,20}"), 0..30)
    ) {
        let mut store = Store::default();
        for (op, pick, name) in ops {
            let id = store.scenarios.get(pick % store.scenarios.len().max(1)).map(|s| s.id.clone());
            let id = id.unwrap_or_default();
            let next = match op {
                0 => store.add(&name, 1, "v1;m:p").map(|(s, _)| s),
                1 => store.rename(&id, &name),
                2 => store.duplicate(&id, &name, 2).map(|(s, _)| s),
                _ => store.delete(&id),
            };
            if let Ok(next) = next {
                store = next;
            }
            prop_assert_eq!(Store::parse(&store.to_json()), Ok(store.clone()));
        }
    }
}

#[test]
fn a_name_already_in_use_is_numbered() {
    let (store, a) = Store::default().add("方案A", 1, "v1;").expect("added");
    let (store, b) = store.add("方案A", 2, "v1;").expect("added");
    let (store, c) = store.add(" 方案A ", 3, "v1;").expect("added");
    let name = |id: &str| store.get(id).map(|s| s.name.clone()).unwrap_or_default();
    assert_eq!(
        (name(&a), name(&b), name(&c)),
        ("方案A".into(), "方案A (2)".into(), "方案A (3)".into())
    );
    // Renaming one to its own name keeps it; to another's numbers it.
    let same = store.rename(&a, "方案A").expect("renamed");
    assert_eq!(same.get(&a).map(|s| s.name.as_str()), Some("方案A"));
    let taken = store.rename(&c, "方案A (2)").expect("renamed");
    assert_eq!(
        taken.get(&c).map(|s| s.name.as_str()),
        Some("方案A (2) (2)")
    );
    let (copied, copy) = store.duplicate(&a, "方案A", 4).expect("copied");
    assert_eq!(
        copied.get(&copy).map(|s| s.name.as_str()),
        Some("方案A (4)")
    );
    // A name at the length limit keeps within it.
    let long = "长".repeat(MAX_NAME_CHARS);
    let (store, _) = Store::default().add(&long, 1, "v1;").expect("added");
    let (store, id) = store.add(&long, 2, "v1;").expect("added");
    let numbered = store.get(&id).map(|s| s.name.clone()).unwrap_or_default();
    assert_eq!(numbered.chars().count(), MAX_NAME_CHARS);
    assert!(numbered.ends_with(" (2)"));
}
