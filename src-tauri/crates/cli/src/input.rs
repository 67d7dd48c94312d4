//! Reading what was typed on the command line: flags named in every error, as-of dates.
//! Dates and numbers of the other inputs are read by their drafts in `dossier-core`.

use crate::{CliError, Result};
use chrono::NaiveDate;

/// A usage error naming its flag (exit 2).
pub fn usage(flag: &str, msg: impl std::fmt::Display) -> CliError {
    CliError::Usage(format!("{flag}: {msg}"))
}

pub fn as_of(flag_value: &Option<String>) -> Result<NaiveDate> {
    dossier_service::as_of(flag_value.as_deref(), dossier_service::today())
        .map_err(|e| usage("--as-of", e.message))
}

/// Copies each flag that was given onto its draft field; absent flags leave fields as they
/// are, so flags can override a record being edited or a rules file.
pub fn overlay<'a>(fields: impl IntoIterator<Item = (&'a Option<String>, &'a mut String)>) {
    for (given, field) in fields {
        if let Some(v) = given {
            field.clone_from(v);
        }
    }
}

/// Record ids as typed: `12`, or a span `12-40` (an import's records are consecutive).
pub fn ids(given: &[String]) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    for g in given {
        let bad = || {
            usage(
                "ID",
                format!("'{g}' is not a record id or a span like 12-40"),
            )
        };
        let id = |s: &str| s.trim().parse::<i64>().map_err(|_| bad());
        match g.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (id(a)?, id(b)?);
                if b < a || b - a > 1_000_000 {
                    return Err(bad());
                }
                ids.extend(a..=b);
            }
            None => ids.push(id(g)?),
        }
    }
    Ok(ids)
}
