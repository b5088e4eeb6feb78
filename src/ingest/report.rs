//! [`IngestReport`]: what an ingest created, merged, ignored, warned about
//! and found in conflict, and where every fact came from.

use std::fmt;

use super::{Fact, LeaderRole, WarningKind};
use crate::{NodeKind, Slug};

/// A node named by kind and slug, printed as `org/general-office`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct NodeKey {
    /// The node's kind.
    pub kind: NodeKind,
    /// The node's slug.
    pub slug: Slug,
}

impl NodeKey {
    pub(crate) fn new(kind: NodeKind, slug: Slug) -> Self {
        Self { kind, slug }
    }
}

impl fmt::Display for NodeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.kind.segment(), self.slug)
    }
}

/// A place in an article: its title and a line (from 1). A line, not a
/// [`TextPosition`](crate::TextPosition): what the ingester reads and
/// reports is always a whole line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct At {
    /// The article's title.
    pub article: String,
    /// The line.
    pub line: usize,
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.article, self.line)
    }
}

/// A node the ingest created.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Created {
    /// The node.
    pub node: NodeKey,
    /// The name it was created under.
    pub name: String,
    /// Where it was first named.
    pub at: At,
}

/// An article's mention of a node that an earlier article (or an earlier
/// line of the same article) created: the two are one node.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Merged {
    /// The node.
    pub node: NodeKey,
    /// The name as this article writes it.
    pub name: String,
    /// The article and line of the mention.
    pub at: At,
    /// The article that created the node.
    pub created_by: String,
    /// Why the mention is that node.
    pub reason: MergeReason,
}

/// Why a mention of a node was resolved to a node of that or another name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MergeReason {
    /// The same name (as [`name_key`](super::name_key) compares names).
    SameName,
    /// A name declared with [`Ingester::with_alias`](super::Ingester::with_alias).
    Alias,
    /// A name the article declares for its subject (agency name, native
    /// name) is a name of the node.
    DeclaredName,
    /// The same name once a country qualifier ("of China", "(China)", "of
    /// the People's Republic of China") is dropped from both, and no other
    /// body matches.
    CountryQualifier,
}

impl fmt::Display for MergeReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MergeReason::SameName => "the same name",
            MergeReason::Alias => "a declared alias",
            MergeReason::DeclaredName => "a name the article declares for it",
            MergeReason::CountryQualifier => {
                "the same name without a country qualifier, and no other body matches"
            }
        })
    }
}

/// A post whose title the article does not write, made by the ingester
/// for a leader the infobox names with no position: the role's word and the
/// body (`Deputy Minister of the Ministry of Foreign Affairs`; see
/// [`Ingester`](super::Ingester)).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SuppliedTitle {
    /// The post.
    pub post: NodeKey,
    /// The title supplied.
    pub title: String,
    /// The leader parameter that named the holder.
    pub role: LeaderRole,
    /// The line of the holder's name.
    pub at: At,
}

/// Why an infobox field or a part of an article was not ingested.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum IgnoreReason {
    /// The key is no parameter of the template.
    UnknownKey,
    /// The value is empty.
    EmptyValue,
    /// The same parameter was given earlier in the article.
    Repeated {
        /// The line of the first one, whose value is kept.
        first_line: usize,
    },
    /// The template parameter has no place in the model.
    NotModelled {
        /// What the model lacks a field for.
        what: &'static str,
    },
    /// A numbered parameter past the template's last number.
    OutOfRange {
        /// The template's last number for it.
        max: u32,
    },
    /// An `agency_id` that is not a Wikidata id.
    NotWikidata,
    /// A seal when the article also gives a logo: the model holds one
    /// emblem.
    OneEmblem,
    /// A width with no image to apply it to.
    WidthWithoutImage,
    /// A `minister_type` that no minister needed (each has a portfolio).
    MinisterTypeUnused,
    /// A section the ingester does not read.
    SectionNotRead,
    /// A list item nested deeper than the ingester reads there.
    NestedTooDeep,
    /// A list item nested under an item that was not read.
    UnderIgnoredItem,
    /// A bulleted item in a Functions section, where only the numbered
    /// list gives functions.
    NotNumbered,
    /// A second article listing functions for a body that has them.
    FunctionsAlreadyListed,
    /// A paragraph of prose other than the lead's first: facts are read
    /// from the infobox and lists, not mined from prose.
    Prose,
    /// A list before the first section, where no list is read.
    LeadList,
    /// A table row outside a list of officeholders, where no table is read.
    TableNotRead,
    /// A line or row of a list of officeholders that does not read as a
    /// holder with dates, a vacancy, or a header.
    UnreadableRow,
    /// A column of a list of officeholders the model has no place for
    /// (reported at the header).
    ColumnNotRead,
    /// The key is no parameter of the "Infobox official post" template.
    UnknownPostKey,
    /// An `Incumbentsince` with no `Incumbent` to date.
    NoIncumbent,
    /// A list of officeholders whose heading names no post, in an article
    /// that gives its body no head post to put them in.
    NoPostForList,
}

