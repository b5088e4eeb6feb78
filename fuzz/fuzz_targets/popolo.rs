//! Fuzz target `popolo`: whatever `popolo::from_str` reads writes back as
//! Popolo, re-reads to an equal graph and re-writes the same bytes; reading
//! never panics. See `fuzz/README.md`.
#![no_main]

fn write(g: &govgraph::GovGraph) -> Vec<u8> {
    let mut out = Vec::new();
    govgraph::popolo::write(g, &mut out).expect("writing to memory cannot fail");
    out
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(g) = govgraph::popolo::from_str(text) else {
        return;
    };
    let first = write(&g);
    let text = std::str::from_utf8(&first).expect("the export is UTF-8");
    let back = govgraph::popolo::from_str(text)
        .unwrap_or_else(|e| panic!("the export does not read back: {e}\n{text}"));
    assert!(back == g, "the export reads back to another graph:\n{text}");
    assert_eq!(write(&back), first, "the export is not a fixed point");
});
