//! What every verdict shares, computed once per call: skill names interned to small ids
//! (aliases folded in), each skill's half-life, the records that keep each skill current, and
//! the field changes that exist on the as-of date. 10,000 records are judged in a few
//! milliseconds because the per-record work then compares integers.

use super::{FieldChange, Settings, SkillArea};
use crate::model::{Credential, CredentialKind, Status};
use chrono::NaiveDate;
use std::collections::HashMap;

fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// A record's standing on the as-of date, before any verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Standing {
    /// Completed by the as-of date, on this (earliest possible) day.
    Done(NaiveDate),
    /// An experience record in progress that had started: current practice.
    Practice,
    /// In progress (a degree under way), or not yet begun or completed on the as-of date.
    Pending,
}

/// A record's standing on `as_of`: the one rule staleness and coverage share.
pub(crate) fn standing(r: &Credential, as_of: NaiveDate) -> Standing {
    let started = r.started.is_none_or(|s| s.earliest() <= as_of);
    match (r.status, r.completed) {
        (Status::InProgress, _) if r.kind == CredentialKind::Experience && started => {
            Standing::Practice
        }
        (Status::Completed, Some(done)) if done.earliest() <= as_of => {
            Standing::Done(done.earliest())
        }
        // A completed record with no date cannot be aged, and is not judged.
        _ => Standing::Pending,
    }
}

/// The newest record carrying a skill: by the day it surely was done (for refreshing
/// half-life ageing) or the last day it may have been done (for covering a field change).
pub(crate) type Newest = Option<(NaiveDate, usize)>;

fn newer(slot: &mut Newest, day: NaiveDate, record: usize) {
    if slot.is_none_or(|(d, _)| day > d) {
        *slot = Some((day, record));
    }
}

/// A field change with its skills as ids.
pub(crate) struct Change<'a> {
    pub event: &'a FieldChange,
    pub skills: Vec<usize>,
    /// Whether it concerns the person's jurisdictions.
    pub concerns: bool,
}

pub(crate) struct Context<'a> {
    pub records: &'a [Credential],
    pub as_of: NaiveDate,
    pub settings: &'a Settings,
    /// Per record: its skills as (id, relevance), and its standing.
    pub tags: Vec<Vec<(usize, f64)>>,
    pub standing: Vec<Standing>,
    /// Per skill id.
    pub half_life: Vec<f64>,
    pub has_area: Vec<bool>,
    pub refreshed: Vec<Newest>,
    pub covered: Vec<Newest>,
    /// Changes announced by the as-of date, in date order.
    pub events: Vec<Change<'a>>,
}

struct Interner {
    ids: HashMap<String, usize>,
    count: usize,
}

impl Interner {
    fn id(&mut self, name: &str) -> usize {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let k = key(name);
        let id = match self.ids.get(&k) {
            Some(&id) => id,
            None => {
                self.count += 1;
                self.count - 1
            }
        };
        self.ids.insert(k, id);
        self.ids.insert(name.to_string(), id);
        id
    }
}

impl<'a> Context<'a> {
    pub fn new(
        records: &'a [Credential],
        areas: &[SkillArea],
        changes: &'a [FieldChange],
        as_of: NaiveDate,
        settings: &'a Settings,
    ) -> Context<'a> {
        let mut names = Interner {
            ids: HashMap::new(),
            count: 0,
        };
        let mut half_life: HashMap<usize, f64> = HashMap::new();
        for a in areas {
            half_life.insert(names.id(&a.name), a.half_life_years);
        }
        // An alias joins its skill unless the user gave the alias a half-life of its own.
        for (alias, skill) in &settings.aliases {
            let k = key(alias);
            if !names.ids.contains_key(&k) {
                let id = names.id(skill);
                names.ids.insert(k, id);
            }
        }
        let tags: Vec<Vec<(usize, f64)>> = records
            .iter()
            .map(|r| {
                r.skills
                    .iter()
                    .map(|s| (names.id(&s.name), s.relevance))
                    .collect()
            })
            .collect();
        let mut events: Vec<Change> = changes
            .iter()
            .filter(|c| c.announced_by(as_of))
            .map(|c| Change {
                event: c,
                skills: c.skills.iter().map(|s| names.id(s)).collect(),
                concerns: c.concerns(&settings.jurisdictions),
            })
            .collect();
        events.sort_by_key(|c| (c.event.announced, c.event.id));
        let n = names.count;
        let mut ctx = Context {
            records,
            as_of,
            settings,
            standing: records.iter().map(|r| standing(r, as_of)).collect(),
            tags,
            half_life: (0..n)
                .map(|id| {
                    half_life
                        .get(&id)
                        .copied()
                        .unwrap_or(settings.default_half_life)
                })
                .collect(),
            has_area: (0..n).map(|id| half_life.contains_key(&id)).collect(),
            refreshed: vec![None; n],
            covered: vec![None; n],
            events,
        };
        for (i, r) in records.iter().enumerate() {
            // Ongoing practice counts as done on the as-of date: it keeps its skills current.
            let (sure, last) = match ctx.standing[i] {
                Standing::Done(day) => (day, r.completed.map_or(day, |d| d.latest())),
                Standing::Practice => (as_of, as_of),
                Standing::Pending => continue,
            };
            for &(id, _) in &ctx.tags[i] {
                newer(&mut ctx.refreshed[id], sure, i);
                newer(&mut ctx.covered[id], last, i);
            }
        }
        ctx
    }
}
