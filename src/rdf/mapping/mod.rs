//! The vocabulary mapping, stated once, as data: which classes each kind of
//! node is typed with, which predicate writes each [`Relation`] (in which
//! direction, under which condition), which constant triples a node gets,
//! which triples the export derives from other facts, and the date fields.
//!
//! The export iterates these tables (`rdf/export/emit.rs`); the importer
//! builds its lookups from them ([`LOOKUPS`]); the tests (`tests.rs`) prove
//! that every relation and every kind has exactly one forward mapping and
//! that the importer's lookups are the exact inverse of what the export
//! writes.
//!
//! # Time
//! VOCABULARY.md "Time" is rows too: an event is a [`CLASSES`] row
//! (`org:ChangeEvent`), [`CHANGE_KINDS`] for `gg:changeKind`, link rows for
//! `org:originalOrganization` / `org:resultingOrganization` and their
//! inverses, and a [`DATES`] row (`dct:date`); an acting tenure is a
//! constant row (`org:role gg:Acting`); a single-seat post a class row; the
//! relationship node of a dated link and a body's dated names are stated in
//! [`time`] ([`time::DATED_LINKS`]). Plain link triples are written only for
//! links in force; the export gives every dated link its relationship
//! node, in force or ended.

pub(crate) mod classes;
pub(crate) mod time;

pub(crate) use classes::*;
pub(crate) use time::DATES;

use std::sync::LazyLock;

use super::vocab::{dct, gg, org, rdfs, schema, skos};
use crate::model::{NodeKind, Relation};

/// Which way a link predicate points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Dir {
    /// Written on the link's source, its object the link's target
    /// (`child org:subOrganizationOf parent`).
    Forward,
    /// Written on the link's target, its object the link's source
    /// (`parent org:hasSubOrganization child`).
    Inverse,
}

/// When a row is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum When {
    /// Always.
    Always,
    /// Only with inverse links on (`Exporter::with_inverse_links`, the
    /// default).
    InverseLinks,
    /// Only when the link's source, an organization, is a unit
    /// (`org:unitOf`).
    SourceIsUnit,
    /// Only with inverse links on and when the link's source is a unit
    /// (`org:hasUnit`).
    InverseLinksSourceIsUnit,
    /// Only when the post is a head post (`gg:heads`, `org:role org:Head`).
    HeadPost,
    /// Only with the transitive closure on
    /// (`Exporter::with_transitive_closure`).
    Closure,
    /// Only on an acting tenure (`org:role gg:Acting`).
    Acting,
}

/// A link predicate: the relation it writes, which way, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LinkRow {
    /// The relation.
    pub relation: Relation,
    /// The predicate IRI.
    pub predicate: &'static str,
    /// Which end is the triple's subject.
    pub dir: Dir,
    /// When the export writes it.
    pub when: When,
}

const fn link(relation: Relation, predicate: &'static str, dir: Dir, when: When) -> LinkRow {
    LinkRow {
        relation,
        predicate,
        dir,
        when,
    }
}

/// A row of a subject's layout: a link predicate, a derived triple or a
/// constant triple.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Row {
    /// A link predicate.
    Link(LinkRow),
    /// A triple derived from other facts.
    Derived(DerivedRow),
    /// A constant triple.
    Const(ConstRow),
}

const fn derived(
    kind: NodeKind,
    predicate: &'static str,
    derivation: Derivation,
    when: When,
) -> Row {
    Row::Derived(DerivedRow {
        kind,
        predicate,
        derivation,
        when,
    })
}

