//! The iframe embed (`index.html?embed`): tells the parent page how tall the content is, so
//! the host can size the frame without scroll bars.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The `type` of the message the parent receives: `{ type, height }`.
pub const HEIGHT_MESSAGE: &str = "muchuan-funding-explorer:height";

/// Posts the content's height to the parent now and whenever `root` changes size. The message
/// carries only a number, so any parent origin may read it.
pub fn report_height_to_parent(root: &web_sys::Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let content = root.clone();
    let post = move || {
        // The content's own box, not the document's scroll height: that is never less than the
        // frame itself, so a frame could grow but never shrink. The gap above the content (the
        // page margin) is counted again below it.
        let scroll_y = web_sys::window()
            .and_then(|w| w.scroll_y().ok())
            .unwrap_or(0.0);
        let rect = content.get_bounding_client_rect();
        let height = (rect.bottom() + rect.top() + 2.0 * scroll_y)
            .ceil()
            .max(0.0);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    };
    let callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(root);
    }
    // The observer lives as long as the page.
    callback.forget();
}
