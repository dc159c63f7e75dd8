//! Notices the interface shows until dismissed, and the problems of a dataset file: typed
//! values, put into words only when shown.

use crate::core::csv_import::CsvProblem;
use crate::core::export::ImportError;
use crate::core::lang::Lang;
use crate::core::saved::{LoadError, StorageError};
use crate::core::share_link::LinkError;
use crate::core::validate::{Problem, Severity};
use crate::i18n::{Message, fill, text};

/// Something the interface tells the user until they dismiss it. Typed, and put into words
/// when shown, so that a notice follows a change of language like the rest of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A share link opened a scenario with this name: said at the top, since the figures alone
    /// do not tell a recipient what they are looking at.
    LinkOpened {
        /// The scenario's name the link gives.
        name: String,
    },
    /// A share link that could not be read.
    BadLink {
        /// Where the link was and what is shown instead.
        place: LinkPlace,
        /// Why it could not be read.
        error: LinkError,
    },
    /// The dataset at `url` could not be fetched; the built-in data stays.
    FetchFailed {
        /// The dataset's address.
        url: String,
        /// The server's HTTP status, when it answered.
        status: Option<u16>,
    },
    /// The page's `?data=` names a place the page does not take data from (another origin, a
    /// `data:` or `blob:` address, a redirect off the site); the built-in data stays.
    DataNotAllowed {
        /// The address given.
        url: String,
    },
    /// The dataset at `url` did not arrive in time; the built-in data stays.
    FetchTimedOut {
        /// The dataset's address.
        url: String,
    },
    /// A file the browser could not read.
    FileUnreadable {
        /// The file's name.
        file: String,
    },
    /// A scenario file that could not be imported; the current scenario stays.
    ImportFailed {
        /// The file's name.
        file: String,
        /// The first problem found.
        error: ImportError,
    },
    /// The scenarios stored in the browser could not be read.
    StoreUnreadable {
        /// Why not.
        error: LoadError,
        /// The storage key their text was copied to, or why it could not be copied.
        backup: Result<String, StorageError>,
    },
    /// An edit of the saved scenarios could not be stored.
    NotSaved(StorageError),
    /// Some stored scenarios could not be read: the others show, these are set aside (their
    /// text copied to the storage key given) and not written back.
    SetAside {
        /// How many were set aside.
        count: usize,
        /// Why the first could not be read.
        error: LoadError,
        /// The storage key the stored text was copied to.
        key: String,
        /// The records set aside as a JSON array, offered for download with the notice.
        records: String,
    },
    /// A scenario being renamed was deleted in another tab; the name typed is given back.
    RenameLost {
        /// The name the planner had typed.
        typed: String,
    },
    /// A dataset that could not be loaded, with every problem found; the current data stays.
    InvalidDataset {
        /// Where the dataset came from (file name or URL).
        origin: String,
        /// Every problem, located.
        problems: Vec<DatasetProblem>,
    },
    /// A file chosen with the load button that was not loaded: its problems are listed beside
    /// the button; the notice at the top says how many.
    FileRefused {
        /// The file's name.
        origin: String,
        /// How many errors it has.
        errors: usize,
    },
    /// The messages of a language the planner or the host asked for could not be fetched;
    /// the page stays in the language it is in.
    LangUnavailable(Lang),
}

/// Where an unreadable share link was, which decides what the notice says is shown instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkPlace {
    /// In the page's address when it opened: the source figures are shown, the link stays in
    /// the address bar until the first change.
    OpeningAddress,
    /// Given to a framed or embedded explorer: the source figures are shown.
    Framed,
    /// Pasted into the address of the open page: the scenario on screen stays.
    Pasted,
}

impl Notice {
    /// Whether the notice says that some data was not loaded and the data on screen stays.
    pub fn keeps_data(&self) -> bool {
        matches!(
            self,
            Notice::FetchFailed { .. }
                | Notice::DataNotAllowed { .. }
                | Notice::FetchTimedOut { .. }
                | Notice::FileUnreadable { .. }
                | Notice::InvalidDataset { .. }
                | Notice::FileRefused { .. }
        )
    }

    /// Whether the notice tells what came of a file chosen in the data panel, whose problems
    /// are listed beside its button for the last file only.
    fn is_file_outcome(&self) -> bool {
        matches!(
            self,
            Notice::FileUnreadable { .. } | Notice::FileRefused { .. }
        )
    }

    /// Whether `self`, once shown, makes `earlier` stale: a file's outcome replaces the one
    /// of the file tried before it.
    pub fn replaces(&self, earlier: &Notice) -> bool {
        self.is_file_outcome() && earlier.is_file_outcome()
    }

