//! One reader per kind of node: each reads a subject's triples into a
//! node and hands back what no field took.

use oxrdf::{NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef};

use super::super::mapping::time::change_kind_of;
use super::super::mapping::{
    DATES, category_kind_of_scheme, org_kind_of_class, org_writes_class, place_kind_of_class,
    place_writes_class, plain_writes_class,
};
use super::super::vocab::{gg, org, rdf, rdfs, schema, skos, xsd};
use super::ImportError;
use super::build::{Builder, Fields, Triples, change_kind};
use super::document::{Document, TripleRef};
use super::error::{bad, wrong};
use super::report::NoteKind;
use super::values::{date, description_triple, keep_labels, literal, set_once};
use crate::model::{
    Category, CategoryKind, Event, Function, Jurisdiction, Labels, Logo, Node, NodeKind, OrgKind,
    Organization, Person, Place, PlaceKind, Post, Site, Slug, Source, Tenure, Website, check_iri,
};

/// A node read from its subject, and the triples no field took.
pub(super) struct Read {
    pub node: Node,
    pub rest: Triples,
}

impl<'a> Builder<'a> {
    /// Reads the group's node of `kind`, inserts it, and returns the
    /// triples no field took.
    pub(super) fn make_node(
        &mut self,
        kind: NodeKind,
        group: usize,
        doc: &'a Document,
    ) -> Result<Triples, ImportError> {
        let s = &doc.subject_owned(group);
        let t = &doc.triple_vec(group);
        let (Read { mut node, rest }, f) = match kind {
            NodeKind::Organization => self.read_org(s, t, doc)?,
            NodeKind::Post => self.read_post(s, t)?,
            NodeKind::Person => self.read_person(s, t)?,
            NodeKind::Tenure => self.read_tenure(s, t, doc)?,
            NodeKind::Jurisdiction => self.read_jurisdiction(s, t)?,
            NodeKind::Site => self.read_site(s, t, doc)?,
            NodeKind::Place => self.read_place(s, t)?,
            NodeKind::Function => self.read_function(s, t)?,
            NodeKind::Website => self.read_website(s, t)?,
            NodeKind::Category => self.read_category(s, t)?,
            NodeKind::Event => self.read_event(s, t)?,
        };
        let rest = read_dates(&mut node, s, rest)?;
        // The function scheme the export writes for a body, read once links
        // are made: it is written only for a body with functions.
        let scheme = match &node {
            Node::Organization(o) => Some((
                format!("{}functions/{}", self.base, o.slug),
                format!(
                    "Functions of {}",
                    o.labels.display().unwrap_or(o.slug.as_str())
                ),
            )),
            _ => None,
        };
        let ix = self.insert(node, s)?;
        if let Some((iri, label)) = scheme {
            self.later.schemes.push(super::build::Scheme {
                body: ix,
                iri,
                label,
            });
        }
        self.defer_derived(ix, f.derived);
        Ok(rest)
    }

