//! [`Slug`], the validated human-readable key of every node, and the typed
//! opaque ids the graph hands out.

use std::fmt;
use std::str::FromStr;

/// The longest slug accepted, in bytes.
pub const MAX_SLUG_LEN: usize = 200;

/// A stable, human-readable key: lowercase ASCII letters and digits in runs
/// joined by single hyphens (`general-office-of-the-state-council`).
///
/// Slugs become the last segment of exported IRIs and the keys of the JSON
/// form, so they are checked once, here, and never again.
///
/// ```
/// use govgraph::Slug;
///
/// let slug = Slug::new("wu-zhenglong")?;
/// assert_eq!(slug.as_str(), "wu-zhenglong");
/// assert_eq!(Slug::from_name("General Office of the State Council")?.as_str(),
///            "general-office-of-the-state-council");
/// assert!(Slug::new("Wu Zhenglong").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct Slug(Box<str>);

/// Why a string is not a [`Slug`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SlugError {
    /// The string is empty.
    #[error("slug is empty")]
    Empty,
    /// The string is longer than [`MAX_SLUG_LEN`] bytes.
    #[error("slug is {len} bytes long, the limit is {MAX_SLUG_LEN}")]
    TooLong {
        /// The length found, in bytes.
        len: usize,
    },
    /// A character other than `a-z`, `0-9` or `-`.
    #[error(
        "slug {slug:?} has the character {ch:?} at byte {index}: only a-z, 0-9 and - are allowed"
    )]
    InvalidChar {
        /// The whole string, for the message.
        slug: String,
        /// The offending character.
        ch: char,
        /// Its byte offset.
        index: usize,
    },
    /// A hyphen at the start, at the end, or next to another hyphen.
    #[error("slug {slug:?} has a hyphen at byte {index} that does not join two words")]
    StrayHyphen {
        /// The whole string, for the message.
        slug: String,
        /// The byte offset of the hyphen.
        index: usize,
    },
    /// [`Slug::from_name`] found no ASCII letter or digit to keep.
    #[error("name {name:?} has no ASCII letter or digit to make a slug from")]
    NothingToKeep {
        /// The name given.
        name: String,
    },
}

impl Slug {
    /// Checks `s` and wraps it.
    ///
    /// # Errors
    /// [`SlugError`] when `s` is empty, too long, has a character outside
    /// `a-z0-9-`, or a hyphen that does not join two words.
    pub fn new(s: impl Into<String>) -> Result<Self, SlugError> {
        let s = s.into();
        if s.is_empty() {
            return Err(SlugError::Empty);
        }
        if s.len() > MAX_SLUG_LEN {
            return Err(SlugError::TooLong { len: s.len() });
        }
        let bytes = s.as_bytes();
        for (index, ch) in s.char_indices() {
            match ch {
                'a'..='z' | '0'..='9' => {}
                '-' => {
                    let stray = index == 0
                        || index + 1 == bytes.len()
                        || bytes.get(index + 1) == Some(&b'-');
                    if stray {
                        let index = if index == 0 || index + 1 == bytes.len() {
                            index
                        } else {
                            index + 1
                        };
                        return Err(SlugError::StrayHyphen { slug: s, index });
                    }
                }
                _ => return Err(SlugError::InvalidChar { slug: s, ch, index }),
            }
        }
        Ok(Self(s.into_boxed_str()))
    }

