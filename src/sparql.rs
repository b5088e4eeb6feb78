//! SPARQL over a graph, in process: the graph is exported into an in-memory
//! [Oxigraph](https://crates.io/crates/oxigraph) store (no RocksDB), and
//! SELECT, ASK and CONSTRUCT queries run against it. Behind the `sparql`
//! feature.
//!
//! | type | what it is |
//! |---|---|
//! | [`SparqlStore`] | a loaded store; `select`, `ask`, `construct`, `query` |
//! | [`Rows`], [`Row`] | SELECT results: variables and typed values |
//! | [`Answer`] | any query's result |
//! | [`SparqlError`] | a query that does not parse or fails to run |
//!
//! The store holds the export's triples exactly (with inverse links, and
//! the transitive closure when the [`Exporter`] says so), so queries follow
//! the vocabulary contract. Oxigraph does no reasoning: ask for ancestors
//! with a property path (`org:subOrganizationOf+`) or load with the closure.
//!
//! ```
//! use govgraph::sparql::SparqlStore;
//! let g = govgraph::datasets::general_office();
//! let store = SparqlStore::load(&g)?;
//! let rows = store.select(
//!     "PREFIX org: <http://www.w3.org/ns/org#>
//!      SELECT ?ancestor WHERE {
//!        <https://w3id.org/govgraph/id/org/china-government-network-operation-center>
//!          org:subOrganizationOf+ ?ancestor }",
//! )?;
//! let ancestors: Vec<_> = rows.iter().filter_map(|r| r.node(&g, "ancestor")).map(|n| n.slug().as_str()).collect();
//! assert_eq!(ancestors.len(), 2);
//! assert!(ancestors.contains(&"state-council"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use oxigraph::model::GraphNameRef;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::GovGraph;
use crate::model::{NodeKind, Value};
use crate::rdf::{Exporter, Triple};
use crate::traverse::NodeRef;

/// A query that could not be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SparqlError {
    /// The query does not parse; the message gives the line and column.
    #[error("invalid SPARQL query: {0}")]
    Syntax(String),
    /// The query parsed but failed to run.
    #[error("SPARQL query failed: {0}")]
    Evaluation(String),
    /// The store could not be built or read.
    #[error("SPARQL store error: {0}")]
    Store(String),
    /// The query is of another form than the method asked for (an ASK
    /// given to [`SparqlStore::select`], say).
    #[error("{expected} expected, but the query is {found}")]
    WrongForm {
        /// The form the method runs.
        expected: &'static str,
        /// The form of the query given.
        found: &'static str,
    },
}

/// A graph loaded into an in-memory SPARQL store.
pub struct SparqlStore {
    store: Store,
    base: String,
    triples: usize,
}

impl fmt::Debug for SparqlStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SparqlStore")
            .field("base", &self.base)
            .field("triples", &self.triples)
            .finish_non_exhaustive()
    }
}

impl SparqlStore {
    /// Loads `graph` as the default [`Exporter`] writes it.
    ///
    /// # Errors
    /// [`SparqlError::Store`] when the store cannot be made.
    pub fn load(graph: &GovGraph) -> Result<Self, SparqlError> {
        Self::load_with(graph, &Exporter::new())
    }

    /// Loads `graph` as `exporter` writes it (its base IRI, inverse links
    /// and closure).
    ///
    /// # Errors
    /// [`SparqlError::Store`] when the store cannot be made.
    pub fn load_with(graph: &GovGraph, exporter: &Exporter) -> Result<Self, SparqlError> {
        let store = Store::new().map_err(|e| SparqlError::Store(e.to_string()))?;
        let mut triples = 0;
        exporter.for_each_triple(graph, |t| {
            triples += 1;
            store
                .insert(t.in_graph(GraphNameRef::DefaultGraph))
                .map_err(|e| SparqlError::Store(e.to_string()))
        })?;
        Ok(Self {
            store,
            base: exporter.base_iri().to_owned(),
            triples,
        })
    }

    /// How many triples were loaded.
    pub fn len(&self) -> usize {
        self.triples
    }

    /// True when nothing was loaded.
    pub fn is_empty(&self) -> bool {
        self.triples == 0
    }

