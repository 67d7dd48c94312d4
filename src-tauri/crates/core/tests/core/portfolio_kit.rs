//! The kit for hand-made portfolios: records as a clinician would list them, judged against
//! Dossier's shipped field changes, skill areas and framework aliases (and explained, with
//! the explanation checked against the verdict every time).

use super::common::{day, tags};
use chrono::NaiveDate;
use dossier_core::framework::Framework;
use dossier_core::staleness::{assess, explain, Assessment, Freshness, ReasonKind, Settings};
use dossier_core::staleness::{ChangeRelation, SkillArea};
use dossier_core::{Credential, CredentialKind, PartialDate, Status};

/// A record: kind, title, completed ("" while in progress, then `started` says since when),
/// optional expiry, skills with relevance.
pub struct R<'a> {
    pub kind: CredentialKind,
    pub title: &'a str,
    pub started: &'a str,
    pub completed: &'a str,
    pub expires: &'a str,
    pub skills: &'a [(&'a str, f64)],
}

pub fn rec<'a>(
    kind: CredentialKind,
    title: &'a str,
    completed: &'a str,
    skills: &'a [(&'a str, f64)],
) -> R<'a> {
    R {
        kind,
        title,
        started: "",
        completed,
        expires: "",
        skills,
    }
}

pub fn ongoing<'a>(title: &'a str, since: &'a str, skills: &'a [(&'a str, f64)]) -> R<'a> {
    R {
        kind: CredentialKind::Experience,
        title,
        started: since,
        completed: "",
        expires: "",
        skills,
    }
}

fn opt(s: &str) -> Option<PartialDate> {
    (!s.is_empty()).then(|| s.parse().expect("test partial date"))
}

fn build(records: &[R]) -> Vec<Credential> {
    records
        .iter()
        .enumerate()
        .map(|(i, r)| Credential {
            status: if r.completed.is_empty() {
                Status::InProgress
            } else {
                Status::Completed
            },
            started: opt(r.started),
            completed: opt(r.completed),
            expires: opt(r.expires),
            skills: tags(r.skills),
            ..Credential::new(i as i64 + 1, r.kind, r.title)
        })
        .collect()
}

fn shipped_areas() -> Vec<SkillArea> {
    #[derive(serde::Deserialize)]
    struct Areas {
        areas: Vec<SkillArea>,
    }
    let text = include_str!("../../../../../assets/staleness/skill-areas.json");
    serde_json::from_str::<Areas>(text)
        .expect("shipped areas")
        .areas
}

fn settings(jurisdictions: &[&str]) -> Settings {
    let fw = Framework::from_json(include_str!(
        "../../../../../assets/frameworks/healthcare-ai.json"
    ))
    .expect("shipped framework");
    Settings {
        jurisdictions: jurisdictions.iter().map(|j| j.to_string()).collect(),
        aliases: fw.skill_aliases(&[]),
        ..Settings::default()
    }
}

pub struct Judged {
    pub records: Vec<Credential>,
    pub verdicts: Vec<Assessment>,
    settings: Settings,
    as_of: NaiveDate,
}

/// The shipped field changes, numbered as a store would number them.
fn shipped_changes() -> Vec<dossier_core::staleness::FieldChange> {
    dossier_core::field_change::shipped()
        .expect("shipped changes")
        .into_iter()
        .enumerate()
        .map(|(i, s)| dossier_core::staleness::FieldChange {
            id: i as i64 + 1,
            ..s.change
        })
        .collect()
}

pub fn judge(records: &[R], jurisdictions: &[&str], as_of: &str) -> Judged {
    let records = build(records);
    let changes = shipped_changes();
    let settings = settings(jurisdictions);
    let verdicts = assess(&records, &shipped_areas(), &changes, day(as_of), &settings);
    // Every verdict is the one its explanation gives.
    for v in &verdicts {
        let e = explain(
            &records,
            &shipped_areas(),
            &changes,
            day(as_of),
            &settings,
            v.id,
        )
        .expect("explained");
        assert_eq!(
            &e.assessment, v,
            "explain agrees for '{}' at {as_of}",
            v.title
        );
    }
    Judged {
        records,
        verdicts,
        settings,
        as_of: day(as_of),
    }
}

impl Judged {
    pub fn of(&self, title: &str) -> &Assessment {
        self.verdicts
            .iter()
            .find(|a| a.title == title)
            .unwrap_or_else(|| panic!("no record '{title}'"))
    }

    pub fn status(&self, title: &str) -> Freshness {
        self.of(title).status
    }

    /// Field-change reasons of a record, as text.
    pub fn changes(&self, title: &str) -> Vec<String> {
        self.of(title)
            .reasons
            .iter()
            .filter(|r| r.kind == ReasonKind::FieldChange)
            .map(|r| r.text.clone())
            .collect()
    }

    pub fn relation(&self, title: &str, change: &str) -> Option<ChangeRelation> {
        let changes = shipped_changes();
        let id = self.of(title).id;
        let e = explain(
            &self.records,
            &shipped_areas(),
            &changes,
            self.as_of,
            &self.settings,
            id,
        )?;
        e.changes
            .iter()
            .find(|c| c.title.starts_with(change))
            .map(|c| c.relation)
    }
}
