//! SPARQL in process (feature `sparql`): real queries on an Oxigraph store
//! agree with the traversal API, on the dataset and on generated graphs.
#![cfg(feature = "sparql")]

mod common;

use std::collections::BTreeSet;

use common::random_graph;
use govgraph::rdf::Exporter;
use govgraph::sparql::{SparqlError, SparqlStore};
use govgraph::{GovGraph, datasets};

const PREFIX: &str = "PREFIX org: <http://www.w3.org/ns/org#>\n\
PREFIX gg: <https://w3id.org/govgraph/ns#>\n\
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n\
PREFIX body: <https://w3id.org/govgraph/id/org/>\n";

fn slugs_of(store: &SparqlStore, g: &GovGraph, query: &str, var: &str) -> BTreeSet<String> {
    store
        .select(&format!("{PREFIX}{query}"))
        .expect("the query runs")
        .iter()
        .map(|row| {
            row.node(g, var).map_or_else(
                || panic!("{var} is not a node: {:?}", row.get(var)),
                |n| n.slug().to_string(),
            )
        })
        .collect()
}

#[track_caller]
fn agree_with_traversals(g: &GovGraph) {
    let store = SparqlStore::load(g).expect("loads");
    for body in g.orgs() {
        let iri = format!("<https://w3id.org/govgraph/id/org/{}>", body.slug());
        let ancestors = slugs_of(
            &store,
            g,
            &format!("SELECT ?a WHERE {{ {iri} org:subOrganizationOf+ ?a }}"),
            "a",
        );
        let expected: BTreeSet<String> = body.ancestors().map(|a| a.slug().to_string()).collect();
        assert_eq!(ancestors, expected, "ancestors of {}", body.slug());

        let heads = slugs_of(
            &store,
            g,
            &format!("SELECT ?p WHERE {{ ?p org:headOf {iri} }}"),
            "p",
        );
        let expected: BTreeSet<String> = body.heads().map(|p| p.slug().to_string()).collect();
        assert_eq!(heads, expected, "heads of {}", body.slug());

        let posts = slugs_of(
            &store,
            g,
            &format!("SELECT ?post WHERE {{ ?post org:postIn {iri} }}"),
            "post",
        );
        let expected: BTreeSet<String> = body.posts().map(|p| p.slug().to_string()).collect();
        assert_eq!(posts, expected, "posts of {}", body.slug());

        let below = slugs_of(
            &store,
            g,
            &format!("SELECT ?d WHERE {{ ?d org:subOrganizationOf+ {iri} }}"),
            "d",
        );
        let expected: BTreeSet<String> = body
            .descendants()
            .map(|(d, _)| d.slug().to_string())
            .collect();
        assert_eq!(below, expected, "descendants of {}", body.slug());
    }
}

#[test]
fn queries_agree_with_the_traversal_api_on_the_dataset() {
    agree_with_traversals(&datasets::general_office());
}

#[test]
fn queries_agree_with_the_traversal_api_on_generated_graphs() {
    for seed in 1..=4 {
        agree_with_traversals(&random_graph(seed, 60));
    }
}

#[test]
fn who_heads_the_general_office() {
    let g = datasets::general_office();
    let store = SparqlStore::load(&g).expect("loads");
    let rows = store
        .select(&format!(
            "{PREFIX}SELECT ?name ?post WHERE {{ ?p org:headOf body:general-office-of-the-state-council ; \
             skos:prefLabel ?name . ?post org:heldBy ?p ; gg:heads body:general-office-of-the-state-council }}"
        ))
        .expect("runs");
    assert_eq!(rows.variables(), ["name", "post"]);
    assert_eq!(rows.len(), 1);
    let row = rows.iter().next().expect("one row");
    assert_eq!(row.text("name"), Some("Wu Zhenglong"));
    assert_eq!(
        row.node(&g, "post").map(|n| n.slug().as_str()),
        Some("secretary-general-of-the-state-council")
    );
    assert!(store.len() > 200);
}

#[test]
fn ask_and_construct() {
    let g = datasets::general_office();
    let store = SparqlStore::load(&g).expect("loads");
    assert!(store
        .ask(&format!(
            "{PREFIX}ASK {{ body:china-government-network-operation-center org:subOrganizationOf+ body:state-council }}"
        ))
        .expect("runs"));
    assert!(
        !store
            .ask(&format!(
                "{PREFIX}ASK {{ body:state-council org:subOrganizationOf+ ?x }}"
            ))
            .expect("runs")
    );
    let triples = store
        .construct(&format!(
            "{PREFIX}CONSTRUCT {{ ?child gg:under ?parent }} WHERE {{ ?child org:subOrganizationOf ?parent }}"
        ))
        .expect("runs");
    let lines: BTreeSet<String> = triples.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines.contains(
        "<https://w3id.org/govgraph/id/org/general-office-of-the-state-council> \
         <https://w3id.org/govgraph/ns#under> <https://w3id.org/govgraph/id/org/state-council>"
    ));
}

#[test]
fn the_closure_can_be_loaded_for_queries_without_paths() {
    let g = datasets::general_office();
    let store =
        SparqlStore::load_with(&g, &Exporter::new().with_transitive_closure(true)).expect("loads");
    let up = slugs_of(
        &store,
        &g,
        "SELECT ?a WHERE { <https://w3id.org/govgraph/id/org/china-government-network-operation-center> \
         org:transitiveSubOrganizationOf ?a }",
        "a",
    );
    assert_eq!(
        up.into_iter().collect::<Vec<_>>(),
        ["general-office-of-the-state-council", "state-council"]
    );
}

#[test]
fn errors_say_what_went_wrong() {
    let store = SparqlStore::load(&datasets::general_office()).expect("loads");
    let err = store
        .select("SELECT ?x WHERE { ?x")
        .expect_err("broken query");
    assert!(matches!(err, SparqlError::Syntax(_)));
    assert!(
        err.to_string().starts_with("invalid SPARQL query: "),
        "{err}"
    );
    assert!(
        err.to_string().contains("1:"),
        "the position is given: {err}"
    );
    let err = store.select("ASK { ?s ?p ?o }").expect_err("wrong form");
    assert_eq!(err.to_string(), "SELECT expected, but the query is ASK");
    let err = store
        .ask("SELECT * WHERE { ?s ?p ?o }")
        .expect_err("wrong form");
    assert_eq!(
        err,
        SparqlError::WrongForm {
            expected: "ASK",
            found: "SELECT"
        }
    );
}
