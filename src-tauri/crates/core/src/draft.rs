//! A credential as typed: every field raw text, exactly as the form or the command line gave
//! it. `validate` is the one place that turns a draft into a `CredentialInput`, so the app's
//! inline messages, the CLI's errors and the importers all say the same thing.

use crate::checks::{text_of, Checker};
use crate::date::PartialDate;
pub use crate::field_error::FieldError;
use crate::field_error::FieldPath;
use crate::model::{CredentialInput, CredentialKind, SkillTag, Status};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const MAX_TITLE: usize = 300;
pub const MAX_SHORT: usize = 200;
pub const MAX_URL: usize = 2048;
pub const MAX_NOTES: usize = 20_000;
pub const MAX_SKILL_NAME: usize = 100;
pub const MAX_SKILLS: usize = 50;
/// More hours than a person can log for one activity: a typo, not a record.
pub const MAX_HOURS: f64 = 100_000.0;

/// A skill as typed: relevance is text so that "0.8", "" (meaning 1) and "abc" (an error)
/// all reach the same validation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SkillDraft {
    pub name: String,
    pub relevance: String,
}

impl SkillDraft {
    /// Parses the command line's `NAME[=RELEVANCE]`; the last `=` splits, so names may hold one.
    pub fn parse_flag(s: &str) -> Self {
        match s.rsplit_once('=') {
            Some((name, rel)) => Self {
                name: name.to_string(),
                relevance: rel.to_string(),
            },
            None => Self {
                name: s.to_string(),
                relevance: String::new(),
            },
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CredentialDraft {
    pub kind: CredentialKind,
    pub in_progress: bool,
    pub title: String,
    pub issuer: String,
    pub started: String,
    pub completed: String,
    pub expires: String,
    pub hours: String,
    pub credit_type: String,
    pub credential_id: String,
    pub url: String,
    pub notes: String,
    pub verified: bool,
    pub skills: Vec<SkillDraft>,
}

impl Default for CredentialDraft {
    fn default() -> Self {
        Self {
            kind: CredentialKind::Certification,
            in_progress: false,
            title: String::new(),
            issuer: String::new(),
            started: String::new(),
            completed: String::new(),
            expires: String::new(),
            hours: String::new(),
            credit_type: String::new(),
            credential_id: String::new(),
            url: String::new(),
            notes: String::new(),
            verified: false,
            skills: Vec::new(),
        }
    }
}

impl CredentialDraft {
    /// The draft that shows an existing record in the form.
    pub fn from_input(input: &CredentialInput) -> Self {
        Self {
            kind: input.kind,
            in_progress: input.status == Status::InProgress,
            title: input.title.clone(),
            issuer: text_of(&input.issuer),
            started: text_of(&input.started),
            completed: text_of(&input.completed),
            expires: text_of(&input.expires),
            hours: text_of(&input.hours),
            credit_type: text_of(&input.credit_type),
            credential_id: text_of(&input.credential_id),
            url: text_of(&input.url),
            notes: text_of(&input.notes),
            verified: input.verified,
            skills: input
                .skills
                .iter()
                .map(|s| SkillDraft {
                    name: s.name.clone(),
                    relevance: s.relevance.to_string(),
                })
                .collect(),
        }
    }

    /// Checks every field against `today` (a completed credential cannot be completed in the
    /// future) and returns the clean record, or every problem found.
    pub fn validate(&self, today: NaiveDate) -> Result<CredentialInput, Vec<FieldError>> {
        let mut c = Checker::default();
        let title = c.line("title", &self.title, MAX_TITLE);
        if title.is_none() {
            c.fail("title", "is required");
        }
        let issuer = c.line("issuer", &self.issuer, MAX_SHORT);
        let credit_type = c.line("credit_type", &self.credit_type, MAX_SHORT);
        let credential_id = c.line("credential_id", &self.credential_id, MAX_SHORT);
        let started = c.date("started", &self.started);
        let completed = c.date("completed", &self.completed);
        let expires = c.date("expires", &self.expires);
        let status = if self.in_progress {
            Status::InProgress
        } else {
            Status::Completed
        };
        check_dates(&mut c, status, started, completed, expires, today);
        let hours = parse_hours(&mut c, &self.hours);
        let url = parse_url(&mut c, &self.url);
        let notes = self.notes.trim();
        if notes.chars().count() > MAX_NOTES {
            c.fail(
                "notes",
                format!("is too long (at most {MAX_NOTES} characters)"),
            );
        }
        let skills = parse_skills(&mut c, &self.skills);
        c.finish(CredentialInput {
            kind: self.kind,
            status,
            title: title.unwrap_or_default(),
            issuer,
            started,
            completed,
            expires,
            hours,
            credit_type,
            credential_id,
            url,
            notes: (!notes.is_empty()).then(|| notes.to_string()),
            verified: self.verified,
            skills,
        })
    }
}

fn check_dates(
    c: &mut Checker,
    status: Status,
    started: Option<PartialDate>,
    completed: Option<PartialDate>,
    expires: Option<PartialDate>,
    today: NaiveDate,
) {
    if let (Some(s), Some(d)) = (started, completed) {
        if d.surely_before(&s) {
            c.fail("completed", format!("{d} is before the start date {s}"));
        }
    }
    if let (Some(d), Some(e)) = (completed, expires) {
        if e.surely_before(&d) {
            c.fail("expires", format!("{e} is before the completion date {d}"));
        }
    }
    if status == Status::Completed {
        // An enrolment may start next term; only earned credentials are bound to the past.
        if let Some(s) = started {
            if s.earliest() > today {
                c.fail(
                    "started",
                    format!("{s} is in the future; mark the record in progress"),
                );
            }
        }
        if let Some(d) = completed {
            if d.earliest() > today {
                c.fail(
                    "completed",
                    format!("{d} is in the future; mark the record in progress to give an expected date"),
                );
            }
        }
    }
}

fn parse_hours(c: &mut Checker, raw: &str) -> Option<f64> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    match s.parse::<f64>() {
        Ok(h) if !h.is_finite() => c.fail("hours", format!("'{s}' is not a finite number")),
        Ok(h) if h < 0.0 => c.fail("hours", format!("{s} is negative; hours must be 0 or more")),
        Ok(h) if h > MAX_HOURS => c.fail("hours", format!("{s} is more than {MAX_HOURS} hours")),
        Ok(h) => return Some(h),
        Err(_) => c.fail(
            "hours",
            format!("'{s}' is not a number (use a decimal point: 1.5)"),
        ),
    }
    None
}

fn parse_url(c: &mut Checker, raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    if s.len() > MAX_URL {
        c.fail("url", format!("is too long (at most {MAX_URL} characters)"));
        return None;
    }
    match url::Url::parse(s) {
        Ok(u) if !matches!(u.scheme(), "http" | "https") => {
            c.fail("url", format!("'{s}' must start with https:// or http://"))
        }
        Ok(u)
            if u.host_str()
                .is_none_or(|h| !h.contains('.') && h != "localhost") =>
        {
            c.fail("url", format!("'{s}' has no valid host"))
        }
        Ok(_) => return Some(s.to_string()),
        Err(url::ParseError::RelativeUrlWithoutBase) => c.fail(
            "url",
            format!("'{s}' is not a web address; start it with https://"),
        ),
        Err(e) => c.fail("url", format!("'{s}' is not a valid URL ({e})")),
    }
    None
}

fn parse_skills(c: &mut Checker, drafts: &[SkillDraft]) -> Vec<SkillTag> {
    if drafts.len() > MAX_SKILLS {
        c.fail(
            "skills",
            format!("has {} entries; at most {MAX_SKILLS}", drafts.len()),
        );
    }
    let mut out: Vec<SkillTag> = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.iter().enumerate() {
        let name_at = FieldPath::at("skills", i, "name");
        let Some(name) = c.line(name_at.clone(), &d.name, MAX_SKILL_NAME) else {
            if !d.relevance.trim().is_empty() {
                c.fail(name_at, "is required");
            }
            continue;
        };
        let rel = d.relevance.trim();
        let relevance = if rel.is_empty() {
            1.0
        } else {
            match rel.parse::<f64>() {
                Ok(r) if (0.0..=1.0).contains(&r) => r,
                _ => {
                    c.fail(
                        FieldPath::at("skills", i, "relevance"),
                        format!("'{rel}' for skill '{name}' must be a number from 0 to 1"),
                    );
                    continue;
                }
            }
        };
        if out
            .iter()
            .any(|s| s.name.to_lowercase() == name.to_lowercase())
        {
            c.fail(name_at, format!("'{name}' is listed twice"));
            continue;
        }
        out.push(SkillTag { name, relevance });
    }
    out
}
