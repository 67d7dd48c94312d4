//! Hand-made portfolios a clinician or informaticist would recognise, each judged at two
//! as-of dates, with the verdict a domain expert would give. The reasoning is in each test's
//! comments. Field changes and regulation: `portfolios_regulation.rs`.

use super::portfolio_kit::*;
use dossier_core::staleness::{ChangeRelation, Freshness};
use dossier_core::CredentialKind::*;

#[test]
fn resident_in_training_stays_current_by_practice_and_an_intro_course_ages() {
    // A PGY-2 resident: MD 2024, residency since July 2024, one intro CME on clinical AI.
    // Mid-2025 everything is current. Years later the MD is still current (residency is
    // daily clinical practice) but the 2025 ML course is three years old in a field with a
    // 2.5-year half-life (and clinical utility ages at 5): by January 2029 it is stale.
    let p = [
        rec(Degree, "MD", "2024-05", &[("Clinical medicine", 1.0)]),
        ongoing(
            "Internal medicine residency",
            "2024-07",
            &[("Clinical medicine", 1.0)],
        ),
        rec(
            CeActivity,
            "Intro to clinical AI",
            "2025-03-10",
            &[
                ("Machine learning", 0.6),
                ("Clinical utility evaluation", 0.4),
            ],
        ),
    ];
    let early = judge(&p, &["US"], "2025-06-01");
    assert!(
        early
            .verdicts
            .iter()
            .all(|v| v.status == Freshness::Current),
        "all current in 2025: {:?}",
        early.verdicts
    );
    let late = judge(&p, &["US"], "2029-01-01");
    assert_eq!(
        late.status("MD"),
        Freshness::Current,
        "kept by residency practice"
    );
    assert_eq!(
        late.status("Intro to clinical AI"),
        Freshness::Stale,
        "ML ages fast"
    );
}

#[test]
fn nurse_informaticist_certification_expires_and_practice_covers_hti1() {
    // An RN informaticist: informatics certification 2020 valid 5 years, and ongoing work
    // as a nurse informaticist. ONC HTI-1 (2024) changes health IT rules; daily informatics
    // work keeps up with it, so it gives no reason. The certificate lapses in March 2025.
    let p = [
        R {
            expires: "2025-03",
            ..rec(
                Certification,
                "Informatics Nursing Certification",
                "2020-03",
                &[("Health informatics", 0.9)],
            )
        },
        ongoing(
            "Nurse informaticist, EHR optimisation",
            "2019-01",
            &[("Health informatics", 1.0), ("Clinical workflow", 0.8)],
        ),
    ];
    let y2024 = judge(&p, &["US"], "2024-06-01");
    assert_eq!(
        y2024.status("Informatics Nursing Certification"),
        Freshness::Current,
        "practice refreshes the 2020 certificate"
    );
    assert_eq!(
        y2024.relation("Informatics Nursing Certification", "ONC HTI-1"),
        Some(ChangeRelation::CoveredLater),
        "ongoing informatics work covers HTI-1"
    );
    let y2025 = judge(&p, &["US"], "2025-06-01");
    assert_eq!(
        y2025.status("Informatics Nursing Certification"),
        Freshness::Expired,
        "past March 2025"
    );
}

#[test]
fn data_scientist_moving_into_health_keeps_ml_current_but_not_deep_learning() {
    // An MSc in CS (2019) and a 2020 deep-learning specialisation; in 2026 a healthcare AI
    // programme. In early 2021 the DL course is new; the MSc is already ageing (its ML,
    // relevance 1, halves in 2.5 years: 64% after 1.6 years, statistics 89%). At the end of 2026 the DL course (2-year
    // half-life, six years old) is stale; the MSc is current because its ML is refreshed by
    // the 2026 programme and its statistics age slowly (10-year half-life).
    let p = [
        rec(
            Degree,
            "MSc Computer Science",
            "2019-06",
            &[("Machine learning", 1.0), ("Statistics", 0.6)],
        ),
        rec(
            MicroCredential,
            "Deep Learning Specialization",
            "2020-09",
            &[("Deep learning", 0.9)],
        ),
        rec(
            ExecutiveEducation,
            "AI in Healthcare programme",
            "2026-02",
            &[("Machine learning", 0.6), ("Clinical workflow", 0.5)],
        ),
    ];
    let early = judge(&p, &[], "2021-01-15");
    assert_eq!(
        early.status("Deep Learning Specialization"),
        Freshness::Current,
        "new then"
    );
    assert_eq!(
        early.status("MSc Computer Science"),
        Freshness::Ageing,
        "73% after 1.6 years"
    );
    let late = judge(&p, &[], "2026-12-01");
    assert_eq!(
        late.status("Deep Learning Specialization"),
        Freshness::Stale,
        "six years"
    );
    assert_eq!(
        late.status("MSc Computer Science"),
        Freshness::Current,
        "refreshed ML"
    );
}

