//! Compiles the messages of `locales/*.yml`, read with rust-i18n's own loader so the files mean
//! exactly what they mean to rust-i18n, into what `i18n::catalogue` serves:
//!
//! - `$OUT_DIR/messages.rs`: every key, sorted, and the Simplified Chinese text of each (the
//!   language of the prerendered first screen, always compiled in);
//! - `$OUT_DIR/messages-<tag>.json` for each other language: its texts as a JSON array in the
//!   keys' order. The app fetches the one it needs (the prerender copies them into `dist/`,
//!   named with a digest of their content, so that a cached file never meets another build).

use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The built-in language; the others are loaded when wanted, in `core::lang::Lang`'s order.
const BUILT_IN: &str = "zh-Hans";
const LOADED: [&str; 2] = ["zh-Hant", "en"];

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let messages = rust_i18n_support::load_locales(&format!("{root}/locales"), |_| false);
    let keys: Vec<&String> = messages
        .values()
        .flat_map(|m| m.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // The loader says nothing when it finds no files; an app without messages must not build.
    assert!(!keys.is_empty(), "no messages in {root}/locales");
    let texts = |locale: &str| -> Vec<&str> {
        keys.iter()
            .map(|key| {
                messages
                    .get(locale)
                    .and_then(|m| m.get(*key))
                    .map_or("", String::as_str)
            })
            .collect()
    };
    let mut code = String::new();
    let count = keys.len();
    let _ = writeln!(code, "/// Every message key, sorted.");
    let _ = writeln!(code, "pub static KEYS: [&str; {count}] = {keys:?};");
    let _ = writeln!(
        code,
        "/// The {BUILT_IN} text of each key (empty where it lacks one)."
    );
    let _ = writeln!(
        code,
        "pub static BUILT_IN: [&str; {count}] = {:?};",
        texts(BUILT_IN)
    );
    let _ = writeln!(
        code,
        "/// The other languages' files: tag, and the name the file has in `dist/`."
    );
    let mut files = Vec::new();
    for locale in LOADED {
        let json = serde_json::to_string(&texts(locale)).expect("texts as JSON");
        std::fs::write(out.join(format!("messages-{locale}.json")), &json)
            .expect("write a language's messages");
        files.push((
            locale,
            format!("messages-{locale}-{:016x}.json", fnv1a(&json)),
        ));
    }
    let _ = writeln!(code, "pub static FILES: [(&str, &str); 2] = {files:?};");
    std::fs::write(out.join("messages.rs"), code).expect("write the message table");
}

/// FNV-1a, 64 bits: a digest of a file's content for its name, not a security measure.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
