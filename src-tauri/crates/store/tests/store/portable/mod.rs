//! The full-state export and its restore: a round trip of a rich portfolio gives the same
//! export, a merge adds only what is new (and nothing the second time), a bad entry writes
//! nothing, and hostile values are refused or stay text.

mod random;

use super::credentials::{day, input, temp_db, today};
use dossier_core::field_change::FieldChange;
use dossier_core::profile::Profile;
use dossier_core::renewal::RenewalDraft;
use dossier_core::requirements::Requirement;
use dossier_core::{CredentialKind, UserSettings};
use dossier_store::{Error, Portable, Store};
use std::path::Path;

const CUSTOM: &str = r#"{"id": "custom", "name": "Custom <b>framework</b>", "nodes": [
  {"id": "d", "name": "Domain"},
  {"id": "s", "parent": "d", "name": "Statistics", "half_life_years": 7.5},
  {"id": "t", "parent": "d", "name": "Teaching", "half_life_years": 12}]}"#;

/// The export as JSON without the one field two exports of one state may differ in.
pub fn stripped(p: &Portable) -> serde_json::Value {
    let mut v = serde_json::to_value(p).expect("an export serialises");
    v["dossier"]
        .as_object_mut()
        .expect("a header")
        .remove("exported_at");
    v
}

/// A store's evidence files, as an archive reader hands them to a restore.
pub fn blobs_of(store: &Store) -> impl Fn(&str) -> Option<Vec<u8>> + '_ {
    move |sha| std::fs::read(store.evidence_file(sha).ok()?).ok()
}

/// Rows of every table a restore writes, to see that a failed one wrote nothing.
pub fn rows(store: &Store) -> Vec<(String, i64)> {
    let tables = [
        "credentials",
        "credential_skills",
        "skills",
        "evidence",
        "field_changes",
        "field_change_skills",
        "renewals",
        "requirements",
        "settings",
        "frameworks",
        "framework_aliases",
    ];
    tables
        .iter()
        .map(|t| {
            let n = store
                .with_conn(|c| {
                    Ok(c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?)
                })
                .expect("count");
            (t.to_string(), n)
        })
        .collect()
}

fn requirement(name: &str, credential: Option<i64>) -> Requirement {
    Requirement {
        id: 0,
        name: name.into(),
        ends: day("2027-06-30"),
        cycle_months: 24,
        hours: 50.0,
        credit_type: Some("AMA PRA Category 1".into()),
        topics: vec![],
        caps: vec![],
        windows: vec![],
        first_cycle: false,
        credential,
    }
}

/// The demo portfolio plus everything else a person sets: requirements, field changes, a
/// framework of their own with aliases, settings, half-lives, renewals, evidence, and a
/// removed record (which an export leaves out).
fn rich(dir: &Path) -> Store {
    let store = Store::open(&dir.join("dossier.db")).expect("open");
    store.load_demo(today()).expect("demo");
    let all = store.list(&Default::default()).expect("list");
    let scan = dir.join("certificate.pdf");
    std::fs::write(&scan, b"%PDF-1.7 a scanned certificate").expect("write scan");
    let first = &all[0];
    store
        .update(first.id, &first.input(), &[scan])
        .expect("evidence added");
    let renewable = all
        .iter()
        .find(|c| c.expires.is_some())
        .expect("a record that expires");
    let draft = RenewalDraft {
        completed: "2026-10-01".into(),
        expires: "2028-10-01".into(),
    };
    store.renew(renewable.id, &draft, today()).expect("renewal");
    store
        .add_requirement(&requirement("State medical licence", Some(renewable.id)))
        .expect("requirement");
    store
        .add_requirement(&requirement("Board MOC", None))
        .expect("requirement");
    store
        .add_field_change(&FieldChange {
            id: 0,
            announced: day("2026-02-01"),
            effective: vec![],
            title: "Local AI policy".into(),
            jurisdiction: Some("US".into()),
            skills: vec!["Ethical AI governance".into()],
            impact: 0.4,
            source: None,
            note: Some("hospital-wide".into()),
        })
        .expect("field change");
    let shipped = store.field_changes().expect("changes");
    store
        .remove_field_change(shipped[0].id)
        .expect("a shipped change removed");
    store.import_framework(CUSTOM).expect("framework");
    store.use_framework("custom").expect("use");
    store
        .set_alias("custom", "Biostatistics", "s")
        .expect("alias");
    store
        .set_user_settings(&UserSettings {
            warning_days: 45,
            default_half_life: 4.5,
            reminders: false,
        })
        .expect("settings");
    store
        .set_half_life("Teaching", 12.0)
        .expect("a new half-life");
    store
        .set_half_life("Statistics", 8.0)
        .expect("a changed one");
    let gone = store
        .add(
            &input("Removed course", CredentialKind::CeActivity, &[]),
            &[],
            "manual",
        )
        .expect("add");
    store.remove(gone.id).expect("remove");
    // Times of another day than a restore's, so that one the restore did not keep shows.
    store
        .with_conn(|c| {
            c.execute_batch(
                "UPDATE credentials SET created_at = '2021-02-03T04:05:06Z', \
                     updated_at = printf('2022-01-01T00:00:%02dZ', id % 60); \
                 UPDATE evidence SET added_at = '2023-03-03T03:03:03Z'; \
                 UPDATE renewals SET renewed_at = '2024-04-04T04:04:04Z'; \
                 UPDATE requirements SET created_at = '2020-05-05T05:05:05Z'; \
                 UPDATE field_changes SET created_at = '2019-06-06T06:06:06Z'; \
                 UPDATE frameworks SET updated_at = '2018-07-07T07:07:07Z';",
            )?;
            Ok(())
        })
        .expect("older times");
    store
}

