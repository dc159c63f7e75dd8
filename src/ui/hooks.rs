//! Hooks shared by components.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

/// Widths are rounded to this many px, so resizing by a few px redraws nothing.
const WIDTH_STEP: i32 = 40;

/// The width of `node` in px, rounded down to [`WIDTH_STEP`], kept up to date on resizes.
#[hook]
pub fn use_container_width(node: NodeRef, initial: u32) -> u32 {
    let width = use_state(|| initial);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(element) = node.cast::<web_sys::Element>() {
                    let measured = element.client_width().max(WIDTH_STEP);
                    let rounded = (measured / WIDTH_STEP * WIDTH_STEP) as u32;
                    if rounded != *width {
                        width.set(rounded);
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
