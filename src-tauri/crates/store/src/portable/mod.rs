//! Dossier's whole logical state as one JSON document (`Portable`): what an export carries
//! and a restore writes back. It holds what the person made or chose (profile, settings,
//! half-lives, frameworks and their aliases, field changes, requirements, live credentials with
//! their evidence links and renewals), each record under its UUID, and nothing that belongs to
//! one database file (row ids, removed records, the seeding flags).
//!
//! Everything is listed in a stable order (credentials and requirements by UUID, field changes
//! by announcement then UUID, frameworks by id, skill areas by name), so two exports of the
//! same state differ only in `dossier.exported_at`. `restore` writes it back (see there for
//! how it merges); `check` validates it first.

mod blobs;
mod check;
mod read;
mod restore;

pub use restore::{MissingEvidence, RestoreSummary, Tally};

use crate::error::{Error, Result};
use chrono::NaiveDate;
use dossier_core::field_change::{FieldChange, Phase};
use dossier_core::framework::Framework;
use dossier_core::profile::Profile;
use dossier_core::requirements::{Cap, Requirement, RollingWindow, Topic};
use dossier_core::{CredentialInput, FieldError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `dossier.format` of an export.
pub const FORMAT: &str = "dossier-export";
/// The version of the document this build writes and reads.
pub const VERSION: u32 = 1;

/// Dossier's full state. The top-level `dossier` key is how an importer recognises the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Portable {
    pub dossier: ExportHeader,
    pub profile: Profile,
    pub settings: PortableSettings,
    /// Skills with a half-life or a description of their own.
    pub skill_areas: Vec<PortableSkillArea>,
    pub frameworks: Vec<PortableFramework>,
    pub field_changes: Vec<PortableFieldChange>,
    pub requirements: Vec<PortableRequirement>,
    /// Live credentials only: removed ones stay in the store they were removed from.
    pub credentials: Vec<PortableCredential>,
    /// Every renewal of the credentials above, oldest first per credential.
    pub renewals: Vec<PortableRenewal>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportHeader {
    /// Always `dossier-export`.
    pub format: String,
    pub version: u32,
    /// When the export was made (RFC 3339, UTC).
    pub exported_at: String,
}

/// The user's settings rows; `None` where the user never set one (the default applies, and
/// keeps applying if a later release changes it).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PortableSettings {
    #[ts(type = "number | null")]
    pub warning_days: Option<i64>,
    pub default_half_life: Option<f64>,
    pub reminders: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PortableSkillArea {
    pub name: String,
    pub half_life_years: Option<f64>,
    pub description: Option<String>,
}

/// A framework with its identity, whether it is shipped or active, and the user's aliases.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PortableFramework {
    pub uuid: String,
    pub builtin: bool,
    pub active: bool,
    pub updated_at: String,
    pub aliases: Vec<FrameworkAlias>,
    #[serde(flatten)]
    pub framework: Framework,
}

/// A record skill name the user mapped onto a framework's skill.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FrameworkAlias {
    pub alias: String,
    pub skill_id: String,
}

/// A field change as `FieldChange` has it, without the store's row id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PortableFieldChange {
    pub uuid: String,
    pub created_at: String,
    #[ts(type = "string")]
    pub announced: NaiveDate,
    pub effective: Vec<Phase>,
    pub title: String,
    pub jurisdiction: Option<String>,
    pub skills: Vec<String>,
    pub impact: f64,
    pub source: Option<String>,
    pub note: Option<String>,
}

impl PortableFieldChange {
    pub fn new(uuid: String, created_at: String, c: FieldChange) -> Self {
        PortableFieldChange {
            uuid,
            created_at,
            announced: c.announced,
            effective: c.effective,
            title: c.title,
            jurisdiction: c.jurisdiction,
            skills: c.skills,
            impact: c.impact,
            source: c.source,
            note: c.note,
        }
    }