#[test]
fn radiologist_device_regulation_course_predates_the_fda_final_guidance_once_it_exists() {
    // A radiologist's January 2024 course on FDA rules for AI devices. In June 2024 the final
    // PCCP guidance does not exist yet: nothing to predate. In March 2025 it does (issued
    // 2024-12-04): the course predates it, a reason, but impact 0.4 x relevance 0.8 is ageing,
    // not stale (the 2023 draft it taught is mostly what became final).
    let p = [
        rec(
            BoardCertification,
            "ABR Diagnostic Radiology",
            "2015-06",
            &[("Clinical medicine", 1.0)],
        ),
        ongoing(
            "Attending radiologist",
            "2015-07",
            &[("Clinical medicine", 1.0)],
        ),
        rec(
            MicroCredential,
            "Imaging AI badge",
            "2025-01",
            &[("Computer vision for medical imaging", 0.9)],
        ),
        rec(
            CeActivity,
            "FDA regulation of AI devices",
            "2024-01-20",
            &[("Medical device regulation", 0.8)],
        ),
    ];
    let before = judge(&p, &["US"], "2024-06-01");
    assert!(
        before.changes("FDA regulation of AI devices").is_empty(),
        "a guidance not yet issued is not a reason"
    );
    let after = judge(&p, &["US"], "2025-03-01");
    let reasons = after.changes("FDA regulation of AI devices");
    assert_eq!(reasons.len(), 1, "predates the final guidance: {reasons:?}");
    assert!(
        reasons[0].contains("published 2024-12-04"),
        "says when: {reasons:?}"
    );
    assert_eq!(
        after.status("ABR Diagnostic Radiology"),
        Freshness::Current,
        "practice"
    );
    assert_eq!(
        after.status("Imaging AI badge"),
        Freshness::Current,
        "recent badge"
    );
}

#[test]

fn ongoing_governance_work_covers_changes_in_its_field() {
    // An AI governance lead since 2022 (ongoing) with a 2022 certificate in AI law: the work
    // keeps up with the Act, so the certificate is not flagged for it and not aged.
    let p = [
        rec(
            Certification,
            "AI governance professional",
            "2022-09",
            &[("AI law", 0.9)],
        ),
        ongoing(
            "Head of AI governance",
            "2022-10",
            &[("AI law", 1.0), ("Ethical AI governance", 1.0)],
        ),
    ];
    for as_of in ["2023-06-01", "2026-12-01"] {
        let j = judge(&p, &[], as_of);
        assert_eq!(
            j.status("AI governance professional"),
            Freshness::Current,
            "at {as_of}"
        );
        assert!(
            j.changes("AI governance professional").is_empty(),
            "no change at {as_of}"
        );
    }
}

#[test]
fn a_degree_in_progress_is_not_aged_and_a_finished_one_ages_slowly() {
    // A PhD student (since 2023) with a 2015 MPH in biostatistics. The PhD is never aged while
    // in progress. The MPH's statistics has a 10-year half-life: 4.7 years old in January 2020
    // is 72% (ageing); 11.6 years old at the end of 2026 is 45% (stale).
    let p = [
        R {
            started: "2023-09",
            ..rec(
                Degree,
                "PhD Biomedical Informatics",
                "",
                &[("Machine learning", 0.9)],
            )
        },
        rec(
            Degree,
            "MPH Biostatistics",
            "2015-05",
            &[("Statistics", 1.0)],
        ),
    ];
    let early = judge(&p, &[], "2020-01-01");
    assert_eq!(
        early.status("MPH Biostatistics"),
        Freshness::Ageing,
        "72% in 2020"
    );
    let late = judge(&p, &[], "2026-12-01");
    assert_eq!(
        late.status("MPH Biostatistics"),
        Freshness::Stale,
        "45% in 2026"
    );
    assert_eq!(
        late.status("PhD Biomedical Informatics"),
        Freshness::Current,
        "in progress"
    );
}

#[test]
fn a_record_from_after_the_as_of_date_does_not_exist_yet() {
    // Judged as of mid-2024, a course completed in 2025 had not happened: it refreshes
    // nothing, so the 2021 deep-learning course is stale then; by 2025-06 it is refreshed.
    let p = [
        rec(
            MicroCredential,
            "DL 2021",
            "2021-03",
            &[("Deep learning", 1.0)],
        ),
        rec(
            CeActivity,
            "DL refresher",
            "2025-02-01",
            &[("Deep learning", 1.0)],
        ),
    ];
    let then = judge(&p, &[], "2024-06-01");
    assert_eq!(
        then.status("DL 2021"),
        Freshness::Stale,
        "3.2 years at a 2-year half-life"
    );
    let now = judge(&p, &[], "2025-06-01");
    assert_eq!(
        now.status("DL 2021"),
        Freshness::Current,
        "refreshed by the 2025 course"
    );
}

#[test]
fn a_cphims_certification_warns_before_it_expires_then_expires() {
    // CPHIMS 2024-04 valid three years: expiring within 90 days of April 2027, expired after.
    let p = [R {
        expires: "2027-04",
        ..rec(
            Certification,
            "CPHIMS",
            "2024-04",
            &[("Health informatics", 0.8)],
        )
    }];
    assert_eq!(
        judge(&p, &[], "2027-02-15").status("CPHIMS"),
        Freshness::Expiring,
        "in 74 days"
    );
    assert_eq!(
        judge(&p, &[], "2027-06-01").status("CPHIMS"),
        Freshness::Expired,
        "lapsed"
    );
}
