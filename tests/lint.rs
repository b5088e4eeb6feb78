//! `GovGraph::lint`: one seeded fault per finding kind, each caught exactly
//! (the exact findings and their messages), and clean graphs that give
//! nothing: the built-in dataset, and the Secretary-General's succession
//! with its month-precision dates that touch.
//!
//! `tests/fixtures/secretary_general.json` is written from public articles
//! (the English Wikipedia articles on the Secretary-General of the State
//! Council, on Xiao Jie and on the State Council, as
//! `/work/shared/seed/HISTORY.md` lists them) in govgraph JSON. The faults
//! below are seeded on purpose: a date of that history moved, or abstract
//! nodes (`a`, `b`, …) that stand for no real body or person.
#![cfg(feature = "serde")]

use govgraph::lint::{EventProblem, Finding, Role, Side};
use govgraph::{
    ChangeKind, Event, GovGraph, Interval, OrgKind, Organization, PartialDate, Person, Post,
    Relation, Slug, Tenure,
};
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/secretary_general.json");

fn d(s: &str) -> PartialDate {
    s.parse().expect("a date")
}

fn slug(s: &str) -> Slug {
    Slug::new(s).expect("a slug")
}

fn org(s: &str) -> Organization {
    Organization::new(slug(s), OrgKind::Agency, s)
}

/// The fixture with `field` of the node `slug` set to `value` (or removed
/// for `Value::Null`).
fn history_with(edits: &[(&str, &str, Value)]) -> GovGraph {
    let mut doc: Value = serde_json::from_str(FIXTURE).expect("the fixture is JSON");
    for (slug, field, value) in edits {
        let nodes = doc["nodes"].as_array_mut().expect("a node list");
        let node = nodes
            .iter_mut()
            .find(|n| n["slug"] == *slug)
            .unwrap_or_else(|| panic!("no node {slug} in the fixture"));
        let obj = node.as_object_mut().expect("a node object");
        if value.is_null() {
            obj.remove(*field);
        } else {
            obj.insert((*field).to_owned(), value.clone());
        }
    }
    GovGraph::from_json_str(&doc.to_string()).expect("the edited fixture loads")
}

fn messages(g: &GovGraph) -> Vec<String> {
    g.lint().map(|f| f.to_string()).collect()
}

const SC_SG: &str = "secretary-general-of-the-state-council";
const GAC_SG: &str = "secretary-general-of-the-government-administration-council";

// ---- clean graphs ----

#[test]
fn the_built_in_dataset_is_clean() {
    assert_eq!(messages(&govgraph::datasets::general_office()), [""; 0]);
}

#[test]
fn the_secretary_general_succession_is_clean() {
    // Month-precision hand-overs (Ji Pengfei until 1982-05, Du Xingyuan
    // from 1982-05), day-precision ones (Xiao Jie until 2023-03-12, Wu
    // Zhenglong from that day), an end on an unknown date (Yang Jing), a
    // vacancy (1975-01 to 1979-06), a tenure from 1949-10 in a post formed
    // on 1949-10-19, a council dissolved in 1954 whose head post has no
    // abolition date, and the 1954 replacement event.
    let g = GovGraph::from_json_str(FIXTURE).expect("the fixture loads");
    assert_eq!(g.post_by_slug(SC_SG).map(|p| p.tenures().count()), Some(14));
    assert_eq!(messages(&g), [""; 0]);
}

// ---- one seeded fault per kind ----

#[test]
fn two_holders_of_a_single_seat_post_at_once() {
    // Ji Pengfei kept on until 1982-09: surely with Du Xingyuan from the
    // end of May to the start of September 1982.
    let ji = "ji-pengfei-secretary-general-of-the-state-council";
    let g = history_with(&[(ji, "end", "1982-09".into())]);
    let found: Vec<Finding> = g.lint().collect();
    assert_eq!(
        messages(&g),
        [
            "single-seat post/secretary-general-of-the-state-council had two holders at once: \
          person/ji-pengfei (1980-02 – 1982-09) and person/du-xingyuan (1982-05 – 1983-06)"
        ]
    );
    let Finding::OverlappingHolders {
        post,
        first,
        second,
    } = &found[0]
    else {
        panic!("{found:?}")
    };
    assert_eq!(post.as_str(), SC_SG);
    assert_eq!(first.tenure.as_str(), ji);
    assert_eq!(
        second.person.as_ref().map(Slug::as_str),
        Some("du-xingyuan")
    );
    assert_eq!(
        second.during,
        Interval::new()
            .with_start(d("1982-05"))
            .with_end(d("1983-06"))
    );
    // An acting holder beside a substantive one is no overlap.
    let du = "du-xingyuan-secretary-general-of-the-state-council";
    let g = history_with(&[(ji, "end", "1982-09".into()), (du, "acting", true.into())]);
    assert_eq!(messages(&g), [""; 0]);
    // Two current holders surely overlap now, even when one start is
    // unknown (the known start comes first).
    let yang = "yang-jing-secretary-general-of-the-state-council";
    let g = history_with(&[
        (yang, "end", Value::Null),
        (yang, "start", "unknown".into()),
    ]);
    assert_eq!(
        messages(&g),
        [
            "single-seat post/secretary-general-of-the-state-council had two holders at once: \
          person/wu-zhenglong (since 2023-03-12) and person/yang-jing (since ?)"
        ]
    );
}

