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
//!   inside), at most [`MAX_KEPT_BYTES`] bytes (a scenario of thousands of streams rebalanced
//!   in a fixed pool saves, though no link carries it); it is read against the dataset only when the
//!   scenario is opened, so a store never breaks because the dataset changed.
//!
//! - `dataset` (optional): the dataset the scenario belongs to ([`crate::data_tag`]); a record
//!   without it belongs to the built-in data.
//!
//! Fields this version does not know are kept as they are and written back unchanged. Text
//! without a `version` (an older draft), with another version, larger than
//! [`MAX_STORE_BYTES`], or not in this shape is a [`LoadError`]. Empty text is an empty store.

use serde_json::{Map, Value};

use crate::data_tag::DataTag;
use crate::json::JsonErrorKind;
use crate::share_link::MAX_KEPT_BYTES;

/// The store version this build reads and writes.
pub const STORE_VERSION: u64 = 1;

/// The largest stored text read: 1 MiB (browsers give a site about 5 MB).
pub const MAX_STORE_BYTES: usize = 1024 * 1024;

/// The most scenarios a store can hold.
pub const MAX_SCENARIOS: usize = 200;

pub use crate::scenario::MAX_NAME_CHARS;

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

impl SavedScenario {
    /// The dataset the scenario belongs to; `None` when the record names one in a way this
    /// build cannot read.
    pub fn data_tag(&self) -> Option<DataTag> {
        DataTag::from_fields(&self.extra)
    }
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
    /// The scenario's text is longer than [`MAX_KEPT_BYTES`].
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

    /// The records set aside, each as it was stored, in one JSON array: the file the planner
    /// downloads to keep them (or mend and put back by hand); `None` when none was set aside.
    pub fn set_aside_json(&self) -> Option<String> {
        if self.set_aside.is_empty() {
            return None;
        }
        let records: Vec<&str> = self.set_aside.iter().map(|s| s.record.as_str()).collect();
        Some(format!("[\n{}\n]\n", records.join(",\n")))
    }

    /// The scenario with `id`.
    pub fn get(&self, id: &str) -> Option<&SavedScenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// The store with a new scenario of the built-in data at the end, and its id.
    pub fn add(
        &self,
        name: &str,
        saved_at: u64,
        share: &str,
    ) -> Result<(Store, String), EditError> {
        self.add_for(name, saved_at, share, &DataTag::BuiltIn)
    }

    /// The store with a new scenario of the dataset `data` at the end, and the new
    /// scenario's id.
    pub fn add_for(
        &self,
        name: &str,
        saved_at: u64,
        share: &str,
        data: &DataTag,
    ) -> Result<(Store, String), EditError> {
        let name = self.unique_name(check_name(name)?, None);
        if share.len() > MAX_KEPT_BYTES {
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
            extra: data.fields(),
        });
        next.check_size()?;
        Ok((next, id))
    }

    /// The store with scenario `id` renamed.
    pub fn rename(&self, id: &str, name: &str) -> Result<Store, EditError> {
        let name = self.unique_name(check_name(name)?, Some(id));
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
        let name = self.unique_name(check_name(name)?, None);
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
    let share = string("share", MAX_KEPT_BYTES)?;
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
impl Store {
    /// `name`, or if another scenario (than `except`) has it, `name (2)`, `name (3)`…: two
    /// scenarios of one name could not be told apart in the list or the comparison.
    fn unique_name(&self, name: String, except: Option<&str>) -> String {
        let taken = |candidate: &str| {
            self.scenarios
                .iter()
                .any(|s| Some(s.id.as_str()) != except && s.name == candidate)
        };
        if !taken(&name) {
            return name;
        }
        let numbered = |k: usize| {
            let suffix = format!(" ({k})");
            let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
            let base: String = name.chars().take(room).collect();
            format!("{}{suffix}", base.trim_end())
        };
        // Fewer scenarios than numbers: one of the first `len + 2` is free.
        (2..self.scenarios.len() + 3)
            .map(numbered)
            .find(|candidate| !taken(candidate))
            .unwrap_or(name)
    }
}

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
mod tests;
