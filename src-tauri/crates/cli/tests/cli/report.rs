//! The portfolio PDF from the CLI: its figures equal the CLI's JSON for the same as-of date.

use super::common::{licence, Env};
use serde_json::Value;
use std::process::Command;

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pct(v: &Value) -> String {
    dossier_core::coverage::percent(v.as_f64().unwrap_or(-1.0))
}

#[test]
fn the_pdf_figures_equal_the_json() {
    let env = Env::new();
    env.ok(&["demo"]);
    env.ok(&[
        "profile",
        "set",
        "--name",
        "Dr. Test Person",
        "--title",
        "Informaticist",
    ]);
    env.ok(&licence(&[
        "--cycle-months",
        "24",
        "--hours",
        "50",
        "--credit-type",
        "AMA PRA Category 1",
    ]));
    let as_of = "2026-11-27";
    let pdf = env.dir.path().join("portfolio.pdf");
    let out = env.ok(&[
        "export",
        "pdf",
        "--out",
        pdf.to_str().expect("utf-8"),
        "--as-of",
        as_of,
    ]);
    assert!(out.contains("PDF/A-2b"), "archival PDF: {out}");
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = fold(&String::from_utf8_lossy(&text.stdout));
    assert!(text.contains("Dr. Test Person"), "profile on the report");
    let flags = env.json(&["flags", "--as-of", as_of, "--json"]);
    for (label, word) in [
        ("Current", "current"),
        ("Ageing", "ageing"),
        ("Stale", "stale"),
        ("Expiring", "expiring"),
        ("Expired", "expired"),
    ] {
        let n = flags
            .as_array()
            .map(|a| a.iter().filter(|r| r["status"] == word).count())
            .unwrap_or(0);
        assert!(
            text.contains(&format!("{label} {n}")),
            "{label} count {n} in the PDF"
        );
    }
    // CE activities of the demo completed 2025-11-28..2026-11-27: 3.0 + 1.0 hours; from
    // 2024-11-28 also 1.0 + 2.0 + 18.5 (worked out by hand from assets/demo/portfolio.json).
    // pdftotext may drop the thin space before "h": compare without spaces.
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        squeezed.contains("CE,last12months4h"),
        "12-month CE hours in the PDF"
    );
    assert!(
        squeezed.contains("CE,last24months25.5h"),
        "24-month CE hours in the PDF"
    );
    assert!(
        !text.contains("CE hours counted"),
        "no misleading total across requirements"
    );
    let cycles = env.json(&["requirements", "--as-of", as_of, "--json"]);
    for c in cycles.as_array().expect("cycles") {
        let figure = format!(
            "{}{}of{}h",
            c["name"].as_str().unwrap_or("?"),
            c["counted"].as_f64().unwrap_or(-1.0),
            c["required"].as_f64().unwrap_or(-1.0)
        );
        assert!(squeezed.contains(&figure), "requirement progress {figure}");
    }
    let cov = env.json(&["coverage", "--as-of", as_of, "--json"]);
    for d in cov["domains"].as_array().expect("domains") {
        let figure = format!("{} / {}", pct(&d["current"]), pct(&d["earned"]));
        assert!(
            text.contains(&figure),
            "coverage of {} ({figure}) in the PDF",
            d["name"]
        );
    }
}

#[test]
fn bad_sections_and_paths_write_nothing() {
    let env = Env::new();
    env.ok(&["demo"]);
    let pdf = env.dir.path().join("x.pdf");
    let err = env.fails(
        &[
            "export",
            "pdf",
            "--out",
            pdf.to_str().expect("utf-8"),
            "--sections",
            "summary,bogus",
        ],
        2,
        "unknown section",
    );
    assert!(err.contains("--sections"), "names the flag: {err}");
    assert!(!pdf.exists(), "no file written");
    let err = env.fails(
        &["export", "pdf", "--out", "/nonexistent/dir/x.pdf"],
        1,
        "a path that cannot be written is a failure, not a usage error",
    );
    assert!(
        err.contains("/nonexistent/dir/x.pdf") && err.contains("--out"),
        "names the path and the flag: {err}"
    );
}
