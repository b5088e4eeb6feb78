//! Typed handles: a graph reference plus a node, `Copy`, chainable.

use std::fmt;
use std::ops::Deref;

use crate::graph::Pos;
use crate::model::On;

use super::iter::{Ancestors, Descendants, Linked};
use crate::graph::GovGraph;
use crate::model::{
    Category, CategoryId, Event, EventId, Function, FunctionId, Jurisdiction, JurisdictionId, Node,
    NodeId, NodeKind, OrgId, OrgKind, Organization, Person, PersonId, Place, PlaceId, Post, PostId,
    Relation, Site, SiteId, Slug, Tenure, TenureId, Website, WebsiteId,
};

/// A typed handle to a node: implemented by every handle type and by
/// nothing else.
///
/// The trait is sealed and has no methods of its own: handles are made
/// only by the graph (`g.org(id)`, `g.org_by_slug(..)`, walks), never from
/// a raw index, so a handle always names a node of its kind in its graph.
///
/// ```compile_fail
/// // The constructor is not reachable from outside the crate.
/// use govgraph::traverse::Handle;
/// fn forge<'g, H: Handle<'g>>(g: &'g govgraph::GovGraph) -> Option<H> {
///     H::from_index(g, 0)
/// }
/// ```
pub trait Handle<'g>: Copy + Sized + sealed::Sealed<'g> {}

pub(crate) mod sealed {
    use crate::graph::{GovGraph, Pos};
    use crate::model::On;

    /// Construction from a graph position: crate-private, because the
    /// module is private and [`Pos`] cannot be named outside the crate.
    pub trait Sealed<'g>: Sized {
        /// The handle for the node at `ix` in the view at `at` (`None`:
        /// the graph as it is now), when it is of this kind.
        fn from_index_at(graph: &'g GovGraph, ix: Pos, at: Option<On>) -> Option<Self>;

        /// The handle for the node at `ix`, in the graph as it is now.
        fn from_index(graph: &'g GovGraph, ix: Pos) -> Option<Self> {
            Self::from_index_at(graph, ix, None)
        }
    }
}

use sealed::Sealed as _;

