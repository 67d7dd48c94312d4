//! A CE requirement set as typed: every number and date raw text, as the app's form and the
//! command line's flags give them. `validate` reads the text and then applies the
//! requirement's own rules (`Requirement::problems`), so a form, `dossier requirement add`
//! and a rules file all get the same messages, each under the field it names.

use crate::checks::{optional, text_of, Checker};
use crate::field_error::{FieldError, FieldPath};
use crate::model::CredentialKind;
use crate::requirements::{Cap, Requirement, RollingWindow, Topic};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A topic minimum as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct TopicDraft {
    pub skill: String,
    pub hours: String,
    pub on_top: bool,
    pub first_cycle_only: bool,
}

/// A cap as typed; `kind` is a kind's id (`ce-activity`) or empty for any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CapDraft {
    pub label: String,
    pub max_hours: String,
    pub kind: String,
    pub credit_type: String,
    pub skill: String,
}

/// A rolling window as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct WindowDraft {
    pub months: String,
    pub hours: String,
}

/// The requirement form: the field names are those of `Requirement`, and of the errors.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RequirementDraft {
    pub name: String,
    /// Last day of the cycle, YYYY-MM-DD.
    pub ends: String,
    pub cycle_months: String,
    pub hours: String,
    pub credit_type: String,
    pub topics: Vec<TopicDraft>,
    pub caps: Vec<CapDraft>,
    pub windows: Vec<WindowDraft>,
    pub first_cycle: bool,
    /// The credential this requirement renews, chosen from a list rather than typed.
    #[ts(type = "number | null")]
    pub credential: Option<i64>,
}

impl RequirementDraft {
    /// The draft that shows a stored requirement (or a rules file) in the form.
    pub fn from_input(r: &Requirement) -> Self {
        Self {
            name: r.name.clone(),
            ends: r.ends.to_string(),
            cycle_months: r.cycle_months.to_string(),
            hours: r.hours.to_string(),
            credit_type: text_of(&r.credit_type),
            topics: r
                .topics
                .iter()
                .map(|t| TopicDraft {
                    skill: t.skill.clone(),
                    hours: t.hours.to_string(),
                    on_top: t.on_top,
                    first_cycle_only: t.first_cycle_only,
                })
                .collect(),
            caps: r
                .caps
                .iter()
                .map(|c| CapDraft {
                    label: c.label.clone(),
                    max_hours: c.max_hours.to_string(),
                    kind: c.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
                    credit_type: text_of(&c.credit_type),
                    skill: text_of(&c.skill),
                })
                .collect(),
            windows: r
                .windows
                .iter()
                .map(|w| WindowDraft {
                    months: w.months.to_string(),
                    hours: w.hours.to_string(),
                })
                .collect(),
            first_cycle: r.first_cycle,
            credential: r.credential,
        }
    }

    /// The requirement (id 0: the store assigns one), or every problem found.
    pub fn validate(&self) -> Result<Requirement, Vec<FieldError>> {
        let mut c = Checker::default();
        let ends = c.day("ends", &self.ends);
        let cycle_months = c.count("cycle_months", &self.cycle_months);
        let hours = c.number("hours", &self.hours);
        let topics = self
            .topics
            .iter()
            .enumerate()
            .map(|(i, t)| Topic {
                skill: t.skill.trim().to_string(),
                hours: c
                    .number(FieldPath::at("topics", i, "hours"), &t.hours)
                    .unwrap_or(0.0),
                on_top: t.on_top,
                first_cycle_only: t.first_cycle_only,
            })
            .collect();
        let caps = self
            .caps
            .iter()
            .enumerate()
            .map(|(i, d)| cap(&mut c, i, d))
            .collect();
        let windows = self
            .windows
            .iter()
            .enumerate()
            .map(|(i, w)| RollingWindow {
                months: c
                    .count(FieldPath::at("windows", i, "months"), &w.months)
                    .unwrap_or(0),
                hours: c
                    .number(FieldPath::at("windows", i, "hours"), &w.hours)
                    .unwrap_or(0.0),
            })
            .collect();
        let req = Requirement {
            id: 0,
            name: self.name.trim().to_string(),
            // Stand-ins for values that failed to parse; `rules` skips their fields.
            ends: ends.unwrap_or_default(),
            cycle_months: cycle_months.unwrap_or(0),
            hours: hours.unwrap_or(0.0),
            credit_type: optional(&self.credit_type),
            topics,
            caps,
            windows,
            first_cycle: self.first_cycle,
            credential: self.credential,
        };
        c.rules(req.problems());
        c.finish(req)
    }
}

fn cap(c: &mut Checker, i: usize, d: &CapDraft) -> Cap {
    let kind = match d.kind.trim() {
        "" => None,
        k => k
            .parse::<CredentialKind>()
            .map_err(|e| c.fail(FieldPath::at("caps", i, "kind"), e.to_string()))
            .ok(),
    };
    Cap {
        label: d.label.trim().to_string(),
        max_hours: c
            .number(FieldPath::at("caps", i, "max_hours"), &d.max_hours)
            .unwrap_or(0.0),
        kind,
        credit_type: optional(&d.credit_type),
        skill: optional(&d.skill),
    }
}
