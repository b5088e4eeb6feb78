//! Popolo JSON, both ways: [`read`](fn@read) a Popolo document (`persons`,
//! `organizations`, `posts`, `memberships`, `areas`) into a graph through
//! the validated insertion API, and [`write`](fn@write) a graph back as one.
//!
//! Long (over 800 lines) because reading and writing one format are kept
//! side by side: each Popolo field is read and written a few lines apart,
//! so a change to one side shows the other.
//!
//! Field names are the Popolo specification's (popoloproject.com, the
//! `popolo-project/popolo-spec` repository's `schemas/`). Whatever a
//! Popolo object has that the model has no field for is kept, whole, as
//! an [`Annotation`] of its node (property [`KEPT`], an `rdf:JSON`
//! literal of the leftover fields) and written back by [`write`](fn@write); so is
//! whatever the document has beside its five lists (a [`Statement`] about
//! [`DOCUMENT`]).
//!
//! | Popolo | govgraph |
//! |---|---|
//! | `organizations[].id` | the organization's slug (an id that is not a slug is slugged, and kept) |
//! | `organizations[].name` | the English preferred label |
//! | `organizations[].other_names[]` | labels: `lang` + `note: "multilingual"` is the preferred label in `lang`, any other name an alternate (`und` without `lang`); a name with `start_date`/`end_date` is a [`DatedName`]; names with name parts or notes are kept |
//! | `organizations[].classification` | [`OrgKind`] when it is one's name (`agency`, `governing_body`, …), else kind `other` and kept |
//! | `organizations[].identifiers[]` | scheme `wikidata` → `same_as` the Wikidata entity IRI; others kept |
//! | `organizations[].parent_id` | [`Relation::SubOrganizationOf`] |
//! | `organizations[].area_id` | [`Relation::HasJurisdiction`] to the area's jurisdiction |
//! | `organizations[].founding_date`, `dissolution_date` | `founded`, `dissolved` |
//! | `areas[]` (`id`, `name`) | a [`Jurisdiction`] |
//! | `posts[]` (`id`, `label`, `other_label`, `start_date`, `end_date`) | a [`Post`]: English preferred label and alternates, `formed`, `abolished` |
//! | `posts[].organization_id` | [`Relation::PostIn`] |
//! | `persons[]` (`id`, `name`, `other_names`, `summary`, `birth_date`, `death_date`) | a [`Person`]: labels, description, `born`, `died` |
//! | `memberships[]` (`id`, `start_date`, `end_date`) | a [`Tenure`] and its dates |
//! | `memberships[].person_id`, `post_id` | [`Relation::Holder`], [`Relation::TenureOf`] |
//! | `memberships[]` with `organization_id` and no `post_id` | a tenure of the organization's post named by `role` (`member` without one), made once per organization and role and not written back as a post |
//! | `sources[]` (`url` alone) | sources |
//! | anything else | kept |
//!
//! Nodes are inserted by kind: organizations, areas, posts, persons, then
//! memberships (each implied post just before its first tenure), so
//! `read(write(g)) == g` holds for a graph whose nodes come in that order
//! and that holds only what Popolo can. Popolo cannot hold, and [`write`](fn@write)
//! leaves out: sites, places, functions, websites and categories and their
//! links; descriptions of organizations, posts and areas; labels of posts
//! in other languages than English and of areas other than the English
//! preferred one; an organization's second and later jurisdictions; the
//! `heads` flag of posts; whether a tenure is acting; a start or end known
//! but undated ([`Bound::Undated`]); the dates of links (a dated
//! `parent_id` is written without them, the open one when there are
//! several); events; links other than those in the table; sources and
//! logos of nodes other than persons, organizations, posts, areas and
//! memberships; annotations other than the kept fields.
//!
//! ```
//! let doc = r#"{
//!   "organizations": [{"id": "senate", "name": "Senate", "classification": "legislature"}],
//!   "persons": [{"id": "ada", "name": "Ada", "gender": "female"}],
//!   "memberships": [{"person_id": "ada", "organization_id": "senate", "start_date": "2001"}]
//! }"#;
//! let g = govgraph::popolo::from_str(doc)?;
//! let senate = g.org_by_slug("senate").ok_or("no senate")?;
//! let member = senate.posts().next().ok_or("no post")?;
//! assert_eq!(member.data().labels.english(), Some("member"));
//! assert_eq!(member.holders().next().map(|p| p.slug().as_str()), Some("ada"));
//!
//! let mut out = Vec::new();
//! govgraph::popolo::write(&g, &mut out)?;
//! assert_eq!(govgraph::popolo::read(out.as_slice())?, g);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::{Map, Value as Json};

use crate::graph::{GovGraph, GraphError};
use crate::model::{
    Annotation, Bound, DateError, DatedName, Interval, Jurisdiction, Labels, Lang, Node, NodeId,
    NodeKind, OrgId, OrgKind, Organization, PartialDate, Person, PersonId, Post, PostId, Relation,
    Slug, Source, Statement, Tenure, Value,
};

