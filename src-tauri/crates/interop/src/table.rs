//! Importer: to be written.

use crate::error::{Error, Result};
use crate::record::{Found, InputFile};

/// Which column fills which field; guessed from the header, shown and editable before import.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Mapping {
    /// `(column header, draft field)` pairs; a column not listed is ignored.
    pub columns: Vec<(String, String)>,
}

pub fn read(file: &InputFile, _mapping: Option<&Mapping>) -> Result<Vec<Found>> {
    Err(Error::Unrecognised { file: file.name.clone(), hint: "not yet read".into() })
}