macro_rules! handle {
    ($(#[$doc:meta])* $name:ident, $ty:ident, $id:ident, $variant:ident, $getter:ident, $by_slug:ident) => {
        $(#[$doc])*
        ///
        /// A handle is `Copy`: it holds a reference to the graph, the
        /// node's place and the date of the view it was reached in (none:
        /// the graph as it is now; see [`GovGraph::as_of`]), and
        /// dereferences to the node's data (read only when asked for, so a
        /// walk that only counts or collects ids never touches the nodes'
        /// records).
        #[derive(Clone, Copy)]
        pub struct $name<'g> {
            pub(super) graph: &'g GovGraph,
            pub(super) ix: Pos,
            pub(super) at: Option<On>,
        }

        impl<'g> $name<'g> {
            /// The node's id.
            pub fn id(self) -> $id {
                $id::from_raw(self.ix.raw())
            }

            /// The node's data, borrowed for the graph's lifetime.
            pub fn data(self) -> &'g $ty {
                match self.graph.node_at(self.ix) {
                    Node::$variant(data) => data,
                    // Handles are made only for nodes of their kind
                    // (checked, or guaranteed by the relation that led
                    // here), and nodes never change kind or go away.
                    _ => unreachable!("a handle names a node of its own kind"),
                }
            }

            /// A handle for a node known to be of this kind (reached by a
            /// relation that only joins this kind), without reading it.
            #[allow(dead_code, reason = "not every kind is reached this way")]
            pub(crate) fn from_trusted(graph: &'g GovGraph, ix: Pos, at: Option<On>) -> Self {
                Self { graph, ix, at }
            }

            /// The date of the view this handle belongs to: `None` for the
            /// graph as it is now (links still in force), `Some` for an
            /// [`as_of`](GovGraph::as_of) view, whose walks see only what
            /// was in force on that date.
            pub fn at(self) -> Option<On> {
                self.at
            }

            /// The same node in the view on `on`: every walk from the
            /// result sees only what was in force then.
            #[must_use]
            pub fn on(self, on: impl Into<On>) -> Self {
                Self { at: Some(on.into()), ..self }
            }

            /// The same node in the graph as it is now.
            #[must_use]
            pub fn now(self) -> Self {
                Self { at: None, ..self }
            }

            /// The node's slug.
            pub fn slug(self) -> &'g Slug {
                &self.data().slug
            }

            /// A name to show a person, borrowed for the graph's lifetime:
            /// the English label if any, else another label, else the slug
            /// (see [`Node::display_name`]).
            pub fn display_name(self) -> &'g str {
                self.graph.node_at(self.ix).display_name()
            }

            /// The graph the node is in.
            pub fn graph(self) -> &'g GovGraph {
                self.graph
            }

            /// The node as a [`NodeRef`].
            pub fn as_node(self) -> NodeRef<'g> {
                NodeRef::$variant(self)
            }

            /// Nodes this one names as related ("see also"), in graph
            /// order. O(links of this node).
            pub fn related(self) -> Linked<'g, NodeRef<'g>> {
                Linked::out(self.graph, self.ix, self.at, Relation::SeeAlso)
            }
        }

        impl<'g> Handle<'g> for $name<'g> {}

        impl<'g> sealed::Sealed<'g> for $name<'g> {
            fn from_index_at(graph: &'g GovGraph, ix: Pos, at: Option<On>) -> Option<Self> {
                match graph.node_at(ix) {
                    Node::$variant(_) => Some(Self { graph, ix, at }),
                    _ => None,
                }
            }
        }

        impl Deref for $name<'_> {
            type Target = $ty;
            fn deref(&self) -> &$ty {
                self.data()
            }
        }

        impl fmt::Debug for $name<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({}/{})", stringify!($name), NodeKind::$variant.segment(), self.slug())
            }
        }

        impl PartialEq for $name<'_> {
            fn eq(&self, other: &Self) -> bool {
                std::ptr::eq(self.graph, other.graph) && self.ix == other.ix
            }
        }

        impl Eq for $name<'_> {}

        impl<'g> From<$name<'g>> for NodeRef<'g> {
            fn from(h: $name<'g>) -> NodeRef<'g> {
                NodeRef::$variant(h)
            }
        }

        /// The handle's id, so that a handle goes wherever an id does
        /// (`g.path(person, body)`).
        impl From<$name<'_>> for $id {
            fn from(h: $name<'_>) -> $id {
                h.id()
            }
        }

        /// The handle's id, as an id of any kind.
        impl From<$name<'_>> for NodeId {
            fn from(h: $name<'_>) -> NodeId {
                NodeId::$variant(h.id())
            }
        }

        impl GovGraph {
            /// The handle for `id`, or `None` when it is not in this graph.
            /// O(1).
            pub fn $getter(&self, id: $id) -> Option<$name<'_>> {
                let ix = self.index_of(id.into())?;
                $name::from_index(self, ix)
            }

            /// The handle for the node of this kind with `slug`, or `None`.
            /// O(1) expected.
            pub fn $by_slug(&self, slug: &str) -> Option<$name<'_>> {
                let id = self.id_by_slug(NodeKind::$variant, slug)?;
                self.node(id).and_then(|n| match n {
                    NodeRef::$variant(h) => Some(h),
                    _ => None,
                })
            }
        }
    };
}

handle!(
    /// An organization in a graph.
    ///
    /// ```
    /// let g = govgraph::datasets::general_office();
    /// let office = g.org_by_slug("general-office-of-the-state-council").expect("in the dataset");
    /// assert_eq!(office.parent().map(|p| p.slug().as_str()), Some("state-council"));
    /// ```
    OrgRef, Organization, OrgId, Organization, org, org_by_slug
);
handle!(
    /// A post in a graph.
    PostRef, Post, PostId, Post, post, post_by_slug
);
handle!(
    /// A person in a graph.
    PersonRef, Person, PersonId, Person, person, person_by_slug
);
handle!(
    /// A jurisdiction in a graph.
    JurisdictionRef, Jurisdiction, JurisdictionId, Jurisdiction, jurisdiction, jurisdiction_by_slug
);
handle!(
    /// A site in a graph.
    SiteRef, Site, SiteId, Site, site, site_by_slug
);
handle!(
    /// A place in a graph.
    PlaceRef, Place, PlaceId, Place, place, place_by_slug
);
handle!(
    /// A function in a graph.
    FunctionRef, Function, FunctionId, Function, function, function_by_slug
);
handle!(
    /// A website in a graph.
    WebsiteRef, Website, WebsiteId, Website, website, website_by_slug
);
handle!(
    /// A category in a graph.
    CategoryRef, Category, CategoryId, Category, category, category_by_slug
);
handle!(
    /// A tenure in a graph.
    TenureRef, Tenure, TenureId, Tenure, tenure, tenure_by_slug
);
handle!(
    /// A reorganization event in a graph.
    EventRef, Event, EventId, Event, event, event_by_slug
);

