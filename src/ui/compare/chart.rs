//! The comparison's grouped bar chart, drawn to the section's width, and its download.

use yew::prelude::*;

use super::Side;
use crate::charts::file::{FileCaption, chart_file};
use crate::charts::{CompareSide, compare_bars, compare_basis};
use crate::i18n::{fill, text};
use crate::model::state::DatasetRef;
use crate::ui::dataset_text::with_typed;
use crate::ui::exports::file_stem;
use crate::ui::header::DataOrigin;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::{use_container_width, use_lang};
use crate::ui::status_line::StatusLine;
use crate::web::download::{download_text, file_name, today};

/// Props of [`CompareChart`].
#[derive(Properties, PartialEq)]
pub struct CompareChartProps {
    /// The dataset shown.
    pub dataset: DatasetRef,
    /// The first scenario picked.
    pub a: Side,
    /// The second.
    pub b: Side,
}

/// What the last download did, said in the language on screen.
#[derive(Clone, Debug, PartialEq)]
enum Download {
    Done(String),
    Failed,
}

/// A picked scenario as the charts take it.
fn side(s: &Side) -> CompareSide<'_> {
    CompareSide {
        scenario: &s.scenario,
        totals: &s.totals,
        label: &s.label,
    }
}

/// The two scenarios' bars, stream by stream, with a button that downloads them as SVG.
#[function_component(CompareChart)]
pub fn compare_chart(props: &CompareChartProps) -> Html {
    let CompareChartProps { dataset, a, b } = props;
    let lang = use_lang();
    let container = use_node_ref();
    let width = use_container_width(container.clone());
    let status = use_state(|| None::<Download>);
    let chart = use_memo(
        (dataset.clone(), a.clone(), b.clone(), lang, width),
        |(dataset, a, b, lang, width)| {
            let width = (*width)?;
            Some(compare_bars(
                dataset,
                side(a),
                side(b),
                *lang,
                width,
                "chart-compare",
            ))
        },
    );
    // What each scenario's grand total counts, under the title and in the file.
    let bases = compare_basis(side(a), side(b), lang);
    // Figures that are not the built-in dataset: the file says where they came from.
    let origin = use_context::<DataOrigin>().and_then(|o| o.0);
    let download = {
        let chart = chart.clone();
        let status = status.clone();
        let dataset = dataset.clone();
        let names = format!("{} – {}", a.label, b.label);
        let bases = bases.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(chart) = chart.as_ref() else {
                return;
            };
            let stem = file_stem(lang, "exports.file-chart-compare", origin.is_none());
            let name = file_name(&stem, &names, "svg");
            // The file carries its title, the scenarios, the date and the source line.
            let caption = FileCaption {
                scenario: &names,
                date: today(),
                lang,
                origin: origin.as_deref(),
            };
            let file = chart_file(chart, &dataset, caption, &[&bases[0], &bases[1]]);
            status.set(Some(
                match download_text(&name, "image/svg+xml", &file.svg) {
                    Ok(()) => Download::Done(name),
                    Err(_) => Download::Failed,
                },
            ));
        })
    };
    let said = status.as_ref().map(|done| match done {
        Download::Done(file) => fill(lang, "exports.downloaded", &[("file", file)]),
        Download::Failed => text(lang, "exports.download-failed"),
    });
    html! {
        <div class="compare-figure" ref={container}>
            // Drawn once the width is known, normally before the first paint. The chart comes
            // from the charts module, which escapes every text it draws; it is patched in place
            // rather than replaced (see `LiveSvg`).
            if let Some(chart) = chart.as_ref() {
                <figure class="chart compare-chart" id="figure-compare" aria-labelledby="figure-compare-heading"
                    aria-describedby="figure-compare-basis-a figure-compare-basis-b">
                    <figcaption>
                        <Heading rank={Rank::Part} id="figure-compare-heading">{ with_typed(&chart.title, &[&a.label, &b.label], lang) }</Heading>
                        <button type="button" class="secondary no-print" id="download-compare-svg"
                            onclick={download}>{ text(lang, "compare.download-svg") }</button>
                        <p class="chart-basis" id="figure-compare-basis-a">{ with_typed(&bases[0], &[&a.label], lang) }</p>
                        <p class="chart-basis" id="figure-compare-basis-b">{ with_typed(&bases[1], &[&b.label], lang) }</p>
                    </figcaption>
                    <crate::ui::live_svg::LiveSvg class="chart-svg" svg={AttrValue::from(chart.svg.clone())} />
                </figure>
            }
            <StatusLine class="hint-line">{ said.unwrap_or_default() }</StatusLine>
        </div>
    }
}
