//! Properties over generated graphs with generated strings (proptest):
//! RDF export/import identity in every format, JSON identity, article
//! render/ingest identity where the article format can express the graph,
//! and traversal invariants; and the same identities over generated
//! histories (dated links of every datable relation, every kind of
//! interval end, acting and successive tenures, lifespans, events of every
//! kind, dated names), with the full export writing plain links only for
//! what is still in force and a snapshot no history at all.

mod common;

use common::differential::{json_round_trip, rdf_round_trip};
use common::{assert_path_is_real, undirected_distance};
use govgraph::ingest::{Ingester, render_article};
use govgraph::rdf::{Exporter, Importer, RdfFormat};
use govgraph::{
    Bound, Category, CategoryKind, ChangeKind, DatedName, Event, Function, GovGraph, Interval,
    Jurisdiction, Labels, Lang, NodeId, On, OrgKind, Organization, PartialDate, Person, Post,
    Relation, Site, Slug, Tenure,
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

// The history: dated links of every datable relation, intervals with
// every kind of end, tenures (acting, several per post), post and person
// lifespans, events of every kind, dated names.

/// How an interval's first start or last end is recorded.
#[derive(Debug, Clone, Copy)]
enum BoundKind {
    /// Not recorded (a start: as far back as the facts go; an end: still
    /// in force).
    Missing,
    /// A date, at any precision.
    Dated,
    /// Known to exist, its date unknown.
    Undated,
}

fn bound_kind() -> impl Strategy<Value = BoundKind> {
    prop_oneof![
        Just(BoundKind::Missing),
        Just(BoundKind::Dated),
        Just(BoundKind::Undated)
    ]
}

/// A date in year `y`, at any of the three precisions.
fn date_in(y: i64) -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        Just(PartialDate::year(y).expect("valid")),
        (1u32..=12).prop_map(move |m| PartialDate::year_month(y, m).expect("valid")),
        (1u32..=12, 1u32..=28).prop_map(move |(m, d)| PartialDate::ymd(y, m, d).expect("valid")),
    ]
}

/// One to `max` intervals one after the other, each ending on the date
/// the next begins (so no two surely overlap), their dates years apart at
/// any precision; the first start and the last end of every kind.
fn chain(max: usize) -> impl Strategy<Value = Vec<Interval>> {
    (
        1800i64..2000,
        prop::collection::vec(1i64..40, 1..=max),
        bound_kind(),
        bound_kind(),
    )
        .prop_flat_map(|(y0, gaps, first, last)| {
            let mut years = vec![y0];
            for gap in gaps {
                years.push(years[years.len() - 1] + gap);
            }
            let dates: Vec<_> = years.into_iter().map(date_in).collect();
            (dates, Just(first), Just(last))
        })
        .prop_map(|(dates, first, last)| {
            let n = dates.len() - 1;
            (0..n)
                .map(|k| {
                    let mut i = Interval::new().with_start(dates[k]).with_end(dates[k + 1]);
                    if k == 0 {
                        i.start = match first {
                            BoundKind::Missing => None,
                            BoundKind::Dated => i.start,
                            BoundKind::Undated => Some(Bound::Undated),
                        };
                    }
                    if k == n - 1 {
                        i.end = match last {
                            BoundKind::Missing => None,
                            BoundKind::Dated => i.end,
                            BoundKind::Undated => Some(Bound::Undated),
                        };
                    }
                    i
                })
                .collect()
        })
}

/// One interval, of any shape [`chain`] makes.
fn interval() -> impl Strategy<Value = Interval> {
    chain(1).prop_map(|c| c[0])
}

/// A body of the history: its name, dated names (English or Chinese;
/// without a text, the body's name again),
/// parents over time (each among the bodies before it), jurisdictions and
/// classifications (by index, dated), and headquarters over time.
#[derive(Debug, Clone)]
struct HBody {
    label: String,
    names: Vec<(Option<String>, bool, Interval)>,
    parents: Vec<(prop::sample::Index, Interval)>,
    jurisdictions: Vec<(prop::sample::Index, Interval)>,
    classes: Vec<(prop::sample::Index, Interval)>,
    sites: Vec<Interval>,
}

