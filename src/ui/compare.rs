//! The comparison of two scenarios: pick any two of the baseline, the current scenario and the
//! saved ones; a side-by-side table of the streams (50 a page on a long dataset) and every
//! total with the differences, and the grouped bar chart [`crate::charts::compare_bars`].

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::file::{FileCaption, chart_file};
use crate::charts::{CompareSide, compare_bars};
use crate::core::dataset::Status;
use crate::core::element_id::spelled;
use crate::core::lang::Lang;
use crate::core::money::format_delta;
use crate::core::scenario::{Outcome, Scenario};
use crate::core::totals::{Counted, Totals};
use crate::i18n::{fill, text};
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::{use_container_width, use_list_page, use_select_value};
use crate::ui::money;
use crate::ui::pager::Pager;
use crate::ui::state::DatasetRef;
use crate::web::download::{download_text, file_name, today};

/// A scenario that can be compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Stable key: `baseline`, `current` or `saved:<id>`.
    pub key: String,
    /// The name shown.
    pub label: String,
    /// The scenario (it fits the dataset).
    pub scenario: Rc<Scenario>,
}

/// Props of [`Compare`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The dataset shown.
    pub dataset: DatasetRef,
    /// The scenarios to pick from.
    pub choices: Rc<Vec<Choice>>,
    /// The interface language.
    pub lang: Lang,
}

/// One picked scenario and its totals.
#[derive(Clone, Debug, PartialEq)]
struct Side {
    label: String,
    scenario: Rc<Scenario>,
    totals: Rc<Totals>,
}

