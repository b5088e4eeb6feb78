//! The document grouped by subject: each subject's triples together, in
//! the order they come, with their positions in the document, held
//! compactly while the document is read.
//!
//! The parser hands over each triple as owned terms (a string on the heap
//! per IRI and literal). Keeping those until the graph is built costs
//! several hundred bytes a triple and millions of small allocations, so a
//! triple is stored as 20 bytes of numbers instead: its predicate and
//! object as ids of texts held once in large chunks. Every IRI and blank
//! node label is interned (a class or a predicate is held once however
//! often it is written); literal values are appended as they come. The
//! builder reads triples back as borrowed terms ([`TermRef`] and the like),
//! made on the fly from the ids without copying.

use std::collections::HashSet;

use oxrdf::{
    BlankNodeRef, LiteralRef, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Term,
    TermRef,
};

use super::super::vocab::{rdf, schema};
use super::ImportError;
use super::build::Builder;
use super::error::graph_err;
use super::report::{ImportReport, NoteKind};
use super::values::term_value;
use crate::graph::GraphError;
use crate::index::{HashIndex, MAX_POSITION};
use crate::model::Statement;

const HTTPS_SCHEMA: &str = "https://schema.org/";

/// A subject's triple as the builder reads it: borrowed from the document.
pub(super) type TripleRef<'d> = (NamedNodeRef<'d>, TermRef<'d>);

/// The largest chunk of [`Texts`] (a longer text gets a chunk of its
/// own); chunks start at [`FIRST_CHUNK`] and double, so that a small
/// document does not reserve a mebibyte.
const CHUNK: usize = 1 << 20;
const FIRST_CHUNK: usize = 1 << 10;

/// The length of a text that fills its chunk alone and is too long for
/// 32 bits.
const WHOLE: u32 = u32::MAX;

/// How many texts a document may hold (ids are `0..=MAX_POSITION`).
pub(super) const MAX_TEXTS: u64 = MAX_POSITION as u64 + 1;

/// Every text of the document, appended to large chunks: a text is its
/// chunk, offset and length. No chunk ever moves once written, and a text
/// is never split between chunks: one longer than a chunk gets a chunk of
/// its own, and one of 4 GiB or more is recorded as "the whole chunk"
/// ([`WHOLE`] as its length).
#[derive(Default)]
struct Texts {
    chunks: Vec<String>,
    spans: Vec<(u32, u32, u32)>,
}

impl Texts {
    /// Appends `s` and gives its id; `None` when the document already
    /// holds [`MAX_TEXTS`] texts.
    fn push(&mut self, s: &str) -> Option<u32> {
        let id = u32::try_from(self.spans.len())
            .ok()
            .filter(|&i| i <= MAX_POSITION)?;
        // A text longer than a chunk gets one of its own, which nothing is
        // appended to afterwards.
        let own = s.len() > CHUNK;
        let fits = !own
            && self
                .chunks
                .last()
                .is_some_and(|c| c.capacity() <= CHUNK && c.capacity() - c.len() >= s.len());
        if !fits {
            let capacity = if own {
                s.len()
            } else {
                self.chunks.last().map_or(FIRST_CHUNK, |c| {
                    (c.capacity() * 2).clamp(FIRST_CHUNK, CHUNK)
                })
            };
            self.chunks.push(String::with_capacity(capacity));
        }
        let chunk = self.chunks.len() - 1;
        let buf = &mut self.chunks[chunk];
        let start = buf.len();
        buf.push_str(s);
        self.spans.push((
            u32::try_from(chunk).ok()?,
            u32::try_from(start).ok()?,
            u32::try_from(s.len()).unwrap_or(WHOLE),
        ));
        Some(id)
    }

    fn get(&self, id: u32) -> &str {
        let (chunk, start, len) = self.spans[id as usize];
        let chunk = &self.chunks[chunk as usize];
        if len == WHOLE {
            return chunk;
        }
        let start = start as usize;
        &chunk[start..start + len as usize]
    }
}

/// An object, as ids of [`Texts`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Obj {
    Iri(u32),
    Blank(u32),
    Simple(u32),
    /// A value and its language tag.
    Lang(u32, u32),
    /// A value and its datatype IRI.
    Typed(u32, u32),
}

/// A triple of a group: its predicate and object, and its position in the
/// document. 20 bytes.
#[derive(Clone, Copy)]
struct Packed {
    p: u32,
    at: u32,
    o: Obj,
}

/// A subject: blank or named, and its text's id; and whether its group
/// was left once already (see [`Document::add`]).
#[derive(Clone, Copy)]
struct Subject {
    blank: bool,
    left: bool,
    text: u32,
}

/// The triples of one subject. 32 bytes.
pub(super) struct Group {
    triples: Vec<Packed>,
    subject: Subject,
}

