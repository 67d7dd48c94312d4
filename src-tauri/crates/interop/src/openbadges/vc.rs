//! Open Badges 3.0 credentials (W3C Verifiable Credentials 1.1 and 2.0): the achievement in
//! `credentialSubject.achievement`, what the subject earned (credits, licence number, activity
//! dates, results), the issuer, and the VC's dates. A VC-JWT's claims (`iss`, `nbf`, `exp`,
//! `jti`) stand in for what the credential itself leaves out.

use super::build::{list, Builder, DateField};
use crate::error::Result;
use dossier_core::CredentialKind;
use serde_json::Value;

/// Fills `b` from the credential `v`; `claims` are the JWT's when it came in one.
pub(super) fn fill(b: &mut Builder, v: &Value, claims: Option<&Value>) -> Result<()> {
    let claim = |k: &str| claims.and_then(|c| c.get(k));
    let id = match b.string(v.get("id"), "id")? {
        Some(id) => Some(id),
        None => b.string(claim("jti"), "jti")?,
    };
    b.offer_url(id.as_deref());
    b.found.source.id = id;
    let subject = list(v.get("credentialSubject")).first();
    let s_at = "credentialSubject";
    let sub = |k: &str| subject.and_then(|s| s.get(k));
    let achievement = list(sub("achievement")).first();
    let a_at = "credentialSubject.achievement";
    let ach = |k: &str| achievement.and_then(|a| a.get(k));

    let title = match b.text(ach("name"), &format!("{a_at}.name"))? {
        Some(t) => Some(t),
        None => b.text(v.get("name"), "name")?,
    };
    if let Some(t) = &title {
        b.found.draft.title = t.clone();
    }
    let kind = b.text(ach("achievementType"), &format!("{a_at}.achievementType"))?;
    if let Some(k) = &kind {
        b.found.draft.kind = kind_of(k, title.as_deref().unwrap_or(""));
    }

    if v.get("issuer").is_some() {
        b.issuer(v.get("issuer"), "issuer")?;
    } else {
        b.issuer(claim("iss"), "iss")?;
    }
    if b.found.draft.issuer.is_empty() {
        let creator = ach("creator").and_then(|c| c.get("name"));
        if let Some(name) = b.text(creator, &format!("{a_at}.creator.name"))? {
            b.found.draft.issuer = name;
        }
    }

    b.date(
        DateField::Completed,
        &[
            (v.get("awardedDate"), "awardedDate"),
            (v.get("validFrom"), "validFrom"),
            (v.get("issuanceDate"), "issuanceDate"),
            (claim("nbf"), "nbf"),
            (claim("iat"), "iat"),
        ],
    )?;
    b.date(
        DateField::Expires,
        &[
            (v.get("validUntil"), "validUntil"),
            (v.get("expirationDate"), "expirationDate"),
            (claim("exp"), "exp"),
        ],
    )?;
    let start_at = format!("{s_at}.activityStartDate");
    b.date(DateField::Started, &[(sub("activityStartDate"), &start_at)])?;

    if sub("creditsEarned").is_some_and(|c| !c.is_null()) {
        b.credits(sub("creditsEarned"), &format!("{s_at}.creditsEarned"))?;
    } else {
        b.credits(ach("creditsAvailable"), &format!("{a_at}.creditsAvailable"))?;
    }
    if let Some(n) = b.text(sub("licenseNumber"), &format!("{s_at}.licenseNumber"))? {
        b.found.draft.credential_id = n;
    }

    let description = match b.text(ach("description"), &format!("{a_at}.description"))? {
        Some(d) => Some(d),
        None => b.text(v.get("description"), "description")?,
    };
    if let Some(d) = description {
        b.paragraph("", &d);
    }
    b.criteria(ach("criteria"), &format!("{a_at}.criteria"))?;
    if let Some(end) = sub("activityEndDate").and_then(crate::text::date_value) {
        b.paragraph("Activity ended", &end);
    }
    b.skills_from(ach("fieldOfStudy"), &format!("{a_at}.fieldOfStudy"))?;
    b.skills_from(ach("specialization"), &format!("{a_at}.specialization"))?;
    b.alignments(ach("alignment"), &format!("{a_at}.alignment"))?;
    b.skills_from(ach("tag"), &format!("{a_at}.tag"))?;
    results(b, sub("result"), &format!("{s_at}.result"))?;
    b.evidence(v.get("evidence"), "evidence")?;
    status(b, v.get("credentialStatus"))?;
    let ach_id = b.string(ach("id"), &format!("{a_at}.id"))?;
    b.offer_url(ach_id.as_deref());
    Ok(())
}

/// `result[]`: each result's value, status and level, as a line of the notes.
fn results(b: &mut Builder, v: Option<&Value>, at: &str) -> Result<()> {
    for (i, r) in list(v).iter().enumerate() {
        let mut parts = Vec::new();
        // `resultDescription` is only a reference to the achievement's own list, not text.
        for key in ["value", "achievedLevel", "status"] {
            if let Some(s) = b.text(r.get(key), &format!("{at}[{i}].{key}"))? {
                parts.push(s);
            }
        }
        b.paragraph("Result", &parts.join(", "));
    }
    Ok(())
}

/// `credentialStatus`: a revocation or status list on a server, which Dossier does not ask.
fn status(b: &mut Builder, v: Option<&Value>) -> Result<()> {
    for (i, s) in list(v).iter().enumerate() {
        let at = format!("credentialStatus[{i}]");
        let url = match b.string(
            s.get("statusListCredential"),
            &format!("{at}.statusListCredential"),
        )? {
            Some(u) => Some(u),
            None => b.string(s.get("id"), &format!("{at}.id"))?,
        };
        let kind = b.text(s.get("type"), &format!("{at}.type"))?;
        if let Some(url) = url {
            let kind = kind.map(|k| format!(" ({k})")).unwrap_or_default();
            b.note(format!(
                "The issuer publishes whether this credential is revoked at {url}{kind}; \
                 Dossier does not go online to check it."
            ));
        }
    }
    Ok(())
}

/// The kind of record an OB 3.0 `achievementType` is. Names are the 1EdTech vocabulary;
/// `ext:` types are an issuer's own and read as micro-credentials, as unknown ones are.
pub(super) fn kind_of(achievement_type: &str, title: &str) -> CredentialKind {
    use CredentialKind::*;
    let t = achievement_type.trim();
    match t {
        "Certification"
        | "License"
        | "ApprenticeshipCertificate"
        | "JourneymanCertificate"
        | "MasterCertificate" => Certification,
        "Certificate" => {
            let name = title.to_lowercase();
            if name.contains("graduate") && !name.contains("undergraduate") {
                GraduateCertificate
            } else {
                Certification
            }
        }
        "Degree"
        | "AssociateDegree"
        | "BachelorDegree"
        | "MasterDegree"
        | "DoctoralDegree"
        | "ProfessionalDoctorate"
        | "ResearchDoctorate"
        | "Diploma" => Degree,
        "Course" | "LearningProgram" | "CertificateOfCompletion" => CeActivity,
        _ => MicroCredential,
    }
}
