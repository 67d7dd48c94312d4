//! Frameworks in the store: the shipped ones, import and export, the active one, aliases,
//! and coverage of the demo portfolio.

use super::credentials::{mem, today};
use dossier_store::Error;

const MINI: &str = r#"{"id": "mini", "name": "Mini", "nodes": [
  {"id": "d", "name": "Domain"},
  {"id": "s", "parent": "d", "name": "Statistics", "half_life_years": 10}]}"#;

#[test]
fn the_shipped_frameworks_are_there_and_one_is_active() {
    let store = mem();
    let list = store.frameworks().expect("list");
    let ids: Vec<&str> = list.iter().map(|f| f.id.as_str()).collect();
    assert!(
        ids.contains(&"healthcare-ai") && ids.contains(&"russell-2023"),
        "{ids:?}"
    );
    assert_eq!(
        list.iter().filter(|f| f.active).count(),
        1,
        "exactly one active"
    );
    assert_eq!(
        store.active_framework_id().expect("active"),
        "healthcare-ai",
        "the default"
    );
}

#[test]
fn a_bad_import_changes_nothing() {
    let store = mem();
    store.import_framework(MINI).expect("valid import");
    store.use_framework("mini").expect("use");
    let before = store.frameworks().expect("list");
    let bad = MINI
        .replace(r#""half_life_years": 10"#, r#""half_life_years": -1"#)
        .replace("mini", "mini2");
    let err = store.import_framework(&bad).expect_err("bad half-life");
    assert!(
        matches!(&err, Error::Invalid(f) if f[0].field == "node 's'"),
        "names the node: {err}"
    );
    assert_eq!(
        store.frameworks().expect("list"),
        before,
        "nothing imported"
    );
    assert_eq!(
        store.active_framework_id().expect("active"),
        "mini",
        "the active one is unchanged"
    );
    let err = store.use_framework("nope").expect_err("unknown framework");
    assert!(
        err.to_string().contains("nope"),
        "an unknown framework cannot be used, and is named: {err}"
    );
    let exported = store.export_framework("mini").expect("export");
    assert!(
        exported.contains("\"Statistics\""),
        "export is the framework's JSON"
    );
}

#[test]
fn the_demo_tells_the_expected_story() {
    let store = mem();
    store.load_demo(today()).expect("demo");
    let cov = store.coverage(today(), None).expect("coverage");
    let domain = |id: &str| cov.domains.iter().find(|d| d.id == id).expect("domain");
    let clinical = domain("clinical");
    let csml = domain("csml");
    let regulation = domain("regulation");
    assert!(
        clinical.earned >= 0.6,
        "a strong clinical base: {clinical:?}"
    );
    assert!(
        csml.earned - csml.current >= 0.15,
        "AI skills earned but partly decayed: {} vs {}",
        csml.earned,
        csml.current
    );
    assert!(
        regulation.current < regulation.earned * 0.6,
        "regulation stale after field changes: {} vs {}",
        regulation.current,
        regulation.earned
    );
    let plan = store.plan(today(), None).expect("plan");
    assert!(!plan.is_empty(), "a learning plan");
    assert!(
        plan.windows(2).all(|w| w[0].priority >= w[1].priority),
        "ranked by priority"
    );
}

#[test]
fn aliases_map_unmapped_skills() {
    let store = mem();
    store.import_framework(MINI).expect("import");
    let mut rec = super::credentials::input(
        "Biostat course",
        dossier_core::CredentialKind::CeActivity,
        &["Biostatistics II"],
    );
    rec.hours = Some(20.0);
    store.add(&rec, &[], "manual").expect("add");
    let cov = store.coverage(today(), Some("mini")).expect("coverage");
    assert_eq!(cov.unmapped, ["Biostatistics II"], "not mapped yet");
    let err = store
        .set_alias("mini", "Biostatistics II", "d")
        .expect_err("a domain");
    assert!(
        matches!(&err, Error::Invalid(f) if f[0].field == "skill"),
        "a domain is not a skill: {err}"
    );
    store
        .set_alias("mini", "Biostatistics II", "s")
        .expect("alias");
    let cov = store.coverage(today(), Some("mini")).expect("coverage");
    assert!(cov.unmapped.is_empty(), "mapped");
    assert!(
        cov.domains[0].skills[0].earned > 0.0,
        "the record counts for Statistics"
    );
}

#[test]
fn an_edit_in_the_app_is_validated_like_an_import() {
    let store = mem();
    let mut fw = store.framework("healthcare-ai").expect("shipped");
    let before = store.framework("healthcare-ai").expect("shipped");
    let first = fw
        .nodes
        .iter()
        .position(|n| n.parent.is_some())
        .expect("a skill");
    fw.nodes[first].half_life_years = Some(0.0);
    let err = store.save_framework(&fw).expect_err("half-life 0");
    assert!(
        err.to_string().contains(&fw.nodes[first].id),
        "names the node: {err}"
    );
    assert_eq!(
        store.framework("healthcare-ai").expect("kept"),
        before,
        "unchanged"
    );
    fw.nodes[first].half_life_years = Some(4.0);
    store.save_framework(&fw).expect("valid edit");
    let saved = store.framework("healthcare-ai").expect("saved");
    assert_eq!(
        saved.nodes[first].half_life_years,
        Some(4.0),
        "the edit is kept"
    );
}

#[test]
fn the_profile_is_kept_and_checked() {
    let store = mem();
    let mut p = dossier_core::profile::Profile {
        name: "Dr. Ana".into(),
        ..Default::default()
    };
    store.set_profile(&p).expect("save");
    assert_eq!(store.profile().expect("read").name, "Dr. Ana", "kept");
    p.phone = "1".repeat(41);
    let err = store
        .set_profile(&p)
        .expect_err("too long for the report's line");
    assert!(
        matches!(&err, Error::Invalid(f) if f[0].field == "phone"),
        "names the field: {err}"
    );
    assert_eq!(store.profile().expect("read").phone, "", "nothing written");
}

#[test]
fn a_framework_file_is_bounded_before_it_is_read() {
    let store = mem();
    let dir = tempfile::tempdir().expect("temp dir");
    let small = dir.path().join("mini.json");
    std::fs::write(&small, MINI).expect("write");
    let fw = store
        .import_framework_file(&small)
        .expect("a small file imports");
    assert_eq!(fw.id, "mini", "imported from the file");
    let big = dir.path().join("huge.json");
    let padding = " ".repeat(dossier_store::MAX_FRAMEWORK_BYTES as usize);
    std::fs::write(&big, format!("{padding}{MINI}")).expect("write");
    match store.import_framework_file(&big) {
        Err(Error::FileTooLarge { path, limit, .. }) => {
            assert_eq!(path, big, "names the file");
            assert_eq!(limit, dossier_store::MAX_FRAMEWORK_BYTES, "names the limit");
        }
        other => panic!("a file over the limit is refused unread, got {other:?}"),
    }
    match store.import_framework_file(&dir.path().join("missing.json")) {
        Err(Error::Io { path, .. }) => assert!(path.ends_with("missing.json"), "{path:?}"),
        other => panic!("a missing file is an I/O error naming it, got {other:?}"),
    }
}
