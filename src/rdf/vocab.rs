//! The IRIs the export writes, one module per prefix, as string constants.
//!
//! They are plain `&str` so that programs can build SPARQL queries with them
//! without depending on any RDF crate. [`PREFIXES`] lists the prefixes the
//! Turtle export declares.

macro_rules! namespace {
    ($(#[$doc:meta])* $module:ident, $ns:literal, { $($(#[$tdoc:meta])* $name:ident = $local:literal;)* }) => {
        $(#[$doc])*
        pub mod $module {
            /// The namespace IRI.
            pub const NAMESPACE: &str = $ns;
            $(
                $(#[$tdoc])*
                pub const $name: &str = concat!($ns, $local);
            )*
            /// Every term of the namespace this module lists, in order.
            pub const TERMS: &[&str] = &[$($name),*];
        }
    };
}

namespace!(
    /// The W3C Organization Ontology.
    org, "http://www.w3.org/ns/org#", {
    /// `org:Organization`.
    ORGANIZATION = "Organization";
    /// `org:FormalOrganization`.
    FORMAL_ORGANIZATION = "FormalOrganization";
    /// `org:OrganizationalUnit`.
    ORGANIZATIONAL_UNIT = "OrganizationalUnit";
    /// `org:Post`.
    POST = "Post";
    /// `org:Site`.
    SITE = "Site";
    /// `org:Membership`.
    MEMBERSHIP = "Membership";
    /// `org:Role`.
    ROLE = "Role";
    /// `org:Head`, the role of a body's leader.
    HEAD = "Head";
    /// `org:subOrganizationOf`.
    SUB_ORGANIZATION_OF = "subOrganizationOf";
    /// `org:hasSubOrganization`.
    HAS_SUB_ORGANIZATION = "hasSubOrganization";
    /// `org:transitiveSubOrganizationOf`.
    TRANSITIVE_SUB_ORGANIZATION_OF = "transitiveSubOrganizationOf";
    /// `org:unitOf`.
    UNIT_OF = "unitOf";
    /// `org:hasUnit`.
    HAS_UNIT = "hasUnit";
    /// `org:postIn`.
    POST_IN = "postIn";
    /// `org:hasPost`.
    HAS_POST = "hasPost";
    /// `org:role`.
    ROLE_PROPERTY = "role";
    /// `org:holds`.
    HOLDS = "holds";
    /// `org:heldBy`.
    HELD_BY = "heldBy";
    /// `org:headOf`.
    HEAD_OF = "headOf";
    /// `org:hasSite`.
    HAS_SITE = "hasSite";
    /// `org:hasPrimarySite`.
    HAS_PRIMARY_SITE = "hasPrimarySite";
    /// `org:siteOf`.
    SITE_OF = "siteOf";
    /// `org:siteAddress`.
    SITE_ADDRESS = "siteAddress";
    /// `org:member`.
    MEMBER = "member";
    /// `org:organization`.
    ORGANIZATION_PROPERTY = "organization";
    /// `org:memberDuring`.
    MEMBER_DURING = "memberDuring";
    /// `org:purpose`.
    PURPOSE = "purpose";
    /// `org:classification`.
    CLASSIFICATION = "classification";
    /// `org:memberOf`.
    MEMBER_OF = "memberOf";
    /// `org:hasMember`.
    HAS_MEMBER = "hasMember";
    /// `org:hasMembership`.
    HAS_MEMBERSHIP = "hasMembership";
    /// `org:ChangeEvent`, a reorganization.
    CHANGE_EVENT = "ChangeEvent";
    /// `org:originalOrganization`: a body as it was before an event.
    ORIGINAL_ORGANIZATION = "originalOrganization";
    /// `org:resultingOrganization`: a body as it was after an event.
    RESULTING_ORGANIZATION = "resultingOrganization";
    /// `org:changedBy`, the inverse of `org:originalOrganization`.
    CHANGED_BY = "changedBy";
    /// `org:resultedFrom`, the inverse of `org:resultingOrganization`.
    RESULTED_FROM = "resultedFrom";
});

namespace!(
    /// SKOS.
    skos, "http://www.w3.org/2004/02/skos/core#", {
    /// `skos:Concept`.
    CONCEPT = "Concept";
    /// `skos:ConceptScheme`.
    CONCEPT_SCHEME = "ConceptScheme";
    /// `skos:prefLabel`.
    PREF_LABEL = "prefLabel";
    /// `skos:altLabel`.
    ALT_LABEL = "altLabel";
    /// `skos:notation`.
    NOTATION = "notation";
    /// `skos:inScheme`.
    IN_SCHEME = "inScheme";
});

namespace!(
    /// schema.org, always over `http`.
    schema, "http://schema.org/", {
    /// `schema:GovernmentOrganization`.
    GOVERNMENT_ORGANIZATION = "GovernmentOrganization";
    /// `schema:Place`.
    PLACE = "Place";
    /// `schema:AdministrativeArea`.
    ADMINISTRATIVE_AREA = "AdministrativeArea";
    /// `schema:WebSite`.
    WEB_SITE = "WebSite";
    /// `schema:foundingDate`.
    FOUNDING_DATE = "foundingDate";
    /// `schema:birthDate`.
    BIRTH_DATE = "birthDate";
    /// `schema:deathDate`.
    DEATH_DATE = "deathDate";
    /// `schema:dissolutionDate`.
    DISSOLUTION_DATE = "dissolutionDate";
    /// `schema:logo`.
    LOGO = "logo";
    /// `schema:url`.
    URL = "url";
    /// `schema:publisher`.
    PUBLISHER = "publisher";
    /// `schema:maintainer`.
    MAINTAINER = "maintainer";
    /// `schema:containedInPlace`.
    CONTAINED_IN_PLACE = "containedInPlace";
    /// `schema:numberOfEmployees`.
    NUMBER_OF_EMPLOYEES = "numberOfEmployees";
    /// `schema:sameAs`.
    SAME_AS = "sameAs";
});

namespace!(
    /// FOAF.
    foaf, "http://xmlns.com/foaf/0.1/", {
    /// `foaf:Person`.
    PERSON = "Person";
    /// `foaf:name`.
    NAME = "name";
});

namespace!(
    /// vCard.
    vcard, "http://www.w3.org/2006/vcard/ns#", {
    /// `vcard:Address`.
    ADDRESS = "Address";
    /// `vcard:street-address`.
    STREET_ADDRESS = "street-address";
    /// `vcard:locality`.
    LOCALITY = "locality";
    /// `vcard:region`.
    REGION = "region";
    /// `vcard:postal-code`.
    POSTAL_CODE = "postal-code";
    /// `vcard:country-name`.
    COUNTRY_NAME = "country-name";
});

namespace!(
    /// DCMI terms.
    dct, "http://purl.org/dc/terms/", {
    /// `dct:Jurisdiction`.
    JURISDICTION = "Jurisdiction";
    /// `dct:description`.
    DESCRIPTION = "description";
    /// `dct:source`.
    SOURCE = "source";
    /// `dct:replaces`.
    REPLACES = "replaces";
    /// `dct:isReplacedBy`.
    IS_REPLACED_BY = "isReplacedBy";
    /// `dct:date`, the date of an event.
    DATE = "date";
});

namespace!(
    /// PROV-O (declared for provenance; not yet written by the export).
    prov, "http://www.w3.org/ns/prov#", {
    /// `prov:wasDerivedFrom`.
    WAS_DERIVED_FROM = "wasDerivedFrom";
});

namespace!(
    /// OWL-Time.
    time, "http://www.w3.org/2006/time#", {
    /// `time:ProperInterval`.
    PROPER_INTERVAL = "ProperInterval";
    /// `time:Instant`.
    INSTANT = "Instant";
    /// `time:hasBeginning`.
    HAS_BEGINNING = "hasBeginning";
    /// `time:hasEnd`.
    HAS_END = "hasEnd";
    /// `time:inXSDDate`.
    IN_XSD_DATE = "inXSDDate";
    /// `time:inXSDgYearMonth`.
    IN_XSD_G_YEAR_MONTH = "inXSDgYearMonth";
    /// `time:inXSDgYear`.
    IN_XSD_G_YEAR = "inXSDgYear";
});

namespace!(
    /// XML Schema datatypes.
    xsd, "http://www.w3.org/2001/XMLSchema#", {
    /// `xsd:date`.
    DATE = "date";
    /// `xsd:gYearMonth`.
    G_YEAR_MONTH = "gYearMonth";
    /// `xsd:gYear`.
    G_YEAR = "gYear";
    /// `xsd:integer`.
    INTEGER = "integer";
    /// `xsd:string`.
    STRING = "string";
});

namespace!(
    /// RDF.
    rdf, "http://www.w3.org/1999/02/22-rdf-syntax-ns#", {
    /// `rdf:type`.
    TYPE = "type";
    /// `rdf:subject`, the source of a dated link (`gg:DatedLink`).
    SUBJECT = "subject";
    /// `rdf:predicate`, the predicate of a dated link.
    PREDICATE = "predicate";
    /// `rdf:object`, the target of a dated link.
    OBJECT = "object";
});

namespace!(
    /// RDF Schema.
    rdfs, "http://www.w3.org/2000/01/rdf-schema#", {
    /// `rdfs:label`.
    LABEL = "label";
    /// `rdfs:seeAlso`.
    SEE_ALSO = "seeAlso";
    /// `rdfs:comment`.
    COMMENT = "comment";
    /// `rdfs:subClassOf`.
    SUB_CLASS_OF = "subClassOf";
    /// `rdfs:subPropertyOf`.
    SUB_PROPERTY_OF = "subPropertyOf";
    /// `rdfs:domain`.
    DOMAIN = "domain";
    /// `rdfs:range`.
    RANGE = "range";
});

namespace!(
    /// OWL.
    owl, "http://www.w3.org/2002/07/owl#", {
    /// `owl:TransitiveProperty`.
    TRANSITIVE_PROPERTY = "TransitiveProperty";
    /// `owl:inverseOf`.
    INVERSE_OF = "inverseOf";
    /// `owl:Ontology`.
    ONTOLOGY = "Ontology";
});

namespace!(
    /// govgraph's own terms, declared in the shipped ontology
    /// ([`ontology_turtle`](super::ontology_turtle)).
    gg, "https://w3id.org/govgraph/ns#", {
    /// `gg:jurisdiction`: a body's authority covers a jurisdiction.
    JURISDICTION = "jurisdiction";
    /// `gg:governingBody`: a jurisdiction is governed by a body.
    GOVERNING_BODY = "governingBody";
    /// `gg:territory`: a jurisdiction covers a place.
    TERRITORY = "territory";
    /// `gg:heads`: a post leads a body.
    HEADS = "heads";
    /// `gg:rank`: a post's rank, a concept.
    RANK = "rank";
    /// `gg:post`: the post a membership is a tenure of.
    POST = "post";
    /// `gg:budget`: a body's budget as text.
    BUDGET = "budget";
    /// `gg:keyDocument`: a founding or governing document.
    KEY_DOCUMENT = "keyDocument";
    /// `gg:logoWidth`: the width in pixels a source shows a body's logo at.
    LOGO_WIDTH = "logoWidth";
    /// `gg:slug`: a website's govgraph key (other nodes carry it in their IRI).
    SLUG = "slug";
    /// `gg:GoverningBody`.
    GOVERNING_BODY_CLASS = "GoverningBody";
    /// `gg:Agency`.
    AGENCY = "Agency";
    /// `gg:Office`.
    OFFICE = "Office";
    /// `gg:Department`.
    DEPARTMENT = "Department";
    /// `gg:Institution`.
    INSTITUTION = "Institution";
    /// `gg:PartyOrgan`.
    PARTY_ORGAN = "PartyOrgan";
    /// `gg:MilitaryOrgan`.
    MILITARY_ORGAN = "MilitaryOrgan";
    /// `gg:OtherOrganization`.
    OTHER_ORGANIZATION = "OtherOrganization";
    /// `gg:Country`.
    COUNTRY = "Country";
    /// `gg:Province`.
    PROVINCE = "Province";
    /// `gg:City`.
    CITY = "City";
    /// `gg:District`.
    DISTRICT = "District";
    /// `gg:Compound`.
    COMPOUND = "Compound";
    /// `gg:Street`.
    STREET = "Street";
    /// `gg:OtherPlace`.
    OTHER_PLACE = "OtherPlace";
    /// `gg:bodyTypes`: the scheme of body-type concepts.
    BODY_TYPES = "bodyTypes";
    /// `gg:groupings`: the scheme of grouping concepts.
    GROUPINGS = "groupings";
    /// `gg:ranks`: the scheme of rank concepts.
    RANKS = "ranks";
    /// `gg:otherCategories`: the scheme of other concepts.
    OTHER_CATEGORIES = "otherCategories";
    /// `gg:SubOrganizationRelationship`: a dated parent link.
    SUB_ORGANIZATION_RELATIONSHIP = "SubOrganizationRelationship";
    /// `gg:child`: the child body of a dated parent link.
    CHILD = "child";
    /// `gg:parent`: the parent body of a dated parent link.
    PARENT = "parent";
    /// `gg:DatedLink`: any other dated link, as `rdf:subject`,
    /// `rdf:predicate`, `rdf:object`.
    DATED_LINK = "DatedLink";
    /// `gg:during`: the interval of a dated link or a dated name.
    DURING = "during";
    /// `gg:Acting`: the role of an acting or interim holder.
    ACTING = "Acting";
    /// `gg:SingleSeatPost`: a post held by one person at a time.
    SINGLE_SEAT_POST = "SingleSeatPost";
    /// `gg:formed`: when a post was created.
    FORMED = "formed";
    /// `gg:abolished`: when a post was abolished.
    ABOLISHED = "abolished";
    /// `gg:name`: a body's dated name.
    NAME = "name";
    /// `gg:DatedName`: a name a body bore over an interval.
    DATED_NAME = "DatedName";
    /// `gg:changeKind`: what a reorganization did.
    CHANGE_KIND = "changeKind";
    /// `gg:legalBasis`: the law or decision behind a reorganization.
    LEGAL_BASIS = "legalBasis";
    /// `gg:changeKinds`: the scheme of the kinds of reorganization.
    CHANGE_KINDS = "changeKinds";
    /// `gg:Establishment`.
    ESTABLISHMENT = "Establishment";
    /// `gg:Abolition`.
    ABOLITION = "Abolition";
    /// `gg:Replacement`.
    REPLACEMENT = "Replacement";
    /// `gg:Merger`.
    MERGER = "Merger";
    /// `gg:Split`.
    SPLIT = "Split";
    /// `gg:Absorption`.
    ABSORPTION = "Absorption";
    /// `gg:Transfer`.
    TRANSFER = "Transfer";
    /// `gg:Rename`.
    RENAME = "Rename";
    /// `gg:Restructuring`.
    RESTRUCTURING = "Restructuring";
});

/// The prefixes the Turtle export declares, as `(name, namespace)`.
pub const PREFIXES: &[(&str, &str)] = &[
    ("dct", dct::NAMESPACE),
    ("foaf", foaf::NAMESPACE),
    ("gg", gg::NAMESPACE),
    ("org", org::NAMESPACE),
    ("owl", owl::NAMESPACE),
    ("prov", prov::NAMESPACE),
    ("rdf", rdf::NAMESPACE),
    ("rdfs", rdfs::NAMESPACE),
    ("schema", schema::NAMESPACE),
    ("skos", skos::NAMESPACE),
    ("time", time::NAMESPACE),
    ("vcard", vcard::NAMESPACE),
    ("xsd", xsd::NAMESPACE),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_a_valid_iri_in_its_namespace() {
        let all = [
            (org::NAMESPACE, org::TERMS),
            (skos::NAMESPACE, skos::TERMS),
            (schema::NAMESPACE, schema::TERMS),
            (foaf::NAMESPACE, foaf::TERMS),
            (vcard::NAMESPACE, vcard::TERMS),
            (dct::NAMESPACE, dct::TERMS),
            (prov::NAMESPACE, prov::TERMS),
            (time::NAMESPACE, time::TERMS),
            (xsd::NAMESPACE, xsd::TERMS),
            (rdf::NAMESPACE, rdf::TERMS),
            (rdfs::NAMESPACE, rdfs::TERMS),
            (owl::NAMESPACE, owl::TERMS),
            (gg::NAMESPACE, gg::TERMS),
        ];
        for (ns, terms) in all {
            assert!(PREFIXES.iter().any(|(_, p)| *p == ns), "{ns} has no prefix");
            for t in terms {
                assert!(oxrdf::NamedNode::new(*t).is_ok(), "{t}");
                assert!(t.starts_with(ns) && t.len() > ns.len(), "{t}");
            }
        }
        assert!(schema::NAMESPACE.starts_with("http://"));
    }
}
