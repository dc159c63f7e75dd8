//! The table's columns: one typed list that the reader, the writer, the template and the
//! documentation follow, so that reading and writing cannot drift apart.

use crate::lang::Lang;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The stream's id.
    Id,
    /// The stream's name.
    Name,
    /// The id of the stream's kind.
    Kind,
    /// The kind's name.
    KindName,
    /// The id of the granting agency.
    Agency,
    /// The agency's name.
    AgencyName,
    /// The amount.
    Amount,
    /// The status word.
    Status,
    /// The source sentence.
    Quote,
    /// The count the amount is spread over.
    UnitsCount,
    /// What one unit is.
    UnitsLabel,
    /// The source's words for the count.
    UnitsQuote,
    /// The programme's title.
    Title,
    /// A sentence on the programme.
    Summary,
    /// The source article's title.
    SourceTitle,
    /// Who published the source.
    Publisher,
    /// A link to the source.
    SourceUrl,
    /// The currency code.
    Currency,
    /// The data's own remark on a row (备注), kept as the stream's note and shown with it.
    Note,
}

impl Field {
    /// True for the columns every table must have.
    pub fn is_required(self) -> bool {
        matches!(
            self,
            Field::Id | Field::Kind | Field::Agency | Field::Amount | Field::Status | Field::Quote
        )
    }

    /// True for the columns that describe the programme, not a stream: any row may give them.
    pub fn is_programme(self) -> bool {
        matches!(
            self,
            Field::Title
                | Field::Summary
                | Field::SourceTitle
                | Field::Publisher
                | Field::SourceUrl
                | Field::Currency
        )
    }
}

/// One column of the table: a field, in one language for the texts that have several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Column {
    /// What it holds.
    pub field: Field,
    /// The language of its text, for the fields written in each language.
    pub lang: Option<Lang>,
    /// Its header, as the writer writes it.
    pub name: &'static str,
}

const fn one(field: Field, name: &'static str) -> Column {
    Column {
        field,
        lang: None,
        name,
    }
}

const fn each(field: Field, lang: Lang, name: &'static str) -> Column {
    Column {
        field,
        lang: Some(lang),
        name,
    }
}

use Field as F;
use Lang::{En, ZhHans, ZhHant};

/// Every column, in the order the writer puts them.
pub const COLUMNS: [Column; 35] = [
    one(F::Id, "id"),
    each(F::Name, ZhHans, "name_zh_hans"),
    each(F::Name, ZhHant, "name_zh_hant"),
    each(F::Name, En, "name_en"),
    one(F::Kind, "kind"),
    each(F::KindName, ZhHans, "kind_name_zh_hans"),
    each(F::KindName, ZhHant, "kind_name_zh_hant"),
    each(F::KindName, En, "kind_name_en"),
    one(F::Agency, "agency"),
    each(F::AgencyName, ZhHans, "agency_name_zh_hans"),
    each(F::AgencyName, ZhHant, "agency_name_zh_hant"),
    each(F::AgencyName, En, "agency_name_en"),
    one(F::Amount, "amount"),
    one(F::Status, "status"),
    one(F::Quote, "quote"),
    one(F::UnitsCount, "units_count"),
    each(F::UnitsLabel, ZhHans, "units_label_zh_hans"),
    each(F::UnitsLabel, ZhHant, "units_label_zh_hant"),
    each(F::UnitsLabel, En, "units_label_en"),
    one(F::UnitsQuote, "units_quote"),
    one(F::Note, "note"),
    each(F::Title, ZhHans, "title_zh_hans"),
    each(F::Title, ZhHant, "title_zh_hant"),
    each(F::Title, En, "title_en"),
    each(F::Summary, ZhHans, "summary_zh_hans"),
    each(F::Summary, ZhHant, "summary_zh_hant"),
    each(F::Summary, En, "summary_en"),
    each(F::SourceTitle, ZhHans, "source_title_zh_hans"),
    each(F::SourceTitle, ZhHant, "source_title_zh_hant"),
    each(F::SourceTitle, En, "source_title_en"),
    each(F::Publisher, ZhHans, "publisher_zh_hans"),
    each(F::Publisher, ZhHant, "publisher_zh_hant"),
    each(F::Publisher, En, "publisher_en"),
    one(F::SourceUrl, "source_url"),
    one(F::Currency, "currency"),
];

