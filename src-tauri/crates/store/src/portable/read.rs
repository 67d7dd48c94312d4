//! The export: the whole state read in one transaction, each list in its stable order.

use super::{
    ExportHeader, FrameworkAlias, Portable, PortableCredential, PortableEvidence,
    PortableFieldChange, PortableFramework, PortableRenewal, PortableRequirement, PortableSettings,
    PortableSkillArea, FORMAT, VERSION,
};
use crate::dashboard::{DEFAULT_HALF_LIFE_KEY, REMINDERS_KEY, WARNING_DAYS_KEY};
use crate::error::{Error, Result};
use crate::{Db, Store};
use dossier_core::framework::Framework;
use dossier_core::requirements::Requirement;
use std::collections::HashMap;

impl Store {
    /// Dossier's whole logical state, from one read.
    pub fn export_state(&self) -> Result<Portable> {
        self.read(|db| db.export_state())
    }
}

impl Db<'_> {
    /// Dossier's whole logical state as this read sees it.
    pub fn export_state(&self) -> Result<Portable> {
        let live = credentials(self)?;
        Ok(Portable {
            dossier: ExportHeader {
                format: FORMAT.to_string(),
                version: VERSION,
                exported_at: crate::credentials::now(),
            },
            profile: self.profile()?,
            settings: settings(self)?,
            skill_areas: skill_areas(self)?,
            frameworks: frameworks(self)?,
            field_changes: field_changes(self)?,
            requirements: requirements(self, &live.uuids)?,
            credentials: live.credentials,
            renewals: live.renewals,
        })
    }
}

/// The settings rows; one that does not read as its type is left out, as the app ignores it.
fn settings(db: &Db) -> Result<PortableSettings> {
    Ok(PortableSettings {
        warning_days: db.setting(WARNING_DAYS_KEY)?.and_then(|v| v.parse().ok()),
        default_half_life: db
            .setting(DEFAULT_HALF_LIFE_KEY)?
            .and_then(|v| v.parse().ok()),
        reminders: db.setting(REMINDERS_KEY)?.map(|v| v != "0"),
    })
}

fn skill_areas(db: &Db) -> Result<Vec<PortableSkillArea>> {
    let mut stmt = db.prepare(
        "SELECT name, half_life_years, description FROM skills \
         WHERE half_life_years IS NOT NULL OR description IS NOT NULL \
         ORDER BY name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(PortableSkillArea {
            name: r.get(0)?,
            half_life_years: r.get(1)?,
            description: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn frameworks(db: &Db) -> Result<Vec<PortableFramework>> {
    let active = db.active_framework_id()?;
    let mut stmt =
        db.prepare("SELECT id, uuid, spec, builtin, updated_at FROM frameworks ORDER BY id")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, uuid, spec, builtin, updated_at) in rows {
        let framework: Framework = serde_json::from_str(&spec).map_err(|e| Error::Corrupt {
            id: 0,
            field: "framework",
            message: format!("'{id}': {e}"),
        })?;
        let aliases = db
            .aliases(&id)?
            .into_iter()
            .map(|(alias, skill_id)| FrameworkAlias { alias, skill_id })
            .collect();
        out.push(PortableFramework {
            uuid,
            builtin,
            active: id == active,
            updated_at,
            aliases,
            framework,
        });
    }
    Ok(out)
}

fn field_changes(db: &Db) -> Result<Vec<PortableFieldChange>> {
    let mut stmt = db.prepare("SELECT id, uuid, created_at FROM field_changes")?;
    let mut identity: HashMap<i64, (String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out: Vec<PortableFieldChange> = db
        .field_changes()?
        .into_iter()
        .filter_map(|c| {
            let (uuid, created_at) = identity.remove(&c.id)?;
            Some(PortableFieldChange::new(uuid, created_at, c))
        })
        .collect();
    out.sort_by(|a, b| (a.announced, &a.uuid).cmp(&(b.announced, &b.uuid)));
    Ok(out)
}

/// Requirements, each naming the credential it renews by UUID (when that one is live).
fn requirements(db: &Db, uuids: &HashMap<i64, String>) -> Result<Vec<PortableRequirement>> {
    let mut stmt =
        db.prepare("SELECT id, uuid, created_at, spec FROM requirements ORDER BY uuid")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, uuid, created_at, spec) in rows {
        let r: Requirement = serde_json::from_str(&spec).map_err(|e| Error::Corrupt {
            id,
            field: "requirement",
            message: e.to_string(),
        })?;
        let credential = r.credential.and_then(|c| uuids.get(&c).cloned());
        out.push(PortableRequirement::new(uuid, created_at, credential, r));
    }
    Ok(out)
}

/// The live credentials by UUID, their renewals (oldest first per credential), and the UUID
/// of each row id (for the requirements that link to them).
struct Live {
    credentials: Vec<PortableCredential>,
    renewals: Vec<PortableRenewal>,
    uuids: HashMap<i64, String>,
}

fn credentials(db: &Db) -> Result<Live> {
    let ids: Vec<i64> = db
        .prepare("SELECT id FROM credentials WHERE deleted_at IS NULL ORDER BY uuid")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut links = db.prepare(
        "SELECT uuid, name, sha256, size, media_type, added_at FROM evidence \
         WHERE credential_id = ?1 ORDER BY added_at, name, sha256",
    )?;
    let (mut out, mut renewals) = (Vec::with_capacity(ids.len()), Vec::new());
    let mut uuids = HashMap::with_capacity(ids.len());
    for id in ids {
        let c = crate::credentials::load(db, id)?;
        let evidence = links
            .query_map([id], |r| {
                Ok(PortableEvidence {
                    uuid: r.get(0)?,
                    name: r.get(1)?,
                    sha256: r.get(2)?,
                    size: r.get::<_, i64>(3)?.max(0) as u64,
                    media_type: r.get(4)?,
                    added_at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        renewals.extend(db.renewals(id)?.into_iter().map(|r| PortableRenewal {
            credential: c.uuid.clone(),
            previous_completed: r.previous_completed,
            previous_expires: r.previous_expires,
            completed: r.completed,
            expires: r.expires,
            renewed_at: r.renewed_at,
        }));
        uuids.insert(id, c.uuid.clone());
        out.push(PortableCredential {
            record: c.input(),
            uuid: c.uuid,
            source: c.source,
            source_file: c.source_file,
            source_ref: c.source_ref,
            created_at: c.created_at,
            updated_at: c.updated_at,
            evidence,
        });
    }
    Ok(Live {
        credentials: out,
        renewals,
        uuids,
    })
}
