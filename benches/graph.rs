//! Building, lookups and walks on synthetic national graphs of 10^3 to
//! 10^6 nodes, each next to a bare baseline on the same data: std
//! `HashMap`s for the lookups, and a petgraph `StableDiGraph` holding the
//! same nodes and links (and one holding the hierarchy alone) for the walks.
//!
//! `cargo bench --features synthetic --bench graph`; see BENCHMARKS.md.

#![expect(
    clippy::cast_possible_truncation,
    reason = "node indices of graphs far below 2^32 nodes"
)]

mod common;

use std::collections::{HashMap, VecDeque};
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use govgraph::{GovGraph, NodeId, NodeKind, OrgId, Relation};
use petgraph::Direction;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, NodeIndexable};

/// How many lookups or walks one iteration makes.
const PER_ITER: usize = 1_000;

/// The graph and what the benchmarks ask of it, prepared outside timing.
struct Data {
    graph: GovGraph,
    /// The same nodes (by kind) and links, in the same order.
    mirror: StableDiGraph<NodeKind, Relation, u32>,
    /// The organization hierarchy alone, child to parent.
    tree: StableDiGraph<(), (), u32>,
    /// Bodies with no sub-organization, spread over the whole graph.
    leaves: Vec<OrgId>,
    /// Their mirror and tree indices (the same: organizations come first
    /// in neither, so each has its own map).
    leaf_ix: Vec<NodeIndex<u32>>,
    leaf_tree_ix: Vec<NodeIndex<u32>>,
    council_ix: NodeIndex<u32>,
    council_tree_ix: NodeIndex<u32>,
    slugs: Vec<String>,
    slug_map: HashMap<Box<str>, u32>,
    labels: Vec<String>,
    label_map: HashMap<String, Vec<u32>>,
}

fn prepare(size: usize) -> Data {
    let graph = govgraph::synthetic::national(size, 1);
    let mut mirror = StableDiGraph::with_capacity(graph.node_count(), graph.link_count());
    let mut at: HashMap<NodeId, NodeIndex<u32>> = HashMap::with_capacity(graph.node_count());
    let mut slug_map = HashMap::new();
    let mut label_map: HashMap<String, Vec<u32>> = HashMap::new();
    for (id, node) in graph.nodes() {
        let ix = mirror.add_node(id.kind());
        at.insert(id, ix);
        if id.kind() == NodeKind::Organization {
            slug_map.insert(node.slug().as_str().into(), ix.index() as u32);
        }
        for text in node.labels().into_iter().flat_map(govgraph::Labels::texts) {
            label_map
                .entry(text.trim().to_lowercase())
                .or_default()
                .push(ix.index() as u32);
        }
    }
    let mut tree = StableDiGraph::with_capacity(0, 0);
    let mut tree_at: HashMap<NodeId, NodeIndex<u32>> = HashMap::new();
    for org in graph.orgs() {
        tree_at.insert(org.id().into(), tree.add_node(()));
    }
    for (from, rel, to) in graph.links() {
        mirror.add_edge(at[&from], at[&to], rel);
        if rel == Relation::SubOrganizationOf {
            tree.add_edge(tree_at[&from], tree_at[&to], ());
        }
    }
    let all_leaves: Vec<OrgId> = graph
        .orgs()
        .filter(|o| o.sub_organizations().len() == 0)
        .map(govgraph::OrgRef::id)
        .collect();
    let stride = (all_leaves.len() / PER_ITER).max(1);
    let leaves: Vec<OrgId> = all_leaves
        .iter()
        .step_by(stride)
        .take(PER_ITER)
        .copied()
        .collect();
    let leaf_ix = leaves.iter().map(|&l| at[&NodeId::from(l)]).collect();
    let leaf_tree_ix = leaves.iter().map(|&l| tree_at[&NodeId::from(l)]).collect();
    let council = graph
        .org_by_slug("national-council")
        .map(|o| NodeId::from(o.id()));
    let council = council.expect("every national graph has its council");
    let orgs: Vec<_> = graph.orgs().collect();
    let stride = (orgs.len() / PER_ITER).max(1);
    let slugs = orgs
        .iter()
        .step_by(stride)
        .take(PER_ITER)
        .map(|o| o.slug().to_string())
        .collect();
    // Labels of every kind, as a user would type them (mixed case).
    let stride = (graph.node_count() / PER_ITER).max(1);
    let labels = graph
        .nodes()
        .step_by(stride)
        .filter_map(|(_, n)| n.labels().and_then(|l| l.english()).map(str::to_owned))
        .take(PER_ITER)
        .collect();
    Data {
        council_ix: at[&council],
        council_tree_ix: tree_at[&council],
        graph,
        mirror,
        tree,
        leaves,
        leaf_ix,
        leaf_tree_ix,
        slugs,
        slug_map,
        labels,
        label_map,
    }
}

