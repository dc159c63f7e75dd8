//! Reading back the SVG markup the charts write, for updating a drawing on screen in place
//! (`ui::live_svg`) rather than replacing it.
//!
//! The markup is one `<svg>` root whose children have no element children of their own, each
//! either self-closing (`<rect …/>`) or holding only text (`<text …>…</text>`, `<title>`,
//! `<desc>`), with attribute values in double quotes and `&lt;` `&gt;` `&amp;` `&quot;`
//! `&apos;` the only entities ([`crate::charts::text::escape_xml`]). Anything else reads as
//! `None`.

/// One element of the markup: its tag, attributes (values as written, still escaped), text
/// (as written) and the markup it was read from.
#[derive(Debug, PartialEq)]
pub struct Element<'a> {
    /// The tag name.
    pub tag: &'a str,
    /// Name and value of each attribute, in order; values as written (escaped).
    pub attributes: Vec<(&'a str, &'a str)>,
    /// The text inside, as written (escaped); `None` for a self-closing element.
    pub text: Option<&'a str>,
    /// The markup of the element (for the root, its start tag).
    pub source: &'a str,
}

/// The markup of the root's start tag and of each child element, found quickly (a few byte
/// searches an element, no attribute is read): what [`element`] then reads only for the
/// elements that changed. Escaping leaves no `<` or `>` in values or texts, so the first `>`
/// ends a tag and the first `<` after a start tag begins its end tag.
pub fn split(markup: &str) -> Option<(&str, Vec<&str>)> {
    let markup = markup.trim_start();
    let root_end = markup.find('>')? + 1;
    let root = &markup[..root_end];
    if !root.starts_with("<svg") || root.ends_with("/>") {
        return None;
    }
    let mut rest = &markup[root_end..];
    let mut children = Vec::new();
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("</svg>") {
            return after.trim().is_empty().then_some((root, children));
        }
        if !rest.starts_with('<') || rest.as_bytes().get(1) == Some(&b'/') {
            return None;
        }
        let tag_end = rest.find('>')? + 1;
        let end = if rest[..tag_end].ends_with("/>") {
            tag_end
        } else {
            let close = tag_end + rest[tag_end..].find('<')?;
            close + rest[close..].find('>')? + 1
        };
        children.push(&rest[..end]);
        rest = &rest[end..];
    }
}

/// The root `<svg>` element (its `source` is only its start tag) and its children.
pub fn parse(markup: &str) -> Option<(Element<'_>, Vec<Element<'_>>)> {
    let (root, children) = split(markup)?;
    let children = children.into_iter().map(element).collect::<Option<_>>()?;
    Some((start_tag(root)?.0, children))
}

/// One element: a start tag closing itself, or a start tag, text and the matching end tag.
pub fn element(source: &str) -> Option<Element<'_>> {
    let (mut element, closed) = start_tag(source)?;
    let rest = &source[element.source.len()..];
    if closed {
        return rest.is_empty().then_some(element);
    }
    let end = rest.find('<')?;
    let after = rest[end..]
        .strip_prefix("</")?
        .strip_prefix(element.tag)?
        .strip_prefix('>')?;
    if !after.is_empty() {
        return None;
    }
    element.text = Some(&rest[..end]);
    element.source = source;
    Some(element)
}

/// The root's start tag, as [`split`] gives it.
pub fn root(source: &str) -> Option<Element<'_>> {
    let (element, closed) = start_tag(source)?;
    (!closed && element.source.len() == source.len()).then_some(element)
}

/// The start tag at the beginning of `markup` (its `source` is the tag alone) and whether it
/// closes itself.
fn start_tag(markup: &str) -> Option<(Element<'_>, bool)> {
    let body = markup.strip_prefix('<')?;
    let name_end = body.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')?;
    let tag = &body[..name_end];
    if tag.is_empty() || !tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    let mut rest = &body[name_end..];
    let mut attributes = Vec::new();
    loop {
        rest = rest.trim_start();
        let closed = rest.starts_with("/>");
        if closed || rest.starts_with('>') {
            let length = markup.len() - rest.len() + if closed { 2 } else { 1 };
            let element = Element {
                tag,
                attributes,
                text: None,
                source: &markup[..length],
            };
            return Some((element, closed));
        }
        let equals = rest.find('=')?;
        let name = &rest[..equals];
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b':')
        {
            return None;
        }
        let value = rest[equals + 1..].strip_prefix('"')?;
        let close = value.find('"')?;
        attributes.push((name, &value[..close]));
        rest = &value[close + 1..];
    }
}

