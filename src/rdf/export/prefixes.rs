//! Which prefixes an export declares: the namespaces its IRIs use, decided
//! before anything is written so that the output still streams.
//!
//! Two passes over the graph, neither writing: the first reads the
//! free-form IRIs (sources, identities, documents, logos, websites,
//! annotations, statements, named graphs) and works out which structural
//! namespaces the nodes present may use; the second emits nodes, writing
//! nothing, only until each of those has been seen in a triple, which for
//! a graph of every kind is within its first few hundred nodes.

use oxrdf::{NamedOrBlankNodeRef, TermRef, TripleRef};

use super::super::mapping::time::dated_shape;
use super::super::vocab::{self, rdf, time, xsd};
use super::emit::{Bufs, Ctx, dated_links};
use super::{INSTANCE_PREFIXES, graph_name};
use crate::graph::GovGraph;
use crate::model::{Node, NodeKind, Relation, Value, check_iri};

/// The candidate prefixes and which are used.
struct Namespaces {
    candidates: Vec<(&'static str, String)>,
    used: Vec<bool>,
    /// Candidates the second pass looks for and has not seen yet.
    wanted: Vec<bool>,
    left: usize,
}

impl Namespaces {
    /// Marks the namespace `iri` has up to its last `/` or `#` (what Turtle
    /// can abbreviate) as used. True when that was the last one wanted.
    fn see(&mut self, iri: &str) -> bool {
        let cut = iri.rfind(['/', '#']).map_or(0, |i| i + 1);
        if cut == iri.len() {
            return false;
        }
        let ns = &iri[..cut];
        // A linear scan: two dozen namespaces, told apart by length first.
        let Some(i) = self.candidates.iter().position(|(_, c)| c.as_str() == ns) else {
            return false;
        };
        self.used[i] = true;
        if self.wanted[i] {
            self.wanted[i] = false;
            self.left -= 1;
            return self.left == 0;
        }
        false
    }

    fn see_value(&mut self, v: &Value) {
        match v {
            Value::Iri(i) => {
                self.see(i);
            }
            Value::Literal {
                datatype,
                language: None,
                ..
            } if datatype != xsd::STRING => {
                self.see(datatype);
            }
            Value::Literal { .. } | Value::Blank(_) => {}
        }
    }

    /// Sees a written triple's IRIs: `rdf:type` is written `a`, and simple
    /// and language-tagged literals carry no datatype.
    fn see_triple(&mut self, t: TripleRef<'_>) -> bool {
        let mut done = false;
        if let NamedOrBlankNodeRef::NamedNode(s) = t.subject {
            done |= self.see(s.as_str());
        }
        if t.predicate.as_str() != rdf::TYPE {
            done |= self.see(t.predicate.as_str());
        }
        match t.object {
            TermRef::NamedNode(o) => done |= self.see(o.as_str()),
            TermRef::Literal(l) if l.language().is_none() => {
                let dt = l.datatype().as_str();
                if dt != xsd::STRING {
                    done |= self.see(dt);
                }
            }
            _ => {}
        }
        done
    }
}

/// What the first pass learns about the structure.
#[derive(Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "one independent flag per namespace the nodes may use"
)]
struct Present {
    kinds: Vec<NodeKind>,
    address: bool,
    owned_function: bool,
    /// A description, a jurisdiction or a replacement: `dct:`.
    dct: bool,
    /// A site's label or a "see also" link: `rdfs:`.
    rdfs: bool,
    /// A date or a number: `xsd:`.
    xsd: bool,
    /// An interval (a tenure's, a dated link's, a dated name's): `time:`.
    time: bool,
    /// A dated link of the generic shape (`rdf:subject`, …): `rdf:`.
    rdf: bool,
}

/// The prefixes whose namespaces the export of `graph` uses, as `(name,
/// namespace)`, in [`PREFIXES`](vocab::PREFIXES) then [`INSTANCE_PREFIXES`]
/// order.
pub(super) fn used_prefixes(
    ctx: Ctx<'_>,
    graph: &GovGraph,
    quads: bool,
) -> Vec<(&'static str, String)> {
    let candidates: Vec<(&'static str, String)> = vocab::PREFIXES
        .iter()
        .map(|(name, ns)| (*name, (*ns).to_owned()))
        .chain(
            INSTANCE_PREFIXES
                .iter()
                .map(|(name, segment)| (*name, format!("{}{segment}/", ctx.base))),
        )
        .collect();
    let n = candidates.len();
    let mut ns = Namespaces {
        candidates,
        used: vec![false; n],
        wanted: vec![false; n],
        left: 0,
    };
    let present = free_form(ctx, &mut ns, graph, quads);
    // What the nodes' own triples may use: every vocabulary namespace but
    // those only data can bring (owl:, prov:, rdf:) or that the first pass
    // settled (time:, written for a tenure's interval), and the instance
    // namespaces of the kinds present.
    for i in 0..n {
        let (name, _) = ns.candidates[i];
        let may = match name {
            "owl" | "prov" => false,
            "rdf" => present.rdf,
            "time" => present.time,
            "vcard" | "address" => present.address,
            "functions" => present.owned_function,
            "foaf" => present.kinds.contains(&NodeKind::Person),
            "dct" => present.dct,
            "rdfs" => present.rdfs,
            "xsd" => present.xsd,
            _ => INSTANCE_PREFIXES
                .iter()
                .find(|(p, _)| *p == name)
                .map_or(!present.kinds.is_empty(), |(_, segment)| {
                    present.kinds.iter().any(|k| k.segment() == *segment)
                }),
        };
        if may && !ns.used[i] {
            ns.wanted[i] = true;
            ns.left += 1;
        }
    }
    if ns.left > 0 {
        let mut bufs = Bufs::default();
        for ix in graph.positions() {
            let done = ctx.emit(ix, &mut bufs, &mut |t: TripleRef<'_>| {
                if ns.see_triple(t) { Err(()) } else { Ok(()) }
            });
            if done.is_err() {
                break;
            }
        }
    }
    ns.candidates
        .into_iter()
        .zip(ns.used)
        .filter_map(|(c, u)| u.then_some(c))
        .collect()
}

