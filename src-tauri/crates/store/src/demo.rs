//! The demo portfolio (assets/demo/portfolio.json): a physician-informaticist's record, loaded
//! through the same validation as anything a person types.

use crate::error::{Error, Result};
use crate::Store;
use chrono::NaiveDate;
use dossier_core::{CredentialDraft, CredentialInput};

const PORTFOLIO: &str = include_str!("../../../../assets/demo/portfolio.json");

/// The demo records, validated as of `today`.
pub fn demo_inputs(today: NaiveDate) -> Result<Vec<CredentialInput>> {
    let drafts: Vec<CredentialDraft> =
        serde_json::from_str(PORTFOLIO).map_err(|e| Error::Demo {
            index: 0,
            title: String::new(),
            message: format!("line {}: {e}", e.line()),
        })?;
    drafts
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
    /// Loads the demo portfolio into an empty store; returns how many records it added.
    pub fn load_demo(&self, today: NaiveDate) -> Result<usize> {
        let inputs = demo_inputs(today)?;
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
            Ok(inputs.len())
        })
    }
}
