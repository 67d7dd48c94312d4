//! Skill frameworks: the shipped ones (assets/frameworks) seeded once, the user's imports and
//! edits, the active one, and the user's aliases. Coverage and the learning plan are computed
//! here from the store's data by the domain's functions.

use crate::credentials::now;
use crate::error::{Error, Result};
use crate::Store;
use chrono::NaiveDate;
use dossier_core::coverage::{coverage, plan, Coverage, CoverageView, PlanItem};
use dossier_core::framework::{Framework, FrameworkInfo};
use dossier_core::framework_draft::FrameworkDraft;
use dossier_core::{Credential, FieldError, ListQuery};
use rusqlite::{params, Connection, OptionalExtension};

const BUILTIN: [&str; 2] = [
    include_str!("../../../../assets/frameworks/healthcare-ai.json"),
    include_str!("../../../../assets/frameworks/russell-2023.json"),
];
/// The largest framework file an import reads.
pub const MAX_FRAMEWORK_BYTES: u64 = 4 * 1024 * 1024;

pub const ACTIVE_KEY: &str = "framework.active";
const DEFAULT_ACTIVE: &str = "healthcare-ai";

fn parse(text: &str) -> Result<Framework> {
    Framework::from_json(text).map_err(Error::Invalid)
}

fn upsert(conn: &Connection, fw: &Framework, builtin: bool) -> Result<()> {
    let spec = serde_json::to_string(fw).map_err(|e| Error::Corrupt {
        id: 0,
        field: "framework",
        message: e.to_string(),
    })?;
    conn.execute(
        "INSERT INTO frameworks (id, name, spec, builtin, updated_at) VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, spec = excluded.spec, \
         updated_at = excluded.updated_at",
        params![fw.id, fw.name, spec, builtin, now()],
    )?;
    Ok(())
}

pub(crate) fn seed(conn: &Connection) -> Result<()> {
    if crate::settings::get(conn, "seeded.frameworks")?.is_some() {
        return Ok(());
    }
    for text in BUILTIN {
        upsert(conn, &parse(text)?, true)?;
    }
    crate::settings::set(conn, "seeded.frameworks", "1")
}

