//! Named scenarios kept in the browser's `localStorage`: the pure part (format, parsing, edits).
//!
//! The browser edge reads the stored text, calls [`Store::parse`], and writes back
//! [`Store::to_json`] after an edit. When parsing fails the edge must keep the raw text aside
//! (and offer it for download) rather than overwrite it: a [`LoadError`] says why.
//!
//! # Format, version 1
//!
//! ```json
//! {
//!   "version": 1,
//!   "scenarios": [
//!     { "id": "s1", "name": "More loans", "saved_at": 1714000000000, "share": "v1;guaranteed-loans=300w" }
//!   ]
//! }
//! ```
//!
//! - `id`: unique in the store, given by [`Store::add`] (`s1`, `s2`, …), 1–64 characters;
//! - `name`: the planner's name for it, at most [`MAX_NAME_CHARS`] characters;
//! - `saved_at`: when it was saved, in milliseconds since the Unix epoch, given by the caller
//!   (`Date.now()`); the store never reads a clock;
//! - `share`: the scenario in the share-link format of [`crate::share_link`] (version
//!   inside), at most [`MAX_LINK_BYTES`] bytes; it is read against the dataset only when the
//!   scenario is opened, so a store never breaks because the dataset changed.
//!
//! Fields this version does not know are kept as they are and written back unchanged. Text
//! without a `version` (an older draft), with another version, larger than
//! [`MAX_STORE_BYTES`], or not in this shape is a [`LoadError`]. Empty text is an empty store.

use serde_json::{Map, Value};

use crate::json::JsonErrorKind;
use crate::share_link::MAX_LINK_BYTES;

/// The store version this build reads and writes.
pub const STORE_VERSION: u64 = 1;

/// The largest stored text read: 1 MiB (browsers give a site about 5 MB).
pub const MAX_STORE_BYTES: usize = 1024 * 1024;

/// The most scenarios a store can hold.
pub const MAX_SCENARIOS: usize = 200;

/// The longest scenario name, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// The longest scenario id, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// The `localStorage` key the explorer keeps its store under.
pub const STORAGE_KEY: &str = "muchuan-funding-explorer.scenarios";

/// One saved scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedScenario {
    /// Unique in the store.
    pub id: String,
    /// The planner's name for it.
    pub name: String,
    /// Milliseconds since the Unix epoch.
    pub saved_at: u64,
    /// The scenario as a share link.
    pub share: String,
    /// Fields a newer writer added, kept as they are.
    pub extra: Map<String, Value>,
}

/// The saved scenarios, in the order they were saved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Store {
    /// The scenarios.
    pub scenarios: Vec<SavedScenario>,
    /// Top-level fields a newer writer added, kept as they are.
    pub extra: Map<String, Value>,
    /// Records of the stored text that could not be read, each on its own: the others still
    /// show. [`Store::to_json`] does not write them, so the caller keeps them elsewhere first.
    pub set_aside: Vec<SetAside>,
}

/// A stored record that could not be read, kept as it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// The record's JSON text.
    pub record: String,
    /// Its `id`, if it has a text one: not given to a new scenario, so that the record can
    /// be put back by hand without a clash.
    pub id: Option<String>,
    /// Why it could not be read ([`LoadError::Corrupted`] with the field at fault).
    pub error: LoadError,
}

/// Why stored text cannot be read; the caller keeps the text aside and does not overwrite it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Larger than [`MAX_STORE_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// The text ends in the middle of a value (a write was cut short).
    Truncated,
    /// Not the store format: not JSON, or a value of the wrong shape.
    Corrupted {
        /// Where: the path of the value at fault (`scenarios[2].name`), empty for the whole text.
        path: String,
        /// Line and column (from 1) when the JSON itself is broken.
        position: Option<(usize, usize)>,
    },
    /// No `version`: written before the format was versioned.
    MissingVersion,
    /// A version this build cannot read (0, or one from a newer build).
    UnknownVersion {
        /// The version as written.
        found: String,
    },
}