    /// Makes a slug from a name: ASCII letters are lowercased and kept with
    /// digits, apostrophes are dropped, and every other run of characters
    /// becomes one hyphen. The result is cut at [`MAX_SLUG_LEN`] on a word
    /// boundary.
    ///
    /// ```
    /// use govgraph::Slug;
    /// assert_eq!(Slug::from_name("People's Republic of China")?.as_str(),
    ///            "peoples-republic-of-china");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`SlugError::NothingToKeep`] when the name has no ASCII letter or digit
    /// (a name written only in Chinese, say): give such nodes a slug yourself.
    pub fn from_name(name: &str) -> Result<Self, SlugError> {
        let mut out = String::with_capacity(name.len());
        let mut pending_hyphen = false;
        for ch in name.chars() {
            if ch.is_ascii_alphanumeric() {
                if pending_hyphen && !out.is_empty() {
                    out.push('-');
                }
                pending_hyphen = false;
                out.push(ch.to_ascii_lowercase());
            } else if ch != '\'' && ch != '\u{2019}' {
                pending_hyphen = true;
            }
        }
        if out.is_empty() {
            return Err(SlugError::NothingToKeep {
                name: name.to_owned(),
            });
        }
        if out.len() > MAX_SLUG_LEN {
            // Cut at the last whole word that fits; a single word longer
            // than the limit is cut at the limit.
            let cut = match out.as_bytes().get(MAX_SLUG_LEN) {
                Some(b'-') => MAX_SLUG_LEN,
                _ => out[..MAX_SLUG_LEN].rfind('-').unwrap_or(MAX_SLUG_LEN),
            };
            out.truncate(cut);
        }
        Self::new(out)
    }

    /// The slug as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl AsRef<str> for Slug {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Slug {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl FromStr for Slug {
    type Err = SlugError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl TryFrom<String> for Slug {
    type Error = SlugError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(s)
    }
}

impl TryFrom<&str> for Slug {
    type Error = SlugError;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::new(s)
    }
}

impl From<Slug> for String {
    fn from(s: Slug) -> Self {
        s.0.into_string()
    }
}

impl PartialEq<str> for Slug {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Slug {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

/// The kind of a node: which of the model's nouns it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NodeKind {
    /// An [`Organization`](crate::Organization).
    Organization,
    /// A [`Post`](crate::Post).
    Post,
    /// A [`Person`](crate::Person).
    Person,
    /// A [`Jurisdiction`](crate::Jurisdiction).
    Jurisdiction,
    /// A [`Site`](crate::Site).
    Site,
    /// A [`Place`](crate::Place).
    Place,
    /// A [`Function`](crate::Function).
    Function,
    /// A [`Website`](crate::Website).
    Website,
    /// A [`Category`](crate::Category).
    Category,
    /// A [`Tenure`](crate::Tenure).
    Tenure,
    /// An [`Event`](crate::Event): a reorganization.
    Event,
}

impl NodeKind {
    /// Every kind, in declaration order.
    pub const ALL: [NodeKind; 11] = [
        NodeKind::Organization,
        NodeKind::Post,
        NodeKind::Person,
        NodeKind::Jurisdiction,
        NodeKind::Site,
        NodeKind::Place,
        NodeKind::Function,
        NodeKind::Website,
        NodeKind::Category,
        NodeKind::Tenure,
        NodeKind::Event,
    ];

    /// The kind's name in lowercase English, as messages and JSON write it.
    pub const fn name(self) -> &'static str {
        match self {
            NodeKind::Organization => "organization",
            NodeKind::Post => "post",
            NodeKind::Person => "person",
            NodeKind::Jurisdiction => "jurisdiction",
            NodeKind::Site => "site",
            NodeKind::Place => "place",
            NodeKind::Function => "function",
            NodeKind::Website => "website",
            NodeKind::Category => "category",
            NodeKind::Tenure => "tenure",
            NodeKind::Event => "event",
        }
    }

    /// The short path segment that keys a node of this kind (`org` in
    /// `org/general-office-of-the-state-council`), used by the JSON form and
    /// by exported IRIs.
    pub const fn segment(self) -> &'static str {
        match self {
            NodeKind::Organization => "org",
            NodeKind::Post => "post",
            NodeKind::Person => "person",
            NodeKind::Jurisdiction => "jurisdiction",
            NodeKind::Site => "site",
            NodeKind::Place => "place",
            NodeKind::Function => "function",
            NodeKind::Website => "website",
            NodeKind::Category => "category",
            NodeKind::Tenure => "membership",
            NodeKind::Event => "event",
        }
    }

    /// The kind whose [`segment`](Self::segment) is `s`.
    pub fn from_segment(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.segment() == s)
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident, $kind:ident) => {
        $(#[$doc])*
        ///
        /// Ids are handed out by [`GovGraph`](crate::GovGraph) and are only
        /// meaningful for the graph that made them. Ids are never reused: the
        /// id of a [removed](crate::GovGraph::remove) node is answered with
        /// `None` or [`GraphError::Removed`](crate::GraphError::Removed). An
        /// id from another graph is answered with `None` or
        /// [`GraphError::UnknownId`](crate::GraphError::UnknownId) when no
        /// node of this kind sits at its place.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u32);

        impl $name {
            pub(crate) const fn from_raw(raw: u32) -> Self {
                Self(raw)
            }

            pub(crate) const fn raw(self) -> u32 {
                self.0
            }
        }

        impl From<$name> for NodeId {
            fn from(id: $name) -> NodeId {
                NodeId::$kind(id)
            }
        }

        impl TryFrom<NodeId> for $name {
            type Error = KindMismatch;
            fn try_from(id: NodeId) -> Result<Self, KindMismatch> {
                match id {
                    NodeId::$kind(inner) => Ok(inner),
                    other => Err(KindMismatch {
                        expected: NodeKind::$kind,
                        found: other.kind(),
                    }),
                }
            }
        }
    };
}

