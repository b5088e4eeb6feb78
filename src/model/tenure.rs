//! [`Tenure`]: a person holding a post.

use super::{Bound, Interval, PartialDate, Slug, Source};

/// A person's holding of a post, over an [`Interval`].
///
/// A tenure is made by [`GovGraph::appoint`](crate::GovGraph::appoint),
/// which links it to exactly one person and one post. Its `start` and `end`
/// follow the [time semantics](crate::Interval): no `end` means still in
/// force; [`Bound::Undated`] is an end (or start) known to have happened on
/// a date no source gives — a tenure that ended, nobody recorded when.
/// Exported as an `org:Membership`.
///
/// ```
/// use govgraph::{Bound, Tenure, Slug};
/// let wu = Tenure::new(Slug::new("wu-zhenglong-secretary-general")?)
///     .with_start("2023-03-12".parse()?);
/// assert!(wu.is_current());
/// let yang = Tenure::new(Slug::new("yang-jing-secretary-general")?)
///     .with_start("2013-03".parse()?)
///     .with_end_undated();
/// assert!(!yang.is_current());
/// assert_eq!(yang.end, Some(Bound::Undated));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Tenure {
    /// The stable key.
    pub slug: Slug,
    /// When it began, if recorded (in JSON a date or `"unknown"`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub start: Option<Bound>,
    /// When it ended, if it has (in JSON a date or `"unknown"`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub end: Option<Bound>,
    /// True for an acting or interim holder.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub acting: bool,
    /// Where its facts come from.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Source>,
}

impl Tenure {
    /// A tenure with no known dates.
    pub fn new(slug: Slug) -> Self {
        Self {
            slug,
            start: None,
            end: None,
            acting: false,
            sources: Vec::new(),
        }
    }

    /// Sets the start.
    #[must_use]
    pub fn with_start(mut self, date: PartialDate) -> Self {
        self.start = Some(Bound::Date(date));
        self
    }

    /// Sets the end.
    #[must_use]
    pub fn with_end(mut self, date: PartialDate) -> Self {
        self.end = Some(Bound::Date(date));
        self
    }

    /// Records that it ended on a date no source gives.
    #[must_use]
    pub fn with_end_undated(mut self) -> Self {
        self.end = Some(Bound::Undated);
        self
    }

    /// Sets both bounds from an interval.
    #[must_use]
    pub fn with_interval(mut self, during: Interval) -> Self {
        self.start = during.start;
        self.end = during.end;
        self
    }

    /// Marks the holder as acting or interim.
    #[must_use]
    pub fn acting(mut self) -> Self {
        self.acting = true;
        self
    }

    /// Adds a source.
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }

    /// The period it covers.
    pub fn during(&self) -> Interval {
        Interval {
            start: self.start,
            end: self.end,
        }
    }

    /// The start date, when known.
    pub fn start_date(&self) -> Option<PartialDate> {
        self.start.and_then(Bound::date)
    }

    /// The end date, when known.
    pub fn end_date(&self) -> Option<PartialDate> {
        self.end.and_then(Bound::date)
    }

    /// True when no end is recorded: still in force.
    pub fn is_current(&self) -> bool {
        self.end.is_none()
    }
}
