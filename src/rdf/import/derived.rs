//! Derived triples: a body's function scheme, a site's address, a
//! tenure's interval, holdings and the other facts the export derives
//! ([`Derivation`]), each read only where a re-export gives it back.

use std::collections::HashSet;

use oxrdf::{NamedNode, NamedOrBlankNode, NamedOrBlankNodeRef, Term, TermRef};

use super::super::export::{address_iri, interval_label, scheme_iri};
use super::super::mapping::Derivation;
use super::super::vocab::{rdf, skos, time, vcard, xsd};
use super::ImportError;
use super::build::{Builder, DerivedFact};
use super::document::{Document, OWN_TRIPLE};
use super::error::graph_err;
use super::report::NoteKind;
use crate::graph::Pos;
use crate::model::{
    Address, Bound, DatePrecision, Interval, Node, NodeKind, PartialDate, Relation, Slug, Tenure,
};

impl Builder<'_> {
    /// Marks what the export writes for a body's function scheme (its type
    /// and derived label) as read: the whole subject when that is all it
    /// holds, else just those two triples, the rest being kept as
    /// statements (the export writes both, so a re-import must split them
    /// the same way).
    pub(super) fn consume_scheme(&mut self, doc: &Document, iri: &str, label: &str) {
        let Some(i) = doc.find((false, iri)) else {
            return;
        };
        let triples = doc.triple_vec(i);
        let typed = triples.iter().position(|(p, o)| {
            p.as_str() == rdf::TYPE
                && matches!(o, TermRef::NamedNode(c) if c.as_str() == skos::CONCEPT_SCHEME)
        });
        let labelled = triples.iter().position(|(p, o)| {
            p.as_str() == skos::PREF_LABEL
                && matches!(o, TermRef::Literal(l) if l.value() == label && l.language() == Some("en"))
        });
        if let (Some(t), Some(l)) = (typed, labelled) {
            if triples.len() == 2 {
                self.claims.consumed[i] = true;
            } else {
                self.claims.triples.insert((i, t));
                self.claims.triples.insert((i, l));
            }
        }
    }

    /// The address a site names, read from its own subject, which is then
    /// consumed; `None` when it holds anything else.
    pub(super) fn address(&mut self, doc: &Document, obj: &Term, site: &Slug) -> Option<Address> {
        let i = doc.group_of(obj)?;
        let triples = doc.triple_vec(i);
        if self.claims.consumed[i]
            || (0..triples.len()).any(|t| self.claims.triples.contains(&(i, t)))
        {
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
        if self.facts.shared_addresses.contains(obj) {
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
                rdf::TYPE if matches!(o, TermRef::NamedNode(n) if n.as_str() == vcard::ADDRESS) => {
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
            let TermRef::Literal(l) = o else { continue };
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
            self.claims.consumed[i] = true;
        } else {
            self.claims.triples.extend(used.into_iter().map(|t| (i, t)));
        }
        Some(a)
    }

    /// The start and end of a tenure's interval, read from the interval's
    /// and instants' own subjects, which are then consumed; `None` when
    /// they hold anything else.
    pub(super) fn interval(
        &mut self,
        doc: &Document,
        obj: &Term,
        tenure: &Slug,
    ) -> Option<(Option<Bound>, Option<Bound>)> {
        let found = self.read_interval(doc, obj.into())?;
        let mut base = String::from("membership-");
        base.push_str(tenure.as_str());
        self.claim_interval(doc, &found, &base)
            .then_some((found.during.start, found.during.end))
    }

    /// An interval resource as the export writes it (VOCABULARY.md,
    /// "Time"), read without claiming anything; `None` when the resource
    /// holds anything else or was read already.
    pub(super) fn read_interval(&self, doc: &Document, obj: TermRef<'_>) -> Option<FoundInterval> {
        let group_of = |t: TermRef<'_>| doc.group_of(t);
        let i = group_of(obj)?;
        if self.claims.consumed[i] {
            return None;
        }
        let mut begin = None;
        let mut end = None;
        for (p, o) in doc.triples(i) {
            match p.as_str() {
                rdf::TYPE if matches!(o, TermRef::NamedNode(n) if n.as_str() == time::PROPER_INTERVAL) =>
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
            for (p, o) in doc.triples(j) {
                match p.as_str() {
                    rdf::TYPE
                        if !typed
                            && matches!(o, TermRef::NamedNode(n) if n.as_str() == time::INSTANT) =>
                    {
                        typed = true;
                    }
                    time::IN_XSD_DATE | time::IN_XSD_G_YEAR_MONTH | time::IN_XSD_G_YEAR
                        if date.is_none() =>
                    {
                        let TermRef::Literal(l) = o else { return None };
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
        Some(FoundInterval {
            group: i,
            begin,
            end,
            during: Interval { start, end: finish },
        })
    }

    /// Claims an interval read by [`read_interval`](Self::read_interval)
    /// for the resource whose blank labels start with `base`: the export
    /// writes the interval and its instants as `<base>-during`,
    /// `<base>-begin`, `<base>-end`, so each must be the node's own label
    /// or one the document does not use, or the export would merge two
    /// resources. False (and nothing claimed) otherwise.
    pub(super) fn claim_interval(
        &mut self,
        doc: &Document,
        found: &FoundInterval,
        base: &str,
    ) -> bool {
        let mut label = String::new();
        for (j, role) in [
            (Some(found.group), "during"),
            (found.begin, "begin"),
            (found.end, "end"),
        ] {
            let Some(j) = j else { continue };
            if self.claims.consumed[j] {
                return false;
            }
            interval_label(base, role, &mut label);
            let own = matches!(doc.subject(j),
                NamedOrBlankNodeRef::BlankNode(b) if b.as_str() == label);
            if !own && self.blank_taken(&label) {
                return false;
            }
        }
        self.claims.consumed[found.group] = true;
        for j in [found.begin, found.end].into_iter().flatten() {
            self.claims.consumed[j] = true;
        }
        true
    }
}

/// An interval resource found in the document, not yet claimed.
pub(super) struct FoundInterval {
    /// The interval's group.
    pub group: usize,
    /// Its beginning instant's group.
    pub begin: Option<usize>,
    /// Its end instant's group.
    pub end: Option<usize>,
    /// What it says.
    pub during: Interval,
}

impl Builder<'_> {
    /// Makes the tenures that `org:holds` / `org:heldBy` imply when no
    /// membership records them, then checks the other derived-looking
    /// triples, keeping what the graph does not re-derive.
    pub(super) fn resolve_holdings(&mut self) -> Result<(), ImportError> {
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
        for h in std::mem::take(&mut self.later.holdings) {
            let t = &h.triple;
            // The subject, made only for a note, an annotation or an error.
            let doc = self.doc;
            let subject = || doc.subject_owned(t.group);
            let (p, o) = (&t.predicate(), t.object);
            let own = self.nodes.of_group[t.group];
            let other = self.node_of(o);
            let (person, post) = if h.subject_is_person {
                (own, other)
            } else {
                (other, own)
            };
            let (Some(a), Some(b)) = (person, post) else {
                let ix = own.expect(OWN_TRIPLE);
                self.keep_annotation(ix, &subject(), p, o)?;
                continue;
            };
            let kinds_fit = matches!(self.g.node_at(a), Node::Person(_))
                && matches!(self.g.node_at(b), Node::Post(_));
            if !kinds_fit {
                let ix = own.expect(OWN_TRIPLE);
                self.keep_annotation(ix, &subject(), p, o)?;
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
                    .map_err(|e| graph_err(&subject(), p, o)(e))?;
                let _ = t;
                self.note(
                    &subject(),
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
        let facts = std::mem::take(&mut self.later.derived);
        // Kept in this order of derivations, each in document order, so
        // that a second import keeps the same annotations in the same order.
        for kind in [
            Derivation::Ancestors,
            Derivation::TenureBody,
            Derivation::FunctionScheme,
            Derivation::BodiesHeaded,
        ] {
            for fact in facts.iter().filter(|f| f.derivation == kind) {
                if !self.derives(fact) {
                    let s = self.subject_of(fact.node);
                    let p = NamedNode::new_unchecked(fact.predicate);
                    self.keep_annotation(fact.node, &s, &p, &fact.object)?;
                }
            }
        }
        Ok(())
    }

    /// Whether the graph derives the fact again on export.
    fn derives(&self, fact: &DerivedFact) -> bool {
        let g = &self.g;
        let at = fact.node;
        match fact.derivation {
            Derivation::Ancestors => self.node_of(&fact.object).is_some_and(|a| {
                let mut up = g.out(at, Relation::SubOrganizationOf).next();
                while let Some(u) = up {
                    if u == a {
                        return true;
                    }
                    up = g.out(u, Relation::SubOrganizationOf).next();
                }
                false
            }),
            Derivation::TenureBody => self.node_of(&fact.object).is_some_and(|b| {
                g.out(at, Relation::TenureOf)
                    .any(|post| g.out(post, Relation::PostIn).any(|o| o == b))
            }),
            // The export writes the scheme of a function's first owner.
            Derivation::FunctionScheme => {
                g.inc(at, Relation::HasFunction)
                    .next()
                    .is_some_and(|owner| {
                        let mut scheme = String::new();
                        scheme_iri(self.base, g.slug_at(owner).as_str(), &mut scheme);
                        matches!(&fact.object, Term::NamedNode(n) if n.as_str() == scheme)
                    })
            }
            Derivation::BodiesHeaded => self.node_of(&fact.object).is_some_and(|b| {
                g.inc(at, Relation::Holder).any(|t| {
                    matches!(g.node_at(t), Node::Tenure(t) if t.is_current())
                        && g.out(t, Relation::TenureOf).any(|post| {
                            matches!(g.node_at(post), Node::Post(p) if p.heads)
                                && g.out(post, Relation::PostIn).any(|o| o == b)
                        })
                })
            }),
            // Holdings are resolved by making tenures, never deferred here.
            Derivation::HoldersOfPost | Derivation::PostsHeld => true,
        }
    }
}
