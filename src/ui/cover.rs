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
    let on_cover = {
        let (picked, dispatch) = (picked.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Msg::Act(Action::CoverShortfall {
                stream: index,
                from: picked.iter().copied().collect(),
            }));
        })
    };
    let gap_text = money(*gap, lang);
    // What the picked items hold together, said as they are picked: too little is known
    // before the button is pressed.
    let held: i64 = givers
        .iter()
        .filter(|(giver, _)| picked.contains(giver))
        .map(|(_, amount)| amount)
        .sum();
    let tally = (!picked.is_empty()).then(|| {
        let sum = money(held, lang);
        match held >= *gap {
            true => fill(lang, "cover.tally", &[("sum", &sum)]),
            false => fill(
                lang,
                "cover.tally-short",
                &[("sum", &sum), ("gap", &gap_text)],
            ),
        }
    });
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
            <button type="button" id={id("button")} onclick={on_cover} disabled={inactive}
                aria-describedby={format!("{} {}", id("tally"), id("error"))}>
                { fill(lang, "cover.button", &[("gap", &gap_text)]) }
            </button>
            // Said beside the button that was pressed, not under the bid's amount.
            <p class="field-error" id={id("error")} role="alert">
                { refusal.as_ref().map(|r| r.message(lang)).unwrap_or_default() }
            </p>
        </details>
    }
}
