//! Every `GraphError` variant, produced through the public API, with its
//! exact message; refused changes leave the graph as it was. Also the
//! messages of the value types' own errors.

mod common;

use common::{assert_err_msg, assert_refused, org, slug};
use govgraph::{
    Function, GovGraph, GraphError, Lang, NodeId, NodeKind, OrgId, OrgKind, Organization,
    PartialDate, Person, Place, PlaceKind, Post, PostId, Relation, Site, Slug, Source, Tenure,
    Website,
};

fn place(s: &str) -> Place {
    Place::new(slug(s), PlaceKind::Other, s)
}

// ---- DuplicateSlug ----

#[test]
fn duplicate_slug_in_one_kind_is_refused() {
    let mut g = GovGraph::new();
    g.insert_org(org("state-council")).expect("new slug");
    let err = assert_refused(
        &mut g,
        |g| g.insert_org(org("state-council")),
        "organization slug `state-council` is already in the graph",
    );
    assert!(matches!(
        err,
        GraphError::DuplicateSlug {
            kind: NodeKind::Organization,
            ..
        }
    ));
    g.insert_person(Person::new(slug("wu-zhenglong"), "Wu Zhenglong"))
        .expect("new slug");
    assert_refused(
        &mut g,
        |g| g.insert_person(Person::new(slug("wu-zhenglong"), "Someone else")),
        "person slug `wu-zhenglong` is already in the graph",
    );
    // add_* inserts through the same check.
    let o = g.org_by_slug("state-council").expect("in the graph").id();
    assert_refused(
        &mut g,
        |g| g.add_sub_org(o, org("state-council")),
        "organization slug `state-council` is already in the graph",
    );
}

#[test]
fn the_same_slug_in_another_kind_is_allowed() {
    let mut g = GovGraph::new();
    g.insert_org(org("beijing")).expect("new slug");
    g.insert_place(place("beijing"))
        .expect("slugs are unique per kind only");
    assert_eq!(g.node_count(), 2);
    assert_eq!(g.find_slug("beijing").count(), 2);
}

// ---- WrongKinds ----

#[test]
fn a_relation_between_the_wrong_kinds_is_refused() {
    let mut g = GovGraph::new();
    let o = g.insert_org(org("office")).expect("new slug");
    let p = g
        .insert_person(Person::new(slug("wu"), "Wu"))
        .expect("new slug");
    let pl = g.insert_place(place("beijing")).expect("new slug");
    let post = g
        .add_post(o, Post::new(slug("chief"), "Chief"))
        .expect("fresh");
    let t = g.appoint(p, post, Tenure::new(slug("t"))).expect("fresh");
    assert_refused(
        &mut g,
        |g| g.link(p, Relation::PostIn, o),
        "post_in cannot link kind person to kind organization",
    );
    // Containment runs from the smaller place to the larger, never from a body.
    assert_refused(
        &mut g,
        |g| g.link(o, Relation::ContainedIn, pl),
        "contained_in cannot link kind organization to kind place",
    );
    // A tenure is never related ("see also") to anything.
    assert_refused(
        &mut g,
        |g| g.link(t, Relation::SeeAlso, o),
        "see_also cannot link kind tenure to kind organization",
    );
    let err = assert_refused(
        &mut g,
        |g| g.link(o, Relation::SubOrganizationOf, pl),
        "sub_organization_of cannot link kind organization to kind place",
    );
    assert_eq!(
        err,
        GraphError::WrongKinds {
            relation: Relation::SubOrganizationOf,
            from: NodeKind::Organization,
            to: NodeKind::Place,
        }
    );
}

// ---- Cycle ----

#[test]
fn a_direct_cycle_in_the_hierarchy_is_refused() {
    let mut g = GovGraph::new();
    let a = g.insert_org(org("a")).expect("new slug");
    let b = g.insert_org(org("b")).expect("new slug");
    g.link(a, Relation::SubOrganizationOf, b)
        .expect("no cycle yet");
    assert_refused(
        &mut g,
        |g| g.link(b, Relation::SubOrganizationOf, a),
        "linking organization `b` sub_organization_of `a` would close a cycle",
    );
}

#[test]
fn a_cycle_through_a_longer_chain_is_refused() {
    let mut g = GovGraph::new();
    let top = g.insert_org(org("top")).expect("new slug");
    let mut bottom = top;
    for s in ["second", "third", "fourth", "bottom"] {
        bottom = g.add_sub_org(bottom, org(s)).expect("fresh");
    }
    assert_refused(
        &mut g,
        |g| g.link(top, Relation::SubOrganizationOf, bottom),
        "linking organization `top` sub_organization_of `bottom` would close a cycle",
    );
    // A link that closes no cycle is still fine (a second root above top).
    let above = g.insert_org(org("above")).expect("new slug");
    g.link(top, Relation::SubOrganizationOf, above)
        .expect("no cycle");
}

