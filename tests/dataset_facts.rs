//! Every fact of FACTS.md (the General Office of the State Council article),
//! checked through the public traversal API on the built-in dataset. The
//! history the dataset adds (HISTORY.md) is checked in `dataset_history.rs`;
//! here it is told apart by its sources.

mod common;

use common::{assert_path_is_real, slugs, undirected_distance};
use govgraph::datasets::{
    GENERAL_OFFICE_SOURCE, SECRETARY_GENERAL_SOURCE, STATE_COUNCIL_SOURCE, XIAO_JIE_SOURCE,
    general_office,
};
use govgraph::{
    CategoryKind, DatePrecision, GovGraph, Lang, NodeKind, NodeRef, OrgKind, OrgRef, PartialDate,
    PlaceKind, Relation,
};

const OFFICE: &str = "general-office-of-the-state-council";

#[track_caller]
fn office(g: &GovGraph) -> OrgRef<'_> {
    g.org_by_slug(OFFICE)
        .expect("the dataset holds the General Office")
}

/// True when the node cites the General Office article: one of the
/// article's facts.
fn from_the_article(node: &govgraph::Node) -> bool {
    node.sources()
        .iter()
        .any(|s| s.as_str() == GENERAL_OFFICE_SOURCE)
}

#[test]
fn the_dataset_holds_one_node_per_thing_the_article_names() {
    let g = general_office();
    let count = |k: NodeKind| {
        g.nodes()
            .filter(|(_, n)| n.kind() == k && from_the_article(n))
            .count()
    };
    // The office, its parent, its institution, the two other general
    // offices and the Premier's office.
    assert_eq!(count(NodeKind::Organization), 6);
    // Secretary-General, Executive Deputy and Deputy Secretary-General.
    assert_eq!(count(NodeKind::Post), 3);
    assert_eq!(count(NodeKind::Person), 2);
    assert_eq!(count(NodeKind::Tenure), 2);
    assert_eq!(count(NodeKind::Jurisdiction), 1);
    assert_eq!(count(NodeKind::Site), 1);
    // Fuyou Street, Zhongnanhai, Xicheng District, Beijing.
    assert_eq!(count(NodeKind::Place), 4);
    // Seven listed, four from the prose, one on overseas listings.
    assert_eq!(count(NodeKind::Function), 12);
    assert_eq!(count(NodeKind::Website), 1);
    // Administrative agency, minister-level, directly affiliated
    // institution, General Offices.
    assert_eq!(count(NodeKind::Category), 4);
    assert_eq!(count(NodeKind::Event), 0);
    assert_eq!(g.nodes().filter(|(_, n)| from_the_article(n)).count(), 36);
    // The history adds the Government Administration Council, its
    // Secretary-General, fourteen persons (Wu Zhenglong is the article's),
    // fifteen tenures and the 1954 event.
    assert_eq!(g.node_count(), 36 + 1 + 1 + 14 + 15 + 1);
}

#[test]
fn fact_01_common_name_is_the_article_title() {
    let g = general_office();
    let o = office(&g);
    assert_eq!(
        o.labels.english(),
        Some("General Office of the State Council")
    );
    assert_eq!(
        o.labels.preferred(&Lang::en()),
        Some("General Office of the State Council")
    );
    assert_eq!(
        o.as_node().display_name(),
        "General Office of the State Council"
    );
}

#[test]
fn fact_02_full_name_is_an_english_alternate_label() {
    let g = general_office();
    let alternates: Vec<(&str, &str)> = office(&g)
        .data()
        .labels
        .alternates()
        .map(|l| (l.lang.as_str(), l.text.as_str()))
        .collect();
    assert_eq!(
        alternates,
        [(
            "en",
            "General Office of the State Council of the People's Republic of China"
        )]
    );
}

