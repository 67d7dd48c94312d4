//! The security boundary of the running app: records holding markup, script, styles and
//! `javascript:` links show as text on every page and in the report preview, run nothing,
//! and link nowhere (a hidden direction override is refused when the text is entered:
//! dossier-core's validation tests); and the app, with WebKit's processes, opens no network socket
//! while it loads, shows and exports a portfolio.

use super::*;
use std::path::PathBuf;
use std::time::Duration;

/// Each string would run script (setting `window.__pwned`) or mislead if it were markup.
const HOSTILE: [&str; 6] = [
    "<img src=x onerror=\"window.__pwned=1\">",
    "<script>window.__pwned=2</script>",
    "<svg onload=\"window.__pwned=3\"><circle r=9></circle></svg>",
    "<a href=\"javascript:window.__pwned=4\">click</a>",
    "<style>body { display: none }</style>",
    "\"><iframe srcdoc=\"<script>parent.__pwned=5</script>\">",
];

fn hostile_store(db: &Path, today: chrono::NaiveDate) {
    let store = Store::open(db).expect("create the database");
    for (i, s) in HOSTILE.iter().enumerate() {
        let mut input = record(
            today,
            serde_json::json!({
                "kind": "ce-activity", "title": format!("{s} #{i}"), "issuer": s,
                "completed": ymd(today), "notes": s, "hours": "1",
                "skills": [{ "name": format!("{s} skill"), "relevance": "" }],
            }),
        );
        // What an import could carry, past the form's own check of links.
        input.url = Some(format!("javascript:window.__pwned={}", 10 + i));
        store.add(&input, &[], "manual").expect("add");
    }
}

/// What would show that hostile text became markup or code.
const PROBE: &str = "return [String(window.__pwned), \
    document.querySelectorAll('img[src=\"x\"], script:not([src]), svg[onload], iframe, \
    a[href^=\"javascript:\"], [onerror], [onload]').length, \
    getComputedStyle(document.body).display];";

async fn assert_inert(c: &fantoccini::Client, page: &str) {
    let v = c.execute(PROBE, vec![]).await.expect("probe");
    assert_eq!(v[0], "undefined", "{page}: no hostile script ran");
    assert_eq!(v[1], 0, "{page}: no hostile element or link exists");
    assert_ne!(v[2], "none", "{page}: no hostile style applies");
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_records_stay_text_on_every_page_and_in_the_preview() {
    let app = built_app();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("dossier.db");
    let today = chrono::Local::now().date_naive();
    hostile_store(&db, today);
    let _driver = Driver::start(&db);
    let c = session(&app).await;
    find(&c, "[data-testid=dashboard]").await;
    for page in [
        "dashboard",
        "coverage",
        "credentials",
        "skills",
        "field-changes",
        "requirements",
        "export",
        "settings",
    ] {
        click(&c, &format!("[data-testid=nav-{page}]")).await;
        tokio::time::sleep(Duration::from_millis(400)).await;
        assert_inert(&c, page).await;
    }
    click(&c, "[data-testid=nav-export]").await;
    find(&c, "[data-testid=report-preview] svg").await;
    assert_inert(&c, "the report preview").await;

    click(&c, "[data-testid=nav-credentials]").await;
    let titles = wait_for_row(&c, &format!("{} #0", HOSTILE[0])).await;
    for (i, s) in HOSTILE.iter().enumerate() {
        let want = format!("{s} #{i}");
        assert!(
            titles.contains(&want),
            "shown as the text it is: {want:?} in {titles:?}"
        );
    }
    click(&c, "[data-testid=credential-row] [data-testid=row-title]").await;
    find(&c, "[data-testid=detail-status]").await;
    assert_inert(&c, "a record's detail").await;
    screenshot(&c, "hostile").await;
    c.close().await.expect("close the app");
}

/// Pids of the app (found by its binary) and every process under it (WebKit's).
fn app_processes(binary: &Path) -> Vec<u32> {
    let procs: Vec<(u32, u32, Option<PathBuf>)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let pid: u32 = e.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
            // The parent's pid is the second field after the ")" that ends the name.
            let after = stat.rsplit_once(')')?.1;
            let ppid = after.split_whitespace().nth(1)?.parse().ok()?;
            Some((pid, ppid, std::fs::read_link(e.path().join("exe")).ok()))
        })
        .collect();
    let mut tree: Vec<u32> = procs
        .iter()
        .filter(|(_, _, exe)| exe.as_deref() == Some(binary))
        .map(|(pid, _, _)| *pid)
        .collect();
    let mut grew = true;
    while grew {
        grew = false;
        for (pid, ppid, _) in &procs {
            if tree.contains(ppid) && !tree.contains(pid) {
                tree.push(*pid);
                grew = true;
            }
        }
    }
    tree
}

