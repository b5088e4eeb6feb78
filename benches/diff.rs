//! Deltas between two synthetic national graphs that differ in 1 % of
//! their nodes (a third removed with their links, a third given another
//! label, a third new persons), at 10^3 to 10^6 nodes: `GovGraph::diff`
//! and `GovGraph::apply`, next to the floor of comparing the two graphs
//! for equality (`==`, which must also look at every node and link).
//!
//! `cargo bench --features synthetic --bench diff`; see BENCHMARKS.md.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use govgraph::diff::{Change, Delta, NodeKey};
use govgraph::{GovGraph, Label, Lang, Node, Person, Slug};

/// The changed graph: every 100th node changed, in turn removed, given a
/// new alternate label, or followed by a new person.
fn changed(a: &GovGraph) -> GovGraph {
    let key = |n: &Node| NodeKey::new(n.kind(), n.slug().clone());
    let mut removed = std::collections::HashSet::new();
    let mut changes = Vec::new();
    for (i, (id, n)) in a.nodes().enumerate() {
        if i % 100 != 0 {
            continue;
        }
        match (i / 100) % 3 {
            0 => {
                removed.insert(id);
                changes.push(Change::NodeRemoved { key: key(n) });
            }
            1 if n.labels().is_some() => changes.push(Change::LabelAdded {
                key: key(n),
                label: Label {
                    lang: Lang::en(),
                    text: format!("Also known as {i}"),
                },
                preferred: false,
            }),
            _ => {
                let slug = Slug::new(format!("bench-added-{i}")).expect("a valid slug");
                changes.push(Change::NodeAdded {
                    node: Person::new(slug, format!("Added {i}")).into(),
                    after: Some(key(n)),
                });
            }
        }
    }
    for (from, relation, to, during) in a.links_during() {
        if removed.contains(&from) || removed.contains(&to) {
            let k = |id| a.get(id).map(key).expect("a node of the graph");
            changes.push(Change::LinkRemoved {
                from: k(from),
                relation,
                to: k(to),
                during,
            });
        }
    }
    a.apply(&changes.into_iter().collect::<Delta>())
        .expect("the bench delta fits")
}

fn bench(crit: &mut Criterion) {
    for size in common::sizes() {
        let p = common::label(size);
        let a = govgraph::synthetic::national(size, 1);
        let b = changed(&a);
        let delta = GovGraph::diff(&a, &b);
        assert_eq!(a.apply(&delta).expect("applies"), b);
        let n = a.node_count() as u64;

        let mut group = crit.benchmark_group("diff");
        common::configure(&mut group, size);
        group.throughput(Throughput::Elements(n));
        group.bench_function(BenchmarkId::new("govgraph", &p), |bench| {
            bench.iter(|| GovGraph::diff(black_box(&a), black_box(&b)));
        });
        // Equality of two equal graphs walks every node and link.
        let same = a.clone();
        group.bench_function(BenchmarkId::new("eq_floor", &p), |bench| {
            bench.iter(|| black_box(&a) == black_box(&same));
        });
        group.finish();

        let mut group = crit.benchmark_group("apply");
        common::configure(&mut group, size);
        group.throughput(Throughput::Elements(n));
        group.bench_function(BenchmarkId::new("govgraph", &p), |bench| {
            bench.iter(|| black_box(&a).apply(black_box(&delta)));
        });
        group.bench_function(BenchmarkId::new("clone_floor", &p), |bench| {
            bench.iter(|| black_box(&a).clone());
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
