//! The charts: SVGs drawn from the core's figures, each with a heading and a line on what its
//! money counts besides money granted, and its data as a table on demand. Each chart is rebuilt
//! only when what it draws changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::basis::basis_line;
use crate::charts::{
    ChartSvg, ChartTable, flow, flow_table, kind_shares, kind_shares_table, stream_bars,
    stream_bars_table,
};
use crate::core::lang::Lang;
use crate::core::scenario::{Outcome, Scenario};
use crate::core::totals::Totals;
use crate::i18n::text;
use crate::model::state::DatasetRef;
use crate::ui::dataset_text::marked;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::{use_container_width, use_inactive, use_lang};
use crate::ui::live_svg::LiveSvg;

/// Which chart, and the inputs it draws from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Per-stream bars, baseline against scenario.
    Streams,
    /// Shares by kind.
    Kinds,
    /// Money flowing from agencies to kinds.
    Flow,
}

/// A chart's inputs; equal when the chart would draw the same, so memoisation skips a redraw
/// when only something else changed (a lock, another chart's data).
#[derive(Clone, Debug)]
struct ChartInput {
    kind: ChartKind,
    dataset: DatasetRef,
    scenario: Scenario,
    totals: Rc<Totals>,
    lang: Lang,
    width: u32,
}

impl PartialEq for ChartInput {
    fn eq(&self, other: &Self) -> bool {
        let same_frame = self.kind == other.kind
            && self.dataset == other.dataset
            && self.lang == other.lang
            && self.width == other.width;
        same_frame
            && match self.kind {
                // A bid's assumed outcome is said after its name, even where it changes no sum.
                ChartKind::Streams => {
                    self.scenario.amounts().eq(other.scenario.amounts())
                        && self.totals.streams == other.totals.streams
                        && outcomes(&self.scenario).eq(outcomes(&other.scenario))
                }
                ChartKind::Kinds => self.totals.by_kind == other.totals.by_kind,
                ChartKind::Flow => self.totals.streams == other.totals.streams,
            }
    }
}

/// Each stream's assumed outcome.
fn outcomes(scenario: &Scenario) -> impl Iterator<Item = Outcome> + '_ {
    scenario.plans.iter().map(|plan| plan.outcome)
}

impl ChartInput {
    fn table(&self) -> ChartTable {
        let tabulate = match self.kind {
            ChartKind::Streams => stream_bars_table,
            ChartKind::Kinds => kind_shares_table,
            ChartKind::Flow => flow_table,
        };
        tabulate(&self.dataset, &self.scenario, &self.totals, self.lang)
    }

    fn draw(&self) -> ChartSvg {
        let draw = match self.kind {
            ChartKind::Streams => stream_bars,
            ChartKind::Kinds => kind_shares,
            ChartKind::Flow => flow,
        };
        let prefix = match self.kind {
            ChartKind::Streams => "chart-streams",
            ChartKind::Kinds => "chart-kinds",
            ChartKind::Flow => "chart-flow",
        };
        draw(
            &self.dataset,
            &self.scenario,
            &self.totals,
            self.lang,
            self.width,
            prefix,
        )
    }
}

/// Props of [`ChartsPanel`].
#[derive(Properties, PartialEq)]
pub struct ChartsPanelProps {
    /// The dataset shown.
    pub dataset: DatasetRef,
    /// The scenario.
    pub scenario: Scenario,
    /// Its totals.
    pub totals: Rc<Totals>,
}

/// The charts section: its heading, then the charts at the section's width.
#[function_component(ChartsPanel)]
pub fn charts_panel(props: &ChartsPanelProps) -> Html {
    let section = use_node_ref();
    let lang = use_lang();
    html! {
        <section class="charts" aria-labelledby="charts-heading" ref={section.clone()}>
            <Heading rank={Rank::Section} id="charts-heading">{ text(lang, "charts.heading") }</Heading>
            <ChartFigures section={section} dataset={props.dataset.clone()}
                scenario={props.scenario.clone()} totals={props.totals.clone()} />
        </section>
    }
}

/// Props of [`ChartFigures`].
#[derive(Properties, PartialEq)]
struct ChartFiguresProps {
    /// The section the charts fill, rendered by the parent: it is in the page by the time this
    /// component first renders, so its width is known then and the charts are in the first paint.
    section: NodeRef,
    /// The dataset shown.
    dataset: DatasetRef,
    /// The scenario.
    scenario: Scenario,
    /// Its totals.
    totals: Rc<Totals>,
}

