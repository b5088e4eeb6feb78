//! Lint: the dates of a graph that cannot all be true.
//!
//! This file is long (over 800 lines) on purpose: each finding kind is one
//! check next to the type that reports it, and the readable line of every
//! finding is written beside it, so one kind can be read whole in one place.
//!
//! [`GovGraph::lint`] walks the graph and reports each [`Finding`]:
//! a fact the graph's own dates make *certainly* wrong. The graph refuses
//! what is wrong on its face (an interval that ends before it begins, two
//! parents at once, a cycle on some date); lint finds what is wrong only
//! next to other facts.
//!
//! ## What is checked
//!
//! | finding | when |
//! |---|---|
//! | [`Finding::OverlappingHolders`] | two tenures of a [single-seat](crate::Post::is_single_seat) post surely overlap |
//! | [`Finding::TenureOutsideLifetime`] | a tenure surely has a day before its post was formed or after it was abolished; else, before its body was founded or after it was dissolved |
//! | [`Finding::HolderDead`] | a tenure surely runs on after its holder's death (or began after it, or has no end recorded) |
//! | [`Finding::LinkOutsideLifetime`] | a dated link (a parent, a post's body, …) surely has a day outside one of its ends' lifetimes |
//! | [`Finding::EventBody`] | a dated event names a body that did not exist as the event's kind requires (see below) |
//! | [`Finding::Dangling`] | a body ended (dissolved, or ended by an event) while a sub-organization or a post is known to have gone on under it |
//!
//! ## Certain, never possible
//!
//! Dates follow the [time semantics](crate::Interval): a partial date is
//! the whole period it names and intervals are half-open. Lint flags only
//! what is wrong *for every reading* of the dates, so month- and
//! year-precision data give no false alarm: Ji Pengfei (1980-02 – 1982-05)
//! and Du Xingyuan (1982-05 – 1983-06) were both Secretary-General at once
//! only if Du Xingyuan took office before Ji Pengfei left, both in May
//! 1982; that is possible, not certain, so nothing is flagged. Further:
//!
//! - A fact with no dates at all (an undated tenure) is timeless and never
//!   flagged.
//! - A missing start is read as *unknown* (it may be as late as the other
//!   facts allow), not as "since always": a tenure with no start date
//!   is surely in force on no particular day, except that one still in
//!   force whose start is known to exist ([`Bound::Undated`]) is surely in
//!   force now, so two current holders overlap.
//! - An end known to exist on an unknown date ([`Bound::Undated`]) proves
//!   nothing about when it fell.
//! - An acting tenure beside a substantive one is not an overlap: an
//!   acting holder may stand in for one who is absent. Two acting tenures,
//!   or two substantive ones, are.
//! - A tenure is checked against its body only through an undated
//!   `post_in` link (a post that moved between bodies is checked against
//!   its own lifetime), and only when it is within its post's lifetime, so
//!   one fault is reported once.
//! - A link with no recorded end is not checked against its ends' ends:
//!   it ended with them (see [Dangling](self#dangling)).
//!
//! ## Events, kind by kind
//!
//! For an event with a date `E` (an undated event is not checked), each
//! body it names must have existed as its role requires. An *original*
//! must not have been founded after `E` ([`EventProblem::NotYetFounded`])
//! nor dissolved before `E` ([`EventProblem::AlreadyDissolved`]). A
//! *result* must not have been founded after `E` (the event made it, or it
//! went on through it) nor dissolved on or before `E`. Then, by kind:
//!
//! - establishment: each result begins at `E`, so one founded before `E`
//!   is flagged ([`EventProblem::FoundedBefore`]). Other kinds' results
//!   may be bodies that already existed, and are not.
//! - abolition, replacement, merger, split, absorption: each original that
//!   is not also a result ends at `E`, so one dissolved after `E` is
//!   flagged ([`EventProblem::Outlived`]).
//! - transfer, rename, restructuring: the bodies go on (original and
//!   result), so only the existence checks above apply.
//!
//! ## Dangling
//!
//! A body *ends* on its dissolution date; a body with none ends on the date
//! of the earliest dated event that ends it (an abolition, replacement,
//! merger, split or absorption naming it as an original and not as a
//! result). A sub-organization or a post whose link to the body had not
//! ended by then is *dangling* when it is known to have gone on after that
//! end:
//!
//! - its own dissolution or abolition date is surely later; or
//! - for a body ended by an event, its link's end is surely later; or
//! - for a post of a body ended by an event, or linked to a dissolved body
//!   by a dated link, one of its tenures is still held, or surely ended
//!   later.
//!
//! An open end is no such evidence: a sub-organization, a post or a link
//! with no recorded end is taken to have ended with the body (the
//! Government Administration Council's Secretary-General, formed in 1949,
//! with no abolition recorded, went with the council in 1954). A tenure is
//! different: no end means the holder holds it now, so a tenure in force
//! after its post or body ended is flagged (as dangling through its post,
//! or as a tenure outside a lifetime, never both).
//!
//! ## Order and cost
//!
//! Findings come check by check in the order of the table above, and
//! within a check in graph order (posts, tenures, events and bodies in the
//! order they were inserted; links in the order they were made). The walk
//! is lazy, one pass over the nodes (or links) per check: O(nodes +
//! links), plus O(k log k) for a post with k tenures (sorted once, then
//! swept) and O(pairs) for the overlaps found. 250-320 ms for a million
//! nodes with dates (BENCHMARKS.md, "Time").
//!
//! ```
//! use govgraph::{GovGraph, Organization, OrgKind, Person, Post, Slug, Tenure};
//! use govgraph::lint::Finding;
//! let mut g = GovGraph::new();
//! let office = g.insert_org(Organization::new(Slug::new("office")?, OrgKind::Agency, "Office"))?;
//! let post = g.add_post(office, Post::new(Slug::new("head")?, "Head").head())?;
//! let a = g.insert_person(Person::new(Slug::new("a")?, "A"))?;
//! let b = g.insert_person(Person::new(Slug::new("b")?, "B"))?;
//! g.appoint(a, post, Tenure::new(Slug::new("a-head")?)
//!     .with_start("1980-02".parse()?).with_end("1982-05".parse()?))?;
//! g.appoint(b, post, Tenure::new(Slug::new("b-head")?).with_start("1982-05".parse()?))?;
//! assert_eq!(g.lint().count(), 0, "a hand-over inside May 1982 is possible");
//! let c = g.insert_person(Person::new(Slug::new("c")?, "C"))?;
//! g.appoint(c, post, Tenure::new(Slug::new("c-head")?).with_start("1981".parse()?))?;
//! let found: Vec<Finding> = g.lint().collect();
//! assert_eq!(found.len(), 2);
//! assert_eq!(found[0].to_string(),
//!     "single-seat post/head had two holders at once: person/a (1980-02 – 1982-05) \
//!      and person/c (since 1981)");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use crate::graph::{GovGraph, Pos};
use crate::model::{
    Bound, ChangeKind, Interval, Node, NodeKind, PartialDate, Relation, Slug, Tenure,
};

