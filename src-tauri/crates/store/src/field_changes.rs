//! Dated field changes. The healthcare-AI defaults (assets/staleness/field-changes.json, each
//! with its source) are seeded once; the user adds and removes their own.

use crate::credentials::now;
use crate::error::{Error, Result};
use crate::Store;
use chrono::NaiveDate;
use dossier_core::staleness::FieldChange;
use rusqlite::{params, Connection};
use serde::Deserialize;

const DEFAULTS: &str = include_str!("../../../../assets/staleness/field-changes.json");

#[derive(Deserialize)]
struct Default {
    date: NaiveDate,
    title: String,
    skills: Vec<String>,
    impact: f64,
    source: Option<String>,
}

#[derive(Deserialize)]
struct Defaults {
    changes: Vec<Default>,
}

fn insert(conn: &Connection, c: &FieldChange) -> Result<i64> {
    conn.execute(
        "INSERT INTO field_changes (date, title, impact, source, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            c.date.to_string(),
            c.title.trim(),
            c.impact,
            c.source,
            now()
        ],
    )?;
    let id = conn.last_insert_rowid();
    let mut link = conn.prepare_cached(
        "INSERT OR IGNORE INTO field_change_skills (change_id, skill) VALUES (?1, ?2)",
    )?;
    for s in c.skills.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        link.execute(params![id, s])?;
    }
    Ok(id)
}

pub(crate) fn seed(conn: &Connection) -> Result<()> {
    if crate::settings::get(conn, "seeded.field_changes")?.is_some() {
        return Ok(());
    }
    let defaults: Defaults = serde_json::from_str(DEFAULTS).map_err(|e| Error::Demo {
        index: 0,
        title: "field-changes.json".into(),
        message: e.to_string(),
    })?;
    for d in defaults.changes {
        let change = FieldChange {
            id: 0,
            date: d.date,
            title: d.title,
            skills: d.skills,
            impact: d.impact,
            source: d.source,
        };
        insert(conn, &change)?;
    }
    crate::settings::set(conn, "seeded.field_changes", "1")
}

impl Store {
    /// Records a field change; returns it with its id.
    pub fn add_field_change(&self, change: &FieldChange) -> Result<FieldChange> {
        let problems = change.problems();
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let id = self.with_tx(|tx| insert(tx, change))?;
        Ok(FieldChange {
            id,
            ..change.clone()
        })
    }

    pub fn field_changes(&self) -> Result<Vec<FieldChange>> {
        self.with_conn(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT f.id, f.date, f.title, f.impact, f.source, \
                 (SELECT json_group_array(skill) FROM field_change_skills WHERE change_id = f.id) \
                 FROM field_changes f ORDER BY f.date, f.id",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, f64>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (id, date, title, impact, source, skills) = row?;
                let date = date.parse::<NaiveDate>().map_err(|e| Error::Corrupt {
                    id,
                    field: "field change date",
                    message: e.to_string(),
                })?;
                let skills: Vec<String> = serde_json::from_str(&skills).unwrap_or_default();
                out.push(FieldChange {
                    id,
                    date,
                    title,
                    skills,
                    impact,
                    source,
                });
            }
            Ok(out)
        })
    }

    /// Removes a field change; returns what was removed so that it can be re-added.
    pub fn remove_field_change(&self, id: i64) -> Result<FieldChange> {
        let found = self.field_changes()?.into_iter().find(|c| c.id == id);
        let change = found.ok_or(Error::NotFound(id))?;
        self.with_tx(|tx| -> Result<()> {
            tx.execute("DELETE FROM field_changes WHERE id = ?1", [id])?;
            Ok(())
        })?;
        Ok(change)
    }
}