/// `text` with the five entities the charts write turned back into characters; `None` for
/// any other `&` or a `<`.
pub fn unescape(text: &str) -> Option<String> {
    if text.contains('<') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let entity = &rest[at..];
        let (character, length) = [
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&amp;", '&'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ]
        .iter()
        .find(|(name, _)| entity.starts_with(name))
        .map(|(name, c)| (*c, name.len()))?;
        out.push(character);
        rest = &entity[length..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::text::escape_xml;

    #[test]
    fn reads_every_chart_back() {
        let dataset = crate::core::validate::parse_dataset(crate::MUCHUAN_JSON.as_bytes())
            .expect("the built-in dataset is valid")
            .dataset;
        let scenario = crate::core::scenario::Scenario::baseline(&dataset);
        let totals = crate::core::totals::Totals::compute(&dataset, &scenario);
        for lang in crate::core::lang::Lang::ALL {
            for width in [280, 560, 1200] {
                let side = crate::charts::CompareSide {
                    scenario: &scenario,
                    totals: &totals,
                    label: "<A & \"B\">",
                };
                for chart in [
                    crate::charts::stream_bars(&dataset, &scenario, &totals, lang, width, "s"),
                    crate::charts::kind_shares(&dataset, &scenario, &totals, lang, width, "k"),
                    crate::charts::flow(&dataset, &scenario, &totals, lang, width, "f"),
                    crate::charts::compare_bars(&dataset, side, side, lang, width, "c"),
                ] {
                    let (root, children) = parse(&chart.svg).expect("the chart reads back");
                    assert_eq!(root.tag, "svg");
                    assert!(children.len() > 3, "{}", chart.svg);
                    assert_eq!(children[0].tag, "title");
                    assert_eq!(
                        children[0].text.and_then(unescape).as_deref(),
                        Some(chart.title.as_str())
                    );
                    for child in &children {
                        assert!(chart.svg.contains(child.source));
                        for (_, value) in &child.attributes {
                            assert!(unescape(value).is_some(), "{value}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn unescapes_what_escaping_wrote() {
        for text in ["plain", "<b>&'\"</b>", "&amp;lt;", "字 & 字", ""] {
            assert_eq!(unescape(&escape_xml(text)).as_deref(), Some(text));
        }
        assert_eq!(unescape("&nbsp;"), None);
        assert_eq!(unescape("a<b"), None);
    }

    #[test]
    fn refuses_other_markup() {
        assert!(parse("<svg><g><rect/></g></svg>").is_none());
        assert!(parse("<svg a='1'></svg>").is_none());
        assert!(parse("<svg></svg> trailing").is_none());
        assert!(parse("<svg>").is_none());
        let (root, children) =
            parse("<svg a=\"1\">\n<rect x=\"2\"/>\n<text>hi</text>\n</svg>\n").expect("reads");
        assert_eq!(root.attributes, vec![("a", "1")]);
        assert_eq!(children.len(), 2);
        assert_eq!(children[1].text, Some("hi"));
        assert_eq!(children[1].source, "<text>hi</text>");
        let (root, children) =
            split("<svg a=\"1\">\n<rect x=\"2\"/>\n<text>hi</text>\n</svg>\n").expect("splits");
        assert_eq!(root, "<svg a=\"1\">");
        assert_eq!(children, vec!["<rect x=\"2\"/>", "<text>hi</text>"]);
        assert!(element("<rect x=\"2\"/>trailing").is_none());
        assert!(element("<text>hi</tspan>").is_none());
    }
}
