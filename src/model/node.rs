//! [`Node`]: the closed set of nouns a graph holds.

use super::{
    Category, Event, Function, Jurisdiction, KindMismatch, Labels, NodeKind, Organization, Person,
    Place, Post, Site, Slug, Source, Tenure, Website,
};

/// A node of any kind. Each noun converts into a `Node` with `From`, and
/// back out with `TryFrom`, which fails with [`KindMismatch`].
///
/// ```
/// use govgraph::{Node, NodeKind, Person, Slug};
/// let node = Node::from(Person::new(Slug::new("wu-zhenglong")?, "Wu Zhenglong"));
/// assert_eq!(node.kind(), NodeKind::Person);
/// assert!(govgraph::Post::try_from(node.clone()).is_err());
/// assert_eq!(Person::try_from(node)?.slug.as_str(), "wu-zhenglong");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Node {
    /// An organization.
    Organization(Organization),
    /// A post.
    Post(Post),
    /// A person.
    Person(Person),
    /// A jurisdiction.
    Jurisdiction(Jurisdiction),
    /// A site.
    Site(Site),
    /// A place.
    Place(Place),
    /// A function.
    Function(Function),
    /// A website.
    Website(Website),
    /// A category.
    Category(Category),
    /// A tenure.
    Tenure(Tenure),
    /// A reorganization event.
    Event(Event),
}

macro_rules! node_conversions {
    ($($variant:ident($ty:ident)),* $(,)?) => {
        $(
            impl From<$ty> for Node {
                fn from(n: $ty) -> Node {
                    Node::$variant(n)
                }
            }

            impl TryFrom<Node> for $ty {
                type Error = KindMismatch;
                fn try_from(n: Node) -> Result<$ty, KindMismatch> {
                    match n {
                        Node::$variant(inner) => Ok(inner),
                        other => Err(KindMismatch { expected: NodeKind::$variant, found: other.kind() }),
                    }
                }
            }

            impl<'a> TryFrom<&'a Node> for &'a $ty {
                type Error = KindMismatch;
                fn try_from(n: &'a Node) -> Result<&'a $ty, KindMismatch> {
                    match n {
                        Node::$variant(inner) => Ok(inner),
                        other => Err(KindMismatch { expected: NodeKind::$variant, found: other.kind() }),
                    }
                }
            }
        )*

        impl Node {
            /// The node's kind.
            pub fn kind(&self) -> NodeKind {
                match self {
                    $(Node::$variant(_) => NodeKind::$variant,)*
                }
            }

            /// The node's slug.
            pub fn slug(&self) -> &Slug {
                match self {
                    $(Node::$variant(n) => &n.slug,)*
                }
            }

            /// The node's sources.
            pub fn sources(&self) -> &[Source] {
                match self {
                    $(Node::$variant(n) => &n.sources,)*
                }
            }
        }
    };
}

node_conversions!(
    Organization(Organization),
    Post(Post),
    Person(Person),
    Jurisdiction(Jurisdiction),
    Site(Site),
    Place(Place),
    Function(Function),
    Website(Website),
    Category(Category),
    Tenure(Tenure),
    Event(Event),
);

impl Node {
    /// Gives back the spare capacity of the node's vectors: a graph holds
    /// millions of nodes, and a vector grown by one push keeps room for
    /// four.
    pub(crate) fn shrink_to_fit(&mut self) {
        match self {
            Node::Organization(n) => n.shrink_to_fit(),
            Node::Post(n) => {
                n.labels.shrink_to_fit();
                n.sources.shrink_to_fit();
            }
            Node::Person(n) => {
                n.labels.shrink_to_fit();
                n.sources.shrink_to_fit();
            }
            Node::Jurisdiction(n) => {
                n.labels.shrink_to_fit();
                n.sources.shrink_to_fit();
            }
            Node::Site(n) => n.sources.shrink_to_fit(),
            Node::Place(n) => {
                n.labels.shrink_to_fit();
                n.sources.shrink_to_fit();
            }
            Node::Function(n) => {
                n.labels.shrink_to_fit();
                n.sources.shrink_to_fit();
            }
            Node::Website(n) => {
                n.labels.shrink_to_fit();
                n.sources.shrink_to_fit();
            }
            Node::Category(n) => {
                n.labels.shrink_to_fit();
                n.sources.shrink_to_fit();
            }
            Node::Tenure(n) => n.sources.shrink_to_fit(),
            Node::Event(n) => {
                n.labels.shrink_to_fit();
                n.sources.shrink_to_fit();
            }
        }
    }

    /// The node's multilingual labels, for the kinds that have them (all but
    /// sites and tenures).
    pub fn labels(&self) -> Option<&Labels> {
        match self {
            Node::Organization(n) => Some(&n.labels),
            Node::Post(n) => Some(&n.labels),
            Node::Person(n) => Some(&n.labels),
            Node::Jurisdiction(n) => Some(&n.labels),
            Node::Place(n) => Some(&n.labels),
            Node::Function(n) => Some(&n.labels),
            Node::Website(n) => Some(&n.labels),
            Node::Category(n) => Some(&n.labels),
            Node::Event(n) => Some(&n.labels),
            Node::Site(_) | Node::Tenure(_) => None,
        }
    }

    /// When the node was in force: a body from its founding to its
    /// dissolution, a post from its formation to its abolition, a tenure
    /// over its dates, a person from birth to death; timeless for the
    /// other kinds and for a node with no dates.
    pub fn lifetime(&self) -> super::Interval {
        use super::Interval;
        let span = |a: Option<super::PartialDate>, b: Option<super::PartialDate>| Interval {
            start: a.map(super::Bound::Date),
            end: b.map(super::Bound::Date),
        };
        match self {
            Node::Organization(o) => span(o.founded, o.details().dissolved),
            Node::Post(p) => span(p.formed, p.abolished),
            Node::Person(p) => span(p.born, p.died),
            Node::Tenure(t) => t.during(),
            _ => Interval::new(),
        }
    }

    /// A name to show a person: the English label where there is one, a
    /// site's one-line address, or else the slug.
    pub fn display_name(&self) -> &str {
        match self {
            Node::Site(s) => &s.label,
            other => other
                .labels()
                .and_then(Labels::display)
                .unwrap_or_else(|| other.slug().as_str()),
        }
    }
}
