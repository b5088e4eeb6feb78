//! RDF and JSON, both ways, on synthetic national graphs of 10^3 to 10^6
//! nodes. Each export and import runs next to the bare-library ceiling on
//! the same data in the same run, so the figure to read is the ratio:
//!
//! - export: oxttl serializing borrowed `TripleRef`s taken from a `Vec` of
//!   the same triples, owned and built before timing, with the same
//!   prefixes, into the same byte-counting writer;
//! - import: oxttl parsing the same bytes into triples and dropping them,
//!   from a slice (its fastest path) and from a reader through oxrdfio
//!   (the path `Importer` takes), without building a graph.
//!
//! `cargo bench --features synthetic --bench rdf`; see BENCHMARKS.md.

mod common;

use std::hint::black_box;
use std::io;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use govgraph::GovGraph;
use govgraph::rdf::{DEFAULT_BASE_IRI, Exporter, INSTANCE_PREFIXES, Importer, RdfFormat};
use oxrdf::Triple;
use oxttl::{NTriplesParser, NTriplesSerializer, TurtleParser, TurtleSerializer};

/// A writer that takes every byte and keeps only their count. Not
/// `io::sink()`: that one's `write_fmt` returns without formatting, which
/// would time a serializer that never writes N-Triples at all.
struct Counter(usize);

impl io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The serializer govgraph's Turtle export sets up: the same prefixes.
fn turtle_serializer() -> TurtleSerializer {
    let mut ser = TurtleSerializer::new();
    for (name, ns) in govgraph::rdf::vocab::PREFIXES {
        ser = ser.with_prefix(*name, *ns).expect("valid prefix");
    }
    for (name, segment) in INSTANCE_PREFIXES {
        ser = ser
            .with_prefix(*name, format!("{DEFAULT_BASE_IRI}{segment}/"))
            .expect("valid prefix");
    }
    ser
}

fn oxttl_turtle(triples: &[Triple]) -> io::Result<Counter> {
    let mut w = turtle_serializer().for_writer(Counter(0));
    for t in triples {
        w.serialize_triple(t.as_ref())?;
    }
    w.finish()
}

fn oxttl_ntriples(triples: &[Triple]) -> io::Result<Counter> {
    let mut w = NTriplesSerializer::new().for_writer(Counter(0));
    for t in triples {
        w.serialize_triple(t.as_ref())?;
    }
    Ok(w.finish())
}

/// Parses `bytes` with oxrdfio from a reader, as `Importer` does, and
/// counts the quads.
fn oxrdfio_reader(bytes: &[u8], format: oxrdfio::RdfFormat) -> usize {
    oxrdfio::RdfParser::from_format(format)
        .for_reader(bytes)
        .flatten()
        .count()
}

fn bench(c: &mut Criterion) {
    for size in common::sizes() {
        let p = common::label(size);
        let g = govgraph::synthetic::national(size, 1);
        let ttl = govgraph::rdf::write_turtle(&g, Vec::new()).expect("write to a Vec");
        let nt = govgraph::rdf::write_ntriples(&g, Vec::new()).expect("write to a Vec");
        let triples: Vec<Triple> = NTriplesParser::new()
            .for_slice(&nt)
            .collect::<Result<_, _>>()
            .expect("our own N-Triples parse");
        let n = triples.len() as u64;
        let mut json = Vec::new();
        g.write_json(&mut json).expect("write to a Vec");
        eprintln!(
            "{p}: {} nodes, {n} triples; Turtle {} bytes, N-Triples {} bytes, JSON {} bytes",
            g.node_count(),
            ttl.len(),
            nt.len(),
            json.len()
        );

        let mut group = c.benchmark_group("export_turtle");
        common::configure(&mut group, size);
        group.throughput(Throughput::Elements(n));
        group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
            b.iter(|| Exporter::new().write(black_box(&g), Counter(0)));
        });
        group.bench_function(BenchmarkId::new("oxttl_ceiling", &p), |b| {
            b.iter(|| oxttl_turtle(black_box(&triples)));
        });
        group.finish();

        let mut group = c.benchmark_group("export_ntriples");
        common::configure(&mut group, size);
        group.throughput(Throughput::Elements(n));
        group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
            b.iter(|| {
                Exporter::new()
                    .with_format(RdfFormat::NTriples)
                    .write(black_box(&g), Counter(0))
            });
        });
        group.bench_function(BenchmarkId::new("oxttl_ceiling", &p), |b| {
            b.iter(|| oxttl_ntriples(black_box(&triples)));
        });
        group.finish();
        drop(triples);

        let mut group = c.benchmark_group("import_turtle");
        common::configure(&mut group, size);
        group.throughput(Throughput::Elements(n));
        group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
            b.iter(|| Importer::new().import_slice(black_box(&ttl), RdfFormat::Turtle));
        });
        group.bench_function(BenchmarkId::new("oxttl_ceiling", &p), |b| {
            b.iter(|| {
                TurtleParser::new()
                    .for_slice(black_box(&ttl))
                    .flatten()
                    .count()
            });
        });
        group.bench_function(BenchmarkId::new("oxrdfio_reader", &p), |b| {
            b.iter(|| oxrdfio_reader(black_box(&ttl), oxrdfio::RdfFormat::Turtle));
        });
        group.finish();

        let mut group = c.benchmark_group("import_ntriples");
        common::configure(&mut group, size);
        group.throughput(Throughput::Elements(n));
        group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
            b.iter(|| Importer::new().import_slice(black_box(&nt), RdfFormat::NTriples));
        });
        group.bench_function(BenchmarkId::new("oxttl_ceiling", &p), |b| {
            b.iter(|| {
                NTriplesParser::new()
                    .for_slice(black_box(&nt))
                    .flatten()
                    .count()
            });
        });
        group.bench_function(BenchmarkId::new("oxrdfio_reader", &p), |b| {
            b.iter(|| oxrdfio_reader(black_box(&nt), oxrdfio::RdfFormat::NTriples));
        });
        group.finish();

        let mut group = c.benchmark_group("json_write");
        common::configure(&mut group, size);
        group.throughput(Throughput::Bytes(json.len() as u64));
        group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
            b.iter(|| black_box(&g).write_json(Counter(0)));
        });
        group.finish();

        let mut group = c.benchmark_group("json_read");
        common::configure(&mut group, size);
        group.throughput(Throughput::Bytes(json.len() as u64));
        group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
            b.iter(|| GovGraph::read_json(black_box(json.as_slice())));
        });
        group.bench_function(BenchmarkId::new("serde_json_ceiling", &p), |b| {
            b.iter(|| serde_json::from_slice::<serde::de::IgnoredAny>(black_box(&json)));
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
