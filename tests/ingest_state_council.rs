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
                    if p.born.is_some() || p.died.is_some() {
                        let d = |d: Option<govgraph::PartialDate>| d.map(|d| d.to_string());
                        let _ = write!(
                            s,
                            " ({}–{})",
                            d(p.born).unwrap_or_default(),
                            d(p.died).unwrap_or_default()
                        );
                    }
                }
                Node::Event(e) => {
                    let _ = write!(s, " {:?}", e.kind);
                    if let Some(d) = e.date {
                        let _ = write!(s, " on {d}");
                    }
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

/// A tenure's dates: `-` for none recorded, `unknown` for a date that
/// exists but no source gives.
fn tenure(t: &govgraph::Tenure) -> String {
    let d = |d: Option<govgraph::Bound>| d.map_or_else(|| "-".to_owned(), |d| d.to_string());
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
#[expect(
    clippy::too_many_lines,
    reason = "the expected graph, one line per node and link"
)]
fn a_post_article_with_a_table_of_holders() {
    let (g, report) = ingest(&["secretary-general-of-the-state-council.txt"]);
    // The facts of HISTORY.md: the post of the Government Administration
    // Council, which the State Council's replaces; month-precise dates; Li
    // Weihan (the infobox's first holder) only in the post he held; the
    // vacancy of 1975-1979 as no tenure; Yang Jing's end not given
    // ("unknown"); Wu Zhenglong's tenure the infobox's incumbent's, from
    // its day-precise date; Chinese names from their column.
    assert_lines(
        &describe(&g),
        &[
            "membership/chen-junsheng-secretary-general-of-the-state-council -holder-> person/chen-junsheng",
            "membership/chen-junsheng-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/chen-junsheng-secretary-general-of-the-state-council 1985-09 to 1993-03",
            "membership/du-xingyuan-secretary-general-of-the-state-council -holder-> person/du-xingyuan",
            "membership/du-xingyuan-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/du-xingyuan-secretary-general-of-the-state-council 1982-05 to 1983-06",
            "membership/hua-jianmin-secretary-general-of-the-state-council -holder-> person/hua-jianmin",
            "membership/hua-jianmin-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/hua-jianmin-secretary-general-of-the-state-council 2003-03 to 2008-03",
            "membership/ji-pengfei-secretary-general-of-the-state-council -holder-> person/ji-pengfei",
            "membership/ji-pengfei-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/ji-pengfei-secretary-general-of-the-state-council 1980-02 to 1982-05",
            "membership/jin-ming-secretary-general-of-the-state-council -holder-> person/jin-ming",
            "membership/jin-ming-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/jin-ming-secretary-general-of-the-state-council 1979-06 to 1980-02",
            "membership/li-weihan-secretary-general-of-the-government-administration-council -holder-> person/li-weihan",
            "membership/li-weihan-secretary-general-of-the-government-administration-council -tenure_of-> post/secretary-general-of-the-government-administration-council",
            "membership/li-weihan-secretary-general-of-the-government-administration-council 1949-10 to 1953-09",
            "membership/luo-gan-secretary-general-of-the-state-council -holder-> person/luo-gan",
            "membership/luo-gan-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/luo-gan-secretary-general-of-the-state-council 1993-03 to 1998-03",
            "membership/ma-kai-secretary-general-of-the-state-council -holder-> person/ma-kai",
            "membership/ma-kai-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/ma-kai-secretary-general-of-the-state-council 2008-03 to 2013-03",
            "membership/tian-jiyun-secretary-general-of-the-state-council -holder-> person/tian-jiyun",
            "membership/tian-jiyun-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/tian-jiyun-secretary-general-of-the-state-council 1983-06 to 1985-09",
            "membership/wang-zhongyu-secretary-general-of-the-state-council -holder-> person/wang-zhongyu",
            "membership/wang-zhongyu-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/wang-zhongyu-secretary-general-of-the-state-council 1998-03 to 2003-03",
            "membership/wu-zhenglong-secretary-general-of-the-state-council -holder-> person/wu-zhenglong",
            "membership/wu-zhenglong-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/wu-zhenglong-secretary-general-of-the-state-council 2023-03-12 to -",
            "membership/xi-zhongxun-secretary-general-of-the-government-administration-council -holder-> person/xi-zhongxun",
            "membership/xi-zhongxun-secretary-general-of-the-government-administration-council -tenure_of-> post/secretary-general-of-the-government-administration-council",
            "membership/xi-zhongxun-secretary-general-of-the-government-administration-council 1953-09 to 1954-09",
            "membership/xi-zhongxun-secretary-general-of-the-state-council -holder-> person/xi-zhongxun",
            "membership/xi-zhongxun-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/xi-zhongxun-secretary-general-of-the-state-council 1954-09 to 1965-01",
            "membership/xiao-jie-secretary-general-of-the-state-council -holder-> person/xiao-jie",
            "membership/xiao-jie-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/xiao-jie-secretary-general-of-the-state-council 2018-03-19 to 2023-03-12",
            "membership/yang-jing-secretary-general-of-the-state-council -holder-> person/yang-jing",
            "membership/yang-jing-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/yang-jing-secretary-general-of-the-state-council 2013-03 to unknown",
            "membership/zhou-rongxin-secretary-general-of-the-state-council -holder-> person/zhou-rongxin",
            "membership/zhou-rongxin-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council",
            "membership/zhou-rongxin-secretary-general-of-the-state-council 1965-01 to 1975-01",
            "org/general-office-of-the-state-council [agency] en:General Office of the State Council",
            "org/government-administration-council [agency] en:Government Administration Council",
            "person/chen-junsheng en:Chen Junsheng | zh-hans:陈俊生",
            "person/du-xingyuan en:Du Xingyuan | zh-hans:杜星垣",
            "person/hua-jianmin en:Hua Jianmin",
            "person/ji-pengfei en:Ji Pengfei",
            "person/jin-ming en:Jin Ming",
            "person/li-weihan en:Li Weihan",
            "person/luo-gan en:Luo Gan",
            "person/ma-kai en:Ma Kai",
            "person/tian-jiyun en:Tian Jiyun",
            "person/wang-zhongyu en:Wang Zhongyu",
            "person/wu-zhenglong en:Wu Zhenglong",
            "person/xi-zhongxun en:Xi Zhongxun",
            "person/xiao-jie en:Xiao Jie",
            "person/yang-jing en:Yang Jing",
            "person/zhou-rongxin en:Zhou Rongxin",
            "post/secretary-general-of-the-government-administration-council -post_in-> org/government-administration-council",
            "post/secretary-general-of-the-government-administration-council en:Secretary-General of the Government Administration Council",
            "post/secretary-general-of-the-state-council -post_in-> org/general-office-of-the-state-council",
            "post/secretary-general-of-the-state-council -replaces-> post/secretary-general-of-the-government-administration-council",
            "post/secretary-general-of-the-state-council en:Secretary-General of the State Council | zh-hans:国务院秘书长",
        ],
    );
    let post = g
        .post_by_slug("secretary-general-of-the-state-council")
        .expect("the post");
    assert_eq!(
        post.description.as_deref(),
        Some(
            "The post that leads the General Office of the State Council and answers for \
             the State Council's day-to-day work."
        )
    );
    // The infobox's Formation is the post's formation date.
    assert_eq!(
        post.formed.map(|d| d.to_string()).as_deref(),
        Some("1949-10-19")
    );
    assert_eq!(post.abolished, None);
    let ignored: Vec<String> = report
        .ignored()
        .map(|i| format!("{}: {}: {}", i.at.line, i.key, i.reason))
        .collect();
    assert_eq!(
        ignored,
        [
            "13: Before the State Council existed, its place was taken by the Secretary-General \
             of the Government Administration Council of the Central People's Government.: \
             prose is not mined for facts (only the first paragraph, as the description)",
        ]
    );
    // The vacancy is read, at its line.
    assert!(
        report
            .provenance()
            .any(|p| p.fact == govgraph::ingest::Fact::Vacancy && p.at.line == 28)
    );
    assert_eq!(
        report.warnings().count() + report.conflicts().count(),
        0,
        "{report}"
    );
}

