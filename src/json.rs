//! The whole graph to and from JSON, keyed by slugs.
//!
//! The document is an object with `format` (`"govgraph"`), `version` (`1`),
//! `nodes` (each node's fields plus a `type`, in insertion order) and
//! `links` (`{"from": "kind/slug", "relation": "...", "to": "kind/slug"}`, in
//! insertion order, with `"during": {"start": "1954-09", "end": "unknown"}`
//! on a dated link), and, when there are any, `annotations`
//! (`{"node": "kind/slug", "property": IRI, "value": ...}`) and `statements`
//! kept from imported RDF. No internal index appears in it. Reading a document
//! rebuilds the graph through the same validated insertion API as any other
//! source, so a cycle, a dangling key or a duplicate slug is an error that
//! names the node or link at fault.

use std::fmt;
use std::io;

use serde::de::Error as _;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::graph::{GovGraph, GraphError};
use crate::model::{Annotation, Interval, Node, NodeId, NodeKind, Relation, Statement, Value};

/// The JSON form's format name.
const FORMAT: &str = "govgraph";
/// The JSON form's version.
const VERSION: u32 = 1;

/// Why a JSON document could not be read as a graph.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JsonError {
    /// The text is not JSON of the expected shape; serde's message gives the
    /// line and column.
    #[error("invalid govgraph JSON: {0}")]
    Syntax(#[from] serde_json::Error),
    /// The `format` field is not `"govgraph"`.
    #[error("not a govgraph document: format is {found:?}")]
    Format {
        /// The format found.
        found: String,
    },
    /// The `version` field is not one this crate reads.
    #[error("govgraph JSON version {found} is not supported, this crate reads version {VERSION}")]
    Version {
        /// The version found.
        found: u32,
    },
    /// A link's end or an annotation's node is not of the form `kind/slug`.
    #[error("{at}: {key:?} is not a node key of the form kind/slug")]
    BadKey {
        /// Where the key is.
        at: Place,
        /// The key found.
        key: String,
    },
    /// A link or annotation names a node the document does not hold.
    #[error("{at}: no node {key} in the document")]
    UnknownNode {
        /// Where the key is.
        at: Place,
        /// The key found.
        key: String,
    },
    /// A node was refused by the graph.
    #[error("node {index}: {source}")]
    Node {
        /// The node's position in `nodes`, from 0.
        index: usize,
        /// Why.
        source: GraphError,
    },
    /// A link was refused by the graph.
    #[error("link {index}: {source}")]
    Link {
        /// The link's position in `links`, from 0.
        index: usize,
        /// Why.
        source: GraphError,
    },
    /// An annotation was refused by the graph.
    #[error("annotation {index}: {source}")]
    Annotation {
        /// The annotation's position in `annotations`, from 0.
        index: usize,
        /// Why.
        source: GraphError,
    },
    /// A statement was refused by the graph.
    #[error("statement {index}: {source}")]
    Statement {
        /// The statement's position in `statements`, from 0.
        index: usize,
        /// Why.
        source: GraphError,
    },
}

/// Where in a JSON document a key was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Place {
    /// In `links`, at this position from 0.
    Link(usize),
    /// In `annotations`, at this position from 0.
    Annotation(usize),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Link(i) => write!(f, "link {i}"),
            Place::Annotation(i) => write!(f, "annotation {i}"),
        }
    }
}

struct Key<'a>(NodeKind, &'a str);

impl fmt::Display for Key<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.0.segment(), self.1)
    }
}

