//! The RDF of time (VOCABULARY.md, "Time"): relationship nodes for dated
//! links, plain triples only for what is in force, events, dated names,
//! acting tenures, post dates; lossless in every format; snapshots.

#![allow(clippy::unwrap_used, reason = "a failed step fails the test")]

mod common;

use common::differential::rdf_round_trip;
use govgraph::rdf::{Exporter, Importer, RdfFormat};
use govgraph::{
    ChangeKind, DatedName, Event, GovGraph, Interval, Lang, On, OrgKind, Organization, Person,
    Post, Relation, Slug, Source, Tenure,
};

fn slug(s: &str) -> Slug {
    Slug::new(s).expect("a slug")
}

fn d(s: &str) -> govgraph::PartialDate {
    s.parse().expect("a date")
}

/// A small history: a ministry moved from one council to another in 1998,
/// renamed in 2008 (a dated former name), an acting minister, a post
/// abolished, a replacement event with a legal basis.
#[expect(clippy::too_many_lines, reason = "one fixture, built step by step")]
fn history() -> GovGraph {
    let mut g = GovGraph::new();
    let old = g
        .insert_org(
            Organization::new(slug("old-council"), OrgKind::GoverningBody, "Old Council")
                .with_founded(d("1949"))
                .with_dissolved(d("1998-03")),
        )
        .unwrap();
    let new = g
        .insert_org(
            Organization::new(slug("new-council"), OrgKind::GoverningBody, "New Council")
                .with_founded(d("1998-03")),
        )
        .unwrap();
    let ministry = g
        .insert_org(
            Organization::new(slug("ministry"), OrgKind::Agency, "Ministry of Things")
                .with_dated_name(
                    DatedName::new("Ministry of Stuff", Lang::en())
                        .during(Interval::new().with_end(d("2008-03-15"))),
                )
                .with_dated_name(DatedName::new("物部", Lang::zh_hans())),
        )
        .unwrap();
    g.link_during(
        ministry,
        Relation::SubOrganizationOf,
        old,
        Interval::new().with_start(d("1952")).with_end(d("1998-03")),
    )
    .unwrap();
    g.link_during(
        ministry,
        Relation::SubOrganizationOf,
        new,
        Interval::new().with_start(d("1998-03")),
    )
    .unwrap();
    let minister = g
        .add_post(
            ministry,
            Post::new(slug("minister"), "Minister")
                .head()
                .with_formed(d("1952")),
        )
        .unwrap();
    let adviser = g
        .insert_post(
            Post::new(slug("adviser"), "Adviser")
                .single_seat()
                .with_formed(d("1960"))
                .with_abolished(d("1990-06")),
        )
        .unwrap();
    g.link_during(
        adviser,
        Relation::PostIn,
        ministry,
        Interval::new().with_start(d("1960")).with_end(d("1990-06")),
    )
    .unwrap();
    let ada = g
        .insert_person(
            Person::new(slug("ada"), "Ada")
                .with_born(d("1930-02-01"))
                .with_died(d("2001")),
        )
        .unwrap();
    let bo = g.insert_person(Person::new(slug("bo"), "Bo")).unwrap();
    g.appoint(
        ada,
        minister,
        Tenure::new(slug("ada-minister"))
            .with_start(d("1980-02"))
            .with_end_undated(),
    )
    .unwrap();
    g.appoint(
        bo,
        minister,
        Tenure::new(slug("bo-minister"))
            .with_start(d("1999"))
            .acting(),
    )
    .unwrap();
    g.appoint(
        ada,
        adviser,
        Tenure::new(slug("ada-adviser"))
            .with_start(d("1970"))
            .with_end(d("1975")),
    )
    .unwrap();
    let mut event = Event::new(slug("new-council-replaces-old"), ChangeKind::Replacement)
        .with_date(d("1998-03"))
        .with_legal_basis("Law on the Councils (1998)")
        .with_label(Lang::en(), "1998 replacement of the Old Council")
        .with_source(Source::new("https://example.org/history").unwrap());
    event.description = Some("The new council took the old one's place.".to_owned());
    g.add_event(event, &[old], &[new]).unwrap();
    g.add_event(
        Event::new(slug("ministry-renamed"), ChangeKind::Rename)
            .with_date(d("2008-03-15"))
            .with_legal_basis("https://example.org/decree/2008"),
        &[ministry],
        &[ministry],
    )
    .unwrap();
    g
}

fn turtle(g: &GovGraph, exporter: &Exporter) -> String {
    String::from_utf8(exporter.write(g, Vec::new()).unwrap()).unwrap()
}

