//! CME/CE certificates: a PDF (its text layer, or OCR of a page that has none) or a photo of
//! one (PNG, JPEG, by OCR). Each page that reads as a certificate becomes one proposed CE
//! activity with its fields and the text each came from; the file is kept as its evidence. A
//! file in which nothing reads as a certificate still gives one record, holding only the file
//! and a message saying so, so the person fills it in instead of retyping what was never read.
//!
//! Reading the text is the only I/O in this crate: poppler and tesseract run as bounded
//! subprocesses (`process`) on a copy of the file in a private temporary folder. Everything
//! after the text (`fields`, `records`) is pure.

pub mod fields;
mod ocr;
mod pdf;
mod process;
mod tools;

pub use fields::{extract, CertificateFields};
pub use ocr::{check_image, dimensions, misreadings, ImageKind, MAX_PIXELS};
pub use pdf::{MAX_PAGES, OCR_DPI};
pub use tools::Tools;

use crate::error::{Error, Result};
use crate::record::{Confidence, Extracted, Format, Found, InputFile};
use dossier_core::CredentialKind;
use sha2::{Digest, Sha256};
use std::sync::{Arc, Mutex};

/// Pages OCR reads in one file: a scanned bundle beyond this is read in parts.
pub const MAX_OCR_PAGES: usize = 20;
/// A page with fewer visible characters than this has no usable text layer (a scan, or a
/// scan whose only text is a page number).
const MIN_TEXT_CHARS: usize = 40;

/// How a page's text was obtained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum How {
    TextLayer,
    Ocr,
    /// The page could not be read; why, said to the person.
    Unread(String),
}

/// One page's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// 1-based.
    pub number: usize,
    pub text: String,
    pub how: How,
}

/// Whether `bytes` are a file this importer reads: a PDF, a JPEG, or a PNG (the caller has
/// already sent baked badges to the Open Badges importer).
pub fn recognises(bytes: &[u8]) -> bool {
    is_pdf(bytes) || ImageKind::of(bytes).is_some()
}

/// Whether `bytes` are a PDF: its header may follow up to 1 KiB of other bytes, which readers
/// accept.
pub(crate) fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// The records of a certificate file. `progress` hears (pages read, pages to read) as OCR
/// goes, which takes about a second a page.
pub fn read(
    file: &InputFile,
    tools: &Tools,
    progress: &dyn Fn(usize, usize),
) -> Result<Vec<Found>> {
    let (pages, total) = text_of(file, tools, progress)?;
    Ok(records(file, &pages, total))
}

/// The text of every page, from the cache when the same bytes were read before in this
/// process: a preview and the import that follows it read the file twice, and OCR is slow.
pub fn text_of(
    file: &InputFile,
    tools: &Tools,
    progress: &dyn Fn(usize, usize),
) -> Result<(Arc<Vec<Page>>, usize)> {
    type Cache = Mutex<Vec<([u8; 32], Arc<Vec<Page>>, usize)>>;
    static CACHE: Cache = Mutex::new(Vec::new());
    let mut hash = Sha256::new();
    hash.update(&file.bytes);
    hash.update(tools.signature().as_bytes());
    let key: [u8; 32] = hash.finalize().into();
    if let Ok(cache) = CACHE.lock() {
        if let Some((_, pages, total)) = cache.iter().find(|(k, _, _)| *k == key) {
            return Ok((pages.clone(), *total));
        }
    }
    let (pages, total) = tools::read_pages(file, tools, progress)?;
    let pages = Arc::new(pages);
    if let Ok(mut cache) = CACHE.lock() {
        // A handful of files is what one import holds; older entries go first.
        if cache.len() >= 16 {
            cache.remove(0);
        }
        cache.push((key, pages.clone(), total));
    }
    Ok((pages, total))
}

/// Whether a page's text layer holds real text, or the page is a scan to OCR.
fn has_text(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphanumeric()).count() >= MIN_TEXT_CHARS
}

