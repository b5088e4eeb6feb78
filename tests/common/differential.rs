//! The differential checks shared by the fuzz targets (`fuzz/`, which
//! includes this file by path) and the regression tests
//! (`tests/regressions.rs`), so a crash input replays through exactly the
//! check that found it. Every check panics with a message on failure; an
//! input the parser refuses with an error is fine.

use govgraph::rdf::{Exporter, Importer, RdfFormat};
use govgraph::{GovGraph, PartialDate, Slug};

/// The format a fuzz input's first byte picks, and the rest of the input.
pub fn split_format(data: &[u8]) -> Option<(RdfFormat, &[u8])> {
    let (first, rest) = data.split_first()?;
    Some((
        RdfFormat::ALL[usize::from(*first) % RdfFormat::ALL.len()],
        rest,
    ))
}

/// Exports `g` in `format`, imports that, exports again: both documents
/// must be byte-identical and the graphs equal. Panics otherwise.
pub fn rdf_round_trip(g: &GovGraph, format: RdfFormat) {
    let first = Exporter::new()
        .write(g, format, Vec::new())
        .expect("a valid graph always exports");
    let back = match Importer::new().import(first.as_slice(), format) {
        Ok(back) => back.graph,
        Err(e) => panic!(
            "{format}: the export does not import: {e}\n{}",
            String::from_utf8_lossy(&first)
        ),
    };
    let second = Exporter::new()
        .write(&back, format, Vec::new())
        .expect("a valid graph always exports");
    assert!(
        first == second,
        "{format}: export, import, export changed the bytes\nfirst:\n{}\nsecond:\n{}",
        String::from_utf8_lossy(&first),
        String::from_utf8_lossy(&second)
    );
    assert!(
        back == *g,
        "{format}: import(export(g)) != g\n{}",
        String::from_utf8_lossy(&first)
    );
}

/// Imports `bytes` in `format`; when that succeeds, the graph must survive
/// [`rdf_round_trip`] in the same format.
pub fn rdf_import(bytes: &[u8], format: RdfFormat) {
    if let Ok(imported) = Importer::new().import(bytes, format) {
        rdf_round_trip(&imported.graph, format);
    }
}

/// Writes `g` as JSON, reads it, writes it again: both documents must be
/// byte-identical and the graphs equal.
pub fn json_round_trip(g: &GovGraph) {
    let mut first = Vec::new();
    g.write_json(&mut first).expect("in memory");
    let back = match GovGraph::read_json(first.as_slice()) {
        Ok(back) => back,
        Err(e) => panic!(
            "the JSON written does not read back: {e}\n{}",
            String::from_utf8_lossy(&first)
        ),
    };
    let mut second = Vec::new();
    back.write_json(&mut second).expect("in memory");
    assert!(
        first == second,
        "write, read, write changed the JSON\nfirst:\n{}\nsecond:\n{}",
        String::from_utf8_lossy(&first),
        String::from_utf8_lossy(&second)
    );
    assert!(back == *g, "read(write(g)) != g");
}

/// Reads `bytes` as a JSON graph; when that succeeds, the graph must
/// survive [`json_round_trip`], and [`rdf_round_trip`] in every format
/// (JSON is the one door through which any graph the API can build comes
/// in, so every graph JSON accepts must export and import exactly).
pub fn json(bytes: &[u8]) {
    if let Ok(g) = GovGraph::read_json(bytes) {
        json_round_trip(&g);
        for format in RdfFormat::ALL {
            rdf_round_trip(&g, format);
        }
    }
}

/// Parses and ingests `bytes` as an article (when it is UTF-8); the graph
/// made must survive JSON and N-Triples and Turtle round trips.
pub fn article(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let _ = govgraph::ingest::Article::parse("fuzz.txt", text);
    let mut ing = govgraph::ingest::Ingester::new();
    if ing.ingest_str("fuzz.txt", text).is_err() {
        return;
    }
    let (g, _report) = ing.finish();
    json_round_trip(&g);
    rdf_round_trip(&g, RdfFormat::Turtle);
    rdf_round_trip(&g, RdfFormat::NTriples);
}

/// Slugs and dates: whatever parses prints back as written and re-parses
/// to the same value; a slug made from a name is a valid slug.
pub fn slug_date(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(slug) = Slug::new(text) {
        assert_eq!(slug.as_str(), text);
        assert_eq!(slug.to_string(), text);
        assert_eq!(text.parse::<Slug>().ok(), Some(slug));
    }
    if let Ok(slug) = Slug::from_name(text) {
        assert_eq!(
            Slug::new(slug.as_str()).ok().as_ref(),
            Some(&slug),
            "from_name made an invalid slug from {text:?}"
        );
    }
    if let Ok(date) = text.parse::<PartialDate>() {
        let printed = date.to_string();
        assert_eq!(printed.parse::<PartialDate>().ok(), Some(date));
    }
    if let Some(date) = govgraph::ingest::parse_date(text) {
        let printed = date.to_string();
        assert_eq!(printed.parse::<PartialDate>().ok(), Some(date));
    }
    let key = govgraph::ingest::name_key(text);
    assert_eq!(
        govgraph::ingest::name_key(&key),
        key,
        "name_key is not idempotent on {text:?}"
    );
}
