//! The panel's two downloads: the data on screen in one file with its saved scenarios, and
//! stored text that could neither be read nor copied aside.

use std::rc::Rc;

use yew::prelude::*;

use super::shelf::ShelfHandle;
use crate::MUCHUAN_JSON;
use crate::core::bundle::bundle_json;
use crate::core::csv_import::Blanks;
use crate::core::data_tag::{DataTag, digest};
use crate::core::dataset::Dataset;
use crate::core::kept::{KeptDataset, KeptFormat};
use crate::core::saved::SavedScenario;
use crate::i18n::text;
use crate::model::panel::PanelStatus;
use crate::model::state::DatasetRef;
use crate::ui::hooks::use_lang;
use crate::ui::kept_data::kept_record;
use crate::web::download::{download_text, file_name, without_extension};

/// Props of [`Bundle`].
#[derive(Properties, PartialEq)]
pub struct BundleProps {
    /// The dataset shown.
    pub dataset: DatasetRef,
    /// It, as saved scenarios name it.
    pub here: Rc<DataTag>,
    /// The saved scenarios, and the status line the download reports to.
    pub shelf: ShelfHandle,
}

/// The button that downloads the data on screen with the scenarios saved on it, and its hint.
#[function_component(Bundle)]
pub fn bundle(props: &BundleProps) -> Html {
    let lang = use_lang();
    let download_bundle = {
        let (dataset, here, shelf) = (
            props.dataset.clone(),
            props.here.clone(),
            props.shelf.clone(),
        );
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
                    let file = file_name(
                        &text(lang, "scenarios.file-bundle"),
                        without_extension(&kept.name),
                        "json",
                    );
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
                    blanks: Blanks::AsWritten,
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
    html! {
        <div class="bundle no-print">
            <button type="button" class="secondary" id="download-bundle"
                aria-describedby="bundle-hint" onclick={download_bundle}>
                { text(lang, "scenarios.bundle-download") }
            </button>
            <p class="hint-line" id="bundle-hint">{ text(lang, "scenarios.bundle-hint") }</p>
        </div>
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
        blanks: Blanks::AsWritten,
    })
}

/// Props of [`Stranded`].
#[derive(Properties, PartialEq)]
pub struct StrandedProps {
    /// The shelf, whose stranded text is offered.
    pub shelf: ShelfHandle,
}

/// When the stored text could neither be read nor copied aside: says so, and offers it for
/// download. Nothing otherwise.
#[function_component(Stranded)]
pub fn stranded(props: &StrandedProps) -> Html {
    let lang = use_lang();
    if props.shelf.stranded.is_none() {
        return Html::default();
    }
    let download_stranded = {
        let shelf = props.shelf.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(raw) = &shelf.stranded {
                let name = file_name(&text(lang, "exports.file-unreadable"), "", "txt");
                if download_text(&name, "text/plain;charset=utf-8", raw).is_err() {
                    shelf.say(PanelStatus::DownloadFailed);
                }
            }
        })
    };
    html! {
        <div class="stranded no-print">
            <p>{ text(lang, "scenarios.stranded") }</p>
            <button type="button" class="secondary" onclick={download_stranded}>{ text(lang, "scenarios.download-stranded") }</button>
        </div>
    }
}
