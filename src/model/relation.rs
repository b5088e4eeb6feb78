//! [`Relation`]: the closed set of links between nodes, and which kinds of
//! node each may join.

use std::fmt;

use super::NodeKind;

/// A directed link between two nodes. Each relation joins given kinds only
/// ([`Relation::allows`]); some allow one link per source node
/// ([`Relation::is_single`]) or per target node
/// ([`Relation::is_single_in`]), and some may never form a cycle
/// ([`Relation::is_acyclic`]). [`GovGraph::link`](crate::GovGraph::link)
/// enforces all of it.
///
/// | relation | from | to | limits |
/// |---|---|---|---|
/// | `SubOrganizationOf` | organization (child) | organization (parent) | one parent, no cycle |
/// | `PostIn` | post | organization | one organization |
/// | `Holder` | tenure | person | one person |
/// | `TenureOf` | tenure | post | one post |
/// | `HasJurisdiction` | organization | jurisdiction | |
/// | `GoverningBody` | jurisdiction | organization | |
/// | `Territory` | jurisdiction | place | |
/// | `PrimarySite` | organization | site | one site |
/// | `ContainedIn` | site or place | place | no cycle |
/// | `HasFunction` | organization | function | one organization per function |
/// | `PublishedBy` | website | organization | |
/// | `MaintainedBy` | website | organization | |
/// | `OfficialWebsite` | organization | website | |
/// | `Rank` | post | category | one rank |
/// | `Classification` | organization | category | |
/// | `SeeAlso` | any but tenure | any but tenure | |
/// | `Replaces` | organization or post (newer) | one of the same kind (older) | no cycle |
/// | `OriginalOrganization` | event | organization (as before it) | |
/// | `ResultingOrganization` | event | organization (as after it) | |
///
/// The relations [`is_dated`](Relation::is_dated) may carry an
/// [`Interval`](crate::Interval) ([`GovGraph::link_during`](crate::GovGraph::link_during)):
/// then "one link" means one link *at a time*, and "no cycle" means no
/// cycle *on any date*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Relation {
    /// The child body is part of the parent body.
    SubOrganizationOf,
    /// The post belongs to the organization.
    PostIn,
    /// The tenure is held by the person.
    Holder,
    /// The tenure is of the post.
    TenureOf,
    /// The organization's authority covers the jurisdiction.
    HasJurisdiction,
    /// The organization governs the jurisdiction.
    GoverningBody,
    /// The jurisdiction covers the place.
    Territory,
    /// The organization's headquarters is the site.
    PrimarySite,
    /// The site or place lies within the place.
    ContainedIn,
    /// The organization has the responsibility.
    HasFunction,
    /// The website is published (run) by the organization.
    PublishedBy,
    /// The website is maintained by the organization.
    MaintainedBy,
    /// The website is the organization's official site.
    OfficialWebsite,
    /// The post has the rank.
    Rank,
    /// The organization is of the category (a body type or a group).
    Classification,
    /// The source node is related to the target ("see also").
    SeeAlso,
    /// The newer organization (or post) replaces the older one.
    Replaces,
    /// The event changed the organization (as it was before).
    OriginalOrganization,
    /// The event gave the organization (as it was after).
    ResultingOrganization,
}

const ORG: &[NodeKind] = &[NodeKind::Organization];
const ORG_OR_POST: &[NodeKind] = &[NodeKind::Organization, NodeKind::Post];
const ANY_BUT_TENURE: &[NodeKind] = &[
    NodeKind::Organization,
    NodeKind::Post,
    NodeKind::Person,
    NodeKind::Jurisdiction,
    NodeKind::Site,
    NodeKind::Place,
    NodeKind::Function,
    NodeKind::Website,
    NodeKind::Category,
];

impl Relation {
    /// Every relation, in declaration order.
    pub const ALL: [Relation; 19] = [
        Relation::SubOrganizationOf,
        Relation::PostIn,
        Relation::Holder,
        Relation::TenureOf,
        Relation::HasJurisdiction,
        Relation::GoverningBody,
        Relation::Territory,
        Relation::PrimarySite,
        Relation::ContainedIn,
        Relation::HasFunction,
        Relation::PublishedBy,
        Relation::MaintainedBy,
        Relation::OfficialWebsite,
        Relation::Rank,
        Relation::Classification,
        Relation::SeeAlso,
        Relation::Replaces,
        Relation::OriginalOrganization,
        Relation::ResultingOrganization,
    ];

