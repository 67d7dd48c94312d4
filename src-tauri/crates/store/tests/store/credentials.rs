//! Migrations, pragmas, the credential aggregate, search,
//! evidence files, soft delete, the demo, and refusal of files it must not touch.

use chrono::NaiveDate;
use dossier_core::{
    CredentialDraft, CredentialInput, CredentialKind, ListQuery, SkillDraft, SortKey,
};
use dossier_store::{Error, Store};
use std::path::{Path, PathBuf};

/// A day written as YYYY-MM-DD.
pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid date")
}

pub fn mem() -> Store {
    Store::open_in_memory().expect("in-memory store opens")
}

pub fn input(title: &str, kind: CredentialKind, skills: &[&str]) -> CredentialInput {
    CredentialDraft {
        kind,
        title: title.into(),
        completed: "2024-05".into(),
        skills: skills.iter().map(|s| SkillDraft::parse_flag(s)).collect(),
        ..CredentialDraft::default()
    }
    .validate(today())
    .expect("test input is valid")
}

fn titles(store: &Store, q: &ListQuery) -> Vec<String> {
    store
        .list(q)
        .expect("list")
        .into_iter()
        .map(|c| c.title)
        .collect()
}

pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("dossier.db");
    (dir, path)
}

fn pragma(store: &Store, name: &str) -> String {
    store
        .with_conn(|c| {
            Ok(c.query_row(&format!("PRAGMA {name}"), [], |r| {
                r.get::<_, rusqlite::types::Value>(0)
            })?)
        })
        .map(|v| match v {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
        .expect("pragma readable")
}

#[test]
fn a_file_store_has_the_required_pragmas() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).expect("open");
    assert_eq!(pragma(&store, "journal_mode"), "wal", "WAL journal");
    assert_eq!(pragma(&store, "synchronous"), "2", "synchronous=FULL");
    assert_eq!(pragma(&store, "foreign_keys"), "1", "foreign keys on");
    assert_eq!(pragma(&store, "trusted_schema"), "0", "trusted_schema off");
    assert_eq!(pragma(&store, "busy_timeout"), "5000", "busy timeout set");
    assert_eq!(
        store.schema_version().expect("version"),
        dossier_store::latest_version(),
        "migrated"
    );
}

#[test]
fn records_round_trip_with_skills() {
    let store = mem();
    let added = store
        .add(
            &input(
                "Deep learning for diagnostics",
                CredentialKind::Certification,
                &["Deep learning=0.8", "Statistics=0.3"],
            ),
            &[],
            "manual",
        )
        .expect("add");
    let got = store.get(added.id).expect("get");
    assert_eq!(got, added, "what add returns is what get reads");
    assert_eq!(got.skills.len(), 2, "both skills stored");
    assert_eq!(got.skills[0].name, "Deep learning", "skill order kept");
    assert_eq!(got.skills[1].relevance, 0.3, "relevance kept");
    assert_eq!(
        got.completed.map(|d| d.to_string()).as_deref(),
        Some("2024-05"),
        "month precision kept"
    );
}

#[test]
fn update_replaces_fields_and_skills() {
    let store = mem();
    let c = store
        .add(
            &input("Old", CredentialKind::Degree, &["A", "B"]),
            &[],
            "manual",
        )
        .expect("add");
    let mut next = input("New", CredentialKind::Degree, &["B=0.5"]);
    next.issuer = Some("Stanford".into());
    let updated = store.update(c.id, &next, &[]).expect("update");
    assert_eq!(updated.title, "New", "title replaced");
    assert_eq!(updated.issuer.as_deref(), Some("Stanford"), "issuer set");
    assert_eq!(updated.skills.len(), 1, "skills replaced, not appended");
    assert_eq!(
        titles(
            &store,
            &ListQuery {
                search: Some("old".into()),
                ..Default::default()
            }
        ),
        Vec::<String>::new(),
        "search index follows the update"
    );
}

