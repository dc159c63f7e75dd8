//! One saved scenario in the list: its name, what is known of it ([`super::saved_facts`]), and
//! its actions (open, rename, duplicate, delete), with the rename form and the delete
//! confirmation ([`super::confirm_delete`]) it owns.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::confirm_delete::ConfirmDelete;
use super::entries::{Entry, dom_id};
use super::saved_facts::SavedFacts;
use crate::core::saved::{EditError, MAX_NAME_CHARS};
use crate::core::scenario::Scenario;
use crate::i18n::{Message, text};
use crate::model::panel::{PanelStatus, copy_name};
use crate::model::state::Notice;
use crate::ui::dataset_text::typed;
use crate::ui::hooks::{on_escape, use_lang};
use crate::ui::scenarios::shelf::ShelfHandle;
use crate::ui::scenarios::stored_as;
use crate::web::clock::now_ms;

/// Props of [`SavedItem`].
#[derive(Properties, PartialEq)]
pub struct SavedItemProps {
    /// The scenario.
    pub entry: Entry,
    /// Whether it is the scenario on screen.
    pub is_current: bool,
    /// Whether its Open button takes the focus (it was just made by Duplicate).
    pub take_focus: bool,
    /// The stored scenarios, to edit.
    pub shelf: ShelfHandle,
    /// Opens the scenario.
    pub on_open: Callback<(String, Rc<Scenario>)>,
    /// Opens the scenario of another dataset, by its id, with its dataset.
    pub on_open_elsewhere: Callback<String>,
    /// A copy was saved, with this id.
    pub on_duplicated: Callback<String>,
    /// The scenario was deleted.
    pub on_deleted: Callback<()>,
}

/// What the item shows below its actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Nothing,
    Renaming,
    Confirming,
}

/// A saved scenario with its actions.
#[function_component(SavedItem)]
pub fn saved_item(props: &SavedItemProps) -> Html {
    let lang = use_lang();
    let saved = &props.entry.saved;
    let id = saved.id.clone();
    let open_part = use_state(|| Open::Nothing);
    let typed_name = use_rename_lost(props.shelf.clone());
    let [open_button, rename_button, delete_button] =
        [use_node_ref(), use_node_ref(), use_node_ref()];
    let focus = use_focus_after_render();
    {
        let open_button = open_button.clone();
        use_effect_with(props.take_focus, move |take| {
            if let Some(button) = open_button.cast::<web_sys::HtmlElement>().filter(|_| *take) {
                let _ = button.focus();
            }
        });
    }
    let show = {
        let (open_part, focus, typed_name) = (open_part.clone(), focus.clone(), typed_name.clone());
        let name = saved.name.clone();
        move |part: Open, target: &NodeRef| {
            let (open_part, focus, typed_name) =
                (open_part.clone(), focus.clone(), typed_name.clone());
            let (target, name) = (target.clone(), name.clone());
            Callback::from(move |()| {
                *typed_name.borrow_mut() = (part == Open::Renaming).then(|| name.clone());
                open_part.set(part);
                *focus.borrow_mut() = Some(target.clone());
            })
        }
    };
    let open = {
        let on_open = props.on_open.clone();
        let on_open_elsewhere = props.on_open_elsewhere.clone();
        let shelf = props.shelf.clone();
        let (id, name, scenario) = (id.clone(), saved.name.clone(), props.entry.scenario.clone());
        Callback::from(move |_: MouseEvent| match &scenario {
            Some(Ok(scenario)) => on_open.emit((id.clone(), scenario.clone())),
            Some(Err(error)) => shelf.say(PanelStatus::CannotOpen {
                name: name.clone(),
                error: error.clone(),
            }),
            None => on_open_elsewhere.emit(id.clone()),
        })
    };
    let duplicate = {
        let shelf = props.shelf.clone();
        let on_duplicated = props.on_duplicated.clone();
        let (id, name) = (id.clone(), copy_name(&saved.name, lang));
        Callback::from(move |_: MouseEvent| {
            match shelf.commit(|store| stored_as(store.duplicate(&id, &name, now_ms()), &name)) {
                Ok((new_id, stored)) => {
                    on_duplicated.emit(new_id);
                    shelf.say(PanelStatus::Duplicated(stored));
                }
                Err(Some(error)) => shelf.say(PanelStatus::Refused(error)),
                Err(None) => {}
            }
        })
    };
    let delete = {
        let shelf = props.shelf.clone();
        let on_deleted = props.on_deleted.clone();
        let (id, name) = (id.clone(), saved.name.clone());
        Callback::from(move |_: MouseEvent| {
            match shelf.commit(|store| store.delete(&id).map(|s| (s, ()))) {
                Ok(()) => {
                    on_deleted.emit(());
                    shelf.say(PanelStatus::Deleted(name.clone()));
                }
                Err(Some(error)) => shelf.say(PanelStatus::Refused(error)),
                Err(None) => {}
            }
        })
    };
    let renamed = {
        let shelf = props.shelf.clone();
        let id = id.clone();
        let done = show(Open::Nothing, &rename_button);
        Callback::from(move |name: String| {
            let result = shelf.commit(|store| {
                stored_as(store.rename(&id, &name).map(|s| (s, id.clone())), &name)
            });
            if let Ok((_, stored)) = &result {
                done.emit(());
                shelf.say(PanelStatus::Renamed(stored.clone()));
            }
            result.map(|_| ())
        })
    };
    let aria_expanded = if *open_part == Open::Renaming {
        "true"
    } else {
        "false"
    };
    html! {
        <li class={classes!("saved-item", props.is_current.then_some("is-current"))} id={dom_id(&id, "item")}>
            <p class="saved-head">
                <span class="saved-name" id={dom_id(&id, "name")}>{ typed(&saved.name, lang) }</span>
                if props.is_current {
                    <span class="badge current">{ text(lang, "scenarios.is-current") }</span>
                }
            </p>
            <SavedFacts entry={props.entry.clone()} />
            <div class="saved-actions" role="group" aria-labelledby={dom_id(&id, "name")}>
                <button type="button" id={dom_id(&id, "open")} ref={open_button} onclick={open}
                    disabled={matches!(props.entry.scenario, Some(Err(_)))}>{ text(lang, "scenarios.open") }</button>
                <button type="button" class="secondary" id={dom_id(&id, "rename")} ref={rename_button.clone()}
                    aria-expanded={aria_expanded}
                    onclick={show(Open::Renaming, &NodeRef::default()).reform(|_| ())}>{ text(lang, "scenarios.rename") }</button>
                <button type="button" class="secondary" id={dom_id(&id, "duplicate")}
                    onclick={duplicate}>{ text(lang, "scenarios.duplicate") }</button>
                <button type="button" class="secondary danger" id={dom_id(&id, "delete")} ref={delete_button.clone()}
                    onclick={show(Open::Confirming, &NodeRef::default()).reform(|_| ())}>{ text(lang, "scenarios.delete") }</button>
            </div>
            if *open_part == Open::Renaming {
                <RenameForm id={id.clone()} name={saved.name.clone()}
                    on_typed={Callback::from(move |typed| *typed_name.borrow_mut() = Some(typed))}
                    on_rename={renamed} on_cancel={show(Open::Nothing, &rename_button)} />
            }
            if *open_part == Open::Confirming {
                <ConfirmDelete id={id.clone()} name={saved.name.clone()} on_delete={delete}
                    on_keep={show(Open::Nothing, &delete_button)} />
            }
        </li>
    }
}

