//! The app over a damaged database: the recovery commands, and the health and backup
//! commands over a sound one.

use crate::support::{a, mock_app, read, Ui};
use dossier_app::AppState;
use dossier_store::{BackupInfo, Store};
use serde_json::Value;
use std::path::Path;

/// Health, backups and the refusal to "recover" a sound database (inside the test that calls
/// every command).
pub fn healthy(ui: &mut Ui) {
    let h = ui.ok("health", vec![]);
    assert_eq!(h["integrity"], "ok", "a sound store: {h}");
    let now: BackupInfo = read(ui.ok("backup_now", vec![]));
    assert!(now.records > 0, "the backup holds the records: {now:?}");
    let rows = ui.ok("backups", vec![]);
    let listed = rows.as_array().is_some_and(|r| {
        r.iter()
            .any(|b| b["backup"]["path"] == now.path.display().to_string())
    });
    assert!(listed, "the new backup is listed: {rows}");
    let path = now.path.display().to_string();
    let restored = ui.ok("restore_backup", vec![a(path.clone())]);
    assert_eq!(restored["from"]["records"], now.records, "{restored}");
    assert_eq!(ui.ok("recovery", vec![]), Value::Null, "nothing to recover");
    let seen = ui.ok("data_version", vec![]);
    assert_eq!(
        ui.ok("data_version", vec![]),
        seen,
        "no other writer: the same number"
    );
    for (cmd, args) in [
        ("recover_with_backup", vec![a(path)]),
        ("recover_salvage", vec![]),
    ] {
        let refused = ui.call(cmd, args).expect_err("not damaged");
        assert_eq!(refused["kind"], "conflict", "{cmd}: {refused}");
    }
}

/// A store with the demo and a verified backup, then damaged in its middle pages; the app's
/// state as it would start over it.
fn damaged(dir: &Path) -> (AppState, BackupInfo) {
    let db = dir.join("dossier.db");
    let store = Store::open(&db).expect("open");
    store.load_demo(dossier_service::today()).expect("demo");
    let backup = store.backup_named("manual").expect("a backup");
    store
        .with_conn(|c| Ok(c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?))
        .expect("checkpoint");
    drop(store);
    let mut bytes = std::fs::read(&db).expect("read");
    let page = 4096;
    let middle = bytes.len() / page / 2;
    bytes[middle * page..(middle + 2) * page].fill(0x5A);
    std::fs::write(&db, &bytes).expect("damage");
    let opened = Store::open(&db).map_err(std::sync::Arc::new);
    assert!(
        matches!(
            opened.as_ref().err().map(|e| &**e),
            Some(dossier_store::Error::Damaged { .. })
        ),
        "the damage is noticed on open"
    );
    (AppState::new(opened, Some(db)), backup)
}

#[test]
fn a_damaged_database_is_recovered_from_its_newest_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (state, backup) = damaged(dir.path());
    let (_app, mut ui) = mock_app(state);
    let refused = ui.call(
        "list_credentials",
        vec![a(dossier_core::ListQuery::default())],
    );
    let refused = refused.expect_err("nothing reads a damaged store");
    assert_eq!(refused["kind"], "database", "{refused}");
    let r = ui.ok("recovery", vec![]);
    assert_eq!(
        r["backup"]["path"],
        backup.path.display().to_string(),
        "the recovery offers the newest good backup: {r}"
    );
    let n = ui.ok(
        "recover_with_backup",
        vec![a(backup.path.display().to_string())],
    );
    assert_eq!(n, backup.records, "the backup's records are back");
    let list = ui.ok(
        "list_credentials",
        vec![a(dossier_core::ListQuery::default())],
    );
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(backup.records as usize),
        "{list}"
    );
    let aside = std::fs::read_dir(dir.path())
        .expect("read")
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().contains(".damaged-"));
    assert!(aside, "the damaged file is kept aside");
    assert_eq!(ui.ok("recovery", vec![]), Value::Null, "recovered");
}

#[test]
fn a_damaged_database_without_a_backup_is_salvaged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (state, backup) = damaged(dir.path());
    std::fs::remove_file(&backup.path).expect("no backup to offer");
    let (_app, mut ui) = mock_app(state);
    let s = ui.ok("recover_salvage", vec![]);
    let n = s["records"].as_i64().unwrap_or(-1);
    assert!(n > 0 && n <= backup.records, "some records were read: {s}");
    let list = ui.ok(
        "list_credentials",
        vec![a(dossier_core::ListQuery::default())],
    );
    assert_eq!(
        list.as_array().map(|l| l.len() as i64),
        Some(n),
        "and are the database now"
    );
}
