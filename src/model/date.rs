//! [`PartialDate`]: a date known to the year, the month or the day.

use std::fmt;
use std::str::FromStr;

/// A date known to a given precision: a year (`1949`), a year and month
/// (`1949-09`) or a full date (`1949-09-27`).
///
/// Its text form is ISO 8601 and round-trips through [`FromStr`] and
/// [`Display`](fmt::Display). Years run from 1 to 9999. Ordering compares
/// the earliest day each value may mean, then the precision.
///
/// ```
/// use govgraph::{DatePrecision, PartialDate};
/// let formed: PartialDate = "1949-09-27".parse()?;
/// assert_eq!(formed.precision(), DatePrecision::Day);
/// assert_eq!(formed.to_string(), "1949-09-27");
/// assert_eq!(PartialDate::year_month(1949, 10)?.to_string(), "1949-10");
/// assert!("1949-02-30".parse::<PartialDate>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct PartialDate {
    year: u16,
    month: u8,
    day: u8,
}

/// How much of a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DatePrecision {
    /// Only the year.
    Year,
    /// The year and the month.
    Month,
    /// The full date.
    Day,
}

/// Why a date is not a [`PartialDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// The text is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("{text:?} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    Syntax {
        /// The text given.
        text: String,
    },
    /// The year is outside 1..=9999.
    #[error("year {year} is outside 1 to 9999")]
    Year {
        /// The year given.
        year: i64,
    },
    /// The month is outside 1..=12.
    #[error("month {month} is outside 1 to 12")]
    Month {
        /// The month given.
        month: u32,
    },
    /// The day does not exist in that month.
    #[error("day {day} does not exist in {year:04}-{month:02}")]
    Day {
        /// The year.
        year: u16,
        /// The month.
        month: u8,
        /// The day given.
        day: u32,
    },
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl PartialDate {
    /// A year alone.
    ///
    /// # Errors
    /// [`DateError::Year`] outside 1..=9999.
    pub fn year(year: i64) -> Result<Self, DateError> {
        let year = u16::try_from(year)
            .ok()
            .filter(|y| (1..=9999).contains(y))
            .ok_or(DateError::Year { year })?;
        Ok(Self {
            year,
            month: 0,
            day: 0,
        })
    }

    /// A year and a month.
    ///
    /// # Errors
    /// [`DateError::Year`] or [`DateError::Month`] when out of range.
    pub fn year_month(year: i64, month: u32) -> Result<Self, DateError> {
        let mut d = Self::year(year)?;
        d.month = u8::try_from(month)
            .ok()
            .filter(|m| (1..=12).contains(m))
            .ok_or(DateError::Month { month })?;
        Ok(d)
    }

    /// A full date.
    ///
    /// # Errors
    /// [`DateError`] when the year, month or day is out of range.
    pub fn ymd(year: i64, month: u32, day: u32) -> Result<Self, DateError> {
        let mut d = Self::year_month(year, month)?;
        d.day = u8::try_from(day)
            .ok()
            .filter(|x| (1..=days_in_month(d.year, d.month)).contains(x))
            .ok_or(DateError::Day {
                year: d.year,
                month: d.month,
                day,
            })?;
        Ok(d)
    }

    /// How much of the date is known.
    pub fn precision(self) -> DatePrecision {
        if self.day != 0 {
            DatePrecision::Day
        } else if self.month != 0 {
            DatePrecision::Month
        } else {
            DatePrecision::Year
        }
    }

    /// The first day the date may mean, as `(year, month, day)`.
    pub fn earliest(self) -> (u16, u8, u8) {
        (self.year, self.month.max(1), self.day.max(1))
    }

    /// The last day the date may mean, as `(year, month, day)`.
    pub fn latest(self) -> (u16, u8, u8) {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year, month)
        } else {
            self.day
        };
        (self.year, month, day)
    }

    /// The year.
    pub fn get_year(self) -> u16 {
        self.year
    }

    /// The month (1 to 12), if known.
    pub fn get_month(self) -> Option<u8> {
        (self.month != 0).then_some(self.month)
    }

    /// The day of the month, if known.
    pub fn get_day(self) -> Option<u8> {
        (self.day != 0).then_some(self.day)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;
    fn from_str(text: &str) -> Result<Self, DateError> {
        let syntax = || DateError::Syntax {
            text: text.to_owned(),
        };
        let mut parts = text.split('-');
        let mut field = |width: usize| -> Result<Option<u32>, DateError> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == width && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| syntax())
                }
                Some(_) => Err(syntax()),
            }
        };
        let year = field(4)?.ok_or_else(syntax)?;
        let month = field(2)?;
        let day = field(2)?;
        if parts.next().is_some() {
            return Err(syntax());
        }
        match (month, day) {
            (None, _) => Self::year(i64::from(year)),
            (Some(m), None) => Self::year_month(i64::from(year), m),
            (Some(m), Some(d)) => Self::ymd(i64::from(year), m, d),
        }
    }
}

impl TryFrom<String> for PartialDate {
    type Error = DateError;
    fn try_from(s: String) -> Result<Self, DateError> {
        s.parse()
    }
}

impl From<PartialDate> for String {
    fn from(d: PartialDate) -> Self {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_each_precision() {
        for s in ["1949", "1949-09", "1949-09-27", "2000-02-29", "0001-01-01"] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn errors_name_the_fault() {
        let msg = |s: &str| s.parse::<PartialDate>().unwrap_err().to_string();
        assert_eq!(
            msg("49"),
            "\"49\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        );
        assert_eq!(
            msg("1949-9"),
            "\"1949-9\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        );
        assert_eq!(
            msg("1949-09-27-1"),
            "\"1949-09-27-1\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        );
        assert_eq!(msg("0000"), "year 0 is outside 1 to 9999");
        assert_eq!(msg("1949-13"), "month 13 is outside 1 to 12");
        assert_eq!(msg("1900-02-29"), "day 29 does not exist in 1900-02");
        assert_eq!(
            msg("+949"),
            "\"+949\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        );
    }

    #[test]
    fn orders_by_earliest_day_then_precision() {
        let y: PartialDate = "1949".parse().unwrap();
        let m: PartialDate = "1949-01".parse().unwrap();
        let d: PartialDate = "1949-01-01".parse().unwrap();
        assert!(y < m && m < d);
        assert_eq!(d.precision(), DatePrecision::Day);
        assert_eq!(
            (d.get_year(), d.get_month(), d.get_day()),
            (1949, Some(1), Some(1))
        );
    }
}