impl fmt::Display for IgnoreReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IgnoreReason::UnknownKey => {
                f.write_str("not a parameter of the Infobox government agency template")
            }
            IgnoreReason::EmptyValue => f.write_str("the value is empty"),
            IgnoreReason::Repeated { first_line } => write!(
                f,
                "repeats the parameter of line {first_line}, whose value is kept"
            ),
            IgnoreReason::NotModelled { what } => write!(f, "the model has no field for {what}"),
            IgnoreReason::OutOfRange { max } => {
                write!(f, "the template numbers this parameter from 1 to {max}")
            }
            IgnoreReason::NotWikidata => {
                f.write_str("not a Wikidata id (Q and digits), the only ids the model keeps")
            }
            IgnoreReason::OneEmblem => {
                f.write_str("the model holds one emblem and the logo is kept")
            }
            IgnoreReason::WidthWithoutImage => f.write_str("a width with no image to apply it to"),
            IgnoreReason::MinisterTypeUnused => {
                f.write_str("every minister has a portfolio, which names the post")
            }
            IgnoreReason::SectionNotRead => {
                f.write_str(
                    "only the Functions, Organization, See also and officeholder list sections are read",
                )
            }
            IgnoreReason::NestedTooDeep => {
                f.write_str("nested deeper than the ingester reads there")
            }
            IgnoreReason::UnderIgnoredItem => f.write_str("nested under an item that was not read"),
            IgnoreReason::NotNumbered => {
                f.write_str("only the numbered list of a Functions section gives functions")
            }
            IgnoreReason::FunctionsAlreadyListed => f.write_str(
                "the body's functions were listed by an earlier article, whose order is kept",
            ),
            IgnoreReason::Prose => f.write_str(
                "prose is not mined for facts (only the first paragraph, as the description)",
            ),
            IgnoreReason::LeadList => {
                f.write_str("a list before the first section: lists are read only in sections")
            }
            IgnoreReason::UnknownPostKey => {
                f.write_str("not a parameter of the Infobox official post template")
            }
            IgnoreReason::NoIncumbent => f.write_str("a date with no incumbent to date"),
            IgnoreReason::TableNotRead => {
                f.write_str("a table is read only in a list of officeholders")
            }
            IgnoreReason::UnreadableRow => f.write_str(
                "not a holder with dates, a vacancy or a header of a list of officeholders",
            ),
            IgnoreReason::ColumnNotRead => {
                f.write_str("a column of a list of officeholders the model has no place for")
            }
            IgnoreReason::NoPostForList => f.write_str(
                "the heading names no post and the body has no head post to list holders of",
            ),
        }
    }
}

/// A part of an article that was not ingested, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Ignored {
    /// The infobox key as written, or the section heading or list item.
    pub key: String,
    /// Where it is.
    pub at: At,
    /// Why it was left out.
    pub reason: IgnoreReason,
}

/// A warning about an article, with the article it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Noted {
    /// Where it is.
    pub at: At,
    /// What happened.
    pub kind: WarningKind,
}

/// One value of a fact, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Claim {
    /// The value, as text.
    pub value: String,
    /// Where it was read.
    pub at: At,
}

/// Two articles (or two lines) give different values for a fact that
/// holds one. The first is kept in the graph; the node cites both sources.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Conflict {
    /// The node.
    pub node: NodeKey,
    /// The fact (founded, parent, headquarters, …).
    pub fact: Fact,
    /// The value kept.
    pub kept: Claim,
    /// The value not taken.
    pub other: Claim,
}

impl fmt::Display for Conflict {
    /// `org/x founded: kept "1990" (A:3), not "1991" (B:3)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: kept {:?} ({}), not {:?} ({})",
            self.node, self.fact, self.kept.value, self.kept.at, self.other.value, self.other.at
        )
    }
}

/// A fact ingested: which node it is about, and the line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Provenance {
    /// The node.
    pub node: NodeKey,
    /// The fact (title, founded, a leader, function, see also, …).
    pub fact: Fact,
    /// Where it was read.
    pub at: At,
}

