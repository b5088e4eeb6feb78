//! RDF import: every format round-trips the graph and the bytes, common
//! variants are normalised and reported, foreign triples are kept, and
//! every error names where it happened.

mod common;

use common::{everything, org, slug};
use govgraph::TextPosition;
use govgraph::rdf::{Exporter, ImportError, Importer, NoteKind, RdfFormat, import};
use govgraph::{GovGraph, OrgKind, Post, Relation, Value, datasets};

fn export(g: &GovGraph, format: RdfFormat) -> Vec<u8> {
    Exporter::new()
        .with_format(format)
        .write(g, Vec::new())
        .expect("writing to a Vec cannot fail")
}

#[track_caller]
fn round_trip(g: &GovGraph) {
    for format in RdfFormat::ALL {
        let bytes = export(g, format);
        let back = import(bytes.as_slice(), format)
            .unwrap_or_else(|e| panic!("{format}: {e}\n{}", String::from_utf8_lossy(&bytes)));
        assert!(
            back.graph == *g,
            "{format}: the graph changed on the round trip\n{}",
            back.report
        );
        assert!(
            back.report.notes().is_empty(),
            "{format}: our own export needed notes:\n{}",
            back.report
        );
        assert_eq!(
            export(&back.graph, format),
            bytes,
            "{format}: re-export is not byte-identical"
        );
    }
}

#[test]
fn the_dataset_round_trips_in_every_format() {
    round_trip(&datasets::general_office());
}

#[test]
fn a_graph_using_every_field_and_relation_round_trips_in_every_format() {
    round_trip(&everything());
}

#[test]
fn inverse_links_off_still_round_trips() {
    let g = everything();
    let ex = Exporter::new().with_inverse_links(false);
    let bytes = ex.write(&g, Vec::new()).expect("in memory");
    let back = import(bytes.as_slice(), RdfFormat::Turtle).expect("valid");
    assert_eq!(back.graph, g);
}

#[test]
fn another_base_iri_round_trips() {
    let g = datasets::general_office();
    let base = "https://example.org/gov#";
    let bytes = Exporter::new()
        .with_base_iri(base)
        .expect("valid")
        .write(&g, Vec::new())
        .expect("in memory");
    let back = Importer::new()
        .with_base_iri(base)
        .expect("valid")
        .import(bytes.as_slice(), RdfFormat::Turtle)
        .expect("valid");
    assert_eq!(back.graph, g);
    // With the wrong base the slugs are minted from the IRIs, and said so.
    let other = import(bytes.as_slice(), RdfFormat::Turtle).expect("valid");
    assert!(other.report.notes_of(NoteKind::MintedSlug).count() > 10);
}

#[test]
fn quad_formats_put_each_node_in_its_source_graph() {
    let g = datasets::general_office();
    let nq = String::from_utf8(export(&g, RdfFormat::NQuads)).expect("UTF-8");
    // A node's quads are in the graph of its first source: the article's
    // for its facts, the history's articles for the nodes only they name.
    let in_graph = |subject: &str, source: &str| {
        let (s, g) = (format!("<{BASE}{subject}> "), format!(" <{source}> ."));
        let lines: Vec<&str> = nq.lines().filter(|l| l.starts_with(&s)).collect();
        assert!(!lines.is_empty(), "{subject}");
        assert!(
            lines.iter().all(|l| l.ends_with(&g)),
            "{subject} in {source}"
        );
    };
    in_graph(
        "org/general-office-of-the-state-council",
        datasets::GENERAL_OFFICE_SOURCE,
    );
    in_graph("org/state-council", datasets::GENERAL_OFFICE_SOURCE);
    in_graph(
        "membership/ji-pengfei-secretary-general-of-the-state-council",
        datasets::SECRETARY_GENERAL_SOURCE,
    );
    in_graph(
        "membership/xiao-jie-secretary-general-of-the-state-council",
        datasets::XIAO_JIE_SOURCE,
    );
    in_graph(
        "event/state-council-replaces-government-administration-council",
        datasets::STATE_COUNCIL_SOURCE,
    );
    let sources = [
        datasets::GENERAL_OFFICE_SOURCE,
        datasets::SECRETARY_GENERAL_SOURCE,
        datasets::XIAO_JIE_SOURCE,
        datasets::STATE_COUNCIL_SOURCE,
    ];
    assert!(
        nq.lines()
            .all(|l| sources.iter().any(|s| l.ends_with(&format!("<{s}> .")))),
        "every quad in a source graph"
    );
    let back = import(nq.as_bytes(), RdfFormat::NQuads).expect("valid");
    let mut graphs = back.report.named_graphs().to_vec();
    graphs.sort();
    let mut expected = sources.map(str::to_owned).to_vec();
    expected.sort();
    assert_eq!(graphs, expected);
    assert_eq!(back.graph, g);
}

