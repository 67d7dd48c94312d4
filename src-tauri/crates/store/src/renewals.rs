//! Renewing a credential: new completion and expiry dates reset its clock, and the dates
//! they replace are kept as history.

use crate::credentials::{load, now};
use crate::error::{Error, Result};
use crate::Store;
use chrono::NaiveDate;
use dossier_core::renewal::RenewalDraft;
use dossier_core::staleness::Renewal;
use dossier_core::Credential;
use rusqlite::params;

impl Store {
    /// Renews a live credential with the dates typed (validated against it and `today`),
    /// keeping the dates they replace as history. Checked and written in one transaction.
    pub fn renew(&self, id: i64, draft: &RenewalDraft, today: NaiveDate) -> Result<Credential> {
        self.with_tx(|tx| {
            crate::credentials::require_live(tx, id)?;
            let c = load(tx, id)?;
            let dates = draft.validate(&c, today).map_err(Error::Invalid)?;
            let at = now();
            tx.execute(
                "INSERT INTO renewals (credential_id, previous_completed, previous_expires, \
                 completed, expires, renewed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    c.completed.map(|d| d.to_string()),
                    c.expires.map(|d| d.to_string()),
                    dates.completed.to_string(),
                    dates.expires.map(|d| d.to_string()),
                    at
                ],
            )?;
            crate::credentials::set_completion(tx, id, dates.completed, dates.expires, &at)?;
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
