//! Importing through the window: a baked Open Badges PNG picked on the Import page, previewed,
//! imported, listed, and kept in the database with its source and its image as evidence.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_baked_badge_is_imported_through_the_window_and_listed() {
    let app = built_app();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("dossier.db");
    let badge = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../src-tauri/crates/interop/tests/fixtures/openbadges/baked-ob2.png");
    let _driver = Driver::start_with(&db, &[("DOSSIER_PICK_FILE", badge.as_path())]);
    let title = "Certified SAFe® 6 Agilist";

    let c = session(&app).await;
    find(&c, "[data-testid=empty-state]").await;
    click(&c, "[data-testid=nav-import]").await;
    click(&c, "[data-testid=import-pick]").await;
    let row = wait_for("the badge in the preview", || {
        let c = c.clone();
        async move {
            text_of(&c, "[data-testid=import-row]")
                .await
                .filter(|t| t.contains(title))
        }
    })
    .await;
    assert!(
        row.contains("Scaled Agile"),
        "the issuer is read from the badge: {row}"
    );
    screenshot(&c, "import-preview").await;
    click(&c, "[data-testid=import-run]").await;
    let said = wait_for("the import's result", || {
        let c = c.clone();
        async move {
            text_of(&c, "[data-testid=import-result]")
                .await
                .filter(|t| t.contains("Imported"))
        }
    })
    .await;
    assert!(said.contains('1'), "one record imported: {said}");
    click(&c, "[data-testid=nav-credentials]").await;
    let titles = wait_for_row(&c, title).await;
    assert_eq!(titles, [title], "the badge is listed");
    c.close().await.expect("close the app");

    let store = Store::open(&db).expect("reopen the app's database");
    let records = store.list(&Default::default()).expect("list");
    assert_eq!(records.len(), 1, "one record in the database");
    let r = &records[0];
    assert_eq!(r.source, "openbadges", "its source is the format");
    assert_eq!(
        r.source_file.as_deref(),
        Some("baked-ob2.png"),
        "and the file"
    );
    assert_eq!(
        r.expires.map(|d| d.to_string()).as_deref(),
        Some("2025-05-17"),
        "the expiry is read"
    );
    let kept = store
        .evidence_file(&r.evidence[0].sha256)
        .expect("the evidence file");
    assert_eq!(
        std::fs::read(kept).expect("kept"),
        std::fs::read(&badge).expect("badge"),
        "the badge image is kept byte for byte"
    );
}
