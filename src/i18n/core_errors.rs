//! The core's typed errors and refusals in words: the one place they become sentences.

use crate::core::csv::SyntaxKind;
use crate::core::csv_import::{
    CsvProblem, CsvProblemKind, STATUS_WORDS, Separator, column_letters,
};
use crate::core::dataset::Status;
use crate::core::export::{About, Column, CsvWords, ImportError, ImportErrorKind, TotalLabel};
use crate::core::lang::Lang;
use crate::core::money::Unit;
use crate::core::money::format_amount;
use crate::core::saved::{EditError, LoadError, MAX_NAME_CHARS, MAX_SCENARIOS, StorageError};
use crate::core::scenario::{BalanceMode, MAX_NOTE_CHARS, Outcome, Refusal};
use crate::core::share_link::{LinkError, MAX_LINK_BYTES};
use crate::core::validate::{Problem, ProblemKind, Severity};
use crate::i18n::{covered_words, fill, located, place, problem_message, text};

/// A typed value that the interface can say in each language.
pub trait Message {
    /// The value as one sentence in `lang` (a problem's starting with where it is).
    fn message(&self, lang: Lang) -> String;
}

impl Message for Problem {
    fn message(&self, lang: Lang) -> String {
        problem_message(self, lang)
    }
}

impl Message for LinkError {
    fn message(&self, lang: Lang) -> String {
        match self {
            LinkError::Empty => text(lang, "io.link.empty"),
            LinkError::TooLong { bytes } => fill(
                lang,
                "io.link.too-long",
                &[
                    ("bytes", &bytes.to_string()),
                    ("max", &MAX_LINK_BYTES.to_string()),
                ],
            ),
            LinkError::NotALink => text(lang, "io.link.not-a-link"),
            LinkError::UnsupportedVersion { found } => {
                fill(lang, "io.link.unsupported-version", &[("found", found)])
            }
            LinkError::BadSegment { segment } => {
                fill(lang, "io.link.bad-segment", &[("segment", segment)])
            }
            LinkError::UnknownSetting { name } => {
                fill(lang, "io.link.unknown-setting", &[("name", name)])
            }
            LinkError::BadSetting { name, value } => fill(
                lang,
                "io.link.bad-setting",
                &[("name", name), ("value", value)],
            ),
            LinkError::RepeatedSetting { name } => {
                fill(lang, "io.link.repeated-setting", &[("name", name)])
            }
            LinkError::UnknownStream { id } => fill(lang, "io.link.unknown-stream", &[("id", id)]),
            LinkError::RepeatedStream { id } => {
                fill(lang, "io.link.repeated-stream", &[("id", id)])
            }
            LinkError::UnknownPart { id, part } => {
                fill(lang, "io.link.unknown-part", &[("id", id), ("part", part)])
            }
            LinkError::RepeatedPart { id, part } => {
                fill(lang, "io.link.repeated-part", &[("id", id), ("part", part)])
            }
            LinkError::BadAmount { id, text } => {
                fill(lang, "io.link.bad-amount", &[("id", id), ("text", text)])
            }
            LinkError::AmountOutOfRange { id } => {
                fill(lang, "io.link.amount-out-of-range", &[("id", id)])
            }
            LinkError::NoAmount { id } => fill(lang, "io.link.no-amount", &[("id", id)]),
            LinkError::NotSought { id } => fill(lang, "io.link.not-sought", &[("id", id)]),
            LinkError::BadPercent { id, text } => {
                fill(lang, "io.link.bad-percent", &[("id", id), ("text", text)])
            }
            LinkError::BadNote { id } => fill(
                lang,
                "io.link.bad-note",
                &[("id", id), ("max", &MAX_NOTE_CHARS.to_string())],
            ),
            LinkError::BadName => fill(
                lang,
                "io.link.bad-name",
                &[("max", &MAX_NAME_CHARS.to_string())],
            ),
            LinkError::DoesNotFit => text(lang, "io.link.does-not-fit"),
        }
    }
}

