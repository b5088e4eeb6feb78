//! Articles about bodies of the State Council written from public
//! encyclopedia articles (tests/fixtures/articles/state-council/): each
//! ingests to exactly the graph its lines state, with no title, date or
//! name the article does not give, except the titles reported as supplied.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use govgraph::ingest::{IngestReport, Ingested, Ingester};
use govgraph::{GovGraph, Labels, Node};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles/state-council")
        .join(name)
}

#[track_caller]
fn ingest(names: &[&str]) -> (GovGraph, IngestReport) {
    let mut ing = Ingester::new();
    for n in names {
        ing.ingest_path(fixture(n)).expect("the fixture ingests");
    }
    let Ingested { graph, report, .. } = ing.finish();
    (graph, report)
}

fn labels(l: &Labels) -> String {
    let mut parts: Vec<String> = l
        .preferred_all()
        .map(|(lang, t)| format!("{lang}:{t}"))
        .collect();
    parts.extend(l.alternates().map(|a| format!("alt {}:{}", a.lang, a.text)));
    parts.join(" | ")
}

/// Every node (kind/slug, labels and the facts this test file checks) and
/// every link, sorted.
fn describe(g: &GovGraph) -> Vec<String> {
    let key = |id| {
        g.get(id).map_or_else(String::new, |n: &Node| {
            format!("{}/{}", n.kind().segment(), n.slug())
        })
    };
    let mut out: Vec<String> = g
        .nodes()
        .map(|(id, n)| {
            let mut s = key(id);
            match n {
                Node::Organization(o) => {
                    let _ = write!(s, " [{}] {}", o.kind, labels(&o.labels));
                    if let Some(d) = o.founded {
                        let _ = write!(s, " founded {d}");
                    }
                    if let Some(d) = o.details().dissolved {
                        let _ = write!(s, " dissolved {d}");
                    }
                }
                Node::Post(p) => {
                    let _ = write!(s, " {}", labels(&p.labels));
                    if p.heads {
                        s += " (heads)";
                    }
                }
                Node::Person(p) => {
                    let _ = write!(s, " {}", labels(&p.labels));
                }
                Node::Tenure(t) => s.push_str(&tenure(t)),
                Node::Site(site) => {
                    let _ = write!(s, " {:?}", site.label);
                }
                other => {
                    let _ = write!(s, " {}", other.display_name());
                }
            }
            s
        })
        .collect();
    out.extend(
        g.links()
            .map(|(a, r, b)| format!("{} -{}-> {}", key(a), r.name(), key(b))),
    );
    out.sort();
    out
}

fn tenure(t: &govgraph::Tenure) -> String {
    let d = |d: Option<govgraph::PartialDate>| d.map_or_else(|| "-".to_owned(), |d| d.to_string());
    format!(" {} to {}", d(t.start), d(t.end))
}

#[track_caller]
fn assert_lines(got: &[String], want: &[&str]) {
    let got: Vec<&str> = got.iter().map(String::as_str).collect();
    assert_eq!(got, want, "\ngot:\n{}", got.join("\n"));
}