    /// The change as the domain takes it (id 0: the store gives one).
    pub fn change(&self) -> FieldChange {
        FieldChange {
            id: 0,
            announced: self.announced,
            effective: self.effective.clone(),
            title: self.title.clone(),
            jurisdiction: self.jurisdiction.clone(),
            skills: self.skills.clone(),
            impact: self.impact,
            source: self.source.clone(),
            note: self.note.clone(),
        }
    }
}

/// A requirement set as `Requirement` has it, naming the credential it renews by UUID.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PortableRequirement {
    pub uuid: String,
    pub created_at: String,
    /// The UUID of the credential this requirement renews.
    pub credential: Option<String>,
    pub name: String,
    #[ts(type = "string")]
    pub ends: NaiveDate,
    pub cycle_months: u32,
    pub hours: f64,
    pub credit_type: Option<String>,
    pub topics: Vec<Topic>,
    pub caps: Vec<Cap>,
    pub windows: Vec<RollingWindow>,
    pub first_cycle: bool,
}

impl PortableRequirement {
    pub fn new(
        uuid: String,
        created_at: String,
        credential: Option<String>,
        r: Requirement,
    ) -> Self {
        PortableRequirement {
            uuid,
            created_at,
            credential,
            name: r.name,
            ends: r.ends,
            cycle_months: r.cycle_months,
            hours: r.hours,
            credit_type: r.credit_type,
            topics: r.topics,
            caps: r.caps,
            windows: r.windows,
            first_cycle: r.first_cycle,
        }
    }

    /// The rules as the domain takes them (id 0), renewing the store's record `credential`.
    pub fn rules(&self, credential: Option<i64>) -> Requirement {
        Requirement {
            id: 0,
            name: self.name.clone(),
            ends: self.ends,
            cycle_months: self.cycle_months,
            hours: self.hours,
            credit_type: self.credit_type.clone(),
            topics: self.topics.clone(),
            caps: self.caps.clone(),
            windows: self.windows.clone(),
            first_cycle: self.first_cycle,
            credential,
        }
    }
}

/// A live credential: every field of `Credential` but the store's row id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PortableCredential {
    pub uuid: String,
    #[serde(flatten)]
    pub record: CredentialInput,
    pub source: String,
    pub source_file: Option<String>,
    pub source_ref: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub evidence: Vec<PortableEvidence>,
}

impl PortableCredential {
    /// The fields a person edits, as validation takes them.
    pub fn input(&self) -> CredentialInput {
        self.record.clone()
    }
}

/// An evidence link: the file's metadata (its bytes travel beside the document, by SHA-256).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PortableEvidence {
    pub uuid: String,
    pub name: String,
    pub sha256: String,
    #[ts(type = "number")]
    pub size: u64,
    pub media_type: Option<String>,
    pub added_at: String,
}

/// A renewal, linked to its credential by the credential's UUID.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PortableRenewal {
    pub credential: String,
    pub previous_completed: Option<String>,
    pub previous_expires: Option<String>,
    pub completed: String,
    pub expires: Option<String>,
    pub renewed_at: String,
}

fn json_error(e: &serde_json::Error) -> Error {
    Error::Invalid(vec![FieldError::new(
        "json",
        format!("line {}, column {}: {e}", e.line(), e.column()),
    )])
}

impl Portable {
    /// Reads an export; an unreadable one names the line and column. Validation of what it
    /// holds happens when it is restored.
    pub fn from_json(bytes: &[u8]) -> Result<Portable> {
        serde_json::from_slice(bytes).map_err(|e| json_error(&e))
    }

    /// The export as indented JSON, as a person may read it.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| json_error(&e))
    }

    /// The SHA-256 of every evidence file the document links, once each and sorted: what an
    /// archive must carry beside it.
    pub fn evidence_hashes(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self
            .credentials
            .iter()
            .flat_map(|c| c.evidence.iter().map(|e| e.sha256.as_str()))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}
