//! Giving everything back, written once for the CLI and the app: the full JSON export, the
//! backup archive (that JSON and every evidence file, optionally encrypted), JSON Resume and
//! CSV; and restoring an archive or a JSON export, into an empty store or merged beside the
//! records already kept (after a verified backup, so it can be undone).

use crate::{Error, Result};
use chrono::NaiveDate;
use dossier_core::{CredentialDraft, ListQuery};
use dossier_interop::archive::{self as arc, ArchiveReader};
use dossier_interop::{Attachment, Format, Found, InputFile};
use dossier_store::{BackupInfo, Portable, RestoreSummary, Store};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// Every record, evidence hash, framework, skill area, field change, requirement,
    /// renewal, the profile and settings, as one JSON document.
    Json,
    /// That JSON and every evidence file, as a zip (encrypted with a passphrase if given).
    Archive,
    /// JSON Resume v1.2.1.
    Jsonresume,
    /// One CSV row per record.
    Csv,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 4] = [Self::Json, Self::Archive, Self::Jsonresume, Self::Csv];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Archive => "archive",
            Self::Jsonresume => "jsonresume",
            Self::Csv => "csv",
        }
    }

    /// The file name a save dialog suggests.
    pub fn default_name(self) -> &'static str {
        match self {
            Self::Json => "dossier-export.json",
            Self::Archive => "dossier-archive.zip",
            Self::Jsonresume => "resume.json",
            Self::Csv => "dossier-records.csv",
        }
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!("unknown export '{s}'; expected json, archive, jsonresume or csv")
            })
    }
}

/// What an export wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Exported {
    #[ts(type = "string")]
    pub path: PathBuf,
    pub records: usize,
    /// Evidence files carried (archives only).
    pub evidence: usize,
    pub encrypted: bool,
}

/// Writes the export to `path` atomically: a failed export leaves no half-written file.
pub fn export(
    store: &Store,
    format: ExportFormat,
    path: &Path,
    passphrase: Option<&str>,
) -> Result<Exported> {
    let mut out = Exported {
        path: path.to_path_buf(),
        records: 0,
        evidence: 0,
        encrypted: false,
    };
    let bytes = match format {
        ExportFormat::Json => {
            let state = store.export_state()?;
            out.records = state.credentials.len();
            state.to_json()?.into_bytes()
        }
        ExportFormat::Archive => {
            let state = store.export_state()?;
            out.records = state.credentials.len();
            out.encrypted = passphrase.is_some();
            let (bytes, n) = archive_bytes(store, &state, passphrase)?;
            out.evidence = n;
            bytes
        }
        ExportFormat::Jsonresume | ExportFormat::Csv => {
            let records = store.list(&ListQuery::default())?;
            out.records = records.len();
            if format == ExportFormat::Csv {
                dossier_interop::export::records_csv(&records)?
            } else {
                let resume = dossier_interop::export::json_resume(&store.profile()?, &records);
                serde_json::to_vec_pretty(&resume).unwrap_or_default()
            }
        }
    };
    dossier_store::write_atomically(path, &bytes)?;
    Ok(out)
}

/// The archive in memory, and how many evidence files it carries.
fn archive_bytes(
    store: &Store,
    state: &Portable,
    passphrase: Option<&str>,
) -> Result<(Vec<u8>, usize)> {
    let json = state.to_json()?;
    let mut blobs = Vec::new();
    for sha in state.evidence_hashes() {
        let path = store.evidence_file(sha)?;
        let file = std::fs::File::open(&path).map_err(|source| dossier_store::Error::Io {
            path: path.clone(),
            source,
        })?;
        blobs.push((sha.to_string(), file));
    }
    let n = blobs.len();
    let mut cursor = std::io::Cursor::new(Vec::new());
    arc::write_archive(&mut cursor, json.as_bytes(), blobs, passphrase)?;
    Ok((cursor.into_inner(), n))
}

/// Whether the file at `path` is an encrypted archive (so the passphrase must be asked for).
pub fn needs_passphrase(path: &Path) -> Result<bool> {
    Ok(arc::is_encrypted(&head(&mut open(path)?, path)?))
}

