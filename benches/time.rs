//! Time: dated queries on synthetic national graphs with a history
//! (`synthetic::national_dated`: dated parent links, three or four tenures
//! a post), each next to the same walk without a date in the same run;
//! and the whole graph's lint.
//!
//! `cargo bench --features synthetic --bench time`; see BENCHMARKS.md,
//! "Time".

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use govgraph::{GovGraph, OrgId, PartialDate, PostId};

/// How many queries one iteration makes.
const PER_ITER: usize = 1_000;

struct Data {
    graph: GovGraph,
    /// Posts spread over the whole graph.
    posts: Vec<PostId>,
    /// Bodies spread over the whole graph, a share of them moved.
    orgs: Vec<OrgId>,
    /// The asked-about day: inside most successions and after most moves.
    day: PartialDate,
}

/// Every `n / PER_ITER`-th item, so the sample spans the graph.
fn spread<T: Copy>(all: &[T]) -> Vec<T> {
    let step = (all.len() / PER_ITER).max(1);
    all.iter().step_by(step).take(PER_ITER).copied().collect()
}

fn prepare(size: usize) -> Data {
    let graph = govgraph::synthetic::national_dated(size, 1);
    let posts: Vec<PostId> = graph
        .orgs()
        .flat_map(govgraph::OrgRef::posts)
        .map(govgraph::PostRef::id)
        .collect();
    let orgs: Vec<OrgId> = graph.orgs().map(govgraph::OrgRef::id).collect();
    Data {
        posts: spread(&posts),
        orgs: spread(&orgs),
        graph,
        day: "2010-06-15".parse().expect("a date"),
    }
}

fn bench(c: &mut Criterion) {
    for size in common::sizes() {
        let d = prepare(size);
        let (g, p, day) = (&d.graph, common::label(size), d.day);

        let mut group = c.benchmark_group("holders_on");
        common::configure(&mut group, size);
        group.throughput(Throughput::Elements(d.posts.len() as u64));
        group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
            b.iter(|| {
                d.posts
                    .iter()
                    .filter_map(|&id| g.post(black_box(id)))
                    .map(|post| post.holders_on(black_box(day)).count())
                    .sum::<usize>()
            });
        });
        // The same post's holders without a date: every tenure, in time
        // order.
        group.bench_function(BenchmarkId::new("holders_undated", &p), |b| {
            b.iter(|| {
                d.posts
                    .iter()
                    .filter_map(|&id| g.post(black_box(id)))
                    .map(|post| post.holders().count())
                    .sum::<usize>()
            });
        });
        group.finish();

        let mut group = c.benchmark_group("parent_on");
        common::configure(&mut group, size);
        group.throughput(Throughput::Elements(d.orgs.len() as u64));
        group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
            b.iter(|| {
                d.orgs
                    .iter()
                    .filter_map(|&id| g.org(black_box(id)))
                    .filter(|o| o.parent_on(black_box(day)).is_some())
                    .count()
            });
        });
        group.bench_function(BenchmarkId::new("parent_now", &p), |b| {
            b.iter(|| {
                d.orgs
                    .iter()
                    .filter_map(|&id| g.org(black_box(id)))
                    .filter(|o| o.parent().is_some())
                    .count()
            });
        });
        group.finish();

        // The whole graph's lint, per node: one pass over nodes and links.
        let mut group = c.benchmark_group("lint");
        common::configure(&mut group, size);
        group.throughput(Throughput::Elements(g.node_count() as u64));
        group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
            b.iter(|| black_box(g).lint().count());
        });
        group.finish();

        let mut group = c.benchmark_group("as_of_view");
        common::configure(&mut group, size);
        group.throughput(Throughput::Elements(1));
        group.bench_function(BenchmarkId::new("govgraph", &p), |b| {
            b.iter(|| black_box(g).as_of(black_box(day)));
        });
        group.finish();

        let council = g.org_by_slug("national-council").expect("the council");
        let view = g.as_of(day);
        let council_then = view
            .org_by_slug("national-council")
            .expect("the council is timeless");
        let below_now = council.descendants().count();
        let below_then = council_then.descendants().count();
        let mut group = c.benchmark_group("descendants_as_of");
        common::configure(&mut group, size);
        group.throughput(Throughput::Elements(below_then as u64));
        group.bench_function(BenchmarkId::new("as_of", &p), |b| {
            b.iter(|| black_box(council_then).descendants().count());
        });
        group.bench_function(BenchmarkId::new("undated", &p), |b| {
            b.iter(|| black_box(council).descendants().count());
        });
        group.finish();

        report(&d, &p, below_now, below_then);
    }
}

/// What was measured on, to stderr.
fn report(d: &Data, p: &str, below_now: usize, below_then: usize) {
    let (g, day) = (&d.graph, d.day);
    let held: usize = d
        .posts
        .iter()
        .filter_map(|&id| g.post(id))
        .map(|post| post.holders_on(day).count())
        .sum();
    let tenures: usize = d
        .posts
        .iter()
        .filter_map(|&id| g.post(id))
        .map(|post| post.tenures().count())
        .sum();
    let moved = g
        .links_during()
        .filter(|l| l.1 == govgraph::Relation::SubOrganizationOf && !l.3.is_timeless())
        .count();
    eprintln!(
        "{p}: {} nodes, {} bodies, {moved} dated parent links; {} posts asked, {tenures} tenures, {held} held on {day}; {below_now} descendants of the council now, {below_then} on {day}; {} lint findings",
        g.node_count(),
        g.orgs().count(),
        d.posts.len(),
        g.lint().count(),
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