/// The annotation property under which the fields of a Popolo object that
/// the model has no field for are kept (an `rdf:JSON` literal of an
/// object).
pub const KEPT: &str = "https://w3id.org/govgraph/popolo#kept";

/// The annotation property that marks a post made for memberships that
/// name an organization and a role but no post (`true`).
pub const IMPLIED: &str = "https://w3id.org/govgraph/popolo#implied";

/// The subject of the statement that keeps a document's fields beside its
/// five lists.
pub const DOCUMENT: &str = "https://w3id.org/govgraph/popolo#document";

const RDF_JSON: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON";
const XSD_BOOLEAN: &str = "http://www.w3.org/2001/XMLSchema#boolean";
const WIKIDATA_ENTITY: &str = "http://www.wikidata.org/entity/";

/// The five lists, in the order [`write`](fn@write) writes them.
const SECTIONS: [&str; 5] = ["persons", "organizations", "posts", "memberships", "areas"];

/// Where in a Popolo document an object is: its list, its index there and
/// its `id` when it has one. Displays as `organizations[2] (id "senate")`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct At {
    /// The list: `persons`, `organizations`, `posts`, `memberships` or
    /// `areas` (`document` for the top level).
    pub section: &'static str,
    /// The index in the list, from 0.
    pub index: usize,
    /// The object's `id`.
    pub id: Option<String>,
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.section == "document" {
            return f.write_str("the document");
        }
        write!(f, "{}[{}]", self.section, self.index)?;
        if let Some(id) = &self.id {
            write!(f, " (id {id:?})")?;
        }
        Ok(())
    }
}

/// Why a Popolo document could not be read. Every message names the
/// object (list, index and id) and the field.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PopoloError {
    /// The text is not JSON.
    #[error("invalid Popolo JSON: {0}")]
    Syntax(#[from] serde_json::Error),
    /// A field has a value of the wrong type, or an object lacks what it
    /// needs.
    #[error("{at}: {field}: {message}")]
    Invalid {
        /// The object.
        at: At,
        /// The field.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// Two objects of one list share an id.
    #[error("{at}: the id {id:?} is already the id of {first}")]
    DuplicateId {
        /// The second object.
        at: At,
        /// The id.
        id: String,
        /// The first object.
        first: At,
    },
    /// A reference names no object of the list it points into.
    #[error("{at}: {field} {id:?} names no object of {section}")]
    UnknownId {
        /// The object.
        at: At,
        /// The field (`parent_id`, `person_id`, …).
        field: &'static str,
        /// The id referenced.
        id: String,
        /// The list it should be in.
        section: &'static str,
    },
    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("{at}: {field}: {source}")]
    BadDate {
        /// The object.
        at: At,
        /// The field.
        field: &'static str,
        /// Why.
        #[source]
        source: DateError,
    },
    /// The graph refused the object or its link (a cycle of `parent_id`s,
    /// an end before a start, …).
    #[error("{at}: {source}")]
    Graph {
        /// The object.
        at: At,
        /// Why.
        #[source]
        source: GraphError,
    },
}

type Obj = Map<String, Json>;

fn invalid(at: &At, field: &str, message: impl Into<String>) -> PopoloError {
    PopoloError::Invalid {
        at: at.clone(),
        field: field.to_owned(),
        message: message.into(),
    }
}

/// Takes an optional string field (`null` counts as absent).
fn take_str(o: &mut Obj, field: &str, at: &At) -> Result<Option<String>, PopoloError> {
    match o.remove(field) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => Ok(Some(s)),
        Some(other) => {
            let message = format!("expected a string, found {}", kind_of(&other));
            o.insert(field.to_owned(), other);
            Err(invalid(at, field, message))
        }
    }
}

/// Takes an optional array field (`null` counts as absent).
fn take_array(o: &mut Obj, field: &str, at: &At) -> Result<Vec<Json>, PopoloError> {
    match o.remove(field) {
        None | Some(Json::Null) => Ok(Vec::new()),
        Some(Json::Array(a)) => Ok(a),
        Some(other) => Err(invalid(
            at,
            field,
            format!("expected an array, found {}", kind_of(&other)),
        )),
    }
}

fn take_date(
    o: &mut Obj,
    field: &'static str,
    at: &At,
) -> Result<Option<PartialDate>, PopoloError> {
    take_str(o, field, at)?
        .map(|s| {
            s.parse().map_err(|source| PopoloError::BadDate {
                at: at.clone(),
                field,
                source,
            })
        })
        .transpose()
}