/// Two pickers, the table of differences and the chart.
#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    let CompareProps {
        dataset,
        choices,
        lang,
    } = props;
    let lang = *lang;
    let first_key = use_state(|| "baseline".to_owned());
    let second_key = use_state(|| "current".to_owned());
    let container = use_node_ref();
    let width = use_container_width(container.clone());
    let status = use_state(|| None::<String>);

    // A choice that went away (a deleted scenario) falls back to the defaults.
    let find = |key: &str, fallback: &str| {
        choices
            .iter()
            .find(|c| c.key == key)
            .or_else(|| choices.iter().find(|c| c.key == fallback))
            .or_else(|| choices.first())
            .cloned()
    };
    let fallback = || Choice {
        key: "baseline".to_owned(),
        label: text(lang, "scenarios.baseline-name"),
        scenario: Rc::new(Scenario::baseline(dataset)),
    };
    let first = find(&first_key, "baseline").unwrap_or_else(fallback);
    let second = find(&second_key, "current").unwrap_or_else(fallback);
    let first_totals = use_memo(
        (dataset.clone(), first.scenario.clone()),
        |(dataset, scenario)| Totals::compute(dataset, scenario),
    );
    let second_totals = use_memo(
        (dataset.clone(), second.scenario.clone()),
        |(dataset, scenario)| Totals::compute(dataset, scenario),
    );
    let a = Side {
        label: first.label.clone(),
        scenario: first.scenario.clone(),
        totals: first_totals,
    };
    let b = Side {
        label: second.label.clone(),
        scenario: second.scenario.clone(),
        totals: second_totals,
    };
    let chart = use_memo(
        (dataset.clone(), a.clone(), b.clone(), lang, width),
        |(dataset, a, b, lang, width)| {
            let width = (*width)?;
            Some(compare_bars(
                dataset,
                CompareSide {
                    scenario: &a.scenario,
                    totals: &a.totals,
                    label: &a.label,
                },
                CompareSide {
                    scenario: &b.scenario,
                    totals: &b.totals,
                    label: &b.label,
                },
                *lang,
                width,
                "chart-compare",
            ))
        },
    );

    let first_select = use_node_ref();
    let second_select = use_node_ref();
    use_select_value(first_select.clone(), first.key.clone());
    use_select_value(second_select.clone(), second.key.clone());
    let picker = |id: &'static str,
                  label_key: &'static str,
                  handle: &UseStateHandle<String>,
                  chosen: &str,
                  node: &NodeRef| {
        let handle = handle.clone();
        let onchange = Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                handle.set(select.value());
            }
        });
        html! {
            <div class="picker">
                <label for={id}>{ text(lang, label_key) }</label>
                <select id={id} onchange={onchange} ref={node.clone()}>
                    { for choices.iter().map(|c| html! {
                        <option value={c.key.clone()} selected={c.key == chosen}>{ &c.label }</option>
                    }) }
                </select>
            </div>
        }
    };

    let style = lang.money_style();
    let diff_cell = |delta: Option<i64>| match delta {
        Some(delta) => html! {
            <td class={classes!("num", "diff", (delta > 0).then_some("up"), (delta < 0).then_some("down"))}>
                { format_delta(delta, style) }
            </td>
        },
        None => html! { <td class="num diff">{ "—" }</td> },
    };
    // One component a row, so a slider move re-renders only the rows whose figures changed
    // (fifty rows a page on a large dataset).
    let (page, on_pick_page) = use_list_page(dataset.clone(), dataset.streams.len());
    let stream_rows = page.items().map(|index| {
        html! {
            <CompareStreamRow dataset={dataset.clone()} index={index}
                a={a.scenario.amounts.get(index).copied().flatten()}
                b={b.scenario.amounts.get(index).copied().flatten()}
                outcome_a={a.scenario.outcomes.get(index).copied().unwrap_or_default()}
                outcome_b={b.scenario.outcomes.get(index).copied().unwrap_or_default()}
                added_a={a.totals.added(index)}
                added_b={b.totals.added(index)}
                lang={lang} />
        }
    });
    let total_row = |id: String, label: String, x: i64, y: i64| {
        html! {
            <tr id={id} class={classes!((x != y).then_some("changed"))}>
                <th scope="row">{ label }</th>
                <td class="num a">{ money(x, lang) }</td>
                <td class="num b">{ money(y, lang) }</td>
                { diff_cell(Some(y - x)) }
            </tr>
        }
    };
    let (ta, tb) = (&a.totals, &b.totals);
    let grand_label = |count_sought: bool| {
        text(
            lang,
            if count_sought {
                "totals.grand"
            } else {
                "totals.grand-granted-only"
            },
        )
    };
    let grand_name = if a.scenario.count_sought == b.scenario.count_sought {
        grand_label(a.scenario.count_sought)
    } else {
        text(lang, "compare.grand")
    };
    let kind_rows = ta.by_kind.iter().zip(&tb.by_kind).map(|(ka, kb)| {
        let kind = &dataset.kinds[ka.index];
        let value = |c: Counted| c.total();
        if ka.stated == 0 && kb.stated == 0 {
            return html! {
                <tr id={format!("compare-kind-{}", spelled(&kind.id))}>
                    <th scope="row">{ fill(lang, "compare.kind", &[("kind", kind.name.get(lang))]) }</th>
                    <td class="num a"><span class="muted">{ text(lang, "compare.not-stated") }</span></td>
                    <td class="num b"><span class="muted">{ text(lang, "compare.not-stated") }</span></td>
                    { diff_cell(None) }
                </tr>
            };
        }
        total_row(
            format!("compare-kind-{}", spelled(&kind.id)),
            fill(lang, "compare.kind", &[("kind", kind.name.get(lang))]),
            value(ka.counted),
            value(kb.counted),
        )
    });

    let download_chart = {
        let chart = chart.clone();
        let status = status.clone();
        let dataset = dataset.clone();
        let names = format!("{} – {}", a.label, b.label);
        Callback::from(move |_: MouseEvent| {
            let Some(chart) = chart.as_ref() else {
                return;
            };
            let name = file_name(&text(lang, "exports.file-chart-compare"), &names, "svg");
            let caption = FileCaption {
                scenario: &names,
                date: today(),
                lang,
            };
            let file = chart_file(chart, &dataset, caption);
            match download_text(&name, "image/svg+xml", &file.svg) {
                Ok(()) => status.set(Some(fill(lang, "exports.downloaded", &[("file", &name)]))),
                Err(_) => status.set(Some(text(lang, "exports.download-failed"))),
            }
        })
    };

    html! {
        <section class="compare" aria-labelledby="compare-heading" ref={container}>
            <Heading rank={Rank::Section} id="compare-heading">{ text(lang, "compare.heading") }</Heading>
            <div class="pickers">
                { picker("compare-first", "compare.first", &first_key, &first.key, &first_select) }
                { picker("compare-second", "compare.second", &second_key, &second.key, &second_select) }
            </div>
            if a.scenario.count_sought != b.scenario.count_sought {
                <p class="hint-line">{ text(lang, "compare.sought-differs") }</p>
            }
            <Pager page={page} id="compare-pager" label_key="pager.compare" lang={lang}
                on_pick={on_pick_page} />
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="compare-caption">
                <table class="compare-table" id="compare-table">
                    <caption id="compare-caption">{ fill(lang, "compare.caption", &[("a", &a.label), ("b", &b.label)]) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ text(lang, "compare.col-item") }</th>
                            <th scope="col" class="num">{ &a.label }</th>
                            <th scope="col" class="num">{ &b.label }</th>
                            <th scope="col" class="num">{ text(lang, "compare.col-diff") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="group"><th scope="rowgroup" colspan="4">{ text(lang, "compare.streams") }</th></tr>
                        { for stream_rows }
                    </tbody>
                    <tbody>
                        <tr class="group"><th scope="rowgroup" colspan="4">{ text(lang, "compare.totals") }</th></tr>
                        { total_row("compare-grand".into(), grand_name, ta.grand(), tb.grand()) }
                        { total_row("compare-granted".into(), text(lang, "totals.granted"), ta.counted.granted, tb.counted.granted) }
                        { total_row("compare-sought".into(), text(lang, "totals.sought"), ta.pending_sought, tb.pending_sought) }
                        { for kind_rows }
                    </tbody>
                </table>
            </div>
            // Drawn once the width is known, normally before the first paint. The chart comes
            // from the charts module, which escapes every text it draws; it is patched in place
            // rather than replaced (see `LiveSvg`).
            if let Some(chart) = chart.as_ref() {
                <figure class="chart compare-chart" id="figure-compare" aria-labelledby="figure-compare-heading">
                    <figcaption>
                        <Heading rank={Rank::Part} id="figure-compare-heading">{ &chart.title }</Heading>
                        <button type="button" class="secondary no-print" id="download-compare-svg"
                            onclick={download_chart}>{ text(lang, "compare.download-svg") }</button>
                    </figcaption>
                    <crate::ui::live_svg::LiveSvg class="chart-svg" svg={AttrValue::from(chart.svg.clone())} />
                </figure>
            }
            <p class="hint-line" role="status">{ (*status).clone().unwrap_or_default() }</p>
        </section>
    }
}

