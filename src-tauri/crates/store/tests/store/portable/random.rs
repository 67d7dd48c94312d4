//! The round trip as a property: portfolios built at random through the store's own API
//! (records of every kind with odd text, imported provenance, evidence, renewals, removals,
//! requirements linked to records, field changes added and shipped ones removed, half-lives,
//! settings, a profile, a framework of the user's with aliases) export, restore into a fresh
//! store and export again to the same document; and restoring an export into the store it
//! came from adds nothing. A small seeded generator rather than a property-testing crate: the
//! states are sequences of store calls, which shrinking would not make clearer, and a failure
//! names its seed.

use super::{blobs_of, stripped};
use crate::credentials::today;
use dossier_core::field_change::FieldChange;
use dossier_core::profile::Profile;
use dossier_core::renewal::RenewalDraft;
use dossier_core::requirements::Requirement;
use dossier_core::{CredentialDraft, CredentialKind, SkillDraft, UserSettings};
use dossier_store::{Portable, Provenance, Store, Tally};

const CASES: u64 = 64;

const WORDS: [&str; 12] = [
    "Clinical",
    "AI",
    "émigré café",
    "数据治理",
    "<b>bold</b>",
    "O'Brien",
    "\"quoted\"",
    "Robert'); DROP TABLE credentials;--",
    "100%_like",
    "Ω≈ç√",
    "Safety",
    "Evaluation",
];

/// Seeded names and new ones, some differing from a seeded one only in case.
const SKILLS: [&str; 8] = [
    "Statistics",
    "machine learning",
    "Clinical medicine",
    "Regulation and policy",
    "Prompting",
    "Robotics",
    "Teaching",
    "Ethical AI governance",
];

/// SplitMix64: a seed gives one sequence, everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }

    fn skill(&mut self) -> &'static str {
        SKILLS[self.below(SKILLS.len() as u64) as usize]
    }

    fn words(&mut self, n: u64) -> String {
        let count = 1 + self.below(n);
        (0..count)
            .map(|_| *self.pick(&WORDS))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A date at a random precision in 2000..=2025, so never after `today()`.
    fn date(&mut self, from: i32) -> String {
        let year = from + self.below((2026 - from).max(1) as u64) as i32;
        match self.below(3) {
            0 => format!("{year}"),
            1 => format!("{year}-{:02}", 1 + self.below(12)),
            _ => format!("{year}-{:02}-{:02}", 1 + self.below(12), 1 + self.below(28)),
        }
    }
}

fn draft(r: &mut Rng) -> CredentialDraft {
    let in_progress = r.chance(20);
    let completed = if in_progress {
        format!("{}-06", 2027 + r.below(3))
    } else {
        r.date(2010)
    };
    let mut skills: Vec<SkillDraft> = Vec::new();
    for _ in 0..r.below(4) {
        let name = r.skill();
        if skills.iter().all(|s| !s.name.eq_ignore_ascii_case(name)) {
            let relevance = match r.below(3) {
                0 => String::new(),
                1 => "0.25".into(),
                _ => format!("0.{}", 1 + r.below(9)),
            };
            skills.push(SkillDraft {
                name: name.into(),
                relevance,
            });
        }
    }
    CredentialDraft {
        kind: *r.pick(&CredentialKind::ALL),
        in_progress,
        title: r.words(4),
        issuer: if r.chance(70) {
            r.words(2)
        } else {
            String::new()
        },
        // Before the earliest completion a record gets.
        started: if r.chance(40) {
            "2009".into()
        } else {
            String::new()
        },
        completed,
        expires: if r.chance(30) {
            format!("{}-12", 2030 + r.below(5))
        } else {
            String::new()
        },
        hours: if r.chance(50) {
            format!("{}.5", r.below(40))
        } else {
            String::new()
        },
        credit_type: if r.chance(30) {
            "AMA PRA Category 1 Credit™".into()
        } else {
            String::new()
        },
        credential_id: if r.chance(30) {
            format!("ID-{}", r.next())
        } else {
            String::new()
        },
        url: if r.chance(30) {
            format!("https://example.org/c/{}?x=1&y=<2>", r.below(999))
        } else {
            String::new()
        },
        notes: if r.chance(40) {
            format!("{}\nsecond line\ttab", r.words(6))
        } else {
            String::new()
        },
        verified: r.chance(50),
        skills,
    }
}

