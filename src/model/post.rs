//! [`Post`]: a position in an organization.

use super::{Labels, PartialDate, Slug, Source};

/// A position that a person can hold, such as Secretary-General of the
/// State Council.
///
/// A post sits in at most one organization (linked in the graph with
/// [`GovGraph::add_post`](crate::GovGraph::add_post)); its rank, when known,
/// is a [`Category`](crate::Category) of kind
/// [`CategoryKind::Rank`](crate::CategoryKind::Rank).
///
/// ```
/// use govgraph::{Post, Slug};
/// let post = Post::new(Slug::new("secretary-general-of-the-state-council")?,
///                      "Secretary-General of the State Council").head();
/// assert!(post.heads);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Post {
    /// The stable key.
    pub slug: Slug,
    /// Its names.
    pub labels: Labels,
    /// True when this post leads the organization it is in; its holders
    /// are that body's heads.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub heads: bool,
    /// True when the post has one holder at a time (a secretary-general,
    /// a minister), so two overlapping tenures are a fault that
    /// the graph's lint reports. Head posts are
    /// single-seat whatever this says: see [`Post::is_single_seat`].
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub single_seat: bool,
    /// When the post was created, to the precision a source gives.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub formed: Option<PartialDate>,
    /// When the post was abolished, if it was.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub abolished: Option<PartialDate>,
    /// A short description in the project's own words.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub description: Option<String>,
    /// Where its facts come from.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Source>,
}

impl Post {
    /// A post with its slug and English name, not a head post.
    pub fn new(slug: Slug, english_name: impl Into<String>) -> Self {
        Self {
            slug,
            labels: Labels::en(english_name),
            heads: false,
            single_seat: false,
            formed: None,
            abolished: None,
            description: None,
            sources: Vec::new(),
        }
    }

    /// Marks the post as the one that leads its organization.
    #[must_use]
    pub fn head(mut self) -> Self {
        self.heads = true;
        self
    }

    /// Marks the post as held by one person at a time.
    #[must_use]
    pub fn single_seat(mut self) -> Self {
        self.single_seat = true;
        self
    }

    /// True when the post has one holder at a time: a head post, or one
    /// marked [`single_seat`](Self::single_seat).
    pub fn is_single_seat(&self) -> bool {
        self.heads || self.single_seat
    }

    /// Sets when the post was created.
    #[must_use]
    pub fn with_formed(mut self, date: PartialDate) -> Self {
        self.formed = Some(date);
        self
    }

    /// Sets when the post was abolished.
    #[must_use]
    pub fn with_abolished(mut self, date: PartialDate) -> Self {
        self.abolished = Some(date);
        self
    }
}

super::common_builders!(Post);
