//! The scenarios panel: the current scenario's name, named scenarios saved in the browser
//! (save, open, rename, duplicate, delete), the share link and the exports
//! ([`crate::ui::exports`]); beside them on a wide screen, below them on a narrow one, the
//! comparison ([`crate::ui::compare`]).
//!
//! The saved scenarios live in `localStorage` through [`crate::web::storage`]; every edit is
//! written before the list shows it, so what is on screen is what a reload will find.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::core::element_id::spelled_before_part;
use crate::core::lang::Lang;
use crate::core::saved::{EditError, MAX_NAME_CHARS, STORAGE_KEY, SavedScenario, Store};
use crate::core::scenario::Scenario;
use crate::core::share_link::{self, LinkError};
use crate::core::totals::Totals;
use crate::i18n::Message;
use crate::i18n::{fill, text};
use crate::ui::compare::{Choice, Compare};
use crate::ui::exports::Exports;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::use_settled;
use crate::ui::money;
use crate::ui::state::{AppState, DatasetRef, Msg, Notice};
use crate::web::download::{download_text, file_name};
use crate::web::page::listen_window;
use crate::web::storage::{self, CommitError, Committed, Loaded, StorageError, Unreadable};

/// Props of [`ScenariosPanel`].
#[derive(Properties, PartialEq)]
pub struct ScenariosPanelProps {
    /// The dataset shown.
    pub dataset: DatasetRef,
    /// The file the dataset was loaded from, when the planner loaded one.
    pub data_file: Option<String>,
    /// The current scenario.
    pub scenario: Scenario,
    /// Its totals.
    pub totals: Rc<Totals>,
    /// The interface language.
    pub lang: Lang,
    /// Sends scenarios to open and notices to the app state.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// What the panel knows of the stored scenarios.
#[derive(Clone, Debug, Default, PartialEq)]
struct Shelf {
    /// The saved scenarios.
    store: Store,
    /// The stored text `store` was read from or written as; `None` makes the next edit read
    /// the storage again first.
    seen: Option<String>,
    /// Why the storage cannot be used, when it cannot.
    unavailable: Option<StorageError>,
    /// Stored text that could not be read nor copied aside: offered for download.
    stranded: Option<String>,
}

/// A saved scenario read against the dataset.
#[derive(Clone, Debug, PartialEq)]
struct Entry {
    saved: SavedScenario,
    scenario: Result<Rc<Scenario>, LinkError>,
    grand: Option<i64>,
}

/// A message the panel shows in its status line.
#[derive(Clone, Debug, PartialEq)]
struct Status {
    text: String,
    error: bool,
}

/// The panel of named scenarios, share link, comparison and exports.
#[function_component(ScenariosPanel)]
pub fn scenarios_panel(props: &ScenariosPanelProps) -> Html {
    let ScenariosPanelProps {
        dataset,
        data_file,
        scenario,
        totals,
        lang,
        dispatch,
    } = props;
    let lang = *lang;
    let shelf = use_state(Shelf::default);
    let status = use_state(|| None::<Status>);
    let name_input = use_state(String::new);
    let name_error = use_state(|| None::<String>);
    let last_id = use_state(|| None::<String>);
    // The last scenario imported from a file, with the name the file gives it: shown as the
    // current scenario's name while the scenario on screen is that one.
    let imported = use_state(|| None::<(String, String)>);
    let editing = use_state(|| None::<String>);
    let rename_text = use_state(String::new);
    let rename_error = use_state(|| None::<String>);
    let confirming = use_state(|| None::<String>);
    let root = use_node_ref();
    let focus_next = use_mut_ref(|| None::<String>);

    // Read the store once, and again whenever another tab changes it.
    let lang_now = use_mut_ref(|| lang);
    *lang_now.borrow_mut() = lang;
    // The rename in progress (id, text typed), for the listener to see the current one.
    let renaming_now = use_mut_ref(|| None::<(String, String)>);
    *renaming_now.borrow_mut() = (*editing).clone().map(|id| (id, (*rename_text).clone()));
    {
        let shelf = shelf.clone();
        let dispatch = dispatch.clone();
        let editing = editing.clone();
        use_effect_with((), move |_| {
            apply_load(storage::load(), &shelf, &dispatch, *lang_now.borrow());
            let listener = listen_window("storage", move |event: web_sys::Event| {
                let key = js_sys::Reflect::get(&event, &"key".into())
                    .ok()
                    .and_then(|k| k.as_string());
                // `key` is null when the storage was cleared.
                if key.is_some_and(|k| k != STORAGE_KEY) {
                    return;
                }
                if let Some((store, seen)) = storage::reread() {
                    // A scenario being renamed here was deleted in another tab: say so, with
                    // the name typed, rather than let the form vanish.
                    let lost = renaming_now
                        .borrow()
                        .clone()
                        .filter(|(id, _)| store.get(id).is_none());
                    if let Some((_, typed)) = lost {
                        editing.set(None);
                        dispatch.dispatch(Msg::Notify(Notice::Message {
                            key: "scenarios.notice.rename-lost",
                            detail: Some(typed),
                        }));
                    }
                    shelf.set(Shelf {
                        store,
                        seen,
                        unavailable: None,
                        stranded: None,
                    });
                }
            });
            move || drop(listener)
        });
    }
    // Move the focus where an action asked for it, once the view shows it.
    {
        let focus_next = focus_next.clone();
        let root = root.clone();
        use_effect(move || {
            if let Some(selector) = focus_next.borrow_mut().take() {
                let target = root
                    .cast::<web_sys::Element>()
                    .and_then(|r| r.query_selector(&selector).ok().flatten())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(target) = target {
                    let _ = target.focus();
                }
            }
        });
    }

    let entries = use_memo(
        (dataset.clone(), shelf.store.clone()),
        |(dataset, store)| {
            store
                .scenarios
                .iter()
                .map(|saved| {
                    let scenario = share_link::decode(&saved.share, dataset).map(Rc::new);
                    let grand = scenario
                        .as_ref()
                        .ok()
                        .map(|s| Totals::compute(dataset, s).grand());
                    Entry {
                        saved: saved.clone(),
                        scenario,
                        grand,
                    }
                })
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
    let is_baseline = share == *baseline_share;
    let matching = entries
        .iter()
        .filter(|e| e.saved.share == share)
        .max_by_key(|e| Some(&e.saved.id) == last_id.as_ref());
    let imported_name = imported
        .as_ref()
        .filter(|(s, name)| *s == share && !name.is_empty() && !is_baseline && matching.is_none())
        .map(|(_, name)| name.clone());
    // The name shown, and the scenario's own name for its files: without the "(imported)" of
    // the label, and none for an unsaved scenario.
    let (current_name, own_name) = if is_baseline {
        let name = text(lang, "scenarios.baseline-name");
        (name.clone(), name)
    } else if let Some(entry) = matching {
        (entry.saved.name.clone(), entry.saved.name.clone())
    } else if let Some(name) = imported_name {
        (
            fill(lang, "scenarios.imported-name", &[("name", &name)]),
            name,
        )
    } else {
        (text(lang, "scenarios.unsaved-name"), String::new())
    };
    let current_id = matching.map(|e| e.saved.id.clone());
    // The comparison below the charts follows a drag once the hand stops, not on every frame;
    // it never shows a scenario of another dataset than the one on screen.
    let settled = use_settled((
        dataset.clone(),
        Rc::new(scenario.clone()),
        current_name.clone(),
    ));
    let (compared, compared_name) = if settled.0 == *dataset {
        (settled.1.clone(), settled.2.clone())
    } else {
        (Rc::new(scenario.clone()), current_name.clone())
    };

    let saver = Saver {
        shelf: shelf.clone(),
        dispatch: dispatch.clone(),
        status: status.clone(),
        lang,
    };

    let on_name_input = {
        let name_input = name_input.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                name_input.set(input.value());
            }
        })
    };
    let on_save = {
        let saver = saver.clone();
        let name_input = name_input.clone();
        let name_error = name_error.clone();
        let last_id = last_id.clone();
        let share = share.clone();
        let count = shelf.store.scenarios.len();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let typed = name_input.trim().to_owned();
            let name = if typed.is_empty() {
                fill(
                    lang,
                    "scenarios.default-name",
                    &[("n", &(count + 1).to_string())],
                )
            } else {
                typed
            };
            let now = now_ms();
            match saver.commit(|store| store.add(&name, now, &share)) {
                Ok(id) => {
                    name_error.set(None);
                    name_input.set(String::new());
                    last_id.set(Some(id));
                    saver.say(fill(lang, "scenarios.saved", &[("name", &name)]), false);
                }
                Err(Some(error)) => name_error.set(Some(error)),
                Err(None) => name_error.set(None),
            }
        })
    };

    let open = {
        let dispatch = dispatch.clone();
        let saver = saver.clone();
        let last_id = last_id.clone();
        move |entry: &Entry| {
            let dispatch = dispatch.clone();
            let saver = saver.clone();
            let last_id = last_id.clone();
            let id = entry.saved.id.clone();
            let name = entry.saved.name.clone();
            let scenario = entry.scenario.clone();
            Callback::from(move |_: MouseEvent| match &scenario {
                Ok(scenario) => {
                    dispatch.dispatch(Msg::OpenScenario((**scenario).clone()));
                    last_id.set(Some(id.clone()));
                    saver.say(fill(lang, "scenarios.opened", &[("name", &name)]), false);
                }
                Err(error) => saver.say(
                    fill(
                        lang,
                        "scenarios.cannot-open",
                        &[("name", &name), ("reason", &error.message(lang))],
                    ),
                    true,
                ),
            })
        }
    };
    let start_rename = {
        let editing = editing.clone();
        let rename_text = rename_text.clone();
        let rename_error = rename_error.clone();
        let confirming = confirming.clone();
        let focus_next = focus_next.clone();
        move |saved: &SavedScenario| {
            let editing = editing.clone();
            let rename_text = rename_text.clone();
            let rename_error = rename_error.clone();
            let confirming = confirming.clone();
            let focus_next = focus_next.clone();
            let id = saved.id.clone();
            let name = saved.name.clone();
            Callback::from(move |_: MouseEvent| {
                rename_text.set(name.clone());
                rename_error.set(None);
                confirming.set(None);
                editing.set(Some(id.clone()));
                *focus_next.borrow_mut() = Some(format!("#{}", dom_id(&id, "rename-input")));
            })
        }
    };
    let on_rename_input = {
        let rename_text = rename_text.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                rename_text.set(input.value());
            }
        })
    };
    let finish_rename = {
        let saver = saver.clone();
        let editing = editing.clone();
        let rename_text = rename_text.clone();
        let rename_error = rename_error.clone();
        let focus_next = focus_next.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(id) = (*editing).clone() else {
                return;
            };
            let name = rename_text.trim().to_owned();
            match saver.commit(|store| store.rename(&id, &name).map(|s| (s, ()))) {
                Ok(()) => {
                    editing.set(None);
                    rename_error.set(None);
                    *focus_next.borrow_mut() = Some(format!("#{}", dom_id(&id, "rename")));
                    saver.say(fill(lang, "scenarios.renamed", &[("name", &name)]), false);
                }
                Err(error) => rename_error.set(error),
            }
        })
    };
    let cancel_rename = {
        let editing = editing.clone();
        let focus_next = focus_next.clone();
        Callback::from(move |()| {
            if let Some(id) = (*editing).clone() {
                *focus_next.borrow_mut() = Some(format!("#{}", dom_id(&id, "rename")));
            }
            editing.set(None);
        })
    };
    let duplicate = {
        let saver = saver.clone();
        let focus_next = focus_next.clone();
        move |saved: &SavedScenario| {
            let saver = saver.clone();
            let focus_next = focus_next.clone();
            let id = saved.id.clone();
            let name = copy_name(&saved.name, lang);
            Callback::from(move |_: MouseEvent| {
                let now = now_ms();
                match saver.commit(|store| store.duplicate(&id, &name, now)) {
                    Ok(new_id) => {
                        *focus_next.borrow_mut() = Some(format!("#{}", dom_id(&new_id, "open")));
                        saver.say(
                            fill(lang, "scenarios.duplicated", &[("name", &name)]),
                            false,
                        );
                    }
                    Err(Some(error)) => saver.say(error, true),
                    Err(None) => {}
                }
            })
        }
    };
    let ask_delete = {
        let confirming = confirming.clone();
        let editing = editing.clone();
        let focus_next = focus_next.clone();
        move |saved: &SavedScenario| {
            let confirming = confirming.clone();
            let editing = editing.clone();
            let focus_next = focus_next.clone();
            let id = saved.id.clone();
            Callback::from(move |_: MouseEvent| {
                editing.set(None);
                confirming.set(Some(id.clone()));
                *focus_next.borrow_mut() = Some(format!("#{}", dom_id(&id, "confirm-delete")));
            })
        }
    };
    let confirm_delete = {
        let saver = saver.clone();
        let confirming = confirming.clone();
        let focus_next = focus_next.clone();
        move |saved: &SavedScenario| {
            let saver = saver.clone();
            let confirming = confirming.clone();
            let focus_next = focus_next.clone();
            let id = saved.id.clone();
            let name = saved.name.clone();
            Callback::from(move |_: MouseEvent| {
                match saver.commit(|store| store.delete(&id).map(|s| (s, ()))) {
                    Ok(()) => {
                        confirming.set(None);
                        *focus_next.borrow_mut() = Some("#saved-heading".to_owned());
                        saver.say(fill(lang, "scenarios.deleted", &[("name", &name)]), false);
                    }
                    Err(Some(error)) => saver.say(error, true),
                    Err(None) => {}
                }
            })
        }
    };
    let cancel_delete = {
        let confirming = confirming.clone();
        let focus_next = focus_next.clone();
        Callback::from(move |()| {
            if let Some(id) = (*confirming).clone() {
                *focus_next.borrow_mut() = Some(format!("#{}", dom_id(&id, "delete")));
            }
            confirming.set(None);
        })
    };
    let download_stranded = {
        let stranded = shelf.stranded.clone();
        let saver = saver.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(raw) = &stranded {
                let name = file_name(&text(lang, "exports.file-unreadable"), "", "txt");
                if download_text(&name, "text/plain;charset=utf-8", raw).is_err() {
                    saver.say(text(lang, "exports.download-failed"), true);
                }
            }
        })
    };

    let item = |entry: &Entry| {
        let saved = &entry.saved;
        let id = &saved.id;
        let is_current = current_id.as_ref() == Some(id);
        let date = saved_date(saved.saved_at, lang);
        let is_editing = editing.as_ref() == Some(id);
        let is_confirming = confirming.as_ref() == Some(id);
        html! {
            <li class={classes!("saved-item", is_current.then_some("is-current"))} key={id.clone()}
                id={dom_id(id, "item")}>
                <p class="saved-head">
                    <span class="saved-name" id={dom_id(id, "name")}>{ &saved.name }</span>
                    if is_current {
                        <span class="badge current">{ text(lang, "scenarios.is-current") }</span>
                    }
                </p>
                <p class="saved-meta">
                    <span>
                        { text(lang, "scenarios.saved-at") }
                        { match &date {
                            Some((iso, shown)) => html! { <time datetime={iso.clone()}>{ shown }</time> },
                            None => html! { { text(lang, "scenarios.unknown-date") } },
                        } }
                    </span>
                    <span>
                        { text(lang, "scenarios.grand") }
                        <strong class="saved-total">{ entry.grand.map_or_else(|| "—".to_owned(), |g| money(g, lang)) }</strong>
                    </span>
                </p>
                if let Err(error) = &entry.scenario {
                    <p class="field-error">{ fill(lang, "scenarios.does-not-fit", &[("reason", &error.message(lang))]) }</p>
                }
                <div class="saved-actions" role="group" aria-labelledby={dom_id(id, "name")}>
                    <button type="button" id={dom_id(id, "open")} onclick={open(entry)}
                        disabled={entry.scenario.is_err()}>{ text(lang, "scenarios.open") }</button>
                    <button type="button" class="secondary" id={dom_id(id, "rename")}
                        aria-expanded={if is_editing { "true" } else { "false" }}
                        onclick={start_rename(saved)}>{ text(lang, "scenarios.rename") }</button>
                    <button type="button" class="secondary" id={dom_id(id, "duplicate")}
                        onclick={duplicate(saved)}>{ text(lang, "scenarios.duplicate") }</button>
                    <button type="button" class="secondary danger" id={dom_id(id, "delete")}
                        onclick={ask_delete(saved)}>{ text(lang, "scenarios.delete") }</button>
                </div>
                if is_editing {
                    <form class="rename-form" onsubmit={finish_rename.clone()}
                        onkeydown={on_escape(cancel_rename.clone())}>
                        <label for={dom_id(id, "rename-input")}>{ text(lang, "scenarios.new-name") }</label>
                        <input type="text" id={dom_id(id, "rename-input")} value={(*rename_text).clone()}
                            maxlength={MAX_NAME_CHARS.to_string()} oninput={on_rename_input.clone()}
                            aria-invalid={if rename_error.is_some() { "true" } else { "false" }}
                            aria-describedby={dom_id(id, "rename-error")} />
                        <button type="submit">{ text(lang, "scenarios.save-name") }</button>
                        <button type="button" class="secondary" onclick={cancel_rename.reform(|_| ())}>{ text(lang, "scenarios.cancel") }</button>
                        <p class="field-error" id={dom_id(id, "rename-error")} role="alert">{ (*rename_error).clone().unwrap_or_default() }</p>
                    </form>
                }
                if is_confirming {
                    <div class="confirm" role="group" aria-labelledby={dom_id(id, "confirm-text")}
                        onkeydown={on_escape(cancel_delete.clone())}>
                        <p id={dom_id(id, "confirm-text")}>{ fill(lang, "scenarios.confirm-delete", &[("name", &saved.name)]) }</p>
                        <button type="button" class="danger-solid" id={dom_id(id, "confirm-delete")}
                            onclick={confirm_delete(saved)}>{ text(lang, "scenarios.delete-now") }</button>
                        <button type="button" class="secondary" onclick={cancel_delete.reform(|_| ())}>{ text(lang, "scenarios.keep") }</button>
                    </div>
                }
            </li>
        }
    };

    let choices = {
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
                scenario: entry.scenario.clone().ok()?,
            })
        }));
        Rc::new(choices)
    };

    let storage_off = shelf.unavailable.is_some();
    let share_url = share_url(&share, lang);
    let on_imported = {
        let dataset = dataset.clone();
        let imported = imported.clone();
        Callback::from(move |(scenario, name): (Scenario, String)| {
            imported.set(Some((share_link::encode(&dataset, &scenario), name)));
        })
    };

    html! {
        <section class="scenarios" aria-labelledby="scenarios-heading" ref={root}>
            <Heading rank={Rank::Section} id="scenarios-heading">{ text(lang, "scenarios.heading") }</Heading>
            <p class="current-scenario">
                <span class="label">{ text(lang, "scenarios.current") }</span>
                <strong id="current-scenario-name">{ &current_name }</strong>
            </p>
            <p class="panel-status" role="status">
                if let Some(status) = &*status {
                    <span class={classes!(status.error.then_some("is-error"))}>{ &status.text }</span>
                }
            </p>

            // On a wide screen: keeping and sharing on the left, the comparison on the right.
            <div class="scenario-parts">
                <div class="scenario-keep">
                    <form class="save-form no-print" onsubmit={on_save}>
                        <label for="scenario-name">{ text(lang, "scenarios.name-label") }</label>
                        <div class="save-line">
                            <input type="text" id="scenario-name" value={(*name_input).clone()}
                                maxlength={MAX_NAME_CHARS.to_string()} oninput={on_name_input}
                                disabled={storage_off}
                                aria-invalid={if name_error.is_some() { "true" } else { "false" }}
                                aria-describedby="scenario-name-hint scenario-name-error" />
                            <button type="submit" id="save-scenario" disabled={storage_off}>{ text(lang, "scenarios.save") }</button>
                        </div>
                        <p class="hint-line" id="scenario-name-hint">{ text(lang, "scenarios.name-hint") }</p>
                        <p class="field-error" id="scenario-name-error" role="alert">{ (*name_error).clone().unwrap_or_default() }</p>
                        if let Some(error) = &shelf.unavailable {
                            <p class="storage-note">{ error.message(lang) }</p>
                        }
                    </form>
                    if shelf.stranded.is_some() {
                        <div class="stranded no-print">
                            <p>{ text(lang, "scenarios.stranded") }</p>
                            <button type="button" class="secondary" onclick={download_stranded}>{ text(lang, "scenarios.download-stranded") }</button>
                        </div>
                    }

                    <div class="saved no-print">
                        <Heading rank={Rank::Part} id="saved-heading" focusable=true>{ text(lang, "scenarios.saved-heading") }</Heading>
                        if entries.is_empty() {
                            <p class="empty">{ text(lang, "scenarios.none") }</p>
                        } else {
                            <ul class="saved-list">{ for entries.iter().map(item) }</ul>
                        }
                    </div>

                    if let Some(url) = share_url {
                        <ShareLink url={url} data_file={data_file.clone()} lang={lang} />
                    }
                    <Exports dataset={dataset.clone()} scenario={scenario.clone()} totals={totals.clone()}
                        name={own_name} lang={lang} dispatch={dispatch.clone()}
                        on_imported={on_imported} />
                </div>
                <Compare dataset={dataset.clone()} choices={choices} lang={lang} />
            </div>
        </section>
    }
}

