//! One node's triples, written through a sink: its classes and the rows of
//! its layout come from `rdf/mapping`; its fields
//! (labels, dates, an address, …) are written here.

use std::fmt;

use oxrdf::{BlankNodeRef, LiteralRef, NamedNodeRef, NamedOrBlankNodeRef, TermRef, TripleRef};

use super::super::mapping::{
    self, DATES, Derivation, DerivedRow, Dir, LinkRow, Row, When, category_scheme,
};
use super::super::vocab::{dct, foaf, gg, org, rdf, rdfs, schema, skos, time, vcard, xsd};
use super::Opts;
use crate::graph::{GovGraph, Pos};
use crate::model::{
    Bound, DatePrecision, Labels, Node, PartialDate, Relation, Slug, Source, Value, check_iri,
};

/// Reusable string buffers, so that emitting allocates nothing per triple
/// once they have grown.
#[derive(Default)]
pub(super) struct Bufs {
    subject: String,
    object: String,
    aux: String,
    value: String,
    edges: Edges,
}

pub(super) fn iri_into(base: &str, g: &GovGraph, ix: Pos, out: &mut String) {
    out.clear();
    let node = g.node_at(ix);
    if let Node::Website(w) = node {
        out.push_str(w.url());
    } else {
        out.push_str(base);
        out.push_str(node.kind().segment());
        out.push('/');
        out.push_str(node.slug().as_str());
    }
}

pub(super) fn n(iri: &str) -> NamedNodeRef<'_> {
    NamedNodeRef::new_unchecked(iri)
}

fn date_literal(d: PartialDate, buf: &mut String) -> LiteralRef<'_> {
    use fmt::Write as _;
    buf.clear();
    let _ = write!(buf, "{d}");
    let dt = match d.precision() {
        DatePrecision::Day => xsd::DATE,
        DatePrecision::Month => xsd::G_YEAR_MONTH,
        DatePrecision::Year => xsd::G_YEAR,
    };
    LiteralRef::new_typed_literal(buf, n(dt))
}

/// Writes one subject's triples through `sink`.
struct Subject<'s, 'k, F> {
    s: NamedOrBlankNodeRef<'s>,
    sink: &'k mut F,
}

impl<F, E> Subject<'_, '_, F>
where
    F: FnMut(TripleRef<'_>) -> Result<(), E>,
{
    fn t<'o>(&mut self, p: &str, o: impl Into<TermRef<'o>>) -> Result<(), E> {
        (self.sink)(TripleRef::new(self.s, n(p), o.into()))
    }

    fn iri(&mut self, p: &str, o: &str) -> Result<(), E> {
        self.t(p, n(o))
    }

    fn lang(&mut self, p: &str, value: &str, lang: &str) -> Result<(), E> {
        self.t(
            p,
            LiteralRef::new_language_tagged_literal_unchecked(value, lang),
        )
    }

    fn string(&mut self, p: &str, value: &str) -> Result<(), E> {
        self.t(p, LiteralRef::new_simple_literal(value))
    }

    fn labels(&mut self, labels: &Labels, also_foaf_name: bool) -> Result<(), E> {
        for (lang, text) in labels.preferred_all() {
            self.lang(skos::PREF_LABEL, text, lang.as_str())?;
            if also_foaf_name {
                self.lang(foaf::NAME, text, lang.as_str())?;
            }
        }
        for l in labels.alternates() {
            self.lang(skos::ALT_LABEL, &l.text, l.lang.as_str())?;
        }
        Ok(())
    }

    fn description(&mut self, d: Option<&String>) -> Result<(), E> {
        match d {
            Some(d) => self.lang(dct::DESCRIPTION, d, "en"),
            None => Ok(()),
        }
    }

    fn sources(&mut self, sources: &[Source]) -> Result<(), E> {
        for s in sources {
            self.iri(dct::SOURCE, s.as_str())?;
        }
        Ok(())
    }
}

