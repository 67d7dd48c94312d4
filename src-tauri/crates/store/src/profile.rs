//! The portfolio owner's profile (shown on the report), and the snapshot a report is made of.

use crate::error::{Error, Result};
use crate::Store;
use chrono::NaiveDate;
use dossier_core::profile::{Profile, Snapshot};
use dossier_core::{FieldError, ListQuery};

const PROFILE_KEY: &str = "profile";

/// Longest value per field: the report sets the profile on one line at the top of page 1, and
/// an unbroken string longer than these (an address, a URL) would run off the page.
const LIMITS: [(&str, usize); 6] = [
    ("name", 100),
    ("title", 120),
    ("email", 80),
    ("phone", 40),
    ("location", 100),
    ("website", 80),
];

fn check(p: &Profile) -> Vec<FieldError> {
    let values = [
        &p.name,
        &p.title,
        &p.email,
        &p.phone,
        &p.location,
        &p.website,
    ];
    LIMITS
        .iter()
        .zip(values)
        .filter_map(|((field, max), v)| {
            let n = v.chars().count();
            let bad = if n > *max {
                Some(format!("is too long ({n} characters; at most {max})"))
            } else if v.chars().any(char::is_control) {
                Some("must be a single line".to_string())
            } else {
                None
            };
            bad.map(|message| FieldError {
                field: (*field).into(),
                message,
            })
        })
        .collect()
}

impl Store {
    pub fn profile(&self) -> Result<Profile> {
        Ok(self
            .setting(PROFILE_KEY)?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }

    pub fn set_profile(&self, p: &Profile) -> Result<()> {
        let problems = check(p);
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let json = serde_json::to_string(p).map_err(|e| Error::Corrupt {
            id: 0,
            field: "profile",
            message: e.to_string(),
        })?;
        self.set_setting(PROFILE_KEY, &json)
    }

    /// The portfolio as of `as_of`, for a report: one read of everything it shows.
    pub fn snapshot(&self, as_of: NaiveDate) -> Result<Snapshot> {
        let records = self.list(&ListQuery::default())?;
        let coverage = self.coverage_of(&records, as_of, None)?;
        Ok(Snapshot {
            profile: self.profile()?,
            dashboard: self.dashboard_of(&records, as_of)?,
            chart_svg: dossier_core::chart::radar_svg(&coverage, 420.0),
            coverage,
            records,
        })
    }
}
