//! RDF documents back into a typed [`GovGraph`].

#![expect(
    clippy::many_single_char_names,
    reason = "s, p and o are the usual names of a triple's parts"
)]

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io;

use crate::graph::Pos;
use oxrdf::{NamedNode, NamedOrBlankNode, Term};
use oxrdfio::{RdfParseError, RdfParser};

use super::RdfFormat;
use super::export::{
    BaseIriError, DEFAULT_BASE_IRI, address_iri, blank_label, check_base, scheme_iri,
};
use super::vocab::{dct, foaf, gg, org, rdf, rdfs, schema, skos, time, vcard, xsd};
use crate::graph::{GovGraph, GraphError};
use crate::index::{HashIndex, MAX_POSITION};
use crate::model::{
    Address, Annotation, Bound, Category, CategoryKind, DatePrecision, Function, Jurisdiction,
    Labels, Lang, Logo, Node, NodeKind, OrgKind, Organization, PartialDate, Person, Place,
    PlaceKind, Post, Relation, Site, Slug, Source, Statement, Tenure, Value, Website,
};

/// Why a document could not be imported. Syntax errors carry the line and
/// column (from 1) where the parser gives them; model errors name the
/// subject IRI and the triple at fault.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The bytes are not valid in the format.
    #[error("{format} syntax error at line {line}, column {column}: {message}")]
    Syntax {
        /// The format being read.
        format: RdfFormat,
        /// The line, from 1.
        line: u64,
        /// The column, from 1, in characters.
        column: u64,
        /// What the parser said.
        message: String,
    },
    /// The bytes are not valid in the format, and the parser gives no
    /// position (RDF/XML).
    #[error("{format} syntax error: {message}")]
    SyntaxNoPosition {
        /// The format being read.
        format: RdfFormat,
        /// What the parser said.
        message: String,
    },
    /// Reading failed.
    #[error("cannot read the document: {0}")]
    Io(#[from] io::Error),
    /// A path's extension names no RDF format.
    #[error(
        "{path}: the file name does not say which RDF format it is in (.ttl, .nt, .nq, .trig, .rdf, .jsonld)"
    )]
    UnknownFormat {
        /// The path given.
        path: String,
    },
    /// The document is longer than the importer's limit.
    #[error("the document is longer than the limit of {limit} bytes")]
    TooLarge {
        /// The limit set with [`Importer::with_max_bytes`].
        limit: u64,
    },
    /// A subject is typed as two different kinds of node.
    #[error("{subject} is typed both {first} and {second}")]
    KindConflict {
        /// The subject, in N-Triples syntax.
        subject: String,
        /// One kind.
        first: NodeKind,
        /// The other kind.
        second: NodeKind,
    },
    /// A triple's object has the wrong form (a literal where a resource is
    /// needed, or the reverse).
    #[error("{subject} <{predicate}> {object}: {expected}")]
    WrongTerm {
        /// The subject, in N-Triples syntax.
        subject: String,
        /// The predicate IRI.
        predicate: String,
        /// The object, in N-Triples syntax.
        object: String,
        /// What was expected.
        expected: &'static str,
    },
    /// A literal cannot be read as the value the model needs.
    #[error("{subject} <{predicate}> {object}: {reason}")]
    BadValue {
        /// The subject, in N-Triples syntax.
        subject: String,
        /// The predicate IRI.
        predicate: String,
        /// The object, in N-Triples syntax.
        object: String,
        /// Why.
        reason: String,
    },
    /// The graph refused a node or link the document describes (a post in
    /// two organizations, a cycle in `org:subOrganizationOf`, …).
    #[error("{subject} <{predicate}> {object}: {source}")]
    Graph {
        /// The subject, in N-Triples syntax.
        subject: String,
        /// The predicate IRI (`rdf:type` for a refused node).
        predicate: String,
        /// The object, in N-Triples syntax.
        object: String,
        /// Why the graph refused it.
        source: GraphError,
    },
}

/// What an import did beyond the plain reading of the vocabulary: common
/// variants normalised, slugs minted, facts kept as annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportNote {
    /// The subject the note is about, in N-Triples syntax.
    pub subject: String,
    /// What sort of note it is.
    pub kind: NoteKind,
    /// What happened, for a person.
    pub detail: String,
}

/// The sort of an [`ImportNote`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NoteKind {
    /// A common variant was read as the vocabulary's own term
    /// (`https://schema.org/`, `rdfs:label`, an inverse link alone, …).
    Normalised,
    /// A triple the model has no field for was kept as an annotation or
    /// statement, and will be written back on export.
    Kept,
    /// A subject's IRI is not `<base><kind>/<slug>`, so a slug was made for
    /// it; re-exporting mints the new IRI.
    MintedSlug,
}

impl fmt::Display for NoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NoteKind::Normalised => "normalised",
            NoteKind::Kept => "kept",
            NoteKind::MintedSlug => "minted slug",
        })
    }
}

/// What an import read and made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Triples (or quads) read.
    pub triples: usize,
    /// Nodes made.
    pub nodes: usize,
    /// Links made.
    pub links: usize,
    /// Triples kept as node annotations.
    pub annotations: usize,
    /// Triples kept as statements about resources that are not nodes.
    pub statements: usize,
    /// The named graphs seen, in the order first met.
    pub named_graphs: Vec<String>,
    /// What was normalised, kept or minted, in the order it happened.
    pub notes: Vec<ImportNote>,
}

impl ImportReport {
    /// The notes of one kind.
    pub fn notes_of(&self, kind: NoteKind) -> impl Iterator<Item = &ImportNote> + '_ {
        self.notes.iter().filter(move |n| n.kind == kind)
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "read {} triples: {} nodes, {} links, {} annotations, {} statements kept",
            self.triples, self.nodes, self.links, self.annotations, self.statements
        )?;
        if !self.named_graphs.is_empty() {
            writeln!(f, "named graphs: {}", self.named_graphs.join(", "))?;
        }
        for n in &self.notes {
            writeln!(f, "{}: {}: {}", n.kind, n.subject, n.detail)?;
        }
        Ok(())
    }
}

/// A graph read from RDF, with the report of how it was read.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The graph.
    pub graph: GovGraph,
    /// How it was read.
    pub report: ImportReport,
}

/// Reads RDF in the patterns of govgraph's vocabulary into a [`GovGraph`].
///
/// For any graph the API can build, importing its export gives the graph
/// back (`import(export(g)) == g`) and re-exporting gives the same bytes.
/// Triples the model has no field for are kept as annotations (or, for
/// resources that are not nodes, statements) and written back on export.
/// Common variants are accepted and reported as normalised:
/// `https://schema.org/` for `http://schema.org/`, `rdfs:label` or
/// `foaf:name` for `skos:prefLabel`, and an inverse link
/// (`org:hasSubOrganization`, `org:hasPost`, `org:heldBy`, `org:siteOf`,
/// `dct:isReplacedBy`) without its forward form.
///
/// Resources the export derives from a node are read into it only where a
/// re-export gives them back under the same name: a site's `vcard:Address`
/// when it is `<base>address/<site slug>` or a blank node (and that IRI
/// names nothing else), a tenure's `time:ProperInterval` and instants when
/// their blank labels are their own or unused, a body's function scheme at
/// `<base>functions/<slug>`. Anything else about them is kept as written.
///
/// # Limits
/// A document is read up to [`with_max_bytes`](Self::with_max_bytes)
/// bytes (1 GiB by default), which bounds memory. Nesting is bounded by
/// the same limit: the Turtle, TriG and RDF/XML parsers keep nested blank
/// nodes and collections on the heap, not the stack, so a document nested
/// 100,000 levels deep imports; the JSON-LD parser refuses nesting deeper
/// than 65,536 levels with a syntax error. Nothing in the import recurses.
///
/// ```
/// use govgraph::rdf::{Exporter, Importer, RdfFormat};
/// let g = govgraph::datasets::general_office();
/// let turtle = Exporter::new().write_turtle(&g, Vec::new())?;
/// let back = Importer::new().import(turtle.as_slice(), RdfFormat::Turtle)?;
/// assert_eq!(back.graph, g);
/// assert!(back.report.notes.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Importer {
    base: String,
    max_bytes: u64,
}

/// The longest document [`Importer::new`] reads: 1 GiB.
pub const DEFAULT_MAX_IMPORT_BYTES: u64 = 1 << 30;

impl Default for Importer {
    fn default() -> Self {
        Self::new()
    }
}

impl Importer {
    /// An importer for IRIs minted under the [default base](DEFAULT_BASE_IRI).
    pub fn new() -> Self {
        Self {
            base: DEFAULT_BASE_IRI.to_owned(),
            max_bytes: DEFAULT_MAX_IMPORT_BYTES,
        }
    }

    /// Sets the longest document read, in bytes; a longer one fails with
    /// [`ImportError::TooLarge`] as soon as the limit is passed, before
    /// more of it is held in memory.
    ///
    /// ```
    /// use govgraph::rdf::{Importer, RdfFormat};
    /// let doc = "<https://example.org/a> <https://example.org/b> \"c\" .\n";
    /// let err = Importer::new().with_max_bytes(10).import(doc.as_bytes(), RdfFormat::NTriples).unwrap_err();
    /// assert_eq!(err.to_string(), "the document is longer than the limit of 10 bytes");
    /// ```
    pub fn with_max_bytes(mut self, limit: u64) -> Self {
        self.max_bytes = limit;
        self
    }

