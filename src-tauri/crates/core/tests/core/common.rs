//! Helpers shared by the domain's tests.

use chrono::NaiveDate;
use dossier_core::staleness::FieldChange;
use dossier_core::SkillTag;

/// A day written as YYYY-MM-DD.
pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// Skill tags from (name, relevance) pairs.
pub fn tags(skills: &[(&str, f64)]) -> Vec<SkillTag> {
    skills
        .iter()
        .map(|(name, relevance)| SkillTag {
            name: (*name).into(),
            relevance: *relevance,
        })
        .collect()
}

/// A field change announced on `announced` (YYYY-MM-DD) that affects `skills`, with no
/// phases, jurisdiction, source or note.
pub fn change(id: i64, announced: &str, title: &str, skills: &[&str], impact: f64) -> FieldChange {
    FieldChange {
        id,
        announced: day(announced),
        title: title.into(),
        skills: skills.iter().map(|s| (*s).into()).collect(),
        impact,
        source: None,
        effective: vec![],
        jurisdiction: None,
        note: None,
    }
}
