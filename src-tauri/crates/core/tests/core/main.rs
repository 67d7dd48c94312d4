//! The domain crate's integration tests, one binary: validation and dates, staleness.

mod common;
mod coverage;
mod dashboard;
mod portfolios;
mod requirements;
mod staleness;
mod validation;
