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

/// Skill names interned to small ids (case-insensitive), so the per-record work compares
/// integers instead of allocating lower-cased strings: 10,000 records are judged in a few
/// milliseconds.
struct Skills {
    ids: HashMap<String, usize>,
    half_life: Vec<f64>,
    /// The newest completion date of a completed record carrying the skill.
    newest: Vec<Option<NaiveDate>>,
}

impl Skills {
    fn id(&mut self, name: &str, default_half_life: f64) -> usize {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let k = key(name);
        let id = match self.ids.get(&k) {
            Some(&id) => id,
            None => {
                self.half_life.push(default_half_life);
                self.newest.push(None);
                self.half_life.len() - 1
            }
        };
        self.ids.insert(k, id);
        self.ids.insert(name.to_string(), id);
        id
    }
}

/// A field change with its skills as ids.
struct Change<'a> {
    event: &'a FieldChange,
    skills: Vec<usize>,
}

/// The verdict on every record, in the order given.
pub fn assess(
    records: &[Credential],
    areas: &[SkillArea],
    changes: &[FieldChange],
    as_of: NaiveDate,
    settings: &Settings,
) -> Vec<Assessment> {
    let default = settings.default_half_life;
    let mut skills = Skills {
        ids: HashMap::new(),
        half_life: Vec::new(),
        newest: Vec::new(),
    };
    for a in areas {
        let id = skills.id(&a.name, default);
        skills.half_life[id] = a.half_life_years;
    }
    let tagged: Vec<Vec<(usize, f64)>> = records
        .iter()
        .map(|r| {
            r.skills
                .iter()
                .map(|s| (skills.id(&s.name, default), s.relevance))
                .collect()
        })
        .collect();
    for (r, tags) in records.iter().zip(&tagged) {
        let Some(done) = r.completed.filter(|_| r.status == Status::Completed) else {
            continue;
        };
        for &(id, _) in tags {
            let newest = &mut skills.newest[id];
            *newest = Some(newest.map_or(done.earliest(), |n| n.max(done.earliest())));
        }
    }
    let mut events: Vec<Change> = changes
        .iter()
        .filter(|c| c.date <= as_of)
        .map(|c| Change {
            event: c,
            skills: c.skills.iter().map(|s| skills.id(s, default)).collect(),
        })
        .collect();
    events.sort_by_key(|c| (c.event.date, c.event.id));
    records
        .iter()
        .zip(&tagged)
        .map(|(r, tags)| assess_one(r, tags, &skills, &events, as_of, settings))
        .collect()
}

fn assess_one(
    r: &Credential,
    tags: &[(usize, f64)],
    skills: &Skills,
    events: &[Change],
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
        freshness = own_freshness(tags, skills, age, settings.default_half_life);
        if let Some(reason) = half_life_reason(r, tags, skills, age, done, settings) {
            reasons.push(reason);
        }
        for c in events.iter().filter(|c| done < c.event.date) {
            // Skills of the record the event affects and no record since the event covers.
            let hit: Vec<usize> = (0..tags.len())
                .filter(|&i| c.skills.contains(&tags[i].0))
                .filter(|&i| skills.newest[tags[i].0].is_none_or(|d| d < c.event.date))
                .collect();
            let share = hit.iter().map(|&i| tags[i].1).fold(0.0, f64::max) * c.event.impact;
            if share >= 0.25 {
                let names: Vec<&str> = hit.iter().map(|&i| r.skills[i].name.as_str()).collect();
                reasons.push(Reason {
                    kind: ReasonKind::FieldChange,
                    status: if share >= 0.5 {
                        Freshness::Stale
                    } else {
                        Freshness::Ageing
                    },
                    text: format!(
                        "Predates '{}' ({}), which affects {}",
                        c.event.title,
                        c.event.date,
                        names.join(", ")
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
fn own_freshness(tags: &[(usize, f64)], skills: &Skills, age: i64, default: f64) -> f64 {
    let weight: f64 = tags.iter().map(|t| t.1).sum();
    if weight <= 0.0 {
        return decay(age, default);
    }
    tags.iter()
        .map(|&(id, rel)| rel * decay(age, skills.half_life[id]))
        .sum::<f64>()
        / weight
}

/// The half-life reason, naming the skill that ages the record most, unless its effective
/// freshness (refreshed skills counting as fresh) is still current.
fn half_life_reason(
    r: &Credential,
    tags: &[(usize, f64)],
    skills: &Skills,
    age: i64,
    done: NaiveDate,
    settings: &Settings,
) -> Option<Reason> {
    let weight: f64 = tags.iter().map(|t| t.1).sum();
    let (effective, worst) = if weight <= 0.0 {
        (decay(age, settings.default_half_life), None)
    } else {
        let mut sum = 0.0;
        let mut worst: Option<(usize, f64)> = None;
        for (i, &(id, rel)) in tags.iter().enumerate() {
            let refreshed = skills.newest[id].is_some_and(|d| d > done);
            let f = if refreshed {
                1.0
            } else {
                decay(age, skills.half_life[id])
            };
            sum += rel * f;
            if rel > 0.0 && worst.is_none_or(|(_, wf)| f < wf) {
                worst = Some((i, f));
            }
        }
        (sum / weight, worst)
    };
    let status = level(effective);
    if status == Freshness::Current {
        return None;
    }
    let text = match worst {
        Some((i, f)) => format!(
            "{} old; {} half-life is {}: {} current",
            years_text(age),
            possessive(&r.skills[i].name),
            half_life_text(skills.half_life[tags[i].0]),
            percent(f)
        ),
        None => format!(
            "{} old; no skills tagged, so the default half-life of {} applies: {} current",
            years_text(age),
            half_life_text(settings.default_half_life),
            percent(effective)
        ),
    };
    Some(Reason {
        kind: ReasonKind::HalfLife,
        status,
        text,
    })
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
            message: format!("must be more than 0 and at most {MAX_HALF_LIFE} years (got {years})"),
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
                format!("must be a number from 0 to 1 (got {})", self.impact),
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
