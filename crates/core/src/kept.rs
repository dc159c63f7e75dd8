//! A dataset a planner loaded, kept in the browser (IndexedDB) so that it opens again after a
//! reload: its text as read (UTF-8), its name and when it was loaded. It is read again by the
//! same reader each time, so that a kept file is held to the rules of the build reading it.

use serde::{Deserialize, Serialize};

use crate::csv_import::{Blanks, named, parse_csv_with, parse_pasted_with};
use crate::dataset::Dataset;
use crate::validate::parse_dataset;

/// How the kept text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeptFormat {
    /// A JSON dataset file.
    Json,
    /// A CSV file.
    Csv,
    /// Rows pasted from a spreadsheet.
    Pasted,
}

/// A kept dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeptDataset {
    /// The file's name (or the pasted table's).
    pub name: String,
    /// When it was loaded, in milliseconds since 1970 (the browser's clock).
    pub loaded_at: f64,
    /// How to read `text`.
    pub format: KeptFormat,
    /// The text as read.
    pub text: String,
    /// How a table's blanks below merged cells were read (records before this field: as
    /// written).
    #[serde(default, skip_serializing_if = "is_as_written")]
    pub blanks: Blanks,
}

fn is_as_written(blanks: &Blanks) -> bool {
    *blanks == Blanks::AsWritten
}

impl KeptDataset {
    /// The record as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored record; `None` when it is not one (another build's, or damaged).
    pub fn from_json(text: &str) -> Option<KeptDataset> {
        serde_json::from_str(text).ok()
    }

    /// The dataset, read again; `None` when this build no longer reads it.
    pub fn dataset(&self) -> Option<Dataset> {
        let dataset = match self.format {
            KeptFormat::Json => parse_dataset(self.text.as_bytes()).ok()?.dataset,
            KeptFormat::Csv => {
                parse_csv_with(self.text.as_bytes(), self.blanks)
                    .ok()?
                    .dataset
            }
            KeptFormat::Pasted => parse_pasted_with(&self.text, self.blanks).ok()?.dataset,
        };
        Some(named(dataset, &self.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_table_reads_again_with_its_name() {
        let kept = KeptDataset {
            name: "马边县.csv".into(),
            loaded_at: 1_765_000_000_000.0,
            format: KeptFormat::Csv,
            text: "项目名称,主管部门,类别,金额（万元）,状态\n贷款,人社局,贷款,273,已落实\n".into(),
            blanks: Blanks::AsWritten,
        };
        let again = KeptDataset::from_json(&kept.to_json()).expect("reads back");
        assert_eq!(again, kept);
        let dataset = again.dataset().expect("still valid");
        assert_eq!(dataset.title.zh_hans.as_deref(), Some("马边县"));
        assert_eq!(dataset.streams[0].amount, Some(2_730_000));
        let pasted = KeptDataset {
            format: KeptFormat::Pasted,
            text: kept.text.replace(',', "\t"),
            ..kept.clone()
        };
        assert_eq!(pasted.dataset().map(|d| d.streams.len()), Some(1));
        let broken = KeptDataset {
            text: "id\n".into(),
            ..kept
        };
        assert_eq!(broken.dataset(), None);
        assert_eq!(KeptDataset::from_json("{\"name\":1}"), None);
    }

    #[test]
    fn a_table_kept_filled_down_reads_again_filled() {
        let kept = KeptDataset {
            name: "马边县.csv".into(),
            loaded_at: 1_765_000_000_000.0,
            format: KeptFormat::Csv,
            text: "项目名称,主管部门,类别,金额（万元）,状态\n贷款,人社局,贷款,273,已落实\n补贴,,补贴,10,已落实\n".into(),
            blanks: Blanks::FilledDown,
        };
        let json = kept.to_json();
        assert!(json.contains("\"blanks\":\"filled-down\""), "{json}");
        let again = KeptDataset::from_json(&json).expect("reads back");
        assert_eq!(again.dataset().map(|d| d.streams.len()), Some(2));
        let as_written = KeptDataset {
            blanks: Blanks::AsWritten,
            ..kept
        };
        assert!(
            !as_written.to_json().contains("blanks"),
            "older records are unchanged"
        );
        assert_eq!(as_written.dataset(), None);
    }
}
