//! The store's integration tests, one binary: credentials and files, staleness data.

mod credentials;
mod drafts;
mod durability;
mod frameworks;
mod identity;
mod opening;
mod portable;
mod staleness;
mod verdicts;
