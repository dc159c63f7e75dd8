//! Component tests in headless Chromium: the Yew app rendered into a real DOM, driven by real
//! input events. Run with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::core::scenario::Scenario;
use muchuan_funding_explorer::core::validate::parse_dataset;
use muchuan_funding_explorer::ui::app::{App, AppProps};
use muchuan_funding_explorer::ui::headings::Levels;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

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

/// Renders the explorer with its title at the level `headings` gives.
async fn render_with_headings(lang: Lang, headings: Levels) -> Element {
    install_messages();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
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
    fire(&input(&root, "#stream-0-amount"), "2736000", "change");
    fire(&input(&root, "#stream-3-amount"), "19995000", "change");
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
    assert_eq!(input(&root, "#stream-0-amount").value(), "3130000");
    click_button(&root, "Undo");
    yew::scheduler::flush().await;
    assert_eq!(
        input(&root, "#stream-0-amount").value(),
        "3030000",
        "undo takes back the second drag only"
    );
    click_button(&root, "Undo");
    yew::scheduler::flush().await;
    assert_eq!(
        input(&root, "#stream-0-amount").value(),
        "2730000",
        "the first drag's three moves are one step"
    );
    click_button(&root, "Redo");
    yew::scheduler::flush().await;
    assert_eq!(input(&root, "#stream-0-amount").value(), "3030000");
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
    fire(&field, "2730001", "change");
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
        "20000000",
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

// ---- the error panel (issue 8: a panic shows the panel, never a blank page, never markup) ----

/// Text a panic message could carry from a dataset or a link: markup that would run if it
/// were ever parsed as HTML.
const HOSTILE_PANIC: &str = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>\u{202E}\"><b>bold</b>";

/// Waits `ms` milliseconds (a real timer, so queued tasks run).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("a timer");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("the timer fires");
}

fn pwned() -> wasm_bindgen::JsValue {
    let window = web_sys::window().expect("a window");
    js_sys::Reflect::get(&window, &"__pwned".into()).expect("readable")
}

/// Checks `root` holds the error panel, with `detail` as its literal text and no element a
/// hostile text could have smuggled in.
fn assert_panel(root: &Element, detail_contains: &str) {
    let panel = root
        .query_selector(".error-panel")
        .ok()
        .flatten()
        .expect("the error panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let detail = panel
        .query_selector("pre")
        .ok()
        .flatten()
        .expect("the detail");
    let shown = detail.text_content().unwrap_or_default();
    assert!(
        shown.contains(detail_contains),
        "the detail is the literal text: {shown}"
    );
    assert!(
        !has(&panel, "img, script, b"),
        "no markup from the message: {}",
        panel.inner_html()
    );
    assert!(has(&panel, "h2"));
    let reload = panel
        .query_selector("a.reload")
        .ok()
        .flatten()
        .expect("a reload link");
    assert!(
        reload
            .get_attribute("href")
            .is_some_and(|h| !h.contains("javascript"))
    );
    assert!(pwned().is_undefined(), "no payload ran");
}

#[wasm_bindgen_test]
fn the_start_failure_panel_shows_hostile_text_as_text() {
    let root = render_root();
    muchuan_funding_explorer::web::roots::add(&root);
    muchuan_funding_explorer::start::panic::show_start_failure(HOSTILE_PANIC);
    muchuan_funding_explorer::web::roots::remove(&root);
    assert_panel(&root, HOSTILE_PANIC);
    assert_eq!(
        root.child_element_count(),
        1,
        "the panel replaced the content"
    );
    root.remove();
}

/// A real panic, of the kind a bug in an event handler would cause: the module's panic hook
/// (installed as the page installs it) replaces every explorer on the page with the panel.
/// The panic is raised in a timer task of its own, so the trap it ends in (wasm32 panics
/// abort) unwinds nothing of the test harness. No test-only code is added to the app.
#[wasm_bindgen_test]
async fn a_real_panic_shows_the_error_panel_not_a_blank_page() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static FORCED: AtomicBool = AtomicBool::new(false);

    let root = render(Lang::En).await;
    assert_eq!(text(&root, "#total-grand"), "CNY 37.88 million");
    muchuan_funding_explorer::web::roots::add(&root);

    // The harness's hook reports failing tests; keep it for every panic but the forced one.
    // (A hook cannot be put back after a panic in wasm32: the thread counts as panicking from
    // then on, so the wrapper stays.)
    let harness = std::panic::take_hook();
    muchuan_funding_explorer::start::panic::install();
    let panel = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if FORCED.swap(false, Ordering::SeqCst) {
            panel(info);
        } else {
            harness(info);
        }
    }));

    FORCED.store(true, Ordering::SeqCst);
    let boom = wasm_bindgen::closure::Closure::once_into_js(forced_panic);
    web_sys::window()
        .expect("a window")
        .set_timeout_with_callback_and_timeout_and_arguments_0(boom.unchecked_ref(), 0)
        .expect("a timer");
    sleep(100).await;
    muchuan_funding_explorer::web::roots::remove(&root);

    assert!(!FORCED.load(Ordering::SeqCst), "the panic reached the hook");
    assert_panel(&root, HOSTILE_PANIC);
    assert_eq!(
        root.child_element_count(),
        1,
        "the explorer is replaced by the panel"
    );
    assert!(!has(&root, "#total-grand"), "no half-dead explorer is left");
    root.remove();
}

