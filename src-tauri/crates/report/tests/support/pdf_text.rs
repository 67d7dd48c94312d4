//! A PDF's text as the tests read it: poppler's pdftotext, then folded for comparison. The
//! report crate's tests and the end-to-end test of the export page (`tests/e2e` includes this
//! file by `#[path]`) both read their PDFs through it, so they agree on what "in the PDF" means.

use std::path::Path;
use std::process::Command;

/// The text pdftotext extracts from `pdf` (with `-layout` when `layout`).
pub fn pdftotext(pdf: &Path, layout: bool) -> String {
    let out = Command::new("pdftotext")
        .args(if layout { &["-layout"][..] } else { &[][..] })
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success(), "pdftotext read it");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// pdftotext may break a long title across lines, and marks right-to-left runs with
/// invisible bidi controls; compare with white space folded and those controls removed.
pub fn fold(s: &str) -> String {
    let visible: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}
