//! Helpers shared by the domain's tests.

use chrono::NaiveDate;
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
