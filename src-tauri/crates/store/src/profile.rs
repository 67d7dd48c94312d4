//! The portfolio owner's profile (shown on the report), and the snapshot a report is made of.

use crate::error::{Error, Result};
use crate::Store;
use chrono::NaiveDate;
use dossier_core::profile::{Profile, Snapshot};
use dossier_core::{FieldError, ListQuery};

const PROFILE_KEY: &str = "profile";

fn check(p: &Profile) -> Vec<FieldError> {
    let fields = [
        ("name", &p.name),
        ("title", &p.title),
        ("email", &p.email),
        ("phone", &p.phone),
        ("location", &p.location),
        ("website", &p.website),
    ];
    fields
        .iter()
        .filter_map(|(field, v)| {
            let n = v.chars().count();
            let bad = if n > 200 {
                Some(format!("is too long ({n} characters; at most 200)"))
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
        let coverage = self.coverage(as_of, None)?;
        Ok(Snapshot {
            profile: self.profile()?,
            records: self.list(&ListQuery::default())?,
            dashboard: self.dashboard(as_of)?,
            chart_svg: dossier_core::chart::radar_svg(&coverage, 420.0),
            coverage,
        })
    }
}
