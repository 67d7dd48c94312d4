//! LinkedIn's data export: its CSV files in the current and 2018 shapes, and hostile CSVs (an
//! unbalanced quote, 100,001 rows, a 70 KiB cell, Latin-1 and UTF-16 bytes). The whole export
//! zip is in `zip_export`.

mod zip_export;

use crate::fixture_files::{at, fields, fixture, message, titles, valid};
use dossier_core::CredentialKind;
use dossier_interop::{detect, linkedin, Format, InputFile};

pub const CERT_HEADER: &str = "Name,Url,Authority,Started On,Finished On,License Number\n";

fn csv(name: &str, text: impl Into<Vec<u8>>) -> InputFile {
    InputFile::new(name, text.into())
}

#[test]
fn certifications_read_with_linkedins_dates_quotes_and_empty_cells() {
    let file = fixture("linkedin", "Certifications.csv");
    assert!(linkedin::recognises(&file), "the header is LinkedIn's");
    assert_eq!(
        detect(&file).expect("detected"),
        Format::Linkedin,
        "by content"
    );
    let found = linkedin::read(&file).expect("the file reads");
    assert_eq!(
        found.len(),
        6,
        "one record a data row: {:?}",
        titles(&found)
    );

    // Name, Authority, Started On (the issue date), Finished On (the expiry), License Number.
    let expected = [
        [
            "Deep Learning Specialization",
            "DeepLearning.AI",
            "2023-10",
            "",
            "ABC123XYZ",
        ],
        [
            "AWS Certified Machine Learning – Specialty",
            "Amazon Web Services (AWS)",
            "2022-03",
            "2025-03",
            "AWS-MLS-004217",
        ],
        [
            "Clinical NLP: \"Natural Language Processing for EHRs\"",
            "Stanford Center for Professional Development",
            "2021",
            "",
            "",
        ],
        [
            "• Ethical AI Governance",
            "Example Institute, Inc.",
            "2024-01",
            "",
            "",
        ],
    ];
    for (f, row) in found.iter().zip(expected) {
        let got = fields(f, "title issuer completed expires credential_id");
        assert_eq!(
            got, row,
            "{}: quotes, trimmed symbols, empty cells",
            f.location
        );
        assert_eq!(
            f.draft.kind,
            CredentialKind::Certification,
            "{}: kind",
            f.location
        );
        assert!(
            !f.draft.verified,
            "{}: an import is never verified",
            f.location
        );
        assert!(
            f.evidence.is_empty(),
            "{}: a CSV row is not a credential file",
            f.location
        );
        valid(f);
    }
    let dl = at(&found, "Certifications.csv row 2");
    assert!(dl.draft.url.starts_with("https://www.coursera.org/"), "Url");
    assert_eq!(
        (
            dl.source.format,
            dl.source.file.as_str(),
            dl.source.id.as_deref()
        ),
        (Format::Linkedin, "Certifications.csv", None),
        "the source: a row has no id"
    );
    assert_eq!(found[2].draft.url, "", "an empty Url");

    let nameless = at(&found, "Certifications.csv row 6");
    assert_eq!(
        nameless.problems,
        ["row 6: Name is empty"],
        "a row with no name"
    );
    assert_eq!(
        nameless.draft.credential_id, "EBI-77",
        "the rest is still read"
    );

    let spring = at(&found, "Certifications.csv row 7");
    assert_eq!(
        spring.problems.len(),
        1,
        "one problem: {:?}",
        spring.problems
    );
    assert!(
        spring.problems[0].contains("row 7: Started On 'Spring 2020' is not a date"),
        "the date problem names row, column and text: {:?}",
        spring.problems
    );
    assert_eq!(
        spring.draft.completed, "Spring 2020",
        "kept as written, to be fixed"
    );
}

#[test]
fn a_bom_and_crlf_do_not_change_what_is_read() {
    let plain = fixture("linkedin", "Certifications.csv");
    let text = String::from_utf8(plain.bytes.to_vec()).expect("UTF-8");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(text.replace('\n', "\r\n").into_bytes());
    let file = csv("Certifications.csv", bytes);
    assert!(linkedin::recognises(&file), "recognised with a BOM");
    let (a, b) = (
        linkedin::read(&plain).expect("plain"),
        linkedin::read(&file).expect("BOM"),
    );
    assert_eq!(
        a.iter().map(|f| &f.draft).collect::<Vec<_>>(),
        b.iter().map(|f| &f.draft).collect::<Vec<_>>(),
        "the same drafts"
    );
}

#[test]
fn the_2018_certifications_header_reads_the_same_way() {
    let found = linkedin::read(&fixture("linkedin", "Certifications-2018.csv")).expect("reads");
    let cphims = at(&found, "Certifications-2018.csv row 2");
    assert_eq!(
        cphims.draft.completed, "2017-06",
        "Start Date is the issue date"
    );
    assert_eq!(cphims.draft.expires, "2020-06", "End Date the expiry");
    assert_eq!(cphims.draft.issuer, "HIMSS", "Authority");
    valid(cphims);
    assert_eq!(found[1].draft.completed, "2016", "a bare year");
}

