//! A one-shot browser timer that is cancelled when dropped.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// A callback the browser runs once after a delay, unless this is dropped first.
pub struct Timeout {
    handle: Option<i32>,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Runs `callback` once after `millis` milliseconds.
    pub fn start(millis: i32, callback: impl FnOnce() + 'static) -> Timeout {
        let mut once = Some(callback);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(callback) = once.take() {
                callback();
            }
        });
        let handle = web_sys::window().and_then(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    callback.as_ref().unchecked_ref(),
                    millis,
                )
                .ok()
        });
        Timeout {
            handle,
            _callback: callback,
        }
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let (Some(handle), Some(window)) = (self.handle, web_sys::window()) {
            window.clear_timeout_with_handle(handle);
        }
    }
}
