//! [`GovGraph`]: the typed graph, its insertion API and its validation.

use std::collections::{HashMap, HashSet};

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
    Annotation, Category, CategoryId, Function, FunctionId, Jurisdiction, JurisdictionId, Node,
    NodeId, NodeKind, OrgId, Organization, Person, PersonId, Place, PlaceId, Post, PostId,
    Relation, Site, SiteId, Slug, Statement, Tenure, TenureId, Website, WebsiteId, label_key,
};

/// Why the graph refused an insertion or a link.
///
/// Every message names the nodes involved by kind and slug.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GraphError {
    /// A node of the same kind already has this slug.
    #[error("{kind} slug `{slug}` is already in the graph")]
    DuplicateSlug {
        /// The kind of the node.
        kind: NodeKind,
        /// The slug both share.
        slug: Slug,
    },
    /// The relation cannot join nodes of these kinds.
    #[error("{relation} cannot link kind {from} to kind {to}")]
    WrongKinds {
        /// The relation asked for.
        relation: Relation,
        /// The kind of the source node.
        from: NodeKind,
        /// The kind of the target node.
        to: NodeKind,
    },
    /// The link would close a cycle in a relation that must stay acyclic
    /// (the organization hierarchy, place containment, replacement).
    #[error("linking {kind} `{from}` {relation} `{to}` would close a cycle")]
    Cycle {
        /// The relation.
        relation: Relation,
        /// The kind of both nodes.
        kind: NodeKind,
        /// The source node's slug.
        from: Slug,
        /// The target node's slug.
        to: Slug,
    },
    /// A node linked to itself.
    #[error("{kind} `{slug}` cannot be linked {relation} itself")]
    SelfLink {
        /// The relation.
        relation: Relation,
        /// The node's kind.
        kind: NodeKind,
        /// The node's slug.
        slug: Slug,
    },
    /// The same link is already there.
    #[error("{from_kind} `{from}` is already linked {relation} {to_kind} `{to}`")]
    DuplicateLink {
        /// The relation.
        relation: Relation,
        /// The source node's kind.
        from_kind: NodeKind,
        /// The source node's slug.
        from: Slug,
        /// The target node's kind.
        to_kind: NodeKind,
        /// The target node's slug.
        to: Slug,
    },
    /// The source node already has its one allowed link of this relation
    /// (a second parent, a post in a second organization, a second
    /// headquarters).
    #[error("{kind} `{slug}` already has its one {relation} link, to `{existing}`")]
    AlreadyLinked {
        /// The relation.
        relation: Relation,
        /// The source node's kind.
        kind: NodeKind,
        /// The source node's slug.
        slug: Slug,
        /// The slug of the node it already links to.
        existing: Slug,
    },
    /// The target node already has its one allowed incoming link of this
    /// relation (a function owned by a second organization).
    #[error("{kind} `{slug}` already has its one incoming {relation} link, from `{existing}`")]
    AlreadyLinkedIn {
        /// The relation.
        relation: Relation,
        /// The target node's kind.
        kind: NodeKind,
        /// The target node's slug.
        slug: Slug,
        /// The slug of the node already linking to it.
        existing: Slug,
    },
    /// The id does not name a node of its kind in this graph (it came from
    /// another graph).
    #[error("no {kind} with id {index} in this graph")]
    UnknownId {
        /// The kind the id is for.
        kind: NodeKind,
        /// The id's raw index.
        index: u32,
    },
    /// A node ends before it begins (a tenure's end before its start, a
    /// body dissolved before it was formed).
    #[error("{kind} `{slug}` ends ({end}) before it begins ({start})")]
    EndsBeforeStart {
        /// The node's kind.
        kind: NodeKind,
        /// The node's slug.
        slug: Slug,
        /// The beginning.
        start: crate::model::PartialDate,
        /// The end.
        end: crate::model::PartialDate,
    },
    /// The id names a node that was removed from this graph.
    #[error("{kind} `{slug}` was removed from this graph")]
    Removed {
        /// The kind of the removed node.
        kind: NodeKind,
        /// The slug it had.
        slug: Slug,
    },
    /// The tenure has already ended.
    #[error("{kind} `{slug}` already ended ({end})")]
    AlreadyEnded {
        /// The node's kind.
        kind: NodeKind,
        /// The node's slug.
        slug: Slug,
        /// When it ended.
        end: crate::model::PartialDate,
    },
    /// There is no such link to remove.
    #[error("{from_kind} `{from}` is not linked {relation} {to_kind} `{to}`")]
    NoSuchLink {
        /// The relation.
        relation: Relation,
        /// The source node's kind.
        from_kind: NodeKind,
        /// The source node's slug.
        from: Slug,
        /// The target node's kind.
        to_kind: NodeKind,
        /// The target node's slug.
        to: Slug,
    },
    /// The graph holds as many nodes or links as its indices can count.
    #[error("the graph is full: it holds at most {max} nodes and {max} links")]
    Full {
        /// The limit.
        max: u32,
    },
    /// An annotation or statement RDF cannot write as given.
    #[error("cannot keep this annotation or statement: {0}")]
    BadValue(Box<crate::model::ValueError>),
}

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
    graph: StableDiGraph<(), Relation, u32>,
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
    /// Removed nodes, one bit a position (empty while none is): their
    /// records stay, so that a stale id reports what it named, but no
    /// look-up, walk or export sees them. See [`GovGraph::remove`].
    removed: Vec<u64>,
    /// How many bits of `removed` are set.
    removed_count: usize,
}

