//! A renewal as typed: new completion and expiry dates for a credential, validated here once
//! for the app's Renew dialog and `dossier renew` alike.

use crate::date::PartialDate;
use crate::field_error::FieldError;
use crate::model::Credential;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the person typed; `expires` empty means the renewed credential does not expire.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RenewalDraft {
    pub completed: String,
    pub expires: String,
}

/// Renewal dates that passed validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenewalDates {
    pub completed: PartialDate,
    pub expires: Option<PartialDate>,
}

impl RenewalDraft {
    /// Checks the dates against the credential being renewed and today's date: a renewal
    /// records something done, so it cannot lie in the future, nor before the completion it
    /// replaces; an expiry cannot come before the new completion. Every problem names its field.
    pub fn validate(
        &self,
        current: &Credential,
        today: NaiveDate,
    ) -> Result<RenewalDates, Vec<FieldError>> {
        let mut errs = Vec::new();
        let parse = |field: &str, s: &str, errs: &mut Vec<FieldError>| match s.trim().parse() {
            Ok(d) => Some(d),
            Err(e) => {
                errs.push(FieldError::new(field, format!("{e}")));
                None
            }
        };
        let completed = if self.completed.trim().is_empty() {
            errs.push(FieldError::new("completed", "is required"));
            None
        } else {
            parse("completed", &self.completed, &mut errs)
        };
        let expires = match self.expires.trim() {
            "" => None,
            e => parse("expires", e, &mut errs),
        };
        if let Some(done) = completed {
            let today_date = PartialDate::from_naive(today);
            if today_date.surely_before(&done) {
                errs.push(FieldError::new(
                    "completed",
                    format!("{done} is in the future; a renewal records what is done (today is {today})"),
                ));
            }
            if let Some(prev) = current.completed.filter(|p| done.surely_before(p)) {
                errs.push(FieldError::new(
                    "completed",
                    format!("{done} is before the current completion date {prev}"),
                ));
            }
            if let Some(e) = expires.filter(|e| e.surely_before(&done)) {
                errs.push(FieldError::new(
                    "expires",
                    format!("{e} is before the completion date {done}"),
                ));
            }
        }
        match (completed, errs.is_empty()) {
            (Some(completed), true) => Ok(RenewalDates { completed, expires }),
            _ => Err(errs),
        }
    }
}
