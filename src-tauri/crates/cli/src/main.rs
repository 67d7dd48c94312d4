//! `dossier`: the credential portfolio from the command line, on the same crates as the app.
//!
//! Exit status: 0 on success, 2 on a usage or validation error (the message names the flag),
//! 1 on anything else. A failing command writes nothing.

mod archives;
mod args;
mod backups;
mod changes;
mod commands;
mod coverage;
mod imports;
mod input;
mod output;
mod report;
mod requirements;
mod staleness;

use clap::Parser;
use std::process::ExitCode;

/// What went wrong, and which exit status it earns.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error("{}", .0.iter().map(flag_message).collect::<Vec<_>>().join("\n"))]
    Validation(Vec<dossier_core::FieldError>),
    #[error("{}", store_message(.0))]
    Store(#[from] dossier_store::Error),
    #[error("{flag}: {source}")]
    Write {
        flag: String,
        source: dossier_store::Error,
    },
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
    #[error("cannot encode JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Report(dossier_report::Error),
    /// A file to import is invalid, too large or of no known format: nothing was written.
    #[error("{0}")]
    File(dossier_interop::Error),
    /// `dossier check` found something to act on; the report says what.
    #[error("not everything is well (see above)")]
    Unwell,
}

pub type Result<T, E = CliError> = std::result::Result<T, E>;

/// The application layer's errors as the CLI reports them; a file it could not write was
/// given with `--out`.
impl From<dossier_service::Error> for CliError {
    fn from(e: dossier_service::Error) -> Self {
        match e {
            dossier_service::Error::Store(source @ dossier_store::Error::Io { .. }) => {
                CliError::Write {
                    flag: "--out".into(),
                    source,
                }
            }
            dossier_service::Error::Store(e) => CliError::Store(e),
            dossier_service::Error::Report(e) => CliError::Report(e),
            dossier_service::Error::Import(e) => CliError::File(e),
            dossier_service::Error::Selection(m) => CliError::Usage(m),
        }
    }
}

impl CliError {
    fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) | CliError::Validation(_) | CliError::File(_) => 2,
            CliError::Store(dossier_store::Error::FileTooLarge { .. }) => 2,
            CliError::Store(dossier_store::Error::Invalid(_)) => 2,
            _ => 1,
        }
    }
}

/// Store errors as printed; validation problems name their flags like the CLI's own.
fn store_message(e: &dossier_store::Error) -> String {
    match e {
        dossier_store::Error::Invalid(fields) => fields
            .iter()
            .map(flag_message)
            .collect::<Vec<_>>()
            .join("\n"),
        other => other.to_string(),
    }
}

/// Names a draft field by the flag that sets it, from the error's typed path:
/// `credit_type` -> `--credit-type`, `skills[1].relevance` -> `--skill (#2)`,
/// `effective[0].date` -> `--effective (#1)`.
fn flag_message(e: &dossier_core::FieldError) -> String {
    let p = &e.path;
    if p.field == "nodes" {
        // A framework file's node, not a flag: named as the file names it.
        return e.to_string();
    }
    // Lists are set by a repeated flag named in the singular.
    let flag = match p.field.as_str() {
        "skills" => "skill".to_string(),
        "jurisdictions" => "jurisdiction".to_string(),
        "topics" => "topic".to_string(),
        "caps" => "cap".to_string(),
        "windows" => "window".to_string(),
        "half_life_years" => "half-life".to_string(),
        other => other.replace('_', "-"),
    };
    match p.index {
        Some(i) => format!("--{flag} (#{}): {}", i + 1, e.message),
        None => format!("--{flag}: {}", e.message),
    }
}

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // `dossier list | head` closes the pipe early; that is the reader's choice, not a failure.
        Err(CliError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            for line in e.to_string().lines() {
                eprintln!("dossier: {line}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}
