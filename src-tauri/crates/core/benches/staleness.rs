//! Staleness and requirement progress at scale. Target (issue 3): flags and requirement
//! progress for 10,000 records, 100 skill areas and 50 field changes <= 20 ms median.
//! Run: `cargo bench -p dossier-core --bench staleness`.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use dossier_core::dashboard::build;
use dossier_core::requirements::{Cap, Requirement, RollingWindow, Topic};
use dossier_core::staleness::{FieldChange, Settings, SkillArea};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let records = dossier_core::synth::credentials(10_000, 11);
    // The 24 skills the generator uses, plus 76 more areas nobody holds: 100 in all.
    let names = dossier_core::synth::skill_names(&records);
    let mut areas: Vec<SkillArea> = names
        .iter()
        .enumerate()
        .map(|(i, n)| SkillArea {
            name: n.clone(),
            half_life_years: 1.5 + (i % 9) as f64,
            description: None,
        })
        .collect();
    while areas.len() < 100 {
        let i = areas.len();
        areas.push(SkillArea {
            name: format!("Area {i}"),
            half_life_years: 3.0,
            description: None,
        });
    }
    let changes: Vec<FieldChange> = (0..50)
        .map(|i| FieldChange {
            id: i,
            announced: NaiveDate::from_ymd_opt(2010 + (i as i32 % 16), 1 + (i as u32 % 12), 1)
                .expect("date"),
            title: format!("Change {i}"),
            skills: vec![
                names[i as usize % names.len()].clone(),
                format!("Area {}", 30 + i),
            ],
            impact: 0.3 + (i % 7) as f64 / 10.0,
            source: None,
            effective: vec![],
            jurisdiction: None,
            note: None,
        })
        .collect();
    let reqs: Vec<Requirement> = (0..5)
        .map(|i| Requirement {
            id: i,
            name: format!("Licence {i}"),
            ends: NaiveDate::from_ymd_opt(2027, 1 + i as u32, 28).expect("date"),
            cycle_months: 24 + 12 * i as u32,
            hours: 50.0,
            credit_type: Some("AMA PRA Category 1".into()),
            topics: vec![Topic {
                skill: names[i as usize].clone(),
                hours: 4.0,
                ..Default::default()
            }],
            caps: vec![Cap {
                label: "Home study".into(),
                max_hours: 10.0,
                skill: Some(names[3].clone()),
                ..Default::default()
            }],
            windows: vec![RollingWindow {
                months: 12,
                hours: 16.0,
            }],
            first_cycle: false,
            credential: Some(i + 1),
        })
        .collect();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    let settings = Settings::default();
    c.bench_function(
        "dashboard_10k_records_100_areas_50_changes_5_requirements",
        |b| {
            b.iter(|| {
                build(
                    black_box(&records),
                    &areas,
                    &changes,
                    &reqs,
                    as_of,
                    &settings,
                )
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
