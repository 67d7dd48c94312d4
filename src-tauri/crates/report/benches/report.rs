//! Typesetting the portfolio PDF. Targets (issue 5): 300 records <= 1 s and 1,000 records
//! <= 3 s median in a release build. Run: `cargo bench -p dossier-report`.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use dossier_core::profile::Sections;
use dossier_report::{render_pdf, ReportInput};
use dossier_store::Store;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    let mut g = c.benchmark_group("report");
    g.sample_size(10);
    for n in [300, 1000] {
        let store = Store::open_in_memory().expect("store");
        store
            .add_many(&dossier_core::synth::records(n, 3), "bench")
            .expect("records");
        let snapshot = store.snapshot(as_of).expect("snapshot");
        let input = ReportInput::from_snapshot(&snapshot, "2026-11-27 12:00");
        let sections = Sections::default();
        // typst memoises layouts across runs; evicting them makes every run a cold render,
        // as an export in a fresh process is.
        g.bench_function(format!("pdf_{n}_records"), |b| {
            b.iter(|| {
                dossier_report::clear_cache();
                render_pdf(black_box(&input), &sections).expect("pdf")
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