#[test]
fn fact_03_native_name_is_the_simplified_chinese_preferred_label() {
    let g = general_office();
    let o = office(&g);
    assert_eq!(
        o.labels.preferred(&Lang::zh_hans()),
        Some("中华人民共和国国务院办公厅")
    );
    // The tag is matched without regard to case.
    let tag = Lang::new("zh-Hans").expect("a BCP 47 tag");
    assert_eq!(o.labels.preferred(&tag), Some("中华人民共和国国务院办公厅"));
    let langs: Vec<&str> = o.labels.preferred_all().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        langs,
        ["en", "zh-hans"],
        "one preferred name per language, no more"
    );
}

#[test]
fn fact_04_logo_is_the_national_emblem_file_shown_110_px_wide() {
    let g = general_office();
    let logo = office(&g)
        .data()
        .details()
        .logo
        .as_ref()
        .expect("the infobox gives a logo");
    assert_eq!(
        logo.file,
        "National Emblem of the People's Republic of China (2).svg"
    );
    assert_eq!(logo.width_px, Some(110));
    assert!(
        logo.commons_url()
            .starts_with("https://commons.wikimedia.org/")
    );
}

#[test]
fn fact_05_formed_on_1949_09_27_to_the_day() {
    let g = general_office();
    let founded = office(&g).founded.expect("the infobox gives Formed");
    assert_eq!(founded, PartialDate::ymd(1949, 9, 27).expect("a real date"));
    assert_eq!(founded.precision(), DatePrecision::Day);
    assert_eq!(founded.to_string(), "1949-09-27");
    assert_eq!(office(&g).details().dissolved, None);
}

#[test]
fn fact_06_jurisdiction_is_the_state_council_of_china() {
    let g = general_office();
    let o = office(&g);
    assert_eq!(o.jurisdictions().len(), 1);
    let j = o.jurisdiction().expect("the infobox gives a jurisdiction");
    assert_eq!(j.labels.english(), Some("State Council of China"));
    assert_eq!(slugs(j.governing_bodies()), ["state-council"]);
    assert_eq!(slugs(j.organizations()), [OFFICE]);
    let council = g.org_by_slug("state-council").expect("in the dataset");
    assert_eq!(council.governs().collect::<Vec<_>>(), [j]);
}

#[test]
fn fact_07_headquarters_is_2_fuyou_street_zhongnanhai_xicheng_beijing() {
    let g = general_office();
    let o = office(&g);
    let hq = o.headquarters().expect("the infobox gives a headquarters");
    assert_eq!(
        hq.label,
        "2 Fuyou Street, Zhongnanhai, Xicheng District, Beijing"
    );
    assert_eq!(hq.address.street.as_deref(), Some("2 Fuyou Street"));
    assert_eq!(hq.address.locality.as_deref(), Some("Beijing"));
    assert_eq!(hq.organizations().collect::<Vec<_>>(), [o]);

    // The site lies in Fuyou Street and in Zhongnanhai ...
    let places: Vec<(String, Option<&str>, PlaceKind)> = hq
        .places()
        .map(|p| (p.slug().to_string(), p.data().labels.english(), p.kind))
        .collect();
    assert_eq!(
        places,
        [
            (
                "fuyou-street".to_owned(),
                Some("Fuyou Street"),
                PlaceKind::Street
            ),
            (
                "zhongnanhai".to_owned(),
                Some("Zhongnanhai"),
                PlaceKind::Compound
            ),
        ]
    );
    // ... both of which lie in Xicheng District, which lies in Beijing.
    for p in hq.places() {
        assert_eq!(
            slugs(p.contained_in()),
            ["xicheng-district"],
            "{}",
            p.slug()
        );
    }
    let xicheng = g.place_by_slug("xicheng-district").expect("in the dataset");
    assert_eq!(xicheng.labels.english(), Some("Xicheng District"));
    assert_eq!(xicheng.kind, PlaceKind::District);
    assert_eq!(slugs(xicheng.contained_in()), ["beijing"]);
    let beijing = g.place_by_slug("beijing").expect("in the dataset");
    assert_eq!(beijing.labels.english(), Some("Beijing"));
    assert_eq!(beijing.kind, PlaceKind::City);
    assert_eq!(
        beijing.contained_in().count(),
        0,
        "the article stops at Beijing"
    );
}

