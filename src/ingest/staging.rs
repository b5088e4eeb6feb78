//! The staging area: nodes and links gathered from every article before
//! the graph is built, with the bookkeeping of each fact (where it came
//! from, which value was claimed first, which links are single).

use std::collections::HashSet;

use super::article::WarningKind;
use super::fact::Fact;
use super::ingester::{Ctx, Ingester};
use super::report::{
    At, Claim, Conflict, Created, IgnoreReason, Ignored, NodeKey, Noted, Provenance,
};

use crate::{GovGraph, Labels, MAX_SLUG_LEN, Node, NodeId, NodeKind, Relation, Slug, Source};

/// A node being gathered.
pub(super) struct Staged {
    pub(super) node: Node,
    /// The article that created it.
    pub(super) article: usize,
    /// Where it was first named.
    pub(super) line: usize,
    /// True when an article's title named it (its preferred English label
    /// is a title, not a mention).
    pub(super) titled: bool,
    /// True when its organization kind was stated, not guessed from its
    /// name.
    pub(super) explicit_kind: bool,
    /// The (article, line) pairs already cited on it.
    pub(super) cited: HashSet<(usize, usize)>,
}

pub(super) struct StagedLink {
    pub(super) from: usize,
    pub(super) relation: Relation,
    pub(super) to: usize,
    pub(super) article: usize,
    pub(super) line: usize,
}

pub(super) fn sources_mut(node: &mut Node) -> &mut Vec<Source> {
    match node {
        Node::Organization(n) => &mut n.sources,
        Node::Post(n) => &mut n.sources,
        Node::Person(n) => &mut n.sources,
        Node::Jurisdiction(n) => &mut n.sources,
        Node::Site(n) => &mut n.sources,
        Node::Place(n) => &mut n.sources,
        Node::Function(n) => &mut n.sources,
        Node::Website(n) => &mut n.sources,
        Node::Category(n) => &mut n.sources,
        Node::Tenure(n) => &mut n.sources,
        Node::Event(n) => &mut n.sources,
    }
}

pub(super) fn labels_mut(node: &mut Node) -> Option<&mut Labels> {
    match node {
        Node::Organization(n) => Some(&mut n.labels),
        Node::Post(n) => Some(&mut n.labels),
        Node::Person(n) => Some(&mut n.labels),
        Node::Jurisdiction(n) => Some(&mut n.labels),
        Node::Place(n) => Some(&mut n.labels),
        Node::Function(n) => Some(&mut n.labels),
        Node::Website(n) => Some(&mut n.labels),
        Node::Category(n) => Some(&mut n.labels),
        Node::Event(n) => Some(&mut n.labels),
        Node::Site(_) | Node::Tenure(_) => None,
    }
}

/// `base` with `-suffix`, cut so the result is a valid slug.
pub(super) fn suffixed(base: &str, suffix: &str) -> Option<Slug> {
    let room = MAX_SLUG_LEN.saturating_sub(suffix.len() + 1);
    let mut cut = base[..base.len().min(room)].to_owned();
    while cut.ends_with('-') {
        cut.pop();
    }
    Slug::new(format!("{cut}-{suffix}")).ok()
}

impl Ingester {
    pub(super) fn at(&self, article: usize, line: usize) -> At {
        At {
            article: self
                .ctxs
                .get(article)
                .map(|c| c.title.clone())
                .unwrap_or_default(),
            line,
        }
    }

    pub(super) fn warn(&mut self, ctx: &Ctx, line: usize, kind: WarningKind) {
        self.warn_at(ctx.article, line, kind);
    }

    pub(super) fn warn_at(&mut self, article: usize, line: usize, kind: WarningKind) {
        let at = self.at(article, line);
        self.report.warnings.push(Noted { at, kind });
    }

    pub(super) fn ignore(&mut self, ctx: &Ctx, line: usize, key: &str, reason: IgnoreReason) {
        let at = self.at(ctx.article, line);
        self.report.ignored.push(Ignored {
            key: key.to_owned(),
            at,
            reason,
        });
    }

    pub(super) fn node_key(&self, i: usize) -> NodeKey {
        let n = &self.nodes[i].node;
        NodeKey::new(n.kind(), n.slug().clone())
    }

    pub(super) fn make_slug(&mut self, kind: NodeKind, name: &str, ctx: &Ctx, line: usize) -> Slug {
        let base = if let Ok(s) = Slug::from_name(name) {
            s
        } else {
            let n = self.nodes.len() + 1;
            let s = suffixed(&ctx.title_slug, &format!("{}-{n}", kind.segment())).unwrap_or_else(
                || Slug::new(format!("node-{n}")).expect("`node-N` is a valid slug"),
            );
            self.warn(
                ctx,
                line,
                WarningKind::SlugFallback {
                    name: name.to_owned(),
                    slug: s.to_string(),
                },
            );
            s
        };
        self.unique(kind, base)
    }

