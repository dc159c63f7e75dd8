//! `LiveSvg`, the component that draws a chart's SVG and patches it in place.

use wasm_bindgen_test::wasm_bindgen_test;

/// `LiveSvg` patches a drawing in place: after each change the DOM equals the one the new
/// markup gives when put in whole, and unchanged elements are the same nodes.
#[wasm_bindgen_test]
async fn a_live_svg_patches_to_exactly_the_new_drawing() {
    use muchuan_funding_explorer::ui::live_svg::{LiveSvg, LiveSvgProps};

    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = super::fresh_root();
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
