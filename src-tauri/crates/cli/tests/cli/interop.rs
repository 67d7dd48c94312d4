//! `dossier import`, `dossier export json|archive|jsonresume|csv` and `dossier restore FILE`
//! for archives, in temp dirs: the JSON shape, twice adds nothing, a bad file writes nothing,
//! and export -> restore -> export gives the same state, encrypted or not.

use crate::common::{code, fixture, stderr, Env};
use serde_json::Value;
use std::path::PathBuf;

fn file(env: &Env, name: &str, text: &str) -> String {
    let p = env.dir.path().join(name);
    std::fs::write(&p, text).expect("write");
    p.display().to_string()
}

const CERTS: &str = "Name,Url,Authority,Started On,Finished On,License Number\n\
    Clinical Informatics,,ABPM,Oct 2023,,CI-123\n\
    Deep Learning Specialization,https://coursera.org/verify/ABC,DeepLearning.AI,2021,,\n";

#[test]
fn import_json_has_the_documented_shape_and_twice_adds_nothing() {
    let env = Env::new();
    let badge = fixture("openbadges/baked-ob2.png");
    let csv = file(&env, "Certifications.csv", CERTS);
    let out = env.json(&["import", &badge, &csv, "--json"]);
    assert_eq!(out["added"], 3, "a badge and two certifications: {out}");
    let first = &out["records"][0];
    for key in [
        "action",
        "kind",
        "title",
        "issuer",
        "completed",
        "expires",
        "hours",
        "skills",
        "source",
        "matches",
        "reason",
    ] {
        assert!(first.get(key).is_some(), "records carry '{key}': {first}");
    }
    assert_eq!(first["action"], "add", "{first}");
    assert_eq!(first["source"]["format"], "openbadges", "{first}");
    assert_eq!(first["source"]["file"], "baked-ob2.png", "{first}");
    assert!(
        first["source"]["id"].is_string(),
        "the assertion's id: {first}"
    );
    assert_eq!(
        out["records"][1]["completed"], "2023-10",
        "month precision: {out}"
    );
    let again = env.json(&["import", &badge, &csv, "--json"]);
    assert_eq!(again["added"], 0, "the second import adds nothing: {again}");
    assert!(
        again["records"].as_array().is_some_and(|r| r
            .iter()
            .all(|r| r["action"] == "duplicate" && r["matches"].is_i64())),
        "each a duplicate naming its record: {again}"
    );
    assert_eq!(env.count(), 3, "three records in all");
}

#[test]
fn a_bad_file_exits_2_and_writes_nothing() {
    let env = Env::new();
    let csv = file(&env, "Certifications.csv", CERTS);
    let preview = env.ok(&["import", "--dry-run", &csv]);
    assert!(
        preview.contains("would add 2"),
        "a dry run says what it would do: {preview}"
    );
    assert!(!env.db().exists(), "a dry run creates no database");
    env.ok(&["import", &csv]);
    let before = env.db_bytes();
    let bad = file(
        &env,
        "truncated.json",
        "{\"@context\": \"https://w3id.org/openbadges/v2\", \"badge\":",
    );
    let err = env.fails(&["import", &csv, &bad], 2, "a truncated file");
    assert!(
        err.contains("truncated.json") && err.contains("line"),
        "names file and line: {err}"
    );
    let bomb = fixture("openbadges/bomb-ztxt.png");
    let err = env.fails(&["import", &bomb], 2, "a decompression bomb");
    assert!(err.contains("limit"), "says which bound: {err}");
    assert_eq!(env.db_bytes(), before, "the database is unchanged");
    let err = env.fails(&["import", &csv, "--format", "pdf"], 2, "an unknown format");
    assert!(err.contains("--format"), "names the flag: {err}");
}

#[test]
fn an_import_is_undone_by_removing_its_span() {
    let env = Env::new();
    let csv = file(&env, "Certifications.csv", CERTS);
    let out = env.ok(&["import", &csv]);
    assert!(
        out.contains("dossier remove 1-2"),
        "says how to undo: {out}"
    );
    env.ok(&["remove", "1-2"]);
    assert_eq!(env.count(), 0, "the import is undone");
    env.fails(&["remove", "1-9"], 1, "ids that are not all there");
}

fn export_json(env: &Env, name: &str) -> Value {
    let out = env.dir.path().join(name);
    env.ok(&["export", "json", "--out", &out.display().to_string()]);
    let mut v: Value = serde_json::from_slice(&std::fs::read(&out).expect("read")).expect("json");
    v["dossier"]["exported_at"] = Value::Null;
    v
}

fn portfolio() -> Env {
    let env = Env::new();
    env.ok(&["demo"]);
    env.ok(&["import", &fixture("openbadges/baked-ob2.png")]);
    env
}

