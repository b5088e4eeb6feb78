//! Shortest relationship paths between any two nodes.

use std::collections::VecDeque;
use std::fmt;

use crate::graph::Pos;

use super::handles::NodeRef;
use super::handles::sealed::Sealed as _;
use crate::graph::GovGraph;
use crate::model::{NodeId, On, Relation};

/// One link walked on a [`RelationPath`]: `from`, the relation, `to`, and
/// whether the link points from `from` to `to` (`forward`) or was walked
/// against its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step<'g> {
    /// Where the step starts.
    pub from: NodeRef<'g>,
    /// The relation of the link.
    pub relation: Relation,
    /// True when the link runs from `from` to `to`; false when it runs from
    /// `to` to `from`.
    pub forward: bool,
    /// Where the step ends.
    pub to: NodeRef<'g>,
}

impl fmt::Display for Step<'_> {
    /// `from -relation-> to`, or `from <-relation- to` for a link walked
    /// backwards.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.forward {
            write!(f, "{} -{}-> {}", self.from, self.relation, self.to)
        } else {
            write!(f, "{} <-{}- {}", self.from, self.relation, self.to)
        }
    }
}

/// One element of a path read as alternating nodes and links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathElement<'g> {
    /// A node.
    Node(NodeRef<'g>),
    /// A link between the nodes either side.
    Link {
        /// Its relation.
        relation: Relation,
        /// True when it runs from the node before to the node after.
        forward: bool,
    },
}

/// A shortest chain of links between two nodes, links walked in either
/// direction: the answer to "how is X connected to Y". Made by
/// [`GovGraph::path`].
#[derive(Debug, Clone)]
pub struct RelationPath<'g> {
    nodes: Vec<NodeRef<'g>>,
    links: Vec<(Relation, bool)>,
}

impl<'g> RelationPath<'g> {
    /// How many links the path walks (0 from a node to itself).
    pub fn len(&self) -> usize {
        self.links.len()
    }

    /// True for the path from a node to itself.
    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }

    /// The nodes, from the start to the end.
    pub fn nodes(&self) -> impl ExactSizeIterator<Item = NodeRef<'g>> + '_ {
        self.nodes.iter().copied()
    }

    /// The steps, from the start to the end.
    pub fn steps(&self) -> impl ExactSizeIterator<Item = Step<'g>> + '_ {
        self.links
            .iter()
            .zip(self.nodes.windows(2))
            .map(|(&(relation, forward), w)| Step {
                from: w[0],
                relation,
                forward,
                to: w[1],
            })
    }

    /// Nodes and links alternating: node, link, node, …, node.
    pub fn elements(&self) -> impl Iterator<Item = PathElement<'g>> + '_ {
        let links = self
            .links
            .iter()
            .map(|&(relation, forward)| Some(PathElement::Link { relation, forward }))
            .chain(std::iter::once(None));
        self.nodes
            .iter()
            .zip(links)
            .flat_map(|(&n, l)| std::iter::once(PathElement::Node(n)).chain(l))
    }
}

impl fmt::Display for RelationPath<'_> {
    /// `a -rel-> b <-rel- c`, nodes as `kind/slug`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in self.elements() {
            match e {
                PathElement::Node(n) => write!(f, "{n}")?,
                PathElement::Link {
                    relation,
                    forward: true,
                } => write!(f, " -{relation}-> ")?,
                PathElement::Link {
                    relation,
                    forward: false,
                } => write!(f, " <-{relation}- ")?,
            }
        }
        Ok(())
    }
}

/// Not yet reached, in the search's predecessor array.
const UNSEEN: u32 = u32::MAX;

impl GovGraph {
    /// A shortest path from `from` to `to`, walking links of every relation
    /// in either direction; `None` when they are not connected or an id is
    /// not in this graph.
    ///
    /// Breadth-first from `from`, looking at each node's outgoing links and
    /// then its incoming ones, each sorted by the other end's graph order
    /// and then by relation, so the path
    /// chosen among equally short ones is always the same. Iterative; O(nodes
    /// + links) time at worst, and two arrays the size of the graph.
    ///
    /// ```
    /// let g = govgraph::datasets::general_office();
    /// let wang = g.person_by_slug("wang-zhijun").expect("in the dataset");
    /// let site = g.website_by_slug("gov-cn").expect("in the dataset");
    /// let path = g.path(wang.id(), site.id()).expect("connected");
    /// assert_eq!(path.to_string(),
    ///     "person/wang-zhijun <-holder- membership/wang-zhijun-executive-deputy-secretary-general-of-the-state-council \
    ///      -tenure_of-> post/executive-deputy-secretary-general-of-the-state-council \
    ///      -post_in-> org/general-office-of-the-state-council <-published_by- website/gov-cn");
    /// ```
    pub fn path(&self, from: impl Into<NodeId>, to: impl Into<NodeId>) -> Option<RelationPath<'_>> {
        self.path_at(from.into(), to.into(), None)
    }

    /// [`path`](Self::path) in the view at `at`: only links in force then,
    /// through nodes that existed then.
    pub(crate) fn path_at(
        &self,
        from: NodeId,
        to: NodeId,
        when: Option<On>,
    ) -> Option<RelationPath<'_>> {
        let start = self.index_of(from)?;
        let goal = self.index_of(to)?;
        if !self.node_live(start, when) || !self.node_live(goal, when) {
            return None;
        }
        // The node each visited node was reached from, by position, and the
        // link it was reached by: two flat arrays rather than a map, since a
        // search may visit most of the graph.
        let bound = self.node_count(); // nodes are never removed: positions are 0..count
        let mut came_from: Vec<u32> = vec![UNSEEN; bound];
        let mut via: Vec<(Relation, bool)> = vec![(Relation::SeeAlso, true); bound];
        came_from[start.index()] = start.raw();
        let mut queue = VecDeque::from([start]);
        let mut outs = Vec::new();
        let mut ins = Vec::new();
        let mut found = start == goal;
        while let Some(n) = queue.pop_front() {
            if found {
                break;
            }
            outs.clear();
            ins.clear();
            for (rel, other, outgoing) in self.touching_at(n, when) {
                if !self.node_live(other, when) {
                    continue;
                }
                if outgoing {
                    outs.push((rel, other, true));
                } else {
                    ins.push((rel, other, false));
                }
            }
            outs.sort_unstable_by_key(|&(rel, other, _)| (other, rel));
            ins.sort_unstable_by_key(|&(rel, other, _)| (other, rel));
            for &(rel, other, forward) in outs.iter().chain(ins.iter()) {
                if came_from[other.index()] != UNSEEN {
                    continue;
                }
                came_from[other.index()] = n.raw();
                via[other.index()] = (rel, forward);
                if other == goal {
                    found = true;
                    break;
                }
                queue.push_back(other);
            }
        }
        if !found {
            return None;
        }
        let mut nodes = vec![goal];
        let mut links = Vec::new();
        let mut at = goal;
        while at != start {
            let prev = Pos::from_raw(came_from[at.index()]);
            links.push(via[at.index()]);
            nodes.push(prev);
            at = prev;
        }
        nodes.reverse();
        links.reverse();
        let nodes = nodes
            .into_iter()
            .map(|ix| NodeRef::from_index_at(self, ix, when))
            .collect::<Option<Vec<_>>>()?;
        Some(RelationPath { nodes, links })
    }
}
