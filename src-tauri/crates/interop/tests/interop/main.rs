//! The interop crate's one integration binary: each importer and exporter on files in the
//! shapes real ones have (tests/fixtures), and on hostile ones.

mod archive;
mod certificate;
mod certificate_files;
mod europass;
mod export;
mod fixture_files;
mod ics;
mod jsonresume;
mod linkedin;
mod openbadges;
mod regressions;
mod table;
mod text;
