//! The printed meeting report: hidden on screen, laid out by the print style sheet as page 1
//! (scenario, date, assumptions, headline totals, comparison with the source figures), then
//! the page's charts, then the streams with their sources; a footer line with the source and
//! the date on every page.
//!
//! The date is read from the clock after the first render (and again before printing), never
//! during it: the first screen is prerendered and must not depend on the clock.

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::file::source_line;
use crate::core::dataset::Dataset;
use crate::core::export::{CsvWords, Day};
use crate::core::lang::Lang;
use crate::core::money::{format_delta, format_sum};
use crate::core::scenario::{Outcome, Scenario};
use crate::core::totals::{Totals, baseline_added};
use crate::i18n::{CsvIn, fill, status_word, text};
use crate::model::state::DatasetRef;
use crate::ui::dataset_text::{in_its_language, with_typed};
use crate::ui::hooks::{use_lang, use_settled};
use crate::ui::money;
use crate::web::download::today;

/// Props of [`Report`].
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    /// The dataset shown.
    pub dataset: DatasetRef,
    /// The current scenario.
    pub scenario: Scenario,
    /// Its totals.
    pub totals: Rc<Totals>,
    /// The scenario's name as the page shows it.
    pub name: String,
}

/// Today, read after the first render and again whenever the page is about to print.
#[hook]
fn use_print_date() -> Option<Day> {
    let date = use_state(|| None::<Day>);
    {
        let date = date.clone();
        use_effect_with((), move |()| {
            date.set(Some(today()));
            let listener = crate::web::page::listen_window("beforeprint", move |_: Event| {
                date.set(Some(today()));
            });
            move || drop(listener)
        });
    }
    *date
}

/// An amount or "not stated".
fn amount_or_unstated(amount: Option<i64>, lang: Lang) -> String {
    amount.map_or_else(|| text(lang, "row.unstated"), |a| money(a, lang))
}

/// The report (print only). It follows a drag once the hand stops, not on every frame: it is
/// never seen while the scenario changes, and lists every stream.
#[function_component(Report)]
pub fn report(props: &ReportProps) -> Html {
    let (scenario, totals) = use_settled((props.scenario.clone(), props.totals.clone()));
    let date = use_print_date();
    html! {
        <ReportBody dataset={props.dataset.clone()} scenario={scenario} totals={totals}
            name={props.name.clone()} date={date} />
    }
}

/// Props of [`ReportBody`]: the report's, settled, and the date.
#[derive(Properties, PartialEq)]
struct ReportBodyProps {
    dataset: DatasetRef,
    scenario: Scenario,
    totals: Rc<Totals>,
    name: String,
    date: Option<Day>,
}

/// The report's parts, rendered again only when what they show changes.
#[function_component(ReportBody)]
fn report_body(props: &ReportBodyProps) -> Html {
    let ReportBodyProps {
        dataset,
        scenario,
        totals,
        name,
        date,
    } = props;
    let lang = use_lang();
    let date = date.map(|d| d.to_string()).unwrap_or_default();
    if !scenario.fits(dataset) {
        return Html::default();
    }
    let words = CsvIn(lang);
    let name_of = |i: usize| dataset.streams[i].name.get(lang).to_owned();
    let outcomes: Vec<String> = (0..dataset.streams.len())
        .filter(|&i| !dataset.streams[i].status.is_granted())
        .map(|i| {
            let outcome = words.outcome(scenario.plans[i].outcome);
            fill(
                lang,
                "report.outcome-item",
                &[("name", &name_of(i)), ("outcome", &outcome)],
            )
        })
        .collect();
    let locked: Vec<String> = (0..dataset.streams.len())
        .filter(|&i| scenario.plans[i].locked)
        .map(name_of)
        .collect();
    let list = |items: Vec<String>| {
        if items.is_empty() {
            text(lang, "report.none")
        } else {
            items.join(&text(lang, "report.list-separator"))
        }
    };
    let (grand, [granted, sought]) = format_sum(
        totals.grand(),
        [totals.counted.granted, totals.counted.sought],
        lang.money_style(),
    );
    let assumed = totals.assumed_granted;
    let grand_key = match (scenario.count_sought, assumed > 0) {
        (true, _) => "totals.grand",
        (false, false) => "totals.grand-granted-only",
        (false, true) => "totals.grand-granted-assumed",
    };
    let with_note = |figure: String, note: String| {
        fill(
            lang,
            "report.with-note",
            &[("figure", &figure), ("note", &note)],
        )
    };
    // Granted money that is only assumed for a bid is said as such.
    let granted = match assumed {
        0 => granted,
        assumed => with_note(
            granted,
            fill(
                lang,
                "totals.granted-assumed",
                &[("assumed", &money(assumed, lang))],
            ),
        ),
    };
    // Money still sought is given whether the total counts it or not, as the totals panel
    // gives it: the part counted is only what no outcome is assumed for.
    let sought = match (
        scenario.count_sought,
        totals.pending_sought == totals.counted.sought,
    ) {
        (true, true) => sought,
        (true, false) => money(totals.pending_sought, lang),
        (false, _) => with_note(
            money(totals.pending_sought, lang),
            text(lang, "totals.sought-not-counted"),
        ),
    };
    let assumption =
        |key: &str, value: String| html! { <><dt>{ text(lang, key) }</dt><dd>{ value }</dd></> };
    html! {
        <div class="print-report">
            <section class="report-summary" aria-label={text(lang, "report.heading")}>
                <p class="report-title">{ text(lang, "report.heading") }</p>
                <p class="report-meta">
                    { with_typed(&fill(lang, "report.scenario-date", &[("name", name), ("date", &date)]), &[name], lang) }
                </p>
                <dl class="report-assumptions">
                    { assumption("controls.mode", words.mode(scenario.mode)) }
                    { assumption("io.csv.about-sought", words.counts_sought(scenario.count_sought)) }
                    { assumption("outcome.label", list(outcomes)) }
                    { assumption("report.locks", list(locked)) }
                </dl>
                <dl class="report-totals">
                    { assumption(grand_key, grand) }
                    { assumption("totals.granted", granted) }
                    { assumption("totals.sought", sought) }
                    { assumption("totals.delta", format_delta(totals.delta(), lang.money_style())) }
                </dl>
                { comparison(dataset, scenario, totals, lang) }
            </section>
            { sources(dataset, scenario, lang) }
            <p class="report-footer">{ format!("{} · {date}", source_line(dataset, lang)) }</p>
        </div>
    }
}

