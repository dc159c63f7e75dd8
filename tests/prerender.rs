//! The prerendered first screen (`src/prerender.rs`): the source's figures in the HTML, nothing
//! a strict Content-Security-Policy would block, and Yew's hydration markers.

use muchuan_funding_explorer::core::lang::Lang;
use muchuan_funding_explorer::prerender::{PrerenderError, first_screen, into_page};
use muchuan_funding_explorer::start::muchuan;

#[test]
fn first_screen_holds_every_stream_the_totals_and_three_charts() {
    let html = first_screen();
    let dataset = muchuan();
    assert_eq!(dataset.streams.len(), 9);
    for stream in &dataset.streams {
        let name = stream.name.exact(Lang::ZhHans).expect("a Chinese name");
        assert!(html.contains(name), "{name} is missing");
    }
    assert_eq!(html.matches(r#"<li aria-labelledby="stream-"#).count(), 9);
    // Granted, sought and the grand total, in 万元 as the Chinese interface writes them.
    for total in ["1,758万元", "2,030万元", "3,788万元"] {
        assert!(html.contains(total), "{total} is missing");
    }
    // The three charts (beside them: the impact bar's strip and the sliders' marks).
    assert_eq!(
        html.matches(r#"role="img" aria-labelledby="chart-"#)
            .count(),
        3
    );
    assert!(html.contains(r#"lang="zh-Hans""#));
    // Hydration needs the component markers.
    assert!(html.starts_with("<!--<[muchuan_funding_explorer::ui::app::App]>-->"));
}

#[test]
fn first_screen_has_no_inline_style_or_script() {
    let html = first_screen();
    assert!(!html.contains("style="), "an inline style attribute");
    assert!(!html.contains("<style"), "an inline style sheet");
    assert!(!html.contains("<script"), "an inline script");
    let handler = html.split(" on").skip(1).any(|rest| {
        let name = rest.trim_start_matches(|c: char| c.is_ascii_lowercase());
        name.len() < rest.len() && name.starts_with('=')
    });
    assert!(!handler, "an inline event handler attribute");
}

#[test]
fn first_screen_is_marked_as_starting_and_is_the_same_every_time() {
    let html = first_screen();
    assert!(html.contains(r#"class="mfe-app mfe-starting""#));
    assert!(html.contains("正在载入交互工具……"));
    assert_eq!(html, first_screen());
}

#[test]
fn the_page_gets_the_first_screen_in_its_root_and_the_sentence_before_it() {
    let page = r#"<body><div id="mfe-root"></div></body>"#;
    let filled = into_page(page).expect("the page has an empty root");
    let root = filled
        .find(r#"<div id="mfe-root"><!--<["#)
        .expect("the root holds the app");
    let sentence = filled
        .find("<noscript>")
        .expect("a sentence for browsers without script");
    assert!(sentence < root);
    assert!(filled.ends_with("</div></body>"));
}

#[test]
fn a_page_without_an_empty_root_is_refused() {
    assert_eq!(
        into_page(r#"<div id="mfe-root">built before</div>"#),
        Err(PrerenderError::NoEmptyRoot)
    );
}