    /// Reads slugs from IRIs minted under `base`.
    ///
    /// # Errors
    /// [`BaseIriError`] when `base` is not an absolute IRI ending in `/` or
    /// `#`.
    pub fn with_base_iri(mut self, base: impl Into<String>) -> Result<Self, BaseIriError> {
        self.base = check_base(base.into())?;
        Ok(self)
    }

    /// Reads a document in `format` from `reader` into a graph.
    ///
    /// # Errors
    /// [`ImportError`]: a syntax error with its position, an I/O error, a
    /// document longer than [the limit](Self::with_max_bytes), or a
    /// document that does not fit the model, naming the subject and the
    /// triple.
    pub fn import(
        &self,
        reader: impl io::Read,
        format: RdfFormat,
    ) -> Result<Imported, ImportError> {
        let reader = Limited {
            inner: reader,
            left: self.max_bytes,
        };
        let parser = RdfParser::from_format(format.to_oxrdfio()).for_reader(reader);
        self.read(parser, format)
    }

    /// Reads a document in `format` held in memory. The same as
    /// [`import`](Self::import) over `&[u8]`, a little faster: the parser
    /// reads the bytes in place instead of through a buffer.
    ///
    /// ```
    /// use govgraph::rdf::{Exporter, Importer, RdfFormat};
    /// let g = govgraph::datasets::general_office();
    /// let nt = Exporter::new().write(&g, RdfFormat::NTriples, Vec::new())?;
    /// assert_eq!(Importer::new().import_slice(&nt, RdfFormat::NTriples)?.graph, g);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`import`](Self::import); a slice longer than [the
    /// limit](Self::with_max_bytes) is refused before it is parsed.
    pub fn import_slice(&self, bytes: &[u8], format: RdfFormat) -> Result<Imported, ImportError> {
        if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > self.max_bytes {
            return Err(ImportError::TooLarge {
                limit: self.max_bytes,
            });
        }
        let parser = RdfParser::from_format(format.to_oxrdfio())
            .for_slice(bytes)
            .map(|q| q.map_err(RdfParseError::Syntax));
        self.read(parser, format)
    }

    /// Reads the file at `path`, in the format its extension names
    /// ([`RdfFormat::from_path`]).
    ///
    /// # Errors
    /// [`ImportError::UnknownFormat`] when the extension names no RDF
    /// format, [`ImportError::Io`] when the file cannot be opened, and as
    /// [`import`](Self::import).
    pub fn import_path(&self, path: impl AsRef<std::path::Path>) -> Result<Imported, ImportError> {
        let path = path.as_ref();
        let format = RdfFormat::from_path(path).ok_or_else(|| ImportError::UnknownFormat {
            path: path.display().to_string(),
        })?;
        let file = std::fs::File::open(path)?;
        self.import(io::BufReader::new(file), format)
    }

    fn read(
        &self,
        quads: impl Iterator<Item = Result<oxrdf::Quad, RdfParseError>>,
        format: RdfFormat,
    ) -> Result<Imported, ImportError> {
        let mut doc = Document::default();
        for quad in quads {
            let quad = quad.map_err(|e| parse_error(e, format, self.max_bytes))?;
            doc.report.triples += 1;
            if let oxrdf::GraphName::NamedNode(g) = &quad.graph_name {
                if !doc.graph_seen.contains(g.as_str()) {
                    doc.graph_seen.insert(g.as_str().to_owned());
                    doc.report.named_graphs.push(g.as_str().to_owned());
                }
            }
            doc.add(quad.subject, quad.predicate, quad.object)?;
        }
        doc.build(&self.base)
    }
}

/// Reads a document with the default [`Importer`].
///
/// # Errors
/// As [`Importer::import`].
pub fn import(reader: impl io::Read, format: RdfFormat) -> Result<Imported, ImportError> {
    Importer::new().import(reader, format)
}

/// A reader that fails with [`PastLimit`] once more than `left` bytes
/// have been asked of it.
struct Limited<R> {
    inner: R,
    left: u64,
}

/// The error [`Limited`] reads fail with, told apart from the inner
/// reader's own errors by its type.
#[derive(Debug)]
struct PastLimit;

impl fmt::Display for PastLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the document is longer than the limit")
    }
}

impl std::error::Error for PastLimit {}

impl<R: io::Read> io::Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            // One byte more than the limit tells a document of exactly the
            // limit from a longer one.
            return match self.inner.read(&mut [0])? {
                0 => Ok(0),
                _ => Err(io::Error::other(PastLimit)),
            };
        }
        let room = usize::try_from(self.left)
            .unwrap_or(usize::MAX)
            .min(buf.len());
        let n = self.inner.read(&mut buf[..room])?;
        self.left -= n as u64;
        Ok(n)
    }
}

fn parse_error(e: RdfParseError, format: RdfFormat, limit: u64) -> ImportError {
    match e {
        RdfParseError::Io(e) if matches!(e.get_ref(), Some(inner) if inner.is::<PastLimit>()) => {
            ImportError::TooLarge { limit }
        }
        RdfParseError::Io(e) => ImportError::Io(e),
        RdfParseError::Syntax(e) => match e.location() {
            Some(at) => ImportError::Syntax {
                format,
                line: at.start.line + 1,
                column: at.start.column + 1,
                message: e.to_string(),
            },
            None => ImportError::SyntaxNoPosition {
                format,
                message: e.to_string(),
            },
        },
    }
}

const HTTPS_SCHEMA: &str = "https://schema.org/";

/// The triples of one subject.
struct Group {
    subject: NamedOrBlankNode,
    triples: Vec<(NamedNode, Term)>,
    /// Each triple's position in the document.
    at: Vec<usize>,
}

#[derive(Default)]
struct Document {
    groups: Vec<Group>,
    /// Each group's position by a keyed hash of its subject (checked
    /// against the group's own subject), so that neither recording nor
    /// looking up a subject copies it.
    index: HashIndex,
    graph_seen: HashSet<String>,
    report: ImportReport,
    https_schema: HashSet<usize>,
    /// The group the last triple went to.
    last: Option<usize>,
}

fn fix_schema(iri: NamedNode) -> (NamedNode, bool) {
    match iri.as_str().strip_prefix(HTTPS_SCHEMA) {
        Some(rest) => (
            NamedNode::new_unchecked(format!("{}{rest}", schema::NAMESPACE)),
            true,
        ),
        None => (iri, false),
    }
}

/// Pending links and holdings come from a node's own triples, so their
/// subject always has a node.
const OWN_TRIPLE: &str = "the subject of a node's own triple";

/// What a subject is hashed as: blank or named, and its text.
fn subject_key(s: &NamedOrBlankNode) -> (bool, &str) {
    match s {
        NamedOrBlankNode::NamedNode(n) => (false, n.as_str()),
        NamedOrBlankNode::BlankNode(b) => (true, b.as_str()),
    }
}

impl Document {
    /// The group of the subject `(blank, text)`.
    fn find(&self, key: (bool, &str)) -> Option<usize> {
        let h = self.index.hash(&key);
        self.index
            .get(h)
            .iter()
            .map(|&pos| pos as usize)
            .find(|&i| subject_key(&self.groups[i].subject) == key)
    }

    /// The group whose subject `t` is, if any.
    fn group_of(&self, t: &Term) -> Option<usize> {
        match t {
            Term::NamedNode(n) => self.find((false, n.as_str())),
            Term::BlankNode(b) => self.find((true, b.as_str())),
            Term::Literal(_) => None,
        }
    }

    /// Adds a triple to its subject's group. Fails only when a document
    /// has more subjects than positions can number (2^31 - 1).
    fn add(
        &mut self,
        subject: NamedOrBlankNode,
        predicate: NamedNode,
        object: Term,
    ) -> Result<(), ImportError> {
        let (predicate, fixed_p) = fix_schema(predicate);
        // Only a class is a vocabulary term in object position; any other
        // IRI there (a source, a website) is data, kept as written.
        let (object, fixed_o) = match object {
            Term::NamedNode(n) if predicate.as_str() == rdf::TYPE => {
                let (n, f) = fix_schema(n);
                (Term::NamedNode(n), f)
            }
            other => (other, false),
        };
        // Documents group a subject's triples (ours always do): compare
        // with the last subject before hashing.
        let last = self.last.filter(|&l| self.groups[l].subject == subject);
        let i = if let Some(i) = last {
            i
        } else if let Some(i) = self.find(subject_key(&subject)) {
            i
        } else {
            let i = self.groups.len();
            let pos = u32::try_from(i)
                .ok()
                .filter(|&p| p <= MAX_POSITION)
                .ok_or_else(|| {
                    graph_err(&subject, &predicate, &object)(GraphError::Full { max: MAX_POSITION })
                })?;
            self.index
                .insert(self.index.hash(&subject_key(&subject)), pos);
            self.groups.push(Group {
                subject,
                triples: Vec::new(),
                at: Vec::new(),
            });
            i
        };
        if fixed_p || fixed_o {
            self.https_schema.insert(i);
        }
        self.last = Some(i);
        self.groups[i].triples.push((predicate, object));
        self.groups[i].at.push(self.report.triples);
        Ok(())
    }

