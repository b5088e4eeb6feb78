//! Deterministic synthetic graphs of national shape, for benchmarks and
//! load tests (feature `synthetic`).
//!
//! Long (over 800 lines) mostly for its tables of names and its
//! generators, which share one deterministic random source and must stay
//! in step for the benchmarks' numbers to be comparable across runs.
//!
//! | item | what it is |
//! |---|---|
//! | [`national`] | a whole country's government, sized by node count |
//!
//! The country is invented: a *National Council* over ministries and
//! provinces, prefectures under provinces, counties under prefectures, and
//! offices (with a few sections below them) under all of these. Every body
//! has a headquarters site in the place of its region, one to three posts
//! (the first the head), a current holder for each post (and, for some
//! head posts, a predecessor with a dated tenure) and one to four
//! functions. Nodes with names carry an English and a Chinese (`zh-hans`)
//! preferred label. Place and person names are drawn from fixed lists of
//! syllables and characters, so they are clearly synthetic: no person in a
//! generated graph is a real one.
//!
//! ```
//! let g = govgraph::synthetic::national(1_000, 7);
//! assert_eq!(g.node_count(), 1_000);
//! let council = g.org_by_slug("national-council").ok_or("no council")?;
//! assert!(council.sub_organizations().count() > 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::{Address, Function};
use crate::{
    DateError, GovGraph, GraphError, Interval, Labels, Lang, OrgId, OrgKind, Organization,
    PartialDate, Person, Place, PlaceId, PlaceKind, Post, Relation, Site, Slug, SlugError, Tenure,
};

/// Builds a national-shaped government graph of exactly `bodies` nodes
/// (for `bodies` of a few dozen and up), the same for the same `bodies`
/// and `seed` on every machine.
///
/// `bodies` counts every node, as a user speaks of "a million bodies" for
/// a country's bodies with their offices, posts and holders: about one node
/// in ten is an organization, the rest are its posts, holders, tenures,
/// functions, headquarters and places. The administrative tree grows with
/// the cube root of the size, to 34 provinces, about 340 prefectures and
/// about 2,900 counties at a million nodes; the offices fill the rest. An
/// office lies four or five links below the council at every size.
///
/// Cost: O(`bodies`) time and the graph's own memory.
///
/// ```
/// let a = govgraph::synthetic::national(2_000, 1);
/// let b = govgraph::synthetic::national(2_000, 1);
/// assert_eq!(a, b);
/// assert_ne!(a, govgraph::synthetic::national(2_000, 2));
/// let leaf = a.orgs().find(|o| o.ancestors().count() >= 4).ok_or("no deep body")?;
/// assert_eq!(leaf.ancestors().last().map(|o| o.slug().as_str()), Some("national-council"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Panics
/// Never for any `bodies` and `seed`: every slug and link the generator
/// makes is valid by construction (a panic would be a bug here).
pub fn national(bodies: usize, seed: u64) -> GovGraph {
    match Generator::new(bodies, seed, false).run() {
        Ok(g) => g,
        Err(e) => panic!("synthetic generator bug: {e}"),
    }
}

/// As [`national`], with a history: exactly `bodies` nodes, the same for
/// the same `bodies` and `seed` on every machine.
///
/// - About one body in seven (below the council) *moved*: it was under
///   another body of its parent's level until a month between 1990 and
///   2020, and under its parent since that month (two dated parent links).
/// - Every post has a succession of two to five tenures, each of one to
///   eight years, dated to the month from the 1990s on; three hand-overs
///   in ten leave a vacancy of one month to two years; the last tenure is
///   still in force for four posts in five (the others are vacant now).
/// - Bodies founded at all were founded between 1949 and 1988, before any
///   move or tenure.
///
/// So a post has 3.5 tenures on average and the graph has fewer bodies
/// than [`national`]'s for the same size (about one node in twenty is an
/// organization).
///
/// ```
/// let g = govgraph::synthetic::national_dated(2_000, 7);
/// assert_eq!(g.node_count(), 2_000);
/// let moved = g.links_during()
///     .filter(|(_, r, _, during)| *r == govgraph::Relation::SubOrganizationOf && !during.is_timeless())
///     .count();
/// assert!(moved > 0);
/// assert_eq!(g, govgraph::synthetic::national_dated(2_000, 7));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Panics
/// Never, as [`national`].
pub fn national_dated(bodies: usize, seed: u64) -> GovGraph {
    match Generator::new(bodies, seed, true).run() {
        Ok(g) => g,
        Err(e) => panic!("synthetic generator bug: {e}"),
    }
}

