//! Fetching a dataset file by URL (relative URLs resolve against the page), with limits: only
//! the origins a reach allows (checked before the request and again after redirects), at most
//! [`MAX_BYTES`] (by `Content-Length`, then while the body streams in), and at most
//! [`TIME_LIMIT_MS`] in all.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::validate::MAX_BYTES;
use crate::web::timer::Timeout;

/// How long a dataset may take to arrive, headers and body.
pub const TIME_LIMIT_MS: i32 = 20_000;

/// The page's setting that lets `?data=` reach other origins, as the site owner writes it in
/// `index.html`: `<meta name="muchuan-data-origins" content="https://a.example https://b.example">`.
const ORIGINS_META: &str = r#"meta[name="muchuan-data-origins"]"#;

/// Which URLs a fetch may reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// A URL from the page's address (`?data=`), which anyone can write into a link: `http(s)`
    /// on the page's own origin or one the page's own `muchuan-data-origins` setting lists.
    Page,
    /// A URL the host page's owner wrote (the element's `src`): wherever the browser's CORS
    /// rules let it go.
    Owner,
}

/// Why a dataset could not be fetched.
#[derive(Debug)]
pub enum FetchError {
    /// The browser refused or failed the request (network, CORS, bad URL).
    Network,
    /// The server answered with an error status.
    Status(u16),
    /// The URL (or where it redirected) is not one the reach allows.
    NotAllowed,
    /// The file is larger than [`MAX_BYTES`]; `bytes` is what was seen so far or announced.
    TooLarge {
        /// The size announced, or read before stopping.
        bytes: usize,
    },
    /// The file did not arrive within [`TIME_LIMIT_MS`].
    TimedOut,
}

/// A fetched file.
pub struct Fetched {
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Whether it is a CSV table (by its content type or its path's extension).
    pub csv: bool,
}

/// The origin of `url` (against the page) if `reach` allows it.
pub fn allowed_origin(url: &str, reach: Reach) -> Option<String> {
    let location = web_sys::window()?.location();
    let parsed = web_sys::Url::new_with_base(url, &location.href().ok()?).ok()?;
    if !matches!(parsed.protocol().as_str(), "http:" | "https:") {
        return None;
    }
    let origin = parsed.origin();
    let allowed = reach == Reach::Owner
        || origin == location.origin().ok()?
        || listed_origins().contains(&origin);
    allowed.then_some(origin)
}

/// The origins the page's own `muchuan-data-origins` setting lists.
fn listed_origins() -> Vec<String> {
    let content = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(ORIGINS_META).ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    content
        .split_whitespace()
        .filter_map(|origin| web_sys::Url::new(origin).ok())
        .filter(|url| matches!(url.protocol().as_str(), "http:" | "https:"))
        .map(|url| url.origin())
        .collect()
}

/// The file at `url`, fetched within `reach`, the size limit and the time limit.
pub async fn fetch_dataset(url: &str, reach: Reach) -> Result<Fetched, FetchError> {
    allowed_origin(url, reach).ok_or(FetchError::NotAllowed)?;
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let controller = web_sys::AbortController::new().map_err(|_| FetchError::Network)?;
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let _timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Timeout::start(TIME_LIMIT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let failed = |_| {
        if timed_out.get() {
            FetchError::TimedOut
        } else {
            FetchError::Network
        }
    };
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(failed)?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| FetchError::Network)?;
    // A redirect must not take a link's data off the origins allowed.
    if allowed_origin(&response.url(), reach).is_none() {
        controller.abort();
        return Err(FetchError::NotAllowed);
    }
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let headers = response.headers();
    let header = |name: &str| headers.get(name).ok().flatten().unwrap_or_default();
    let announced = header("content-length").trim().parse::<usize>().ok();
    if let Some(bytes) = announced.filter(|b| *b > MAX_BYTES) {
        controller.abort();
        return Err(FetchError::TooLarge { bytes });
    }
    let path = web_sys::Url::new(&response.url()).map_or_else(|_| String::new(), |u| u.pathname());
    let csv = header("content-type")
        .to_ascii_lowercase()
        .starts_with("text/csv")
        || path.to_ascii_lowercase().ends_with(".csv");
    let bytes = read_body(&response, &controller)
        .await
        .map_err(|error| match error {
            FetchError::Network if timed_out.get() => FetchError::TimedOut,
            other => other,
        })?;
    Ok(Fetched { bytes, csv })
}

/// The body of `response`, read chunk by chunk and abandoned once past [`MAX_BYTES`].
async fn read_body(
    response: &web_sys::Response,
    controller: &web_sys::AbortController,
) -> Result<Vec<u8>, FetchError> {
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader = body
        .get_reader()
        .dyn_into::<web_sys::ReadableStreamDefaultReader>()
        .map_err(|_| FetchError::Network)?;
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchError::Network)?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .map_err(|_| FetchError::Network)?
            .is_truthy();
        if done {
            return Ok(bytes);
        }
        let value =
            Reflect::get(&chunk, &JsValue::from_str("value")).map_err(|_| FetchError::Network)?;
        let part = value
            .dyn_into::<Uint8Array>()
            .map_err(|_| FetchError::Network)?;
        let size = bytes.len() + part.length() as usize;
        if size > MAX_BYTES {
            let _ = reader.cancel();
            controller.abort();
            return Err(FetchError::TooLarge { bytes: size });
        }
        bytes.extend(part.to_vec());
    }
}
