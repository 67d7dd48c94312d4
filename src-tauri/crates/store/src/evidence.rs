//! Evidence files: copied into the data directory under their SHA-256, so a certificate scan
//! survives the original being moved or deleted, and the same file attached twice is stored
//! once. Written to a temporary file, fsynced, then renamed: a crash leaves either the whole
//! file or none.

use crate::error::{Error, Result};
use crate::Store;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Scans and PDFs are a few MB; a file past this is almost surely the wrong file.
pub const MAX_EVIDENCE_BYTES: u64 = 200 * 1024 * 1024;

/// A file copied into the evidence folder under a temporary name, not yet linked to a record.
/// It takes its blob name only inside the transaction that links it (`commit_blob`), so a
/// blob on disk with no row naming it is always garbage once no transaction is running.
#[derive(Debug, Clone)]
pub struct StagedEvidence {
    pub sha256: String,
    pub name: String,
    pub size: u64,
    pub media_type: Option<String>,
    /// The copy, `.stage-<pid>-*.tmp` in the evidence folder: a crashed save's copies are
    /// recognised by a process that no longer runs.
    pub temp: PathBuf,
    /// Where the blob goes.
    pub path: PathBuf,
}

/// The prefix of this process's temporary files, so a later open can tell a dead process's
/// leftovers from a live one's work in progress.
pub(crate) fn temp_prefix(kind: &str) -> String {
    format!(".{kind}-{}-", std::process::id())
}

/// Where the blob with this hash lives: `evidence/ab/abcdef…`, two-letter fan-out so that no
/// folder grows huge.
pub fn blob_path(dir: &Path, sha256: &str) -> PathBuf {
    dir.join(&sha256[..2.min(sha256.len())]).join(sha256)
}

fn media_type(name: &str) -> Option<String> {
    let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
    let t = match ext.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "heic" => "image/heic",
        "tif" | "tiff" => "image/tiff",
        "txt" => "text/plain",
        "json" => "application/json",
        "html" | "htm" => "text/html",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => return None,
    };
    Some(t.to_string())
}

/// Copies `source` into `dir` under its hash.
pub fn stage(dir: &Path, source: &Path) -> Result<StagedEvidence> {
    let err = |e| Error::Evidence {
        path: source.to_path_buf(),
        source: e,
    };
    let input = File::open(source).map_err(err)?;
    let meta = input.metadata().map_err(err)?;
    if !meta.is_file() {
        return Err(err(std::io::Error::other("not a regular file")));
    }
    if meta.len() > MAX_EVIDENCE_BYTES {
        return Err(Error::EvidenceTooLarge {
            path: source.to_path_buf(),
            size: meta.len(),
            limit: MAX_EVIDENCE_BYTES,
        });
    }
    let name = source.file_name().map(|n| n.to_string_lossy().into_owned());
    stage_reader(dir, source, name, input)
}

/// Copies `bytes` (a file an importer read: a baked badge, a signed credential) into `dir`
/// under its hash, named `name`.
pub fn stage_bytes(dir: &Path, name: &str, bytes: &[u8]) -> Result<StagedEvidence> {
    if bytes.len() as u64 > MAX_EVIDENCE_BYTES {
        return Err(Error::EvidenceTooLarge {
            path: PathBuf::from(name),
            size: bytes.len() as u64,
            limit: MAX_EVIDENCE_BYTES,
        });
    }
    stage_reader(dir, Path::new(name), Some(name.to_string()), bytes)
}

/// Writes `input` to a temporary file in `dir`, hashing it on the way; `origin` names the
/// source in errors.
fn stage_reader(
    dir: &Path,
    origin: &Path,
    name: Option<String>,
    mut input: impl Read,
) -> Result<StagedEvidence> {
    let err = |e| Error::Evidence {
        path: origin.to_path_buf(),
        source: e,
    };
    std::fs::create_dir_all(dir).map_err(|e| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix("stage"))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::Io {
            path: dir.to_path_buf(),
            source: e,
        })?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = input.read(&mut buf).map_err(err)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        tmp.write_all(&buf[..n]).map_err(|e| Error::Io {
            path: tmp.path().into(),
            source: e,
        })?;
        size += n as u64;
    }
    tmp.as_file().sync_all().map_err(|e| Error::Io {
        path: tmp.path().into(),
        source: e,
    })?;
    let sha256: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    // Kept past this function: the link step renames it, a failed save removes it.
    let (_, temp) = tmp.keep().map_err(|e| Error::Io {
        path: dir.to_path_buf(),
        source: e.error,
    })?;
    let name = name.unwrap_or_else(|| sha256.clone());
    Ok(StagedEvidence {
        media_type: media_type(&name),
        path: blob_path(dir, &sha256),
        sha256,
        name,
        size,
        temp,
    })
}

/// Gives a staged copy its blob name; called only inside the transaction that links it. The
/// same content stored before is kept as it is and the copy dropped.
pub(crate) fn commit_blob(s: &StagedEvidence) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    if s.path.is_file() {
        let _ = std::fs::remove_file(&s.temp);
        return Ok(());
    }
    let parent = s.path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    std::fs::rename(&s.temp, &s.path).map_err(io(&s.path))?;
    // The rename is durable only once the folder holding it is synced.
    if let Ok(d) = File::open(parent) {
        let _ = d.sync_all();
    }
    Ok(())
}

impl Store {
    /// Copies files into the evidence folder before the record's transaction; a failed copy
    /// names the file and nothing is linked.
    pub fn stage_evidence(&self, files: &[PathBuf]) -> Result<Vec<StagedEvidence>> {
        self.stage_each(files, |dir, f| stage(dir, f))
    }

    /// `stage_evidence` for files held in memory, as `(name, bytes)` (what an importer read).
    pub fn stage_evidence_bytes(&self, files: &[(&str, &[u8])]) -> Result<Vec<StagedEvidence>> {
        self.stage_each(files, |dir, (name, bytes)| stage_bytes(dir, name, bytes))
    }

    /// Stages every item, or none: a failure removes the copies already made.
    fn stage_each<T>(
        &self,
        items: &[T],
        stage_one: impl Fn(&Path, &T) -> Result<StagedEvidence>,
    ) -> Result<Vec<StagedEvidence>> {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        let dir = self.evidence_dir().ok_or(Error::NoEvidenceDir)?;
        let mut staged = Vec::with_capacity(items.len());
        for item in items {
            match stage_one(dir, item) {
                Ok(s) => staged.push(s),
                Err(e) => {
                    self.discard_staged(&staged);
                    return Err(e);
                }
            }
        }
        Ok(staged)
    }

    /// Removes the copies a failed save made. Their blobs, if the transaction renamed them
    /// before failing, are left to the next open's sweep, which runs under the write lock and
    /// so never removes a blob another save is linking.
    pub fn discard_staged(&self, staged: &[StagedEvidence]) {
        for s in staged {
            let _ = std::fs::remove_file(&s.temp);
        }
    }

    /// The stored copy of an evidence file, checked to exist.
    pub fn evidence_file(&self, sha256: &str) -> Result<PathBuf> {
        let dir = self.evidence_dir().ok_or(Error::NoEvidenceDir)?;
        let valid = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit());
        let path = blob_path(dir, sha256);
        if !valid || !path.is_file() {
            return Err(Error::EvidenceNotFound {
                id: 0,
                sha256: sha256.to_string(),
            });
        }
        Ok(path)
    }
}
