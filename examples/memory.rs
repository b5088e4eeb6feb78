//! Memory and one-shot timings of a synthetic national graph, measured with
//! a counting global allocator (bytes asked of the allocator, without its
//! own overhead).
//!
//! ```text
//! cargo run --release --features synthetic --example memory -- 1000000 [out.ttl]
//! cargo run --release --features synthetic --example memory -- --dated 1000000
//! ```
//!
//! With `--dated`, the graph is [`national_dated`](govgraph::synthetic::national_dated)'s
//! (moves and successions) and the RDF figures are left out (the RDF of
//! time is not written yet).
//!
//! Prints the bytes per node of the whole graph, what they go to (the
//! node records, petgraph's arrays, the slug index, the label index), the
//! extra memory an export and an import take, and the time to build,
//! export to Turtle and re-import, and writes the graph as Turtle to
//! `out.ttl` when given (for `benches/compare/compare.py`). The size defaults to 10,000 nodes so
//! that CI, which runs every example, stays quick.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::io;
use std::time::Instant;

use govgraph::rdf::{Exporter, Importer, RdfFormat};
use govgraph::{GovGraph, Node, Relation};
use peak_alloc::PeakAlloc;

#[global_allocator]
static ALLOC: PeakAlloc = PeakAlloc;

fn now() -> usize {
    ALLOC.current_usage()
}

#[expect(clippy::cast_precision_loss, reason = "byte counts far below 2^52")]
fn per(bytes: usize, n: usize) -> f64 {
    bytes as f64 / n.max(1) as f64
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", per(bytes, 1 << 20))
}

/// A writer that counts the bytes it is given (not `io::sink()`, whose
/// `write_fmt` skips the formatting an export would do).
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

/// The key the label index uses (`trim` and Unicode lowercase).
fn label_key(text: &str) -> String {
    text.trim().to_lowercase()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dated = std::env::args().any(|a| a == "--dated");
    let args: Vec<String> = std::env::args().filter(|a| a != "--dated").collect();
    let size: usize = match args.get(1) {
        Some(arg) => arg.replace('_', "").parse()?,
        None => 10_000,
    };
    let before = now();
    let clock = Instant::now();
    let graph = if dated {
        govgraph::synthetic::national_dated(size, 1)
    } else {
        govgraph::synthetic::national(size, 1)
    };
    let build = clock.elapsed();
    let total = now() - before;
    let nodes = graph.node_count();
    let orgs = graph.orgs().count();
    println!(
        "graph: {nodes} nodes ({orgs} organizations), {} links, built in {:.2} s",
        graph.link_count(),
        build.as_secs_f64()
    );
    println!(
        "memory: {} in all, {:.0} bytes per node, {:.0} per organization",
        mib(total),
        per(total, nodes),
        per(total, orgs)
    );
    breakdown(&graph, size, total)?;
    if dated {
        let dated_links = graph.links_during().filter(|l| !l.3.is_timeless()).count();
        let tenures = graph
            .nodes()
            .filter(|(_, n)| matches!(n, Node::Tenure(_)))
            .count();
        println!("  {dated_links} dated links, {tenures} tenures");
        // The succession index `holders_on` reads, built as queries build it.
        let (before, clock) = (now(), Instant::now());
        graph.prepare_queries();
        let index = now() - before;
        println!(
            "  succession index: {} ({:.1} bytes per node, {:.1} per tenure), built in {:.3} s",
            mib(index),
            per(index, nodes),
            per(index, tenures),
            clock.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    rdf_figures(&graph)?;
    // For benches/compare/compare.py: the same graph as Turtle.
    if let Some(path) = args.get(2) {
        let file = io::BufWriter::new(std::fs::File::create(path)?);
        Exporter::new().write(&graph, file)?;
        println!("wrote {path}");
    }
    Ok(())
}

/// What the parts cost, each rebuilt alone with the graph's own capacities
/// and key types; the node records' own heap is what is left.
fn breakdown(
    graph: &GovGraph,
    size: usize,
    total: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let nodes = graph.node_count();
    let links = graph.link_count();
    let node_size = size_of::<Node>();
    // StableGraph keeps each node as Option<N> plus two u32 edge heads, and
    // each link as Option<Relation> plus two node and two next indices;
    // national() reserves room for `size` nodes and 2 * `size` links.
    let node_slot = size_of::<Option<Node>>() + 8;
    let edge_slot = size_of::<(Option<Relation>, [u32; 4])>();
    let arrays = node_slot * nodes + edge_slot * links.max(2 * size);

    // The graph's two indexes keep a 32-bit hash of each key and the
    // node's position (src/index.rs); rebuild the same shape alone.
    let state = RandomState::new();
    #[expect(
        clippy::cast_possible_truncation,
        reason = "folding to 32 bits, as the index does"
    )]
    let fold = |h: u64| (h ^ (h >> 32)) as u32;
    let mark = now();
    let mut slugs: HashMap<u32, u32> = HashMap::with_capacity(size);
    for (i, (id, node)) in graph.nodes().enumerate() {
        slugs.insert(
            fold(state.hash_one((id.kind(), node.slug().as_str()))),
            u32::try_from(i)?,
        );
    }
    let slug_index = now() - mark;

    let mark = now();
    let mut labels: HashMap<u32, u32> = HashMap::with_capacity(size);
    let mut keys = 0usize;
    for (i, (_, node)) in graph.nodes().enumerate() {
        let i = u32::try_from(i)?;
        let texts: Vec<String> = match node {
            Node::Site(s) => vec![label_key(&s.label)],
            other => other
                .labels()
                .map(|l| l.texts().map(label_key).collect())
                .unwrap_or_default(),
        };
        for key in texts {
            keys += 1;
            labels.insert(fold(state.hash_one(key)), i);
        }
    }
    let label_index = now() - mark;
    drop(labels);
    drop(slugs);

    let records = total.saturating_sub(arrays + slug_index + label_index);
    println!("  size_of::<Node>() = {node_size} bytes");
    let row = |name: &str, bytes: usize| {
        println!(
            "  {name:<48} {:>12} {:>6.0} bytes/node",
            mib(bytes),
            per(bytes, nodes)
        );
    };
    row("node records and petgraph arrays (capacity)", arrays);
    row("  of which inline node records", node_size * nodes);
    row("slug index (32-bit hash -> position)", slug_index);
    row(
        &format!("label index (32-bit hash -> position), {keys} keys"),
        label_index,
    );
    row("heap owned by node records (the rest)", records);
    Ok(())
}

