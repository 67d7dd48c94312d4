//! Gathers what the staleness engine needs from the store and runs it: the one entry point
//! the app, the CLI and reminders use, so they cannot disagree.

use crate::error::Result;
use crate::Store;
use chrono::NaiveDate;
use dossier_core::dashboard::{build, Dashboard};
use dossier_core::staleness::Settings;
use dossier_core::ListQuery;

pub const WARNING_DAYS_KEY: &str = "staleness.warning_days";
pub const DEFAULT_HALF_LIFE_KEY: &str = "staleness.default_half_life";

impl Store {
    /// The user's staleness settings, defaults where unset or unreadable.
    pub fn staleness_settings(&self) -> Result<Settings> {
        let mut s = Settings::default();
        if let Some(days) = self.setting(WARNING_DAYS_KEY)?.and_then(|v| v.parse().ok()) {
            s.warning_days = days;
        }
        if let Some(h) = self
            .setting(DEFAULT_HALF_LIFE_KEY)?
            .and_then(|v| v.parse::<f64>().ok())
        {
            if h.is_finite() && h > 0.0 {
                s.default_half_life = h;
            }
        }
        Ok(s)
    }

    /// Verdicts, cycles and the attention list as of `as_of`.
    pub fn dashboard(&self, as_of: NaiveDate) -> Result<Dashboard> {
        let records = self.list(&ListQuery::default())?;
        let areas = self.skill_areas()?;
        let changes = self.field_changes()?;
        let requirements = self.requirements()?;
        let settings = self.staleness_settings()?;
        Ok(build(
            &records,
            &areas,
            &changes,
            &requirements,
            as_of,
            &settings,
        ))
    }
}
