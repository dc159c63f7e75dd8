//! How a county's sheet was read, in words: the rows that are not streams (title rows, total
//! rows), a unit taken from a title, status words the cards show in others.

use crate::core::csv_import::{CsvProblemKind, RowsSum};
use crate::core::lang::Lang;
use crate::core::money::{Script, Unit, format_cny_exact, format_wan, group_thousands, wan_number};
use crate::i18n::{fill, status_word, text};

/// What a kind of these rows says, or `None` for the other kinds.
pub(super) fn row_words(kind: &CsvProblemKind, lang: Lang) -> Option<String> {
    Some(match kind {
        CsvProblemKind::TitleRow { header_row } => fill(
            lang,
            "io.csv-import.title-row",
            &[("header", &header_row.to_string())],
        ),
        CsvProblemKind::NoHeaderRow { rows } => fill(
            lang,
            "io.csv-import.no-header-row",
            &[("rows", &rows.to_string())],
        ),
        CsvProblemKind::UnitFromTitle { unit } => text(
            lang,
            match unit {
                Unit::Wan => "io.csv-import.unit-from-title-wan",
                Unit::Yuan => "io.csv-import.unit-from-title-yuan",
            },
        ),
        CsvProblemKind::TotalRow {
            label,
            stated,
            parts,
            unit,
        } => total_row(label, *stated, *parts, *unit, lang),
        CsvProblemKind::StatusWords { words } => {
            let each: Vec<String> = words
                .iter()
                .map(|(found, status)| {
                    let shown = match lang {
                        Lang::En => status_word(*status, lang).to_lowercase(),
                        _ => status_word(*status, lang),
                    };
                    fill(
                        lang,
                        "io.csv-import.status-word",
                        &[("found", found), ("shown", &shown)],
                    )
                })
                .collect();
            fill(
                lang,
                "io.csv-import.status-words",
                &[(
                    "each",
                    &each.join(&text(lang, "io.csv-import.word-separator")),
                )],
            )
        }
        _ => return None,
    })
}

/// A total row left out, and whether its amount equals the sum of the rows it totals.
fn total_row(
    label: &str,
    stated: Option<i64>,
    parts: Option<RowsSum>,
    unit: Unit,
    lang: Lang,
) -> String {
    let Some(stated) = stated else {
        return fill(lang, "io.csv-import.total-row", &[("label", label)]);
    };
    let amount = in_unit(stated, unit, lang);
    let Some(parts) = parts else {
        return fill(
            lang,
            "io.csv-import.total-row-unchecked",
            &[("label", label), ("amount", &amount)],
        );
    };
    let values = [
        ("label", label),
        ("amount", &amount),
        ("first", &parts.first_row.to_string()),
        ("last", &parts.last_row.to_string()),
        ("sum", &in_unit(parts.yuan, unit, lang)),
    ];
    let key = if parts.yuan == stated {
        "io.csv-import.total-row-agrees"
    } else {
        "io.csv-import.total-row-differs"
    };
    fill(lang, key, &values)
}

/// An amount in the table's unit, as the sheet writes it: `1,985.5万元`, `1,985,500元`; in
/// English with its yuan beside a 万 figure.
fn in_unit(yuan: i64, unit: Unit, lang: Lang) -> String {
    let sign = if yuan < 0 { "-" } else { "" };
    match (lang, unit) {
        (Lang::En, Unit::Wan) => format!("{}万 ({})", wan_number(yuan), format_cny_exact(yuan)),
        (Lang::En, Unit::Yuan) => format_cny_exact(yuan),
        (Lang::ZhHant, Unit::Wan) => format_wan(yuan, Script::Traditional),
        (_, Unit::Wan) => format_wan(yuan, Script::Simplified),
        (_, Unit::Yuan) => format!("{sign}{}元", group_thousands(yuan.unsigned_abs())),
    }
}
