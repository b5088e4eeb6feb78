//! Wikidata entity JSON: hand-written fixtures in the three input forms,
//! the real documents in /work/shared/data/wikidata, each property, the
//! rank rules, time precisions, and the errors.

use govgraph::wikidata::{self, Imported};
use govgraph::{Bound, GovGraph, NodeKind, PartialDate, Value};

fn fixture(name: &str) -> Imported {
    let path = format!(
        "{}/tests/fixtures/wikidata/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    wikidata::read(std::fs::File::open(path).expect("the fixture is there")).expect("reads")
}

fn d(s: &str) -> PartialDate {
    s.parse().expect("a date")
}

fn annotations(g: &GovGraph, kind: NodeKind, slug: &str) -> Vec<(String, String)> {
    let id = g.id_by_slug(kind, slug).expect("in the graph");
    g.annotations(id)
        .iter()
        .map(|a| {
            let v = match &a.value {
                Value::Iri(i) => i.clone(),
                other => other.to_string(),
            };
            (a.property.clone(), v)
        })
        .collect()
}

fn notes(i: &Imported) -> Vec<String> {
    i.notes.iter().map(ToString::to_string).collect()
}

#[test]
fn entity_data_of_bodies() {
    let i = fixture("united-nations.json");
    let g = &i.graph;
    assert_eq!((i.entities, g.node_count(), g.link_count()), (5, 11, 11));
    let un = g.org_by_slug("united-nations").expect("read");
    let data = un.data();
    // The deprecated founding date is skipped.
    assert_eq!(data.founded, Some(d("1945-10-24")));
    assert_eq!(
        data.labels.preferred(&"zh".parse().expect("tag")),
        Some("联合国")
    );
    assert_eq!(
        data.labels.preferred(&"fr".parse().expect("tag")),
        Some("Organisation des Nations unies")
    );
    assert_eq!(
        data.labels
            .alternates()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>(),
        ["UN"]
    );
    assert_eq!(
        data.description(),
        Some("international organization founded in 1945")
    );
    assert_eq!(
        data.details()
            .same_as
            .iter()
            .map(govgraph::Source::as_str)
            .collect::<Vec<_>>(),
        ["http://www.wikidata.org/entity/Q1065"]
    );
    assert_eq!(
        data.sources
            .iter()
            .map(govgraph::Source::as_str)
            .collect::<Vec<_>>(),
        ["http://www.wikidata.org/entity/Q1065"]
    );
    assert_eq!(
        annotations(g, NodeKind::Organization, "united-nations"),
        [(
            "http://www.wikidata.org/prop/direct/P31".to_owned(),
            "http://www.wikidata.org/entity/Q484652".to_owned()
        )]
    );
    assert_eq!(
        un.official_websites()
            .map(|w| w.data().url())
            .collect::<Vec<_>>(),
        ["https://www.un.org/"]
    );
    let hq = un.headquarters().expect("P159");
    assert_eq!(hq.data().label, "New York City");
    assert_eq!(
        hq.places().map(|p| p.slug().as_str()).collect::<Vec<_>>(),
        ["new-york-city"]
    );
    // P1365 on the UN and P1366 on the League state one link.
    let league = g.org_by_slug("league-of-nations").expect("read");
    assert_eq!(un.replaces().collect::<Vec<_>>(), [league]);
    assert_eq!(league.data().dissolved(), Some(d("1946-04-20")));
    assert_eq!(
        league
            .jurisdictions()
            .map(|j| j.slug().as_str())
            .collect::<Vec<_>>(),
        ["q39"]
    );
    // The preferred day wins over the normal year.
    let who = g.org_by_slug("world-health-organization").expect("read");
    assert_eq!(who.data().founded, Some(d("1948-04-07")));
    assert_eq!(who.parent(), Some(un));
    // A place keeps its country as an annotation.
    assert_eq!(
        annotations(g, NodeKind::Place, "geneva"),
        [
            (
                "http://schema.org/sameAs".to_owned(),
                "http://www.wikidata.org/entity/Q71".to_owned()
            ),
            (
                "http://www.wikidata.org/prop/direct/P17".to_owned(),
                "http://www.wikidata.org/entity/Q39".to_owned()
            ),
        ]
    );
    assert_eq!(
        notes(&i),
        [
            "Q25277: names Q39, which is not in the input: a jurisdiction without labels stands for it"
        ]
    );
}

#[test]
fn a_dump_of_persons_and_a_head_office() {
    let i = fixture("russia-dump.json");
    let g = &i.graph;
    assert_eq!(notes(&i), Vec::<String>::new());
    let post = g.post_by_slug("president-of-russia").expect("read");
    assert!(post.data().heads, "P2388 names the head office");
    assert_eq!(
        post.organization().map(|o| o.slug().as_str()),
        Some("russia")
    );
    // Tenures in order of start; a fact stated by the body (P1037, P488)
    // and by the person (P39) is one tenure; the deprecated P39 is skipped.
    let tenures: Vec<(&str, &str, Option<Bound>, Option<Bound>)> = post
        .tenures()
        .map(|t| {
            let person = t.person().expect("a holder").slug().as_str();
            (t.slug().as_str(), person, t.data().start, t.data().end)
        })
        .collect();
    assert_eq!(
        tenures,
        [
            (
                "vladimir-putin-president-of-russia",
                "vladimir-putin",
                Some(Bound::Date(d("2000-05-07"))),
                Some(Bound::Date(d("2008-05-07")))
            ),
            (
                "dmitry-medvedev-president-of-russia",
                "dmitry-medvedev",
                Some(Bound::Date(d("2008-05-07"))),
                Some(Bound::Date(d("2012-05-07")))
            ),
            (
                "vladimir-putin-president-of-russia-2",
                "vladimir-putin",
                Some(Bound::Date(d("2012-05-07"))),
                None
            ),
        ]
    );
    assert_eq!(g.post_by_slug("q2350808"), None);
    assert_eq!(g.node_count(), 7);
    assert_eq!(
        annotations(g, NodeKind::Tenure, "vladimir-putin-president-of-russia"),
        [
            (
                "http://www.wikidata.org/prop/qualifier/P1365".to_owned(),
                "http://www.wikidata.org/entity/Q34453".to_owned()
            ),
            (
                "http://www.wikidata.org/prop/qualifier/P1366".to_owned(),
                "http://www.wikidata.org/entity/Q23530".to_owned()
            ),
        ]
    );
    let putin = g.person_by_slug("vladimir-putin").expect("read").data();
    assert_eq!(putin.born, Some(d("1952-10-07")));
    assert_eq!(
        putin.labels.preferred(&"ru".parse().expect("tag")),
        Some("Владимир Владимирович Путин")
    );
    assert_eq!(
        annotations(g, NodeKind::Person, "vladimir-putin"),
        [
            (
                "http://schema.org/sameAs".to_owned(),
                "http://www.wikidata.org/entity/Q7747".to_owned()
            ),
            (
                "http://www.wikidata.org/prop/direct/P856".to_owned(),
                "http://putin.kremlin.ru".to_owned()
            ),
        ]
    );
}

#[test]
fn the_three_forms_read_alike() {
    let path = format!(
        "{}/tests/fixtures/wikidata/russia-dump.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let dump = std::fs::read_to_string(path).expect("there");
    // Special:EntityData's object of entities is read in id order (as
    // strings), so the other forms list the entities in that order too.
    let mut lines: Vec<&str> = dump
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| l.trim_end_matches(','))
        .collect();
    let id =
        |l: &&str| serde_json::from_str::<serde_json::Value>(l).expect("JSON")["id"].to_string();
    lines.sort_by_key(id);
    let dump = format!("[\n{}\n]\n", lines.join(",\n"));
    let jsonl = lines.join("\n");
    let entity_data = format!(
        "{{\"entities\": {{{}}}}}",
        lines
            .iter()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
                format!("{}: {l}", v["id"])
            })
            .collect::<Vec<_>>()
            .join(",\n")
    );
    let from_dump = wikidata::read(dump.as_bytes()).expect("reads").graph;
    assert_eq!(
        wikidata::read(jsonl.as_bytes()).expect("reads").graph,
        from_dump
    );
    assert_eq!(
        wikidata::read(entity_data.as_bytes()).expect("reads").graph,
        from_dump
    );
    assert_eq!(
        wikidata::read(&b"  \n"[..]).expect("reads").graph,
        GovGraph::new()
    );
}

