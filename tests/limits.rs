//! The documented, configurable input limits: the RDF importer's
//! `with_max_bytes` in every format, the ingester's
//! `with_max_article_bytes`, JSON's nesting limit (`serde_json`'s), and
//! deep nesting in every RDF syntax.

mod common;

use govgraph::GovGraph;
use govgraph::ingest::{IngestError, Ingester};
use govgraph::rdf::{DEFAULT_MAX_IMPORT_BYTES, Exporter, ImportError, Importer, RdfFormat};

#[test]
fn the_default_import_limit_is_one_gibibyte() {
    assert_eq!(DEFAULT_MAX_IMPORT_BYTES, 1 << 30);
}

#[test]
fn a_document_of_exactly_the_limit_imports_in_every_format() {
    let g = common::everything();
    for format in RdfFormat::ALL {
        let doc = Exporter::new()
            .with_format(format)
            .write(&g, Vec::new())
            .expect("in memory");
        let limit = doc.len() as u64;
        let back = Importer::new()
            .with_max_bytes(limit)
            .import(doc.as_slice(), format)
            .unwrap_or_else(|e| panic!("{format}: {e}"));
        assert_eq!(back.graph, g, "{format}");
    }
}

#[test]
fn a_document_one_byte_over_the_limit_is_refused_in_every_format() {
    let g = common::everything();
    for format in RdfFormat::ALL {
        let doc = Exporter::new()
            .with_format(format)
            .write(&g, Vec::new())
            .expect("in memory");
        let limit = doc.len() as u64 - 1;
        let err = Importer::new()
            .with_max_bytes(limit)
            .import(doc.as_slice(), format)
            .expect_err("over the limit");
        assert!(
            matches!(err, ImportError::TooLarge { limit: l } if l == limit),
            "{format}: {err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!("the document is longer than the limit of {limit} bytes")
        );
    }
}

#[test]
fn an_endless_document_stops_at_the_limit() {
    // An endless stream of one valid triple after another: without the
    // limit this would never end; with it, reading stops after 1 MiB.
    let line = b"<https://example.org/a> <https://example.org/b> \"c\" .\n";
    let reader = EndlessLines { line, at: 0 };
    let err = Importer::new()
        .with_max_bytes(1 << 20)
        .import(reader, RdfFormat::NTriples)
        .expect_err("over the limit");
    assert!(
        matches!(err, ImportError::TooLarge { limit: 1_048_576 }),
        "{err:?}"
    );
}

struct EndlessLines {
    line: &'static [u8],
    at: usize,
}

impl std::io::Read for EndlessLines {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut n = 0;
        while n < buf.len() {
            buf[n] = self.line[self.at];
            self.at = (self.at + 1) % self.line.len();
            n += 1;
        }
        Ok(n)
    }
}

#[test]
fn the_ingester_refuses_an_article_over_its_limit() {
    let text = "= A =\n".repeat(10);
    let mut ing = Ingester::new().with_max_article_bytes(59);
    let err = ing
        .ingest_str("big.txt", &text)
        .expect_err("over the limit");
    assert!(matches!(
        err,
        IngestError::TooLarge {
            size: 60,
            limit: 59,
            ..
        }
    ));
    assert_eq!(
        err.to_string(),
        "big.txt: the article is 60 bytes long, the limit is 59"
    );
    let mut ing = Ingester::new().with_max_article_bytes(60);
    ing.ingest_str("ok.txt", &text).expect("at the limit");
}

#[test]
fn deeply_nested_json_is_refused_not_a_stack_overflow() {
    // A node is an internally tagged enum, which serde buffers whole
    // before it reads the tag, and buffering recurses: serde_json stops at
    // 128 levels.
    let deep = format!(
        r#"{{"format":"govgraph","version":1,"nodes":[{{"x":{}{}}}],"links":[]}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = GovGraph::from_json_str(&deep).expect_err("not a graph");
    assert!(err.to_string().contains("recursion limit"), "{err}");
    let err = GovGraph::read_json(deep.as_bytes()).expect_err("not a graph");
    assert!(err.to_string().contains("recursion limit"), "{err}");
}

/// Turtle, TriG and RDF/XML parsers keep their nesting on the heap, so a
/// document nested 100,000 levels deep imports (its blank nodes kept as
/// statements) instead of overflowing the stack; the JSON-LD parser stops
/// at 65,536 levels with a syntax error. Either way memory stays bounded
/// by the byte limit.
#[test]
fn deeply_nested_rdf_imports_or_is_refused_not_a_stack_overflow() {
    const DEPTH: usize = 100_000;
    let statements = |doc: String, format: RdfFormat| {
        Importer::new()
            .import(doc.as_bytes(), format)
            .unwrap_or_else(|e| panic!("{format}: {e}"))
            .report
            .statements()
    };
    let nested = "[ <http://e.org/p> ".repeat(DEPTH) + "<http://e.org/o>" + &" ]".repeat(DEPTH);
    // One triple per level, and the outermost.
    assert_eq!(
        statements(
            format!("<http://e.org/a> <http://e.org/p> {nested} ."),
            RdfFormat::Turtle
        ),
        DEPTH + 1
    );
    assert_eq!(
        statements(
            format!("<http://e.org/g> {{ <http://e.org/a> <http://e.org/p> {nested} . }}"),
            RdfFormat::TriG
        ),
        DEPTH + 1
    );
    // A collection of collections: rdf:first and rdf:rest per level, less
    // the innermost empty list's rest, plus the outermost triple.
    assert_eq!(
        statements(
            format!(
                "<http://e.org/a> <http://e.org/p> {}{} .",
                "( ".repeat(DEPTH),
                ")".repeat(DEPTH)
            ),
            RdfFormat::Turtle
        ),
        2 * DEPTH - 1
    );
    assert_eq!(
        statements(
            format!(
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
                 xmlns:e=\"http://e.org/\">{}{}</rdf:RDF>",
                "<rdf:Description><e:p>".repeat(DEPTH),
                "</e:p></rdf:Description>".repeat(DEPTH)
            ),
            RdfFormat::RdfXml
        ),
        DEPTH
    );
    let json_ld =
        "{\"http://e.org/p\":".repeat(DEPTH) + "{\"@id\":\"http://e.org/x\"}" + &"}".repeat(DEPTH);
    let err = Importer::new()
        .import(json_ld.as_bytes(), RdfFormat::JsonLd)
        .expect_err("deeper than the JSON-LD parser goes");
    let ImportError::Syntax { source, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(source.to_string().contains("Max stack size"), "{source}");
}