#[derive(Default)]
pub(super) struct Document {
    texts: Texts,
    /// Interned IRIs (and language tags) by a keyed hash of their text.
    iris: HashIndex,
    /// Interned blank node labels, likewise.
    blanks: HashIndex,
    /// The group of each subject, by the id of its text (`u32::MAX` for a
    /// text that is no subject, and for ids past the end).
    group_of_text: Vec<u32>,
    groups: Vec<Group>,
    pub graph_seen: HashSet<String>,
    pub report: ImportReport,
    pub https_schema: HashSet<usize>,
    /// The group the last triple went to.
    last: Option<usize>,
}

fn fix_schema(iri: &str) -> Option<String> {
    iri.strip_prefix(HTTPS_SCHEMA)
        .map(|rest| format!("{}{rest}", schema::NAMESPACE))
}

/// Pending links and holdings come from a node's own triples, so their
/// subject always has a node.
pub(super) const OWN_TRIPLE: &str = "the subject of a node's own triple";

/// What a subject is looked up by: blank or named, and its text.
pub(super) fn subject_key<'a>(s: impl Into<NamedOrBlankNodeRef<'a>>) -> (bool, &'a str) {
    match s.into() {
        NamedOrBlankNodeRef::NamedNode(n) => (false, n.as_str()),
        NamedOrBlankNodeRef::BlankNode(b) => (true, b.as_str()),
    }
}

impl Document {
    /// How many subjects the document has.
    pub(super) fn len(&self) -> usize {
        self.groups.len()
    }

    /// The id of an interned text, if the document has it.
    fn interned(&self, blank: bool, text: &str) -> Option<u32> {
        let index = if blank { &self.blanks } else { &self.iris };
        index
            .get(index.hash(text))
            .iter()
            .copied()
            .find(|&id| self.texts.get(id) == text)
    }

    /// Interns `text`, giving its id.
    fn intern(&mut self, blank: bool, text: &str) -> Option<u32> {
        if let Some(id) = self.interned(blank, text) {
            return Some(id);
        }
        let id = self.texts.push(text)?;
        let index = if blank {
            &mut self.blanks
        } else {
            &mut self.iris
        };
        index.insert(index.hash(text), id);
        Some(id)
    }

    /// The group of the subject `(blank, text)`.
    pub(super) fn find(&self, key: (bool, &str)) -> Option<usize> {
        let id = self.interned(key.0, key.1)?;
        let g = *self.group_of_text.get(id as usize)?;
        (g != u32::MAX && self.groups[g as usize].subject.blank == key.0).then_some(g as usize)
    }

