//! Importing through the application layer: one transaction or nothing, duplicates found by
//! identity, the file's own id, licence number and title+issuer+date, and the files a preview
//! showed being the ones written.

use dossier_service::import::{import, prepare, Action, ImportOptions, ImportPlan, Run};
use dossier_store::Store;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../interop/tests/fixtures")
        .join(rel)
}

pub(crate) fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
}

/// A store with an evidence folder, in a temp dir kept alive by the caller.
pub(crate) fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("dossier.db")).expect("store");
    (dir, store)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

fn run(store: &Store, files: &[PathBuf], dry_run: bool) -> dossier_service::Result<ImportPlan> {
    run_with(store, files, &ImportOptions::default(), dry_run)
}

pub(crate) fn run_with(
    store: &Store,
    files: &[PathBuf],
    options: &ImportOptions,
    dry_run: bool,
) -> dossier_service::Result<ImportPlan> {
    let run = Run {
        dry_run,
        ..Run::default()
    };
    import(store, files, options, run, today(), &|_| {})
}

fn actions(plan: &ImportPlan) -> Vec<Action> {
    plan.records.iter().map(|r| r.action).collect()
}

const CERTS: &str = "Name,Url,Authority,Started On,Finished On,License Number\n\
    \"Clinical Informatics, \"\"Board\"\"\",,ABPM,Oct 2023,,CI-123\n\
    Deep Learning Specialization,https://coursera.org/verify/ABC,DeepLearning.AI,2021,,\n\
    ,,Nobody,Mar 2020,,\n";

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let (dir, store) = store();
    let csv = write(dir.path(), "Certifications.csv", CERTS);
    let badge = fixture("openbadges/baked-ob2.png");
    let first = run(&store, &[csv.clone(), badge.clone()], false).expect("first import");
    assert_eq!(
        first.added, 3,
        "two certifications and the badge: {:?}",
        first.records
    );
    assert_eq!(
        actions(&first),
        [Action::Add, Action::Add, Action::Invalid, Action::Add],
        "the row without a name is invalid"
    );
    let reason = first.records[2].reason.as_deref().unwrap_or_default();
    assert!(
        reason.contains("row 4"),
        "the reason names the row: {reason}"
    );
    let again = run(&store, &[csv, badge], false).expect("second import");
    assert_eq!(again.added, 0, "nothing new: {:?}", again.records);
    assert_eq!(
        actions(&again),
        [
            Action::Duplicate,
            Action::Duplicate,
            Action::Invalid,
            Action::Duplicate
        ],
        "each record matches the one already kept"
    );
    assert!(
        again
            .records
            .iter()
            .filter(|r| r.action == Action::Duplicate)
            .all(|r| r.matches.is_some()),
        "a duplicate names the record it matches"
    );
    assert_eq!(store.count().expect("count"), 3, "three records in all");
}

#[test]
fn the_badge_is_kept_byte_for_byte_with_its_source() {
    let (_dir, store) = store();
    let badge = fixture("openbadges/baked-ob2.png");
    let done = run(&store, std::slice::from_ref(&badge), false).expect("import");
    let c = store.get(done.ids[0]).expect("the record");
    assert_eq!(c.source, "openbadges", "the format is its source");
    assert_eq!(
        c.source_file.as_deref(),
        Some("baked-ob2.png"),
        "the file is named"
    );
    assert!(c.source_ref.is_some(), "the assertion's own id is kept");
    let kept = store
        .evidence_file(&c.evidence[0].sha256)
        .expect("the evidence file");
    assert_eq!(
        std::fs::read(kept).expect("read kept"),
        std::fs::read(&badge).expect("read badge"),
        "the badge image is kept as it was"
    );
}

#[test]
fn one_bad_file_writes_nothing_of_any() {
    let (dir, store) = store();
    let good = write(dir.path(), "Certifications.csv", CERTS);
    let bad = write(
        dir.path(),
        "broken.json",
        "{\"@context\": \"https://w3id.org/openbadges/v2\",",
    );
    let err = run(&store, &[good, bad], false).expect_err("a truncated JSON");
    let msg = err.to_string();
    assert!(
        msg.contains("broken.json") && msg.contains("line"),
        "names file and line: {msg}"
    );
    assert_eq!(store.count().expect("count"), 0, "nothing was written");
}