    fn read_org(
        &mut self,
        s: &NamedOrBlankNode,
        triples: &[TripleRef<'a>],
        doc: &Document,
    ) -> Result<(Read, Fields), ImportError> {
        let mut kind = None;
        let mut is_unit = false;
        let mut is_state = false;
        for (p, o) in triples {
            if let (rdf::TYPE, TermRef::NamedNode(c)) = (p.as_str(), o) {
                if let Some(k) = org_kind_of_class(c.as_str()) {
                    kind.get_or_insert(k);
                }
                is_unit |= c.as_str() == org::ORGANIZATIONAL_UNIT;
                is_state |= c.as_str() == schema::GOVERNMENT_ORGANIZATION;
            }
        }
        let kind = kind.unwrap_or(if is_unit {
            OrgKind::Office
        } else if is_state {
            OrgKind::Agency
        } else {
            OrgKind::Other
        });
        // Only the types the export writes for this kind are read as the
        // kind; any other is kept.
        let mut f = self.common(
            NodeKind::Organization,
            s,
            triples,
            &|c| org_writes_class(kind, c),
            false,
        )?;
        let slug = self.slug_for(NodeKind::Organization, s, None);
        let mut o = Organization::new(slug, kind, "");
        o.labels = std::mem::take(&mut f.labels);
        if f.description.is_some() {
            o.details_mut().description = f.description.take();
        }
        o.sources = std::mem::take(&mut f.sources);
        let rest = org_fields(&mut o, s, std::mem::take(&mut f.rest))?;
        // Dated names, in the order written: the k-th is the export's
        // `org-<slug>-name<k>`.
        let mut left = Vec::with_capacity(rest.len());
        for (p, obj) in rest {
            if p.as_str() == gg::NAME {
                let k = o.details().names.len();
                if let Some(name) = self.dated_name(doc, (&obj).into(), &o.slug, k) {
                    o.details_mut().names.push(name);
                    continue;
                }
            }
            left.push((p, obj));
        }
        let rest = left;
        Ok((
            Read {
                node: Node::Organization(o),
                rest,
            },
            f,
        ))
    }

    fn read_post(
        &mut self,
        s: &NamedOrBlankNode,
        triples: &[TripleRef<'a>],
    ) -> Result<(Read, Fields), ImportError> {
        let mut f = self.common(
            NodeKind::Post,
            s,
            triples,
            &|c| plain_writes_class(NodeKind::Post, c) || c == gg::SINGLE_SEAT_POST,
            false,
        )?;
        let slug = self.slug_for(NodeKind::Post, s, None);
        let mut post = Post::new(slug, "");
        post.single_seat = triples.iter().any(|(p, o)| {
            p.as_str() == rdf::TYPE
                && matches!(o, TermRef::NamedNode(c) if c.as_str() == gg::SINGLE_SEAT_POST)
        });
        post.labels = std::mem::take(&mut f.labels);
        post.description = f.description.take();
        post.sources = std::mem::take(&mut f.sources);
        post.heads = f.head_post;
        let rest = std::mem::take(&mut f.rest);
        Ok((
            Read {
                node: Node::Post(post),
                rest,
            },
            f,
        ))
    }

    fn read_person(
        &mut self,
        s: &NamedOrBlankNode,
        triples: &[TripleRef<'a>],
    ) -> Result<(Read, Fields), ImportError> {
        let mut f = self.common(
            NodeKind::Person,
            s,
            triples,
            &|c| plain_writes_class(NodeKind::Person, c),
            true,
        )?;
        let slug = self.slug_for(NodeKind::Person, s, None);
        let mut person = Person::new(slug, "");
        person.labels = std::mem::take(&mut f.labels);
        person.description = f.description.take();
        person.sources = std::mem::take(&mut f.sources);
        let rest = std::mem::take(&mut f.rest);
        Ok((
            Read {
                node: Node::Person(person),
                rest,
            },
            f,
        ))
    }

    fn read_tenure(
        &mut self,
        s: &NamedOrBlankNode,
        triples: &[TripleRef<'a>],
        doc: &Document,
    ) -> Result<(Read, Fields), ImportError> {
        let mut f = self.common(
            NodeKind::Tenure,
            s,
            triples,
            &|c| plain_writes_class(NodeKind::Tenure, c),
            false,
        )?;
        let slug = self.slug_for(NodeKind::Tenure, s, None);
        let mut t = Tenure::new(slug);
        t.sources = std::mem::take(&mut f.sources);
        t.acting = f.acting;
        let mut rest = keep_labels(&f.labels, f.description.as_ref());
        for (p, obj) in std::mem::take(&mut f.rest) {
            match p.as_str() {
                // Only the first interval is read: reading another would
                // consume its subjects and then drop them.
                org::MEMBER_DURING if t.start.is_none() && t.end.is_none() => {
                    match self.interval(doc, &obj, &t.slug) {
                        Some((start, end)) => {
                            t.start = start;
                            t.end = end;
                        }
                        None => rest.push((p, obj)),
                    }
                }
                _ => rest.push((p, obj)),
            }
        }
        Ok((
            Read {
                node: Node::Tenure(t),
                rest,
            },
            f,
        ))
    }

    fn read_event(
        &mut self,
        s: &NamedOrBlankNode,
        triples: &[TripleRef<'a>],
    ) -> Result<(Read, Fields), ImportError> {
        // An event's names are `rdfs:label` (VOCABULARY.md): read as its
        // preferred labels.
        let relabelled: Vec<TripleRef<'a>> = triples
            .iter()
            .map(|&(p, o)| {
                if p.as_str() == rdfs::LABEL {
                    (NamedNodeRef::new_unchecked(skos::PREF_LABEL), o)
                } else {
                    (p, o)
                }
            })
            .collect();
        let mut f = self.common(
            NodeKind::Event,
            s,
            &relabelled,
            &|c| plain_writes_class(NodeKind::Event, c),
            false,
        )?;
        let kind = change_kind(triples).expect("kind_of makes events only with a kind");
        let slug = self.slug_for(NodeKind::Event, s, None);
        let mut e = Event::new(slug, kind);
        e.labels = std::mem::take(&mut f.labels);
        e.description = f.description.take();
        e.sources = std::mem::take(&mut f.sources);
        let mut kind_read = false;
        let mut rest = Vec::new();
        for (p, obj) in std::mem::take(&mut f.rest) {
            match (p.as_str(), &obj) {
                (gg::CHANGE_KIND, Term::NamedNode(c))
                    if !kind_read && change_kind_of(c.as_str()) == Some(kind) =>
                {
                    kind_read = true;
                }
                (gg::LEGAL_BASIS, Term::NamedNode(n)) if e.legal_basis.is_none() => {
                    e.legal_basis = Some(n.as_str().to_owned());
                }
                (gg::LEGAL_BASIS, Term::Literal(l))
                    if e.legal_basis.is_none()
                        && l.language().is_none()
                        && l.datatype().as_str() == xsd::STRING
                        && check_iri(l.value()).is_err() =>
                {
                    e.legal_basis = Some(l.value().to_owned());
                }
                _ => rest.push((p, obj)),
            }
        }
        Ok((
            Read {
                node: Node::Event(e),
                rest,
            },
            f,
        ))
    }

    fn read_jurisdiction(
        &mut self,
        s: &NamedOrBlankNode,
        triples: &[TripleRef<'a>],
    ) -> Result<(Read, Fields), ImportError> {
        let mut f = self.common(
            NodeKind::Jurisdiction,
            s,
            triples,
            &|c| plain_writes_class(NodeKind::Jurisdiction, c),
            false,
        )?;
        let slug = self.slug_for(NodeKind::Jurisdiction, s, None);
        let mut j = Jurisdiction::new(slug, "");
        j.labels = std::mem::take(&mut f.labels);
        j.description = f.description.take();
        j.sources = std::mem::take(&mut f.sources);
        let rest = std::mem::take(&mut f.rest);
        Ok((
            Read {
                node: Node::Jurisdiction(j),
                rest,
            },
            f,
        ))
    }

    fn read_site(
        &mut self,
        s: &NamedOrBlankNode,
        triples: &[TripleRef<'a>],
        doc: &Document,
    ) -> Result<(Read, Fields), ImportError> {
        // A site's rdfs:label is its one-line address, not a variant.
        let (labels, other): (Vec<_>, Vec<_>) = triples
            .iter()
            .copied()
            .partition(|(p, _)| p.as_str() == rdfs::LABEL);
        let mut f = self.common(
            NodeKind::Site,
            s,
            &other,
            &|c| plain_writes_class(NodeKind::Site, c),
            false,
        )?;
        let slug = self.slug_for(NodeKind::Site, s, None);
        let mut site = Site::new(slug, "");
        site.sources = std::mem::take(&mut f.sources);
        let mut rest = keep_labels(&f.labels, f.description.as_ref());
        for (p, obj) in labels {
            if site.label.is_empty() {
                literal(s, p, obj)?.clone_into(&mut site.label);
            } else {
                rest.push((p.into_owned(), obj.into_owned()));
            }
        }
        for (p, obj) in std::mem::take(&mut f.rest) {
            match p.as_str() {
                // Only the first address is read: reading another
                // would consume its subject and then drop it.
                org::SITE_ADDRESS if site.address.is_empty() => {
                    match self.address(doc, &obj, &site.slug) {
                        Some(a) => *site.address = a,
                        None => rest.push((p, obj)),
                    }
                }
                _ => rest.push((p, obj)),
            }
        }
        Ok((
            Read {
                node: Node::Site(site),
                rest,
            },
            f,
        ))
    }

    fn read_place(
        &mut self,
        s: &NamedOrBlankNode,
        triples: &[TripleRef<'a>],
    ) -> Result<(Read, Fields), ImportError> {
        let mut kind = None;
        let mut admin = false;
        for (p, o) in triples {
            if let (rdf::TYPE, TermRef::NamedNode(c)) = (p.as_str(), o) {
                if let Some(k) = place_kind_of_class(c.as_str()) {
                    kind.get_or_insert(k);
                }
                admin |= c.as_str() == schema::ADMINISTRATIVE_AREA;
            }
        }
        let kind = kind.unwrap_or(if admin {
            PlaceKind::District
        } else {
            PlaceKind::Other
        });
        let mut f = self.common(
            NodeKind::Place,
            s,
            triples,
            &|c| place_writes_class(kind, c),
            false,
        )?;
        let slug = self.slug_for(NodeKind::Place, s, None);
        let mut place = Place::new(slug, kind, "");
        place.labels = std::mem::take(&mut f.labels);
        place.description = f.description.take();
        place.sources = std::mem::take(&mut f.sources);
        let rest = std::mem::take(&mut f.rest);
        Ok((
            Read {
                node: Node::Place(place),
                rest,
            },
            f,
        ))
    }

    fn read_function(
        &mut self,
        s: &NamedOrBlankNode,
        triples: &[TripleRef<'a>],
    ) -> Result<(Read, Fields), ImportError> {
        let mut f = self.common(
            NodeKind::Function,
            s,
            triples,
            &|c| plain_writes_class(NodeKind::Function, c),
            false,
        )?;
        let slug = self.slug_for(NodeKind::Function, s, None);
        let mut func = Function::new(slug, "");
        func.labels = std::mem::take(&mut f.labels);
        func.sources = std::mem::take(&mut f.sources);
        let mut rest = keep_labels(&Labels::new(), f.description.as_ref());
        let mut position = None;
        for (p, obj) in std::mem::take(&mut f.rest) {
            match p.as_str() {
                skos::NOTATION if position.is_none() => {
                    let text = literal(s, &p, &obj)?;
                    let n = text
                        .parse::<u32>()
                        .map_err(|e| bad(s, &p, &obj, format!("not a position: {e}")))?;
                    // Only the form the export writes: `+1` or `01` would
                    // read as 1 and come back as `1`, the text lost.
                    if n.to_string() != text {
                        return Err(bad(
                            s,
                            &p,
                            &obj,
                            "not a position: not in canonical form".to_owned(),
                        ));
                    }
                    position = Some(n);
                }
                _ => rest.push((p, obj)),
            }
        }
        func.position = position.unwrap_or(0);
        Ok((
            Read {
                node: Node::Function(func),
                rest,
            },
            f,
        ))
    }

    fn read_website(
        &mut self,
        s: &NamedOrBlankNode,
        triples: &[TripleRef<'a>],
    ) -> Result<(Read, Fields), ImportError> {
        let mut f = self.common(
            NodeKind::Website,
            s,
            triples,
            &|c| plain_writes_class(NodeKind::Website, c),
            false,
        )?;
        let NamedOrBlankNode::NamedNode(url) = s else {
            return Err(ImportError::BadValue {
                subject: s.to_string(),
                predicate: rdf::TYPE.to_owned(),
                object: format!("<{}>", schema::WEB_SITE),
                reason: "a website must be named by its address, not a blank node".to_owned(),
            });
        };
        let mut hint = None;
        let mut rest = Vec::new();
        for (p, obj) in std::mem::take(&mut f.rest) {
            match p.as_str() {
                gg::SLUG if hint.is_none() => {
                    hint = Some((literal(s, &p, &obj)?.to_owned(), p, obj));
                }
                _ => rest.push((p, obj)),
            }
        }
        let exact = hint
            .as_ref()
            .and_then(|(h, _, _)| Slug::new(h.as_str()).ok());
        let slug = match exact {
            Some(sl) if self.slug_free(NodeKind::Website, &sl) => sl,
            _ => {
                // A gg:slug not used is kept (as an annotation), not lost.
                if let Some((_, p, obj)) = hint.take() {
                    rest.push((p, obj));
                }
                let host = url
                    .as_str()
                    .split("//")
                    .nth(1)
                    .unwrap_or(url.as_str())
                    .to_owned();
                let sl = self.slug_for(NodeKind::Website, s, Some(&host));
                self.note(
                    s,
                    NoteKind::MintedSlug,
                    format!("no usable gg:slug: slug {sl} made from the address"),
                );
                sl
            }
        };
        let mut w = Website::new(slug, url.as_str(), "").map_err(|e| ImportError::BadValue {
            subject: s.to_string(),
            predicate: rdf::TYPE.to_owned(),
            object: format!("<{}>", schema::WEB_SITE),
            reason: e.to_string(),
        })?;
        w.labels = std::mem::take(&mut f.labels);
        w.sources = std::mem::take(&mut f.sources);
        if let Some(d) = f.description.take() {
            rest.push(description_triple(d));
        }
        Ok((
            Read {
                node: Node::Website(w),
                rest,
            },
            f,
        ))
    }

    fn read_category(
        &mut self,
        s: &NamedOrBlankNode,
        triples: &[TripleRef<'a>],
    ) -> Result<(Read, Fields), ImportError> {
        let mut f = self.common(
            NodeKind::Category,
            s,
            triples,
            &|c| plain_writes_class(NodeKind::Category, c),
            false,
        )?;
        let mut kind = None;
        let mut rest = Vec::new();
        for (p, obj) in std::mem::take(&mut f.rest) {
            match (p.as_str(), &obj) {
                (skos::IN_SCHEME, Term::NamedNode(n))
                    if kind.is_none() && category_kind_of_scheme(n.as_str()).is_some() =>
                {
                    kind = category_kind_of_scheme(n.as_str());
                }
                _ => rest.push((p, obj)),
            }
        }
        let slug = self.slug_for(NodeKind::Category, s, None);
        let mut c = Category::new(slug, kind.unwrap_or(CategoryKind::Other), "");
        c.labels = std::mem::take(&mut f.labels);
        c.description = f.description.take();
        c.sources = std::mem::take(&mut f.sources);
        Ok((
            Read {
                node: Node::Category(c),
                rest,
            },
            f,
        ))
    }
}

/// Reads the date fields of the node's kind ([`DATES`]) out of `rest`.
fn read_dates(
    node: &mut Node,
    s: &NamedOrBlankNode,
    rest: Triples,
) -> Result<Triples, ImportError> {
    let kind = node.kind();
    if !DATES.iter().any(|r| r.kind == kind) {
        return Ok(rest);
    }
    let mut left = Vec::with_capacity(rest.len());
    for (p, obj) in rest {
        let row = DATES
            .iter()
            .find(|r| r.kind == kind && r.predicate == p.as_str());
        match row.and_then(|r| (r.slot)(node)) {
            Some(slot) => set_once(slot, date(s, &p, &obj)?, s, &p, &obj)?,
            None => left.push((p, obj)),
        }
    }
    Ok(left)
}

/// Reads an organization's own fields (logo, employees, budget, key
/// documents, identities) out of `triples`; returns the rest.
fn org_fields(
    o: &mut Organization,
    s: &NamedOrBlankNode,
    triples: Triples,
) -> Result<Triples, ImportError> {
    let mut rest = Vec::new();
    let mut width: Option<(NamedNode, Term, u32)> = None;
    for (p, obj) in triples {
        match p.as_str() {
            schema::LOGO => match &obj {
                Term::NamedNode(n) if o.details().logo.is_none() => {
                    match Logo::from_commons_url(n.as_str()) {
                        Some(l) => o.details_mut().logo = Some(l),
                        None => rest.push((p, obj)),
                    }
                }
                Term::NamedNode(_) => rest.push((p, obj)),
                _ => {
                    return Err(wrong(
                        s,
                        &p,
                        &obj,
                        "expected an IRI, found a literal or blank node",
                    ));
                }
            },
            gg::LOGO_WIDTH => {
                let w = literal(s, &p, &obj)?
                    .parse::<u32>()
                    .map_err(|e| bad(s, &p, &obj, format!("not a width in pixels: {e}")))?;
                width = Some((p, obj, w));
            }
            schema::NUMBER_OF_EMPLOYEES => {
                let v = literal(s, &p, &obj)?.to_owned();
                set_once(&mut o.details_mut().employees, v, s, &p, &obj)?;
            }
            gg::BUDGET => {
                let v = literal(s, &p, &obj)?.to_owned();
                set_once(&mut o.details_mut().budget, v, s, &p, &obj)?;
            }
            gg::KEY_DOCUMENT => match &obj {
                Term::NamedNode(n) => {
                    o.details_mut().key_documents.push(n.as_str().to_owned());
                }
                Term::Literal(l) => {
                    o.details_mut().key_documents.push(l.value().to_owned());
                }
                Term::BlankNode(_) => rest.push((p, obj)),
            },
            schema::SAME_AS => match &obj {
                Term::NamedNode(n) => o
                    .details_mut()
                    .same_as
                    .push(Source::new(n.as_str()).map_err(|e| bad(s, &p, &obj, e.to_string()))?),
                _ => {
                    return Err(wrong(
                        s,
                        &p,
                        &obj,
                        "expected an IRI, found a literal or blank node",
                    ));
                }
            },

            _ => rest.push((p, obj)),
        }
    }
    let logo = if width.is_some() {
        &mut o.details_mut().logo
    } else {
        &mut None
    };
    match (width, logo) {
        (Some((_, _, w)), Some(logo)) => logo.width_px = Some(w),
        (Some((p, obj, _)), None) => rest.push((p, obj)),
        (None, _) => {}
    }
    Ok(rest)
}