impl Message for Refusal {
    fn message(&self, lang: Lang) -> String {
        match self {
            Refusal::NotEnough { max } => fill(
                lang,
                "refusal.not-enough",
                &[("max", &format_amount(*max, lang.money_style()))],
            ),
            Refusal::UnknownStream => text(lang, "refusal.unknown-stream"),
            Refusal::NoAmount => text(lang, "refusal.no-amount"),
            Refusal::OutOfRange => text(lang, "refusal.out-of-range"),
            Refusal::Locked => text(lang, "refusal.locked"),
            Refusal::NothingToBalance => text(lang, "refusal.nothing-to-balance"),
            Refusal::NotSought => text(lang, "refusal.not-sought"),
            Refusal::BadPercent => text(lang, "refusal.bad-percent"),
            Refusal::NotGranted => text(lang, "refusal.not-granted"),
            Refusal::SameStream => text(lang, "refusal.same-stream"),
            Refusal::TooLittle { available } => fill(
                lang,
                "refusal.too-little",
                &[("available", &format_amount(*available, lang.money_style()))],
            ),
            Refusal::NoShortfall => text(lang, "refusal.no-shortfall"),
            Refusal::NothingPicked => text(lang, "refusal.nothing-picked"),
            Refusal::NothingToMove => text(lang, "refusal.nothing-to-move"),
            Refusal::NoteTooLong => fill(
                lang,
                "refusal.note-too-long",
                &[("max", &MAX_NOTE_CHARS.to_string())],
            ),
        }
    }
}

impl Message for LoadError {
    fn message(&self, lang: Lang) -> String {
        match self {
            LoadError::TooLarge { bytes } => fill(
                lang,
                "io.saved.too-large",
                &[("size", &(bytes / 1024).to_string())],
            ),
            LoadError::Truncated => text(lang, "io.saved.truncated"),
            LoadError::Corrupted { path, position } => fill(
                lang,
                "io.saved.corrupted",
                &[("place", &place(lang, path, *position))],
            ),
            LoadError::MissingVersion => text(lang, "io.saved.missing-version"),
            LoadError::UnknownVersion { found } => {
                fill(lang, "io.saved.unknown-version", &[("found", found)])
            }
        }
    }
}

impl Message for StorageError {
    fn message(&self, lang: Lang) -> String {
        match self {
            StorageError::Unavailable => text(lang, "scenarios.storage.unavailable"),
            StorageError::Quota => text(lang, "scenarios.storage.quota"),
            StorageError::Failed(detail) => {
                fill(lang, "scenarios.storage.failed", &[("detail", detail)])
            }
        }
    }
}

impl Message for EditError {
    fn message(&self, lang: Lang) -> String {
        match self {
            EditError::EmptyName => text(lang, "io.saved.empty-name"),
            EditError::NameTooLong => fill(
                lang,
                "io.saved.name-too-long",
                &[("max", &MAX_NAME_CHARS.to_string())],
            ),
            EditError::Full => fill(
                lang,
                "io.saved.full",
                &[("max", &MAX_SCENARIOS.to_string())],
            ),
            EditError::UnknownId => text(lang, "io.saved.unknown-id"),
            EditError::ShareTooLong => text(lang, "io.saved.share-too-long"),
            EditError::TooLarge => text(lang, "io.saved.store-too-large"),
        }
    }
}