/// Internet sockets (TCP and UDP, v4 and v6) the processes hold, as "local remote" address
/// pairs in /proc's hex form, found by the socket inodes of their file descriptors.
fn inet_sockets(pids: &[u32]) -> Vec<String> {
    let inodes: Vec<String> = pids
        .iter()
        .flat_map(|pid| {
            std::fs::read_dir(format!("/proc/{pid}/fd"))
                .into_iter()
                .flatten()
        })
        .flatten()
        .filter_map(|fd| std::fs::read_link(fd.path()).ok())
        .filter_map(|l| {
            let l = l.to_string_lossy().into_owned();
            Some(l.strip_prefix("socket:[")?.strip_suffix(']')?.to_string())
        })
        .collect();
    let mut found = Vec::new();
    for table in ["tcp", "tcp6", "udp", "udp6"] {
        let text = std::fs::read_to_string(format!("/proc/net/{table}")).unwrap_or_default();
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.split_whitespace().collect();
            if cols.len() > 9 && inodes.iter().any(|i| i == cols[9]) {
                found.push(format!("{table} {} {}", cols[1], cols[2]));
            }
        }
    }
    found
}

/// 127.0.0.1 or ::1 (in /proc's hex, with the port after the colon).
fn loopback(addr: &str) -> bool {
    let host = addr.split(':').next().unwrap_or_default();
    host == "0100007F" || host == "00000000000000000000000001000000"
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_opens_no_network_socket() {
    let app = built_app();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("dossier.db");
    let save = tempfile::tempdir().expect("save dir");
    Store::open(&db)
        .expect("create")
        .load_demo(chrono::Local::now().date_naive())
        .expect("demo");
    let _driver = Driver::start_with(&db, &[("DOSSIER_SAVE_DIR", save.path())]);
    let c = session(&app).await;
    find(&c, "[data-testid=dashboard]").await;
    let binary = std::fs::canonicalize(&app).expect("the app binary");
    let mut seen = Vec::new();
    let mut watched = 0;
    for page in ["coverage", "credentials", "export"] {
        click(&c, &format!("[data-testid=nav-{page}]")).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let pids = app_processes(&binary);
        watched = watched.max(pids.len());
        seen.extend(inet_sockets(&pids));
    }
    click(&c, "[data-testid=export-pdf]").await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    seen.extend(inet_sockets(&app_processes(&binary)));
    assert!(
        watched >= 2,
        "the app and WebKit's processes were found ({watched})"
    );
    // The probe itself works: it finds the driver's own listening socket.
    let driver: Vec<u32> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            std::fs::read_link(e.path().join("exe"))
                .is_ok_and(|x| x.file_name().is_some_and(|n| n == "tauri-driver"))
        })
        .filter_map(|e| e.file_name().to_str()?.parse().ok())
        .collect();
    assert!(
        !inet_sockets(&driver).is_empty(),
        "the probe sees tauri-driver's socket"
    );
    c.close().await.expect("close the app");
    // The WebDriver session reaches the app over loopback (the test's own channel); anything
    // else would be Dossier or WebKit talking to the network.
    let outside: Vec<&String> = seen
        .iter()
        .filter(|s| {
            let mut parts = s.split(' ').skip(1);
            let (local, remote) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            !(loopback(local) && (loopback(remote) || remote.starts_with("0000")))
        })
        .collect();
    assert!(outside.is_empty(), "network sockets: {outside:?}");
}
