//! The portfolio owner's profile (shown on the report), and the snapshot a report is made of.

use crate::error::{Error, Result};
use crate::Store;
use chrono::NaiveDate;
use dossier_core::field_change::{same_jurisdiction, MAX_JURISDICTION};
use dossier_core::profile::{Profile, Snapshot};
use dossier_core::{FieldError, ListQuery};
use rusqlite::Connection;

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
            bad.map(|message| FieldError::new(*field, message))
        })
        .chain(p.jurisdictions.iter().enumerate().filter_map(|(i, j)| {
            let bad = j.trim().is_empty()
                || j.chars().count() > MAX_JURISDICTION
                || j.chars().any(char::is_control);
            bad.then(|| {
                FieldError::entry(
                    "jurisdictions",
                    i,
                    format!(
                        "must be a name such as EU or US, one line of at most \
                         {MAX_JURISDICTION} characters (got '{j}')"
                    ),
                )
            })
        }))
        .collect()
}

/// Checks and stores a profile (jurisdictions trimmed, repeats dropped).
pub(crate) fn write(conn: &Connection, p: &Profile) -> Result<()> {
    let mut p = p.clone();
    // Trimmed, and each place once whatever its case ("us" and "US" are one).
    let mut unique: Vec<String> = Vec::new();
    for j in p.jurisdictions.iter().map(|j| j.trim()) {
        if !unique.iter().any(|u| same_jurisdiction(u, j)) {
            unique.push(j.to_string());
        }
    }
    p.jurisdictions = unique;
    let problems = check(&p);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let json = serde_json::to_string(&p).map_err(|e| Error::CorruptSetting {
        what: "profile",
        message: e.to_string(),
    })?;
    crate::settings::set(conn, PROFILE_KEY, &json)
}

impl Store {
    /// The profile; an unreadable stored profile is an error, not silently blank.
    pub fn profile(&self) -> Result<Profile> {
        self.read(|db| db.profile())
    }

    /// Saves the profile after checking it; a bad value names its field.
    pub fn set_profile(&self, p: &Profile) -> Result<()> {
        self.with_tx(|tx| write(tx, p))
    }

    /// The portfolio as of `as_of`, for a report: everything it shows from one read, so a
    /// write between two of its parts cannot make statuses and coverage disagree.
    pub fn snapshot(&self, as_of: NaiveDate) -> Result<Snapshot> {
        self.read(|db| {
            let records = db.list(&ListQuery::default())?;
            let coverage = db.coverage_of(&records, as_of, None)?;
            Ok(Snapshot {
                profile: db.profile()?,
                dashboard: db.dashboard_of(&records, as_of)?,
                chart_svg: dossier_core::chart::radar_svg(&coverage, 420.0),
                coverage,
                records,
            })
        })
    }
}

impl crate::Db<'_> {
    /// The profile; an unreadable stored profile is an error, not silently blank.
    pub fn profile(&self) -> Result<Profile> {
        match self.setting(PROFILE_KEY)? {
            None => Ok(Profile::default()),
            Some(json) => serde_json::from_str(&json).map_err(|e| Error::CorruptSetting {
                what: "profile",
                message: e.to_string(),
            }),
        }
    }
}
