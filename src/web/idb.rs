//! A small IndexedDB helper: one object store of texts by key, where the dataset a planner
//! loaded is kept across reloads (`localStorage` holds the scenarios and is too small for a
//! 4 MB file). Every call can fail (storage off, private mode, quota): the caller says so and
//! keeps working with what it has in memory.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "muchuan-funding-explorer";
const STORE: &str = "datasets";

/// Why the browser's database could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdbError {
    /// There is no IndexedDB here (switched off, or refused in this frame or mode).
    Unavailable,
    /// The browser's quota for this site is used up.
    Quota,
    /// Another failure, with the browser's words for it.
    Failed(String),
}

impl IdbError {
    fn from_js(error: &JsValue) -> IdbError {
        match error.dyn_ref::<web_sys::DomException>() {
            Some(e) if e.name() == "QuotaExceededError" => IdbError::Quota,
            Some(e) if e.name() == "SecurityError" || e.name() == "InvalidStateError" => {
                IdbError::Unavailable
            }
            Some(e) => IdbError::Failed(format!("{}: {}", e.name(), e.message())),
            None => IdbError::Unavailable,
        }
    }
}

/// A promise settled by the request's success (with its result) or error.
fn request_done(request: &IdbRequest) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or_default());
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// A promise settled when the transaction is written (or aborted: a full quota shows here).
fn transaction_done(transaction: &IdbTransaction) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = transaction.clone();
        let on_abort = Closure::once_into_js(move || {
            let error = failed.error().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        transaction.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise)
}

async fn open() -> Result<IdbDatabase, IdbError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(IdbError::Unavailable)?;
    let request = factory
        .open_with_u32(DATABASE, 1)
        .map_err(|e| IdbError::from_js(&e))?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(database) = upgrading.result() {
            let database: IdbDatabase = database.unchecked_into();
            if !database.object_store_names().contains(STORE) {
                let _ = database.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let database = request_done(&request)
        .await
        .map_err(|e| IdbError::from_js(&e))?;
    Ok(database.unchecked_into())
}

/// Writes `value` under `key`, replacing what was there.
pub async fn put(key: &str, value: &str) -> Result<(), IdbError> {
    let database = open().await?;
    let fail = |e: JsValue| IdbError::from_js(&e);
    let transaction = database
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(fail)?;
    let store = transaction.object_store(STORE).map_err(fail)?;
    store
        .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
        .map_err(fail)?;
    // Closed once its transactions end, so that no connection of this page outlives its use.
    database.close();
    transaction_done(&transaction).await.map_err(fail)?;
    Ok(())
}

/// The text under `key`, if there is one.
pub async fn get(key: &str) -> Result<Option<String>, IdbError> {
    let database = open().await?;
    let fail = |e: JsValue| IdbError::from_js(&e);
    let transaction = database.transaction_with_str(STORE).map_err(fail)?;
    let store = transaction.object_store(STORE).map_err(fail)?;
    let request = store.get(&JsValue::from_str(key)).map_err(fail)?;
    database.close();
    let value = request_done(&request).await.map_err(fail)?;
    Ok(value.as_string())
}

/// Removes the text under `key`.
pub async fn delete(key: &str) -> Result<(), IdbError> {
    let database = open().await?;
    let fail = |e: JsValue| IdbError::from_js(&e);
    let transaction = database
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(fail)?;
    let store = transaction.object_store(STORE).map_err(fail)?;
    store.delete(&JsValue::from_str(key)).map_err(fail)?;
    // Closed once its transactions end, so that no connection of this page outlives its use.
    database.close();
    transaction_done(&transaction).await.map_err(fail)?;
    Ok(())
}