#[test]
fn a_body_with_a_numbered_list_of_past_leaders() {
    let (g, report) = ingest(&["state-council-of-china.txt"]);
    // "Premiers" lists the holders of the post the infobox calls "Premier"
    // (its singular, which the article gives); the sub-heading of the
    // Government Administration Council names the post it replaced, in
    // the body the infobox's "Preceding1" names with its years. Day-precise
    // dates as written; "Incumbent" leaves Li Qiang's tenure running, and
    // it is the infobox's.
    assert_lines(
        &describe(&g),
        &[
            "event/state-council-of-china-reorganization -original_organization-> org/government-administration-council",
            "event/state-council-of-china-reorganization -resulting_organization-> org/state-council-of-china",
            "event/state-council-of-china-reorganization Replacement on 1954-09-27",
            "membership/hua-guofeng-premier -holder-> person/hua-guofeng",
            "membership/hua-guofeng-premier -tenure_of-> post/premier",
            "membership/hua-guofeng-premier 1976-02-02 to 1980-09-10",
            "membership/li-keqiang-premier -holder-> person/li-keqiang",
            "membership/li-keqiang-premier -tenure_of-> post/premier",
            "membership/li-keqiang-premier 2013-03-15 to 2023-03-11",
            "membership/li-peng-premier -holder-> person/li-peng",
            "membership/li-peng-premier -tenure_of-> post/premier",
            "membership/li-peng-premier 1987-11-24 to 1998-03-17",
            "membership/li-qiang-premier -holder-> person/li-qiang",
            "membership/li-qiang-premier -tenure_of-> post/premier",
            "membership/li-qiang-premier 2023-03-11 to -",
            "membership/wen-jiabao-premier -holder-> person/wen-jiabao",
            "membership/wen-jiabao-premier -tenure_of-> post/premier",
            "membership/wen-jiabao-premier 2003-03-16 to 2013-03-15",
            "membership/zhao-ziyang-premier -holder-> person/zhao-ziyang",
            "membership/zhao-ziyang-premier -tenure_of-> post/premier",
            "membership/zhao-ziyang-premier 1980-09-10 to 1987-11-24",
            "membership/zhou-enlai-premier -holder-> person/zhou-enlai",
            "membership/zhou-enlai-premier -tenure_of-> post/premier",
            "membership/zhou-enlai-premier 1954-09-27 to 1976-01-08",
            "membership/zhou-enlai-premier-of-the-government-administration-council -holder-> person/zhou-enlai",
            "membership/zhou-enlai-premier-of-the-government-administration-council -tenure_of-> post/premier-of-the-government-administration-council",
            "membership/zhou-enlai-premier-of-the-government-administration-council 1949-10-01 to 1954-09-27",
            "membership/zhu-rongji-premier -holder-> person/zhu-rongji",
            "membership/zhu-rongji-premier -tenure_of-> post/premier",
            "membership/zhu-rongji-premier 1998-03-17 to 2003-03-16",
            "org/government-administration-council [agency] en:Government Administration Council founded 1949 dissolved 1954",
            "org/state-council-of-china -replaces-> org/government-administration-council",
            "org/state-council-of-china [governing_body] en:State Council of China | zh-hans:中华人民共和国国务院 | alt en:State Council of the People's Republic of China founded 1954-09-27",
            "person/hua-guofeng en:Hua Guofeng",
            "person/li-keqiang en:Li Keqiang",
            "person/li-peng en:Li Peng",
            "person/li-qiang en:Li Qiang",
            "person/wen-jiabao en:Wen Jiabao",
            "person/zhao-ziyang en:Zhao Ziyang",
            "person/zhou-enlai en:Zhou Enlai",
            "person/zhu-rongji en:Zhu Rongji",
            "post/premier -post_in-> org/state-council-of-china",
            "post/premier -replaces-> post/premier-of-the-government-administration-council",
            "post/premier en:Premier | alt en:Premier of the State Council (heads)",
            "post/premier-of-the-government-administration-council -post_in-> org/government-administration-council",
            "post/premier-of-the-government-administration-council en:Premier of the Government Administration Council",
        ],
    );
    assert_eq!(
        report.warnings().count() + report.ignored().count() + report.conflicts().count(),
        0,
        "{report}"
    );
}

