//! Time: [`Interval`], its [`Bound`]s, and the question "in force on a
//! date?" ([`On`], [`InForce`]).
//!
//! The semantics are documented on [`Interval`].

use std::cmp::Ordering;
use std::fmt;

use super::PartialDate;

/// One end of an [`Interval`] that is known to exist: either its date, or
/// the fact that it happened on a date no source gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bound {
    /// The bound's date, to its precision.
    Date(PartialDate),
    /// The bound happened, on a date that is not known.
    Undated,
}

impl Bound {
    /// The date, when known.
    pub const fn date(self) -> Option<PartialDate> {
        match self {
            Bound::Date(d) => Some(d),
            Bound::Undated => None,
        }
    }
}

impl From<PartialDate> for Bound {
    fn from(d: PartialDate) -> Self {
        Bound::Date(d)
    }
}

impl fmt::Display for Bound {
    /// The date, or `unknown` for [`Bound::Undated`] (the JSON form).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Date(d) => d.fmt(f),
            Bound::Undated => f.write_str(UNDATED),
        }
    }
}

/// The text of [`Bound::Undated`] in JSON and on the command line.
const UNDATED: &str = "unknown";

impl std::str::FromStr for Bound {
    type Err = super::DateError;

    /// A date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or `unknown`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == UNDATED {
            Ok(Bound::Undated)
        } else {
            s.parse().map(Bound::Date)
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Bound {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Bound {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A period of validity: when a link, a tenure or a name was in force.
///
/// The semantics are those of the RDF contract (VOCABULARY.md, "Time"), and
/// every query, the lint and the export follow them:
///
/// - An interval is **half-open**, `[start, end)`: a tenure that ends on
///   12 March 2023 is not in force on 12 March 2023, and its successor's,
///   starting that day, is.
/// - A [`PartialDate`] is **the whole period it names**: `1980-02` is any
///   day from 1 to 29 February 1980. So a tenure from `1980-02` *certainly*
///   covers 1 March 1980 and only *possibly* covers 10 February 1980.
/// - A missing start (`None`) means no beginning is recorded: the fact holds
///   as far back as the other facts say. A missing end means *still in
///   force*. [`Bound::Undated`] is a bound known to exist whose date no
///   source gives (a tenure that ended on a day nobody recorded): it is
///   neither "still in force" nor any particular date, so a date after the
///   start is *possibly*, never *certainly*, in the interval.
/// - An interval with no bound at all is **timeless**: in force on every
///   date.
///
/// ```
/// use govgraph::{Interval, On, InForce, PartialDate};
/// let ji: Interval = Interval::new()
///     .with_start("1980-02".parse()?)
///     .with_end("1982-05".parse()?);
/// let d = |s: &str| s.parse::<PartialDate>();
/// assert_eq!(ji.in_force(d("1980-03-01")?), InForce::Certainly);
/// assert_eq!(ji.in_force(d("1980-02-10")?), InForce::Possibly);
/// assert_eq!(ji.in_force(d("1977-06-01")?), InForce::No);
/// assert!(ji.holds(On::date(d("1980-03-01")?)));
/// assert!(!ji.holds(On::date(d("1980-02-10")?)));
/// assert!(ji.holds(On::possibly(d("1980-02-10")?)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Interval {
    /// The beginning, when one is recorded.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub start: Option<Bound>,
    /// The end, when the fact is no longer in force; `None` while it is.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub end: Option<Bound>,
}

/// Whether something is in force on a date ([`Interval::in_force`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InForce {
    /// On every day of the date's period, whatever the exact days of the
    /// bounds are.
    Certainly,
    /// On some day of the date's period for some reading of the bounds, but
    /// not certainly.
    Possibly,
    /// On no day of the date's period.
    No,
}

/// A date to ask "in force on?" about, and how sure the answer must be.
///
/// Queries answer the *certain* case by default: `On::date(d)`, which is
/// also what a plain [`PartialDate`] converts into. `On::possibly(d)` asks
/// for everything that may have been in force on `d`.
///
/// ```
/// use govgraph::{On, PartialDate};
/// let d: PartialDate = "1980-03-01".parse()?;
/// assert_eq!(On::from(d), On::date(d));
/// assert!(!On::date(d).is_possibly());
/// assert!(On::possibly(d).is_possibly());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct On {
    date: PartialDate,
    possibly: bool,
}

