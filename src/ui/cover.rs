//! The offer on a bid assumed refused or granted in part: make up its gap from items the
//! planner picks, in proportion among them (or from one), as one undo step.

use std::collections::BTreeSet;

use yew::prelude::*;

use crate::core::scenario::{Action, Refusal};
use crate::i18n::{Message, fill, text};
use crate::model::state::{DatasetRef, Msg};
use crate::ui::hooks::{stream_part_id, use_dispatch, use_inactive, use_lang};
use crate::ui::money;

/// Props of [`CoverOffer`].
#[derive(Properties, PartialEq)]
pub struct CoverOfferProps {
    /// The dataset.
    pub dataset: DatasetRef,
    /// The bid's index.
    pub index: usize,
    /// What the bid lacks of its planned amount.
    pub gap: i64,
    /// The items that can give (unlocked, counted in full), with their amounts.
    pub givers: Vec<(usize, i64)>,
    /// Why the last cover was refused, if it was.
    pub refusal: Option<Refusal>,
}

/// A disclosure with the gap, a checkbox per item that can give, and the button.
#[function_component(CoverOffer)]
pub fn cover_offer(props: &CoverOfferProps) -> Html {
    let CoverOfferProps {
        dataset,
        index,
        gap,
        givers,
        refusal,
    } = props;
    let lang = use_lang();
    let inactive = use_inactive();
    let dispatch = use_dispatch();
    let index = *index;
    let picked = use_state_eq(BTreeSet::<usize>::new);
    // The items picked when the button was last pressed: a refusal is about them, and is stale
    // once the planner picks otherwise.
    let pressed_with = use_state_eq(BTreeSet::<usize>::new);
    let id = |part: &str| stream_part_id(index, &format!("cover-{part}"));
    let toggle = |giver: usize| {
        let picked = picked.clone();
        Callback::from(move |event: Event| {
            let on = event
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|input| input.checked());
            let mut next = (*picked).clone();
            if on {
                next.insert(giver);
            } else {
                next.remove(&giver);
            }
            picked.set(next);
        })
    };
    // What the picked items hold together, said as they are picked: too little is known
    // before the button is pressed.
    let held: i64 = givers
        .iter()
        .filter(|(giver, _)| picked.contains(giver))
        .map(|(_, amount)| amount)
        .sum();
    // When all the money in hand cannot make up the gap, picking more is no answer: say so,
    // with what would still be missing.
    let all: i64 = givers.iter().map(|(_, amount)| amount).sum();
    let short = !picked.is_empty() && held < *gap;
    let on_cover = {
        let (picked, pressed_with, dispatch) =
            (picked.clone(), pressed_with.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            if short {
                return;
            }
            pressed_with.set((*picked).clone());
            dispatch.dispatch(Msg::Act(Action::CoverShortfall {
                stream: index,
                from: picked.iter().copied().collect(),
            }));
        })
    };
    let gap_text = money(*gap, lang);
    let tally = (!picked.is_empty()).then(|| {
        let sum = money(held, lang);
        if !short {
            fill(lang, "cover.tally", &[("sum", &sum)])
        } else if all < *gap {
            // Every item picked: one sum to say; else what is picked, then what all would give.
            let key = match held == all {
                true => "cover.tally-all-short",
                false => "cover.tally-picked-all-short",
            };
            let (all, left) = (money(all, lang), money(*gap - all, lang));
            fill(
                lang,
                key,
                &[
                    ("sum", &sum),
                    ("all", &all),
                    ("left", &left),
                    ("gap", &gap_text),
                ],
            )
        } else {
            fill(
                lang,
                "cover.tally-short",
                &[("sum", &sum), ("gap", &gap_text)],
            )
        }
    });
    let refusal = refusal.as_ref().filter(|_| *picked == *pressed_with);
    let bid = dataset.streams.get(index).map_or("", |s| s.name.get(lang));
    html! {
        <details class="cover">
            <summary>{ fill(lang, "cover.summary", &[("gap", &gap_text)]) }</summary>
            <fieldset>
                <legend>
                    { text(lang, "cover.legend") }
                    <span class="visually-hidden">{ format!(" — {bid}") }</span>
                </legend>
                { for givers.iter().map(|(giver, amount)| {
                    let checkbox = id(&giver.to_string());
                    let name = dataset.streams.get(*giver).map_or("", |s| s.name.get(lang));
                    html! {
                        <div class="choice">
                            // Named by the item that gives; the legend names the bid.
                            <input type="checkbox" id={checkbox.clone()} checked={picked.contains(giver)}
                                onchange={toggle(*giver)} disabled={inactive} />
                            <label id={format!("{checkbox}-label")} for={checkbox}>
                                { fill(lang, "transfer.option", &[("name", name), ("amount", &money(*amount, lang))]) }
                            </label>
                        </div>
                    }
                }) }
            </fieldset>
            // Keyed by the language, as a `StatusLine`: a new language brings a new node, whose
            // text is not read out as news; a change of the picked items still is.
            <>
                <p key={lang.tag()} class={classes!("cover-tally", (held < *gap).then_some("short"))}
                    id={id("tally")} aria-live="polite">{ tally.unwrap_or_default() }</p>
            </>
            // Too little picked: the tally, which describes the button, says why it is off. Off
            // by `aria-disabled`, not `disabled`: it stays in the tab order, its reason read.
            <button type="button" id={id("button")} onclick={on_cover} disabled={inactive}
                aria-disabled={short.then_some("true")}
                aria-describedby={format!("{} {}", id("tally"), id("error"))}>
                { fill(lang, "cover.button", &[("gap", &gap_text)]) }
            </button>
            // Said beside the button that was pressed, not under the bid's amount.
            <p class="field-error" id={id("error")} role="alert">
                { refusal.map(|r| r.message(lang)).unwrap_or_default() }
            </p>
        </details>
    }
}
