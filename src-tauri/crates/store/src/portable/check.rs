//! Validation of an export before anything is written: every entry through the same checks
//! (the domain's drafts) as what a person types, plus the identities and times only an export
//! carries. Returns the document as it will be written (trimmed, UUIDs in lower case), or
//! every problem, each named by its place (`credentials[3].title: is required`).

use super::{Portable, FORMAT, VERSION};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use dossier_core::change_draft::FieldChangeDraft;
use dossier_core::draft::MAX_SKILL_NAME;
use dossier_core::framework_draft::FrameworkDraft;
use dossier_core::requirement_draft::RequirementDraft;
use dossier_core::settings::MAX_WARNING_DAYS;
use dossier_core::staleness::check_half_life;
use dossier_core::{CredentialDraft, FieldError, FieldPath, PartialDate};
use std::collections::HashSet;

/// Past this many problems the rest are counted, not listed: a hostile file must not make a
/// message of megabytes.
const MAX_LISTED: usize = 20;
const MAX_SOURCE: usize = 100;
const MAX_FILE_NAME: usize = 1000;
const MAX_REFERENCE: usize = 4096;
const MAX_MEDIA_TYPE: usize = 200;
const MAX_DESCRIPTION: usize = 5000;

/// The problems found so far.
#[derive(Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn fail(&mut self, path: FieldPath, message: impl Into<String>) {
        self.0.push(FieldError::new(path, message));
    }

    /// A draft's errors, placed under the entry they belong to.
    fn under(&mut self, list: &str, i: usize, errors: Vec<FieldError>) {
        for e in errors {
            self.fail(FieldPath::at(list, i, e.field), e.message);
        }
    }

    /// A UUID (`8-4-4-4-12` hex digits), in lower case.
    fn uuid_of(&mut self, path: FieldPath, s: &str) -> String {
        let b = s.as_bytes();
        let dash = |i: usize| [8, 13, 18, 23].contains(&i);
        let shaped = b.len() == 36
            && b.iter().enumerate().all(|(i, c)| {
                if dash(i) {
                    *c == b'-'
                } else {
                    c.is_ascii_hexdigit()
                }
            });
        if !shaped {
            self.fail(path, format!("'{}' is not a UUID", shown(s)));
        }
        s.to_ascii_lowercase()
    }

    /// `uuid_of` for a record's own identity, which no other record of its kind may have.
    fn uuid(&mut self, path: FieldPath, s: &str, seen: &mut HashSet<String>) -> String {
        let u = self.uuid_of(path.clone(), s);
        if !seen.insert(u.clone()) {
            self.fail(path, format!("{} is used twice in the export", shown(&u)));
        }
        u
    }

    /// A time the store wrote (RFC 3339).
    fn stamp(&mut self, path: FieldPath, s: &str) {
        if s.len() > 64 || chrono::DateTime::parse_from_rfc3339(s).is_err() {
            self.fail(
                path,
                format!("'{}' is not a date and time (RFC 3339)", shown(s)),
            );
        }
    }

    /// One line of text: at most `max` characters, nothing that reads other than it is.
    fn line(&mut self, path: FieldPath, s: &str, max: usize, required: bool) {
        let n = s.chars().count();
        if required && s.trim().is_empty() {
            self.fail(path, "is required");
        } else if n > max {
            self.fail(path, format!("is too long ({n} characters; at most {max})"));
        } else if s.chars().any(|c| c.is_control() || bidi_override(c)) {
            self.fail(path, "must be one line without control characters");
        }
    }

    fn finish<T>(mut self, value: T) -> Result<T> {
        if self.0.is_empty() {
            return Ok(value);
        }
        if self.0.len() > MAX_LISTED {
            let more = self.0.len() - MAX_LISTED;
            self.0.truncate(MAX_LISTED);
            self.0.push(FieldError::new(
                "export",
                format!("and {more} more problems"),
            ));
        }
        Err(Error::Invalid(self.0))
    }
}

