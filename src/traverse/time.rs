//! Time in walks: the [`AsOf`] view, "who held X on D", successions with
//! their vacancies, a body's [`History`] and [`Lineage`].
//!
//! Every query here follows the time semantics of [`Interval`]: half-open
//! intervals, partial dates as the periods they name, and the *certain*
//! answer by default ([`On::date`], what a [`PartialDate`] converts into);
//! pass [`On::possibly`] for everything that may have been in force.

use std::collections::{HashSet, VecDeque};
use std::iter::FusedIterator;

use super::handles::sealed::Sealed as _;
use super::handles::{EventRef, NodeRef, OrgRef, PersonRef, PostRef, TenureRef};
use super::path::RelationPath;
use crate::graph::{GovGraph, Pos};
use crate::model::{
    Bound, DatedName, Interval, NodeId, NodeKind, On, OrgId, PartialDate, PersonId, PostId,
    Relation,
};

/// The graph as it was on a date: made by [`GovGraph::as_of`].
///
/// A view copies nothing: it is the graph and the date. The handles it
/// gives carry the date, and every walk from them — parents, ancestors,
/// sub-organizations, descendants, posts, holders, heads, paths — follows
/// only the links in force on that date, through the nodes that existed
/// then (a body between its founding and dissolution, a post between its
/// formation and abolition, a tenure over its dates). Timeless facts (no
/// dates at all) are in every view.
///
/// ```
/// use govgraph::{GovGraph, Interval, Organization, OrgKind, Relation, Slug};
/// let mut g = GovGraph::new();
/// let org = |s: &str| Organization::new(Slug::new(s).unwrap(), OrgKind::Agency, s);
/// let (a, b, c) = (g.insert_org(org("a"))?, g.insert_org(org("b"))?, g.insert_org(org("c"))?);
/// g.link_during(a, Relation::SubOrganizationOf, b, Interval::new().with_end("1998".parse()?))?;
/// g.link_during(a, Relation::SubOrganizationOf, c, Interval::since("1998".parse()?))?;
///
/// let then = g.as_of("1990-06-01".parse::<govgraph::PartialDate>()?);
/// let kids: Vec<&str> = then.org_by_slug("b").ok_or("b")?
///     .sub_organizations().map(|o| o.slug().as_str()).collect();
/// assert_eq!(kids, ["a"]);
/// // Now, a is under c.
/// assert_eq!(g.org_by_slug("b").ok_or("b")?.sub_organizations().count(), 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct AsOf<'g> {
    graph: &'g GovGraph,
    on: On,
}

impl GovGraph {
    /// The graph as it was on `on` (a [`PartialDate`] for the certain
    /// reading, or [`On::possibly`]). O(1): nothing is copied.
    pub fn as_of(&self, on: impl Into<On>) -> AsOf<'_> {
        AsOf {
            graph: self,
            on: on.into(),
        }
    }
}

impl<'g> AsOf<'g> {
    /// The date of the view.
    pub fn on(self) -> On {
        self.on
    }

    /// The whole graph, undated.
    pub fn graph(self) -> &'g GovGraph {
        self.graph
    }

    /// True when the node existed on the view's date (always, for a node
    /// with no dates). O(1).
    pub fn exists(self, id: impl Into<NodeId>) -> bool {
        self.graph
            .index_of(id.into())
            .is_some_and(|ix| self.graph.node_live(ix, Some(self.on)))
    }

    /// Any node, if it is in the graph and existed on the view's date.
    pub fn node(self, id: impl Into<NodeId>) -> Option<NodeRef<'g>> {
        let ix = self.graph.index_of(id.into())?;
        self.graph
            .node_live(ix, Some(self.on))
            .then(|| NodeRef::from_index_at(self.graph, ix, Some(self.on)))
            .flatten()
    }

    /// The organization, if it existed on the view's date.
    pub fn org(self, id: OrgId) -> Option<OrgRef<'g>> {
        self.node(id)?.as_org()
    }

    /// The post, if it existed on the view's date.
    pub fn post(self, id: PostId) -> Option<PostRef<'g>> {
        self.node(id)?.as_post()
    }

    /// The person (persons are in every view).
    pub fn person(self, id: PersonId) -> Option<PersonRef<'g>> {
        self.node(id)?.as_person()
    }

    /// The organization with `slug`, if it existed on the view's date.
    pub fn org_by_slug(self, slug: &str) -> Option<OrgRef<'g>> {
        self.node(self.graph.id_by_slug(NodeKind::Organization, slug)?)?
            .as_org()
    }

    /// The post with `slug`, if it existed on the view's date.
    pub fn post_by_slug(self, slug: &str) -> Option<PostRef<'g>> {
        self.node(self.graph.id_by_slug(NodeKind::Post, slug)?)?
            .as_post()
    }

    /// The person with `slug`.
    pub fn person_by_slug(self, slug: &str) -> Option<PersonRef<'g>> {
        self.node(self.graph.id_by_slug(NodeKind::Person, slug)?)?
            .as_person()
    }

    /// Every organization that existed on the view's date, in insertion
    /// order. O(nodes).
    pub fn orgs(self) -> impl Iterator<Item = OrgRef<'g>> + 'g {
        self.graph.orgs().filter_map(move |o| self.org(o.id()))
    }

    /// The organizations with no parent on the view's date: the roots of
    /// that day's hierarchy, in insertion order. O(nodes + their links).
    pub fn root_orgs(self) -> impl Iterator<Item = OrgRef<'g>> + 'g {
        self.orgs().filter(|o| o.parent().is_none())
    }

    /// A shortest path between two nodes through the links in force on the
    /// view's date, as [`GovGraph::path`] walks it.
    pub fn path(self, from: impl Into<NodeId>, to: impl Into<NodeId>) -> Option<RelationPath<'g>> {
        self.graph.path_at(from.into(), to.into(), Some(self.on))
    }
}

