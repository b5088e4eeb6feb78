//! Leaders in an infobox (chiefs, ministers, deputy ministers): the
//! posts they hold in the body, and the people holding them.

use std::collections::BTreeMap;

use super::article::WarningKind;
use super::fact::{Fact, LeaderRole};
use super::ingester::{Ctx, Ingester};
use super::report::IgnoreReason;

use super::staging::suffixed;
use super::text::{clean_name, is_rank, name_key, split_qualifier};
use crate::{CategoryKind, Node, NodeKind, Person, Post, Relation, Tenure};

/// One chief, minister or deputy minister of an infobox.
#[derive(Default)]
pub(super) struct Leader {
    pub(super) name: Option<(String, usize)>,
    pub(super) post: Option<(String, usize)>,
}

pub(super) fn is_deputy(post: &str) -> bool {
    name_key(post)
        .split(' ')
        .any(|w| w == "deputy" || w == "vice")
}

impl Ingester {
    pub(super) fn leaders(
        &mut self,
        ctx: &Ctx,
        subject: usize,
        leaders: BTreeMap<(LeaderRole, u32), Leader>,
        minister_type: Option<(&str, usize, &str)>,
    ) {
        let has_chief_post = leaders
            .iter()
            .any(|((r, _), l)| *r == LeaderRole::Chief && l.post.is_some());
        let mut head_given = false;
        let mut type_used = false;
        for ((role, n), leader) in leaders {
            let fact = Fact::Leader(role);
            let post = match (&leader.post, minister_type) {
                (Some(p), _) => Some(p.clone()),
                (None, Some((t, l, _))) if role != LeaderRole::Chief => {
                    type_used = true;
                    Some((t.to_owned(), l))
                }
                _ => None,
            };
            let Some((post_text, post_line)) = post else {
                if let Some((name, line)) = &leader.name {
                    let key = format!("{fact}{n} name: {name}");
                    self.ignore(ctx, *line, &key, IgnoreReason::NameWithoutPost);
                }
                continue;
            };
            let may_head = match role {
                LeaderRole::Chief => true,
                LeaderRole::Minister => !has_chief_post,
                LeaderRole::DeputyMinister => false,
            };
            let heads = may_head && !head_given && !is_deputy(&post_text);
            head_given |= heads;
            let p = self.post(ctx, subject, &post_text, post_line, heads);
            self.fact(p, fact, ctx, post_line, true);
            self.fact(subject, fact, ctx, post_line, false);
            if let Some((name, line)) = leader.name {
                let name = clean_name(&name);
                let person = self.named(NodeKind::Person, &name, ctx, line, |s, n| {
                    Person::new(s, n).into()
                });
                self.fact(person, fact, ctx, line, true);
                let (ps, qs) = (self.node_key(person).slug, self.node_key(p).slug);
                let slug = suffixed(ps.as_str(), qs.as_str()).unwrap_or(ps);
                let existing = self
                    .by_slug
                    .contains(&(NodeKind::Tenure, slug.clone()))
                    .then(|| self.find(NodeKind::Tenure, slug.as_str()))
                    .flatten();
                let t = if let Some(t) = existing {
                    t
                } else {
                    let slug = self.unique(NodeKind::Tenure, slug);
                    let name = slug.to_string();
                    let t = self.push(Tenure::new(slug).into(), &name, ctx, line, false);
                    self.link(t, Relation::Holder, person, ctx, line);
                    self.link(t, Relation::TenureOf, p, ctx, line);
                    t
                };
                self.fact(t, fact, ctx, line, true);
            }
        }
        if let Some((_, line, key)) = minister_type {
            if !type_used {
                self.ignore(ctx, line, key, IgnoreReason::MinisterTypeUnused);
            }
        }
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
        if let Some(rank) = rank {
            let c = self.category(CategoryKind::Rank, &rank, ctx, line);
            self.link(p, Relation::Rank, c, ctx, line);
            self.fact(p, Fact::Rank, ctx, line, true);
        }
        p
    }
}
