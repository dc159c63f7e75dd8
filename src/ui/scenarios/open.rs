//! Opening a saved scenario: on the data on screen, or with the dataset it belongs to (the
//! built-in one, or the loaded file this browser keeps).

use std::rc::Rc;

use yew::prelude::*;

use super::entries::Entry;
use super::shelf::ShelfHandle;
use crate::core::data_tag::{DataTag, digest};
use crate::core::dataset::Dataset;
use crate::core::scenario::Scenario;
use crate::core::share_link;
use crate::model::panel::PanelStatus;
use crate::model::state::{AppState, Msg};
use crate::ui::hooks::use_dispatch;
use crate::ui::kept_data::{built_in, kept_record, reopen_next};

/// The callbacks that open saved scenarios.
pub struct OpenSaved {
    /// Opens a scenario read against the data on screen, by its id.
    pub on_open: Callback<(String, Rc<Scenario>)>,
    /// Opens a scenario of another dataset, by its id, with its dataset.
    pub on_open_elsewhere: Callback<String>,
}

/// Opens the saved scenarios of `entries`, says so in the panel, and sets `last_id` to the one
/// opened.
#[hook]
pub fn use_open_saved(
    shelf: ShelfHandle,
    last_id: UseStateHandle<Option<String>>,
    entries: Rc<Vec<Entry>>,
) -> OpenSaved {
    let dispatch = use_dispatch();
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
    let on_open_elsewhere = Callback::from(move |id: String| {
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
    });
    OpenSaved {
        on_open,
        on_open_elsewhere,
    }
}

/// Opens a saved scenario together with its dataset, and says so in the panel.
struct Opener {
    id: String,
    name: String,
    share: String,
    dispatch: UseReducerDispatcher<AppState>,
    shelf: ShelfHandle,
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
