//! The rows made into a dataset tree ([`serde_json::Value`]) for the dataset check, the place
//! of each value noted as it is made.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::cells::{other_word, read_amount, status_key};
use super::columns::{COLUMNS, Column, Field, LANGS, Unit, by_header, column, columns_of};
use super::place::Places;
use super::problems::{CsvProblem, CsvProblemKind};
use super::simple;
use crate::csv::{Record, unneutralise};
use crate::dataset::Status;
use crate::validate::{ProblemKind, Severity};

/// A text given by one of several rows, with the row that first gave it.
type Inherited = Option<(String, usize)>;

/// A kind or an agency made from the rows.
struct Group {
    id: String,
    row: usize,
    names: [Inherited; 3],
}

/// The table being read.
#[derive(Default)]
pub(super) struct Table {
    pub problems: Vec<CsvProblem>,
    /// Each column the records have, at its index (from 0).
    pub columns: HashMap<Column, usize>,
    /// Each column's place in the file (from 0), and its header as the file writes it: the
    /// same as `columns` but for a table in the simple layout.
    pub located: HashMap<Column, usize>,
    pub written: HashMap<Column, String>,
    /// The unit of a plain number in the amount column.
    pub unit: Unit,
    /// True for a table in the simple layout (a county's own figures).
    pub simple: bool,
    /// The unit a title row above the header states (`单位：万元`).
    pub title_unit: Option<Unit>,
    pub places: Places,
}

/// The texts in each language of one value, as a dataset text object. Inserted one by one:
/// collecting into the map would sort, and link another copy of the standard sort into the
/// WebAssembly build.
fn localized(slots: &[Inherited; 3]) -> Value {
    let mut map = Map::new();
    for (slot, lang) in slots.iter().zip(LANGS) {
        if let Some((text, _)) = slot {
            map.insert(lang.tag().to_owned(), Value::from(text.as_str()));
        }
    }
    Value::Object(map)
}

impl Table {
    fn error(&mut self, row: Option<usize>, column: Option<Column>, kind: CsvProblemKind) {
        let index = column.and_then(|c| self.located.get(&c)).map(|c| c + 1);
        self.problems.push(CsvProblem {
            severity: Severity::Error,
            row,
            column: index,
            header: column.map(|c| self.header_of(c)),
            path: String::new(),
            kind,
        });
    }

    /// A column's header as the file writes it, or as the full layout names it.
    pub fn header_of(&self, column: Column) -> String {
        self.written
            .get(&column)
            .cloned()
            .unwrap_or_else(|| column.name.to_owned())
    }

    fn header_error(&mut self, row: usize, index: usize, raw: &str, kind: CsvProblemKind) {
        self.problems.push(CsvProblem {
            severity: Severity::Error,
            row: Some(row),
            column: Some(index + 1),
            header: Some(raw.to_owned()),
            path: String::new(),
            kind,
        });
    }

    /// Reads the header: the columns it names, and its problems. A repeated column is read
    /// from its first place; an unknown one is left out.
    fn header(&mut self, records: &[Record]) {
        let header = records.first().map_or(&[][..], |r| &r.cells[..]);
        let row = records.first().map_or(1, |r| r.row);
        for (index, raw) in header.iter().enumerate() {
            if raw.trim().is_empty() {
                let used = records
                    .iter()
                    .skip(1)
                    .any(|r| r.cells.get(index).is_some_and(|c| !c.trim().is_empty()));
                if !used {
                    continue;
                }
            }
            match by_header(raw) {
                Some(column) if self.columns.contains_key(&column) => {
                    let name = raw.trim().to_owned();
                    self.header_error(row, index, raw, CsvProblemKind::DuplicateHeader { name });
                }
                Some(column) => {
                    self.columns.insert(column, index);
                    if !self.simple {
                        self.located.insert(column, index);
                    }
                }
                None => {
                    let name = raw.trim().chars().take(64).collect();
                    self.header_error(row, index, raw, CsvProblemKind::UnknownHeader { name });
                }
            }
        }
        for column in COLUMNS.into_iter().filter(|c| c.field.is_required()) {
            if !self.columns.contains_key(&column) {
                let kind = CsvProblemKind::MissingColumn { name: column.name };
                self.error(Some(row), Some(column), kind);
            }
        }
    }

    /// Keeps the first non-empty text of a cell given on several rows; a different one later
    /// is a conflict.
    fn inherit(&mut self, slot: &mut Inherited, value: &str, row: usize, column: Column) {
        match slot {
            _ if value.is_empty() => {}
            None => *slot = Some((value.to_owned(), row)),
            Some((first, first_row)) if first != value => {
                let first_row = *first_row;
                self.error(
                    Some(row),
                    Some(column),
                    CsvProblemKind::Conflict { first_row },
                );
            }
            Some(_) => {}
        }
    }

