//! Staleness, CE requirements, renewals and the calendar export through the CLI.

use super::common::{code, licence, stderr, Env};
use serde_json::Value;

/// A hand-made portfolio: a deep-learning certificate (2-year half-life), one expiring on
/// 2026-12-27, one expired, and a regulation course.
fn portfolio(env: &Env) {
    env.add(
        "certification",
        "DL cert",
        &[
            "--completed",
            "2023-10-01",
            "--skill",
            "Deep learning for diagnostics",
        ],
    );
    env.add(
        "board-certification",
        "Board cert",
        &[
            "--completed",
            "2024-01",
            "--expires",
            "2026-12-27",
            "--skill",
            "Clinical medicine",
        ],
    );
    env.add(
        "certification",
        "Cloud cert",
        &[
            "--completed",
            "2022-06",
            "--expires",
            "2025-06",
            "--skill",
            "Statistics",
        ],
    );
    env.add(
        "ce-activity",
        "Device law course",
        &[
            "--completed",
            "2026-01-10",
            "--hours",
            "3",
            "--skill",
            "Medical device law",
        ],
    );
}

fn by_title<'a>(flags: &'a Value, title: &str) -> &'a Value {
    flags
        .as_array()
        .and_then(|a| a.iter().find(|r| r["title"] == title))
        .expect("record listed")
}

