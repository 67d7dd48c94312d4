//! Helpers shared by the domain's tests.

use chrono::NaiveDate;

/// A day written as YYYY-MM-DD.
pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}
