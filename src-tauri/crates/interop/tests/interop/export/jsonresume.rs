//! The JSON Resume export, validated against the official schema v1.2.1
//! (tests/fixtures/jsonresume-schema) with format assertions on.

use super::{in_progress, record, skill, HOSTILE};
use dossier_core::profile::Profile;
use dossier_core::{Credential, CredentialKind as K};
use dossier_interop::export::json_resume;
use serde_json::Value;

const SCHEMA: &str = include_str!("../../fixtures/jsonresume-schema/schema.json");

/// Every violation of the official schema by `resume`, as boon words them.
fn violations(resume: &Value) -> Result<(), String> {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the committed schema is JSON");
    let mut compiler = boon::Compiler::new();
    compiler.set_default_draft(boon::Draft::V7);
    compiler.enable_format_assertions();
    let url = "http://example.com/example.json";
    compiler.add_resource(url, schema).expect("schema added");
    let mut schemas = boon::Schemas::new();
    let index = compiler
        .compile(url, &mut schemas)
        .expect("the official schema compiles");
    schemas
        .validate(resume, index)
        .map_err(|e| format!("{e:#}"))
}

fn assert_valid(resume: &Value) {
    if let Err(e) = violations(resume) {
        panic!("the export is not a valid JSON Resume: {e}\n{resume:#}");
    }
}

#[test]
fn the_schema_check_refuses_what_the_schema_refuses() {
    let bad = [
        serde_json::json!({"certificates": [{"name": "x", "date": "March 2024"}]}),
        serde_json::json!({"basics": {"email": "jane at example"}}),
        serde_json::json!({"basics": {"url": "not a uri"}}),
        serde_json::json!({"education": [{"endDate": "2024-1"}]}),
        serde_json::json!({"skills": {"name": "not a list"}}),
    ];
    for resume in bad {
        assert!(violations(&resume).is_err(), "the check refuses {resume}");
    }
}

fn profile() -> Profile {
    Profile {
        name: "Dr. Jane \"JJ\" O'Neil".into(),
        title: "Clinical AI lead".into(),
        email: "jane.oneil@example.org".into(),
        phone: "+1 617 555 0100".into(),
        location: "Boston, MA".into(),
        website: "janeoneil.example.org".into(),
        jurisdictions: vec!["US".into()],
    }
}

fn portfolio() -> Vec<Credential> {
    let mut cka = record(
        K::Certification,
        "Certified Kubernetes Administrator",
        "CNCF",
        "2023-06-14",
    );
    cka.url = Some("https://www.credly.com/badges/abc".into());
    cka.skills = vec![skill("Kubernetes", 1.0), skill("Cloud", 0.5)];
    let mut msn = record(
        K::Degree,
        "Master of Science in Nursing",
        "Johns Hopkins University",
        "2019-05",
    );
    msn.started = Some("2017-09".parse().expect("date"));
    msn.skills = vec![skill("cloud", 0.8)];
    let mut phd = in_progress(record(
        K::Degree,
        "PhD in Biomedical Informatics",
        "MIT",
        "2027",
    ));
    phd.started = Some("2023-09-01".parse().expect("date"));
    let mut study = record(
        K::Experience,
        "Sepsis model validation study",
        "Mass General",
        "2024-02",
    );
    study.skills = vec![skill("Validation", 1.0)];
    vec![
        cka,
        msn,
        phd,
        study,
        record(
            K::BoardCertification,
            "Clinical Informatics",
            "ABPM",
            "2021",
        ),
        in_progress(record(K::Certification, "CISSP", "ISC2", "2026-01")),
        record(
            K::MicroCredential,
            "Prompt engineering",
            "Coursera",
            "2024-11-02",
        ),
        record(
            K::ExecutiveEducation,
            "AI in Health Care",
            "MIT Sloan",
            "2022-03",
        ),
        record(
            K::GraduateCertificate,
            "Graduate Certificate in Data Science",
            "Harvard Extension",
            "2020",
        ),
        record(
            K::CeActivity,
            "Grand rounds: LLM safety",
            "AMA",
            "2024-10-01",
        ),
        record(K::Degree, "MBA", "Wharton", "2015"),
    ]
}

