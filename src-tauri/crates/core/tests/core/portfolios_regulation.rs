//! Hand-made portfolios about field changes: compliance officers in the EU and the US, courses
//! before and after a law's publication, aliases, date precision and passing mentions.

use super::portfolio_kit::*;
use dossier_core::staleness::{ChangeRelation, Freshness};
use dossier_core::CredentialKind::*;

#[test]
fn eu_compliance_officer_training_before_the_act_is_stale_once_published() {
    // A compliance officer in the EU took an AI regulation course in March 2024. In June 2024
    // the Act is not yet published (Official Journal, 2024-07-12): no reason. In January 2025
    // the course predates it; impact 0.6 x relevance 0.9 = 54%: stale. The US Section 1557
    // rule, outside the EU, is information only.
    let p = [rec(
        CeActivity,
        "AI regulation essentials",
        "2024-03-14",
        &[("AI law", 0.9)],
    )];
    let before = judge(&p, &["EU"], "2024-06-01");
    assert!(
        before.changes("AI regulation essentials").is_empty(),
        "not yet published"
    );
    let after = judge(&p, &["EU"], "2025-01-15");
    let reasons = after.changes("AI regulation essentials");
    assert_eq!(reasons.len(), 1, "only the EU AI Act: {reasons:?}");
    assert!(
        reasons[0].contains("EU AI Act") && reasons[0].contains("published 2024-07-12"),
        "names the Act and its publication: {reasons:?}"
    );
    assert_eq!(
        after.status("AI regulation essentials"),
        Freshness::Stale,
        "54% invalidated"
    );
    assert_eq!(
        after.relation("AI regulation essentials", "HHS Section 1557"),
        Some(ChangeRelation::Outside),
        "a US rule is information for an EU officer"
    );
}

#[test]
fn us_compliance_officer_is_flagged_for_section_1557_not_for_the_eu_act() {
    // The same course for someone practising in the US: the Section 1557 rule (published
    // 2024-05-06) postdates it (impact 0.4 x 0.9 = 36%: ageing); the EU AI Act does not concern
    // them.
    let p = [rec(
        CeActivity,
        "AI regulation essentials",
        "2024-03-14",
        &[("AI law", 0.9)],
    )];
    let after = judge(&p, &["US"], "2024-09-01");
    let reasons = after.changes("AI regulation essentials");
    assert_eq!(reasons.len(), 1, "one reason: {reasons:?}");
    assert!(
        reasons[0].contains("Section 1557"),
        "the US rule: {reasons:?}"
    );
    assert!(
        reasons.iter().all(|r| !r.contains("EU AI Act")),
        "not the EU Act"
    );
    let before = judge(&p, &["US"], "2024-04-01");
    assert!(
        before.changes("AI regulation essentials").is_empty(),
        "before the rule"
    );
}

#[test]
fn a_course_about_the_act_taken_after_its_publication_is_never_flagged_for_it() {
    // An October 2024 course on the EU AI Act, tagged with the framework's alias "EU AI Act".
    // Its content postdates the publication, so no application phase makes it out of date; it
    // only ages by its half-life (2 years): current in 2025, stale by mid-2027.
    let p = [rec(
        CeActivity,
        "EU AI Act deep dive",
        "2024-10-08",
        &[("EU AI Act", 0.9)],
    )];
    for as_of in ["2025-03-01", "2026-09-01", "2027-06-01"] {
        let j = judge(&p, &[], as_of);
        assert!(
            j.changes("EU AI Act deep dive").is_empty(),
            "no change reason at {as_of}"
        );
        assert_eq!(
            j.relation("EU AI Act deep dive", "EU AI Act"),
            Some(ChangeRelation::Covers),
            "covers the Act at {as_of}"
        );
    }
    assert_eq!(
        judge(&p, &[], "2025-03-01").status("EU AI Act deep dive"),
        Freshness::Current,
        "new"
    );
    assert_eq!(
        judge(&p, &[], "2027-06-01").status("EU AI Act deep dive"),
        Freshness::Stale,
        "old"
    );
}