impl<'g> PostRef<'g> {
    /// Who held the post on `on`: the holders of its tenures in force then,
    /// in time order, as handles in the view on `on`. Empty when the post
    /// was vacant (or did not exist).
    ///
    /// Cost: O(log k) for the post's k tenures, plus the tenures that may
    /// be in force then (one or two for a succession), reading one
    /// contiguous slice, once the graph's succession index is built (by
    /// [`GovGraph::prepare_queries`], or by the queries themselves once
    /// enough have run; a change to tenures, holders or lifetimes drops
    /// it); O(k log k)
    /// through the post's links before that. The answers are the same.
    ///
    /// ```
    /// use govgraph::{GovGraph, Organization, OrgKind, Person, Post, Slug, Tenure};
    /// let mut g = GovGraph::new();
    /// let s = |t: &str| Slug::new(t).unwrap();
    /// let body = g.insert_org(Organization::new(s("state-council"), OrgKind::GoverningBody, "State Council"))?;
    /// let post = g.add_post(body, Post::new(s("secretary-general"), "Secretary-General").head())?;
    /// let ji = g.insert_person(Person::new(s("ji-pengfei"), "Ji Pengfei"))?;
    /// g.appoint(ji, post, Tenure::new(s("ji-sg"))
    ///     .with_start("1980-02".parse()?).with_end("1982-05".parse()?))?;
    /// let post = g.post(post).ok_or("just added")?;
    /// let on = |d: &str| d.parse::<govgraph::PartialDate>();
    /// let names = |d| post.holders_on(d).map(|p| p.display_name()).collect::<Vec<_>>();
    /// assert_eq!(names(on("1980-03-01")?), ["Ji Pengfei"]);
    /// assert!(names(on("1977-06-01")?).is_empty());
    /// // 10 February 1980 is only possibly in a tenure from February 1980.
    /// assert!(names(on("1980-02-10")?).is_empty());
    /// let maybe: Vec<_> = post.holders_on(govgraph::On::possibly(on("1980-02-10")?)).collect();
    /// assert_eq!(maybe.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holders_on(self, on: impl Into<On>) -> impl Iterator<Item = PersonRef<'g>> + 'g {
        let (g, on) = (self.graph, on.into());
        let at = Some(on);
        // The holder of tenure `t` as a handle in the view on `on`: the one
        // the index recorded, else the earliest-linked in force.
        let holder = move |t: Pos, known: Option<Pos>| {
            let p = match known {
                Some(p) => Some(p).filter(|&p| g.node_live(p, at)),
                None => g
                    .out_at(t, Relation::Holder, at)
                    .filter(|&p| g.node_live(p, at))
                    .min(),
            };
            PersonRef::from_index_at(g, p?, at)
        };
        // With the graph's succession index (see `GovGraph::prepare_queries`),
        // the post's tenures are one slice already in time order.
        let indexed = g.succession().map(|index| {
            index
                .in_force(g, self.ix, on.asked())
                .filter_map(move |e| holder(e.tenure, e.holder()))
        });
        // Without it: the tenures in force, by start then graph order. One
        // tenure in force (the common answer) needs no allocation; several
        // share one vector.
        let mut first = None;
        let mut rest = Vec::new();
        if indexed.is_none() {
            for t in g.inc_at(self.ix, Relation::TenureOf, at) {
                if g.node_live(t, at) {
                    let item = (g.node_at(t).lifetime().sort_key(), t);
                    if first.is_none() {
                        first = Some(item);
                    } else {
                        rest.push(item);
                    }
                }
            }
            if !rest.is_empty() {
                rest.extend(first.take());
                rest.sort_unstable();
            }
        }
        let walked = first
            .into_iter()
            .chain(rest)
            .filter_map(move |(_, t)| holder(t, None));
        indexed.into_iter().flatten().chain(walked)
    }

    /// The post's tenures in time order with the vacancies between them:
    /// a [`Term::Vacant`] wherever one tenure surely ended before the next
    /// began (no tenure in force at all in between). Where an end is not
    /// known ([`Bound::Undated`]) or a tenure is still in force, no vacancy
    /// is claimed after it. O(k log k) for k tenures.
    ///
    /// ```
    /// use govgraph::{GovGraph, Organization, OrgKind, Person, Post, Slug, Tenure};
    /// use govgraph::traverse::Term;
    /// let mut g = GovGraph::new();
    /// let s = |t: &str| Slug::new(t).unwrap();
    /// let d = |t: &str| t.parse::<govgraph::PartialDate>().unwrap();
    /// let body = g.insert_org(Organization::new(s("state-council"), OrgKind::GoverningBody, "State Council"))?;
    /// let post = g.add_post(body, Post::new(s("secretary-general"), "Secretary-General").head())?;
    /// let zhou = g.insert_person(Person::new(s("zhou-rongxin"), "Zhou Rongxin"))?;
    /// let jin = g.insert_person(Person::new(s("jin-ming"), "Jin Ming"))?;
    /// g.appoint(jin, post, Tenure::new(s("jin-sg")).with_start(d("1979-06")).with_end(d("1980-02")))?;
    /// g.appoint(zhou, post, Tenure::new(s("zhou-sg")).with_start(d("1965-01")).with_end(d("1975-01")))?;
    /// let shown: Vec<String> = g.post(post).ok_or("added")?.succession().map(|t| match t {
    ///     Term::Held(t) => format!("{}: {}", t.label(), t.during()),
    ///     Term::Vacant(v) => format!("vacant: {v}"),
    /// }).collect();
    /// assert_eq!(shown, [
    ///     "Zhou Rongxin, Secretary-General: 1965-01 – 1975-01",
    ///     "vacant: 1975-01 – 1979-06",
    ///     "Jin Ming, Secretary-General: 1979-06 – 1980-02",
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn succession(self) -> Succession<'g> {
        let mut terms = Vec::new();
        // How far the tenures so far surely reach: `None` once one is still
        // in force or ended on an unknown date (no vacancy can be claimed).
        let mut reach: Option<Option<PartialDate>> = Some(None);
        for t in self.now().tenures() {
            let during = t.during();
            if let (Some(Some(end)), Some(Bound::Date(start))) = (reach, during.start) {
                if end.latest() < start.earliest() {
                    terms.push(Term::Vacant(
                        Interval::new().with_start(end).with_end(start),
                    ));
                }
            }
            reach = match (reach, during.end) {
                (None, _) | (_, None | Some(Bound::Undated)) => None,
                (Some(None), Some(Bound::Date(e))) => Some(Some(e)),
                (Some(Some(r)), Some(Bound::Date(e))) => {
                    Some(Some(if e.latest() > r.latest() { e } else { r }))
                }
            };
            terms.push(Term::Held(t));
        }
        Succession {
            terms: terms.into_iter(),
        }
    }
}

