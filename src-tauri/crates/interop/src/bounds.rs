//! Bounds on untrusted input, checked before a parser sees it, so a hostile file (a
//! decompression bomb, a billion laughs, a 100,000-deep JSON) is refused in milliseconds and
//! small memory instead of exhausting the machine.

use crate::error::{Error, Result};
use serde_json::Value;

/// The largest file Dossier imports. A real export or badge is far smaller.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// The largest certificate scan or photo (a PDF or a JPEG): a 20-page colour scan at 300 dpi
/// is about 60 MB. poppler and tesseract read them in their own bounded processes.
pub const MAX_SCAN_BYTES: u64 = 100 * 1024 * 1024;
/// Rows in one CSV file.
pub const MAX_ROWS: usize = 100_000;
/// Bytes in one field (a CSV cell, a JSON string).
pub const MAX_FIELD_BYTES: usize = 64 * 1024;
/// JSON nesting depth. Real credentials nest less than 12 deep.
pub const MAX_JSON_DEPTH: usize = 64;
/// Bytes a compressed PNG text chunk may inflate to.
pub const MAX_INFLATED_TEXT: usize = 4 * 1024 * 1024;
/// Entries in a zip archive.
pub const MAX_ZIP_ENTRIES: usize = 10_000;
/// Bytes one zip entry may inflate to (evidence scans are the largest members).
pub const MAX_ZIP_ENTRY_BYTES: u64 = 200 * 1024 * 1024;
/// Bytes all of a zip's entries may inflate to together.
pub const MAX_ZIP_TOTAL_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// How many times larger an entry may inflate than it is stored; text compresses ~10x, a
/// bomb 1000x and more.
pub const MAX_ZIP_RATIO: u64 = 200;

fn mib(bytes: u64) -> String {
    format!("{} MiB", bytes / (1024 * 1024))
}

/// Refuses a file over `MAX_FILE_BYTES`.
pub fn check_size(file: &str, len: u64) -> Result<()> {
    if len > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            file: file.to_string(),
            what: format!("the file ({})", mib(len)),
            limit: mib(MAX_FILE_BYTES),
        });
    }
    Ok(())
}

/// The bound for a file whose first bytes are `head`: `MAX_SCAN_BYTES` for a PDF or a JPEG,
/// `MAX_FILE_BYTES` for everything else.
pub fn max_bytes(head: &[u8]) -> u64 {
    use crate::certificate::ImageKind;
    if crate::certificate::is_pdf(head) || ImageKind::of(head) == Some(ImageKind::Jpeg) {
        MAX_SCAN_BYTES
    } else {
        MAX_FILE_BYTES
    }
}

/// Refuses `bytes` over the bound for their kind (`max_bytes`).
pub fn check_file(file: &str, bytes: &[u8]) -> Result<()> {
    let limit = max_bytes(bytes);
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            file: file.to_string(),
            what: format!("the file ({})", mib(bytes.len() as u64)),
            limit: mib(limit),
        });
    }
    Ok(())
}

/// The deepest nesting of `[` and `{` in JSON text, outside strings. A bound, not a parse: it
/// lets the parser refuse a deep file without recursing into it.
pub fn json_depth(text: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &b in text {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Parses JSON text from an untrusted file: nesting bounded, and a syntax error named by its
/// line and column.
pub fn parse_json(file: &str, text: &[u8]) -> Result<Value> {
    let depth = json_depth(text);
    if depth > MAX_JSON_DEPTH {
        return Err(Error::TooLarge {
            file: file.to_string(),
            what: format!("JSON nesting ({depth} levels)"),
            limit: format!("{MAX_JSON_DEPTH} levels"),
        });
    }
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    serde_json::from_slice(text).map_err(|e| {
        Error::invalid(
            file,
            format!("line {}, column {}", e.line(), e.column()),
            format!("not valid JSON: {}", json_reason(&e)),
        )
    })
}

/// serde_json's message without its own " at line L column C" suffix (the location is given
/// separately).
fn json_reason(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Refuses a string field over `MAX_FIELD_BYTES`, naming it.
pub fn check_field(file: &str, at: &str, value: &str) -> Result<()> {
    if value.len() > MAX_FIELD_BYTES {
        return Err(Error::TooLarge {
            file: file.to_string(),
            what: format!("{at} ({} KiB)", value.len() / 1024),
            limit: format!("{} KiB", MAX_FIELD_BYTES / 1024),
        });
    }
    Ok(())
}
