//! [`GovGraph`]: the typed graph, its insertion API and its validation.
//!
//! Long (over 800 lines) on purpose: this file is the wall around petgraph.
//! Every line that names a petgraph type is here, so an upgrade or a change
//! of representation is a local edit; the editing API, the errors and the
//! dated links live in `graph/`.

use std::collections::HashMap;

mod error;
mod succession;
mod time;

pub use error::{DatedCycle, GraphError};

use crate::index::HashIndex;
use std::ops::Index;

mod edit;
pub use edit::TypedId;

use petgraph::Direction;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;

/// A node's place in the graph. This is the only thing that crosses the
/// wall around petgraph: the rest of the crate walks the graph through
/// `Pos` and the accessors below, and never names a petgraph type, so a
/// change of petgraph (or of its representation) is an edit to this file.
///
/// The type is public only so that the sealed handle trait can mention it;
/// its module is private, so no caller outside the crate can name it, make
/// one or pass one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pos(u32);

impl Pos {
    /// The position with this raw number (an id's [`raw`](crate::NodeId)).
    pub(crate) const fn from_raw(raw: u32) -> Self {
        Pos(raw)
    }

    /// The raw number, as ids carry it.
    pub(crate) const fn raw(self) -> u32 {
        self.0
    }

    /// The position as an index into per-node arrays.
    pub(crate) const fn index(self) -> usize {
        self.0 as usize
    }

    fn ix(self) -> NodeIndex<u32> {
        NodeIndex::new(self.index())
    }

    fn of(ix: NodeIndex<u32>) -> Self {
        // Indices are created from u32 and the graph refuses to grow past
        // u32::MAX - 1 nodes, so this never truncates.
        Pos(u32::try_from(ix.index()).unwrap_or(u32::MAX))
    }
}

use crate::model::{
    Annotation, Category, CategoryId, Event, EventId, Function, FunctionId, Interval, Jurisdiction,
    JurisdictionId, LabelKey, Labels, Node, NodeId, NodeKind, On, OrgId, Organization, Person,
    PersonId, Place, PlaceId, Post, PostId, Relation, Site, SiteId, Slug, Statement, Tenure,
    TenureId, Website, WebsiteId, Window, label_key,
};

/// The most nodes (and links) a graph holds.
const MAX_ELEMENTS: u32 = crate::index::MAX_POSITION;

/// An embedded, typed graph of government organizations: bodies, posts,
/// persons, jurisdictions, sites, places, functions, websites, categories
/// and tenures, joined by [`Relation`]s.
///
/// Nodes are inserted with the `insert_*` methods (a free node) and the
/// `add_*` methods (a node linked to its owner in one step), and joined with
/// [`link`](GovGraph::link). Every insertion is validated: slugs are unique
/// per kind, links join the kinds their relation allows, single links stay
/// single, and hierarchies stay acyclic. Nodes are changed with
/// [`edit`](GovGraph::edit) (checked and re-indexed the same way), links
/// removed with [`unlink`](GovGraph::unlink), tenures ended with
/// [`end_tenure`](GovGraph::end_tenure) and nodes removed with
/// [`remove`](GovGraph::remove); a refused change leaves the graph as it
/// was. Ids are never reused: a removed node's id reports
/// [`GraphError::Removed`].
///
/// Every walk lists a node's neighbours in *graph order*: the order in which
/// those neighbours were inserted into the graph, whatever order the links
/// were made in. Graph order survives every round trip (JSON, RDF), because
/// it is the order of the nodes themselves.
///
/// Two graphs are equal when they hold equal nodes in the same order, the
/// same set of links, the same annotations on each node and the same
/// statements.
///
/// ```
/// use govgraph::{GovGraph, Organization, OrgKind, Post, Person, Slug, Tenure};
///
/// let mut g = GovGraph::new();
/// let council = g.insert_org(Organization::new(
///     Slug::new("state-council")?, OrgKind::GoverningBody, "State Council"))?;
/// let office = g.add_sub_org(council, Organization::new(
///     Slug::new("general-office")?, OrgKind::Agency, "General Office"))?;
/// let post = g.add_post(office, Post::new(Slug::new("secretary-general")?, "Secretary-General").head())?;
/// let wu = g.insert_person(Person::new(Slug::new("wu-zhenglong")?, "Wu Zhenglong"))?;
/// g.appoint(wu, post, Tenure::new(Slug::new("wu-zhenglong-secretary-general")?))?;
///
/// assert_eq!(g[office].labels.english(), Some("General Office"));
/// assert!(g.insert_org(Organization::new(
///     Slug::new("general-office")?, OrgKind::Agency, "Again")).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct GovGraph {
    /// The topology: links between node positions. Node records live in
    /// `data`, not as petgraph weights, so that walking links touches only
    /// petgraph's small per-node entries (8 bytes) and not the records
    /// (112 bytes): a breadth-first walk over a large graph is several
    /// times faster for it.
    ///
    /// A *stable* graph: links can be removed ([`GovGraph::unlink`],
    /// [`GovGraph::remove`]), and a stable graph keeps every other link's
    /// index, so `links()` keeps the order the links were made in. Nodes
    /// are never removed from it (a removed node is marked in `removed`
    /// and loses its links), so positions are never reused.
    graph: StableDiGraph<(), Edge, u32>,
    /// Node records by position (positions are petgraph's indices; a
    /// removed node's record stays).
    data: Vec<Node>,
    /// Nodes by a hash of (kind, slug); see [`HashIndex`].
    slugs: HashIndex,
    /// Nodes by a hash of each label's [`label_key`].
    labels: HashIndex,
    annotations: HashMap<Pos, Vec<Annotation>>,
    statements: Vec<Statement>,
    /// Each node's parent organization ([`NO_PARENT`] for none), by node
    /// position: the hierarchy is walked far more than it changes, and four
    /// bytes a node make a hop one array read instead of a scan of the
    /// node's links.
    parents: Vec<u32>,
    /// The intervals of dated links and of nodes with a lifetime, indexed
    /// by [`Edge::during`] and `lifetimes`.
    intervals: Vec<Interval>,
    /// Each node's lifetime in `intervals` ([`TIMELESS`] for none): a
    /// body's founding to its dissolution, a post's formation to its
    /// abolition, a tenure's start to its end. A dated walk reads it per
    /// node without touching the node's record.
    lifetimes: Vec<u32>,
    /// Removed nodes, one bit a position (empty while none is): their
    /// records stay, so that a stale id reports what it named, but no
    /// look-up, walk or export sees them. See [`GovGraph::remove`].
    removed: Vec<u64>,
    /// How many bits of `removed` are set.
    removed_count: usize,
    /// Nodes that have (or once had) a dated parent link, one bit a
    /// position (empty while none has): a dated parent query on any other
    /// node answers from `parents` in O(1) instead of scanning its links.
    /// A bit is never cleared; a set bit only sends the query to the scan,
    /// which is always right.
    dated_parents: Vec<u64>,
    /// Each post's tenures in time order, built on demand and dropped by
    /// any change to tenures, holders or lifetimes (see `succession.rs`).
    succession: succession::SuccessionCache,
}

