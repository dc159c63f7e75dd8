//! The planner's reason for a stream's change: a short note kept with the scenario (undo
//! history, saved scenarios, files, exports and share links).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::scenario::{Action, MAX_NOTE_CHARS};
use crate::i18n::{fill, text};
use crate::model::state::{AppState, Msg};
use crate::ui::hooks::use_lang;

/// Props of [`NoteField`].
#[derive(Properties, PartialEq)]
pub struct NoteFieldProps {
    /// The stream's index.
    pub index: usize,
    /// The note kept (empty for none).
    pub note: AttrValue,
    /// Sends changes to the app state.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A stream's note: a button to add one, or the field holding it. The note is kept when the
/// field is left or Enter is pressed (one undo step per edit, not per key); Escape puts the kept
/// note back.
#[function_component(NoteField)]
pub fn note_field(props: &NoteFieldProps) -> Html {
    let NoteFieldProps {
        index,
        note,
        dispatch,
    } = props;
    let lang = use_lang();
    let index = *index;
    let opened = use_state(|| false);
    let input = use_node_ref();
    {
        // Opening by the button moves the focus into the field.
        let input = input.clone();
        use_effect_with(*opened, move |opened| {
            if *opened && let Some(input) = input.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let id = |part: &str| format!("stream-{index}-{part}");
    if !*opened && note.is_empty() {
        let on_open = {
            let opened = opened.clone();
            Callback::from(move |_| opened.set(true))
        };
        return html! {
            <button type="button" class="link-button note-open" id={id("note-open")}
                aria-describedby={id("name")} onclick={on_open}>
                { format!("＋ {}", text(lang, "note.label")) }
            </button>
        };
    }
    let on_change = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                dispatch.dispatch(Msg::Act(Action::SetNote {
                    stream: index,
                    note: input.value(),
                }));
            }
        })
    };
    let on_escape = {
        let note = note.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Escape" {
                return;
            }
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                input.set_value(&note);
            }
        })
    };
    html! {
        <div class="note-field">
            <label id={id("note-label")} for={id("note")}>{ text(lang, "note.label") }</label>
            <input type="text" id={id("note")} class="note-input" ref={input}
                maxlength={MAX_NOTE_CHARS.to_string()} value={note.clone()}
                aria-labelledby={format!("{} {}", id("name"), id("note-label"))}
                aria-describedby={id("note-hint")}
                onchange={on_change} onkeydown={on_escape} />
            <p class="hint-line" id={id("note-hint")}>
                { fill(lang, "note.hint", &[("max", &MAX_NOTE_CHARS.to_string())]) }
            </p>
        </div>
    }
}
