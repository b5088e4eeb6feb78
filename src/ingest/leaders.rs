//! Leaders in an infobox (chiefs, ministers, deputy ministers): the
//! posts they hold in the body, and the people holding them.

use std::collections::{BTreeMap, HashMap};

use super::article::ListItem;
use super::article::{Article, WarningKind};
use super::fact::{Fact, LeaderRole};
use super::ingester::{Ctx, Ingester};
use super::report::{IgnoreReason, SuppliedTitle};
use super::rows::End;
use super::staging::suffixed;
use super::text::{clean_name, is_plural_of, is_rank, name_key, split_names, split_qualifier};
use crate::{
    Bound, CategoryKind, Node, NodeKind, PartialDate, Person, Post, Relation, Slug, Tenure,
};

/// One chief, minister or deputy minister of an infobox.
#[derive(Default)]
pub(super) struct Leader {
    pub(super) name: Option<(String, usize)>,
    pub(super) post: Option<(String, usize)>,
}

/// The title supplied for a leader the infobox gives no position: the
/// role's word (`Chief`, `Minister`, `Deputy Minister`, or the infobox's
/// `Minister Type` for a minister), "of", and the body's name (without a
/// trailing parenthesised qualifier, which an article title adds to tell
/// bodies apart) with "the" before it unless it starts with one: `Deputy
/// Minister of the Ministry of Foreign Affairs` for the article "Ministry
/// of Foreign Affairs (China)".
pub(super) fn role_title(word: &str, body: &str) -> String {
    let body = split_qualifier(body).0;
    let starts_with_the = body
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    if starts_with_the {
        format!("{word} of {body}")
    } else {
        format!("{word} of the {body}")
    }
}

/// The titles an article gives a post in (the infobox's positions and
/// portfolios, each without a rank qualifier; the title; the headings and
/// list items of its sections), by [`name_key`], where the singular of a
/// plural position is looked for. The first title of each key is kept.
pub(super) fn titles_in(article: &Article) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut add = |t: String| {
        out.entry(name_key(&t)).or_insert(t);
    };
    add(article.title.clone());
    for f in &article.infobox {
        let p = f.parameter();
        if p.ends_with("_position") || p.ends_with("_pfo") || p == "post" {
            add(split_qualifier(&clean_name(&f.value)).0.to_owned());
        }
    }
    for s in article.all_sections() {
        add(s.heading.clone());
        let mut stack: Vec<&ListItem> = s.list_items().collect();
        while let Some(item) = stack.pop() {
            add(clean_name(&item.text));
            stack.extend(item.children.iter());
        }
    }
    out
}

/// The singular of the plural position `plural` when `titles` gives it:
/// a title whose words are `plural`'s with one of them, or every plural
/// one, in the singular (`Deputy Secretary-General` for `Deputy
/// Secretaries-General`). `None` when no title does: no singular is made
/// up. Cost: a few look-ups per word of `plural`.
pub(super) fn singular_given(plural: &str, titles: &HashMap<String, String>) -> Option<String> {
    let (base, qualifier) = split_qualifier(plural);
    let key = name_key(base);
    let words: Vec<&str> = key.split(' ').collect();
    let singulars = |w: &str| -> Vec<String> {
        let mut out = Vec::new();
        if let Some(stem) = w.strip_suffix("ies") {
            out.push(format!("{stem}y"));
        }
        if let Some(stem) = w.strip_suffix("men") {
            out.push(format!("{stem}man"));
        }
        if let Some(stem) = w.strip_suffix("es") {
            out.push(stem.to_owned());
        }
        if let Some(stem) = w.strip_suffix('s') {
            out.push(stem.to_owned());
        }
        out
    };
    let mut candidates: Vec<String> = Vec::new();
    let mut all: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let forms = singulars(w);
        for f in &forms {
            let mut c: Vec<&str> = words.clone();
            c[i] = f;
            candidates.push(c.join(" "));
        }
        all.push(forms.into_iter().next().unwrap_or_else(|| (*w).to_owned()));
    }
    candidates.push(all.join(" "));
    let found = candidates
        .iter()
        .filter_map(|c| titles.get(c))
        .find(|t| is_plural_of(base, t))?;
    Some(match qualifier {
        Some(q) => format!("{found} ({q})"),
        None => found.clone(),
    })
}

