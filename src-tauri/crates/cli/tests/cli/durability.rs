//! Backups that are whole or absent, restores that can be undone, and reading commands that
//! never create a store where none was.

use crate::common::Env;
use std::process::Command;

#[test]
fn a_reading_command_on_a_mistyped_db_is_an_error_and_creates_nothing() {
    let env = Env::new();
    for args in [
        &["list"][..],
        &["flags"],
        &["backups"],
        &["backup", "/tmp/never.db"],
    ] {
        let err = env.fails(args, 1, "no database at --db");
        assert!(err.contains("no Dossier database at"), "{args:?}: {err}");
    }
    assert!(
        !env.db().exists(),
        "nothing was created at the mistyped path"
    );
}

/// Fills the store past 300 KB, so that a copy limited to 256 KiB dies before it ends.
fn big_store(env: &Env) {
    let notes = "n".repeat(5_000);
    for i in 0..60 {
        env.add("ce-activity", &format!("Course {i}"), &["--notes", &notes]);
    }
}

#[test]
fn a_backup_killed_halfway_leaves_nothing_under_its_name_and_a_retry_works() {
    let env = Env::new();
    big_store(&env);
    // Beside the database, where the next open looks for leftovers.
    let folder = env.db().parent().expect("data folder").to_path_buf();
    let target = folder.join("copy.db");
    // The shell's file-size limit stops the copy as a full disk or a kill would: the process
    // dies of SIGXFSZ with the copy half written.
    let script = format!(
        "ulimit -f 512; exec {} --db {} backup {}",
        env!("CARGO_BIN_EXE_dossier"),
        env.db().display(),
        target.display()
    );
    let killed = Command::new("sh")
        .args(["-c", &script])
        .status()
        .expect("sh runs");
    assert!(!killed.success(), "the limited backup did not finish");
    assert!(
        !target.exists(),
        "no file under the backup's name after the failure"
    );
    let out = env.ok(&["backup", target.to_str().expect("utf-8")]);
    assert!(
        out.contains("60 records"),
        "the retry writes a checked copy: {out}"
    );
    // The half-written copy is a hidden temporary file; the next open sweeps it away.
    env.add("ce-activity", "After", &[]);
    let leftovers: Vec<_> = std::fs::read_dir(&folder)
        .expect("read")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files remain: {leftovers:?}"
    );
}