#[test]
fn a_tenure_before_its_post_was_formed() {
    // The post was formed on 1949-10-19; a start in September 1949 is
    // surely before it (a start in October 1949 may not be).
    let li = "li-weihan-secretary-general-of-the-government-administration-council";
    let g = history_with(&[(li, "start", "1949-09".into())]);
    let found: Vec<Finding> = g.lint().collect();
    assert_eq!(
        messages(&g),
        [
            "the tenure of post/secretary-general-of-the-government-administration-council as \
          person/li-weihan (1949-09 – 1953-09) began before \
          post/secretary-general-of-the-government-administration-council was formed (1949-10-19)"
        ]
    );
    assert!(matches!(
        &found[0],
        Finding::TenureOutsideLifetime { side: Side::Before, of, .. } if of.slug.as_str() == GAC_SG
    ));
}

#[test]
fn a_tenure_after_its_body_was_dissolved() {
    let xi = "xi-zhongxun-secretary-general-of-the-government-administration-council";
    let g = history_with(&[(xi, "end", "1955-03".into())]);
    assert_eq!(
        messages(&g),
        [
            "the tenure of post/secretary-general-of-the-government-administration-council as \
          person/xi-zhongxun (1953-09 – 1955-03) ran on after \
          org/government-administration-council was dissolved (1954)"
        ]
    );
}

/// A post `p` in a body `b`, a person `a` who died on `died`, and their
/// tenure over `during`.
fn dead_holder(died: &str, during: Interval) -> GovGraph {
    let mut g = GovGraph::new();
    let b = g.insert_org(org("b")).expect("new");
    let p = g.add_post(b, Post::new(slug("p"), "P")).expect("new");
    let a = g
        .insert_person(Person::new(slug("a"), "A").with_died(d(died)))
        .expect("new");
    g.appoint(a, p, Tenure::new(slug("a-p")).with_interval(during))
        .expect("new");
    g
}

#[test]
fn a_holder_dead_before_the_tenure_ends() {
    let g = dead_holder(
        "1990-05",
        Interval::new().with_start(d("1985")).with_end(d("1991")),
    );
    assert_eq!(
        messages(&g),
        ["person/a died (1990-05), but their tenure of post/p (1985 – 1991) ran on after that"]
    );
    let g = dead_holder("1990-05", Interval::since(d("1985")));
    assert_eq!(
        messages(&g),
        ["person/a died (1990-05), but their tenure of post/p (since 1985) is still in force"]
    );
    let g = dead_holder("1990-05", Interval::since(d("1991")).with_end_undated());
    assert_eq!(
        messages(&g),
        ["person/a died (1990-05), but their tenure of post/p (1991 – ?) began after that"]
    );
    // Ending in the month of death, or the day after it (held on the day
    // of death, the interval being half-open), is no fault.
    for (died, end) in [("1990-05", "1990-05"), ("1990-05-10", "1990-05-11")] {
        let g = dead_holder(died, Interval::new().with_start(d("1985")).with_end(d(end)));
        assert_eq!(messages(&g), [""; 0], "died {died}, ended {end}");
    }
}

#[test]
fn a_dated_parent_link_outside_a_body_lifetime() {
    let mut g = GovGraph::new();
    let a = g.insert_org(org("a").with_founded(d("1960"))).expect("new");
    let b = g
        .insert_org(org("b").with_founded(d("1954-09-27")))
        .expect("new");
    g.link_during(
        a,
        Relation::SubOrganizationOf,
        b,
        Interval::since(d("1955")),
    )
    .expect("one parent");
    assert_eq!(
        messages(&g),
        [
            "the link org/a -sub_organization_of-> org/b (since 1955) began before \
          org/a was founded (1960)"
        ]
    );
    // The parent's side: a link that ended after the parent was dissolved.
    let mut g = GovGraph::new();
    let a = g.insert_org(org("a")).expect("new");
    let b = g
        .insert_org(org("b").with_dissolved(d("1998")))
        .expect("new");
    g.link_during(
        a,
        Relation::SubOrganizationOf,
        b,
        Interval::new().with_start(d("1990")).with_end(d("2001")),
    )
    .expect("one parent");
    let found: Vec<Finding> = g.lint().collect();
    assert_eq!(
        messages(&g),
        [
            "the link org/a -sub_organization_of-> org/b (1990 – 2001) ran on after \
          org/b was dissolved (1998)"
        ]
    );
    assert!(matches!(
        &found[0],
        Finding::LinkOutsideLifetime { side: Side::After, relation: Relation::SubOrganizationOf, of, .. }
            if of.slug.as_str() == "b"
    ));
}

