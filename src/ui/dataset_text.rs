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

/// Words a planner typed (a scenario's name) as shown on a page in `lang`: marked as Chinese
/// on an English page when written in Chinese characters, so that an English voice does not
/// spell them out. Which Chinese is not known: `zh`.
pub fn typed(words: &str, lang: Lang) -> Html {
    let han = words
        .chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'));
    if lang == Lang::En && han {
        html! { <span lang="zh">{ words }</span> }
    } else {
        html! { words }
    }
}

/// `sentence` with each of the planner's `words` in it marked as [`typed`] marks them.
pub fn with_typed(sentence: &str, words: &[&str], lang: Lang) -> Html {
    let mut parts = Vec::new();
    let mut rest = sentence;
    while let Some((at, found)) = words
        .iter()
        .filter(|w| !w.is_empty())
        .filter_map(|w| rest.find(*w).map(|at| (at, *w)))
        .min_by_key(|(at, _)| *at)
    {
        parts.push(html! { rest[..at].to_owned() });
        parts.push(typed(found, lang));
        rest = &rest[at + found.len()..];
    }
    parts.push(html! { rest.to_owned() });
    parts.into_iter().collect()
}
