//! Open Badges (1.0, 2.0, 3.0) and CLR 2.0: JSON, signed JWS/JWT, and badges baked into PNG
//! and SVG images. Everything is read from the bytes given: a badge that only points at a
//! server (a hosted assertion or BadgeClass, an issuer profile, a status list) is recorded
//! with what the file holds and a note that Dossier does not go online. Nothing is verified
//! here; the whole file is kept as every record's evidence so a signature can be checked
//! later.

mod build;
mod clr;
mod ob2;
mod png;
mod svg;
mod vc;

use crate::bounds;
use crate::detect::{types, PNG_SIGNATURE};
use crate::error::{Error, Result};
use crate::jose;
use crate::record::{Format, Found, InputFile};
use build::Builder;
use serde_json::Value;

pub(crate) use png::has_badge as png_has_badge;

/// The records in `file`: one for a badge or credential, one per achievement for a CLR.
pub fn read(file: &InputFile) -> Result<Vec<Found>> {
    bounds::check_size(&file.name, file.bytes.len() as u64)?;
    let bytes: &[u8] = &file.bytes;
    if bytes.starts_with(PNG_SIGNATURE) {
        return png::read(file);
    }
    let text = trim(bytes);
    if text.starts_with(b"<") {
        return svg::read(file, text);
    }
    payload(file, text, "")
}

/// What a badge carries (the file itself, a PNG text chunk, an SVG element, `carrier`): JSON,
/// a compact JWS/JWT, or only the URL its assertion is hosted at.
fn payload(file: &InputFile, bytes: &[u8], carrier: &str) -> Result<Vec<Found>> {
    let text = trim(bytes);
    let value = if text.starts_with(b"{") || text.starts_with(b"[") {
        // Untrimmed, so the JSON's line numbers count from where its carrier starts.
        json(file, carrier, bytes)?
    } else if jose::compact_payload(text).is_some() {
        Value::String(String::from_utf8_lossy(text).into_owned())
    } else if let Some(url) = std::str::from_utf8(text).ok().filter(|t| build::is_http(t)) {
        return Ok(vec![hosted(file, url, carrier)?]);
    } else {
        let hint = if carrier.is_empty() {
            "neither JSON, a signed badge (JWS/JWT) nor a badge image".to_string()
        } else {
            format!("the {carrier} holds neither JSON, a signed badge (JWS/JWT) nor a URL")
        };
        return Err(Error::Unrecognised {
            file: file.name.clone(),
            hint,
        });
    };
    let opened = open(file, &value, carrier)?;
    credential(file, &opened, carrier)
}

/// The records of an opened credential: a CLR, an OB 3.0 credential or an OB 1.0/2.0
/// assertion, told apart by their shape.
fn credential(file: &InputFile, opened: &Opened, location: &str) -> Result<Vec<Found>> {
    let v = &opened.credential;
    let t = types(v);
    if t.contains(&"ClrCredential") {
        return clr::read(file, v);
    }
    let vc_types = [
        "VerifiableCredential",
        "OpenBadgeCredential",
        "AchievementCredential",
    ];
    if t.iter().any(|t| vc_types.contains(t)) || v.get("credentialSubject").is_some() {
        let mut b = Builder::new(file, Format::Openbadges, location);
        vc::fill(&mut b, v, opened.claims.as_ref())?;
        return Ok(vec![b.finish()]);
    }
    let assertion_keys = ["badge", "recipient", "issuedOn", "issued_on"];
    if t.contains(&"Assertion") || assertion_keys.iter().any(|k| v.get(*k).is_some()) {
        return Ok(vec![ob2::read(file, v, location)?]);
    }
    let what = if location.is_empty() {
        "JSON"
    } else {
        location
    };
    Err(Error::Unrecognised {
        file: file.name.clone(),
        hint: format!("{what} that is neither an Open Badges assertion nor a credential"),
    })
}

/// A credential out of its envelopes, with the JWT's claims when it came in one.
pub(super) struct Opened {
    pub credential: Value,
    pub claims: Option<Value>,
}

