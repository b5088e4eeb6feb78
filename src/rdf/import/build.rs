//! The builder: nodes from groups, then links, derived triples and
//! statements.

use std::collections::{HashMap, HashSet};

use oxrdf::{NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Term, TermRef};

use super::super::mapping::time::change_kind_of;
use super::super::mapping::{Derivation, DerivedRow, LOOKUPS, When, is_concept, kind_of_class};
use super::super::vocab::{dct, foaf, gg, org, rdf, rdfs, skos};
use super::document::{Document, TripleRef, subject_key};
use super::error::{ImportError, bad, graph_err, wrong};
use super::report::{ImportNote, ImportReport, Imported, NoteKind};
use super::values::{lang_literal, term_value};
use crate::graph::{GovGraph, Pos};
use crate::model::{Annotation, Labels, Node, NodeKind, Relation, Slug, Source};

/// The first kind of change a subject's `gg:changeKind` names.
pub(super) fn change_kind(triples: &[TripleRef<'_>]) -> Option<crate::model::ChangeKind> {
    triples.iter().find_map(|(p, o)| match o {
        TermRef::NamedNode(c) if p.as_str() == gg::CHANGE_KIND => change_kind_of(c.as_str()),
        _ => None,
    })
}

/// A subject's triples as `(predicate, object)`.
pub(super) type Triples = Vec<(NamedNode, Term)>;

impl Document {
    /// Builds the graph the document describes.
    pub(super) fn build(mut self, base: &str) -> Result<Imported, ImportError> {
        let report = std::mem::take(&mut self.report);
        let groups = self.len();
        let mut b = Builder {
            base,
            g: GovGraph::new(),
            report,
            doc: &self,
            nodes: Nodes {
                of_group: vec![None; groups],
                group_of_node: Vec::with_capacity(groups),
                making: 0,
            },
            claims: Claims {
                consumed: vec![false; groups],
                triples: HashSet::new(),
            },
            names: Names::default(),
            facts: DocFacts::default(),
            later: Deferred::default(),
        };
        let mut https: Vec<usize> = self.https_schema.iter().copied().collect();
        https.sort_unstable();
        for i in https {
            b.note(
                &self.subject_owned(i),
                NoteKind::Normalised,
                "https://schema.org/ read as http://schema.org/".to_owned(),
            );
        }
        // Addresses named by more than one site stay shared data.
        let mut first_site: HashMap<TermRef<'_>, NamedOrBlankNodeRef<'_>> = HashMap::new();
        for i in 0..self.len() {
            let subject = self.subject(i);
            for (p, o) in self.triples(i) {
                if p.as_str() == org::SITE_ADDRESS
                    && *first_site.entry(o).or_insert(subject) != subject
                {
                    b.facts.shared_addresses.insert(o.into_owned());
                }
                if p.as_str() == org::PURPOSE {
                    if let TermRef::NamedNode(n) = o {
                        b.facts.purposes.insert(n.as_str().to_owned());
                    }
                }
            }
        }
        // Nodes first, in the order their subjects first appear.
        let mut kinds = Vec::with_capacity(self.len());
        for i in 0..self.len() {
            kinds.push(b.kind_of(i)?);
        }
        // Room for exactly the nodes the document has (many subjects are
        // not nodes: intervals, addresses, relationship nodes).
        let nodes = kinds.iter().flatten().count();
        b.g = GovGraph::with_capacity(nodes, b.report.triples / 4);
        let mut leftovers = Vec::new();
        for (i, kind) in kinds.into_iter().enumerate() {
            if let Some(kind) = kind {
                b.nodes.making = i;
                let rest = b.make_node(kind, i, &self)?;
                b.claims.consumed[i] = true;
                leftovers.push((i, rest));
            }
        }
        // Annotations in document order: first what no field took, then
        // links to resources that are not nodes, then derived triples the
        // graph does not re-derive. A second import keeps this order.
        for (i, rest) in leftovers {
            let Some(ix) = b.nodes.of_group[i] else {
                continue;
            };
            let subject = self.subject_owned(i);
            for (p, o) in rest {
                b.keep_annotation(ix, &subject, &p, &o)?;
            }
        }
        let in_force = b.resolve_relationships()?;
        b.resolve_links(&in_force)?;
        for scheme in std::mem::take(&mut b.later.schemes) {
            if b.g.out(scheme.body, Relation::HasFunction).next().is_some() {
                b.consume_scheme(&self, &scheme.iri, &scheme.label);
            }
        }
        b.resolve_holdings()?;
        self.keep_statements(&mut b)?;
        b.report.nodes = b.g.node_count();
        b.report.links = b.g.link_count();
        Ok(Imported {
            graph: b.g,
            report: b.report,
        })
    }
}

/// A triple of a node's subject that is read once every node exists: its
/// subject by its group (no copy), its predicate as the mapping states it
/// (no copy), its object.
pub(super) struct Later<'a> {
    /// The group of the subject (a node's).
    pub group: usize,
    /// The predicate IRI.
    pub predicate: &'static str,
    pub object: TermRef<'a>,
}

