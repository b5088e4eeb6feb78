//! The graph's time index: each post's tenures in time order, each with
//! its dates as day keys and its holder, in one contiguous run, so that
//! "who held this post on D" reads one short slice instead of following
//! the post's links, each tenure's record and each tenure's links; and,
//! for each body that moved, its parent links in time order, so that "its
//! parent on D" is two binary searches instead of a scan of its links.
//!
//! The index is derived data. It is built on demand and dropped by every
//! change that could alter it (a tenure, holder or parent link made, ended
//! or removed; a lifetime changed; a node removed), so it never answers
//! for a graph that has since changed. Building costs O(nodes + links +
//! t log t) for t tenures and parent links; to keep a graph that
//! alternates changes and queries from rebuilding it every time, a query
//! builds it only once as many queries have gone without it as would pay
//! for the build (one for every sixteen node positions, at least 64);
//! until then queries walk the links, which gives the same answers.
//! [`GovGraph::prepare_queries`] builds it at once.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{GovGraph, Pos, TIMELESS};
use crate::model::{Asked, DayKeys, Interval, Key, On, Relation};

/// No holder recorded in an [`Entry`]: the tenure has no holder link, or
/// more than one, or a dated one. The query then follows its links.
const ASK_LINKS: u32 = u32::MAX;

/// One tenure of a post.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// The tenure's own dates (its lifetime), as day keys.
    pub keys: DayKeys,
    /// The interval index of the tenure's link to the post.
    pub link: u32,
    /// The tenure.
    pub tenure: Pos,
    /// Its one undated holder, or [`ASK_LINKS`].
    holder: u32,
    /// The latest [`may_end`](DayKeys::may_end) of this entry and every
    /// earlier one of the same post: it never decreases along a post's
    /// entries, so the first entry that may still be in force on a day is
    /// found by binary search.
    reach: Key,
}

impl Entry {
    /// The tenure's holder, when one undated holder link names it; `None`
    /// sends the caller to the tenure's links.
    pub(crate) fn holder(&self) -> Option<Pos> {
        (self.holder != ASK_LINKS).then_some(Pos::from_raw(self.holder))
    }
}

/// One parent link of a body that has (or had) a dated one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ParentEntry {
    /// The link's dates, as day keys.
    keys: DayKeys,
    /// As [`Entry::reach`], over the body's parent links.
    reach: Key,
    /// The parent.
    parent: Pos,
    /// The link's place among the body's links, newest first: of several
    /// links in force, the earliest made (the largest) answers.
    newer: u32,
}

/// Every post's tenures, by position: the entries of the post at position
/// `p` are `entries[starts[p]..starts[p + 1]]`, ordered by when they may
/// begin, then end, then by position (the order of
/// [`Interval::cmp_start`]). Likewise the parent links of every body that
/// has a dated one, in `parents`, ordered by when they may begin.
#[derive(Debug, Clone, Default)]
pub(crate) struct Succession {
    starts: Vec<u32>,
    entries: Vec<Entry>,
    parent_starts: Vec<u32>,
    parents: Vec<ParentEntry>,
}

/// The run of `starts`-indexed `items` that belongs to position `p`.
fn run<'a, T>(starts: &[u32], items: &'a [T], p: Pos) -> &'a [T] {
    let at = |i: usize| starts.get(i).map_or(0, |&s| s as usize);
    items.get(at(p.index())..at(p.index() + 1)).unwrap_or(&[])
}

/// The entries of a run ordered by `may_start`, whose `reach` never
/// decreases, that may be in force on `q`: begun by the last day of its
/// period and not all ended before its first. Two binary searches.
fn window<T>(
    all: &[T],
    q: Asked,
    may_start: impl Fn(&T) -> Key,
    reach: impl Fn(&T) -> Key,
) -> &[T] {
    let to = all.partition_point(|e| may_start(e) <= q.last());
    let from = all[..to].partition_point(|e| reach(e) <= q.first());
    &all[from..to]
}

