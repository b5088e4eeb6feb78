//! Deltas between two snapshots of a graph: [`GovGraph::diff`] lists the
//! typed [`Change`]s that turn one graph into another, keyed by kind and
//! slug; [`GovGraph::apply`] makes them; [`Delta`] reads and writes them as
//! JSON Lines, one change a line.
//!
//! Long (over 800 lines) because the delta's three parts (computing it,
//! applying it, its JSON Lines form) share the `Change` type and its keys,
//! and `apply(diff)` must stay the exact inverse of `diff`.
//!
//! `a.apply(&GovGraph::diff(&a, &b))? == b` for any two graphs: the delta
//! carries the nodes added, every field changed (with its old value, which
//! `apply` checks), labels and links added and removed, tenure dates, the
//! annotations and statements that differ, and where each added or moved
//! node sits in `b`'s node order (graph order is part of a graph's
//! equality, because walks list neighbours in it).
//!
//! ```
//! use govgraph::{GovGraph, OrgKind, Organization, Slug};
//! use govgraph::diff::Delta;
//!
//! let mut a = GovGraph::new();
//! a.insert_org(Organization::new(Slug::new("state-council")?, OrgKind::GoverningBody, "State Council"))?;
//! let mut b = a.clone();
//! b.insert_org(Organization::new(Slug::new("general-office")?, OrgKind::Office, "General Office"))?;
//!
//! let delta = GovGraph::diff(&a, &b);
//! assert_eq!(delta.to_string(), "+ org/general-office\n");
//! let mut lines = Vec::new();
//! delta.write_jsonl(&mut lines)?;
//! let read = Delta::read_jsonl(lines.as_slice())?;
//! assert_eq!(a.apply(&read)?, b);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{self, BufRead};
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

use crate::graph::{GovGraph, GraphError};
use crate::model::{
    Annotation, Interval, Label, Labels, Lang, Node, NodeId, NodeKind, Relation, Slug, Statement,
};

/// A node's key across graphs: its kind and slug, written `segment/slug`
/// (`org/state-council`, `membership/wu-zhenglong-secretary-general`).
///
/// ```
/// use govgraph::NodeKind;
/// use govgraph::diff::NodeKey;
///
/// let key: NodeKey = "org/state-council".parse()?;
/// assert_eq!(key.kind, NodeKind::Organization);
/// assert_eq!(key.to_string(), "org/state-council");
/// assert!("organization/state-council".parse::<NodeKey>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[non_exhaustive]
pub struct NodeKey {
    /// The node's kind.
    pub kind: NodeKind,
    /// The node's slug.
    pub slug: Slug,
}

impl NodeKey {
    /// The key of a kind and a slug.
    pub fn new(kind: NodeKind, slug: Slug) -> Self {
        Self { kind, slug }
    }

    fn of(node: &Node) -> Self {
        Self::new(node.kind(), node.slug().clone())
    }

    fn find(&self, g: &GovGraph) -> Option<NodeId> {
        g.id_by_slug(self.kind, self.slug.as_str())
    }
}

impl fmt::Display for NodeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.kind.segment(), self.slug)
    }
}

/// Why a string is not a [`NodeKey`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key:?} is not a node key of the form kind/slug (as org/state-council)")]
pub struct NodeKeyError {
    /// The string given.
    pub key: String,
}

impl FromStr for NodeKey {
    type Err = NodeKeyError;
    fn from_str(s: &str) -> Result<Self, NodeKeyError> {
        let bad = || NodeKeyError { key: s.to_owned() };
        let (segment, slug) = s.split_once('/').ok_or_else(bad)?;
        let kind = NodeKind::from_segment(segment).ok_or_else(bad)?;
        let slug = Slug::new(slug).map_err(|_| bad())?;
        Ok(Self { kind, slug })
    }
}

impl TryFrom<String> for NodeKey {
    type Error = NodeKeyError;
    fn try_from(s: String) -> Result<Self, NodeKeyError> {
        s.parse()
    }
}

impl From<NodeKey> for String {
    fn from(k: NodeKey) -> Self {
        k.to_string()
    }
}

