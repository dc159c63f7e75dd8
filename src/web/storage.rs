//! The browser's `localStorage`, where the named scenarios are kept (the format is
//! [`crate::core::saved::Store`], under [`STORAGE_KEY`]).
//!
//! Nothing stored is trusted: every read can fail (storage off, blocked in a sandboxed frame,
//! full), and the stored text can be corrupted, cut short or from an older build. The rules:
//!
//! - text that cannot be read is copied aside to a backup key
//!   (`muchuan-funding-explorer.scenarios.corrupt-<unix ms>`) before anything is written over
//!   it; if the copy cannot be made, nothing is written at all;
//! - a failed write (a full quota) leaves the stored value as it was: the browser does not
//!   change an item when `setItem` throws, and the caller keeps its old store;
//! - every edit starts from what is stored now, so a save in another tab is not lost.

use wasm_bindgen::{JsCast, JsValue};

use crate::core::saved::{EditError, LoadError, STORAGE_KEY, StorageError, Store};

/// A storage exception as a typed error.
fn storage_error(error: &JsValue) -> StorageError {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        let name = exception.name();
        // Code 22 is the legacy QUOTA_EXCEEDED_ERR; Firefox once used its own name.
        if name == "QuotaExceededError"
            || name == "NS_ERROR_DOM_QUOTA_REACHED"
            || exception.code() == 22
        {
            return StorageError::Quota;
        }
        if name == "SecurityError" {
            return StorageError::Unavailable;
        }
        return StorageError::Failed(format!("{name}: {}", exception.message()));
    }
    let detail = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_default();
    StorageError::Failed(detail)
}

/// The page's `localStorage`; reading the property itself throws where it is blocked.
fn local() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageError::Unavailable),
        Err(error) => Err(match storage_error(&error) {
            StorageError::Failed(_) => StorageError::Unavailable,
            other => other,
        }),
    }
}

/// The text stored under `key`, `None` when there is none.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local()?.get_item(key).map_err(|e| storage_error(&e))
}

/// Stores `value` under `key`. On an error the stored value is unchanged.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local()?.set_item(key, value).map_err(|e| storage_error(&e))
}

/// Tells this page's readers of the saved scenarios that the stored text changed (as the
/// browser tells the other tabs): an edit made outside the scenarios panel, such as the
/// scenarios a bundle file adds.
pub fn announce_change() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("storage")) {
        let _ = window.dispatch_event(&event);
    }
}

/// Every key in the storage.
pub fn keys() -> Result<Vec<String>, StorageError> {
    let storage = local()?;
    let length = storage.length().map_err(|e| storage_error(&e))?;
    let mut keys = Vec::with_capacity(length as usize);
    for index in 0..length {
        if let Some(key) = storage.key(index).map_err(|e| storage_error(&e))? {
            keys.push(key);
        }
    }
    Ok(keys)
}

/// The prefix of the keys unreadable stored text is copied aside to.
pub fn backup_prefix() -> String {
    format!("{STORAGE_KEY}.corrupt-")
}

/// Copies `raw` aside to a new backup key (or finds a backup that already holds exactly this
/// text, so reloading a page with the same broken value makes no second copy) and returns
/// the key. The copy is read back before it counts.
pub fn back_up(raw: &str) -> Result<String, StorageError> {
    let prefix = backup_prefix();
    for key in keys()?.into_iter().filter(|k| k.starts_with(&prefix)) {
        if read(&key)?.as_deref() == Some(raw) {
            return Ok(key);
        }
    }
    let stamp = js_sys::Date::now().max(0.0) as u64;
    let mut key = format!("{prefix}{stamp}");
    let mut n = 1;
    while read(&key)?.is_some() {
        n += 1;
        key = format!("{prefix}{stamp}-{n}");
    }
    write(&key, raw)?;
    if read(&key)?.as_deref() == Some(raw) {
        Ok(key)
    } else {
        Err(StorageError::Failed(String::from(
            "the copy reads back differently",
        )))
    }
}

/// Stored text that could not be read as a store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// Why it could not be read.
    pub error: LoadError,
    /// The text as stored.
    pub raw: String,
    /// The key it was copied to, or why the copy failed (then nothing may be written).
    pub backup: Result<String, StorageError>,
}

