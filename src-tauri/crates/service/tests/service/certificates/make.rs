//! Certificates made for the tests: typst typesets them with a text layer; poppler renders
//! them to images (PNG, JPEG) as a scanner or a phone would; typst wraps an image in a PDF
//! that has no text at all, as a scan is.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A journal-CME certificate laid out as a two-column table, as JAMA Network's are.
pub fn journal(name: &str, title: &str, date: &str, credits: &str) -> String {
    format!(
        r#"#set page(paper: "us-letter", flipped: true, margin: 1in)
#set text(font: "Inter", size: 12pt)
#align(center)[#text(size: 24pt, weight: "bold")[Certificate of Completion]]
#v(1em)
#grid(columns: (2fr, 3fr), row-gutter: 12pt,
  [This certifies that], [*{name}*],
  [successfully completed], [Journal-based CME activity],
  [Activity title], [{title}],
  [Date], [{date}],
  [Credit type], [AMA PRA Category 1 Credit(s)™],
  [Credits / Hours of participation], [{credits}\*],
  [Accredited Provider], [The Journal Medical Society],
)
#v(2em)
#text(size: 9pt)[\* The Journal Medical Society is accredited by the Accreditation Council for
Continuing Medical Education (ACCME) to provide continuing medical education for physicians.]
"#
    )
}

/// A nursing certificate of completion with ANCC contact hours, centred prose.
pub fn nursing(title: &str) -> String {
    format!(
        r#"#set page(paper: "us-letter", margin: 1in)
#set text(font: "DejaVu Sans", size: 11pt)
#align(center)[
#text(size: 22pt)[CERTIFICATE OF COMPLETION]
#v(1em)
This is to certify that
#v(0.3em)
#text(size: 16pt)[Maria Lopez, RN, BSN]
#v(0.3em)
has successfully completed the continuing nursing education activity
#v(0.3em)
#text(size: 14pt)[*{title}*]
#v(1em)
Date of Completion: 3/14/2024 #h(2em) Contact Hours Awarded: 1.5
]
#v(2em)
#text(size: 9pt)[Northwest Nursing Education Network is approved as a provider of nursing
continuing professional development by the American Nurses Credentialing Center's Commission
on Accreditation.]
"#
    )
}

/// Several pages in one document.
pub fn pages(bodies: &[String]) -> String {
    let mut out = String::new();
    for (i, b) in bodies.iter().enumerate() {
        if i > 0 {
            out.push_str("\n#pagebreak()\n");
        }
        // Each body sets its own page; the later `set` rules apply from the break on.
        out.push_str(b);
    }
    out
}

/// A letter that is no certificate.
pub const LETTER: &str = r#"#set page(paper: "a4", margin: 2cm)
#set text(font: "Inter", size: 11pt)
Dear colleague,

Thank you for your order of 12 March 2024. Your invoice number 88123 is attached; payment is
due within 30 days. Please contact our office with any questions about delivery.

Kind regards,
The Book Shop
"#;

pub fn pdf(source: &str) -> Vec<u8> {
    dossier_report::typeset_document(source, Vec::new()).expect("the test certificate typesets")
}

/// Page 1 of `pdf` as an image (`png` or `jpeg`) at `dpi`, rendered by poppler.
pub fn image(dir: &Path, pdf_bytes: &[u8], format: &str, dpi: u32) -> Vec<u8> {
    let input = dir.join("render-input.pdf");
    std::fs::write(&input, pdf_bytes).expect("write the PDF to render");
    let out = Command::new("pdftoppm")
        .args([
            &format!("-{format}"),
            "-r",
            &dpi.to_string(),
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
        ])
        .arg(&input)
        .output()
        .expect("pdftoppm runs (poppler-utils is installed by scripts/test)");
    assert!(out.status.success(), "pdftoppm renders: {out:?}");
    out.stdout
}

/// A PDF whose only content is `image` (a PNG scanned at `dpi`) at its size: a scan, no text
/// layer.
pub fn scan(image: Vec<u8>, dpi: u32) -> Vec<u8> {
    scan_with_stamp(image, dpi, "")
}

/// `scan` with `stamp` as real text over the image's foot, as scanner apps print their name:
/// a text layer that holds no certificate.
pub fn scan_with_stamp(image: Vec<u8>, dpi: u32, stamp: &str) -> Vec<u8> {
    use dossier_interop::certificate::{dimensions, ImageKind};
    let (w, _) = dimensions(ImageKind::Png, &image).expect("a PNG header");
    let inches = f64::from(w) / f64::from(dpi);
    let stamp = if stamp.is_empty() {
        String::new()
    } else {
        format!("#place(bottom + left, dx: 8pt, dy: -4pt, text(size: 6pt)[{stamp}])\n")
    };
    let source = format!(
        "#set page(width: auto, height: auto, margin: 0pt)\n\
         #image(sys.inputs.scan, width: {inches:.3}in)\n{stamp}"
    );
    dossier_report::typeset_document(&source, vec![("scan".into(), image)])
        .expect("the scan typesets")
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write the test file");
    p
}

/// `pdf` encrypted by qpdf with a user password (it cannot be opened without it).
pub fn encrypted(dir: &Path, pdf_bytes: &[u8]) -> PathBuf {
    let plain = write(dir, "plain.pdf", pdf_bytes);
    let out = dir.join("locked.pdf");
    let status = Command::new("qpdf")
        .args(["--encrypt", "secret", "owner", "256", "--"])
        .arg(&plain)
        .arg(&out)
        .status()
        .expect("qpdf runs (scripts/test installs it)");
    assert!(status.success(), "qpdf encrypts");
    out
}
