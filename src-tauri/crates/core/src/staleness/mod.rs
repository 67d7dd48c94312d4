//! Which credentials still count, and why: a pure function of the records, the skill areas'
//! half-lives, the dated field changes, the person's jurisdictions and an as-of date. Same
//! inputs, same verdict, in the app, the CLI and the PDF.
//!
//! The model (documented in the README, "Staleness"):
//! - **Expiry.** Past its expiry date a record is *expired*; within the warning window (90 days
//!   by default) it is *expiring*. A month-precision expiry ("2025-06") is valid through the end
//!   of that month.
//! - **Field speed.** Each skill area has a half-life in years; a record's freshness for a skill
//!   is `2^(-age / half_life)`, age counted from the first day its completion date can mean.
//!   The record's freshness is the relevance-weighted mean over its skills (a record without
//!   skills ages at the default half-life). A skill that a *newer* completed record also
//!   carries, or that ongoing practice (an experience record in progress) carries, counts as
//!   refreshed: the person kept it current, so the old record is not flagged for it. Effective
//!   freshness >= 0.75 is *current*, >= 0.5 *ageing*, below (older than one half-life) *stale*.
//! - **Field changes** (`crate::field_change`). A change exists from its announcement on. A
//!   record completed before the announcement, carrying a skill the change names, predates it
//!   until a record completed on or after the announcement (or ongoing practice) carries that
//!   skill. The share invalidated is the change's impact times the record's relevance to the
//!   skill: 0.5 or more makes the record *stale*, 0.25 or more *ageing*; less is no reason (a
//!   course that touched regulation in passing is not out of date). A change outside the
//!   person's jurisdictions is information, never a reason.
//! - Records in progress are not aged; only their expiry is checked. A record completed after
//!   the as-of date had not happened yet on that date: it is not judged, and refreshes nothing.
//!
//! The status is the worst that any reason gives: expired, expiring, stale, ageing, current.
//! `explain` gives the same verdict with every step behind it.

mod context;
mod explain;
mod judge;

pub use crate::field_change::{FieldChange, Phase};
pub(crate) use context::{standing, Standing};
pub use explain::{ChangeDetail, ChangeRelation, Explanation, RecordRef, RecordState, SkillDetail};

use crate::field_error::FieldError;
use crate::model::Credential;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
/// Freshness at or above which a record is current, and below which it is stale.
pub const CURRENT_AT: f64 = 0.75;
pub const STALE_BELOW: f64 = 0.5;
/// Days before expiry that a record counts as expiring, unless the user sets otherwise.
pub const DEFAULT_WARNING_DAYS: i64 = 90;
/// Half-life of a skill no area names: the often-quoted (contested) 2.5 years for technical
/// skills, rounded up for mixed areas.
pub const DEFAULT_HALF_LIFE: f64 = 3.0;
const DAYS_PER_YEAR: f64 = 365.25;

/// A skill area of the field and how fast it ages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct SkillArea {
    pub name: String,
    pub half_life_years: f64,
    #[serde(default)]
    pub description: Option<String>,
}

/// A skill as the skills page lists it: its half-life if one is set (else the default
/// applies) and how many live records carry it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct SkillInfo {
    pub name: String,
    pub half_life_years: Option<f64>,
    pub description: Option<String>,
    #[ts(type = "number")]
    pub records: i64,
}

/// One earlier state of a renewed credential: renewing keeps the history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Renewal {
    pub previous_completed: Option<String>,
    pub previous_expires: Option<String>,
    pub completed: String,
    pub expires: Option<String>,
    pub renewed_at: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Freshness {
    Current,
    Ageing,
    Stale,
    Expiring,
    Expired,
}

impl Freshness {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Current => "current",
            Self::Ageing => "ageing",
            Self::Stale => "stale",
            Self::Expiring => "expiring",
            Self::Expired => "expired",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ReasonKind {
    Expired,
    Expiring,
    HalfLife,
    FieldChange,
    CycleDeadline,
}

/// One reason behind a status, with the sentence a person reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Reason {
    pub kind: ReasonKind,
    /// The status this reason alone would give.
    pub status: Freshness,
    pub text: String,
}

/// The verdict on one record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Assessment {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub status: Freshness,
    /// The record's own freshness (0..1) before refreshing by newer records; 1 in progress.
    pub freshness: f64,
    pub reasons: Vec<Reason>,
}

/// What the verdicts depend on besides the records: the user's settings, where they practise,
/// and which skill names mean the same skill.
#[derive(Clone, Debug)]
pub struct Settings {
    pub warning_days: i64,
    pub default_half_life: f64,
    /// Where the person practises; empty: everywhere (every change concerns them).
    pub jurisdictions: Vec<String>,
    /// Other names of a skill, as (alias, skill name): "EU AI Act" is "AI law". From the
    /// active framework and the user's own aliases, so staleness and coverage match names alike.
    pub aliases: Vec<(String, String)>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            warning_days: DEFAULT_WARNING_DAYS,
            default_half_life: DEFAULT_HALF_LIFE,
            jurisdictions: Vec::new(),
            aliases: Vec::new(),
        }
    }
}

/// Freshness of something `age_days` old in an area with this half-life.
pub fn decay(age_days: i64, half_life_years: f64) -> f64 {
    let years = age_days.max(0) as f64 / DAYS_PER_YEAR;
    (-years / half_life_years).exp2()
}

/// The verdict on every record, in the order given.
pub fn assess(
    records: &[Credential],
    areas: &[SkillArea],
    changes: &[FieldChange],
    as_of: NaiveDate,
    settings: &Settings,
) -> Vec<Assessment> {
    let ctx = context::Context::new(records, areas, changes, as_of, settings);
    (0..records.len())
        .map(|i| judge::judge(&ctx, i, false).0)
        .collect()
}

/// The verdict on one record with every step behind it: its skills' half-lives, ages and
/// refreshes, each field change it covers or predates, and the rule that set the status. The
/// reasons are exactly those `assess` gives; `None` when no record has this id.
pub fn explain(
    records: &[Credential],
    areas: &[SkillArea],
    changes: &[FieldChange],
    as_of: NaiveDate,
    settings: &Settings,
    id: i64,
) -> Option<Explanation> {
    let i = records.iter().position(|r| r.id == id)?;
    let ctx = context::Context::new(records, areas, changes, as_of, settings);
    let (assessment, detail) = judge::judge(&ctx, i, true);
    detail.map(|d| d.into_explanation(assessment, as_of))
}

/// Longest half-life accepted: beyond a century a skill simply does not age.
pub const MAX_HALF_LIFE: f64 = 100.0;

/// Checks a half-life typed by a person.
pub fn check_half_life(years: f64) -> Result<f64, FieldError> {
    if years.is_finite() && years > 0.0 && years <= MAX_HALF_LIFE {
        Ok(years)
    } else {
        Err(FieldError::new(
            "half_life_years",
            format!("must be more than 0 and at most {MAX_HALF_LIFE} years (got {years})"),
        ))
    }
}