fn kind_of(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

fn json_literal(v: &Json) -> Value {
    Value::Literal {
        value: v.to_string(),
        datatype: RDF_JSON.to_owned(),
        language: None,
    }
}

/// The node ids of one list, by Popolo id, with where each was defined.
struct Ids<T> {
    section: &'static str,
    map: HashMap<String, (T, At)>,
}

impl<T: Copy> Ids<T> {
    fn new(section: &'static str) -> Self {
        Self {
            section,
            map: HashMap::new(),
        }
    }

    fn add(&mut self, id: &str, node: T, at: &At) -> Result<(), PopoloError> {
        if let Some((_, first)) = self.map.get(id) {
            return Err(PopoloError::DuplicateId {
                at: at.clone(),
                id: id.to_owned(),
                first: first.clone(),
            });
        }
        self.map.insert(id.to_owned(), (node, at.clone()));
        Ok(())
    }

    fn get(&self, id: &str, at: &At, field: &'static str) -> Result<T, PopoloError> {
        self.map
            .get(id)
            .map(|(n, _)| *n)
            .ok_or_else(|| PopoloError::UnknownId {
                at: at.clone(),
                field,
                id: id.to_owned(),
                section: self.section,
            })
    }
}

/// A document being read.
struct Reader {
    g: GovGraph,
    /// Every id the document declares, by the kind of node its section
    /// makes: a slug made for an object (one with no id, or an id that is
    /// not a slug) never takes one of its kind, or the export would write
    /// that id twice. By kind, as slugs are unique by kind: the export's
    /// ids of one section are its nodes' slugs or kept ids, so what a
    /// re-read avoids is what this read avoided.
    declared: HashSet<(NodeKind, String)>,
}

impl Reader {
    /// A slug for `id` (or for `fallback` when there is no id): the id
    /// itself when it is a slug, else a slug made from it, numbered when
    /// taken. True in the second place when the id must be kept.
    fn slug(&self, kind: NodeKind, id: Option<&str>, fallback: &str) -> (Slug, bool) {
        if let Some(s) = id.and_then(|id| Slug::new(id).ok()) {
            if self.g.id_by_slug(kind, s.as_str()).is_none() {
                return (s, false);
            }
        }
        let base = Slug::from_name(id.unwrap_or(fallback))
            .or_else(|_| Slug::from_name(fallback))
            .map_or_else(|_| kind.segment().to_owned(), |s| s.as_str().to_owned());
        let base: String = base.chars().take(crate::model::MAX_SLUG_LEN - 12).collect();
        let base = base.trim_end_matches('-').to_owned();
        let mut n = 1usize;
        loop {
            let text = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            if let Ok(s) = Slug::new(text) {
                if self.g.id_by_slug(kind, s.as_str()).is_none()
                    && !self.declared.contains(&(kind, s.as_str().to_owned()))
                {
                    return (s, id.is_some());
                }
            }
            n += 1;
        }
    }

    /// Keeps `rest` (and the original id, when the slug is not it) on `node`.
    fn keep(
        &mut self,
        node: NodeId,
        mut rest: Obj,
        id: Option<String>,
        keep_id: bool,
        at: &At,
    ) -> Result<(), PopoloError> {
        if keep_id {
            if let Some(id) = id {
                rest.insert("id".to_owned(), Json::String(id));
            }
        }
        if rest.is_empty() {
            return Ok(());
        }
        let a = Annotation {
            property: KEPT.to_owned(),
            value: json_literal(&Json::Object(rest)),
        };
        self.g
            .annotate(node, a)
            .map_err(|source| PopoloError::Graph {
                at: at.clone(),
                source,
            })
    }

    fn graph_err(at: &At) -> impl Fn(GraphError) -> PopoloError + '_ {
        move |source| PopoloError::Graph {
            at: at.clone(),
            source,
        }
    }
}

/// Reads `other_names` into `labels`; returns the names kept whole.
fn other_names(
    names: Vec<Json>,
    labels: &mut Labels,
    mut dated: Option<&mut Vec<DatedName>>,
    at: &At,
) -> Result<Vec<Json>, PopoloError> {
    let mut kept = Vec::new();
    for (i, n) in names.into_iter().enumerate() {
        let field = format!("other_names[{i}]");
        let Json::Object(mut o) = n else {
            return Err(invalid(
                at,
                &field,
                format!("expected an object, found {}", kind_of(&n)),
            ));
        };
        let simple = o
            .keys()
            .all(|k| matches!(k.as_str(), "name" | "lang" | "note"))
            && matches!(o.get("name"), Some(Json::String(_)))
            && matches!(o.get("lang"), None | Some(Json::String(_)))
            && match o.get("note") {
                None => true,
                Some(Json::String(s)) => s == "multilingual" && o.contains_key("lang"),
                Some(_) => false,
            };
        let datable = o
            .keys()
            .all(|k| matches!(k.as_str(), "name" | "lang" | "start_date" | "end_date"))
            && (o.contains_key("start_date") || o.contains_key("end_date"))
            && matches!(o.get("name"), Some(Json::String(_)))
            && matches!(o.get("lang"), None | Some(Json::String(_)));
        if let (true, Some(names)) = (datable, dated.as_deref_mut()) {
            let name = take_str(&mut o, "name", at)?.unwrap_or_default();
            let lang = match take_str(&mut o, "lang", at)? {
                Some(tag) => Lang::new(tag)
                    .map_err(|e| invalid(at, &format!("{field}.lang"), e.to_string()))?,
                None => Lang::new("und").map_err(|e| invalid(at, &field, e.to_string()))?,
            };
            let mut during = Interval::new();
            for (key, start) in [("start_date", true), ("end_date", false)] {
                if let Some(text) = take_str(&mut o, key, at)? {
                    let d: PartialDate = text.parse().map_err(|e: DateError| {
                        invalid(at, &format!("{field}.{key}"), e.to_string())
                    })?;
                    during = if start {
                        during.with_start(d)
                    } else {
                        during.with_end(d)
                    };
                }
            }
            names.push(DatedName::new(name, lang).during(during));
            continue;
        }
        if !simple {
            kept.push(Json::Object(o));
            continue;
        }
        let name = take_str(&mut o, "name", at)?.unwrap_or_default();
        let lang = match take_str(&mut o, "lang", at)? {
            Some(tag) => {
                Lang::new(tag).map_err(|e| invalid(at, &format!("{field}.lang"), e.to_string()))?
            }
            None => Lang::new("und").map_err(|e| invalid(at, &field, e.to_string()))?,
        };
        let multilingual = o.contains_key("note");
        if multilingual && labels.preferred(&lang).is_none() {
            labels.set_preferred(lang, name);
        } else {
            labels.add_alternate(lang, name);
        }
    }
    Ok(kept)
}

