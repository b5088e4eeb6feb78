//! Articles whose subject is a post (Wikipedia's "Infobox official
//! post"): the post, in the body its infobox names, with its holders.
//!
//! | parameter | becomes |
//! |---|---|
//! | `post` | an English alternate label of the post |
//! | `body` | the body the post is in (`PostIn`) |
//! | `native_name`, `nativename`, `native_name_a` | the preferred label in the language its script shows |
//! | `incumbent`, `incumbentsince` | a person holding the post, from that date, to now |
//! | `first`, `inaugural` | a person holding the post (the first holder; dates from a list, if one gives them) |
//! | `deputy` | a post of that name in the same body |
//! | `formation`, `formed` | when the post was created ([`Post::formed`](crate::Post::formed)) |
//! | `abolished` | when it was abolished ([`Post::abolished`](crate::Post::abolished)) |
//! | `precursor`, `succession`, and the template's other parameters | reported as not modelled |

use std::collections::HashMap;

use super::article::{Article, WarningKind};
use super::fact::Fact;
use super::ingester::{Ctx, Ingester};
use super::report::IgnoreReason;
use super::staging::labels_mut;
use super::text::{clean_name, guess_lang, name_key, parse_date};
use crate::{Node, NodeKind, Person, Post};

/// True when an article's subject is a post: its infobox line names the
/// "official post" template, or, naming none, the infobox gives a `Body`
/// and an `Incumbent` or `Post`.
pub(super) fn is_post_article(article: &Article) -> bool {
    if let Some(t) = &article.template {
        return name_key(t) == "official post";
    }
    let has = |p: &str| article.infobox.iter().any(|f| f.parameter() == p);
    has("body") && (has("incumbent") || has("post"))
}

/// What a parameter of "Infobox official post" means here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PostParam {
    Post,
    Body,
    NativeName,
    Incumbent,
    IncumbentSince,
    First,
    Deputy,
    Formed,
    Abolished,
    NotModelled(&'static str),
    Unknown,
}

fn classify(param: &str) -> PostParam {
    match param {
        "post" => PostParam::Post,
        "body" => PostParam::Body,
        "native_name" | "nativename" | "native_name_a" | "nativename_a" => PostParam::NativeName,
        "incumbent" => PostParam::Incumbent,
        "incumbentsince" | "incumbent_since" => PostParam::IncumbentSince,
        "first" | "inaugural" => PostParam::First,
        "deputy" => PostParam::Deputy,
        "formation" | "formed" => PostParam::Formed,
        "abolished" => PostParam::Abolished,
        "last" => PostParam::NotModelled("a post's last holder"),
        "precursor" | "succession" | "superseded_by" => {
            PostParam::NotModelled("links between posts")
        }
        "insignia" | "insigniasize" | "insigniacaption" | "image" | "imagesize" | "image_size"
        | "caption" | "alt" | "flag" | "flagsize" | "flagcaption" => {
            PostParam::NotModelled("pictures of a post")
        }
        "style"
        | "type"
        | "status"
        | "member_of"
        | "reports_to"
        | "residence"
        | "seat"
        | "nominator"
        | "appointer"
        | "termlength"
        | "term_length"
        | "constituting_instrument"
        | "unofficial_names"
        | "salary"
        | "website"
        | "department"
        | "acting"
        | "abbreviation"
        | "footnotes" => PostParam::NotModelled("this parameter of a post"),
        _ => PostParam::Unknown,
    }
}

impl Ingester {
    /// The post an article is about: the post of that name (or of its
    /// `Post` name) already known, or a new one, in the body its `Body`
    /// names.
    pub(super) fn post_subject(&mut self, ctx: &Ctx, article: &Article) -> usize {
        let line = article.title_line;
        let value = |want: PostParam| {
            article
                .infobox
                .iter()
                .find(|f| !f.value.is_empty() && classify(&f.parameter()) == want)
        };
        let body = value(PostParam::Body).map(|f| (clean_name(&f.value), f.line));
        let names = std::iter::once(article.title.clone())
            .chain(value(PostParam::Post).map(|f| clean_name(&f.value)));
        let existing = names
            .clone()
            .find_map(|n| self.find(NodeKind::Post, &n).map(|i| (i, n)));
        let i = match (existing, body) {
            (Some((i, n)), _) => {
                self.note_merge(i, &n, ctx, line);
                i
            }
            (None, Some((b, bline))) => {
                let org = self.org(&b, ctx, bline, None);
                self.post(ctx, org, &article.title, line, false)
            }
            (None, None) => {
                let slug = self.make_slug(NodeKind::Post, &article.title, ctx, line);
                let post = Post::new(slug, &article.title);
                self.push(post.into(), &article.title, ctx, line, false)
            }
        };
        self.register(NodeKind::Post, &article.title, i);
        self.nodes[i].titled = true;
        i
    }

