//! What a slider's track means: a mark at the source's figure, the range's two ends, and the
//! same in words for a screen reader (the slider's description).

use yew::prelude::*;

use crate::i18n::{fill, text};
use crate::ui::hooks::use_lang;
use crate::ui::money;

/// Props of [`SliderScale`].
#[derive(Properties, PartialEq)]
pub struct SliderScaleProps {
    /// The id of the words (the slider's `aria-describedby` names it).
    pub id: AttrValue,
    /// The source's figure.
    pub baseline: i64,
    /// The range's upper end (the lower is 0).
    pub max: i64,
}

/// The source's figure as a fraction of the track, in tenths of a percent (0–1000).
pub fn mark_permille(baseline: i64, max: i64) -> i64 {
    if max <= 0 {
        return 0;
    }
    let permille = i128::from(baseline.clamp(0, max)) * 1000 / i128::from(max);
    i64::try_from(permille).unwrap_or(1000)
}

/// The mark over the track (drawn by attributes: the page's CSP allows no inline style) and
/// the line under it: 0, the source's figure, the upper end.
#[function_component(SliderScale)]
pub fn slider_scale(props: &SliderScaleProps) -> Html {
    let SliderScaleProps { id, baseline, max } = props;
    let lang = use_lang();
    let permille = mark_permille(*baseline, *max);
    let at = format!("{}.{}%", permille / 10, permille % 10);
    html! {
        <>
            <svg class="slider-mark" aria-hidden="true" focusable="false">
                <line x1={at.clone()} x2={at} y1="4" y2="28" />
            </svg>
            // Read as the slider's description: the ends are named for a screen reader, and the
            // bar that echoes the mark is only drawn.
            <p class="slider-ends" id={id.clone()}>
                <span><span class="visually-hidden">{ format!("{} ", text(lang, "slider.min")) }</span>{ money(0, lang) }</span>
                // Spaces between the parts, for what is read (the flex line draws none).
                { " " }
                <span class="slider-source"><span aria-hidden="true">{ "┃ " }</span>{ fill(lang, "slider.source", &[("amount", &money(*baseline, lang))]) }</span>
                { " " }
                <span><span class="visually-hidden">{ format!("{} ", text(lang, "slider.max")) }</span>{ money(*max, lang) }</span>
            </p>
        </>
    }
}
