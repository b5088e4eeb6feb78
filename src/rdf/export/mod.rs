//! The graph as RDF triples, and the Turtle and N-Triples writers.

mod emit;
mod prefixes;
mod triples;

use std::collections::VecDeque;
use std::io;

use oxrdf::TripleRef;
use oxrdfio::RdfSerializer;
use oxttl::{NTriplesSerializer, TurtleSerializer};

use super::RdfFormat;
use crate::graph::GovGraph;
use crate::model::{On, check_iri};
use emit::{Bufs, Ctx, emit_statements, iri_into, n};
pub(crate) use emit::{address_iri, interval_label, link_label, name_label, scheme_iri};
pub use triples::{Object, Triple, Triples};

/// The Turtle prefix names the export declares for instance IRIs, with the
/// path segment under the base each stands for.
pub const INSTANCE_PREFIXES: &[(&str, &str)] = &[
    ("address", "address"),
    ("body", "org"),
    ("category", "category"),
    ("event", "event"),
    ("function", "function"),
    ("functions", "functions"),
    ("jurisdiction", "jurisdiction"),
    ("membership", "membership"),
    ("person", "person"),
    ("place", "place"),
    ("post", "post"),
    ("site", "site"),
];

/// The base IRI instance IRIs are minted under unless another is set.
pub const DEFAULT_BASE_IRI: &str = "https://w3id.org/govgraph/id/";

/// The base IRI given to [`Exporter::with_base_iri`] cannot mint instance
/// IRIs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BaseIriError {
    /// It is not an absolute IRI.
    #[error("base IRI {iri:?} is not an absolute IRI: {reason}")]
    Invalid {
        /// The text given.
        iri: String,
        /// What the IRI parser objected to.
        reason: String,
    },
    /// It does not end with `/` or `#`, so `org/<slug>` cannot be appended.
    #[error("base IRI {iri:?} must end with '/' or '#'")]
    NoSeparator {
        /// The text given.
        iri: String,
    },
}

/// Checks that `base` can mint instance IRIs.
pub(crate) fn check_base(base: String) -> Result<String, BaseIriError> {
    if let Err(e) = check_iri(&base) {
        return Err(BaseIriError::Invalid {
            iri: base,
            reason: e.reason,
        });
    }
    if !(base.ends_with('/') || base.ends_with('#')) {
        return Err(BaseIriError::NoSeparator { iri: base });
    }
    Ok(base)
}

/// Writes a [`GovGraph`] as RDF in the patterns of govgraph's vocabulary
/// contract (W3C ORG, SKOS, schema.org, FOAF, vCard, DCMI terms, OWL-Time).
///
/// An options value, built like oxttl's serializers: `Exporter::new()`,
/// then consuming `with_*` methods that validate (the format, the base IRI,
/// inverse links, the transitive closure), then
/// [`write`](Self::write), which streams to any [`io::Write`] and hands the
/// writer back. Output is deterministic: the
/// same graph always gives the same bytes. Subjects come in node insertion
/// order, each followed by the resources it owns (a site's address, a body's
/// function scheme, a tenure's interval); each subject's triples are
/// consecutive, so Turtle groups them.
///
/// ```
/// use govgraph::rdf::{Exporter, RdfFormat};
/// let g = govgraph::datasets::general_office();
/// let turtle = Exporter::new()
///     .with_format(RdfFormat::Turtle)
///     .with_base_iri("https://example.org/id/")?
///     .write(&g, Vec::new())?;
/// let text = String::from_utf8(turtle)?;
/// assert!(text.contains("@prefix org: <http://www.w3.org/ns/org#>"));
/// // Only the prefixes the graph uses are declared.
/// assert!(!text.contains("@prefix owl:"));
/// assert!(text.contains("@prefix body: <https://example.org/id/org/>"));
/// assert!(text.contains("body:general-office-of-the-state-council a org:Organization"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Exporter {
    base: String,
    opts: Opts,
    format: RdfFormat,
}

/// What the export writes beyond each fact's own triples.
#[derive(Debug, Clone, Copy)]
pub(super) struct Opts {
    inverses: bool,
    closure: bool,
    /// A snapshot's date: write only what was certainly in force on it.
    as_of: Option<On>,
}

impl Default for Exporter {
    fn default() -> Self {
        Self::new()
    }
}

impl Exporter {
    /// An exporter writing Turtle, with the [default base
    /// IRI](DEFAULT_BASE_IRI) and inverse links on.
    pub fn new() -> Self {
        Self {
            base: DEFAULT_BASE_IRI.to_owned(),
            opts: Opts {
                inverses: true,
                closure: false,
                as_of: None,
            },
            format: RdfFormat::Turtle,
        }
    }

