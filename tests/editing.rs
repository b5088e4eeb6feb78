//! Editing after insertion: `edit`, `unlink`, `end_tenure`, `remove`. Every
//! refusal is a `GraphError` with its exact message, and the graph (its
//! nodes, links and look-up indexes) is exactly as before it.

mod common;

use common::{org, slug};
use govgraph::datasets::general_office;
use govgraph::rdf::{Exporter, Importer, RdfFormat};
use govgraph::{
    Annotation, GovGraph, Interval, Lang, NodeKind, OrgId, Person, Post, Relation, Tenure,
    TenureId, Value,
};

/// What look-ups answer, so that a test can tell that the indexes are
/// unchanged too, not only the nodes.
fn lookups(g: &GovGraph) -> Vec<String> {
    let mut out = Vec::new();
    for (_, n) in g.nodes() {
        let by_slug = g.id_by_slug(n.kind(), n.slug().as_str());
        out.push(format!("{}/{} -> {by_slug:?}", n.kind(), n.slug()));
        let name = n.display_name();
        let hits: Vec<String> = g.find_by_label(name).map(|h| h.to_string()).collect();
        out.push(format!("{name:?} -> {hits:?}"));
    }
    out
}

/// An annotation: a property with an IRI value.
fn note(property: &str) -> Annotation {
    Annotation {
        property: property.to_owned(),
        value: Value::Iri("https://example.org/value".to_owned()),
    }
}

#[track_caller]
fn refused_unchanged(g: &mut GovGraph, message: &str, f: impl FnOnce(&mut GovGraph) -> String) {
    let before = g.clone();
    let seen_before = lookups(g);
    assert_eq!(f(g), message);
    assert_eq!(*g, before);
    assert_eq!(lookups(g), seen_before);
}

fn office(g: &GovGraph) -> OrgId {
    g.org_by_slug("general-office-of-the-state-council")
        .expect("in the dataset")
        .id()
}

fn wang_tenure(g: &GovGraph) -> TenureId {
    g.person_by_slug("wang-zhijun")
        .and_then(|p| p.tenures().next())
        .expect("in the dataset")
        .id()
}

#[test]
fn edit_re_keys_a_slug_and_re_indexes_labels() {
    let mut g = general_office();
    let id = office(&g);
    g.edit(id, |o| {
        o.slug = slug("general-office");
        o.labels.set_preferred(Lang::en(), "The General Office");
    })
    .expect("a free slug");
    assert_eq!(
        g.org_by_slug("general-office").map(govgraph::OrgRef::id),
        Some(id)
    );
    assert!(
        g.org_by_slug("general-office-of-the-state-council")
            .is_none()
    );
    let hits: Vec<_> = g
        .find_by_label("the general office")
        .map(govgraph::NodeRef::id)
        .collect();
    assert_eq!(hits, [id.into()]);
    assert_eq!(
        g.find_by_label("General Office of the State Council")
            .count(),
        0
    );
    // The Chinese name was kept, and still finds the body.
    assert_eq!(
        g.find_by_label("中华人民共和国国务院办公厅")
            .next()
            .map(govgraph::NodeRef::id),
        Some(id.into())
    );
    // Links and walks are untouched.
    let council = g.org_by_slug("state-council").expect("in the dataset");
    assert_eq!(
        g.org(id)
            .and_then(govgraph::OrgRef::parent)
            .map(govgraph::OrgRef::id),
        Some(council.id())
    );
    // The export follows the new slug, and reads back the same.
    let nt = Exporter::new()
        .with_format(RdfFormat::NTriples)
        .write(&g, Vec::new())
        .expect("export");
    let text = String::from_utf8(nt.clone()).expect("UTF-8");
    assert!(
        text.contains("<https://w3id.org/govgraph/id/org/general-office> "),
        "re-keyed IRI"
    );
    assert!(!text.contains("id/org/general-office-of-the-state-council>"));
    let back = Importer::new()
        .import_slice(&nt, RdfFormat::NTriples)
        .expect("import");
    assert_eq!(back.graph, g);
}

