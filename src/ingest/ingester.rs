//! [`Ingester`]: many articles into one graph — the public entry points
//! and the reading of one article, which hands its parts to the infobox,
//! section and list readers.
//!
//! Facts are first gathered in a staging area (`staging.rs`: nodes that
//! can still be changed, links not yet checked), so that a later article
//! can add a source to, or be found in conflict with, what an earlier one
//! said. The graph is built once, by [`Ingester::finish`], through the
//! graph's own validating API.

use std::collections::{HashMap, HashSet};

use super::IngestError;
use super::article::{Article, Block};
use super::fact::Fact;
use super::report::{Claim, IgnoreReason, IngestReport};
use super::resolve::SeeAlso;

use super::leaders::titles_in;
use super::post_article::is_post_article;
use super::sections::SectionKind;
use super::staging::{Staged, StagedLink};
use super::text::name_key;
use crate::{GovGraph, Node, NodeKind, Relation, Slug, Source};

/// What [`Ingester::finish`] gives: the graph and how it was read.
#[derive(Debug)]
#[non_exhaustive]
pub struct Ingested {
    /// The graph.
    pub graph: GovGraph,
    /// What the ingest did: nodes created and merged, titles supplied,
    /// parts ignored, warnings, conflicts, and every fact's line.
    pub report: IngestReport,
}

/// The default largest article [`Ingester`] reads: 16 MiB.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// An article's identity while it and its deferred facts are ingested.
#[derive(Clone)]
pub(super) struct Ctx {
    pub(super) article: usize,
    pub(super) title: String,
    pub(super) iri: String,
    pub(super) title_slug: String,
}