/// Ancestors in a petgraph graph: follow the one outgoing edge of `rel`.
fn petgraph_ancestors<N, E: PartialEq>(
    g: &StableDiGraph<N, E, u32>,
    start: NodeIndex<u32>,
    rel: &E,
) -> usize {
    let mut hops = 0;
    let mut at = start;
    while let Some(e) = g
        .edges_directed(at, Direction::Outgoing)
        .find(|e| e.weight() == rel)
    {
        at = e.target();
        hops += 1;
    }
    hops
}

/// Descendants in a petgraph graph: breadth-first over incoming `rel` edges.
fn petgraph_descendants<N, E: PartialEq>(
    g: &StableDiGraph<N, E, u32>,
    start: NodeIndex<u32>,
    rel: &E,
) -> usize {
    let mut queue = VecDeque::from([start]);
    let mut seen = 0;
    while let Some(n) = queue.pop_front() {
        for e in g.edges_directed(n, Direction::Incoming) {
            if e.weight() == rel {
                queue.push_back(e.source());
                seen += 1;
            }
        }
    }
    seen
}

/// A shortest undirected path in a petgraph graph: breadth-first with a
/// predecessor array. Returns its length.
fn petgraph_path<N, E>(
    g: &StableDiGraph<N, E, u32>,
    a: NodeIndex<u32>,
    b: NodeIndex<u32>,
) -> usize {
    let mut prev = vec![u32::MAX; g.node_bound()];
    prev[a.index()] = a.index() as u32;
    let mut queue = VecDeque::from([a]);
    'search: while let Some(n) = queue.pop_front() {
        for m in g.neighbors_undirected(n) {
            if prev[m.index()] == u32::MAX {
                prev[m.index()] = n.index() as u32;
                if m == b {
                    break 'search;
                }
                queue.push_back(m);
            }
        }
    }
    let mut len = 0;
    let mut at = b.index();
    while at != a.index() && prev[at] != u32::MAX {
        at = prev[at] as usize;
        len += 1;
    }
    len
}

fn bench(c: &mut Criterion) {
    for size in common::sizes() {
        let p = common::label(size);
        let mut group = c.benchmark_group("build");
        common::configure(&mut group, size);
        group.throughput(Throughput::Elements(size as u64));
        group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
            b.iter(|| govgraph::synthetic::national(black_box(size), 1));
        });
        group.finish();

        let d = prepare(size);
        lookups(c, &d, size);
        walks(c, &d, size);
    }
}

/// By slug and by label, against std `HashMap`s of the same keys.
fn lookups(c: &mut Criterion, d: &Data, size: usize) {
    let (g, p) = (&d.graph, common::label(size));

    let mut group = c.benchmark_group("lookup_slug");
    common::configure(&mut group, size);
    group.throughput(Throughput::Elements(d.slugs.len() as u64));
    group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
        b.iter(|| {
            d.slugs
                .iter()
                .filter(|s| g.org_by_slug(black_box(s)).is_some())
                .count()
        });
    });
    group.bench_function(BenchmarkId::new("hashmap", &p), |b| {
        b.iter(|| {
            d.slugs
                .iter()
                .filter(|s| d.slug_map.contains_key(black_box(s.as_str())))
                .count()
        });
    });
    group.finish();

    let mut group = c.benchmark_group("lookup_label");
    common::configure(&mut group, size);
    group.throughput(Throughput::Elements(d.labels.len() as u64));
    group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
        b.iter(|| {
            d.labels
                .iter()
                .map(|s| g.find_by_label(black_box(s)).len())
                .sum::<usize>()
        });
    });
    group.bench_function(BenchmarkId::new("hashmap", &p), |b| {
        b.iter(|| {
            d.labels
                .iter()
                .map(|s| {
                    d.label_map
                        .get(&black_box(s).trim().to_lowercase())
                        .map_or(0, Vec::len)
                })
                .sum::<usize>()
        });
    });
    group.finish();

    // One search a run, over every name of every node: `search` ranks
    // exact, prefix and substring matches; the baseline lowercases each
    // name and asks `contains`, as the command line did before `search`.
    let mut group = c.benchmark_group("search");
    common::configure(&mut group, size);
    group.throughput(Throughput::Elements(g.node_count() as u64));
    group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
        b.iter(|| g.search(black_box("bureau")).count());
    });
    group.bench_function(BenchmarkId::new("lowercase_contains", &p), |b| {
        b.iter(|| {
            let needle = black_box("bureau");
            g.nodes()
                .filter(|(_, n)| {
                    n.labels()
                        .into_iter()
                        .flat_map(govgraph::Labels::texts)
                        .any(|t| t.to_lowercase().contains(needle))
                })
                .count()
        });
    });
    group.finish();
}

