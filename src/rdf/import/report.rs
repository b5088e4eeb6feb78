//! The report of an import: counts, named graphs and notes.

use std::fmt;

use crate::graph::GovGraph;

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