/// A random portfolio; file-backed (with evidence) when `dir` is given.
fn portfolio(seed: u64, dir: Option<&std::path::Path>) -> Store {
    let mut r = Rng(seed);
    let store = match dir {
        Some(d) => Store::open(&d.join("a.db")).expect("open"),
        None => Store::open_in_memory().expect("open"),
    };
    let mut ids = Vec::new();
    for i in 0..r.below(10) {
        let Ok(input) = draft(&mut r).validate(today()) else {
            continue;
        };
        let id = if r.chance(30) {
            let reference = format!("urn:uuid:{seed}-{i}");
            let from = Provenance {
                source: "openbadges",
                file: Some("badge <1>.png"),
                reference: Some(&reference),
                uuid: None,
            };
            store
                .with_tx(|tx| dossier_store::insert_from(tx, &input, &[], &from))
                .expect("an import")
        } else {
            store.add(&input, &[], "manual").expect("add").id
        };
        if let Some(d) = dir.filter(|_| r.chance(50)) {
            let bytes: Vec<u8> = (0..1 + r.below(64)).map(|_| r.next() as u8).collect();
            let file = d.join(format!("scan {}.pdf", r.below(3)));
            std::fs::write(&file, bytes).expect("a scan");
            store.update(id, &input, &[file]).expect("evidence");
        }
        ids.push(id);
    }
    for &id in &ids {
        if r.chance(25) {
            let expires = if r.chance(50) {
                "2029-01".into()
            } else {
                String::new()
            };
            let draft = RenewalDraft {
                completed: "2026-11-01".into(),
                expires,
            };
            let _ = store.renew(id, &draft, today());
        }
    }
    for &id in &ids {
        if r.chance(15) {
            store.remove(id).expect("remove");
        }
    }
    for k in 0..r.below(3) {
        let credential = (!ids.is_empty() && r.chance(60)).then(|| *r.pick(&ids));
        let req = Requirement {
            id: 0,
            name: format!("{} #{k}", r.words(2)),
            ends: crate::credentials::day("2027-03-31"),
            cycle_months: 12 + r.below(24) as u32,
            hours: 1.0 + r.below(80) as f64,
            credit_type: None,
            topics: vec![],
            caps: vec![],
            windows: vec![],
            first_cycle: r.chance(50),
            credential,
        };
        store.add_requirement(&req).expect("requirement");
    }
    if r.chance(50) {
        let change = FieldChange {
            id: 0,
            announced: crate::credentials::day("2025-09-01"),
            effective: vec![],
            title: r.words(3),
            jurisdiction: r.chance(50).then(|| "EU".to_string()),
            skills: vec![(r.skill()).into()],
            impact: (1 + r.below(9)) as f64 / 10.0,
            source: Some("https://example.org/news".into()),
            note: None,
        };
        store.add_field_change(&change).expect("change");
    }
    if r.chance(20) {
        // One title and date with a shipped change: two changes still, not one.
        let shipped = store.field_changes().expect("changes").remove(0);
        let twin = FieldChange {
            skills: vec![r.skill().into()],
            ..shipped
        };
        store.add_field_change(&twin).expect("a twin");
    }
    if r.chance(40) {
        let changes = store.field_changes().expect("changes");
        store
            .remove_field_change(r.pick(&changes).id)
            .expect("remove a change");
    }
    for _ in 0..r.below(3) {
        let years = (1 + r.below(40)) as f64 / 4.0;
        store.set_half_life(r.skill(), years).expect("half-life");
    }
    if r.chance(40) {
        let s = UserSettings {
            warning_days: r.below(365) as i64,
            default_half_life: (1 + r.below(20)) as f64 / 2.0,
            reminders: r.chance(50),
        };
        store.set_user_settings(&s).expect("settings");
    } else if r.chance(30) {
        store
            .set_setting(dossier_store::WARNING_DAYS_KEY, "12")
            .expect("one setting");
    }
    if r.chance(50) {
        let profile = Profile {
            name: r.words(2),
            jurisdictions: vec!["US".into(), "EU".into()],
            ..Profile::default()
        };
        store.set_profile(&profile).expect("profile");
    }
    if r.chance(50) {
        store.import_framework(super::CUSTOM).expect("framework");
        if r.chance(50) {
            store.set_alias("custom", r.skill(), "t").expect("alias");
        }
    }
    if r.chance(40) {
        let id = if r.chance(50) {
            "russell-2023"
        } else {
            "healthcare-ai"
        };
        store.use_framework(id).expect("use");
    }
    store
}

