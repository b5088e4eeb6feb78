//! The graph as RDF triples, and the Turtle and N-Triples writers.

use std::collections::VecDeque;
use std::fmt;
use std::io;

use crate::graph::Pos;
use oxrdf::{BlankNodeRef, LiteralRef, NamedNodeRef, NamedOrBlankNodeRef, TermRef, TripleRef};
use oxrdfio::RdfSerializer;
use oxttl::{NTriplesSerializer, TurtleSerializer};

use super::RdfFormat;
use super::vocab::{dct, foaf, gg, org, rdf, rdfs, schema, skos, time, vcard, xsd};
use crate::graph::GovGraph;
use crate::model::{
    Bound, CategoryKind, DatePrecision, Labels, Node, OrgKind, PartialDate, PlaceKind, Relation,
    Slug, Source, Value, check_iri,
};

/// The Turtle prefix names the export declares for instance IRIs, with the
/// path segment under the base each stands for.
pub const INSTANCE_PREFIXES: &[(&str, &str)] = &[
    ("address", "address"),
    ("body", "org"),
    ("category", "category"),
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
/// Built like oxttl's serializers: `Exporter::new()`, then consuming
/// `with_*` methods that validate, then a `write_*` method that streams to
/// any [`io::Write`] and hands the writer back. Output is deterministic: the
/// same graph always gives the same bytes. Subjects come in node insertion
/// order, each followed by the resources it owns (a site's address, a body's
/// function scheme, a tenure's interval); each subject's triples are
/// consecutive, so Turtle groups them.
///
/// ```
/// use govgraph::rdf::Exporter;
/// let g = govgraph::datasets::general_office();
/// let turtle = Exporter::new()
///     .with_base_iri("https://example.org/id/")?
///     .write_turtle(&g, Vec::new())?;
/// let text = String::from_utf8(turtle)?;
/// assert!(text.contains("@prefix org: <http://www.w3.org/ns/org#>"));
/// assert!(text.contains("@prefix body: <https://example.org/id/org/>"));
/// assert!(text.contains("body:general-office-of-the-state-council a org:Organization"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Exporter {
    base: String,
    opts: Opts,
}

/// What the export writes beyond each fact's own triples.
#[derive(Debug, Clone, Copy)]
struct Opts {
    inverses: bool,
    closure: bool,
}

impl Default for Exporter {
    fn default() -> Self {
        Self::new()
    }
}

impl Exporter {
    /// An exporter with the [default base IRI](DEFAULT_BASE_IRI) and
    /// inverse links on.
    pub fn new() -> Self {
        Self {
            base: DEFAULT_BASE_IRI.to_owned(),
            opts: Opts {
                inverses: true,
                closure: false,
            },
        }
    }

    /// Mints instance IRIs under `base` (`<base>org/<slug>`, …).
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
    /// let closed = Exporter::new().with_transitive_closure(true).write_turtle(&g, Vec::new())?;
    /// let text = String::from_utf8(closed)?;
    /// assert!(text.contains("org:transitiveSubOrganizationOf body:general-office-of-the-state-council , body:state-council"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_transitive_closure(mut self, on: bool) -> Self {
        self.opts.closure = on;
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

    /// Streams the graph as Turtle to `writer`, triples grouped by subject.
    /// The vocabulary prefixes ([`PREFIXES`](super::vocab::PREFIXES)) are
    /// declared, and one prefix per kind of instance IRI under the base
    /// ([`INSTANCE_PREFIXES`]: `body:` for `<base>org/`, `post:`, `person:`,
    /// …), so that subjects read `body:general-office-of-the-state-council`.
    /// Returns the writer.
    ///
    /// # Errors
    /// Only the writer's.
    pub fn write_turtle<W: io::Write>(&self, graph: &GovGraph, writer: W) -> io::Result<W> {
        let mut ser = TurtleSerializer::new();
        let invalid = |e| io::Error::new(io::ErrorKind::InvalidInput, e);
        for (name, ns) in super::vocab::PREFIXES {
            ser = ser.with_prefix(*name, *ns).map_err(invalid)?;
        }
        for (name, segment) in INSTANCE_PREFIXES {
            ser = ser
                .with_prefix(*name, format!("{}{segment}/", self.base))
                .map_err(invalid)?;
        }
        let mut w = ser.for_writer(writer);
        self.for_each_triple(graph, |t| w.serialize_triple(t))?;
        w.finish()
    }