/// Props of [`CompareStreamRow`]: everything one stream's row shows.
#[derive(Properties, PartialEq)]
struct CompareStreamRowProps {
    dataset: DatasetRef,
    index: usize,
    a: Option<i64>,
    b: Option<i64>,
    outcome_a: Outcome,
    outcome_b: Outcome,
    /// What the stream adds to each scenario's grand total (its sought money by the assumed
    /// outcome, or nothing when sought money is not counted).
    added_a: i64,
    added_b: i64,
    lang: Lang,
}

/// One stream compared: its amount in each scenario (with the assumed outcome of a sought
/// stream) and the difference in what it adds to the grand totals, so that the rows'
/// differences add up to the grand total's.
#[function_component(CompareStreamRow)]
fn compare_stream_row(props: &CompareStreamRowProps) -> Html {
    let CompareStreamRowProps {
        dataset,
        index,
        a,
        b,
        outcome_a,
        outcome_b,
        added_a,
        added_b,
        lang,
    } = props;
    let (index, lang) = (*index, *lang);
    let Some(stream) = dataset.streams.get(index) else {
        return Html::default();
    };
    let outcome_words = |outcome: Outcome| -> Option<String> {
        if stream.status != Status::Sought {
            return None;
        }
        Some(match outcome {
            Outcome::Pending => text(lang, "outcome.pending"),
            Outcome::Granted => text(lang, "outcome.granted"),
            Outcome::Refused => text(lang, "outcome.refused"),
            Outcome::Partial(percent) => fill(
                lang,
                "compare.partial",
                &[("percent", &percent.to_string())],
            ),
        })
    };
    let amount_cell = |amount: Option<i64>, outcome: Option<String>| match amount {
        Some(amount) => html! {
            <>
                { money(amount, lang) }
                if let Some(outcome) = outcome {
                    <span class="outcome-note">{ outcome }</span>
                }
            </>
        },
        None => html! { <span class="muted">{ text(lang, "compare.not-stated") }</span> },
    };
    let (outcome_a, outcome_b) = (outcome_words(*outcome_a), outcome_words(*outcome_b));
    let delta = match (a, b) {
        (None, None) => None,
        _ => Some(added_b - added_a),
    };
    let changed = delta.is_some_and(|d| d != 0) || outcome_a != outcome_b;
    let diff = match delta {
        Some(delta) => html! {
            <td class={classes!("num", "diff", (delta > 0).then_some("up"), (delta < 0).then_some("down"))}>
                { format_delta(delta, lang.money_style()) }
            </td>
        },
        None => html! { <td class="num diff">{ "—" }</td> },
    };
    html! {
        <tr id={format!("compare-stream-{}", spelled(&stream.id))} data-row={stream.id.clone()}
            class={classes!(changed.then_some("changed"))}>
            <th scope="row">{ stream.name.get(lang) }</th>
            <td class="num a">{ amount_cell(*a, outcome_a) }</td>
            <td class="num b">{ amount_cell(*b, outcome_b) }</td>
            { diff }
        </tr>
    }
}
