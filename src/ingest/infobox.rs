//! The meaning layer's vocabulary: which parameter of Wikipedia's
//! "Infobox government agency" template a key is, and how its values
//! (dates, widths, web addresses, names with qualifiers) are read.
//!
//! | parameter (current and legacy spellings) | becomes |
//! |---|---|
//! | `agency_name`, `name` | an English alternate label (the title is the preferred one) |
//! | `nativename`, `nativename_a`, `native_name`, `native_name_a` | the preferred label in the language its script shows |
//! | `nativename_r`, `native_name_r` | an alternate label in that language, Latin script |
//! | `type`, `agency_type` | the [`OrgKind`] when it clearly maps, and a body-type category |
//! | `logo`, `logo_width` (`logo_size`), `seal`, `seal_width` (`seal_size`) | the [`Logo`](crate::Logo) (the seal only when there is no logo) |
//! | `formed`, `dissolved` | founding and dissolution dates |
//! | `preceding1`..`6`, `superseding1`..`6` | `Replaces` links, newer to older, and reorganization events dated `formed` / `dissolved`; years after a name, `(1952–1998)`, are that body's |
//! | `jurisdiction` | a [`Jurisdiction`](crate::Jurisdiction) linked by `HasJurisdiction` |
//! | `headquarters` | the headquarters [`Site`](crate::Site) and the places it lies in |
//! | `employees`, `budget` | the text as written |
//! | `chief1`..`9` `_name`/`_position`, `minister1`..`8` `_name`/`_pfo`, `deputyminister1`..`8` `_name`/`_pfo` | a person (one per name of the field) holding a post in the body; with no position, a post titled for the role (see [`Ingester`]) |
//! | `minister_type` | the word of the title supplied for a minister given without a portfolio |
//! | `parent_department`, `parent_agency` | the parent body |
//! | `child1_agency`..`child25_agency` | sub-organizations |
//! | `keydocument1`.. | key documents |
//! | `website` | the official [`Website`](crate::Website) |
//! | `agency_id` | `same_as` a Wikidata entity when it is a Q-id |
//! | captions, image, status, motto, maps, coordinates, footnotes | reported as ignored, with the reason |

use std::collections::{BTreeMap, HashMap};

use super::article::{Article, Field, WarningKind};
use super::fact::{Fact, LeaderRole};
use super::ingester::{Ctx, Ingester};
use super::leaders::Leader;
use super::report::IgnoreReason;

use super::staging::{labels_mut, suffixed};
use super::text::{
    clean_name, file_name, guess_lang, name_key, parse_date, parse_url, parse_width, wikidata,
};
use crate::{
    Address, CategoryKind, Jurisdiction, Lang, Logo, Node, NodeKind, PlaceKind, Relation, Site,
    Slug, Source, Website,
};

/// What a template parameter means to the ingester.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Param {
    Name,
    NativeName,
    NativeNameRomanized,
    Type,
    Logo,
    LogoWidth,
    Seal,
    SealWidth,
    Formed,
    Dissolved,
    Preceding,
    Superseding,
    Jurisdiction,
    Headquarters,
    Employees,
    Budget,
    MinisterType,
    Leader(LeaderRole, LeaderPart),
    Parent,
    Child,
    KeyDocument,
    Website,
    AgencyId,
    /// A parameter of the template the model has no place for.
    NotModelled(&'static str),
    /// A numbered parameter past the template's last number.
    OutOfRange(u32),
    Unknown,
}

/// Which half of a leader pair a parameter gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LeaderPart {
    Name,
    Post,
}

