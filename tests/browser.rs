//! Component tests in headless Chromium: the Yew app rendered into a real DOM, driven by real
//! input events. Run with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::scenario::Scenario;
use muchuan_funding_explorer::core::validate::parse_dataset;
use muchuan_funding_explorer::ui::app::App;
use muchuan_funding_explorer::ui::app_props::AppProps;
use muchuan_funding_explorer::ui::headings::Levels;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

// The error panel, the chart's live SVG, the source line and the templates' file names, in
// files of their own under tests/browser/.
#[path = "browser/error_panel.rs"]
mod error_panel;
#[path = "browser/live_svg.rs"]
mod live_svg;
#[path = "browser/source_line.rs"]
mod source_line;
#[path = "browser/template_names.rs"]
mod template_names;

/// Renders the explorer on the Muchuan data into a fresh element and waits for it.
async fn render(lang: Lang) -> Element {
    render_with_headings(lang, Levels::default()).await
}

/// Installs the messages of every language, as the app would fetch them from `dist/` (the test
/// page serves no such files).
fn install_messages() {
    use muchuan_funding_explorer::i18n::catalogue::install;
    let files = [
        (
            Lang::En,
            include_str!(concat!(env!("OUT_DIR"), "/messages-en.json")),
        ),
        (
            Lang::ZhHant,
            include_str!(concat!(env!("OUT_DIR"), "/messages-zh-Hant.json")),
        ),
    ];
    for (lang, json) in files {
        install(lang, json).expect("the build's own messages");
    }
}

/// A fresh, empty element in the page.
fn fresh_root() -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    root
}

/// Renders the explorer with its title at the level `headings` gives.
async fn render_with_headings(lang: Lang, headings: Levels) -> Element {
    install_messages();
    let root = fresh_root();
    let dataset = Rc::new(
        parse_dataset(MUCHUAN_JSON.as_bytes())
            .expect("valid")
            .dataset,
    );
    let scenario = Scenario::baseline(&dataset);
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            dataset,
            scenario,
            lang,
            notices: Vec::new(),
            data_origin: None,
            standalone: false,
            own_page: false,
            compact: false,
            on_change: None,
            asset_base: "./".into(),
            on_ready: None,
            document_shortcuts: false,
            headings,
            first_screen: false,
            open: None,
        },
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

/// Whether an element matching `selector` is inside `root`.
fn has(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).ok().flatten().is_some()
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
    dispatch(element, event);
}

/// Fires `event` at `element`, bubbling as a user's would.
fn dispatch(element: &Element, event: &str) {
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
    assert_eq!(
        root.query_selector_all(".stream").expect("rows").length(),
        9
    );
    assert_eq!(
        root.query_selector_all("input[type=range]")
            .expect("sliders")
            .length(),
        8
    );
}

#[wasm_bindgen_test]
async fn headings_start_at_the_level_given_and_keep_their_look() {
    let tag = |root: &Element, id: &str| {
        root.query_selector(&format!("#{id}"))
            .ok()
            .flatten()
            .map(|e| e.tag_name())
    };
    let ids = [
        "programme-title",
        "totals-heading",
        "by-kind-heading",
        "stream-0-name",
    ];
    let own = render(Lang::En).await;
    let lowest = Levels::with_title_at(Levels::LOWEST_TITLE).expect("a level");
    let low = render_with_headings(Lang::En, lowest).await;
    let tags = |root: &Element| ids.map(|id| tag(root, id).unwrap_or_default());
    assert_eq!(tags(&own), ["H1", "H2", "H3", "H3"]);
    assert_eq!(tags(&low), ["H4", "H5", "H6", "H6"]);
    // The look follows the rank: the same classes at any level.
    let classes = |root: &Element| {
        ids.map(|id| {
            root.query_selector(&format!("#{id}"))
                .ok()
                .flatten()
                .map(|e| e.class_name())
                .unwrap_or_default()
        })
    };
    assert_eq!(classes(&own), classes(&low));
    assert_eq!(Levels::with_title_at(0), None);
    assert_eq!(Levels::with_title_at(Levels::LOWEST_TITLE + 1), None);
}

#[wasm_bindgen_test]
async fn a_slider_moves_the_totals_and_its_label() {
    let root = render(Lang::ZhHans).await;
    let slider = input(&root, "#stream-0-slider");
    fire(&slider, "3730000", "input");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "#total-grand"), "3,888万元");
    assert_eq!(input(&root, "#stream-0-amount").value(), "373");
    assert_eq!(
        slider.get_attribute("aria-valuetext").as_deref(),
        Some("373万元")
    );
    assert_eq!(text(&root, "#stream-0-name ~ .badge"), "已落实");
}

#[wasm_bindgen_test]
async fn the_grand_total_and_its_parts_add_up_as_written() {
    let root = render(Lang::En).await;
    // 17,586,000 granted and 20,295,000 sought: to 0.01 million they would read 17.59 + 20.3,
    // which is not the 37.88 million of their sum, so every figure is written exact.
    // Written with their unit: a bare number in yuan moves in whole 万.
    fire(&input(&root, "#stream-0-amount"), "CNY 2736000", "change");
    fire(&input(&root, "#stream-3-amount"), "1999.5万", "change");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "#total-grand"), "CNY 37,881,000");
    assert_eq!(text(&root, "#total-granted"), "CNY 17,586,000");
    assert_eq!(text(&root, "#total-sought"), "CNY 20,295,000");
    assert_eq!(
        text(&root, ".figure.grand .note"),
        "that is, CNY 17,586,000 granted plus CNY 20,295,000 still being sought"
    );
    fire(&input(&root, "#stream-0-amount"), "2730000", "change");
    fire(&input(&root, "#stream-3-amount"), "20000000", "change");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "#total-grand"), "CNY 37.88 million");
    assert_eq!(
        text(&root, ".figure.grand .note"),
        "that is, CNY 17.58 million granted plus CNY 20.3 million still being sought"
    );
}

