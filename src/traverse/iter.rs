//! The named iterators the handles return.

use std::iter::FusedIterator;
use std::marker::PhantomData;

use crate::graph::Pos;

use super::handles::{Handle, OrgRef};
use crate::graph::GovGraph;
use crate::model::{On, Relation};

/// The nodes at the other end of one node's links of a relation, as
/// handles of type `H`, in graph order (the order those nodes were inserted
/// into the graph) unless a method says otherwise. Made by the handles'
/// methods.
///
/// Starting one costs O(links of the node) to gather and order them (they
/// are nearly always already in order); each step is then O(1).
///
/// In an [`as_of`](GovGraph::as_of) view, only the links in force on the
/// view's date are followed, and only the nodes that existed then
/// (a body between its founding and dissolution, a tenure over its dates)
/// are given.
pub struct Linked<'g, H> {
    graph: &'g GovGraph,
    items: std::vec::IntoIter<Pos>,
    at: Option<On>,
    _handle: PhantomData<H>,
}

impl<'g, H: Handle<'g>> Linked<'g, H> {
    fn new(graph: &'g GovGraph, mut v: Vec<Pos>, at: Option<On>, sort: bool) -> Self {
        if sort {
            v.sort_unstable();
        }
        v.retain(|&ix| graph.node_live(ix, at) && H::from_index_at(graph, ix, at).is_some());
        Self {
            graph,
            items: v.into_iter(),
            at,
            _handle: PhantomData,
        }
    }

    pub(crate) fn out(graph: &'g GovGraph, ix: Pos, at: Option<On>, rel: Relation) -> Self {
        Self::new(graph, graph.out_at(ix, rel, at).collect(), at, true)
    }

    pub(crate) fn inc(graph: &'g GovGraph, ix: Pos, at: Option<On>, rel: Relation) -> Self {
        Self::new(graph, graph.inc_at(ix, rel, at).collect(), at, true)
    }

    pub(crate) fn inc_any(graph: &'g GovGraph, ix: Pos, at: Option<On>, rels: &[Relation]) -> Self {
        let v = graph
            .touching_at(ix, at)
            .filter(|(r, _, outgoing)| !outgoing && rels.contains(r))
            .map(|(_, n, _)| n)
            .collect();
        Self::new(graph, v, at, true)
    }

    pub(crate) fn from_vec(graph: &'g GovGraph, v: Vec<Pos>, at: Option<On>) -> Self {
        Self::new(graph, v, at, false)
    }

    pub(crate) fn sort_by_key<K: Ord>(&mut self, mut key: impl FnMut(&GovGraph, Pos) -> K) {
        let mut v: Vec<Pos> = std::mem::take(&mut self.items).collect();
        v.sort_by_key(|&ix| key(self.graph, ix));
        self.items = v.into_iter();
    }
}

impl<'g, H: Handle<'g>> Iterator for Linked<'g, H> {
    type Item = H;
    fn next(&mut self) -> Option<H> {
        self.items
            .find_map(|ix| H::from_index_at(self.graph, ix, self.at))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.items.size_hint()
    }
}

impl<'g, H: Handle<'g>> DoubleEndedIterator for Linked<'g, H> {
    fn next_back(&mut self) -> Option<H> {
        while let Some(ix) = self.items.next_back() {
            if let Some(h) = H::from_index_at(self.graph, ix, self.at) {
                return Some(h);
            }
        }
        None
    }
}

impl<'g, H: Handle<'g>> ExactSizeIterator for Linked<'g, H> {}
impl<'g, H: Handle<'g>> FusedIterator for Linked<'g, H> {}

impl<H> std::fmt::Debug for Linked<'_, H> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Linked")
            .field("remaining", &self.items.len())
            .finish()
    }
}

/// An organization's ancestors, nearest first, up to the root. Made by
/// [`OrgRef::ancestors`].
///
/// Iterative: a chain a million bodies deep walks in constant memory.
/// Each step is O(1): the graph keeps every body's current parent at hand.
/// In an [`as_of`](GovGraph::as_of) view each step is
/// [`parent_on`](OrgRef::parent_on), O(the body's links). Hierarchies are
/// kept acyclic on every date by the graph, so the walk always ends.
#[derive(Debug, Clone)]
pub struct Ancestors<'g> {
    next: Option<OrgRef<'g>>,
}

impl<'g> Ancestors<'g> {
    pub(crate) fn new(start: OrgRef<'g>) -> Self {
        Self {
            next: start.parent(),
        }
    }
}

impl<'g> Iterator for Ancestors<'g> {
    type Item = OrgRef<'g>;
    #[inline]
    fn next(&mut self) -> Option<OrgRef<'g>> {
        let current = self.next?;
        self.next = current.parent();
        Some(current)
    }
}

impl FusedIterator for Ancestors<'_> {}

/// An organization's descendants, breadth-first, each with its depth below
/// the start (1 for a direct sub-organization); siblings come in graph
/// order. Made by [`OrgRef::descendants`].
///
/// Iterative: memory is O(the widest level), each step O(1) amortised.
/// In an [`as_of`](GovGraph::as_of) view only the links in force on the
/// view's date, and the bodies that existed then, are followed.
#[derive(Debug)]
pub struct Descendants<'g> {
    graph: &'g GovGraph,
    on: Option<On>,
    /// The level being yielded, and how far into it.
    level: Vec<Pos>,
    at: usize,
    /// Its depth below the start.
    depth: usize,
    /// The level below, gathered as the current one is yielded.
    next: Vec<Pos>,
}

impl<'g> Descendants<'g> {
    pub(crate) fn new(start: OrgRef<'g>) -> Self {
        let mut d = Self {
            graph: start.graph(),
            on: start.at(),
            level: Vec::new(),
            at: 0,
            depth: 1,
            next: Vec::new(),
        };
        d.gather_children(start.index());
        std::mem::swap(&mut d.level, &mut d.next);
        d
    }

    /// Appends `ix`'s children to the next level, in graph order.
    fn gather_children(&mut self, ix: Pos) {
        let from = self.next.len();
        match self.on {
            None => self
                .next
                .extend(self.graph.inc(ix, Relation::SubOrganizationOf)),
            on @ Some(_) => self.next.extend(
                self.graph
                    .inc_at(ix, Relation::SubOrganizationOf, on)
                    .filter(|&c| self.graph.node_live(c, on)),
            ),
        }
        // Links are listed newest first, so the run is usually descending
        // and a reversal puts it in graph order; sort only when it is not.
        let run = &mut self.next[from..];
        if run.len() > 1 {
            if run.windows(2).all(|w| w[0] > w[1]) {
                run.reverse();
            } else {
                run.sort_unstable();
            }
        }
    }
}

impl<'g> Iterator for Descendants<'g> {
    type Item = (OrgRef<'g>, usize);
    fn next(&mut self) -> Option<Self::Item> {
        if self.at == self.level.len() {
            if self.next.is_empty() {
                return None;
            }
            std::mem::swap(&mut self.level, &mut self.next);
            self.next.clear();
            self.at = 0;
            self.depth += 1;
        }
        let ix = self.level[self.at];
        self.at += 1;
        self.gather_children(ix);
        // SubOrganizationOf joins organizations only.
        Some((OrgRef::from_trusted(self.graph, ix, self.on), self.depth))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.level.len() - self.at + self.next.len(), None)
    }
}

impl FusedIterator for Descendants<'_> {}
