//! What the planner assumes becomes of a sought stream: still sought, granted in full, in
//! part (with its percentage), or not granted.

use yew::prelude::*;

use crate::core::scenario::{Action, Outcome, parse_percent};
use crate::i18n::{covered_words, text};
use crate::model::state::Msg;
use crate::ui::hooks::{stream_part_id, use_dispatch, use_inactive, use_lang, use_select_value};

/// Props of [`OutcomeChoice`].
#[derive(Properties, PartialEq)]
pub struct OutcomeChoiceProps {
    /// The sought stream's index.
    pub index: usize,
    /// The assumed outcome.
    pub outcome: Outcome,
    /// The id of the line saying what the totals take of the stream, when there is one.
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
}

/// What the planner assumes becomes of a sought stream: pending, granted, part, not granted.
#[function_component(OutcomeChoice)]
pub fn outcome_choice(props: &OutcomeChoiceProps) -> Html {
    let OutcomeChoiceProps {
        index,
        outcome,
        described_by,
    } = props;
    let lang = use_lang();
    let inactive = use_inactive();
    let dispatch = use_dispatch();
    let index = *index;
    let id = |part: &str| stream_part_id(index, part);
    let percent = match outcome {
        Outcome::Partial(p) => *p,
        _ => 50,
    };
    let covered = *outcome;
    let on_choose = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() else {
                return;
            };
            let outcome = match select.value().as_str() {
                "granted" => Outcome::Granted,
                "partial" => Outcome::Partial(percent),
                "refused" => Outcome::Refused,
                "covered" => covered,
                _ => Outcome::Pending,
            };
            dispatch.dispatch(Msg::Act(Action::SetOutcome {
                stream: index,
                outcome,
            }));
        })
    };
    // Text typed that is no percentage, kept in the field with a message until the outcome it
    // was typed over changes, and dropped then: an outcome that comes back later (by undo, or
    // picked again) shows its own percentage.
    let rejected = use_state_eq(|| None::<(Outcome, String)>);
    {
        let rejected = rejected.clone();
        use_effect_with(*outcome, move |_| rejected.set(None));
    }
    let on_percent = {
        let dispatch = dispatch.clone();
        let rejected = rejected.clone();
        let over = *outcome;
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let typed = input.value();
            match parse_percent(&typed) {
                Some(percent) => {
                    rejected.set(None);
                    dispatch.dispatch(Msg::Act(Action::SetOutcome {
                        stream: index,
                        outcome: Outcome::Partial(percent),
                    }));
                }
                None => rejected.set(Some((over, typed))),
            }
        })
    };
    let rejected_text = (*rejected)
        .as_ref()
        .filter(|(over, _)| over == outcome)
        .map(|(_, typed)| typed.clone());
    let value = match outcome {
        Outcome::Pending => "pending",
        Outcome::Granted => "granted",
        Outcome::Partial(_) => "partial",
        Outcome::Refused => "refused",
        Outcome::Covered(_) => "covered",
    };
    let select = use_node_ref();
    use_select_value(select.clone(), value.to_owned());
    html! {
        <div class="outcome">
            <label id={id("outcome-label")} for={id("outcome")}>{ text(lang, "outcome.label") }</label>
            <select id={id("outcome")} onchange={on_choose} ref={select} disabled={inactive}
                aria-labelledby={format!("{} {}", id("name"), id("outcome-label"))}
                aria-describedby={described_by.clone()}>
                { for ["pending", "granted", "partial", "refused"].into_iter().map(|key| html! {
                    <option value={key} selected={key == value}>{ text(lang, &format!("outcome.{key}")) }</option>
                }) }
                // Made up from other items only by the offer to cover a shortfall: shown while
                // that is the assumption, so that the choice says what the totals count.
                if let Outcome::Covered(p) = outcome {
                    <option value="covered" selected=true>{ covered_words(*p, lang) }</option>
                }
            </select>
            if let Outcome::Partial(p) = outcome {
                <label id={id("percent-label")} for={id("percent")}>{ text(lang, "outcome.percent") }</label>
                <input type="text" inputmode="numeric" id={id("percent")} class="percent-input"
                    aria-labelledby={format!("{} {}", id("name"), id("percent-label"))}
                    aria-invalid={if rejected_text.is_some() { "true" } else { "false" }}
                    aria-describedby={match described_by {
                        Some(added) => format!("{} {added}", id("percent-error")),
                        None => id("percent-error"),
                    }}
                    value={rejected_text.clone().unwrap_or_else(|| p.to_string())} onchange={on_percent}
                    disabled={inactive} />
                <p class="field-error" id={id("percent-error")} role="alert">
                    { if rejected_text.is_some() { text(lang, "outcome.bad-percent") } else { String::new() } }
                </p>
            }
        </div>
    }
}
