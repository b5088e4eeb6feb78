//! The RDF export: parsed back with oxttl, checked by triple patterns
//! against the facts of the source article and the vocabulary contract.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use govgraph::rdf::vocab::{dct, foaf, gg, org, rdf, rdfs, schema, skos, time, vcard, xsd};
use govgraph::rdf::{Exporter, ontology_turtle};
use govgraph::{
    GovGraph, Labels, Lang, OrgKind, Organization, PartialDate, Person, Post, Slug, Tenure,
    datasets,
};
use oxrdf::{Graph, Literal, NamedNode, NamedNodeRef, Term, TripleRef};
use oxttl::{NTriplesParser, TurtleParser};

const BASE: &str = "https://w3id.org/govgraph/id/";

fn turtle(g: &GovGraph) -> Vec<u8> {
    govgraph::rdf::write_turtle(g, Vec::new()).unwrap()
}

fn parse_turtle(bytes: &[u8]) -> Graph {
    let mut graph = Graph::new();
    for t in TurtleParser::new().for_slice(bytes) {
        graph.insert(&t.expect("the export is valid Turtle"));
    }
    graph
}

fn parse_ntriples(bytes: &[u8]) -> Graph {
    let mut graph = Graph::new();
    for t in NTriplesParser::new().for_slice(bytes) {
        graph.insert(&t.expect("the export is valid N-Triples"));
    }
    graph
}

fn id(path: &str) -> NamedNode {
    NamedNode::new(format!("{BASE}{path}")).unwrap()
}

fn iri(s: &str) -> NamedNode {
    NamedNode::new(s).unwrap()
}

#[track_caller]
fn has(g: &Graph, s: &NamedNode, p: &str, o: impl Into<Term>) {
    let o = o.into();
    assert!(
        g.contains(TripleRef::new(s, NamedNodeRef::new(p).unwrap(), &o)),
        "missing triple {s} <{p}> {o}"
    );
}

#[track_caller]
fn lacks_predicate(g: &Graph, p: &str) {
    let p = NamedNodeRef::new(p).unwrap();
    assert_eq!(
        g.triples_for_predicate(p).count(),
        0,
        "unexpected triples with <{p}>"
    );
}

fn en(s: &str) -> Literal {
    Literal::new_language_tagged_literal(s, "en").unwrap()
}

