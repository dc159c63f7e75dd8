//! The list of saved scenarios under its heading.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::entries::Entry;
use super::saved_item::SavedItem;
use super::shelf::ShelfHandle;
use crate::core::scenario::Scenario;
use crate::i18n::text;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::use_lang;

/// Props of [`SavedList`].
#[derive(Properties, PartialEq)]
pub struct SavedListProps {
    /// The saved scenarios, read against the dataset on screen.
    pub entries: Rc<Vec<Entry>>,
    /// The id of the one on screen, if one is.
    pub current_id: Option<String>,
    /// The stored scenarios, to edit.
    pub shelf: ShelfHandle,
    /// Opens a scenario.
    pub on_open: Callback<(String, Rc<Scenario>)>,
    /// Opens a scenario of another dataset, with that dataset.
    pub on_open_elsewhere: Callback<String>,
}

/// The saved scenarios, each with its actions; focus goes to a copy just made, and to the
/// heading when a scenario is deleted.
#[function_component(SavedList)]
pub fn saved_list(props: &SavedListProps) -> Html {
    let lang = use_lang();
    // A copy just made: its Open button takes the focus.
    let just_made = use_state(|| None::<String>);
    let part = use_node_ref();
    let on_duplicated = {
        let just_made = just_made.clone();
        Callback::from(move |id: String| just_made.set(Some(id)))
    };
    let on_deleted = {
        let part = part.clone();
        Callback::from(move |()| {
            // The list's heading, the first element of its part, takes the focus.
            let heading = part
                .cast::<web_sys::Element>()
                .and_then(|part| part.first_element_child())
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(heading) = heading {
                let _ = heading.focus();
            }
        })
    };
    html! {
           <div class="saved no-print" ref={part}>
               <Heading rank={Rank::Part} id="saved-heading" focusable=true>{ text(lang, "scenarios.saved-heading") }</Heading>
               if props.entries.is_empty() {
                   <p class="empty">{ text(lang, "scenarios.none") }</p>
               } else {
                   <ul class="saved-list">
                       { for props.entries.iter().map(|entry| html! {
                           <SavedItem key={entry.saved.id.clone()} entry={entry.clone()}
                               is_current={props.current_id.as_ref() == Some(&entry.saved.id)}
                               take_focus={just_made.as_ref() == Some(&entry.saved.id)}
                               shelf={props.shelf.clone()} on_open={props.on_open.clone()}
                               on_open_elsewhere={props.on_open_elsewhere.clone()}
                               on_duplicated={on_duplicated.clone()} on_deleted={on_deleted.clone()}
    />
                       }) }
                   </ul>
               }
           </div>
       }
}