impl Later<'_> {
    /// The predicate as a term, for messages and annotations.
    pub(super) fn predicate(&self) -> NamedNode {
        NamedNode::new_unchecked(self.predicate)
    }
}

/// A link read from a triple, resolved once every node exists.
pub(super) struct Pending<'a> {
    pub relation: Relation,
    /// Read in its forward direction: the link goes from the triple's
    /// subject to its object (else from the object to the subject).
    pub forward: bool,
    /// The triple it came from, for messages and for keeping it when the
    /// other end is not a node.
    pub triple: Later<'a>,
}

/// A person holding a post, read from `org:holds` (the subject is the
/// person) or `org:heldBy` (the subject is the post): a tenure is made for
/// it when no membership records it.
pub(super) struct Holding<'a> {
    /// True for `org:holds`.
    pub subject_is_person: bool,
    pub triple: Later<'a>,
}

/// A triple that looks derived ([`Derivation`]), checked once the graph is
/// built: dropped when the graph derives it again, else kept.
pub(super) struct DerivedFact {
    pub node: Pos,
    pub derivation: Derivation,
    pub predicate: &'static str,
    pub object: Term,
}

/// A body's function scheme as the export would write it.
pub(super) struct Scheme {
    pub body: Pos,
    pub iri: String,
    pub label: String,
}

/// Which node each group made, and the reverse.
pub(super) struct Nodes {
    /// The node made from each group, by group position.
    pub of_group: Vec<Option<Pos>>,
    /// The group of each node, in insertion order.
    pub group_of_node: Vec<usize>,
    /// The group being read.
    pub making: usize,
}

/// What of the document is read into nodes.
pub(super) struct Claims {
    /// Groups read whole (a node's, an address's, an interval's).
    pub consumed: Vec<bool>,
    /// Single triples (group, position) the export derives, read and not
    /// kept.
    pub triples: HashSet<(usize, usize)>,
}

/// The names in use, so that a minted one never collides.
#[derive(Default)]
pub(super) struct Names {
    /// Every IRI of the document under the base, so that a minted slug
    /// never makes the IRI of another resource; gathered the first time a
    /// slug is minted (documents we wrote never need it).
    pub under_base: Option<HashSet<String>>,
    /// Every blank node label of the document, gathered the first time an
    /// interval is read under labels other than the ones the export makes.
    pub blanks: Option<HashSet<String>>,
}

/// Facts about the whole document that reading one subject needs.
#[derive(Default)]
pub(super) struct DocFacts {
    /// Objects of `org:purpose`: concepts that are functions.
    pub purposes: HashSet<String>,
    /// Objects of `org:siteAddress` that more than one site names.
    pub shared_addresses: HashSet<Term>,
}

/// What is resolved once every node exists.
#[derive(Default)]
pub(super) struct Deferred<'a> {
    pub pending: Vec<Pending<'a>>,
    pub holdings: Vec<Holding<'a>>,
    pub derived: Vec<DerivedFact>,
    pub schemes: Vec<Scheme>,
}

pub(super) struct Builder<'a> {
    pub base: &'a str,
    pub g: GovGraph,
    pub report: ImportReport,
    /// The document read.
    pub doc: &'a Document,
    pub nodes: Nodes,
    pub claims: Claims,
    pub names: Names,
    pub facts: DocFacts,
    pub later: Deferred<'a>,
}

