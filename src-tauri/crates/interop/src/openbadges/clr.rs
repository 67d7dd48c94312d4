//! Comprehensive Learner Record 2.0: a `ClrCredential` whose `credentialSubject` carries the
//! learner's achievement credentials, each signed on its own (JSON, a compact JWT string, or a
//! VC 2.0 enveloped credential). One record per embedded credential, grouped under the CLR's
//! name; one that cannot be read is a record with a problem naming its place, so the rest of
//! the CLR still imports.

use super::build::{list, Builder};
use super::{open, reason, vc};
use crate::error::{Error, Result};
use crate::record::{Format, Found, InputFile};
use serde_json::Value;

const LIST: &str = "credentialSubject.verifiableCredential";

/// The records of the CLR `v`.
pub(super) fn read(file: &InputFile, v: &Value) -> Result<Vec<Found>> {
    let top = Builder::new(file, Format::Clr, "");
    let group = top.text(v.get("name"), "name")?;
    let issuer = match v.get("issuer") {
        Some(Value::Object(i)) => top.text(i.get("name"), "issuer.name")?,
        _ => None,
    };
    let subject = list(v.get("credentialSubject")).first();
    let items = list(subject.and_then(|s| s.get("verifiableCredential")));
    if items.is_empty() {
        return Err(Error::invalid(
            &file.name,
            format!("field {LIST}"),
            "the CLR holds no achievement credentials",
        ));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("{LIST}[{i}]");
        let mut b = Builder::new(file, Format::Clr, &at);
        b.found.group = group.clone();
        if let Err(e) = embedded(&mut b, item, &at) {
            b.problem(format!("{at}: could not be read: {}", reason(&e)));
        }
        if b.found.draft.issuer.is_empty() {
            if let Some(name) = &issuer {
                b.found.draft.issuer = name.clone();
                b.note(format!(
                    "The issuer is the CLR's ({name}): the achievement credential names none."
                ));
            }
        }
        out.push(b.finish());
    }
    Ok(out)
}

/// One embedded credential, opened from whatever envelope it travels in.
fn embedded(b: &mut Builder, item: &Value, at: &str) -> Result<()> {
    let opened = open(b.file, item, at)?;
    vc::fill(b, &opened.credential, opened.claims.as_ref())
}
