//! Certificates through the whole path: a generated PDF (text layer, scan, several pages),
//! a photo (PNG, JPEG), read by poppler and tesseract, proposed as CE activities with their
//! fields and snippets, corrected in the preview, saved with the file as evidence.

mod make;

use super::import::{run_with, store, today};
use dossier_core::CredentialKind;
use dossier_interop::Confidence;
use dossier_service::import::{Action, ImportOptions, ImportPlan, ImportRow, RowEdit, Run};
use dossier_store::Store;
use std::path::PathBuf;

const CLINICAL_UTILITY: &str = "Evaluating the Clinical Utility of AI Tools";

fn field<'a>(row: &'a ImportRow, name: &str) -> &'a str {
    row.fields.get(name).map_or("", |f| f.value.as_str())
}

/// Jane Doe's certificate for the clinical-utility activity, with a text layer.
fn jane_pdf() -> Vec<u8> {
    make::pdf(&make::journal(
        "Jane Doe",
        CLINICAL_UTILITY,
        "October 22, 2023",
        "1.0",
    ))
}

fn preview(store: &Store, files: &[PathBuf]) -> ImportPlan {
    run_with(store, files, &ImportOptions::default(), true).expect("preview")
}

/// The fields every journal certificate of `make::journal` must give.
fn assert_journal(row: &ImportRow, title: &str, date: &str, hours: &str, what: &str) {
    assert_eq!(
        row.kind,
        CredentialKind::CeActivity,
        "{what}: a CE activity"
    );
    assert_eq!(row.title, title, "{what}: the title: {row:?}");
    assert_eq!(
        row.completed.as_deref(),
        Some(date),
        "{what}: the date: {row:?}"
    );
    assert_eq!(field(row, "hours"), hours, "{what}: the credits: {row:?}");
    assert_eq!(
        row.draft.credit_type, "AMA PRA Category 1 Credit™",
        "{what}: the credit type: {row:?}"
    );
    assert_eq!(
        row.issuer.as_deref(),
        Some("The Journal Medical Society"),
        "{what}: the accredited provider: {row:?}"
    );
    assert_eq!(
        row.source.format.as_str(),
        "certificate",
        "{what}: the source"
    );
    let snippet = &row.fields["completed"].snippet;
    assert!(
        snippet.contains(date_as_printed(date)),
        "{what}: the date's snippet is the text it came from: {snippet}"
    );
}

fn date_as_printed(iso: &str) -> &'static str {
    match iso {
        "2023-10-22" => "October 22, 2023",
        "2024-02-05" => "February 5, 2024",
        _ => "",
    }
}

#[test]
fn a_text_pdf_is_proposed_with_its_fields_and_saved_with_the_file_as_evidence() {
    let (dir, store) = store();
    let pdf = make::pdf(&make::journal(
        "Jane Q. Doe, MD",
        CLINICAL_UTILITY,
        "October 22, 2023",
        "1.0",
    ));
    let path = make::write(dir.path(), "jama-cme.pdf", &pdf);
    let plan = preview(&store, std::slice::from_ref(&path));
    assert_eq!(
        plan.records.len(),
        1,
        "one certificate, one record: {plan:?}"
    );
    let row = &plan.records[0];
    assert_eq!(row.action, Action::Add, "addable: {row:?}");
    assert_journal(row, CLINICAL_UTILITY, "2023-10-22", "1", "text PDF");
    assert_eq!(
        row.skills,
        ["Clinical utility evaluation"],
        "a skill suggested from the title"
    );
    assert_eq!(
        row.evidence,
        ["jama-cme.pdf"],
        "the certificate is its evidence"
    );
    let saved = run_with(
        &store,
        std::slice::from_ref(&path),
        &ImportOptions::default(),
        false,
    )
    .expect("import");
    assert_eq!(saved.added, 1, "saved");
    let rec = store.get(saved.ids[0]).expect("the saved record");
    assert_eq!(rec.evidence.len(), 1, "the PDF is attached");
    assert_eq!(rec.hours, Some(1.0), "hours saved");
    let again = preview(&store, &[path]);
    assert_eq!(
        again.records[0].action,
        Action::Duplicate,
        "the same title, provider and date is a duplicate: {again:?}"
    );
}

