//! [`ImportError`], the byte limit, and the helpers that name a triple in
//! an error.

use std::fmt;
use std::io;

use oxrdf::{NamedNodeRef, NamedOrBlankNode, TermRef};
use oxrdfio::RdfParseError;

use super::super::RdfFormat;
use crate::TextPosition;
use crate::graph::GraphError;
use crate::model::NodeKind;

/// Why a document could not be imported. Syntax errors carry the line and
/// column (from 1) where the parser gives them; model errors name the
/// subject IRI and the triple at fault.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The bytes are not valid in the format. The message names the
    /// format and the position; what the parser said is the error's
    /// [`source`](std::error::Error::source).
    #[error("{format} syntax error{}", .position.map(|at| format!(" at {at}")).unwrap_or_default())]
    Syntax {
        /// The format being read.
        format: RdfFormat,
        /// Where the parser places the error, when it does (the RDF/XML
        /// parser does not).
        position: Option<TextPosition>,
        /// What the parser said.
        #[source]
        source: SyntaxError,
    },
    /// Reading failed.
    #[error("cannot read the document: {0}")]
    Io(#[from] io::Error),
    /// A path's extension names no RDF format.
    #[error(
        "{path}: the file name does not say which RDF format it is in (.ttl, .nt, .nq, .trig, .rdf, .jsonld)"
    )]
    UnknownFormat {
        /// The path given.
        path: String,
    },
    /// The importer was told a base, no subject lies under it, and the
    /// document's subjects are minted under another one.
    #[error(
        "no subject lies under the base {told}; the document's subjects lie under {found}: import with that base"
    )]
    OtherBase {
        /// The base the importer was given.
        told: String,
        /// The base the document's `<kind>/<slug>` subjects lie under.
        found: String,
    },
    /// The document is longer than the importer's limit.
    #[error("the document is longer than the limit of {limit} bytes")]
    TooLarge {
        /// The limit set with
        /// [`Importer::with_max_bytes`](super::Importer::with_max_bytes).
        limit: u64,
    },
    /// The document holds more texts (IRIs, blank node labels and literal
    /// values, each counted once per occurrence for literals) than the
    /// importer can number: 2^31. Only a document of several GiB, read
    /// with a raised [limit](super::Importer::with_max_bytes), gets here.
    #[error(
        "{subject} <{predicate}> {object}: the document holds more than {max} texts (IRIs, blank node labels, literal values), more than the importer can number"
    )]
    TooManyTexts {
        /// The subject of the triple being read, in N-Triples syntax.
        subject: String,
        /// Its predicate IRI.
        predicate: String,
        /// Its object, in N-Triples syntax.
        object: String,
        /// How many texts a document may hold.
        max: u64,
    },
    /// A subject is typed as two different kinds of node.
    #[error("{subject} is typed both {first} and {second}")]
    KindConflict {
        /// The subject, in N-Triples syntax.
        subject: String,
        /// One kind.
        first: NodeKind,
        /// The other kind.
        second: NodeKind,
    },
    /// A triple's object has the wrong form (a literal where a resource is
    /// needed, or the reverse).
    #[error("{subject} <{predicate}> {object}: {expected}")]
    WrongTerm {
        /// The subject, in N-Triples syntax.
        subject: String,
        /// The predicate IRI.
        predicate: String,
        /// The object, in N-Triples syntax.
        object: String,
        /// What was expected.
        expected: &'static str,
    },
    /// A literal cannot be read as the value the model needs.
    #[error("{subject} <{predicate}> {object}: {reason}")]
    BadValue {
        /// The subject, in N-Triples syntax.
        subject: String,
        /// The predicate IRI.
        predicate: String,
        /// The object, in N-Triples syntax.
        object: String,
        /// Why.
        reason: String,
    },
    /// The graph refused a node or link the document describes (a post in
    /// two organizations, a cycle in `org:subOrganizationOf`, …).
    #[error("{subject} <{predicate}> {object}: {source}")]
    Graph {
        /// The subject, in N-Triples syntax.
        subject: String,
        /// The predicate IRI (`rdf:type` for a refused node).
        predicate: String,
        /// The object, in N-Triples syntax.
        object: String,
        /// Why the graph refused it.
        source: GraphError,
    },
}

/// A reader that fails with [`PastLimit`] once more than `left` bytes
/// have been asked of it.
pub(super) struct Limited<R> {
    pub inner: R,
    pub left: u64,
}

/// The error [`Limited`] reads fail with, told apart from the inner
/// reader's own errors by its type.
#[derive(Debug)]
struct PastLimit;

impl fmt::Display for PastLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the document is longer than the limit")
    }
}

impl std::error::Error for PastLimit {}

impl<R: io::Read> io::Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            // One byte more than the limit tells a document of exactly the
            // limit from a longer one.
            return match self.inner.read(&mut [0])? {
                0 => Ok(0),
                _ => Err(io::Error::other(PastLimit)),
            };
        }
        let room = usize::try_from(self.left)
            .unwrap_or(usize::MAX)
            .min(buf.len());
        let n = self.inner.read(&mut buf[..room])?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// What an RDF parser said about a document's syntax, in its own words
/// (which may say where again).
#[derive(Debug)]
pub struct SyntaxError(oxrdfio::RdfSyntaxError);

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for SyntaxError {}

pub(super) fn parse_error(e: RdfParseError, format: RdfFormat, limit: u64) -> ImportError {
    match e {
        RdfParseError::Io(e) if matches!(e.get_ref(), Some(inner) if inner.is::<PastLimit>()) => {
            ImportError::TooLarge { limit }
        }
        RdfParseError::Io(e) => ImportError::Io(e),
        RdfParseError::Syntax(e) => ImportError::Syntax {
            format,
            position: e
                .location()
                .map(|at| TextPosition::new(at.start.line + 1, at.start.column + 1)),
            source: SyntaxError(e),
        },
    }
}

fn triple_text(
    s: &NamedOrBlankNode,
    p: NamedNodeRef<'_>,
    o: TermRef<'_>,
) -> (String, String, String) {
    (s.to_string(), p.as_str().to_owned(), o.to_string())
}

/// Turns a graph's refusal into an error naming the triple that asked.
pub(super) fn graph_err<'t>(
    s: &'t NamedOrBlankNode,
    p: impl Into<NamedNodeRef<'t>>,
    o: impl Into<TermRef<'t>>,
) -> impl FnOnce(GraphError) -> ImportError + 't {
    let (p, o) = (p.into(), o.into());
    move |source| {
        let (subject, predicate, object) = triple_text(s, p, o);
        ImportError::Graph {
            subject,
            predicate,
            object,
            source,
        }
    }
}

pub(super) fn wrong<'t>(
    s: &NamedOrBlankNode,
    p: impl Into<NamedNodeRef<'t>>,
    o: impl Into<TermRef<'t>>,
    expected: &'static str,
) -> ImportError {
    let (subject, predicate, object) = triple_text(s, p.into(), o.into());
    ImportError::WrongTerm {
        subject,
        predicate,
        object,
        expected,
    }
}

pub(super) fn bad<'t>(
    s: &NamedOrBlankNode,
    p: impl Into<NamedNodeRef<'t>>,
    o: impl Into<TermRef<'t>>,
    reason: impl Into<String>,
) -> ImportError {
    let (subject, predicate, object) = triple_text(s, p.into(), o.into());
    ImportError::BadValue {
        subject,
        predicate,
        object,
        reason: reason.into(),
    }
}
