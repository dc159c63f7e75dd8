//! Reading a file the user picked.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;

/// The bytes of `file`; `None` if the browser cannot read it.
pub async fn read_file(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}