/// Reads `sources` (a list of link objects) into `out`; returns the links
/// kept whole (with a note, or a URL that is not an absolute IRI).
fn sources(links: Vec<Json>, out: &mut Vec<Source>) -> Vec<Json> {
    let mut kept = Vec::new();
    for l in links {
        let url = match &l {
            Json::Object(o) if o.len() == 1 => o.get("url").and_then(Json::as_str),
            _ => None,
        };
        match url.and_then(|u| Source::new(u).ok()) {
            Some(s) => out.push(s),
            None => kept.push(l),
        }
    }
    kept
}

fn keep_list(rest: &mut Obj, field: &str, list: Vec<Json>) {
    if !list.is_empty() {
        rest.insert(field.to_owned(), Json::Array(list));
    }
}

fn objects(doc: &mut Obj, section: &'static str) -> Result<Vec<(At, Obj)>, PopoloError> {
    let doc_at = At {
        section: "document",
        index: 0,
        id: None,
    };
    let list = take_array(doc, section, &doc_at)?;
    list.into_iter()
        .enumerate()
        .map(|(index, v)| {
            let id = v.get("id").and_then(Json::as_str).map(str::to_owned);
            let at = At { section, index, id };
            match v {
                Json::Object(o) => Ok((at, o)),
                other => Err(invalid(
                    &at,
                    section,
                    format!("expected an object, found {}", kind_of(&other)),
                )),
            }
        })
        .collect()
}

/// Reads a Popolo document.
///
/// # Errors
/// [`PopoloError`] naming the object and field: JSON that does not parse,
/// a field of the wrong type, a duplicate id, an id referenced that no
/// object has, a bad date, a cycle of parents.
pub fn read(reader: impl io::Read) -> Result<GovGraph, PopoloError> {
    let doc: Json = serde_json::from_reader(io::BufReader::new(reader))?;
    from_value(doc)
}

/// Reads a Popolo document from a string; see [`read`](fn@read).
///
/// # Errors
/// As [`read`](fn@read).
pub fn from_str(text: &str) -> Result<GovGraph, PopoloError> {
    from_value(serde_json::from_str(text)?)
}