/// Ancestors, descendants and a path, against petgraph on the same links.
fn walks(c: &mut Criterion, d: &Data, size: usize) {
    let (g, p) = (&d.graph, common::label(size));
    let hops: usize = d
        .leaves
        .iter()
        .map(|&l| g.org(l).map_or(0, |o| o.ancestors().count()))
        .sum();
    let mut group = c.benchmark_group("ancestors");
    common::configure(&mut group, size);
    group.throughput(Throughput::Elements(hops as u64));
    group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
        b.iter(|| {
            d.leaves
                .iter()
                .map(|&l| g.org(black_box(l)).map_or(0, |o| o.ancestors().count()))
                .sum::<usize>()
        });
    });
    group.bench_function(BenchmarkId::new("petgraph_same_links", &p), |b| {
        b.iter(|| {
            d.leaf_ix
                .iter()
                .map(|&l| petgraph_ancestors(&d.mirror, black_box(l), &Relation::SubOrganizationOf))
                .sum::<usize>()
        });
    });
    group.bench_function(BenchmarkId::new("petgraph_tree_only", &p), |b| {
        b.iter(|| {
            d.leaf_tree_ix
                .iter()
                .map(|&l| petgraph_ancestors(&d.tree, black_box(l), &()))
                .sum::<usize>()
        });
    });
    group.finish();

    let mut group = c.benchmark_group("slug_then_ancestors");
    common::configure(&mut group, size);
    let leaf_slugs: Vec<String> = d
        .leaves
        .iter()
        .filter_map(|&l| g.org(l).map(|o| o.slug().to_string()))
        .collect();
    group.throughput(Throughput::Elements(leaf_slugs.len() as u64));
    group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
        b.iter(|| {
            leaf_slugs
                .iter()
                .map(|s| {
                    g.org_by_slug(black_box(s))
                        .map_or(0, |o| o.ancestors().count())
                })
                .sum::<usize>()
        });
    });
    group.finish();

    let council = g
        .org_by_slug("national-council")
        .expect("the council is there");
    let below = council.descendants().count();
    let mut group = c.benchmark_group("descendants");
    common::configure(&mut group, size);
    group.throughput(Throughput::Elements(below as u64));
    group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
        b.iter(|| black_box(council).descendants().count());
    });
    group.bench_function(BenchmarkId::new("petgraph_same_links", &p), |b| {
        b.iter(|| {
            petgraph_descendants(
                &d.mirror,
                black_box(d.council_ix),
                &Relation::SubOrganizationOf,
            )
        });
    });
    group.bench_function(BenchmarkId::new("petgraph_tree_only", &p), |b| {
        b.iter(|| petgraph_descendants(&d.tree, black_box(d.council_tree_ix), &()));
    });
    group.finish();

    // Two leaves far apart: the first and the last body with no
    // sub-organization, in different provinces at every size.
    let (first, last) = (d.leaves[0], d.leaves[d.leaves.len() - 1]);
    let (fi, li) = (d.leaf_ix[0], d.leaf_ix[d.leaf_ix.len() - 1]);
    let mut group = c.benchmark_group("path");
    common::configure(&mut group, size);
    group.throughput(Throughput::Elements(1));
    group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
        b.iter(|| g.path(black_box(first), black_box(last)).map(|p| p.len()));
    });
    group.bench_function(BenchmarkId::new("petgraph_same_links", &p), |b| {
        b.iter(|| petgraph_path(&d.mirror, black_box(fi), black_box(li)));
    });
    group.finish();
    let ours = g.path(first, last).map(|p| p.len());
    let bare = petgraph_path(&d.mirror, fi, li);
    eprintln!(
        "{p}: {} nodes, {} links, {} bodies; {} leaves walked, {hops} hops; {below} descendants of the council; path of {ours:?} links (petgraph {bare})",
        g.node_count(),
        g.link_count(),
        g.orgs().count(),
        d.leaves.len(),
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
