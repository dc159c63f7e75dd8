//! The messages, as rust-i18n's backend: a table compiled from `locales/*.yml` by `build.rs`,
//! sorted by key and searched in place. rust-i18n's own loader would build a hash map for every
//! message in every language when the app starts (about 1,200 of them): a few milliseconds
//! before the first paint and a tenth of the WebAssembly's start-up code.

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// The compiled messages.
pub struct Catalogue;

impl rust_i18n::Backend for Catalogue {
    fn available_locales(&self) -> Vec<&str> {
        LOCALES.to_vec()
    }

    fn translate(&self, locale: &str, key: &str) -> Option<&str> {
        let column = LOCALES.iter().position(|l| *l == locale)?;
        let row = MESSAGES.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
        Some(MESSAGES[row].1[column]).filter(|text| !text.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_i18n::Backend;

    #[test]
    fn the_table_is_sorted_and_complete() {
        assert!(
            MESSAGES.is_sorted_by(|a, b| a.0 < b.0),
            "sorted, no key twice"
        );
        assert!(MESSAGES.len() > 300, "every file is in: {}", MESSAGES.len());
        for (key, texts) in &MESSAGES {
            assert!(
                texts.iter().all(|t| !t.is_empty()),
                "{key} has every language"
            );
        }
    }

    #[test]
    fn finds_a_message_in_each_language_and_nothing_else() {
        assert_eq!(Catalogue.translate("zh-Hant", "json.object"), Some("物件"));
        assert_eq!(Catalogue.translate("en", "json.object"), Some("an object"));
        assert_eq!(Catalogue.translate("zh-Hans", "app.reset"), Some("重置"));
        assert_eq!(Catalogue.translate("en", "no.such-key"), None);
        assert_eq!(Catalogue.translate("fr", "app.reset"), None);
    }
}
