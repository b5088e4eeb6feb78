//! The rows of VOCABULARY.md "Time": date fields, the kinds of
//! reorganization, the relationship node of each dated link, and a body's
//! dated names.

use super::super::vocab::{dct, gg, rdf, schema};
use crate::model::{ChangeKind, Node, NodeKind, PartialDate, Relation};

/// A date field: the predicate, the kind that has it, and how to read and
/// set it on a node.
pub(crate) struct DateRow {
    /// The subject's kind.
    pub kind: NodeKind,
    /// The predicate IRI.
    pub predicate: &'static str,
    /// The field's value on a node (of the row's kind).
    pub get: fn(&Node) -> Option<PartialDate>,
    /// Where the value goes on a node being read (of the row's kind).
    pub slot: fn(&mut Node) -> Option<&mut Option<PartialDate>>,
}

/// Every date field, typed by precision on export and checked on import.
pub(crate) const DATES: &[DateRow] = &[
    DateRow {
        kind: NodeKind::Person,
        predicate: schema::BIRTH_DATE,
        get: |n| match n {
            Node::Person(p) => p.born,
            _ => None,
        },
        slot: |n| match n {
            Node::Person(p) => Some(&mut p.born),
            _ => None,
        },
    },
    DateRow {
        kind: NodeKind::Person,
        predicate: schema::DEATH_DATE,
        get: |n| match n {
            Node::Person(p) => p.died,
            _ => None,
        },
        slot: |n| match n {
            Node::Person(p) => Some(&mut p.died),
            _ => None,
        },
    },
    DateRow {
        kind: NodeKind::Organization,
        predicate: schema::FOUNDING_DATE,
        get: |n| match n {
            Node::Organization(o) => o.founded,
            _ => None,
        },
        slot: |n| match n {
            Node::Organization(o) => Some(&mut o.founded),
            _ => None,
        },
    },
    DateRow {
        kind: NodeKind::Organization,
        predicate: schema::DISSOLUTION_DATE,
        get: |n| match n {
            Node::Organization(o) => o.details().dissolved,
            _ => None,
        },
        slot: |n| match n {
            Node::Organization(o) => Some(&mut o.details_mut().dissolved),
            _ => None,
        },
    },
    DateRow {
        kind: NodeKind::Post,
        predicate: gg::FORMED,
        get: |n| match n {
            Node::Post(p) => p.formed,
            _ => None,
        },
        slot: |n| match n {
            Node::Post(p) => Some(&mut p.formed),
            _ => None,
        },
    },
    DateRow {
        kind: NodeKind::Post,
        predicate: gg::ABOLISHED,
        get: |n| match n {
            Node::Post(p) => p.abolished,
            _ => None,
        },
        slot: |n| match n {
            Node::Post(p) => Some(&mut p.abolished),
            _ => None,
        },
    },
    DateRow {
        kind: NodeKind::Event,
        predicate: dct::DATE,
        get: |n| match n {
            Node::Event(e) => e.date,
            _ => None,
        },
        slot: |n| match n {
            Node::Event(e) => Some(&mut e.date),
            _ => None,
        },
    },
];

/// The `gg:` concept of each [`ChangeKind`] (`gg:changeKind`).
pub(crate) const CHANGE_KINDS: &[(ChangeKind, &str)] = &[
    (ChangeKind::Establishment, gg::ESTABLISHMENT),
    (ChangeKind::Abolition, gg::ABOLITION),
    (ChangeKind::Replacement, gg::REPLACEMENT),
    (ChangeKind::Merger, gg::MERGER),
    (ChangeKind::Split, gg::SPLIT),
    (ChangeKind::Absorption, gg::ABSORPTION),
    (ChangeKind::Transfer, gg::TRANSFER),
    (ChangeKind::Rename, gg::RENAME),
    (ChangeKind::Restructuring, gg::RESTRUCTURING),
];

/// The concept of a change kind.
pub(crate) fn change_kind_concept(kind: ChangeKind) -> &'static str {
    CHANGE_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, c)| *c)
        .expect("every change kind has a concept")
}

/// The change kind a concept names.
pub(crate) fn change_kind_of(concept: &str) -> Option<ChangeKind> {
    CHANGE_KINDS
        .iter()
        .find(|(_, c)| *c == concept)
        .map(|(k, _)| *k)
}

/// The shape of a dated link's relationship node: its class, the
/// properties naming its two ends, and, for the generic shape, the
/// predicate it states with `rdf:predicate` (the link's forward predicate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DatedShape {
    /// The relation.
    pub relation: Relation,
    /// The relationship node's class.
    pub class: &'static str,
    /// The property naming the link's source.
    pub source: &'static str,
    /// The property naming the link's target.
    pub target: &'static str,
    /// True when the node also states the link's forward predicate with
    /// `rdf:predicate`.
    pub states_predicate: bool,
}

const fn generic(relation: Relation) -> DatedShape {
    DatedShape {
        relation,
        class: gg::DATED_LINK,
        source: rdf::SUBJECT,
        target: rdf::OBJECT,
        states_predicate: true,
    }
}

/// The relationship node of every relation that can be dated
/// ([`Relation::is_dated`]): `gg:SubOrganizationRelationship` with
/// `gg:child` and `gg:parent` for the parent link, as VOCABULARY.md says;
/// `gg:DatedLink` with `rdf:subject`, `rdf:predicate` and `rdf:object` for
/// the others. Each has `gg:during` its interval.
pub(crate) const DATED_LINKS: &[DatedShape] = &[
    DatedShape {
        relation: Relation::SubOrganizationOf,
        class: gg::SUB_ORGANIZATION_RELATIONSHIP,
        source: gg::CHILD,
        target: gg::PARENT,
        states_predicate: false,
    },
    generic(Relation::PostIn),
    generic(Relation::HasJurisdiction),
    generic(Relation::PrimarySite),
    generic(Relation::Classification),
];

/// The relationship shape of a dated relation.
pub(crate) fn dated_shape(relation: Relation) -> Option<&'static DatedShape> {
    DATED_LINKS.iter().find(|d| d.relation == relation)
}

/// The relationship classes, for the importer.
pub(crate) fn is_relationship_class(class: &str) -> bool {
    DATED_LINKS.iter().any(|d| d.class == class)
}
