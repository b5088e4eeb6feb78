//! Links resolved once every node exists.

use std::collections::HashSet;

use oxrdf::{NamedNode, NamedOrBlankNode, Term};

use super::ImportError;
use super::build::Builder;
use super::document::OWN_TRIPLE;
use super::error::{graph_err, wrong};
use super::report::NoteKind;
use crate::graph::Pos;
use crate::model::Relation;

impl Builder<'_> {
    pub(super) fn resolve_links(&mut self) -> Result<(), ImportError> {
        let mut forward: HashSet<(Pos, Relation, Pos)> = HashSet::new();
        let mut inverse_only: Vec<(NamedOrBlankNode, NamedNode, (Pos, Relation, Pos))> = Vec::new();
        for p in std::mem::take(&mut self.later.pending) {
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
            if !self.later.made.insert(key) {
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