#[test]
fn fact_08_chief_is_wu_zhenglong_secretary_general() {
    let g = general_office();
    let o = office(&g);
    let heads: Vec<Option<&str>> = o.heads().map(|p| p.data().labels.english()).collect();
    assert_eq!(heads, [Some("Wu Zhenglong")]);
    let head_posts: Vec<_> = o.head_posts().collect();
    assert_eq!(head_posts.len(), 1);
    let sg = head_posts[0];
    assert_eq!(
        sg.labels.english(),
        Some("Secretary-General of the State Council")
    );
    assert_eq!(sg.organization(), Some(o));
    // The article's chief is the holder in force; the earlier holders are
    // the history's.
    let current = sg
        .tenures()
        .filter(|t| t.is_current())
        .filter_map(govgraph::TenureRef::person);
    assert_eq!(slugs(current), ["wu-zhenglong"]);
    let wu = g.person_by_slug("wu-zhenglong").expect("in the dataset");
    assert_eq!(wu.posts().collect::<Vec<_>>(), [sg]);
}

#[test]
fn fact_09_wang_zhijun_is_the_minister_level_executive_deputy() {
    let g = general_office();
    let wang = g.person_by_slug("wang-zhijun").expect("in the dataset");
    assert_eq!(wang.labels.english(), Some("Wang Zhijun"));
    let posts: Vec<_> = wang.posts().collect();
    assert_eq!(posts.len(), 1);
    let post = posts[0];
    assert_eq!(
        post.labels.english(),
        Some("Executive Deputy Secretary-General of the State Council")
    );
    assert!(!post.heads, "the deputy does not head the office");
    assert_eq!(post.organization(), Some(office(&g)));
    let rank = post.rank().expect("the infobox says minister-level");
    assert_eq!(rank.labels.english(), Some("minister-level"));
    assert_eq!(rank.kind, CategoryKind::Rank);
    assert_eq!(rank.members().collect::<Vec<_>>(), [post.as_node()]);
    assert!(office(&g).heads().all(|h| h != wang));
}

#[test]
fn fact_10_an_administrative_agency_of_the_state_council() {
    let g = general_office();
    let o = office(&g);
    assert_eq!(o.kind, OrgKind::Agency);
    let parent = o.parent().expect("the State Council is its parent");
    assert_eq!(parent.slug().as_str(), "state-council");
    assert_eq!(parent.labels.english(), Some("State Council"));
    assert_eq!(parent.kind, OrgKind::GoverningBody);
    assert!(parent.sub_organizations().any(|c| c == o));
    assert_eq!(slugs(o.ancestors()), ["state-council"]);
    let types: Vec<(Option<&str>, CategoryKind)> = o
        .categories()
        .filter(|c| c.kind == CategoryKind::BodyType)
        .map(|c| (c.data().labels.english(), c.kind))
        .collect();
    assert_eq!(
        types,
        [(Some("Administrative agency"), CategoryKind::BodyType)]
    );
    let description = o.details().description.as_deref().expect("a description");
    assert!(
        description.contains("administrative agency"),
        "{description}"
    );
    assert!(description.contains("daily running"), "{description}");
}

/// For each function, words its statement must hold, lowercased.
const FUNCTION_WORDS: [(u32, &[&str]); 12] = [
    (1, &["meetings", "decisions"]),
    (2, &["prepare", "audit", "documents"]),
    (
        3,
        &["audits", "departments", "provinces", "autonomous regions"],
    ),
    (4, &["sensitive", "departments"]),
    (5, &["central", "local", "directives"]),
    (6, &["emergencies", "crises"]),
    (7, &["public relations", "people"]),
    (8, &["preparing", "meetings"]),
    (9, &["reviewing", "drafting", "documents"]),
    (10, &["studies", "government"]),
    (11, &["recommendations"]),
    (12, &["overseas", "stock", "listing"]),
];

