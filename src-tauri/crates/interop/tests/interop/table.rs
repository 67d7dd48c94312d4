//! The generic CSV importer: mappings guessed from the headers people and trackers write,
//! cells as people type them (dates, hours, kinds, statuses), a mapping given by the app, and
//! the failures: no title column, a mapping naming a missing column, hostile files.

use crate::fixture_files::{at, fields, fixture, message, skills, titles, valid};
use dossier_core::CredentialKind;
use dossier_interop::table::{self, Field, Mapping};
use dossier_interop::{detect, Format, InputFile};

fn csv(text: impl Into<Vec<u8>>) -> InputFile {
    InputFile::new("mine.csv", text.into())
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_mapping_is_guessed_from_a_trackers_headers() {
    let file = fixture("csv", "credentials.csv");
    let names = table::headers(&file).expect("the header row");
    let mapping = table::guess(&names);
    let field = |h: &str| {
        mapping
            .columns
            .iter()
            .find(|(c, _)| c == h)
            .map(|(_, f)| *f)
    };
    for (header, expected) in [
        ("Credential", Field::Title),
        ("Issuing Organization", Field::Issuer),
        ("Issue Date", Field::Completed),
        ("Expiration Date", Field::Expires),
        ("Credential ID", Field::CredentialId),
        ("Credential URL", Field::Url),
        ("Kind", Field::Kind),
        ("Hours", Field::Hours),
        ("Skills", Field::Skills),
        ("Description", Field::Notes),
    ] {
        assert_eq!(field(header), Some(expected), "{header}");
    }
    assert_eq!(
        detect(&file).expect("detected"),
        Format::Csv,
        "a generic CSV"
    );
}

#[test]
fn odd_headers_map_to_the_field_they_mean() {
    let cases: &[(&str, Option<Field>)] = &[
        ("Name", Some(Field::Title)),
        ("Course Title", Some(Field::Title)),
        ("CME Activity Title", Some(Field::Title)),
        ("Provider", Some(Field::Issuer)),
        ("Issued by", Some(Field::Issuer)),
        ("Date Completed", Some(Field::Completed)),
        ("Start date", Some(Field::Started)),
        ("Valid until", Some(Field::Expires)),
        ("Expiry", Some(Field::Expires)),
        ("CME Credits", Some(Field::Hours)),
        ("Credit type", Some(Field::CreditType)),
        ("Type", Some(Field::Kind)),
        ("License Number", Some(Field::CredentialId)),
        ("Certificate #", Some(Field::CredentialId)),
        ("Verification link", Some(Field::Url)),
        ("Status", Some(Field::InProgress)),
        ("Tags", Some(Field::Skills)),
        ("Notes", Some(Field::Notes)),
        ("Award date", Some(Field::Completed)),
        ("Favourite colour", None),
    ];
    for (header, expected) in cases {
        let mapping = table::guess(&headers(&[header]));
        assert_eq!(
            mapping.columns.first().map(|(_, f)| *f),
            *expected,
            "'{header}'"
        );
    }
}

#[test]
fn a_plain_name_beats_a_vague_one_and_single_fields_take_one_column() {
    let mapping = table::guess(&headers(&[
        "Last Watched Date",
        "Completed At",
        "Title",
        "Name",
        "Description",
        "Notes",
    ]));
    assert_eq!(
        mapping.columns,
        vec![
            ("Completed At".to_string(), Field::Completed),
            ("Title".to_string(), Field::Title),
            ("Description".to_string(), Field::Notes),
            ("Notes".to_string(), Field::Notes),
        ],
        "'Completed At' over 'Last Watched Date'; 'Title' over 'Name'; notes from both"
    );
}

#[test]
fn a_trackers_export_reads_with_its_dates_hours_kinds_and_skills() {
    let found = table::read(&fixture("csv", "credentials.csv"), None).expect("reads");
    assert_eq!(
        found.len(),
        6,
        "the blank row is skipped: {:?}",
        titles(&found)
    );

    let names = "title issuer completed expires credential_id url hours notes";
    let expected = [
        (
            "row 2",
            CredentialKind::Certification,
            [
                "Basic Life Support (BLS)",
                "American Heart Association",
                "2024-03-15",
                "2026-03",
                "BLS-2024-7781",
                "https://example.org/verify/7781",
                "4",
                "",
            ],
        ),
        (
            "row 3",
            CredentialKind::CeActivity,
            [
                "Journal CME: \"Deep learning in chest imaging\"",
                "Example Journal of Radiology",
                "2023-10-22",
                "",
                "",
                "",
                "1.5",
                "AMA PRA Category 1 Credit(s)™",
            ],
        ),
        // Numbered past the blank row 4, as a spreadsheet shows it.
        (
            "row 5",
            CredentialKind::CeActivity,
            [
                "Clinical NLP Workshop",
                "Example Society of Informatics",
                "2024-05-02",
                "",
                "",
                "",
                "2",
                "",
            ],
        ),
    ];
    for (row, kind, values) in expected {
        let f = at(&found, row);
        assert_eq!(
            fields(f, names),
            values,
            "{row}: MM/DD/YYYY, 'October 22, 2023', 1,5, 2 hours"
        );
        assert_eq!(f.draft.kind, kind, "{row}: the kind by name, label or word");
        assert_eq!(f.source.format, Format::Csv, "{row}: source");
        valid(f);
    }
    assert_eq!(
        skills(&found[0]),
        ["Resuscitation", "Clinical medicine"],
        "split on ;"
    );
    assert_eq!(skills(&found[1]).len(), 2, "split on ,");

    let seminar = at(&found, "row 6");
    assert_eq!(seminar.draft.hours, "1.5", "'90 min'");
    assert_eq!(seminar.problems.len(), 1, "{:?}", seminar.problems);
    assert!(
        seminar.problems[0].starts_with("row 6: Kind 'Webinarz' is not a kind Dossier knows"),
        "names row, column and value: {:?}",
        seminar.problems
    );

    let untitled = at(&found, "row 7");
    assert_eq!(
        untitled.problems,
        ["row 7: Credential is empty"],
        "no title"
    );

    let foundations = at(&found, "row 8");
    assert_eq!(
        foundations.draft.kind,
        CredentialKind::MicroCredential,
        "kind name"
    );
    assert_eq!(foundations.draft.completed, "2024-03", "Mon YYYY");
    assert_eq!(
        foundations.draft.notes, "Notes with a comma, and a line\nbreak inside the quotes",
        "a quoted line break"
    );
    assert!(
        foundations
            .problems
            .iter()
            .any(|p| p.contains("'about two' is not a number of hours")),
        "hours it cannot read: {:?}",
        foundations.problems
    );
}

#[test]
fn a_semicolon_csv_with_a_bom_and_crlf_reads() {
    let found = table::read(&fixture("csv", "cme-log-semicolon.csv"), None).expect("reads");
    assert_eq!(found.len(), 2, "two rows");
    let ethics = &found[0];
    assert_eq!(
        ethics.draft.title, "Ethik der KI in der Medizin",
        "title, no BOM in it"
    );
    assert_eq!(ethics.draft.issuer, "Ärztekammer Beispiel", "UTF-8");
    assert_eq!(ethics.draft.completed, "2024-03-12", "Date");
    assert_eq!(ethics.draft.hours, "1.5", "Credits with a decimal comma");
    assert_eq!(ethics.draft.credit_type, "CME Kategorie A", "Credit type");
    assert!(!ethics.draft.in_progress, "'completed'");
    assert_eq!(skills(ethics), ["Ethics and governance"], "Topics");
    valid(ethics);
    let regulatory = &found[1];
    assert!(regulatory.draft.in_progress, "'in progress'");
    assert_eq!(
        regulatory.draft.hours, "12",
        "no carriage return left in the cell"
    );
    valid(regulatory);
}

#[test]
fn linkedins_learning_csv_with_its_trailing_comma_reads_as_a_generic_csv() {
    let file = fixture("csv", "Learning.csv");
    let names = table::headers(&file).expect("the header");
    assert_eq!(
        names.len(),
        8,
        "the trailing comma gives an empty name: {names:?}"
    );
    assert_eq!(names[7], "", "empty");
    assert_eq!(
        detect(&file).expect("detected"),
        Format::Csv,
        "not a LinkedIn credential file"
    );
    let found = table::read(&file, None).expect("reads");
    let course = &found[0];
    assert_eq!(
        course.draft.title, "Prompt Engineering for Healthcare",
        "Content Title"
    );
    assert_eq!(
        course.draft.completed, "2024-02-11",
        "Content Completed At, not Last Watched"
    );
    assert_eq!(course.draft.kind, CredentialKind::CeActivity, "Course");
    assert_eq!(
        course.draft.notes, "Short course on prompting, with clinical examples",
        "notes"
    );
    valid(course);
    assert!(
        found[1].problems.iter().any(|p| p.contains("'Video'")),
        "an unknown kind is a problem: {:?}",
        found[1].problems
    );
}

#[test]
fn kinds_take_dossiers_names_labels_and_common_words() {
    let cases = [
        ("degree", CredentialKind::Degree),
        ("Graduate certificate", CredentialKind::GraduateCertificate),
        ("board-certification", CredentialKind::BoardCertification),
        ("Executive education", CredentialKind::ExecutiveEducation),
        ("Certificate", CredentialKind::Certification),
        ("CME", CredentialKind::CeActivity),
        ("Courses", CredentialKind::CeActivity),
        ("Badge", CredentialKind::MicroCredential),
        ("experience", CredentialKind::Experience),
    ];
    let mut text = "Title,Type\n".to_string();
    for (word, _) in cases {
        text.push_str(&format!("A record,{word}\n"));
    }
    let found = table::read(&csv(text), None).expect("reads");
    for ((word, kind), f) in cases.iter().zip(&found) {
        assert_eq!(f.draft.kind, *kind, "'{word}'");
        assert!(f.problems.is_empty(), "'{word}': {:?}", f.problems);
    }
}

#[test]
fn hours_take_the_forms_people_type() {
    let cases = [
        ("1.5", "1.5"),
        ("1,5", "1.5"),
        ("2 hours", "2"),
        ("90 min", "1.5"),
        ("1,000", "1000"),
        ("PT2H30M", "2.5"),
        ("0.25 CME", "0.25"),
        ("1.5 AMA PRA Category 1 Credits", "1.5"),
        ("3 hrs.", "3"),
    ];
    let mut text = "Title,Hours\n".to_string();
    for (raw, _) in cases {
        text.push_str(&format!("A,\"{raw}\"\n"));
    }
    let found = table::read(&csv(text), None).expect("reads");
    for ((raw, hours), f) in cases.iter().zip(&found) {
        assert_eq!(f.draft.hours, *hours, "'{raw}'");
        valid(f);
    }
}

#[test]
fn a_given_mapping_is_used_as_is() {
    let file = fixture("csv", "credentials.csv");
    let mapping = Mapping {
        columns: vec![
            ("credential".into(), Field::Title),
            (" Description ".into(), Field::Notes),
        ],
    };
    let found = table::read(&file, Some(&mapping)).expect("reads");
    let bls = at(&found, "row 2");
    assert_eq!(
        bls.draft.title, "Basic Life Support (BLS)",
        "matched case-insensitively"
    );
    assert_eq!(bls.draft.issuer, "", "an unmapped column is ignored");
    assert_eq!(
        bls.draft.kind,
        CredentialKind::Certification,
        "the default kind"
    );
    let json = serde_json::to_string(&mapping).expect("serialises");
    assert_eq!(
        json, r#"{"columns":[["credential","title"],[" Description ","notes"]]}"#,
        "the app's JSON shape"
    );
    let back: Mapping = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, mapping, "round trip");
}

