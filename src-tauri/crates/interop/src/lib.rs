//! Dossier's importers and exporters. Every importer is pure: it takes a file's bytes (already
//! bounded by `bounds`) and returns what it found as drafts, which the application layer
//! validates, matches against the store and writes in one transaction. Exporters turn store
//! records back into the formats people hold. The one importer that runs programs is
//! `certificate`: poppler and tesseract read a certificate's text in bounded subprocesses,
//! and everything after the text is pure.
//!
//! One module per format: `openbadges` (Open Badges 1.0/2.0 JSON and JWS, OB 3.0 and CLR 2.0
//! verifiable credentials, baked PNG and SVG), `linkedin`, `jsonresume`, `europass`, `table`
//! (generic CSV), `archive` (Dossier's own zip, optionally encrypted), `ics` (calendar),
//! `certificate` (CME/CE certificates: PDF or photo).

pub mod archive;
pub mod bounds;
pub mod certificate;
pub mod detect;
mod error;
pub mod europass;
pub mod export;
pub mod ics;
mod jose;
pub mod jsonresume;
pub mod linkedin;
pub mod openbadges;
mod record;
pub mod table;
pub mod text;

pub use detect::{detect, read};
pub use error::{Error, Result};
pub use record::{Attachment, Confidence, Extracted, Format, Found, InputFile, Source};
