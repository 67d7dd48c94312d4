//! Every record's stable identity (migration 0007): a UUID v7 per row of the tables below,
//! given by SQLite itself (a trigger on insert), so no insert can forget it and every way a
//! row is written gets one; a second trigger refuses to change it.

use crate::error::Result;
use rusqlite::Connection;

/// The tables whose rows are records that exports carry and imports match.
pub(crate) const TABLES: [&str; 5] = [
    "credentials",
    "field_changes",
    "requirements",
    "frameworks",
    "evidence",
];

/// A UUID v7: 48 bits of Unix milliseconds, version 7, 12 random bits, variant 10, 62 random
/// bits, in lower-case hex. Written out (not a subquery) so SQLite evaluates it per row.
const UUID_V7: &str = "substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) \
    || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) \
    || '-7' || lower(substr(hex(randomblob(2)), 2, 3)) \
    || '-' || substr('89ab', 1 + abs(random() % 4), 1) || lower(substr(hex(randomblob(2)), 2, 3)) \
    || '-' || lower(hex(randomblob(6)))";

/// Backfills existing rows, then adds the unique index and the two triggers, per table.
pub(crate) fn install(conn: &Connection) -> Result<()> {
    for t in TABLES {
        conn.execute_batch(&format!(
            "UPDATE {t} SET uuid = {UUID_V7} WHERE uuid IS NULL;
             CREATE UNIQUE INDEX {t}_uuid ON {t} (uuid);
             CREATE TRIGGER {t}_uuid_given AFTER INSERT ON {t} WHEN NEW.uuid IS NULL
             BEGIN
                 UPDATE {t} SET uuid = {UUID_V7} WHERE rowid = NEW.rowid;
             END;
             CREATE TRIGGER {t}_uuid_kept BEFORE UPDATE OF uuid ON {t}
             WHEN OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid
             BEGIN
                 SELECT RAISE(ABORT, 'a record''s uuid never changes');
             END;"
        ))?;
    }
    Ok(())
}
