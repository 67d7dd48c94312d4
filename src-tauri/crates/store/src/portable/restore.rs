//! The restore: a checked export written in one transaction.
//!
//! Into a store that holds nothing of the person's own (no live credential, no requirement,
//! no field change or framework beyond the shipped ones, no alias) the export *replaces* the
//! configuration the migrations seeded: profile, settings, half-lives, the active framework,
//! the field changes and the frameworks become the export's, each keeping its UUID, so an
//! export of the result equals the export restored. A shipped framework the export lacks is
//! kept (no one can remove one, so it is newer than the export).
//!
//! Into any other store the export *merges*: a record whose UUID is here already is left as
//! it is (counted as kept), and so is a field change with the same title and announcement, a
//! framework with the same id and a requirement with the same name; everything else is added
//! with its UUID. The profile, a setting, a half-life and the active framework are taken from
//! the export only where this store has none.
//!
//! Evidence bytes come from `blob(sha256)` (an archive's files; `|_| None` for a JSON-only
//! export). A link is written when its file is here already or `blob` gives bytes whose
//! SHA-256 and size match; otherwise the record is written without it and the link is listed
//! in `RestoreSummary::missing_evidence`, so a restore never refuses a whole portfolio for one
//! missing scan, and never links a file the store does not hold.

use super::blobs::{link, Blobs};
use super::{Portable, PortableCredential, PortableFramework, PortableRenewal};
use crate::dashboard::{DEFAULT_HALF_LIFE_KEY, REMINDERS_KEY, WARNING_DAYS_KEY};
use crate::error::{Error, Result};
use crate::frameworks::ACTIVE_KEY;
use crate::profile::PROFILE_KEY;
use crate::{Db, Provenance, Store};
use chrono::NaiveDate;
use dossier_core::profile::Profile;
use dossier_core::FieldError;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// How many of each kind of entry a restore added, or found here already.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Tally {
    pub credentials: usize,
    pub requirements: usize,
    pub field_changes: usize,
    pub frameworks: usize,
    pub skill_areas: usize,
    pub renewals: usize,
    pub evidence: usize,
}

/// An evidence link written without its file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MissingEvidence {
    /// The credential's UUID and title.
    pub credential: String,
    pub title: String,
    pub name: String,
    pub sha256: String,
    pub why: String,
}

/// What a restore did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RestoreSummary {
    /// The store held nothing of its own, and its seeded configuration was replaced.
    pub replaced: bool,
    pub added: Tally,
    pub kept: Tally,
    pub missing_evidence: Vec<MissingEvidence>,
    /// What a person should know: an entry kept under a clashing name, a record that is in
    /// this store's removed records.
    pub notes: Vec<String>,
}

impl Store {
    /// Writes the whole state `p` in one transaction (see the module doc for how it merges);
    /// a bad entry is an error naming it, and nothing is written. `today` bounds completion
    /// dates, as for anything typed.
    pub fn restore_state(
        &self,
        p: &Portable,
        blob: &dyn Fn(&str) -> Option<Vec<u8>>,
        today: NaiveDate,
    ) -> Result<RestoreSummary> {
        let p = super::check::check(p, today)?;
        let blobs = Blobs::gather(self, &p, blob)?;
        let out = self.with_tx(|tx| write(tx, &p, &blobs));
        // Copies the transaction linked were renamed; the rest (kept records, a rollback) go.
        blobs.discard(self);
        out
    }
}

fn write(tx: &Db, p: &Portable, blobs: &Blobs) -> Result<RestoreSummary> {
    let mut s = RestoreSummary {
        replaced: holds_nothing_of_its_own(tx)?,
        ..RestoreSummary::default()
    };
    if s.replaced {
        tx.execute_batch(
            "DELETE FROM field_changes; \
             UPDATE skills SET half_life_years = NULL, description = NULL;",
        )?;
        for key in [
            PROFILE_KEY,
            ACTIVE_KEY,
            WARNING_DAYS_KEY,
            DEFAULT_HALF_LIFE_KEY,
            REMINDERS_KEY,
        ] {
            tx.execute("DELETE FROM settings WHERE key = ?1", [key])?;
        }
    }
    profile_and_settings(tx, p)?;
    skill_areas(tx, p, &mut s)?;
    frameworks(tx, p, &mut s)?;
    field_changes(tx, p, &mut s)?;
    let ids = credentials(tx, p, blobs, &mut s)?;
    requirements(tx, p, &ids, &mut s)?;
    Ok(s)
}

/// No live credential or requirement, no field change but shipped ones, no framework but
/// shipped ones, and no alias.
fn holds_nothing_of_its_own(tx: &Db) -> Result<bool> {
    let own: i64 = tx.query_row(
        "SELECT (SELECT count(*) FROM credentials WHERE deleted_at IS NULL) \
         + (SELECT count(*) FROM requirements) \
         + (SELECT count(*) FROM frameworks WHERE builtin = 0) \
         + (SELECT count(*) FROM framework_aliases)",
        [],
        |r| r.get(0),
    )?;
    if own > 0 {
        return Ok(false);
    }
    let shipped: Vec<(String, NaiveDate)> = crate::field_changes::shipped_changes()?
        .into_iter()
        .map(|s| (s.change.title.trim().to_string(), s.change.announced))
        .collect();
    Ok(tx.field_changes()?.iter().all(|c| {
        shipped
            .iter()
            .any(|(t, a)| *t == c.title && *a == c.announced)
    }))
}

