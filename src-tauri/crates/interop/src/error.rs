//! What can go wrong reading a file. Every message names the file and, where there is one,
//! the line, row or field, so a person can find the problem in the file itself.

/// Errors of the importers and exporters.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The whole file is unreadable as its format: bad JSON, bad CSV, a truncated PNG.
    #[error("{file}: {at}: {message}")]
    Invalid {
        file: String,
        /// Where: "line 3, column 7", "row 12", "field credentialSubject.achievement".
        at: String,
        message: String,
    },
    /// A bound on untrusted input was passed: size, rows, nesting, inflated size, ratio.
    #[error("{file}: {what} is over the limit of {limit}")]
    TooLarge {
        file: String,
        what: String,
        limit: String,
    },
    /// No importer recognises the content.
    #[error("{file}: not a format Dossier imports ({hint})")]
    Unrecognised { file: String, hint: String },
    /// An archive's passphrase is wrong or its bytes were changed.
    #[error("{file}: {message}")]
    Archive { file: String, message: String },
    #[error("{file}: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// `Invalid` with a location.
    pub fn invalid(file: &str, at: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Invalid {
            file: file.to_string(),
            at: at.into(),
            message: message.into(),
        }
    }

    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            Error::Invalid { file, .. }
            | Error::TooLarge { file, .. }
            | Error::Unrecognised { file, .. }
            | Error::Archive { file, .. }
            | Error::Io { file, .. } => file,
        }
    }
}
