//! Never lose a record: evidence shared by two saves, backups that are whole or absent, and
//! stores that are damaged, missing or read-only.

use super::credentials::{input, temp_db};
use dossier_core::CredentialKind;
use dossier_store::Store;

#[test]
fn a_failed_save_keeps_evidence_another_save_has_linked() {
    let (dir, db) = temp_db();
    let first = Store::open(&db).expect("open");
    let second = Store::open(&db).expect("a second handle, as the CLI beside the app");
    let scan = dir.path().join("scan.pdf");
    std::fs::write(&scan, b"%PDF-1.7 the same certificate").expect("write");

    // The first save copies the file in and has not committed when the second one links it.
    let staged = first
        .stage_evidence(std::slice::from_ref(&scan))
        .expect("stage");
    assert!(staged[0].created, "the first save wrote the blob");
    let record = input("Saved second", CredentialKind::Certification, &[]);
    let saved = second
        .add(&record, &[scan], "manual")
        .expect("the second save");
    // The first save fails (a lock timeout, a bad row) and cleans up what it copied.
    first.discard_staged(&staged);

    let sha = &saved.evidence[0].sha256;
    let kept = second
        .evidence_file(sha)
        .expect("the committed record's evidence is still there");
    assert_eq!(
        std::fs::read(kept).expect("read"),
        b"%PDF-1.7 the same certificate",
        "byte for byte"
    );
}

#[test]
fn a_failed_save_removes_the_evidence_only_it_copied() {
    let (dir, db) = temp_db();
    let store = Store::open(&db).expect("open");
    let scan = dir.path().join("only-mine.png");
    std::fs::write(&scan, b"not linked by anyone").expect("write");
    let staged = store.stage_evidence(&[scan]).expect("stage");
    assert!(staged[0].path.is_file(), "copied in");
    store.discard_staged(&staged);
    assert!(!staged[0].path.exists(), "a blob no row names is removed");
}
