//! The application layer as both front ends use it.

mod certificates;
mod import;

use chrono::NaiveDate;
use dossier_store::Store;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

#[test]
fn as_of_is_today_when_blank_and_names_its_field_when_bad() {
    let today = day("2026-12-01");
    assert_eq!(dossier_service::as_of(None, today), Ok(today), "absent");
    assert_eq!(
        dossier_service::as_of(Some("  "), today),
        Ok(today),
        "blank"
    );
    assert_eq!(
        dossier_service::as_of(Some("2025-06-30"), today),
        Ok(day("2025-06-30")),
        "a day"
    );
    let err = dossier_service::as_of(Some("30/06/2025"), today).expect_err("not ISO");
    assert_eq!(err.field, "as_of", "names the field: {err}");
}

#[test]
fn the_daily_reminder_speaks_once_a_day_and_only_of_what_is_urgent() {
    let store = Store::open_in_memory().expect("store");
    let today = day("2026-12-01");
    assert_eq!(
        dossier_service::daily_reminder(&store, today).expect("reminder"),
        None,
        "nothing to say for an empty store"
    );
    store.load_demo(today).expect("demo");
    let said = dossier_service::daily_reminder(&store, today).expect("reminder");
    assert_eq!(
        said.as_deref(),
        Some("Educational Certification in Artificial Intelligence in Medicine needs attention."),
        "the demo's board certification expires this month"
    );
    assert_eq!(
        dossier_service::daily_reminder(&store, today).expect("again"),
        None,
        "once a day"
    );
}

#[test]
fn the_calendar_export_writes_every_deadline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("d.db")).expect("store");
    store.load_demo(day("2026-12-01")).expect("demo");
    let path = dir.path().join("deadlines.ics");
    let events =
        dossier_service::export_calendar(&store, day("2026-12-01"), &path).expect("export");
    let text = std::fs::read_to_string(&path).expect("written");
    assert_eq!(
        text.matches("BEGIN:VEVENT").count(),
        events,
        "the count it reports is the file's"
    );
    assert_eq!(events, 3, "the demo's three expiry dates");
}
