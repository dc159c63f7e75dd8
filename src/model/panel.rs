//! The scenarios panel's state that is not the store itself: what its status line reports and
//! which name the scenario on screen goes by. Kept as what happened and worded when shown, so
//! that a change of language rewords them.

use crate::core::lang::Lang;
use crate::core::saved::{EditError, MAX_NAME_CHARS, SavedScenario, StorageError};
use crate::core::share_link::LinkError;
use crate::i18n::{Message, fill, text};

/// What the panel's status line reports.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelStatus {
    /// A scenario was saved under this name.
    Saved(String),
    /// A saved scenario was opened.
    Opened(String),
    /// A saved scenario was renamed to this name.
    Renamed(String),
    /// A copy was saved under this name.
    Duplicated(String),
    /// A saved scenario was deleted.
    Deleted(String),
    /// A saved scenario does not fit the dataset on screen.
    CannotOpen {
        /// Its name.
        name: String,
        /// Why its link cannot be read against the dataset.
        error: LinkError,
    },
    /// The store refused an edit.
    Refused(EditError),
    /// The browser's storage cannot be used.
    StorageOff(StorageError),
    /// An edit could not be stored; `quota` when the storage is full.
    NotSaved {
        /// Whether the browser's quota was the cause.
        quota: bool,
    },
    /// A download could not be started.
    DownloadFailed,
    /// A file was offered for download.
    Downloaded(String),
    /// A saved scenario belongs to a loaded dataset this browser does not keep (any more).
    NeedsData {
        /// The scenario's name.
        name: String,
        /// The dataset's file name (or address).
        file: String,
    },
    /// The data on screen cannot be written into one file with its scenarios (figures read
    /// from a table at an address, which only that table holds).
    CannotBundle,
}

impl PanelStatus {
    /// Whether the status reports a failure.
    pub fn is_error(&self) -> bool {
        !matches!(
            self,
            PanelStatus::Saved(_)
                | PanelStatus::Opened(_)
                | PanelStatus::Renamed(_)
                | PanelStatus::Duplicated(_)
                | PanelStatus::Deleted(_)
                | PanelStatus::Downloaded(_)
        )
    }

    /// The status in words of `lang`.
    pub fn words(&self, lang: Lang) -> String {
        let named = |key: &str, name: &str| fill(lang, key, &[("name", name)]);
        match self {
            PanelStatus::Saved(name) => named("scenarios.saved", name),
            PanelStatus::Opened(name) => named("scenarios.opened", name),
            PanelStatus::Renamed(name) => named("scenarios.renamed", name),
            PanelStatus::Duplicated(name) => named("scenarios.duplicated", name),
            PanelStatus::Deleted(name) => named("scenarios.deleted", name),
            PanelStatus::CannotOpen { name, error } => fill(
                lang,
                "scenarios.cannot-open",
                &[("name", name), ("reason", &error.message(lang))],
            ),
            PanelStatus::Refused(error) => error.message(lang),
            PanelStatus::StorageOff(error) => error.message(lang),
            PanelStatus::NotSaved { quota: true } => text(lang, "scenarios.notice.quota"),
            PanelStatus::NotSaved { quota: false } => text(lang, "scenarios.notice.not-saved"),
            PanelStatus::DownloadFailed => text(lang, "exports.download-failed"),
            PanelStatus::Downloaded(file) => fill(lang, "exports.downloaded", &[("file", file)]),
            PanelStatus::NeedsData { name, file } => fill(
                lang,
                "scenarios.needs-data",
                &[("name", name), ("file", file)],
            ),
            PanelStatus::CannotBundle => text(lang, "scenarios.cannot-bundle"),
        }
    }
}

/// The name the scenario on screen goes by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CurrentName {
    /// The source's figures.
    Baseline,
    /// A saved scenario's name.
    Saved(String),
    /// The name a scenario file gave it, not saved yet.
    Imported(String),
    /// A scenario that is neither saved nor imported.
    Unsaved,
}

impl CurrentName {
    /// The name of the scenario whose link is `link`: the baseline's when it is the baseline
    /// (link `baseline`), else the name of the saved scenario holding it (`saved`), else the
    /// name a link or file gave it (`given`).
    pub fn of(link: &str, baseline: &str, saved: Option<&str>, given: Option<&str>) -> Self {
        match (saved, given) {
            _ if link == baseline => CurrentName::Baseline,
            (Some(name), _) => CurrentName::Saved(name.to_owned()),
            (None, Some(name)) => CurrentName::Imported(name.to_owned()),
            (None, None) => CurrentName::Unsaved,
        }
    }

    /// The name as the panel shows it.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            CurrentName::Baseline => text(lang, "scenarios.baseline-name"),
            CurrentName::Saved(name) => name.clone(),
            CurrentName::Imported(name) => fill(lang, "scenarios.imported-name", &[("name", name)]),
            CurrentName::Unsaved => text(lang, "scenarios.unsaved-name"),
        }
    }

    /// The scenario's own name, for its files: without the label's "(imported)", and empty for
    /// an unsaved scenario (a file then takes the dataset's name alone).
    pub fn own(&self, lang: Lang) -> String {
        match self {
            CurrentName::Baseline => text(lang, "scenarios.baseline-name"),
            CurrentName::Saved(name) | CurrentName::Imported(name) => name.clone(),
            CurrentName::Unsaved => String::new(),
        }
    }
}