    pub(super) fn unique(&self, kind: NodeKind, base: Slug) -> Slug {
        if !self.by_slug.contains(&(kind, base.clone())) {
            return base;
        }
        (2..u64::from(u32::MAX))
            .filter_map(|n| suffixed(base.as_str(), &n.to_string()))
            .find(|s| !self.by_slug.contains(&(kind, s.clone())))
            .unwrap_or(base)
    }

    pub(super) fn push(
        &mut self,
        node: Node,
        name: &str,
        ctx: &Ctx,
        line: usize,
        explicit: bool,
    ) -> usize {
        let i = self.nodes.len();
        let key = NodeKey::new(node.kind(), node.slug().clone());
        self.by_slug.insert((key.kind, key.slug.clone()));
        self.nodes.push(Staged {
            node,
            article: ctx.article,
            line,
            titled: false,
            explicit_kind: explicit,
            cited: HashSet::new(),
        });
        self.register(key.kind, name, i);
        let at = self.at(ctx.article, line);
        self.report.created.push(Created {
            node: key,
            name: name.to_owned(),
            at,
        });
        i
    }

    /// Records that line `line` of the article gives `fact` about node `i`;
    /// with `cite`, the node also cites the line.
    pub(super) fn fact(&mut self, i: usize, fact: Fact, ctx: &Ctx, line: usize, cite: bool) {
        let node = self.node_key(i);
        let at = self.at(ctx.article, line);
        self.report.provenance.push(Provenance { node, fact, at });
        if cite && self.nodes[i].cited.insert((ctx.article, line)) {
            if let Ok(src) = Source::new(format!("{}#line={line}", ctx.iri)) {
                sources_mut(&mut self.nodes[i].node).push(src);
            }
        }
    }

    /// Claims the one value of `fact` on node `i`: true when it is the first
    /// claim (the caller sets the value); false when the value is already
    /// there, or differs (then the conflict is reported).
    pub(super) fn claim(
        &mut self,
        i: usize,
        fact: Fact,
        value: &str,
        ctx: &Ctx,
        line: usize,
    ) -> bool {
        let at = self.at(ctx.article, line);
        match self.claims.get(&(i, fact)) {
            None => {
                self.claims.insert(
                    (i, fact),
                    Claim {
                        value: value.to_owned(),
                        at,
                    },
                );
                true
            }
            Some(c) if c.value == value => false,
            Some(c) => {
                let kept = c.clone();
                let node = self.node_key(i);
                self.report.conflicts.push(Conflict {
                    node,
                    fact,
                    kept,
                    other: Claim {
                        value: value.to_owned(),
                        at,
                    },
                });
                false
            }
        }
    }

    pub(super) fn link(
        &mut self,
        from: usize,
        relation: Relation,
        to: usize,
        ctx: &Ctx,
        line: usize,
    ) {
        if from == to {
            let n = &self.nodes[from].node;
            let reason = format!(
                "{} `{}` cannot be linked {relation} itself",
                n.kind(),
                n.slug()
            );
            self.warn(ctx, line, WarningKind::LinkRefused { reason });
            return;
        }
        if !self.link_set.insert((from, relation, to)) {
            return;
        }
        if relation.is_single() {
            if let Some(&(existing, article, at_line)) = self.single.get(&(from, relation)) {
                if existing != to {
                    let kept = Claim {
                        value: self.node_key(existing).to_string(),
                        at: self.at(article, at_line),
                    };
                    let other = Claim {
                        value: self.node_key(to).to_string(),
                        at: self.at(ctx.article, line),
                    };
                    let node = self.node_key(from);
                    self.report.conflicts.push(Conflict {
                        node,
                        fact: Fact::Link(relation),
                        kept,
                        other,
                    });
                }
                return;
            }
            self.single
                .insert((from, relation), (to, ctx.article, line));
        }
        self.links.push(StagedLink {
            from,
            relation,
            to,
            article: ctx.article,
            line,
        });
    }

    /// Builds the graph from the staged nodes and links, through the
    /// graph's validating API; what it refuses is reported.
    pub(super) fn build(&mut self) -> GovGraph {
        let mut g = GovGraph::with_capacity(self.nodes.len(), self.links.len());
        let mut ids: Vec<Option<NodeId>> = Vec::with_capacity(self.nodes.len());
        let nodes = std::mem::take(&mut self.nodes);
        for s in nodes {
            let (line, article) = (s.line, s.article);
            let node = NodeKey::new(s.node.kind(), s.node.slug().clone()).to_string();
            match g.insert(s.node) {
                Ok(id) => ids.push(Some(id)),
                Err(e) => {
                    ids.push(None);
                    let reason = e.to_string();
                    self.warn_at(article, line, WarningKind::NodeRefused { node, reason });
                }
            }
        }
        let links = std::mem::take(&mut self.links);
        for l in links {
            let (Some(Some(a)), Some(Some(b))) = (ids.get(l.from), ids.get(l.to)) else {
                continue;
            };
            if let Err(e) = g.link(*a, l.relation, *b) {
                let reason = e.to_string();
                self.warn_at(l.article, l.line, WarningKind::LinkRefused { reason });
            }
        }
        g
    }
}