fn objects(g: &Graph, s: &NamedNode, p: &str) -> Vec<Term> {
    g.objects_for_subject_predicate(s, NamedNodeRef::new(p).unwrap())
        .map(oxrdf::TermRef::into_owned)
        .collect()
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "the article's sixteen facts, checked in its order, one block each"
)]
fn every_seed_fact_is_in_the_turtle() {
    let g = parse_turtle(&turtle(&datasets::general_office()));
    let go = id("org/general-office-of-the-state-council");
    let council = id("org/state-council");
    let source = iri(datasets::GENERAL_OFFICE_SOURCE);

    // 1-3: names.
    has(
        &g,
        &go,
        skos::PREF_LABEL,
        en("General Office of the State Council"),
    );
    has(
        &g,
        &go,
        skos::ALT_LABEL,
        en("General Office of the State Council of the People's Republic of China"),
    );
    has(
        &g,
        &go,
        skos::PREF_LABEL,
        Literal::new_language_tagged_literal("中华人民共和国国务院办公厅", "zh-Hans").unwrap(),
    );
    // Types.
    for class in [
        org::ORGANIZATION,
        org::FORMAL_ORGANIZATION,
        schema::GOVERNMENT_ORGANIZATION,
    ] {
        has(&g, &go, rdf::TYPE, iri(class));
    }
    // 4: logo.
    has(
        &g,
        &go,
        schema::LOGO,
        iri(
            "https://commons.wikimedia.org/wiki/Special:FilePath/National_Emblem_of_the_People%27s_Republic_of_China_%282%29.svg",
        ),
    );
    has(
        &g,
        &go,
        gg::LOGO_WIDTH,
        Literal::new_typed_literal("110", iri(xsd::INTEGER)),
    );
    // 5: formed.
    has(
        &g,
        &go,
        schema::FOUNDING_DATE,
        Literal::new_typed_literal("1949-09-27", iri(xsd::DATE)),
    );
    // 6: jurisdiction, governed by the State Council.
    let jur = id("jurisdiction/state-council-of-china");
    has(&g, &go, gg::JURISDICTION, jur.clone());
    has(&g, &jur, rdf::TYPE, iri(dct::JURISDICTION));
    has(&g, &jur, skos::PREF_LABEL, en("State Council of China"));
    has(&g, &jur, gg::GOVERNING_BODY, council.clone());
    // 7: headquarters.
    let site = id("site/general-office-of-the-state-council-headquarters");
    let adr = id("address/general-office-of-the-state-council-headquarters");
    has(&g, &go, org::HAS_PRIMARY_SITE, site.clone());
    has(&g, &site, rdf::TYPE, iri(org::SITE));
    has(
        &g,
        &site,
        rdfs::LABEL,
        Literal::new_simple_literal("2 Fuyou Street, Zhongnanhai, Xicheng District, Beijing"),
    );
    has(&g, &site, org::SITE_ADDRESS, adr.clone());
    has(&g, &adr, rdf::TYPE, iri(vcard::ADDRESS));
    has(
        &g,
        &adr,
        vcard::STREET_ADDRESS,
        Literal::new_simple_literal("2 Fuyou Street"),
    );
    has(
        &g,
        &adr,
        vcard::LOCALITY,
        Literal::new_simple_literal("Beijing"),
    );
    has(
        &g,
        &site,
        schema::CONTAINED_IN_PLACE,
        id("place/zhongnanhai"),
    );
    has(
        &g,
        &site,
        schema::CONTAINED_IN_PLACE,
        id("place/fuyou-street"),
    );
    has(
        &g,
        &id("place/zhongnanhai"),
        schema::CONTAINED_IN_PLACE,
        id("place/xicheng-district"),
    );
    has(
        &g,
        &id("place/xicheng-district"),
        schema::CONTAINED_IN_PLACE,
        id("place/beijing"),
    );
    for place in ["zhongnanhai", "xicheng-district", "beijing", "fuyou-street"] {
        let p = id(&format!("place/{place}"));
        has(&g, &p, rdf::TYPE, iri(schema::PLACE));
        assert!(
            !objects(&g, &p, rdf::TYPE).contains(&iri(org::ORGANIZATION).into()),
            "a place is never an organization"
        );
    }
    // 8: the chief and the head post.
    let sg = id("post/secretary-general-of-the-state-council");
    let wu = id("person/wu-zhenglong");
    has(&g, &sg, rdf::TYPE, iri(org::POST));
    has(&g, &sg, org::POST_IN, go.clone());
    has(&g, &go, org::HAS_POST, sg.clone());
    has(&g, &sg, org::ROLE_PROPERTY, iri(org::HEAD));
    has(&g, &sg, gg::HEADS, go.clone());
    has(&g, &wu, rdf::TYPE, iri(foaf::PERSON));
    has(&g, &wu, foaf::NAME, en("Wu Zhenglong"));
    has(&g, &wu, org::HOLDS, sg.clone());
    has(&g, &sg, org::HELD_BY, wu.clone());
    has(&g, &wu, org::HEAD_OF, go.clone());
    let tenure = id("membership/wu-zhenglong-secretary-general-of-the-state-council");
    has(&g, &tenure, rdf::TYPE, iri(org::MEMBERSHIP));
    has(&g, &tenure, org::MEMBER, wu.clone());
    has(&g, &tenure, org::ORGANIZATION_PROPERTY, go.clone());
    has(&g, &tenure, gg::POST, sg.clone());
    // 9: the executive deputy, minister-level.
    let edsg = id("post/executive-deputy-secretary-general-of-the-state-council");
    let wang = id("person/wang-zhijun");
    has(&g, &edsg, org::POST_IN, go.clone());
    has(&g, &wang, org::HOLDS, edsg.clone());
    has(&g, &edsg, org::HELD_BY, wang.clone());
    let rank = id("category/minister-level");
    has(&g, &edsg, gg::RANK, rank.clone());
    has(&g, &rank, rdf::TYPE, iri(skos::CONCEPT));
    has(&g, &rank, skos::PREF_LABEL, en("minister-level"));
    assert!(
        objects(&g, &wang, org::HEAD_OF).is_empty(),
        "the deputy heads nothing"
    );
    // 10: parent and description.
    has(&g, &go, org::SUB_ORGANIZATION_OF, council.clone());
    has(&g, &council, org::HAS_SUB_ORGANIZATION, go.clone());
    assert_eq!(objects(&g, &go, dct::DESCRIPTION).len(), 1);
    // 11-13: functions, in order.
    let purposes = objects(&g, &go, org::PURPOSE);
    assert_eq!(purposes.len(), 12);
    for n in 1..=12 {
        let f = id(&format!("function/general-office-of-the-state-council-{n}"));
        assert!(purposes.contains(&f.clone().into()));
        has(&g, &f, rdf::TYPE, iri(skos::CONCEPT));
        has(
            &g,
            &f,
            skos::NOTATION,
            Literal::new_simple_literal(n.to_string()),
        );
        has(
            &g,
            &f,
            skos::IN_SCHEME,
            id("functions/general-office-of-the-state-council"),
        );
    }
    let label_of = |n: u32| {
        let f = id(&format!("function/general-office-of-the-state-council-{n}"));
        match objects(&g, &f, skos::PREF_LABEL).first() {
            Some(Term::Literal(l)) => l.value().to_owned(),
            other => panic!("function {n} has label {other:?}"),
        }
    };
    assert!(label_of(1).contains("meetings"));
    assert!(label_of(6).contains("emergencies"));
    assert!(label_of(7).contains("public relations"));
    assert!(label_of(12).contains("overseas stock"));
    // 14: gov.cn.
    let gov_cn = iri("https://gov.cn/");
    has(&g, &gov_cn, rdf::TYPE, iri(schema::WEB_SITE));
    has(&g, &gov_cn, schema::PUBLISHER, go.clone());
    has(&g, &council, schema::URL, gov_cn.clone());
    // 15: the affiliated institution.
    let center = id("org/china-government-network-operation-center");
    has(&g, &center, org::SUB_ORGANIZATION_OF, go.clone());
    has(&g, &go, org::HAS_SUB_ORGANIZATION, center.clone());
    has(
        &g,
        &center,
        org::CLASSIFICATION,
        id("category/directly-affiliated-institution"),
    );
    has(&g, &center, rdf::TYPE, iri(org::FORMAL_ORGANIZATION));
    // 16: see also, and the General Offices group.
    for related in [
        "category/general-offices",
        "org/general-office-of-the-chinese-communist-party",
        "org/general-office-of-the-central-military-commission",
        "post/secretary-general-of-the-state-council",
        "post/deputy-secretary-general-of-the-state-council",
        "org/office-of-the-premier-of-china",
    ] {
        has(&g, &go, rdfs::SEE_ALSO, id(related));
    }
    let group = id("category/general-offices");
    has(&g, &group, skos::PREF_LABEL, en("General Offices"));
    for member in [
        "org/general-office-of-the-state-council",
        "org/general-office-of-the-chinese-communist-party",
        "org/general-office-of-the-central-military-commission",
    ] {
        has(&g, &id(member), org::CLASSIFICATION, group.clone());
    }
    has(
        &g,
        &id("org/office-of-the-premier-of-china"),
        rdf::TYPE,
        iri(org::ORGANIZATIONAL_UNIT),
    );
    // Provenance on every instance subject.
    let subjects: BTreeSet<_> = g
        .iter()
        .filter_map(|t| match t.subject {
            oxrdf::NamedOrBlankNodeRef::NamedNode(n)
                if n.as_str().starts_with(BASE)
                    && !n.as_str().contains("/address/")
                    && !n.as_str().contains("/functions/") =>
            {
                Some(n.into_owned())
            }
            _ => None,
        })
        .collect();
    assert!(subjects.len() > 30);
    // Every instance subject names its source; the article's nodes name
    // the article (the history's nodes name theirs: dataset_history.rs).
    for s in &subjects {
        assert!(!objects(&g, s, dct::SOURCE).is_empty(), "{s} has no source");
    }
    let dataset = datasets::general_office();
    let exporter = Exporter::new();
    let article: Vec<NamedNode> = dataset
        .node_refs()
        .filter(|n| {
            n.node()
                .sources()
                .iter()
                .any(|s| s.as_str() == datasets::GENERAL_OFFICE_SOURCE)
        })
        .map(|n| iri(&exporter.iri_of(n)))
        .collect();
    assert_eq!(article.len(), 36);
    assert!(article.contains(&gov_cn));
    for s in &article {
        has(&g, s, dct::SOURCE, source.clone());
    }
    // Never the inverse-functional FOAF terms, never https schema.org.
    lacks_predicate(&g, "http://xmlns.com/foaf/0.1/logo");
    lacks_predicate(&g, "http://xmlns.com/foaf/0.1/homepage");
    lacks_predicate(&g, "http://www.w3.org/2002/07/owl#sameAs");
    assert!(
        g.iter()
            .all(|t| !t.to_string().contains("https://schema.org/"))
    );
}

