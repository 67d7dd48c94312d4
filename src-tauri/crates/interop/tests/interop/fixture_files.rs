//! What the LinkedIn, JSON Resume, Europass and CSV tests share: fixtures by folder, the day
//! the tests take as today, zips made in memory, and short ways to look at what was found.

use chrono::NaiveDate;
use dossier_interop::{Error, Found, InputFile};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// The committed file `tests/fixtures/FOLDER/NAME`.
pub fn fixture(folder: &str, name: &str) -> InputFile {
    let path = format!(
        "{}/tests/fixtures/{folder}/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    InputFile::new(name, std::fs::read(&path).expect("the fixture exists"))
}

/// The tests' today: after every fixture's past dates, before its future ones.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).expect("a date")
}

/// A zip of `entries` (deflated; a name ending in `/` is a folder).
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, bytes) in entries {
        if name.ends_with('/') {
            w.add_directory(*name, options).expect("a folder entry");
        } else {
            w.start_file(*name, options).expect("an entry");
            w.write_all(bytes).expect("the entry's bytes");
        }
    }
    w.finish().expect("the zip").into_inner()
}

/// The record at `location`.
pub fn at<'a>(found: &'a [Found], location: &str) -> &'a Found {
    found
        .iter()
        .find(|f| f.location == location)
        .unwrap_or_else(|| panic!("a record at {location}"))
}

pub fn titles(found: &[Found]) -> Vec<&str> {
    found.iter().map(|f| f.draft.title.as_str()).collect()
}

/// The draft's text fields named in `names` ("title issuer completed"), to compare at once;
/// the names are the draft's own, as it serialises.
pub fn fields(f: &Found, names: &str) -> Vec<String> {
    let draft = serde_json::to_value(&f.draft).expect("a draft serialises");
    names
        .split_whitespace()
        .map(|name| match draft.get(name) {
            Some(serde_json::Value::String(s)) => s.clone(),
            _ => panic!("the draft has no text field {name}"),
        })
        .collect()
}

pub fn skills(f: &Found) -> Vec<&str> {
    f.draft.skills.iter().map(|s| s.name.as_str()).collect()
}

/// Asserts that the record has no problems of its own and passes validation as of `today`.
pub fn valid(f: &Found) {
    assert!(
        f.problems.is_empty(),
        "{}: no problems expected, got {:?}",
        f.location,
        f.problems
    );
    if let Err(e) = f.draft.validate(today()) {
        panic!("{}: the draft should validate: {e:?}", f.location);
    }
}

/// The error's message, asserting it is of the expected kind (`TooLarge`, `Invalid`, ...).
pub fn message(result: dossier_interop::Result<Vec<Found>>, kind: &str) -> String {
    let e = match result {
        Ok(found) => panic!("expected an error ({kind}), got {} records", found.len()),
        Err(e) => e,
    };
    let actual = match &e {
        Error::Invalid { .. } => "Invalid",
        Error::TooLarge { .. } => "TooLarge",
        Error::Unrecognised { .. } => "Unrecognised",
        Error::Archive { .. } => "Archive",
        Error::Io { .. } => "Io",
    };
    assert_eq!(actual, kind, "the kind of error: {e}");
    e.to_string()
}