impl On {
    /// What was certainly in force on `date`.
    pub const fn date(date: PartialDate) -> Self {
        Self {
            date,
            possibly: false,
        }
    }

    /// What was possibly in force on `date`.
    pub const fn possibly(date: PartialDate) -> Self {
        Self {
            date,
            possibly: true,
        }
    }

    /// The date asked about.
    pub const fn get(self) -> PartialDate {
        self.date
    }

    /// True when "possibly" answers count.
    pub const fn is_possibly(self) -> bool {
        self.possibly
    }

    /// True when an answer counts for this question.
    pub const fn accepts(self, answer: InForce) -> bool {
        match answer {
            InForce::Certainly => true,
            InForce::Possibly => self.possibly,
            InForce::No => false,
        }
    }
}

impl From<PartialDate> for On {
    fn from(date: PartialDate) -> Self {
        On::date(date)
    }
}

impl fmt::Display for On {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.possibly {
            write!(f, "possibly on {}", self.date)
        } else {
            write!(f, "on {}", self.date)
        }
    }
}

type Day = (u16, u8, u8);

impl Interval {
    /// The timeless interval: no bound.
    pub const fn new() -> Self {
        Self {
            start: None,
            end: None,
        }
    }

    /// The interval from `start`, still in force.
    pub const fn since(start: PartialDate) -> Self {
        Self {
            start: Some(Bound::Date(start)),
            end: None,
        }
    }

    /// Sets the start date.
    #[must_use]
    pub const fn with_start(mut self, date: PartialDate) -> Self {
        self.start = Some(Bound::Date(date));
        self
    }

    /// Records that it began, on a date that is not known.
    #[must_use]
    pub const fn with_start_undated(mut self) -> Self {
        self.start = Some(Bound::Undated);
        self
    }

    /// Sets the end date.
    #[must_use]
    pub const fn with_end(mut self, date: PartialDate) -> Self {
        self.end = Some(Bound::Date(date));
        self
    }

    /// Records that it ended, on a date that is not known.
    #[must_use]
    pub const fn with_end_undated(mut self) -> Self {
        self.end = Some(Bound::Undated);
        self
    }

    /// True when neither bound is recorded: in force on every date.
    pub const fn is_timeless(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }

    /// True when no end is recorded: still in force.
    pub const fn is_current(&self) -> bool {
        self.end.is_none()
    }

    /// The start date, when one is known.
    pub fn start_date(&self) -> Option<PartialDate> {
        self.start.and_then(Bound::date)
    }

    /// The end date, when one is known.
    pub fn end_date(&self) -> Option<PartialDate> {
        self.end.and_then(Bound::date)
    }

    /// True when the known end lies wholly before the known start: an
    /// interval no date can be in. Intervals the graph holds are never
    /// inverted (it refuses them).
    pub fn is_inverted(&self) -> bool {
        match (self.start_date(), self.end_date()) {
            (Some(s), Some(e)) => e.latest() < s.earliest(),
            _ => false,
        }
    }

    /// Whether the interval is in force on (every day of) `date`.
    ///
    /// Cost O(1).
    pub fn in_force(&self, date: PartialDate) -> InForce {
        self.in_force_days(date.earliest(), date.latest())
    }

    /// True when the interval answers `on` (certainly, or possibly when
    /// `on` accepts that).
    pub fn holds(&self, on: On) -> bool {
        on.accepts(self.in_force(on.get()))
    }

    fn in_force_days(&self, first: Day, last: Day) -> InForce {
        // The fact begins at some day t in the start's period and is in
        // force on day x when t <= x; it ends at some day u in the end's
        // period and is in force on x when x < u.
        let (start_certain, start_possible) = match self.start {
            None => (true, true),
            Some(Bound::Undated) => (false, true),
            Some(Bound::Date(s)) => (s.latest() <= first, s.earliest() <= last),
        };
        let (end_certain, end_possible) = match self.end {
            None => (true, true),
            Some(Bound::Undated) => (false, true),
            Some(Bound::Date(e)) => (last < e.earliest(), first < e.latest()),
        };
        if start_certain && end_certain {
            InForce::Certainly
        } else if start_possible && end_possible {
            InForce::Possibly
        } else {
            InForce::No
        }
    }