#[test]
fn edit_refusals_leave_the_graph_as_it_was() {
    let mut g = general_office();
    let id = office(&g);
    refused_unchanged(
        &mut g,
        "organization slug `state-council` is already in the graph",
        |g| {
            g.edit(id, |o| {
                o.slug = slug("state-council");
                o.labels.set_preferred(Lang::en(), "Changed too");
            })
            .unwrap_err()
            .to_string()
        },
    );
    let t = wang_tenure(&g);
    g.edit(t, |t| t.start = Some("2020-05".parse().expect("a date")))
        .expect("a start alone");
    refused_unchanged(
        &mut g,
        "tenure `wang-zhijun-executive-deputy-secretary-general-of-the-state-council` ends (2019) before it begins (2020-05)",
        |g| {
            g.edit(t, |t| t.end = Some("2019".parse().expect("a year")))
                .unwrap_err()
                .to_string()
        },
    );
    // An id from another graph: `change` is never called.
    let mut other = GovGraph::new();
    let foreign = other.insert_org(org("x")).expect("fresh");
    let far = other.add_sub_org(foreign, org("y")).expect("fresh");
    let mut small = GovGraph::new();
    small.insert_org(org("only")).expect("fresh");
    refused_unchanged(&mut small, "no organization with id 1 in this graph", |g| {
        g.edit(far, |_| panic!("never called"))
            .unwrap_err()
            .to_string()
    });
}

#[test]
fn a_panic_while_editing_changes_nothing() {
    let mut g = general_office();
    let id = office(&g);
    let before = g.clone();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = g.edit(id, |o| {
            o.slug = slug("half-done");
            panic!("the caller's own bug");
        });
    }));
    assert!(caught.is_err());
    assert_eq!(g, before);
    assert!(g.org_by_slug("half-done").is_none());
}

#[test]
fn unlink_removes_one_link_and_refuses_a_missing_one() {
    let mut g = general_office();
    let id = office(&g);
    let council = g.org_by_slug("state-council").expect("in the dataset").id();
    let links = g.link_count();
    g.unlink(id, Relation::SubOrganizationOf, council)
        .expect("linked");
    assert_eq!(g.link_count(), links - 1);
    assert!(g.org(id).expect("still here").parent().is_none());
    assert!(g.root_orgs().any(|o| o.id() == id));
    refused_unchanged(
        &mut g,
        "organization `general-office-of-the-state-council` is not linked sub_organization_of organization `state-council`",
        |g| {
            g.unlink(id, Relation::SubOrganizationOf, council)
                .unwrap_err()
                .to_string()
        },
    );
    // Linked again, it is a sub-organization again.
    g.link(id, Relation::SubOrganizationOf, council)
        .expect("free again");
    assert_eq!(
        g.org(id)
            .and_then(govgraph::OrgRef::parent)
            .map(govgraph::OrgRef::id),
        Some(council)
    );
}

#[test]
fn end_tenure_ends_once_and_never_before_the_start() {
    let mut g = GovGraph::new();
    let body = g.insert_org(org("council")).expect("fresh");
    let chair = g
        .add_post(body, Post::new(slug("chair"), "Chair").head())
        .expect("fresh");
    let ada = g
        .insert_person(Person::new(slug("ada"), "Ada"))
        .expect("fresh");
    let t = g
        .appoint(
            ada,
            chair,
            Tenure::new(slug("ada-chair")).with_start("2020-03".parse().expect("a date")),
        )
        .expect("fresh");
    refused_unchanged(
        &mut g,
        "tenure `ada-chair` ends (2020-02) before it begins (2020-03)",
        |g| {
            g.end_tenure(t, "2020-02".parse().expect("a date"))
                .unwrap_err()
                .to_string()
        },
    );
    assert_eq!(g.org(body).expect("here").heads().count(), 1);
    g.end_tenure(t, "2023".parse().expect("a year"))
        .expect("after the start");
    assert_eq!(g.org(body).expect("here").heads().count(), 0);
    refused_unchanged(&mut g, "tenure `ada-chair` already ended (2023)", |g| {
        g.end_tenure(t, "2024".parse().expect("a year"))
            .unwrap_err()
            .to_string()
    });
}

