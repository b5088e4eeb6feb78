//! [`Organization`] and its [`OrgKind`].

use std::fmt;

use super::{Interval, Labels, Lang, PartialDate, Slug, Source};

/// What sort of body an organization is.
///
/// The kind decides how the body is typed on export: see
/// [`OrgKind::is_unit`] and [`OrgKind::is_state_body`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum OrgKind {
    /// A body that governs a jurisdiction: a cabinet, a council, a legislature.
    GoverningBody,
    /// An agency, ministry, commission or administration with its own
    /// standing (the General Office of the State Council is one).
    Agency,
    /// An office that works inside a larger body and has standing only there
    /// (the Office of the Premier).
    Office,
    /// An internal department of a body.
    Department,
    /// A public institution: a centre, institute or service unit affiliated
    /// with a body, not itself an organ of state.
    Institution,
    /// An organ of a political party.
    PartyOrgan,
    /// An organ of the armed forces or of their command.
    MilitaryOrgan,
    /// Anything else.
    Other,
}

impl OrgKind {
    /// Every kind, in declaration order.
    pub const ALL: [OrgKind; 8] = [
        OrgKind::GoverningBody,
        OrgKind::Agency,
        OrgKind::Office,
        OrgKind::Department,
        OrgKind::Institution,
        OrgKind::PartyOrgan,
        OrgKind::MilitaryOrgan,
        OrgKind::Other,
    ];

    /// True for bodies that exist only as a part of a larger one (offices
    /// and departments): exported as `org:OrganizationalUnit`, the rest as
    /// `org:FormalOrganization`.
    pub const fn is_unit(self) -> bool {
        matches!(self, OrgKind::Office | OrgKind::Department)
    }

    /// True for organs of state (governing bodies, agencies, offices,
    /// departments and military organs): exported also as
    /// `schema:GovernmentOrganization`. Institutions, party organs and
    /// others are not.
    pub const fn is_state_body(self) -> bool {
        matches!(
            self,
            OrgKind::GoverningBody
                | OrgKind::Agency
                | OrgKind::Office
                | OrgKind::Department
                | OrgKind::MilitaryOrgan
        )
    }

    /// The kind's name in snake case, as JSON writes it.
    pub const fn name(self) -> &'static str {
        match self {
            OrgKind::GoverningBody => "governing_body",
            OrgKind::Agency => "agency",
            OrgKind::Office => "office",
            OrgKind::Department => "department",
            OrgKind::Institution => "institution",
            OrgKind::PartyOrgan => "party_organ",
            OrgKind::MilitaryOrgan => "military_organ",
            OrgKind::Other => "other",
        }
    }
}

impl fmt::Display for OrgKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An emblem or logo image, named by its file on Wikimedia Commons.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Logo {
    /// The file name as an article gives it, e.g.
    /// `National Emblem of the People's Republic of China (2).svg`.
    pub file: String,
    /// The width, in pixels, an article shows it at.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub width_px: Option<u32>,
}

