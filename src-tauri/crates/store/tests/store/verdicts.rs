//! Issue 8's store-level promises: stored field changes migrate with nothing lost, the
//! demo's verdicts are ones a domain expert would sign, and `explain` gives the dashboard's
//! reasons for every record at any as-of date.

use super::credentials::{day, mem, temp_db};
use dossier_core::profile::Profile;
use dossier_core::staleness::{Assessment, ChangeRelation, Freshness, ReasonKind};
use dossier_store::Store;
use rusqlite::Connection;

const MIGRATIONS_V4: [(&str, &str); 4] = [
    ("0001_init", include_str!("../../migrations/0001_init.sql")),
    (
        "0002_staleness",
        include_str!("../../migrations/0002_staleness.sql"),
    ),
    (
        "0003_list_indexes",
        include_str!("../../migrations/0003_list_indexes.sql"),
    ),
    (
        "0004_frameworks",
        include_str!("../../migrations/0004_frameworks.sql"),
    ),
];

const EU: &str = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj";

/// A schema-4 store as the previous release seeded it: the EU AI Act as four events dated
/// by application, one of which the user removed, plus a change of the user's own.
fn version_4_store(path: &std::path::Path) {
    let mut conn = Connection::open(path).expect("open");
    dossier_store::migrate_with(&mut conn, &MIGRATIONS_V4, None).expect("v4");
    let add = |date: &str, title: &str, skill: &str, source: Option<&str>| {
        conn.execute(
            "INSERT INTO field_changes (date, title, impact, source, created_at) \
             VALUES (?1, ?2, 0.5, ?3, '2026-01-01T00:00:00Z')",
            rusqlite::params![date, title, source],
        )
        .expect("insert change");
        let id = conn.last_insert_rowid();
        conn.execute(
            "INSERT INTO field_change_skills (change_id, skill) VALUES (?1, ?2)",
            rusqlite::params![id, skill],
        )
        .expect("link skill");
    };
    add(
        "2025-08-02",
        "EU AI Act: general-purpose AI model obligations apply",
        "Regulation and policy",
        Some(EU),
    );
    add(
        "2026-08-02",
        "EU AI Act: most obligations apply, including high-risk systems in Annex III",
        "Regulation and policy",
        Some(EU),
    );
    add(
        "2025-03-15",
        "Hospital AI governance policy v2",
        "Ethical AI governance",
        None,
    );
    for key in ["seeded.field_changes", "seeded.skill_areas"] {
        conn.execute("INSERT INTO settings (key, value) VALUES (?1, '1')", [key])
            .expect("seeded flag");
    }
}

#[test]
fn stored_field_changes_migrate_with_nothing_lost() {
    let (_dir, path) = temp_db();
    version_4_store(&path);
    let store = Store::open(&path).expect("migrates to the current schema");
    let changes = store.field_changes().expect("list");
    let own = changes
        .iter()
        .find(|c| c.title == "Hospital AI governance policy v2")
        .expect("the user's own change is kept");
    assert_eq!(
        own.announced,
        day("2025-03-15"),
        "its date became announced"
    );
    assert_eq!(own.skills, vec!["Ethical AI governance"], "its skills kept");
    assert_eq!(own.impact, 0.5, "its impact kept");
    let eu: Vec<_> = changes
        .iter()
        .filter(|c| c.title.contains("EU AI Act"))
        .collect();
    assert_eq!(
        eu.len(),
        1,
        "the Act's dated phases became one change: {eu:?}"
    );
    assert_eq!(
        eu[0].announced,
        day("2024-07-12"),
        "dated by its publication"
    );
    assert_eq!(eu[0].jurisdiction.as_deref(), Some("EU"), "an EU change");
    assert!(
        eu[0].effective.iter().any(|p| p.date == day("2026-08-02")),
        "its application dates are phases: {:?}",
        eu[0].effective
    );
    assert!(
        changes
            .iter()
            .all(|c| !c.title.starts_with("FDA final guidance")),
        "a shipped change this store never held (removed by the user) is not re-added"
    );
    let areas = store.skill_areas().expect("areas");
    assert!(
        areas.iter().any(|a| a.name == "AI law"),
        "new shipped skill areas reach an existing store"
    );
    let again = Store::open(&path).expect("reopen");
    assert_eq!(
        again.field_changes().expect("list").len(),
        changes.len(),
        "opening again changes nothing"
    );
}

