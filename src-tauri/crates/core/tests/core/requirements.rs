//! CE requirement progress against figures computed by hand.

use super::common::day;
use super::staleness::record;
use dossier_core::requirements::{progress, Cap, CycleState, Requirement, RollingWindow, Topic};
use dossier_core::{Credential, CredentialKind};

fn activity(id: i64, completed: &str, hours: f64, credit: &str, skills: &[&str]) -> Credential {
    let mut r = record(id, &format!("Activity {id}"), completed, &[]);
    r.kind = CredentialKind::CeActivity;
    r.hours = Some(hours);
    r.credit_type = Some(credit.into());
    r.skills = skills
        .iter()
        .map(|s| dossier_core::SkillTag {
            name: (*s).into(),
            relevance: 1.0,
        })
        .collect();
    r
}

fn licence() -> Requirement {
    Requirement {
        id: 1,
        name: "State medical licence".into(),
        ends: day("2027-01-31"),
        cycle_months: 24,
        hours: 50.0,
        credit_type: Some("AMA PRA Category 1".into()),
        topics: vec![
            Topic {
                skill: "Ethics".into(),
                hours: 2.0,
                ..Default::default()
            },
            Topic {
                skill: "Substance use".into(),
                hours: 8.0,
                on_top: true,
                first_cycle_only: true,
            },
        ],
        caps: vec![Cap {
            label: "Journal CME".into(),
            max_hours: 10.0,
            skill: Some("Journal".into()),
            ..Default::default()
        }],
        windows: vec![RollingWindow {
            months: 12,
            hours: 16.0,
        }],
        first_cycle: false,
        credential: None,
    }
}

fn activities() -> Vec<Credential> {
    let cat1 = "AMA PRA Category 1 Credit™";
    vec![
        activity(1, "2025-01-20", 5.0, cat1, &[]), // before the cycle
        activity(2, "2025-03", 6.0, cat1, &["Ethics"]), // month inside the cycle
        activity(3, "2025-06-10", 8.0, cat1, &["Journal"]), // capped: 8 of 10
        activity(4, "2025-09-01", 6.0, cat1, &["journal"]), // capped: 2 of 6
        activity(5, "2026-02-15", 3.0, "IAPP CPE", &[]), // wrong credit type
        activity(6, "2026-10-14", 1.0, cat1, &[]), // counts
        activity(7, "2027-01", 2.0, cat1, &[]),    // after the as-of date
    ]
}

/// The licence and activities of these tests, for other test modules.
pub fn licence_with_activities() -> (Requirement, Vec<Credential>) {
    (licence(), activities())
}

#[test]
fn a_cycle_behind_pace_by_hand() {
    let p = progress(&licence(), &activities(), day("2026-11-27"));
    assert_eq!(p.starts, day("2025-02-01"), "24 months ending 2027-01-31");
    assert_eq!(p.counted, 17.0, "6 + 8 + 2 (capped) + 1");
    assert_eq!(
        p.required, 50.0,
        "the on-top topic applies only in the first cycle"
    );
    assert_eq!(p.remaining, 33.0, "50 - 17");
    assert_eq!(p.days_left, 65, "2026-11-27 to 2027-01-31");
    // 664 of 729 days elapsed: 50 * 664 / 729 = 45.54 hours expected by now.
    assert_eq!(p.expected_by_now, 45.54, "elapsed share of the total");
    assert_eq!(p.state, CycleState::Behind, "17 < 45.54");
    // 33 hours over 65 / 30.436875 = 2.1356 months: 15.45 a month.
    assert_eq!(p.pace_per_month, 15.45, "pace needed");
    let ids: Vec<i64> = p.activities.iter().map(|a| a.id).collect();
    assert_eq!(ids, [2, 3, 4, 6], "which activities counted");
    assert_eq!(p.activities[2].counted, 2.0, "the cap left 2 of 6 hours");
    assert!(
        p.activities[2]
            .notes
            .iter()
            .any(|n| n.contains("4 h over the cap")),
        "{:?}",
        p.activities[2].notes
    );
    assert_eq!(p.topics.len(), 1, "first-cycle-only topic left out");
    assert_eq!(
        (p.topics[0].counted, p.topics[0].remaining),
        (6.0, 0.0),
        "ethics met"
    );
    assert_eq!(
        (p.windows[0].counted, p.windows[0].remaining),
        (1.0, 15.0),
        "last 12 months"
    );
    assert_eq!(
        (p.caps[0].counted, p.caps[0].required),
        (10.0, 10.0),
        "cap used up"
    );
}

#[test]
fn the_first_cycle_adds_on_top_topics() {
    let req = Requirement {
        first_cycle: true,
        ..licence()
    };
    let p = progress(&req, &activities(), day("2026-11-27"));
    assert_eq!(p.required, 58.0, "50 + 8 on top");
    assert_eq!(p.topics[1].remaining, 8.0, "no substance-use hours yet");
}

#[test]
fn a_met_cycle_is_complete_and_a_passed_one_overdue() {
    let mut many = activities();
    many.push(activity(
        8,
        "2026-05-01",
        40.0,
        "AMA PRA Category 1 Credit™",
        &[],
    ));
    let req = Requirement {
        windows: vec![],
        ..licence()
    };
    let p = progress(&req, &many, day("2026-11-27"));
    assert_eq!(p.state, CycleState::Complete, "57 of 50 hours");
    assert_eq!(p.pace_per_month, 0.0, "nothing more needed");
    let late = progress(&req, &activities(), day("2027-02-10"));
    assert_eq!(late.state, CycleState::Overdue, "the cycle ended short");
    assert_eq!(late.days_left, -10, "ten days past");
    assert_eq!(
        late.counted, 19.0,
        "the January activity counts once its month is over"
    );
}