/// What a node of each kind reads from its own triples.
#[derive(Default)]
pub(super) struct Fields {
    pub labels: Labels,
    pub description: Option<String>,
    pub sources: Vec<Source>,
    /// A head post's `gg:heads` or `org:role org:Head` was read.
    pub head_post: bool,
    /// An acting tenure's `org:role gg:Acting` was read.
    pub acting: bool,
    /// Triples that look derived, checked once the graph is built.
    pub derived: Vec<(&'static DerivedRow, Term)>,
    pub rest: Triples,
}

impl<'a> Builder<'a> {
    pub(super) fn note(&mut self, subject: &NamedOrBlankNode, kind: NoteKind, detail: String) {
        self.report.notes.push(ImportNote {
            subject: subject.to_string(),
            kind,
            detail,
        });
    }

    /// The kind of node a subject is, from its types; `None` for a subject
    /// that is no node.
    fn kind_of(&self, group: usize) -> Result<Option<NodeKind>, ImportError> {
        let mut kind: Option<NodeKind> = None;
        for (p, o) in self.doc.triples(group) {
            if p.as_str() != rdf::TYPE {
                continue;
            }
            let TermRef::NamedNode(class) = o else {
                continue;
            };
            let c = class.as_str();
            let k = if let Some(k) = kind_of_class(c) {
                k
            } else if is_concept(c) {
                let iri = match self.doc.subject(group) {
                    NamedOrBlankNodeRef::NamedNode(n) => n.as_str(),
                    NamedOrBlankNodeRef::BlankNode(_) => "",
                };
                let under_functions = iri
                    .strip_prefix(self.base)
                    .is_some_and(|r| r.starts_with("function/"));
                if self.facts.purposes.contains(iri) || under_functions {
                    NodeKind::Function
                } else {
                    NodeKind::Category
                }
            } else {
                continue;
            };
            match kind {
                Some(first) if first != k => {
                    return Err(ImportError::KindConflict {
                        subject: self.doc.subject(group).to_string(),
                        first,
                        second: k,
                    });
                }
                _ => kind = Some(k),
            }
        }
        // An event is a node only with a kind of change the model knows;
        // any other is kept as written.
        if kind == Some(NodeKind::Event) && change_kind(&self.doc.triple_vec(group)).is_none() {
            return Ok(None);
        }
        Ok(kind)
    }

    /// Whether no node of `kind` has `slug` yet. A node takes the slug
    /// [`slug_for`](Self::slug_for) gives it as soon as it is read (the
    /// reader inserts it before the next subject is read), so the graph's
    /// own slug index answers.
    pub(super) fn slug_free(&self, kind: NodeKind, slug: &Slug) -> bool {
        self.g.id_by_slug(kind, slug.as_str()).is_none()
    }

    /// Whether the document names `iri` (under the base), as a subject or
    /// an object.
    pub(super) fn iri_taken(&mut self, iri: &str) -> bool {
        self.names
            .under_base
            .get_or_insert_with(|| self.doc.iris_under(self.base))
            .contains(iri)
    }

    /// Whether the document names the blank node `label`, as a subject or
    /// an object.
    pub(super) fn blank_taken(&mut self, label: &str) -> bool {
        self.names
            .blanks
            .get_or_insert_with(|| self.doc.blank_labels())
            .contains(label)
    }

    /// The slug of a subject: the last segment of `<base><kind>/<slug>`, or
    /// one made from the IRI (and noted).
    pub(super) fn slug_for(
        &mut self,
        kind: NodeKind,
        subject: &NamedOrBlankNode,
        hint: Option<&str>,
    ) -> Slug {
        if let NamedOrBlankNode::NamedNode(n) = subject {
            let own = n
                .as_str()
                .strip_prefix(self.base)
                .and_then(|r| r.strip_prefix(kind.segment()))
                .and_then(|r| r.strip_prefix('/'))
                .and_then(|r| Slug::new(r).ok());
            if let Some(s) = own.filter(|_| kind != NodeKind::Website) {
                if self.slug_free(kind, &s) {
                    return s;
                }
            }
        }
        let raw = match (hint, subject) {
            (Some(h), _) => h.to_owned(),
            (None, NamedOrBlankNode::NamedNode(n)) => {
                let iri = n.as_str().trim_end_matches(['/', '#']);
                let cut = iri.rfind(['/', '#', ':']).map_or(0, |i| i + 1);
                iri[cut..].to_owned()
            }
            (None, NamedOrBlankNode::BlankNode(b)) => b.as_str().to_owned(),
        };
        let stem = Slug::from_name(&raw)
            .map_or_else(|_| kind.segment().to_owned(), |s| s.as_str().to_owned());
        let mut candidate = stem.clone();
        let mut n = 1u32;
        loop {
            // A minted slug must not give the IRI of another resource of
            // the document, or the export would merge the two.
            let iri = format!("{}{}/{candidate}", self.base, kind.segment());
            let free = kind == NodeKind::Website || !self.iri_taken(&iri);
            if let (true, Ok(s)) = (free, Slug::new(candidate.as_str())) {
                if self.slug_free(kind, &s) {
                    if hint.is_none() {
                        self.note(
                            subject,
                            NoteKind::MintedSlug,
                            format!(
                                "not an IRI of the form <base>{}/<slug>: slug {s} made for it",
                                kind.segment()
                            ),
                        );
                    }
                    return s;
                }
            }
            n += 1;
            candidate = format!("{stem}-{n}");
        }
    }

