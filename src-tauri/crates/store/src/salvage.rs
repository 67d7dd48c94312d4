//! `dossier recover`: what can still be read from a damaged database, copied into a new
//! store beside it. Each record is read on its own, so a damaged page loses the records on it
//! and no others; the damaged file is only read, never written.

use crate::credentials::{insert_from, load, Provenance};
use crate::error::{Error, Result};
use crate::Store;
use dossier_core::requirements::Requirement;
use rusqlite::{params, Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// What a salvage found.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Salvaged {
    /// The new store.
    #[ts(type = "string")]
    pub path: PathBuf,
    pub records: usize,
    pub requirements: usize,
    pub settings: usize,
    /// What could not be read, each with why.
    pub lost: Vec<String>,
}

/// Record ids to try: the table's own list, or, when that cannot be read, every id up to the
/// highest the sequence handed out (or a run of misses).
fn candidate_ids(c: &Connection) -> Vec<i64> {
    let listed = c
        .prepare("SELECT id FROM credentials ORDER BY id")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        });
    if let Ok(ids) = listed {
        return ids;
    }
    let highest: i64 = c
        .query_row("SELECT max(id) FROM credentials", [], |r| {
            r.get::<_, Option<i64>>(0)
        })
        .ok()
        .flatten()
        .unwrap_or(10_000);
    (1..=highest).collect()
}

impl Store {
    /// Reads what it can from `damaged` into a new store at `into` (which must not exist) in
    /// the same folder, so the two share the evidence files.
    pub fn salvage(damaged: &Path, into: &Path) -> Result<Salvaged> {
        if into.exists() {
            return Err(Error::Io {
                path: into.to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "already exists"),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let old = Connection::open_with_flags(damaged, flags).map_err(|source| Error::Open {
            path: damaged.to_path_buf(),
            source,
        })?;
        let new = Store::open(into)?;
        let mut found = Salvaged {
            path: into.to_path_buf(),
            records: 0,
            requirements: 0,
            settings: 0,
            lost: Vec::new(),
        };
        for id in candidate_ids(&old) {
            // A removed record stays removed; one whose flag cannot be read is taken.
            let removed: Option<Option<String>> = old
                .query_row(
                    "SELECT deleted_at FROM credentials WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .ok();
            if matches!(removed, Some(Some(_))) {
                continue;
            }
            let c = match load(&old, id) {
                Ok(c) => c,
                Err(Error::NotFound(_)) => continue,
                Err(e) => {
                    found.lost.push(format!("record #{id}: {e}"));
                    continue;
                }
            };
            let copied = new.with_tx(|tx| {
                // The record keeps its identity when the damaged file had one.
                let from = Provenance {
                    source: &c.source,
                    file: c.source_file.as_deref(),
                    reference: c.source_ref.as_deref(),
                    uuid: (!c.uuid.is_empty()).then_some(c.uuid.as_str()),
                };
                let nid = insert_from(tx, &c.input(), &[], &from)?;
                for e in &c.evidence {
                    tx.execute(
                        "INSERT OR IGNORE INTO evidence (credential_id, sha256, name, size, \
                         media_type, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![
                            nid,
                            e.sha256,
                            e.name,
                            e.size as i64,
                            e.media_type,
                            e.added_at
                        ],
                    )?;
                }
                Ok::<_, Error>(())
            });
            match copied {
                Ok(()) => found.records += 1,
                Err(e) => found.lost.push(format!("record #{id} '{}': {e}", c.title)),
            }
        }
        let specs = old
            .prepare("SELECT spec FROM requirements")
            .and_then(|mut s| {
                s.query_map([], |r| r.get::<_, String>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            });
        match specs {
            Ok(specs) => {
                for spec in specs {
                    let req = serde_json::from_str::<Requirement>(&spec)
                        .map_err(|e| e.to_string())
                        .and_then(|r| new.add_requirement(&r).map_err(|e| e.to_string()));
                    match req {
                        Ok(_) => found.requirements += 1,
                        Err(e) => found.lost.push(format!("a requirement set: {e}")),
                    }
                }
            }
            Err(e) => found.lost.push(format!("requirement sets: {e}")),
        }
        let settings = old
            .prepare("SELECT key, value FROM settings")
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            });
        match settings {
            Ok(rows) => {
                new.with_tx(|tx| {
                    for (k, v) in &rows {
                        crate::settings::set(tx, k, v)?;
                    }
                    Ok::<_, Error>(())
                })?;
                found.settings = rows.len();
            }
            Err(e) => found.lost.push(format!("settings and profile: {e}")),
        }
        Ok(found)
    }
}

/// Where a salvage of `db` goes by default: `dossier-salvaged-<time>.db` beside it, so the
/// new store shares the evidence files.
pub fn salvage_path(db: &Path) -> PathBuf {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    db.parent()
        .unwrap_or(Path::new("."))
        .join(format!("dossier-salvaged-{stamp}.db"))
}

/// Salvages `into` (or beside `db`), then puts the new store in the damaged one's place;
/// returns what was read and where the damaged file went. The salvaged copy is removed once
/// it is the database: a second copy beside it would only confuse.
pub fn salvage_in_place(db: &Path, into: Option<PathBuf>) -> Result<(Salvaged, PathBuf)> {
    let into = into.unwrap_or_else(|| salvage_path(db));
    let s = Store::salvage(db, &into)?;
    let aside = replace_damaged(db, &s.path)?;
    let _ = std::fs::remove_file(&s.path);
    Ok((s, aside))
}

/// Puts `good` (a verified backup, or a salvaged store) in place of the damaged database at
/// `db`. The damaged file (with its WAL) is renamed aside, never deleted; `good` is copied, so
/// a backup stays a backup. Returns where the damaged file went.
pub fn replace_damaged(db: &Path, good: &Path) -> Result<PathBuf> {
    crate::backups::verify(good)?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut aside = db.as_os_str().to_owned();
    aside.push(format!(".damaged-{stamp}"));
    let aside = PathBuf::from(aside);
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let bytes = std::fs::read(good).map_err(io(good))?;
    std::fs::rename(db, &aside).map_err(io(db))?;
    for ext in ["-wal", "-shm"] {
        let mut side = db.as_os_str().to_owned();
        side.push(ext);
        let side = PathBuf::from(side);
        if side.exists() {
            let mut to = aside.as_os_str().to_owned();
            to.push(ext);
            std::fs::rename(&side, PathBuf::from(to)).map_err(io(&side))?;
        }
    }
    crate::write_atomically(db, &bytes)?;
    Ok(aside)
}
