//! Skills coverage against a framework: what the person earned, and what is still current.
//!
//! The formula (also in the README, "Skills coverage"):
//! - A record's contribution to a framework skill it carries (by name or alias, ignoring
//!   case) is `kind weight × relevance × size`. Kind weights: degree 1.0; graduate
//!   certificate and board certification 0.8; certification and experience 0.7; executive
//!   education 0.5; micro-credential 0.3; CE activity 0.25. Size is 1, or `min(1, hours / 20)`
//!   (at least 0.1) for a record with hours. A degree or course in progress counts half;
//!   ongoing practice (experience in progress) counts in full, and as current. A record not
//!   yet begun or completed on the as-of date counts nothing.
//! - **Earned** for a skill combines its records as independent evidence:
//!   `1 − Π (1 − contribution)`. It grows with every record, never passes 1, and a record
//!   counts once per skill (its best tag, if two tags map to one skill).
//! - **Current** is the same with each contribution multiplied by the record's freshness for
//!   that skill: `2^(−age / half-life)`, times `1 − impact` of the strongest field change
//!   (announced by the as-of date, in the person's jurisdictions) it predates and no record
//!   completed since the announcement, nor ongoing practice, has covered; 0 once the record
//!   has expired.
//! - A domain's earned and current are the weighted means of its skills'.

use crate::framework::{Framework, Node};
use crate::model::{Credential, CredentialKind, Status};
use crate::staleness::{decay, standing, FieldChange, Standing};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

pub fn kind_weight(kind: CredentialKind) -> f64 {
    match kind {
        CredentialKind::Degree => 1.0,
        CredentialKind::GraduateCertificate | CredentialKind::BoardCertification => 0.8,
        CredentialKind::Certification | CredentialKind::Experience => 0.7,
        CredentialKind::ExecutiveEducation => 0.5,
        CredentialKind::MicroCredential => 0.3,
        CredentialKind::CeActivity => 0.25,
    }
}

