//! Skill areas, field changes, renewals, requirements and the dashboard through the store.

use super::credentials::{day, input, mem, today};
use dossier_core::requirements::{Requirement, Topic};
use dossier_core::staleness::{FieldChange, Freshness, ReasonKind};
use dossier_core::CredentialKind;
use dossier_store::Error;

fn requirement(name: &str, hours: f64) -> Requirement {
    Requirement {
        id: 0,
        name: name.into(),
        ends: day("2027-01-31"),
        cycle_months: 24,
        hours,
        credit_type: None,
        topics: vec![],
        caps: vec![],
        windows: vec![],
        first_cycle: false,
        credential: None,
    }
}

#[test]
fn default_areas_and_field_changes_are_seeded_once() {
    let store = mem();
    let areas = store.skill_areas().expect("areas");
    let dl = areas
        .iter()
        .find(|a| a.name == "Deep learning for diagnostics")
        .expect("seeded");
    assert_eq!(dl.half_life_years, 2.0, "deep learning ages in 2 years");
    let stats = areas
        .iter()
        .find(|a| a.name == "Statistics")
        .expect("seeded");
    assert_eq!(stats.half_life_years, 10.0, "statistics ages slowly");
    let changes = store.field_changes().expect("changes");
    assert!(
        changes.iter().any(|c| c.title.contains("EU AI Act")),
        "EU AI Act dates shipped"
    );
    assert!(
        changes.iter().all(|c| c
            .source
            .as_deref()
            .is_some_and(|s| s.starts_with("https://"))),
        "each with a source"
    );
}

#[test]
fn user_half_lives_are_kept_and_validated() {
    let store = mem();
    assert!(
        !store.set_half_life("statistics", 8.0).expect("set"),
        "an existing skill, any case"
    );
    let stats = store
        .skill_areas()
        .expect("areas")
        .into_iter()
        .find(|a| a.name == "Statistics")
        .expect("kept");
    assert_eq!(stats.half_life_years, 8.0, "user value stored");
    assert!(
        store.set_half_life("Quantum ML", 1.5).expect("new"),
        "a new skill is created"
    );
    for bad in [0.0, -1.0, f64::NAN, 1000.0] {
        let err = store.set_half_life("Statistics", bad).expect_err("refused");
        assert!(
            err.to_string().contains("half_life_years"),
            "names the field: {err}"
        );
    }
    let unknown = store
        .skills_without_half_life(&["Statistics".into(), "Basket weaving".into()])
        .expect("q");
    assert_eq!(
        unknown,
        ["Basket weaving"],
        "skills aging at the default are reported"
    );
}

#[test]
fn field_changes_are_validated_and_removable() {
    let store = mem();
    let before = store.field_changes().expect("list").len();
    let bad = FieldChange {
        id: 0,
        announced: day("2026-01-01"),
        title: "New rule".into(),
        skills: vec!["Regulation and policy".into()],
        impact: 1.5,
        source: None,
        effective: vec![],
        jurisdiction: None,
        note: None,
    };
    let err = store
        .add_field_change(&bad)
        .expect_err("impact outside 0..1");
    assert!(
        matches!(&err, Error::Invalid(f) if f[0].field == "impact"),
        "names impact: {err}"
    );
    assert_eq!(
        store.field_changes().expect("list").len(),
        before,
        "nothing written"
    );
    let ok = store
        .add_field_change(&FieldChange { impact: 0.5, ..bad })
        .expect("valid");
    assert_eq!(
        store.field_changes().expect("list").len(),
        before + 1,
        "added"
    );
    let removed = store.remove_field_change(ok.id).expect("remove");
    assert_eq!(
        removed.skills,
        ["Regulation and policy"],
        "returns what it removed"
    );
}

