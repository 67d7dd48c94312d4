//! The evidence files of a restore. Before the transaction each file the export links is
//! found in the evidence folder, or copied in from what the caller carries (checked against
//! its SHA-256), or known missing; inside it, a link whose file is there is written with its
//! identity and time, and a copy takes its blob name only then (as every save does).

use super::{PortableCredential, PortableEvidence, RestoreSummary};
use crate::error::{Error, Result};
use crate::evidence::{blob_path, StagedEvidence};
use crate::{Db, Portable, Store};
use rusqlite::{params, OptionalExtension};
use std::collections::HashMap;
use std::path::Path;

/// Where one file stands before the transaction.
enum Blob {
    /// In the evidence folder already, this many bytes long.
    Here(u64),
    Staged(StagedEvidence),
    Missing(String),
}

/// Every file the export links, by SHA-256.
pub(super) struct Blobs(HashMap<String, Blob>);

impl Blobs {
    /// Looks for each file once; a copy that cannot be written (a full disk) stops the
    /// restore, after removing the copies made.
    pub(super) fn gather(
        store: &Store,
        p: &Portable,
        blob: &dyn Fn(&str) -> Option<Vec<u8>>,
    ) -> Result<Blobs> {
        let mut out = Blobs(HashMap::new());
        for e in p.credentials.iter().flat_map(|c| c.evidence.iter()) {
            if out.0.contains_key(&e.sha256) {
                continue;
            }
            let state = match store.evidence_dir() {
                None => Ok(Blob::Missing("this store keeps no evidence files".into())),
                Some(dir) => find(dir, e, blob),
            };
            match state {
                Ok(b) => out.0.insert(e.sha256.clone(), b),
                Err(err) => {
                    out.discard(store);
                    return Err(err);
                }
            };
        }
        Ok(out)
    }

    /// Makes the file of `e` the store's (inside the transaction), or says why it cannot be.
    pub(super) fn take(&self, e: &PortableEvidence) -> Result<Option<String>> {
        let why = match self.0.get(&e.sha256) {
            Some(Blob::Here(size)) if *size == e.size => return Ok(None),
            Some(Blob::Staged(s)) if s.size == e.size => {
                crate::evidence::commit_blob(s)?;
                return Ok(None);
            }
            Some(Blob::Here(_) | Blob::Staged(_)) => "the file is not the size the export says",
            Some(Blob::Missing(why)) => why,
            None => "the file was not looked for",
        };
        Ok(Some(why.to_string()))
    }

    /// Removes the copies no link took (kept records, a rolled-back restore).
    pub(super) fn discard(&self, store: &Store) {
        for b in self.0.values() {
            if let Blob::Staged(s) = b {
                store.discard_staged(std::slice::from_ref(s));
            }
        }
    }
}

fn find(dir: &Path, e: &PortableEvidence, blob: &dyn Fn(&str) -> Option<Vec<u8>>) -> Result<Blob> {
    if let Ok(meta) = std::fs::metadata(blob_path(dir, &e.sha256)) {
        if meta.is_file() {
            return Ok(Blob::Here(meta.len()));
        }
    }
    let Some(bytes) = blob(&e.sha256) else {
        let why = "the export does not carry this file and this store has no copy";
        return Ok(Blob::Missing(why.into()));
    };
    match crate::evidence::stage_bytes(dir, &e.name, &bytes) {
        Ok(s) if s.sha256 == e.sha256 => Ok(Blob::Staged(s)),
        Ok(s) => {
            let _ = std::fs::remove_file(&s.temp);
            let why = "the file carried does not match its SHA-256";
            Ok(Blob::Missing(why.into()))
        }
        Err(Error::EvidenceTooLarge { size, limit, .. }) => Ok(Blob::Missing(format!(
            "the file is {size} bytes; the limit is {limit} bytes"
        ))),
        Err(err) => Err(err),
    }
}

/// Writes the link `e` of the record `id` (the credential `c`), keeping its identity and time.
pub(super) fn link(
    tx: &Db,
    id: i64,
    c: &PortableCredential,
    e: &PortableEvidence,
    s: &mut RestoreSummary,
) -> Result<()> {
    // A link UUID another record's link has here (copied data) gets a new one rather than
    // failing the whole restore.
    let taken = tx
        .query_row("SELECT 1 FROM evidence WHERE uuid = ?1", [&e.uuid], |r| {
            r.get::<_, i64>(0)
        })
        .optional()?
        .is_some();
    if taken {
        s.notes.push(format!(
            "the link to '{}' on '{}' got a new identity: {} is used here already",
            e.name, c.record.title, e.uuid
        ));
    }
    tx.execute(
        "INSERT INTO evidence (credential_id, sha256, name, size, media_type, added_at, uuid) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            e.sha256,
            e.name,
            e.size as i64,
            e.media_type,
            e.added_at,
            (!taken).then_some(&e.uuid)
        ],
    )?;
    s.added.evidence += 1;
    Ok(())
}