#[test]
fn a_ministry_whose_deputies_have_no_position() {
    let (g, report) = ingest(&["ministry-of-foreign-affairs.txt"]);
    // The three deputies, given no position, hold one post titled for
    // their role in the body (without the title's "(China)"); the minister
    // holds the post the article names, which heads the ministry.
    assert_lines(
        &describe(&g),
        &[
            "category/ministry Ministry",
            "jurisdiction/government-of-china Government of China",
            "membership/deng-li-deputy-minister-of-the-ministry-of-foreign-affairs - to -",
            "membership/deng-li-deputy-minister-of-the-ministry-of-foreign-affairs -holder-> person/deng-li",
            "membership/deng-li-deputy-minister-of-the-ministry-of-foreign-affairs -tenure_of-> post/deputy-minister-of-the-ministry-of-foreign-affairs",
            "membership/ma-zhaoxu-deputy-minister-of-the-ministry-of-foreign-affairs - to -",
            "membership/ma-zhaoxu-deputy-minister-of-the-ministry-of-foreign-affairs -holder-> person/ma-zhaoxu",
            "membership/ma-zhaoxu-deputy-minister-of-the-ministry-of-foreign-affairs -tenure_of-> post/deputy-minister-of-the-ministry-of-foreign-affairs",
            "membership/sun-weidong-deputy-minister-of-the-ministry-of-foreign-affairs - to -",
            "membership/sun-weidong-deputy-minister-of-the-ministry-of-foreign-affairs -holder-> person/sun-weidong",
            "membership/sun-weidong-deputy-minister-of-the-ministry-of-foreign-affairs -tenure_of-> post/deputy-minister-of-the-ministry-of-foreign-affairs",
            "membership/wang-yi-minister-of-foreign-affairs - to -",
            "membership/wang-yi-minister-of-foreign-affairs -holder-> person/wang-yi",
            "membership/wang-yi-minister-of-foreign-affairs -tenure_of-> post/minister-of-foreign-affairs",
            "org/ministry-of-foreign-affairs-china -classification-> category/ministry",
            "org/ministry-of-foreign-affairs-china -has_jurisdiction-> jurisdiction/government-of-china",
            "org/ministry-of-foreign-affairs-china -official_website-> website/www-fmprc-gov-cn",
            "org/ministry-of-foreign-affairs-china -sub_organization_of-> org/state-council",
            "org/ministry-of-foreign-affairs-china [agency] en:Ministry of Foreign Affairs (China) | zh-hans:中华人民共和国外交部 | alt en:Ministry of Foreign Affairs of the People's Republic of China founded 1949-11",
            "org/state-council [governing_body] en:State Council",
            "person/deng-li en:Deng Li",
            "person/ma-zhaoxu en:Ma Zhaoxu",
            "person/sun-weidong en:Sun Weidong",
            "person/wang-yi en:Wang Yi",
            "post/deputy-minister-of-the-ministry-of-foreign-affairs -post_in-> org/ministry-of-foreign-affairs-china",
            "post/deputy-minister-of-the-ministry-of-foreign-affairs en:Deputy Minister of the Ministry of Foreign Affairs",
            "post/minister-of-foreign-affairs -post_in-> org/ministry-of-foreign-affairs-china",
            "post/minister-of-foreign-affairs en:Minister of Foreign Affairs (heads)",
            "website/www-fmprc-gov-cn www.fmprc.gov.cn",
        ],
    );
    let supplied: Vec<String> = report
        .supplied_titles()
        .map(|t| format!("{} {} {:?}", t.at, t.role, t.title))
        .collect();
    let title = "\"Deputy Minister of the Ministry of Foreign Affairs\"";
    assert_eq!(
        supplied,
        [11, 12, 13]
            .map(|l| format!("Ministry of Foreign Affairs (China):{l} deputy minister {title}"))
    );
    assert_eq!(
        report.warnings().count() + report.ignored().count() + report.conflicts().count(),
        0,
        "{report}"
    );
}

#[test]
fn several_names_in_one_field_hold_one_post() {
    let (g, report) = ingest(&["general-office-deputies.txt"]);
    // Three people hold the post as the article writes it, in the plural:
    // the article gives no singular ("Deputy Secretary-General") to use.
    assert_lines(
        &describe(&g),
        &[
            "membership/hu-xiaoli-deputy-secretaries-general - to -",
            "membership/hu-xiaoli-deputy-secretaries-general -holder-> person/hu-xiaoli",
            "membership/hu-xiaoli-deputy-secretaries-general -tenure_of-> post/deputy-secretaries-general",
            "membership/ouyang-changqiong-deputy-secretaries-general - to -",
            "membership/ouyang-changqiong-deputy-secretaries-general -holder-> person/ouyang-changqiong",
            "membership/ouyang-changqiong-deputy-secretaries-general -tenure_of-> post/deputy-secretaries-general",
            "membership/song-rui-deputy-secretaries-general - to -",
            "membership/song-rui-deputy-secretaries-general -holder-> person/song-rui",
            "membership/song-rui-deputy-secretaries-general -tenure_of-> post/deputy-secretaries-general",
            "membership/wu-zhenglong-secretary-general-of-the-state-council - to -",
            "membership/wu-zhenglong-secretary-general-of-the-state-council -holder-> person/wu-zhenglong",
            "membership/wu-zhenglong-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "org/general-office-of-the-state-council -see_also-> post/secretary-general-of-the-state-council",
            "org/general-office-of-the-state-council -sub_organization_of-> org/state-council-of-the-peoples-republic-of-china",
            "org/general-office-of-the-state-council [agency] en:General Office of the State Council | zh-hans:国务院办公厅",
            "org/state-council-of-the-peoples-republic-of-china [governing_body] en:State Council of the People's Republic of China",
            "person/hu-xiaoli en:Hu Xiaoli",
            "person/ouyang-changqiong en:Ouyang Changqiong",
            "person/song-rui en:Song Rui",
            "person/wu-zhenglong en:Wu Zhenglong",
            "post/deputy-secretaries-general -post_in-> org/general-office-of-the-state-council",
            "post/deputy-secretaries-general en:Deputy Secretaries-General",
            "post/secretary-general-of-the-state-council -post_in-> org/general-office-of-the-state-council",
            "post/secretary-general-of-the-state-council en:Secretary-General of the State Council (heads)",
        ],
    );
    assert_eq!(report.supplied_titles().count(), 0, "{report}");
    assert_eq!(
        report.warnings().count() + report.ignored().count() + report.conflicts().count(),
        0,
        "{report}"
    );
}

