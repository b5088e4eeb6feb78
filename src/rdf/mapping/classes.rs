//! The class rows of the mapping: which classes each kind of node, each
//! [`OrgKind`] and [`PlaceKind`] is typed with, the category schemes, and
//! their inverses for the importer.

use super::super::vocab::{dct, foaf, gg, org, schema, skos};
use crate::model::{CategoryKind, Node, NodeKind, OrgKind, PlaceKind};

/// When a class is written on a node of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClassWhen {
    /// On every node of the kind.
    Always,
    /// On an organization of a unit kind (offices, departments).
    Unit,
    /// On an organization of any other kind.
    NotUnit,
    /// On an organ of state.
    StateBody,
    /// On an administrative division.
    Administrative,
    /// On a post marked single-seat ([`Post::single_seat`](crate::Post)).
    SingleSeat,
}

/// A class of a kind of node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClassRow {
    /// The kind.
    pub kind: NodeKind,
    /// The class IRI.
    pub class: &'static str,
    /// When it is written.
    pub when: ClassWhen,
}

const fn class(kind: NodeKind, class: &'static str, when: ClassWhen) -> ClassRow {
    ClassRow { kind, class, when }
}

/// The classes of each kind, in output order; the `gg:` class of an
/// organization's or place's own kind ([`ORG_KINDS`], [`PLACE_KINDS`]) comes
/// after them. A function and a category are both `skos:Concept`: the
/// importer tells them apart by the link to a function (`org:purpose`) or an
/// IRI under `function/`.
pub(crate) const CLASSES: &[ClassRow] = &[
    class(NodeKind::Organization, org::ORGANIZATION, ClassWhen::Always),
    class(
        NodeKind::Organization,
        org::ORGANIZATIONAL_UNIT,
        ClassWhen::Unit,
    ),
    class(
        NodeKind::Organization,
        org::FORMAL_ORGANIZATION,
        ClassWhen::NotUnit,
    ),
    class(
        NodeKind::Organization,
        schema::GOVERNMENT_ORGANIZATION,
        ClassWhen::StateBody,
    ),
    class(NodeKind::Post, org::POST, ClassWhen::Always),
    class(NodeKind::Post, gg::SINGLE_SEAT_POST, ClassWhen::SingleSeat),
    class(NodeKind::Person, foaf::PERSON, ClassWhen::Always),
    class(NodeKind::Jurisdiction, dct::JURISDICTION, ClassWhen::Always),
    class(NodeKind::Site, org::SITE, ClassWhen::Always),
    class(NodeKind::Place, schema::PLACE, ClassWhen::Always),
    class(
        NodeKind::Place,
        schema::ADMINISTRATIVE_AREA,
        ClassWhen::Administrative,
    ),
    class(NodeKind::Function, skos::CONCEPT, ClassWhen::Always),
    class(NodeKind::Website, schema::WEB_SITE, ClassWhen::Always),
    class(NodeKind::Category, skos::CONCEPT, ClassWhen::Always),
    class(NodeKind::Tenure, org::MEMBERSHIP, ClassWhen::Always),
    class(NodeKind::Event, org::CHANGE_EVENT, ClassWhen::Always),
];

/// The `gg:` class of each [`OrgKind`].
pub(crate) const ORG_KINDS: &[(OrgKind, &str)] = &[
    (OrgKind::GoverningBody, gg::GOVERNING_BODY_CLASS),
    (OrgKind::Agency, gg::AGENCY),
    (OrgKind::Office, gg::OFFICE),
    (OrgKind::Department, gg::DEPARTMENT),
    (OrgKind::Institution, gg::INSTITUTION),
    (OrgKind::PartyOrgan, gg::PARTY_ORGAN),
    (OrgKind::MilitaryOrgan, gg::MILITARY_ORGAN),
    (OrgKind::Other, gg::OTHER_ORGANIZATION),
];

/// The `gg:` class of each [`PlaceKind`].
pub(crate) const PLACE_KINDS: &[(PlaceKind, &str)] = &[
    (PlaceKind::Country, gg::COUNTRY),
    (PlaceKind::Province, gg::PROVINCE),
    (PlaceKind::City, gg::CITY),
    (PlaceKind::District, gg::DISTRICT),
    (PlaceKind::Compound, gg::COMPOUND),
    (PlaceKind::Street, gg::STREET),
    (PlaceKind::Other, gg::OTHER_PLACE),
];

/// The concept scheme of each [`CategoryKind`].
pub(crate) const CATEGORY_SCHEMES: &[(CategoryKind, &str)] = &[
    (CategoryKind::BodyType, gg::BODY_TYPES),
    (CategoryKind::Grouping, gg::GROUPINGS),
    (CategoryKind::Rank, gg::RANKS),
    (CategoryKind::Other, gg::OTHER_CATEGORIES),
];

