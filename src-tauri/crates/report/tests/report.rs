//! The portfolio PDF, read back with poppler's pdftotext and checked with qpdf, as a
//! reviewer's tools would.

use chrono::NaiveDate;
use dossier_core::profile::{Profile, Sections};
use dossier_core::{CredentialDraft, CredentialKind};
use dossier_report::{render_pdf, ReportInput};
use dossier_store::Store;
use std::process::Command;

#[path = "support/pdf_text.rs"]
mod pdf_text;
use pdf_text::{fold, pdftotext};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("date")
}

fn profile() -> Profile {
    Profile {
        name: "Dr. Ana Müller-Øberg".into(),
        title: "Physician informaticist".into(),
        email: "ana@example.org".into(),
        ..Profile::default()
    }
}

/// Renders the store's portfolio to a PDF file and returns its path and pdftotext's text.
fn render(
    store: &Store,
    sections: &Sections,
    dir: &std::path::Path,
    layout: bool,
) -> (std::path::PathBuf, String) {
    let records = store.list(&Default::default()).expect("list");
    let dash = store.dashboard(today()).expect("dashboard");
    let cov = store.coverage(today(), None).expect("coverage");
    let chart = dossier_core::chart::radar_svg(&cov, 420.0);
    let input = ReportInput {
        profile: &profile(),
        records: &records,
        dashboard: &dash,
        coverage: &cov,
        chart_svg: &chart,
        generated: "2026-11-27 12:00",
    };
    let pdf = render_pdf(&input, sections).unwrap_or_else(|e| panic!("render failed: {e}"));
    assert!(pdf.pdf_a, "PDF/A-2b: {:?}", pdf.note);
    let pdf = pdf.bytes;
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    let path = dir.join("portfolio.pdf");
    std::fs::write(&path, &pdf).expect("write pdf");
    // To look at what a test rendered: DOSSIER_KEEP_PDF=/some/dir cargo test -p dossier-report
    if let Some(keep) = std::env::var_os("DOSSIER_KEEP_PDF") {
        let name = format!(
            "{}.pdf",
            std::thread::current()
                .name()
                .unwrap_or("report")
                .replace("::", "-")
        );
        std::fs::copy(&path, std::path::Path::new(&keep).join(name)).expect("keep pdf");
    }
    let text = pdftotext(&path, layout);
    (path, text)
}

#[test]
fn the_demo_portfolio_prints_every_title_and_passes_qpdf() {
    let store = Store::open_in_memory().expect("store");
    store.load_demo(today()).expect("demo");
    let dir = tempfile::tempdir().expect("dir");
    let (path, text) = render(&store, &Sections::default(), dir.path(), true);
    let folded = fold(&text);
    for r in store.list(&Default::default()).expect("list") {
        let words: Vec<&str> = r.title.split_whitespace().collect();
        // A title in a narrow column wraps; its first words still appear together.
        let head = words[..words.len().min(3)].join(" ");
        assert!(folded.contains(&head), "'{}' is in the PDF text", r.title);
    }
    assert!(
        folded.contains("Dr. Ana Müller-Øberg"),
        "profile name with accents"
    );
    assert!(folded.contains("Page 1 of"), "page numbers");
    let qpdf = Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .expect("qpdf runs");
    assert!(
        qpdf.status.success(),
        "qpdf --check: {}",
        String::from_utf8_lossy(&qpdf.stdout)
    );
    let raw = std::fs::read(&path).expect("read");
    let raw = String::from_utf8_lossy(&raw);
    assert!(
        raw.contains("pdfaid:part") || raw.contains("pdfaid"),
        "declares PDF/A in its XMP metadata"
    );
    assert!(raw.contains("/StructTreeRoot"), "tagged");
}

#[test]
fn hostile_titles_print_literally() {
    let store = Store::open_in_memory().expect("store");
    let titles = [
        "#panic()",
        "] #set page(width: 1cm) [",
        "$x^2$ and *bold* and _under_ and `raw`",
        "שלום עולם: AI ethics",
        "医学人工智能 certificate",
        "Ελληνικά: Θεραπεία",
        "Graduation 🎓 badge 🧠",
    ];
    for t in titles {
        let input = CredentialDraft {
            kind: CredentialKind::Certification,
            title: t.into(),
            completed: "2025-03".into(),
            ..Default::default()
        }
        .validate(today())
        .expect("valid");
        store.add(&input, &[], "manual").expect("add");
    }
    let dir = tempfile::tempdir().expect("dir");
    // Reading order, column by column: a title stays whole where its cell wraps it.
    let (_, text) = render(&store, &Sections::default(), dir.path(), false);
    let folded = fold(&text);
    for t in titles {
        assert!(
            folded.contains(&fold(t)),
            "'{t}' printed exactly; text was:\n{text}"
        );
    }
}