    /// True when some day may lie in both intervals (used to refuse two
    /// parents at once and to find overlapping holders). Undated bounds are
    /// read as the widest they may be, except that an undated end is taken
    /// to come after its own start.
    pub fn may_overlap(&self, other: &Interval) -> bool {
        let (a0, a1) = self.widest();
        let (b0, b1) = other.widest();
        a0 < b1 && b0 < a1
    }

    /// True when every reading of the bounds gives a common day.
    pub fn surely_overlaps(&self, other: &Interval) -> bool {
        let (a0, a1) = self.narrowest();
        let (b0, b1) = other.narrowest();
        a0 < b1 && b0 < a1 && a0 < a1 && b0 < b1
    }

    /// The earliest first day and the day after the latest last day the
    /// interval may cover, as ordinal keys.
    fn widest(&self) -> (Key, Key) {
        let start = match self.start {
            Some(Bound::Date(s)) => Key::day(s.earliest()),
            None | Some(Bound::Undated) => Key::MIN,
        };
        let end = match self.end {
            Some(Bound::Date(e)) => Key::day(e.latest()),
            None | Some(Bound::Undated) => Key::MAX,
        };
        (start, end)
    }

    /// The latest first day and the earliest end day the interval surely
    /// covers; an undated bound makes it cover nothing for sure.
    fn narrowest(&self) -> (Key, Key) {
        let start = match self.start {
            Some(Bound::Date(s)) => Key::day(s.latest()),
            None => Key::MIN,
            Some(Bound::Undated) => Key::MAX,
        };
        let end = match self.end {
            Some(Bound::Date(e)) => Key::day(e.earliest()),
            None => Key::MAX,
            Some(Bound::Undated) => Key::MIN,
        };
        (start, end)
    }

    /// Orders intervals by when they may begin (earliest first; no start
    /// and an undated start first), then by when they may end.
    pub fn cmp_start(&self, other: &Interval) -> Ordering {
        self.widest().cmp(&other.widest())
    }

    /// The key [`cmp_start`](Self::cmp_start) orders by.
    pub(crate) fn sort_key(&self) -> (Key, Key) {
        self.widest()
    }

    /// The days the interval surely covers, as a [`Window`].
    pub(crate) fn certain_window(&self) -> Window {
        let (lo, hi) = self.narrowest();
        Window { lo, hi }
    }

    /// True when the two cannot both be in force at once: neither may
    /// surely overlap the other, and at most one is still in force. The
    /// graph refuses a second link of a one-at-a-time relation (a second
    /// parent) that [conflicts](Self::conflicts) with the first.
    pub fn conflicts(&self, other: &Interval) -> bool {
        (self.end.is_none() && other.end.is_none()) || self.surely_overlaps(other)
    }
}

/// A run of days, `[lo, hi)`, as ordinal keys: what a chain of dated links
/// surely has in common (the graph's check for a cycle *on some date*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Window {
    lo: Key,
    hi: Key,
}

impl Window {
    /// Every day.
    pub(crate) const ALL: Window = Window {
        lo: Key::MIN,
        hi: Key::MAX,
    };

    /// The days both windows hold, if any.
    pub(crate) fn intersect(self, other: Window) -> Option<Window> {
        let w = Window {
            lo: self.lo.max(other.lo),
            hi: self.hi.min(other.hi),
        };
        (w.lo < w.hi).then_some(w)
    }

    /// True when the window is every day (no date to report).
    pub(crate) fn is_all(self) -> bool {
        self == Window::ALL
    }

    /// The first day, unless the window reaches back without end.
    pub(crate) fn first(self) -> Option<PartialDate> {
        (self.lo != Key::MIN).then(|| self.lo.date()).flatten()
    }

    /// The day after the last, unless the window runs on without end.
    pub(crate) fn until(self) -> Option<PartialDate> {
        (self.hi != Key::MAX).then(|| self.hi.date()).flatten()
    }
}