/// Reads, writes and reports through the app's notices and the panel's status line.
#[derive(Clone)]
struct Saver {
    shelf: UseStateHandle<Shelf>,
    dispatch: UseReducerDispatcher<AppState>,
    status: UseStateHandle<Option<Status>>,
    lang: Lang,
}

impl Saver {
    fn say(&self, text: String, error: bool) {
        self.status.set(Some(Status { text, error }));
    }

    /// Stores an edit. On failure the stored value and the list stay as they were; an edit
    /// the store refused comes back as its message (for beside the field), storage failures
    /// are reported here and come back as `None`.
    fn commit<T>(
        &self,
        edit: impl FnOnce(&Store) -> Result<(Store, T), EditError>,
    ) -> Result<T, Option<String>> {
        let lang = self.lang;
        if let Some(error) = &self.shelf.unavailable {
            self.say(error.message(lang), true);
            return Err(None);
        }
        match storage::commit(&self.shelf.store, self.shelf.seen.as_deref(), edit) {
            Ok(Committed {
                store,
                seen,
                value,
                recovered,
            }) => {
                if let Some(unreadable) = &recovered {
                    report_unreadable(unreadable, &self.dispatch, lang);
                }
                self.shelf.set(Shelf {
                    store,
                    seen: Some(seen),
                    unavailable: None,
                    stranded: None,
                });
                Ok(value)
            }
            Err(CommitError::Edit(error)) => Err(Some(error.message(lang))),
            Err(CommitError::Storage(error)) => {
                let (key, detail) = match error {
                    StorageError::Quota => ("scenarios.notice.quota", None),
                    other => ("scenarios.notice.not-saved", Some(other.message(lang))),
                };
                self.dispatch
                    .dispatch(Msg::Notify(Notice::Message { key, detail }));
                self.say(text(lang, key), true);
                Err(None)
            }
            Err(CommitError::Unreadable(unreadable)) => {
                report_unreadable(&unreadable, &self.dispatch, lang);
                self.shelf.set(Shelf {
                    stranded: Some(unreadable.raw.clone()),
                    seen: None,
                    ..(*self.shelf).clone()
                });
                self.say(text(lang, "scenarios.notice.not-saved"), true);
                Err(None)
            }
        }
    }
}