impl Serialize for GovGraph {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Nodes<'a>(&'a GovGraph);
        impl Serialize for Nodes<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.nodes().map(|(_, n)| n))
            }
        }
        struct Link<'a>(&'a GovGraph, NodeId, Relation, NodeId, Interval);
        impl Serialize for Link<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let key = |id: NodeId| {
                    let slug = self.0.get(id).map_or("", |n| n.slug().as_str());
                    Key(id.kind(), slug)
                };
                let dated = !self.4.is_timeless();
                let mut st = s.serialize_struct("Link", 3 + usize::from(dated))?;
                st.serialize_field("from", &key(self.1).to_string())?;
                st.serialize_field("relation", &self.2)?;
                st.serialize_field("to", &key(self.3).to_string())?;
                if dated {
                    st.serialize_field("during", &self.4)?;
                }
                st.end()
            }
        }
        struct Links<'a>(&'a GovGraph);
        impl Serialize for Links<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(
                    self.0
                        .links_during()
                        .map(|(a, r, b, i)| Link(self.0, a, r, b, i)),
                )
            }
        }
        struct Annotated<'a>(&'a GovGraph, NodeId, &'a Annotation);
        impl Serialize for Annotated<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let slug = self.0.get(self.1).map_or("", |n| n.slug().as_str());
                let mut st = s.serialize_struct("Annotation", 3)?;
                st.serialize_field("node", &Key(self.1.kind(), slug).to_string())?;
                st.serialize_field("property", &self.2.property)?;
                st.serialize_field("value", &self.2.value)?;
                st.end()
            }
        }
        struct Annotations<'a>(&'a GovGraph);
        impl Serialize for Annotations<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let g = self.0;
                s.collect_seq(
                    g.nodes().flat_map(|(id, _)| {
                        g.annotations(id).iter().map(move |a| Annotated(g, id, a))
                    }),
                )
            }
        }
        let has_annotations = self.nodes().any(|(id, _)| !self.annotations(id).is_empty());
        let mut st = s.serialize_struct("GovGraph", 6)?;
        st.serialize_field("format", FORMAT)?;
        st.serialize_field("version", &VERSION)?;
        st.serialize_field("nodes", &Nodes(self))?;
        st.serialize_field("links", &Links(self))?;
        if has_annotations {
            st.serialize_field("annotations", &Annotations(self))?;
        }
        if !self.statements().is_empty() {
            st.serialize_field("statements", self.statements())?;
        }
        st.end()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    format: String,
    version: u32,
    #[serde(default)]
    nodes: Vec<Node>,
    #[serde(default)]
    links: Vec<LinkIn>,
    #[serde(default)]
    annotations: Vec<AnnotationIn>,
    #[serde(default)]
    statements: Vec<Statement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnnotationIn {
    node: String,
    property: String,
    value: Value,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkIn {
    from: String,
    relation: Relation,
    to: String,
    #[serde(default)]
    during: Interval,
}

fn build(doc: Document) -> Result<GovGraph, JsonError> {
    if doc.format != FORMAT {
        return Err(JsonError::Format { found: doc.format });
    }
    if doc.version != VERSION {
        return Err(JsonError::Version { found: doc.version });
    }
    let mut g = GovGraph::with_capacity(doc.nodes.len(), doc.links.len());
    for (index, node) in doc.nodes.into_iter().enumerate() {
        g.insert(node)
            .map_err(|source| JsonError::Node { index, source })?;
    }
    let resolve = |g: &GovGraph, at: Place, key: &str| -> Result<NodeId, JsonError> {
        let bad = || JsonError::BadKey {
            at,
            key: key.to_owned(),
        };
        let (segment, slug) = key.split_once('/').ok_or_else(bad)?;
        let kind = NodeKind::from_segment(segment).ok_or_else(bad)?;
        crate::Slug::new(slug).map_err(|_| bad())?;
        g.id_by_slug(kind, slug)
            .ok_or_else(|| JsonError::UnknownNode {
                at,
                key: key.to_owned(),
            })
    };
    for (index, link) in doc.links.into_iter().enumerate() {
        let from = resolve(&g, Place::Link(index), &link.from)?;
        let to = resolve(&g, Place::Link(index), &link.to)?;
        g.link_during(from, link.relation, to, link.during)
            .map_err(|source| JsonError::Link { index, source })?;
    }
    for (index, a) in doc.annotations.into_iter().enumerate() {
        let node = resolve(&g, Place::Annotation(index), &a.node)?;
        g.annotate(
            node,
            Annotation {
                property: a.property,
                value: a.value,
            },
        )
        .map_err(|source| JsonError::Annotation { index, source })?;
    }
    for (index, st) in doc.statements.into_iter().enumerate() {
        g.add_statement(st)
            .map_err(|source| JsonError::Statement { index, source })?;
    }
    Ok(g)
}

impl<'de> Deserialize<'de> for GovGraph {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        build(Document::deserialize(d)?).map_err(D::Error::custom)
    }
}

impl GovGraph {
    /// Writes the graph as JSON (compact) to `writer`, streaming.
    ///
    /// ```
    /// let g = govgraph::datasets::general_office();
    /// let mut out = Vec::new();
    /// g.write_json(&mut out)?;
    /// assert_eq!(govgraph::GovGraph::read_json(out.as_slice())?, g);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// Only the writer's.
    pub fn write_json(&self, writer: impl io::Write) -> io::Result<()> {
        serde_json::to_writer(writer, self).map_err(io::Error::from)
    }

    /// Writes the graph as indented JSON to `writer`, streaming.
    ///
    /// # Errors
    /// Only the writer's.
    pub fn write_json_pretty(&self, writer: impl io::Write) -> io::Result<()> {
        serde_json::to_writer_pretty(writer, self).map_err(io::Error::from)
    }

    /// Reads a graph from JSON, validating it as it is rebuilt.
    ///
    /// # Errors
    /// [`JsonError`], naming the line and column of a syntax error, or the
    /// node or link the graph refused and why.
    pub fn read_json(reader: impl io::Read) -> Result<Self, JsonError> {
        let doc: Document = serde_json::from_reader(io::BufReader::new(reader))?;
        build(doc)
    }

    /// Reads a graph from a JSON string (see [`read_json`](Self::read_json)).
    ///
    /// # Errors
    /// As [`read_json`](Self::read_json).
    pub fn from_json_str(text: &str) -> Result<Self, JsonError> {
        build(serde_json::from_str(text)?)
    }
}
