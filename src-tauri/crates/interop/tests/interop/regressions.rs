//! Every input the fuzzers ever found to break an importer (tests/regressions/<target>/), run
//! again through that importer and through detection: each must be answered, Ok or a clear
//! Err, without a panic.

use dossier_interop::{archive, europass, jsonresume, linkedin, openbadges, table, InputFile};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

fn run(target: &str, file: &InputFile) {
    let _ = dossier_interop::read(file, None, None);
    let _ = match target {
        "openbadges" => openbadges::read(file).map(drop),
        "linkedin" => linkedin::read(file).map(drop),
        "jsonresume" => jsonresume::read(file).map(drop),
        "europass" => europass::read(file).map(drop),
        "table" => table::read(file, None).map(drop),
        "archive" => archive::read_archive(file, Some("fuzz")).map(drop),
        "certificate" => {
            let fields =
                dossier_interop::certificate::extract(&String::from_utf8_lossy(&file.bytes));
            let _ = fields.is_certificate();
            Ok(())
        }
        _ => Ok(()),
    };
}

#[test]
fn every_input_a_fuzzer_found_is_answered_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut seen = 0;
    for dir in std::fs::read_dir(&root)
        .expect("the regressions folder")
        .flatten()
    {
        if !dir.path().is_dir() {
            continue;
        }
        let target = dir.file_name().to_string_lossy().into_owned();
        for f in std::fs::read_dir(dir.path())
            .expect("a target's folder")
            .flatten()
        {
            let bytes = std::fs::read(f.path()).expect("a regression file");
            let file = InputFile::new(f.file_name().to_string_lossy(), bytes);
            let answered = catch_unwind(AssertUnwindSafe(|| run(&target, &file)));
            assert!(answered.is_ok(), "{target}/{} panicked", file.name);
            seen += 1;
        }
    }
    // The folder holds the README at least; the count is printed for the record.
    println!("{seen} regression inputs answered");
    assert!(
        root.join("README.md").is_file(),
        "the regressions folder is in place"
    );
}