/// `rich` in a temporary folder, and its export.
fn rich_export() -> (tempfile::TempDir, Store, Portable) {
    let (dir, _) = temp_db();
    let a = rich(dir.path());
    let export = a.export_state().expect("export");
    (dir, a, export)
}

#[test]
fn a_rich_portfolio_comes_back_exactly() {
    let (_dir, a, export) = rich_export();
    assert_eq!(export.credentials.len(), 19, "the live demo records only");
    assert!(
        export
            .credentials
            .iter()
            .all(|c| c.record.title != "Removed course"),
        "a removed record is left out"
    );
    let again = a.export_state().expect("export again");
    assert_eq!(stripped(&export), stripped(&again), "two exports agree");
    let text = export.to_json().expect("json");
    assert_eq!(
        Portable::from_json(text.as_bytes()).expect("read back"),
        export,
        "the JSON reads back as it was written"
    );

    let (dir_b, path_b) = temp_db();
    let b = Store::open(&path_b).expect("a fresh store");
    let summary = b
        .restore_state(&export, &blobs_of(&a), today())
        .expect("restore");
    assert!(summary.replaced, "a fresh store is replaced: {summary:?}");
    assert!(summary.missing_evidence.is_empty(), "{summary:?}");
    assert_eq!(summary.added.credentials, 19, "{summary:?}");
    assert_eq!(summary.added.evidence, 1, "{summary:?}");
    let restored = b.export_state().expect("export of the restored store");
    assert_eq!(stripped(&restored), stripped(&export), "the same state");
    let sha = scan_hash(&export);
    let copy = std::fs::read(b.evidence_file(sha).expect("the file is there")).expect("read");
    assert_eq!(
        copy, b"%PDF-1.7 a scanned certificate",
        "the evidence bytes"
    );
    assert_eq!(
        b.active_framework_id().expect("active"),
        "custom",
        "the active framework"
    );
    assert_eq!(
        b.user_settings().expect("settings").warning_days,
        45,
        "settings"
    );
    drop(dir_b);
}

/// The SHA-256 of the one evidence file of `rich`.
fn scan_hash(p: &Portable) -> &str {
    p.evidence_hashes()
        .first()
        .copied()
        .expect("one evidence file")
}

