//! Which programs read a certificate's text, and reading a file's pages with them: the text
//! layer first, OCR for the pages that have none, two pages at a time.

use super::{has_text, not_a_certificate, ocr, pdf, How, ImageKind, Page, MAX_OCR_PAGES};
use crate::error::{Error, Result};
use crate::record::InputFile;
use std::path::{Path, PathBuf};

/// The programs found: poppler's `pdftotext`, `pdfinfo` and `pdftoppm` (Debian's
/// `poppler-utils`), and `tesseract` (`tesseract-ocr` with `tesseract-ocr-eng`). A missing one
/// is not an error: the file is still kept, and the record says what to install.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tools {
    pub pdftotext: Option<PathBuf>,
    pub pdfinfo: Option<PathBuf>,
    pub pdftoppm: Option<PathBuf>,
    pub tesseract: Option<PathBuf>,
}

impl Tools {
    /// The programs on `PATH`. `DOSSIER_TESSERACT` and `DOSSIER_POPPLER` (a folder holding
    /// poppler's programs) name others; set to "none", they make Dossier act as on a machine
    /// without them.
    pub fn system() -> Tools {
        let poppler = std::env::var_os("DOSSIER_POPPLER");
        let find = |name: &str, dir: &Option<std::ffi::OsString>| match dir {
            Some(d) if d == "none" => None,
            Some(d) => executable(&Path::new(d).join(name)),
            None => on_path(name),
        };
        let tesseract = match std::env::var_os("DOSSIER_TESSERACT") {
            Some(t) if t == "none" => None,
            Some(t) => executable(Path::new(&t)),
            None => on_path("tesseract"),
        };
        Tools {
            pdftotext: find("pdftotext", &poppler),
            pdfinfo: find("pdfinfo", &poppler),
            pdftoppm: find("pdftoppm", &poppler),
            tesseract,
        }
    }

    /// What is installed, for the cache key: the same bytes read with OCR and without are
    /// different readings.
    pub(super) fn signature(&self) -> String {
        format!("{self:?}")
    }
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find_map(|dir| executable(&dir.join(name)))
}

fn executable(p: &Path) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(p).ok()?;
    (meta.is_file() && meta.permissions().mode() & 0o111 != 0).then(|| p.to_path_buf())
}

const NO_POPPLER: &str = "Dossier reads PDFs with poppler's pdftotext, which is not installed \
                          (Debian/Ubuntu: sudo apt install poppler-utils)";
const NO_OCR: &str = "the page has no text layer (a scan), and OCR is not installed \
                      (Debian/Ubuntu: sudo apt install tesseract-ocr tesseract-ocr-eng)";

const NO_OCR_IMAGE: &str = "the certificate is an image, and OCR is not installed \
                            (Debian/Ubuntu: sudo apt install tesseract-ocr tesseract-ocr-eng)";

