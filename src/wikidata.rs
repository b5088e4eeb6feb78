//! Wikidata entities in: the JSON of `Special:EntityData` (one entity or
//! many, `{"entities": {...}}`), bare entity objects one after another
//! (JSON Lines), and the JSON dump's array with one entity a line, read one
//! entity at a time.
//!
//! Long (over 800 lines) because it is one streaming reader: the entity
//! shapes, the claim readers and the notes are one pass over each entity
//! and share its state.
//!
//! Nodes are inserted in input order (the entities of one
//! `Special:EntityData` object in the order of their ids, as strings), then
//! the stubs, sites and websites they need, then the tenures in order of
//! start (undated last).
//!
//! Entities whose `P31` (instance of) is `Q5` become [`Person`]s; entities
//! another entity's `P39` (position held) or `P2388` (office held by head)
//! names become [`Post`]s, those named by `P159` [`Place`]s, those named by
//! `P17` or `P1001` [`Jurisdiction`]s; every other item becomes an
//! [`Organization`] (of kind `other`: its `P31` classes are kept).
//! An entity that is named but not in the input becomes a node without
//! labels (a stub), and the report says so.
//!
//! | Wikidata | govgraph |
//! |---|---|
//! | labels (every language) | preferred labels |
//! | aliases (every language) | alternate labels |
//! | English description | description |
//! | `P31` instance of | annotation `wdt:P31` (the class's IRI) |
//! | `P749` parent organization, `P355` subsidiary | [`Relation::SubOrganizationOf`] |
//! | `P2388` office held by head | a head [`Post`] of the body ([`Relation::PostIn`]) |
//! | `P1037` director/manager, `P488` chairperson | a [`Tenure`] of the head post (dates from `P580`/`P582`); a body with none from `P2388` gets a post `<slug>-head` |
//! | `P39` position held, on persons | a [`Tenure`]: `P580` start, `P582` end, `P1365`/`P1366` kept as annotations `pq:P1365`/`pq:P1366`; tenures in order of start |
//! | `P571` inception, `P576` dissolved | `founded`, `dissolved` |
//! | `P159` headquarters location | a [`Site`] in a [`Place`] ([`Relation::PrimarySite`], [`Relation::ContainedIn`]) |
//! | `P856` official website | a [`Website`] ([`Relation::OfficialWebsite`]); on persons, annotation `wdt:P856` |
//! | `P1365` replaces, `P1366` replaced by, on bodies | [`Relation::Replaces`] |
//! | `P17` country, `P1001` applies to jurisdiction | [`Relation::HasJurisdiction`] to a [`Jurisdiction`] |
//! | the entity | `same_as` (organizations) or annotation `schema:sameAs` (other kinds) its IRI, and a source naming the entity and its revision |
//!
//! Ranks: deprecated statements are skipped; for a property with one value
//! (`P749`, `P571`, `P576`, `P159`, `P2388`, `P856`), preferred statements win
//! over normal ones (the first best one is taken, the others reported); for
//! properties with histories (`P39`, `P1037`, `P488`, `P355`, `P1365`,
//! `P1366`, `P17`, `P1001`, `P31`) every preferred and normal statement is
//! read. Times map to [`PartialDate`] by precision (9 year, 10 month, 11
//! and finer day); coarser precisions, dates before year 1 and `somevalue`
//! or `novalue` dates are reported, not guessed; Julian-calendar days are
//! converted to the Gregorian calendar.
//!
//! ```
//! let entity = r#"{"type": "item", "id": "Q1", "lastrevid": 7,
//!   "labels": {"en": {"language": "en", "value": "Example Council"}},
//!   "claims": {"P571": [{"rank": "normal", "mainsnak": {"snaktype": "value", "property": "P571",
//!     "datavalue": {"type": "time", "value": {"time": "+1954-09-00T00:00:00Z", "precision": 10,
//!       "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}}}}]}}"#;
//! let imported = govgraph::wikidata::read(entity.as_bytes())?;
//! let council = imported.graph.org_by_slug("example-council").ok_or("no council")?;
//! assert_eq!(council.data().founded.map(|d| d.to_string()).as_deref(), Some("1954-09"));
//! assert_eq!(council.data().sources[0].as_str(), "https://www.wikidata.org/w/index.php?title=Q1&oldid=7");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::{self, BufRead};

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde_json::Value as Json;

use crate::graph::{GovGraph, GraphError};
use crate::model::{
    Annotation, Bound, Interval, Jurisdiction, Labels, Lang, Node, NodeId, NodeKind, OrgKind,
    Organization, PartialDate, Person, Place, PlaceKind, Post, PostId, Relation, Site, Slug,
    Source, Tenure, Value, Website,
};

/// Wikidata entity IRIs start with this.
pub const ENTITY: &str = "http://www.wikidata.org/entity/";
/// Direct (truthy) property IRIs start with this (`wdt:`).
pub const DIRECT: &str = "http://www.wikidata.org/prop/direct/";
/// Qualifier property IRIs start with this (`pq:`).
pub const QUALIFIER: &str = "http://www.wikidata.org/prop/qualifier/";
const SAME_AS: &str = "http://schema.org/sameAs";
const GREGORIAN: &str = "http://www.wikidata.org/entity/Q1985727";
const JULIAN: &str = "http://www.wikidata.org/entity/Q1985786";