fn fresh(dir: Option<&std::path::Path>) -> Store {
    match dir {
        Some(d) => Store::open(&d.join("b").join("b.db")).expect("open"),
        None => Store::open_in_memory().expect("open"),
    }
}

#[test]
fn random_portfolios_come_back_exactly() {
    // What the cases held between them, to see that they reach every part of the state.
    let mut seen = [0usize; 6];
    for seed in 0..CASES {
        let tmp = (seed % 8 == 0).then(|| tempfile::tempdir().expect("temp dir"));
        let dir = tmp.as_ref().map(|t| t.path());
        if let Some(d) = dir {
            std::fs::create_dir_all(d.join("b")).expect("dir");
        }
        let a = portfolio(seed, dir);
        let export = a.export_state().expect("export");
        let linked = export
            .requirements
            .iter()
            .filter(|r| r.credential.is_some());
        let aliases = export
            .frameworks
            .iter()
            .map(|f| f.aliases.len())
            .sum::<usize>();
        let counts = [
            export.credentials.len(),
            export.credentials.iter().map(|c| c.evidence.len()).sum(),
            export.renewals.len(),
            linked.count(),
            aliases,
            usize::from(export.settings.warning_days.is_some()),
        ];
        seen.iter_mut().zip(counts).for_each(|(s, n)| *s += n);
        let text = export.to_json().expect("json");
        assert_eq!(
            Portable::from_json(text.as_bytes()).expect("reads"),
            export,
            "seed {seed}: JSON"
        );
        let b = fresh(dir);
        let summary = b
            .restore_state(&export, &blobs_of(&a), today())
            .expect("restore");
        assert!(summary.replaced, "seed {seed}: a fresh store is replaced");
        assert!(
            summary.missing_evidence.is_empty(),
            "seed {seed}: {summary:?}"
        );
        let again = b.export_state().expect("export of the restored store");
        assert_eq!(
            stripped(&again),
            stripped(&export),
            "seed {seed}: the same state"
        );
        let merged = a
            .restore_state(&export, &blobs_of(&a), today())
            .expect("merge into itself");
        // A store with nothing of its own is replaced by its own export: the same state too.
        if !merged.replaced {
            assert_eq!(
                merged.added,
                Tally::default(),
                "seed {seed}: nothing new: {merged:?}"
            );
        }
        assert_eq!(
            stripped(&a.export_state().expect("export")),
            stripped(&export),
            "seed {seed}"
        );
    }
    let [records, evidence, renewals, linked, aliases, settings] = seen;
    assert!(records > 100, "records: {seen:?}");
    assert!(
        evidence > 3 && renewals > 10 && linked > 10,
        "links: {seen:?}"
    );
    assert!(aliases > 3 && settings > 10, "configuration: {seen:?}");
}
