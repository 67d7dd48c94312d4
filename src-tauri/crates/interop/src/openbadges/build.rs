//! The record a badge becomes, built field by field and shared by every shape of badge: each
//! string bounded and named by its place in the file, dates read with a problem when one is
//! there but unreadable, skills deduplicated and capped as the draft takes them, and the
//! credential's own words (description, criteria, evidence) gathered into the notes.

use crate::bounds;
use crate::error::Result;
use crate::record::{Format, Found, InputFile};
use crate::text;
use dossier_core::draft::{MAX_NOTES, MAX_SKILLS, MAX_SKILL_NAME, MAX_URL};
use dossier_core::{CredentialKind, SkillDraft};
use serde_json::Value;

/// A date field of the draft.
#[derive(Clone, Copy)]
pub(super) enum DateField {
    Started,
    Completed,
    Expires,
}

impl DateField {
    fn name(self) -> &'static str {
        match self {
            DateField::Started => "started",
            DateField::Completed => "completed",
            DateField::Expires => "expires",
        }
    }
}

/// A record being read from one badge or credential.
pub(super) struct Builder<'a> {
    pub file: &'a InputFile,
    pub found: Found,
    /// The credential's own words, one paragraph each, for the draft's notes.
    paragraphs: Vec<String>,
    skills: Vec<String>,
    skills_left_out: usize,
    long_skills: usize,
    url: Option<String>,
}

impl<'a> Builder<'a> {
    pub fn new(file: &'a InputFile, format: Format, location: &str) -> Self {
        let mut found = Found::new(format, file, location);
        // Open Badges are micro-credentials unless they say otherwise (OB 3.0 achievementType).
        found.draft.kind = CredentialKind::MicroCredential;
        Builder {
            file,
            found,
            paragraphs: Vec::new(),
            skills: Vec::new(),
            skills_left_out: 0,
            long_skills: 0,
            url: None,
        }
    }

    /// The text of `v` (a string, a language map, a list, an object's `name`), trimmed and
    /// bounded; `at` names the field in the file.
    pub fn text(&self, v: Option<&Value>, at: &str) -> Result<Option<String>> {
        let Some(s) = v.and_then(text::text) else {
            return Ok(None);
        };
        bounds::check_field(&self.file.name, at, &s)?;
        Ok(Some(s))
    }

    /// `v` only when it is a string (an id, a URL), trimmed and bounded.
    pub fn string(&self, v: Option<&Value>, at: &str) -> Result<Option<String>> {
        match v {
            Some(Value::String(_)) => self.text(v, at),
            _ => Ok(None),
        }
    }

    /// A problem with the record, naming the draft's field first.
    pub fn problem(&mut self, text: impl Into<String>) {
        self.found.problems.push(text.into());
    }

    /// Something a person should know that has no field (hosted, revoked, counted as credits).
    pub fn note(&mut self, text: impl Into<String>) {
        self.found.notes.push(text.into());
    }

    /// A paragraph of the credential's own words, labelled ("Criteria: …").
    pub fn paragraph(&mut self, label: &str, text: &str) {
        let text = text.trim();
        if text.is_empty() || self.paragraphs.iter().any(|p| p.ends_with(text)) {
            return;
        }
        self.paragraphs.push(if label.is_empty() {
            text.to_string()
        } else {
            format!("{label}: {text}")
        });
    }

    /// Offers a web address for the record's `url`; the first https one is kept.
    pub fn offer_url(&mut self, url: Option<&str>) {
        let Some(u) = url.map(str::trim) else { return };
        if self.url.is_none() && u.len() <= MAX_URL && is_https(u) {
            self.url = Some(u.to_string());
        }
    }

