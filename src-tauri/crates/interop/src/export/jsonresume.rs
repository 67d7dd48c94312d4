//! Records as a JSON Resume (schema v1.2.1, https://jsonresume.org/schema), for the résumé
//! builders and themes that read it.
//!
//! Where each record goes:
//! - certifications, board certifications, micro-credentials, executive education and
//!   graduate certificates, once earned, go to `certificates` (an in-progress one is not
//!   "received", which is what the section lists);
//! - degrees go to `education`; an in-progress degree has no `endDate`, the résumé
//!   convention for "ongoing" (its expected date is not an end);
//! - practical experience (a deployed model, a validation study) goes to `projects`;
//! - CE activities are left out: a résumé names credentials, not each hour of CE, and JSON
//!   Resume has no section for them (`education.courses` belongs to one institution); the CSV
//!   export carries them;
//! - every record's skills, each once, go to `skills`, the most relevant first.
//!
//! Notes are never exported: they are the owner's own. A web address is written as RFC 3986
//! (non-ASCII encoded, as the schema's `uri` format requires); a profile website typed
//! without `https://` gets it; an email that is not one is left out rather than making the
//! document invalid.

use chrono::DateTime;
use dossier_core::profile::Profile;
use dossier_core::{Credential, CredentialKind, PartialDate, Status};
use serde_json::{json, Map, Value};

/// The JSON Resume schema version the document follows (written as `meta.version`).
pub const SCHEMA_VERSION: &str = "v1.2.1";

/// The JSON Resume of `profile` and `records` (records not removed).
pub fn json_resume(profile: &Profile, records: &[Credential]) -> Value {
    let mut resume = Map::new();
    resume.insert("basics".into(), basics(profile));
    let sections = [
        ("certificates", section(records, certificate)),
        ("education", section(records, education)),
        ("projects", section(records, project)),
        ("skills", skills(records)),
    ];
    for (name, entries) in sections {
        if !entries.is_empty() {
            resume.insert(name.into(), Value::Array(entries));
        }
    }
    resume.insert("meta".into(), meta(records));
    Value::Object(resume)
}

/// An object of the fields that have a value.
fn object<const N: usize>(fields: [(&str, Option<String>); N]) -> Map<String, Value> {
    fields
        .into_iter()
        .filter_map(|(k, v)| {
            v.filter(|v| !v.trim().is_empty())
                .map(|v| (k.into(), v.into()))
        })
        .collect()
}

fn basics(p: &Profile) -> Value {
    let mut b = object([
        ("name", Some(p.name.clone())),
        ("label", Some(p.title.clone())),
        ("email", email(&p.email)),
        ("phone", Some(p.phone.clone())),
        ("url", web(&p.website, true)),
    ]);
    // Free text ("Boston, MA"): `address` is the one location field that takes any text.
    if !p.location.trim().is_empty() {
        b.insert("location".into(), json!({ "address": p.location }));
    }
    Value::Object(b)
}

/// The records that `entry` places, most recent first (undated last), as its entries.
fn section(
    records: &[Credential],
    entry: fn(&Credential) -> Option<Map<String, Value>>,
) -> Vec<Value> {
    let mut placed: Vec<(&Credential, Map<String, Value>)> = records
        .iter()
        .filter_map(|r| entry(r).map(|e| (r, e)))
        .collect();
    placed.sort_by_key(|(r, _)| std::cmp::Reverse(r.completed.or(r.started)));
    placed.into_iter().map(|(_, e)| Value::Object(e)).collect()
}

