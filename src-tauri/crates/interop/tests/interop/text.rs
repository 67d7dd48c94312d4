//! The shared readers of dates and durations, on the shapes real files use and on text a
//! fuzzer found (a BOM or another script where a month name would be).

use dossier_interop::text::{date, duration_hours};

#[test]
fn dates_in_the_shapes_files_use() {
    for (given, want) in [
        ("Oct 2023", Some("2023-10")),
        ("September 2021", Some("2021-09")),
        ("Sept. 2021", Some("2021-09")),
        ("2021", Some("2021")),
        ("2021-03", Some("2021-03")),
        ("2024-03-22T09:00:00+09:00", Some("2024-03-22")),
        ("01/07/2025", Some("2025-01-07")),
        ("October 22, 2023", Some("2023-10-22")),
        ("", None),
        ("Ma 2021", None),
        ("13/45/2021", None),
    ] {
        assert_eq!(date(given).as_deref(), want, "date({given:?})");
    }
}

#[test]
fn a_non_ascii_month_word_is_no_date_and_no_panic() {
    for given in [
        "\u{feff}Oct 2023",
        "Окт 2023",
        "日本語 2023",
        "é 2023",
        "ab\u{301} 2023",
    ] {
        assert_eq!(date(given), None, "date({given:?}) is not a date");
    }
}

#[test]
fn workloads_as_iso_durations() {
    assert_eq!(duration_hours("PT60H"), Some(60.0), "hours");
    assert_eq!(duration_hours("PT90M"), Some(1.5), "minutes");
    assert_eq!(duration_hours("P1DT4H"), Some(12.0), "a day counts 8 hours");
    assert_eq!(duration_hours("60 hours"), None, "not a duration");
    assert_eq!(duration_hours("P"), None, "empty");
}