/// Why Wikidata JSON could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WikidataError {
    /// The input is not JSON, or not entities.
    #[error("invalid Wikidata JSON: {0}")]
    Syntax(#[from] serde_json::Error),
    /// The input could not be read.
    #[error("cannot read the Wikidata input: {0}")]
    Read(#[source] io::Error),
    /// An entity the graph refused (a cycle of parents, …).
    #[error("entity {entity}: {source}")]
    Graph {
        /// The entity's id (`Q7747`).
        entity: String,
        /// Why.
        #[source]
        source: GraphError,
    },
    /// An entity's id is not an item id (`Q` and digits).
    #[error("entity {index}: {id:?} is not an item id (Q and digits)")]
    BadId {
        /// The entity's place in the input, from 0.
        index: usize,
        /// The id found.
        id: String,
    },
}

/// Something the import did not take as it stood, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Note {
    /// The entity (`Q7747`).
    pub entity: String,
    /// What happened, in words.
    pub message: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.entity, self.message)
    }
}

/// A graph read from Wikidata, with what the import did not take as it
/// stood.
#[derive(Debug)]
#[non_exhaustive]
pub struct Imported {
    /// The graph.
    pub graph: GovGraph,
    /// Entities read.
    pub entities: usize,
    /// Notes, in the order they arose.
    pub notes: Vec<Note>,
}

// ---- the JSON ----

/// Wikidata writes an empty map as `[]`.
fn map_or_empty<'de, D: Deserializer<'de>, V: Deserialize<'de>>(
    d: D,
) -> Result<BTreeMap<String, V>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either<V> {
        Map(BTreeMap<String, V>),
        Empty([IgnoredAny; 0]),
    }
    Ok(match Either::deserialize(d)? {
        Either::Map(m) => m,
        Either::Empty(_) => BTreeMap::new(),
    })
}

#[derive(Deserialize)]
struct LangValue {
    language: String,
    value: String,
}

#[derive(Deserialize)]
struct DataValue {
    value: Json,
}

#[derive(Deserialize)]
struct Snak {
    snaktype: String,
    #[serde(default)]
    datavalue: Option<DataValue>,
}

#[derive(Deserialize)]
struct Statement {
    mainsnak: Snak,
    #[serde(default)]
    rank: String,
    #[serde(default, deserialize_with = "map_or_empty")]
    qualifiers: BTreeMap<String, Vec<Snak>>,
}

#[derive(Deserialize)]
struct Entity {
    id: String,
    #[serde(default)]
    lastrevid: Option<u64>,
    #[serde(default, deserialize_with = "map_or_empty")]
    labels: BTreeMap<String, LangValue>,
    #[serde(default, deserialize_with = "map_or_empty")]
    descriptions: BTreeMap<String, LangValue>,
    #[serde(default, deserialize_with = "map_or_empty")]
    aliases: BTreeMap<String, Vec<LangValue>>,
    #[serde(default, deserialize_with = "map_or_empty")]
    claims: BTreeMap<String, Vec<Statement>>,
}

// ---- reading entities one at a time ----

/// Calls `f` on each element of a JSON array as it is parsed.
struct EachEntity<'f, F>(&'f mut F);

impl<'de, F: FnMut(Entity)> Visitor<'de> for EachEntity<'_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of Wikidata entities")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(e) = seq.next_element::<Entity>()? {
            (self.0)(e);
        }
        Ok(())
    }
}

impl<'de, F: FnMut(Entity)> DeserializeSeed<'de> for EachEntity<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

/// Reads every entity of `reader`, in order, into `f`.
fn each_entity(reader: impl io::Read, mut f: impl FnMut(Entity)) -> Result<(), WikidataError> {
    let mut reader = io::BufReader::new(reader);
    // Find the first byte that is not white space.
    let first = loop {
        let buf = reader.fill_buf().map_err(WikidataError::Read)?;
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                let b = buf[i];
                reader.consume(i);
                break Some(b);
            }
            None if buf.is_empty() => break None,
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    };
    match first {
        None => Ok(()),
        Some(b'[') => {
            let mut de = serde_json::Deserializer::from_reader(reader);
            EachEntity(&mut f).deserialize(&mut de)?;
            de.end()?;
            Ok(())
        }
        Some(_) => {
            for v in serde_json::Deserializer::from_reader(reader).into_iter::<Json>() {
                let mut v = v?;
                match v.get_mut("entities").map(Json::take) {
                    Some(Json::Object(all)) => {
                        for (_, e) in all {
                            f(Entity::deserialize(e)?);
                        }
                    }
                    Some(other) => {
                        return Err(WikidataError::Syntax(de::Error::invalid_type(
                            de::Unexpected::Other(kind_of(&other)),
                            &"an object of entities",
                        )));
                    }
                    None => f(Entity::deserialize(v)?),
                }
            }
            Ok(())
        }
    }
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

// ---- facts ----

impl When {
    /// The interval bound: a date, undated, or none.
    fn bound(&self) -> Option<Bound> {
        match self {
            When::Date(d) => Some(Bound::Date(*d)),
            When::Unknown => Some(Bound::Undated),
            When::None => None,
        }
    }
}

