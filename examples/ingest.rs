//! Ingests articles (files, or directories of `.txt` files) into one graph
//! and writes it as Turtle to standard output, and the ingest report to
//! standard error: what was created, which mentions were merged into one
//! node and why (the same name, a name the article declares, a country
//! qualifier dropped), the post titles supplied for leaders given no
//! position, what was ignored, warnings and conflicts.
//!
//! ```text
//! cargo run --example ingest -- tests/fixtures/articles/state-council
//! cargo run --example ingest -- a.txt b.txt > graph.ttl
//! ```

use std::error::Error;
use std::io::{self, BufWriter, Write};

use govgraph::ingest::{Ingested, Ingester};

fn main() -> Result<(), Box<dyn Error>> {
    let paths: Vec<_> = std::env::args_os().skip(1).collect();
    if paths.is_empty() {
        return Err("usage: ingest FILE_OR_DIR...".into());
    }
    let mut ingester = Ingester::new();
    for p in &paths {
        ingester.ingest_path(p)?;
    }
    let Ingested { graph, report, .. } = ingester.finish();
    eprint!("{report}");
    let stdout = io::stdout();
    let mut out = govgraph::rdf::write_turtle(&graph, BufWriter::new(stdout.lock()))?;
    out.flush()?;
    Ok(())
}
