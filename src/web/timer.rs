//! One-shot browser timers that are cancelled when dropped.

use std::cell::RefCell;
use std::rc::Rc;

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

/// A callback that runs once the browser has painted the page as it is now, unless this is
/// dropped first.
pub struct AfterPaint {
    frame: Option<i32>,
    _on_frame: Closure<dyn FnMut()>,
    _after_frame: Rc<RefCell<Option<Timeout>>>,
    _fallback: Timeout,
}

/// A callback shared by two timers, taken by whichever runs first.
type Once = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// A hidden tab draws no frames; the callback then runs after this many milliseconds.
const NO_FRAME_FALLBACK_MS: i32 = 200;

/// Runs `callback` once, just after the next frame is painted (a timer started from the
/// animation-frame callback, which runs before that paint), or after
/// [`NO_FRAME_FALLBACK_MS`] if no frame comes.
pub fn after_paint(callback: impl FnOnce() + 'static) -> AfterPaint {
    let once: Once = Rc::new(RefCell::new(Some(Box::new(callback))));
    let run = move |once: &Once| {
        let callback = once.borrow_mut().take();
        if let Some(callback) = callback {
            callback();
        }
    };
    let after_frame = Rc::new(RefCell::new(None));
    let on_frame = {
        let (once, after_frame) = (once.clone(), after_frame.clone());
        Closure::<dyn FnMut()>::new(move || {
            let once = once.clone();
            *after_frame.borrow_mut() = Some(Timeout::start(0, move || run(&once)));
        })
    };
    let frame = web_sys::window().and_then(|window| {
        window
            .request_animation_frame(on_frame.as_ref().unchecked_ref())
            .ok()
    });
    AfterPaint {
        frame,
        _on_frame: on_frame,
        _after_frame: after_frame,
        _fallback: Timeout::start(NO_FRAME_FALLBACK_MS, move || run(&once)),
    }
}

impl Drop for AfterPaint {
    fn drop(&mut self) {
        if let (Some(frame), Some(window)) = (self.frame, web_sys::window()) {
            let _ = window.cancel_animation_frame(frame);
        }
    }
}
