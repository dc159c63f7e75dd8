//! A polite status line that is read out when what it says changes, not when only the language
//! does: each language gets a node of its own, and a live region inserted with its text is not
//! read out, while one that is there already is when its text changes.

use yew::prelude::*;

use crate::ui::hooks::use_lang;

/// Props of [`StatusLine`].
#[derive(Properties, PartialEq)]
pub struct StatusLineProps {
    /// The line's id, if it has one.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Its classes.
    #[prop_or_default]
    pub class: Classes,
    /// What it says.
    #[prop_or_default]
    pub children: Html,
}

/// A `<p role="status">` that a change of language replaces rather than rewrites.
#[function_component(StatusLine)]
pub fn status_line(props: &StatusLineProps) -> Html {
    let lang = use_lang();
    // A list with one keyed child is diffed by key: another language, another node.
    html! {
        <>
            <p key={lang.tag()} id={props.id.clone()} class={props.class.clone()} role="status">
                { props.children.clone() }
            </p>
        </>
    }
}