impl Message for CsvProblem {
    fn message(&self, lang: Lang) -> String {
        let letter = self.column.map(column_letters);
        // A missing column has no cell: its row alone, the message naming the column.
        let header = match self.kind {
            CsvProblemKind::MissingColumn { .. } => "",
            _ => self.header.as_deref().unwrap_or(""),
        };
        let place = match (self.row, letter) {
            (Some(row), Some(letter)) if header.is_empty() => fill(
                lang,
                "io.csv-import.at-cell-plain",
                &[("row", &row.to_string()), ("column", &letter)],
            ),
            (Some(row), Some(letter)) => fill(
                lang,
                "io.csv-import.at-cell",
                &[
                    ("row", &row.to_string()),
                    ("column", &letter),
                    ("header", header),
                ],
            ),
            (Some(row), None) if !header.is_empty() => fill(
                lang,
                "io.csv-import.at-row-header",
                &[("row", &row.to_string()), ("header", header)],
            ),
            (Some(row), None) => fill(lang, "io.csv-import.at-row", &[("row", &row.to_string())]),
            (None, _) if !header.is_empty() => {
                fill(lang, "io.csv-import.at-header", &[("header", header)])
            }
            (None, _) if !self.path.is_empty() => self.path.clone(),
            (None, _) => text(lang, "problem.whole-file"),
        };
        let what = match &self.kind {
            CsvProblemKind::TitleRow { .. }
            | CsvProblemKind::NoHeaderRow { .. }
            | CsvProblemKind::UnitFromTitle { .. }
            | CsvProblemKind::TotalRow { .. }
            | CsvProblemKind::StatusWords { .. } => {
                super::county_rows::row_words(&self.kind, lang).unwrap_or_default()
            }
            CsvProblemKind::Syntax(SyntaxKind::UnterminatedQuote) => {
                text(lang, "io.csv-import.unterminated-quote")
            }
            CsvProblemKind::Dataset(ProblemKind::NotUtf8) => text(lang, "io.csv-import.not-utf8"),
            CsvProblemKind::WrongSeparator(Separator::Semicolon) => {
                text(lang, "io.csv-import.semicolons")
            }
            CsvProblemKind::WrongSeparator(Separator::Tab) => text(lang, "io.csv-import.tabs"),
            CsvProblemKind::Syntax(SyntaxKind::StrayQuote) => {
                text(lang, "io.csv-import.stray-quote")
            }
            CsvProblemKind::Syntax(SyntaxKind::TextAfterQuote) => {
                text(lang, "io.csv-import.text-after-quote")
            }
            CsvProblemKind::UnknownHeader { name } => {
                fill(lang, "io.csv-import.unknown-header", &[("name", name)])
            }
            CsvProblemKind::DuplicateHeader { name } => {
                fill(lang, "io.csv-import.duplicate-header", &[("name", name)])
            }
            CsvProblemKind::MissingColumn { name } => {
                fill(lang, "io.csv-import.missing-column", &[("name", name)])
            }
            CsvProblemKind::NoStreams => text(lang, "io.csv-import.no-streams"),
            CsvProblemKind::WrongCellCount { expected, found } => fill(
                lang,
                "io.csv-import.wrong-cell-count",
                &[
                    ("expected", &expected.to_string()),
                    ("found", &found.to_string()),
                ],
            ),
            CsvProblemKind::Conflict { first_row } => fill(
                lang,
                "io.csv-import.conflict",
                &[("row", &first_row.to_string())],
            ),
            CsvProblemKind::DuplicateId { id, first_row } => fill(
                lang,
                "io.csv-import.duplicate-id",
                &[("id", id), ("row", &first_row.to_string())],
            ),
            CsvProblemKind::NoneOfColumns { names } => fill(
                lang,
                "io.csv-import.none-of-columns",
                &[("names", &names.join(" / "))],
            ),
            CsvProblemKind::MissingLanguageInRows {
                lang: missing,
                count,
                last_row,
            } => fill(
                lang,
                "io.csv-import.missing-language-rows",
                &[
                    ("lang", &language_name(missing, lang)),
                    ("count", &count.to_string()),
                    ("last", &last_row.to_string()),
                ],
            ),
            CsvProblemKind::NotAnAmount { unit } => text(
                lang,
                match unit {
                    Unit::Yuan => "io.csv-import.not-an-amount-yuan",
                    Unit::Wan => "io.csv-import.not-an-amount-wan",
                },
            ),
            CsvProblemKind::AmountWithoutUnit => text(lang, "io.csv-import.amount-without-unit"),
            CsvProblemKind::UnknownStatus { found } => fill(
                lang,
                "io.csv-import.unknown-status",
                &[("found", found), ("words", &status_words_of(lang))],
            ),
            CsvProblemKind::MergedCellsLikely { cells } => fill(
                lang,
                "io.csv-import.merged-cells-likely",
                &[("cells", &cells.to_string())],
            ),
            CsvProblemKind::FilledDown {
                from_row,
                last_row,
                text,
                ..
            } => {
                let one = self.row == Some(*last_row);
                fill(
                    lang,
                    if one {
                        "io.csv-import.filled-down-one"
                    } else {
                        "io.csv-import.filled-down"
                    },
                    &[
                        ("from", &from_row.to_string()),
                        ("last", &last_row.to_string()),
                        ("text", text),
                    ],
                )
            }
            CsvProblemKind::Dataset(ProblemKind::MissingLanguage { lang: missing }) => fill(
                lang,
                "io.csv-import.missing-language",
                &[("lang", &language_name(missing, lang))],
            ),
            CsvProblemKind::Dataset(kind) => {
                let problem = Problem {
                    severity: self.severity,
                    path: place,
                    position: None,
                    kind: kind.clone(),
                };
                return problem_message(&problem, lang);
            }
        };
        located(&place, &what, lang)
    }
}