    /// The group whose subject `t` is, if any.
    pub(super) fn group_of<'a>(&self, t: impl Into<TermRef<'a>>) -> Option<usize> {
        match t.into() {
            TermRef::NamedNode(n) => self.find((false, n.as_str())),
            TermRef::BlankNode(b) => self.find((true, b.as_str())),
            TermRef::Literal(_) => None,
        }
    }

    /// The subject of group `i`, borrowed.
    pub(super) fn subject(&self, i: usize) -> NamedOrBlankNodeRef<'_> {
        let s = self.groups[i].subject;
        let text = self.texts.get(s.text);
        if s.blank {
            BlankNodeRef::new_unchecked(text).into()
        } else {
            NamedNodeRef::new_unchecked(text).into()
        }
    }

    /// The subject of group `i`, owned (for errors, notes and nodes).
    pub(super) fn subject_owned(&self, i: usize) -> NamedOrBlankNode {
        self.subject(i).into_owned()
    }

    /// How many triples group `i` has.
    pub(super) fn count(&self, i: usize) -> usize {
        self.groups[i].triples.len()
    }

    /// The position in the document of triple `t` of group `i`.
    pub(super) fn at(&self, i: usize, t: usize) -> usize {
        self.groups[i].triples[t].at as usize
    }

    fn object(&self, o: Obj) -> TermRef<'_> {
        let text = |id| self.texts.get(id);
        match o {
            Obj::Iri(id) => NamedNodeRef::new_unchecked(text(id)).into(),
            Obj::Blank(id) => BlankNodeRef::new_unchecked(text(id)).into(),
            Obj::Simple(v) => LiteralRef::new_simple_literal(text(v)).into(),
            Obj::Lang(v, l) => {
                LiteralRef::new_language_tagged_literal_unchecked(text(v), text(l)).into()
            }
            Obj::Typed(v, d) => {
                LiteralRef::new_typed_literal(text(v), NamedNodeRef::new_unchecked(text(d))).into()
            }
        }
    }

    /// The triples of group `i`, in document order, borrowed.
    pub(super) fn triples(&self, i: usize) -> impl ExactSizeIterator<Item = TripleRef<'_>> + '_ {
        self.groups[i].triples.iter().map(|t| {
            (
                NamedNodeRef::new_unchecked(self.texts.get(t.p)),
                self.object(t.o),
            )
        })
    }

    /// The triples of group `i`, gathered.
    pub(super) fn triple_vec(&self, i: usize) -> Vec<TripleRef<'_>> {
        self.triples(i).collect()
    }

    /// Adds a triple to its subject's group. Fails only when a document
    /// has more subjects than the graph can number (2^31 - 1) or more
    /// texts than [`MAX_TEXTS`].
    pub(super) fn add(
        &mut self,
        subject: &NamedOrBlankNode,
        predicate: &NamedNode,
        object: &Term,
    ) -> Result<(), ImportError> {
        // More texts than ids: only a document of several GiB gets here.
        let full = || ImportError::TooManyTexts {
            subject: subject.to_string(),
            predicate: predicate.as_str().to_owned(),
            object: object.to_string(),
            max: MAX_TEXTS,
        };
        let fixed_p = fix_schema(predicate.as_str());
        let p = self
            .intern(false, fixed_p.as_deref().unwrap_or(predicate.as_str()))
            .ok_or_else(full)?;
        // Only a class is a vocabulary term in object position; any other
        // IRI there (a source, a website) is data, kept as written.
        let mut fixed_o = false;
        let o = match object {
            Term::NamedNode(n) => {
                let fixed = (predicate.as_str() == rdf::TYPE)
                    .then(|| fix_schema(n.as_str()))
                    .flatten();
                fixed_o = fixed.is_some();
                Obj::Iri(
                    self.intern(false, fixed.as_deref().unwrap_or(n.as_str()))
                        .ok_or_else(full)?,
                )
            }
            Term::BlankNode(b) => Obj::Blank(self.intern(true, b.as_str()).ok_or_else(full)?),
            Term::Literal(l) => {
                let v = self.texts.push(l.value()).ok_or_else(full)?;
                if let Some(lang) = l.language() {
                    Obj::Lang(v, self.intern(false, lang).ok_or_else(full)?)
                } else if l.datatype() == oxrdf::vocab::xsd::STRING {
                    Obj::Simple(v)
                } else {
                    Obj::Typed(
                        v,
                        self.intern(false, l.datatype().as_str()).ok_or_else(full)?,
                    )
                }
            }
        };
        let (blank, text) = subject_key(subject);
        // Documents group a subject's triples (ours always do): compare
        // with the last subject before looking it up.
        let last = self.last.filter(|&l| {
            let s = self.groups[l].subject;
            s.blank == blank && self.texts.get(s.text) == text
        });
        let i = if let Some(i) = last {
            i
        } else if let Some(i) = self.find((blank, text)) {
            i
        } else {
            let i = self.groups.len();
            let pos = u32::try_from(i)
                .ok()
                .filter(|&p| p <= MAX_POSITION)
                .ok_or_else(|| {
                    graph_err(subject, predicate, object)(GraphError::Full { max: MAX_POSITION })
                })?;
            let id = self.intern(blank, text).ok_or_else(full)?;
            let slot = id as usize;
            if self.group_of_text.len() <= slot {
                self.group_of_text.resize(slot + 1, u32::MAX);
            }
            self.group_of_text[slot] = pos;
            self.groups.push(Group {
                subject: Subject {
                    blank,
                    left: false,
                    text: id,
                },
                triples: Vec::new(),
            });
            i
        };
        if fixed_p.is_some() || fixed_o {
            self.https_schema.insert(i);
        }
        if let Some(done) = self.last.filter(|&l| l != i) {
            // A subject's triples usually end where the next subject
            // begins: give back what its vector reserved beyond them, the
            // first time only, so that a document whose subjects take
            // turns does not shrink and regrow a vector on every triple.
            let group = &mut self.groups[done];
            if !group.subject.left {
                group.subject.left = true;
                group.triples.shrink_to_fit();
            }
        }
        self.last = Some(i);
        let at = u32::try_from(self.report.triples).unwrap_or(u32::MAX);
        self.groups[i].triples.push(Packed { p, at, o });
        Ok(())
    }

    /// Keeps what no node consumed as statements.
    pub(super) fn keep_statements(&self, b: &mut Builder<'_>) -> Result<(), ImportError> {
        // What no node consumed is kept as statements, subject by subject,
        // in the order of each subject's first kept triple (not its first
        // triple: the export writes derived triples about it earlier).
        let mut kept_groups: Vec<(usize, usize)> = (0..self.groups.len())
            .filter(|&i| !b.claims.consumed[i])
            .filter_map(|i| {
                let first = (0..self.count(i)).find(|&t| !b.claims.triples.contains(&(i, t)))?;
                Some((self.at(i, first), i))
            })
            .collect();
        kept_groups.sort_unstable();
        for (_, i) in kept_groups {
            let subject = self.subject_owned(i);
            let mut kept = 0;
            for (t, (p, o)) in self.triples(i).enumerate() {
                if b.claims.triples.contains(&(i, t)) {
                    continue;
                }
                kept += 1;
                b.g.add_statement(Statement {
                    subject: super::values::subject_value(&subject),
                    property: p.as_str().to_owned(),
                    value: term_value(o),
                })
                .map_err(graph_err(&subject, p, o))?;
                b.report.statements += 1;
            }
            b.note(
                &subject,
                NoteKind::Kept,
                format!("{kept} triples about a resource that is not a node kept as statements"),
            );
        }
        Ok(())
    }

    /// The named subjects, in document order.
    pub(super) fn named_subjects(&self) -> impl Iterator<Item = &str> + '_ {
        self.groups
            .iter()
            .filter(|g| !g.subject.blank)
            .map(|g| self.texts.get(g.subject.text))
    }

    /// Every IRI of the document (subject or object) that starts with
    /// `base`.
    pub(super) fn iris_under(&self, base: &str) -> HashSet<String> {
        let mut out = HashSet::new();
        for g in &self.groups {
            let objects = g.triples.iter().filter_map(|t| match t.o {
                Obj::Iri(id) => Some(id),
                _ => None,
            });
            let subject = (!g.subject.blank).then_some(g.subject.text);
            for id in subject.into_iter().chain(objects) {
                let iri = self.texts.get(id);
                if iri.starts_with(base) {
                    out.insert(iri.to_owned());
                }
            }
        }
        out
    }

    /// Every blank node label of the document (subject or object).
    pub(super) fn blank_labels(&self) -> HashSet<String> {
        let mut out = HashSet::new();
        for g in &self.groups {
            let objects = g.triples.iter().filter_map(|t| match t.o {
                Obj::Blank(id) => Some(id),
                _ => None,
            });
            let subject = g.subject.blank.then_some(g.subject.text);
            for id in subject.into_iter().chain(objects) {
                out.insert(self.texts.get(id).to_owned());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compact_forms_keep_their_sizes() {
        assert_eq!(std::mem::size_of::<Packed>(), 20);
        assert_eq!(std::mem::size_of::<Group>(), 32);
    }

    #[test]
    fn texts_come_back_whole_across_chunks() {
        let mut t = Texts::default();
        let big = "x".repeat(CHUNK + 7);
        let small: Vec<String> = (0..5_000).map(|i| format!("text {i}")).collect();
        let mut ids = vec![t.push("first").expect("room")];
        ids.push(t.push(&big).expect("room"));
        for s in &small {
            ids.push(t.push(s).expect("room"));
        }
        assert_eq!(t.get(ids[0]), "first");
        assert_eq!(t.get(ids[1]), big);
        for (id, s) in ids[2..].iter().zip(&small) {
            assert_eq!(t.get(*id), s);
        }
        // The long text has a chunk of its own, which nothing joins.
        let (chunk, start, _) = t.spans[ids[1] as usize];
        assert_eq!((start, t.chunks[chunk as usize].len()), (0, big.len()));
        assert!(ids[2..].iter().all(|&id| t.spans[id as usize].0 != chunk));
        // Chunks start small and double up to the largest size.
        assert_eq!(t.chunks[0].capacity(), FIRST_CHUNK);
        assert!(
            t.chunks
                .iter()
                .all(|c| c.capacity() <= CHUNK || c.len() > CHUNK)
        );
    }

    #[test]
    fn a_subject_met_again_keeps_all_its_triples_in_order() {
        let mut doc = Document::default();
        let s = |i: u32| NamedOrBlankNode::from(NamedNode::new_unchecked(format!("http://e/s{i}")));
        let p = NamedNode::new_unchecked("http://e/p");
        for n in 0..200u32 {
            doc.report.triples += 1;
            let o = Term::from(oxrdf::Literal::new_simple_literal(n.to_string()));
            doc.add(&s(n % 2), &p, &o).expect("room");
        }
        assert_eq!(doc.len(), 2);
        for g in 0..2 {
            let values: Vec<String> = doc
                .triples(g)
                .map(|(_, o)| match o {
                    TermRef::Literal(l) => l.value().to_owned(),
                    other => other.to_string(),
                })
                .collect();
            let expected: Vec<String> = (0..200)
                .filter(|&n| n % 2 == u32::from(g == 1))
                .map(|n| n.to_string())
                .collect();
            assert_eq!(values, expected);
            assert_eq!(doc.at(g, 0), g + 1);
        }
    }
}