#[test]
fn renewal_resets_the_clock_and_keeps_history() {
    let store = mem();
    let mut cert = input(
        "Cloud ML",
        CredentialKind::Certification,
        &["Cloud ML platforms"],
    );
    cert.completed = Some("2022-06".parse().expect("d"));
    cert.expires = Some("2025-06".parse().expect("d"));
    let c = store.add(&cert, &[], "manual").expect("add");
    let dash = store.dashboard(today()).expect("dashboard");
    assert_eq!(
        dash.assessments[0].status,
        Freshness::Expired,
        "expired before renewal"
    );
    let renewed = store
        .renew(c.id, &renewal("2026-06", "2029-06"), today())
        .expect("renew");
    assert_eq!(
        renewed.expires.map(|d| d.to_string()).as_deref(),
        Some("2029-06"),
        "new expiry"
    );
    let dash = store.dashboard(today()).expect("dashboard");
    assert_eq!(
        dash.assessments[0].status,
        Freshness::Current,
        "clock reset: {:?}",
        dash.assessments[0].reasons
    );
    let history = store.renewals(c.id).expect("history");
    assert_eq!(history.len(), 1, "one renewal");
    assert_eq!(
        history[0].previous_completed.as_deref(),
        Some("2022-06"),
        "old dates kept"
    );
    let err = store
        .renew(c.id, &renewal("2020-01", ""), today())
        .expect_err("backwards");
    assert!(
        matches!(&err, Error::Invalid(f) if f[0].field == "completed"),
        "names the field: {err}"
    );
    // The defect of issue 9: a completion in the future was accepted on a completed record.
    let err = store
        .renew(c.id, &renewal("2030-01", ""), today())
        .expect_err("a renewal in the future");
    assert!(
        matches!(&err, Error::Invalid(f) if f[0].field == "completed"
            && f[0].message.contains("future")),
        "says it is in the future: {err}"
    );
    assert_eq!(
        store.renewals(c.id).expect("history").len(),
        1,
        "a refused renewal writes nothing"
    );
}

fn renewal(completed: &str, expires: &str) -> dossier_core::renewal::RenewalDraft {
    dossier_core::renewal::RenewalDraft {
        completed: completed.into(),
        expires: expires.into(),
    }
}

#[test]
fn requirements_are_validated_and_feed_the_dashboard() {
    let store = mem();
    let too_many = Requirement {
        topics: vec![Topic {
            skill: "Ethics".into(),
            hours: 12.0,
            ..Default::default()
        }],
        ..requirement("Licence", 10.0)
    };
    let err = store
        .add_requirement(&too_many)
        .expect_err("topics exceed total");
    assert!(
        err.to_string().contains("exceed the total"),
        "says why: {err}"
    );
    let negative = Requirement {
        cycle_months: 0,
        ..requirement("Licence", 10.0)
    };
    assert!(
        matches!(store.add_requirement(&negative), Err(Error::Invalid(f)) if f[0].field == "cycle_months"),
        "a cycle must have a length"
    );
    assert!(
        store.requirements().expect("list").is_empty(),
        "nothing written"
    );
    let req = store
        .add_requirement(&requirement("Licence", 50.0))
        .expect("valid");
    // The store's own check answers (naming the field), not the table's UNIQUE constraint.
    assert!(
        matches!(
            store.add_requirement(&requirement("licence", 5.0)),
            Err(Error::Invalid(f)) if f[0].field == "name"
        ),
        "names are unique, ignoring case"
    );
    let mut cme = input("CME", CredentialKind::CeActivity, &[]);
    cme.hours = Some(4.0);
    cme.completed = Some("2025-06".parse().expect("d"));
    store.add(&cme, &[], "manual").expect("add");
    let dash = store.dashboard(today()).expect("dashboard");
    assert_eq!(dash.cycles[0].counted, 4.0, "the activity counts");
    let item = dash
        .attention
        .iter()
        .find(|i| i.is_cycle)
        .expect("cycle behind pace listed");
    assert_eq!(
        item.reasons[0].kind,
        ReasonKind::CycleDeadline,
        "typed reason"
    );
    assert_eq!(
        item.status,
        Freshness::Expiring,
        "65 days left, within the warning window"
    );
    store.remove_requirement(req.id).expect("remove");
    assert!(
        store.dashboard(today()).expect("d").cycles.is_empty(),
        "removed"
    );
}
