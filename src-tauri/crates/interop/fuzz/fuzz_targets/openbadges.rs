//! The openbadges importer on arbitrary bytes: it may refuse them, never panic or hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let file = dossier_interop::InputFile::new("fuzz", data.to_vec());
    let _ = dossier_interop::openbadges::read(&file);
});
