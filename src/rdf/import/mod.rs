//! RDF documents back into a typed [`GovGraph`](crate::GovGraph).
//!
//! The parts, in the order an import runs them: [`document`] groups the
//! parsed triples by subject; [`build`] makes a node of each group that is
//! typed as one, with [`readers`] (one per kind of node) reading its
//! fields; [`links`] resolves the links once every node exists;
//! [`derived`] recognises what the export derives (a site's address, a
//! tenure's interval, a body's function scheme, holdings and headships)
//! and keeps what the graph would not derive again; [`report`] says what
//! was done. The vocabulary itself comes from [`mapping`](super::mapping).

#![expect(
    clippy::many_single_char_names,
    reason = "s, p and o are the usual names of a triple's parts"
)]

mod build;
mod derived;
mod document;
mod error;
mod links;
mod readers;
mod report;
mod time;
mod values;

use std::io;

use oxrdfio::{RdfParseError, RdfParser};

use super::RdfFormat;
use super::export::{BaseIriError, DEFAULT_BASE_IRI, check_base};
use document::Document;
pub use error::{ImportError, SyntaxError};
use error::{Limited, parse_error};
pub use report::{ImportNote, ImportReport, Imported, NoteKind};
#[cfg(feature = "sparql")]
pub(crate) use values::term_value;

/// Reads RDF in the patterns of govgraph's vocabulary into a [`GovGraph`](crate::GovGraph).
///
/// For any graph the API can build, importing its export gives the graph
/// back (`import(export(g)) == g`) and re-exporting gives the same bytes.
/// Triples the model has no field for are kept as annotations (or, for
/// resources that are not nodes, statements) and written back on export.
/// Common variants are accepted and reported as normalised:
/// `https://schema.org/` for `http://schema.org/`, `rdfs:label` or
/// `foaf:name` for `skos:prefLabel`, and an inverse link
/// (`org:hasSubOrganization`, `org:hasPost`, `org:heldBy`, `org:siteOf`,
/// `dct:isReplacedBy`) without its forward form.
///
/// Resources the export derives from a node are read into it only where a
/// re-export gives them back under the same name: a site's `vcard:Address`
/// when it is `<base>address/<site slug>` or a blank node (and that IRI
/// names nothing else), a tenure's `time:ProperInterval` and instants when
/// their blank labels are their own or unused, a body's function scheme at
/// `<base>functions/<slug>`. Anything else about them is kept as written.
///
/// # Limits
/// A document is read up to [`with_max_bytes`](Self::with_max_bytes)
/// bytes (1 GiB by default), which bounds memory. Nesting is bounded by
/// the same limit: the Turtle, TriG and RDF/XML parsers keep nested blank
/// nodes and collections on the heap, not the stack, so a document nested
/// 100,000 levels deep imports; the JSON-LD parser refuses nesting deeper
/// than 65,536 levels with a syntax error. Nothing in the import recurses.
///
/// ```
/// use govgraph::rdf::{Exporter, Importer, RdfFormat};
/// let g = govgraph::datasets::general_office();
/// let turtle = Exporter::new().write(&g, Vec::new())?;
/// let back = Importer::new().import(turtle.as_slice(), RdfFormat::Turtle)?;
/// assert_eq!(back.graph, g);
/// assert!(back.report.notes().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Importer {
    base: String,
    /// True when the caller chose the base: then a document minted under
    /// another one is refused instead of read under its own.
    base_given: bool,
    max_bytes: u64,
}

/// The longest document [`Importer::new`] reads: 1 GiB.
pub const DEFAULT_MAX_IMPORT_BYTES: u64 = 1 << 30;

impl Default for Importer {
    fn default() -> Self {
        Self::new()
    }
}

impl Importer {
    /// An importer for IRIs minted under the [default base](DEFAULT_BASE_IRI).
    pub fn new() -> Self {
        Self {
            base: DEFAULT_BASE_IRI.to_owned(),
            base_given: false,
            max_bytes: DEFAULT_MAX_IMPORT_BYTES,
        }
    }