fn texts(r: &Value) -> Vec<String> {
    r["reasons"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| x["text"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn flags_give_verdicts_and_reasons_at_any_as_of_date() {
    let env = Env::new();
    portfolio(&env);
    let flags = env.json(&["flags", "--as-of", "2026-11-27", "--json"]);
    let dl = by_title(&flags, "DL cert");
    assert_eq!(dl["status"], "stale", "3.2 years in a 2-year area");
    assert_eq!(dl["reasons"][0]["kind"], "half-life", "typed reason");
    assert_eq!(
        texts(dl),
        ["3.2 years old; Deep learning for diagnostics' half-life is 2 years: 33% current"],
        "the sentence"
    );
    let board = by_title(&flags, "Board cert");
    assert_eq!(board["status"], "expiring", "30 days left");
    assert_eq!(
        texts(board)[0],
        "Expires on 2026-12-27, in 30 days",
        "days counted"
    );
    assert_eq!(
        by_title(&flags, "Cloud cert")["status"],
        "expired",
        "past June 2025"
    );
    let earlier = env.json(&["flags", "--as-of", "2024-04-01", "--json"]);
    assert_eq!(
        by_title(&earlier, "DL cert")["status"],
        "current",
        "six months old then"
    );
    assert_eq!(
        by_title(&earlier, "Cloud cert")["status"],
        "current",
        "not expired then"
    );
    let human = env.ok(&["flags", "--as-of", "2026-11-27"]);
    assert!(
        human.contains("1 stale, 1 expiring, 1 expired"),
        "summary line: {human}"
    );
    let err = env.fails(
        &["flags", "--as-of", "27/11/2026"],
        2,
        "a bad date is a usage error",
    );
    assert!(err.contains("--as-of"), "names the flag: {err}");
}

#[test]
fn a_field_change_flags_older_training_until_newer_covers_it() {
    let env = Env::new();
    portfolio(&env);
    env.ok(&[
        "field-change",
        "add",
        "--date",
        "2026-06-01",
        "--title",
        "New device rule",
        "--skill",
        "Medical device law",
        "--impact",
        "0.8",
        "--source",
        "https://example.org/rule",
    ]);
    let flags = env.json(&["flags", "--as-of", "2026-11-27", "--json"]);
    let course = by_title(&flags, "Device law course");
    assert_eq!(course["status"], "stale", "impact 0.8 x relevance 1");
    assert!(
        texts(course)
            .iter()
            .any(|t| t
                == "Predates 'New device rule' (published 2026-06-01), which affects Medical device law"),
        "{:?}",
        texts(course)
    );
    env.add(
        "ce-activity",
        "Rule update",
        &[
            "--completed",
            "2026-07",
            "--hours",
            "1",
            "--skill",
            "Medical device law=0.5",
        ],
    );
    let flags = env.json(&["flags", "--as-of", "2026-11-27", "--json"]);
    assert!(
        texts(by_title(&flags, "Device law course"))
            .iter()
            .all(|t| !t.starts_with("Predates")),
        "cleared by the newer record"
    );
}

#[test]
fn new_skills_are_reported_with_the_default_half_life() {
    let env = Env::new();
    let o = env.run(&[
        "add",
        "--kind",
        "ce-activity",
        "--title",
        "Course",
        "--skill",
        "Quantum ML",
        "--skill",
        "Statistics",
    ]);
    assert_eq!(code(&o), 0, "added: {}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("'Quantum ML' has no half-life yet"),
        "the user is told: {err}"
    );
    assert!(
        !err.contains("'Statistics'"),
        "a seeded skill is not reported: {err}"
    );
    env.ok(&["skill", "set", "Quantum ML", "--half-life", "1.5"]);
    let skills = env.json(&["skill", "list", "--json"]);
    let q = skills
        .as_array()
        .and_then(|a| a.iter().find(|s| s["name"] == "Quantum ML"))
        .expect("listed");
    assert_eq!(q["half_life_years"], 1.5, "set");
    assert_eq!(q["records"], 1, "carried by one record");
}

#[test]
fn bad_staleness_input_exits_2_and_writes_nothing() {
    let env = Env::new();
    portfolio(&env);
    let changes = env.json(&["field-change", "list", "--json"]);
    let err = env.fails(
        &[
            "field-change",
            "add",
            "--date",
            "2026-01-01",
            "--title",
            "X",
            "--skill",
            "Y",
            "--impact",
            "1.5",
        ],
        2,
        "impact outside 0..1",
    );
    assert!(err.contains("--impact"), "names the flag: {err}");
    assert_eq!(
        env.json(&["field-change", "list", "--json"]),
        changes,
        "nothing written"
    );
    let err = env.fails(
        &licence(&["--cycle-months", "-24", "--hours", "50"]),
        2,
        "negative cycle",
    );
    assert!(err.contains("--cycle-months"), "names the flag: {err}");
    let err = env.fails(
        &licence(&[
            "--cycle-months",
            "24",
            "--hours",
            "10",
            "--topic",
            "Ethics=6",
            "--topic",
            "Opioids=6",
        ]),
        2,
        "topics over the total",
    );
    assert!(
        err.contains("topic minimums (12 h) exceed the total (10 h)"),
        "says why: {err}"
    );
    env.fails(
        &["skill", "set", "Statistics", "--half-life", "0"],
        2,
        "half-life 0",
    );
    assert_eq!(
        env.json(&["requirement", "list", "--json"]),
        Value::Array(vec![]),
        "no requirement written"
    );
}

#[test]
fn requirement_progress_and_renewal() {
    let env = Env::new();
    portfolio(&env);
    env.add(
        "ce-activity",
        "Ethics CME",
        &[
            "--completed",
            "2025-05-01",
            "--hours",
            "4",
            "--credit-type",
            "AMA PRA Category 1 Credit",
            "--skill",
            "Ethics",
        ],
    );
    env.ok(&licence(&[
        "--cycle-months",
        "24",
        "--hours",
        "20",
        "--credit-type",
        "AMA PRA Category 1",
        "--topic",
        "Ethics=2",
        "--window",
        "12=5",
    ]));
    let p = env.json(&["requirements", "--as-of", "2026-11-27", "--json"]);
    let r = &p[0];
    assert_eq!(r["required"], 20.0, "required");
    assert_eq!(r["counted"], 4.0, "only the Category 1 activity counts");
    assert_eq!(r["remaining"], 16.0, "remaining");
    assert_eq!(r["days_left"], 65, "days left");
    assert_eq!(r["state"], "behind", "4 < 20 x 664/729");
    assert_eq!(r["topics"][0]["remaining"], 0.0, "ethics met");
    assert_eq!(
        r["windows"][0]["remaining"], 5.0,
        "nothing in the last 12 months"
    );
    let out = env.ok(&[
        "renew",
        "2",
        "--completed",
        "2026-11",
        "--expires",
        "2029-11",
    ]);
    assert!(out.contains("valid until 2029-11"), "{out}");
    let flags = env.json(&["flags", "--as-of", "2026-11-27", "--json"]);
    assert_eq!(
        by_title(&flags, "Board cert")["status"],
        "current",
        "renewal resets the clock"
    );
    env.fails(
        &["renew", "2", "--completed", "2020-01"],
        2,
        "renewing backwards is refused",
    );
}

#[test]
fn ics_export_writes_events_with_alarms() {
    let env = Env::new();
    portfolio(&env);
    let file = env.dir.path().join("deadlines.ics");
    let out = env.ok(&["export", "ics", "--out", file.to_str().expect("utf-8")]);
    assert!(out.contains("2 events"), "two records expire: {out}");
    let text = std::fs::read_to_string(&file).expect("ics written");
    assert!(text.starts_with("BEGIN:VCALENDAR"), "a calendar");
    assert_eq!(
        text.matches("ACTION:DISPLAY").count(),
        4,
        "two DISPLAY alarms per event"
    );
    let o = env.run(&["export", "ics", "--out", "/nonexistent/dir/x.ics"]);
    assert_ne!(code(&o), 0, "an unwritable path fails");
    let err = stderr(&o);
    assert!(
        err.contains("/nonexistent/dir/x.ics"),
        "names the path: {err}"
    );
}

#[test]
fn explain_and_jurisdictions_from_the_command_line() {
    let env = Env::new();
    env.add(
        "ce-activity",
        "AI law primer",
        &["--completed", "2024-03-01", "--skill", "AI law=0.9"],
    );
    env.ok(&["profile", "set", "--jurisdiction", "EU"]);
    let flags = env.json(&["flags", "--as-of", "2024-10-01", "--json"]);
    let primer = by_title(&flags, "AI law primer");
    assert!(
        texts(primer)
            .iter()
            .any(|t| t.contains("EU AI Act") && t.contains("published 2024-07-12")),
        "an EU practitioner's primer predates the Act: {:?}",
        texts(primer)
    );
    let id = primer["id"].as_i64().expect("id").to_string();
    let e = env.json(&["explain", &id, "--as-of", "2024-10-01", "--json"]);
    assert_eq!(
        e["assessment"], *primer,
        "explain carries the dashboard's verdict"
    );
    let relations: Vec<(&str, &str)> = e["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            (
                c["title"].as_str().unwrap_or(""),
                c["relation"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        relations
            .iter()
            .any(|(t, r)| t.starts_with("HHS Section 1557") && *r == "outside"),
        "the US rule is information for an EU profile: {relations:?}"
    );
    let human = env.ok(&["explain", &id, "--as-of", "2024-10-01"]);
    assert!(
        human.contains("[predates] EU AI Act") && human.contains("[elsewhere] HHS Section 1557"),
        "the text form names each change: {human}"
    );
    env.ok(&["profile", "set", "--jurisdiction", "US"]);
    let flags = env.json(&["flags", "--as-of", "2024-10-01", "--json"]);
    assert!(
        texts(by_title(&flags, "AI law primer"))
            .iter()
            .all(|t| !t.contains("EU AI Act")),
        "not for a US profile"
    );
    let err = env.fails(&["explain", "999"], 1, "an unknown id is not a usage error");
    assert!(err.contains("#999"), "names the id: {err}");
    let err = env.fails(
        &[
            "field-change",
            "add",
            "--announced",
            "2026-05-01",
            "--effective",
            "2026-01-01=too early",
            "--title",
            "Rule",
            "--skill",
            "AI law",
        ],
        2,
        "a phase before the announcement is invalid",
    );
    assert!(err.contains("--effective (#1)"), "names the flag: {err}");
}