impl Logo {
    /// A logo file with no display width.
    pub fn new(file: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            width_px: None,
        }
    }

    /// Sets the display width in pixels.
    #[must_use]
    pub fn with_width_px(mut self, width: u32) -> Self {
        self.width_px = Some(width);
        self
    }

    /// The file's address on Wikimedia Commons (its `Special:FilePath`
    /// redirect): spaces become underscores, and every byte outside the
    /// unreserved characters (underscores included, so that the mapping can
    /// be undone exactly) is percent-encoded. The result is always a valid
    /// IRI, and [`Logo::from_commons_url`] reads it back.
    ///
    /// ```
    /// use govgraph::Logo;
    /// let logo = Logo::new("National Emblem of the People's Republic of China (2).svg");
    /// let url = logo.commons_url();
    /// assert_eq!(
    ///     url,
    ///     "https://commons.wikimedia.org/wiki/Special:FilePath/National_Emblem_of_the_People%27s_Republic_of_China_%282%29.svg"
    /// );
    /// assert_eq!(Logo::from_commons_url(&url), Some(logo));
    /// ```
    pub fn commons_url(&self) -> String {
        use fmt::Write as _;
        let mut out = String::from(COMMONS_FILE_PATH);
        for b in self.file.bytes() {
            match b {
                b' ' => out.push('_'),
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'~' => {
                    out.push(char::from(b));
                }
                _ => {
                    let _ = write!(out, "%{b:02X}");
                }
            }
        }
        out
    }

    /// The logo whose [`commons_url`](Self::commons_url) is `url`, with no
    /// display width; `None` for any other address.
    pub fn from_commons_url(url: &str) -> Option<Self> {
        let rest = url.strip_prefix(COMMONS_FILE_PATH)?;
        let mut bytes = Vec::with_capacity(rest.len());
        let mut it = rest.bytes();
        while let Some(b) = it.next() {
            match b {
                b'_' => bytes.push(b' '),
                b'%' => {
                    let hex = [it.next()?, it.next()?];
                    let hex = std::str::from_utf8(&hex).ok()?;
                    bytes.push(u8::from_str_radix(hex, 16).ok()?);
                }
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'~' => bytes.push(b),
                _ => return None,
            }
        }
        let file = String::from_utf8(bytes).ok()?;
        (Logo::new(file.clone()).commons_url() == url).then_some(Logo::new(file))
    }
}

/// Where Wikimedia Commons serves a file by name.
const COMMONS_FILE_PATH: &str = "https://commons.wikimedia.org/wiki/Special:FilePath/";

/// A government body: an agency, office, council, institution, party or
/// military organ.
///
/// Built with [`Organization::new`] and the `with_*` methods, then added to a
/// [`GovGraph`](crate::GovGraph); its links (parent, posts, site, functions)
/// live in the graph.
///
/// The fields most bodies have are public fields; the ones few bodies have
/// (description, dissolution, logo, staff, budget, key documents, external
/// ids) live in [`OrgDetails`], read with [`details`](Self::details) and
/// written with [`details_mut`](Self::details_mut) or the `with_*` methods,
/// and cost nothing for a body that has none of them. A graph of a million
/// bodies is a few hundred megabytes smaller for it.
///
/// ```
/// use govgraph::{Organization, OrgKind, Slug};
/// let org = Organization::new(Slug::new("state-council")?, OrgKind::GoverningBody, "State Council")
///     .with_founded("1954-09".parse()?)
///     .with_budget("unknown");
/// assert_eq!(org.labels.english(), Some("State Council"));
/// assert_eq!(org.details().budget.as_deref(), Some("unknown"));
/// assert_eq!(org.details().description, None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Organization {
    /// The stable key.
    pub slug: Slug,
    /// What sort of body it is.
    pub kind: OrgKind,
    /// Its names. The English preferred label is the common name.
    pub labels: Labels,
    /// When it was formed.
    pub founded: Option<PartialDate>,
    /// Where its facts come from.
    pub sources: Vec<Source>,
    details: Option<Box<OrgDetails>>,
}

/// The facts few bodies have: see [`Organization::details`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct OrgDetails {
    /// A short description in the project's own words.
    pub description: Option<String>,
    /// When it was dissolved.
    pub dissolved: Option<PartialDate>,
    /// Its logo or emblem.
    pub logo: Option<Logo>,
    /// Its staff count as a source gives it (a number, or text such as
    /// "about 500").
    pub employees: Option<String>,
    /// Its budget as a source writes it, currency and year included.
    pub budget: Option<String>,
    /// Founding or governing documents: URLs or titles.
    pub key_documents: Vec<String>,
    /// IRIs of the same body in other datasets (Wikidata entities), only
    /// when a source confirms them.
    pub same_as: Vec<Source>,
    /// Names it bore over known periods (a former name, the name before a
    /// rename), oldest first as added. Found by
    /// [`find_by_label`](crate::GovGraph::find_by_label) like any label.
    /// A dated name is one of the body's names already: the graph drops an
    /// alternate label that repeats it (same language, same text) when the
    /// body is inserted or edited.
    pub names: Vec<DatedName>,
}

