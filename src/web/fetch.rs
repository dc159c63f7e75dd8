//! Fetching a dataset file by URL (relative URLs resolve against the page).

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a dataset could not be fetched.
#[derive(Debug)]
pub enum FetchError {
    /// The browser refused or failed the request (network, CORS, bad URL).
    Network,
    /// The server answered with an error status.
    Status(u16),
}

/// The bytes at `url`, fetched with the browser's CORS rules.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| FetchError::Network)?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| FetchError::Network)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| FetchError::Network)?)
        .await
        .map_err(|_| FetchError::Network)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
