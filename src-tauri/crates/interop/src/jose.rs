//! The JOSE containers credentials travel in: compact JWS/JWT (`header.payload.signature`,
//! base64url) and the JWS JSON serialisation JAdES uses (`{payload, signatures}`, with
//! `b64: false` meaning the payload is the JSON text itself). Only the payload is read here;
//! checking the signature is the verifier's work.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;

fn b64(s: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(s.trim_end_matches('=')).ok()
}

/// The decoded payload of a compact JWS, or `None` when `text` is not one.
pub fn compact_payload(text: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(text).ok()?.trim();
    let mut parts = text.split('.');
    let (header, payload, _sig) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || header.is_empty() {
        return None;
    }
    let header: Value = serde_json::from_slice(&b64(header)?).ok()?;
    header.get("alg")?;
    b64(payload)
}

/// The payload of a JWS JSON serialisation, parsed, or `None` when `v` is not one.
pub fn json_payload(v: &Value) -> Option<Value> {
    let payload = v.get("payload")?.as_str()?;
    v.get("signatures").or_else(|| v.get("signature"))?;
    let unencoded = v
        .get("signatures")
        .and_then(|s| s.get(0))
        .and_then(|s| s.get("protected"))
        .and_then(Value::as_str)
        .and_then(b64)
        .and_then(|h| serde_json::from_slice::<Value>(&h).ok())
        .is_some_and(|h| h.get("b64") == Some(&Value::Bool(false)));
    let bytes = if unencoded {
        payload.as_bytes().to_vec()
    } else {
        b64(payload).unwrap_or_else(|| payload.as_bytes().to_vec())
    };
    if crate::bounds::json_depth(&bytes) > crate::bounds::MAX_JSON_DEPTH {
        return None;
    }
    serde_json::from_slice(&bytes).ok()
}