    /// Streams the graph as N-Triples to `writer`. Returns the writer.
    ///
    /// # Errors
    /// Only the writer's.
    pub fn write_ntriples<W: io::Write>(&self, graph: &GovGraph, writer: W) -> io::Result<W> {
        let mut w = NTriplesSerializer::new().for_writer(writer);
        self.for_each_triple(graph, |t| w.serialize_triple(t))?;
        Ok(w.finish())
    }

    /// Streams the graph to `writer` in any [`RdfFormat`]. Turtle is written
    /// as by [`write_turtle`](Self::write_turtle); the quad formats (N-Quads,
    /// `TriG`) put each node's triples in the named graph of the node's first
    /// source (the default graph when it has none), and kept statements in
    /// the default graph. Returns the writer.
    ///
    /// ```
    /// use govgraph::rdf::{Exporter, RdfFormat};
    /// let g = govgraph::datasets::general_office();
    /// for format in RdfFormat::ALL {
    ///     let bytes = Exporter::new().write(&g, format, Vec::new())?;
    ///     assert!(!bytes.is_empty(), "{format}");
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// Only the writer's.
    pub fn write<W: io::Write>(
        &self,
        graph: &GovGraph,
        format: RdfFormat,
        writer: W,
    ) -> io::Result<W> {
        match format {
            RdfFormat::Turtle => return self.write_turtle(graph, writer),
            RdfFormat::NTriples => return self.write_ntriples(graph, writer),
            _ => {}
        }
        let invalid = |e| io::Error::new(io::ErrorKind::InvalidInput, e);
        let mut ser = RdfSerializer::from_format(format.to_oxrdfio());
        if !matches!(format, RdfFormat::NQuads) {
            for (name, ns) in super::vocab::PREFIXES {
                ser = ser.with_prefix(*name, *ns).map_err(invalid)?;
            }
            for (name, segment) in INSTANCE_PREFIXES {
                ser = ser
                    .with_prefix(*name, format!("{}{segment}/", self.base))
                    .map_err(invalid)?;
            }
        }
        let mut w = ser.for_writer(writer);
        let quads = format.supports_datasets();
        let mut bufs = Bufs::default();
        for ix in graph.positions() {
            // The source document, without a fragment: an ingested fact's
            // source names its line (`#line=12`), its graph the article.
            let name = graph
                .node_at(ix)
                .sources()
                .first()
                .filter(|_| quads)
                .map(|s| {
                    n(s.as_str()
                        .split_once('#')
                        .map_or(s.as_str(), |(doc, _)| doc))
                });
            emit(
                graph,
                &self.base,
                self.opts,
                ix,
                &mut bufs,
                &mut |t: TripleRef<'_>| match name {
                    Some(name) => w.serialize_quad(t.in_graph(name)),
                    None => w.serialize_triple(t),
                },
            )?;
        }
        emit_statements(graph, &mut |t: TripleRef<'_>| w.serialize_triple(t))?;
        w.finish()
    }

    /// Writes the graph to a new file at `path`, in the format its
    /// extension names ([`RdfFormat::from_path`]).
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
        let mut out = self.write(graph, format, io::BufWriter::new(file))?;
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
        for ix in graph.positions() {
            emit(graph, &self.base, self.opts, ix, &mut bufs, &mut sink)?;
        }
        emit_statements(graph, &mut sink)
    }
}

/// One RDF triple of the export, owned. Its [`Display`](fmt::Display) is the
/// N-Triples line (without the newline).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Triple(oxrdf::Triple);

