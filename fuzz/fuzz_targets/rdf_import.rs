//! Fuzz target `rdf_import`: the first byte picks one of the six formats
//! (`RdfFormat::ALL[byte % 6]`), the rest is the document. See
//! `fuzz/README.md` and `differential::rdf_import`.
#![no_main]

#[path = "../../tests/common/differential.rs"]
#[allow(dead_code, reason = "each target uses one check")]
mod differential;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some((format, doc)) = differential::split_format(data) {
        differential::rdf_import(doc, format);
    }
});
