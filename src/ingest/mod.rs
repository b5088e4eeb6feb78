//! Article text to a [`GovGraph`](crate::GovGraph): encyclopedia articles
//! whose infobox follows Wikipedia's "Infobox government agency" template,
//! in a plain-text form, ingested into one merged, typed graph with every
//! fact traceable to the line it came from.
//!
//! | type | what it is |
//! |---|---|
//! | [`Article`], [`Field`], [`Section`], [`Block`], [`Paragraph`], [`ListItem`], [`ListMarker`], [`Table`], [`TableRow`] | the syntax: an article read into its parts, each with its line |
//! | [`Warning`], [`WarningKind`] | something read with a guess, or skipped, and its line |
//! | [`Ingester`], [`Ingested`] | many articles into one graph, with aliases and a size limit |
//! | [`IngestReport`], [`Created`], [`Merged`], [`MergeReason`], [`SuppliedTitle`], [`Ignored`], [`IgnoreReason`], [`Noted`], [`Conflict`], [`Claim`], [`Provenance`], [`Fact`], [`LeaderRole`], [`NodeKey`], [`At`] | what an ingest did |
//! | [`IngestError`] | an article that cannot be read at all |
//! | [`parse_date`], [`name_key`] | how dates are read and names compared |
//!
//! The format is described in the [`article`](Article) docs; what each
//! infobox parameter becomes is tabled in the `infobox` module source and
//! in [`Ingester`]. In short:
//!
//! - the title is the body's English preferred label; `Agency Name` an
//!   alternate one; native names preferred labels in the language their
//!   script shows;
//! - the first paragraph is the body's description;
//! - the numbered list under "Functions" gives its ordered functions;
//!   the subsections of "Organization" give bodies under it, classified by
//!   the heading; "See also" gives related nodes, and a nested group a
//!   category with members;
//! - a list of officeholders ("List of officeholders", "Premiers",
//!   "Chairmen of the State Planning Commission, 1952–1987"), as a pipe
//!   table with a header or as lines of a name and dates, gives dated
//!   tenures of the post its heading (or sub-heading) names, else of the
//!   article's post or its body's head post; sub-headings naming posts in
//!   turn give each post the one before it as the post it replaces;
//! - an article whose infobox line names the "official post" template is
//!   about a post: the post, in the body its `Body` names, with its
//!   incumbent and first holder;
//! - `PrecedingN` and `SupersedingN` give `Replaces` links and dated
//!   reorganization events ([`Event`](crate::Event));
//! - nothing else in the prose is mined, and nothing is passed over in
//!   silence: every other paragraph ([`IgnoreReason::Prose`]), a list
//!   before the first section ([`IgnoreReason::LeadList`]) and a section
//!   not read ([`IgnoreReason::SectionNotRead`]) is in the report's
//!   [`ignored`](IngestReport::ignored) parts with its line, so every
//!   line of an article is either read or reported.
//!
//! Positions: [`At`], facts, warnings and ignored parts give a line, not a
//! [`TextPosition`]: everything the ingester reads or reports is a whole
//! line of the article (an infobox field, a list item, a table row, a
//! heading, a paragraph's line). [`IngestError::NotUtf8`], where a column
//! tells where in the line the bad byte is, gives a `TextPosition`.
//!
//! Headquarters are read by one rule, and no more is guessed: the whole
//! value is the site's label; split at commas, the first part is the
//! street address and the last the locality (a [`Place`](crate::Place) of
//! kind city); the parts between are places (kind district when the part
//! ends with "District", else other), each contained in the next, and the
//! site lies in the first of them.
//!
//! Named graphs per source are not written here: the export writes each
//! node's sources as `dct:source`, and graph-aware formats are the RDF
//! import/export's concern.

mod article;
mod fact;
mod files;
mod holders;
mod infobox;
mod ingester;
mod leaders;
mod post_article;
mod render;
mod reorganization;
mod report;
mod resolve;
mod rows;
mod sections;
mod staging;
mod text;
mod warning;

pub use article::{
    Article, Block, Field, ListItem, ListMarker, Paragraph, Section, Table, TableRow, Warning,
    WarningKind,
};
pub use fact::{Fact, LeaderRole};
pub use ingester::{DEFAULT_MAX_ARTICLE_BYTES, Ingested, Ingester};
pub use render::render_article;
pub use report::{
    At, Claim, Conflict, Created, IgnoreReason, Ignored, IngestReport, MergeReason, Merged,
    NodeKey, Noted, Provenance, SuppliedTitle,
};
pub use text::{name_key, parse_date};

use std::io;

use crate::{IriError, TextPosition};

/// An article that cannot be ingested at all. Every message starts with
/// the article's name (the file, or the name given), and the line where
/// there is one.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The text has no non-blank line.
    #[error("{name}: the article is empty")]
    Empty {
        /// The article's name.
        name: String,
    },
    /// The first non-blank line is not `= Title =`, or the title is empty.
    #[error("{name}:{line}: the first non-empty line is not a title `= Title =`")]
    NoTitle {
        /// The article's name.
        name: String,
        /// The first non-blank line: a line, not a
        /// [`TextPosition`], because the whole line is
        /// what is not a title.
        line: usize,
    },
    /// The article is larger than the limit.
    #[error("{name}: the article is {size} bytes long, the limit is {limit}")]
    TooLarge {
        /// The article's name.
        name: String,
        /// Its size in bytes (at least this many, for a file still growing).
        size: u64,
        /// The limit set with [`Ingester::with_max_article_bytes`].
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{name}:{}:{}: the article is not valid UTF-8", at.line(), at.column())]
    NotUtf8 {
        /// The file's name.
        name: String,
        /// Where the first byte that is not UTF-8 is: its line, and its
        /// column in characters of the valid text before it.
        at: TextPosition,
    },
    /// The file or directory could not be read.
    #[error("{name}: cannot read: {source}")]
    Io {
        /// The path.
        name: String,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
    /// The source IRI given for an article is not an absolute IRI.
    #[error("{name}: {source}")]
    BadSource {
        /// The article's name.
        name: String,
        /// Why the IRI is refused.
        #[source]
        source: IriError,
    },
}
