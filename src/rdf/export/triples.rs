//! [`Triple`]s: the export as owned values, one at a time.

use std::collections::VecDeque;
use std::fmt;

use oxrdf::TripleRef;

use super::Opts;
use super::emit::{Bufs, Ctx, emit_statements};
use crate::graph::{GovGraph, Pos};

/// One RDF triple of the export, owned. Its [`Display`](fmt::Display) is the
/// N-Triples line (without the newline).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Triple(pub(super) oxrdf::Triple);

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
/// [`Exporter::triples`](super::Exporter::triples). Holds one node's triples at a time.
pub struct Triples<'g> {
    pub(super) graph: &'g GovGraph,
    pub(super) base: String,
    pub(super) opts: Opts,
    pub(super) nodes: std::vec::IntoIter<Pos>,
    pub(super) pending: VecDeque<Triple>,
    pub(super) bufs: Bufs,
    pub(super) statements_done: bool,
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
            let ctx = Ctx {
                g: self.graph,
                base: &self.base,
                opts: self.opts,
            };
            let _ = ctx.emit(ix, &mut self.bufs, &mut |t: TripleRef<'_>| -> Result<
                (),
                std::convert::Infallible,
            > {
                pending.push_back(Triple(t.into_owned()));
                Ok(())
            });
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