#[test]
fn export_json_restores_into_an_empty_store_as_the_same_state() {
    // The JSON carries evidence hashes, not files: the archive test covers evidence.
    let env = Env::new();
    env.ok(&["demo"]);
    env.ok(&["import", &file(&env, "Certifications.csv", CERTS)]);
    let before = export_json(&env, "first.json");
    let path = env.dir.path().join("first.json");
    let empty = Env::new();
    let out = empty.ok(&["restore", &path.display().to_string()]);
    assert!(out.contains("Restored"), "{out}");
    assert_eq!(
        export_json(&empty, "again.json"),
        before,
        "the same logical state"
    );
}

#[test]
fn an_encrypted_archive_restores_and_refuses_a_wrong_passphrase_or_a_changed_byte() {
    let env = portfolio();
    let before = export_json(&env, "state.json");
    let archive: PathBuf = env.dir.path().join("dossier.zip");
    let a = archive.display().to_string();
    let pass = [("DOSSIER_PASSPHRASE", "correct horse battery staple")];
    let o = env.run_with(&["export", "archive", "--out", &a, "--encrypt"], &pass);
    assert_eq!(code(&o), 0, "the archive is written: {}", stderr(&o));
    let sealed = std::fs::read(&archive).expect("read archive");
    assert!(
        !sealed.windows(7).any(|w| w == b"dossier"),
        "nothing of the state is readable in the encrypted file"
    );
    let other = Env::new();
    other.ok(&["demo"]);
    let before_other = other.db_bytes();
    let wrong = other.run_with(
        &["restore", &a, "--yes"],
        &[("DOSSIER_PASSPHRASE", "wrong")],
    );
    assert_eq!(code(&wrong), 2, "a wrong passphrase: {}", stderr(&wrong));
    assert!(
        stderr(&wrong).contains("passphrase"),
        "says why: {}",
        stderr(&wrong)
    );
    let mut flipped = sealed.clone();
    let at = flipped.len() / 2;
    flipped[at] ^= 0x01;
    let f = env.dir.path().join("flipped.zip");
    std::fs::write(&f, &flipped).expect("write");
    let changed = other.run_with(&["restore", &f.display().to_string(), "--yes"], &pass);
    assert_eq!(code(&changed), 2, "a flipped byte: {}", stderr(&changed));
    assert_eq!(other.db_bytes(), before_other, "nothing changed");
    let refused = other.run_with(&["restore", &a], &pass);
    assert_eq!(
        code(&refused),
        2,
        "a store with records asks first: {}",
        stderr(&refused)
    );
    let empty = Env::new();
    let o = empty.run_with(&["restore", &a], &pass);
    assert_eq!(code(&o), 0, "restored: {}", stderr(&o));
    assert_eq!(
        export_json(&empty, "restored.json"),
        before,
        "the identical logical state"
    );
}

#[test]
fn json_resume_and_csv_exports_are_written() {
    let env = portfolio();
    let resume = env.dir.path().join("resume.json");
    env.ok(&[
        "export",
        "jsonresume",
        "--out",
        &resume.display().to_string(),
    ]);
    let v: Value = serde_json::from_slice(&std::fs::read(&resume).expect("read")).expect("json");
    assert!(
        v["certificates"].as_array().is_some_and(|c| !c.is_empty()),
        "certificates exported: {v}"
    );
    let csv = env.dir.path().join("records.csv");
    env.ok(&["export", "csv", "--out", &csv.display().to_string()]);
    let text = String::from_utf8(std::fs::read(&csv).expect("read")).expect("utf-8");
    assert!(
        text.trim_start_matches('\u{feff}')
            .starts_with("uuid,kind,status,title"),
        "the header first: {text}"
    );
    let records = env.json(&["list", "--json"]);
    for r in records.as_array().into_iter().flatten() {
        let uuid = r["uuid"].as_str().unwrap_or("missing");
        assert!(text.contains(uuid), "every record has its row: {uuid}");
    }
}

#[test]
fn an_encrypted_archive_imports_its_records_once() {
    let env = portfolio();
    let a = env.dir.path().join("all.zip").display().to_string();
    let pass = [("DOSSIER_PASSPHRASE", "s3cret passphrase")];
    let o = env.run_with(&["export", "archive", "--out", &a, "--encrypt"], &pass);
    assert_eq!(code(&o), 0, "written: {}", stderr(&o));
    let other = Env::new();
    let o = other.run_with(&["import", &a, "--json"], &pass);
    assert_eq!(code(&o), 0, "imported: {}", stderr(&o));
    let out: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(
        out["added"].as_u64(),
        Some(env.count() as u64),
        "every record: {out}"
    );
    assert_eq!(out["records"][0]["source"]["format"], "archive", "{out}");
    let o = other.run_with(&["import", &a, "--json"], &pass);
    let again: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(
        again["added"], 0,
        "matched by their Dossier identity: {again}"
    );
    let o = other.run_with(&["import", &a], &[("DOSSIER_PASSPHRASE", "wrong")]);
    assert_eq!(code(&o), 2, "a wrong passphrase: {}", stderr(&o));
}
