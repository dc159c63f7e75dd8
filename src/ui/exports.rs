//! Exports of the current scenario: a CSV table ([`export::scenario_csv`]), a JSON document
//! ([`export::scenario_json`]) that can be imported again, each chart as an SVG or a PNG file
//! ([`chart_file`]: titled, dated, with its basis, sourced, of a fixed pixel size), the import
//! of a JSON document ([`crate::ui::scenario_import`]), and printing.

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::basis::basis_line;
use crate::charts::file::{ChartFile, FileCaption, chart_file};
use crate::charts::{ChartSvg, flow, kind_shares, stream_bars};
use crate::core::dataset::Dataset;
use crate::core::export;
use crate::core::lang::Lang;
use crate::core::scenario::Scenario;
use crate::core::totals::Totals;
use crate::i18n::{fill, text};
use crate::model::panel::ExportStatus;
use crate::model::state::DatasetRef;
use crate::ui::header::DataOrigin;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::use_lang;
use crate::ui::report::Report;
use crate::ui::scenario_import::ScenarioImport;
use crate::ui::status_line::StatusLine;
use crate::web::download::{download_text, file_name, today};
use crate::web::png::download_png;

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
}

/// Which file a download button makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Export {
    Csv,
    Json,
    Chart(Chart, Picture),
}

/// A chart that can be downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Chart {
    Streams,
    Kinds,
    Flow,
}

/// A chart file's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Picture {
    Svg,
    /// Drawn by the browser from the SVG at twice its size.
    Png,
}

/// A chart's drawing function.
type Draw = fn(&Dataset, &Scenario, &Totals, Lang, u32, &str) -> ChartSvg;

/// How many device pixels a PNG has per px of the SVG.
const PNG_SCALE: u32 = 2;

impl Chart {
    /// The chart as a file (title, scenario, date, basis, source) and the stem of its file name.
    fn file(
        self,
        dataset: &Dataset,
        scenario: &Scenario,
        totals: &Totals,
        name: &str,
        lang: Lang,
        origin: Option<&str>,
    ) -> (ChartFile, String) {
        let (draw, prefix, stem): (Draw, _, _) = match self {
            Chart::Streams => (stream_bars, "file-streams", "exports.file-chart-streams"),
            Chart::Kinds => (kind_shares, "file-kinds", "exports.file-chart-kinds"),
            Chart::Flow => (flow, "file-flow", "exports.file-chart-flow"),
        };
        let chart = draw(dataset, scenario, totals, lang, FILE_CHART_WIDTH, prefix);
        let caption = FileCaption {
            scenario: name,
            date: today(),
            lang,
            origin,
        };
        let stem = file_stem(lang, stem, origin.is_none());
        let basis = basis_line(totals, scenario.count_sought, lang);
        (chart_file(&chart, dataset, caption, &[&basis]), stem)
    }
}

impl Export {
    /// The file's name, type and contents, for the text files; `None` when the scenario does
    /// not fit the dataset, or for a PNG (made by the browser, see [`download_png`]).
    fn make(
        self,
        dataset: &Dataset,
        scenario: &Scenario,
        totals: &Totals,
        name: &str,
        lang: Lang,
        origin: Option<&str>,
    ) -> Option<(String, &'static str, String)> {
        // An unsaved scenario's files are named "Unsaved scenario" in the language on screen;
        // its JSON document carries no name.
        let document_name = name;
        let unsaved = text(lang, "scenarios.unsaved-name");
        let name = if name.is_empty() { &unsaved } else { name };
        let stem = file_stem(lang, "exports.file-scenario", origin.is_none());
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
                        origin,
                    },
                    &crate::i18n::CsvIn(lang),
                )?,
            )),
            Export::Json => Some((
                file_name(&stem, name, "json"),
                "application/json",
                export::scenario_json_from(dataset, scenario, document_name, origin)?,
            )),
            Export::Chart(chart, Picture::Svg) => {
                let (file, stem) = chart.file(dataset, scenario, totals, name, lang, origin);
                Some((file_name(&stem, name, "svg"), "image/svg+xml", file.svg))
            }
            Export::Chart(_, Picture::Png) => None,
        }
    }
}

/// The stem of a file's name (`key`'s message): the built-in data's files are named for Muchuan,
/// another county's are not.
pub fn file_stem(lang: Lang, key: &str, built_in: bool) -> String {
    let county = if built_in {
        text(lang, "exports.file-county")
    } else {
        String::new()
    };
    fill(lang, key, &[("county", &county)])
}

