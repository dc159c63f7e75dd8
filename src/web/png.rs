//! A PNG drawn by the browser from an SVG: the SVG loaded as an image, painted on a canvas at a
//! scale (2 for a sharp picture on a projector or a high-density screen), saved with `toBlob`.
//! No PNG encoder in the WebAssembly: the browser has one.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::web::download::{download_blob, text_blob};

/// Told once whether the file was offered.
type Done = Rc<RefCell<Option<Box<dyn FnOnce(bool)>>>>;

fn finish(done: &Done, offered: bool) {
    if let Some(tell) = done.borrow_mut().take() {
        tell(offered);
    }
}

/// Offers `svg` (of `width` × `height` px) as a PNG named `file_name`, `scale` times its size;
/// `done` is told whether it was offered (an SVG the browser cannot draw is not).
pub fn download_png(
    file_name: String,
    svg: &str,
    (width, height): (u32, u32),
    scale: u32,
    done: impl FnOnce(bool) + 'static,
) {
    let done: Done = Rc::new(RefCell::new(Some(Box::new(done))));
    if start(
        file_name,
        svg,
        (width * scale, height * scale),
        done.clone(),
    )
    .is_err()
    {
        finish(&done, false);
    }
}

fn start(file_name: String, svg: &str, size: (u32, u32), done: Done) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(&text_blob("image/svg+xml", svg)?)?;
    let image = web_sys::HtmlImageElement::new()?;
    let on_error = {
        let done = done.clone();
        let url = url.clone();
        Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
            finish(&done, false);
        })
    };
    let on_load = {
        let image = image.clone();
        let url = url.clone();
        Closure::once_into_js(move || {
            let drawn = paint(&image, size, file_name, done.clone());
            let _ = web_sys::Url::revoke_object_url(&url);
            if drawn.is_err() {
                finish(&done, false);
            }
        })
    };
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

/// Paints the loaded `image` on a canvas of `size` and offers the canvas as a PNG.
fn paint(
    image: &web_sys::HtmlImageElement,
    (width, height): (u32, u32),
    file_name: String,
    done: Done,
) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()?;
    context.draw_image_with_html_image_element_and_dw_and_dh(
        image,
        0.0,
        0.0,
        f64::from(width),
        f64::from(height),
    )?;
    let saved = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        let offered = blob.is_some_and(|blob| download_blob(&file_name, &blob).is_ok());
        finish(&done, offered);
    });
    canvas.to_blob(saved.unchecked_ref())
}