    /// Reads the infobox of an article about a post.
    pub(super) fn read_post_infobox(&mut self, ctx: &Ctx, article: &Article, subject: usize) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut incumbent: Option<(usize, usize)> = None;
        let mut since: Option<(&str, usize, &str)> = None;
        let mut first: Vec<(usize, usize)> = Vec::new();
        for field in &article.infobox {
            let param = field.parameter();
            let (key, value, line) = (field.key.as_str(), field.value.as_str(), field.line);
            if !self.first_filled(ctx, &mut seen, field, &param) {
                continue;
            }
            match classify(&param) {
                PostParam::Post => {
                    self.declared_name(NodeKind::Post, subject, value, ctx, line);
                }
                PostParam::Body => {
                    // Linked when the post was made; a post already in
                    // another body is a conflict.
                    let org = self.org(value, ctx, line, None);
                    self.link(subject, crate::Relation::PostIn, org, ctx, line);
                    self.fact(subject, Fact::Body, ctx, line, true);
                    self.fact(org, Fact::Body, ctx, line, true);
                }
                PostParam::NativeName => {
                    let lang = guess_lang(value);
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
                    self.register(NodeKind::Post, value, subject);
                    self.fact(subject, Fact::NativeName, ctx, line, true);
                }
                PostParam::Incumbent => {
                    let person = self.person(value, ctx, line);
                    let t = self.hold(person, subject, ctx, line);
                    self.fact(t, Fact::Holder, ctx, line, true);
                    self.fact(subject, Fact::Holder, ctx, line, false);
                    incumbent = Some((t, line));
                }
                PostParam::First => {
                    // Read after the article's lists, which may give the
                    // first holder's tenure (in this post or the one before
                    // it).
                    let person = self.person(value, ctx, line);
                    first.push((person, line));
                }
                PostParam::IncumbentSince => since = Some((value, line, key)),
                PostParam::Deputy => {
                    let body = self
                        .single
                        .get(&(subject, crate::Relation::PostIn))
                        .map(|&(org, _, _)| org);
                    let deputy = if let Some(org) = body {
                        self.post(ctx, org, value, line, false)
                    } else {
                        let name = clean_name(value);
                        self.named(NodeKind::Post, &name, ctx, line, |s, n| {
                            Post::new(s, n).into()
                        })
                    };
                    self.fact(deputy, Fact::Deputy, ctx, line, true);
                    self.fact(subject, Fact::Deputy, ctx, line, false);
                }
                PostParam::Formed => self.post_date(ctx, subject, true, value, line),
                PostParam::Abolished => self.post_date(ctx, subject, false, value, line),
                PostParam::NotModelled(what) => {
                    self.ignore(ctx, line, key, IgnoreReason::NotModelled { what });
                }
                PostParam::Unknown => self.ignore(ctx, line, key, IgnoreReason::UnknownPostKey),
            }
        }
        let current = incumbent.map(|(t, _)| t);
        self.pending_first
            .extend(first.into_iter().map(|(p, l)| (p, subject, l, current)));
        if let Some(since) = since {
            self.incumbent_since(ctx, incumbent.map(|(t, _)| t), since);
        }
    }

    /// Reads a post's `Formation` (`formed`) or `Abolished` date, as a
    /// body's `Formed` and `Dissolved` are read.
    fn post_date(&mut self, ctx: &Ctx, subject: usize, formed: bool, value: &str, line: usize) {
        let fact = if formed {
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
            return;
        };
        if self.claim(subject, fact, &date.to_string(), ctx, line) {
            if let Node::Post(post) = &mut self.nodes[subject].node {
                if formed {
                    post.formed = Some(date);
                } else {
                    post.abolished = Some(date);
                }
            }
        }
        self.fact(subject, fact, ctx, line, true);
    }

    /// Dates the incumbent's tenure from `Incumbentsince`.
    fn incumbent_since(
        &mut self,
        ctx: &Ctx,
        incumbent: Option<usize>,
        (text, line, key): (&str, usize, &str),
    ) {
        match (incumbent, parse_date(text)) {
            (Some(t), Some(date)) => {
                if self.claim(t, Fact::Holder, &date.to_string(), ctx, line) {
                    if let Node::Tenure(tenure) = &mut self.nodes[t].node {
                        tenure.start = Some(crate::Bound::Date(date));
                    }
                }
                self.fact(t, Fact::Holder, ctx, line, true);
            }
            (Some(_), None) => self.warn(
                ctx,
                line,
                WarningKind::UnreadableDate {
                    text: text.to_owned(),
                },
            ),
            (None, _) => self.ignore(ctx, line, key, IgnoreReason::NoIncumbent),
        }
    }

    /// The person named `name`, with the line as a holder fact.
    fn person(&mut self, name: &str, ctx: &Ctx, line: usize) -> usize {
        let name = clean_name(name);
        let person = self.named(NodeKind::Person, &name, ctx, line, |s, n| {
            Person::new(s, n).into()
        });
        self.fact(person, Fact::Holder, ctx, line, true);
        person
    }

    /// The first holders an article's infobox names: a person a list of
    /// the article dated is cited on that tenure; any other holds the post,
    /// from a date not given, to a date not given unless it is the
    /// incumbent's tenure.
    pub(super) fn first_holders(&mut self, ctx: &Ctx) {
        for (person, post, line, current) in std::mem::take(&mut self.pending_first) {
            let listed = self
                .links
                .iter()
                .find(|l| {
                    l.relation == crate::Relation::Holder
                        && l.to == person
                        && self.dated_tenures.contains(&l.from)
                })
                .map(|l| l.from);
            let t = listed.unwrap_or_else(|| self.hold(person, post, ctx, line));
            if listed.is_none() && Some(t) != current {
                if let Node::Tenure(tenure) = &mut self.nodes[t].node {
                    tenure.start.get_or_insert(crate::Bound::Undated);
                    tenure.end.get_or_insert(crate::Bound::Undated);
                }
            }
            self.fact(t, Fact::Holder, ctx, line, true);
            self.fact(post, Fact::Holder, ctx, line, false);
        }
    }
}