/// No parent, in [`GovGraph::parents`].
const NO_PARENT: u32 = u32::MAX;

/// No interval: a timeless link or node.
const TIMELESS: u32 = u32::MAX;

/// A link's weight: its relation, and its interval in
/// [`GovGraph::intervals`] ([`TIMELESS`] for an undated link). Eight bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edge {
    rel: Relation,
    during: u32,
}

macro_rules! typed_insert {
    ($(#[$doc:meta])* $name:ident, $ty:ident, $id:ident, $variant:ident) => {
        $(#[$doc])*
        ///
        /// # Errors
        /// [`GraphError::DuplicateSlug`] when a node of this kind already has
        /// its slug; [`GraphError::Full`] when the graph is full.
        pub fn $name(&mut self, node: $ty) -> Result<$id, GraphError> {
            match self.insert(node.into())? {
                NodeId::$variant(id) => Ok(id),
                _ => unreachable!("insert returns an id of the node's own kind"),
            }
        }
    };
}

impl GovGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty graph with room for `nodes` nodes and `links` links.
    pub fn with_capacity(nodes: usize, links: usize) -> Self {
        Self {
            graph: StableDiGraph::with_capacity(nodes, links),
            data: Vec::with_capacity(nodes),
            slugs: HashIndex::with_capacity(nodes),
            labels: HashIndex::with_capacity(nodes),
            annotations: HashMap::new(),
            statements: Vec::new(),
            parents: Vec::with_capacity(nodes),
            intervals: Vec::new(),
            lifetimes: Vec::with_capacity(nodes),
            removed: Vec::new(),
            removed_count: 0,
            dated_parents: Vec::new(),
            succession: succession::SuccessionCache::default(),
        }
    }

    /// How many nodes the graph holds (removed nodes not counted).
    pub fn node_count(&self) -> usize {
        self.graph.node_count() - self.removed_count
    }

    /// How many links the graph holds.
    pub fn link_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// True when the graph has no node.
    pub fn is_empty(&self) -> bool {
        self.node_count() == 0
    }

    /// Inserts a node of any kind, unlinked.
    ///
    /// # Errors
    /// [`GraphError::DuplicateSlug`] when a node of this kind already has
    /// its slug; [`GraphError::Full`] when the graph is full.
    pub fn insert(&mut self, mut node: Node) -> Result<NodeId, GraphError> {
        let kind = node.kind();
        if self.slug_position(kind, node.slug().as_str()).is_some() {
            return Err(GraphError::DuplicateSlug {
                kind,
                slug: node.slug().clone(),
            });
        }
        check_node(&node)?;
        normalize(&mut node);
        let lifetime = node.lifetime();
        if self.graph.node_count() >= MAX_ELEMENTS as usize {
            return Err(GraphError::Full { max: MAX_ELEMENTS });
        }
        let slug_hash = self.slugs.hash(&(kind, node.slug().as_str()));
        let label_hashes = self.label_hashes(&node);
        node.shrink_to_fit();
        let ix = Pos::of(self.graph.add_node(()));
        self.data.push(node);
        self.parents.push(NO_PARENT);
        let life = self.lifetime_slot(kind, lifetime);
        self.lifetimes.push(life);
        self.slugs.insert(slug_hash, ix.raw());
        for h in label_hashes {
            self.labels.insert(h, ix.raw());
        }
        Ok(NodeId::from_raw(kind, ix.raw()))
    }

    typed_insert!(
        /// Inserts an organization with no parent.
        insert_org, Organization, OrgId, Organization
    );
    typed_insert!(
        /// Inserts a post that belongs to no organization (yet).
        insert_post, Post, PostId, Post
    );
    typed_insert!(
        /// Inserts a person.
        insert_person, Person, PersonId, Person
    );
    typed_insert!(
        /// Inserts a jurisdiction.
        insert_jurisdiction, Jurisdiction, JurisdictionId, Jurisdiction
    );
    typed_insert!(
        /// Inserts a site that is no body's headquarters (yet).
        insert_site, Site, SiteId, Site
    );
    typed_insert!(
        /// Inserts a place.
        insert_place, Place, PlaceId, Place
    );
    typed_insert!(
        /// Inserts a website.
        insert_website, Website, WebsiteId, Website
    );
    typed_insert!(
        /// Inserts a category.
        insert_category, Category, CategoryId, Category
    );

    /// Inserts an organization as a sub-organization of `parent`.
    ///
    /// # Errors
    /// As [`insert_org`](Self::insert_org), and [`GraphError::UnknownId`]
    /// when `parent` is not in this graph (then nothing is inserted).
    pub fn add_sub_org(&mut self, parent: OrgId, org: Organization) -> Result<OrgId, GraphError> {
        self.check(parent.into())?;
        let id = self.insert_org(org)?;
        self.link(id, Relation::SubOrganizationOf, parent)?;
        Ok(id)
    }

    /// Inserts a post in `org`.
    ///
    /// # Errors
    /// As [`insert_post`](Self::insert_post), and [`GraphError::UnknownId`]
    /// when `org` is not in this graph (then nothing is inserted).
    pub fn add_post(&mut self, org: OrgId, post: Post) -> Result<PostId, GraphError> {
        self.check(org.into())?;
        let id = self.insert_post(post)?;
        self.link(id, Relation::PostIn, org)?;
        Ok(id)
    }

    /// Inserts `site` as the headquarters of `org`.
    ///
    /// # Errors
    /// [`GraphError::AlreadyLinked`] when `org` already has a headquarters,
    /// [`GraphError::UnknownId`] when `org` is not in this graph (in both
    /// cases nothing is inserted), and as [`insert_site`](Self::insert_site).
    pub fn add_headquarters(&mut self, org: OrgId, site: Site) -> Result<SiteId, GraphError> {
        let ix = self.check(org.into())?;
        if let Some(existing) = self.out(ix, Relation::PrimarySite).next() {
            return Err(GraphError::AlreadyLinked {
                relation: Relation::PrimarySite,
                kind: NodeKind::Organization,
                slug: self.slug_at(ix).clone(),
                existing: self.slug_at(existing).clone(),
            });
        }
        let id = self.insert_site(site)?;
        self.link(org, Relation::PrimarySite, id)?;
        Ok(id)
    }

    /// Appends a function to `org`'s list, numbering it one after the last
    /// (its [`position`](Function::position) is overwritten).
    ///
    /// # Errors
    /// As [`insert`](Self::insert), and [`GraphError::UnknownId`] when `org`
    /// is not in this graph (then nothing is inserted).
    pub fn add_function(
        &mut self,
        org: OrgId,
        mut function: Function,
    ) -> Result<FunctionId, GraphError> {
        let ix = self.check(org.into())?;
        let last = self
            .out(ix, Relation::HasFunction)
            .filter_map(|f| match &self.data[f.index()] {
                Node::Function(f) => Some(f.position),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        function.position = last.saturating_add(1);
        let NodeId::Function(id) = self.insert(function.into())? else {
            unreachable!("insert returns an id of the node's own kind")
        };
        self.link(org, Relation::HasFunction, id)?;
        Ok(id)
    }

    /// Records that `person` holds `post`: inserts the tenure and links it
    /// to both.
    ///
    /// # Errors
    /// [`GraphError::UnknownId`] when `person` or `post` is not in this graph
    /// (then nothing is inserted), and as [`insert`](Self::insert).
    pub fn appoint(
        &mut self,
        person: PersonId,
        post: PostId,
        tenure: Tenure,
    ) -> Result<TenureId, GraphError> {
        self.check(person.into())?;
        self.check(post.into())?;
        let NodeId::Tenure(id) = self.insert(tenure.into())? else {
            unreachable!("insert returns an id of the node's own kind")
        };
        self.link(id, Relation::Holder, person)?;
        self.link(id, Relation::TenureOf, post)?;
        Ok(id)
    }

    /// Records that `person` holds `post`, as [`appoint`](Self::appoint)
    /// does, under a slug the graph makes: `tenure` is given a tenure with
    /// that slug and no dates, and returns it with whatever it should carry
    /// (dates, sources).
    ///
    /// The slug is `<person slug>-<post slug>`, cut to the
    /// [slug limit](crate::MAX_SLUG_LEN) at a character boundary (trailing
    /// hyphens dropped); when a tenure already has it, `-2`, `-3`, … is
    /// appended (the first number free), the base cut so that the whole
    /// fits. It depends only on the slugs already in the graph, so the same
    /// calls on the same graph give the same slugs, and it never collides.
    /// Cost: O(1) expected, plus one look-up per number tried.
    ///
    /// ```
    /// use govgraph::{GovGraph, Organization, OrgKind, Person, Post, Slug};
    /// let mut g = GovGraph::new();
    /// let body = g.insert_org(Organization::new(Slug::new("council")?, OrgKind::GoverningBody, "Council"))?;
    /// let chair = g.add_post(body, Post::new(Slug::new("chair")?, "Chair").head())?;
    /// let ada = g.insert_person(Person::new(Slug::new("ada")?, "Ada"))?;
    /// let start = "2020-01".parse()?;
    /// let first = g.appoint_minted(ada, chair, |t| t.with_start(start))?;
    /// let again = g.appoint_minted(ada, chair, |t| t)?;
    /// assert_eq!(g[first].slug.as_str(), "ada-chair");
    /// assert_eq!(g[first].start_date(), Some(start));
    /// assert_eq!(g[again].slug.as_str(), "ada-chair-2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`appoint`](Self::appoint); [`GraphError::DuplicateSlug`] only
    /// when `tenure` changes the slug to one already taken.
    pub fn appoint_minted(
        &mut self,
        person: PersonId,
        post: PostId,
        tenure: impl FnOnce(Tenure) -> Tenure,
    ) -> Result<TenureId, GraphError> {
        let a = self.check(person.into())?;
        let b = self.check(post.into())?;
        let base = format!("{}-{}", self.slug_at(a), self.slug_at(b));
        let mut slug = fitted(&base, "");
        let mut n: u64 = 2;
        while self.slug_position(NodeKind::Tenure, &slug).is_some() {
            slug = fitted(&base, &format!("-{n}"));
            n += 1;
        }
        let Ok(slug) = Slug::new(slug) else {
            unreachable!("a cut of two joined slugs, plus -n, is a slug")
        };
        self.appoint(person, post, tenure(Tenure::new(slug)))
    }

    /// Links `from` to `to` by `relation`, after checking that the relation
    /// joins these kinds, that the link is new, that a single link stays
    /// single and that an acyclic relation stays acyclic.
    ///
    /// Cost: O(links of `from`) for the checks, plus, for the acyclic
    /// relations when `from` already has nodes below it, a walk up from `to`
    /// (O(depth) for the organization hierarchy). Linking a fresh node under
    /// an existing one never walks.
    ///
    /// ```
    /// use govgraph::{GovGraph, Organization, OrgKind, Relation, Slug};
    /// let mut g = GovGraph::new();
    /// let a = g.insert_org(Organization::new(Slug::new("a")?, OrgKind::Agency, "A"))?;
    /// let b = g.insert_org(Organization::new(Slug::new("b")?, OrgKind::Agency, "B"))?;
    /// g.link(a, Relation::SubOrganizationOf, b)?;
    /// let err = g.link(b, Relation::SubOrganizationOf, a).unwrap_err();
    /// assert_eq!(err.to_string(), "linking organization `b` sub_organization_of `a` would close a cycle");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`GraphError::UnknownId`], [`GraphError::WrongKinds`],
    /// [`GraphError::SelfLink`], [`GraphError::DuplicateLink`],
    /// [`GraphError::AlreadyLinked`], [`GraphError::AlreadyLinkedIn`],
    /// [`GraphError::Cycle`] or [`GraphError::Full`], as their names say.
    pub fn link(
        &mut self,
        from: impl Into<NodeId>,
        relation: Relation,
        to: impl Into<NodeId>,
    ) -> Result<(), GraphError> {
        self.link_during(from, relation, to, Interval::new())
    }

    /// Links `from` to `to` by `relation` for the period `during`: a dated
    /// link (a body's parent from 1954 to 1998, a post's body since 2023).
    /// A timeless interval makes an undated link, as [`link`](Self::link).
    ///
    /// Only the relations [`Relation::is_dated`] names take dates. For
    /// them, "one link" means one *at a time*: a body may have several
    /// parents over the years, but two parent links may not surely overlap
    /// (see [`Interval::conflicts`]), and at most one is still in force. An
    /// acyclic relation stays acyclic *on every date*: a link is refused
    /// when it closes a cycle whose links are all surely in force on some
    /// common days, and the error names those days and the nodes.
    ///
    /// Cost: as [`link`](Self::link); the cycle walk follows only links
    /// whose interval shares days with the path so far.
    ///
    /// ```
    /// use govgraph::{GovGraph, Interval, Organization, OrgKind, Relation, Slug};
    /// let mut g = GovGraph::new();
    /// let org = |s: &str| Organization::new(Slug::new(s).unwrap(), OrgKind::Agency, s);
    /// let (a, b, c) = (g.insert_org(org("a"))?, g.insert_org(org("b"))?, g.insert_org(org("c"))?);
    /// let d = |s: &str| s.parse::<govgraph::PartialDate>().unwrap();
    /// g.link_during(a, Relation::SubOrganizationOf, b, Interval::new().with_end(d("1998")))?;
    /// g.link_during(a, Relation::SubOrganizationOf, c, Interval::since(d("1998")))?;
    /// assert_eq!(g.org(a).and_then(|o| o.parent()).map(|p| p.slug().as_str()), Some("c"));
    /// // b under a "since 1990" while a was under b until 1998: surely both
    /// // from the last day 1990 may mean until the first day 1998 may mean.
    /// let err = g
    ///     .link_during(b, Relation::SubOrganizationOf, a, Interval::since(d("1990")))
    ///     .unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "linking organization `b` sub_organization_of `a` during since 1990 would close \
    ///      a cycle through `a` and `b` on every day from 1990-12-31 until 1998-01-01"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`link`](Self::link), and [`GraphError::NotDated`] for dates on a
    /// timeless relation, [`GraphError::LinkEndsBeforeStart`] for an
    /// interval that ends before it begins, [`GraphError::CycleOnDate`] for
    /// a cycle on some dates.
    #[expect(
        clippy::too_many_lines,
        reason = "one check after another, each with the error that names its fault"
    )]
    pub fn link_during(
        &mut self,
        from: impl Into<NodeId>,
        relation: Relation,
        to: impl Into<NodeId>,
        during: Interval,
    ) -> Result<(), GraphError> {
        let (from, to) = (from.into(), to.into());
        let a = self.check(from)?;
        let b = self.check(to)?;
        if !relation.allows(from.kind(), to.kind()) {
            return Err(GraphError::WrongKinds {
                relation,
                from: from.kind(),
                to: to.kind(),
            });
        }
        if a == b {
            return Err(GraphError::SelfLink {
                relation,
                kind: from.kind(),
                slug: self.slug_at(a).clone(),
            });
        }
        if !during.is_timeless() && !relation.is_dated() {
            return Err(GraphError::NotDated {
                relation,
                from: self.slug_at(a).clone(),
                to: self.slug_at(b).clone(),
                during,
            });
        }
        if let (Some(start), Some(end)) = (during.start_date(), during.end_date()) {
            if during.is_inverted() {
                return Err(GraphError::LinkEndsBeforeStart {
                    relation,
                    kind: from.kind(),
                    from: self.slug_at(a).clone(),
                    to: self.slug_at(b).clone(),
                    start,
                    end,
                });
            }
        }
        if self.linked(a, relation, b, &during) {
            return Err(GraphError::DuplicateLink {
                relation,
                from_kind: from.kind(),
                from: self.slug_at(a).clone(),
                to_kind: to.kind(),
                to: self.slug_at(b).clone(),
            });
        }
        if relation.is_single() {
            if let Some((existing, _)) = self
                .links_from(a, relation)
                .find(|(_, i)| i.conflicts(&during))
            {
                return Err(GraphError::AlreadyLinked {
                    relation,
                    kind: from.kind(),
                    slug: self.slug_at(a).clone(),
                    existing: self.slug_at(existing).clone(),
                });
            }
        }
        if relation.is_single_in() {
            if let Some(existing) = self.inc(b, relation).next() {
                return Err(GraphError::AlreadyLinkedIn {
                    relation,
                    kind: to.kind(),
                    slug: self.slug_at(b).clone(),
                    existing: self.slug_at(existing).clone(),
                });
            }
        }
        if relation.is_acyclic() {
            if let Some((path, window)) = self.cycle(b, a, relation, during.certain_window()) {
                return Err(if window.is_all() && during.is_timeless() {
                    GraphError::Cycle {
                        relation,
                        kind: from.kind(),
                        from: self.slug_at(a).clone(),
                        to: self.slug_at(b).clone(),
                    }
                } else {
                    GraphError::CycleOnDate(Box::new(DatedCycle {
                        relation,
                        kind: from.kind(),
                        from: self.slug_at(a).clone(),
                        to: self.slug_at(b).clone(),
                        during,
                        through: path.iter().map(|&p| self.slug_at(p).clone()).collect(),
                        on_from: window.first(),
                        on_until: window.until(),
                    }))
                });
            }
        }
        if self.graph.edge_count() >= MAX_ELEMENTS as usize {
            return Err(GraphError::Full { max: MAX_ELEMENTS });
        }
        let index = if during.is_timeless() {
            TIMELESS
        } else {
            self.push_interval(during)
        };
        self.graph.add_edge(
            a.ix(),
            b.ix(),
            Edge {
                rel: relation,
                during: index,
            },
        );
        if matches!(
            relation,
            Relation::TenureOf | Relation::Holder | Relation::SubOrganizationOf
        ) {
            self.drop_succession();
        }
        if relation == Relation::SubOrganizationOf {
            if during.is_current() {
                if let Some(slot) = self.parents.get_mut(a.index()) {
                    *slot = b.raw();
                }
            }
            if !during.is_timeless() {
                self.mark_dated_parent(a);
            }
        }
        Ok(())
    }

    /// Stores an interval and gives its index; the graph is full long
    /// before the intervals are.
    fn push_interval(&mut self, during: Interval) -> u32 {
        let index = u32::try_from(self.intervals.len()).unwrap_or(TIMELESS);
        self.intervals.push(during);
        index
    }

    /// Attaches an [`Annotation`] (a property the model has no field for) to
    /// a node. Annotations keep the order they were added in.
    ///
    /// # Errors
    /// [`GraphError::UnknownId`] when `id` is not in this graph;
    /// [`GraphError::BadValue`] when the annotation does not
    /// [check](Annotation::check).
    pub fn annotate(
        &mut self,
        id: impl Into<NodeId>,
        annotation: Annotation,
    ) -> Result<(), GraphError> {
        let ix = self.check(id.into())?;
        annotation
            .check()
            .map_err(|e| GraphError::BadValue(Box::new(e)))?;
        self.annotations.entry(ix).or_default().push(annotation);
        Ok(())
    }

    /// The annotations of a node, in the order they were added (empty for an
    /// id not in this graph).
    pub fn annotations(&self, id: impl Into<NodeId>) -> &[Annotation] {
        self.index_of(id.into())
            .and_then(|ix| self.annotations.get(&ix))
            .map_or(&[], Vec::as_slice)
    }

    /// Keeps a [`Statement`] about a resource that is not a node.
    ///
    /// # Errors
    /// [`GraphError::BadValue`] when the statement does not
    /// [check](Statement::check).
    pub fn add_statement(&mut self, statement: Statement) -> Result<(), GraphError> {
        statement
            .check()
            .map_err(|e| GraphError::BadValue(Box::new(e)))?;
        self.statements.push(statement);
        Ok(())
    }

    /// The statements about resources that are not nodes, in the order they
    /// were added.
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    pub(crate) fn annotations_at(&self, ix: Pos) -> &[Annotation] {
        self.annotations.get(&ix).map_or(&[], Vec::as_slice)
    }

    /// The node an id names, if it is in this graph (and not removed).
    pub fn get(&self, id: impl Into<NodeId>) -> Option<&Node> {
        let ix = self.check(id.into()).ok()?;
        Some(&self.data[ix.index()])
    }

    /// The id of the node of `kind` with `slug`. O(1) expected.
    pub fn id_by_slug(&self, kind: NodeKind, slug: &str) -> Option<NodeId> {
        self.slug_position(kind, slug)
            .map(|ix| NodeId::from_raw(kind, ix.raw()))
    }

    fn slug_position(&self, kind: NodeKind, slug: &str) -> Option<Pos> {
        let h = self.slugs.hash(&(kind, slug));
        self.slugs
            .get(h)
            .iter()
            .map(|&p| Pos::from_raw(p))
            .find(|&ix| {
                let n = &self.data[ix.index()];
                n.kind() == kind && n.slug().as_str() == slug
            })
    }

    /// Every node's position, in insertion order, removed nodes left out.
    /// O(1) per step (amortised over removed nodes).
    pub(crate) fn positions(&self) -> impl ExactSizeIterator<Item = Pos> + '_ {
        let n = u32::try_from(self.data.len()).unwrap_or(u32::MAX);
        ExactLen(
            (0..n).map(Pos::from_raw).filter(|&ix| !self.is_removed(ix)),
            self.node_count(),
        )
    }

    /// One more than the highest position ever handed out: the length of
    /// an array indexed by position (removed positions included).
    pub(crate) fn position_bound(&self) -> usize {
        self.data.len()
    }

    /// True when the node at `ix` was removed.
    pub(crate) fn is_removed(&self, ix: Pos) -> bool {
        self.removed
            .get(ix.index() / 64)
            .is_some_and(|w| w & (1 << (ix.index() % 64)) != 0)
    }

    /// Every node with its id, in insertion order. O(1) per step.
    pub fn nodes(&self) -> impl ExactSizeIterator<Item = (NodeId, &Node)> + '_ {
        let ids = self.positions();
        let n = self.node_count();
        ExactLen(
            ids.map(move |ix| {
                let node = &self.data[ix.index()];
                (NodeId::from_raw(node.kind(), ix.raw()), node)
            }),
            n,
        )
    }

    /// Every link as `(from, relation, to)`, in the order the links were
    /// made, dated or not, in force or ended. O(1) per step.
    pub fn links(&self) -> impl ExactSizeIterator<Item = (NodeId, Relation, NodeId)> + '_ {
        self.links_during().map(|(a, r, b, _)| (a, r, b))
    }

    /// Every link as `(from, relation, to, during)`, in the order the links
    /// were made; an undated link has the timeless interval
    /// ([`Interval::new`]). O(1) per step.
    ///
    /// ```
    /// use govgraph::{GovGraph, Interval, Organization, OrgKind, Relation, Slug};
    /// let mut g = GovGraph::new();
    /// let a = g.insert_org(Organization::new(Slug::new("a")?, OrgKind::Agency, "A"))?;
    /// let b = g.insert_org(Organization::new(Slug::new("b")?, OrgKind::Agency, "B"))?;
    /// let until = Interval::new().with_end("1998".parse()?);
    /// g.link_during(a, Relation::SubOrganizationOf, b, until)?;
    /// let (_, _, _, during) = g.links_during().next().ok_or("one link")?;
    /// assert_eq!(during, until);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn links_during(
        &self,
    ) -> impl ExactSizeIterator<Item = (NodeId, Relation, NodeId, Interval)> + '_ {
        let n = self.graph.edge_count();
        ExactLen(
            self.graph.edge_indices().filter_map(move |e| {
                let (a, b) = self.graph.edge_endpoints(e)?;
                let edge = self.graph[e];
                Some((
                    self.id_at(Pos::of(a)),
                    edge.rel,
                    self.id_at(Pos::of(b)),
                    self.interval(edge.during),
                ))
            }),
            n,
        )
    }

    // ---- crate-internal adjacency, used by traverse/ and rdf/ ----

    /// Checks that `id` names a node of its kind here.
    pub(crate) fn check(&self, id: NodeId) -> Result<Pos, GraphError> {
        let ix = Pos::from_raw(id.raw());
        match self.data.get(ix.index()) {
            Some(n) if n.kind() == id.kind() && self.is_removed(ix) => Err(GraphError::Removed {
                kind: id.kind(),
                slug: n.slug().clone(),
            }),
            Some(n) if n.kind() == id.kind() => Ok(ix),
            _ => Err(GraphError::UnknownId {
                kind: id.kind(),
                index: id.raw(),
            }),
        }
    }

    pub(crate) fn index_of(&self, id: NodeId) -> Option<Pos> {
        self.check(id).ok()
    }

    pub(crate) fn id_at(&self, ix: Pos) -> NodeId {
        NodeId::from_raw(self.data[ix.index()].kind(), ix.raw())
    }

    pub(crate) fn node_at(&self, ix: Pos) -> &Node {
        &self.data[ix.index()]
    }

    pub(crate) fn slug_at(&self, ix: Pos) -> &Slug {
        self.data[ix.index()].slug()
    }

    /// The parent organization of `ix`. O(1).
    pub(crate) fn parent_of(&self, ix: Pos) -> Option<Pos> {
        self.parents
            .get(ix.index())
            .filter(|&&p| p != NO_PARENT)
            .map(|&p| Pos::from_raw(p))
    }

    /// True when `ix` may have a dated parent link; false means every
    /// parent link it has is undated, so [`parent_of`](Self::parent_of) is
    /// its parent on every date. O(1).
    pub(crate) fn may_have_dated_parent(&self, ix: Pos) -> bool {
        self.dated_parents
            .get(ix.index() / 64)
            .is_some_and(|w| w & (1 << (ix.index() % 64)) != 0)
    }

    /// The interval at `index` ([`TIMELESS`] gives the timeless one).
    fn interval(&self, index: u32) -> Interval {
        if index == TIMELESS {
            Interval::new()
        } else {
            self.intervals[index as usize]
        }
    }

    /// True when a link with interval `index` is in force now: undated, or
    /// with no end. The one test an undated walk makes per link.
    #[inline]
    fn in_force(&self, index: u32) -> bool {
        index == TIMELESS || self.intervals[index as usize].is_current()
    }

    /// True when a link with interval `index` counts at `at`: for `None`
    /// ("now"), [`in_force`](Self::in_force); for a date, in force on it
    /// as `at` asks (certainly, or possibly).
    fn live(&self, index: u32, at: Option<On>) -> bool {
        if index == TIMELESS {
            return true;
        }
        let during = &self.intervals[index as usize];
        match at {
            None => during.is_current(),
            Some(on) => during.holds(on),
        }
    }

    /// True when the node at `ix` exists at `at`: always for `None` and
    /// for a node with no lifetime; else its lifetime (a body's founding to
    /// its dissolution, a post's, a tenure's dates) answers `at`. O(1),
    /// without reading the node's record.
    pub(crate) fn node_live(&self, ix: Pos, at: Option<On>) -> bool {
        match (at, self.lifetimes.get(ix.index())) {
            (Some(on), Some(&index)) if index != TIMELESS => {
                self.intervals[index as usize].holds(on)
            }
            _ => true,
        }
    }

    /// Targets of `ix`'s outgoing `rel` links in force now, newest first.
    /// O(out-degree).
    pub(crate) fn out(&self, ix: Pos, rel: Relation) -> impl Iterator<Item = Pos> + '_ {
        self.graph
            .edges_directed(ix.ix(), Direction::Outgoing)
            .filter(move |e| e.weight().rel == rel && self.in_force(e.weight().during))
            .map(|e| Pos::of(e.target()))
    }

    /// Sources of `ix`'s incoming `rel` links in force now, newest first.
    /// O(in-degree).
    pub(crate) fn inc(&self, ix: Pos, rel: Relation) -> impl Iterator<Item = Pos> + '_ {
        self.graph
            .edges_directed(ix.ix(), Direction::Incoming)
            .filter(move |e| e.weight().rel == rel && self.in_force(e.weight().during))
            .map(|e| Pos::of(e.source()))
    }

    /// Targets of `ix`'s outgoing `rel` links that count at `at` (see
    /// [`live`](Self::live)), newest first. O(out-degree).
    pub(crate) fn out_at(
        &self,
        ix: Pos,
        rel: Relation,
        at: Option<On>,
    ) -> impl Iterator<Item = Pos> + '_ {
        self.graph
            .edges_directed(ix.ix(), Direction::Outgoing)
            .filter(move |e| e.weight().rel == rel && self.live(e.weight().during, at))
            .map(|e| Pos::of(e.target()))
    }

    /// Sources of `ix`'s incoming `rel` links that count at `at`, newest
    /// first. O(in-degree).
    pub(crate) fn inc_at(
        &self,
        ix: Pos,
        rel: Relation,
        at: Option<On>,
    ) -> impl Iterator<Item = Pos> + '_ {
        self.graph
            .edges_directed(ix.ix(), Direction::Incoming)
            .filter(move |e| e.weight().rel == rel && self.live(e.weight().during, at))
            .map(|e| Pos::of(e.source()))
    }

    /// Every outgoing `rel` link of `ix`, in force or ended, with its
    /// interval, newest first. O(out-degree).
    pub(crate) fn links_from(
        &self,
        ix: Pos,
        rel: Relation,
    ) -> impl Iterator<Item = (Pos, Interval)> + '_ {
        self.graph
            .edges_directed(ix.ix(), Direction::Outgoing)
            .filter(move |e| e.weight().rel == rel)
            .map(|e| (Pos::of(e.target()), self.interval(e.weight().during)))
    }

    /// Every outgoing link of `ix` as `(relation, target, interval
    /// index)`, newest first. O(out-degree).
    fn out_links(&self, ix: Pos) -> impl Iterator<Item = (Relation, Pos, u32)> + '_ {
        self.graph
            .edges_directed(ix.ix(), Direction::Outgoing)
            .map(|e| (e.weight().rel, Pos::of(e.target()), e.weight().during))
    }

    /// Every outgoing dated link of `ix` (any relation, in force or
    /// ended) as `(relation, target, interval)`, newest first; undated
    /// links are skipped without reading an interval. One pass,
    /// O(out-degree).
    pub(crate) fn dated_out(
        &self,
        ix: Pos,
    ) -> impl Iterator<Item = (Relation, Pos, Interval)> + '_ {
        self.graph
            .edges_directed(ix.ix(), Direction::Outgoing)
            .filter(|e| e.weight().during != TIMELESS)
            .map(|e| {
                let w = e.weight();
                (w.rel, Pos::of(e.target()), self.interval(w.during))
            })
    }

    /// Every incoming `rel` link of `ix`, in force or ended, with its
    /// interval, newest first. O(in-degree).
    pub(crate) fn links_to(
        &self,
        ix: Pos,
        rel: Relation,
    ) -> impl Iterator<Item = (Pos, Interval)> + '_ {
        self.graph
            .edges_directed(ix.ix(), Direction::Incoming)
            .filter(move |e| e.weight().rel == rel)
            .map(|e| (Pos::of(e.source()), self.interval(e.weight().during)))
    }

    /// Every link touching `ix` in force now as `(relation, other end, true
    /// when ix is the source)`, newest first within each direction,
    /// outgoing first.
    pub(crate) fn touching(&self, ix: Pos) -> impl Iterator<Item = (Relation, Pos, bool)> + '_ {
        self.touching_at(ix, None)
    }

    /// As [`touching`](Self::touching), for the links that count at `at`.
    pub(crate) fn touching_at(
        &self,
        ix: Pos,
        at: Option<On>,
    ) -> impl Iterator<Item = (Relation, Pos, bool)> + '_ {
        self.graph
            .edges_directed(ix.ix(), Direction::Outgoing)
            .filter(move |e| self.live(e.weight().during, at))
            .map(|e| (e.weight().rel, Pos::of(e.target()), true))
            .chain(
                self.graph
                    .edges_directed(ix.ix(), Direction::Incoming)
                    .filter(move |e| self.live(e.weight().during, at))
                    .map(|e| (e.weight().rel, Pos::of(e.source()), false)),
            )
    }

    /// The label index's hashes of a node's names: its labels, a body's
    /// dated names, a site's address.
    fn label_hashes(&self, node: &Node) -> Vec<u32> {
        let names = match node {
            Node::Organization(o) => o.details().names.as_slice(),
            _ => &[],
        };
        match node {
            Node::Site(s) => vec![self.labels.hash(&LabelKey(&s.label))],
            other => other
                .labels()
                .into_iter()
                .flat_map(Labels::texts)
                .chain(names.iter().map(|n| n.label.as_str()))
                .map(|t| self.labels.hash(&LabelKey(t)))
                .collect(),
        }
    }

    /// The interval index a node with this lifetime keeps in `lifetimes`:
    /// none for a timeless one or a person (a person's lifetime bounds
    /// nothing a walk follows: their tenures carry their own dates).
    fn lifetime_slot(&mut self, kind: NodeKind, lifetime: Interval) -> u32 {
        if lifetime.is_timeless() || kind == NodeKind::Person {
            TIMELESS
        } else {
            self.push_interval(lifetime)
        }
    }

    /// Sets the lifetime of the node at `ix` after an edit, reusing its
    /// interval slot when it has one.
    fn set_lifetime(&mut self, ix: Pos, kind: NodeKind, lifetime: Interval) {
        self.drop_succession();
        let Some(&slot) = self.lifetimes.get(ix.index()) else {
            return;
        };
        let new = if slot != TIMELESS && !lifetime.is_timeless() && kind != NodeKind::Person {
            self.intervals[slot as usize] = lifetime;
            slot
        } else {
            self.lifetime_slot(kind, lifetime)
        };
        self.lifetimes[ix.index()] = new;
    }

    /// Records that `a` has a dated parent link.
    fn mark_dated_parent(&mut self, a: Pos) {
        let word = a.index() / 64;
        if self.dated_parents.len() <= word {
            self.dated_parents.resize(word + 1, 0);
        }
        self.dated_parents[word] |= 1 << (a.index() % 64);
    }

    /// Points the parent cache of `a` at its parent link in force now, if
    /// any, after one of its parent links changed.
    fn refresh_parent(&mut self, a: Pos) {
        let parent = self
            .out(a, Relation::SubOrganizationOf)
            .next()
            .map_or(NO_PARENT, Pos::raw);
        if let Some(slot) = self.parents.get_mut(a.index()) {
            *slot = parent;
        }
    }

    /// Removes every `rel` link from `a` to `b`, whatever its dates, and
    /// says how many there were. Keeps the parent cache. O(the links of
    /// both ends, per link removed).
    fn remove_links_at(&mut self, a: Pos, rel: Relation, b: Pos) -> usize {
        let edges: Vec<_> = self
            .graph
            .edges_connecting(a.ix(), b.ix())
            .filter(|e| e.weight().rel == rel)
            .map(|e| e.id())
            .collect();
        for &edge in &edges {
            self.graph.remove_edge(edge);
        }
        if matches!(
            rel,
            Relation::TenureOf | Relation::Holder | Relation::SubOrganizationOf
        ) && !edges.is_empty()
        {
            self.drop_succession();
        }
        if rel == Relation::SubOrganizationOf && !edges.is_empty() {
            self.refresh_parent(a);
        }
        edges.len()
    }

    /// Ends on `date` the `rel` link from `a` to `b` that is still in force
    /// (no end recorded): `Ok(true)` when one was ended, `Ok(false)` when
    /// there is none. The new interval is checked first: a refusal changes
    /// nothing. An undated link gets an interval with that end alone.
    fn end_link_at(
        &mut self,
        a: Pos,
        rel: Relation,
        b: Pos,
        date: crate::model::PartialDate,
    ) -> Result<bool, GraphError> {
        let found = self
            .graph
            .edges_connecting(a.ix(), b.ix())
            .find(|e| e.weight().rel == rel && self.interval(e.weight().during).end.is_none())
            .map(|e| (e.id(), e.weight().during));
        let Some((edge, index)) = found else {
            return Ok(false);
        };
        let mut during = self.interval(index);
        during.end = Some(crate::model::Bound::Date(date));
        if let (Some(start), true) = (during.start_date(), during.is_inverted()) {
            return Err(GraphError::LinkEndsBeforeStart {
                relation: rel,
                kind: self.data[a.index()].kind(),
                from: self.slug_at(a).clone(),
                to: self.slug_at(b).clone(),
                start,
                end: date,
            });
        }
        if index == TIMELESS {
            let index = self.push_interval(during);
            if let Some(weight) = self.graph.edge_weight_mut(edge) {
                weight.during = index;
            }
        } else {
            self.intervals[index as usize] = during;
        }
        if matches!(
            rel,
            Relation::TenureOf | Relation::Holder | Relation::SubOrganizationOf
        ) {
            self.drop_succession();
        }
        if rel == Relation::SubOrganizationOf {
            self.mark_dated_parent(a);
            self.refresh_parent(a);
        }
        Ok(true)
    }

    /// Every `rel` link from `a` to `b`, with its interval.
    fn intervals_between(&self, a: Pos, rel: Relation, b: Pos) -> Vec<Interval> {
        self.graph
            .edges_connecting(a.ix(), b.ix())
            .filter(|e| e.weight().rel == rel)
            .map(|e| self.interval(e.weight().during))
            .collect()
    }

    /// Removes every link touching `ix`, keeping the parent cache.
    /// Each link costs O(the links of its two ends) (petgraph unlinks it
    /// from both ends' lists).
    fn detach(&mut self, ix: Pos) {
        let edges: Vec<_> = self
            .graph
            .edges_directed(ix.ix(), Direction::Outgoing)
            .chain(self.graph.edges_directed(ix.ix(), Direction::Incoming))
            .map(|e| (e.id(), e.weight().rel, Pos::of(e.source())))
            .collect();
        if !edges.is_empty() {
            self.drop_succession();
        }
        let mut children = Vec::new();
        for (edge, rel, source) in edges {
            self.graph.remove_edge(edge);
            if rel == Relation::SubOrganizationOf {
                children.push(source);
            }
        }
        for child in children {
            self.refresh_parent(child);
        }
    }

    /// Nodes whose labels match `text` under [`label_key`], in insertion
    /// order. O(1) expected.
    pub(crate) fn label_matches(&self, text: &str) -> Vec<Pos> {
        let key = label_key(text);
        let h = self.labels.hash(&LabelKey(text));
        self.labels
            .get(h)
            .iter()
            .map(|&p| Pos::from_raw(p))
            .filter(|&ix| match &self.data[ix.index()] {
                Node::Site(s) => has_key(&s.label, &key),
                Node::Organization(o) => {
                    o.labels.texts().any(|t| has_key(t, &key))
                        || o.details().names.iter().any(|n| has_key(&n.label, &key))
                }
                n => n
                    .labels()
                    .is_some_and(|l| l.texts().any(|t| has_key(t, &key))),
            })
            .collect()
    }

    /// True when `a` already links to `b` by `rel` over an interval that
    /// [conflicts](Interval::conflicts) with `during` (for undated links:
    /// at all). Walks `a`'s outgoing and `b`'s incoming links in step and
    /// stops when either list ends, so the cost is O(the smaller degree):
    /// adding the thousandth function to a body checks the new function's
    /// empty list, not the body's long one.
    fn linked(&self, a: Pos, rel: Relation, b: Pos, during: &Interval) -> bool {
        let same = |e: &Edge| e.rel == rel && self.interval(e.during).conflicts(during);
        let mut outs = self.graph.edges_directed(a.ix(), Direction::Outgoing);
        let mut ins = self.graph.edges_directed(b.ix(), Direction::Incoming);
        loop {
            match outs.next() {
                None => return false,
                Some(e) if Pos::of(e.target()) == b && same(e.weight()) => return true,
                Some(_) => {}
            }
            match ins.next() {
                None => return false,
                Some(e) if Pos::of(e.source()) == a && same(e.weight()) => return true,
                Some(_) => {}
            }
        }
    }

    /// A path of `rel` links from `start` to `goal` whose links are all
    /// surely in force on some common days within `window`, with those
    /// days; `None` when there is none. Free when nothing links to `goal`
    /// by `rel`; otherwise a walk over what `start` reaches, each node
    /// visited once per distinct window (once, for undated links).
    fn cycle(
        &self,
        start: Pos,
        goal: Pos,
        rel: Relation,
        window: Window,
    ) -> Option<(Vec<Pos>, Window)> {
        self.links_to(goal, rel).next()?;
        let mut came: HashMap<(Pos, Window), Option<(Pos, Window)>> = HashMap::new();
        came.insert((start, window), None);
        let mut stack = vec![(start, window)];
        while let Some((n, w)) = stack.pop() {
            if n == goal {
                let mut path = vec![n];
                let mut at = (n, w);
                while let Some(Some(prev)) = came.get(&at) {
                    path.push(prev.0);
                    at = *prev;
                }
                path.reverse();
                return Some((path, w));
            }
            for (next, during) in self.links_from(n, rel) {
                let Some(nw) = w.intersect(during.certain_window()) else {
                    continue;
                };
                if let std::collections::hash_map::Entry::Vacant(slot) = came.entry((next, nw)) {
                    slot.insert(Some((n, w)));
                    stack.push((next, nw));
                }
            }
        }
        None
    }
}

