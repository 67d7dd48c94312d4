//! The portfolio owner's profile (shown on the report), and the snapshot a report is made of.

use crate::error::{Error, Result};
use crate::Store;
use chrono::NaiveDate;
use dossier_core::profile::{Profile, Snapshot};
use dossier_core::ListQuery;
use rusqlite::Connection;

pub(crate) const PROFILE_KEY: &str = "profile";

/// Checks and stores a profile (jurisdictions trimmed, repeats dropped).
pub(crate) fn write(conn: &Connection, p: &Profile) -> Result<()> {
    let p = p.validate().map_err(Error::Invalid)?;
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