/// The `SplitMix64` generator: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        let n = n.max(1) as u64;
        usize::try_from(self.next() % n).unwrap_or(0)
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Syllables for invented place and given names: pinyin and a character.
const SYLLABLES: &[(&str, &str)] = &[
    ("An", "安"),
    ("Bai", "白"),
    ("Chang", "长"),
    ("Dong", "东"),
    ("Feng", "丰"),
    ("Fu", "富"),
    ("Gao", "高"),
    ("Guang", "广"),
    ("He", "和"),
    ("Hong", "宏"),
    ("Hua", "华"),
    ("Jin", "金"),
    ("Jing", "景"),
    ("Kang", "康"),
    ("Lan", "兰"),
    ("Le", "乐"),
    ("Lin", "林"),
    ("Long", "隆"),
    ("Mei", "美"),
    ("Ming", "明"),
    ("Nan", "南"),
    ("Ning", "宁"),
    ("Ping", "平"),
    ("Qing", "青"),
    ("Rui", "瑞"),
    ("Shan", "山"),
    ("Shun", "顺"),
    ("Tai", "泰"),
    ("Tian", "天"),
    ("Wen", "文"),
    ("Xi", "西"),
    ("Xin", "新"),
    ("Yang", "阳"),
    ("Yong", "永"),
    ("Yuan", "源"),
    ("Yun", "云"),
    ("Ze", "泽"),
    ("Zhao", "昭"),
    ("Zhen", "振"),
    ("Zhong", "中"),
];

const FAMILY_NAMES: &[(&str, &str)] = &[
    ("Zhao", "赵"),
    ("Qian", "钱"),
    ("Sun", "孙"),
    ("Li", "李"),
    ("Zhou", "周"),
    ("Wu", "吴"),
    ("Zheng", "郑"),
    ("Wang", "王"),
    ("Feng", "冯"),
    ("Chen", "陈"),
    ("Wei", "卫"),
    ("Jiang", "蒋"),
    ("Shen", "沈"),
    ("Han", "韩"),
    ("Yang", "杨"),
    ("Zhu", "朱"),
];

const MINISTRIES: &[(&str, &str)] = &[
    ("Ministry of Foreign Affairs", "外交部"),
    ("Ministry of Defence", "国防部"),
    ("Development and Reform Commission", "发展和改革委员会"),
    ("Ministry of Education", "教育部"),
    ("Ministry of Science and Technology", "科学技术部"),
    ("Ministry of Industry", "工业部"),
    ("Ethnic Affairs Commission", "民族事务委员会"),
    ("Ministry of Public Security", "公安部"),
    ("Ministry of State Security", "国家安全部"),
    ("Ministry of Civil Affairs", "民政部"),
    ("Ministry of Justice", "司法部"),
    ("Ministry of Finance", "财政部"),
    ("Ministry of Human Resources", "人力资源部"),
    ("Ministry of Natural Resources", "自然资源部"),
    ("Ministry of Ecology and Environment", "生态环境部"),
    ("Ministry of Housing", "住房部"),
    ("Ministry of Transport", "交通运输部"),
    ("Ministry of Water Resources", "水利部"),
    ("Ministry of Agriculture", "农业部"),
    ("Ministry of Commerce", "商务部"),
    ("Ministry of Culture and Tourism", "文化和旅游部"),
    ("Health Commission", "卫生健康委员会"),
    ("Ministry of Veterans Affairs", "退役军人事务部"),
    ("Ministry of Emergency Management", "应急管理部"),
    ("Central Bank", "中央银行"),
    ("National Audit Office", "审计署"),
];

