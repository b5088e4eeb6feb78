//! [`Fact`]: which fact a line of an article gave about a node, as the
//! report's [`Provenance`](super::Provenance) and
//! [`Conflict`](super::Conflict) name it.

use std::fmt;

use crate::Relation;

/// Who an infobox leader parameter lists: the template's `chief…`,
/// `minister…` and `deputyminister…` parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum LeaderRole {
    /// `ChiefN Name` / `ChiefN Position`.
    Chief,
    /// `MinisterN Name` / `MinisterN Pfo`.
    Minister,
    /// `DeputyministerN Name` / `DeputyministerN Pfo`.
    DeputyMinister,
}

impl LeaderRole {
    /// The role as a reader would call its holder, capitalised as a title:
    /// `Chief`, `Minister`, `Deputy Minister`.
    pub fn title(self) -> &'static str {
        match self {
            LeaderRole::Chief => "Chief",
            LeaderRole::Minister => "Minister",
            LeaderRole::DeputyMinister => "Deputy Minister",
        }
    }
}

impl fmt::Display for LeaderRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LeaderRole::Chief => "chief",
            LeaderRole::Minister => "minister",
            LeaderRole::DeputyMinister => "deputy minister",
        })
    }
}

/// A fact an article states about a node. Printed in lowercase words
/// (`founded`, `see also`, `deputy minister`), a link by its relation's
/// name (`sub_organization_of`).
///
/// ```
/// use govgraph::ingest::{Fact, LeaderRole};
/// assert_eq!(Fact::Founded.to_string(), "founded");
/// assert_eq!(Fact::Leader(LeaderRole::DeputyMinister).to_string(), "deputy minister");
/// assert_eq!(Fact::Link(govgraph::Relation::PostIn).to_string(), "post_in");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Fact {
    /// The article's title names the node.
    Title,
    /// An English name (`Agency Name`, a post article's `Post`).
    Name,
    /// A native name.
    NativeName,
    /// A romanized native name.
    RomanizedName,
    /// The description (the first paragraph).
    Description,
    /// The body's type (`Agency Type`), a category.
    Type,
    /// The body's kind, as a claim that can conflict.
    Kind,
    /// The founding date (`Formed`).
    Founded,
    /// The dissolution date (`Dissolved`).
    Dissolved,
    /// A predecessor (`PrecedingN`).
    Preceding,
    /// A successor (`SupersedingN`).
    Superseding,
    /// A reorganization: the event that ended or began a body, with the
    /// bodies before and after it.
    Reorganization,
    /// The jurisdiction.
    Jurisdiction,
    /// The headquarters.
    Headquarters,
    /// The number of employees.
    Employees,
    /// The budget.
    Budget,
    /// The logo.
    Logo,
    /// The logo's width.
    LogoWidth,
    /// A leader: the post, its holder and the tenure.
    Leader(LeaderRole),
    /// A post's rank.
    Rank,
    /// The parent body.
    Parent,
    /// A child body.
    Child,
    /// A key document.
    KeyDocument,
    /// The official website.
    Website,
    /// A Wikidata id.
    SameAs,
    /// A function (a numbered item under Functions).
    Function,
    /// A "See also" entry.
    SeeAlso,
    /// A member of a "See also" group.
    GroupMember,
    /// A category the node is.
    Category,
    /// A place a site lies in.
    Place,
    /// The body that governs a jurisdiction.
    GoverningBody,
    /// The body a post is in (a post article's `Body`).
    Body,
    /// A holder of a post, with the dates of the tenure: a row of a list
    /// of officeholders, or a post article's `Incumbent` / `First`.
    Holder,
    /// A list of a post's holders starts here (its heading, or its
    /// table's header).
    HolderList,
    /// A deputy post of a post (a post article's `Deputy`).
    Deputy,
    /// A person's birth and death years, as a list of officeholders gives
    /// them (`Li Weihan (1896–1984)`).
    Lifespan,
    /// A Chinese name, from a list's column of Chinese characters.
    ChineseName,
    /// An acting or interim holder: a list row's name qualified
    /// `(acting)` or `(interim)`.
    Acting,
    /// A time with no holder: a "post abolished" line of a list.
    Vacancy,
    /// A single link, as a claim that can conflict.
    Link(Relation),
}

impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = match self {
            Fact::Title => "title",
            Fact::Name => "name",
            Fact::NativeName => "native name",
            Fact::RomanizedName => "romanized name",
            Fact::Description => "description",
            Fact::Type => "type",
            Fact::Kind => "kind",
            Fact::Founded => "founded",
            Fact::Dissolved => "dissolved",
            Fact::Preceding => "preceding",
            Fact::Superseding => "superseding",
            Fact::Reorganization => "reorganization",
            Fact::Jurisdiction => "jurisdiction",
            Fact::Headquarters => "headquarters",
            Fact::Employees => "employees",
            Fact::Budget => "budget",
            Fact::Logo => "logo",
            Fact::LogoWidth => "logo width",
            Fact::Leader(role) => return role.fmt(f),
            Fact::Rank => "rank",
            Fact::Parent => "parent",
            Fact::Child => "child",
            Fact::KeyDocument => "key document",
            Fact::Website => "website",
            Fact::SameAs => "same as",
            Fact::Function => "function",
            Fact::SeeAlso => "see also",
            Fact::GroupMember => "group member",
            Fact::Category => "category",
            Fact::Place => "place",
            Fact::GoverningBody => "governing body",
            Fact::Body => "body",
            Fact::Holder => "holder",
            Fact::HolderList => "list of holders",
            Fact::Deputy => "deputy",
            Fact::Lifespan => "lifespan",
            Fact::ChineseName => "chinese name",
            Fact::Acting => "acting",
            Fact::Vacancy => "vacancy",
            Fact::Link(r) => r.name(),
        };
        f.write_str(word)
    }
}