/// A name a body bore over a period: a former name, or the name a rename
/// replaced.
///
/// ```
/// use govgraph::{DatedName, Interval, Lang};
/// let old = DatedName::new("Government Administration Council", Lang::en())
///     .during(Interval::new().with_start("1949-10".parse()?).with_end("1954-09".parse()?));
/// assert_eq!(old.during.end_date().map(|d| d.to_string()).as_deref(), Some("1954-09"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct DatedName {
    /// The name.
    pub label: String,
    /// Its language.
    pub lang: Lang,
    /// When the body bore it.
    #[cfg_attr(feature = "serde", serde(default))]
    pub during: Interval,
}

impl DatedName {
    /// A name in `lang`, with no dates yet.
    pub fn new(label: impl Into<String>, lang: Lang) -> Self {
        Self {
            label: label.into(),
            lang,
            during: Interval::new(),
        }
    }

    /// Sets when the body bore the name.
    #[must_use]
    pub fn during(mut self, during: Interval) -> Self {
        self.during = during;
        self
    }
}

/// The details of a body that has none.
static NO_DETAILS: OrgDetails = OrgDetails {
    description: None,
    dissolved: None,
    logo: None,
    employees: None,
    budget: None,
    key_documents: Vec::new(),
    same_as: Vec::new(),
    names: Vec::new(),
};

impl OrgDetails {
    fn is_empty(&self) -> bool {
        *self == NO_DETAILS
    }
}

impl PartialEq for Organization {
    fn eq(&self, other: &Self) -> bool {
        self.slug == other.slug
            && self.kind == other.kind
            && self.labels == other.labels
            && self.founded == other.founded
            && self.sources == other.sources
            && self.details() == other.details()
    }
}

impl Eq for Organization {}

impl Organization {
    /// A body with its slug, kind and English common name.
    pub fn new(slug: Slug, kind: OrgKind, english_name: impl Into<String>) -> Self {
        Self {
            slug,
            kind,
            labels: Labels::en(english_name),
            founded: None,
            sources: Vec::new(),
            details: None,
        }
    }

    /// The facts few bodies have (all empty for a body that has none).
    pub fn details(&self) -> &OrgDetails {
        self.details.as_deref().unwrap_or(&NO_DETAILS)
    }

    /// The facts few bodies have, for writing.
    pub fn details_mut(&mut self) -> &mut OrgDetails {
        self.details.get_or_insert_with(Box::default)
    }

    /// The description, if any.
    pub fn description(&self) -> Option<&str> {
        self.details().description.as_deref()
    }

    /// When it was dissolved, if known.
    pub fn dissolved(&self) -> Option<PartialDate> {
        self.details().dissolved
    }

    /// The logo, if any.
    pub fn logo(&self) -> Option<&Logo> {
        self.details().logo.as_ref()
    }

    /// Replaces the labels.
    #[must_use]
    pub fn with_labels(mut self, labels: Labels) -> Self {
        self.labels = labels;
        self
    }

    /// Adds a source.
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }

    /// Sets the founding date.
    #[must_use]
    pub fn with_founded(mut self, date: PartialDate) -> Self {
        self.founded = Some(date);
        self
    }

    /// Sets the description.
    #[must_use]
    pub fn with_description(mut self, text: impl Into<String>) -> Self {
        self.details_mut().description = Some(text.into());
        self
    }

    /// Sets the dissolution date.
    #[must_use]
    pub fn with_dissolved(mut self, date: PartialDate) -> Self {
        self.details_mut().dissolved = Some(date);
        self
    }

    /// Sets the logo.
    #[must_use]
    pub fn with_logo(mut self, logo: Logo) -> Self {
        self.details_mut().logo = Some(logo);
        self
    }

    /// Sets the staff count, as text.
    #[must_use]
    pub fn with_employees(mut self, employees: impl Into<String>) -> Self {
        self.details_mut().employees = Some(employees.into());
        self
    }

    /// Sets the budget, as text.
    #[must_use]
    pub fn with_budget(mut self, budget: impl Into<String>) -> Self {
        self.details_mut().budget = Some(budget.into());
        self
    }

    /// Adds a key document (a URL or a title).
    #[must_use]
    pub fn with_key_document(mut self, document: impl Into<String>) -> Self {
        self.details_mut().key_documents.push(document.into());
        self
    }

    /// Adds an external id (an IRI confirmed by a source).
    #[must_use]
    pub fn with_same_as(mut self, iri: Source) -> Self {
        self.details_mut().same_as.push(iri);
        self
    }

    /// Adds a name the body bore over a period.
    #[must_use]
    pub fn with_dated_name(mut self, name: DatedName) -> Self {
        self.details_mut().names.push(name);
        self
    }

    /// Drops empty details and spare capacity.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.labels.shrink_to_fit();
        self.sources.shrink_to_fit();
        if self.details.as_deref().is_some_and(OrgDetails::is_empty) {
            self.details = None;
        }
        if let Some(d) = self.details.as_deref_mut() {
            d.key_documents.shrink_to_fit();
            d.same_as.shrink_to_fit();
            d.names.shrink_to_fit();
        }
    }
}

