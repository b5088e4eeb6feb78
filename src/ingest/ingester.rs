//! [`Ingester`]: many articles into one graph.
//!
//! Facts are first gathered in a staging area (nodes that can still be
//! changed, links not yet checked), so that a later article can add a
//! source to, or be found in conflict with, what an earlier one said. The
//! graph is built once, by [`Ingester::finish`], through the graph's own
//! validating API.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io::Read as _;
use std::path::Path;

use super::IngestError;
use super::article::{Article, Block, ListItem, ListMarker, Section, WarningKind};
use super::infobox::{
    LeaderPart, LeaderRole, Param, classify, clean_name, file_name, guess_lang, is_rank,
    kind_from_name, kind_from_type, looks_like_post, name_key, param_number, parse_date, parse_url,
    parse_width, singular, split_qualifier, wikidata,
};
use super::report::{
    At, Claim, Conflict, Created, IgnoreReason, Ignored, IngestReport, Merged, NodeKey, Noted,
    Provenance,
};
use crate::{
    Address, Category, CategoryKind, Function, GovGraph, Jurisdiction, Labels, Lang, Logo,
    MAX_SLUG_LEN, Node, NodeId, NodeKind, OrgKind, Organization, Person, Place, PlaceKind, Post,
    Relation, Site, Slug, Source, Tenure, Website,
};

/// The default largest article [`Ingester`] reads: 16 MiB.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// A node being gathered.
struct Staged {
    node: Node,
    /// The article that created it.
    article: usize,
    /// Where it was first named.
    line: usize,
    /// True when an article's title named it (its preferred English label
    /// is a title, not a mention).
    titled: bool,
    /// True when its organization kind was stated, not guessed from its
    /// name.
    explicit_kind: bool,
    /// The (article, line) pairs already cited on it.
    cited: HashSet<(usize, usize)>,
}

struct StagedLink {
    from: usize,
    relation: Relation,
    to: usize,
    article: usize,
    line: usize,
}

/// An article's identity while it and its deferred facts are ingested.
#[derive(Clone)]
struct Ctx {
    article: usize,
    title: String,
    iri: String,
    title_slug: String,
}

/// A "See also" entry, resolved when every article has been read.
struct SeeAlso {
    ctx: usize,
    subject: usize,
    name: String,
    line: usize,
}

/// One chief, minister or deputy minister of an infobox.
#[derive(Default)]
struct Leader {
    name: Option<(String, usize)>,
    post: Option<(String, usize)>,
}

/// Ingests articles into one merged [`GovGraph`](crate::GovGraph).
///
/// Entities are resolved across articles by name: names are compared by
/// [`name_key`] (case, punctuation and "the" aside), within each kind of
/// node, after mapping declared aliases. A "See also" entry in one article
/// and the title of another are one body. When two sources give different
/// values for a fact that holds one value (a founding date, a parent, a
/// headquarters), the first is kept, the node cites both, and the report
/// lists the conflict.
///
/// Every node cites, with `dct:source`, the article's IRI with an RFC 5147
/// fragment for the line of each fact about it (`…#line=7`). The IRI is
/// the one given ([`ingest_with_source`](Self::ingest_with_source)), a
/// `file://` URL for a path, or `urn:govgraph:article:<slug of title>`.
///
/// ```
/// use govgraph::ingest::Ingester;
///
/// let mut ing = Ingester::new()
///     .with_alias("State Council of China", "State Council of the People's Republic of China");
/// ing.ingest_str("office.txt", "= General Office =\nInfobox\n- Formed: 27 September 1949\n\
///     - Parent Agency: State Council of China\n")?;
/// ing.ingest_str("council.txt", "= State Council of the People's Republic of China =\n\
///     Infobox\n- Formed: 1954\n")?;
/// let (graph, report) = ing.finish();
///
/// let office = graph.org_by_slug("general-office").expect("ingested");
/// assert_eq!(office.founded.map(|d| d.to_string()).as_deref(), Some("1949-09-27"));
/// let council = office.parent().expect("resolved through the alias");
/// assert_eq!(council.founded.map(|d| d.to_string()).as_deref(), Some("1954"));
/// assert_eq!(report.merged().count(), 1);
/// assert!(office.sources.iter().any(|s| s.as_str() == "urn:govgraph:article:general-office#line=3"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Ingester {
    aliases: HashMap<String, String>,
    max_bytes: u64,
    nodes: Vec<Staged>,
    by_slug: HashSet<(NodeKind, Slug)>,
    by_name: HashMap<(NodeKind, String), usize>,
    links: Vec<StagedLink>,
    link_set: HashSet<(usize, Relation, usize)>,
    single: HashMap<(usize, Relation), (usize, usize, usize)>,
    claims: HashMap<(usize, &'static str), Claim>,
    functions: HashMap<usize, (usize, u32)>,
    merged_seen: HashSet<(usize, usize)>,
    see_also: Vec<SeeAlso>,
    ctxs: Vec<Ctx>,
    report: IngestReport,
}