#[expect(
    clippy::too_many_lines,
    reason = "the five lists in order, best read in one place"
)]
fn from_value(doc: Json) -> Result<GovGraph, PopoloError> {
    let doc_at = At {
        section: "document",
        index: 0,
        id: None,
    };
    let Json::Object(mut doc) = doc else {
        return Err(invalid(
            &doc_at,
            "document",
            format!("expected an object, found {}", kind_of(&doc)),
        ));
    };
    let orgs = objects(&mut doc, "organizations")?;
    let areas = objects(&mut doc, "areas")?;
    let posts = objects(&mut doc, "posts")?;
    let persons = objects(&mut doc, "persons")?;
    let memberships = objects(&mut doc, "memberships")?;
    let declared = [
        (NodeKind::Organization, &orgs),
        (NodeKind::Jurisdiction, &areas),
        (NodeKind::Post, &posts),
        (NodeKind::Person, &persons),
        (NodeKind::Tenure, &memberships),
    ]
    .into_iter()
    .flat_map(|(kind, list)| {
        list.iter()
            .filter_map(move |(at, _)| Some((kind, at.id.clone()?)))
    })
    .collect();
    let mut r = Reader {
        g: GovGraph::new(),
        declared,
    };

    // Organizations, their links made once all are in.
    let mut org_ids: Ids<OrgId> = Ids::new("organizations");
    let mut org_links = Vec::new();
    for (at, mut o) in orgs {
        let id = take_str(&mut o, "id", &at)?;
        let name = take_str(&mut o, "name", &at)?;
        let (slug, keep_id) = r.slug(
            NodeKind::Organization,
            id.as_deref(),
            name.as_deref().unwrap_or("organization"),
        );
        let classification = take_str(&mut o, "classification", &at)?;
        let kind = classification
            .as_deref()
            .and_then(|c| OrgKind::ALL.into_iter().find(|k| k.name() == c));
        if kind.is_none() {
            if let Some(c) = classification {
                o.insert("classification".to_owned(), Json::String(c));
            }
        }
        let mut org = Organization::new(slug, kind.unwrap_or(OrgKind::Other), "");
        org.labels = Labels::new();
        if let Some(n) = name {
            org.labels.set_preferred(Lang::en(), n);
        }
        let mut names = Vec::new();
        let kept_names = other_names(
            take_array(&mut o, "other_names", &at)?,
            &mut org.labels,
            Some(&mut names),
            &at,
        )?;
        for n in names {
            org = org.with_dated_name(n);
        }
        keep_list(&mut o, "other_names", kept_names);
        org.founded = take_date(&mut o, "founding_date", &at)?;
        if let Some(d) = take_date(&mut o, "dissolution_date", &at)? {
            org = org.with_dissolved(d);
        }
        let mut kept_ids = Vec::new();
        for ident in take_array(&mut o, "identifiers", &at)? {
            let q = match &ident {
                Json::Object(i)
                    if i.len() == 2
                        && i.get("scheme").and_then(Json::as_str) == Some("wikidata") =>
                {
                    i.get("identifier").and_then(Json::as_str)
                }
                _ => None,
            };
            match q.and_then(|q| Source::new(format!("{WIKIDATA_ENTITY}{q}")).ok()) {
                Some(iri) => org = org.with_same_as(iri),
                None => kept_ids.push(ident),
            }
        }
        keep_list(&mut o, "identifiers", kept_ids);
        let kept_sources = sources(take_array(&mut o, "sources", &at)?, &mut org.sources);
        keep_list(&mut o, "sources", kept_sources);
        let parent = take_str(&mut o, "parent_id", &at)?;
        let area = take_str(&mut o, "area_id", &at)?;
        let node = r.g.insert_org(org).map_err(Reader::graph_err(&at))?;
        if let Some(id) = &id {
            org_ids.add(id, node, &at)?;
        }
        r.keep(node.into(), o, id, keep_id, &at)?;
        org_links.push((at, node, parent, area));
    }

    // Areas, as jurisdictions.
    let mut area_ids: Ids<crate::model::JurisdictionId> = Ids::new("areas");
    let mut area_parents = Vec::new();
    for (at, mut o) in areas {
        let id = take_str(&mut o, "id", &at)?;
        let name = take_str(&mut o, "name", &at)?;
        let (slug, keep_id) = r.slug(
            NodeKind::Jurisdiction,
            id.as_deref(),
            name.as_deref().unwrap_or("area"),
        );
        let mut j = Jurisdiction::new(slug, "");
        j.labels = Labels::new();
        if let Some(n) = name {
            j.labels.set_preferred(Lang::en(), n);
        }
        let kept_sources = sources(take_array(&mut o, "sources", &at)?, &mut j.sources);
        keep_list(&mut o, "sources", kept_sources);
        if let Some(Json::String(p)) = o.get("parent_id") {
            area_parents.push((at.clone(), p.clone()));
        }
        let node = r.g.insert_jurisdiction(j).map_err(Reader::graph_err(&at))?;
        if let Some(id) = &id {
            area_ids.add(id, node, &at)?;
        }
        r.keep(node.into(), o, id, keep_id, &at)?;
    }
    for (at, p) in area_parents {
        area_ids.get(&p, &at, "parent_id")?;
    }
    for (at, node, parent, area) in org_links {
        if let Some(p) = parent {
            let p = org_ids.get(&p, &at, "parent_id")?;
            r.g.link(node, Relation::SubOrganizationOf, p)
                .map_err(Reader::graph_err(&at))?;
        }
        if let Some(a) = area {
            let a = area_ids.get(&a, &at, "area_id")?;
            r.g.link(node, Relation::HasJurisdiction, a)
                .map_err(Reader::graph_err(&at))?;
        }
    }

    // Posts.
    let mut post_ids: Ids<PostId> = Ids::new("posts");
    let mut post_org: HashMap<PostId, OrgId> = HashMap::new();
    for (at, mut o) in posts {
        let id = take_str(&mut o, "id", &at)?;
        let label = take_str(&mut o, "label", &at)?;
        let (slug, keep_id) = r.slug(
            NodeKind::Post,
            id.as_deref(),
            label.as_deref().unwrap_or("post"),
        );
        let mut post = Post::new(slug, "");
        post.labels = Labels::new();
        if let Some(l) = label {
            post.labels.set_preferred(Lang::en(), l);
        }
        for (i, other) in take_array(&mut o, "other_label", &at)?
            .into_iter()
            .enumerate()
        {
            match other {
                Json::String(s) => post.labels.add_alternate(Lang::en(), s),
                v => {
                    let field = format!("other_label[{i}]");
                    return Err(invalid(
                        &at,
                        &field,
                        format!("expected a string, found {}", kind_of(&v)),
                    ));
                }
            }
        }
        post.formed = take_date(&mut o, "start_date", &at)?;
        post.abolished = take_date(&mut o, "end_date", &at)?;
        let kept_sources = sources(take_array(&mut o, "sources", &at)?, &mut post.sources);
        keep_list(&mut o, "sources", kept_sources);
        let org = take_str(&mut o, "organization_id", &at)?
            .map(|x| org_ids.get(&x, &at, "organization_id"))
            .transpose()?;
        let node = r.g.insert_post(post).map_err(Reader::graph_err(&at))?;
        if let Some(org) = org {
            r.g.link(node, Relation::PostIn, org)
                .map_err(Reader::graph_err(&at))?;
            post_org.insert(node, org);
        }
        if let Some(id) = &id {
            post_ids.add(id, node, &at)?;
        }
        r.keep(node.into(), o, id, keep_id, &at)?;
    }

    // Persons.
    let mut person_ids: Ids<PersonId> = Ids::new("persons");
    for (at, mut o) in persons {
        let id = take_str(&mut o, "id", &at)?;
        let name = take_str(&mut o, "name", &at)?;
        let (slug, keep_id) = r.slug(
            NodeKind::Person,
            id.as_deref(),
            name.as_deref().unwrap_or("person"),
        );
        let mut p = Person::new(slug, "");
        p.labels = Labels::new();
        if let Some(n) = name {
            p.labels.set_preferred(Lang::en(), n);
        }
        let kept_names = other_names(
            take_array(&mut o, "other_names", &at)?,
            &mut p.labels,
            None,
            &at,
        )?;
        keep_list(&mut o, "other_names", kept_names);
        p.description = take_str(&mut o, "summary", &at)?;
        p.born = take_date(&mut o, "birth_date", &at)?;
        p.died = take_date(&mut o, "death_date", &at)?;
        let kept_sources = sources(take_array(&mut o, "sources", &at)?, &mut p.sources);
        keep_list(&mut o, "sources", kept_sources);
        let node = r.g.insert_person(p).map_err(Reader::graph_err(&at))?;
        if let Some(id) = &id {
            person_ids.add(id, node, &at)?;
        }
        r.keep(node.into(), o, id, keep_id, &at)?;
    }

    // Memberships, as tenures.
    let mut membership_ids: Ids<crate::model::TenureId> = Ids::new("memberships");
    let mut implied: HashMap<(OrgId, String), PostId> = HashMap::new();
    for (at, mut o) in memberships {
        let id = take_str(&mut o, "id", &at)?;
        let person = take_str(&mut o, "person_id", &at)?
            .map(|x| person_ids.get(&x, &at, "person_id"))
            .transpose()?;
        let post = take_str(&mut o, "post_id", &at)?
            .map(|x| post_ids.get(&x, &at, "post_id"))
            .transpose()?;
        let org_text = take_str(&mut o, "organization_id", &at)?;
        let org = org_text
            .as_deref()
            .map(|x| org_ids.get(x, &at, "organization_id"))
            .transpose()?;
        let post = match (post, org) {
            (Some(p), Some(org)) => {
                if post_org.get(&p) != Some(&org) {
                    return Err(invalid(
                        &at,
                        "organization_id",
                        format!(
                            "{:?} is not the organization of the membership's post",
                            org_text.unwrap_or_default()
                        ),
                    ));
                }
                Some(p)
            }
            (Some(p), None) => Some(p),
            (None, Some(org)) => {
                let role = take_str(&mut o, "role", &at)?.unwrap_or_else(|| "member".to_owned());
                if let Some(p) = implied.get(&(org, role.clone())) {
                    Some(*p)
                } else {
                    let org_slug = r.g[org].slug.as_str().to_owned();
                    let (slug, _) = r.slug(NodeKind::Post, None, &format!("{org_slug} {role}"));
                    let p =
                        r.g.add_post(org, Post::new(slug, role.as_str()))
                            .map_err(Reader::graph_err(&at))?;
                    let mark = Annotation {
                        property: IMPLIED.to_owned(),
                        value: Value::Literal {
                            value: "true".to_owned(),
                            datatype: XSD_BOOLEAN.to_owned(),
                            language: None,
                        },
                    };
                    r.g.annotate(p, mark).map_err(Reader::graph_err(&at))?;
                    post_org.insert(p, org);
                    implied.insert((org, role), p);
                    Some(p)
                }
            }
            (None, None) => None,
        };
        let fallback = format!(
            "{} {}",
            person.map_or("nobody", |p| r.g[p].slug.as_str()),
            post.map_or("no-post", |p| r.g[p].slug.as_str())
        );
        let (slug, keep_id) = r.slug(NodeKind::Tenure, id.as_deref(), &fallback);
        let mut t = Tenure::new(slug);
        t.start = take_date(&mut o, "start_date", &at)?.map(Bound::Date);
        t.end = take_date(&mut o, "end_date", &at)?.map(Bound::Date);
        let kept_sources = sources(take_array(&mut o, "sources", &at)?, &mut t.sources);
        keep_list(&mut o, "sources", kept_sources);
        let node = r.g.insert(t.into()).map_err(Reader::graph_err(&at))?;
        let NodeId::Tenure(node) = node else {
            return Err(invalid(&at, "id", "not a membership"));
        };
        if let Some(p) = person {
            r.g.link(node, Relation::Holder, p)
                .map_err(Reader::graph_err(&at))?;
        }
        if let Some(p) = post {
            r.g.link(node, Relation::TenureOf, p)
                .map_err(Reader::graph_err(&at))?;
        }
        if let Some(id) = &id {
            membership_ids.add(id, node, &at)?;
        }
        r.keep(node.into(), o, id, keep_id, &at)?;
    }

    if !doc.is_empty() {
        let st = Statement {
            subject: Value::Iri(DOCUMENT.to_owned()),
            property: KEPT.to_owned(),
            value: json_literal(&Json::Object(doc)),
        };
        r.g.add_statement(st).map_err(Reader::graph_err(&doc_at))?;
    }
    Ok(r.g)
}

