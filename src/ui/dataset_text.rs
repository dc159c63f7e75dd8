//! A dataset's text (a stream's, kind's or agency's name) as shown in the language on screen.

use yew::prelude::*;

use crate::core::dataset::Localized;
use crate::core::lang::Lang;

/// `text` in `lang`, marked with the language it is really in when that is another: a
/// county's table may name its streams in Chinese only, and an English voice would read them
/// as letters.
pub fn in_its_language(text: &Localized, lang: Lang) -> Html {
    match text.resolve(lang) {
        Some((words, shown)) => marked(words, (shown != lang).then_some(shown)),
        None => Html::default(),
    }
}

/// `words`, marked with `lang` when they are in another language than the page's (`Some`).
pub fn marked(words: &str, lang: Option<Lang>) -> Html {
    match lang {
        Some(lang) => html! { <span lang={lang.tag()}>{ words }</span> },
        None => html! { words },
    }
}
