//! OCR of a scanned certificate or a photo of one, by tesseract with its English model as
//! Debian ships it (`tesseract-ocr`, `tesseract-ocr-eng`): nothing is downloaded, nothing
//! leaves the machine. An image's size is read from its header and bounded before tesseract
//! sees it, so a 100,000 x 100,000 pixel PNG is refused without being decoded.

use super::process::{run, RunError};
use super::Tools;
use crate::error::{Error, Result};
use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

/// The most pixels an image may have: a 600 dpi scan of an A3 page is 35 megapixels.
pub const MAX_PIXELS: u64 = 50_000_000;
/// Time for one page: 300 dpi letter takes about 1.3 s here.
const PAGE_LIMIT: Duration = Duration::from_secs(60);

/// The kinds of image read as certificates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
}

impl ImageKind {
    /// The kind of image `bytes` hold, from their signature.
    pub fn of(bytes: &[u8]) -> Option<ImageKind> {
        if bytes.starts_with(crate::detect::PNG_SIGNATURE) {
            Some(ImageKind::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageKind::Jpeg)
        } else {
            None
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpg",
        }
    }
}

/// Width and height from an image's header, without decoding it.
pub fn dimensions(kind: ImageKind, bytes: &[u8]) -> Option<(u32, u32)> {
    match kind {
        // IHDR is the first chunk: 8 bytes of signature, 4 of length, 4 of type, then
        // width and height.
        ImageKind::Png => {
            let be = |at: usize| -> Option<u32> {
                Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
            };
            (bytes.get(12..16) == Some(b"IHDR")).then_some(())?;
            Some((be(16)?, be(20)?))
        }
        ImageKind::Jpeg => jpeg_dimensions(bytes),
    }
}

/// A JPEG's size from its first start-of-frame marker (SOF0..SOF15 but DHT, JPG and DAC).
fn jpeg_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        // Markers may be padded with any number of 0xFF bytes.
        while *bytes.get(at)? == 0xFF && *bytes.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        let len = u16::from_be_bytes([*bytes.get(at + 2)?, *bytes.get(at + 3)?]) as usize;
        let sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if sof {
            let h = u16::from_be_bytes([*bytes.get(at + 5)?, *bytes.get(at + 6)?]);
            let w = u16::from_be_bytes([*bytes.get(at + 7)?, *bytes.get(at + 8)?]);
            return Some((u32::from(w), u32::from(h)));
        }
        if marker == 0xD9 || marker == 0xDA || len < 2 {
            return None;
        }
        at += 2 + len;
    }
}

/// Refuses an image whose header is unreadable or that is larger than `MAX_PIXELS`.
pub fn check_image(name: &str, kind: ImageKind, bytes: &[u8]) -> Result<()> {
    let (w, h) = dimensions(kind, bytes).ok_or_else(|| {
        Error::invalid(
            name,
            "image header",
            format!(
                "the {} image's size cannot be read; the file is damaged",
                kind.extension()
            ),
        )
    })?;
    let pixels = u64::from(w) * u64::from(h);
    if pixels == 0 || pixels > MAX_PIXELS {
        return Err(Error::TooLarge {
            file: name.to_string(),
            what: format!("the image ({w} x {h} pixels)"),
            limit: format!("{} megapixels", MAX_PIXELS / 1_000_000),
        });
    }
    Ok(())
}

/// The text tesseract reads in the image at `path`; `at` names the page for messages.
pub(super) fn read(tools: &Tools, name: &str, at: &str, path: &Path) -> Result<String> {
    let program = tools
        .tesseract
        .as_deref()
        .ok_or_else(|| Error::invalid(name, at, "tesseract is not installed"))?;
    // Page segmentation 3 (automatic, no orientation detection: osd needs another model).
    let args: [&OsStr; 6] = [
        path.as_os_str(),
        "stdout".as_ref(),
        "-l".as_ref(),
        "eng".as_ref(),
        "--psm".as_ref(),
        "3".as_ref(),
    ];
    match run(program, &args, PAGE_LIMIT, 4 * 1024 * 1024) {
        Ok(out) => Ok(String::from_utf8_lossy(&out.stdout).into_owned()),
        Err(e) => {
            let message = match e {
                RunError::Failed(said) if said.contains("eng.traineddata") => {
                    "tesseract has no English model: install tesseract-ocr-eng".to_string()
                }
                RunError::Failed(said) => format!("OCR failed (tesseract says: {said})"),
                RunError::TimedOut(limit) => {
                    format!("OCR did not finish within {} s", limit.as_secs())
                }
                RunError::TooMuch(_) => "OCR read more text than a certificate holds".into(),
                RunError::Missing(err) => format!("tesseract could not be started: {err}"),
            };
            Err(Error::invalid(name, at, message))
        }
    }
}

/// Corrects what OCR misreads in certificates' sans-serif type: a capital I read as a
/// lowercase l in "AI", the word this field's titles hold most ("Al Tools", "Al-based"). A
/// standalone "Al" is a name elsewhere, but not in an activity's title or a provider's.
pub fn misreadings(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        let starts_word = before.is_none_or(|c| !c.is_alphanumeric());
        let ends_word = chars.get(i + 2).is_none_or(|c| !c.is_alphanumeric());
        if starts_word && ends_word && chars.get(i) == Some(&'A') && chars.get(i + 1) == Some(&'l')
        {
            out.push_str("AI");
            i += 2;
            continue;
        }
        if let Some(c) = chars.get(i) {
            out.push(*c);
        }
        i += 1;
    }
    out
}