/// Checks what a node's own data must satisfy, whatever it is linked to:
/// its lifetime, and a body's dated names, begin before they end.
/// Insertion and editing both call it.
fn check_node(node: &Node) -> Result<(), GraphError> {
    let names = match node {
        Node::Organization(o) => o.details().names.as_slice(),
        _ => &[],
    };
    let inverted = std::iter::once(node.lifetime())
        .chain(names.iter().map(|n| n.during))
        .find(Interval::is_inverted)
        .and_then(|i| i.start_date().zip(i.end_date()));
    if let Some((start, end)) = inverted {
        if end.latest() < start.earliest() {
            return Err(GraphError::EndsBeforeStart {
                kind: node.kind(),
                slug: node.slug().clone(),
                start,
                end,
            });
        }
    }
    Ok(())
}

/// `base` cut so that `base` and `suffix` together fit the slug limit, with
/// no hyphen left at the cut, then `suffix`. `base` is two valid slugs
/// joined by a hyphen (ASCII), so the result is a valid slug.
fn fitted(base: &str, suffix: &str) -> String {
    let room = crate::model::MAX_SLUG_LEN.saturating_sub(suffix.len());
    let cut = base[..base.len().min(room)].trim_end_matches('-');
    format!("{cut}{suffix}")
}

/// True when `text`'s [`label_key`] is `key`, without building the key:
/// look-ups check every candidate the hash gives, and a common label can
/// give thousands.
fn has_key(text: &str, key: &str) -> bool {
    let text = text.trim();
    if text.is_ascii() {
        text.len() == key.len()
            && text
                .bytes()
                .zip(key.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        text.chars().flat_map(char::to_lowercase).eq(key.chars())
    }
}

/// An iterator adaptor that knows its exact length.
struct ExactLen<I>(I, usize);

impl<I: Iterator> Iterator for ExactLen<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        let item = self.0.next()?;
        self.1 = self.1.saturating_sub(1);
        Some(item)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.1, Some(self.1))
    }
}

