//! Whole-database copies: a consistent snapshot, taken while the app runs.

use crate::error::{Error, Result};
use crate::Store;
use std::path::Path;

impl Store {
    /// Writes a compact, consistent copy of the database to `target`, which must not exist.
    /// Evidence files are not copied: they are immutable and named by hash, so copying the
    /// `evidence/` folder alongside is enough.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        if target.exists() {
            return Err(Error::Io {
                path: target.to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "already exists"),
            });
        }
        self.with_conn(|c| {
            c.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
            Ok(())
        })
    }
}
