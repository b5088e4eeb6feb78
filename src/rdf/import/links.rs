//! Links resolved once every node exists.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use oxrdf::TermRef;

use super::ImportError;
use super::build::Builder;
use super::document::OWN_TRIPLE;
use super::error::{graph_err, wrong};
use super::report::NoteKind;
use crate::graph::Pos;
use crate::model::Relation;

impl Builder<'_> {
    /// Makes the links read from plain triples; `dated` holds the links in
    /// force already made from relationship nodes, whose plain triples are
    /// the export's own and read as that link.
    pub(super) fn resolve_links(
        &mut self,
        dated: &HashSet<(Pos, Relation, Pos)>,
    ) -> Result<(), ImportError> {
        // Each link made, with whether its forward form was read: a link
        // and its inverse make one.
        let mut made: HashMap<(Pos, Relation, Pos), bool> = HashMap::new();
        let mut inverse_only: Vec<(usize, &'static str, (Pos, Relation, Pos))> = Vec::new();
        let doc = self.doc;
        for p in std::mem::take(&mut self.later.pending) {
            let t = &p.triple;
            if matches!(t.object, TermRef::Literal(_)) {
                return Err(wrong(
                    &doc.subject_owned(t.group),
                    &t.predicate(),
                    t.object,
                    "expected an IRI or blank node, found a literal",
                ));
            }
            let own = self.nodes.of_group[t.group].expect(OWN_TRIPLE);
            let other = self.node_of(t.object);
            let (from, to) = if p.forward {
                (Some(own), other)
            } else {
                (other, Some(own))
            };
            let (Some(a), Some(b)) = (from, to) else {
                let subject = doc.subject_owned(t.group);
                self.keep_annotation(own, &subject, &t.predicate(), t.object)?;
                continue;
            };
            let key = (a, p.relation, b);
            if dated.contains(&key) {
                continue;
            }
            if !p.forward {
                inverse_only.push((t.group, t.predicate, key));
            }
            match made.entry(key) {
                Entry::Occupied(mut seen) => {
                    *seen.get_mut() |= p.forward;
                    continue;
                }
                Entry::Vacant(slot) => {
                    slot.insert(p.forward);
                }
            }
            let (from, to) = (self.g.id_at(a), self.g.id_at(b));
            self.g
                .link(from, p.relation, to)
                .map_err(|e| graph_err(&doc.subject_owned(t.group), &t.predicate(), t.object)(e))?;
        }
        // An inverse link whose forward form the document lacks is a
        // variant: say so.
        let mut said = HashSet::new();
        for (group, predicate, key) in inverse_only {
            if !made[&key] && said.insert((group, predicate)) {
                let subject = doc.subject_owned(group);
                self.note(
                    &subject,
                    NoteKind::Normalised,
                    format!("<{predicate}> without its inverse read as the forward link"),
                );
            }
        }
        Ok(())
    }
}
