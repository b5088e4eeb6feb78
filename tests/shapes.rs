//! Shapes that break naive code, at the sizes the hardening issue names: a
//! hierarchy a million deep, a body with a million children, 200,000
//! disconnected bodies, a cycle brought in by an import, an article of
//! 100,000 lines. Each goes through export (streamed), import and JSON:
//! no stack overflow, no quadratic blow-up. (The traversals over the first
//! two shapes are in `tests/traverse.rs`.) The tests take a lock so that
//! they run one at a time: each holds a large graph, and the streaming
//! check reads the process's peak memory.

mod common;

use std::fmt::Write as _;
use std::io::{self, Write};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use govgraph::ingest::Ingester;
use govgraph::rdf::{Exporter, ImportError, Importer, RdfFormat};
use govgraph::{GovGraph, GraphError, OrgKind, Organization, Slug};

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

const MILLION: usize = 1_000_000;

fn bare(i: usize) -> Organization {
    Organization::new(
        Slug::new(format!("b{i}")).expect("valid"),
        OrgKind::Agency,
        format!("B{i}"),
    )
}

/// A writer that only counts.
struct Count(u64);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The process's peak resident memory, in bytes (Linux only).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[track_caller]
fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    eprintln!("{what}: {:.2?}", start.elapsed());
    out
}

/// Streams `g` as N-Triples (and, with `turtle`, Turtle) to a counting
/// writer, and checks that the peak memory grew by far less than the
/// document's size.
fn streamed_export_is_bounded(g: &GovGraph, turtle: bool) {
    let before = peak_rss();
    let nt = timed("  export N-Triples (streamed)", || {
        Exporter::new()
            .with_format(RdfFormat::NTriples)
            .write(g, Count(0))
            .expect("counting")
            .0
    });
    let ttl = if turtle {
        timed("  export Turtle (streamed)", || {
            Exporter::new()
                .with_format(RdfFormat::Turtle)
                .write(g, Count(0))
                .expect("counting")
                .0
        })
    } else {
        0
    };
    let after = peak_rss();
    eprintln!("  documents: {nt} bytes N-Triples, {ttl} bytes Turtle");
    if let (Some(before), Some(after)) = (before, after) {
        let grew = after.saturating_sub(before);
        eprintln!("  peak memory grew by {grew} bytes");
        assert!(
            grew < nt / 4,
            "exporting {nt} bytes raised peak memory by {grew} bytes"
        );
    }
}

/// Exports `g` as N-Triples into memory, imports it back and compares;
/// then the same through JSON.
fn round_trips(g: &GovGraph) {
    rdf_round_trips(g);
    json_round_trips(g);
}

/// Exports `g` as N-Triples into memory, imports it back and compares.
fn rdf_round_trips(g: &GovGraph) {
    let doc = timed("  export N-Triples to memory", || {
        Exporter::new()
            .with_format(RdfFormat::NTriples)
            .write(g, Vec::new())
            .expect("in memory")
    });
    let back = timed("  import N-Triples", || {
        Importer::new()
            .import(doc.as_slice(), RdfFormat::NTriples)
            .expect("imports")
            .graph
    });
    assert!(back == *g, "import(export(g)) != g");
}

/// Writes `g` as JSON, reads it back and compares.
fn json_round_trips(g: &GovGraph) {
    let mut json = Vec::new();
    timed("  write JSON", || {
        g.write_json(&mut json).expect("in memory");
    });
    let back = timed("  read JSON", || {
        GovGraph::read_json(json.as_slice()).expect("reads")
    });
    assert!(back == *g, "read(write(g)) != g");
}

fn deep() -> GovGraph {
    timed("  build", || {
        let mut g = GovGraph::with_capacity(MILLION, MILLION);
        let mut bottom = g.insert_org(bare(0)).expect("new");
        for i in 1..MILLION {
            bottom = g.add_sub_org(bottom, bare(i)).expect("fresh");
        }
        g
    })
}

fn wide() -> GovGraph {
    timed("  build", || {
        let mut g = GovGraph::with_capacity(MILLION + 1, MILLION);
        let root = g.insert_org(bare(0)).expect("new");
        for i in 1..=MILLION {
            g.add_sub_org(root, bare(i)).expect("fresh");
        }
        g
    })
}

#[test]
fn a_hierarchy_a_million_deep_streams_out_in_bounded_memory() {
    let _one = one_at_a_time();
    eprintln!("a hierarchy a million deep:");
    streamed_export_is_bounded(&deep(), false);
}

#[test]
fn a_body_with_a_million_children_streams_out_in_bounded_memory() {
    let _one = one_at_a_time();
    eprintln!("a body with a million children:");
    streamed_export_is_bounded(&wide(), false);
}

