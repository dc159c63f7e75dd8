//! A dataset's text (a stream's, kind's or agency's name) as shown in the language on screen.

use yew::prelude::*;

use crate::core::dataset::Localized;
use crate::core::lang::Lang;

/// `text` in `lang`, marked with the language it is really in when that is another: a
/// county's table may name its streams in Chinese only, and an English voice would read them
/// as letters.
pub fn in_its_language(text: &Localized, lang: Lang) -> Html {
    match text.resolve(lang) {
        Some((words, shown)) if shown != lang => {
            html! { <span lang={shown.tag()}>{ words }</span> }
        }
        Some((words, _)) => html! { words },
        None => Html::default(),
    }
}
