//! Fuzz target `csv`: see `muchuan_funding_explorer_fuzz::csv` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    muchuan_funding_explorer_fuzz::csv(data);
});
