//! The report-facing pages: the PDF export, and "Why this status?" in a record's detail.

use super::pdf_text::{fold, pdftotext};
use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn export_page_previews_the_report_and_writes_the_pdf() {
    let app = built_app();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("dossier.db");
    let save = tempfile::tempdir().expect("save dir");
    let today = chrono::Local::now().date_naive();
    let titles: Vec<String> = {
        let store = Store::open(&db).expect("create the database");
        store.load_demo(today).expect("load the demo");
        store
            .list(&Default::default())
            .expect("list")
            .into_iter()
            .map(|r| r.title)
            .collect()
    };
    assert!(!titles.is_empty(), "the demo has records");
    let _driver = Driver::start_with(&db, &[("DOSSIER_SAVE_DIR", save.path())]);
    let name = "E2E Jordan Lee";

    let c = session(&app).await;
    find(&c, "[data-testid=dashboard]").await;
    click(&c, "[data-testid=nav-export]").await;
    find(&c, "[data-testid=report-preview] svg").await;
    screenshot(&c, "export").await;
    let pages = wait_for("the page count", || {
        let c = c.clone();
        async move {
            text_of(&c, "[data-testid=preview-pages]")
                .await
                .filter(|t| t.starts_with("Page 1 of "))
        }
    })
    .await;
    let count: usize = pages["Page 1 of ".len()..]
        .parse()
        .unwrap_or_else(|_| panic!("a page count: {pages}"));
    assert!(count >= 2, "the demo fills more than a page: {pages}");

    // The profile, saved through the page, is printed on the report.
    type_into(&c, "[data-testid=profile-name]", name).await;
    click(&c, "[data-testid=profile-save]").await;
    wait_for("the profile saved", || {
        let c = c.clone();
        async move {
            text_of(&c, "[data-testid=toast]")
                .await
                .filter(|t| t.contains("Profile saved"))
        }
    })
    .await;

    click(&c, "[data-testid=export-pdf]").await;
    let done = wait_for("the export's path", || {
        let c = c.clone();
        async move {
            text_of(&c, "[data-testid=export-done]")
                .await
                .filter(|t| !t.is_empty())
        }
    })
    .await;
    let pdf = save
        .path()
        .join(format!("dossier-portfolio-{}.pdf", ymd(today)));
    assert!(
        done.contains(&pdf.display().to_string()),
        "the toast names the written file {}: {done}",
        pdf.display()
    );
    assert!(
        find(&c, "[data-testid=export-progress]")
            .await
            .attr("hidden")
            .await
            .expect("hidden attribute")
            .is_some(),
        "no progress once done"
    );
    c.close().await.expect("close the app");

    let bytes = std::fs::read(&pdf).unwrap_or_else(|e| panic!("{} written: {e}", pdf.display()));
    assert!(bytes.starts_with(b"%PDF"), "a PDF file");
    let text = fold(&pdftotext(&pdf, false));
    assert!(text.contains(name), "the saved profile's name is printed");
    for title in &titles {
        assert!(
            text.contains(&fold(title)),
            "the demo record '{title}' is in the PDF"
        );
    }
    let left: Vec<_> = std::fs::read_dir(save.path())
        .expect("save dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left.len(), 1, "only the PDF, no temporary file: {left:?}");
}

/// "Why this status?" in the detail panel shows the explanation the store gives, whose
/// reasons are the dashboard's: the demo's FDA course predates the FDA final guidance and, for
/// the demo's US profile, the EU AI Act is information only.
#[tokio::test(flavor = "multi_thread")]
async fn why_this_status_shows_the_stores_explanation() {
    let app = built_app();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("dossier.db");
    let today = chrono::Local::now().date_naive();
    let (id, explained) = {
        let store = Store::open(&db).expect("create the database");
        store.load_demo(today).expect("load the demo");
        let fda = store
            .list(&Default::default())
            .expect("list")
            .into_iter()
            .find(|r| r.title.starts_with("FDA Oversight"))
            .expect("the demo's FDA course");
        (fda.id, store.explain(fda.id, today).expect("explain"))
    };
    let _driver = Driver::start(&db);

    let c = session(&app).await;
    find(&c, "[data-testid=dashboard]").await;
    click(&c, "[data-testid=nav-credentials]").await;
    // Narrow the list to the one record, so its row is on screen to click.
    type_into(&c, "[data-testid=search]", "FDA Oversight").await;
    let row = format!("[data-testid=credential-row][data-id='{id}'] [data-testid=row-title]");
    wait_for("the FDA course alone in the list", || {
        let c = c.clone();
        async move {
            let n = c
                .execute(
                    "return document.querySelectorAll('[data-testid=credential-row]').length",
                    vec![],
                )
                .await
                .ok()?;
            (n.as_u64() == Some(1)).then_some(())
        }
    })
    .await;
    click(&c, &row).await;
    click(&c, "[data-testid=why-status] summary").await;
    let rule = wait_for("the explanation's rule", || {
        let c = c.clone();
        async move {
            text_of(&c, "[data-testid=why-rule]")
                .await
                .filter(|t| !t.is_empty())
        }
    })
    .await;
    assert_eq!(rule, explained.rule, "the rule as the store words it");
    let basis = text_of(&c, "[data-testid=why-basis]")
        .await
        .unwrap_or_default();
    assert_eq!(basis, explained.basis, "the basis as the store words it");
    let mut shown = Vec::new();
    for el in c
        .find_all(Locator::Css("[data-testid=why-change]"))
        .await
        .expect("changes")
    {
        shown.push(
            el.attr("data-relation")
                .await
                .expect("attr")
                .unwrap_or_default(),
        );
    }
    let expected: Vec<String> = explained
        .changes
        .iter()
        .map(|ch| {
            serde_json::to_value(ch.relation)
                .expect("relation")
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(
        shown, expected,
        "every change the store lists, with its relation"
    );
    assert!(
        expected.iter().any(|r| r == "outside") && expected.iter().any(|r| r == "predates"),
        "the EU Act is information and the FDA guidance a reason: {expected:?}"
    );
    let reasons = c
        .find_all(Locator::Css(
            "[data-testid=detail-status] [data-testid=reason]",
        ))
        .await
        .expect("reasons");
    let mut texts = Vec::new();
    for r in reasons {
        texts.push(r.text().await.expect("reason text"));
    }
    let store_reasons: Vec<String> = explained
        .assessment
        .reasons
        .iter()
        .map(|r| r.text.clone())
        .collect();
    assert_eq!(
        texts, store_reasons,
        "the detail's reasons are the explanation's"
    );
    if screenshot(&c, "why-status").await {
        click(&c, "[data-testid=nav-field-changes]").await;
        find(&c, "[data-testid=changes-table]").await;
        screenshot(&c, "field-changes").await;
    }
}
