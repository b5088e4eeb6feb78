//! Traversal order, depth and path guarantees, on small hand-built graphs,
//! generated graphs, and hierarchies a million bodies deep and wide.

mod common;

use std::collections::HashMap;

use common::{Lcg, assert_path_is_real, org, slug, slugs, undirected_distance};
use govgraph::{
    Function, GovGraph, Labels, Node, NodeKind, NodeRef, OrgId, OrgRef, Person, PersonId,
    PersonRef, Post, PostId, PostRef, Relation, Tenure,
};

/// A bare organization for the big shapes: no label, to keep a million of
/// them small in memory.
fn bare_org(i: usize) -> govgraph::Organization {
    org(&format!("org-{i}")).with_labels(Labels::new())
}

#[test]
fn sub_organizations_come_in_graph_order_not_slug_or_link_order() {
    let mut g = GovGraph::new();
    // Inserted first, linked last: graph order puts it first.
    let late = g.insert_org(org("beta")).expect("new slug");
    let root = g.insert_org(org("root")).expect("new slug");
    for s in ["zeta", "alpha", "mu"] {
        g.add_sub_org(root, org(s)).expect("fresh child");
    }
    g.link(late, Relation::SubOrganizationOf, root)
        .expect("beta has no parent yet");
    let root = g.org(root).expect("in the graph");
    assert_eq!(
        slugs(root.sub_organizations()),
        ["beta", "zeta", "alpha", "mu"]
    );
    // Walking back gives the reverse.
    assert_eq!(
        slugs(root.sub_organizations().rev()),
        ["mu", "alpha", "zeta", "beta"]
    );
}

#[test]
fn posts_come_in_graph_order() {
    let mut g = GovGraph::new();
    let o = g.insert_org(org("office")).expect("new slug");
    let free = g
        .insert_post(Post::new(slug("a-clerk"), "Clerk"))
        .expect("new slug");
    for s in ["z-director", "m-deputy", "b-secretary"] {
        g.add_post(o, Post::new(slug(s), s)).expect("fresh post");
    }
    g.link(free, Relation::PostIn, o)
        .expect("the clerk had no body");
    let o = g.org(o).expect("in the graph");
    assert_eq!(
        slugs(o.posts()),
        ["a-clerk", "z-director", "m-deputy", "b-secretary"]
    );
    for p in o.posts() {
        assert_eq!(p.organization(), Some(o));
    }
}

#[test]
fn descendants_are_breadth_first_with_depths_and_siblings_in_graph_order() {
    // root
    // ├── c ── z, y
    // ├── a ── x ── w
    // └── b
    let mut g = GovGraph::new();
    let root = g.insert_org(org("root")).expect("new slug");
    let c = g.add_sub_org(root, org("c")).expect("fresh");
    let a = g.add_sub_org(root, org("a")).expect("fresh");
    g.add_sub_org(root, org("b")).expect("fresh");
    g.add_sub_org(c, org("z")).expect("fresh");
    let x = g.add_sub_org(a, org("x")).expect("fresh");
    g.add_sub_org(c, org("y")).expect("fresh");
    g.add_sub_org(x, org("w")).expect("fresh");

    let got: Vec<(String, usize)> = g
        .org(root)
        .expect("in the graph")
        .descendants()
        .map(|(o, d)| (o.slug().to_string(), d))
        .collect();
    let want = [
        ("c", 1),
        ("a", 1),
        ("b", 1),
        ("z", 2),
        ("y", 2),
        ("x", 2),
        ("w", 3),
    ];
    assert_eq!(
        got,
        want.map(|(s, d)| (s.to_owned(), d)),
        "level by level, siblings in graph order"
    );
    // From an inner body, depths count from it.
    let from_a: Vec<(String, usize)> = g
        .org(a)
        .expect("in the graph")
        .descendants()
        .map(|(o, d)| (o.slug().to_string(), d))
        .collect();
    assert_eq!(from_a, [("x".to_owned(), 1), ("w".to_owned(), 2)]);
    let leaf = g.org_by_slug("w").expect("in the graph");
    assert_eq!(leaf.descendants().count(), 0);
}