impl<I: Iterator> ExactSizeIterator for ExactLen<I> {}

/// Puts a node in the one form the graph keeps: a body's alternate label
/// that repeats one of its dated names is dropped, the dated name being that
/// name already (so the RDF export, which writes each dated name as
/// `skos:altLabel` too, reads back to the same node).
pub(crate) fn normalize(node: &mut Node) {
    if let Node::Organization(o) = node {
        if o.details().names.is_empty() {
            return;
        }
        let names = o.details().names.clone();
        o.labels
            .drop_alternates(|l| names.iter().any(|n| n.lang == l.lang && n.label == l.text));
    }
}

impl PartialEq for GovGraph {
    /// Equal nodes in the same order, the same set of links, the same
    /// annotations on each node and the same statements.
    fn eq(&self, other: &Self) -> bool {
        /// The links by the rank of their ends among the nodes that are
        /// not removed, so that a graph with removed nodes equals the same
        /// graph built (or read back) without them.
        fn sorted_links(g: &GovGraph) -> Vec<(u32, Relation, u32, Interval)> {
            let rank: Option<Vec<u32>> = (g.removed_count > 0).then(|| {
                let mut rank = vec![u32::MAX; g.position_bound()];
                for (r, ix) in (0..).zip(g.positions()) {
                    rank[ix.index()] = r;
                }
                rank
            });
            let at = |id: NodeId| rank.as_ref().map_or(id.raw(), |r| r[id.raw() as usize]);
            let mut v: Vec<_> = g
                .links_during()
                .map(|(a, r, b, i)| (at(a), r, at(b), i))
                .collect();
            v.sort_unstable();
            v
        }
        self.node_count() == other.node_count()
            && self.link_count() == other.link_count()
            && self.positions().zip(other.positions()).all(|(a, b)| {
                self.node_at(a) == other.node_at(b)
                    && self.annotations_at(a) == other.annotations_at(b)
            })
            && self.statements == other.statements
            && sorted_links(self) == sorted_links(other)
    }
}

