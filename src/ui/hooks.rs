//! Hooks shared by components.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

/// Widths are rounded to this many px, so resizing by a few px redraws nothing.
const WIDTH_STEP: i32 = 40;

/// The width of `node` in px, rounded down to [`WIDTH_STEP`], kept up to date on resizes;
/// `None` on the first render, before `node` is in the page. It is measured before the browser
/// paints, so a chart that waits for it is drawn once, at its real width.
#[hook]
pub fn use_container_width(node: NodeRef) -> Option<u32> {
    let width = use_state(|| None);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(element) = node.cast::<web_sys::Element>() {
                    let measured = element.client_width().max(WIDTH_STEP);
                    let rounded = (measured / WIDTH_STEP * WIDTH_STEP) as u32;
                    if *width != Some(rounded) {
                        width.set(Some(rounded));
                    }
                }
            };
            measure();
            let listener = Closure::<dyn Fn()>::new(measure);
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window
                    .add_event_listener_with_callback("resize", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(window) = window {
                    let _ = window.remove_event_listener_with_callback(
                        "resize",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    *width
}

/// `false` until the browser has painted the component's first render, then `true`: what is
/// rendered only once this is `true` does not delay the first paint.
#[hook]
pub fn use_painted() -> bool {
    let painted = use_state(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            let pending = crate::web::timer::after_paint(move || painted.set(true));
            move || drop(pending)
        });
    }
    *painted
}