/// Every page's text and the file's page count.
pub(super) fn read_pages(
    file: &InputFile,
    tools: &Tools,
    progress: &dyn Fn(usize, usize),
) -> Result<(Vec<Page>, usize)> {
    let bytes: &[u8] = &file.bytes;
    let dir = tempfile::Builder::new()
        .prefix("dossier-certificate-")
        .tempdir()
        .map_err(|source| io(file, source))?;
    if let Some(kind) = ImageKind::of(bytes) {
        ocr::check_image(&file.name, kind, bytes)?;
        let Some(_) = tools.tesseract else {
            return Ok((vec![unread(1, NO_OCR_IMAGE.to_string())], 1));
        };
        let path = dir.path().join(format!("image.{}", kind.extension()));
        std::fs::write(&path, bytes).map_err(|source| io(file, source))?;
        progress(0, 1);
        let text = ocr::read(tools, &file.name, "image", &path)?;
        progress(1, 1);
        return Ok((vec![page(1, text, How::Ocr)], 1));
    }
    if !super::is_pdf(bytes) {
        return Err(not_a_certificate(file));
    }
    if tools.pdftotext.is_none() {
        return Ok((vec![unread(1, NO_POPPLER.to_string())], 1));
    }
    let path = dir.path().join("certificate.pdf");
    std::fs::write(&path, bytes).map_err(|source| io(file, source))?;
    let (texts, total) = pdf::pages(tools, &file.name, &path)?;
    let mut pages: Vec<Page> = texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| page(i + 1, t, How::TextLayer))
        .collect();
    // A page to OCR: one with no text layer (a scan), or, in a short file, one whose text
    // layer does not read as a certificate: a scan whose layer holds only a stamp or a
    // footer, or a PDF whose fonts map their glyphs to no real characters.
    let short = pages.len() <= MAX_RESCUED_PAGES;
    let scans: Vec<usize> = pages
        .iter()
        .filter(|p| !has_text(&p.text) || (short && !super::extract(&p.text).is_certificate()))
        .map(|p| p.number)
        .collect();
    if scans.is_empty() {
        return Ok((pages, total));
    }
    if tools.tesseract.is_none() || tools.pdftoppm.is_none() {
        // Without OCR, a text layer that reads as no certificate is still what was read.
        for n in &scans {
            if let Some(p) = pages.get_mut(n - 1).filter(|p| !has_text(&p.text)) {
                p.how = How::Unread(NO_OCR.to_string());
            }
        }
        return Ok((pages, total));
    }
    let (now, later) = scans.split_at(scans.len().min(MAX_OCR_PAGES));
    for n in later {
        if let Some(p) = pages.get_mut(n - 1) {
            p.how = How::Unread(format!(
                "not read: OCR reads the first {MAX_OCR_PAGES} scanned pages of a file; \
                 split the PDF to read the rest"
            ));
        }
    }
    let texts = ocr_pages(tools, file, &path, dir.path(), now, progress)?;
    for (n, text) in now.iter().zip(texts) {
        if let Some(p) = pages.get_mut(n - 1) {
            // OCR replaces a text layer only when it reads a certificate the layer did not.
            if !has_text(&p.text) || super::extract(&text).is_certificate() {
                p.text = text;
                p.how = How::Ocr;
            }
        }
    }
    Ok((pages, total))
}

/// Files of at most this many pages have a page that does not read as a certificate read
/// again by OCR; a longer file is a document, not a certificate bundle, and is not.
const MAX_RESCUED_PAGES: usize = 5;

/// OCR of the pages `numbers`, two at a time (one per core; tesseract runs single-threaded).
fn ocr_pages(
    tools: &Tools,
    file: &InputFile,
    pdf: &Path,
    dir: &Path,
    numbers: &[usize],
    progress: &dyn Fn(usize, usize),
) -> Result<Vec<String>> {
    let total = numbers.len();
    let mut texts = Vec::with_capacity(total);
    progress(0, total);
    for pair in numbers.chunks(2) {
        let results: Vec<Result<String>> = std::thread::scope(|s| {
            let handles: Vec<_> = pair
                .iter()
                .map(|&n| s.spawn(move || ocr_page(tools, file, pdf, dir, n)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|_| {
                        Err(Error::invalid(&file.name, "OCR", "the OCR thread failed"))
                    })
                })
                .collect()
        });
        for r in results {
            texts.push(r?);
        }
        progress(texts.len(), total);
    }
    Ok(texts)
}

fn ocr_page(tools: &Tools, file: &InputFile, pdf: &Path, dir: &Path, n: usize) -> Result<String> {
    let image = pdf::render(tools, &file.name, pdf, n)?;
    let path = dir.join(format!("page-{n}.png"));
    std::fs::write(&path, image).map_err(|source| io(file, source))?;
    let text = ocr::read(tools, &file.name, &format!("page {n}"), &path);
    let _ = std::fs::remove_file(&path);
    text
}

fn page(number: usize, text: String, how: How) -> Page {
    Page { number, text, how }
}

fn unread(number: usize, why: String) -> Page {
    page(number, String::new(), How::Unread(why))
}

fn io(file: &InputFile, source: std::io::Error) -> Error {
    Error::Io {
        file: file.name.clone(),
        source,
    }
}
