//! Embedded, ordered schema migrations tracked by `PRAGMA user_version`.
//!
//! Each migration runs in one transaction together with the version bump, so a failure leaves
//! the previous version intact. Before an existing database is migrated, a verified copy is
//! written to `backups/` beside it, and no migration runs without one: an upgrade must never be
//! the way data is lost.

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// `PRAGMA application_id`: "DOSS". Lets Dossier refuse a SQLite file that belongs to
/// something else instead of adding its tables to it.
pub const APPLICATION_ID: i64 = 0x444F_5353;

/// A named SQL script; the schema version after applying `list[i]` is `i + 1`.
pub type Migration = (&'static str, &'static str);

/// The migrations in order.
const MIGRATIONS: &[Migration] = &[
    ("0001_init", include_str!("../migrations/0001_init.sql")),
    (
        "0002_staleness",
        include_str!("../migrations/0002_staleness.sql"),
    ),
    (
        "0003_list_indexes",
        include_str!("../migrations/0003_list_indexes.sql"),
    ),
    (
        "0004_frameworks",
        include_str!("../migrations/0004_frameworks.sql"),
    ),
    (
        "0005_field_change_dates",
        include_str!("../migrations/0005_field_change_dates.sql"),
    ),
    (
        "0006_shipped_defaults",
        include_str!("../migrations/0006_shipped_defaults.sql"),
    ),
    ("0007_uuids", include_str!("../migrations/0007_uuids.sql")),
    (
        "0008_provenance",
        include_str!("../migrations/0008_provenance.sql"),
    ),
];

/// Data steps that follow a migration's SQL in its transaction: changes to shipped data that
/// existing stores must receive, and that SQL alone cannot derive from the shipped files.
fn data_step(name: &str, tx: &rusqlite::Transaction) -> Result<()> {
    match name {
        "0005_field_change_dates" => {
            crate::field_changes::reship(tx)?;
            crate::areas::add_new_defaults(tx)
        }
        // A store seeded on open by an earlier release has its flags set: nothing happens.
        "0006_shipped_defaults" => {
            crate::areas::seed(tx)?;
            crate::field_changes::seed(tx)?;
            crate::frameworks::seed(tx)
        }
        "0007_uuids" => crate::identity::install(tx),
        _ => Ok(()),
    }
}

/// Every migration this build ships, for tests that stop an upgrade part way.
#[doc(hidden)]
pub fn migrations() -> &'static [Migration] {
    MIGRATIONS
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Checks an existing file before anything opens it for writing. Setting WAL mode alone would
/// rewrite header bytes, so a database from a newer Dossier (or another program) is inspected
/// read-only and refused untouched.
pub fn check_existing(path: &Path) -> Result<()> {
    let open_err = |source| Error::Open {
        path: path.to_path_buf(),
        source,
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(open_err)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(open_err)?;
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(open_err)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(open_err)?;
    if app_id != APPLICATION_ID && (app_id != 0 || tables > 0) {
        return Err(Error::NotDossier {
            path: path.to_path_buf(),
            found: app_id,
        });
    }
    if version > latest_version() {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            known: latest_version(),
        });
    }
    Ok(())
}

/// Brings the schema up to date. `backup_dir` receives a copy of a database that already holds
/// data before its first pending migration runs.
pub fn migrate(conn: &mut Connection, backup_to: Option<&Path>) -> Result<()> {
    migrate_with(conn, MIGRATIONS, backup_to)
}

/// `migrate` over any list, so that tests can exercise upgrades this build does not ship yet.
#[doc(hidden)]
pub fn migrate_with(
    conn: &mut Connection,
    migrations: &[Migration],
    backup_to: Option<&Path>,
) -> Result<()> {
    let latest = migrations.len() as i64;
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > latest {
        // Another process upgraded the file between the check and now.
        return Err(Error::NewerSchema {
            path: backup_to.map(Path::to_path_buf).unwrap_or_default(),
            found: current,
            known: latest,
        });
    }
    if current > 0 && current < latest {
        if let Some(path) = backup_to {
            // No upgrade without a verified copy of what was there: if the copy cannot be
            // written (disk full, a read-only folder) the database stays as it is.
            let dir = crate::backups::backups_dir_for(path);
            let name = crate::backups::name_in(&dir, &format!("before-v{latest}"));
            crate::backups::write_verified(conn, &name)?;
        }
    }
    for (i, (name, sql)) in migrations.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        data_step(name, &tx)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
