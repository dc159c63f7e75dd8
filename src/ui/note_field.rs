//! The planner's reason for a stream's change: a short note kept with the scenario (undo
//! history, saved scenarios, files, exports and share links).

use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::core::scenario::{Action, MAX_NOTE_CHARS};
use crate::i18n::{fill, text};
use crate::model::state::Msg;
use crate::ui::hooks::{stream_part_id, use_dispatch, use_inactive, use_lang};

/// Props of [`NoteField`].
#[derive(Properties, PartialEq)]
pub struct NoteFieldProps {
    /// The stream's index.
    pub index: usize,
    /// The note kept (empty for none).
    pub note: AttrValue,
}

/// A stream's note: a button to add one, or the field holding it. The note is kept when the
/// field is left or Enter is pressed (one undo step per edit, not per key), and the impact bar
/// then tells a screen reader so; Escape puts the kept note back.
#[function_component(NoteField)]
pub fn note_field(props: &NoteFieldProps) -> Html {
    let NoteFieldProps { index, note } = props;
    let lang = use_lang();
    let inactive = use_inactive();
    let dispatch = use_dispatch();
    let index = *index;
    let opened = use_state(|| false);
    let (input, button) = (use_node_ref(), use_node_ref());
    // Set by Escape when it closes the field: the focus then goes back to the button.
    let closed_by_key = use_mut_ref(|| false);
    {
        // Opening by the button moves the focus into the field; closing it by Escape moves the
        // focus back to the button, so that it never falls to the page's start.
        let (input, button) = (input.clone(), button.clone());
        let closed_by_key = closed_by_key.clone();
        use_effect_with(*opened, move |opened| {
            if *opened {
                if let Some(input) = input.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                }
            } else if closed_by_key.replace(false)
                && let Some(button) = button.cast::<HtmlElement>()
            {
                let _ = button.focus();
            }
        });
    }
    let id = |part: &str| stream_part_id(index, part);
    if !*opened && note.is_empty() {
        let on_open = {
            let opened = opened.clone();
            Callback::from(move |_| opened.set(true))
        };
        // Named with its stream ("创业担保贷款 调整说明"): nine buttons must not sound alike.
        return html! {
            <button type="button" class="link-button note-open" id={id("note-open")} ref={button}
                disabled={inactive}
                aria-labelledby={format!("{} {}", id("name"), id("note-open-label"))} onclick={on_open}>
                <span aria-hidden="true">{ "＋ " }</span>
                <span id={id("note-open-label")}>{ text(lang, "note.label") }</span>
            </button>
        };
    }
    let on_change = {
        let (dispatch, opened) = (dispatch.clone(), opened.clone());
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                // A note cleared while the field has the focus keeps the field (and the focus).
                opened.set(true);
                dispatch.dispatch(Msg::Act(Action::SetNote {
                    stream: index,
                    note: input.value(),
                }));
            }
        })
    };
    let on_escape = {
        let (note, opened) = (note.clone(), opened.clone());
        let closed_by_key = closed_by_key.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Escape" {
                return;
            }
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            if note.is_empty() && input.value().is_empty() {
                // Nothing kept and nothing typed: Escape closes the field.
                *closed_by_key.borrow_mut() = true;
                opened.set(false);
            } else {
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
                onchange={on_change} onkeydown={on_escape} disabled={inactive} />
            <p class="hint-line" id={id("note-hint")}>
                { fill(lang, "note.hint", &[("max", &MAX_NOTE_CHARS.to_string())]) }
            </p>
        </div>
    }
}
