//! Small user settings, as text by key.

use crate::error::Result;
use crate::Store;
use rusqlite::{Connection, OptionalExtension};

pub(crate) fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

pub(crate) fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([key, value])?;
    Ok(())
}

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        self.read(|db| db.setting(key))
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.with_tx(|tx| set(tx, key, value))
    }
}

impl crate::Db<'_> {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        let c = self.c;
        get(c, key)
    }
}