#[wasm_bindgen_test]
async fn traditional_chinese_writes_amounts_in_its_characters() {
    let root = render(Lang::ZhHant).await;
    assert_eq!(text(&root, "#total-grand"), "3,788萬元");
    assert_eq!(
        input(&root, "#stream-0-slider")
            .get_attribute("aria-valuetext")
            .as_deref(),
        Some("273萬元")
    );
}

/// Clicks the button whose text is `label`.
fn click_button(root: &Element, label: &str) {
    let buttons = root.query_selector_all("button").expect("buttons");
    let button = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| b.text_content().as_deref().map(str::trim) == Some(label))
        .expect("the button");
    button.click();
}

#[wasm_bindgen_test]
async fn one_drag_of_a_slider_is_one_undo_step() {
    let root = render(Lang::En).await;
    let slider = input(&root, "#stream-0-slider");
    for amount in ["2830000", "2930000", "3030000"] {
        fire(&slider, amount, "input");
        yew::scheduler::flush().await;
    }
    fire(&slider, "3030000", "change");
    fire(&slider, "3130000", "input");
    fire(&slider, "3130000", "change");
    yew::scheduler::flush().await;
    assert_eq!(input(&root, "#stream-0-amount").value(), "3,130,000");
    click_button(&root, "Undo");
    yew::scheduler::flush().await;
    assert_eq!(
        input(&root, "#stream-0-amount").value(),
        "3,030,000",
        "undo takes back the second drag only"
    );
    click_button(&root, "Undo");
    yew::scheduler::flush().await;
    assert_eq!(
        input(&root, "#stream-0-amount").value(),
        "2,730,000",
        "the first drag's three moves are one step"
    );
    click_button(&root, "Redo");
    yew::scheduler::flush().await;
    assert_eq!(input(&root, "#stream-0-amount").value(), "3,030,000");
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
async fn a_change_too_small_for_a_tenth_of_a_percent_keeps_its_sign() {
    let root = render(Lang::En).await;
    let field = input(&root, "#stream-0-amount");
    // Odd yuan, written with the unit; the stream then holds odd yuan and takes bare yuan.
    fire(&field, "CNY 2730001", "change");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "#total-delta"), "+CNY 1 (+<0.1%)");
    fire(&field, "2729999", "change");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "#total-delta"), "-CNY 1 (-<0.1%)");
    fire(&field, "2830000", "change");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "#total-delta"), "+CNY 100,000 (+0.3%)");
}

#[wasm_bindgen_test]
async fn a_slider_that_cannot_grow_in_a_fixed_pool_says_why() {
    let root = render(Lang::En).await;
    let pool = input(&root, "#mode-pool");
    pool.set_checked(true);
    fire(&pool, "on", "change");
    yew::scheduler::flush().await;
    assert!(!has(&root, "#stream-0-stuck"));
    // Lock every other stream that has an amount (stream 2 has none).
    for stream in [1, 3, 4, 5, 6, 7, 8] {
        let lock = input(&root, &format!("#stream-{stream}-lock"));
        lock.set_checked(true);
        fire(&lock, "on", "change");
        yew::scheduler::flush().await;
    }
    assert_eq!(
        text(&root, "#stream-0-stuck"),
        "Fixed pool: every other stream is locked or has no money, so this one cannot grow"
    );
    assert_eq!(
        input(&root, "#stream-0-slider")
            .get_attribute("aria-describedby")
            .as_deref(),
        Some("stream-0-scale stream-0-stuck")
    );
}

#[wasm_bindgen_test]
async fn a_sought_streams_card_says_what_the_grand_total_takes_of_it() {
    let root = render(Lang::En).await;
    let outcome = root
        .query_selector("#stream-3-outcome")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        .expect("the training base's outcome");
    let choose = |value: &str| {
        outcome.set_value(value);
        dispatch(&outcome, "change");
    };
    assert!(
        !has(&root, "#stream-3-added"),
        "pending and counted: all of it"
    );
    choose("refused");
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, "#stream-3-added"),
        "Counted in the grand total: CNY 0"
    );
    assert_eq!(
        outcome.get_attribute("aria-describedby").as_deref(),
        Some("stream-3-added")
    );
    assert_eq!(
        input(&root, "#stream-3-amount").value(),
        "20,000,000",
        "as planned"
    );
    choose("partial");
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, "#stream-3-added"),
        "Counted in the grand total: CNY 10 million"
    );
    choose("granted");
    yew::scheduler::flush().await;
    assert!(!has(&root, "#stream-3-added"));
    assert_eq!(outcome.get_attribute("aria-describedby"), None);
    // Pending again, with sought money left out of the grand total.
    choose("pending");
    let count_sought = input(&root, "#count-sought");
    count_sought.set_checked(false);
    dispatch(&count_sought, "change");
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, "#stream-3-added"),
        "Counted in the grand total: CNY 0"
    );
    assert_eq!(text(&root, "#total-grand"), "CNY 17.58 million");
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

    // In English each message says what the field takes, and the limit in digits.
    let root = render(Lang::En).await;
    let field = input(&root, "#stream-0-amount");
    fire(&field, "-5", "change");
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, "#stream-0-error"),
        "Enter a whole number of yuan, zero or more, e.g. 2,730,000"
    );
    fire(&field, "1000000000000001", "change");
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, "#stream-0-error"),
        "That is too large: amounts go up to CNY 1,000,000,000,000,000"
    );
    assert_eq!(text(&root, "#total-grand"), "CNY 37.88 million");
}