/// The object of a [`Triple`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Object<'a> {
    /// An IRI.
    Iri(&'a str),
    /// A blank node, by its label.
    Blank(&'a str),
    /// A literal.
    Literal {
        /// Its lexical form.
        value: &'a str,
        /// Its datatype IRI (`rdf:langString` for tagged strings).
        datatype: &'a str,
        /// Its language tag, lowercase.
        language: Option<&'a str>,
    },
}

impl Triple {
    #[cfg(feature = "sparql")]
    pub(crate) fn from_oxrdf(t: oxrdf::Triple) -> Self {
        Self(t)
    }

    /// The subject: an IRI, or `_:label` for a blank node.
    pub fn subject(&self) -> Object<'_> {
        match &self.0.subject {
            oxrdf::NamedOrBlankNode::NamedNode(n) => Object::Iri(n.as_str()),
            oxrdf::NamedOrBlankNode::BlankNode(b) => Object::Blank(b.as_str()),
        }
    }

    /// The predicate IRI.
    pub fn predicate(&self) -> &str {
        self.0.predicate.as_str()
    }

    /// The object.
    pub fn object(&self) -> Object<'_> {
        match &self.0.object {
            oxrdf::Term::NamedNode(n) => Object::Iri(n.as_str()),
            oxrdf::Term::BlankNode(b) => Object::Blank(b.as_str()),
            oxrdf::Term::Literal(l) => Object::Literal {
                value: l.value(),
                datatype: l.datatype().as_str(),
                language: l.language(),
            },
        }
    }
}

impl fmt::Display for Triple {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// The triples of a graph, owned, in output order. Made by
/// [`Exporter::triples`]. Holds one node's triples at a time.
pub struct Triples<'g> {
    graph: &'g GovGraph,
    base: String,
    opts: Opts,
    nodes: std::vec::IntoIter<Pos>,
    pending: VecDeque<Triple>,
    bufs: Bufs,
    statements_done: bool,
}

impl Iterator for Triples<'_> {
    type Item = Triple;
    fn next(&mut self) -> Option<Triple> {
        loop {
            if let Some(t) = self.pending.pop_front() {
                return Some(t);
            }
            let pending = &mut self.pending;
            let Some(ix) = self.nodes.next() else {
                if self.statements_done {
                    return None;
                }
                self.statements_done = true;
                let _ = emit_statements(self.graph, &mut |t: TripleRef<'_>| -> Result<
                    (),
                    std::convert::Infallible,
                > {
                    pending.push_back(Triple(t.into_owned()));
                    Ok(())
                });
                continue;
            };
            let _ = emit(
                self.graph,
                &self.base,
                self.opts,
                ix,
                &mut self.bufs,
                &mut |t: TripleRef<'_>| -> Result<(), std::convert::Infallible> {
                    pending.push_back(Triple(t.into_owned()));
                    Ok(())
                },
            );
        }
    }
}

impl std::iter::FusedIterator for Triples<'_> {}

impl fmt::Debug for Triples<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Triples")
            .field("nodes_left", &self.nodes.len())
            .finish_non_exhaustive()
    }
}

/// Reusable string buffers, so that emitting allocates nothing per triple
/// once they have grown.
#[derive(Default)]
struct Bufs {
    subject: String,
    object: String,
    aux: String,
    value: String,
    links: Vec<Pos>,
    edges: Edges,
}

fn iri_into(base: &str, g: &GovGraph, ix: Pos, out: &mut String) {
    out.clear();
    let node = g.node_at(ix);
    if let Node::Website(w) = node {
        out.push_str(w.url());
    } else {
        out.push_str(base);
        out.push_str(node.kind().segment());
        out.push('/');
        out.push_str(node.slug().as_str());
    }
}

fn n(iri: &str) -> NamedNodeRef<'_> {
    NamedNodeRef::new_unchecked(iri)
}

fn date_literal(d: PartialDate, buf: &mut String) -> LiteralRef<'_> {
    use fmt::Write as _;
    buf.clear();
    let _ = write!(buf, "{d}");
    let dt = match d.precision() {
        DatePrecision::Day => xsd::DATE,
        DatePrecision::Month => xsd::G_YEAR_MONTH,
        DatePrecision::Year => xsd::G_YEAR,
    };
    LiteralRef::new_typed_literal(buf, n(dt))
}