    /// Runs a query of any form.
    ///
    /// # Errors
    /// [`SparqlError::Syntax`] or [`SparqlError::Evaluation`].
    pub fn query(&self, query: &str) -> Result<Answer, SparqlError> {
        let prepared = SparqlEvaluator::new()
            .parse_query(query)
            .map_err(|e| SparqlError::Syntax(e.to_string()))?;
        let eval = |e: &dyn fmt::Display| SparqlError::Evaluation(e.to_string());
        match prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| eval(&e))?
        {
            QueryResults::Boolean(b) => Ok(Answer::Boolean(b)),
            QueryResults::Solutions(solutions) => {
                let variables: Vec<String> = solutions
                    .variables()
                    .iter()
                    .map(|v| v.as_str().to_owned())
                    .collect();
                let mut rows = Vec::new();
                for solution in solutions {
                    let solution = solution.map_err(|e| eval(&e))?;
                    let values = variables
                        .iter()
                        .map(|v| solution.get(v.as_str()).map(crate::rdf::term_value))
                        .collect();
                    rows.push(Row { values });
                }
                Ok(Answer::Rows(Rows { variables, rows }))
            }
            QueryResults::Graph(triples) => {
                let mut out = Vec::new();
                for t in triples {
                    out.push(Triple::from_oxrdf(t.map_err(|e| eval(&e))?));
                }
                Ok(Answer::Triples(out))
            }
        }
    }

    /// Runs a SELECT query.
    ///
    /// # Errors
    /// As [`query`](Self::query), and [`SparqlError::WrongForm`] for another
    /// form of query.
    pub fn select(&self, query: &str) -> Result<Rows, SparqlError> {
        match self.query(query)? {
            Answer::Rows(r) => Ok(r),
            other => Err(SparqlError::WrongForm {
                expected: "SELECT",
                found: other.form(),
            }),
        }
    }

    /// Runs an ASK query.
    ///
    /// # Errors
    /// As [`query`](Self::query), and [`SparqlError::WrongForm`] for another
    /// form of query.
    pub fn ask(&self, query: &str) -> Result<bool, SparqlError> {
        match self.query(query)? {
            Answer::Boolean(b) => Ok(b),
            other => Err(SparqlError::WrongForm {
                expected: "ASK",
                found: other.form(),
            }),
        }
    }

    /// Runs a CONSTRUCT (or DESCRIBE) query.
    ///
    /// # Errors
    /// As [`query`](Self::query), and [`SparqlError::WrongForm`] for another
    /// form of query.
    pub fn construct(&self, query: &str) -> Result<Vec<Triple>, SparqlError> {
        match self.query(query)? {
            Answer::Triples(t) => Ok(t),
            other => Err(SparqlError::WrongForm {
                expected: "CONSTRUCT",
                found: other.form(),
            }),
        }
    }

    /// The node of `graph` an IRI of this store names, if any: the inverse
    /// of the export's IRI minting under this store's base.
    pub fn node_for_iri<'g>(&self, graph: &'g GovGraph, iri: &str) -> Option<NodeRef<'g>> {
        node_for_iri(&self.base, graph, iri)
    }
}

fn node_for_iri<'g>(base: &str, graph: &'g GovGraph, iri: &str) -> Option<NodeRef<'g>> {
    if let Some(rest) = iri.strip_prefix(base) {
        let (segment, slug) = rest.split_once('/')?;
        let kind = NodeKind::from_segment(segment)?;
        return graph.node(graph.id_by_slug(kind, slug)?);
    }
    graph
        .node_refs()
        .find(|n| matches!(n, NodeRef::Website(w) if w.url() == iri))
}

/// The result of any query.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Answer {
    /// A SELECT query's rows.
    Rows(Rows),
    /// An ASK query's answer.
    Boolean(bool),
    /// A CONSTRUCT or DESCRIBE query's triples.
    Triples(Vec<Triple>),
}

impl Answer {
    fn form(&self) -> &'static str {
        match self {
            Answer::Rows(_) => "SELECT",
            Answer::Boolean(_) => "ASK",
            Answer::Triples(_) => "CONSTRUCT",
        }
    }
}

/// The rows of a SELECT query, in the order the engine gave them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows {
    variables: Vec<String>,
    rows: Vec<Row>,
}

impl Rows {
    /// The projected variables, without `?`.
    pub fn variables(&self) -> &[String] {
        &self.variables
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there is no row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows, each with a name-to-value view.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = RowRef<'_>> + '_ {
        self.rows.iter().map(move |row| RowRef {
            variables: &self.variables,
            row,
        })
    }
}

/// One row of a SELECT query: a value, or none, per variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    values: Vec<Option<Value>>,
}

/// A row seen with its variables' names.
#[derive(Debug, Clone, Copy)]
pub struct RowRef<'a> {
    variables: &'a [String],
    row: &'a Row,
}

impl<'a> RowRef<'a> {
    /// The value bound to `variable` (without `?`), if any.
    pub fn get(&self, variable: &str) -> Option<&'a Value> {
        let i = self.variables.iter().position(|v| v == variable)?;
        self.row.values.get(i)?.as_ref()
    }

    /// The value of `variable` as text: an IRI, a blank node's label or a
    /// literal's lexical form.
    pub fn text(&self, variable: &str) -> Option<&'a str> {
        Some(match self.get(variable)? {
            Value::Iri(s) | Value::Blank(s) | Value::Literal { value: s, .. } => s.as_str(),
        })
    }

    /// The node of `graph` bound to `variable`, when it is an IRI the
    /// default export mints (see [`SparqlStore::node_for_iri`] for another
    /// base).
    pub fn node<'g>(&self, graph: &'g GovGraph, variable: &str) -> Option<NodeRef<'g>> {
        match self.get(variable)? {
            Value::Iri(iri) => node_for_iri(crate::rdf::DEFAULT_BASE_IRI, graph, iri),
            _ => None,
        }
    }

    /// Every `(variable, value)` bound in the row.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a Value)> + 'a {
        self.variables
            .iter()
            .zip(&self.row.values)
            .filter_map(|(k, v)| Some((k.as_str(), v.as_ref()?)))
    }
}