#[test]
fn several_certificates_in_one_pdf_give_several_records() {
    let (dir, store) = store();
    let doc = make::pages(&[
        make::journal("Jane Doe", CLINICAL_UTILITY, "October 22, 2023", "1.0"),
        make::journal(
            "Jane Doe",
            "Bias in Sepsis Prediction Models",
            "February 5, 2024",
            "0.5",
        ),
        make::nursing("Machine Learning at the Bedside"),
    ]);
    let path = make::write(dir.path(), "bundle.pdf", &make::pdf(&doc));
    let plan = preview(&store, &[path]);
    assert_eq!(
        plan.records.len(),
        3,
        "three pages, three records: {plan:?}"
    );
    assert_journal(
        &plan.records[1],
        "Bias in Sepsis Prediction Models",
        "2024-02-05",
        "0.5",
        "page 2",
    );
    assert_eq!(plan.records[1].location, "page 2", "each names its page");
    let nurse = &plan.records[2];
    assert_eq!(
        nurse.draft.credit_type, "ANCC contact hours",
        "nursing credit type: {nurse:?}"
    );
    assert_eq!(
        nurse.completed.as_deref(),
        Some("2024-03-14"),
        "nursing date: {nurse:?}"
    );
    assert_eq!(field(nurse, "hours"), "1.5", "nursing hours: {nurse:?}");
    assert!(
        plan.records
            .iter()
            .all(|r| r.group.as_deref() == Some("bundle.pdf")),
        "grouped by file"
    );
}

#[test]
fn a_scan_and_photos_are_read_by_ocr() {
    let (dir, store) = store();
    let pdf = jane_pdf();
    let png = make::image(dir.path(), &pdf, "png", 150);
    let jpeg = make::image(dir.path(), &pdf, "jpeg", 200);
    let scan = make::scan(make::image(dir.path(), &pdf, "png", 200), 200);
    let files = [
        make::write(dir.path(), "scan.pdf", &scan),
        make::write(dir.path(), "photo.png", &png),
        make::write(dir.path(), "photo.jpg", &jpeg),
    ];
    let plan = preview(&store, &files);
    assert_eq!(plan.records.len(), 3, "one record per file: {plan:?}");
    for (row, what) in plan
        .records
        .iter()
        .zip(["scanned PDF", "PNG at 150 dpi", "JPEG"])
    {
        assert_eq!(
            row.source.format.as_str(),
            "certificate",
            "{what}: read as a certificate"
        );
        assert_journal(row, CLINICAL_UTILITY, "2023-10-22", "1", what);
        assert!(
            row.warnings.iter().any(|n| n.contains("OCR")),
            "{what}: says it was read by OCR: {row:?}"
        );
    }
    let actions: Vec<Action> = plan.records.iter().map(|r| r.action).collect();
    assert_eq!(
        actions,
        [Action::Add, Action::Duplicate, Action::Duplicate],
        "the same certificate three times in one import is added once"
    );
}

#[test]
fn a_pdf_that_is_no_certificate_gives_a_record_holding_only_the_file() {
    let (dir, store) = store();
    let path = make::write(
        dir.path(),
        "order-confirmation.pdf",
        &make::pdf(make::LETTER),
    );
    let plan = preview(&store, &[path]);
    assert_eq!(plan.records.len(), 1, "one record to fill in: {plan:?}");
    let row = &plan.records[0];
    assert_eq!(
        row.title, "order confirmation",
        "the file's name as the title"
    );
    assert_eq!(
        row.fields["title"].confidence,
        Confidence::Low,
        "marked as not read"
    );
    assert_eq!(row.completed, None, "no date guessed from the letter");
    assert_eq!(row.hours, None, "no hours guessed");
    assert!(
        row.notes
            .iter()
            .any(|n| n.contains("nothing in it reads as a certificate")),
        "says why: {row:?}"
    );
    assert_eq!(row.evidence, ["order-confirmation.pdf"], "the file is kept");
}

#[test]
fn an_encrypted_or_damaged_pdf_is_a_clear_error() {
    let (dir, store) = store();
    let pdf = jane_pdf();
    let locked = make::encrypted(dir.path(), &pdf);
    let err = run_with(&store, &[locked], &ImportOptions::default(), true).expect_err("locked");
    assert!(
        err.to_string().contains("password-protected"),
        "says it is locked: {err}"
    );
    let cut = make::write(dir.path(), "cut.pdf", &pdf[..pdf.len() / 3]);
    let err = run_with(&store, &[cut], &ImportOptions::default(), true).expect_err("cut");
    assert!(
        err.to_string().contains("cut.pdf") && err.to_string().contains("not a readable PDF"),
        "names the file and says it is damaged: {err}"
    );
}