#[test]
fn turtle_ntriples_and_the_triple_iterator_agree() {
    let data = datasets::general_office();
    let from_turtle = parse_turtle(&turtle(&data));
    let nt = govgraph::rdf::write_ntriples(&data, Vec::new()).unwrap();
    let from_nt = parse_ntriples(&nt);
    assert_eq!(from_turtle, from_nt);
    let lines: BTreeSet<String> = Exporter::new()
        .triples(&data)
        .map(|t| format!("{t} ."))
        .collect();
    let nt_lines: BTreeSet<String> = String::from_utf8(nt)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(lines, nt_lines);
    assert_eq!(lines.len(), from_nt.len(), "no triple is written twice");
}

#[test]
fn export_is_deterministic() {
    let a = turtle(&datasets::general_office());
    let b = turtle(&datasets::general_office());
    let c = turtle(&datasets::general_office().clone());
    assert_eq!(a, b);
    assert_eq!(a, c);
}

#[test]
fn golden_turtle_file() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/general_office.ttl"
    );
    let actual = turtle(&datasets::general_office());
    if std::env::var_os("GOVGRAPH_BLESS").is_some() {
        std::fs::write(path, &actual).unwrap();
    }
    let expected =
        std::fs::read(path).expect("run with GOVGRAPH_BLESS=1 to create the golden file");
    assert!(
        actual == expected,
        "the Turtle export changed; review the diff and rerun with GOVGRAPH_BLESS=1 if intended:\n{}",
        String::from_utf8_lossy(&actual)
    );
}