impl Default for Ingester {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Ingester {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ingester")
            .field("articles", &self.ctxs.len())
            .field("nodes", &self.nodes.len())
            .field("links", &self.links.len())
            .finish_non_exhaustive()
    }
}

fn sources_mut(node: &mut Node) -> &mut Vec<Source> {
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

fn labels_mut(node: &mut Node) -> Option<&mut Labels> {
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
fn suffixed(base: &str, suffix: &str) -> Option<Slug> {
    let room = MAX_SLUG_LEN.saturating_sub(suffix.len() + 1);
    let mut cut = base[..base.len().min(room)].to_owned();
    while cut.ends_with('-') {
        cut.pop();
    }
    Slug::new(format!("{cut}-{suffix}")).ok()
}

fn section_kind(heading: &str) -> &'static str {
    let k = name_key(heading);
    if k.starts_with("function")
        || k.contains(" functions")
        || matches!(k.as_str(), "responsibilities" | "powers" | "duties")
    {
        "functions"
    } else if matches!(
        k.as_str(),
        "organization"
            | "organisation"
            | "structure"
            | "organizational structure"
            | "organisational structure"
    ) {
        "organization"
    } else if k == "see also" {
        "see also"
    } else {
        ""
    }
}

fn is_deputy(post: &str) -> bool {
    name_key(post)
        .split(' ')
        .any(|w| w == "deputy" || w == "vice")
}

/// A `file://` URL for a path: made absolute, and every byte outside the
/// unreserved characters and `/` percent-encoded.
fn file_url(path: &Path) -> String {
    use std::fmt::Write as _;
    let abs = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let text = abs.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b));
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

impl Ingester {
    /// An ingester with no aliases and the default size limit
    /// ([`DEFAULT_MAX_ARTICLE_BYTES`]).
    pub fn new() -> Self {
        Self {
            aliases: HashMap::new(),
            max_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            nodes: Vec::new(),
            by_slug: HashSet::new(),
            by_name: HashMap::new(),
            links: Vec::new(),
            link_set: HashSet::new(),
            single: HashMap::new(),
            claims: HashMap::new(),
            functions: HashMap::new(),
            merged_seen: HashSet::new(),
            see_also: Vec::new(),
            ctxs: Vec::new(),
            report: IngestReport::default(),
        }
    }

