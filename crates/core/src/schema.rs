//! Keeps `data/dataset.schema.json` equal to the schema generated from the Rust types.
//! Run with `UPDATE_SCHEMA=1 cargo test schema` after changing the format.

use crate::dataset::Dataset;

#[test]
fn committed_schema_matches_the_types() {
    let schema = schemars::schema_for!(Dataset);
    let generated = format!(
        "{}\n",
        serde_json::to_string_pretty(&schema).expect("a schema serialises")
    );
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/dataset.schema.json"
    );
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &generated).expect("schema written");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "data/dataset.schema.json is stale: run UPDATE_SCHEMA=1 cargo test schema"
    );
}