#[test]
fn a_plural_position_takes_the_singular_the_article_gives() {
    // Names made up for the test.
    let text = "= Office of Tests =\nInfobox\n\
        - Chief1 Name: Ann Example\n- Chief1 Position: Director\n\
        - Chief2 Name: Bo Example\n- Chief2 Position: Deputy Director (bureau-level)\n\
        - Chief3 Name: Cy Example and Di Example<br />Ed Example\n\
        - Chief3 Position: Deputy Directors (bureau-level)\n\
        - Chief4 Name: Fay Example; Gus Example\n- Chief4 Position: Assistant Directors\n";
    let mut ing = Ingester::new();
    ing.ingest_str("t.txt", text).expect("ingests");
    let Ingested { graph, report, .. } = ing.finish();
    let office = graph.org_by_slug("office-of-tests").expect("ingested");
    let mut posts: Vec<String> = office
        .posts()
        .map(|p| {
            let mut holders: Vec<&str> =
                p.holders().map(govgraph::PersonRef::display_name).collect();
            holders.sort_unstable();
            format!("{}: {}", p.display_name(), holders.join(", "))
        })
        .collect();
    posts.sort();
    assert_eq!(
        posts,
        [
            "Assistant Directors: Fay Example, Gus Example",
            "Deputy Director: Bo Example, Cy Example, Di Example, Ed Example",
            "Director: Ann Example",
        ]
    );
    assert_eq!(report.warnings().count(), 0, "{report}");
}

#[test]
fn two_articles_naming_one_body_differently_give_one_node() {
    // The ministry names its parent "State Council"; the council's own
    // article is titled "State Council of China" and declares "State
    // Council of the People's Republic of China", which the General Office
    // names as its parent.
    let names = [
        "ministry-of-foreign-affairs.txt",
        "state-council-of-china.txt",
        "general-office-deputies.txt",
    ];
    let (g, report) = ingest(&names);
    let councils: Vec<String> = g
        .nodes()
        .filter_map(|(_, n)| match n {
            Node::Organization(o) if o.labels.texts().any(|t| t.contains("State Council")) => {
                Some(format!("{} {}", o.slug, labels(&o.labels)))
            }
            _ => None,
        })
        .filter(|s| s.starts_with("state-council"))
        .collect();
    assert_eq!(
        councils,
        [
            "state-council en:State Council of China | zh-hans:中华人民共和国国务院 | alt en:State Council | alt en:State Council of the People's Republic of China"
        ]
    );
    let sc = g.org_by_slug("state-council").expect("one council");
    let mut children: Vec<&str> = sc.sub_organizations().map(|o| o.slug().as_str()).collect();
    children.sort_unstable();
    assert_eq!(
        children,
        [
            "general-office-of-the-state-council",
            "ministry-of-foreign-affairs-china"
        ]
    );
    let merged: Vec<String> = report
        .merged()
        .map(|m| format!("{} {:?} -> {}: {}", m.at, m.name, m.node, m.reason))
        .collect();
    assert_eq!(
        merged,
        [
            "State Council of China:1 \"State Council of China\" -> org/state-council: \
             the same name without a country qualifier, and no other body matches",
            "General Office of the State Council:6 \"State Council of the People's Republic of China\" \
             -> org/state-council: the same name",
        ]
    );
}

#[test]
fn bodies_an_article_tells_apart_stay_apart() {
    // Made-up bodies: an article's subject and its predecessor differ only
    // by the country qualifier; two titled articles likewise.
    let mut ing = Ingester::new();
    ing.ingest_str(
        "a.txt",
        "= Bureau of Tests of China =\nInfobox\n- Preceding1: Bureau of Tests\n",
    )
    .expect("ingests");
    ing.ingest_str("b.txt", "= Office of Trials (China) =\n")
        .expect("ingests");
    ing.ingest_str("c.txt", "= Office of Trials =\n")
        .expect("ingests");
    let Ingested { graph, report, .. } = ing.finish();
    let mut orgs: Vec<&str> = graph
        .nodes()
        .filter(|(_, n)| matches!(n, Node::Organization(_)))
        .map(|(_, n)| n.slug().as_str())
        .collect();
    orgs.sort_unstable();
    assert_eq!(
        orgs,
        [
            "bureau-of-tests",
            "bureau-of-tests-of-china",
            "office-of-trials",
            "office-of-trials-china"
        ]
    );
    assert_eq!(
        graph
            .org_by_slug("bureau-of-tests-of-china")
            .and_then(|o| o.replaces().next())
            .map(|o| o.slug().as_str()),
        Some("bureau-of-tests")
    );
    assert_eq!(report.merged().count(), 0, "{report}");
}

#[test]
fn a_post_article_with_a_table_of_holders() {
    let (g, report) = ingest(&["secretary-general-of-the-state-council.txt"]);
    assert_lines(&describe(&g), &[]);
    assert_eq!(report.warnings().count(), 0, "{report}");
}
