//! The pure core: data model, validation, the allocation engine, totals, money and the codecs
//! (share link, CSV, JSON, saved store). No web or i18n dependency: its errors are typed data,
//! put into words by the app's `i18n` layer; `cargo test -p muchuan-core` covers it natively.

pub mod apportion;
pub mod bundle;
pub mod csv;
pub mod csv_import;
pub mod data_tag;
pub mod dataset;
pub mod element_id;
pub mod export;
pub mod history;
pub mod json;
pub mod kept;
pub mod lang;
pub mod money;
pub mod paging;
pub mod saved;
pub mod scenario;
pub mod scenario_csv;
pub mod share_link;
pub mod sort;
pub mod totals;
pub mod validate;

#[cfg(test)]
mod schema;

/// The Muchuan dataset compiled into the app, as published in `data/muchuan.json`.
pub const MUCHUAN_JSON: &str = include_str!("../../../data/muchuan.json");
