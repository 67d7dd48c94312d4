//! The one error shape the desktop UI receives: a tagged `{kind, message, fields}` it can
//! switch on. The app converts its error enum into this; it lives here so the TypeScript
//! type is generated with the others.

use crate::field_error::FieldError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum UiErrorKind {
    /// Bad input; `fields` says which.
    Validation,
    NotFound,
    /// The action conflicts with the data (e.g. the demo into a non-empty store).
    Conflict,
    /// A file could not be read or written.
    Io,
    /// The database refused (newer version, not a Dossier file, corrupt).
    Database,
    Internal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UiError {
    pub kind: UiErrorKind,
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl UiError {
    pub fn new(kind: UiErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            fields: Vec::new(),
        }
    }

    pub fn validation(fields: Vec<FieldError>) -> Self {
        let message = match fields.as_slice() {
            [one] => one.to_string(),
            many => format!("{} fields need attention", many.len()),
        };
        Self {
            kind: UiErrorKind::Validation,
            message,
            fields,
        }
    }
}
