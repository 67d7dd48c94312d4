//! The user's settings (warning window, default half-life, reminders) and a skill's
//! half-life, each as typed and as stored. The rules live here once: the drafts read the text
//! and apply them, and the store applies them again to whatever typed value it is given.

use crate::checks::Checker;
use crate::field_error::FieldError;
use crate::staleness::check_half_life;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The longest warning window: ten years ahead is a plan, not a warning.
pub const MAX_WARNING_DAYS: i64 = 3650;

/// The user's settings the UI edits: staleness thresholds and reminders.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct UserSettings {
    /// Days before expiry (or a cycle's end) that an item counts as expiring.
    #[ts(type = "number")]
    pub warning_days: i64,
    /// Half-life in years of skills without one of their own.
    pub default_half_life: f64,
    /// A desktop notification on start, at most once a day.
    pub reminders: bool,
}

impl UserSettings {
    /// Every problem with the settings, each naming its field; empty when they are sound.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut errs = Vec::new();
        if !(0..=MAX_WARNING_DAYS).contains(&self.warning_days) {
            errs.push(FieldError::new(
                "warning_days",
                format!(
                    "must be 0 to {MAX_WARNING_DAYS} days (got {})",
                    self.warning_days
                ),
            ));
        }
        if let Err(e) = check_half_life(self.default_half_life) {
            errs.push(e.renamed("default_half_life"));
        }
        errs
    }
}

/// The settings form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SettingsDraft {
    /// A whole number of days; a minus sign is read (and then refused by the range), so the
    /// message says what the range is rather than that "-5" is not a number.
    pub warning_days: String,
    pub default_half_life: String,
    pub reminders: bool,
}

impl SettingsDraft {
    pub fn from_input(s: &UserSettings) -> Self {
        Self {
            warning_days: s.warning_days.to_string(),
            default_half_life: s.default_half_life.to_string(),
            reminders: s.reminders,
        }
    }

    pub fn validate(&self) -> Result<UserSettings, Vec<FieldError>> {
        let mut c = Checker::default();
        let warning_days = c.whole("warning_days", &self.warning_days, true);
        let default_half_life = c.number("default_half_life", &self.default_half_life);
        let settings = UserSettings {
            warning_days: warning_days.unwrap_or(0),
            default_half_life: default_half_life.unwrap_or(1.0),
            reminders: self.reminders,
        };
        c.rules(settings.problems());
        c.finish(settings)
    }
}

/// A skill's half-life, checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct HalfLife {
    /// The skill's name, trimmed.
    pub name: String,
    pub half_life_years: f64,
}

impl HalfLife {
    pub fn problems(&self) -> Vec<FieldError> {
        let mut errs = Vec::new();
        if self.name.trim().is_empty() {
            errs.push(FieldError::new("name", "is required"));
        }
        if let Err(e) = check_half_life(self.half_life_years) {
            errs.push(e);
        }
        errs
    }
}

/// A skill's half-life as typed on the Skills page or `dossier skill set`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct HalfLifeDraft {
    pub name: String,
    pub half_life_years: String,
}

impl HalfLifeDraft {
    pub fn validate(&self) -> Result<HalfLife, Vec<FieldError>> {
        let mut c = Checker::default();
        let years = c.number("half_life_years", &self.half_life_years);
        let half_life = HalfLife {
            name: self.name.trim().to_string(),
            half_life_years: years.unwrap_or(1.0),
        };
        c.rules(half_life.problems());
        c.finish(half_life)
    }
}
