//! [`Website`]: a web site a body runs or is represented by.

use super::{IriError, Labels, Slug, Source, source::check_iri};

/// A web site. Its address is its identity on export. Which body publishes
/// it, maintains it, or has it as its official site are links in the graph.
///
/// ```
/// use govgraph::{Website, Slug};
/// let w = Website::new(Slug::new("gov-cn")?, "https://gov.cn/", "gov.cn")?;
/// assert_eq!(w.url(), "https://gov.cn/");
/// assert!(Website::new(Slug::new("bad")?, "gov.cn", "gov.cn").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "WebsiteRepr", into = "WebsiteRepr")
)]
#[non_exhaustive]
pub struct Website {
    /// The stable key.
    pub slug: Slug,
    url: String,
    /// Its names (the domain, or a title).
    pub labels: Labels,
    /// Where its facts come from.
    pub sources: Vec<Source>,
}

impl Website {
    /// A site with its slug, address (an absolute IRI) and English name.
    ///
    /// # Errors
    /// [`IriError`] when `url` is not an absolute IRI.
    pub fn new(
        slug: Slug,
        url: impl Into<String>,
        english_name: impl Into<String>,
    ) -> Result<Self, IriError> {
        let url = url.into();
        check_iri(&url)?;
        Ok(Self {
            slug,
            url,
            labels: Labels::en(english_name),
            sources: Vec::new(),
        })
    }

    /// The site's address.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Adds a source.
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct WebsiteRepr {
    slug: Slug,
    url: String,
    labels: Labels,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Source>,
}

#[cfg(feature = "serde")]
impl TryFrom<WebsiteRepr> for Website {
    type Error = IriError;
    fn try_from(r: WebsiteRepr) -> Result<Self, IriError> {
        let mut w = Website::new(r.slug, r.url, "")?;
        w.labels = r.labels;
        w.sources = r.sources;
        Ok(w)
    }
}

#[cfg(feature = "serde")]
impl From<Website> for WebsiteRepr {
    fn from(w: Website) -> Self {
        Self {
            slug: w.slug,
            url: w.url,
            labels: w.labels,
            sources: w.sources,
        }
    }
}
