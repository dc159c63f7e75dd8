//! Exports of the current scenario: a CSV table ([`export::scenario_csv`]), a JSON document
//! ([`export::scenario_json`]) that can be imported again, each chart as an SVG file, the
//! import of a JSON document ([`export::import_scenario`]), and printing.

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::{ChartSvg, flow, kind_shares, stream_bars};
use crate::core::dataset::Dataset;
use crate::core::export;
use crate::core::lang::Lang;
use crate::core::scenario::Scenario;
use crate::core::totals::Totals;
use crate::core::validate::MAX_BYTES;
use crate::i18n::Message;
use crate::i18n::{fill, problem_message, text};
use crate::ui::headings::{Heading, Rank};
use crate::ui::state::{AppState, DatasetRef, Msg, Notice};
use crate::web::download::{download_text, file_name, today};
use crate::web::files::read_file;

/// The width charts are laid out at for a file (px); the SVG scales from there.
const FILE_CHART_WIDTH: u32 = 800;

/// Props of [`Exports`].
#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    /// The dataset shown.
    pub dataset: DatasetRef,
    /// The current scenario.
    pub scenario: Scenario,
    /// Its totals.
    pub totals: Rc<Totals>,
    /// The current scenario's own name (a saved or imported scenario's, the baseline's), for
    /// file names and the JSON document; empty for an unsaved scenario, whose JSON document then
    /// carries no name rather than "Unsaved scenario" in the language it was made in.
    pub name: String,
    /// The interface language.
    pub lang: Lang,
    /// Opens imported scenarios and shows import errors.
    pub dispatch: UseReducerDispatcher<AppState>,
    /// Told the imported scenario and the name its file gives it.
    pub on_imported: Callback<(Scenario, String)>,
}

/// Which file a download button makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Export {
    Csv,
    Json,
    StreamsChart,
    KindsChart,
    FlowChart,
}

impl Export {
    /// The file's name, type and contents; `None` when the scenario does not fit the dataset.
    fn make(
        self,
        dataset: &Dataset,
        scenario: &Scenario,
        totals: &Totals,
        name: &str,
        lang: Lang,
    ) -> Option<(String, &'static str, String)> {
        // An unsaved scenario's files are named "Unsaved scenario" in the language on screen;
        // its JSON document carries no name.
        let document_name = name;
        let unsaved = text(lang, "scenarios.unsaved-name");
        let name = if name.is_empty() { &unsaved } else { name };
        let chart = |draw: fn(&Dataset, &Scenario, &Totals, Lang, u32, &str) -> ChartSvg,
                     prefix: &str,
                     stem: &str| {
            let svg = draw(dataset, scenario, totals, lang, FILE_CHART_WIDTH, prefix).svg;
            Some((
                file_name(&text(lang, stem), name, "svg"),
                "image/svg+xml",
                svg,
            ))
        };
        let stem = text(lang, "exports.file-scenario");
        match self {
            Export::Csv => Some((
                file_name(&stem, name, "csv"),
                "text/csv;charset=utf-8",
                export::scenario_csv(
                    dataset,
                    scenario,
                    export::CsvAbout {
                        name,
                        date: today(),
                    },
                    &crate::i18n::CsvIn(lang),
                )?,
            )),
            Export::Json => Some((
                file_name(&stem, name, "json"),
                "application/json",
                export::scenario_json(dataset, scenario, document_name)?,
            )),
            Export::StreamsChart => {
                chart(stream_bars, "file-streams", "exports.file-chart-streams")
            }
            Export::KindsChart => chart(kind_shares, "file-kinds", "exports.file-chart-kinds"),
            Export::FlowChart => chart(flow, "file-flow", "exports.file-chart-flow"),
        }
    }
}