    /// Sets the longest document read, in bytes; a longer one fails with
    /// [`ImportError::TooLarge`] as soon as the limit is passed, before
    /// more of it is held in memory.
    ///
    /// ```
    /// use govgraph::rdf::{Importer, RdfFormat};
    /// let doc = "<https://example.org/a> <https://example.org/b> \"c\" .\n";
    /// let err = Importer::new().with_max_bytes(10).import(doc.as_bytes(), RdfFormat::NTriples).unwrap_err();
    /// assert_eq!(err.to_string(), "the document is longer than the limit of 10 bytes");
    /// ```
    pub fn with_max_bytes(mut self, limit: u64) -> Self {
        self.max_bytes = limit;
        self
    }

    /// Reads slugs from IRIs minted under `base`.
    ///
    /// Without this, the importer reads the default base, and when no
    /// subject of the document lies under it but its subjects are minted
    /// as `<B><kind>/<slug>` under one other base `B`, it reads `B` instead
    /// and says so ([`NoteKind::BaseFound`]): a file exported with another
    /// base reads back equal. With this, such a document is refused with
    /// [`ImportError::OtherBase`], which names the base it was written
    /// with.
    ///
    /// ```
    /// use govgraph::rdf::{Exporter, Importer, ImportError, NoteKind, RdfFormat};
    /// let g = govgraph::datasets::general_office();
    /// let ttl = Exporter::new().with_base_iri("https://example.org/id/")?.write(&g, Vec::new())?;
    /// let back = Importer::new().import_slice(&ttl, RdfFormat::Turtle)?;
    /// assert_eq!(back.graph, g);
    /// assert_eq!(back.report.notes_of(NoteKind::BaseFound).count(), 1);
    /// assert_eq!(back.report.base(), "https://example.org/id/");
    /// let err = Importer::new().with_base_iri("https://other.example/")?
    ///     .import_slice(&ttl, RdfFormat::Turtle).unwrap_err();
    /// assert!(matches!(err, ImportError::OtherBase { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`BaseIriError`] when `base` is not an absolute IRI ending in `/` or
    /// `#`.
    pub fn with_base_iri(mut self, base: impl Into<String>) -> Result<Self, BaseIriError> {
        self.base = check_base(base.into())?;
        self.base_given = true;
        Ok(self)
    }

    /// Reads a document in `format` from `reader` into a graph.
    ///
    /// # Errors
    /// [`ImportError`]: a syntax error with its position, an I/O error, a
    /// document longer than [the limit](Self::with_max_bytes), or a
    /// document that does not fit the model, naming the subject and the
    /// triple.
    pub fn import(
        &self,
        reader: impl io::Read,
        format: RdfFormat,
    ) -> Result<Imported, ImportError> {
        let reader = Limited {
            inner: reader,
            left: self.max_bytes,
        };
        let parser = RdfParser::from_format(format.to_oxrdfio()).for_reader(reader);
        self.read(parser, format)
    }

    /// Reads a document in `format` held in memory. The same as
    /// [`import`](Self::import) over `&[u8]`, a little faster: the parser
    /// reads the bytes in place instead of through a buffer.
    ///
    /// ```
    /// use govgraph::rdf::{Exporter, Importer, RdfFormat};
    /// let g = govgraph::datasets::general_office();
    /// let nt = Exporter::new().with_format(RdfFormat::NTriples).write(&g, Vec::new())?;
    /// assert_eq!(Importer::new().import_slice(&nt, RdfFormat::NTriples)?.graph, g);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`import`](Self::import); a slice longer than [the
    /// limit](Self::with_max_bytes) is refused before it is parsed.
    pub fn import_slice(&self, bytes: &[u8], format: RdfFormat) -> Result<Imported, ImportError> {
        if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > self.max_bytes {
            return Err(ImportError::TooLarge {
                limit: self.max_bytes,
            });
        }
        let parser = RdfParser::from_format(format.to_oxrdfio())
            .for_slice(bytes)
            .map(|q| q.map_err(RdfParseError::Syntax));
        self.read(parser, format)
    }