    /// Declares that `name` is another name of what `canonical` names, in
    /// every kind of node. Declare aliases before ingesting.
    ///
    /// ```
    /// use govgraph::ingest::Ingester;
    /// let mut ing = Ingester::new().with_alias("PRC State Council", "State Council");
    /// ing.ingest_str("a", "= State Council =\n")?;
    /// ing.ingest_str("b", "= PRC State Council =\nInfobox\n- Formed: 1954\n")?;
    /// let (g, _) = ing.finish();
    /// assert_eq!(g.org_by_slug("state-council").and_then(|o| o.founded).map(|d| d.to_string()).as_deref(), Some("1954"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_alias(mut self, name: &str, canonical: &str) -> Self {
        let from = name_key(name);
        let to = self.key(canonical);
        if from != to {
            for v in self.aliases.values_mut() {
                if *v == from {
                    v.clone_from(&to);
                }
            }
            self.aliases.insert(from, to);
        }
        self
    }

    /// Sets the largest article, in bytes, that is read.
    ///
    /// ```
    /// use govgraph::ingest::Ingester;
    /// let mut ing = Ingester::new().with_max_article_bytes(8);
    /// let err = ing.ingest_str("big.txt", "= A long title =\n").unwrap_err();
    /// assert_eq!(err.to_string(), "big.txt: the article is 17 bytes long, the limit is 8");
    /// ```
    #[must_use]
    pub fn with_max_article_bytes(mut self, limit: u64) -> Self {
        self.max_bytes = limit;
        self
    }

    /// Ingests one article's text. `name` names it in errors; when it is an
    /// absolute IRI (`https://…`, `urn:…`) it is also the article's source.
    ///
    /// Cost: linear in the text, plus O(1) expected per fact.
    ///
    /// # Errors
    /// As [`Article::parse`], and [`IngestError::TooLarge`]. A failed
    /// article adds nothing to the graph.
    pub fn ingest_str(&mut self, name: &str, text: &str) -> Result<(), IngestError> {
        let iri = (name.contains("://") || name.starts_with("urn:"))
            .then(|| Source::new(name).ok())
            .flatten()
            .map(|s| s.as_str().to_owned());
        self.ingest_text(name, iri, text)
    }

    /// Ingests one article's text, citing `source` (its fragment, if any,
    /// is replaced by each fact's line).
    ///
    /// ```
    /// use govgraph::ingest::Ingester;
    /// let mut ing = Ingester::new();
    /// ing.ingest_with_source("a.txt", "https://example.org/wiki/A", "= Agency A =\n")?;
    /// let (g, _) = ing.finish();
    /// let a = g.org_by_slug("agency-a").expect("ingested");
    /// assert_eq!(a.sources[0].as_str(), "https://example.org/wiki/A#line=1");
    /// assert!(Ingester::new().ingest_with_source("a.txt", "not an iri", "= A =").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`IngestError::BadSource`] when `source` is not an absolute IRI, and
    /// as [`ingest_str`](Self::ingest_str).
    pub fn ingest_with_source(
        &mut self,
        name: &str,
        source: &str,
        text: &str,
    ) -> Result<(), IngestError> {
        let checked = Source::new(source).map_err(|e| IngestError::BadSource {
            name: name.to_owned(),
            source: e,
        })?;
        self.ingest_text(name, Some(checked.as_str().to_owned()), text)
    }

    /// Ingests a file, or every `.txt` file of a directory (not its
    /// subdirectories) in sorted order of file name. Each article cites its
    /// file's `file://` URL.
    ///
    /// ```no_run
    /// use govgraph::ingest::Ingester;
    /// let mut ing = Ingester::new();
    /// ing.ingest_path("articles/")?;
    /// let (graph, report) = ing.finish();
    /// eprint!("{report}");
    /// # let _ = graph;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`IngestError::Io`] when a path cannot be read,
    /// [`IngestError::NotUtf8`] for a file that is not UTF-8, and as
    /// [`ingest_str`](Self::ingest_str). A directory stops at its first
    /// failed article; the articles before it stay ingested.
    pub fn ingest_path(&mut self, path: impl AsRef<Path>) -> Result<(), IngestError> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let io = |source| IngestError::Io {
            name: shown.clone(),
            source,
        };
        let meta = fs::metadata(path).map_err(io)?;
        if !meta.is_dir() {
            return self.ingest_file(path);
        }
        let mut files = Vec::new();
        for entry in fs::read_dir(path).map_err(io)? {
            let p = entry.map_err(io)?.path();
            let is_txt = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"));
            if is_txt && p.is_file() {
                files.push(p);
            }
        }
        files.sort();
        for f in files {
            self.ingest_file(&f)?;
        }
        Ok(())
    }

    fn ingest_file(&mut self, path: &Path) -> Result<(), IngestError> {
        let name = path.display().to_string();
        let io = |source| IngestError::Io {
            name: name.clone(),
            source,
        };
        let file = fs::File::open(path).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        if size > self.max_bytes {
            return Err(IngestError::TooLarge {
                name,
                size,
                limit: self.max_bytes,
            });
        }
        let mut bytes = Vec::new();
        file.take(self.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
        let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        if read > self.max_bytes {
            return Err(IngestError::TooLarge {
                name,
                size: read,
                limit: self.max_bytes,
            });
        }
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let good = e.utf8_error().valid_up_to();
                let line = std::str::from_utf8(&e.as_bytes()[..good])
                    .map_or(1, |s| s.matches('\n').count() + 1);
                return Err(IngestError::NotUtf8 { name, line });
            }
        };
        self.ingest_text(&name, Some(file_url(path)), &text)
    }

    fn ingest_text(
        &mut self,
        name: &str,
        iri: Option<String>,
        text: &str,
    ) -> Result<(), IngestError> {
        let size = u64::try_from(text.len()).unwrap_or(u64::MAX);
        if size > self.max_bytes {
            return Err(IngestError::TooLarge {
                name: name.to_owned(),
                size,
                limit: self.max_bytes,
            });
        }
        let (article, warnings) = Article::parse(name, text)?;
        let index = self.ctxs.len();
        let title_slug = Slug::from_name(&article.title)
            .map_or_else(|_| format!("article-{}", index + 1), String::from);
        let iri = match iri {
            Some(i) => i.split('#').next().unwrap_or_default().to_owned(),
            None => format!("urn:govgraph:article:{title_slug}"),
        };
        let ctx = Ctx {
            article: index,
            title: article.title.clone(),
            iri,
            title_slug,
        };
        self.ctxs.push(ctx.clone());
        self.report.articles.push(article.title.clone());
        for w in warnings {
            self.warn(&ctx, w.line, w.kind);
        }
        self.read_article(&ctx, &article);
        Ok(())
    }

    /// Builds the graph from everything ingested, and hands back the report.
    ///
    /// "See also" entries are resolved here, against every article, and a
    /// jurisdiction named like a known body is linked to it as its
    /// governing body. Links the graph refuses (a cycle, say) are left out
    /// and reported as warnings.
    pub fn finish(mut self) -> (GovGraph, IngestReport) {
        self.resolve_see_also();
        self.link_governing_bodies();
        let mut g = GovGraph::with_capacity(self.nodes.len(), self.links.len());
        let mut ids: Vec<Option<NodeId>> = Vec::with_capacity(self.nodes.len());
        let nodes = std::mem::take(&mut self.nodes);
        for s in nodes {
            let line = s.line;
            let article = s.article;
            match g.insert(s.node) {
                Ok(id) => ids.push(Some(id)),
                Err(e) => {
                    ids.push(None);
                    self.warn_at(
                        article,
                        line,
                        WarningKind::LinkRefused {
                            reason: e.to_string(),
                        },
                    );
                }
            }
        }
        let links = std::mem::take(&mut self.links);
        for l in links {
            let (Some(Some(a)), Some(Some(b))) = (ids.get(l.from), ids.get(l.to)) else {
                continue;
            };
            if let Err(e) = g.link(*a, l.relation, *b) {
                self.warn_at(
                    l.article,
                    l.line,
                    WarningKind::LinkRefused {
                        reason: e.to_string(),
                    },
                );
            }
        }
        (g, self.report)
    }

    // ---- bookkeeping ----

    fn key(&self, name: &str) -> String {
        let k = name_key(name);
        self.aliases.get(&k).cloned().unwrap_or(k)
    }

    fn at(&self, article: usize, line: usize) -> At {
        At {
            article: self
                .ctxs
                .get(article)
                .map(|c| c.title.clone())
                .unwrap_or_default(),
            line,
        }
    }

    fn warn(&mut self, ctx: &Ctx, line: usize, kind: WarningKind) {
        self.warn_at(ctx.article, line, kind);
    }

    fn warn_at(&mut self, article: usize, line: usize, kind: WarningKind) {
        let at = self.at(article, line);
        self.report.warnings.push(Noted { at, kind });
    }

    fn ignore(&mut self, ctx: &Ctx, line: usize, key: &str, reason: IgnoreReason) {
        let at = self.at(ctx.article, line);
        self.report.ignored.push(Ignored {
            key: key.to_owned(),
            at,
            reason,
        });
    }

    fn node_key(&self, i: usize) -> NodeKey {
        let n = &self.nodes[i].node;
        NodeKey::new(n.kind(), n.slug().clone())
    }

    fn find(&self, kind: NodeKind, name: &str) -> Option<usize> {
        self.by_name.get(&(kind, self.key(name))).copied()
    }

    fn register(&mut self, kind: NodeKind, name: &str, i: usize) {
        let k = self.key(name);
        if !k.is_empty() {
            self.by_name.entry((kind, k)).or_insert(i);
        }
    }

    fn make_slug(&mut self, kind: NodeKind, name: &str, ctx: &Ctx, line: usize) -> Slug {
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

    fn unique(&self, kind: NodeKind, base: Slug) -> Slug {
        if !self.by_slug.contains(&(kind, base.clone())) {
            return base;
        }
        (2..u64::from(u32::MAX))
            .filter_map(|n| suffixed(base.as_str(), &n.to_string()))
            .find(|s| !self.by_slug.contains(&(kind, s.clone())))
            .unwrap_or(base)
    }

    fn push(&mut self, node: Node, name: &str, ctx: &Ctx, line: usize, explicit: bool) -> usize {
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

    fn note_merge(&mut self, i: usize, name: &str, ctx: &Ctx, line: usize) {
        let by = self.nodes[i].article;
        if by != ctx.article && self.merged_seen.insert((i, ctx.article)) {
            let node = self.node_key(i);
            let at = self.at(ctx.article, line);
            let created_by = self.at(by, 0).article;
            self.report.merged.push(Merged {
                node,
                name: name.to_owned(),
                at,
                created_by,
            });
        }
    }

    /// Records that line `line` of the article gives `fact` about node `i`;
    /// with `cite`, the node also cites the line.
    fn fact(&mut self, i: usize, fact: &'static str, ctx: &Ctx, line: usize, cite: bool) {
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
    fn claim(&mut self, i: usize, fact: &'static str, value: &str, ctx: &Ctx, line: usize) -> bool {
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

    fn link(&mut self, from: usize, relation: Relation, to: usize, ctx: &Ctx, line: usize) {
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
                        fact: relation.name(),
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

    // ---- resolving and creating nodes ----

    fn org(&mut self, name: &str, ctx: &Ctx, line: usize, kind: Option<OrgKind>) -> usize {
        let name = clean_name(name);
        if let Some(i) = self.find(NodeKind::Organization, &name) {
            self.note_merge(i, &name, ctx, line);
            if let Some(k) = kind {
                self.set_kind(i, k, ctx, line);
            }
            return i;
        }
        let slug = self.make_slug(NodeKind::Organization, &name, ctx, line);
        let org = Organization::new(slug, kind.unwrap_or_else(|| kind_from_name(&name)), &name);
        self.push(org.into(), &name, ctx, line, kind.is_some())
    }

    fn set_kind(&mut self, i: usize, kind: OrgKind, ctx: &Ctx, line: usize) {
        let explicit = self.nodes[i].explicit_kind;
        let Node::Organization(o) = &mut self.nodes[i].node else {
            return;
        };
        if !explicit {
            o.kind = kind;
            self.nodes[i].explicit_kind = true;
            self.claim(i, "kind", kind.name(), ctx, line);
        } else if o.kind != kind {
            self.claim(i, "kind", kind.name(), ctx, line);
        }
    }

    fn named(
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

    fn category(&mut self, kind: CategoryKind, name: &str, ctx: &Ctx, line: usize) -> usize {
        let i = self.named(NodeKind::Category, name, ctx, line, |s, n| {
            Category::new(s, kind, n).into()
        });
        self.fact(i, "category", ctx, line, true);
        i
    }

    fn place(&mut self, kind: PlaceKind, name: &str, ctx: &Ctx, line: usize) -> usize {
        let i = self.named(NodeKind::Place, name, ctx, line, |s, n| {
            Place::new(s, kind, n).into()
        });
        self.fact(i, "place", ctx, line, true);
        i
    }

    // ---- one article ----

    fn read_article(&mut self, ctx: &Ctx, article: &Article) {
        let first_value = |want: Param| {
            article
                .infobox
                .iter()
                .find(|f| !f.value.is_empty() && classify(&f.parameter()) == want)
        };
        let name_field = first_value(Param::Name);
        let type_kind = first_value(Param::Type).and_then(|f| kind_from_type(&f.value));
        let line = article.title_line;
        let existing = self
            .find(NodeKind::Organization, &article.title)
            .or_else(|| {
                name_field.and_then(|f| self.find(NodeKind::Organization, &clean_name(&f.value)))
            });
        let subject = if let Some(i) = existing {
            self.adopt_title(i, &article.title, ctx, line);
            if let Some(k) = type_kind {
                self.set_kind(i, k, ctx, first_value(Param::Type).map_or(line, |f| f.line));
            }
            i
        } else {
            let i = self.org(&article.title, ctx, line, type_kind);
            self.nodes[i].titled = true;
            i
        };
        self.fact(subject, "title", ctx, line, true);

        let first = article.first_paragraph().map(|p| p.line);
        for b in &article.lead {
            match b {
                Block::Paragraph(p) if Some(p.line) != first => {
                    self.ignore(ctx, p.line, &p.text, IgnoreReason::Prose);
                }
                Block::Paragraph(_) => {}
                Block::List(items) => {
                    for item in items {
                        self.ignore(ctx, item.line, &item.text, IgnoreReason::LeadList);
                        self.ignore_nested(ctx, item, &IgnoreReason::LeadList);
                    }
                }
            }
        }
        if let Some(p) = article.first_paragraph() {
            if self.claim(subject, "description", &p.text, ctx, p.line) {
                if let Node::Organization(o) = &mut self.nodes[subject].node {
                    o.details_mut().description = Some(p.text.clone());
                }
            }
            self.fact(subject, "description", ctx, p.line, true);
        }

        self.read_infobox(ctx, article, subject);

        for s in &article.sections {
            match section_kind(&s.heading) {
                "functions" => self.read_functions(ctx, s, subject),
                "organization" => self.read_organization(ctx, s, subject, None),
                "see also" => self.read_see_also(ctx, s, subject),
                _ => self.ignore(ctx, s.line, &s.heading, IgnoreReason::SectionNotRead),
            }
        }
    }

    /// An article's title names an existing node: make the title its
    /// preferred English label when a mere mention made it.
    fn adopt_title(&mut self, i: usize, title: &str, ctx: &Ctx, line: usize) {
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

    #[expect(
        clippy::too_many_lines,
        reason = "one arm per template parameter, in the table's order"
    )]
    fn read_infobox(&mut self, ctx: &Ctx, article: &Article, subject: usize) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut leaders: BTreeMap<(LeaderRole, u32), Leader> = BTreeMap::new();
        let mut logo: Option<(&str, usize, &str)> = None;
        let mut seal: Option<(&str, usize, &str)> = None;
        let mut logo_width: Option<(&str, usize, &str)> = None;
        let mut seal_width: Option<(&str, usize, &str)> = None;
        let mut minister_type: Option<(&str, usize, &str)> = None;
        let mut native_lang: Option<Lang> = None;
        let mut romanized: Vec<(&str, usize)> = Vec::new();

        for field in &article.infobox {
            let param = field.parameter();
            let (key, value, line) = (field.key.as_str(), field.value.as_str(), field.line);
            if value.is_empty() {
                self.ignore(ctx, line, key, IgnoreReason::EmptyValue);
                continue;
            }
            if let Some(&first_line) = seen.get(&param) {
                self.ignore(ctx, line, key, IgnoreReason::Repeated { first_line });
                continue;
            }
            seen.insert(param.clone(), line);
            match classify(&param) {
                Param::Name => {
                    let name = clean_name(value);
                    self.register(NodeKind::Organization, &name, subject);
                    if let Some(labels) = labels_mut(&mut self.nodes[subject].node) {
                        if labels.english().map(name_key) != Some(name_key(&name)) {
                            labels.add_alternate(Lang::en(), name);
                        }
                    }
                    self.fact(subject, "name", ctx, line, true);
                }
                Param::NativeName => {
                    let lang = guess_lang(value);
                    native_lang.get_or_insert_with(|| lang.clone());
                    let claim = format!("{lang}:{value}");
                    if self.claim(subject, "native name", &claim, ctx, line) {
                        if let Some(labels) = labels_mut(&mut self.nodes[subject].node) {
                            if labels.preferred(&lang).is_some() {
                                labels.add_alternate(lang, value);
                            } else {
                                labels.set_preferred(lang, value);
                            }
                        }
                    }
                    self.register(NodeKind::Organization, value, subject);
                    self.fact(subject, "native name", ctx, line, true);
                }
                Param::NativeNameRomanized => romanized.push((value, line)),
                Param::Type => {
                    let c = self.category(CategoryKind::BodyType, value, ctx, line);
                    self.link(subject, Relation::Classification, c, ctx, line);
                    self.fact(subject, "type", ctx, line, true);
                }
                Param::Logo => logo = Some((value, line, key)),
                Param::LogoWidth => logo_width = Some((value, line, key)),
                Param::Seal => seal = Some((value, line, key)),
                Param::SealWidth => seal_width = Some((value, line, key)),
                Param::Formed | Param::Dissolved => {
                    let fact = if classify(&param) == Param::Formed {
                        "founded"
                    } else {
                        "dissolved"
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
                            if fact == "founded" {
                                o.founded = Some(date);
                            } else {
                                o.details_mut().dissolved = Some(date);
                            }
                        }
                    }
                    self.fact(subject, fact, ctx, line, true);
                }
                Param::Preceding => {
                    let older = self.org(value, ctx, line, None);
                    self.link(subject, Relation::Replaces, older, ctx, line);
                    self.fact(older, "preceding", ctx, line, true);
                    self.fact(subject, "preceding", ctx, line, false);
                }
                Param::Superseding => {
                    let newer = self.org(value, ctx, line, None);
                    self.link(newer, Relation::Replaces, subject, ctx, line);
                    self.fact(newer, "superseding", ctx, line, true);
                    self.fact(subject, "superseding", ctx, line, false);
                }
                Param::Jurisdiction => {
                    let name = clean_name(value);
                    let j = self.named(NodeKind::Jurisdiction, &name, ctx, line, |s, n| {
                        Jurisdiction::new(s, n).into()
                    });
                    self.link(subject, Relation::HasJurisdiction, j, ctx, line);
                    self.fact(j, "jurisdiction", ctx, line, true);
                    self.fact(subject, "jurisdiction", ctx, line, true);
                }
                Param::Headquarters => self.headquarters(ctx, subject, value, line),
                Param::Employees | Param::Budget => {
                    let fact = if classify(&param) == Param::Employees {
                        "employees"
                    } else {
                        "budget"
                    };
                    if self.claim(subject, fact, value, ctx, line) {
                        if let Node::Organization(o) = &mut self.nodes[subject].node {
                            if fact == "employees" {
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
                    self.fact(parent, "child", ctx, line, true);
                    self.fact(subject, "parent", ctx, line, true);
                }
                Param::Child => {
                    let child = self.org(value, ctx, line, None);
                    self.link(child, Relation::SubOrganizationOf, subject, ctx, line);
                    self.fact(child, "parent", ctx, line, true);
                    self.fact(subject, "child", ctx, line, false);
                }
                Param::KeyDocument => {
                    if let Node::Organization(o) = &mut self.nodes[subject].node {
                        if !o.details().key_documents.iter().any(|d| d == value) {
                            o.details_mut().key_documents.push(value.to_owned());
                        }
                    }
                    self.fact(subject, "key document", ctx, line, true);
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
                    self.fact(subject, "same as", ctx, line, true);
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
            self.fact(subject, "romanized name", ctx, line, true);
        }
        self.emblem(ctx, subject, logo, logo_width, seal, seal_width);
        self.leaders(ctx, subject, leaders, minister_type);
    }

    fn emblem(
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
                self.fact(subject, "logo width", ctx, line, true);
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
        if self.claim(subject, "logo", &value, ctx, image.1) {
            if let Node::Organization(o) = &mut self.nodes[subject].node {
                o.details_mut().logo = Some(emblem);
            }
        }
        self.fact(subject, "logo", ctx, image.1, true);
    }

    fn headquarters(&mut self, ctx: &Ctx, subject: usize, value: &str, line: usize) {
        let label = clean_name(value);
        self.fact(subject, "headquarters", ctx, line, true);
        if !self.claim(subject, "headquarters", &label, ctx, line) {
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
        self.fact(s, "headquarters", ctx, line, true);
        self.link(subject, Relation::PrimarySite, s, ctx, line);
        if let Some(&first) = places.first() {
            self.link(s, Relation::ContainedIn, first, ctx, line);
        }
        for pair in places.windows(2) {
            self.link(pair[0], Relation::ContainedIn, pair[1], ctx, line);
        }
    }

    fn website(&mut self, ctx: &Ctx, subject: usize, value: &str, line: usize) {
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
        self.fact(w, "website", ctx, line, true);
        self.fact(subject, "website", ctx, line, true);
    }

    fn leaders(
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
            let fact: &'static str = match role {
                LeaderRole::Chief => "chief",
                LeaderRole::Minister => "minister",
                LeaderRole::DeputyMinister => "deputy minister",
            };
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
    fn post(&mut self, ctx: &Ctx, subject: usize, text: &str, line: usize, heads: bool) -> usize {
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
            self.fact(p, "rank", ctx, line, true);
        }
        p
    }

    // ---- sections ----

    fn read_functions(&mut self, ctx: &Ctx, section: &Section, subject: usize) {
        if let Some(&(article, _)) = self.functions.get(&subject) {
            if article != ctx.article {
                self.ignore(
                    ctx,
                    section.line,
                    &section.heading,
                    IgnoreReason::FunctionsAlreadyListed,
                );
                return;
            }
        }
        let mut stack = vec![section];
        while let Some(s) = stack.pop() {
            self.ignore_prose(ctx, s);
            for item in s.list_items() {
                match item.marker {
                    ListMarker::Number(_) => self.function(ctx, subject, item),
                    ListMarker::Bullet => {
                        self.ignore(ctx, item.line, &item.text, IgnoreReason::NotNumbered);
                        self.ignore_nested(ctx, item, &IgnoreReason::UnderIgnoredItem);
                    }
                }
            }
            stack.extend(s.subsections.iter().rev());
        }
    }

    fn function(&mut self, ctx: &Ctx, subject: usize, item: &ListItem) {
        if item.text.is_empty() {
            self.ignore(ctx, item.line, "", IgnoreReason::EmptyValue);
            self.ignore_nested(ctx, item, &IgnoreReason::UnderIgnoredItem);
            return;
        }
        let entry = self.functions.entry(subject).or_insert((ctx.article, 0));
        entry.1 = entry.1.saturating_add(1);
        let position = entry.1;
        let base = self.node_key(subject).slug;
        let slug = suffixed(base.as_str(), &position.to_string()).unwrap_or(base);
        let slug = self.unique(NodeKind::Function, slug);
        let mut f = Function::new(slug, &item.text);
        f.position = position;
        let name = format!("{} {position}", self.nodes[subject].node.display_name());
        let i = self.push(f.into(), &name, ctx, item.line, false);
        self.link(subject, Relation::HasFunction, i, ctx, item.line);
        self.fact(i, "function", ctx, item.line, true);
        self.fact(subject, "function", ctx, item.line, false);
        self.ignore_nested(ctx, item, &IgnoreReason::NestedTooDeep);
    }

    fn read_organization(
        &mut self,
        ctx: &Ctx,
        section: &Section,
        subject: usize,
        class: Option<(usize, Option<OrgKind>)>,
    ) {
        self.ignore_prose(ctx, section);
        let items: Vec<&ListItem> = section.list_items().collect();
        for item in items {
            self.unit(ctx, subject, item, class);
        }
        for sub in &section.subsections {
            let category = singular(&sub.heading);
            let c = self.category(CategoryKind::BodyType, &category, ctx, sub.line);
            self.read_organization(ctx, sub, subject, Some((c, kind_from_type(&sub.heading))));
        }
    }

    fn unit(
        &mut self,
        ctx: &Ctx,
        parent: usize,
        item: &ListItem,
        class: Option<(usize, Option<OrgKind>)>,
    ) {
        if item.text.is_empty() {
            self.ignore(ctx, item.line, "", IgnoreReason::EmptyValue);
            self.ignore_nested(ctx, item, &IgnoreReason::UnderIgnoredItem);
            return;
        }
        let kind = class.and_then(|(_, k)| k);
        let o = self.org(&item.text, ctx, item.line, kind);
        self.link(o, Relation::SubOrganizationOf, parent, ctx, item.line);
        if let Some((c, _)) = class {
            self.link(o, Relation::Classification, c, ctx, item.line);
        }
        self.fact(o, "parent", ctx, item.line, true);
        self.fact(parent, "child", ctx, item.line, false);
        for child in &item.children {
            self.unit(ctx, o, child, class);
        }
    }

    fn read_see_also(&mut self, ctx: &Ctx, section: &Section, subject: usize) {
        let mut stack = vec![section];
        while let Some(s) = stack.pop() {
            self.ignore_prose(ctx, s);
            for item in s.list_items() {
                self.see_also_item(ctx, subject, item);
            }
            stack.extend(s.subsections.iter().rev());
        }
    }

    /// Reports every item nested under `item`, at any depth, in article
    /// order, as not read for `reason`.
    fn ignore_nested(&mut self, ctx: &Ctx, item: &ListItem, reason: &IgnoreReason) {
        let mut stack: Vec<&ListItem> = item.children.iter().rev().collect();
        while let Some(child) = stack.pop() {
            self.ignore(ctx, child.line, &child.text, reason.clone());
            stack.extend(child.children.iter().rev());
        }
    }

    /// Reports each paragraph of a section read for its lists (not its
    /// subsections') as prose not mined.
    fn ignore_prose(&mut self, ctx: &Ctx, section: &Section) {
        for b in &section.blocks {
            if let Block::Paragraph(p) = b {
                self.ignore(ctx, p.line, &p.text, IgnoreReason::Prose);
            }
        }
    }

    fn see_also_item(&mut self, ctx: &Ctx, subject: usize, item: &ListItem) {
        if item.text.is_empty() {
            self.ignore(ctx, item.line, "", IgnoreReason::EmptyValue);
            self.ignore_nested(ctx, item, &IgnoreReason::UnderIgnoredItem);
            return;
        }
        if item.children.is_empty() {
            self.see_also.push(SeeAlso {
                ctx: ctx.article,
                subject,
                name: clean_name(&item.text),
                line: item.line,
            });
            return;
        }
        // A group: a category whose members are the nested items.
        let name = clean_name(&item.text);
        let group = self.category(CategoryKind::Grouping, &name, ctx, item.line);
        self.link(subject, Relation::SeeAlso, group, ctx, item.line);
        self.fact(subject, "see also", ctx, item.line, false);
        let stem = name_key(&singular(&name));
        if !stem.is_empty() && name_key(&ctx.title).starts_with(&stem) {
            self.link(subject, Relation::Classification, group, ctx, item.line);
        }
        for member in &item.children {
            let m = self.org(&member.text, ctx, member.line, None);
            self.link(m, Relation::Classification, group, ctx, member.line);
            self.link(subject, Relation::SeeAlso, m, ctx, member.line);
            self.fact(m, "group member", ctx, member.line, true);
            self.ignore_nested(ctx, member, &IgnoreReason::NestedTooDeep);
        }
    }

    // ---- after the last article ----

    fn resolve_see_also(&mut self) {
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
            self.fact(target, "see also", &ctx, e.line, true);
            self.fact(e.subject, "see also", &ctx, e.line, false);
        }
    }

    fn link_governing_bodies(&mut self) {
        for j in 0..self.nodes.len() {
            let Node::Jurisdiction(jur) = &self.nodes[j].node else {
                continue;
            };
            let names: Vec<String> = jur.labels.texts().map(str::to_owned).collect();
            let Some(org) = names
                .iter()
                .find_map(|n| self.find(NodeKind::Organization, n))
            else {
                continue;
            };
            let Some(ctx) = self.ctxs.get(self.nodes[j].article).cloned() else {
                continue;
            };
            let line = self.nodes[j].line;
            self.link(j, Relation::GoverningBody, org, &ctx, line);
            self.fact(j, "governing body", &ctx, line, false);
        }
    }
}
