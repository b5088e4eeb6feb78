//! Popolo JSON: a hand-written document read to exact facts, the export
//! validated against the Popolo project's own JSON schemas, round trips,
//! and each kind of error with its exact message.

mod common;

use common::slug;
use govgraph::popolo::{self, KEPT};
use govgraph::{
    GovGraph, Jurisdiction, Labels, Lang, NodeKind, OrgKind, Organization, PartialDate, Person,
    Post, Relation, Tenure,
};
use proptest::prelude::*;
use serde_json::{Value as Json, json};

const FIXTURE: &str = include_str!("fixtures/popolo/us-presidents.popolo.json");

fn fixture() -> GovGraph {
    popolo::from_str(FIXTURE).expect("the fixture reads")
}

fn export(g: &GovGraph) -> String {
    let mut out = Vec::new();
    popolo::write(g, &mut out).expect("writes to memory");
    String::from_utf8(out).expect("JSON is UTF-8")
}

fn kept(g: &GovGraph, kind: NodeKind, s: &str) -> Json {
    let id = g.id_by_slug(kind, s).expect("in the graph");
    let a = g
        .annotations(id)
        .iter()
        .find(|a| a.property == KEPT)
        .expect("kept fields");
    match &a.value {
        govgraph::Value::Literal { value, .. } => serde_json::from_str(value).expect("JSON"),
        other => panic!("not a literal: {other:?}"),
    }
}

#[test]
#[expect(clippy::too_many_lines, reason = "one fixture, every fact of it")]
fn the_fixture_reads_to_exact_facts() {
    let g = fixture();
    let count = |k: NodeKind| g.nodes().filter(|(id, _)| id.kind() == k).count();
    assert_eq!(
        [
            NodeKind::Organization,
            NodeKind::Jurisdiction,
            NodeKind::Post,
            NodeKind::Person,
            NodeKind::Tenure
        ]
        .map(count),
        [2, 1, 1, 7, 8]
    );
    let gov = g.org_by_slug("us-federal-government").expect("read");
    assert_eq!(gov.data().kind, OrgKind::GoverningBody);
    assert_eq!(
        gov.data().founded,
        Some("1789-03-04".parse().expect("date"))
    );
    assert_eq!(
        gov.data().labels.preferred(&Lang::new("fr").expect("tag")),
        Some("Gouvernement fédéral des États-Unis")
    );
    let alts: Vec<_> = gov
        .data()
        .labels
        .alternates()
        .map(|l| (l.lang.as_str(), l.text.as_str()))
        .collect();
    assert_eq!(alts, [("en", "U.S. Government")]);
    assert_eq!(
        gov.data()
            .sources
            .iter()
            .map(govgraph::Source::as_str)
            .collect::<Vec<_>>(),
        ["https://en.wikipedia.org/wiki/Federal_government_of_the_United_States"]
    );
    // An area id that is not a slug is slugged, and kept.
    let us = gov.jurisdictions().next().expect("area_id");
    assert_eq!(us.slug().as_str(), "ocd-division-country-us");
    assert_eq!(
        kept(&g, NodeKind::Jurisdiction, "ocd-division-country-us"),
        json!({"classification": "country", "id": "ocd-division/country:us"})
    );
    let eop = g
        .org_by_slug("executive-office-of-the-president")
        .expect("read");
    assert_eq!(eop.parent(), Some(gov));
    assert_eq!(eop.data().kind, OrgKind::Office);

    let post = g
        .post_by_slug("president-of-the-united-states")
        .expect("read");
    assert_eq!(post.organization(), Some(gov));
    assert_eq!(
        post.data().formed,
        Some("1789-04-30".parse().expect("date"))
    );
    let holders: Vec<&str> = post.holders().map(|p| p.slug().as_str()).collect();
    assert_eq!(
        holders,
        [
            "george-washington",
            "john-adams",
            "thomas-jefferson",
            "abraham-lincoln",
            "barack-obama",
            "donald-trump",
            "joe-biden",
            "donald-trump"
        ]
    );
    let second = g.tenure_by_slug("trump-2").expect("read").data();
    assert_eq!(
        (second.start, second.end),
        (Some("2025-01-20".parse().expect("date")), None)
    );
    assert!(second.sources.is_empty());
    assert_eq!(
        kept(&g, NodeKind::Tenure, "trump-2"),
        json!({"sources": [{"url": "https://en.wikipedia.org/wiki/Second_inauguration_of_Donald_Trump", "note": "inauguration"}]})
    );
    let lincoln = g.person_by_slug("abraham-lincoln").expect("read").data();
    assert_eq!(
        (lincoln.born, lincoln.died),
        (
            Some("1809-02-12".parse().expect("date")),
            Some("1865-04-15".parse().expect("date"))
        )
    );
    assert_eq!(
        lincoln.description.as_deref(),
        Some("16th president of the United States")
    );
    assert_eq!(
        kept(&g, NodeKind::Person, "george-washington"),
        json!({"gender": "male", "identifiers": [{"scheme": "wikidata", "identifier": "Q23"}]})
    );
    // A name with a note other than "multilingual" is kept whole.
    let obama = g.person_by_slug("barack-obama").expect("read").data();
    assert_eq!(obama.labels.alternates().count(), 0);
    assert_eq!(
        kept(&g, NodeKind::Person, "barack-obama")["other_names"],
        json!([{"name": "Barack Hussein Obama II", "note": "Birth name"}])
    );
    assert_eq!(g.statements().len(), 1, "the document's meta is kept");
}

