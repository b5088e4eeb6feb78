//! Time: dated links and their validation, "who held X on D", successions
//! with vacancies, as-of views, events, history and lineage — measured on
//! the real succession of the Secretary-General of the State Council
//! (shared/seed/HISTORY.md), and checked against brute force on generated
//! histories.

mod common;

use std::collections::{BTreeSet, VecDeque};

use govgraph::traverse::{HistoryEntry, Lineal, Term};
use govgraph::{
    Bound, ChangeKind, Event, GovGraph, GraphError, Interval, On, OrgId, OrgKind, Organization,
    PartialDate, Person, Post, PostId, Relation, Slug, Source, Tenure,
};
use proptest::prelude::*;

fn d(s: &str) -> PartialDate {
    s.parse().expect("a valid date")
}

fn slug(s: &str) -> Slug {
    Slug::new(s).expect("a valid slug")
}

/// The head post of the Government Administration Council and of the State
/// Council with their holders since 1949, as HISTORY.md gives them (each
/// fact with its source); the two councils, and the 1954 replacement.
struct History {
    g: GovGraph,
    gac: OrgId,
    council: OrgId,
    gac_post: PostId,
    post: PostId,
}

#[expect(
    clippy::too_many_lines,
    reason = "the whole succession, one holder a line"
)]
fn history() -> History {
    let sg = Source::new("https://en.wikipedia.org/wiki/Secretary-General_of_the_State_Council")
        .expect("valid IRI");
    let xj = Source::new("https://en.wikipedia.org/wiki/Xiao_Jie").expect("valid IRI");
    let sc =
        Source::new("https://en.wikipedia.org/wiki/State_Council_of_China").expect("valid IRI");
    let mut g = GovGraph::new();
    let gac = g
        .insert_org(
            Organization::new(
                slug("government-administration-council"),
                OrgKind::GoverningBody,
                "Government Administration Council of the Central People's Government",
            )
            .with_founded(d("1949"))
            .with_dissolved(d("1954"))
            .with_source(sc.clone()),
        )
        .expect("new");
    let council = g
        .insert_org(
            Organization::new(
                slug("state-council"),
                OrgKind::GoverningBody,
                "State Council",
            )
            .with_founded(d("1954-09-27"))
            .with_source(sc.clone()),
        )
        .expect("new");
    g.add_event(
        Event::new(slug("state-council-replaces-gac"), ChangeKind::Replacement)
            .with_date(d("1954-09-27"))
            .with_source(sc),
        &[gac],
        &[council],
    )
    .expect("both exist");
    let gac_post = g
        .add_post(
            gac,
            Post::new(
                slug("secretary-general-of-the-gac"),
                "Secretary-General of the Government Administration Council",
            )
            .head()
            .with_formed(d("1949-10-19"))
            .with_source(sg.clone()),
        )
        .expect("fresh");
    let post = g
        .add_post(
            council,
            Post::new(
                slug("secretary-general-of-the-state-council"),
                "Secretary-General of the State Council",
            )
            .head()
            .with_source(sg.clone()),
        )
        .expect("fresh");
    g.link(post, Relation::Replaces, gac_post)
        .expect("no cycle");
    let holders: &[(&str, &str, PostId, &str, Option<&str>)] = &[
        (
            "li-weihan",
            "Li Weihan",
            gac_post,
            "1949-10",
            Some("1953-09"),
        ),
        (
            "xi-zhongxun",
            "Xi Zhongxun",
            gac_post,
            "1953-09",
            Some("1954-09"),
        ),
        (
            "xi-zhongxun",
            "Xi Zhongxun",
            post,
            "1954-09",
            Some("1965-01"),
        ),
        (
            "zhou-rongxin",
            "Zhou Rongxin",
            post,
            "1965-01",
            Some("1975-01"),
        ),
        ("jin-ming", "Jin Ming", post, "1979-06", Some("1980-02")),
        ("ji-pengfei", "Ji Pengfei", post, "1980-02", Some("1982-05")),
        (
            "du-xingyuan",
            "Du Xingyuan",
            post,
            "1982-05",
            Some("1983-06"),
        ),
        ("tian-jiyun", "Tian Jiyun", post, "1983-06", Some("1985-09")),
        (
            "chen-junsheng",
            "Chen Junsheng",
            post,
            "1985-09",
            Some("1993-03"),
        ),
        ("luo-gan", "Luo Gan", post, "1993-03", Some("1998-03")),
        (
            "wang-zhongyu",
            "Wang Zhongyu",
            post,
            "1998-03",
            Some("2003-03"),
        ),
        (
            "hua-jianmin",
            "Hua Jianmin",
            post,
            "2003-03",
            Some("2008-03"),
        ),
        ("ma-kai", "Ma Kai", post, "2008-03", Some("2013-03")),
        ("yang-jing", "Yang Jing", post, "2013-03", None),
        (
            "xiao-jie",
            "Xiao Jie",
            post,
            "2018-03-19",
            Some("2023-03-12"),
        ),
        ("wu-zhenglong", "Wu Zhenglong", post, "2023-03-12", None),
    ];
    for (i, &(key, name, p, start, end)) in holders.iter().enumerate() {
        let person = match g.person_by_slug(key) {
            Some(p) => p.id(),
            None => g
                .insert_person(Person::new(slug(key), name).with_source(sg.clone()))
                .expect("new"),
        };
        let mut t = Tenure::new(slug(&format!("{key}-{i}")))
            .with_start(d(start))
            .with_source(if key == "xiao-jie" {
                xj.clone()
            } else {
                sg.clone()
            });
        t = match (key, end) {
            (_, Some(e)) => t.with_end(d(e)),
            // Her term ended; the sources give no date.
            ("yang-jing", None) => t.with_end_undated(),
            (_, None) => t,
        };
        g.appoint(person, p, t).expect("fresh");
    }
    History {
        g,
        gac,
        council,
        gac_post,
        post,
    }
}