/// Every triple with a resource as object that the export writes from a
/// node's links, in the order the export writes them on a subject (each
/// kind's rows filtered out of this one list). Exactly one link row per
/// relation is `(Forward, Always)`: the link itself; the others are
/// inverses and the extra triples ORG asks for.
pub(crate) const ROWS: &[Row] = &[
    Row::Link(link(
        Relation::SubOrganizationOf,
        org::SUB_ORGANIZATION_OF,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::SubOrganizationOf,
        org::UNIT_OF,
        Dir::Forward,
        When::SourceIsUnit,
    )),
    derived(
        NodeKind::Organization,
        org::TRANSITIVE_SUB_ORGANIZATION_OF,
        Derivation::Ancestors,
        When::Closure,
    ),
    Row::Link(link(
        Relation::SubOrganizationOf,
        org::HAS_SUB_ORGANIZATION,
        Dir::Inverse,
        When::InverseLinks,
    )),
    Row::Link(link(
        Relation::SubOrganizationOf,
        org::HAS_UNIT,
        Dir::Inverse,
        When::InverseLinksSourceIsUnit,
    )),
    Row::Link(link(
        Relation::PostIn,
        org::HAS_POST,
        Dir::Inverse,
        When::InverseLinks,
    )),
    Row::Link(link(
        Relation::Replaces,
        dct::IS_REPLACED_BY,
        Dir::Inverse,
        When::InverseLinks,
    )),
    Row::Link(link(
        Relation::Replaces,
        dct::REPLACES,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::HasJurisdiction,
        gg::JURISDICTION,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::PrimarySite,
        org::HAS_PRIMARY_SITE,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::HasFunction,
        org::PURPOSE,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::OfficialWebsite,
        schema::URL,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::Classification,
        org::CLASSIFICATION,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::PostIn,
        org::POST_IN,
        Dir::Forward,
        When::Always,
    )),
    Row::Const(ConstRow {
        kind: NodeKind::Post,
        predicate: org::ROLE_PROPERTY,
        object: org::HEAD,
        when: When::HeadPost,
    }),
    Row::Link(link(
        Relation::PostIn,
        gg::HEADS,
        Dir::Forward,
        When::HeadPost,
    )),
    Row::Link(link(Relation::Rank, gg::RANK, Dir::Forward, When::Always)),
    derived(
        NodeKind::Post,
        org::HELD_BY,
        Derivation::HoldersOfPost,
        When::InverseLinks,
    ),
    derived(
        NodeKind::Person,
        org::HOLDS,
        Derivation::PostsHeld,
        When::Always,
    ),
    derived(
        NodeKind::Person,
        org::HEAD_OF,
        Derivation::BodiesHeaded,
        When::Always,
    ),
    Row::Link(link(
        Relation::Holder,
        org::MEMBER,
        Dir::Forward,
        When::Always,
    )),
    derived(
        NodeKind::Tenure,
        org::ORGANIZATION_PROPERTY,
        Derivation::TenureBody,
        When::Always,
    ),
    Row::Link(link(
        Relation::TenureOf,
        gg::POST,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::GoverningBody,
        gg::GOVERNING_BODY,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::Territory,
        gg::TERRITORY,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::ContainedIn,
        schema::CONTAINED_IN_PLACE,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::PrimarySite,
        org::SITE_OF,
        Dir::Inverse,
        When::InverseLinks,
    )),
    Row::Link(link(
        Relation::PublishedBy,
        schema::PUBLISHER,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::MaintainedBy,
        schema::MAINTAINER,
        Dir::Forward,
        When::Always,
    )),
    derived(
        NodeKind::Function,
        skos::IN_SCHEME,
        Derivation::FunctionScheme,
        When::Always,
    ),
    Row::Link(link(
        Relation::SeeAlso,
        rdfs::SEE_ALSO,
        Dir::Forward,
        When::Always,
    )),
    Row::Const(ConstRow {
        kind: NodeKind::Tenure,
        predicate: org::ROLE_PROPERTY,
        object: gg::ACTING,
        when: When::Acting,
    }),
    Row::Link(link(
        Relation::OriginalOrganization,
        org::ORIGINAL_ORGANIZATION,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::ResultingOrganization,
        org::RESULTING_ORGANIZATION,
        Dir::Forward,
        When::Always,
    )),
    Row::Link(link(
        Relation::OriginalOrganization,
        org::CHANGED_BY,
        Dir::Inverse,
        When::InverseLinks,
    )),
    Row::Link(link(
        Relation::ResultingOrganization,
        org::RESULTED_FROM,
        Dir::Inverse,
        When::InverseLinks,
    )),
];

/// The link rows of [`ROWS`].
pub(crate) fn links() -> impl Iterator<Item = &'static LinkRow> {
    ROWS.iter().filter_map(|r| match r {
        Row::Link(l) => Some(l),
        _ => None,
    })
}

/// The predicate that writes `relation` itself: its one forward row
/// written always.
pub(crate) fn forward_predicate(relation: Relation) -> &'static str {
    links()
        .find(|r| r.relation == relation && r.dir == Dir::Forward && r.when == When::Always)
        .map(|r| r.predicate)
        .expect("every relation has a forward row")
}

/// The derived rows of [`ROWS`].
pub(crate) fn derived_rows() -> impl Iterator<Item = &'static DerivedRow> {
    ROWS.iter().filter_map(|r| match r {
        Row::Derived(d) => Some(d),
        _ => None,
    })
}

impl Row {
    /// Whether the row is written on a node of `kind`.
    pub(crate) fn is_on(&self, kind: NodeKind) -> bool {
        match self {
            Row::Link(l) => l.subject_kinds().contains(&kind),
            Row::Derived(d) => d.kind == kind,
            Row::Const(c) => c.kind == kind,
        }
    }

    /// The rows written on a node of `kind`, in output order.
    pub(crate) fn on(kind: NodeKind) -> impl Iterator<Item = &'static Row> {
        ROWS.iter().filter(move |r| r.is_on(kind))
    }
}

impl LinkRow {
    /// The kinds of node this row's triples have as subject.
    pub(crate) fn subject_kinds(&self) -> &'static [NodeKind] {
        let (from, to) = self.relation.endpoints();
        match self.dir {
            Dir::Forward => from,
            Dir::Inverse => to,
        }
    }
}