fn date(d: Option<PartialDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn certificate(r: &Credential) -> Option<Map<String, Value>> {
    use CredentialKind::*;
    let kinds = [
        Certification,
        BoardCertification,
        MicroCredential,
        ExecutiveEducation,
        GraduateCertificate,
    ];
    if !kinds.contains(&r.kind) || r.status == Status::InProgress {
        return None;
    }
    Some(object([
        ("name", Some(r.title.clone())),
        ("date", date(r.completed)),
        ("url", r.url.as_deref().and_then(|u| web(u, false))),
        ("issuer", r.issuer.clone()),
    ]))
}

fn education(r: &Credential) -> Option<Map<String, Value>> {
    if r.kind != CredentialKind::Degree {
        return None;
    }
    // "Master of Science in Nursing": the degree, then its field; a title without " in "
    // ("MBA", "BSc Nursing") is all degree.
    let (study, area) = match r.title.split_once(" in ") {
        Some((s, a)) if !s.trim().is_empty() && !a.trim().is_empty() => (s, Some(a)),
        _ => (r.title.as_str(), None),
    };
    let end = (r.status == Status::Completed)
        .then_some(r.completed)
        .flatten();
    Some(object([
        ("institution", r.issuer.clone()),
        ("area", area.map(|a| a.trim().to_string())),
        ("studyType", Some(study.trim().to_string())),
        ("startDate", date(r.started)),
        ("endDate", date(end)),
        ("url", r.url.as_deref().and_then(|u| web(u, false))),
    ]))
}

fn project(r: &Credential) -> Option<Map<String, Value>> {
    if r.kind != CredentialKind::Experience {
        return None;
    }
    let end = (r.status == Status::Completed)
        .then_some(r.completed)
        .flatten();
    let mut p = object([
        ("name", Some(r.title.clone())),
        ("entity", r.issuer.clone()),
        ("startDate", date(r.started)),
        ("endDate", date(end)),
        ("url", r.url.as_deref().and_then(|u| web(u, false))),
    ]);
    if !r.skills.is_empty() {
        let keywords = r
            .skills
            .iter()
            .map(|s| Value::from(s.name.clone()))
            .collect();
        p.insert("keywords".into(), Value::Array(keywords));
    }
    Some(p)
}

/// Every skill once (by name, whatever its case, spelt as first met), ordered by its summed
/// relevance over the records, then by name.
fn skills(records: &[Credential]) -> Vec<Value> {
    let mut totals: Vec<(String, f64)> = Vec::new();
    for s in records.iter().flat_map(|r| &r.skills) {
        let name = s.name.trim();
        if name.is_empty() {
            continue;
        }
        match totals
            .iter_mut()
            .find(|(n, _)| n.to_lowercase() == name.to_lowercase())
        {
            Some((_, total)) => *total += s.relevance,
            None => totals.push((name.to_string(), s.relevance)),
        }
    }
    totals.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    totals
        .into_iter()
        .map(|(name, _)| json!({ "name": name }))
        .collect()
}

fn meta(records: &[Credential]) -> Value {
    // The last change to any record, as the schema asks (`YYYY-MM-DDThh:mm:ss`, UTC).
    let last = records
        .iter()
        .filter_map(|r| DateTime::parse_from_rfc3339(&r.updated_at).ok())
        .max()
        .map(|t| t.naive_utc().format("%Y-%m-%dT%H:%M:%S").to_string());
    let mut m = object([
        ("version", Some(SCHEMA_VERSION.to_string())),
        ("lastModified", last),
    ]);
    m.insert(
        "generator".into(),
        format!("Dossier {}", env!("CARGO_PKG_VERSION")).into(),
    );
    Value::Object(m)
}

/// `s` as an absolute http(s) address in RFC 3986 form, or `None`. `bare` accepts a host
/// typed without its scheme ("example.com"), as people type their website.
fn web(s: &str, bare: bool) -> Option<String> {
    let s = s.trim();
    let parsed = match url::Url::parse(s) {
        Err(url::ParseError::RelativeUrlWithoutBase) if bare => {
            url::Url::parse(&format!("https://{s}")).ok()
        }
        other => other.ok(),
    }?;
    let web = matches!(parsed.scheme(), "http" | "https")
        && parsed.host_str().is_some_and(|h| h.contains('.'));
    web.then(|| parsed.to_string())
}

/// `s` when it has the shape of an address (`local@domain.tld` in ASCII, as the schema's `email` format reads it), else `None`.
fn email(s: &str) -> Option<String> {
    let s = s.trim();
    let (local, domain) = s.rsplit_once('@')?;
    let labels_ok = domain.split('.').count() > 1
        && domain
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    (labels_ok
        && local_ok
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains(".."))
    .then(|| s.to_string())
}