/// A post: its body (or bodies over time), flags, formation and
/// abolition.
#[derive(Debug, Clone)]
struct HPost {
    label: String,
    bodies: Vec<(prop::sample::Index, Interval)>,
    head: bool,
    single_seat: bool,
    life: Interval,
}

/// A person: a lifespan and tenures (post, interval, acting).
#[derive(Debug, Clone)]
struct HPerson {
    name: String,
    life: Interval,
    tenures: Vec<(prop::sample::Index, Interval, bool)>,
}

/// An event: its kind, date, label, description, legal basis (an IRI
/// when the flag says so), and its original and resulting bodies.
#[derive(Debug, Clone)]
struct HEvent {
    kind: ChangeKind,
    date: Option<PartialDate>,
    label: Option<String>,
    description: Option<String>,
    basis: Option<(bool, String)>,
    originals: Vec<prop::sample::Index>,
    results: Vec<prop::sample::Index>,
}

#[derive(Debug, Clone)]
struct History {
    bodies: Vec<HBody>,
    posts: Vec<HPost>,
    people: Vec<HPerson>,
    events: Vec<HEvent>,
}

fn dated_links(max: usize) -> impl Strategy<Value = Vec<(prop::sample::Index, Interval)>> {
    (
        chain(max),
        prop::collection::vec(any::<prop::sample::Index>(), max),
    )
        .prop_map(|(c, ix)| ix.into_iter().zip(c).collect())
}

fn h_body() -> impl Strategy<Value = HBody> {
    (
        text(),
        prop::collection::vec((prop::option::of(text()), any::<bool>(), interval()), 0..3),
        prop::option::of(dated_links(4)),
        prop::collection::vec((any::<prop::sample::Index>(), interval()), 0..3),
        prop::collection::vec((any::<prop::sample::Index>(), interval()), 0..2),
        prop::option::of(chain(3)),
    )
        .prop_map(
            |(label, names, parents, jurisdictions, classes, sites)| HBody {
                label,
                names,
                parents: parents.unwrap_or_default(),
                jurisdictions,
                classes,
                sites: sites.unwrap_or_default(),
            },
        )
}

fn h_post() -> impl Strategy<Value = HPost> {
    (
        text(),
        prop_oneof![
            any::<prop::sample::Index>().prop_map(|ix| vec![(ix, Interval::new())]),
            dated_links(3),
        ],
        any::<bool>(),
        any::<bool>(),
        interval(),
    )
        .prop_map(|(label, bodies, head, single_seat, life)| HPost {
            label,
            bodies,
            head,
            single_seat,
            life,
        })
}

fn h_person() -> impl Strategy<Value = HPerson> {
    (
        text(),
        interval(),
        prop::collection::vec(
            (any::<prop::sample::Index>(), interval(), any::<bool>()),
            0..4,
        ),
    )
        .prop_map(|(name, life, tenures)| HPerson {
            name,
            life,
            tenures,
        })
}

