//! Dossier's archive reader on arbitrary bytes: it may refuse them, never panic or hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let file = dossier_interop::InputFile::new("fuzz", data.to_vec());
    let _ = dossier_interop::archive::zip_format(&file);
    // A fixed passphrase: the fuzzer explores the header and framing, not the key.
    let _ = dossier_interop::archive::read_archive(&file, Some("fuzz"));
});
