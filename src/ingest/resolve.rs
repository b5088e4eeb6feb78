//! Name resolution: which node a name in an article means, across
//! articles (aliases, declared names, a country qualifier dropped), and
//! the links resolved after the last article ("See also", governing
//! bodies).

use super::article::Article;
use super::fact::Fact;
use super::infobox::{Param, classify};
use super::ingester::{Ctx, Ingester};
use super::report::{MergeReason, Merged};

use super::staging::labels_mut;
use super::text::{
    clean_name, kind_from_name, kind_from_type, looks_like_post, name_key, without_country,
};
use crate::{
    Category, CategoryKind, Lang, Node, NodeKind, OrgKind, Organization, Place, PlaceKind, Post,
    Relation, Slug,
};

/// A "See also" entry, resolved when every article has been read.
pub(super) struct SeeAlso {
    pub(super) ctx: usize,
    pub(super) subject: usize,
    pub(super) name: String,
    pub(super) line: usize,
}

impl Ingester {
    pub(super) fn key(&self, name: &str) -> String {
        let k = name_key(name);
        self.aliases.get(&k).cloned().unwrap_or(k)
    }

    pub(super) fn find(&self, kind: NodeKind, name: &str) -> Option<usize> {
        self.by_name.get(&(kind, self.key(name))).copied()
    }

    pub(super) fn register(&mut self, kind: NodeKind, name: &str, i: usize) {
        let k = self.key(name);
        if k.is_empty() {
            return;
        }
        self.by_name.entry((kind, k)).or_insert(i);
        if kind == NodeKind::Organization {
            if let Some(norm) = without_country(name) {
                let nodes = self.by_norm.entry(norm).or_default();
                if !nodes.contains(&i) {
                    nodes.push(i);
                }
            }
        }
    }

    /// The organization a name means, and why: by its name (through an
    /// alias when one is declared), or, when no body has the name, the
    /// one body whose name is the same once a country qualifier is dropped
    /// from both (`State Council of China`, `State Council (China)` and
    /// `State Council of the People's Republic of China` all meet `State
    /// Council`). A body is never found by the qualifier rule when more
    /// than one body matches, when it is the subject of the article the
    /// name is read in (an article tells its subject apart from every
    /// other body it names), or when the name is an article's title and
    /// the body has a title of its own (`title` true): two articles are
    /// two bodies unless an alias says otherwise.
    pub(super) fn resolve_org(
        &self,
        name: &str,
        ctx: &Ctx,
        title: bool,
    ) -> Option<(usize, MergeReason)> {
        self.resolve_org_in(name, ctx, title, false)
    }

    /// As [`resolve_org`](Self::resolve_org); with `subject` true, the
    /// article's subject may be found by the qualifier rule too (for a
    /// name that means a body the post of a list is in, not a body linked
    /// to the subject).
    pub(super) fn resolve_org_in(
        &self,
        name: &str,
        ctx: &Ctx,
        title: bool,
        subject: bool,
    ) -> Option<(usize, MergeReason)> {
        if let Some(i) = self.find(NodeKind::Organization, name) {
            let reason = if self.aliases.contains_key(&name_key(name)) {
                MergeReason::Alias
            } else {
                MergeReason::SameName
            };
            return Some((i, reason));
        }
        let norm = without_country(name)?;
        let subject = if subject {
            None
        } else {
            self.subjects.get(ctx.article).copied().flatten()
        };
        let candidates: Vec<usize> = self
            .by_norm
            .get(&norm)?
            .iter()
            .copied()
            .filter(|&i| Some(i) != subject && !(title && self.nodes[i].titled))
            .collect();
        match candidates.as_slice() {
            [one] => Some((*one, MergeReason::CountryQualifier)),
            _ => None,
        }
    }

    pub(super) fn note_merge(&mut self, i: usize, name: &str, ctx: &Ctx, line: usize) {
        self.note_merge_for(i, name, ctx, line, MergeReason::SameName);
    }

    /// Reports that `name`, in the article of `ctx`, was resolved to node
    /// `i` that another article created (once per node and article), or,
    /// for any reason but the same name, to a node of another name.
    pub(super) fn note_merge_for(
        &mut self,
        i: usize,
        name: &str,
        ctx: &Ctx,
        line: usize,
        reason: MergeReason,
    ) {
        let by = self.nodes[i].article;
        let other_article = by != ctx.article && self.merged_seen.insert((i, ctx.article));
        let other_name = reason != MergeReason::SameName
            && self.merged_names.insert((i, ctx.article, name_key(name)));
        if other_article || other_name {
            let node = self.node_key(i);
            let at = self.at(ctx.article, line);
            let created_by = self.at(by, 0).article;
            self.report.merged.push(Merged {
                node,
                name: name.to_owned(),
                at,
                created_by,
                reason,
            });
        }
    }