const BASE: &str = "https://w3id.org/govgraph/id/";

#[test]
fn common_variants_are_normalised_and_reported() {
    let doc = format!(
        r#"@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix s: <https://schema.org/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@base <{BASE}> .
<org/parent> a org:FormalOrganization , s:GovernmentOrganization ;
    rdfs:label "Parent"@en ;
    org:hasSubOrganization <org/child> ;
    s:foundingDate "1950"^^<http://www.w3.org/2001/XMLSchema#gYear> .
<org/child> a org:Organization ; rdfs:label "Child" ;
    org:hasPost <post/head> .
<post/head> a org:Post ; rdfs:label "Head"@en ; org:heldBy <person/p> .
<person/p> a foaf:Person ; foaf:name "P"@en .
"#
    );
    let out = import(doc.as_bytes(), RdfFormat::Turtle).expect("valid");
    let g = &out.graph;
    let parent = g.org_by_slug("parent").expect("imported");
    assert_eq!(
        parent.kind,
        OrgKind::Agency,
        "a state FormalOrganization with no gg: kind"
    );
    assert_eq!(parent.labels.english(), Some("Parent"));
    assert_eq!(
        parent.founded.map(|d| d.to_string()).as_deref(),
        Some("1950")
    );
    let child = g.org_by_slug("child").expect("imported");
    assert_eq!(child.parent(), Some(parent));
    assert_eq!(
        child.labels.english(),
        Some("Child"),
        "an untagged label is taken as English"
    );
    let head = g.post_by_slug("head").expect("imported");
    assert_eq!(head.organization(), Some(child));
    let holders: Vec<_> = head.holders().map(|p| p.slug().to_string()).collect();
    assert_eq!(holders, ["p"], "org:heldBy alone makes a tenure");
    let notes: Vec<String> = out
        .report
        .notes_of(NoteKind::Normalised)
        .map(|n| format!("{} {}", n.subject(), n.detail()))
        .collect();
    for expected in [
        "https://schema.org/ read as http://schema.org/",
        "<http://www.w3.org/ns/org#hasSubOrganization> without its inverse",
        "<http://www.w3.org/ns/org#hasPost> without its inverse",
        "rdfs:label read as a skos label",
        "foaf:name read as a skos label",
        "<http://www.w3.org/ns/org#heldBy> without an org:Membership: a tenure was made for it",
    ] {
        assert!(
            notes.iter().any(|n| n.contains(expected)),
            "no note {expected:?} in {notes:#?}"
        );
    }
}

