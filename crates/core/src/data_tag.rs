//! Which dataset a saved scenario belongs to: the built-in one, or a dataset a planner loaded
//! (named by its file, and told apart by a digest of its contents, so that a file of the same
//! name with other figures is not taken for it).
//!
//! A saved record names its dataset in a `dataset` field, `{"name": "马边县.csv", "digest":
//! "fnv1a64:…"}`; a record without one (every record written before datasets were named)
//! belongs to the built-in data. Builds that do not know the field keep it as it is.

use serde_json::{Map, Value};

use crate::dataset::Dataset;

/// The field of a saved record that names its dataset.
pub const FIELD: &str = "dataset";

/// The longest dataset name kept in a record, in characters (a file's name or a URL).
pub const MAX_DATA_NAME_CHARS: usize = 500;

/// The dataset a scenario belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataTag {
    /// The explorer's built-in data.
    BuiltIn,
    /// A dataset loaded from a file, pasted rows or an address.
    Loaded {
        /// The file's name or the address, as the page header shows it.
        name: String,
        /// [`digest`] of the dataset.
        digest: String,
    },
}

impl DataTag {
    /// The tag of `dataset`, shown as `name`: built-in when it is `built_in`.
    pub fn of(dataset: &Dataset, name: &str, built_in: &Dataset) -> DataTag {
        if dataset == built_in {
            DataTag::BuiltIn
        } else {
            DataTag::Loaded {
                name: name.chars().take(MAX_DATA_NAME_CHARS).collect(),
                digest: digest(dataset),
            }
        }
    }

    /// Whether a scenario saved on `self` belongs to the dataset tagged `other` (the same
    /// figures: a loaded dataset's name may differ).
    pub fn same_data(&self, other: &DataTag) -> bool {
        match (self, other) {
            (DataTag::BuiltIn, DataTag::BuiltIn) => true,
            (DataTag::Loaded { digest: a, .. }, DataTag::Loaded { digest: b, .. }) => a == b,
            _ => false,
        }
    }

    /// The record's fields that say it: none for the built-in data, as records were written
    /// before datasets were named.
    pub fn fields(&self) -> Map<String, Value> {
        let mut fields = Map::new();
        if let DataTag::Loaded { name, digest } = self {
            let mut tag = Map::new();
            tag.insert("name".into(), Value::from(name.as_str()));
            tag.insert("digest".into(), Value::from(digest.as_str()));
            fields.insert(FIELD.into(), Value::Object(tag));
        }
        fields
    }

    /// The tag a saved record's `fields` hold; `None` when they name a dataset in a way this
    /// build cannot read (then the scenario is tried on the data on screen, as before datasets
    /// were named).
    pub fn from_fields(fields: &Map<String, Value>) -> Option<DataTag> {
        let Some(tag) = fields.get(FIELD) else {
            return Some(DataTag::BuiltIn);
        };
        let text = |field: &str| tag.get(field).and_then(Value::as_str).map(str::to_owned);
        Some(DataTag::Loaded {
            name: text("name")?,
            digest: text("digest")?,
        })
    }
}

/// A digest of `dataset`'s contents: FNV-1a (64 bits) of its JSON form, in hex. It tells
/// datasets apart; it is no protection against a forged file.
pub fn digest(dataset: &Dataset) -> String {
    let json = serde_json::to_string(dataset).unwrap_or_default();
    format!("fnv1a64:{:016x}", fnv1a64(json.as_bytes()))
}

/// FNV-1a, 64 bits: a quick fingerprint that tells texts apart (not against a forger).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::saved::{SavedScenario, Store};
    use crate::validate::parse_dataset;

    fn muchuan() -> Dataset {
        parse_dataset(crate::MUCHUAN_JSON.as_bytes())
            .expect("valid")
            .dataset
    }

    /// Saved scenarios on loaded data find it by this digest: the JSON it hashes must not
    /// change, or records kept in people's browsers lose their data.
    #[test]
    fn the_digest_stays_what_browsers_have_stored() {
        let text = r#"{"format":1,"title":{"en":"T"},"source":{"title":{"en":"A"},
            "publisher":{"en":"P"}},"currency":"CNY",
            "kinds":[{"id":"tech","name":{"en":"Tech"}},{"id":"loans","name":{"zh-Hans":"贷款"}}],
            "agencies":[{"id":"hr","name":{"en":"HR"}},{"id":"fin","name":{"en":"Finance"}}],
            "streams":[
              {"id":"a","name":{"en":"A"},"kind":"loans","agency":"fin","amount":5,
               "status":"sought","quote":"q","note":"n"},
              {"id":"b","name":{"en":"B"},"kind":"tech","agency":"hr","amount":null,
               "status":"secured","quote":"r","units":{"count":2,"label":{"en":"p"}}}]}"#;
        let dataset = parse_dataset(text.as_bytes()).expect("valid").dataset;
        assert_eq!(digest(&dataset), "fnv1a64:3c30d1bf07f8da76");
    }

    #[test]
    fn a_record_without_a_dataset_belongs_to_the_built_in_data() {
        let built_in = muchuan();
        let mut other = built_in.clone();
        other.streams[0].amount = Some(1);
        let tag = DataTag::of(&other, "马边县.csv", &built_in);
        assert_eq!(
            DataTag::of(&built_in, "x.json", &built_in),
            DataTag::BuiltIn
        );
        let DataTag::Loaded { name, digest: d } = &tag else {
            panic!("{tag:?}")
        };
        assert_eq!(name, "马边县.csv");
        assert_eq!(d, &digest(&other));
        assert_ne!(digest(&other), digest(&built_in));
        assert!(tag.same_data(&DataTag::Loaded {
            name: "renamed.csv".into(),
            digest: d.clone()
        }));
        assert!(!tag.same_data(&DataTag::BuiltIn));

        // An old record, a new one on loaded data, and one whose tag cannot be read.
        let text = r#"{"version":1,"scenarios":[
            {"id":"s1","name":"old","saved_at":1,"share":"v1"},
            {"id":"s2","name":"bad tag","saved_at":1,"share":"v1","dataset":7}]}"#;
        let store = Store::parse(text).expect("reads");
        let (store, id) = store.add_for("county", 2, "v1", &tag).expect("adds");
        let again = Store::parse(&store.to_json()).expect("reads again");
        assert_eq!(again.scenarios[0].data_tag(), Some(DataTag::BuiltIn));
        assert_eq!(again.scenarios[1].data_tag(), None);
        assert_eq!(again.get(&id).and_then(SavedScenario::data_tag), Some(tag));
        let (plain, id) = again.add("built-in", 3, "v1").expect("adds");
        assert_eq!(
            plain.get(&id).and_then(SavedScenario::data_tag),
            Some(DataTag::BuiltIn)
        );
        assert!(!plain.get(&id).is_some_and(|s| s.extra.contains_key(FIELD)));
    }
}
