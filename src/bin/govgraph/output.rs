//! Writing a graph: the output formats, standard output or `-o FILE`.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use clap::ValueEnum;
use govgraph::rdf::{Exporter, RdfFormat};
use govgraph::render::{self, SvgOptions};
use govgraph::{GovGraph, On, PartialDate};

use crate::load::io_message;
use crate::progress::{Progress, ProgressWriter};
use crate::{Failure, Outcome, input};

/// A format a graph can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutFormat {
    /// Turtle.
    Turtle,
    /// N-Triples.
    Ntriples,
    /// N-Quads (each node in its source's named graph).
    Nquads,
    /// TriG (each node in its source's named graph).
    Trig,
    /// RDF/XML.
    Rdfxml,
    /// JSON-LD.
    Jsonld,
    /// govgraph JSON, indented.
    Json,
    /// Popolo JSON, indented (what Popolo cannot hold is left out).
    Popolo,
    /// Graphviz DOT of the org chart.
    Dot,
    /// An SVG picture of the org chart.
    Svg,
}

impl OutFormat {
    fn rdf(self) -> Option<RdfFormat> {
        Some(match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::Ntriples => RdfFormat::NTriples,
            Self::Nquads => RdfFormat::NQuads,
            Self::Trig => RdfFormat::TriG,
            Self::Rdfxml => RdfFormat::RdfXml,
            Self::Jsonld => RdfFormat::JsonLd,
            Self::Json | Self::Popolo | Self::Dot | Self::Svg => return None,
        })
    }

    pub(crate) fn is_rdf(self) -> bool {
        self.rdf().is_some()
    }

    /// The name `--format` takes.
    pub(crate) fn name(self) -> String {
        self.to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_owned())
    }

    fn of_extension(ext: &str) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "json" => Some(Self::Json),
            "dot" | "gv" => Some(Self::Dot),
            "svg" => Some(Self::Svg),
            other => Some(match RdfFormat::from_extension(other)? {
                RdfFormat::NTriples => Self::Ntriples,
                RdfFormat::NQuads => Self::Nquads,
                RdfFormat::TriG => Self::Trig,
                RdfFormat::RdfXml => Self::Rdfxml,
                RdfFormat::JsonLd => Self::Jsonld,
                _ => Self::Turtle,
            }),
        }
    }
}

/// Options of the formats that have some.
#[derive(Debug, Default)]
pub(crate) struct Options {
    pub(crate) base: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) posts: bool,
    /// Write the graph as it was on this date.
    pub(crate) as_of: Option<PartialDate>,
}

/// Where a graph goes, in which format.
#[derive(Debug)]
pub(crate) struct Target {
    pub(crate) format: OutFormat,
    path: Option<PathBuf>,
}

impl Target {
    /// `format`, or the one `path`'s extension names, or Turtle; `path`
    /// `-` is standard output.
    pub(crate) fn new(format: Option<OutFormat>, path: Option<PathBuf>) -> Self {
        let path = path.filter(|p| p.as_os_str() != "-");
        let format = format
            .or_else(|| {
                let ext = path.as_ref()?.extension()?.to_str()?;
                OutFormat::of_extension(ext)
            })
            .unwrap_or(OutFormat::Turtle);
        Self { format, path }
    }

    fn shown(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "<stdout>".to_owned(), |p| p.display().to_string())
    }

    /// Writes `graph`. Checks the options before creating the file.
    pub(crate) fn write(&self, graph: &GovGraph, opts: &Options) -> Outcome {
        // A JSON snapshot is a graph of its own, taken before the file is
        // made.
        let snapshot = match (opts.as_of, self.format) {
            (Some(day), OutFormat::Json) => Some(crate::time::snapshot_or_fail(graph, day)?),
            _ => None,
        };
        let graph = snapshot.as_ref().unwrap_or(graph);
        let mut exporter = match &opts.base {
            Some(base) => Exporter::new()
                .with_base_iri(base.as_str())
                .map_err(|e| input(e.to_string()))?,
            None => Exporter::new(),
        };
        if let Some(day) = opts.as_of {
            exporter = exporter.as_of(On::date(day));
        }
        let progress = Progress::new(None, "writing");
        let result = match &self.path {
            None => {
                let out = ProgressWriter::new(io::stdout().lock(), progress.clone());
                self.write_to(graph, opts, &exporter, BufWriter::new(out))
            }
            Some(path) => {
                let file = fs::File::create(path).map_err(|e| {
                    input(format!(
                        "cannot write {}: {}",
                        path.display(),
                        io_message(&e)
                    ))
                })?;
                let out = ProgressWriter::new(file, progress.clone());
                self.write_to(graph, opts, &exporter, BufWriter::new(out))
            }
        };
        progress.finish();
        result.map_err(|e| write_failure(&self.shown(), &e))
    }

    fn write_to<W: Write>(
        &self,
        graph: &GovGraph,
        opts: &Options,
        exporter: &Exporter,
        mut out: W,
    ) -> io::Result<()> {
        match self.format {
            OutFormat::Json => {
                graph.write_json_pretty(&mut out)?;
                out.write_all(b"\n")?;
            }
            OutFormat::Popolo => {
                govgraph::popolo::write(graph, &mut out)?;
                out.write_all(b"\n")?;
            }
            OutFormat::Dot => match opts.as_of {
                Some(day) => render::write_dot_as_of(graph.as_of(day), &mut out)?,
                None => render::write_dot(graph, &mut out)?,
            },
            OutFormat::Svg => {
                let mut svg = SvgOptions::new().with_posts(opts.posts);
                if let Some(t) = &opts.title {
                    svg = svg.with_title(t.as_str());
                }
                match opts.as_of {
                    Some(day) => render::write_svg_as_of(graph.as_of(day), &svg, &mut out)?,
                    None => render::write_svg(graph, &svg, &mut out)?,
                }
            }
            rdf => {
                let format = rdf.rdf().unwrap_or(RdfFormat::Turtle);
                out = exporter.clone().with_format(format).write(graph, out)?;
            }
        }
        out.flush()
    }
}

/// A failed write: quiet for a closed pipe, else one line.
pub(crate) fn write_failure(to: &str, e: &io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::Pipe
    } else {
        input(format!("cannot write {to}: {}", io_message(e)))
    }
}
