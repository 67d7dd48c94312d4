//! CE requirement sets, one per licence or certification; the rules are the domain's
//! `Requirement`, validated before they are stored.

use crate::credentials::now;
use crate::error::{Error, Result};
use crate::Store;
use dossier_core::requirement_draft::RequirementDraft;
use dossier_core::requirements::Requirement;
use rusqlite::{params, OptionalExtension};

impl Store {
    /// Stores a requirement set; the name must be unique (ignoring case).
    pub fn add_requirement(&self, req: &Requirement) -> Result<Requirement> {
        let problems = req.problems();
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let spec = serde_json::to_string(req).map_err(|e| Error::Corrupt {
            id: 0,
            field: "requirement",
            message: e.to_string(),
        })?;
        let id = self.with_tx(|tx| {
            let taken: Option<i64> = tx
                .query_row(
                    "SELECT id FROM requirements WHERE name = ?1",
                    [req.name.trim()],
                    |r| r.get(0),
                )
                .optional()?;
            if taken.is_some() {
                return Err(Error::Invalid(vec![dossier_core::FieldError::new(
                    "name",
                    format!("a requirement named '{}' exists already", req.name.trim()),
                )]));
            }
            tx.execute(
                "INSERT INTO requirements (name, spec, created_at) VALUES (?1, ?2, ?3)",
                params![req.name.trim(), spec, now()],
            )?;
            Ok(tx.last_insert_rowid())
        })?;
        Ok(Requirement {
            id,
            name: req.name.trim().to_string(),
            ..req.clone()
        })
    }

    /// Stores a requirement set as typed (the app's form, `dossier requirement add`): read
    /// and checked by the draft, then stored as `add_requirement` stores it.
    pub fn add_requirement_draft(&self, draft: &RequirementDraft) -> Result<Requirement> {
        self.add_requirement(&draft.validate().map_err(Error::Invalid)?)
    }

    pub fn requirements(&self) -> Result<Vec<Requirement>> {
        self.read(|db| db.requirements())
    }

    pub fn remove_requirement(&self, id: i64) -> Result<Requirement> {
        // Found and deleted in one transaction: nothing can change it in between.
        self.with_tx(|tx| {
            let found = tx.requirements()?.into_iter().find(|r| r.id == id);
            let req = found.ok_or(Error::NotFound(id))?;
            tx.execute("DELETE FROM requirements WHERE id = ?1", [id])?;
            Ok(req)
        })
    }
}

impl crate::Db<'_> {
    pub fn requirements(&self) -> Result<Vec<Requirement>> {
        let c = self.c;
        let mut stmt =
            c.prepare_cached("SELECT id, spec FROM requirements ORDER BY name COLLATE NOCASE")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, spec) = row?;
            let req: Requirement = serde_json::from_str(&spec).map_err(|e| Error::Corrupt {
                id,
                field: "requirement",
                message: e.to_string(),
            })?;
            out.push(Requirement { id, ..req });
        }
        Ok(out)
    }
}
