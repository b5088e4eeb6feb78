//! Every fact of HISTORY.md (the history of the General Office's head
//! post), checked on the built-in dataset through the public API and by
//! triple patterns on its Turtle export.

#![allow(clippy::unwrap_used)]

mod common;

use common::slugs;
use govgraph::datasets::{
    GENERAL_OFFICE_SOURCE, SECRETARY_GENERAL_SOURCE, STATE_COUNCIL_SOURCE, XIAO_JIE_SOURCE,
    general_office,
};
use govgraph::rdf::Exporter;
use govgraph::rdf::vocab::{dct, gg, org, rdf, time, xsd};
use govgraph::traverse::Term as Step;
use govgraph::{
    Bound, ChangeKind, DatePrecision, GovGraph, Lang, NodeRef, On, OrgKind, PartialDate, PostRef,
};
use oxrdf::{Graph, Literal, NamedNode, NamedNodeRef, Term, TermRef, TripleRef};
use oxttl::TurtleParser;

const SC_SG: &str = "secretary-general-of-the-state-council";
const GAC_SG: &str = "secretary-general-of-the-government-administration-council";
const GAC: &str = "government-administration-council";
const EVENT: &str = "state-council-replaces-government-administration-council";

fn d(s: &str) -> PartialDate {
    s.parse().unwrap()
}

#[track_caller]
fn post<'g>(g: &'g GovGraph, slug: &str) -> PostRef<'g> {
    g.post_by_slug(slug).expect("in the dataset")
}

/// The post's tenures in order as `holder: start – end`.
fn timeline(p: PostRef<'_>) -> Vec<String> {
    p.tenures()
        .map(|t| format!("{}: {}", t.person().unwrap().slug(), t.during()))
        .collect()
}

fn holders_on(p: PostRef<'_>, on: impl Into<On>) -> Vec<String> {
    slugs(p.holders_on(on))
}

#[test]
fn the_state_council_post_had_fourteen_holders_in_order() {
    let g = general_office();
    assert_eq!(
        timeline(post(&g, SC_SG)),
        [
            "xi-zhongxun: 1954-09 – 1965-01",
            "zhou-rongxin: 1965-01 – 1975-01",
            "jin-ming: 1979-06 – 1980-02",
            "ji-pengfei: 1980-02 – 1982-05",
            "du-xingyuan: 1982-05 – 1983-06",
            "tian-jiyun: 1983-06 – 1985-09",
            "chen-junsheng: 1985-09 – 1993-03",
            "luo-gan: 1993-03 – 1998-03",
            "wang-zhongyu: 1998-03 – 2003-03",
            "hua-jianmin: 2003-03 – 2008-03",
            "ma-kai: 2008-03 – 2013-03",
            "yang-jing: 2013-03 – ?",
            "xiao-jie: 2018-03-19 – 2023-03-12",
            "wu-zhenglong: since 2023-03-12",
        ]
    );
}

#[test]
fn the_council_post_had_two_holders() {
    let g = general_office();
    assert_eq!(
        timeline(post(&g, GAC_SG)),
        [
            "li-weihan: 1949-10 – 1953-09",
            "xi-zhongxun: 1953-09 – 1954-09",
        ]
    );
}

#[test]
fn dates_are_as_precise_as_the_sources_and_no_more() {
    let g = general_office();
    for p in [post(&g, SC_SG), post(&g, GAC_SG)] {
        for t in p.tenures() {
            let who = t.person().unwrap().slug().as_str();
            let day_precise = matches!(who, "xiao-jie" | "wu-zhenglong");
            let expected = if day_precise {
                DatePrecision::Day
            } else {
                DatePrecision::Month
            };
            assert_eq!(t.start_date().unwrap().precision(), expected, "{who}");
            if let Some(end) = t.end_date() {
                assert_eq!(end.precision(), expected, "{who}");
            }
        }
    }
    // Li Weihan's start is the month, not the post's founding day.
    let li = post(&g, GAC_SG).tenures().next().unwrap();
    assert_eq!(li.start_date(), Some(d("1949-10")));
}

#[test]
fn yang_jings_tenure_ended_on_a_date_no_source_gives() {
    let g = general_office();
    let yang = post(&g, SC_SG)
        .tenures()
        .find(|t| t.person().unwrap().slug().as_str() == "yang-jing")
        .unwrap();
    assert_eq!(yang.start, Some(Bound::Date(d("2013-03"))));
    assert_eq!(yang.end, Some(Bound::Undated));
    assert!(!yang.is_current());
}