/// No parent, in [`GovGraph::parents`].
const NO_PARENT: u32 = u32::MAX;

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
            removed: Vec::new(),
            removed_count: 0,
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
        if self.graph.node_count() >= MAX_ELEMENTS as usize {
            return Err(GraphError::Full { max: MAX_ELEMENTS });
        }
        let slug_hash = self.slugs.hash(&(kind, node.slug().as_str()));
        let label_hashes = self.label_hashes(&node);
        node.shrink_to_fit();
        let ix = Pos::of(self.graph.add_node(()));
        self.data.push(node);
        self.parents.push(NO_PARENT);
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
    /// assert_eq!(g[first].start, Some(start));
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
        if self.linked(a, relation, b) {
            return Err(GraphError::DuplicateLink {
                relation,
                from_kind: from.kind(),
                from: self.slug_at(a).clone(),
                to_kind: to.kind(),
                to: self.slug_at(b).clone(),
            });
        }
        if relation.is_single() {
            if let Some(existing) = self.out(a, relation).next() {
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
        if relation.is_acyclic() && self.reaches(b, a, relation) {
            return Err(GraphError::Cycle {
                relation,
                kind: from.kind(),
                from: self.slug_at(a).clone(),
                to: self.slug_at(b).clone(),
            });
        }
        if self.graph.edge_count() >= MAX_ELEMENTS as usize {
            return Err(GraphError::Full { max: MAX_ELEMENTS });
        }
        self.graph.add_edge(a.ix(), b.ix(), relation);
        if relation == Relation::SubOrganizationOf {
            if let Some(slot) = self.parents.get_mut(a.index()) {
                *slot = b.raw();
            }
        }
        Ok(())
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
    /// made. O(1) per step.
    pub fn links(&self) -> impl ExactSizeIterator<Item = (NodeId, Relation, NodeId)> + '_ {
        let n = self.graph.edge_count();
        ExactLen(
            self.graph.edge_indices().filter_map(move |e| {
                let (a, b) = self.graph.edge_endpoints(e)?;
                Some((
                    self.id_at(Pos::of(a)),
                    self.graph[e],
                    self.id_at(Pos::of(b)),
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

    /// Targets of `ix`'s outgoing `rel` links, newest first. O(out-degree).
    pub(crate) fn out(&self, ix: Pos, rel: Relation) -> impl Iterator<Item = Pos> + '_ {
        self.graph
            .edges_directed(ix.ix(), Direction::Outgoing)
            .filter(move |e| *e.weight() == rel)
            .map(|e| Pos::of(e.target()))
    }

    /// Sources of `ix`'s incoming `rel` links, newest first. O(in-degree).
    pub(crate) fn inc(&self, ix: Pos, rel: Relation) -> impl Iterator<Item = Pos> + '_ {
        self.graph
            .edges_directed(ix.ix(), Direction::Incoming)
            .filter(move |e| *e.weight() == rel)
            .map(|e| Pos::of(e.source()))
    }

    /// Every link touching `ix` as `(relation, other end, true when ix is
    /// the source)`, newest first within each direction, outgoing first.
    pub(crate) fn touching(&self, ix: Pos) -> impl Iterator<Item = (Relation, Pos, bool)> + '_ {
        self.graph
            .edges_directed(ix.ix(), Direction::Outgoing)
            .map(|e| (*e.weight(), Pos::of(e.target()), true))
            .chain(
                self.graph
                    .edges_directed(ix.ix(), Direction::Incoming)
                    .map(|e| (*e.weight(), Pos::of(e.source()), false)),
            )
    }

    /// The label index's hashes of a node's names (a site's address).
    fn label_hashes(&self, node: &Node) -> Vec<u32> {
        match node {
            Node::Site(s) => vec![self.labels.hash(&label_key(&s.label))],
            other => other
                .labels()
                .map(|l| l.texts().map(|t| self.labels.hash(&label_key(t))).collect())
                .unwrap_or_default(),
        }
    }

    /// Removes the `rel` link from `a` to `b`; false when there is none.
    /// Keeps the parent cache. O(links of `a`).
    fn remove_link_at(&mut self, a: Pos, rel: Relation, b: Pos) -> bool {
        let edge = self
            .graph
            .edges_connecting(a.ix(), b.ix())
            .find(|e| *e.weight() == rel)
            .map(|e| e.id());
        let Some(edge) = edge else { return false };
        self.graph.remove_edge(edge);
        if rel == Relation::SubOrganizationOf {
            if let Some(slot) = self.parents.get_mut(a.index()) {
                *slot = NO_PARENT;
            }
        }
        true
    }

    /// Removes every link touching `ix`, keeping the parent cache.
    /// Each link costs O(the links of its two ends) (petgraph unlinks it
    /// from both ends' lists).
    fn detach(&mut self, ix: Pos) {
        let edges: Vec<_> = self
            .graph
            .edges_directed(ix.ix(), Direction::Outgoing)
            .chain(self.graph.edges_directed(ix.ix(), Direction::Incoming))
            .map(|e| (e.id(), *e.weight(), Pos::of(e.source())))
            .collect();
        for (edge, rel, source) in edges {
            self.graph.remove_edge(edge);
            if rel == Relation::SubOrganizationOf {
                if let Some(slot) = self.parents.get_mut(source.index()) {
                    *slot = NO_PARENT;
                }
            }
        }
    }

    /// Nodes whose labels match `text` under [`label_key`], in insertion
    /// order. O(1) expected.
    pub(crate) fn label_matches(&self, text: &str) -> Vec<Pos> {
        let key = label_key(text);
        let h = self.labels.hash(&key);
        self.labels
            .get(h)
            .iter()
            .map(|&p| Pos::from_raw(p))
            .filter(|&ix| match &self.data[ix.index()] {
                Node::Site(s) => has_key(&s.label, &key),
                n => n
                    .labels()
                    .is_some_and(|l| l.texts().any(|t| has_key(t, &key))),
            })
            .collect()
    }

    /// True when `a` already links to `b` by `rel`. Walks `a`'s outgoing and
    /// `b`'s incoming links in step and stops when either list ends, so the
    /// cost is O(the smaller degree): adding the thousandth function to a
    /// body checks the new function's empty list, not the body's long one.
    fn linked(&self, a: Pos, rel: Relation, b: Pos) -> bool {
        let mut outs = self.graph.edges_directed(a.ix(), Direction::Outgoing);
        let mut ins = self.graph.edges_directed(b.ix(), Direction::Incoming);
        loop {
            match outs.next() {
                None => return false,
                Some(e) if *e.weight() == rel && Pos::of(e.target()) == b => return true,
                Some(_) => {}
            }
            match ins.next() {
                None => return false,
                Some(e) if *e.weight() == rel && Pos::of(e.source()) == a => return true,
                Some(_) => {}
            }
        }
    }

    /// True when following `rel` links forward from `start` reaches `goal`.
    /// Free when `goal` has nothing linking to it by `rel`.
    fn reaches(&self, start: Pos, goal: Pos, rel: Relation) -> bool {
        if self.inc(goal, rel).next().is_none() {
            return false;
        }
        let mut seen = HashSet::new();
        let mut stack = vec![start];
        while let Some(n) = stack.pop() {
            if n == goal {
                return true;
            }
            if seen.insert(n) {
                stack.extend(self.out(n, rel));
            }
        }
        false
    }
}

/// Checks what a node's own data must satisfy, whatever it is linked to:
/// every span begins before it ends. Insertion and editing both call it.
fn check_node(node: &Node) -> Result<(), GraphError> {
    let span = match node {
        Node::Organization(o) => o.founded.zip(o.details().dissolved),
        Node::Tenure(t) => t.start.zip(t.end),
        _ => None,
    };
    if let Some((start, end)) = span {
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

impl PartialEq for GovGraph {
    /// Equal nodes in the same order, the same set of links, the same
    /// annotations on each node and the same statements.
    fn eq(&self, other: &Self) -> bool {
        /// The links by the rank of their ends among the nodes that are
        /// not removed, so that a graph with removed nodes equals the same
        /// graph built (or read back) without them.
        fn sorted_links(g: &GovGraph) -> Vec<(u32, Relation, u32)> {
            let rank: Option<Vec<u32>> = (g.removed_count > 0).then(|| {
                let mut rank = vec![u32::MAX; g.position_bound()];
                for (r, ix) in (0..).zip(g.positions()) {
                    rank[ix.index()] = r;
                }
                rank
            });
            let at = |id: NodeId| rank.as_ref().map_or(id.raw(), |r| r[id.raw() as usize]);
            let mut v: Vec<_> = g.links().map(|(a, r, b)| (at(a), r, at(b))).collect();
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
        let unique: HashSet<&String> = slugs.iter().collect();
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