/// The saved scenario that holds the scenario of link `link`: of several holding the same
/// figures, the one last saved or opened (`last_id`), else the last in the list.
pub fn matching_saved<'a>(
    saved: impl Iterator<Item = &'a SavedScenario>,
    link: &str,
    last_id: Option<&str>,
) -> Option<&'a SavedScenario> {
    saved
        .filter(|s| s.share == link)
        .max_by_key(|s| Some(s.id.as_str()) == last_id)
}

/// The name a scenario saved without one gets: `方案 3`, `Scenario 3`.
pub fn default_name(count: usize, lang: Lang) -> String {
    fill(
        lang,
        "scenarios.default-name",
        &[("n", &(count + 1).to_string())],
    )
}

/// The name of a copy: `name（副本）`, `name (copy)`, cut to fit [`MAX_NAME_CHARS`].
pub fn copy_name(name: &str, lang: Lang) -> String {
    let suffix_len = fill(lang, "scenarios.copy-name", &[("name", "")])
        .chars()
        .count();
    let room = MAX_NAME_CHARS.saturating_sub(suffix_len);
    let base: String = name.chars().take(room).collect();
    fill(lang, "scenarios.copy-name", &[("name", &base)])
}

/// What the last download or import did, said in the language on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportStatus {
    /// This file was offered for download.
    Downloaded(String),
    /// A download could not be started.
    DownloadFailed,
    /// This file could not be imported (the notice says why).
    ImportFailed(String),
    /// A scenario was imported.
    Imported {
        /// The scenario's name.
        name: String,
        /// The file it was read from.
        file: String,
        /// Whether the file was made for a dataset of the same title as the one on screen.
        same_title: bool,
    },
}

impl ExportStatus {
    /// The status in words.
    pub fn words(&self, lang: Lang) -> String {
        match self {
            ExportStatus::Downloaded(file) => fill(lang, "exports.downloaded", &[("file", file)]),
            ExportStatus::DownloadFailed => text(lang, "exports.download-failed"),
            ExportStatus::ImportFailed(file) => {
                fill(lang, "exports.import-failed-status", &[("file", file)])
            }
            ExportStatus::Imported {
                name,
                file,
                same_title,
            } => fill(
                lang,
                if *same_title {
                    "exports.imported"
                } else {
                    "exports.imported-other-title"
                },
                &[("name", name), ("file", file)],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_is_worded_in_the_language_asked_for() {
        let status = PanelStatus::CannotOpen {
            name: "贷款加倍".into(),
            error: LinkError::UnknownStream { id: "x".into() },
        };
        let en = status.words(Lang::En);
        let zh = status.words(Lang::ZhHans);
        assert!(en.contains("贷款加倍") && en.contains("“x”"));
        assert!(!en.contains("无法"), "{en}");
        assert!(zh.starts_with("无法打开“贷款加倍”"), "{zh}");
        assert!(status.is_error());
        assert!(!PanelStatus::Saved("a".into()).is_error());
        assert_ne!(
            PanelStatus::NotSaved { quota: true }.words(Lang::En),
            PanelStatus::NotSaved { quota: false }.words(Lang::En)
        );
    }

    #[test]
    fn the_current_name_and_the_files_own_name() {
        let imported = CurrentName::Imported("More loans".into());
        assert_eq!(imported.own(Lang::En), "More loans");
        assert!(imported.label(Lang::En).starts_with("More loans ("));
        assert_eq!(CurrentName::Unsaved.own(Lang::ZhHans), "");
        assert_eq!(CurrentName::Unsaved.label(Lang::ZhHans), "未保存的方案");
        assert_eq!(default_name(2, Lang::ZhHans), "方案 3");
    }

    fn saved(id: &str, name: &str, share: &str) -> SavedScenario {
        SavedScenario {
            id: id.into(),
            name: name.into(),
            saved_at: 0,
            share: share.into(),
            extra: Default::default(),
        }
    }

    #[test]
    fn the_saved_scenario_on_screen_is_the_one_last_used() {
        let list = [
            saved("s1", "A", "v1;m=f"),
            saved("s2", "B", "v1;m=f"),
            saved("s3", "C", "v1;s=1"),
        ];
        let id = |found: Option<&SavedScenario>| found.map(|s| s.id.clone());
        assert_eq!(
            id(matching_saved(list.iter(), "v1;m=f", Some("s1"))),
            Some("s1".into())
        );
        // Without the last one used among them, the last in the list.
        assert_eq!(
            id(matching_saved(list.iter(), "v1;m=f", Some("s3"))),
            Some("s2".into())
        );
        assert_eq!(
            id(matching_saved(list.iter(), "v1;m=f", None)),
            Some("s2".into())
        );
        assert_eq!(id(matching_saved(list.iter(), "v1", Some("s1"))), None);
    }

    #[test]
    fn the_baseline_then_a_saved_name_then_a_given_one() {
        let of = CurrentName::of;
        assert_eq!(of("v1", "v1", Some("A"), Some("B")), CurrentName::Baseline);
        assert_eq!(
            of("v1;m=f", "v1", Some("A"), Some("B")),
            CurrentName::Saved("A".into())
        );
        assert_eq!(
            of("v1;m=f", "v1", None, Some("B")),
            CurrentName::Imported("B".into())
        );
        assert_eq!(of("v1;m=f", "v1", None, None), CurrentName::Unsaved);
    }

    #[test]
    fn a_copys_name_fits_the_limit() {
        let long = "名".repeat(MAX_NAME_CHARS);
        let copy = copy_name(&long, Lang::ZhHans);
        assert_eq!(copy.chars().count(), MAX_NAME_CHARS);
        assert!(copy.ends_with("（副本）"));
        assert_eq!(copy_name("A", Lang::En), "A (copy)");
    }
}
