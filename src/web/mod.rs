//! The browser edge: small helpers the components call (the page and its address, storage,
//! the clock, timers, downloads, files, fetch, the frame's height). It mounts nothing: starting
//! the app is [`crate::start`]'s. It compiles natively (the components that call it render the
//! first screen at build time), but only runs in a browser.

pub mod clock;
pub mod download;
pub mod fetch;
pub mod files;
pub mod frame;
pub mod idb;
pub mod messages;
pub mod page;
pub mod png;
pub mod roots;
pub mod storage;
pub mod timer;