/// Splits `chief1_name` into (`chief`, Some(1), `_name`).
fn numbered(param: &str) -> (&str, Option<u32>, &str) {
    let start = param
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(param.len());
    let end = param[start..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(param.len(), |e| start + e);
    let n = param[start..end].parse().ok();
    (&param[..start], n, &param[end..])
}

/// Classifies a parameter name as [`Field::parameter`](super::Field::parameter) gives it.
pub(crate) fn classify(param: &str) -> Param {
    let direct = match param {
        "name" | "agency_name" => Some(Param::Name),
        "nativename" | "nativename_a" | "native_name" | "native_name_a" => Some(Param::NativeName),
        "nativename_r" | "native_name_r" => Some(Param::NativeNameRomanized),
        "type" | "agency_type" => Some(Param::Type),
        "logo" => Some(Param::Logo),
        "logo_width" | "logo_size" => Some(Param::LogoWidth),
        "seal" => Some(Param::Seal),
        "seal_width" | "seal_size" => Some(Param::SealWidth),
        "formed" => Some(Param::Formed),
        "dissolved" => Some(Param::Dissolved),
        "jurisdiction" => Some(Param::Jurisdiction),
        "headquarters" => Some(Param::Headquarters),
        "employees" => Some(Param::Employees),
        "budget" => Some(Param::Budget),
        "minister_type" => Some(Param::MinisterType),
        "parent_department" | "parent_agency" => Some(Param::Parent),
        "website" => Some(Param::Website),
        "agency_id" => Some(Param::AgencyId),
        "logo_caption" | "seal_caption" | "image_caption" => Some(Param::NotModelled("captions")),
        "logo_alt" | "seal_alt" | "image_alt" => Some(Param::NotModelled("alternative text")),
        "image" | "image_size" | "image_width" | "picture" => {
            Some(Param::NotModelled("pictures other than the logo"))
        }
        "status" => Some(Param::NotModelled("a body's status")),
        "motto" => Some(Param::NotModelled("mottos")),
        "footnotes" | "embed" | "region_code" => Some(Param::NotModelled("this parameter")),
        "map" | "map_width" | "map_caption" | "map_alt" | "coordinates" | "latd" | "latm"
        | "lats" | "latns" | "longd" | "longm" | "longs" | "longew" => {
            Some(Param::NotModelled("maps and coordinates"))
        }
        _ => None,
    };
    if let Some(p) = direct {
        return p;
    }
    let (stem, n, rest) = numbered(param);
    let n = n.unwrap_or(1);
    let (param, max) = match (stem, rest) {
        ("preceding", "") => (Param::Preceding, 6),
        ("superseding", "") => (Param::Superseding, 6),
        ("child", "" | "_agency") => (Param::Child, 25),
        ("keydocument", "") => (Param::KeyDocument, 99),
        ("chief", "_name") => (Param::Leader(LeaderRole::Chief, LeaderPart::Name), 9),
        ("chief", "_position") => (Param::Leader(LeaderRole::Chief, LeaderPart::Post), 9),
        ("minister", "_name") => (Param::Leader(LeaderRole::Minister, LeaderPart::Name), 8),
        ("minister", "_pfo") => (Param::Leader(LeaderRole::Minister, LeaderPart::Post), 8),
        ("deputyminister", "_name") => (
            Param::Leader(LeaderRole::DeputyMinister, LeaderPart::Name),
            8,
        ),
        ("deputyminister", "_pfo") => (
            Param::Leader(LeaderRole::DeputyMinister, LeaderPart::Post),
            8,
        ),
        _ => return Param::Unknown,
    };
    if n == 0 || n > max {
        Param::OutOfRange(max)
    } else {
        param
    }
}

/// The number in a numbered parameter (1 when there is none).
pub(crate) fn param_number(param: &str) -> u32 {
    numbered(param).1.unwrap_or(1)
}

impl Ingester {
    /// True when `field` is the first filled one of its parameter in this
    /// infobox; an empty or repeated field is reported as ignored (in the
    /// order the fields come) and false is answered. Shared by the agency
    /// and the post infoboxes.
    pub(super) fn first_filled(
        &mut self,
        ctx: &Ctx,
        seen: &mut HashMap<String, usize>,
        field: &Field,
        param: &str,
    ) -> bool {
        let (key, line) = (field.key.as_str(), field.line);
        if field.value.is_empty() {
            self.ignore(ctx, line, key, IgnoreReason::EmptyValue);
            return false;
        }
        if let Some(&first_line) = seen.get(param) {
            self.ignore(ctx, line, key, IgnoreReason::Repeated { first_line });
            return false;
        }
        seen.insert(param.to_owned(), line);
        true
    }

    /// A name the infobox declares for its subject: registered for name
    /// resolution, and an English alternate label unless it is the English
    /// name already.
    pub(super) fn declared_name(
        &mut self,
        kind: NodeKind,
        subject: usize,
        value: &str,
        ctx: &Ctx,
        line: usize,
    ) {
        let name = clean_name(value);
        self.register(kind, &name, subject);
        if let Some(labels) = labels_mut(&mut self.nodes[subject].node) {
            if labels.english().map(name_key) != Some(name_key(&name)) {
                labels.add_alternate(Lang::en(), name);
            }
        }
        self.fact(subject, Fact::Name, ctx, line, true);
    }

    #[expect(
        clippy::too_many_lines,
        reason = "one arm per template parameter, in the table's order"
    )]
    pub(super) fn read_infobox(&mut self, ctx: &Ctx, article: &Article, subject: usize) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut leaders: BTreeMap<(LeaderRole, u32), Leader> = BTreeMap::new();
        let mut logo: Option<(&str, usize, &str)> = None;
        let mut seal: Option<(&str, usize, &str)> = None;
        let mut logo_width: Option<(&str, usize, &str)> = None;
        let mut seal_width: Option<(&str, usize, &str)> = None;
        let mut minister_type: Option<(&str, usize, &str)> = None;
        let mut native_lang: Option<Lang> = None;
        let mut romanized: Vec<(&str, usize)> = Vec::new();
        let mut preceding: Vec<(usize, usize)> = Vec::new();
        let mut superseding: Vec<(usize, usize)> = Vec::new();

        for field in &article.infobox {
            let param = field.parameter();
            let (key, value, line) = (field.key.as_str(), field.value.as_str(), field.line);
            if !self.first_filled(ctx, &mut seen, field, &param) {
                continue;
            }
            match classify(&param) {
                Param::Name => {
                    self.declared_name(NodeKind::Organization, subject, value, ctx, line);
                }
                Param::NativeName => {
                    let lang = guess_lang(value);
                    native_lang.get_or_insert_with(|| lang.clone());
                    let claim = format!("{lang}:{value}");
                    if self.claim(subject, Fact::NativeName, &claim, ctx, line) {
                        if let Some(labels) = labels_mut(&mut self.nodes[subject].node) {
                            if labels.preferred(&lang).is_some() {
                                labels.add_alternate(lang, value);
                            } else {
                                labels.set_preferred(lang, value);
                            }
                        }
                    }
                    self.register(NodeKind::Organization, value, subject);
                    self.fact(subject, Fact::NativeName, ctx, line, true);
                }
                Param::NativeNameRomanized => romanized.push((value, line)),
                Param::Type => {
                    let c = self.category(CategoryKind::BodyType, value, ctx, line);
                    self.link(subject, Relation::Classification, c, ctx, line);
                    self.fact(subject, Fact::Type, ctx, line, true);
                }
                Param::Logo => logo = Some((value, line, key)),
                Param::LogoWidth => logo_width = Some((value, line, key)),
                Param::Seal => seal = Some((value, line, key)),
                Param::SealWidth => seal_width = Some((value, line, key)),
                Param::Formed | Param::Dissolved => {
                    let fact = if classify(&param) == Param::Formed {
                        Fact::Founded
                    } else {
                        Fact::Dissolved
                    };
                    let Some(date) = parse_date(value) else {
                        self.warn(
                            ctx,
                            line,
                            WarningKind::UnreadableDate {
                                text: value.to_owned(),
                            },
                        );
                        continue;
                    };
                    if self.claim(subject, fact, &date.to_string(), ctx, line) {
                        if let Node::Organization(o) = &mut self.nodes[subject].node {
                            if fact == Fact::Founded {
                                o.founded = Some(date);
                            } else {
                                o.details_mut().dissolved = Some(date);
                            }
                        }
                    }
                    self.fact(subject, fact, ctx, line, true);
                }
                Param::Preceding => {
                    let older = self.reorganized_body(ctx, value, line);
                    preceding.push((older, line));
                    self.link(subject, Relation::Replaces, older, ctx, line);
                    self.fact(older, Fact::Preceding, ctx, line, true);
                    self.fact(subject, Fact::Preceding, ctx, line, false);
                }
                Param::Superseding => {
                    let newer = self.reorganized_body(ctx, value, line);
                    superseding.push((newer, line));
                    self.link(newer, Relation::Replaces, subject, ctx, line);
                    self.fact(newer, Fact::Superseding, ctx, line, true);
                    self.fact(subject, Fact::Superseding, ctx, line, false);
                }
                Param::Jurisdiction => {
                    let name = clean_name(value);
                    let j = self.named(NodeKind::Jurisdiction, &name, ctx, line, |s, n| {
                        Jurisdiction::new(s, n).into()
                    });
                    self.link(subject, Relation::HasJurisdiction, j, ctx, line);
                    self.fact(j, Fact::Jurisdiction, ctx, line, true);
                    self.fact(subject, Fact::Jurisdiction, ctx, line, true);
                }
                Param::Headquarters => self.headquarters(ctx, subject, value, line),
                Param::Employees | Param::Budget => {
                    let fact = if classify(&param) == Param::Employees {
                        Fact::Employees
                    } else {
                        Fact::Budget
                    };
                    if self.claim(subject, fact, value, ctx, line) {
                        if let Node::Organization(o) = &mut self.nodes[subject].node {
                            if fact == Fact::Employees {
                                o.details_mut().employees = Some(value.to_owned());
                            } else {
                                o.details_mut().budget = Some(value.to_owned());
                            }
                        }
                    }
                    self.fact(subject, fact, ctx, line, true);
                }
                Param::MinisterType => minister_type = Some((value, line, key)),
                Param::Leader(role, part) => {
                    let slot = leaders.entry((role, param_number(&param))).or_default();
                    let v = Some((value.to_owned(), line));
                    match part {
                        LeaderPart::Name => slot.name = v,
                        LeaderPart::Post => slot.post = v,
                    }
                }
                Param::Parent => {
                    let parent = self.org(value, ctx, line, None);
                    self.link(subject, Relation::SubOrganizationOf, parent, ctx, line);
                    self.fact(parent, Fact::Child, ctx, line, true);
                    self.fact(subject, Fact::Parent, ctx, line, true);
                }
                Param::Child => {
                    let child = self.org(value, ctx, line, None);
                    self.link(child, Relation::SubOrganizationOf, subject, ctx, line);
                    self.fact(child, Fact::Parent, ctx, line, true);
                    self.fact(subject, Fact::Child, ctx, line, false);
                }
                Param::KeyDocument => {
                    if let Node::Organization(o) = &mut self.nodes[subject].node {
                        if !o.details().key_documents.iter().any(|d| d == value) {
                            o.details_mut().key_documents.push(value.to_owned());
                        }
                    }
                    self.fact(subject, Fact::KeyDocument, ctx, line, true);
                }
                Param::Website => self.website(ctx, subject, value, line),
                Param::AgencyId => {
                    let Some(iri) = wikidata(value).and_then(|w| Source::new(w).ok()) else {
                        self.ignore(ctx, line, key, IgnoreReason::NotWikidata);
                        continue;
                    };
                    if let Node::Organization(o) = &mut self.nodes[subject].node {
                        if !o.details().same_as.contains(&iri) {
                            o.details_mut().same_as.push(iri);
                        }
                    }
                    self.fact(subject, Fact::SameAs, ctx, line, true);
                }
                Param::NotModelled(what) => {
                    self.ignore(ctx, line, key, IgnoreReason::NotModelled { what });
                }
                Param::OutOfRange(max) => {
                    self.ignore(ctx, line, key, IgnoreReason::OutOfRange { max });
                }
                Param::Unknown => self.ignore(ctx, line, key, IgnoreReason::UnknownKey),
            }
        }

        for (value, line) in romanized {
            let primary = native_lang
                .as_ref()
                .map_or("und", |l| l.as_str().split('-').next().unwrap_or("und"));
            let lang = Lang::new(format!("{primary}-Latn")).unwrap_or_else(|_| Lang::en());
            if let Some(labels) = labels_mut(&mut self.nodes[subject].node) {
                labels.add_alternate(lang, value);
            }
            self.register(NodeKind::Organization, value, subject);
            self.fact(subject, Fact::RomanizedName, ctx, line, true);
        }
        self.emblem(ctx, subject, logo, logo_width, seal, seal_width);
        self.leaders(ctx, article, subject, leaders, minister_type);
        self.reorganizations(ctx, subject, &preceding, &superseding);
    }

    pub(super) fn emblem(
        &mut self,
        ctx: &Ctx,
        subject: usize,
        logo: Option<(&str, usize, &str)>,
        logo_width: Option<(&str, usize, &str)>,
        seal: Option<(&str, usize, &str)>,
        seal_width: Option<(&str, usize, &str)>,
    ) {
        let (image, width) = match (logo, seal) {
            (Some(l), Some(s)) => {
                self.ignore(ctx, s.1, s.2, IgnoreReason::OneEmblem);
                if let Some(w) = seal_width {
                    self.ignore(ctx, w.1, w.2, IgnoreReason::OneEmblem);
                }
                (l, logo_width)
            }
            (Some(l), None) => {
                if let Some(w) = seal_width {
                    self.ignore(ctx, w.1, w.2, IgnoreReason::WidthWithoutImage);
                }
                (l, logo_width)
            }
            (None, Some(s)) => {
                if let Some(w) = logo_width {
                    self.ignore(ctx, w.1, w.2, IgnoreReason::WidthWithoutImage);
                }
                (s, seal_width)
            }
            (None, None) => {
                for w in [logo_width, seal_width].into_iter().flatten() {
                    self.ignore(ctx, w.1, w.2, IgnoreReason::WidthWithoutImage);
                }
                return;
            }
        };
        let mut emblem = Logo::new(file_name(image.0));
        if let Some((text, line, _)) = width {
            if let Some(px) = parse_width(text) {
                emblem = emblem.with_width_px(px);
                self.fact(subject, Fact::LogoWidth, ctx, line, true);
            } else {
                self.warn(
                    ctx,
                    line,
                    WarningKind::UnreadableWidth {
                        text: text.to_owned(),
                    },
                );
            }
        }
        let value = match emblem.width_px {
            Some(px) => format!("{} ({px} px)", emblem.file),
            None => emblem.file.clone(),
        };
        if self.claim(subject, Fact::Logo, &value, ctx, image.1) {
            if let Node::Organization(o) = &mut self.nodes[subject].node {
                o.details_mut().logo = Some(emblem);
            }
        }
        self.fact(subject, Fact::Logo, ctx, image.1, true);
    }

    pub(super) fn headquarters(&mut self, ctx: &Ctx, subject: usize, value: &str, line: usize) {
        let label = clean_name(value);
        self.fact(subject, Fact::Headquarters, ctx, line, true);
        if !self.claim(subject, Fact::Headquarters, &label, ctx, line) {
            return;
        }
        let parts: Vec<&str> = label
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let mut address = Address::new();
        let mut places = Vec::new();
        if let [street, middle @ .., locality] = parts.as_slice() {
            address = address.with_street(*street).with_locality(*locality);
            for part in middle {
                let kind = if part.to_lowercase().ends_with("district") {
                    PlaceKind::District
                } else {
                    PlaceKind::Other
                };
                places.push(self.place(kind, part, ctx, line));
            }
            places.push(self.place(PlaceKind::City, locality, ctx, line));
        }
        let base = self.node_key(subject).slug;
        let slug = suffixed(base.as_str(), "headquarters").unwrap_or(base);
        let slug = self.unique(NodeKind::Site, slug);
        let site = Site::new(slug, &label).with_address(address);
        let s = self.push(site.into(), &label, ctx, line, false);
        self.fact(s, Fact::Headquarters, ctx, line, true);
        self.link(subject, Relation::PrimarySite, s, ctx, line);
        if let Some(&first) = places.first() {
            self.link(s, Relation::ContainedIn, first, ctx, line);
        }
        for pair in places.windows(2) {
            self.link(pair[0], Relation::ContainedIn, pair[1], ctx, line);
        }
    }

    pub(super) fn website(&mut self, ctx: &Ctx, subject: usize, value: &str, line: usize) {
        let made = parse_url(value).and_then(|(url, label)| {
            let slug = Slug::from_name(&label).ok()?;
            Website::new(slug, url.clone(), label)
                .ok()
                .map(|w| (url, w))
        });
        let Some((url, site)) = made else {
            self.warn(
                ctx,
                line,
                WarningKind::UnreadableUrl {
                    text: value.to_owned(),
                },
            );
            return;
        };
        let w = if let Some(i) = self.find(NodeKind::Website, &url) {
            self.note_merge(i, &url, ctx, line);
            i
        } else {
            let mut site = site;
            site.slug = self.unique(NodeKind::Website, site.slug.clone());
            self.push(site.into(), &url, ctx, line, false)
        };
        self.link(subject, Relation::OfficialWebsite, w, ctx, line);
        self.fact(w, Fact::Website, ctx, line, true);
        self.fact(subject, Fact::Website, ctx, line, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_cover_both_spellings() {
        assert_eq!(classify("agency_name"), Param::Name);
        assert_eq!(classify("name"), Param::Name);
        assert_eq!(classify("native_name_a"), Param::NativeName);
        assert_eq!(classify("nativename_r"), Param::NativeNameRomanized);
        assert_eq!(classify("agency_type"), Param::Type);
        assert_eq!(
            classify("chief9_position"),
            Param::Leader(LeaderRole::Chief, LeaderPart::Post)
        );
        assert_eq!(classify("chief10_name"), Param::OutOfRange(9));
        assert_eq!(classify("child25_agency"), Param::Child);
        assert_eq!(classify("child26_agency"), Param::OutOfRange(25));
        assert_eq!(
            classify("deputyminister2_pfo"),
            Param::Leader(LeaderRole::DeputyMinister, LeaderPart::Post)
        );
        assert_eq!(classify("preceding"), Param::Preceding);
        assert_eq!(classify("keydocument3"), Param::KeyDocument);
        assert_eq!(classify("motto"), Param::NotModelled("mottos"));
        assert_eq!(classify("favourite_colour"), Param::Unknown);
        assert_eq!(param_number("child12_agency"), 12);
    }
}
