//! Component tests in headless Chromium: the Yew app rendered into a real DOM, driven by real
//! input events. Run with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::scenario::Scenario;
use muchuan_funding_explorer::core::validate::parse_dataset;
use muchuan_funding_explorer::ui::app::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Renders the explorer on the Muchuan data into a fresh element and waits for it.
async fn render(lang: Lang) -> Element {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("a div");
    document.body().expect("a body").append_child(&root).expect("appended");
    let dataset = Rc::new(parse_dataset(MUCHUAN_JSON.as_bytes()).expect("valid").dataset);
    let scenario = Scenario::baseline(&dataset);
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps { dataset, scenario, lang, notices: Vec::new(), standalone: false },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn input(root: &Element, selector: &str) -> HtmlInputElement {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .expect("an input")
}

/// Sets an input's value and fires the event a user's change would, bubbling as real ones do.
fn fire(element: &HtmlInputElement, value: &str, event: &str) {
    element.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(event, &init).expect("event");
    element.dispatch_event(&event).expect("dispatched");
}

#[wasm_bindgen_test]
async fn shows_the_seed_totals() {
    let root = render(Lang::ZhHans).await;
    assert_eq!(text(&root, "#total-grand"), "3,788万元");
    assert_eq!(text(&root, "#total-granted"), "1,758万元");
    assert_eq!(text(&root, "#total-sought"), "2,030万元");
    assert_eq!(root.query_selector_all(".stream").expect("rows").length(), 9);
    assert_eq!(root.query_selector_all("input[type=range]").expect("sliders").length(), 8);
}

#[wasm_bindgen_test]
async fn a_slider_moves_the_totals_and_its_label() {
    let root = render(Lang::ZhHans).await;
    let slider = input(&root, "#stream-0-slider");
    fire(&slider, "3730000", "input");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "#total-grand"), "3,888万元");
    assert_eq!(input(&root, "#stream-0-amount").value(), "373");
    assert_eq!(slider.get_attribute("aria-valuetext").as_deref(), Some("373万元"));
    assert_eq!(text(&root, "#stream-0-name ~ .badge"), "已落实");
}

#[wasm_bindgen_test]
async fn english_amounts_and_typed_yuan() {
    let root = render(Lang::En).await;
    assert_eq!(text(&root, "#total-grand"), "CNY 37.88 million");
    fire(&input(&root, "#stream-5-amount"), "1,300,000", "change");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "#total-sought"), "CNY 21.3 million");
}

#[wasm_bindgen_test]
async fn bad_typing_is_flagged_and_changes_nothing() {
    let root = render(Lang::ZhHans).await;
    let field = input(&root, "#stream-0-amount");
    fire(&field, "-5", "change");
    yew::scheduler::flush().await;
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(!text(&root, "#stream-0-error").is_empty());
    assert_eq!(text(&root, "#total-grand"), "3,788万元");
}