fn titles(resume: &Value, section: &str, key: &str) -> Vec<String> {
    resume[section]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|e| e[key].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_portfolio_exports_as_a_valid_json_resume() {
    let resume = json_resume(&profile(), &portfolio());
    assert_valid(&resume);
    let basics = &resume["basics"];
    assert_eq!(
        basics["name"], "Dr. Jane \"JJ\" O'Neil",
        "name from the profile"
    );
    assert_eq!(
        basics["label"], "Clinical AI lead",
        "the profile's title is the label"
    );
    assert_eq!(basics["email"], "jane.oneil@example.org", "email");
    assert_eq!(
        basics["url"], "https://janeoneil.example.org/",
        "a bare website gets https://"
    );
    assert_eq!(
        basics["location"]["address"], "Boston, MA",
        "location as free text"
    );
    assert_eq!(
        resume["meta"]["version"], "v1.2.1",
        "meta names the schema version"
    );
    assert_eq!(
        resume["meta"]["lastModified"], "2025-03-04T05:06:07",
        "the last change"
    );
}

#[test]
fn each_kind_goes_to_its_section() {
    let resume = json_resume(&profile(), &portfolio());
    let certificates = titles(&resume, "certificates", "name");
    assert_eq!(
        certificates,
        [
            "Prompt engineering",
            "Certified Kubernetes Administrator",
            "AI in Health Care",
            "Clinical Informatics",
            "Graduate Certificate in Data Science",
        ],
        "earned certificates of every certificate kind, newest first"
    );
    assert!(
        !certificates.contains(&"CISSP".to_string()),
        "an in-progress one is not received"
    );
    let text = resume.to_string();
    assert!(!text.contains("Grand rounds"), "CE activities are left out");
    let cka = &resume["certificates"][1];
    assert_eq!(cka["date"], "2023-06-14", "a day-precise date");
    assert_eq!(cka["issuer"], "CNCF", "issuer");
    assert_eq!(cka["url"], "https://www.credly.com/badges/abc", "url");
    assert_eq!(
        resume["certificates"][3]["date"], "2021",
        "a year-only date stays a year"
    );
    let education = resume["education"].as_array().expect("education");
    assert_eq!(education.len(), 3, "three degrees");
    let phd = &education[0];
    assert_eq!(phd["studyType"], "PhD", "the degree before ' in '");
    assert_eq!(
        phd["area"], "Biomedical Informatics",
        "the field after ' in '"
    );
    assert_eq!(phd["startDate"], "2023-09-01", "start date");
    assert!(
        phd.get("endDate").is_none(),
        "an in-progress degree has no end date"
    );
    assert_eq!(
        education[1]["endDate"], "2019-05",
        "a month-precise end date"
    );
    assert_eq!(
        education[2]["studyType"], "MBA",
        "a title without ' in ' is the degree"
    );
    assert!(education[2].get("area").is_none(), "and names no area");
    let study = &resume["projects"][0];
    assert_eq!(
        study["name"], "Sepsis model validation study",
        "experience is a project"
    );
    assert_eq!(study["entity"], "Mass General", "its organisation");
    let skills = titles(&resume, "skills", "name");
    assert_eq!(
        skills,
        ["Cloud", "Kubernetes", "Validation"],
        "each skill once whatever its case, the most relevant first"
    );
}

#[test]
fn an_empty_portfolio_and_profile_are_still_valid() {
    let resume = json_resume(&Profile::default(), &[]);
    assert_valid(&resume);
    assert_eq!(
        resume["basics"],
        serde_json::json!({}),
        "no empty strings invented"
    );
    assert!(resume.get("certificates").is_none(), "no empty sections");
}

#[test]
fn what_would_break_the_schema_is_left_out_not_written() {
    let p = Profile {
        email: "jane at example dot org".into(),
        website: "my site".into(),
        ..profile()
    };
    let mut r = record(K::Certification, "Unicode address", "Issuer", "2024");
    r.url = Some("https://例え.jp/証明書?id=1 2".into());
    let resume = json_resume(&p, &[r]);
    assert_valid(&resume);
    assert!(
        resume["basics"].get("email").is_none(),
        "an email that is not one is left out"
    );
    assert!(
        resume["basics"].get("url").is_none(),
        "a website that is not one is left out"
    );
    let url = resume["certificates"][0]["url"].as_str().expect("url kept");
    assert!(
        url.is_ascii() && url.starts_with("https://xn--"),
        "written as RFC 3986: {url}"
    );
}

#[test]
fn hostile_strings_survive_exactly_and_stay_valid() {
    let records: Vec<Credential> = HOSTILE
        .iter()
        .map(|h| {
            let mut r = record(K::Certification, h, h, "2024-01");
            r.skills = vec![skill(h, 1.0)];
            r
        })
        .collect();
    let p = Profile {
        name: HOSTILE[2].into(),
        title: HOSTILE[3].into(),
        ..profile()
    };
    let resume = json_resume(&p, &records);
    assert_valid(&resume);
    let text = serde_json::to_string(&resume).expect("serialises");
    let back: Value = serde_json::from_str(&text).expect("parses back");
    let mut names = titles(&back, "certificates", "name");
    let mut issuers = titles(&back, "certificates", "issuer");
    let mut skills = titles(&back, "skills", "name");
    let mut expected: Vec<String> = HOSTILE.iter().map(|h| h.to_string()).collect();
    for got in [&mut names, &mut issuers, &mut skills] {
        got.sort();
    }
    expected.sort();
    assert_eq!(names, expected, "titles byte for byte");
    assert_eq!(issuers, expected, "issuers byte for byte");
    assert_eq!(skills, expected, "skills byte for byte");
    assert_eq!(back["basics"]["name"], HOSTILE[2], "an RTL name as it is");
}

#[test]
fn notes_are_never_exported() {
    let mut r = record(K::Certification, "With notes", "Issuer", "2024");
    r.notes = Some("private: paid 500 dollars".into());
    let text = json_resume(&profile(), &[r]).to_string();
    assert!(!text.contains("private"), "the owner's notes stay private");
}
