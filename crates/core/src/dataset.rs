//! The dataset format: one funding programme, its kinds of funding, its agencies and its streams.
//!
//! These are the types a valid dataset becomes. Text arrives through [`crate::validate`],
//! which checks everything and reports every problem, and resolves each stream's kind and
//! agency id to its index once; the types themselves are plain data. The file names them by
//! id, so a dataset is written through `wire`. The JSON Schema in `data/dataset.schema.json`
//! is generated from these types (see `core::schema`).

mod wire;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// The most streams a dataset may have.
pub const MAX_STREAMS: usize = 5_000;
/// The most kinds a dataset may define: far above a county's handful, and few enough that a
/// totals table and a legend of them stay usable.
pub const MAX_KINDS: usize = 1_000;
/// The most agencies a dataset may define.
pub const MAX_AGENCIES: usize = 1_000;

/// The one version of the format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Text in each of the explorer's languages; any may be missing.
///
/// Fallback when the asked-for language is missing or empty: the other Chinese script, then
/// English, then Simplified Chinese — whichever comes first with text. A valid dataset always
/// has at least one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Localized {
    /// Simplified Chinese.
    #[serde(rename = "zh-Hans", default, skip_serializing_if = "Option::is_none")]
    pub zh_hans: Option<String>,
    /// Traditional Chinese.
    #[serde(rename = "zh-Hant", default, skip_serializing_if = "Option::is_none")]
    pub zh_hant: Option<String>,
    /// English.
    #[serde(rename = "en", default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Localized {
    /// The text in exactly `lang`, if present and not blank.
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        let text = match lang {
            Lang::ZhHans => &self.zh_hans,
            Lang::ZhHant => &self.zh_hant,
            Lang::En => &self.en,
        };
        text.as_deref().filter(|t| !t.trim().is_empty())
    }

    /// The text for `lang` and the language it is really in, following the fallback order.
    pub fn resolve(&self, lang: Lang) -> Option<(&str, Lang)> {
        let order: [Lang; 4] = match lang {
            Lang::ZhHans => [Lang::ZhHans, Lang::ZhHant, Lang::En, Lang::ZhHans],
            Lang::ZhHant => [Lang::ZhHant, Lang::ZhHans, Lang::En, Lang::ZhHant],
            Lang::En => [Lang::En, Lang::ZhHans, Lang::ZhHant, Lang::En],
        };
        order
            .into_iter()
            .find_map(|l| self.exact(l).map(|text| (text, l)))
    }

    /// The text for `lang` after fallback; empty only if no language has text.
    pub fn get(&self, lang: Lang) -> &str {
        self.resolve(lang).map_or("", |(text, _)| text)
    }
}

/// Whether a stream's money is already granted, and in which words the source says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// 已落实: secured.
    Secured,
    /// 划拨: transferred.
    Transferred,
    /// 获批: approved.
    Approved,
    /// 扶持: supported.
    Supported,
    /// 已下达: issued.
    Issued,
    /// 提供: provided.
    Provided,
    /// 给予倾斜: given priority in sharing out funds, with no amount of its own.
    Prioritised,
    /// 争取: being sought, not yet granted.
    Sought,
}

impl Status {
    /// Every status, in the order the format documents them.
    pub const ALL: [Status; 8] = [
        Status::Secured,
        Status::Transferred,
        Status::Approved,
        Status::Supported,
        Status::Issued,
        Status::Provided,
        Status::Prioritised,
        Status::Sought,
    ];

    /// True for the statuses that mean the money is granted.
    pub fn is_granted(self) -> bool {
        self != Status::Sought
    }

    /// The word used in the dataset file.
    pub fn key(self) -> &'static str {
        match self {
            Status::Secured => "secured",
            Status::Transferred => "transferred",
            Status::Approved => "approved",
            Status::Supported => "supported",
            Status::Issued => "issued",
            Status::Provided => "provided",
            Status::Prioritised => "prioritised",
            Status::Sought => "sought",
        }
    }

    /// The status a dataset word names.
    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A kind of funding (loans, subsidies, e-commerce, tech, training…).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Kind {
    /// Stable identifier that streams refer to.
    #[cfg_attr(test, schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")))]
    pub id: String,
    /// Name per language.
    pub name: Localized,
}

/// A government body that grants or seeks money.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Agency {
    /// Stable identifier that streams refer to.
    #[cfg_attr(test, schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")))]
    pub id: String,
    /// Name per language.
    pub name: Localized,
}

/// A count a stream's money is spread over, such as 26 technology projects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Units {
    /// How many (at least 1).
    #[cfg_attr(test, schemars(range(min = 1)))]
    pub count: u64,
    /// What one of them is, per language: "technology project".
    pub label: Localized,
    /// The source's words for the count, when they are not in the stream's own quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// One funding stream.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[cfg_attr(test, schemars(transform = amount_is_required))]