impl fmt::Display for Interval {
    /// `1980-02 – 1982-05`, `since 2023-03-12`, `? – 1975-01`, `always`;
    /// an undated bound shows as `?`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |b: Bound| match b {
            Bound::Date(d) => d.to_string(),
            Bound::Undated => "?".to_owned(),
        };
        match (self.start, self.end) {
            (None, None) => f.write_str("always"),
            (Some(s), None) => write!(f, "since {}", show(s)),
            (None, Some(e)) => write!(f, "until {}", show(e)),
            (Some(s), Some(e)) => write!(f, "{} – {}", show(s), show(e)),
        }
    }
}

/// An interval's bounds as day keys, so that "in force on?" is two
/// comparisons: [`DayKeys::holds`] answers as [`Interval::holds`] does.
/// Indexes that answer many dated questions (a post's tenures) keep these
/// instead of the interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DayKeys {
    /// The latest first day (`MIN` for no start, `MAX` for an undated one).
    sure_start: Key,
    /// The earliest end day (`MAX` while in force, `MIN` for an undated end).
    sure_end: Key,
    /// The earliest first day (`MIN` for no or an undated start).
    may_start: Key,
    /// The day after the latest last day (`MAX` for no or an undated end).
    may_end: Key,
}

impl DayKeys {
    /// True when the interval answers the question `q`: what
    /// [`Interval::holds`] says for the [`On`] that `q` was made from.
    pub(crate) fn holds(self, q: Asked) -> bool {
        if q.possibly {
            self.may_start <= q.last && q.first < self.may_end
        } else {
            self.sure_start <= q.first && q.last < self.sure_end
        }
    }

    /// The key [`Interval::cmp_start`] orders by.
    pub(crate) fn sort_key(self) -> (Key, Key) {
        (self.may_start, self.may_end)
    }

    /// The earliest day the interval may begin on.
    pub(crate) fn may_start(self) -> Key {
        self.may_start
    }

    /// The day after the latest day the interval may cover.
    pub(crate) fn may_end(self) -> Key {
        self.may_end
    }
}

impl Asked {
    /// The first day of the period asked about.
    pub(crate) fn first(self) -> Key {
        self.first
    }

    /// Its last day.
    pub(crate) fn last(self) -> Key {
        self.last
    }
}

/// An [`On`] as day keys: the first and last day of its period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Asked {
    first: Key,
    last: Key,
    possibly: bool,
}

impl On {
    /// The question as day keys, for [`DayKeys::holds`].
    pub(crate) fn asked(self) -> Asked {
        Asked {
            first: Key::day(self.date.earliest()),
            last: Key::day(self.date.latest()),
            possibly: self.possibly,
        }
    }
}

impl Interval {
    /// The bounds as day keys, for [`DayKeys::holds`].
    pub(crate) fn day_keys(&self) -> DayKeys {
        let (sure_start, sure_end) = self.narrowest();
        let (may_start, may_end) = self.widest();
        DayKeys {
            sure_start,
            sure_end,
            may_start,
            may_end,
        }
    }
}

/// A day as an ordinal key with room below and above every real day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Key(u32);

impl Key {
    const MIN: Key = Key(0);
    const MAX: Key = Key(u32::MAX);

    fn day((y, m, d): Day) -> Key {
        Key((u32::from(y) << 9) | (u32::from(m) << 5) | u32::from(d))
    }

