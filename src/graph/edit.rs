//! Editing a graph after insertion: a node's data, its links, its end, the
//! node itself. Every change is checked as insertion checks it, and a
//! refused change leaves the graph exactly as it was.

use super::{GovGraph, GraphError, Pos, check_node};
use crate::model::{
    Bound, Category, CategoryId, Event, EventId, Function, FunctionId, Interval, Jurisdiction,
    JurisdictionId, Node, NodeId, OrgId, Organization, PartialDate, Person, PersonId, Place,
    PlaceId, Post, PostId, Relation, Site, SiteId, Tenure, TenureId, Website, WebsiteId,
};

mod sealed {
    pub trait Sealed {}
}

/// A typed id ([`OrgId`], [`PersonId`], …), whose node's data
/// [`GovGraph::edit`] lends out as its own type ([`Organization`],
/// [`Person`], …).
pub trait TypedId: Into<NodeId> + Copy + sealed::Sealed {
    /// The data of the nodes this id names.
    type Data;

    /// The data inside `node`, when it is of this id's kind.
    #[doc(hidden)]
    fn data_mut(node: &mut Node) -> Option<&mut Self::Data>;
}

macro_rules! typed_ids {
    ($($id:ident => $ty:ident),* $(,)?) => {$(
        impl sealed::Sealed for $id {}

        impl TypedId for $id {
            type Data = $ty;

            fn data_mut(node: &mut Node) -> Option<&mut $ty> {
                match node {
                    Node::$ty(n) => Some(n),
                    _ => None,
                }
            }
        }
    )*};
}

typed_ids!(
    OrgId => Organization,
    PostId => Post,
    PersonId => Person,
    JurisdictionId => Jurisdiction,
    SiteId => Site,
    PlaceId => Place,
    FunctionId => Function,
    WebsiteId => Website,
    CategoryId => Category,
    TenureId => Tenure,
    EventId => Event,
);

impl GovGraph {
    /// Changes the data of the node `id` names: `change` gets a copy of it
    /// to change, and its result is returned. The changed node is then
    /// checked as [`insert`](Self::insert) checks a new one and, when it
    /// passes, replaces the old one and is indexed again: a new slug is
    /// looked up by from then on (the node is *re-keyed*: its id stays,
    /// its RDF IRI follows the slug), and so are new labels.
    ///
    /// When the change is refused, the graph is unchanged (the copy is
    /// dropped), as it is when `change` panics.
    ///
    /// Cost: a copy of the node, plus O(1) expected per slug and label
    /// changed (O(nodes sharing a label) to re-index one).
    ///
    /// ```
    /// use govgraph::{GovGraph, Lang, Organization, OrgKind, Slug};
    /// let mut g = GovGraph::new();
    /// let id = g.insert_org(Organization::new(Slug::new("bureau")?, OrgKind::Agency, "Bureau"))?;
    /// let old = g.edit(id, |o| {
    ///     o.labels.set_preferred(Lang::en(), "Renamed Bureau")
    /// })?;
    /// assert_eq!(old.as_deref(), Some("Bureau"));
    /// assert_eq!(g.find_by_label("renamed bureau").next().map(|n| n.id()), Some(id.into()));
    /// assert!(g.find_by_label("bureau").next().is_none());
    ///
    /// g.edit(id, |o| o.slug = Slug::new("renamed-bureau").expect("a slug"))?;
    /// assert_eq!(g.org_by_slug("renamed-bureau").map(|o| o.id()), Some(id));
    /// assert!(g.org_by_slug("bureau").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`GraphError::UnknownId`] or [`GraphError::Removed`] when `id` names
    /// no node here (then `change` is not called);
    /// [`GraphError::DuplicateSlug`] when the new slug is another node's of
    /// the same kind; [`GraphError::EndsBeforeStart`] when a changed date
    /// puts an end before its beginning.
    pub fn edit<I: TypedId, R>(
        &mut self,
        id: I,
        change: impl FnOnce(&mut I::Data) -> R,
    ) -> Result<R, GraphError> {
        let node_id: NodeId = id.into();
        let ix = self.check(node_id)?;
        let mut draft = self.data[ix.index()].clone();
        let data = I::data_mut(&mut draft).ok_or(GraphError::UnknownId {
            kind: node_id.kind(),
            index: node_id.raw(),
        })?;
        let out = change(data);
        self.replace_at(ix, draft)?;
        Ok(out)
    }

