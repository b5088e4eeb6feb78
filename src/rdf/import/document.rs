//! The document grouped by subject: each subject's triples together, in
//! the order they come, with their positions in the document.

use std::collections::HashSet;

use oxrdf::{NamedNode, NamedOrBlankNode, Term};

use super::super::vocab::{rdf, schema};
use super::ImportError;
use super::build::Builder;
use super::error::graph_err;
use super::report::{ImportReport, NoteKind};
use super::values::{subject_value, term_value};
use crate::graph::GraphError;
use crate::index::{HashIndex, MAX_POSITION};
use crate::model::Statement;

const HTTPS_SCHEMA: &str = "https://schema.org/";

/// The triples of one subject.
pub(super) struct Group {
    pub subject: NamedOrBlankNode,
    pub triples: Vec<(NamedNode, Term)>,
    /// Each triple's position in the document.
    pub at: Vec<usize>,
}

#[derive(Default)]
pub(super) struct Document {
    pub groups: Vec<Group>,
    /// Each group's position by a keyed hash of its subject (checked
    /// against the group's own subject), so that neither recording nor
    /// looking up a subject copies it.
    index: HashIndex,
    pub graph_seen: HashSet<String>,
    pub report: ImportReport,
    pub https_schema: HashSet<usize>,
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
pub(super) const OWN_TRIPLE: &str = "the subject of a node's own triple";

/// What a subject is hashed as: blank or named, and its text.
pub(super) fn subject_key(s: &NamedOrBlankNode) -> (bool, &str) {
    match s {
        NamedOrBlankNode::NamedNode(n) => (false, n.as_str()),
        NamedOrBlankNode::BlankNode(b) => (true, b.as_str()),
    }
}

impl Document {
    /// The group of the subject `(blank, text)`.
    pub(super) fn find(&self, key: (bool, &str)) -> Option<usize> {
        let h = self.index.hash(&key);
        self.index
            .get(h)
            .iter()
            .map(|&pos| pos as usize)
            .find(|&i| subject_key(&self.groups[i].subject) == key)
    }

    /// The group whose subject `t` is, if any.
    pub(super) fn group_of(&self, t: &Term) -> Option<usize> {
        match t {
            Term::NamedNode(n) => self.find((false, n.as_str())),
            Term::BlankNode(b) => self.find((true, b.as_str())),
            Term::Literal(_) => None,
        }
    }

    /// Adds a triple to its subject's group. Fails only when a document
    /// has more subjects than positions can number (2^31 - 1).
    pub(super) fn add(
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
    pub(super) fn keep_statements(&self, b: &mut Builder<'_>) -> Result<(), ImportError> {
        // What no node consumed is kept as statements, subject by subject,
        // in the order of each subject's first kept triple (not its first
        // triple: the export writes derived triples about it earlier).
        let mut kept_groups: Vec<(usize, usize)> = (0..self.groups.len())
            .filter(|&i| !b.claims.consumed[i])
            .filter_map(|i| {
                let g = &self.groups[i];
                let first = (0..g.triples.len()).find(|&t| !b.claims.triples.contains(&(i, t)))?;
                Some((g.at[first], i))
            })
            .collect();
        kept_groups.sort_unstable();
        for (_, i) in kept_groups {
            let group = &self.groups[i];
            let mut kept = 0;
            for (t, (p, o)) in group.triples.iter().enumerate() {
                if b.claims.triples.contains(&(i, t)) {
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
}

/// Every IRI of the document (subject or object) that starts with `base`.
pub(super) fn iris_under(groups: &[Group], base: &str) -> HashSet<String> {
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
pub(super) fn blank_labels(groups: &[Group]) -> HashSet<String> {
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