#[test]
fn who_held_the_post_on_a_date() {
    let g = general_office();
    let sc = post(&g, SC_SG);
    assert_eq!(holders_on(sc, d("1980-03-01")), ["ji-pengfei"]);
    assert!(holders_on(sc, d("1977-06-01")).is_empty(), "vacant");
    assert_eq!(holders_on(sc, d("1960-01-01")), ["xi-zhongxun"]);
    assert_eq!(holders_on(sc, d("2020-06-01")), ["xiao-jie"]);
    assert_eq!(holders_on(sc, d("2024-01-01")), ["wu-zhenglong"]);
    // Xiao Jie to the day: his last day, then Wu Zhenglong's first.
    assert_eq!(holders_on(sc, d("2023-03-11")), ["xiao-jie"]);
    assert_eq!(holders_on(sc, d("2023-03-12")), ["wu-zhenglong"]);
    // Before the State Council, its predecessor's post.
    assert!(holders_on(sc, d("1950-06-01")).is_empty());
    assert_eq!(holders_on(post(&g, GAC_SG), d("1950-06-01")), ["li-weihan"]);
    // A hand-over month: Ji Pengfei and Jin Ming are both possible.
    assert!(holders_on(sc, d("1980-02-10")).is_empty());
    assert_eq!(
        holders_on(sc, On::possibly(d("1980-02-10"))),
        ["jin-ming", "ji-pengfei"]
    );
}

#[test]
fn the_succession_shows_the_vacancy_of_1975_to_1979_and_no_other() {
    let g = general_office();
    let vacancies: Vec<String> = post(&g, SC_SG)
        .succession()
        .filter_map(|s| match s {
            Step::Vacant(v) => Some(v.to_string()),
            Step::Held(_) => None,
        })
        .collect();
    // Yang Jing's end is unknown, so no vacancy is claimed before Xiao Jie.
    assert_eq!(vacancies, ["1975-01 – 1979-06"]);
    let terms: Vec<String> = post(&g, SC_SG)
        .succession()
        .skip(1)
        .take(3)
        .map(|s| match s {
            Step::Vacant(v) => format!("vacant {v}"),
            Step::Held(t) => t.person().unwrap().slug().to_string(),
        })
        .collect();
    assert_eq!(
        terms,
        ["zhou-rongxin", "vacant 1975-01 – 1979-06", "jin-ming"]
    );
}

#[test]
fn xi_zhongxun_is_one_person_holding_both_posts() {
    let g = general_office();
    let xi = g.person_by_slug("xi-zhongxun").unwrap();
    assert_eq!(slugs(xi.posts()), [GAC_SG, SC_SG]);
    assert_eq!(slugs(xi.posts_on(d("1954-01-01"))), [GAC_SG]);
    assert_eq!(slugs(xi.posts_on(d("1955-01-01"))), [SC_SG]);
}

#[test]
fn the_head_post_its_chinese_name_and_its_predecessor() {
    let g = general_office();
    let sc = post(&g, SC_SG);
    assert_eq!(sc.labels.preferred(&Lang::zh_hans()), Some("国务院秘书长"));
    assert!(sc.heads);
    assert_eq!(
        sc.organization().unwrap().slug().as_str(),
        "general-office-of-the-state-council"
    );
    // 19 October 1949 is when the predecessor post was formed.
    assert_eq!(sc.formed, None);
    let gac_sg = post(&g, GAC_SG);
    assert_eq!(gac_sg.formed, Some(d("1949-10-19")));
    assert_eq!(gac_sg.abolished, None, "no source gives it");
    assert_eq!(
        gac_sg.labels.english(),
        Some(
            "Secretary-General of the Government Administration Council of the Central People's Government"
        )
    );
    assert_eq!(
        gac_sg.labels.preferred(&Lang::zh_hans()),
        Some("中央人民政府政务院秘书长")
    );
    assert!(!gac_sg.heads, "the premier led the council");
    assert!(gac_sg.is_single_seat());
    assert_eq!(gac_sg.organization().unwrap().slug().as_str(), GAC);
    // The State Council's post replaces the council's.
    let replaced: Vec<String> = g
        .links()
        .filter(|&(_, r, _)| r == govgraph::Relation::Replaces)
        .map(|(a, _, b)| {
            format!(
                "{} > {}",
                g.get(a).unwrap().slug(),
                g.get(b).unwrap().slug()
            )
        })
        .collect();
    assert_eq!(replaced.len(), 2);
    assert!(
        replaced.contains(&format!("{SC_SG} > {GAC_SG}")),
        "{replaced:?}"
    );
    assert!(
        replaced.contains(&format!("state-council > {GAC}")),
        "{replaced:?}"
    );
}