/// A date, or why there is none.
enum When {
    Date(PartialDate),
    /// `somevalue`: there is one, not known.
    Unknown,
    /// No date, or none that maps (reported).
    None,
}

/// A statement's main value and the qualifiers we read.
struct Claim {
    target: Option<String>,
    text: Option<String>,
    time: Option<Json>,
    rank_preferred: bool,
    start: Option<Json>,
    end: Option<Json>,
    end_somevalue: bool,
    start_somevalue: bool,
    replaces: Vec<String>,
    replaced_by: Vec<String>,
}

fn item_id(v: &Json) -> Option<String> {
    v.get("id")
        .and_then(Json::as_str)
        .map(str::to_owned)
        .or_else(|| {
            v.get("numeric-id")
                .and_then(Json::as_u64)
                .map(|n| format!("Q{n}"))
        })
}

fn claims(e: &Entity, property: &str) -> Vec<Claim> {
    let Some(list) = e.claims.get(property) else {
        return Vec::new();
    };
    list.iter()
        .filter(|s| s.rank != "deprecated")
        .map(|s| {
            let value = s
                .mainsnak
                .datavalue
                .as_ref()
                .filter(|_| s.mainsnak.snaktype == "value")
                .map(|d| &d.value);
            let q = |p: &str| -> Option<&Snak> { s.qualifiers.get(p).and_then(|v| v.first()) };
            let q_time = |p: &str| {
                q(p).filter(|s| s.snaktype == "value")
                    .and_then(|s| s.datavalue.as_ref())
                    .map(|d| d.value.clone())
            };
            let q_items = |p: &str| -> Vec<String> {
                s.qualifiers
                    .get(p)
                    .into_iter()
                    .flatten()
                    .filter(|s| s.snaktype == "value")
                    .filter_map(|s| s.datavalue.as_ref().and_then(|d| item_id(&d.value)))
                    .collect()
            };
            Claim {
                target: value.and_then(item_id),
                text: value.and_then(Json::as_str).map(str::to_owned),
                time: value.filter(|v| v.get("time").is_some()).cloned(),
                rank_preferred: s.rank == "preferred",
                start: q_time("P580"),
                end: q_time("P582"),
                start_somevalue: q("P580").is_some_and(|s| s.snaktype == "somevalue"),
                end_somevalue: q("P582").is_some_and(|s| s.snaktype == "somevalue"),
                replaces: q_items("P1365"),
                replaced_by: q_items("P1366"),
            }
        })
        .collect()
}

/// The best claim of a one-valued property: the first preferred one when
/// there is one, else the first; when several are best, the rest are
/// reported.
fn best(list: Vec<Claim>, entity: &str, property: &str, notes: &mut Vec<Note>) -> Option<Claim> {
    let preferred = list.iter().filter(|c| c.rank_preferred).count();
    let candidates = if preferred == 0 {
        list.len()
    } else {
        preferred
    };
    if candidates > 1 {
        notes.push(Note {
            entity: entity.to_owned(),
            message: format!("{property} has {candidates} best values; the first is taken"),
        });
    }
    list.into_iter()
        .find(|c| c.rank_preferred || preferred == 0)
}

/// The Gregorian date of a Julian-calendar day.
#[expect(clippy::many_single_char_names, reason = "the algorithm's own names")]
fn julian_to_gregorian(y: i64, m: i64, d: i64) -> (i64, i64, i64) {
    // Julian day number of the Julian date, then the Gregorian date of it
    // (the algorithms of the Explanatory Supplement to the Astronomical
    // Almanac, in integer arithmetic).
    let a = (14 - m) / 12;
    let yy = y + 4800 - a;
    let mm = m + 12 * a - 3;
    let jdn = d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - 32083;
    let a = jdn + 32044;
    let b = (4 * a + 3) / 146_097;
    let c = a - 146_097 * b / 4;
    let dd = (4 * c + 3) / 1461;
    let e = c - 1461 * dd / 4;
    let mo = (5 * e + 2) / 153;
    let day = e - (153 * mo + 2) / 5 + 1;
    let month = mo + 3 - 12 * (mo / 10);
    let year = 100 * b + dd - 4800 + mo / 10;
    (year, month, day)
}

/// The [`PartialDate`] of a Wikidata time value, or a note why not.
#[expect(clippy::many_single_char_names, reason = "y, m, d: year, month, day")]
fn date(v: &Json) -> Result<PartialDate, String> {
    let text = v.get("time").and_then(Json::as_str).unwrap_or("");
    let precision = v.get("precision").and_then(Json::as_u64).unwrap_or(0);
    let calendar = v
        .get("calendarmodel")
        .and_then(Json::as_str)
        .unwrap_or(GREGORIAN);
    let bad = || format!("time {text:?} is not a date of year 1 to 9999");
    let Some(rest) = text.strip_prefix('+') else {
        return Err(bad());
    };
    let mut parts = rest.split(['-', 'T']);
    let mut num = || -> Option<i64> { parts.next()?.parse().ok() };
    let (Some(y), Some(m), Some(d)) = (num(), num(), num()) else {
        return Err(bad());
    };
    let result = match precision {
        9 => PartialDate::year(y),
        10 => PartialDate::year_month(y, u32::try_from(m).unwrap_or(0)),
        11..=14 => {
            let (y, m, d) = if calendar == JULIAN {
                julian_to_gregorian(y, m, d)
            } else {
                (y, m, d)
            };
            PartialDate::ymd(
                y,
                u32::try_from(m).unwrap_or(0),
                u32::try_from(d).unwrap_or(0),
            )
        }
        p => {
            return Err(format!(
                "time {text:?} has precision {p}, coarser than a year"
            ));
        }
    };
    result.map_err(|e| format!("time {text:?}: {e}"))
}