/// Puts what [`storage::load`] found into the panel, with a notice when the stored text could
/// not be read.
fn apply_load(
    loaded: Loaded,
    shelf: &UseStateHandle<Shelf>,
    dispatch: &UseReducerDispatcher<AppState>,
    lang: Lang,
) {
    match loaded {
        Loaded::Ready { store, seen } => shelf.set(Shelf {
            store,
            seen,
            unavailable: None,
            stranded: None,
        }),
        // The readable scenarios show; the others are kept aside, and the notice says where.
        Loaded::Partly {
            store,
            seen,
            unreadable,
        } => {
            let count = store.set_aside.len();
            match &unreadable.backup {
                Ok(key) => dispatch.dispatch(Msg::Notify(Notice::Message {
                    key: "scenarios.notice.set-aside",
                    detail: Some(fill(
                        lang,
                        "scenarios.notice.set-aside-where",
                        &[
                            ("count", &count.to_string()),
                            ("reason", &unreadable.error.message(lang)),
                            ("key", key),
                        ],
                    )),
                })),
                Err(_) => report_unreadable(&unreadable, dispatch, lang),
            }
            let kept = unreadable.backup.is_ok();
            shelf.set(Shelf {
                store,
                seen: kept.then_some(seen).flatten(),
                unavailable: None,
                stranded: (!kept).then_some(unreadable.raw),
            });
        }
        Loaded::Unreadable(unreadable) => {
            report_unreadable(&unreadable, dispatch, lang);
            let kept = unreadable.backup.is_ok();
            shelf.set(Shelf {
                store: Store::default(),
                // Once the text is copied aside it may be written over; until then the next
                // edit must read (and try to copy) it again.
                seen: kept.then(|| unreadable.raw.clone()),
                unavailable: None,
                stranded: (!kept).then_some(unreadable.raw),
            });
        }
        Loaded::Unavailable(error) => shelf.set(Shelf {
            unavailable: Some(error),
            ..Shelf::default()
        }),
    }
}