#[test]
fn a_cycle_in_place_containment_is_refused() {
    let mut g = GovGraph::new();
    let street = g.insert_place(place("fuyou-street")).expect("new slug");
    let district = g.insert_place(place("xicheng-district")).expect("new slug");
    let city = g.insert_place(place("beijing")).expect("new slug");
    g.link(street, Relation::ContainedIn, district)
        .expect("no cycle");
    g.link(district, Relation::ContainedIn, city)
        .expect("no cycle");
    assert_refused(
        &mut g,
        |g| g.link(city, Relation::ContainedIn, street),
        "linking place `beijing` contained_in `fuyou-street` would close a cycle",
    );
    assert_refused(
        &mut g,
        |g| g.link(district, Relation::ContainedIn, street),
        "linking place `xicheng-district` contained_in `fuyou-street` would close a cycle",
    );
    // A site may lie in several places; that is no cycle.
    let site = g
        .insert_site(Site::new(slug("hq"), "2 Fuyou Street"))
        .expect("new slug");
    g.link(site, Relation::ContainedIn, street)
        .expect("no cycle");
    g.link(site, Relation::ContainedIn, city).expect("no cycle");
}

#[test]
fn a_cycle_in_replacement_is_refused() {
    let mut g = GovGraph::new();
    let old = g.insert_org(org("old-office")).expect("new slug");
    let mid = g.insert_org(org("mid-office")).expect("new slug");
    let new = g.insert_org(org("new-office")).expect("new slug");
    g.link(new, Relation::Replaces, mid).expect("no cycle");
    assert_refused(
        &mut g,
        |g| g.link(mid, Relation::Replaces, new),
        "linking organization `mid-office` replaces `new-office` would close a cycle",
    );
    g.link(mid, Relation::Replaces, old).expect("no cycle");
    assert_refused(
        &mut g,
        |g| g.link(old, Relation::Replaces, new),
        "linking organization `old-office` replaces `new-office` would close a cycle",
    );
}

// ---- SelfLink ----

#[test]
fn a_node_linked_to_itself_is_refused() {
    let mut g = GovGraph::new();
    let a = g.insert_org(org("a")).expect("new slug");
    let p = g.insert_place(place("beijing")).expect("new slug");
    assert_refused(
        &mut g,
        |g| g.link(a, Relation::SubOrganizationOf, a),
        "organization `a` cannot be linked sub_organization_of itself",
    );
    assert_refused(
        &mut g,
        |g| g.link(a, Relation::SeeAlso, a),
        "organization `a` cannot be linked see_also itself",
    );
    assert_refused(
        &mut g,
        |g| g.link(p, Relation::ContainedIn, p),
        "place `beijing` cannot be linked contained_in itself",
    );
}

// ---- DuplicateLink ----

#[test]
fn the_same_link_twice_is_refused() {
    let mut g = GovGraph::new();
    let a = g.insert_org(org("a")).expect("new slug");
    let b = g.insert_org(org("b")).expect("new slug");
    g.link(a, Relation::SeeAlso, b).expect("new link");
    assert_refused(
        &mut g,
        |g| g.link(a, Relation::SeeAlso, b),
        "organization `a` is already linked see_also organization `b`",
    );
    // The reverse direction is another link.
    g.link(b, Relation::SeeAlso, a).expect("new link");
    // For a single relation the duplicate is named as such, not as a second link.
    let child = g.add_sub_org(a, org("child")).expect("fresh");
    assert_refused(
        &mut g,
        |g| g.link(child, Relation::SubOrganizationOf, a),
        "organization `child` is already linked sub_organization_of organization `a`",
    );
}

// ---- AlreadyLinked ----

#[test]
fn a_second_parent_is_refused() {
    let mut g = GovGraph::new();
    let council = g.insert_org(org("state-council")).expect("new slug");
    let party = g.insert_org(org("party")).expect("new slug");
    let office = g.add_sub_org(council, org("office")).expect("fresh");
    let err = assert_refused(
        &mut g,
        |g| g.link(office, Relation::SubOrganizationOf, party),
        "organization `office` already has its one sub_organization_of link, to `state-council`",
    );
    assert!(matches!(
        err,
        GraphError::AlreadyLinked {
            relation: Relation::SubOrganizationOf,
            ..
        }
    ));
}

