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
    import_and_list(&c, title, "the badge").await;
    c.close().await.expect("close the app");

    let r = the_one_record(&db, &badge);
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
}

/// Presses Import, waits for "Imported 1", and finds `title` in the credentials list.
async fn import_and_list(c: &fantoccini::Client, title: &str, what: &str) {
    click(c, "[data-testid=import-run]").await;
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
    click(c, "[data-testid=nav-credentials]").await;
    let titles = wait_for_row(c, title).await;
    assert_eq!(titles, [title], "{what} is listed");
}

/// The app's database reopened: its one record, whose evidence must be `file` byte for byte.
fn the_one_record(db: &Path, file: &Path) -> dossier_core::Credential {
    let store = Store::open(db).expect("reopen the app's database");
    let mut records = store.list(&Default::default()).expect("list");
    assert_eq!(records.len(), 1, "one record in the database");
    let r = records.remove(0);
    let kept = store
        .evidence_file(&r.evidence[0].sha256)
        .expect("the evidence file");
    assert_eq!(
        std::fs::read(kept).expect("kept"),
        std::fs::read(file).expect("the imported file"),
        "the imported file is kept byte for byte as evidence"
    );
    r
}

/// Emits the event Tauri's native layer sends when files are dropped on the window, with the
/// same payload: WebDriver cannot drag a file from the desktop, and this is what the app sees.
async fn drop_files(c: &fantoccini::Client, paths: &[&Path]) {
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    c.execute(
        "return window.__TAURI_INTERNALS__.invoke('plugin:event|emit', \
         { event: 'tauri://drag-drop', payload: { paths: arguments[0], position: { x: 40, y: 40 } } })",
        vec![serde_json::json!(paths)],
    )
    .await
    .expect("the drop event is sent");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_certificate_pdf_dropped_on_the_new_record_form_is_read_reviewed_and_saved() {
    let app = built_app();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("dossier.db");
    // Typeset by typst (see the fixture's README): a text layer laid out as a table.
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../src-tauri/crates/interop/tests/fixtures/certificate/journal-cme.pdf");
    let _driver = Driver::start(&db);
    let title = "Deep Learning for Diabetic Retinopathy Screening: A Randomized Trial";

    let c = session(&app).await;
    find(&c, "[data-testid=empty-state]").await;
    click(&c, "[data-testid=new-credential]").await;
    drop_files(&c, &[pdf.as_path()]).await;
    let row = wait_for("the certificate in the review table", || {
        let c = c.clone();
        async move {
            text_of(&c, "[data-testid=import-cert]")
                .await
                .filter(|t| t.contains("October 22, 2023"))
        }
    })
    .await;
    assert!(
        row.contains("AMA PRA Category 1"),
        "the credit type's snippet is shown: {row}"
    );
    let shown = c
        .execute(
            "return [...document.querySelectorAll('[data-testid=import-cert] input')]\
             .map(i => i.value)",
            vec![],
        )
        .await
        .expect("the review inputs");
    let values: Vec<String> = serde_json::from_value(shown).unwrap_or_default();
    assert!(
        values.iter().any(|v| v == title),
        "the title is filled in for review: {values:?}"
    );
    assert!(
        values.iter().any(|v| v == "2023-10-22"),
        "the date is filled in: {values:?}"
    );
    screenshot(&c, "import-certificate").await;
    import_and_list(&c, title, "the CE activity").await;
    c.close().await.expect("close the app");

    let r = the_one_record(&db, &pdf);
    assert_eq!(r.source, "certificate", "its source");
    assert_eq!(r.kind.as_str(), "ce-activity", "a CE activity");
    assert_eq!(r.hours, Some(1.0), "one credit");
    assert_eq!(
        r.credit_type.as_deref(),
        Some("AMA PRA Category 1 Credit™"),
        "the credit type"
    );
    assert_eq!(
        r.completed.map(|d| d.to_string()).as_deref(),
        Some("2023-10-22"),
        "the date"
    );
}
