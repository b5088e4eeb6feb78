//! [`GraphError`]: why the graph refused an insertion or a link.

use crate::model::{Interval, NodeKind, PartialDate, Relation, Slug};

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
        start: PartialDate,
        /// The end.
        end: PartialDate,
    },
    /// The id names a node that was removed from this graph.
    #[error("{kind} `{slug}` was removed from this graph")]
    Removed {
        /// The kind of the removed node.
        kind: NodeKind,
        /// The slug it had.
        slug: Slug,
    },
    /// The tenure has already ended on a date.
    #[error("{kind} `{slug}` already ended ({end})")]
    AlreadyEnded {
        /// The node's kind.
        kind: NodeKind,
        /// The node's slug.
        slug: Slug,
        /// When it ended.
        end: PartialDate,
    },
    /// Every link of this relation between the two nodes has already
    /// ended: none is in force to end.
    #[error("{from_kind} `{from}` {relation} {to_kind} `{to}` already ended ({during})")]
    LinkAlreadyEnded {
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
        /// The interval of the latest of those links.
        during: Interval,
    },
    /// There is no such link to remove or end.
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
    /// A link was given dates, but its relation is timeless (only the
    /// relations [`Relation::is_dated`] names carry intervals).
    #[error("{relation} links carry no dates; {from} to {to} was given {during}")]
    NotDated {
        /// The relation.
        relation: Relation,
        /// The source node's slug.
        from: Slug,
        /// The target node's slug.
        to: Slug,
        /// The interval given.
        during: Interval,
    },
    /// A link's interval, or one of a node's dates, ends before it begins.
    #[error("{kind} `{from}` {relation} `{to}` ends ({end}) before it begins ({start})")]
    LinkEndsBeforeStart {
        /// The relation.
        relation: Relation,
        /// The source node's kind.
        kind: NodeKind,
        /// The source node's slug.
        from: Slug,
        /// The target node's slug.
        to: Slug,
        /// The beginning.
        start: PartialDate,
        /// The end.
        end: PartialDate,
    },
    /// A dated link would close a cycle on some dates: every link of the
    /// cycle is surely in force on each day of that window.
    #[error("{0}")]
    CycleOnDate(Box<DatedCycle>),
    /// An annotation or statement RDF cannot write as given.
    #[error("cannot keep this annotation or statement: {0}")]
    BadValue(Box<crate::model::ValueError>),
}

/// The details of [`GraphError::CycleOnDate`]: the refused link, the
/// cycle it would close, and the days on which it would.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "linking {kind} `{from}` {relation} `{to}` during {during} would close a cycle through {} on {}",
    list(through),
    window(*on_from, *on_until)
)]
#[non_exhaustive]
pub struct DatedCycle {
    /// The relation.
    pub relation: Relation,
    /// The kind of the nodes.
    pub kind: NodeKind,
    /// The source node's slug.
    pub from: Slug,
    /// The target node's slug.
    pub to: Slug,
    /// The new link's interval.
    pub during: Interval,
    /// The nodes the cycle goes through, from `to` back to `from`.
    pub through: Vec<Slug>,
    /// The first day of the cycle, when it has one.
    pub on_from: Option<PartialDate>,
    /// The day after its last, when it has one.
    pub on_until: Option<PartialDate>,
}

/// `a`, `b` and `c`, each in back quotes.
fn list(slugs: &[Slug]) -> String {
    let quoted: Vec<String> = slugs.iter().map(|s| format!("`{s}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The days of a cycle, as a reader says them.
fn window(from: Option<PartialDate>, until: Option<PartialDate>) -> String {
    match (from, until) {
        (Some(a), Some(b)) => format!("every day from {a} until {b}"),
        (Some(a), None) => format!("every day from {a}"),
        (None, Some(b)) => format!("every day until {b}"),
        (None, None) => "every date".to_owned(),
    }
}