fn when(
    v: Option<&Json>,
    somevalue: bool,
    entity: &str,
    what: &str,
    notes: &mut Vec<Note>,
) -> When {
    if somevalue {
        return When::Unknown;
    }
    match v.map(date) {
        None => When::None,
        Some(Ok(d)) => When::Date(d),
        Some(Err(message)) => {
            notes.push(Note {
                entity: entity.to_owned(),
                message: format!("{what}: {message}; left out"),
            });
            When::None
        }
    }
}

/// The interval of a statement's `P580`/`P582` qualifiers.
fn interval(c: &Claim, entity: &str, property: &str, notes: &mut Vec<Note>) -> Interval {
    let start = when(
        c.start.as_ref(),
        c.start_somevalue,
        entity,
        &format!("{property} P580"),
        notes,
    );
    let end = when(
        c.end.as_ref(),
        c.end_somevalue,
        entity,
        &format!("{property} P582"),
        notes,
    );
    Interval {
        start: start.bound(),
        end: end.bound(),
    }
}

/// What an entity is about, read from its JSON.
struct Facts {
    id: String,
    revision: Option<u64>,
    labels: Labels,
    description: Option<String>,
    person: bool,
    instance_of: Vec<String>,
    parent: Option<(String, Interval)>,
    born: Option<PartialDate>,
    died: Option<PartialDate>,
    subsidiaries: Vec<String>,
    head_office: Option<String>,
    heads: Vec<Claim>,
    positions: Vec<Claim>,
    founded: Option<PartialDate>,
    dissolved: Option<PartialDate>,
    headquarters: Option<String>,
    website: Option<String>,
    replaces: Vec<String>,
    replaced_by: Vec<String>,
    jurisdictions: Vec<(String, Interval, &'static str)>,
}

/// The properties read; the others are counted in a note.
const READ: [&str; 17] = [
    "P31", "P749", "P355", "P2388", "P1037", "P488", "P39", "P571", "P576", "P159", "P856",
    "P1365", "P1366", "P17", "P1001", "P569", "P570",
];

fn facts(e: Entity, notes: &mut Vec<Note>) -> Facts {
    let id = e.id.clone();
    let mut labels = Labels::new();
    let lang = |code: &str, notes: &mut Vec<Note>| match Lang::new(code) {
        Ok(l) => Some(l),
        Err(err) => {
            notes.push(Note {
                entity: id.clone(),
                message: format!("a label in language {code:?} is left out: {err}"),
            });
            None
        }
    };
    for l in e.labels.values() {
        if let Some(lang) = lang(&l.language, notes) {
            labels.set_preferred(lang, l.value.clone());
        }
    }
    for list in e.aliases.values() {
        for l in list {
            if let Some(lang) = lang(&l.language, notes) {
                labels.add_alternate(lang, l.value.clone());
            }
        }
    }
    let others = e.descriptions.keys().filter(|k| *k != "en").count();
    if others > 0 {
        notes.push(Note {
            entity: id.clone(),
            message: format!("{others} descriptions in other languages than English are left out"),
        });
    }
    let unread: Vec<&str> = e
        .claims
        .keys()
        .map(String::as_str)
        .filter(|p| !READ.contains(p))
        .collect();
    if !unread.is_empty() {
        notes.push(Note {
            entity: id.clone(),
            message: format!(
                "{} properties not read: {}",
                unread.len(),
                unread.join(", ")
            ),
        });
    }
    let targets =
        |list: &[Claim]| -> Vec<String> { list.iter().filter_map(|c| c.target.clone()).collect() };
    let one = |p: &str, notes: &mut Vec<Note>| best(claims(&e, p), &id, p, notes);
    let date_of = |p: &str, notes: &mut Vec<Note>| -> Option<PartialDate> {
        let c = one(p, notes)?;
        match when(c.time.as_ref(), false, &id, p, notes) {
            When::Date(d) => Some(d),
            _ => None,
        }
    };
    let instance_of = targets(&claims(&e, "P31"));
    let mut f = Facts {
        person: instance_of.iter().any(|c| c == "Q5"),
        instance_of,
        parent: one("P749", notes).and_then(|c| {
            let during = interval(&c, &id, "P749", notes);
            c.target.map(|t| (t, during))
        }),
        born: date_of("P569", notes),
        died: date_of("P570", notes),
        subsidiaries: targets(&claims(&e, "P355")),
        head_office: one("P2388", notes).and_then(|c| c.target),
        heads: claims(&e, "P1037")
            .into_iter()
            .chain(claims(&e, "P488"))
            .collect(),
        positions: claims(&e, "P39"),
        founded: date_of("P571", notes),
        dissolved: date_of("P576", notes),
        headquarters: one("P159", notes).and_then(|c| c.target),
        website: one("P856", notes).and_then(|c| c.text),
        replaces: targets(&claims(&e, "P1365")),
        replaced_by: targets(&claims(&e, "P1366")),
        jurisdictions: ["P17", "P1001"]
            .into_iter()
            .flat_map(|p| claims(&e, p).into_iter().map(move |c| (p, c)))
            .filter_map(|(p, c)| {
                let during = interval(&c, &id, p, notes);
                c.target.map(|t| (t, during, p))
            })
            .collect(),
        description: e.descriptions.get("en").map(|d| d.value.clone()),
        revision: e.lastrevid,
        labels,
        id: e.id,
    };
    f.jurisdictions.dedup();
    f
}

// ---- building ----

struct Builder {
    g: GovGraph,
    notes: Vec<Note>,
    /// Node of each entity by id.
    nodes: HashMap<String, NodeId>,
    /// Labels of every entity read, for stubs and sites.
    labels: HashMap<String, Labels>,
    /// Entities some body names as the office held by its head.
    head_offices: HashSet<String>,
}

impl Builder {
    /// A free slug for a node of `kind`: from its English (or first)
    /// label, then that label with `base` after it, then `base` alone, then
    /// `base` numbered. `base` is an entity id or a phrase to slug.
    fn slug_for(&self, kind: NodeKind, labels: Option<&Labels>, base: &str) -> Slug {
        let base = Slug::from_name(base)
            .map_or_else(|_| kind.segment().to_owned(), |s| s.as_str().to_owned());
        let from_label = labels
            .and_then(|l| l.english().or_else(|| l.display()))
            .and_then(|t| Slug::from_name(t).ok())
            .map(|s| s.as_str().to_owned());
        let free = |text: String| {
            Slug::new(text)
                .ok()
                .filter(|s| self.g.id_by_slug(kind, s.as_str()).is_none())
        };
        let tries = from_label
            .iter()
            .cloned()
            .chain(from_label.iter().map(|l| format!("{l}-{base}")))
            .chain(std::iter::once(base.clone()));
        for t in tries {
            if let Some(s) = free(t) {
                return s;
            }
        }
        // Numbered: `base` is a valid slug (from_name made it, or a kind's
        // segment), so one of these is free before the graph is full.
        let short: String = base.chars().take(crate::model::MAX_SLUG_LEN - 12).collect();
        let short = short.trim_end_matches('-');
        (2usize..)
            .find_map(|n| free(format!("{short}-{n}")))
            .unwrap_or_else(|| unreachable!("a graph holds fewer nodes than usize::MAX"))
    }

