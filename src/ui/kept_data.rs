//! The data kept in this browser: the last dataset a planner loaded, stored in IndexedDB so
//! that it opens again after a reload, listed beside the built-in one with buttons to open
//! either and to remove it. Storage that is full or refused is said, and the data on screen
//! stays in memory.

use std::rc::Rc;

use yew::prelude::*;

use crate::MUCHUAN_JSON;
use crate::core::dataset::Dataset;
use crate::core::kept::KeptDataset;
use crate::core::lang::Lang;
use crate::core::scenario::Scenario;
use crate::core::validate::parse_dataset;
use crate::i18n::{fill, text};
use crate::model::state::Msg;
use crate::ui::hooks::{use_dispatch, use_inactive, use_lang};
use crate::web::idb::{self, IdbError};

/// The key of the kept dataset.
pub const KEPT_KEY: &str = "current";
/// The key saying whether the kept dataset opens at start-up (`yes` or `no`).
pub const REOPEN_KEY: &str = "reopen";

/// What the browser keeps, as far as this page knows.
pub type Kept = Option<Result<KeptDataset, IdbError>>;

/// Keeps `kept` in the browser, to be opened again after a reload; `state` learns the outcome.
pub fn keep(kept: KeptDataset, state: UseStateHandle<Kept>) {
    wasm_bindgen_futures::spawn_local(async move {
        let stored = match idb::put(KEPT_KEY, &kept.to_json()).await {
            Ok(()) => idb::put(REOPEN_KEY, "yes").await,
            Err(error) => Err(error),
        };
        state.set(Some(stored.map(|()| kept)));
    });
}

/// Reads what the browser keeps into `state` (nothing when it keeps nothing).
pub fn recall(state: UseStateHandle<Kept>) {
    wasm_bindgen_futures::spawn_local(async move {
        match idb::get(KEPT_KEY).await {
            Ok(Some(json)) => {
                if let Some(kept) = KeptDataset::from_json(&json) {
                    state.set(Some(Ok(kept)));
                }
            }
            Ok(None) => {}
            Err(error) => state.set(Some(Err(error))),
        }
    });
}

/// The dataset to open at start-up, with its file's name: the kept one, unless the planner last
/// chose the built-in.
pub async fn reopened() -> Option<(String, Dataset)> {
    if idb::get(REOPEN_KEY).await.ok().flatten().as_deref() == Some("no") {
        return None;
    }
    let kept = KeptDataset::from_json(&idb::get(KEPT_KEY).await.ok().flatten()?)?;
    Some((kept.name.clone(), kept.dataset()?))
}

