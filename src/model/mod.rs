//! The app model's pure parts: state that components hold and render, with no browser or Yew
//! dependency, so that `cargo test` covers it natively.

pub mod aside;
pub mod notice;
pub mod panel;
pub mod state;