/// One change between two graphs. In JSON Lines each is an object whose
/// `op` names the variant in snake case (`node_added`, `field_changed`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Change {
    /// A node that only the new graph has, placed right after `after` in
    /// the new graph's node order (`None`: first).
    NodeAdded {
        /// The node, whole.
        node: Node,
        /// The node before it in the new graph.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<NodeKey>,
    },
    /// A node that only the old graph has. Its links are removed by their
    /// own [`Change::LinkRemoved`]s.
    NodeRemoved {
        /// The node removed.
        key: NodeKey,
    },
    /// A node both graphs have, at another place in the node order.
    NodeMoved {
        /// The node moved.
        key: NodeKey,
        /// The node before it in the new graph (`None`: first).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<NodeKey>,
    },
    /// A field of a node (as the govgraph JSON form names it) with another
    /// value; `from` or `to` is left out when the field is unset.
    FieldChanged {
        /// The node.
        key: NodeKey,
        /// The field's name in the node's JSON form (`founded`, `kind`,
        /// `description`, …).
        field: String,
        /// The old value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<Json>,
        /// The new value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<Json>,
    },
    /// A label the new graph has and the old one does not.
    LabelAdded {
        /// The node.
        key: NodeKey,
        /// The label.
        label: Label,
        /// True for the language's preferred label, false for an
        /// alternate (appended after the others).
        preferred: bool,
    },
    /// A label the old graph has and the new one does not.
    LabelRemoved {
        /// The node.
        key: NodeKey,
        /// The label.
        label: Label,
        /// True for the language's preferred label, false for an alternate.
        preferred: bool,
    },
    /// A tenure whose dates changed: each side holds the tenure's date
    /// fields as its JSON form writes them (fields left out are unset).
    TenureDatesChanged {
        /// The tenure.
        key: NodeKey,
        /// The old dates.
        from: Map<String, Json>,
        /// The new dates.
        to: Map<String, Json>,
    },
    /// A link only the new graph has.
    LinkAdded {
        /// The source node.
        from: NodeKey,
        /// The relation.
        relation: Relation,
        /// The target node.
        to: NodeKey,
        /// When the link holds (left out: timeless).
        #[serde(default, skip_serializing_if = "Interval::is_timeless")]
        during: Interval,
    },
    /// A link only the old graph has.
    LinkRemoved {
        /// The source node.
        from: NodeKey,
        /// The relation.
        relation: Relation,
        /// The target node.
        to: NodeKey,
        /// When the link held (left out: timeless).
        #[serde(default, skip_serializing_if = "Interval::is_timeless")]
        during: Interval,
    },
    /// A node whose annotations differ: the new graph's, whole and in order.
    AnnotationsChanged {
        /// The node.
        key: NodeKey,
        /// Its annotations in the new graph.
        annotations: Vec<Annotation>,
    },
    /// The statements about resources that are not nodes differ: the new
    /// graph's, whole and in order.
    StatementsChanged {
        /// The new graph's statements.
        statements: Vec<Statement>,
    },
}

impl fmt::Display for Change {
    /// One line of the text form, as `govgraph diff --format text` prints
    /// it: `+` added, `-` removed, `~` changed, `>` moved.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let opt = |v: &Option<Json>| {
            v.as_ref()
                .map_or_else(|| "(unset)".to_owned(), Json::to_string)
        };
        let after = |a: &Option<NodeKey>| {
            a.as_ref()
                .map_or_else(|| "(first)".to_owned(), ToString::to_string)
        };
        match self {
            Change::NodeAdded { node, .. } => write!(f, "+ {}", NodeKey::of(node)),
            Change::NodeRemoved { key } => write!(f, "- {key}"),
            Change::NodeMoved { key, after: a } => write!(f, "> {key} after {}", after(a)),
            Change::FieldChanged {
                key,
                field,
                from,
                to,
            } => {
                write!(f, "~ {key} {field}: {} -> {}", opt(from), opt(to))
            }
            Change::LabelAdded {
                key,
                label,
                preferred,
            } => {
                let what = if *preferred {
                    "label"
                } else {
                    "alternate label"
                };
                write!(f, "+ {key} {what} {:?}@{}", label.text, label.lang)
            }
            Change::LabelRemoved {
                key,
                label,
                preferred,
            } => {
                let what = if *preferred {
                    "label"
                } else {
                    "alternate label"
                };
                write!(f, "- {key} {what} {:?}@{}", label.text, label.lang)
            }
            Change::TenureDatesChanged { key, from, to } => {
                write!(
                    f,
                    "~ {key} dates: {} -> {}",
                    Json::Object(from.clone()),
                    Json::Object(to.clone())
                )
            }
            Change::LinkAdded {
                from,
                relation,
                to,
                during,
            } => write!(f, "+ {from} -{relation}-> {to}{}", dates(during)),
            Change::LinkRemoved {
                from,
                relation,
                to,
                during,
            } => write!(f, "- {from} -{relation}-> {to}{}", dates(during)),
            Change::AnnotationsChanged { key, annotations } => {
                write!(f, "~ {key} annotations: {} now", annotations.len())
            }
            Change::StatementsChanged { statements } => {
                write!(f, "~ statements: {} now", statements.len())
            }
        }
    }
}

/// The changes that turn one graph into another, in a fixed order: nodes
/// removed, nodes added or moved (in the new graph's order), field, label
/// and date changes (in the new graph's order), links removed, links added,
/// annotations, statements.
///
/// The text form (`Display`) is one [`Change`] a line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delta {
    changes: Vec<Change>,
}

