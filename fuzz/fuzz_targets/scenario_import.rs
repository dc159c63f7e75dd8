//! Fuzz target `scenario_import`: see `muchuan_funding_explorer_fuzz::scenario_import` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    muchuan_funding_explorer_fuzz::scenario_import(data);
});