#[test]
fn the_council_existed_from_1949_to_1954_and_the_state_council_took_its_place() {
    let g = general_office();
    let gac = g.org_by_slug(GAC).unwrap();
    assert_eq!(
        gac.labels.english(),
        Some("Government Administration Council of the Central People's Government")
    );
    assert_eq!(gac.kind, OrgKind::GoverningBody);
    assert_eq!(gac.founded, Some(d("1949")));
    assert_eq!(gac.dissolved(), Some(d("1954")));
    assert_eq!(gac.heads().count(), 0);
    let sc = g.org_by_slug("state-council").unwrap();
    assert_eq!(sc.founded, Some(d("1954-09-27")));
    assert_eq!(slugs(sc.replaces()), [GAC]);
    assert_eq!(slugs(gac.replaced_by()), ["state-council"]);

    let events: Vec<_> = sc.events().collect();
    assert_eq!(events.len(), 1);
    let e = events[0];
    assert_eq!(e.slug().as_str(), EVENT);
    assert_eq!(e.kind, ChangeKind::Replacement);
    assert_eq!(e.date, Some(d("1954")));
    assert_eq!(
        e.legal_basis.as_deref(),
        Some("Constitution of the People's Republic of China (1954)")
    );
    assert!(e.labels.english().is_some());
    assert!(e.description.is_some());
    assert_eq!(slugs(e.originals()), [GAC]);
    assert_eq!(slugs(e.results()), ["state-council"]);
    assert_eq!(slugs(gac.events()), [EVENT]);
    // Before 1954 the council is in the view, the State Council is not.
    let then = g.as_of(d("1950-06-01"));
    assert!(then.org_by_slug(GAC).is_some());
    assert!(then.org_by_slug("state-council").is_none());
}

#[test]
fn the_sources_are_recorded_fact_by_fact() {
    let g = general_office();
    let sources = |n: NodeRef<'_>| -> Vec<String> {
        n.node()
            .sources()
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect()
    };
    let tenure = |slug: &str| {
        g.node_refs()
            .find(|n| n.kind() == govgraph::NodeKind::Tenure && n.slug().as_str() == slug)
            .unwrap()
    };
    let of = |slug: &str| sources(tenure(slug));
    assert_eq!(
        of(&format!("li-weihan-{GAC_SG}")),
        [SECRETARY_GENERAL_SOURCE]
    );
    assert_eq!(
        of(&format!("ji-pengfei-{SC_SG}")),
        [SECRETARY_GENERAL_SOURCE]
    );
    assert_eq!(
        of(&format!("yang-jing-{SC_SG}")),
        [SECRETARY_GENERAL_SOURCE, XIAO_JIE_SOURCE]
    );
    assert_eq!(of(&format!("xiao-jie-{SC_SG}")), [XIAO_JIE_SOURCE]);
    assert_eq!(
        of(&format!("wu-zhenglong-{SC_SG}")),
        [GENERAL_OFFICE_SOURCE, SECRETARY_GENERAL_SOURCE]
    );
    let event = g.node_refs().find(|n| n.slug().as_str() == EVENT).unwrap();
    assert_eq!(sources(event), [STATE_COUNCIL_SOURCE]);
    let sc = g.org_by_slug("state-council").unwrap().as_node();
    assert_eq!(sources(sc), [GENERAL_OFFICE_SOURCE, STATE_COUNCIL_SOURCE]);
    assert_eq!(
        sources(post(&g, SC_SG).as_node()),
        [GENERAL_OFFICE_SOURCE, SECRETARY_GENERAL_SOURCE]
    );
    // Every tenure with dates cites a history source.
    for t in post(&g, SC_SG).tenures() {
        let cited = sources(t.as_node());
        assert!(
            cited
                .iter()
                .any(|s| s == SECRETARY_GENERAL_SOURCE || s == XIAO_JIE_SOURCE),
            "{}: {cited:?}",
            t.slug()
        );
    }
}

#[test]
fn only_the_chinese_names_the_sources_give() {
    let g = general_office();
    let zh: Vec<(String, &str)> = g
        .node_refs()
        .filter_map(NodeRef::as_person)
        .filter_map(|p| {
            Some((
                p.slug().to_string(),
                p.data().labels.preferred(&Lang::zh_hans())?,
            ))
        })
        .collect();
    assert_eq!(
        zh,
        [
            ("du-xingyuan".to_owned(), "杜星垣"),
            ("chen-junsheng".to_owned(), "陈俊生")
        ]
    );
}