    /// Sets `field` from the first of `candidates` (value, where in the file) that is present.
    /// One that is present but no date is a problem, unless a later one is a date: then it is
    /// only a note.
    pub fn date(&mut self, field: DateField, candidates: &[(Option<&Value>, &str)]) -> Result<()> {
        let mut unreadable = Vec::new();
        for (v, at) in candidates {
            let Some(v) = v.filter(|v| !v.is_null()) else {
                continue;
            };
            if let Some(d) = text::date_value(v) {
                *self.date_mut(field) = d;
                for (raw, bad_at) in unreadable {
                    self.note(format!(
                        "{bad_at} '{raw}' is not a date Dossier reads; {} is from {at}.",
                        field.name()
                    ));
                }
                return Ok(());
            }
            let raw = self
                .text(Some(v), at)?
                .unwrap_or_else(|| "(not text)".into());
            unreadable.push((raw, *at));
        }
        for (raw, at) in unreadable {
            self.problem(format!(
                "{}: '{raw}' ({at}) is not a date Dossier reads",
                field.name()
            ));
        }
        Ok(())
    }

    fn date_mut(&mut self, field: DateField) -> &mut String {
        let d = &mut self.found.draft;
        match field {
            DateField::Started => &mut d.started,
            DateField::Completed => &mut d.completed,
            DateField::Expires => &mut d.expires,
        }
    }

    /// Adds a skill: blank ones skipped, the same name in another case once, at most
    /// `MAX_SKILLS` (the rest counted for a note), names the draft would refuse left out.
    pub fn skill(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty()
            || self
                .skills
                .iter()
                .any(|s| s.to_lowercase() == name.to_lowercase())
        {
            return;
        }
        if name.chars().count() > MAX_SKILL_NAME {
            self.long_skills += 1;
        } else if self.skills.len() >= MAX_SKILLS {
            self.skills_left_out += 1;
        } else {
            self.skills.push(name.to_string());
        }
    }