#[test]
fn ancestors_run_nearest_first_to_the_root() {
    let mut g = GovGraph::new();
    let mut at = g.insert_org(org("top")).expect("new slug");
    for s in ["second", "third", "fourth"] {
        at = g.add_sub_org(at, org(s)).expect("fresh");
    }
    let bottom = g.org(at).expect("in the graph");
    assert_eq!(slugs(bottom.ancestors()), ["third", "second", "top"]);
    let top = g.org_by_slug("top").expect("in the graph");
    assert_eq!(top.ancestors().count(), 0);
    assert_eq!(top.parent(), None);
    // The iterator is fused: it stays finished.
    let mut it = bottom.ancestors();
    assert_eq!(it.by_ref().count(), 3);
    assert!(it.next().is_none());
}

#[test]
fn functions_come_sorted_by_position_not_by_link_order() {
    let mut g = GovGraph::new();
    let o = g.insert_org(org("office")).expect("new slug");
    // Functions inserted with their own positions and linked out of order.
    for (s, position) in [("third", 3), ("first", 1), ("second", 2)] {
        let mut f = Function::new(slug(s), s);
        f.position = position;
        let Ok(govgraph::NodeId::Function(id)) = g.insert(Node::Function(f)) else {
            panic!("inserting a function gives a function id");
        };
        g.link(o, Relation::HasFunction, id)
            .expect("an unowned function");
    }
    // add_function numbers one after the highest, whatever position it had.
    let mut late = Function::new(slug("fourth"), "fourth");
    late.position = 99;
    let late = g.add_function(o, late).expect("fresh function");
    assert_eq!(g[late].position, 4);

    let o = g.org(o).expect("in the graph");
    let got: Vec<(String, u32)> = o
        .functions()
        .map(|f| (f.slug().to_string(), f.position))
        .collect();
    assert_eq!(
        got,
        [("first", 1), ("second", 2), ("third", 3), ("fourth", 4)].map(|(s, p)| (s.to_owned(), p))
    );
    assert_eq!(o.functions().len(), 4);
}

#[test]
fn add_function_numbers_from_one_per_organization() {
    let mut g = GovGraph::new();
    let a = g.insert_org(org("a")).expect("new slug");
    let b = g.insert_org(org("b")).expect("new slug");
    let a1 = g
        .add_function(a, Function::new(slug("a-1"), "a1"))
        .expect("fresh");
    let b1 = g
        .add_function(b, Function::new(slug("b-1"), "b1"))
        .expect("fresh");
    let a2 = g
        .add_function(a, Function::new(slug("a-2"), "a2"))
        .expect("fresh");
    assert_eq!((g[a1].position, g[a2].position, g[b1].position), (1, 2, 1));
    let f = g.function(a2).expect("in the graph");
    assert_eq!(f.organization().map(OrgRef::id), Some(a));
}

#[test]
fn heads_are_only_current_holders_of_head_posts() {
    let mut g = GovGraph::new();
    let o = g.insert_org(org("office")).expect("new slug");
    let chief = g
        .add_post(o, Post::new(slug("chief"), "Chief").head())
        .expect("fresh");
    let deputy = g
        .add_post(o, Post::new(slug("deputy"), "Deputy"))
        .expect("fresh");
    let co_chief = g
        .add_post(o, Post::new(slug("co-chief"), "Co-chief").head())
        .expect("fresh");
    let person =
        |g: &mut GovGraph, s: &str| g.insert_person(Person::new(slug(s), s)).expect("new slug");
    let former = person(&mut g, "former");
    let current = person(&mut g, "current");
    let second = person(&mut g, "second");
    let aide = person(&mut g, "aide");
    let co = person(&mut g, "co");
    let date = |s: &str| s.parse().expect("a valid date");
    g.appoint(
        former,
        chief,
        Tenure::new(slug("t-former"))
            .with_start(date("2013"))
            .with_end(date("2023-03")),
    )
    .expect("fresh tenure");
    g.appoint(co, co_chief, Tenure::new(slug("t-co")))
        .expect("fresh");
    g.appoint(
        current,
        chief,
        Tenure::new(slug("t-current")).with_start(date("2023-03")),
    )
    .expect("fresh");
    g.appoint(aide, deputy, Tenure::new(slug("t-aide")))
        .expect("fresh");
    g.appoint(second, chief, Tenure::new(slug("t-second")))
        .expect("fresh");

    let o = g.org(o).expect("in the graph");
    assert_eq!(slugs(o.head_posts()), ["chief", "co-chief"]);
    // Post by post, then holders in time order (a tenure with no start
    // first); the former chief (an ended tenure) and the deputy's holder
    // are not heads.
    assert_eq!(slugs(o.heads()), ["second", "current", "co"]);
    let chief = g.post(chief).expect("in the graph");
    assert_eq!(slugs(chief.holders()), ["second", "former", "current"]);
    assert_eq!(
        chief.tenures().map(|t| t.is_current()).collect::<Vec<_>>(),
        [true, false, true]
    );
    // On a date, only the tenure certainly in force then.
    assert_eq!(slugs(o.heads_on(date("2020"))), ["second", "former", "co"]);
    assert_eq!(
        slugs(o.heads_on(date("2023-04"))),
        ["second", "current", "co"]
    );
}

