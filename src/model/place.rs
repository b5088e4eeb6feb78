//! [`Site`] (a body's premises, with its [`Address`]) and [`Place`] (a
//! street, compound, district, city or larger area).

use std::fmt;

use super::{Labels, Slug, Source};

/// The parts of a postal address, as vCard names them. Every part is
/// optional: leave empty what a source does not give.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Address {
    /// Number and street, e.g. `2 Fuyou Street`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub street: Option<String>,
    /// City or town.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub locality: Option<String>,
    /// Province, state or other region.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub region: Option<String>,
    /// Postal code.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub postal_code: Option<String>,
    /// Country name.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub country: Option<String>,
}

impl Address {
    /// An empty address.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the street part.
    #[must_use]
    pub fn with_street(mut self, s: impl Into<String>) -> Self {
        self.street = Some(s.into());
        self
    }

    /// Sets the locality (city).
    #[must_use]
    pub fn with_locality(mut self, s: impl Into<String>) -> Self {
        self.locality = Some(s.into());
        self
    }

    /// Sets the region.
    #[must_use]
    pub fn with_region(mut self, s: impl Into<String>) -> Self {
        self.region = Some(s.into());
        self
    }

    /// Sets the postal code.
    #[must_use]
    pub fn with_postal_code(mut self, s: impl Into<String>) -> Self {
        self.postal_code = Some(s.into());
        self
    }

    /// Sets the country.
    #[must_use]
    pub fn with_country(mut self, s: impl Into<String>) -> Self {
        self.country = Some(s.into());
        self
    }

    /// True when no part is known.
    pub fn is_empty(&self) -> bool {
        self.street.is_none()
            && self.locality.is_none()
            && self.region.is_none()
            && self.postal_code.is_none()
            && self.country.is_none()
    }
}

/// The premises a body works from: its headquarters or another site.
///
/// `label` is the whole address as one line; [`Address`] holds its parts.
/// The places the site lies in are linked in the graph.
///
/// ```
/// use govgraph::{Address, Site, Slug};
/// let hq = Site::new(Slug::new("hq")?, "2 Fuyou Street, Zhongnanhai, Xicheng District, Beijing")
///     .with_address(Address::new().with_street("2 Fuyou Street").with_locality("Beijing"));
/// assert_eq!(hq.address.street.as_deref(), Some("2 Fuyou Street"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Site {
    /// The stable key.
    pub slug: Slug,
    /// The whole address on one line, as a source writes it.
    pub label: String,
    /// The address in parts (boxed: it is five optional strings, and every
    /// node in a graph is as large as its largest kind).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Address::is_empty")
    )]
    pub address: Box<Address>,
    /// Where its facts come from.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Source>,
}

impl Site {
    /// A site with its slug and one-line address.
    pub fn new(slug: Slug, label: impl Into<String>) -> Self {
        Self {
            slug,
            label: label.into(),
            address: Box::default(),
            sources: Vec::new(),
        }
    }

    /// Sets the address parts.
    #[must_use]
    pub fn with_address(mut self, address: Address) -> Self {
        *self.address = address;
        self
    }

    /// Adds a source.
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }
}

/// What sort of area a [`Place`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PlaceKind {
    /// A country.
    Country,
    /// A province, state or region.
    Province,
    /// A city or municipality.
    City,
    /// A district of a city.
    District,
    /// A walled or gated compound, such as Zhongnanhai.
    Compound,
    /// A street.
    Street,
    /// Anything else.
    Other,
}

impl PlaceKind {
    /// True for administrative divisions (country, province, city,
    /// district): exported as `schema:AdministrativeArea`, the others as
    /// `schema:Place`.
    pub const fn is_administrative(self) -> bool {
        matches!(
            self,
            PlaceKind::Country | PlaceKind::Province | PlaceKind::City | PlaceKind::District
        )
    }

    /// The kind's name in snake case.
    pub const fn name(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Province => "province",
            PlaceKind::City => "city",
            PlaceKind::District => "district",
            PlaceKind::Compound => "compound",
            PlaceKind::Street => "street",
            PlaceKind::Other => "other",
        }
    }
}

impl fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A geographic place: never an organization.
///
/// ```
/// use govgraph::{Place, PlaceKind, Slug};
/// let p = Place::new(Slug::new("zhongnanhai")?, PlaceKind::Compound, "Zhongnanhai");
/// assert!(!p.kind.is_administrative());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Place {
    /// The stable key.
    pub slug: Slug,
    /// What sort of area it is.
    pub kind: PlaceKind,
    /// Its names.
    pub labels: Labels,
    /// A short description in the project's own words.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub description: Option<String>,
    /// Where its facts come from.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Source>,
}

impl Place {
    /// A place with its slug, kind and English name.
    pub fn new(slug: Slug, kind: PlaceKind, english_name: impl Into<String>) -> Self {
        Self {
            slug,
            kind,
            labels: Labels::en(english_name),
            description: None,
            sources: Vec::new(),
        }
    }
}

super::common_builders!(Place);