#[test]
fn lint_finds_nothing() {
    let g = general_office();
    let found: Vec<String> = g.lint().map(|f| f.to_string()).collect();
    assert!(found.is_empty(), "{found:#?}");
}

// ---- The Turtle export ----

const BASE: &str = "https://w3id.org/govgraph/id/";

fn exported(g: &GovGraph, exporter: &Exporter) -> Graph {
    let bytes = exporter.write(g, Vec::new()).unwrap();
    let mut graph = Graph::new();
    for t in TurtleParser::new().for_slice(&bytes) {
        graph.insert(&t.expect("the export is valid Turtle"));
    }
    graph
}

fn id(path: &str) -> NamedNode {
    NamedNode::new(format!("{BASE}{path}")).unwrap()
}

fn p(iri: &'static str) -> NamedNodeRef<'static> {
    NamedNodeRef::new(iri).unwrap()
}

#[track_caller]
fn has(g: &Graph, s: &NamedNode, pred: &'static str, o: impl Into<Term>) {
    let o = o.into();
    assert!(
        g.contains(TripleRef::new(s, p(pred), &o)),
        "missing triple {s} <{pred}> {o}"
    );
}

fn objects<'a>(
    g: &Graph,
    s: impl Into<oxrdf::NamedOrBlankNodeRef<'a>>,
    pred: &'static str,
) -> Vec<Term> {
    g.objects_for_subject_predicate(s, p(pred))
        .map(TermRef::into_owned)
        .collect()
}

fn subjects(g: &Graph, pred: &'static str, o: &NamedNode) -> Vec<String> {
    let mut v: Vec<String> = g
        .subjects_for_predicate_object(p(pred), o)
        .map(|s| s.to_string())
        .collect();
    v.sort();
    v
}

/// The blank node an object position holds.
#[track_caller]
fn blank(t: &Term) -> oxrdf::BlankNode {
    match t {
        Term::BlankNode(b) => b.clone(),
        other => panic!("{other} is not a blank node"),
    }
}

#[test]
fn every_tenure_is_a_membership_with_a_proper_interval() {
    let g = general_office();
    let rdf = exported(&g, &Exporter::new());
    for post_slug in [SC_SG, GAC_SG] {
        for t in post(&g, post_slug).tenures() {
            let m = id(&format!("membership/{}", t.slug()));
            has(&rdf, &m, rdf::TYPE, id_iri(org::MEMBERSHIP));
            has(&rdf, &m, gg::POST, id(&format!("post/{post_slug}")));
            let during = objects(&rdf, &m, org::MEMBER_DURING);
            assert_eq!(during.len(), 1, "{m}");
            let interval = blank(&during[0]);
            assert!(rdf.contains(TripleRef::new(
                &interval,
                p(rdf::TYPE),
                p(time::PROPER_INTERVAL)
            )));
        }
    }
    // Ji Pengfei's interval, month-precise both ends.
    let m = id(&format!("membership/ji-pengfei-{SC_SG}"));
    let interval = blank(&objects(&rdf, &m, org::MEMBER_DURING)[0]);
    let position = |edge: &'static str| {
        let instant = blank(
            &rdf.object_for_subject_predicate(&interval, p(edge))
                .unwrap()
                .into_owned(),
        );
        objects(&rdf, &instant, time::IN_XSD_G_YEAR_MONTH)
    };
    let gym = |s: &str| Term::from(Literal::new_typed_literal(s, p(xsd::G_YEAR_MONTH)));
    assert_eq!(position(time::HAS_BEGINNING), [gym("1980-02")]);
    assert_eq!(position(time::HAS_END), [gym("1982-05")]);
}

fn id_iri(iri: &str) -> NamedNode {
    NamedNode::new(iri).unwrap()
}

#[test]
fn yang_jings_membership_ends_at_an_instant_with_no_position() {
    let g = general_office();
    let rdf = exported(&g, &Exporter::new());
    let m = id(&format!("membership/yang-jing-{SC_SG}"));
    let interval = blank(&objects(&rdf, &m, org::MEMBER_DURING)[0]);
    let end = objects(&rdf, &interval, time::HAS_END);
    assert_eq!(end.len(), 1, "the end exists");
    let end = blank(&end[0]);
    let said: Vec<(String, String)> = rdf
        .triples_for_subject(&end)
        .map(|t| (t.predicate.to_string(), t.object.to_string()))
        .collect();
    assert_eq!(
        said,
        [(format!("<{}>", rdf::TYPE), format!("<{}>", time::INSTANT))],
        "an instant and nothing more"
    );
}

