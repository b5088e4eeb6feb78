//! The report of an import: counts, named graphs and notes.

use std::fmt;

use crate::graph::GovGraph;

/// What an import did beyond the plain reading of the vocabulary: common
/// variants normalised, slugs minted, facts kept as annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportNote {
    pub(super) subject: String,
    pub(super) kind: NoteKind,
    pub(super) detail: String,
}

impl ImportNote {
    /// The subject the note is about, in N-Triples syntax.
    pub fn subject(&self) -> &str {
        &self.subject
    }

    /// What sort of note it is.
    pub fn kind(&self) -> NoteKind {
        self.kind
    }

    /// What happened, for a person.
    pub fn detail(&self) -> &str {
        &self.detail
    }
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
    /// No subject lay under the default base, and the document's own base
    /// (where its subjects' `<kind>/<slug>` IRIs lie) was read instead; the
    /// note's subject is that base. Export with
    /// [`Exporter::with_base_iri`](crate::rdf::Exporter::with_base_iri) and
    /// that base to write the same IRIs again.
    BaseFound,
}

impl fmt::Display for NoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NoteKind::Normalised => "normalised",
            NoteKind::Kept => "kept",
            NoteKind::MintedSlug => "minted slug",
            NoteKind::BaseFound => "base found",
        })
    }
}

/// What an import read and made.
///
/// ```
/// use govgraph::rdf::{Exporter, Importer, NoteKind, RdfFormat};
/// let g = govgraph::datasets::general_office();
/// let turtle = Exporter::new().write(&g, Vec::new())?;
/// let report = Importer::new().import(turtle.as_slice(), RdfFormat::Turtle)?.report;
/// assert_eq!(report.nodes(), g.node_count());
/// assert!(report.triples() > report.nodes());
/// assert_eq!(report.notes_of(NoteKind::Kept).count(), 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportReport {
    pub(super) triples: usize,
    pub(super) nodes: usize,
    pub(super) links: usize,
    pub(super) annotations: usize,
    pub(super) statements: usize,
    pub(super) named_graphs: Vec<String>,
    pub(super) notes: Vec<ImportNote>,
    pub(super) base: String,
}

impl ImportReport {
    /// The base IRI slugs were read from: the importer's own, or the
    /// document's when it was found ([`NoteKind::BaseFound`]). Exporting
    /// the graph with [`Exporter::with_base_iri`](crate::rdf::Exporter::with_base_iri)
    /// and this base writes its nodes back under the IRIs they were read
    /// from, so IRIs the document kept as values (an annotation naming an
    /// IRI under the default base, say) cannot come to name a node.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Triples (or quads) read.
    pub fn triples(&self) -> usize {
        self.triples
    }

    /// Nodes made.
    pub fn nodes(&self) -> usize {
        self.nodes
    }

    /// Links made.
    pub fn links(&self) -> usize {
        self.links
    }

    /// Triples kept as node annotations.
    pub fn annotations(&self) -> usize {
        self.annotations
    }

    /// Triples kept as statements about resources that are not nodes.
    pub fn statements(&self) -> usize {
        self.statements
    }

    /// The named graphs seen, in the order first met.
    pub fn named_graphs(&self) -> &[String] {
        &self.named_graphs
    }

    /// What was normalised, kept or minted, in the order it happened.
    pub fn notes(&self) -> &[ImportNote] {
        &self.notes
    }

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

/// A graph read from RDF, with the report of how it was read: what every
/// reader of the crate returns, `{ graph, report }`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Imported {
    /// The graph.
    pub graph: GovGraph,
    /// How it was read.
    pub report: ImportReport,
}