    /// Mints instance IRIs under `base` (`<base>org/<slug>`, …).
    ///
    /// To read such a file back, give the importer the same base
    /// ([`Importer::with_base_iri`](crate::rdf::Importer::with_base_iri)),
    /// or use the default importer: when no subject lies under the default
    /// base, it finds the one the file was written with (a base ending in
    /// `/`) and notes it. An importer told another base refuses the file
    /// and names the base it was written with.
    ///
    /// # Errors
    /// [`BaseIriError`] when `base` is not an absolute IRI ending in `/` or
    /// `#`.
    pub fn with_base_iri(mut self, base: impl Into<String>) -> Result<Self, BaseIriError> {
        self.base = check_base(base.into())?;
        Ok(self)
    }

    /// Whether to write each link's inverse too (`org:hasSubOrganization`
    /// beside `org:subOrganizationOf`, `org:hasPost`, `org:heldBy`,
    /// `org:hasUnit`, `org:siteOf`, `dct:isReplacedBy`), for engines without
    /// a reasoner. On by default.
    pub fn with_inverse_links(mut self, on: bool) -> Self {
        self.opts.inverses = on;
        self
    }

    /// Whether to write `org:transitiveSubOrganizationOf` from every body to
    /// each of its ancestors, for engines without a reasoner (a reasoner
    /// infers it from the shipped ontology). Off by default: a body at
    /// depth d adds d triples.
    ///
    /// ```
    /// use govgraph::rdf::Exporter;
    /// let g = govgraph::datasets::general_office();
    /// let closed = Exporter::new().with_transitive_closure(true).write(&g, Vec::new())?;
    /// let text = String::from_utf8(closed)?;
    /// assert!(text.contains("org:transitiveSubOrganizationOf body:general-office-of-the-state-council , body:state-council"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_transitive_closure(mut self, on: bool) -> Self {
        self.opts.closure = on;
        self
    }

    /// Writes a snapshot: only what was in force on `on` (VOCABULARY.md,
    /// "Time"), as plain triples, for engines with no notion of time.
    ///
    /// A snapshot holds every undated fact, and of the dated ones those in
    /// force on the date as `on` asks (certainly, with [`On::date`], the
    /// contract's meaning; or possibly, with [`On::possibly`]): bodies,
    /// posts and tenures whose lifetime covers it, links in force on it
    /// (`org:subOrganizationOf` to the parent of that day), the holders and
    /// heads of that day, names borne on it. It writes no relationship
    /// nodes and no events, and ended or future tenures are left out; a
    /// tenure in force keeps its `org:Membership` and interval. Without
    /// this (the default) the export is the whole history.
    ///
    /// ```
    /// use govgraph::{On, rdf::Exporter};
    /// let g = govgraph::datasets::general_office();
    /// let now = Exporter::new().write(&g, Vec::new())?;
    /// let then = Exporter::new().as_of(On::date("2020-06-01".parse()?)).write(&g, Vec::new())?;
    /// let (now, then) = (String::from_utf8(now)?, String::from_utf8(then)?);
    /// // Wu Zhenglong took the post in 2023; on 1 June 2020 it was not his.
    /// assert!(now.contains("person:wu-zhenglong"));
    /// assert!(!then.contains("membership:wu-zhenglong-secretary-general-of-the-state-council"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_of(mut self, on: On) -> Self {
        self.opts.as_of = Some(on);
        self
    }

    /// The base IRI in use.
    pub fn base_iri(&self) -> &str {
        &self.base
    }

    /// The IRI the export gives a node: `<base><segment>/<slug>`, or a
    /// website's own address.
    pub fn iri_of(&self, node: crate::NodeRef<'_>) -> String {
        let mut s = String::new();
        let g = node.graph();
        iri_into(&self.base, g, node.index(), &mut s);
        s
    }

    /// Every triple of the graph, in output order, as owned values.
    ///
    /// Allocates one value per triple; the writers do not, and should be
    /// preferred for output.
    pub fn triples<'g>(&self, graph: &'g GovGraph) -> Triples<'g> {
        Triples {
            graph,
            base: self.base.clone(),
            opts: self.opts,
            nodes: graph.positions().collect::<Vec<_>>().into_iter(),
            pending: VecDeque::new(),
            bufs: Bufs::default(),
            statements_done: false,
        }
    }

    /// Writes in `format` ([`RdfFormat::Turtle`] unless set).
    ///
    /// ```
    /// use govgraph::rdf::{Exporter, RdfFormat};
    /// let g = govgraph::datasets::general_office();
    /// let nt = Exporter::new().with_format(RdfFormat::NTriples).write(&g, Vec::new())?;
    /// assert!(String::from_utf8(nt)?.starts_with("<https://w3id.org/govgraph/id/org/"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_format(mut self, format: RdfFormat) -> Self {
        self.format = format;
        self
    }

    /// The format [`write`](Self::write) writes.
    pub fn format(&self) -> RdfFormat {
        self.format
    }

    /// Streams the graph to `writer` in the [format](Self::with_format) set
    /// and returns the writer. Turtle groups each subject's triples and
    /// declares only the prefixes its IRIs use, among the vocabulary's
    /// ([`PREFIXES`](super::vocab::PREFIXES)) and one per kind of instance
    /// IRI under the base ([`INSTANCE_PREFIXES`]: `body:` for `<base>org/`,
    /// `post:`, `person:`, …), so that subjects read
    /// `body:general-office-of-the-state-council`; which prefixes are used
    /// is decided by a first pass over the graph that writes nothing, so
    /// the output still streams. `TriG`, RDF/XML and JSON-LD declare the
    /// same prefixes. The quad formats (N-Quads, `TriG`) put each node's
    /// triples in the named graph of the node's first source (the default
    /// graph when it has none), and kept statements in the default graph.
    ///
    /// ```
    /// use govgraph::rdf::{Exporter, RdfFormat};
    /// let g = govgraph::datasets::general_office();
    /// for format in RdfFormat::ALL {
    ///     let bytes = Exporter::new().with_format(format).write(&g, Vec::new())?;
    ///     assert!(!bytes.is_empty(), "{format}");
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// Only the writer's.
    pub fn write<W: io::Write>(&self, graph: &GovGraph, writer: W) -> io::Result<W> {
        let format = self.format;
        let invalid = |e| io::Error::new(io::ErrorKind::InvalidInput, e);
        match format {
            RdfFormat::NTriples => {
                let mut w = NTriplesSerializer::new().for_writer(writer);
                self.for_each_triple(graph, |t| w.serialize_triple(t))?;
                return Ok(w.finish());
            }
            RdfFormat::Turtle => {
                let mut ser = TurtleSerializer::new();
                for (name, ns) in self.used_prefixes(graph, false) {
                    ser = ser.with_prefix(name, ns).map_err(invalid)?;
                }
                let mut w = ser.for_writer(writer);
                self.for_each_triple(graph, |t| w.serialize_triple(t))?;
                return w.finish();
            }
            _ => {}
        }
        let quads = format.supports_datasets();
        let mut ser = RdfSerializer::from_format(format.to_oxrdfio());
        if !matches!(format, RdfFormat::NQuads) {
            for (name, ns) in self.used_prefixes(graph, quads) {
                ser = ser.with_prefix(name, ns).map_err(invalid)?;
            }
        }
        let mut w = ser.for_writer(writer);
        let mut bufs = Bufs::default();
        let ctx = self.ctx(graph);
        for ix in graph.positions() {
            let name = graph_name(graph, ix).filter(|_| quads).map(n);
            ctx.emit(ix, &mut bufs, &mut |t: TripleRef<'_>| match name {
                Some(name) => w.serialize_quad(t.in_graph(name)),
                None => w.serialize_triple(t),
            })?;
        }
        emit_statements(graph, &mut |t: TripleRef<'_>| w.serialize_triple(t))?;
        w.finish()
    }

    fn used_prefixes(&self, graph: &GovGraph, quads: bool) -> Vec<(&'static str, String)> {
        prefixes::used_prefixes(self.ctx(graph), graph, quads)
    }

    /// Writes the graph to a new file at `path`, in the format its
    /// extension names ([`RdfFormat::from_path`]), whatever the format set.
    ///
    /// # Errors
    /// [`io::ErrorKind::InvalidInput`] when the extension names no RDF
    /// format, and the file system's errors.
    pub fn write_path(
        &self,
        graph: &GovGraph,
        path: impl AsRef<std::path::Path>,
    ) -> io::Result<()> {
        let path = path.as_ref();
        let format = RdfFormat::from_path(path).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "{}: the file name does not say which RDF format to write",
                    path.display()
                ),
            )
        })?;
        let file = std::fs::File::create(path)?;
        let mut out = self
            .clone()
            .with_format(format)
            .write(graph, io::BufWriter::new(file))?;
        io::Write::flush(&mut out)
    }

    /// Hands every triple, borrowed, to `sink`, in output order; stops at
    /// the first error. Allocates nothing per triple.
    pub(crate) fn for_each_triple<E>(
        &self,
        graph: &GovGraph,
        mut sink: impl FnMut(TripleRef<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut bufs = Bufs::default();
        let ctx = self.ctx(graph);
        for ix in graph.positions() {
            ctx.emit(ix, &mut bufs, &mut sink)?;
        }
        emit_statements(graph, &mut sink)
    }

    fn ctx<'a>(&'a self, graph: &'a GovGraph) -> Ctx<'a> {
        Ctx {
            g: graph,
            base: &self.base,
            opts: self.opts,
        }
    }
}

/// The named graph of a node in the quad formats: its first source's
/// document, without a fragment (an ingested fact's source names its line,
/// `#line=12`; its graph is the article).
fn graph_name(graph: &GovGraph, ix: crate::graph::Pos) -> Option<&str> {
    graph.node_at(ix).sources().first().map(|s| {
        s.as_str()
            .split_once('#')
            .map_or(s.as_str(), |(doc, _)| doc)
    })
}
