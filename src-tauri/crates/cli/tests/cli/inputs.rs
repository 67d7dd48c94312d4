//! Inputs other than a credential (renewals, requirement sets, field changes, half-lives)
//! read through the same drafts the app validates, and figures printed with the one
//! percent formatter.

use crate::common::{licence, Env};

#[test]
fn show_prints_relevance_with_the_one_percent_rule() {
    let env = Env::new();
    env.add("certification", "Course", &["--skill", "Statistics=0.125"]);
    let out = env.ok(&["show", "1"]);
    assert!(
        out.contains("Statistics (13%)"),
        "0.125 rounds to 13%, as coverage does: {out}"
    );
}

#[test]
fn renewing_to_a_future_month_is_refused_and_writes_nothing() {
    let env = Env::new();
    env.add(
        "certification",
        "Cert",
        &["--completed", "2022-06", "--expires", "2025-06"],
    );
    let before = env.db_bytes();
    let err = env.fails(
        &["renew", "1", "--completed", "2030-01"],
        2,
        "a future renewal is a validation error",
    );
    assert!(
        err.contains("--completed: 2030-01 is in the future"),
        "names the flag and says why: {err}"
    );
    assert_eq!(env.db_bytes(), before, "nothing written");
}

/// Runs a command that must fail validation; returns its stderr.
fn refused(env: &Env, args: &[&str]) -> String {
    env.fails(args, 2, "a validation error")
}

#[test]
fn requirement_flags_are_read_by_the_draft_the_app_uses() {
    let env = Env::new();
    let with = |extra: &[&'static str]| licence(&[&["--hours", "20"], extra].concat());
    let err = refused(&env, &with(&["--cycle-months", "two years"]));
    assert!(
        err.contains("--cycle-months: 'two years' is not a whole number"),
        "the draft's message, naming the flag: {err}"
    );
    let err = refused(
        &env,
        &with(&["--cycle-months", "24", "--topic", "Ethics=x"]),
    );
    assert!(
        err.contains("--topic (#1): 'x' is not a number (use a decimal point: 1.5)"),
        "a topic's hours: {err}"
    );
    let err = refused(
        &env,
        &with(&["--cycle-months", "24", "--cap", "Home=4,kind=webinar"]),
    );
    assert!(
        err.contains("--cap (#1): unknown kind 'webinar'"),
        "a cap's kind: {err}"
    );
    let err = refused(&env, &with(&["--cycle-months", "0"]));
    assert!(
        err.contains("--cycle-months: must be 1 to 120 months (got 0)"),
        "the requirement's rule: {err}"
    );
    env.ok(&with(&["--cycle-months", "24", "--window", "12=5"]));
    let list = env.json(&["requirement", "list", "--json"]);
    assert_eq!(list[0]["windows"][0]["months"], 12, "window read: {list}");
}

#[test]
fn field_change_and_half_life_flags_are_read_by_their_drafts() {
    let env = Env::new();
    let add = [
        "field-change",
        "add",
        "--announced",
        "2025-01-15",
        "--title",
        "Guidance",
        "--skill",
        "AI law",
    ];
    let with = |extra: &[&'static str]| [&add[..], extra].concat();
    let err = refused(&env, &with(&["--impact", "high"]));
    assert!(
        err.contains("--impact: 'high' is not a number (use a decimal point: 1.5)"),
        "impact: {err}"
    );
    let err = refused(&env, &with(&["--effective", "2025-02-30=phase two"]));
    assert!(
        err.contains("--effective (#1): '2025-02-30' is not a real calendar date"),
        "a phase's date: {err}"
    );
    let out = env.ok(&with(&["--effective", "2025-06-01=phase two"]));
    assert!(out.contains("announced 2025-01-15"), "added: {out}");
    let err = refused(&env, &["skill", "set", "Statistics", "--half-life", "ten"]);
    assert!(
        err.contains("--half-life: 'ten' is not a number (use a decimal point: 1.5)"),
        "half-life: {err}"
    );
    let out = env.ok(&["skill", "set", " Statistics ", "--half-life", "8"]);
    assert!(
        out.contains("'Statistics': half-life 8 years"),
        "set: {out}"
    );
}