/// A node named in a finding, shown as its key `kind/slug`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct NodeKey {
    /// The node's kind.
    pub kind: NodeKind,
    /// The node's slug.
    pub slug: Slug,
}

impl fmt::Display for NodeKey {
    /// `post/secretary-general-of-the-state-council`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.kind.segment(), self.slug)
    }
}

/// One tenure named in a finding: the tenure, its holder and its dates.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Holding {
    /// The tenure's slug.
    pub tenure: Slug,
    /// The holder's slug, when the tenure has one.
    pub person: Option<Slug>,
    /// The tenure's dates.
    pub during: Interval,
    /// True for an acting or interim holder.
    pub acting: bool,
}

impl fmt::Display for Holding {
    /// `person/ji-pengfei (1980-02 – 1982-05)`, the tenure's key when it
    /// has no holder, and `, acting` inside the brackets for an acting
    /// holder.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.person {
            Some(p) => write!(f, "{}/{p}", NodeKind::Person.segment())?,
            None => write!(f, "{}/{}", NodeKind::Tenure.segment(), self.tenure)?,
        }
        let acting = if self.acting { ", acting" } else { "" };
        write!(f, " ({}{acting})", self.during)
    }
}

/// Which side of a lifetime something falls outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Side {
    /// It began before the lifetime did (before a founding or formation).
    Before,
    /// It ran on after the lifetime ended (after a dissolution or
    /// abolition).
    After,
}

