//! The messages: a table of keys compiled from `locales/*.yml` by `build.rs`, sorted and
//! searched in place, with the Simplified Chinese texts compiled in.
//!
//! The other two languages are files (`messages-<tag>-<digest>.json` in `dist/`), so that a
//! visitor downloads only the language on screen: they are [`install`]ed once fetched. Natively
//! (tests, the prerender) they are compiled in and installed on first use.

use std::sync::OnceLock;

use crate::core::lang::Lang;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// The texts of the languages that are not built in, in [`FILES`]' order, once installed.
static INSTALLED: [OnceLock<Vec<String>>; 2] = [OnceLock::new(), OnceLock::new()];

/// The position in [`FILES`] and [`INSTALLED`] of a language that is not built in.
fn slot(lang: Lang) -> Option<usize> {
    FILES.iter().position(|(tag, _)| *tag == lang.tag())
}

/// The text of `key` in `lang`, if `lang` is loaded and has it.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let row = KEYS.binary_search(&key).ok()?;
    let text = match slot(lang) {
        None => BUILT_IN[row],
        Some(slot) => installed(slot)?.get(row)?.as_str(),
    };
    Some(text).filter(|text| !text.is_empty())
}

/// Whether the messages of `lang` are here, so that the interface can switch to it.
pub fn is_loaded(lang: Lang) -> bool {
    slot(lang).is_none_or(|slot| installed(slot).is_some())
}

/// The name of the file that holds the messages of `lang` (beside the app's other files), or
/// `None` when they are built in.
pub fn file_name(lang: Lang) -> Option<&'static str> {
    slot(lang).map(|slot| FILES[slot].1)
}

/// Why a fetched messages file was not taken.
#[derive(Debug, PartialEq, Eq)]
pub enum InstallError {
    /// It is not a JSON array of texts.
    Unreadable,
    /// It holds another number of texts than this build has keys: it is from another build.
    OtherBuild,
}

/// Takes `json`, the content of [`file_name`]`(lang)`, as the messages of `lang`. Installing
/// a language twice keeps the first.
pub fn install(lang: Lang, json: &str) -> Result<(), InstallError> {
    let Some(slot) = slot(lang) else {
        return Ok(());
    };
    let texts: Vec<String> = serde_json::from_str(json).map_err(|_| InstallError::Unreadable)?;
    if texts.len() != KEYS.len() {
        return Err(InstallError::OtherBuild);
    }
    let _ = INSTALLED[slot].set(texts);
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn installed(slot: usize) -> Option<&'static Vec<String>> {
    INSTALLED[slot].get()
}

/// Natively every language is compiled in, installed when first asked for.
#[cfg(not(target_arch = "wasm32"))]
fn installed(slot: usize) -> Option<&'static Vec<String>> {
    let json = compiled(FILES[slot].0)?;
    Some(INSTALLED[slot].get_or_init(|| serde_json::from_str(json).unwrap_or_default()))
}

/// The content of the messages file of the language tagged `tag`, as the build wrote it (for
/// the prerender to copy into `dist/`, and for tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn compiled(tag: &str) -> Option<&'static str> {
    match tag {
        "zh-Hant" => Some(include_str!(concat!(
            env!("OUT_DIR"),
            "/messages-zh-Hant.json"
        ))),
        "en" => Some(include_str!(concat!(env!("OUT_DIR"), "/messages-en.json"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_complete() {
        assert!(KEYS.is_sorted_by(|a, b| a < b), "sorted, no key twice");
        assert!(KEYS.len() > 300, "every file is in: {}", KEYS.len());
        for lang in Lang::ALL {
            for key in KEYS {
                assert!(lookup(lang, key).is_some(), "{key} has {}", lang.tag());
            }
        }
    }

    #[test]
    fn finds_a_message_in_each_language_and_nothing_else() {
        assert_eq!(lookup(Lang::ZhHant, "json.object"), Some("物件"));
        assert_eq!(lookup(Lang::En, "json.object"), Some("an object"));
        assert_eq!(lookup(Lang::ZhHans, "app.reset"), Some("重置"));
        assert_eq!(lookup(Lang::En, "no.such-key"), None);
    }

    #[test]
    fn each_other_language_has_a_file_named_by_its_content() {
        assert_eq!(file_name(Lang::ZhHans), None);
        let en = file_name(Lang::En).unwrap_or_default();
        let hant = file_name(Lang::ZhHant).unwrap_or_default();
        assert!(
            en.starts_with("messages-en-") && en.ends_with(".json"),
            "{en}"
        );
        assert!(hant.starts_with("messages-zh-Hant-"), "{hant}");
        assert_ne!(
            en["messages-en-".len()..],
            hant["messages-zh-Hant-".len()..]
        );
    }

    #[test]
    fn a_file_from_another_build_or_not_json_is_refused() {
        assert_eq!(install(Lang::En, "[\"a\"]"), Err(InstallError::OtherBuild));
        assert_eq!(install(Lang::En, "{"), Err(InstallError::Unreadable));
        assert_eq!(install(Lang::En, "<html>"), Err(InstallError::Unreadable));
        // The built-in language takes nothing and keeps its texts.
        assert_eq!(install(Lang::ZhHans, "[]"), Ok(()));
        assert_eq!(lookup(Lang::ZhHans, "app.reset"), Some("重置"));
    }
}