#[test]
fn a_removed_node_is_gone_everywhere_and_its_id_says_so() {
    let mut g = general_office();
    let wang = g
        .person_by_slug("wang-zhijun")
        .expect("in the dataset")
        .id();
    let tenure = wang_tenure(&g);
    g.annotate(wang, note("https://example.org/p"))
        .expect("a fine annotation");
    let (nodes, links) = (g.node_count(), g.link_count());
    let gone = g.remove(wang).expect("in the graph");
    assert_eq!(gone.slug().as_str(), "wang-zhijun");
    assert_eq!(g.node_count(), nodes - 1);
    assert_eq!(g.link_count(), links - 1, "his one holder link");
    assert_eq!(g.nodes().len(), nodes - 1);
    assert!(g.nodes().all(|(id, _)| id != wang.into()));
    assert!(g.get(wang).is_none() && g.node(wang).is_none() && g.person(wang).is_none());
    assert!(g.person_by_slug("wang-zhijun").is_none());
    assert_eq!(g.find_by_label("Wang Zhijun").count(), 0);
    assert_eq!(g.search("zhijun").count(), 0);
    assert!(g.annotations(wang).is_empty());
    // His tenure stays, without a holder.
    let t = g.tenure(tenure).expect("the tenure stays");
    assert!(t.person().is_none());
    assert_eq!(
        t.label(),
        "(no holder), Executive Deputy Secretary-General of the State Council"
    );
    // Every use of the stale id is refused, naming what it was, and
    // changes nothing.
    let removed = "person `wang-zhijun` was removed from this graph";
    refused_unchanged(&mut g, removed, |g| g.remove(wang).unwrap_err().to_string());
    refused_unchanged(&mut g, removed, |g| {
        g.link(tenure, Relation::Holder, wang)
            .unwrap_err()
            .to_string()
    });
    refused_unchanged(&mut g, removed, |g| {
        g.edit(wang, |_| ()).unwrap_err().to_string()
    });
    refused_unchanged(&mut g, removed, |g| {
        g.annotate(wang, note("https://example.org/p"))
            .unwrap_err()
            .to_string()
    });
    assert!(g.path(wang, tenure).is_none());
    // The slug is free: a new person takes it, with a new id.
    let again = g
        .insert_person(Person::new(slug("wang-zhijun"), "Wang Zhijun"))
        .expect("the slug is free");
    assert_ne!(again, wang);
    g.link(tenure, Relation::Holder, again).expect("re-linked");
    assert_eq!(
        g.path(again, office(&g)).expect("connected").to_string(),
        "Wang Zhijun holds Executive Deputy Secretary-General of the State Council, \
         a post in General Office of the State Council"
    );
}

#[test]
fn a_graph_with_removed_nodes_equals_and_round_trips_as_one_built_without_them() {
    let build = |with_extra: bool| {
        let mut g = GovGraph::new();
        let root = g.insert_org(org("root")).expect("fresh");
        let extra = with_extra.then(|| g.add_sub_org(root, org("extra")).expect("fresh"));
        let a = g.add_sub_org(root, org("a")).expect("fresh");
        g.add_sub_org(a, org("b")).expect("fresh");
        if let Some(e) = extra {
            g.annotate(e, note("https://example.org/p")).expect("fine");
        }
        g.annotate(a, note("https://example.org/q")).expect("fine");
        (g, extra)
    };
    let (mut edited, extra) = build(true);
    let (plain, _) = build(false);
    assert_ne!(edited, plain);
    edited.remove(extra.expect("built")).expect("here");
    assert_eq!(edited, plain);
    let nt = Exporter::new()
        .with_format(RdfFormat::NTriples)
        .write(&edited, Vec::new())
        .expect("export");
    let plain_nt = Exporter::new()
        .with_format(RdfFormat::NTriples)
        .write(&plain, Vec::new())
        .expect("export");
    assert_eq!(nt, plain_nt, "the same bytes");
    let back = Importer::new()
        .import_slice(&nt, RdfFormat::NTriples)
        .expect("import");
    assert_eq!(back.graph, edited);
    let mut json = Vec::new();
    edited.write_json(&mut json).expect("written");
    assert_eq!(GovGraph::read_json(json.as_slice()).expect("read"), plain);
    // Walks skip the removed body.
    let root = edited.org_by_slug("root").expect("here");
    let below: Vec<(&str, usize)> = root
        .descendants()
        .map(|(o, d)| (o.slug().as_str(), d))
        .collect();
    assert_eq!(below, [("a", 1), ("b", 2)]);
    assert_eq!(edited.orgs().count(), 3);
    assert_eq!(
        edited
            .node_refs()
            .map(govgraph::NodeRef::kind)
            .collect::<Vec<_>>(),
        [NodeKind::Organization; 3]
    );
}

#[test]
fn removing_a_parent_makes_its_children_roots() {
    let mut g = general_office();
    let council = g.org_by_slug("state-council").expect("in the dataset").id();
    let roots = g.root_orgs().count();
    g.remove(council).expect("here");
    assert_eq!(g.root_orgs().count(), roots, "one root gone, one more root");
    assert!(g.org(office(&g)).expect("here").parent().is_none());
}