impl Eq for GovGraph {}

macro_rules! index_by_id {
    ($($id:ident => $ty:ident),* $(,)?) => {$(
        impl Index<$id> for GovGraph {
            type Output = $ty;

            /// The node `id` names.
            ///
            /// # Panics
            /// When `id` does not name a node of its kind in this graph (an
            /// id from another graph); use [`GovGraph::get`] to ask instead.
            fn index(&self, id: $id) -> &$ty {
                match self.get(id) {
                    Some(node) => match <&$ty>::try_from(node) {
                        Ok(n) => n,
                        Err(e) => panic!("{e}"),
                    },
                    None => panic!(
                        "no {} with id {} in this graph",
                        NodeId::from(id).kind(),
                        id.raw()
                    ),
                }
            }
        }
    )*};
}

index_by_id!(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrgKind;

    fn org(s: &str) -> Organization {
        Organization::new(Slug::new(s).unwrap(), OrgKind::Agency, s)
    }

    #[test]
    fn minted_tenure_slugs_fit_the_limit_and_never_collide() {
        let mut g = GovGraph::new();
        let body = g.insert_org(org("body")).unwrap();
        let long_person = format!("{}-b", "a".repeat(150));
        let long_post = format!("c-{}", "d".repeat(150));
        let post = g
            .add_post(body, Post::new(Slug::new(&long_post).unwrap(), "P"))
            .unwrap();
        let person = g
            .insert_person(Person::new(Slug::new(&long_person).unwrap(), "Q"))
            .unwrap();
        let slugs: Vec<String> = (0..11)
            .map(|_| {
                let t = g.appoint_minted(person, post, |t| t).unwrap();
                g[t].slug.to_string()
            })
            .collect();
        let whole = format!("{long_person}-{long_post}");
        assert_eq!(slugs[0], whole[..200]);
        assert_eq!(slugs[1], format!("{}-2", &whole[..198]));
        assert_eq!(slugs[10], format!("{}-11", &whole[..197]));
        assert!(slugs.iter().all(|s| s.len() <= 200));
        let unique: std::collections::HashSet<&String> = slugs.iter().collect();
        assert_eq!(unique.len(), 11);
        // A slug taken by an explicit tenure is skipped.
        let short = g
            .add_post(body, Post::new(Slug::new("chief").unwrap(), "Chief"))
            .unwrap();
        let p = g
            .insert_person(Person::new(Slug::new("ada").unwrap(), "Ada"))
            .unwrap();
        g.appoint(p, short, Tenure::new(Slug::new("ada-chief").unwrap()))
            .unwrap();
        let t = g.appoint_minted(p, short, |t| t).unwrap();
        assert_eq!(g[t].slug.as_str(), "ada-chief-2");
        // A refused appointment leaves the graph as it was.
        let before = g.clone();
        let foreign = PersonId::from_raw(9_999);
        assert_eq!(
            g.appoint_minted(foreign, short, |t| t)
                .unwrap_err()
                .to_string(),
            "no person with id 9999 in this graph"
        );
        assert_eq!(g, before);
    }

    #[test]
    fn equality_ignores_link_order_but_not_node_order_or_links() {
        let build = |links_reversed: bool| {
            let mut g = GovGraph::new();
            let root = g.insert_org(org("root")).unwrap();
            let a = g.insert_org(org("a")).unwrap();
            let b = g.insert_org(org("b")).unwrap();
            let mut pairs = vec![(a, root), (b, root)];
            if links_reversed {
                pairs.reverse();
            }
            for (child, parent) in pairs {
                g.link(child, Relation::SubOrganizationOf, parent).unwrap();
            }
            g
        };
        let (one, two) = (build(false), build(true));
        assert_eq!(one, two);
        let root = one.org_by_slug("root").unwrap();
        let order = |g: &GovGraph| {
            g.org_by_slug("root")
                .unwrap()
                .sub_organizations()
                .map(|o| o.slug().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(order(&one), order(&two));
        let mut three = build(false);
        let c = three.insert_org(org("c")).unwrap();
        assert_ne!(one, three);
        three.link(c, Relation::SeeAlso, root.id()).unwrap();
        assert_ne!(one, three);
    }
}