#[test]
fn a_dry_run_writes_nothing_and_matches_within_the_import() {
    let (dir, store) = store();
    let csv = write(dir.path(), "Certifications.csv", CERTS);
    let copy = write(dir.path(), "copy.csv", CERTS);
    let plan = run(&store, &[csv, copy], true).expect("preview");
    assert_eq!(plan.added, 0, "a preview writes nothing");
    assert_eq!(store.count().expect("count"), 0, "nothing in the store");
    assert_eq!(
        actions(&plan)[3..5],
        [Action::Duplicate, Action::Duplicate],
        "the second file repeats the first: {:?}",
        plan.records
    );
    let why = plan.records[3].reason.as_deref().unwrap_or_default();
    assert!(
        why.contains("of this import"),
        "said to repeat this import: {why}"
    );
}

#[test]
fn a_record_typed_by_hand_is_matched_by_title_issuer_and_date() {
    let (dir, store) = store();
    let typed = dossier_core::CredentialDraft {
        title: "deep learning  specialization".into(),
        issuer: "DEEPLEARNING.AI".into(),
        completed: "2021".into(),
        ..Default::default()
    }
    .validate(today())
    .expect("valid");
    let kept = store.add(&typed, &[], "manual").expect("add");
    let csv = write(dir.path(), "Certifications.csv", CERTS);
    let plan = run(&store, &[csv], true).expect("preview");
    assert_eq!(
        plan.records[1].action,
        Action::Duplicate,
        "{:?}",
        plan.records[1]
    );
    assert_eq!(
        plan.records[1].matches,
        Some(kept.id),
        "matches the typed record"
    );
}

#[test]
fn only_the_chosen_records_of_the_previewed_files_are_written() {
    let (dir, store) = store();
    let csv = write(dir.path(), "Certifications.csv", CERTS);
    let preview = run(&store, std::slice::from_ref(&csv), true).expect("preview");
    let chosen = [1usize];
    let stale = Run {
        dry_run: false,
        selected: Some(&chosen),
        digest: Some("0000"),
    };
    let refused = import(
        &store,
        std::slice::from_ref(&csv),
        &ImportOptions::default(),
        stale,
        today(),
        &|_| {},
    );
    assert!(refused.is_err(), "another digest is refused");
    let out_of_range = [9usize];
    let beyond = Run {
        dry_run: false,
        selected: Some(&out_of_range),
        digest: Some(&preview.digest),
    };
    let refused = import(
        &store,
        std::slice::from_ref(&csv),
        &ImportOptions::default(),
        beyond,
        today(),
        &|_| {},
    );
    assert!(refused.is_err(), "a record not in the preview is refused");
    let chosen_run = Run {
        dry_run: false,
        selected: Some(&chosen),
        digest: Some(&preview.digest),
    };
    let done = import(
        &store,
        &[csv],
        &ImportOptions::default(),
        chosen_run,
        today(),
        &|_| {},
    )
    .expect("import the chosen one");
    assert_eq!(done.added, 1, "only the chosen record");
    assert_eq!(
        store.get(done.ids[0]).expect("record").title,
        "Deep Learning Specialization",
        "the chosen record"
    );
    assert_eq!(
        dossier_service::import::undo(&store, &done.ids).expect("undo"),
        1,
        "undone"
    );
    assert_eq!(store.count().expect("count"), 0, "the import is gone");
}

#[test]
fn a_preview_reads_files_by_their_content_not_their_name() {
    let (dir, store) = store();
    let renamed = dir.path().join("badge.txt");
    std::fs::copy(fixture("openbadges/baked-ob2.png"), &renamed).expect("copy");
    let files = dossier_service::import::load(&[renamed]).expect("load");
    let plan = prepare(&store, &files, &ImportOptions::default(), today())
        .expect("prepare")
        .plan;
    assert_eq!(
        plan.files[0].format,
        dossier_interop::Format::Openbadges,
        "a PNG named .txt is still a badge"
    );
}
