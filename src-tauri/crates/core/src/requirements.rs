//! Continuing-education requirement cycles, as licensing boards define them, and where a
//! person stands on each. Pure: the same records and as-of date give the same progress.
//!
//! Rules (documented in the README, "CE requirements"):
//! - The cycle is the `cycle_months` months ending on `ends` (inclusive). An activity counts
//!   only if it is completed, carries hours, and every day its date can mean lies inside the
//!   cycle and not after the as-of date (a "2025-03" activity does not count in a cycle
//!   starting 2025-03-15: a board would not count it either).
//! - A credit-type filter keeps only activities whose credit type contains it (ignoring case),
//!   so "AMA PRA Category 1" matches "AMA PRA Category 1 Credit™".
//! - Caps limit the hours counted from matching activities (e.g. at most 10 hours of home
//!   study), taken in date order.
//! - Topic minimums count the (capped) hours of activities tagged with that skill. A topic
//!   counts inside the total unless it is marked `on_top`, in which case its hours are added to
//!   what the cycle requires. A `first_cycle_only` topic applies only when `first_cycle` is set.
//! - Rolling windows ("16 hours in the last 36 months") count from `ends` backwards.
//! - Pace: the hours still needed divided by the months left; behind pace when the hours
//!   counted are below the share of the cycle already elapsed.

