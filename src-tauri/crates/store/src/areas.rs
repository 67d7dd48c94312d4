//! Skill areas: every skill name a record carries, with its half-life. Defaults for the
//! healthcare-AI field (assets/staleness/skill-areas.json) are seeded once; the user's edits
//! are never overwritten.

use crate::error::{Error, Result};
use crate::Store;
use dossier_core::settings::{HalfLife, HalfLifeDraft};
use dossier_core::staleness::{SkillArea, SkillInfo};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;

const DEFAULTS: &str = include_str!("../../../../assets/staleness/skill-areas.json");

#[derive(Deserialize)]
struct Defaults {
    areas: Vec<SkillArea>,
}

/// Seeds the default areas once, from migration 0006 (a store seeded earlier keeps its own).
pub(crate) fn seed(conn: &Connection) -> Result<()> {
    if crate::settings::get(conn, "seeded.skill_areas")?.is_some() {
        return Ok(());
    }
    upsert_defaults(conn)?;
    crate::settings::set(conn, "seeded.skill_areas", "1")
}

/// A migration's data step: areas shipped since the store was seeded reach it too. A
/// half-life or description the user set is never overwritten.
pub(crate) fn add_new_defaults(conn: &Connection) -> Result<()> {
    if crate::settings::get(conn, "seeded.skill_areas")?.is_none() {
        return Ok(());
    }
    upsert_defaults(conn)
}

fn upsert_defaults(conn: &Connection) -> Result<()> {
    let defaults: Defaults = serde_json::from_str(DEFAULTS).map_err(|e| Error::Shipped {
        file: "skill-areas.json",
        message: format!("line {}: {e}", e.line()),
    })?;
    for a in &defaults.areas {
        conn.execute(
            "INSERT INTO skills (name, half_life_years, description) VALUES (?1, ?2, ?3) \
             ON CONFLICT (name) DO UPDATE SET \
             half_life_years = coalesce(half_life_years, excluded.half_life_years), \
             description = coalesce(description, excluded.description)",
            params![a.name, a.half_life_years, a.description],
        )?;
    }
    Ok(())
}

/// The id of the skill named `name`, creating it (without a half-life) if it is new: the
/// skills table is written here only.
pub(crate) fn skill_id(conn: &Connection, name: &str) -> Result<i64> {
    let mut find = conn.prepare_cached("SELECT id FROM skills WHERE name = ?1")?;
    if let Some(id) = find.query_row([name], |r| r.get(0)).optional()? {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO skills (name) VALUES (?1)")?
        .execute([name])?;
    Ok(conn.last_insert_rowid())
}

impl Store {
    /// Areas with a half-life, as the staleness engine takes them.
    pub fn skill_areas(&self) -> Result<Vec<SkillArea>> {
        self.read(|db| db.skill_areas())
    }

    /// Every skill known, with its half-life if set and how many live records carry it.
    pub fn skill_list(&self) -> Result<Vec<SkillInfo>> {
        self.read(|db| db.skill_list())
    }

    /// Sets a skill's half-life, creating the skill if it is new. Returns true if created.
    pub fn set_half_life(&self, name: &str, years: f64) -> Result<bool> {
        let h = HalfLife {
            name: name.trim().to_string(),
            half_life_years: years,
        };
        let problems = h.problems();
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let (name, years) = (h.name.as_str(), h.half_life_years);
        self.with_tx(|tx| {
            let existed: Option<i64> = tx
                .query_row("SELECT id FROM skills WHERE name = ?1", [name], |r| {
                    r.get(0)
                })
                .optional()?;
            tx.execute(
                "INSERT INTO skills (name, half_life_years) VALUES (?1, ?2) \
                 ON CONFLICT (name) DO UPDATE SET half_life_years = excluded.half_life_years",
                params![name, years],
            )?;
            Ok(existed.is_none())
        })
    }

    /// Sets a half-life as typed (the Skills page, `dossier skill set`), read and checked by
    /// the draft. Returns the half-life set and whether the skill was created.
    pub fn set_half_life_draft(&self, draft: &HalfLifeDraft) -> Result<(HalfLife, bool)> {
        let h = draft.validate().map_err(Error::Invalid)?;
        let created = self.set_half_life(&h.name, h.half_life_years)?;
        Ok((h, created))
    }

    /// Skill names among `names` that have no half-life of their own (they age at the default).
    pub fn skills_without_half_life(&self, names: &[String]) -> Result<Vec<String>> {
        self.read(|db| db.skills_without_half_life(names))
    }
}

impl crate::Db<'_> {
    /// Areas with a half-life, as the staleness engine takes them.
    pub fn skill_areas(&self) -> Result<Vec<SkillArea>> {
        let c = self.c;
        let mut stmt = c.prepare_cached(
            "SELECT name, half_life_years, description FROM skills \
             WHERE half_life_years IS NOT NULL ORDER BY name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SkillArea {
                name: r.get(0)?,
                half_life_years: r.get(1)?,
                description: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl crate::Db<'_> {
    /// Every skill known, with its half-life if set and how many live records carry it.
    pub fn skill_list(&self) -> Result<Vec<SkillInfo>> {
        let c = self.c;
        let mut stmt = c.prepare_cached(
            "SELECT s.name, s.half_life_years, s.description, \
             (SELECT count(*) FROM credential_skills cs JOIN credentials c \
              ON c.id = cs.credential_id WHERE cs.skill_id = s.id AND c.deleted_at IS NULL) \
             FROM skills s ORDER BY s.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SkillInfo {
                name: r.get(0)?,
                half_life_years: r.get(1)?,
                description: r.get(2)?,
                records: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl crate::Db<'_> {
    /// Skill names among `names` that have no half-life of their own (they age at the default).
    pub fn skills_without_half_life(&self, names: &[String]) -> Result<Vec<String>> {
        let c = self.c;
        let mut stmt =
            c.prepare_cached("SELECT half_life_years IS NOT NULL FROM skills WHERE name = ?1")?;
        let mut out = Vec::new();
        for n in names {
            let has: Option<bool> = stmt.query_row([n], |r| r.get(0)).optional()?;
            if has != Some(true) {
                out.push(n.clone());
            }
        }
        Ok(out)
    }
}
