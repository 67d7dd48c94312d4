//! Whole-database copies that are whole or absent. Every copy (before a migration, once a day,
//! `dossier backup`, the copy a restore keeps aside) is written by SQLite's `VACUUM INTO` to a
//! temporary file beside its target, fsynced, verified (integrity, schema version, the same row
//! counts as the database it copies), and only then renamed into place: a kill or a full disk
//! leaves no file under a backup's name, and a retry finds nothing in its way.

use crate::error::{Error, Result};
use crate::migrate::{latest_version, APPLICATION_ID};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Daily backups kept; older daily ones are removed as new ones are written.
pub const KEEP_DAILY: usize = 7;

/// A backup that passed verification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
pub struct BackupInfo {
    #[ts(type = "string")]
    pub path: PathBuf,
    #[ts(type = "number")]
    pub bytes: u64,
    /// The schema version it holds (older than this build's after an upgrade).
    #[ts(type = "number")]
    pub version: i64,
    /// Live records in it.
    #[ts(type = "number")]
    pub records: i64,
    /// When it was taken ("2026-12-01 15:04:57", local time) and why ("daily", "manual",
    /// "before v7", "before restore"), read from the name Dossier gave it; none for a file
    /// named otherwise.
    pub taken: Option<String>,
    pub reason: Option<String>,
}

/// The time and reason in a name `name_on` made (`dossier-YYYYMMDD-HHMMSS-why[-n].db`).
fn name_parts(path: &Path) -> Option<(String, String)> {
    let name = path.file_name()?.to_str()?;
    let rest = name.strip_prefix("dossier-")?.strip_suffix(".db")?;
    let (day, rest) = rest.split_at_checked(8)?;
    let (time, why) = rest.strip_prefix('-')?.split_at_checked(6)?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let why = why.strip_prefix('-').filter(|w| !w.is_empty())?;
    if !digits(day) || !digits(time) {
        return None;
    }
    // A second backup in the same second carries a count, which is not part of the reason.
    let why = match why.rsplit_once('-') {
        Some((w, n)) if digits(n) && !n.is_empty() => w,
        _ => why,
    };
    let taken = format!(
        "{}-{}-{} {}:{}:{}",
        &day[..4],
        &day[4..6],
        &day[6..],
        &time[..2],
        &time[2..4],
        &time[4..]
    );
    Some((taken, why.replace('-', " ")))
}

/// Automatic backups sit beside the database, in `backups/`.
pub fn backups_dir_for(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("backups")
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Rows per table, in name order: what a faithful copy must hold.
fn row_counts(c: &Connection) -> Result<Vec<(String, i64)>> {
    let mut stmt = c.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         ORDER BY name",
    )?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    names
        .into_iter()
        .map(|n| {
            let sql = format!("SELECT count(*) FROM \"{}\"", n.replace('"', "\"\""));
            let count: i64 = c.query_row(&sql, [], |r| r.get(0))?;
            Ok((n, count))
        })
        .collect()
}