/// The languages of a text field, in the order of its columns.
pub const LANGS: [Lang; 3] = [ZhHans, ZhHant, En];

/// The column of `field` (in `lang`, for a text in each language).
pub fn column(field: Field, lang: Option<Lang>) -> Column {
    COLUMNS
        .into_iter()
        .find(|c| c.field == field && c.lang == lang)
        // Every field is in the list in each of its forms (a test checks it).
        .unwrap_or(COLUMNS[0])
}

/// The columns of `field`, one per language, or the one column of a field in no language.
pub fn columns_of(field: Field) -> impl Iterator<Item = Column> {
    COLUMNS.into_iter().filter(move |c| c.field == field)
}

/// A header as compared: full-width brackets, letters and digits as ASCII, no spaces, lower
/// case; `-` for `_`.
pub fn normalise(header: &str) -> String {
    header
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .map(|c| if c == '-' { '_' } else { c })
        .collect()
}

/// The column a header names: case, `-` and spaces for `_` do not matter.
pub fn by_header(header: &str) -> Option<Column> {
    let trimmed = header.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    let name = normalise(header);
    COLUMNS
        .into_iter()
        .find(|c| c.name == trimmed || c.name == name)
}

pub use crate::money::Unit;

/// A column of the simple layout: what a county has of its own figures, under a Chinese or an
/// English header. Names stand for the kind and the agency; ids are made from them and from
/// the row numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Simple {
    /// What it holds: [`Field::Name`], [`Field::KindName`], [`Field::AgencyName`] for names.
    pub field: Field,
    /// For an amount, the unit of a plain number.
    pub unit: Unit,
    /// Must the table have it.
    pub required: bool,
    /// The Chinese template's header.
    pub zh: &'static str,
    /// The English template's header.
    pub en: &'static str,
    /// Other ways people head it (Traditional Chinese, shorter words), compared normalised.
    pub also: &'static [&'static str],
}

const fn simple(
    field: Field,
    unit: Unit,
    required: bool,
    headers: (&'static str, &'static str),
    also: &'static [&'static str],
) -> Simple {
    Simple {
        field,
        unit,
        required,
        zh: headers.0,
        en: headers.1,
        also,
    }
}

/// The simple layout's columns, in the templates' order.
pub const SIMPLE: [Simple; 9] = [
    simple(
        F::Name,
        Unit::Yuan,
        true,
        ("项目名称", "Item"),
        &[
            "項目名稱",
            "项目",
            "項目",
            "名称",
            "名稱",
            "itemname",
            "name",
            "project",
        ],
    ),
    simple(
        F::AgencyName,
        Unit::Yuan,
        true,
        ("主管部门", "Agency"),
        &[
            "主管部門",
            "部门",
            "部門",
            "责任单位",
            "責任單位",
            "department",
        ],
    ),
    simple(
        F::KindName,
        Unit::Yuan,
        true,
        ("类别", "Kind"),
        &["類別", "类型", "類型", "category", "type"],
    ),
    simple(
        F::Amount,
        Unit::Wan,
        true,
        ("金额（万元）", "Amount (10,000 yuan)"),
        &[
            "金額（萬元）",
            "金额（万）",
            "金額（萬）",
            "资金（万元）",
            "資金（萬元）",
            "amount(10000yuan)",
            "amount(wan)",
        ],
    ),
    simple(
        F::Amount,
        Unit::Yuan,
        true,
        ("金额（元）", "Amount (yuan)"),
        &["金額（元）", "资金（元）", "資金（元）", "amount(cny)"],
    ),
    simple(F::Status, Unit::Yuan, true, ("状态", "Status"), &["狀態"]),
    simple(
        F::Note,
        Unit::Yuan,
        false,
        ("备注", "Note"),
        &["備註", "備注", "notes", "remarks"],
    ),
    simple(F::Quote, Unit::Yuan, false, ("来源", "Source"), &["來源"]),
    simple(
        F::Id,
        Unit::Yuan,
        false,
        ("编号", "Id"),
        &["編號", "序号", "序號"],
    ),
];