impl<'g> OrgRef<'g> {
    pub(crate) fn index(self) -> Pos {
        self.ix
    }

    /// The body this one is a sub-organization of: now, the parent link
    /// still in force, O(1); in an [`as_of`](GovGraph::as_of) view, the
    /// one in force on its date ([`parent_on`](Self::parent_on)).
    #[inline]
    pub fn parent(self) -> Option<OrgRef<'g>> {
        match self.at {
            // Only organizations are linked as parents.
            None => Some(OrgRef::from_trusted(
                self.graph,
                self.graph.parent_of(self.ix)?,
                None,
            )),
            Some(on) => self.parent_at(on),
        }
    }

    /// The body this one was a sub-organization of on `on` (certainly, or
    /// possibly for [`On::possibly`]), if that body existed then; the
    /// answer is a handle in the view on `on`. The graph keeps one parent
    /// at a time, so there is at most one answer for a certain date; for a
    /// possible one, the earliest-linked match. O(1) for a body that never had
    /// a dated parent link (the graph's parent cache answers); else O(log k)
    /// for its k parent links once the graph's time index is built (see
    /// [`GovGraph::prepare_queries`](crate::GovGraph::prepare_queries)), and
    /// O(the body's links) before.
    ///
    /// ```
    /// use govgraph::{GovGraph, Interval, Organization, OrgKind, Relation, Slug};
    /// let mut g = GovGraph::new();
    /// let org = |s: &str| Organization::new(Slug::new(s).unwrap(), OrgKind::Agency, s);
    /// let (a, b, c) = (g.insert_org(org("a"))?, g.insert_org(org("b"))?, g.insert_org(org("c"))?);
    /// g.link_during(a, Relation::SubOrganizationOf, b,
    ///     Interval::new().with_start("1954-09".parse()?).with_end("1998-03".parse()?))?;
    /// g.link_during(a, Relation::SubOrganizationOf, c, Interval::since("1998-03".parse()?))?;
    /// let a = g.org(a).ok_or("just added")?;
    /// let on = |s: &str| s.parse::<govgraph::PartialDate>();
    /// assert_eq!(a.parent_on(on("1970")?).map(|p| p.slug().as_str()), Some("b"));
    /// assert_eq!(a.parent_on(on("2000-01-01")?).map(|p| p.slug().as_str()), Some("c"));
    /// assert_eq!(a.parent_on(on("1998-03")?), None, "March 1998 is only possible for either");
    /// assert_eq!(a.parent_on(on("1950")?), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parent_on(self, on: impl Into<On>) -> Option<OrgRef<'g>> {
        self.parent_at(on.into())
    }

    /// [`parent_on`](Self::parent_on), kept out of line so that the
    /// undated [`parent`](Self::parent), the hot step of every ancestor
    /// walk, stays small enough to inline.
    #[inline(never)]
    fn parent_at(self, on: On) -> Option<OrgRef<'g>> {
        if !self.graph.may_have_dated_parent(self.ix) {
            // Its only parent link, if any, is undated: in force on every
            // date, so the cached parent answers when it existed then.
            let p = self.graph.parent_of(self.ix)?;
            return self
                .graph
                .node_live(p, Some(on))
                .then(|| OrgRef::from_trusted(self.graph, p, Some(on)));
        }
        // A body that moved: its parent links in time order, from the
        // graph's time index once it is built (`GovGraph::prepare_queries`).
        if let Some(index) = self.graph.succession() {
            let p = index.parent_on(self.graph, self.ix, on)?;
            return Some(OrgRef::from_trusted(self.graph, p, Some(on)));
        }
        let mut found: Option<Pos> = None;
        for (p, during) in self.graph.links_from(self.ix, Relation::SubOrganizationOf) {
            // Links are listed newest first: keep the last found, the
            // earliest made.
            if during.holds(on) && self.graph.node_live(p, Some(on)) {
                found = Some(p);
            }
        }
        Some(OrgRef::from_trusted(self.graph, found?, Some(on)))
    }

    /// The direct sub-organizations, in graph order.
    /// O(links of this node) to start, O(1) per step.
    pub fn sub_organizations(self) -> Linked<'g, OrgRef<'g>> {
        Linked::inc(self.graph, self.ix, self.at, Relation::SubOrganizationOf)
    }

    /// The parent, its parent, and so on to the root: nearest first.
    /// Iterative; O(1) per step and O(1) memory.
    pub fn ancestors(self) -> Ancestors<'g> {
        Ancestors::new(self)
    }

    /// Every body below this one, breadth-first, each with its depth (1 for
    /// a direct sub-organization); siblings in graph order.
    /// Iterative; O(1) amortised per step, memory O(the widest level).
    pub fn descendants(self) -> Descendants<'g> {
        Descendants::new(self)
    }

    /// The posts in this body, in graph order.
    pub fn posts(self) -> Linked<'g, PostRef<'g>> {
        Linked::inc(self.graph, self.ix, self.at, Relation::PostIn)
    }

    /// The posts that lead this body ([`Post::heads`]), in graph order.
    pub fn head_posts(self) -> impl Iterator<Item = PostRef<'g>> + 'g {
        self.posts().filter(|p| p.heads)
    }

    /// The heads: now, persons holding a head post with no recorded end;
    /// in an [`as_of`](GovGraph::as_of) view, those whose tenure was in
    /// force on its date ([`heads_on`](Self::heads_on)). Post by post in
    /// graph order, then tenure by tenure in time order.
    /// O(posts + their tenures).
    pub fn heads(self) -> impl Iterator<Item = PersonRef<'g>> + 'g {
        let now = self.at.is_none();
        self.head_posts()
            .flat_map(PostRef::tenures)
            .filter(move |t| !now || t.is_current())
            .filter_map(TenureRef::person)
    }

    /// The jurisdictions this body's authority covers, in graph order.
    pub fn jurisdictions(self) -> Linked<'g, JurisdictionRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::HasJurisdiction)
    }

    /// The first jurisdiction, if any.
    pub fn jurisdiction(self) -> Option<JurisdictionRef<'g>> {
        self.jurisdictions().next()
    }

    /// The jurisdictions this body governs.
    pub fn governs(self) -> Linked<'g, JurisdictionRef<'g>> {
        Linked::inc(self.graph, self.ix, self.at, Relation::GoverningBody)
    }

    /// The headquarters. O(links of this node).
    pub fn headquarters(self) -> Option<SiteRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::PrimarySite).next()
    }

    /// The functions, in their listed order ([`Function::position`]).
    /// O(f log f) to start for f functions, O(1) per step.
    pub fn functions(self) -> Linked<'g, FunctionRef<'g>> {
        let mut l: Linked<'g, FunctionRef<'g>> =
            Linked::out(self.graph, self.ix, self.at, Relation::HasFunction);
        l.sort_by_key(|g, ix| match g.node_at(ix) {
            Node::Function(f) => f.position,
            _ => 0,
        });
        l
    }

    /// The sub-organizations that are institutions
    /// ([`OrgKind::Institution`]), in graph order.
    pub fn affiliated_institutions(self) -> impl Iterator<Item = OrgRef<'g>> + 'g {
        self.sub_organizations()
            .filter(|o| o.kind == OrgKind::Institution)
    }

    /// The categories (body types, groups) this body is classified under.
    pub fn categories(self) -> Linked<'g, CategoryRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::Classification)
    }

    /// Websites that are this body's official site.
    pub fn official_websites(self) -> Linked<'g, WebsiteRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::OfficialWebsite)
    }

    /// Websites this body publishes (runs).
    pub fn published_websites(self) -> Linked<'g, WebsiteRef<'g>> {
        Linked::inc(self.graph, self.ix, self.at, Relation::PublishedBy)
    }

    /// The bodies this one replaces.
    pub fn replaces(self) -> Linked<'g, OrgRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::Replaces)
    }

    /// The bodies that replace this one.
    pub fn replaced_by(self) -> Linked<'g, OrgRef<'g>> {
        Linked::inc(self.graph, self.ix, self.at, Relation::Replaces)
    }
}

