//! Which credentials still count, and why: a pure function of the records, the skill areas'
//! half-lives, the dated field changes and an as-of date. Same inputs, same verdict, in the
//! app, the CLI and the PDF.
//!
//! The model (documented in the README, "Staleness"):
//! - **Expiry.** Past its expiry date a record is *expired*; within the warning window (90 days
//!   by default) it is *expiring*. A month-precision expiry ("2025-06") is valid through the end
//!   of that month.
//! - **Field speed.** Each skill area has a half-life in years; a record's freshness for a skill
//!   is `2^(-age / half_life)`, age counted from the first day its completion date can mean.
//!   The record's freshness is the relevance-weighted mean over its skills (a record without
//!   skills ages at the default half-life). A skill that a *newer* completed record also
//!   carries counts as refreshed: the person kept it current, so the old record is not flagged
//!   for it. Effective freshness >= 0.75 is *current*, >= 0.5 *ageing*, below (older than one
//!   half-life) *stale*.
//! - **Field changes.** A record completed before a dated event, carrying a skill the event
//!   affects, predates it until a record completed on or after the event carries that skill.
//!   The share of the record the event invalidates is its impact times the record's relevance
//!   to the skill: 0.5 or more makes the record *stale*, 0.25 or more *ageing*; less is noted
//!   nowhere (a course that touched regulation in passing is not out of date).
//! - Records in progress are not aged; only their expiry is checked.
//!
//! The status is the worst that any reason gives: expired, expiring, stale, ageing, current.

use crate::draft::FieldError;
use crate::model::{Credential, Status};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
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

/// A dated change in the field that makes earlier training on some skills out of date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub title: String,
    pub skills: Vec<String>,
    /// How much of earlier training it invalidates, 0..1.
    pub impact: f64,
    pub source: Option<String>,
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

#[derive(Clone, Debug)]
pub struct Settings {
    pub warning_days: i64,
    pub default_half_life: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            warning_days: DEFAULT_WARNING_DAYS,
            default_half_life: DEFAULT_HALF_LIFE,
        }
    }
}

fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Freshness of something `age_days` old in an area with this half-life.
pub fn decay(age_days: i64, half_life_years: f64) -> f64 {
    let years = age_days.max(0) as f64 / DAYS_PER_YEAR;
    (-years / half_life_years).exp2()
}

fn years_text(days: i64) -> String {
    let y = days as f64 / DAYS_PER_YEAR;
    if y < 1.0 {
        let months = (days as f64 / 30.44).round() as i64;
        format!("{months} month{}", if months == 1 { "" } else { "s" })
    } else {
        format!("{y:.1} years")
    }
}

/// "Statistics's" reads badly; "Statistics'" is the English possessive.
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

fn half_life_text(h: f64) -> String {
    if (h - h.round()).abs() < 1e-9 {
        format!("{h:.0} year{}", if h == 1.0 { "" } else { "s" })
    } else {
        format!("{h} years")
    }
}

fn percent(f: f64) -> String {
    format!("{:.0}%", f * 100.0)
}

fn level(f: f64) -> Freshness {
    if f >= CURRENT_AT {
        Freshness::Current
    } else if f >= STALE_BELOW {
        Freshness::Ageing
    } else {
        Freshness::Stale
    }
}

/// Skill areas by lower-cased name, for the lookups each record needs.
pub struct Areas<'a> {
    by_name: HashMap<String, &'a SkillArea>,
    default_half_life: f64,
}

impl<'a> Areas<'a> {
    pub fn new(areas: &'a [SkillArea], default_half_life: f64) -> Self {
        Self {
            by_name: areas.iter().map(|a| (key(&a.name), a)).collect(),
            default_half_life,
        }
    }

    pub fn half_life(&self, skill: &str) -> f64 {
        self.by_name
            .get(&key(skill))
            .map_or(self.default_half_life, |a| a.half_life_years)
    }
}

/// For each skill, the completion dates of the completed records carrying it, newest first;
/// lets "is there a newer record with this skill?" be answered without rescanning.
fn coverage_dates(records: &[Credential]) -> HashMap<String, Vec<NaiveDate>> {
    let mut map: HashMap<String, Vec<NaiveDate>> = HashMap::new();
    for r in records.iter().filter(|r| r.status == Status::Completed) {
        if let Some(done) = r.completed {
            for s in &r.skills {
                map.entry(key(&s.name)).or_default().push(done.earliest());
            }
        }
    }
    for dates in map.values_mut() {
        dates.sort_unstable_by(|a, b| b.cmp(a));
    }
    map
}

/// The verdict on every record, in the order given.
pub fn assess(
    records: &[Credential],
    areas: &[SkillArea],
    changes: &[FieldChange],
    as_of: NaiveDate,
    settings: &Settings,
) -> Vec<Assessment> {
    let areas = Areas::new(areas, settings.default_half_life);
    let covered = coverage_dates(records);
    let mut changes: Vec<&FieldChange> = changes.iter().filter(|c| c.date <= as_of).collect();
    changes.sort_by_key(|c| (c.date, c.id));
    records
        .iter()
        .map(|r| assess_one(r, &areas, &covered, &changes, as_of, settings))
        .collect()
}

