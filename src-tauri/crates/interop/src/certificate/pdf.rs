//! A PDF's text through poppler: `pdftotext -layout` keeps a label and its value on one line,
//! and reads text inside form XObjects, where certificate generators often put the names,
//! dates and numbers (pure-Rust extractors measured here missed those). A page with no text
//! layer is rendered by `pdftoppm` for OCR.

use super::process::{run, RunError};
use super::Tools;
use crate::error::{Error, Result};
use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

/// Pages whose text is read; a certificate bundle is a few dozen pages, a 10,000-page file
/// is not a certificate.
pub const MAX_PAGES: usize = 200;
/// The most text all pages may hold together.
const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;
/// The largest rendered page (a grey PNG at 300 dpi of an A3 page is about 3 MB).
const MAX_RENDER_BYTES: usize = 64 * 1024 * 1024;
/// Resolution for OCR: tesseract reads 300 dpi best; 150 dpi loses small print.
pub const OCR_DPI: u32 = 300;

/// The text of each page (up to `MAX_PAGES`), and how many pages the file has.
pub(super) fn pages(tools: &Tools, name: &str, path: &Path) -> Result<(Vec<String>, usize)> {
    let program = tools
        .pdftotext
        .as_deref()
        .ok_or_else(|| Error::invalid(name, "PDF", "pdftotext is not installed"))?;
    let last = MAX_PAGES.to_string();
    let args: [&OsStr; 9] = [
        "-layout".as_ref(),
        "-enc".as_ref(),
        "UTF-8".as_ref(),
        "-f".as_ref(),
        "1".as_ref(),
        "-l".as_ref(),
        last.as_ref(),
        path.as_os_str(),
        "-".as_ref(),
    ];
    let out = run(program, &args, Duration::from_secs(60), MAX_TEXT_BYTES)
        .map_err(|e| failed(name, "pdftotext", e))?;
    let text = String::from_utf8_lossy(&out.stdout);
    // pdftotext ends every page with a form feed.
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    let total = if pages.len() >= MAX_PAGES {
        page_count(tools, path).unwrap_or(pages.len())
    } else {
        pages.len()
    };
    Ok((pages, total))
}

/// The page count from `pdfinfo`, for saying how many pages were left unread.
fn page_count(tools: &Tools, path: &Path) -> Option<usize> {
    let program = tools.pdfinfo.as_deref()?;
    let out = run(
        program,
        &[path.as_os_str()],
        Duration::from_secs(30),
        1024 * 1024,
    )
    .ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
}

/// Page `page` (1-based) as a grey PNG for OCR.
pub(super) fn render(tools: &Tools, name: &str, path: &Path, page: usize) -> Result<Vec<u8>> {
    let program = tools
        .pdftoppm
        .as_deref()
        .ok_or_else(|| Error::invalid(name, "PDF", "pdftoppm is not installed"))?;
    let (page, dpi) = (page.to_string(), OCR_DPI.to_string());
    let args: [&OsStr; 10] = [
        "-r".as_ref(),
        dpi.as_ref(),
        "-gray".as_ref(),
        "-png".as_ref(),
        "-singlefile".as_ref(),
        "-f".as_ref(),
        page.as_ref(),
        "-l".as_ref(),
        page.as_ref(),
        path.as_os_str(),
    ];
    let at = format!("page {page}");
    run(program, &args, Duration::from_secs(60), MAX_RENDER_BYTES)
        .map(|o| o.stdout)
        .map_err(|e| match failed(name, "pdftoppm", e) {
            Error::Invalid { file, message, .. } => Error::Invalid { file, at, message },
            other => other,
        })
}

/// What poppler's failure means for the person: a password, a damaged file, a time limit.
fn failed(name: &str, program: &str, e: RunError) -> Error {
    let message = match e {
        RunError::Failed(said) if said.contains("Incorrect password") => {
            "the PDF is password-protected, and Dossier does not ask for PDF passwords: open it, \
             save or print an unprotected copy, and import that"
                .to_string()
        }
        RunError::Failed(said) => format!("not a readable PDF (poppler says: {said})"),
        RunError::TimedOut(limit) => format!(
            "{program} did not finish within {} s; the PDF is too complex to read",
            limit.as_secs()
        ),
        RunError::TooMuch(cap) => format!(
            "the PDF holds more than {} MiB of text; it is not a certificate",
            cap / (1024 * 1024)
        ),
        RunError::Missing(err) => format!("{program} could not be started: {err}"),
    };
    Error::invalid(name, "PDF", message)
}