#[test]
fn real_documents() {
    let real = |q: &str| {
        let path = format!("/work/shared/data/wikidata/{q}.json");
        wikidata::read(std::fs::File::open(path).expect("the shared data is there")).expect("reads")
    };
    let putin = real("Q7747");
    let g = &putin.graph;
    let person = g.person_by_slug("vladimir-putin").expect("read");
    assert_eq!(
        person
            .data()
            .sources
            .iter()
            .map(govgraph::Source::as_str)
            .collect::<Vec<_>>(),
        ["https://www.wikidata.org/w/index.php?title=Q7747&oldid=2483686458"]
    );
    assert_eq!(person.data().born, Some(d("1952-10-07")));
    // 22 positions held, one deprecated.
    assert_eq!(person.tenures().count(), 21);
    let presidency: Vec<(Option<Bound>, Option<Bound>)> = g
        .post_by_slug("q218295")
        .expect("a stub post")
        .tenures()
        .map(|t| (t.data().start, t.data().end))
        .collect();
    assert_eq!(
        presidency,
        [
            (
                Some(Bound::Date(d("2000-05-07"))),
                Some(Bound::Date(d("2008-05-07")))
            ),
            (Some(Bound::Date(d("2012-05-07"))), None),
        ]
    );
    // Year precision, stored as +1995-01-01.
    let mut years: Vec<(Option<PartialDate>, Option<PartialDate>)> = g
        .post_by_slug("q1553195")
        .expect("a stub post")
        .tenures()
        .map(|t| (t.data().start_date(), t.data().end_date()))
        .collect();
    years.sort();
    assert_eq!(years, [(None, None), (Some(d("1995")), Some(d("1997")))]);
    // Tenures are inserted in order of start, undated ones last.
    let starts: Vec<Option<PartialDate>> = g
        .nodes()
        .filter_map(|(_, n)| match n {
            govgraph::Node::Tenure(t) => Some(t.start_date()),
            _ => None,
        })
        .collect();
    let dated = starts.iter().take_while(|s| s.is_some()).count();
    assert_eq!((dated, starts.len()), (16, 21));
    assert!(starts[..dated].is_sorted());
    assert!(starts[dated..].iter().all(Option::is_none));
    assert_eq!(
        notes(&putin)
            .iter()
            .filter(|n| n.contains("which is not in the input"))
            .count(),
        13
    );

    let kabaeva = real("Q254220");
    let t = kabaeva
        .graph
        .person_by_slug("alina-kabaeva")
        .expect("read")
        .tenures()
        .next()
        .expect("one");
    assert_eq!(
        (t.data().start_date(), t.data().end_date()),
        (Some(d("2007-12-24")), Some(d("2014-09-15")))
    );
}