fn assess_one(
    r: &Credential,
    areas: &Areas,
    covered: &HashMap<String, Vec<NaiveDate>>,
    changes: &[&FieldChange],
    as_of: NaiveDate,
    settings: &Settings,
) -> Assessment {
    let mut reasons = Vec::new();
    if let Some(exp) = r.expires {
        let days = (exp.latest() - as_of).num_days();
        if days < 0 {
            reasons.push(Reason {
                kind: ReasonKind::Expired,
                status: Freshness::Expired,
                text: format!("Expired on {exp} ({} ago)", years_text(-days)),
            });
        } else if days <= settings.warning_days {
            reasons.push(Reason {
                kind: ReasonKind::Expiring,
                status: Freshness::Expiring,
                text: format!(
                    "Expires on {exp}, in {days} day{}",
                    if days == 1 { "" } else { "s" }
                ),
            });
        }
    }
    let mut freshness = 1.0;
    let done = r
        .completed
        .filter(|_| r.status == Status::Completed)
        .map(|d| d.earliest());
    if let Some(done) = done {
        let age = (as_of - done).num_days();
        let newer = |skill: &str| {
            covered
                .get(&key(skill))
                .and_then(|d| d.first())
                .filter(|d| **d > done)
                .copied()
        };
        freshness = own_freshness(r, areas, age);
        half_life_reasons(r, areas, age, &newer, &mut reasons);
        for c in changes.iter().filter(|c| done < c.date) {
            let hit: Vec<_> = r
                .skills
                .iter()
                .filter(|s| c.skills.iter().any(|a| key(a) == key(&s.name)))
                .filter(|s| {
                    covered
                        .get(&key(&s.name))
                        .and_then(|d| d.first())
                        .is_none_or(|d| *d < c.date)
                })
                .collect();
            let share = hit.iter().map(|s| s.relevance).fold(0.0, f64::max) * c.impact;
            if share >= 0.25 {
                let hit: Vec<&str> = hit.iter().map(|s| s.name.as_str()).collect();
                reasons.push(Reason {
                    kind: ReasonKind::FieldChange,
                    status: if share >= 0.5 {
                        Freshness::Stale
                    } else {
                        Freshness::Ageing
                    },
                    text: format!(
                        "Predates '{}' ({}), which affects {}",
                        c.title,
                        c.date,
                        hit.join(", ")
                    ),
                });
            }
        }
    }
    let status = reasons
        .iter()
        .map(|r| r.status)
        .max()
        .unwrap_or(Freshness::Current);
    Assessment {
        id: r.id,
        title: r.title.clone(),
        status,
        freshness,
        reasons,
    }
}

/// The record's own freshness: relevance-weighted over its skills.
fn own_freshness(r: &Credential, areas: &Areas, age: i64) -> f64 {
    let weight: f64 = r.skills.iter().map(|s| s.relevance).sum();
    if weight <= 0.0 {
        return decay(age, areas.default_half_life);
    }
    r.skills
        .iter()
        .map(|s| s.relevance * decay(age, areas.half_life(&s.name)))
        .sum::<f64>()
        / weight
}

/// One half-life reason for the record, naming the skill that ages it most, unless every
/// skill is refreshed by a newer record.
fn half_life_reasons(
    r: &Credential,
    areas: &Areas,
    age: i64,
    newer: &dyn Fn(&str) -> Option<NaiveDate>,
    reasons: &mut Vec<Reason>,
) {
    let weight: f64 = r.skills.iter().map(|s| s.relevance).sum();
    let (effective, worst) = if weight <= 0.0 {
        (decay(age, areas.default_half_life), None)
    } else {
        let mut sum = 0.0;
        let mut worst: Option<(&str, f64, f64)> = None;
        for s in &r.skills {
            let h = areas.half_life(&s.name);
            let f = if newer(&s.name).is_some() {
                1.0
            } else {
                decay(age, h)
            };
            sum += s.relevance * f;
            if s.relevance > 0.0 && worst.is_none_or(|(_, wf, _)| f < wf) {
                worst = Some((s.name.as_str(), f, h));
            }
        }
        (sum / weight, worst)
    };
    let status = level(effective);
    if status == Freshness::Current {
        return;
    }
    let text = match worst {
        Some((skill, f, h)) => format!(
            "{} old; {} half-life is {}: {} current",
            years_text(age),
            possessive(skill),
            half_life_text(h),
            percent(f)
        ),
        None => format!(
            "{} old; no skills tagged, so the default half-life of {} applies: {} current",
            years_text(age),
            half_life_text(areas.default_half_life),
            percent(effective)
        ),
    };
    reasons.push(Reason {
        kind: ReasonKind::HalfLife,
        status,
        text,
    });
}

/// Longest half-life accepted: beyond a century a skill simply does not age.
pub const MAX_HALF_LIFE: f64 = 100.0;

/// Checks a half-life typed by a person.
pub fn check_half_life(years: f64) -> Result<f64, FieldError> {
    if years.is_finite() && years > 0.0 && years <= MAX_HALF_LIFE {
        Ok(years)
    } else {
        Err(FieldError {
            field: "half_life_years".into(),
            message: format!("{years} must be more than 0 and at most {MAX_HALF_LIFE} years"),
        })
    }
}

impl FieldChange {
    /// Every problem with the event, each naming its field; empty when it is sound.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut errs = Vec::new();
        let mut bad = |f: &str, m: String| {
            errs.push(FieldError {
                field: f.into(),
                message: m,
            })
        };
        if self.title.trim().is_empty() {
            bad("title", "is required".into());
        }
        if !(self.impact.is_finite() && (0.0..=1.0).contains(&self.impact)) {
            bad(
                "impact",
                format!("{} must be a number from 0 to 1", self.impact),
            );
        }
        if self.skills.iter().all(|s| s.trim().is_empty()) {
            bad("skills", "name at least one affected skill".into());
        }
        if let Some(src) = self.source.as_deref().filter(|s| !s.trim().is_empty()) {
            let ok = url::Url::parse(src.trim())
                .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
            if !ok {
                bad(
                    "source",
                    format!("'{src}' is not a web address (https://…)"),
                );
            }
        }
        errs
    }
}
