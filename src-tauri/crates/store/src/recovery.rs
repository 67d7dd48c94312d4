//! Backups a person can rely on, as the store offers them: a copy on request, one a day while
//! Dossier is used (the last `KEEP_DAILY` kept), the list with what each holds, and a restore
//! that checks the backup first and keeps the current database aside.

use crate::backups::{self, write_verified, BackupInfo};
use crate::error::{Error, Result};
use crate::Store;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// What a restore did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Restored {
    /// The backup now in use.
    pub from: BackupInfo,
    /// The database as it was just before, kept in `backups/`.
    pub aside: BackupInfo,
}

impl Store {
    /// Writes a verified copy of the database to `target`, which must not exist. Evidence
    /// files are not copied: they are immutable and named by hash, so copying the `evidence/`
    /// folder alongside is enough.
    pub fn backup_to(&self, target: &Path) -> Result<BackupInfo> {
        self.with_conn(|c| write_verified(c, target))
    }

    /// A verified backup in `backups/` now, named for `why` ("manual").
    pub fn backup_named(&self, why: &str) -> Result<BackupInfo> {
        let dir = self.backups_dir().ok_or(Error::NoEvidenceDir)?;
        self.with_conn(|c| write_verified(c, &backups::name_in(&dir, why)))
    }

    /// `backups/` beside the database; none in memory.
    pub fn backups_dir(&self) -> Option<PathBuf> {
        self.path().map(backups::backups_dir_for)
    }

    /// Every backup, newest first, each verified (a damaged one says why).
    pub fn backups(&self) -> Vec<Result<BackupInfo>> {
        self.backups_dir()
            .map(|d| backups::list(&d))
            .unwrap_or_default()
    }

    /// The day's backup, taken by the first open or write of the day: `None` when today's is
    /// there already (or in memory). Older daily backups beyond the last seven are removed.
    pub fn daily_backup(&self, today: NaiveDate) -> Result<Option<BackupInfo>> {
        let Some(dir) = self.backups_dir() else {
            return Ok(None);
        };
        let prefix = format!("dossier-{}-", today.format("%Y%m%d"));
        let taken = std::fs::read_dir(&dir).ok().is_some_and(|entries| {
            entries.filter_map(|e| e.ok()).any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with(&prefix) && name.contains("-daily")
            })
        });
        if taken {
            return Ok(None);
        }
        let name = backups::name_on(&dir, today, "daily");
        let info = self.with_conn(|c| write_verified(c, &name))?;
        backups::rotate(&dir)?;
        Ok(Some(info))
    }

    /// Replaces the database's contents with `file`'s: the backup is verified first (nothing
    /// changes when it is damaged or from a newer Dossier), the current contents are kept
    /// aside as a verified backup, then SQLite copies the backup in page by page inside its
    /// own lock, so the app and the CLI can have the file open meanwhile; an older schema is
    /// then migrated.
    pub fn restore_from(&self, file: &Path) -> Result<Restored> {
        let from = backups::verify(file)?;
        let dir = self.backups_dir().ok_or(Error::NoEvidenceDir)?;
        let aside =
            self.with_conn(|c| write_verified(c, &backups::name_in(&dir, "before-restore")))?;
        let mut conn = self.lock();
        conn.restore(
            rusqlite::MAIN_DB,
            file,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        crate::migrate::migrate(&mut conn, self.path())?;
        Ok(Restored { from, aside })
    }
}
