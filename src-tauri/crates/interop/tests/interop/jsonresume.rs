//! JSON Resume (schema v1.2.1): certificates and education in their real shapes (three date
//! forms, ongoing studies), and wrong shapes, bad JSON, a 100,000-deep file and a huge field.

use crate::fixture_files::{at, fixture, message, skills, titles, valid};
use dossier_core::CredentialKind;
use dossier_interop::{detect, jsonresume, Format, InputFile};
use std::time::{Duration, Instant};

fn resume(json: &str) -> InputFile {
    InputFile::new("resume.json", json.as_bytes().to_vec())
}

#[test]
fn certificates_become_certifications() {
    let file = fixture("jsonresume", "resume.json");
    assert_eq!(
        detect(&file).expect("detected"),
        Format::Jsonresume,
        "by content"
    );
    let found = jsonresume::read(&file).expect("the résumé reads");
    assert_eq!(
        found.len(),
        8,
        "four certificates and four educations: {:?}",
        titles(&found)
    );

    let expected = [
        (
            "AWS Certified Machine Learning – Specialty",
            "Amazon Web Services",
            "2022-03-14",
        ),
        ("Certified Health Data Analyst", "AHIMA", "2021"),
        ("Ethical AI Governance", "Example Institute", "2024-01"),
    ];
    for (f, fields) in found.iter().zip(expected) {
        let d = &f.draft;
        let got = (d.title.as_str(), d.issuer.as_str(), d.completed.as_str());
        assert_eq!(
            got, fields,
            "{}: name, issuer and a date in each form",
            f.location
        );
        assert_eq!(
            d.kind,
            CredentialKind::Certification,
            "{}: kind",
            f.location
        );
        valid(f);
    }
    let aws = at(&found, "certificates[0]");
    assert!(aws.draft.url.starts_with("https://www.credly.com/"), "url");
    assert_eq!(aws.source.format, Format::Jsonresume, "source");
    assert!(aws.evidence.is_empty(), "a résumé is not a credential file");

    let unnamed = at(&found, "certificates[3]");
    assert_eq!(
        unnamed.problems,
        [
            "certificates[3].date: 'last spring' is not a date (the schema wants YYYY, \
             YYYY-MM or YYYY-MM-DD)",
            "certificates[3].name is empty"
        ],
        "problems name the field"
    );
}

#[test]
fn education_becomes_degrees_with_ongoing_studies_in_progress() {
    let found = jsonresume::read(&fixture("jsonresume", "resume.json")).expect("reads");
    let expected = [
        (
            "education[0]",
            "Master of Science in Biostatistics",
            "2019-09",
            "2021-06-15",
            false,
        ),
        (
            "education[1]",
            "Doctor of Medicine (MD)",
            "2012",
            "2018",
            false,
        ),
        (
            "education[2]",
            "PhD in AI in Medicine",
            "2023-09-01",
            "",
            true,
        ),
        (
            "education[3]",
            "Studies in Data Governance",
            "2024-01",
            "",
            true,
        ),
    ];
    // The title from studyType and area ("in", unless the type already names the area, or
    // "Studies in" without a type); no endDate, absent or null, means ongoing.
    for (location, title, started, completed, ongoing) in expected {
        let f = at(&found, location);
        let d = &f.draft;
        let got = (
            d.title.as_str(),
            d.started.as_str(),
            d.completed.as_str(),
            d.in_progress,
        );
        assert_eq!(got, (title, started, completed, ongoing), "{location}");
        assert_eq!(d.kind, CredentialKind::Degree, "{location}: kind");
        valid(f);
    }
    let ms = at(&found, "education[0]");
    assert_eq!(ms.draft.issuer, "University of Example", "institution");
    assert_eq!(ms.draft.url, "https://www.example.edu/", "url");
    assert_eq!(skills(ms), ["Biostatistics"], "the area is a skill");
    assert_eq!(
        ms.draft.notes,
        "Score: 3.9/4.0\nCourses: BIOS 702 - Survival Analysis; BIOS 735 - Statistical Computing",
        "score and courses"
    );
    assert_eq!(
        at(&found, "education[1]").draft.notes,
        "Score: 8.1",
        "a numeric score"
    );
    assert_eq!(
        at(&found, "education[3]").draft.notes,
        "",
        "an empty course list adds nothing"
    );
}

#[test]
fn a_resume_without_credentials_gives_no_records() {
    let found =
        jsonresume::read(&resume(r#"{"basics": {"name": "A"}, "work": []}"#)).expect("reads");
    assert!(found.is_empty(), "nothing to import");
}

#[test]
fn wrong_shapes_are_invalid_naming_the_field() {
    let cases = [
        (
            r#"{"certificates": {"name": "A"}}"#,
            "field certificates: is not a list",
        ),
        (
            r#"{"certificates": [{"name": "A"}, "B"]}"#,
            "field certificates[1]: is not an object",
        ),
        (
            r#"{"certificates": [{"name": "A"}, {"name": "B"}, {"name": "C", "date": 2021}]}"#,
            "field certificates[2].date: is not a string",
        ),
        (
            r#"{"education": [{"institution": ["X"]}]}"#,
            "field education[0].institution",
        ),
        (
            r#"{"education": [{"courses": "Stats"}]}"#,
            "field education[0].courses: is not a list",
        ),
        (
            r#"{"education": [{"courses": ["A", 7]}]}"#,
            "field education[0].courses[1]",
        ),
        (r#"[{"certificates": []}]"#, "the top level"),
    ];
    for (json, expected) in cases {
        let e = message(jsonresume::read(&resume(json)), "Invalid");
        assert!(
            e.contains(expected),
            "{json}: expected '{expected}' in '{e}'"
        );
    }
}

#[test]
fn bad_json_is_invalid_with_its_line_and_column() {
    let e = message(
        jsonresume::read(&resume(
            "{\n  \"certificates\": [\n    {\"name\": \"A\",}\n  ]\n}",
        )),
        "Invalid",
    );
    assert!(e.contains("line 3"), "the line: {e}");
    let e = message(jsonresume::read(&resume("{\"certificates\": [")), "Invalid");
    assert!(e.contains("line 1"), "truncated: {e}");
}

#[test]
fn a_100000_deep_file_is_refused_quickly() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let started = Instant::now();
    let e = message(jsonresume::read(&resume(&deep)), "TooLarge");
    assert!(e.contains("nesting"), "says why: {e}");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "without recursing"
    );
}

#[test]
fn a_field_over_64_kib_is_refused_naming_it() {
    let json = format!(
        r#"{{"certificates": [{{"name": "{}"}}]}}"#,
        "x".repeat(70 * 1024)
    );
    let e = message(jsonresume::read(&resume(&json)), "TooLarge");
    assert!(e.contains("certificates[0].name"), "the field: {e}");
}
