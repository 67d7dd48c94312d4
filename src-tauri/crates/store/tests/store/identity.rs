//! Every record's stable identity: a UUID v7 given on creation (by the store, not by each
//! insert), distinct, kept through edits, refused if changed, and given to existing rows by
//! the migration that introduced it.

use super::credentials::{input, mem, temp_db};
use dossier_core::CredentialKind;
use dossier_store::Store;

/// `xxxxxxxx-xxxx-7xxx-[89ab]xxx-xxxxxxxxxxxx`, lower-case hex.
fn is_v7(u: &str) -> bool {
    let b = u.as_bytes();
    let hex = |c: u8| c.is_ascii_digit() || (b'a'..=b'f').contains(&c);
    u.len() == 36
        && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
        && b[14] == b'7'
        && matches!(b[19], b'8' | b'9' | b'a' | b'b')
        && b.iter()
            .enumerate()
            .all(|(i, &c)| [8, 13, 18, 23].contains(&i) || hex(c))
}

#[test]
fn a_new_record_gets_a_uuid_v7_that_never_changes() {
    let store = mem();
    let a = store
        .add(&input("A", CredentialKind::Degree, &[]), &[], "manual")
        .expect("add");
    let b = store
        .add(&input("B", CredentialKind::Degree, &[]), &[], "manual")
        .expect("add");
    assert!(is_v7(&a.uuid), "a UUID v7: {}", a.uuid);
    assert_ne!(a.uuid, b.uuid, "never repeats");
    let edited = store
        .update(a.id, &input("A, renamed", CredentialKind::Degree, &[]), &[])
        .expect("edit");
    assert_eq!(edited.uuid, a.uuid, "an edit keeps the identity");
    let changed = store.with_tx(|tx| {
        tx.execute(
            "UPDATE credentials SET uuid = 'other' WHERE id = ?1",
            [a.id],
        )
    });
    match changed {
        Err(rusqlite::Error::SqliteFailure(_, Some(m))) => {
            assert!(m.contains("never changes"), "{m}")
        }
        other => panic!("a uuid cannot be rewritten, got {other:?}"),
    }
    for table in ["field_changes", "requirements", "frameworks"] {
        let bad: i64 = store
            .with_conn(|c| {
                Ok(c.query_row(
                    &format!("SELECT count(*) FROM {table} WHERE uuid IS NULL"),
                    [],
                    |r| r.get(0),
                )?)
            })
            .expect("count");
        assert_eq!(bad, 0, "every shipped {table} row has its uuid");
    }
}

#[test]
fn the_migration_gives_existing_rows_distinct_uuids() {
    let (_dir, path) = temp_db();
    let all = dossier_store::migrations();
    let mut conn = rusqlite::Connection::open(&path).expect("raw");
    dossier_store::migrate_with(&mut conn, &all[..6], None).expect("the schema before uuids");
    for title in ["Old one", "Old two", "Old three"] {
        dossier_store::insert(
            &conn,
            &input(title, CredentialKind::Degree, &[]),
            &[],
            "manual",
        )
        .expect("a record from before");
    }
    drop(conn);
    let store = Store::open(&path).expect("the upgrade");
    let uuids: Vec<String> = store
        .list(&Default::default())
        .expect("list")
        .into_iter()
        .map(|c| c.uuid)
        .collect();
    assert_eq!(uuids.len(), 3, "the records are there");
    assert!(
        uuids.iter().all(|u| is_v7(u)),
        "each got a UUID v7: {uuids:?}"
    );
    let mut distinct = uuids.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 3, "all distinct: {uuids:?}");
}

#[test]
fn a_salvaged_record_keeps_its_identity() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).expect("open");
    let kept = store
        .add(
            &input("Kept whole", CredentialKind::Degree, &[]),
            &[],
            "manual",
        )
        .expect("add");
    drop(store);
    let into = dir.path().join("salvaged.db");
    let s = Store::salvage(&path, &into).expect("salvage");
    assert_eq!(s.records, 1, "the record was read");
    let read = Store::open(&into).expect("open the salvaged store");
    let list = read.list(&Default::default()).expect("list");
    assert_eq!(
        list[0].uuid, kept.uuid,
        "the same identity in the new store"
    );
}

#[test]
fn an_imported_record_keeps_its_file_its_reference_and_a_given_uuid() {
    let store = mem();
    let uuid = "0190a000-0000-7000-8000-000000000042";
    let id = store
        .with_tx(|tx| {
            dossier_store::insert_from(
                tx,
                &input("Badge", CredentialKind::MicroCredential, &[]),
                &[],
                &dossier_store::Provenance {
                    source: "openbadges",
                    file: Some("badge.png"),
                    reference: Some("urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002"),
                    uuid: Some(uuid),
                },
            )
        })
        .expect("insert");
    let c = store.get(id).expect("get");
    assert_eq!(c.source, "openbadges", "the format is the source");
    assert_eq!(
        c.source_file.as_deref(),
        Some("badge.png"),
        "the file is kept"
    );
    assert_eq!(
        c.source_ref.as_deref(),
        Some("urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002"),
        "the credential's own id is kept"
    );
    assert_eq!(
        c.uuid, uuid,
        "a given identity is kept, not replaced by the trigger"
    );
    let plain = store
        .add(&input("Typed", CredentialKind::Degree, &[]), &[], "manual")
        .expect("add");
    assert_eq!(
        (plain.source_file, plain.source_ref),
        (None, None),
        "a typed record has none"
    );
}
