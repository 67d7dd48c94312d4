//! Importer: Europass European Digital Credentials (ELM v3), as JSON-LD, unsigned or signed
//! (JAdES in the JWS JSON serialisation, `b64: false` or not, or a compact JWS). One record a
//! claim in `credentialSubject.hasClaim` (older files: `achieved`); most values are language
//! maps. The file is kept as every record's evidence, byte for byte, since it is a signed
//! credential whose signature can be checked later. ELM v2 XML is recognised and refused with
//! a hint.

use crate::bounds;
use crate::detect::types;
use crate::error::{Error, Result};
use crate::jose;
use crate::record::{Format, Found, InputFile};
use crate::text;
use dossier_core::{CredentialKind, SkillDraft};
use serde_json::Value;

/// Skills taken from one claim's learning outcomes, at most: a qualification may list
/// hundreds of ESCO skills, and a record carries its main ones.
const MAX_CLAIM_SKILLS: usize = 20;

/// The claims of a European Digital Credential.
pub fn read(file: &InputFile) -> Result<Vec<Found>> {
    bounds::check_size(&file.name, file.bytes.len() as u64)?;
    let (credential, signed) = unwrap(file)?;
    let is_edc = types(&credential).contains(&"EuropeanDigitalCredential")
        || subjects(&credential)
            .iter()
            .any(|(_, s)| s.get("hasClaim").is_some() || s.get("achieved").is_some());
    if !is_edc {
        return Err(Error::Unrecognised {
            file: file.name.clone(),
            hint: "JSON that is not a European Digital Credential (no type \
                   EuropeanDigitalCredential, no credentialSubject.hasClaim)"
                .into(),
        });
    }
    let c = Credential {
        file,
        value: &credential,
        signed,
    };
    let mut found = Vec::new();
    for (at, subject) in subjects(&credential) {
        let key = if subject.get("hasClaim").is_some() {
            "hasClaim"
        } else {
            "achieved"
        };
        let claims = many(subject.get(key));
        for (i, claim) in claims.iter().enumerate() {
            let at = match claims.len() {
                1 => format!("{at}.{key}"),
                _ => format!("{at}.{key}[{i}]"),
            };
            found.push(c.claim(&at, claim)?);
        }
    }
    if found.is_empty() {
        return Err(Error::invalid(
            &file.name,
            "field credentialSubject.hasClaim",
            "the credential holds no claim (no learning achievement, activity or entitlement)",
        ));
    }
    Ok(found)
}

/// The credential inside the file, and how it is signed.
fn unwrap(file: &InputFile) -> Result<(Value, Option<&'static str>)> {
    let bytes: &[u8] = &file.bytes;
    let text = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .trim_ascii_start();
    let (value, signed) = match text.first() {
        Some(b'<') => return Err(xml(file, text)),
        Some(b'{') | Some(b'[') => {
            let v = bounds::parse_json(&file.name, text)?;
            let jws = v.get("payload").is_some()
                && (v.get("signatures").is_some() || v.get("signature").is_some());
            if jws {
                let payload = jose::json_payload(&v).ok_or_else(|| {
                    Error::invalid(
                        &file.name,
                        "field payload",
                        "the signed payload is not a readable JSON credential",
                    )
                })?;
                (payload, Some("JAdES"))
            } else {
                (v, None)
            }
        }
        _ => match jose::compact_payload(text) {
            Some(payload) => (
                bounds::parse_json(&file.name, &payload)?,
                Some("a compact JWS"),
            ),
            None => {
                return Err(Error::invalid(
                    &file.name,
                    "the file",
                    "not JSON-LD, a JAdES signature or a compact JWS",
                ))
            }
        },
    };
    // A VC-JWT may carry the credential in its `vc` claim.
    Ok(match value.get("vc") {
        Some(vc) if vc.is_object() => (vc.clone(), signed),
        _ => (value, signed),
    })
}

/// Europass XML: an ELM v2 credential or a Europass CV, neither of which Dossier reads.
fn xml(file: &InputFile, text: &[u8]) -> Error {
    let root = std::str::from_utf8(text)
        .ok()
        .and_then(|t| roxmltree::Document::parse(t).ok())
        .map(|doc| {
            let root = doc.root_element();
            (
                root.tag_name().name().to_lowercase(),
                root.tag_name().namespace().unwrap_or("").to_string(),
            )
        });
    let hint = match root {
        Some((name, ns)) if name.contains("credential") && ns.contains("europa.eu") => {
            "a Europass credential in the older ELM v2 XML form; Dossier reads ELM v3 \
             credentials (JSON-LD): ask the issuer for the JSON-LD version"
        }
        Some((name, _)) if name == "skillspassport" || name == "candidate" => {
            "a Europass CV, which describes a person rather than carrying credentials; import \
             the credentials themselves (European Digital Credentials, JSON-LD)"
        }
        _ => {
            "XML that is not a European Digital Credential in a form Dossier reads (ELM v3 \
              JSON-LD)"
        }
    };
    Error::Unrecognised {
        file: file.name.clone(),
        hint: hint.into(),
    }
}

