//! Terms read as the model's values.

use oxrdf::{NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef};

use super::super::vocab::{dct, skos, xsd};
use super::ImportError;
use super::error::{bad, wrong};
use crate::model::{DatePrecision, Labels, Lang, PartialDate, Value};

pub(super) fn keep_labels(labels: &Labels, description: Option<&String>) -> Vec<(NamedNode, Term)> {
    let mut rest = Vec::new();
    for (lang, text) in labels.preferred_all() {
        rest.push((
            NamedNode::new_unchecked(skos::PREF_LABEL),
            oxrdf::Literal::new_language_tagged_literal_unchecked(text, lang.as_str()).into(),
        ));
    }
    for l in labels.alternates() {
        rest.push((
            NamedNode::new_unchecked(skos::ALT_LABEL),
            oxrdf::Literal::new_language_tagged_literal_unchecked(&l.text, l.lang.as_str()).into(),
        ));
    }
    if let Some(d) = description {
        rest.push(description_triple(d.clone()));
    }
    rest
}

pub(super) fn description_triple(d: String) -> (NamedNode, Term) {
    (
        NamedNode::new_unchecked(dct::DESCRIPTION),
        oxrdf::Literal::new_language_tagged_literal_unchecked(d, "en").into(),
    )
}

pub(super) fn lang_literal<'t>(
    s: &NamedOrBlankNode,
    p: impl Into<NamedNodeRef<'t>>,
    o: impl Into<TermRef<'t>>,
) -> Result<(String, Lang), ImportError> {
    let (p, o) = (p.into(), o.into());
    let TermRef::Literal(l) = o else {
        return Err(wrong(s, p, o, "expected a literal"));
    };
    let lang = match l.language() {
        Some(tag) => Lang::new(tag).map_err(|e| bad(s, p, o, e.to_string()))?,
        None => Lang::en(),
    };
    Ok((l.value().to_owned(), lang))
}

pub(super) fn literal<'t>(
    s: &NamedOrBlankNode,
    p: impl Into<NamedNodeRef<'t>>,
    o: impl Into<TermRef<'t>>,
) -> Result<&'t str, ImportError> {
    match o.into() {
        TermRef::Literal(l) => Ok(l.value()),
        o => Err(wrong(s, p, o, "expected a literal")),
    }
}

pub(super) fn date<'t>(
    s: &NamedOrBlankNode,
    p: impl Into<NamedNodeRef<'t>>,
    o: impl Into<TermRef<'t>>,
) -> Result<PartialDate, ImportError> {
    let (p, o) = (p.into(), o.into());
    let TermRef::Literal(l) = o else {
        return Err(wrong(s, p, o, "expected a literal"));
    };
    let d: PartialDate = l
        .value()
        .parse()
        .map_err(|e: crate::DateError| bad(s, p, o, e.to_string()))?;
    let expected = match d.precision() {
        DatePrecision::Day => xsd::DATE,
        DatePrecision::Month => xsd::G_YEAR_MONTH,
        DatePrecision::Year => xsd::G_YEAR,
    };
    if l.datatype().as_str() != expected {
        return Err(bad(
            s,
            p,
            o,
            format!("a date of this precision must be typed <{expected}>"),
        ));
    }
    Ok(d)
}

pub(super) fn set_once<'t, T: PartialEq>(
    slot: &mut Option<T>,
    value: T,
    s: &NamedOrBlankNode,
    p: impl Into<NamedNodeRef<'t>>,
    o: impl Into<TermRef<'t>>,
) -> Result<(), ImportError> {
    match slot {
        Some(existing) if *existing != value => Err(bad(
            s,
            p,
            o,
            "a second, different value for a property that has one",
        )),
        _ => {
            *slot = Some(value);
            Ok(())
        }
    }
}

pub(super) fn subject_value(s: &NamedOrBlankNode) -> Value {
    match s {
        NamedOrBlankNode::NamedNode(n) => Value::Iri(n.as_str().to_owned()),
        NamedOrBlankNode::BlankNode(b) => Value::Blank(b.as_str().to_owned()),
    }
}

/// A term as the model's [`Value`] (also used by the SPARQL store).
pub(crate) fn term_value<'t>(t: impl Into<TermRef<'t>>) -> Value {
    match t.into() {
        TermRef::NamedNode(n) => Value::Iri(n.as_str().to_owned()),
        TermRef::BlankNode(b) => Value::Blank(b.as_str().to_owned()),
        TermRef::Literal(l) => Value::Literal {
            value: l.value().to_owned(),
            datatype: l.datatype().as_str().to_owned(),
            language: l.language().map(str::to_owned),
        },
    }
}