fn load(conn: &Connection, id: &str) -> Result<Framework> {
    let spec: Option<String> = conn
        .query_row("SELECT spec FROM frameworks WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    let spec = spec.ok_or_else(|| unknown(id))?;
    serde_json::from_str(&spec).map_err(|e| Error::Corrupt {
        id: 0,
        field: "framework",
        message: e.to_string(),
    })
}

fn unknown(id: &str) -> Error {
    Error::Invalid(vec![FieldError::new(
        "framework",
        format!("no framework '{id}'; `dossier framework list` shows them"),
    )])
}

impl Store {
    pub fn frameworks(&self) -> Result<Vec<FrameworkInfo>> {
        let active = self.active_framework_id()?;
        self.with_conn(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT id, spec, builtin FROM frameworks ORDER BY builtin DESC, name",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, bool>(2)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (id, spec, builtin) = row?;
                let fw: Framework = serde_json::from_str(&spec).map_err(|e| Error::Corrupt {
                    id: 0,
                    field: "framework",
                    message: e.to_string(),
                })?;
                let skills = fw.domains().map(|d| fw.skills_under(&d.id).len()).sum();
                out.push(FrameworkInfo {
                    active: id == active,
                    id,
                    name: fw.name,
                    builtin,
                    skills,
                });
            }
            Ok(out)
        })
    }

    pub fn framework(&self, id: &str) -> Result<Framework> {
        self.read(|db| db.framework(id))
    }

    /// Validates and stores a framework (replacing one with the same id). Nothing is stored
    /// when any node is bad, and the active framework does not change.
    pub fn import_framework(&self, json: &str) -> Result<Framework> {
        let fw = parse(json)?;
        self.with_tx(|tx| upsert(tx, &fw, false))?;
        Ok(fw)
    }

    /// Imports a framework file the user chose, bounded before it is parsed (the shipped
    /// frameworks are under 40 KiB; a 4 MiB one is not a skill framework).
    pub fn import_framework_file(&self, path: &std::path::Path) -> Result<Framework> {
        self.import_framework(&crate::read_bounded(path, MAX_FRAMEWORK_BYTES)?)
    }

    /// Saves a framework as the editor holds it (half-lives as typed): read and checked by
    /// the draft, then saved as `save_framework` saves it.
    pub fn save_framework_draft(&self, draft: &FrameworkDraft) -> Result<Framework> {
        self.save_framework(&draft.validate().map_err(Error::Invalid)?)
    }

    /// Saves a framework edited in the app, after the same validation as an import.
    pub fn save_framework(&self, fw: &Framework) -> Result<Framework> {
        let problems = fw.problems();
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        self.with_tx(|tx| {
            let builtin: Option<bool> = tx
                .query_row(
                    "SELECT builtin FROM frameworks WHERE id = ?1",
                    [&fw.id],
                    |r| r.get(0),
                )
                .optional()?;
            upsert(tx, fw, builtin.unwrap_or(false))
        })?;
        Ok(fw.clone())
    }

    pub fn export_framework(&self, id: &str) -> Result<String> {
        let fw = self.framework(id)?;
        serde_json::to_string_pretty(&fw).map_err(|e| Error::Corrupt {
            id: 0,
            field: "framework",
            message: e.to_string(),
        })
    }

    pub fn active_framework_id(&self) -> Result<String> {
        self.read(|db| db.active_framework_id())
    }

    pub fn use_framework(&self, id: &str) -> Result<()> {
        self.with_tx(|tx| {
            load(tx, id)?;
            crate::settings::set(tx, ACTIVE_KEY, id)
        })
    }

    /// Maps a record skill name onto a skill of the framework.
    pub fn set_alias(&self, framework: &str, alias: &str, skill_id: &str) -> Result<()> {
        let fw = self.framework(framework)?;
        let leaf = fw
            .domains()
            .flat_map(|d| fw.skills_under(&d.id))
            .any(|n| n.id == skill_id);
        if !leaf {
            return Err(Error::Invalid(vec![FieldError::new(
                "skill",
                format!("'{skill_id}' is not a skill of {}", fw.name),
            )]));
        }
        if alias.trim().is_empty() {
            return Err(Error::Invalid(vec![FieldError::new(
                "alias",
                "is required",
            )]));
        }
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO framework_aliases (framework_id, alias, skill_id) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (framework_id, alias) DO UPDATE SET skill_id = excluded.skill_id",
                params![framework, alias.trim(), skill_id],
            )?;
            Ok(())
        })
    }

    /// The user's aliases for a framework: (record skill name, framework skill id).
    pub fn aliases(&self, framework: &str) -> Result<Vec<(String, String)>> {
        self.read(|db| db.aliases(framework))
    }

    /// Coverage of the named (or active) framework as of `as_of`, from one read.
    pub fn coverage(&self, as_of: NaiveDate, framework: Option<&str>) -> Result<Coverage> {
        self.read(|db| {
            let records = db.list(&ListQuery::default())?;
            db.coverage_of(&records, as_of, framework)
        })
    }

    /// Coverage, its chart and the plan, for the coverage page, from one read.
    pub fn coverage_view(&self, as_of: NaiveDate, framework: Option<&str>) -> Result<CoverageView> {
        let (cov, records) = self.read(|db| {
            let records = db.list(&ListQuery::default())?;
            Ok((db.coverage_of(&records, as_of, framework)?, records))
        })?;
        Ok(CoverageView {
            chart_svg: dossier_core::chart::radar_svg(&cov, 420.0),
            plan: plan(&cov, &records),
            coverage: cov,
        })
    }

    /// The learning plan for the named (or active) framework.
    pub fn plan(&self, as_of: NaiveDate, framework: Option<&str>) -> Result<Vec<PlanItem>> {
        let (cov, records) = self.read(|db| {
            let records = db.list(&ListQuery::default())?;
            Ok((db.coverage_of(&records, as_of, framework)?, records))
        })?;
        Ok(plan(&cov, &records))
    }
}

impl crate::Db<'_> {
    /// The user's aliases for a framework: (record skill name, framework skill id).
    pub fn aliases(&self, framework: &str) -> Result<Vec<(String, String)>> {
        let c = self.c;
        let mut stmt = c.prepare_cached(
            "SELECT alias, skill_id FROM framework_aliases WHERE framework_id = ?1 ORDER BY alias",
        )?;
        let rows = stmt.query_map([framework], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl crate::Db<'_> {
    pub fn framework(&self, id: &str) -> Result<Framework> {
        let c = self.c;
        load(c, id)
    }
}

impl crate::Db<'_> {
    pub fn active_framework_id(&self) -> Result<String> {
        Ok(self
            .setting(ACTIVE_KEY)?
            .unwrap_or_else(|| DEFAULT_ACTIVE.to_string()))
    }

    /// Coverage of records already read, so that callers showing both coverage and records
    /// read the records once.
    pub fn coverage_of(
        &self,
        records: &[Credential],
        as_of: NaiveDate,
        framework: Option<&str>,
    ) -> Result<Coverage> {
        let id = match framework {
            Some(f) => f.to_string(),
            None => self.active_framework_id()?,
        };
        let fw = self.framework(&id)?;
        let changes = self.field_changes()?;
        let aliases = self.aliases(&id)?;
        let jurisdictions = self.profile()?.jurisdictions;
        Ok(coverage(
            &fw,
            records,
            &changes,
            &aliases,
            &jurisdictions,
            as_of,
        ))
    }
}