#[test]
fn export_writes_back_what_was_kept_and_reads_to_the_same_graph() {
    let g = fixture();
    let text = export(&g);
    let doc: Json = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        doc["meta"],
        json!({"note": "Written by hand for govgraph's tests from public articles about the presidents of the United States."})
    );
    assert_eq!(doc["areas"][0]["id"], "ocd-division/country:us");
    assert_eq!(
        doc["organizations"][0]["area_id"],
        "ocd-division/country:us"
    );
    assert_eq!(doc["persons"][0]["gender"], "male");
    assert_eq!(doc["memberships"][7]["sources"][0]["note"], "inauguration");
    assert_eq!(
        doc["memberships"][0],
        json!({"id": "washington-1", "person_id": "george-washington", "post_id": "president-of-the-united-states",
               "organization_id": "us-federal-government", "start_date": "1789-04-30", "end_date": "1797-03-04"})
    );
    let back = popolo::from_str(&text).expect("reads back");
    assert_eq!(back, g);
    assert_eq!(export(&back), text, "the export is a fixed point");
}

/// An object with no id gets a slug made from its name; it must not take
/// an id another object declares later (fuzz `popolo` finding: the export
/// wrote the id `donald-trump` twice and did not read back).
#[test]
fn a_slug_made_for_an_object_never_takes_a_declared_id() {
    let text = r#"{"persons": [
        {"name": "Ann Example"},
        {"id": "ann-example", "name": "Ann E."},
        {"id": "Bo Example", "name": "Bo"},
        {"id": "bo-example", "name": "Bo E."}
    ]}"#;
    let g = popolo::from_str(text).expect("reads");
    let slugs: Vec<&str> = g
        .nodes()
        .filter(|(_, n)| n.kind() == NodeKind::Person)
        .map(|(_, n)| n.slug().as_str())
        .collect();
    assert_eq!(
        slugs,
        ["ann-example-2", "ann-example", "bo-example-2", "bo-example"]
    );
    let out = export(&g);
    let doc: Json = serde_json::from_str(&out).expect("JSON");
    let ids: Vec<&str> = doc["persons"]
        .as_array()
        .expect("persons")
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        ["ann-example-2", "ann-example", "Bo Example", "bo-example"]
    );
    let back = popolo::from_str(&out).expect("the export reads back");
    assert_eq!(back, g);
    assert_eq!(export(&back), out, "the export is a fixed point");
}