// ---- writing ----

/// The kept fields of a node.
fn kept(g: &GovGraph, id: NodeId) -> Obj {
    g.annotations(id)
        .iter()
        .filter(|a| a.property == KEPT)
        .filter_map(|a| match &a.value {
            Value::Literal { value, .. } => match serde_json::from_str(value) {
                Ok(Json::Object(o)) => Some(o),
                _ => None,
            },
            _ => None,
        })
        .fold(Obj::new(), |mut acc, o| {
            acc.extend(o);
            acc
        })
}

fn is_implied(g: &GovGraph, id: NodeId) -> bool {
    g.annotations(id).iter().any(|a| a.property == IMPLIED)
}

/// The Popolo id of a node: its kept original id, else its slug.
fn popolo_id(g: &GovGraph, id: NodeId) -> String {
    match kept(g, id).remove("id") {
        Some(Json::String(s)) => s,
        _ => g
            .get(id)
            .map(|n| n.slug().as_str().to_owned())
            .unwrap_or_default(),
    }
}

fn put(o: &mut Obj, field: &str, v: impl Into<Json>) {
    o.insert(field.to_owned(), v.into());
}

/// Appends `mapped` before the kept list of `field`.
fn put_list(o: &mut Obj, field: &str, mut mapped: Vec<Json>) {
    if let Some(Json::Array(k)) = o.remove(field) {
        mapped.extend(k);
    }
    if !mapped.is_empty() {
        o.insert(field.to_owned(), Json::Array(mapped));
    }
}