impl<'g> PostRef<'g> {
    /// The organization the post is in.
    pub fn organization(self) -> Option<OrgRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::PostIn).next()
    }

    /// The posts this one replaces (a post that took over another's role,
    /// such as the State Council's Secretary-General after the Government
    /// Administration Council's). O(the post's links).
    ///
    /// ```
    /// let g = govgraph::datasets::general_office();
    /// let sg = g.post_by_slug("secretary-general-of-the-state-council").ok_or("in the dataset")?;
    /// let older: Vec<_> = sg.replaces().map(|p| p.slug().as_str()).collect();
    /// assert_eq!(older, ["secretary-general-of-the-government-administration-council"]);
    /// let back: Vec<_> = sg.replaces().flat_map(|p| p.replaced_by()).map(|p| p.id()).collect();
    /// assert_eq!(back, [sg.id()]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replaces(self) -> Linked<'g, PostRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::Replaces)
    }

    /// The posts that replace this one. O(the post's links).
    pub fn replaced_by(self) -> Linked<'g, PostRef<'g>> {
        Linked::inc(self.graph, self.ix, self.at, Relation::Replaces)
    }

    /// The tenures of this post in time order: by when they may have
    /// begun (a tenure with no recorded start first), ties in the order
    /// they were recorded. In an [`as_of`](GovGraph::as_of) view, only
    /// those in force on its date. O(k log k) for k tenures to start.
    pub fn tenures(self) -> Linked<'g, TenureRef<'g>> {
        let mut l = Linked::inc(self.graph, self.ix, self.at, Relation::TenureOf);
        l.sort_by_key(|g, ix| g.node_at(ix).lifetime().sort_key());
        l
    }

    /// Everyone recorded as holding this post, past or present, in the
    /// time order of their tenures (a person appointed twice appears
    /// twice).
    pub fn holders(self) -> impl Iterator<Item = PersonRef<'g>> + 'g {
        self.tenures().filter_map(TenureRef::person)
    }

    /// The post's rank.
    pub fn rank(self) -> Option<CategoryRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::Rank).next()
    }
}