#[test]
fn a_new_store_holds_the_shipped_changes_dated_by_announcement() {
    let store = mem();
    let changes = store.field_changes().expect("list");
    let by = |prefix: &str| {
        changes
            .iter()
            .find(|c| c.title.starts_with(prefix))
            .unwrap_or_else(|| panic!("shipped: {prefix}"))
    };
    assert_eq!(
        by("EU AI Act").announced,
        day("2024-07-12"),
        "Official Journal"
    );
    assert_eq!(
        by("FDA final guidance").announced,
        day("2024-12-04"),
        "final PCCP"
    );
    assert!(
        by("FDA final guidance")
            .note
            .as_deref()
            .is_some_and(|n| n.contains("2023")),
        "the 2023 draft is noted"
    );
    assert_eq!(
        by("ONC HTI-1").announced,
        day("2024-01-09"),
        "Federal Register"
    );
    assert_eq!(
        by("HHS Section 1557").announced,
        day("2024-05-06"),
        "Federal Register"
    );
    assert_eq!(by("WHO guidance").announced, day("2024-01-18"), "WHO");
    assert_eq!(by("TRIPOD+AI").announced, day("2024-04-16"), "BMJ");
    assert!(
        changes.iter().all(|c| c.source.is_some()),
        "each keeps its source link"
    );
    assert!(
        changes
            .iter()
            .all(|c| !c.skills.iter().any(|s| s == "Regulation and policy")
                || c.jurisdiction.as_deref() == Some("EU")),
        "only the EU AI Act still names the broad regulation skill"
    );
}

fn demo() -> Store {
    let store = mem();
    store.load_demo(day("2026-12-01")).expect("demo");
    store
}

fn by_title<'a>(a: &'a [Assessment], prefix: &str) -> &'a Assessment {
    a.iter()
        .find(|x| x.title.starts_with(prefix))
        .unwrap_or_else(|| panic!("demo record {prefix}"))
}

#[test]
fn the_demo_at_today_flags_nothing_for_a_change_it_postdates() {
    let store = demo();
    let dash = store.dashboard(day("2026-12-01")).expect("dashboard");
    let eu_course = by_title(&dash.assessments, "The EU AI Act for Health Systems");
    assert!(
        eu_course
            .reasons
            .iter()
            .all(|r| r.kind != ReasonKind::FieldChange),
        "a course about the Act taken after its publication is not flagged for it: {:?}",
        eu_course.reasons
    );
    let fda = by_title(&dash.assessments, "FDA Oversight of AI-Enabled Devices");
    assert!(
        fda.reasons.iter().all(|r| !r.text.contains("EU AI Act")),
        "a US profile's FDA course is not flagged for the EU AI Act: {:?}",
        fda.reasons
    );
    let strategy = by_title(&dash.assessments, "AI Strategy for Health System Leaders");
    assert!(
        strategy
            .reasons
            .iter()
            .all(|r| r.kind != ReasonKind::FieldChange),
        "the November 2024 programme postdates the Act's publication: {:?}",
        strategy.reasons
    );
    let md = by_title(&dash.assessments, "Doctor of Medicine");
    assert_eq!(
        md.status,
        Freshness::Current,
        "ongoing practice keeps the 2016 MD's clinical medicine current: {:?}",
        md.reasons
    );
    let cov = store.coverage(day("2026-12-01"), None).expect("coverage");
    let clinical = cov.domains[0]
        .skills
        .iter()
        .find(|s| s.name == "Clinical medicine")
        .expect("skill");
    let practice = clinical
        .records
        .iter()
        .find(|r| r.title.starts_with("Attending physician"))
        .expect("practice counts for coverage");
    assert_eq!(
        (practice.earned, practice.current),
        (0.7, 0.7),
        "experience in progress counts in full (kind weight 0.7) and is current"
    );
    assert!(
        store.profile().expect("profile").name.starts_with("Dr."),
        "the demo brings a profile, so the PDF's title block is not empty"
    );
}