    /// Reads what every kind shares: links (from [`mapping`]'s rows for
    /// `kind`), derived and constant triples, labels, description, sources;
    /// returns them with the other triples.
    ///
    /// [`mapping`]: super::super::mapping
    pub(super) fn common(
        &mut self,
        kind: NodeKind,
        subject: &NamedOrBlankNode,
        triples: &[TripleRef<'a>],
        expected_types: &dyn Fn(&str) -> bool,
        person: bool,
    ) -> Result<Fields, ImportError> {
        let mut f = Fields::default();
        let mut loose: Vec<TripleRef<'_>> = Vec::new();
        for &(p, o) in triples {
            if let Some(read) = LOOKUPS.link(kind, p.as_str()) {
                // A triple linking a subject to itself reads as forward.
                let to_itself = match o {
                    TermRef::NamedNode(n) => subject_key(subject) == (false, n.as_str()),
                    TermRef::BlankNode(b) => subject_key(subject) == (true, b.as_str()),
                    TermRef::Literal(_) => false,
                };
                f.head_post |= read.row.when == When::HeadPost;
                self.later.pending.push(Pending {
                    relation: read.relation,
                    forward: read.forward || to_itself,
                    triple: self.later_triple(read.row.predicate, o),
                });
                continue;
            }
            if let Some(row) = LOOKUPS.derived_row(kind, p.as_str()) {
                if self.defer(row, o, &mut f) {
                    continue;
                }
            }
            if let TermRef::NamedNode(n) = o {
                match LOOKUPS.constant(kind, p.as_str(), n.as_str()) {
                    Some(When::Acting) => {
                        f.acting = true;
                        continue;
                    }
                    Some(_) => {
                        f.head_post = true;
                        continue;
                    }
                    None => {}
                }
            }
            match p.as_str() {
                rdf::TYPE if matches!(o, TermRef::NamedNode(c) if expected_types(c.as_str())) => {}
                skos::PREF_LABEL => {
                    let (text, lang) = lang_literal(subject, p, o)?;
                    if f.labels.preferred(&lang).is_some() {
                        f.labels.add_alternate(lang, text);
                        self.note(
                            subject,
                            NoteKind::Normalised,
                            "a second skos:prefLabel in one language read as skos:altLabel"
                                .to_owned(),
                        );
                    } else {
                        f.labels.set_preferred(lang, text);
                    }
                }
                skos::ALT_LABEL => {
                    let (text, lang) = lang_literal(subject, p, o)?;
                    f.labels.add_alternate(lang, text);
                }
                rdfs::LABEL | foaf::NAME => loose.push((p, o)),
                dct::DESCRIPTION => match o {
                    TermRef::Literal(l)
                        if f.description.is_none() && matches!(l.language(), None | Some("en")) =>
                    {
                        f.description = Some(l.value().to_owned());
                    }
                    TermRef::Literal(_) => f.rest.push((p.into_owned(), o.into_owned())),
                    _ => return Err(wrong(subject, p, o, "expected a literal")),
                },
                dct::SOURCE => {
                    let TermRef::NamedNode(n) = o else {
                        return Err(wrong(
                            subject,
                            p,
                            o,
                            "expected an IRI, found a literal or blank node",
                        ));
                    };
                    f.sources.push(
                        Source::new(n.as_str()).map_err(|e| bad(subject, p, o, e.to_string()))?,
                    );
                }
                _ => f.rest.push((p.into_owned(), o.into_owned())),
            }
        }
        self.loose_labels(subject, loose, person, &mut f.labels)?;
        Ok(f)
    }

    /// Reads `rdfs:label` and `foaf:name`: the same text as a preferred
    /// label is the export's own redundancy; anything else is a variant.
    fn loose_labels(
        &mut self,
        subject: &NamedOrBlankNode,
        loose: Vec<TripleRef<'_>>,
        person: bool,
        labels: &mut Labels,
    ) -> Result<(), ImportError> {
        // rdfs:label and foaf:name: the same text as a preferred label is
        // the export's own redundancy; anything else is a variant.
        for (p, o) in loose {
            let (text, lang) = lang_literal(subject, p, o)?;
            if labels.preferred(&lang) == Some(text.as_str())
                && (person || p.as_str() == foaf::NAME)
            {
                continue;
            }
            if labels.preferred(&lang) == Some(text.as_str()) {
                continue;
            }
            if labels.preferred(&lang).is_none() {
                labels.set_preferred(lang, text);
            } else {
                labels.add_alternate(lang, text);
            }
            let term = if p.as_str() == foaf::NAME {
                "foaf:name"
            } else {
                "rdfs:label"
            };
            self.note(
                subject,
                NoteKind::Normalised,
                format!("{term} read as a skos label"),
            );
        }
        Ok(())
    }

    /// Sets a triple that looks derived aside: a holding, or a fact to
    /// check once the graph is built. False when it is not read as derived
    /// (a function's scheme that is not an IRI).
    fn defer(&mut self, row: &'static DerivedRow, o: TermRef<'a>, f: &mut Fields) -> bool {
        let subject_is_person = match row.derivation {
            Derivation::HoldersOfPost => false,
            Derivation::PostsHeld => true,
            Derivation::FunctionScheme if !matches!(o, TermRef::NamedNode(_)) => return false,
            _ => {
                f.derived.push((row, o.into_owned()));
                return true;
            }
        };
        let triple = self.later_triple(row.predicate, o);
        self.later.holdings.push(Holding {
            subject_is_person,
            triple,
        });
        true
    }

    /// A triple of the group being read, set aside.
    fn later_triple(&self, predicate: &'static str, object: TermRef<'a>) -> Later<'a> {
        Later {
            group: self.nodes.making,
            predicate,
            object,
        }
    }

