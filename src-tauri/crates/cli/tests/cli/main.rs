//! The `dossier` binary end to end, on temporary directories: one test binary.

mod certificates;
mod common;
mod coverage;
mod durability;
mod inputs;
mod interop;
mod killing;
mod records;
mod report;
mod staleness;
