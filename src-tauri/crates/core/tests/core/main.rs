//! The domain crate's integration tests, one binary: validation and dates, staleness.

mod common;
mod coverage;
mod dashboard;
mod drafts;
mod fields;
mod portfolio_kit;
mod portfolios;
mod portfolios_regulation;
mod requirements;
mod staleness;
mod suggest;
mod validation;