/// The first bytes of a file, enough to tell an archive by.
fn head(f: &mut std::fs::File, path: &Path) -> Result<Vec<u8>> {
    let mut head = vec![0u8; 32];
    let n = f.read(&mut head).map_err(|e| crate::unreadable(path, e))?;
    head.truncate(n);
    Ok(head)
}

/// A zip (Dossier's archive) or a sealed one, by its first bytes.
fn zipped(head: &[u8]) -> bool {
    head.starts_with(dossier_interop::detect::ZIP_SIGNATURE) || arc::is_encrypted(head)
}

/// Whether `path` is a Dossier archive or JSON export (rather than a database backup), by its
/// first bytes; a file that cannot be opened is not one (the backup restore says why).
pub fn is_archive(path: &Path) -> bool {
    let Ok(mut f) = open(path) else {
        return false;
    };
    let Ok(head) = head(&mut f, path) else {
        return false;
    };
    zipped(&head) || head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Store(dossier_store::Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn open(path: &Path) -> Result<std::fs::File> {
    std::fs::File::open(path).map_err(|e| crate::unreadable(path, e))
}

/// Reads an archive (zip, encrypted or not) or a JSON export: the state and its evidence.
pub fn read(path: &Path, passphrase: Option<&str>) -> Result<(Portable, HashMap<String, Vec<u8>>)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    if !zipped(&head(&mut open(path)?, path)?) {
        // A JSON export: bounded like any import, with no evidence beside it.
        let bytes =
            dossier_store::read_bytes_bounded(path, dossier_interop::bounds::MAX_FILE_BYTES)?;
        let value = dossier_interop::bounds::parse_json(&name, &bytes)?;
        if dossier_interop::detect::classify_json(&value) != Some(dossier_interop::Format::Archive)
        {
            return Err(Error::Import(dossier_interop::Error::Unrecognised {
                file: name,
                hint: "not a Dossier export or archive".into(),
            }));
        }
        return Ok((Portable::from_json(&bytes)?, HashMap::new()));
    }
    let mut reader = ArchiveReader::open(&name, open(path)?, passphrase)?;
    let state = reader.state()?;
    if dossier_interop::bounds::json_depth(&state) > dossier_interop::bounds::MAX_JSON_DEPTH {
        return Err(Error::Import(dossier_interop::Error::TooLarge {
            file: name,
            what: "dossier.json nesting".into(),
            limit: format!("{} levels", dossier_interop::bounds::MAX_JSON_DEPTH),
        }));
    }
    let state = Portable::from_json(&state)?;
    let mut blobs = HashMap::new();
    reader.each_blob(|sha, r| {
        let mut bytes = Vec::new();
        r.read_to_end(&mut bytes)
            .map_err(|source| dossier_interop::Error::Io {
                file: name.clone(),
                source,
            })?;
        blobs.insert(sha.to_string(), bytes);
        Ok(())
    })?;
    Ok((state, blobs))
}

/// What a restore did, and where the database as it was is kept (when it held anything).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ArchiveRestored {
    pub summary: RestoreSummary,
    pub aside: Option<BackupInfo>,
}

/// Restores `path` into `store`: into an empty store as it was exported; into one that holds
/// records of its own, merged beside them (matched by identity) after a verified backup of
/// the store as it was. The caller confirms the second case first (`holds_records`). A wrong
/// passphrase, a changed byte or a bad entry writes nothing.
pub fn restore(
    store: &Store,
    path: &Path,
    passphrase: Option<&str>,
    today: NaiveDate,
) -> Result<ArchiveRestored> {
    let (state, blobs) = read(path, passphrase)?;
    let aside = if holds_records(store)? && store.backups_dir().is_some() {
        Some(store.backup_named("before-restore")?)
    } else {
        None
    };
    let summary = store.restore_state(&state, &|sha| blobs.get(sha).cloned(), today)?;
    Ok(ArchiveRestored { summary, aside })
}

