//! The one JSON reader of datasets, scenario files and the saved store: the tree serde_json
//! builds, except that a key repeated in an object is an error (serde_json keeps the last one
//! silently, so `{"streams": […], "streams": […]}` would drop streams without a word), nesting
//! is bounded below the parser's own limit, and every error is typed and located by line and
//! character column (the parser counts bytes; a person's editor counts characters).

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// The deepest nesting of arrays and objects read; a dataset needs five levels. Below
/// serde_json's own limit (128), so that too deep a text is told apart from a syntax error by
/// type rather than by the parser's message.
pub const MAX_DEPTH: usize = 100;

/// What is wrong with a JSON text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// Not JSON at the place given.
    Syntax,
    /// The text ends in the middle of a value.
    Truncated,
    /// Arrays and objects nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A key given twice in one object.
    DuplicateKey {
        /// The key.
        key: String,
    },
}

/// A JSON text that could not be read, and where: line and column, both from 1, the column
/// in characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong.
    pub kind: JsonErrorKind,
    /// The line.
    pub line: usize,
    /// The column, in characters.
    pub column: usize,
}

/// Reads `text` as one JSON value.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let failure = RefCell::new(None);
    let mut reader = serde_json::Deserializer::from_str(text);
    let read = Seed {
        depth: 0,
        failure: &failure,
    }
    .deserialize(&mut reader)
    .and_then(|value| reader.end().map(|()| value));
    read.map_err(|error| {
        let kind = failure.take().unwrap_or(if error.is_eof() {
            JsonErrorKind::Truncated
        } else {
            JsonErrorKind::Syntax
        });
        let (line, column) = (
            error.line(),
            char_column(text, error.line(), error.column()),
        );
        JsonError { kind, line, column }
    })
}

/// The column in characters of byte column `byte_column` on line `line` (both from 1). The
/// parser gives column 0 for the end of a text that ends with a line break; positions count
/// from 1.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    text.split('\n')
        .nth(line.saturating_sub(1))
        .map_or(byte_column, |line_text| {
            line_text
                .char_indices()
                .take_while(|(index, _)| *index < byte_column)
                .count()
        })
        .max(1)
}

/// Builds the tree one value at a time, at a known depth, recording why it stopped.
struct Seed<'a> {
    depth: usize,
    failure: &'a RefCell<Option<JsonErrorKind>>,
}

impl Seed<'_> {
    fn fail<E: de::Error>(&self, kind: JsonErrorKind) -> E {
        let said = format!("{kind:?}");
        *self.failure.borrow_mut() = Some(kind);
        E::custom(said)
    }

    fn deeper<E: de::Error>(&self) -> Result<Seed<'_>, E> {
        if self.depth >= MAX_DEPTH {
            return Err(self.fail(JsonErrorKind::TooDeep));
        }
        Ok(Seed {
            depth: self.depth + 1,
            failure: self.failure,
        })
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, reader: D) -> Result<Value, D::Error> {
        reader.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        // JSON has no NaN or infinity: the parser gives finite floats only.
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = items.next_element_seed(self.deeper()?)? {
            out.push(item);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = entries.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(self.fail(JsonErrorKind::DuplicateKey { key }));
            }
            let value = entries.next_value_seed(self.deeper()?)?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> Option<JsonError> {
        parse(text).err()
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a":[1,-2,3.5,"四",true,null,{"b":{}}],"big":18446744073709551615}"#;
        let ours = parse(text).expect("valid");
        let theirs: Value = serde_json::from_str(text).expect("valid");
        assert_eq!(ours, theirs);
    }

    #[test]
    fn a_repeated_key_is_located_at_its_second_place() {
        let found = error("{\n  \"format\": 1,\n  \"format\": 2\n}");
        assert_eq!(
            found.as_ref().map(|e| (&e.kind, e.line)),
            Some((
                &JsonErrorKind::DuplicateKey {
                    key: "format".into()
                },
                3
            ))
        );
        // The same key in two objects is fine.
        assert!(parse(r#"[{"a":1},{"a":2}]"#).is_ok());
    }

    #[test]
    fn columns_count_characters() {
        // 沐川 takes 6 bytes and 2 characters: the stray `x` is the 16th character, the 20th byte.
        let found = error("{\"title\": \"沐川\" x}").expect("an error");
        assert_eq!(
            (found.kind, found.line, found.column),
            (JsonErrorKind::Syntax, 1, 16)
        );
    }

    #[test]
    fn truncated_deep_and_trailing_texts() {
        assert_eq!(
            error("{\"a\": [1,").map(|e| e.kind),
            Some(JsonErrorKind::Truncated)
        );
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(error(&deep).map(|e| e.kind), Some(JsonErrorKind::TooDeep));
        let fits = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&fits).is_ok());
        assert_eq!(error("{} {}").map(|e| e.kind), Some(JsonErrorKind::Syntax));
        assert_eq!(
            error(&"[".repeat(100_000)).map(|e| e.kind),
            Some(JsonErrorKind::TooDeep),
            "no stack overflow"
        );
    }
}
