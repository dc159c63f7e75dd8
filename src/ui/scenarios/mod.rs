//! The scenarios panel: the current scenario's name, named scenarios saved in the browser
//! (save, open, rename, duplicate, delete), the share link and the exports
//! ([`crate::ui::exports`]); beside them on a wide screen, below them on a narrow one, the
//! comparison ([`crate::ui::compare`]).
//!
//! One concept a file: the stored scenarios and their edits ([`shelf`]), the save form, a
//! saved item with its own rename and delete confirmation, the share link; the panel's status
//! line and the current scenario's name are typed state of the app model
//! ([`crate::model::panel`]), worded when shown.

mod confirm_delete;
mod save_form;
mod saved_facts;
mod saved_item;
mod saved_list;
mod share;
mod shelf;

use std::rc::Rc;

use yew::prelude::*;

use crate::MUCHUAN_JSON;
use crate::core::bundle::bundle_json;
use crate::core::data_tag::{DataTag, digest};
use crate::core::dataset::Dataset;
use crate::core::kept::{KeptDataset, KeptFormat};
use crate::core::lang::Lang;
use crate::core::saved::SavedScenario;
use crate::core::scenario::Scenario;
use crate::core::share_link;
use crate::core::totals::Totals;
use crate::i18n::{Message, fill, text};
use crate::model::panel::{CurrentName, PanelStatus, default_name};
use crate::model::state::{AppState, DatasetRef, Msg};
use crate::ui::compare::{Choice, Compare};
use crate::ui::exports::Exports;
use crate::ui::header::DataOrigin;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::{use_dispatch, use_lang, use_settled};
use crate::ui::kept_data::{built_in, kept_record, reopen_next};
use crate::web::clock::now_ms;
use crate::web::download::{download_text, file_name};
use save_form::SaveForm;
use saved_item::Entry;
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
    let dispatch = use_dispatch();
    let status = use_state(|| None::<PanelStatus>);
    let shelf = use_shelf(dispatch.clone(), status.clone());
    // The saved scenario last saved or opened: the one named when several hold the same figures.
    let last_id = use_state(|| None::<String>);
    // The dataset on screen as saved scenarios name it: built-in, or loaded from the file (or
    // address) the page header names.
    let origin = use_context::<DataOrigin>().and_then(|o| o.0);
    let here = use_memo((dataset.clone(), origin), |(dataset, origin)| {
        let name = origin
            .clone()
            .unwrap_or_else(|| dataset.title.get(Lang::ZhHans).to_owned());
        match built_in() {
            Some(built_in) => DataTag::of(dataset, &name, &built_in),
            None => DataTag::Loaded {
                name,
                digest: digest(dataset),
            },
        }
    });

    let entries = use_memo(
        (dataset.clone(), shelf.store.clone(), here.clone()),
        |(dataset, store, here)| {
            store
                .scenarios
                .iter()
                .map(|saved| read_entry(dataset, here, saved))
                .collect::<Vec<Entry>>()
        },
    );
    let share = share_link::encode(dataset, scenario);
    let baseline = use_memo(dataset.clone(), |dataset| {
        let baseline = Rc::new(Scenario::baseline(dataset));
        let share = share_link::encode(dataset, &baseline);
        (baseline, share)
    });
    let (baseline, baseline_share) = &*baseline;
    let matching = entries
        .iter()
        .filter(|e| e.saved.share == share)
        .max_by_key(|e| Some(&e.saved.id) == last_id.as_ref());
    let name = if share == *baseline_share {
        CurrentName::Baseline
    } else if let Some(entry) = matching {
        CurrentName::Saved(entry.saved.name.clone())
    } else if let Some(name) = &props.given_name {
        CurrentName::Imported(name.to_string())
    } else {
        CurrentName::Unsaved
    };
    let current_id = matching.map(|e| e.saved.id.clone());
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
            let id = shelf.commit(|store| store.add_for(&name, now_ms(), &share, &here))?;
            last_id.set(Some(id));
            shelf.say(PanelStatus::Saved(name));
            Ok(())
        })
    };
    let on_open = {
        let (dispatch, shelf, last_id, entries) = (
            dispatch.clone(),
            shelf.clone(),
            last_id.clone(),
            entries.clone(),
        );
        Callback::from(move |(id, scenario): (String, Rc<Scenario>)| {
            dispatch.dispatch(Msg::OpenScenario((*scenario).clone(), None));
            if let Some(entry) = entries.iter().find(|e| e.saved.id == id) {
                shelf.say(PanelStatus::Opened(entry.saved.name.clone()));
            }
            last_id.set(Some(id));
        })
    };
    let on_open_elsewhere = {
        let (dispatch, shelf, last_id, entries) = (
            dispatch.clone(),
            shelf.clone(),
            last_id.clone(),
            entries.clone(),
        );
        Callback::from(move |id: String| {
            let Some(entry) = entries.iter().find(|e| e.saved.id == id) else {
                return;
            };
            let name = entry.saved.name.clone();
            let opener = Opener {
                id,
                name: name.clone(),
                share: entry.saved.share.clone(),
                dispatch: dispatch.clone(),
                shelf: shelf.clone(),
                last_id: last_id.clone(),
            };
            match entry.data.clone() {
                Some(DataTag::BuiltIn) => {
                    if let Some(dataset) = built_in()
                        && opener.open(dataset, None)
                    {
                        reopen_next("no");
                    }
                }
                Some(DataTag::Loaded {
                    name: file,
                    digest: wanted,
                }) => {
                    let shelf = shelf.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let kept = kept_record().await.and_then(|kept| {
                            let dataset = kept.dataset()?;
                            (digest(&dataset) == wanted).then_some((kept.name, dataset))
                        });
                        match kept {
                            Some((file, dataset)) => {
                                if opener.open(Rc::new(dataset), Some(file)) {
                                    reopen_next("yes");
                                }
                            }
                            None => shelf.say(PanelStatus::NeedsData { name, file }),
                        }
                    });
                }
                // A dataset the record names in a way this build cannot read: its scenario was
                // read against the data on screen and opens there.
                None => {}
            }
        })
    };
    let download_bundle = {
        let (dataset, here, shelf) = (dataset.clone(), here.clone(), shelf.clone());
        Callback::from(move |_: MouseEvent| {
            let scenarios: Vec<SavedScenario> = shelf
                .store
                .scenarios
                .iter()
                .filter(|s| s.data_tag().is_some_and(|d| d.same_data(&here)))
                .cloned()
                .collect();
            let offer = {
                let shelf = shelf.clone();
                move |kept: KeptDataset| {
                    let file = file_name(&text(lang, "scenarios.file-bundle"), &kept.name, "json");
                    let json = bundle_json(&kept, &scenarios);
                    shelf.say(match download_text(&file, "application/json", &json) {
                        Ok(()) => PanelStatus::Downloaded(file),
                        Err(_) => PanelStatus::DownloadFailed,
                    });
                }
            };
            match (*here).clone() {
                DataTag::BuiltIn => offer(KeptDataset {
                    name: "muchuan.json".to_owned(),
                    loaded_at: 0.0,
                    format: KeptFormat::Json,
                    text: MUCHUAN_JSON.to_owned(),
                }),
                DataTag::Loaded {
                    name,
                    digest: wanted,
                } => {
                    let (dataset, shelf) = (dataset.clone(), shelf.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        // The file as it was loaded, when this browser keeps it; else the
                        // figures on screen written as a JSON dataset, if they read back.
                        let kept = kept_record()
                            .await
                            .filter(|k| k.dataset().is_some_and(|d| digest(&d) == wanted))
                            .or_else(|| as_json(&dataset, &name));
                        match kept {
                            Some(kept) => offer(kept),
                            None => shelf.say(PanelStatus::CannotBundle),
                        }
                    });
                }
            }
        })
    };
    let download_stranded = {
        let shelf = shelf.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(raw) = &shelf.stranded {
                let name = file_name(&text(lang, "exports.file-unreadable"), "", "txt");
                if download_text(&name, "text/plain;charset=utf-8", raw).is_err() {
                    shelf.say(PanelStatus::DownloadFailed);
                }
            }
        })
    };

    let mut choices = vec![
        Choice {
            key: "baseline".into(),
            label: text(lang, "scenarios.baseline-name"),
            scenario: baseline.clone(),
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

    html! {
        <section class="scenarios" aria-labelledby="scenarios-heading">
            <Heading rank={Rank::Section} id="scenarios-heading">{ text(lang, "scenarios.heading") }</Heading>
            <p class="current-scenario">
                <span class="label">{ text(lang, "scenarios.current") }</span>
                <strong id="current-scenario-name">{ name.label(lang) }</strong>
            </p>
            <p class="panel-status" role="status">
                if let Some(status) = &*status {
                    <span class={classes!(status.is_error().then_some("is-error"))}>{ status.words(lang) }</span>
                }
            </p>

            // On a wide screen: keeping and sharing on the left, the comparison on the right.
            <div class="scenario-parts">
                <div class="scenario-keep">
                    <SaveForm on_save={on_save}
                        unavailable={shelf.unavailable.as_ref().map(|e| e.message(lang))} />
                    if shelf.stranded.is_some() {
                        <div class="stranded no-print">
                            <p>{ text(lang, "scenarios.stranded") }</p>
                            <button type="button" class="secondary" onclick={download_stranded}>{ text(lang, "scenarios.download-stranded") }</button>
                        </div>
                    }
                    <SavedList entries={entries.clone()} current_id={current_id} shelf={shelf.clone()}
                        on_open={on_open} on_open_elsewhere={on_open_elsewhere} />
                    <div class="bundle no-print">
                        <button type="button" class="secondary" id="download-bundle"
                            aria-describedby="bundle-hint" onclick={download_bundle}>
                            { text(lang, "scenarios.bundle-download") }
                        </button>
                        <p class="hint-line" id="bundle-hint">{ text(lang, "scenarios.bundle-hint") }</p>
                    </div>
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

/// A saved scenario read against `dataset` (tagged `here`), with its grand total when it
/// fits; one saved on another dataset is not read against this one.
fn read_entry(dataset: &DatasetRef, here: &DataTag, saved: &SavedScenario) -> Entry {
    let data = saved.data_tag();
    if data.as_ref().is_some_and(|d| !d.same_data(here)) {
        return Entry {
            saved: saved.clone(),
            scenario: None,
            grand: None,
            data,
        };
    }
    let scenario = share_link::decode_kept(&saved.share, dataset).map(Rc::new);
    let grand = scenario
        .as_ref()
        .ok()
        .map(|s| Totals::compute(dataset, s).grand());
    Entry {
        saved: saved.clone(),
        scenario: Some(scenario),
        grand,
        data,
    }
}

/// Opens a saved scenario together with its dataset, and says so in the panel.
struct Opener {
    id: String,
    name: String,
    share: String,
    dispatch: UseReducerDispatcher<AppState>,
    shelf: shelf::ShelfHandle,
    last_id: UseStateHandle<Option<String>>,
}

impl Opener {
    /// Shows `dataset` (read from `file`; the built-in one when `None`) with the scenario;
    /// whether it could be read against it.
    fn open(self, dataset: Rc<Dataset>, file: Option<String>) -> bool {
        match share_link::decode(&self.share, &dataset) {
            Ok(scenario) => {
                self.dispatch
                    .dispatch(Msg::LoadDataset(dataset, scenario, file));
                self.shelf.say(PanelStatus::Opened(self.name));
                self.last_id.set(Some(self.id));
                true
            }
            Err(error) => {
                self.shelf.say(PanelStatus::CannotOpen {
                    name: self.name,
                    error,
                });
                false
            }
        }
    }
}

/// The figures on screen as a JSON dataset file named `name`, when they read back the same
/// (figures read from a table may lack what a JSON file requires).
fn as_json(dataset: &Dataset, name: &str) -> Option<KeptDataset> {
    let text = serde_json::to_string_pretty(dataset).ok()?;
    let again = crate::core::validate::parse_dataset(text.as_bytes()).ok()?;
    (again.dataset == *dataset).then(|| KeptDataset {
        name: name.to_owned(),
        loaded_at: 0.0,
        format: KeptFormat::Json,
        text,
    })
}