impl<'g> PersonRef<'g> {
    /// This person's tenures, in the order they were recorded.
    pub fn tenures(self) -> Linked<'g, TenureRef<'g>> {
        Linked::inc(self.graph, self.ix, self.at, Relation::Holder)
    }

    /// The posts this person holds or held, in the order recorded.
    pub fn posts(self) -> impl Iterator<Item = PostRef<'g>> + 'g {
        self.tenures().filter_map(TenureRef::post)
    }
}

impl<'g> TenureRef<'g> {
    /// The person holding the post.
    pub fn person(self) -> Option<PersonRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::Holder).next()
    }

    /// The post held.
    pub fn post(self) -> Option<PostRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::TenureOf).next()
    }
}

impl<'g> EventRef<'g> {
    /// The bodies the event changed, as they were before it, in graph
    /// order.
    pub fn originals(self) -> Linked<'g, OrgRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::OriginalOrganization)
    }

    /// The bodies the event gave, as they were after it, in graph order.
    pub fn results(self) -> Linked<'g, OrgRef<'g>> {
        Linked::out(
            self.graph,
            self.ix,
            self.at,
            Relation::ResultingOrganization,
        )
    }
}

impl<'g> JurisdictionRef<'g> {
    /// The bodies that govern this jurisdiction.
    pub fn governing_bodies(self) -> Linked<'g, OrgRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::GoverningBody)
    }

    /// The places this jurisdiction covers.
    pub fn territory(self) -> Linked<'g, PlaceRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::Territory)
    }

    /// The bodies whose authority covers this jurisdiction.
    pub fn organizations(self) -> Linked<'g, OrgRef<'g>> {
        Linked::inc(self.graph, self.ix, self.at, Relation::HasJurisdiction)
    }
}

impl<'g> SiteRef<'g> {
    /// The places the site lies in, in graph order.
    pub fn places(self) -> Linked<'g, PlaceRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::ContainedIn)
    }

    /// The bodies headquartered here.
    pub fn organizations(self) -> Linked<'g, OrgRef<'g>> {
        Linked::inc(self.graph, self.ix, self.at, Relation::PrimarySite)
    }
}