    /// The organization `name` means (see
    /// [`resolve_org`](Self::resolve_org)), made when none is.
    pub(super) fn org(
        &mut self,
        name: &str,
        ctx: &Ctx,
        line: usize,
        kind: Option<OrgKind>,
    ) -> usize {
        self.org_in(name, ctx, line, kind, false)
    }

    /// As [`org`](Self::org); with `subject` true the article's subject
    /// may be found by the qualifier rule.
    pub(super) fn org_in(
        &mut self,
        name: &str,
        ctx: &Ctx,
        line: usize,
        kind: Option<OrgKind>,
        subject: bool,
    ) -> usize {
        let name = clean_name(name);
        if let Some((i, reason)) = self.resolve_org_in(&name, ctx, false, subject) {
            self.note_merge_for(i, &name, ctx, line, reason);
            if reason == MergeReason::CountryQualifier {
                self.register(NodeKind::Organization, &name, i);
                if let Some(labels) = labels_mut(&mut self.nodes[i].node) {
                    labels.add_alternate(Lang::en(), name.clone());
                }
            }
            if let Some(k) = kind {
                self.set_kind(i, k, ctx, line);
            }
            return i;
        }
        self.new_org(&name, ctx, line, kind)
    }

    /// A new organization named `name`, of `kind` or the kind its name
    /// suggests.
    pub(super) fn new_org(
        &mut self,
        name: &str,
        ctx: &Ctx,
        line: usize,
        kind: Option<OrgKind>,
    ) -> usize {
        let slug = self.make_slug(NodeKind::Organization, name, ctx, line);
        let org = Organization::new(slug, kind.unwrap_or_else(|| kind_from_name(name)), name);
        self.push(org.into(), name, ctx, line, kind.is_some())
    }

    pub(super) fn set_kind(&mut self, i: usize, kind: OrgKind, ctx: &Ctx, line: usize) {
        let explicit = self.nodes[i].explicit_kind;
        let Node::Organization(o) = &mut self.nodes[i].node else {
            return;
        };
        if !explicit {
            o.kind = kind;
            self.nodes[i].explicit_kind = true;
            self.claim(i, Fact::Kind, kind.name(), ctx, line);
        } else if o.kind != kind {
            self.claim(i, Fact::Kind, kind.name(), ctx, line);
        }
    }

    pub(super) fn named(
        &mut self,
        kind: NodeKind,
        name: &str,
        ctx: &Ctx,
        line: usize,
        make: impl FnOnce(Slug, &str) -> Node,
    ) -> usize {
        if let Some(i) = self.find(kind, name) {
            self.note_merge(i, name, ctx, line);
            return i;
        }
        let slug = self.make_slug(kind, name, ctx, line);
        let node = make(slug, name);
        self.push(node, name, ctx, line, false)
    }

    pub(super) fn category(
        &mut self,
        kind: CategoryKind,
        name: &str,
        ctx: &Ctx,
        line: usize,
    ) -> usize {
        let i = self.named(NodeKind::Category, name, ctx, line, |s, n| {
            Category::new(s, kind, n).into()
        });
        self.fact(i, Fact::Category, ctx, line, true);
        i
    }

    pub(super) fn place(&mut self, kind: PlaceKind, name: &str, ctx: &Ctx, line: usize) -> usize {
        let i = self.named(NodeKind::Place, name, ctx, line, |s, n| {
            Place::new(s, kind, n).into()
        });
        self.fact(i, Fact::Place, ctx, line, true);
        i
    }

    /// An article's title names an existing node: make the title its
    /// preferred English label when a mere mention made it.
    pub(super) fn adopt_title(&mut self, i: usize, title: &str, ctx: &Ctx, line: usize) {
        self.note_merge(i, title, ctx, line);
        self.register(NodeKind::Organization, title, i);
        let titled = self.nodes[i].titled;
        self.nodes[i].titled = true;
        if let Some(labels) = labels_mut(&mut self.nodes[i].node) {
            let current = labels.english().map(str::to_owned);
            if current.as_deref() == Some(title) {
                return;
            }
            if titled {
                labels.add_alternate(Lang::en(), title);
            } else {
                labels.set_preferred(Lang::en(), title);
                if let Some(old) = current {
                    labels.add_alternate(Lang::en(), old);
                }
            }
        }
    }