/// One person entity holding one position, with the given qualifiers.
fn held(qualifiers: &str) -> String {
    format!(
        r#"{{"type": "item", "id": "Q1", "labels": {{"en": {{"language": "en", "value": "Someone"}}}},
          "claims": {{"P31": [{{"rank": "normal", "mainsnak": {{"snaktype": "value", "property": "P31",
              "datavalue": {{"type": "wikibase-entityid", "value": {{"id": "Q5"}}}}}}}}],
            "P39": [{{"rank": "normal", "mainsnak": {{"snaktype": "value", "property": "P39",
              "datavalue": {{"type": "wikibase-entityid", "value": {{"id": "Q2"}}}}}},
              "qualifiers": {{{qualifiers}}}}}]}}}}"#
    )
}

fn time(property: &str, t: &str, precision: u8, calendar: &str) -> String {
    format!(
        r#""{property}": [{{"snaktype": "value", "property": "{property}", "datavalue": {{"type": "time",
          "value": {{"time": "{t}", "precision": {precision}, "calendarmodel": "http://www.wikidata.org/entity/{calendar}"}}}}}}]"#
    )
}

fn one_tenure(qualifiers: &str) -> (Option<Bound>, Option<Bound>, Vec<String>) {
    let i = wikidata::read(held(qualifiers).as_bytes()).expect("reads");
    let t = i
        .graph
        .tenure_by_slug("someone-q2")
        .expect("one tenure")
        .data()
        .clone();
    let n = notes(&i)
        .into_iter()
        .filter(|n| !n.contains("not in the input"))
        .collect();
    (t.start, t.end, n)
}

