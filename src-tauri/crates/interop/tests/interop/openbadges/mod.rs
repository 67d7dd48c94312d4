//! The Open Badges and CLR importer on JSON, JWS and JWT files in the shapes real ones have
//! (OB 1.0 without `@context`, a Credly OB 2.0 assertion, OB 3.0 VC 1.1 and 2.0, VC-JWT in
//! both shapes, a CLR 2.0), and on malformed, oversized and deep ones. Baked images are in
//! `baked`.

mod baked;

use chrono::NaiveDate;
use dossier_core::CredentialKind;
use dossier_interop::{Error, Format, Found, InputFile};

pub fn fixture(name: &str) -> InputFile {
    let path = format!(
        "{}/tests/fixtures/openbadges/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    InputFile::new(name, std::fs::read(&path).expect("the fixture exists"))
}

/// Reads `file` as the app does: detected, then read.
pub fn read(file: &InputFile) -> dossier_interop::Result<Vec<Found>> {
    dossier_interop::read(file, None, None)
}

pub fn one(file: &InputFile) -> Found {
    let mut found = read(file).expect("the badge reads");
    assert_eq!(found.len(), 1, "one record in {}", file.name);
    found.remove(0)
}

pub fn skills(f: &Found) -> Vec<&str> {
    f.draft.skills.iter().map(|s| s.name.as_str()).collect()
}

pub fn valid(f: &Found) {
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).expect("date");
    if let Err(e) = f.draft.validate(today) {
        panic!("the draft of {} should validate: {e:?}", f.source.file);
    }
}

/// Asserts that some line of `lines` (notes, problems) holds every one of `parts`.
pub fn assert_line(lines: &[String], parts: &[&str], what: &str) {
    assert!(
        lines.iter().any(|l| parts.iter().all(|p| l.contains(p))),
        "{what}: no line with {parts:?} in {lines:?}"
    );
}

/// Asserts that `f` keeps `file`, byte for byte, as its evidence.
pub fn assert_kept(f: &Found, file: &InputFile) {
    assert_eq!(f.evidence.len(), 1, "one file kept");
    assert!(
        f.evidence[0].bytes[..] == file.bytes[..],
        "{} kept byte for byte",
        file.name
    );
}

/// Asserts that reading `file` fails with an error of `kind` (`Invalid`, `TooLarge`,
/// `Unrecognised`) whose message holds `part`, and returns the message.
pub fn assert_error(file: &InputFile, kind: &str, part: &str) -> String {
    match read(file) {
        Err(e) => {
            let text = e.to_string();
            assert!(
                format!("{e:?}").starts_with(kind),
                "{}: expected {kind}, got {e:?}",
                file.name
            );
            assert!(
                text.contains(part),
                "{}: '{part}' not in '{text}'",
                file.name
            );
            text
        }
        Ok(found) => panic!(
            "{} should not read; it gave {} records",
            file.name,
            found.len()
        ),
    }
}

/// The Credly OB 2.0 assertion, as every carrier of it (JSON, JWS, PNG, SVG) must read it.
pub fn assert_credly(f: &Found) {
    let d = &f.draft;
    assert_eq!(
        d.title, "Certified SAFe® 6 Agilist",
        "the BadgeClass name, ® intact"
    );
    assert_eq!(d.issuer, "Scaled Agile, Inc.", "the embedded issuer's name");
    assert_eq!(
        d.kind,
        CredentialKind::MicroCredential,
        "OB 2.0 badges default"
    );
    assert_eq!(d.completed, "2023-05-17", "issuedOn");
    assert_eq!(d.expires, "2025-05-17", "expires");
    let id =
        "https://api.credly.com/v1/obi/v2/badge_assertions/6f0b7c3e-2d1a-4a8e-9a43-1c2f0e6b9d55";
    assert_eq!(
        f.source.id.as_deref(),
        Some(id),
        "source id is the assertion id"
    );
    assert_eq!(d.url, id, "url is the https assertion id");
    assert_eq!(
        skills(f),
        [
            "Lean-Agile Leadership",
            "Agile Product Delivery",
            "Agile",
            "Lean",
            "Scaled Agile Framework",
            "Leadership"
        ],
        "alignments then tags, 'agile' once"
    );
    for part in [
        "Earners of the Certified SAFe® 6 Agilist",
        "Criteria: Attend the two-day Leading SAFe®",
        "Criteria page: https://www.credly.com/org/scaled-agile",
        "Evidence: Exam record 2023-05-17",
        "Evidence: https://example.org/portfolio/safe-workshop-notes",
        "Narrative: Passed the SAFe® 6 Agilist exam",
    ] {
        assert!(d.notes.contains(part), "notes hold '{part}': {}", d.notes);
    }
    assert!(f.problems.is_empty(), "no problems: {:?}", f.problems);
    valid(f);
}