#[test]
fn facts_11_to_13_twelve_functions_in_the_articles_order() {
    let g = general_office();
    let o = office(&g);
    let functions: Vec<_> = o.functions().collect();
    assert_eq!(functions.len(), 12);
    for (f, (position, words)) in functions.iter().zip(FUNCTION_WORDS) {
        assert_eq!(f.position, position);
        let text = f
            .labels
            .english()
            .expect("each function is stated in English")
            .to_lowercase();
        for w in words {
            assert!(text.contains(w), "function {position} lacks {w:?}: {text}");
        }
        assert_eq!(f.organization(), Some(o));
    }
    // Words that mark one function only, so the order cannot be shuffled.
    for (marker, position) in [
        ("decisions", 1),
        ("autonomous regions", 3),
        ("sensitive", 4),
        ("directives", 5),
        ("emergencies", 6),
        ("public relations", 7),
        ("recommendations", 11),
        ("overseas", 12),
    ] {
        let holders: Vec<u32> = functions
            .iter()
            .filter(|f| {
                f.labels
                    .english()
                    .is_some_and(|t| t.to_lowercase().contains(marker))
            })
            .map(|f| f.position)
            .collect();
        assert_eq!(holders, [position], "{marker:?}");
    }
}

#[test]
fn fact_14_gov_cn_is_run_by_the_office_and_is_the_councils_official_site() {
    let g = general_office();
    let site = g.website_by_slug("gov-cn").expect("in the dataset");
    assert_eq!(site.labels.english(), Some("gov.cn"));
    assert!(site.url().contains("gov.cn"), "{}", site.url());
    assert_eq!(slugs(site.publishers()), [OFFICE]);
    assert_eq!(slugs(site.official_site_of()), ["state-council"]);
    assert_eq!(
        site.maintainers().count(),
        0,
        "the article does not name gov.cn's operator"
    );
    let o = office(&g);
    assert_eq!(o.published_websites().collect::<Vec<_>>(), [site]);
    assert_eq!(o.official_websites().count(), 0, "it is the council's site");
    let council = o.parent().expect("the State Council");
    assert_eq!(council.official_websites().collect::<Vec<_>>(), [site]);
}

#[test]
fn fact_15_directly_affiliated_institution_is_the_network_operation_center() {
    let g = general_office();
    let o = office(&g);
    let institutions: Vec<_> = o.affiliated_institutions().collect();
    assert_eq!(institutions.len(), 1);
    let center = institutions[0];
    assert_eq!(
        center.labels.english(),
        Some("China Government Network Operation Center")
    );
    assert_eq!(center.kind, OrgKind::Institution);
    assert_eq!(center.parent(), Some(o));
    let categories: Vec<(Option<&str>, CategoryKind)> = center
        .categories()
        .map(|c| (c.data().labels.english(), c.kind))
        .collect();
    assert_eq!(
        categories,
        [(
            Some("Directly affiliated institution"),
            CategoryKind::BodyType
        )]
    );
}

#[test]
fn fact_16_see_also_names_the_related_bodies_and_posts() {
    let g = general_office();
    let related: Vec<(NodeKind, Option<&str>)> = office(&g)
        .related()
        .map(|n| (n.kind(), n.node().labels().and_then(|l| l.english())))
        .collect();
    assert_eq!(
        related,
        [
            (
                NodeKind::Post,
                Some("Secretary-General of the State Council")
            ),
            (NodeKind::Category, Some("General Offices")),
            (
                NodeKind::Organization,
                Some("General Office of the Chinese Communist Party")
            ),
            (
                NodeKind::Organization,
                Some("General Office of the Central Military Commission")
            ),
            (
                NodeKind::Post,
                Some("Deputy Secretary-General of the State Council")
            ),
            (
                NodeKind::Organization,
                Some("Office of the Premier of China")
            ),
        ],
        "the See also list, in graph order (the head post was inserted first, from the infobox)"
    );
    // The Secretary-General it names is the office's own head post.
    let sg = office(&g).head_posts().next().expect("a head post");
    assert!(office(&g).related().any(|n| n == sg.as_node()));
}