#[test]
fn training_tagged_with_an_alias_before_publication_predates_the_act() {
    // "EU AI Act" is an alias of the framework's "AI law": a February 2024 briefing predates
    // the Act, and the US Section 1557 rule on AI law too, for someone who practises everywhere.
    let p = [rec(
        CeActivity,
        "AI Act trilogue briefing",
        "2024-02-20",
        &[("EU AI Act", 1.0)],
    )];
    let j = judge(&p, &[], "2024-09-01");
    let reasons = j.changes("AI Act trilogue briefing");
    assert_eq!(
        reasons.len(),
        2,
        "predates the Act and Section 1557: {reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.contains("EU AI Act")),
        "the Act: {reasons:?}"
    );
    assert_eq!(
        j.status("AI Act trilogue briefing"),
        Freshness::Stale,
        "0.6 x 1.0"
    );
}

#[test]
fn a_month_precision_date_predates_only_when_surely_before() {
    // "2024-07" may be after 12 July: Dossier does not claim it predates the Act. "2024-06"
    // is surely before. (Judged apart: the July course could cover the June one's skill.)
    let july = [rec(
        CeActivity,
        "July course",
        "2024-07",
        &[("AI law", 0.9)],
    )];
    let june = [rec(
        CeActivity,
        "June course",
        "2024-06",
        &[("AI law", 0.9)],
    )];
    assert!(
        judge(&july, &["EU"], "2024-12-01")
            .changes("July course")
            .is_empty(),
        "may postdate the publication"
    );
    assert_eq!(
        judge(&june, &["EU"], "2024-12-01")
            .changes("June course")
            .len(),
        1,
        "surely before"
    );
}

#[test]
fn a_passing_mention_of_regulation_is_not_out_of_date() {
    // A 2023 privacy course touching regulation at relevance 0.3: the Act invalidates 18% of
    // it, below the 25% that makes a reason, so it stays current in August 2024 (privacy's
    // half-life is 4 years). By 2031 it is stale by age alone.
    let p = [rec(
        CeActivity,
        "Health data privacy",
        "2023-05",
        &[
            ("Data governance and privacy", 1.0),
            ("Regulation and policy", 0.3),
        ],
    )];
    let j = judge(&p, &["EU"], "2024-08-01");
    assert!(
        j.changes("Health data privacy").is_empty(),
        "18% is no reason"
    );
    assert_eq!(
        j.status("Health data privacy"),
        Freshness::Current,
        "1.25 years old: 77%"
    );
    assert_eq!(
        j.relation("Health data privacy", "EU AI Act"),
        Some(ChangeRelation::Minor),
        "listed as minor"
    );
    let later = judge(&p, &["EU"], "2031-01-01");
    assert_eq!(
        later.status("Health data privacy"),
        Freshness::Stale,
        "7.7 years old"
    );
}

#[test]
fn a_newer_course_covers_the_change_for_older_training() {
    // A 2023 AI law course and a 2025 update course: before the update (Dec 2024) the 2023
    // course predates the Act; after it, the update covers the skill and the old course shows
    // no change reason.
    let p = [
        rec(CeActivity, "AI law 2023", "2023-11", &[("AI law", 0.8)]),
        rec(
            CeActivity,
            "AI Act update",
            "2025-02-11",
            &[("AI law", 0.7)],
        ),
    ];
    let before = judge(&p, &["EU"], "2024-12-01");
    assert_eq!(
        before.changes("AI law 2023").len(),
        1,
        "predates, nothing newer yet"
    );
    assert_eq!(
        before.status("AI Act update"),
        Freshness::Current,
        "not yet taken: not judged"
    );
    let after = judge(&p, &["EU"], "2025-06-01");
    assert!(
        after.changes("AI law 2023").is_empty(),
        "covered by the update"
    );
    assert_eq!(
        after.relation("AI law 2023", "EU AI Act"),
        Some(ChangeRelation::CoveredLater),
        "explained as covered later"
    );
}
