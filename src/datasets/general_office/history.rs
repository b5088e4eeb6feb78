//! The history of the General Office's head post: the Secretary-General of
//! the State Council, its holders since 1954, and the post it replaced in
//! the Government Administration Council of the Central People's
//! Government, whose place the State Council took in 1954.
//!
//! Every fact is from the team's HISTORY.md, which takes them from three
//! encyclopedia articles; each node cites the ones its facts come from.
//! Dates are as precise as the articles give them and no more.

use super::slug;
use crate::{
    ChangeKind, Event, GovGraph, GraphError, Labels, Lang, OrgId, OrgKind, Organization,
    PartialDate, Person, PersonId, Post, PostId, Relation, Source, Tenure, TenureId,
};

/// The article on the Secretary-General of the State Council: the post,
/// its predecessor in the Government Administration Council, and their
/// holders.
pub const SECRETARY_GENERAL_SOURCE: &str =
    "https://en.wikipedia.org/wiki/Secretary-General_of_the_State_Council";

/// The article on Xiao Jie, the 13th Secretary-General: his tenure and
/// the holders before and after him.
pub const XIAO_JIE_SOURCE: &str = "https://en.wikipedia.org/wiki/Xiao_Jie";

/// The article on the State Council of China: the Government
/// Administration Council it replaced in 1954 and its own formation.
pub const STATE_COUNCIL_SOURCE: &str = "https://en.wikipedia.org/wiki/State_Council_of_China";

/// The slug of the Government Administration Council's secretary-general.
const GAC_SG: &str = "secretary-general-of-the-government-administration-council";
/// The slug of the State Council's.
const SC_SG: &str = "secretary-general-of-the-state-council";

/// The nodes of the article's facts that the history adds to.
#[derive(Clone, Copy)]
pub(super) struct Anchors {
    /// The State Council.
    pub council: OrgId,
    /// The Secretary-General of the State Council.
    pub secretary_general: PostId,
    /// Wu Zhenglong's tenure of that post.
    pub wu_tenure: TenureId,
}

/// A month-precise date.
fn ym(year: i64, month: u32) -> PartialDate {
    PartialDate::year_month(year, month).expect("a real month")
}

/// A day-precise date.
fn ymd(year: i64, month: u32, day: u32) -> PartialDate {
    PartialDate::ymd(year, month, day).expect("a real day")
}

/// A year-precise date.
fn y(year: i64) -> PartialDate {
    PartialDate::year(year).expect("a real year")
}

fn source(iri: &str) -> Source {
    Source::new(iri).expect("the source IRI is valid")
}

/// When a tenure ended.
#[derive(Clone, Copy)]
enum End {
    On(PartialDate),
    /// It ended; no source gives the date.
    Undated,
}

/// Adds the history to the article's graph.
pub(super) fn add(g: &mut GovGraph, at: Anchors) -> Result<(), GraphError> {
    let list_src = source(SECRETARY_GENERAL_SOURCE);
    let council_src = source(STATE_COUNCIL_SOURCE);

    // The State Council: formed on 27 September 1954 [SC].
    g.edit(at.council, |o| {
        o.founded = Some(ymd(1954, 9, 27));
        o.sources.push(council_src.clone());
    })?;
    // The head post: its Chinese name [SG].
    g.edit(at.secretary_general, |p| {
        p.labels.set_preferred(Lang::zh_hans(), "国务院秘书长");
        p.description = Some(
            "Leads the General Office and sees to the State Council's work from day to day."
                .to_owned(),
        );
        p.sources.push(list_src.clone());
    })?;

    let gac_sg = predecessor(g, at)?;
    holders(g, at, gac_sg)?;
    // Wu Zhenglong, the article's current holder, since 12 March 2023 [SG].
    g.edit(at.wu_tenure, |t| {
        t.start = Some(crate::Bound::Date(ymd(2023, 3, 12)));
        t.sources.push(list_src.clone());
    })?;
    Ok(())
}

/// The Government Administration Council, its secretary-general (which the
/// State Council's replaces) and the 1954 event; returns that post.
fn predecessor(g: &mut GovGraph, at: Anchors) -> Result<PostId, GraphError> {
    let list_src = source(SECRETARY_GENERAL_SOURCE);
    let council_src = source(STATE_COUNCIL_SOURCE);
    // The body before the State Council, 1949 to 1954 [SC], and its
    // secretary-general, formed on 19 October 1949 [SG].
    let gac = g.insert_org(
        Organization::new(
            slug("government-administration-council"),
            OrgKind::GoverningBody,
            "Government Administration Council of the Central People's Government",
        )
        .with_description(
            "The central government's executive body from 1949 until the State Council \
             took its place in 1954.",
        )
        .with_founded(y(1949))
        .with_dissolved(y(1954))
        .with_source(list_src.clone())
        .with_source(council_src.clone()),
    )?;
    // Single-seat: one secretary-general at a time. Not a head post: the
    // sources make it the council's secretary-general, not its leader.
    let gac_sg = g.add_post(
        gac,
        Post::new(
            slug("secretary-general-of-the-government-administration-council"),
            "Secretary-General of the Government Administration Council of the Central \
             People's Government",
        )
        .with_labels(
            Labels::en(
                "Secretary-General of the Government Administration Council of the Central \
                 People's Government",
            )
            .with_preferred(Lang::zh_hans(), "中央人民政府政务院秘书长"),
        )
        .single_seat()
        .with_formed(ymd(1949, 10, 19))
        .with_source(list_src.clone()),
    )?;
    g.link(at.secretary_general, Relation::Replaces, gac_sg)?;

    // The 1954 constitution put the State Council in the council's place
    // [SC]. The event adds the `Replaces` link between the two bodies.
    g.add_event(
        Event::new(
            slug("state-council-replaces-government-administration-council"),
            ChangeKind::Replacement,
        )
        .with_date(y(1954))
        .with_labels(Labels::en(
            "The State Council takes the place of the Government Administration Council",
        ))
        .with_description(
            "Under the constitution of 1954 the State Council became the central \
             government's executive body in place of the Government Administration Council.",
        )
        .with_legal_basis("Constitution of the People's Republic of China (1954)")
        .with_source(council_src.clone()),
        &[gac],
        &[at.council],
    )?;
    Ok(gac_sg)
}