/// Whether the store holds records of its own, so that a restore merges beside them (and
/// asks first) rather than filling an empty store.
pub fn holds_records(store: &Store) -> Result<bool> {
    Ok(store.count()? > 0 || !store.requirements()?.is_empty())
}

/// The records of a Dossier archive or JSON export, as an import reads them: each with its
/// Dossier identity (so a second import matches it) and its evidence from the archive.
pub(crate) fn founds(file: &InputFile, passphrase: Option<&str>) -> Result<Vec<Found>> {
    let (state, blobs) = if zipped(&file.bytes) {
        let c = arc::read_archive(file, passphrase)?;
        (c.state, c.blobs.into_iter().collect::<HashMap<_, _>>())
    } else {
        (file.bytes.to_vec(), HashMap::new())
    };
    dossier_interop::bounds::parse_json(&file.name, &state)?;
    let state = Portable::from_json(&state)?;
    Ok(state
        .credentials
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut f = Found::new(Format::Archive, file, format!("credentials[{i}]"));
            f.draft = CredentialDraft::from_input(&c.record);
            f.uuid = Some(c.uuid.clone());
            f.source.id = Some(c.uuid.clone());
            for e in &c.evidence {
                match blobs.get(&e.sha256) {
                    Some(bytes) => f.evidence.push(Attachment {
                        name: e.name.clone(),
                        bytes: bytes.clone().into(),
                    }),
                    None => f.notes.push(format!(
                        "The evidence file {} is not in the archive; only its record is imported.",
                        e.name
                    )),
                }
            }
            f
        })
        .collect())
}

/// An archive kept in `backups/`, as the Backups section lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ArchiveInfo {
    #[ts(type = "string")]
    pub path: PathBuf,
    #[ts(type = "number")]
    pub bytes: u64,
    pub encrypted: bool,
    /// When it was written ("2026-12-01 15:04:57", local time), from its name.
    pub taken: Option<String>,
}

const ARCHIVE_PREFIX: &str = "dossier-archive-";

/// Writes an archive of everything into `backups/` (named for the time), encrypted with
/// `passphrase` if given, so it is listed with the backups and can be copied off the machine.
pub fn archive_to_backups(store: &Store, passphrase: Option<&str>) -> Result<ArchiveInfo> {
    let dir = store
        .backups_dir()
        .ok_or(Error::Store(dossier_store::Error::NoEvidenceDir))?;
    std::fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
    let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M%S");
    let path = dir.join(format!("{ARCHIVE_PREFIX}{stamp}.zip"));
    export(store, ExportFormat::Archive, &path, passphrase)?;
    info(&path)?.ok_or(Error::Selection(
        "the archive just written cannot be read".into(),
    ))
}

/// The Dossier archives in `backups/`, newest first.
pub fn archives(store: &Store) -> Result<Vec<ArchiveInfo>> {
    let Some(dir) = store.backups_dir() else {
        return Ok(Vec::new());
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.starts_with(ARCHIVE_PREFIX) && name.ends_with(".zip")
        })
        .collect();
    paths.sort();
    paths.reverse();
    let mut out = Vec::with_capacity(paths.len());
    for p in paths {
        if let Some(i) = info(&p)? {
            out.push(i);
        }
    }
    Ok(out)
}

/// An archive's size, whether it is sealed and when it was taken; `None` for a file that is
/// no archive.
fn info(path: &Path) -> Result<Option<ArchiveInfo>> {
    let mut f = open(path)?;
    let head = head(&mut f, path)?;
    if !zipped(&head) {
        return Ok(None);
    }
    let encrypted = arc::is_encrypted(&head);
    let bytes = f.metadata().map_err(|e| crate::unreadable(path, e))?.len();
    let taken = path
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.strip_prefix(ARCHIVE_PREFIX))
        .and_then(|s| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d-%H%M%S").ok())
        .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string());
    Ok(Some(ArchiveInfo {
        path: path.to_path_buf(),
        bytes,
        encrypted,
        taken,
    }))
}
