//! Never lose a record: evidence shared by two saves, backups that are whole or absent, and
//! stores that are damaged, missing or read-only.

use super::credentials::{input, temp_db};
use dossier_core::CredentialKind;
use dossier_store::Store;

#[test]
fn a_failed_save_keeps_evidence_another_save_has_linked() {
    let (dir, db) = temp_db();
    let first = Store::open(&db).expect("open");
    let second = Store::open(&db).expect("a second handle, as the CLI beside the app");
    let scan = dir.path().join("scan.pdf");
    std::fs::write(&scan, b"%PDF-1.7 the same certificate").expect("write");

    // The first save copies the file in and has not committed when the second one links it.
    let staged = first
        .stage_evidence(std::slice::from_ref(&scan))
        .expect("stage");
    assert!(
        staged[0].temp.is_file(),
        "the first save copied the file in"
    );
    let record = input("Saved second", CredentialKind::Certification, &[]);
    let saved = second
        .add(&record, &[scan], "manual")
        .expect("the second save");
    // The first save fails (a lock timeout, a bad row) and cleans up what it copied.
    first.discard_staged(&staged);

    let sha = &saved.evidence[0].sha256;
    let kept = second
        .evidence_file(sha)
        .expect("the committed record's evidence is still there");
    assert_eq!(
        std::fs::read(kept).expect("read"),
        b"%PDF-1.7 the same certificate",
        "byte for byte"
    );
}

#[test]
fn a_failed_save_removes_the_evidence_only_it_copied() {
    let (dir, db) = temp_db();
    let store = Store::open(&db).expect("open");
    let scan = dir.path().join("only-mine.png");
    std::fs::write(&scan, b"not linked by anyone").expect("write");
    let staged = store.stage_evidence(&[scan]).expect("stage");
    assert!(staged[0].temp.is_file(), "copied in");
    assert!(
        !staged[0].path.exists(),
        "a copy takes its blob name only when linked"
    );
    store.discard_staged(&staged);
    assert!(!staged[0].temp.exists(), "a failed save removes its copy");
}

#[test]
fn an_open_sweeps_what_crashed_saves_left_and_nothing_else() {
    let (dir, db) = temp_db();
    let store = Store::open(&db).expect("open");
    let scan = dir.path().join("kept.pdf");
    std::fs::write(&scan, b"linked").expect("write");
    let kept = store
        .add(
            &input("Kept", CredentialKind::Degree, &[]),
            &[scan],
            "manual",
        )
        .expect("add");
    let evidence = dir.path().join("evidence");
    // What a killed save leaves: a copy of a process that no longer runs (pid 0 never does
    // in /proc), and a blob whose transaction rolled back.
    let dead = evidence.join(".stage-0-abc.tmp");
    std::fs::write(&dead, b"half").expect("write");
    let orphan_sha = "ab".repeat(32);
    let orphan = evidence.join("ab").join(&orphan_sha);
    std::fs::create_dir_all(orphan.parent().expect("fan")).expect("dir");
    std::fs::write(&orphan, b"no row names me").expect("write");
    // A live process's copy in progress stays.
    let live = evidence.join(format!(".stage-{}-xyz.tmp", std::process::id()));
    std::fs::write(&live, b"in progress").expect("write");
    drop(store);

    let reopened = Store::open(&db).expect("reopen sweeps");
    assert!(!dead.exists(), "a dead process's copy is removed");
    assert!(!orphan.exists(), "a blob no row names is removed");
    assert!(live.exists(), "a running process's copy stays");
    let sha = &kept.evidence[0].sha256;
    assert!(reopened.evidence_file(sha).is_ok(), "linked evidence stays");
    assert_eq!(
        reopened.sweep().expect("sweep"),
        dossier_store::Swept::default(),
        "clean"
    );
}

const V1: &str = "CREATE TABLE t (x INTEGER NOT NULL);";
const V2: &str = "ALTER TABLE t ADD COLUMN y INTEGER NOT NULL DEFAULT 7;";

#[test]
fn no_upgrade_runs_without_a_verified_copy_first() {
    let (dir, path) = temp_db();
    let mut conn = rusqlite::Connection::open(&path).expect("raw");
    dossier_store::migrate_with(&mut conn, &[("0001", V1)], Some(&path)).expect("v1");
    conn.execute("INSERT INTO t (x) VALUES (1)", [])
        .expect("data at v1");
    // The copy cannot be written: where the backups folder goes, there is a file.
    std::fs::write(dir.path().join("backups"), b"").expect("block the folder");
    let two = [("0001", V1), ("0002", V2)];
    match dossier_store::migrate_with(&mut conn, &two, Some(&path)) {
        Err(dossier_store::Error::Io { path, .. }) => {
            assert!(path.ends_with("backups"), "names the folder: {path:?}")
        }
        other => panic!("an upgrade without its copy must not run, got {other:?}"),
    }
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("v");
    assert_eq!(v, 1, "the database stays at the version it was");
}