/// The holders of both posts, in order, with their tenures.
#[expect(
    clippy::too_many_lines,
    reason = "one holder after another, in the sources' order"
)]
fn holders(g: &mut GovGraph, at: Anchors, gac_sg: PostId) -> Result<(), GraphError> {
    let list_src = source(SECRETARY_GENERAL_SOURCE);
    let xiao_src = source(XIAO_JIE_SOURCE);
    // The holders, in order [SG]; Xi Zhongxun held both posts.
    let person = |g: &mut GovGraph, key: &str, name: &str, chinese: Option<&str>, src: &Source| {
        let mut labels = Labels::en(name);
        if let Some(zh) = chinese {
            labels = labels.with_preferred(Lang::zh_hans(), zh);
        }
        g.insert_person(
            Person::new(slug(key), name)
                .with_labels(labels)
                .with_source(src.clone()),
        )
    };
    let appoint = |g: &mut GovGraph,
                   (who, who_key): (PersonId, &str),
                   post: PostId,
                   post_key: &str,
                   start: PartialDate,
                   end: End,
                   sources: &[&Source]|
     -> Result<TenureId, GraphError> {
        let mut tenure = Tenure::new(slug(&format!("{who_key}-{post_key}"))).with_start(start);
        tenure = match end {
            End::On(d) => tenure.with_end(d),
            End::Undated => tenure.with_end_undated(),
        };
        for s in sources {
            tenure = tenure.with_source((*s).clone());
        }
        g.appoint(who, post, tenure)
    };

    let li = (
        person(g, "li-weihan", "Li Weihan", None, &list_src)?,
        "li-weihan",
    );
    appoint(
        g,
        li,
        gac_sg,
        GAC_SG,
        ym(1949, 10),
        End::On(ym(1953, 9)),
        &[&list_src],
    )?;
    let xi = (
        person(g, "xi-zhongxun", "Xi Zhongxun", None, &list_src)?,
        "xi-zhongxun",
    );
    appoint(
        g,
        xi,
        gac_sg,
        GAC_SG,
        ym(1953, 9),
        End::On(ym(1954, 9)),
        &[&list_src],
    )?;

    let sg = at.secretary_general;
    appoint(
        g,
        xi,
        sg,
        SC_SG,
        ym(1954, 9),
        End::On(ym(1965, 1)),
        &[&list_src],
    )?;
    // After Zhou Rongxin the post was abolished: vacant from January 1975
    // until June 1979. The dates say so; no node does.
    let holders: [(&str, &str, Option<&str>, PartialDate, PartialDate); 10] = [
        (
            "zhou-rongxin",
            "Zhou Rongxin",
            None,
            ym(1965, 1),
            ym(1975, 1),
        ),
        ("jin-ming", "Jin Ming", None, ym(1979, 6), ym(1980, 2)),
        ("ji-pengfei", "Ji Pengfei", None, ym(1980, 2), ym(1982, 5)),
        (
            "du-xingyuan",
            "Du Xingyuan",
            Some("杜星垣"),
            ym(1982, 5),
            ym(1983, 6),
        ),
        ("tian-jiyun", "Tian Jiyun", None, ym(1983, 6), ym(1985, 9)),
        (
            "chen-junsheng",
            "Chen Junsheng",
            Some("陈俊生"),
            ym(1985, 9),
            ym(1993, 3),
        ),
        ("luo-gan", "Luo Gan", None, ym(1993, 3), ym(1998, 3)),
        (
            "wang-zhongyu",
            "Wang Zhongyu",
            None,
            ym(1998, 3),
            ym(2003, 3),
        ),
        ("hua-jianmin", "Hua Jianmin", None, ym(2003, 3), ym(2008, 3)),
        ("ma-kai", "Ma Kai", None, ym(2008, 3), ym(2013, 3)),
    ];
    for (key, name, chinese, start, end) in holders {
        let who = (person(g, key, name, chinese, &list_src)?, key);
        appoint(g, who, sg, SC_SG, start, End::On(end), &[&list_src])?;
    }
    // Yang Jing's tenure ended (Xiao Jie followed him [XJ]); no source
    // gives when.
    let yang = (
        person(g, "yang-jing", "Yang Jing", None, &list_src)?,
        "yang-jing",
    );
    appoint(
        g,
        yang,
        sg,
        SC_SG,
        ym(2013, 3),
        End::Undated,
        &[&list_src, &xiao_src],
    )?;
    let xiao = (
        person(g, "xiao-jie", "Xiao Jie", None, &xiao_src)?,
        "xiao-jie",
    );
    appoint(
        g,
        xiao,
        sg,
        SC_SG,
        ymd(2018, 3, 19),
        End::On(ymd(2023, 3, 12)),
        &[&xiao_src],
    )?;
    Ok(())
}
