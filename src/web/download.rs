//! Files made in the page and handed to the browser as downloads: a `Blob`, an object URL and a
//! clicked `<a download>`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// How long an object URL stays valid after its download starts (ms). Revoking it at once can
/// cancel the download in some browsers.
const REVOKE_AFTER_MS: i32 = 60_000;

/// Offers `contents` as a file named `file_name` of type `mime` (UTF-8; a leading byte-order
/// mark in `contents` is kept).
pub fn download_text(file_name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    download_blob(file_name, &text_blob(mime, contents)?)
}

/// `contents` as a blob of type `mime`.
pub fn text_blob(mime: &str, contents: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Offers `blob` as a file named `file_name`.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    // Some browsers only follow a link that is in the document.
    let parent = document.body();
    if let Some(body) = &parent {
        body.append_child(&anchor)?;
    }
    anchor.click();
    if parent.is_some() {
        anchor.remove();
    }
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(
        revoke.unchecked_ref(),
        REVOKE_AFTER_MS,
    )?;
    Ok(())
}

/// A file name made of `stem` and a planner's `name`: letters and digits of any script, `+`,
/// `%` and a decimal point between digits are kept (`科技+200`, `40%`, `1.5`: a name's figures
/// keep their meaning), everything else becomes `-`, at most 60 characters of the name;
/// `stem.ext` when nothing is left.
pub fn file_name(stem: &str, name: &str, ext: &str) -> String {
    let chars: Vec<char> = name.chars().take(60).collect();
    let mut safe = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = |c: char| {
            i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                && c == '.'
        };
        if c.is_alphanumeric() || c == '+' || c == '%' || between_digits(c) {
            safe.push(c);
        } else if !safe.ends_with('-') && !safe.is_empty() {
            safe.push('-');
        }
    }
    let safe = safe.trim_end_matches('-');
    if safe.is_empty() {
        format!("{stem}.{ext}")
    } else {
        format!("{stem}-{safe}.{ext}")
    }
}

/// A file's name without its extension (`马边县.csv` → `马边县`), to name a file made from it.
pub fn without_extension(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && (1..=4).contains(&ext.len()) => stem,
        _ => name,
    }
}

/// Today in the browser's time zone, read when a file or the report is made (never while the
/// first screen renders, which must not depend on the clock).
pub fn today() -> crate::core::export::Day {
    let now = js_sys::Date::new_0();
    crate::core::export::Day {
        year: u16::try_from(now.get_full_year()).unwrap_or(0),
        month: u8::try_from(now.get_month() + 1).unwrap_or(1),
        day: u8::try_from(now.get_date()).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_keeps_the_figures_of_a_name() {
        assert_eq!(
            file_name("沐川资金方案", "方案A：科技+200，实训基地获批40%", "png"),
            "沐川资金方案-方案A-科技+200-实训基地获批40%.png"
        );
        assert_eq!(file_name("x", "增加 1.5 倍.", "csv"), "x-增加-1.5-倍.csv");
        assert_eq!(file_name("x", "a/b\\c:d", "csv"), "x-a-b-c-d.csv");
        assert_eq!(file_name("x", "…", "json"), "x.json");
        assert_eq!(without_extension("马边县.csv"), "马边县");
        assert_eq!(without_extension("a.b.json"), "a.b");
        assert_eq!(without_extension(".csv"), ".csv");
        assert_eq!(without_extension("沐川 2025"), "沐川 2025");
    }
}
