//! The error panel: a panic or a failed start shows what went wrong and a reload button,
//! never a blank page. Built with plain DOM calls, since after a panic the app is gone.

use crate::i18n::text;

/// Installs the panic hook that shows the error panel (through Yew, which would otherwise
/// replace any hook with its own when an app is rendered).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        web_sys::console::error_1(&format!("panicked: {message}{place}").into());
        show_panel(&format!("{message}{place}"));
    }));
}

/// Shows the error panel for a start that failed without a panic.
pub fn show_start_failure(reason: &str) {
    web_sys::console::error_1(&format!("could not start: {reason}").into());
    show_panel(reason);
}

/// Replaces the app's content with the panel. Text goes in through `textContent`, so nothing
/// in a message can become markup.
fn show_panel(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = crate::web::page::document_lang();
    let build = || -> Option<web_sys::Element> {
        let panel = document.create_element("div").ok()?;
        panel.set_class_name("error-panel");
        panel.set_attribute("role", "alert").ok()?;
        let heading = document.create_element("h2").ok()?;
        heading.set_text_content(Some(&text(lang, "error.heading")));
        let explain = document.create_element("p").ok()?;
        explain.set_text_content(Some(&text(lang, "error.explain")));
        let details = document.create_element("pre").ok()?;
        details.set_class_name("error-detail");
        details.set_text_content(Some(detail));
        // A link back to this page reloads it without needing any of this module's code,
        // which may never run again after a panic.
        let reload = document.create_element("a").ok()?;
        reload.set_class_name("button reload");
        reload.set_attribute("href", &reload_href()).ok()?;
        reload.set_text_content(Some(&text(lang, "error.reload")));
        for child in [&heading, &explain, &details, &reload] {
            panel.append_child(child).ok()?;
        }
        Some(panel)
    };
    let Some(panel) = build() else {
        return;
    };
    let roots = crate::web::roots::all();
    if roots.is_empty() {
        if let Some(body) = document.body() {
            let _ = body.append_child(&panel);
        }
        return;
    }
    for root in roots {
        root.set_text_content(None);
        if let Ok(copy) = panel.clone_node_with_deep(true) {
            let _ = root.append_child(&copy);
        }
    }
}

/// This page's address without its fragment: following it loads the page afresh.
fn reload_href() -> String {
    web_sys::window()
        .map(|w| w.location())
        .and_then(|l| Some(format!("{}{}", l.pathname().ok()?, l.search().ok()?)))
        .unwrap_or_else(|| "./".to_owned())
}