    /// Reads the file at `path`, in the format its extension names
    /// ([`RdfFormat::from_path`]).
    ///
    /// # Errors
    /// [`ImportError::UnknownFormat`] when the extension names no RDF
    /// format, [`ImportError::Io`] when the file cannot be opened, and as
    /// [`import`](Self::import).
    pub fn import_path(&self, path: impl AsRef<std::path::Path>) -> Result<Imported, ImportError> {
        let path = path.as_ref();
        let format = RdfFormat::from_path(path).ok_or_else(|| ImportError::UnknownFormat {
            path: path.display().to_string(),
        })?;
        let file = std::fs::File::open(path)?;
        self.import(io::BufReader::new(file), format)
    }

    fn read(
        &self,
        quads: impl Iterator<Item = Result<oxrdf::Quad, RdfParseError>>,
        format: RdfFormat,
    ) -> Result<Imported, ImportError> {
        let mut doc = Document::default();
        for quad in quads {
            let quad = quad.map_err(|e| parse_error(e, format, self.max_bytes))?;
            doc.report.triples += 1;
            if let oxrdf::GraphName::NamedNode(g) = &quad.graph_name {
                if !doc.graph_seen.contains(g.as_str()) {
                    doc.graph_seen.insert(g.as_str().to_owned());
                    doc.report.named_graphs.push(g.as_str().to_owned());
                }
            }
            doc.add(&quad.subject, &quad.predicate, &quad.object)?;
        }
        let found = self.document_base(&doc)?;
        let mut imported = doc.build(found.as_deref().unwrap_or(&self.base))?;
        found
            .as_deref()
            .unwrap_or(&self.base)
            .clone_into(&mut imported.report.base);
        if let Some(base) = found {
            imported.report.notes.push(ImportNote {
                subject: format!("<{base}>"),
                kind: NoteKind::BaseFound,
                detail: format!(
                    "no subject lies under the default base {}; read the document's own base",
                    self.base
                ),
            });
        }
        Ok(imported)
    }

    /// The base to read `doc` with when it is not the importer's own: the
    /// one other base its subjects are minted under, when none lies under
    /// the importer's base. O(subjects).
    ///
    /// # Errors
    /// [`ImportError::OtherBase`] when the caller chose the base.
    fn document_base(&self, doc: &Document) -> Result<Option<String>, ImportError> {
        let subjects = || doc.named_subjects();
        if subjects().any(|iri| minted_base(iri) == Some(self.base.as_str())) {
            return Ok(None);
        }
        let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for base in subjects().filter_map(minted_base) {
            *counts.entry(base).or_default() += 1;
        }
        let most = counts.values().copied().max().unwrap_or(0);
        let mut best = counts.into_iter().filter(|&(_, n)| n == most);
        // No minted subject, or two bases as common: a foreign document,
        // read as before (slugs minted for its subjects).
        let (Some((found, _)), None) = (best.next(), best.next()) else {
            return Ok(None);
        };
        if check_base(found.to_owned()).is_err() {
            return Ok(None);
        }
        if self.base_given {
            return Err(ImportError::OtherBase {
                told: self.base.clone(),
                found: found.to_owned(),
            });
        }
        Ok(Some(found.to_owned()))
    }
}

/// The base `iri` is minted under, when it has the form
/// `<base><kind>/<slug>` (a base ending in `/`).
fn minted_base(iri: &str) -> Option<&str> {
    let (head, slug) = iri.rsplit_once('/')?;
    crate::Slug::new(slug).ok()?;
    let (prefix, segment) = head.rsplit_once('/')?;
    crate::NodeKind::from_segment(segment)?;
    iri.get(..=prefix.len())
}

/// Reads a document with the default [`Importer`].
///
/// # Errors
/// As [`Importer::import`].
pub fn import(reader: impl io::Read, format: RdfFormat) -> Result<Imported, ImportError> {
    Importer::new().import(reader, format)
}
