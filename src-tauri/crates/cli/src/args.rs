//! The command line, as clap parses it.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "dossier",
    version,
    about = "Your credential portfolio, kept locally."
)]
pub struct Cli {
    /// Database file [default: $DOSSIER_DB, else $XDG_DATA_HOME/dossier/dossier.db]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Record a credential.
    Add(RecordArgs),
    /// List credentials.
    List(ListArgs),
    /// Show one credential.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Change a credential; only the fields given change (an empty value clears a field).
    Edit {
        id: i64,
        #[command(flatten)]
        record: RecordArgs,
        /// Mark a record in progress as completed.
        #[arg(long, conflicts_with = "in_progress")]
        done: bool,
        /// Clear the verified flag.
        #[arg(long, conflicts_with = "verified")]
        unverified: bool,
        /// Unlink an evidence file by its SHA-256 (a unique prefix is enough).
        #[arg(long, value_name = "SHA256")]
        detach: Vec<String>,
    },
    /// Remove a credential (undo with `dossier restore ID`).
    Remove { id: i64 },
    /// Bring back a removed credential.
    Restore { id: i64 },
    /// Load the demo portfolio into an empty store.
    Demo,
    /// Write a consistent copy of the database to FILE.
    Backup { file: PathBuf },
}

/// The record fields shared by `add` and `edit`. Every value is text, validated by the domain.
#[derive(Args, Debug, Default)]
pub struct RecordArgs {
    /// degree, graduate-certificate, certification, board-certification, executive-education,
    /// micro-credential, ce-activity or experience
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub issuer: Option<String>,
    /// YYYY-MM-DD, YYYY-MM or YYYY
    #[arg(long, value_name = "DATE")]
    pub started: Option<String>,
    /// Completion date (the expected one with --in-progress)
    #[arg(long, value_name = "DATE")]
    pub completed: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub expires: Option<String>,
    /// Credit hours (CME/CE)
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub hours: Option<String>,
    /// e.g. "AMA PRA Category 1 Credit"
    #[arg(long, value_name = "T")]
    pub credit_type: Option<String>,
    #[arg(long, value_name = "X")]
    pub credential_id: Option<String>,
    /// Verification URL
    #[arg(long, value_name = "U")]
    pub url: Option<String>,
    /// A skill, with its relevance 0..1 (default 1); repeat for more. Replaces the list on edit.
    #[arg(long = "skill", value_name = "NAME[=RELEVANCE]")]
    pub skills: Vec<String>,
    #[arg(long)]
    pub notes: Option<String>,
    /// Copy a file in as evidence; repeat for more.
    #[arg(long = "attach", value_name = "FILE")]
    pub attach: Vec<PathBuf>,
    /// Still under way; --completed is then the expected date.
    #[arg(long)]
    pub in_progress: bool,
    /// The credential was checked against its issuer.
    #[arg(long)]
    pub verified: bool,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    #[arg(long)]
    pub json: bool,
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub skill: Option<String>,
    /// Full-text search over title, issuer, notes and skills
    #[arg(long, value_name = "Q")]
    pub search: Option<String>,
    /// recent, title, kind, expires or added
    #[arg(long, default_value = "recent")]
    pub sort: String,
}