#[test]
fn a_credly_ob2_assertion_reads_every_field() {
    let file = fixture("ob2-credly-assertion.json");
    let format = dossier_interop::detect(&file).expect("detected");
    assert_eq!(
        format,
        Format::Openbadges,
        "an OB 2.0 assertion is Open Badges"
    );
    let f = one(&file);
    assert_credly(&f);
    assert_eq!(f.source.format, Format::Openbadges, "format");
    assert_kept(&f, &file);
}

#[test]
fn an_ob1_assertion_without_context_and_a_unix_issued_on_reads() {
    let f = one(&fixture("ob1-no-context.json"));
    let d = &f.draft;
    assert_eq!(d.title, "Open Source Contributor", "badge name");
    assert_eq!(d.issuer, "Example Maker Faire", "the OB 1.0 issuer's name");
    assert_eq!(d.completed, "2014-06-18", "Unix issuedOn 1403120715");
    let verify = "https://badges.example.org/assertions/b7a1c2.json";
    assert_eq!(f.source.id.as_deref(), Some(verify), "no id: verify.url");
    assert_eq!(d.url, verify, "url from verify.url");
    assert_eq!(skills(&f), ["git", "code review"], "tags");
    let criteria = "Criteria page: https://badges.example.org/criteria/oss-contributor";
    assert!(d.notes.contains(criteria), "criteria URL: {}", d.notes);
    valid(&f);
}

#[test]
fn a_hosted_badge_class_is_said_and_given_a_placeholder_title() {
    let f = one(&fixture("ob2-hosted-badgeclass.json"));
    assert_eq!(
        f.draft.title, "Badge hosted at badgr.example.org",
        "a title that says the name is on a server"
    );
    assert_line(
        &f.notes,
        &["BadgeClass is hosted at", "not fetched"],
        "hosted note",
    );
    assert_line(
        &f.notes,
        &["revoked", "Awarded in error"],
        "revocation reason",
    );
    assert_eq!(
        f.draft.completed, "2020-03-20",
        "a Unix timestamp as a string"
    );
}

#[test]
fn a_signed_ob2_jws_reads_its_payload() {
    let file = fixture("ob2-signed.jws");
    let format = dossier_interop::detect(&file).expect("detected");
    assert_eq!(
        format,
        Format::Openbadges,
        "a JWS of an assertion is Open Badges"
    );
    let f = one(&file);
    assert_credly(&f);
    assert_kept(&f, &file);
}

#[test]
fn an_ob3_credential_with_a_data_integrity_proof_keeps_japanese_text() {
    let f = one(&fixture("ob3-data-integrity.json"));
    let d = &f.draft;
    assert_eq!(d.title, "データサイエンス基礎", "the achievement's name");
    assert_eq!(d.issuer, "東京データ大学", "issuer object name");
    assert_eq!(
        d.kind,
        CredentialKind::Certification,
        "a Certificate, not graduate"
    );
    assert_eq!(d.completed, "2024-03-22", "validFrom, as written (+09:00)");
    assert_eq!(d.expires, "2029-03-31", "validUntil");
    assert_eq!(d.started, "2023-10-01", "activityStartDate");
    assert_eq!(d.hours, "2", "creditsEarned");
    assert_line(&f.notes, &["2 credits"], "hours said to be credits");
    let expected = [
        "データサイエンス",
        "Machine Learning",
        "統計学",
        "Python",
        "機械学習",
    ];
    assert_eq!(skills(&f), expected, "fieldOfStudy, alignment, tag");
    let id = "urn:uuid:2f3c1a9e-7b4d-4e8a-9c1f-5d6e7f8a9b0c";
    assert_eq!(f.source.id.as_deref(), Some(id), "the credential id");
    let criteria = "https://example.ac.jp/achievements/ds-foundations/criteria";
    assert_eq!(d.url, criteria, "a urn is no url: the criteria page is");
    assert!(
        d.notes.contains("全 12 回の講義"),
        "criteria narrative: {}",
        d.notes
    );
    assert!(
        d.notes.contains("Result: A, Completed"),
        "result: {}",
        d.notes
    );
    let status = "https://example.ac.jp/status/3";
    assert_line(
        &f.notes,
        &[status, "online"],
        "the status list named, not asked",
    );
    valid(&f);
}

