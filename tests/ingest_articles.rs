//! Each fixture article gives the facts it states; all of them together
//! give one merged graph.

use std::path::{Path, PathBuf};

use govgraph::ingest::{IgnoreReason, IngestReport, Ingester, WarningKind};
use govgraph::{CategoryKind, GovGraph, Lang, NodeKind, OrgKind, OrgRef};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(name)
}

#[track_caller]
fn one(name: &str) -> (GovGraph, IngestReport) {
    let mut ing = Ingester::new();
    ing.ingest_path(fixture(name)).expect("the fixture ingests");
    let done = ing.finish();
    (done.graph, done.report)
}

#[track_caller]
fn org<'g>(g: &'g GovGraph, slug: &str) -> OrgRef<'g> {
    g.org_by_slug(slug)
        .unwrap_or_else(|| panic!("no org/{slug}"))
}

fn date(o: OrgRef<'_>) -> Option<String> {
    o.founded.map(|d| d.to_string())
}

#[test]
fn party_organ_with_minister_keys() {
    let (g, report) = one("publicity-department.txt");
    let dept = org(&g, "publicity-department-of-the-chinese-communist-party");
    assert_eq!(dept.kind, OrgKind::PartyOrgan);
    assert_eq!(
        dept.labels.preferred(&Lang::zh_hans()),
        Some("中国共产党中央委员会宣传部")
    );
    let parent = dept.parent().expect("the parent agency");
    assert_eq!(
        parent.display_name(),
        "Central Committee of the Chinese Communist Party"
    );
    assert_eq!(parent.kind, OrgKind::PartyOrgan);
    let heads: Vec<&str> = dept
        .heads()
        .map(govgraph::PersonRef::display_name)
        .collect();
    assert_eq!(heads, ["Li Shulei"]);
    assert_eq!(
        dept.head_posts()
            .next()
            .map(govgraph::PostRef::display_name),
        Some("Head of the Publicity Department")
    );
    assert_eq!(
        dept.categories()
            .map(|c| (c.display_name(), c.kind))
            .collect::<Vec<_>>(),
        [("Party organ", CategoryKind::BodyType)]
    );
    // One-part headquarters: a label, no address parts, no places.
    let hq = dept.headquarters().expect("headquarters");
    assert_eq!(hq.label, "Beijing");
    assert!(hq.address.is_empty() && hq.places().next().is_none());
    let reasons: Vec<(String, IgnoreReason)> = report
        .ignored()
        .map(|i| (i.key.clone(), i.reason.clone()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("Minister Type".to_owned(), IgnoreReason::MinisterTypeUnused),
            ("History".to_owned(), IgnoreReason::SectionNotRead),
        ]
    );
}

#[test]
fn ministry_with_parent_and_children() {
    let (g, report) = one("ministry-of-emergency-management.txt");
    let m = org(&g, "ministry-of-emergency-management");
    assert_eq!(m.kind, OrgKind::Agency);
    assert_eq!(date(m).as_deref(), Some("2018-03"));
    assert_eq!(
        m.parent().map(govgraph::OrgRef::display_name),
        Some("State Council of China")
    );
    let mut children: Vec<&str> = m
        .sub_organizations()
        .map(govgraph::OrgRef::display_name)
        .collect();
    children.sort_unstable();
    assert_eq!(
        children,
        [
            "China Earthquake Administration",
            "National Fire and Rescue Administration"
        ]
    );
    assert_eq!(
        m.replaces()
            .map(govgraph::OrgRef::display_name)
            .collect::<Vec<_>>(),
        ["State Administration of Work Safety"]
    );
    assert_eq!(
        m.jurisdiction()
            .map(govgraph::JurisdictionRef::display_name),
        Some("Government of China")
    );
    assert_eq!(report.ignored().count(), 0, "{report}");
    assert_eq!(report.warnings().count(), 0, "{report}");
}

