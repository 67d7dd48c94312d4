//! The CSV export, read back with the csv crate: every field of every record, the formula
//! guard, hostile strings.

use super::{in_progress, record, skill, HOSTILE};
use dossier_core::{Credential, CredentialKind as K};
use dossier_interop::export::{records_csv, unguard, CSV_HEADER};
use dossier_interop::InputFile;

/// The export's rows (header first), each cell as the csv crate reads it.
fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("the file starts with a UTF-8 BOM");
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.expect("a CSV row").iter().map(String::from).collect())
        .collect()
}

fn full_record() -> Credential {
    let mut r = in_progress(record(
        K::BoardCertification,
        "Clinical Informatics",
        "ABPM",
        "2026-05",
    ));
    r.started = Some("2024-09-01".parse().expect("date"));
    r.expires = Some("2036".parse().expect("date"));
    r.hours = Some(12.5);
    r.credit_type = Some("AMA PRA Category 1".into());
    r.credential_id = Some("CI-0042".into());
    r.url = Some("https://abpm.example.org/verify?id=42&x=1".into());
    r.notes = Some("Exam booked, \"part 2\" next".into());
    r.skills = vec![skill("Informatics", 1.0), skill("Data governance", 0.25)];
    r.source = "linkedin".into();
    r
}

/// `full_record`'s text fields as exported, by column.
const FULL: [(&str, &str); 10] = [
    ("title", "Clinical Informatics"),
    ("issuer", "ABPM"),
    ("started", "2024-09-01"),
    ("completed", "2026-05"),
    ("expires", "2036"),
    ("hours", "12.5"),
    ("credit_type", "AMA PRA Category 1"),
    ("credential_id", "CI-0042"),
    ("url", "https://abpm.example.org/verify?id=42&x=1"),
    ("notes", "Exam booked, \"part 2\" next"),
];

fn column(name: &str) -> usize {
    CSV_HEADER
        .iter()
        .position(|h| *h == name)
        .expect("a column of the export")
}

#[test]
fn every_field_of_every_record_is_a_column() {
    let records = vec![
        full_record(),
        record(K::CeActivity, "Grand rounds", "AMA", "2024"),
    ];
    let rows = rows(&records_csv(&records).expect("exported"));
    assert_eq!(rows[0], CSV_HEADER, "the header row, in order");
    assert_eq!(rows.len(), 3, "one row per record");
    let full = &rows[1];
    for (name, value) in FULL {
        assert_eq!(full[column(name)], value, "{name} in its column");
    }
    let rest = [
        ("uuid", records[0].uuid.as_str()),
        ("kind", "board-certification"),
        ("status", "in-progress"),
        ("skills", "Informatics=1; Data governance=0.25"),
        ("source", "linkedin"),
    ];
    for (name, value) in rest {
        assert_eq!(full[column(name)], value, "{name} in its column");
    }
    let sparse = &rows[2];
    assert_eq!(sparse[1], "ce-activity", "kind");
    assert_eq!(sparse[2], "completed", "status");
    let filled = [
        "uuid",
        "kind",
        "status",
        "title",
        "issuer",
        "completed",
        "source",
    ];
    for (i, cell) in sparse.iter().enumerate() {
        if !filled.contains(&CSV_HEADER[i]) {
            assert_eq!(cell, "", "an absent {} is an empty cell", CSV_HEADER[i]);
        }
    }
}

#[test]
fn a_cell_a_spreadsheet_would_run_starts_with_a_quote() {
    let starts = [
        "=1+1",
        "+1 555",
        "-5 hours",
        "@SUM(A1)",
        "\tcmd",
        "\rcmd",
        "'=quoted already",
    ];
    let records: Vec<Credential> = starts
        .iter()
        .map(|s| {
            let mut r = record(K::Certification, s, "Issuer", "2024");
            r.notes = Some(s.to_string());
            r
        })
        .collect();
    let rows = rows(&records_csv(&records).expect("exported"));
    for (row, s) in rows[1..].iter().zip(starts) {
        assert_eq!(row[3], format!("'{s}"), "the title '{s}' is guarded");
        assert_eq!(row[12], format!("'{s}"), "the notes '{s}' are guarded");
        assert_eq!(unguard(&row[3]), s, "unguard gives '{s}' back");
    }
    for plain in ["'quoted", "Plain", "", "1 = 1", "a-b"] {
        assert_eq!(unguard(plain), plain, "'{plain}' is no guarded cell");
    }
}

#[test]
fn hostile_strings_read_back_exactly() {
    let records: Vec<Credential> = HOSTILE
        .iter()
        .map(|h| {
            let mut r = record(K::MicroCredential, h, h, "2024-02-29");
            r.notes = Some(h.to_string());
            r.credential_id = Some(h.to_string());
            r
        })
        .collect();
    let rows = rows(&records_csv(&records).expect("exported"));
    assert_eq!(
        rows.len(),
        HOSTILE.len() + 1,
        "a newline inside a cell is no new row"
    );
    for (row, h) in rows[1..].iter().zip(HOSTILE) {
        for column in [3, 4, 10, 12] {
            assert_eq!(
                unguard(&row[column]),
                h,
                "{} keeps {h:?}",
                CSV_HEADER[column]
            );
        }
        assert_eq!(row[6], "2024-02-29", "the date beside it is untouched");
    }
}

#[test]
fn no_records_is_a_header_alone() {
    let rows = rows(&records_csv(&[]).expect("exported"));
    assert_eq!(
        rows,
        vec![CSV_HEADER.map(String::from).to_vec()],
        "just the header"
    );
}

#[test]
fn the_generic_csv_importer_reads_the_export_back() {
    let records = vec![
        full_record(),
        record(K::CeActivity, "Grand rounds", "AMA", "2024"),
    ];
    let file = InputFile::new("records.csv", records_csv(&records).expect("exported"));
    let found = dossier_interop::table::read(&file, None).expect("the CSV importer reads it");
    assert_eq!(found.len(), 2, "one record per row");
    let d = &found[0].draft;
    for (name, value) in FULL {
        let got = match name {
            "title" => &d.title,
            "issuer" => &d.issuer,
            "started" => &d.started,
            "completed" => &d.completed,
            "expires" => &d.expires,
            "hours" => &d.hours,
            "credit_type" => &d.credit_type,
            "credential_id" => &d.credential_id,
            "url" => &d.url,
            _ => &d.notes,
        };
        assert_eq!(got, value, "{name} comes back as exported");
    }
    assert_eq!(d.kind, K::BoardCertification, "the kind comes back");
    assert!(d.in_progress, "in progress comes back");
    assert_eq!(found[1].draft.kind, K::CeActivity, "the second row's kind");
    assert!(
        found.iter().all(|f| f.problems.is_empty()),
        "no problems: {found:?}"
    );
}