/// The proposed records for a file's pages: one per page that reads as a certificate, or one
/// holding only the file when none does. `total` is the file's page count (pages beyond
/// `MAX_PAGES` were not read).
pub fn records(file: &InputFile, pages: &[Page], total: usize) -> Vec<Found> {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    let mut unread = Vec::new();
    let several = pages.len() > 1;
    for page in pages {
        if let How::Unread(why) = &page.how {
            unread.push(format!("page {}: {why}", page.number));
            continue;
        }
        let fields = extract(&page.text);
        if !fields.is_certificate() {
            skipped.push(page.number);
            continue;
        }
        out.push(record(file, page, fields, several));
    }
    let mut notes = Vec::new();
    if !skipped.is_empty() && !out.is_empty() {
        notes.push(format!(
            "{} of {}: nothing there reads as a certificate",
            pages_text(&skipped),
            file.name
        ));
    }
    notes.extend(unread.iter().cloned());
    if total > pages.len() {
        notes.push(format!(
            "{} has {total} pages; only the first {} were read",
            file.name,
            pages.len()
        ));
    }
    match out.first_mut() {
        Some(first) => first.notes.extend(notes),
        None => out.push(unreadable(file, pages, &skipped, notes)),
    }
    if out.len() > 1 {
        for f in &mut out {
            f.group = Some(file.name.clone());
        }
    }
    out
}

/// "page 3", "pages 3, 5".
fn pages_text(numbers: &[usize]) -> String {
    let list: Vec<String> = numbers.iter().map(ToString::to_string).collect();
    match list.len() {
        1 => format!("page {}", list[0]),
        _ => format!("pages {}", list.join(", ")),
    }
}

/// The proposed CE activity of one certificate page.
fn record(file: &InputFile, page: &Page, fields: CertificateFields, several: bool) -> Found {
    let location = if several || page.number > 1 {
        format!("page {}", page.number)
    } else {
        String::new()
    };
    let mut f = Found::new(Format::Certificate, file, location);
    f.draft.kind = CredentialKind::CeActivity;
    let mut map = fields.into_map();
    let value = |k: &str| map.get(k).map(|e| e.value.clone()).unwrap_or_default();
    f.draft.title = value("title");
    f.draft.issuer = value("issuer");
    f.draft.started = value("started");
    f.draft.completed = value("completed");
    f.draft.hours = value("hours");
    f.draft.credit_type = value("credit_type");
    f.draft.credential_id = value("credential_id");
    if f.draft.title.is_empty() {
        f.draft.title = file_title(file);
        map.insert("title".into(), named_by_file(&f.draft.title));
    }
    if page.how == How::Ocr {
        f.hints.push(format!(
            "{} was read by OCR: check each field against the certificate",
            if page.number > 1 || several {
                format!("page {}", page.number)
            } else {
                "the certificate".to_string()
            }
        ));
    }
    f.fields = map;
    f.keep_file(file);
    f
}

/// The one record of a file in which nothing reads as a certificate: the file, its name as
/// the title (said to be so), and why nothing was filled in.
fn unreadable(file: &InputFile, pages: &[Page], skipped: &[usize], notes: Vec<String>) -> Found {
    let mut f = Found::new(Format::Certificate, file, String::new());
    f.draft.kind = CredentialKind::CeActivity;
    f.draft.title = file_title(file);
    let read_any = pages
        .iter()
        .any(|p| p.how != How::TextLayer || has_text(&p.text));
    let why = if !skipped.is_empty() && read_any {
        "nothing in it reads as a certificate (no activity title, date or credits were found)"
    } else {
        "no text could be read from it"
    };
    f.notes.push(format!(
        "{}: {why}. The file is kept as evidence; fill in the record from it.",
        file.name
    ));
    f.notes.extend(notes);
    f.fields
        .insert("title".into(), named_by_file(&f.draft.title));
    f.keep_file(file);
    f
}

/// A title that is the file's name, marked as such.
fn named_by_file(title: &str) -> Extracted {
    Extracted {
        value: title.to_string(),
        snippet: String::new(),
        confidence: Confidence::Low,
        note: Some("the file's name: no title was read on the certificate".into()),
    }
}

/// A file's name without its extension, as a title to replace.
fn file_title(file: &InputFile) -> String {
    let name = file.name.rsplit(['/', '\\']).next().unwrap_or(&file.name);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let title = stem.replace(['_', '-'], " ");
    match title.trim() {
        "" => "Certificate".to_string(),
        t => t.to_string(),
    }
}

/// The error for a file that is neither a PDF nor an image.
fn not_a_certificate(file: &InputFile) -> Error {
    Error::Unrecognised {
        file: file.name.clone(),
        hint: "a certificate is read from a PDF, PNG or JPEG file".into(),
    }
}