typed_id!(
    /// The id of an [`Organization`](crate::Organization) in a graph.
    OrgId,
    Organization
);
typed_id!(
    /// The id of a [`Post`](crate::Post) in a graph.
    PostId,
    Post
);
typed_id!(
    /// The id of a [`Person`](crate::Person) in a graph.
    PersonId,
    Person
);
typed_id!(
    /// The id of a [`Jurisdiction`](crate::Jurisdiction) in a graph.
    JurisdictionId,
    Jurisdiction
);
typed_id!(
    /// The id of a [`Site`](crate::Site) in a graph.
    SiteId,
    Site
);
typed_id!(
    /// The id of a [`Place`](crate::Place) in a graph.
    PlaceId,
    Place
);
typed_id!(
    /// The id of a [`Function`](crate::Function) in a graph.
    FunctionId,
    Function
);
typed_id!(
    /// The id of a [`Website`](crate::Website) in a graph.
    WebsiteId,
    Website
);
typed_id!(
    /// The id of a [`Category`](crate::Category) in a graph.
    CategoryId,
    Category
);
typed_id!(
    /// The id of a [`Tenure`](crate::Tenure) in a graph.
    TenureId,
    Tenure
);
typed_id!(
    /// The id of an [`Event`](crate::Event) in a graph.
    EventId,
    Event
);

/// The id of a node of any kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum NodeId {
    /// An organization.
    Organization(OrgId),
    /// A post.
    Post(PostId),
    /// A person.
    Person(PersonId),
    /// A jurisdiction.
    Jurisdiction(JurisdictionId),
    /// A site.
    Site(SiteId),
    /// A place.
    Place(PlaceId),
    /// A function.
    Function(FunctionId),
    /// A website.
    Website(WebsiteId),
    /// A category.
    Category(CategoryId),
    /// A tenure.
    Tenure(TenureId),
    /// An event.
    Event(EventId),
}

impl NodeId {
    /// The kind of node this id names.
    pub const fn kind(self) -> NodeKind {
        match self {
            NodeId::Organization(_) => NodeKind::Organization,
            NodeId::Post(_) => NodeKind::Post,
            NodeId::Person(_) => NodeKind::Person,
            NodeId::Jurisdiction(_) => NodeKind::Jurisdiction,
            NodeId::Site(_) => NodeKind::Site,
            NodeId::Place(_) => NodeKind::Place,
            NodeId::Function(_) => NodeKind::Function,
            NodeId::Website(_) => NodeKind::Website,
            NodeId::Category(_) => NodeKind::Category,
            NodeId::Tenure(_) => NodeKind::Tenure,
            NodeId::Event(_) => NodeKind::Event,
        }
    }

    pub(crate) const fn raw(self) -> u32 {
        match self {
            NodeId::Organization(i) => i.raw(),
            NodeId::Post(i) => i.raw(),
            NodeId::Person(i) => i.raw(),
            NodeId::Jurisdiction(i) => i.raw(),
            NodeId::Site(i) => i.raw(),
            NodeId::Place(i) => i.raw(),
            NodeId::Function(i) => i.raw(),
            NodeId::Website(i) => i.raw(),
            NodeId::Category(i) => i.raw(),
            NodeId::Tenure(i) => i.raw(),
            NodeId::Event(i) => i.raw(),
        }
    }

