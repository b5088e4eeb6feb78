//! SPARQL over the General Office dataset, in process, with the `sparql`
//! feature:
//!
//! ```text
//! cargo run --example sparql --features sparql
//! cargo run --example sparql --features sparql -- 'SELECT ?s WHERE { ?s a <http://www.w3.org/ns/org#Post> }'
//! ```
//!
//! Without an argument it runs three example queries; with one, it runs
//! that query (prefixes org:, gg:, skos:, schema:, foaf: and body: are
//! declared for you) and prints the answer.

use std::error::Error;

use govgraph::sparql::{Answer, SparqlStore};

const PREFIXES: &str = "PREFIX org: <http://www.w3.org/ns/org#>
PREFIX gg: <https://w3id.org/govgraph/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX body: <https://w3id.org/govgraph/id/org/>
";

const EXAMPLES: &[(&str, &str)] = &[
    (
        "Which bodies stand above the China Government Network Operation Center?",
        "SELECT ?name WHERE {
           body:china-government-network-operation-center org:subOrganizationOf+ ?body .
           ?body skos:prefLabel ?name FILTER(lang(?name) = 'en') }",
    ),
    (
        "Who holds which post in the General Office?",
        "SELECT ?post ?person WHERE {
           ?p org:postIn body:general-office-of-the-state-council ; skos:prefLabel ?post ; org:heldBy ?h .
           ?h foaf:name ?person } ORDER BY ?post",
    ),
    (
        "Is the General Office a sub-organization of the State Council?",
        "ASK { body:general-office-of-the-state-council org:subOrganizationOf body:state-council }",
    ),
];

fn main() -> Result<(), Box<dyn Error>> {
    let graph = govgraph::datasets::general_office();
    let store = SparqlStore::load(&graph)?;
    println!("loaded {} triples\n", store.len());
    let custom = std::env::args().nth(1);
    let queries: Vec<(&str, String)> = match &custom {
        Some(q) => vec![("Your query", q.clone())],
        None => EXAMPLES
            .iter()
            .map(|(question, q)| (*question, (*q).to_owned()))
            .collect(),
    };
    for (question, query) in queries {
        println!("{question}");
        match store.query(&format!("{PREFIXES}{query}"))? {
            Answer::Rows(rows) => {
                println!("  {}", rows.variables().join(" | "));
                for row in rows.iter() {
                    let cells: Vec<String> = rows
                        .variables()
                        .iter()
                        .map(|v| row.get(v).map_or_else(String::new, ToString::to_string))
                        .collect();
                    println!("  {}", cells.join(" | "));
                }
            }
            Answer::Boolean(b) => println!("  {}", if b { "yes" } else { "no" }),
            Answer::Triples(triples) => {
                for t in triples {
                    println!("  {t} .");
                }
            }
            other => println!("  {other:?}"),
        }
        println!();
    }
    Ok(())
}