/// Departments of a ministry.
const DEPARTMENTS: &[(&str, &str)] = &[
    ("General Office", "办公厅"),
    ("Policy and Regulations Department", "政策法规司"),
    ("Planning Department", "规划司"),
    ("Finance Department", "财务司"),
    ("Personnel Department", "人事司"),
    ("International Cooperation Department", "国际合作司"),
    ("Science and Technology Department", "科技司"),
    ("Supervision Department", "监督司"),
];

/// Offices of a local government.
const OFFICES: &[(&str, &str)] = &[
    ("General Office", "办公室"),
    ("Development and Reform Bureau", "发展和改革局"),
    ("Education Bureau", "教育局"),
    ("Science and Technology Bureau", "科学技术局"),
    ("Industry Bureau", "工业局"),
    ("Civil Affairs Bureau", "民政局"),
    ("Justice Bureau", "司法局"),
    ("Finance Bureau", "财政局"),
    ("Human Resources Bureau", "人力资源局"),
    ("Natural Resources Bureau", "自然资源局"),
    ("Ecology and Environment Bureau", "生态环境局"),
    ("Housing Bureau", "住房局"),
    ("Transport Bureau", "交通运输局"),
    ("Water Resources Bureau", "水利局"),
    ("Agriculture Bureau", "农业局"),
    ("Commerce Bureau", "商务局"),
    ("Culture and Tourism Bureau", "文化和旅游局"),
    ("Health Commission", "卫生健康委员会"),
    ("Veterans Affairs Bureau", "退役军人事务局"),
    ("Emergency Management Bureau", "应急管理局"),
    ("Audit Bureau", "审计局"),
    ("Market Regulation Administration", "市场监督管理局"),
    ("Statistics Bureau", "统计局"),
    ("Medical Security Bureau", "医疗保障局"),
];

/// Sections of an office.
const SECTIONS: &[(&str, &str)] = &[
    ("Policy Section", "政策科"),
    ("Personnel Section", "人事科"),
    ("Inspection Section", "监察科"),
    ("Records Section", "档案科"),
];

const FUNCTIONS: &[(&str, &str)] = &[
    ("drafting regulations", "起草法规"),
    ("managing the budget", "管理预算"),
    ("supervising implementation", "监督实施"),
    ("coordinating emergency response", "协调应急"),
    ("compiling statistics", "汇编统计"),
    ("handling public petitions", "处理信访"),
    ("guiding subordinate units", "指导下属单位"),
    ("publishing information", "发布信息"),
    ("issuing permits", "核发许可"),
    ("auditing accounts", "审计账目"),
    ("planning development", "规划发展"),
    ("training staff", "培训人员"),
];

/// The nodes an organization brings on average: itself, its site, two
/// posts, 2.3 tenures and as many persons, 2.5 functions.
const NODES_PER_ORG: usize = 10;
/// The organization count at which the administrative tree is full size.
const FULL_ORGS: f64 = 100_000.0;

/// Where a body stands, which decides its post titles.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Council,
    Ministry,
    Department,
    Province,
    Prefecture,
    County,
    Office,
    Section,
}

impl Level {
    /// The head's title, English and Chinese.
    fn head_title(self) -> (&'static str, &'static str) {
        match self {
            Level::Council => ("Premier", "总理"),
            Level::Ministry => ("Minister", "部长"),
            Level::Department => ("Director-General", "司长"),
            Level::Province => ("Governor", "省长"),
            Level::Prefecture => ("Mayor", "市长"),
            Level::County => ("County Head", "县长"),
            Level::Office => ("Director", "局长"),
            Level::Section => ("Section Chief", "科长"),
        }
    }
}

/// What the generator remembers of a body.
struct Body {
    id: OrgId,
    slug: Slug,
    en: String,
    zh: String,
    level: Level,
    /// The place its site lies in.
    place: Option<PlaceId>,
    children: usize,
}