/// One term of a post's [`succession`](PostRef::succession).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term<'g> {
    /// A tenure.
    Held(TenureRef<'g>),
    /// A period in which no tenure was in force: from the end of the last
    /// one to the start of the next.
    Vacant(Interval),
}

/// A post's tenures and vacancies in time order: made by
/// [`PostRef::succession`].
#[derive(Debug, Clone)]
pub struct Succession<'g> {
    terms: std::vec::IntoIter<Term<'g>>,
}

impl<'g> Iterator for Succession<'g> {
    type Item = Term<'g>;
    fn next(&mut self) -> Option<Term<'g>> {
        self.terms.next()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.terms.size_hint()
    }
}

impl ExactSizeIterator for Succession<'_> {}
impl FusedIterator for Succession<'_> {}

impl<'g> PersonRef<'g> {
    /// The posts this person held on `on`, in the time order of their
    /// tenures, as handles in the view on `on`. O(k log k) for their k
    /// tenures.
    pub fn posts_on(self, on: impl Into<On>) -> impl Iterator<Item = PostRef<'g>> + 'g {
        self.on(on).tenures().filter_map(TenureRef::post)
    }
}

impl TenureRef<'_> {
    /// The tenure's period (see [`Tenure::during`](crate::Tenure::during)).
    pub fn during(self) -> Interval {
        self.data().during()
    }

    /// A label made from the holder's and the post's names, "Wang Zhijun,
    /// Executive Deputy Secretary-General of the State Council"
    /// ("(no holder)" or "(no post)" for a missing end).
    pub fn label(self) -> String {
        let who = self.person().map_or("(no holder)", PersonRef::display_name);
        let what = self.post().map_or("(no post)", PostRef::display_name);
        format!("{who}, {what}")
    }
}

