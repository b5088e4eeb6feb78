//! The General Office of the State Council of the People's Republic of
//! China: every fact of its English Wikipedia article, each node citing it,
//! and the history of its head post (in `history.rs`).

mod history;

pub use history::{SECRETARY_GENERAL_SOURCE, STATE_COUNCIL_SOURCE, XIAO_JIE_SOURCE};

use crate::{
    Address, Category, CategoryKind, Function, GovGraph, GraphError, Jurisdiction, Labels, Lang,
    Logo, OrgKind, Organization, PartialDate, Person, Place, PlaceKind, Post, Relation, Site, Slug,
    Source, Tenure, Website,
};

/// The article every fact of [`general_office`] comes from.
pub const GENERAL_OFFICE_SOURCE: &str =
    "https://en.wikipedia.org/wiki/General_Office_of_the_State_Council";

/// The General Office of the State Council of the People's Republic of
/// China, its parent, posts, office holders, headquarters, functions,
/// website, affiliated institution and the bodies its article names as
/// related.
///
/// With them, the history of the head post, the Secretary-General of the
/// State Council: its fourteen holders with the dates of their tenures
/// (and the vacancy of 1975 to 1979 between them), the post it replaced in
/// the Government Administration Council of the Central People's
/// Government, that council's two secretaries-general, and the 1954
/// event in which the State Council took the council's place.
///
/// Every node of the article's facts cites [`GENERAL_OFFICE_SOURCE`]; every
/// fact of the history cites [`SECRETARY_GENERAL_SOURCE`],
/// [`XIAO_JIE_SOURCE`] or [`STATE_COUNCIL_SOURCE`] on the node that holds
/// it (a node both name cites both). Descriptions and functions are
/// restated in the project's own words. Nothing the sources do not say is
/// filled in: Chinese names the sources do not give, days where they give
/// a month, Yang Jing's end date and external ids are left empty. Two
/// small choices are ours: gov.cn's address is written
/// `https://gov.cn/` from the domain the article names, and the Deputy
/// Secretary-General post from the "See also" list, for which the article
/// gives no body, is placed in the State Council, as its name says.
///
/// ```
/// let g = govgraph::datasets::general_office();
/// let office = g.org_by_slug("general-office-of-the-state-council").expect("in the dataset");
/// let heads: Vec<&str> = office.heads().map(|p| p.display_name()).collect();
/// assert_eq!(heads, ["Wu Zhenglong"]);
/// assert_eq!(office.functions().count(), 12);
/// let sg = g.post_by_slug("secretary-general-of-the-state-council").expect("in the dataset");
/// let on = |d: &str| d.parse::<govgraph::PartialDate>().expect("a date");
/// let who = |d| sg.holders_on(on(d)).map(|p| p.display_name()).collect::<Vec<_>>();
/// assert_eq!(who("1980-03-01"), ["Ji Pengfei"]);
/// assert!(who("1977-06-01").is_empty(), "vacant from 1975 to 1979");
/// ```
///
/// # Panics
/// Never: the data is fixed and a test builds it.
pub fn general_office() -> GovGraph {
    build().expect("the built-in General Office dataset is valid")
}

fn slug(s: &str) -> Slug {
    Slug::new(s).expect("built-in slugs are valid")
}

