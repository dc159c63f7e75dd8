//! The interface's messages in every language.
//!
//! All messages live in `locales/*.yml`, one key per message with its three translations side
//! by side; a native test checks that no key lacks a language. `build.rs` compiles them into a
//! sorted static table searched here (a runtime i18n library cost tens of kilobytes of
//! WebAssembly and a hash map built at start-up). Dataset texts (stream names…)
//! are not messages: they come from the dataset with the fallback of
//! [`crate::core::dataset::Localized`].

mod problems;

pub use problems::problem_message;

use crate::core::lang::Lang;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// The message `key` in `lang`; in Simplified Chinese when `lang` lacks it; `{lang}.{key}`
/// when no language has it.
pub fn text(lang: Lang, key: &str) -> String {
    lookup(lang, key).map_or_else(|| format!("{}.{key}", lang.tag()), str::to_owned)
}

/// The message `key` in `lang`, falling back to Simplified Chinese.
fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let column = match lang {
        Lang::ZhHans => 0,
        Lang::ZhHant => 1,
        Lang::En => 2,
    };
    let (_, texts) = MESSAGES
        .binary_search_by(|(k, _)| k.cmp(&key))
        .ok()
        .and_then(|i| MESSAGES.get(i))?;
    texts[column].or(texts[0])
}

/// The message `key` in `lang` with each `%{name}` replaced by its value.
pub fn fill(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    let mut message = text(lang, key);
    for (name, value) in values {
        message = message.replace(&format!("%{{{name}}}"), value);
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key of every `locales/*.yml` has all three languages, non-empty.
    #[test]
    fn every_message_has_every_language() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
        let mut file = String::new();
        for entry in std::fs::read_dir(dir).expect("locales folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "yml") {
                file.push_str(&std::fs::read_to_string(path).expect("locale file"));
                file.push('\n');
            }
        }
        let mut key: Option<&str> = None;
        let mut langs: Vec<&str> = Vec::new();
        let mut checked = 0;
        let mut check = |key: Option<&str>, langs: &mut Vec<&str>| {
            if let Some(key) = key {
                langs.sort_unstable();
                assert_eq!(langs, &["en", "zh-Hans", "zh-Hant"], "message {key}");
                checked += 1;
            }
            langs.clear();
        };
        for line in file
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            if line.starts_with("_version") {
                continue;
            }
            if !line.starts_with(' ') {
                check(key, &mut langs);
                key = Some(line.trim_end_matches(':'));
            } else if let Some((lang, value)) = line.trim().split_once(':') {
                assert!(!value.trim().is_empty(), "{key:?} {lang} is empty");
                langs.push(lang);
            }
        }
        check(key, &mut langs);
        assert!(checked > 20, "the file has its messages");
    }

    #[test]
    fn looks_up_and_fills() {
        assert_eq!(text(Lang::En, "app.reset"), "Reset");
        assert_eq!(text(Lang::ZhHans, "app.reset"), "重置");
        assert_eq!(text(Lang::En, "no.such-key"), "en.no.such-key");
        assert!(MESSAGES.windows(2).all(|w| w[0].0 < w[1].0), "sorted, no repeats");
        assert_eq!(
            fill(Lang::En, "problem.unknown-kind", &[("id", "loan")]),
            "names the kind “loan”, which the dataset does not define"
        );
    }
}