    /// Keeps what no node consumed as statements.
    fn keep_statements(&self, b: &mut Builder<'_>) -> Result<(), ImportError> {
        // What no node consumed is kept as statements, subject by subject,
        // in the order of each subject's first kept triple (not its first
        // triple: the export writes derived triples about it earlier).
        let mut kept_groups: Vec<(usize, usize)> = (0..self.groups.len())
            .filter(|&i| !b.consumed[i])
            .filter_map(|i| {
                let g = &self.groups[i];
                let first = (0..g.triples.len()).find(|&t| !b.derived.contains(&(i, t)))?;
                Some((g.at[first], i))
            })
            .collect();
        kept_groups.sort_unstable();
        for (_, i) in kept_groups {
            let group = &self.groups[i];
            let mut kept = 0;
            for (t, (p, o)) in group.triples.iter().enumerate() {
                if b.derived.contains(&(i, t)) {
                    continue;
                }
                kept += 1;
                b.g.add_statement(Statement {
                    subject: subject_value(&group.subject),
                    property: p.as_str().to_owned(),
                    value: term_value(o),
                })
                .map_err(graph_err(&group.subject, p, o))?;
                b.report.statements += 1;
            }
            b.note(
                &group.subject,
                NoteKind::Kept,
                format!("{kept} triples about a resource that is not a node kept as statements"),
            );
        }
        Ok(())
    }

    fn build(mut self, base: &str) -> Result<Imported, ImportError> {
        let report = std::mem::take(&mut self.report);
        let mut b = Builder {
            base,
            g: GovGraph::with_capacity(self.groups.len(), report.triples / 4),
            report,
            node_of_group: vec![None; self.groups.len()],
            making: 0,
            pending: Vec::new(),
            made: HashSet::new(),
            holds: Vec::new(),
            head_of: Vec::new(),
            tenure_org: Vec::new(),
            function_scheme: Vec::new(),
            transitive: Vec::new(),
            consumed: vec![false; self.groups.len()],
            node_group: Vec::with_capacity(self.groups.len()),
            purposes: HashSet::new(),
            shared_addresses: HashSet::new(),
            slugs_taken: HashSet::new(),
            doc: &self,
            under_base: None,
            blanks: None,
            derived: HashSet::new(),
            schemes: Vec::new(),
        };
        let mut https: Vec<usize> = self.https_schema.iter().copied().collect();
        https.sort_unstable();
        for i in https {
            b.note(
                &self.groups[i].subject,
                NoteKind::Normalised,
                "https://schema.org/ read as http://schema.org/".to_owned(),
            );
        }
        // Addresses named by more than one site stay shared data.
        let mut first_site: HashMap<&Term, &NamedOrBlankNode> = HashMap::new();
        for g in &self.groups {
            for (p, o) in &g.triples {
                if p.as_str() == org::SITE_ADDRESS
                    && *first_site.entry(o).or_insert(&g.subject) != &g.subject
                {
                    b.shared_addresses.insert(o.clone());
                }
                if p.as_str() == org::PURPOSE {
                    if let Term::NamedNode(n) = o {
                        b.purposes.insert(n.as_str().to_owned());
                    }
                }
            }
        }
        // Nodes first, in the order their subjects first appear.
        let mut kinds = Vec::with_capacity(self.groups.len());
        for group in &self.groups {
            kinds.push(b.kind_of(group)?);
        }
        let mut leftovers = Vec::new();
        for (i, group) in self.groups.iter().enumerate() {
            if let Some(kind) = kinds[i] {
                b.making = i;
                let rest = b.make_node(kind, group, &self)?;
                b.consumed[i] = true;
                leftovers.push((i, rest));
            }
        }
        // Annotations in document order: first what no field took, then
        // links to resources that are not nodes, then derived triples the
        // graph does not re-derive. A second import keeps this order.
        for (i, rest) in leftovers {
            let Some(ix) = b.node_of_group[i] else {
                continue;
            };
            let subject = &self.groups[i].subject;
            for (p, o) in rest {
                b.keep_annotation(ix, subject, &p, &o)?;
            }
        }
        b.resolve_links()?;
        for (ix, scheme, label) in std::mem::take(&mut b.schemes) {
            if b.g.out(ix, Relation::HasFunction).next().is_some() {
                b.consume_scheme(&self, &scheme, &label);
            }
        }
        b.resolve_holdings()?;
        self.keep_statements(&mut b)?;
        b.report.nodes = b.g.node_count();
        b.report.links = b.g.link_count();
        Ok(Imported {
            graph: b.g,
            report: b.report,
        })
    }
}

/// Every IRI of the document (subject or object) that starts with `base`.
fn iris_under(groups: &[Group], base: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    for g in groups {
        let objects = g.triples.iter().filter_map(|(_, o)| match o {
            Term::NamedNode(n) => Some(n),
            _ => None,
        });
        let subject = match &g.subject {
            NamedOrBlankNode::NamedNode(n) => Some(n),
            NamedOrBlankNode::BlankNode(_) => None,
        };
        for n in subject.into_iter().chain(objects) {
            if n.as_str().starts_with(base) {
                out.insert(n.as_str().to_owned());
            }
        }
    }
    out
}

/// Every blank node label of the document (subject or object).
fn blank_labels(groups: &[Group]) -> HashSet<String> {
    let mut out = HashSet::new();
    for g in groups {
        if let NamedOrBlankNode::BlankNode(b) = &g.subject {
            out.insert(b.as_str().to_owned());
        }
        for (_, o) in &g.triples {
            if let Term::BlankNode(b) = o {
                out.insert(b.as_str().to_owned());
            }
        }
    }
    out
}

fn subject_value(s: &NamedOrBlankNode) -> Value {
    match s {
        NamedOrBlankNode::NamedNode(n) => Value::Iri(n.as_str().to_owned()),
        NamedOrBlankNode::BlankNode(b) => Value::Blank(b.as_str().to_owned()),
    }
}

/// A term as the model's [`Value`] (also used by the SPARQL store).
pub(crate) fn term_value(t: &Term) -> Value {
    match t {
        Term::NamedNode(n) => Value::Iri(n.as_str().to_owned()),
        Term::BlankNode(b) => Value::Blank(b.as_str().to_owned()),
        Term::Literal(l) => Value::Literal {
            value: l.value().to_owned(),
            datatype: l.datatype().as_str().to_owned(),
            language: l.language().map(str::to_owned),
        },
    }
}

/// A link read from a triple, resolved once every node exists.
struct Pending {
    relation: Relation,
    /// Read in its forward direction: the link goes from the triple's
    /// subject to its object (else from the object to the subject).
    forward: bool,
    /// The triple it came from, for messages and for keeping it when the
    /// other end is not a node.
    subject: NamedOrBlankNode,
    predicate: NamedNode,
    object: Term,
}

struct Builder<'a> {
    base: &'a str,
    g: GovGraph,
    report: ImportReport,
    /// The node made from each group, by group position.
    node_of_group: Vec<Option<Pos>>,
    /// The group `make_node` is reading.
    making: usize,
    pending: Vec<Pending>,
    made: HashSet<(Pos, Relation, Pos)>,
    /// (person, post, triple) from org:holds / org:heldBy.
    holds: Vec<(Term, Term, NamedOrBlankNode, NamedNode, Term)>,
    /// (person, body, predicate) from org:headOf.
    head_of: Vec<(Pos, Term, NamedNode)>,
    /// (tenure, body, predicate) from a membership's org:organization.
    tenure_org: Vec<(Pos, Term, NamedNode)>,
    /// (function, scheme, predicate) from a function's skos:inScheme.
    function_scheme: Vec<(Pos, Term, NamedNode)>,
    /// (body, ancestor, predicate) from org:transitiveSubOrganizationOf.
    transitive: Vec<(Pos, Term, NamedNode)>,
    consumed: Vec<bool>,
    /// The group of each node, by node index.
    node_group: Vec<usize>,
    purposes: HashSet<String>,
    /// Objects of `org:siteAddress` that more than one site names.
    shared_addresses: HashSet<Term>,
    slugs_taken: HashSet<(NodeKind, String)>,
    /// The document read.
    doc: &'a Document,
    /// Every IRI of the document under the base, so that a minted slug
    /// never makes the IRI of another resource; gathered the first time a
    /// slug is minted (documents we wrote never need it).
    under_base: Option<HashSet<String>>,
    /// Every blank node label of the document, gathered the first time an
    /// interval is read under labels other than the ones the export makes.
    blanks: Option<HashSet<String>>,
    /// Triples (group, position) the export derives, read and not kept.
    derived: HashSet<(usize, usize)>,
    /// Each body's function scheme IRI and derived label.
    schemes: Vec<(Pos, String, String)>,
}

fn triple_text(s: &NamedOrBlankNode, p: &NamedNode, o: &Term) -> (String, String, String) {
    (s.to_string(), p.as_str().to_owned(), o.to_string())
}

/// Turns a graph's refusal into an error naming the triple that asked.
fn graph_err<'t>(
    s: &'t NamedOrBlankNode,
    p: &'t NamedNode,
    o: &'t Term,
) -> impl FnOnce(GraphError) -> ImportError + 't {
    move |source| {
        let (subject, predicate, object) = triple_text(s, p, o);
        ImportError::Graph {
            subject,
            predicate,
            object,
            source,
        }
    }
}

fn wrong(s: &NamedOrBlankNode, p: &NamedNode, o: &Term, expected: &'static str) -> ImportError {
    let (subject, predicate, object) = triple_text(s, p, o);
    ImportError::WrongTerm {
        subject,
        predicate,
        object,
        expected,
    }
}

fn bad(s: &NamedOrBlankNode, p: &NamedNode, o: &Term, reason: impl Into<String>) -> ImportError {
    let (subject, predicate, object) = triple_text(s, p, o);
    ImportError::BadValue {
        subject,
        predicate,
        object,
        reason: reason.into(),
    }
}

