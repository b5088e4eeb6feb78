//! [`Event`]: a reorganization (a body established, abolished, merged,
//! split, renamed, …) and its [`ChangeKind`].

use std::fmt;

use super::{Labels, PartialDate, Slug, Source};

/// What a reorganization did. Exported as `gg:changeKind` on an
/// `org:ChangeEvent` (VOCABULARY.md, "Time").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ChangeKind {
    /// A body was set up (results only).
    Establishment,
    /// A body was wound up (originals only).
    Abolition,
    /// A new body took the place of an old one.
    Replacement,
    /// Several bodies became one.
    Merger,
    /// One body became several.
    Split,
    /// A body was taken into another, which goes on.
    Absorption,
    /// A body moved (to another parent, another government).
    Transfer,
    /// A body took a new name and went on.
    Rename,
    /// A body was reorganized inside and went on.
    Restructuring,
}

impl ChangeKind {
    /// Every kind, in declaration order.
    pub const ALL: [ChangeKind; 9] = [
        ChangeKind::Establishment,
        ChangeKind::Abolition,
        ChangeKind::Replacement,
        ChangeKind::Merger,
        ChangeKind::Split,
        ChangeKind::Absorption,
        ChangeKind::Transfer,
        ChangeKind::Rename,
        ChangeKind::Restructuring,
    ];

    /// The kind's name in lower case (`"replacement"`).
    pub const fn name(self) -> &'static str {
        match self {
            ChangeKind::Establishment => "establishment",
            ChangeKind::Abolition => "abolition",
            ChangeKind::Replacement => "replacement",
            ChangeKind::Merger => "merger",
            ChangeKind::Split => "split",
            ChangeKind::Absorption => "absorption",
            ChangeKind::Transfer => "transfer",
            ChangeKind::Rename => "rename",
            ChangeKind::Restructuring => "restructuring",
        }
    }

    /// True for the kinds in which resulting bodies take the place of
    /// original ones, so the graph also records `Replaces` links (a
    /// replacement, merger, split or absorption).
    pub const fn replaces(self) -> bool {
        matches!(
            self,
            ChangeKind::Replacement
                | ChangeKind::Merger
                | ChangeKind::Split
                | ChangeKind::Absorption
        )
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A reorganization: a dated change to one or more bodies.
///
/// The bodies it changed are linked in the graph: each *original* body
/// (as it was before) by `Relation::OriginalOrganization`, each *resulting*
/// body by `Relation::ResultingOrganization`; a body that goes on through
/// the event (a rename, a transfer) is both. Add one with
/// [`GovGraph::add_event`](crate::GovGraph::add_event).
///
/// ```
/// use govgraph::{ChangeKind, Event, Slug};
/// let e = Event::new(Slug::new("state-council-replaces-gac")?, ChangeKind::Replacement)
///     .with_date("1954-09".parse()?)
///     .with_legal_basis("Constitution of the People's Republic of China (1954)");
/// assert_eq!(e.kind, ChangeKind::Replacement);
/// assert_eq!(e.date.map(|d| d.to_string()).as_deref(), Some("1954-09"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Event {
    /// The stable key.
    pub slug: Slug,
    /// What the event did.
    pub kind: ChangeKind,
    /// When it took effect.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub date: Option<PartialDate>,
    /// Its names ("1954 replacement of the Government Administration
    /// Council"); may be empty.
    #[cfg_attr(feature = "serde", serde(default))]
    pub labels: Labels,
    /// A short description in the project's own words.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub description: Option<String>,
    /// The law, decision or document that made it (an IRI or a title).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub legal_basis: Option<String>,
    /// Where its facts come from.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Source>,
}

impl Event {
    /// An event of `kind` with no date, label or basis yet.
    pub fn new(slug: Slug, kind: ChangeKind) -> Self {
        Self {
            slug,
            kind,
            date: None,
            labels: Labels::default(),
            description: None,
            legal_basis: None,
            sources: Vec::new(),
        }
    }

    /// Sets the date.
    #[must_use]
    pub fn with_date(mut self, date: PartialDate) -> Self {
        self.date = Some(date);
        self
    }

    /// Sets the legal basis.
    #[must_use]
    pub fn with_legal_basis(mut self, basis: impl Into<String>) -> Self {
        self.legal_basis = Some(basis.into());
        self
    }
}

super::common_builders!(Event);