fn source_links(sources: &[Source]) -> Vec<Json> {
    sources
        .iter()
        .map(|s| {
            let mut l = Obj::new();
            put(&mut l, "url", s.as_str());
            Json::Object(l)
        })
        .collect()
}

fn name_list(labels: &Labels) -> Vec<Json> {
    let mut out = Vec::new();
    for (lang, text) in labels.preferred_all() {
        if *lang != Lang::en() {
            let mut n = Obj::new();
            put(&mut n, "lang", lang.as_str());
            put(&mut n, "name", text);
            put(&mut n, "note", "multilingual");
            out.push(Json::Object(n));
        }
    }
    for l in labels.alternates() {
        let mut n = Obj::new();
        if l.lang.as_str() != "und" {
            put(&mut n, "lang", l.lang.as_str());
        }
        put(&mut n, "name", l.text.as_str());
        out.push(Json::Object(n));
    }
    out
}

/// The Popolo object of a node, or `None` for a node Popolo cannot hold.
#[expect(
    clippy::too_many_lines,
    reason = "one arm per kind Popolo holds, best read side by side"
)]
fn object(g: &GovGraph, id: NodeId, node: &Node) -> Option<(&'static str, Obj)> {
    let mut o = kept(g, id);
    o.remove("id");
    put(&mut o, "id", popolo_id(g, id));
    let section = match node {
        Node::Person(p) => {
            if let Some(n) = p.labels.english() {
                put(&mut o, "name", n);
            }
            put_list(&mut o, "other_names", name_list(&p.labels));
            if let Some(d) = &p.description {
                put(&mut o, "summary", d.as_str());
            }
            if let Some(d) = p.born {
                put(&mut o, "birth_date", d.to_string());
            }
            if let Some(d) = p.died {
                put(&mut o, "death_date", d.to_string());
            }
            put_list(&mut o, "sources", source_links(&p.sources));
            "persons"
        }
        Node::Organization(org) => {
            if let Some(n) = org.labels.english() {
                put(&mut o, "name", n);
            }
            let mut names = name_list(&org.labels);
            for n in &org.details().names {
                let mut x = Obj::new();
                if n.lang.as_str() != "und" {
                    put(&mut x, "lang", n.lang.as_str());
                }
                put(&mut x, "name", n.label.as_str());
                if let Some(d) = n.during.start_date() {
                    put(&mut x, "start_date", d.to_string());
                }
                if let Some(d) = n.during.end_date() {
                    put(&mut x, "end_date", d.to_string());
                }
                names.push(Json::Object(x));
            }
            put_list(&mut o, "other_names", names);
            if org.kind != OrgKind::Other || !o.contains_key("classification") {
                put(&mut o, "classification", org.kind.name());
            }
            let ids = org
                .details()
                .same_as
                .iter()
                .filter_map(|s| s.as_str().strip_prefix(WIKIDATA_ENTITY))
                .map(|q| {
                    let mut i = Obj::new();
                    put(&mut i, "identifier", q);
                    put(&mut i, "scheme", "wikidata");
                    Json::Object(i)
                })
                .collect();
            put_list(&mut o, "identifiers", ids);
            if let Some(d) = org.founded {
                put(&mut o, "founding_date", d.to_string());
            }
            if let Some(d) = org.dissolved() {
                put(&mut o, "dissolution_date", d.to_string());
            }
            let handle = g.org(OrgId::try_from(id).ok()?)?;
            if let Some(p) = handle.parent() {
                put(&mut o, "parent_id", popolo_id(g, p.id().into()));
            }
            if let Some(j) = handle.jurisdictions().next() {
                put(&mut o, "area_id", popolo_id(g, j.id().into()));
            }
            put_list(&mut o, "sources", source_links(&org.sources));
            "organizations"
        }
        Node::Post(p) => {
            if is_implied(g, id) {
                return None;
            }
            if let Some(l) = p.labels.english() {
                put(&mut o, "label", l);
            }
            let others: Vec<Json> = p
                .labels
                .alternates()
                .filter(|l| l.lang == Lang::en())
                .map(|l| Json::String(l.text.clone()))
                .collect();
            if !others.is_empty() {
                put(&mut o, "other_label", others);
            }
            if let Some(d) = p.formed {
                put(&mut o, "start_date", d.to_string());
            }
            if let Some(d) = p.abolished {
                put(&mut o, "end_date", d.to_string());
            }
            if let Some(org) = g.post(PostId::try_from(id).ok()?)?.organization() {
                put(&mut o, "organization_id", popolo_id(g, org.id().into()));
            }
            put_list(&mut o, "sources", source_links(&p.sources));
            "posts"
        }
        Node::Tenure(t) => {
            let handle = g.tenure(crate::model::TenureId::try_from(id).ok()?)?;
            if let Some(p) = handle.person() {
                put(&mut o, "person_id", popolo_id(g, p.id().into()));
            }
            if let Some(post) = handle.post() {
                let org = post.organization();
                if let Some(org) = org {
                    put(&mut o, "organization_id", popolo_id(g, org.id().into()));
                }
                if is_implied(g, post.id().into()) {
                    if let Some(role) = post.data().labels.english() {
                        put(&mut o, "role", role);
                    }
                } else {
                    put(&mut o, "post_id", popolo_id(g, post.id().into()));
                }
            }
            if let Some(d) = t.start_date() {
                put(&mut o, "start_date", d.to_string());
            }
            if let Some(d) = t.end_date() {
                put(&mut o, "end_date", d.to_string());
            }
            put_list(&mut o, "sources", source_links(&t.sources));
            "memberships"
        }
        Node::Jurisdiction(j) => {
            if let Some(n) = j.labels.english() {
                put(&mut o, "name", n);
            }
            put_list(&mut o, "sources", source_links(&j.sources));
            "areas"
        }
        _ => return None,
    };
    Some((section, o))
}