#[test]
fn predecessors_across_two_articles() {
    let mut ing = Ingester::new();
    ing.ingest_path(fixture("national-health-commission.txt"))
        .expect("ingests");
    ing.ingest_path(fixture(
        "national-health-and-family-planning-commission.txt",
    ))
    .expect("ingests");
    let govgraph::ingest::Ingested {
        graph: g, report, ..
    } = ing.finish();
    let nhc = org(&g, "national-health-commission");
    let nhfpc = org(&g, "national-health-and-family-planning-commission");
    assert_eq!(date(nhc).as_deref(), Some("2018-03"));
    assert_eq!(date(nhfpc).as_deref(), Some("2013-03"));
    assert_eq!(
        nhfpc.details().dissolved.map(|d| d.to_string()).as_deref(),
        Some("2018-03")
    );
    // The first article's "Preceding1" and the second's "Superseding1" are
    // one link; the second's title is the first's mention.
    assert_eq!(
        nhc.replaces()
            .map(|o| o.slug().as_str())
            .collect::<Vec<_>>(),
        ["national-health-and-family-planning-commission"]
    );
    let mut older: Vec<&str> = nhfpc
        .replaces()
        .map(govgraph::OrgRef::display_name)
        .collect();
    older.sort_unstable();
    assert_eq!(
        older,
        [
            "Ministry of Health",
            "National Population and Family Planning Commission"
        ]
    );
    assert_eq!(
        nhc.replaced_by().count(),
        0,
        "nothing replaces the current commission"
    );
    assert!(report.merged().any(|m| m.node.to_string()
        == "org/national-health-and-family-planning-commission"
        && m.at.line == 1));
    assert_eq!(report.conflicts().count(), 0, "{report}");
    assert_eq!(
        g.links()
            .filter(|l| l.1 == govgraph::Relation::Replaces)
            .count(),
        3
    );
}

#[test]
fn executive_office_outside_china() {
    let (g, report) = one("executive-office-of-the-president.txt");
    let eop = org(&g, "executive-office-of-the-president-of-the-united-states");
    assert_eq!(date(eop).as_deref(), Some("1939"));
    assert_eq!(
        eop.labels
            .alternates()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>(),
        ["Executive Office of the President"]
    );
    assert_eq!(
        eop.heads()
            .map(govgraph::PersonRef::display_name)
            .collect::<Vec<_>>(),
        ["Susie Wiles"]
    );
    assert_eq!(eop.sub_organizations().count(), 4);
    let site = eop.official_websites().next().expect("website");
    assert_eq!(site.url(), "https://www.whitehouse.gov/");
    let hq = eop.headquarters().expect("headquarters");
    assert_eq!(
        hq.address.street.as_deref(),
        Some("Eisenhower Executive Office Building")
    );
    assert_eq!(hq.address.locality.as_deref(), Some("Washington D.C."));
    assert_eq!(
        report.ignored().count() + report.warnings().count(),
        0,
        "{report}"
    );
}

#[test]
fn messy_formatting_is_read() {
    let (g, report) = one("state-council-messy.txt");
    let sc = org(&g, "state-council-of-the-peoples-republic-of-china");
    assert_eq!(sc.kind, OrgKind::GoverningBody);
    assert_eq!(
        sc.labels.english(),
        Some("State Council of the People's Republic of China")
    );
    assert_eq!(
        sc.labels.preferred(&Lang::zh_hans()),
        Some("中华人民共和国国务院")
    );
    assert_eq!(
        date(sc).as_deref(),
        Some("1954-09"),
        "the first Formed is kept"
    );
    assert_eq!(
        sc.details().description.as_deref(),
        Some("The chief administrative authority of the People's Republic of China.")
    );
    assert_eq!(
        sc.heads()
            .map(govgraph::PersonRef::display_name)
            .collect::<Vec<_>>(),
        ["Li Qiang"]
    );
    assert_eq!(
        sc.official_websites()
            .map(|w| w.data().url())
            .collect::<Vec<_>>(),
        ["https://www.gov.cn/"]
    );
    let group = g.category_by_slug("general-offices").expect("the group");
    assert_eq!(
        group
            .members()
            .map(|m| m.slug().as_str())
            .collect::<Vec<_>>(),
        ["general-office-of-the-state-council"]
    );
    let ignored: Vec<(usize, String)> = report
        .ignored()
        .map(|i| (i.at.line, format!("{}: {}", i.key, i.reason)))
        .collect();
    assert_eq!(
        ignored,
        [
            (
                10,
                "Formed: repeats the parameter of line 9, whose value is kept".to_owned()
            ),
            (12, "Budget: the value is empty".to_owned()),
            (
                13,
                "Seat: not a parameter of the Infobox government agency template".to_owned()
            ),
            (14, "Motto: the model has no field for mottos".to_owned()),
        ]
    );
    let warnings: Vec<(usize, WarningKind)> = report
        .warnings()
        .map(|w| (w.at.line, w.kind.clone()))
        .collect();
    assert_eq!(warnings, [(15, WarningKind::InfoboxLineWithoutColon)]);
}

