//! `dossier import cert.pdf`: the dry run's JSON carries each extracted field with the text it
//! came from and writes nothing; the import adds the CE activity with the PDF attached; a
//! machine without OCR keeps a photo as a record to fill in and says what to install.

use crate::common::{fixture, Env};

#[test]
fn a_dry_run_shows_the_fields_and_their_snippets_and_the_import_adds_the_record() {
    let env = Env::new();
    let pdf = fixture("certificate/form-xobject.pdf");
    let out = env.json(&["import", &pdf, "--dry-run", "--json"]);
    let row = &out["records"][0];
    assert_eq!(row["action"], "add", "addable: {out}");
    assert_eq!(row["kind"], "ce-activity", "a CE activity: {row}");
    assert_eq!(row["source"]["format"], "certificate", "the source: {row}");
    let fields = &row["fields"];
    assert_eq!(
        fields["title"]["value"], "Federated Learning Across Hospital Networks",
        "the title: {fields}"
    );
    assert_eq!(
        fields["completed"]["value"], "2024-06-03",
        "the date: {fields}"
    );
    let snippet = fields["completed"]["snippet"].as_str().unwrap_or_default();
    assert!(
        snippet.contains("June 3, 2024"),
        "the date's snippet: {snippet}"
    );
    assert_eq!(fields["hours"]["value"], "0.5", "the credits: {fields}");
    assert_eq!(
        fields["credit_type"]["value"], "AMA PRA Category 1 Credit™",
        "the credit type: {fields}"
    );
    assert!(
        !env.db().exists(),
        "a dry run writes nothing, not even a database"
    );
    let text = env.ok(&["import", &pdf]);
    assert!(
        text.contains("added"),
        "the table says it was added: {text}"
    );
    let list = env.json(&["list", "--json"]);
    let rec = &list[0];
    assert_eq!(
        rec["title"], "Federated Learning Across Hospital Networks",
        "saved: {rec}"
    );
    assert_eq!(rec["hours"], 0.5, "hours saved: {rec}");
    let id = rec["id"].as_i64().unwrap_or_default().to_string();
    let shown = env.json(&["show", &id, "--json"]);
    let evidence = shown["evidence"]
        .as_array()
        .map(Vec::len)
        .unwrap_or_default();
    assert_eq!(evidence, 1, "the certificate is attached: {shown}");
    let again = env.json(&["import", &pdf, "--json"]);
    assert_eq!(
        again["records"][0]["action"], "duplicate",
        "twice adds nothing: {again}"
    );
}

#[test]
fn without_ocr_a_photo_is_kept_as_a_record_to_fill_in() {
    let env = Env::new();
    let photo = env.dir.path().join("IMG_2041.png");
    // A PNG header is enough: without tesseract the image is never read.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(&1200u32.to_be_bytes());
    png.extend_from_slice(&900u32.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    std::fs::write(&photo, &png).expect("write the photo");
    let path = photo.display().to_string();
    let out = env.run_with(
        &["import", &path, "--dry-run"],
        &[("DOSSIER_TESSERACT", "none")],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "a dry run of it succeeds: {out:?}");
    assert!(
        text.contains("OCR is not installed"),
        "says why nothing was read: {text}"
    );
    assert!(
        text.contains("tesseract-ocr"),
        "says what to install: {text}"
    );
    assert!(
        text.contains("IMG 2041"),
        "the title is the file's name: {text}"
    );
}

#[test]
fn a_missing_file_to_import_is_named_as_the_file() {
    let env = Env::new();
    let missing = env.dir.path().join("no-such-certificate.pdf");
    let path = missing.display().to_string();
    let err = env.fails(&["import", &path, "--dry-run"], 2, "a missing file");
    assert!(
        err.contains("no-such-certificate.pdf") && !err.contains("--out"),
        "names the file, not an output flag: {err}"
    );
}