/// A counted figure, with the amount behind it said beneath when that is something else (an
/// outcome assumed for a bid, or sought money the totals leave out), as the comparison table
/// on screen says it.
fn counted_cell(counted: i64, amount: Option<i64>, outcome: Option<String>, lang: Lang) -> Html {
    let Some(amount) = amount else {
        return html! { { text(lang, "row.unstated") } };
    };
    let behind = (amount != counted).then(|| {
        let planned = fill(lang, "compare.planned", &[("amount", &money(amount, lang))]);
        match outcome {
            Some(outcome) => format!("{outcome}{}{planned}", text(lang, "compare.note-separator")),
            None => planned,
        }
    });
    html! {
        <>
            { money(counted, lang) }
            if let Some(behind) = behind {
                <span class="report-behind">{ behind }</span>
            }
        </>
    }
}

/// The comparison with the source figures, stream by stream: what each stream adds to the
/// baseline's grand total and to this scenario's, and the change, so that the total row is the
/// grand total and the change the first page gives. A stream's note is a line under its figures.
fn comparison(dataset: &Dataset, scenario: &Scenario, totals: &Totals, lang: Lang) -> Html {
    let words = CsvIn(lang);
    let before: Vec<i64> = dataset
        .streams
        .iter()
        .map(|s| baseline_added(s.status, s.amount, scenario.count_sought))
        .collect();
    let rows = dataset.streams.iter().enumerate().map(|(i, stream)| {
        let planned = scenario.plans[i].amount;
        let sought = !stream.status.is_granted();
        let change = match (stream.amount, planned) {
            (None, None) => "—".to_owned(),
            _ => format_delta(totals.added(i) - before[i], lang.money_style()),
        };
        let note = scenario.note(i);
        html! {
            // One body a stream: its figures and its note stay on one page.
            <tbody class="report-stream">
                <tr>
                    <th scope="row">{ in_its_language(&stream.name, lang) }</th>
                    <td class="num">{ counted_cell(before[i], stream.amount,
                        sought.then(|| words.outcome(Outcome::Pending)), lang) }</td>
                    <td class="num">{ counted_cell(totals.added(i), planned,
                        sought.then(|| words.outcome(scenario.plans[i].outcome)), lang) }</td>
                    <td class="num">{ change }</td>
                </tr>
                if !note.is_empty() {
                    <tr class="report-note">
                        <td colspan="4">{ fill(lang, "report.note-line", &[("note", note)]) }</td>
                    </tr>
                }
            </tbody>
        }
    });
    // The columns' sums, which are the baseline's grand total and this scenario's.
    let baseline: i64 = before.iter().sum();
    let counted: i64 = (0..dataset.streams.len()).map(|i| totals.added(i)).sum();
    html! {
        <table class="report-table report-comparison">
            <caption>
                { text(lang, "report.comparison") }
                <span class="report-basis">{ text(lang, "report.counted-basis") }</span>
            </caption>
            <thead><tr>
                <th scope="col">{ text(lang, "io.csv.name") }</th>
                <th scope="col" class="num">{ text(lang, "report.col-source") }</th>
                <th scope="col" class="num">{ text(lang, "report.col-counted") }</th>
                <th scope="col" class="num">{ text(lang, "totals.delta") }</th>
            </tr></thead>
            { for rows }
            <tbody class="report-total">
                <tr>
                    <th scope="row">{ text(lang, "report.total") }</th>
                    <td class="num">{ money(baseline, lang) }</td>
                    <td class="num">{ money(counted, lang) }</td>
                    <td class="num">{ format_delta(counted - baseline, lang.money_style()) }</td>
                </tr>
            </tbody>
        </table>
    }
}

/// The streams with their agencies, statuses and source sentences.
fn sources(dataset: &Dataset, scenario: &Scenario, lang: Lang) -> Html {
    let rows = dataset.streams.iter().enumerate().map(|(i, stream)| {
        let agency = dataset.agency_of(stream).map_or("", |a| a.name.get(lang));
        html! {
            <tr>
                <th scope="row">{ in_its_language(&stream.name, lang) }</th>
                <td>{ agency }</td>
                <td>{ status_word(stream.status, lang) }</td>
                <td class="num">{ amount_or_unstated(scenario.plans[i].amount, lang) }</td>
                <td class="quote" lang="zh-Hant">{ &stream.quote }</td>
            </tr>
        }
    });
    html! {
        <section class="report-sources" aria-label={text(lang, "report.sources")}>
            <table class="report-table">
                <caption>{ text(lang, "report.sources") }</caption>
                <thead><tr>
                    <th scope="col">{ text(lang, "io.csv.name") }</th>
                    <th scope="col">{ text(lang, "io.csv.agency") }</th>
                    <th scope="col">{ text(lang, "io.csv.status") }</th>
                    <th scope="col" class="num">{ text(lang, "report.col-plan") }</th>
                    <th scope="col">{ text(lang, "report.col-quote") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}
