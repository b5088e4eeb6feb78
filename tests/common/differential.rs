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
    rdf_round_trip_in(g, format, &Exporter::new());
}

/// [`rdf_round_trip`] with `exporter`'s base IRI.
pub fn rdf_round_trip_in(g: &GovGraph, format: RdfFormat, exporter: &Exporter) {
    let exporter = exporter.clone().with_format(format);
    let first = exporter
        .write(g, Vec::new())
        .expect("a valid graph always exports");
    let back = match Importer::new().import(first.as_slice(), format) {
        Ok(back) => back.graph,
        Err(e) => panic!(
            "{format}: the export does not import: {e}\n{}",
            String::from_utf8_lossy(&first)
        ),
    };
    let second = exporter
        .write(&back, Vec::new())
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

/// Imports `bytes` in `format`; when that succeeds, nothing the document
/// says may be lost ([`values_kept`]) and the graph must survive
/// [`rdf_round_trip`] in the same format, written under the base it was
/// read from (the document's own when the importer found one).
pub fn rdf_import(bytes: &[u8], format: RdfFormat) {
    if let Ok(imported) = Importer::new().import(bytes, format) {
        let exporter = Exporter::new()
            .with_base_iri(imported.report.base())
            .expect("the base the importer read is a valid base");
        let export = exporter
            .clone()
            .with_format(format)
            .write(&imported.graph, Vec::new())
            .expect("a valid graph always exports");
        values_kept(bytes, &export, format);
        rdf_round_trip_in(&imported.graph, format, &exporter);
    }
}

/// The same format as oxrdfio names it, to read documents independently
/// of the importer.
fn oxrdfio_format(format: RdfFormat) -> oxrdfio::RdfFormat {
    match format {
        RdfFormat::Turtle => oxrdfio::RdfFormat::Turtle,
        RdfFormat::NTriples => oxrdfio::RdfFormat::NTriples,
        RdfFormat::NQuads => oxrdfio::RdfFormat::NQuads,
        RdfFormat::TriG => oxrdfio::RdfFormat::TriG,
        RdfFormat::RdfXml => oxrdfio::RdfFormat::RdfXml,
        RdfFormat::JsonLd => oxrdfio::RdfFormat::JsonLd {
            profile: oxrdfio::JsonLdProfileSet::empty(),
        },
        other => panic!("no oxrdfio format for {other}"),
    }
}

/// Every literal value of `input`, and every IRI object that is not also
/// a subject, appears in `export`. The importer may
/// rename IRIs (minted slugs, `https://schema.org/`), lowercase language
/// tags and drop triples the export re-derives, but every value a
/// document states must come out again: a dropped subject (an interval
/// or address consumed and then not used) loses its literals, and this
/// catches it where a round trip of the already-imported graph cannot.
pub fn values_kept(input: &[u8], export: &[u8], format: RdfFormat) {
    use std::collections::BTreeSet;
    // Literal values, and IRIs in object position that are not subjects
    // (an IRI that is a subject may be a node whose slug is minted anew;
    // the only other IRI the importer rewrites is https://schema.org/).
    let values = |doc: &[u8], skip_subjects: bool| -> BTreeSet<String> {
        let quads: Vec<oxrdf::Quad> = oxrdfio::RdfParser::from_format(oxrdfio_format(format))
            .for_reader(doc)
            .filter_map(Result::ok)
            .collect();
        let subjects: BTreeSet<&str> = quads
            .iter()
            .filter_map(|q| match &q.subject {
                oxrdf::NamedOrBlankNode::NamedNode(n) => Some(n.as_str()),
                oxrdf::NamedOrBlankNode::BlankNode(_) => None,
            })
            .collect();
        quads
            .iter()
            .filter_map(|q| match &q.object {
                oxrdf::Term::Literal(l) => Some(l.value().to_owned()),
                oxrdf::Term::NamedNode(n) if !(skip_subjects && subjects.contains(n.as_str())) => {
                    Some(match n.as_str().strip_prefix("https://schema.org/") {
                        Some(rest) => format!("http://schema.org/{rest}"),
                        None => n.as_str().to_owned(),
                    })
                }
                _ => None,
            })
            .collect()
    };
    let written = values(export, false);
    let lost: Vec<String> = values(input, true)
        .into_iter()
        .filter(|v| !written.contains(v))
        .collect();
    assert!(
        lost.is_empty(),
        "{format}: the import lost values {lost:?}\nexport:\n{}",
        String::from_utf8_lossy(export)
    );
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
        let mut written = Vec::new();
        g.write_json(&mut written).expect("in memory");
        json_values_kept(bytes, &written);
        json_round_trip(&g);
        for format in RdfFormat::ALL {
            rdf_round_trip(&g, format);
        }
    }
}