/// A value that may be one object or a list of them.
fn many(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
    }
}

fn first<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    many(v.get(key)).into_iter().next()
}

fn subjects(credential: &Value) -> Vec<(String, &Value)> {
    let subjects = many(credential.get("credentialSubject"));
    let one = subjects.len() == 1;
    subjects
        .into_iter()
        .enumerate()
        .map(|(i, s)| match one {
            true => ("credentialSubject".to_string(), s),
            false => (format!("credentialSubject[{i}]"), s),
        })
        .collect()
}

/// The text of a language map (`{"en": ["…"]}`, any language when there is no English), a
/// string or a list of either.
fn lang(v: Option<&Value>) -> Option<String> {
    let v = v?;
    text::text(v).or_else(|| match v {
        Value::Object(m) => m.values().find_map(text::text),
        _ => None,
    })
}

/// The name of an organisation or concept: its legal name, label or name, never its `id`.
fn label(v: &Value) -> Option<String> {
    match v {
        Value::Object(_) => ["legalName", "prefLabel", "name", "title", "altLabel"]
            .iter()
            .find_map(|k| lang(v.get(*k))),
        _ => None,
    }
}

/// The EQF level (1 to 8) a value names: `http://data.europa.eu/snb/eqf/6`, a concept with
/// that id or the label "EQF level 6", or a number.
fn eqf_level(v: &Value, named_eqf: bool) -> Option<u8> {
    let mut texts: Vec<String> = match v {
        Value::Number(n) => vec![n.to_string()],
        Value::String(s) => vec![s.clone()],
        Value::Object(_) => ["id", "notation"]
            .iter()
            .filter_map(|k| v.get(*k).and_then(Value::as_str).map(str::to_string))
            .chain(lang(v.get("prefLabel")))
            .collect(),
        _ => Vec::new(),
    };
    texts.retain(|t| named_eqf || t.to_lowercase().contains("eqf"));
    texts.iter().find_map(|t| {
        t.rsplit(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse::<u8>().ok())
            .find(|l| (1..=8).contains(l))
    })
}

struct Credential<'a> {
    file: &'a InputFile,
    value: &'a Value,
    signed: Option<&'static str>,
}