#[test]
fn base_iri_is_validated_and_used() {
    let err = Exporter::new().with_base_iri("not an iri").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("base IRI \"not an iri\" is not an absolute IRI: "),
        "{err}"
    );
    let err = Exporter::new()
        .with_base_iri("https://example.org/id")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "base IRI \"https://example.org/id\" must end with '/' or '#'"
    );
    let ex = Exporter::new()
        .with_base_iri("https://example.org/gov#")
        .unwrap();
    assert_eq!(ex.base_iri(), "https://example.org/gov#");
    let data = datasets::general_office();
    let g = parse_turtle(&ex.write(&data, Vec::new()).unwrap());
    has(
        &g,
        &iri("https://example.org/gov#org/general-office-of-the-state-council"),
        org::SUB_ORGANIZATION_OF,
        iri("https://example.org/gov#org/state-council"),
    );
    let office = data.org_by_slug("state-council").unwrap();
    assert_eq!(
        ex.iri_of(office.as_node()),
        "https://example.org/gov#org/state-council"
    );
}

#[test]
fn inverse_links_can_be_left_out() {
    let data = datasets::general_office();
    let ex = Exporter::new().with_inverse_links(false);
    let g = parse_turtle(&ex.write(&data, Vec::new()).unwrap());
    for p in [
        org::HAS_SUB_ORGANIZATION,
        org::HAS_POST,
        org::HELD_BY,
        org::SITE_OF,
        org::HAS_UNIT,
        dct::IS_REPLACED_BY,
    ] {
        lacks_predicate(&g, p);
    }
    has(
        &g,
        &id("org/general-office-of-the-state-council"),
        org::SUB_ORGANIZATION_OF,
        id("org/state-council"),
    );
}

