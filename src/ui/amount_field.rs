//! A stream's exact amount, typed: in 万元 in Chinese, in yuan in English (whole 万 unless the
//! stream holds odd yuan, see [`parse_typed_amount`]). Text that is not an amount stays in the
//! field with the reason, until corrected or put back with Escape.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::money::{
    BadAmount, MAX_AMOUNT, MoneyStyle, amount_input_text, format_amount, format_cny_exact,
    format_wan, group_thousands, parse_typed_amount,
};
use crate::core::scenario::{Action, Refusal};
use crate::i18n::{Message, fill, text};
use crate::model::state::Msg;
use crate::ui::hooks::{stream_part_id, use_dispatch, use_inactive, use_lang};
use crate::ui::money;

/// Props of [`AmountField`].
#[derive(Properties, PartialEq)]
pub struct AmountFieldProps {
    /// The stream's index.
    pub index: usize,
    /// The planned amount, in yuan.
    pub amount: i64,
    /// The amount the dataset states, in yuan.
    pub stated: i64,
    /// Why the last action on this stream was refused, if it was.
    pub refusal: Option<Refusal>,
    /// The field takes no typing (a locked stream in a fixed pool, or one that is no money in
    /// hand).
    pub disabled: bool,
    /// [`crate::model::state::AppState::replacements`]: when it changes, text this field
    /// rejected is dropped.
    pub replacements: u32,
    /// The input element, for the row's lock focus.
    pub node: NodeRef,
    /// Told when the field takes the focus.
    pub on_focus: Callback<FocusEvent>,
    /// Told when the field loses the focus.
    pub on_blur: Callback<FocusEvent>,
}

/// The exact-amount field with its label, the amount in words, and the line that says why
/// typed text or the last move was refused.
#[function_component(AmountField)]
pub fn amount_field(props: &AmountFieldProps) -> Html {
    let AmountFieldProps {
        index,
        amount,
        stated,
        refusal,
        disabled,
        replacements,
        node,
        on_focus,
        on_blur,
    } = props;
    let lang = use_lang();
    let inactive = use_inactive();
    let dispatch = use_dispatch();
    let (index, amount, stated) = (*index, *amount, *stated);
    let style = lang.money_style();
    let rejected = use_state_eq(|| None::<Rejected>);
    // Each amount typed and entered: the line that says why it was refused is a new node for
    // each, so that the same reason, refused again, is said again.
    let attempts = use_state(|| 0_u32);
    {
        // A rejected text belongs to the amount it was typed over, in the unit of the language
        // it was typed in, in a field that takes typing: a new amount (however it came), a
        // replaced scenario, another language or a locked field drops it.
        let rejected = rejected.clone();
        use_effect_with((amount, *replacements, lang, *disabled), move |_| {
            rejected.set(None)
        });
    }
    let on_type = {
        let (dispatch, rejected, attempts) = (dispatch.clone(), rejected.clone(), attempts.clone());
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            attempts.set(attempts.wrapping_add(1));
            let typed = input.value();
            match parse_typed_amount(&typed, style, &[amount, stated]) {
                Ok(value) => {
                    rejected.set(None);
                    dispatch.dispatch(Msg::Act(Action::SetAmount {
                        stream: index,
                        amount: value,
                    }));
                }
                // Kept in the field, so the user corrects what they typed.
                Err(reason) => rejected.set(Some(Rejected {
                    over: amount,
                    typed,
                    reason,
                })),
            }
        })
    };
    // Escape puts the amount back, as it undoes an edit in a spreadsheet cell.
    let on_escape = {
        let rejected = rejected.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Escape" {
                return;
            }
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                input.set_value(&amount_input_text(amount, style));
            }
            rejected.set(None);
        })
    };
    let rejected = (*rejected).as_ref().filter(|r| r.over == amount);
    let error = match rejected {
        Some(rejected) => Some(bad_amount_message(rejected.reason, style, lang)),
        None => refusal.as_ref().map(|r| r.message(lang)),
    };
    let rejected_text = rejected.map(|r| r.typed.clone());
    let id = |part: &str| stream_part_id(index, part);
    let unit = text(lang, "row.unit");
    html! {
        <>
            <div class="amount-line">
                <label id={id("amount-label")} for={id("amount")}>{ fill(lang, "row.amount", &[("unit", &unit)]) }</label>
                <input type="text" inputmode="decimal" id={id("amount")} class="amount-input"
                    aria-labelledby={format!("{} {}", id("name"), id("amount-label"))}
                    value={rejected_text.unwrap_or_else(|| amount_input_text(amount, style))}
                    aria-invalid={if error.is_some() { "true" } else { "false" }}
                    aria-describedby={id("error")}
                    disabled={*disabled || inactive} ref={node.clone()}
                    onfocus={on_focus.clone()} onblur={on_blur.clone()}
                    onchange={on_type} onkeydown={on_escape} />
                <span class="amount-text" aria-hidden="true">{ money(amount, lang) }</span>
            </div>
            // A list of one keyed line: another key, another node.
            <>
                <p key={attempts.to_string()} class="field-error" id={id("error")} role="alert">{ error.unwrap_or_default() }</p>
            </>
        </>
    }
}

/// Text typed into an amount field that is not an amount, with the amount it was typed over.
#[derive(Clone, PartialEq)]
struct Rejected {
    /// The amount the field held.
    over: i64,
    /// What was typed.
    typed: String,
    /// Why it is not an amount.
    reason: BadAmount,
}

/// Why typed text was not taken, and what to type instead.
pub(crate) fn bad_amount_message(reason: BadAmount, style: MoneyStyle, lang: Lang) -> String {
    match (reason, style) {
        // The limit exactly, in the unit the field takes: "CNY 1,000,000,000 million" reads
        // worse than the digits a planner would type.
        (BadAmount::TooLarge, MoneyStyle::Wan(script)) => fill(
            lang,
            "row.amount-too-large",
            &[("max", &format_wan(MAX_AMOUNT, script))],
        ),
        (BadAmount::TooLarge, MoneyStyle::Cny) => fill(
            lang,
            "row.amount-too-large",
            &[("max", &format_cny_exact(MAX_AMOUNT))],
        ),
        (BadAmount::NotAnAmount, MoneyStyle::Wan(_)) => text(lang, "row.bad-amount-wan"),
        (BadAmount::NotAnAmount, MoneyStyle::Cny) => text(lang, "row.bad-amount-cny"),
        (BadAmount::MisplacedComma, MoneyStyle::Wan(_)) => text(lang, "row.bad-comma-wan"),
        (BadAmount::MisplacedComma, MoneyStyle::Cny) => text(lang, "row.bad-comma-cny"),
        (BadAmount::NotWholeWan { typed, likely }, _) => fill(
            lang,
            "row.not-whole-wan",
            &[
                ("typed", &group_thousands(typed.unsigned_abs())),
                ("likely", &format_amount(likely, style)),
                ("digits", &amount_input_text(likely, style)),
            ],
        ),
    }
}
