//! Dossier's archive: plain and encrypted round trips, the reader, and `zip_format`; every
//! way a damaged encrypted archive is refused (`sealed`) and every hostile zip (`hostile`).

mod hostile;
mod sealed;

use dossier_interop::archive::{
    is_encrypted, needs_passphrase, read_archive, write_archive, write_archive_with, ArchiveReader,
    SealParams, MAGIC, WRONG_PASSPHRASE,
};
use dossier_interop::{Error, Format, InputFile};
use sha2::{Digest, Sha256};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A cheap key and small segments, so tests run fast and small data spans several segments.
pub const CHEAP: SealParams = SealParams {
    memory_kib: 8,
    iterations: 1,
    parallelism: 1,
    segment_bytes: 1024,
};
pub const HEADER_LEN: usize = 57;
pub const SEALED_SEGMENT: usize = 1024 + 16;

pub fn sha(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

pub fn state() -> Vec<u8> {
    br#"{"dossier": {"version": 1}, "credentials": [{"title": "Board \"certified\" \u2013 AI"}]}"#
        .to_vec()
}

/// Blobs of a few sizes, one empty, one larger than a segment, bytes not all alike.
pub fn blobs() -> Vec<(String, Vec<u8>)> {
    let scan: Vec<u8> = (0..3000u32).map(|i| (i * 7 % 251) as u8).collect();
    let pdf = b"%PDF-1.7 certificate of completion".to_vec();
    let mut b: Vec<(String, Vec<u8>)> = [scan, pdf, Vec::new()]
        .into_iter()
        .map(|bytes| (sha(&bytes), bytes))
        .collect();
    b.sort();
    b
}

pub fn write(blobs: &[(String, Vec<u8>)], passphrase: Option<&str>) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let items = blobs.iter().map(|(h, b)| (h.clone(), &b[..]));
    write_archive_with(&mut out, &state(), items, passphrase, CHEAP).expect("archive written");
    out.into_inner()
}

pub fn read(bytes: &[u8], passphrase: Option<&str>) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let contents = read_archive(
        &InputFile::new("backup.dossier", bytes.to_vec()),
        passphrase,
    )?;
    assert_eq!(
        contents.state,
        state(),
        "dossier.json comes back byte for byte"
    );
    let mut blobs = contents.blobs;
    blobs.sort();
    Ok(blobs)
}

pub fn archive_error(result: Result<impl std::fmt::Debug, Error>, what: &str) -> String {
    match result {
        Err(Error::Archive { message, .. }) => message,
        other => panic!("{what}: expected Error::Archive, got {other:?}"),
    }
}

#[test]
fn a_plain_archive_round_trips_with_evidence_stored_and_state_deflated() {
    let bytes = write(&blobs(), None);
    assert!(bytes.starts_with(b"PK\x03\x04"), "a plain archive is a zip");
    assert!(!is_encrypted(&bytes), "a plain archive is not encrypted");
    assert_eq!(
        read(&bytes, None).expect("plain archive read"),
        blobs(),
        "blobs identical"
    );
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).expect("zip opens");
    let json = zip
        .by_name("dossier.json")
        .expect("dossier.json at the root");
    assert_eq!(
        json.compression(),
        CompressionMethod::Deflated,
        "JSON is deflated"
    );
    drop(json);
    let name = format!("evidence/{}", blobs()[0].0);
    let blob = zip.by_name(&name).expect("evidence named by hash");
    assert_eq!(
        blob.compression(),
        CompressionMethod::Stored,
        "evidence is stored"
    );
    assert_eq!(
        read(&bytes, Some("ignored")).expect("read"),
        blobs(),
        "a passphrase is ignored"
    );
}

#[test]
fn an_encrypted_archive_round_trips_and_hides_its_content() {
    let bytes = write(&blobs(), Some("correct horse battery staple"));
    assert!(
        bytes.starts_with(MAGIC) && is_encrypted(&bytes),
        "starts with the magic"
    );
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        !text.contains("dossier.json"),
        "no entry name shows through"
    );
    assert!(
        !text.contains("certificate of completion"),
        "no content shows through"
    );
    let got = read(&bytes, Some("correct horse battery staple")).expect("encrypted read");
    assert_eq!(got, blobs(), "blobs identical after decryption");
    let detected = dossier_interop::detect(&InputFile::new("b", bytes)).expect("detected");
    assert_eq!(
        detected,
        Format::Archive,
        "detect names an encrypted archive"
    );
}

#[test]
fn the_default_key_settings_round_trip() {
    let mut out = Cursor::new(Vec::new());
    let items = blobs().into_iter().map(|(h, b)| (h, Cursor::new(b)));
    write_archive(&mut out, &state(), items, Some("pass")).expect("written with defaults");
    let bytes = out.into_inner();
    let memory = u32::from_le_bytes(bytes[18..22].try_into().expect("4 bytes"));
    assert_eq!(memory, 64 * 1024, "the header carries Argon2's 64 MiB");
    assert_eq!(
        read(&bytes, Some("pass")).expect("read"),
        blobs(),
        "default settings read back"
    );
}

#[test]
fn no_passphrase_and_a_wrong_one_are_told_apart() {
    let bytes = write(&blobs(), Some("right"));
    let none = read(&bytes, None);
    assert!(
        none.as_ref().is_err_and(needs_passphrase),
        "without a passphrase the caller is told to ask for one: {none:?}"
    );
    let message = archive_error(read(&bytes, Some("wrong")), "wrong passphrase");
    assert_eq!(message, WRONG_PASSPHRASE, "the message names both causes");
    assert!(
        !read(&bytes, Some("wrong")).is_err_and(|e| needs_passphrase(&e)),
        "a wrong passphrase is not 'needs a passphrase'"
    );
}

