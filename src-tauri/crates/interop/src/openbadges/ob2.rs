//! Open Badges 1.0 and 2.0 assertions, as JSON or as the payload of a signed JWS: the
//! assertion's dates, evidence, narrative and revocation, and its BadgeClass (embedded, or
//! hosted at a URL Dossier does not fetch) with its issuer, criteria, alignments and tags.
//! OB 1.0 files (older Badgr and bakery output) have no `@context`, a `verify {type, url}`, and
//! may give `issuedOn` as a Unix timestamp; OB 0.5 wrote `issued_on`.

use super::build::{Builder, DateField};
use crate::error::Result;
use crate::record::{Format, Found, InputFile};
use serde_json::Value;

/// The record of one assertion.
pub(super) fn read(file: &InputFile, v: &Value, location: &str) -> Result<Found> {
    let mut b = Builder::new(file, Format::Openbadges, location);
    let id = b.string(v.get("id"), "id")?;
    let verify = v.get("verify").or_else(|| v.get("verification"));
    let verify_url = b.string(verify.and_then(|x| x.get("url")), "verify.url")?;
    b.offer_url(id.as_deref());
    b.offer_url(verify_url.as_deref());
    let uid = b.string(v.get("uid"), "uid")?;
    b.found.source.id = id.or(verify_url).or(uid);
    match v.get("badge") {
        Some(Value::String(_)) => {
            let url = b.string(v.get("badge"), "badge")?.unwrap_or_default();
            hosted_badge(&mut b, v, &url)?;
        }
        Some(bc @ Value::Object(_)) => badge_class(&mut b, bc, "badge")?,
        _ => b.problem("title: the assertion names no badge (BadgeClass), so it has no title"),
    }
    b.date(
        DateField::Completed,
        &[
            (v.get("issuedOn"), "issuedOn"),
            (v.get("issued_on"), "issued_on"),
        ],
    )?;
    b.date(DateField::Expires, &[(v.get("expires"), "expires")])?;
    if is_true(v.get("revoked")) {
        let reason = b.text(v.get("revocationReason"), "revocationReason")?;
        b.note(match reason {
            Some(r) => format!("The issuer revoked this badge: {r}"),
            None => "The issuer revoked this badge.".to_string(),
        });
    }
    b.evidence(v.get("evidence"), "evidence")?;
    if let Some(n) = b.text(v.get("narrative"), "narrative")? {
        b.paragraph("Narrative", &n);
    }
    Ok(b.finish())
}

/// An embedded BadgeClass at `at` (`badge`).
fn badge_class(b: &mut Builder, bc: &Value, at: &str) -> Result<()> {
    if let Some(name) = b.text(bc.get("name"), &format!("{at}.name"))? {
        b.found.draft.title = name;
    }
    if let Some(d) = b.text(bc.get("description"), &format!("{at}.description"))? {
        b.paragraph("", &d);
    }
    b.criteria(bc.get("criteria"), &format!("{at}.criteria"))?;
    b.issuer(bc.get("issuer"), &format!("{at}.issuer"))?;
    b.alignments(bc.get("alignment"), &format!("{at}.alignment"))?;
    b.skills_from(bc.get("tags"), &format!("{at}.tags"))?;
    let id = b.string(bc.get("id"), &format!("{at}.id"))?;
    b.offer_url(id.as_deref());
    Ok(())
}

/// A BadgeClass given only by its URL: said in a note, and the title taken from what the
/// assertion itself has, if anything.
fn hosted_badge(b: &mut Builder, v: &Value, url: &str) -> Result<()> {
    b.note(format!(
        "The BadgeClass is hosted at {url} and was not fetched: Dossier does not go online."
    ));
    b.offer_url(Some(url));
    match b.text(v.get("name"), "name")? {
        Some(name) => b.found.draft.title = name,
        None => b.found.draft.title = super::hosted_title(url),
    }
    Ok(())
}

fn is_true(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.trim().eq_ignore_ascii_case("true"),
        _ => false,
    }
}