    fn err(id: &str) -> impl Fn(GraphError) -> WikidataError + '_ {
        move |source| WikidataError::Graph {
            entity: id.to_owned(),
            source,
        }
    }

    fn same_as(&mut self, node: NodeId, id: &str) -> Result<(), WikidataError> {
        if node.kind() == NodeKind::Organization {
            return Ok(());
        }
        let a = Annotation {
            property: SAME_AS.to_owned(),
            value: Value::Iri(format!("{ENTITY}{id}")),
        };
        self.g.annotate(node, a).map_err(Self::err(id))
    }

    /// The node of entity `id` of `kind`: read, or a stub made now.
    fn node(&mut self, id: &str, kind: NodeKind, by: &str) -> Result<NodeId, WikidataError> {
        if let Some(n) = self.nodes.get(id) {
            return Ok(*n);
        }
        let labels = self.labels.get(id).cloned();
        let slug = self.slug_for(kind, labels.as_ref(), id);
        let labels = labels.unwrap_or_default();
        let entity = Source::new(format!("{ENTITY}{id}")).map_err(|e| WikidataError::Graph {
            entity: id.to_owned(),
            source: GraphError::BadValue(Box::new(e.into())),
        })?;
        let node: Node = match kind {
            NodeKind::Organization => Organization::new(slug, OrgKind::Other, "")
                .with_labels(labels)
                .with_same_as(entity)
                .into(),
            NodeKind::Post => {
                let mut p = Post::new(slug, "").with_labels(labels);
                p.heads = self.head_offices.contains(id);
                p.into()
            }
            NodeKind::Person => Person::new(slug, "").with_labels(labels).into(),
            NodeKind::Jurisdiction => Jurisdiction::new(slug, "").with_labels(labels).into(),
            _ => Place::new(slug, PlaceKind::Other, "")
                .with_labels(labels)
                .into(),
        };
        let n = self.g.insert(node).map_err(Self::err(id))?;
        self.same_as(n, id)?;
        self.nodes.insert(id.to_owned(), n);
        if !self.labels.contains_key(id) {
            self.notes.push(Note {
                entity: by.to_owned(),
                message: format!(
                    "names {id}, which is not in the input: a {kind} without labels stands for it"
                ),
            });
        }
        Ok(n)
    }
}