#[test]
fn the_fda_course_predates_the_eu_ai_act_only_for_someone_practising_in_the_eu() {
    let store = demo();
    let mut p = store.profile().expect("profile");
    let ethics = |store: &Store| {
        store
            .explain(
                by_title(
                    &store
                        .dashboard(day("2026-12-01"))
                        .expect("dash")
                        .assessments,
                    "Educational Certification in Artificial Intelligence",
                )
                .id,
                day("2026-12-01"),
            )
            .expect("explain")
    };
    let us = ethics(&store);
    let eu_us = us
        .changes
        .iter()
        .find(|c| c.title.starts_with("EU AI Act"))
        .expect("the Act touches its regulation skill");
    assert_eq!(
        eu_us.relation,
        ChangeRelation::Outside,
        "information only in the US"
    );
    p.jurisdictions = vec!["US".into(), "EU".into()];
    store.set_profile(&p).expect("profile");
    let eu = ethics(&store);
    let act = eu
        .changes
        .iter()
        .find(|c| c.title.starts_with("EU AI Act"))
        .expect("listed");
    assert_ne!(
        act.relation,
        ChangeRelation::Outside,
        "practising in the EU makes the Act concern the 2023 certificate"
    );
    assert!(
        matches!(
            act.relation,
            ChangeRelation::Predates | ChangeRelation::CoveredLater
        ),
        "completed in 2023-12, before the Act's publication: {act:?}"
    );
}

#[test]
fn explain_gives_the_dashboards_reasons_for_every_demo_record() {
    let store = demo();
    store
        .add_requirement(
            &serde_json::from_value(serde_json::json!({
                "id": 0, "name": "ABAIM renewal", "ends": "2026-12-31", "cycle_months": 36,
                "hours": 30.0, "credit_type": null, "topics": [], "caps": [], "windows": [],
                "first_cycle": false, "credential": 6
            }))
            .expect("requirement"),
        )
        .expect("add requirement");
    for as_of in [
        "2016-06-01",
        "2023-01-15",
        "2024-10-01",
        "2025-06-30",
        "2026-12-01",
        "2029-01-01",
    ] {
        let dash = store.dashboard(day(as_of)).expect("dashboard");
        for a in &dash.assessments {
            let e = store.explain(a.id, day(as_of)).expect("explain");
            assert_eq!(&e.assessment, a, "#{} '{}' as of {as_of}", a.id, a.title);
            assert!(!e.rule.is_empty(), "a rule in words for #{}", a.id);
        }
    }
    let p = Profile::default();
    store.set_profile(&p).expect("all jurisdictions");
    let dash = store.dashboard(day("2026-12-01")).expect("dashboard");
    for a in &dash.assessments {
        let e = store.explain(a.id, day("2026-12-01")).expect("explain");
        assert_eq!(&e.assessment, a, "#{} with every jurisdiction", a.id);
    }
}

#[test]
fn explaining_an_unknown_or_removed_record_is_an_error() {
    let store = demo();
    assert!(
        matches!(
            store.explain(9999, day("2026-12-01")),
            Err(dossier_store::Error::NotFound(9999))
        ),
        "unknown id"
    );
    store.remove(3).expect("remove");
    assert!(
        matches!(
            store.explain(3, day("2026-12-01")),
            Err(dossier_store::Error::Removed(3))
        ),
        "removed record"
    );
}

#[test]
fn one_read_sees_one_state_while_another_connection_writes() {
    // The app reads a snapshot while the CLI (another connection) adds a record between two
    // of its queries: the read keeps seeing the state it started with.
    let (_dir, path) = temp_db();
    let app = Store::open(&path).expect("app's store");
    app.load_demo(day("2026-12-01")).expect("demo");
    let cli = Store::open(&path).expect("the CLI's store");
    let (before, after, dash_count) = app
        .read(|db| {
            let before = db.list(&Default::default())?.len();
            cli.add(
                &super::credentials::input(
                    "Written meanwhile",
                    dossier_core::CredentialKind::CeActivity,
                    &[],
                ),
                &[],
                "manual",
            )?;
            let records = db.list(&Default::default())?;
            let dash = db.dashboard_of(&records, day("2026-12-01"))?;
            Ok((before, records.len(), dash.assessments.len()))
        })
        .expect("one read");
    assert_eq!(before, after, "the second query sees the first one's state");
    assert_eq!(dash_count, before, "the dashboard in the same read agrees");
    assert_eq!(
        app.count().expect("count"),
        before as i64 + 1,
        "the write landed and a new read sees it"
    );
}
