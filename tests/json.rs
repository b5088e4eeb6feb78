//! The JSON form: round trips of the dataset and of a graph using every
//! field, the document's documented shape, and every `JsonError` variant
//! with its message.
#![cfg(feature = "serde")]

mod common;

use govgraph::datasets::general_office;
use govgraph::{GovGraph, JsonError, NodeKind, Relation};
use serde_json::{Value, json};

#[track_caller]
fn to_json(g: &GovGraph) -> Vec<u8> {
    let mut out = Vec::new();
    g.write_json(&mut out)
        .expect("writing to a Vec cannot fail");
    out
}

#[track_caller]
fn to_json_pretty(g: &GovGraph) -> Vec<u8> {
    let mut out = Vec::new();
    g.write_json_pretty(&mut out)
        .expect("writing to a Vec cannot fail");
    out
}

/// Reads `doc` both ways (string and reader), asserts both fail with the
/// same message, and returns the error from the string.
#[track_caller]
fn read_err(doc: &str) -> JsonError {
    let from_str = GovGraph::from_json_str(doc).expect_err("the document is invalid");
    let from_reader = GovGraph::read_json(doc.as_bytes()).expect_err("the document is invalid");
    // serde_json may place a syntax error one column apart when reading
    // from a stream, so only compare the model errors exactly.
    if !matches!(from_str, JsonError::Syntax(_)) {
        assert_eq!(from_str.to_string(), from_reader.to_string());
    }
    from_str
}

/// Asserts that `doc` is refused as invalid JSON of the expected shape, that
/// the message holds every piece of `parts` and says where.
#[track_caller]
fn assert_syntax(doc: &str, parts: &[&str]) {
    let err = read_err(doc);
    assert!(matches!(err, JsonError::Syntax(_)), "{err:?}");
    let msg = err.to_string();
    assert!(msg.starts_with("invalid govgraph JSON: "), "{msg}");
    assert!(msg.contains(" line ") && msg.contains(" column "), "{msg}");
    for part in parts {
        assert!(msg.contains(part), "{msg:?} lacks {part:?}");
    }
}

fn doc(nodes: &Value, links: &Value) -> String {
    json!({"format": "govgraph", "version": 1, "nodes": nodes, "links": links}).to_string()
}

fn org_node(s: &str) -> Value {
    json!({"type": "organization", "slug": s, "kind": "agency", "labels": {"preferred": {"en": s}}})
}

// ---- round trips ----

#[test]
fn the_dataset_round_trips_through_compact_json() {
    let g = general_office();
    let bytes = to_json(&g);
    let back = GovGraph::read_json(bytes.as_slice()).expect("its own output reads back");
    assert_eq!(back, g);
    let text = std::str::from_utf8(&bytes).expect("JSON is UTF-8");
    assert_eq!(GovGraph::from_json_str(text).expect("reads back"), g);
    // The graph read back answers as the original does.
    let office = back
        .org_by_slug("general-office-of-the-state-council")
        .expect("in the document");
    assert_eq!(common::slugs(office.heads()), ["wu-zhenglong"]);
    assert_eq!(
        office.functions().map(|f| f.position).collect::<Vec<_>>(),
        (1..=12).collect::<Vec<_>>()
    );
    assert!(
        text.contains("中华人民共和国国务院办公厅"),
        "written as UTF-8, not escaped"
    );
}

#[test]
fn writing_is_deterministic_and_a_fixpoint() {
    let g = general_office();
    let first = to_json(&g);
    assert_eq!(to_json(&g), first, "the same graph writes the same bytes");
    assert_eq!(
        to_json(&general_office()),
        first,
        "a fresh build writes the same bytes"
    );
    let back = GovGraph::read_json(first.as_slice()).expect("reads back");
    assert_eq!(
        to_json(&back),
        first,
        "what is read back writes the same bytes"
    );
}

#[test]
fn the_dataset_round_trips_through_pretty_json() {
    let g = general_office();
    let pretty = to_json_pretty(&g);
    let compact = to_json(&g);
    assert_eq!(
        GovGraph::read_json(pretty.as_slice()).expect("reads back"),
        g
    );
    assert_eq!(to_json_pretty(&g), pretty, "deterministic");
    assert_ne!(pretty, compact);
    assert!(
        pretty.starts_with(b"{\n  \"format\": \"govgraph\""),
        "indented"
    );
    let a: Value = serde_json::from_slice(&pretty).expect("JSON");
    let b: Value = serde_json::from_slice(&compact).expect("JSON");
    assert_eq!(a, b, "the same document, only laid out differently");
}

