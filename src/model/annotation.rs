//! [`Annotation`] and [`Statement`]: facts from an imported document that the
//! model has no field for, kept so that nothing is lost on a round trip.

use std::fmt;

/// The value of an [`Annotation`] or [`Statement`]: a resource named by an
/// IRI, a blank (unnamed) resource, or a literal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum Value {
    /// A resource named by an absolute IRI.
    Iri(String),
    /// A blank resource, by its document-local label.
    Blank(String),
    /// A literal: its lexical form, its datatype IRI and, for a
    /// language-tagged string, its language tag (lowercase).
    Literal {
        /// The lexical form.
        value: String,
        /// The datatype IRI.
        datatype: String,
        /// The language tag, for a language-tagged string.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Option::is_none")
        )]
        language: Option<String>,
    },
}

impl fmt::Display for Value {
    /// N-Triples syntax for IRIs and blank resources; the lexical form in
    /// quotes, with its language or datatype, for literals.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Iri(i) => write!(f, "<{i}>"),
            Value::Blank(b) => write!(f, "_:{b}"),
            Value::Literal {
                value,
                language: Some(l),
                ..
            } => write!(f, "{value:?}@{l}"),
            Value::Literal {
                value, datatype, ..
            } => write!(f, "{value:?}^^<{datatype}>"),
        }
    }
}

/// A property of a node that the model has no field for, as an imported
/// document stated it: the property's IRI and its value. The RDF export
/// writes annotations back after the node's own triples.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Annotation {
    /// The property's IRI.
    pub property: String,
    /// Its value.
    pub value: Value,
}

/// A statement about a resource that is not a node of the graph (a blank
/// resource, or an IRI the model does not describe), kept from an imported
/// document. The RDF export writes statements after every node.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Statement {
    /// What the statement is about: an IRI or a blank resource.
    pub subject: Value,
    /// The property's IRI.
    pub property: String,
    /// Its value.
    pub value: Value,
}