    /// The notice's sentence in `lang` and the detail that follows it; `None` for a dataset's
    /// problems, which are shown as a list.
    pub fn words(&self, lang: Lang) -> Option<(String, Option<String>)> {
        let said = |key: &str, detail: Option<String>| Some((text(lang, key), detail));
        match self {
            Notice::LinkOpened { name } => said(
                "notice.link-opened",
                Some(fill(lang, "app.quoted", &[("text", name)])),
            ),
            Notice::BadLink { place, error } => said(
                match place {
                    LinkPlace::OpeningAddress => "notice.bad-link",
                    LinkPlace::Framed => "notice.bad-link-framed",
                    LinkPlace::Pasted => "notice.bad-pasted-link",
                },
                Some(error.message(lang)),
            ),
            Notice::FetchFailed { url, status } => said(
                "notice.fetch-failed",
                Some(match status {
                    Some(status) => format!("{url} (HTTP {status})"),
                    None => url.clone(),
                }),
            ),
            Notice::DataNotAllowed { url } => said("notice.data-not-allowed", Some(url.clone())),
            Notice::FetchTimedOut { url } => said("notice.fetch-timed-out", Some(url.clone())),
            Notice::FileUnreadable { file } => said("data.unreadable", Some(file.clone())),
            Notice::ImportFailed { file, error } => said(
                "exports.import-failed",
                Some(format!("{file} — {}", error.message(lang))),
            ),
            Notice::StoreUnreadable { error, backup } => {
                let reason = error.message(lang);
                match backup {
                    Ok(key) => said(
                        "scenarios.notice.unreadable",
                        Some(fill(
                            lang,
                            "scenarios.notice.kept-as",
                            &[("reason", &reason), ("key", key)],
                        )),
                    ),
                    Err(failure) => said(
                        "scenarios.notice.unreadable-not-kept",
                        Some(fill(
                            lang,
                            "scenarios.notice.not-kept",
                            &[("reason", &reason), ("error", &failure.message(lang))],
                        )),
                    ),
                }
            }
            Notice::SetAside {
                count, error, key, ..
            } => said(
                "scenarios.notice.set-aside",
                Some(fill(
                    lang,
                    "scenarios.notice.set-aside-where",
                    &[
                        ("count", &count.to_string()),
                        ("reason", &error.message(lang)),
                        ("key", key),
                    ],
                )),
            ),
            Notice::RenameLost { typed } => {
                said("scenarios.notice.rename-lost", Some(typed.clone()))
            }
            Notice::NotSaved(StorageError::Quota) => said("scenarios.notice.quota", None),
            Notice::NotSaved(error) => {
                said("scenarios.notice.not-saved", Some(error.message(lang)))
            }
            Notice::FileRefused { origin, errors } => Some((
                fill(
                    lang,
                    "notice.file-refused",
                    &[("origin", origin), ("count", &errors.to_string())],
                ),
                None,
            )),
            // Named in its own language, which is the one the planner reads.
            Notice::LangUnavailable(wanted) => {
                said("notice.lang-unavailable", Some(wanted.endonym().to_owned()))
            }
            Notice::InvalidDataset { .. } => None,
        }
    }
}

/// A problem in a dataset file, located in the JSON or in the CSV table it came from.
#[derive(Clone, Debug, PartialEq)]
pub enum DatasetProblem {
    /// Located by JSON path or line and column.
    Json(Problem),
    /// Located by row and column of a table.
    Csv(CsvProblem),
}

impl DatasetProblem {
    /// Whether the problem stops the dataset from loading.
    pub fn is_error(&self) -> bool {
        let severity = match self {
            DatasetProblem::Json(p) => p.severity,
            DatasetProblem::Csv(p) => p.severity,
        };
        severity == Severity::Error
    }

    /// The problem in words, starting with where it is.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DatasetProblem::Json(p) => crate::i18n::problem_message(p, lang),
            DatasetProblem::Csv(p) => p.message(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scenario's name is quoted as each language quotes: with corner brackets in
    /// Traditional Chinese.
    #[test]
    fn an_opened_link_quotes_the_name_as_its_language_does() {
        let notice = Notice::LinkOpened {
            name: "培训扩班".into(),
        };
        let detail = |lang| notice.words(lang).and_then(|(_, detail)| detail);
        assert_eq!(detail(Lang::ZhHant).as_deref(), Some("「培训扩班」"));
        assert_eq!(detail(Lang::ZhHans).as_deref(), Some("“培训扩班”"));
        assert_eq!(detail(Lang::En).as_deref(), Some("“培训扩班”"));
    }
}
