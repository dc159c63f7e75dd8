//! Fuzz target `share_link`: see `muchuan_funding_explorer_fuzz::share_link` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    muchuan_funding_explorer_fuzz::share_link(data);
});
