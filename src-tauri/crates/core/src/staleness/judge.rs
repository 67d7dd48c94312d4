//! The verdict on one record: its reasons (what the dashboard shows) and, on request, every
//! step behind them (what "Why this status?" shows). One pass makes both, so an explanation
//! always gives the dashboard's reasons.

use super::context::{Context, Standing};
use super::explain::SkillDetail;
use super::explain::{
    rule_text, ChangeDetail, ChangeRelation, Explanation, RecordRef, RecordState,
};
use super::STALE_BELOW;
use super::{decay, Assessment, Freshness, Reason, ReasonKind, CURRENT_AT, DAYS_PER_YEAR};
use crate::model::Credential;
use crate::numbers::percent;
use chrono::NaiveDate;

/// A change invalidating at least this share of a record is a reason; half of it, stale.
pub const REASON_SHARE: f64 = 0.25;
pub const STALE_SHARE: f64 = 0.5;

/// What an explanation adds to an assessment.
pub(crate) struct Detail {
    state: RecordState,
    age_days: Option<i64>,
    effective: Option<f64>,
    basis: String,
    skills: Vec<SkillDetail>,
    changes: Vec<ChangeDetail>,
}

impl Detail {
    pub fn into_explanation(self, assessment: Assessment, as_of: NaiveDate) -> Explanation {
        Explanation {
            rule: rule_text(assessment.status, &assessment.reasons),
            assessment,
            as_of,
            state: self.state,
            age_days: self.age_days,
            effective_freshness: self.effective,
            basis: self.basis,
            skills: self.skills,
            changes: self.changes,
        }
    }
}

