//! The iCalendar exporter, read back with a parser.

use chrono::{NaiveDate, TimeZone, Utc};
use dossier_core::requirements::{progress, Requirement};
use dossier_core::{Credential, CredentialKind};
use icalendar::{Calendar, CalendarComponent, Component};

fn record(id: i64, title: &str, expires: Option<&str>) -> Credential {
    Credential {
        issuer: Some("Board".into()),
        completed: Some("2024-01".parse().expect("date")),
        expires: expires.map(|e| e.parse().expect("date")),
        ..Credential::new(id, CredentialKind::Certification, title)
    }
}

#[test]
fn the_ics_parses_and_carries_display_alarms() {
    let records = vec![
        record(
            1,
            "Board certification, AI in medicine; \"level 2\"",
            Some("2026-12"),
        ),
        record(2, "No expiry", None),
    ];
    let req = Requirement {
        id: 7,
        name: "State licence".into(),
        ends: NaiveDate::from_ymd_opt(2027, 1, 31).expect("d"),
        cycle_months: 24,
        hours: 50.0,
        credit_type: None,
        topics: vec![],
        caps: vec![],
        windows: vec![],
        first_cycle: false,
        credential: None,
    };
    let cycles = vec![progress(
        &req,
        &records,
        NaiveDate::from_ymd_opt(2026, 11, 27).expect("d"),
    )];
    let now = Utc
        .with_ymd_and_hms(2026, 11, 27, 12, 0, 0)
        .single()
        .expect("time");
    let text = dossier_interop::ics::calendar(&records, &cycles, now);
    let cal: Calendar = text.parse().expect("a standard parser reads the export");
    let events: Vec<_> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(
        events.len(),
        2,
        "one expiry (the record without one is skipped) and one cycle"
    );
    assert_eq!(
        events[0].get_summary(),
        Some("Expires: Board certification, AI in medicine; \"level 2\""),
        "summary escaped and read back intact"
    );
    assert_eq!(
        events[0].get_uid(),
        Some("credential-1-expiry@dossier.local"),
        "stable uid"
    );
    let start = events[0].get_start().map(|s| format!("{s:?}"));
    assert!(
        start.is_some_and(|s| s.contains("2026-12-31")),
        "month expiry ends the month"
    );
    assert!(
        events[1]
            .get_summary()
            .is_some_and(|s| s.contains("State licence")),
        "cycle event"
    );
    assert_eq!(
        text.matches("BEGIN:VALARM").count(),
        4,
        "two alarms per event"
    );
    assert_eq!(text.matches("ACTION:DISPLAY").count(), 4, "DISPLAY alarms");
    // 60 and 14 days before the start, as the crate writes durations (in seconds).
    assert_eq!(
        text.matches("TRIGGER;RELATED=START:-PT5184000S").count(),
        2,
        "60 days:\n{text}"
    );
    assert_eq!(
        text.matches("TRIGGER;RELATED=START:-PT1209600S").count(),
        2,
        "14 days:\n{text}"
    );
}
