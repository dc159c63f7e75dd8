//! Rebuilds the crate when a message file changes: `rust_i18n::i18n!` reads `locales/` while
//! compiling, and cargo cannot see that dependency on its own.

fn main() {
    println!("cargo:rerun-if-changed=locales");
}
