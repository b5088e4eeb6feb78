//! Fuzz target `popolo`: see `fuzz/README.md` and `differential::popolo`.
#![no_main]

#[path = "../../tests/common/differential.rs"]
#[allow(dead_code, reason = "each target uses one check of the shared file")]
mod differential;

libfuzzer_sys::fuzz_target!(|data: &[u8]| differential::popolo(data));
