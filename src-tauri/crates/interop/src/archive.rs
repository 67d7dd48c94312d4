//! Dossier's own archive: to be written.

use crate::error::{Error, Result};
use crate::record::{Format, InputFile};

/// The first bytes of an encrypted archive.
pub const MAGIC: &[u8] = b"DOSSIER-ARCHIVE\0";

/// What a zip holds: a Dossier archive or a LinkedIn export.
pub fn zip_format(file: &InputFile) -> Result<Format> {
    Err(Error::Unrecognised { file: file.name.clone(), hint: "not yet read".into() })
}