fn names<'g>(people: impl Iterator<Item = govgraph::PersonRef<'g>>) -> Vec<&'g str> {
    people.map(govgraph::PersonRef::display_name).collect()
}

#[test]
fn who_held_the_post_on_a_date() {
    let h = history();
    let post = h.g.post(h.post).expect("in the graph");
    let on = |s: &str| names(post.holders_on(d(s)));
    assert_eq!(on("1980-03-01"), ["Ji Pengfei"]);
    assert!(on("1977-06-01").is_empty(), "vacant 1975-1979");
    assert_eq!(on("1960-01-01"), ["Xi Zhongxun"]);
    assert_eq!(on("2020-06-01"), ["Xiao Jie"]);
    // Half-open: Xiao Jie's tenure ends the day Wu Zhenglong's begins.
    assert_eq!(on("2023-03-12"), ["Wu Zhenglong"]);
    assert_eq!(on("2023-03-11"), ["Xiao Jie"]);
    // Month precision: in February 1980 either may have held it.
    assert!(on("1980-02-15").is_empty());
    assert_eq!(
        names(post.holders_on(On::possibly(d("1980-02-15")))),
        ["Jin Ming", "Ji Pengfei"]
    );
    // Yang Jing's end is unknown: never certain after her start.
    assert!(on("2015-01-01").is_empty());
    assert_eq!(
        names(post.holders_on(On::possibly(d("2015-01-01")))),
        ["Yang Jing"]
    );
    // The Government Administration Council's post, and a person's posts.
    let gac_post = h.g.post(h.gac_post).expect("in the graph");
    assert_eq!(names(gac_post.holders_on(d("1951"))), ["Li Weihan"]);
    assert!(names(gac_post.holders_on(d("1960"))).is_empty());
    let xi = h.g.person_by_slug("xi-zhongxun").expect("in the graph");
    let posts = |s: &str| {
        xi.posts_on(d(s))
            .map(|p| p.slug().as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(posts("1954-01-01"), ["secretary-general-of-the-gac"]);
    assert_eq!(posts("1960"), ["secretary-general-of-the-state-council"]);
    assert!(posts("1970").is_empty());
    let council = h.g.org(h.council).expect("in the graph");
    assert_eq!(names(council.heads_on(d("1990"))), ["Chen Junsheng"]);
    assert_eq!(names(council.heads()), ["Wu Zhenglong"]);
}

#[test]
fn the_succession_shows_the_vacancy_and_no_invented_one() {
    let h = history();
    let post = h.g.post(h.post).expect("in the graph");
    let shown: Vec<String> = post
        .succession()
        .map(|t| match t {
            Term::Held(t) => format!("{} {}", t.person().expect("held").slug(), t.during()),
            Term::Vacant(v) => format!("vacant {v}"),
        })
        .collect();
    assert_eq!(
        shown,
        [
            "xi-zhongxun 1954-09 – 1965-01",
            "zhou-rongxin 1965-01 – 1975-01",
            "vacant 1975-01 – 1979-06",
            "jin-ming 1979-06 – 1980-02",
            "ji-pengfei 1980-02 – 1982-05",
            "du-xingyuan 1982-05 – 1983-06",
            "tian-jiyun 1983-06 – 1985-09",
            "chen-junsheng 1985-09 – 1993-03",
            "luo-gan 1993-03 – 1998-03",
            "wang-zhongyu 1998-03 – 2003-03",
            "hua-jianmin 2003-03 – 2008-03",
            "ma-kai 2008-03 – 2013-03",
            // Her end is unknown: no vacancy is claimed before Xiao Jie.
            "yang-jing 2013-03 – ?",
            "xiao-jie 2018-03-19 – 2023-03-12",
            "wu-zhenglong since 2023-03-12",
        ]
    );
}

#[test]
fn views_as_of_a_date_see_only_what_was_in_force() {
    let h = history();
    let in_1950 = h.g.as_of(d("1950-06-01"));
    assert!(in_1950.org(h.council).is_none(), "not yet formed");
    assert!(in_1950.org(h.gac).is_some());
    let roots: Vec<&str> = in_1950.root_orgs().map(|o| o.slug().as_str()).collect();
    assert_eq!(roots, ["government-administration-council"]);
    let gac = in_1950.org(h.gac).expect("existed");
    assert_eq!(names(gac.heads()), ["Li Weihan"]);
    // In 1990 the council exists and the old one does not.
    let in_1990 = h.g.as_of(d("1990"));
    assert!(in_1990.org(h.gac).is_none());
    let council = in_1990.org(h.council).expect("existed");
    assert_eq!(names(council.heads()), ["Chen Junsheng"]);
    let post = council.posts().next().expect("its post");
    assert_eq!(names(post.holders()), ["Chen Junsheng"]);
    // A path through that day's links only.
    let chen =
        h.g.person_by_slug("chen-junsheng")
            .expect("in the graph")
            .id();
    let luo = h.g.person_by_slug("luo-gan").expect("in the graph").id();
    assert!(in_1990.path(chen, h.council).is_some());
    assert!(
        in_1990.path(luo, h.council).is_none(),
        "Luo Gan's tenure began 1993"
    );
    assert!(h.g.path(luo, h.council).is_some(), "undated: every tenure");
}

#[test]
fn events_history_and_lineage() {
    let h = history();
    let council = h.g.org(h.council).expect("in the graph");
    let before: Vec<_> = council
        .lineage()
        .map(|s| (s.org.slug().as_str(), s.lineal, s.distance))
        .collect();
    assert_eq!(
        before,
        [("government-administration-council", Lineal::Predecessor, 1)]
    );
    let gac = h.g.org(h.gac).expect("in the graph");
    let after: Vec<_> = gac
        .lineage()
        .map(|s| (s.org.slug().as_str(), s.lineal))
        .collect();
    assert_eq!(after, [("state-council", Lineal::Successor)]);
    assert_eq!(
        council
            .replaces()
            .map(|o| o.slug().as_str())
            .collect::<Vec<_>>(),
        ["government-administration-council"],
        "a replacement event records the Replaces link"
    );
    let timeline: Vec<String> = gac
        .history()
        .map(|e| match e {
            HistoryEntry::Founded(d) => format!("founded {d}"),
            HistoryEntry::Event(e) => format!("{} {:?}", e.kind, e.date.map(|d| d.to_string())),
            HistoryEntry::Head(t) => format!("head {}", t.label()),
            HistoryEntry::Dissolved(d) => format!("dissolved {d}"),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        timeline,
        [
            "founded 1949",
            "head Li Weihan, Secretary-General of the Government Administration Council",
            "head Xi Zhongxun, Secretary-General of the Government Administration Council",
            "dissolved 1954",
            "replacement Some(\"1954-09-27\")",
        ]
    );
}

fn orgs(n: usize) -> (GovGraph, Vec<OrgId>) {
    let mut g = GovGraph::new();
    let ids = (0..n)
        .map(|i| {
            g.insert_org(Organization::new(
                slug(&format!("o{i}")),
                OrgKind::Agency,
                format!("O{i}"),
            ))
            .expect("new")
        })
        .collect();
    (g, ids)
}

#[test]
fn a_body_has_one_parent_at_a_time() {
    let (mut g, o) = orgs(4);
    let sub = Relation::SubOrganizationOf;
    g.link_during(o[0], sub, o[1], Interval::new().with_end(d("1998-03")))
        .expect("first");
    // Touching months are fine: the first may end as the second begins.
    g.link_during(o[0], sub, o[2], Interval::since(d("1998-03")))
        .expect("second, touching");
    let err = g
        .link_during(o[0], sub, o[3], Interval::since(d("2000")))
        .expect_err("two parents in force");
    assert_eq!(
        err.to_string(),
        "organization `o0` already has its one sub_organization_of link, to `o2`"
    );
    let err = g
        .link_during(
            o[0],
            sub,
            o[3],
            Interval::new().with_start(d("1990")).with_end(d("1995")),
        )
        .expect_err("overlaps the first");
    assert_eq!(
        err.to_string(),
        "organization `o0` already has its one sub_organization_of link, to `o1`"
    );
    // The same parent again over a period its link already covers (no
    // start: any time before 1998) is a duplicate; in a later, separate
    // period it would be a new link (see the property test below).
    let err = g
        .link_during(o[0], sub, o[1], Interval::new().with_end(d("1950")))
        .expect_err("overlaps its own earlier link");
    assert_eq!(
        err.to_string(),
        "organization `o0` is already linked sub_organization_of organization `o1`"
    );
    assert_eq!(
        g.org(o[0])
            .and_then(govgraph::OrgRef::parent)
            .map(govgraph::OrgRef::id),
        Some(o[2])
    );
}

#[test]
fn dated_link_errors_say_what_and_where() {
    let (mut g, o) = orgs(3);
    let before = g.clone();
    let err = g
        .link_during(o[0], Relation::SeeAlso, o[1], Interval::since(d("2000")))
        .expect_err("see-also is timeless");
    assert_eq!(
        err.to_string(),
        "see_also links carry no dates; o0 to o1 was given since 2000"
    );
    let err = g
        .link_during(
            o[0],
            Relation::SubOrganizationOf,
            o[1],
            Interval::new().with_start(d("2000")).with_end(d("1999")),
        )
        .expect_err("inverted");
    assert_eq!(
        err.to_string(),
        "organization `o0` sub_organization_of `o1` ends (1999) before it begins (2000)"
    );
    assert_eq!(g, before, "a refusal changes nothing");
    g.link_during(
        o[0],
        Relation::SubOrganizationOf,
        o[1],
        Interval::new()
            .with_start(d("1980-01-01"))
            .with_end(d("1990-01-01")),
    )
    .expect("fine");
    g.link(o[1], Relation::SubOrganizationOf, o[2])
        .expect("timeless");
    let err = g
        .link_during(
            o[2],
            Relation::SubOrganizationOf,
            o[0],
            Interval::since(d("1985-06-01")),
        )
        .expect_err("a cycle from 1985-06 until 1990");
    assert_eq!(
        err.to_string(),
        "linking organization `o2` sub_organization_of `o0` during since 1985-06-01 would close \
         a cycle through `o0`, `o1` and `o2` on every day from 1985-06-01 until 1990-01-01"
    );
    assert!(matches!(err, GraphError::CycleOnDate(_)));
    // After 1990 the same link closes no cycle.
    g.link_during(
        o[2],
        Relation::SubOrganizationOf,
        o[0],
        Interval::since(d("1990-01-01")),
    )
    .expect("o0 left o1 in 1990");
}

#[test]
fn a_refused_event_changes_nothing() {
    let (mut g, o) = orgs(3);
    g.link(o[0], Relation::Replaces, o[1]).expect("fine");
    let before = g.clone();
    let err = g
        .add_event(
            Event::new(slug("e"), ChangeKind::Merger),
            &[o[0], o[0]],
            &[o[2]],
        )
        .expect_err("named twice");
    assert_eq!(
        err.to_string(),
        "event `e` is already linked original_organization organization `o0`"
    );
    let err = g
        .add_event(
            Event::new(slug("e"), ChangeKind::Absorption),
            &[o[0]],
            &[o[1]],
        )
        .expect_err("o1 would replace o0, which replaces o1");
    assert_eq!(
        err.to_string(),
        "linking organization `o1` replaces `o0` would close a cycle"
    );
    assert_eq!(g, before);
    // A rename goes on: the body is both original and result, no Replaces.
    let e = g
        .add_event(
            Event::new(slug("rename"), ChangeKind::Rename),
            &[o[2]],
            &[o[2]],
        )
        .expect("fine");
    assert_eq!(g.link_count(), before.link_count() + 2);
    assert_eq!(g.org(o[2]).expect("there").lineage().count(), 0);
    assert_eq!(g.event(e).expect("there").results().count(), 1);
    assert_eq!(g[e].kind, ChangeKind::Rename, "events index by id too");
}

#[test]
fn json_keeps_every_date() {
    let h = history();
    let text = serde_json::to_string(&h.g).expect("serializes");
    let back: GovGraph = serde_json::from_str(&text).expect("reads back");
    assert_eq!(back, h.g);
    assert!(
        text.contains(r#""end":"unknown""#),
        "Yang Jing's undated end"
    );
    let tenure = back.tenure_by_slug("yang-jing-13").expect("kept");
    assert_eq!(tenure.end, Some(Bound::Undated));
}

/// A generated history: `n` bodies, each (but the first) under a run of
/// parents over consecutive periods, each parent an earlier body (so no
/// cycle on any date). `undated[i]` replaces body `i + 1`'s runs by one
/// undated link to its first run's parent (1), ended in 1980 by
/// `end_link` (2), or keeps the runs (0): the undated cases take the
/// parent cache's O(1) answer, the ended one leaves it for the scan.
#[derive(Debug, Clone)]
struct Plan {
    parents: Vec<Vec<(usize, u16)>>,
    open: Vec<bool>,
    undated: Vec<u8>,
}

fn plan() -> impl Strategy<Value = Plan> {
    (2usize..12).prop_flat_map(|n| {
        (
            proptest::collection::vec(
                proptest::collection::vec((0usize..1000, 1u16..15), 1..4),
                n - 1,
            ),
            proptest::collection::vec(any::<bool>(), n - 1),
            proptest::collection::vec(0u8..3, n - 1),
        )
            .prop_map(move |(raw, open, undated)| Plan {
                parents: raw
                    .into_iter()
                    .enumerate()
                    .map(|(i, runs)| {
                        runs.into_iter()
                            .map(|(p, len)| (p % (i + 1), len))
                            .collect()
                    })
                    .collect(),
                open,
                undated,
            })
    })
}

fn build(plan: &Plan) -> (GovGraph, Vec<OrgId>) {
    let (mut g, ids) = orgs(plan.parents.len() + 1);
    for (i, runs) in plan.parents.iter().enumerate() {
        let child = ids[i + 1];
        if plan.undated[i] > 0 {
            let parent = ids[runs[0].0];
            g.link(child, Relation::SubOrganizationOf, parent)
                .expect("an earlier body");
            if plan.undated[i] == 2 {
                g.end_link(child, Relation::SubOrganizationOf, parent, d("1980"))
                    .expect("an undated link ends");
            }
            continue;
        }
        let mut year = 1950u16;
        for (k, &(p, len)) in runs.iter().enumerate() {
            let start = d(&year.to_string());
            year += len;
            let during = if k + 1 == runs.len() && plan.open[i] {
                Interval::since(start)
            } else {
                Interval::new()
                    .with_start(start)
                    .with_end(d(&year.to_string()))
            };
            // A run may repeat the previous parent: then it is the same
            // link again in a later period, which the graph also accepts.
            g.link_during(child, Relation::SubOrganizationOf, ids[p], during)
                .expect("consecutive periods under earlier bodies");
        }
    }
    (g, ids)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// parent_on and the descendants of an as-of view agree with a brute
    /// force over `links_during`, on every year and on possible dates, and
    /// parent_on answers the same from the graph's time index.
    #[test]
    fn dated_walks_agree_with_brute_force(plan in plan(), year in 1945u16..2010, possibly in any::<bool>()) {
        let (g, ids) = build(&plan);
        let date = d(&year.to_string());
        let on = if possibly { On::possibly(date) } else { On::date(date) };
        let links: Vec<_> = g
            .links_during()
            .filter(|(_, r, _, during)| *r == Relation::SubOrganizationOf && during.holds(on))
            .collect();
        for &id in &ids {
            let expected: BTreeSet<_> = links
                .iter()
                .filter(|(c, _, _, _)| *c == id.into())
                .map(|(_, _, p, _)| *p)
                .collect();
            let got = g.org(id).expect("there").parent_on(on).map(|p| p.id().into());
            match got {
                None => prop_assert!(expected.is_empty()),
                Some(p) => prop_assert!(expected.contains(&p)),
            }
            if !possibly {
                prop_assert!(expected.len() <= 1, "one parent at a time, certainly");
            }
        }
        // The graph's time index answers as the links do.
        let parents = |g: &GovGraph| -> Vec<Option<OrgId>> {
            ids.iter()
                .map(|&id| g.org(id).expect("there").parent_on(on).map(govgraph::OrgRef::id))
                .collect()
        };
        let walked = parents(&g);
        g.prepare_queries();
        prop_assert_eq!(parents(&g), walked);
        let view = g.as_of(on);
        let root = view.org(ids[0]).expect("timeless body");
        let got: BTreeSet<_> = root.descendants().map(|(o, _)| govgraph::NodeId::from(o.id())).collect();
        let mut want = BTreeSet::new();
        let mut queue = VecDeque::from([govgraph::NodeId::from(ids[0])]);
        while let Some(n) = queue.pop_front() {
            for (c, _, p, _) in &links {
                if *p == n && want.insert(*c) {
                    queue.push_back(*c);
                }
            }
        }
        prop_assert_eq!(got, want);
        // JSON keeps the dated links.
        let back: GovGraph = serde_json::from_str(&serde_json::to_string(&g).expect("json")).expect("reads");
        prop_assert_eq!(back, g);
    }
}