/// Every value (string, number, boolean) of the JSON `input` appears in
/// the JSON `written` from the graph read from it: the reader may reorder
/// and normalise (language tags are stored lowercase, as BCP 47 compares
/// them), never drop.
pub fn json_values_kept(input: &[u8], written: &[u8]) {
    use std::collections::BTreeSet;
    fn leaves(v: &serde_json::Value, out: &mut BTreeSet<String>) {
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Object(o) => {
                    for (k, v) in o {
                        match v {
                            serde_json::Value::String(tag) if k == "lang" => {
                                out.insert(tag.to_ascii_lowercase());
                            }
                            v => stack.push(v),
                        }
                    }
                }
                serde_json::Value::Null => {}
                serde_json::Value::Bool(b) => {
                    out.insert(b.to_string());
                }
                serde_json::Value::Number(n) => {
                    out.insert(n.to_string());
                }
                serde_json::Value::String(s) => {
                    out.insert(s.clone());
                }
                serde_json::Value::Array(a) => stack.extend(a),
            }
        }
    }
    let parse = |doc: &[u8]| -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        if let Ok(v) = serde_json::from_slice::<serde_json::Value>(doc) {
            leaves(&v, &mut out);
        }
        out
    };
    let after = parse(written);
    let lost: Vec<String> = parse(input)
        .into_iter()
        .filter(|v| !after.contains(v))
        .collect();
    assert!(
        lost.is_empty(),
        "JSON: reading lost values {lost:?}\nwritten:\n{}",
        String::from_utf8_lossy(written)
    );
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
    let govgraph::ingest::Ingested {
        graph: g, report, ..
    } = ing.finish();
    lines_accounted(text, &report);
    json_round_trip(&g);
    rdf_round_trip(&g, RdfFormat::Turtle);
    rdf_round_trip(&g, RdfFormat::NTriples);
}

/// Every non-blank line of an article that ingested is accounted for:
/// structure (the title, the `Infobox` line, a heading, a paragraph's
/// later lines) or a line the report names (a fact's provenance, a node
/// made or merged, a conflict, a warning, or a part ignored with its
/// reason). Nothing is dropped without a word.
pub fn lines_accounted(text: &str, report: &govgraph::ingest::IngestReport) {
    use govgraph::ingest::{Article, Block, ListItem, Section};
    use std::collections::BTreeSet;
    let Ok((article, _)) = Article::parse("fuzz.txt", text) else {
        return;
    };
    let mut seen: BTreeSet<usize> = BTreeSet::new();
    seen.insert(article.title_line);
    seen.extend(article.infobox_line);
    seen.extend(report.provenance().map(|p| p.at.line));
    seen.extend(report.created().map(|c| c.at.line));
    seen.extend(report.merged().map(|m| m.at.line));
    seen.extend(report.ignored().map(|i| i.at.line));
    seen.extend(report.warnings().map(|w| w.at.line));
    for c in report.conflicts() {
        seen.insert(c.kept.at.line);
        seen.insert(c.other.at.line);
    }
    // Where paragraphs start, and which lines are headings or list items
    // (a paragraph runs on until a blank line, a heading or an item).
    let mut starts = Vec::new();
    let mut breaks: BTreeSet<usize> = BTreeSet::new();
    let mut items: Vec<(&ListItem, bool)> = Vec::new();
    // A section the ingester does not read is reported once, at its
    // heading: everything in it counts as reported.
    let unread: BTreeSet<usize> = report
        .ignored()
        .filter(|i| i.reason == govgraph::ingest::IgnoreReason::SectionNotRead)
        .map(|i| i.at.line)
        .collect();
    let mut blocks: Vec<(&Block, bool)> = article.lead.iter().map(|b| (b, false)).collect();
    let mut sections: Vec<(&Section, bool)> = article.sections.iter().map(|s| (s, false)).collect();
    while let Some((s, inside_unread)) = sections.pop() {
        let skipped = inside_unread || unread.contains(&s.line);
        seen.insert(s.line);
        breaks.insert(s.line);
        blocks.extend(s.blocks.iter().map(|b| (b, skipped)));
        sections.extend(s.subsections.iter().map(|s| (s, skipped)));
    }
    for (b, skipped) in blocks {
        match b {
            Block::Paragraph(p) => {
                starts.push(p.line);
                if skipped {
                    seen.insert(p.line);
                }
            }
            Block::List(list) => items.extend(list.iter().map(|i| (i, skipped))),
            Block::Table(table) => {
                // Separator rows (`|---|`) are structure; each other row is
                // read or reported.
                seen.extend(table.separators.iter().copied());
                breaks.extend(table.separators.iter().copied());
                for row in &table.rows {
                    breaks.insert(row.line);
                    if skipped {
                        seen.insert(row.line);
                    }
                }
            }
            _ => {}
        }
    }
    while let Some((item, skipped)) = items.pop() {
        breaks.insert(item.line);
        if skipped {
            seen.insert(item.line);
        }
        items.extend(item.children.iter().map(|i| (i, skipped)));
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let blank = |n: usize| lines.get(n - 1).is_none_or(|l| l.trim().is_empty());
    for start in starts {
        let mut n = start + 1;
        while n <= lines.len() && !blank(n) && !breaks.contains(&n) {
            seen.insert(n);
            n += 1;
        }
    }
    let missed: Vec<String> = (1..=lines.len())
        .filter(|&n| !blank(n) && !seen.contains(&n))
        .map(|n| format!("line {n}: {:?}", lines[n - 1]))
        .collect();
    assert!(
        missed.is_empty(),
        "lines neither read nor reported:\n{}\nreport:\n{report}",
        missed.join("\n")
    );
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

/// Whatever [`govgraph::popolo::from_str`] reads writes back as Popolo,
/// re-reads to an equal graph and re-writes the same bytes; reading never
/// panics.
pub fn popolo(data: &[u8]) {
    fn write(g: &GovGraph) -> Vec<u8> {
        let mut out = Vec::new();
        govgraph::popolo::write(g, &mut out).expect("writing to memory cannot fail");
        out
    }
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
}
