//! The interop crate's one integration binary: each importer and exporter on files in the
//! shapes real ones have (tests/fixtures), and on hostile ones.

mod archive;
mod export;
mod ics;
mod openbadges;
