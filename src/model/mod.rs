//! The nouns of the graph. Nothing here knows of RDF or of the graph library.
//!
//! | type | what it is |
//! |---|---|
//! | [`Organization`], [`OrgKind`], [`Logo`] | a government body |
//! | [`Post`] | a position in a body |
//! | [`Person`] | someone holding posts |
//! | [`Tenure`] | a person holding a post, with optional dates |
//! | [`Event`], [`ChangeKind`] | a reorganization: establishment, merger, rename, … |
//! | [`Interval`], [`Bound`], [`On`], [`InForce`] | time: when a fact was in force, and asking about a date |
//! | [`DatedName`] | a name a body bore over a period |
//! | [`Jurisdiction`] | the domain a body's authority covers |
//! | [`Site`], [`Address`] | a body's premises |
//! | [`Place`], [`PlaceKind`] | a street, compound, district, city, … |
//! | [`Function`] | one listed responsibility |
//! | [`Website`] | a web site |
//! | [`Category`], [`CategoryKind`] | a body type, a group, a rank |
//! | [`Labels`], [`Lang`] | multilingual names |
//! | [`PartialDate`] | a date to the year, month or day |
//! | [`Slug`], [`NodeId`], [`OrgId`], … | keys and typed ids |
//! | [`Relation`] | the links between nodes |
//! | [`Source`] | where facts came from |
//! | [`Annotation`], [`Statement`], [`Value`] | imported facts the model has no field for, kept for the round trip |

mod annotation;
mod category;
mod date;
mod event;
mod function;
mod id;
mod interval;
mod jurisdiction;
pub(crate) mod labels;
mod node;
mod organization;
mod person;
mod place;
mod post;
mod relation;
mod source;
mod tenure;
mod website;

pub use annotation::{Annotation, Statement, Value, ValueError};
pub use category::{Category, CategoryKind};
pub use date::{DateError, DatePrecision, PartialDate};
pub use event::{ChangeKind, Event};
pub use function::Function;
pub use id::{
    CategoryId, EventId, FunctionId, JurisdictionId, KindMismatch, MAX_SLUG_LEN, NodeId, NodeKind,
    OrgId, PersonId, PlaceId, PostId, SiteId, Slug, SlugError, TenureId, WebsiteId,
};
pub(crate) use interval::{Asked, DayKeys, Key, Window};
pub use interval::{Bound, InForce, Interval, On};
pub use jurisdiction::Jurisdiction;
pub use labels::{Label, Labels, Lang, LangError};
pub(crate) use labels::{LabelKey, label_key};
pub use node::Node;
pub use organization::{DatedName, Logo, OrgDetails, OrgKind, Organization};
pub use person::Person;
pub use place::{Address, Place, PlaceKind, Site};
pub use post::Post;
pub use relation::Relation;
pub(crate) use source::check_iri;
pub use source::{IriError, Source};
pub use tenure::Tenure;
pub use website::Website;

/// The `with_labels`, `with_description` and `with_source` builders shared
/// by the nouns that have labels, a description and sources.
macro_rules! common_builders {
    ($ty:ident) => {
        impl $ty {
            /// Replaces the labels.
            #[must_use]
            pub fn with_labels(mut self, labels: $crate::Labels) -> Self {
                self.labels = labels;
                self
            }

            /// Sets the description.
            #[must_use]
            pub fn with_description(mut self, text: impl Into<String>) -> Self {
                self.description = Some(text.into());
                self
            }

            /// Adds a source.
            #[must_use]
            pub fn with_source(mut self, source: $crate::Source) -> Self {
                self.sources.push(source);
                self
            }
        }
    };
}
pub(crate) use common_builders;

/// Builders that name a node in another language without restating the
/// English name it was made with. `$new` is the example's constructor.
macro_rules! label_builders {
    ($($ty:ident => $new:literal),* $(,)?) => {$(
        impl $ty {
            /// Sets the preferred label in `lang`, keeping the other
            /// languages' labels (the English name given to `new` among
            /// them).
            ///
            /// ```
            #[doc = concat!("use govgraph::{Lang, Slug, ", stringify!($ty), "};")]
            #[doc = concat!("let node = ", $new, ";")]
            /// let named = node
            ///     .with_label(Lang::new("fr")?, "Nom")
            ///     .with_alternate_label(Lang::en(), "Other name");
            /// assert_eq!(named.labels.english(), Some("Name"));
            /// assert_eq!(named.labels.preferred(&Lang::new("fr")?), Some("Nom"));
            /// assert_eq!(named.labels.alternates().next().map(|l| l.text.as_str()), Some("Other name"));
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn with_label(mut self, lang: $crate::Lang, text: impl Into<String>) -> Self {
                self.labels.set_preferred(lang, text);
                self
            }

            /// Adds an alternate label in `lang` (a full official name, an
            /// abbreviation, a former name).
            #[must_use]
            pub fn with_alternate_label(
                mut self,
                lang: $crate::Lang,
                text: impl Into<String>,
            ) -> Self {
                self.labels.add_alternate(lang, text);
                self
            }
        }
    )*};
}

label_builders!(
    Organization => "Organization::new(Slug::new(\"x\")?, govgraph::OrgKind::Agency, \"Name\")",
    Post => "Post::new(Slug::new(\"x\")?, \"Name\")",
    Person => "Person::new(Slug::new(\"x\")?, \"Name\")",
    Jurisdiction => "Jurisdiction::new(Slug::new(\"x\")?, \"Name\")",
    Place => "Place::new(Slug::new(\"x\")?, govgraph::PlaceKind::City, \"Name\")",
    Function => "Function::new(Slug::new(\"x\")?, \"Name\")",
    Website => "Website::new(Slug::new(\"x\")?, \"https://example.org/\", \"Name\")?",
    Category => "Category::new(Slug::new(\"x\")?, govgraph::CategoryKind::Grouping, \"Name\")",
    Event => "Event::new(Slug::new(\"x\")?, govgraph::ChangeKind::Merger).with_label(Lang::en(), \"Name\")",
);