/// The class of an organization kind.
pub(crate) fn org_kind_class(kind: OrgKind) -> &'static str {
    ORG_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, c)| *c)
        .expect("every org kind has a class")
}

/// The class of a place kind.
pub(crate) fn place_kind_class(kind: PlaceKind) -> &'static str {
    PLACE_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, c)| *c)
        .expect("every place kind has a class")
}

/// The scheme of a category kind.
pub(crate) fn category_scheme(kind: CategoryKind) -> &'static str {
    CATEGORY_SCHEMES
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, c)| *c)
        .expect("every category kind has a scheme")
}

/// Whether a class row holds for a node of its kind with these traits.
fn class_holds(when: ClassWhen, unit: bool, state: bool, administrative: bool) -> bool {
    match when {
        ClassWhen::Always => true,
        ClassWhen::Unit => unit,
        ClassWhen::NotUnit => !unit,
        ClassWhen::StateBody => state,
        ClassWhen::Administrative => administrative,
        // Read by the post reader itself, never by a kind's own test.
        ClassWhen::SingleSeat => false,
    }
}

/// Every class the export writes on a node, in output order.
pub(crate) fn classes_of(node: &Node) -> impl Iterator<Item = &'static str> {
    let (unit, state, administrative, own) = match node {
        Node::Organization(o) => (
            o.kind.is_unit(),
            o.kind.is_state_body(),
            false,
            Some(org_kind_class(o.kind)),
        ),
        Node::Place(p) => (
            false,
            false,
            p.kind.is_administrative(),
            Some(place_kind_class(p.kind)),
        ),
        _ => (false, false, false, None),
    };
    let single = matches!(node, Node::Post(p) if p.single_seat);
    let kind = node.kind();
    CLASSES
        .iter()
        .filter(move |r| {
            r.kind == kind
                && (class_holds(r.when, unit, state, administrative)
                    || (r.when == ClassWhen::SingleSeat && single))
        })
        .map(|r| r.class)
        .chain(own)
}

/// Whether the export writes `class` on an organization of `kind`.
pub(crate) fn org_writes_class(kind: OrgKind, class: &str) -> bool {
    CLASSES.iter().any(|r| {
        r.kind == NodeKind::Organization
            && r.class == class
            && class_holds(r.when, kind.is_unit(), kind.is_state_body(), false)
    }) || org_kind_class(kind) == class
}

/// Whether the export writes `class` on every node of `kind` (for the
/// kinds whose classes do not depend on a sub-kind).
pub(crate) fn plain_writes_class(kind: NodeKind, class: &str) -> bool {
    CLASSES
        .iter()
        .any(|r| r.kind == kind && r.when == ClassWhen::Always && r.class == class)
}

/// Whether the export writes `class` on a place of `kind`.
pub(crate) fn place_writes_class(kind: PlaceKind, class: &str) -> bool {
    CLASSES.iter().any(|r| {
        r.kind == NodeKind::Place
            && r.class == class
            && class_holds(r.when, false, false, kind.is_administrative())
    }) || place_kind_class(kind) == class
}

/// The kind a class names, when it names one kind: `None` for a class that
/// is no node's and for `skos:Concept` (a function or a category, told apart
/// by the importer).
pub(crate) fn kind_of_class(class: &str) -> Option<NodeKind> {
    let mut kinds = CLASSES
        .iter()
        .filter(|r| r.class == class)
        .map(|r| r.kind)
        .chain(
            ORG_KINDS
                .iter()
                .filter(|(_, c)| *c == class)
                .map(|_| NodeKind::Organization),
        )
        .chain(
            PLACE_KINDS
                .iter()
                .filter(|(_, c)| *c == class)
                .map(|_| NodeKind::Place),
        );
    let first = kinds.next()?;
    kinds.all(|k| k == first).then_some(first)
}

/// Whether `class` is the class both functions and categories have.
pub(crate) fn is_concept(class: &str) -> bool {
    class == skos::CONCEPT
}

/// The org kind a `gg:` class names.
pub(crate) fn org_kind_of_class(class: &str) -> Option<OrgKind> {
    ORG_KINDS.iter().find(|(_, c)| *c == class).map(|(k, _)| *k)
}

/// The place kind a `gg:` class names.
pub(crate) fn place_kind_of_class(class: &str) -> Option<PlaceKind> {
    PLACE_KINDS
        .iter()
        .find(|(_, c)| *c == class)
        .map(|(k, _)| *k)
}

/// The category kind a scheme names.
pub(crate) fn category_kind_of_scheme(scheme: &str) -> Option<CategoryKind> {
    CATEGORY_SCHEMES
        .iter()
        .find(|(_, c)| *c == scheme)
        .map(|(k, _)| *k)
}
