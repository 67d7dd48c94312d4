//! Europass European Digital Credentials: unsigned JSON-LD, JAdES (`b64: false` and base64url
//! payloads), compact JWS; language maps, workloads, kinds by EQF level; and the refusals:
//! ELM v2 and Europass CV XML, other JSON, no claims, a deep file, a payload that is not JSON.

use crate::fixture_files::{fields, fixture, message, skills, titles, valid};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use dossier_core::CredentialKind;
use dossier_interop::{detect, europass, Format, InputFile};
use serde_json::{json, Value};

fn file(name: &str, bytes: impl Into<Vec<u8>>) -> InputFile {
    InputFile::new(name, bytes.into())
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A one-claim EDC around `claim`, with `extra` merged into the credential.
fn edc(claim: Value, extra: Value) -> InputFile {
    let mut v = json!({
        "@context": ["https://www.w3.org/2018/credentials/v1",
                     "http://data.europa.eu/snb/model/context/edc-ap"],
        "id": "urn:credential:made",
        "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
        "issuanceDate": "2024-02-01T00:00:00Z",
        "credentialSubject": {"id": "urn:epass:person:1", "hasClaim": claim}
    });
    if let (Some(v), Value::Object(extra)) = (v.as_object_mut(), extra) {
        v.extend(extra);
    }
    file("made.jsonld", serde_json::to_vec(&v).expect("JSON"))
}

#[test]
fn an_unsigned_edc_gives_one_record_a_claim() {
    let f = fixture("europass", "edc-unsigned.jsonld");
    assert_eq!(
        detect(&f).expect("detected"),
        Format::Europass,
        "by content"
    );
    let found = europass::read(&f).expect("the credential reads");
    assert_eq!(found.len(), 2, "two claims: {:?}", titles(&found));

    let ms = &found[0];
    assert_eq!(ms.location, "credentialSubject.hasClaim[0]", "where");
    assert_eq!(
        fields(ms, "title issuer completed hours"),
        [
            "Master of Science in Medical Informatics",
            "Example University of Applied Sciences",
            "2024-06-28",
            "3600"
        ],
        "English first; awardingBody's legalName; awardingDate as written; PT3600H"
    );
    assert_eq!(
        ms.draft.kind,
        CredentialKind::Degree,
        "a qualification at EQF level 7"
    );
    assert!(
        ms.draft.notes.contains("Four-semester master's programme")
            && ms
                .draft
                .notes
                .contains("Credit: 120 European Credit Transfer"),
        "description and credits: {}",
        ms.draft.notes
    );
    assert_eq!(
        skills(ms),
        ["health informatics", "machine learning"],
        "ESCO skills"
    );
    assert!(
        ms.notes
            .iter()
            .any(|n| n.contains("Clinical Decision Support Systems")),
        "its part is named: {:?}",
        ms.notes
    );
    assert_eq!(
        ms.source.id.as_deref(),
        Some("urn:credential:5a0b7c1e-3f1d-4b8e-9a6c-2d4e8f0a1b3c"),
        "id"
    );
    assert_eq!(
        ms.group.as_deref(),
        Some("Master's degree and summer school"),
        "group"
    );
    assert_eq!(ms.evidence.len(), 1, "the file is kept");
    assert_eq!(&ms.evidence[0].bytes[..], &f.bytes[..], "byte for byte");
    assert!(!ms.draft.verified, "not verified by an import");
    valid(ms);

    let summer = &found[1];
    assert_eq!(
        fields(summer, "title issuer started completed hours"),
        [
            "Sommerschule Maschinelles Lernen in der Radiologie",
            "Beispiel Klinikum",
            "2023-07-10",
            "2023-07-21",
            "60"
        ],
        "German only; one awarding body as an object; temporal; workload PT60H"
    );
    assert_eq!(
        summer.draft.kind,
        CredentialKind::CeActivity,
        "a learning activity"
    );
    valid(summer);
}

#[test]
fn a_jades_signed_edc_with_an_unencoded_payload_reads() {
    let f = fixture("europass", "edc-jades.json");
    assert_eq!(
        detect(&f).expect("detected"),
        Format::Europass,
        "inside the signature"
    );
    let found = europass::read(&f).expect("reads");
    assert_eq!(found.len(), 1, "one claim, given as an object");
    let ai = &found[0];
    assert_eq!(
        ai.location, "credentialSubject.hasClaim",
        "one claim, no index"
    );
    assert_eq!(
        fields(ai, "title issuer completed expires hours notes"),
        [
            "AI for Clinicians: Foundations",
            "Institut Exemple de Santé Numérique",
            "2024-05-02",
            "2029-05-01",
            "60",
            "Credit: 2 ECTS"
        ],
        "specifiedBy.title in English; a French-only name; validFrom for want of an \
         awardingDate; validUntil; PT60H; credit points"
    );
    assert_eq!(ai.draft.kind, CredentialKind::Certification, "not a degree");
    assert!(
        ai.notes.iter().any(|n| n.contains("JAdES")),
        "the signature is said: {:?}",
        ai.notes
    );
    assert_eq!(
        &ai.evidence[0].bytes[..],
        &f.bytes[..],
        "the signed file is kept"
    );
    assert_eq!(
        ai.source.id.as_deref(),
        Some("urn:credential:9d3c1e7a-0b2f-4c5d-8e6f-1a2b3c4d5e6f"),
        "id"
    );
    valid(ai);
}

#[test]
fn a_compact_jws_and_a_base64url_jades_payload_read_the_same() {
    let unsigned = fixture("europass", "edc-unsigned.jsonld");
    let expected = europass::read(&unsigned).expect("unsigned");
    let header = b64(br#"{"alg":"ES256","typ":"JWT"}"#);
    let compact = format!("{header}.{}.{}", b64(&unsigned.bytes), b64(b"sig"));
    let jades = json!({
        "payload": b64(&unsigned.bytes),
        "signatures": [{"protected": b64(br#"{"alg":"ES256"}"#), "signature": b64(b"sig")}]
    });
    for f in [
        file("edc.jwt", compact),
        file("edc.json", serde_json::to_vec(&jades).expect("JSON")),
    ] {
        let found = europass::read(&f).expect("reads");
        assert_eq!(
            found.iter().map(|x| &x.draft).collect::<Vec<_>>(),
            expected.iter().map(|x| &x.draft).collect::<Vec<_>>(),
            "{}: the same drafts as unsigned",
            f.name
        );
        assert!(
            found[0].notes.iter().any(|n| n.contains("signed")),
            "{}: signed",
            f.name
        );
    }
}

#[test]
fn the_kind_follows_the_qualification_and_its_eqf_level() {
    let claim = |spec: Value| json!({"type": "LearningAchievement", "title": {"en": "X"}, "specifiedBy": spec});
    let cases = [
        (
            json!({"type": "Qualification", "title": {"en": "Bachelor of Nursing"}, "eqfLevel": "http://data.europa.eu/snb/eqf/6"}),
            CredentialKind::Degree,
        ),
        (
            json!({"type": "Qualification", "eqfLevel": {"id": "http://data.europa.eu/snb/eqf/8", "prefLabel": {"en": "Level 8"}}}),
            CredentialKind::Degree,
        ),
        (
            json!({"type": "Qualification", "title": {"en": "Certificate in Coding"}, "eqfLevel": 4}),
            CredentialKind::Certification,
        ),
        (
            json!({"type": "LearningAchievementSpecification", "title": {"en": "Master class"}, "level": {"prefLabel": {"en": "EQF Level 7"}}}),
            CredentialKind::Certification,
        ),
    ];
    for (spec, kind) in cases {
        let found = europass::read(&edc(claim(spec.clone()), json!({}))).expect("reads");
        assert_eq!(found[0].draft.kind, kind, "{spec}");
    }
    let micro = edc(
        claim(json!({"type": "LearningAchievementSpecification"})),
        json!({"type": ["VerifiableCredential", "EuropeanDigitalCredential", "EuropeanHigherEducationMicroCredentials"]}),
    );
    assert_eq!(
        europass::read(&micro).expect("reads")[0].draft.kind,
        CredentialKind::MicroCredential,
        "a microcredential"
    );
}

#[test]
fn older_achieved_claims_and_fallbacks_read() {
    let f = edc(
        json!(null),
        json!({
            "credentialSubject": {"achieved": [{
                "title": "Data Protection Officer",
                "wasAwardedBy": {"awardingBody": {"prefLabel": {"en": "Example Academy"}}, "awardingDate": "2022-09-30"}
            }]},
            "expirationDate": "2027-09-30T00:00:00Z"
        }),
    );
    let found = europass::read(&f).expect("reads");
    assert_eq!(
        found[0].location, "credentialSubject.achieved",
        "the older key"
    );
    assert_eq!(found[0].draft.issuer, "Example Academy", "prefLabel");
    assert_eq!(
        (
            found[0].draft.completed.as_str(),
            found[0].draft.expires.as_str()
        ),
        ("2022-09-30", "2027-09-30"),
        "dates"
    );
    valid(&found[0]);

    let untitled =
        europass::read(&edc(json!({"type": "LearningAchievement"}), json!({}))).expect("reads");
    assert_eq!(
        untitled[0].problems.len(),
        1,
        "no title: {:?}",
        untitled[0].problems
    );
    assert!(
        untitled[0].problems[0].contains("credentialSubject.hasClaim.title"),
        "named"
    );
    assert_eq!(
        untitled[0].draft.completed, "2024-02-01",
        "issuanceDate as the last fallback"
    );
}

#[test]
fn europass_xml_is_refused_with_a_hint() {
    let e = message(
        europass::read(&fixture("europass", "elm-v2.xml")),
        "Unrecognised",
    );
    assert!(
        e.contains("ELM v2") && e.contains("JSON-LD"),
        "the hint: {e}"
    );
    let cv = file(
        "cv.xml",
        r#"<?xml version="1.0"?><SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass" locale="en"/>"#,
    );
    let e = message(europass::read(&cv), "Unrecognised");
    assert!(e.contains("Europass CV"), "a CV: {e}");
    let e = message(
        europass::read(&file("x.xml", "<not closed")),
        "Unrecognised",
    );
    assert!(e.contains("XML"), "broken XML: {e}");
}

#[test]
fn other_and_broken_inputs_are_refused_clearly() {
    let ob3 = json!({"type": ["VerifiableCredential", "OpenBadgeCredential"], "credentialSubject": {"achievement": {}}});
    let e = message(
        europass::read(&file("ob3.json", ob3.to_string())),
        "Unrecognised",
    );
    assert!(
        e.contains("EuropeanDigitalCredential"),
        "says what it looked for: {e}"
    );

    let e = message(europass::read(&edc(json!([]), json!({}))), "Invalid");
    assert!(e.contains("no claim"), "an empty hasClaim: {e}");

    let bad_payload = json!({"payload": "{not json", "signatures": [{"protected": b64(br#"{"alg":"ES256","b64":false}"#)}]});
    let e = message(
        europass::read(&file("s.json", bad_payload.to_string())),
        "Invalid",
    );
    assert!(e.contains("field payload"), "the payload: {e}");

    let e = message(europass::read(&file("x.txt", "hello world")), "Invalid");
    assert!(e.contains("not JSON-LD"), "neither JSON nor a JWS: {e}");

    let deep = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    let e = message(europass::read(&file("deep.json", deep)), "TooLarge");
    assert!(e.contains("nesting"), "deep: {e}");

    let long = edc(json!({"title": {"en": "x".repeat(70 * 1024)}}), json!({}));
    let e = message(europass::read(&long), "TooLarge");
    assert!(
        e.contains("credentialSubject.hasClaim.title"),
        "a 70 KiB title: {e}"
    );
}

#[test]
fn europass_xml_is_detected_as_europass_and_refused_with_its_hint() {
    let xml = fixture("europass", "elm-v2.xml");
    assert_eq!(
        dossier_interop::detect(&xml).expect("detected"),
        dossier_interop::Format::Europass,
        "its namespaces say Europass, not a baked badge"
    );
    let e = message(dossier_interop::read(&xml, None, None), "Unrecognised");
    assert!(
        e.contains("ELM v2"),
        "the Europass hint, not a badge's: {e}"
    );
    let badge = file(
        "eu-badge.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://data.europa.eu/badges/1"/></svg>"#,
    );
    assert_eq!(
        dossier_interop::detect(&badge).expect("detected"),
        dossier_interop::Format::Openbadges,
        "a baked badge that mentions europa.eu is still a badge"
    );
}
