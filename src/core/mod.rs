//! The pure core: data model, validation, the allocation engine, totals, formatting and
//! scenario encoding. No web dependency: `cargo test` covers it natively.

pub mod apportion;
pub mod csv;
pub mod csv_import;
pub mod dataset;
pub mod element_id;
pub mod export;
pub mod history;
pub mod id_index;
pub mod lang;
pub mod money;
pub mod paging;
pub mod saved;
pub mod scenario;
pub mod share_link;
pub mod sort;
pub mod totals;
pub mod validate;

#[cfg(test)]
mod schema;