#[test]
fn a_directory_gives_one_merged_graph() {
    let mut ing = Ingester::new().with_alias(
        "State Council of China",
        "State Council of the People's Republic of China",
    );
    ing.ingest_path(fixture("")).expect("the directory ingests");
    let govgraph::ingest::Ingested {
        graph: g, report, ..
    } = ing.finish();
    assert_eq!(report.articles().count(), 7);
    assert_eq!(report.conflicts().count(), 0, "{report}");

    // The alias joins the parent named in three articles with the messy
    // article's title: one State Council, with every child.
    let councils: Vec<&str> = g
        .nodes()
        .filter_map(|(_, n)| match n {
            govgraph::Node::Organization(o)
                if o.labels.texts().any(|t| t.contains("State Council of")) =>
            {
                Some(o.slug.as_str())
            }
            _ => None,
        })
        .filter(|s| s.starts_with("state-council"))
        .collect();
    assert_eq!(councils, ["state-council-of-china"]);
    let sc = org(&g, "state-council-of-china");
    assert_eq!(
        sc.labels.english(),
        Some("State Council of the People's Republic of China")
    );
    let mut subs: Vec<&str> = sc.sub_organizations().map(|o| o.slug().as_str()).collect();
    subs.sort_unstable();
    assert_eq!(
        subs,
        [
            "ministry-of-emergency-management",
            "national-health-and-family-planning-commission",
            "national-health-commission"
        ]
    );
    // The General Office's jurisdiction names the council: it is governed by it.
    let j = g
        .jurisdiction_by_slug("state-council-of-china")
        .expect("jurisdiction");
    assert_eq!(
        j.governing_bodies()
            .map(|o| o.slug().as_str())
            .collect::<Vec<_>>(),
        ["state-council-of-china"]
    );
    // The messy article's "See also" names the General Office, whose own
    // article created it: one node.
    let go = org(&g, "general-office-of-the-state-council");
    assert!(sc.related().any(|n| n.slug() == go.slug()));
    assert!(
        report
            .merged()
            .any(|m| m.node.to_string() == "org/general-office-of-the-state-council")
    );

    // Every node cites the file and line it came from.
    for (_, n) in g.nodes() {
        assert!(
            n.sources()
                .iter()
                .all(|s| s.as_str().starts_with("file:///") && s.as_str().contains(".txt#line=")),
            "{n:?}"
        );
        assert!(!n.sources().is_empty(), "{} has no source", n.slug());
    }
    let founded: Vec<String> = report
        .provenance_of(NodeKind::Organization, "national-health-commission")
        .filter(|p| p.fact == govgraph::ingest::Fact::Founded)
        .map(|p| p.at.to_string())
        .collect();
    assert_eq!(founded, ["National Health Commission:7"]);
}

#[test]
fn a_second_article_that_disagrees_is_a_conflict() {
    let mut ing = Ingester::new();
    ing.ingest_str(
        "a.txt",
        "= Bureau of Tests =\nInfobox\n- Formed: 1990\n- Parent Agency: Council A\n",
    )
    .expect("ingests");
    ing.ingest_str(
        "b.txt",
        "= Bureau of Tests =\nInfobox\n- Formed: 1991\n- Parent Agency: Council B\n",
    )
    .expect("ingests");
    let govgraph::ingest::Ingested {
        graph: g, report, ..
    } = ing.finish();
    let b = org(&g, "bureau-of-tests");
    assert_eq!(date(b).as_deref(), Some("1990"), "the first value is kept");
    assert_eq!(
        b.parent().map(govgraph::OrgRef::display_name),
        Some("Council A")
    );
    let sources: Vec<&str> = b.sources.iter().map(govgraph::Source::as_str).collect();
    assert!(sources.contains(&"urn:govgraph:article:bureau-of-tests#line=3"));
    let conflicts: Vec<String> = report.conflicts().map(ToString::to_string).collect();
    assert_eq!(
        conflicts,
        [
            "org/bureau-of-tests founded: kept \"1990\" (Bureau of Tests:3), not \"1991\" (Bureau of Tests:3)",
            "org/bureau-of-tests sub_organization_of: kept \"org/council-a\" (Bureau of Tests:4), not \"org/council-b\" (Bureau of Tests:4)",
        ]
    );
    assert!(report.to_string().contains(
        "Bureau of Tests:3: conflict on founded of org/bureau-of-tests: kept \"1990\" from Bureau of Tests:3, not \"1991\""
    ));
}

#[test]
fn ingest_types_are_send_and_sync() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Ingester>();
    send_sync::<IngestReport>();
    send_sync::<govgraph::ingest::IngestError>();
    send_sync::<govgraph::ingest::Article>();
}
