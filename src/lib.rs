//! Muchuan Funding Explorer: the money Leshan city has lined up for Muchuan county's
//! returning-migrant entrepreneurship drive, and what-if allocations over it.
//!
//! - [`core`]: the `muchuan-core` crate (`crates/core`): pure Rust, no web or i18n dependency.
//! - [`charts`]: drawings rendered to SVG strings, pure as well.
//! - [`i18n`]: the interface's messages in Simplified Chinese, English and Traditional Chinese.
//! - [`model`]: the app's state and reducer, typed notices; no browser, tested natively.
//! - [`ui`] and [`web`]: the Yew components and the browser edge. They compile everywhere: natively
//!   the components render the first screen to HTML at build time (`src/bin/prerender.rs`).

pub mod charts;
pub use muchuan_core as core;
pub mod i18n;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod start;
pub mod ui;
pub mod web;

pub use muchuan_core::MUCHUAN_JSON;