/// A notice saying the stored scenarios could not be read, why, and where the text is kept.
fn report_unreadable(
    unreadable: &Unreadable,
    dispatch: &UseReducerDispatcher<AppState>,
    lang: Lang,
) {
    let reason = unreadable.error.message(lang);
    let notice = match &unreadable.backup {
        Ok(key) => Notice::Message {
            key: "scenarios.notice.unreadable",
            detail: Some(fill(
                lang,
                "scenarios.notice.kept-as",
                &[("reason", &reason), ("key", key)],
            )),
        },
        Err(error) => Notice::Message {
            key: "scenarios.notice.unreadable-not-kept",
            detail: Some(fill(
                lang,
                "scenarios.notice.not-kept",
                &[("reason", &reason), ("error", &error.message(lang))],
            )),
        },
    };
    dispatch.dispatch(Msg::Notify(notice));
}

/// The id of an element of saved scenario `id`.
fn dom_id(id: &str, part: &str) -> String {
    format!("saved-{}-{part}", spelled_before_part(id))
}

/// Milliseconds since the Unix epoch.
fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// The name of a copy: `name（副本）`, `name (copy)`, cut to fit [`MAX_NAME_CHARS`].
fn copy_name(name: &str, lang: Lang) -> String {
    let suffix_len = fill(lang, "scenarios.copy-name", &[("name", "")])
        .chars()
        .count();
    let room = MAX_NAME_CHARS.saturating_sub(suffix_len);
    let base: String = name.chars().take(room).collect();
    fill(lang, "scenarios.copy-name", &[("name", &base)])
}