const ORG_CLASSES: &[&str] = &[
    org::ORGANIZATION,
    org::FORMAL_ORGANIZATION,
    org::ORGANIZATIONAL_UNIT,
    schema::GOVERNMENT_ORGANIZATION,
];

fn org_kind_of_class(c: &str) -> Option<OrgKind> {
    Some(match c {
        gg::GOVERNING_BODY_CLASS => OrgKind::GoverningBody,
        gg::AGENCY => OrgKind::Agency,
        gg::OFFICE => OrgKind::Office,
        gg::DEPARTMENT => OrgKind::Department,
        gg::INSTITUTION => OrgKind::Institution,
        gg::PARTY_ORGAN => OrgKind::PartyOrgan,
        gg::MILITARY_ORGAN => OrgKind::MilitaryOrgan,
        gg::OTHER_ORGANIZATION => OrgKind::Other,
        _ => return None,
    })
}

fn place_kind_of_class(c: &str) -> Option<PlaceKind> {
    Some(match c {
        gg::COUNTRY => PlaceKind::Country,
        gg::PROVINCE => PlaceKind::Province,
        gg::CITY => PlaceKind::City,
        gg::DISTRICT => PlaceKind::District,
        gg::COMPOUND => PlaceKind::Compound,
        gg::STREET => PlaceKind::Street,
        gg::OTHER_PLACE => PlaceKind::Other,
        _ => return None,
    })
}

fn category_kind_of_scheme(c: &str) -> Option<CategoryKind> {
    Some(match c {
        gg::BODY_TYPES => CategoryKind::BodyType,
        gg::GROUPINGS => CategoryKind::Grouping,
        gg::RANKS => CategoryKind::Rank,
        gg::OTHER_CATEGORIES => CategoryKind::Other,
        _ => return None,
    })
}