impl Delta {
    /// The changes, in order.
    pub fn changes(&self) -> impl ExactSizeIterator<Item = &Change> + '_ {
        self.changes.iter()
    }

    /// How many changes there are.
    pub fn len(&self) -> usize {
        self.changes.len()
    }

    /// True when the two graphs were equal.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Writes the changes as JSON Lines: one JSON object a line, each line
    /// ended by `\n`.
    ///
    /// # Errors
    /// The writer's I/O errors.
    pub fn write_jsonl(&self, mut writer: impl io::Write) -> io::Result<()> {
        for c in &self.changes {
            serde_json::to_writer(&mut writer, c).map_err(io::Error::from)?;
            writer.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Reads changes written as JSON Lines (blank lines are skipped).
    ///
    /// ```
    /// use govgraph::diff::Delta;
    ///
    /// let delta = Delta::read_jsonl(&b"{\"op\":\"node_removed\",\"key\":\"org/x\"}\n"[..])?;
    /// assert_eq!(delta.to_string(), "- org/x\n");
    /// let err = Delta::read_jsonl(&b"\n{\"op\":\"node_gone\"}\n"[..]).unwrap_err();
    /// assert!(err.to_string().starts_with("delta line 2: unknown variant `node_gone`"), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`DeltaError::Read`] on an I/O error, [`DeltaError::Line`] naming the
    /// line of a change that does not parse.
    pub fn read_jsonl(reader: impl io::Read) -> Result<Self, DeltaError> {
        let mut changes = Vec::new();
        for (i, line) in io::BufReader::new(reader).lines().enumerate() {
            let line = line.map_err(DeltaError::Read)?;
            if line.trim().is_empty() {
                continue;
            }
            let change = serde_json::from_str(&line).map_err(|source| DeltaError::Line {
                line: i + 1,
                source,
            })?;
            changes.push(change);
        }
        Ok(Self { changes })
    }
}

impl fmt::Display for Delta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in &self.changes {
            writeln!(f, "{c}")?;
        }
        Ok(())
    }
}

impl FromIterator<Change> for Delta {
    fn from_iter<I: IntoIterator<Item = Change>>(iter: I) -> Self {
        Self {
            changes: iter.into_iter().collect(),
        }
    }
}

impl IntoIterator for Delta {
    type Item = Change;
    type IntoIter = std::vec::IntoIter<Change>;
    fn into_iter(self) -> Self::IntoIter {
        self.changes.into_iter()
    }
}

/// Why a delta could not be read or applied. Every message names the change
/// (its number, counted from 1 in the delta's order) and the node or link.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DeltaError {
    /// The delta could not be read.
    #[error("cannot read the delta: {0}")]
    Read(#[source] io::Error),
    /// A line is not a change.
    #[error("delta line {line}: {source}")]
    Line {
        /// The line, counted from 1.
        line: usize,
        /// What `serde_json` said.
        #[source]
        source: serde_json::Error,
    },
    /// A change names a node the graph does not have.
    #[error("change {change}: no node {key} in the graph")]
    UnknownNode {
        /// The change, counted from 1.
        change: usize,
        /// The node's key.
        key: NodeKey,
    },
    /// A change adds a node the graph already has.
    #[error("change {change}: the graph already has a node {key}")]
    AlreadyThere {
        /// The change, counted from 1.
        change: usize,
        /// The node's key.
        key: NodeKey,
    },
    /// Two changes touch one node in ways that do not fit (removed twice,
    /// removed and moved, …).
    #[error("change {change}: node {key} is already removed, added or moved by an earlier change")]
    Conflict {
        /// The change, counted from 1.
        change: usize,
        /// The node's key.
        key: NodeKey,
    },
    /// A change expects another old value than the graph holds.
    #[error("change {change}: {key} {what} is {found} here, the delta expects {expected}")]
    Mismatch {
        /// The change, counted from 1.
        change: usize,
        /// The node's key.
        key: NodeKey,
        /// The field, label or link.
        what: String,
        /// What the graph holds.
        found: String,
        /// What the change expects.
        expected: String,
    },
    /// The changed node is not a valid node.
    #[error("change {change}: {key} would not be a valid node: {source}")]
    BadNode {
        /// The change, counted from 1.
        change: usize,
        /// The node's key.
        key: NodeKey,
        /// Why.
        #[source]
        source: serde_json::Error,
    },
    /// Two nodes are placed after the same node, or a node after one that
    /// is not in the result.
    #[error("change {change}: cannot place {key} after {after}")]
    Order {
        /// The change, counted from 1.
        change: usize,
        /// The node placed.
        key: NodeKey,
        /// The node it should follow (`(first)` for the start).
        after: String,
    },
    /// The graph refused a node or link of the result.
    #[error("change {change}: {source}")]
    Graph {
        /// The change that brought the node or link (0 for one kept from
        /// the old graph).
        change: usize,
        /// Why.
        #[source]
        source: GraphError,
    },
}