    /// Turns the records into a dataset tree; `None` when there is none to check.
    pub fn build(&mut self, records: &[Record]) -> Option<Value> {
        let header = records.first().map_or(&[][..], |r| &r.cells[..]);
        let rewritten;
        let records = if simple::is_simple(header) {
            rewritten = simple::rewrite(records, self.title_unit);
            self.simple = true;
            self.located = rewritten.located.clone();
            self.written = rewritten.written.clone();
            self.unit = rewritten.unit;
            // Problems of the header do not stop the rows from being checked.
            self.problems.extend(rewritten.problems.iter().cloned());
            &rewritten.records
        } else {
            records
        };
        self.header(records);
        let width = records.first().map_or(0, |r| r.cells.len());
        let columns = self.columns.clone();
        let has = |c: Column| columns.contains_key(&c);
        let mut kinds: Vec<Group> = Vec::new();
        let mut agencies: Vec<Group> = Vec::new();
        let mut programme: HashMap<Column, Inherited> = HashMap::new();
        let mut streams: Vec<Value> = Vec::new();
        // A county's status words the cards show in others, in the order first written.
        let mut status_words: Vec<(String, Status)> = Vec::new();

        for record in records.iter().skip(1) {
            if record.cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let row = record.row;
            if record.cells.len() != width {
                let kind = CsvProblemKind::WrongCellCount {
                    expected: width,
                    found: record.cells.len(),
                };
                self.error(Some(row), None, kind);
                continue;
            }
            let cell = |c: Column| -> &str {
                columns
                    .get(&c)
                    .and_then(|i| record.cells.get(*i))
                    .map_or("", |c| unneutralise(c.trim()))
            };
            let one = |field: Field| cell(column(field, None));
            let texts = |field: Field| -> [Inherited; 3] {
                LANGS.map(|lang| {
                    let text = cell(column(field, Some(lang)));
                    (!text.is_empty()).then(|| (text.to_owned(), row))
                })
            };

            for (groups, field, name) in [
                (&mut kinds, Field::Kind, Field::KindName),
                (&mut agencies, Field::Agency, Field::AgencyName),
            ] {
                let group_id = one(field);
                let index = match groups.iter().position(|g| g.id == group_id) {
                    Some(index) => index,
                    None => {
                        groups.push(Group {
                            id: group_id.to_owned(),
                            row,
                            names: [None, None, None],
                        });
                        groups.len() - 1
                    }
                };
                for (lang, name_column) in columns_of(name).enumerate() {
                    let mut slot = groups[index].names[lang].take();
                    self.inherit(&mut slot, cell(name_column), row, name_column);
                    groups[index].names[lang] = slot;
                }
            }
            for column in COLUMNS.into_iter().filter(|c| c.field.is_programme()) {
                let mut slot = programme.remove(&column).flatten();
                self.inherit(&mut slot, cell(column), row, column);
                programme.insert(column, slot);
            }

            let path = format!("streams[{}]", streams.len());
            let mut note = |field: Field, at: &str| {
                self.places
                    .note(format!("{path}.{at}"), Some(row), column(field, None));
            };
            for (field, at) in [
                (Field::Id, "id"),
                (Field::Kind, "kind"),
                (Field::Agency, "agency"),
                (Field::Amount, "amount"),
                (Field::Status, "status"),
                (Field::Quote, "quote"),
                (Field::UnitsCount, "units"),
                (Field::UnitsCount, "units.count"),
                (Field::UnitsQuote, "units.quote"),
                (Field::Note, "note"),
            ] {
                note(field, at);
            }
            self.places
                .note_text(&format!("{path}.name"), Some(row), Field::Name, has);
            self.places.note_text(
                &format!("{path}.units.label"),
                Some(row),
                Field::UnitsLabel,
                has,
            );

            let mut stream = Map::new();
            stream.insert("id".into(), Value::from(one(Field::Id)));
            stream.insert("name".into(), localized(&texts(Field::Name)));
            stream.insert("kind".into(), Value::from(one(Field::Kind)));
            stream.insert("agency".into(), Value::from(one(Field::Agency)));
            let amount = match read_amount(one(Field::Amount), self.unit) {
                Ok(amount) => amount,
                Err(kind) => {
                    let at = column(Field::Amount, None);
                    let kind = match kind {
                        ProblemKind::NotAnAmount => CsvProblemKind::NotAnAmount { unit: self.unit },
                        kind => CsvProblemKind::Dataset(kind),
                    };
                    self.error(Some(row), Some(at), kind);
                    Value::Null
                }
            };
            stream.insert("amount".into(), amount);
            let written = one(Field::Status);
            if let Some(status) = other_word(written).filter(|_| self.simple)
                && !status_words.iter().any(|(w, _)| w == written)
            {
                status_words.push((written.to_owned(), status));
            }
            let status = status_key(written);
            stream.insert("status".into(), Value::from(status));
            stream.insert("quote".into(), Value::from(one(Field::Quote)));
            let label = texts(Field::UnitsLabel);
            let (count, quote) = (one(Field::UnitsCount), one(Field::UnitsQuote));
            if !count.is_empty() || !quote.is_empty() || label.iter().any(Option::is_some) {
                let mut units = Map::new();
                if !count.is_empty() {
                    let count = count
                        .parse::<u64>()
                        .map_or_else(|_| Value::from(count), Value::from);
                    units.insert("count".into(), count);
                }
                units.insert("label".into(), localized(&label));
                if !quote.is_empty() {
                    units.insert("quote".into(), Value::from(quote));
                }
                stream.insert("units".into(), Value::Object(units));
            }
            let remark = one(Field::Note);
            if !remark.trim().is_empty() {
                stream.insert("note".into(), Value::from(remark));
            }
            streams.push(Value::Object(stream));
        }
        if !status_words.is_empty() {
            let at = column(Field::Status, None);
            self.problems.push(CsvProblem {
                severity: Severity::Warning,
                row: None,
                column: self.located.get(&at).map(|c| c + 1),
                header: Some(self.header_of(at)),
                path: String::new(),
                kind: CsvProblemKind::StatusWords {
                    words: status_words,
                },
            });
        }
        if streams.is_empty() {
            if self.problems.is_empty() {
                self.error(None, None, CsvProblemKind::NoStreams);
            }
            return None;
        }
        Some(self.tree(streams, &kinds, &agencies, &programme))
    }

