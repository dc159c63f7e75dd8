//! How a loaded table was read, where it differs from what the sheet shows: the title rows
//! skipped above its header, a unit taken from a title, the total rows (合计) left out of the
//! streams with whether each equals its rows' sum. Said beside the load button, each located,
//! for the planner to check against the spreadsheet.

use yew::prelude::*;

use crate::core::csv_import::CsvProblem;
use crate::i18n::{Message, text};
use crate::ui::hooks::use_lang;

/// Props of [`TableNotes`].
#[derive(Properties, PartialEq)]
pub struct TableNotesProps {
    /// Each note, located, in row order.
    pub notes: Vec<CsvProblem>,
    /// Whether to take the focus when they arrive (not when the filled blanks above take it),
    /// so that they are read out.
    pub focus: bool,
}

/// The notes on how the table was read; nothing when there are none.
#[function_component(TableNotes)]
pub fn table_notes(props: &TableNotesProps) -> Html {
    let lang = use_lang();
    let block = use_node_ref();
    {
        let (block, focus) = (block.clone(), props.focus);
        use_effect_with(props.notes.clone(), move |notes| {
            let wanted = focus && !notes.is_empty();
            if let Some(element) = block.cast::<web_sys::HtmlElement>().filter(|_| wanted) {
                let _ = element.focus();
            }
        });
    }
    if props.notes.is_empty() {
        return html! {};
    }
    html! {
        <div class="table-notes" id="data-notes" role="group" tabindex="-1" ref={block}
            aria-labelledby="data-notes-summary">
            <p id="data-notes-summary">{ text(lang, "data.table-notes") }</p>
            <ul>
                { for props.notes.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }
            </ul>
        </div>
    }
}
