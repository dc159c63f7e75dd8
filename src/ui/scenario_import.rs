//! Opening a scenario from a JSON file, as the explorer writes it ([`export::import_scenario`]):
//! a file too large, unreadable or not such a document is refused with a notice saying why.

use yew::prelude::*;

use crate::core::export::{self, ImportError, ImportErrorKind};
use crate::core::validate::{MAX_BYTES, ProblemKind};
use crate::i18n::text;
use crate::model::panel::ExportStatus;
use crate::model::state::{DatasetRef, Msg, Notice};
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::{use_dispatch, use_lang};
use crate::web::files::{read_file, take_picked};

/// Props of [`ScenarioImport`].
#[derive(Properties, PartialEq)]
pub struct ScenarioImportProps {
    /// The dataset shown, which the scenario is read against.
    pub dataset: DatasetRef,
    /// Told what the import came to, for the exports' status line.
    pub on_done: Callback<ExportStatus>,
}

/// The file field that imports a scenario, with its heading and hint.
#[function_component(ScenarioImport)]
pub fn scenario_import(props: &ScenarioImportProps) -> Html {
    let lang = use_lang();
    let dispatch = use_dispatch();
    let on_file = {
        let dataset = props.dataset.clone();
        let on_done = props.on_done.clone();
        Callback::from(move |event: Event| {
            let Some(file) = take_picked(&event) else {
                return;
            };
            let file_label = file.name();
            let fail = {
                let dispatch = dispatch.clone();
                let on_done = on_done.clone();
                let file_label = file_label.clone();
                move |error: ImportError| {
                    dispatch.dispatch(Msg::Notify(Notice::ImportFailed {
                        file: file_label.clone(),
                        error,
                    }));
                    on_done.emit(ExportStatus::ImportFailed(file_label.clone()));
                }
            };
            if file.size() > MAX_BYTES as f64 {
                fail(ImportError {
                    path: String::new(),
                    position: None,
                    kind: ImportErrorKind::File(ProblemKind::TooLarge {
                        bytes: file.size() as usize,
                    }),
                });
                return;
            }
            let dataset = dataset.clone();
            let dispatch = dispatch.clone();
            let on_done = on_done.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Some(bytes) = read_file(&file).await else {
                    dispatch.dispatch(Msg::Notify(Notice::FileUnreadable {
                        file: file_label.clone(),
                    }));
                    on_done.emit(ExportStatus::ImportFailed(file_label.clone()));
                    return;
                };
                match export::import_scenario(&bytes, &dataset) {
                    Ok(imported) => {
                        dispatch.dispatch(Msg::OpenScenario(
                            imported.scenario,
                            Some(imported.name.clone()),
                        ));
                        on_done.emit(ExportStatus::Imported {
                            name: imported.name.clone(),
                            file: file_label.clone(),
                            same_title: imported.same_title,
                        });
                    }
                    Err(error) => fail(error),
                }
            });
        })
    };
    html! {
        <div class="export-group import">
            <Heading rank={Rank::Part} id="exports-import">{ text(lang, "exports.import-heading") }</Heading>
            <input type="file" id="import-file" class="file-input" accept=".json,application/json"
                aria-describedby="import-hint" onchange={on_file} />
            <label for="import-file" class="button">{ text(lang, "exports.import-label") }</label>
            <p class="hint-line" id="import-hint">{ text(lang, "exports.import-hint") }</p>
        </div>
    }
}