/// U+202A..U+202E and U+2066..U+2069: they make "fdp.exe" read as "exe.pdf".
fn bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A value quoted in a message, cut short.
fn shown(s: &str) -> String {
    let cut: String = s.chars().take(60).filter(|c| !c.is_control()).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

fn at(list: &str, i: usize, sub: &str) -> FieldPath {
    FieldPath::at(list, i, sub)
}

/// The document as it will be written, or every problem with it.
pub(super) fn check(p: &Portable, today: NaiveDate) -> Result<Portable> {
    let mut bad = Problems::default();
    let h = &p.dossier;
    if h.format != FORMAT {
        bad.fail(
            "dossier.format".into(),
            format!("'{}' is not {FORMAT}", shown(&h.format)),
        );
    }
    if h.version != VERSION {
        let why = if h.version > VERSION {
            "was written by a newer Dossier; update Dossier to restore it"
        } else {
            "is not a version Dossier knows"
        };
        bad.fail("dossier.version".into(), format!("{} {why}", h.version));
    }
    // Stops here: a document of another format or version is not read as this one.
    let mut out = bad.finish(p.clone())?;
    let mut bad = Problems::default();
    match p.profile.validate() {
        Ok(profile) => out.profile = profile,
        Err(errs) => {
            for e in errs {
                bad.fail(format!("profile.{}", e.field).into(), e.message);
            }
        }
    }
    settings(&mut bad, p);
    skill_areas(&mut bad, &mut out);
    frameworks(&mut bad, &mut out);
    field_changes(&mut bad, &mut out);
    requirements(&mut bad, &mut out);
    let uuids = credentials(&mut bad, &mut out, today);
    renewals(&mut bad, &mut out, &uuids);
    bad.finish(out)
}

fn settings(bad: &mut Problems, p: &Portable) {
    if let Some(d) = p.settings.warning_days {
        if !(0..=MAX_WARNING_DAYS).contains(&d) {
            let msg = format!("must be 0 to {MAX_WARNING_DAYS} days (got {d})");
            bad.fail("settings.warning_days".into(), msg);
        }
    }
    if let Some(Err(e)) = p.settings.default_half_life.map(check_half_life) {
        bad.fail("settings.default_half_life".into(), e.message);
    }
}

fn skill_areas(bad: &mut Problems, out: &mut Portable) {
    let mut names = HashSet::new();
    for (i, a) in out.skill_areas.iter_mut().enumerate() {
        a.name = a.name.trim().to_string();
        bad.line(at("skill_areas", i, "name"), &a.name, MAX_SKILL_NAME, true);
        if !names.insert(a.name.to_lowercase()) {
            bad.fail(
                at("skill_areas", i, "name"),
                format!("'{}' is listed twice", a.name),
            );
        }
        if let Some(Err(e)) = a.half_life_years.map(check_half_life) {
            bad.fail(at("skill_areas", i, "half_life_years"), e.message);
        }
        if a.description
            .as_ref()
            .is_some_and(|d| d.chars().count() > MAX_DESCRIPTION)
        {
            let msg = format!("is too long (at most {MAX_DESCRIPTION} characters)");
            bad.fail(at("skill_areas", i, "description"), msg);
        }
    }
}

fn frameworks(bad: &mut Problems, out: &mut Portable) {
    let (mut uuids, mut ids) = (HashSet::new(), HashSet::new());
    let active = out.frameworks.iter().filter(|f| f.active).count();
    if active > 1 {
        bad.fail(
            "frameworks".into(),
            format!("{active} are marked active; at most one can be"),
        );
    }
    for (i, f) in out.frameworks.iter_mut().enumerate() {
        f.uuid = bad.uuid(at("frameworks", i, "uuid"), &f.uuid, &mut uuids);
        bad.stamp(at("frameworks", i, "updated_at"), &f.updated_at);
        match FrameworkDraft::from_input(&f.framework).validate() {
            Ok(fw) => f.framework = fw,
            Err(errs) => bad.under("frameworks", i, errs),
        }
        if !ids.insert(f.framework.id.clone()) {
            let msg = format!("'{}' is used twice", shown(&f.framework.id));
            bad.fail(at("frameworks", i, "id"), msg);
        }
        let fw = &f.framework;
        let leaves: HashSet<&str> = fw
            .domains()
            .flat_map(|d| fw.skills_under(&d.id))
            .map(|n| n.id.as_str())
            .collect();
        let mut seen = HashSet::new();
        for (k, a) in f.aliases.iter_mut().enumerate() {
            let path = at("frameworks", i, &format!("aliases[{k}]"));
            a.alias = a.alias.trim().to_string();
            bad.line(path.clone(), &a.alias, MAX_SKILL_NAME, true);
            if !leaves.contains(a.skill_id.as_str()) {
                let msg = format!("'{}' is not a skill of {}", shown(&a.skill_id), fw.id);
                bad.fail(path, msg);
            } else if !seen.insert(a.alias.to_lowercase()) {
                bad.fail(path, format!("'{}' is listed twice", a.alias));
            }
        }
    }
}

fn field_changes(bad: &mut Problems, out: &mut Portable) {
    let mut uuids = HashSet::new();
    for (i, c) in out.field_changes.iter_mut().enumerate() {
        c.uuid = bad.uuid(at("field_changes", i, "uuid"), &c.uuid, &mut uuids);
        bad.stamp(at("field_changes", i, "created_at"), &c.created_at);
        match FieldChangeDraft::from_input(&c.change()).validate() {
            Ok(v) => *c = super::PortableFieldChange::new(c.uuid.clone(), c.created_at.clone(), v),
            Err(errs) => bad.under("field_changes", i, errs),
        }
    }
}

fn requirements(bad: &mut Problems, out: &mut Portable) {
    let (mut uuids, mut names) = (HashSet::new(), HashSet::new());
    for (i, r) in out.requirements.iter_mut().enumerate() {
        r.uuid = bad.uuid(at("requirements", i, "uuid"), &r.uuid, &mut uuids);
        bad.stamp(at("requirements", i, "created_at"), &r.created_at);
        if let Some(c) = &r.credential {
            // Several requirements may renew one credential: only the shape is checked here.
            r.credential = Some(bad.uuid_of(at("requirements", i, "credential"), c));
        }
        match RequirementDraft::from_input(&r.rules(None)).validate() {
            Ok(v) => {
                let (uuid, created, credential) =
                    (r.uuid.clone(), r.created_at.clone(), r.credential.clone());
                *r = super::PortableRequirement::new(uuid, created, credential, v);
            }
            Err(errs) => bad.under("requirements", i, errs),
        }
        if !names.insert(r.name.to_lowercase()) {
            let msg = format!("a requirement named '{}' is listed twice", shown(&r.name));
            bad.fail(at("requirements", i, "name"), msg);
        }
    }
}

/// Checks every credential and its evidence links; returns the credentials' UUIDs.
fn credentials(bad: &mut Problems, out: &mut Portable, today: NaiveDate) -> HashSet<String> {
    let (mut uuids, mut links) = (HashSet::new(), HashSet::new());
    for (i, c) in out.credentials.iter_mut().enumerate() {
        let place = |sub: &str| at("credentials", i, sub);
        c.uuid = bad.uuid(place("uuid"), &c.uuid, &mut uuids);
        match CredentialDraft::from_input(&c.input()).validate(today) {
            Ok(input) => c.record = input,
            Err(errs) => bad.under("credentials", i, errs),
        }
        bad.line(place("source"), &c.source, MAX_SOURCE, true);
        if let Some(f) = &c.source_file {
            bad.line(place("source_file"), f, MAX_FILE_NAME, false);
        }
        if let Some(r) = &c.source_ref {
            bad.line(place("source_ref"), r, MAX_REFERENCE, false);
        }
        bad.stamp(place("created_at"), &c.created_at);
        bad.stamp(place("updated_at"), &c.updated_at);
        let mut hashes = HashSet::new();
        for (k, e) in c.evidence.iter_mut().enumerate() {
            let field = |sub: &str| place(&format!("evidence[{k}].{sub}"));
            e.uuid = bad.uuid(field("uuid"), &e.uuid, &mut links);
            bad.line(field("name"), &e.name, MAX_FILE_NAME, true);
            bad.stamp(field("added_at"), &e.added_at);
            // The hash names the file on disk: nothing but 64 hex digits may reach a path.
            let hex = e.sha256.len() == 64 && e.sha256.bytes().all(|b| b.is_ascii_hexdigit());
            if !hex {
                bad.fail(
                    field("sha256"),
                    format!("'{}' is not a SHA-256", shown(&e.sha256)),
                );
            }
            e.sha256 = e.sha256.to_ascii_lowercase();
            if !hashes.insert(e.sha256.clone()) {
                bad.fail(field("sha256"), "the same file is linked twice");
            }
            if e.size > crate::MAX_EVIDENCE_BYTES {
                let msg = format!(
                    "{} bytes is past the limit of {}",
                    e.size,
                    crate::MAX_EVIDENCE_BYTES
                );
                bad.fail(field("size"), msg);
            }
            if let Some(m) = &e.media_type {
                bad.line(field("media_type"), m, MAX_MEDIA_TYPE, false);
            }
        }
    }
    uuids
}

fn renewals(bad: &mut Problems, out: &mut Portable, credentials: &HashSet<String>) {
    for (i, r) in out.renewals.iter_mut().enumerate() {
        let place = |sub: &str| at("renewals", i, sub);
        r.credential = bad.uuid_of(place("credential"), &r.credential);
        if !credentials.contains(&r.credential) {
            let msg = format!("no credential {} in the export", shown(&r.credential));
            bad.fail(place("credential"), msg);
        }
        bad.stamp(place("renewed_at"), &r.renewed_at);
        let mut date = |sub: &str, d: &mut String| match d.trim().parse::<PartialDate>() {
            Ok(v) => *d = v.to_string(),
            Err(e) => bad.fail(place(sub), e.to_string()),
        };
        date("completed", &mut r.completed);
        for (sub, d) in [
            ("previous_completed", &mut r.previous_completed),
            ("previous_expires", &mut r.previous_expires),
            ("expires", &mut r.expires),
        ] {
            if let Some(d) = d {
                date(sub, d);
            }
        }
    }
}
