//! Import benchmarks (issue 11): a 10,000-row LinkedIn Certifications.csv read, validated,
//! matched and written in one transaction <= 1 s; and each hostile file (a decompression-bomb
//! PNG, a billion-laughs SVG, a zip bomb, a 100,000-deep JSON) refused in < 2 s. Peak memory of
//! the refusals is measured by `scripts/bench-import` on the CLI. Run: `cargo bench -p
//! dossier-service --bench import`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use dossier_interop::InputFile;
use dossier_service::import::{apply, prepare, ImportOptions};
use dossier_store::Store;
use std::hint::black_box;
use std::io::Write;

const ROWS: usize = 10_000;

/// A Certifications.csv in the export's own shape: quoted names, `Mon YYYY` dates, empty cells.
fn linkedin_csv(rows: usize) -> Vec<u8> {
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut out = b"Name,Url,Authority,Started On,Finished On,License Number\n".to_vec();
    for i in 0..rows {
        let url = if i % 3 == 0 {
            format!("https://www.credly.com/badges/{i:08x}")
        } else {
            String::new()
        };
        let lic = if i % 4 == 0 {
            format!("LIC-{i}")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "\"Certificate {i}: Machine Learning, \"\"Level {}\"\"\",{url},Issuer {},{} {},,{lic}",
            i % 5,
            i % 97,
            months[i % 12],
            2010 + i % 15
        );
    }
    out
}

fn hostile() -> Vec<(&'static str, Vec<u8>)> {
    let fixtures = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../interop/tests/fixtures/openbadges/"
    );
    let read = |name: &str| std::fs::read(format!("{fixtures}{name}")).unwrap_or_default();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes();
    vec![
        ("bomb_png", read("bomb-ztxt.png")),
        ("billion_laughs_svg", read("billion-laughs.svg")),
        ("zip_bomb", zip_bomb()),
        ("deep_json", deep),
    ]
}

/// A zip whose one entry inflates 1 GiB of zeros from about 1 MiB.
fn zip_bomb() -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    if z.start_file("Certifications.csv", opts).is_ok() {
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..1024 {
            let _ = z.write_all(&zeros);
        }
    }
    let _ = z.finish();
    out.into_inner()
}

/// Reads, validates and matches the file against `store`; writes nothing.
fn preview(store: &Store, file: &InputFile) -> dossier_service::import::Prepared {
    let today = dossier_service::today();
    prepare(
        store,
        std::slice::from_ref(file),
        &ImportOptions::default(),
        today,
    )
    .expect("prepare")
}

fn bench(c: &mut Criterion) {
    let file = InputFile::new("Certifications.csv", linkedin_csv(ROWS));
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.bench_function("linkedin_10k_rows", |b| {
        b.iter_batched(
            || Store::open_in_memory().expect("store"),
            |store| {
                let p = preview(&store, &file);
                let done = apply(&store, p, None, &|_| {}).expect("apply");
                assert_eq!(done.added, ROWS, "every row is imported");
                black_box(done.added)
            },
            BatchSize::PerIteration,
        )
    });
    // The preview alone: read, validate and match, nothing written.
    let store = Store::open_in_memory().expect("store");
    g.bench_function("linkedin_10k_rows_preview", |b| {
        b.iter(|| black_box(preview(&store, &file).plan.records.len()))
    });
    for (name, bytes) in hostile() {
        let file = InputFile::new(name, bytes);
        g.bench_function(format!("refuse_{name}"), |b| {
            b.iter(|| {
                let r = dossier_interop::read(black_box(&file), None, None);
                assert!(r.is_err(), "{name} is refused");
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