#[test]
fn an_event_whose_bodies_did_not_exist_at_its_date() {
    // The 1954 replacement moved to 1953: the State Council (formed on
    // 1954-09-27) did not yet exist, and the council it replaced lasted
    // into 1954.
    let g = history_with(&[(
        "state-council-replaces-government-administration-council",
        "date",
        "1953".into(),
    )]);
    let found: Vec<Finding> = g.lint().collect();
    assert_eq!(
        messages(&g),
        [
            "event/state-council-replaces-government-administration-council (replacement, 1953) \
             names original org/government-administration-council, which was dissolved only \
             after it (1954)",
            "event/state-council-replaces-government-administration-council (replacement, 1953) \
             names resulting org/state-council, which was founded only after it (1954-09-27)",
        ]
    );
    assert!(matches!(
        &found[..],
        [
            Finding::EventBody {
                role: Role::Original,
                problem: EventProblem::Outlived,
                ..
            },
            Finding::EventBody {
                role: Role::Result,
                problem: EventProblem::NotYetFounded,
                ..
            },
        ]
    ));
    // An establishment's result founded before it, and an original already
    // dissolved.
    let mut g = GovGraph::new();
    let a = g.insert_org(org("a").with_founded(d("1955"))).expect("new");
    let b = g
        .insert_org(org("b").with_dissolved(d("1958-06")))
        .expect("new");
    g.add_event(
        Event::new(slug("e"), ChangeKind::Establishment).with_date(d("1960")),
        &[],
        &[a],
    )
    .expect("new");
    g.add_event(
        Event::new(slug("f"), ChangeKind::Rename).with_date(d("1959")),
        &[b],
        &[b],
    )
    .expect("new");
    assert_eq!(
        messages(&g),
        [
            "event/e (establishment, 1960) names resulting org/a, which had been founded before it (1955)",
            "event/f (rename, 1959) names original org/b, which had been dissolved by then (1958-06)",
            "event/f (rename, 1959) names resulting org/b, which had been dissolved by then (1958-06)",
        ]
    );
}

#[test]
fn successors_left_dangling() {
    // `b` abolished in 2000; its sub-organization `c` dissolved only in
    // 2005, and its post `p` still held, with no end recorded.
    let mut g = GovGraph::new();
    let b = g.insert_org(org("b")).expect("new");
    g.add_sub_org(b, org("c").with_dissolved(d("2005")))
        .expect("new");
    g.add_sub_org(b, org("quiet")).expect("new");
    let p = g.add_post(b, Post::new(slug("p"), "P")).expect("new");
    let a = g.insert_person(Person::new(slug("a"), "A")).expect("new");
    g.appoint(a, p, Tenure::new(slug("a-p")).with_start(d("1995")))
        .expect("new");
    g.add_event(
        Event::new(slug("e"), ChangeKind::Abolition).with_date(d("2000")),
        &[b],
        &[],
    )
    .expect("new");
    assert_eq!(
        messages(&g),
        [
            "org/b ended (2000, abolition event/e), but org/c still hung from it after that",
            "org/b ended (2000, abolition event/e), but post/p was still in it after that",
        ]
    );
    // A dissolved body: a sub-organization whose own end is later.
    let mut g = GovGraph::new();
    let b = g
        .insert_org(org("b").with_dissolved(d("1998")))
        .expect("new");
    g.add_sub_org(b, org("c").with_dissolved(d("1999-06")))
        .expect("new");
    assert_eq!(
        messages(&g),
        ["org/b was dissolved (1998), but org/c still hung from it after that"]
    );
}

#[test]
fn findings_come_check_by_check() {
    // Two faults of different kinds in one graph: the overlap first.
    let ji = "ji-pengfei-secretary-general-of-the-state-council";
    let xi = "xi-zhongxun-secretary-general-of-the-government-administration-council";
    let g = history_with(&[(xi, "end", "1955-03".into()), (ji, "end", "1982-09".into())]);
    let kinds: Vec<&str> = g
        .lint()
        .map(|f| match f {
            Finding::OverlappingHolders { .. } => "overlap",
            Finding::TenureOutsideLifetime { .. } => "outside",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["overlap", "outside"]);
}
