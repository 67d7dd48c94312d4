//! Which format a file is, from its content and never its extension: a badge renamed `.txt`
//! still imports, and a CSV named `.json` is read as the CSV it is.

use crate::error::{Error, Result};
use crate::record::{Format, Found, InputFile};
use crate::{bounds, certificate, europass, jose, jsonresume, linkedin, openbadges, table};
use serde_json::Value;

pub const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
pub const ZIP_SIGNATURE: &[u8] = b"PK\x03\x04";

/// The format of `file`, from its bytes.
pub fn detect(file: &InputFile) -> Result<Format> {
    bounds::check_file(&file.name, &file.bytes)?;
    let bytes: &[u8] = &file.bytes;
    // A PNG is a baked badge when a badge chunk says so, and otherwise a photo or scan of a
    // certificate.
    if bytes.starts_with(PNG_SIGNATURE) {
        return Ok(if openbadges::png_has_badge(bytes) {
            Format::Openbadges
        } else {
            Format::Certificate
        });
    }
    if certificate::recognises(bytes) {
        return Ok(Format::Certificate);
    }
    if bytes.starts_with(crate::archive::MAGIC) {
        return Ok(Format::Archive);
    }
    if bytes.starts_with(ZIP_SIGNATURE) {
        return crate::archive::zip_format(file);
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let text = &text[start..];
    match text.first() {
        // Europass XML (ELM v2, the CV) says so in its namespaces; the Europass importer
        // refuses it with a hint. Every other XML is a baked SVG to look into.
        Some(b'<')
            if !mentions(text, b"openbadges")
                && (mentions(text, b"data.europa.eu") || mentions(text, b"europass")) =>
        {
            Ok(Format::Europass)
        }
        Some(b'<') => Ok(Format::Openbadges),
        Some(b'{') | Some(b'[') => {
            let value = bounds::parse_json(&file.name, text)?;
            classify_json(&value).ok_or_else(|| unrecognised(file, "JSON of no known shape"))
        }
        Some(_) if jose::compact_payload(text).is_some() => {
            let payload = jose::compact_payload(text).unwrap_or_default();
            let value = bounds::parse_json(&file.name, &payload)?;
            classify_json(&value).ok_or_else(|| unrecognised(file, "a JWT of no known shape"))
        }
        Some(_) => {
            if linkedin::recognises(file) {
                Ok(Format::Linkedin)
            } else {
                Ok(Format::Csv)
            }
        }
        None => Err(unrecognised(file, "the file is empty")),
    }
}

/// Whether `needle` occurs in the first 64 KiB of `text` (an XML file's namespaces come first).
fn mentions(text: &[u8], needle: &[u8]) -> bool {
    text[..text.len().min(64 * 1024)]
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

fn unrecognised(file: &InputFile, hint: &str) -> Error {
    Error::Unrecognised {
        file: file.name.clone(),
        hint: hint.to_string(),
    }
}

/// The `type` of a JSON-LD object as a list of names.
pub fn types(v: &Value) -> Vec<&str> {
    match v.get("type").or_else(|| v.get("@type")) {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The format of a parsed JSON document, or `None` when it is no format Dossier reads.
pub fn classify_json(v: &Value) -> Option<Format> {
    if v.get("dossier").is_some() {
        return Some(Format::Archive);
    }
    // A JAdES JSON serialisation or a JWT's `vc` claim: the credential is inside.
    if let Some(inner) = jose::json_payload(v) {
        return classify_json(&inner);
    }
    if let Some(vc) = v.get("vc") {
        return classify_json(vc);
    }
    let t = types(v);
    if t.contains(&"ClrCredential") {
        return Some(Format::Clr);
    }
    if t.contains(&"EuropeanDigitalCredential")
        || v.get("credentialSubject")
            .is_some_and(|s| s.get("hasClaim").is_some() || s.get("achieved").is_some())
    {
        return Some(Format::Europass);
    }
    if t.iter().any(|t| {
        matches!(
            *t,
            "OpenBadgeCredential" | "AchievementCredential" | "VerifiableCredential"
        )
    }) || t.contains(&"Assertion")
        || v.get("recipient").is_some()
        || v.get("badge").is_some()
    {
        return Some(Format::Openbadges);
    }
    if ["certificates", "education", "basics", "work"]
        .iter()
        .any(|k| v.get(*k).is_some())
    {
        return Some(Format::Jsonresume);
    }
    None
}

/// Reads `file` as `format` (detected when `None`). Dossier's own archives are not records
/// alone (they carry the whole state) and go through `archive` instead.
pub fn read(
    file: &InputFile,
    format: Option<Format>,
    mapping: Option<&table::Mapping>,
) -> Result<Vec<Found>> {
    bounds::check_file(&file.name, &file.bytes)?;
    let format = match format {
        Some(f) => f,
        None => detect(file)?,
    };
    match format {
        Format::Openbadges | Format::Clr => openbadges::read(file),
        Format::Linkedin => linkedin::read(file),
        Format::Jsonresume => jsonresume::read(file),
        Format::Europass => europass::read(file),
        Format::Csv => table::read(file, mapping),
        Format::Certificate => certificate::read(file, &certificate::Tools::system(), &|_, _| {}),
        Format::Archive => Err(Error::Unrecognised {
            file: file.name.clone(),
            hint: "a Dossier archive is restored with its whole state, not read as records".into(),
        }),
    }
}