#[test]
fn search_filter_and_sort() {
    let store = mem();
    store
        .add(
            &input(
                "NLP for EHRs badge",
                CredentialKind::MicroCredential,
                &["NLP for EHRs"],
            ),
            &[],
            "manual",
        )
        .expect("add");
    store
        .add(
            &input(
                "Computer vision in radiology",
                CredentialKind::MicroCredential,
                &["Computer vision"],
            ),
            &[],
            "manual",
        )
        .expect("add");
    store
        .add(
            &input("AI ethics CME", CredentialKind::CeActivity, &["Ethics"]),
            &[],
            "manual",
        )
        .expect("add");
    let q = |search: &str| ListQuery {
        search: Some(search.into()),
        sort: SortKey::Title,
        ..Default::default()
    };
    assert_eq!(
        titles(&store, &q("radiol")),
        ["Computer vision in radiology"],
        "prefix search on title"
    );
    assert_eq!(
        titles(&store, &q("ehr")),
        ["NLP for EHRs badge"],
        "search is case-insensitive"
    );
    assert_eq!(
        titles(&store, &q("ethics")),
        ["AI ethics CME"],
        "search covers skills and title"
    );
    assert_eq!(
        titles(&store, &q("\"NEAR(")),
        Vec::<String>::new(),
        "FTS syntax typed by a user is inert"
    );
    assert_eq!(
        titles(&store, &q("!!")),
        Vec::<String>::new(),
        "punctuation alone matches nothing"
    );
    let by_kind = ListQuery {
        kind: Some(CredentialKind::MicroCredential),
        sort: SortKey::Title,
        ..Default::default()
    };
    assert_eq!(
        titles(&store, &by_kind),
        ["Computer vision in radiology", "NLP for EHRs badge"],
        "kind filter, title order"
    );
    let by_skill = ListQuery {
        skill: Some("ethics".into()),
        ..Default::default()
    };
    assert_eq!(
        titles(&store, &by_skill),
        ["AI ethics CME"],
        "skill filter ignores case"
    );
    assert_eq!(
        store.skill_names().expect("skills"),
        ["Computer vision", "Ethics", "NLP for EHRs"],
        "skill names sorted"
    );
}

#[test]
fn pages_follow_the_sort_order() {
    let store = mem();
    for t in ["A", "B", "C", "D", "E"] {
        store
            .add(&input(t, CredentialKind::Degree, &[]), &[], "manual")
            .expect("add");
    }
    let page = |offset| ListQuery {
        sort: SortKey::Title,
        limit: Some(2),
        offset,
        ..Default::default()
    };
    assert_eq!(titles(&store, &page(None)), ["A", "B"], "first page");
    assert_eq!(titles(&store, &page(Some(2))), ["C", "D"], "second page");
    assert_eq!(titles(&store, &page(Some(4))), ["E"], "last, short page");
    assert!(titles(&store, &page(Some(9))).is_empty(), "past the end");
}

#[test]
fn remove_hides_and_restore_brings_back() {
    let store = mem();
    let c = store
        .add(
            &input(
                "ACLS",
                CredentialKind::Certification,
                &["Clinical medicine"],
            ),
            &[],
            "manual",
        )
        .expect("add");
    store.remove(c.id).expect("remove");
    assert!(
        matches!(store.get(c.id), Err(Error::Removed(id)) if id == c.id),
        "removed record is not shown"
    );
    assert_eq!(
        store.count().expect("count"),
        0,
        "removed record not counted"
    );
    assert!(
        matches!(store.remove(c.id), Err(Error::Removed(_))),
        "removing twice is an error"
    );
    let back = store.restore(c.id).expect("restore");
    assert_eq!(back.skills, c.skills, "skills survive the undo");
    assert_eq!(store.count().expect("count"), 1, "restored");
    assert!(
        matches!(store.get(999), Err(Error::NotFound(999))),
        "unknown id"
    );
}