#[test]
fn memberships_without_a_post_make_one_post_per_organization_and_role() {
    let doc = r#"{
      "organizations": [{"id": "senate", "name": "Senate"}],
      "persons": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
      "memberships": [
        {"id": "m1", "person_id": "a", "organization_id": "senate", "role": "Senator"},
        {"id": "m2", "person_id": "b", "organization_id": "senate", "role": "Senator"},
        {"id": "m3", "person_id": "b", "organization_id": "senate"}
      ]
    }"#;
    let g = popolo::from_str(doc).expect("reads");
    let senate = g.org_by_slug("senate").expect("read");
    let posts: Vec<(&str, Vec<&str>)> = senate
        .posts()
        .map(|p| {
            (
                p.slug().as_str(),
                p.holders().map(|h| h.slug().as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        posts,
        [
            ("senate-senator", vec!["a", "b"]),
            ("senate-member", vec!["b"])
        ]
    );
    let back: Json = serde_json::from_str(&export(&g)).expect("JSON");
    assert_eq!(back["posts"], json!([]));
    assert_eq!(
        back["memberships"][2],
        json!({"id": "m3", "person_id": "b", "organization_id": "senate", "role": "member"})
    );
    assert_eq!(popolo::from_str(&back.to_string()).expect("reads"), g);
}

/// The Popolo schemas (draft 3) as draft 4: `"required": true` inside a
/// property becomes the property's name in the object's `required` list.
fn draft4(v: &Json) -> Json {
    match v {
        Json::Object(o) => {
            let mut out = serde_json::Map::new();
            let mut required = Vec::new();
            for (k, x) in o {
                if k == "$schema" {
                    out.insert(k.clone(), json!("http://json-schema.org/draft-04/schema#"));
                } else if k == "properties" {
                    let mut props = serde_json::Map::new();
                    for (name, sub) in x.as_object().expect("properties is an object") {
                        let mut sub = draft4(sub);
                        if sub.as_object_mut().and_then(|s| s.remove("required"))
                            == Some(json!(true))
                        {
                            required.push(json!(name));
                        }
                        props.insert(name.clone(), sub);
                    }
                    out.insert(k.clone(), Json::Object(props));
                } else {
                    out.insert(k.clone(), draft4(x));
                }
            }
            if !required.is_empty() {
                out.insert("required".to_owned(), Json::Array(required));
            }
            Json::Object(out)
        }
        Json::Array(a) => Json::Array(a.iter().map(draft4).collect()),
        other => other.clone(),
    }
}

fn validate_export(g: &GovGraph) -> usize {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/popolo-schemas");
    let mut compiler = boon::Compiler::new();
    compiler.set_default_draft(boon::Draft::V4);
    for name in [
        "person",
        "organization",
        "membership",
        "post",
        "area",
        "other_name",
        "identifier",
        "link",
        "contact_detail",
    ] {
        let text = std::fs::read_to_string(dir.join(format!("{name}.json"))).expect("vendored");
        let schema = draft4(&serde_json::from_str(&text).expect("JSON"));
        for host in ["http://www.popoloproject.com", "http://popoloproject.com"] {
            compiler
                .add_resource(&format!("{host}/schemas/{name}.json"), schema.clone())
                .expect("a schema");
        }
    }
    let mut schemas = boon::Schemas::new();
    let doc: Json = serde_json::from_str(&export(g)).expect("JSON");
    let mut checked = 0;
    for (list, schema) in [
        ("persons", "person"),
        ("organizations", "organization"),
        ("posts", "post"),
        ("memberships", "membership"),
        ("areas", "area"),
    ] {
        let ix = compiler
            .compile(
                &format!("http://www.popoloproject.com/schemas/{schema}.json"),
                &mut schemas,
            )
            .expect("the schema compiles");
        for (i, object) in doc[list].as_array().expect("a list").iter().enumerate() {
            if let Err(e) = schemas.validate(object, ix) {
                panic!("{list}[{i}] is not a valid Popolo {schema}: {e}\n{object:#}");
            }
            checked += 1;
        }
    }
    checked
}

#[test]
fn the_export_is_valid_against_the_popolo_schemas() {
    assert_eq!(validate_export(&fixture()), 19);
    assert_eq!(
        validate_export(&common::everything()),
        common::everything()
            .nodes()
            .filter(|(id, _)| matches!(
                id.kind(),
                NodeKind::Organization
                    | NodeKind::Post
                    | NodeKind::Person
                    | NodeKind::Tenure
                    | NodeKind::Jurisdiction
            ))
            .count()
    );
}

#[test]
fn the_schemas_do_refuse_bad_objects() {
    // The validation is not vacuous: a bad date and a name that is not a
    // string are refused.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/popolo-schemas");
    let text = std::fs::read_to_string(dir.join("person.json")).expect("vendored");
    let mut compiler = boon::Compiler::new();
    compiler.set_default_draft(boon::Draft::V4);
    for name in [
        "other_name",
        "identifier",
        "link",
        "contact_detail",
        "membership",
        "organization",
        "post",
        "area",
    ] {
        let t = std::fs::read_to_string(dir.join(format!("{name}.json"))).expect("vendored");
        let s = draft4(&serde_json::from_str(&t).expect("JSON"));
        for host in ["http://www.popoloproject.com", "http://popoloproject.com"] {
            compiler
                .add_resource(&format!("{host}/schemas/{name}.json"), s.clone())
                .expect("a schema");
        }
    }
    compiler
        .add_resource(
            "http://www.popoloproject.com/schemas/person.json",
            draft4(&serde_json::from_str(&text).expect("JSON")),
        )
        .expect("a schema");
    let mut schemas = boon::Schemas::new();
    let ix = compiler
        .compile(
            "http://www.popoloproject.com/schemas/person.json",
            &mut schemas,
        )
        .expect("compiles");
    assert!(
        schemas
            .validate(&json!({"id": "a", "birth_date": "1961"}), ix)
            .is_ok()
    );
    assert!(
        schemas
            .validate(&json!({"id": "a", "birth_date": "4 August 1961"}), ix)
            .is_err()
    );
    assert!(schemas.validate(&json!({"name": 7}), ix).is_err());
    assert!(
        schemas
            .validate(&json!({"other_names": [{"lang": "en"}]}), ix)
            .is_err()
    );
}

#[test]
fn errors_name_the_object_and_field() {
    let err = |doc: &str| popolo::from_str(doc).expect_err("refused").to_string();
    assert_eq!(
        err(r#"{"organizations": [{"id": "a", "parent_id": "b"}]}"#),
        "organizations[0] (id \"a\"): parent_id \"b\" names no object of organizations"
    );
    assert_eq!(
        err(r#"{"persons": [{"id": "a"}, {"id": "a"}]}"#),
        "persons[1] (id \"a\"): the id \"a\" is already the id of persons[0] (id \"a\")"
    );
    assert_eq!(
        err(r#"{"organizations": [{"id": "a", "founding_date": "1949-13"}]}"#),
        "organizations[0] (id \"a\"): founding_date: month 13 is outside 1 to 12"
    );
    assert_eq!(
        err(r#"{"memberships": [{"id": "m", "start_date": "20 January 2009"}]}"#),
        "memberships[0] (id \"m\"): start_date: \"20 January 2009\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
    );
    assert_eq!(
        err(r#"{"organizations": [{"id": "a", "parent_id": "b"}, {"id": "b", "parent_id": "a"}]}"#),
        "organizations[1] (id \"b\"): linking organization `b` sub_organization_of `a` would close a cycle"
    );
    assert_eq!(
        err(r#"{"memberships": [{"id": "m", "start_date": "2001", "end_date": "1999"}]}"#),
        "memberships[0] (id \"m\"): tenure `m` ends (1999) before it begins (2001)"
    );
    assert_eq!(
        err(r#"{"persons": [{"id": "a", "name": 7}]}"#),
        "persons[0] (id \"a\"): name: expected a string, found a number"
    );
    assert_eq!(
        err(r#"{"persons": {"id": "a"}}"#),
        "the document: persons: expected an array, found an object"
    );
    assert_eq!(
        err("[]"),
        "the document: document: expected an object, found an array"
    );
    assert_eq!(
        err(r#"{"memberships": [{"person_id": "nobody"}]}"#),
        "memberships[0]: person_id \"nobody\" names no object of persons"
    );
    assert_eq!(
        err(
            r#"{"persons": [{"id": "a", "other_names": [{"name": "x", "lang": "en_US", "note": "multilingual"}]}]}"#
        ),
        "persons[0] (id \"a\"): other_names[0].lang: \"en_us\" is not a BCP 47 language tag: the given language subtag is invalid"
    );
    assert!(
        err("{").starts_with("invalid Popolo JSON: EOF while parsing an object at line 1 column 1")
    );
    assert_eq!(
        err(
            r#"{"organizations": [{"id": "o"}, {"id": "p"}], "posts": [{"id": "x", "organization_id": "o"}],
               "memberships": [{"post_id": "x", "organization_id": "p"}]}"#
        ),
        "memberships[0]: organization_id: \"p\" is not the organization of the membership's post"
    );
}

/// A graph in the order Popolo reads: organizations, areas, posts,
/// persons, tenures; only what Popolo holds.
#[derive(Debug, Clone)]
#[expect(
    clippy::type_complexity,
    reason = "a plan is plain tuples of what proptest generates"
)]
struct Plan {
    orgs: Vec<(
        String,
        Option<prop::sample::Index>,
        Option<PartialDate>,
        Vec<(String, String)>,
        bool,
    )>,
    areas: Vec<String>,
    posts: Vec<(prop::sample::Index, String, Vec<String>)>,
    people: Vec<(String, Option<String>)>,
    tenures: Vec<(
        prop::sample::Index,
        prop::sample::Index,
        Option<PartialDate>,
        Option<PartialDate>,
    )>,
}

fn date() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        (1000i64..2100).prop_map(|y| PartialDate::year(y).expect("valid")),
        (1000i64..2100, 1u32..=12).prop_map(|(y, m)| PartialDate::year_month(y, m).expect("valid")),
        (1000i64..2100, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| PartialDate::ymd(y, m, d).expect("valid")),
    ]
}

fn plan() -> impl Strategy<Value = Plan> {
    let text = || prop_oneof!["[a-zA-Z ]{1,12}", any::<String>()];
    let ix = || any::<prop::sample::Index>();
    (
        prop::collection::vec(
            (
                text(),
                prop::option::of(ix()),
                prop::option::of(date()),
                prop::collection::vec(
                    (
                        prop_oneof![
                            Just("fr".to_owned()),
                            Just("zh-hans".to_owned()),
                            Just("und".to_owned())
                        ],
                        text(),
                    ),
                    0..3,
                ),
                any::<bool>(),
            ),
            1..5,
        ),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec((ix(), text(), prop::collection::vec(text(), 0..2)), 0..4),
        prop::collection::vec((text(), prop::option::of(text())), 0..4),
        prop::collection::vec(
            (
                ix(),
                ix(),
                prop::option::of(date()),
                prop::option::of(date()),
            ),
            0..6,
        ),
    )
        .prop_map(|(orgs, areas, posts, people, tenures)| Plan {
            orgs,
            areas,
            posts,
            people,
            tenures,
        })
}

#[expect(
    clippy::many_single_char_names,
    reason = "p, g, o, t: the plan, the graph and its nodes"
)]
fn build(p: &Plan) -> GovGraph {
    let mut g = GovGraph::new();
    let mut orgs = Vec::new();
    for (i, (name, _, founded, names, wikidata)) in p.orgs.iter().enumerate() {
        let mut labels = Labels::en(name.as_str());
        for (lang, text) in names {
            let lang = Lang::new(lang.as_str()).expect("tag");
            if lang.as_str() != "und" && labels.preferred(&lang).is_none() {
                labels.set_preferred(lang, text.as_str());
            } else {
                labels.add_alternate(lang, text.as_str());
            }
        }
        let mut o = Organization::new(
            slug(&format!("o{i}")),
            OrgKind::ALL[i % OrgKind::ALL.len()],
            "",
        )
        .with_labels(labels);
        o.founded = *founded;
        if let Some(d) = founded {
            o = o.with_dated_name(
                govgraph::DatedName::new(format!("{name} (former)"), Lang::en())
                    .during(govgraph::Interval::new().with_end(*d)),
            );
        }
        if *wikidata {
            o = o.with_same_as(
                govgraph::Source::new(format!("http://www.wikidata.org/entity/Q{}", i + 1))
                    .expect("IRI"),
            );
        }
        orgs.push(g.insert_org(o).expect("fresh"));
    }
    for (i, (_, parent, _, _, _)) in p.orgs.iter().enumerate() {
        if let Some(ix) = parent {
            let j = ix.index(orgs.len());
            if j < i {
                g.link(orgs[i], Relation::SubOrganizationOf, orgs[j])
                    .expect("acyclic");
            }
        }
    }
    let mut areas = Vec::new();
    for (i, name) in p.areas.iter().enumerate() {
        areas.push(
            g.insert_jurisdiction(Jurisdiction::new(slug(&format!("a{i}")), name.as_str()))
                .expect("fresh"),
        );
    }
    // One area an organization at most: Popolo has one area_id.
    for (org, area) in orgs.iter().zip(&areas) {
        g.link(*org, Relation::HasJurisdiction, *area)
            .expect("fresh");
    }
    let mut posts = Vec::new();
    for (i, (org, label, others)) in p.posts.iter().enumerate() {
        let mut labels = Labels::en(label.as_str());
        for o in others {
            labels.add_alternate(Lang::en(), o.as_str());
        }
        let post = Post::new(slug(&format!("p{i}")), "").with_labels(labels);
        posts.push(g.add_post(*org.get(&orgs), post).expect("fresh"));
    }
    let mut people = Vec::new();
    for (i, (name, summary)) in p.people.iter().enumerate() {
        let mut person = Person::new(slug(&format!("h{i}")), name.as_str());
        person.description.clone_from(summary);
        if i % 2 == 1 {
            person.born = PartialDate::year(1900 + i64::try_from(i).expect("small")).ok();
        }
        people.push(g.insert_person(person).expect("fresh"));
    }
    for (i, (person, post, start, end)) in p.tenures.iter().enumerate() {
        if people.is_empty() || posts.is_empty() {
            break;
        }
        let mut t = Tenure::new(slug(&format!("t{i}")));
        t.start = start.map(govgraph::Bound::Date);
        t.end = match (start, end) {
            (Some(s), Some(e)) if e < s => None,
            _ => end.map(govgraph::Bound::Date),
        };
        g.appoint(*person.get(&people), *post.get(&posts), t)
            .expect("fresh");
    }
    g
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn what_popolo_holds_round_trips(p in plan()) {
        let g = build(&p);
        let text = export(&g);
        let back = popolo::from_str(&text).expect("reads its own export");
        prop_assert_eq!(&back, &g, "{}", text);
    }
}

#[cfg(feature = "cli")]
mod cli {
    use assert_cmd::Command;

    fn gg() -> Command {
        Command::cargo_bin("govgraph").expect("the binary is built with the cli feature")
    }

    #[test]
    fn popolo_is_a_graph_format_for_the_command_line() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/popolo/us-presidents.popolo.json"
        );
        gg().args(["import", path])
            .assert()
            .success()
            .stdout(format!("{path}: 19 nodes, 19 links (Popolo JSON)\n"));
        let out = gg()
            .args(["--graph", path, "export", "--format", "popolo"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).expect("UTF-8");
        assert_eq!(
            govgraph::popolo::from_str(&text).expect("reads"),
            super::fixture()
        );
    }

    #[test]
    fn holders_on_a_date_from_a_popolo_file() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/popolo/us-presidents.popolo.json"
        );
        for (on, holder) in [
            ("1790", "George Washington (1789-04-30 – 1797-03-04)\n"),
            ("2010-06-01", "Barack Obama (2009-01-20 – 2017-01-20)\n"),
            ("2021-01-20", "Joe Biden (2021-01-20 – 2025-01-20)\n"),
            ("2026", "Donald Trump (since 2025-01-20)\n"),
        ] {
            gg().args([
                "--graph",
                path,
                "holders",
                "President of the United States",
                "--on",
                on,
            ])
            .assert()
            .success()
            .stdout(holder);
        }
    }
}
