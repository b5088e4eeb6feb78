//! Properties over generated graphs with generated strings (proptest):
//! RDF export/import identity in every format, JSON identity, article
//! render/ingest identity where the article format can express the graph,
//! and traversal invariants.

mod common;

use common::differential::{json_round_trip, rdf_round_trip};
use common::{assert_path_is_real, undirected_distance};
use govgraph::ingest::{Ingester, render_article};
use govgraph::rdf::RdfFormat;
use govgraph::{
    Function, GovGraph, Labels, Lang, NodeId, OrgKind, Organization, PartialDate, Person, Post,
    Relation, Slug, Tenure,
};
use proptest::prelude::*;

/// What to build: bodies (each with an optional parent among the earlier
/// ones), posts in bodies, appointments of people to posts, see-also
/// links, every text generated.
/// A post held (by index), from an optional start.
type Held = (prop::sample::Index, Option<PartialDate>);

#[derive(Debug, Clone)]
struct Plan {
    bodies: Vec<(String, Option<String>, Option<prop::sample::Index>)>,
    posts: Vec<(prop::sample::Index, String, bool)>,
    people: Vec<(String, Vec<Held>)>,
    see_also: Vec<(prop::sample::Index, prop::sample::Index)>,
}

/// Any text at all, weighted towards the characters that break writers.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"'\\\\<>#@.;,\\[\\]{}\\n\\r\\t \\x00-\\x1f\\x7f\\u{202e}\\u{301}😀中عא]{0,12}",
        "[a-zA-Z ]{1,20}",
    ]
}

fn date() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        (1u16..=9999).prop_map(|y| PartialDate::year(i64::from(y)).expect("valid")),
        (1u16..=9999, 1u32..=12)
            .prop_map(|(y, m)| PartialDate::year_month(i64::from(y), m).expect("valid")),
        (1u16..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| PartialDate::ymd(
            i64::from(y),
            m,
            d
        )
        .expect("valid")),
    ]
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec(
            (
                text(),
                prop::option::of(text()),
                prop::option::of(any::<prop::sample::Index>()),
            ),
            1..8,
        ),
        prop::collection::vec((any::<prop::sample::Index>(), text(), any::<bool>()), 0..8),
        prop::collection::vec(
            (
                text(),
                prop::collection::vec(
                    (any::<prop::sample::Index>(), prop::option::of(date())),
                    0..3,
                ),
            ),
            0..6,
        ),
        prop::collection::vec(
            (any::<prop::sample::Index>(), any::<prop::sample::Index>()),
            0..4,
        ),
    )
        .prop_map(|(bodies, posts, people, see_also)| Plan {
            bodies,
            posts,
            people,
            see_also,
        })
}

fn slug(s: String) -> Slug {
    Slug::new(s).expect("generated slugs are valid")
}