/// The latest time JavaScript dates reach (ms since the epoch).
const MAX_DATE_MS: u64 = 8_640_000_000_000_000;

/// A saved time as an ISO string (for `<time datetime>`) and as the language writes it.
fn saved_date(ms: u64, lang: Lang) -> Option<(String, String)> {
    if ms > MAX_DATE_MS {
        return None;
    }
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let shown = date.to_locale_string(lang.tag(), &options);
    Some((String::from(date.to_iso_string()), String::from(shown)))
}

/// The link to the explorer showing `share`: this page's address without `embed`, in `lang`,
/// with the scenario as its fragment. `None` where the explorer is a custom element on another
/// page (that page's address would not open the scenario).
fn share_url(share: &str, lang: Lang) -> Option<String> {
    crate::web::page::element_by_id(crate::web::STANDALONE_ROOT_ID)?;
    let location = web_sys::window()?.location();
    let origin = location.origin().ok()?;
    let path = location.pathname().ok()?;
    let search = location.search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.delete("embed");
    params.set("lang", lang.tag());
    let query = String::from(params.to_string());
    Some(format!("{origin}{path}?{query}#{share}"))
}

/// Props of [`ShareLink`].
#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    /// The link to share.
    pub url: String,
    /// The file the dataset was loaded from, which the link does not carry.
    pub data_file: Option<String>,
    /// The interface language.
    pub lang: Lang,
}

