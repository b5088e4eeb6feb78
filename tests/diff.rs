//! Deltas: `apply(a, diff(a, b)) == b` over generated pairs of graphs, the
//! JSON Lines form read back, exact changes for small cases, and the
//! errors of a delta that does not fit.

mod common;

use common::{everything, random_graph, slug};
use govgraph::diff::{Change, Delta, NodeKey};
use govgraph::{
    Annotation, Bound, GovGraph, Interval, Labels, Lang, Node, NodeKind, OrgKind, Organization,
    PartialDate, Person, Post, Relation, Tenure, Value,
};
use proptest::prelude::*;

/// Which of the two graphs have a thing.
#[derive(Debug, Clone, Copy)]
enum Side {
    A,
    B,
    Both,
}

fn side() -> impl Strategy<Value = Side> {
    prop_oneof![
        Just(Side::A),
        Just(Side::B),
        Just(Side::Both),
        Just(Side::Both)
    ]
}

impl Side {
    fn has(self, b: bool) -> bool {
        match self {
            Side::A => !b,
            Side::B => b,
            Side::Both => true,
        }
    }
}

/// A body: where it is, its labels in each graph, its parent, its
/// founding date in each graph.
type Body = (
    Side,
    (String, String),
    (Vec<String>, Vec<String>),
    Option<prop::sample::Index>,
    (Option<PartialDate>, Option<PartialDate>),
);

/// A tenure: where it is, its person and post, its start and end.
type Held = (
    Side,
    prop::sample::Index,
    prop::sample::Index,
    (Option<PartialDate>, Option<PartialDate>),
);

#[derive(Debug, Clone)]
struct Pair {
    bodies: Vec<Body>,
    posts: Vec<(Side, prop::sample::Index, String, bool)>,
    people: Vec<(Side, String)>,
    tenures: Vec<Held>,
    see_also: Vec<(Side, prop::sample::Index, prop::sample::Index)>,
    notes: Vec<(Side, prop::sample::Index, String)>,
    shuffle: Vec<prop::sample::Index>,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-c]{1,2}", any::<String>()]
}

fn date() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        (1900i64..2030).prop_map(|y| PartialDate::year(y).expect("valid")),
        (1900i64..2030, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| PartialDate::ymd(y, m, d).expect("valid")),
    ]
}

fn pair() -> impl Strategy<Value = Pair> {
    let body = (
        side(),
        (text(), text()),
        (
            prop::collection::vec("[a-c]", 0..3),
            prop::collection::vec("[a-c]", 0..3),
        ),
        prop::option::of(any::<prop::sample::Index>()),
        (prop::option::of(date()), prop::option::of(date())),
    );
    let ix = || any::<prop::sample::Index>();
    (
        prop::collection::vec(body, 1..8),
        prop::collection::vec((side(), ix(), text(), any::<bool>()), 0..6),
        prop::collection::vec((side(), text()), 0..5),
        prop::collection::vec(
            (
                side(),
                ix(),
                ix(),
                (prop::option::of(date()), prop::option::of(date())),
            ),
            0..6,
        ),
        prop::collection::vec((side(), ix(), ix()), 0..4),
        prop::collection::vec((side(), ix(), "[a-c]{1,2}"), 0..4),
        prop::collection::vec(ix(), 0..6),
    )
        .prop_map(
            |(bodies, posts, people, tenures, see_also, notes, shuffle)| Pair {
                bodies,
                posts,
                people,
                tenures,
                see_also,
                notes,
                shuffle,
            },
        )
}