#[test]
fn a_post_in_a_second_organization_is_refused() {
    let mut g = GovGraph::new();
    let a = g.insert_org(org("org-a")).expect("new slug");
    let b = g.insert_org(org("org-b")).expect("new slug");
    let p = g
        .add_post(a, Post::new(slug("chief"), "Chief"))
        .expect("fresh");
    assert_refused(
        &mut g,
        |g| g.link(p, Relation::PostIn, b),
        "post `chief` already has its one post_in link, to `org-a`",
    );
}

#[test]
fn a_second_headquarters_is_refused_and_not_inserted() {
    let mut g = GovGraph::new();
    let o = g.insert_org(org("office")).expect("new slug");
    g.add_headquarters(o, Site::new(slug("hq-1"), "2 Fuyou Street"))
        .expect("the first headquarters");
    assert_refused(
        &mut g,
        |g| g.add_headquarters(o, Site::new(slug("hq-2"), "Elsewhere")),
        "organization `office` already has its one primary_site link, to `hq-1`",
    );
    assert!(g.site_by_slug("hq-2").is_none());
    // Linking a free site by hand meets the same rule.
    let other = g
        .insert_site(Site::new(slug("hq-3"), "Elsewhere"))
        .expect("new slug");
    assert_refused(
        &mut g,
        |g| g.link(o, Relation::PrimarySite, other),
        "organization `office` already has its one primary_site link, to `hq-1`",
    );
}

#[test]
fn a_second_rank_is_refused() {
    let mut g = GovGraph::new();
    let o = g.insert_org(org("office")).expect("new slug");
    let p = g
        .add_post(o, Post::new(slug("deputy"), "Deputy"))
        .expect("fresh");
    let minister = g
        .insert_category(govgraph::Category::new(
            slug("minister-level"),
            govgraph::CategoryKind::Rank,
            "minister-level",
        ))
        .expect("new slug");
    let vice = g
        .insert_category(govgraph::Category::new(
            slug("vice-minister-level"),
            govgraph::CategoryKind::Rank,
            "vice-minister-level",
        ))
        .expect("new slug");
    g.link(p, Relation::Rank, minister).expect("the first rank");
    assert_refused(
        &mut g,
        |g| g.link(p, Relation::Rank, vice),
        "post `deputy` already has its one rank link, to `minister-level`",
    );
}

// ---- AlreadyLinkedIn ----

#[test]
fn a_function_of_a_second_organization_is_refused() {
    let mut g = GovGraph::new();
    let a = g.insert_org(org("office")).expect("new slug");
    let b = g.insert_org(org("other-office")).expect("new slug");
    let f = g
        .add_function(
            a,
            Function::new(slug("prepare-meetings"), "Prepares meetings"),
        )
        .expect("fresh");
    let err = assert_refused(
        &mut g,
        |g| g.link(b, Relation::HasFunction, f),
        "function `prepare-meetings` already has its one incoming has_function link, from `office`",
    );
    assert!(matches!(
        err,
        GraphError::AlreadyLinkedIn {
            kind: NodeKind::Function,
            ..
        }
    ));
}

// ---- UnknownId ----

/// A graph of `n` organizations and the id of its last one.
fn graph_of(n: usize) -> (GovGraph, OrgId) {
    let mut g = GovGraph::new();
    let mut last = None;
    for i in 0..n {
        last = Some(g.insert_org(org(&format!("org-{i}"))).expect("new slug"));
    }
    (g, last.expect("n > 0"))
}

#[test]
fn an_id_from_a_bigger_graph_is_unknown_in_a_small_one() {
    let (big, foreign) = graph_of(5);
    let (mut small, own) = graph_of(1);
    assert!(big.org(foreign).is_some());
    assert!(small.org(foreign).is_none());
    assert!(small.get(foreign).is_none());
    assert!(small.node(foreign).is_none());
    let err = assert_refused(
        &mut small,
        |g| g.link(foreign, Relation::SeeAlso, own),
        "no organization with id 4 in this graph",
    );
    assert_eq!(
        err,
        GraphError::UnknownId {
            kind: NodeKind::Organization,
            index: 4
        }
    );
    assert_refused(
        &mut small,
        |g| g.link(own, Relation::SeeAlso, foreign),
        "no organization with id 4 in this graph",
    );
}

#[test]
fn an_id_whose_place_holds_another_kind_is_unknown() {
    // In `small` the second node is a person; in `big` it is an organization.
    let (big, _) = graph_of(2);
    let foreign = big.org_by_slug("org-1").expect("in the graph").id();
    let mut small = GovGraph::new();
    let own = small.insert_org(org("org-0")).expect("new slug");
    small
        .insert_person(Person::new(slug("someone"), "Someone"))
        .expect("new slug");
    assert!(small.org(foreign).is_none());
    assert_refused(
        &mut small,
        |g| g.link(own, Relation::SeeAlso, foreign),
        "no organization with id 1 in this graph",
    );
}

