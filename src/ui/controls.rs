//! The scenario's controls: balance mode, counting sought money, undo, redo, reset, language.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::scenario::{Action, BalanceMode};
use crate::i18n::{fill, text};
use crate::model::state::Msg;
use crate::ui::dataset_text::marked_within;
use crate::ui::headings::{Heading, Rank};
use crate::ui::hooks::{use_dispatch, use_inactive, use_lang};

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// The current balance mode.
    pub mode: BalanceMode,
    /// Whether sought money is counted.
    pub count_sought: bool,
    /// Whether undo would do anything.
    pub can_undo: bool,
    /// Whether redo would do anything.
    pub can_redo: bool,
    /// A language asked for whose messages are on their way.
    pub pending_lang: Option<Lang>,
    /// A language whose messages could not be had (said beside the switch as well as at the
    /// top, where a phone's screen does not show it).
    pub failed_lang: Option<Lang>,
}

/// The bar of scenario-wide controls.
#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let ControlsProps {
        mode,
        count_sought,
        can_undo,
        can_redo,
        pending_lang,
        failed_lang,
    } = props;
    let lang = use_lang();
    let inactive = use_inactive();
    let dispatch = use_dispatch();
    let send = |msg: Msg| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| dispatch.dispatch(msg.clone()))
    };
    let click = |msg: Msg| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(msg.clone()))
    };
    let (undo, redo, reset) = (use_node_ref(), use_node_ref(), use_node_ref());
    // The history button just pressed: if the press disabled it (nothing more to undo), the
    // browser drops focus to the page's start; it goes to the button beside it instead.
    let pressed = use_mut_ref(|| None::<NodeRef>);
    {
        let (undo, redo, reset) = (undo.clone(), redo.clone(), reset.clone());
        let pressed = pressed.clone();
        use_effect_with((*can_undo, *can_redo), move |_| {
            let Some(button) = pressed.borrow_mut().take() else {
                return;
            };
            // Chrome may still count the disabled button as focused until the next frame.
            let lost = button.cast::<web_sys::Element>().is_some_and(|b| {
                let focus_in_app = b
                    .closest(".mfe-app")
                    .ok()
                    .flatten()
                    .is_some_and(|app| app.matches(":focus-within").unwrap_or(true));
                b.has_attribute("disabled")
                    && (b.matches(":focus").unwrap_or(false) || !focus_in_app)
            });
            if lost {
                let other = if button == undo { &redo } else { &undo };
                let enabled = [other, &reset]
                    .into_iter()
                    .filter_map(|b| b.cast::<web_sys::HtmlElement>())
                    .find(|b| !b.has_attribute("disabled"));
                if let Some(enabled) = enabled {
                    let _ = enabled.focus();
                }
            }
        });
    }
    let history_click = |msg: Msg, button: &NodeRef| {
        let dispatch = dispatch.clone();
        let (pressed, button) = (pressed.clone(), button.clone());
        Callback::from(move |_: MouseEvent| {
            *pressed.borrow_mut() = Some(button.clone());
            dispatch.dispatch(msg.clone());
        })
    };
    let mode_option =
        |value: BalanceMode, id: &'static str, key: &'static str, hint: &'static str| {
            html! {
                <div class="choice">
                    <input type="radio" id={id} name="balance-mode" checked={*mode == value}
                        aria-describedby={format!("{id}-hint")} disabled={inactive}
                        onchange={send(Msg::Act(Action::SetMode(value)))} />
                    <label for={id}>{ text(lang, key) }</label>
                    <span class="hint" id={format!("{id}-hint")}>{ text(lang, hint) }</span>
                </div>
            }
        };
    let toggle_sought = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let checked = event
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|input| input.checked());
            dispatch.dispatch(Msg::Act(Action::SetCountSought(checked)));
        })
    };
    // One button per language, each named in its own: a select switched at every arrow key
    // in some browsers, fetching and redrawing the page for each language passed through. The
    // pressed one is the language on screen; one on its way is said beside them.
    let language_button = |l: Lang| {
        let dispatch = dispatch.clone();
        let choose = Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::SetLang(l)));
        html! {
            <button type="button" class="language-button" id={format!("language-{}", l.tag())}
                lang={l.tag()} aria-pressed={(l == lang).to_string()} onclick={choose}
                disabled={inactive}>{ l.endonym() }</button>
        }
    };
    html! {
        <section class="controls" aria-labelledby="controls-heading">
            <Heading rank={Rank::Section} id="controls-heading" class="visually-hidden">{ text(lang, "controls.heading") }</Heading>
            <fieldset class="mode">
                <legend>{ text(lang, "controls.mode") }</legend>
                { mode_option(BalanceMode::Free, "mode-free", "controls.mode-free", "controls.mode-free-hint") }
                { mode_option(BalanceMode::FixedPool, "mode-pool", "controls.mode-pool", "controls.mode-pool-hint") }
                <details class="mode-more">
                    <summary>{ text(lang, "controls.mode-more") }</summary>
                    <p>{ text(lang, "controls.mode-pool-details") }</p>
                </details>
            </fieldset>
            <div class="choice count-sought">
                <input type="checkbox" id="count-sought" checked={*count_sought} onchange={toggle_sought}
                    disabled={inactive} />
                <label for="count-sought">{ text(lang, "controls.count-sought") }</label>
            </div>
            <div class="history-buttons" role="group" aria-label={text(lang, "controls.history")}>
                <button type="button" ref={undo.clone()} onclick={history_click(Msg::Undo, &undo)}
                    disabled={!*can_undo || inactive} aria-keyshortcuts="Control+Z">{ text(lang, "controls.undo") }</button>
                <button type="button" ref={redo.clone()} onclick={history_click(Msg::Redo, &redo)}
                    disabled={!*can_redo || inactive} aria-keyshortcuts="Control+Shift+Z Control+Y">{ text(lang, "controls.redo") }</button>
                <button type="button" class="secondary" ref={reset} onclick={click(Msg::Act(Action::Reset))}
                    disabled={inactive}>{ text(lang, "app.reset") }</button>
            </div>
            <div class="language" role="group" aria-labelledby="language-label">
                <span class="language-label" id="language-label">{ text(lang, "controls.language") }</span>
                <span class="language-buttons">{ for Lang::ALL.iter().map(|l| language_button(*l)) }</span>
                // The loading is said as it starts; a failure is an alert at the top already, so
                // its line here is for the eye only, not said twice.
                <span class="language-loading" role="status">{
                    match pending_lang {
                        Some(l) => naming(lang, "controls.language-loading", *l),
                        None => Html::default(),
                    }
                }</span>
                if let (None, Some(l)) = (pending_lang, failed_lang) {
                    <span class="language-loading language-failed">{ naming(lang, "controls.language-failed", *l) }</span>
                }
            </div>
        </section>
    }
}

/// The message `key` naming the language `named` by its own name, marked as in that language.
fn naming(lang: Lang, key: &str, named: Lang) -> Html {
    let name = named.endonym();
    let said = fill(lang, key, &[("language", name)]);
    marked_within(&said, &[(name, Some(named.tag()))])
}
