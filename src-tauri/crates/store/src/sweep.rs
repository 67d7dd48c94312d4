//! Crash leftovers, removed on open: temporary copies of processes that no longer run, and
//! blobs that no row names. Both are decided under the database's write lock, the lock every
//! save holds while it gives a blob its name and links it, so nothing another save is doing
//! can be mistaken for garbage.

use crate::error::Result;
use crate::evidence::blob_path;
use crate::Store;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What a sweep removed.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Swept {
    pub temp_files: Vec<PathBuf>,
    pub orphan_blobs: Vec<PathBuf>,
}

/// `.stage-<pid>-*.tmp` or `.backup-<pid>-*.tmp`: whose it is.
fn temp_owner(name: &str) -> Option<u32> {
    let rest = name
        .strip_prefix(".stage-")
        .or_else(|| name.strip_prefix(".backup-"))?;
    if !name.ends_with(".tmp") {
        return None;
    }
    rest.split('-').next()?.parse().ok()
}

/// Whether a process still runs. Where `/proc` is missing the answer is "yes": a leftover
/// then stays until a machine with `/proc` (or the person) removes it, never a live copy.
fn running(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists() || pid == std::process::id()
}

fn dead_temps(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(|e| e.ok()) {
        let name = e.file_name().to_string_lossy().into_owned();
        if temp_owner(&name).is_some_and(|pid| !running(pid)) {
            out.push(e.path());
        }
    }
}

/// Whether another database sits in `db`'s folder (a copy, a salvaged store, a
/// damaged file kept aside): it shares `evidence/`, so a blob this database does not name may
/// be that one's, and none is removed.
fn shares_evidence(db: &Path) -> bool {
    let dir = db.parent().unwrap_or(Path::new("."));
    let own = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return true;
    };
    entries.filter_map(|e| e.ok()).any(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let ours = name == own || name.strip_prefix(&own).is_some_and(|r| r.starts_with('-'));
        !ours && e.path().is_file() && is_dossier_file(&e.path())
    })
}

/// Any SQLite database, or the write-ahead log of one: a Dossier database's application id
/// may still be in its WAL rather than its header, so any database counts.
fn is_dossier_file(path: &Path) -> bool {
    use std::io::Read;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head));
    name.ends_with("-wal") || (read.is_ok() && &head == b"SQLite format 3\0")
}

impl Store {
    /// Temporary copies of processes that no longer run, still on disk (an open removes them;
    /// this only looks).
    pub fn leftovers(&self) -> Vec<PathBuf> {
        let (Some(db), Some(evidence)) = (self.path(), self.evidence_dir()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let db_dir = db.parent().unwrap_or(Path::new("."));
        for dir in [evidence, &crate::backups::backups_dir_for(db), db_dir] {
            dead_temps(dir, &mut out);
        }
        out
    }

    /// Removes what crashed saves and copies left behind; a read-only or in-memory store has
    /// nothing to sweep.
    pub fn sweep(&self) -> Result<Swept> {
        let (Some(db), Some(evidence)) = (self.path(), self.evidence_dir()) else {
            return Ok(Swept::default());
        };
        let evidence = evidence.to_path_buf();
        self.with_tx(|tx| {
            let mut swept = Swept {
                temp_files: self.leftovers(),
                ..Swept::default()
            };
            if shares_evidence(db) {
                for f in &swept.temp_files {
                    let _ = std::fs::remove_file(f);
                }
                return Ok(swept);
            }
            let mut stmt = tx.prepare("SELECT DISTINCT sha256 FROM evidence")?;
            let linked: HashSet<String> = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let fans = std::fs::read_dir(&evidence).into_iter().flatten().flatten();
            for fan in fans.filter(|f| f.path().is_dir()) {
                for blob in std::fs::read_dir(fan.path())
                    .into_iter()
                    .flatten()
                    .flatten()
                {
                    let sha = blob.file_name().to_string_lossy().into_owned();
                    let ours = sha.len() == 64 && blob_path(&evidence, &sha) == blob.path();
                    if ours && !linked.contains(&sha) {
                        swept.orphan_blobs.push(blob.path());
                    }
                }
            }
            for f in swept.temp_files.iter().chain(&swept.orphan_blobs) {
                std::fs::remove_file(f).map_err(|source| crate::Error::Io {
                    path: f.clone(),
                    source,
                })?;
            }
            Ok(swept)
        })
    }
}