#[test]
fn hostile_strings_come_back_unchanged() {
    let nasty = [
        "quote \" and ''' and \"\"\" end",
        "back\\slash \\n not a newline",
        "new\nline\r\ttab",
        "<tag> & #hash @at",
        "nul \u{0} bell \u{7} del \u{7f}",
        "bidi \u{202e}override\u{202c} and \u{200f}",
        "\u{301} lone combining mark",
        "emoji 🏛️👩🏽‍⚖️ and 中文 and עברית",
    ];
    let mut g = GovGraph::new();
    let mut labels = Labels::en(nasty[0]);
    for text in &nasty[1..] {
        labels.add_alternate(Lang::en(), *text);
    }
    let org = g
        .insert_org(
            Organization::new(Slug::new("hostile").unwrap(), OrgKind::Other, "x")
                .with_labels(labels)
                .with_description(nasty.concat()),
        )
        .unwrap();
    let _ = org;
    let parsed = parse_turtle(&turtle(&g));
    let subject = id("org/hostile");
    has(&parsed, &subject, skos::PREF_LABEL, en(nasty[0]));
    for text in &nasty[1..] {
        has(&parsed, &subject, skos::ALT_LABEL, en(text));
    }
    has(&parsed, &subject, dct::DESCRIPTION, en(&nasty.concat()));
    let nt = govgraph::rdf::write_ntriples(&g, Vec::new()).unwrap();
    assert_eq!(parse_ntriples(&nt), parsed);
}

#[test]
fn tenure_dates_become_an_interval() {
    let mut g = GovGraph::new();
    let body = g
        .insert_org(Organization::new(
            Slug::new("body").unwrap(),
            OrgKind::Agency,
            "Body",
        ))
        .unwrap();
    let post = g
        .add_post(body, Post::new(Slug::new("chair").unwrap(), "Chair").head())
        .unwrap();
    let a = g
        .insert_person(Person::new(Slug::new("a").unwrap(), "A"))
        .unwrap();
    let b = g
        .insert_person(Person::new(Slug::new("b").unwrap(), "B"))
        .unwrap();
    g.appoint(
        a,
        post,
        Tenure::new(Slug::new("a-chair").unwrap())
            .with_start("2001-02".parse::<PartialDate>().unwrap())
            .with_end("2008".parse().unwrap()),
    )
    .unwrap();
    g.appoint(
        b,
        post,
        Tenure::new(Slug::new("b-chair").unwrap()).with_start("2008-03-15".parse().unwrap()),
    )
    .unwrap();
    let out = String::from_utf8(turtle(&g)).unwrap();
    let parsed = parse_turtle(out.as_bytes());
    let m = id("membership/a-chair");
    let during = objects(&parsed, &m, org::MEMBER_DURING);
    assert_eq!(during.len(), 1);
    let Term::BlankNode(interval) = &during[0] else {
        panic!("the interval is a blank node")
    };
    let types: Vec<_> = parsed
        .objects_for_subject_predicate(interval, NamedNodeRef::new(rdf::TYPE).unwrap())
        .collect();
    assert_eq!(
        types,
        [NamedNodeRef::new(time::PROPER_INTERVAL).unwrap().into()]
    );
    let begin = parsed
        .object_for_subject_predicate(interval, NamedNodeRef::new(time::HAS_BEGINNING).unwrap())
        .unwrap();
    let oxrdf::TermRef::BlankNode(begin) = begin else {
        panic!("the beginning is a blank node")
    };
    assert_eq!(
        parsed
            .object_for_subject_predicate(
                begin,
                NamedNodeRef::new(time::IN_XSD_G_YEAR_MONTH).unwrap()
            )
            .map(oxrdf::TermRef::into_owned),
        Some(Literal::new_typed_literal("2001-02", iri(xsd::G_YEAR_MONTH)).into())
    );
    let end = parsed
        .object_for_subject_predicate(interval, NamedNodeRef::new(time::HAS_END).unwrap())
        .unwrap();
    let oxrdf::TermRef::BlankNode(end) = end else {
        panic!("the end is a blank node")
    };
    assert_eq!(
        parsed
            .object_for_subject_predicate(end, NamedNodeRef::new(time::IN_XSD_G_YEAR).unwrap())
            .map(oxrdf::TermRef::into_owned),
        Some(Literal::new_typed_literal("2008", iri(xsd::G_YEAR)).into())
    );
    // Only the current holder of the head post heads the body.
    has(&parsed, &id("person/b"), org::HEAD_OF, id("org/body"));
    assert!(objects(&parsed, &id("person/a"), org::HEAD_OF).is_empty());
    // Only the tenure in force writes org:heldBy; the ended one is reached
    // through its membership.
    has(&parsed, &id("post/chair"), org::HELD_BY, id("person/b"));
    assert!(
        !objects(&parsed, &id("post/chair"), org::HELD_BY).contains(&id("person/a").into()),
        "an ended tenure writes no org:heldBy"
    );
}

