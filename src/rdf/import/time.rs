//! The resources of VOCABULARY.md "Time" that are not nodes: a body's
//! dated names and the relationship node of each dated link, each read
//! only where a re-export gives it back under the same blank labels.

use std::collections::{HashMap, HashSet};

use oxrdf::{NamedOrBlankNode, NamedOrBlankNodeRef, TermRef};

use super::super::export::{interval_label, link_label, name_label};
use super::super::mapping::forward_predicate;
use super::super::mapping::time::{DATED_LINKS, DatedShape, is_relationship_class};
use super::super::vocab::{gg, rdf, rdfs};
use super::ImportError;
use super::build::Builder;
use super::derived::FoundInterval;
use super::document::Document;
use super::error::graph_err;
use crate::graph::Pos;
use crate::model::{DatedName, Interval, Lang, Relation, Slug};

/// A relationship node read from the document, its link not made yet.
struct DatedRead {
    /// The relationship node's group.
    group: usize,
    from: Pos,
    relation: Relation,
    to: Pos,
    interval: FoundInterval,
}

impl Builder<'_> {
    /// The `k`-th dated name of the body `slug`, read from the resource
    /// `obj` names, which is then consumed: `a gg:DatedName ; rdfs:label
    /// "…"@lang`, and `gg:during` its interval when it has dates. `None`
    /// when the resource holds anything else or its labels would merge it
    /// with another resource on export.
    pub(super) fn dated_name(
        &mut self,
        doc: &Document,
        obj: TermRef<'_>,
        slug: &Slug,
        k: usize,
    ) -> Option<DatedName> {
        let i = doc.group_of(obj)?;
        if self.claims.consumed[i] {
            return None;
        }
        let mut typed = false;
        let mut label = None;
        let mut during = None;
        for (p, o) in doc.triples(i) {
            match (p.as_str(), o) {
                (rdf::TYPE, TermRef::NamedNode(c)) if !typed && c.as_str() == gg::DATED_NAME => {
                    typed = true;
                }
                (rdfs::LABEL, TermRef::Literal(l)) if label.is_none() => {
                    let lang = Lang::new(l.language()?).ok()?;
                    label = Some((l.value().to_owned(), lang));
                }
                (gg::DURING, _) if during.is_none() => {
                    during = Some(self.read_interval(doc, o)?);
                }
                _ => return None,
            }
        }
        let (text, lang) = label.filter(|_| typed)?;
        let mut base = String::new();
        name_label(slug, k, &mut base);
        if !self.own_or_free(doc, i, &base) {
            return None;
        }
        if let Some(found) = &during {
            if !self.claim_interval(doc, found, &base) {
                return None;
            }
        }
        self.claims.consumed[i] = true;
        let mut name = DatedName::new(text, lang);
        if let Some(found) = during {
            name = name.during(found.during);
        }
        Some(name)
    }

    /// Whether the blank label `label` is the group's own, or one the
    /// document does not use: then the export may write the group's
    /// resource under it.
    fn own_or_free(&mut self, doc: &Document, group: usize, label: &str) -> bool {
        let own = matches!(doc.subject(group),
            NamedOrBlankNodeRef::BlankNode(b) if b.as_str() == label);
        own || !self.blank_taken(label)
    }

    /// Reads the relationship nodes of dated links and makes their links;
    /// returns the links made that are in force, whose plain triples
    /// (`org:subOrganizationOf`, …) the export writes too and the link
    /// resolution then reads as that same link.
    ///
    /// A relationship node is read when it has exactly the export's shape
    /// (its class, its two ends, the predicate for the generic shape, its
    /// interval) and both ends are nodes; the dated links of one source are
    /// read only when every one of their labels is their own or free, since
    /// the export numbers them in one sequence. Anything else is kept as
    /// statements.
    pub(super) fn resolve_relationships(
        &mut self,
    ) -> Result<HashSet<(Pos, Relation, Pos)>, ImportError> {
        let doc = self.doc;
        let mut reads: Vec<DatedRead> = Vec::new();
        for i in 0..doc.len() {
            if self.claims.consumed[i] || self.nodes.of_group[i].is_some() {
                continue;
            }
            let class = doc.triples(i).find_map(|(p, o)| match o {
                TermRef::NamedNode(c)
                    if p.as_str() == rdf::TYPE && is_relationship_class(c.as_str()) =>
                {
                    Some(c.as_str())
                }
                _ => None,
            });
            if let Some(class) = class {
                if let Some(read) = self.relationship(doc, i, class) {
                    reads.push(read);
                }
            }
        }
        // Number each source's links as the export does (by relation, then
        // the target's graph order, then interval).
        reads.sort_by(|a, b| {
            (a.from, a.relation, a.to, a.interval.during).cmp(&(
                b.from,
                b.relation,
                b.to,
                b.interval.during,
            ))
        });
        let mut by_source: HashMap<Pos, Vec<DatedRead>> = HashMap::new();
        let mut order = Vec::new();
        for r in reads {
            if !by_source.contains_key(&r.from) {
                order.push(r.from);
            }
            by_source.entry(r.from).or_default().push(r);
        }
        let mut current = HashSet::new();
        let mut label = String::new();
        for from in order {
            let links = by_source.remove(&from).unwrap_or_default();
            // Every interval its own: one shared by two links would be
            // claimed by the first only, and the numbering would shift.
            let mut intervals = HashSet::new();
            let mut fits = true;
            for (k, r) in links.iter().enumerate() {
                link_label(&self.g, from, k, &mut label);
                let groups = [Some(r.interval.group), r.interval.begin, r.interval.end];
                fits &= groups
                    .into_iter()
                    .flatten()
                    .all(|j| !self.claims.consumed[j] && intervals.insert(j));
                fits &=
                    self.own_or_free(doc, r.group, &label) && self.interval_free(doc, r, &label);
            }
            if !fits {
                continue;
            }
            for (k, r) in links.iter().enumerate() {
                link_label(&self.g, from, k, &mut label);
                if !self.claim_interval(doc, &r.interval, &label) {
                    continue;
                }
                self.claims.consumed[r.group] = true;
                let subject = doc.subject_owned(r.group);
                let (a, b) = (self.g.id_at(r.from), self.g.id_at(r.to));
                let during = r.interval.during;
                self.g
                    .link_during(a, r.relation, b, during)
                    .map_err(graph_err(
                        &subject,
                        oxrdf::NamedNodeRef::new_unchecked(gg::DURING),
                        &subject,
                    ))?;
                if during.is_current() {
                    current.insert((r.from, r.relation, r.to));
                }
            }
        }
        Ok(current)
    }

    /// Whether the interval labels the export gives the relationship
    /// `base` are the interval's own or free.
    fn interval_free(&mut self, doc: &Document, r: &DatedRead, base: &str) -> bool {
        let mut label = String::new();
        [
            (Some(r.interval.group), "during"),
            (r.interval.begin, "begin"),
            (r.interval.end, "end"),
        ]
        .into_iter()
        .all(|(j, role)| {
            let Some(j) = j else { return true };
            interval_label(base, role, &mut label);
            self.own_or_free(doc, j, &label)
        })
    }

    /// True when node `ix` was read from the IRI the export gives it
    /// (`<base><kind>/<slug>`). A node read from a blank node or another
    /// IRI is written under a new IRI, so a relationship node naming it,
    /// if kept as statements (its source's links not all read), would name
    /// nothing after a round trip, and the source's other links would then
    /// be read where they were kept before: such a relationship node is
    /// kept as statements from the start.
    fn named_as_exported(&self, ix: Pos) -> bool {
        let NamedOrBlankNode::NamedNode(n) = self.subject_of(ix) else {
            return false;
        };
        let node = self.g.node_at(ix);
        n.as_str()
            .strip_prefix(self.base)
            .and_then(|r| r.strip_prefix(node.kind().segment()))
            .and_then(|r| r.strip_prefix('/'))
            == Some(node.slug().as_str())
    }

    /// A relationship node of `class` in group `i`, read without claiming
    /// anything.
    fn relationship(&self, doc: &Document, i: usize, class: &str) -> Option<DatedRead> {
        let mut typed = false;
        let mut ends: HashMap<&str, TermRef<'_>> = HashMap::new();
        let mut predicate = None;
        let mut during = None;
        for (p, o) in doc.triples(i) {
            match p.as_str() {
                rdf::TYPE
                    if !typed && matches!(o, TermRef::NamedNode(c) if c.as_str() == class) =>
                {
                    typed = true;
                }
                rdf::PREDICATE if predicate.is_none() => match o {
                    TermRef::NamedNode(n) => predicate = Some(n.as_str()),
                    _ => return None,
                },
                gg::DURING if during.is_none() => during = Some(o),
                other => {
                    if ends.insert(other, o).is_some() {
                        return None;
                    }
                }
            }
        }
        if !typed {
            return None;
        }
        let shape: &DatedShape = DATED_LINKS.iter().find(|d| {
            d.class == class
                && (!d.states_predicate || predicate == Some(forward_predicate(d.relation)))
        })?;
        if !shape.states_predicate && predicate.is_some() {
            return None;
        }
        if ends.len() != 2 {
            return None;
        }
        let from = self.node_of(*ends.get(shape.source)?)?;
        let to = self.node_of(*ends.get(shape.target)?)?;
        let (fk, tk) = shape.relation.endpoints();
        if !fk.contains(&self.g.node_at(from).kind()) || !tk.contains(&self.g.node_at(to).kind()) {
            return None;
        }
        if !self.named_as_exported(from) || !self.named_as_exported(to) {
            return None;
        }
        let interval = self.read_interval(doc, during?)?;
        if interval.during == Interval::new() {
            return None;
        }
        Some(DatedRead {
            group: i,
            from,
            relation: shape.relation,
            to,
            interval,
        })
    }
}
