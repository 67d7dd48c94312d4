//! Exporters: store records out to the formats people hold. Each takes records as the store
//! gives them (only those not removed) and returns the file's content; writing it is the
//! caller's.
//!
//! `jsonresume`: a JSON Resume v1.2.1 document (basics, certificates, education, projects,
//! skills). `csv`: one row per record with every field, safe to open in a spreadsheet.

pub mod csv;
pub mod jsonresume;

pub use self::csv::{records_csv, unguard, CSV_HEADER};
pub use self::jsonresume::json_resume;