/// Reads Wikidata entities (see the module docs for the forms) into a
/// graph.
///
/// # Errors
/// [`WikidataError`]: JSON that does not parse or is not entities (with
/// its line and column), an id that is not an item's, a fact the graph
/// refuses (a cycle of parents).
pub fn read(reader: impl io::Read) -> Result<Imported, WikidataError> {
    let mut notes = Vec::new();
    let mut all = Vec::new();
    let mut bad_id = None;
    let mut index = 0usize;
    each_entity(reader, |e| {
        let ok = e.id.len() > 1
            && e.id.starts_with('Q')
            && e.id[1..].bytes().all(|b| b.is_ascii_digit());
        if !ok && bad_id.is_none() {
            bad_id = Some(WikidataError::BadId {
                index,
                id: e.id.clone(),
            });
        }
        index += 1;
        if ok {
            all.push(facts(e, &mut notes));
        }
    })?;
    if let Some(e) = bad_id {
        return Err(e);
    }
    build(&all, notes)
}

#[expect(clippy::too_many_lines, reason = "one pass per kind of fact, in order")]
fn build(all: &[Facts], notes: Vec<Note>) -> Result<Imported, WikidataError> {
    let entities = all.len();
    let mut b = Builder {
        g: GovGraph::new(),
        notes,
        nodes: HashMap::new(),
        head_offices: all.iter().filter_map(|f| f.head_office.clone()).collect(),
        labels: all
            .iter()
            .map(|f| (f.id.clone(), f.labels.clone()))
            .collect(),
    };
    let post_ids: HashSet<&str> = all
        .iter()
        .flat_map(|f| {
            f.positions
                .iter()
                .filter_map(|c| c.target.as_deref())
                .chain(f.head_office.as_deref())
        })
        .collect();
    let place_ids: HashSet<&str> = all
        .iter()
        .filter_map(|f| f.headquarters.as_deref())
        .collect();
    let jurisdiction_ids: HashSet<&str> = all
        .iter()
        .flat_map(|f| f.jurisdictions.iter().map(|(j, _, _)| j.as_str()))
        .collect();
    let mut seen = HashSet::new();
    // Nodes, in input order.
    for f in all {
        if !seen.insert(f.id.as_str()) {
            b.notes.push(Note {
                entity: f.id.clone(),
                message: "is in the input twice; the first is read".to_owned(),
            });
            continue;
        }
        let slug_kind = if f.person {
            NodeKind::Person
        } else if post_ids.contains(f.id.as_str()) {
            NodeKind::Post
        } else if place_ids.contains(f.id.as_str()) {
            NodeKind::Place
        } else if jurisdiction_ids.contains(f.id.as_str()) {
            NodeKind::Jurisdiction
        } else {
            NodeKind::Organization
        };
        let slug = b.slug_for(slug_kind, Some(&f.labels), &f.id);
        let source = match f.revision {
            Some(r) => Source::new(format!(
                "https://www.wikidata.org/w/index.php?title={}&oldid={r}",
                f.id
            )),
            None => Source::new(format!("{ENTITY}{}", f.id)),
        }
        .map_err(|e| WikidataError::Graph {
            entity: f.id.clone(),
            source: GraphError::BadValue(Box::new(e.into())),
        })?;
        let node: Node = match slug_kind {
            NodeKind::Person => {
                let mut p = Person::new(slug, "")
                    .with_labels(f.labels.clone())
                    .with_source(source);
                p.description.clone_from(&f.description);
                p.born = f.born;
                p.died = f.died;
                p.into()
            }
            NodeKind::Post => {
                let mut p = Post::new(slug, "")
                    .with_labels(f.labels.clone())
                    .with_source(source);
                p.description.clone_from(&f.description);
                p.heads = b.head_offices.contains(&f.id);
                p.into()
            }
            NodeKind::Place => {
                let mut p = Place::new(slug, PlaceKind::Other, "")
                    .with_labels(f.labels.clone())
                    .with_source(source);
                p.description.clone_from(&f.description);
                p.into()
            }
            NodeKind::Jurisdiction => {
                let mut j = Jurisdiction::new(slug, "")
                    .with_labels(f.labels.clone())
                    .with_source(source);
                j.description.clone_from(&f.description);
                j.into()
            }
            _ => {
                let mut o = Organization::new(slug, OrgKind::Other, "")
                    .with_labels(f.labels.clone())
                    .with_source(source)
                    .with_same_as(Source::new(format!("{ENTITY}{}", f.id)).map_err(|e| {
                        WikidataError::Graph {
                            entity: f.id.clone(),
                            source: GraphError::BadValue(Box::new(e.into())),
                        }
                    })?);
                o.founded = f.founded;
                if let Some(d) = f.dissolved {
                    o = o.with_dissolved(d);
                }
                if let Some(d) = &f.description {
                    o = o.with_description(d.as_str());
                }
                o.into()
            }
        };
        let n = b.g.insert(node).map_err(Builder::err(&f.id))?;
        b.same_as(n, &f.id)?;
        b.nodes.insert(f.id.clone(), n);
        for class in &f.instance_of {
            if class == "Q5" {
                continue;
            }
            let a = Annotation {
                property: format!("{DIRECT}P31"),
                value: Value::Iri(format!("{ENTITY}{class}")),
            };
            b.g.annotate(n, a).map_err(Builder::err(&f.id))?;
        }
        if !f.person && slug_kind != NodeKind::Organization {
            other_facts(&mut b, n, f)?;
        }
        // Websites of bodies become nodes below; of others, annotations.
        if let (Some(url), false) = (&f.website, slug_kind == NodeKind::Organization) {
            let a = Annotation {
                property: format!("{DIRECT}P856"),
                value: Value::Iri(url.clone()),
            };
            if b.g.annotate(n, a).is_err() {
                b.notes.push(Note {
                    entity: f.id.clone(),
                    message: format!("official website {url:?} is not an IRI; left out"),
                });
            }
        }
    }

    // Bodies: hierarchy, head office, websites, headquarters, jurisdictions, replacements.
    for f in all.iter().filter(|f| !f.person) {
        let Some(NodeId::Organization(org)) = b.nodes.get(&f.id).copied() else {
            continue;
        };
        if let Some((p, during)) = &f.parent {
            let parent = b.node(p, NodeKind::Organization, &f.id)?;
            link_once(
                &mut b,
                &f.id,
                org.into(),
                Relation::SubOrganizationOf,
                parent,
                *during,
            )?;
        }
        for s in &f.subsidiaries {
            let child = b.node(s, NodeKind::Organization, &f.id)?;
            link_once(
                &mut b,
                &f.id,
                child,
                Relation::SubOrganizationOf,
                org.into(),
                Interval::new(),
            )?;
        }
        if let Some(office) = &f.head_office {
            let post = b.node(office, NodeKind::Post, &f.id)?;
            link_once(
                &mut b,
                &f.id,
                post,
                Relation::PostIn,
                org.into(),
                Interval::new(),
            )?;
        }
        if let Some(url) = &f.website {
            let slug = b.slug_for(
                NodeKind::Website,
                None,
                &format!("{}-website", b.g[org].slug.as_str()),
            );
            match Website::new(slug, url.as_str(), "") {
                Ok(mut w) => {
                    w.labels = Labels::new();
                    let w = b.g.insert(w.into()).map_err(Builder::err(&f.id))?;
                    b.g.link(org, Relation::OfficialWebsite, w)
                        .map_err(Builder::err(&f.id))?;
                }
                Err(e) => b.notes.push(Note {
                    entity: f.id.clone(),
                    message: format!("official website left out: {e}"),
                }),
            }
        }
        if let Some(hq) = &f.headquarters {
            let place = b.node(hq, NodeKind::Place, &f.id)?;
            let label =
                b.g.get(place)
                    .map(Node::display_name)
                    .unwrap_or_default()
                    .to_owned();
            let slug = b.slug_for(
                NodeKind::Site,
                None,
                &format!("{}-headquarters", b.g[org].slug.as_str()),
            );
            let site =
                b.g.add_headquarters(org, Site::new(slug, label))
                    .map_err(Builder::err(&f.id))?;
            b.g.link(site, Relation::ContainedIn, place)
                .map_err(Builder::err(&f.id))?;
        }
        for (j, during, _) in &f.jurisdictions {
            let j = b.node(j, NodeKind::Jurisdiction, &f.id)?;
            link_once(
                &mut b,
                &f.id,
                org.into(),
                Relation::HasJurisdiction,
                j,
                *during,
            )?;
        }
        for p in &f.replaces {
            let old = b.node(p, NodeKind::Organization, &f.id)?;
            link_once(
                &mut b,
                &f.id,
                org.into(),
                Relation::Replaces,
                old,
                Interval::new(),
            )?;
        }
        for s in &f.replaced_by {
            let new = b.node(s, NodeKind::Organization, &f.id)?;
            link_once(
                &mut b,
                &f.id,
                new,
                Relation::Replaces,
                org.into(),
                Interval::new(),
            )?;
        }
    }

    // Tenures: of head posts (from bodies), then of positions held (from
    // persons), each list in order of start.
    let mut tenures: Vec<(String, NodeId, NodeId, &Claim)> = Vec::new();
    for f in all.iter().filter(|f| !f.person) {
        let Some(NodeId::Organization(org)) = b.nodes.get(&f.id).copied() else {
            continue;
        };
        if f.heads.is_empty() {
            continue;
        }
        let post = if let Some(office) = &f.head_office {
            b.node(office, NodeKind::Post, &f.id)?
        } else {
            let slug = b.slug_for(
                NodeKind::Post,
                None,
                &format!("{}-head", b.g[org].slug.as_str()),
            );
            let mut p = Post::new(slug, "").head();
            p.labels = Labels::new();
            let p: PostId = b.g.add_post(org, p).map_err(Builder::err(&f.id))?;
            p.into()
        };
        for c in &f.heads {
            if let Some(person) = &c.target {
                let person = b.node(person, NodeKind::Person, &f.id)?;
                tenures.push((f.id.clone(), person, post, c));
            }
        }
    }
    for f in all.iter().filter(|f| f.person) {
        let Some(person) = b.nodes.get(&f.id).copied() else {
            continue;
        };
        for c in &f.positions {
            if let Some(pos) = &c.target {
                let post = b.node(pos, NodeKind::Post, &f.id)?;
                tenures.push((f.id.clone(), person, post, c));
            }
        }
    }
    let mut dated = Vec::new();
    for (entity, person, post, c) in tenures {
        let start = when(
            c.start.as_ref(),
            c.start_somevalue,
            &entity,
            "P580",
            &mut b.notes,
        );
        let end = when(
            c.end.as_ref(),
            c.end_somevalue,
            &entity,
            "P582",
            &mut b.notes,
        );
        dated.push((entity, person, post, c, start, end));
    }
    dated.sort_by_key(|(_, _, _, _, start, _)| match start {
        When::Date(d) => (0, Some(*d)),
        _ => (1, None),
    });
    // One fact stated from both ends (a body's P1037 and its head's P39)
    // makes one tenure, with the qualifiers of both.
    let mut made: HashMap<(NodeId, NodeId, Option<Bound>, Option<Bound>), crate::model::TenureId> =
        HashMap::new();
    for (entity, person, post, c, start, end) in dated {
        let key = (person, post, start.bound(), end.bound());
        if let Some(tid) = made.get(&key).copied() {
            qualifiers(&mut b, tid, c, &entity)?;
            continue;
        }
        let (NodeId::Person(person), NodeId::Post(post)) = (person, post) else {
            b.notes.push(Note {
                entity: entity.clone(),
                message: "a position held that is not a post; left out".to_owned(),
            });
            continue;
        };
        let base = format!("{} {}", b.g[person].slug.as_str(), b.g[post].slug.as_str());
        let slug = b.slug_for(NodeKind::Tenure, None, &base);
        let mut t = Tenure::new(slug);
        t.start = start.bound();
        t.end = end.bound();
        if let (Some(s), Some(e)) = (t.start_date(), t.end_date()) {
            if e.latest() < s.earliest() {
                b.notes.push(Note {
                    entity: entity.clone(),
                    message: format!(
                        "{} ends ({e}) before it begins ({s}); left out",
                        b.g[post].slug
                    ),
                });
                continue;
            }
        }
        let tid =
            b.g.appoint(person, post, t)
                .map_err(Builder::err(&entity))?;
        made.insert(key, tid);
        qualifiers(&mut b, tid, c, &entity)?;
    }
    Ok(Imported {
        graph: b.g,
        entities,
        notes: b.notes,
    })
}

