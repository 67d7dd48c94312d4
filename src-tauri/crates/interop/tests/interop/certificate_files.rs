//! Certificate files as files: which bytes are a certificate, poppler reading a text layer
//! (also inside a form XObject), images bounded by their header before any decoder runs, and
//! what a machine without poppler or tesseract says instead of guessing.

use crate::fixture_files::fixture;
use dossier_interop::certificate::{self, check_image, dimensions, How, ImageKind, Page, Tools};
use dossier_interop::{detect, Confidence, Error, Format, InputFile};

fn none(_: usize, _: usize) {}

/// A PNG header (signature and IHDR) claiming `w` x `h` pixels, with no image data.
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut b = dossier_interop::detect::PNG_SIGNATURE.to_vec();
    b.extend_from_slice(&13u32.to_be_bytes());
    b.extend_from_slice(b"IHDR");
    b.extend_from_slice(&w.to_be_bytes());
    b.extend_from_slice(&h.to_be_bytes());
    b.extend_from_slice(&[8, 0, 0, 0, 0, 0, 0, 0, 0]);
    b
}

/// A JPEG's first markers: SOI, an APP0 segment, then SOF0 with `w` x `h`.
fn jpeg_header(w: u16, h: u16) -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    b.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    b.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08]);
    b.extend_from_slice(&h.to_be_bytes());
    b.extend_from_slice(&w.to_be_bytes());
    b.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    b
}

#[test]
fn pdfs_photos_and_unbaked_pngs_are_certificates_and_baked_pngs_are_badges() {
    let pdf = fixture("certificate", "journal-cme.pdf");
    assert_eq!(detect(&pdf).ok(), Some(Format::Certificate), "a PDF");
    let jpeg = InputFile::new("photo.jpg", jpeg_header(1200, 900));
    assert_eq!(detect(&jpeg).ok(), Some(Format::Certificate), "a JPEG");
    let photo = InputFile::new("photo.png", png_header(1200, 900));
    assert_eq!(
        detect(&photo).ok(),
        Some(Format::Certificate),
        "a PNG with no badge chunk"
    );
    let badge = fixture("openbadges", "baked-ob2.png");
    assert_eq!(
        detect(&badge).ok(),
        Some(Format::Openbadges),
        "a baked badge stays a badge"
    );
    let late = {
        let mut b = b"garbage before the header\n".to_vec();
        b.extend_from_slice(&pdf.bytes);
        InputFile::new("late.pdf", b)
    };
    assert_eq!(
        detect(&late).ok(),
        Some(Format::Certificate),
        "a header within the first KiB"
    );
}

#[test]
fn an_image_is_bounded_by_its_header_before_anything_decodes_it() {
    assert_eq!(
        dimensions(ImageKind::Png, &png_header(640, 480)),
        Some((640, 480)),
        "PNG IHDR"
    );
    assert_eq!(
        dimensions(ImageKind::Jpeg, &jpeg_header(1700, 2200)),
        Some((1700, 2200)),
        "JPEG SOF0"
    );
    let huge = png_header(100_000, 100_000);
    match check_image("huge.png", ImageKind::Png, &huge) {
        Err(Error::TooLarge { what, .. }) => {
            assert!(what.contains("100000 x 100000"), "names the size: {what}")
        }
        other => panic!("a 10-gigapixel PNG is refused: {other:?}"),
    }
    let cut = &jpeg_header(10, 10)[..8];
    let err = check_image("cut.jpg", ImageKind::Jpeg, cut).expect_err("no size to read");
    assert!(err.to_string().contains("cut.jpg"), "names the file: {err}");
    let file = InputFile::new("huge.png", huge);
    let err = certificate::read(&file, &Tools::system(), &none).expect_err("refused");
    assert!(
        matches!(err, Error::TooLarge { .. }),
        "refused before OCR: {err}"
    );
}

#[test]
fn poppler_reads_text_inside_a_form_xobject() {
    let file = fixture("certificate", "form-xobject.pdf");
    let found = certificate::read(&file, &Tools::system(), &none).expect("read");
    assert_eq!(found.len(), 1, "one certificate: {found:?}");
    let f = &found[0];
    assert_eq!(
        f.draft.title, "Federated Learning Across Hospital Networks",
        "title: {f:?}"
    );
    assert_eq!(f.draft.completed, "2024-06-03", "date: {f:?}");
    assert_eq!(f.draft.hours, "0.5", "credits: {f:?}");
    assert_eq!(
        f.draft.issuer, "Northbridge Medical Society",
        "provider: {f:?}"
    );
    assert_eq!(f.evidence.len(), 1, "the file is kept");
    assert_eq!(&f.evidence[0].bytes[..], &file.bytes[..], "byte for byte");
}