fn build(p: &Plan) -> GovGraph {
    let mut g = GovGraph::new();
    let mut orgs = Vec::new();
    for (i, (label, description, parent)) in p.bodies.iter().enumerate() {
        let mut o = Organization::new(slug(format!("b{i}")), OrgKind::Agency, label.as_str())
            .with_labels(
                Labels::en(label.as_str()).with_alternate(Lang::zh_hans(), format!("{label}!")),
            );
        o.details_mut().description.clone_from(description);
        let id = match parent {
            Some(ix) if !orgs.is_empty() => g.add_sub_org(*ix.get(&orgs), o),
            _ => g.insert_org(o),
        }
        .expect("fresh");
        orgs.push(id);
    }
    let mut posts = Vec::new();
    for (i, (body, label, head)) in p.posts.iter().enumerate() {
        let mut post = Post::new(slug(format!("p{i}")), label.as_str());
        if *head {
            post = post.head();
        }
        posts.push(g.add_post(*body.get(&orgs), post).expect("fresh"));
    }
    let mut tenures = 0;
    for (i, (name, held)) in p.people.iter().enumerate() {
        let person = g
            .insert_person(Person::new(slug(format!("h{i}")), name.as_str()))
            .expect("fresh");
        if posts.is_empty() {
            continue;
        }
        for (post, start) in held {
            tenures += 1;
            let mut t = Tenure::new(slug(format!("t{tenures}")));
            t.start = start.map(govgraph::Bound::Date);
            g.appoint(person, *post.get(&posts), t).expect("fresh");
        }
    }
    for (a, b) in &p.see_also {
        let _ = g.link(*a.get(&orgs), Relation::SeeAlso, *b.get(&orgs));
    }
    g
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn rdf_export_then_import_is_the_identity_in_every_format(p in plan()) {
        let g = build(&p);
        for format in RdfFormat::ALL {
            rdf_round_trip(&g, format);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn json_write_then_read_is_the_identity(p in plan()) {
        json_round_trip(&build(&p));
    }

    #[test]
    fn ancestors_and_descendants_agree(p in plan()) {
        let g = build(&p);
        for o in g.orgs() {
            for a in o.ancestors() {
                prop_assert!(a.descendants().any(|(d, _)| d == o));
            }
            for (d, depth) in o.descendants() {
                prop_assert!(depth >= 1);
                prop_assert!(d.ancestors().any(|a| a == o));
                prop_assert_eq!(d.ancestors().position(|a| a == o), Some(depth - 1));
            }
            prop_assert_eq!(o.parent(), o.ancestors().next());
        }
    }

    #[test]
    fn holders_of_a_post_agree_with_posts_held(p in plan()) {
        let g = build(&p);
        for (id, _) in g.nodes() {
            let Some(post) = g.node(id).and_then(govgraph::NodeRef::as_post) else { continue };
            for h in post.holders() {
                let here = post.holders().filter(|x| *x == h).count();
                let there = h.posts().filter(|q| *q == post).count();
                prop_assert_eq!(here, there);
            }
        }
        for (id, _) in g.nodes() {
            let Some(person) = g.node(id).and_then(govgraph::NodeRef::as_person) else { continue };
            for q in person.posts() {
                prop_assert!(q.holders().any(|x| x == person));
            }
        }
    }

    #[test]
    fn a_path_walks_real_links_and_is_shortest(
        p in plan(),
        pairs in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..8),
    ) {
        let g = build(&p);
        let ids: Vec<NodeId> = g.nodes().map(|(id, _)| id).collect();
        for (a, b) in pairs {
            let (a, b) = (*a.get(&ids), *b.get(&ids));
            if let Some(path) = g.path(a, b) {
                assert_path_is_real(&g, &path, a, b);
                prop_assert_eq!(Some(path.len()), undirected_distance(&g, a, b));
            } else {
                prop_assert_eq!(undirected_distance(&g, a, b), None);
            }
        }
    }

    #[test]
    fn a_rendered_article_ingests_to_the_same_facts(
        words in prop::collection::vec("[A-Z][a-z]{2,8}", 1..4),
        description in prop::option::of("[A-Z][a-z]{1,8}( [a-z]{1,8}){0,6}\\."),
        founded in prop::option::of(date()),
        functions in prop::collection::vec("[A-Z][a-z]{1,8}( [a-z]{1,8}){0,4}", 0..6),
        children in 0usize..30,
    ) {
        let title = words.join(" ");
        let mut g = GovGraph::new();
        let mut o = Organization::new(slug("body".to_owned()), OrgKind::Agency, title.as_str());
        o.details_mut().description.clone_from(&description);
        o.founded = founded;
        let body = g.insert_org(o).expect("fresh");
        for (i, f) in functions.iter().enumerate() {
            g.add_function(body, Function::new(slug(format!("f{i}")), f.as_str())).expect("fresh");
        }
        for i in 0..children {
            let name = format!("{title} Child {i}");
            g.add_sub_org(body, Organization::new(slug(format!("c{i}")), OrgKind::Agency, name))
                .expect("fresh");
        }
        let text = render_article(&g, body).expect("a body with a name");
        let mut ing = Ingester::new();
        ing.ingest_str("rendered.txt", &text).expect("ingests");
        let govgraph::ingest::Ingested { graph: back, report: _, .. } = ing.finish();
        let b = back.orgs().find(|o| o.data().labels.english() == Some(title.as_str()));
        let b = b.unwrap_or_else(|| panic!("no body named {title:?} from\n{text}"));
        prop_assert_eq!(b.data().details().description.as_deref(), description.as_deref(), "{}", text);
        prop_assert_eq!(b.data().founded, founded);
        let got: Vec<&str> = b.functions().filter_map(|f| f.data().labels.english()).collect();
        prop_assert_eq!(got, functions.iter().map(String::as_str).collect::<Vec<_>>());
        let kids: Vec<&str> = b.sub_organizations().filter_map(|c| c.data().labels.english()).collect();
        let want: Vec<String> = (0..children.min(25)).map(|i| format!("{title} Child {i}")).collect();
        prop_assert_eq!(kids, want.iter().map(String::as_str).collect::<Vec<_>>(), "{}", text);
    }
}

/// The graph of `g`'s nodes and links, built afresh through the public
/// API: what `g` would be had its removed nodes never been inserted.
fn rebuilt(g: &GovGraph) -> GovGraph {
    let mut h = GovGraph::new();
    let mut ids = std::collections::HashMap::new();
    for (id, node) in g.nodes() {
        ids.insert(id, h.insert(node.clone()).expect("slugs stay unique"));
        for a in g.annotations(id) {
            h.annotate(ids[&id], a.clone()).expect("already checked");
        }
    }
    for (a, r, b, during) in g.links_during() {
        h.link_during(ids[&a], r, ids[&b], during)
            .expect("links that held in g hold in h");
    }
    h
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn removing_nodes_gives_the_graph_built_without_them(
        p in plan(),
        gone in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
    ) {
        let mut g = build(&p);
        let ids: Vec<NodeId> = g.nodes().map(|(id, _)| id).collect();
        for ix in gone {
            let id = *ix.get(&ids);
            let slug = g.get(id).map(|n| n.slug().clone());
            match (g.remove(id), slug) {
                (Ok(node), Some(slug)) => prop_assert_eq!(node.slug(), &slug),
                (Err(e), None) => prop_assert!(e.to_string().ends_with("was removed from this graph")),
                (r, s) => prop_assert!(false, "{:?} {:?}", r.map(|n| n.kind()), s),
            }
            prop_assert!(g.get(id).is_none());
        }
        let h = rebuilt(&g);
        prop_assert_eq!(&g, &h);
        prop_assert_eq!(g.node_count(), h.node_count());
        json_round_trip(&g);
        rdf_round_trip(&g, RdfFormat::NTriples);
        for o in g.orgs() {
            prop_assert_eq!(o.parent(), o.ancestors().next());
            for (d, depth) in o.descendants() {
                prop_assert_eq!(d.ancestors().position(|a| a == o), Some(depth - 1));
            }
        }
    }

    #[test]
    fn edited_slugs_and_labels_are_found_and_the_old_ones_not(
        p in plan(),
        picks in prop::collection::vec((any::<prop::sample::Index>(), text()), 1..6),
    ) {
        let mut g = build(&p);
        let orgs: Vec<govgraph::OrgId> = g.orgs().map(govgraph::OrgRef::id).collect();
        for (n, (ix, label)) in picks.into_iter().enumerate() {
            let id = *ix.get(&orgs);
            let new = slug(format!("edited-{n}"));
            let old = g[id].slug.clone();
            g.edit(id, |o| {
                o.slug = new.clone();
                o.labels.set_preferred(Lang::en(), label.as_str());
            })
            .expect("a fresh slug");
            prop_assert_eq!(g.org_by_slug(new.as_str()).map(govgraph::OrgRef::id), Some(id));
            prop_assert!(g.org_by_slug(old.as_str()).is_none());
            prop_assert!(g.find_by_label(&label).any(|h| h.id() == id.into()) || label.trim().is_empty());
        }
        prop_assert_eq!(&g, &rebuilt(&g));
        json_round_trip(&g);
    }
}