/// What reading the saved scenarios found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// A store (empty when nothing was saved yet), and the text it was read from.
    Ready {
        /// The scenarios.
        store: Store,
        /// The stored text, `None` when there was none.
        seen: Option<String>,
    },
    /// The stored text could not be read; it has been copied aside if `backup` is `Ok`.
    Unreadable(Unreadable),
    /// Some records could not be read: the others are in `store`; the stored text, theirs
    /// included, has been copied aside if `unreadable.backup` is `Ok`, so the next edit, which
    /// writes the readable ones only, loses nothing.
    Partly {
        /// The readable scenarios.
        store: Store,
        /// The stored text.
        seen: Option<String>,
        /// The first record set aside, why, and where the text is kept.
        unreadable: Unreadable,
    },
    /// The storage cannot be used at all.
    Unavailable(StorageError),
}

/// Reads the saved scenarios, copying unreadable text aside.
pub fn load() -> Loaded {
    let stored = match read(STORAGE_KEY) {
        Ok(stored) => stored,
        Err(error) => return Loaded::Unavailable(error),
    };
    match Store::parse(stored.as_deref().unwrap_or_default()) {
        Ok(store) => match set_aside(&store, stored.as_deref()) {
            None => Loaded::Ready {
                store,
                seen: stored,
            },
            Some(unreadable) => Loaded::Partly {
                store,
                seen: stored,
                unreadable,
            },
        },
        Err(error) => {
            let raw = stored.unwrap_or_default();
            let backup = back_up(&raw);
            Loaded::Unreadable(Unreadable { error, raw, backup })
        }
    }
}

/// The saved scenarios and their text if they can be read now; `None` otherwise. Unlike
/// [`load`] this copies nothing aside: it serves to follow changes made in another tab, and
/// unreadable text is copied aside by the next [`commit`], which reads the storage again
/// whenever it no longer holds the text last seen.
pub fn reread() -> Option<(Store, Option<String>)> {
    let stored = read(STORAGE_KEY).ok()?;
    let store = Store::parse(stored.as_deref().unwrap_or_default()).ok()?;
    // Records set aside must be copied aside first: the next commit reads them again.
    store.set_aside.is_empty().then_some((store, stored))
}

/// When `store` set records aside: the first, why, and the stored text copied aside whole
/// (their own key, which nothing overwrites).
fn set_aside(store: &Store, stored: Option<&str>) -> Option<Unreadable> {
    let first = store.set_aside.first()?;
    let raw = stored.unwrap_or_default().to_owned();
    Some(Unreadable {
        error: first.error.clone(),
        backup: back_up(&raw),
        raw,
    })
}

/// Why an edit of the saved scenarios was not stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommitError {
    /// The edit itself was refused (empty name, store full…).
    Edit(EditError),
    /// The storage failed; what was stored before is unchanged.
    Storage(StorageError),
    /// What is stored now cannot be read and could not be copied aside, so it is not
    /// overwritten.
    Unreadable(Unreadable),
}

/// An edit that was stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Committed<T> {
    /// The store as now stored.
    pub store: Store,
    /// The text now stored.
    pub seen: String,
    /// What the edit returned (a new id…).
    pub value: T,
    /// Stored text found unreadable on the way and copied aside (written in another tab,
    /// or by hand), to report.
    pub recovered: Option<Unreadable>,
}

/// Applies `edit` to what is stored now and stores the result.
///
/// `known` and `seen` are the caller's store and the text it was read from: when the stored
/// text is still `seen`, `known` is used as is; otherwise the stored text is read again (a
/// save in another tab), and when that is unreadable it is copied aside first and `known` is
/// edited instead. Nothing is written when the copy fails.
pub fn commit<T>(
    known: &Store,
    seen: Option<&str>,
    edit: impl FnOnce(&Store) -> Result<(Store, T), EditError>,
) -> Result<Committed<T>, CommitError> {
    let stored = read(STORAGE_KEY).map_err(CommitError::Storage)?;
    let mut recovered = None;
    let base = if stored.as_deref() == seen {
        known.clone()
    } else {
        match Store::parse(stored.as_deref().unwrap_or_default()) {
            Ok(store) => match set_aside(&store, stored.as_deref()) {
                Some(unreadable) if unreadable.backup.is_err() => {
                    return Err(CommitError::Unreadable(unreadable));
                }
                Some(unreadable) => {
                    recovered = Some(unreadable);
                    store
                }
                None => store,
            },
            Err(error) => {
                let raw = stored.unwrap_or_default();
                let backup = back_up(&raw);
                let unreadable = Unreadable { error, raw, backup };
                if unreadable.backup.is_err() {
                    return Err(CommitError::Unreadable(unreadable));
                }
                recovered = Some(unreadable);
                known.clone()
            }
        }
    };
    let (store, value) = edit(&base).map_err(CommitError::Edit)?;
    let text = store.to_json();
    write(STORAGE_KEY, &text).map_err(CommitError::Storage)?;
    Ok(Committed {
        store,
        seen: text,
        value,
        recovered,
    })
}