/// Builds graph `a` (`b` false) or `b` of a pair. Node order: bodies,
/// posts, people, tenures; `b`'s is then stirred by swaps.
#[expect(
    clippy::too_many_lines,
    reason = "one builder for every kind of change"
)]
#[expect(
    clippy::many_single_char_names,
    reason = "p, b, g: the pair, the side, the graph"
)]
fn build(p: &Pair, b: bool) -> GovGraph {
    let pick = |x: &(String, String)| if b { x.1.clone() } else { x.0.clone() };
    let mut nodes: Vec<Node> = Vec::new();
    for (i, (s, labels, alts, _, founded)) in p.bodies.iter().enumerate() {
        if !s.has(b) {
            continue;
        }
        let mut l = Labels::en(pick(labels));
        for a in if b { &alts.1 } else { &alts.0 } {
            l.add_alternate(Lang::zh_hans(), a.clone());
        }
        let mut o = Organization::new(slug(&format!("b{i}")), OrgKind::Agency, "").with_labels(l);
        o.founded = if b { founded.1 } else { founded.0 };
        nodes.push(o.into());
    }
    for (i, (s, _, label, head)) in p.posts.iter().enumerate() {
        if s.has(b) {
            let mut post = Post::new(slug(&format!("p{i}")), label.as_str());
            post.heads = *head != b;
            nodes.push(post.into());
        }
    }
    for (i, (s, name)) in p.people.iter().enumerate() {
        if s.has(b) {
            let mut person = Person::new(slug(&format!("h{i}")), name.as_str());
            // Lifetimes change between the two graphs.
            if b && i % 2 == 0 {
                person.born = PartialDate::year(1900 + i64::try_from(i).unwrap_or(0)).ok();
            }
            nodes.push(person.into());
        }
    }
    for (i, (s, _, _, (start, end))) in p.tenures.iter().enumerate() {
        if s.has(b) {
            let mut t = Tenure::new(slug(&format!("t{i}")));
            t.start = start.map(Bound::Date);
            if b {
                t.end = end.map(Bound::Date);
                if let (Some(s), Some(e)) = (start, end) {
                    if e < s {
                        // Ended, date unknown; and acting.
                        t.end = Some(Bound::Undated);
                        t.acting = true;
                    }
                }
            }
            nodes.push(t.into());
        }
    }
    if b {
        for (k, ix) in p.shuffle.iter().enumerate() {
            if !nodes.is_empty() {
                let j = ix.index(nodes.len());
                let k = k % nodes.len();
                nodes.swap(k, j);
            }
        }
    }
    let mut g = GovGraph::new();
    for n in nodes {
        g.insert(n).expect("fresh slugs");
    }
    let id = |kind: NodeKind, s: String| g.id_by_slug(kind, &s);
    let mut links = Vec::new();
    let n_bodies = p.bodies.len();
    for (i, (_, _, _, parent, _)) in p.bodies.iter().enumerate() {
        if let Some(ix) = parent {
            let j = ix.index(n_bodies);
            // Parents among earlier bodies keep the hierarchy acyclic; b
            // moves some bodies to the root.
            if j < i && !(b && (i + j) % 3 == 0) {
                // b dates some of the hierarchy.
                let during = if b && (i + j) % 3 == 1 {
                    Interval::new().with_start(PartialDate::year(1949).expect("valid"))
                } else {
                    Interval::new()
                };
                links.push((
                    id(NodeKind::Organization, format!("b{i}")),
                    Relation::SubOrganizationOf,
                    id(NodeKind::Organization, format!("b{j}")),
                    during,
                ));
            }
        }
    }
    for (i, (_, body, _, _)) in p.posts.iter().enumerate() {
        let j = body.index(n_bodies);
        links.push((
            id(NodeKind::Post, format!("p{i}")),
            Relation::PostIn,
            id(NodeKind::Organization, format!("b{j}")),
            Interval::new(),
        ));
    }
    for (i, (_, person, post, _)) in p.tenures.iter().enumerate() {
        if !p.people.is_empty() {
            let h = person.index(p.people.len());
            links.push((
                id(NodeKind::Tenure, format!("t{i}")),
                Relation::Holder,
                id(NodeKind::Person, format!("h{h}")),
                Interval::new(),
            ));
        }
        if !p.posts.is_empty() {
            let q = post.index(p.posts.len());
            links.push((
                id(NodeKind::Tenure, format!("t{i}")),
                Relation::TenureOf,
                id(NodeKind::Post, format!("p{q}")),
                Interval::new(),
            ));
        }
    }
    for (s, x, y) in &p.see_also {
        if s.has(b) {
            let (x, y) = (x.index(n_bodies), y.index(n_bodies));
            links.push((
                id(NodeKind::Organization, format!("b{x}")),
                Relation::SeeAlso,
                id(NodeKind::Organization, format!("b{y}")),
                Interval::new(),
            ));
        }
    }
    for (from, rel, to, during) in links {
        if let (Some(from), Some(to)) = (from, to) {
            // Self links and duplicates are refused; that is fine here.
            let _ = g.link_during(from, rel, to, during);
        }
    }
    for (s, body, value) in &p.notes {
        let j = body.index(n_bodies);
        let body = g.id_by_slug(NodeKind::Organization, &format!("b{j}"));
        if let (true, Some(o)) = (s.has(b), body) {
            let note = Annotation {
                property: "https://example.org/note".to_owned(),
                value: Value::Literal {
                    value: value.clone(),
                    datatype: "http://www.w3.org/2001/XMLSchema#string".to_owned(),
                    language: None,
                },
            };
            g.annotate(o, note).expect("a valid annotation");
        }
    }
    g
}

