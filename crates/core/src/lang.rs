//! The languages the explorer speaks, and how a language tag picks one.

use crate::money::{MoneyStyle, Script};

/// A language of the interface and of dataset texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    ZhHans,
    /// Traditional Chinese.
    ZhHant,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order the language switch lists them.
    pub const ALL: [Lang; 3] = [Lang::ZhHans, Lang::En, Lang::ZhHant];

    /// The BCP 47 tag, as used in `lang` attributes and dataset texts.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    /// The language's own name for itself, for the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::ZhHans => "简体中文",
            Lang::ZhHant => "繁體中文",
            Lang::En => "English",
        }
    }

    /// How amounts are written in this language.
    pub fn money_style(self) -> MoneyStyle {
        match self {
            Lang::ZhHans => MoneyStyle::Wan(Script::Simplified),
            Lang::ZhHant => MoneyStyle::Wan(Script::Traditional),
            Lang::En => MoneyStyle::Cny,
        }
    }

    /// The language a BCP 47 tag asks for, if it is one of ours: `zh`, `zh-CN`, `zh-Hans-CN`
    /// → Simplified; `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant` → Traditional; `en-*` → English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = lower.split('-');
        match parts.next()? {
            "en" => Some(Lang::En),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let traditional = rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"))
                    && !rest.contains(&"hans");
                Some(if traditional {
                    Lang::ZhHant
                } else {
                    Lang::ZhHans
                })
            }
            _ => None,
        }
    }

    /// The first of `tags` (a browser's preference list) that names one of our languages.
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        tags.into_iter().find_map(Lang::from_tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_languages() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_tag("zh"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_tag("zh-TW"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_tag("zh-Hant-HK"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_tag("zh_hk"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr-FR"), None);
        assert_eq!(Lang::negotiate(["fr", "de", "en-US", "zh"]), Some(Lang::En));
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }
}