/// How much of a "full" credential a record is, by its hours.
pub fn size(hours: Option<f64>) -> f64 {
    hours.map_or(1.0, |h| (h / 20.0).clamp(0.1, 1.0))
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct RecordShare {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    /// Contribution to earned (0..1).
    pub earned: f64,
    /// Contribution to current (0..1).
    pub current: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct SkillCoverage {
    pub id: String,
    pub name: String,
    pub half_life_years: f64,
    pub weight: f64,
    pub earned: f64,
    pub current: f64,
    pub records: Vec<RecordShare>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct DomainCoverage {
    pub id: String,
    pub name: String,
    pub earned: f64,
    pub current: f64,
    pub skills: Vec<SkillCoverage>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Coverage {
    /// The framework's name, as shown.
    pub framework: String,
    pub framework_id: String,
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    pub domains: Vec<DomainCoverage>,
    /// Skill names on records that map to no skill of the framework.
    pub unmapped: Vec<String>,
}

/// Kept here for the callers that always found it here; the one definition is `numbers`.
pub use crate::numbers::percent;

fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0 + 0.0
}

/// Maps lower-cased names and aliases (the framework's and the user's) to skill ids.
fn name_index<'a>(fw: &'a Framework, aliases: &'a [(String, String)]) -> HashMap<String, &'a str> {
    let leaves: Vec<&Node> = fw.domains().flat_map(|d| fw.skills_under(&d.id)).collect();
    let mut index = HashMap::new();
    for n in &leaves {
        index.insert(key(&n.name), n.id.as_str());
        for a in &n.aliases {
            index.insert(key(a), n.id.as_str());
        }
    }
    for (alias, skill) in aliases {
        if let Some(n) = leaves.iter().find(|n| &n.id == skill) {
            index.insert(key(alias), n.id.as_str());
        }
    }
    index
}

/// Coverage of `fw` by `records` as of `as_of`. `aliases` are the user's extra
/// (record skill name, framework skill id) pairs; `jurisdictions` where the person practises
/// (empty: everywhere).
pub fn coverage(
    fw: &Framework,
    records: &[Credential],
    changes: &[FieldChange],
    aliases: &[(String, String)],
    jurisdictions: &[String],
    as_of: NaiveDate,
) -> Coverage {
    let index = name_index(fw, aliases);
    // Per skill id: (record index, best relevance).
    let mut carried: HashMap<&str, Vec<(usize, f64)>> = HashMap::new();
    let mut unmapped: Vec<String> = Vec::new();
    // Names as written, for the common case where a record spells a skill exactly as the
    // framework does; only other spellings pay for lower-casing.
    let exact: HashMap<&str, &str> = fw
        .nodes
        .iter()
        .flat_map(|n| std::iter::once(n.name.as_str()).chain(n.aliases.iter().map(String::as_str)))
        .filter_map(|name| Some((name, *index.get(&key(name))?)))
        .collect();
    for (i, r) in records.iter().enumerate() {
        for s in &r.skills {
            let found = exact
                .get(s.name.as_str())
                .or_else(|| index.get(&key(&s.name)));
            match found {
                Some(&id) => {
                    let list = carried.entry(id).or_default();
                    match list.iter_mut().find(|(ri, _)| *ri == i) {
                        Some(entry) => entry.1 = entry.1.max(s.relevance),
                        None => list.push((i, s.relevance)),
                    }
                }
                None if !unmapped.iter().any(|u| key(u) == key(&s.name)) => {
                    unmapped.push(s.name.clone())
                }
                None => {}
            }
        }
    }
    unmapped.sort_by_key(|u| key(u));
    // The last day a record carrying the skill may have been done: what can cover a change.
    let newest = |id: &str| -> Option<NaiveDate> {
        carried
            .get(id)?
            .iter()
            .filter_map(|&(i, _)| {
                let r = &records[i];
                match standing(r, as_of) {
                    Standing::Done(day) => Some(r.completed.map_or(day, |d| d.latest())),
                    Standing::Practice => Some(as_of),
                    Standing::Pending => None,
                }
            })
            .max()
    };
    let changes: Vec<&FieldChange> = changes
        .iter()
        .filter(|c| c.announced_by(as_of) && c.concerns(jurisdictions))
        .collect();
    let domains = fw
        .domains()
        .map(|d| {
            let skills: Vec<SkillCoverage> = fw
                .skills_under(&d.id)
                .into_iter()
                .map(|n| {
                    skill_coverage(
                        n,
                        records,
                        carried.get(n.id.as_str()),
                        &changes,
                        newest(&n.id),
                        &index,
                        as_of,
                    )
                })
                .collect();
            let total: f64 = skills.iter().map(|s| s.weight).sum();
            let mean = |f: &dyn Fn(&SkillCoverage) -> f64| {
                if total > 0.0 {
                    round3(skills.iter().map(|s| s.weight * f(s)).sum::<f64>() / total)
                } else {
                    0.0
                }
            };
            DomainCoverage {
                id: d.id.clone(),
                name: d.name.clone(),
                earned: mean(&|s| s.earned),
                current: mean(&|s| s.current),
                skills,
            }
        })
        .collect();
    Coverage {
        framework: fw.name.clone(),
        framework_id: fw.id.clone(),
        as_of,
        domains,
        unmapped,
    }
}

fn skill_coverage(
    n: &Node,
    records: &[Credential],
    carriers: Option<&Vec<(usize, f64)>>,
    changes: &[&FieldChange],
    newest: Option<NaiveDate>,
    index: &HashMap<String, &str>,
    as_of: NaiveDate,
) -> SkillCoverage {
    let half_life = n
        .half_life_years
        .unwrap_or(crate::staleness::DEFAULT_HALF_LIFE);
    // Field changes naming this skill (through any of its names) that concern the person.
    let events: Vec<&FieldChange> = changes
        .iter()
        .copied()
        .filter(|c| {
            c.skills
                .iter()
                .any(|s| index.get(&key(s)) == Some(&n.id.as_str()))
        })
        .collect();
    let mut shares = Vec::new();
    let (mut miss_earned, mut miss_current) = (1.0, 1.0);
    for &(i, relevance) in carriers.map(|c| c.as_slice()).unwrap_or_default() {
        let r = &records[i];
        let mut base = kind_weight(r.kind) * relevance * size(r.hours);
        let expired = r.expires.is_some_and(|e| e.latest() < as_of);
        let fresh = match standing(r, as_of) {
            Standing::Practice => 1.0,
            Standing::Pending => match (r.status, r.completed) {
                (Status::InProgress, _) if r.started.is_none_or(|s| s.earliest() <= as_of) => {
                    base *= 0.5;
                    1.0
                }
                (Status::Completed, None) if !expired => 1.0,
                (Status::Completed, None) => 0.0,
                // Not begun or not completed yet on the as-of date.
                _ => continue,
            },
            Standing::Done(_) if expired => 0.0,
            Standing::Done(done) => {
                let penalty = events
                    .iter()
                    .filter(|c| r.completed.is_some_and(|d| c.predated_by(d)))
                    .filter(|c| newest.is_none_or(|d| d < c.announced))
                    .map(|c| c.impact)
                    .fold(0.0, f64::max);
                decay((as_of - done).num_days(), half_life) * (1.0 - penalty)
            }
        };
        miss_earned *= 1.0 - base;
        miss_current *= 1.0 - base * fresh;
        shares.push(RecordShare {
            id: r.id,
            title: r.title.clone(),
            earned: round3(base),
            current: round3(base * fresh),
        });
    }
    shares.sort_by(|a, b| b.earned.total_cmp(&a.earned).then(a.id.cmp(&b.id)));
    SkillCoverage {
        id: n.id.clone(),
        name: n.name.clone(),
        half_life_years: half_life,
        weight: n.weight.unwrap_or(1.0),
        earned: round3(1.0 - miss_earned),
        current: round3(1.0 - miss_current),
        records: shares,
    }
}

/// Everything the coverage page shows, from one call: the numbers, the chart drawn from
/// them, and the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct CoverageView {
    pub coverage: Coverage,
    pub chart_svg: String,
    pub plan: Vec<PlanItem>,
}

/// One step of the learning plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanItem {
    pub skill_id: String,
    pub skill: String,
    pub domain: String,
    /// The skill as a person reads it: "Machine learning (Computer science and machine
    /// learning)", or just the name when skill and domain share it.
    pub label: String,
    pub earned: f64,
    pub current: f64,
    /// `earned - current`: how much of what was learned has gone out of date.
    pub gap: f64,
    /// Ranking score: the skill's weight times its gap (1 when never covered).
    pub priority: f64,
    pub suggestion: String,
    /// A credential whose renewal would close the gap.
    #[ts(type = "number | null")]
    pub renew: Option<i64>,
}

/// Below this a skill counts as not covered at all; from `PLAN_GAP` up a gap is worth acting on.
pub const UNCOVERED_BELOW: f64 = 0.1;
pub const PLAN_GAP: f64 = 0.15;

/// The skills with the widest gap between earned and current, and those never covered,
/// ranked by weight times gap, each with a next step.
pub fn plan(cov: &Coverage, records: &[Credential]) -> Vec<PlanItem> {
    let by_id: HashMap<i64, &Credential> = records.iter().map(|r| (r.id, r)).collect();
    let mut items: Vec<PlanItem> = Vec::new();
    for d in &cov.domains {
        for s in &d.skills {
            let uncovered = s.earned < UNCOVERED_BELOW;
            let gap = round3(s.earned - s.current);
            if !uncovered && gap < PLAN_GAP {
                continue;
            }
            // The strongest record with an expiry that has lapsed or lapses within 6 months.
            let renewable = s
                .records
                .iter()
                .filter_map(|share| by_id.get(&share.id))
                .find(|r| {
                    r.expires
                        .is_some_and(|e| (e.latest() - cov.as_of).num_days() <= 183)
                });
            let newest = s
                .records
                .iter()
                .filter_map(|share| by_id.get(&share.id))
                .filter(|r| r.status == Status::Completed)
                .max_by_key(|r| r.completed);
            let suggestion = match (uncovered, renewable, newest) {
                (true, _, _) => format!("Start: take a course in {}", s.name),
                (_, Some(r), _) => {
                    let when = r.expires.map(|e| e.to_string()).unwrap_or_default();
                    format!("Renew '{}' (expires {when})", r.title)
                }
                (_, None, Some(r)) => format!(
                    "Refresh {}: take a current course or CME; last covered by '{}' ({})",
                    s.name,
                    r.title,
                    r.completed.map(|c| c.to_string()).unwrap_or_default()
                ),
                _ => format!("Refresh {}: take a current course or CME", s.name),
            };
            let label = if key(&s.name) == key(&d.name) {
                s.name.clone()
            } else {
                format!("{} ({})", s.name, d.name)
            };
            items.push(PlanItem {
                skill_id: s.id.clone(),
                skill: s.name.clone(),
                domain: d.name.clone(),
                label,
                earned: s.earned,
                current: s.current,
                gap,
                priority: round3(s.weight * if uncovered { 1.0 } else { gap }),
                suggestion,
                renew: renewable.map(|r| r.id),
            });
        }
    }
    items.sort_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then(a.skill.cmp(&b.skill))
    });
    items
}
