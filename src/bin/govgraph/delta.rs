//! `govgraph diff` and `govgraph patch`: deltas between two graphs.

use std::fs;
use std::io::{self, BufWriter, Write};

use clap::ValueEnum;
use govgraph::GovGraph;
use govgraph::diff::Delta;

use crate::load::{self, GraphFormat, cannot_read, shown};
use crate::output::{Options, Target, write_failure};
use crate::{Failure, Outcome, input};

/// How `diff` prints the changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    /// JSON Lines: one change a line, as patch reads them.
    Jsonl,
    /// One readable line a change: + added, - removed, ~ changed, > moved.
    Text,
}

/// Prints the changes from `a` to `b`; fails with [`Failure::Differ`] when
/// there are some.
pub(crate) fn diff(
    a: &str,
    b: &str,
    graph_format: Option<GraphFormat>,
    format: DiffFormat,
) -> Outcome {
    let old = load::file(a, graph_format, None)?.graph;
    let new = load::file(b, graph_format, None)?.graph;
    let delta = GovGraph::diff(&old, &new);
    let mut out = BufWriter::new(io::stdout().lock());
    let written = match format {
        DiffFormat::Jsonl => delta.write_jsonl(&mut out),
        DiffFormat::Text => write!(out, "{delta}"),
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| write_failure("<stdout>", &e))?;
    if delta.is_empty() {
        Ok(())
    } else {
        Err(Failure::Differ)
    }
}

/// Applies the delta in `delta` (JSON Lines; `-` standard input) to the
/// graph in `file` and writes the result to `target`.
pub(crate) fn patch(
    file: &str,
    graph_format: Option<GraphFormat>,
    delta: &str,
    target: &Target,
) -> Outcome {
    let old = load::file(file, graph_format, None)?.graph;
    let read = if delta == "-" {
        Delta::read_jsonl(io::stdin().lock())
    } else {
        let f = fs::File::open(delta).map_err(|e| cannot_read(delta, &e))?;
        Delta::read_jsonl(f)
    };
    let delta_name = shown(delta);
    let changes = read.map_err(|e| input(format!("{delta_name}: {e}")))?;
    let new = old
        .apply(&changes)
        .map_err(|e| input(format!("{delta_name}: {e}")))?;
    target.write(
        &new,
        &Options {
            posts: true,
            ..Options::default()
        },
    )
}