/// The JSON form: every field flat, as the other nouns write theirs.
#[cfg(feature = "serde")]
mod serde_impl {
    use serde::{Deserialize, Serialize};

    use super::{
        DatedName, Labels, Logo, OrgDetails, OrgKind, Organization, PartialDate, Slug, Source,
    };

    #[derive(Serialize)]
    struct Out<'a> {
        slug: &'a Slug,
        kind: OrgKind,
        labels: &'a Labels,
        #[serde(skip_serializing_if = "Option::is_none")]
        description: Option<&'a String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        founded: Option<PartialDate>,
        #[serde(skip_serializing_if = "Option::is_none")]
        dissolved: Option<PartialDate>,
        #[serde(skip_serializing_if = "Option::is_none")]
        logo: Option<&'a Logo>,
        #[serde(skip_serializing_if = "Option::is_none")]
        employees: Option<&'a String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        budget: Option<&'a String>,
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        key_documents: &'a [String],
        #[serde(skip_serializing_if = "<[Source]>::is_empty")]
        same_as: &'a [Source],
        #[serde(skip_serializing_if = "<[DatedName]>::is_empty")]
        names: &'a [DatedName],
        #[serde(skip_serializing_if = "<[Source]>::is_empty")]
        sources: &'a [Source],
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct In {
        slug: Slug,
        kind: OrgKind,
        labels: Labels,
        #[serde(default)]
        description: Option<String>,
        #[serde(default)]
        founded: Option<PartialDate>,
        #[serde(default)]
        dissolved: Option<PartialDate>,
        #[serde(default)]
        logo: Option<Logo>,
        #[serde(default)]
        employees: Option<String>,
        #[serde(default)]
        budget: Option<String>,
        #[serde(default)]
        key_documents: Vec<String>,
        #[serde(default)]
        same_as: Vec<Source>,
        #[serde(default)]
        names: Vec<DatedName>,
        #[serde(default)]
        sources: Vec<Source>,
    }

    impl Serialize for Organization {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let d = self.details();
            Out {
                slug: &self.slug,
                kind: self.kind,
                labels: &self.labels,
                description: d.description.as_ref(),
                founded: self.founded,
                dissolved: d.dissolved,
                logo: d.logo.as_ref(),
                employees: d.employees.as_ref(),
                budget: d.budget.as_ref(),
                key_documents: &d.key_documents,
                same_as: &d.same_as,
                names: &d.names,
                sources: &self.sources,
            }
            .serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for Organization {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let i = In::deserialize(d)?;
            let details = OrgDetails {
                description: i.description,
                dissolved: i.dissolved,
                logo: i.logo,
                employees: i.employees,
                budget: i.budget,
                key_documents: i.key_documents,
                same_as: i.same_as,
                names: i.names,
            };
            let mut o = Organization::new(i.slug, i.kind, "");
            o.labels = i.labels;
            o.founded = i.founded;
            o.sources = i.sources;
            if !details.is_empty() {
                o.details = Some(Box::new(details));
            }
            Ok(o)
        }
    }
}
