//! The dataset format, field by field: what each object holds and how it is checked.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::dataset::{
    Agency, Dataset, FORMAT_VERSION, Kind, Localized, Source, Status, Stream, Units,
};

use super::walker::{Walker, child};
use super::{MAX_AGENCIES, MAX_KINDS, MAX_STREAMS, ProblemKind};

impl Walker {
    /// A kind or an agency: an id and a name.
    fn named<T: Named>(&mut self, value: &Value, path: &str) -> Option<T> {
        let map = self.object(value, path, &["id", "name"])?;
        let id = self.required(map, path, "id", Self::id);
        let name = self.required(map, path, "name", Self::localized);
        Some(T::new(id?, name?))
    }

    /// The list of kinds or of agencies at `field`, refused with `limit.1` when longer than
    /// `limit.0`.
    fn named_list<T: Named>(
        &mut self,
        map: &Map<String, Value>,
        field: &'static str,
        limit: (usize, ProblemKind),
    ) -> Option<Vec<T>> {
        self.list(map, field, limit, Self::named::<T>)
    }

    /// A stream's reference to a kind or an agency at `path.field`: the index of the id it
    /// names, reported as `unknown` when `known` lacks it. Without `known` (the list is broken
    /// itself) there is nothing to resolve against, and no reference is called unknown.
    fn reference(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        field: &'static str,
        known: Option<&Ids<'_>>,
        unknown: fn(String) -> ProblemKind,
    ) -> Option<usize> {
        let ref_path = child(path, field);
        let id = self
            .field(map, path, field)
            .and_then(|v| self.string(v, &ref_path))?;
        let index = known?.get(id.as_str()).copied();
        if index.is_none() {
            self.report(&ref_path, unknown(id));
        }
        index
    }

    fn units(&mut self, value: &Value, path: &str) -> Option<Units> {
        let map = self.object(value, path, &["count", "label", "quote"])?;
        let count_path = child(path, "count");
        let count = self
            .field(map, path, "count")
            .and_then(|v| match v.as_u64() {
                Some(0) => {
                    self.report(&count_path, ProblemKind::ZeroUnits);
                    None
                }
                Some(count) => Some(count),
                None => {
                    self.wrong_type(&count_path, "whole number", v);
                    None
                }
            });
        let label = self.required(map, path, "label", Self::localized);
        let quote = self.optional(map, path, "quote", Self::text);
        Some(Units {
            count: count?,
            label: label?,
            quote: quote?,
        })
    }

    fn stream(
        &mut self,
        value: &Value,
        path: &str,
        kinds: Option<&Ids<'_>>,
        agencies: Option<&Ids<'_>>,
    ) -> Option<Stream> {
        const FIELDS: [&str; 9] = [
            "id", "name", "kind", "agency", "amount", "status", "quote", "units", "note",
        ];
        let map = self.object(value, path, &FIELDS)?;
        let id = self.required(map, path, "id", Self::id);
        let name = self.required(map, path, "name", Self::localized);
        let kind = self.reference(map, path, "kind", kinds, |id| ProblemKind::UnknownKind {
            id,
        });
        let agency = self.reference(map, path, "agency", agencies, |id| {
            ProblemKind::UnknownAgency { id }
        });
        let amount = self.required(map, path, "amount", Self::amount);
        let status_path = child(path, "status");
        let status = self.field(map, path, "status").and_then(|v| {
            let word = self.string(v, &status_path)?;
            let status = Status::from_key(&word);
            if status.is_none() {
                self.report(&status_path, ProblemKind::UnknownStatus { found: word });
            }
            status
        });
        let quote = self.required(map, path, "quote", |w, v, p| match v {
            Value::String(empty) if w.rules.source_optional && empty.trim().is_empty() => {
                Some(String::new())
            }
            v => w.text(v, p),
        });
        let units = self.optional(map, path, "units", Self::units);
        let note = self.optional(map, path, "note", Self::text);
        Some(Stream {
            id: id?,
            name: name?,
            kind: kind?,
            agency: agency?,
            amount: amount?,
            status: status?,
            quote: quote?,
            units: units?,
            note: note?,
        })
    }

