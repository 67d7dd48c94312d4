//! What an importer finds in a file: drafts of records, each with where it came from.

use dossier_core::CredentialDraft;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;
use ts_rs::TS;

/// The formats Dossier reads. The names are the CLI's `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Open Badges 1.0, 2.0 and 3.0: JSON, JWS/JWT, baked PNG and SVG.
    Openbadges,
    /// Comprehensive Learner Record 2.0 (`ClrCredential`).
    Clr,
    /// LinkedIn data export: its CSV files or the whole zip.
    Linkedin,
    /// JSON Resume (`certificates`, `education`).
    Jsonresume,
    /// Europass European Digital Credential.
    Europass,
    /// Any CSV with a header row, columns mapped by name.
    Csv,
    /// Dossier's own export: JSON, zip, or an encrypted archive.
    Archive,
    /// A continuing-education certificate: a PDF (text layer, or a scan read by OCR) or a
    /// photo (PNG, JPEG) of one.
    Certificate,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Openbadges,
        Format::Clr,
        Format::Linkedin,
        Format::Jsonresume,
        Format::Europass,
        Format::Csv,
        Format::Archive,
        Format::Certificate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Openbadges => "openbadges",
            Format::Clr => "clr",
            Format::Linkedin => "linkedin",
            Format::Jsonresume => "jsonresume",
            Format::Europass => "europass",
            Format::Csv => "csv",
            Format::Archive => "archive",
            Format::Certificate => "certificate",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!(
                    "unknown format '{s}'; expected auto, openbadges, clr, linkedin, jsonresume, \
                     europass, csv, archive or certificate"
                )
            })
    }
}

/// A file to import: its name (only as text, for messages and the source) and its bytes,
/// already read with a bound (`bounds::MAX_FILE_BYTES`).
#[derive(Clone, Debug)]
pub struct InputFile {
    pub name: String,
    pub bytes: Arc<[u8]>,
}

impl InputFile {
    pub fn new(name: impl Into<String>, bytes: impl Into<Arc<[u8]>>) -> Self {
        Self {
            name: name.into(),
            bytes: bytes.into(),
        }
    }
}

/// Where a record came from: the format, the file's name, and the credential's own `id` when
/// it has one (an assertion URL, a `urn:uuid:`, a LinkedIn row has none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Source {
    pub format: Format,
    pub file: String,
    pub id: Option<String>,
}

/// A file kept as evidence with the record, byte for byte (the baked badge, the signed JSON),
/// so nothing is lost and a signature can be checked later.
#[derive(Clone, Debug)]
pub struct Attachment {
    pub name: String,
    pub bytes: Arc<[u8]>,
}

/// One record an importer found.
#[derive(Clone, Debug)]
pub struct Found {
    /// The record as text fields; `CredentialDraft::validate` decides whether it is valid.
    pub draft: CredentialDraft,
    pub source: Source,
    /// Where in the file, for messages: "row 12", "credentialSubject.verifiableCredential[2]".
    pub location: String,
    /// Problems the importer itself found (no name, a date it cannot read), each naming the
    /// field: the record is listed as invalid with them.
    pub problems: Vec<String>,
    /// What could not be read, said plainly ("the assertion is hosted at URL; Dossier does not
    /// go online to fetch it"). Shown with the record, and kept in its notes.
    pub notes: Vec<String>,
    /// What the person should look at before saving ("read by OCR: check each field"): shown
    /// in the preview, not kept in the record's notes.
    pub hints: Vec<String>,
    /// Files kept as the record's evidence.
    pub evidence: Vec<Attachment>,
    /// The Dossier identity, when the file is Dossier's own export.
    pub uuid: Option<String>,
    /// The group the record came in (a CLR's name), shown above its records.
    pub group: Option<String>,
    /// For a record read from a certificate's text: each field's value, the text it came
    /// from and how sure the reading is, keyed by the draft's field name ("title", "issuer",
    /// "completed", "started", "hours", "credit_type", "participant", "credential_id").
    pub fields: BTreeMap<String, Extracted>,
}

/// How sure a reading of a field is. `Low` marks a field the person should look at: a date
/// that could be day/month or month/day, a title found by its place rather than a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    High,
    Low,
}

/// One field read from a certificate's text, with the text it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Extracted {
    /// The value as the draft takes it: an ISO date, hours as a number, a credit type's name.
    pub value: String,
    /// The text it was read from, as it stands on the certificate (one or two lines).
    pub snippet: String,
    pub confidence: Confidence,
    /// Why the confidence is low, or how the value was derived ("0.15 CEU = 1.5 hours").
    pub note: Option<String>,
}

impl Found {
    /// A record found at `location` in a file of `format`, with nothing else yet.
    pub fn new(format: Format, file: &InputFile, location: impl Into<String>) -> Self {
        Found {
            draft: CredentialDraft::default(),
            source: Source {
                format,
                file: file.name.clone(),
                id: None,
            },
            location: location.into(),
            problems: Vec::new(),
            notes: Vec::new(),
            hints: Vec::new(),
            evidence: Vec::new(),
            uuid: None,
            group: None,
            fields: BTreeMap::new(),
        }
    }

    /// Keeps the whole file as this record's evidence.
    pub fn keep_file(&mut self, file: &InputFile) {
        self.evidence.push(Attachment {
            name: file.name.clone(),
            bytes: file.bytes.clone(),
        });
    }
}