/// What an ingest did: printable for a person with [`Display`](fmt::Display),
/// and as data through its iterators, each in the order things happened.
///
/// ```
/// use govgraph::ingest::{Fact, Ingester};
/// let mut ing = Ingester::new();
/// ing.ingest_str("a.txt", "= Office of Tests =\nInfobox\n- Motto: Test first\n- Formed: 1990\n")?;
/// let govgraph::ingest::Ingested { graph, report, .. } = ing.finish();
/// assert_eq!(report.created().count(), 1);
/// let ignored = report.ignored().next().expect("the motto");
/// assert_eq!(ignored.reason.to_string(), "the model has no field for mottos");
/// assert!(report.provenance().any(|p| p.fact == Fact::Founded && p.at.line == 4));
/// assert!(report.to_string().starts_with("1 article: 1 node created"));
/// # let _ = graph;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestReport {
    pub(crate) articles: Vec<String>,
    pub(crate) created: Vec<Created>,
    pub(crate) merged: Vec<Merged>,
    pub(crate) ignored: Vec<Ignored>,
    pub(crate) warnings: Vec<Noted>,
    pub(crate) conflicts: Vec<Conflict>,
    pub(crate) provenance: Vec<Provenance>,
    pub(crate) supplied: Vec<SuppliedTitle>,
}

impl IngestReport {
    /// The titles of the articles ingested, in order.
    pub fn articles(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.articles.iter().map(String::as_str)
    }

    /// The nodes created.
    pub fn created(&self) -> impl ExactSizeIterator<Item = &Created> + '_ {
        self.created.iter()
    }

    /// The mentions resolved to a node another article created.
    pub fn merged(&self) -> impl ExactSizeIterator<Item = &Merged> + '_ {
        self.merged.iter()
    }

    /// The post titles the ingester supplied for leaders given no
    /// position.
    pub fn supplied_titles(&self) -> impl ExactSizeIterator<Item = &SuppliedTitle> + '_ {
        self.supplied.iter()
    }

    /// What was left out, with reasons.
    pub fn ignored(&self) -> impl ExactSizeIterator<Item = &Ignored> + '_ {
        self.ignored.iter()
    }

    /// The warnings.
    pub fn warnings(&self) -> impl ExactSizeIterator<Item = &Noted> + '_ {
        self.warnings.iter()
    }

    /// The conflicts between sources.
    pub fn conflicts(&self) -> impl ExactSizeIterator<Item = &Conflict> + '_ {
        self.conflicts.iter()
    }

    /// Every fact ingested, with its node and line.
    pub fn provenance(&self) -> impl ExactSizeIterator<Item = &Provenance> + '_ {
        self.provenance.iter()
    }

    /// The facts about one node (`org/slug`), in the order read. O(facts).
    pub fn provenance_of<'r>(
        &'r self,
        kind: NodeKind,
        slug: &'r str,
    ) -> impl Iterator<Item = &'r Provenance> + 'r {
        self.provenance
            .iter()
            .filter(move |p| p.node.kind == kind && p.node.slug.as_str() == slug)
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

impl fmt::Display for IngestReport {
    /// A summary line, then one line per entry: created, merged, ignored,
    /// warnings, conflicts. Provenance is left to [`IngestReport::provenance`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} created, {} merged, {} supplied, {} ignored, {}, {}",
            plural(self.articles.len(), "article", "articles"),
            plural(self.created.len(), "node", "nodes"),
            self.merged.len(),
            plural(self.supplied.len(), "title", "titles"),
            self.ignored.len(),
            plural(self.warnings.len(), "warning", "warnings"),
            plural(self.conflicts.len(), "conflict", "conflicts"),
        )?;
        for c in &self.created {
            writeln!(f, "{}: created {} ({:?})", c.at, c.node, c.name)?;
        }
        for m in &self.merged {
            writeln!(
                f,
                "{}: merged {:?} into {} (created by {}): {}",
                m.at, m.name, m.node, m.created_by, m.reason
            )?;
        }
        for t in &self.supplied {
            writeln!(
                f,
                "{}: supplied title {:?} for {} ({} with no position)",
                t.at, t.title, t.post, t.role
            )?;
        }
        for i in &self.ignored {
            writeln!(f, "{}: ignored {:?}: {}", i.at, i.key, i.reason)?;
        }
        for w in &self.warnings {
            writeln!(f, "{}: warning: {}", w.at, w.kind)?;
        }
        for c in &self.conflicts {
            writeln!(
                f,
                "{}: conflict on {} of {}: kept {:?} from {}, not {:?}",
                c.other.at, c.fact, c.node, c.kept.value, c.kept.at, c.other.value
            )?;
        }
        Ok(())
    }
}