#[test]
fn holders_and_posts_held_agree_on_a_generated_graph() {
    let mut rng = Lcg(0x5eed);
    let mut g = GovGraph::new();
    let orgs: Vec<OrgId> = (0..8)
        .map(|i| g.insert_org(org(&format!("body-{i}"))).expect("new slug"))
        .collect();
    let posts: Vec<PostId> = (0..40)
        .map(|i| {
            let body = orgs[rng.below(orgs.len())];
            g.add_post(body, Post::new(slug(&format!("post-{i}")), "post"))
                .expect("fresh")
        })
        .collect();
    let people: Vec<PersonId> = (0..30)
        .map(|i| {
            g.insert_person(Person::new(slug(&format!("person-{i}")), "person"))
                .expect("new slug")
        })
        .collect();
    // The oracle: appointments in the order they are made, repeats allowed.
    let mut by_post: HashMap<PostId, Vec<PersonId>> = HashMap::new();
    let mut by_person: HashMap<PersonId, Vec<PostId>> = HashMap::new();
    for i in 0..300 {
        let person = people[rng.below(people.len())];
        let post = posts[rng.below(posts.len())];
        g.appoint(person, post, Tenure::new(slug(&format!("tenure-{i}"))))
            .expect("fresh tenure");
        by_post.entry(post).or_default().push(person);
        by_person.entry(person).or_default().push(post);
    }
    for &p in &posts {
        let post = g.post(p).expect("in the graph");
        let holders: Vec<PersonId> = post.holders().map(PersonRef::id).collect();
        assert_eq!(
            holders,
            by_post.get(&p).cloned().unwrap_or_default(),
            "{p:?}"
        );
        // Each holder lists this post as often as the post lists them.
        for h in post.holders() {
            let here = holders.iter().filter(|&&x| x == h.id()).count();
            let there = h.posts().filter(|q| q.id() == p).count();
            assert_eq!(here, there, "{} and {}", post.slug(), h.slug());
        }
    }
    for &p in &people {
        let person = g.person(p).expect("in the graph");
        let held: Vec<PostId> = person.posts().map(PostRef::id).collect();
        assert_eq!(
            held,
            by_person.get(&p).cloned().unwrap_or_default(),
            "{p:?}"
        );
        for t in person.tenures() {
            assert_eq!(t.person(), Some(person));
        }
    }
    let total: usize = posts
        .iter()
        .map(|&p| g.post(p).expect("in the graph").holders().count())
        .sum();
    assert_eq!(total, 300);
}

#[test]
fn paths_walk_real_links_and_are_shortest_on_a_generated_graph() {
    let mut rng = Lcg(42);
    let mut g = GovGraph::new();
    let mut ids = Vec::new();
    let root = g.insert_org(org("org-0")).expect("new slug");
    ids.push(root);
    for i in 1..60 {
        let parent = ids[rng.below(ids.len())];
        ids.push(
            g.add_sub_org(parent, org(&format!("org-{i}")))
                .expect("fresh"),
        );
    }
    // Cross links make shortcuts; some are refused (duplicates), which is fine.
    for _ in 0..40 {
        let a = ids[rng.below(ids.len())];
        let b = ids[rng.below(ids.len())];
        let _ = g.link(a, Relation::SeeAlso, b);
    }
    let island = g.insert_org(org("island")).expect("new slug");
    for _ in 0..200 {
        let a = ids[rng.below(ids.len())].into();
        let b = ids[rng.below(ids.len())].into();
        let path = g.path(a, b).expect("one tree: every pair is connected");
        assert_path_is_real(&g, &path, a, b);
        assert_eq!(
            Some(path.len()),
            undirected_distance(&g, a, b),
            "not shortest"
        );
        assert!(g.path(a, island).is_none());
    }
}