/// A node's links gathered once, sorted by relation, then direction
/// (outgoing first), then the other end's graph order: each relation's
/// links in one direction are then one contiguous run, in graph order.
type Edges = Vec<(Relation, bool, Pos)>;

fn gather(g: &GovGraph, ix: Pos, edges: &mut Edges) {
    edges.clear();
    edges.extend(g.touching(ix).map(|(rel, other, out)| (rel, !out, other)));
    edges.sort_unstable();
}

/// The other ends of the gathered `rel` links in one direction, in graph
/// order.
fn run(edges: &Edges, rel: Relation, outgoing: bool) -> impl Iterator<Item = Pos> + '_ {
    let key = (rel, !outgoing);
    let start = edges.partition_point(|&(r, d, _)| (r, d) < key);
    edges[start..]
        .iter()
        .take_while(move |&&(r, d, _)| (r, d) == key)
        .map(|&(_, _, other)| other)
}

/// Whether a row's condition holds: `source` is the node the link starts
/// from (the subject itself for a constant or derived row).
fn holds(when: When, opts: Opts, source: &Node) -> bool {
    let unit = matches!(source, Node::Organization(o) if o.kind.is_unit());
    match when {
        When::Always => true,
        When::InverseLinks => opts.inverses,
        When::SourceIsUnit => unit,
        When::InverseLinksSourceIsUnit => opts.inverses && unit,
        When::HeadPost => matches!(source, Node::Post(p) if p.heads),
        When::Closure => opts.closure,
    }
}

/// The graph, base and options one export shares across nodes.
#[derive(Clone, Copy)]
pub(super) struct Ctx<'a> {
    pub g: &'a GovGraph,
    pub base: &'a str,
    pub opts: Opts,
}

