//! `dossier check` and the app's Health section: is everything Dossier keeps whole? SQLite's
//! full integrity check, every evidence file present with the content its SHA-256 names, no
//! crash leftovers, and backups that verify.

use crate::backups::BackupInfo;
use crate::error::Result;
use crate::evidence::blob_path;
use crate::Store;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::PathBuf;

/// One evidence file that is not as its record says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
pub struct EvidenceProblem {
    pub sha256: String,
    #[ts(type = "string")]
    pub path: PathBuf,
    /// "missing", or "altered" (the content no longer has its SHA-256).
    pub problem: String,
    /// The records whose evidence it is.
    #[ts(type = "Array<number>")]
    pub records: Vec<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Health {
    /// "ok", or SQLite's first findings.
    pub integrity: String,
    #[ts(type = "number")]
    pub evidence_files: usize,
    pub evidence_problems: Vec<EvidenceProblem>,
    /// Leftovers of crashed saves still there (each open removes them).
    #[ts(type = "Array<string>")]
    pub leftovers: Vec<PathBuf>,
    pub backups: Vec<BackupInfo>,
    /// Backups that do not verify, and why.
    pub bad_backups: Vec<String>,
    /// Nothing to act on: whole, every file matching, no leftovers, backups that verify.
    pub all_well: bool,
}

fn sha256_of(path: &std::path::Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

impl Store {
    /// Checks everything; reads every evidence file once (about a second per GB).
    pub fn health(&self) -> Result<Health> {
        let integrity: String = self.with_conn(|c| {
            let mut stmt = c.prepare("PRAGMA integrity_check(20)")?;
            let lines: Vec<String> = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(lines.join("; "))
        })?;
        let linked: Vec<(String, Vec<i64>)> = self.read(|db| {
            let mut stmt = db.prepare(
                "SELECT sha256, group_concat(credential_id) FROM evidence GROUP BY sha256 \
                 ORDER BY sha256",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    let ids: String = r.get(1)?;
                    let ids = ids.split(',').filter_map(|i| i.parse().ok()).collect();
                    Ok((r.get::<_, String>(0)?, ids))
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })?;
        let mut evidence_problems = Vec::new();
        if let Some(dir) = self.evidence_dir() {
            for (sha, records) in &linked {
                let path = blob_path(dir, sha);
                let problem = match sha256_of(&path) {
                    Err(_) => Some("missing"),
                    Ok(found) if &found != sha => Some("altered"),
                    Ok(_) => None,
                };
                if let Some(problem) = problem {
                    evidence_problems.push(EvidenceProblem {
                        sha256: sha.clone(),
                        path,
                        problem: problem.into(),
                        records: records.clone(),
                    });
                }
            }
        }
        let (mut backups, mut bad_backups) = (Vec::new(), Vec::new());
        for b in self.backups() {
            match b {
                Ok(b) => backups.push(b),
                Err(e) => bad_backups.push(e.to_string()),
            }
        }
        let leftovers = self.leftovers();
        let all_well = integrity == "ok"
            && evidence_problems.is_empty()
            && leftovers.is_empty()
            && bad_backups.is_empty()
            && !backups.is_empty();
        Ok(Health {
            integrity,
            evidence_files: linked.len(),
            evidence_problems,
            leftovers,
            backups,
            bad_backups,
            all_well,
        })
    }
}
