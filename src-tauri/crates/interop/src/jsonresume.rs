//! Importer: JSON Resume (schema v1.2.1). `certificates[]` become certifications and
//! `education[]` degrees; the rest of a résumé (work, awards, skills lists) holds no
//! credentials and is left alone. The schema's types are checked: a field of the wrong shape
//! is an error naming it (`certificates[2].date`), while a date in a shape the schema does not
//! allow is a problem on its record only.

use crate::bounds;
use crate::error::{Error, Result};
use crate::record::{Format, Found, InputFile};
use crate::text;
use dossier_core::{CredentialKind, SkillDraft};
use serde_json::{Map, Value};

/// The certificates and education of a JSON Resume.
pub fn read(file: &InputFile) -> Result<Vec<Found>> {
    bounds::check_size(&file.name, file.bytes.len() as u64)?;
    let resume = bounds::parse_json(&file.name, &file.bytes)?;
    let Some(resume) = resume.as_object() else {
        return Err(Error::invalid(
            &file.name,
            "the top level",
            "a JSON Resume is an object with fields such as basics, certificates and education",
        ));
    };
    let r = Reader { file };
    let mut found = Vec::new();
    for (at, item) in r.list(resume, "certificates")? {
        found.push(r.certificate(&at, item)?);
    }
    for (at, item) in r.list(resume, "education")? {
        found.push(r.education(&at, item)?);
    }
    Ok(found)
}

struct Reader<'a> {
    file: &'a InputFile,
}

impl Reader<'_> {
    fn wrong(&self, at: &str, expected: &str) -> Error {
        Error::invalid(
            &self.file.name,
            format!("field {at}"),
            format!("is not {expected}"),
        )
    }

    /// The objects of the list `key` (absent or null: none), each with its path.
    fn list<'v>(&self, obj: &'v Map<String, Value>, key: &str) -> Result<Vec<(String, &'v Value)>> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let at = format!("{key}[{i}]");
                    if item.is_object() {
                        Ok((at, item))
                    } else {
                        Err(self.wrong(&at, "an object"))
                    }
                })
                .collect(),
            Some(_) => Err(self.wrong(key, "a list")),
        }
    }

    /// The string `key` of the object at `at`, trimmed ("" when absent or null).
    fn string(&self, item: &Value, at: &str, key: &str) -> Result<String> {
        let path = format!("{at}.{key}");
        match item.get(key) {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::String(s)) => {
                bounds::check_field(&self.file.name, &path, s)?;
                Ok(s.trim().to_string())
            }
            Some(_) => Err(self.wrong(&path, "a string")),
        }
    }

    /// A date field: the schema's `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or what `text::date`
    /// reads; other text is kept as written with a problem.
    fn date(&self, item: &Value, at: &str, key: &str, found: &mut Found) -> Result<String> {
        let raw = self.string(item, at, key)?;
        if raw.is_empty() {
            return Ok(raw);
        }
        Ok(text::date(&raw).unwrap_or_else(|| {
            found.problems.push(format!(
                "{at}.{key}: '{raw}' is not a date (the schema wants YYYY, YYYY-MM or YYYY-MM-DD)"
            ));
            raw
        }))
    }

    fn found(&self, at: &str) -> Found {
        Found::new(Format::Jsonresume, self.file, at)
    }

    fn certificate(&self, at: &str, item: &Value) -> Result<Found> {
        let mut found = self.found(at);
        found.draft.kind = CredentialKind::Certification;
        found.draft.title = self.string(item, at, "name")?;
        found.draft.issuer = self.string(item, at, "issuer")?;
        found.draft.url = self.string(item, at, "url")?;
        found.draft.completed = self.date(item, at, "date", &mut found)?;
        if found.draft.title.is_empty() {
            found.problems.push(format!("{at}.name is empty"));
        }
        Ok(found)
    }

    /// An education entry as a degree: "Master of Science in Biostatistics" from studyType
    /// and area; no endDate means it is ongoing.
    fn education(&self, at: &str, item: &Value) -> Result<Found> {
        let mut found = self.found(at);
        let institution = self.string(item, at, "institution")?;
        let study_type = self.string(item, at, "studyType")?;
        let area = self.string(item, at, "area")?;
        // The schema says a string; résumés often write a number ("score": 3.8).
        let score = match item.get("score") {
            Some(Value::Number(n)) => n.to_string(),
            _ => self.string(item, at, "score")?,
        };
        let courses = self.courses(item, at)?;
        let started = self.date(item, at, "startDate", &mut found)?;
        let completed = self.date(item, at, "endDate", &mut found)?;
        let d = &mut found.draft;
        d.kind = CredentialKind::Degree;
        d.title = title(&study_type, &area, &institution);
        d.issuer = institution;
        d.url = self.string(item, at, "url")?;
        d.started = started;
        d.in_progress = completed.is_empty();
        d.completed = completed;
        if !area.is_empty() {
            d.skills.push(SkillDraft {
                name: area,
                relevance: String::new(),
            });
        }
        let mut notes = Vec::new();
        if !score.is_empty() {
            notes.push(format!("Score: {score}"));
        }
        if !courses.is_empty() {
            notes.push(format!("Courses: {}", courses.join("; ")));
        }
        d.notes = notes.join("\n");
        if d.title.is_empty() {
            found.problems.push(format!(
                "{at}: studyType, area and institution are all empty"
            ));
        }
        Ok(found)
    }

    fn courses(&self, item: &Value, at: &str) -> Result<Vec<String>> {
        let path = format!("{at}.courses");
        match item.get("courses") {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(list)) => {
                let mut courses = Vec::new();
                for (i, c) in list.iter().enumerate() {
                    let at = format!("{path}[{i}]");
                    let Value::String(s) = c else {
                        return Err(self.wrong(&at, "a string"));
                    };
                    bounds::check_field(&self.file.name, &at, s)?;
                    if !s.trim().is_empty() {
                        courses.push(s.trim().to_string());
                    }
                }
                Ok(courses)
            }
            Some(_) => Err(self.wrong(&path, "a list")),
        }
    }
}

/// A degree's title as it reads naturally: "Master of Science in Biostatistics", the study
/// type alone, "Studies in AREA", or "Studies at INSTITUTION".
fn title(study_type: &str, area: &str, institution: &str) -> String {
    match (study_type.is_empty(), area.is_empty()) {
        (false, false) if study_type.to_lowercase().contains(&area.to_lowercase()) => {
            study_type.to_string()
        }
        (false, false) => format!("{study_type} in {area}"),
        (false, true) => study_type.to_string(),
        (true, false) => format!("Studies in {area}"),
        (true, true) if !institution.is_empty() => format!("Studies at {institution}"),
        (true, true) => String::new(),
    }
}
