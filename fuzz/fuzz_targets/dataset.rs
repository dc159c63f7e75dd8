//! Fuzz target `dataset`: see `muchuan_funding_explorer_fuzz::dataset` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    muchuan_funding_explorer_fuzz::dataset(data);
});