#[test]
fn reorganization_facts_give_dated_links_and_events() {
    let (g, report) = ingest(&["state-development-planning-commission.txt"]);
    // "Preceding1: State Planning Commission (1952–1998)" gives the
    // predecessor its years and an event dated the commission's founding;
    // "Superseding1" an event dated its dissolution.
    assert_lines(
        &describe(&g),
        &[
            "category/commission Commission",
            "event/national-development-and-reform-commission-reorganization -original_organization-> org/state-development-planning-commission",
            "event/national-development-and-reform-commission-reorganization -resulting_organization-> org/national-development-and-reform-commission",
            "event/national-development-and-reform-commission-reorganization Replacement on 2003-03",
            "event/state-development-planning-commission-reorganization -original_organization-> org/state-planning-commission",
            "event/state-development-planning-commission-reorganization -resulting_organization-> org/state-development-planning-commission",
            "event/state-development-planning-commission-reorganization Replacement on 1998-03",
            "org/national-development-and-reform-commission -replaces-> org/state-development-planning-commission",
            "org/national-development-and-reform-commission [agency] en:National Development and Reform Commission",
            "org/state-council [governing_body] en:State Council",
            "org/state-development-planning-commission -classification-> category/commission",
            "org/state-development-planning-commission -replaces-> org/state-planning-commission",
            "org/state-development-planning-commission -sub_organization_of-> org/state-council",
            "org/state-development-planning-commission [agency] en:State Development Planning Commission | zh-hans:国家发展计划委员会 founded 1998-03 dissolved 2003-03",
            "org/state-planning-commission [agency] en:State Planning Commission founded 1952 dissolved 1998",
        ],
    );
    assert_eq!(
        report.warnings().count() + report.ignored().count() + report.conflicts().count(),
        0,
        "{report}"
    );
}

