//! "从【A】调出【X】万元到【B】": one move of an exact amount between two items, nothing
//! else changing, one undo step. The engine refuses what cannot be done; the reason shows here,
//! and what moved is said here once it has moved (the amount typed is then cleared, so that a
//! second press does not move it again).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::money::{
    BadAmount, amount_input_text, format_amount, parse_amount, parse_typed_amount,
};
use crate::core::scenario::{Action, Refusal, Scenario};
use crate::i18n::Message;
use crate::i18n::{fill, text};
use crate::model::state::{DatasetRef, Moved, Msg};
use crate::ui::amount_field::bad_amount_message;
use crate::ui::hooks::{use_dispatch, use_inactive, use_lang, use_select_value};
use crate::ui::status_line::StatusLine;

/// Props of [`Transfer`].
#[derive(Properties, PartialEq)]
pub struct TransferProps {
    /// The dataset.
    pub dataset: DatasetRef,
    /// The scenario, for the amounts of the two items picked.
    pub scenario: Rc<Scenario>,
    /// Why the last transfer was refused, if it was.
    pub refusal: Option<Refusal>,
    /// The transfer that made the scenario on screen, while it is the last change.
    pub moved: Option<Moved>,
}

/// The transfer form: from, amount, to, and a button (Enter in the amount field sends it too).
#[function_component(Transfer)]
pub fn transfer(props: &TransferProps) -> Html {
    let TransferProps {
        dataset,
        scenario,
        refusal,
        moved,
    } = props;
    let lang = use_lang();
    let inactive = use_inactive();
    let dispatch = use_dispatch();
    let from = use_state_eq(|| stated(dataset).first().copied().unwrap_or(0));
    let to = use_state_eq(|| stated(dataset).get(1).copied().unwrap_or(0));
    let typed = use_state_eq(String::new);
    let bad = use_state_eq(|| None::<BadAmount>);
    let style = lang.money_style();
    // A typed amount keeps its value when the language (and so the unit) changes: 50 typed in
    // 万元 becomes 500000 in yuan, not CNY 50.
    let typed_in = use_mut_ref(|| style);
    {
        let typed = typed.clone();
        use_effect_with(style, move |&style| {
            let before = typed_in.replace(style);
            if before != style
                && let Ok(amount) = parse_amount(&typed, before)
            {
                typed.set(amount_input_text(amount, style));
            }
        });
    }
    {
        // Moved: the amount is done with. The scenario is in the key, since the same move made
        // twice is two moves.
        let typed = typed.clone();
        use_effect_with((*moved, Rc::clone(scenario)), move |(moved, _)| {
            if moved.is_some() {
                typed.set(String::new());
            }
        });
    }
    let (from_select, to_select) = (use_node_ref(), use_node_ref());
    use_select_value(from_select.clone(), from.to_string());
    use_select_value(to_select.clone(), to.to_string());
    let pick = |state: &UseStateHandle<usize>| {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let picked = event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|select| select.value().parse::<usize>().ok());
            if let Some(picked) = picked {
                state.set(picked);
            }
        })
    };
    let on_type = {
        let (typed, bad) = (typed.clone(), bad.clone());
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                typed.set(input.value());
                bad.set(None);
            }
        })
    };
    // The planned and stated amounts of the two items picked: in yuan, a move is in whole 万
    // unless one of them holds odd yuan.
    let held = [*from, *to].into_iter().flat_map(|stream| {
        let stated = dataset.streams.get(stream).and_then(|s| s.amount);
        [scenario.amount(stream), stated].into_iter().flatten()
    });
    let held: Vec<i64> = held.collect();
    let on_submit = {
        let (from, to, typed, bad) = (from.clone(), to.clone(), typed.clone(), bad.clone());
        let dispatch = dispatch.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match parse_typed_amount(&typed, style, &held) {
                Ok(amount) => {
                    bad.set(None);
                    dispatch.dispatch(Msg::Act(Action::Transfer {
                        from: *from,
                        to: *to,
                        amount,
                    }));
                }
                Err(reason) => bad.set(Some(reason)),
            }
        })
    };
    // What each picked item holds now, said under it (and read with its select).
    let holds = |stream: usize| {
        let amount = scenario.amount(stream).unwrap_or(0);
        fill(
            lang,
            "transfer.holds",
            &[("amount", &format_amount(amount, style))],
        )
    };
    let error = match *bad {
        Some(reason) => Some(bad_amount_message(reason, style, lang)),
        None => refusal.as_ref().map(|r| r.message(lang)),
    };
    let name = |stream: usize| dataset.streams.get(stream).map_or("", |s| s.name.get(lang));
    let done = moved.filter(|_| bad.is_none()).map(|moved| {
        fill(
            lang,
            "transfer.done",
            &[
                ("from", name(moved.from)),
                ("to", name(moved.to)),
                ("amount", &format_amount(moved.amount, style)),
            ],
        )
    });
    let unit = text(lang, "row.unit");
    html! {
        <form class="transfer" aria-labelledby="transfer-heading" onsubmit={on_submit}>
            <p class="transfer-title" id="transfer-heading">{ text(lang, "transfer.heading") }</p>
            <div class="transfer-line">
                <div class="transfer-part">
                    <label for="transfer-from">{ text(lang, "transfer.from") }</label>
                    <select id="transfer-from" ref={from_select} onchange={pick(&from)}
                        aria-describedby="transfer-from-holds" disabled={inactive}>
                        <StreamOptions dataset={dataset.clone()} selected={*from} />
                    </select>
                    <span class="transfer-holds" id="transfer-from-holds">{ holds(*from) }</span>
                </div>
                <div class="transfer-part transfer-amount-part">
                    <label for="transfer-amount">{ fill(lang, "transfer.amount", &[("unit", &unit)]) }</label>
                    <input type="text" inputmode="decimal" id="transfer-amount" class="transfer-amount"
                        value={(*typed).clone()} oninput={on_type}
                        aria-invalid={if error.is_some() { "true" } else { "false" }}
                        aria-describedby="transfer-error transfer-hint" disabled={inactive} />
                </div>
                <div class="transfer-part">
                    <label for="transfer-to">{ text(lang, "transfer.to") }</label>
                    <select id="transfer-to" ref={to_select} onchange={pick(&to)}
                        aria-describedby="transfer-to-holds" disabled={inactive}>
                        <StreamOptions dataset={dataset.clone()} selected={*to} />
                    </select>
                    <span class="transfer-holds" id="transfer-to-holds">{ holds(*to) }</span>
                </div>
                <button type="submit" id="transfer-submit" disabled={inactive}>{ text(lang, "transfer.submit") }</button>
            </div>
            <StatusLine id="transfer-done" class="transfer-done">{ done.unwrap_or_default() }</StatusLine>
            <p class="hint" id="transfer-hint">{ text(lang, "transfer.hint") }</p>
            <p class="field-error" id="transfer-error" role="alert">{ error.unwrap_or_default() }</p>
        </form>
    }
}

/// The items that state an amount: the only ones money can move between.
fn stated(dataset: &DatasetRef) -> Vec<usize> {
    (0..dataset.streams.len())
        .filter(|i| dataset.streams[*i].amount.is_some())
        .collect()
}

/// Props of [`StreamOptions`].
#[derive(Properties, PartialEq)]
struct StreamOptionsProps {
    dataset: DatasetRef,
    selected: usize,
}

/// The options of a transfer's select: names only, in a component of their own, so that a
/// slider move (which changes the amounts said beside them) does not render them again: a
/// thousand items make two thousand options.
#[function_component(StreamOptions)]
fn stream_options(props: &StreamOptionsProps) -> Html {
    let lang = use_lang();
    let dataset = &props.dataset;
    stated(dataset)
        .into_iter()
        .map(|i| {
            html! {
                <option value={i.to_string()} selected={i == props.selected}>
                    { dataset.streams[i].name.get(lang) }
                </option>
            }
        })
        .collect()
}
