//! A field change as typed: dates and the impact raw text, as the app's form and
//! `dossier field-change add` give them. `validate` reads the text, then applies the change's
//! own rules (`FieldChange::problems`), so both say the same thing under the same field.

use crate::checks::{optional, text_of, Checker};
use crate::field_change::{FieldChange, Phase};
use crate::field_error::{FieldError, FieldPath};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One phase as typed: a day (YYYY-MM-DD) and what applies from then.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PhaseDraft {
    pub date: String,
    pub what: String,
}

/// The field-change form: the field names are those of `FieldChange`, and of the errors.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct FieldChangeDraft {
    pub announced: String,
    pub effective: Vec<PhaseDraft>,
    pub title: String,
    /// Empty: everywhere.
    pub jurisdiction: String,
    pub skills: Vec<String>,
    /// 0..1.
    pub impact: String,
    pub source: String,
    pub note: String,
}

impl FieldChangeDraft {
    /// The draft that shows a stored change in the form.
    pub fn from_input(c: &FieldChange) -> Self {
        Self {
            announced: c.announced.to_string(),
            effective: c
                .effective
                .iter()
                .map(|p| PhaseDraft {
                    date: p.date.to_string(),
                    what: p.what.clone(),
                })
                .collect(),
            title: c.title.clone(),
            jurisdiction: text_of(&c.jurisdiction),
            skills: c.skills.clone(),
            impact: c.impact.to_string(),
            source: text_of(&c.source),
            note: text_of(&c.note),
        }
    }

    /// The change (id 0: the store assigns one), or every problem found.
    pub fn validate(&self) -> Result<FieldChange, Vec<FieldError>> {
        let mut c = Checker::default();
        let announced = c.day("announced", &self.announced);
        let effective = self
            .effective
            .iter()
            .enumerate()
            .map(|(i, p)| Phase {
                date: c
                    .day(FieldPath::at("effective", i, "date"), &p.date)
                    .unwrap_or_default(),
                what: p.what.trim().to_string(),
            })
            .collect();
        let impact = c.number("impact", &self.impact);
        let change = FieldChange {
            id: 0,
            // Stand-ins for values that failed to parse; `rules` skips their fields.
            announced: announced.unwrap_or_default(),
            effective,
            title: self.title.trim().to_string(),
            jurisdiction: optional(&self.jurisdiction),
            skills: self.skills.clone(),
            impact: impact.unwrap_or(0.0),
            source: optional(&self.source),
            note: optional(&self.note),
        };
        // Without the announcement, "a phase is on or after it" cannot be judged.
        let judged = |p: &FieldError| announced.is_some() || p.path.sub.as_deref() != Some("date");
        c.rules(change.problems().into_iter().filter(judged));
        c.finish(change)
    }
}