/// About 900 MB of N-Triples each way, and JSON: about a minute each in a
/// release build, far longer in a debug one, so run on demand with
/// `cargo test --release --test shapes -- --ignored`.
#[test]
#[ignore = "slow in a debug build: run with --release -- --ignored"]
fn a_hierarchy_a_million_deep_round_trips() {
    let _one = one_at_a_time();
    eprintln!("a hierarchy a million deep, round trips:");
    let g = deep();
    streamed_export_is_bounded(&g, true);
    round_trips(&g);
}

/// As above, for the wide shape.
#[test]
#[ignore = "slow in a debug build: run with --release -- --ignored"]
fn a_body_with_a_million_children_round_trips() {
    let _one = one_at_a_time();
    eprintln!("a body with a million children, round trips:");
    let g = wide();
    streamed_export_is_bounded(&g, true);
    round_trips(&g);
}

#[test]
fn two_hundred_thousand_disconnected_bodies_export_and_import() {
    let _one = one_at_a_time();
    eprintln!("200,000 disconnected bodies:");
    let g = timed("  build", || {
        let mut g = GovGraph::with_capacity(200_000, 0);
        for i in 0..200_000 {
            g.insert_org(bare(i)).expect("new");
        }
        g
    });
    streamed_export_is_bounded(&g, true);
    round_trips(&g);
    let a = g.org_by_slug("b0").expect("in").id();
    let b = g.org_by_slug("b199999").expect("in").id();
    assert!(timed("  path between two of them", || g.path(a, b)).is_none());
}

#[test]
fn a_cycle_brought_in_by_an_import_is_refused() {
    let _one = one_at_a_time();
    // A long chain whose top is made a child of its bottom: the last link
    // closes a cycle a hundred thousand long.
    let n = 100_000;
    let mut doc = String::new();
    let org = |i: usize| format!("<https://w3id.org/govgraph/id/org/b{i}>");
    for i in 0..n {
        let _ = writeln!(
            doc,
            "{} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/org#Organization> .",
            org(i)
        );
        let _ = writeln!(
            doc,
            "{} <http://www.w3.org/2004/02/skos/core#prefLabel> \"B{i}\"@en .",
            org(i)
        );
    }
    for i in 1..n {
        let _ = writeln!(
            doc,
            "{} <http://www.w3.org/ns/org#subOrganizationOf> {} .",
            org(i),
            org(i - 1)
        );
    }
    let _ = writeln!(
        doc,
        "{} <http://www.w3.org/ns/org#subOrganizationOf> {} .",
        org(0),
        org(n - 1)
    );
    let err = timed("a cycle 100,000 long through import", || {
        Importer::new()
            .import(doc.as_bytes(), RdfFormat::NTriples)
            .expect_err("a cycle")
    });
    assert!(
        matches!(
            err,
            ImportError::Graph {
                source: GraphError::Cycle { .. },
                ..
            }
        ),
        "{err:?}"
    );
    // And the two-body cycle, in Turtle.
    let small = "@prefix org: <http://www.w3.org/ns/org#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix o: <https://w3id.org/govgraph/id/org/> .
        o:a a org:Organization ; skos:prefLabel \"A\"@en ; org:subOrganizationOf o:b .
        o:b a org:Organization ; skos:prefLabel \"B\"@en ; org:subOrganizationOf o:a .";
    let err = Importer::new()
        .import(small.as_bytes(), RdfFormat::Turtle)
        .expect_err("a cycle");
    assert!(err.to_string().contains("cycle"), "{err}");
}

#[test]
fn an_article_of_a_hundred_thousand_lines_ingests() {
    let _one = one_at_a_time();
    let n = 100_000;
    let mut text = String::from(
        "= Big Agency =\nInfobox\n- Formed: 1949\n\nA big agency.\n\n== Functions ==\n",
    );
    for i in 1..=n / 2 {
        let _ = writeln!(text, "{i}. Function number {i}");
    }
    text.push_str("== Organization ==\n=== Departments ===\n");
    for i in 1..=n / 2 {
        let _ = writeln!(text, "- Department {i}");
    }
    assert!(text.lines().count() > n);
    let govgraph::ingest::Ingested { graph: g, .. } =
        timed("an article of 100,000 lines: ingest", || {
            let mut ing = Ingester::new();
            ing.ingest_str("big.txt", &text).expect("ingests");
            ing.finish()
        });
    let big = g.org_by_slug("big-agency").expect("ingested");
    assert_eq!(big.functions().count(), n / 2);
    assert_eq!(big.sub_organizations().count(), n / 2);
    timed("  round trips", || round_trips(&g));
}