#[test]
fn a_missing_or_unmappable_title_column_is_invalid_naming_the_columns() {
    let missing = Mapping {
        columns: vec![("Certificate name".into(), Field::Title)],
    };
    let cases = [
        (
            "credentials.csv",
            Some(&missing),
            ["'Certificate name'", "'Issuing Organization'"],
        ),
        (
            "no-title.csv",
            None,
            ["no column gives the title", "'Date', 'Hours', 'Provider'"],
        ),
    ];
    for (name, mapping, expected) in cases {
        let e = message(table::read(&fixture("csv", name), mapping), "Invalid");
        for part in expected {
            assert!(e.contains(part), "{name}: '{part}' in '{e}'");
        }
    }
}

#[test]
fn a_row_with_an_unquoted_comma_is_flagged() {
    let found =
        table::read(&csv("Title,Issuer\nPython, the basics,Example\n"), None).expect("reads");
    assert!(
        found[0]
            .problems
            .iter()
            .any(|p| p.contains("row 2: 3 values for 2 columns")),
        "a shifted row: {:?}",
        found[0].problems
    );
}

#[test]
fn hostile_csvs_are_refused_naming_line_row_and_column() {
    let e = message(
        table::read(&csv("Title,Notes\nA,\"never closed\nB,c\n"), None),
        "Invalid",
    );
    assert!(
        e.contains("line 2") && e.contains("never closed"),
        "unbalanced quote: {e}"
    );

    let big = format!("Title,Notes\nA,{}\n", "é".repeat(36 * 1024));
    let e = message(table::read(&csv(big), None), "TooLarge");
    assert!(e.contains("row 2, column Notes"), "a 72 KiB cell: {e}");

    let e = message(
        table::read(&csv(b"Title,Issuer\nA,B\xe9zier\n".to_vec()), None),
        "Invalid",
    );
    assert!(
        e.contains("line 2") && e.contains("column Issuer"),
        "Latin-1: {e}"
    );
    let e = message(
        table::read(&csv(b"Title,Issuer\n\nA,B\xe9zier\n".to_vec()), None),
        "Invalid",
    );
    assert!(e.contains("line 3 (row 3,"), "past a blank line: {e}");

    let mut rows = "Title\n".to_string();
    rows.push_str(&"x\n".repeat(100_001));
    let e = message(table::read(&csv(rows), None), "TooLarge");
    assert!(e.contains("row 100002"), "100,001 rows: {e}");

    let e = message(table::read(&csv("  \n"), None), "Invalid");
    assert!(e.contains("title"), "a blank file has no title column: {e}");
    let e = table::headers(&csv("")).expect_err("no header");
    assert!(e.to_string().contains("empty"), "an empty file: {e}");
}
