//! The real app, driven through its window: tauri-driver starts WebKitWebDriver, which starts
//! the built `dossier-app` binary on a fresh database. Needs a display (run under xvfb-run),
//! `tauri-driver` on PATH and `WebKitWebDriver` (Debian's webkit2gtk-driver).
//!
//! The app binary is `$DOSSIER_APP`, or `target/debug/dossier-app` in this workspace.

mod common;

use common::{
    attention_items, built_app, click, find, screenshot, session, text_of, type_into, wait_for,
    wait_for_row, Driver,
};
use dossier_core::{CredentialDraft, CredentialInput};
use dossier_store::Store;
use fantoccini::Locator;
use std::path::Path;

#[tokio::test(flavor = "multi_thread")]
async fn add_a_credential_restart_and_see_it_listed() {
    let app = built_app();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("dossier.db");
    let _driver = Driver::start(&db);
    let title = "Deep Learning for Diagnostics <b>#1</b>";

    let c = session(&app).await;
    find(&c, "[data-testid=empty-state]").await;
    find(&c, "[data-testid=new-credential]")
        .await
        .click()
        .await
        .expect("click new");
    find(&c, "[data-testid=credential-form]").await;
    // A bad value first: the Rust validation's message must show under the field.
    let hours = find(&c, "[data-testid=field-hours]").await;
    hours.send_keys("-3").await.expect("type hours");
    find(&c, "[data-testid=field-title]")
        .await
        .send_keys(title)
        .await
        .expect("type title");
    find(&c, "[data-testid=save]")
        .await
        .click()
        .await
        .expect("click save");
    // The message slot is redrawn on every validation, so read it afresh until it has text.
    let message = wait_for("a validation message under hours", || {
        let c = c.clone();
        async move {
            text_of(&c, "[data-testid=error-hours]")
                .await
                .filter(|t| !t.is_empty())
        }
    })
    .await;
    assert!(
        message.contains("negative"),
        "hours message from Rust: {message}"
    );
    screenshot(&c, "credential-form").await;
    hours.clear().await.expect("clear hours");
    hours.send_keys("12.5").await.expect("type hours");
    find(&c, "[data-testid=field-issuer]")
        .await
        .send_keys("Stanford Online")
        .await
        .expect("issuer");
    find(&c, "[data-testid=field-completed]")
        .await
        .send_keys("2024-03")
        .await
        .expect("date");
    find(&c, "[data-testid=save]")
        .await
        .click()
        .await
        .expect("click save");
    let titles = wait_for_row(&c, title).await;
    assert_eq!(titles.len(), 1, "exactly the one record: {titles:?}");
    c.close().await.expect("close the app");

    let c = session(&app).await;
    // With a record the app opens on the dashboard; the list is one click away.
    find(&c, "[data-testid=dashboard]").await;
    click(&c, "[data-testid=nav-credentials]").await;
    let titles = wait_for_row(&c, title).await;
    assert_eq!(
        titles,
        [title],
        "after a restart the record is still listed"
    );
    c.close().await.expect("close the app");

    let store = dossier_store::Store::open(&db).expect("reopen the app's database");
    let records = store.list(&Default::default()).expect("list");
    assert_eq!(records.len(), 1, "one row in the database");
    assert_eq!(records[0].title, title, "title stored as typed");
    assert_eq!(records[0].hours, Some(12.5), "hours stored");
    assert_eq!(
        records[0].completed.map(|d| d.to_string()).as_deref(),
        Some("2024-03"),
        "month date"
    );
}

/// A draft as a person would type it, validated by the same rules as the form.
fn record(today: chrono::NaiveDate, fields: serde_json::Value) -> CredentialInput {
    let draft: CredentialDraft = serde_json::from_value(fields).expect("draft json");
    draft.validate(today).expect("a valid record")
}