    fn source(&mut self, value: &Value, path: &str) -> Option<Source> {
        let map = self.object(value, path, &["title", "publisher", "url"])?;
        let title = self.required(map, path, "title", Self::sourcing);
        let publisher = self.required(map, path, "publisher", Self::sourcing);
        let url = self.optional(map, path, "url", Self::text);
        Some(Source {
            title: title?,
            publisher: publisher?,
            url: url?,
        })
    }

    pub(super) fn dataset(&mut self, value: &Value) -> Option<Dataset> {
        const FIELDS: [&str; 8] = [
            "format", "title", "summary", "source", "currency", "kinds", "agencies", "streams",
        ];
        let map = self.object(value, "", &FIELDS)?;
        let format = self
            .field(map, "", "format")
            .and_then(|v| match v.as_u64() {
                Some(n) if n == u64::from(FORMAT_VERSION) => Some(FORMAT_VERSION),
                // `"1"` is the right version written as text: say so, not "version "1"".
                _ if !v.is_number() => {
                    self.wrong_type("format", "number", v);
                    None
                }
                _ => {
                    self.report(
                        "format",
                        ProblemKind::UnsupportedFormat {
                            found: v.to_string(),
                        },
                    );
                    None
                }
            });
        let title = self.required(map, "", "title", Self::sourcing);
        // Optional; `{}` is how a dataset without one is written out. A bad summary must not
        // stop the walk (the fields after it still get checked).
        let summary = match map.get("summary") {
            Some(Value::Object(empty)) if empty.is_empty() => Some(Localized::default()),
            Some(v) => self.localized(v, "summary"),
            None => Some(Localized::default()),
        };
        let source = self.required(map, "", "source", Self::source);
        let currency = self.field(map, "", "currency").and_then(|v| {
            let code = self.string(v, "currency")?;
            if code != "CNY" {
                self.report("currency", ProblemKind::UnsupportedCurrency { found: code });
                return None;
            }
            Some(code)
        });
        let kinds: Option<Vec<Kind>> =
            self.named_list(map, "kinds", (MAX_KINDS, ProblemKind::TooManyKinds));
        let agencies: Option<Vec<Agency>> = self.named_list(
            map,
            "agencies",
            (MAX_AGENCIES, ProblemKind::TooManyAgencies),
        );
        // Resolved here once: after validation no code looks an id up.
        let kind_ids = kinds.as_deref().map(ids);
        let agency_ids = agencies.as_deref().map(ids);
        let streams = self.list(
            map,
            "streams",
            (MAX_STREAMS, ProblemKind::TooManyStreams),
            |w, v, p| w.stream(v, p, kind_ids.as_ref(), agency_ids.as_ref()),
        );
        Some(Dataset {
            format: format?,
            title: title?,
            summary: summary?,
            source: source?,
            currency: currency?,
            kinds: kinds?,
            agencies: agencies?,
            streams: streams?,
        })
    }
}

/// What a kind and an agency have in common: an id that streams refer to, and a name.
trait Named {
    fn new(id: String, name: Localized) -> Self;
    fn id(&self) -> &str;
}

impl Named for Kind {
    fn new(id: String, name: Localized) -> Self {
        Kind { id, name }
    }

    fn id(&self) -> &str {
        &self.id
    }
}

impl Named for Agency {
    fn new(id: String, name: Localized) -> Self {
        Agency { id, name }
    }

    fn id(&self) -> &str {
        &self.id
    }
}

/// Each id of a list of kinds or agencies and its index in the list.
type Ids<'v> = HashMap<&'v str, usize>;

/// The ids of `list`, a repeated one at its first index (the repeat is reported as such).
fn ids<T: Named>(list: &[T]) -> Ids<'_> {
    let mut ids = HashMap::with_capacity(list.len());
    for (index, item) in list.iter().enumerate() {
        ids.entry(item.id()).or_insert(index);
    }
    ids
}