pub struct Stream {
    /// Stable identifier, unique in the dataset (used in share links and exports).
    #[cfg_attr(test, schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")))]
    pub id: String,
    /// Name per language.
    pub name: Localized,
    /// Its kind's index in the dataset's `kinds` (the file names it by `id`).
    #[cfg_attr(
        test,
        schemars(
            with = "String",
            description = "The `id` of one of the dataset's kinds."
        )
    )]
    pub kind: usize,
    /// Its agency's index in the dataset's `agencies` (the file names it by `id`).
    #[cfg_attr(
        test,
        schemars(
            with = "String",
            description = "The `id` of one of the dataset's agencies."
        )
    )]
    pub agency: usize,
    /// Whole yuan, 0 to 10^15; `null` when the source states no amount.
    #[cfg_attr(test, schemars(range(min = 0, max = crate::money::MAX_AMOUNT)))]
    pub amount: Option<i64>,
    /// Granted in one of the source's words, or sought.
    pub status: Status,
    /// The source sentence the amount and status come from, verbatim.
    pub quote: String,
    /// A count the amount is spread over, if the source gives one.
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub units: Option<Units>,
    /// The data's own remark on the stream (a county's 备注 column), shown with it.
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub note: Option<String>,
}

/// Schema of [`Stream`]: `amount` must be written, as `null` when the source states none (the
/// validator reports it missing otherwise), although serde alone would read its absence as `None`.
#[cfg(test)]
fn amount_is_required(schema: &mut schemars::Schema) {
    if let Some(serde_json::Value::Array(required)) = schema.get_mut("required")
        && !required.iter().any(|field| field == "amount")
    {
        let at = required
            .iter()
            .position(|field| field == "status")
            .unwrap_or(required.len());
        required.insert(at, "amount".into());
    }
}

/// Where the figures come from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Source {
    /// The article's title per language.
    pub title: Localized,
    /// Who published it, per language.
    pub publisher: Localized,
    /// A link to the article, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One funding programme: the file the explorer loads.
// Every stream's `kind` and `agency` index one of its `kinds` and `agencies` (validation makes
// them so); it serialises as the file, ids and all (see `wire`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Dataset {
    /// The format version; this build reads version 1.
    #[cfg_attr(test, schemars(extend("const" = FORMAT_VERSION)))]
    pub format: u32,
    /// The programme's title per language.
    pub title: Localized,
    /// A sentence on the programme per language.
    #[cfg_attr(test, serde(default))]
    pub summary: Localized,
    /// Where the figures come from.
    pub source: Source,
    /// ISO 4217 code of every amount; this build reads `CNY`.
    #[cfg_attr(test, schemars(extend("const" = "CNY")))]
    pub currency: String,
    /// The kinds of funding streams refer to (at most 1,000).
    #[cfg_attr(test, schemars(length(min = 1, max = MAX_KINDS)))]
    pub kinds: Vec<Kind>,
    /// The agencies streams refer to (at most 1,000).
    #[cfg_attr(test, schemars(length(min = 1, max = MAX_AGENCIES)))]
    pub agencies: Vec<Agency>,
    /// The funding streams, in the order the explorer lists them (at most 5,000).
    #[cfg_attr(test, schemars(length(min = 1, max = MAX_STREAMS)))]
    pub streams: Vec<Stream>,
}

impl Dataset {
    /// The kind of `stream`, one of this dataset's.
    pub fn kind_of(&self, stream: &Stream) -> Option<&Kind> {
        self.kinds.get(stream.kind)
    }

    /// The agency of `stream`, one of this dataset's.
    pub fn agency_of(&self, stream: &Stream) -> Option<&Agency> {
        self.agencies.get(stream.agency)
    }

    /// The index of the stream with `id`.
    pub fn stream_index(&self, id: &str) -> Option<usize> {
        self.streams.iter().position(|s| s.id == id)
    }

    /// The dataset as pretty JSON, as a person would edit it.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_order() {
        let only_en = Localized {
            en: Some("Loans".into()),
            ..Localized::default()
        };
        assert_eq!(only_en.resolve(Lang::ZhHans), Some(("Loans", Lang::En)));
        let chinese = Localized {
            zh_hans: Some("贷款".into()),
            zh_hant: Some("  ".into()),
            en: None,
        };
        assert_eq!(chinese.resolve(Lang::ZhHant), Some(("贷款", Lang::ZhHans)));
        assert_eq!(chinese.resolve(Lang::En), Some(("贷款", Lang::ZhHans)));
        assert_eq!(Localized::default().get(Lang::En), "");
    }

    #[test]
    fn status_words_round_trip() {
        for status in Status::ALL {
            assert_eq!(Status::from_key(status.key()), Some(status));
        }
        assert!(!Status::Sought.is_granted());
        assert!(Status::Issued.is_granted());
    }
}