#[test]
fn history_reads_back_equal_in_every_format() {
    let g = history();
    for format in RdfFormat::ALL {
        rdf_round_trip(&g, format);
        let bytes = Exporter::new()
            .with_format(format)
            .write(&g, Vec::new())
            .unwrap();
        let back = Importer::new().import_slice(&bytes, format).unwrap();
        assert_eq!(back.graph, g, "{format}");
        assert!(
            back.report.notes().is_empty(),
            "{format}: {:?}",
            back.report.notes()
        );
        let again = Exporter::new()
            .with_format(format)
            .write(&back.graph, Vec::new())
            .unwrap();
        assert_eq!(again, bytes, "{format}: a second export differs");
    }
}

#[test]
fn dated_parent_links_get_relationship_nodes_and_only_the_current_one_a_plain_triple() {
    let ttl = turtle(&history(), &Exporter::new());
    // Both links, as relationship nodes with their intervals.
    assert!(
        ttl.contains("_:org-ministry-link0 a gg:SubOrganizationRelationship"),
        "{ttl}"
    );
    assert!(
        ttl.contains("_:org-ministry-link1 a gg:SubOrganizationRelationship"),
        "{ttl}"
    );
    assert!(ttl.contains("gg:parent body:old-council"), "{ttl}");
    assert!(ttl.contains("gg:child body:ministry"), "{ttl}");
    // The plain triple only for the link in force.
    assert!(
        ttl.contains("org:subOrganizationOf body:new-council"),
        "{ttl}"
    );
    assert!(
        !ttl.contains("org:subOrganizationOf body:old-council"),
        "{ttl}"
    );
    // A dated post-in link: the generic shape, ended, so no plain triple.
    assert!(ttl.contains("a gg:DatedLink"), "{ttl}");
    assert!(ttl.contains("rdf:predicate org:postIn"), "{ttl}");
    assert!(
        !ttl.contains("post:adviser a org:Post , gg:SingleSeatPost ;\n  org:postIn"),
        "{ttl}"
    );
}

#[test]
fn events_names_acting_and_dates_follow_the_contract() {
    let ttl = turtle(&history(), &Exporter::new());
    for needle in [
        "event:new-council-replaces-old a org:ChangeEvent",
        "gg:changeKind gg:Replacement",
        "dct:date \"1998-03\"^^xsd:gYearMonth",
        "org:originalOrganization body:old-council",
        "org:resultingOrganization body:new-council",
        "org:changedBy event:new-council-replaces-old",
        "org:resultedFrom event:new-council-replaces-old",
        "rdfs:label \"1998 replacement of the Old Council\"@en",
        "gg:legalBasis \"Law on the Councils (1998)\"",
        "gg:legalBasis <https://example.org/decree/2008>",
        "dct:replaces body:old-council",
        "gg:changeKind gg:Rename",
        // Dated names: an alternate label, and a gg:DatedName.
        "skos:altLabel \"Ministry of Stuff\"@en",
        "gg:name _:org-ministry-name0 , _:org-ministry-name1",
        "_:org-ministry-name0 a gg:DatedName",
        // Acting, lifetimes, post dates.
        "org:role gg:Acting",
        "schema:birthDate \"1930-02-01\"^^xsd:date",
        "gg:formed \"1960\"^^xsd:gYear",
        "gg:abolished \"1990-06\"^^xsd:gYearMonth",
    ] {
        assert!(ttl.contains(needle), "missing {needle:?} in\n{ttl}");
    }
    // Holdings and headships only for tenures in force: Ada's headship
    // ended (at a date not known); her adviser tenure ended in 1975.
    assert!(!ttl.contains("org:holds post:adviser"), "{ttl}");
    assert_eq!(
        ttl.matches("org:headOf").count(),
        1,
        "only Bo, acting, heads: {ttl}"
    );
    assert!(ttl.contains("person:bo a foaf:Person"), "{ttl}");
    assert!(ttl.contains("org:holds post:minister"), "{ttl}");
}

