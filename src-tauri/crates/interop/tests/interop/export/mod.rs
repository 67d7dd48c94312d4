//! The exporters: JSON Resume checked against the official schema, CSV read back.

mod csv;
mod jsonresume;

use dossier_core::{Credential, CredentialKind, SkillTag, Status};

/// A record of `kind` with the fields most exports carry.
pub fn record(kind: CredentialKind, title: &str, issuer: &str, completed: &str) -> Credential {
    Credential {
        issuer: Some(issuer.into()),
        completed: Some(completed.parse().expect("a test date")),
        uuid: format!("0190c0de-0000-7000-8000-{:012}", title.len()),
        updated_at: "2025-03-04T05:06:07Z".into(),
        ..Credential::new(1, kind, title)
    }
}

/// `r` in progress, expected at its completion date.
pub fn in_progress(r: Credential) -> Credential {
    Credential {
        status: Status::InProgress,
        ..r
    }
}

pub fn skill(name: &str, relevance: f64) -> SkillTag {
    SkillTag {
        name: name.into(),
        relevance,
    }
}

/// Strings that break naive writers: quotes, separators, newlines, bidi controls, emoji,
/// a formula.
pub const HOSTILE: [&str; 6] = [
    "Board \"certified\", level 2; part 1",
    "Line one\nline two\r\nline three",
    "\u{202E}evil\u{202C} مدرسة الطب",
    "Deep learning 🧠🔥 — ünïcödé",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "'quoted' \\ back\\slash \t tab",
];
