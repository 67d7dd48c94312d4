//! Reading what was typed on the command line: flags named in every error, as-of dates.

use crate::{CliError, Result};
use chrono::NaiveDate;

/// A usage error naming its flag (exit 2).
pub fn usage(flag: &str, msg: impl std::fmt::Display) -> CliError {
    CliError::Usage(format!("{flag}: {msg}"))
}

/// A whole day, for `--as-of` and event dates.
pub fn parse_day(flag: &str, s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| usage(flag, format!("'{s}' is not a date; use YYYY-MM-DD")))
}

pub fn as_of(flag_value: &Option<String>) -> Result<NaiveDate> {
    dossier_service::as_of(flag_value.as_deref(), dossier_service::today())
        .map_err(|e| usage("--as-of", e.message))
}
