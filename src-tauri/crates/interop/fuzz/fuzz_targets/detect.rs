//! Detection and the importer it picks, on arbitrary bytes: the path every import takes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let file = dossier_interop::InputFile::new("fuzz", data.to_vec());
    let _ = dossier_interop::read(&file, None, None);
});
