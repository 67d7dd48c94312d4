//! Renewing a credential: new completion and expiry dates reset its clock, and the dates
//! they replace are kept as history.

use crate::credentials::{load, now};
use crate::error::{Error, Result};
use crate::Store;
use dossier_core::staleness::Renewal;
use dossier_core::{Credential, FieldError, PartialDate};
use rusqlite::params;

impl Store {
    pub fn renew(
        &self,
        id: i64,
        completed: PartialDate,
        expires: Option<PartialDate>,
    ) -> Result<Credential> {
        self.with_tx(|tx| {
            let c = load(tx, id)?;
            let removed: Option<String> = tx.query_row(
                "SELECT deleted_at FROM credentials WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if removed.is_some() {
                return Err(Error::Removed(id));
            }
            if let Some(prev) = c.completed.filter(|p| completed.surely_before(p)) {
                return Err(Error::Invalid(vec![FieldError {
                    field: "completed".into(),
                    message: format!("{completed} is before the current completion date {prev}"),
                }]));
            }
            if let Some(e) = expires.filter(|e| e.surely_before(&completed)) {
                return Err(Error::Invalid(vec![FieldError {
                    field: "expires".into(),
                    message: format!("{e} is before the completion date {completed}"),
                }]));
            }
            let at = now();
            tx.execute(
                "INSERT INTO renewals (credential_id, previous_completed, previous_expires, \
                 completed, expires, renewed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    c.completed.map(|d| d.to_string()),
                    c.expires.map(|d| d.to_string()),
                    completed.to_string(),
                    expires.map(|d| d.to_string()),
                    at
                ],
            )?;
            tx.execute(
                "UPDATE credentials SET completed = ?2, expires = ?3, status = 'completed', \
                 updated_at = ?4 WHERE id = ?1 AND deleted_at IS NULL",
                params![
                    id,
                    completed.to_string(),
                    expires.map(|d| d.to_string()),
                    at
                ],
            )?;
            load(tx, id)
        })
    }

    /// The renewals of a credential, oldest first.
    pub fn renewals(&self, id: i64) -> Result<Vec<Renewal>> {
        self.read(|db| db.renewals(id))
    }
}

impl crate::Db<'_> {
    /// The renewals of a credential, oldest first.
    pub fn renewals(&self, id: i64) -> Result<Vec<Renewal>> {
        let c = self.c;
        let mut stmt = c.prepare_cached(
            "SELECT previous_completed, previous_expires, completed, expires, renewed_at \
             FROM renewals WHERE credential_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(Renewal {
                previous_completed: r.get(0)?,
                previous_expires: r.get(1)?,
                completed: r.get(2)?,
                expires: r.get(3)?,
                renewed_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
