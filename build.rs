//! Compiles the interface messages (`locales/*.yml`) into a sorted static table that
//! `src/i18n` searches: no YAML parser, hash map or start-up work in the app, and a few hundred
//! bytes of code where a runtime i18n backend cost tens of kilobytes of WebAssembly.
//!
//! The files hold one key per message with its translations side by side:
//!
//! ```yaml
//! _version: 2
//! app.reset:
//!   zh-Hans: "重置"
//!   en: "Reset"
//!   zh-Hant: "重置"
//! ```
//!
//! Values are YAML double-quoted (`\"`, `\\`, `\n`, `\t`, `\uXXXX`…) or single-quoted
//! strings, or plain one-line scalars. Anything else fails the build with its file and line.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The languages in the order of the generated table's columns.
const LANGS: [&str; 3] = ["zh-Hans", "zh-Hant", "en"];

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let mut files: Vec<_> = std::fs::read_dir("locales")
        .expect("locales/ folder")
        .map(|entry| entry.expect("locales/ entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    files.sort();
    let mut messages: BTreeMap<String, [Option<String>; 3]> = BTreeMap::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(path).expect("readable locale file");
        if let Err(error) = parse(&text, &mut messages) {
            panic!("{}:{error}", path.display());
        }
    }
    let mut out = String::from(
        "/// Every message: its key, then its text in zh-Hans, zh-Hant and en (`None`: missing).\n\
         /// Sorted by key (byte order) for binary search.\n\
         static MESSAGES: &[(&str, [Option<&str>; 3])] = &[\n",
    );
    for (key, texts) in &messages {
        let _ = write!(out, "    ({key:?}, [");
        for text in texts {
            match text {
                Some(text) => {
                    let _ = write!(out, "Some({text:?}), ");
                }
                None => out.push_str("None, "),
            }
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("messages.rs");
    std::fs::write(dest, out).expect("writable OUT_DIR");
}

/// Adds the messages of one file; on a line it cannot read, `line: what is wrong`.
fn parse(text: &str, messages: &mut BTreeMap<String, [Option<String>; 3]>) -> Result<(), String> {
    let mut key: Option<String> = None;
    for (number, line) in text.lines().enumerate() {
        let at = |what: &str| format!("{}: {what}", number + 1);
        let content = line.trim_end();
        if content.trim_start().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        if !line.starts_with([' ', '\t']) {
            let Some(name) = content.strip_suffix(':') else {
                if content.starts_with("_version:") {
                    key = None;
                    continue;
                }
                return Err(at("expected `key:` on a line of its own"));
            };
            let name = unquote_key(name).map_err(|e| at(&e))?;
            messages.entry(name.clone()).or_default();
            key = Some(name);
            continue;
        }
        let Some(current) = &key else {
            return Err(at("a translation outside any key"));
        };
        let (lang, value) = content
            .trim_start()
            .split_once(':')
            .ok_or_else(|| at("expected `lang: \"text\"`"))?;
        let column = LANGS
            .iter()
            .position(|l| *l == lang.trim())
            .ok_or_else(|| at(&format!("unknown language {:?}", lang.trim())))?;
        let value = scalar(value.trim()).map_err(|e| at(&e))?;
        if let Some(texts) = messages.get_mut(current) {
            texts[column] = Some(value);
        }
    }
    Ok(())
}

/// A top-level key, plain or quoted.
fn unquote_key(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.starts_with(['"', '\'']) {
        scalar(name)
    } else if name.is_empty() {
        Err("an empty key".to_owned())
    } else {
        Ok(name.to_owned())
    }
}

/// A one-line YAML scalar: double-quoted, single-quoted or plain.
fn scalar(value: &str) -> Result<String, String> {
    if let Some(body) = value.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    let rest: String = chars.collect();
                    return if rest.trim().is_empty() || rest.trim_start().starts_with('#') {
                        Ok(out)
                    } else {
                        Err(format!("text after the closing quote: {rest:?}"))
                    };
                }
                '\\' => {
                    let escaped = chars.next().ok_or("a lone backslash at the end")?;
                    let hex = |chars: &mut std::str::Chars<'_>, n: usize| {
                        let digits: String = chars.take(n).collect();
                        u32::from_str_radix(&digits, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(|| format!("bad escape \\{escaped}{digits}"))
                    };
                    out.push(match escaped {
                        '"' => '"',
                        '\\' => '\\',
                        '/' => '/',
                        ' ' => ' ',
                        '0' => '\0',
                        'a' => '\u{7}',
                        'b' => '\u{8}',
                        't' | '\t' => '\t',
                        'n' => '\n',
                        'v' => '\u{b}',
                        'f' => '\u{c}',
                        'r' => '\r',
                        'e' => '\u{1b}',
                        'N' => '\u{85}',
                        '_' => '\u{a0}',
                        'L' => '\u{2028}',
                        'P' => '\u{2029}',
                        'x' => hex(&mut chars, 2)?,
                        'u' => hex(&mut chars, 4)?,
                        'U' => hex(&mut chars, 8)?,
                        other => return Err(format!("unknown escape \\{other}")),
                    });
                }
                c => out.push(c),
            }
        }
        Err("a double-quoted text must end on its line".to_owned())
    } else if let Some(body) = value.strip_prefix('\'') {
        let mut out = String::new();
        let mut chars = body.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    out.push('\'');
                    continue;
                }
                let rest: String = chars.collect();
                return if rest.trim().is_empty() || rest.trim_start().starts_with('#') {
                    Ok(out)
                } else {
                    Err(format!("text after the closing quote: {rest:?}"))
                };
            }
            out.push(c);
        }
        Err("a single-quoted text must end on its line".to_owned())
    } else if value.is_empty() || value.starts_with(['|', '>', '&', '*', '!', '[', '{']) {
        Err(format!("unsupported YAML value {value:?}: use a double-quoted string"))
    } else {
        // A plain scalar ends at ` #` (a comment).
        let plain = value.split(" #").next().unwrap_or(value).trim_end();
        Ok(plain.to_owned())
    }
}