#[test]
fn a_corrected_field_is_what_is_saved_and_a_bad_correction_saves_nothing() {
    let (dir, store) = store();
    let pdf = jane_pdf();
    let path = make::write(dir.path(), "cme.pdf", &pdf);
    let plan = preview(&store, std::slice::from_ref(&path));
    let mut draft = plan.records[0].draft.clone();
    draft.title = "Clinical utility of AI tools (corrected)".into();
    draft.hours = "1.25".into();
    let options = ImportOptions {
        edits: vec![RowEdit {
            index: 0,
            draft: draft.clone(),
        }],
        ..ImportOptions::default()
    };
    let selected = [0];
    let run = Run {
        dry_run: false,
        selected: Some(&selected),
        digest: Some(&plan.digest),
    };
    let saved = dossier_service::import::import(
        &store,
        std::slice::from_ref(&path),
        &options,
        run,
        today(),
        &|_| {},
    )
    .expect("save");
    let rec = store.get(saved.ids[0]).expect("saved");
    assert_eq!(
        rec.title, "Clinical utility of AI tools (corrected)",
        "the corrected title"
    );
    assert_eq!(rec.hours, Some(1.25), "the corrected hours");
    draft.completed = "2099-01-01".into();
    draft.title = "Another".into();
    let bad = ImportOptions {
        edits: vec![RowEdit { index: 0, draft }],
        ..ImportOptions::default()
    };
    let err = dossier_service::import::import(&store, &[path], &bad, run, today(), &|_| {})
        .expect_err("a future completion");
    assert!(
        err.to_string().contains("record 1") && err.to_string().contains("completed"),
        "names the record and field: {err}"
    );
    assert_eq!(
        store.read(|db| db.match_keys()).expect("keys").len(),
        1,
        "nothing more was written"
    );
}

#[test]
fn the_participant_is_checked_against_the_profile_and_an_unmatched_title_says_so() {
    let (dir, store) = store();
    let mut profile = store.profile().expect("profile");
    profile.name = "Jane Doe".into();
    store.set_profile(&profile).expect("set profile");
    let doc = make::pages(&[
        make::journal(
            "Jane Q. Doe, MD",
            CLINICAL_UTILITY,
            "October 22, 2023",
            "1.0",
        ),
        make::journal(
            "Robert Smith, MD",
            "Buprenorphine Treatment for Opioid Use Disorder",
            "February 5, 2024",
            "2.0",
        ),
    ]);
    let path = make::write(dir.path(), "two.pdf", &make::pdf(&doc));
    let plan = preview(&store, &[path]);
    assert!(
        plan.records[0].warnings.is_empty(),
        "Jane Q. Doe, MD is Jane Doe: {:?}",
        plan.records[0].warnings
    );
    let other = &plan.records[1];
    assert!(
        other.warnings.iter().any(|w| w.contains("Robert Smith")),
        "made out to someone else: {other:?}"
    );
    assert!(other.skills.is_empty(), "nothing suggested");
    assert!(
        other.warnings.iter().any(|w| w.contains("no skill")),
        "and it says so: {other:?}"
    );
}

#[test]
fn a_pdf_of_more_pages_than_the_bound_is_read_to_the_bound_and_says_so() {
    let (dir, store) = store();
    let page = make::journal("Jane Doe", CLINICAL_UTILITY, "October 22, 2023", "1.0");
    let pages: Vec<String> = (0..205)
        .map(|i| page.replace("October 22, 2023", &format!("October {}, 2023", i % 28 + 1)))
        .collect();
    let path = make::write(
        dir.path(),
        "all-of-them.pdf",
        &make::pdf(&make::pages(&pages)),
    );
    let plan = preview(&store, &[path]);
    assert_eq!(
        plan.records.len(),
        dossier_interop::certificate::MAX_PAGES,
        "a record for each page read"
    );
    let notes = plan.records[0].notes.join("\n");
    assert!(
        notes.contains("has 205 pages; only the first 200 were read"),
        "says what was left: {notes}"
    );
}

#[test]
fn a_scan_whose_text_layer_is_only_a_stamp_is_read_by_ocr() {
    let (dir, store) = store();
    let image = make::image(dir.path(), &jane_pdf(), "png", 200);
    let stamp = "Scanned with PocketScan Pro 4.2 on 2024-01-05 at 14:02, page 1 of 1";
    let path = make::write(
        dir.path(),
        "stamped-scan.pdf",
        &make::scan_with_stamp(image, 200, stamp),
    );
    let plan = preview(&store, &[path]);
    assert_eq!(plan.records.len(), 1, "one certificate: {plan:?}");
    assert_journal(
        &plan.records[0],
        CLINICAL_UTILITY,
        "2023-10-22",
        "1",
        "a scan with a scanner's stamp as its only text",
    );
}