/// Keeps a statement's `P1365`/`P1366` qualifiers on its tenure, once.
fn qualifiers(
    b: &mut Builder,
    tid: crate::model::TenureId,
    c: &Claim,
    entity: &str,
) -> Result<(), WikidataError> {
    for (p, list) in [("P1365", &c.replaces), ("P1366", &c.replaced_by)] {
        for q in list {
            let a = Annotation {
                property: format!("{QUALIFIER}{p}"),
                value: Value::Iri(format!("{ENTITY}{q}")),
            };
            if !b.g.annotations(tid).contains(&a) {
                b.g.annotate(tid, a).map_err(Builder::err(entity))?;
            }
        }
    }
    Ok(())
}

/// What a post, place or jurisdiction entity says that only bodies have
/// a place for: its countries and jurisdictions as annotations (`wdt:P17`,
/// `wdt:P1001`), the rest in a note.
fn other_facts(b: &mut Builder, n: NodeId, f: &Facts) -> Result<(), WikidataError> {
    for (j, _, p) in &f.jurisdictions {
        let a = Annotation {
            property: format!("{DIRECT}{p}"),
            value: Value::Iri(format!("{ENTITY}{j}")),
        };
        b.g.annotate(n, a).map_err(Builder::err(&f.id))?;
    }
    let mut unread = Vec::new();
    for (p, has) in [
        ("P749", f.parent.is_some()),
        ("P355", !f.subsidiaries.is_empty()),
        ("P2388", f.head_office.is_some()),
        ("P1037/P488", !f.heads.is_empty()),
        ("P571", f.founded.is_some()),
        ("P576", f.dissolved.is_some()),
        ("P159", f.headquarters.is_some()),
        ("P1365", !f.replaces.is_empty()),
        ("P1366", !f.replaced_by.is_empty()),
    ] {
        if has {
            unread.push(p);
        }
    }
    if !unread.is_empty() {
        let kind = n.kind();
        b.notes.push(Note {
            entity: f.id.clone(),
            message: format!("a {kind} has no place for {}; left out", unread.join(", ")),
        });
    }
    Ok(())
}