#[test]
fn the_ontology_parses_and_declares_every_gg_term_the_export_uses() {
    let ontology = parse_turtle(ontology_turtle().as_bytes());
    let declared: BTreeSet<String> = ontology
        .iter()
        .filter_map(|t| match t.subject {
            oxrdf::NamedOrBlankNodeRef::NamedNode(n) if n.as_str().starts_with(gg::NAMESPACE) => {
                Some(n.as_str().to_owned())
            }
            _ => None,
        })
        .collect();
    let data = parse_turtle(&turtle(&datasets::general_office()));
    let mut used = BTreeSet::new();
    for t in &data {
        for term in [t.predicate.as_str().to_owned(), t.object.to_string()] {
            let term = term
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_owned();
            if term.starts_with(gg::NAMESPACE) {
                used.insert(term);
            }
        }
    }
    assert!(used.len() > 5, "{used:?}");
    let missing: Vec<_> = used.difference(&declared).collect();
    assert!(missing.is_empty(), "undeclared gg: terms {missing:?}");
    // The ORG axioms the reasoning rests on.
    let sub = iri(org::SUB_ORGANIZATION_OF);
    has(
        &ontology,
        &sub,
        rdfs::SUB_PROPERTY_OF,
        iri(org::TRANSITIVE_SUB_ORGANIZATION_OF),
    );
    has(
        &ontology,
        &iri(org::TRANSITIVE_SUB_ORGANIZATION_OF),
        rdf::TYPE,
        iri("http://www.w3.org/2002/07/owl#TransitiveProperty"),
    );
    has(
        &ontology,
        &sub,
        "http://www.w3.org/2002/07/owl#inverseOf",
        iri(org::HAS_SUB_ORGANIZATION),
    );
    // Every gg: property and class has an English label and comment.
    for term in &declared {
        let s = iri(term);
        let has_label = !objects(&ontology, &s, rdfs::LABEL).is_empty()
            || !objects(&ontology, &s, skos::PREF_LABEL).is_empty();
        assert!(has_label, "{term} has no label");
        assert!(
            !objects(&ontology, &s, rdfs::COMMENT).is_empty(),
            "{term} has no comment"
        );
    }
}

/// The `@prefix` names a Turtle document declares, sorted.
fn declared_prefixes(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("@prefix ")?.split_once(':'))
        .map(|(name, _)| name)
        .collect();
    names.sort_unstable();
    names
}