#[test]
fn the_graph_is_also_a_serde_value() {
    let g = general_office();
    let text = serde_json::to_string(&g).expect("serializes");
    assert_eq!(text.as_bytes(), to_json(&g).as_slice());
    let back: GovGraph = serde_json::from_str(&text).expect("deserializes");
    assert_eq!(back, g);
    // Through plain serde, the graph's refusals become custom errors.
    let cyclic = doc(
        &json!([org_node("a"), org_node("b")]),
        &json!([
            {"from": "org/a", "relation": "sub_organization_of", "to": "org/b"},
            {"from": "org/b", "relation": "sub_organization_of", "to": "org/a"},
        ]),
    );
    let err = serde_json::from_str::<GovGraph>(&cyclic).expect_err("a cycle");
    assert!(
        err.to_string().starts_with(
            "link 1: linking organization `b` sub_organization_of `a` would close a cycle"
        ),
        "{err}"
    );
}

#[test]
fn a_graph_using_every_field_and_relation_round_trips() {
    let g = common::everything_in_time();
    let used: std::collections::HashSet<Relation> = g.links().map(|(_, r, _)| r).collect();
    assert_eq!(
        used.len(),
        Relation::ALL.len(),
        "the fixture uses every relation"
    );
    let used: std::collections::HashSet<NodeKind> = g.nodes().map(|(_, n)| n.kind()).collect();
    assert_eq!(
        used.len(),
        NodeKind::ALL.len(),
        "the fixture uses every kind"
    );
    let bytes = to_json(&g);
    let back = GovGraph::read_json(bytes.as_slice()).expect("reads back");
    assert_eq!(back, g);
    let council = back.org_by_slug("council").expect("in the document").data();
    assert_eq!(
        council.details().budget.as_deref(),
        Some("CN¥1 billion (2020)")
    );
    assert_eq!(
        council
            .details()
            .dissolved
            .map(|d| d.to_string())
            .as_deref(),
        Some("2001")
    );
    let tenure = back
        .tenure_by_slug("someone-chief")
        .expect("in the document");
    assert_eq!(
        tenure.end.map(|d| d.to_string()).as_deref(),
        Some("2023-03")
    );
    assert!(!tenure.is_current());
}

#[test]
fn the_document_has_the_documented_shape() {
    let g = general_office();
    let bytes = to_json(&g);
    // The fields come in the documented order.
    assert!(
        bytes.starts_with(br#"{"format":"govgraph","version":1,"nodes":[{"type":"#),
        "{}",
        String::from_utf8_lossy(&bytes[..60])
    );
    let v: Value = serde_json::from_slice(&bytes).expect("JSON");
    let mut top: Vec<&str> = v
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    top.sort_unstable();
    assert_eq!(top, ["format", "links", "nodes", "version"]);
    assert_eq!(v["format"], "govgraph");
    assert_eq!(v["version"], 1);
    let nodes = v["nodes"].as_array().expect("a list");
    assert_eq!(nodes.len(), g.node_count());
    // Nodes in insertion order, each with its type.
    for ((_, node), json) in g.nodes().zip(nodes) {
        assert_eq!(json["slug"], node.slug().as_str());
        assert!(json["type"].is_string(), "{json}");
    }
    let links = v["links"].as_array().expect("a list");
    assert_eq!(links.len(), g.link_count());
    for (link, (from, relation, to)) in links.iter().zip(g.links()) {
        let mut keys: Vec<&str> = link
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["from", "relation", "to"], "no index appears");
        let key = |id: govgraph::NodeId| {
            let n = g.get(id).expect("in the graph");
            format!("{}/{}", n.kind().segment(), n.slug())
        };
        assert_eq!(link["from"], key(from));
        assert_eq!(link["relation"], relation.name());
        assert_eq!(link["to"], key(to));
    }
    assert!(links.contains(&json!({
        "from": "membership/wang-zhijun-executive-deputy-secretary-general-of-the-state-council",
        "relation": "holder",
        "to": "person/wang-zhijun",
    })));
}

