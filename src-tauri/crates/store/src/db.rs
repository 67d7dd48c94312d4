//! Opening connections: where the database lives, and the pragmas every connection gets.

use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where the database lives when neither `--db` nor `DOSSIER_DB` says otherwise:
/// `$XDG_DATA_HOME/dossier/dossier.db` on Linux (the platform data directory elsewhere).
pub fn default_db_path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("DOSSIER_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    dirs::data_dir()
        .map(|d| d.join("dossier").join("dossier.db"))
        .ok_or(Error::NoDataDir)
}

/// Evidence files sit beside the database, in `evidence/`.
pub fn evidence_dir_for(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("evidence")
}

/// The one place pragmas are set. WAL with synchronous=FULL: a committed credential survives
/// a power cut. trusted_schema=OFF: a crafted database file cannot run SQL functions from its
/// schema.
pub fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    Ok(())
}
