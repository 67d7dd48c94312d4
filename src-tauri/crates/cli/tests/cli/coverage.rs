//! Coverage, the learning plan and frameworks through the CLI.

use super::common::{code, stderr, Env};

const MINI: &str = r#"{"id": "mini", "name": "Mini", "nodes": [
  {"id": "d", "name": "Domain"},
  {"id": "s", "parent": "d", "name": "Statistics", "half_life_years": 10}]}"#;

#[test]
fn coverage_json_matches_the_formula_and_the_chart_is_written() {
    let env = Env::new();
    let fw = env.dir.path().join("mini.json");
    std::fs::write(&fw, MINI).expect("write framework");
    env.ok(&["framework", "import", fw.to_str().expect("utf-8")]);
    // Degree (1.0) x relevance 0.5, completed exactly 10 years (3653 days) before the as-of date.
    env.add(
        "degree",
        "MSc",
        &["--completed", "2016-11-27", "--skill", "Statistics=0.5"],
    );
    let chart = env.dir.path().join("chart.svg");
    let cov = env.json(&[
        "coverage",
        "--framework",
        "mini",
        "--as-of",
        "2026-11-27",
        "--json",
        "--chart",
        chart.to_str().expect("utf-8"),
    ]);
    let s = &cov["domains"][0]["skills"][0];
    assert_eq!(s["earned"], 0.5, "1.0 x 0.5");
    assert_eq!(
        s["current"], 0.25,
        "0.5 x 2^(-3653/3652.5) = 0.24998, rounded"
    );
    assert_eq!(
        s["records"][0]["title"], "MSc",
        "the record behind the number"
    );
    let svg = std::fs::read_to_string(&chart).expect("chart written");
    assert!(
        svg.starts_with("<svg") && svg.contains("Domain: earned 50%, current 25%"),
        "accessible summary: {svg}"
    );
    let plan = env.json(&[
        "plan",
        "--framework",
        "mini",
        "--as-of",
        "2026-11-27",
        "--json",
    ]);
    assert_eq!(plan[0]["skill"], "Statistics", "the gap is planned");
    assert_eq!(plan[0]["gap"], 0.25, "earned - current");
}

#[test]
fn bad_frameworks_are_rejected_and_the_active_one_stays() {
    let env = Env::new();
    // Reading commands need a store that exists (issue 10); a first record creates it.
    env.add("degree", "MD", &[]);
    let list = env.json(&["framework", "list", "--json"]);
    let active = list
        .as_array()
        .and_then(|a| a.iter().find(|f| f["active"] == true))
        .expect("one active")["id"]
        .clone();
    let bad = env.dir.path().join("bad.json");
    std::fs::write(&bad, MINI.replace(r#""name": "Statistics", "#, "")).expect("write");
    let o = env.run(&["framework", "import", bad.to_str().expect("utf-8")]);
    assert_eq!(
        code(&o),
        2,
        "a missing name is a validation error: {}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("node 's'") && stderr(&o).contains("name is required"),
        "names the node: {}",
        stderr(&o)
    );
    assert_eq!(
        env.json(&["framework", "list", "--json"]),
        list,
        "nothing imported"
    );
    let o = env.run(&["framework", "use", "nope"]);
    assert_eq!(code(&o), 2, "unknown framework: {}", stderr(&o));
    let after = env.json(&["framework", "list", "--json"]);
    let still = after
        .as_array()
        .and_then(|a| a.iter().find(|f| f["active"] == true))
        .expect("one active")["id"]
        .clone();
    assert_eq!(still, active, "the active framework is unchanged");
    let shown = env.ok(&["framework", "show", "russell-2023"]);
    assert!(
        shown.contains("Evidence-based evaluation of AI-based tools"),
        "Russell domains: {shown}"
    );
}
