//! Dossier's store: one SQLite database (rusqlite, bundled) plus a folder of evidence files
//! named by their SHA-256.
//!
//! `Store::open` and `Store::open_in_memory` both migrate. The handle is cheap to clone and
//! serialises access to one connection; `with_tx` runs a closure in a transaction that commits
//! when it returns `Ok` and rolls back otherwise, so every write is all or nothing.

mod areas;
mod backups;
mod credentials;
mod dashboard;
mod db;
mod demo;
mod error;
mod evidence;
mod field_changes;
mod files;
mod frameworks;
mod health;
mod identity;
mod matching;
mod migrate;
mod opening;
mod portable;
mod profile;
mod read;
mod recovery;
mod renewals;
mod requirements;
mod salvage;
mod settings;
mod sweep;

pub use backups::{
    backups_dir_for, newest_verified, verify as verify_backup, BackupInfo, KEEP_DAILY,
};
pub use credentials::{insert, insert_batch, insert_from, BatchRow, Provenance};
pub use dashboard::{DEFAULT_HALF_LIFE_KEY, WARNING_DAYS_KEY};
pub use db::{default_db_path, evidence_dir_for};
pub use error::{Error, Result};
pub use evidence::MAX_EVIDENCE_BYTES;
pub use files::{read_bounded, read_bytes_bounded, write_atomically};
pub use frameworks::{ACTIVE_KEY, MAX_FRAMEWORK_BYTES};
pub use health::{EvidenceProblem, Health};
pub use matching::MatchKey;
pub use migrate::{latest_version, migrate_with, migrations, Migration, APPLICATION_ID};
pub use portable::{
    ExportHeader, FrameworkAlias, MissingEvidence, Portable, PortableCredential, PortableEvidence,
    PortableFieldChange, PortableFramework, PortableRenewal, PortableRequirement, PortableSettings,
    PortableSkillArea, RestoreSummary, Tally,
};
pub use read::Db;
pub use recovery::Restored;
pub use salvage::{replace_damaged, salvage_in_place, salvage_path, Salvaged};
pub use sweep::Swept;

use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
    evidence_dir: Option<PathBuf>,
}

impl Store {
    /// A fresh, migrated database in memory, for tests and benchmarks. It keeps no evidence
    /// files.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        db::configure(&conn)?;
        migrate::migrate(&mut conn, None)?;
        Ok(Store::from_parts(conn, None, None))
    }

    pub(crate) fn from_parts(
        conn: Connection,
        path: Option<PathBuf>,
        evidence_dir: Option<PathBuf>,
    ) -> Store {
        Store {
            inner: Arc::new(Inner {
                conn: Mutex::new(conn),
                path,
                evidence_dir,
            }),
        }
    }

    /// The database file, or `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.inner.path.as_deref()
    }

    pub fn evidence_dir(&self) -> Option<&Path> {
        self.inner.evidence_dir.as_deref()
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half-done transaction behind (rusqlite
        // rolls back on drop), so the connection is still sound.
        self.inner
            .conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` in one immediate transaction: committed if `f` returns `Ok`, rolled back if it
    /// returns `Err`.
    pub fn with_tx<T, E>(&self, f: impl FnOnce(&Db<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<rusqlite::Error>,
    {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&Db { c: &tx })?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs read-only work on the connection, outside any explicit transaction.
    pub fn with_conn<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&self.lock())
    }

    /// A number that changes when another connection (the CLI, a restore) has committed to
    /// the database since this one last asked: how the app notices it should reload.
    pub fn data_version(&self) -> Result<i64> {
        self.with_conn(|c| Ok(c.query_row("PRAGMA data_version", [], |r| r.get(0))?))
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        self.with_conn(|c| Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?))
    }
}
