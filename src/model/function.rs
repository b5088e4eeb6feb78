//! [`Function`]: one responsibility of a body.

use super::{Labels, Slug, Source};

/// A responsibility of an organization. A body's functions keep the order
/// a source lists them in: [`GovGraph::add_function`](crate::GovGraph::add_function)
/// numbers them 1, 2, 3, … as they are added, and the number is exported as
/// `skos:notation`.
///
/// ```
/// use govgraph::{Function, Slug};
/// let f = Function::new(Slug::new("go-1")?, "Prepares State Council meetings");
/// assert_eq!(f.position, 0); // set when added to an organization
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Function {
    /// The stable key.
    pub slug: Slug,
    /// Its place in its organization's list, from 1; 0 until it is added to
    /// one.
    #[cfg_attr(feature = "serde", serde(default))]
    pub position: u32,
    /// The responsibility, stated in the project's own words.
    pub labels: Labels,
    /// Where it comes from.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Source>,
}

impl Function {
    /// A function with its slug and English statement.
    pub fn new(slug: Slug, english: impl Into<String>) -> Self {
        Self {
            slug,
            position: 0,
            labels: Labels::en(english),
            sources: Vec::new(),
        }
    }

    /// Adds a source.
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }
}
