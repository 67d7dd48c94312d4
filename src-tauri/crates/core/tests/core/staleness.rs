//! The staleness engine against verdicts computed by hand.

use super::common::{change, day, tags};
use dossier_core::staleness::{
    assess, Assessment, FieldChange, Freshness, ReasonKind, Settings, SkillArea,
};
use dossier_core::{Credential, CredentialKind, PartialDate, Status};

fn date(s: &str) -> Option<PartialDate> {
    Some(s.parse().expect("test partial date"))
}

pub fn record(id: i64, title: &str, completed: &str, skills: &[(&str, f64)]) -> Credential {
    Credential {
        completed: date(completed),
        skills: tags(skills),
        ..Credential::new(id, CredentialKind::Certification, title)
    }
}

fn areas() -> Vec<SkillArea> {
    vec![
        SkillArea {
            name: "Deep learning".into(),
            half_life_years: 2.0,
            description: None,
        },
        SkillArea {
            name: "Statistics".into(),
            half_life_years: 10.0,
            description: None,
        },
        SkillArea {
            name: "Regulation and policy".into(),
            half_life_years: 2.0,
            description: None,
        },
    ]
}

fn eu_ai_act() -> FieldChange {
    change(
        1,
        "2025-08-02",
        "EU AI Act obligations apply",
        &["Regulation and policy"],
        0.8,
    )
}

fn run(records: &[Credential], as_of: &str) -> Vec<Assessment> {
    assess(
        records,
        &areas(),
        &[eu_ai_act()],
        day(as_of),
        &Settings::default(),
    )
}

#[test]
fn a_deep_learning_certificate_ages_by_its_half_life() {
    // 2023-10-01 to 2026-11-27 is 1153 days = 3.157 years; 2^(-3.157/2) = 0.335.
    let r = run(
        &[record(
            1,
            "DL cert",
            "2023-10-01",
            &[("Deep learning", 1.0)],
        )],
        "2026-11-27",
    );
    assert_eq!(
        r[0].status,
        Freshness::Stale,
        "older than one half-life is stale"
    );
    assert!(
        (r[0].freshness - 0.3348).abs() < 0.001,
        "freshness {} by hand 0.335",
        r[0].freshness
    );
    assert_eq!(r[0].reasons.len(), 1, "one reason: {:?}", r[0].reasons);
    assert_eq!(
        r[0].reasons[0].kind,
        ReasonKind::HalfLife,
        "the half-life reason"
    );
    assert_eq!(
        r[0].reasons[0].text, "3.2 years old; Deep learning's half-life is 2 years: 33% current",
        "the sentence a person reads"
    );
}

#[test]
fn the_verdict_depends_on_the_as_of_date() {
    let recs = [record(
        1,
        "DL cert",
        "2023-10-01",
        &[("Deep learning", 1.0)],
    )];
    // 0.5 years: 2^(-0.25) = 0.84 current; 1.5 years: 2^(-0.75) = 0.59 ageing.
    assert_eq!(
        run(&recs, "2024-04-01")[0].status,
        Freshness::Current,
        "six months on"
    );
    assert_eq!(
        run(&recs, "2025-04-01")[0].status,
        Freshness::Ageing,
        "eighteen months on"
    );
    assert_eq!(
        run(&recs, "2026-04-01")[0].status,
        Freshness::Stale,
        "thirty months on"
    );
}

#[test]
fn relevance_weights_the_skills() {
    // 4 years: deep learning 2^-2 = 0.25, statistics 2^-0.4 = 0.758.
    // (0.2 * 0.25 + 0.8 * 0.758) / 1.0 = 0.656: ageing.
    let r = run(
        &[record(
            1,
            "Mixed",
            "2022-11-27",
            &[("Deep learning", 0.2), ("Statistics", 0.8)],
        )],
        "2026-11-27",
    );
    assert!(
        (r[0].freshness - 0.6565).abs() < 0.002,
        "weighted freshness {}",
        r[0].freshness
    );
    assert_eq!(r[0].status, Freshness::Ageing, "ageing overall");
}

