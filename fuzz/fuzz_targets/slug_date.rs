//! Fuzz target `slug_date`: see `fuzz/README.md` and `differential::slug_date`.
#![no_main]

#[path = "../../tests/common/differential.rs"]
#[allow(dead_code, reason = "each target uses one check")]
mod differential;

libfuzzer_sys::fuzz_target!(|data: &[u8]| differential::slug_date(data));
