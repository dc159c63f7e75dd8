//! The committed JSON Schema agrees with the built-in dataset and refuses what the validator
//! refuses.

#[path = "common/json_tree.rs"]
mod json_tree;

use json_tree::remove_field;
use muchuan_funding_explorer::MUCHUAN_JSON;

mod schema {
    //! A small JSON Schema (2020-12) checker for exactly the keywords the generated schema
    //! uses; any other keyword fails the test, so a richer schema cannot pass unchecked.

    use serde_json::{Value, json};

    const SCHEMA: &str = include_str!("../data/dataset.schema.json");

    fn schema() -> Value {
        serde_json::from_str(SCHEMA).expect("the schema is JSON")
    }

    /// Every place in `value` where `schema` is not satisfied.
    fn errors(value: &Value) -> Vec<String> {
        let root = schema();
        let mut found = Vec::new();
        check(&root, &root, value, "", &mut found);
        found
    }

    fn check(root: &Value, schema: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
        let Value::Object(keywords) = schema else {
            panic!("a schema at {path} is not an object");
        };
        for (keyword, rule) in keywords {
            match keyword.as_str() {
                "$schema" | "title" | "description" | "default" | "$defs" | "format" => {}
                "$ref" => {
                    let name = rule
                        .as_str()
                        .and_then(|r| r.strip_prefix("#/$defs/"))
                        .expect("local $ref");
                    check(root, &root["$defs"][name], value, path, out);
                }
                "type" => {
                    let types: Vec<&str> = match rule {
                        Value::String(t) => vec![t.as_str()],
                        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                        _ => panic!("type at {path}"),
                    };
                    if !types.iter().any(|t| has_type(value, t)) {
                        out.push(format!("{path}: not {types:?}"));
                    }
                }
                "properties" => {
                    if let (Value::Object(props), Value::Object(map)) = (rule, value) {
                        for (name, sub) in props {
                            if let Some(v) = map.get(name) {
                                check(root, sub, v, &format!("{path}.{name}"), out);
                            }
                        }
                    }
                }
                "required" => {
                    if let Value::Object(map) = value {
                        for name in rule.as_array().into_iter().flatten() {
                            let name = name.as_str().unwrap_or_default();
                            if !map.contains_key(name) {
                                out.push(format!("{path}.{name}: required"));
                            }
                        }
                    }
                }
                "items" => {
                    for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                        check(root, rule, item, &format!("{path}[{i}]"), out);
                    }
                }
                "minItems" => {
                    let min = rule.as_u64().expect("minItems") as usize;
                    if value.as_array().is_some_and(|a| a.len() < min) {
                        out.push(format!("{path}: fewer than {min} items"));
                    }
                }
                "maxItems" => {
                    let max = rule.as_u64().expect("maxItems") as usize;
                    if value.as_array().is_some_and(|a| a.len() > max) {
                        out.push(format!("{path}: more than {max} items"));
                    }
                }
                "minimum" | "maximum" => {
                    if let (Some(bound), Some(n)) = (rule.as_f64(), value.as_f64()) {
                        let ok = if keyword == "minimum" {
                            n >= bound
                        } else {
                            n <= bound
                        };
                        if !ok {
                            out.push(format!("{path}: {keyword} {bound}"));
                        }
                    }
                }
                "const" => {
                    if value != rule {
                        out.push(format!("{path}: not {rule}"));
                    }
                }
                "pattern" => {
                    let pattern = rule.as_str().expect("pattern");
                    if let Some(text) = value.as_str()
                        && !matches_pattern(pattern, text)
                    {
                        out.push(format!("{path}: does not match {pattern}"));
                    }
                }
                "oneOf" | "anyOf" => {
                    let passing = rule
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter(|sub| {
                            let mut sub_out = Vec::new();
                            check(root, sub, value, path, &mut sub_out);
                            sub_out.is_empty()
                        })
                        .count();
                    let ok = if keyword == "oneOf" {
                        passing == 1
                    } else {
                        passing >= 1
                    };
                    if !ok {
                        out.push(format!("{path}: {keyword} matched {passing}"));
                    }
                }
                other => panic!("the schema uses `{other}`, which this checker does not know"),
            }
        }
    }

    fn has_type(value: &Value, name: &str) -> bool {
        match name {
            "null" => value.is_null(),
            "boolean" => value.is_boolean(),
            "string" => value.is_string(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            "number" => value.is_number(),
            // 2020-12: any number with a zero fractional part (so 1.0 is an integer).
            "integer" => {
                value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
            }
            other => panic!("unknown type {other}"),
        }
    }

    /// One element of a pattern: a set of characters and how many times it repeats.
    struct Atom {
        chars: Vec<(char, char)>,
        min: usize,
        max: usize,
    }

    /// Matches `^…$` patterns made of literal characters and `[…]` classes, each optionally
    /// followed by `{m}` or `{m,n}`; anything else fails the test.
    fn matches_pattern(pattern: &str, text: &str) -> bool {
        let body = pattern
            .strip_prefix('^')
            .and_then(|p| p.strip_suffix('$'))
            .expect("anchored pattern");
        let mut atoms = Vec::new();
        let mut chars = body.chars().peekable();
        while let Some(c) = chars.next() {
            let set = if c == '[' {
                let mut members: Vec<char> = Vec::new();
                for m in chars.by_ref() {
                    if m == ']' {
                        break;
                    }
                    members.push(m);
                }
                let mut ranges = Vec::new();
                let mut i = 0;
                while i < members.len() {
                    if i + 2 < members.len() && members[i + 1] == '-' {
                        ranges.push((members[i], members[i + 2]));
                        i += 3;
                    } else {
                        ranges.push((members[i], members[i]));
                        i += 1;
                    }
                }
                ranges
            } else {
                assert!(
                    c.is_alphanumeric() || "-_ ".contains(c),
                    "pattern syntax {c:?} is not supported"
                );
                vec![(c, c)]
            };
            let (min, max) = if chars.peek() == Some(&'{') {
                let spec: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                let (lo, hi) = spec.split_once(',').unwrap_or((&spec, &spec));
                (lo.parse().expect("min"), hi.parse().expect("max"))
            } else {
                (1, 1)
            };
            atoms.push(Atom {
                chars: set,
                min,
                max,
            });
        }
        let text: Vec<char> = text.chars().collect();
        match_from(&atoms, &text)
    }

    fn match_from(atoms: &[Atom], text: &[char]) -> bool {
        let Some((atom, rest)) = atoms.split_first() else {
            return text.is_empty();
        };
        let fits = |c: &char| atom.chars.iter().any(|(lo, hi)| (lo..=hi).contains(&c));
        let run = text.iter().take(atom.max).take_while(|c| fits(c)).count();
        (atom.min..=run).rev().any(|n| match_from(rest, &text[n..]))
    }

    #[test]
    fn the_pattern_checker_works() {
        let id = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";
        assert!(matches_pattern(id, "guaranteed-loans"));
        assert!(matches_pattern(id, "a"));
        assert!(matches_pattern(id, &"a".repeat(64)));
        assert!(!matches_pattern(id, &"a".repeat(65)));
        assert!(!matches_pattern(id, ""));
        assert!(!matches_pattern(id, "-a"));
        assert!(!matches_pattern(id, "a b"));
        assert!(!matches_pattern(id, "贷款"));
    }

    #[test]
    fn the_built_in_dataset_satisfies_the_schema() {
        let value: Value = serde_json::from_str(super::MUCHUAN_JSON).expect("JSON");
        assert_eq!(errors(&value), Vec::<String>::new());
    }

    #[test]
    fn the_schema_refuses_what_the_validator_refuses() {
        let base: Value = serde_json::from_str(super::MUCHUAN_JSON).expect("JSON");
        type Change = fn(&mut Value);
        let cases: Vec<(&str, Change)> = vec![
            ("format", |v| v["format"] = json!(2)),
            ("currency", |v| v["currency"] = json!("USD")),
            ("negative", |v| v["streams"][0]["amount"] = json!(-1)),
            ("too big", |v| {
                v["streams"][0]["amount"] = json!(1_000_000_000_000_001_i64);
            }),
            ("fraction", |v| v["streams"][0]["amount"] = json!(2.5)),
            ("string amount", |v| v["streams"][0]["amount"] = json!("1")),
            ("missing amount", |v| {
                super::remove_field(&mut v["streams"][0], "amount");
            }),
            ("bad id", |v| v["streams"][0]["id"] = json!("a b")),
            ("long id", |v| v["kinds"][0]["id"] = json!("k".repeat(65))),
            ("empty kinds", |v| v["kinds"] = json!([])),
            ("empty agencies", |v| v["agencies"] = json!([])),
            ("empty streams", |v| v["streams"] = json!([])),
            ("zero units", |v| {
                v["streams"][6]["units"]["count"] = json!(0)
            }),
            ("status", |v| v["streams"][0]["status"] = json!("pending")),
            ("too many kinds", |v| {
                let kind = v["kinds"][0].clone();
                v["kinds"] = json!(vec![
                    kind;
                    muchuan_funding_explorer::core::validate::MAX_KINDS + 1
                ]);
            }),
            ("too many agencies", |v| {
                let agency = v["agencies"][0].clone();
                v["agencies"] = json!(vec![
                    agency;
                    muchuan_funding_explorer::core::validate::MAX_AGENCIES
                        + 1
                ]);
            }),
        ];
        for (name, change) in cases {
            let mut value = base.clone();
            change(&mut value);
            assert!(!errors(&value).is_empty(), "the schema accepts: {name}");
            assert!(
                muchuan_funding_explorer::core::validate::parse_dataset(
                    &serde_json::to_vec(&value).expect("serialises")
                )
                .is_err(),
                "the validator accepts: {name}"
            );
        }
        // Null stays allowed for an unstated amount.
        let mut value = base;
        value["streams"][0]["amount"] = Value::Null;
        assert_eq!(errors(&value), Vec::<String>::new());
    }
}