#[test]
fn triples_the_model_does_not_understand_are_kept_and_written_back() {
    let doc = format!(
        r#"@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://example.org/> .
<{BASE}org/a> a org:Organization , org:FormalOrganization , <https://w3id.org/govgraph/ns#Agency> , <http://schema.org/GovernmentOrganization> , ex:Ministry ;
    skos:prefLabel "A"@en ;
    ex:motto "Serve the people"@en ;
    ex:budgetLine [ ex:amount 12 ] ;
    org:subOrganizationOf ex:somewhere-else .
ex:thing ex:p "o" .
"#
    );
    let out = import(doc.as_bytes(), RdfFormat::Turtle).expect("valid");
    let g = &out.graph;
    let a = g.org_by_slug("a").expect("imported");
    let kept: Vec<&str> = g
        .annotations(a.id())
        .iter()
        .map(|x| x.property.as_str())
        .collect();
    assert_eq!(
        kept,
        [
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "http://example.org/motto",
            "http://example.org/budgetLine",
            "http://www.w3.org/ns/org#subOrganizationOf"
        ]
    );
    assert_eq!(
        g.annotations(a.id())[0].value,
        Value::Iri("http://example.org/Ministry".to_owned())
    );
    assert_eq!(out.report.annotations(), 4);
    // The blank node's own triple and the unrelated subject are statements.
    assert_eq!(g.statements().len(), 2);
    assert_eq!(out.report.statements(), 2);
    // Written back: the export parses to a superset of the input's triples.
    let again = export(g, RdfFormat::NTriples);
    let text = String::from_utf8(again).expect("UTF-8");
    for needle in [
        "<http://example.org/motto> \"Serve the people\"@en",
        "<http://www.w3.org/ns/org#subOrganizationOf> <http://example.org/somewhere-else>",
        "<http://example.org/thing> <http://example.org/p> \"o\"",
        "<http://example.org/amount> \"12\"^^<http://www.w3.org/2001/XMLSchema#integer>",
    ] {
        assert!(text.contains(needle), "{needle} not written back:\n{text}");
    }
    // And a second round trip is exact.
    let bytes = export(g, RdfFormat::Turtle);
    let back = import(bytes.as_slice(), RdfFormat::Turtle).expect("valid");
    assert_eq!(back.graph, *g);
}

#[test]
fn a_syntax_error_gives_line_and_column() {
    let doc = "<http://a> <http://b> <http://c> .\n<http://a> <http://b> \"unterminated .\n";
    let err = import(doc.as_bytes(), RdfFormat::Turtle).expect_err("broken");
    let ImportError::Syntax {
        position, source, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*position, Some(TextPosition::new(2, 23)));
    // The message says where; the parser's own words are the source.
    assert_eq!(err.to_string(), "Turtle syntax error at line 2, column 23");
    assert_eq!(
        std::error::Error::source(&err).map(ToString::to_string),
        Some(source.to_string())
    );
    assert_eq!(
        source.to_string(),
        "Parser error between line 2 column 23 and line 3 column 1: Unexpected end of file"
    );
    let err = import("<a> <b> <c> .".as_bytes(), RdfFormat::NTriples).expect_err("relative IRIs");
    assert!(
        err.to_string()
            .starts_with("N-Triples syntax error at line 1, column "),
        "{err}"
    );
    let err = import("<rdf:RDF".as_bytes(), RdfFormat::RdfXml).expect_err("broken XML");
    assert_eq!(err.to_string(), "RDF/XML syntax error");
    assert!(matches!(err, ImportError::Syntax { position: None, .. }));
    let err = import("{\"@id\": ".as_bytes(), RdfFormat::JsonLd).expect_err("broken JSON");
    assert!(err.to_string().starts_with("JSON-LD syntax error"), "{err}");
    let err = import(
        "<http://a> <http://b> \"x\"@not_a_tag .".as_bytes(),
        RdfFormat::Turtle,
    )
    .expect_err("bad language tag");
    assert!(
        err.to_string()
            .starts_with("Turtle syntax error at line 1, column "),
        "{err}"
    );
}

fn doc_with(extra: &str) -> String {
    format!(
        r#"@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@base <{BASE}> .
<org/a> a org:Organization ; skos:prefLabel "A"@en .
<org/b> a org:Organization ; skos:prefLabel "B"@en .
{extra}
"#
    )
}

#[track_caller]
fn import_err(extra: &str) -> String {
    import(doc_with(extra).as_bytes(), RdfFormat::Turtle)
        .expect_err("the document does not fit the model")
        .to_string()
}

