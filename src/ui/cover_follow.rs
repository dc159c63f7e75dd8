//! What follows the offer to cover a bid's shortfall when it goes away (the bid covered, or
//! the step that made it short undone) while it has the focus: the browser would drop the
//! focus to the page's start; it goes to the bid's outcome instead, and a cover is said.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::scenario::Outcome;
use crate::ui::hooks::stream_part_id;

/// The row's element, the focus tracking to put on it, and what the last cover moved (said in
/// the row's live region until the cover is undone).
pub struct CoverFollow {
    /// The row's `<li>`.
    pub row: NodeRef,
    /// For the row's `focusin`.
    pub on_focus_in: Callback<FocusEvent>,
    /// For the row's `focusout`.
    pub on_focus_out: Callback<FocusEvent>,
    /// The gap the planner's cover just made up.
    pub moved: Option<i64>,
}

/// Follows the cover offer of stream `index`, whose assumed `outcome` and `shortfall` (the
/// gap while the offer shows) are given.
#[hook]
pub fn use_cover_follow(index: usize, outcome: Outcome, shortfall: Option<i64>) -> CoverFollow {
    let row = use_node_ref();
    // Whether the focus is in the offer, still true once the offer has gone with it: focus
    // that leaves for another element clears it, focus lost with its element does not.
    let held = use_mut_ref(|| false);
    let before = use_mut_ref(|| (outcome, shortfall));
    let moved = use_state_eq(|| None::<i64>);
    {
        let (row, held, moved) = (row.clone(), held.clone(), moved.clone());
        use_effect_with((outcome, shortfall), move |&(outcome, shortfall)| {
            let (was, gap) = before.replace((outcome, shortfall));
            let covered = |o: Outcome| matches!(o, Outcome::Covered(_));
            if !covered(outcome) {
                moved.set(None);
            }
            if shortfall.is_none() && gap.is_some() && held.replace(false) {
                focus_outcome(&row, index);
                if covered(outcome) && !covered(was) {
                    moved.set(gap);
                }
            }
        });
    }
    let on_focus_in = {
        let held = held.clone();
        Callback::from(move |event: FocusEvent| *held.borrow_mut() = in_offer(&event))
    };
    let on_focus_out = Callback::from(move |event: FocusEvent| {
        if event.related_target().is_some() {
            *held.borrow_mut() = false;
        }
    });
    CoverFollow {
        row,
        on_focus_in,
        on_focus_out,
        moved: *moved,
    }
}

/// Whether the element that takes the focus is in the row's cover offer.
fn in_offer(event: &FocusEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest(".cover").ok().flatten())
        .is_some()
}

/// Moves the focus to the outcome select of the row at `row`.
fn focus_outcome(row: &NodeRef, index: usize) {
    if let Some(select) = row
        .cast::<web_sys::Element>()
        .and_then(|row| {
            row.query_selector(&format!("#{}", stream_part_id(index, "outcome")))
                .ok()
                .flatten()
        })
        .and_then(|select| select.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = select.focus();
    }
}