/// Why the browser's storage could not be used (read from its exceptions by the app).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// There is no storage (switched off, or blocked in this frame).
    Unavailable,
    /// The browser's quota for this site is used up.
    Quota,
    /// Another failure, with the browser's words for it.
    Failed(String),
}

/// Why an edit of the store was refused; the store is then unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The name is empty or only white space.
    EmptyName,
    /// The name is longer than [`MAX_NAME_CHARS`].
    NameTooLong,
    /// The store already holds [`MAX_SCENARIOS`] scenarios.
    Full,
    /// No scenario has that id.
    UnknownId,
    /// The share link is longer than [`MAX_LINK_BYTES`].
    ShareTooLong,
    /// The store would grow past [`MAX_STORE_BYTES`].
    TooLarge,
}

impl Store {
    /// Reads stored text; empty (or white space only) text is an empty store.
    pub fn parse(stored: &str) -> Result<Store, LoadError> {
        if stored.len() > MAX_STORE_BYTES {
            return Err(LoadError::TooLarge {
                bytes: stored.len(),
            });
        }
        if stored.trim().is_empty() {
            return Ok(Store::default());
        }
        let value = crate::json::parse(stored).map_err(|error| match error.kind {
            JsonErrorKind::Truncated => LoadError::Truncated,
            _ => LoadError::Corrupted {
                path: String::new(),
                position: Some((error.line, error.column)),
            },
        })?;
        let corrupted = |path: &str| LoadError::Corrupted {
            path: path.to_owned(),
            position: None,
        };
        let Value::Object(mut map) = value else {
            return Err(corrupted(""));
        };
        match map.remove("version") {
            None => return Err(LoadError::MissingVersion),
            Some(Value::Number(n)) if n.as_u64() == Some(STORE_VERSION) => {}
            Some(other) => {
                return Err(LoadError::UnknownVersion {
                    found: other.to_string().chars().take(40).collect(),
                });
            }
        }
        let Some(Value::Array(entries)) = map.remove("scenarios") else {
            return Err(corrupted("scenarios"));
        };
        let mut scenarios: Vec<SavedScenario> = Vec::with_capacity(entries.len());
        let mut set_aside = Vec::new();
        // One record at a time: a bad one costs only itself.
        for (index, entry) in entries.into_iter().enumerate() {
            let path = format!("scenarios[{index}]");
            match record(entry.clone(), &path, &scenarios) {
                Ok(scenario) => scenarios.push(scenario),
                Err(error) => set_aside.push(SetAside {
                    record: entry.to_string(),
                    id: entry.get("id").and_then(Value::as_str).map(str::to_owned),
                    error,
                }),
            }
        }
        Ok(Store {
            scenarios,
            extra: map,
            set_aside,
        })
    }

    /// The store as the text to keep.
    pub fn to_json(&self) -> String {
        let entries: Vec<Value> = self
            .scenarios
            .iter()
            .map(|s| {
                let mut fields = Map::new();
                fields.insert("id".into(), Value::from(s.id.as_str()));
                fields.insert("name".into(), Value::from(s.name.as_str()));
                fields.insert("saved_at".into(), Value::from(s.saved_at));
                fields.insert("share".into(), Value::from(s.share.as_str()));
                for (key, value) in &s.extra {
                    fields.entry(key.clone()).or_insert_with(|| value.clone());
                }
                Value::Object(fields)
            })
            .collect();
        let mut map = Map::new();
        map.insert("version".into(), Value::from(STORE_VERSION));
        map.insert("scenarios".into(), Value::Array(entries));
        for (key, value) in &self.extra {
            map.entry(key.clone()).or_insert_with(|| value.clone());
        }
        Value::Object(map).to_string()
    }

