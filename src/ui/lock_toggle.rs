//! A stream's lock: a locked stream keeps its amount when a fixed pool moves money between the
//! others.

use yew::prelude::*;

use crate::core::scenario::Action;
use crate::i18n::text;
use crate::model::state::Msg;
use crate::ui::hooks::{stream_part_id, use_dispatch, use_inactive, use_lang};

/// Props of [`LockToggle`].
#[derive(Properties, PartialEq)]
pub struct LockToggleProps {
    /// The stream's index.
    pub index: usize,
    /// Whether the stream is locked.
    pub locked: bool,
    /// The checkbox, for the row's lock focus.
    pub node: NodeRef,
}

/// The lock checkbox, named by the stream's name and its own label.
#[function_component(LockToggle)]
pub fn lock_toggle(props: &LockToggleProps) -> Html {
    let LockToggleProps {
        index,
        locked,
        node,
    } = props;
    let lang = use_lang();
    let inactive = use_inactive();
    let dispatch = use_dispatch();
    let index = *index;
    let id = |part: &str| stream_part_id(index, part);
    let on_lock = Callback::from(move |event: Event| {
        let checked = event
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .is_some_and(|input| input.checked());
        dispatch.dispatch(Msg::Act(Action::SetLocked {
            stream: index,
            locked: checked,
        }));
    });
    html! {
        <div class="choice lock">
            <input type="checkbox" id={id("lock")} checked={*locked} onchange={on_lock}
                ref={node.clone()} disabled={inactive}
                aria-labelledby={format!("{} {}", id("name"), id("lock-label"))} />
            <label id={id("lock-label")} for={id("lock")}>{ text(lang, "row.lock") }</label>
        </div>
    }
}