/// Sees every IRI the export writes from data rather than from the
/// vocabulary, and tells which structural parts are present.
fn free_form(ctx: Ctx<'_>, ns: &mut Namespaces, graph: &GovGraph, quads: bool) -> Present {
    let mut present = Present::default();
    let mut dated = Vec::new();
    for ix in graph.positions() {
        let node = graph.node_at(ix);
        let kind = node.kind();
        if !ctx.visible(ix) {
            continue;
        }
        if !present.kinds.contains(&kind) {
            present.kinds.push(kind);
        }
        for s in node.sources() {
            ns.see(s.as_str());
        }
        present.dct |= described(node)
            || kind == NodeKind::Jurisdiction
            || kind == NodeKind::Event
            || graph.out(ix, Relation::Replaces).next().is_some();
        present.rdfs |= kind == NodeKind::Site || graph.out(ix, Relation::SeeAlso).next().is_some();
        present.xsd |= typed_literal(node);
        // Dated links and names, written in a full export only.
        if ctx.opts_full() {
            dated_links(graph, ix, &mut dated);
            let generic = dated
                .iter()
                .any(|(rel, _, _)| dated_shape(*rel).is_some_and(|d| d.states_predicate));
            let names = matches!(node, Node::Organization(o)
                if o.details().names.iter().any(|n| !n.during.is_timeless()));
            present.time |= !dated.is_empty() || names;
            present.xsd |= !dated.is_empty() || names;
            present.rdf |= generic;
        }
        for a in graph.annotations_at(ix) {
            ns.see(&a.property);
            ns.see_value(&a.value);
        }
        match node {
            Node::Organization(o) => {
                let d = o.details();
                for s in &d.same_as {
                    ns.see(s.as_str());
                }
                for doc in d.key_documents.iter().filter(|d| check_iri(d).is_ok()) {
                    ns.see(doc);
                }
                if let Some(logo) = &d.logo {
                    ns.see(&logo.commons_url());
                }
            }
            Node::Website(w) => {
                ns.see(w.url());
            }
            Node::Tenure(t) if t.start.is_some() || t.end.is_some() => {
                ns.see(time::PROPER_INTERVAL);
            }
            Node::Event(e) => {
                if let Some(basis) = e.legal_basis.as_deref().filter(|b| check_iri(b).is_ok()) {
                    ns.see(basis);
                }
            }
            Node::Site(s) if !s.address.is_empty() => present.address = true,
            Node::Function(_) if graph.inc(ix, Relation::HasFunction).next().is_some() => {
                present.owned_function = true;
            }
            _ => {}
        }
        if quads {
            if let Some(name) = graph_name(graph, ix) {
                ns.see(name);
            }
        }
    }
    for st in graph.statements() {
        match &st.subject {
            Value::Iri(i) => {
                ns.see(i);
            }
            Value::Blank(_) => {}
            // Not written.
            Value::Literal { .. } => continue,
        }
        ns.see(&st.property);
        ns.see_value(&st.value);
    }
    present
}

/// Whether the export writes a `dct:description` for the node.
fn described(node: &Node) -> bool {
    match node {
        Node::Organization(o) => o.details().description.is_some(),
        Node::Post(p) => p.description.is_some(),
        Node::Person(p) => p.description.is_some(),
        Node::Jurisdiction(j) => j.description.is_some(),
        Node::Place(p) => p.description.is_some(),
        Node::Category(c) => c.description.is_some(),
        Node::Event(e) => e.description.is_some(),
        _ => false,
    }
}

/// Whether the export may write a literal typed `xsd:` for the node (a
/// date, a logo's width, a number of employees): an over-estimate is only
/// slower, never wrong, as the second pass confirms.
fn typed_literal(node: &Node) -> bool {
    match node {
        Node::Organization(o) => {
            let d = o.details();
            o.founded.is_some()
                || d.dissolved.is_some()
                || d.logo.as_ref().is_some_and(|l| l.width_px.is_some())
                || d.employees.is_some()
        }
        Node::Person(p) => p.born.is_some() || p.died.is_some(),
        Node::Tenure(t) => t.start.is_some() || t.end.is_some(),
        Node::Post(p) => p.formed.is_some() || p.abolished.is_some(),
        Node::Event(e) => e.date.is_some(),
        _ => false,
    }
}