impl Message for ImportError {
    fn message(&self, lang: Lang) -> String {
        let own = |what: String| located(&place(lang, &self.path, self.position), &what, lang);
        match &self.kind {
            ImportErrorKind::File(kind) => problem_message(
                &Problem {
                    severity: Severity::Error,
                    path: self.path.clone(),
                    position: self.position,
                    kind: kind.clone(),
                },
                lang,
            ),
            ImportErrorKind::DatasetFile => own(text(lang, "io.import.dataset-file")),
            ImportErrorKind::NotAScenario => own(text(lang, "io.import.not-a-scenario")),
            ImportErrorKind::UnsupportedVersion { found } => own(fill(
                lang,
                "io.import.unsupported-version",
                &[("found", found)],
            )),
            ImportErrorKind::UnknownStream { id } => {
                own(fill(lang, "io.import.unknown-stream", &[("id", id)]))
            }
            ImportErrorKind::AmountNotStated => own(text(lang, "io.import.amount-not-stated")),
            ImportErrorKind::AmountMissing => own(text(lang, "io.import.amount-missing")),
            ImportErrorKind::NotSought => own(text(lang, "io.import.not-sought")),
            ImportErrorKind::UnknownOutcome { found } => {
                own(fill(lang, "io.import.unknown-outcome", &[("found", found)]))
            }
            ImportErrorKind::BadPercent => own(text(lang, "io.import.bad-percent")),
            ImportErrorKind::UnknownMode { found } => {
                own(fill(lang, "io.import.unknown-mode", &[("found", found)]))
            }
            ImportErrorKind::NameTooLong => own(fill(
                lang,
                "io.import.name-too-long",
                &[("max", &MAX_NAME_CHARS.to_string())],
            )),
            ImportErrorKind::NoteTooLong => own(fill(
                lang,
                "io.import.note-too-long",
                &[("max", &MAX_NOTE_CHARS.to_string())],
            )),
        }
    }
}

/// The status words a CSV takes, one per status: the cards' badges, so that the list names
/// what the planner sees (English in lower case, inside a sentence).
fn status_words_of(lang: Lang) -> String {
    let words: Vec<String> = STATUS_WORDS
        .iter()
        .map(|(status, _)| match lang {
            Lang::En => status_word(*status, lang).to_lowercase(),
            _ => status_word(*status, lang),
        })
        .collect();
    let (last, rest) = words
        .split_last()
        .map_or(("", &[][..]), |(l, r)| (l.as_str(), r));
    let rest = rest.join(&text(lang, "io.csv-import.word-separator"));
    format!(
        "{rest}{}{last}",
        text(lang, "io.csv-import.last-word-separator")
    )
}

/// A language, named by its `tag` (`zh-Hant`), in words of `lang`: 繁体中文, not a code.
pub(crate) fn language_name(tag: &str, lang: Lang) -> String {
    Lang::from_tag(tag).map_or_else(
        || tag.to_owned(),
        |named| text(lang, &format!("io.csv-import.language-{}", named.tag())),
    )
}

