//! The pure core: data model, validation, the allocation engine, totals, formatting and
//! scenario encoding. No web dependency: `cargo test` covers it natively.

pub mod apportion;
pub mod dataset;
pub mod history;
pub mod lang;
pub mod money;
pub mod scenario;
pub mod totals;
pub mod validate;

#[cfg(test)]
mod schema;