#[test]
fn add_with_an_unknown_owner_inserts_nothing() {
    let (big, foreign) = graph_of(5);
    let (mut small, _) = graph_of(2);
    let foreign_post: PostId = {
        let mut g = big.clone();
        for i in 0..3 {
            g.insert_person(Person::new(slug(&format!("p-{i}")), "p"))
                .expect("new slug");
        }
        g.add_post(foreign, Post::new(slug("far-post"), "Far"))
            .expect("fresh")
    };
    let nodes = small.node_count();
    let msg = "no organization with id 4 in this graph";
    assert_refused(&mut small, |g| g.add_sub_org(foreign, org("orphan")), msg);
    assert_refused(
        &mut small,
        |g| g.add_post(foreign, Post::new(slug("orphan-post"), "Orphan")),
        msg,
    );
    assert_refused(
        &mut small,
        |g| g.add_headquarters(foreign, Site::new(slug("orphan-site"), "Nowhere")),
        msg,
    );
    assert_refused(
        &mut small,
        |g| g.add_function(foreign, Function::new(slug("orphan-duty"), "Nothing")),
        msg,
    );
    let someone = small
        .insert_person(Person::new(slug("someone"), "Someone"))
        .expect("new slug");
    assert_refused(
        &mut small,
        |g| g.appoint(someone, foreign_post, Tenure::new(slug("orphan-tenure"))),
        "no post with id 8 in this graph",
    );
    assert_eq!(small.node_count(), nodes + 1, "only the person was added");
    assert!(small.org_by_slug("orphan").is_none());
    assert!(small.post_by_slug("orphan-post").is_none());
}

#[test]
#[should_panic(expected = "no organization with id 4 in this graph")]
fn indexing_with_a_foreign_id_panics() {
    let (_, foreign) = graph_of(5);
    let (small, _) = graph_of(1);
    let _ = &small[foreign];
}

// ---- the value types' own errors ----

#[test]
fn slug_errors_say_what_and_where() {
    assert_err_msg(Slug::new(""), "slug is empty");
    assert_err_msg(
        Slug::new("General Office"),
        "slug \"General Office\" has the character 'G' at byte 0: only a-z, 0-9 and - are allowed",
    );
    assert_err_msg(
        Slug::new("general office"),
        "slug \"general office\" has the character ' ' at byte 7: only a-z, 0-9 and - are allowed",
    );
    assert_err_msg(
        Slug::new("ab办公厅"),
        "slug \"ab办公厅\" has the character '办' at byte 2: only a-z, 0-9 and - are allowed",
    );
    assert_err_msg(
        Slug::new("wu--zhenglong"),
        "slug \"wu--zhenglong\" has a hyphen at byte 3 that does not join two words",
    );
    assert_err_msg(
        Slug::new("-wu"),
        "slug \"-wu\" has a hyphen at byte 0 that does not join two words",
    );
    assert_err_msg(
        Slug::new("wu-"),
        "slug \"wu-\" has a hyphen at byte 2 that does not join two words",
    );
    assert_err_msg(
        Slug::new("a".repeat(201)),
        "slug is 201 bytes long, the limit is 200",
    );
    assert!(Slug::new("a".repeat(200)).is_ok(), "the limit is inclusive");
    assert_err_msg(
        Slug::from_name("国务院办公厅"),
        "name \"国务院办公厅\" has no ASCII letter or digit to make a slug from",
    );
    assert_err_msg(
        "State-Council".parse::<Slug>(),
        "slug \"State-Council\" has the character 'S' at byte 0: only a-z, 0-9 and - are allowed",
    );
}

#[test]
fn lang_errors_name_the_tag() {
    let err = Lang::new("en_US").expect_err("an underscore is not BCP 47");
    let msg = err.to_string();
    // The tag is shown lowercased, as stored; the reason is the parser's.
    assert!(
        msg.starts_with("\"en_us\" is not a BCP 47 language tag: ") && msg.len() > 40,
        "{msg}"
    );
    assert_eq!(err.tag, "en_us");
    assert!(Lang::new("").is_err());
    assert!(Lang::new("not a tag").is_err());
    assert_eq!(Lang::new("ZH-HANS").expect("valid"), Lang::zh_hans());
}

