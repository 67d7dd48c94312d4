//! Opening a store: reopening keeps data, a newer or foreign file is refused untouched,
//! migrations run in order with a copy first, the demo loads once, backups are readable.

use super::credentials::{input, mem, temp_db, today};
use dossier_core::{CredentialKind, ListQuery};
use dossier_store::{Error, Store};
use std::path::Path;

#[test]
fn data_survives_reopening() {
    let (_dir, path) = temp_db();
    let id = Store::open(&path)
        .expect("open")
        .add(&input("MD", CredentialKind::Degree, &[]), &[], "manual")
        .expect("add")
        .id;
    let again = Store::open(&path).expect("reopen");
    assert_eq!(
        again.get(id).expect("get").title,
        "MD",
        "the record persisted"
    );
}

fn set_user_version(path: &Path, v: i64) {
    let c = rusqlite::Connection::open(path).expect("raw open");
    c.pragma_update(None, "user_version", v)
        .expect("set version");
}

#[test]
fn a_newer_database_is_refused_untouched() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).expect("create"));
    set_user_version(&path, 99);
    // Fold the WAL into the main file so the bytes compared are the whole database.
    rusqlite::Connection::open(&path)
        .expect("raw")
        .pragma_update(None, "journal_mode", "DELETE")
        .expect("delete mode");
    let before = std::fs::read(&path).expect("read db");
    let err = Store::open(&path)
        .err()
        .expect("newer schema must be refused");
    assert!(
        matches!(err, Error::NewerSchema { found: 99, .. }),
        "refused as newer: {err}"
    );
    assert!(
        err.to_string().contains("newer version of Dossier"),
        "message says why: {err}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read db"),
        before,
        "file byte-for-byte unchanged"
    );
}

#[test]
fn a_foreign_sqlite_file_is_refused() {
    let (_dir, path) = temp_db();
    let c = rusqlite::Connection::open(&path).expect("raw");
    c.execute_batch("CREATE TABLE other (x); INSERT INTO other VALUES (1);")
        .expect("foreign table");
    drop(c);
    let err = Store::open(&path).err().expect("foreign db refused");
    assert!(
        matches!(err, Error::NotDossier { .. }),
        "refused as foreign: {err}"
    );
}

#[test]
fn a_non_database_file_is_refused() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, "these are my notes, not a database").expect("write");
    let err = Store::open(&path).err().expect("text file refused");
    assert!(
        err.to_string().contains("dossier.db"),
        "error names the file: {err}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "these are my notes, not a database",
        "left as it was"
    );
}

#[test]
fn an_empty_existing_file_is_initialised() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"").expect("touch");
    let store = Store::open(&path).expect("empty file opens");
    assert_eq!(
        store.schema_version().expect("v"),
        dossier_store::latest_version(),
        "migrated"
    );
}

#[test]
fn the_demo_loads_once_into_an_empty_store() {
    let store = mem();
    let n = store.load_demo(today()).expect("demo loads");
    assert!(n >= 15, "a full demo portfolio ({n} records)");
    assert_eq!(
        store.count().expect("count") as usize,
        n,
        "all demo records stored"
    );
    let kinds: std::collections::HashSet<_> = store
        .list(&ListQuery::default())
        .expect("list")
        .into_iter()
        .map(|c| c.kind)
        .collect();
    assert_eq!(
        kinds.len(),
        CredentialKind::ALL.len(),
        "every kind is in the demo"
    );
    assert!(
        matches!(store.load_demo(today()), Err(Error::NotEmpty(_))),
        "not into a non-empty store"
    );
    assert_eq!(
        store.count().expect("count") as usize,
        n,
        "nothing added the second time"
    );
}

#[test]
fn backup_writes_a_readable_copy() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).expect("open");
    store
        .add(&input("MD", CredentialKind::Degree, &[]), &[], "manual")
        .expect("add");
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).expect("backup");
    assert_eq!(
        Store::open(&copy)
            .expect("open copy")
            .count()
            .expect("count"),
        1,
        "copy holds the record"
    );
    assert!(
        store.backup_to(&copy).is_err(),
        "an existing target is not overwritten"
    );
}

const V1: &str = "CREATE TABLE t (x INTEGER NOT NULL);";
const V2: &str = "ALTER TABLE t ADD COLUMN y INTEGER NOT NULL DEFAULT 7;";

#[test]
fn migrations_upgrade_in_order_and_back_up_first() {
    let (dir, path) = temp_db();
    let mut conn = rusqlite::Connection::open(&path).expect("raw");
    dossier_store::migrate_with(&mut conn, &[("0001", V1)], Some(&path)).expect("v1");
    conn.execute("INSERT INTO t (x) VALUES (1)", [])
        .expect("data at v1");
    dossier_store::migrate_with(&mut conn, &[("0001", V1), ("0002", V2)], Some(&path)).expect("v2");
    let (x, y): (i64, i64) = conn
        .query_row("SELECT x, y FROM t", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("row");
    assert_eq!((x, y), (1, 7), "data kept, new column filled");
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("v");
    assert_eq!(v, 2, "version tracked");
    let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .expect("a backups folder beside the database")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert_eq!(backups.len(), 1, "one copy before the upgrade: {backups:?}");
    let name = backups[0].file_name().unwrap_or_default().to_string_lossy();
    assert!(
        name.ends_with("-before-v2.db"),
        "named for the upgrade: {name}"
    );
    let old = rusqlite::Connection::open(&backups[0]).expect("backup opens");
    let bv: i64 = old
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("v");
    assert_eq!(bv, 1, "the copy taken before upgrading is at v1");
}

#[test]
fn a_failing_migration_leaves_the_previous_version() {
    let (_dir, path) = temp_db();
    let mut conn = rusqlite::Connection::open(&path).expect("raw");
    dossier_store::migrate_with(&mut conn, &[("0001", V1)], None).expect("v1");
    let broken = [
        ("0001", V1),
        (
            "0002",
            "ALTER TABLE t ADD COLUMN z INTEGER; SELECT nonsense(;",
        ),
    ];
    assert!(
        matches!(
            dossier_store::migrate_with(&mut conn, &broken, None),
            Err(Error::Sqlite(_))
        ),
        "bad SQL fails as SQL"
    );
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("v");
    assert_eq!(v, 1, "still at v1");
    let cols: i64 = conn
        .query_row("SELECT count(*) FROM pragma_table_info('t')", [], |r| {
            r.get(0)
        })
        .expect("cols");
    assert_eq!(cols, 1, "the half-applied ALTER was rolled back");
}