    /// Skills from a string or a list of strings (`tags`, `tag`, `fieldOfStudy`).
    pub fn skills_from(&mut self, v: Option<&Value>, at: &str) -> Result<()> {
        match v {
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    if let Some(s) = self.text(Some(item), &format!("{at}[{i}]"))? {
                        self.skill(&s);
                    }
                }
            }
            Some(v) => {
                if let Some(s) = self.text(Some(v), at)? {
                    self.skill(&s);
                }
            }
            None => {}
        }
        Ok(())
    }

    /// Skills from `alignment[]`: each aligned framework item's `targetName`.
    pub fn alignments(&mut self, v: Option<&Value>, at: &str) -> Result<()> {
        for (i, a) in list(v).iter().enumerate() {
            let at = format!("{at}[{i}].targetName");
            if let Some(name) = self.text(a.get("targetName"), &at)? {
                self.skill(&name);
            }
        }
        Ok(())
    }

    /// `evidence` as notes: a URL, an object (`name`, `narrative`, `description`, `id`), or a
    /// list of either.
    pub fn evidence(&mut self, v: Option<&Value>, at: &str) -> Result<()> {
        for (i, e) in list(v).iter().enumerate() {
            let at = format!("{at}[{i}]");
            if let Value::String(_) = e {
                if let Some(url) = self.string(Some(e), &at)? {
                    self.paragraph("Evidence", &url);
                }
                continue;
            }
            let mut parts = Vec::new();
            for key in ["name", "narrative", "description", "id"] {
                if let Some(s) = self.text(e.get(key), &format!("{at}.{key}"))? {
                    parts.push(s);
                }
            }
            self.paragraph("Evidence", &parts.join(" - "));
        }
        Ok(())
    }

    /// `criteria`: a URL (OB 2.0 allows one alone) or `{id, narrative}`.
    pub fn criteria(&mut self, v: Option<&Value>, at: &str) -> Result<()> {
        let (url, narrative) = match v {
            Some(Value::String(_)) => (self.string(v, at)?, None),
            Some(c) => (
                self.string(c.get("id"), &format!("{at}.id"))?,
                self.text(c.get("narrative"), &format!("{at}.narrative"))?,
            ),
            None => (None, None),
        };
        if let Some(n) = narrative {
            self.paragraph("Criteria", &n);
        }
        if let Some(u) = url {
            self.paragraph("Criteria page", &u);
            self.offer_url(Some(&u));
        }
        Ok(())
    }

    /// `issuer`: an object with a `name`, or only an identifier (a URL of a hosted profile, a
    /// DID), which is said in a note since Dossier does not go online to learn the name.
    pub fn issuer(&mut self, v: Option<&Value>, at: &str) -> Result<()> {
        let (name, id) = match v {
            Some(Value::String(_)) => (None, self.string(v, at)?),
            Some(i) => (
                self.text(i.get("name"), &format!("{at}.name"))?,
                self.string(i.get("id"), &format!("{at}.id"))?,
            ),
            None => (None, None),
        };
        match (name, id) {
            (Some(name), _) => self.found.draft.issuer = name,
            (None, Some(id)) if is_http(&id) => self.note(format!(
                "The issuer's profile is hosted at {id} and was not fetched: Dossier does not \
                 go online."
            )),
            (None, Some(id)) => self.note(format!(
                "The issuer is named only by its identifier {id}; the file gives no name."
            )),
            (None, None) => {}
        }
        Ok(())
    }

    /// `hours` from a number of credits (OB 3.0 `creditsEarned`, `creditsAvailable`), said to
    /// be credits in a note since the draft has no field for them.
    pub fn credits(&mut self, v: Option<&Value>, at: &str) -> Result<()> {
        let Some(v) = v.filter(|v| !v.is_null()) else {
            return Ok(());
        };
        let n = match v {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        };
        match n.filter(|n| n.is_finite()) {
            Some(n) => {
                let h = text::hours_text(n);
                self.found.draft.hours = h.clone();
                self.note(format!(
                    "Hours holds {h} credits ({at}): the credential counts credits, not hours."
                ));
            }
            None => {
                let raw = self
                    .text(Some(v), at)?
                    .unwrap_or_else(|| "(not text)".into());
                self.problem(format!("hours: '{raw}' ({at}) is not a number"));
            }
        }
        Ok(())
    }

    /// The record: notes joined (cut at the draft's limit, the whole text being in the kept
    /// file), skills set, a missing title named, and the file kept as evidence.
    pub fn finish(mut self) -> Found {
        if self.skills_left_out > 0 {
            self.note(format!(
                "{} more skills were left out: a record holds at most {MAX_SKILLS}.",
                self.skills_left_out
            ));
        }
        if self.long_skills > 0 {
            self.note(format!(
                "{} skills were left out: their names are over {MAX_SKILL_NAME} characters.",
                self.long_skills
            ));
        }
        let notes = self.paragraphs.join("\n\n");
        let draft = &mut self.found.draft;
        if notes.chars().count() > MAX_NOTES {
            draft.notes = notes.chars().take(MAX_NOTES).collect();
            self.found.notes.push(format!(
                "The notes were cut at {MAX_NOTES} characters; the whole text is in the kept file."
            ));
        } else {
            draft.notes = notes;
        }
        draft.skills = self
            .skills
            .into_iter()
            .map(|name| SkillDraft {
                name,
                relevance: String::new(),
            })
            .collect();
        draft.url = self.url.unwrap_or_default();
        if draft.title.trim().is_empty()
            && !self.found.problems.iter().any(|p| p.starts_with("title"))
        {
            self.found
                .problems
                .push("title: the file names no title (no badge or achievement name)".into());
        }
        self.found.keep_file(self.file);
        self.found
    }
}

/// A value that may be one item or a list of them, as a list.
pub(super) fn list(v: Option<&Value>) -> &[Value] {
    match v {
        Some(Value::Array(items)) => items,
        Some(Value::Null) | None => &[],
        Some(one) => std::slice::from_ref(one),
    }
}

/// Whether `s` is a web address (a hosted assertion, BadgeClass or profile).
pub(super) fn is_http(s: &str) -> bool {
    has_scheme(s, "http://") || is_https(s)
}

/// Whether `s` is an https URL (the only kind a record's `url` takes from a badge: http ones
/// are API endpoints or stale).
pub(super) fn is_https(s: &str) -> bool {
    has_scheme(s, "https://")
}

fn has_scheme(s: &str, scheme: &str) -> bool {
    s.get(..scheme.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
        && s.len() > scheme.len()
        && !s.contains(char::is_whitespace)
}
