//! [`Tenure`]: a person holding a post.

use super::{PartialDate, Slug, Source};

/// A person's holding of a post, from an optional start to an optional end.
///
/// A tenure is made by [`GovGraph::appoint`](crate::GovGraph::appoint),
/// which links it to exactly one person and one post; a tenure with no end
/// is current. Exported as an `org:Membership`.
///
/// ```
/// use govgraph::{Tenure, Slug};
/// let t = Tenure::new(Slug::new("wu-zhenglong-secretary-general")?)
///     .with_start("2023-03".parse()?);
/// assert!(t.is_current());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Tenure {
    /// The stable key.
    pub slug: Slug,
    /// When it began, if known.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub start: Option<PartialDate>,
    /// When it ended, if it has.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub end: Option<PartialDate>,
    /// Where its facts come from.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Source>,
}

impl Tenure {
    /// A tenure with no known dates.
    pub fn new(slug: Slug) -> Self {
        Self {
            slug,
            start: None,
            end: None,
            sources: Vec::new(),
        }
    }

    /// Sets the start.
    #[must_use]
    pub fn with_start(mut self, date: PartialDate) -> Self {
        self.start = Some(date);
        self
    }

    /// Sets the end.
    #[must_use]
    pub fn with_end(mut self, date: PartialDate) -> Self {
        self.end = Some(date);
        self
    }

    /// Adds a source.
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }

    /// True when no end is recorded.
    pub fn is_current(&self) -> bool {
        self.end.is_none()
    }
}
