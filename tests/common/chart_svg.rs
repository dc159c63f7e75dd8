//! Reading the charts' SVG and making the scenarios they draw: shared by the chart tests
//! (included with `#[path]`).

use std::collections::HashMap;

use muchuan_funding_explorer::MUCHUAN_JSON;
use muchuan_funding_explorer::core::dataset::Dataset;
use muchuan_funding_explorer::core::scenario::{Action, Scenario};
use muchuan_funding_explorer::core::validate::parse_dataset;

pub fn muchuan() -> Dataset {
    parse_dataset(MUCHUAN_JSON.as_bytes())
        .expect("the built-in dataset is valid")
        .dataset
}

/// The attributes of every `<tag …/>` element.
pub fn elements(svg: &str, tag: &str) -> Vec<HashMap<String, String>> {
    let open = format!("<{tag} ");
    svg.match_indices(&open)
        .map(|(start, _)| {
            let rest = &svg[start + open.len()..];
            let end = rest.find('>').unwrap_or(rest.len());
            let mut attributes = HashMap::new();
            let mut body = &rest[..end];
            while let Some(eq) = body.find("=\"") {
                let key = body[..eq].trim().to_owned();
                let after = &body[eq + 2..];
                let close = after.find('"').unwrap_or(after.len());
                attributes.insert(key, after[..close].to_owned());
                body = &after[(close + 1).min(after.len())..];
            }
            attributes
        })
        .collect()
}

/// The text content of every `<text>` element, as written (escaped).
pub fn texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|part| {
            let start = part.find('>')? + 1;
            let end = part.find("</text>")?;
            Some(part[start..end].trim().to_owned())
        })
        .collect()
}

pub fn number(attributes: &HashMap<String, String>, key: &str) -> f64 {
    attributes
        .get(key)
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

/// Widths of the solid scenario bars (14 px tall, primary colour), top to bottom.
pub fn scenario_bar_widths(svg: &str) -> Vec<f64> {
    elements(svg, "rect")
        .iter()
        .filter(|r| r.get("fill").map(String::as_str) == Some("#0072B2"))
        .filter(|r| number(r, "height") == 14.0)
        .map(|r| number(r, "width"))
        .collect()
}

pub fn set_amount(dataset: &Dataset, scenario: &Scenario, stream: &str, amount: i64) -> Scenario {
    let stream = dataset.stream_index(stream).expect("stream exists");
    scenario
        .apply(dataset, Action::SetAmount { stream, amount })
        .expect("amount applies")
}

/// Text as plotters escapes it.
pub fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}