#[test]
fn documents_that_do_not_fit_the_model_name_subject_and_triple() {
    assert_eq!(
        import_err(
            "<org/a> org:subOrganizationOf <org/b> . <org/b> org:subOrganizationOf <org/a> ."
        ),
        format!(
            "<{BASE}org/b> <http://www.w3.org/ns/org#subOrganizationOf> <{BASE}org/a>: \
             linking organization `b` sub_organization_of `a` would close a cycle"
        )
    );
    assert_eq!(
        import_err("<post/p> a org:Post ; org:postIn <org/a> , <org/b> ."),
        format!(
            "<{BASE}post/p> <http://www.w3.org/ns/org#postIn> <{BASE}org/b>: \
             post `p` already has its one post_in link, to `a`"
        )
    );
    assert_eq!(
        import_err("<org/a> org:subOrganizationOf \"b\" ."),
        format!(
            "<{BASE}org/a> <http://www.w3.org/ns/org#subOrganizationOf> \"b\": \
             expected an IRI or blank node, found a literal"
        )
    );
    assert_eq!(
        import_err("<org/a> <http://purl.org/dc/terms/source> \"a book\" ."),
        format!(
            "<{BASE}org/a> <http://purl.org/dc/terms/source> \"a book\": \
             expected an IRI, found a literal or blank node"
        )
    );
    assert_eq!(
        import_err(
            "<org/a> <http://schema.org/foundingDate> \"1949-02-30\"^^<http://www.w3.org/2001/XMLSchema#date> ."
        ),
        format!(
            "<{BASE}org/a> <http://schema.org/foundingDate> \"1949-02-30\"^^<http://www.w3.org/2001/XMLSchema#date>: \
             day 30 does not exist in 1949-02"
        )
    );
    assert_eq!(
        import_err(
            "<org/a> <http://schema.org/foundingDate> \"1949\"^^<http://www.w3.org/2001/XMLSchema#date> ."
        ),
        format!(
            "<{BASE}org/a> <http://schema.org/foundingDate> \"1949\"^^<http://www.w3.org/2001/XMLSchema#date>: \
             a date of this precision must be typed <http://www.w3.org/2001/XMLSchema#gYear>"
        )
    );
    assert_eq!(
        import_err("<org/a> a <http://xmlns.com/foaf/0.1/Person> ."),
        format!("<{BASE}org/a> is typed both organization and person")
    );
    assert_eq!(
        import_err(
            "<org/a> <http://schema.org/foundingDate> \"1949\"^^<http://www.w3.org/2001/XMLSchema#gYear> , \"1950\"^^<http://www.w3.org/2001/XMLSchema#gYear> ."
        ),
        format!(
            "<{BASE}org/a> <http://schema.org/foundingDate> \"1950\"^^<http://www.w3.org/2001/XMLSchema#gYear>: \
             a second, different value for a property that has one"
        )
    );
}

#[test]
fn graphs_built_through_the_api_round_trip() {
    // A few shapes beyond the fixtures: deep chains, heads, see-also to
    // every kind, a tenure with only an end.
    let mut g = GovGraph::new();
    let mut parent = g.insert_org(org("root")).expect("new");
    for i in 0..50 {
        parent = g
            .add_sub_org(parent, org(&format!("level-{i}")))
            .expect("fresh");
    }
    let post = g
        .add_post(parent, Post::new(slug("leader"), "Leader").head())
        .expect("fresh");
    let person = g
        .insert_person(govgraph::Person::new(slug("someone"), "Someone"))
        .expect("new");
    g.appoint(
        person,
        post,
        govgraph::Tenure::new(slug("someone-leader")).with_end("2020".parse().expect("date")),
    )
    .expect("fresh");
    g.link(post, Relation::SeeAlso, person).expect("new link");
    round_trip(&g);
}