/// Collects `(position, sort key, item)` triples sorted by position into
/// runs indexed by position, for `n` positions; `reach` gives the field
/// that each item turns into the running latest end of its run.
fn runs<T>(
    found: Vec<(Pos, (Key, Key), T)>,
    n: usize,
    reach: impl Fn(&mut T) -> &mut Key,
) -> (Vec<u32>, Vec<T>) {
    let mut starts = Vec::with_capacity(n + 1);
    let mut items = Vec::with_capacity(found.len());
    let mut next = found.into_iter().peekable();
    for p in 0..n {
        starts.push(u32::try_from(items.len()).unwrap_or(u32::MAX));
        // Each item's reach becomes the latest of its own and those before
        // it in the run.
        let mut so_far: Option<Key> = None;
        while let Some((_, _, mut e)) = next.next_if(|(at, _, _)| at.index() == p) {
            let r = reach(&mut e);
            *r = so_far.map_or(*r, |s| s.max(*r));
            so_far = Some(*r);
            items.push(e);
        }
    }
    starts.push(u32::try_from(items.len()).unwrap_or(u32::MAX));
    (starts, items)
}

impl Succession {
    /// The tenures of the post at `post`, in time order. O(1).
    pub(crate) fn of(&self, post: Pos) -> &[Entry] {
        run(&self.starts, &self.entries, post)
    }

    /// The parent of the body at `body` on `on` among its parent links
    /// (for a body that has a dated one): of the links in force then whose
    /// parent existed then, the earliest made. O(log k) for its k parent
    /// links, plus the links that may be in force then (one for a body
    /// that moved from parent to parent).
    pub(crate) fn parent_on(&self, graph: &GovGraph, body: Pos, on: On) -> Option<Pos> {
        let q = on.asked();
        window(
            run(&self.parent_starts, &self.parents, body),
            q,
            |e| e.keys.may_start(),
            |e| e.reach,
        )
        .iter()
        .filter(|e| e.keys.holds(q) && graph.node_live(e.parent, Some(on)))
        .max_by_key(|e| e.newer)
        .map(|e| e.parent)
    }

    /// The tenures of `post` in force on `q`, in time order. O(log k) for
    /// the post's k tenures to find the window of those that may be in
    /// force (begun by the end of `q`'s period, and not all ended before
    /// its first day), then O(1) per tenure in the window: for a
    /// succession of tenures that do not overlap, one or two.
    pub(crate) fn in_force<'a>(
        &'a self,
        graph: &'a GovGraph,
        post: Pos,
        q: Asked,
    ) -> impl Iterator<Item = &'a Entry> + 'a {
        window(self.of(post), q, |e| e.keys.may_start(), |e| e.reach)
            .iter()
            .filter(move |e| e.keys.holds(q) && graph.link_holds(e.link, q))
    }
}

/// The index and the count of queries that went without it, kept in the
/// graph. Cloning a graph clones a built index; comparing graphs ignores
/// it.
#[derive(Default)]
pub(crate) struct SuccessionCache {
    index: OnceLock<Succession>,
    misses: AtomicUsize,
}

impl Clone for SuccessionCache {
    fn clone(&self) -> Self {
        Self {
            index: self.index.clone(),
            misses: AtomicUsize::new(self.misses.load(Ordering::Relaxed)),
        }
    }
}

impl std::fmt::Debug for SuccessionCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Whether it is built depends on the queries run, not on the
        // graph: two equal graphs print alike.
        f.write_str("SuccessionCache")
    }
}