/// The document, serialized list by list as it is walked.
struct Doc<'g>(&'g GovGraph);

impl Serialize for Doc<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Section<'g>(&'g GovGraph, &'static str);
        impl Serialize for Section<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let g = self.0;
                s.collect_seq(g.nodes().filter_map(|(id, n)| {
                    object(g, id, n)
                        .filter(|(section, _)| *section == self.1)
                        .map(|(_, o)| o)
                }))
            }
        }
        let g = self.0;
        let extra: Obj = g
            .statements()
            .iter()
            .filter(|st| st.subject == Value::Iri(DOCUMENT.to_owned()) && st.property == KEPT)
            .filter_map(|st| match &st.value {
                Value::Literal { value, .. } => match serde_json::from_str(value) {
                    Ok(Json::Object(o)) => Some(o),
                    _ => None,
                },
                _ => None,
            })
            .flatten()
            .filter(|(k, _)| !SECTIONS.contains(&k.as_str()))
            .collect();
        let mut m = s.serialize_map(None)?;
        for (k, v) in &extra {
            m.serialize_entry(k, v)?;
        }
        for section in SECTIONS {
            m.serialize_entry(section, &Section(g, section))?;
        }
        m.end()
    }
}

/// Writes `g` as a Popolo document (indented JSON), the five lists in the
/// order `persons`, `organizations`, `posts`, `memberships`, `areas`, each
/// in graph order; what Popolo cannot hold is left out (see the module
/// docs). Deterministic.
///
/// # Errors
/// The writer's I/O errors.
pub fn write(g: &GovGraph, writer: impl io::Write) -> io::Result<()> {
    serde_json::to_writer_pretty(writer, &Doc(g)).map_err(io::Error::from)
}

/// Writes `g` as compact Popolo JSON; see [`write`](fn@write).
///
/// # Errors
/// The writer's I/O errors.
pub fn write_compact(g: &GovGraph, writer: impl io::Write) -> io::Result<()> {
    serde_json::to_writer(writer, &Doc(g)).map_err(io::Error::from)
}