    /// The scenario with `id`.
    pub fn get(&self, id: &str) -> Option<&SavedScenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// The store with a new scenario at the end, and the new scenario's id.
    pub fn add(
        &self,
        name: &str,
        saved_at: u64,
        share: &str,
    ) -> Result<(Store, String), EditError> {
        let name = check_name(name)?;
        if share.len() > MAX_LINK_BYTES {
            return Err(EditError::ShareTooLong);
        }
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(EditError::Full);
        }
        let id = self.next_id();
        let mut next = self.clone();
        next.scenarios.push(SavedScenario {
            id: id.clone(),
            name,
            saved_at,
            share: share.to_owned(),
            extra: Map::new(),
        });
        next.check_size()?;
        Ok((next, id))
    }

    /// The store with scenario `id` renamed.
    pub fn rename(&self, id: &str, name: &str) -> Result<Store, EditError> {
        let name = check_name(name)?;
        let mut next = self.clone();
        next.scenarios
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(EditError::UnknownId)?
            .name = name;
        next.check_size()?;
        Ok(next)
    }

    /// The store with a copy of scenario `id` named `name` right after it, and the copy's id.
    pub fn duplicate(
        &self,
        id: &str,
        name: &str,
        saved_at: u64,
    ) -> Result<(Store, String), EditError> {
        let name = check_name(name)?;
        let position = self
            .scenarios
            .iter()
            .position(|s| s.id == id)
            .ok_or(EditError::UnknownId)?;
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(EditError::Full);
        }
        let new_id = self.next_id();
        let mut next = self.clone();
        let copy = SavedScenario {
            id: new_id.clone(),
            name,
            saved_at,
            ..self.scenarios[position].clone()
        };
        next.scenarios.insert(position + 1, copy);
        next.check_size()?;
        Ok((next, new_id))
    }

    /// The store without scenario `id`.
    pub fn delete(&self, id: &str) -> Result<Store, EditError> {
        let mut next = self.clone();
        let before = next.scenarios.len();
        next.scenarios.retain(|s| s.id != id);
        if next.scenarios.len() == before {
            return Err(EditError::UnknownId);
        }
        Ok(next)
    }

    /// `s` and one more than the largest number of an `s<number>` id in the store.
    fn next_id(&self) -> String {
        let ids = self.scenarios.iter().map(|s| s.id.as_str());
        let set_aside = self.set_aside.iter().filter_map(|s| s.id.as_deref());
        let largest = ids
            .chain(set_aside)
            .filter_map(|id| id.strip_prefix('s')?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        let mut number = largest.saturating_add(1);
        loop {
            let id = format!("s{number}");
            let set_aside = self.set_aside.iter().any(|s| s.id.as_deref() == Some(&id));
            if self.get(&id).is_none() && !set_aside {
                return id;
            }
            // Only reached when the largest number is u64::MAX: count down to a free one.
            number = number.saturating_sub(1);
        }
    }

    fn check_size(&self) -> Result<(), EditError> {
        if self.to_json().len() > MAX_STORE_BYTES {
            return Err(EditError::TooLarge);
        }
        Ok(())
    }
}

/// One stored record at `path`, read against the ones before it (its id must be new).
fn record(entry: Value, path: &str, before: &[SavedScenario]) -> Result<SavedScenario, LoadError> {
    let corrupted = |field: &str| LoadError::Corrupted {
        path: format!("{path}{field}"),
        position: None,
    };
    let Value::Object(mut fields) = entry else {
        return Err(corrupted(""));
    };
    let mut string = |field: &str, max_chars: usize| match fields.remove(field) {
        Some(Value::String(s)) if s.chars().count() <= max_chars => Ok(s),
        _ => Err(corrupted(&format!(".{field}"))),
    };
    let id = string("id", MAX_ID_CHARS)?;
    let name = string("name", MAX_NAME_CHARS)?;
    let share = string("share", MAX_LINK_BYTES)?;
    let saved_at = fields
        .remove("saved_at")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| corrupted(".saved_at"))?;
    if id.is_empty() || before.iter().any(|s| s.id == id) {
        return Err(corrupted(".id"));
    }
    Ok(SavedScenario {
        id,
        name,
        saved_at,
        share,
        extra: fields,
    })
}

/// A name trimmed, non-empty and not too long.
fn check_name(name: &str) -> Result<String, EditError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(EditError::NameTooLong);
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
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
            store.add("x", 0, &"v".repeat(MAX_LINK_BYTES + 1)).err(),
            Some(EditError::ShareTooLong)
        );
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
}