impl GovGraph {
    /// Builds now what dated queries build for themselves once they have
    /// run often enough: the time index that
    /// [`PostRef::holders_on`](crate::PostRef::holders_on) reads (each
    /// post's tenures in time order) and
    /// [`OrgRef::parent_on`](crate::OrgRef::parent_on) reads for a body
    /// that moved (its parent links in time order). Call it after loading a
    /// large graph and before timing or serving queries, so that no query
    /// pays for the build. A change to tenures, holder or parent links, or
    /// lifetimes drops the index again (other changes keep it).
    /// O(nodes + links + t log t) for t tenures and parent links; about 32
    /// bytes a tenure or moved body's parent link and 8 a node.
    ///
    /// ```
    /// let g = govgraph::datasets::general_office();
    /// g.prepare_queries();
    /// let post = g.post_by_slug("secretary-general-of-the-state-council").ok_or("in the dataset")?;
    /// let on: govgraph::PartialDate = "1980-03-01".parse()?;
    /// let who: Vec<_> = post.holders_on(on).map(|p| p.display_name()).collect();
    /// assert_eq!(who, ["Ji Pengfei"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prepare_queries(&self) {
        self.succession
            .index
            .get_or_init(|| self.build_succession());
    }

    /// The succession index when it is built, or when enough queries have
    /// gone without it to pay for building it now; else `None`, and the
    /// caller walks the links.
    pub(crate) fn succession(&self) -> Option<&Succession> {
        if let Some(index) = self.succession.index.get() {
            return Some(index);
        }
        let misses = self.succession.misses.fetch_add(1, Ordering::Relaxed);
        (misses >= (self.position_bound() / 16).max(64)).then(|| {
            self.succession
                .index
                .get_or_init(|| self.build_succession())
        })
    }

    /// Drops the succession index after a change that may alter it.
    pub(super) fn drop_succession(&mut self) {
        if self.succession.index.get().is_some() || *self.succession.misses.get_mut() > 0 {
            self.succession = SuccessionCache::default();
        }
    }

    /// True when a link with interval `index` is in force on `q`.
    fn link_holds(&self, index: u32, q: Asked) -> bool {
        index == TIMELESS || self.intervals[index as usize].day_keys().holds(q)
    }

    fn build_succession(&self) -> Succession {
        // (post, entry) for every tenure link, then sorted by post and time.
        let mut found: Vec<(Pos, (Key, Key), Entry)> = Vec::new();
        let mut parents: Vec<(Pos, (Key, Key), ParentEntry)> = Vec::new();
        for t in self.positions() {
            let mut holder = None;
            let mut holders = 0;
            let mut posts = Vec::new();
            let moved = self.may_have_dated_parent(t);
            for (newer, (rel, target, during)) in (0u32..).zip(self.out_links(t)) {
                match rel {
                    Relation::TenureOf => posts.push((target, during)),
                    Relation::Holder => {
                        holders += 1;
                        holder = (during == TIMELESS).then_some(target);
                    }
                    Relation::SubOrganizationOf if moved => {
                        let keys = self.interval(during).day_keys();
                        parents.push((
                            t,
                            keys.sort_key(),
                            ParentEntry {
                                keys,
                                reach: keys.may_end(),
                                parent: target,
                                newer,
                            },
                        ));
                    }
                    _ => {}
                }
            }
            if posts.is_empty() {
                continue;
            }
            let holder = match (holders, holder) {
                (1, Some(p)) => p.raw(),
                _ => ASK_LINKS,
            };
            let life = self.lifetimes.get(t.index()).copied().unwrap_or(TIMELESS);
            let keys = if life == TIMELESS {
                Interval::new().day_keys()
            } else {
                self.intervals[life as usize].day_keys()
            };
            for (post, link) in posts {
                found.push((
                    post,
                    keys.sort_key(),
                    Entry {
                        keys,
                        link,
                        tenure: t,
                        holder,
                        reach: keys.may_end(),
                    },
                ));
            }
        }
        found.sort_unstable_by_key(|(post, key, e)| (*post, *key, e.tenure));
        parents.sort_unstable_by_key(|(body, key, e)| (*body, *key, e.newer));
        let n = self.position_bound();
        let (starts, entries) = runs(found, n, |e| &mut e.reach);
        let (parent_starts, parents) = runs(parents, n, |e| &mut e.reach);
        Succession {
            starts,
            entries,
            parent_starts,
            parents,
        }
    }
}
