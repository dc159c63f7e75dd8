//! Text shown in a language that may not be the page's: a dataset's names (a stream's, kind's or
//! agency's), a language's own name, a scenario's name as a planner typed it; each marked with its
//! language where that is another.

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
    marked_as(words, lang.map(Lang::tag))
}

/// `words`, marked with the language `tag` when there is one.
fn marked_as(words: &str, tag: Option<&'static str>) -> Html {
    match tag {
        Some(tag) => html! { <span lang={tag}>{ words }</span> },
        None => html! { words },
    }
}

/// `sentence` with each of `parts` in it marked with its language tag (`None`: left as is).
pub fn marked_within(sentence: &str, parts: &[(&str, Option<&'static str>)]) -> Html {
    let mut shown = Vec::new();
    let mut rest = sentence;
    while let Some((at, (words, tag))) = parts
        .iter()
        .filter(|(words, _)| !words.is_empty())
        .filter_map(|part| rest.find(part.0).map(|at| (at, *part)))
        .min_by_key(|(at, _)| *at)
    {
        shown.push(html! { rest[..at].to_owned() });
        shown.push(marked_as(words, tag));
        rest = &rest[at + words.len()..];
    }
    shown.push(html! { rest.to_owned() });
    shown.into_iter().collect()
}

/// The language a planner's `words` (a scenario's name) are marked with on a page in `lang`:
/// Chinese on an English page when written in Chinese characters, so that an English voice does
/// not spell them out. Which Chinese is not known: `zh`.
fn typed_tag(words: &str, lang: Lang) -> Option<&'static str> {
    let han = words
        .chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'));
    (lang == Lang::En && han).then_some("zh")
}

/// A planner's `words` as shown on a page in `lang`, marked as [`typed_tag`] says.
pub fn typed(words: &str, lang: Lang) -> Html {
    marked_as(words, typed_tag(words, lang))
}

/// `sentence` with each of the planner's `words` in it marked as [`typed`] marks them.
pub fn with_typed(sentence: &str, words: &[&str], lang: Lang) -> Html {
    let parts: Vec<_> = words.iter().map(|w| (*w, typed_tag(w, lang))).collect();
    marked_within(sentence, &parts)
}