/// A body's part in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// A body as it was before the event.
    Original,
    /// A body as it was after the event.
    Result,
}

/// What is wrong with a body an event names (see the [module
/// docs](self#events-kind-by-kind)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EventProblem {
    /// The body was founded after the event.
    NotYetFounded,
    /// The body was dissolved before the event (a result: on or before).
    AlreadyDissolved,
    /// An establishment's result was founded before it was established.
    FoundedBefore,
    /// A body the event ended was dissolved after it.
    Outlived,
}

/// How a body ended, in [`Finding::Dangling`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Ending {
    /// Its dissolution date.
    Dissolved,
    /// An event that ended it.
    Event {
        /// The event's slug.
        event: Slug,
        /// Its kind.
        kind: ChangeKind,
    },
}

/// A fact the graph's dates make certainly wrong. See the [module
/// docs](self) for when each is reported; its [`Display`](fmt::Display) is
/// one line a person reads, naming the nodes by key and the dates.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Finding {
    /// Two holders of a single-seat post at once.
    OverlappingHolders {
        /// The post.
        post: Slug,
        /// The tenure whose sure days begin first (an unknown start comes
        /// after every known one).
        first: Holding,
        /// The other.
        second: Holding,
    },
    /// A tenure with a day outside its post's or its body's lifetime.
    TenureOutsideLifetime {
        /// The tenure's post.
        post: Slug,
        /// The tenure.
        holding: Holding,
        /// The post itself, or the body it is in.
        of: NodeKey,
        /// That node's lifetime.
        lifetime: Interval,
        /// Which side the tenure falls outside.
        side: Side,
    },
    /// A tenure that runs on after its holder died.
    HolderDead {
        /// The tenure's post.
        post: Slug,
        /// The tenure (its holder is the person who died).
        holding: Holding,
        /// The date of death.
        died: PartialDate,
    },
    /// A dated link with a day outside one of its ends' lifetimes.
    LinkOutsideLifetime {
        /// Where the link starts.
        from: NodeKey,
        /// Its relation.
        relation: Relation,
        /// Where it ends.
        to: NodeKey,
        /// Its dates.
        during: Interval,
        /// The end whose lifetime it leaves (`from` or `to`).
        of: NodeKey,
        /// That end's lifetime.
        lifetime: Interval,
        /// Which side the link falls outside.
        side: Side,
    },
    /// An event naming a body that did not exist as its kind requires.
    EventBody {
        /// The event.
        event: Slug,
        /// Its kind.
        kind: ChangeKind,
        /// Its date.
        date: PartialDate,
        /// The body.
        body: Slug,
        /// The body's part in the event.
        role: Role,
        /// What is wrong.
        problem: EventProblem,
        /// The body's lifetime.
        lifetime: Interval,
    },
    /// A sub-organization or post left in force under a body that ended.
    Dangling {
        /// The body that ended.
        body: Slug,
        /// When.
        ended: PartialDate,
        /// How.
        by: Ending,
        /// The sub-organization or post left hanging.
        left: NodeKey,
        /// The dates of its link to the body.
        link: Interval,
    },
}

/// `1954-09` as a lifetime's bound, with what happened then.
fn lifetime_end(of: &NodeKey, lifetime: &Interval, side: Side) -> String {
    let (verb, bound) = match (of.kind, side) {
        (NodeKind::Post, Side::Before) => ("formed", lifetime.start),
        (NodeKind::Post, Side::After) => ("abolished", lifetime.end),
        (NodeKind::Person, Side::Before) => ("born", lifetime.start),
        (NodeKind::Person, Side::After) => ("died", lifetime.end),
        (_, Side::Before) => ("founded", lifetime.start),
        (_, Side::After) => ("dissolved", lifetime.end),
    };
    match bound {
        Some(b) => format!("{of} was {verb} ({b})"),
        None => format!("{of} was {verb}"),
    }
}

