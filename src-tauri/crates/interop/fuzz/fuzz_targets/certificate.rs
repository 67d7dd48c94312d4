//! A certificate page's text read for its fields, on arbitrary bytes: the reader of what
//! poppler and tesseract print may find nothing, never panic or hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let fields = dossier_interop::certificate::extract(&text);
    let _ = fields.is_certificate();
    let _ = fields.into_map();
});
