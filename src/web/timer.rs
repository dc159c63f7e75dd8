//! One-shot browser timers that are cancelled when dropped.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// A callback the browser runs once after a delay, unless this is dropped first.
pub struct Timeout {
    handle: Option<i32>,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Runs `callback` once after `millis` milliseconds.
    pub fn start(millis: i32, callback: impl FnOnce() + 'static) -> Timeout {
        let callback = Closure::<dyn FnMut()>::once(callback);
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

/// Changes closer together than this (ms) are one burst: a slider being dragged, a key held.
pub const BURST_MS: f64 = 100.0;

/// Tells a change on its own (a click, a typed amount) from one in a burst, and holds the
/// callback that runs once a burst has paused.
pub struct Burst {
    last_change: f64,
    after_pause: Option<Timeout>,
}

impl Burst {
    /// No change yet.
    pub const fn new() -> Burst {
        Burst {
            last_change: f64::NEG_INFINITY,
            after_pause: None,
        }
    }

    /// Notes a change made now; `true` when it belongs to a burst, having come less than
    /// [`BURST_MS`] after the one before. A change on its own also drops what was waiting for
    /// the end of a burst: it supersedes it.
    pub fn note_change(&mut self) -> bool {
        let now = js_sys::Date::now();
        let in_burst = now - self.last_change < BURST_MS;
        self.last_change = now;
        if !in_burst {
            self.after_pause = None;
        }
        in_burst
    }

    /// Runs `callback` once the burst has paused for [`BURST_MS`], in place of the callback
    /// given for an earlier change of the burst.
    pub fn after_pause(&mut self, callback: impl FnOnce() + 'static) {
        self.after_pause = Some(Timeout::start(BURST_MS as i32, callback));
    }
}

impl Default for Burst {
    fn default() -> Burst {
        Burst::new()
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
    _after_frame: Rc<RefCell<Option<Idle>>>,
    _fallback: Timeout,
}

/// A callback shared by two timers, taken by whichever runs first.
type Once = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// A hidden tab draws no frames; the callback then runs after this many milliseconds.
const NO_FRAME_FALLBACK_MS: i32 = 200;

/// Runs `callback` once after the next frame is painted, when the browser is idle (an idle
/// callback asked for from the animation-frame callback, which runs before that paint), or
/// after [`NO_FRAME_FALLBACK_MS`] if no frame comes.
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
            *after_frame.borrow_mut() = Some(Idle::start(move || run(&once)));
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

/// A callback the browser runs once when it has nothing else to do, unless this is dropped
/// first: other tasks waiting (input, the page's own scripts) go before it. Where there is no
/// `requestIdleCallback` (Safari) it runs after a zero timeout.
pub struct Idle {
    handle: Option<u32>,
    _callback: Option<Closure<dyn FnMut()>>,
    _fallback: Option<Timeout>,
}

/// An idle callback runs after this many milliseconds at the latest, even on a busy page.
const IDLE_TIMEOUT_MS: u32 = 100;

impl Idle {
    /// Runs `callback` once when the browser is idle.
    pub fn start(callback: impl FnOnce() + 'static) -> Idle {
        let window = web_sys::window();
        let supported = window.as_ref().is_some_and(|window| {
            js_sys::Reflect::has(window, &JsValue::from_str("requestIdleCallback")).unwrap_or(false)
        });
        if !supported {
            return Idle {
                handle: None,
                _callback: None,
                _fallback: Some(Timeout::start(0, callback)),
            };
        }
        let callback = Closure::<dyn FnMut()>::once(callback);
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(IDLE_TIMEOUT_MS);
        let handle = window.and_then(|window| {
            window
                .request_idle_callback_with_options(callback.as_ref().unchecked_ref(), &options)
                .ok()
        });
        Idle {
            handle,
            _callback: Some(callback),
            _fallback: None,
        }
    }
}

impl Drop for Idle {
    fn drop(&mut self) {
        if let (Some(handle), Some(window)) = (self.handle, web_sys::window()) {
            window.cancel_idle_callback(handle);
        }
    }
}
