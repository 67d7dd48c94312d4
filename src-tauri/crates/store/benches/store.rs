//! Store benchmarks at 10,000 synthetic records. Targets (issue 2): list, search and filter
//! each <= 5 ms median; inserting 10,000 records <= 1 s; (issue 10) the check on every open
//! is cheap beside the rest of an open. Run: `cargo bench -p dossier-store`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use dossier_core::{CredentialKind, ListQuery};
use dossier_store::Store;
use std::hint::black_box;

const N: usize = 10_000;

fn filled() -> Store {
    let store = Store::open_in_memory().expect("store");
    store
        .add_many(&dossier_core::synth::records(N, 7), "bench")
        .expect("insert");
    store
}

fn bench(c: &mut Criterion) {
    let records = dossier_core::synth::records(N, 7);
    let mut g = c.benchmark_group("store_10k");
    g.sample_size(10);
    g.bench_function("insert_10k", |b| {
        b.iter_batched(
            || Store::open_in_memory().expect("store"),
            |store| {
                store
                    .add_many(black_box(&records), "bench")
                    .expect("insert")
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();

    let store = filled();
    let mut g = c.benchmark_group("store_10k");
    // What the list view and `dossier list --limit 200` read: the first page, in order.
    let page = ListQuery {
        limit: Some(200),
        ..Default::default()
    };
    g.bench_function("list_page_200", |b| {
        b.iter(|| store.list(black_box(&page)).expect("page"))
    });
    let list_all = ListQuery::default();
    g.bench_function("list_all", |b| {
        b.iter(|| store.list(black_box(&list_all)).expect("list"))
    });
    // The same without freeing the 10,000 records in the timed part (about a fifth of the
    // above): what `list` itself costs, apart from the caller dropping what it returns.
    g.bench_function("list_all_no_drop", |b| {
        b.iter_with_large_drop(|| store.list(black_box(&list_all)).expect("list"))
    });
    let search = ListQuery {
        search: Some("deep learn".into()),
        ..Default::default()
    };
    g.bench_function("search", |b| {
        b.iter(|| store.list(black_box(&search)).expect("search"))
    });
    let by_kind = ListQuery {
        kind: Some(CredentialKind::Certification),
        ..Default::default()
    };
    g.bench_function("filter_kind", |b| {
        b.iter(|| store.list(black_box(&by_kind)).expect("kind"))
    });
    let by_skill = ListQuery {
        skill: Some("Statistics".into()),
        ..Default::default()
    };
    g.bench_function("filter_skill", |b| {
        b.iter(|| store.list(black_box(&by_skill)).expect("skill"))
    });
    g.finish();
}

/// What every open pays since issue 10: SQLite's quick_check, and the whole open of a file
/// store (check, pragmas, migrations up to date, the sweep of crash leftovers).
fn opening(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("dossier.db");
    let store = Store::open(&path).expect("open");
    store
        .add_many(&dossier_core::synth::records(N, 7), "bench")
        .expect("insert");
    let mut g = c.benchmark_group("store_10k");
    g.sample_size(20);
    g.bench_function("quick_check", |b| {
        b.iter(|| {
            store
                .with_conn(
                    |c| Ok(c.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))?),
                )
                .expect("check")
        })
    });
    drop(store);
    g.bench_function("open_file_store", |b| {
        b.iter(|| Store::open(black_box(&path)).expect("open"))
    });
    g.finish();
}

criterion_group!(benches, bench, opening);
criterion_main!(benches);