fn forced_panic() {
    panic!("forced by the test: {HOSTILE_PANIC}");
}

/// A fresh, empty element in the page.
fn render_root() -> Element {
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

/// `LiveSvg` patches a drawing in place: after each change the DOM equals the one the new
/// markup gives when put in whole, and unchanged elements are the same nodes.
#[wasm_bindgen_test]
async fn a_live_svg_patches_to_exactly_the_new_drawing() {
    use muchuan_funding_explorer::ui::live_svg::{LiveSvg, LiveSvgProps};

    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    let svg = |children: &[&str], height: u32| {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 {height}\" role=\"img\">\n{}\n</svg>\n",
            children.join("\n")
        )
    };
    let title = "<title id=\"t\">Chart &amp; &lt;title&gt;</title>";
    let bar = |w: u32| {
        format!("<rect x=\"0\" y=\"0\" width=\"{w}\" height=\"5\" opacity=\"1\" fill=\"#0072B2\"/>")
    };
    let label =
        |t: &str| format!("<text x=\"1\" y=\"2\" dy=\"0.76em\" fill=\"#1A1A1A\">\n{t}\n</text>");
    let steps: Vec<String> = vec![
        svg(&[title, &bar(10), &label("273万元"), &bar(20)], 50),
        // An attribute and a text change.
        svg(&[title, &bar(11), &label("274万元"), &bar(20)], 50),
        // An element added in the middle, the root's height changed.
        svg(
            &[
                title,
                &bar(11),
                &label("a &quot;b&quot; &apos;c&apos;"),
                &label("new"),
                &bar(20),
            ],
            60,
        ),
        // A tag changed in the middle, an attribute removed.
        svg(
            &[
                title,
                &bar(11),
                "<polyline fill=\"none\" points=\"1,2 3,4 \"/>",
                &label("new"),
                "<rect x=\"0\"/>",
            ],
            60,
        ),
        // Elements removed from the end and the start.
        svg(&[&label("only")], 20),
        // Not the charts' kind of markup: put in whole.
        "<svg><g><rect/></g></svg>".to_owned(),
        svg(&[title, &bar(3)], 20),
    ];
    let mut handle = yew::Renderer::<LiveSvg>::with_root_and_props(
        root.clone(),
        LiveSvgProps {
            svg: steps[0].clone().into(),
            class: "chart-svg".into(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let expected = document.create_element("div").expect("a div");
    for (index, step) in steps.iter().enumerate() {
        let kept = root.query_selector("svg > title").ok().flatten();
        handle.update(LiveSvgProps {
            svg: step.clone().into(),
            class: "chart-svg".into(),
        });
        yew::scheduler::flush().await;
        expected.set_inner_html(step);
        let shown = root.first_element_child().expect("the chart-svg div");
        assert_eq!(shown.class_name(), "chart-svg");
        // The same elements, attributes and texts; whitespace between elements may differ.
        let tight = |html: String| {
            let mut out = String::new();
            let mut pending = String::new();
            let mut after_tag = false;
            for c in html.chars() {
                if after_tag && c.is_whitespace() {
                    pending.push(c);
                    continue;
                }
                if c != '<' {
                    out.push_str(&pending);
                }
                pending.clear();
                after_tag = c == '>';
                out.push(c);
            }
            out
        };
        assert_eq!(
            tight(shown.inner_html()),
            tight(expected.inner_html()),
            "step {index}"
        );
        if index > 0 && index < 4 {
            let title_now = root.query_selector("svg > title").ok().flatten();
            assert!(
                kept.is_some() && title_now == kept,
                "step {index}: the title node was kept"
            );
        }
    }
    handle.destroy();
    root.remove();
}