fn org_kind_class(k: OrgKind) -> &'static str {
    match k {
        OrgKind::GoverningBody => gg::GOVERNING_BODY_CLASS,
        OrgKind::Agency => gg::AGENCY,
        OrgKind::Office => gg::OFFICE,
        OrgKind::Department => gg::DEPARTMENT,
        OrgKind::Institution => gg::INSTITUTION,
        OrgKind::PartyOrgan => gg::PARTY_ORGAN,
        OrgKind::MilitaryOrgan => gg::MILITARY_ORGAN,
        OrgKind::Other => gg::OTHER_ORGANIZATION,
    }
}

fn place_kind_class(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::Country => gg::COUNTRY,
        PlaceKind::Province => gg::PROVINCE,
        PlaceKind::City => gg::CITY,
        PlaceKind::District => gg::DISTRICT,
        PlaceKind::Compound => gg::COMPOUND,
        PlaceKind::Street => gg::STREET,
        PlaceKind::Other => gg::OTHER_PLACE,
    }
}

fn category_scheme(k: CategoryKind) -> &'static str {
    match k {
        CategoryKind::BodyType => gg::BODY_TYPES,
        CategoryKind::Grouping => gg::GROUPINGS,
        CategoryKind::Rank => gg::RANKS,
        CategoryKind::Other => gg::OTHER_CATEGORIES,
    }
}

/// Writes one subject's triples through `sink`.
struct Subject<'s, 'k, F> {
    s: NamedOrBlankNodeRef<'s>,
    sink: &'k mut F,
}

impl<F, E> Subject<'_, '_, F>
where
    F: FnMut(TripleRef<'_>) -> Result<(), E>,
{
    fn t<'o>(&mut self, p: &str, o: impl Into<TermRef<'o>>) -> Result<(), E> {
        (self.sink)(TripleRef::new(self.s, n(p), o.into()))
    }

    fn iri(&mut self, p: &str, o: &str) -> Result<(), E> {
        self.t(p, n(o))
    }

    fn lang(&mut self, p: &str, value: &str, lang: &str) -> Result<(), E> {
        self.t(
            p,
            LiteralRef::new_language_tagged_literal_unchecked(value, lang),
        )
    }

    fn string(&mut self, p: &str, value: &str) -> Result<(), E> {
        self.t(p, LiteralRef::new_simple_literal(value))
    }

    fn labels(&mut self, labels: &Labels, also_foaf_name: bool) -> Result<(), E> {
        for (lang, text) in labels.preferred_all() {
            self.lang(skos::PREF_LABEL, text, lang.as_str())?;
            if also_foaf_name {
                self.lang(foaf::NAME, text, lang.as_str())?;
            }
        }
        for l in labels.alternates() {
            self.lang(skos::ALT_LABEL, &l.text, l.lang.as_str())?;
        }
        Ok(())
    }

    fn description(&mut self, d: Option<&String>) -> Result<(), E> {
        match d {
            Some(d) => self.lang(dct::DESCRIPTION, d, "en"),
            None => Ok(()),
        }
    }

    fn sources(&mut self, sources: &[Source]) -> Result<(), E> {
        for s in sources {
            self.iri(dct::SOURCE, s.as_str())?;
        }
        Ok(())
    }
}

/// A node's links gathered once, sorted by relation, then direction
/// (outgoing first), then the other end's graph order: each relation's
/// links in one direction are then one contiguous run, in graph order.
type Edges = Vec<(Relation, bool, Pos)>;

fn gather(g: &GovGraph, ix: Pos, edges: &mut Edges) {
    edges.clear();
    edges.extend(g.touching(ix).map(|(rel, other, out)| (rel, !out, other)));
    edges.sort_unstable();
}

/// The other ends of the gathered `rel` links in one direction, in graph
/// order.
fn run(edges: &Edges, rel: Relation, outgoing: bool) -> impl Iterator<Item = Pos> + '_ {
    let key = (rel, !outgoing);
    let start = edges.partition_point(|&(r, d, _)| (r, d) < key);
    edges[start..]
        .iter()
        .take_while(move |&&(r, d, _)| (r, d) == key)
        .map(|&(_, _, other)| other)
}

/// Collects the other ends of the gathered `rel` links, in graph order.
fn linked(edges: &Edges, rel: Relation, outgoing: bool, into: &mut Vec<Pos>) {
    into.clear();
    into.extend(run(edges, rel, outgoing));
}

