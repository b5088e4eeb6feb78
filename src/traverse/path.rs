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

impl<'g> RelationPath<'g> {
    /// The path with its nodes as keys (`kind/slug`) and its links as
    /// relation names, for logs and tests: `a -rel-> b <-rel- c`.
    ///
    /// ```
    /// let g = govgraph::datasets::general_office();
    /// let wang = g.person_by_slug("wang-zhijun").ok_or("not in the dataset")?;
    /// let office = g.org_by_slug("general-office-of-the-state-council").ok_or("not in the dataset")?;
    /// let path = g.path(wang, office).ok_or("not connected")?;
    /// assert_eq!(path.keys().to_string(),
    ///     "person/wang-zhijun <-holder- membership/wang-zhijun-executive-deputy-secretary-general-of-the-state-council \
    ///      -tenure_of-> post/executive-deputy-secretary-general-of-the-state-council \
    ///      -post_in-> org/general-office-of-the-state-council");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn keys(&self) -> PathKeys<'_, 'g> {
        PathKeys(self)
    }
}

/// A [`RelationPath`] shown by keys; made by [`RelationPath::keys`].
#[derive(Debug, Clone, Copy)]
pub struct PathKeys<'p, 'g>(&'p RelationPath<'g>);

impl fmt::Display for PathKeys<'_, '_> {
    /// `a -rel-> b <-rel- c`, nodes as `kind/slug`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in self.0.elements() {
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

/// A node's name in a sentence: a tenure by its person and post, any other
/// node by its display name.
fn name(n: NodeRef<'_>) -> std::borrow::Cow<'_, str> {
    match n {
        NodeRef::Tenure(t) => t.label().into(),
        other => other.display_name().into(),
    }
}

/// What a link says about the node it is walked from, as a verb phrase
/// followed by the name of the node it leads to.
fn verb(relation: Relation, forward: bool) -> &'static str {
    use Relation as R;
    match (relation, forward) {
        (R::SubOrganizationOf, true) => "is part of",
        (R::SubOrganizationOf, false) => "has the sub-organization",
        (R::PostIn, true) => "is a post in",
        (R::PostIn, false) => "has the post",
        (R::Holder, true) => "is held by",
        (R::Holder, false) => "holds the tenure",
        (R::TenureOf, true) => "is a tenure of",
        (R::TenureOf, false) => "has the tenure",
        (R::HasJurisdiction, true) => "has authority over",
        (R::HasJurisdiction, false) => "is under the authority of",
        (R::GoverningBody, true) => "is governed by",
        (R::GoverningBody, false) => "governs",
        (R::Territory, true) => "covers",
        (R::Territory, false) => "is covered by",
        (R::PrimarySite, true) => "is headquartered at",
        (R::PrimarySite, false) => "is the headquarters of",
        (R::ContainedIn, true) => "lies in",
        (R::ContainedIn, false) => "contains",
        (R::HasFunction, true) => "is responsible for",
        (R::HasFunction, false) => "is a responsibility of",
        (R::PublishedBy, true) => "is published by",
        (R::PublishedBy, false) => "publishes",
        (R::MaintainedBy, true) => "is maintained by",
        (R::MaintainedBy, false) => "maintains",
        (R::OfficialWebsite, true) => "has the official website",
        (R::OfficialWebsite, false) => "is the official website of",
        (R::Rank, true) => "has the rank",
        (R::Rank, false) => "is the rank of",
        (R::Classification, true) => "is classified as",
        (R::Classification, false) => "is the classification of",
        (R::SeeAlso, true) => "is related to",
        (R::SeeAlso, false) => "is named as related by",
        (R::Replaces, true) => "replaces",
        (R::Replaces, false) => "is replaced by",
        (R::OriginalOrganization, true) => "changed",
        (R::OriginalOrganization, false) => "was changed by",
        (R::ResultingOrganization, true) => "gave",
        (R::ResultingOrganization, false) => "came out of",
    }
}

impl fmt::Display for RelationPath<'_> {
    /// The path as a sentence of names: "Wang Zhijun holds Executive
    /// Deputy Secretary-General of the State Council, a post in General
    /// Office of the State Council, which is published by…". A person's
    /// tenure between the person and the post reads as "holds" ("held" once
    /// it has ended) or "is held by"; a tenure at either end of the path is
    /// named by [`TenureRef::label`](super::TenureRef::label). For keys,
    /// use [`keys`](RelationPath::keys).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let nodes = &self.nodes;
        f.write_str(&name(nodes[0]))?;
        let mut i = 0;
        while i < self.links.len() {
            let subject = nodes[i];
            // Whether this clause is the sentence's first, and so has the
            // start as its subject, or hangs off the node before it.
            let first = i == 0;
            let (rel, forward) = self.links[i];
            let through_tenure =
                matches!(nodes.get(i + 1), Some(NodeRef::Tenure(_))) && i + 1 < self.links.len();
            let (phrase, skip) = match (rel, forward, through_tenure) {
                (Relation::Holder, false, true)
                    if self.links[i + 1] == (Relation::TenureOf, true) =>
                {
                    let ended = matches!(nodes[i + 1], NodeRef::Tenure(t) if !t.is_current());
                    (if ended { "held" } else { "holds" }, 2)
                }
                (Relation::TenureOf, false, true)
                    if self.links[i + 1] == (Relation::Holder, true) =>
                {
                    let ended = matches!(nodes[i + 1], NodeRef::Tenure(t) if !t.is_current());
                    (if ended { "was held by" } else { "is held by" }, 2)
                }
                _ => (verb(rel, forward), 1),
            };
            let object = nodes[i + skip];
            if first {
                write!(f, " {phrase} {}", name(object))?;
            } else if (rel, forward, skip) == (Relation::PostIn, true, 1) {
                write!(f, ", a post in {}", name(object))?;
            } else if (rel, forward, skip) == (Relation::SubOrganizationOf, true, 1) {
                write!(f, ", part of {}", name(object))?;
            } else {
                let who = if matches!(subject, NodeRef::Person(_)) {
                    "who"
                } else {
                    "which"
                };
                write!(f, ", {who} {phrase} {}", name(object))?;
            }
            i += skip;
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
    /// assert_eq!(path.keys().to_string(),
    ///     "person/wang-zhijun <-holder- membership/wang-zhijun-executive-deputy-secretary-general-of-the-state-council \
    ///      -tenure_of-> post/executive-deputy-secretary-general-of-the-state-council \
    ///      -post_in-> org/general-office-of-the-state-council <-published_by- website/gov-cn");
    /// // Handles go where ids do, and a path reads as a sentence of names.
    /// let path = g.path(wang, site).expect("connected");
    /// assert_eq!(path.to_string(),
    ///     "Wang Zhijun holds Executive Deputy Secretary-General of the State Council, \
    ///      a post in General Office of the State Council, which publishes gov.cn");
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
        let bound = self.position_bound();
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
