//! An SVG drawing that is updated in place.
//!
//! The charts arrive as SVG markup. Putting new markup into the page makes the browser parse the
//! whole drawing again and lay out every text in it: on the 2-core machines this was most of a
//! slider move (2–4 ms a chart, every chart changing on every move). This component compares the
//! new markup with the markup on screen element by element and changes only what differs: a move
//! that lengthens two bars and rewrites three labels sets a few attributes and texts.
//!
//! It reads the markup with [`crate::charts::markup`]. The first drawing goes in as markup while
//! the page is rendered (so the first paint already shows it); later ones patch that drawing.
//! Markup that does not read, or a page that no longer matches what was drawn, is handed back
//! to Yew, which replaces the drawing whole.

use yew::prelude::*;

use crate::charts::markup::{self, Element, element, split, unescape};

/// Props of [`LiveSvg`].
#[derive(Properties, PartialEq)]
pub struct LiveSvgProps {
    /// The SVG markup. It goes into the page as markup: it must come from [`crate::charts`],
    /// which escapes every text it draws.
    pub svg: AttrValue,
    /// Classes of the `div` that holds the drawing.
    #[prop_or_default]
    pub class: Classes,
}

/// A `div` holding the SVG of `svg`, patched rather than replaced when `svg` changes.
///
/// Yew keeps rendering the markup it first put in (`placed`), so it never touches the drawing
/// again; the patches change that same `<svg>` element's attributes and children, never the
/// element itself, so Yew can still remove it. When a patch is not possible, `placed` becomes
/// the new markup and Yew replaces the drawing.
#[function_component(LiveSvg)]
pub fn live_svg(props: &LiveSvgProps) -> Html {
    let node = use_node_ref();
    let placed = use_mut_ref(|| props.svg.clone());
    let shown = use_mut_ref(|| props.svg.clone());
    let redraw = use_force_update();
    {
        let node = node.clone();
        let placed = placed.clone();
        use_effect_with(props.svg.clone(), move |svg| {
            if *shown.borrow() == *svg {
                return;
            }
            let patched = node
                .cast::<web_sys::Element>()
                .and_then(|container| patch(&container, &shown.borrow(), svg));
            if patched.is_none() {
                *placed.borrow_mut() = svg.clone();
                redraw.force_update();
            }
            *shown.borrow_mut() = svg.clone();
        });
    }
    let markup = placed.borrow().clone();
    html! {
        <div class={props.class.clone()} ref={node}>{ Html::from_html_unchecked(markup) }</div>
    }
}

/// Changes the drawing in `container` from `old` to `new` in place; `None` when either markup
/// is not the charts' kind or the page does not match `old` (the caller then replaces the
/// drawing whole, which also repairs a patch stopped half-way).
///
/// Children are matched from both ends: the longest run of same-tag elements at the start and
/// at the end pair up in order, so one element added or removed in the middle (a label that
/// appears) does not shift every element after it. Paired elements with the same markup are
/// left alone; others get their changed attributes and text.
fn patch(container: &web_sys::Element, old: &str, new: &str) -> Option<()> {
    let (old_root, old_children) = split(old)?;
    let (new_root, new_children) = split(new)?;
    let root = container.first_element_child()?;
    if container.child_element_count() != 1 || !root.tag_name().eq_ignore_ascii_case("svg") {
        return None;
    }
    let mut nodes = Vec::with_capacity(old_children.len());
    let mut node = root.first_element_child();
    while let Some(current) = node {
        node = current.next_element_sibling();
        nodes.push(current);
    }
    if nodes.len() != old_children.len() {
        return None;
    }
    if old_root != new_root {
        update(&root, &markup::root(old_root)?, &markup::root(new_root)?)?;
    }
    let same_tag = |a: &str, b: &str| tag_of(a) == tag_of(b);
    let shorter = old_children.len().min(new_children.len());
    let prefix = old_children
        .iter()
        .zip(&new_children)
        .take_while(|(a, b)| same_tag(a, b))
        .count();
    let suffix = old_children
        .iter()
        .rev()
        .zip(new_children.iter().rev())
        .take(shorter - prefix)
        .take_while(|(a, b)| same_tag(a, b))
        .count();
    let old_middle = prefix..old_children.len() - suffix;
    let new_middle = prefix..new_children.len() - suffix;
    let pairs = (0..prefix)
        .map(|i| (i, i))
        .chain((0..suffix).map(|i| (old_children.len() - 1 - i, new_children.len() - 1 - i)));
    for (o, n) in pairs {
        if old_children[o] != new_children[n] {
            let (before, after) = (element(old_children[o])?, element(new_children[n])?);
            update(&nodes[o], &before, &after)?;
        }
    }
    // The middle: replaced element by element, then what is left over added or removed.
    let common = old_middle.len().min(new_middle.len());
    for i in 0..common {
        let (o, n) = (old_middle.start + i, new_middle.start + i);
        if old_children[o] != new_children[n] {
            nodes[o].set_outer_html(new_children[n]);
        }
    }
    for extra in &nodes[old_middle.start + common..old_middle.end] {
        extra.remove();
    }
    let added = &new_children[new_middle.start + common..new_middle.end];
    if !added.is_empty() {
        let markup = added.concat();
        match nodes.get(old_middle.end) {
            Some(next) => next.insert_adjacent_html("beforebegin", &markup).ok()?,
            None => root.insert_adjacent_html("beforeend", &markup).ok()?,
        }
    }
    Some(())
}

/// The tag name at the start of an element's markup (`<rect …` → `<rect`).
fn tag_of(source: &str) -> &str {
    source.split([' ', '>', '/']).next().unwrap_or("")
}

/// Brings `node`, which shows the element `old`, to show `new` (same tag): its changed
/// attributes and text.
fn update(node: &web_sys::Element, old: &Element<'_>, new: &Element<'_>) -> Option<()> {
    update_attributes(node, old, new)?;
    if old.text != new.text {
        let text = match new.text {
            Some(text) => Some(unescape(text)?),
            None => None,
        };
        set_text(node, text.as_deref());
    }
    Some(())
}

/// Sets the text of `node`. A lone text child keeps its node and gets the new words: the
/// browser then lays out the changed text, where replacing the node would take it out of the
/// layout and put a new one in.
fn set_text(node: &web_sys::Element, text: Option<&str>) {
    match (node.first_child(), text) {
        (Some(child), Some(text))
            if child.node_type() == web_sys::Node::TEXT_NODE && child.next_sibling().is_none() =>
        {
            child.set_node_value(Some(text));
        }
        _ => node.set_text_content(text),
    }
}

/// Sets the attributes of `element` that differ between `old` and `new`, and removes those
/// `new` lacks (`xmlns` declarations are left alone); `None` at a value that does not unescape.
fn update_attributes(
    element: &web_sys::Element,
    old: &Element<'_>,
    new: &Element<'_>,
) -> Option<()> {
    for (name, value) in &new.attributes {
        let unchanged = old.attributes.iter().any(|(n, v)| n == name && v == value);
        if !unchanged && !name.starts_with("xmlns") {
            let _ = element.set_attribute(name, &unescape(value)?);
        }
    }
    for (name, _) in &old.attributes {
        if !name.starts_with("xmlns") && !new.attributes.iter().any(|(n, _)| n == name) {
            let _ = element.remove_attribute(name);
        }
    }
    Some(())
}