#[test]
fn path_elements_and_display_alternate_nodes_and_links() {
    let mut g = GovGraph::new();
    let top = g.insert_org(org("top")).expect("new slug");
    let left = g.add_sub_org(top, org("left")).expect("fresh");
    let right = g.add_sub_org(top, org("right")).expect("fresh");
    let path = g.path(left, right).expect("connected through top");
    assert_path_is_real(&g, &path, left.into(), right.into());
    assert_eq!(
        path.keys().to_string(),
        "org/left -sub_organization_of-> org/top <-sub_organization_of- org/right"
    );
    assert_eq!(
        path.to_string(),
        "left is part of top, which has the sub-organization right"
    );
    let steps: Vec<(bool, Relation)> = path.steps().map(|s| (s.forward, s.relation)).collect();
    assert_eq!(
        steps,
        [
            (true, Relation::SubOrganizationOf),
            (false, Relation::SubOrganizationOf)
        ]
    );
    assert_eq!(path.elements().count(), 5);
}

#[test]
fn path_from_a_node_to_itself_is_empty() {
    let mut g = GovGraph::new();
    let a = g.insert_org(org("a")).expect("new slug");
    g.add_sub_org(a, org("b")).expect("fresh");
    let path = g.path(a, a).expect("a node reaches itself");
    assert!(path.is_empty());
    assert_eq!(path.len(), 0);
    assert_eq!(slugs(path.nodes()), ["a"]);
    assert_eq!(path.steps().count(), 0);
    assert_eq!(path.keys().to_string(), "org/a");
    assert_eq!(path.to_string(), "a");
}

#[test]
fn path_is_none_between_disconnected_nodes_and_for_foreign_ids() {
    let mut g = GovGraph::new();
    let a = g.insert_org(org("a")).expect("new slug");
    let b = g.insert_org(org("b")).expect("new slug");
    g.add_sub_org(a, org("a-child")).expect("fresh");
    assert!(g.path(a, b).is_none());
    assert!(g.path(b, a).is_none());

    let mut big = GovGraph::new();
    let mut foreign = big.insert_org(org("x")).expect("new slug");
    for i in 0..5 {
        foreign = big.insert_org(org(&format!("y-{i}"))).expect("new slug");
    }
    assert!(g.path(a, foreign).is_none(), "an id from another graph");
    assert!(g.path(foreign, a).is_none(), "an id from another graph");
}

#[test]
fn linked_size_hint_is_exact_at_every_step() {
    let mut g = GovGraph::new();
    let root = g.insert_org(org("root")).expect("new slug");
    for i in 0..5 {
        g.add_sub_org(root, org(&format!("c-{i}"))).expect("fresh");
    }
    let other = g.insert_org(org("other")).expect("new slug");
    let person = g
        .insert_person(Person::new(slug("p"), "P"))
        .expect("new slug");
    g.link(root, Relation::SeeAlso, other).expect("new link");
    g.link(root, Relation::SeeAlso, person).expect("new link");

    let root = g.org(root).expect("in the graph");
    let mut it = root.sub_organizations();
    for left in (0..=5).rev() {
        assert_eq!(it.size_hint(), (left, Some(left)));
        assert_eq!(it.len(), left);
        assert_eq!(it.next().is_some(), left > 0);
    }
    let mut related = root.related();
    assert_eq!(related.size_hint(), (2, Some(2)));
    assert_eq!(
        related.next().map(NodeRef::kind),
        Some(NodeKind::Organization)
    );
    assert_eq!(related.size_hint(), (1, Some(1)));
    assert_eq!(related.next().map(NodeRef::kind), Some(NodeKind::Person));
    assert_eq!(related.size_hint(), (0, Some(0)));
    assert!(related.next().is_none());
}

const MILLION: usize = 1_000_000;

#[test]
fn a_chain_a_million_deep_walks_without_recursion() {
    let mut g = GovGraph::with_capacity(MILLION, MILLION);
    let top = g.insert_org(bare_org(0)).expect("new slug");
    let mut bottom = top;
    for i in 1..MILLION {
        bottom = g.add_sub_org(bottom, bare_org(i)).expect("fresh child");
    }
    assert_eq!(g.node_count(), MILLION);
    assert_eq!(g.link_count(), MILLION - 1);

    let bottom_ref = g.org(bottom).expect("in the graph");
    let mut up = 0;
    let mut last = None;
    for o in bottom_ref.ancestors() {
        up += 1;
        last = Some(o.id());
    }
    assert_eq!(up, MILLION - 1);
    assert_eq!(last, Some(top));

    let mut down = 0;
    for (o, depth) in g.org(top).expect("in the graph").descendants() {
        down += 1;
        assert_eq!(depth, down, "one body per level, in order");
        if depth == MILLION - 1 {
            assert_eq!(o.id(), bottom);
        }
    }
    assert_eq!(down, MILLION - 1);

    let path = g.path(top, bottom).expect("connected");
    assert_eq!(path.len(), MILLION - 1);
    assert!(
        path.steps()
            .all(|s| !s.forward && s.relation == Relation::SubOrganizationOf)
    );
}