pub(super) fn is_deputy(post: &str) -> bool {
    name_key(post)
        .split(' ')
        .any(|w| w == "deputy" || w == "vice")
}

impl Ingester {
    /// The leaders of an infobox: for each, the post (as written, or a
    /// title supplied for its role, reported), in the subject body, and a
    /// person holding it for each name of the field.
    pub(super) fn leaders(
        &mut self,
        ctx: &Ctx,
        article: &Article,
        subject: usize,
        leaders: BTreeMap<(LeaderRole, u32), Leader>,
        minister_type: Option<(&str, usize, &str)>,
    ) {
        let has_chief_post = leaders
            .iter()
            .any(|((r, _), l)| *r == LeaderRole::Chief && l.post.is_some());
        let elsewhere = titles_in(article);
        let mut head_given = false;
        let mut type_used = false;
        for ((role, _), leader) in leaders {
            let fact = Fact::Leader(role);
            let Some((names_text, name_line)) = leader.name else {
                // A position with no name: the post exists, held by no one
                // the article names.
                if let Some((text, line)) = leader.post {
                    let heads = false;
                    let p = self.post(ctx, subject, &text, line, heads);
                    self.fact(p, fact, ctx, line, true);
                    self.fact(subject, fact, ctx, line, false);
                }
                continue;
            };
            let names = split_names(&names_text);
            let (post_text, post_line, supplied) = if let Some((p, l)) = leader.post {
                (p, l, false)
            } else {
                let word = match (role, minister_type) {
                    (LeaderRole::Minister, Some((t, l, _))) => {
                        type_used = true;
                        self.fact(subject, fact, ctx, l, true);
                        clean_name(t)
                    }
                    _ => role.title().to_owned(),
                };
                let body = self.nodes[subject].node.display_name().to_owned();
                (role_title(&word, &body), name_line, true)
            };
            let post_text = if names.len() > 1 {
                singular_given(&post_text, &elsewhere).unwrap_or(post_text)
            } else {
                post_text
            };
            let may_head = match role {
                LeaderRole::Chief => true,
                LeaderRole::Minister => !has_chief_post,
                LeaderRole::DeputyMinister => false,
            };
            let heads = may_head && !head_given && !is_deputy(&post_text);
            head_given |= heads;
            let p = self.post(ctx, subject, &post_text, post_line, heads);
            if supplied {
                let post = self.node_key(p);
                let at = self.at(ctx.article, name_line);
                self.report.supplied.push(SuppliedTitle {
                    post,
                    title: post_text.clone(),
                    role,
                    at,
                });
            }
            self.fact(p, fact, ctx, post_line, true);
            self.fact(subject, fact, ctx, post_line, false);
            for name in names {
                let person = self.named(NodeKind::Person, &name, ctx, name_line, |s, n| {
                    Person::new(s, n).into()
                });
                self.fact(person, fact, ctx, name_line, true);
                let t = self.hold(person, p, ctx, name_line);
                self.fact(t, fact, ctx, name_line, true);
            }
        }
        if let Some((_, line, key)) = minister_type {
            if !type_used {
                self.ignore(ctx, line, key, IgnoreReason::MinisterTypeUnused);
            }
        }
    }

    /// The tenure of `person` in `post`, made (and linked) when there is
    /// none yet; its slug is `<person>-<post>`.
    pub(super) fn hold(&mut self, person: usize, post: usize, ctx: &Ctx, line: usize) -> usize {
        let (ps, qs) = (self.node_key(person).slug, self.node_key(post).slug);
        let slug = suffixed(ps.as_str(), qs.as_str()).unwrap_or(ps);
        let existing = self
            .by_slug
            .contains(&(NodeKind::Tenure, slug.clone()))
            .then(|| self.find(NodeKind::Tenure, slug.as_str()))
            .flatten();
        if let Some(t) = existing {
            return t;
        }
        self.new_tenure(person, post, slug, ctx, line)
    }