#[test]
fn education_reads_degrees_and_leaves_in_progress_to_validation() {
    let file = fixture("linkedin", "Education.csv");
    assert!(linkedin::recognises(&file), "the Education.csv header");
    let found = linkedin::read(&file).expect("reads");
    assert_eq!(
        titles(&found),
        [
            "Doctor of Medicine - MD",
            "Master of Science - MS",
            "Studies at Coursera",
            "PhD"
        ],
        "Degree Name, or the school when there is none"
    );
    assert!(
        found.iter().all(|f| f.draft.kind == CredentialKind::Degree),
        "degrees"
    );

    let expected = [
        // School Name, Start Date, End Date (YYYY, Mon YYYY), Notes and Activities.
        (
            "University of Example",
            "2012",
            "2018",
            "Activities: Student council, Global health society",
        ),
        (
            "Example Institute of Technology",
            "2021-09",
            "2023-06",
            "Thesis: \"Calibrating clinical risk models\"",
        ),
        ("Coursera", "", "", ""),
        (
            "Example Medical School",
            "2024-08",
            "2028-05",
            "AI in Medicine track\n\nActivities: Journal club",
        ),
    ];
    for (f, fields) in found.iter().zip(expected) {
        let d = &f.draft;
        let got = (
            d.issuer.as_str(),
            d.started.as_str(),
            d.completed.as_str(),
            d.notes.as_str(),
        );
        assert_eq!(got, fields, "{}", f.location);
    }
    valid(&found[0]);
    valid(&found[1]);

    let coursera = &found[2];
    assert!(
        coursera.notes.iter().any(|n| n.contains("no end date")),
        "a missing end date is said: {:?}",
        coursera.notes
    );

    let phd = &found[3];
    assert!(
        !phd.draft.in_progress,
        "LinkedIn does not say; the importer has no clock"
    );
    let errors = phd
        .draft
        .validate(crate::fixture_files::today())
        .expect_err("future");
    assert!(
        format!("{errors:?}").contains("in progress"),
        "validation asks for the record to be marked in progress: {errors:?}"
    );
}

#[test]
fn courses_are_ce_activities_and_honors_hold_no_records() {
    let found = linkedin::read(&fixture("linkedin", "Courses.csv")).expect("reads");
    assert_eq!(found.len(), 3, "three courses");
    assert!(
        found
            .iter()
            .all(|f| f.draft.kind == CredentialKind::CeActivity),
        "CE activities"
    );
    assert_eq!(found[1].draft.credential_id, "BIOS 702", "Number");
    assert_eq!(found[2].draft.credential_id, "", "no number");
    found.iter().for_each(valid);

    let honors = fixture("linkedin", "Honors.csv");
    assert!(
        linkedin::recognises(&honors),
        "known, so not taken for a generic CSV"
    );
    assert!(
        linkedin::read(&honors).expect("reads").is_empty(),
        "no credentials in honours"
    );
}

#[test]
fn a_generic_csv_is_not_taken_for_linkedins() {
    for name in ["credentials.csv", "Learning.csv", "no-title.csv"] {
        let file = fixture("csv", name);
        assert!(
            !linkedin::recognises(&file),
            "{name} is not a LinkedIn credential file"
        );
    }
    let courses_plus = csv("x.csv", "Name,Number,Date\nA,1,2020\n");
    assert!(
        !linkedin::recognises(&courses_plus),
        "a column Courses.csv never had"
    );
    let e = message(linkedin::read(&courses_plus), "Unrecognised");
    assert!(e.contains("Name, Number, Date"), "the header is shown: {e}");
}

#[test]
fn an_unbalanced_quote_is_invalid_naming_its_line() {
    let text =
        format!("{CERT_HEADER}Good,,Auth,2021,,\n\"Broken cert,,Auth,2021,,\nMore,,Auth,2020,,\n");
    let e = message(linkedin::read(&csv("Certifications.csv", text)), "Invalid");
    assert!(e.contains("line 3"), "the line where the quote opens: {e}");
    assert!(e.contains("never closed"), "the reason: {e}");
}

#[test]
fn more_than_100000_rows_are_refused_naming_the_row() {
    let mut text = "Name,Number\n".to_string();
    for i in 0..100_000 {
        text.push_str(&format!("Course {i},{i}\n"));
    }
    let exactly = linkedin::read(&csv("Courses.csv", text.clone())).expect("100,000 rows read");
    assert_eq!(exactly.len(), 100_000, "the limit itself is allowed");
    text.push_str("One too many,1\n");
    let e = message(linkedin::read(&csv("Courses.csv", text)), "TooLarge");
    assert!(e.contains("row 100002"), "the first row over: {e}");
}

#[test]
fn a_70_kib_cell_is_refused_naming_row_and_column() {
    let text = format!(
        "{CERT_HEADER}Fine,,Auth,2021,,\n{},,Auth,2021,,\n",
        "x".repeat(70 * 1024)
    );
    let e = message(linkedin::read(&csv("Certifications.csv", text)), "TooLarge");
    assert!(e.contains("row 3, column Name"), "row and column: {e}");
    assert!(
        e.contains("70 KiB") && e.contains("64 KiB"),
        "size and limit: {e}"
    );
}

#[test]
fn latin_1_and_utf_16_are_refused_with_the_fix() {
    let mut latin1 = CERT_HEADER.as_bytes().to_vec();
    latin1.extend(b"Fine,,Auth,2021,,\nZertifikat,,Universit\xe4t Beispiel,2021,,\n");
    let e = message(
        linkedin::read(&csv("Certifications.csv", latin1)),
        "Invalid",
    );
    assert!(e.contains("line 3"), "the line: {e}");
    assert!(e.contains("Authority"), "the column: {e}");
    assert!(e.contains("UTF-8"), "the fix: {e}");

    let utf16: Vec<u8> = "\u{feff}Name,Number\nA,1\n"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let e = message(linkedin::read(&csv("Courses.csv", utf16)), "Invalid");
    assert!(e.contains("UTF-16"), "named: {e}");
}

#[test]
fn an_empty_file_is_invalid() {
    let e = message(linkedin::read(&csv("Certifications.csv", "")), "Invalid");
    assert!(e.contains("empty"), "says so: {e}");
}
