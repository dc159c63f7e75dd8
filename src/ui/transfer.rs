//! "从【A】调出【X】万元到【B】": one move of an exact amount between two items, nothing
//! else changing, one undo step. The engine refuses what cannot be done; the reason shows here.

use yew::prelude::*;

use crate::core::money::{BadAmount, parse_amount};
use crate::core::scenario::{Action, Refusal};
use crate::i18n::Message;
use crate::i18n::{fill, text};
use crate::model::state::{DatasetRef, Msg};
use crate::ui::amount_field::bad_amount_message;
use crate::ui::hooks::{use_dispatch, use_lang, use_select_value};

/// Props of [`Transfer`].
#[derive(Properties, PartialEq)]
pub struct TransferProps {
    /// The dataset.
    pub dataset: DatasetRef,
    /// Why the last transfer was refused, if it was.
    pub refusal: Option<Refusal>,
}

/// The transfer form: from, amount, to, and a button (Enter in the amount field sends it too).
#[function_component(Transfer)]
pub fn transfer(props: &TransferProps) -> Html {
    let TransferProps { dataset, refusal } = props;
    let lang = use_lang();
    let dispatch = use_dispatch();
    // The items that state an amount: the only ones money can move between. Names only, no
    // amounts: the form then does not re-render on every slider move (a thousand items make
    // two thousand options).
    let stated: Vec<usize> = (0..dataset.streams.len())
        .filter(|i| dataset.streams[*i].amount.is_some())
        .collect();
    let from = use_state_eq(|| stated.first().copied().unwrap_or(0));
    let to = use_state_eq(|| stated.get(1).copied().unwrap_or(0));
    let typed = use_state_eq(String::new);
    let bad = use_state_eq(|| None::<BadAmount>);
    let (from_select, to_select) = (use_node_ref(), use_node_ref());
    use_select_value(from_select.clone(), from.to_string());
    use_select_value(to_select.clone(), to.to_string());
    let style = lang.money_style();
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
    let on_submit = {
        let (from, to, typed, bad) = (from.clone(), to.clone(), typed.clone(), bad.clone());
        let dispatch = dispatch.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match parse_amount(&typed, style) {
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
    let options = |selected: usize| {
        stated
            .iter()
            .map(|i| {
                html! {
                    <option value={i.to_string()} selected={*i == selected}>
                        { dataset.streams[*i].name.get(lang) }
                    </option>
                }
            })
            .collect::<Html>()
    };
    let error = match *bad {
        Some(reason) => Some(bad_amount_message(reason, style, lang)),
        None => refusal.as_ref().map(|r| r.message(lang)),
    };
    let unit = text(lang, "row.unit");
    html! {
        <form class="transfer" aria-labelledby="transfer-heading" onsubmit={on_submit}>
            <p class="transfer-title" id="transfer-heading">{ text(lang, "transfer.heading") }</p>
            <div class="transfer-line">
                <label for="transfer-from">{ text(lang, "transfer.from") }</label>
                <select id="transfer-from" ref={from_select} onchange={pick(&from)}>{ options(*from) }</select>
                <label for="transfer-amount">{ fill(lang, "transfer.amount", &[("unit", &unit)]) }</label>
                <input type="text" inputmode="decimal" id="transfer-amount" class="transfer-amount"
                    value={(*typed).clone()} oninput={on_type}
                    aria-invalid={if error.is_some() { "true" } else { "false" }}
                    aria-describedby="transfer-error transfer-hint" />
                <label for="transfer-to">{ text(lang, "transfer.to") }</label>
                <select id="transfer-to" ref={to_select} onchange={pick(&to)}>{ options(*to) }</select>
                <button type="submit" id="transfer-submit">{ text(lang, "transfer.submit") }</button>
            </div>
            <p class="hint" id="transfer-hint">{ text(lang, "transfer.hint") }</p>
            <p class="field-error" id="transfer-error" role="alert">{ error.unwrap_or_default() }</p>
        </form>
    }
}