impl fmt::Display for Finding {
    #[expect(
        clippy::too_many_lines,
        reason = "one sentence per finding, each with its variants"
    )]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let post_key = |slug: &Slug| NodeKey {
            kind: NodeKind::Post,
            slug: slug.clone(),
        };
        match self {
            Finding::OverlappingHolders {
                post,
                first,
                second,
            } => write!(
                f,
                "single-seat {} had two holders at once: {first} and {second}",
                post_key(post)
            ),
            Finding::TenureOutsideLifetime {
                post,
                holding,
                of,
                lifetime,
                side,
            } => {
                let what = match side {
                    Side::Before => "began before",
                    Side::After if holding.during.is_current() => "is still in force, but",
                    Side::After => "ran on after",
                };
                write!(
                    f,
                    "the tenure of {} as {holding} {what} {}",
                    post_key(post),
                    lifetime_end(of, lifetime, *side)
                )
            }
            Finding::HolderDead {
                post,
                holding,
                died,
            } => {
                let what = if holding.during.is_current() {
                    "is still in force"
                } else if holding
                    .during
                    .start_date()
                    .is_some_and(|s| s.earliest() > died.latest())
                {
                    "began after that"
                } else {
                    "ran on after that"
                };
                let who = holding.person.as_ref().unwrap_or(&holding.tenure);
                write!(
                    f,
                    "person/{who} died ({died}), but their tenure of {} ({}) {what}",
                    post_key(post),
                    holding.during
                )
            }
            Finding::LinkOutsideLifetime {
                from,
                relation,
                to,
                during,
                of,
                lifetime,
                side,
            } => {
                let what = match side {
                    Side::Before => "began before",
                    Side::After => "ran on after",
                };
                write!(
                    f,
                    "the link {from} -{relation}-> {to} ({during}) {what} {}",
                    lifetime_end(of, lifetime, *side)
                )
            }
            Finding::EventBody {
                event,
                kind,
                date,
                body,
                role,
                problem,
                lifetime,
            } => {
                let role = match role {
                    Role::Original => "original",
                    Role::Result => "resulting",
                };
                let (what, bound) = match problem {
                    EventProblem::NotYetFounded => ("was founded only after it", lifetime.start),
                    EventProblem::AlreadyDissolved => ("had been dissolved by then", lifetime.end),
                    EventProblem::FoundedBefore => ("had been founded before it", lifetime.start),
                    EventProblem::Outlived => ("was dissolved only after it", lifetime.end),
                };
                let bound = bound.map(|b| format!(" ({b})")).unwrap_or_default();
                write!(
                    f,
                    "{}/{event} ({kind}, {date}) names {role} org/{body}, which {what}{bound}",
                    NodeKind::Event.segment()
                )
            }
            Finding::Dangling {
                body,
                ended,
                by,
                left,
                link,
            } => {
                let how = match by {
                    Ending::Dissolved => format!("was dissolved ({ended})"),
                    Ending::Event { event, kind } => format!(
                        "ended ({ended}, {kind} {}/{event})",
                        NodeKind::Event.segment()
                    ),
                };
                let hangs = match left.kind {
                    NodeKind::Post => "was still in it after that",
                    _ => "still hung from it after that",
                };
                let link = if link.is_timeless() {
                    String::new()
                } else {
                    format!(" ({link})")
                };
                write!(f, "org/{body} {how}, but {left}{link} {hangs}")
            }
        }
    }
}

type Day = (u16, u8, u8);

/// A day as an ordinal, with room below and above every real day.
fn ord((y, m, d): Day) -> u32 {
    (u32::from(y) << 9) | (u32::from(m) << 5) | u32::from(d)
}

/// The ordinal of the day after `day`.
fn next_day((y, m, d): Day) -> u32 {
    let next = PartialDate::ymd(i64::from(y), u32::from(m), u32::from(d) + 1)
        .or_else(|_| PartialDate::ymd(i64::from(y), u32::from(m) + 1, 1))
        .or_else(|_| PartialDate::ymd(i64::from(y) + 1, 1, 1));
    next.map_or(u32::MAX - 1, |n| ord(n.earliest()))
}

