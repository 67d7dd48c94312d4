//! Dated field changes. The healthcare-AI defaults (assets/staleness/field-changes.json, each
//! with its primary source) are seeded once and re-dated by migrations; the user adds and
//! removes their own.

use crate::credentials::now;
use crate::error::{Error, Result};
use crate::Store;
use chrono::NaiveDate;
use dossier_core::change_draft::FieldChangeDraft;
use dossier_core::field_change::{shipped, Phase, ShippedChange};
use dossier_core::staleness::FieldChange;
use rusqlite::{params, Connection};

pub(crate) fn shipped_changes() -> Result<Vec<ShippedChange>> {
    shipped().map_err(|e| Error::Shipped {
        file: "field-changes.json",
        message: format!("line {}: {e}", e.line()),
    })
}

fn insert(conn: &Connection, c: &FieldChange) -> Result<i64> {
    insert_kept(conn, c, None)
}

/// `insert`, keeping the identity and creation time a change brings (`(uuid, created_at)`,
/// from an export). Without one the columns are left out, so the shipped changes are seeded
/// the same way on the schema before UUIDs.
pub(crate) fn insert_kept(
    conn: &Connection,
    c: &FieldChange,
    kept: Option<(&str, &str)>,
) -> Result<i64> {
    let c = c.normalized();
    let effective = serde_json::to_string(&c.effective).map_err(|e| Error::CorruptFieldChange {
        id: c.id,
        field: "effective dates",
        message: e.to_string(),
    })?;
    let (uuid, created_at) = match kept {
        Some((uuid, at)) => (Some(uuid), at.to_string()),
        None => (None, now()),
    };
    let (col, val) = if uuid.is_some() {
        (", uuid", ", ?9")
    } else {
        ("", "")
    };
    let sql = format!(
        "INSERT INTO field_changes \
         (announced, effective, title, jurisdiction, impact, source, note, created_at{col}) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8{val})"
    );
    let announced = c.announced.to_string();
    let mut values: Vec<&dyn rusqlite::ToSql> = vec![
        &announced,
        &effective,
        &c.title,
        &c.jurisdiction,
        &c.impact,
        &c.source,
        &c.note,
        &created_at,
    ];
    if let Some(u) = &uuid {
        values.push(u);
    }
    conn.execute(&sql, values.as_slice())?;
    let id = conn.last_insert_rowid();
    let mut link = conn.prepare_cached(
        "INSERT OR IGNORE INTO field_change_skills (change_id, skill) VALUES (?1, ?2)",
    )?;
    for s in &c.skills {
        link.execute(params![id, s])?;
    }
    Ok(id)
}

pub(crate) fn seed(conn: &Connection) -> Result<()> {
    if crate::settings::get(conn, "seeded.field_changes")?.is_some() {
        return Ok(());
    }
    for s in shipped_changes()? {
        insert(conn, &s.change)?;
    }
    crate::settings::set(conn, "seeded.field_changes", "1")
}

/// Migration 0005's data step: in a store already seeded, each shipped change that replaces
/// earlier shipped entries (the EU AI Act's four application dates became one change dated by
/// its publication) takes their place. A replacement is added only if at least one entry it
/// replaces is still there, so a change the user removed stays removed; the user's own
/// changes are not touched (their `date` became `announced` in the SQL step).
pub(crate) fn reship(conn: &Connection) -> Result<()> {
    if crate::settings::get(conn, "seeded.field_changes")?.is_none() {
        return Ok(());
    }
    for s in shipped_changes()? {
        let mut found = 0;
        for title in &s.replaces {
            found += conn.execute(
                "DELETE FROM field_changes WHERE title = ?1 AND source IS ?2",
                params![title, s.change.source],
            )?;
        }
        // A change new in this release (it replaces nothing) reaches existing stores too.
        if found > 0 || s.replaces.is_empty() {
            insert(conn, &s.change)?;
        }
    }
    Ok(())
}

type Row = (i64, String, String, String, Option<String>, f64);
type Row2 = (Option<String>, Option<String>, String);

fn read(c: &Connection, id: Option<i64>) -> Result<Vec<FieldChange>> {
    let mut stmt = c.prepare_cached(
        "SELECT f.id, f.announced, f.effective, f.title, f.jurisdiction, f.impact, f.source, \
         f.note, \
         (SELECT json_group_array(skill) FROM field_change_skills WHERE change_id = f.id) \
         FROM field_changes f WHERE ?1 IS NULL OR f.id = ?1 ORDER BY f.announced, f.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        let a: Row = (
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        );
        let b: Row2 = (r.get(6)?, r.get(7)?, r.get(8)?);
        Ok((a, b))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let ((id, announced, effective, title, jurisdiction, impact), (source, note, skills)) =
            row?;
        let bad =
            |field: &'static str, message: String| Error::CorruptFieldChange { id, field, message };
        let announced = announced
            .parse::<NaiveDate>()
            .map_err(|e| bad("announcement date", format!("'{announced}': {e}")))?;
        let effective: Vec<Phase> =
            serde_json::from_str(&effective).map_err(|e| bad("effective dates", e.to_string()))?;
        let skills: Vec<String> =
            serde_json::from_str(&skills).map_err(|e| bad("skills", e.to_string()))?;
        out.push(FieldChange {
            id,
            announced,
            effective,
            title,
            jurisdiction,
            skills,
            impact,
            source,
            note,
        });
    }
    Ok(out)
}

impl Store {
    /// Records a field change; returns it, as stored, with its id.
    pub fn add_field_change(&self, change: &FieldChange) -> Result<FieldChange> {
        let problems = change.problems();
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        self.with_tx(|tx| {
            let id = insert(tx, change)?;
            read(tx, Some(id))?.pop().ok_or(Error::NotFound(id))
        })
    }

    /// Records a field change as typed (the app's form, `dossier field-change add`): read
    /// and checked by the draft, then stored as `add_field_change` stores it.
    pub fn add_field_change_draft(&self, draft: &FieldChangeDraft) -> Result<FieldChange> {
        self.add_field_change(&draft.validate().map_err(Error::Invalid)?)
    }

    pub fn field_changes(&self) -> Result<Vec<FieldChange>> {
        self.read(|db| db.field_changes())
    }

    /// Removes a field change; returns what was removed so that it can be re-added.
    pub fn remove_field_change(&self, id: i64) -> Result<FieldChange> {
        self.with_tx(|tx| {
            let change = read(tx, Some(id))?.pop().ok_or(Error::NotFound(id))?;
            tx.execute("DELETE FROM field_changes WHERE id = ?1", [id])?;
            Ok(change)
        })
    }
}

impl crate::Db<'_> {
    pub fn field_changes(&self) -> Result<Vec<FieldChange>> {
        let c = self.c;
        read(c, None)
    }
}
