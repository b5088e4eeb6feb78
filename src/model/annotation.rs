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

/// `rdf:langString`, the datatype of every language-tagged literal.
const LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

/// Why an [`Annotation`] or [`Statement`] cannot be kept: a part that RDF
/// cannot write as given, so that the export would not read back as the
/// same value (or, for an IRI with a `>` in it, would write a second
/// triple). Refused when the annotation or statement is added.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValueError {
    /// A property, IRI value or datatype is not an absolute IRI.
    #[error(transparent)]
    Iri(#[from] crate::IriError),
    /// A blank resource's label is not a valid blank node label.
    #[error("{label:?} is not a valid blank node label")]
    BlankLabel {
        /// The label given.
        label: String,
    },
    /// A literal's language tag is not well-formed BCP 47 in lowercase.
    #[error("{tag:?} is not a lowercase BCP 47 language tag")]
    Language {
        /// The tag given.
        tag: String,
    },
    /// A literal's datatype does not fit its language tag: a tagged literal
    /// is an `rdf:langString`, and only a tagged literal is.
    #[error("a literal with language {language:?} cannot have the datatype <{datatype}>")]
    LanguageDatatype {
        /// The language tag, if any.
        language: Option<String>,
        /// The datatype given.
        datatype: String,
    },
    /// A statement's subject is a literal.
    #[error("a statement's subject cannot be a literal")]
    LiteralSubject,
}

impl Value {
    /// Checks that RDF can write this value and read it back unchanged.
    ///
    /// ```
    /// use govgraph::Value;
    /// assert!(Value::Iri("https://example.org/a".into()).check().is_ok());
    /// assert!(Value::Iri("https://example.org/a> <https://example.org/b".into()).check().is_err());
    /// ```
    ///
    /// # Errors
    /// [`ValueError`] naming the part at fault.
    pub fn check(&self) -> Result<(), ValueError> {
        match self {
            Value::Iri(i) => crate::model::source::check_iri(i)?,
            Value::Blank(b) => {
                if oxrdf::BlankNode::new(b.as_str()).is_err() {
                    return Err(ValueError::BlankLabel { label: b.clone() });
                }
            }
            Value::Literal {
                datatype, language, ..
            } => {
                crate::model::source::check_iri(datatype)?;
                if let Some(tag) = language {
                    let lowercase = !tag.bytes().any(|b| b.is_ascii_uppercase());
                    if !lowercase || oxilangtag::LanguageTag::parse(tag.as_str()).is_err() {
                        return Err(ValueError::Language { tag: tag.clone() });
                    }
                }
                if language.is_some() != (datatype == LANG_STRING) {
                    return Err(ValueError::LanguageDatatype {
                        language: language.clone(),
                        datatype: datatype.clone(),
                    });
                }
            }
        }
        Ok(())
    }
}

impl Annotation {
    /// Checks that RDF can write this annotation and read it back
    /// unchanged: the property is an absolute IRI and the value
    /// [checks](Value::check).
    ///
    /// # Errors
    /// [`ValueError`] naming the part at fault.
    pub fn check(&self) -> Result<(), ValueError> {
        crate::model::source::check_iri(&self.property)?;
        self.value.check()
    }
}

impl Statement {
    /// Checks that RDF can write this statement and read it back
    /// unchanged: the subject is an IRI or blank resource, the property an
    /// absolute IRI, and both values [check](Value::check).
    ///
    /// # Errors
    /// [`ValueError`] naming the part at fault.
    pub fn check(&self) -> Result<(), ValueError> {
        if matches!(self.subject, Value::Literal { .. }) {
            return Err(ValueError::LiteralSubject);
        }
        self.subject.check()?;
        crate::model::source::check_iri(&self.property)?;
        self.value.check()
    }
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