/// The fields of a tenure's JSON form that [`Change::TenureDatesChanged`]
/// carries.
const TENURE_DATE_FIELDS: &[&str] = &["start", "end"];

/// A node's JSON form as an object, without `type` and `slug` (the key
/// says them).
fn fields(node: &Node) -> Map<String, Json> {
    match serde_json::to_value(node) {
        Ok(Json::Object(mut m)) => {
            m.remove("type");
            m.remove("slug");
            m
        }
        _ => Map::new(),
    }
}

fn node_from_fields(
    kind: NodeKind,
    slug: &Slug,
    mut m: Map<String, Json>,
) -> Result<Node, serde_json::Error> {
    m.insert("type".to_owned(), Json::String(kind.name().to_owned()));
    m.insert("slug".to_owned(), Json::String(slug.as_str().to_owned()));
    serde_json::from_value(Json::Object(m))
}

fn labels_from_json(v: Option<&Json>) -> Labels {
    v.and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default()
}

/// The label changes from `a` to `b` (see [`Change::LabelAdded`]).
fn label_changes(key: &NodeKey, a: &Labels, b: &Labels, out: &mut Vec<Change>) {
    let label = |lang: &Lang, text: &str| Label {
        lang: lang.clone(),
        text: text.to_owned(),
    };
    let bp: Vec<_> = b.preferred_all().collect();
    let ap: Vec<_> = a.preferred_all().collect();
    for &(lang, text) in &ap {
        if b.preferred(lang) != Some(text) {
            out.push(Change::LabelRemoved {
                key: key.clone(),
                label: label(lang, text),
                preferred: true,
            });
        }
    }
    for &(lang, text) in &bp {
        if a.preferred(lang) != Some(text) {
            out.push(Change::LabelAdded {
                key: key.clone(),
                label: label(lang, text),
                preferred: true,
            });
        }
    }
    let aa: Vec<&Label> = a.alternates().collect();
    let ba: Vec<&Label> = b.alternates().collect();
    if aa == ba {
        return;
    }
    let in_b: HashSet<&Label> = ba.iter().copied().collect();
    let kept: Vec<&Label> = aa.iter().copied().filter(|l| in_b.contains(l)).collect();
    let prefix = kept.iter().zip(&ba).take_while(|(x, y)| x == y).count();
    let kept_set: HashSet<&Label> = kept[..prefix].iter().copied().collect();
    for l in aa.iter().filter(|l| !kept_set.contains(*l)) {
        out.push(Change::LabelRemoved {
            key: key.clone(),
            label: (*l).clone(),
            preferred: false,
        });
    }
    for l in &ba[prefix..] {
        out.push(Change::LabelAdded {
            key: key.clone(),
            label: (*l).clone(),
            preferred: false,
        });
    }
}

/// The positions (into `seq`) of a longest strictly increasing subsequence.
/// O(n log n).
fn longest_increasing(seq: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; seq.len()];
    for (i, &v) in seq.iter().enumerate() {
        let at = tails.partition_point(|&t| seq[t] < v);
        if at > 0 {
            prev[i] = tails[at - 1];
        }
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        out.push(i);
        cur = (prev[i] != usize::MAX).then(|| prev[i]);
    }
    out.reverse();
    out
}

/// A node's raw id as an index.
fn slot(id: NodeId) -> usize {
    id.raw() as usize
}

/// For each node of `from` (by raw id), the node of `to` with its kind and
/// slug.
fn matches(from: &GovGraph, to: &GovGraph) -> Vec<Option<NodeId>> {
    let len = from.nodes().map(|(id, _)| slot(id) + 1).max().unwrap_or(0);
    let mut out = vec![None; len];
    for (id, n) in from.nodes() {
        out[slot(id)] = to.id_by_slug(n.kind(), n.slug().as_str());
    }
    out
}

/// A link's interval for the text form: nothing when timeless.
fn dates(during: &Interval) -> String {
    if during.is_timeless() {
        return String::new();
    }
    let show =
        |b: Option<crate::model::Bound>| b.map_or_else(|| "..".to_owned(), |b| b.to_string());
    format!(" [{} to {}]", show(during.start), show(during.end))
}

/// A link by the keys of its ends.
type KeyedLink = (NodeKey, Relation, NodeKey, Interval);

fn link_keys(
    g: &GovGraph,
    (from, rel, to, during): (NodeId, Relation, NodeId, Interval),
) -> Option<KeyedLink> {
    let key = |id: NodeId| g.get(id).map(NodeKey::of);
    Some((key(from)?, rel, key(to)?, during))
}

