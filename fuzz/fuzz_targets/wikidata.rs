//! Fuzz target `wikidata`: `wikidata::read` never panics or hangs on any
//! input; what it reads is the same on a second reading, and survives the
//! govgraph JSON round trip (written, re-read to an equal graph). See
//! `fuzz/README.md`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(first) = govgraph::wikidata::read(data) else {
        return;
    };
    let again = govgraph::wikidata::read(data).expect("a second reading succeeds too");
    assert!(again.graph == first.graph, "two readings differ");
    assert_eq!(again.notes, first.notes);
    let mut json = Vec::new();
    first
        .graph
        .write_json(&mut json)
        .expect("writing to memory cannot fail");
    let back = govgraph::GovGraph::read_json(json.as_slice())
        .unwrap_or_else(|e| panic!("the graph does not survive JSON: {e}"));
    assert!(back == first.graph, "the graph changes through JSON");
});
