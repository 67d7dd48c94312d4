//! Recording credentials: add, list, show, edit, remove, demo.

use super::common::{checkpoint, code, stderr, Env};
use serde_json::Value;
use std::process::Command;

#[test]
fn add_list_show_round_trip() {
    let env = Env::new();
    let scan = env.dir.path().join("certificate.pdf");
    std::fs::write(&scan, b"%PDF certificate").expect("scan");
    let out = env.ok(&[
        "add",
        "--kind",
        "certification",
        "--title",
        "Deep Learning for Diagnostics",
        "--issuer",
        "Stanford",
        "--started",
        "2021-01",
        "--completed",
        "2021-03",
        "--expires",
        "2024-03-31",
        "--hours",
        "12.5",
        "--credit-type",
        "AMA PRA Category 1",
        "--credential-id",
        "DL-42",
        "--url",
        "https://example.org/verify/DL-42",
        "--skill",
        "Deep learning=0.8",
        "--skill",
        "Statistics",
        "--notes",
        "Capstone on CXR",
        "--attach",
        scan.to_str().expect("utf-8 path"),
        "--verified",
    ]);
    assert!(out.starts_with("Added #1"), "add reports the id: {out}");
    let list = env.json(&["list", "--json"]);
    let rec = &list[0];
    assert_eq!(list.as_array().map(Vec::len), Some(1), "one record listed");
    assert_eq!(rec["id"], 1, "id");
    assert_eq!(rec["kind"], "certification", "kind");
    assert_eq!(rec["title"], "Deep Learning for Diagnostics", "title");
    assert_eq!(rec["issuer"], "Stanford", "issuer");
    assert_eq!(rec["started"], "2021-01", "month precision kept");
    assert_eq!(rec["completed"], "2021-03", "completed");
    assert_eq!(rec["expires"], "2024-03-31", "expires");
    assert_eq!(rec["hours"], 12.5, "hours");
    assert_eq!(rec["skills"][0]["name"], "Deep learning", "skill name");
    assert_eq!(rec["skills"][0]["relevance"], 0.8, "skill relevance");
    assert_eq!(rec["skills"][1]["relevance"], 1.0, "default relevance");
    assert_eq!(
        rec["evidence"][0]["name"], "certificate.pdf",
        "evidence name"
    );
    assert_eq!(
        rec["evidence"][0]["sha256"].as_str().map(str::len),
        Some(64),
        "evidence hash"
    );
    let shown = env.json(&["show", "1", "--json"]);
    assert_eq!(&shown, rec, "show --json equals the list entry");
    let human = env.ok(&["show", "1"]);
    assert!(
        human.contains("Deep learning (80%)"),
        "human detail lists skills: {human}"
    );
    let table = env.ok(&["list"]);
    assert!(
        table.contains("Deep Learning for Diagnostics") && table.contains("1 credential"),
        "{table}"
    );
}

