//! The Turtle export read by a second, independent parser (`sophia_turtle`,
//! a separate implementation from oxttl): both must see the same triples.

mod common;

use std::collections::BTreeSet;

use govgraph::rdf::RdfFormat;
use govgraph::{GovGraph, Labels, Lang, OrgKind, Organization, datasets};
use sophia_api::source::TripleSource;
use sophia_api::term::{SimpleTerm, Term, TermKind};

/// A triple in N-Triples-like form, blank node labels kept.
fn canonical(t: &[SimpleTerm<'_>; 3]) -> String {
    t.iter().map(term).collect::<Vec<_>>().join(" ")
}

fn term(t: &SimpleTerm<'_>) -> String {
    match t.kind() {
        TermKind::Iri => format!("<{}>", t.iri().expect("an IRI").as_str()),
        TermKind::BlankNode => {
            // sophia keeps a document's labels but appends a per-parse
            // suffix (`_` and 32 hex digits) so that documents never share
            // blank nodes; strip it to compare with oxttl.
            let id = t.bnode_id().expect("a blank node");
            let id = id.as_str();
            let label = match id.rsplit_once('_') {
                Some((label, suffix))
                    if suffix.len() == 32 && suffix.bytes().all(|b| b.is_ascii_hexdigit()) =>
                {
                    label
                }
                _ => id,
            };
            format!("_:{label}")
        }
        TermKind::Literal => {
            let value = t.lexical_form().expect("a literal");
            match t.language_tag() {
                Some(lang) => format!("{value:?}@{}", lang.as_str().to_ascii_lowercase()),
                None => format!("{value:?}^^<{}>", t.datatype().expect("typed").as_str()),
            }
        }
        other => panic!("unexpected term kind {other:?}"),
    }
}

fn with_sophia(turtle: &str) -> BTreeSet<String> {
    let triples: Vec<[SimpleTerm<'static>; 3]> = sophia_turtle::parser::turtle::parse_str(turtle)
        .collect_triples()
        .expect("sophia reads our Turtle");
    triples.iter().map(canonical).collect()
}

fn with_oxttl(turtle: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for t in oxttl::TurtleParser::new().for_slice(turtle.as_bytes()) {
        let t = t.expect("oxttl reads our Turtle");
        let s = match t.subject {
            oxrdf::NamedOrBlankNode::NamedNode(n) => format!("<{}>", n.as_str()),
            oxrdf::NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
        };
        let o = match t.object {
            oxrdf::Term::NamedNode(n) => format!("<{}>", n.as_str()),
            oxrdf::Term::BlankNode(b) => format!("_:{}", b.as_str()),
            oxrdf::Term::Literal(l) => match l.language() {
                Some(lang) => format!("{:?}@{lang}", l.value()),
                None => format!("{:?}^^<{}>", l.value(), l.datatype().as_str()),
            },
        };
        out.insert(format!("{s} <{}> {o}", t.predicate.as_str()));
    }
    out
}

#[track_caller]
fn both_agree(g: &GovGraph) {
    let bytes = govgraph::rdf::Exporter::new()
        .with_format(RdfFormat::Turtle)
        .write(g, Vec::new())
        .expect("in memory");
    let turtle = String::from_utf8(bytes).expect("UTF-8");
    let a = with_oxttl(&turtle);
    let b = with_sophia(&turtle);
    assert!(!a.is_empty());
    assert_eq!(a, b, "oxttl and sophia disagree on\n{turtle}");
}

#[test]
fn sophia_and_oxttl_read_the_dataset_alike() {
    both_agree(&datasets::general_office());
}

#[test]
fn sophia_and_oxttl_read_every_field_alike() {
    both_agree(&common::everything());
}

#[test]
fn sophia_and_oxttl_read_hostile_strings_alike() {
    let nasty = [
        "quote \" and ''' and \"\"\" end",
        "back\\slash \\u0041 not an escape",
        "new\nline\r\ttab",
        "<tag> & #hash @at .",
        "nul \u{0} bell \u{7} del \u{7f}",
        "bidi \u{202e}override\u{202c}",
        "\u{301} lone combining mark",
        "emoji 🏛️ and 中文 and עברית",
    ];
    let mut labels = Labels::en(nasty[0]);
    for text in &nasty[1..] {
        labels.add_alternate(Lang::en(), *text);
    }
    let mut g = GovGraph::new();
    g.insert_org(
        Organization::new(common::slug("hostile"), OrgKind::Other, "x")
            .with_labels(labels)
            .with_description(nasty.concat()),
    )
    .expect("new slug");
    both_agree(&g);
}
