//! Helpers shared by the integration tests. Each test file uses a subset.
#![allow(
    dead_code,
    unreachable_pub,
    reason = "each test file uses a different subset of the helpers"
)]

use std::collections::HashSet;
use std::fmt::{Debug, Display};

use govgraph::traverse::RelationPath;
use govgraph::{
    Address, Category, CategoryKind, Function, GovGraph, GraphError, Jurisdiction, Labels, Lang,
    Logo, NodeId, OrgKind, Organization, Person, Place, PlaceKind, Post, Relation, Site, Slug,
    Source, Tenure, Website,
};
use govgraph::{ChangeKind, DatedName, Event, Interval, PartialDate};

pub mod differential;

/// A slug known to be valid.
#[track_caller]
pub fn slug(s: &str) -> Slug {
    Slug::new(s).expect("test slugs are valid")
}

/// An agency whose English name is its slug.
#[track_caller]
pub fn org(s: &str) -> Organization {
    Organization::new(slug(s), OrgKind::Agency, s)
}

/// Asserts that `result` failed and that its message is exactly `expected`.
#[track_caller]
pub fn assert_err_msg<T: Debug, E: Display + Debug>(result: Result<T, E>, expected: &str) {
    match result {
        Ok(v) => panic!("expected the error {expected:?}, got Ok({v:?})"),
        Err(e) => assert_eq!(e.to_string(), expected),
    }
}

/// Runs `change` on `g`, asserts that the graph refused it with exactly
/// `expected`, and that it holds the same nodes and links as before.
#[track_caller]
pub fn assert_refused<T: Debug>(
    g: &mut GovGraph,
    change: impl FnOnce(&mut GovGraph) -> Result<T, GraphError>,
    expected: &str,
) -> GraphError {
    let before = g.clone();
    let err = match change(g) {
        Ok(v) => panic!("expected the graph to refuse with {expected:?}, got Ok({v:?})"),
        Err(e) => e,
    };
    assert_eq!(err.to_string(), expected);
    assert!(*g == before, "a refused change altered the graph");
    err
}

/// The slugs of a sequence of handles (anything with a slug), as owned strings.
pub fn slugs<'g, I, H>(handles: I) -> Vec<String>
where
    I: IntoIterator<Item = H>,
    H: Into<govgraph::NodeRef<'g>>,
{
    handles
        .into_iter()
        .map(|h| h.into().slug().as_str().to_owned())
        .collect()
}

/// Every link of `g` as a set, for membership checks.
pub fn link_set(g: &GovGraph) -> HashSet<(NodeId, Relation, NodeId)> {
    g.links().collect()
}

/// Asserts that `path` runs from `from` to `to`, that consecutive steps
/// meet, and that every step is a real link of `g` walked in the direction
/// its `forward` flag says.
#[track_caller]
pub fn assert_path_is_real(g: &GovGraph, path: &RelationPath<'_>, from: NodeId, to: NodeId) {
    let links = link_set(g);
    let nodes: Vec<_> = path.nodes().collect();
    assert_eq!(
        nodes.len(),
        path.len() + 1,
        "a path of n links has n + 1 nodes"
    );
    assert_eq!(
        nodes.first().map(|n| n.id()),
        Some(from),
        "path starts elsewhere"
    );
    assert_eq!(
        nodes.last().map(|n| n.id()),
        Some(to),
        "path ends elsewhere"
    );
    assert_eq!(path.steps().len(), path.len());
    for (i, step) in path.steps().enumerate() {
        assert_eq!(
            step.from, nodes[i],
            "step {i} does not start where the last ended"
        );
        assert_eq!(
            step.to,
            nodes[i + 1],
            "step {i} does not end at the next node"
        );
        let link = if step.forward {
            (step.from.id(), step.relation, step.to.id())
        } else {
            (step.to.id(), step.relation, step.from.id())
        };
        assert!(
            links.contains(&link),
            "step {i} ({step}) is not a link of the graph"
        );
    }
}

/// The length of a shortest chain of links between `from` and `to`, links
/// walked either way, by a plain breadth-first search over `g.links()`:
/// an oracle independent of `GovGraph::path`.
pub fn undirected_distance(g: &GovGraph, from: NodeId, to: NodeId) -> Option<usize> {
    use std::collections::{HashMap, VecDeque};
    let mut adjacent: HashMap<NodeId, Vec<NodeId>> = HashMap::new();
    for (a, _, b) in g.links() {
        adjacent.entry(a).or_default().push(b);
        adjacent.entry(b).or_default().push(a);
    }
    let mut dist = HashMap::from([(from, 0usize)]);
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        let d = dist[&n];
        if n == to {
            return Some(d);
        }
        for &m in adjacent.get(&n).map_or(&[][..], Vec::as_slice) {
            if let std::collections::hash_map::Entry::Vacant(e) = dist.entry(m) {
                e.insert(d + 1);
                queue.push_back(m);
            }
        }
    }
    None
}

