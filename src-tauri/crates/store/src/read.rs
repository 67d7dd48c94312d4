//! The store context: `Store::read` runs a closure over a `Db`, one deferred transaction, so
//! every query it makes sees the same state of the database. In WAL mode the snapshot is taken
//! at the first read and writers (the CLI while the app is open) are not blocked: a report, a
//! dashboard or a coverage view built in one `read` never mixes two states.

use crate::error::Result;
use crate::Store;
use rusqlite::{Connection, TransactionBehavior};

/// The database as one read (or write) sees it; every query is a method.
pub struct Db<'a> {
    pub(crate) c: &'a Connection,
}

/// Writes go through the same handle: a write transaction's `Db` answers every query too, so a
/// write that must check before it acts reads inside its own transaction.
impl std::ops::Deref for Db<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.c
    }
}

impl Store {
    /// Runs `f` over one consistent read of the database.
    pub fn read<T>(&self, f: impl FnOnce(&Db<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let out = f(&Db { c: &tx })?;
        // Ends the read snapshot; nothing was written.
        tx.commit()?;
        Ok(out)
    }
}
