//! Dates, validation, and the TypeScript bindings.

use chrono::NaiveDate;
use dossier_core::{CredentialDraft, CredentialKind, PartialDate, SkillDraft, Status};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid date")
}

fn draft(title: &str) -> CredentialDraft {
    CredentialDraft {
        title: title.into(),
        ..CredentialDraft::default()
    }
}

/// The field names of every error `d` produces.
fn failing_fields(d: &CredentialDraft) -> Vec<String> {
    match d.validate(today()) {
        Ok(_) => Vec::new(),
        Err(errs) => errs.into_iter().map(|e| e.field).collect(),
    }
}

#[test]
fn dates_keep_their_precision() {
    for s in ["2021", "2021-03", "2021-03-15"] {
        let d: PartialDate = s
            .parse()
            .unwrap_or_else(|e| panic!("{s} should parse: {e}"));
        assert_eq!(d.to_string(), s, "a date is shown as typed");
    }
    let m: PartialDate = "2024-02".parse().expect("month date");
    assert_eq!(
        m.latest(),
        NaiveDate::from_ymd_opt(2024, 2, 29).expect("leap day"),
        "leap Feb"
    );
    let y: PartialDate = "2021".parse().expect("year date");
    assert_eq!(
        y.earliest(),
        NaiveDate::from_ymd_opt(2021, 1, 1).expect("d"),
        "year start"
    );
}

#[test]
fn bad_dates_are_refused() {
    for s in [
        "2021-13",
        "2021-02-30",
        "21-03-01",
        "2021/03/01",
        "March 2021",
        "1850",
        "2021-3",
    ] {
        assert!(
            s.parse::<PartialDate>().is_err(),
            "{s} must not parse as a date"
        );
    }
}

#[test]
fn partial_dates_do_not_contradict_finer_ones() {
    let month: PartialDate = "2021-03".parse().expect("d");
    let day: PartialDate = "2021-03-15".parse().expect("d");
    assert!(
        !month.surely_before(&day),
        "2021-03 may be the 15th or later"
    );
    assert!(!day.surely_before(&month), "2021-03-15 lies within 2021-03");
    let april: PartialDate = "2021-04".parse().expect("d");
    assert!(month.surely_before(&april), "March is surely before April");
}

#[test]
fn a_minimal_draft_validates() {
    let input = draft("  ACLS  ")
        .validate(today())
        .expect("title alone is enough");
    assert_eq!(input.title, "ACLS", "title is trimmed");
    assert_eq!(
        input.status,
        Status::Completed,
        "completed unless marked in progress"
    );
    assert_eq!(input.issuer, None, "blank issuer becomes none");
}