#[test]
fn date_errors_say_which_part_is_wrong() {
    let syntax = |t: &str| format!("{t:?} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
    for text in [
        "49",
        "1949-9",
        "1949-09-27-01",
        "1949/09/27",
        " 1949",
        "1949-09-27T00:00",
        "",
    ] {
        assert_err_msg(text.parse::<PartialDate>(), &syntax(text));
    }
    assert_err_msg("0000".parse::<PartialDate>(), "year 0 is outside 1 to 9999");
    assert_err_msg(
        "1949-13".parse::<PartialDate>(),
        "month 13 is outside 1 to 12",
    );
    assert_err_msg(
        "1949-00-01".parse::<PartialDate>(),
        "month 0 is outside 1 to 12",
    );
    assert_err_msg(
        "1949-02-30".parse::<PartialDate>(),
        "day 30 does not exist in 1949-02",
    );
    assert_err_msg(
        "1900-02-29".parse::<PartialDate>(),
        "day 29 does not exist in 1900-02",
    );
    assert!(
        "2000-02-29".parse::<PartialDate>().is_ok(),
        "2000 is a leap year"
    );
    assert_err_msg(
        "1949-09-31".parse::<PartialDate>(),
        "day 31 does not exist in 1949-09",
    );
    assert_err_msg(PartialDate::year(10_000), "year 10000 is outside 1 to 9999");
    assert_err_msg(PartialDate::year(-5), "year -5 is outside 1 to 9999");
    assert_err_msg(
        PartialDate::year_month(1949, 0),
        "month 0 is outside 1 to 12",
    );
    assert_err_msg(
        PartialDate::ymd(1949, 9, 0),
        "day 0 does not exist in 1949-09",
    );
    assert_err_msg(
        PartialDate::ymd(1, 1, 300),
        "day 300 does not exist in 0001-01",
    );
}

#[test]
fn source_and_website_errors_name_the_iri() {
    for bad in [
        "/wiki/General_Office",
        "gov.cn",
        "https://example.org/a b",
        "",
    ] {
        let msg = Source::new(bad)
            .expect_err("not an absolute IRI")
            .to_string();
        let head = format!("{bad:?} is not an absolute IRI: ");
        assert!(msg.starts_with(&head) && msg.len() > head.len(), "{msg}");
    }
    let err = Website::new(slug("gov-cn"), "gov.cn", "gov.cn").expect_err("no scheme");
    assert_eq!(err.iri, "gov.cn");
    assert!(
        err.to_string()
            .starts_with("\"gov.cn\" is not an absolute IRI: "),
        "{err}"
    );
    assert!(Website::new(slug("gov-cn"), "https://gov.cn/", "gov.cn").is_ok());
}

#[test]
fn kind_mismatch_names_both_kinds() {
    let mut g = GovGraph::new();
    let o = g.insert_org(org("office")).expect("new slug");
    let p = g
        .add_post(o, Post::new(slug("chief"), "Chief"))
        .expect("fresh");
    assert_err_msg(
        OrgId::try_from(NodeId::from(p)),
        "expected a node of kind organization, found post",
    );
    let node = g.get(o).expect("in the graph").clone();
    assert_err_msg(
        Person::try_from(node.clone()),
        "expected a node of kind person, found organization",
    );
    assert_eq!(
        Organization::try_from(node).map(|o| o.kind),
        Ok(OrgKind::Agency)
    );
}

// ---- EndsBeforeStart ----

#[test]
fn an_end_before_the_start_is_refused() {
    let mut g = GovGraph::new();
    assert_refused(
        &mut g,
        |g| {
            g.insert_org(
                org("short-lived")
                    .with_founded("1950-03".parse().expect("a date"))
                    .with_dissolved("1950-02-28".parse().expect("a date")),
            )
        },
        "organization `short-lived` ends (1950-02-28) before it begins (1950-03)",
    );
    // Same year at different precisions overlaps, so it is accepted.
    g.insert_org(
        org("same-year")
            .with_founded("1950-03".parse().expect("a date"))
            .with_dissolved("1950".parse().expect("a date")),
    )
    .expect("1950 may end after March 1950");
    let body = g.insert_org(org("body")).expect("new slug");
    let post = g
        .add_post(body, Post::new(slug("chair"), "Chair"))
        .expect("fresh");
    let person = g.insert_person(Person::new(slug("p"), "P")).expect("fresh");
    assert_refused(
        &mut g,
        |g| {
            g.appoint(
                person,
                post,
                Tenure::new(slug("p-chair"))
                    .with_start("2001".parse().expect("a date"))
                    .with_end("2000-12-31".parse().expect("a date")),
            )
        },
        "tenure `p-chair` ends (2000-12-31) before it begins (2001)",
    );
}