impl<'g> PlaceRef<'g> {
    /// The places this one lies in, in graph order.
    pub fn contained_in(self) -> Linked<'g, PlaceRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::ContainedIn)
    }
}

impl<'g> FunctionRef<'g> {
    /// The organization with this responsibility.
    pub fn organization(self) -> Option<OrgRef<'g>> {
        Linked::inc(self.graph, self.ix, self.at, Relation::HasFunction).next()
    }
}

impl<'g> WebsiteRef<'g> {
    /// The bodies that publish (run) the site.
    pub fn publishers(self) -> Linked<'g, OrgRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::PublishedBy)
    }

    /// The bodies that maintain the site.
    pub fn maintainers(self) -> Linked<'g, OrgRef<'g>> {
        Linked::out(self.graph, self.ix, self.at, Relation::MaintainedBy)
    }

    /// The bodies whose official site this is.
    pub fn official_site_of(self) -> Linked<'g, OrgRef<'g>> {
        Linked::inc(self.graph, self.ix, self.at, Relation::OfficialWebsite)
    }
}

impl<'g> CategoryRef<'g> {
    /// The organizations classified under this category and the posts of
    /// this rank, in graph order. O(links of this node) to start.
    pub fn members(self) -> Linked<'g, NodeRef<'g>> {
        Linked::inc_any(
            self.graph,
            self.ix,
            self.at,
            &[Relation::Classification, Relation::Rank],
        )
    }
}

/// A handle to a node of any kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NodeRef<'g> {
    /// An organization.
    Organization(OrgRef<'g>),
    /// A post.
    Post(PostRef<'g>),
    /// A person.
    Person(PersonRef<'g>),
    /// A jurisdiction.
    Jurisdiction(JurisdictionRef<'g>),
    /// A site.
    Site(SiteRef<'g>),
    /// A place.
    Place(PlaceRef<'g>),
    /// A function.
    Function(FunctionRef<'g>),
    /// A website.
    Website(WebsiteRef<'g>),
    /// A category.
    Category(CategoryRef<'g>),
    /// A tenure.
    Tenure(TenureRef<'g>),
    /// An event.
    Event(EventRef<'g>),
}

macro_rules! each_ref {
    ($self:expr, $h:ident => $e:expr) => {
        match $self {
            NodeRef::Organization($h) => $e,
            NodeRef::Post($h) => $e,
            NodeRef::Person($h) => $e,
            NodeRef::Jurisdiction($h) => $e,
            NodeRef::Site($h) => $e,
            NodeRef::Place($h) => $e,
            NodeRef::Function($h) => $e,
            NodeRef::Website($h) => $e,
            NodeRef::Category($h) => $e,
            NodeRef::Tenure($h) => $e,
            NodeRef::Event($h) => $e,
        }
    };
}

impl<'g> NodeRef<'g> {
    /// The node's id.
    pub fn id(self) -> NodeId {
        each_ref!(self, h => h.id().into())
    }

    /// The node's kind.
    pub fn kind(self) -> NodeKind {
        self.id().kind()
    }

    /// The node's slug.
    pub fn slug(self) -> &'g Slug {
        each_ref!(self, h => h.slug())
    }

    /// The graph the node is in.
    pub fn graph(self) -> &'g GovGraph {
        each_ref!(self, h => h.graph)
    }

    /// The node's data.
    pub fn node(self) -> &'g Node {
        let (g, ix) = each_ref!(self, h => (h.graph, h.ix));
        g.node_at(ix)
    }

    /// A name to show a person (see [`Node::display_name`]).
    pub fn display_name(self) -> &'g str {
        self.node().display_name()
    }

    /// Nodes this one names as related ("see also"), in graph order.
    pub fn related(self) -> Linked<'g, NodeRef<'g>> {
        each_ref!(self, h => h.related())
    }

    pub(crate) fn index(self) -> Pos {
        each_ref!(self, h => h.ix)
    }

    /// The organization, if this is one.
    pub fn as_org(self) -> Option<OrgRef<'g>> {
        match self {
            NodeRef::Organization(h) => Some(h),
            _ => None,
        }
    }

    /// The post, if this is one.
    pub fn as_post(self) -> Option<PostRef<'g>> {
        match self {
            NodeRef::Post(h) => Some(h),
            _ => None,
        }
    }

    /// The person, if this is one.
    pub fn as_person(self) -> Option<PersonRef<'g>> {
        match self {
            NodeRef::Person(h) => Some(h),
            _ => None,
        }
    }
}

/// The handle's id.
impl From<NodeRef<'_>> for NodeId {
    fn from(h: NodeRef<'_>) -> NodeId {
        h.id()
    }
}

impl fmt::Display for NodeRef<'_> {
    /// `kind/slug`, the node's key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.kind().segment(), self.slug())
    }
}