/// A small deterministic pseudo-random generator (64-bit LCG), so generated
/// graphs are the same on every run.
pub struct Lcg(pub u64);

impl Lcg {
    /// The next number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let high = usize::try_from(self.0 >> 33).expect("31 bits fit a usize");
        high % n
    }
}

/// A graph that sets every optional field and uses every relation.
#[expect(clippy::too_many_lines, reason = "one node after another")]
pub fn everything() -> GovGraph {
    let src = Source::new("https://example.org/source").expect("valid IRI");
    let mut g = GovGraph::new();
    let mut council = Organization::new(slug("council"), OrgKind::GoverningBody, "Council")
        .with_labels(
            Labels::en("Council")
                .with_preferred(Lang::new("fr-CA").expect("valid"), "Conseil")
                .with_alternate(Lang::en(), "The Council"),
        )
        .with_description("A council.")
        .with_founded("1954-09".parse().expect("valid"))
        .with_dissolved("2001".parse().expect("valid"))
        .with_logo(Logo::new("Emblem.svg"))
        .with_source(src.clone());
    council.details_mut().employees = Some("about 500".to_owned());
    council.details_mut().budget = Some("CN¥1 billion (2020)".to_owned());
    council.details_mut().key_documents = vec!["Organic Law".to_owned()];
    council.details_mut().same_as =
        vec![Source::new("https://www.wikidata.org/wiki/Q1").expect("valid")];
    let council = g.insert_org(council).expect("new slug");
    let office = g.add_sub_org(council, org("office")).expect("fresh");
    let old = g.insert_org(org("old-office")).expect("new slug");
    g.link(office, Relation::Replaces, old).expect("no cycle");
    let j = g
        .insert_jurisdiction(
            Jurisdiction::new(slug("realm"), "Realm").with_description("Its realm."),
        )
        .expect("new slug");
    g.link(office, Relation::HasJurisdiction, j)
        .expect("new link");
    g.link(j, Relation::GoverningBody, council)
        .expect("new link");
    let country = g
        .insert_place(Place::new(slug("country"), PlaceKind::Country, "Country"))
        .expect("new slug");
    let city = g
        .insert_place(Place::new(slug("city"), PlaceKind::City, "City").with_description("A city."))
        .expect("new slug");
    g.link(city, Relation::ContainedIn, country)
        .expect("no cycle");
    g.link(j, Relation::Territory, country).expect("new link");
    let hq = g
        .add_headquarters(
            office,
            Site::new(slug("hq"), "1 Main Street, City").with_address(
                Address::new()
                    .with_street("1 Main Street")
                    .with_locality("City")
                    .with_region("Region")
                    .with_postal_code("100017")
                    .with_country("Country"),
            ),
        )
        .expect("first headquarters");
    g.link(hq, Relation::ContainedIn, city).expect("no cycle");
    let chief = g
        .add_post(
            office,
            Post::new(slug("chief"), "Chief")
                .head()
                .with_description("Leads."),
        )
        .expect("fresh");
    let rank = g
        .insert_category(Category::new(slug("senior"), CategoryKind::Rank, "senior"))
        .expect("new slug");
    g.link(chief, Relation::Rank, rank).expect("first rank");
    let other = g
        .insert_category(
            Category::new(slug("misc"), CategoryKind::Other, "misc").with_description("Other."),
        )
        .expect("new slug");
    g.link(office, Relation::Classification, other)
        .expect("new link");
    let person = g
        .insert_person(Person::new(slug("someone"), "Someone").with_description("A person."))
        .expect("new slug");
    g.appoint(
        person,
        chief,
        Tenure::new(slug("someone-chief"))
            .with_start("2013-03-16".parse().expect("valid"))
            .with_end("2023-03".parse().expect("valid"))
            .with_source(src.clone()),
    )
    .expect("fresh");
    g.add_function(
        office,
        Function::new(slug("duty"), "A duty.").with_source(src.clone()),
    )
    .expect("fresh");
    let site = g
        .insert_website(
            Website::new(slug("site"), "https://example.org/", "example.org")
                .expect("valid IRI")
                .with_source(src),
        )
        .expect("new slug");
    g.link(site, Relation::PublishedBy, office)
        .expect("new link");
    g.link(site, Relation::MaintainedBy, old).expect("new link");
    g.link(council, Relation::OfficialWebsite, site)
        .expect("new link");
    g.link(person, Relation::SeeAlso, site).expect("new link");
    g
}