/// The name being typed in the rename form, while it is open: if the scenario is deleted in
/// another tab meanwhile, the item goes and the planner is told, with the name typed.
#[hook]
fn use_rename_lost(shelf: ShelfHandle) -> Rc<RefCell<Option<String>>> {
    let typed_name = use_mut_ref(|| None::<String>);
    {
        let typed_name = typed_name.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(typed) = typed_name.borrow_mut().take() {
                    shelf.tell(Notice::RenameLost { typed });
                }
            }
        });
    }
    typed_name
}

/// Where to put the element to focus once the next render shows it.
#[hook]
fn use_focus_after_render() -> Rc<RefCell<Option<NodeRef>>> {
    let focus = use_mut_ref(|| None::<NodeRef>);
    {
        let focus = focus.clone();
        use_effect(move || {
            if let Some(target) = focus.borrow_mut().take()
                && let Some(element) = target.cast::<web_sys::HtmlElement>()
            {
                let _ = element.focus();
            }
        });
    }
    focus
}

/// Props of [`RenameForm`].
#[derive(Properties, PartialEq)]
struct RenameFormProps {
    id: String,
    name: String,
    /// Stores the new name; an edit the store refused comes back to show beside the field.
    on_rename: Callback<String, Result<(), Option<EditError>>>,
    on_cancel: Callback<()>,
    /// Told the name as it is typed.
    on_typed: Callback<String>,
}

/// The new name of a saved scenario, typed; Escape cancels.
#[function_component(RenameForm)]
fn rename_form(props: &RenameFormProps) -> Html {
    let lang = use_lang();
    let typed = use_state(|| props.name.clone());
    let error = use_state(|| None::<EditError>);
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let on_input = {
        let (typed, on_typed) = (typed.clone(), props.on_typed.clone());
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_typed.emit(input.value());
                typed.set(input.value());
            }
        })
    };
    let on_submit = {
        let (typed, error, on_rename) = (typed.clone(), error.clone(), props.on_rename.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match on_rename.emit(typed.trim().to_owned()) {
                Ok(()) => error.set(None),
                Err(refused) => error.set(refused),
            }
        })
    };
    let id = &props.id;
    html! {
        <form class="rename-form" onsubmit={on_submit} onkeydown={on_escape(props.on_cancel.clone())}>
            <label for={dom_id(id, "rename-input")}>{ text(lang, "scenarios.new-name") }</label>
            <input type="text" id={dom_id(id, "rename-input")} ref={input} value={(*typed).clone()}
                maxlength={MAX_NAME_CHARS.to_string()} oninput={on_input}
                aria-invalid={if error.is_some() { "true" } else { "false" }}
                aria-describedby={dom_id(id, "rename-error")} />
            <button type="submit">{ text(lang, "scenarios.save-name") }</button>
            <button type="button" class="secondary" onclick={props.on_cancel.reform(|_| ())}>{ text(lang, "scenarios.cancel") }</button>
            <p class="field-error" id={dom_id(id, "rename-error")} role="alert">
                { error.map(|e| e.message(lang)).unwrap_or_default() }
            </p>
        </form>
    }
}
