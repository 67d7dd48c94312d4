//! What needs attention first: the staleness verdicts and the CE cycles in one list, ordered
//! by urgency. The app's dashboard, `dossier flags` and reminders all read this one result.

use crate::model::Credential;
use crate::requirements::{progress, CycleState, Progress, Requirement};
use crate::staleness::{
    assess, Assessment, Explanation, FieldChange, Freshness, Reason, ReasonKind, Settings,
    SkillArea,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the one-click path from an item does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Record new completion and expiry dates.
    Renew,
    /// Log a CE activity or course that covers the item.
    LogActivity,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct AttentionItem {
    /// The credential's id, or the requirement's for a cycle.
    #[ts(type = "number")]
    pub id: i64,
    pub is_cycle: bool,
    pub title: String,
    pub status: Freshness,
    pub reasons: Vec<Reason>,
    pub action: Action,
    /// Skills a new activity should cover: the record's, or a cycle's unmet topics.
    pub skills: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct StatusCounts {
    pub current: u32,
    pub ageing: u32,
    pub stale: u32,
    pub expiring: u32,
    pub expired: u32,
}

/// CE hours completed in a window ending on the as-of date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct CeHours {
    pub months: u32,
    pub hours: f64,
}

/// The windows the dashboard and the PDF report CE hours over.
pub const CE_WINDOWS: [u32; 2] = [12, 24];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Dashboard {
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    pub counts: StatusCounts,
    /// CE hours in the last 12 and 24 months, whatever the requirements.
    pub ce_hours: Vec<CeHours>,
    pub attention: Vec<AttentionItem>,
    pub assessments: Vec<Assessment>,
    pub cycles: Vec<Progress>,
}

fn hours(h: f64) -> String {
    let r = (h * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r}")
    }
}

/// The reason a cycle gives, if it needs attention: overdue, ending within the warning
/// window unfinished, or behind pace.
pub fn cycle_reason(p: &Progress, warning_days: i64) -> Option<Reason> {
    let tally = format!("{} of {} hours", hours(p.counted), hours(p.required));
    let (status, text) = match p.state {
        CycleState::Complete => return None,
        CycleState::Overdue => (
            Freshness::Expired,
            format!(
                "CE cycle '{}' ended on {} with {tally}: {} hours short",
                p.name,
                p.ends,
                hours(p.remaining)
            ),
        ),
        state => {
            let status = if p.days_left <= warning_days {
                Freshness::Expiring
            } else if state == CycleState::Behind {
                Freshness::Ageing
            } else {
                return None;
            };
            let behind = if state == CycleState::Behind {
                format!(
                    ", behind pace ({} expected by now)",
                    hours(p.expected_by_now)
                )
            } else {
                String::new()
            };
            (
                status,
                format!(
                    "CE cycle '{}' ends on {}, in {} days: {tally}{behind}; {} h a month needed",
                    p.name,
                    p.ends,
                    p.days_left,
                    hours(p.pace_per_month)
                ),
            )
        }
    };
    Some(Reason {
        kind: ReasonKind::CycleDeadline,
        status,
        text,
    })
}

/// Each cycle that needs attention, its reason, and the credential it renews (if any).
fn cycle_reasons<'a>(
    requirements: &'a [Requirement],
    cycles: &'a [Progress],
    warning_days: i64,
) -> impl Iterator<Item = (&'a Requirement, &'a Progress, Reason)> {
    requirements
        .iter()
        .zip(cycles)
        .filter_map(move |(req, p)| Some((req, p, cycle_reason(p, warning_days)?)))
}

/// "Why this status?" for one record: the staleness explanation plus the CE-cycle deadlines
/// the dashboard puts on the licence a cycle renews. `None` when no record has this id.
pub fn explain(
    records: &[Credential],
    areas: &[SkillArea],
    changes: &[FieldChange],
    requirements: &[Requirement],
    as_of: NaiveDate,
    settings: &Settings,
    id: i64,
) -> Option<Explanation> {
    let mut e = crate::staleness::explain(records, areas, changes, as_of, settings, id)?;
    let linked: Vec<Requirement> = requirements
        .iter()
        .filter(|r| r.credential == Some(id))
        .cloned()
        .collect();
    let cycles: Vec<Progress> = linked.iter().map(|r| progress(r, records, as_of)).collect();
    for (_, _, reason) in cycle_reasons(&linked, &cycles, settings.warning_days) {
        e.add_reason(reason);
    }
    Some(e)
}

/// Everything the dashboard shows, as of `as_of`.
pub fn build(
    records: &[Credential],
    areas: &[SkillArea],
    changes: &[FieldChange],
    requirements: &[Requirement],
    as_of: NaiveDate,
    settings: &Settings,
) -> Dashboard {
    let mut assessments = assess(records, areas, changes, as_of, settings);
    let cycles: Vec<Progress> = requirements
        .iter()
        .map(|r| progress(r, records, as_of))
        .collect();
    let mut attention = Vec::new();
    for (req, p, reason) in cycle_reasons(requirements, &cycles, settings.warning_days) {
        // The licence the cycle renews carries the deadline too, so its row says why.
        if let Some(a) = assessments
            .iter_mut()
            .find(|a| Some(a.id) == req.credential)
        {
            a.reasons.push(reason.clone());
            a.status = a.status.max(reason.status);
        }
        attention.push(AttentionItem {
            id: p.id,
            is_cycle: true,
            title: p.name.clone(),
            status: reason.status,
            reasons: vec![reason],
            action: Action::LogActivity,
            skills: p
                .topics
                .iter()
                .filter(|t| t.remaining > 0.0)
                .map(|t| t.name.clone())
                .collect(),
        });
    }
    let mut counts = StatusCounts::default();
    for (a, r) in assessments.iter().zip(records) {
        match a.status {
            Freshness::Current => counts.current += 1,
            Freshness::Ageing => counts.ageing += 1,
            Freshness::Stale => counts.stale += 1,
            Freshness::Expiring => counts.expiring += 1,
            Freshness::Expired => counts.expired += 1,
        }
        if a.status >= Freshness::Stale {
            let renewable = r.expires.is_some()
                && a.reasons
                    .iter()
                    .any(|x| matches!(x.kind, ReasonKind::Expired | ReasonKind::Expiring));
            attention.push(AttentionItem {
                id: a.id,
                is_cycle: false,
                title: a.title.clone(),
                status: a.status,
                reasons: a.reasons.clone(),
                action: if renewable {
                    Action::Renew
                } else {
                    Action::LogActivity
                },
                skills: r.skills.iter().map(|s| s.name.clone()).collect(),
            });
        }
    }
    // Most urgent first; ties keep a stable, readable order.
    attention.sort_by(|a, b| b.status.cmp(&a.status).then(a.title.cmp(&b.title)));
    Dashboard {
        as_of,
        counts,
        ce_hours: CE_WINDOWS
            .iter()
            .map(|&months| CeHours {
                months,
                hours: crate::requirements::ce_hours_within(records, as_of, months),
            })
            .collect(),
        attention,
        assessments,
        cycles,
    }
}
