//! Baked PNG badges: the badge is a text chunk (`iTXt` keyword `openbadges` for OB 2.0,
//! `openbadgecredential` for OB 3.0; legacy Backpack badges a `tEXt` chunk holding only the
//! assertion's URL). The `png` crate reads the chunks; the image itself is never decoded.
//! Compressed text is inflated with a cap, so a decompression bomb is refused at the cap.

use super::payload;
use crate::bounds::{MAX_FILE_BYTES, MAX_INFLATED_TEXT};
use crate::error::{Error, Result};
use crate::record::{Found, InputFile};
use std::io::Cursor;

/// The keywords a baker writes, OB 2.0 first.
const KEYWORDS: [&str; 2] = ["openbadges", "openbadgecredential"];

/// Whether a PNG has a badge chunk (a text chunk whose keyword is a badge's), from a walk over
/// the chunk headers that inflates and decodes nothing. Without one, the PNG is a picture.
pub(crate) fn has_badge(bytes: &[u8]) -> bool {
    let mut at = crate::detect::PNG_SIGNATURE.len();
    while let Some(head) = bytes.get(at..at + 8) {
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let kind = &head[4..8];
        if kind == b"IEND" {
            break;
        }
        if matches!(kind, b"tEXt" | b"zTXt" | b"iTXt") {
            let data = bytes.get(at + 8..).unwrap_or_default();
            let data = &data[..data.len().min(len)];
            let keyword = data.split(|&b| b == 0).next().unwrap_or_default();
            let keyword = String::from_utf8_lossy(keyword);
            if KEYWORDS
                .iter()
                .any(|k| k.eq_ignore_ascii_case(keyword.trim()))
            {
                return true;
            }
        }
        // Length, type, data and CRC.
        at = match at.checked_add(12).and_then(|a| a.checked_add(len)) {
            Some(next) => next,
            None => break,
        };
    }
    false
}

/// The records of a baked PNG.
pub(super) fn read(file: &InputFile) -> Result<Vec<Found>> {
    // The decoder charges every chunk's bytes to this budget, about three times over as its
    // buffers grow; four times the largest file passes any real badge and bounds any other.
    let limits = png::Limits {
        bytes: 4 * MAX_FILE_BYTES as usize,
    };
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(&file.bytes[..]), limits);
    // An ICC profile is inflated by the decoder up to the whole budget; a badge needs none.
    decoder.set_ignore_iccp_chunk(true);
    let mut reader = decoder.read_info().map_err(|e| damaged(file, &e))?;
    // Chunks after the image data (some bakers append there) are read by skipping the image
    // data unread, not by decoding it.
    let finished = reader.finish();
    match badge_text(file, reader.info())? {
        Some((carrier, text)) => payload(file, text.as_bytes(), &carrier),
        None => match finished {
            Err(e) => Err(damaged(file, &e)),
            Ok(()) => Err(Error::Unrecognised {
                file: file.name.clone(),
                hint: "a PNG image with no badge baked in (no iTXt chunk 'openbadges' or \
                       'openbadgecredential')"
                    .into(),
            }),
        },
    }
}

/// The first badge chunk's text and a name for it: iTXt, then zTXt, then tEXt.
fn badge_text(file: &InputFile, info: &png::Info) -> Result<Option<(String, String)>> {
    let is_badge = |k: &str| KEYWORDS.iter().any(|w| w.eq_ignore_ascii_case(k.trim()));
    if let Some(c) = info.utf8_text.iter().find(|c| is_badge(&c.keyword)) {
        let carrier = format!("iTXt chunk '{}'", c.keyword);
        let text = inflated(
            file,
            &carrier,
            c,
            png::text_metadata::ITXtChunk::decompress_text_with_limit,
            png::text_metadata::ITXtChunk::get_text,
        )?;
        return Ok(Some((carrier, text)));
    }
    if let Some(c) = info
        .compressed_latin1_text
        .iter()
        .find(|c| is_badge(&c.keyword))
    {
        let carrier = format!("zTXt chunk '{}'", c.keyword);
        let text = inflated(
            file,
            &carrier,
            c,
            png::text_metadata::ZTXtChunk::decompress_text_with_limit,
            png::text_metadata::ZTXtChunk::get_text,
        )?;
        return Ok(Some((carrier, from_latin1(&text))));
    }
    Ok(info
        .uncompressed_latin1_text
        .iter()
        .find(|c| is_badge(&c.keyword))
        .map(|c| (format!("tEXt chunk '{}'", c.keyword), from_latin1(&c.text))))
}

/// The text of a compressed chunk (iTXt or zTXt, which share no trait), inflated at most to
/// `MAX_INFLATED_TEXT`.
fn inflated<C: Clone>(
    file: &InputFile,
    carrier: &str,
    chunk: &C,
    inflate: fn(&mut C, usize) -> std::result::Result<(), png::DecodingError>,
    text: fn(&C) -> std::result::Result<String, png::DecodingError>,
) -> Result<String> {
    let mut chunk = chunk.clone();
    inflate(&mut chunk, MAX_INFLATED_TEXT).map_err(|e| inflate_error(file, carrier, &e))?;
    text(&chunk).map_err(|e| inflate_error(file, carrier, &e))
}

/// zTXt and tEXt are Latin-1 by the PNG standard, but bakers write UTF-8 JSON into them: the
/// bytes are taken back and read as UTF-8 when they are, so "SAFe®" and Japanese names
/// survive instead of turning into mojibake.
fn from_latin1(text: &str) -> String {
    let bytes: Option<Vec<u8>> = text.chars().map(|c| u8::try_from(c as u32).ok()).collect();
    bytes
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_else(|| text.to_string())
}

fn inflate_error(file: &InputFile, carrier: &str, e: &png::DecodingError) -> Error {
    // The png crate says "out of decompression space" only through its message; a test on a
    // bomb keeps this honest across upgrades.
    if e.to_string().to_lowercase().contains("decompression space") {
        return Error::TooLarge {
            file: file.name.clone(),
            what: format!("the {carrier}, inflated,"),
            limit: format!("{} MiB", MAX_INFLATED_TEXT / (1024 * 1024)),
        };
    }
    Error::invalid(
        &file.name,
        carrier,
        format!("the compressed text cannot be read: {e}"),
    )
}

fn damaged(file: &InputFile, e: &png::DecodingError) -> Error {
    match e {
        png::DecodingError::LimitsExceeded => Error::TooLarge {
            file: file.name.clone(),
            what: "the PNG's chunks".into(),
            limit: format!("{} MiB", 4 * MAX_FILE_BYTES / (1024 * 1024)),
        },
        png::DecodingError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            Error::invalid(&file.name, "PNG chunks", "the PNG is cut short (truncated)")
        }
        e => Error::invalid(&file.name, "PNG chunks", format!("a damaged PNG: {e}")),
    }
}
