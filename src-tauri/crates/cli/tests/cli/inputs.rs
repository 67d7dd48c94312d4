//! Inputs other than a credential (renewals, requirement sets, field changes, half-lives)
//! read through the same drafts the app validates, and figures printed with the one
//! percent formatter.

use crate::common::{code, stderr, Env};

/// Adds a certification titled `title` with the extra flags given.
fn certification(env: &Env, title: &str, extra: &[&str]) {
    let mut args = vec!["add", "--kind", "certification", "--title", title];
    args.extend_from_slice(extra);
    env.ok(&args);
}

#[test]
fn show_prints_relevance_with_the_one_percent_rule() {
    let env = Env::new();
    certification(&env, "Course", &["--skill", "Statistics=0.125"]);
    let out = env.ok(&["show", "1"]);
    assert!(
        out.contains("Statistics (13%)"),
        "0.125 rounds to 13%, as coverage does: {out}"
    );
}

#[test]
fn renewing_to_a_future_month_is_refused_and_writes_nothing() {
    let env = Env::new();
    certification(
        &env,
        "Cert",
        &["--completed", "2022-06", "--expires", "2025-06"],
    );
    let before = env.db_bytes();
    let o = env.run(&["renew", "1", "--completed", "2030-01"]);
    assert_eq!(
        code(&o),
        2,
        "a future renewal is a validation error: {}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("--completed: 2030-01 is in the future"),
        "names the flag and says why: {}",
        stderr(&o)
    );
    assert_eq!(env.db_bytes(), before, "nothing written");
}
