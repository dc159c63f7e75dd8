//! The problems of a file that was not loaded, listed beside its load button and focused, so
//! that a planner reads them where they are working rather than at the top of a long page.

use yew::prelude::*;

use crate::i18n::{fill, text};
use crate::model::state::DatasetProblem;
use crate::ui::hooks::use_lang;

/// Props of [`LoadProblems`].
#[derive(Properties, PartialEq)]
pub struct LoadProblemsProps {
    /// The file's name.
    pub name: AttrValue,
    /// Every problem: errors first, then warnings, each in the file's order.
    pub problems: Vec<DatasetProblem>,
    /// Reads the table again with its blanks below merged cells filled, when they look so.
    #[prop_or_default]
    pub on_fill: Option<Callback<()>>,
}

/// The file's name, how many errors and warnings it has, and each of them.
#[function_component(LoadProblems)]
pub fn load_problems(props: &LoadProblemsProps) -> Html {
    let LoadProblemsProps {
        name,
        problems,
        on_fill,
    } = props;
    let lang = use_lang();
    let list = use_node_ref();
    {
        // Focused whenever a new list arrives, so that it is read out and in view.
        let list = list.clone();
        use_effect_with(problems.clone(), move |_| {
            if let Some(element) = list.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    html! {
        <div class="load-problems" id="data-problems" role="group" tabindex="-1" ref={list}
            aria-labelledby="data-problems-summary">
            <p id="data-problems-summary" class="is-error">
                { fill(lang, "data.problems-summary", &[
                    ("name", name),
                    ("errors", &errors.to_string()),
                    ("warnings", &warnings.to_string()),
                ]) }
            </p>
            <ol>
                { for problems.iter().map(|p| html! {
                    <li class={if p.is_error() { "error" } else { "warning" }}>{ p.message(lang) }</li>
                }) }
            </ol>
            // After the list, whose last line says why the blanks look merged.
            if let Some(on_fill) = on_fill {
                <button type="button" class="secondary" id="data-fill-merged"
                    onclick={on_fill.reform(|_: MouseEvent| ())}>
                    { text(lang, "data.fill-merged") }
                </button>
            }
        </div>
    }
}