    /// Puts `node` (the same kind) in place of the node at `ix`, after the
    /// checks of insertion, and indexes it again.
    fn replace_at(&mut self, ix: Pos, mut node: Node) -> Result<(), GraphError> {
        check_node(&node)?;
        super::normalize(&mut node);
        let kind = node.kind();
        let old = &self.data[ix.index()];
        let slug_changed = old.slug() != node.slug();
        if slug_changed
            && self
                .slug_position(kind, node.slug().as_str())
                .is_some_and(|other| other != ix)
        {
            return Err(GraphError::DuplicateSlug {
                kind,
                slug: node.slug().clone(),
            });
        }
        // Checked: from here on nothing fails.
        if slug_changed {
            let before = self.slugs.hash(&(kind, old.slug().as_str()));
            let after = self.slugs.hash(&(kind, node.slug().as_str()));
            self.slugs.remove(before, ix.raw());
            self.slugs.insert(after, ix.raw());
        }
        let lifetime_changed = old.lifetime() != node.lifetime();
        let (before, after) = (self.label_hashes(old), self.label_hashes(&node));
        if before != after {
            for h in before {
                self.labels.remove(h, ix.raw());
            }
            for h in after {
                self.labels.insert(h, ix.raw());
            }
        }
        if lifetime_changed {
            self.set_lifetime(ix, kind, node.lifetime());
        }
        node.shrink_to_fit();
        self.data[ix.index()] = node;
        Ok(())
    }

    /// Removes the link `from` `relation` `to`: every such link, whatever
    /// its dates (to record that a link *ended*, use
    /// [`end_link`](Self::end_link) instead). Removing a body's
    /// [`SubOrganizationOf`](Relation::SubOrganizationOf) link in force
    /// makes it a root; nothing else changes. O(the links of both ends).
    ///
    /// ```
    /// use govgraph::{GovGraph, Organization, OrgKind, Relation, Slug};
    /// let mut g = GovGraph::new();
    /// let a = g.insert_org(Organization::new(Slug::new("a")?, OrgKind::Agency, "A"))?;
    /// let b = g.add_sub_org(a, Organization::new(Slug::new("b")?, OrgKind::Agency, "B"))?;
    /// g.unlink(b, Relation::SubOrganizationOf, a)?;
    /// assert!(g.org(b).ok_or("gone")?.parent().is_none());
    /// let err = g.unlink(b, Relation::SubOrganizationOf, a).unwrap_err();
    /// assert_eq!(err.to_string(), "organization `b` is not linked sub_organization_of organization `a`");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`GraphError::UnknownId`] or [`GraphError::Removed`] when an id
    /// names no node here; [`GraphError::NoSuchLink`] when the link is not
    /// there. The graph is then unchanged.
    pub fn unlink(
        &mut self,
        from: impl Into<NodeId>,
        relation: Relation,
        to: impl Into<NodeId>,
    ) -> Result<(), GraphError> {
        let (from, to) = (from.into(), to.into());
        let a = self.check(from)?;
        let b = self.check(to)?;
        if self.remove_links_at(a, relation, b) > 0 {
            Ok(())
        } else {
            Err(GraphError::NoSuchLink {
                relation,
                from_kind: from.kind(),
                from: self.slug_at(a).clone(),
                to_kind: to.kind(),
                to: self.slug_at(b).clone(),
            })
        }
    }