impl Credential<'_> {
    /// A text value taken into a record, bounded.
    fn bounded(&self, at: &str, s: Option<String>) -> Result<String> {
        let s = s.unwrap_or_default();
        bounds::check_field(&self.file.name, at, &s)?;
        Ok(s)
    }

    fn date(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| self.value.get(*k).and_then(text::date_value))
    }

    fn claim(&self, at: &str, claim: &Value) -> Result<Found> {
        let mut found = Found::new(Format::Europass, self.file, at);
        found.source.id = self
            .value
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_string);
        found.group = lang(self.value.get("title")).or_else(|| {
            self.value
                .get("displayParameter")
                .and_then(|d| lang(d.get("title")))
        });
        let spec = first(claim, "specifiedBy");
        let title = lang(claim.get("title")).or_else(|| spec.and_then(|s| lang(s.get("title"))));
        found.draft.title = self.bounded(&format!("{at}.title"), title)?;
        if found.draft.title.is_empty() {
            found
                .problems
                .push(format!("{at}.title is empty (and specifiedBy has none)"));
        }
        let awarded = first(claim, "awardedBy").or_else(|| first(claim, "wasAwardedBy"));
        let bodies: Vec<String> = awarded
            .map(|a| many(a.get("awardingBody")))
            .unwrap_or_default()
            .into_iter()
            .filter_map(label)
            .collect();
        let issuer = match bodies.is_empty() {
            false => Some(bodies.join(", ")),
            true => self.value.get("issuer").and_then(label),
        };
        found.draft.issuer = self.bounded(&format!("{at}.awardedBy.awardingBody"), issuer)?;
        self.dates(&mut found, claim, awarded);
        self.hours(&mut found, claim, spec);
        found.draft.kind = self.kind(claim, spec, &found.draft.title);
        self.notes(&mut found, at, claim, spec)?;
        found.draft.skills = skills(claim, spec);
        if let Some(how) = self.signed {
            found.notes.push(format!(
                "The credential is signed ({how}); the file is kept as evidence so that the \
                 signature can be checked"
            ));
        }
        found.keep_file(self.file);
        Ok(found)
    }

    /// Completed: the awarding date, else the end of the claim's period, else the
    /// credential's own date. Expires: the credential's expiry.
    fn dates(&self, found: &mut Found, claim: &Value, awarded: Option<&Value>) {
        let temporal = first(claim, "temporal");
        let period = |key: &str| {
            temporal
                .and_then(|t| t.get(key))
                .or_else(|| claim.get(key))
                .and_then(text::date_value)
        };
        let d = &mut found.draft;
        d.started = period("startDate").unwrap_or_default();
        d.completed = awarded
            .and_then(|a| a.get("awardingDate"))
            .and_then(text::date_value)
            .or_else(|| period("endDate"))
            .or_else(|| self.date(&["validFrom", "issuanceDate", "issued"]))
            .unwrap_or_default();
        d.expires = self
            .date(&["expirationDate", "validUntil"])
            .unwrap_or_default();
    }

    /// Hours from the workload or the volume of learning (`PT60H`).
    fn hours(&self, found: &mut Found, claim: &Value, spec: Option<&Value>) {
        let durations = [
            claim.get("workload"),
            claim.get("volumeOfLearning"),
            spec.and_then(|s| s.get("workload")),
            spec.and_then(|s| s.get("volumeOfLearning")),
        ];
        if let Some(h) = durations
            .into_iter()
            .flatten()
            .find_map(|v| v.as_str().and_then(text::duration_hours))
        {
            found.draft.hours = text::hours_text(h);
        }
    }

    /// A degree when the claim is a qualification at EQF level 6 or above (or says it is a
    /// bachelor's, master's or doctorate); an activity is a CE activity; a microcredential is
    /// one; anything else a certification.
    fn kind(&self, claim: &Value, spec: Option<&Value>, title: &str) -> CredentialKind {
        let spec_title = spec.and_then(|s| lang(s.get("title"))).unwrap_or_default();
        let text = format!("{title} {spec_title}").to_lowercase();
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        // "Master of Science", not "master class".
        let degree_words = [
            "bachelor",
            "bachelors",
            "doctorate",
            "phd",
            "degree",
            "licentiate",
        ]
        .iter()
        .any(|w| words.contains(w))
            || ["master of", "master's", "masters", "doctor of"]
                .iter()
                .any(|p| text.contains(p));
        let qualification = spec.is_some_and(|s| types(s).contains(&"Qualification"));
        let level = [spec, Some(claim)].into_iter().flatten().find_map(|v| {
            v.get("eqfLevel")
                .and_then(|l| eqf_level(l, true))
                .or_else(|| v.get("level").and_then(|l| eqf_level(l, false)))
        });
        let micro = types(self.value)
            .iter()
            .chain(spec.map(types).unwrap_or_default().iter())
            .any(|t| t.to_lowercase().contains("microcredential"));
        match level {
            Some(l) if l >= 6 && (qualification || degree_words) => CredentialKind::Degree,
            None if qualification && degree_words => CredentialKind::Degree,
            _ if types(claim).contains(&"LearningActivity") => CredentialKind::CeActivity,
            _ if micro => CredentialKind::MicroCredential,
            _ => CredentialKind::Certification,
        }
    }

    /// The description, grade and credit points into the record's notes; the parts of the
    /// claim (`hasPart`), which are not records of their own, named in the found notes.
    fn notes(
        &self,
        found: &mut Found,
        at: &str,
        claim: &Value,
        spec: Option<&Value>,
    ) -> Result<()> {
        let mut notes = Vec::new();
        if let Some(d) =
            lang(claim.get("description")).or_else(|| spec.and_then(|s| lang(s.get("description"))))
        {
            notes.push(d);
        }
        if let Some(g) = first(claim, "grade").and_then(|g| lang(g.get("noteLiteral"))) {
            notes.push(format!("Grade: {g}"));
        }
        let credits = many(claim.get("creditReceived"))
            .into_iter()
            .chain(spec.map(|s| many(s.get("creditPoint"))).unwrap_or_default());
        for credit in credits {
            let point = credit.get("point").and_then(text::text);
            let framework = credit.get("framework").and_then(label);
            if let Some(point) = point {
                notes.push(
                    format!("Credit: {point} {}", framework.unwrap_or_default())
                        .trim()
                        .to_string(),
                );
            }
        }
        found.draft.notes = self.bounded(&format!("{at}.description"), Some(notes.join("\n")))?;
        let parts: Vec<String> = many(claim.get("hasPart"))
            .into_iter()
            .filter_map(|p| lang(p.get("title")))
            .collect();
        if !parts.is_empty() {
            found.notes.push(format!(
                "The credential also lists parts of this claim, not imported on their own: {}",
                parts.join("; ")
            ));
        }
        Ok(())
    }
}

/// The skills a claim's learning outcomes name (ESCO skills and competences), deduplicated.
fn skills(claim: &Value, spec: Option<&Value>) -> Vec<SkillDraft> {
    let outcomes = many(claim.get("learningOutcome")).into_iter().chain(
        spec.map(|s| many(s.get("learningOutcome")))
            .unwrap_or_default(),
    );
    let mut names: Vec<String> = Vec::new();
    for outcome in outcomes {
        for key in ["relatedESCOSkill", "relatedSkill", "relatedCompetence"] {
            for skill in many(outcome.get(key)) {
                if let Some(name) = label(skill) {
                    if !names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                        names.push(name);
                    }
                }
            }
        }
    }
    names
        .into_iter()
        .take(MAX_CLAIM_SKILLS)
        .map(|name| SkillDraft {
            name,
            relevance: String::new(),
        })
        .collect()
}
