//! The values people type into a spreadsheet's kind, hours and status columns: Dossier's own
//! names and labels, and the everyday words and units around them.

use dossier_core::CredentialKind;

/// A kind from Dossier's names and labels (`ce-activity`, "CE activity") or a common word
/// for one ("Course", "CME", "Certificate", "Badge").
pub(crate) fn kind(raw: &str) -> Option<CredentialKind> {
    if let Ok(k) = raw.parse() {
        return Some(k);
    }
    let words = raw
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let word = words
        .strip_suffix('s')
        .filter(|w| w.len() >= 3)
        .unwrap_or(&words);
    use CredentialKind::*;
    Some(match word {
        "certificate"
        | "cert"
        | "certification"
        | "professional certification"
        | "license"
        | "licence"
        | "credential" => Certification,
        "course"
        | "cme"
        | "ce"
        | "ceu"
        | "cpd"
        | "cne"
        | "continuing education"
        | "seminar"
        | "workshop"
        | "webinar"
        | "conference"
        | "training"
        | "module" => CeActivity,
        "badge" | "open badge" | "micro credential" | "microcredential" | "digital badge" => {
            MicroCredential
        }
        "bachelor" | "master" | "doctorate" | "phd" | "diploma" | "academic degree" => Degree,
        "board" | "board certified" | "specialty board" => BoardCertification,
        "grad certificate" | "graduate cert" | "postgraduate certificate" => GraduateCertificate,
        "executive program" | "executive programme" | "exec ed" | "executive course" => {
            ExecutiveEducation
        }
        "project" | "publication" | "work" | "job" | "position" => Experience,
        _ => return None,
    })
}

/// The kinds as a person can type them, for a problem message.
pub(crate) fn kind_names() -> String {
    CredentialKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Hours from a cell: "1.5", "1,5" (a decimal comma), "1,000", "2 hours", "90 min",
/// "1.5 CME credits", "PT2H".
pub(crate) fn hours(raw: &str) -> Option<f64> {
    let s = raw.trim();
    if s.starts_with(['P', 'p']) {
        return crate::text::duration_hours(&s.to_uppercase());
    }
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(s.len());
    let (number, unit) = s.split_at(end);
    let number = decimal(number)?;
    let unit = unit.trim().to_lowercase();
    let first = unit.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches(['.', ')', '(', '*']);
    let per_hour = if first.starts_with("min") {
        1.0 / 60.0
    } else if first.is_empty()
        || [
            "h", "hr", "hrs", "hour", "hours", "cme", "ce", "ceu", "ceus", "cpd", "point",
        ]
        .contains(&first)
        || first.starts_with("point")
        || unit.contains("credit")
        || unit.contains("hour")
    {
        1.0
    } else {
        return None;
    };
    Some(number * per_hour)
}

/// A number with a decimal point or a decimal comma; a comma before exactly three digits
/// separates thousands, as in "1,000".
fn decimal(s: &str) -> Option<f64> {
    let s = s.trim_end_matches(['.', ',']);
    let normal = match (s.rfind('.'), s.rfind(',')) {
        (Some(d), Some(c)) if c > d => s.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => s.replace(',', ""),
        (None, Some(c)) if s.matches(',').count() == 1 && s.len() - c - 1 != 3 => {
            s.replace(',', ".")
        }
        (None, Some(_)) => s.replace(',', ""),
        _ => s.to_string(),
    };
    normal.parse().ok().filter(|h: &f64| h.is_finite())
}

/// Whether a status cell says the credential is still in progress: "in progress", "ongoing",
/// "yes" mean it is; "completed", "done", "no" and an empty cell mean it is not.
pub(crate) fn in_progress(raw: &str) -> Option<bool> {
    let s = raw.trim().to_lowercase().replace(['-', '_'], " ");
    match s.as_str() {
        "in progress" | "ongoing" | "enrolled" | "current" | "pending" | "studying" | "yes"
        | "y" | "true" | "1" | "expected" => Some(true),
        "" | "completed" | "complete" | "done" | "finished" | "earned" | "awarded" | "passed"
        | "no" | "n" | "false" | "0" => Some(false),
        _ => None,
    }
}