/// A link predicate: its IRI, the relation it makes, and whether the
/// subject is the link's source (`false` for an inverse such as
/// `org:hasSubOrganization`).
type LinkSpec = (&'static str, Relation, bool);

const SEE_ALSO: &[LinkSpec] = &[(rdfs::SEE_ALSO, Relation::SeeAlso, true)];
const NO_LINKS: &[LinkSpec] = &[];
const ORG_LINKS: &[LinkSpec] = &[
    (org::SUB_ORGANIZATION_OF, Relation::SubOrganizationOf, true),
    (org::UNIT_OF, Relation::SubOrganizationOf, true),
    (
        org::HAS_SUB_ORGANIZATION,
        Relation::SubOrganizationOf,
        false,
    ),
    (org::HAS_UNIT, Relation::SubOrganizationOf, false),
    (org::HAS_POST, Relation::PostIn, false),
    (dct::REPLACES, Relation::Replaces, true),
    (dct::IS_REPLACED_BY, Relation::Replaces, false),
    (gg::JURISDICTION, Relation::HasJurisdiction, true),
    (org::HAS_PRIMARY_SITE, Relation::PrimarySite, true),
    (org::PURPOSE, Relation::HasFunction, true),
    (schema::URL, Relation::OfficialWebsite, true),
    (org::CLASSIFICATION, Relation::Classification, true),
];
const POST_LINKS: &[LinkSpec] = &[
    (org::POST_IN, Relation::PostIn, true),
    (gg::RANK, Relation::Rank, true),
];
const TENURE_LINKS: &[LinkSpec] = &[
    (org::MEMBER, Relation::Holder, true),
    (gg::POST, Relation::TenureOf, true),
];
const JURISDICTION_LINKS: &[LinkSpec] = &[
    (gg::GOVERNING_BODY, Relation::GoverningBody, true),
    (gg::TERRITORY, Relation::Territory, true),
];
const SITE_LINKS: &[LinkSpec] = &[
    (schema::CONTAINED_IN_PLACE, Relation::ContainedIn, true),
    (org::SITE_OF, Relation::PrimarySite, false),
];
const PLACE_LINKS: &[LinkSpec] = &[(schema::CONTAINED_IN_PLACE, Relation::ContainedIn, true)];
const WEBSITE_LINKS: &[LinkSpec] = &[
    (schema::PUBLISHER, Relation::PublishedBy, true),
    (schema::MAINTAINER, Relation::MaintainedBy, true),
];

/// What a node of each kind reads from its own triples.
struct Fields {
    labels: Labels,
    description: Option<String>,
    sources: Vec<Source>,
    rest: Vec<(NamedNode, Term)>,
}

impl Builder<'_> {
    fn note(&mut self, subject: &NamedOrBlankNode, kind: NoteKind, detail: String) {
        self.report.notes.push(ImportNote {
            subject: subject.to_string(),
            kind,
            detail,
        });
    }

    /// The kind of node a subject is, from its types; `None` for a subject
    /// that is no node.
    fn kind_of(&self, group: &Group) -> Result<Option<NodeKind>, ImportError> {
        let mut kind: Option<NodeKind> = None;
        for (p, o) in &group.triples {
            if p.as_str() != rdf::TYPE {
                continue;
            }
            let Term::NamedNode(class) = o else { continue };
            let c = class.as_str();
            let k = if ORG_CLASSES.contains(&c) || org_kind_of_class(c).is_some() {
                NodeKind::Organization
            } else if c == org::POST {
                NodeKind::Post
            } else if c == foaf::PERSON {
                NodeKind::Person
            } else if c == org::MEMBERSHIP {
                NodeKind::Tenure
            } else if c == dct::JURISDICTION {
                NodeKind::Jurisdiction
            } else if c == org::SITE {
                NodeKind::Site
            } else if c == schema::PLACE
                || c == schema::ADMINISTRATIVE_AREA
                || place_kind_of_class(c).is_some()
            {
                NodeKind::Place
            } else if c == schema::WEB_SITE {
                NodeKind::Website
            } else if c == skos::CONCEPT {
                let iri = match &group.subject {
                    NamedOrBlankNode::NamedNode(n) => n.as_str(),
                    NamedOrBlankNode::BlankNode(_) => "",
                };
                let under_functions = iri
                    .strip_prefix(self.base)
                    .is_some_and(|r| r.starts_with("function/"));
                if self.purposes.contains(iri) || under_functions {
                    NodeKind::Function
                } else {
                    NodeKind::Category
                }
            } else {
                continue;
            };
            match kind {
                Some(first) if first != k => {
                    return Err(ImportError::KindConflict {
                        subject: group.subject.to_string(),
                        first,
                        second: k,
                    });
                }
                _ => kind = Some(k),
            }
        }
        Ok(kind)
    }

    /// Whether the document names `iri` (under the base), as a subject or
    /// an object.
    fn iri_taken(&mut self, iri: &str) -> bool {
        self.under_base
            .get_or_insert_with(|| iris_under(&self.doc.groups, self.base))
            .contains(iri)
    }

    /// Whether the document names the blank node `label`, as a subject or
    /// an object.
    fn blank_taken(&mut self, label: &str) -> bool {
        self.blanks
            .get_or_insert_with(|| blank_labels(&self.doc.groups))
            .contains(label)
    }

    /// The slug of a subject: the last segment of `<base><kind>/<slug>`, or
    /// one made from the IRI (and noted).
    fn slug_for(&mut self, kind: NodeKind, subject: &NamedOrBlankNode, hint: Option<&str>) -> Slug {
        if let NamedOrBlankNode::NamedNode(n) = subject {
            let own = n
                .as_str()
                .strip_prefix(self.base)
                .and_then(|r| r.strip_prefix(kind.segment()))
                .and_then(|r| r.strip_prefix('/'))
                .and_then(|r| Slug::new(r).ok());
            if let Some(s) = own.filter(|_| kind != NodeKind::Website) {
                if self.slugs_taken.insert((kind, s.as_str().to_owned())) {
                    return s;
                }
            }
        }
        let raw = match (hint, subject) {
            (Some(h), _) => h.to_owned(),
            (None, NamedOrBlankNode::NamedNode(n)) => {
                let iri = n.as_str().trim_end_matches(['/', '#']);
                let cut = iri.rfind(['/', '#', ':']).map_or(0, |i| i + 1);
                iri[cut..].to_owned()
            }
            (None, NamedOrBlankNode::BlankNode(b)) => b.as_str().to_owned(),
        };
        let stem = Slug::from_name(&raw)
            .map_or_else(|_| kind.segment().to_owned(), |s| s.as_str().to_owned());
        let mut candidate = stem.clone();
        let mut n = 1u32;
        loop {
            // A minted slug must not give the IRI of another resource of
            // the document, or the export would merge the two.
            let iri = format!("{}{}/{candidate}", self.base, kind.segment());
            let free = kind == NodeKind::Website || !self.iri_taken(&iri);
            if let (true, Ok(s)) = (free, Slug::new(candidate.as_str())) {
                if self.slugs_taken.insert((kind, s.as_str().to_owned())) {
                    if hint.is_none() {
                        self.note(
                            subject,
                            NoteKind::MintedSlug,
                            format!(
                                "not an IRI of the form <base>{}/<slug>: slug {s} made for it",
                                kind.segment()
                            ),
                        );
                    }
                    return s;
                }
            }
            n += 1;
            candidate = format!("{stem}-{n}");
        }
    }

    /// Reads what every kind shares: labels, description, sources; returns
    /// the other triples.
    fn common(
        &mut self,
        subject: &NamedOrBlankNode,
        triples: &[(NamedNode, Term)],
        expected_types: &dyn Fn(&str) -> bool,
        person: bool,
        links: &[LinkSpec],
    ) -> Result<Fields, ImportError> {
        let mut f = Fields {
            labels: Labels::new(),
            description: None,
            sources: Vec::new(),
            rest: Vec::new(),
        };
        let mut loose: Vec<(&NamedNode, &Term)> = Vec::new();
        for (p, o) in triples {
            let spec = links
                .iter()
                .chain(SEE_ALSO)
                .find(|(predicate, _, _)| *predicate == p.as_str());
            if let Some(&(_, relation, forward)) = spec {
                // A triple linking a subject to itself reads as forward.
                let to_itself = match o {
                    Term::NamedNode(n) => subject_key(subject) == (false, n.as_str()),
                    Term::BlankNode(b) => subject_key(subject) == (true, b.as_str()),
                    Term::Literal(_) => false,
                };
                self.link(relation, forward || to_itself, (subject, p, o));
                continue;
            }
            match p.as_str() {
                rdf::TYPE if matches!(o, Term::NamedNode(c) if expected_types(c.as_str())) => {}
                skos::PREF_LABEL => {
                    let (text, lang) = lang_literal(subject, p, o)?;
                    if f.labels.preferred(&lang).is_some() {
                        f.labels.add_alternate(lang, text);
                        self.note(
                            subject,
                            NoteKind::Normalised,
                            "a second skos:prefLabel in one language read as skos:altLabel"
                                .to_owned(),
                        );
                    } else {
                        f.labels.set_preferred(lang, text);
                    }
                }
                skos::ALT_LABEL => {
                    let (text, lang) = lang_literal(subject, p, o)?;
                    f.labels.add_alternate(lang, text);
                }
                rdfs::LABEL | foaf::NAME => loose.push((p, o)),
                dct::DESCRIPTION => match o {
                    Term::Literal(l)
                        if f.description.is_none() && matches!(l.language(), None | Some("en")) =>
                    {
                        f.description = Some(l.value().to_owned());
                    }
                    Term::Literal(_) => f.rest.push((p.clone(), o.clone())),
                    _ => return Err(wrong(subject, p, o, "expected a literal")),
                },
                dct::SOURCE => {
                    let Term::NamedNode(n) = o else {
                        return Err(wrong(
                            subject,
                            p,
                            o,
                            "expected an IRI, found a literal or blank node",
                        ));
                    };
                    f.sources.push(
                        Source::new(n.as_str()).map_err(|e| bad(subject, p, o, e.to_string()))?,
                    );
                }
                _ => f.rest.push((p.clone(), o.clone())),
            }
        }
        // rdfs:label and foaf:name: the same text as a preferred label is
        // the export's own redundancy; anything else is a variant.
        for (p, o) in loose {
            let (text, lang) = lang_literal(subject, p, o)?;
            if f.labels.preferred(&lang) == Some(text.as_str())
                && (person || p.as_str() == foaf::NAME)
            {
                continue;
            }
            if f.labels.preferred(&lang) == Some(text.as_str()) {
                continue;
            }
            if f.labels.preferred(&lang).is_none() {
                f.labels.set_preferred(lang, text);
            } else {
                f.labels.add_alternate(lang, text);
            }
            let term = if p.as_str() == foaf::NAME {
                "foaf:name"
            } else {
                "rdfs:label"
            };
            self.note(
                subject,
                NoteKind::Normalised,
                format!("{term} read as a skos label"),
            );
        }
        Ok(f)
    }

    fn link(
        &mut self,
        relation: Relation,
        forward: bool,
        (s, p, o): (&NamedOrBlankNode, &NamedNode, &Term),
    ) {
        self.pending.push(Pending {
            relation,
            forward,
            subject: s.clone(),
            predicate: p.clone(),
            object: o.clone(),
        });
    }

    #[expect(
        clippy::too_many_lines,
        reason = "one arm per node kind, as the export writes them"
    )]
    fn make_node(
        &mut self,
        kind: NodeKind,
        group: &Group,
        doc: &Document,
    ) -> Result<Vec<(NamedNode, Term)>, ImportError> {
        let s = &group.subject;
        let me: Term = s.clone().into();
        let (node, rest) = match kind {
            // No class maps to an event yet (the RDF of time comes with the
            // mapping table), so `kind_of` never answers this: the subject's
            // triples are kept as statements, like any resource that is no
            // node.
            NodeKind::Event => {
                return Ok(group.triples.clone());
            }
            NodeKind::Organization => {
                let mut kind = None;
                let mut is_unit = false;
                let mut is_state = false;
                for (p, o) in &group.triples {
                    if let (rdf::TYPE, Term::NamedNode(c)) = (p.as_str(), o) {
                        if let Some(k) = org_kind_of_class(c.as_str()) {
                            kind.get_or_insert(k);
                        }
                        is_unit |= c.as_str() == org::ORGANIZATIONAL_UNIT;
                        is_state |= c.as_str() == schema::GOVERNMENT_ORGANIZATION;
                    }
                }
                let kind = kind.unwrap_or(if is_unit {
                    OrgKind::Office
                } else if is_state {
                    OrgKind::Agency
                } else {
                    OrgKind::Other
                });
                // Only the types the export writes for this kind are read as
                // the kind; any other is kept.
                let expected = |c: &str| {
                    c == org::ORGANIZATION
                        || c == if kind.is_unit() {
                            org::ORGANIZATIONAL_UNIT
                        } else {
                            org::FORMAL_ORGANIZATION
                        }
                        || (kind.is_state_body() && c == schema::GOVERNMENT_ORGANIZATION)
                        || org_kind_of_class(c) == Some(kind)
                };
                let f = self.common(s, &group.triples, &expected, false, ORG_LINKS)?;
                let slug = self.slug_for(NodeKind::Organization, s, None);
                let mut o = Organization::new(slug, kind, "");
                o.labels = f.labels;
                if f.description.is_some() {
                    o.details_mut().description = f.description;
                }
                o.sources = f.sources;
                let mut rest = Vec::new();
                let mut transitive = Vec::new();
                let mut width: Option<(NamedNode, Term, u32)> = None;
                for (p, obj) in f.rest {
                    match p.as_str() {
                        schema::FOUNDING_DATE => {
                            set_once(&mut o.founded, date(s, &p, &obj)?, s, &p, &obj)?;
                        }
                        schema::DISSOLUTION_DATE => {
                            set_once(
                                &mut o.details_mut().dissolved,
                                date(s, &p, &obj)?,
                                s,
                                &p,
                                &obj,
                            )?;
                        }
                        schema::LOGO => match &obj {
                            Term::NamedNode(n) if o.details().logo.is_none() => {
                                match Logo::from_commons_url(n.as_str()) {
                                    Some(l) => o.details_mut().logo = Some(l),
                                    None => rest.push((p, obj)),
                                }
                            }
                            Term::NamedNode(_) => rest.push((p, obj)),
                            _ => {
                                return Err(wrong(
                                    s,
                                    &p,
                                    &obj,
                                    "expected an IRI, found a literal or blank node",
                                ));
                            }
                        },
                        gg::LOGO_WIDTH => {
                            let w = literal(s, &p, &obj)?.parse::<u32>().map_err(|e| {
                                bad(s, &p, &obj, format!("not a width in pixels: {e}"))
                            })?;
                            width = Some((p, obj, w));
                        }
                        schema::NUMBER_OF_EMPLOYEES => {
                            let v = literal(s, &p, &obj)?.to_owned();
                            set_once(&mut o.details_mut().employees, v, s, &p, &obj)?;
                        }
                        gg::BUDGET => {
                            let v = literal(s, &p, &obj)?.to_owned();
                            set_once(&mut o.details_mut().budget, v, s, &p, &obj)?;
                        }
                        gg::KEY_DOCUMENT => match &obj {
                            Term::NamedNode(n) => {
                                o.details_mut().key_documents.push(n.as_str().to_owned());
                            }
                            Term::Literal(l) => {
                                o.details_mut().key_documents.push(l.value().to_owned());
                            }
                            Term::BlankNode(_) => rest.push((p, obj)),
                        },
                        schema::SAME_AS => match &obj {
                            Term::NamedNode(n) => o.details_mut().same_as.push(
                                Source::new(n.as_str())
                                    .map_err(|e| bad(s, &p, &obj, e.to_string()))?,
                            ),
                            _ => {
                                return Err(wrong(
                                    s,
                                    &p,
                                    &obj,
                                    "expected an IRI, found a literal or blank node",
                                ));
                            }
                        },

                        // Derived from the hierarchy; checked after linking.
                        org::TRANSITIVE_SUB_ORGANIZATION_OF => transitive.push((obj, p)),
                        _ => rest.push((p, obj)),
                    }
                }
                let logo = if width.is_some() {
                    &mut o.details_mut().logo
                } else {
                    &mut None
                };
                match (width, logo) {
                    (Some((_, _, w)), Some(logo)) => logo.width_px = Some(w),
                    (Some((p, obj, _)), None) => rest.push((p, obj)),
                    (None, _) => {}
                }
                // The function scheme the export writes for this body, read
                // once links are made: it is written only for a body with
                // functions.
                let scheme = format!("{}functions/{}", self.base, o.slug);
                let label = format!(
                    "Functions of {}",
                    o.labels.display().unwrap_or(o.slug.as_str())
                );
                let ix = self.insert(Node::Organization(o), s)?;
                self.schemes.push((ix, scheme, label));
                for (obj, p) in transitive {
                    self.transitive.push((ix, obj, p));
                }
                return Ok(rest);
            }
            NodeKind::Post => {
                let f = self.common(s, &group.triples, &|c| c == org::POST, false, POST_LINKS)?;
                let slug = self.slug_for(NodeKind::Post, s, None);
                let mut post = Post::new(slug, "");
                post.labels = f.labels;
                post.description = f.description;
                post.sources = f.sources;
                let mut rest = Vec::new();
                for (p, obj) in f.rest {
                    match p.as_str() {
                        gg::HEADS => {
                            post.heads = true;
                            self.link(Relation::PostIn, true, (s, &p, &obj));
                        }
                        org::ROLE_PROPERTY if matches!(&obj, Term::NamedNode(n) if n.as_str() == org::HEAD) =>
                        {
                            post.heads = true;
                        }
                        org::HELD_BY => self.holds.push((
                            obj.clone(),
                            me.clone(),
                            s.clone(),
                            p.clone(),
                            obj.clone(),
                        )),
                        _ => rest.push((p, obj)),
                    }
                }
                (Node::Post(post), rest)
            }
            NodeKind::Person => {
                let f = self.common(s, &group.triples, &|c| c == foaf::PERSON, true, NO_LINKS)?;
                let slug = self.slug_for(NodeKind::Person, s, None);
                let mut person = Person::new(slug, "");
                person.labels = f.labels;
                person.description = f.description;
                person.sources = f.sources;
                let mut rest = Vec::new();
                let mut head_of = Vec::new();
                for (p, obj) in f.rest {
                    match p.as_str() {
                        org::HOLDS => self.holds.push((
                            me.clone(),
                            obj.clone(),
                            s.clone(),
                            p.clone(),
                            obj.clone(),
                        )),
                        org::HEAD_OF => head_of.push((obj, p)),
                        _ => rest.push((p, obj)),
                    }
                }
                let ix = self.insert(Node::Person(person), s)?;
                for (obj, p) in head_of {
                    self.head_of.push((ix, obj, p));
                }
                return Ok(rest);
            }
            NodeKind::Tenure => {
                let f = self.common(
                    s,
                    &group.triples,
                    &|c| c == org::MEMBERSHIP,
                    false,
                    TENURE_LINKS,
                )?;
                let slug = self.slug_for(NodeKind::Tenure, s, None);
                let mut t = Tenure::new(slug);
                t.sources = f.sources;
                let mut rest = keep_labels(&f.labels, f.description.as_ref());
                let mut derived_org = Vec::new();
                for (p, obj) in f.rest {
                    match p.as_str() {
                        // Derived from the post's body; checked after linking.
                        org::ORGANIZATION_PROPERTY => derived_org.push((obj, p)),
                        // Only the first interval is read: reading another
                        // would consume its subjects and then drop them.
                        org::MEMBER_DURING if t.start.is_none() && t.end.is_none() => {
                            match self.interval(doc, &obj, &t.slug) {
                                Some((start, end)) => {
                                    t.start = start;
                                    t.end = end;
                                }
                                None => rest.push((p, obj)),
                            }
                        }
                        _ => rest.push((p, obj)),
                    }
                }
                let ix = self.insert(Node::Tenure(t), s)?;
                for (obj, p) in derived_org {
                    self.tenure_org.push((ix, obj, p));
                }
                return Ok(rest);
            }
            NodeKind::Jurisdiction => {
                let f = self.common(
                    s,
                    &group.triples,
                    &|c| c == dct::JURISDICTION,
                    false,
                    JURISDICTION_LINKS,
                )?;
                let slug = self.slug_for(NodeKind::Jurisdiction, s, None);
                let mut j = Jurisdiction::new(slug, "");
                j.labels = f.labels;
                j.description = f.description;
                j.sources = f.sources;
                let rest = f.rest;
                (Node::Jurisdiction(j), rest)
            }
            NodeKind::Site => {
                // A site's rdfs:label is its one-line address, not a variant.
                let (labels, other): (Vec<_>, Vec<_>) = group
                    .triples
                    .iter()
                    .cloned()
                    .partition(|(p, _)| p.as_str() == rdfs::LABEL);
                let f = self.common(s, &other, &|c| c == org::SITE, false, SITE_LINKS)?;
                let slug = self.slug_for(NodeKind::Site, s, None);
                let mut site = Site::new(slug, "");
                site.sources = f.sources;
                let mut rest = keep_labels(&f.labels, f.description.as_ref());
                for (p, obj) in labels {
                    if site.label.is_empty() {
                        literal(s, &p, &obj)?.clone_into(&mut site.label);
                    } else {
                        rest.push((p, obj));
                    }
                }
                for (p, obj) in f.rest {
                    match p.as_str() {
                        // Only the first address is read: reading another
                        // would consume its subject and then drop it.
                        org::SITE_ADDRESS if site.address.is_empty() => {
                            match self.address(doc, &obj, &site.slug) {
                                Some(a) => *site.address = a,
                                None => rest.push((p, obj)),
                            }
                        }
                        _ => rest.push((p, obj)),
                    }
                }
                (Node::Site(site), rest)
            }
            NodeKind::Place => {
                let mut kind = None;
                let mut admin = false;
                for (p, o) in &group.triples {
                    if let (rdf::TYPE, Term::NamedNode(c)) = (p.as_str(), o) {
                        if let Some(k) = place_kind_of_class(c.as_str()) {
                            kind.get_or_insert(k);
                        }
                        admin |= c.as_str() == schema::ADMINISTRATIVE_AREA;
                    }
                }
                let kind = kind.unwrap_or(if admin {
                    PlaceKind::District
                } else {
                    PlaceKind::Other
                });
                let expected = |c: &str| {
                    c == schema::PLACE
                        || (kind.is_administrative() && c == schema::ADMINISTRATIVE_AREA)
                        || place_kind_of_class(c) == Some(kind)
                };
                let f = self.common(s, &group.triples, &expected, false, PLACE_LINKS)?;
                let slug = self.slug_for(NodeKind::Place, s, None);
                let mut place = Place::new(slug, kind, "");
                place.labels = f.labels;
                place.description = f.description;
                place.sources = f.sources;
                let rest = f.rest;
                (Node::Place(place), rest)
            }
            NodeKind::Function => {
                let f = self.common(s, &group.triples, &|c| c == skos::CONCEPT, false, NO_LINKS)?;
                let slug = self.slug_for(NodeKind::Function, s, None);
                let mut func = Function::new(slug, "");
                func.labels = f.labels;
                func.sources = f.sources;
                let mut rest = keep_labels(&Labels::new(), f.description.as_ref());
                let mut position = None;
                let mut schemes = Vec::new();
                for (p, obj) in f.rest {
                    match p.as_str() {
                        skos::NOTATION if position.is_none() => {
                            let n = literal(s, &p, &obj)?
                                .parse::<u32>()
                                .map_err(|e| bad(s, &p, &obj, format!("not a position: {e}")))?;
                            position = Some(n);
                        }
                        // Derived from the owning body; checked after linking.
                        skos::IN_SCHEME if matches!(&obj, Term::NamedNode(_)) => {
                            schemes.push((obj, p));
                        }
                        _ => rest.push((p, obj)),
                    }
                }
                func.position = position.unwrap_or(0);
                let ix = self.insert(Node::Function(func), s)?;
                for (obj, p) in schemes {
                    self.function_scheme.push((ix, obj, p));
                }
                return Ok(rest);
            }
            NodeKind::Website => {
                let f = self.common(
                    s,
                    &group.triples,
                    &|c| c == schema::WEB_SITE,
                    false,
                    WEBSITE_LINKS,
                )?;
                let NamedOrBlankNode::NamedNode(url) = s else {
                    return Err(ImportError::BadValue {
                        subject: s.to_string(),
                        predicate: rdf::TYPE.to_owned(),
                        object: format!("<{}>", schema::WEB_SITE),
                        reason: "a website must be named by its address, not a blank node"
                            .to_owned(),
                    });
                };
                let mut hint = None;
                let mut rest = Vec::new();
                for (p, obj) in f.rest {
                    match p.as_str() {
                        gg::SLUG if hint.is_none() => hint = Some(literal(s, &p, &obj)?.to_owned()),
                        _ => rest.push((p, obj)),
                    }
                }
                let exact = hint.as_deref().and_then(|h| Slug::new(h).ok());
                let slug = match exact {
                    Some(sl)
                        if self
                            .slugs_taken
                            .insert((NodeKind::Website, sl.as_str().to_owned())) =>
                    {
                        sl
                    }
                    _ => {
                        let host = url
                            .as_str()
                            .split("//")
                            .nth(1)
                            .unwrap_or(url.as_str())
                            .to_owned();
                        let sl = self.slug_for(NodeKind::Website, s, Some(&host));
                        self.note(
                            s,
                            NoteKind::MintedSlug,
                            format!("no usable gg:slug: slug {sl} made from the address"),
                        );
                        sl
                    }
                };
                let mut w =
                    Website::new(slug, url.as_str(), "").map_err(|e| ImportError::BadValue {
                        subject: s.to_string(),
                        predicate: rdf::TYPE.to_owned(),
                        object: format!("<{}>", schema::WEB_SITE),
                        reason: e.to_string(),
                    })?;
                w.labels = f.labels;
                w.sources = f.sources;
                if let Some(d) = f.description {
                    rest.push(description_triple(d));
                }
                (Node::Website(w), rest)
            }
            NodeKind::Category => {
                let f = self.common(s, &group.triples, &|c| c == skos::CONCEPT, false, NO_LINKS)?;
                let mut kind = None;
                let mut rest = Vec::new();
                for (p, obj) in f.rest {
                    match (p.as_str(), &obj) {
                        (skos::IN_SCHEME, Term::NamedNode(n))
                            if kind.is_none() && category_kind_of_scheme(n.as_str()).is_some() =>
                        {
                            kind = category_kind_of_scheme(n.as_str());
                        }
                        _ => rest.push((p, obj)),
                    }
                }
                let slug = self.slug_for(NodeKind::Category, s, None);
                let mut c = Category::new(slug, kind.unwrap_or(CategoryKind::Other), "");
                c.labels = f.labels;
                c.description = f.description;
                c.sources = f.sources;
                (Node::Category(c), rest)
            }
        };
        self.insert(node, s)?;
        Ok(rest)
    }

    fn insert(&mut self, node: Node, s: &NamedOrBlankNode) -> Result<Pos, ImportError> {
        let kind = node.kind();
        let id = self.g.insert(node).map_err(|source| ImportError::Graph {
            subject: s.to_string(),
            predicate: rdf::TYPE.to_owned(),
            object: kind.to_string(),
            source,
        })?;
        let ix = self
            .g
            .index_of(id)
            .expect("the graph just returned this id");
        self.node_of_group[self.making] = Some(ix);
        self.node_group.push(self.making);
        Ok(ix)
    }

    /// Marks what the export writes for a body's function scheme (its type
    /// and derived label) as read: the whole subject when that is all it
    /// holds, else just those two triples, the rest being kept as
    /// statements (the export writes both, so a re-import must split them
    /// the same way).
    fn consume_scheme(&mut self, doc: &Document, iri: &str, label: &str) {
        let Some(i) = doc.find((false, iri)) else {
            return;
        };
        let triples = &doc.groups[i].triples;
        let typed = triples.iter().position(|(p, o)| {
            p.as_str() == rdf::TYPE
                && matches!(o, Term::NamedNode(c) if c.as_str() == skos::CONCEPT_SCHEME)
        });
        let labelled = triples.iter().position(|(p, o)| {
            p.as_str() == skos::PREF_LABEL
                && matches!(o, Term::Literal(l) if l.value() == label && l.language() == Some("en"))
        });
        if let (Some(t), Some(l)) = (typed, labelled) {
            if triples.len() == 2 {
                self.consumed[i] = true;
            } else {
                self.derived.insert((i, t));
                self.derived.insert((i, l));
            }
        }
    }

    /// The address a site names, read from its own subject, which is then
    /// consumed; `None` when it holds anything else.
    fn address(&mut self, doc: &Document, obj: &Term, site: &Slug) -> Option<Address> {
        let i = doc.group_of(obj)?;
        let triples = &doc.groups[i].triples;
        if self.consumed[i] || (0..triples.len()).any(|t| self.derived.contains(&(i, t))) {
            return None;
        }
        // The export writes the address at an IRI made from the site's
        // slug. An address named by another IRI is kept as written: moving
        // it would rename a resource others may know, and could land it on
        // an IRI another site's address needs. A blank address is read
        // when that IRI names nothing else in the document, or the export
        // would merge the two.
        let mut iri = String::new();
        address_iri(self.base, site.as_str(), &mut iri);
        let readable = match obj {
            Term::NamedNode(n) => n.as_str() == iri,
            _ => !self.iri_taken(&iri),
        };
        if !readable {
            return None;
        }
        // An address the export writes belongs to one site; one that
        // several sites name is shared data, kept as it is for all of them
        // (reading it into one would move it under that site's IRI).
        if self.shared_addresses.contains(obj) {
            return None;
        }
        // The first type vcard:Address and the first plain value of each
        // field are what the export writes for an address; anything else
        // about the resource is kept as statements, as the export writes
        // those too, so a re-import reads the same address and keeps the
        // same rest.
        let mut a = Address::new();
        let mut used = Vec::new();
        let mut typed = false;
        for (t, (p, o)) in triples.iter().enumerate() {
            let slot = match p.as_str() {
                rdf::TYPE if matches!(o, Term::NamedNode(n) if n.as_str() == vcard::ADDRESS) => {
                    if !typed {
                        typed = true;
                        used.push(t);
                    }
                    continue;
                }
                vcard::STREET_ADDRESS => &mut a.street,
                vcard::LOCALITY => &mut a.locality,
                vcard::REGION => &mut a.region,
                vcard::POSTAL_CODE => &mut a.postal_code,
                vcard::COUNTRY_NAME => &mut a.country,
                _ => continue,
            };
            let Term::Literal(l) = o else { continue };
            if slot.is_some() || l.language().is_some() || l.datatype().as_str() != xsd::STRING {
                continue;
            }
            *slot = Some(l.value().to_owned());
            used.push(t);
        }
        if a.is_empty() {
            return None;
        }
        if used.len() == triples.len() {
            self.consumed[i] = true;
        } else {
            self.derived.extend(used.into_iter().map(|t| (i, t)));
        }
        Some(a)
    }

    /// The start and end of a tenure's interval, read from the interval's
    /// and instants' own subjects, which are then consumed; `None` when
    /// they hold anything else.
    fn interval(
        &mut self,
        doc: &Document,
        obj: &Term,
        tenure: &Slug,
    ) -> Option<(Option<Bound>, Option<Bound>)> {
        let group_of = |t: &Term| doc.group_of(t);
        let i = group_of(obj)?;
        if self.consumed[i] {
            return None;
        }
        let mut begin = None;
        let mut end = None;
        for (p, o) in &doc.groups[i].triples {
            match p.as_str() {
                rdf::TYPE if matches!(o, Term::NamedNode(n) if n.as_str() == time::PROPER_INTERVAL) =>
                    {}
                time::HAS_BEGINNING if begin.is_none() => begin = Some(group_of(o)?),
                time::HAS_END if end.is_none() => end = Some(group_of(o)?),
                _ => return None,
            }
        }
        // An instant with a date is that date; an instant with none is a
        // bound whose date is not known (VOCABULARY.md, "Time").
        let instant = |j: usize| -> Option<Bound> {
            let mut date = None;
            let mut typed = false;
            for (p, o) in &doc.groups[j].triples {
                match p.as_str() {
                    rdf::TYPE
                        if !typed
                            && matches!(o, Term::NamedNode(n) if n.as_str() == time::INSTANT) =>
                    {
                        typed = true;
                    }
                    time::IN_XSD_DATE | time::IN_XSD_G_YEAR_MONTH | time::IN_XSD_G_YEAR
                        if date.is_none() =>
                    {
                        let Term::Literal(l) = o else { return None };
                        let d: PartialDate = l.value().parse().ok()?;
                        let (pred, dt) = match d.precision() {
                            DatePrecision::Day => (time::IN_XSD_DATE, xsd::DATE),
                            DatePrecision::Month => (time::IN_XSD_G_YEAR_MONTH, xsd::G_YEAR_MONTH),
                            DatePrecision::Year => (time::IN_XSD_G_YEAR, xsd::G_YEAR),
                        };
                        if p.as_str() != pred || l.datatype().as_str() != dt {
                            return None;
                        }
                        date = Some(d);
                    }
                    _ => return None,
                }
            }
            match date {
                Some(d) => Some(Bound::Date(d)),
                None if typed => Some(Bound::Undated),
                None => None,
            }
        };
        let start = match begin {
            Some(j) => Some(instant(j)?),
            None => None,
        };
        let finish = match end {
            Some(j) => Some(instant(j)?),
            None => None,
        };
        if start.is_none() && finish.is_none() {
            return None;
        }
        // The export writes the interval and its instants as blank nodes
        // labelled from the tenure's slug: each label must be the node's
        // own or one the document does not use, or the export would merge
        // two resources.
        let mut label = String::new();
        for (j, role) in [(Some(i), "during"), (begin, "begin"), (end, "end")] {
            let Some(j) = j else { continue };
            if self.consumed[j] {
                return None;
            }
            blank_label(tenure, role, &mut label);
            let own = matches!(&doc.groups[j].subject,
                NamedOrBlankNode::BlankNode(b) if b.as_str() == label);
            if !own && self.blank_taken(&label) {
                return None;
            }
        }
        self.consumed[i] = true;
        for j in [begin, end].into_iter().flatten() {
            self.consumed[j] = true;
        }
        Some((start, finish))
    }

    fn node_of(&self, t: &Term) -> Option<Pos> {
        self.node_of_group[self.doc.group_of(t)?]
    }

    /// The node whose subject is `s` (the subject of a triple a node's
    /// group holds, so always one).
    fn node_of_subject(&self, s: &NamedOrBlankNode) -> Option<Pos> {
        self.node_of_group[self.doc.find(subject_key(s))?]
    }

    fn resolve_links(&mut self) -> Result<(), ImportError> {
        let mut forward: HashSet<(Pos, Relation, Pos)> = HashSet::new();
        let mut inverse_only: Vec<(NamedOrBlankNode, NamedNode, (Pos, Relation, Pos))> = Vec::new();
        for p in std::mem::take(&mut self.pending) {
            if matches!(p.object, Term::Literal(_)) {
                return Err(wrong(
                    &p.subject,
                    &p.predicate,
                    &p.object,
                    "expected an IRI or blank node, found a literal",
                ));
            }
            let (subject, object) = (self.node_of_subject(&p.subject), self.node_of(&p.object));
            let (from, to) = if p.forward {
                (subject, object)
            } else {
                (object, subject)
            };
            let (Some(a), Some(b)) = (from, to) else {
                let ix = self.node_of_subject(&p.subject).expect(OWN_TRIPLE);
                self.keep_annotation(ix, &p.subject, &p.predicate, &p.object)?;
                continue;
            };
            let key = (a, p.relation, b);
            if p.forward {
                forward.insert(key);
            } else {
                inverse_only.push((p.subject.clone(), p.predicate.clone(), key));
            }
            if !self.made.insert(key) {
                continue;
            }
            let (from, to) = (self.g.id_at(a), self.g.id_at(b));
            self.g.link(from, p.relation, to).map_err(graph_err(
                &p.subject,
                &p.predicate,
                &p.object,
            ))?;
        }
        // An inverse link whose forward form the document lacks is a
        // variant: say so.
        let mut said = HashSet::new();
        for (subject, predicate, key) in inverse_only {
            if !forward.contains(&key) && said.insert((subject.clone(), predicate.clone())) {
                self.note(
                    &subject,
                    NoteKind::Normalised,
                    format!(
                        "<{}> without its inverse read as the forward link",
                        predicate.as_str()
                    ),
                );
            }
        }
        Ok(())
    }
}

