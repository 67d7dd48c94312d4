//! Opening a database file, in the three ways a caller may need: to write (created if needed,
//! migrated, checked), an existing one to write, and an existing one to read. SQLite's
//! `quick_check` runs on every open, so a damaged file is refused before anything writes to
//! it, with the newest backup that verifies named as the way back.

use crate::backups::{backups_dir_for, newest_verified};
use crate::db::{self, evidence_dir_for};
use crate::error::{Error, Result};
use crate::{migrate, Store};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// `quick_check` (about 35 ms at 10,000 records): "ok", or the first problem it found.
fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let damaged = |problem: String| Error::Damaged {
        path: path.to_path_buf(),
        problem,
        backup: newest_verified(&backups_dir_for(path)).map(Box::new),
    };
    match conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0)) {
        Ok(ok) if ok == "ok" => Ok(()),
        Ok(problem) => Err(damaged(problem)),
        // A page too damaged to read fails the check itself.
        Err(e) => Err(damaged(e.to_string())),
    }
}

fn opened(path: &Path) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |source| match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) | Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            Error::Damaged {
                path: path.to_path_buf(),
                problem: source.to_string(),
                backup: newest_verified(&backups_dir_for(path)).map(Box::new),
            }
        }
        _ => Error::Open {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// A directory where the file should be reads as "disk I/O error" in SQLite's words.
fn not_a_directory(path: &Path) -> Result<()> {
    if path.is_dir() {
        return Err(Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other("is a folder, not a database file"),
        });
    }
    Ok(())
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it. A database from a
    /// newer Dossier, or a SQLite file of another program, is refused and left untouched; a
    /// damaged one is refused before anything is written to it.
    pub fn open(path: &Path) -> Result<Store> {
        not_a_directory(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        if path.exists() {
            migrate::check_existing(path).map_err(|e| match e {
                Error::Open { source, .. } => opened(path)(source),
                other => other,
            })?;
        }
        let mut conn = Connection::open(path).map_err(opened(path))?;
        if path.metadata().map(|m| m.len() > 0).unwrap_or(false) {
            quick_check(&conn, path)?;
        }
        db::configure(&conn).map_err(|e| match e {
            Error::Sqlite(source) => opened(path)(source),
            other => other,
        })?;
        migrate::migrate(&mut conn, Some(path))?;
        let store = Store::from_parts(conn, Some(path.to_path_buf()), Some(evidence_dir_for(path)));
        // Leftovers never stop an open; what could not be removed is said and tried again.
        if let Err(e) = store.sweep() {
            eprintln!("dossier: could not clear crash leftovers: {e}");
        }
        Ok(store)
    }

    /// Opens a database that must exist already (`--db`, `DOSSIER_DB`): a mistyped path is an
    /// error, not a new empty store.
    pub fn open_existing(path: &Path) -> Result<Store> {
        not_a_directory(path)?;
        if !path.exists() {
            return Err(Error::NoDatabase {
                path: path.to_path_buf(),
            });
        }
        Store::open(path)
    }

    /// Opens an existing database to read it. Where it can be written it is opened as by
    /// `open` (so an upgrade happens); in a read-only folder or file it is read as it is,
    /// provided this build knows its schema.
    pub fn open_to_read(path: &Path) -> Result<Store> {
        match Store::open_existing(path) {
            Err(Error::Open { source, .. }) | Err(Error::Sqlite(source))
                if is_read_only(&source) =>
            {
                Store::open_read_only(path)
            }
            Err(Error::Io { source, .. })
                if source.kind() == std::io::ErrorKind::PermissionDenied =>
            {
                Store::open_read_only(path)
            }
            other => other,
        }
    }

    /// Opens an existing database only to read it: nothing (not even SQLite's WAL index) is
    /// written, so it works in a folder this process cannot write to. A write through it fails.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        not_a_directory(path)?;
        if !path.exists() {
            return Err(Error::NoDatabase {
                path: path.to_path_buf(),
            });
        }
        migrate::check_existing(path)?;
        // Nobody can write here (this process cannot even create the WAL's index file), so the
        // file is read without locks.
        let uri = format!("file:{}?immutable=1", path.display());
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(&uri, flags).map_err(opened(path))?;
        quick_check(&conn, path)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != migrate::latest_version() {
            return Err(Error::Io {
                path: path.to_path_buf(),
                source: std::io::Error::other(format!(
                    "schema {version} needs an upgrade to {}, which a read-only folder does \
                     not allow",
                    migrate::latest_version()
                )),
            });
        }
        Ok(Store::from_parts(
            conn,
            Some(path.to_path_buf()),
            Some(evidence_dir_for(path)),
        ))
    }
}

fn is_read_only(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::ReadOnly) | Some(rusqlite::ErrorCode::CannotOpen)
    )
}