/// A plain zip of the given entries, each (name, bytes, method).
pub fn zip_of(entries: &[(&str, &[u8], CompressionMethod)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes, method) in entries {
        let options = SimpleFileOptions::default().compression_method(*method);
        zip.start_file(*name, options).expect("entry started");
        zip.write_all(bytes).expect("entry written");
    }
    zip.finish().expect("zip finished").into_inner()
}

pub const STORED: CompressionMethod = CompressionMethod::Stored;
pub const DEFLATED: CompressionMethod = CompressionMethod::Deflated;

#[test]
fn the_reader_lists_and_streams_blobs_one_at_a_time() {
    let bytes = write(&blobs(), Some("pass"));
    let mut reader = ArchiveReader::open("b", Cursor::new(bytes), Some("pass")).expect("opens");
    assert!(reader.encrypted(), "an encrypted archive says so");
    let mut names: Vec<String> = reader.blob_names().map(String::from).collect();
    names.sort();
    let expected: Vec<String> = blobs().into_iter().map(|(h, _)| h).collect();
    assert_eq!(names, expected, "every blob listed by hash");
    assert_eq!(
        reader.state().expect("state"),
        state(),
        "state read on its own"
    );
    let mut seen = Vec::new();
    reader
        .each_blob(|hash, r| {
            let mut first = [0u8; 4];
            let n = r.read(&mut first).map_err(|e| Error::Io {
                file: "t".into(),
                source: e,
            })?;
            seen.push((hash.to_string(), n));
            Ok(())
        })
        .expect("a consumer may read only part of a good blob");
    assert_eq!(seen.len(), 3, "each blob handed over once");
}

#[test]
fn writing_refuses_a_blob_that_is_not_what_its_name_says() {
    let mut out = Cursor::new(Vec::new());
    let lie = vec![(sha(b"one"), &b"two"[..])];
    let result = write_archive_with(&mut out, &state(), lie, None, CHEAP);
    let message = archive_error(result, "a blob changed since it was added");
    assert!(
        message.contains("SHA-256"),
        "says the hash does not match: {message}"
    );
    let badly_named = vec![("scan.pdf".to_string(), &b"x"[..])];
    let result = write_archive_with(
        &mut Cursor::new(Vec::new()),
        &state(),
        badly_named,
        None,
        CHEAP,
    );
    archive_error(result, "a blob not named by its hash");
    let result = write_archive_with(
        &mut Cursor::new(Vec::new()),
        &state(),
        Vec::<(String, &[u8])>::new(),
        Some(""),
        CHEAP,
    );
    archive_error(result, "an empty passphrase");
}

#[test]
fn a_repeated_blob_is_written_once() {
    let (hash, bytes) = blobs().remove(0);
    let twice = vec![(hash.clone(), bytes.clone()), (hash.clone(), bytes.clone())];
    let got = read(&write(&twice, None), None).expect("read");
    assert_eq!(got, vec![(hash, bytes)], "one entry per hash");
}

#[test]
fn zip_format_tells_a_dossier_archive_a_linkedin_export_and_any_other_zip() {
    let format =
        |bytes: Vec<u8>| dossier_interop::archive::zip_format(&InputFile::new("x.zip", bytes));
    let archive = zip_of(&[("dossier.json", &state(), DEFLATED)]);
    assert_eq!(
        format(archive).expect("archive"),
        Format::Archive,
        "dossier.json at the root"
    );
    let linkedin = zip_of(&[
        (
            "Basic_LinkedInDataExport_05-01-2024/Profile.csv",
            b"First Name",
            STORED,
        ),
        (
            "Basic_LinkedInDataExport_05-01-2024/Certifications.csv",
            b"Name,Url",
            DEFLATED,
        ),
    ]);
    assert_eq!(
        format(linkedin).expect("linkedin"),
        Format::Linkedin,
        "Certifications.csv"
    );
    let lower = zip_of(&[("export/education.CSV", b"School Name", STORED)]);
    assert_eq!(
        format(lower).expect("linkedin"),
        Format::Linkedin,
        "any case, any folder"
    );
    let nested = zip_of(&[("backup/dossier.json", &state(), DEFLATED)]);
    assert!(
        format(nested).is_err(),
        "dossier.json only counts at the root"
    );
    let other = zip_of(&[
        ("notes.txt", b"hi", STORED),
        ("photo.jpg", b"\xFF\xD8", STORED),
    ]);
    match format(other) {
        Err(Error::Unrecognised { hint, .. }) => {
            assert!(
                hint.contains("notes.txt") && hint.contains("photo.jpg"),
                "names them: {hint}"
            )
        }
        other => panic!("a random zip is unrecognised, got {other:?}"),
    }
    let broken = format(b"PK\x03\x04 not really a zip".to_vec());
    assert!(
        matches!(broken, Err(Error::Invalid { .. })),
        "a broken zip: {broken:?}"
    );
}

#[test]
fn bytes_that_are_neither_zip_nor_archive_are_refused() {
    let message = archive_error(read(b"{\"dossier\": 1}", None), "JSON is not an archive");
    assert!(
        message.contains("neither"),
        "says what it is not: {message}"
    );
    archive_error(read(b"x", None), "one byte");
}