#[test]
fn fact_16_the_general_offices_group_has_exactly_the_three_general_offices() {
    let g = general_office();
    let group = g
        .category_by_slug("general-offices")
        .expect("in the dataset");
    assert_eq!(group.kind, CategoryKind::Grouping);
    assert_eq!(group.labels.english(), Some("General Offices"));
    let members: Vec<(NodeKind, Option<&str>)> = group
        .members()
        .map(|n| (n.kind(), n.node().labels().and_then(|l| l.english())))
        .collect();
    assert_eq!(
        members,
        [
            (
                NodeKind::Organization,
                Some("General Office of the State Council")
            ),
            (
                NodeKind::Organization,
                Some("General Office of the Chinese Communist Party")
            ),
            (
                NodeKind::Organization,
                Some("General Office of the Central Military Commission")
            ),
        ]
    );
    let party = g
        .org_by_slug("general-office-of-the-chinese-communist-party")
        .expect("in the dataset");
    assert_eq!(party.kind, OrgKind::PartyOrgan);
    let military = g
        .org_by_slug("general-office-of-the-central-military-commission")
        .expect("in the dataset");
    assert_eq!(military.kind, OrgKind::MilitaryOrgan);
}

#[test]
fn every_node_cites_the_article_or_the_historys_sources_and_only_them() {
    let g = general_office();
    let history = [
        SECRETARY_GENERAL_SOURCE,
        XIAO_JIE_SOURCE,
        STATE_COUNCIL_SOURCE,
    ];
    let mut both = Vec::new();
    for (id, node) in g.nodes() {
        let sources: Vec<&str> = node
            .sources()
            .iter()
            .map(govgraph::Source::as_str)
            .collect();
        assert!(!sources.is_empty(), "{id:?} {}", node.slug());
        for s in &sources {
            assert!(
                *s == GENERAL_OFFICE_SOURCE || history.contains(s),
                "{id:?} {} cites {s}",
                node.slug()
            );
        }
        if from_the_article(node) {
            // The article's source first; a history source after it only
            // where the history adds to the node.
            assert_eq!(sources[0], GENERAL_OFFICE_SOURCE);
            if sources.len() > 1 {
                both.push(node.slug().to_string());
            }
        }
    }
    assert_eq!(
        both,
        [
            "state-council",
            "secretary-general-of-the-state-council",
            "wu-zhenglong-secretary-general-of-the-state-council"
        ]
    );
    assert_eq!(
        GENERAL_OFFICE_SOURCE,
        "https://en.wikipedia.org/wiki/General_Office_of_the_State_Council"
    );
}

#[test]
fn what_the_article_does_not_say_is_left_out() {
    let g = general_office();
    // No Chinese names for the article's people or posts, no tenure dates,
    // no ids (the history's dates and two Chinese names are checked in
    // `dataset_history.rs`).
    let article = |n: NodeRef<'_>| n.node().sources().len() == 1 && from_the_article(n.node());
    for p in g
        .node_refs()
        .filter(|n| article(*n))
        .filter_map(NodeRef::as_person)
    {
        assert_eq!(p.labels.preferred_all().len(), 1, "{}", p.slug());
        assert_eq!(p.labels.alternates().len(), 0, "{}", p.slug());
    }
    for p in g
        .node_refs()
        .filter(|n| article(*n))
        .filter_map(NodeRef::as_post)
    {
        assert!(
            p.labels.preferred(&Lang::zh_hans()).is_none(),
            "{}",
            p.slug()
        );
    }
    for n in g.node_refs().filter(|n| article(*n)) {
        if let NodeRef::Tenure(t) = n {
            assert_eq!((t.start, t.end), (None, None), "{}", t.slug());
            assert!(t.is_current());
        }
    }
    for o in g.orgs() {
        assert!(o.details().same_as.is_empty(), "{}", o.slug());
    }
}

