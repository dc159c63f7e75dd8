//! A box to paste rows copied from Excel or WPS into (tab-separated, the header row first),
//! read as a CSV file is: for a planner who has the figures open in a spreadsheet.

use yew::prelude::*;

use crate::i18n::text;
use crate::ui::hooks::{use_inactive, use_lang};

/// Props of [`PasteBox`].
#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    /// Receives the pasted text when the load button is pressed.
    pub on_load: Callback<String>,
}

/// A labelled text area and its load button.
#[function_component(PasteBox)]
pub fn paste_box(props: &PasteBoxProps) -> Html {
    let PasteBoxProps { on_load } = props;
    let lang = use_lang();
    let inactive = use_inactive();
    let area = use_node_ref();
    let onclick = {
        let area = area.clone();
        let on_load = on_load.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = area.cast::<web_sys::HtmlTextAreaElement>() {
                on_load.emit(area.value());
            }
        })
    };
    html! {
        <div class="paste-box">
            <label for="dataset-paste">{ text(lang, "data.paste-label") }</label>
            <textarea id="dataset-paste" ref={area} rows="4" spellcheck="false"
                aria-describedby="dataset-paste-hint" disabled={inactive} />
            <p class="hint" id="dataset-paste-hint">{ text(lang, "data.paste-hint") }</p>
            <button type="button" class="button" id="dataset-paste-load" {onclick}
                disabled={inactive}>
                { text(lang, "data.paste-load") }
            </button>
        </div>
    }
}