#[test]
fn a_star_a_million_wide_walks_without_recursion() {
    let mut g = GovGraph::with_capacity(MILLION + 1, MILLION);
    let root = g.insert_org(bare_org(0)).expect("new slug");
    let mut children = Vec::with_capacity(MILLION);
    for i in 1..=MILLION {
        children.push(g.add_sub_org(root, bare_org(i)).expect("fresh child"));
    }
    let root_ref = g.org(root).expect("in the graph");
    let subs = root_ref.sub_organizations();
    assert_eq!(subs.len(), MILLION);
    assert!(
        subs.map(OrgRef::id).eq(children.iter().copied()),
        "graph order"
    );

    let mut count = 0;
    for ((o, depth), &want) in root_ref.descendants().zip(&children) {
        assert_eq!(depth, 1);
        assert_eq!(o.id(), want);
        count += 1;
    }
    assert_eq!(count, MILLION);
    assert_eq!(root_ref.descendants().count(), MILLION);

    let (first, last) = (children[0], children[MILLION - 1]);
    let path = g.path(first, last).expect("connected through the root");
    assert_eq!(path.len(), 2);
    assert_path_is_real(&g, &path, first.into(), last.into());
    assert_eq!(path.nodes().nth(1).map(NodeRef::id), Some(root.into()));
    let leaf = g.org(last).expect("in the graph");
    assert_eq!(leaf.ancestors().map(OrgRef::id).collect::<Vec<_>>(), [root]);
}

#[test]
fn paths_read_as_sentences_of_names_both_ways_and_through_tenures() {
    let g = govgraph::datasets::general_office();
    let wang = g.person_by_slug("wang-zhijun").expect("in the dataset");
    let office = g
        .org_by_slug("general-office-of-the-state-council")
        .expect("in the dataset");
    let council = g.org_by_slug("state-council").expect("in the dataset");
    let back = g.path(council, wang).expect("connected");
    assert_eq!(
        back.to_string(),
        "State Council has the sub-organization General Office of the State Council, \
         which has the post Executive Deputy Secretary-General of the State Council, \
         which is held by Wang Zhijun"
    );
    let up = g.path(wang, council).expect("connected");
    assert_eq!(
        up.to_string(),
        "Wang Zhijun holds Executive Deputy Secretary-General of the State Council, \
         a post in General Office of the State Council, part of State Council"
    );
    // A tenure at an end of the path is named by its person and post.
    let tenure = wang.tenures().next().expect("his tenure");
    assert_eq!(
        g.path(tenure, office).expect("connected").to_string(),
        "Wang Zhijun, Executive Deputy Secretary-General of the State Council \
         is a tenure of Executive Deputy Secretary-General of the State Council, \
         a post in General Office of the State Council"
    );
    assert_eq!(
        g.path(wang, tenure).expect("connected").to_string(),
        "Wang Zhijun holds the tenure Wang Zhijun, Executive Deputy Secretary-General of the State Council"
    );
    // A person in the middle is "who".
    let wu = g.person_by_slug("wu-zhenglong").expect("in the dataset");
    let between = g.path(wang, wu).expect("connected");
    assert!(
        between
            .to_string()
            .ends_with(", which is held by Wu Zhenglong"),
        "{between}"
    );
}

#[test]
fn an_ended_tenure_reads_held() {
    let mut g = GovGraph::new();
    let body = g.insert_org(org("body")).expect("new slug");
    let post = g
        .add_post(body, Post::new(slug("chief"), "Chief"))
        .expect("fresh");
    let p = g
        .insert_person(Person::new(slug("someone"), "Someone"))
        .expect("fresh");
    g.appoint(
        p,
        post,
        Tenure::new(slug("someone-chief")).with_end("2020".parse().expect("a year")),
    )
    .expect("fresh");
    assert_eq!(
        g.path(p, body).expect("connected").to_string(),
        "Someone held Chief, a post in body"
    );
    assert_eq!(
        g.path(post, p).expect("connected").to_string(),
        "Chief was held by Someone"
    );
}