/// The field, label and date changes of a node both graphs have.
fn node_changes(old: &Node, new: &Node, out: &mut Vec<Change>) {
    let key = NodeKey::of(new);
    let (mut fa, mut fb) = (fields(old), fields(new));
    let la = labels_from_json(fa.remove("labels").as_ref());
    let lb = labels_from_json(fb.remove("labels").as_ref());
    let mut dates = (Map::new(), Map::new());
    if new.kind() == NodeKind::Tenure {
        for f in TENURE_DATE_FIELDS {
            if let Some(v) = fa.remove(*f) {
                dates.0.insert((*f).to_owned(), v);
            }
            if let Some(v) = fb.remove(*f) {
                dates.1.insert((*f).to_owned(), v);
            }
        }
    }
    let mut names: Vec<&String> = fa
        .keys()
        .chain(fb.keys().filter(|k| !fa.contains_key(*k)))
        .collect();
    names.sort();
    for name in names {
        let (from, to) = (fa.get(name), fb.get(name));
        if from != to {
            out.push(Change::FieldChanged {
                key: key.clone(),
                field: name.clone(),
                from: from.cloned(),
                to: to.cloned(),
            });
        }
    }
    label_changes(&key, &la, &lb, out);
    if dates.0 != dates.1 {
        out.push(Change::TenureDatesChanged {
            key,
            from: dates.0,
            to: dates.1,
        });
    }
}

/// The links only `a` has (removed) and only `b` has (added), matched by the
/// keys of their ends.
fn link_changes(a: &GovGraph, b: &GovGraph, a_to_b: &[Option<NodeId>], out: &mut Vec<Change>) {
    type Link = (NodeId, Relation, NodeId, Interval);
    let translate = |map: &[Option<NodeId>], (x, r, y, i): Link| {
        let m = |id: NodeId| map.get(slot(id)).copied().flatten();
        Some((m(x)?, r, m(y)?, i))
    };
    let a_in_b: HashSet<Link> = a
        .links_during()
        .filter_map(|l| translate(a_to_b, l))
        .collect();
    let b_links: HashSet<Link> = b.links_during().collect();
    for l in a.links_during() {
        if !translate(a_to_b, l).is_some_and(|t| b_links.contains(&t)) {
            if let Some((from, relation, to, during)) = link_keys(a, l) {
                out.push(Change::LinkRemoved {
                    from,
                    relation,
                    to,
                    during,
                });
            }
        }
    }
    for l in b.links_during() {
        if !a_in_b.contains(&l) {
            if let Some((from, relation, to, during)) = link_keys(b, l) {
                out.push(Change::LinkAdded {
                    from,
                    relation,
                    to,
                    during,
                });
            }
        }
    }
}

impl GovGraph {
    /// The changes that turn `a` into `b`, nodes matched by kind and slug.
    /// Empty when the graphs are equal. Costs O(nodes + links) expected
    /// time, plus the JSON form of each node that changed.
    ///
    /// ```
    /// use govgraph::{GovGraph, OrgKind, Organization, PartialDate, Slug};
    ///
    /// let mut a = GovGraph::new();
    /// a.insert_org(Organization::new(Slug::new("state-council")?, OrgKind::GoverningBody, "State Council"))?;
    /// let mut b = GovGraph::new();
    /// b.insert_org(Organization::new(Slug::new("state-council")?, OrgKind::GoverningBody, "State Council")
    ///     .with_founded("1954-09".parse::<PartialDate>()?))?;
    /// assert_eq!(GovGraph::diff(&a, &b).to_string(), "~ org/state-council founded: (unset) -> \"1954-09\"\n");
    /// assert!(GovGraph::diff(&b, &b).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn diff(a: &GovGraph, b: &GovGraph) -> Delta {
        let mut out = Vec::new();
        // Each node's match in the other graph, by raw id: one slug look-up
        // a node.
        let a_to_b = matches(a, b);
        let b_to_a = matches(b, a);
        let other = |map: &[Option<NodeId>], id: NodeId| map.get(slot(id)).copied().flatten();
        // Nodes removed.
        for (id, n) in a.nodes() {
            if other(&a_to_b, id).is_none() {
                out.push(Change::NodeRemoved {
                    key: NodeKey::of(n),
                });
            }
        }
        // Order: the common nodes in a's order, by their position in b.
        let b_nodes: Vec<(NodeId, &Node)> = b.nodes().collect();
        let mut b_pos = vec![0usize; b_to_a.len()];
        for (i, (id, _)) in b_nodes.iter().enumerate() {
            b_pos[slot(*id)] = i;
        }
        let common_b_pos: Vec<usize> = a
            .nodes()
            .filter_map(|(id, _)| other(&a_to_b, id).map(|x| b_pos[slot(x)]))
            .collect();
        let mut anchored = vec![false; b_nodes.len()];
        for i in longest_increasing(&common_b_pos) {
            anchored[common_b_pos[i]] = true;
        }
        let mut changed = Vec::new();
        for (i, &(id, n)) in b_nodes.iter().enumerate() {
            let after = || i.checked_sub(1).map(|p| NodeKey::of(b_nodes[p].1));
            match other(&b_to_a, id).and_then(|x| a.get(x)) {
                None => out.push(Change::NodeAdded {
                    node: n.clone(),
                    after: after(),
                }),
                Some(old) => {
                    if !anchored[i] {
                        out.push(Change::NodeMoved {
                            key: NodeKey::of(n),
                            after: after(),
                        });
                    }
                    if old != n {
                        changed.push((old, n));
                    }
                }
            }
        }
        for (old, new) in changed {
            node_changes(old, new, &mut out);
        }
        link_changes(a, b, &a_to_b, &mut out);
        // Annotations and statements.
        for (id, n) in b.nodes() {
            let new = b.annotations(id);
            let old = other(&b_to_a, id).map_or(&[][..], |x| a.annotations(x));
            if old != new {
                out.push(Change::AnnotationsChanged {
                    key: NodeKey::of(n),
                    annotations: new.to_vec(),
                });
            }
        }
        if a.statements() != b.statements() {
            out.push(Change::StatementsChanged {
                statements: b.statements().to_vec(),
            });
        }
        Delta { changes: out }
    }

    /// A new graph: this one with `delta`'s changes made. Each change is
    /// checked against this graph (a field's old value, a label or link
    /// removed must be there), and the result is built through the
    /// validated insertion API. Costs O(nodes + links + changes).
    ///
    /// ```
    /// use govgraph::{GovGraph, OrgKind, Organization, Slug};
    ///
    /// let mut a = GovGraph::new();
    /// a.insert_org(Organization::new(Slug::new("state-council")?, OrgKind::GoverningBody, "State Council"))?;
    /// let b = GovGraph::new();
    /// let delta = GovGraph::diff(&a, &b);
    /// assert_eq!(a.apply(&delta)?, b);
    /// let err = b.apply(&delta).unwrap_err();
    /// assert_eq!(err.to_string(), "change 1: no node org/state-council in the graph");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`DeltaError`] naming the change that does not fit this graph, or
    /// that would make an invalid node or link.
    pub fn apply(&self, delta: &Delta) -> Result<GovGraph, DeltaError> {
        let mut st = ApplyState::default();
        for (i, c) in delta.changes.iter().enumerate() {
            st.take(self, i + 1, c)?;
        }
        st.build(self)
    }
}

