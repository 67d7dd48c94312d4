//! Writes of the aggregate: a record with its skills, full-text entry and evidence links.

use super::{date_text, now};
use crate::areas::skill_id;
use crate::error::Result;
use crate::evidence::StagedEvidence;
use dossier_core::CredentialInput;
use rusqlite::{params, Connection, Statement};

pub(super) fn write_skills_and_index(
    conn: &Connection,
    id: i64,
    input: &CredentialInput,
) -> Result<()> {
    write_skills(conn, id, input)?;
    write_index(conn, id, input)
}

fn write_skills(conn: &Connection, id: i64, input: &CredentialInput) -> Result<()> {
    conn.prepare_cached("DELETE FROM credential_skills WHERE credential_id = ?1")?
        .execute([id])?;
    let mut link = conn.prepare_cached(
        "INSERT INTO credential_skills (credential_id, skill_id, relevance, position) \
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (pos, s) in input.skills.iter().enumerate() {
        link.execute(params![
            id,
            skill_id(conn, &s.name)?,
            s.relevance,
            pos as i64
        ])?;
    }
    Ok(())
}

/// The record's full-text entry, replaced.
fn write_index(conn: &Connection, id: i64, input: &CredentialInput) -> Result<()> {
    let skills = input
        .skills
        .iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join(" ; ");
    conn.prepare_cached("DELETE FROM credentials_fts WHERE rowid = ?1")?
        .execute([id])?;
    conn.prepare_cached(
        "INSERT INTO credentials_fts (rowid, title, issuer, notes, skills) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, input.title, input.issuer, input.notes, skills])?;
    Ok(())
}

pub(super) fn link_evidence(
    conn: &Connection,
    id: i64,
    staged: &[StagedEvidence],
    at: &str,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO evidence (credential_id, sha256, name, size, media_type, added_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for s in staged {
        // The blob takes its name inside this transaction: if it rolls back, the sweep on the
        // next open removes the blob no row names.
        crate::evidence::commit_blob(s)?;
        stmt.execute(params![
            id,
            s.sha256,
            s.name,
            s.size as i64,
            s.media_type,
            at
        ])?;
    }
    Ok(())
}

/// Binds the record's own columns as ?1..?13, in the one order the insert and the update
/// share, so the two cannot bind them differently.
pub(super) fn bind_fields(stmt: &mut Statement<'_>, input: &CredentialInput) -> Result<()> {
    stmt.raw_bind_parameter(1, input.kind.as_str())?;
    stmt.raw_bind_parameter(2, input.status.as_str())?;
    stmt.raw_bind_parameter(3, &input.title)?;
    stmt.raw_bind_parameter(4, &input.issuer)?;
    stmt.raw_bind_parameter(5, date_text(&input.started))?;
    stmt.raw_bind_parameter(6, date_text(&input.completed))?;
    stmt.raw_bind_parameter(7, date_text(&input.expires))?;
    stmt.raw_bind_parameter(8, input.hours)?;
    stmt.raw_bind_parameter(9, &input.credit_type)?;
    stmt.raw_bind_parameter(10, &input.credential_id)?;
    stmt.raw_bind_parameter(11, &input.url)?;
    stmt.raw_bind_parameter(12, &input.notes)?;
    stmt.raw_bind_parameter(13, input.verified)?;
    Ok(())
}

/// Where a record being written came from, and the identity it keeps.
#[derive(Clone, Copy, Debug, Default)]
pub struct Provenance<'a> {
    /// `manual`, `demo`, `salvage` or an importer's format.
    pub source: &'a str,
    /// The imported file's name.
    pub file: Option<&'a str>,
    /// The credential's own id in that file.
    pub reference: Option<&'a str>,
    /// The Dossier identity the record already has elsewhere (a salvage, Dossier's own
    /// export); without one the store's trigger gives a new UUID.
    pub uuid: Option<&'a str>,
}

impl<'a> Provenance<'a> {
    pub fn of(source: &'a str) -> Self {
        Provenance {
            source,
            ..Provenance::default()
        }
    }
}

/// Inserts one record inside the caller's transaction; returns its id.
pub fn insert(
    conn: &Connection,
    input: &CredentialInput,
    staged: &[StagedEvidence],
    source: &str,
) -> Result<i64> {
    insert_from(conn, input, staged, &Provenance::of(source))
}

/// `insert`, recording where the record came from and keeping an identity it brings.
pub fn insert_from(
    conn: &Connection,
    input: &CredentialInput,
    staged: &[StagedEvidence],
    from: &Provenance<'_>,
) -> Result<i64> {
    let id = insert_unindexed(conn, input, staged, from)?;
    write_index(conn, id, input)?;
    Ok(id)
}

/// One record of a batch: its fields, its staged evidence and where it came from.
pub struct BatchRow<'a> {
    pub input: &'a CredentialInput,
    pub staged: &'a [StagedEvidence],
    pub from: Provenance<'a>,
}

