//! [`Person`]: someone who holds posts.

use super::{Labels, PartialDate, Slug, Source};

/// A person. Which posts they hold, and when, is recorded by
/// [`Tenure`](crate::Tenure) nodes in the graph.
///
/// ```
/// use govgraph::{Person, Slug};
/// let p = Person::new(Slug::new("wu-zhenglong")?, "Wu Zhenglong");
/// assert_eq!(p.labels.english(), Some("Wu Zhenglong"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Person {
    /// The stable key.
    pub slug: Slug,
    /// Their names; exported also as `foaf:name`.
    pub labels: Labels,
    /// A short description in the project's own words.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub description: Option<String>,
    /// When they were born, to the precision a source gives.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub born: Option<PartialDate>,
    /// When they died, to the precision a source gives.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub died: Option<PartialDate>,
    /// Where the facts about them come from.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Source>,
}

impl Person {
    /// A person with their slug and English name.
    pub fn new(slug: Slug, english_name: impl Into<String>) -> Self {
        Self {
            slug,
            labels: Labels::en(english_name),
            description: None,
            born: None,
            died: None,
            sources: Vec::new(),
        }
    }

    /// Sets the birth date.
    #[must_use]
    pub fn with_born(mut self, date: PartialDate) -> Self {
        self.born = Some(date);
        self
    }

    /// Sets the date of death.
    #[must_use]
    pub fn with_died(mut self, date: PartialDate) -> Self {
        self.died = Some(date);
        self
    }
}

super::common_builders!(Person);