    fn date(self) -> Option<PartialDate> {
        let y = i64::from(self.0 >> 9);
        PartialDate::ymd(y, (self.0 >> 5) & 0xF, self.0 & 0x1F).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn day_keys_answer_as_holds_does() {
        // Every kind of bound (none, undated, a year, a month, a day, at
        // month and year edges and in a leap February) against dates of
        // every precision around them, certainly and possibly.
        let dates = [
            "1979",
            "1980",
            "1981",
            "1980-02",
            "1980-03",
            "1980-12",
            "1980-02-28",
            "1980-02-29",
            "1980-03-01",
            "1980-01-31",
            "1980-12-31",
            "1981-01-01",
            "1900-02",
            "1900-02-28",
        ];
        let bounds: Vec<Option<Bound>> = std::iter::once(None)
            .chain(std::iter::once(Some(Bound::Undated)))
            .chain(dates.iter().map(|s| Some(Bound::Date(d(s)))))
            .collect();
        let mut checked = 0;
        for &start in &bounds {
            for &end in &bounds {
                let i = Interval { start, end };
                if i.is_inverted() {
                    continue;
                }
                let keys = i.day_keys();
                assert_eq!(keys.sort_key(), i.sort_key());
                for s in dates {
                    for on in [On::date(d(s)), On::possibly(d(s))] {
                        assert_eq!(keys.holds(on.asked()), i.holds(on), "{i:?} {on}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 5_000, "{checked}");
    }

    #[test]
    fn half_open_and_partial_dates_are_periods() {
        let xiao = Interval::new()
            .with_start(d("2018-03-19"))
            .with_end(d("2023-03-12"));
        assert_eq!(xiao.in_force(d("2023-03-11")), InForce::Certainly);
        assert_eq!(xiao.in_force(d("2023-03-12")), InForce::No);
        assert_eq!(xiao.in_force(d("2018-03-19")), InForce::Certainly);
        assert_eq!(xiao.in_force(d("2018-03-18")), InForce::No);
        // A month asked about: only possibly, since the tenure ends inside it.
        assert_eq!(xiao.in_force(d("2023-03")), InForce::Possibly);
        assert_eq!(xiao.in_force(d("2020")), InForce::Certainly);
        let month = Interval::since(d("1980-02"));
        assert_eq!(month.in_force(d("1980-03-01")), InForce::Certainly);
        assert_eq!(month.in_force(d("1980-02-10")), InForce::Possibly);
        assert_eq!(month.in_force(d("1980-01-31")), InForce::No);
        // An end month: certainly before it, possibly within, not after.
        let to_may = Interval::new().with_end(d("1982-05"));
        assert_eq!(to_may.in_force(d("1982-04-30")), InForce::Certainly);
        assert_eq!(to_may.in_force(d("1982-05-30")), InForce::Possibly);
        // Half-open: even if it ended on the month's last day, it was not
        // in force that day.
        assert_eq!(to_may.in_force(d("1982-05-31")), InForce::No);
        assert_eq!(to_may.in_force(d("1982-06-01")), InForce::No);
    }

    #[test]
    fn undated_bounds_are_only_possible_and_timeless_is_always() {
        let yang = Interval::since(d("2013-03")).with_end_undated();
        assert_eq!(yang.in_force(d("2015-01-01")), InForce::Possibly);
        assert_eq!(yang.in_force(d("2012-01-01")), InForce::No);
        assert_eq!(Interval::new().in_force(d("1066")), InForce::Certainly);
        let began = Interval::new().with_start_undated();
        assert_eq!(began.in_force(d("2000")), InForce::Possibly);
    }

    #[test]
    fn overlap_reads_bounds_widest_or_narrowest() {
        let a = Interval::new()
            .with_start(d("1980-02"))
            .with_end(d("1982-05"));
        let b = Interval::since(d("1982-05"));
        assert!(a.may_overlap(&b), "both in May 1982 for some reading");
        assert!(!a.surely_overlaps(&b));
        let c = Interval::since(d("1982-06"));
        assert!(!a.may_overlap(&c));
        let d1 = Interval::since(d("1981"));
        assert!(a.surely_overlaps(&d1));
        let undated = Interval::since(d("2013-03")).with_end_undated();
        assert!(undated.may_overlap(&Interval::since(d("2018-03-19"))));
        assert!(!undated.surely_overlaps(&Interval::since(d("2018-03-19"))));
    }

    #[test]
    fn bound_text_round_trips() {
        for s in ["unknown", "1949", "1949-10", "1949-10-19"] {
            assert_eq!(s.parse::<Bound>().unwrap().to_string(), s);
        }
        assert!("later".parse::<Bound>().is_err());
        assert_eq!(
            Interval::since(d("2013-03")).with_end_undated().to_string(),
            "2013-03 – ?"
        );
    }
}
