//! Saving the scenario on screen under a name.

use yew::prelude::*;

use crate::core::saved::{EditError, MAX_NAME_CHARS};
use crate::i18n::{Message, text};
use crate::ui::hooks::use_lang;

/// Props of [`SaveForm`].
#[derive(Properties, PartialEq)]
pub struct SaveFormProps {
    /// Saves under the name typed (empty for a default name); an edit the store refused comes
    /// back to show beside the field.
    pub on_save: Callback<String, Result<(), Option<EditError>>>,
    /// Why the browser's storage cannot be used, when it cannot (the form is then inactive).
    pub unavailable: Option<String>,
}

/// The name field and the Save button.
#[function_component(SaveForm)]
pub fn save_form(props: &SaveFormProps) -> Html {
    let lang = use_lang();
    let typed = use_state(String::new);
    let error = use_state(|| None::<EditError>);
    let on_input = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                typed.set(input.value());
            }
        })
    };
    let on_submit = {
        let (typed, error, on_save) = (typed.clone(), error.clone(), props.on_save.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match on_save.emit(typed.trim().to_owned()) {
                Ok(()) => {
                    typed.set(String::new());
                    error.set(None);
                }
                Err(refused) => error.set(refused),
            }
        })
    };
    let off = props.unavailable.is_some();
    html! {
        <form class="save-form no-print" onsubmit={on_submit}>
            <label for="scenario-name">{ text(lang, "scenarios.name-label") }</label>
            <div class="save-line">
                <input type="text" id="scenario-name" value={(*typed).clone()}
                    maxlength={MAX_NAME_CHARS.to_string()} oninput={on_input} disabled={off}
                    aria-invalid={if error.is_some() { "true" } else { "false" }}
                    aria-describedby="scenario-name-hint scenario-name-error" />
                <button type="submit" id="save-scenario" disabled={off}>{ text(lang, "scenarios.save") }</button>
            </div>
            <p class="hint-line" id="scenario-name-hint">{ text(lang, "scenarios.name-hint") }</p>
            <p class="field-error" id="scenario-name-error" role="alert">
                { error.map(|e| e.message(lang)).unwrap_or_default() }
            </p>
            if let Some(reason) = &props.unavailable {
                <p class="storage-note">{ reason }</p>
            }
        </form>
    }
}
