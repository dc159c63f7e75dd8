//! The comparison of two scenarios: pick any two of the baseline, the current scenario and the
//! saved ones; a side-by-side table of the streams (50 a page on a long dataset) and every
//! total with the differences ([`table`]), and the grouped bar chart ([`chart`],
//! [`crate::charts::compare_bars`]).

mod chart;
mod table;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::scenario::Scenario;
use crate::core::totals::Totals;
use crate::i18n::text;
use crate::model::state::DatasetRef;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::{use_lang, use_select_value};
use chart::CompareChart;
use table::CompareTable;

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
    let CompareProps { dataset, choices } = props;
    let lang = use_lang();
    let first_key = use_state(|| "baseline".to_owned());
    let second_key = use_state(|| "current".to_owned());

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

    html! {
        <section class="compare" aria-labelledby="compare-heading">
            <Heading rank={Rank::Section} id="compare-heading">{ text(lang, "compare.heading") }</Heading>
            <div class="pickers">
                { picker("compare-first", "compare.first", &first_key, &first.key, &first_select) }
                { picker("compare-second", "compare.second", &second_key, &second.key, &second_select) }
            </div>
            if a.scenario.count_sought != b.scenario.count_sought {
                <p class="hint-line">{ text(lang, "compare.sought-differs") }</p>
            }
            <CompareTable dataset={dataset.clone()} a={a.clone()} b={b.clone()} />
            <CompareChart dataset={dataset.clone()} a={a} b={b} />
        </section>
    }
}