#[test]
fn turtle_declares_exactly_the_prefixes_it_uses() {
    let text = String::from_utf8(turtle(&datasets::general_office())).unwrap();
    let declared = declared_prefixes(&text);
    assert_eq!(
        declared,
        [
            "address",
            "body",
            "category",
            "dct",
            "event",
            "foaf",
            "function",
            "functions",
            "gg",
            "jurisdiction",
            "membership",
            "org",
            "person",
            "place",
            "post",
            "rdfs",
            "schema",
            "site",
            "skos",
            "time",
            "vcard",
            "xsd",
        ]
    );
    let body: Vec<&str> = text.lines().filter(|l| !l.starts_with("@prefix")).collect();
    for name in declared {
        let used = format!("{name}:");
        assert!(
            body.iter().any(|l| l.contains(&used)),
            "{name}: declared but not used"
        );
    }
    // An empty graph declares nothing; a lone person what its triples use.
    let mut g = GovGraph::new();
    assert_eq!(String::from_utf8(turtle(&g)).unwrap(), "");
    g.insert_person(govgraph::Person::new(
        govgraph::Slug::new("a").unwrap(),
        "A",
    ))
    .unwrap();
    let text = String::from_utf8(turtle(&g)).unwrap();
    assert_eq!(declared_prefixes(&text), ["foaf", "person", "skos"]);
}

#[test]
fn every_gg_term_has_a_label_and_every_gg_property_a_domain_or_a_reason() {
    let ontology = parse_turtle(ontology_turtle().as_bytes());
    let owl = |local: &str| format!("http://www.w3.org/2002/07/owl#{local}");
    let property_classes = [
        format!("{}Property", rdf::NAMESPACE),
        owl("ObjectProperty"),
        owl("DatatypeProperty"),
    ];
    let subjects: BTreeSet<NamedNode> = ontology
        .iter()
        .filter_map(|t| match t.subject {
            oxrdf::NamedOrBlankNodeRef::NamedNode(n) if n.as_str().starts_with(gg::NAMESPACE) => {
                Some(n.into_owned())
            }
            _ => None,
        })
        .collect();
    let mut properties = 0;
    for term in &subjects {
        assert!(
            !objects(&ontology, term, rdfs::LABEL).is_empty(),
            "{term} has no rdfs:label"
        );
        let is_property = objects(&ontology, term, rdf::TYPE).iter().any(|c| {
            property_classes
                .iter()
                .any(|p| *c == Term::from(NamedNode::new_unchecked(p.as_str())))
        });
        if is_property {
            properties += 1;
            let has_domain = !objects(&ontology, term, rdfs::DOMAIN).is_empty();
            let says_why = objects(&ontology, term, rdfs::COMMENT)
                .iter()
                .any(|c| matches!(c, Term::Literal(l) if l.value().contains("No rdfs:domain")));
            assert!(has_domain || says_why, "{term}: no domain and no reason");
        }
    }
    // Every gg: term of the vocabulary module is in the ontology.
    for term in gg::TERMS {
        assert!(
            subjects.contains(&NamedNode::new_unchecked(*term)),
            "{term} is not in the ontology"
        );
    }
    assert!(properties >= 10, "{properties}");
}

#[test]
fn lifetimes_are_rows_of_the_mapping_both_ways() {
    let mut g = GovGraph::new();
    g.insert_person(
        Person::new(Slug::new("a").unwrap(), "A")
            .with_born("1901-02".parse().unwrap())
            .with_died("1990".parse().unwrap()),
    )
    .unwrap();
    let text = String::from_utf8(turtle(&g)).unwrap();
    assert!(
        text.contains("schema:birthDate \"1901-02\"^^xsd:gYearMonth ;"),
        "{text}"
    );
    assert!(
        text.contains("schema:deathDate \"1990\"^^xsd:gYear"),
        "{text}"
    );
    let back = govgraph::rdf::import(text.as_bytes(), govgraph::rdf::RdfFormat::Turtle).unwrap();
    assert_eq!(back.graph, g);
    assert!(back.report.notes().is_empty());
}

#[cfg(feature = "synthetic")]
#[test]
fn a_national_graph_declares_only_prefixes_it_uses() {
    let g = govgraph::synthetic::national(2_000, 7);
    let text = String::from_utf8(turtle(&g)).unwrap();
    let body: Vec<&str> = text.lines().filter(|l| !l.starts_with("@prefix")).collect();
    let declared = declared_prefixes(&text);
    assert!(declared.len() >= 15, "{declared:?}");
    for name in declared {
        let used = format!("{name}:");
        assert!(
            body.iter().any(|l| l.contains(&used)),
            "{name}: declared but not used"
        );
    }
}