/// A triple the export derives from other facts, and which the importer
/// recognises (and drops) only when the graph it built derives it again;
/// otherwise it is kept as an annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Derivation {
    /// `org:transitiveSubOrganizationOf`: each ancestor of a body.
    Ancestors,
    /// `org:heldBy`: the holder of each tenure of a post.
    HoldersOfPost,
    /// `org:holds`: the post of each tenure of a person.
    PostsHeld,
    /// `org:headOf`: the body of each head post a person holds now.
    BodiesHeaded,
    /// A membership's `org:organization`: the body its post is in.
    TenureBody,
    /// A function's `skos:inScheme`: its owner's function scheme.
    FunctionScheme,
}

/// A derived triple: on which kind, its predicate, what it is derived from,
/// and when it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DerivedRow {
    /// The subject's kind.
    pub kind: NodeKind,
    /// The predicate IRI.
    pub predicate: &'static str,
    /// What it is derived from.
    pub derivation: Derivation,
    /// When the export writes it.
    pub when: When,
}

#[cfg(test)]
impl DerivedRow {
    /// The row of a derivation.
    pub(crate) fn of(derivation: Derivation) -> &'static DerivedRow {
        derived_rows()
            .find(|r| r.derivation == derivation)
            .expect("every derivation has a row")
    }
}

/// A constant triple a node gets under a condition: a head post's
/// `org:role org:Head`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ConstRow {
    /// The subject's kind.
    pub kind: NodeKind,
    /// The predicate IRI.
    pub predicate: &'static str,
    /// The object IRI.
    pub object: &'static str,
    /// When it is written.
    pub when: When,
}

/// What the importer reads a predicate on a subject of some kind as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LinkRead {
    /// The relation.
    pub relation: Relation,
    /// True when the subject is the link's source.
    pub forward: bool,
    /// The row it inverts.
    pub row: &'static LinkRow,
}

/// The importer's lookups, built from the tables once.
pub(crate) struct Lookups {
    /// Per node kind (by [`NodeKind::ALL`] position), the link predicates
    /// read on a subject of that kind.
    links: Vec<Vec<(&'static str, LinkRead)>>,
    /// Per node kind, the derived predicates.
    derived: Vec<Vec<&'static DerivedRow>>,
    /// Per node kind, the constant triples.
    consts: Vec<Vec<&'static ConstRow>>,
}

fn kind_pos(kind: NodeKind) -> usize {
    NodeKind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("every kind is in ALL")
}

/// The lookups, built on first use.
pub(crate) static LOOKUPS: LazyLock<Lookups> = LazyLock::new(|| {
    let links = NodeKind::ALL
        .iter()
        .map(|&kind| {
            links()
                .filter(|row| row.subject_kinds().contains(&kind))
                .map(|row| {
                    (
                        row.predicate,
                        LinkRead {
                            relation: row.relation,
                            forward: row.dir == Dir::Forward,
                            row,
                        },
                    )
                })
                .collect()
        })
        .collect();
    let derived = NodeKind::ALL
        .iter()
        .map(|&kind| derived_rows().filter(|r| r.kind == kind).collect())
        .collect();
    let consts = NodeKind::ALL
        .iter()
        .map(|&kind| {
            ROWS.iter()
                .filter_map(|r| match r {
                    Row::Const(c) if c.kind == kind => Some(c),
                    _ => None,
                })
                .collect()
        })
        .collect();
    Lookups {
        links,
        derived,
        consts,
    }
});

impl Lookups {
    /// How a predicate on a subject of `kind` reads as a link, if it does.
    pub(crate) fn link(&self, kind: NodeKind, predicate: &str) -> Option<LinkRead> {
        self.links[kind_pos(kind)]
            .iter()
            .find(|(p, _)| *p == predicate)
            .map(|(_, r)| *r)
    }

    /// The derived triple a predicate on a subject of `kind` is, if any.
    #[cfg(test)]
    pub(crate) fn derived(&self, kind: NodeKind, predicate: &str) -> Option<Derivation> {
        self.derived_row(kind, predicate).map(|r| r.derivation)
    }

    /// The row of the derived triple a predicate on a subject of `kind`
    /// is, if any.
    pub(crate) fn derived_row(
        &self,
        kind: NodeKind,
        predicate: &str,
    ) -> Option<&'static DerivedRow> {
        self.derived[kind_pos(kind)]
            .iter()
            .find(|r| r.predicate == predicate)
            .copied()
    }

    /// When `predicate object` is a constant triple on a subject of
    /// `kind` (a head post's `org:role org:Head`, an acting tenure's
    /// `org:role gg:Acting`), the condition it states.
    pub(crate) fn constant(&self, kind: NodeKind, predicate: &str, object: &str) -> Option<When> {
        self.consts[kind_pos(kind)]
            .iter()
            .find(|c| c.predicate == predicate && c.object == object)
            .map(|c| c.when)
    }
}

#[cfg(test)]
mod tests;