pub(crate) fn years_text(days: i64) -> String {
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

fn level(f: f64) -> Freshness {
    if f >= CURRENT_AT {
        Freshness::Current
    } else if f >= STALE_BELOW {
        Freshness::Ageing
    } else {
        Freshness::Stale
    }
}

fn record_ref(ctx: &Context, j: usize) -> RecordRef {
    let r = &ctx.records[j];
    RecordRef {
        id: r.id,
        title: r.title.clone(),
        when: match ctx.standing[j] {
            Standing::Practice => "ongoing".into(),
            _ => r.completed.map(|d| d.to_string()).unwrap_or_default(),
        },
    }
}

fn expiry_reason(r: &Credential, as_of: NaiveDate, warning_days: i64) -> Option<Reason> {
    let exp = r.expires?;
    let days = (exp.latest() - as_of).num_days();
    if days < 0 {
        Some(Reason {
            kind: ReasonKind::Expired,
            status: Freshness::Expired,
            text: format!("Expired on {exp} ({} ago)", years_text(-days)),
        })
    } else if days <= warning_days {
        Some(Reason {
            kind: ReasonKind::Expiring,
            status: Freshness::Expiring,
            text: format!(
                "Expires on {exp}, in {days} day{}",
                if days == 1 { "" } else { "s" }
            ),
        })
    } else {
        None
    }
}

/// The verdict on record `i`, with its detail when `detail` is set.
pub(crate) fn judge(ctx: &Context, i: usize, detail: bool) -> (Assessment, Option<Detail>) {
    let r = &ctx.records[i];
    let tags = &ctx.tags[i];
    let mut reasons: Vec<Reason> = expiry_reason(r, ctx.as_of, ctx.settings.warning_days)
        .into_iter()
        .collect();
    let mut freshness = 1.0;
    let mut out = detail.then(|| Detail {
        state: RecordState::InProgress,
        age_days: None,
        effective: None,
        basis: String::new(),
        skills: Vec::new(),
        changes: Vec::new(),
    });
    match ctx.standing[i] {
        Standing::Done(done) => {
            let age = (ctx.as_of - done).num_days();
            freshness = own_freshness(ctx, tags, age);
            let (effective, reason) = half_life(ctx, i, age, done, out.as_mut());
            reasons.extend(reason);
            field_changes(ctx, i, &mut reasons, out.as_mut());
            if let Some(d) = out.as_mut() {
                d.state = RecordState::Completed;
                d.age_days = Some(age);
                d.effective = Some(effective);
                d.basis = format!(
                    "Completed {}, {} before {}; with refreshed skills counted as fresh it is \
                     {} current (current from {}, ageing from {}, stale below).",
                    r.completed.map(|c| c.to_string()).unwrap_or_default(),
                    years_text(age),
                    ctx.as_of,
                    percent(effective),
                    percent(CURRENT_AT),
                    percent(STALE_BELOW),
                );
            }
        }
        standing => {
            if let Some(d) = out.as_mut() {
                let (state, basis) = match standing {
                    Standing::Practice => (
                        RecordState::Practice,
                        "Ongoing practice: current on the as-of date, and it keeps its skills \
                         current in older records; only its expiry is checked.",
                    ),
                    _ if r.status == crate::model::Status::InProgress || r.completed.is_none() => (
                        RecordState::InProgress,
                        "In progress: not aged; only its expiry is checked.",
                    ),
                    _ => (
                        RecordState::NotYet,
                        "Not yet completed on this date: not aged, and it refreshes nothing.",
                    ),
                };
                d.state = state;
                d.basis = basis.into();
                d.skills = r
                    .skills
                    .iter()
                    .zip(tags)
                    .map(|(s, &(id, _))| SkillDetail {
                        name: s.name.clone(),
                        relevance: s.relevance,
                        half_life_years: ctx.half_life[id],
                        default_half_life: !ctx.has_area[id],
                        freshness: 1.0,
                        refreshed_by: None,
                    })
                    .collect();
                field_changes(ctx, i, &mut reasons, Some(d));
            }
        }
    }
    let status = reasons
        .iter()
        .map(|r| r.status)
        .max()
        .unwrap_or(Freshness::Current);
    let assessment = Assessment {
        id: r.id,
        title: r.title.clone(),
        status,
        freshness,
        reasons,
    };
    (assessment, out)
}

/// The record's own freshness: relevance-weighted over its skills.
fn own_freshness(ctx: &Context, tags: &[(usize, f64)], age: i64) -> f64 {
    let weight: f64 = tags.iter().map(|t| t.1).sum();
    if weight <= 0.0 {
        return decay(age, ctx.settings.default_half_life);
    }
    tags.iter()
        .map(|&(id, rel)| rel * decay(age, ctx.half_life[id]))
        .sum::<f64>()
        / weight
}

/// The effective freshness (refreshed skills counting as fresh) and the half-life reason,
/// naming the skill that ages the record most, unless the record is still current.
fn half_life(
    ctx: &Context,
    i: usize,
    age: i64,
    done: NaiveDate,
    mut detail: Option<&mut Detail>,
) -> (f64, Option<Reason>) {
    let r = &ctx.records[i];
    let tags = &ctx.tags[i];
    let weight: f64 = tags.iter().map(|t| t.1).sum();
    let default = ctx.settings.default_half_life;
    let mut sum = 0.0;
    let mut worst: Option<(usize, f64)> = None;
    for (k, &(id, rel)) in tags.iter().enumerate() {
        let own = decay(age, ctx.half_life[id]);
        let by = ctx.refreshed[id]
            .filter(|&(d, j)| j != i && (d > done || ctx.standing[j] == Standing::Practice));
        let f = if by.is_some() { 1.0 } else { own };
        sum += rel * f;
        if rel > 0.0 && worst.is_none_or(|(_, wf)| f < wf) {
            worst = Some((k, f));
        }
        if let Some(d) = detail.as_deref_mut() {
            d.skills.push(SkillDetail {
                name: r.skills[k].name.clone(),
                relevance: rel,
                half_life_years: ctx.half_life[id],
                default_half_life: !ctx.has_area[id],
                freshness: own,
                refreshed_by: by.map(|(_, j)| record_ref(ctx, j)),
            });
        }
    }
    let effective = if weight <= 0.0 {
        worst = None;
        decay(age, default)
    } else {
        sum / weight
    };
    let status = level(effective);
    if status == Freshness::Current {
        return (effective, None);
    }
    let text = match worst {
        Some((k, f)) => format!(
            "{} old; {} half-life is {}: {} current",
            years_text(age),
            possessive(&r.skills[k].name),
            half_life_text(ctx.half_life[tags[k].0]),
            percent(f)
        ),
        None => format!(
            "{} old; no skills tagged, so the default half-life of {} applies: {} current",
            years_text(age),
            half_life_text(default),
            percent(effective)
        ),
    };
    let reason = Reason {
        kind: ReasonKind::HalfLife,
        status,
        text,
    };
    (effective, Some(reason))
}

/// Field-change reasons for record `i`, and with `detail`, how it stands to every change
/// that names one of its skills.
fn field_changes(
    ctx: &Context,
    i: usize,
    reasons: &mut Vec<Reason>,
    mut detail: Option<&mut Detail>,
) {
    let r = &ctx.records[i];
    let tags = &ctx.tags[i];
    let judged = matches!(ctx.standing[i], Standing::Done(_));
    let practice = ctx.standing[i] == Standing::Practice;
    for c in &ctx.events {
        let named: Vec<usize> = (0..tags.len())
            .filter(|&k| c.skills.contains(&tags[k].0))
            .collect();
        if named.is_empty() {
            continue;
        }
        let predates = judged && r.completed.is_some_and(|d| c.event.predated_by(d));
        // Only a change that concerns the person and that the record predates can be a reason;
        // the rest matter only to an explanation.
        if detail.is_none() && !(c.concerns && predates) {
            continue;
        }
        // Of the named skills, those no record since the announcement covers.
        let open: Vec<usize> = named
            .iter()
            .copied()
            .filter(|&k| ctx.covered[tags[k].0].is_none_or(|(d, _)| d < c.event.announced))
            .collect();
        let share_of = |ks: &[usize]| ks.iter().map(|&k| tags[k].1).fold(0.0, f64::max);
        let share = share_of(&open) * c.event.impact;
        let names = |ks: &[usize]| {
            ks.iter()
                .map(|&k| r.skills[k].name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let dates = || c.event.dates_text(ctx.as_of);
        let is_reason = c.concerns && predates && !open.is_empty() && share >= REASON_SHARE;
        if is_reason {
            reasons.push(Reason {
                kind: ReasonKind::FieldChange,
                status: if share >= STALE_SHARE {
                    Freshness::Stale
                } else {
                    Freshness::Ageing
                },
                text: format!(
                    "Predates '{}' ({}), which affects {}",
                    c.event.title,
                    dates(),
                    names(&open)
                ),
            });
        }
        let Some(d) = detail.as_deref_mut() else {
            continue;
        };
        let dates = dates();
        let full_share = share_of(&named) * c.event.impact;
        let covered_by = named
            .iter()
            .filter_map(|&k| ctx.covered[tags[k].0])
            .filter(|&(day, j)| j != i && day >= c.event.announced)
            .max_by_key(|&(day, _)| day)
            .map(|(_, j)| record_ref(ctx, j));
        let (relation, text) = if !judged && !practice {
            (
                ChangeRelation::NotJudged,
                "Not judged against field changes: the record is not completed on this date."
                    .to_string(),
            )
        } else if !c.concerns {
            (
                ChangeRelation::Outside,
                format!(
                    "Applies in {}, where your profile does not practise: information only ({dates}).",
                    c.event.jurisdiction.as_deref().unwrap_or_default()
                ),
            )
        } else if !predates {
            (
                ChangeRelation::Covers,
                if practice {
                    format!("Ongoing practice keeps up with it ({dates}).")
                } else {
                    format!("Completed on or after its announcement, so it covers it ({dates}).")
                },
            )
        } else if open.is_empty() {
            let by = covered_by
                .as_ref()
                .map(|b| format!("'{}' ({})", b.title, b.when))
                .unwrap_or_default();
            (
                ChangeRelation::CoveredLater,
                format!(
                    "Predates it ({dates}), but {by} covers {} since.",
                    names(&named)
                ),
            )
        } else if is_reason {
            (
                ChangeRelation::Predates,
                format!(
                    "Predates it ({dates}): impact {} × relevance {} = {} of the record is out of \
                     date (a reason from {}, stale from {}).",
                    c.event.impact,
                    share_of(&open),
                    percent(share),
                    percent(REASON_SHARE),
                    percent(STALE_SHARE)
                ),
            )
        } else {
            (
                ChangeRelation::Minor,
                format!(
                    "Predates it ({dates}), but only {} of the record concerns it (a reason from {}).",
                    percent(share),
                    percent(REASON_SHARE)
                ),
            )
        };
        d.changes.push(ChangeDetail {
            id: c.event.id,
            title: c.event.title.clone(),
            announced: c.event.announced,
            jurisdiction: c.event.jurisdiction.clone(),
            skills: named.iter().map(|&k| r.skills[k].name.clone()).collect(),
            share: (full_share * 1000.0).round() / 1000.0,
            relation,
            label: relation.label().to_string(),
            covered_by,
            text,
        });
    }
}