#[test]
fn a_newer_record_refreshes_a_skill() {
    let old = record(1, "DL cert", "2021-01", &[("Deep learning", 1.0)]);
    let newer = record(2, "DL CME", "2026-09", &[("deep learning", 1.0)]);
    let r = run(&[old, newer], "2026-11-27");
    assert_eq!(
        r[0].status,
        Freshness::Current,
        "the skill was kept current: {:?}",
        r[0].reasons
    );
    assert!(
        r[0].freshness < 0.2,
        "its own freshness still tells its age"
    );
}

#[test]
fn expiry_and_expiring() {
    let mut expired = record(1, "Cloud ML", "2022-06", &[]);
    expired.expires = date("2025-06");
    let mut soon = record(2, "Board cert", "2026-06", &[]);
    soon.expires = date("2026-12-27");
    let r = run(&[expired, soon], "2026-11-27");
    assert_eq!(r[0].status, Freshness::Expired, "past expiry");
    assert_eq!(
        r[0].reasons[0].text, "Expired on 2025-06 (1.4 years ago)",
        "month expiry ends on the 30th"
    );
    assert_eq!(r[1].status, Freshness::Expiring, "within 90 days");
    assert_eq!(
        r[1].reasons[0].text, "Expires on 2026-12-27, in 30 days",
        "days counted"
    );
    let mut last_day = record(3, "x", "2026-01", &[]);
    last_day.expires = date("2026-11");
    assert_eq!(
        run(&[last_day], "2026-11-30")[0].status,
        Freshness::Expiring,
        "valid through the month"
    );
}

#[test]
fn a_field_change_flags_older_training_until_newer_covers_it() {
    let old = record(
        1,
        "FDA and EU regulation course",
        "2025-03",
        &[("Regulation and policy", 1.0)],
    );
    let r = run(std::slice::from_ref(&old), "2025-09-01");
    let change = r[0]
        .reasons
        .iter()
        .find(|x| x.kind == ReasonKind::FieldChange)
        .expect("flagged");
    assert_eq!(
        change.text,
        "Predates 'EU AI Act obligations apply' (published 2025-08-02), which affects Regulation and policy",
        "names the event and the skill"
    );
    assert_eq!(r[0].status, Freshness::Stale, "impact 0.8 makes it stale");
    assert!(
        run(std::slice::from_ref(&old), "2025-07-01")[0]
            .reasons
            .is_empty(),
        "not before the event"
    );
    let newer = record(
        2,
        "EU AI Act CME",
        "2025-10",
        &[("Regulation and policy", 0.5)],
    );
    let r = run(&[old, newer], "2025-11-01");
    assert!(
        r[0].reasons
            .iter()
            .all(|x| x.kind != ReasonKind::FieldChange),
        "cleared: {:?}",
        r[0].reasons
    );
}

#[test]
fn records_in_progress_do_not_age() {
    let mut phd = record(1, "PhD", "2028-06", &[("Deep learning", 1.0)]);
    phd.status = Status::InProgress;
    let r = run(&[phd], "2026-11-27");
    assert_eq!(
        r[0].status,
        Freshness::Current,
        "in progress: {:?}",
        r[0].reasons
    );
}

#[test]
fn an_older_field_change_json_with_only_date_still_reads() {
    let old = r#"{"id": 3, "date": "2024-12-04", "title": "Rule", "skills": ["AI law"],
                  "impact": 0.5, "source": null}"#;
    let c: FieldChange = serde_json::from_str(old).expect("old shape reads");
    assert_eq!(c.announced, day("2024-12-04"), "date is the announcement");
    assert!(
        c.effective.is_empty() && c.jurisdiction.is_none() && c.note.is_none(),
        "new fields default to none"
    );
}
