//! The CLI killed, starved and locked out while it adds records with evidence: nothing it
//! acknowledged is lost, SQLite's integrity holds, and the next open leaves no garbage.
//! `DOSSIER_KILL_CYCLES` sets the number of kills (100 here; `scripts/kill-loop` runs 1,000).

use crate::common::Env;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn dossier(env: &Env) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.arg("--db").arg(env.db()).env_remove("DOSSIER_DB");
    c
}

/// What must hold after any failure: integrity, every acknowledged title listed, every
/// evidence file a record names present, and no temporary copy or unnamed blob left.
fn assert_whole(env: &Env, acknowledged: &BTreeSet<String>) {
    // The next open (a read) sweeps what the dead processes left.
    let list = env.json(&["list", "--json"]);
    let rows = list.as_array().cloned().unwrap_or_default();
    let titles: BTreeSet<String> = rows
        .iter()
        .filter_map(|r| r["title"].as_str().map(str::to_string))
        .collect();
    let lost: Vec<_> = acknowledged.difference(&titles).collect();
    assert!(lost.is_empty(), "acknowledged records lost: {lost:?}");
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    let c = rusqlite::Connection::open_with_flags(env.db(), flags).expect("open");
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(check, "ok", "SQLite's integrity");
    let named: BTreeSet<String> = rows
        .iter()
        .flat_map(|r| r["evidence"].as_array().cloned().unwrap_or_default())
        .filter_map(|e| e["sha256"].as_str().map(str::to_string))
        .collect();
    let data = env.db().parent().expect("data folder").to_path_buf();
    let mut garbage = Vec::new();
    walk(&data, &mut |p| {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let in_evidence = p.starts_with(data.join("evidence"));
        if name.ends_with(".tmp") || (in_evidence && name.len() == 64 && !named.contains(&name)) {
            garbage.push(p.to_path_buf());
        }
    });
    assert!(
        garbage.is_empty(),
        "left behind after the next open: {garbage:?}"
    );
    for sha in &named {
        let blob = data.join("evidence").join(&sha[..2]).join(sha);
        assert!(
            blob.is_file(),
            "a record's evidence is there: {}",
            blob.display()
        );
    }
}

fn walk(dir: &Path, f: &mut impl FnMut(&Path)) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, f);
        } else {
            f(&p);
        }
    }
}

#[test]
fn adds_killed_at_any_point_lose_nothing_acknowledged() {
    let env = Env::new();
    env.add("ce-activity", "Before the kills", &[]);
    let mut acknowledged = BTreeSet::from(["Before the kills".to_string()]);
    let cycles: u64 = std::env::var("DOSSIER_KILL_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for i in 0..cycles {
        // A new file each time, so every add writes a blob; some share content with earlier
        // ones, so blobs are shared too.
        let scan = env.dir.path().join(format!("scan-{i}.pdf"));
        std::fs::write(&scan, format!("certificate {}", i % 7).repeat(2000)).expect("write");
        let title = format!("Killed add {i}");
        let mut child = dossier(&env)
            .args([
                "add",
                "--kind",
                "ce-activity",
                "--title",
                &title,
                "--attach",
            ])
            .arg(&scan)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 40_000));
        // It may have finished already; then the kill does nothing.
        let _ = child.kill();
        let out = child.wait_with_output().expect("wait");
        if out.status.success() && String::from_utf8_lossy(&out.stdout).contains("Added #") {
            acknowledged.insert(title);
        }
    }
    assert!(
        acknowledged.len() > 1,
        "some adds finished before their kill"
    );
    assert!(
        (acknowledged.len() as u64) < cycles,
        "some adds were killed before they finished ({} of {cycles} finished)",
        acknowledged.len() - 1
    );
    // For scripts/kill-loop's report.
    println!(
        "{cycles} kills, {} adds acknowledged",
        acknowledged.len() - 1
    );
    assert_whole(&env, &acknowledged);
}

#[test]
fn an_add_that_runs_out_of_disk_leaves_the_store_whole() {
    let env = Env::new();
    env.add("ce-activity", "Kept", &[]);
    let big = env.dir.path().join("big-scan.pdf");
    std::fs::write(&big, vec![7u8; 2 * 1024 * 1024]).expect("write");
    // A file-size limit of 512 KiB stands in for a full disk: the copy of the scan hits it.
    let script = format!(
        "ulimit -f 1024; exec {} --db {} add --kind ce-activity --title Starved --attach {}",
        env!("CARGO_BIN_EXE_dossier"),
        env.db().display(),
        big.display()
    );
    let status = Command::new("sh")
        .args(["-c", &script])
        .stderr(Stdio::null())
        .status()
        .expect("sh runs");
    assert!(!status.success(), "the starved add failed");
    assert_whole(&env, &BTreeSet::from(["Kept".to_string()]));
    let titles = env.ok(&["list"]);
    assert!(!titles.contains("Starved"), "nothing half added: {titles}");
}

#[test]
fn an_add_while_another_process_holds_the_lock_fails_plainly_and_writes_nothing() {
    let env = Env::new();
    env.add("ce-activity", "Kept", &[]);
    let scan = env.dir.path().join("locked.pdf");
    std::fs::write(&scan, b"waiting for the lock").expect("write");
    let holder = rusqlite::Connection::open(env.db()).expect("open");
    holder
        .execute_batch("BEGIN IMMEDIATE")
        .expect("hold the write lock");
    let o = dossier(&env)
        .args([
            "add",
            "--kind",
            "ce-activity",
            "--title",
            "Blocked",
            "--attach",
        ])
        .arg(&scan)
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(
        o.status.code(),
        Some(1),
        "a lock timeout is a failure: {err}"
    );
    assert!(err.contains("locked"), "says the database is locked: {err}");
    holder.execute_batch("ROLLBACK").expect("release");
    drop(holder);
    assert_whole(&env, &BTreeSet::from(["Kept".to_string()]));
    env.add("ce-activity", "After the lock", &[]);
    let v: Value = env.json(&["list", "--json"]);
    assert_eq!(v.as_array().map(Vec::len), Some(2), "the retry works: {v}");
}