#[test]
fn time_precisions_calendars_and_unknown_values() {
    let day = Some(Bound::Date(d("1999-12-31")));
    assert_eq!(
        one_tenure(&time("P580", "+1999-12-31T00:00:00Z", 11, "Q1985727")),
        (day, None, vec![])
    );
    assert_eq!(
        one_tenure(&time("P580", "+1999-12-00T00:00:00Z", 10, "Q1985727")),
        (Some(Bound::Date(d("1999-12"))), None, vec![])
    );
    // A Julian day is moved to the Gregorian calendar.
    assert_eq!(
        one_tenure(&time("P580", "+1917-10-25T00:00:00Z", 11, "Q1985786")),
        (Some(Bound::Date(d("1917-11-07"))), None, vec![])
    );
    // A decade is coarser than a PartialDate: reported, not guessed.
    assert_eq!(
        one_tenure(&time("P580", "+1990-00-00T00:00:00Z", 8, "Q1985727")),
        (None, None, vec!["Q1: P580: time \"+1990-00-00T00:00:00Z\" has precision 8, coarser than a year; left out".to_owned()])
    );
    assert_eq!(
        one_tenure(&time("P580", "-0044-03-15T00:00:00Z", 11, "Q1985786")),
        (None, None, vec!["Q1: P580: time \"-0044-03-15T00:00:00Z\" is not a date of year 1 to 9999; left out".to_owned()])
    );
    // somevalue: it ended, date unknown.
    let ended = r#""P582": [{"snaktype": "somevalue", "property": "P582"}]"#;
    assert_eq!(one_tenure(ended), (None, Some(Bound::Undated), vec![]));
    // An end before the start is reported and the statement left out.
    let i = wikidata::read(
        held(&format!(
            "{}, {}",
            time("P580", "+2001-01-01T00:00:00Z", 11, "Q1985727"),
            time("P582", "+1999-01-01T00:00:00Z", 11, "Q1985727")
        ))
        .as_bytes(),
    )
    .expect("reads");
    assert_eq!(i.graph.tenure_by_slug("someone-q2"), None);
    assert!(
        notes(&i).contains(
            &"Q1: q2 ends (1999-01-01) before it begins (2001-01-01); left out".to_owned()
        ),
        "{:?}",
        notes(&i)
    );
}

#[test]
fn errors_name_the_entity_and_place() {
    let err = |text: &str| {
        wikidata::read(text.as_bytes())
            .expect_err("refused")
            .to_string()
    };
    assert_eq!(
        err(r#"{"id": "P31", "type": "property"}"#),
        "entity 0: \"P31\" is not an item id (Q and digits)"
    );
    assert_eq!(
        err("[\n{\"id\": \"Q1\"},\n{\"id\": 7}\n]"),
        "invalid Wikidata JSON: invalid type: integer `7`, expected a string at line 3 column 9"
    );
    assert_eq!(
        err("{\"entities\": 3}"),
        "invalid Wikidata JSON: invalid type: a number, expected an object of entities"
    );
    let parent = |id: &str, p: &str| {
        format!(
            r#"{{"id": "{id}", "claims": {{"P749": [{{"rank": "normal", "mainsnak": {{"snaktype": "value",
              "datavalue": {{"type": "wikibase-entityid", "value": {{"id": "{p}"}}}}}}}}]}}}}"#
        )
    };
    assert_eq!(
        err(&format!("{}\n{}", parent("Q1", "Q2"), parent("Q2", "Q1"))),
        "entity Q2: linking organization `q2` sub_organization_of `q1` would close a cycle"
    );
}
