//! Loading a graph: the built-in dataset, a JSON or RDF file, articles, or
//! standard input.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use clap::ValueEnum;
use govgraph::GovGraph;
use govgraph::ingest::{IngestReport, Ingester};
use govgraph::rdf::{ImportReport, Importer, RdfFormat};

use crate::progress::{Progress, ProgressReader};
use crate::{Failure, Outcome, input, usage};

/// A format a graph can be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum GraphFormat {
    /// govgraph JSON.
    Json,
    /// Turtle.
    Turtle,
    /// N-Triples.
    Ntriples,
    /// N-Quads.
    Nquads,
    /// TriG.
    Trig,
    /// RDF/XML.
    Rdfxml,
    /// JSON-LD.
    Jsonld,
    /// An article in the plain-text infobox form.
    Article,
    /// Popolo JSON (persons, organizations, posts, memberships, areas); a
    /// file named *.popolo.json.
    Popolo,
}

impl GraphFormat {
    fn rdf(self) -> Option<RdfFormat> {
        Some(match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::Ntriples => RdfFormat::NTriples,
            Self::Nquads => RdfFormat::NQuads,
            Self::Trig => RdfFormat::TriG,
            Self::Rdfxml => RdfFormat::RdfXml,
            Self::Jsonld => RdfFormat::JsonLd,
            Self::Json | Self::Article | Self::Popolo => return None,
        })
    }

    fn from_rdf(f: RdfFormat) -> Option<Self> {
        Some(match f {
            RdfFormat::Turtle => Self::Turtle,
            RdfFormat::NTriples => Self::Ntriples,
            RdfFormat::NQuads => Self::Nquads,
            RdfFormat::TriG => Self::Trig,
            RdfFormat::RdfXml => Self::Rdfxml,
            RdfFormat::JsonLd => Self::Jsonld,
            _ => return None,
        })
    }

    /// The format a path names: a folder or `.txt` is articles, `.json`
    /// govgraph JSON, an RDF extension its format.
    fn of_path(path: &Path) -> Option<Self> {
        if path.is_dir() {
            return Some(Self::Article);
        }
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".popolo.json") {
            return Some(Self::Popolo);
        }
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Self::Json),
            "txt" => Some(Self::Article),
            _ => Self::from_rdf(RdfFormat::from_extension(&ext)?),
        }
    }
}

/// What loading reported, by source.
#[derive(Debug)]
pub(crate) enum Report {
    Json,
    Rdf(ImportReport),
    Ingest(IngestReport),
}

/// A loaded graph and how it was read.
#[derive(Debug)]
pub(crate) struct Loaded {
    pub(crate) graph: GovGraph,
    pub(crate) report: Report,
    pub(crate) format: GraphFormat,
}

/// The graph a command works on: the built-in dataset, or `--graph`.
pub(crate) fn graph(
    path: Option<&str>,
    format: Option<GraphFormat>,
    base: Option<&str>,
) -> Outcome<GovGraph> {
    match path {
        None => Ok(govgraph::datasets::general_office()),
        Some(p) => Ok(file(p, format, base)?.graph),
    }
}

/// The name a path is shown by in messages.
pub(crate) fn shown(path: &str) -> &str {
    if path == "-" { "<stdin>" } else { path }
}