/// A node being edited by [`GovGraph::apply`]: its JSON form without
/// `type`, `slug` and `labels`, and its labels.
struct Edit {
    fields: Map<String, Json>,
    labels: Labels,
    has_labels: bool,
    /// The last change that edited it.
    change: usize,
}

/// What [`GovGraph::apply`] gathered from the changes, before it builds the
/// result.
#[derive(Default)]
struct ApplyState<'d> {
    removed: HashSet<&'d NodeKey>,
    moved: HashSet<&'d NodeKey>,
    added: HashMap<NodeKey, &'d Node>,
    /// The node placed right after each node (`None`: the start), with the
    /// change that placed it.
    followers: HashMap<Option<NodeKey>, (usize, NodeKey)>,
    edits: HashMap<NodeKey, Edit>,
    links_removed: HashMap<KeyedLink, usize>,
    links_added: Vec<(usize, &'d NodeKey, Relation, &'d NodeKey, Interval)>,
    annotations: HashMap<&'d NodeKey, &'d [Annotation]>,
    statements: Option<&'d [Statement]>,
}

impl<'d> ApplyState<'d> {
    fn place(
        &mut self,
        change: usize,
        key: &NodeKey,
        after: Option<&NodeKey>,
    ) -> Result<(), DeltaError> {
        if self.followers.contains_key(&after.cloned()) {
            return Err(DeltaError::Order {
                change,
                key: key.clone(),
                after: after.map_or_else(|| "(first)".to_owned(), ToString::to_string),
            });
        }
        self.followers.insert(after.cloned(), (change, key.clone()));
        Ok(())
    }

    /// The node `key` names, ready for editing.
    fn edit(
        &mut self,
        g: &GovGraph,
        change: usize,
        key: &NodeKey,
    ) -> Result<&mut Edit, DeltaError> {
        if !self.edits.contains_key(key) {
            let unknown = || DeltaError::UnknownNode {
                change,
                key: key.clone(),
            };
            let node = match self.added.get(key) {
                Some(n) => *n,
                None => key
                    .find(g)
                    .filter(|_| !self.removed.contains(key))
                    .and_then(|id| g.get(id))
                    .ok_or_else(unknown)?,
            };
            let mut fields = fields(node);
            let labels = fields.remove("labels");
            let edit = Edit {
                has_labels: labels.is_some(),
                labels: labels_from_json(labels.as_ref()),
                fields,
                change,
            };
            self.edits.insert(key.clone(), edit);
        }
        self.edits
            .get_mut(key)
            .ok_or_else(|| DeltaError::UnknownNode {
                change,
                key: key.clone(),
            })
    }

