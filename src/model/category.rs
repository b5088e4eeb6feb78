//! [`Category`]: a concept that groups or classifies nodes.

use std::fmt;

use super::{Labels, Slug, Source};

/// What a [`Category`] classifies by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CategoryKind {
    /// A type of body ("Directly affiliated institution", "Administrative agency").
    BodyType,
    /// A named group of bodies ("General Offices").
    Grouping,
    /// The rank of a post ("minister-level").
    Rank,
    /// Anything else.
    Other,
}

impl CategoryKind {
    /// The kind's name in snake case.
    pub const fn name(self) -> &'static str {
        match self {
            CategoryKind::BodyType => "body_type",
            CategoryKind::Grouping => "grouping",
            CategoryKind::Rank => "rank",
            CategoryKind::Other => "other",
        }
    }
}

impl fmt::Display for CategoryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A concept that classifies organizations (a body type, a group) or ranks
/// posts. Members are linked in the graph; exported as `skos:Concept`.
///
/// ```
/// use govgraph::{Category, CategoryKind, Slug};
/// let rank = Category::new(Slug::new("minister-level")?, CategoryKind::Rank, "minister-level");
/// assert_eq!(rank.kind, CategoryKind::Rank);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Category {
    /// The stable key.
    pub slug: Slug,
    /// What it classifies by.
    pub kind: CategoryKind,
    /// Its names.
    pub labels: Labels,
    /// A short description in the project's own words.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub description: Option<String>,
    /// Where it comes from.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Source>,
}

impl Category {
    /// A category with its slug, kind and English name.
    pub fn new(slug: Slug, kind: CategoryKind, english_name: impl Into<String>) -> Self {
        Self {
            slug,
            kind,
            labels: Labels::en(english_name),
            description: None,
            sources: Vec::new(),
        }
    }
}

super::common_builders!(Category);