#[test]
fn a_restore_checks_the_backup_keeps_the_current_database_and_can_be_undone() {
    let env = Env::new();
    env.add("degree", "Kept in the backup", &[]);
    let copy = env.dir.path().join("copy.db");
    env.ok(&["backup", copy.to_str().expect("utf-8")]);
    env.add("degree", "Added after the backup", &[]);

    let junk = env.dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database at all").expect("write");
    let err = env.fails(
        &["restore", junk.to_str().expect("utf-8")],
        1,
        "a bad backup",
    );
    assert!(err.contains("cannot be used"), "says why: {err}");
    assert!(env.ok(&["list"]).contains("Added after"), "nothing changed");

    let out = env.ok(&["restore", copy.to_str().expect("utf-8")]);
    assert!(out.contains("Restored 1 records"), "{out}");
    let list = env.ok(&["list"]);
    assert!(
        list.contains("Kept in the backup") && !list.contains("Added after"),
        "{list}"
    );
    let backups = env.json(&["backups", "--json"]);
    let aside = backups
        .as_array()
        .and_then(|b| {
            b.iter().find(|b| {
                b["backup"]["path"]
                    .as_str()
                    .is_some_and(|p| p.contains("before-restore"))
            })
        })
        .cloned()
        .unwrap_or_else(|| panic!("the database before the restore is kept: {backups}"));
    assert_eq!(aside["backup"]["records"], 2, "as it was: {aside}");
    let undo = aside["backup"]["path"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    env.ok(&["restore", &undo]);
    assert!(
        env.ok(&["list"]).contains("Added after"),
        "the restore was undone"
    );
}

#[test]
fn check_says_all_is_well_only_when_it_is() {
    let env = Env::new();
    let scan = env.dir.path().join("scan.pdf");
    std::fs::write(&scan, b"the certificate").expect("write");
    env.add("degree", "MD", &["--attach", scan.to_str().expect("utf-8")]);
    let out = env.ok(&["check"]);
    assert!(out.contains("ok   evidence: 1 files"), "{out}");
    assert!(
        out.contains("ok   backups: 1 verified"),
        "the day's backup: {out}"
    );

    let v = env.json(&["list", "--json"]);
    let sha = v[0]["evidence"][0]["sha256"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let blob = env
        .db()
        .parent()
        .expect("data")
        .join("evidence")
        .join(&sha[..2])
        .join(&sha);
    std::fs::write(&blob, b"the certificate, edited").expect("alter the evidence");
    let o = env.run(&["check"]);
    let said = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        crate::common::code(&o),
        1,
        "an altered file fails the check: {said}"
    );
    assert!(
        said.contains("altered") && said.contains(&sha),
        "names the file: {said}"
    );
    std::fs::remove_file(&blob).expect("now lose it");
    let said = env.fails(&["check", "--json"], 1, "a missing file fails the check");
    assert!(said.contains("not everything is well"), "{said}");
    let report = env.run(&["check", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&report.stdout).expect("JSON");
    assert_eq!(v["evidence_problems"][0]["problem"], "missing", "{v}");
}

/// Overwrites the middle pages of the (checkpointed) database, as a failing disk would.
fn damage(env: &Env) {
    crate::common::checkpoint(&env.db());
    let mut bytes = std::fs::read(env.db()).expect("read");
    let page = 4096;
    let pages = bytes.len() / page;
    assert!(
        pages > 6,
        "a store big enough to damage in the middle ({pages} pages)"
    );
    for n in [pages / 2, pages / 2 + 1] {
        bytes[n * page..(n + 1) * page].fill(0x5A);
    }
    std::fs::write(env.db(), &bytes).expect("write");
}

#[test]
fn a_damaged_store_is_refused_for_writing_and_restored_or_salvaged() {
    let env = Env::new();
    env.ok(&["demo"]);
    let before = env
        .json(&["list", "--json"])
        .as_array()
        .map(Vec::len)
        .unwrap_or(0);
    // The day's backup holds the store as it was before the day's first change (empty);
    // a copy taken after the demo is what gets restored.
    let backups = env.json(&["backups", "--json"]);
    let daily = backups[0]["backup"]["path"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(!daily.is_empty(), "the day's backup was taken: {backups}");
    let copy = env.dir.path().join("after-demo.db");
    env.ok(&["backup", copy.to_str().expect("utf-8")]);
    let backup = copy.display().to_string();
    damage(&env);
    let damaged = std::fs::read(env.db()).expect("read");

    let err = env.fails(
        &["add", "--kind", "degree", "--title", "Never written"],
        1,
        "damaged",
    );
    assert!(err.contains("is damaged"), "says so: {err}");
    assert!(
        err.contains(&env.db().display().to_string()),
        "names the file: {err}"
    );
    assert!(err.contains(&daily), "names the newest good backup: {err}");
    assert!(
        std::fs::read(env.db()).expect("read") == damaged,
        "nothing was written"
    );

    // Salvage first (it only reads), then restore the backup over the damaged file.
    let salvaged = env.dir.path().join("data").join("salvaged.db");
    let out = env.ok(&["recover", "--out", salvaged.to_str().expect("utf-8")]);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--db")
        .arg(&salvaged)
        .args(["list", "--json"])
        .output()
        .expect("run");
    let read: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let n = read.as_array().map(Vec::len).unwrap_or(0);
    assert!(
        n > 0 && n <= before,
        "some records were read ({n} of {before})"
    );
    assert!(
        out.contains(&format!("Read {n} records")),
        "the report says so: {out}"
    );
    assert!(
        std::fs::read(env.db()).expect("read") == damaged,
        "recover only reads"
    );

    let out = env.ok(&["restore", &backup]);
    assert!(out.contains("damaged database is kept as"), "{out}");
    let after = env
        .json(&["list", "--json"])
        .as_array()
        .map(Vec::len)
        .unwrap_or(0);
    assert_eq!(after, before, "every record is back");
    let kept: Vec<_> = std::fs::read_dir(env.dir.path().join("data"))
        .expect("read")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept aside, not deleted");
    assert!(
        std::fs::read(kept[0].path()).expect("read") == damaged,
        "byte for byte"
    );
}

#[test]
fn a_subcommand_with_bad_input_creates_no_store() {
    let env = Env::new();
    let bad = env.dir.path().join("bad.json");
    std::fs::write(&bad, "{ not json").expect("write");
    for args in [
        &[
            "requirement",
            "add",
            "--name",
            "CME",
            "--ends",
            "2027-13-01",
            "--hours",
            "50",
        ][..],
        &[
            "field-change",
            "add",
            "--title",
            "X",
            "--announced",
            "someday",
            "--impact",
            "0.5",
        ],
        &["skill", "set", "Statistics", "--half-life", "3,5"],
        &["profile", "set", "--name", "Two\nlines"],
        &["framework", "import", bad.to_str().expect("utf-8")],
    ] {
        let o = env.run(args);
        assert_eq!(crate::common::code(&o), 2, "{args:?}: refused as bad input");
        assert!(
            !env.db().exists(),
            "{args:?}: no database was created for it"
        );
    }
}
