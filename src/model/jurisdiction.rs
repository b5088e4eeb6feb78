//! [`Jurisdiction`]: the domain a body's authority covers.

use super::{Labels, Slug, Source};

/// The domain over which a body has authority, as a source names it (the
/// General Office's is "State Council of China"). The graph links it to the
/// body that governs it and to the territory it covers, where known.
///
/// ```
/// use govgraph::{Jurisdiction, Slug};
/// let j = Jurisdiction::new(Slug::new("state-council-of-china")?, "State Council of China");
/// assert_eq!(j.labels.english(), Some("State Council of China"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Jurisdiction {
    /// The stable key.
    pub slug: Slug,
    /// Its names.
    pub labels: Labels,
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

impl Jurisdiction {
    /// A jurisdiction with its slug and English name.
    pub fn new(slug: Slug, english_name: impl Into<String>) -> Self {
        Self {
            slug,
            labels: Labels::en(english_name),
            description: None,
            sources: Vec::new(),
        }
    }
}

super::common_builders!(Jurisdiction);