/// Links unless the link is there already (two entities may state one
/// fact from both ends); a second parent is reported, not made.
fn link_once(
    b: &mut Builder,
    entity: &str,
    from: NodeId,
    rel: Relation,
    to: NodeId,
    during: Interval,
) -> Result<(), WikidataError> {
    match b.g.link_during(from, rel, to, during) {
        Ok(()) | Err(GraphError::DuplicateLink { .. }) => Ok(()),
        Err(
            e @ (GraphError::AlreadyLinked { .. }
            | GraphError::WrongKinds { .. }
            | GraphError::LinkEndsBeforeStart { .. }),
        ) => {
            b.notes.push(Note {
                entity: entity.to_owned(),
                message: format!("{e}; left out"),
            });
            Ok(())
        }
        Err(source) => Err(WikidataError::Graph {
            entity: entity.to_owned(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn julian_days_move_to_the_gregorian_calendar() {
        // 1952-10-07 was not Julian; the Julian 1917-10-25 is the Gregorian
        // 1917-11-07, and the Julian 1582-10-05 the Gregorian 1582-10-15.
        assert_eq!(julian_to_gregorian(1917, 10, 25), (1917, 11, 7));
        assert_eq!(julian_to_gregorian(1582, 10, 5), (1582, 10, 15));
        assert_eq!(julian_to_gregorian(2000, 1, 1), (2000, 1, 14));
    }
}