/// A status in words of `lang`, as the screen shows it.
pub fn status_word(status: Status, lang: Lang) -> String {
    text(lang, &format!("status.{}", status.key()))
}

/// The scenario CSV's words in one language.
pub struct CsvIn(pub Lang);

impl CsvWords for CsvIn {
    fn lang(&self) -> Lang {
        self.0
    }

    fn about(&self, about: About) -> String {
        let key = match about {
            About::Scenario => "io.csv.about-scenario",
            About::Date => "io.csv.about-date",
            About::Dataset => "io.csv.about-dataset",
            // The line the page header shows above figures that are not the built-in ones.
            About::Origin => "header.data-origin",
            About::Mode => "controls.mode",
            About::Sought => "io.csv.about-sought",
        };
        text(self.0, key)
    }

    fn mode(&self, mode: BalanceMode) -> String {
        match mode {
            BalanceMode::Free => text(self.0, "controls.mode-free"),
            BalanceMode::FixedPool => text(self.0, "controls.mode-pool"),
        }
    }

    fn counts_sought(&self, counted: bool) -> String {
        let key = if counted {
            "io.csv.sought-counted"
        } else {
            "io.csv.sought-not-counted"
        };
        text(self.0, key)
    }

    fn heading(&self, column: Column, unit: Unit) -> String {
        let key = match (column, unit) {
            (Column::Id, _) => "io.csv.id",
            (Column::Name, _) => "io.csv.name",
            (Column::Kind, _) => "io.csv.kind",
            (Column::Agency, _) => "io.csv.agency",
            (Column::Status, _) => "io.csv.status",
            (Column::Outcome, _) => "outcome.label",
            (Column::Baseline, Unit::Yuan) => "io.csv.baseline",
            (Column::Baseline, Unit::Wan) => "io.csv.baseline-wan",
            (Column::Planned, Unit::Yuan) => "io.csv.planned",
            (Column::Planned, Unit::Wan) => "io.csv.planned-wan",
            (Column::Counted, Unit::Yuan) => "io.csv.counted",
            (Column::Counted, Unit::Wan) => "io.csv.counted-wan",
            (Column::Granted, Unit::Yuan) => "io.csv.granted",
            (Column::Granted, Unit::Wan) => "io.csv.granted-wan",
            (Column::Sought, Unit::Yuan) => "io.csv.sought",
            (Column::Sought, Unit::Wan) => "io.csv.sought-wan",
            // The file gives changes and shares in one unit only.
            (Column::Delta, _) => "io.csv.delta",
            (Column::Share, _) => "io.csv.share",
            (Column::Note, _) => "io.csv.note",
        };
        text(self.0, key)
    }

    fn status(&self, status: Status) -> String {
        status_word(status, self.0)
    }

    fn outcome(&self, outcome: Outcome) -> String {
        match outcome {
            Outcome::Pending => text(self.0, "outcome.pending"),
            Outcome::Granted => text(self.0, "outcome.granted"),
            Outcome::Partial(percent) => fill(
                self.0,
                "io.csv.outcome-partial",
                &[("percent", &percent.to_string())],
            ),
            Outcome::Refused => text(self.0, "outcome.refused"),
            Outcome::Covered(percent) => covered_words(percent, self.0),
        }
    }

    fn totals(&self, unit: Unit) -> String {
        match unit {
            Unit::Yuan => text(self.0, "io.csv.totals"),
            Unit::Wan => text(self.0, "io.csv.totals-wan"),
        }
    }

    fn total(&self, label: TotalLabel<'_>) -> String {
        match label {
            TotalLabel::All => text(self.0, "io.csv.total-all"),
            TotalLabel::Granted => text(self.0, "io.csv.total-granted-streams"),
            TotalLabel::Sought => text(self.0, "io.csv.total-sought-streams"),
            TotalLabel::Kind(name) => fill(self.0, "io.csv.total-kind-streams", &[("kind", name)]),
        }
    }
}