    #[expect(
        clippy::too_many_lines,
        reason = "one arm per change kind, best read in one place"
    )]
    fn take(
        &mut self,
        graph: &GovGraph,
        change: usize,
        item: &'d Change,
    ) -> Result<(), DeltaError> {
        let unknown = |key: &NodeKey| DeltaError::UnknownNode {
            change,
            key: key.clone(),
        };
        let conflict = |key: &NodeKey| DeltaError::Conflict {
            change,
            key: key.clone(),
        };
        let present = Json::String("present".to_owned());
        let absent = Json::String("absent".to_owned());
        match item {
            Change::NodeAdded { node, after } => {
                let key = NodeKey::of(node);
                if key.find(graph).is_some() && !self.removed.contains(&key) {
                    return Err(DeltaError::AlreadyThere { change, key });
                }
                if self.added.contains_key(&key) {
                    return Err(conflict(&key));
                }
                self.place(change, &key, after.as_ref())?;
                self.added.insert(key, node);
            }
            Change::NodeRemoved { key } => {
                key.find(graph).ok_or_else(|| unknown(key))?;
                if self.moved.contains(key)
                    || self.edits.contains_key(key)
                    || !self.removed.insert(key)
                {
                    return Err(conflict(key));
                }
            }
            Change::NodeMoved { key, after } => {
                key.find(graph).ok_or_else(|| unknown(key))?;
                if self.removed.contains(key) || !self.moved.insert(key) {
                    return Err(conflict(key));
                }
                self.place(change, key, after.as_ref())?;
            }
            Change::FieldChanged {
                key,
                field,
                from,
                to,
            } => {
                let e = self.edit(graph, change, key)?;
                let found = e.fields.get(field);
                if found != from.as_ref() {
                    return Err(mismatch(
                        change,
                        key,
                        &format!("field `{field}`"),
                        found,
                        from.as_ref(),
                    ));
                }
                match to {
                    Some(v) => e.fields.insert(field.clone(), v.clone()),
                    None => e.fields.remove(field),
                };
            }
            Change::TenureDatesChanged { key, from, to } => {
                let e = self.edit(graph, change, key)?;
                let found: Map<String, Json> = TENURE_DATE_FIELDS
                    .iter()
                    .filter_map(|f| e.fields.get(*f).map(|v| ((*f).to_owned(), v.clone())))
                    .collect();
                if &found != from {
                    let (f, x) = (Json::Object(found), Json::Object(from.clone()));
                    return Err(mismatch(change, key, "dates", Some(&f), Some(&x)));
                }
                for f in TENURE_DATE_FIELDS {
                    e.fields.remove(*f);
                }
                e.fields
                    .extend(to.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
            Change::LabelAdded {
                key,
                label,
                preferred,
            } => {
                let e = self.edit(graph, change, key)?;
                if *preferred {
                    if let Some(old) = e.labels.preferred(&label.lang) {
                        let what = format!("preferred label in {}", label.lang);
                        let found = Json::String(old.to_owned());
                        return Err(mismatch(change, key, &what, Some(&found), None));
                    }
                    e.labels
                        .set_preferred(label.lang.clone(), label.text.clone());
                } else {
                    e.labels
                        .add_alternate(label.lang.clone(), label.text.clone());
                }
                e.has_labels = true;
            }
            Change::LabelRemoved {
                key,
                label,
                preferred,
            } => {
                let e = self.edit(graph, change, key)?;
                let mut rebuilt = Labels::new();
                let mut found = false;
                for (lang, text) in e.labels.preferred_all() {
                    if *preferred && *lang == label.lang && text == label.text {
                        found = true;
                    } else {
                        rebuilt.set_preferred(lang.clone(), text);
                    }
                }
                for l in e.labels.alternates() {
                    if !*preferred && l == label {
                        found = true;
                    } else {
                        rebuilt.add_alternate(l.lang.clone(), l.text.clone());
                    }
                }
                if !found {
                    let what = format!("label {:?}@{}", label.text, label.lang);
                    return Err(mismatch(change, key, &what, Some(&absent), Some(&present)));
                }
                e.labels = rebuilt;
            }
            Change::LinkAdded {
                from,
                relation,
                to,
                during,
            } => {
                self.links_added
                    .push((change, from, *relation, to, *during));
            }
            Change::LinkRemoved {
                from,
                relation,
                to,
                during,
            } => {
                if self
                    .links_removed
                    .insert((from.clone(), *relation, to.clone(), *during), change)
                    .is_some()
                {
                    let what = format!("link -{relation}-> {to}");
                    return Err(mismatch(change, from, &what, Some(&absent), Some(&present)));
                }
            }
            Change::AnnotationsChanged { key, annotations } => {
                self.annotations.insert(key, annotations);
            }
            Change::StatementsChanged { statements } => self.statements = Some(statements),
        }
        Ok(())
    }

    /// The node order of the result: `g`'s nodes that stay in place, each
    /// followed by the chain of nodes placed after it.
    fn order(&mut self, g: &GovGraph) -> Result<Vec<(usize, NodeKey)>, DeltaError> {
        let mut order: Vec<(usize, NodeKey)> =
            Vec::with_capacity(g.node_count() + self.added.len());
        let followers = &mut self.followers;
        let mut follow = |order: &mut Vec<(usize, NodeKey)>, mut prev: Option<NodeKey>| {
            while let Some((change, k)) = followers.remove(&prev) {
                order.push((change, k.clone()));
                prev = Some(k);
            }
        };
        follow(&mut order, None);
        for (_, n) in g.nodes() {
            let key = NodeKey::of(n);
            if self.removed.contains(&key) || self.moved.contains(&key) {
                continue;
            }
            order.push((0, key.clone()));
            follow(&mut order, Some(key));
        }
        if let Some((after, (change, key))) = self.followers.drain().min_by_key(|(_, (c, _))| *c) {
            return Err(DeltaError::Order {
                change,
                key,
                after: after.map_or_else(|| "(first)".to_owned(), |k| k.to_string()),
            });
        }
        Ok(order)
    }

    fn build(mut self, old: &GovGraph) -> Result<GovGraph, DeltaError> {
        let order = self.order(old)?;
        let mut g = GovGraph::with_capacity(order.len(), old.link_count() + self.links_added.len());
        for (change, key) in &order {
            let node = match self.edits.remove(key) {
                Some(mut e) => {
                    let bad = |source| DeltaError::BadNode {
                        change: e.change,
                        key: key.clone(),
                        source,
                    };
                    if e.has_labels {
                        let labels = serde_json::to_value(&e.labels).map_err(bad)?;
                        e.fields.insert("labels".to_owned(), labels);
                    }
                    node_from_fields(key.kind, &key.slug, e.fields).map_err(bad)?
                }
                None => match self.added.get(key) {
                    Some(n) => (*n).clone(),
                    None => key
                        .find(old)
                        .and_then(|id| old.get(id))
                        .cloned()
                        .ok_or_else(|| DeltaError::UnknownNode {
                            change: *change,
                            key: key.clone(),
                        })?,
                },
            };
            g.insert(node).map_err(|source| DeltaError::Graph {
                change: *change,
                source,
            })?;
        }
        let in_g = |g: &GovGraph, change: usize, key: &NodeKey| {
            key.find(g).ok_or_else(|| DeltaError::UnknownNode {
                change,
                key: key.clone(),
            })
        };
        for l in old.links_during() {
            let Some(keyed) = link_keys(old, l) else {
                continue;
            };
            if !self.links_removed.is_empty() && self.links_removed.remove(&keyed).is_some() {
                continue;
            }
            let (from, rel, to, during) = keyed;
            let (x, y) = (in_g(&g, 0, &from)?, in_g(&g, 0, &to)?);
            g.link_during(x, rel, y, during)
                .map_err(|source| DeltaError::Graph { change: 0, source })?;
        }
        if let Some(((from, relation, to, _), change)) =
            self.links_removed.into_iter().min_by_key(|(_, c)| *c)
        {
            let what = format!("link -{relation}-> {to}");
            let present = Json::String("present".to_owned());
            let absent = Json::String("absent".to_owned());
            return Err(mismatch(
                change,
                &from,
                &what,
                Some(&absent),
                Some(&present),
            ));
        }
        for (change, from, rel, to, during) in self.links_added {
            let (x, y) = (in_g(&g, change, from)?, in_g(&g, change, to)?);
            g.link_during(x, rel, y, during)
                .map_err(|source| DeltaError::Graph { change, source })?;
        }
        let ids: Vec<(NodeId, NodeKey)> = g.nodes().map(|(id, n)| (id, NodeKey::of(n))).collect();
        for (id, key) in ids {
            let list: Vec<Annotation> = match self.annotations.get(&key) {
                Some(a) => a.to_vec(),
                None if self.added.contains_key(&key) => Vec::new(),
                None => key
                    .find(old)
                    .map(|x| old.annotations(x).to_vec())
                    .unwrap_or_default(),
            };
            for a in list {
                g.annotate(id, a)
                    .map_err(|source| DeltaError::Graph { change: 0, source })?;
            }
        }
        for s in self.statements.unwrap_or(old.statements()) {
            g.add_statement(s.clone())
                .map_err(|source| DeltaError::Graph { change: 0, source })?;
        }
        Ok(g)
    }
}

fn mismatch(
    change: usize,
    key: &NodeKey,
    what: &str,
    found: Option<&Json>,
    expected: Option<&Json>,
) -> DeltaError {
    let show = |v: Option<&Json>| v.map_or_else(|| "unset".to_owned(), Json::to_string);
    DeltaError::Mismatch {
        change,
        key: key.clone(),
        what: what.to_owned(),
        found: show(found),
        expected: show(expected),
    }
}