/// Ingests articles into one merged [`GovGraph`](crate::GovGraph).
///
/// Entities are resolved across articles by name: names are compared by
/// [`name_key`] (case, punctuation and "the" aside), within each kind of
/// node, after mapping declared aliases. A body answers to every name an
/// article declares for it (its title, `Agency Name`, native and romanized
/// names), and, when no body has a name, to the one body whose name is the
/// same once a country qualifier is dropped from both ("of China",
/// "(China)", "of the People's Republic of China"): "State Council",
/// "State Council of China" and "State Council of the People's Republic of
/// China" are one body. That rule never joins an article's subject to a
/// body the article names (its predecessor may differ from it only by the
/// qualifier), two articles' subjects, or a name that more than one body
/// matches. Each merge is in the report with its reason
/// ([`Merged::reason`](super::Merged::reason)). A "See also" entry in one
/// article and the title of another are one body. When two sources give
/// different values for a fact that holds one value (a founding date, a
/// parent, a headquarters), the first is kept, the node cites both, and
/// the report lists the conflict.
///
/// Leaders: each `ChiefN`, `MinisterN` and `DeputyministerN` name holds
/// the post its position or portfolio names, in the body. A name given
/// with no position holds a post whose title the ingester supplies, and
/// reports ([`IngestReport::supplied_titles`](super::IngestReport::supplied_titles)):
/// the role's word (`Chief`, `Deputy Minister`, or for a minister the
/// infobox's `Minister Type`, else `Minister`), "of", and the body's title
/// without a trailing parenthesised qualifier, with "the" before it unless
/// it has one: "Deputy Minister of the Ministry of Foreign Affairs". A
/// field naming several people (split at commas, semicolons, `<br />` and
/// "and") gives one person each, all holding the post; when the position
/// is a plural ("Deputy Secretaries-General") and the article writes its
/// singular elsewhere (another position, a heading, a list item), the
/// post takes the singular, else the plural as written.
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
/// let govgraph::ingest::Ingested { graph, report, .. } = ing.finish();
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
    pub(super) aliases: HashMap<String, String>,
    pub(super) max_bytes: u64,
    pub(super) nodes: Vec<Staged>,
    pub(super) by_slug: HashSet<(NodeKind, Slug)>,
    pub(super) by_name: HashMap<(NodeKind, String), usize>,
    pub(super) links: Vec<StagedLink>,
    pub(super) link_set: HashSet<(usize, Relation, usize)>,
    pub(super) single: HashMap<(usize, Relation), (usize, usize, usize)>,
    pub(super) claims: HashMap<(usize, Fact), Claim>,
    pub(super) functions: HashMap<usize, (usize, u32)>,
    pub(super) merged_seen: HashSet<(usize, usize)>,
    pub(super) see_also: Vec<SeeAlso>,
    pub(super) ctxs: Vec<Ctx>,
    /// The subject node of each article, by article.
    pub(super) subjects: Vec<Option<usize>>,
    /// Organizations by name with a country qualifier dropped.
    pub(super) by_norm: HashMap<String, Vec<usize>>,
    /// (node, article, name) merges reported for a reason other than the
    /// same name.
    pub(super) merged_names: HashSet<(usize, usize, String)>,
    /// The first post made heading each body, by body.
    pub(super) head_posts: HashMap<usize, usize>,
    /// The first post of each body by the key of its title's part before
    /// " of " (`director` for "Director of the Bureau of Tests").
    pub(super) posts_by_title: HashMap<(usize, String), usize>,
    /// The reorganization event that resulted in each body, by body.
    pub(super) events: HashMap<usize, usize>,
    /// Tenures given dates by a list of officeholders.
    pub(super) dated_tenures: HashSet<usize>,
    /// First holders of a post article, read after its lists: (person,
    /// post, line, the incumbent's tenure).
    pub(super) pending_first: Vec<(usize, usize, usize, Option<usize>)>,
    pub(super) report: IngestReport,
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
            subjects: Vec::new(),
            by_norm: HashMap::new(),
            merged_names: HashSet::new(),
            head_posts: HashMap::new(),
            posts_by_title: HashMap::new(),
            events: HashMap::new(),
            dated_tenures: HashSet::new(),
            pending_first: Vec::new(),
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
    /// let govgraph::ingest::Ingested { graph: g, report: _, .. } = ing.finish();
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
    /// let govgraph::ingest::Ingested { graph: g, report: _, .. } = ing.finish();
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

    pub(super) fn ingest_text(
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

    /// Builds the graph from everything ingested, and hands it back with
    /// the report.
    ///
    /// "See also" entries are resolved here, against every article, and a
    /// jurisdiction named like a known body is linked to it as its
    /// governing body. Nodes and links the graph refuses (a cycle, say)
    /// are left out and reported as warnings
    /// ([`WarningKind::NodeRefused`](super::WarningKind::NodeRefused),
    /// [`WarningKind::LinkRefused`](super::WarningKind::LinkRefused)).
    ///
    /// ```
    /// use govgraph::ingest::Ingester;
    /// let mut ing = Ingester::new();
    /// ing.ingest_str("a.txt", "= Office of Tests =\n")?;
    /// let ingested = ing.finish();
    /// assert_eq!(ingested.graph.node_count(), 1);
    /// assert_eq!(ingested.report.created().count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn finish(mut self) -> Ingested {
        self.resolve_see_also();
        self.link_governing_bodies();
        let graph = self.build();
        Ingested {
            graph,
            report: self.report,
        }
    }

    // ---- one article ----

    fn read_article(&mut self, ctx: &Ctx, article: &Article) {
        if self.subjects.len() <= ctx.article {
            self.subjects.resize(ctx.article + 1, None);
        }
        let is_post = is_post_article(article);
        let subject = if is_post {
            self.post_subject(ctx, article)
        } else {
            self.org_subject(ctx, article)
        };
        let line = article.title_line;
        self.subjects[ctx.article] = Some(subject);
        self.fact(subject, Fact::Title, ctx, line, true);

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
                Block::Table(t) => self.ignore_table(ctx, t),
            }
        }
        if let Some(p) = article.first_paragraph() {
            if self.claim(subject, Fact::Description, &p.text, ctx, p.line) {
                match &mut self.nodes[subject].node {
                    Node::Organization(o) => o.details_mut().description = Some(p.text.clone()),
                    Node::Post(post) => post.description = Some(p.text.clone()),
                    _ => {}
                }
            }
            self.fact(subject, Fact::Description, ctx, p.line, true);
        }

        if is_post {
            self.read_post_infobox(ctx, article, subject);
        } else {
            self.read_infobox(ctx, article, subject);
        }

        let mut titles = None;
        for s in &article.sections {
            match SectionKind::of(&s.heading) {
                SectionKind::Functions if !is_post => self.read_functions(ctx, s, subject),
                SectionKind::Organization if !is_post => {
                    self.read_organization(ctx, s, subject, None);
                }
                SectionKind::SeeAlso => self.read_see_also(ctx, s, subject),
                SectionKind::Officeholders => {
                    let titles = titles.get_or_insert_with(|| titles_in(article));
                    self.read_holders(ctx, titles, s, subject);
                }
                SectionKind::Other | SectionKind::Functions | SectionKind::Organization => {
                    self.ignore(ctx, s.line, &s.heading, IgnoreReason::SectionNotRead);
                }
            }
        }
        self.first_holders(ctx);
    }
}