/// The chart download buttons: id, chart, format, label.
const CHART_BUTTONS: [(&str, Chart, Picture, &str); 6] = [
    (
        "download-svg-streams",
        Chart::Streams,
        Picture::Svg,
        "exports.streams-svg",
    ),
    (
        "download-png-streams",
        Chart::Streams,
        Picture::Png,
        "exports.streams-png",
    ),
    (
        "download-svg-kinds",
        Chart::Kinds,
        Picture::Svg,
        "exports.kinds-svg",
    ),
    (
        "download-png-kinds",
        Chart::Kinds,
        Picture::Png,
        "exports.kinds-png",
    ),
    (
        "download-svg-flow",
        Chart::Flow,
        Picture::Svg,
        "exports.flow-svg",
    ),
    (
        "download-png-flow",
        Chart::Flow,
        Picture::Png,
        "exports.flow-png",
    ),
];

/// Download buttons, the import field and the print button.
#[function_component(Exports)]
pub fn exports(props: &ExportsProps) -> Html {
    let lang = use_lang();
    let status = use_state(|| None::<ExportStatus>);
    // Figures that are not the built-in dataset: every file says where they came from.
    let origin = use_context::<DataOrigin>().and_then(|o| o.0);

    let download = |what: Export| {
        let dataset = props.dataset.clone();
        let scenario = props.scenario.clone();
        let totals = props.totals.clone();
        let name = props.name.clone();
        let status = status.clone();
        let origin = origin.clone();
        Callback::from(move |_: MouseEvent| {
            let said = status.clone();
            let tell = move |file: Option<String>| {
                said.set(Some(match file {
                    Some(file) => ExportStatus::Downloaded(file),
                    None => ExportStatus::DownloadFailed,
                }));
            };
            if let Export::Chart(chart, Picture::Png) = what {
                let unsaved = text(lang, "scenarios.unsaved-name");
                let name = if name.is_empty() { &unsaved } else { &name };
                let (file, stem) =
                    chart.file(&dataset, &scenario, &totals, name, lang, origin.as_deref());
                let png = file_name(&stem, name, "png");
                let offered = png.clone();
                download_png(
                    png,
                    &file.svg,
                    (file.width, file.height),
                    PNG_SCALE,
                    move |ok| {
                        tell(ok.then_some(offered));
                    },
                );
                return;
            }
            let made = what.make(&dataset, &scenario, &totals, &name, lang, origin.as_deref());
            tell(made.and_then(|(file, mime, contents)| {
                download_text(&file, mime, &contents).ok().map(|()| file)
            }));
        })
    };

    let on_import = {
        let status = status.clone();
        Callback::from(move |done: ExportStatus| status.set(Some(done)))
    };
    let report_name = if props.name.is_empty() {
        text(lang, "scenarios.unsaved-name")
    } else {
        props.name.clone()
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });

    html! {
        <section class="exports" aria-labelledby="exports-heading">
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
                <Heading rank={Rank::Part} id="exports-charts">{ text(lang, "exports.chart-files") }</Heading>
                <div class="button-row">
                    { for CHART_BUTTONS.iter().map(|&(id, chart, picture, key)| html! {
                        <button type="button" class="secondary" id={id}
                            onclick={download(Export::Chart(chart, picture))}>{ text(lang, key) }</button>
                    }) }
                </div>
            </div>
            <ScenarioImport dataset={props.dataset.clone()} on_done={on_import} />
            <div class="export-group">
                <Heading rank={Rank::Part} id="exports-print">{ text(lang, "exports.print-heading") }</Heading>
                <button type="button" class="secondary" id="print-report" aria-describedby="print-hint"
                    onclick={print}>{ text(lang, "exports.print") }</button>
                <p class="hint-line" id="print-hint">{ text(lang, "exports.print-hint") }</p>
            </div>
            <StatusLine class="hint-line export-status">{ status.as_ref().map(|done| done.words(lang)).unwrap_or_default() }</StatusLine>
            // Shown only in print, where the style sheet lifts it out of this section.
            <Report dataset={props.dataset.clone()} scenario={props.scenario.clone()}
                totals={props.totals.clone()} name={report_name} />
        </section>
    }
}
