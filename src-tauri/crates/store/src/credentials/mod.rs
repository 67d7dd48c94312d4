//! The credential aggregate: a record, its skills and its evidence links, always written
//! together in one transaction, with the full-text index kept in step.

mod list;
mod rows;
mod write;

pub use list::list;
pub use rows::load;
pub(crate) use write::set_completion;
use write::{bind_fields, link_evidence, write_skills_and_index};
pub use write::{insert, insert_batch, insert_from, BatchRow, Provenance};

use crate::error::{Error, Result};
use crate::evidence::StagedEvidence;
use crate::Store;
use dossier_core::{Credential, CredentialInput, ListQuery, PartialDate};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::PathBuf;

pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn date_text(d: &Option<PartialDate>) -> Option<String> {
    d.as_ref().map(ToString::to_string)
}

fn corrupt(id: i64, field: &'static str, message: String) -> Error {
    Error::Corrupt { id, field, message }
}

/// The state of a row: live, soft-deleted, or absent.
fn deleted_at(conn: &Connection, id: i64) -> Result<Option<Option<String>>> {
    Ok(conn
        .prepare_cached("SELECT deleted_at FROM credentials WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

pub(crate) fn require_live(conn: &Connection, id: i64) -> Result<()> {
    match deleted_at(conn, id)? {
        None => Err(Error::NotFound(id)),
        Some(Some(_)) => Err(Error::Removed(id)),
        Some(None) => Ok(()),
    }
}

impl Store {
    /// Adds a record, copying `files` in as its evidence. All or nothing.
    pub fn add(
        &self,
        input: &CredentialInput,
        files: &[PathBuf],
        source: &str,
    ) -> Result<Credential> {
        self.with_evidence(files, |tx, staged| {
            let id = insert(tx, input, staged, source)?;
            load(tx, id)
        })
    }

    /// Copies `files` in, then runs `write` in one transaction that links them (and gives
    /// each copy its blob name). A failed write removes its copies.
    fn with_evidence<T>(
        &self,
        files: &[PathBuf],
        write: impl Fn(&crate::Db<'_>, &[StagedEvidence]) -> Result<T>,
    ) -> Result<T> {
        let staged = self.stage_evidence(files)?;
        let out = self.with_tx(|tx| write(tx, &staged));
        if out.is_err() {
            self.discard_staged(&staged);
        }
        out
    }

    /// Adds many records in one transaction (imports, the demo, benchmarks).
    pub fn add_many(&self, inputs: &[CredentialInput], source: &str) -> Result<Vec<i64>> {
        self.with_tx(|tx| {
            let rows = inputs.iter().map(|input| write::BatchRow {
                input,
                staged: &[],
                from: Provenance::of(source),
            });
            insert_batch(tx, rows, |_| {})
        })
    }

    /// Replaces a live record's fields and skills, and adds `files` to its evidence.
    pub fn update(
        &self,
        id: i64,
        input: &CredentialInput,
        files: &[PathBuf],
    ) -> Result<Credential> {
        self.with_evidence(files, |tx, staged| {
            require_live(tx, id)?;
            let at = now();
            let mut stmt = tx.prepare_cached(
                "UPDATE credentials SET kind = ?1, status = ?2, title = ?3, issuer = ?4, \
                 started = ?5, completed = ?6, expires = ?7, hours = ?8, credit_type = ?9, \
                 credential_id = ?10, url = ?11, notes = ?12, verified = ?13, updated_at = ?14 \
                 WHERE id = ?15",
            )?;
            bind_fields(&mut stmt, input)?;
            stmt.raw_bind_parameter(14, &at)?;
            stmt.raw_bind_parameter(15, id)?;
            stmt.raw_execute()?;
            drop(stmt);
            write_skills_and_index(tx, id, input)?;
            link_evidence(tx, id, staged, &at)?;
            load(tx, id)
        })
    }

    /// A live record.
    pub fn get(&self, id: i64) -> Result<Credential> {
        self.read(|db| db.get(id))
    }

    pub fn list(&self, q: &ListQuery) -> Result<Vec<Credential>> {
        self.read(|db| db.list(q))
    }

    /// Removes a record softly: it disappears from every view but `restore` brings it back
    /// with its skills and evidence.
    pub fn remove(&self, id: i64) -> Result<Credential> {
        self.with_tx(|tx| {
            require_live(tx, id)?;
            tx.execute(
                "UPDATE credentials SET deleted_at = ?2 WHERE id = ?1",
                params![id, now()],
            )?;
            load(tx, id)
        })
    }

    /// Removes many records softly in one transaction (undoing an import): all or none.
    pub fn remove_many(&self, ids: &[i64]) -> Result<usize> {
        self.with_tx(|tx| {
            let at = now();
            for &id in ids {
                require_live(tx, id)?;
                tx.prepare_cached("UPDATE credentials SET deleted_at = ?2 WHERE id = ?1")?
                    .execute(params![id, at])?;
            }
            Ok(ids.len())
        })
    }

    /// Undoes `remove`.
    pub fn restore(&self, id: i64) -> Result<Credential> {
        self.with_tx(|tx| {
            match deleted_at(tx, id)? {
                None => return Err(Error::NotFound(id)),
                Some(None) => {}
                Some(Some(_)) => {
                    tx.execute(
                        "UPDATE credentials SET deleted_at = NULL WHERE id = ?1",
                        [id],
                    )?;
                }
            }
            load(tx, id)
        })
    }

    /// Unlinks one evidence file from a record. The stored copy stays, since other records
    /// (or an undo) may still need it.
    pub fn remove_evidence(&self, id: i64, sha256: &str) -> Result<Credential> {
        self.with_tx(|tx| {
            require_live(tx, id)?;
            let n = tx.execute(
                "DELETE FROM evidence WHERE credential_id = ?1 AND sha256 = ?2",
                params![id, sha256],
            )?;
            if n == 0 {
                return Err(Error::EvidenceNotFound {
                    id,
                    sha256: sha256.to_string(),
                });
            }
            tx.execute(
                "UPDATE credentials SET updated_at = ?2 WHERE id = ?1",
                params![id, now()],
            )?;
            load(tx, id)
        })
    }

    /// Live records.
    pub fn count(&self) -> Result<i64> {
        self.read(|db| db.count())
    }

    /// Names of skills carried by live records, for filters.
    pub fn skill_names(&self) -> Result<Vec<String>> {
        self.read(|db| db.skill_names())
    }
}

impl crate::Db<'_> {
    /// A live record.
    pub fn get(&self, id: i64) -> Result<Credential> {
        let c = self.c;
        require_live(c, id)?;
        load(c, id)
    }
}

impl crate::Db<'_> {
    pub fn list(&self, q: &ListQuery) -> Result<Vec<Credential>> {
        let c = self.c;
        list(c, q)
    }
}

impl crate::Db<'_> {
    /// Live records.
    pub fn count(&self) -> Result<i64> {
        let c = self.c;
        Ok(c.query_row(
            "SELECT count(*) FROM credentials WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?)
    }
}

impl crate::Db<'_> {
    /// Names of skills carried by live records, for filters.
    pub fn skill_names(&self) -> Result<Vec<String>> {
        let c = self.c;
        let mut stmt = c.prepare_cached(
            "SELECT DISTINCT s.name FROM skills s JOIN credential_skills cs ON cs.skill_id = s.id \
             JOIN credentials c ON c.id = cs.credential_id WHERE c.deleted_at IS NULL \
             ORDER BY s.name COLLATE NOCASE",
        )?;
        let names = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }
}

#[cfg(test)]
mod tests {
    use super::list::into_places;
    use super::*;
    use dossier_core::{CredentialKind, SortKey};

    fn store_with(n: usize) -> Store {
        let store = Store::open_in_memory().expect("store");
        store
            .add_many(&dossier_core::synth::records(n, 3), "test")
            .expect("add");
        store
    }

    fn ids(records: &[Credential]) -> Vec<i64> {
        records.iter().map(|c| c.id).collect()
    }

    #[test]
    fn records_go_to_their_places_past_missing_rows() {
        let store = store_with(4);
        let all = store.list(&ListQuery::default()).expect("list");
        let by_id = |id| all.iter().find(|c| c.id == id).cloned().expect("present");
        // Read in id order 1, 2, 4 for a result 4, (3 missing), 1, 2.
        let out = into_places(vec![by_id(1), by_id(2), by_id(4)], vec![2, 3, 0], 4);
        assert_eq!(ids(&out), [4, 1, 2]);
    }

    #[test]
    fn listed_records_equal_loaded_ones() {
        let store = store_with(60);
        store
            .with_conn(|c| {
                c.execute_batch(
                    "UPDATE credential_skills SET position = 3 - position \
                     WHERE credential_id % 2 = 0",
                )?;
                Ok(())
            })
            .expect("reorder skills");
        store.remove(7).expect("remove");
        for q in [
            ListQuery::default(),
            ListQuery {
                kind: Some(CredentialKind::CeActivity),
                sort: SortKey::Title,
                ..Default::default()
            },
        ] {
            let listed = store.list(&q).expect("list");
            assert!(!listed.is_empty());
            assert!(!ids(&listed).contains(&7), "removed records are not listed");
            for c in listed {
                assert_eq!(c, store.get(c.id).expect("get"), "record {}", c.id);
            }
        }
    }

    #[test]
    fn the_first_unreadable_record_in_the_asked_order_is_reported() {
        let store = store_with(20);
        store
            .with_conn(|c| {
                c.execute_batch("UPDATE credentials SET kind = 'bogus' WHERE id IN (5, 12)")?;
                Ok(())
            })
            .expect("corrupt");
        let newest_first = ListQuery {
            sort: SortKey::Added,
            ..Default::default()
        };
        match store.list(&newest_first) {
            Err(Error::Corrupt { id, field, .. }) => assert_eq!((id, field), (12, "kind")),
            other => panic!("expected a corrupt record, got {other:?}"),
        }
        // The read snapshot was released: writing still works.
        store
            .add_many(&dossier_core::synth::records(1, 9), "test")
            .expect("write after a failed list");
    }

    #[test]
    fn a_list_inside_a_transaction_leaves_it_usable() {
        let store = store_with(3);
        let extra = dossier_core::synth::records(1, 9);
        let seen = store
            .with_tx(|tx| {
                let before = list(tx, &ListQuery::default())?.len();
                insert(tx, &extra[0], &[], "test")?;
                Ok::<_, Error>((before, list(tx, &ListQuery::default())?.len()))
            })
            .expect("transaction");
        assert_eq!(seen, (3, 4));
        assert_eq!(store.count().expect("count"), 4, "committed");
    }
}