#[test]
fn a_damaged_or_empty_backup_is_reported_and_never_offered() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).expect("open");
    store
        .add(&input("MD", CredentialKind::Degree, &[]), &[], "manual")
        .expect("add");
    let good = store
        .daily_backup(super::credentials::today())
        .expect("the day's backup")
        .expect("none was taken today");
    assert_eq!(good.records, 1, "the backup holds the record");
    assert_eq!(
        store
            .daily_backup(super::credentials::today())
            .expect("again"),
        None,
        "once a day"
    );
    // What a kill during a copy used to leave: an empty file under a backup's name.
    let empty = dir.path().join("backups/dossier-29990101-000000-daily.db");
    std::fs::write(&empty, b"").expect("write");
    let listed = store.backups();
    assert_eq!(listed.len(), 2, "both files are listed");
    match &listed[0] {
        Err(dossier_store::Error::BadBackup { path, .. }) => assert_eq!(path, &empty),
        other => panic!("the empty file is refused, got {other:?}"),
    }
    let offered = dossier_store::newest_verified(&dir.path().join("backups"));
    assert_eq!(
        offered,
        Some(good),
        "the newest backup that verifies is offered"
    );
}

#[test]
fn the_daily_backups_keep_the_last_seven() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).expect("open");
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).expect("dir");
    for day in 1..=9 {
        let old = backups.join(format!("dossier-202601{day:02}-120000-daily.db"));
        store.backup_to(&old).expect("an older daily backup");
    }
    let kept_before = backups.join("dossier-20250101-000000-before-v6.db");
    store.backup_to(&kept_before).expect("a pre-upgrade copy");
    store
        .daily_backup(super::credentials::today())
        .expect("today's")
        .expect("taken");
    let mut names: Vec<String> = std::fs::read_dir(&backups)
        .expect("read")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    let daily = names.iter().filter(|n| n.contains("-daily")).count();
    assert_eq!(
        daily,
        dossier_store::KEEP_DAILY,
        "seven daily copies: {names:?}"
    );
    assert!(
        !names.contains(&"dossier-20260101-120000-daily.db".to_string()),
        "the oldest went: {names:?}"
    );
    assert!(
        names.contains(&"dossier-20250101-000000-before-v6.db".to_string()),
        "a copy from before an upgrade is kept: {names:?}"
    );
}

#[test]
fn a_restore_checks_the_backup_and_keeps_the_current_database_aside() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).expect("open");
    store
        .add(
            &input("In the backup", CredentialKind::Degree, &[]),
            &[],
            "manual",
        )
        .expect("add");
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).expect("backup");
    store
        .add(
            &input("Added after", CredentialKind::Degree, &[]),
            &[],
            "manual",
        )
        .expect("add");

    let damaged = dir.path().join("damaged.db");
    let mut bytes = std::fs::read(&copy).expect("read");
    let half = bytes.len() / 2;
    bytes[half..].iter_mut().for_each(|b| *b = 0xA5);
    std::fs::write(&damaged, &bytes).expect("write");
    match store.restore_from(&damaged) {
        Err(dossier_store::Error::BadBackup { path, .. }) => assert_eq!(path, damaged),
        other => panic!("a damaged backup is refused, got {other:?}"),
    }
    assert_eq!(store.count().expect("count"), 2, "nothing changed");

    let other = Store::open(&path).expect("the app beside the CLI");
    let restored = store.restore_from(&copy).expect("restore");
    assert_eq!(restored.from.records, 1, "the backup's contents");
    assert_eq!(
        restored.aside.records, 2,
        "the database as it was, kept aside"
    );
    assert!(restored.aside.path.is_file(), "aside in backups/");
    assert_eq!(store.count().expect("count"), 1, "restored");
    assert_eq!(
        other.count().expect("count"),
        1,
        "another connection to the file sees the restored contents"
    );
}

/// Raw SQLite's verdict on a file, opened read-only so the check changes nothing.
fn sqlite_says_damaged(path: &std::path::Path) -> bool {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    let Ok(c) = rusqlite::Connection::open_with_flags(path, flags) else {
        return true;
    };
    !matches!(
        c.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0)),
        Ok(ok) if ok == "ok"
    )
}

#[test]
fn every_damaged_page_is_refused_before_anything_is_written() {
    let (dir, path) = temp_db();
    {
        let store = Store::open(&path).expect("open");
        store.load_demo(super::credentials::today()).expect("demo");
        store
            .backup_to(&dir.path().join("backups/dossier-20261130-120000-daily.db"))
            .expect("a backup to offer");
        // Fold the WAL into the file, so the damage below lands on real pages.
        store
            .with_conn(|c| Ok(c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?))
            .expect("checkpoint");
    }
    let pristine = std::fs::read(&path).expect("read");
    let page = 4096;
    let mut flagged = 0;
    for n in 1..pristine.len() / page {
        let mut bytes = pristine.clone();
        bytes[n * page..(n + 1) * page].fill(0x5A);
        std::fs::write(&path, &bytes).expect("damage one page");
        let _ = std::fs::remove_file(dir.path().join("dossier.db-wal"));
        let _ = std::fs::remove_file(dir.path().join("dossier.db-shm"));
        if !sqlite_says_damaged(&path) {
            continue;
        }
        flagged += 1;
        match Store::open(&path) {
            Err(dossier_store::Error::Damaged {
                path: p, backup, ..
            }) => {
                assert_eq!(p, path, "page {n}: names the file");
                assert!(backup.is_some(), "page {n}: names the newest good backup");
            }
            Err(other) => panic!("page {n}: refused, but not as damage: {other}"),
            Ok(_) => panic!("page {n}: a damaged store was opened for writing"),
        }
        assert!(
            std::fs::read(&path).expect("read") == bytes,
            "page {n}: the damaged file is left exactly as it was"
        );
    }
    assert!(
        flagged > 5,
        "the sweep damaged pages SQLite notices ({flagged})"
    );
}