#[test]
fn a_json_only_restore_lists_the_files_it_lacks() {
    let (_dir, a, export) = rich_export();
    let (_dir_b, path_b) = temp_db();
    let b = Store::open(&path_b).expect("a fresh store");
    let summary = b
        .restore_state(&export, &|_| None, today())
        .expect("restore");
    assert_eq!(summary.missing_evidence.len(), 1, "{summary:?}");
    assert_eq!(summary.missing_evidence[0].name, "certificate.pdf", "named");
    let restored = b.export_state().expect("export");
    let linked: usize = restored.credentials.iter().map(|c| c.evidence.len()).sum();
    assert_eq!(linked, 0, "no link to a file the store does not hold");
    assert_eq!(b.count().expect("count"), 19, "every record is there");
    // In a store that has the file already, the link is written.
    let (_dir_c, path_c) = temp_db();
    let c = Store::open(&path_c).expect("store");
    let sha = scan_hash(&export);
    let bytes = std::fs::read(a.evidence_file(sha).expect("file")).expect("read");
    let blob = dossier_store::evidence_dir_for(&path_c)
        .join(&sha[..2])
        .join(sha);
    std::fs::create_dir_all(blob.parent().expect("fan-out")).expect("dir");
    std::fs::write(&blob, &bytes).expect("a copy already there");
    let summary = c
        .restore_state(&export, &|_| None, today())
        .expect("restore");
    assert!(
        summary.missing_evidence.is_empty(),
        "found here: {summary:?}"
    );
    assert_eq!(
        stripped(&c.export_state().expect("export")),
        stripped(&export),
        "identical"
    );
}

#[test]
fn a_merge_adds_what_is_new_and_nothing_the_second_time() {
    let (_dir, a, export) = rich_export();
    let (_dir_c, path_c) = temp_db();
    let c = Store::open(&path_c).expect("store");
    let own = c
        .add(
            &input("My own record", CredentialKind::Degree, &["Statistics"]),
            &[],
            "manual",
        )
        .expect("add");
    c.set_half_life("Statistics", 3.0)
        .expect("a half-life of its own");
    c.add_requirement(&requirement("Board MOC", None))
        .expect("a clashing name");
    let first = c
        .restore_state(&export, &blobs_of(&a), today())
        .expect("merge");
    assert!(!first.replaced, "a store with records merges: {first:?}");
    assert_eq!(first.added.credentials, 19, "{first:?}");
    assert_eq!(
        first.kept.requirements, 1,
        "the clashing name is kept: {first:?}"
    );
    assert_eq!(first.added.requirements, 1, "{first:?}");
    assert!(
        first.added.field_changes >= 1,
        "the custom change: {first:?}"
    );
    assert!(
        first.notes.iter().any(|n| n.contains("Board MOC")),
        "the clash is told: {first:?}"
    );
    assert_eq!(c.get(own.id).expect("own").title, "My own record", "kept");
    let stats = c.skill_areas().expect("areas");
    let s = stats
        .iter()
        .find(|s| s.name == "Statistics")
        .expect("there");
    assert_eq!(s.half_life_years, 3.0, "this store's half-life is kept");
    let before = rows(&c);
    let state = stripped(&c.export_state().expect("export"));
    let second = c
        .restore_state(&export, &blobs_of(&a), today())
        .expect("merge again");
    assert_eq!(
        second.added,
        Default::default(),
        "nothing added: {second:?}"
    );
    assert_eq!(second.kept.credentials, 19, "{second:?}");
    assert_eq!(rows(&c), before, "no row written");
    assert_eq!(
        stripped(&c.export_state().expect("export")),
        state,
        "the same state"
    );
}

#[test]
fn a_bad_entry_writes_nothing_and_is_named() {
    let (_dir, a, export) = rich_export();
    for (target, fresh) in [
        (a.clone(), false),
        (Store::open_in_memory().expect("mem"), true),
    ] {
        let before = rows(&target);
        let mut bad = export.clone();
        bad.credentials[3].record.title = "   ".into();
        let err = target
            .restore_state(&bad, &|_| None, today())
            .expect_err("no title");
        assert!(
            err.to_string()
                .contains("credentials[3].title: is required"),
            "names the entry: {err}"
        );
        let mut late = export.clone();
        // Found only inside the transaction: everything before it is rolled back.
        let r = &mut late.requirements[0];
        r.uuid = "0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5c".into();
        r.name = "A requirement new to both".into();
        r.credential = Some("0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b".into());
        let err = target
            .restore_state(&late, &|_| None, today())
            .expect_err("an unknown credential");
        assert!(
            err.to_string().contains("requirements[0].credential"),
            "{err}"
        );
        assert_eq!(
            rows(&target),
            before,
            "nothing written (fresh store: {fresh})"
        );
    }
}

