//! [`RdfFormat`]: the RDF serialisations govgraph reads and writes.

use std::fmt;
use std::path::Path;

/// An RDF serialisation. Every format is both read and written; the
/// quad formats (N-Quads, `TriG`) put each node's triples in the named graph
/// of its first source, so provenance travels with the data.
///
/// ```
/// use govgraph::rdf::RdfFormat;
/// assert_eq!(RdfFormat::from_extension("ttl"), Some(RdfFormat::Turtle));
/// assert_eq!(RdfFormat::from_path("out/data.nq".as_ref()), Some(RdfFormat::NQuads));
/// assert_eq!(RdfFormat::JsonLd.media_type(), "application/ld+json");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RdfFormat {
    /// Turtle (`.ttl`).
    Turtle,
    /// N-Triples (`.nt`).
    NTriples,
    /// N-Quads (`.nq`), with named graphs.
    NQuads,
    /// `TriG` (`.trig`), with named graphs.
    TriG,
    /// RDF/XML (`.rdf`, `.owl`, `.xml`).
    RdfXml,
    /// JSON-LD (`.jsonld`).
    JsonLd,
}

impl RdfFormat {
    /// Every format.
    pub const ALL: [RdfFormat; 6] = [
        RdfFormat::Turtle,
        RdfFormat::NTriples,
        RdfFormat::NQuads,
        RdfFormat::TriG,
        RdfFormat::RdfXml,
        RdfFormat::JsonLd,
    ];

    /// The format a file extension (without the dot, any case) names.
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "ttl" | "turtle" => Some(Self::Turtle),
            "nt" | "ntriples" => Some(Self::NTriples),
            "nq" | "nquads" => Some(Self::NQuads),
            "trig" => Some(Self::TriG),
            "rdf" | "owl" | "xml" | "rdfxml" => Some(Self::RdfXml),
            "jsonld" | "json-ld" => Some(Self::JsonLd),
            _ => None,
        }
    }

    /// The format a path's extension names.
    pub fn from_path(path: &Path) -> Option<Self> {
        Self::from_extension(path.extension()?.to_str()?)
    }

    /// The usual file extension.
    pub const fn file_extension(self) -> &'static str {
        match self {
            Self::Turtle => "ttl",
            Self::NTriples => "nt",
            Self::NQuads => "nq",
            Self::TriG => "trig",
            Self::RdfXml => "rdf",
            Self::JsonLd => "jsonld",
        }
    }

    /// The IANA media type.
    pub const fn media_type(self) -> &'static str {
        match self {
            Self::Turtle => "text/turtle",
            Self::NTriples => "application/n-triples",
            Self::NQuads => "application/n-quads",
            Self::TriG => "application/trig",
            Self::RdfXml => "application/rdf+xml",
            Self::JsonLd => "application/ld+json",
        }
    }

    /// True for the formats with named graphs.
    pub const fn supports_datasets(self) -> bool {
        matches!(self, Self::NQuads | Self::TriG)
    }

    /// The format's name.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Turtle => "Turtle",
            Self::NTriples => "N-Triples",
            Self::NQuads => "N-Quads",
            Self::TriG => "TriG",
            Self::RdfXml => "RDF/XML",
            Self::JsonLd => "JSON-LD",
        }
    }

    pub(crate) fn to_oxrdfio(self) -> oxrdfio::RdfFormat {
        match self {
            Self::Turtle => oxrdfio::RdfFormat::Turtle,
            Self::NTriples => oxrdfio::RdfFormat::NTriples,
            Self::NQuads => oxrdfio::RdfFormat::NQuads,
            Self::TriG => oxrdfio::RdfFormat::TriG,
            Self::RdfXml => oxrdfio::RdfFormat::RdfXml,
            Self::JsonLd => oxrdfio::RdfFormat::JsonLd {
                profile: oxrdfio::JsonLdProfileSet::empty(),
            },
        }
    }
}

impl fmt::Display for RdfFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
