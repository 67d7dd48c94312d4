//! Dates as people write them on credentials: a year, a month or a day (ISO 8601 `YYYY`,
//! `YYYY-MM`, `YYYY-MM-DD`). A certificate "issued March 2021" must stay "2021-03", not become
//! an invented first of the month, so the precision is kept and shown as typed.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// Earliest and latest years accepted: outside them a date is a typo, not a credential.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2100;

/// A calendar date with year, month or day precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{0}' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")]
    Format(String),
    #[error("'{0}' is not a real calendar date")]
    Invalid(String),
    #[error("year {0} is outside {MIN_YEAR}..={MAX_YEAR}")]
    Year(i32),
}

impl PartialDate {
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(Self {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn ym(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self {
            year,
            month: Some(month),
            day: None,
        })
    }

    pub fn year_only(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    pub fn from_naive(d: NaiveDate) -> Self {
        Self {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> Option<u32> {
        self.month
    }

    pub fn day(&self) -> Option<u32> {
        self.day
    }

    /// The first day the date can mean ("2021-03" starts on 2021-03-01).
    pub fn earliest(&self) -> NaiveDate {
        let m = self.month.unwrap_or(1);
        let d = self.day.unwrap_or(1);
        NaiveDate::from_ymd_opt(self.year, m, d).unwrap_or(NaiveDate::MIN)
    }

    /// The last day the date can mean ("2021-03" ends on 2021-03-31). An expiry of "2025-06"
    /// is valid through June, so expiry checks use this end.
    pub fn latest(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => {
                let (ny, nm) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    /// True when every day `self` can mean comes before every day `other` can mean. Used for
    /// ordering rules, so that "2021-03" and "2021-03-15" never contradict each other.
    pub fn surely_before(&self, other: &PartialDate) -> bool {
        self.latest() < other.earliest()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn number(part: &str, len: usize, raw: &str) -> Result<u32, DateError> {
    if part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Format(raw.to_string()));
    }
    part.parse().map_err(|_| DateError::Format(raw.to_string()))
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(raw: &str) -> Result<Self, DateError> {
        let s = raw.trim();
        // Splitting by hand, without collecting: the store parses three dates per row when it
        // lists thousands of records.
        let mut parts = s.split('-');
        let year = number(parts.next().unwrap_or(""), 4, raw)? as i32;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::Year(year));
        }
        let month = parts.next().map(|m| number(m, 2, raw)).transpose()?;
        let day = parts.next().map(|d| number(d, 2, raw)).transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Format(raw.to_string()));
        }
        let date = match (month, day) {
            (None, _) => Some(Self::year_only(year)),
            (Some(m), None) => Self::ym(year, m),
            (Some(m), Some(d)) => Self::ymd(year, m, d),
        };
        date.ok_or_else(|| DateError::Invalid(raw.to_string()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Orders by the first day meant, then the coarser date first; matches the text order of the
/// ISO strings, which is what the store sorts on.
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0)).cmp(&(
            other.year,
            other.month.unwrap_or(0),
            other.day.unwrap_or(0),
        ))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl ts_rs::TS for PartialDate {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn name(_: &ts_rs::Config) -> String {
        "string".to_owned()
    }

    fn inline(_: &ts_rs::Config) -> String {
        "string".to_owned()
    }
}