#[test]
fn list_filters_search_and_sorts() {
    let env = Env::new();
    env.add(
        "degree",
        "MD",
        &["--completed", "2014", "--skill", "Clinical medicine"],
    );
    env.add(
        "ce-activity",
        "LLMs in documentation",
        &["--completed", "2025-02", "--hours", "1.5"],
    );
    env.add("micro-credential", "NLP for EHRs", &["--completed", "2022"]);
    let titles = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["list", "--json"];
        a.extend_from_slice(args);
        env.json(&a)
            .as_array()
            .expect("array")
            .iter()
            .map(|r| r["title"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(
        titles(&[]),
        ["LLMs in documentation", "NLP for EHRs", "MD"],
        "recent first"
    );
    assert_eq!(
        titles(&["--sort", "title"]),
        ["LLMs in documentation", "MD", "NLP for EHRs"],
        "by title"
    );
    assert_eq!(titles(&["--kind", "degree"]), ["MD"], "kind filter");
    assert_eq!(
        titles(&["--skill", "clinical medicine"]),
        ["MD"],
        "skill filter"
    );
    assert_eq!(
        titles(&["--search", "docum"]),
        ["LLMs in documentation"],
        "prefix search"
    );
    let err = env.fails(
        &["list", "--sort", "sideways"],
        2,
        "bad sort is a usage error",
    );
    assert!(err.contains("--sort"), "names the flag: {err}");
}

#[test]
fn every_bad_field_exits_2_names_the_flag_and_writes_nothing() {
    let env = Env::new();
    env.ok(&["add", "--kind", "degree", "--title", "MD"]);
    let before = env.db_bytes();
    let cases: &[(&[&str], &str)] = &[
        (&["--title", ""], "--title"),
        (
            &[
                "--title",
                "T",
                "--started",
                "2021-05",
                "--completed",
                "2021-04",
            ],
            "--completed",
        ),
        (
            &[
                "--title",
                "T",
                "--completed",
                "2022-01",
                "--expires",
                "2021-12",
            ],
            "--expires",
        ),
        (&["--title", "T", "--hours", "-2"], "--hours"),
        (&["--title", "T", "--hours", "NaN"], "--hours"),
        (&["--title", "T", "--url", "example dot org"], "--url"),
        (&["--title", "T", "--skill", "NLP=2"], "--skill"),
        (&["--title", "T", "--started", "2021-02-30"], "--started"),
        (&["--title", "T", "--expires", "soon"], "--expires"),
        (&["--title", &"x".repeat(400)], "--title"),
        (&["--title", "T", "--kind", "diploma"], "--kind"),
        (
            &["--title", "T", "--attach", "/nonexistent/scan.pdf"],
            "--attach",
        ),
    ];
    for (args, flag) in cases {
        let mut a = vec!["add"];
        if !args.contains(&"--kind") {
            a.extend(["--kind", "certification"]);
        }
        a.extend_from_slice(args);
        let o = env.run(&a);
        assert_eq!(code(&o), 2, "{a:?} should exit 2, stderr: {}", stderr(&o));
        assert!(
            stderr(&o).contains(flag),
            "{a:?}: message names {flag}: {}",
            stderr(&o)
        );
        let mut e = vec!["edit", "1"];
        e.extend_from_slice(&a[1..]);
        let o = env.run(&e);
        assert_eq!(code(&o), 2, "{e:?} should exit 2, stderr: {}", stderr(&o));
    }
    assert_eq!(
        env.db_bytes(),
        before,
        "the database is unchanged after every failure"
    );
}

#[test]
fn a_failed_add_does_not_create_a_database() {
    let env = Env::new();
    let o = env.run(&["add", "--kind", "degree", "--title", " "]);
    assert_eq!(code(&o), 2, "validation error");
    assert!(!env.db().exists(), "no database file was created");
    let err = env.fails(&["show", "3"], 1, "unknown id is exit 1");
    assert!(
        err.contains("no credential #3"),
        "says what is missing: {err}"
    );
    assert!(!env.db().exists(), "still no database file");
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    assert_eq!(
        code(&env.run(&["add", "--title", "No kind"])),
        2,
        "missing --kind"
    );
    assert_eq!(code(&env.run(&["frobnicate"])), 2, "unknown command");
    assert_eq!(code(&env.run(&["show", "abc"])), 2, "non-numeric id");
}

#[test]
fn edit_changes_only_given_fields() {
    let env = Env::new();
    env.add(
        "degree",
        "PhD, AI in Medicine",
        &[
            "--in-progress",
            "--started",
            "2023-09",
            "--completed",
            "2028-06",
            "--issuer",
            "UCSF",
            "--skill",
            "Deep learning",
        ],
    );
    env.ok(&["edit", "1", "--issuer", "", "--notes", "Year 3"]);
    let r = env.json(&["show", "1", "--json"]);
    assert_eq!(r["status"], "in-progress", "status kept");
    assert_eq!(r["issuer"], Value::Null, "empty value clears");
    assert_eq!(r["notes"], "Year 3", "notes set");
    assert_eq!(
        r["skills"][0]["name"], "Deep learning",
        "skills kept when not given"
    );
    let err = env.fails(
        &["edit", "1", "--done"],
        2,
        "a completion date in the future cannot be completed",
    );
    assert!(err.contains("--completed"), "names the field: {err}");
    env.ok(&["edit", "1", "--done", "--completed", "2026-06"]);
    assert_eq!(
        env.json(&["show", "1", "--json"])["status"],
        "completed",
        "marked done"
    );
}

#[test]
fn remove_and_restore() {
    let env = Env::new();
    env.ok(&["add", "--kind", "certification", "--title", "ACLS"]);
    let out = env.ok(&["remove", "1"]);
    assert!(
        out.contains("dossier restore 1"),
        "tells how to undo: {out}"
    );
    assert_eq!(
        env.json(&["list", "--json"]),
        Value::Array(vec![]),
        "removed from the list"
    );
    let err = env.fails(&["show", "1"], 1, "show of a removed record fails");
    assert!(err.contains("restore"), "and says how to restore: {err}");
    env.ok(&["restore", "1"]);
    assert_eq!(env.json(&["show", "1", "--json"])["title"], "ACLS", "back");
}

#[test]
fn demo_loads_into_an_empty_store_only() {
    let env = Env::new();
    let out = env.ok(&["demo"]);
    assert!(out.contains("records"), "reports the count: {out}");
    let n = env
        .json(&["list", "--json"])
        .as_array()
        .map(Vec::len)
        .unwrap_or(0);
    assert!(n >= 15, "demo portfolio has {n} records");
    let err = env.fails(&["demo"], 1, "second demo refused");
    assert!(err.contains("empty store"), "says why: {err}");
}

#[test]
fn dossier_db_env_is_honoured() {
    let env = Env::new();
    let path = env.dir.path().join("elsewhere.db");
    let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["add", "--kind", "degree", "--title", "MD"])
        .env("DOSSIER_DB", &path)
        .output()
        .expect("runs");
    assert!(o.status.success(), "add with DOSSIER_DB: {}", stderr(&o));
    assert!(path.exists(), "database created where DOSSIER_DB says");
}

#[test]
fn a_newer_database_is_refused_by_the_cli() {
    let env = Env::new();
    env.ok(&["add", "--kind", "degree", "--title", "MD"]);
    checkpoint(&env.db());
    rusqlite::Connection::open(env.db())
        .expect("open")
        .pragma_update(None, "user_version", 50)
        .expect("bump");
    let before = env.db_bytes();
    let err = env.fails(&["list"], 1, "refused");
    assert!(err.contains("newer version of Dossier"), "explains: {err}");
    assert_eq!(env.db_bytes(), before, "untouched");
}