#[test]
fn the_transitive_closure_is_written_on_request_and_read_back_as_derived() {
    let g = everything();
    let closed = Exporter::new()
        .with_transitive_closure(true)
        .with_format(RdfFormat::NTriples)
        .write(&g, Vec::new())
        .expect("in memory");
    let text = String::from_utf8(closed.clone()).expect("UTF-8");
    let transitive = text
        .lines()
        .filter(|l| l.contains("<http://www.w3.org/ns/org#transitiveSubOrganizationOf>"))
        .count();
    // One triple per (body, ancestor) pair: `office` under `council`.
    assert_eq!(transitive, 1, "{text}");
    let back = import(closed.as_slice(), RdfFormat::NTriples).expect("valid");
    assert_eq!(back.graph, g);
    assert!(back.report.notes().is_empty(), "{}", back.report);
    // A claimed ancestor the hierarchy does not give is kept, not dropped.
    let doc = doc_with("<org/a> org:transitiveSubOrganizationOf <org/b> .");
    let out = import(doc.as_bytes(), RdfFormat::Turtle).expect("valid");
    let a = out.graph.org_by_slug("a").expect("imported");
    assert_eq!(out.graph.annotations(a.id()).len(), 1);
}

#[test]
fn paths_choose_the_format_by_extension() {
    let dir = std::env::temp_dir().join(format!("govgraph-paths-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let g = everything();
    for format in RdfFormat::ALL {
        let path = dir.join(format!("graph.{}", format.file_extension()));
        Exporter::new().write_path(&g, &path).expect("written");
        let back = Importer::new().import_path(&path).expect("read back");
        assert_eq!(back.graph, g, "{format}");
    }
    let err = Importer::new()
        .import_path(dir.join("graph.txt"))
        .expect_err("no RDF extension");
    assert!(
        err.to_string().ends_with(
            "graph.txt: the file name does not say which RDF format it is in (.ttl, .nt, .nq, .trig, .rdf, .jsonld)"
        ),
        "{err}"
    );
    let err = Exporter::new()
        .write_path(&g, dir.join("graph.docx"))
        .expect_err("no RDF extension");
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A site's address is read when it is named as the export names it, or is
/// a blank node; one named by another IRI is kept as written (annotation
/// and statements), so it is never renamed onto an IRI something else has.
#[test]
fn a_site_reads_its_own_or_a_blank_address_and_keeps_another() {
    let doc = doc_with(
        r#"@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
<site/own> a org:Site ; org:siteAddress <address/own> .
<address/own> a vcard:Address ; vcard:street-address "1 Road" .
<site/blank> a org:Site ; org:siteAddress [ a vcard:Address ; vcard:street-address "2 Lane" ] .
<site/foreign> a org:Site ; org:siteAddress <https://example.org/hq> .
<https://example.org/hq> a vcard:Address ; vcard:street-address "3 Way" ."#,
    );
    let g = import(doc.as_bytes(), RdfFormat::Turtle)
        .expect("fits the model")
        .graph;
    let street = |slug: &str| {
        let site = g.site_by_slug(slug).expect("a site");
        site.address.street.clone()
    };
    assert_eq!(street("own").as_deref(), Some("1 Road"));
    assert_eq!(street("blank").as_deref(), Some("2 Lane"));
    assert_eq!(street("foreign"), None);
    let foreign = g.site_by_slug("foreign").expect("a site");
    assert_eq!(
        g.annotations(foreign.id())
            .iter()
            .map(|a| (a.property.as_str(), a.value.clone()))
            .collect::<Vec<_>>(),
        [(
            "http://www.w3.org/ns/org#siteAddress",
            Value::Iri("https://example.org/hq".to_owned())
        )]
    );
    assert_eq!(
        g.statements()
            .iter()
            .filter(|s| s.subject == Value::Iri("https://example.org/hq".to_owned()))
            .count(),
        2
    );
    for format in RdfFormat::ALL {
        common::differential::rdf_round_trip(&g, format);
    }
}

#[test]
fn a_file_written_under_another_base_reads_back_or_is_refused_by_name() {
    let g = everything();
    let ttl = Exporter::new()
        .with_base_iri("https://example.org/gov/")
        .expect("a valid base")
        .write(&g, Vec::new())
        .expect("in memory");
    let back = Importer::new()
        .import_slice(&ttl, RdfFormat::Turtle)
        .expect("reads under the document's own base");
    assert_eq!(back.graph, g);
    let found: Vec<_> = back
        .report
        .notes_of(NoteKind::BaseFound)
        .map(|n| n.subject().to_owned())
        .collect();
    assert_eq!(found, ["<https://example.org/gov/>"]);
    assert_eq!(back.report.notes_of(NoteKind::MintedSlug).count(), 0);
    let err = Importer::new()
        .with_base_iri("https://other.example/id/")
        .expect("a valid base")
        .import_slice(&ttl, RdfFormat::Turtle)
        .expect_err("told another base");
    assert!(matches!(err, ImportError::OtherBase { .. }));
    assert_eq!(
        err.to_string(),
        "no subject lies under the base https://other.example/id/; the document's subjects lie \
         under https://example.org/gov/: import with that base"
    );
    // Told the right base, it reads with no note.
    let right = Importer::new()
        .with_base_iri("https://example.org/gov/")
        .expect("a valid base")
        .import_slice(&ttl, RdfFormat::Turtle)
        .expect("reads");
    assert_eq!(right.graph, g);
    assert_eq!(right.report.notes_of(NoteKind::BaseFound).count(), 0);
}

/// The importer holds the document's texts in chunks of 1 MiB: a text
/// longer than a chunk, texts spread over many chunks, and every kind of
/// term (IRI, blank node with a numeric label, plain, language-tagged and
/// typed literals) come back exactly as written.
#[test]
fn long_texts_and_every_kind_of_term_survive_the_import() {
    use std::fmt::Write as _;
    const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
    const LANG: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
    let long = "长".repeat(600_000); // 1.8 MB in UTF-8
    let mut doc = format!(
        r#"@prefix org: <http://www.w3.org/ns/org#> .
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{BASE}organization/a> a org:Organization ;
    ex:long "{long}"@zh-hans ;
    ex:int 42 ;
    ex:plain "plain" ;
    ex:blank _:123 ;
    ex:month "2020-01"^^xsd:gYearMonth ;
    ex:other <{BASE}organization/b> .
<{BASE}organization/b> a org:Organization .
_:123 ex:p "blank subject" .
"#
    );
    let many = 60_000; // about 1.3 MB of short literals
    for i in 0..many {
        writeln!(doc, "<{BASE}organization/a> ex:n \"value {i}\" .").expect("a String");
    }
    let out = import(doc.as_bytes(), RdfFormat::Turtle).expect("valid");
    let g = &out.graph;
    let a = g.org_by_slug("a").expect("imported");
    let kept = g.annotations(a.id());
    let lit = |value: &str, datatype: &str, language: Option<&str>| Value::Literal {
        value: value.to_owned(),
        datatype: datatype.to_owned(),
        language: language.map(str::to_owned),
    };
    let values: Vec<&Value> = kept.iter().map(|x| &x.value).collect();
    assert_eq!(values.len(), 6 + many, "every triple kept");
    assert_eq!(*values[0], lit(&long, LANG, Some("zh-hans")));
    assert_eq!(*values[1], lit("42", &format!("{XSD}integer"), None));
    assert_eq!(*values[2], lit("plain", &format!("{XSD}string"), None));
    assert_eq!(*values[3], Value::Blank("123".to_owned()));
    assert_eq!(
        *values[4],
        lit("2020-01", &format!("{XSD}gYearMonth"), None)
    );
    assert_eq!(*values[5], Value::Iri(format!("{BASE}organization/b")));
    for (i, v) in values[6..].iter().enumerate() {
        assert_eq!(
            **v,
            lit(&format!("value {i}"), &format!("{XSD}string"), None)
        );
    }
    assert_eq!(g.statements().len(), 1, "the blank subject's triple");
    // And the graph reads back equal from its own export.
    for format in [RdfFormat::Turtle, RdfFormat::NTriples] {
        let back = import(export(g, format).as_slice(), format).expect("valid");
        assert_eq!(back.graph, *g, "{format}");
    }
}
