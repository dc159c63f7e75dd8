//! The scenarios panel: the current scenario's name, named scenarios saved in the browser
//! (save, open, rename, duplicate, delete), the share link and the exports
//! ([`crate::ui::exports`]); beside them on a wide screen, below them on a narrow one, the
//! comparison ([`crate::ui::compare`]).
//!
//! One concept a file: the stored scenarios and their edits ([`shelf`]), the saved scenarios
//! read against the data on screen ([`entries`]), opening one ([`open`]), the save form, the
//! list and a saved item with its own rename and delete confirmation, the share link, the
//! panel's downloads; the panel's status line and the current scenario's name are typed
//! state of the app model ([`crate::model::panel`]), worded when shown.

mod confirm_delete;
mod downloads;
mod entries;
mod open;
mod save_form;
mod saved_facts;
mod saved_item;
mod saved_list;
mod share;
mod shelf;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::saved::{EditError, Store};
use crate::core::scenario::Scenario;
use crate::core::share_link;
use crate::core::totals::Totals;
use crate::i18n::{Message, fill, text};
use crate::model::panel::{CurrentName, PanelStatus, default_name, matching_saved};
use crate::model::state::DatasetRef;
use crate::ui::compare::{Choice, Compare};
use crate::ui::dataset_text::typed;
use crate::ui::exports::Exports;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::{use_lang, use_settled};
use crate::ui::status_line::StatusLine;
use crate::web::clock::now_ms;
use downloads::{Bundle, Stranded};
use entries::Entry;
use entries::{use_data_tag, use_entries};
use open::{OpenSaved, use_open_saved};
use save_form::SaveForm;
use saved_list::SavedList;
use share::{ShareLink, share_url};
use shelf::use_shelf;

/// Props of [`ScenariosPanel`].
#[derive(Properties, PartialEq)]
pub struct ScenariosPanelProps {
    /// The dataset shown.
    pub dataset: DatasetRef,
    /// The file the dataset was loaded from, when the planner loaded one.
    pub data_file: Option<String>,
    /// The current scenario.
    pub scenario: Rc<Scenario>,
    /// Its totals.
    pub totals: Rc<Totals>,
    /// The name a share link or a scenario file gave the scenario on screen.
    pub given_name: Option<AttrValue>,
    /// Whether the explorer is on its own page or frame, whose address a share link can be.
    pub own_page: bool,
}

