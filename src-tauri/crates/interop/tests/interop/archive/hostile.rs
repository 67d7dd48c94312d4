//! Hostile zips: a bomb, sizes that lie, paths out of the archive, a blob whose hash lies, and
//! what the writer refuses to write.

use super::{archive_error, read, sha, state, zip_of, DEFLATED, STORED};
use dossier_interop::archive::ArchiveReader;
use dossier_interop::Error;
use std::io::Cursor;
use std::time::{Duration, Instant};

#[test]
fn a_zip_bomb_is_refused_before_it_inflates() {
    let zeros = vec![0u8; 8 << 20];
    let name = format!("evidence/{}", sha(&zeros));
    let bomb = zip_of(&[
        ("dossier.json", &state(), DEFLATED),
        (&name, &zeros, DEFLATED),
    ]);
    assert!(
        bomb.len() < 64 * 1024,
        "8 MiB of zeros deflate to a few KiB"
    );
    let started = Instant::now();
    let result = read(&bomb, None);
    assert!(
        matches!(&result, Err(Error::TooLarge { what, .. }) if what.contains("inflating")),
        "refused for its ratio: {result:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "refused without inflating"
    );
}

/// Sets the uncompressed size of the entry `name` in both its local and central headers.
fn declare_size(zip: &mut [u8], name: &str, size: u32) {
    for (signature, at) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
        let name_at = if signature == b"PK\x03\x04" { 30 } else { 46 };
        let start = (0..zip.len() - name_at)
            .find(|&i| {
                zip[i..].starts_with(signature) && zip[i + name_at..].starts_with(name.as_bytes())
            })
            .expect("header of the entry");
        zip[start + at..start + at + 4].copy_from_slice(&size.to_le_bytes());
    }
}

#[test]
fn an_entry_lying_about_its_size_is_cut_off_at_the_lie() {
    let zeros = vec![0u8; 900_000];
    let name = format!("evidence/{}", sha(&zeros));
    let mut zip = zip_of(&[
        ("dossier.json", &state(), DEFLATED),
        (&name, &zeros, DEFLATED),
    ]);
    declare_size(&mut zip, &name, 1000);
    let result = read(&zip, None);
    assert!(
        matches!(result, Err(Error::Archive { .. })),
        "the lie is refused: {result:?}"
    );
    let mut huge = zip_of(&[
        ("dossier.json", &state(), DEFLATED),
        (&name, &zeros, STORED),
    ]);
    declare_size(&mut huge, &name, u32::MAX);
    let result = read(&huge, None);
    assert!(
        matches!(result, Err(Error::TooLarge { .. })),
        "over the entry bound: {result:?}"
    );
}

#[test]
fn entry_names_outside_the_archive_s_own_are_refused() {
    let hash = sha(b"x");
    let bad = [
        "../evil".to_string(),
        "evidence/../../evil".to_string(),
        "/etc/passwd".to_string(),
        "C:/Windows/evil".to_string(),
        format!("evidence\\{hash}"),
        format!("evidence/{}", hash.to_uppercase()),
        format!("evidence/{hash}/more"),
        "notes.txt".to_string(),
    ];
    for name in bad {
        let zip = zip_of(&[("dossier.json", &state(), DEFLATED), (&name, b"x", STORED)]);
        let message = archive_error(read(&zip, None), &name);
        assert!(
            message.contains(&name),
            "the message names '{name}': {message}"
        );
    }
    let zip = zip_of(&[("state.json", &state(), DEFLATED)]);
    let message = archive_error(read(&zip, None), "no dossier.json");
    assert!(
        message.contains("dossier.json"),
        "a zip without dossier.json: {message}"
    );
}

#[test]
fn a_blob_whose_content_does_not_match_its_name_never_reads_to_the_end() {
    let name = format!("evidence/{}", sha(b"the real scan"));
    let zip = zip_of(&[
        ("dossier.json", &state(), DEFLATED),
        (&name, b"a forged scan", STORED),
    ]);
    let message = archive_error(read(&zip, None), "forged blob");
    assert!(
        message.contains("SHA-256"),
        "the message says the hash does not match: {message}"
    );
    let mut reader = ArchiveReader::open("forged", Cursor::new(zip), None).expect("opens");
    let mut copied = None;
    let walked = reader.each_blob(|_, r| {
        copied = Some(std::io::copy(r, &mut std::io::sink()));
        Ok(())
    });
    assert!(
        matches!(copied, Some(Err(_))),
        "the consumer's copy fails instead of ending"
    );
    archive_error(walked, "forged blob through the reader");
    let mut reader = ArchiveReader::open(
        "forged",
        Cursor::new(zip_of(&[
            ("dossier.json", &state(), DEFLATED),
            (&name, b"a forged scan", STORED),
        ])),
        None,
    )
    .expect("opens");
    let lazy = reader.each_blob(|_, _| Ok(()));
    archive_error(lazy, "a blob the consumer did not read is still checked");
}
