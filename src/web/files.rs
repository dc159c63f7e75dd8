//! Reading a file the user picked.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;

/// The file picked in the file field an `event` (its `change`) came from, the field then
/// cleared, so that picking the same file again (once fixed) reads it again.
pub fn take_picked(event: &web_sys::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input = event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let file = input.files().and_then(|files| files.get(0))?;
    input.set_value("");
    Some(file)
}

/// The bytes of `file`; `None` if the browser cannot read it.
pub async fn read_file(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}

/// The text of a file that is not UTF-8, read as GB18030 (what Excel and WPS write as plain
/// "CSV" on a Chinese computer: GBK, of which GB18030 is the superset), by the browser's own
/// decoder; `None` for UTF-8 (with or without a byte-order mark), left to the core as it is.
pub fn decode_legacy(bytes: &[u8]) -> Option<String> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if std::str::from_utf8(body).is_ok() {
        return None;
    }
    let decoder = web_sys::TextDecoder::new_with_label("gb18030").ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}
