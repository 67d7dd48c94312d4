//! Coverage at scale. Target (issue 4): coverage of 10,000 records on a 200-skill framework
//! <= 20 ms median. Run: `cargo bench -p dossier-core --bench coverage`.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use dossier_core::coverage::{coverage, plan};
use dossier_core::framework::{Framework, Node};
use dossier_core::staleness::FieldChange;
use dossier_core::Credential;
use std::hint::black_box;

/// 20 domains of 10 skills; the records' 24 skill names are among them (some as aliases).
fn framework(records: &[Credential]) -> Framework {
    let names = dossier_core::synth::skill_names(records);
    let mut nodes = Vec::new();
    for d in 0..20 {
        nodes.push(Node {
            id: format!("d{d}"),
            name: format!("Domain {d}"),
            ..Default::default()
        });
        for k in 0..10 {
            let i = d * 10 + k;
            let (name, aliases) = match names.get(i) {
                Some(n) if i % 2 == 0 => (n.clone(), vec![]),
                Some(n) => (format!("Skill {i}"), vec![n.clone()]),
                None => (format!("Skill {i}"), vec![]),
            };
            nodes.push(Node {
                id: format!("s{i}"),
                name,
                parent: Some(format!("d{d}")),
                half_life_years: Some(2.0 + (i % 8) as f64),
                aliases,
                ..Default::default()
            });
        }
    }
    Framework {
        id: "bench".into(),
        name: "Bench".into(),
        nodes,
        ..Default::default()
    }
}

fn bench(c: &mut Criterion) {
    let records = dossier_core::synth::credentials(10_000, 5);
    let fw = framework(&records);
    assert!(fw.problems().is_empty(), "bench framework is valid");
    let changes: Vec<FieldChange> = (0..50)
        .map(|i| FieldChange {
            id: i,
            announced: NaiveDate::from_ymd_opt(2012 + (i as i32 % 14), 6, 1).expect("date"),
            title: format!("Change {i}"),
            skills: vec![format!("Skill {}", (i * 3) % 200)],
            impact: 0.5,
            source: None,
            effective: vec![],
            jurisdiction: None,
            note: None,
        })
        .collect();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    c.bench_function("coverage_10k_records_200_skills", |b| {
        b.iter(|| coverage(black_box(&fw), &records, &changes, &[], &[], as_of))
    });
    let cov = coverage(&fw, &records, &changes, &[], &[], as_of);
    c.bench_function("plan_10k_records_200_skills", |b| {
        b.iter(|| plan(black_box(&cov), &records))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
