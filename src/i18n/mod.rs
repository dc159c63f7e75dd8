//! The interface's messages in every language.
//!
//! All messages live in `locales/*.yml`, one key per message with its three translations side
//! by side; a native test checks that no key lacks a language. `build.rs` compiles them into
//! the [`catalogue`], which holds Simplified Chinese and loads the other two when wanted. Dataset texts (stream names…) are not messages: they come from the dataset with the fallback of
//! [`crate::core::dataset::Localized`].

pub mod catalogue;
mod core_errors;
mod county_rows;
mod problems;

pub use core_errors::{CsvIn, Message, status_word};
pub use problems::{located, place, problem_message};

use crate::core::lang::Lang;

/// The message `key` in `lang`; in Simplified Chinese when `lang` lacks it or is not loaded
/// yet; the key itself when no language has it.
pub fn text(lang: Lang, key: &str) -> String {
    catalogue::lookup(lang, key)
        .or_else(|| catalogue::lookup(Lang::ZhHans, key))
        .unwrap_or(key)
        .to_owned()
}

/// A bid's shortfall made up from other items, in words: what was granted, and that the rest
/// was made up.
pub fn covered_words(percent: u8, lang: Lang) -> String {
    match percent {
        0 => text(lang, "outcome.covered-refused"),
        p => fill(
            lang,
            "outcome.covered-partial",
            &[("percent", &p.to_string())],
        ),
    }
}

/// The Chinese measure word for a count of `unit` (a dataset's unit label): people are counted
/// with 名, firms with 家, households with 户, anything else with 个. Read from the label's last
/// character, in either script; English ignores it.
pub fn measure_word(unit: &str) -> &'static str {
    const PEOPLE: &str = "人员員者生民工师師手农農";
    const FIRMS: &str = "企业業司社店厂廠";
    match unit.trim().chars().last() {
        Some(c) if PEOPLE.contains(c) => "名",
        Some(c) if FIRMS.contains(c) => "家",
        Some('户' | '戶') => "户",
        _ => "个",
    }
}

/// The message `key` in `lang` with each `%{name}` replaced by its value.
///
/// Values are often hostile (names from a dataset, a stored scenario, a file): they are put in
/// one pass, so a value that itself holds `%{…}` stays as written, and a value holding a
/// bidirectional control (a right-to-left override…) is wrapped in U+2068 … U+2069, so that it
/// cannot reorder the rest of the sentence.
pub fn fill(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    let template = text(lang, key);
    let mut out = String::with_capacity(template.len());
    let mut rest = template.as_str();
    while let Some(start) = rest.find("%{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let value = after.find('}').and_then(|end| {
            let (_, value) = values.iter().find(|(name, _)| *name == &after[..end])?;
            Some((end, value))
        });
        match value {
            Some((end, value)) => {
                let isolate = value.contains(is_bidi_control);
                if isolate {
                    out.push('\u{2068}');
                }
                out.push_str(value);
                if isolate {
                    out.push('\u{2069}');
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str("%{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The title of a source article as cited in `lang`: in book-title marks in Chinese
/// (《…》), unless the data's title is empty or already has them.
pub fn cited_title(lang: Lang, title: &str) -> String {
    if title.is_empty() || title.starts_with('《') {
        return title.to_owned();
    }
    fill(lang, "app.source-title", &[("title", title)])
}

/// Whether `c` changes the direction of the text around it (marks, embeddings, overrides,
/// isolates).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Traditional Chinese quotes with corner brackets (「」), as readers of it expect; the
    /// curly quotes of Simplified Chinese are not used in its messages.
    #[test]
    fn traditional_chinese_messages_quote_with_corner_brackets() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
        for entry in std::fs::read_dir(dir).expect("locales folder") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("locale file");
            for line in text
                .lines()
                .filter(|l| l.trim_start().starts_with("zh-Hant:"))
            {
                assert!(!line.contains(['“', '”']), "{}: {line}", path.display());
            }
        }
    }

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

    /// Reloading the page has one name: 重新载入（页面）, 重新載入（頁面）; never 刷新 or 重新整理.
    #[test]
    fn reloading_the_page_is_said_one_way() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
        let mut said = 0;
        for entry in std::fs::read_dir(dir).expect("locales folder") {
            let path = entry.expect("entry").path();
            let file = std::fs::read_to_string(&path).expect("locale file");
            for line in file.lines().filter(|l| !l.starts_with('#')) {
                for other in ["刷新", "重新整理", "重新加载", "重新加載"] {
                    assert!(!line.contains(other), "{}: {line}", path.display());
                }
                said += line.matches("重新载入页面").count() + line.matches("重新載入頁面").count();
            }
        }
        assert!(said >= 4, "the messages say it: {said}");
    }

    #[test]
    fn looks_up_and_fills() {
        assert_eq!(text(Lang::En, "app.reset"), "Reset");
        assert_eq!(text(Lang::ZhHans, "app.reset"), "重置");
        assert_eq!(text(Lang::En, "no.such-key"), "no.such-key");
        assert_eq!(
            fill(Lang::En, "problem.unknown-kind", &[("id", "loan")]),
            "names the kind “loan”, which the dataset does not define"
        );
    }

    #[test]
    fn a_source_title_takes_book_title_marks_in_chinese_only() {
        assert_eq!(
            cited_title(Lang::ZhHans, "乐山：打造品牌"),
            "《乐山：打造品牌》"
        );
        assert_eq!(
            cited_title(Lang::ZhHant, "樂山：打造品牌"),
            "《樂山：打造品牌》"
        );
        assert_eq!(cited_title(Lang::En, "Leshan: a brand"), "Leshan: a brand");
        // A title that has its marks keeps them once; no title stays none.
        assert_eq!(cited_title(Lang::ZhHans, "《乐山日报》"), "《乐山日报》");
        assert_eq!(cited_title(Lang::ZhHans, ""), "");
    }

    #[test]
    fn people_firms_and_households_take_their_own_measure_words() {
        for (unit, word) in [
            ("科技项目", "个"),
            ("学员", "名"),
            ("返乡创业人员", "名"),
            ("創業學員", "名"),
            ("新型职业农民", "名"),
            ("农民工", "名"),
            ("小微企业", "家"),
            ("合作社", "家"),
            ("脱贫户", "户"),
            ("", "个"),
        ] {
            assert_eq!(measure_word(unit), word, "{unit}");
        }
    }
}