impl Ctx<'_> {
    /// Writes a link row's triples on the subject at `ix`.
    fn link_row<F, E>(
        self,
        row: &LinkRow,
        ix: Pos,
        edges: &Edges,
        sub: &mut Subject<'_, '_, F>,
        object: &mut String,
    ) -> Result<(), E>
    where
        F: FnMut(TripleRef<'_>) -> Result<(), E>,
    {
        let outgoing = row.dir == Dir::Forward;
        for other in run(edges, row.relation, outgoing) {
            let source = if outgoing { ix } else { other };
            if holds(row.when, self.opts, self.g.node_at(source)) {
                iri_into(self.base, self.g, other, object);
                sub.iri(row.predicate, object)?;
            }
        }
        Ok(())
    }

    /// Writes a derived row's triples on the subject at `ix`.
    fn derived_row<F, E>(
        self,
        row: &DerivedRow,
        ix: Pos,
        edges: &Edges,
        sub: &mut Subject<'_, '_, F>,
        object: &mut String,
    ) -> Result<(), E>
    where
        F: FnMut(TripleRef<'_>) -> Result<(), E>,
    {
        let g = self.g;
        if !holds(row.when, self.opts, g.node_at(ix)) {
            return Ok(());
        }
        let mut write = |at: Pos, sub: &mut Subject<'_, '_, F>| {
            iri_into(self.base, g, at, object);
            sub.iri(row.predicate, object)
        };
        match row.derivation {
            Derivation::Ancestors => {
                let mut at = g.parent_of(ix);
                while let Some(up) = at {
                    write(up, sub)?;
                    at = g.parent_of(up);
                }
            }
            Derivation::HoldersOfPost => {
                for t in run(edges, Relation::TenureOf, false) {
                    if let Some(person) = g.out(t, Relation::Holder).next() {
                        write(person, sub)?;
                    }
                }
            }
            Derivation::PostsHeld => {
                for t in run(edges, Relation::Holder, false) {
                    if let Some(post) = g.out(t, Relation::TenureOf).next() {
                        write(post, sub)?;
                    }
                }
            }
            Derivation::BodiesHeaded => {
                for t in run(edges, Relation::Holder, false) {
                    let current = matches!(g.node_at(t), Node::Tenure(t) if t.is_current());
                    let Some(post) = g.out(t, Relation::TenureOf).next() else {
                        continue;
                    };
                    let heads = matches!(g.node_at(post), Node::Post(p) if p.heads);
                    if current && heads {
                        if let Some(body) = g.out(post, Relation::PostIn).next() {
                            write(body, sub)?;
                        }
                    }
                }
            }
            Derivation::TenureBody => {
                if let Some(post) = g.out(ix, Relation::TenureOf).next() {
                    if let Some(body) = g.out(post, Relation::PostIn).next() {
                        write(body, sub)?;
                    }
                }
            }
            Derivation::FunctionScheme => {
                if let Some(owner) = g.inc(ix, Relation::HasFunction).next() {
                    scheme_iri(self.base, g.slug_at(owner).as_str(), object);
                    sub.iri(row.predicate, object)?;
                }
            }
        }
        Ok(())
    }

    /// Writes the node at `ix`, then the resources it owns, through `sink`.
    pub(super) fn emit<F, E>(self, ix: Pos, bufs: &mut Bufs, sink: &mut F) -> Result<(), E>
    where
        F: FnMut(TripleRef<'_>) -> Result<(), E>,
    {
        let Bufs {
            subject,
            object,
            aux,
            value,
            edges,
        } = bufs;
        let g = self.g;
        gather(g, ix, edges);
        let edges = &*edges;
        iri_into(self.base, g, ix, subject);
        let mut sub = Subject {
            s: n(subject).into(),
            sink,
        };
        let node = g.node_at(ix);
        if mapping::UNMAPPED_KINDS.contains(&node.kind()) {
            // A named gap of the mapping (issue 12): not written yet.
            return Ok(());
        }
        for class in mapping::classes_of(node) {
            sub.iri(rdf::TYPE, class)?;
        }
        fields(self.base, node, &mut sub, aux, value)?;
        for row in Row::on(node.kind()) {
            match row {
                Row::Link(l) => self.link_row(l, ix, edges, &mut sub, object)?,
                Row::Derived(d) => self.derived_row(d, ix, edges, &mut sub, object)?,
                Row::Const(c) => {
                    if holds(c.when, self.opts, node) {
                        sub.iri(c.predicate, c.object)?;
                    }
                }
            }
        }
        if let Node::Tenure(t) = node {
            if t.start.is_some() || t.end.is_some() {
                blank_label(&t.slug, "during", aux);
                sub.t(org::MEMBER_DURING, BlankNodeRef::new_unchecked(aux))?;
            }
        }
        sub.sources(node.sources())?;
        for a in g.annotations_at(ix) {
            sub.t(&a.property, value_term(&a.value))?;
        }
        owned(self, ix, sub.sink, Scratch { object, aux, value })
    }
}

/// The three buffers the owned resources use.
struct Scratch<'b> {
    object: &'b mut String,
    aux: &'b mut String,
    value: &'b mut String,
}

/// Writes a node's fields: what it holds besides links.
fn fields<F, E>(
    base: &str,
    node: &Node,
    sub: &mut Subject<'_, '_, F>,
    aux: &mut String,
    value: &mut String,
) -> Result<(), E>
where
    F: FnMut(TripleRef<'_>) -> Result<(), E>,
{
    match node {
        Node::Organization(o) => {
            sub.labels(&o.labels, false)?;
            sub.description(o.details().description.as_ref())?;
            dates(node, sub, value)?;
            let d = o.details();
            if let Some(logo) = &d.logo {
                *aux = logo.commons_url();
                sub.iri(schema::LOGO, aux)?;
                if let Some(w) = logo.width_px {
                    value.clear();
                    value.push_str(&w.to_string());
                    sub.t(
                        gg::LOGO_WIDTH,
                        LiteralRef::new_typed_literal(value, n(xsd::INTEGER)),
                    )?;
                }
            }
            if let Some(e) = &d.employees {
                let plain = !e.is_empty() && e.len() < 19 && e.bytes().all(|b| b.is_ascii_digit());
                if plain {
                    sub.t(
                        schema::NUMBER_OF_EMPLOYEES,
                        LiteralRef::new_typed_literal(e, n(xsd::INTEGER)),
                    )?;
                } else {
                    sub.string(schema::NUMBER_OF_EMPLOYEES, e)?;
                }
            }
            if let Some(b) = &d.budget {
                sub.string(gg::BUDGET, b)?;
            }
            for doc in &d.key_documents {
                if check_iri(doc).is_ok() {
                    sub.iri(gg::KEY_DOCUMENT, doc)?;
                } else {
                    sub.string(gg::KEY_DOCUMENT, doc)?;
                }
            }
            for s in &d.same_as {
                sub.iri(schema::SAME_AS, s.as_str())?;
            }
        }
        Node::Post(p) => {
            sub.labels(&p.labels, false)?;
            sub.description(p.description.as_ref())?;
        }
        Node::Person(p) => {
            sub.labels(&p.labels, true)?;
            sub.description(p.description.as_ref())?;
            dates(node, sub, value)?;
        }
        Node::Jurisdiction(j) => {
            sub.labels(&j.labels, false)?;
            sub.description(j.description.as_ref())?;
        }
        Node::Site(s) => {
            sub.string(rdfs::LABEL, &s.label)?;
            if !s.address.is_empty() {
                address_iri(base, s.slug.as_str(), aux);
                sub.iri(org::SITE_ADDRESS, aux)?;
            }
        }
        Node::Place(p) => {
            sub.labels(&p.labels, false)?;
            sub.description(p.description.as_ref())?;
        }
        Node::Function(f) => {
            sub.labels(&f.labels, false)?;
            value.clear();
            value.push_str(&f.position.to_string());
            sub.string(skos::NOTATION, value)?;
        }
        Node::Website(w) => {
            sub.labels(&w.labels, false)?;
            sub.string(gg::SLUG, w.slug.as_str())?;
        }
        Node::Category(c) => {
            sub.iri(skos::IN_SCHEME, category_scheme(c.kind))?;
            sub.labels(&c.labels, false)?;
            sub.description(c.description.as_ref())?;
        }
        Node::Tenure(_) | Node::Event(_) => {}
    }
    Ok(())
}

/// Writes the node's date fields ([`DATES`]).
fn dates<F, E>(node: &Node, sub: &mut Subject<'_, '_, F>, value: &mut String) -> Result<(), E>
where
    F: FnMut(TripleRef<'_>) -> Result<(), E>,
{
    let kind = node.kind();
    for row in DATES.iter().filter(|r| r.kind == kind) {
        if let Some(d) = (row.get)(node) {
            sub.t(row.predicate, date_literal(d, value))?;
        }
    }
    Ok(())
}

/// Writes the resources a node owns, each its own subject, right after it:
/// a body's function scheme, a site's address, a tenure's interval.
fn owned<F, E>(ctx: Ctx<'_>, ix: Pos, sink: &mut F, b: Scratch<'_>) -> Result<(), E>
where
    F: FnMut(TripleRef<'_>) -> Result<(), E>,
{
    let Scratch { object, aux, value } = b;
    let g = ctx.g;
    match g.node_at(ix) {
        Node::Organization(o) if g.out(ix, Relation::HasFunction).next().is_some() => {
            scheme_iri(ctx.base, o.slug.as_str(), aux);
            let mut scheme = Subject {
                s: n(aux).into(),
                sink,
            };
            scheme.iri(rdf::TYPE, skos::CONCEPT_SCHEME)?;
            value.clear();
            value.push_str("Functions of ");
            value.push_str(o.labels.display().unwrap_or(o.slug.as_str()));
            scheme.lang(skos::PREF_LABEL, value, "en")?;
        }
        Node::Site(s) if !s.address.is_empty() => {
            address_iri(ctx.base, s.slug.as_str(), aux);
            let mut adr = Subject {
                s: n(aux).into(),
                sink,
            };
            adr.iri(rdf::TYPE, vcard::ADDRESS)?;
            let a = &s.address;
            for (p, v) in [
                (vcard::STREET_ADDRESS, &a.street),
                (vcard::LOCALITY, &a.locality),
                (vcard::REGION, &a.region),
                (vcard::POSTAL_CODE, &a.postal_code),
                (vcard::COUNTRY_NAME, &a.country),
            ] {
                if let Some(v) = v {
                    adr.string(p, v)?;
                }
            }
        }
        Node::Tenure(t) if t.start.is_some() || t.end.is_some() => {
            blank_label(&t.slug, "during", aux);
            let mut during = Subject {
                s: BlankNodeRef::new_unchecked(aux).into(),
                sink,
            };
            during.iri(rdf::TYPE, time::PROPER_INTERVAL)?;
            if t.start.is_some() {
                blank_label(&t.slug, "begin", object);
                during.t(time::HAS_BEGINNING, BlankNodeRef::new_unchecked(object))?;
            }
            if t.end.is_some() {
                blank_label(&t.slug, "end", value);
                during.t(time::HAS_END, BlankNodeRef::new_unchecked(value))?;
            }
            for (date, suffix) in [(t.start, "begin"), (t.end, "end")] {
                let Some(date) = date else { continue };
                blank_label(&t.slug, suffix, object);
                let mut instant = Subject {
                    s: BlankNodeRef::new_unchecked(object).into(),
                    sink: during.sink,
                };
                instant.iri(rdf::TYPE, time::INSTANT)?;
                // An undated bound is an instant with no position.
                let Bound::Date(date) = date else { continue };
                let p = match date.precision() {
                    DatePrecision::Day => time::IN_XSD_DATE,
                    DatePrecision::Month => time::IN_XSD_G_YEAR_MONTH,
                    DatePrecision::Year => time::IN_XSD_G_YEAR,
                };
                instant.t(p, date_literal(date, value))?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// The RDF term of a kept [`Value`].
pub(super) fn value_term(v: &Value) -> TermRef<'_> {
    match v {
        Value::Iri(i) => n(i).into(),
        Value::Blank(b) => BlankNodeRef::new_unchecked(b).into(),
        Value::Literal {
            value,
            language: Some(l),
            ..
        } => LiteralRef::new_language_tagged_literal_unchecked(value, l).into(),
        Value::Literal {
            value, datatype, ..
        } => LiteralRef::new_typed_literal(value, n(datatype)).into(),
    }
}

/// Writes the kept statements about resources that are not nodes.
pub(super) fn emit_statements<F, E>(g: &GovGraph, sink: &mut F) -> Result<(), E>
where
    F: FnMut(TripleRef<'_>) -> Result<(), E>,
{
    for st in g.statements() {
        let subject: NamedOrBlankNodeRef<'_> = match &st.subject {
            Value::Iri(i) => n(i).into(),
            Value::Blank(b) => BlankNodeRef::new_unchecked(b).into(),
            Value::Literal { .. } => continue,
        };
        sink(TripleRef::new(
            subject,
            n(&st.property),
            value_term(&st.value),
        ))?;
    }
    Ok(())
}

/// The IRI of a body's function scheme.
pub(crate) fn scheme_iri(base: &str, org_slug: &str, out: &mut String) {
    out.clear();
    out.push_str(base);
    out.push_str("functions/");
    out.push_str(org_slug);
}

/// The IRI of a site's address.
pub(crate) fn address_iri(base: &str, site_slug: &str, out: &mut String) {
    out.clear();
    out.push_str(base);
    out.push_str("address/");
    out.push_str(site_slug);
}

/// The blank node label of a tenure's interval (`during`) or instants
/// (`begin`, `end`).
pub(crate) fn blank_label(tenure: &Slug, suffix: &str, out: &mut String) {
    out.clear();
    out.push_str("membership-");
    out.push_str(tenure.as_str());
    out.push('-');
    out.push_str(suffix);
}