/// The three charts, at the width of their section.
#[function_component(ChartFigures)]
fn chart_figures(props: &ChartFiguresProps) -> Html {
    let width = use_container_width(props.section.clone());
    let Some(width) = width else {
        return Html::default();
    };
    let figure = |kind: ChartKind| {
        html! {
            <ChartFigure kind={kind} dataset={props.dataset.clone()} scenario={props.scenario.clone()}
                totals={props.totals.clone()} width={width} />
        }
    };
    // The shares by kind first: the shortest chart, whole in the first screen of a laptop,
    // and the overview the stream list below does not give.
    html! {
        <>
            { figure(ChartKind::Kinds) }
            { figure(ChartKind::Streams) }
            { figure(ChartKind::Flow) }
        </>
    }
}

/// Props of [`ChartFigure`].
#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    /// Which chart.
    pub kind: ChartKind,
    /// The dataset shown.
    pub dataset: DatasetRef,
    /// The scenario.
    pub scenario: Scenario,
    /// Its totals.
    pub totals: Rc<Totals>,
    /// The layout width in px.
    pub width: u32,
}

/// One chart with its heading and a button that shows its data as a table.
#[function_component(ChartFigure)]
pub fn chart_figure(props: &ChartFigureProps) -> Html {
    let lang = use_lang();
    let inactive = use_inactive();
    let input = ChartInput {
        kind: props.kind,
        dataset: props.dataset.clone(),
        scenario: props.scenario.clone(),
        totals: props.totals.clone(),
        lang,
        width: props.width,
    };
    let as_table = use_state(|| false);
    // The table is built only while shown: hidden, it would be rebuilt on every slider move for
    // nobody (a row per stream, a thousand on a large dataset).
    let table = use_memo((*as_table).then(|| input.clone()), |shown| {
        shown.as_ref().map(ChartInput::table)
    });
    let chart = use_memo(input, ChartInput::draw);
    let basis = basis_line(&props.totals, props.scenario.count_sought, lang);
    let id = match props.kind {
        ChartKind::Streams => "figure-streams",
        ChartKind::Kinds => "figure-kinds",
        ChartKind::Flow => "figure-flow",
    };
    let toggle = {
        let as_table = as_table.clone();
        Callback::from(move |_: MouseEvent| as_table.set(!*as_table))
    };
    // The SVG is built by the charts module, which escapes every text it draws (tested with
    // hostile names), so it can go into the page as markup; `LiveSvg` changes only what differs
    // from the drawing on screen.
    let svg = AttrValue::from(chart.svg.clone());
    html! {
        // Named by its heading alone: from the whole caption its name would end with the
        // button's "Show as table".
        <figure class="chart" id={id} aria-labelledby={format!("{id}-heading")}
            aria-describedby={format!("{id}-basis")}>
            <figcaption>
                <Heading rank={Rank::Part} id={format!("{id}-heading")}>{ &chart.title }</Heading>
                // Named with its chart ("Show as table, Funding streams…"): three buttons of one
                // name would be alike in a screen reader's list of buttons.
                <button type="button" class="secondary" id={format!("{id}-toggle")}
                    aria-labelledby={format!("{id}-toggle {id}-heading")}
                    aria-expanded={if *as_table { "true" } else { "false" }}
                    aria-controls={format!("{id}-table")} onclick={toggle}
                    disabled={inactive}>
                    { text(lang, if *as_table { "charts.hide-table" } else { "charts.show-table" }) }
                </button>
                <p class="chart-basis" id={format!("{id}-basis")}>{ &basis }</p>
            </figcaption>
            <LiveSvg class="chart-svg" svg={svg} />
            <div id={format!("{id}-table")} class="chart-table table-scroll" hidden={!*as_table}
                tabindex="0" role="region" aria-labelledby={format!("{id}-heading")}>
                if let Some(table) = &*table {
                    <table>
                        <caption class="visually-hidden">{ &chart.description }{ " " }{ &basis }</caption>
                        <thead><tr>
                            { for table.header.iter().enumerate().map(|(i, h)| html! {
                                <th scope="col" class={(i >= table.name_columns).then_some("num")}>{ h }</th>
                            }) }
                        </tr></thead>
                        <tbody>
                            { for table.rows.iter().map(|row| html! {
                                <tr>
                                    { for row.iter().enumerate().map(|(i, cell)| {
                                        let words = marked(&cell.text, cell.lang);
                                        if i == 0 {
                                            html! { <th scope="row">{ words }</th> }
                                        } else if i < table.name_columns {
                                            html! { <td>{ words }</td> }
                                        } else {
                                            html! { <td class="num">{ words }</td> }
                                        }
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
            </div>
        </figure>
    }
}