/// The days `during` surely covers, as `[lo, hi)` ordinals (see the module
/// docs: a missing or undated start is unknown, so only "now" is sure for
/// an interval still in force).
fn sure_days(during: &Interval) -> (u32, u32) {
    let hi = match during.end {
        None => u32::MAX,
        Some(Bound::Date(e)) => ord(e.earliest()),
        Some(Bound::Undated) => 0,
    };
    let lo = match during.start {
        Some(Bound::Date(s)) => ord(s.latest()),
        None | Some(Bound::Undated) if during.end.is_none() => u32::MAX - 1,
        None | Some(Bound::Undated) => u32::MAX,
    };
    (lo, hi)
}

/// Which side of `life` (a lifetime with dated bounds) `during` surely has
/// a day outside. With `open_after` false, an interval still in force is
/// not checked against the lifetime's end.
fn outside(during: &Interval, life: &Interval, open_after: bool) -> Option<Side> {
    if during.is_timeless() {
        return None;
    }
    if let Some(f) = life.start_date() {
        let f = f.earliest();
        let starts_before = during.start_date().is_some_and(|s| s.latest() < f);
        let ends_by = during.end_date().is_some_and(|u| u.latest() <= f);
        if starts_before || ends_by {
            return Some(Side::Before);
        }
    }
    if let Some(a) = life.end_date() {
        let a = a.latest();
        let open = open_after && during.is_current();
        let ends_after = during.end_date().is_some_and(|u| u.earliest() > a);
        let starts_after = during.start_date().is_some_and(|s| s.earliest() >= a);
        if open || ends_after || starts_after {
            return Some(Side::After);
        }
    }
    None
}

/// True when `during` surely runs on after `end` (an interval with no end
/// does).
fn runs_after(during: &Interval, end: PartialDate) -> bool {
    match during.end {
        None => true,
        Some(Bound::Date(u)) => u.earliest() > end.latest(),
        Some(Bound::Undated) => false,
    }
}