#[test]
fn label_look_ups_stay_in_graph_order_after_edits() {
    let mut g = GovGraph::new();
    let first = g.insert_org(org("first")).expect("fresh");
    let second = g.insert_org(org("second")).expect("fresh");
    for id in [first, second] {
        g.edit(id, |o| o.labels.set_preferred(Lang::en(), "Same Name"))
            .expect("labels are free");
    }
    let order = |g: &GovGraph| -> Vec<String> {
        g.find_by_label("same name")
            .map(|n| n.slug().to_string())
            .collect()
    };
    assert_eq!(order(&g), ["first", "second"]);
    g.edit(first, |o| o.labels.set_preferred(Lang::en(), "Other"))
        .expect("fine");
    g.edit(first, |o| o.labels.set_preferred(Lang::en(), "Same Name"))
        .expect("fine");
    assert_eq!(order(&g), ["first", "second"]);
}

#[test]
fn end_link_ends_the_link_in_force_and_keeps_its_past() {
    let mut g = GovGraph::new();
    let old = g.insert_org(org("old")).expect("fresh");
    let new = g.insert_org(org("new")).expect("fresh");
    let unit = g.insert_org(org("unit")).expect("fresh");
    let d = |s: &str| s.parse::<govgraph::PartialDate>().expect("a date");
    g.link_during(
        unit,
        Relation::SubOrganizationOf,
        old,
        Interval::since(d("1990")),
    )
    .expect("fresh");
    refused_unchanged(
        &mut g,
        "organization `unit` sub_organization_of `old` ends (1989) before it begins (1990)",
        |g| {
            g.end_link(unit, Relation::SubOrganizationOf, old, d("1989"))
                .unwrap_err()
                .to_string()
        },
    );
    refused_unchanged(
        &mut g,
        "organization `unit` is not linked sub_organization_of organization `new`",
        |g| {
            g.end_link(unit, Relation::SubOrganizationOf, new, d("2000"))
                .unwrap_err()
                .to_string()
        },
    );
    refused_unchanged(
        &mut g,
        "see_also links carry no dates; unit to old was given until 2000",
        |g| {
            g.end_link(unit, Relation::SeeAlso, old, d("2000"))
                .unwrap_err()
                .to_string()
        },
    );
    g.end_link(unit, Relation::SubOrganizationOf, old, d("2018-03"))
        .expect("in force");
    assert!(g.org(unit).expect("here").parent().is_none());
    g.link_during(
        unit,
        Relation::SubOrganizationOf,
        new,
        Interval::since(d("2018-03")),
    )
    .expect("one parent at a time");
    assert_eq!(
        g.org(unit)
            .and_then(govgraph::OrgRef::parent)
            .map(|p| p.slug().as_str()),
        Some("new")
    );
    let links: Vec<String> = g
        .links_during()
        .map(|(a, r, b, i)| format!("{a:?} {r} {b:?} {i}"))
        .collect();
    assert_eq!(links.len(), 2);
    assert!(links[0].ends_with("1990 – 2018-03"), "{links:?}");
    refused_unchanged(
        &mut g,
        "organization `unit` sub_organization_of organization `old` already ended (1990 – 2018-03)",
        |g| {
            g.end_link(unit, Relation::SubOrganizationOf, old, d("2019"))
                .unwrap_err()
                .to_string()
        },
    );
    // Removing the past link leaves the present parent in place.
    g.unlink(unit, Relation::SubOrganizationOf, old)
        .expect("the past link");
    assert_eq!(
        g.org(unit)
            .and_then(govgraph::OrgRef::parent)
            .map(|p| p.slug().as_str()),
        Some("new")
    );
    // An undated link of a dated relation is ended with an end alone.
    let post = g
        .add_post(new, Post::new(slug("chief"), "Chief"))
        .expect("fresh");
    g.end_link(post, Relation::PostIn, new, d("2024"))
        .expect("in force");
    assert!(g.post(post).expect("here").organization().is_none());
    let (_, _, _, during) = g
        .links_during()
        .find(|(a, ..)| *a == post.into())
        .expect("still recorded");
    assert_eq!(during.to_string(), "until 2024");
}

#[test]
fn editing_a_lifetime_is_checked_like_insertion() {
    let mut g = GovGraph::new();
    let body = g
        .insert_org(org("body").with_founded("1954".parse().expect("a year")))
        .expect("fresh");
    refused_unchanged(
        &mut g,
        "organization `body` ends (1950) before it begins (1954)",
        |g| {
            g.edit(body, |o| {
                o.details_mut().dissolved = Some("1950".parse().expect("a year"));
            })
            .unwrap_err()
            .to_string()
        },
    );
    g.edit(body, |o| {
        o.details_mut().dissolved = Some("1998".parse().expect("a year"));
    })
    .expect("after the founding");
    assert_eq!(
        g.org(body)
            .expect("here")
            .details()
            .dissolved
            .map(|d| d.to_string()),
        Some("1998".to_owned())
    );
}
