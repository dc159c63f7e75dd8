//! Notices: what went wrong with a link, a file or the browser's storage, until dismissed.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::i18n::{fill, text};
use crate::ui::state::{AppState, Msg, Notice};

/// Props of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// The notices to show.
    pub notices: Vec<Notice>,
    /// The interface language.
    pub lang: Lang,
    /// Sends dismissals to the app state.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The list of open notices, each with a dismiss button.
#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let NoticesProps {
        notices,
        lang,
        dispatch,
    } = props;
    let lang = *lang;
    if notices.is_empty() {
        return Html::default();
    }
    html! {
        <div class="notices" role="alert">
            { for notices.iter().enumerate().map(|(index, notice)| {
                let dispatch = dispatch.clone();
                let dismiss = Callback::from(move |_| dispatch.dispatch(Msg::Dismiss(index)));
                let body = match notice {
                    Notice::Message { key, detail } => html! {
                        <p>{ text(lang, key) }
                            if let Some(detail) = detail { <span class="detail">{ " " }{ detail }</span> }
                        </p>
                    },
                    Notice::InvalidDataset { origin, problems } => {
                        let errors = problems.iter().filter(|p| p.is_error()).count();
                        let key = if errors == 1 {
                            "notice.invalid-dataset-one"
                        } else {
                            "notice.invalid-dataset"
                        };
                        html! {
                            <>
                                <p>{ fill(lang, key, &[("origin", origin), ("count", &errors.to_string())]) }</p>
                                <ul class="problems">
                                    { for problems.iter().map(|p| html! {
                                        <li class={if p.is_error() { "error" } else { "warning" }}>
                                            <code>{ p.message(lang) }</code>
                                        </li>
                                    }) }
                                </ul>
                            </>
                        }
                    }
                };
                html! {
                    <div class="notice">
                        { body }
                        <button type="button" class="dismiss" onclick={dismiss}>{ text(lang, "notice.dismiss") }</button>
                    </div>
                }
            }) }
        </div>
    }
}
