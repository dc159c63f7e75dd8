//! The walker's building blocks: typed reads of JSON values (objects, fields, texts, ids,
//! amounts, lists) that report what is wrong with each and go on.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::dataset::Localized;
use crate::money::MAX_AMOUNT;

use super::{
    MAX_ID_CHARS, MAX_PROBLEMS, MAX_TEXT_CHARS, Omitted, Problem, ProblemKind, Rules, Severity,
};

/// 2^64 and 2^63 as floats: the edges of the integers the JSON parser reads as integers.
const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

/// What is wrong with an amount the JSON parser read as a float rather than an integer. An
/// integer literal in the range of i64 or u64 would have been read as an integer, so a float in
/// that range was written with a point or an exponent. Beyond it, the parser also makes a
/// float of a long run of digits, and the size is what matters.
pub fn float_amount_problem(number: &serde_json::Number) -> ProblemKind {
    let float = number.as_f64().unwrap_or(0.0);
    if float == 0.0 && float.is_sign_negative() {
        ProblemKind::MinusZero
    } else if float.fract() != 0.0 {
        ProblemKind::NotWholeNumber
    } else if float >= TWO_POW_64 {
        ProblemKind::TooBig
    } else if float <= -TWO_POW_63 {
        ProblemKind::Negative
    } else {
        ProblemKind::NotWholeNumber
    }
}