/// `ms` since 1970 as the browser's local date and time, `2026-12-06 03:40`.
fn when(ms: f64) -> String {
    let date = js_sys::Date::new(&ms.into());
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Props of [`KeptData`].
#[derive(Properties, PartialEq)]
pub struct KeptDataProps {
    /// What the browser keeps.
    pub kept: Kept,
    /// Told the name of the kept file once the planner has removed it.
    pub on_removed: Callback<String>,
    /// Told what a button opened: the kept file's name (`None`: the built-in data) and how
    /// many streams it has.
    pub on_opened: Callback<(Option<String>, usize)>,
}

/// The kept dataset and the built-in one, each with its buttons.
#[function_component(KeptData)]
pub fn kept_data(props: &KeptDataProps) -> Html {
    let KeptDataProps {
        kept,
        on_removed,
        on_opened,
    } = props;
    let lang = use_lang();
    let inactive = use_inactive();
    let dispatch = use_dispatch();
    // Where the focus goes when the kept file's buttons go.
    let built_in_button = use_node_ref();
    // Opens a dataset, and remembers whether the kept one opens at the next start.
    let open = {
        let (dispatch, on_opened) = (dispatch.clone(), on_opened.clone());
        move |dataset: Rc<Dataset>, name: Option<String>, reopen: &'static str| {
            let scenario = Scenario::baseline(&dataset);
            let streams = dataset.streams.len();
            dispatch.dispatch(Msg::LoadDataset(dataset, scenario, name.clone()));
            on_opened.emit((name, streams));
            reopen_next(reopen);
        }
    };
    let open_built_in = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dataset) = built_in() {
                open(dataset, None, "no");
            }
        })
    };
    let (item, refused) = match kept {
        None => (html! {}, html! {}),
        Some(Err(error)) => (
            html! {},
            html! {
                <p class="is-error">{ fill(lang, "data.kept-refused", &[("reason", &refusal(error, lang))]) }</p>
            },
        ),
        Some(Ok(entry)) => {
            let open_kept = {
                let entry = entry.clone();
                let open = open.clone();
                Callback::from(move |_: MouseEvent| {
                    if let Some(dataset) = entry.dataset() {
                        open(Rc::new(dataset), Some(entry.name.clone()), "yes");
                    }
                })
            };
            let remove = {
                let open = open.clone();
                let (name, on_removed) = (entry.name.clone(), on_removed.clone());
                let built_in_button = built_in_button.clone();
                Callback::from(move |_: MouseEvent| {
                    if let Some(dataset) = built_in() {
                        open(dataset, None, "no");
                    }
                    if let Some(button) = built_in_button.cast::<web_sys::HtmlElement>() {
                        let _ = button.focus();
                    }
                    on_removed.emit(name.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = idb::delete(KEPT_KEY).await;
                    });
                })
            };
            (
                html! {
                    <li>
                        { fill(lang, "data.kept", &[("name", &entry.name), ("when", &when(entry.loaded_at))]) }
                        <button type="button" class="link-button" id="kept-open" onclick={open_kept} disabled={inactive}
                            aria-label={format!("{} {}", text(lang, "data.kept-open"), entry.name)}>
                            { text(lang, "data.kept-open") }
                        </button>
                        <button type="button" class="link-button" id="kept-remove" onclick={remove} disabled={inactive}
                            aria-label={format!("{} {}", text(lang, "data.kept-remove"), entry.name)}>
                            { text(lang, "data.kept-remove") }
                        </button>
                    </li>
                },
                html! {},
            )
        }
    };
    html! {
        <div class="kept-data">
            <p>{ text(lang, "data.kept-heading") }</p>
            <ul>
                <li>
                    { text(lang, "data.built-in") }
                    <button type="button" class="link-button" id="built-in-open" onclick={open_built_in} ref={built_in_button}
                        disabled={inactive}
                        aria-label={format!("{} {}", text(lang, "data.kept-open"), text(lang, "data.built-in"))}>
                        { text(lang, "data.kept-open") }
                    </button>
                </li>
                { item }
            </ul>
            { refused }
        </div>
    }
}

/// The built-in Muchuan dataset (a test keeps it valid), read once.
pub fn built_in() -> Option<Rc<Dataset>> {
    thread_local! {
        static BUILT_IN: Option<Rc<Dataset>> = parse_dataset(MUCHUAN_JSON.as_bytes())
            .ok()
            .map(|v| Rc::new(v.dataset));
    }
    BUILT_IN.with(Clone::clone)
}

/// The dataset record this browser keeps, if it keeps one it can read.
pub async fn kept_record() -> Option<KeptDataset> {
    KeptDataset::from_json(&idb::get(KEPT_KEY).await.ok().flatten()?)
}

/// Remembers whether the kept dataset opens at the next start (`yes`) or the built-in one
/// (`no`).
pub fn reopen_next(reopen: &'static str) {
    wasm_bindgen_futures::spawn_local(async move {
        let _ = idb::put(REOPEN_KEY, reopen).await;
    });
}

/// Why the browser did not keep the data, in words of `lang`.
fn refusal(error: &IdbError, lang: Lang) -> String {
    match error {
        IdbError::Unavailable => text(lang, "data.kept-unavailable"),
        IdbError::Quota => text(lang, "data.kept-quota"),
        IdbError::Failed(detail) => detail.clone(),
    }
}