impl GovGraph {
    /// Every [`Finding`]: the facts whose dates cannot all be true. See
    /// the [`lint`](crate::lint) module for what is checked, why only
    /// certain faults are reported, the order and the cost.
    ///
    /// ```
    /// let g = govgraph::datasets::general_office();
    /// assert_eq!(g.lint().count(), 0);
    /// ```
    pub fn lint(&self) -> impl Iterator<Item = Finding> + '_ {
        let posts = self.positions().flat_map(|ix| self.overlaps(ix));
        let tenures = self.positions().flat_map(|ix| self.tenure_faults(ix));
        let links = self
            .links_during()
            .filter(|l| !l.3.is_timeless())
            .filter_map(move |(from, relation, to, during)| {
                self.link_faults(
                    Pos::from_raw(from.raw()),
                    relation,
                    Pos::from_raw(to.raw()),
                    during,
                )
            });
        let events = self.positions().flat_map(|ix| self.event_faults(ix));
        let dangling = self.positions().flat_map(|ix| self.dangling(ix));
        posts
            .chain(tenures)
            .chain(links)
            .chain(events)
            .chain(dangling)
    }

    fn key_at(&self, ix: Pos) -> NodeKey {
        NodeKey {
            kind: self.node_at(ix).kind(),
            slug: self.slug_at(ix).clone(),
        }
    }

    fn holding(&self, ix: Pos, t: &Tenure) -> Holding {
        Holding {
            tenure: t.slug.clone(),
            person: self
                .links_from(ix, Relation::Holder)
                .next()
                .map(|(p, _)| self.slug_at(p).clone()),
            during: t.during(),
            acting: t.acting,
        }
    }

    /// Overlapping holders of the post at `ix`, if it is single-seat.
    fn overlaps(&self, ix: Pos) -> Vec<Finding> {
        let Node::Post(post) = self.node_at(ix) else {
            return Vec::new();
        };
        if !post.is_single_seat() {
            return Vec::new();
        }
        let mut tenures: Vec<(u32, u32, Pos, &Tenure)> = self
            .links_to(ix, Relation::TenureOf)
            .filter_map(|(t, _)| match self.node_at(t) {
                Node::Tenure(tenure) if !tenure.during().is_timeless() => {
                    let (lo, hi) = sure_days(&tenure.during());
                    (lo < hi).then_some((lo, hi, t, tenure))
                }
                _ => None,
            })
            .collect();
        // Newest link first from the graph; sort by sure start, then graph
        // order, for a deterministic sweep.
        tenures.sort_unstable_by_key(|&(lo, hi, t, _)| (lo, t, hi));
        let mut found = Vec::new();
        let mut active: Vec<(u32, Pos, &Tenure)> = Vec::new();
        for &(lo, hi, t, tenure) in &tenures {
            // Every tenure still active began no later than this one and
            // ends after it begins: each surely overlaps it.
            active.retain(|&(end, _, _)| end > lo);
            for &(_, a, other) in &active {
                if other.acting == tenure.acting {
                    found.push(Finding::OverlappingHolders {
                        post: post.slug.clone(),
                        first: self.holding(a, other),
                        second: self.holding(t, tenure),
                    });
                }
            }
            active.push((hi, t, tenure));
        }
        found
    }

    /// The faults of the tenure at `ix`: outside its post's or body's
    /// lifetime, and after its holder's death.
    fn tenure_faults(&self, ix: Pos) -> Vec<Finding> {
        let Node::Tenure(tenure) = self.node_at(ix) else {
            return Vec::new();
        };
        let during = tenure.during();
        if during.is_timeless() {
            return Vec::new();
        }
        let mut found = Vec::new();
        if let Some((p, _)) = self.links_from(ix, Relation::TenureOf).next() {
            let post_slug = self.slug_at(p);
            let post_life = self.node_at(p).lifetime();
            let mut fault = outside(&during, &post_life, true).map(|side| (p, post_life, side));
            if fault.is_none() {
                fault = self
                    .links_from(p, Relation::PostIn)
                    .filter(|(_, link)| link.is_timeless())
                    .find_map(|(o, _)| {
                        let life = self.node_at(o).lifetime();
                        outside(&during, &life, true).map(|side| (o, life, side))
                    });
            }
            if let Some((of, lifetime, side)) = fault {
                found.push(Finding::TenureOutsideLifetime {
                    post: post_slug.clone(),
                    holding: self.holding(ix, tenure),
                    of: self.key_at(of),
                    lifetime,
                    side,
                });
            }
            if let Some(died) =
                self.links_from(ix, Relation::Holder)
                    .find_map(|(who, _)| match self.node_at(who) {
                        Node::Person(person) => person.died,
                        _ => None,
                    })
            {
                let after_death = match during.end {
                    None => true,
                    Some(Bound::Date(u)) => ord(u.earliest()) > next_day(died.latest()),
                    Some(Bound::Undated) => false,
                } || during
                    .start_date()
                    .is_some_and(|s| s.earliest() > died.latest());
                if after_death {
                    found.push(Finding::HolderDead {
                        post: post_slug.clone(),
                        holding: self.holding(ix, tenure),
                        died,
                    });
                }
            }
        }
        found
    }

    /// A dated link's days outside either end's lifetime (the source's
    /// first).
    fn link_faults(&self, a: Pos, relation: Relation, b: Pos, during: Interval) -> Option<Finding> {
        [a, b].into_iter().find_map(|end| {
            let lifetime = self.node_at(end).lifetime();
            let side = outside(&during, &lifetime, false)?;
            Some(Finding::LinkOutsideLifetime {
                from: self.key_at(a),
                relation,
                to: self.key_at(b),
                during,
                of: self.key_at(end),
                lifetime,
                side,
            })
        })
    }

    /// The faults of the event at `ix`, body by body: originals first,
    /// each list in graph order.
    fn event_faults(&self, ix: Pos) -> Vec<Finding> {
        let Node::Event(event) = self.node_at(ix) else {
            return Vec::new();
        };
        let Some(date) = event.date else {
            return Vec::new();
        };
        let sorted = |rel| {
            let mut v: Vec<Pos> = self.links_from(ix, rel).map(|(o, _)| o).collect();
            v.sort_unstable();
            v
        };
        let originals = sorted(Relation::OriginalOrganization);
        let results = sorted(Relation::ResultingOrganization);
        let (first, last) = (date.earliest(), date.latest());
        let ends = event.kind == ChangeKind::Abolition || event.kind.replaces();
        let mut found = Vec::new();
        for (role, list) in [(Role::Original, &originals), (Role::Result, &results)] {
            for &o in list {
                let Node::Organization(org) = self.node_at(o) else {
                    continue;
                };
                let (founded, dissolved) = (org.founded, org.details().dissolved);
                let problem = if founded.is_some_and(|f| f.earliest() > last) {
                    Some(EventProblem::NotYetFounded)
                } else if dissolved.is_some_and(|d| match role {
                    Role::Original => d.latest() < first,
                    Role::Result => d.latest() <= first,
                }) {
                    Some(EventProblem::AlreadyDissolved)
                } else if role == Role::Result
                    && event.kind == ChangeKind::Establishment
                    && founded.is_some_and(|f| f.latest() < first)
                {
                    Some(EventProblem::FoundedBefore)
                } else if role == Role::Original
                    && ends
                    && !results.contains(&o)
                    && dissolved.is_some_and(|d| d.earliest() > last)
                {
                    Some(EventProblem::Outlived)
                } else {
                    None
                };
                if let Some(problem) = problem {
                    found.push(Finding::EventBody {
                        event: event.slug.clone(),
                        kind: event.kind,
                        date,
                        body: org.slug.clone(),
                        role,
                        problem,
                        lifetime: self.node_at(o).lifetime(),
                    });
                }
            }
        }
        found
    }

    /// When and how the body at `ix` ended, if it did.
    fn ending(&self, ix: Pos) -> Option<(PartialDate, Ending)> {
        let Node::Organization(org) = self.node_at(ix) else {
            return None;
        };
        if let Some(d) = org.details().dissolved {
            return Some((d, Ending::Dissolved));
        }
        self.links_to(ix, Relation::OriginalOrganization)
            .filter_map(|(e, _)| match self.node_at(e) {
                Node::Event(event)
                    if (event.kind == ChangeKind::Abolition || event.kind.replaces())
                        && !self
                            .links_from(e, Relation::ResultingOrganization)
                            .any(|(r, _)| r == ix) =>
                {
                    Some((event.date?, e, event))
                }
                _ => None,
            })
            .min_by_key(|&(d, e, _)| (d.earliest(), e))
            .map(|(d, _, event)| {
                (
                    d,
                    Ending::Event {
                        event: event.slug.clone(),
                        kind: event.kind,
                    },
                )
            })
    }

    /// The sub-organizations and posts left in force under the body at
    /// `ix` after it ended: sub-organizations first, each in graph order.
    fn dangling(&self, ix: Pos) -> Vec<Finding> {
        let Some((ended, by)) = self.ending(ix) else {
            return Vec::new();
        };
        let by_event = matches!(by, Ending::Event { .. });
        let later = |b: Option<Bound>| match b {
            Some(Bound::Date(d)) => d.earliest() > ended.latest(),
            _ => false,
        };
        let mut found = Vec::new();
        for rel in [Relation::SubOrganizationOf, Relation::PostIn] {
            let mut left: Vec<(Pos, Interval)> = self
                .links_to(ix, rel)
                .filter(|(n, link)| {
                    if !runs_after(link, ended) {
                        return false;
                    }
                    // Evidence that it went on: its own end, its link's end
                    // (for a dissolved body, a link ending later is a link
                    // outside its lifetime), or a tenure still held (for a
                    // dissolved body, one through an undated link is a
                    // tenure outside its body's lifetime).
                    later(self.node_at(*n).lifetime().end)
                        || (by_event && later(link.end))
                        || (rel == Relation::PostIn
                            && (by_event || !link.is_timeless())
                            && self.links_to(*n, Relation::TenureOf).any(|(t, _)| {
                                let during = self.node_at(t).lifetime();
                                !during.is_timeless() && runs_after(&during, ended)
                            }))
                })
                .collect();
            left.sort_unstable_by_key(|&(n, _)| n);
            found.extend(left.into_iter().map(|(n, link)| Finding::Dangling {
                body: self.slug_at(ix).clone(),
                ended,
                by: by.clone(),
                left: self.key_at(n),
                link,
            }));
        }
        found
    }
}
