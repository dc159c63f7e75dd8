//! What the list says of a saved scenario below its name: when it was saved, the dataset it
//! belongs to, its grand total, and why it does not fit the data on screen when it does not.

use yew::prelude::*;

use super::entries::Entry;
use crate::core::data_tag::DataTag;
use crate::core::lang::Lang;
use crate::i18n::{Message, fill, text};
use crate::ui::hooks::use_lang;
use crate::ui::money;
use crate::web::clock::local_date_time;

/// Props of [`SavedFacts`].
#[derive(Properties, PartialEq)]
pub struct SavedFactsProps {
    /// The saved scenario, read against the dataset on screen.
    pub entry: Entry,
}

/// The date, dataset and grand total line, and the line saying why the scenario does not fit.
#[function_component(SavedFacts)]
pub fn saved_facts(props: &SavedFactsProps) -> Html {
    let lang = use_lang();
    let entry = &props.entry;
    let date = local_date_time(entry.saved.saved_at, lang);
    html! {
        <>
            <p class="saved-meta">
                <span>
                    { text(lang, "scenarios.saved-at") }
                    { match &date {
                        Some((iso, shown)) => html! { <time datetime={iso.clone()}>{ shown }</time> },
                        None => html! { { text(lang, "scenarios.unknown-date") } },
                    } }
                </span>
                <span class="saved-data">
                    { text(lang, "scenarios.data-of") }
                    <span>{ data_name(entry.data.as_ref(), lang) }</span>
                    if entry.scenario.is_none() {
                        { text(lang, "scenarios.data-elsewhere") }
                    }
                </span>
                <span>
                    { text(lang, "scenarios.grand") }
                    <strong class="saved-total">{ entry.grand.map_or_else(|| "—".to_owned(), |g| money(g, lang)) }</strong>
                </span>
            </p>
            if let Some(Err(error)) = &entry.scenario {
                <p class="field-error">{ fill(lang, "scenarios.does-not-fit", &[("reason", &error.message(lang))]) }</p>
            }
        </>
    }
}

/// The name of the dataset a scenario belongs to: the built-in data's, or the file's (or
/// address's) it was loaded from; one this build cannot read is "not known".
fn data_name(data: Option<&DataTag>, lang: Lang) -> String {
    match data {
        Some(DataTag::BuiltIn) => text(lang, "data.built-in"),
        Some(DataTag::Loaded { name, .. }) => fill(lang, "scenarios.data-file", &[("name", name)]),
        None => text(lang, "scenarios.data-unknown"),
    }
}
