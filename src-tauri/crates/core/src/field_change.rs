//! Dated changes in the field (a law, a final guidance, a reporting guideline) and the rules
//! that say which records they make out of date.
//!
//! A change has two kinds of date, because people learn of a change when it is *announced*
//! (published in the official journal, a final guidance released, a guideline published) and
//! must comply when it becomes *effective*, often later and in phases. Training taken after the
//! announcement can teach the change, so:
//! - a change announced after the as-of date does not exist yet for that date;
//! - a record completed on or after `announced` covers it; one completed before predates it
//!   (a date known only to the month or year predates it only if every day it can mean lies
//!   before the announcement: Dossier flags what it knows, not what it guesses);
//! - a change with a jurisdiction (EU, US, ...) concerns only people who practise there: the
//!   profile lists its jurisdictions (none listed: all). Outside them it is information only.

use crate::date::PartialDate;
use crate::field_error::{FieldError, FieldPath};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One date from which (part of) a change applies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Phase {
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// What applies from then, e.g. "high-risk obligations (Annex III)"; may be empty.
    #[serde(default)]
    pub what: String,
}

/// A dated change in the field that makes earlier training on some skills out of date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    #[ts(type = "number")]
    #[serde(default)]
    pub id: i64,
    /// When its content became public. Older exports call it `date`.
    #[ts(type = "string")]
    #[serde(alias = "date")]
    pub announced: NaiveDate,
    /// When it applies, in date order; empty when it applies on announcement.
    #[serde(default)]
    pub effective: Vec<Phase>,
    pub title: String,
    /// Where it applies ("EU", "US", ...); none: everywhere.
    #[serde(default)]
    pub jurisdiction: Option<String>,
    pub skills: Vec<String>,
    /// How much of earlier training it invalidates, 0..1.
    pub impact: f64,
    #[serde(default)]
    pub source: Option<String>,
    /// Context a person should know, e.g. the draft it replaced.
    #[serde(default)]
    pub note: Option<String>,
}

/// Longest jurisdiction name accepted ("EU", "US-CA", "Ontario").
pub const MAX_JURISDICTION: usize = 40;

/// Jurisdictions compare ignoring case and surrounding space.
pub fn same_jurisdiction(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

impl FieldChange {
    /// Whether the change exists yet on `as_of`.
    pub fn announced_by(&self, as_of: NaiveDate) -> bool {
        self.announced <= as_of
    }

    /// Whether the change concerns a person practising in `jurisdictions` (empty: all).
    pub fn concerns(&self, jurisdictions: &[String]) -> bool {
        match self.jurisdiction.as_deref().map(str::trim) {
            None | Some("") => true,
            Some(j) => {
                jurisdictions.is_empty() || jurisdictions.iter().any(|p| same_jurisdiction(p, j))
            }
        }
    }

    /// Whether a record completed on `done` was certainly completed before the announcement.
    pub fn predated_by(&self, done: PartialDate) -> bool {
        done.latest() < self.announced
    }

    /// "published 2024-07-12; high-risk obligations from 2026-08-02; next: ... from ...":
    /// the announcement, the latest phase in effect on `as_of` and the next one to come.
    pub fn dates_text(&self, as_of: NaiveDate) -> String {
        let mut parts = vec![format!("published {}", self.announced)];
        let phase = |p: &Phase| match p.what.trim() {
            "" => format!("applies from {}", p.date),
            what => format!("{what} from {}", p.date),
        };
        if let Some(p) = self.effective.iter().rev().find(|p| p.date <= as_of) {
            parts.push(phase(p));
        }
        if let Some(p) = self.effective.iter().find(|p| p.date > as_of) {
            parts.push(format!("next: {}", phase(p)));
        }
        parts.join("; ")
    }

    /// Every problem with the change, each naming its field; empty when it is sound.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut errs = Vec::new();
        let mut bad = |f: FieldPath, m: String| errs.push(FieldError::new(f, m));
        if self.title.trim().is_empty() {
            bad("title".into(), "is required".into());
        }
        if !(self.impact.is_finite() && (0.0..=1.0).contains(&self.impact)) {
            bad(
                "impact".into(),
                format!("must be a number from 0 to 1 (got {})", self.impact),
            );
        }
        if self.skills.iter().all(|s| s.trim().is_empty()) {
            bad("skills".into(), "name at least one affected skill".into());
        }
        if let Some(j) = self.jurisdiction.as_deref() {
            if j.chars().count() > MAX_JURISDICTION || j.chars().any(char::is_control) {
                bad(
                    "jurisdiction".into(),
                    format!("must be one short line, at most {MAX_JURISDICTION} characters"),
                );
            }
        }
        for (i, p) in self.effective.iter().enumerate() {
            if p.date < self.announced {
                bad(
                    FieldPath::at("effective", i, "date"),
                    format!(
                        "must be on or after the announcement ({}; got {})",
                        self.announced, p.date
                    ),
                );
            }
            if p.what.chars().any(char::is_control) {
                bad(
                    FieldPath::at("effective", i, "what"),
                    "must be a single line".into(),
                );
            }
        }
        if let Some(src) = self.source.as_deref().filter(|s| !s.trim().is_empty()) {
            let ok = url::Url::parse(src.trim())
                .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
            if !ok {
                bad(
                    "source".into(),
                    format!("'{src}' is not a web address (https://…)"),
                );
            }
        }
        errs
    }

    /// The same change with whitespace trimmed, blanks dropped and phases in date order, as
    /// it is stored.
    pub fn normalized(&self) -> FieldChange {
        let blank_to_none = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
        };
        let mut effective: Vec<Phase> = self
            .effective
            .iter()
            .map(|p| Phase {
                date: p.date,
                what: p.what.trim().to_string(),
            })
            .collect();
        effective.sort_by_key(|p| p.date);
        effective.dedup();
        FieldChange {
            id: self.id,
            announced: self.announced,
            effective,
            title: self.title.trim().to_string(),
            jurisdiction: blank_to_none(&self.jurisdiction),
            skills: self
                .skills
                .iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            impact: self.impact,
            source: blank_to_none(&self.source),
            note: blank_to_none(&self.note),
        }
    }
}

/// A shipped change as `assets/staleness/field-changes.json` holds it: the change, and the
/// titles of the earlier shipped entries it replaces (so an upgrade can swap them).
#[derive(Clone, Debug, Deserialize)]
pub struct ShippedChange {
    #[serde(flatten)]
    pub change: FieldChange,
    #[serde(default)]
    pub replaces: Vec<String>,
}

#[derive(Deserialize)]
struct Shipped {
    changes: Vec<ShippedChange>,
}

const SHIPPED: &str = include_str!("../../../../assets/staleness/field-changes.json");

/// The field changes Dossier ships, each from its primary source.
pub fn shipped() -> Result<Vec<ShippedChange>, serde_json::Error> {
    Ok(serde_json::from_str::<Shipped>(SHIPPED)?.changes)
}
