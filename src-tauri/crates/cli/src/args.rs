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
    /// Remove credentials (undo with `dossier restore ID`); several ids are removed together,
    /// or none (undoing an import: `dossier remove 12-40`).
    Remove {
        #[arg(required = true, value_name = "ID|FROM-TO")]
        ids: Vec<String>,
    },
    /// Bring back a removed credential (ID), restore the database from a backup (FILE:
    /// checked first; the current database is kept in backups/), or restore an archive or
    /// JSON export (`dossier export archive|json`): into an empty store as it was, or beside
    /// the records kept here after confirming (the database as it was is kept in backups/).
    /// An encrypted archive asks for its passphrase (or reads DOSSIER_PASSPHRASE).
    Restore {
        #[arg(value_name = "ID|FILE")]
        target: String,
        /// Restore an archive beside existing records without asking.
        #[arg(long)]
        yes: bool,
    },
    /// Load the demo portfolio into an empty store.
    Demo,
    /// Write a verified copy of the database to FILE.
    Backup { file: PathBuf },
    /// Is everything whole? Database integrity, every evidence file against its SHA-256,
    /// crash leftovers, backups. Exits 0 only when all is well.
    Check {
        #[arg(long)]
        json: bool,
    },
    /// Read what can still be read from a damaged database into a new store beside it (the
    /// damaged file is only read). With --use, the new store takes the database's place and
    /// the damaged file is kept aside.
    Recover {
        /// Where the new store goes [default: dossier-salvaged-<time>.db beside the database]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long = "use")]
        use_it: bool,
    },
    /// The backups in backups/ beside the database, newest first, each checked.
    Backups {
        #[arg(long)]
        json: bool,
    },
    /// Every record's status (current, ageing, stale, expiring, expired) and why.
    Flags {
        /// Judge as of this day (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Why a record has its status: skills, half-lives, refreshes, field changes, the rule.
    Explain {
        id: i64,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Skill areas and their half-lives.
    #[command(subcommand)]
    Skill(SkillCommand),
    /// Dated changes in the field that make earlier training out of date.
    #[command(subcommand)]
    FieldChange(FieldChangeCommand),
    /// Continuing-education requirement sets.
    #[command(subcommand)]
    Requirement(RequirementCommand),
    /// Progress on every CE requirement cycle.
    Requirements {
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Renew a credential: new dates reset its clock; the old ones stay in its history.
    Renew {
        id: i64,
        #[arg(long, value_name = "DATE")]
        completed: String,
        #[arg(long, value_name = "DATE")]
        expires: Option<String>,
    },
    /// Import credentials from files: Open Badges (JSON, JWT, baked PNG/SVG), CLR, LinkedIn
    /// export (CSV or zip), JSON Resume, Europass, any CSV. The format is read from the
    /// content. All records are written in one transaction, or none; a file imported twice
    /// adds nothing the second time.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// auto, openbadges, clr, linkedin, jsonresume, europass, csv or archive
        #[arg(long, default_value = "auto")]
        format: String,
        /// List what would be added, what matches a record already kept, and what is invalid;
        /// write nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
        /// For a CSV: the column that fills a field, as FIELD=COLUMN (repeatable; replaces the
        /// guessed mapping). Fields: title, issuer, kind, in_progress, started, completed,
        /// expires, hours, credit_type, credential_id, url, notes, skills.
        #[arg(long = "map", value_name = "FIELD=COLUMN")]
        map: Vec<String>,
    },
    /// Export to other formats.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Skills coverage per domain and skill: earned, and still current.
    Coverage {
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
        /// A framework id [default: the active one]
        #[arg(long, value_name = "ID")]
        framework: Option<String>,
        /// Also write the coverage chart as SVG
        #[arg(long, value_name = "FILE")]
        chart: Option<PathBuf>,
    },
    /// The learning plan: the widest gaps and uncovered skills, with a next step each.
    Plan {
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
        #[arg(long, value_name = "ID")]
        framework: Option<String>,
    },
    /// Skill frameworks.
    #[command(subcommand)]
    Framework(FrameworkCommand),
    /// The name, title and contact shown on the report.
    #[command(subcommand)]
    Profile(ProfileCommand),
}

#[derive(Subcommand, Debug)]
pub enum FrameworkCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    /// Domains and skills of a framework.
    Show { id: String },
    /// Import (or replace) a framework from JSON; nothing is imported if any node is bad.
    Import { file: PathBuf },
    /// Print a framework's JSON, or write it to FILE.
    Export {
        id: String,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Make a framework the active one.
    Use { id: String },
    /// Map a skill name used on records onto a framework skill.
    Alias {
        /// Framework id
        id: String,
        /// The name records use
        name: String,
        /// The framework skill's id
        skill: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum SkillCommand {
    /// Every skill with its half-life and how many records carry it.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Set how fast a skill ages (creates the skill if new).
    Set {
        name: String,
        #[arg(long, value_name = "YEARS", allow_hyphen_values = true)]
        half_life: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum FieldChangeCommand {
    /// Record a dated change in the field.
    Add {
        /// When its content became public (published, issued); records completed on or
        /// after it cover it
        #[arg(long, value_name = "DATE", visible_alias = "date")]
        announced: String,
        /// When (part of) it applies: DATE or DATE=WHAT; repeat for phases
        #[arg(long, value_name = "DATE[=WHAT]")]
        effective: Vec<String>,
        #[arg(long)]
        title: String,
        /// Where it applies (EU, US, ...) [default: everywhere]
        #[arg(long, value_name = "NAME")]
        jurisdiction: Option<String>,
        /// Context, e.g. the draft it replaced
        #[arg(long)]
        note: Option<String>,
        /// A skill it affects; repeat for more.
        #[arg(long = "skill", value_name = "NAME", required = true)]
        skills: Vec<String>,
        /// How much earlier training it invalidates, 0..1
        #[arg(long, default_value = "0.5", allow_hyphen_values = true)]
        impact: String,
        #[arg(long, value_name = "URL")]
        source: Option<String>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    Remove {
        id: i64,
    },
}

#[derive(Subcommand, Debug)]
pub enum RequirementCommand {
    /// Add a requirement set, from flags or a JSON file.
    Add(Box<RequirementArgs>),
    List {
        #[arg(long)]
        json: bool,
    },
    Remove {
        id: i64,
    },
}

#[derive(Args, Debug)]
pub struct RequirementArgs {
    /// A JSON file with the whole rule set (name, ends, cycle_months, hours, credit_type,
    /// topics, caps, windows, first_cycle, credential); flags given as well override it.
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    #[arg(long)]
    pub name: Option<String>,
    /// Last day of the current cycle (the renewal date)
    #[arg(long, value_name = "DATE")]
    pub ends: Option<String>,
    #[arg(long, value_name = "M", allow_hyphen_values = true)]
    pub cycle_months: Option<String>,
    #[arg(long, value_name = "H", allow_hyphen_values = true)]
    pub hours: Option<String>,
    /// Only activities whose credit type contains this count
    #[arg(long, value_name = "T")]
    pub credit_type: Option<String>,
    /// A topic minimum inside the total: hours of activities tagged with SKILL
    #[arg(long = "topic", value_name = "SKILL=HOURS")]
    pub topics: Vec<String>,
    /// A topic minimum on top of the total
    #[arg(long = "topic-on-top", value_name = "SKILL=HOURS")]
    pub topics_on_top: Vec<String>,
    /// A topic required in the first cycle only (on top of the total)
    #[arg(long = "first-cycle-topic", value_name = "SKILL=HOURS")]
    pub first_cycle_topics: Vec<String>,
    /// A cap: at most HOURS from matching activities; conditions kind=K, credit-type=T,
    /// skill=S (default: skill=LABEL)
    #[arg(long = "cap", value_name = "LABEL=HOURS[,COND]...")]
    pub caps: Vec<String>,
    /// A rolling window: HOURS within the last MONTHS before the cycle ends
    #[arg(long = "window", value_name = "MONTHS=HOURS")]
    pub windows: Vec<String>,
    /// This is the first cycle after licensure
    #[arg(long)]
    pub first_cycle: bool,
    /// The credential (id) this requirement renews
    #[arg(long, value_name = "ID")]
    pub credential: Option<i64>,
}

#[derive(Subcommand, Debug)]
pub enum ProfileCommand {
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Set the name, title and contact shown on the report; "" clears a field.
    Set {
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        location: Option<String>,
        #[arg(long)]
        website: Option<String>,
        /// Where you practise (EU, US, ...); repeat or separate with commas; "" clears
        /// (then every jurisdiction's field changes concern you)
        #[arg(long = "jurisdiction", value_name = "NAME", value_delimiter = ',')]
        jurisdictions: Option<Vec<String>>,
    },
}

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// The typeset portfolio as a PDF/A.
    Pdf {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Only these sections: summary, chart, credentials, ce, requirements, evidence,
        /// statuses [default: all but evidence]
        #[arg(long, value_name = "LIST", value_delimiter = ',')]
        sections: Vec<String>,
    },
    /// Expiry dates and CE cycle deadlines as an iCalendar file with reminders.
    Ics {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Everything (records, evidence hashes, frameworks, skill areas, field changes,
    /// requirements, renewals, profile, settings) as one JSON document; `dossier restore
    /// FILE` or `dossier import FILE` reads it back.
    Json {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// That JSON and every evidence file, as a zip; with --encrypt, sealed with a passphrase
    /// (asked for twice, or read from DOSSIER_PASSPHRASE). Restore with `dossier restore FILE`.
    Archive {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long)]
        encrypt: bool,
    },
    /// JSON Resume (v1.2.1): certifications, degrees, skills and the profile.
    Jsonresume {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// One CSV row per record (with its uuid, skills and source).
    Csv {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
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
    /// Show at most N records
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// Skip the first N records
    #[arg(long, value_name = "N", requires = "limit")]
    pub offset: Option<u32>,
}