#[test]
fn each_bad_field_is_named() {
    let cases: Vec<(&str, CredentialDraft)> = vec![
        ("title", draft("   ")),
        ("title", draft(&"x".repeat(301))),
        ("title", draft("two\nlines")),
        (
            "started",
            CredentialDraft {
                started: "2021-13-01".into(),
                ..draft("t")
            },
        ),
        (
            "completed",
            CredentialDraft {
                completed: "yesterday".into(),
                ..draft("t")
            },
        ),
        (
            "completed",
            CredentialDraft {
                started: "2021-05".into(),
                completed: "2021-04-30".into(),
                ..draft("t")
            },
        ),
        (
            "expires",
            CredentialDraft {
                completed: "2022-01-10".into(),
                expires: "2021-12".into(),
                ..draft("t")
            },
        ),
        (
            "completed",
            CredentialDraft {
                completed: "2030-01".into(),
                ..draft("t")
            },
        ),
        (
            "hours",
            CredentialDraft {
                hours: "-1".into(),
                ..draft("t")
            },
        ),
        (
            "hours",
            CredentialDraft {
                hours: "NaN".into(),
                ..draft("t")
            },
        ),
        (
            "hours",
            CredentialDraft {
                hours: "inf".into(),
                ..draft("t")
            },
        ),
        (
            "hours",
            CredentialDraft {
                hours: "1,5".into(),
                ..draft("t")
            },
        ),
        (
            "url",
            CredentialDraft {
                url: "not a url".into(),
                ..draft("t")
            },
        ),
        (
            "url",
            CredentialDraft {
                url: "ftp://example.org/x".into(),
                ..draft("t")
            },
        ),
        (
            "url",
            CredentialDraft {
                url: "https://nohost".into(),
                ..draft("t")
            },
        ),
        (
            "issuer",
            CredentialDraft {
                issuer: "i".repeat(201),
                ..draft("t")
            },
        ),
        (
            "skills[0].relevance",
            CredentialDraft {
                skills: vec![SkillDraft {
                    name: "NLP".into(),
                    relevance: "1.5".into(),
                }],
                ..draft("t")
            },
        ),
        (
            "skills[0].relevance",
            CredentialDraft {
                skills: vec![SkillDraft {
                    name: "NLP".into(),
                    relevance: "-0.1".into(),
                }],
                ..draft("t")
            },
        ),
        (
            "skills[1].name",
            CredentialDraft {
                skills: vec![
                    SkillDraft::parse_flag("NLP"),
                    SkillDraft::parse_flag("nlp=0.5"),
                ],
                ..draft("t")
            },
        ),
    ];
    for (field, d) in cases {
        let fields = failing_fields(&d);
        assert_eq!(
            fields,
            vec![field.to_string()],
            "draft {d:?} should fail on {field} alone"
        );
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let d = CredentialDraft {
        title: String::new(),
        hours: "-3".into(),
        url: "nope".into(),
        ..CredentialDraft::default()
    };
    assert_eq!(
        failing_fields(&d),
        ["title", "hours", "url"],
        "all three fields are reported"
    );
}

#[test]
fn in_progress_records_may_expect_a_future_date() {
    let d = CredentialDraft {
        in_progress: true,
        started: "2024-09".into(),
        completed: "2028-06".into(),
        ..draft("PhD, AI in Medicine track")
    };
    let input = d
        .validate(today())
        .expect("expected completion in the future is fine");
    assert_eq!(input.status, Status::InProgress, "status follows the flag");
    assert_eq!(
        input.completed.map(|d| d.to_string()).as_deref(),
        Some("2028-06"),
        "kept"
    );
}

#[test]
fn same_month_dates_are_accepted() {
    let d = CredentialDraft {
        started: "2021-03-15".into(),
        completed: "2021-03".into(),
        expires: "2021-03".into(),
        ..draft("t")
    };
    assert!(
        d.validate(today()).is_ok(),
        "month and day dates within one month agree"
    );
}

#[test]
fn skill_flags_parse_with_default_relevance() {
    let d = CredentialDraft {
        skills: vec![
            SkillDraft::parse_flag("Deep learning=0.8"),
            SkillDraft::parse_flag("Ethics"),
        ],
        ..draft("t")
    };
    let input = d.validate(today()).expect("valid skills");
    assert_eq!(input.skills[0].relevance, 0.8, "explicit relevance");
    assert_eq!(input.skills[1].relevance, 1.0, "default relevance is 1");
}

#[test]
fn drafts_round_trip_through_input() {
    let d = CredentialDraft {
        kind: CredentialKind::CeActivity,
        title: "Journal CME".into(),
        hours: "1.5".into(),
        credit_type: "AMA PRA Category 1".into(),
        completed: "2025-04".into(),
        skills: vec![SkillDraft::parse_flag("Statistics=0.5")],
        ..CredentialDraft::default()
    };
    let input = d.validate(today()).expect("valid");
    let again = CredentialDraft::from_input(&input)
        .validate(today())
        .expect("still valid");
    assert_eq!(input, again, "draft -> input -> draft -> input is stable");
}

#[test]
fn kinds_parse_from_their_cli_names() {
    for k in CredentialKind::ALL {
        assert_eq!(
            k.as_str().parse::<CredentialKind>(),
            Ok(k),
            "{k} round-trips"
        );
        let json = serde_json::to_string(&k).expect("serialise");
        assert_eq!(
            json,
            format!("\"{}\"", k.as_str()),
            "JSON uses the CLI name"
        );
    }
    let err = "diploma"
        .parse::<CredentialKind>()
        .expect_err("unknown kind");
    assert!(
        err.to_string().contains("micro-credential"),
        "the error lists the kinds: {err}"
    );
}

#[test]
fn typescript_bindings_match_the_committed_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../ui/src/bindings.ts");
    let generated = dossier_core::typescript_bindings();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(path, &generated).expect("write ui/src/bindings.ts");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/bindings.ts is out of date with the Rust types; \
         run `UPDATE_BINDINGS=1 cargo test -p dossier-core` and commit the result"
    );
}

#[test]
fn a_title_of_only_invisible_characters_is_blank() {
    for title in [
        "\u{200B}",
        " \u{FEFF} ",
        "\u{200E}\u{202E}",
        "\u{2060}\u{00AD}",
    ] {
        let errs = draft(title).validate(today()).expect_err("nothing to show");
        assert!(
            errs.iter()
                .any(|e| e.field == "title" && e.message == "is required"),
            "{title:?} is no title: {errs:?}"
        );
    }
    let joined = draft("Cardiology \u{200D} board review").validate(today());
    assert!(
        joined.is_ok(),
        "invisible characters inside visible text stay: {joined:?}"
    );
}

#[test]
fn a_hidden_direction_override_is_refused_and_right_to_left_text_is_not() {
    let errs = draft("Cardiology \u{202E}fdp.exe")
        .validate(today())
        .expect_err("disguised");
    assert!(
        errs.iter()
            .any(|e| e.field == "title" && e.message.contains("U+202E")),
        "names the character: {errs:?}"
    );
    let hebrew = draft("קרדיולוגיה מתקדמת").validate(today());
    assert!(
        hebrew.is_ok(),
        "right-to-left text needs no override: {hebrew:?}"
    );
}