/// Writes `predicate <other>` for each of the node's `rel` links.
fn links<F, E>(
    sub: &mut Subject<'_, '_, F>,
    ctx: (&GovGraph, &str, &Edges),
    rel: Relation,
    outgoing: bool,
    predicate: &str,
    obj: &mut String,
) -> Result<(), E>
where
    F: FnMut(TripleRef<'_>) -> Result<(), E>,
{
    let (g, base, edges) = ctx;
    for other in run(edges, rel, outgoing) {
        iri_into(base, g, other, obj);
        sub.iri(predicate, obj)?;
    }
    Ok(())
}

#[expect(
    clippy::too_many_lines,
    reason = "one match arm per node kind, each a list of the triples VOCABULARY.md pins"
)]
fn emit<F, E>(
    g: &GovGraph,
    base: &str,
    opts: Opts,
    ix: Pos,
    bufs: &mut Bufs,
    sink: &mut F,
) -> Result<(), E>
where
    F: FnMut(TripleRef<'_>) -> Result<(), E>,
{
    let Bufs {
        subject,
        object,
        aux,
        value,
        links: list,
        edges,
    } = bufs;
    gather(g, ix, edges);
    let edges = &*edges;
    iri_into(base, g, ix, subject);
    let mut sub = Subject {
        s: n(subject).into(),
        sink,
    };
    let ctx = (g, base, edges);
    macro_rules! links {
        ($rel:expr, $out:expr, $p:expr) => {
            links(&mut sub, ctx, $rel, $out, $p, &mut *object)?
        };
    }
    match g.node_at(ix) {
        // The RDF of time (org:ChangeEvent, VOCABULARY.md "Time") is added
        // with the mapping table (issues #11 and #12); until then an event
        // is not written. CHANGELOG.md lists the gap.
        Node::Event(_) => {}
        Node::Organization(o) => {
            sub.iri(rdf::TYPE, org::ORGANIZATION)?;
            sub.iri(
                rdf::TYPE,
                if o.kind.is_unit() {
                    org::ORGANIZATIONAL_UNIT
                } else {
                    org::FORMAL_ORGANIZATION
                },
            )?;
            if o.kind.is_state_body() {
                sub.iri(rdf::TYPE, schema::GOVERNMENT_ORGANIZATION)?;
            }
            sub.iri(rdf::TYPE, org_kind_class(o.kind))?;
            sub.labels(&o.labels, false)?;
            sub.description(o.details().description.as_ref())?;
            if let Some(d) = o.founded {
                sub.t(schema::FOUNDING_DATE, date_literal(d, value))?;
            }
            if let Some(d) = o.details().dissolved {
                sub.t(schema::DISSOLUTION_DATE, date_literal(d, value))?;
            }
            if let Some(logo) = &o.details().logo {
                *aux = logo.commons_url();
                sub.iri(schema::LOGO, aux)?;
                if let Some(w) = logo.width_px {
                    value.clear();
                    value.push_str(&w.to_string());
                    sub.t(
                        gg::LOGO_WIDTH,
                        LiteralRef::new_typed_literal(value, n(xsd::INTEGER)),
                    )?;
                }
            }
            if let Some(e) = &o.details().employees {
                let plain = !e.is_empty() && e.len() < 19 && e.bytes().all(|b| b.is_ascii_digit());
                if plain {
                    sub.t(
                        schema::NUMBER_OF_EMPLOYEES,
                        LiteralRef::new_typed_literal(e, n(xsd::INTEGER)),
                    )?;
                } else {
                    sub.string(schema::NUMBER_OF_EMPLOYEES, e)?;
                }
            }
            if let Some(b) = &o.details().budget {
                sub.string(gg::BUDGET, b)?;
            }
            for doc in &o.details().key_documents {
                if check_iri(doc).is_ok() {
                    sub.iri(gg::KEY_DOCUMENT, doc)?;
                } else {
                    sub.string(gg::KEY_DOCUMENT, doc)?;
                }
            }
            for s in &o.details().same_as {
                sub.iri(schema::SAME_AS, s.as_str())?;
            }
            links!(Relation::SubOrganizationOf, true, org::SUB_ORGANIZATION_OF);
            if o.kind.is_unit() {
                links!(Relation::SubOrganizationOf, true, org::UNIT_OF);
            }
            if opts.closure {
                let mut at = g.parent_of(ix);
                while let Some(up) = at {
                    iri_into(base, g, up, object);
                    sub.iri(org::TRANSITIVE_SUB_ORGANIZATION_OF, object)?;
                    at = g.parent_of(up);
                }
            }
            if opts.inverses {
                links!(
                    Relation::SubOrganizationOf,
                    false,
                    org::HAS_SUB_ORGANIZATION
                );
                linked(edges, Relation::SubOrganizationOf, false, list);
                for &child in list.iter() {
                    if let Node::Organization(c) = g.node_at(child) {
                        if c.kind.is_unit() {
                            iri_into(base, g, child, object);
                            sub.iri(org::HAS_UNIT, object)?;
                        }
                    }
                }
                links!(Relation::PostIn, false, org::HAS_POST);
                links!(Relation::Replaces, false, dct::IS_REPLACED_BY);
            }
            links!(Relation::Replaces, true, dct::REPLACES);
            links!(Relation::HasJurisdiction, true, gg::JURISDICTION);
            links!(Relation::PrimarySite, true, org::HAS_PRIMARY_SITE);
            links!(Relation::HasFunction, true, org::PURPOSE);
            links!(Relation::OfficialWebsite, true, schema::URL);
            links!(Relation::Classification, true, org::CLASSIFICATION);
            links!(Relation::SeeAlso, true, rdfs::SEE_ALSO);
            sub.sources(&o.sources)?;
        }
        Node::Post(p) => {
            sub.iri(rdf::TYPE, org::POST)?;
            sub.labels(&p.labels, false)?;
            sub.description(p.description.as_ref())?;
            links!(Relation::PostIn, true, org::POST_IN);
            if p.heads {
                sub.iri(org::ROLE_PROPERTY, org::HEAD)?;
                links!(Relation::PostIn, true, gg::HEADS);
            }
            links!(Relation::Rank, true, gg::RANK);
            if opts.inverses {
                linked(edges, Relation::TenureOf, false, list);
                let tenures = std::mem::take(list);
                for &t in &tenures {
                    if let Some(person) = g.out(t, Relation::Holder).next() {
                        iri_into(base, g, person, object);
                        sub.iri(org::HELD_BY, object)?;
                    }
                }
                *list = tenures;
            }
            links!(Relation::SeeAlso, true, rdfs::SEE_ALSO);
            sub.sources(&p.sources)?;
        }
        Node::Person(p) => {
            sub.iri(rdf::TYPE, foaf::PERSON)?;
            sub.labels(&p.labels, true)?;
            sub.description(p.description.as_ref())?;
            linked(edges, Relation::Holder, false, list);
            let tenures = std::mem::take(list);
            for &t in &tenures {
                if let Some(post) = g.out(t, Relation::TenureOf).next() {
                    iri_into(base, g, post, object);
                    sub.iri(org::HOLDS, object)?;
                }
            }
            for &t in &tenures {
                let current = matches!(g.node_at(t), Node::Tenure(t) if t.is_current());
                let Some(post) = g.out(t, Relation::TenureOf).next() else {
                    continue;
                };
                let heads = matches!(g.node_at(post), Node::Post(p) if p.heads);
                if current && heads {
                    if let Some(body) = g.out(post, Relation::PostIn).next() {
                        iri_into(base, g, body, object);
                        sub.iri(org::HEAD_OF, object)?;
                    }
                }
            }
            *list = tenures;
            links!(Relation::SeeAlso, true, rdfs::SEE_ALSO);
            sub.sources(&p.sources)?;
        }
        Node::Jurisdiction(j) => {
            sub.iri(rdf::TYPE, dct::JURISDICTION)?;
            sub.labels(&j.labels, false)?;
            sub.description(j.description.as_ref())?;
            links!(Relation::GoverningBody, true, gg::GOVERNING_BODY);
            links!(Relation::Territory, true, gg::TERRITORY);
            links!(Relation::SeeAlso, true, rdfs::SEE_ALSO);
            sub.sources(&j.sources)?;
        }
        Node::Site(s) => {
            sub.iri(rdf::TYPE, org::SITE)?;
            sub.string(rdfs::LABEL, &s.label)?;
            if !s.address.is_empty() {
                address_iri(base, s.slug.as_str(), aux);
                sub.iri(org::SITE_ADDRESS, aux)?;
            }
            links!(Relation::ContainedIn, true, schema::CONTAINED_IN_PLACE);
            if opts.inverses {
                links!(Relation::PrimarySite, false, org::SITE_OF);
            }
            links!(Relation::SeeAlso, true, rdfs::SEE_ALSO);
            sub.sources(&s.sources)?;
        }
        Node::Place(p) => {
            sub.iri(rdf::TYPE, schema::PLACE)?;
            if p.kind.is_administrative() {
                sub.iri(rdf::TYPE, schema::ADMINISTRATIVE_AREA)?;
            }
            sub.iri(rdf::TYPE, place_kind_class(p.kind))?;
            sub.labels(&p.labels, false)?;
            sub.description(p.description.as_ref())?;
            links!(Relation::ContainedIn, true, schema::CONTAINED_IN_PLACE);
            links!(Relation::SeeAlso, true, rdfs::SEE_ALSO);
            sub.sources(&p.sources)?;
        }
        Node::Function(f) => {
            sub.iri(rdf::TYPE, skos::CONCEPT)?;
            sub.labels(&f.labels, false)?;
            value.clear();
            value.push_str(&f.position.to_string());
            sub.string(skos::NOTATION, value)?;
            if let Some(owner) = g.inc(ix, Relation::HasFunction).next() {
                scheme_iri(base, g.slug_at(owner).as_str(), aux);
                sub.iri(skos::IN_SCHEME, aux)?;
            }
            links!(Relation::SeeAlso, true, rdfs::SEE_ALSO);
            sub.sources(&f.sources)?;
        }
        Node::Website(w) => {
            sub.iri(rdf::TYPE, schema::WEB_SITE)?;
            sub.labels(&w.labels, false)?;
            sub.string(gg::SLUG, w.slug.as_str())?;
            links!(Relation::PublishedBy, true, schema::PUBLISHER);
            links!(Relation::MaintainedBy, true, schema::MAINTAINER);
            links!(Relation::SeeAlso, true, rdfs::SEE_ALSO);
            sub.sources(&w.sources)?;
        }
        Node::Category(c) => {
            sub.iri(rdf::TYPE, skos::CONCEPT)?;
            sub.iri(skos::IN_SCHEME, category_scheme(c.kind))?;
            sub.labels(&c.labels, false)?;
            sub.description(c.description.as_ref())?;
            links!(Relation::SeeAlso, true, rdfs::SEE_ALSO);
            sub.sources(&c.sources)?;
        }
        Node::Tenure(t) => {
            sub.iri(rdf::TYPE, org::MEMBERSHIP)?;
            links!(Relation::Holder, true, org::MEMBER);
            if let Some(post) = g.out(ix, Relation::TenureOf).next() {
                if let Some(body) = g.out(post, Relation::PostIn).next() {
                    iri_into(base, g, body, object);
                    sub.iri(org::ORGANIZATION_PROPERTY, object)?;
                }
            }
            links!(Relation::TenureOf, true, gg::POST);
            let interval = t.start.is_some() || t.end.is_some();
            if interval {
                blank_label(&t.slug, "during", aux);
                sub.t(org::MEMBER_DURING, BlankNodeRef::new_unchecked(aux))?;
            }
            sub.sources(&t.sources)?;
        }
    }
    for a in g.annotations_at(ix) {
        sub.t(&a.property, value_term(&a.value))?;
    }
    // Resources the node owns, each its own subject, right after it.
    match g.node_at(ix) {
        Node::Organization(o) if g.out(ix, Relation::HasFunction).next().is_some() => {
            scheme_iri(base, o.slug.as_str(), aux);
            let mut scheme = Subject {
                s: n(aux).into(),
                sink: sub.sink,
            };
            scheme.iri(rdf::TYPE, skos::CONCEPT_SCHEME)?;
            value.clear();
            value.push_str("Functions of ");
            value.push_str(o.labels.display().unwrap_or(o.slug.as_str()));
            scheme.lang(skos::PREF_LABEL, value, "en")?;
        }
        Node::Site(s) if !s.address.is_empty() => {
            address_iri(base, s.slug.as_str(), aux);
            let mut adr = Subject {
                s: n(aux).into(),
                sink: sub.sink,
            };
            adr.iri(rdf::TYPE, vcard::ADDRESS)?;
            let a = &s.address;
            for (p, v) in [
                (vcard::STREET_ADDRESS, &a.street),
                (vcard::LOCALITY, &a.locality),
                (vcard::REGION, &a.region),
                (vcard::POSTAL_CODE, &a.postal_code),
                (vcard::COUNTRY_NAME, &a.country),
            ] {
                if let Some(v) = v {
                    adr.string(p, v)?;
                }
            }
        }
        Node::Tenure(t) if t.start.is_some() || t.end.is_some() => {
            blank_label(&t.slug, "during", aux);
            let mut during = Subject {
                s: BlankNodeRef::new_unchecked(aux).into(),
                sink: sub.sink,
            };
            during.iri(rdf::TYPE, time::PROPER_INTERVAL)?;
            if t.start.is_some() {
                blank_label(&t.slug, "begin", object);
                during.t(time::HAS_BEGINNING, BlankNodeRef::new_unchecked(object))?;
            }
            if t.end.is_some() {
                blank_label(&t.slug, "end", value);
                during.t(time::HAS_END, BlankNodeRef::new_unchecked(value))?;
            }
            for (bound, suffix) in [(t.start, "begin"), (t.end, "end")] {
                let Some(bound) = bound else { continue };
                blank_label(&t.slug, suffix, object);
                let mut instant = Subject {
                    s: BlankNodeRef::new_unchecked(object).into(),
                    sink: during.sink,
                };
                instant.iri(rdf::TYPE, time::INSTANT)?;
                // An undated bound is an instant with no position.
                let Bound::Date(date) = bound else { continue };
                let p = match date.precision() {
                    DatePrecision::Day => time::IN_XSD_DATE,
                    DatePrecision::Month => time::IN_XSD_G_YEAR_MONTH,
                    DatePrecision::Year => time::IN_XSD_G_YEAR,
                };
                instant.t(p, date_literal(date, value))?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// The RDF term of a kept [`Value`].
fn value_term(v: &Value) -> TermRef<'_> {
    match v {
        Value::Iri(i) => n(i).into(),
        Value::Blank(b) => BlankNodeRef::new_unchecked(b).into(),
        Value::Literal {
            value,
            language: Some(l),
            ..
        } => LiteralRef::new_language_tagged_literal_unchecked(value, l).into(),
        Value::Literal {
            value, datatype, ..
        } => LiteralRef::new_typed_literal(value, n(datatype)).into(),
    }
}

/// Writes the kept statements about resources that are not nodes.
fn emit_statements<F, E>(g: &GovGraph, sink: &mut F) -> Result<(), E>
where
    F: FnMut(TripleRef<'_>) -> Result<(), E>,
{
    for st in g.statements() {
        let subject: NamedOrBlankNodeRef<'_> = match &st.subject {
            Value::Iri(i) => n(i).into(),
            Value::Blank(b) => BlankNodeRef::new_unchecked(b).into(),
            Value::Literal { .. } => continue,
        };
        sink(TripleRef::new(
            subject,
            n(&st.property),
            value_term(&st.value),
        ))?;
    }
    Ok(())
}

pub(crate) fn scheme_iri(base: &str, org_slug: &str, out: &mut String) {
    out.clear();
    out.push_str(base);
    out.push_str("functions/");
    out.push_str(org_slug);
}

pub(crate) fn address_iri(base: &str, site_slug: &str, out: &mut String) {
    out.clear();
    out.push_str(base);
    out.push_str("address/");
    out.push_str(site_slug);
}

pub(crate) fn blank_label(tenure: &Slug, suffix: &str, out: &mut String) {
    out.clear();
    out.push_str("membership-");
    out.push_str(tenure.as_str());
    out.push('-');
    out.push_str(suffix);
}
