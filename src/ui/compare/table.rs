//! The comparison's table: each stream in the two scenarios (50 a page on a long dataset), then
//! every total, with the differences.

use yew::prelude::*;

use super::Side;
use crate::core::dataset::Status;
use crate::core::element_id::spelled;
use crate::core::lang::Lang;
use crate::core::money::format_delta;
use crate::core::scenario::Outcome;
use crate::core::totals::Counted;
use crate::i18n::{covered_words, fill, text};
use crate::model::state::DatasetRef;
use crate::ui::dataset_text::{in_its_language, typed, with_typed};
use crate::ui::hooks::{use_lang, use_list_page};
use crate::ui::money;
use crate::ui::pager::Pager;

/// Props of [`CompareTable`].
#[derive(Properties, PartialEq)]
pub struct CompareTableProps {
    /// The dataset shown.
    pub dataset: DatasetRef,
    /// The first scenario picked.
    pub a: Side,
    /// The second.
    pub b: Side,
}

/// A difference, coloured by its sign; a dash where neither side states an amount.
fn diff_cell(delta: Option<i64>, lang: Lang) -> Html {
    match delta {
        Some(delta) => html! {
            <td class={classes!("num", "diff", (delta > 0).then_some("up"), (delta < 0).then_some("down"))}>
                { format_delta(delta, lang.money_style()) }
            </td>
        },
        None => html! { <td class="num diff">{ "—" }</td> },
    }
}

/// The streams and the totals of two scenarios side by side.
#[function_component(CompareTable)]
pub fn compare_table(props: &CompareTableProps) -> Html {
    let CompareTableProps { dataset, a, b } = props;
    let lang = use_lang();
    // One component a row, so a slider move re-renders only the rows whose figures changed
    // (fifty rows a page on a large dataset).
    let (page, on_pick_page) = use_list_page(dataset.clone(), dataset.streams.len());
    let stream_rows = page.items().map(|index| {
        html! {
                   <CompareStreamRow dataset={dataset.clone()} index={index}
                       a={a.scenario.amount(index)}
                       b={b.scenario.amount(index)}
                       outcome_a={a.scenario.outcome(index)}
                       outcome_b={b.scenario.outcome(index)}
                       added_a={a.totals.added(index)}
                       added_b={b.totals.added(index)}
        />
               }
    });
    let total_row = |id: String, label: String, x: i64, y: i64| {
        html! {
            <tr id={id} class={classes!((x != y).then_some("changed"))}>
                <th scope="row">{ label }</th>
                <td class="num a">{ money(x, lang) }</td>
                <td class="num b">{ money(y, lang) }</td>
                { diff_cell(Some(y - x), lang) }
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
                    { diff_cell(None, lang) }
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

    // Money only assumed granted for a bid is counted as granted: the row says so.
    let granted_name = if ta.assumed_granted > 0 || tb.assumed_granted > 0 {
        text(lang, "totals.granted-or-assumed")
    } else {
        text(lang, "totals.granted")
    };
    html! {
        <>
            <Pager page={page} id="compare-pager" label_key="pager.compare"
                on_pick={on_pick_page} />
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="compare-caption">
                <table class="compare-table" id="compare-table">
                    <caption id="compare-caption">{ with_typed(&fill(lang, "compare.caption", &[("a", &a.label), ("b", &b.label)]), &[&a.label, &b.label], lang) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ text(lang, "compare.col-item") }</th>
                            <th scope="col" class="num">{ typed(&a.label, lang) }</th>
                            <th scope="col" class="num">{ typed(&b.label, lang) }</th>
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
                        { total_row("compare-granted".into(), granted_name, ta.counted.granted, tb.counted.granted) }
                        { total_row("compare-sought".into(), text(lang, "totals.sought"), ta.pending_sought, tb.pending_sought) }
                        { for kind_rows }
                    </tbody>
                </table>
            </div>
        </>
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
}

/// One stream compared: what it adds to each scenario's grand total (with the assumed outcome
/// of a sought stream, and its planned amount when that differs) and the difference, so that
/// each row reads across and the rows' differences add up to the grand total's.
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
    } = props;
    let lang = use_lang();
    let index = *index;
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
            Outcome::Covered(percent) => covered_words(percent, lang),
        })
    };
    // The figure is what the stream adds to the total, so that a row reads across to its
    // difference; the planned amount is said under it when that is something else.
    let amount_cell = |amount: Option<i64>, added: i64, outcome: Option<String>| match amount {
        Some(amount) => {
            let planned = (amount != added)
                .then(|| fill(lang, "compare.planned", &[("amount", &money(amount, lang))]));
            let note = [outcome, planned]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(&text(lang, "compare.note-separator"));
            html! {
                <>
                    { money(added, lang) }
                    if !note.is_empty() {
                        <span class="outcome-note">{ note }</span>
                    }
                </>
            }
        }
        None => html! { <span class="muted">{ text(lang, "compare.not-stated") }</span> },
    };
    let (outcome_a, outcome_b) = (outcome_words(*outcome_a), outcome_words(*outcome_b));
    let delta = match (a, b) {
        (None, None) => None,
        _ => Some(added_b - added_a),
    };
    let changed = delta.is_some_and(|d| d != 0) || outcome_a != outcome_b;
    let diff = diff_cell(delta, lang);
    html! {
        <tr id={format!("compare-stream-{}", spelled(&stream.id))} data-row={stream.id.clone()}
            class={classes!(changed.then_some("changed"))}>
            <th scope="row">{ in_its_language(&stream.name, lang) }</th>
            <td class="num a">{ amount_cell(*a, *added_a, outcome_a) }</td>
            <td class="num b">{ amount_cell(*b, *added_b, outcome_b) }</td>
            { diff }
        </tr>
    }
}