    pub(crate) const fn from_raw(kind: NodeKind, raw: u32) -> Self {
        match kind {
            NodeKind::Organization => NodeId::Organization(OrgId::from_raw(raw)),
            NodeKind::Post => NodeId::Post(PostId::from_raw(raw)),
            NodeKind::Person => NodeId::Person(PersonId::from_raw(raw)),
            NodeKind::Jurisdiction => NodeId::Jurisdiction(JurisdictionId::from_raw(raw)),
            NodeKind::Site => NodeId::Site(SiteId::from_raw(raw)),
            NodeKind::Place => NodeId::Place(PlaceId::from_raw(raw)),
            NodeKind::Function => NodeId::Function(FunctionId::from_raw(raw)),
            NodeKind::Website => NodeId::Website(WebsiteId::from_raw(raw)),
            NodeKind::Category => NodeId::Category(CategoryId::from_raw(raw)),
            NodeKind::Tenure => NodeId::Tenure(TenureId::from_raw(raw)),
            NodeKind::Event => NodeId::Event(EventId::from_raw(raw)),
        }
    }
}

/// A node or id was of another kind than the one asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("expected a node of kind {expected}, found {found}")]
pub struct KindMismatch {
    /// The kind asked for.
    pub expected: NodeKind,
    /// The kind found.
    pub found: NodeKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_accepts_words_joined_by_hyphens() {
        for ok in ["a", "a-b", "wu-zhenglong", "x1-2y", "0"] {
            assert_eq!(Slug::new(ok).map(String::from).as_deref(), Ok(ok));
        }
    }

    #[test]
    fn slug_errors_say_what_and_where() {
        assert_eq!(Slug::new("").unwrap_err().to_string(), "slug is empty");
        assert_eq!(
            Slug::new("Wu").unwrap_err().to_string(),
            "slug \"Wu\" has the character 'W' at byte 0: only a-z, 0-9 and - are allowed"
        );
        assert_eq!(
            Slug::new("a--b").unwrap_err().to_string(),
            "slug \"a--b\" has a hyphen at byte 2 that does not join two words"
        );
        assert_eq!(
            Slug::new("-a").unwrap_err().to_string(),
            "slug \"-a\" has a hyphen at byte 0 that does not join two words"
        );
        assert_eq!(
            Slug::new("a-").unwrap_err().to_string(),
            "slug \"a-\" has a hyphen at byte 1 that does not join two words"
        );
        assert_eq!(
            Slug::new("a".repeat(201)).unwrap_err().to_string(),
            "slug is 201 bytes long, the limit is 200"
        );
        assert_eq!(
            Slug::from_name("国务院").unwrap_err().to_string(),
            "name \"国务院\" has no ASCII letter or digit to make a slug from"
        );
    }

    #[test]
    fn from_name_folds_punctuation_and_case() {
        let s = Slug::from_name("  Office of the Premier (China) — 2nd ").unwrap();
        assert_eq!(s.as_str(), "office-of-the-premier-china-2nd");
        let long = Slug::from_name(&"word ".repeat(100)).unwrap();
        assert_eq!(long.as_str(), ["word"; 40].join("-"));
        let cut = Slug::from_name(&format!("{} bbbb", "a".repeat(198))).unwrap();
        assert_eq!(cut.as_str(), "a".repeat(198));
        let one_word = Slug::from_name(&"x".repeat(300)).unwrap();
        assert_eq!(one_word.as_str(), "x".repeat(200));
    }

    #[test]
    fn kind_segments_round_trip() {
        for k in NodeKind::ALL {
            assert_eq!(NodeKind::from_segment(k.segment()), Some(k));
        }
        assert_eq!(NodeKind::from_segment("nope"), None);
    }

    #[test]
    fn typed_ids_convert_both_ways() {
        let id = NodeId::from_raw(NodeKind::Post, 3);
        assert_eq!(PostId::try_from(id), Ok(PostId::from_raw(3)));
        assert_eq!(
            OrgId::try_from(id).unwrap_err().to_string(),
            "expected a node of kind organization, found post"
        );
    }
}
