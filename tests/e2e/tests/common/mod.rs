//! Helpers shared by the end-to-end tests: the app binary, tauri-driver, a WebDriver session
//! and waiting for elements.

#![allow(dead_code)] // each test file uses its own subset

use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

const DRIVER_PORT: u16 = 4444;
/// WebKitWebDriver's port, behind tauri-driver.
const NATIVE_PORT: u16 = 4445;
pub const WAIT: Duration = Duration::from_secs(30);

pub fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("DOSSIER_APP") {
        return PathBuf::from(p);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("debug/dossier-app")
}

/// The app binary, or a failure saying how to build it.
pub fn built_app() -> PathBuf {
    let app = app_binary();
    assert!(
        app.is_file(),
        "app binary {} missing: `cargo test --workspace` builds it (or `cargo build -p dossier-app`)",
        app.display()
    );
    app
}

/// tauri-driver, stopped with SIGTERM on drop: a killed driver leaves WebKitWebDriver holding
/// its port and the next run fails. It holds the one-driver lock while it lives, so the tests
/// take turns on the port even when the harness runs them on several threads (CI runs the
/// whole workspace's tests in one `cargo test`, which builds every artifact once).
pub struct Driver {
    child: Child,
    _turn: MutexGuard<'static, ()>,
}

static ONE_DRIVER: Mutex<()> = Mutex::new(());

impl Driver {
    pub fn start(db: &Path) -> Driver {
        Driver::start_with(db, &[])
    }

    /// Like `start`, with more environment for the app (it inherits tauri-driver's), e.g.
    /// `DOSSIER_SAVE_DIR` so exports skip the native save dialog.
    pub fn start_with(db: &Path, env: &[(&str, &Path)]) -> Driver {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no DISPLAY: run the end-to-end tests under xvfb-run (see README)"
        );
        // A test that failed while holding the lock has stopped its driver all the same.
        let turn = ONE_DRIVER.lock().unwrap_or_else(|p| p.into_inner());
        let child = Command::new("tauri-driver")
            .args(["--port", &DRIVER_PORT.to_string()])
            .args(["--native-port", &NATIVE_PORT.to_string()])
            .env("DOSSIER_DB", db)
            .envs(env.iter().copied())
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
        Driver { child, _turn: turn }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
        // The next test starts its own driver: wait until both ports are let go of, so it does
        // not meet a WebKitWebDriver still shutting down (bounded: a few seconds at most).
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline
            && [DRIVER_PORT, NATIVE_PORT]
                .iter()
                .any(|&p| TcpStream::connect(("127.0.0.1", p)).is_ok())
        {
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

pub async fn session(app: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "wry".into());
    caps.insert(
        "tauri:options".into(),
        serde_json::json!({ "application": app.to_string_lossy() }),
    );
    // The driver may accept the connection before WebKitWebDriver is ready for a session: a
    // few tries, then the error.
    let mut tries = 0;
    loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{DRIVER_PORT}"))
            .await
        {
            Ok(c) => return c,
            Err(e) if tries < 4 => {
                tries += 1;
                eprintln!("session attempt {tries} failed ({e}); trying again");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            Err(e) => panic!("a WebDriver session with the app: {e}"),
        }
    }
}

pub async fn find(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("element {css} did not appear: {e}"))
}

pub async fn click(c: &Client, css: &str) {
    find(c, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

pub async fn type_into(c: &Client, css: &str, text: &str) {
    find(c, css)
        .await
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("type into {css}: {e}"));
}

/// Polls `check` until it gives Some, failing with `what` after WAIT.
pub async fn wait_for<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(v) = check().await {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn row_titles(c: &Client) -> Vec<String> {
    // Read in one script: the list redraws when statuses arrive, and element handles taken
    // one by one can go stale between two reads.
    let v = c
        .execute(
            "return [...document.querySelectorAll('[data-testid=row-title]')]\
             .map(e => e.innerText)",
            vec![],
        )
        .await
        .expect("row titles");
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|t| t.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Waits until a row with `title` is listed.
pub async fn wait_for_row(c: &Client, title: &str) -> Vec<String> {
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

/// One entry of the dashboard's "Needs attention" list, as shown.
#[derive(Debug, Clone)]
pub struct Attention {
    pub id: String,
    pub cycle: bool,
    pub status: String,
    pub title: String,
    pub reasons: Vec<String>,
}

/// The attention list as shown, or None if it was redrawn while being read (every change
/// redraws the dashboard, so an element can go stale between two reads; callers poll).
pub async fn attention_items(c: &Client) -> Option<Vec<Attention>> {
    let mut out = Vec::new();
    let items = c
        .find_all(Locator::Css("[data-testid=attention-item]"))
        .await
        .ok()?;
    for el in items {
        let title = el
            .find(Locator::Css("[data-testid=attention-title]"))
            .await
            .ok()?;
        let mut reasons = Vec::new();
        for r in el
            .find_all(Locator::Css("[data-testid=reason]"))
            .await
            .ok()?
        {
            reasons.push(r.text().await.ok()?);
        }
        out.push(Attention {
            id: el.attr("data-id").await.ok()??,
            cycle: el.attr("data-cycle").await.ok()?? == "true",
            status: el.attr("data-status").await.ok()??,
            title: title.text().await.ok()?,
            reasons,
        });
    }
    Some(out)
}

/// The text of the element matching `css`, found afresh each time (messages are redrawn).
pub async fn text_of(c: &Client, css: &str) -> Option<String> {
    c.find(Locator::Css(css)).await.ok()?.text().await.ok()
}

/// For a person to look at: with `DOSSIER_SCREENSHOTS=DIR`, keeps a picture of the window as
/// `DIR/name.png` (after a moment, so embedded images such as the report's chart are drawn).
/// Returns whether it took one, so a test can skip steps taken only for pictures.
pub async fn screenshot(c: &Client, name: &str) -> bool {
    let Some(dir) = std::env::var_os("DOSSIER_SCREENSHOTS") else {
        return false;
    };
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let png = c.screenshot().await.expect("screenshot");
    let path = Path::new(&dir).join(format!("{name}.png"));
    std::fs::write(&path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    true
}
