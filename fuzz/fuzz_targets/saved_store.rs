//! Fuzz target `saved_store`: see `muchuan_funding_explorer_fuzz::saved_store` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    muchuan_funding_explorer_fuzz::saved_store(data);
});