#[test]
fn a_vc11_licence_with_a_proof_set_reads_its_number_and_dates() {
    let f = one(&fixture("ob3-vc11-proof-set.json"));
    let d = &f.draft;
    assert_eq!(
        d.kind,
        CredentialKind::Certification,
        "License is a certification"
    );
    assert_eq!(d.credential_id, "RN-448812", "licenseNumber");
    assert_eq!(d.completed, "2022-10-28", "awardedDate before issuanceDate");
    assert_eq!(d.expires, "2027-11-02", "expirationDate");
    assert!(d.issuer.is_empty(), "a did:web issuer has no name");
    assert_line(
        &f.notes,
        &["did:web:credentials.example.edu"],
        "issuer id said",
    );
    let url = "https://credentials.example.edu/credentials/3732";
    assert_eq!(d.url, url, "the https id");
    valid(&f);
}

#[test]
fn a_vc_jwt_with_a_vc_claim_takes_dates_and_id_from_its_claims() {
    let file = fixture("ob3-vc-claim.jwt");
    let format = dossier_interop::detect(&file).expect("detected");
    assert_eq!(format, Format::Openbadges, "a VC-JWT is Open Badges");
    let f = one(&file);
    let d = &f.draft;
    assert_eq!(d.title, "Kubernetes Cluster Administrator", "title");
    assert_eq!(d.kind, CredentialKind::Certification, "Certification");
    assert_eq!(d.completed, "2023-11-15", "nbf");
    assert_eq!(d.expires, "2026-11-14", "exp");
    let jti = "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002";
    assert_eq!(f.source.id.as_deref(), Some(jti), "jti");
    assert_line(&f.notes, &["did:web:badges.example.com"], "iss named");
    assert_eq!(skills(&f), ["Kubernetes", "Cloud Native"], "tag");
}

#[test]
fn a_vc_jose_jwt_is_the_credential_with_claims_as_fallbacks() {
    let f = one(&fixture("ob3-vc-jose.jwt"));
    let d = &f.draft;
    assert_eq!(d.title, "SQL for Analysts (201)", "title");
    assert_eq!(d.kind, CredentialKind::CeActivity, "Course");
    assert_eq!(d.issuer, "Example Learning Co.", "issuer object");
    assert_eq!(
        d.completed, "2024-06-01",
        "nbf: the credential has no validFrom"
    );
    assert_eq!(d.expires, "2027-06-01", "exp");
    assert_eq!(d.hours, "1.5", "creditsEarned");
    let jti = "https://learn.example.org/credentials/55120";
    assert_eq!(f.source.id.as_deref(), Some(jti), "jti");
    assert_eq!(d.url, jti, "an https jti");
    valid(&f);
}

#[test]
fn a_clr_gives_one_grouped_record_per_achievement() {
    let file = fixture("clr-2.json");
    let format = dossier_interop::detect(&file).expect("detected");
    assert_eq!(format, Format::Clr, "ClrCredential");
    let found = read(&file).expect("the CLR reads");
    assert_eq!(found.len(), 3, "three achievements");
    let group = "Comprehensive Learner Record: Aiko Tanaka (田中 愛子)";
    for (i, f) in found.iter().enumerate() {
        assert_eq!(f.group.as_deref(), Some(group), "record {i} grouped");
        assert_eq!(f.source.format, Format::Clr, "record {i} format");
        let at = format!("credentialSubject.verifiableCredential[{i}]");
        assert_eq!(f.location, at, "record {i} location");
        assert_kept(f, &file);
        assert!(f.problems.is_empty(), "record {i}: {:?}", f.problems);
        valid(f);
    }
    let kinds: Vec<_> = found.iter().map(|f| f.draft.kind).collect();
    let expected = [
        CredentialKind::Degree,
        CredentialKind::Certification,
        CredentialKind::GraduateCertificate,
    ];
    assert_eq!(
        kinds, expected,
        "BachelorDegree, Certification, graduate Certificate"
    );
    assert_eq!(
        found[0].draft.issuer, "School of Computing",
        "its own issuer"
    );
    assert_eq!(
        found[1].draft.title, "Kubernetes Cluster Administrator",
        "the JWT"
    );
    assert_eq!(
        found[2].draft.issuer, "Example State University",
        "the CLR's issuer"
    );
    assert_eq!(found[2].draft.completed, "2024-04-12", "awardedDate");
    assert_eq!(skills(&found[2]), ["Responsible AI"], "alignment");
}

fn clr_with(item: serde_json::Value) -> InputFile {
    let mut v: serde_json::Value =
        serde_json::from_slice(&fixture("clr-2.json").bytes).expect("fixture JSON");
    v["credentialSubject"]["verifiableCredential"][2] = item;
    InputFile::new("clr.json", serde_json::to_vec(&v).expect("JSON"))
}