#[test]
fn a_snapshot_holds_what_was_certainly_in_force_on_its_date() {
    let g = history();
    let on = |s: &str| Exporter::new().as_of(On::date(d(s)));
    let y1985 = turtle(&g, &on("1985-01-01"));
    assert!(!y1985.contains("gg:SubOrganizationRelationship"), "{y1985}");
    assert!(!y1985.contains("org:ChangeEvent"), "{y1985}");
    assert!(
        y1985.contains("org:subOrganizationOf body:old-council"),
        "{y1985}"
    );
    assert!(
        !y1985.contains("body:new-council a"),
        "founded 1998: {y1985}"
    );
    // Ada's headship ended on a date no source gives, so on 1 January 1985
    // it was only possibly in force: not in the certain snapshot, in the
    // possible one.
    assert!(!y1985.contains("org:headOf"), "{y1985}");
    assert!(!y1985.contains("membership:ada-minister"), "{y1985}");
    let maybe = turtle(&g, &Exporter::new().as_of(On::possibly(d("1985-01-01"))));
    assert!(maybe.contains("org:headOf body:ministry"), "{maybe}");
    assert!(
        maybe.contains("membership:ada-minister a org:Membership"),
        "{maybe}"
    );
    assert!(
        !y1985.contains("membership:ada-adviser"),
        "ended 1975: {y1985}"
    );
    assert!(y1985.contains("post:adviser a org:Post"), "{y1985}");
    assert!(
        y1985.contains("skos:altLabel \"Ministry of Stuff\"@en"),
        "{y1985}"
    );
    let y2010 = turtle(&g, &on("2010-06-01"));
    assert!(
        y2010.contains("org:subOrganizationOf body:new-council"),
        "{y2010}"
    );
    assert!(
        !y2010.contains("body:old-council"),
        "dissolved 1998: {y2010}"
    );
    assert!(!y2010.contains("post:adviser"), "abolished 1990: {y2010}");
    assert!(
        !y2010.contains("\"Ministry of Stuff\""),
        "renamed 2008: {y2010}"
    );
    // Ada's end is unknown, so she is not certainly in post in 2010.
    assert!(!y2010.contains("membership:ada-minister"), "{y2010}");
    assert!(y2010.contains("membership:bo-minister"), "{y2010}");
    // A snapshot is plain RDF that reads back as a graph of its own.
    let back = Importer::new()
        .import_slice(y2010.as_bytes(), RdfFormat::Turtle)
        .unwrap();
    assert!(back.graph.node_count() < g.node_count());
}

#[test]
fn an_alternate_label_repeating_a_dated_name_is_kept_once() {
    let mut g = GovGraph::new();
    let org = Organization::new(slug("a"), OrgKind::Agency, "A")
        .with_alternate_label(Lang::en(), "Old A")
        .with_dated_name(
            DatedName::new("Old A", Lang::en()).during(Interval::new().with_end(d("2000"))),
        );
    let id = g.insert_org(org).unwrap();
    assert_eq!(g[id].labels.alternates().count(), 0);
    assert_eq!(g[id].details().names.len(), 1);
    rdf_round_trip(&g, RdfFormat::Turtle);
}

#[test]
fn a_change_event_with_no_kind_we_know_is_kept_as_written() {
    let doc = r"
@prefix org: <http://www.w3.org/ns/org#> .
<https://example.org/ev> a org:ChangeEvent ; org:originalOrganization <https://example.org/o> .
<https://example.org/o> a org:Organization .
";
    let back = Importer::new()
        .import_slice(doc.as_bytes(), RdfFormat::Turtle)
        .unwrap();
    assert_eq!(back.graph.node_count(), 1);
    assert_eq!(back.graph.statements().len(), 2);
}

#[test]
fn a_relationship_node_with_anything_else_is_kept_as_written() {
    let g = history();
    let ttl = turtle(&g, &Exporter::new());
    // A triple the shape does not have, on the ended parent link.
    let doc = ttl.replace(
        "_:org-ministry-link0 a gg:SubOrganizationRelationship ;",
        "_:org-ministry-link0 a gg:SubOrganizationRelationship ;\n  rdfs:comment \"hand-made\" ;",
    );
    assert_ne!(doc, ttl);
    let back = Importer::new()
        .import_slice(doc.as_bytes(), RdfFormat::Turtle)
        .unwrap();
    // Kept as statements, nothing lost. The other link of the same body is
    // numbered after it, so it is kept too (read alone it would be written
    // under the label the kept one has); its plain triple still gives the
    // parent in force.
    let kept = back.graph.statements();
    assert!(kept.iter().any(|s| s.property.ends_with("comment")));
    assert!(
        kept.iter()
            .any(|s| s.value.to_string().contains("new-council")),
        "{kept:?}"
    );
    let ministry = back.graph.org_by_slug("ministry").unwrap();
    assert_eq!(
        ministry.parent().map(|p| p.slug().as_str()),
        Some("new-council")
    );
    // What was read survives a second round trip.
    rdf_round_trip(&back.graph, RdfFormat::Turtle);
}

#[test]
fn a_plain_link_that_contradicts_a_dated_one_is_a_typed_error() {
    let g = history();
    let ttl = turtle(&g, &Exporter::new());
    // The ministry still under the old council, undated: in force on every
    // date, so it overlaps the dated link to the new council.
    let doc = ttl.replace(
        "org:subOrganizationOf body:new-council",
        "org:subOrganizationOf body:new-council , body:old-council",
    );
    let err = Importer::new()
        .import_slice(doc.as_bytes(), RdfFormat::Turtle)
        .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("ministry"), "{text}");
    assert!(text.contains("subOrganizationOf"), "{text}");
}
