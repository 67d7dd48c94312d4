//! Gathers what the staleness engine needs from the store and runs it: the one entry point
//! the app, the CLI and reminders use, so they cannot disagree.

use crate::error::Result;
use crate::Store;
use chrono::NaiveDate;
use dossier_core::dashboard::{build, explain, Dashboard};
use dossier_core::settings::SettingsDraft;
use dossier_core::staleness::{Explanation, Settings};
use dossier_core::{Credential, ListQuery, UserSettings};

pub const WARNING_DAYS_KEY: &str = "staleness.warning_days";
pub const DEFAULT_HALF_LIFE_KEY: &str = "staleness.default_half_life";

impl Store {
    /// The user's staleness settings (defaults where unset or unreadable), where they
    /// practise (from the profile) and the active framework's skill aliases.
    pub fn staleness_settings(&self) -> Result<Settings> {
        self.read(|db| db.staleness_settings())
    }

    /// Verdicts, cycles and the attention list as of `as_of`, from one read.
    pub fn dashboard(&self, as_of: NaiveDate) -> Result<Dashboard> {
        self.read(|db| {
            let records = db.list(&ListQuery::default())?;
            db.dashboard_of(&records, as_of)
        })
    }

    /// "Why this status?" for one record, with the reasons the dashboard gives it.
    pub fn explain(&self, id: i64, as_of: NaiveDate) -> Result<Explanation> {
        self.read(|db| {
            let records = db.list(&ListQuery::default())?;
            if !records.iter().any(|r| r.id == id) {
                // Removed or unknown: the same error `show` gives.
                db.get(id)?;
                return Err(crate::Error::NotFound(id));
            }
            let (areas, changes, requirements) =
                (db.skill_areas()?, db.field_changes()?, db.requirements()?);
            let settings = db.staleness_settings()?;
            explain(
                &records,
                &areas,
                &changes,
                &requirements,
                as_of,
                &settings,
                id,
            )
            .ok_or(crate::Error::NotFound(id))
        })
    }
}

impl crate::Db<'_> {
    pub fn staleness_settings(&self) -> Result<Settings> {
        let framework = self.active_framework_id()?;
        let user = self.aliases(&framework)?;
        let mut s = Settings {
            jurisdictions: self.profile()?.jurisdictions,
            aliases: self.framework(&framework)?.skill_aliases(&user),
            ..Settings::default()
        };
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

    /// The dashboard for records already read.
    pub fn dashboard_of(&self, records: &[Credential], as_of: NaiveDate) -> Result<Dashboard> {
        let areas = self.skill_areas()?;
        let changes = self.field_changes()?;
        let requirements = self.requirements()?;
        let settings = self.staleness_settings()?;
        Ok(build(
            records,
            &areas,
            &changes,
            &requirements,
            as_of,
            &settings,
        ))
    }
}

pub const REMINDERS_KEY: &str = "reminders.enabled";
pub const REMINDED_ON_KEY: &str = "reminders.last_shown";

impl Store {
    pub fn user_settings(&self) -> Result<UserSettings> {
        let s = self.staleness_settings()?;
        let reminders = self.setting(REMINDERS_KEY)?.is_none_or(|v| v != "0");
        Ok(UserSettings {
            warning_days: s.warning_days,
            default_half_life: s.default_half_life,
            reminders,
        })
    }

    /// Saves the settings after checking them; a bad value names its field.
    pub fn set_user_settings(&self, s: &UserSettings) -> Result<()> {
        let problems = s.problems();
        if !problems.is_empty() {
            return Err(crate::Error::Invalid(problems));
        }
        self.with_tx(|tx| {
            crate::settings::set(tx, WARNING_DAYS_KEY, &s.warning_days.to_string())?;
            crate::settings::set(tx, DEFAULT_HALF_LIFE_KEY, &s.default_half_life.to_string())?;
            crate::settings::set(tx, REMINDERS_KEY, if s.reminders { "1" } else { "0" })
        })
    }

    /// Saves the settings as typed (the app's form): read and checked by the draft, the
    /// one set of rules. Returns them as saved.
    pub fn set_user_settings_draft(&self, draft: &SettingsDraft) -> Result<UserSettings> {
        let s = draft.validate().map_err(crate::Error::Invalid)?;
        self.set_user_settings(&s)?;
        Ok(s)
    }

    /// Whether a reminder should be shown on `today`: enabled and not shown yet today. Marks
    /// today as shown when it says yes, so a reminder comes at most once a day.
    pub fn take_daily_reminder(&self, today: NaiveDate) -> Result<bool> {
        self.with_tx(|tx| {
            let enabled = crate::settings::get(tx, REMINDERS_KEY)?.is_none_or(|v| v != "0");
            let shown = crate::settings::get(tx, REMINDED_ON_KEY)?;
            if !enabled || shown.as_deref() == Some(&today.to_string()) {
                return Ok(false);
            }
            crate::settings::set(tx, REMINDED_ON_KEY, &today.to_string())?;
            Ok(true)
        })
    }
}
