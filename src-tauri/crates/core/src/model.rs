//! The credential record as Dossier stores and shows it.

use crate::date::PartialDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// What sort of credential a record is. The kinds follow the domain notes; each kind weighs
/// differently in coverage later, so the list is closed rather than free text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum CredentialKind {
    Degree,
    GraduateCertificate,
    Certification,
    BoardCertification,
    ExecutiveEducation,
    MicroCredential,
    CeActivity,
    Experience,
}

impl CredentialKind {
    pub const ALL: [CredentialKind; 8] = [
        Self::Degree,
        Self::GraduateCertificate,
        Self::Certification,
        Self::BoardCertification,
        Self::ExecutiveEducation,
        Self::MicroCredential,
        Self::CeActivity,
        Self::Experience,
    ];

    /// The stable identifier used in the CLI, JSON and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Degree => "degree",
            Self::GraduateCertificate => "graduate-certificate",
            Self::Certification => "certification",
            Self::BoardCertification => "board-certification",
            Self::ExecutiveEducation => "executive-education",
            Self::MicroCredential => "micro-credential",
            Self::CeActivity => "ce-activity",
            Self::Experience => "experience",
        }
    }

    /// The name a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Degree => "Degree",
            Self::GraduateCertificate => "Graduate certificate",
            Self::Certification => "Certification",
            Self::BoardCertification => "Board certification",
            Self::ExecutiveEducation => "Executive education",
            Self::MicroCredential => "Micro-credential",
            Self::CeActivity => "CE activity",
            Self::Experience => "Experience",
        }
    }
}

impl fmt::Display for CredentialKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind '{0}'; expected one of: degree, graduate-certificate, certification, board-certification, executive-education, micro-credential, ce-activity, experience")]
pub struct UnknownKind(pub String);

impl FromStr for CredentialKind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, UnknownKind> {
        let wanted = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

/// Whether the credential is earned or still being worked towards (a PhD track, a course in
/// progress). For an in-progress record, `completed` is the expected date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    InProgress,
    Completed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InProgress => "in-progress",
            Self::Completed => "completed",
        }
    }
}

impl FromStr for Status {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "in-progress" => Ok(Self::InProgress),
            "completed" => Ok(Self::Completed),
            other => Err(format!("unknown status '{other}'")),
        }
    }
}

/// A skill a record carries, with how much of the record is about it (0..1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct SkillTag {
    pub name: String,
    pub relevance: f64,
}

/// An evidence file (a certificate scan, a transcript) kept in the data directory under its
/// SHA-256; `name` is the original file name, kept only as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Evidence {
    pub name: String,
    pub sha256: String,
    #[ts(type = "number")]
    pub size: u64,
    pub media_type: Option<String>,
    pub added_at: String,
}

/// Declares a struct with the fields a person edits on a credential, between the fields given
/// before and after `..`. The validated input and the stored record list them once, here, in
/// the order of the stable JSON (`id, kind, status, …, skills, evidence, …`), and both stay
/// plain structs the store and the CLI build and read field by field.
macro_rules! with_credential_fields {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$before_meta:meta])* pub $before:ident: $before_ty:ty,)*
            ..
            $($(#[$after_meta:meta])* pub $after:ident: $after_ty:ty,)*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$before_meta])* pub $before: $before_ty,)*
            pub kind: CredentialKind,
            pub status: Status,
            pub title: String,
            pub issuer: Option<String>,
            pub started: Option<PartialDate>,
            /// Completion date, or the expected one while in progress.
            pub completed: Option<PartialDate>,
            pub expires: Option<PartialDate>,
            pub hours: Option<f64>,
            pub credit_type: Option<String>,
            pub credential_id: Option<String>,
            pub url: Option<String>,
            pub notes: Option<String>,
            pub verified: bool,
            pub skills: Vec<SkillTag>,
            $($(#[$after_meta])* pub $after: $after_ty,)*
        }
    };
}

with_credential_fields! {
    /// Validated credential fields: what a draft becomes once every field has passed validation.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
    pub struct CredentialInput {
        ..
    }
}

with_credential_fields! {
    /// A stored credential record. Serialised as the stable JSON of `dossier show --json`.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
    pub struct Credential {
        #[ts(type = "number")]
        pub id: i64,
        ..
        pub evidence: Vec<Evidence>,
        /// Where the record came from: `manual`, `demo`, or an importer's name.
        pub source: String,
        pub created_at: String,
        pub updated_at: String,
        /// The record's identity across exports, imports and devices (a UUID v7 the store
        /// assigns); it never changes. Empty on records the store did not make.
        pub uuid: String,
        /// The file an imported record came from, as its name (not a path to open).
        pub source_file: Option<String>,
        /// The credential's own id in that file (an assertion URL, a `urn:uuid:`), which a
        /// second import of the same file matches on.
        pub source_ref: Option<String>,
    }
}

impl Credential {
    /// A completed record with only an id, a kind and a title, every other field empty: the
    /// base that code building records itself (synthetic portfolios, tests) fills in with
    /// `..Credential::new(…)`. The records the app shows come from the store's rows.
    pub fn new(id: i64, kind: CredentialKind, title: &str) -> Credential {
        Credential {
            id,
            kind,
            status: Status::Completed,
            title: title.into(),
            issuer: None,
            started: None,
            completed: None,
            expires: None,
            hours: None,
            credit_type: None,
            credential_id: None,
            url: None,
            notes: None,
            verified: false,
            skills: Vec::new(),
            evidence: Vec::new(),
            source: "manual".into(),
            created_at: String::new(),
            updated_at: String::new(),
            uuid: String::new(),
            source_file: None,
            source_ref: None,
        }
    }

    /// The validated fields, for editing a record without touching its identity or evidence.
    pub fn input(&self) -> CredentialInput {
        CredentialInput {
            kind: self.kind,
            status: self.status,
            title: self.title.clone(),
            issuer: self.issuer.clone(),
            started: self.started,
            completed: self.completed,
            expires: self.expires,
            hours: self.hours,
            credit_type: self.credit_type.clone(),
            credential_id: self.credential_id.clone(),
            url: self.url.clone(),
            notes: self.notes.clone(),
            verified: self.verified,
            skills: self.skills.clone(),
        }
    }
}

/// A kind with the label the UI shows, so the labels live in one place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KindInfo {
    pub kind: CredentialKind,
    pub label: String,
}

impl CredentialKind {
    pub fn infos() -> Vec<KindInfo> {
        Self::ALL
            .iter()
            .map(|&kind| KindInfo {
                kind,
                label: kind.label().to_string(),
            })
            .collect()
    }
}

/// Where the app keeps its data, shown in the UI's about line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    pub db_path: String,
    pub evidence_dir: String,
    pub version: String,
    #[ts(type = "number")]
    pub records: i64,
}