#[test]
fn an_unreadable_embedded_credential_is_a_record_with_a_problem() {
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    let broken_jwt = format!("{}.{}.c2ln", b64(r#"{"alg":"EdDSA"}"#), b64("{\"vc\": "));
    let long_name = serde_json::json!({"achievement": {"name": "x".repeat(70_000)}});
    for item in [
        serde_json::json!(broken_jwt),
        serde_json::json!("not a credential"),
        serde_json::json!({ "credentialSubject": long_name }),
    ] {
        let found = read(&clr_with(item)).expect("the CLR still reads");
        assert_eq!(found.len(), 3, "every credential has a record");
        assert!(found[0].problems.is_empty(), "the others are fine");
        let at = "credentialSubject.verifiableCredential[2]";
        assert_line(&found[2].problems, &[at], "the problem names the index");
    }
}

#[test]
fn an_enveloped_credential_in_a_clr_is_read() {
    let jwt = String::from_utf8(fixture("ob3-vc-jose.jwt").bytes.to_vec()).expect("text");
    let item = serde_json::json!({
        "@context": "https://www.w3.org/ns/credentials/v2",
        "type": "EnvelopedVerifiableCredential",
        "id": format!("data:application/vc+jwt,{}", jwt.trim()),
    });
    let found = read(&clr_with(item)).expect("reads");
    assert_eq!(
        found[2].draft.title, "SQL for Analysts (201)",
        "the enveloped JWT"
    );
}

#[test]
fn a_clr_with_no_credentials_is_an_error_naming_the_field() {
    let v = serde_json::json!({
        "type": ["VerifiableCredential", "ClrCredential"],
        "name": "Empty",
        "credentialSubject": {"verifiableCredential": []}
    });
    let file = InputFile::new("empty-clr.json", serde_json::to_vec(&v).expect("JSON"));
    assert_error(&file, "Invalid", "credentialSubject.verifiableCredential");
}

fn assertion(badge: serde_json::Value) -> InputFile {
    let v = serde_json::json!({
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "https://example.org/assertions/1",
        "recipient": {"type": "email", "identity": "a@example.org", "hashed": false},
        "issuedOn": "2024-02-30",
        "badge": badge,
    });
    InputFile::new("assertion.json", serde_json::to_vec(&v).expect("JSON"))
}

#[test]
fn skills_are_deduplicated_and_capped_at_fifty() {
    let mut tags: Vec<String> = (0..80).map(|i| format!("Skill {i}")).collect();
    tags.extend((0..10).map(|i| format!("SKILL {i}")));
    let f = one(&assertion(
        serde_json::json!({"name": "Many", "tags": tags}),
    ));
    assert_eq!(f.draft.skills.len(), 50, "MAX_SKILLS");
    assert_line(&f.notes, &["30 more skills"], "the left-out ones counted");
}

#[test]
fn an_unreadable_date_is_a_problem_naming_the_field() {
    let f = one(&assertion(serde_json::json!({"name": "Dated"})));
    assert_line(
        &f.problems,
        &["completed", "issuedOn"],
        "2024-02-30 is no date",
    );
}

#[test]
fn an_oversized_field_is_too_large_naming_it() {
    let file = assertion(serde_json::json!({"name": "n".repeat(100_000)}));
    assert_error(&file, "TooLarge", "badge.name");
}

#[test]
fn a_thirty_mib_string_is_refused_by_size() {
    let mut text = br#"{"badge": {"name": ""#.to_vec();
    text.extend(std::iter::repeat_n(b'a', 30 * 1024 * 1024));
    text.extend(br#""}}"#);
    let file = InputFile::new("huge.json", text);
    assert_error(&file, "TooLarge", "the file");
    let direct = dossier_interop::openbadges::read(&file);
    assert!(
        matches!(direct, Err(Error::TooLarge { .. })),
        "also read directly"
    );
}

#[test]
fn a_100000_deep_json_is_refused_without_recursing() {
    let mut text = br#"{"badge": "#.to_vec();
    text.extend(std::iter::repeat_n(b'[', 100_000));
    text.extend(std::iter::repeat_n(b']', 100_000));
    text.push(b'}');
    assert_error(&InputFile::new("deep.json", text), "TooLarge", "nesting");
}

#[test]
fn the_specifications_badge_class_with_a_raw_newline_fails_with_its_line() {
    let file = fixture("spec-badgeclass-invalid.json");
    assert_error(&file, "Invalid", "line 15, column 0: not valid JSON");
}

#[test]
fn text_that_is_no_badge_is_refused() {
    for bytes in [
        &b"hello, world"[..],
        b"{\"name\": \"only a name\"}",
        b"eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln",
        b"",
    ] {
        let file = InputFile::new("x.txt", bytes.to_vec());
        let result = dossier_interop::openbadges::read(&file);
        assert!(
            matches!(
                result,
                Err(Error::Unrecognised { .. } | Error::Invalid { .. })
            ),
            "{:?} refused: {:?}",
            String::from_utf8_lossy(bytes),
            result.map(|f| f.len())
        );
    }
}