    /// Records that a tenure ended on `date` (a new appointment ends the
    /// last one). A tenure known to have ended on an unknown date
    /// ([`Bound::Undated`](crate::Bound::Undated)) gets the date. To
    /// correct an end already recorded, use [`edit`](Self::edit).
    ///
    /// ```
    /// use govgraph::{GovGraph, Organization, OrgKind, Person, Post, Slug};
    /// let mut g = GovGraph::new();
    /// let body = g.insert_org(Organization::new(Slug::new("council")?, OrgKind::GoverningBody, "Council"))?;
    /// let chair = g.add_post(body, Post::new(Slug::new("chair")?, "Chair").head())?;
    /// let ada = g.insert_person(Person::new(Slug::new("ada")?, "Ada"))?;
    /// let t = g.appoint_minted(ada, chair, |t| t.with_start("2020-01".parse().expect("a date")))?;
    /// g.end_tenure(t, "2023-03".parse()?)?;
    /// assert!(!g[t].is_current());
    /// assert_eq!(g.org(body).ok_or("gone")?.heads().count(), 0);
    /// assert_eq!(g.end_tenure(t, "2024".parse()?).unwrap_err().to_string(),
    ///     "tenure `ada-chair` already ended (2023-03)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`GraphError::UnknownId`] or [`GraphError::Removed`] when `tenure`
    /// names no tenure here; [`GraphError::AlreadyEnded`] when it has an
    /// end; [`GraphError::EndsBeforeStart`] when `date` is before its
    /// start. The graph is then unchanged.
    pub fn end_tenure(&mut self, tenure: TenureId, date: PartialDate) -> Result<(), GraphError> {
        let ix = self.check(tenure.into())?;
        if let Node::Tenure(t) = &self.data[ix.index()] {
            if let Some(end) = t.end_date() {
                return Err(GraphError::AlreadyEnded {
                    kind: crate::model::NodeKind::Tenure,
                    slug: t.slug.clone(),
                    end,
                });
            }
        }
        self.edit(tenure, |t| t.end = Some(Bound::Date(date)))
    }

    /// Records that the dated link `from` `relation` `to` in force now (no
    /// end recorded) ended on `date`: a body moved under another parent, a
    /// post moved to another body. The link stays, with its interval
    /// ended, so walks "as of" an earlier date still see it; walks of the
    /// present do not. An undated link gets an interval with that end.
    ///
    /// ```
    /// use govgraph::{GovGraph, Interval, Organization, OrgKind, Relation, Slug};
    /// let mut g = GovGraph::new();
    /// let org = |s: &str| Organization::new(Slug::new(s).expect("a slug"), OrgKind::Agency, s);
    /// let (old, new, unit) = (g.insert_org(org("old"))?, g.insert_org(org("new"))?, g.insert_org(org("unit"))?);
    /// g.link_during(unit, Relation::SubOrganizationOf, old, Interval::since("1990".parse()?))?;
    /// g.end_link(unit, Relation::SubOrganizationOf, old, "2018-03".parse()?)?;
    /// g.link_during(unit, Relation::SubOrganizationOf, new, Interval::since("2018-03".parse()?))?;
    /// assert_eq!(g.org(unit).and_then(|o| o.parent()).map(|p| p.slug().as_str()), Some("new"));
    /// let err = g.end_link(unit, Relation::SubOrganizationOf, old, "2019".parse()?).unwrap_err();
    /// assert_eq!(err.to_string(),
    ///     "organization `unit` sub_organization_of organization `old` already ended (1990 – 2018-03)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`GraphError::UnknownId`] or [`GraphError::Removed`] when an id
    /// names no node here; [`GraphError::NotDated`] when `relation` carries
    /// no dates ([`Relation::is_dated`]); [`GraphError::NoSuchLink`] when
    /// there is no such link; [`GraphError::LinkAlreadyEnded`] when every
    /// such link has ended; [`GraphError::LinkEndsBeforeStart`] when `date`
    /// is before the link's start. The graph is then unchanged.
    pub fn end_link(
        &mut self,
        from: impl Into<NodeId>,
        relation: Relation,
        to: impl Into<NodeId>,
        date: PartialDate,
    ) -> Result<(), GraphError> {
        let (from, to) = (from.into(), to.into());
        let a = self.check(from)?;
        let b = self.check(to)?;
        if !relation.is_dated() {
            return Err(GraphError::NotDated {
                relation,
                from: self.slug_at(a).clone(),
                to: self.slug_at(b).clone(),
                during: Interval::new().with_end(date),
            });
        }
        if self.end_link_at(a, relation, b, date)? {
            return Ok(());
        }
        let latest = self
            .intervals_between(a, relation, b)
            .into_iter()
            .max_by(Interval::cmp_start);
        Err(match latest {
            Some(during) => GraphError::LinkAlreadyEnded {
                relation,
                from_kind: from.kind(),
                from: self.slug_at(a).clone(),
                to_kind: to.kind(),
                to: self.slug_at(b).clone(),
                during,
            },
            None => GraphError::NoSuchLink {
                relation,
                from_kind: from.kind(),
                from: self.slug_at(a).clone(),
                to_kind: to.kind(),
                to: self.slug_at(b).clone(),
            },
        })
    }

