//! The saved scenarios as the panel lists them: each read against the dataset on screen, which
//! they name by a [`DataTag`].

use std::rc::Rc;

use yew::prelude::*;

use super::saved_item::Entry;
use crate::core::data_tag::{DataTag, digest};
use crate::core::lang::Lang;
use crate::core::saved::{SavedScenario, Store};
use crate::core::share_link;
use crate::core::totals::Totals;
use crate::model::state::DatasetRef;
use crate::ui::header::DataOrigin;
use crate::ui::kept_data::built_in;

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
