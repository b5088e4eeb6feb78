//! Hostile strings everywhere a string goes in: every export format
//! parses, with oxttl and with a second, independent Turtle parser
//! (`sophia_turtle`), and every value comes back unchanged; what cannot be
//! represented is refused with a typed error when it is given, never at
//! export. The SVG and DOT charts stay well-formed (read by roxmltree and
//! by a DOT string scanner that trusts nothing the writer did) and show
//! each label.

mod common;

use std::collections::BTreeSet;

use common::differential::{json_round_trip, rdf_round_trip};
use common::slug;
use govgraph::rdf::{Exporter, Importer, RdfFormat};
use govgraph::{
    Address, Annotation, Category, CategoryKind, Function, GovGraph, GraphError, Jurisdiction,
    Labels, Lang, Logo, OrgKind, Organization, Person, Place, PlaceKind, Post, Relation, Site,
    Slug, Source, Statement, Tenure, Value, Website,
};
use sophia_api::source::TripleSource;

/// Strings that break naive writers and readers.
fn hostile() -> Vec<String> {
    let mut v: Vec<String> = [
        "\"",
        "quote \" and ''' and \"\"\" end",
        "\"\"\"",
        "ends with a quote\"",
        "ends with a backslash\\",
        "back\\slash \\u0041 \\n not escapes",
        "new\nline\r\ncrlf\rcr\ttab",
        "<tag> & #hash @at . ; , ]] > <",
        "<http://evil.example/s> <http://evil.example/p> \"o\" .",
        "\" . <http://evil.example/s> <http://evil.example/p> \"o",
        "nul \u{0} bell \u{7} escape \u{1b} del \u{7f} c1 \u{85}",
        "bidi \u{202e}override\u{202c} \u{2066}isolate\u{2069}",
        "\u{301}",
        "\u{301} lone combining mark",
        "emoji 🏛️ 👩🏽‍⚖️ and 中文 and עברית and العربية",
        "  leading and trailing spaces  ",
        " ",
        "\u{feff}bom",
        "\u{fffe}\u{ffff} noncharacters",
        "]]> <!-- --> <![CDATA[ x ]]> &amp; &#0;",
        "{\"@id\": \"x\", \"@value\": 1}",
        "\u{2028}line separator\u{2029}",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    // Every code point from 0 to 0x9f in one string.
    v.push((0u32..0xa0).filter_map(char::from_u32).collect());
    v
}

/// One node of each kind, with `s` in every text field.
fn graph_with(s: &str) -> GovGraph {
    let src = Source::new("https://example.org/source").expect("valid");
    let mut g = GovGraph::new();
    let mut body = Organization::new(slug("body"), OrgKind::Agency, s)
        .with_labels(
            Labels::en(s)
                .with_preferred(Lang::zh_hans(), s)
                .with_alternate(Lang::en(), format!("{s} (alt)")),
        )
        .with_description(s)
        .with_logo(Logo::new(s))
        .with_source(src.clone());
    body.details_mut().employees = Some(s.to_owned());
    body.details_mut().budget = Some(s.to_owned());
    body.details_mut().key_documents = vec![s.to_owned(), format!("{s} 2")];
    let body = g.insert_org(body).expect("new");
    let child = g
        .add_sub_org(body, Organization::new(slug("child"), OrgKind::Office, s))
        .expect("new");
    let post = g
        .add_post(child, Post::new(slug("post"), s).head().with_description(s))
        .expect("new");
    let person = g
        .insert_person(Person::new(slug("person"), s).with_description(s))
        .expect("new");
    g.appoint(
        person,
        post,
        Tenure::new(slug("tenure")).with_start("2001".parse().expect("date")),
    )
    .expect("new");
    let place = g
        .insert_place(Place::new(slug("place"), PlaceKind::City, s).with_description(s))
        .expect("new");
    let site = g
        .add_headquarters(
            body,
            Site::new(slug("site"), s).with_address(
                Address::new()
                    .with_street(s)
                    .with_locality(s)
                    .with_region(s)
                    .with_postal_code(s)
                    .with_country(s),
            ),
        )
        .expect("new");
    g.link(site, Relation::ContainedIn, place).expect("new");
    g.add_function(body, Function::new(slug("duty"), s))
        .expect("new");
    let cat = g
        .insert_category(Category::new(slug("cat"), CategoryKind::Other, s).with_description(s))
        .expect("new");
    g.link(body, Relation::Classification, cat).expect("new");
    let j = g
        .insert_jurisdiction(Jurisdiction::new(slug("realm"), s).with_description(s))
        .expect("new");
    g.link(body, Relation::HasJurisdiction, j).expect("new");
    let web = g
        .insert_website(Website::new(slug("web"), "https://example.org/", s).expect("valid"))
        .expect("new");
    g.link(web, Relation::PublishedBy, body).expect("new");
    g.annotate(
        body,
        Annotation {
            property: "https://example.org/note".to_owned(),
            value: Value::Literal {
                value: s.to_owned(),
                datatype: "http://www.w3.org/2001/XMLSchema#string".to_owned(),
                language: None,
            },
        },
    )
    .expect("known node");
    g
}

fn sophia(turtle: &str) -> usize {
    let triples: Vec<[sophia_api::term::SimpleTerm<'static>; 3]> =
        sophia_turtle::parser::turtle::parse_str(turtle)
            .collect_triples()
            .unwrap_or_else(|e| panic!("sophia cannot read the export: {e}\n{turtle}"));
    triples.len()
}

fn oxttl_count(turtle: &str) -> usize {
    oxttl::TurtleParser::new()
        .for_slice(turtle.as_bytes())
        .inspect(|t| {
            if let Err(e) = t {
                panic!("oxttl cannot read the export: {e}\n{turtle}");
            }
        })
        .count()
}

#[test]
fn hostile_strings_round_trip_in_every_format() {
    for s in hostile() {
        let g = graph_with(&s);
        for format in RdfFormat::ALL {
            rdf_round_trip(&g, format);
        }
        json_round_trip(&g);
    }
}

#[test]
fn hostile_strings_read_alike_with_oxttl_and_sophia() {
    for s in hostile() {
        let g = graph_with(&s);
        let turtle = String::from_utf8(Exporter::new().write(&g, Vec::new()).expect("in memory"))
            .expect("UTF-8");
        let a = oxttl_count(&turtle);
        let b = sophia(&turtle);
        assert_eq!(a, b, "{s:?}");
        // N-Triples is a subset of Turtle: sophia reads it too.
        let nt = String::from_utf8(
            Exporter::new()
                .with_format(RdfFormat::NTriples)
                .write(&g, Vec::new())
                .expect("in memory"),
        )
        .expect("UTF-8");
        assert_eq!(sophia(&nt), a, "{s:?}");
    }
}

#[test]
fn hostile_strings_come_back_unchanged() {
    for s in hostile() {
        let g = graph_with(&s);
        let doc = Exporter::new().write(&g, Vec::new()).expect("in memory");
        let back = Importer::new()
            .import(doc.as_slice(), RdfFormat::Turtle)
            .expect("imports")
            .graph;
        let b = back.org_by_slug("body").expect("kept");
        assert_eq!(b.labels.english(), Some(s.as_str()));
        assert_eq!(b.details().description.as_deref(), Some(s.as_str()));
        assert_eq!(b.details().budget.as_deref(), Some(s.as_str()));
        assert_eq!(
            b.details().logo.as_ref().map(|l| l.file.as_str()),
            Some(s.as_str())
        );
        // No smuggled triple: exactly the subjects we wrote.
        let subjects: BTreeSet<String> = oxttl::TurtleParser::new()
            .for_slice(doc.as_slice())
            .map(|t| t.expect("parses").subject.to_string())
            .collect();
        assert!(subjects.iter().all(|s| !s.contains("evil")), "{subjects:?}");
    }
}

#[test]
fn a_one_megabyte_string_round_trips() {
    let big: String = "長い\"\\\n<>#".chars().cycle().take(1 << 20).collect();
    let g = graph_with(&big);
    rdf_round_trip(&g, RdfFormat::Turtle);
    rdf_round_trip(&g, RdfFormat::NTriples);
    json_round_trip(&g);
}

#[test]
fn slugs_that_are_not_iri_segments_are_refused_at_the_door() {
    for s in hostile() {
        assert!(Slug::new(s.as_str()).is_err(), "{s:?}");
    }
    for s in [
        "a b", "a/b", "a#b", "a>b", "a%20b", "A", "é", "a\u{0}b", "a-", "-a", "a--b", "",
    ] {
        assert!(Slug::new(s).is_err(), "{s:?}");
    }
}

#[test]
fn hostile_iris_are_refused_at_the_door() {
    for iri in [
        "https://example.org/a>b",
        "https://example.org/a b",
        "https://example.org/a\"b",
        "https://example.org/a\nb",
        "https://example.org/a\u{0}b",
        "https://example.org/a{b}",
        "https://example.org/a\\b",
        "https://example.org/a> <https://evil.example/p> <https://evil.example/o",
        "not an iri",
        "",
    ] {
        assert!(Source::new(iri).is_err(), "source {iri:?}");
        assert!(
            Website::new(slug("w"), iri, "w").is_err(),
            "website {iri:?}"
        );
        assert!(
            Exporter::new().with_base_iri(format!("{iri}/")).is_err(),
            "base {iri:?}"
        );
        assert!(
            Importer::new().with_base_iri(format!("{iri}/")).is_err(),
            "base {iri:?}"
        );
    }
}

/// An annotation or statement is the one place a caller (or a JSON
/// document) hands the export raw IRIs, blank labels and language tags.
/// They were written unchecked, so `>` in a property IRI smuggled a second
/// triple into the Turtle. Now they are checked when added.
#[test]
fn annotations_and_statements_that_rdf_cannot_write_are_refused() {
    const P: &str = "https://example.org/p";
    const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
    const LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
    let mut g = GovGraph::new();
    let b = g
        .insert_org(Organization::new(slug("b"), OrgKind::Agency, "B"))
        .expect("new");
    let iri = |s: &str| Value::Iri(s.to_owned());
    let lit = |datatype: &str, language: Option<&str>| Value::Literal {
        value: "x".to_owned(),
        datatype: datatype.to_owned(),
        language: language.map(str::to_owned),
    };
    let smuggler = "https://example.org/p> <https://evil.example/p> <https://evil.example/o";
    let refused = [
        (smuggler, iri("https://example.org/x")),
        (P, iri(smuggler)),
        (P, iri("relative")),
        (P, Value::Blank("a b".to_owned())),
        (P, Value::Blank(String::new())),
        (P, lit(smuggler, None)),
        (P, lit(LANG_STRING, Some("EN"))),
        (P, lit(LANG_STRING, Some("en x"))),
        (P, lit(XSD_STRING, Some("en"))),
        (P, lit(LANG_STRING, None)),
    ];
    for (property, value) in refused {
        let a = Annotation {
            property: property.to_owned(),
            value: value.clone(),
        };
        assert!(a.check().is_err(), "{a:?}");
        let err = g.annotate(b, a).expect_err("refused");
        assert!(matches!(err, GraphError::BadValue(_)), "{err:?}");
        let st = Statement {
            subject: iri("https://example.org/s"),
            property: property.to_owned(),
            value,
        };
        assert!(g.add_statement(st).is_err());
    }
    assert!(g.annotations(b).is_empty());
    assert!(g.statements().is_empty());
    let err = g
        .add_statement(Statement {
            subject: lit(XSD_STRING, None),
            property: P.to_owned(),
            value: iri("https://example.org/o"),
        })
        .expect_err("refused");
    assert_eq!(
        err.to_string(),
        "cannot keep this annotation or statement: a statement's subject cannot be a literal"
    );
    let err = g
        .annotate(
            b,
            Annotation {
                property: P.to_owned(),
                value: lit(LANG_STRING, Some("EN")),
            },
        )
        .expect_err("refused");
    assert_eq!(
        err.to_string(),
        "cannot keep this annotation or statement: \"EN\" is not a lowercase BCP 47 language tag"
    );
    // What is kept round-trips in every format.
    for value in [
        iri("https://example.org/x"),
        Value::Blank("b0".to_owned()),
        lit(XSD_STRING, None),
        lit(LANG_STRING, Some("zh-hans")),
    ] {
        g.annotate(
            b,
            Annotation {
                property: P.to_owned(),
                value: value.clone(),
            },
        )
        .expect("valid");
    }
    g.add_statement(Statement {
        subject: Value::Blank("s0".to_owned()),
        property: P.to_owned(),
        value: lit(LANG_STRING, Some("en")),
    })
    .expect("valid");
    for format in RdfFormat::ALL {
        rdf_round_trip(&g, format);
    }
    json_round_trip(&g);
}

#[test]
fn a_json_document_cannot_smuggle_a_triple() {
    let doc = r#"{"format":"govgraph","version":1,"nodes":[],"links":[],
        "statements":[{"subject":{"iri":"https://example.org/s"},
        "property":"https://example.org/p> <https://evil.example/p> <https://evil.example/o",
        "value":{"iri":"https://example.org/o"}}]}"#;
    let err = GovGraph::from_json_str(doc).expect_err("refused");
    assert!(
        err.to_string()
            .starts_with("statement 0: cannot keep this annotation or statement: "),
        "{err}"
    );
}

#[test]
fn hostile_article_values_ingest_and_round_trip() {
    for s in hostile() {
        let one_line: String = s.chars().filter(|c| !matches!(c, '\n' | '\r')).collect();
        let text = format!(
            "= Hostile Agency =\nInfobox\n- Budget: {one_line}\n- Employees: {one_line}\n- Key Document1: {one_line}\n\nA body. {one_line}\n"
        );
        let mut ing = govgraph::ingest::Ingester::new();
        ing.ingest_str("hostile.txt", &text)
            .unwrap_or_else(|e| panic!("{s:?}: {e}"));
        let govgraph::ingest::Ingested {
            graph: g,
            report: _,
            ..
        } = ing.finish();
        let body = g.org_by_slug("hostile-agency").expect("ingested");
        let value = one_line.trim();
        if !value.is_empty() {
            assert_eq!(body.details().budget.as_deref(), Some(value), "{s:?}");
        }
        for format in RdfFormat::ALL {
            rdf_round_trip(&g, format);
        }
        json_round_trip(&g);
    }
}

/// What the charts show for `s`: line breaks and tabs as spaces, other
/// control characters and the noncharacters XML forbids as U+FFFD.
fn shown(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// The quoted strings of a DOT document, unescaped, read without trusting
/// the writer: a quote ends a string unless a backslash escapes it, and
/// no raw line break may sit inside one. Panics on an unterminated string.
fn dot_strings(dot: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = dot.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        loop {
            match chars.next().expect("an unterminated DOT string") {
                '"' => break,
                '\\' => match chars.next().expect("an escape at the end") {
                    'n' => s.push('\n'),
                    other => s.push(other),
                },
                '\n' | '\r' => panic!("a raw line break in a DOT string: {s:?}"),
                other => s.push(other),
            }
        }
        out.push(s);
    }
    out
}

#[test]
fn hostile_labels_make_well_formed_charts() {
    let mut strings = hostile();
    strings.push("x".repeat(100_000));
    for s in &strings {
        let g = graph_with(s);
        let mut svg = Vec::new();
        govgraph::render::write_svg(&g, &govgraph::render::SvgOptions::new(), &mut svg)
            .expect("in memory");
        let svg = String::from_utf8(svg).expect("UTF-8");
        let doc = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|e| panic!("{s:?}: the SVG is not well-formed XML: {e}"));
        let title = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("org-body"))
            .and_then(|box_| box_.children().find(|n| n.has_tag_name("title")))
            .and_then(|t| t.text())
            .unwrap_or_else(|| panic!("{s:?}: no titled box for the body"));
        assert!(title.starts_with(&shown(s)), "{s:?}: title {title:?}");

        let mut dot = Vec::new();
        govgraph::render::write_dot(&g, &mut dot).expect("in memory");
        let dot = String::from_utf8(dot).expect("UTF-8");
        let strings = dot_strings(&dot);
        assert!(strings.iter().any(|t| t == "org/body"), "{s:?}");
        let label = format!("{}\n", shown(s));
        assert!(
            strings.iter().any(|t| t.starts_with(&label)),
            "{s:?}: no label starts with it in\n{dot}"
        );
    }
}
