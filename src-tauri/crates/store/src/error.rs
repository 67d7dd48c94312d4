//! The store's errors. Each names what went wrong in words a user can act on.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "{path} was written by a newer version of Dossier (schema {found}; this version knows \
         up to {known}). It was left untouched: update Dossier to open it."
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{path} is not a Dossier database (application id {found:#x})")]
    NotDossier { path: PathBuf, found: i64 },
    #[error("{path} cannot be opened as a database: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("no credential #{0}")]
    NotFound(i64),
    #[error("credential #{0} was removed; `dossier restore {0}` brings it back")]
    Removed(i64),
    #[error("credential #{id} has no evidence file {sha256}")]
    EvidenceNotFound { id: i64, sha256: String },
    #[error("evidence file {path}: {source}")]
    Evidence {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("evidence file {path} is {size} bytes; the limit is {limit} bytes")]
    EvidenceTooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path} is {size} bytes; the limit for this kind of file is {limit} bytes")]
    FileTooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// A backup that cannot be trusted: it is never restored, and never kept as a backup.
    #[error("the backup {path} cannot be used: {why}")]
    BadBackup { path: PathBuf, why: String },
    /// A reading command was pointed at a database that is not there (a mistyped `--db`);
    /// only the app's own default location is created on first use.
    #[error("there is no Dossier database at {path}")]
    NoDatabase { path: PathBuf },
    /// SQLite's check found damage: nothing is written to the file. The newest backup that
    /// verifies is named so the person has a way back.
    #[error("{path} is damaged ({problem}); nothing was written to it. {}", match .backup {
        Some(b) => format!("The newest good backup is {} ({} records): restore it with                             `dossier restore {}`", b.path.display(), b.records, b.path.display()),
        None => "No verified backup was found; `dossier recover` saves what can be read".into(),
    })]
    Damaged {
        path: PathBuf,
        problem: String,
        backup: Option<Box<crate::BackupInfo>>,
    },
    #[error("this store keeps no evidence files (in-memory store)")]
    NoEvidenceDir,
    #[error("the demo portfolio loads only into an empty store; this one holds {0} records")]
    NotEmpty(i64),
    #[error("demo record {index} ('{title}') is invalid: {message}")]
    Demo {
        index: usize,
        title: String,
        message: String,
    },
    #[error("stored record #{id} has an unreadable {field}: {message}")]
    Corrupt {
        id: i64,
        field: &'static str,
        message: String,
    },
    #[error("stored field change #{id} has an unreadable {field}: {message}")]
    CorruptFieldChange {
        id: i64,
        field: &'static str,
        message: String,
    },
    #[error("the stored {what} is unreadable: {message}")]
    CorruptSetting { what: &'static str, message: String },
    #[error("the shipped data file {file} is invalid: {message}")]
    Shipped { file: &'static str, message: String },
    #[error("no data directory is known for this platform; set DOSSIER_DB")]
    NoDataDir,
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<dossier_core::FieldError>),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}