fn keep_labels(labels: &Labels, description: Option<&String>) -> Vec<(NamedNode, Term)> {
    let mut rest = Vec::new();
    for (lang, text) in labels.preferred_all() {
        rest.push((
            NamedNode::new_unchecked(skos::PREF_LABEL),
            oxrdf::Literal::new_language_tagged_literal_unchecked(text, lang.as_str()).into(),
        ));
    }
    for l in labels.alternates() {
        rest.push((
            NamedNode::new_unchecked(skos::ALT_LABEL),
            oxrdf::Literal::new_language_tagged_literal_unchecked(&l.text, l.lang.as_str()).into(),
        ));
    }
    if let Some(d) = description {
        rest.push(description_triple(d.clone()));
    }
    rest
}

fn description_triple(d: String) -> (NamedNode, Term) {
    (
        NamedNode::new_unchecked(dct::DESCRIPTION),
        oxrdf::Literal::new_language_tagged_literal_unchecked(d, "en").into(),
    )
}

fn lang_literal(
    s: &NamedOrBlankNode,
    p: &NamedNode,
    o: &Term,
) -> Result<(String, Lang), ImportError> {
    let Term::Literal(l) = o else {
        return Err(wrong(s, p, o, "expected a literal"));
    };
    let lang = match l.language() {
        Some(tag) => Lang::new(tag).map_err(|e| bad(s, p, o, e.to_string()))?,
        None => Lang::en(),
    };
    Ok((l.value().to_owned(), lang))
}