#[expect(
    clippy::too_many_lines,
    reason = "one fact after another, in the article's order"
)]
fn build() -> Result<GovGraph, GraphError> {
    let src = Source::new(GENERAL_OFFICE_SOURCE).expect("the source IRI is valid");
    let mut g = GovGraph::new();

    // The parent body and the jurisdiction (infobox Jurisdiction; first paragraph).
    let council = g.insert_org(
        Organization::new(
            slug("state-council"),
            OrgKind::GoverningBody,
            "State Council",
        )
        .with_labels(
            Labels::en("State Council").with_alternate(Lang::en(), "State Council of China"),
        )
        .with_description("The body the General Office works for as its administrative agency.")
        .with_source(src.clone()),
    )?;
    let jurisdiction = g.insert_jurisdiction(
        Jurisdiction::new(slug("state-council-of-china"), "State Council of China")
            .with_description("The jurisdiction the article gives for the General Office.")
            .with_source(src.clone()),
    )?;
    g.link(jurisdiction, Relation::GoverningBody, council)?;

    // The agency itself (title, infobox).
    let office = g.add_sub_org(
        council,
        Organization::new(
            slug("general-office-of-the-state-council"),
            OrgKind::Agency,
            "General Office of the State Council",
        )
        .with_labels(
            Labels::en("General Office of the State Council")
                .with_preferred(Lang::zh_hans(), "中华人民共和国国务院办公厅")
                .with_alternate(
                    Lang::en(),
                    "General Office of the State Council of the People's Republic of China",
                ),
        )
        .with_description(
            "The State Council's administrative agency. It supports the council's leaders in \
             the daily running of China's central government: it readies council meetings, \
             handles council documents, studies policy questions and advises the council.",
        )
        .with_founded(PartialDate::ymd(1949, 9, 27).expect("a real date"))
        .with_logo(
            Logo::new("National Emblem of the People's Republic of China (2).svg")
                .with_width_px(110),
        )
        .with_source(src.clone()),
    )?;
    g.link(office, Relation::HasJurisdiction, jurisdiction)?;
    let agency_type = g.insert_category(
        Category::new(
            slug("administrative-agency"),
            CategoryKind::BodyType,
            "Administrative agency",
        )
        .with_source(src.clone()),
    )?;
    g.link(office, Relation::Classification, agency_type)?;

    // Headquarters: 2 Fuyou Street, Zhongnanhai, Xicheng District, Beijing.
    let beijing = g.insert_place(
        Place::new(slug("beijing"), PlaceKind::City, "Beijing").with_source(src.clone()),
    )?;
    let xicheng = g.insert_place(
        Place::new(
            slug("xicheng-district"),
            PlaceKind::District,
            "Xicheng District",
        )
        .with_source(src.clone()),
    )?;
    g.link(xicheng, Relation::ContainedIn, beijing)?;
    let fuyou = g.insert_place(
        Place::new(slug("fuyou-street"), PlaceKind::Street, "Fuyou Street")
            .with_source(src.clone()),
    )?;
    g.link(fuyou, Relation::ContainedIn, xicheng)?;
    let zhongnanhai = g.insert_place(
        Place::new(slug("zhongnanhai"), PlaceKind::Compound, "Zhongnanhai")
            .with_source(src.clone()),
    )?;
    g.link(zhongnanhai, Relation::ContainedIn, xicheng)?;
    let hq = g.add_headquarters(
        office,
        Site::new(
            slug("general-office-of-the-state-council-headquarters"),
            "2 Fuyou Street, Zhongnanhai, Xicheng District, Beijing",
        )
        .with_address(
            Address::new()
                .with_street("2 Fuyou Street")
                .with_locality("Beijing"),
        )
        .with_source(src.clone()),
    )?;
    g.link(hq, Relation::ContainedIn, fuyou)?;
    g.link(hq, Relation::ContainedIn, zhongnanhai)?;

    // Leaders (infobox Chief1, Chief2).
    let sg = g.add_post(
        office,
        Post::new(
            slug("secretary-general-of-the-state-council"),
            "Secretary-General of the State Council",
        )
        .head()
        .with_source(src.clone()),
    )?;
    let wu = g.insert_person(
        Person::new(slug("wu-zhenglong"), "Wu Zhenglong").with_source(src.clone()),
    )?;
    let wu_tenure = g.appoint(
        wu,
        sg,
        Tenure::new(slug("wu-zhenglong-secretary-general-of-the-state-council"))
            .with_source(src.clone()),
    )?;
    let edsg = g.add_post(
        office,
        Post::new(
            slug("executive-deputy-secretary-general-of-the-state-council"),
            "Executive Deputy Secretary-General of the State Council",
        )
        .with_source(src.clone()),
    )?;
    let minister_level = g.insert_category(
        Category::new(slug("minister-level"), CategoryKind::Rank, "minister-level")
            .with_source(src.clone()),
    )?;
    g.link(edsg, Relation::Rank, minister_level)?;
    let wang =
        g.insert_person(Person::new(slug("wang-zhijun"), "Wang Zhijun").with_source(src.clone()))?;
    g.appoint(
        wang,
        edsg,
        Tenure::new(slug(
            "wang-zhijun-executive-deputy-secretary-general-of-the-state-council",
        ))
        .with_source(src.clone()),
    )?;

    // Functions: the numbered list, then the duties the prose adds.
    let functions = [
        "Prepares meetings of the State Council so that its leadership can reach decisions on matters of state.",
        "Helps the leadership prepare, audit and issue documents.",
        "Consults and reports to the State Council's leaders, for their approval, on audits of State Council departments, municipalities, provinces and autonomous regions.",
        "Advises the State Council on sensitive matters that arise between its departments.",
        "Manages relations between the central government and local authorities in carrying out State Council directives.",
        "Helps the State Council coordinate its response to national emergencies and major crises.",
        "Handles public relations directly with the people.",
        "Assists in preparing meetings of the State Council.",
        "Assists the State Council's leadership in reviewing and drafting State Council documents.",
        "Studies questions of government.",
        "Makes recommendations to the State Council.",
        "Helps regulate the listing of Chinese companies on overseas stock markets.",
    ];
    for (i, text) in functions.iter().enumerate() {
        g.add_function(
            office,
            Function::new(
                slug(&format!("general-office-of-the-state-council-{}", i + 1)),
                *text,
            )
            .with_source(src.clone()),
        )?;
    }

    // gov.cn: run by the General Office, the official website of the State Council.
    let gov_cn = g.insert_website(
        Website::new(slug("gov-cn"), "https://gov.cn/", "gov.cn")
            .expect("a valid IRI")
            .with_source(src.clone()),
    )?;
    g.link(gov_cn, Relation::PublishedBy, office)?;
    g.link(council, Relation::OfficialWebsite, gov_cn)?;

    // Organization: the directly affiliated institution.
    let affiliated = g.insert_category(
        Category::new(
            slug("directly-affiliated-institution"),
            CategoryKind::BodyType,
            "Directly affiliated institution",
        )
        .with_source(src.clone()),
    )?;
    let center = g.add_sub_org(
        office,
        Organization::new(
            slug("china-government-network-operation-center"),
            OrgKind::Institution,
            "China Government Network Operation Center",
        )
        .with_source(src.clone()),
    )?;
    g.link(center, Relation::Classification, affiliated)?;

    // See also: the General Offices group, the two posts, the Premier's office.
    let group = g.insert_category(
        Category::new(
            slug("general-offices"),
            CategoryKind::Grouping,
            "General Offices",
        )
        .with_description(
            "Bodies named General Office that the article lists together under See also.",
        )
        .with_source(src.clone()),
    )?;
    let party = g.insert_org(
        Organization::new(
            slug("general-office-of-the-chinese-communist-party"),
            OrgKind::PartyOrgan,
            "General Office of the Chinese Communist Party",
        )
        .with_source(src.clone()),
    )?;
    let military = g.insert_org(
        Organization::new(
            slug("general-office-of-the-central-military-commission"),
            OrgKind::MilitaryOrgan,
            "General Office of the Central Military Commission",
        )
        .with_source(src.clone()),
    )?;
    for member in [office, party, military] {
        g.link(member, Relation::Classification, group)?;
    }
    // The article gives no body for this post; its name places it in the
    // State Council.
    let dsg = g.add_post(
        council,
        Post::new(
            slug("deputy-secretary-general-of-the-state-council"),
            "Deputy Secretary-General of the State Council",
        )
        .with_source(src.clone()),
    )?;
    let premier_office = g.insert_org(
        Organization::new(
            slug("office-of-the-premier-of-china"),
            OrgKind::Office,
            "Office of the Premier of China",
        )
        .with_source(src),
    )?;
    g.link(office, Relation::SeeAlso, group)?;
    g.link(office, Relation::SeeAlso, party)?;
    g.link(office, Relation::SeeAlso, military)?;
    g.link(office, Relation::SeeAlso, sg)?;
    g.link(office, Relation::SeeAlso, dsg)?;
    g.link(office, Relation::SeeAlso, premier_office)?;

    history::add(
        &mut g,
        history::Anchors {
            council,
            secretary_general: sg,
            wu_tenure,
        },
    )?;
    Ok(g)
}

#[cfg(test)]
mod tests {
    #[test]
    fn builds() {
        let g = super::build().expect("valid");
        assert!(g.node_count() > 30);
    }
}
