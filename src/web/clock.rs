//! The clock and dates as the browser knows them: read only after the first render, so that
//! the prerendered first screen stays the same at every build.

use wasm_bindgen::JsValue;

use crate::core::lang::Lang;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// The latest time JavaScript dates reach (ms since the epoch).
const MAX_DATE_MS: u64 = 8_640_000_000_000_000;

/// A time (ms since the epoch) as an ISO string (for `<time datetime>`) and as the language writes it.
pub fn local_date_time(ms: u64, lang: Lang) -> Option<(String, String)> {
    if ms > MAX_DATE_MS {
        return None;
    }
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let shown = date.to_locale_string(lang.tag(), &options);
    Some((String::from(date.to_iso_string()), String::from(shown)))
}
