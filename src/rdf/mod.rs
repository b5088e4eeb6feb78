//! RDF both ways in the patterns of govgraph's vocabulary contract, the
//! ontology of govgraph's own terms, and SHACL shapes of a valid export.
//!
//! | item | what it is |
//! |---|---|
//! | [`Exporter`] | options: the [`RdfFormat`], base IRI, inverse links and transitive closure; [`write`](Exporter::write)s to any `io::Write`, or yields [`Triple`]s |
//! | [`write_turtle`], [`write_ntriples`] | the same with the defaults |
//! | [`Importer`], [`import`], [`ImportReport`] | any format back into a `GovGraph`, losslessly |
//! | [`RdfFormat`] | Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD |
//! | [`ontology_turtle`] | the `gg:` ontology as Turtle |
//! | [`shapes_turtle`] | SHACL shapes of a valid export |
//! | [`vocab`] | every IRI the export writes, as string constants |
//!
//! This is the only module that names RDF library types; none of them
//! appear in its public API.
//!
//! # What is written
//!
//! | node | typed as | main triples |
//! |---|---|---|
//! | organization | `org:Organization`, `org:FormalOrganization` or `org:OrganizationalUnit` (offices and departments), `schema:GovernmentOrganization` for organs of state, and a `gg:` class for its kind | `skos:prefLabel` per language, `skos:altLabel`, `dct:description`, `schema:foundingDate`, `schema:logo`, `org:subOrganizationOf`/`org:hasSubOrganization`, `org:unitOf`/`org:hasUnit`, `org:hasPost`, `gg:jurisdiction`, `org:hasPrimarySite`, `org:purpose`, `schema:url`, `org:classification`, `rdfs:seeAlso`, `dct:replaces`, `dct:source` |
//! | post | `org:Post` | `org:postIn`, `org:role org:Head` and `gg:heads` for a head post, `gg:rank`, `org:heldBy` |
//! | person | `foaf:Person` | `skos:prefLabel` and `foaf:name`, `org:holds`, `org:headOf` for current holders of a head post |
//! | tenure | `org:Membership` | `org:member`, `org:organization`, `gg:post`, `org:memberDuring` an interval with `time:hasBeginning`/`time:hasEnd` instants |
//! | jurisdiction | `dct:Jurisdiction` | `gg:governingBody`, `gg:territory` |
//! | site | `org:Site` | `rdfs:label` (the whole address), `org:siteAddress` a `vcard:Address`, `schema:containedInPlace`, `org:siteOf` |
//! | place | `schema:Place` (and `schema:AdministrativeArea` for divisions), a `gg:` class for its kind | `schema:containedInPlace` |
//! | function | `skos:Concept` | `skos:notation` (its position), `skos:inScheme` the body's function scheme |
//! | website | `schema:WebSite`, its IRI its address | `schema:publisher`, `schema:maintainer`, `gg:slug` |
//! | category | `skos:Concept` | `skos:inScheme` `gg:bodyTypes`, `gg:groupings`, `gg:ranks` or `gg:otherCategories` |
//!
//! Instance IRIs are `<base>org/<slug>`, `<base>post/<slug>`,
//! `<base>person/<slug>`, `<base>membership/<slug>` and so on (the kinds'
//! [`segment`](crate::NodeKind::segment)s); a site's address is
//! `<base>address/<site slug>` and a body's function scheme
//! `<base>functions/<body slug>`; a tenure's interval and instants are
//! blank nodes labelled from the tenure's slug. Language tags are written
//! lowercase (`zh-hans`), which BCP 47 and RDF treat as the same tag as
//! `zh-Hans`.

mod export;
mod format;
mod import;
mod mapping;
#[cfg(feature = "sparql")]
pub(crate) use import::term_value;
pub mod vocab;

use std::io;

pub use export::{
    BaseIriError, DEFAULT_BASE_IRI, Exporter, INSTANCE_PREFIXES, Object, Triple, Triples,
};
pub use format::RdfFormat;
pub use import::{
    DEFAULT_MAX_IMPORT_BYTES, ImportError, ImportNote, ImportReport, Imported, Importer, NoteKind,
    SyntaxError, import,
};

use crate::GovGraph;

/// The `gg:` ontology: labels, comments, domains and ranges of govgraph's own
/// terms, their links to ORG, and the ORG axioms the export relies on, as
/// Turtle.
///
/// ```
/// assert!(govgraph::rdf::ontology_turtle().contains("owl:TransitiveProperty"));
/// ```
pub fn ontology_turtle() -> &'static str {
    include_str!("ontology.ttl")
}

/// SHACL shapes describing a valid govgraph export (a post is in exactly
/// one organization, every organization has one English preferred label,
/// dates are `xsd:date`, `xsd:gYearMonth` or `xsd:gYear`, every membership
/// has one member and one post, places and sites are never organizations,
/// …), as Turtle. govgraph's own export of its dataset conforms.
///
/// ```
/// assert!(govgraph::rdf::shapes_turtle().contains("sh:targetClass org:Post"));
/// ```
pub fn shapes_turtle() -> &'static str {
    include_str!("shapes.ttl")
}

/// Writes `graph` as Turtle with the default [`Exporter`].
///
/// ```
/// let g = govgraph::datasets::general_office();
/// let mut out = Vec::new();
/// govgraph::rdf::write_turtle(&g, &mut out)?;
/// assert!(!out.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Only the writer's.
pub fn write_turtle<W: io::Write>(graph: &GovGraph, writer: W) -> io::Result<W> {
    Exporter::new().write(graph, writer)
}

/// Writes `graph` as N-Triples with the default [`Exporter`].
///
/// # Errors
/// Only the writer's.
pub fn write_ntriples<W: io::Write>(graph: &GovGraph, writer: W) -> io::Result<W> {
    Exporter::new()
        .with_format(RdfFormat::NTriples)
        .write(graph, writer)
}