/// Loads `path` (`-`: standard input) in `format`, or the format its
/// extension names; RDF with its instance IRIs under `base` (default: the
/// export's default base).
pub(crate) fn file(path: &str, format: Option<GraphFormat>, base: Option<&str>) -> Outcome<Loaded> {
    let format = match format {
        Some(f) => f,
        None if path == "-" => {
            return Err(usage(
                "reading standard input needs its format: give --format",
            ));
        }
        None => GraphFormat::of_path(Path::new(path)).ok_or_else(|| {
            usage(format!(
                "cannot tell the format of {path} from its name: give its format \
                 (json, popolo, turtle, ntriples, nquads, trig, rdfxml, jsonld or article)"
            ))
        })?,
    };
    if base.is_some() && format.rdf().is_none() {
        return Err(usage(format!(
            "a base IRI applies to RDF files only, not {}",
            format
                .to_possible_value()
                .map_or_else(String::new, |v| v.get_name().to_owned())
        )));
    }
    let rdf_reader = match base {
        None => Importer::new(),
        Some(b) => Importer::new()
            .with_base_iri(b)
            .map_err(|e| usage(e.to_string()))?,
    };
    let name = shown(path);
    let at = |e: &dyn std::fmt::Display| input(format!("{name}: {e}"));
    let (graph, report) = match format {
        GraphFormat::Article => {
            let mut ingester = Ingester::new();
            ingest_into(&mut ingester, path)?;
            let govgraph::ingest::Ingested {
                graph: g,
                report: r,
                ..
            } = ingester.finish();
            (g, Report::Ingest(r))
        }
        GraphFormat::Json => {
            let (reader, progress) = open(path)?;
            let g = GovGraph::read_json(reader).map_err(|e| at(&e))?;
            progress.finish();
            (g, Report::Json)
        }
        GraphFormat::Popolo => {
            let (reader, progress) = open(path)?;
            let g = govgraph::popolo::read(reader).map_err(|e| at(&e))?;
            progress.finish();
            (g, Report::Json)
        }
        rdf => {
            let rdf = rdf.rdf().ok_or_else(|| input("not an RDF format"))?;
            let (reader, progress) = open(path)?;
            let imported = rdf_reader.import(reader, rdf).map_err(|e| match &e {
                // The parser's own words follow the position.
                govgraph::rdf::ImportError::Syntax { source, .. } => at(&format!("{e}: {source}")),
                _ => at(&e),
            })?;
            progress.finish();
            (imported.graph, Report::Rdf(imported.report))
        }
    };
    Ok(Loaded {
        graph,
        report,
        format,
    })
}

/// A reader over `path` (or standard input), counting bytes into a
/// progress bar that shows on a terminal when reading takes a while.
fn open(path: &str) -> Outcome<(ProgressReader<Box<dyn Read>>, Progress)> {
    if path == "-" {
        let progress = Progress::new(None, "reading");
        let reader: Box<dyn Read> = Box::new(io::stdin().lock());
        return Ok((ProgressReader::new(reader, progress.clone()), progress));
    }
    let file = fs::File::open(path).map_err(|e| cannot_read(path, &e))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(input(format!("{path}: is a folder, not a file")));
    }
    let len = file.metadata().ok().map(|m| m.len());
    let progress = Progress::new(len, "reading");
    let reader: Box<dyn Read> = Box::new(io::BufReader::new(file));
    Ok((ProgressReader::new(reader, progress.clone()), progress))
}

pub(crate) fn cannot_read(path: &str, e: &io::Error) -> Failure {
    input(format!("cannot read {path}: {}", io_message(e)))
}

/// An I/O error's message without Rust's `(os error N)` tail.
pub(crate) fn io_message(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Ingests `path` (`-`: one article from standard input; a folder: its
/// `.txt` files in name order) with a progress bar over the files.
pub(crate) fn ingest_into(ingester: &mut Ingester, path: &str) -> Outcome {
    let fail = |e: govgraph::ingest::IngestError| input(e.to_string());
    if path == "-" {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| input(format!("<stdin>: cannot read: {}", io_message(&e))))?;
        return ingester.ingest_str("<stdin>", &text).map_err(fail);
    }
    let p = Path::new(path);
    if !p.is_dir() {
        return ingester.ingest_path(p).map_err(fail);
    }
    // The same files, in the same order, as `Ingester::ingest_path` reads a
    // folder; one at a time, for the progress bar.
    let mut files = Vec::new();
    let entries = fs::read_dir(p).map_err(|e| cannot_read(path, &e))?;
    for entry in entries {
        let f = entry.map_err(|e| cannot_read(path, &e))?.path();
        if f.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) && f.is_file() {
            files.push(f);
        }
    }
    files.sort();
    let progress = Progress::new(Some(files.len() as u64), "ingesting");
    for (i, f) in files.iter().enumerate() {
        ingester.ingest_path(f).map_err(fail)?;
        progress.set(i as u64 + 1);
    }
    progress.finish();
    Ok(())
}
