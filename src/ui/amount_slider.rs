//! A stream's amount slider: whole 万 steps (Page Up / Down: ten), the source's figure marked
//! on its track, a lock symbol when locked, and why it cannot move when it cannot.

use yew::prelude::*;

use crate::core::scenario::{Action, STEP};
use crate::i18n::text;
use crate::model::state::Msg;
use crate::ui::hooks::{stream_part_id, use_dispatch, use_inactive, use_lang};
use crate::ui::money;
use crate::ui::slider_scale::SliderScale;

/// Steps a Page Up or Page Down moves a slider.
const PAGE_STEPS: i64 = 10;

/// Props of [`AmountSlider`].
#[derive(Properties, PartialEq)]
pub struct AmountSliderProps {
    /// The stream's index.
    pub index: usize,
    /// The planned amount.
    pub amount: i64,
    /// The source's figure (marked on the track).
    pub baseline: i64,
    /// The range's upper end.
    pub max: i64,
    /// Whether the stream is locked (a lock symbol shows).
    pub locked: bool,
    /// Whether the slider cannot move (a fixed pool keeps the stream's amount).
    pub disabled: bool,
    /// The message key of why it cannot go up or move, when it cannot.
    pub why_not: Option<&'static str>,
    /// The input (the row moves the focus off it when a lock disables it).
    pub node: NodeRef,
    /// Focus tracking of the row's lock.
    pub on_focus: Callback<FocusEvent>,
    /// Focus tracking of the row's lock.
    pub on_blur: Callback<FocusEvent>,
}

/// The slider line, and the line saying why it cannot move when it cannot.
#[function_component(AmountSlider)]
pub fn amount_slider(props: &AmountSliderProps) -> Html {
    let AmountSliderProps {
        index,
        amount,
        baseline,
        max,
        locked,
        disabled,
        why_not,
        node,
        on_focus,
        on_blur,
    } = props;
    let lang = use_lang();
    let inactive = use_inactive();
    let dispatch = use_dispatch();
    let (index, amount, max) = (*index, *amount, *max);
    let id = |part: &str| stream_part_id(index, part);
    let on_slide = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let value = input.value().parse::<i64>().ok();
            // The thumb shows the planned amount: a refused move leaves the state as it was,
            // and nothing renders to put the thumb back; a taken one renders the new amount.
            input.set_value(&amount.to_string());
            if let Some(value) = value {
                dispatch.dispatch(Msg::Slide {
                    stream: index,
                    amount: value,
                });
            }
        })
    };
    let on_let_go = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| dispatch.dispatch(Msg::EndSlide))
    };
    let on_key = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: KeyboardEvent| {
            let steps = match event.key().as_str() {
                "PageUp" => PAGE_STEPS,
                "PageDown" => -PAGE_STEPS,
                // At the track's end the browser moves nothing and says nothing: a step goes
                // past it, as Page Up does (the track grows), or is refused with the reason.
                "ArrowUp" | "ArrowRight" if amount >= max => 1,
                _ => return,
            };
            event.prevent_default();
            dispatch.dispatch(Msg::Act(Action::Step {
                stream: index,
                steps,
            }));
        })
    };
    let described = match why_not {
        Some(_) => format!("{} {}", id("scale"), id("stuck")),
        None => id("scale"),
    };
    html! {
        <>
            <div class="slider-line">
                <label id={id("slider-label")} for={id("slider")}>{ text(lang, "row.slider") }</label>
                <div class={classes!("slider-track", locked.then_some("is-locked"))}>
                    if *locked {
                        <svg class="slider-lock" viewBox="0 0 12 14" aria-hidden="true" focusable="false">
                            <path d="M3 6V4a3 3 0 0 1 6 0v2" />
                            <rect x="1.5" y="6" width="9" height="7" rx="1" />
                        </svg>
                    }
                    <input type="range" id={id("slider")} class="slider"
                        min="0" max={max.to_string()} step={STEP.to_string()}
                        value={amount.to_string()}
                        aria-labelledby={format!("{} {}", id("name"), id("slider-label"))}
                        aria-valuetext={money(amount, lang)} aria-describedby={described}
                        disabled={*disabled || inactive} ref={node.clone()}
                        onfocus={on_focus.clone()} onblur={on_blur.clone()}
                        oninput={on_slide} onchange={on_let_go} onkeydown={on_key} />
                    <SliderScale id={id("scale")} baseline={*baseline} max={max} />
                </div>
            </div>
            if let Some(key) = why_not {
                <p class="hint-line" id={id("stuck")}>{ text(lang, key) }</p>
            }
        </>
    }
}