#[test]
fn find_by_label_ignores_latin_case_and_matches_chinese_exactly() {
    let g = general_office();
    let o = office(&g).as_node();
    for text in [
        "GENERAL OFFICE OF THE STATE COUNCIL",
        "general office of the state council",
        "  General Office of the State Council\n",
        "general office of the state council of the people's republic of china",
        "中华人民共和国国务院办公厅",
    ] {
        assert_eq!(g.find_by_label(text).collect::<Vec<_>>(), [o], "{text:?}");
    }
    // Traditional characters, or a part of the name, are other strings.
    assert_eq!(g.find_by_label("中華人民共和國國務院辦公廳").count(), 0);
    assert_eq!(g.find_by_label("国务院办公厅").count(), 0);
    assert_eq!(g.find_by_label("General Office").count(), 0);
    // One text can name several nodes, in insertion order: the council's
    // alternate label and the jurisdiction's name.
    assert_eq!(
        g.find_by_label("state council of china")
            .map(|n| n.to_string())
            .collect::<Vec<_>>(),
        ["org/state-council", "jurisdiction/state-council-of-china"]
    );
    // A site is found by its one-line address.
    assert_eq!(
        slugs(g.find_by_label("2 FUYOU STREET, ZHONGNANHAI, XICHENG DISTRICT, BEIJING")),
        ["general-office-of-the-state-council-headquarters"]
    );
}

#[test]
fn path_from_wang_zhijun_to_gov_cn_goes_through_his_post_and_the_office() {
    let g = general_office();
    let wang = g.person_by_slug("wang-zhijun").expect("in the dataset");
    let site = g.website_by_slug("gov-cn").expect("in the dataset");
    let path = g.path(wang.id(), site.id()).expect("connected");
    assert_path_is_real(&g, &path, wang.id().into(), site.id().into());
    assert_eq!(
        Some(path.len()),
        undirected_distance(&g, wang.id().into(), site.id().into()),
        "a shortest path"
    );
    // Person <- tenure -> post -> office <- website: the only chain of four.
    let steps: Vec<(String, Relation, bool, String)> = path
        .steps()
        .map(|s| (s.from.to_string(), s.relation, s.forward, s.to.to_string()))
        .collect();
    let tenure = "membership/wang-zhijun-executive-deputy-secretary-general-of-the-state-council";
    let post = "post/executive-deputy-secretary-general-of-the-state-council";
    let org = "org/general-office-of-the-state-council";
    assert_eq!(
        steps,
        [
            (
                "person/wang-zhijun".to_owned(),
                Relation::Holder,
                false,
                tenure.to_owned()
            ),
            (tenure.to_owned(), Relation::TenureOf, true, post.to_owned()),
            (post.to_owned(), Relation::PostIn, true, org.to_owned()),
            (
                org.to_owned(),
                Relation::PublishedBy,
                false,
                "website/gov-cn".to_owned()
            ),
        ]
    );
}

#[test]
fn the_deputy_secretary_general_post_sits_in_the_state_council_as_its_name_says() {
    let g = general_office();
    let post = g
        .post_by_slug("deputy-secretary-general-of-the-state-council")
        .expect("in the dataset");
    assert_eq!(
        post.organization().map(|o| o.slug().as_str()),
        Some("state-council")
    );
    assert!(!post.heads);
    assert_eq!(post.holders().count(), 0, "the article names no holder");
}
