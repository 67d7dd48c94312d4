//! The shell's error: wraps the crates' errors and reaches the UI as `UiError`
//! `{kind, message, fields}`.

use dossier_core::{FieldError, UiError, UiErrorKind};
use dossier_store::Error as StoreError;
use serde::{Serialize, Serializer};

pub type Result<T, E = AppError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{} field(s) need attention", .0.len())]
    Validation(Vec<FieldError>),
    /// The database could not be opened at start; every command reports why.
    #[error("the database is not available: {0}")]
    Unavailable(std::sync::Arc<StoreError>),
    #[error(transparent)]
    Report(#[from] dossier_report::Error),
    /// A file to import is invalid, too large or of no known format; nothing was written.
    #[error(transparent)]
    File(#[from] dossier_interop::Error),
    /// An import's choice does not fit its preview (the files changed since).
    #[error("{0}")]
    Selection(String),
    /// A recovery was asked for while the database is not damaged.
    #[error("the database is not damaged; there is nothing to recover")]
    NothingToRecover,
    /// Work on the blocking pool stopped without an answer (it panicked).
    #[error("{0}")]
    Stopped(String),
    #[error("cannot open {path} in the system viewer: {source}")]
    Open {
        path: String,
        source: Box<tauri_plugin_opener::Error>,
    },
}

impl From<dossier_service::Error> for AppError {
    fn from(e: dossier_service::Error) -> Self {
        match e {
            dossier_service::Error::Store(e) => AppError::Store(e),
            dossier_service::Error::Report(e) => AppError::Report(e),
            dossier_service::Error::Import(e) => AppError::File(e),
            dossier_service::Error::Selection(m) => AppError::Selection(m),
        }
    }
}

impl AppError {
    fn kind(&self) -> UiErrorKind {
        match self {
            AppError::Validation(_) => UiErrorKind::Validation,
            // Why it is unavailable decides the kind: the open error's own.
            AppError::Unavailable(e) => store_kind(e),
            AppError::Open { .. } => UiErrorKind::Io,
            AppError::NothingToRecover | AppError::Selection(_) => UiErrorKind::Conflict,
            AppError::File(dossier_interop::Error::Io { .. }) => UiErrorKind::Io,
            AppError::File(_) => UiErrorKind::Validation,
            AppError::Report(_) | AppError::Stopped(_) => UiErrorKind::Internal,
            AppError::Store(e) => store_kind(e),
        }
    }

    pub fn to_ui(&self) -> UiError {
        match self {
            AppError::Validation(fields) | AppError::Store(StoreError::Invalid(fields)) => {
                UiError::validation(fields.clone())
            }
            other => UiError::new(other.kind(), other.to_string()),
        }
    }
}

impl Serialize for AppError {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.to_ui().serialize(s)
    }
}

/// The UI's kind for a store error.
fn store_kind(e: &StoreError) -> UiErrorKind {
    use StoreError as S;
    match e {
        S::NotFound(_) | S::Removed(_) | S::EvidenceNotFound { .. } | S::NoDatabase { .. } => {
            UiErrorKind::NotFound
        }
        S::NotEmpty(_) => UiErrorKind::Conflict,
        S::Invalid(_) => UiErrorKind::Validation,
        S::Evidence { .. }
        | S::EvidenceTooLarge { .. }
        | S::FileTooLarge { .. }
        | S::NoEvidenceDir
        | S::Io { .. }
        | S::NoDataDir => UiErrorKind::Io,
        S::NewerSchema { .. }
        | S::NotDossier { .. }
        | S::Open { .. }
        | S::Corrupt { .. }
        | S::CorruptFieldChange { .. }
        | S::CorruptSetting { .. }
        | S::Damaged { .. }
        | S::BadBackup { .. }
        | S::Sqlite(_) => UiErrorKind::Database,
        S::Demo { .. } | S::Shipped { .. } => UiErrorKind::Internal,
    }
}
