//! Importer: to be written.

use crate::error::{Error, Result};
use crate::record::{Found, InputFile};

/// Whether `file` (a CSV) has the header of a LinkedIn export file Dossier reads.
pub fn recognises(_file: &InputFile) -> bool {
    false
}

pub fn read(file: &InputFile) -> Result<Vec<Found>> {
    Err(Error::Unrecognised { file: file.name.clone(), hint: "not yet read".into() })
}
