//! "Why this status?": a verdict with every step behind it, for `dossier explain`, the app's
//! detail panel and anyone checking a flag. Built by the same pass that gives the dashboard
//! its reasons (`judge`), so the two cannot disagree.

use super::{Assessment, Freshness, Reason, ReasonKind};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a record stands on the as-of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RecordState {
    /// Completed by the as-of date: aged and checked against field changes.
    Completed,
    /// Experience in progress: current practice, which keeps its skills current.
    Practice,
    /// In progress (a degree under way) or completed without a date: not aged.
    InProgress,
    /// Begun or completed after the as-of date: it had not happened yet.
    NotYet,
}

/// Another record named in an explanation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct RecordRef {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    /// Its completion date as typed, or "ongoing" for current practice.
    pub when: String,
}

/// One skill of the record and how it ages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct SkillDetail {
    pub name: String,
    pub relevance: f64,
    pub half_life_years: f64,
    /// No skill area names it, so the default half-life applies.
    pub default_half_life: bool,
    /// `2^(-age / half-life)` for this record (1 when not aged).
    pub freshness: f64,
    /// A newer record, or ongoing practice, that keeps this skill current.
    pub refreshed_by: Option<RecordRef>,
}

/// How the record relates to a field change that names one of its skills.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeRelation {
    /// Completed on or after the announcement (or ongoing practice): it can teach the change.
    Covers,
    /// Completed before the announcement, and nothing newer covers it: a reason.
    Predates,
    /// Completed before, but a newer record carrying the skill covers it.
    CoveredLater,
    /// Completed before, but the share it invalidates is below a quarter: no reason.
    Minor,
    /// The change applies in a jurisdiction the person does not practise in: information.
    Outside,
    /// The record is not judged (in progress, or not yet done on the as-of date).
    NotJudged,
}

impl ChangeRelation {
    /// The short word shown beside a change, in the CLI and the app.
    pub fn label(self) -> &'static str {
        match self {
            Self::Covers => "covers",
            Self::Predates => "predates",
            Self::CoveredLater => "covered later",
            Self::Minor => "minor",
            Self::Outside => "elsewhere",
            Self::NotJudged => "not judged",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ChangeDetail {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    #[ts(type = "string")]
    pub announced: NaiveDate,
    pub jurisdiction: Option<String>,
    /// The record's skills the change names.
    pub skills: Vec<String>,
    /// Impact times the record's highest relevance to those skills.
    pub share: f64,
    pub relation: ChangeRelation,
    /// `relation` as the short word shown beside the change.
    pub label: String,
    pub covered_by: Option<RecordRef>,
    pub text: String,
}

/// The verdict on one record and everything behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Explanation {
    /// Exactly what the dashboard shows for the record.
    pub assessment: Assessment,
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    pub state: RecordState,
    #[ts(type = "number | null")]
    pub age_days: Option<i64>,
    /// Freshness with refreshed skills counted as fresh; the half-life rule reads this.
    pub effective_freshness: Option<f64>,
    /// Where the record stands and how it was aged, in words.
    pub basis: String,
    /// The rule that set the status, in words.
    pub rule: String,
    pub skills: Vec<SkillDetail>,
    pub changes: Vec<ChangeDetail>,
}

fn kind_label(k: ReasonKind) -> &'static str {
    match k {
        ReasonKind::Expired => "expired",
        ReasonKind::Expiring => "expiring",
        ReasonKind::HalfLife => "half-life",
        ReasonKind::FieldChange => "field change",
        ReasonKind::CycleDeadline => "CE cycle",
    }
}

/// "Stale: the worst its reasons give (half-life: stale; field change: ageing)."
pub(crate) fn rule_text(status: Freshness, reasons: &[Reason]) -> String {
    if reasons.is_empty() {
        return "Current: no rule gives a reason (expiry, half-life, field changes, CE cycles)."
            .into();
    }
    let parts: Vec<String> = reasons
        .iter()
        .map(|r| format!("{}: {}", kind_label(r.kind), r.status.as_str()))
        .collect();
    let word = status.as_str();
    let mut cap = word.chars();
    let head = cap
        .next()
        .map(|c| c.to_uppercase().chain(cap).collect::<String>())
        .unwrap_or_default();
    format!("{head}: the worst its reasons give ({}).", parts.join("; "))
}

impl Explanation {
    /// Adds a reason from outside the record itself (a CE cycle it renews), as the dashboard
    /// does, keeping status and rule in step.
    pub fn add_reason(&mut self, reason: Reason) {
        self.assessment.status = self.assessment.status.max(reason.status);
        self.assessment.reasons.push(reason);
        self.rule = rule_text(self.assessment.status, &self.assessment.reasons);
    }
}
