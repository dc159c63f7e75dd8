//! The saved scenarios as the panel lists them: each read against the dataset on screen, which
//! they name by a [`DataTag`].

use std::rc::Rc;

use yew::prelude::*;

use crate::core::data_tag::{DataTag, digest};
use crate::core::element_id::spelled_before_part;
use crate::core::lang::Lang;
use crate::core::saved::{SavedScenario, Store};
use crate::core::scenario::Scenario;
use crate::core::share_link::{self, LinkError};
use crate::core::totals::Totals;
use crate::model::state::DatasetRef;
use crate::ui::header::DataOrigin;
use crate::ui::kept_data::built_in;

/// A saved scenario read against the dataset on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// As stored.
    pub saved: SavedScenario,
    /// Its scenario, or why it does not fit the dataset; `None` when it belongs to another
    /// dataset than the one on screen (it is read against that one when opened).
    pub scenario: Option<Result<Rc<Scenario>, LinkError>>,
    /// Its grand total, when it fits.
    pub grand: Option<i64>,
    /// The dataset it belongs to, when the record says so in a way this build reads.
    pub data: Option<DataTag>,
}

/// The id of an element of saved scenario `id`.
pub fn dom_id(id: &str, part: &str) -> String {
    format!("saved-{}-{part}", spelled_before_part(id))
}

/// The dataset on screen as saved scenarios name it: built-in, or loaded from the file (or
/// address) the page header names.
#[hook]
pub fn use_data_tag(dataset: DatasetRef) -> Rc<DataTag> {
    let origin = use_context::<DataOrigin>().and_then(|o| o.0);
    use_memo((dataset, origin), |(dataset, origin)| {
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
    })
}

/// The stored scenarios read against `dataset` (tagged `here`), read again only when one of
/// them changes.
#[hook]
pub fn use_entries(dataset: DatasetRef, store: Store, here: Rc<DataTag>) -> Rc<Vec<Entry>> {
    use_memo((dataset, store, here), |(dataset, store, here)| {
        store
            .scenarios
            .iter()
            .map(|saved| read_entry(dataset, here, saved))
            .collect()
    })
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
