//! [`Warning`]: what an article's syntax or meaning made the ingester
//! guess or skip, with its line.

use std::fmt;

/// Something in an article that was read with a guess or not read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Warning {
    /// The line it is about.
    pub line: usize,
    /// What happened.
    pub kind: WarningKind,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

/// What a [`Warning`] is about. Messages are lowercase, without a final
/// period.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WarningKind {
    /// An infobox line with no `:` between key and value.
    InfoboxLineWithoutColon,
    /// An infobox line with nothing before the `:`.
    InfoboxLineWithoutKey,
    /// A list item indented more than one level deeper than the item
    /// before it; it is read as one level deeper.
    ListTooDeep {
        /// How many levels deeper it was written.
        levels: usize,
    },
    /// A heading whose closing `=` do not match its opening ones.
    UnbalancedHeading,
    /// A heading with no text.
    EmptyHeading,
    /// A `= Title =` line after the first.
    SecondTitle,
    /// A second `Infobox` line, or one after the prose started.
    LateInfobox,
    /// A date the ingester cannot read; the text is kept here.
    UnreadableDate {
        /// The text as written.
        text: String,
    },
    /// A web address that is not a valid IRI even after completion.
    UnreadableUrl {
        /// The text as written.
        text: String,
    },
    /// A width that is not a whole number of pixels.
    UnreadableWidth {
        /// The text as written.
        text: String,
    },
    /// A name with no ASCII letter or digit; its slug is made from the
    /// article's title instead.
    SlugFallback {
        /// The name.
        name: String,
        /// The slug given.
        slug: String,
    },
    /// A parenthesised qualifier of a position that is not a rank; it is
    /// kept in the post's name.
    QualifierKept {
        /// The qualifier, without parentheses.
        qualifier: String,
    },
    /// The graph refused a link (it would close a cycle, or join a node to
    /// itself); the link is left out.
    LinkRefused {
        /// The graph's reason.
        reason: String,
    },
    /// The graph refused a node (its value is invalid); the node and its
    /// links are left out.
    NodeRefused {
        /// The node, as `kind/slug`.
        node: String,
        /// The graph's reason.
        reason: String,
    },
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarningKind::InfoboxLineWithoutColon => {
                f.write_str("infobox line has no colon between key and value: skipped")
            }
            WarningKind::InfoboxLineWithoutKey => {
                f.write_str("infobox line has no key before its colon: skipped")
            }
            WarningKind::ListTooDeep { levels } => write!(
                f,
                "list item nested {levels} levels below the item before it: read as one level"
            ),
            WarningKind::UnbalancedHeading => {
                f.write_str("heading closes with a different number of `=` than it opens with")
            }
            WarningKind::EmptyHeading => f.write_str("heading has no text"),
            WarningKind::SecondTitle => f.write_str("a second title: read as a section heading"),
            WarningKind::LateInfobox => {
                f.write_str("`Infobox` line after the prose started: read as prose")
            }
            WarningKind::UnreadableDate { text } => {
                write!(
                    f,
                    "date {text:?} is not a form I can read: kept as text here only"
                )
            }
            WarningKind::UnreadableUrl { text } => {
                write!(f, "{text:?} is not a web address: left out")
            }
            WarningKind::UnreadableWidth { text } => {
                write!(
                    f,
                    "width {text:?} is not a whole number of pixels: left out"
                )
            }
            WarningKind::SlugFallback { name, slug } => write!(
                f,
                "name {name:?} has no ASCII letter or digit: its slug is `{slug}`"
            ),
            WarningKind::QualifierKept { qualifier } => write!(
                f,
                "qualifier {qualifier:?} is not a rank: kept in the post's name"
            ),
            WarningKind::LinkRefused { reason } => write!(f, "link left out: {reason}"),
            WarningKind::NodeRefused { node, reason } => {
                write!(f, "node {node} left out: {reason}")
            }
        }
    }
}