fn ymd(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Ids of the records that must need attention, by what is wrong with them.
struct Prepared {
    expiring: i64,
    expired: i64,
    half_life: i64,
    field_change: i64,
    requirement: i64,
}

/// A portfolio with one of each kind of trouble, dated relative to today (the app's clock).
fn prepare(db: &Path, today: chrono::NaiveDate) -> Prepared {
    use chrono::{Days, Months};
    let store = Store::open(db).expect("create the database");
    let add = |fields: serde_json::Value| {
        store
            .add(&record(today, fields), &[], "manual")
            .expect("add")
            .id
    };
    let expiring = add(serde_json::json!({
        "kind": "certification", "title": "Cloud ML Specialty (expiring)",
        "completed": ymd(today - Months::new(12)), "expires": ymd(today + Days::new(30)),
    }));
    let expired = add(serde_json::json!({
        "kind": "certification", "title": "Imaging AI Certificate (expired)",
        "completed": ymd(today - Months::new(48)), "expires": ymd(today - Months::new(12)),
    }));
    // "Deep learning for diagnostics" is seeded with a 2-year half-life: 3 years old is stale.
    let half_life = add(serde_json::json!({
        "kind": "micro-credential", "title": "Diagnostic CNNs (3 years old)",
        "completed": ymd(today - Months::new(36)),
        "skills": [{ "name": "Deep learning for diagnostics", "relevance": "1" }],
    }));
    // Completed before the seeded FDA PCCP final guidance (announced 2024-12-04); nothing newer
    // carries the skill, and the profile sets no jurisdiction, so the US guidance concerns it.
    let field_change = add(serde_json::json!({
        "kind": "ce-activity", "title": "Device regulation course (2024)", "completed": "2024-06",
        "skills": [{ "name": "Medical device regulation", "relevance": "1" }],
    }));
    // The only activity inside the cycle: 2 of 50 hours with 45 days left is behind pace.
    add(serde_json::json!({
        "kind": "ce-activity", "title": "Grand rounds", "completed": ymd(today - Days::new(60)), "hours": "2",
    }));
    let req: dossier_core::requirements::Requirement = serde_json::from_value(serde_json::json!({
        "id": 0, "name": "E2E licence CME", "ends": ymd(today + Days::new(45)), "cycle_months": 24,
        "hours": 50.0, "credit_type": null, "topics": [], "caps": [], "windows": [],
        "first_cycle": false, "credential": null,
    }))
    .expect("requirement json");
    let requirement = store.add_requirement(&req).expect("add requirement").id;
    Prepared {
        expiring,
        expired,
        half_life,
        field_change,
        requirement,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn dashboard_lists_what_needs_attention_and_renewing_clears_it() {
    let app = built_app();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("dossier.db");
    let today = chrono::Local::now().date_naive();
    let p = prepare(&db, today);
    let _driver = Driver::start(&db);

    let c = session(&app).await;
    find(&c, "[data-testid=dashboard]").await;
    let items = wait_for("five attention items", || {
        let c = c.clone();
        async move { attention_items(&c).await.filter(|i| i.len() == 5) }
    })
    .await;
    let expect = [
        (p.expired, false, "expired", "Expired on"),
        (p.expiring, false, "expiring", "Expires on"),
        (
            p.requirement,
            true,
            "expiring",
            "CE cycle 'E2E licence CME'",
        ),
        (p.half_life, false, "stale", "half-life is 2 years"),
        (
            p.field_change,
            false,
            "stale",
            "Predates 'FDA final guidance",
        ),
    ];
    for (id, cycle, status, text) in expect {
        let item = items
            .iter()
            .find(|i| i.id == id.to_string() && i.cycle == cycle)
            .unwrap_or_else(|| panic!("item {id} (cycle: {cycle}) listed: {items:#?}"));
        assert_eq!(item.status, status, "status of {}", item.title);
        assert!(
            item.reasons.iter().any(|r| r.contains(text)),
            "{} gives a reason containing {text:?}: {:?}",
            item.title,
            item.reasons
        );
    }
    let cycle = items.iter().find(|i| i.cycle).expect("the cycle");
    assert!(
        cycle.reasons[0].contains("2 of 50 hours") && cycle.reasons[0].contains("behind pace"),
        "the cycle is behind: {:?}",
        cycle.reasons
    );
    let statuses: Vec<&str> = items.iter().map(|i| i.status.as_str()).collect();
    assert_eq!(
        statuses,
        ["expired", "expiring", "expiring", "stale", "stale"],
        "most urgent first"
    );

    let action = format!(
        "[data-testid=attention-item][data-id='{}'][data-cycle=false] [data-testid=attention-action]",
        p.expiring
    );
    assert_eq!(
        find(&c, &action).await.text().await.expect("label"),
        "Renew…"
    );
    click(&c, &action).await;
    find(&c, "[data-testid=renew-dialog]").await;
    screenshot(&c, "renew-dialog").await;
    type_into(&c, "[data-testid=renew-completed]", &ymd(today)).await;
    let expires = today + chrono::Months::new(36);
    type_into(&c, "[data-testid=renew-expires]", &ymd(expires)).await;
    click(&c, "[data-testid=renew-save]").await;
    let left = wait_for("the renewed certification to leave the list", || {
        let c = c.clone();
        async move {
            let items = attention_items(&c).await?;
            let gone = !items
                .iter()
                .any(|i| !i.cycle && i.id == p.expiring.to_string());
            (gone && items.len() == 4).then_some(items)
        }
    })
    .await;
    assert!(
        left.iter().all(|i| i.status != "expiring" || i.cycle),
        "only the cycle is still expiring: {left:#?}"
    );
    c.close().await.expect("close the app");

    let store = Store::open(&db).expect("reopen");
    let renewed = store.get(p.expiring).expect("the certification");
    assert_eq!(
        renewed.expires.map(|d| d.to_string()),
        Some(ymd(expires)),
        "new expiry stored"
    );
    assert_eq!(
        store.renewals(p.expiring).expect("history").len(),
        1,
        "history kept"
    );
}

/// A figure as the Coverage page writes it: `Math.round(x * 100)` percent.
fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// The text of the first element matching `css` inside the element matching `within`.
async fn text_in(c: &fantoccini::Client, within: &str, css: &str) -> Option<String> {
    text_of(c, &format!("{within} {css}")).await
}

#[tokio::test(flavor = "multi_thread")]
async fn coverage_page_shows_the_chart_and_the_stores_numbers() {
    let app = built_app();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("dossier.db");
    let today = chrono::Local::now().date_naive();
    let expected = {
        let store = Store::open(&db).expect("create the database");
        store.load_demo(today).expect("load the demo");
        store
            .coverage(today, None)
            .expect("coverage of the active framework")
    };
    let clinical = expected
        .domains
        .iter()
        .find(|d| d.id == "clinical")
        .expect("the demo framework has a clinical domain");
    let _driver = Driver::start(&db);

    let c = session(&app).await;
    find(&c, "[data-testid=dashboard]").await;
    click(&c, "[data-testid=nav-coverage]").await;
    find(&c, "[data-testid=coverage-chart] svg").await;
    let title = c
        .execute(
            "return document.querySelector('[data-testid=coverage-chart] svg > title')?.textContent ?? null",
            vec![],
        )
        .await
        .expect("read the chart's title");
    assert_eq!(
        title.as_str(),
        Some(format!("Skills coverage: {}", expected.framework).as_str()),
        "Rust's chart with its <title>"
    );
    let domains = wait_for("five domains listed", || {
        let c = c.clone();
        async move {
            let els = c
                .find_all(Locator::Css("[data-testid=coverage-domain]"))
                .await
                .ok()?;
            let mut ids = Vec::new();
            for el in els {
                ids.push(el.attr("data-id").await.ok()??);
            }
            (ids.len() == 5).then_some(ids)
        }
    })
    .await;
    let want: Vec<&str> = expected.domains.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(domains, want, "the framework's domains, in its order");

    let domain = "[data-testid=coverage-domain][data-id=clinical]";
    assert_eq!(
        text_in(&c, domain, "[data-testid=cov-earned]")
            .await
            .as_deref(),
        Some(percent(clinical.earned).as_str()),
        "earned for Clinical medicine as the store computes it ({})",
        clinical.earned
    );
    assert_eq!(
        text_in(&c, domain, "[data-testid=cov-current]")
            .await
            .as_deref(),
        Some(percent(clinical.current).as_str()),
        "current for Clinical medicine ({})",
        clinical.current
    );

    click(&c, domain).await;
    find(&c, "[data-testid=domain-detail][data-id=clinical]").await;
    let skills = c
        .find_all(Locator::Css("[data-testid=coverage-skill]"))
        .await
        .expect("skill rows");
    assert_eq!(skills.len(), clinical.skills.len(), "one row per skill");
    for (el, skill) in skills.iter().zip(&clinical.skills) {
        assert_eq!(
            el.attr("data-id").await.expect("id").as_deref(),
            Some(skill.id.as_str())
        );
        let earned = el
            .find(Locator::Css("[data-testid=cov-earned]"))
            .await
            .expect("earned")
            .text()
            .await
            .expect("text");
        let current = el
            .find(Locator::Css("[data-testid=cov-current]"))
            .await
            .expect("current")
            .text()
            .await
            .expect("text");
        assert_eq!(
            (earned, current),
            (percent(skill.earned), percent(skill.current)),
            "{} earned and current",
            skill.name
        );
    }

    click(&c, "[data-testid=view-table]").await;
    find(&c, "table[data-testid=coverage-table]").await;
    let row = "[data-testid=coverage-table-domain][data-id=clinical]";
    assert_eq!(
        text_in(&c, row, "[data-testid=cov-earned]")
            .await
            .as_deref(),
        Some(percent(clinical.earned).as_str()),
        "the table has the same earned as the chart's list"
    );
    let skill = &clinical.skills[0];
    let row = format!("[data-testid=coverage-table-skill][data-id='{}']", skill.id);
    assert_eq!(
        text_in(&c, &row, "[data-testid=cov-current]")
            .await
            .as_deref(),
        Some(percent(skill.current).as_str()),
        "{} current in the table",
        skill.name
    );
    c.close().await.expect("close the app");
}

#[path = "e2e/reports.rs"]
mod reports;

#[path = "e2e/recovery.rs"]
mod recovery;

#[path = "e2e/hostile.rs"]
mod hostile;

#[path = "e2e/imports.rs"]
mod imports;

// The report crate's reading of a PDF (pdftotext, folded), so the export page's test and the
// report's tests agree on what is in the PDF.
#[path = "../../../src-tauri/crates/report/tests/support/pdf_text.rs"]
mod pdf_text;
