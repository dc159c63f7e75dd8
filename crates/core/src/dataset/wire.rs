//! A dataset as its file writes it: each stream names its kind and agency by id.

use serde::{Serialize, Serializer};

use super::{Agency, Dataset, Kind, Localized, Source, Status, Stream, Units};

/// The file's top level, borrowed from the dataset; fields in the file's order.
#[derive(Serialize)]
struct DatasetFile<'d> {
    format: u32,
    title: &'d Localized,
    summary: &'d Localized,
    source: &'d Source,
    currency: &'d str,
    kinds: &'d [Kind],
    agencies: &'d [Agency],
    streams: Vec<StreamFile<'d>>,
}

/// One stream of the file.
#[derive(Serialize)]
struct StreamFile<'d> {
    id: &'d str,
    name: &'d Localized,
    kind: &'d str,
    agency: &'d str,
    amount: Option<i64>,
    status: Status,
    quote: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    units: Option<&'d Units>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'d str>,
}

impl Serialize for Dataset {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Taken apart field by field, so that a field added to the types must be written too.
        let Dataset {
            format,
            title,
            summary,
            source,
            currency,
            kinds,
            agencies,
            streams,
        } = self;
        DatasetFile {
            format: *format,
            title,
            summary,
            source,
            currency,
            kinds,
            agencies,
            streams: streams.iter().map(|s| self.stream_file(s)).collect(),
        }
        .serialize(serializer)
    }
}

impl Dataset {
    fn stream_file<'d>(&'d self, stream: &'d Stream) -> StreamFile<'d> {
        let Stream {
            id,
            name,
            kind,
            agency,
            amount,
            status,
            quote,
            units,
            note,
        } = stream;
        StreamFile {
            id,
            name,
            kind: self.kinds.get(*kind).map_or("", |k| &k.id),
            agency: self.agencies.get(*agency).map_or("", |a| &a.id),
            amount: *amount,
            status: *status,
            quote,
            units: units.as_ref(),
            note: note.as_deref(),
        }
    }
}