/// Amount headers that name no unit: a county writes 万元 under them as often as 元, so a plain
/// number there is refused rather than guessed ([`super::CsvProblemKind::AmountWithoutUnit`]).
const BARE_AMOUNT: [&str; 5] = ["金额", "金額", "资金", "資金", "amount"];

/// True for an amount header with no unit (`金额`, `Amount`), compared normalised.
pub fn is_bare_amount(header: &str) -> bool {
    let name = normalise(header);
    BARE_AMOUNT.iter().any(|h| normalise(h) == name)
}

/// A header as the simple layout's are compared: normalised, its unit after a slash or
/// after `单位：` in brackets written as the templates write it (`金额/万元` and
/// `金额（单位：万元）` as `金额(万元)`).
fn simple_form(header: &str) -> String {
    let name = normalise(header)
        .replace("(单位:", "(")
        .replace("(單位:", "(");
    match name.split_once('/') {
        Some((what, unit)) if !what.is_empty() && !unit.is_empty() => format!("{what}({unit})"),
        _ => name,
    }
}

/// The simple layout's column a header names, compared normalised.
pub fn simple_by_header(header: &str) -> Option<Simple> {
    let name = simple_form(header);
    SIMPLE.into_iter().find(|s| {
        [s.zh, s.en]
            .iter()
            .chain(s.also)
            .any(|h| normalise(h) == name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_field_and_language() {
        for c in COLUMNS {
            let suffix = match c.lang {
                Some(ZhHans) => "_zh_hans",
                Some(ZhHant) => "_zh_hant",
                Some(En) => "_en",
                None => "",
            };
            assert!(c.name.ends_with(suffix), "{}", c.name);
            assert_eq!(column(c.field, c.lang), c);
        }
        let required: Vec<&str> = COLUMNS
            .iter()
            .filter(|c| c.field.is_required())
            .map(|c| c.name)
            .collect();
        assert_eq!(
            required,
            ["id", "kind", "agency", "amount", "status", "quote"]
        );
        assert_eq!(by_header(" Name-EN "), Some(column(F::Name, Some(En))));
        assert_eq!(by_header("nmae_en"), None);
        assert_eq!(by_header("ＮＡＭＥ＿ＥＮ"), Some(column(F::Name, Some(En))));
    }

    #[test]
    fn simple_headers_match_leniently() {
        let field = |h: &str| simple_by_header(h).map(|s| (s.field, s.unit));
        for header in [
            "金额（万元）",
            "金额(万元)",
            " 金额 ( 万元 ) ",
            "金額（萬元）",
            "AMOUNT (10,000 yuan)",
        ] {
            assert_eq!(field(header), Some((F::Amount, Unit::Wan)), "{header}");
        }
        // As WPS users head them: another word, a slash, 单位 in the brackets.
        for header in [
            "资金（万元）",
            "资金(万元)",
            "金额/万元",
            "金额／万元",
            "金额（单位：万元）",
        ] {
            assert_eq!(field(header), Some((F::Amount, Unit::Wan)), "{header}");
        }
        for header in ["金额（元）", "金额(元)", "金额/元", "资金（元）"] {
            assert_eq!(field(header), Some((F::Amount, Unit::Yuan)), "{header}");
        }
        assert_eq!(field("责任单位"), Some((F::AgencyName, Unit::Yuan)));
        assert!(is_bare_amount("资金"));
        assert_eq!(field("Amount (yuan)"), Some((F::Amount, Unit::Yuan)));
        for bare in ["金额", " 金額 ", "Amount", "ＡＭＯＵＮＴ"] {
            assert_eq!(field(bare), None, "{bare} names no unit");
            assert!(is_bare_amount(bare), "{bare}");
        }
        assert!(!is_bare_amount("金额（万元）"));
        assert_eq!(field("项目名称 "), Some((F::Name, Unit::Yuan)));
        assert_eq!(field("Item"), Some((F::Name, Unit::Yuan)));
        assert_eq!(field("备注"), Some((F::Note, Unit::Yuan)));
        assert_eq!(field("来源"), Some((F::Quote, Unit::Yuan)));
        assert_eq!(field("项目明细"), None);
    }
}