#[test]
fn the_directory_gives_one_graph() {
    let mut ing = Ingester::new();
    ing.ingest_path(fixture("")).expect("the directory ingests");
    let Ingested { graph, report, .. } = ing.finish();
    assert_eq!(report.articles().count(), 5);
    assert_eq!(
        report.warnings().count() + report.conflicts().count(),
        0,
        "{report}"
    );
    let merged: Vec<String> = report
        .merged()
        .map(|m| format!("{} {:?} -> {}: {}", m.at, m.name, m.node, m.reason))
        .collect();
    let council = "org/state-council-of-the-peoples-republic-of-china";
    assert_eq!(
        merged,
        [
            format!(
                "Ministry of Foreign Affairs (China):14 \"State Council\" -> {council}: \
                 the same name without a country qualifier, and no other body matches"
            ),
            "Secretary-General of the State Council:1 \"Secretary-General of the State Council\" \
             -> post/secretary-general-of-the-state-council: the same name"
                .to_owned(),
            "Secretary-General of the State Council:5 \"General Office of the State Council\" \
             -> org/general-office-of-the-state-council: the same name"
                .to_owned(),
            "Secretary-General of the State Council:6 \"Wu Zhenglong\" -> person/wu-zhenglong: \
             the same name"
                .to_owned(),
            format!(
                "State Council of China:1 \"State Council of the People's Republic of China\" \
                 -> {council}: a name the article declares for it"
            ),
            "State Council of China:7 \"Government Administration Council\" \
             -> org/government-administration-council: the same name"
                .to_owned(),
            format!(
                "State Development Planning Commission:10 \"State Council\" -> {council}: the same name"
            ),
        ]
    );
    // One State Council, parent of the three bodies that name it three
    // ways, and one Secretary-General, in the General Office, held by
    // Wu Zhenglong once.
    let sc = graph
        .org_by_slug("state-council-of-the-peoples-republic-of-china")
        .expect("the council");
    assert_eq!(sc.labels.english(), Some("State Council of China"));
    let mut children: Vec<&str> = sc.sub_organizations().map(|o| o.slug().as_str()).collect();
    children.sort_unstable();
    assert_eq!(
        children,
        [
            "general-office-of-the-state-council",
            "ministry-of-foreign-affairs-china",
            "state-development-planning-commission"
        ]
    );
    let sg = graph
        .post_by_slug("secretary-general-of-the-state-council")
        .expect("the post");
    assert_eq!(
        sg.organization().map(|o| o.slug().as_str()),
        Some("general-office-of-the-state-council")
    );
    assert_eq!(
        sg.holders()
            .filter(|p| p.slug().as_str() == "wu-zhenglong")
            .count(),
        1
    );
}
