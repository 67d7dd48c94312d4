//! The `dossier` binary end to end, on temporary directories: one test binary.

mod common;
mod coverage;
mod records;
mod report;
mod staleness;