    /// Removes a node and every link touching it, and gives back its data.
    ///
    /// Ids are never reused: the removed node's id, and any copy of it,
    /// from then on reports [`GraphError::Removed`] (naming the slug it
    /// had) wherever an id is checked, and reads as absent (`get`, `node`,
    /// the handle getters). Its slug and labels are free for new nodes. No
    /// look-up, walk, count or export sees it; a graph with removed nodes
    /// equals the same graph built without them. The record's memory is
    /// kept until the graph is dropped (a JSON or RDF round trip gives a
    /// graph without it).
    ///
    /// Only the links go with the node: a removed person's tenures stay,
    /// without a holder, and a removed body's sub-organizations become
    /// roots. Remove or re-link them as the data needs.
    ///
    /// Cost: O(the links touching the node, each times the links of its
    /// other end), plus O(1) expected per slug and label.
    ///
    /// ```
    /// use govgraph::{GovGraph, Organization, OrgKind, Slug};
    /// let mut g = GovGraph::new();
    /// let a = g.insert_org(Organization::new(Slug::new("a")?, OrgKind::Agency, "A"))?;
    /// let b = g.add_sub_org(a, Organization::new(Slug::new("b")?, OrgKind::Agency, "B"))?;
    /// let gone = g.remove(a)?;
    /// assert_eq!(gone.slug().as_str(), "a");
    /// assert!(g.get(a).is_none() && g.org_by_slug("a").is_none());
    /// assert_eq!((g.node_count(), g.link_count()), (1, 0));
    /// assert!(g.org(b).ok_or("gone")?.parent().is_none());
    /// let err = g.remove(a).unwrap_err();
    /// assert_eq!(err.to_string(), "organization `a` was removed from this graph");
    /// // The slug is free again; the new node has a new id.
    /// let again = g.insert_org(Organization::new(Slug::new("a")?, OrgKind::Agency, "A"))?;
    /// assert_ne!(again, a);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`GraphError::UnknownId`] or [`GraphError::Removed`] when `id` names
    /// no node here. The graph is then unchanged.
    pub fn remove(&mut self, id: impl Into<NodeId>) -> Result<Node, GraphError> {
        let ix = self.check(id.into())?;
        self.detach(ix);
        let node = self.data[ix.index()].clone();
        let slug = self.slugs.hash(&(node.kind(), node.slug().as_str()));
        self.slugs.remove(slug, ix.raw());
        for h in self.label_hashes(&node) {
            self.labels.remove(h, ix.raw());
        }
        self.annotations.remove(&ix);
        let word = ix.index() / 64;
        if self.removed.len() <= word {
            self.removed.resize(word + 1, 0);
        }
        self.removed[word] |= 1 << (ix.index() % 64);
        self.removed_count += 1;
        Ok(node)
    }
}