#[test]
fn holds_held_by_and_head_of_only_for_the_tenure_in_force() {
    let g = general_office();
    let rdf = exported(&g, &Exporter::new());
    let sc = id(&format!("post/{SC_SG}"));
    assert_eq!(
        subjects(&rdf, org::HOLDS, &sc),
        [format!("<{BASE}person/wu-zhenglong>")]
    );
    assert_eq!(
        objects(&rdf, &sc, org::HELD_BY),
        [Term::from(id("person/wu-zhenglong"))]
    );
    assert_eq!(
        subjects(
            &rdf,
            org::HEAD_OF,
            &id("org/general-office-of-the-state-council")
        ),
        [format!("<{BASE}person/wu-zhenglong>")]
    );
    let gac_sg = id(&format!("post/{GAC_SG}"));
    assert!(subjects(&rdf, org::HOLDS, &gac_sg).is_empty());
    assert!(objects(&rdf, &gac_sg, org::HELD_BY).is_empty());
    // Among the Secretary-General's holders, only Wu Zhenglong holds a post.
    for holder in post(&g, SC_SG).holders().chain(post(&g, GAC_SG).holders()) {
        let holds = objects(&rdf, &id(&format!("person/{}", holder.slug())), org::HOLDS);
        if holder.slug().as_str() == "wu-zhenglong" {
            assert_eq!(holds, [Term::from(sc.clone())]);
        } else {
            assert!(holds.is_empty(), "{}", holder.slug());
        }
    }
}

#[test]
fn the_replacement_is_a_change_event() {
    let g = general_office();
    let rdf = exported(&g, &Exporter::new());
    let e = id(&format!("event/{EVENT}"));
    has(&rdf, &e, rdf::TYPE, id_iri(org::CHANGE_EVENT));
    has(&rdf, &e, gg::CHANGE_KIND, id_iri(gg::REPLACEMENT));
    has(
        &rdf,
        &e,
        org::ORIGINAL_ORGANIZATION,
        id(&format!("org/{GAC}")),
    );
    has(
        &rdf,
        &e,
        org::RESULTING_ORGANIZATION,
        id("org/state-council"),
    );
    has(
        &rdf,
        &e,
        dct::DATE,
        Literal::new_typed_literal("1954", p(xsd::G_YEAR)),
    );
    has(
        &rdf,
        &e,
        gg::LEGAL_BASIS,
        Literal::new_simple_literal("Constitution of the People's Republic of China (1954)"),
    );
    has(&rdf, &e, dct::SOURCE, id_iri(STATE_COUNCIL_SOURCE));
    has(
        &rdf,
        &id("org/state-council"),
        dct::REPLACES,
        id(&format!("org/{GAC}")),
    );
    has(
        &rdf,
        &id(&format!("post/{SC_SG}")),
        dct::REPLACES,
        id(&format!("post/{GAC_SG}")),
    );
    has(
        &rdf,
        &id(&format!("post/{GAC_SG}")),
        gg::FORMED,
        Literal::new_typed_literal("1949-10-19", p(xsd::DATE)),
    );
    has(
        &rdf,
        &id(&format!("membership/xiao-jie-{SC_SG}")),
        dct::SOURCE,
        id_iri(XIAO_JIE_SOURCE),
    );
}

#[test]
fn a_snapshot_of_1_march_1980_has_ji_pengfei_and_one_of_1977_nobody() {
    let g = general_office();
    let sc = id(&format!("post/{SC_SG}"));
    let in_1980 = exported(&g, &Exporter::new().as_of(On::date(d("1980-03-01"))));
    assert_eq!(
        objects(&in_1980, &sc, org::HELD_BY),
        [Term::from(id("person/ji-pengfei"))]
    );
    let in_1977 = exported(&g, &Exporter::new().as_of(On::date(d("1977-06-01"))));
    assert!(objects(&in_1977, &sc, org::HELD_BY).is_empty());
    assert_eq!(
        subjects(&in_1980, gg::POST, &sc),
        [format!("<{BASE}membership/ji-pengfei-{SC_SG}>")],
        "only the membership in force"
    );
    assert!(
        subjects(&in_1977, gg::POST, &sc).is_empty(),
        "no membership of the post was in force"
    );
}