    /// The kinds of node a link may start from and end at.
    pub const fn endpoints(self) -> (&'static [NodeKind], &'static [NodeKind]) {
        use NodeKind as K;
        match self {
            Relation::SubOrganizationOf => (ORG, ORG),
            Relation::Replaces => (ORG_OR_POST, ORG_OR_POST),
            Relation::PostIn => (&[K::Post], ORG),
            Relation::Holder => (&[K::Tenure], &[K::Person]),
            Relation::TenureOf => (&[K::Tenure], &[K::Post]),
            Relation::HasJurisdiction => (ORG, &[K::Jurisdiction]),
            Relation::GoverningBody => (&[K::Jurisdiction], ORG),
            Relation::Territory => (&[K::Jurisdiction], &[K::Place]),
            Relation::PrimarySite => (ORG, &[K::Site]),
            Relation::ContainedIn => (&[K::Site, K::Place], &[K::Place]),
            Relation::HasFunction => (ORG, &[K::Function]),
            Relation::PublishedBy | Relation::MaintainedBy => (&[K::Website], ORG),
            Relation::OfficialWebsite => (ORG, &[K::Website]),
            Relation::Rank => (&[K::Post], &[K::Category]),
            Relation::Classification => (ORG, &[K::Category]),
            Relation::SeeAlso => (ANY_BUT_TENURE, ANY_BUT_TENURE),
            Relation::OriginalOrganization | Relation::ResultingOrganization => (&[K::Event], ORG),
        }
    }

    /// True when the relation may join a `from` node to a `to` node.
    ///
    /// ```
    /// use govgraph::{NodeKind, Relation};
    /// assert!(Relation::PostIn.allows(NodeKind::Post, NodeKind::Organization));
    /// assert!(!Relation::PostIn.allows(NodeKind::Person, NodeKind::Organization));
    /// ```
    /// A replacement joins two nodes of the same kind: a body replaces a
    /// body, a post a post.
    pub fn allows(self, from: NodeKind, to: NodeKind) -> bool {
        let (f, t) = self.endpoints();
        f.contains(&from) && t.contains(&to) && (self != Relation::Replaces || from == to)
    }

    /// True when a node may have at most one outgoing link of this relation.
    pub const fn is_single(self) -> bool {
        matches!(
            self,
            Relation::SubOrganizationOf
                | Relation::PostIn
                | Relation::Holder
                | Relation::TenureOf
                | Relation::PrimarySite
                | Relation::Rank
        )
    }

    /// True when a node may have at most one incoming link of this relation.
    pub const fn is_single_in(self) -> bool {
        matches!(self, Relation::HasFunction)
    }

    /// True when links of this relation may never form a cycle.
    pub const fn is_acyclic(self) -> bool {
        matches!(
            self,
            Relation::SubOrganizationOf | Relation::ContainedIn | Relation::Replaces
        )
    }

    /// The relation's name in snake case, as messages and JSON write it.
    pub const fn name(self) -> &'static str {
        match self {
            Relation::SubOrganizationOf => "sub_organization_of",
            Relation::PostIn => "post_in",
            Relation::Holder => "holder",
            Relation::TenureOf => "tenure_of",
            Relation::HasJurisdiction => "has_jurisdiction",
            Relation::GoverningBody => "governing_body",
            Relation::Territory => "territory",
            Relation::PrimarySite => "primary_site",
            Relation::ContainedIn => "contained_in",
            Relation::HasFunction => "has_function",
            Relation::PublishedBy => "published_by",
            Relation::MaintainedBy => "maintained_by",
            Relation::OfficialWebsite => "official_website",
            Relation::Rank => "rank",
            Relation::Classification => "classification",
            Relation::SeeAlso => "see_also",
            Relation::Replaces => "replaces",
            Relation::OriginalOrganization => "original_organization",
            Relation::ResultingOrganization => "resulting_organization",
        }
    }

    /// True when a link of this relation may carry the period it was in
    /// force: a body's parent, a post's body, a body's jurisdiction,
    /// headquarters and classification.
    pub const fn is_dated(self) -> bool {
        matches!(
            self,
            Relation::SubOrganizationOf
                | Relation::PostIn
                | Relation::HasJurisdiction
                | Relation::PrimarySite
                | Relation::Classification
        )
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_relation_joins_some_kinds() {
        for r in Relation::ALL {
            let (from, to) = r.endpoints();
            assert!(!from.is_empty() && !to.is_empty(), "{r}");
            assert!(r.allows(from[0], to[0]));
        }
        assert!(!Relation::SeeAlso.allows(NodeKind::Tenure, NodeKind::Post));
        assert!(Relation::ContainedIn.allows(NodeKind::Site, NodeKind::Place));
        assert!(!Relation::ContainedIn.allows(NodeKind::Place, NodeKind::Site));
        assert!(Relation::Replaces.allows(NodeKind::Post, NodeKind::Post));
        assert!(!Relation::Replaces.allows(NodeKind::Post, NodeKind::Organization));
    }
}
