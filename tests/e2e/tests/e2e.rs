//! The real app, driven through its window: tauri-driver starts WebKitWebDriver, which starts
//! the built `dossier-app` binary on a fresh database. Needs a display (run under xvfb-run),
//! `tauri-driver` on PATH and `WebKitWebDriver` (Debian's webkit2gtk-driver).
//!
//! The app binary is `$DOSSIER_APP`, or `target/debug/dossier-app` in this workspace.

use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const DRIVER_PORT: u16 = 4444;
const WAIT: Duration = Duration::from_secs(30);

fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("DOSSIER_APP") {
        return PathBuf::from(p);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("debug/dossier-app")
}

/// tauri-driver, stopped with SIGTERM on drop: a killed driver leaves WebKitWebDriver holding
/// its port and the next run fails.
struct Driver(Child);

impl Driver {
    fn start(db: &Path) -> Driver {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no DISPLAY: run the end-to-end tests under xvfb-run (see README)"
        );
        let child = Command::new("tauri-driver")
            .args(["--port", &DRIVER_PORT.to_string()])
            .env("DOSSIER_DB", db)
            .spawn()
            .expect("tauri-driver starts (cargo install tauri-driver --locked)");
        let deadline = Instant::now() + WAIT;
        while TcpStream::connect(("127.0.0.1", DRIVER_PORT)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on {DRIVER_PORT}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver(child)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

async fn session(app: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "wry".into());
    caps.insert(
        "tauri:options".into(),
        serde_json::json!({ "application": app.to_string_lossy() }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{DRIVER_PORT}"))
        .await
        .expect("a WebDriver session with the app")
}

async fn find(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("element {css} did not appear: {e}"))
}

async fn row_titles(c: &Client) -> Vec<String> {
    let mut out = Vec::new();
    for el in c
        .find_all(Locator::Css("[data-testid=row-title]"))
        .await
        .expect("rows")
    {
        out.push(el.text().await.expect("row text"));
    }
    out
}

/// Waits until a row with `title` is listed.
async fn wait_for_row(c: &Client, title: &str) -> Vec<String> {
    let deadline = Instant::now() + WAIT;
    loop {
        let titles = row_titles(c).await;
        if titles.iter().any(|t| t == title) {
            return titles;
        }
        assert!(
            Instant::now() < deadline,
            "'{title}' never listed; rows: {titles:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn add_a_credential_restart_and_see_it_listed() {
    let app = app_binary();
    assert!(
        app.is_file(),
        "app binary {} missing: build it with `cargo build -p dossier-app`",
        app.display()
    );
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
    let err = find(&c, "[data-testid=error-hours]").await;
    let deadline = Instant::now() + WAIT;
    while err.text().await.unwrap_or_default().is_empty() {
        assert!(
            Instant::now() < deadline,
            "no validation message under hours"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        err.text().await.expect("text").contains("negative"),
        "hours message from Rust"
    );
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