#[test]
fn a_document_without_nodes_or_links_is_an_empty_graph() {
    let g = GovGraph::from_json_str(r#"{"format": "govgraph", "version": 1}"#).expect("valid");
    assert!(g.is_empty());
    assert_eq!(
        to_json(&g),
        br#"{"format":"govgraph","version":1,"nodes":[],"links":[]}"#
    );
}

// ---- errors ----

#[test]
fn a_syntax_error_says_line_and_column() {
    let text = "{\n  \"format\": \"govgraph\",\n  \"version\": 1,\n  \"nodes\": [,]\n}";
    assert_syntax(text, &["line 4 column"]);
    assert_syntax("", &["EOF"]);
    assert_syntax(
        r#"{"format": "govgraph", "version": "1"}"#,
        &["expected u32"],
    );
    assert_syntax(r#"{"version": 1}"#, &["missing field `format`"]);
}

#[test]
fn a_wrong_format_is_refused() {
    let err = read_err(r#"{"format": "rdf", "version": 1}"#);
    assert_eq!(
        err.to_string(),
        "not a govgraph document: format is \"rdf\""
    );
    assert!(matches!(err, JsonError::Format { found } if found == "rdf"));
}

#[test]
fn a_wrong_version_is_refused() {
    for found in [0, 2] {
        let err = read_err(&json!({"format": "govgraph", "version": found}).to_string());
        assert_eq!(
            err.to_string(),
            format!("govgraph JSON version {found} is not supported, this crate reads version 1")
        );
    }
}

#[test]
fn a_link_end_that_is_not_kind_slash_slug_is_a_bad_key() {
    let good = json!({"from": "org/b", "relation": "sub_organization_of", "to": "org/a"});
    for (bad, end) in [
        (
            json!({"from": "org-c", "relation": "sub_organization_of", "to": "org/a"}),
            "org-c",
        ),
        // The kind's name is not its key segment.
        (
            json!({"from": "organization/c", "relation": "sub_organization_of", "to": "org/a"}),
            "organization/c",
        ),
        (
            json!({"from": "org/c", "relation": "sub_organization_of", "to": "team/a"}),
            "team/a",
        ),
        // A slug that could never be in the document.
        (
            json!({"from": "org/Not A Slug", "relation": "sub_organization_of", "to": "org/a"}),
            "org/Not A Slug",
        ),
    ] {
        let text = doc(
            &json!([org_node("a"), org_node("b"), org_node("c")]),
            &json!([good, bad]),
        );
        let err = read_err(&text);
        assert_eq!(
            err.to_string(),
            format!("link 1: {end:?} is not a node key of the form kind/slug")
        );
        assert!(matches!(
            err,
            JsonError::BadKey {
                at: govgraph::JsonPlace::Link(1),
                ..
            }
        ));
    }
}

#[test]
fn a_link_to_a_node_the_document_lacks_is_an_unknown_node() {
    let nodes = json!([org_node("a"), org_node("b")]);
    let text = doc(
        &nodes,
        &json!([
            {"from": "org/b", "relation": "sub_organization_of", "to": "org/a"},
            {"from": "org/nope", "relation": "see_also", "to": "org/a"},
        ]),
    );
    let err = read_err(&text);
    assert_eq!(err.to_string(), "link 1: no node org/nope in the document");
    assert!(matches!(
        err,
        JsonError::UnknownNode {
            at: govgraph::JsonPlace::Link(1),
            ..
        }
    ));
    // The slug exists, but as an organization, not a person.
    let text = doc(
        &nodes,
        &json!([{"from": "org/a", "relation": "see_also", "to": "person/b"}]),
    );
    assert_eq!(
        read_err(&text).to_string(),
        "link 0: no node person/b in the document"
    );
}

#[test]
fn a_duplicate_slug_among_nodes_is_a_node_error() {
    let text = doc(
        &json!([org_node("a"), org_node("b"), org_node("a")]),
        &json!([]),
    );
    let err = read_err(&text);
    assert_eq!(
        err.to_string(),
        "node 2: organization slug `a` is already in the graph"
    );
    assert!(matches!(
        err,
        JsonError::Node {
            index: 2,
            source: govgraph::GraphError::DuplicateSlug { .. }
        }
    ));
}

#[test]
fn a_cycle_among_links_is_a_link_error() {
    let text = doc(
        &json!([org_node("a"), org_node("b"), org_node("c")]),
        &json!([
            {"from": "org/a", "relation": "sub_organization_of", "to": "org/b"},
            {"from": "org/b", "relation": "sub_organization_of", "to": "org/c"},
            {"from": "org/c", "relation": "sub_organization_of", "to": "org/a"},
        ]),
    );
    let err = read_err(&text);
    assert_eq!(
        err.to_string(),
        "link 2: linking organization `c` sub_organization_of `a` would close a cycle"
    );
    assert!(matches!(
        err,
        JsonError::Link {
            index: 2,
            source: govgraph::GraphError::Cycle { .. }
        }
    ));
}

#[test]
fn a_link_between_the_wrong_kinds_is_a_link_error() {
    let person = json!({"type": "person", "slug": "wu", "labels": {}});
    let text = doc(
        &json!([org_node("a"), person]),
        &json!([{"from": "person/wu", "relation": "post_in", "to": "org/a"}]),
    );
    assert_eq!(
        read_err(&text).to_string(),
        "link 0: post_in cannot link kind person to kind organization"
    );
}

#[test]
fn a_second_parent_among_links_is_a_link_error() {
    let text = doc(
        &json!([org_node("a"), org_node("b"), org_node("c")]),
        &json!([
            {"from": "org/c", "relation": "sub_organization_of", "to": "org/a"},
            {"from": "org/c", "relation": "sub_organization_of", "to": "org/b"},
        ]),
    );
    assert_eq!(
        read_err(&text).to_string(),
        "link 1: organization `c` already has its one sub_organization_of link, to `a`"
    );
}

#[test]
fn unknown_fields_are_refused_everywhere() {
    let mut node = org_node("a");
    node["color"] = json!("red");
    assert_syntax(&doc(&json!([node]), &json!([])), &["unknown field `color`"]);
    let text = r#"{"format": "govgraph", "version": 1, "extra": true}"#;
    assert_syntax(text, &["unknown field `extra`"]);
    let link = json!({"from": "org/a", "relation": "see_also", "to": "org/b", "weight": 1});
    assert_syntax(
        &doc(&json!([org_node("a"), org_node("b")]), &json!([link])),
        &["unknown field `weight`"],
    );
    let mut node = org_node("a");
    node["labels"]["nickname"] = json!("x");
    assert_syntax(
        &doc(&json!([node]), &json!([])),
        &["unknown field `nickname`"],
    );
    let node = json!({"type": "team", "slug": "a"});
    assert_syntax(
        &doc(&json!([node]), &json!([])),
        &["unknown variant `team`"],
    );
    let link = json!({"from": "org/a", "relation": "parent_of", "to": "org/b"});
    assert_syntax(
        &doc(&json!([org_node("a"), org_node("b")]), &json!([link])),
        &["unknown variant `parent_of`"],
    );
}

#[test]
fn invalid_values_inside_a_node_are_syntax_errors_that_name_them() {
    let mut node = org_node("a");
    node["slug"] = json!("Not A Slug");
    assert_syntax(
        &doc(&json!([node]), &json!([])),
        &["slug \"Not A Slug\" has the character 'N' at byte 0: only a-z, 0-9 and - are allowed"],
    );
    let mut node = org_node("a");
    node["labels"] = json!({"preferred": {"en_US": "A"}});
    assert_syntax(
        &doc(&json!([node]), &json!([])),
        &["\"en_us\" is not a BCP 47 language tag: "],
    );
    let mut node = org_node("a");
    node["founded"] = json!("1949-13");
    assert_syntax(
        &doc(&json!([node]), &json!([])),
        &["month 13 is outside 1 to 12"],
    );
    let mut node = org_node("a");
    node["founded"] = json!("27 September 1949");
    assert_syntax(
        &doc(&json!([node]), &json!([])),
        &["\"27 September 1949\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"],
    );
    let site = json!({"type": "website", "slug": "gov-cn", "url": "gov.cn", "labels": {}});
    assert_syntax(
        &doc(&json!([site]), &json!([])),
        &["\"gov.cn\" is not an absolute IRI: "],
    );
    let mut node = org_node("a");
    node["sources"] = json!(["/wiki/General_Office"]);
    assert_syntax(
        &doc(&json!([node]), &json!([])),
        &["\"/wiki/General_Office\" is not an absolute IRI: "],
    );
}

#[test]
fn a_language_given_twice_is_refused_not_overwritten() {
    let node = json!({"type": "organization", "slug": "a", "kind": "agency",
        "labels": {"preferred": {"en": "x", "EN": "y"}}});
    assert_syntax(
        &doc(&json!([node]), &json!([])),
        &["language en has two preferred labels"],
    );
}

#[test]
fn an_annotation_on_a_missing_node_names_its_place() {
    let text = json!({"format": "govgraph", "version": 1, "nodes": [org_node("a")],
        "annotations": [{"node": "org/a", "property": "http://example.org/p", "value": {"iri": "http://example.org/o"}},
                        {"node": "org/b", "property": "http://example.org/p", "value": {"iri": "http://example.org/o"}}]})
    .to_string();
    let err = read_err(&text);
    assert_eq!(
        err.to_string(),
        "annotation 1: no node org/b in the document"
    );
}

#[test]
fn annotations_and_statements_round_trip() {
    use govgraph::{Annotation, Statement, Value as V};
    let mut g = govgraph::datasets::general_office();
    let office = g
        .org_by_slug("general-office-of-the-state-council")
        .expect("in the dataset")
        .id();
    g.annotate(
        office,
        Annotation {
            property: "http://example.org/motto".to_owned(),
            value: V::Literal {
                value: "serve".to_owned(),
                datatype: "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString".to_owned(),
                language: Some("en".to_owned()),
            },
        },
    )
    .expect("in the graph");
    g.add_statement(Statement {
        subject: V::Blank("b0".to_owned()),
        property: "http://example.org/p".to_owned(),
        value: V::Iri("http://example.org/o".to_owned()),
    })
    .expect("a valid statement");
    let back = GovGraph::read_json(to_json(&g).as_slice()).expect("valid");
    assert_eq!(back, g);
    assert_eq!(back.annotations(office).len(), 1);
    assert_eq!(back.statements().len(), 1);
    assert_ne!(
        back,
        govgraph::datasets::general_office(),
        "annotations count in equality"
    );
}
