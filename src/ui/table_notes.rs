//! How a loaded table was read, where it differs from what the sheet shows, for the planner to
//! check against the spreadsheet: the blanks below merged cells filled from the cells above, the
//! title rows skipped above its header, a unit taken from a title, the total rows (合计) left out
//! of the streams with whether each equals its rows' sum. Said beside the load button, each
//! located.

use yew::prelude::*;

use crate::core::csv_import::{CsvProblem, CsvProblemKind};
use crate::i18n::{Message, fill, text};
use crate::ui::hooks::use_lang;

/// Props of [`TableNotes`].
#[derive(Properties, PartialEq)]
pub struct TableNotesProps {
    /// Which notes: the block's id, also its class.
    pub kind: NotesKind,
    /// Each note, located, in row order.
    pub notes: Vec<CsvProblem>,
    /// Whether to take the focus when they arrive, so that they are read out (as the problem
    /// list they replace was); only one block on the page takes it.
    pub focus: bool,
}

/// The two blocks of notes on how a table was read.
#[derive(Clone, Copy, PartialEq)]
pub enum NotesKind {
    /// The runs of blanks filled below merged cells.
    Filled,
    /// The rows left out, and a unit taken from a title.
    Read,
}

/// One block of notes, a named group; nothing when there are none.
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
    let (id, class, summary) = match props.kind {
        NotesKind::Filled => {
            let cells: usize = props
                .notes
                .iter()
                .map(|p| match &p.kind {
                    CsvProblemKind::FilledDown { cells, .. } => *cells,
                    _ => 0,
                })
                .sum();
            let summary = fill(
                lang,
                "data.filled-summary",
                &[("cells", &cells.to_string())],
            );
            ("data-filled", "filled-blanks", summary)
        }
        NotesKind::Read => ("data-notes", "table-notes", text(lang, "data.table-notes")),
    };
    html! {
        <div class={class} {id} role="group" tabindex="-1" ref={block}
            aria-labelledby={format!("{id}-summary")}>
            <p id={format!("{id}-summary")}>{ summary }</p>
            <ul>
                { for props.notes.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }
            </ul>
        </div>
    }
}
