//! The demo portfolio (assets/demo/portfolio.json): a physician-informaticist's record, loaded
//! through the same validation as anything a person types.

use crate::error::{Error, Result};
use crate::Store;
use chrono::NaiveDate;
use dossier_core::profile::Profile;
use dossier_core::{CredentialDraft, CredentialInput};
use serde::Deserialize;

const PORTFOLIO: &str = include_str!("../../../../assets/demo/portfolio.json");

#[derive(Deserialize)]
struct Demo {
    profile: Profile,
    records: Vec<CredentialDraft>,
}

fn demo() -> Result<Demo> {
    serde_json::from_str(PORTFOLIO).map_err(|e| Error::Shipped {
        file: "demo/portfolio.json",
        message: format!("line {}: {e}", e.line()),
    })
}

/// The demo records, validated as of `today`.
pub fn demo_inputs(today: NaiveDate) -> Result<Vec<CredentialInput>> {
    demo()?
        .records
        .iter()
        .enumerate()
        .map(|(index, d)| {
            d.validate(today).map_err(|errs| Error::Demo {
                index,
                title: d.title.clone(),
                message: errs
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            })
        })
        .collect()
}

impl Store {
    /// Loads the demo portfolio into an empty store, and its owner's profile unless one is
    /// set; returns how many records it added.
    pub fn load_demo(&self, today: NaiveDate) -> Result<usize> {
        let inputs = demo_inputs(today)?;
        let profile = demo()?.profile;
        let keep_profile = self.profile()? != Profile::default();
        self.with_tx(|tx| {
            let n: i64 = tx.query_row(
                "SELECT count(*) FROM credentials WHERE deleted_at IS NULL",
                [],
                |r| r.get(0),
            )?;
            if n > 0 {
                return Err(Error::NotEmpty(n));
            }
            for input in &inputs {
                crate::credentials::insert(tx, input, &[], "demo")?;
            }
            if !keep_profile {
                crate::profile::write(tx, &profile)?;
            }
            Ok(inputs.len())
        })
    }
}