fn literal<'t>(s: &NamedOrBlankNode, p: &NamedNode, o: &'t Term) -> Result<&'t str, ImportError> {
    match o {
        Term::Literal(l) => Ok(l.value()),
        _ => Err(wrong(s, p, o, "expected a literal")),
    }
}

fn date(s: &NamedOrBlankNode, p: &NamedNode, o: &Term) -> Result<PartialDate, ImportError> {
    let Term::Literal(l) = o else {
        return Err(wrong(s, p, o, "expected a literal"));
    };
    let d: PartialDate = l
        .value()
        .parse()
        .map_err(|e: crate::DateError| bad(s, p, o, e.to_string()))?;
    let expected = match d.precision() {
        DatePrecision::Day => xsd::DATE,
        DatePrecision::Month => xsd::G_YEAR_MONTH,
        DatePrecision::Year => xsd::G_YEAR,
    };
    if l.datatype().as_str() != expected {
        return Err(bad(
            s,
            p,
            o,
            format!("a date of this precision must be typed <{expected}>"),
        ));
    }
    Ok(d)
}

fn set_once<T: PartialEq>(
    slot: &mut Option<T>,
    value: T,
    s: &NamedOrBlankNode,
    p: &NamedNode,
    o: &Term,
) -> Result<(), ImportError> {
    match slot {
        Some(existing) if *existing != value => Err(bad(
            s,
            p,
            o,
            "a second, different value for a property that has one",
        )),
        _ => {
            *slot = Some(value);
            Ok(())
        }
    }
}