fn through_jsonl(d: &Delta) -> Delta {
    let mut bytes = Vec::new();
    d.write_jsonl(&mut bytes).expect("writes to memory");
    let text = String::from_utf8(bytes).expect("JSON is UTF-8");
    assert_eq!(text.lines().count(), d.len());
    Delta::read_jsonl(text.as_bytes()).expect("reads back")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn applying_the_diff_gives_the_new_graph(p in pair()) {
        let (a, b) = (build(&p, false), build(&p, true));
        let d = GovGraph::diff(&a, &b);
        prop_assert_eq!(d.is_empty(), a == b);
        let read = through_jsonl(&d);
        prop_assert_eq!(&read, &d);
        let got = a.apply(&read).expect("a diff applies to its own old graph");
        prop_assert_eq!(&got, &b, "delta:\n{}", d);
        prop_assert!(GovGraph::diff(&got, &b).is_empty());
        let back = b.apply(&GovGraph::diff(&b, &a)).expect("and the other way");
        prop_assert_eq!(&back, &a);
    }
}

#[test]
fn every_kind_added_and_removed() {
    let g = everything();
    let empty = GovGraph::new();
    let added = GovGraph::diff(&empty, &g);
    assert_eq!(
        added
            .changes()
            .filter(|c| matches!(c, Change::NodeAdded { .. }))
            .count(),
        g.node_count()
    );
    assert_eq!(
        added
            .changes()
            .filter(|c| matches!(c, Change::LinkAdded { .. }))
            .count(),
        g.link_count()
    );
    assert_eq!(empty.apply(&through_jsonl(&added)).expect("applies"), g);
    let removed = GovGraph::diff(&g, &empty);
    assert_eq!(
        removed
            .changes()
            .filter(|c| matches!(c, Change::NodeRemoved { .. }))
            .count(),
        g.node_count()
    );
    assert_eq!(g.apply(&removed).expect("applies"), empty);
    assert!(GovGraph::diff(&g, &g.clone()).is_empty());
}

#[test]
fn random_graphs_of_different_seeds() {
    let (a, b) = (random_graph(1, 40), random_graph(2, 40));
    assert_eq!(
        a.apply(&through_jsonl(&GovGraph::diff(&a, &b)))
            .expect("applies"),
        b
    );
}

#[test]
fn exact_changes_and_text() {
    let mut a = GovGraph::new();
    let council = a
        .insert_org(Organization::new(
            slug("state-council"),
            OrgKind::GoverningBody,
            "State Council",
        ))
        .expect("fresh");
    let office = a
        .add_sub_org(
            council,
            Organization::new(slug("general-office"), OrgKind::Office, "General Office"),
        )
        .expect("fresh");
    let post = a
        .add_post(
            office,
            Post::new(slug("secretary-general"), "Secretary-General").head(),
        )
        .expect("fresh");
    let wu = a
        .insert_person(Person::new(slug("wu-zhenglong"), "Wu Zhenglong"))
        .expect("fresh");
    a.appoint(
        wu,
        post,
        Tenure::new(slug("wu-zhenglong-sg")).with_start("2023-03".parse().expect("date")),
    )
    .expect("fresh");

    let mut b = GovGraph::new();
    let council = b
        .insert_org(
            Organization::new(
                slug("state-council"),
                OrgKind::GoverningBody,
                "State Council",
            )
            .with_labels(Labels::en("State Council").with_preferred(Lang::zh_hans(), "国务院"))
            .with_founded("1954-09".parse().expect("date")),
        )
        .expect("fresh");
    let post = b
        .add_post(
            council,
            Post::new(slug("secretary-general"), "Secretary-General").head(),
        )
        .expect("fresh");
    let wu = b
        .insert_person(Person::new(slug("wu-zhenglong"), "Wu Zhenglong"))
        .expect("fresh");
    b.appoint(
        wu,
        post,
        Tenure::new(slug("wu-zhenglong-sg"))
            .with_start("2023-03-12".parse().expect("date"))
            .with_end("2024".parse().expect("date")),
    )
    .expect("fresh");

    let d = GovGraph::diff(&a, &b);
    assert_eq!(
        d.to_string(),
        "- org/general-office\n\
         ~ org/state-council founded: (unset) -> \"1954-09\"\n\
         + org/state-council label \"国务院\"@zh-hans\n\
         ~ membership/wu-zhenglong-sg dates: {\"start\":\"2023-03\"} -> {\"end\":\"2024\",\"start\":\"2023-03-12\"}\n\
         - org/general-office -sub_organization_of-> org/state-council\n\
         - post/secretary-general -post_in-> org/general-office\n\
         + post/secretary-general -post_in-> org/state-council\n"
    );
    let mut lines = Vec::new();
    d.write_jsonl(&mut lines).expect("writes");
    let lines = String::from_utf8(lines).expect("utf-8");
    assert_eq!(
        lines.lines().take(3).collect::<Vec<_>>(),
        [
            r#"{"op":"node_removed","key":"org/general-office"}"#,
            r#"{"op":"field_changed","key":"org/state-council","field":"founded","to":"1954-09"}"#,
            r#"{"op":"label_added","key":"org/state-council","label":{"lang":"zh-hans","text":"国务院"},"preferred":true}"#,
        ]
    );
    assert_eq!(a.apply(&d).expect("applies"), b);
}