/// Inserts many records inside the caller's transaction (an import, a restore, the demo);
/// `progress` hears how many are written. Their full-text entries are written after all the
/// rows: FTS5 flushes its pending terms to disk at every statement savepoint, and each insert
/// opens one (the uuid trigger), so indexing row by row costs ~4x the whole batch.
pub fn insert_batch<'a>(
    conn: &Connection,
    rows: impl IntoIterator<Item = BatchRow<'a>>,
    mut progress: impl FnMut(usize),
) -> Result<Vec<i64>> {
    let mut written = Vec::new();
    for row in rows {
        let id = insert_unindexed(conn, row.input, row.staged, &row.from)?;
        written.push((id, row.input));
        progress(written.len());
    }
    for (id, input) in &written {
        write_index(conn, *id, input)?;
    }
    Ok(written.into_iter().map(|(id, _)| id).collect())
}

fn insert_unindexed(
    conn: &Connection,
    input: &CredentialInput,
    staged: &[StagedEvidence],
    from: &Provenance<'_>,
) -> Result<i64> {
    let at = now();
    // Columns without a value are left out, so a plain record is written the same way on
    // every schema version (the upgrade tests insert into older ones).
    let extra: Vec<(&str, &str)> = [
        ("uuid", from.uuid),
        ("source_file", from.file),
        ("source_ref", from.reference),
    ]
    .into_iter()
    .filter_map(|(col, v)| Some((col, v?)))
    .collect();
    let mut cols = String::from(
        "kind, status, title, issuer, started, completed, expires, hours, credit_type, \
         credential_id, url, notes, verified, source, created_at, updated_at",
    );
    let mut values =
        String::from("?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15");
    for (i, (col, _)) in extra.iter().enumerate() {
        cols.push_str(", ");
        cols.push_str(col);
        values.push_str(&format!(", ?{}", 16 + i));
    }
    let sql = format!("INSERT INTO credentials ({cols}) VALUES ({values})");
    let mut stmt = conn.prepare_cached(&sql)?;
    bind_fields(&mut stmt, input)?;
    stmt.raw_bind_parameter(14, from.source)?;
    stmt.raw_bind_parameter(15, &at)?;
    for (i, (_, v)) in extra.iter().enumerate() {
        stmt.raw_bind_parameter(16 + i, v)?;
    }
    stmt.raw_execute()?;
    let id = conn.last_insert_rowid();
    write_skills(conn, id, input)?;
    link_evidence(conn, id, staged, &at)?;
    Ok(id)
}

/// Marks a record completed on `completed`, valid until `expires` (a renewal's write).
pub(crate) fn set_completion(
    conn: &Connection,
    id: i64,
    completed: dossier_core::PartialDate,
    expires: Option<dossier_core::PartialDate>,
    at: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE credentials SET completed = ?2, expires = ?3, status = 'completed', \
         updated_at = ?4 WHERE id = ?1 AND deleted_at IS NULL",
        params![
            id,
            completed.to_string(),
            expires.map(|d| d.to_string()),
            at
        ],
    )?;
    Ok(())
}