/// The panel of named scenarios, share link, comparison and exports.
#[function_component(ScenariosPanel)]
pub fn scenarios_panel(props: &ScenariosPanelProps) -> Html {
    let ScenariosPanelProps {
        dataset, scenario, ..
    } = props;
    let lang = use_lang();
    let status = use_state(|| None::<PanelStatus>);
    let shelf = use_shelf(status.clone());
    // The saved scenario last saved or opened: the one named when several hold the same figures.
    let last_id = use_state(|| None::<String>);
    let here = use_data_tag(dataset.clone());
    let entries = use_entries(dataset.clone(), shelf.store.clone(), here.clone());
    let OpenSaved {
        on_open,
        on_open_elsewhere,
    } = use_open_saved(shelf.clone(), last_id.clone(), entries.clone());
    let share = share_link::encode(dataset, scenario);
    let baseline = use_memo(dataset.clone(), |dataset| {
        let baseline = Rc::new(Scenario::baseline(dataset));
        let share = share_link::encode(dataset, &baseline);
        (baseline, share)
    });
    let (baseline, baseline_share) = &*baseline;
    let matching = matching_saved(entries.iter().map(|e| &e.saved), &share, last_id.as_deref());
    let name = CurrentName::of(
        &share,
        baseline_share,
        matching.map(|s| s.name.as_str()),
        props.given_name.as_deref(),
    );
    let current_id = matching.map(|s| s.id.clone());
    // The link carries the scenario's own name and the notes, when they fit.
    let shared = share_link::share(dataset, scenario, &name.own(lang));
    // The comparison follows a drag once the hand stops, not on every frame; it never shows a
    // scenario of another dataset than the one on screen.
    let settled = use_settled((dataset.clone(), scenario.clone(), name.clone()));
    let (compared, compared_name) = if settled.0 == *dataset {
        (settled.1.clone(), settled.2.label(lang))
    } else {
        (scenario.clone(), name.label(lang))
    };

    let on_save = {
        let (shelf, last_id, share) = (shelf.clone(), last_id.clone(), share.clone());
        let here = here.clone();
        let count = shelf.store.scenarios.len();
        Callback::from(move |typed: String| {
            let name = if typed.is_empty() {
                default_name(count, lang)
            } else {
                typed
            };
            let (id, stored) = shelf
                .commit(|store| stored_as(store.add_for(&name, now_ms(), &share, &here), &name))?;
            last_id.set(Some(id));
            shelf.say(PanelStatus::Saved(stored));
            Ok(())
        })
    };
    let choices = choices(lang, baseline.clone(), (compared, compared_name), &entries);

    html! {
        // Not a landmark of its own: the comparison and the exports inside it are regions, and
        // a region in a region read as their headings do not (all three are sections).
        <section class="scenarios">
            <Heading rank={Rank::Section} id="scenarios-heading">{ text(lang, "scenarios.heading") }</Heading>
            <p class="current-scenario">
                <span class="label">{ text(lang, "scenarios.current") }</span>
                <strong id="current-scenario-name">{ typed(&name.label(lang), lang) }</strong>
            </p>
            <StatusLine class="panel-status">
                if let Some(status) = &*status {
                    <span class={classes!(status.is_error().then_some("is-error"))}>{ status.words(lang) }</span>
                }
            </StatusLine>

            // On a wide screen: keeping and sharing on the left, the comparison on the right.
            <div class="scenario-parts">
                <div class="scenario-keep">
                    <SaveForm on_save={on_save}
                        unavailable={shelf.unavailable.as_ref().map(|e| e.message(lang))} />
                    // Mounted when there is stored text to offer: a component whose root went
                    // from nothing to the offer was, now and then, never put in the page.
                    if shelf.stranded.is_some() {
                        <Stranded shelf={shelf.clone()} />
                    }
                    <SavedList entries={entries.clone()} current_id={current_id} shelf={shelf.clone()}
                        on_open={on_open} on_open_elsewhere={on_open_elsewhere} />
                    <Bundle dataset={dataset.clone()} here={here.clone()} shelf={shelf.clone()} />
                    if let Some(url) = share_url(&shared.link, lang, props.own_page) {
                        <ShareLink url={url} texts_left_out={shared.texts_left_out}
                            data_file={props.data_file.clone()} />
                    }
                    <Exports dataset={dataset.clone()} scenario={(**scenario).clone()} totals={props.totals.clone()}
                        name={name.own(lang)} />
                </div>
                <Compare dataset={dataset.clone()} choices={Rc::new(choices)} />
            </div>
        </section>
    }
}

/// What the comparison offers: the baseline, the scenario on screen (as `current`: settled,
/// and its name), and every saved scenario that fits the data on screen.
fn choices(
    lang: Lang,
    baseline: Rc<Scenario>,
    current: (Rc<Scenario>, String),
    entries: &[Entry],
) -> Vec<Choice> {
    let (compared, compared_name) = current;
    let mut choices = vec![
        Choice {
            key: "baseline".into(),
            label: text(lang, "scenarios.baseline-name"),
            scenario: baseline,
        },
        Choice {
            key: "current".into(),
            label: fill(lang, "compare.current", &[("name", &compared_name)]),
            scenario: compared,
        },
    ];
    choices.extend(entries.iter().filter_map(|entry| {
        Some(Choice {
            key: format!("saved:{}", entry.saved.id),
            label: entry.saved.name.clone(),
            scenario: entry.scenario.clone()?.ok()?,
        })
    }));
    choices
}

/// An edit's result with the name the scenario `id` now has in the store (a name already in
/// use is numbered: the status says the name kept, not the one typed).
pub fn stored_as(
    edit: Result<(Store, String), EditError>,
    typed: &str,
) -> Result<(Store, (String, String)), EditError> {
    edit.map(|(store, id)| {
        let stored = store
            .get(&id)
            .map_or_else(|| typed.to_owned(), |s| s.name.clone());
        (store, (id, stored))
    })
}