impl<'g> OrgRef<'g> {
    /// The persons who headed the body on `on` (holding a head post, in
    /// force then), as handles in the view on `on`: see
    /// [`heads`](Self::heads). O(posts + their tenures).
    pub fn heads_on(self, on: impl Into<On>) -> impl Iterator<Item = PersonRef<'g>> + 'g {
        self.on(on).heads()
    }

    /// The reorganization events that changed or gave this body, by date
    /// (undated ones first, then graph order). O(links of the body).
    pub fn events(self) -> impl Iterator<Item = EventRef<'g>> + 'g {
        let mut events: Vec<EventRef<'g>> = self
            .graph
            .touching_at(self.ix, None)
            .filter(|(r, _, out)| {
                !out && matches!(
                    r,
                    Relation::OriginalOrganization | Relation::ResultingOrganization
                )
            })
            .map(|(_, e, _)| e)
            .collect::<HashSet<Pos>>()
            .into_iter()
            .filter_map(|e| EventRef::from_index(self.graph, e))
            .collect();
        events.sort_by_key(|e| (e.date.map(PartialDate::earliest), e.ix));
        events.into_iter()
    }

    /// The body's timeline, in date order: founded, dated names, parent
    /// links (each with its interval), reorganization events, the tenures
    /// of its head posts, dissolved. Entries with no date come first, in
    /// that order of kinds. O(links of the body and of its head posts),
    /// plus a sort.
    pub fn history(self) -> History<'g> {
        let mut entries = Vec::new();
        let data = self.data();
        if let Some(d) = data.founded {
            entries.push(HistoryEntry::Founded(d));
        }
        entries.extend(data.details().names.iter().map(HistoryEntry::Named));
        let mut parents: Vec<(Pos, Interval)> = self
            .graph
            .links_from(self.ix, Relation::SubOrganizationOf)
            .collect();
        parents.reverse(); // made order
        for (p, during) in parents {
            if let Some(parent) = OrgRef::from_index(self.graph, p) {
                entries.push(HistoryEntry::Parent { parent, during });
            }
        }
        entries.extend(self.events().map(HistoryEntry::Event));
        for post in self.now().head_posts() {
            entries.extend(post.tenures().map(HistoryEntry::Head));
        }
        if let Some(d) = data.dissolved() {
            entries.push(HistoryEntry::Dissolved(d));
        }
        entries.sort_by_key(|e| (e.when().sort_key(), e.rank()));
        History {
            entries: entries.into_iter(),
        }
    }

    /// The bodies before and after this one, transitively: predecessors
    /// (the bodies it [replaces](Self::replaces), and the originals of the
    /// events it resulted from) and successors (the bodies that replace it,
    /// and the results of the events that changed it), breadth-first,
    /// predecessors first, each with its distance. A body that went on
    /// through an event (a rename) is not its own predecessor. Iterative;
    /// O(the lineage's bodies and their links).
    ///
    /// ```
    /// use govgraph::{ChangeKind, Event, GovGraph, Organization, OrgKind, Slug};
    /// use govgraph::traverse::Lineal;
    /// let mut g = GovGraph::new();
    /// let org = |s: &str| Organization::new(Slug::new(s).unwrap(), OrgKind::GoverningBody, s);
    /// let (gac, sc) = (g.insert_org(org("gac"))?, g.insert_org(org("sc"))?);
    /// g.add_event(Event::new(Slug::new("e1954")?, ChangeKind::Replacement), &[gac], &[sc])?;
    /// let sc = g.org(sc).ok_or("added")?;
    /// let before: Vec<_> = sc.lineage().map(|s| (s.org.slug().as_str(), s.lineal, s.distance)).collect();
    /// assert_eq!(before, [("gac", Lineal::Predecessor, 1)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lineage(self) -> Lineage<'g> {
        let mut steps = Vec::new();
        for lineal in [Lineal::Predecessor, Lineal::Successor] {
            let mut seen: HashSet<Pos> = HashSet::from([self.ix]);
            let mut queue = VecDeque::from([(self.ix, 0usize)]);
            while let Some((at, distance)) = queue.pop_front() {
                for next in self.lineal_neighbours(at, lineal) {
                    if seen.insert(next) {
                        if let Some(org) = OrgRef::from_index(self.graph, next) {
                            steps.push(LineageStep {
                                org,
                                lineal,
                                distance: distance + 1,
                            });
                        }
                        queue.push_back((next, distance + 1));
                    }
                }
            }
        }
        Lineage {
            steps: steps.into_iter(),
        }
    }

    /// The bodies one step before (or after) `at`, in graph order.
    fn lineal_neighbours(self, at: Pos, lineal: Lineal) -> Vec<Pos> {
        let g = self.graph;
        let (replace_dir, mine, theirs) = match lineal {
            Lineal::Predecessor => (
                true,
                Relation::ResultingOrganization,
                Relation::OriginalOrganization,
            ),
            Lineal::Successor => (
                false,
                Relation::OriginalOrganization,
                Relation::ResultingOrganization,
            ),
        };
        let mut out: Vec<Pos> = if replace_dir {
            g.links_from(at, Relation::Replaces)
                .map(|(p, _)| p)
                .collect()
        } else {
            g.links_to(at, Relation::Replaces).map(|(p, _)| p).collect()
        };
        for (event, _) in g.links_to(at, mine) {
            let also_other_side = g.links_from(event, theirs).any(|(o, _)| o == at);
            if also_other_side {
                continue;
            }
            out.extend(g.links_from(event, theirs).map(|(o, _)| o));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// One entry of a body's [`history`](OrgRef::history).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HistoryEntry<'g> {
    /// The body was founded.
    Founded(PartialDate),
    /// A name it bore over a period.
    Named(&'g DatedName),
    /// A parent link, with its interval (timeless for an undated link).
    Parent {
        /// The parent body.
        parent: OrgRef<'g>,
        /// When the body was under it.
        during: Interval,
    },
    /// A reorganization event that changed or gave it.
    Event(EventRef<'g>),
    /// A tenure of one of its head posts.
    Head(TenureRef<'g>),
    /// The body was dissolved.
    Dissolved(PartialDate),
}

impl HistoryEntry<'_> {
    /// When the entry happened or began: an interval whose start is the
    /// date (a founding, an event, a dissolution are single dates).
    pub fn when(&self) -> Interval {
        match self {
            HistoryEntry::Founded(d) | HistoryEntry::Dissolved(d) => Interval::since(*d),
            HistoryEntry::Named(n) => n.during,
            HistoryEntry::Parent { during, .. } => *during,
            HistoryEntry::Event(e) => e.date.map_or(Interval::new(), Interval::since),
            HistoryEntry::Head(t) => t.during(),
        }
    }

    fn rank(&self) -> u8 {
        match self {
            HistoryEntry::Founded(_) => 0,
            HistoryEntry::Named(_) => 1,
            HistoryEntry::Parent { .. } => 2,
            HistoryEntry::Event(_) => 3,
            HistoryEntry::Head(_) => 4,
            HistoryEntry::Dissolved(_) => 5,
        }
    }
}

/// A body's timeline: made by [`OrgRef::history`].
#[derive(Debug, Clone)]
pub struct History<'g> {
    entries: std::vec::IntoIter<HistoryEntry<'g>>,
}

impl<'g> Iterator for History<'g> {
    type Item = HistoryEntry<'g>;
    fn next(&mut self) -> Option<HistoryEntry<'g>> {
        self.entries.next()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.entries.size_hint()
    }
}

impl ExactSizeIterator for History<'_> {}
impl FusedIterator for History<'_> {}

/// Which way a [`LineageStep`] goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lineal {
    /// A body before this one.
    Predecessor,
    /// A body after this one.
    Successor,
}

/// One body of a [`Lineage`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct LineageStep<'g> {
    /// The body.
    pub org: OrgRef<'g>,
    /// Before or after.
    pub lineal: Lineal,
    /// How many replacements or events away (1 for a direct one).
    pub distance: usize,
}

/// A body's predecessors and successors: made by [`OrgRef::lineage`].
#[derive(Debug, Clone)]
pub struct Lineage<'g> {
    steps: std::vec::IntoIter<LineageStep<'g>>,
}

impl<'g> Iterator for Lineage<'g> {
    type Item = LineageStep<'g>;
    fn next(&mut self) -> Option<LineageStep<'g>> {
        self.steps.next()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.steps.size_hint()
    }
}

impl ExactSizeIterator for Lineage<'_> {}
impl FusedIterator for Lineage<'_> {}