/// A change that makes an export invalid.
type Spoil = fn(&mut Portable);

#[test]
fn hostile_values_are_refused_or_stay_text() {
    let (_dir, _a, export) = rich_export();
    let target = Store::open_in_memory().expect("mem");
    let cases: [(&str, Spoil); 7] = [
        ("credentials[0].uuid: 'x'); DROP", |p| {
            p.credentials[0].uuid = "x'); DROP TABLE credentials;--".into()
        }),
        ("evidence[0].sha256", |p| {
            let c = p
                .credentials
                .iter_mut()
                .find(|c| !c.evidence.is_empty())
                .expect("one");
            c.evidence[0].sha256 = "../../../../etc/passwd".into();
        }),
        ("dossier.version", |p| p.dossier.version = 2),
        ("credentials[1].created_at", |p| {
            p.credentials[1].created_at = "yesterday".into()
        }),
        ("frameworks", |p| {
            p.frameworks.iter_mut().for_each(|f| f.active = true)
        }),
        ("renewals[0].credential", |p| {
            p.renewals[0].credential = "0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b".into()
        }),
        ("credentials[2].source_file", |p| {
            p.credentials[2].source_file = Some("cert\u{202E}fdp.exe".into())
        }),
    ];
    for (field, spoil) in cases {
        let mut p = export.clone();
        spoil(&mut p);
        let err = target
            .restore_state(&p, &|_| None, today())
            .expect_err(field);
        let text = err.to_string();
        assert!(
            matches!(err, Error::Invalid(_)) && text.contains(field),
            "{field}: {text}"
        );
    }
    let mut p = export.clone();
    let sneaky = "<script>alert(1)</script>'); DROP TABLE credentials;--";
    p.credentials[0].record.title = sneaky.into();
    p.credentials[0].record.notes = Some("\"quoted\" and ' single".into());
    p.profile = Profile {
        name: "Robert'); DROP TABLE settings;--".into(),
        ..p.profile
    };
    target
        .restore_state(&p, &|_| None, today())
        .expect("restore");
    let back = target.export_state().expect("export");
    let c = back
        .credentials
        .iter()
        .find(|c| c.uuid == p.credentials[0].uuid)
        .expect("there");
    assert_eq!(c.record.title, sneaky, "stored as text");
    assert_eq!(back.profile.name, p.profile.name, "stored as text");
}

#[test]
fn identities_match_in_any_case_and_a_removed_record_stays_removed() {
    let (_dir, a, export) = rich_export();
    let mut upper = export.clone();
    upper
        .credentials
        .iter_mut()
        .for_each(|c| c.uuid = c.uuid.to_uppercase());
    upper
        .renewals
        .iter_mut()
        .for_each(|r| r.credential = r.credential.to_uppercase());
    let b = Store::open_in_memory().expect("mem");
    b.restore_state(&upper, &|_| None, today())
        .expect("upper-case UUIDs are UUIDs");
    let back = b.export_state().expect("export");
    assert_eq!(
        back.credentials[0].uuid, export.credentials[0].uuid,
        "kept in lower case"
    );
    let first = &export.credentials[0];
    let id = a
        .list(&Default::default())
        .expect("list")
        .into_iter()
        .find(|c| c.uuid == first.uuid)
        .expect("there")
        .id;
    a.remove(id).expect("remove");
    let summary = a
        .restore_state(&upper, &blobs_of(&a), today())
        .expect("merge");
    assert_eq!(summary.added, Default::default(), "{summary:?}");
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.contains(&format!("dossier restore {id}"))),
        "says how to bring it back: {summary:?}"
    );
    assert!(a.get(id).is_err(), "still removed");
}

#[test]
fn the_typescript_declaration_carries_the_flattened_fields() {
    use ts_rs::TS;
    let cfg = ts_rs::Config::default();
    let credential = dossier_store::PortableCredential::decl(&cfg);
    for field in ["uuid", "kind", "title", "skills", "evidence", "source_ref"] {
        assert!(credential.contains(field), "{field} in {credential}");
    }
    let framework = dossier_store::PortableFramework::decl(&cfg);
    assert!(
        framework.contains("nodes") && framework.contains("aliases"),
        "{framework}"
    );
}
