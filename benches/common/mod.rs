//! What both benchmark binaries share: the sizes to run and how long to
//! spend on each.

use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, SamplingMode};

/// The sizes to run, 10^3 up to the cap: `GOVGRAPH_BENCH_MAX` when set,
/// else a million under `cargo bench` and ten thousand when the binary runs
/// as a test (`cargo test --benches`, `cargo bench -- --test`), where each
/// benchmark runs once and a large graph would only cost time.
pub(crate) fn sizes() -> Vec<usize> {
    let args: Vec<String> = std::env::args().collect();
    let timing = args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test");
    let cap = std::env::var("GOVGRAPH_BENCH_MAX")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(if timing { 1_000_000 } else { 10_000 });
    [1_000, 10_000, 100_000, 1_000_000]
        .into_iter()
        .filter(|&n| n <= cap)
        .collect()
}

/// Fewer, flat samples for the large sizes, so that the million-node
/// suite takes minutes rather than hours.
pub(crate) fn configure(group: &mut BenchmarkGroup<'_, WallTime>, size: usize) {
    group.warm_up_time(Duration::from_millis(500));
    if size >= 1_000_000 {
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .measurement_time(Duration::from_secs(2));
    } else if size >= 100_000 {
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .measurement_time(Duration::from_secs(3));
    } else {
        group
            .sample_size(20)
            .sampling_mode(SamplingMode::Auto)
            .measurement_time(Duration::from_secs(2));
    }
}

/// "10^3" for 1,000 and so on, for benchmark ids that sort and read well.
pub(crate) fn label(size: usize) -> String {
    format!("10^{}", size.ilog10())
}