impl<'g> Handle<'g> for NodeRef<'g> {}

impl<'g> sealed::Sealed<'g> for NodeRef<'g> {
    fn from_index_at(graph: &'g GovGraph, ix: Pos, at: Option<On>) -> Option<Self> {
        Some(match graph.node_at(ix) {
            Node::Organization(_) => NodeRef::Organization(OrgRef { graph, ix, at }),
            Node::Post(_) => NodeRef::Post(PostRef { graph, ix, at }),
            Node::Person(_) => NodeRef::Person(PersonRef { graph, ix, at }),
            Node::Jurisdiction(_) => NodeRef::Jurisdiction(JurisdictionRef { graph, ix, at }),
            Node::Site(_) => NodeRef::Site(SiteRef { graph, ix, at }),
            Node::Place(_) => NodeRef::Place(PlaceRef { graph, ix, at }),
            Node::Function(_) => NodeRef::Function(FunctionRef { graph, ix, at }),
            Node::Website(_) => NodeRef::Website(WebsiteRef { graph, ix, at }),
            Node::Category(_) => NodeRef::Category(CategoryRef { graph, ix, at }),
            Node::Tenure(_) => NodeRef::Tenure(TenureRef { graph, ix, at }),
            Node::Event(_) => NodeRef::Event(EventRef { graph, ix, at }),
        })
    }
}

impl GovGraph {
    /// The handle for any node id, or `None` when it is not in this graph.
    /// O(1).
    pub fn node(&self, id: impl Into<NodeId>) -> Option<NodeRef<'_>> {
        let ix = self.index_of(id.into())?;
        NodeRef::from_index(self, ix)
    }

    /// Every node with `slug`, whatever its kind, in kind order. O(kinds).
    pub fn find_slug(&self, slug: &str) -> impl Iterator<Item = NodeRef<'_>> + '_ {
        let slug = Slug::new(slug).ok();
        NodeKind::ALL
            .into_iter()
            .filter_map(move |k| self.id_by_slug(k, slug.as_ref()?.as_str()))
            .filter_map(move |id| self.node(id))
    }

    /// Every node with a label (preferred or alternate, in any language, or
    /// a site's address) equal to `text`, in insertion order. Latin script,
    /// and any other script with case, matches without regard to case;
    /// Chinese matches exactly; surrounding white space is ignored.
    /// O(1) expected to start, O(1) per match.
    ///
    /// ```
    /// let g = govgraph::datasets::general_office();
    /// let hits: Vec<_> = g.find_by_label("general office of the state council").collect();
    /// assert_eq!(hits.len(), 1);
    /// assert_eq!(g.find_by_label("中华人民共和国国务院办公厅").next(), hits.first().copied());
    /// ```
    pub fn find_by_label<'g>(&'g self, text: &str) -> Linked<'g, NodeRef<'g>> {
        Linked::from_vec(self, self.label_matches(text), None)
    }

    /// Every organization, in insertion order.
    pub fn orgs(&self) -> impl Iterator<Item = OrgRef<'_>> + '_ {
        self.positions()
            .filter_map(move |ix| OrgRef::from_index(self, ix))
    }

    /// Organizations with no parent, in insertion order: the roots of the
    /// hierarchy. O(nodes).
    pub fn root_orgs(&self) -> impl Iterator<Item = OrgRef<'_>> + '_ {
        self.orgs().filter(|o| o.parent().is_none())
    }

    /// Every node as a handle, in insertion order.
    pub fn node_refs(&self) -> impl Iterator<Item = NodeRef<'_>> + '_ {
        self.positions()
            .filter_map(move |ix| NodeRef::from_index(self, ix))
    }
}