#[test]
fn a_failed_transaction_leaves_nothing() {
    let store = mem();
    let r: Result<(), Error> = store.with_tx(|tx| {
        dossier_store::insert(tx, &input("half", CredentialKind::Degree, &[]), &[], "test")?;
        Err(Error::NotFound(0))
    });
    assert!(
        matches!(r, Err(Error::NotFound(0))),
        "the closure's own error is returned: {r:?}"
    );
    assert_eq!(
        store.count().expect("count"),
        0,
        "the insert was rolled back"
    );
}

#[test]
fn evidence_is_copied_under_its_hash() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).expect("open");
    let scan = dir.path().join("ACLS card.pdf");
    std::fs::write(&scan, b"%PDF-1.4 fake scan").expect("write scan");
    let c = store
        .add(
            &input("ACLS", CredentialKind::Certification, &[]),
            std::slice::from_ref(&scan),
            "manual",
        )
        .expect("add");
    assert_eq!(c.evidence.len(), 1, "one evidence file linked");
    let ev = &c.evidence[0];
    assert_eq!(ev.name, "ACLS card.pdf", "original name kept as text");
    assert_eq!(
        ev.media_type.as_deref(),
        Some("application/pdf"),
        "media type from extension"
    );
    let stored = store.evidence_file(&ev.sha256).expect("stored copy");
    assert!(
        stored.starts_with(dir.path().join("evidence")),
        "copy lives in the data dir"
    );
    std::fs::remove_file(&scan).expect("delete original");
    assert_eq!(
        std::fs::read(&stored).expect("read copy"),
        b"%PDF-1.4 fake scan",
        "copy survives the original"
    );
    let again = store
        .update(c.id, &c.input(), std::slice::from_ref(&stored))
        .expect("attach same bytes");
    assert_eq!(again.evidence.len(), 1, "the same file is linked once");
    let without = store.remove_evidence(c.id, &ev.sha256).expect("unlink");
    assert!(without.evidence.is_empty(), "unlinked");
}

#[test]
fn a_missing_evidence_file_fails_the_whole_add() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).expect("open");
    let missing = dir.path().join("nope.pdf");
    let err = store
        .add(
            &input("X", CredentialKind::Degree, &[]),
            &[missing],
            "manual",
        )
        .expect_err("must fail");
    assert!(
        err.to_string().contains("nope.pdf"),
        "error names the file: {err}"
    );
    assert_eq!(store.count().expect("count"), 0, "no record written");
}

#[test]
fn a_failed_update_leaves_no_new_blob() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).expect("open");
    let scan = dir.path().join("scan.png");
    std::fs::write(&scan, b"new bytes").expect("write");
    let err = store
        .update(42, &input("X", CredentialKind::Degree, &[]), &[scan])
        .expect_err("no #42");
    assert!(matches!(err, Error::NotFound(42)), "unknown id: {err}");
    let blobs = walk(&dir.path().join("evidence"));
    assert!(blobs.is_empty(), "the staged copy was removed: {blobs:?}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|e| {
            if e.path().is_dir() {
                walk(&e.path())
            } else {
                vec![e.path()]
            }
        })
        .collect()
}

#[test]
fn a_panic_inside_a_transaction_writes_nothing_and_the_store_stays_usable() {
    let store = mem();
    let s = store.clone();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _: Result<(), Error> = s.with_tx(|tx| {
            dossier_store::insert(tx, &input("half", CredentialKind::Degree, &[]), &[], "test")?;
            panic!("a bug in the middle of a write");
        });
    }));
    assert!(outcome.is_err(), "the panic reached the caller");
    assert_eq!(
        store.count().expect("count"),
        0,
        "the half write was rolled back"
    );
    store
        .add(&input("after", CredentialKind::Degree, &[]), &[], "test")
        .expect("the store still takes writes");
    assert_eq!(store.count().expect("count"), 1, "and keeps them");
}