/// The JSON type of a value, as messages name it.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The path of `field` inside the value at `path`.
pub(super) fn child(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id.chars().count() <= MAX_ID_CHARS
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Walks the tree, collecting problems; each method returns the value it could build.
pub(super) struct Walker {
    /// The problems listed, in the order found.
    pub(super) problems: Vec<Problem>,
    /// Listed problems of each severity, to stop listing at MAX_PROBLEMS.
    listed: Omitted,
    /// Problems past MAX_PROBLEMS, counted.
    pub(super) omitted: Omitted,
    /// What the dataset may leave out.
    pub(super) rules: Rules,
}

impl Walker {
    /// A walker that has found nothing yet.
    pub(super) fn new(rules: Rules) -> Walker {
        Walker {
            problems: Vec::new(),
            listed: Omitted::default(),
            omitted: Omitted::default(),
            rules,
        }
    }

    fn push(&mut self, severity: Severity, path: impl Into<String>, kind: ProblemKind) {
        let (listed, omitted) = match severity {
            Severity::Error => (&mut self.listed.errors, &mut self.omitted.errors),
            Severity::Warning => (&mut self.listed.warnings, &mut self.omitted.warnings),
        };
        if *listed >= MAX_PROBLEMS {
            *omitted += 1;
            return;
        }
        *listed += 1;
        self.problems.push(Problem {
            severity,
            path: path.into(),
            position: None,
            kind,
        });
    }

    pub(super) fn report(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.push(Severity::Error, path, kind);
    }

    pub(super) fn warn(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.push(Severity::Warning, path, kind);
    }

    pub(super) fn wrong_type(&mut self, path: &str, expected: &'static str, found: &Value) {
        self.report(
            path,
            ProblemKind::WrongType {
                expected,
                found: type_name(found),
            },
        );
    }

    /// The object at `path`, reporting fields outside `known`.
    pub(super) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.wrong_type(path, "object", value);
            return None;
        };
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            self.report(
                child(path, key),
                ProblemKind::UnknownField { field: key.clone() },
            );
        }
        Some(map)
    }

    /// A required field of `map`.
    pub(super) fn field<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        field: &'static str,
    ) -> Option<&'v Value> {
        let value = map.get(field);
        if value.is_none() {
            self.report(child(path, field), ProblemKind::Missing { field });
        }
        value
    }

    /// A required field of `map`, read by `read` at the field's own path.
    pub(super) fn required<T>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        field: &'static str,
        read: impl FnOnce(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<T> {
        let value = self.field(map, path, field)?;
        read(self, value, &child(path, field))
    }

    /// An optional field of `map`, read by `read`: `Some(None)` when it is absent, `None` when
    /// it is there but wrong.
    pub(super) fn optional<T>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        field: &'static str,
        read: impl FnOnce(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Option<T>> {
        match map.get(field) {
            Some(value) => read(self, value, &child(path, field)).map(Some),
            None => Some(None),
        }
    }

    pub(super) fn string(&mut self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::String(text) if text.chars().count() > MAX_TEXT_CHARS => {
                self.report(path, ProblemKind::TextTooLong);
                None
            }
            Value::String(text) => Some(text.clone()),
            other => {
                self.wrong_type(path, "string", other);
                None
            }
        }
    }

    /// A non-blank string (quotes, currency).
    pub(super) fn text(&mut self, value: &Value, path: &str) -> Option<String> {
        let text = self.string(value, path)?;
        if text.trim().is_empty() {
            self.report(path, ProblemKind::EmptyText);
            return None;
        }
        Some(text)
    }

    /// A title or the source's words: `{}` allowed when the rules make the source optional.
    pub(super) fn sourcing(&mut self, value: &Value, path: &str) -> Option<Localized> {
        match value {
            Value::Object(empty) if self.rules.source_optional && empty.is_empty() => {
                Some(Localized::default())
            }
            value => self.localized(value, path),
        }
    }

    pub(super) fn id(&mut self, value: &Value, path: &str) -> Option<String> {
        let id = self.string(value, path)?;
        if !is_valid_id(&id) {
            self.report(path, ProblemKind::BadId);
            return None;
        }
        Some(id)
    }

    pub(super) fn localized(&mut self, value: &Value, path: &str) -> Option<Localized> {
        const LANGS: [&str; 3] = ["zh-Hans", "zh-Hant", "en"];
        let Value::Object(map) = value else {
            self.wrong_type(path, "object", value);
            return None;
        };
        let mut localized = Localized::default();
        let mut ok = true;
        for (key, text) in map {
            let text_path = child(path, key);
            let slot = match key.as_str() {
                "zh-Hans" => &mut localized.zh_hans,
                "zh-Hant" => &mut localized.zh_hant,
                "en" => &mut localized.en,
                _ => {
                    self.report(text_path, ProblemKind::UnknownLanguage { key: key.clone() });
                    ok = false;
                    continue;
                }
            };
            match self.string(text, &text_path) {
                Some(text) => *slot = Some(text),
                None => ok = false,
            }
        }
        if !ok {
            return None;
        }
        let present = |key: &str| {
            match key {
                "zh-Hans" => localized.zh_hans.as_deref(),
                "zh-Hant" => localized.zh_hant.as_deref(),
                _ => localized.en.as_deref(),
            }
            .is_some_and(|t| !t.trim().is_empty())
        };
        if !LANGS.iter().any(|l| present(l)) {
            self.report(path, ProblemKind::EmptyText);
            return None;
        }
        for lang in LANGS.into_iter().filter(|l| !present(l)) {
            self.warn(path, ProblemKind::MissingLanguage { lang });
        }
        Some(localized)
    }

    pub(super) fn amount(&mut self, value: &Value, path: &str) -> Option<Option<i64>> {
        match value {
            Value::Null => Some(None),
            Value::Number(number) => {
                if let Some(amount) = number.as_i64() {
                    if amount < 0 {
                        self.report(path, ProblemKind::Negative);
                        None
                    } else if amount > MAX_AMOUNT {
                        self.report(path, ProblemKind::TooBig);
                        None
                    } else {
                        Some(Some(amount))
                    }
                } else if number.is_u64() {
                    self.report(path, ProblemKind::TooBig);
                    None
                } else {
                    self.report(path, float_amount_problem(number));
                    None
                }
            }
            other => {
                self.wrong_type(path, "whole number or null", other);
                None
            }
        }
    }

    /// A list of objects with unique `id`s, each read by `item`; a list longer than `max` is
    /// refused before any item is read.
    pub(super) fn list<T>(
        &mut self,
        map: &Map<String, Value>,
        field: &'static str,
        (max, too_many): (usize, ProblemKind),
        mut item: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let value = self.field(map, "", field)?;
        let Value::Array(items) = value else {
            self.wrong_type(field, "array", value);
            return None;
        };
        if items.is_empty() {
            self.report(field, ProblemKind::EmptyList);
            return None;
        }
        if items.len() > max {
            self.report(field, too_many);
            return None;
        }
        let mut first_use: HashMap<&str, String> = HashMap::new();
        let mut built = Vec::with_capacity(items.len());
        for (index, value) in items.iter().enumerate() {
            let path = format!("{field}[{index}]");
            if let Some(Value::String(id)) = value.get("id") {
                if let Some(first) = first_use.get(id.as_str()) {
                    self.report(
                        child(&path, "id"),
                        ProblemKind::DuplicateId {
                            id: id.clone(),
                            first: first.clone(),
                        },
                    );
                } else {
                    first_use.insert(id, child(&path, "id"));
                }
            }
            if let Some(thing) = item(self, value, &path) {
                built.push(thing);
            }
        }
        (built.len() == items.len()).then_some(built)
    }
}
