//! The whole LinkedIn export zip (members picked by name in any case and folder, unrelated
//! files beside them, the committed export) and hostile zips: a bomb, `../` and absolute paths,
//! a header that lies about the size, a truncated zip, too many entries.

use super::CERT_HEADER;
use crate::fixture_files::{fixture, message, zip};
use dossier_interop::{linkedin, InputFile};
use std::time::{Duration, Instant};

fn export_zip() -> Vec<u8> {
    let certs = fixture("linkedin", "Certifications.csv");
    let education = fixture("linkedin", "Education.csv");
    let courses = fixture("linkedin", "Courses.csv");
    zip(&[
        (
            "Connections.csv",
            b"First Name,Last Name,URL\nAda,Example,https://x.example\n",
        ),
        (
            "Email Addresses.csv",
            b"Email Address,Confirmed,Primary\na@example.org,Yes,Yes\n",
        ),
        ("PhoneNumbers.csv", b"Extension,Number,Type\n,123,Mobile\n"),
        ("CERTIFICATIONS.csv", &certs.bytes),
        ("Jobs/", b""),
        (
            "Jobs/Job Applications.csv",
            b"Application Date,Company Name\n",
        ),
        ("Learning/Education.CSV", &education.bytes),
        ("courses.csv", &courses.bytes),
        (
            "Honors.csv",
            b"Title,Description,Issued On\nDean's List,,2016\n",
        ),
        (
            "Rich_Media.csv",
            b"Date/Time,Media Description,Media Link\n",
        ),
    ])
}

/// The records of a whole export holding Certifications.csv (6 rows), Education.csv (4) and
/// Courses.csv (3) among other files, with each record's source file.
fn read_export(file: &InputFile) -> Vec<(String, String)> {
    assert!(
        linkedin::recognises(file),
        "{}: recognised by its entries",
        file.name
    );
    let found = linkedin::read(file).expect("the export reads");
    assert_eq!(
        found.len(),
        6 + 4 + 3,
        "{}: the three files only",
        file.name
    );
    assert!(
        found.iter().all(|f| f.evidence.is_empty()),
        "no evidence from CSV rows"
    );
    found
        .into_iter()
        .map(|f| (f.location, f.source.file))
        .collect()
}

#[test]
fn the_whole_export_zip_reads_the_three_files_by_name_and_ignores_the_rest() {
    let name = "Complete_LinkedInDataExport_10-01-2024.zip";
    let made = read_export(&InputFile::new(name, export_zip()));
    let committed = read_export(&fixture("linkedin", name));
    for (sources, location, member) in [
        (&made, "CERTIFICATIONS.csv row 2", "CERTIFICATIONS.csv"),
        (&made, "Education.CSV row 5", "Learning/Education.CSV"),
        (&made, "courses.csv row 3", "courses.csv"),
        (&committed, "Certifications.csv row 7", "Certifications.csv"),
    ] {
        let source = sources.iter().find(|(l, _)| l == location).map(|(_, s)| s);
        assert_eq!(
            source.map(String::as_str),
            Some(format!("{name}/{member}").as_str()),
            "{location}: the zip's name plus the member's path"
        );
    }
}

#[test]
fn a_zip_without_the_three_files_is_unrecognised() {
    let file = InputFile::new(
        "Basic_LinkedInDataExport.zip",
        zip(&[("Profile.csv", b"a,b\n")]),
    );
    assert!(!linkedin::recognises(&file), "nothing to read");
    let e = message(linkedin::read(&file), "Unrecognised");
    assert!(
        e.contains("Certifications.csv"),
        "says what it looked for: {e}"
    );
}

#[test]
fn a_member_named_certifications_with_another_header_is_refused_by_name() {
    let file = InputFile::new(
        "export.zip",
        zip(&[("Certifications.csv", b"Foo,Bar\n1,2\n")]),
    );
    let e = message(linkedin::read(&file), "Invalid");
    assert!(
        e.contains("export.zip/Certifications.csv"),
        "names the member: {e}"
    );
    assert!(e.contains("Foo, Bar"), "shows the header: {e}");
}

#[test]
fn a_zip_bomb_is_refused_by_its_ratio_without_inflating_it() {
    let zeros = vec![0u8; 16 * 1024 * 1024];
    let file = InputFile::new("bomb.zip", zip(&[("Certifications.csv", &zeros)]));
    assert!(
        file.bytes.len() < 100_000,
        "the bomb is small: {}",
        file.bytes.len()
    );
    let started = Instant::now();
    let e = message(linkedin::read(&file), "TooLarge");
    assert!(e.contains("ratio"), "the ratio is named: {e}");
    assert!(e.contains("Certifications.csv"), "and the entry: {e}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "refused quickly"
    );

    let elsewhere = InputFile::new(
        "bomb2.zip",
        zip(&[
            ("Certifications.csv", CERT_HEADER.as_bytes()),
            ("filler.bin", &zeros),
        ]),
    );
    let e = message(linkedin::read(&elsewhere), "TooLarge");
    assert!(
        e.contains("filler.bin"),
        "a bomb in an entry Dossier would not read is refused too: {e}"
    );
}

#[test]
fn paths_that_climb_out_or_are_absolute_are_refused() {
    for name in [
        "../Certifications.csv",
        "Basic/../../Courses.csv",
        "/etc/Certifications.csv",
        "C:\\Users\\Education.csv",
    ] {
        let file = InputFile::new("evil.zip", zip(&[(name, CERT_HEADER.as_bytes())]));
        let e = message(linkedin::read(&file), "Invalid");
        assert!(e.contains(name), "the entry is named: {e}");
        assert!(
            e.contains("'..'") && e.contains("refuses"),
            "the reason is said: {e}"
        );
    }
}

/// Sets every uncompressed-size field of a one-entry zip (local header and central directory)
/// to `size`, as a zip made to lie would.
fn lie_about_size(mut bytes: Vec<u8>, size: u32) -> Vec<u8> {
    for (signature, offset) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
        let at = bytes
            .windows(4)
            .position(|w| w == signature)
            .expect("the header");
        bytes[at + offset..at + offset + 4].copy_from_slice(&size.to_le_bytes());
    }
    bytes
}

#[test]
fn an_entry_that_inflates_past_its_declared_size_is_cut_off() {
    let mut text = CERT_HEADER.to_string();
    for i in 0..20_000 {
        text.push_str(&format!("Course {i},,Example,2021,,\n"));
    }
    let file = InputFile::new(
        "liar.zip",
        lie_about_size(zip(&[("Certifications.csv", text.as_bytes())]), 100),
    );
    let result = linkedin::read(&file);
    let e = result.expect_err("a lying header is refused");
    assert!(
        e.to_string().contains("declare"),
        "says it passed its declared size: {e}"
    );
}

#[test]
fn a_truncated_zip_is_invalid() {
    let whole = export_zip();
    let file = InputFile::new("cut.zip", whole[..whole.len() / 2].to_vec());
    let e = message(linkedin::read(&file), "Invalid");
    assert!(e.contains("truncated or damaged"), "says so: {e}");
    assert!(!linkedin::recognises(&file), "not recognised");
}

#[test]
fn a_zip_of_too_many_entries_is_refused() {
    let names: Vec<String> = (0..=10_000).map(|i| format!("f{i}.txt")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let file = InputFile::new("many.zip", zip(&entries));
    let e = message(linkedin::read(&file), "TooLarge");
    assert!(
        e.contains("10001") && e.contains("10000"),
        "count and limit: {e}"
    );
}