fn h_event() -> impl Strategy<Value = HEvent> {
    (
        prop::sample::select(ChangeKind::ALL.to_vec()),
        prop::option::of(date()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(prop_oneof![
            (0u16..100).prop_map(|n| (true, format!("https://example.org/law/{n}"))),
            text().prop_map(|t| (false, t)),
        ]),
        prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        prop::collection::vec(any::<prop::sample::Index>(), 0..3),
    )
        .prop_map(
            |(kind, date, label, description, basis, originals, results)| HEvent {
                kind,
                date,
                label,
                description,
                basis,
                originals,
                results,
            },
        )
}

fn history() -> impl Strategy<Value = History> {
    (
        prop::collection::vec(h_body(), 1..6),
        prop::collection::vec(h_post(), 0..5),
        prop::collection::vec(h_person(), 0..4),
        prop::collection::vec(h_event(), 0..4),
    )
        .prop_map(|(bodies, posts, people, events)| History {
            bodies,
            posts,
            people,
            events,
        })
}

/// The graph a [`History`] describes. Every link is made with
/// `link_during` and must be accepted (the generator keeps parents
/// earlier in the list and the intervals of a single link apart), except
/// events, which a `Replaces` cycle may refuse.
#[expect(clippy::too_many_lines, reason = "one kind of node after another")]
fn build_history(h: &History) -> GovGraph {
    let mut g = GovGraph::new();
    let jurisdictions: Vec<govgraph::JurisdictionId> = (0..2)
        .map(|i| {
            g.insert_jurisdiction(Jurisdiction::new(slug(format!("j{i}")), format!("J{i}")))
                .expect("fresh")
        })
        .collect();
    let classes: Vec<govgraph::CategoryId> = (0..2)
        .map(|i| {
            g.insert_category(Category::new(
                slug(format!("k{i}")),
                CategoryKind::Other,
                format!("k{i}"),
            ))
            .expect("fresh")
        })
        .collect();
    let mut orgs: Vec<govgraph::OrgId> = Vec::new();
    for (i, b) in h.bodies.iter().enumerate() {
        let mut o = Organization::new(slug(format!("b{i}")), OrgKind::Agency, b.label.as_str());
        for (name, zh, during) in &b.names {
            let lang = if *zh { Lang::zh_hans() } else { Lang::en() };
            // No name given: the body's own label, or an alternate label
            // it also has (which the graph then drops as a repeat).
            let name = name.as_deref().unwrap_or(b.label.as_str());
            if *zh {
                o.labels = o.labels.clone().with_alternate(Lang::zh_hans(), name);
            }
            o = o.with_dated_name(DatedName::new(name, lang).during(*during));
        }
        let id = g.insert_org(o).expect("fresh, names in order");
        if !orgs.is_empty() {
            for (parent, during) in &b.parents {
                g.link_during(id, Relation::SubOrganizationOf, *parent.get(&orgs), *during)
                    .expect("parents one after another, each earlier");
            }
        }
        for (j, during) in &b.jurisdictions {
            g.link_during(
                id,
                Relation::HasJurisdiction,
                *j.get(&jurisdictions),
                *during,
            )
            .or_else(|e| match e {
                govgraph::GraphError::DuplicateLink { .. } => Ok(()),
                e => Err(e),
            })
            .expect("a jurisdiction, dated");
        }
        for (k, during) in &b.classes {
            g.link_during(id, Relation::Classification, *k.get(&classes), *during)
                .or_else(|e| match e {
                    govgraph::GraphError::DuplicateLink { .. } => Ok(()),
                    e => Err(e),
                })
                .expect("a classification, dated");
        }
        for (s, during) in b.sites.iter().enumerate() {
            let site = g
                .insert_site(Site::new(slug(format!("s{i}-{s}")), format!("Site {s}")))
                .expect("fresh");
            g.link_during(id, Relation::PrimarySite, site, *during)
                .expect("sites one after another");
        }
        orgs.push(id);
    }
    let mut posts = Vec::new();
    for (i, p) in h.posts.iter().enumerate() {
        let mut post = Post::new(slug(format!("p{i}")), p.label.as_str());
        if p.head {
            post = post.head();
        }
        if p.single_seat {
            post = post.single_seat();
        }
        if let Some(d) = p.life.start_date() {
            post = post.with_formed(d);
        }
        if let Some(d) = p.life.end_date() {
            post = post.with_abolished(d);
        }
        let id = g.insert_post(post).expect("fresh, formed before abolished");
        for (body, during) in &p.bodies {
            g.link_during(id, Relation::PostIn, *body.get(&orgs), *during)
                .expect("bodies one after another");
        }
        posts.push(id);
    }
    let mut tenures = 0;
    for (i, person) in h.people.iter().enumerate() {
        let mut p = Person::new(slug(format!("h{i}")), person.name.as_str());
        if let Some(d) = person.life.start_date() {
            p = p.with_born(d);
        }
        if let Some(d) = person.life.end_date() {
            p = p.with_died(d);
        }
        let id = g.insert_person(p).expect("fresh, born before died");
        if posts.is_empty() {
            continue;
        }
        for (post, during, acting) in &person.tenures {
            tenures += 1;
            let mut t = Tenure::new(slug(format!("t{tenures}"))).with_interval(*during);
            if *acting {
                t = t.acting();
            }
            g.appoint(id, *post.get(&posts), t).expect("fresh");
        }
    }
    for (i, e) in h.events.iter().enumerate() {
        let mut event = Event::new(slug(format!("e{i}")), e.kind);
        if let Some(d) = e.date {
            event = event.with_date(d);
        }
        if let Some(l) = &e.label {
            event = event.with_labels(Labels::en(l.as_str()));
        }
        event.description.clone_from(&e.description);
        if let Some((_, basis)) = &e.basis {
            event = event.with_legal_basis(basis.as_str());
        }
        let pick = |ix: &[prop::sample::Index]| {
            let mut v: Vec<govgraph::OrgId> = ix.iter().map(|i| *i.get(&orgs)).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        // A `Replaces` cycle is refused; the graph stays as it was.
        let _ = g.add_event(event, &pick(&e.originals), &pick(&e.results));
    }
    g
}

/// The triples of a Turtle document, as (subject, predicate, object)
/// strings (blank nodes as `_:id`, literals in N-Triples form).
fn turtle_triples(doc: &[u8]) -> Vec<(String, String, String)> {
    oxttl::TurtleParser::new()
        .for_slice(doc)
        .map(|t| {
            let t = t.expect("the export is valid Turtle");
            let object = match &t.object {
                oxrdf::Term::NamedNode(n) => n.as_str().to_owned(),
                other => other.to_string(),
            };
            let subject = match &t.subject {
                oxrdf::NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
                oxrdf::NamedOrBlankNode::BlankNode(b) => b.to_string(),
            };
            (subject, t.predicate.as_str().to_owned(), object)
        })
        .collect()
}

/// The plain triples a dated relation is written as: the forward
/// predicate, and the inverse one (object to subject) where there is one.
fn plain_predicates(r: Relation) -> (&'static str, Option<&'static str>) {
    use govgraph::rdf::vocab::{gg, org};
    match r {
        Relation::SubOrganizationOf => (org::SUB_ORGANIZATION_OF, Some(org::HAS_SUB_ORGANIZATION)),
        Relation::PostIn => (org::POST_IN, Some(org::HAS_POST)),
        Relation::HasJurisdiction => (gg::JURISDICTION, None),
        Relation::PrimarySite => (org::HAS_PRIMARY_SITE, Some(org::SITE_OF)),
        Relation::Classification => (org::CLASSIFICATION, None),
        other => panic!("{other} is not dated"),
    }
}

/// Checks that `doc` (Turtle) writes the plain triples of a dated link,
/// and `org:holds` / `org:heldBy` for tenures, exactly when `in_force`
/// says one of the links (tenures) between its two nodes is in force (and
/// both nodes are in the document), and the history (dated links, dated
/// names, events, memberships not in force) only when `history` is set.
#[expect(
    clippy::too_many_lines,
    reason = "links, then tenures, then the history, each checked both ways"
)]
fn assert_plain_links(
    g: &GovGraph,
    doc: &[u8],
    history: bool,
    in_force: impl Fn(&Interval) -> bool,
) -> Result<(), TestCaseError> {
    use govgraph::rdf::vocab::{gg, org, rdf};
    use std::collections::{BTreeMap, BTreeSet};
    let triples = turtle_triples(doc);
    let set: BTreeSet<&(String, String, String)> = triples.iter().collect();
    let typed: BTreeSet<&str> = triples
        .iter()
        .filter(|t| t.1 == rdf::TYPE)
        .map(|t| t.0.as_str())
        .collect();
    if !history {
        for (s, p, o) in &triples {
            prop_assert!(
                !(p == rdf::TYPE
                    && [
                        gg::SUB_ORGANIZATION_RELATIONSHIP,
                        gg::DATED_LINK,
                        gg::DATED_NAME,
                        org::CHANGE_EVENT
                    ]
                    .contains(&o.as_str())),
                "a snapshot holds {} a {}\n{}",
                s,
                o,
                String::from_utf8_lossy(doc)
            );
            prop_assert!(
                ![gg::DURING, gg::CHANGE_KIND, gg::NAME].contains(&p.as_str()),
                "a snapshot holds {} {} {}",
                s,
                p,
                o
            );
        }
    }
    let ex = govgraph::rdf::Exporter::new();
    let iri = |id: NodeId| ex.iri_of(g.node(id).expect("in the graph"));
    // For each (from, relation, to) of a dated relation: whether one of
    // its links is in force.
    let mut links: BTreeMap<(String, Relation, String), bool> = BTreeMap::new();
    for (a, r, b, during) in g.links_during() {
        if r.is_dated() {
            *links.entry((iri(a), r, iri(b))).or_default() |= in_force(&during);
        }
    }
    // Tenures count as links from their holder to their post, written as
    // `org:holds` and `org:heldBy`; a membership is written in a snapshot
    // only for a tenure in force.
    let mut holder = BTreeMap::new();
    let mut post_of = BTreeMap::new();
    for (t, r, x) in g.links() {
        match r {
            Relation::Holder => holder.insert(t, x),
            Relation::TenureOf => post_of.insert(t, x),
            _ => None,
        };
    }
    let mut held: BTreeMap<(String, String), bool> = BTreeMap::new();
    for (id, node) in g.nodes() {
        let govgraph::Node::Tenure(t) = node else {
            continue;
        };
        let on = in_force(&t.during());
        if !history && !on {
            prop_assert!(
                !typed.contains(iri(id).as_str()),
                "a snapshot holds the membership {} not in force",
                iri(id)
            );
        }
        *held
            .entry((iri(holder[&id]), iri(post_of[&id])))
            .or_default() |= on;
    }
    for ((person, post), on) in held {
        for t in [
            (person.clone(), org::HOLDS.to_owned(), post.clone()),
            (post.clone(), org::HELD_BY.to_owned(), person.clone()),
        ] {
            if !on {
                prop_assert!(
                    !set.contains(&t),
                    "{:?} written for a tenure not in force",
                    t
                );
            } else if typed.contains(person.as_str()) && typed.contains(post.as_str()) {
                prop_assert!(set.contains(&t), "{:?} missing for a tenure in force", t);
            }
        }
    }
    for ((a, r, b), on) in links {
        let (forward, inverse) = plain_predicates(r);
        let mut want = vec![(a.clone(), forward.to_owned(), b.clone())];
        if let Some(inverse) = inverse {
            want.push((b.clone(), inverse.to_owned(), a.clone()));
        }
        for t in want {
            if !on {
                prop_assert!(
                    !set.contains(&t),
                    "{:?} written for a link not in force\n{}",
                    t,
                    String::from_utf8_lossy(doc)
                );
            } else if typed.contains(a.as_str()) && typed.contains(b.as_str()) {
                prop_assert!(
                    set.contains(&t),
                    "{:?} missing for a link in force\n{}",
                    t,
                    String::from_utf8_lossy(doc)
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_history_round_trips_in_every_rdf_format_without_notes(h in history()) {
        let g = build_history(&h);
        for format in RdfFormat::ALL {
            rdf_round_trip(&g, format);
            let doc = Exporter::new().with_format(format).write(&g, Vec::new()).expect("exports");
            let back = Importer::new().import_slice(&doc, format).expect("imports");
            prop_assert!(
                back.report.notes().is_empty(),
                "{}: notes {:?}\n{}",
                format,
                back.report.notes(),
                String::from_utf8_lossy(&doc)
            );
        }
    }

    #[test]
    fn the_full_export_writes_plain_links_only_for_links_still_in_force(h in history()) {
        let g = build_history(&h);
        let doc = Exporter::new().write(&g, Vec::new()).expect("exports");
        assert_plain_links(&g, &doc, true, Interval::is_current)?;
    }

    #[test]
    fn a_snapshot_holds_no_history_and_only_links_in_force(
        h in history(),
        year in 1800i64..2150,
        possibly in any::<bool>(),
    ) {
        let g = build_history(&h);
        let date = PartialDate::ymd(year, 6, 1).expect("valid");
        let on = if possibly { On::possibly(date) } else { On::date(date) };
        let doc = Exporter::new().as_of(on).write(&g, Vec::new()).expect("exports");
        assert_plain_links(&g, &doc, false, |i| i.holds(on))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn a_history_json_write_then_read_is_the_identity(h in history()) {
        json_round_trip(&build_history(&h));
    }
}

/// Every post of `g`, in graph order.
fn posts_of(g: &GovGraph) -> impl Iterator<Item = govgraph::PostRef<'_>> {
    g.nodes().filter_map(|(id, _)| match id {
        NodeId::Post(p) => g.post(p),
        _ => None,
    })
}

/// Who held each post of `g` on `on`, by slug, as `holders_on` answers.
fn holders_on_each_post(g: &GovGraph, on: On) -> Vec<Vec<String>> {
    posts_of(g)
        .map(|post| {
            post.holders_on(on)
                .map(|p| p.slug().as_str().to_owned())
                .collect()
        })
        .collect()
}

/// The same through the dated view's tenures, which never read the
/// succession index.
fn tenure_holders_on_each_post(g: &GovGraph, on: On) -> Vec<Vec<String>> {
    posts_of(g)
        .map(|post| {
            post.on(on)
                .tenures()
                .filter_map(govgraph::TenureRef::person)
                .map(|p| p.slug().as_str().to_owned())
                .collect()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// `holders_on` answers the same from the succession index as from the
    /// post's links, and a change to the graph drops a built index instead
    /// of answering from it.
    #[test]
    fn holders_on_reads_the_same_with_and_without_the_succession_index(
        h in history(),
        years in prop::collection::vec((1790i64..2060).prop_flat_map(date_in), 1..6),
        possibly in any::<bool>(),
        appointed in date_in(1900),
    ) {
        let g = build_history(&h);
        let ons: Vec<On> = years
            .iter()
            .map(|&d| if possibly { On::possibly(d) } else { On::date(d) })
            .collect();
        // A fresh graph answers its first queries from its links.
        let walked: Vec<_> = ons.iter().map(|&on| holders_on_each_post(&g, on)).collect();
        let expected: Vec<_> = ons.iter().map(|&on| tenure_holders_on_each_post(&g, on)).collect();
        prop_assert_eq!(&walked, &expected);
        g.prepare_queries();
        let indexed: Vec<_> = ons.iter().map(|&on| holders_on_each_post(&g, on)).collect();
        prop_assert_eq!(&indexed, &expected);

        // A new tenure of the first post, from `appointed` on: the clone
        // carries the built index, the appointment must drop it.
        let Some(post) = posts_of(&g).next().map(govgraph::PostRef::id) else {
            return Ok(());
        };
        let mut changed = g.clone();
        let newcomer = changed
            .insert_person(Person::new(slug("newcomer".to_owned()), "Newcomer"))
            .expect("fresh slug");
        changed
            .appoint(newcomer, post, Tenure::new(slug("newcomer-tenure".to_owned())).with_start(appointed))
            .expect("a post takes any number of tenures");
        let later = On::date(PartialDate::year(2100).expect("valid"));
        let after = holders_on_each_post(&changed, later);
        prop_assert_eq!(&after, &tenure_holders_on_each_post(&changed, later));
        let first = changed.post(post).expect("kept");
        prop_assert!(
            first.holders_on(later).any(|p| p.slug().as_str() == "newcomer")
                || !changed.as_of(later).exists(post),
            "the new holder is seen after the change"
        );
    }
}
