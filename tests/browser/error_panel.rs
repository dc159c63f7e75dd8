//! The error panel (issue 8): a panic shows the panel, never a blank page, never markup.

use muchuan_funding_explorer::core::lang::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::Element;

use super::{fresh_root, has, render, text};

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
    let root = fresh_root();
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