/// Opens the envelopes a credential travels in: a compact JWT (as a string, or a VC 2.0
/// `EnvelopedVerifiableCredential` whose `id` is a `data:` URL), a JWS JSON serialisation, a
/// JWT's `vc` claim. `at` names the place for messages.
pub(super) fn open(file: &InputFile, v: &Value, at: &str) -> Result<Opened> {
    let mut v = v.clone();
    let mut claims = None;
    // Each envelope decodes to something smaller, so this ends; the bound is for clarity.
    for _ in 0..4 {
        if let Some(jwt) = compact_jwt(&v) {
            let payload = jose::compact_payload(jwt.as_bytes())
                .ok_or_else(|| Error::invalid(&file.name, at, "not a readable compact JWT"))?;
            let inner = json(file, &joined(at, "JWT payload"), &payload)?;
            claims = Some(inner.clone());
            v = inner;
        } else if let Some(inner) = jose::json_payload(&v) {
            claims = Some(inner.clone());
            v = inner;
        } else if let Some(inner) = v.get("vc").filter(|c| c.is_object()).cloned() {
            claims = Some(v);
            v = inner;
        } else if v.is_string() {
            return Err(Error::invalid(
                &file.name,
                at,
                "a string that is not a compact JWT credential",
            ));
        } else {
            return Ok(Opened {
                credential: v,
                claims,
            });
        }
    }
    Err(Error::invalid(
        &file.name,
        at,
        "a credential wrapped more than four times",
    ))
}

/// The compact JWT in `v`: the string itself, or an enveloped credential's `data:` URL.
fn compact_jwt(v: &Value) -> Option<&str> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Object(_) if types(v).contains(&"EnvelopedVerifiableCredential") => {
            v.get("id")?.as_str()?
        }
        _ => return None,
    };
    let s = s.trim();
    match s.strip_prefix("data:") {
        Some(rest) => rest.split_once(',').map(|(_, jwt)| jwt),
        None => Some(s),
    }
}

/// Parses JSON found at `carrier`, naming it with the JSON's own line and column.
fn json(file: &InputFile, carrier: &str, bytes: &[u8]) -> Result<Value> {
    bounds::parse_json(&file.name, bytes).map_err(|e| match e {
        Error::Invalid { file, at, message } if !carrier.is_empty() => Error::Invalid {
            file,
            at: format!("{carrier}, JSON {at}"),
            message,
        },
        e => e,
    })
}

/// A badge whose assertion is only a URL (a legacy Backpack PNG, an SVG's `verify`): the
/// image is kept, and the record says plainly that the rest is on a server.
fn hosted(file: &InputFile, url: &str, carrier: &str) -> Result<Found> {
    bounds::check_field(&file.name, &joined(carrier, "assertion URL"), url)?;
    let mut b = Builder::new(file, Format::Openbadges, carrier);
    b.found.source.id = Some(url.to_string());
    b.offer_url(Some(url));
    b.note(format!(
        "The assertion is hosted at {url}. Dossier never goes online, so only the badge image \
         was kept, as evidence; title, issuer and dates are for you to fill in."
    ));
    // Imported with a title that says what it is, so the image is kept rather than refused.
    b.found.draft.title = hosted_title(url);
    Ok(b.finish())
}

/// The title of a badge whose name is on a server: "Badge hosted at backpack.openbadges.org".
pub(super) fn hosted_title(url: &str) -> String {
    match url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
    {
        Some(host) => format!("Badge hosted at {host}"),
        None => "Hosted badge".to_string(),
    }
}

/// An error's message without its file name, for a problem listed under the file.
pub(super) fn reason(e: &Error) -> String {
    match e {
        Error::Invalid { at, message, .. } => format!("{at}: {message}"),
        Error::TooLarge { what, limit, .. } => format!("{what} is over the limit of {limit}"),
        Error::Unrecognised { hint, .. } => hint.clone(),
        Error::Archive { message, .. } => message.clone(),
        Error::Io { source, .. } => source.to_string(),
    }
}

fn joined(at: &str, what: &str) -> String {
    if at.is_empty() {
        what.to_string()
    } else {
        format!("{at}, {what}")
    }
}

/// `bytes` without a UTF-8 byte-order mark and surrounding whitespace.
fn trim(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.trim_ascii()
}
