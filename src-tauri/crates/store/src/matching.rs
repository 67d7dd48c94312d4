//! What an import matches a file's records against: the identifying fields of every record,
//! read in one query so that matching a 10,000-row file is a hash lookup per row rather than
//! a query per row.

use crate::error::Result;
use crate::read::Db;

/// The fields a record is recognised by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchKey {
    pub id: i64,
    pub uuid: String,
    pub source_ref: Option<String>,
    pub credential_id: Option<String>,
    pub title: String,
    pub issuer: Option<String>,
    pub completed: Option<String>,
    /// A removed record still owns its UUID: importing it again is a match, not a new row.
    pub removed: bool,
}

impl Db<'_> {
    /// Every record's keys, removed ones too.
    pub fn match_keys(&self) -> Result<Vec<MatchKey>> {
        let mut stmt = self.prepare_cached(
            "SELECT id, coalesce(uuid, ''), source_ref, credential_id, title, issuer, completed, \
             deleted_at IS NOT NULL FROM credentials ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(MatchKey {
                id: r.get(0)?,
                uuid: r.get(1)?,
                source_ref: r.get(2)?,
                credential_id: r.get(3)?,
                title: r.get(4)?,
                issuer: r.get(5)?,
                completed: r.get(6)?,
                removed: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