    /// A new tenure of `person` in `post`, under `slug` made unique.
    pub(super) fn new_tenure(
        &mut self,
        person: usize,
        post: usize,
        slug: Slug,
        ctx: &Ctx,
        line: usize,
    ) -> usize {
        let slug = self.unique(NodeKind::Tenure, slug);
        let name = slug.to_string();
        let t = self.push(Tenure::new(slug).into(), &name, ctx, line, false);
        self.link(t, Relation::Holder, person, ctx, line);
        self.link(t, Relation::TenureOf, post, ctx, line);
        t
    }

    /// The post named `text` in the subject: an existing post of that name
    /// in no body or in this one, else a new one. A rank qualifier becomes
    /// the post's rank.
    pub(super) fn post(
        &mut self,
        ctx: &Ctx,
        subject: usize,
        text: &str,
        line: usize,
        heads: bool,
    ) -> usize {
        let text = clean_name(text);
        let (base, qualifier) = split_qualifier(&text);
        let (name, rank) = match qualifier {
            Some(q) if is_rank(q) => (base.to_owned(), Some(q.to_owned())),
            Some(q) => {
                self.warn(
                    ctx,
                    line,
                    WarningKind::QualifierKept {
                        qualifier: q.to_owned(),
                    },
                );
                (text.clone(), None)
            }
            None => (text.clone(), None),
        };
        let reusable = self.find(NodeKind::Post, &name).filter(|&i| {
            self.single
                .get(&(i, Relation::PostIn))
                .is_none_or(|&(org, _, _)| org == subject)
        });
        let p = if let Some(i) = reusable {
            self.note_merge(i, &name, ctx, line);
            i
        } else {
            let slug = self.make_slug(NodeKind::Post, &name, ctx, line);
            let post = Post::new(slug, &name);
            self.push(post.into(), &name, ctx, line, false)
        };
        if heads {
            if let Node::Post(post) = &mut self.nodes[p].node {
                post.heads = true;
            }
        }
        self.link(p, Relation::PostIn, subject, ctx, line);
        if heads {
            self.head_posts.entry(subject).or_insert(p);
        }
        let key = name_key(&name);
        let title = key.split(" of ").next().unwrap_or_default().to_owned();
        if title != key {
            self.posts_by_title.entry((subject, title)).or_insert(p);
        }
        if let Some(rank) = rank {
            let c = self.category(CategoryKind::Rank, &rank, ctx, line);
            self.link(p, Relation::Rank, c, ctx, line);
            self.fact(p, Fact::Rank, ctx, line, true);
        }
        p
    }

    /// Sets the dates of a tenure from a list of officeholders: an end
    /// left empty is a tenure that ended on a date the list does not give
    /// ([`Bound::Undated`]); "Incumbent" leaves it running.
    pub(super) fn set_tenure_dates(&mut self, t: usize, start: Option<PartialDate>, end: End) {
        if let Node::Tenure(tenure) = &mut self.nodes[t].node {
            if let Some(d) = start {
                tenure.start = Some(Bound::Date(d));
            }
            match end {
                End::Date(d) => tenure.end = Some(Bound::Date(d)),
                End::Missing => tenure.end = Some(Bound::Undated),
                End::Current => {}
            }
        }
    }

    /// Sets a person's birth and death from a list of officeholders.
    pub(super) fn set_lifespan(
        &mut self,
        person: usize,
        born: Option<PartialDate>,
        died: Option<PartialDate>,
    ) {
        if let Node::Person(p) = &mut self.nodes[person].node {
            p.born = p.born.or(born);
            p.died = p.died.or(died);
        }
    }
}