    /// Records the derived-looking facts of the node at `ix`.
    pub(super) fn defer_derived(&mut self, ix: Pos, facts: Vec<(&'static DerivedRow, Term)>) {
        self.later
            .derived
            .extend(facts.into_iter().map(|(row, object)| DerivedFact {
                node: ix,
                derivation: row.derivation,
                predicate: row.predicate,
                object,
            }));
    }

    pub(super) fn insert(&mut self, node: Node, s: &NamedOrBlankNode) -> Result<Pos, ImportError> {
        let kind = node.kind();
        let id = self.g.insert(node).map_err(|source| ImportError::Graph {
            subject: s.to_string(),
            predicate: rdf::TYPE.to_owned(),
            object: kind.to_string(),
            source,
        })?;
        let ix = self
            .g
            .index_of(id)
            .expect("the graph just returned this id");
        self.nodes.of_group[self.nodes.making] = Some(ix);
        self.nodes.group_of_node.push(self.nodes.making);
        Ok(ix)
    }

    pub(super) fn node_of<'t>(&self, t: impl Into<TermRef<'t>>) -> Option<Pos> {
        self.nodes.of_group[self.doc.group_of(t)?]
    }

    /// The subject a node was read from.
    pub(super) fn subject_of(&self, ix: Pos) -> NamedOrBlankNode {
        let node = self.g.id_at(ix).raw() as usize;
        self.doc.subject_owned(self.nodes.group_of_node[node])
    }

    pub(super) fn keep_annotation<'t>(
        &mut self,
        ix: Pos,
        subject: &NamedOrBlankNode,
        p: impl Into<NamedNodeRef<'t>>,
        o: impl Into<TermRef<'t>>,
    ) -> Result<(), ImportError> {
        let (p, o) = (p.into(), o.into());
        let id = self.g.id_at(ix);
        self.note(
            subject,
            NoteKind::Kept,
            format!("<{}> {o} kept as an annotation", p.as_str()),
        );
        self.g
            .annotate(
                id,
                Annotation {
                    property: p.as_str().to_owned(),
                    value: term_value(o),
                },
            )
            .map_err(graph_err(subject, p, o))?;
        self.report.annotations += 1;
        Ok(())
    }
}
