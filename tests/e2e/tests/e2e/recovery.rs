//! Never losing a record: the app started over a damaged database shows the recovery screen
//! instead of failing page by page, and restoring the newest good backup brings the records
//! back; Settings then lists the backups, and a restore from there is undone by its toast.

use super::common::row_titles;
use super::*;

/// Overwrites two 4096-byte pages in the middle of the file, as a failing disk would.
fn damage(db: &Path) {
    let mut bytes = std::fs::read(db).expect("read the database");
    let page = 4096;
    let middle = bytes.len() / page / 2;
    assert!(middle >= 1, "the demo fills more than two pages");
    bytes[middle * page..(middle + 2) * page].fill(0x5A);
    std::fs::write(db, &bytes).expect("damage the database");
}

/// "2025-11-20 09:30:12" from `dossier-20251120-093012-manual.db`, as the screen shows it.
fn shown_date(backup: &Path) -> String {
    let name = backup
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a file name");
    let stamp = &name["dossier-".len().."dossier-YYYYMMDD-HHMMSS".len()];
    let (d, t) = (&stamp[..8], &stamp[9..]);
    format!(
        "{}-{}-{} {}:{}:{}",
        &d[..4],
        &d[4..6],
        &d[6..],
        &t[..2],
        &t[2..4],
        &t[4..]
    )
}

async fn toast_with(c: &fantoccini::Client, what: &str, part: &'static str) -> String {
    wait_for(what, || {
        let c = c.clone();
        async move {
            let v = c
                .execute(
                    "return [...document.querySelectorAll('[data-testid=toast] .toast-message')].map(e => e.textContent)",
                    vec![],
                )
                .await
                .ok()?;
            v.as_array()?
                .iter()
                .filter_map(|t| t.as_str())
                .find(|t| t.contains(part))
                .map(String::from)
        }
    })
    .await
}

/// The backup rows' texts, or None if the list was redrawn while being read.
async fn backup_rows(c: &fantoccini::Client) -> Option<Vec<String>> {
    let mut rows = Vec::new();
    for el in c
        .find_all(fantoccini::Locator::Css("[data-testid=backup-row]"))
        .await
        .ok()?
    {
        rows.push(el.text().await.ok()?);
    }
    Some(rows)
}

async fn wait_for_backup_rows(c: &fantoccini::Client, n: usize) -> Vec<String> {
    wait_for(&format!("{n} backups listed"), || {
        let c = c.clone();
        async move { backup_rows(&c).await.filter(|r| r.len() == n) }
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_database_is_restored_from_its_backup_on_the_recovery_screen() {
    let app = built_app();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("dossier.db");
    let today = chrono::Local::now().date_naive();
    let (mut titles, backup) = {
        let store = Store::open(&db).expect("create the database");
        store.load_demo(today).expect("load the demo");
        let titles: Vec<String> = store
            .list(&Default::default())
            .expect("list")
            .into_iter()
            .map(|r| r.title)
            .collect();
        let backup = store.backup_named("manual").expect("a verified backup");
        store
            .with_conn(|c| Ok(c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?))
            .expect("checkpoint");
        (titles, backup)
    };
    titles.sort();
    damage(&db);
    assert!(
        matches!(Store::open(&db), Err(dossier_store::Error::Damaged { .. })),
        "the damage is what an open notices"
    );
    let _driver = Driver::start(&db);

    let c = session(&app).await;
    find(&c, "[data-testid=recovery-screen]").await;
    let problem = text_of(&c, "[data-testid=recovery-problem]")
        .await
        .unwrap_or_default();
    assert!(!problem.is_empty(), "the screen says what is wrong");
    assert_eq!(
        text_of(&c, "[data-testid=recovery-path]").await.as_deref(),
        Some(db.display().to_string().as_str()),
        "and names the damaged file"
    );
    let offered = text_of(&c, "[data-testid=recovery-backup]")
        .await
        .unwrap_or_default();
    let date = shown_date(&backup.path);
    assert!(
        offered.contains(&format!("The backup of {date} (manual)"))
            && offered.contains(&format!("{} records", backup.records))
            && offered.contains(&backup.path.display().to_string()),
        "the newest good backup, its date, records and file: {offered}"
    );
    assert!(
        c.find(fantoccini::Locator::Css("[data-testid=dashboard]"))
            .await
            .is_err(),
        "no app behind the recovery screen"
    );
    screenshot(&c, "recovery").await;

    click(&c, "[data-testid=recovery-restore]").await;
    find(&c, "[data-testid=recovery-dialog]").await;
    screenshot(&c, "recovery-confirm").await;
    click(&c, "[data-testid=recovery-confirm]").await;
    find(&c, "[data-testid=dashboard]").await;
    let done = toast_with(&c, "the toast saying what happened", "Restored").await;
    assert!(
        done.contains(&format!("{} records", titles.len())),
        "it says how many records came back: {done}"
    );
    click(&c, "[data-testid=nav-credentials]").await;
    wait_for_row(&c, &titles[0]).await;
    let mut listed = row_titles(&c).await;
    listed.sort();
    assert_eq!(listed, titles, "every demo record is listed again");
    screenshot(&c, "recovery-restored").await;

    // Settings: the backup is listed; restoring it again keeps the current database aside,
    // and the toast's Undo puts that copy back.
    click(&c, "[data-testid=nav-settings]").await;
    let rows = wait_for_backup_rows(&c, 1).await;
    assert!(
        rows[0].contains(&date) && rows[0].contains("manual"),
        "the manual backup with its date: {rows:?}"
    );
    click(&c, "[data-testid=health-check]").await;
    let verdict = wait_for("the health verdict", || {
        let c = c.clone();
        async move {
            text_of(&c, "[data-testid=health-verdict]")
                .await
                .filter(|t| !t.is_empty())
        }
    })
    .await;
    assert!(
        verdict.starts_with("All well") || verdict.starts_with("Needs attention"),
        "a verdict: {verdict}"
    );
    screenshot(&c, "settings-health").await;
    click(&c, "[data-testid=backup-restore]").await;
    find(&c, "[data-testid=backup-dialog]").await;
    click(&c, "[data-testid=backup-confirm]").await;
    toast_with(&c, "the restore's toast", "is kept as dossier-").await;
    click(&c, "[data-testid=undo]").await;
    toast_with(&c, "the Undo's toast", "Back to the database as it was").await;
    let rows = wait_for_backup_rows(&c, 3).await;
    assert_eq!(
        rows.iter().filter(|r| r.contains("before restore")).count(),
        2,
        "the restore and its Undo each kept the database they replaced: {rows:?}"
    );
    c.close().await.expect("close the app");

    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            n.starts_with("dossier.db.damaged-") && !n.ends_with("-wal") && !n.ends_with("-shm")
        })
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept aside: {aside:?}");
    let store = Store::open(&db).expect("the restored database opens");
    assert_eq!(
        store.list(&Default::default()).expect("list").len(),
        titles.len(),
        "every record is in the database"
    );
}
