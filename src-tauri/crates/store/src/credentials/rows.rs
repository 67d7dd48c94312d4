//! Row mapping: the credential columns and how a row becomes a `Credential`.

use super::corrupt;
use crate::error::{Error, Result};
use dossier_core::{Credential, CredentialKind, Evidence, PartialDate, SkillTag, Status};
use rusqlite::{Connection, OptionalExtension, Row};

pub(super) const COLUMNS: &str =
    "id, kind, status, title, issuer, started, completed, expires, hours, \
     credit_type, credential_id, url, notes, verified, source, created_at, updated_at, uuid, \
     source_file, source_ref";

/// Reads one row. Kind, status and dates are parsed from borrowed text (no allocation: lists
/// read thousands of rows); a value the domain cannot parse is reported, not dropped.
pub(super) fn read_row(r: &Row) -> Result<Credential> {
    let id: i64 = r.get(0)?;
    let text = |i: usize| -> rusqlite::Result<Option<&str>> { Ok(r.get_ref(i)?.as_str_or_null()?) };
    let date = |i: usize, field: &'static str| -> rusqlite::Result<Result<Option<PartialDate>>> {
        Ok(text(i)?
            .map(|s| {
                s.parse()
                    .map_err(|e: dossier_core::DateError| corrupt(id, field, e.to_string()))
            })
            .transpose())
    };
    let kind = parse_kind(text(1)?.unwrap_or_default());
    let status = text(2)?.unwrap_or_default().parse::<Status>();
    let (started, completed, expires) = (
        date(5, "started")?,
        date(6, "completed")?,
        date(7, "expires")?,
    );
    Ok(Credential {
        id,
        kind: kind.map_err(|e| corrupt(id, "kind", e.to_string()))?,
        status: status.map_err(|e| corrupt(id, "status", e))?,
        title: r.get(3)?,
        issuer: r.get(4)?,
        started: started?,
        completed: completed?,
        expires: expires?,
        hours: r.get(8)?,
        credit_type: r.get(9)?,
        credential_id: r.get(10)?,
        url: r.get(11)?,
        notes: r.get(12)?,
        verified: r.get(13)?,
        skills: Vec::new(),
        evidence: Vec::new(),
        source: r.get(14)?,
        created_at: r.get(15)?,
        updated_at: r.get(16)?,
        uuid: r.get::<_, Option<String>>(17)?.unwrap_or_default(),
        source_file: r.get(18)?,
        source_ref: r.get(19)?,
    })
}

/// Stored kinds are canonical, so matching them directly skips the allocations of the lenient
/// parser (two per row) and keeps its answer for anything else.
fn parse_kind(s: &str) -> std::result::Result<CredentialKind, dossier_core::model::UnknownKind> {
    match CredentialKind::ALL.into_iter().find(|k| k.as_str() == s) {
        Some(kind) => Ok(kind),
        None => s.parse(),
    }
}

/// Loads one record (live or not) with its skills and evidence.
pub fn load(conn: &Connection, id: i64) -> Result<Credential> {
    let sql = format!("SELECT {COLUMNS} FROM credentials WHERE id = ?1");
    let row = conn
        .prepare_cached(&sql)?
        .query_row([id], |r| Ok(read_row(r)))
        .optional()?;
    let mut c = row.ok_or(Error::NotFound(id))??;
    c.skills = conn
        .prepare_cached(
            "SELECT s.name, cs.relevance FROM credential_skills cs JOIN skills s ON s.id = cs.skill_id \
             WHERE cs.credential_id = ?1 ORDER BY cs.position",
        )?
        .query_map([id], |r| Ok(SkillTag { name: r.get(0)?, relevance: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    c.evidence = conn
        .prepare_cached(
            "SELECT name, sha256, size, media_type, added_at FROM evidence \
             WHERE credential_id = ?1 ORDER BY added_at, name",
        )?
        .query_map([id], evidence_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(c)
}

pub(super) fn evidence_row(r: &Row) -> rusqlite::Result<Evidence> {
    Ok(Evidence {
        name: r.get(0)?,
        sha256: r.get(1)?,
        size: r.get::<_, i64>(2)?.max(0) as u64,
        media_type: r.get(3)?,
        added_at: r.get(4)?,
    })
}
