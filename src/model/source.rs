//! [`Source`]: where a fact came from.

use std::fmt;
use std::sync::Arc;

/// The document a node's facts were taken from, as an absolute IRI (a web
/// address such as an encyclopedia article's).
///
/// Cloning is cheap: the text is shared, so a dataset that cites one source
/// on every node stores it once.
///
/// ```
/// use govgraph::Source;
/// let src = Source::new("https://en.wikipedia.org/wiki/General_Office_of_the_State_Council")?;
/// assert_eq!(src.as_str(), "https://en.wikipedia.org/wiki/General_Office_of_the_State_Council");
/// assert!(Source::new("not an iri").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct Source(Arc<str>);

/// Why a string is not an absolute IRI.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{iri:?} is not an absolute IRI: {reason}")]
pub struct IriError {
    /// The text given.
    pub iri: String,
    /// What the IRI parser objected to.
    pub reason: String,
}

/// Checks that `iri` is an absolute IRI (RFC 3987).
pub(crate) fn check_iri(iri: &str) -> Result<(), IriError> {
    oxiri::Iri::parse(iri).map(|_| ()).map_err(|e| IriError {
        iri: iri.to_owned(),
        reason: crate::model::labels::lowercase_first(&e.to_string()),
    })
}

impl Source {
    /// Checks that `iri` is an absolute IRI and wraps it.
    ///
    /// # Errors
    /// [`IriError`] when it is not.
    pub fn new(iri: impl Into<String>) -> Result<Self, IriError> {
        let iri = iri.into();
        check_iri(&iri)?;
        Ok(Self(iri.into()))
    }

    /// The IRI.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl TryFrom<String> for Source {
    type Error = IriError;
    fn try_from(s: String) -> Result<Self, IriError> {
        Self::new(s)
    }
}

impl From<Source> for String {
    fn from(s: Source) -> Self {
        s.0.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_and_broken_iris_are_refused() {
        assert!(Source::new("https://example.org/a b").is_err());
        let err = Source::new("/relative").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("\"/relative\" is not an absolute IRI: "),
            "{err}"
        );
        let a = Source::new("https://example.org/").unwrap();
        assert_eq!(a.clone(), a);
    }
}