/// A slug or graph error; either would be a bug in the generator.
#[derive(Debug)]
enum Bug {
    Slug(SlugError),
    Graph(GraphError),
    Date(DateError),
}

impl std::fmt::Display for Bug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bug::Slug(e) => e.fmt(f),
            Bug::Graph(e) => e.fmt(f),
            Bug::Date(e) => e.fmt(f),
        }
    }
}

impl From<SlugError> for Bug {
    fn from(e: SlugError) -> Self {
        Bug::Slug(e)
    }
}

impl From<DateError> for Bug {
    fn from(e: DateError) -> Self {
        Bug::Date(e)
    }
}

impl From<GraphError> for Bug {
    fn from(e: GraphError) -> Self {
        Bug::Graph(e)
    }
}

struct Generator {
    g: GovGraph,
    target: usize,
    rng: Rng,
    bodies: Vec<Body>,
    persons: usize,
    tenures: usize,
    zh: Lang,
    /// True for [`national_dated`]: moves and successions.
    dated: bool,
}

/// The month `index` months after January of year 0.
fn month_at(index: usize) -> Result<PartialDate, Bug> {
    let year = i64::try_from(index / 12).unwrap_or(2000);
    let month = u32::try_from(index % 12 + 1).unwrap_or(1);
    Ok(PartialDate::year_month(year, month)?)
}

fn labels(en: &str, zh: &str, lang: &Lang) -> Labels {
    Labels::en(en).with_preferred(lang.clone(), zh)
}

impl Generator {
    fn new(target: usize, seed: u64, dated: bool) -> Self {
        Self {
            // A little over the average number of links per node.
            g: GovGraph::with_capacity(target, target.saturating_mul(2)),
            target,
            rng: Rng(seed ^ 0x676f_7667_7261_7068),
            bodies: Vec::new(),
            persons: 0,
            tenures: 0,
            zh: Lang::zh_hans(),
            dated,
        }
    }

    /// Room left for this many more nodes.
    fn room(&self, n: usize) -> bool {
        self.g.node_count() + n <= self.target
    }