#[test]
fn a_missing_or_read_only_store_is_read_or_refused_plainly() {
    let (dir, path) = temp_db();
    let missing = dir.path().join("typo.db");
    match Store::open_to_read(&missing) {
        Err(dossier_store::Error::NoDatabase { path }) => assert_eq!(path, missing),
        other => panic!("a mistyped path is an error, got {:?}", other.map(|_| ())),
    }
    assert!(!missing.exists(), "and nothing was created there");
    match Store::open_to_read(dir.path()) {
        Err(dossier_store::Error::Io { source, .. }) => {
            assert!(
                source.to_string().contains("folder"),
                "says it is a folder: {source}"
            )
        }
        other => panic!("a folder is not a database, got {:?}", other.map(|_| ())),
    }
    let store = Store::open(&path).expect("open");
    store
        .add(
            &input("Readable", CredentialKind::Degree, &[]),
            &[],
            "manual",
        )
        .expect("add");
    store
        .with_conn(|c| Ok(c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?))
        .expect("checkpoint");
    drop(store);
    assert_eq!(
        Store::open_to_read(&path)
            .expect("reads")
            .count()
            .expect("count"),
        1,
        "a writable store is read as usual"
    );
    // What a read-only folder falls back to (root ignores mode bits, so it is called here).
    let before = std::fs::read(&path).expect("read");
    let read = Store::open_read_only(&path).expect("reads without writing");
    assert_eq!(read.count().expect("count"), 1, "the record reads");
    let refused = read.add(&input("No", CredentialKind::Degree, &[]), &[], "manual");
    assert!(
        matches!(refused, Err(dossier_store::Error::Sqlite(_))),
        "a write through a read-only store fails: {:?}",
        refused.map(|c| c.id)
    );
    assert!(
        std::fs::read(&path).expect("read") == before,
        "the file is untouched"
    );
}

#[test]
fn a_second_database_in_the_folder_keeps_the_sweep_off_shared_evidence() {
    let (dir, db) = temp_db();
    let store = Store::open(&db).expect("open");
    let scan = dir.path().join("shared.pdf");
    std::fs::write(&scan, b"only the main database names me").expect("write");
    let kept = store
        .add(
            &input("Main", CredentialKind::Degree, &[]),
            &[scan],
            "manual",
        )
        .expect("add");
    // A copy opened as a store beside it uses the same evidence/ folder and names nothing.
    let other = dir.path().join("other.db");
    Store::open(&other).expect("another store in the same folder");
    let sha = &kept.evidence[0].sha256;
    assert!(
        store.evidence_file(sha).is_ok(),
        "the main database's evidence stays"
    );
}

#[test]
fn the_data_version_moves_when_another_process_writes() {
    let (_dir, db) = temp_db();
    let app = Store::open(&db).expect("the app's store");
    let cli = Store::open(&db).expect("the CLI's");
    let before = app.data_version().expect("version");
    assert_eq!(
        app.data_version().expect("again"),
        before,
        "nothing changed"
    );
    cli.add(
        &input("From the CLI", CredentialKind::Degree, &[]),
        &[],
        "manual",
    )
    .expect("add");
    assert_ne!(
        app.data_version().expect("after"),
        before,
        "the app can tell"
    );
}

#[test]
fn a_backup_says_when_and_why_it_was_taken() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).expect("open");
    let backups = dir.path().join("backups");
    for (name, taken, reason) in [
        (
            "dossier-20251120-093012-manual.db",
            Some("2025-11-20 09:30:12"),
            Some("manual"),
        ),
        (
            "dossier-20251120-093012-before-restore-2.db",
            Some("2025-11-20 09:30:12"),
            Some("before restore"),
        ),
        ("my-copy.db", None, None),
    ] {
        let b = store.backup_to(&backups.join(name)).expect("backup");
        assert_eq!(b.taken.as_deref(), taken, "{name}: when");
        assert_eq!(b.reason.as_deref(), reason, "{name}: why");
    }
    let listed = store.backups();
    assert!(
        listed
            .iter()
            .all(|b| b.as_ref().is_ok_and(|b| b.taken.is_some())),
        "the list reads them back the same way: {listed:?}"
    );
}
