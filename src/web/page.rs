//! Small reads and writes of the page: elements, the URL's query, the browser's languages.

use wasm_bindgen::JsCast;

use crate::core::lang::Lang;
use crate::core::share_link;
use crate::web::timer::Burst;

/// The element with `id` in the document.
pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The value of `name` in the page URL's query string (`?lang=en`).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// The first of the browser's preferred languages that the explorer speaks.
pub fn browser_lang() -> Option<Lang> {
    let languages = web_sys::window()?.navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    Lang::negotiate(tags.iter().map(String::as_str))
}

/// Sets `<html lang>` so that screen readers and fonts follow the interface language, and the
/// page title to the explorer's name in it.
pub fn set_document_lang(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
    // The tab and the bookmark name the explorer in the language on screen.
    document.set_title(&crate::i18n::text(lang, "app.name"));
}

/// Puts `lang` in the address's `lang` parameter (the rest of the address kept, no history
/// entry), so that a reload or a copy of the address opens in the language on screen.
pub fn set_query_lang(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) =
        (location.pathname(), location.search(), location.hash())
    else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    if params.get("lang").as_deref() == Some(lang.tag()) {
        return;
    }
    params.set("lang", lang.tag());
    let url = format!("{path}?{}{hash}", String::from(params.to_string()));
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Whether a key event comes from a field where typing has its own undo (text, number).
pub fn is_text_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| matches!(input.type_().as_str(), "text" | "number"))
}

/// Marks the page as started (`data-ready` on `<html>`), for tests and embedding hosts.
pub fn mark_ready(lang: Lang) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("data-ready", lang.tag());
    }
}

/// The page URL's fragment without its `#`, if it has one.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let hash = hash.trim_start_matches('#');
    // The browser percent-encodes what is not ASCII (a pasted `。` is `%E3%80%82`), and a
    // mail program may encode `;` too: read the link as it was written, or as it is when it
    // is no valid encoding.
    let decoded = js_sys::decode_uri_component(hash).map_or_else(|_| hash.to_owned(), String::from);
    (!decoded.is_empty()).then_some(decoded)
}

thread_local! {
    /// The changes whose links go into the address bar.
    static FRAGMENT_CHANGES: std::cell::RefCell<Burst> = const { std::cell::RefCell::new(Burst::new()) };
}

/// Sets the fragment that `fragment` makes: at once for a change on its own (a click, a typed
/// amount, a choice), so the address bar holds a link to what is on screen; for a change in a
/// burst (less than [`BURST_MS`](crate::web::timer::BURST_MS) after the one before), once the
/// burst has paused that long, with the link of its last change. Replacing the URL on every
/// frame of a slider drag cost several milliseconds a frame (the browser also throttles frequent
/// calls); this way a drag writes its link once, when the hand stops, and the link is only made
/// then.
pub fn set_fragment_soon(fragment: impl FnOnce() -> String + 'static) {
    FRAGMENT_CHANGES.with(|changes| {
        let mut changes = changes.borrow_mut();
        if changes.note_change() {
            changes.after_pause(move || set_fragment(&fragment()));
        } else {
            set_fragment(&fragment());
        }
    });
}

/// Replaces the URL's fragment without adding a history entry or scrolling: the address bar
/// always holds a link to what is on screen.
pub fn set_fragment(fragment: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    // A scenario longer than a link may be is kept in this tab instead, so that a reload
    // keeps it; the address then holds no link rather than one the app would refuse.
    let fits = fragment.len() <= share_link::MAX_LINK_BYTES;
    keep_in_tab((!fits).then_some(fragment));
    let url = if fits {
        format!("{path}{search}#{fragment}")
    } else {
        format!("{path}{search}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The key the scenario on screen is kept under in this tab when no link can carry it: one per
/// page and dataset (`?data=`), whatever the language.
fn kept_key() -> Option<String> {
    let path = web_sys::window()?.location().pathname().ok()?;
    let data = query_param("data").unwrap_or_default();
    Some(format!(
        "muchuan-funding-explorer.on-screen:{path}?data={data}"
    ))
}

/// Keeps `link` in the tab's `sessionStorage` (or forgets the one kept, for `None`). Storage
/// that cannot be used (a sandboxed frame) keeps nothing.
fn keep_in_tab(link: Option<&str>) {
    let (Some(key), Some(storage)) = (
        kept_key(),
        web_sys::window().and_then(|w| w.session_storage().ok().flatten()),
    ) else {
        return;
    };
    let _ = match link {
        Some(link) => storage.set_item(&key, link),
        None => storage.remove_item(&key),
    };
}

/// The scenario kept in this tab by [`set_fragment`] when no link could carry it.
pub fn kept_in_tab() -> Option<String> {
    let storage = web_sys::window()?.session_storage().ok().flatten()?;
    storage.get_item(&kept_key()?).ok().flatten()
}

/// The language `<html lang>` names, or the default.
pub fn document_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// A listener for an event on the window, removed when this is dropped.
pub struct WindowListener {
    window: Option<web_sys::Window>,
    event: &'static str,
    callback: wasm_bindgen::closure::Closure<dyn Fn(web_sys::Event)>,
}

/// Calls `handler` on every `event` the window receives, until the returned value is dropped.
pub fn listen_window(
    event: &'static str,
    handler: impl Fn(web_sys::Event) + 'static,
) -> WindowListener {
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(handler);
    let window = web_sys::window();
    if let Some(window) = &window {
        let _ = window.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
    }
    WindowListener {
        window,
        event,
        callback,
    }
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        if let Some(window) = &self.window {
            let _ = window.remove_event_listener_with_callback(
                self.event,
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}

/// A watch on an element's size, stopped when this is dropped.
pub struct SizeListener {
    observer: Option<web_sys::ResizeObserver>,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for SizeListener {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}

/// Calls `handler` once `element` is laid out and again whenever its size changes (a window
/// resize, or its stylesheet arriving after it was first rendered, as in the custom element's
/// shadow root), until the returned value is dropped. `handler` runs in a task of its own after
/// the browser reports the size: a change it makes to the page is laid out in the next frame,
/// not in the frame that reported the size (that would be a "ResizeObserver loop" error).
pub fn listen_size(element: &web_sys::Element, handler: impl Fn() + 'static) -> SizeListener {
    let handler = std::rc::Rc::new(handler);
    // The task not yet run; a newer size report replaces (and cancels) it.
    let mut pending: Option<crate::web::timer::Timeout> = None;
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let handler = handler.clone();
        let next = crate::web::timer::Timeout::start(0, move || handler());
        drop(pending.replace(next));
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
    if let Some(observer) = &observer {
        observer.observe(element);
    }
    SizeListener {
        observer,
        _callback: callback,
    }
}