use crate::draft::FieldError;
use crate::model::{Credential, CredentialKind, Status};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const DAYS_PER_MONTH: f64 = 30.436_875;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Topic {
    /// A skill name; activities tagged with it count.
    pub skill: String,
    pub hours: f64,
    /// Required on top of the total instead of inside it.
    pub on_top: bool,
    pub first_cycle_only: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Cap {
    pub label: String,
    pub max_hours: f64,
    /// Which activities the cap limits; every given condition must hold.
    pub kind: Option<CredentialKind>,
    pub credit_type: Option<String>,
    pub skill: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RollingWindow {
    pub months: u32,
    pub hours: f64,
}

/// What a board asks of one licence or certification per cycle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Requirement {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// Last day of the current cycle (the renewal date).
    #[ts(type = "string")]
    pub ends: NaiveDate,
    pub cycle_months: u32,
    pub hours: f64,
    pub credit_type: Option<String>,
    pub topics: Vec<Topic>,
    pub caps: Vec<Cap>,
    pub windows: Vec<RollingWindow>,
    /// This is the first cycle after licensure (first-cycle-only topics apply).
    pub first_cycle: bool,
    /// The credential this requirement renews, if recorded.
    #[ts(type = "number | null")]
    pub credential: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PartProgress {
    pub name: String,
    pub required: f64,
    pub counted: f64,
    pub remaining: f64,
}

/// One activity and what it counted for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct CountedActivity {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub date: String,
    pub hours: f64,
    /// Hours counted after caps.
    pub counted: f64,
    /// The topics and caps it counted under, and why hours were left out.
    pub notes: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum CycleState {
    Complete,
    OnTrack,
    Behind,
    Overdue,
}

impl CycleState {
    /// The state as a person reads it, in the CLI and the PDF.
    pub fn label(self) -> &'static str {
        match self {
            Self::Complete => "complete",
            Self::OnTrack => "on track",
            Self::Behind => "behind",
            Self::Overdue => "overdue",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Progress {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    #[ts(type = "string")]
    pub starts: NaiveDate,
    #[ts(type = "string")]
    pub ends: NaiveDate,
    /// The total plus any on-top topics.
    pub required: f64,
    pub counted: f64,
    pub remaining: f64,
    #[ts(type = "number")]
    pub days_left: i64,
    /// Hours a month needed to finish on time (0 when done or overdue).
    pub pace_per_month: f64,
    /// Hours the elapsed share of the cycle asks for by now.
    pub expected_by_now: f64,
    pub state: CycleState,
    pub topics: Vec<PartProgress>,
    pub windows: Vec<PartProgress>,
    pub caps: Vec<PartProgress>,
    pub activities: Vec<CountedActivity>,
}

fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Rounds to hundredths; `+ 0.0` turns the -0.0 of an empty float sum into 0.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}

/// First day of the cycle ending on `ends`.
pub fn cycle_start(ends: NaiveDate, months: u32) -> NaiveDate {
    ends.checked_sub_months(Months::new(months))
        .and_then(|d| d.succ_opt())
        .unwrap_or(NaiveDate::MIN)
}

/// Case-insensitive equality without allocating in the common ASCII case: requirement
/// progress compares every activity's skills and credit type against every rule.
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

fn contains_ci(hay: &str, needle: &str) -> bool {
    if hay.is_ascii() && needle.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
    } else {
        key(hay).contains(&key(needle))
    }
}

fn credit_matches(filter: &Option<String>, credit: &Option<String>) -> bool {
    match filter.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        None => true,
        Some(f) => credit.as_deref().is_some_and(|c| contains_ci(c, f)),
    }
}

fn has_skill(r: &Credential, skill: &str) -> bool {
    r.skills.iter().any(|s| same(&s.name, skill))
}

fn cap_matches(cap: &Cap, r: &Credential) -> bool {
    cap.kind.is_none_or(|k| k == r.kind)
        && (cap.credit_type.is_none() || credit_matches(&cap.credit_type, &r.credit_type))
        && cap.skill.as_deref().is_none_or(|s| has_skill(r, s))
}

/// Hours of CE activities completed in the `months` months up to `as_of`: every day the
/// completion date can mean lies inside the window, as for a cycle. What a board's "hours in
/// the last two years" asks, with no requirement set.
pub fn ce_hours_within(records: &[Credential], as_of: NaiveDate, months: u32) -> f64 {
    let starts = cycle_start(as_of, months);
    round2(
        records
            .iter()
            .filter(|r| r.kind == crate::CredentialKind::CeActivity)
            .filter(|r| r.status == Status::Completed)
            .filter_map(|r| Some((r.completed?, r.hours.filter(|h| *h > 0.0)?)))
            .filter(|(d, _)| d.earliest() >= starts && d.latest() <= as_of)
            .map(|(_, h)| h)
            .sum(),
    )
}

/// Where the person stands on `req` as of `as_of`.
pub fn progress(req: &Requirement, records: &[Credential], as_of: NaiveDate) -> Progress {
    let starts = cycle_start(req.ends, req.cycle_months);
    let mut eligible: Vec<(&Credential, NaiveDate, f64)> = records
        .iter()
        .filter(|r| r.status == Status::Completed)
        .filter_map(|r| Some((r, r.completed?, r.hours.filter(|h| *h > 0.0)?)))
        .filter(|(r, d, _)| {
            d.earliest() >= starts
                && d.latest() <= req.ends
                && d.latest() <= as_of
                && credit_matches(&req.credit_type, &r.credit_type)
        })
        .map(|(r, d, h)| (r, d.earliest(), h))
        .collect();
    eligible.sort_by_key(|(r, d, _)| (*d, r.id));

    let mut cap_used = vec![0.0_f64; req.caps.len()];
    let mut activities = Vec::with_capacity(eligible.len());
    for (r, d, hours) in &eligible {
        let mut counted = *hours;
        let mut notes = Vec::new();
        for (i, cap) in req
            .caps
            .iter()
            .enumerate()
            .filter(|(_, c)| cap_matches(c, r))
        {
            let room = (cap.max_hours - cap_used[i]).max(0.0);
            if counted > room {
                notes.push(format!(
                    "{} h over the cap '{}'",
                    round2(counted - room),
                    cap.label
                ));
                counted = room;
            }
        }
        for (i, cap) in req
            .caps
            .iter()
            .enumerate()
            .filter(|(_, c)| cap_matches(c, r))
        {
            cap_used[i] += counted;
            notes.push(format!("counts under the cap '{}'", cap.label));
        }
        for t in req.topics.iter().filter(|t| has_skill(r, &t.skill)) {
            notes.push(format!("counts toward the topic '{}'", t.skill));
        }
        activities.push(CountedActivity {
            id: r.id,
            title: r.title.clone(),
            date: r
                .completed
                .map(|c| c.to_string())
                .unwrap_or_else(|| d.to_string()),
            hours: *hours,
            counted: round2(counted),
            notes,
        });
    }

    let counted_total: f64 = activities.iter().map(|a| a.counted).sum();
    let active_topics: Vec<&Topic> = req
        .topics
        .iter()
        .filter(|t| req.first_cycle || !t.first_cycle_only)
        .collect();
    let required = req.hours
        + active_topics
            .iter()
            .filter(|t| t.on_top)
            .map(|t| t.hours)
            .sum::<f64>();
    let part = |name: String, required: f64, counted: f64| PartProgress {
        name,
        required,
        counted: round2(counted),
        remaining: round2((required - counted).max(0.0)),
    };
    let topics: Vec<PartProgress> = active_topics
        .iter()
        .map(|t| {
            let c: f64 = eligible
                .iter()
                .zip(&activities)
                .filter(|((r, _, _), _)| has_skill(r, &t.skill))
                .map(|(_, a)| a.counted)
                .sum();
            part(t.skill.clone(), t.hours, c)
        })
        .collect();
    let windows: Vec<PartProgress> = req
        .windows
        .iter()
        .map(|w| {
            let from = cycle_start(req.ends, w.months);
            let c: f64 = eligible
                .iter()
                .zip(&activities)
                .filter(|((_, d, _), _)| *d >= from)
                .map(|(_, a)| a.counted)
                .sum();
            part(format!("last {} months", w.months), w.hours, c)
        })
        .collect();
    let caps = req
        .caps
        .iter()
        .zip(&cap_used)
        .map(|(c, used)| part(c.label.clone(), c.max_hours, *used))
        .collect();

    let remaining = round2((required - counted_total).max(0.0));
    let parts_left = topics.iter().chain(&windows).any(|p| p.remaining > 0.0);
    let days_left = (req.ends - as_of).num_days();
    let cycle_days = (req.ends - starts).num_days().max(1) as f64;
    let elapsed = ((as_of - starts).num_days() as f64).clamp(0.0, cycle_days);
    let expected_by_now = round2(required * elapsed / cycle_days);
    let done = remaining <= 0.0 && !parts_left;
    let still = topics
        .iter()
        .chain(&windows)
        .map(|p| p.remaining)
        .fold(remaining, f64::max);
    let state = if done {
        CycleState::Complete
    } else if days_left < 0 {
        CycleState::Overdue
    } else if counted_total + 1e-9 < expected_by_now {
        CycleState::Behind
    } else {
        CycleState::OnTrack
    };
    let pace_per_month = match state {
        CycleState::Complete => 0.0,
        // Past the end there are no months left to spread hours over; `remaining` says it.
        CycleState::Overdue => 0.0,
        _ => round2(still / (days_left.max(1) as f64 / DAYS_PER_MONTH).max(1.0 / DAYS_PER_MONTH)),
    };
    Progress {
        id: req.id,
        name: req.name.clone(),
        starts,
        ends: req.ends,
        required,
        counted: round2(counted_total),
        remaining,
        days_left,
        pace_per_month,
        expected_by_now,
        state,
        topics,
        windows,
        caps,
        activities,
    }
}

fn hours_ok(h: f64) -> bool {
    h.is_finite() && (0.0..=10_000.0).contains(&h)
}

impl Requirement {
    /// Every problem with the rule set, each naming its field; empty when it is sound.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut errs = Vec::new();
        if self.name.trim().is_empty() {
            errs.push(FieldError::new("name", "is required"));
        }
        if !(1..=120).contains(&self.cycle_months) {
            errs.push(FieldError::new(
                "cycle_months",
                format!("must be 1 to 120 months (got {})", self.cycle_months),
            ));
        }
        if !hours_ok(self.hours) {
            errs.push(FieldError::new(
                "hours",
                format!(
                    "must be a number of hours from 0 to 10000 (got {})",
                    self.hours
                ),
            ));
        }
        for (i, t) in self.topics.iter().enumerate() {
            if t.skill.trim().is_empty() {
                errs.push(FieldError::at("topics", i, "skill", "is required"));
            }
            if !hours_ok(t.hours) || t.hours == 0.0 {
                errs.push(FieldError::at(
                    "topics",
                    i,
                    "hours",
                    format!("must be more than 0 hours (got {})", t.hours),
                ));
            }
        }
        let inside: f64 = self
            .topics
            .iter()
            .filter(|t| !t.on_top)
            .map(|t| t.hours)
            .sum();
        if hours_ok(self.hours) && inside > self.hours + 1e-9 {
            errs.push(FieldError::new(
                "topics",
                format!(
                    "topic minimums ({inside} h) exceed the total ({} h)",
                    self.hours
                ),
            ));
        }
        for (i, c) in self.caps.iter().enumerate() {
            if c.label.trim().is_empty() {
                errs.push(FieldError::at("caps", i, "label", "is required"));
            }
            if !hours_ok(c.max_hours) {
                errs.push(FieldError::at(
                    "caps",
                    i,
                    "max_hours",
                    format!("{} is not valid", c.max_hours),
                ));
            }
        }
        for (i, w) in self.windows.iter().enumerate() {
            if !(1..=240).contains(&w.months) {
                errs.push(FieldError::at(
                    "windows",
                    i,
                    "months",
                    format!("must be 1 to 240 months (got {})", w.months),
                ));
            }
            if !hours_ok(w.hours) {
                errs.push(FieldError::at(
                    "windows",
                    i,
                    "hours",
                    format!("{} is not valid", w.hours),
                ));
            }
        }
        errs
    }
}