#[test]
fn nodes_keep_the_new_order() {
    let org = |s: &str| Node::from(Organization::new(slug(s), OrgKind::Agency, s));
    let graph = |slugs: &[&str]| {
        let mut g = GovGraph::new();
        for s in slugs {
            g.insert(org(s)).expect("fresh");
        }
        g
    };
    let a = graph(&["a", "b", "c", "d"]);
    let b = graph(&["d", "a", "x", "c", "b"]);
    let d = GovGraph::diff(&a, &b);
    assert_eq!(
        d.to_string(),
        "> org/d after (first)\n+ org/x\n> org/b after org/c\n"
    );
    assert_eq!(a.apply(&d).expect("applies"), b);
}

#[test]
fn a_delta_that_does_not_fit_is_refused_naming_the_change() {
    let err = |g: &GovGraph, jsonl: &str| {
        let d = Delta::read_jsonl(jsonl.as_bytes()).expect("parses");
        g.apply(&d).expect_err("refused").to_string()
    };
    let mut g = GovGraph::new();
    g.insert_org(
        Organization::new(slug("a"), OrgKind::Agency, "A")
            .with_founded("1949".parse().expect("date")),
    )
    .expect("fresh");
    assert_eq!(
        err(
            &g,
            r#"{"op":"field_changed","key":"org/a","field":"founded","from":"1950","to":"1951"}"#
        ),
        "change 1: org/a field `founded` is \"1949\" here, the delta expects \"1950\""
    );
    assert_eq!(
        err(
            &g,
            "{\"op\":\"node_removed\",\"key\":\"org/a\"}\n{\"op\":\"node_removed\",\"key\":\"org/a\"}"
        ),
        "change 2: node org/a is already removed, added or moved by an earlier change"
    );
    assert_eq!(
        err(
            &g,
            r#"{"op":"node_added","node":{"type":"organization","slug":"a","kind":"agency","labels":{}}}"#
        ),
        "change 1: the graph already has a node org/a"
    );
    assert_eq!(
        err(
            &g,
            r#"{"op":"link_removed","from":"org/a","relation":"see_also","to":"org/a"}"#
        ),
        "change 1: org/a link -see_also-> org/a is \"absent\" here, the delta expects \"present\""
    );
    assert_eq!(
        err(
            &g,
            r#"{"op":"link_added","from":"org/a","relation":"see_also","to":"org/a"}"#
        ),
        "change 1: organization `a` cannot be linked see_also itself"
    );
    assert_eq!(
        err(
            &g,
            r#"{"op":"field_changed","key":"org/a","field":"kind","from":"agency","to":"ministry"}"#
        ),
        "change 1: org/a would not be a valid node: unknown variant `ministry`, expected one of `governing_body`, `agency`, `office`, `department`, `institution`, `party_organ`, `military_organ`, `other`"
    );
    assert_eq!(
        err(&g, r#"{"op":"node_moved","key":"org/b","after":"org/a"}"#),
        "change 1: no node org/b in the graph"
    );
    let bad = Delta::read_jsonl(&b"{\"op\":\"node_removed\",\"key\":\"Org/a\"}\n"[..])
        .expect_err("bad key");
    assert_eq!(
        bad.to_string(),
        "delta line 1: \"Org/a\" is not a node key of the form kind/slug (as org/state-council)"
    );
    let key: NodeKey = "membership/t1".parse().expect("key");
    assert_eq!(key.kind, NodeKind::Tenure);
}

/// `govgraph diff` and `govgraph patch`, run as a shell user runs them.
#[cfg(feature = "cli")]
mod cli {
    use std::path::PathBuf;

    use assert_cmd::Command;
    use govgraph::GovGraph;

    use super::common::{everything, org};

    fn gg() -> Command {
        Command::cargo_bin("govgraph").expect("the binary is built with the cli feature")
    }

    fn scratch(name: &str, g: Option<&GovGraph>) -> PathBuf {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("diff-cli");
        std::fs::create_dir_all(&dir).expect("the scratch folder can be made");
        let p = dir.join(name);
        let _ = std::fs::remove_file(&p);
        if let Some(g) = g {
            let mut bytes = Vec::new();
            g.write_json(&mut bytes).expect("writes");
            std::fs::write(&p, bytes).expect("writes the file");
        }
        p
    }

    #[test]
    fn diff_exits_0_1_2_and_patch_makes_the_new_graph() {
        let a = everything();
        let mut b = a.clone();
        b.insert_org(org("new-body")).expect("fresh");
        let (pa, pb) = (scratch("a.json", Some(&a)), scratch("b.json", Some(&b)));
        gg().args(["diff"])
            .arg(&pa)
            .arg(&pa)
            .assert()
            .code(0)
            .stdout("")
            .stderr("");
        gg().args(["diff", "--format", "text"])
            .arg(&pa)
            .arg(&pb)
            .assert()
            .code(1)
            .stdout("+ org/new-body\n")
            .stderr("");
        let out = gg()
            .arg("diff")
            .arg(&pa)
            .arg(&pb)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let delta = scratch("d.jsonl", None);
        std::fs::write(&delta, &out).expect("writes");
        let pc = scratch("c.json", None);
        gg().arg("patch")
            .arg(&pa)
            .arg(&delta)
            .arg("-o")
            .arg(&pc)
            .assert()
            .success()
            .stderr("");
        let c = GovGraph::read_json(std::fs::File::open(&pc).expect("written")).expect("reads");
        assert_eq!(c, b);
        gg().arg("diff")
            .arg(&pa)
            .arg("missing.json")
            .assert()
            .code(2)
            .stderr("govgraph: cannot read missing.json: No such file or directory\n");
        std::fs::write(
            &delta,
            b"{\"op\":\"node_removed\",\"key\":\"org/nowhere\"}\n",
        )
        .expect("writes");
        gg().arg("patch")
            .arg(&pa)
            .arg(&delta)
            .assert()
            .code(1)
            .stderr(format!(
                "govgraph: {}: change 1: no node org/nowhere in the graph\n",
                delta.display()
            ));
    }
}

#[test]
fn dated_facts_are_changes_too() {
    let d = |s: &str| s.parse::<PartialDate>().expect("date");
    let build = |dated: bool| {
        let mut g = GovGraph::new();
        let council = g
            .insert_org(Organization::new(
                slug("council"),
                OrgKind::GoverningBody,
                "Council",
            ))
            .expect("fresh");
        let office = g
            .insert_org(Organization::new(slug("office"), OrgKind::Office, "Office"))
            .expect("fresh");
        let during = if dated {
            Interval::new().with_start(d("1954-09"))
        } else {
            Interval::new()
        };
        g.link_during(office, Relation::SubOrganizationOf, council, during)
            .expect("links");
        let post = g
            .add_post(office, Post::new(slug("head"), "Head").head())
            .expect("fresh");
        let mut p = Person::new(slug("someone"), "Someone");
        if dated {
            p = p.with_born(d("1931"));
        }
        let p = g.insert_person(p).expect("fresh");
        let mut t = Tenure::new(slug("t")).with_start(d("1960"));
        if dated {
            t = t.with_end_undated().acting();
        }
        g.appoint(p, post, t).expect("fresh");
        g
    };
    let (a, b) = (build(false), build(true));
    let delta = GovGraph::diff(&a, &b);
    assert_eq!(
        delta.to_string(),
        "~ person/someone born: (unset) -> \"1931\"\n\
         ~ membership/t acting: (unset) -> true\n\
         ~ membership/t dates: {\"start\":\"1960\"} -> {\"end\":\"unknown\",\"start\":\"1960\"}\n\
         - org/office -sub_organization_of-> org/council\n\
         + org/office -sub_organization_of-> org/council [1954-09 to ..]\n"
    );
    assert_eq!(a.apply(&through_jsonl(&delta)).expect("applies"), b);
    assert_eq!(b.apply(&GovGraph::diff(&b, &a)).expect("applies"), a);
}