fn live_records(c: &Connection) -> Result<i64> {
    let has_table: i64 = c.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'credentials'",
        [],
        |r| r.get(0),
    )?;
    if has_table == 0 {
        return Ok(0);
    }
    Ok(c.query_row(
        "SELECT count(*) FROM credentials WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}

/// Checks a backup file on its own: SQLite's full integrity check, a Dossier file, a schema
/// this build can read. Opened read-only, so a check never changes it.
pub fn verify(path: &Path) -> Result<BackupInfo> {
    let bad = |why: String| Error::BadBackup {
        path: path.to_path_buf(),
        why,
    };
    let bytes = std::fs::metadata(path).map_err(io(path))?.len();
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let c = Connection::open_with_flags(path, flags).map_err(|e| bad(e.to_string()))?;
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| bad(e.to_string()))?;
    if check != "ok" {
        return Err(bad(format!("integrity check: {check}")));
    }
    let app_id: i64 = c.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if app_id != APPLICATION_ID || version == 0 {
        return Err(bad("not a Dossier database".into()));
    }
    if version > latest_version() {
        return Err(bad(format!(
            "written by a newer Dossier (schema {version}; this one knows {})",
            latest_version()
        )));
    }
    let (taken, reason) = name_parts(path).unzip();
    Ok(BackupInfo {
        path: path.to_path_buf(),
        bytes,
        version,
        records: live_records(&c)?,
        taken,
        reason,
    })
}

/// Copies the database behind `conn` to `target` (which must not exist), verified before it
/// takes the name. A copy that fails verification is deleted, never kept as a backup.
pub(crate) fn write_verified(conn: &Connection, target: &Path) -> Result<BackupInfo> {
    if target.exists() {
        return Err(Error::Io {
            path: target.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "already exists"),
        });
    }
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    // A name of its own in the same folder, so the final rename is atomic; removed on drop if
    // anything below fails.
    let tmp = tempfile::Builder::new()
        .prefix(&crate::evidence::temp_prefix("backup"))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io(dir))?;
    let tmp_path = tmp.path().to_path_buf();
    // VACUUM INTO wants to create the file itself.
    std::fs::remove_file(&tmp_path).map_err(io(&tmp_path))?;
    let before = row_counts(conn)?;
    let copied = conn.execute("VACUUM INTO ?1", [tmp_path.to_string_lossy()]);
    let after = row_counts(conn)?;
    let result = copied.map_err(Error::from).and_then(|_| {
        std::fs::File::open(&tmp_path)
            .and_then(|f| f.sync_all())
            .map_err(io(&tmp_path))?;
        let info = verify(&tmp_path)?;
        let copy = Connection::open_with_flags(&tmp_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let counts = row_counts(&copy)?;
        // A writer in another process may commit during the copy: the snapshot then matches
        // the state before or after it.
        if counts != before && counts != after {
            return Err(Error::BadBackup {
                path: tmp_path.clone(),
                why: "the copy's row counts differ from the database's".into(),
            });
        }
        Ok(info)
    });
    match result {
        Ok(info) => {
            std::fs::rename(&tmp_path, target).map_err(io(target))?;
            if let Ok(d) = std::fs::File::open(dir) {
                d.sync_all().map_err(io(dir))?;
            }
            drop(tmp);
            let (taken, reason) = name_parts(target).unzip();
            Ok(BackupInfo {
                path: target.to_path_buf(),
                taken,
                reason,
                ..info
            })
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp_path);
            Err(e)
        }
    }
}

/// A name in `dir` for a backup taken now for `why` ("daily", "before-v7"), sortable by time.
pub(crate) fn name_in(dir: &Path, why: &str) -> PathBuf {
    name_on(dir, chrono::Local::now().date_naive(), why)
}

/// A name for a backup of `day` (the clock's time of day), so a day's backup is found by its
/// date whatever the clock says.
pub(crate) fn name_on(dir: &Path, day: chrono::NaiveDate, why: &str) -> PathBuf {
    let time = chrono::Local::now().format("%H%M%S");
    let stamp = format!("{}-{time}", day.format("%Y%m%d"));
    let mut path = dir.join(format!("dossier-{stamp}-{why}.db"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!("dossier-{stamp}-{why}-{n}.db"));
    }
    path
}

/// Every backup in `dir`, newest first, each verified; a file that fails says why.
pub fn list(dir: &Path) -> Vec<std::result::Result<BackupInfo, Error>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.starts_with("dossier-") && name.ends_with(".db")
        })
        .collect();
    paths.sort();
    paths.reverse();
    paths.iter().map(|p| verify(p)).collect()
}

/// The newest backup that verifies, to offer when the database itself is damaged.
pub fn newest_verified(dir: &Path) -> Option<BackupInfo> {
    list(dir).into_iter().find_map(|b| b.ok())
}

/// Removes daily backups beyond the newest `KEEP_DAILY`; backups taken before an upgrade or a
/// restore are kept, as they are the only copies of what was there before.
pub(crate) fn rotate(dir: &Path) -> Result<()> {
    let mut daily: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.starts_with("dossier-") && name.contains("-daily")
        })
        .collect();
    daily.sort();
    daily.reverse();
    for old in daily.iter().skip(KEEP_DAILY) {
        std::fs::remove_file(old).map_err(io(old))?;
    }
    Ok(())
}
