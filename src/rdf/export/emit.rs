//! One node's triples, written through a sink: its classes and the rows of
//! its layout come from `rdf/mapping`; its fields
//! (labels, dates, an address, …) are written here.
//!
//! Long (over 800 lines) because it is the one place where RDF meets each
//! node kind's fields; the rows themselves live in `rdf/mapping`, and
//! splitting the fields by kind would scatter the shared subject writer.

use std::fmt;

use oxrdf::{BlankNodeRef, LiteralRef, NamedNodeRef, NamedOrBlankNodeRef, TermRef, TripleRef};

use super::super::mapping::time::{DATED_LINKS, change_kind_concept};
use super::super::mapping::{
    self, DATES, Derivation, DerivedRow, Dir, LinkRow, Row, When, category_scheme,
    forward_predicate,
};
use super::super::vocab::{dct, foaf, gg, org, rdf, rdfs, schema, skos, time, vcard, xsd};
use super::Opts;
use crate::graph::{GovGraph, Pos};
use crate::model::{
    Bound, DatePrecision, Interval, Labels, Node, NodeKind, PartialDate, Relation, Slug, Source,
    Value, check_iri,
};

/// Reusable string buffers, so that emitting allocates nothing per triple
/// once they have grown.
#[derive(Default)]
pub(super) struct Bufs {
    subject: String,
    object: String,
    aux: String,
    value: String,
    extra: String,
    edges: Edges,
    dated: Vec<(Relation, Pos, Interval)>,
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

fn gather(ctx: Ctx<'_>, ix: Pos, edges: &mut Edges) {
    edges.clear();
    let g = ctx.g;
    match ctx.opts.as_of {
        None => edges.extend(g.touching(ix).map(|(rel, other, out)| (rel, !out, other))),
        Some(on) => edges.extend(
            g.touching_at(ix, Some(on))
                .filter(|&(_, other, _)| ctx.visible(other))
                .map(|(rel, other, out)| (rel, !out, other)),
        ),
    }
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
        When::Acting => matches!(source, Node::Tenure(t) if t.acting),
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
    /// True for a full export (not a snapshot).
    pub(super) fn opts_full(self) -> bool {
        self.opts.as_of.is_none()
    }

    /// Whether the node at `ix` is written: every node in a full export; in
    /// a snapshot, the nodes in force on its date, and no event.
    pub(super) fn visible(self, ix: Pos) -> bool {
        match self.opts.as_of {
            None => true,
            Some(on) => {
                self.g.node_live(ix, Some(on)) && self.g.node_at(ix).kind() != NodeKind::Event
            }
        }
    }

    /// Whether the tenure at `t` gives its holder `org:holds`, its post
    /// `org:heldBy` and its body a head: in force now (no end) in a full
    /// export, in force on the date in a snapshot.
    fn tenure_counts(self, t: Pos) -> bool {
        match self.g.node_at(t) {
            Node::Tenure(tenure) => match self.opts.as_of {
                None => tenure.is_current(),
                Some(on) => tenure.during().holds(on),
            },
            _ => false,
        }
    }

    /// The parent of the body at `ix` the export writes: in force now, or
    /// on the snapshot's date.
    fn parent(self, ix: Pos) -> Option<Pos> {
        match self.opts.as_of {
            None => self.g.parent_of(ix),
            Some(on) => self
                .g
                .out_at(ix, Relation::SubOrganizationOf, Some(on))
                .find(|&p| self.visible(p)),
        }
    }

    /// The body the post at `ix` is in, as the export writes it.
    fn body_of_post(self, ix: Pos) -> Option<Pos> {
        match self.opts.as_of {
            None => self.g.out(ix, Relation::PostIn).next(),
            Some(on) => self
                .g
                .out_at(ix, Relation::PostIn, Some(on))
                .find(|&p| self.visible(p)),
        }
    }

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
                let mut at = self.parent(ix);
                while let Some(up) = at {
                    write(up, sub)?;
                    at = self.parent(up);
                }
            }
            Derivation::HoldersOfPost => {
                for t in run(edges, Relation::TenureOf, false) {
                    if !self.tenure_counts(t) {
                        continue;
                    }
                    if let Some(person) = g.out(t, Relation::Holder).next() {
                        write(person, sub)?;
                    }
                }
            }
            Derivation::PostsHeld => {
                for t in run(edges, Relation::Holder, false) {
                    if !self.tenure_counts(t) {
                        continue;
                    }
                    let post = g.out(t, Relation::TenureOf).next();
                    if let Some(post) = post.filter(|&p| self.visible(p)) {
                        write(post, sub)?;
                    }
                }
            }
            Derivation::BodiesHeaded => {
                for t in run(edges, Relation::Holder, false) {
                    let Some(post) = g.out(t, Relation::TenureOf).next() else {
                        continue;
                    };
                    let heads = matches!(g.node_at(post), Node::Post(p) if p.heads);
                    if heads && self.tenure_counts(t) && self.visible(post) {
                        if let Some(body) = self.body_of_post(post) {
                            write(body, sub)?;
                        }
                    }
                }
            }
            Derivation::TenureBody => {
                if let Some(post) = g.out(ix, Relation::TenureOf).next() {
                    if let Some(body) = self.body_of_post(post) {
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
        if !self.visible(ix) {
            return Ok(());
        }
        let Bufs {
            subject,
            object,
            aux,
            value,
            extra,
            edges,
            dated,
        } = bufs;
        let g = self.g;
        gather(self, ix, edges);
        let edges = &*edges;
        iri_into(self.base, g, ix, subject);
        let mut sub = Subject {
            s: n(subject).into(),
            sink,
        };
        let node = g.node_at(ix);
        for class in mapping::classes_of(node) {
            sub.iri(rdf::TYPE, class)?;
        }
        fields(self, node, &mut sub, aux, value)?;
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
        let sink = sub.sink;
        owned(
            self,
            ix,
            sink,
            Scratch {
                object,
                aux,
                value,
                extra,
            },
        )?;
        if self.opts.as_of.is_none() {
            self.relationships(
                ix,
                dated,
                sink,
                Scratch {
                    object,
                    aux,
                    value,
                    extra,
                },
            )?;
        }
        Ok(())
    }

    /// Writes a relationship node for each dated link from the node at
    /// `ix`, in force or ended (VOCABULARY.md, "Time"): in the order of
    /// [`dated_links`], each labelled `<segment>-<slug>-link<k>`.
    fn relationships<F, E>(
        self,
        ix: Pos,
        dated: &mut Vec<(Relation, Pos, Interval)>,
        sink: &mut F,
        b: Scratch<'_>,
    ) -> Result<(), E>
    where
        F: FnMut(TripleRef<'_>) -> Result<(), E>,
    {
        let Scratch {
            object,
            aux,
            value,
            extra,
        } = b;
        let g = self.g;
        dated_links(g, ix, dated);
        for (k, &(rel, other, during)) in dated.iter().enumerate() {
            let Some(shape) = DATED_LINKS.iter().find(|d| d.relation == rel) else {
                continue;
            };
            link_label(g, ix, k, extra);
            let mut r = Subject {
                s: BlankNodeRef::new_unchecked(extra).into(),
                sink,
            };
            r.iri(rdf::TYPE, shape.class)?;
            iri_into(self.base, g, ix, object);
            r.iri(shape.source, object)?;
            if shape.states_predicate {
                r.iri(rdf::PREDICATE, forward_predicate(rel))?;
            }
            iri_into(self.base, g, other, object);
            r.iri(shape.target, object)?;
            interval_label(extra, "during", aux);
            r.t(gg::DURING, BlankNodeRef::new_unchecked(aux))?;
            write_interval(extra, &during, sink, object, aux, value)?;
        }
        Ok(())
    }
}

/// The dated links from the node at `ix` (of the relations that can be
/// dated), in force or ended, sorted by relation, then the target's graph
/// order, then interval: an order that depends only on the graph, never
/// on the order the links were made, so a graph read back writes the same
/// labels. O(out-degree · log).
pub(crate) fn dated_links(g: &GovGraph, ix: Pos, out: &mut Vec<(Relation, Pos, Interval)>) {
    out.clear();
    if !DATED_LINKS
        .iter()
        .any(|d| d.relation.endpoints().0.contains(&g.node_at(ix).kind()))
    {
        return;
    }
    // One pass over the node's links, not one per shape.
    out.extend(
        g.dated_out(ix)
            .filter(|(rel, _, _)| DATED_LINKS.iter().any(|d| d.relation == *rel)),
    );
    out.sort_unstable();
}

/// The blank label of the `k`-th dated link from the node at `ix`
/// (`org-general-office-link0`): the segment, the slug and the number
/// read back unambiguously from the right.
pub(crate) fn link_label(g: &GovGraph, ix: Pos, k: usize, out: &mut String) {
    use fmt::Write as _;
    out.clear();
    let node = g.node_at(ix);
    out.push_str(node.kind().segment());
    out.push('-');
    out.push_str(node.slug().as_str());
    let _ = write!(out, "-link{k}");
}

/// The blank label of the `k`-th dated name of the body `slug`.
pub(crate) fn name_label(slug: &Slug, k: usize, out: &mut String) {
    use fmt::Write as _;
    out.clear();
    out.push_str("org-");
    out.push_str(slug.as_str());
    let _ = write!(out, "-name{k}");
}

/// The label of a resource's interval (`during`) or instants (`begin`,
/// `end`): `<base>-<suffix>`.
pub(crate) fn interval_label(base: &str, suffix: &str, out: &mut String) {
    out.clear();
    out.push_str(base);
    out.push('-');
    out.push_str(suffix);
}

/// Writes the interval `<base>-during` and its instants `<base>-begin` and
/// `<base>-end` (an instant with no position for an undated bound).
fn write_interval<F, E>(
    base: &str,
    during: &Interval,
    sink: &mut F,
    label: &mut String,
    instant_label: &mut String,
    value: &mut String,
) -> Result<(), E>
where
    F: FnMut(TripleRef<'_>) -> Result<(), E>,
{
    interval_label(base, "during", label);
    let mut interval = Subject {
        s: BlankNodeRef::new_unchecked(label).into(),
        sink,
    };
    interval.iri(rdf::TYPE, time::PROPER_INTERVAL)?;
    if during.start.is_some() {
        interval_label(base, "begin", instant_label);
        interval.t(
            time::HAS_BEGINNING,
            BlankNodeRef::new_unchecked(instant_label),
        )?;
    }
    if during.end.is_some() {
        interval_label(base, "end", instant_label);
        interval.t(time::HAS_END, BlankNodeRef::new_unchecked(instant_label))?;
    }
    for (bound, suffix) in [(during.start, "begin"), (during.end, "end")] {
        let Some(bound) = bound else { continue };
        interval_label(base, suffix, instant_label);
        let mut instant = Subject {
            s: BlankNodeRef::new_unchecked(instant_label).into(),
            sink: interval.sink,
        };
        instant.iri(rdf::TYPE, time::INSTANT)?;
        // An undated bound is an instant with no position.
        let Bound::Date(date) = bound else { continue };
        let p = match date.precision() {
            DatePrecision::Day => time::IN_XSD_DATE,
            DatePrecision::Month => time::IN_XSD_G_YEAR_MONTH,
            DatePrecision::Year => time::IN_XSD_G_YEAR,
        };
        instant.t(p, date_literal(date, value))?;
    }
    Ok(())
}

/// The buffers the owned resources use.
struct Scratch<'b> {
    object: &'b mut String,
    aux: &'b mut String,
    value: &'b mut String,
    extra: &'b mut String,
}

/// Writes a body's fields: labels, dated names, dates and details.
fn organization_fields<F, E>(
    ctx: Ctx<'_>,
    node: &Node,
    o: &crate::model::Organization,
    sub: &mut Subject<'_, '_, F>,
    aux: &mut String,
    value: &mut String,
) -> Result<(), E>
where
    F: FnMut(TripleRef<'_>) -> Result<(), E>,
{
    sub.labels(&o.labels, false)?;
    dated_names(ctx, o, sub, aux)?;
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
    Ok(())
}

/// Writes a node's fields: what it holds besides links.
fn fields<F, E>(
    ctx: Ctx<'_>,
    node: &Node,
    sub: &mut Subject<'_, '_, F>,
    aux: &mut String,
    value: &mut String,
) -> Result<(), E>
where
    F: FnMut(TripleRef<'_>) -> Result<(), E>,
{
    let base = ctx.base;
    match node {
        Node::Organization(o) => organization_fields(ctx, node, o, sub, aux, value)?,
        Node::Post(p) => {
            sub.labels(&p.labels, false)?;
            sub.description(p.description.as_ref())?;
            dates(node, sub, value)?;
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
        Node::Event(e) => {
            for (lang, text) in e.labels.preferred_all() {
                sub.lang(rdfs::LABEL, text, lang.as_str())?;
            }
            for l in e.labels.alternates() {
                sub.lang(skos::ALT_LABEL, &l.text, l.lang.as_str())?;
            }
            sub.iri(gg::CHANGE_KIND, change_kind_concept(e.kind))?;
            dates(node, sub, value)?;
            sub.description(e.description.as_ref())?;
            if let Some(basis) = &e.legal_basis {
                if check_iri(basis).is_ok() {
                    sub.iri(gg::LEGAL_BASIS, basis)?;
                } else {
                    sub.string(gg::LEGAL_BASIS, basis)?;
                }
            }
        }
        Node::Tenure(_) => {}
    }
    Ok(())
}

/// Writes a body's dated names: each as `skos:altLabel` (once, and not
/// when it is already one of the body's labels) and, in a full export, as
/// `gg:name` naming its `gg:DatedName`; in a snapshot, only the names borne
/// on its date, as `skos:altLabel`.
fn dated_names<F, E>(
    ctx: Ctx<'_>,
    o: &crate::model::Organization,
    sub: &mut Subject<'_, '_, F>,
    aux: &mut String,
) -> Result<(), E>
where
    F: FnMut(TripleRef<'_>) -> Result<(), E>,
{
    let names = &o.details().names;
    for (k, name) in names.iter().enumerate() {
        if ctx.opts.as_of.is_some_and(|on| !name.during.holds(on)) {
            continue;
        }
        let lang = name.lang.as_str();
        let labelled = o.labels.preferred(&name.lang) == Some(name.label.as_str())
            || o.labels
                .alternates()
                .any(|l| l.lang == name.lang && l.text == name.label);
        let repeated = names[..k]
            .iter()
            .any(|m| m.lang == name.lang && m.label == name.label);
        if !labelled && !repeated {
            sub.lang(skos::ALT_LABEL, &name.label, lang)?;
        }
    }
    if ctx.opts.as_of.is_none() {
        for k in 0..names.len() {
            name_label(&o.slug, k, aux);
            sub.t(gg::NAME, BlankNodeRef::new_unchecked(aux))?;
        }
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
    let Scratch {
        object,
        aux,
        value,
        extra,
    } = b;
    let g = ctx.g;
    if let Node::Organization(o) = g.node_at(ix) {
        if g.out(ix, Relation::HasFunction).next().is_some() {
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
    }
    match g.node_at(ix) {
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
            extra.clear();
            extra.push_str("membership-");
            extra.push_str(t.slug.as_str());
            write_interval(extra, &t.during(), sink, aux, object, value)?;
        }
        Node::Organization(o) if ctx.opts.as_of.is_none() => {
            for (k, name) in o.details().names.iter().enumerate() {
                name_label(&o.slug, k, extra);
                let mut r = Subject {
                    s: BlankNodeRef::new_unchecked(extra).into(),
                    sink,
                };
                r.iri(rdf::TYPE, gg::DATED_NAME)?;
                r.lang(rdfs::LABEL, &name.label, name.lang.as_str())?;
                if !name.during.is_timeless() {
                    interval_label(extra, "during", aux);
                    r.t(gg::DURING, BlankNodeRef::new_unchecked(aux))?;
                    write_interval(extra, &name.during, sink, aux, object, value)?;
                }
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
