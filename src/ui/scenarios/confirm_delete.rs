//! The question asked before a saved scenario is deleted.

use yew::prelude::*;

use super::entries::dom_id;
use crate::i18n::{fill, text};
use crate::ui::hooks::on_escape;
use crate::ui::hooks::use_lang;

/// Props of [`ConfirmDelete`].
#[derive(Properties, PartialEq)]
pub struct ConfirmDeleteProps {
    /// The saved scenario's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Deletes it.
    pub on_delete: Callback<MouseEvent>,
    /// Keeps it (the button, or Escape).
    pub on_keep: Callback<()>,
}

/// "Delete …?" with Delete and Keep; the Delete button takes the focus when it shows.
#[function_component(ConfirmDelete)]
pub fn confirm_delete(props: &ConfirmDeleteProps) -> Html {
    let lang = use_lang();
    let confirm_button = use_node_ref();
    {
        let confirm_button = confirm_button.clone();
        use_effect_with((), move |_| {
            if let Some(button) = confirm_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let id = &props.id;
    html! {
        <div class="confirm" role="group" aria-labelledby={dom_id(id, "confirm-text")}
            onkeydown={on_escape(props.on_keep.clone())}>
            <p id={dom_id(id, "confirm-text")}>{ fill(lang, "scenarios.confirm-delete", &[("name", &props.name)]) }</p>
            <button type="button" class="danger-solid" id={dom_id(id, "confirm-delete")} ref={confirm_button}
                onclick={props.on_delete.clone()}>{ text(lang, "scenarios.delete-now") }</button>
            <button type="button" class="secondary" onclick={props.on_keep.reform(|_| ())}>{ text(lang, "scenarios.keep") }</button>
        </div>
    }
}
