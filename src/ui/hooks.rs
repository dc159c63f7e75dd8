//! Hooks shared by components.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::paging::Page;
use crate::model::state::{AppState, DatasetRef};
use crate::web::page::listen_size;
use crate::web::timer::Burst;

/// Widths are rounded to this many px, so resizing by a few px redraws nothing.
const WIDTH_STEP: i32 = 40;

/// The width the first screen's charts are drawn at: the charts column of any window 1440 px
/// wide or wider (1920 px is the commonest desktop screen), where the layout stops growing, so
/// the prerendered drawing is already the right one. Narrower windows redraw the charts to
/// their width once the app has started (they then change height a little).
pub const FIRST_SCREEN_WIDTH: u32 = 600;

/// Provided by the app: `true` while it shows the prerendered first screen, whose every render
/// must be the same in the build and in the browser (so the browser hydrates it); widths are
/// then [`FIRST_SCREEN_WIDTH`] until measured after that first render.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FirstScreen(pub bool);

/// The width of `node` in px, rounded down to [`WIDTH_STEP`], kept up to date whenever the
/// element's size changes: a window resize, and the late arrival of its styles (in the custom
/// element the stylesheet loads after the first render, and Firefox lays the page out without
/// it first, so a width read then alone would stay about twice too wide).
///
/// When `node` is already in the page on the first render (an element of a parent component),
/// it is measured there and then, so a chart that waits for the width is drawn in that same
/// render and shows in the first paint. Otherwise it is `None` until it is measured right after
/// the first render: Yew may let the browser paint in between. On the first screen it is
/// [`FIRST_SCREEN_WIDTH`] until then.
#[hook]
pub fn use_container_width(node: NodeRef) -> Option<u32> {
    let first_screen = use_context::<FirstScreen>().unwrap_or_default().0;
    // `_eq`: a report of the same width (the charts' own height changed) renders nothing.
    let width = use_state_eq({
        let node = node.clone();
        move || {
            if first_screen {
                Some(FIRST_SCREEN_WIDTH)
            } else {
                measure_width(&node)
            }
        }
    });
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let element = node.cast::<web_sys::Element>();
            let measure = move || {
                if let Some(measured) = measure_width(&node) {
                    width.set(Some(measured));
                }
            };
            measure();
            let listener = element.map(|element| listen_size(&element, measure));
            move || drop(listener)
        });
    }
    *width
}

/// The width of the element at `node`, rounded down to [`WIDTH_STEP`]; `None` while there is
/// no element.
fn measure_width(node: &NodeRef) -> Option<u32> {
    let element = node.cast::<web_sys::Element>()?;
    let measured = element.client_width().max(WIDTH_STEP);
    Some((measured / WIDTH_STEP * WIDTH_STEP) as u32)
}

/// `value`, except while it changes in a burst (a slider dragged, a key held): the burst's first
/// change shows at once, like a change on its own, and is held until the burst has paused;
/// then its last value shows. For parts of the page that need not follow a drag frame by frame.
#[hook]
pub fn use_settled<T: Clone + PartialEq + 'static>(value: T) -> T {
    let shown = use_mut_ref(|| value.clone());
    let last_seen = use_mut_ref(|| value.clone());
    let changes = use_mut_ref(Burst::new);
    let rerender = use_force_update();
    if *last_seen.borrow() != value {
        *last_seen.borrow_mut() = value.clone();
        let mut changes = changes.borrow_mut();
        if changes.note_change() {
            let shown = shown.clone();
            changes.after_pause(move || {
                *shown.borrow_mut() = value;
                rerender.force_update();
            });
        } else {
            *shown.borrow_mut() = value;
        }
    }
    shown.borrow().clone()
}

/// `false` until the browser has painted the component's first render, then `true`: what is
/// rendered only once this is `true` does not delay the first paint.
#[hook]
pub fn use_painted() -> bool {
    let painted = use_state(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            let pending = crate::web::timer::after_paint(move || painted.set(true));
            move || drop(pending)
        });
    }
    *painted
}

/// Keeps the `<select>` at `node` showing `value`. An option's `selected` attribute only sets
/// the first choice: once someone has picked, browsers ignore it, so a change made elsewhere
/// (undo, the paging buttons, a deleted scenario) would leave the select showing a stale choice.
#[hook]
pub fn use_select_value(node: NodeRef, value: String) {
    use_effect(move || {
        if let Some(select) = node.cast::<web_sys::HtmlSelectElement>()
            && select.value() != value
        {
            select.set_value(&value);
        }
    });
}

/// The page shown of a list of `len` items that belongs to `dataset`, and a callback that picks
/// another. Another dataset opens at its first page, never part-way through.
#[hook]
pub fn use_list_page(dataset: DatasetRef, len: usize) -> (Page, Callback<usize>) {
    let picked = use_state(|| (dataset.clone(), 0usize));
    let index = if picked.0 == dataset { picked.1 } else { 0 };
    // The same callback until the dataset changes, so the pager does not re-render on every
    // slider move.
    let setter = picked.setter();
    let on_pick = use_callback(dataset, move |index: usize, dataset| {
        setter.set((dataset.clone(), index))
    });
    (Page::of(len, index), on_pick)
}

/// The interface language, which the app provides to every component below it (Simplified
/// Chinese where none is provided).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// `true` while the app has not started (the prerendered first screen, with or without scripts):
/// its controls are then rendered `disabled`, so they neither look live nor take input that the
/// start would throw away. The same in the build and in the hydrating render.
#[hook]
pub fn use_inactive() -> bool {
    use_context::<FirstScreen>().unwrap_or_default().0
}

/// The app state's dispatcher, which the app provides to every component below it, so that no
/// component hands it down through its props.
#[hook]
pub fn use_dispatch() -> UseReducerDispatcher<AppState> {
    // Every component that sends messages is rendered inside the app, which provides it.
    use_context::<UseReducerDispatcher<AppState>>().expect("the app provides its dispatcher")
}

/// Escape pressed inside a small form (renaming, confirming a delete) cancels it, as it closes
/// a dialog.
pub fn on_escape(cancel: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            cancel.emit(());
        }
    })
}

/// The id of part `part` of stream `index`'s card (`stream-3-amount`): the row and its parts
/// name each other's elements by it, and the tests find them by it.
pub fn stream_part_id(index: usize, part: &str) -> String {
    format!("stream-{index}-{part}")
}