/// Writes what the export sets and this store does not (after a replace's clearing, that is
/// everything the export sets).
fn profile_and_settings(tx: &Db, p: &Portable) -> Result<()> {
    if p.profile != Profile::default() && tx.setting(PROFILE_KEY)?.is_none() {
        crate::profile::write(tx, &p.profile)?;
    }
    let s = &p.settings;
    let rows = [
        (WARNING_DAYS_KEY, s.warning_days.map(|d| d.to_string())),
        (
            DEFAULT_HALF_LIFE_KEY,
            s.default_half_life.map(|h| h.to_string()),
        ),
        (
            REMINDERS_KEY,
            s.reminders.map(|r| if r { "1" } else { "0" }.to_string()),
        ),
    ];
    for (key, value) in rows {
        if let Some(v) = value {
            if tx.setting(key)?.is_none() {
                crate::settings::set(tx, key, &v)?;
            }
        }
    }
    Ok(())
}

/// A half-life or description is set where this store has none (after a replace's
/// clearing: everywhere). A replace takes the export's spelling of the name too; a merge
/// keeps this store's, which its records show.
fn skill_areas(tx: &Db, p: &Portable, s: &mut RestoreSummary) -> Result<()> {
    let rename = if s.replaced {
        "name = excluded.name, "
    } else {
        ""
    };
    let sql = format!(
        "INSERT INTO skills (name, half_life_years, description) VALUES (?1, ?2, ?3) \
         ON CONFLICT (name) DO UPDATE SET {rename}half_life_years = excluded.half_life_years, \
         description = excluded.description"
    );
    for a in &p.skill_areas {
        let here: Option<(Option<f64>, Option<String>)> = tx
            .query_row(
                "SELECT half_life_years, description FROM skills WHERE name = ?1",
                [&a.name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match here {
            Some((h, d)) if h.is_some() || d.is_some() => s.kept.skill_areas += 1,
            _ => {
                tx.execute(&sql, params![a.name, a.half_life_years, a.description])?;
                s.added.skill_areas += 1;
            }
        }
    }
    Ok(())
}

fn frameworks(tx: &Db, p: &Portable, s: &mut RestoreSummary) -> Result<()> {
    for f in &p.frameworks {
        let fw = &f.framework;
        if s.replaced {
            tx.execute(
                "DELETE FROM frameworks WHERE id = ?1 OR uuid = ?2",
                params![fw.id, f.uuid],
            )?;
        } else {
            let here: Option<String> = tx
                .query_row(
                    "SELECT id FROM frameworks WHERE uuid = ?1 OR id = ?2",
                    params![f.uuid, fw.id],
                    |r| r.get(0),
                )
                .optional()?;
            if here.is_some() {
                s.kept.frameworks += 1;
                continue;
            }
        }
        insert_framework(tx, f)?;
        s.added.frameworks += 1;
    }
    // A framework kept under its UUID may have another id here: only one that exists is
    // made active.
    if let Some(f) = p.frameworks.iter().find(|f| f.active) {
        let id = &f.framework.id;
        let exists = tx
            .query_row("SELECT 1 FROM frameworks WHERE id = ?1", [id], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
            .is_some();
        if exists && tx.setting(ACTIVE_KEY)?.is_none() {
            crate::settings::set(tx, ACTIVE_KEY, id)?;
        }
    }
    Ok(())
}

fn insert_framework(tx: &Db, f: &PortableFramework) -> Result<()> {
    let fw = &f.framework;
    let spec = serde_json::to_string(fw)
        .map_err(|e| Error::Invalid(vec![FieldError::new("framework", e.to_string())]))?;
    tx.execute(
        "INSERT INTO frameworks (id, name, spec, builtin, updated_at, uuid) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![fw.id, fw.name, spec, f.builtin, f.updated_at, f.uuid],
    )?;
    let mut alias = tx.prepare_cached(
        "INSERT INTO framework_aliases (framework_id, alias, skill_id) VALUES (?1, ?2, ?3)",
    )?;
    for a in &f.aliases {
        alias.execute(params![fw.id, a.alias, a.skill_id])?;
    }
    Ok(())
}

fn field_changes(tx: &Db, p: &Portable, s: &mut RestoreSummary) -> Result<()> {
    // A replace cleared the table; matching there would take two of the export's own changes
    // with one title and date for one.
    let mut here = tx.prepare(
        "SELECT 1 FROM field_changes WHERE NOT ?4 AND (uuid = ?1 \
         OR (lower(title) = lower(?2) AND announced = ?3))",
    )?;
    for c in &p.field_changes {
        let found = here
            .query_row(
                params![c.uuid, c.title, c.announced.to_string(), s.replaced],
                |r| r.get::<_, i64>(0),
            )
            .optional()?;
        if found.is_some() {
            s.kept.field_changes += 1;
            continue;
        }
        let kept = Some((c.uuid.as_str(), c.created_at.as_str()));
        crate::field_changes::insert_kept(tx, &c.change(), kept)?;
        s.added.field_changes += 1;
    }
    Ok(())
}

/// Writes the credentials this store lacks; returns the row id of every credential of the
/// export, written or found here.
fn credentials(
    tx: &Db,
    p: &Portable,
    blobs: &Blobs,
    s: &mut RestoreSummary,
) -> Result<HashMap<String, i64>> {
    let mut renewals: HashMap<&str, Vec<&PortableRenewal>> = HashMap::new();
    for r in &p.renewals {
        renewals.entry(r.credential.as_str()).or_default().push(r);
    }
    let mut ids = HashMap::with_capacity(p.credentials.len());
    for c in &p.credentials {
        let here: Option<(i64, Option<String>)> = tx
            .query_row(
                "SELECT id, deleted_at FROM credentials WHERE uuid = ?1",
                [&c.uuid],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((id, removed)) = here {
            if removed.is_some() {
                s.notes.push(format!(
                    "'{}' is among this store's removed records and stays removed; \
                     `dossier restore {id}` brings it back",
                    c.record.title
                ));
            }
            s.kept.credentials += 1;
            ids.insert(c.uuid.clone(), id);
            continue;
        }
        let id = insert_credential(tx, c, blobs, s)?;
        for r in renewals.get(c.uuid.as_str()).into_iter().flatten() {
            tx.execute(
                "INSERT INTO renewals (credential_id, previous_completed, previous_expires, \
                 completed, expires, renewed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    r.previous_completed,
                    r.previous_expires,
                    r.completed,
                    r.expires,
                    r.renewed_at
                ],
            )?;
            s.added.renewals += 1;
        }
        s.added.credentials += 1;
        ids.insert(c.uuid.clone(), id);
    }
    Ok(ids)
}

/// One credential as the export has it: its identity, its times and the evidence links
/// whose files the store holds.
fn insert_credential(
    tx: &Db,
    c: &PortableCredential,
    blobs: &Blobs,
    s: &mut RestoreSummary,
) -> Result<i64> {
    let from = Provenance {
        source: &c.source,
        file: c.source_file.as_deref(),
        reference: c.source_ref.as_deref(),
        uuid: Some(&c.uuid),
    };
    let id = crate::insert_from(tx, &c.record, &[], &from)?;
    tx.execute(
        "UPDATE credentials SET created_at = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, c.created_at, c.updated_at],
    )?;
    for e in &c.evidence {
        match blobs.take(e)? {
            None => link(tx, id, c, e, s)?,
            Some(why) => s.missing_evidence.push(MissingEvidence {
                credential: c.uuid.clone(),
                title: c.record.title.clone(),
                name: e.name.clone(),
                sha256: e.sha256.clone(),
                why,
            }),
        }
    }
    Ok(id)
}

fn requirements(
    tx: &Db,
    p: &Portable,
    ids: &HashMap<String, i64>,
    s: &mut RestoreSummary,
) -> Result<()> {
    for (i, r) in p.requirements.iter().enumerate() {
        let here: Option<String> = tx
            .query_row(
                "SELECT uuid FROM requirements WHERE uuid = ?1 OR name = ?2",
                params![r.uuid, r.name],
                |row| row.get(0),
            )
            .optional()?;
        if let Some(uuid) = here {
            if uuid != r.uuid {
                s.notes.push(format!(
                    "a requirement named '{}' is here already; this store's is kept",
                    r.name
                ));
            }
            s.kept.requirements += 1;
            continue;
        }
        let credential = match &r.credential {
            None => None,
            Some(u) => Some(match ids.get(u) {
                Some(id) => *id,
                None => live_credential(tx, u)?.ok_or_else(|| {
                    Error::Invalid(vec![FieldError::at(
                        "requirements",
                        i,
                        "credential",
                        format!("no credential {u} in the export or in this store"),
                    )])
                })?,
            }),
        };
        let spec = serde_json::to_string(&r.rules(credential)).map_err(|e| {
            Error::Invalid(vec![FieldError::at(
                "requirements",
                i,
                "rules",
                e.to_string(),
            )])
        })?;
        tx.execute(
            "INSERT INTO requirements (name, spec, created_at, uuid) VALUES (?1, ?2, ?3, ?4)",
            params![r.name, spec, r.created_at, r.uuid],
        )?;
        s.added.requirements += 1;
    }
    Ok(())
}

fn live_credential(tx: &Db, uuid: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT id FROM credentials WHERE uuid = ?1 AND deleted_at IS NULL",
            [uuid],
            |r| r.get(0),
        )
        .optional()?)
}
