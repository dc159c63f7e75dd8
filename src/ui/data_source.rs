//! Where the figures come from: load another county's dataset from a file, and download the
//! template and the schema to make one.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::csv_import::parse_csv;
use crate::core::dataset::Dataset;
use crate::core::lang::Lang;
use crate::core::scenario::Scenario;
use crate::core::validate::parse_dataset;
use crate::i18n::text;
use crate::ui::state::{AppState, DatasetProblem, Msg, Notice};
use crate::web::files::read_file;

/// Props of [`DataSource`].
#[derive(Properties, PartialEq)]
pub struct DataSourceProps {
    /// The interface language.
    pub lang: Lang,
    /// Where the downloadable files (template, schema) are, ending in `/`.
    pub asset_base: AttrValue,
    /// Sends the loaded dataset, or the problems found, to the app state.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// Reads a dataset file: CSV when its name ends in `.csv`, JSON otherwise.
pub fn read_dataset(name: &str, bytes: &[u8]) -> Result<Dataset, Vec<DatasetProblem>> {
    if name.to_ascii_lowercase().ends_with(".csv") {
        parse_csv(bytes).map(|read| read.dataset).map_err(|report| {
            report
                .problems
                .into_iter()
                .map(DatasetProblem::Csv)
                .collect()
        })
    } else {
        parse_dataset(bytes)
            .map(|read| read.dataset)
            .map_err(|report| {
                report
                    .problems
                    .into_iter()
                    .map(DatasetProblem::Json)
                    .collect()
            })
    }
}

/// The "data" section: a file picker and the downloads.
#[function_component(DataSource)]
pub fn data_source(props: &DataSourceProps) -> Html {
    let DataSourceProps {
        lang,
        asset_base,
        dispatch,
    } = props;
    let lang = *lang;
    let on_file = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Clearing the picker lets the same file be chosen again after it is fixed.
            input.set_value("");
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let msg = match read_file(&file).await {
                    None => Msg::Notify(Notice::Message {
                        key: "data.unreadable",
                        detail: Some(name),
                    }),
                    Some(bytes) => match read_dataset(&name, &bytes) {
                        Ok(dataset) => {
                            let scenario = Scenario::baseline(&dataset);
                            Msg::LoadDataset(Rc::new(dataset), scenario)
                        }
                        Err(problems) => Msg::Notify(Notice::InvalidDataset {
                            origin: name,
                            problems,
                        }),
                    },
                };
                dispatch.dispatch(msg);
            });
        })
    };
    let link = |file: &str, key: &str| {
        html! {
            <li><a href={format!("{asset_base}{file}")} download={file.to_owned()}>{ text(lang, key) }</a></li>
        }
    };
    html! {
        <section class="data-source" aria-labelledby="data-heading">
            <h2 id="data-heading">{ text(lang, "data.heading") }</h2>
            <div class="file-line">
                // The field itself is hidden (its button and "no file chosen" speak the browser's
                // language, not the page's); its label, styled as a button, opens it.
                <input type="file" id="dataset-file" class="file-input"
                    accept=".json,.csv,application/json,text/csv"
                    aria-describedby="dataset-file-hint" onchange={on_file} />
                <label for="dataset-file" class="button">{ text(lang, "data.load") }</label>
                <p class="hint" id="dataset-file-hint">{ text(lang, "data.load-hint") }</p>
            </div>
            <ul class="downloads">
                { link("muchuan.json", "data.template-json") }
                { link("template.csv", "data.template-csv") }
                { link("dataset.schema.json", "data.schema") }
            </ul>
        </section>
    }
}
