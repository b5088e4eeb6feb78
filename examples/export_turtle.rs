//! Writes the built-in General Office dataset as Turtle, to standard output
//! or to the file named by the first argument.
//!
//! ```text
//! cargo run --example export_turtle
//! cargo run --example export_turtle -- general-office.ttl
//! ```

use std::error::Error;
use std::fs::File;
use std::io::{self, BufWriter, Write};

fn main() -> Result<(), Box<dyn Error>> {
    let graph = govgraph::datasets::general_office();
    if let Some(path) = std::env::args_os().nth(1) {
        let shown = path.to_string_lossy().into_owned();
        let file = File::create(&path).map_err(|e| format!("cannot create {shown}: {e}"))?;
        let mut out = govgraph::rdf::write_turtle(&graph, BufWriter::new(file))?;
        out.flush()?;
        eprintln!("wrote {} nodes as Turtle to {shown}", graph.node_count());
    } else {
        let stdout = io::stdout();
        let mut out = govgraph::rdf::write_turtle(&graph, BufWriter::new(stdout.lock()))?;
        out.flush()?;
    }
    Ok(())
}