    fn run(mut self) -> Result<GovGraph, Bug> {
        let orgs = (self.target / NODES_PER_ORG).max(1);
        #[expect(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a scale factor in 0..=1 from a count far below 2^52"
        )]
        let scaled = |full: usize, orgs: usize| -> usize {
            let s = (orgs as f64 / FULL_ORGS).cbrt().min(1.0);
            ((full as f64 * s).round() as usize).max(1)
        };
        let (ministries, provinces) = (scaled(MINISTRIES.len(), orgs), scaled(34, orgs));
        let (prefs, counties) = (scaled(10, orgs), scaled(9, orgs));

        if !self.room(1) {
            return Ok(self.g);
        }
        let country = self.place(
            "synthetic-republic",
            PlaceKind::Country,
            "Synthetic Republic",
            "合成共和国",
            None,
        )?;
        let council = self.body(
            None,
            "national-council".to_owned(),
            ("National Council".to_owned(), "国家委员会".to_owned()),
            OrgKind::GoverningBody,
            Level::Council,
            country,
        )?;
        let Some(council) = council else {
            return Ok(self.g);
        };
        for (en, zh) in MINISTRIES.iter().take(ministries) {
            let slug = Slug::from_name(en)?.as_str().to_owned();
            let (en, zh) = ((*en).to_owned(), (*zh).to_owned());
            self.body(
                Some(council),
                slug,
                (en, zh),
                OrgKind::Agency,
                Level::Ministry,
                country,
            )?;
        }
        let mut regions = Vec::new();
        for _ in 0..provinces {
            regions.push(self.region(council, Level::Province, country)?);
        }
        let mut next = Vec::new();
        for &p in &regions {
            for _ in 0..self.rng.range(prefs.div_ceil(2), prefs + prefs / 2) {
                next.push(self.region(p, Level::Prefecture, self.place_of(p))?);
            }
        }
        let prefectures = std::mem::take(&mut next);
        for &p in &prefectures {
            for _ in 0..self
                .rng
                .range(counties.div_ceil(2), counties + counties / 2)
            {
                next.push(self.region(p, Level::County, self.place_of(p))?);
            }
        }
        let counties = next;
        if self.bodies.is_empty() {
            return Ok(self.g);
        }
        let ministries: Vec<_> = (1..=ministries)
            .filter(|&i| i < self.bodies.len())
            .collect();
        let mut offices = Vec::new();
        while self.room(1) {
            let roll = self.rng.below(100);
            let parent = if roll < 8 && !offices.is_empty() {
                Some(*self.rng.pick(&offices))
            } else if roll < 12 && !ministries.is_empty() {
                Some(*self.rng.pick(&ministries))
            } else if roll < 17 {
                regions.first().map(|_| *self.rng.pick(&regions))
            } else if roll < 32 {
                prefectures.first().map(|_| *self.rng.pick(&prefectures))
            } else {
                counties.first().map(|_| *self.rng.pick(&counties))
            };
            let parent = parent.unwrap_or(0);
            if let Some(ix) = self.office(parent)? {
                if self.bodies[ix].level == Level::Office {
                    offices.push(ix);
                }
            }
        }
        Ok(self.g)
    }

    fn place_of(&self, body: usize) -> Option<PlaceId> {
        self.bodies.get(body).and_then(|b| b.place)
    }

    fn place(
        &mut self,
        slug: &str,
        kind: PlaceKind,
        en: &str,
        zh: &str,
        within: Option<PlaceId>,
    ) -> Result<Option<PlaceId>, Bug> {
        if !self.room(1) {
            return Ok(None);
        }
        let place = Place::new(Slug::new(slug)?, kind, en).with_labels(labels(en, zh, &self.zh));
        let id = self.g.insert_place(place)?;
        if let Some(within) = within {
            self.g.link(id, Relation::ContainedIn, within)?;
        }
        Ok(Some(id))
    }

    /// A province, prefecture or county: its government and its place.
    fn region(
        &mut self,
        parent: usize,
        level: Level,
        within: Option<PlaceId>,
    ) -> Result<usize, Bug> {
        let (a, b) = (*self.rng.pick(SYLLABLES), *self.rng.pick(SYLLABLES));
        let name = format!("{}{}", a.0, b.0.to_lowercase());
        let (suffix_en, suffix_zh, place_kind) = match level {
            Level::Province => ("Province", "省", PlaceKind::Province),
            Level::Prefecture => ("City", "市", PlaceKind::City),
            _ => ("County", "县", PlaceKind::District),
        };
        let en = format!("{name} {suffix_en}");
        let zh = format!("{}{}{suffix_zh}", a.1, b.1);
        let slug = format!("{}-{}", Slug::from_name(&en)?, self.bodies.len());
        let place = self.place(&slug, place_kind, &en, &zh, within)?;
        let kind = OrgKind::GoverningBody;
        let ix = self.body(
            Some(parent),
            slug,
            (format!("{en} Government"), format!("{zh}人民政府")),
            kind,
            level,
            place,
        )?;
        Ok(ix.unwrap_or(parent))
    }

    /// An office, department or section under `parent`; `None` when the
    /// graph is full.
    fn office(&mut self, parent: usize) -> Result<Option<usize>, Bug> {
        let p = &self.bodies[parent];
        let nth = p.children;
        let (level, kind, list) = match p.level {
            Level::Ministry => (Level::Department, OrgKind::Department, DEPARTMENTS),
            Level::Office | Level::Department | Level::Section => {
                (Level::Section, OrgKind::Department, SECTIONS)
            }
            _ => (Level::Office, OrgKind::Agency, OFFICES),
        };
        let (type_en, type_zh) = list[nth % list.len()];
        // The parent's name without "Government" for a local office.
        let base_en = p.en.strip_suffix(" Government").unwrap_or(&p.en);
        let base_zh = p.zh.strip_suffix("人民政府").unwrap_or(&p.zh);
        let en = format!("{base_en} {type_en}");
        let zh = format!("{base_zh}{type_zh}");
        let slug = format!("{}-{}", Slug::from_name(&en)?, self.bodies.len());
        let place = p.place;
        self.body(Some(parent), slug, (en, zh), kind, level, place)
    }

    /// A body with its satellites: site, posts with holders, functions.
    /// `None` when there is no room for it.
    fn body(
        &mut self,
        parent: Option<usize>,
        slug: String,
        (en, zh): (String, String),
        kind: OrgKind,
        level: Level,
        place: Option<PlaceId>,
    ) -> Result<Option<usize>, Bug> {
        if !self.room(1) {
            return Ok(None);
        }
        let slug = Slug::new(slug)?;
        let mut org = Organization::new(slug.clone(), kind, en.as_str())
            .with_labels(labels(&en, &zh, &self.zh));
        if self.rng.chance(50) {
            let span = if self.dated { 40 } else { 75 };
            let year = 1949 + self.rng.below(span);
            org = org.with_founded(PartialDate::year(i64::try_from(year).unwrap_or(1949))?);
        }
        let id = match parent {
            Some(p) if self.dated && self.rng.chance(15) => {
                self.bodies[p].children += 1;
                let id = self.g.insert_org(org)?;
                self.moved(id, p)?;
                id
            }
            Some(p) => {
                self.bodies[p].children += 1;
                self.g.add_sub_org(self.bodies[p].id, org)?
            }
            None => self.g.insert_org(org)?,
        };
        let ix = self.bodies.len();
        self.bodies.push(Body {
            id,
            slug,
            en,
            zh,
            level,
            place,
            children: 0,
        });
        self.site(ix)?;
        let posts = self.rng.range(1, 3);
        for k in 0..posts {
            self.post(ix, k)?;
        }
        let functions = self.rng.range(1, 4);
        for k in 0..functions {
            self.function(ix, k)?;
        }
        Ok(Some(ix))
    }

    /// Links the new body `id` under `parent` since a month between 1990
    /// and 2020, and under another body of `parent`'s level until then
    /// (under `parent` alone, undated, when no other is found in a few
    /// draws). A new body has nothing below it, so no link can close a
    /// cycle.
    fn moved(&mut self, id: OrgId, parent: usize) -> Result<(), Bug> {
        let level = self.bodies[parent].level;
        let former = (0..8)
            .map(|_| self.rng.below(self.bodies.len()))
            .find(|&f| f != parent && self.bodies[f].level == level);
        let to = self.bodies[parent].id;
        let Some(former) = former else {
            self.g.link(id, Relation::SubOrganizationOf, to)?;
            return Ok(());
        };
        let month = month_at(1990 * 12 + self.rng.below(31 * 12))?;
        let from = self.bodies[former].id;
        self.g.link_during(
            id,
            Relation::SubOrganizationOf,
            from,
            Interval::new().with_end(month),
        )?;
        self.g
            .link_during(id, Relation::SubOrganizationOf, to, Interval::since(month))?;
        Ok(())
    }

    /// A post's succession: two to five tenures, month-dated, with
    /// vacancies between some; the last still in force for most posts.
    fn succession(&mut self, post: crate::PostId) -> Result<(), Bug> {
        let count = self.rng.range(2, 5);
        let mut start = (1990 + self.rng.below(15)) * 12 + self.rng.below(12);
        for i in 0..count {
            let end = start + 12 + self.rng.below(85);
            let mut tenure = Tenure::new(Slug::new("t")?).with_start(month_at(start)?);
            let last = i + 1 == count || end >= 2025 * 12;
            if !last || !self.rng.chance(80) {
                tenure = tenure.with_end(month_at(end)?);
            }
            self.hold(post, tenure)?;
            if last {
                break;
            }
            start = if self.rng.chance(70) {
                end
            } else {
                end + 1 + self.rng.below(24)
            };
        }
        Ok(())
    }

    fn site(&mut self, ix: usize) -> Result<(), Bug> {
        if !self.room(1) {
            return Ok(());
        }
        let b = &self.bodies[ix];
        let number = 1 + self.rng.below(300);
        let road = self.rng.pick(SYLLABLES).0;
        let street = format!("{number} {road} Road");
        let locality = b.en.strip_suffix(" Government").unwrap_or(&b.en).to_owned();
        let site = Site::new(
            Slug::new(format!("{}-hq", b.slug))?,
            format!("{street}, {locality}"),
        )
        .with_address(Address::new().with_street(street).with_locality(locality));
        let (org, place) = (b.id, b.place);
        let site = self.g.add_headquarters(org, site)?;
        if let Some(place) = place {
            self.g.link(site, Relation::ContainedIn, place)?;
        }
        Ok(())
    }

    fn post(&mut self, ix: usize, k: usize) -> Result<(), Bug> {
        if !self.room(1) {
            return Ok(());
        }
        let b = &self.bodies[ix];
        let (title_en, title_zh) = b.level.head_title();
        let (en, zh, suffix) = match k {
            0 => (
                format!("{title_en} of the {}", b.en),
                format!("{}{title_zh}", b.zh),
                "head",
            ),
            1 => (
                format!("Deputy {title_en} of the {}", b.en),
                format!("{}副{title_zh}", b.zh),
                "deputy",
            ),
            _ => (
                format!("Secretary-General of the {}", b.en),
                format!("{}秘书长", b.zh),
                "secretary-general",
            ),
        };
        let mut post = Post::new(Slug::new(format!("{}-{suffix}", b.slug))?, en.as_str())
            .with_labels(labels(&en, &zh, &self.zh));
        if k == 0 {
            post = post.head();
        }
        let org = b.id;
        let post = self.g.add_post(org, post)?;
        if self.dated {
            return self.succession(post);
        }
        if k == 0 && self.rng.chance(30) {
            // A predecessor, with both ends dated.
            let end = 2000 + self.rng.below(20);
            let start = end - 1 - self.rng.below(8);
            let tenure = Tenure::new(Slug::new("t")?)
                .with_start(PartialDate::year(i64::try_from(start).unwrap_or(2000))?)
                .with_end(PartialDate::year(i64::try_from(end).unwrap_or(2001))?);
            self.hold(post, tenure)?;
        }
        let mut tenure = Tenure::new(Slug::new("t")?);
        if self.rng.chance(60) {
            let year = 2015 + self.rng.below(10);
            let month = 1 + self.rng.below(12);
            tenure = tenure.with_start(PartialDate::year_month(
                i64::try_from(year).unwrap_or(2020),
                u32::try_from(month).unwrap_or(1),
            )?);
        }
        self.hold(post, tenure)
    }

    /// A new person holding `post` under `tenure` (whose slug is replaced).
    fn hold(&mut self, post: crate::PostId, mut tenure: Tenure) -> Result<(), Bug> {
        if !self.room(2) {
            return Ok(());
        }
        let family = *self.rng.pick(FAMILY_NAMES);
        let (a, b) = (*self.rng.pick(SYLLABLES), *self.rng.pick(SYLLABLES));
        let given_en = format!("{}{}", a.0, b.0.to_lowercase());
        let en = format!("{} {given_en}", family.0);
        let zh = format!("{}{}{}", family.1, a.1, b.1);
        self.persons += 1;
        let slug = format!("{}-{}", Slug::from_name(&en)?, self.persons);
        let person =
            Person::new(Slug::new(slug)?, en.as_str()).with_labels(labels(&en, &zh, &self.zh));
        let person = self.g.insert_person(person)?;
        self.tenures += 1;
        tenure.slug = Slug::new(format!("tenure-{}", self.tenures))?;
        self.g.appoint(person, post, tenure)?;
        Ok(())
    }

    fn function(&mut self, ix: usize, k: usize) -> Result<(), Bug> {
        if !self.room(1) {
            return Ok(());
        }
        let b = &self.bodies[ix];
        let (what_en, what_zh) = FUNCTIONS[(ix * 7 + k * 5) % FUNCTIONS.len()];
        let en = format!("{}: {what_en}", b.en);
        let zh = format!("{}：{what_zh}", b.zh);
        let mut f = Function::new(
            Slug::new(format!("{}-function-{}", b.slug, k + 1))?,
            en.as_str(),
        );
        f.labels = labels(&en, &zh, &self.zh);
        let org = b.id;
        self.g.add_function(org, f)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_exact_and_the_shape_is_national() {
        for n in [1, 50, 1_000, 10_000] {
            let g = national(n, 3);
            assert_eq!(g.node_count(), n, "size {n}");
        }
        let g = national(10_000, 3);
        let council = g.org_by_slug("national-council").unwrap();
        let deepest = g.orgs().map(|o| o.ancestors().count()).max().unwrap();
        assert!(deepest >= 4, "{deepest}");
        assert!(council.heads().count() >= 1);
        // Only the last body may have been cut short by the size.
        assert!(g.orgs().filter(|o| o.headquarters().is_none()).count() <= 1);
        assert!(g.orgs().filter(|o| o.functions().len() == 0).count() <= 1);
        let zh = Lang::zh_hans();
        assert!(g.orgs().all(|o| o.labels.preferred(&zh).is_some()));
        let orgs = g.orgs().count();
        assert!((800..1_200).contains(&orgs), "{orgs}");
    }

    #[test]
    fn the_dated_graph_has_moves_and_successions_and_lints_clean() {
        let g = national_dated(10_000, 5);
        assert_eq!(g.node_count(), 10_000);
        let dated_parents = g
            .links_during()
            .filter(|(_, r, _, d)| *r == Relation::SubOrganizationOf && !d.is_timeless())
            .count();
        assert!(dated_parents >= 40, "{dated_parents}");
        let posts: Vec<_> = g.orgs().flat_map(crate::OrgRef::posts).collect();
        let tenures: usize = posts.iter().map(|p| p.tenures().count()).sum();
        // 3.5 tenures a post on average, fewer where a succession reached
        // 2025 early or the graph filled up.
        assert!(
            tenures * 10 >= posts.len() * 25,
            "{tenures} / {}",
            posts.len()
        );
        assert!(posts.iter().all(|p| p.tenures().all(|t| t.start.is_some())));
        // Moves keep the hierarchy a tree today: every body reaches the
        // council.
        assert!(g.orgs().all(|o| o.slug().as_str() == "national-council"
            || o.ancestors().last().map(|a| a.slug().as_str()) == Some("national-council")));
        assert_eq!(g.lint().count(), 0);
        // The undated generator is unchanged by the dated one's draws.
        assert!(
            national(2_000, 5)
                .links_during()
                .all(|(_, r, _, d)| { d.is_timeless() || r != Relation::SubOrganizationOf })
        );
    }

    #[test]
    fn holders_on_agrees_with_the_walk_through_tenures() {
        let g = national_dated(5_000, 9);
        let d = |s: &str| s.parse::<PartialDate>().unwrap();
        let days = [
            crate::On::date(d("1995")),
            crate::On::date(d("2005-06")),
            crate::On::date(d("2010-06-15")),
            crate::On::possibly(d("2012-03")),
        ];
        let mut held = 0;
        for post in g.orgs().flat_map(crate::OrgRef::posts) {
            for on in days {
                let fast: Vec<_> = post.holders_on(on).collect();
                let walk: Vec<_> = post
                    .on(on)
                    .tenures()
                    .filter_map(crate::TenureRef::person)
                    .collect();
                assert_eq!(fast, walk, "{} {on}", post.slug());
                assert!(fast.iter().all(|p| p.at() == Some(on)));
                held += fast.len();
            }
        }
        assert!(held > 1_000, "{held}");
    }

    #[test]
    fn round_trips_through_turtle() {
        let g = national(2_000, 11);
        let ttl = crate::rdf::write_turtle(&g, Vec::new()).unwrap();
        let back = crate::rdf::import(ttl.as_slice(), crate::rdf::RdfFormat::Turtle).unwrap();
        assert_eq!(back.graph, g);
    }
}
