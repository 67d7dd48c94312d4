//! Importer: to be written.

use crate::error::{Error, Result};
use crate::record::{Found, InputFile};

pub fn read(file: &InputFile) -> Result<Vec<Found>> {
    Err(Error::Unrecognised { file: file.name.clone(), hint: "not yet read".into() })
}