    /// The dataset tree around the streams, the places of the programme's values noted.
    fn tree(
        &mut self,
        streams: Vec<Value>,
        kinds: &[Group],
        agencies: &[Group],
        programme: &HashMap<Column, Inherited>,
    ) -> Value {
        let columns = &self.columns;
        let has = |c: Column| columns.contains_key(&c);
        let mut groups = |list: &str, groups: &[Group], field: Field, name: Field| -> Value {
            let mut values = Vec::new();
            for (index, group) in groups.iter().enumerate() {
                let path = format!("{list}[{index}]");
                let row = Some(group.row);
                self.places
                    .note(format!("{path}.id"), row, column(field, None));
                self.places
                    .note_text(&format!("{path}.name"), row, name, has);
                let mut map = Map::new();
                map.insert("id".into(), Value::from(group.id.as_str()));
                map.insert("name".into(), localized(&group.names));
                values.push(Value::Object(map));
            }
            Value::Array(values)
        };
        let kinds = groups("kinds", kinds, Field::Kind, Field::KindName);
        let agencies = groups("agencies", agencies, Field::Agency, Field::AgencyName);
        let given = |field: Field| -> [Inherited; 3] {
            LANGS.map(|lang| programme.get(&column(field, Some(lang))).cloned().flatten())
        };
        let single = |field: Field| programme.get(&column(field, None)).cloned().flatten();
        for (field, path) in [
            (Field::Title, "title"),
            (Field::Summary, "summary"),
            (Field::SourceTitle, "source.title"),
            (Field::Publisher, "source.publisher"),
        ] {
            let row = given(field).iter().flatten().map(|(_, r)| *r).min();
            self.places.note_text(path, row, field, has);
        }
        for (field, path) in [
            (Field::SourceUrl, "source.url"),
            (Field::Currency, "currency"),
        ] {
            let row = single(field).map(|(_, r)| r);
            self.places.note(path.to_owned(), row, column(field, None));
        }

        let mut source = Map::new();
        source.insert("title".into(), localized(&given(Field::SourceTitle)));
        source.insert("publisher".into(), localized(&given(Field::Publisher)));
        if let Some((url, _)) = single(Field::SourceUrl) {
            source.insert("url".into(), Value::from(url));
        }
        let mut dataset = Map::new();
        dataset.insert("format".into(), Value::from(1));
        dataset.insert("title".into(), localized(&given(Field::Title)));
        let summary = given(Field::Summary);
        if summary.iter().any(Option::is_some) {
            dataset.insert("summary".into(), localized(&summary));
        }
        dataset.insert("source".into(), Value::Object(source));
        let currency = single(Field::Currency).map_or_else(|| "CNY".to_owned(), |(c, _)| c);
        dataset.insert("currency".into(), Value::from(currency));
        dataset.insert("kinds".into(), kinds);
        dataset.insert("agencies".into(), agencies);
        dataset.insert("streams".into(), Value::Array(streams));
        Value::Object(dataset)
    }
}
