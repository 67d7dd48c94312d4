//! Frameworks (validation, the shipped ones) and coverage against the documented formula.

use super::common::{change, day};
use super::staleness::record;
use dossier_core::coverage::coverage;
use dossier_core::framework::Framework;
use dossier_core::CredentialKind;

const SMALL: &str = r#"{
  "format": "dossier-framework/1", "id": "t", "name": "Test",
  "nodes": [
    {"id": "d", "name": "Domain"},
    {"id": "a", "parent": "d", "name": "Skill A", "half_life_years": 2, "aliases": ["A alias"]},
    {"id": "b", "parent": "d", "name": "Skill B", "half_life_years": 10}
  ]
}"#;

fn small() -> Framework {
    Framework::from_json(SMALL).expect("valid test framework")
}

#[test]
fn the_shipped_frameworks_are_valid() {
    for (name, text) in [
        (
            "healthcare-ai",
            include_str!("../../../../../assets/frameworks/healthcare-ai.json"),
        ),
        (
            "russell-2023",
            include_str!("../../../../../assets/frameworks/russell-2023.json"),
        ),
    ] {
        let fw = Framework::from_json(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let domains = fw.domains().count();
        assert!(domains >= 5, "{name} has {domains} domains");
    }
}

fn problems_of(json: &str) -> Vec<String> {
    match Framework::from_json(json) {
        Ok(_) => Vec::new(),
        Err(errs) => errs.into_iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn bad_frameworks_name_the_node() {
    let with = |nodes: &str| format!(r#"{{"id": "x", "name": "X", "nodes": [{nodes}]}}"#);
    let cycle = with(
        r#"{"id": "d", "name": "D"}, {"id": "p", "parent": "q", "name": "P"},
        {"id": "q", "parent": "p", "name": "Q"}, {"id": "s", "parent": "q", "name": "S", "half_life_years": 2}"#,
    );
    assert!(
        problems_of(&cycle)
            .iter()
            .any(|p| p.contains("node 'p'") && p.contains("own ancestor")),
        "{:?}",
        problems_of(&cycle)
    );
    let dup = with(
        r#"{"id": "d", "name": "D"}, {"id": "s", "parent": "d", "name": "S", "half_life_years": 2},
        {"id": "s", "parent": "d", "name": "T", "half_life_years": 2}"#,
    );
    assert!(
        problems_of(&dup)
            .iter()
            .any(|p| p.contains("node 's'") && p.contains("duplicate id")),
        "{:?}",
        problems_of(&dup)
    );
    let zero = with(
        r#"{"id": "d", "name": "D"}, {"id": "s", "parent": "d", "name": "S", "half_life_years": 0}"#,
    );
    assert!(
        problems_of(&zero)
            .iter()
            .any(|p| p.contains("node 's'") && p.contains("half-life 0")),
        "{:?}",
        problems_of(&zero)
    );
    let unnamed =
        with(r#"{"id": "d", "name": "D"}, {"id": "s", "parent": "d", "half_life_years": 3}"#);
    assert!(
        problems_of(&unnamed)
            .iter()
            .any(|p| p.contains("node 's'") && p.contains("name is required")),
        "{:?}",
        problems_of(&unnamed)
    );
    let orphan = with(
        r#"{"id": "d", "name": "D"}, {"id": "s", "parent": "nope", "name": "S", "half_life_years": 3}"#,
    );
    assert!(
        problems_of(&orphan)
            .iter()
            .any(|p| p.contains("parent 'nope' does not exist")),
        "{:?}",
        problems_of(&orphan)
    );
    assert!(
        problems_of("{ not json")
            .iter()
            .any(|p| p.contains("line 1")),
        "syntax errors give the line"
    );
}

#[test]
fn coverage_follows_the_documented_formula() {
    let mut cert = record(1, "Cert", "2022-11-27", &[("Skill A", 1.0)]);
    cert.kind = CredentialKind::Certification;
    let mut cme = record(
        2,
        "CME",
        "2026-11-27",
        &[("a alias", 0.8), ("Skill A", 0.5)],
    );
    cme.kind = CredentialKind::CeActivity;
    cme.hours = Some(20.0);
    let mut degree = record(
        3,
        "Degree",
        "2016-11-27",
        &[("Skill B", 0.5), ("Unknown thing", 1.0)],
    );
    degree.kind = CredentialKind::Degree;
    let c = coverage(
        &small(),
        &[cert, cme, degree],
        &[],
        &[],
        &[],
        day("2026-11-27"),
    );
    let d = &c.domains[0];
    let (a, b) = (&d.skills[0], &d.skills[1]);
    // Cert: 0.7 x 1 x 1 = 0.7 earned; 4 years at half-life 2: 0.7 x 0.25 = 0.175 current.
    // CME: 0.25 x 0.8 (best of its two tags for A) x 1 (20 h) = 0.2, fresh.
    assert_eq!(a.earned, 0.76, "1 - (1 - 0.7)(1 - 0.2)");
    assert_eq!(a.current, 0.34, "1 - (1 - 0.175)(1 - 0.2)");
    assert_eq!(
        a.records.len(),
        2,
        "the CME counts once though two tags map to A"
    );
    // Degree: 1.0 x 0.5 = 0.5 earned; 10 years at half-life 10: about 0.25 current.
    assert_eq!((b.earned, b.current), (0.5, 0.25), "skill B");
    assert_eq!(
        (d.earned, d.current),
        (0.63, 0.295),
        "the domain is the mean of its skills"
    );
    assert_eq!(c.unmapped, ["Unknown thing"], "unmapped names are listed");
}

#[test]
fn expiry_and_field_changes_lower_current_not_earned() {
    let mut cert = record(1, "Cert", "2025-11-27", &[("Skill B", 1.0)]);
    cert.kind = CredentialKind::Certification;
    cert.expires = Some("2026-06".parse().expect("d"));
    let expired = coverage(&small(), &[cert], &[], &[], &[], day("2026-11-27"));
    let b = &expired.domains[0].skills[1];
    assert_eq!(
        (b.earned, b.current),
        (0.7, 0.0),
        "an expired credential earned but is not current"
    );
    let course = record(2, "Course", "2026-01-01", &[("Skill A", 1.0)]);
    let change = change(1, "2026-06-01", "Rule", &["A alias"], 0.6);
    let c = coverage(
        &small(),
        std::slice::from_ref(&course),
        std::slice::from_ref(&change),
        &[],
        &[],
        day("2026-06-01"),
    );
    let a = &c.domains[0].skills[0];
    // Certification weight 0.7 (the test record's kind); fresh on the day, minus 60%.
    let fresh = 2f64.powf(-(151.0 / 365.25) / 2.0);
    assert_eq!(
        a.current,
        ((0.7 * fresh * 0.4) * 1000.0f64).round() / 1000.0,
        "impact 0.6 removes 60%"
    );
    let user_alias = [("Skill A renamed".to_string(), "a".to_string())];
    let renamed = record(3, "R", "2026-01-01", &[("skill a renamed", 1.0)]);
    let c = coverage(
        &small(),
        &[renamed],
        &[],
        &user_alias,
        &[],
        day("2026-06-01"),
    );
    assert_eq!(
        c.domains[0].skills[0].records.len(),
        1,
        "a user alias maps the record"
    );
    assert!(c.unmapped.is_empty(), "nothing unmapped");
}