/// [`everything`] and every fact of time: a person's birth and death, an
/// acting tenure whose end is known but not its date, a post's formation
/// and abolition and its replacement by another post, a dated name, a body
/// under one parent and then another (dated links), a dated jurisdiction,
/// and a merger event.
pub fn everything_in_time() -> GovGraph {
    let d = |s: &str| -> PartialDate { s.parse().expect("valid date") };
    let mut g = everything();
    let id = |g: &GovGraph, s: &str| g.org_by_slug(s).expect("in everything()").id();
    let (council, office, old) = (id(&g, "council"), id(&g, "office"), id(&g, "old-office"));
    let bureau = g
        .insert_org(
            org("bureau").with_dated_name(
                DatedName::new("Old Bureau", Lang::en())
                    .during(Interval::new().with_start(d("1960")).with_end(d("1970-05"))),
            ),
        )
        .expect("new slug");
    g.link_during(
        bureau,
        Relation::SubOrganizationOf,
        old,
        Interval::new().with_start(d("1960")).with_end(d("1980")),
    )
    .expect("first parent");
    g.link_during(
        bureau,
        Relation::SubOrganizationOf,
        council,
        Interval::since(d("1980")),
    )
    .expect("second parent, later");
    let realm = g
        .jurisdiction_by_slug("realm")
        .expect("in everything()")
        .id();
    g.link_during(
        bureau,
        Relation::HasJurisdiction,
        realm,
        Interval::since(d("1980-01-01")),
    )
    .expect("new link");
    let old_post = g
        .add_post(
            old,
            Post::new(slug("old-chief"), "Old Chief")
                .with_formed(d("1949-10-19"))
                .with_abolished(d("1954-09")),
        )
        .expect("fresh");
    let chief = g.post_by_slug("chief").expect("in everything()").id();
    g.link(chief, Relation::Replaces, old_post)
        .expect("no cycle");
    let elder = g
        .insert_person(
            Person::new(slug("elder"), "Elder")
                .with_born(d("1907"))
                .with_died(d("1978")),
        )
        .expect("new slug");
    g.appoint(
        elder,
        old_post,
        Tenure::new(slug("elder-old-chief"))
            .with_start(d("1949-10"))
            .with_end_undated()
            .acting(),
    )
    .expect("fresh");
    g.add_event(
        Event::new(slug("merger"), ChangeKind::Merger)
            .with_date(d("1980"))
            .with_labels(Labels::en("The merger"))
            .with_description("Two became one.")
            .with_legal_basis("Decree 1"),
        &[old, bureau],
        &[bureau, office],
    )
    .expect("bodies exist");
    g
}

/// A graph of `bodies` organizations in a random forest (each body's parent
/// an earlier body, or none), each with one to three posts (the first the
/// head post), people appointed to some posts (some tenures ended), and a
/// few see-also links. Deterministic for a seed.
pub fn random_graph(seed: u64, bodies: usize) -> GovGraph {
    let mut rng = Lcg(seed);
    let mut g = GovGraph::new();
    let mut orgs = Vec::new();
    let mut posts = Vec::new();
    let mut people = 0;
    for i in 0..bodies {
        let body = org(&format!("body-{i}"));
        let id = if i > 0 && rng.below(5) > 0 {
            let parent = orgs[rng.below(orgs.len())];
            g.add_sub_org(parent, body).expect("fresh child")
        } else {
            g.insert_org(body).expect("new slug")
        };
        orgs.push(id);
        for k in 0..=rng.below(3) {
            let mut post = Post::new(
                slug(&format!("post-{i}-{k}")),
                format!("Post {k} of body {i}"),
            );
            if k == 0 {
                post = post.head();
            }
            let post = g.add_post(id, post).expect("fresh post");
            posts.push(post);
            if rng.below(3) > 0 {
                people += 1;
                let person = g
                    .insert_person(Person::new(
                        slug(&format!("person-{people}")),
                        format!("Person {people}"),
                    ))
                    .expect("new slug");
                let mut tenure = Tenure::new(slug(&format!("tenure-{people}")))
                    .with_start(format!("{}", 1950 + rng.below(60)).parse().expect("a year"));
                if rng.below(4) == 0 {
                    tenure = tenure.with_end("2015-06".parse().expect("a date"));
                }
                g.appoint(person, post, tenure).expect("fresh tenure");
            }
        }
    }
    for _ in 0..bodies / 4 {
        let a = orgs[rng.below(orgs.len())];
        let b = posts[rng.below(posts.len())];
        let _ = g.link(a, Relation::SeeAlso, b);
    }
    g
}