/// Export and import: time and the memory each takes beyond its input.
fn rdf_figures(graph: &GovGraph) -> Result<(), Box<dyn std::error::Error>> {
    // Export streams, so its extra memory should not grow with the graph.
    ALLOC.reset_peak_usage();
    let base = now();
    let clock = Instant::now();
    let written = Exporter::new().write(graph, Counter(0))?.0;
    println!(
        "export Turtle ({}) to a byte counter: {:.2} s, extra peak memory {}",
        mib(written),
        clock.elapsed().as_secs_f64(),
        mib(ALLOC.peak_usage() - base)
    );
    let ttl = Exporter::new().write(graph, Vec::new())?;
    let nt = Exporter::new()
        .with_format(RdfFormat::NTriples)
        .write(graph, Vec::new())?;
    let triples = nt.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
    println!(
        "  {triples} triples, {:.1} per node; Turtle {}, N-Triples {}",
        per(triples, graph.node_count()),
        mib(ttl.len()),
        mib(nt.len())
    );
    drop(nt);

    // The parser alone on the same bytes, for the ratio.
    let clock = Instant::now();
    let parsed = oxttl::TurtleParser::new().for_slice(&ttl).flatten().count();
    let parse = clock.elapsed();
    println!(
        "oxttl parse of the same Turtle ({parsed} triples): {:.2} s",
        parse.as_secs_f64()
    );

    ALLOC.reset_peak_usage();
    let base = now();
    let clock = Instant::now();
    let back = Importer::new().import_slice(&ttl, RdfFormat::Turtle)?;
    let import = clock.elapsed();
    let peak = ALLOC.peak_usage() - base;
    println!(
        "import Turtle: {:.2} s ({:.2}x of the parse), peak memory above the input {} ({:.0} bytes per triple), result {}",
        import.as_secs_f64(),
        parse.as_secs_f64() / import.as_secs_f64(),
        mib(peak),
        per(peak, triples),
        mib(now() - base)
    );
    println!("  round trip equal: {}", back.graph == *graph);
    Ok(())
}