    pub(super) fn resolve_see_also(&mut self) {
        const KINDS: [NodeKind; 7] = [
            NodeKind::Organization,
            NodeKind::Post,
            NodeKind::Category,
            NodeKind::Jurisdiction,
            NodeKind::Person,
            NodeKind::Place,
            NodeKind::Website,
        ];
        let entries = std::mem::take(&mut self.see_also);
        for e in entries {
            let Some(ctx) = self.ctxs.get(e.ctx).cloned() else {
                continue;
            };
            let found = KINDS.iter().find_map(|&k| self.find(k, &e.name));
            let target = if let Some(i) = found {
                self.note_merge(i, &e.name, &ctx, e.line);
                i
            } else if let Some((i, _)) = self.resolve_org(&e.name, &ctx, false) {
                self.org(&e.name, &ctx, e.line, None);
                i
            } else if looks_like_post(&e.name) {
                let slug = self.make_slug(NodeKind::Post, &e.name, &ctx, e.line);
                self.push(
                    Post::new(slug, &e.name).into(),
                    &e.name,
                    &ctx,
                    e.line,
                    false,
                )
            } else {
                self.org(&e.name, &ctx, e.line, None)
            };
            self.link(e.subject, Relation::SeeAlso, target, &ctx, e.line);
            self.fact(target, Fact::SeeAlso, &ctx, e.line, true);
            self.fact(e.subject, Fact::SeeAlso, &ctx, e.line, false);
        }
    }

    pub(super) fn link_governing_bodies(&mut self) {
        for j in 0..self.nodes.len() {
            let Node::Jurisdiction(jur) = &self.nodes[j].node else {
                continue;
            };
            let names: Vec<String> = jur.labels.texts().map(str::to_owned).collect();
            let Some(ctx) = self.ctxs.get(self.nodes[j].article).cloned() else {
                continue;
            };
            let Some(org) = names
                .iter()
                .find_map(|n| self.resolve_org(n, &ctx, false).map(|(i, _)| i))
            else {
                continue;
            };
            let line = self.nodes[j].line;
            self.link(j, Relation::GoverningBody, org, &ctx, line);
            self.fact(j, Fact::GoverningBody, &ctx, line, false);
        }
    }

    /// The organization an article is about: a body already named by any
    /// name the article declares for it, or a new one.
    pub(super) fn org_subject(&mut self, ctx: &Ctx, article: &Article) -> usize {
        let first_value = |want: Param| {
            article
                .infobox
                .iter()
                .find(|f| !f.value.is_empty() && classify(&f.parameter()) == want)
        };
        let type_kind = first_value(Param::Type).and_then(|f| kind_from_type(&f.value));
        let line = article.title_line;
        // Every name the article declares for its subject: the title, the
        // agency name, native and romanized names.
        let mut declared = vec![article.title.clone()];
        declared.extend(
            article
                .infobox
                .iter()
                .filter(|f| {
                    !f.value.is_empty()
                        && matches!(
                            classify(&f.parameter()),
                            Param::Name | Param::NativeName | Param::NativeNameRomanized
                        )
                })
                .map(|f| clean_name(&f.value)),
        );
        let existing = declared
            .iter()
            .find_map(|n| self.find(NodeKind::Organization, n).map(|i| (i, n)))
            .map(|(i, n)| {
                let reason = if self.aliases.contains_key(&name_key(n)) {
                    MergeReason::Alias
                } else if name_key(n) == name_key(&article.title) {
                    MergeReason::SameName
                } else {
                    MergeReason::DeclaredName
                };
                (i, n, reason)
            })
            .or_else(|| {
                declared.iter().find_map(|n| {
                    self.resolve_org(n, ctx, true)
                        .map(|(i, reason)| (i, n, reason))
                })
            })
            .map(|(i, n, reason)| (i, n.clone(), reason));
        if let Some((i, name, reason)) = existing {
            self.note_merge_for(i, &name, ctx, line, reason);
            self.adopt_title(i, &article.title, ctx, line);
            if let Some(k) = type_kind {
                self.set_kind(i, k, ctx, first_value(Param::Type).map_or(line, |f| f.line));
            }
            i
        } else {
            let i = self.new_org(&article.title, ctx, line, type_kind);
            self.nodes[i].titled = true;
            i
        }
    }
}
