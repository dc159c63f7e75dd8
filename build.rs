//! Compiles the messages of `locales/*.yml` into a table sorted by key
//! (`$OUT_DIR/messages.rs`, served by `i18n::catalogue`), read with rust-i18n's own loader so
//! the files mean exactly what they mean to rust-i18n.

use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The columns of the table: the interface's languages, in `core::lang::Lang`'s order.
const LOCALES: [&str; 3] = ["zh-Hans", "zh-Hant", "en"];

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let messages = rust_i18n_support::load_locales(&format!("{root}/locales"), |_| false);
    let keys: BTreeSet<&String> = messages.values().flat_map(|m| m.keys()).collect();
    // The loader says nothing when it finds no files; an app without messages must not build.
    assert!(!keys.is_empty(), "no messages in {root}/locales");
    let mut code = String::new();
    let _ = writeln!(code, "/// The languages, one per column of [`MESSAGES`].");
    let _ = writeln!(
        code,
        "pub static LOCALES: [&str; {}] = {LOCALES:?};",
        LOCALES.len()
    );
    let _ = writeln!(
        code,
        "/// Every message key, sorted, with its text in each language (empty where it lacks one)."
    );
    let _ = writeln!(
        code,
        "pub static MESSAGES: [(&str, [&str; {}]); {}] = [",
        LOCALES.len(),
        keys.len()
    );
    for key in keys {
        let texts = LOCALES.map(|locale| {
            messages
                .get(locale)
                .and_then(|m| m.get(key))
                .map_or("", String::as_str)
        });
        // `{:?}` writes a Rust string literal, every quote and control character escaped.
        let _ = writeln!(code, "    ({key:?}, {texts:?}),");
    }
    code.push_str("];\n");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("messages.rs");
    std::fs::write(out, code).expect("write the message table");
}