impl Builder<'_> {
    /// The subject a node was read from.
    fn subject_of(&self, ix: Pos) -> NamedOrBlankNode {
        self.doc.groups[self.node_group[ix.index()]].subject.clone()
    }

    fn keep_annotation(
        &mut self,
        ix: Pos,
        subject: &NamedOrBlankNode,
        p: &NamedNode,
        o: &Term,
    ) -> Result<(), ImportError> {
        let id = self.g.id_at(ix);
        self.note(
            subject,
            NoteKind::Kept,
            format!("<{}> {o} kept as an annotation", p.as_str()),
        );
        self.g
            .annotate(
                id,
                Annotation {
                    property: p.as_str().to_owned(),
                    value: term_value(o),
                },
            )
            .map_err(graph_err(subject, p, o))?;
        self.report.annotations += 1;
        Ok(())
    }

    /// Makes the tenures that `org:holds` / `org:heldBy` imply when no
    /// membership records them, and checks `org:headOf` against the head
    /// posts, keeping what the graph does not re-derive.
    fn resolve_holdings(&mut self) -> Result<(), ImportError> {
        let mut have: HashSet<(Pos, Pos)> = HashSet::new();
        for (id, node) in self.g.nodes() {
            if let Node::Tenure(_) = node {
                let t = self.g.index_of(id).expect("listed by the graph");
                let person = self.g.out(t, Relation::Holder).next();
                let post = self.g.out(t, Relation::TenureOf).next();
                if let (Some(a), Some(b)) = (person, post) {
                    have.insert((a, b));
                }
            }
        }
        for (person, post, s, p, o) in std::mem::take(&mut self.holds) {
            let (Some(a), Some(b)) = (self.node_of(&person), self.node_of(&post)) else {
                let ix = self.node_of_subject(&s).expect(OWN_TRIPLE);
                self.keep_annotation(ix, &s, &p, &o)?;
                continue;
            };
            let kinds_fit = matches!(self.g.node_at(a), Node::Person(_))
                && matches!(self.g.node_at(b), Node::Post(_));
            if !kinds_fit {
                let ix = self.node_of_subject(&s).expect(OWN_TRIPLE);
                self.keep_annotation(ix, &s, &p, &o)?;
                continue;
            }
            if have.insert((a, b)) {
                let slug = {
                    let stem = format!("{}-{}", self.g.slug_at(a), self.g.slug_at(b));
                    let fake: NamedOrBlankNode = oxrdf::BlankNode::new_unchecked("x").into();
                    self.slug_for(NodeKind::Tenure, &fake, Some(&stem))
                };
                let t = self
                    .g
                    .appoint(
                        self.g.id_at(a).try_into().expect("a person"),
                        self.g.id_at(b).try_into().expect("a post"),
                        Tenure::new(slug),
                    )
                    .map_err(graph_err(&s, &p, &o))?;
                let _ = t;
                self.note(
                    &s,
                    NoteKind::Normalised,
                    format!(
                        "<{}> without an org:Membership: a tenure was made for it",
                        p.as_str()
                    ),
                );
            }
        }
        self.keep_underived()
    }

    /// Keeps, as annotations, the triples that look derived (a transitive
    /// ancestor, a membership's body, a function's scheme, a person's
    /// headship) but that the graph does not derive again on export.
    fn keep_underived(&mut self) -> Result<(), ImportError> {
        for (body, ancestor, p) in std::mem::take(&mut self.transitive) {
            let derived = self.node_of(&ancestor).is_some_and(|a| {
                let mut at = self.g.out(body, Relation::SubOrganizationOf).next();
                while let Some(up) = at {
                    if up == a {
                        return true;
                    }
                    at = self.g.out(up, Relation::SubOrganizationOf).next();
                }
                false
            });
            if !derived {
                let s = self.subject_of(body);
                self.keep_annotation(body, &s, &p, &ancestor)?;
            }
        }
        for (tenure, body, p) in std::mem::take(&mut self.tenure_org) {
            let derived = self.node_of(&body).is_some_and(|b| {
                self.g
                    .out(tenure, Relation::TenureOf)
                    .any(|post| self.g.out(post, Relation::PostIn).any(|o| o == b))
            });
            if !derived {
                let s = self.subject_of(tenure);
                self.keep_annotation(tenure, &s, &p, &body)?;
            }
        }
        // The export writes the scheme of a function's first owner.
        let mut scheme = String::new();
        for (function, iri, p) in std::mem::take(&mut self.function_scheme) {
            let derived = self
                .g
                .inc(function, Relation::HasFunction)
                .next()
                .is_some_and(|owner| {
                    scheme_iri(self.base, self.g.slug_at(owner).as_str(), &mut scheme);
                    matches!(&iri, Term::NamedNode(n) if n.as_str() == scheme)
                });
            if !derived {
                let s = self.subject_of(function);
                self.keep_annotation(function, &s, &p, &iri)?;
            }
        }
        for (person, body, p) in std::mem::take(&mut self.head_of) {
            let derived = self.node_of(&body).is_some_and(|b| {
                self.g.inc(person, Relation::Holder).any(|t| {
                    matches!(self.g.node_at(t), Node::Tenure(t) if t.is_current())
                        && self.g.out(t, Relation::TenureOf).any(|post| {
                            matches!(self.g.node_at(post), Node::Post(p) if p.heads)
                                && self.g.out(post, Relation::PostIn).any(|o| o == b)
                        })
                })
            });
            if !derived {
                let s = self.subject_of(person);
                self.keep_annotation(person, &s, &p, &body)?;
            }
        }
        Ok(())
    }
}