/// Download buttons, the import field and the print button.
#[function_component(Exports)]
pub fn exports(props: &ExportsProps) -> Html {
    let lang = props.lang;
    let status = use_state(|| None::<String>);

    let download = |what: Export| {
        let dataset = props.dataset.clone();
        let scenario = props.scenario.clone();
        let totals = props.totals.clone();
        let name = props.name.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let made = what.make(&dataset, &scenario, &totals, &name, lang);
            let done = made.and_then(|(file, mime, contents)| {
                download_text(&file, mime, &contents).ok().map(|()| file)
            });
            status.set(Some(match done {
                Some(file) => fill(lang, "exports.downloaded", &[("file", &file)]),
                None => text(lang, "exports.download-failed"),
            }));
        })
    };

    let on_file = {
        let dataset = props.dataset.clone();
        let dispatch = props.dispatch.clone();
        let on_imported = props.on_imported.clone();
        let status = status.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Cleared, so that picking the same file again reads it again.
            input.set_value("");
            let file_label = file.name();
            let fail = {
                let dispatch = dispatch.clone();
                let status = status.clone();
                let file_label = file_label.clone();
                move |message: String| {
                    dispatch.dispatch(Msg::Notify(Notice::Message {
                        key: "exports.import-failed",
                        detail: Some(format!("{file_label} — {message}")),
                    }));
                    status.set(Some(fill(
                        lang,
                        "exports.import-failed-status",
                        &[("file", &file_label)],
                    )));
                }
            };
            if file.size() > MAX_BYTES as f64 {
                let problem = crate::core::validate::Problem {
                    severity: crate::core::validate::Severity::Error,
                    path: String::new(),
                    position: None,
                    kind: crate::core::validate::ProblemKind::TooLarge {
                        bytes: file.size() as usize,
                    },
                };
                fail(problem_message(&problem, lang));
                return;
            }
            let dataset = dataset.clone();
            let dispatch = dispatch.clone();
            let on_imported = on_imported.clone();
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Some(bytes) = read_file(&file).await else {
                    return fail(text(lang, "exports.read-failed"));
                };
                match export::import_scenario(&bytes, &dataset) {
                    Ok(imported) => {
                        on_imported.emit((imported.scenario.clone(), imported.name.clone()));
                        dispatch.dispatch(Msg::OpenScenario(imported.scenario));
                        let key = if imported.same_title {
                            "exports.imported"
                        } else {
                            "exports.imported-other-title"
                        };
                        status.set(Some(fill(
                            lang,
                            key,
                            &[("name", &imported.name), ("file", &file_label)],
                        )));
                    }
                    Err(error) => fail(error.message(lang)),
                }
            });
        })
    };

    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });

    html! {
        <section class="exports no-print" aria-labelledby="exports-heading">
            <Heading rank={Rank::Section} id="exports-heading">{ text(lang, "exports.heading") }</Heading>
            <div class="export-group" role="group" aria-labelledby="exports-data">
                <Heading rank={Rank::Part} id="exports-data">{ text(lang, "exports.data") }</Heading>
                <div class="button-row">
                    <button type="button" class="secondary" id="download-csv"
                        onclick={download(Export::Csv)}>{ text(lang, "exports.csv") }</button>
                    <button type="button" class="secondary" id="download-json"
                        onclick={download(Export::Json)}>{ text(lang, "exports.json") }</button>
                </div>
            </div>
            <div class="export-group" role="group" aria-labelledby="exports-charts">
                <Heading rank={Rank::Part} id="exports-charts">{ text(lang, "exports.charts") }</Heading>
                <div class="button-row">
                    <button type="button" class="secondary" id="download-svg-streams"
                        onclick={download(Export::StreamsChart)}>{ text(lang, "exports.svg-streams") }</button>
                    <button type="button" class="secondary" id="download-svg-kinds"
                        onclick={download(Export::KindsChart)}>{ text(lang, "exports.svg-kinds") }</button>
                    <button type="button" class="secondary" id="download-svg-flow"
                        onclick={download(Export::FlowChart)}>{ text(lang, "exports.svg-flow") }</button>
                </div>
            </div>
            <div class="export-group import">
                <Heading rank={Rank::Part} id="exports-import">{ text(lang, "exports.import-heading") }</Heading>
                <input type="file" id="import-file" class="file-input" accept=".json,application/json"
                    aria-describedby="import-hint" onchange={on_file} />
                <label for="import-file" class="button">{ text(lang, "exports.import-label") }</label>
                <p class="hint-line" id="import-hint">{ text(lang, "exports.import-hint") }</p>
            </div>
            <div class="export-group">
                <Heading rank={Rank::Part} id="exports-print">{ text(lang, "exports.print-heading") }</Heading>
                <button type="button" class="secondary" id="print-report" aria-describedby="print-hint"
                    onclick={print}>{ text(lang, "exports.print") }</button>
                <p class="hint-line" id="print-hint">{ text(lang, "exports.print-hint") }</p>
            </div>
            <p class="hint-line export-status" role="status">{ (*status).clone().unwrap_or_default() }</p>
        </section>
    }
}