/// The share link in a read-only field, and a button that copies it.
#[function_component(ShareLink)]
pub fn share_link_view(props: &ShareLinkProps) -> Html {
    let lang = props.lang;
    let field = use_node_ref();
    let note = use_state(|| None::<&'static str>);
    {
        let note = note.clone();
        use_effect_with(props.url.clone(), move |_| note.set(None));
    }
    let copy = {
        let url = props.url.clone();
        let field = field.clone();
        let note = note.clone();
        Callback::from(move |_: MouseEvent| {
            let url = url.clone();
            let field = field.clone();
            let note = note.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if write_clipboard(&url).await.is_ok() {
                    note.set(Some("scenarios.share-copied"));
                } else {
                    if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                    note.set(Some("scenarios.share-select"));
                }
            });
        })
    };
    let select_all = Callback::from(|event: FocusEvent| {
        if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });
    // A link the app itself would refuse is said before it is sent, not after.
    let link_bytes = props.url.split_once('#').map_or(0, |(_, f)| f.len());
    let too_long = link_bytes > share_link::MAX_LINK_BYTES;
    let described_by = match (props.data_file.is_some(), too_long) {
        (true, true) => "share-too-long share-file-note share-note",
        (false, true) => "share-too-long share-note",
        (true, false) => "share-file-note share-note",
        (false, false) => "share-note",
    };
    html! {
        <div class="share no-print">
            <Heading rank={Rank::Part} id="share-heading">{ text(lang, "scenarios.share-heading") }</Heading>
            <label for="share-url">{ text(lang, "scenarios.share-label") }</label>
            <div class="share-line">
                <input type="text" id="share-url" readonly=true value={props.url.clone()} ref={field}
                    onfocus={select_all} aria-describedby={described_by} />
                <button type="button" id="copy-share" onclick={copy}>{ text(lang, "scenarios.share-copy") }</button>
            </div>
            if too_long {
                <p class="hint-line is-warning" id="share-too-long">
                    { fill(lang, "scenarios.share-too-long", &[
                        ("size", &link_bytes.div_ceil(1024).to_string()),
                        ("max", &(share_link::MAX_LINK_BYTES / 1024).to_string()),
                    ]) }
                </p>
            }
            if let Some(file) = &props.data_file {
                <p class="hint-line is-warning" id="share-file-note">
                    { fill(lang, "scenarios.share-no-file", &[("name", file)]) }
                </p>
            }
            <p class="hint-line" id="share-note" role="status">
                { note.map(|key| text(lang, key)).unwrap_or_default() }
            </p>
        </div>
    }
}

/// Writes `text` to the clipboard where the browser offers `navigator.clipboard`.
async fn write_clipboard(text: &str) -> Result<(), JsValue> {
    let navigator = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(JsValue::from_str("no clipboard"));
    }
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())?
        .dyn_into()
        .map_err(|_| JsValue::from_str("no writeText"))?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(text))?
        .dyn_into()
        .map_err(|_| JsValue::from_str("not a promise"))?;
    wasm_bindgen_futures::JsFuture::from(promise).await?;
    Ok(())
}

/// Escape pressed inside a small form (renaming, confirming a delete) cancels it, as it closes
/// a dialog.
fn on_escape(cancel: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            cancel.emit(());
        }
    })
}