#[test]
fn without_poppler_or_tesseract_the_file_is_kept_and_the_record_says_what_to_install() {
    let pdf = fixture("certificate", "journal-cme.pdf");
    let found = certificate::read(&pdf, &Tools::default(), &none).expect("kept");
    assert_eq!(found.len(), 1, "one record to fill in");
    assert!(
        found[0].notes.iter().any(|n| n.contains("poppler-utils")),
        "says what to install: {:?}",
        found[0].notes
    );
    assert!(found[0].draft.completed.is_empty(), "nothing guessed");
    assert_eq!(found[0].evidence.len(), 1, "the PDF is kept");
    let photo = InputFile::new("photo.png", png_header(1200, 900));
    let found = certificate::read(&photo, &Tools::default(), &none).expect("kept");
    assert!(
        found[0].notes.iter().any(|n| n.contains("tesseract-ocr")),
        "says OCR is missing: {:?}",
        found[0].notes
    );
    assert_eq!(
        found[0].fields["title"].confidence,
        Confidence::Low,
        "the title is the file's name"
    );
    assert_eq!(found[0].draft.title, "photo", "named after the file");
}

#[test]
fn each_certificate_page_is_a_record_and_other_pages_are_named() {
    let file = fixture("certificate", "journal-cme.pdf");
    let (pages, _) = certificate::text_of(&file, &Tools::system(), &none).expect("text");
    let cert = pages[0].text.clone();
    let page = |number, text: &str, how| Page {
        number,
        text: text.to_string(),
        how,
    };
    let pages = [
        page(1, &cert, How::TextLayer),
        page(
            2,
            "Terms and conditions of this activity apply to all participants.",
            How::TextLayer,
        ),
        page(
            3,
            &cert.replace("October 22, 2023", "November 2, 2023"),
            How::Ocr,
        ),
        page(
            4,
            "",
            How::Unread("not read: OCR reads the first 20 scanned pages".into()),
        ),
    ];
    let found = certificate::records(&file, &pages, 250);
    assert_eq!(found.len(), 2, "pages 1 and 3: {found:?}");
    assert_eq!(found[0].location, "page 1", "named by page");
    assert_eq!(found[1].location, "page 3", "named by page");
    assert_eq!(found[1].draft.completed, "2023-11-02", "page 3's own date");
    assert!(
        found[1].hints.iter().any(|n| n.contains("OCR")),
        "page 3 was read by OCR"
    );
    let notes = found[0].notes.join("\n");
    assert!(
        notes.contains("page 2 of journal-cme.pdf"),
        "the page without a certificate: {notes}"
    );
    assert!(
        notes.contains("page 4: not read"),
        "the page not read: {notes}"
    );
    assert!(
        notes.contains("has 250 pages; only the first 4"),
        "the pages beyond the bound: {notes}"
    );
    assert!(
        found
            .iter()
            .all(|f| f.group.as_deref() == Some("journal-cme.pdf")),
        "grouped by file"
    );
}

#[test]
fn a_file_that_is_neither_pdf_nor_image_is_refused_as_a_certificate() {
    let file = InputFile::new("notes.txt", b"just some text".to_vec());
    let err = certificate::read(&file, &Tools::system(), &none).expect_err("not a certificate");
    assert!(
        matches!(err, Error::Unrecognised { .. }),
        "unrecognised: {err}"
    );
}

#[test]
fn ocr_reads_ai_as_ai_and_leaves_other_words_alone() {
    use dossier_interop::certificate::misreadings;
    assert_eq!(
        misreadings("Evaluating Al Tools; Al-based triage (Al)"),
        "Evaluating AI Tools; AI-based triage (AI)",
        "a standalone 'Al' is 'AI'"
    );
    assert_eq!(
        misreadings("Alan Alder, Royal Albert Hall, Dr. Ali"),
        "Alan Alder, Royal Albert Hall, Dr. Ali",
        "words that only start with 'Al' are untouched"
    );
}

#[test]
fn a_scan_may_be_larger_than_other_files_and_is_still_bounded() {
    use dossier_interop::bounds::{check_file, MAX_FILE_BYTES, MAX_SCAN_BYTES};
    let over_text = MAX_FILE_BYTES as usize + 1;
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.resize(over_text, b' ');
    assert!(
        check_file("scan.pdf", &pdf).is_ok(),
        "a 20 MiB+ scan is read"
    );
    let mut json = b"{\"a\": \"".to_vec();
    json.resize(over_text, b' ');
    match check_file("big.json", &json) {
        Err(Error::TooLarge { limit, .. }) => assert_eq!(limit, "20 MiB", "the text bound"),
        other => panic!("a 20 MiB+ JSON is refused: {other:?}"),
    }
    let mut huge = vec![0xFF, 0xD8, 0xFF];
    huge.resize(MAX_SCAN_BYTES as usize + 1, 0);
    match check_file("huge.jpg", &huge) {
        Err(Error::TooLarge { limit, .. }) => assert_eq!(limit, "100 MiB", "the scan bound"),
        other => panic!("a 100 MiB+ photo is refused: {other:?}"),
    }
}
