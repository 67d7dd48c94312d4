//! The attention list: order, actions, and a cycle's reason on the licence it renews.

use super::common::day;
use super::requirements::licence_with_activities;
use super::staleness::record;
use dossier_core::dashboard::{build, Action};
use dossier_core::staleness::{Freshness, ReasonKind, Settings, SkillArea};

#[test]
fn most_urgent_first_with_the_right_action() {
    let (mut req, mut records) = licence_with_activities();
    let mut expired = record(100, "Cloud ML", "2022-06", &[]);
    expired.expires = Some("2025-06".parse().expect("d"));
    let mut licence = record(101, "State licence", "2025-02", &[]);
    licence.expires = Some("2027-01-31".parse().expect("d"));
    let stale = record(102, "DL cert", "2021-01", &[("Deep learning", 1.0)]);
    records.extend([expired, licence, stale]);
    req.credential = Some(101);
    let areas = [SkillArea {
        name: "Deep learning".into(),
        half_life_years: 2.0,
        description: None,
    }];
    let d = build(
        &records,
        &areas,
        &[],
        &[req],
        day("2026-11-27"),
        &Settings::default(),
    );
    let order: Vec<(&str, Freshness)> = d
        .attention
        .iter()
        .map(|i| (i.title.as_str(), i.status))
        .collect();
    assert_eq!(
        order,
        [
            ("Cloud ML", Freshness::Expired),
            ("State licence", Freshness::Expiring),
            ("State medical licence", Freshness::Expiring),
            ("DL cert", Freshness::Stale),
        ],
        "expired, then expiring (record and its cycle), then stale"
    );
    assert_eq!(
        d.attention[0].action,
        Action::Renew,
        "an expired credential is renewed"
    );
    assert_eq!(
        d.attention[3].action,
        Action::LogActivity,
        "a stale skill needs new learning"
    );
    assert_eq!(
        d.attention[3].skills,
        ["Deep learning"],
        "the skill to cover"
    );
    let lic = d
        .assessments
        .iter()
        .find(|a| a.id == 101)
        .expect("assessed");
    let cycle = lic
        .reasons
        .iter()
        .find(|r| r.kind == ReasonKind::CycleDeadline)
        .expect("linked");
    assert_eq!(
        cycle.text,
        "CE cycle 'State medical licence' ends on 2027-01-31, in 65 days: 17 of 50 hours, behind pace (45.54 expected by now); 15.45 h a month needed",
        "the licence row says why"
    );
    assert_eq!(d.counts.expired, 1, "counts by status");
}
