//! The IPC contract, written once: every command the UI may call, with its arguments and what
//! it returns. From this one table come the invoke handler the app runs and the TypeScript
//! functions the UI calls (`ui/src/ipc.ts`, generated; a test fails when it drifts), so the UI
//! has no hand-written command names and no hand-declared argument types.

pub use crate::imports::IMPORT_PROGRESS;
use crate::recovery::{BackupRow, Recovery};
pub use crate::report::{ReportProgress, REPORT_PROGRESS};
use crate::{archives, commands, coverage, imports, recovery, report, staleness};
use dossier_core::change_draft::FieldChangeDraft;
use dossier_core::coverage::CoverageView;
use dossier_core::dashboard::Dashboard;
use dossier_core::framework::{Framework, FrameworkInfo};
use dossier_core::framework_draft::FrameworkDraft;
use dossier_core::profile::{Profile, ReportPreview, Sections};
use dossier_core::requirement_draft::RequirementDraft;
use dossier_core::requirements::Requirement;
use dossier_core::settings::{HalfLife, HalfLifeDraft, SettingsDraft};
use dossier_core::staleness::{Explanation, FieldChange, Renewal, SkillInfo};
use dossier_core::{
    AppInfo, Credential, CredentialDraft, FieldError, KindInfo, ListQuery, UserSettings,
};
use dossier_service::archive::{ArchiveInfo, ArchiveRestored, ExportFormat, Exported};
use dossier_service::import::{ImportOptions, ImportPlan};
use dossier_store::{BackupInfo, Health, Restored, Salvaged};

/// One command as the UI sees it.
pub struct Command {
    /// The Rust function's name, which is the name `invoke` sends.
    pub name: &'static str,
    pub doc: &'static str,
    /// Argument names as written in Rust (Tauri sends them camelCased) and their TS types.
    pub args: Vec<(&'static str, String)>,
    pub returns: String,
    /// Checks that a response deserializes as the declared return type.
    pub check_return: fn(serde_json::Value) -> Result<(), serde_json::Error>,
}

macro_rules! ipc {
    ($( $(#[doc = $doc:literal])* $module:ident :: $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty ;)*) => {
        /// The invoke handler for every command of the contract.
        pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($module::$name),*]
        }

        /// The contract, in the order the UI lists it.
        pub fn contract() -> Vec<Command> {
            let cfg = crate::ts_gen::config();
            vec![$(Command {
                name: stringify!($name),
                doc: concat!($($doc, "\n"),*),
                args: vec![$((stringify!($arg), <$ty as ts_rs::TS>::name(&cfg))),*],
                returns: <$ret as ts_rs::TS>::name(&cfg),
                check_return: |v| serde_json::from_value::<$ret>(v).map(drop),
            }),*]
        }
    };
}

ipc! {
    /// Records matching the query (search, kind, status, sort, page).
    commands::list_credentials(query: ListQuery) -> Vec<Credential>;
    commands::get_credential(id: i64) -> Credential;
    /// The form values for editing an existing record.
    commands::credential_draft(id: i64) -> CredentialDraft;
    /// Empty form values, with Rust's defaults (e.g. the default kind).
    commands::new_draft() -> CredentialDraft;
    /// Every problem with the draft; empty when it would save.
    commands::validate_draft(draft: CredentialDraft) -> Vec<FieldError>;
    /// Creates (id null) or updates a record; `attach` are absolute paths to copy in as evidence.
    commands::save_credential(id: Option<i64>, draft: CredentialDraft, attach: Vec<String>) -> Credential;
    commands::remove_credential(id: i64) -> ();
    commands::restore_credential(id: i64) -> ();
    commands::remove_evidence(id: i64, sha256: String) -> Credential;
    /// Opens the native file dialog; [] when the user cancels.
    commands::pick_evidence_files() -> Vec<String>;
    commands::open_evidence(sha256: String) -> ();
    /// Loads the demo portfolio into an empty store; rejects with kind "conflict" otherwise.
    commands::load_demo() -> usize;
    commands::list_skill_names() -> Vec<String>;
    commands::credential_kinds() -> Vec<KindInfo>;
    commands::app_info() -> AppInfo;
    /// Verdicts, the attention list and CE cycles; `asOf` null means today (Rust's clock).
    staleness::dashboard(as_of: Option<String>) -> Dashboard;
    /// "Why this status?" for one record, as of the same date as `dashboard`; null means today.
    staleness::explain(id: i64, as_of: Option<String>) -> Explanation;
    staleness::skill_list() -> Vec<SkillInfo>;
    /// A half-life as typed; Rust reads the number (errors name `half_life_years`).
    staleness::set_half_life(draft: HalfLifeDraft) -> HalfLife;
    /// The names among `names` that age at the default half-life.
    staleness::skills_without_half_life(names: Vec<String>) -> Vec<String>;
    staleness::field_changes() -> Vec<FieldChange>;
    /// Stores a new field change as typed; returns it with its id.
    staleness::add_field_change(draft: FieldChangeDraft) -> FieldChange;
    /// Returns what was removed, as a draft, so Undo can add it back.
    staleness::remove_field_change(id: i64) -> FieldChangeDraft;
    staleness::requirements() -> Vec<Requirement>;
    /// Stores a new requirement set as typed; returns it with its id.
    staleness::add_requirement(draft: RequirementDraft) -> Requirement;
    /// Returns what was removed, as a draft, so Undo can add it back.
    staleness::remove_requirement(id: i64) -> RequirementDraft;
    /// New completion and expiry dates as typed; Rust parses them and keeps the old ones as history.
    staleness::renew_credential(id: i64, completed: String, expires: Option<String>) -> Credential;
    staleness::renewals(id: i64) -> Vec<Renewal>;
    staleness::user_settings() -> UserSettings;
    /// The settings as typed; returns them as stored.
    staleness::set_user_settings(draft: SettingsDraft) -> UserSettings;
    /// Asks where to save (native dialog) and writes the calendar; null when cancelled.
    staleness::export_ics() -> Option<String>;
    /// Coverage, Rust's chart SVG and the learning plan; nulls mean today and the active framework.
    coverage::coverage_view(as_of: Option<String>, framework: Option<String>) -> CoverageView;
    coverage::frameworks() -> Vec<FrameworkInfo>;
    coverage::framework(id: String) -> Framework;
    coverage::use_framework(id: String) -> ();
    /// The framework as edited, half-lives as typed; validated like an import, nothing is saved
    /// when a node is bad (the errors name it).
    coverage::save_framework(draft: FrameworkDraft) -> Framework;
    /// Maps a skill name found on records onto a skill (by id) of the framework.
    coverage::set_alias(framework: String, alias: String, skill: String) -> ();
    /// Asks for a JSON file (native dialog) and imports it; null when cancelled.
    coverage::import_framework() -> Option<Framework>;
    /// Asks where to save (native dialog) and writes the framework's JSON; the path, or null when cancelled.
    coverage::export_framework(id: String) -> Option<String>;
    /// The native file dialog for files to import; [] when cancelled.
    imports::pick_import_files() -> Vec<String>;
    /// What importing the files would add, what matches a kept record, what is invalid and
    /// why; writes nothing. The format is read from each file's content; a certificate's pages
    /// read by OCR send `import-progress` events.
    imports::preview_import(paths: Vec<String>, options: ImportOptions) -> ImportPlan;
    /// Imports the preview's records at `selected` in one transaction, refusing files that
    /// changed since (`digest`); sends `import-progress` events.
    imports::run_import(paths: Vec<String>, options: ImportOptions, selected: Vec<usize>, digest: String) -> ImportPlan;
    /// Removes an import's records together.
    imports::undo_import(ids: Vec<i64>) -> usize;
    /// Asks where to save (native dialog) and writes the export (an archive sealed with
    /// `passphrase` if given); null when cancelled.
    archives::export_data(format: ExportFormat, passphrase: Option<String>) -> Option<Exported>;
    /// Writes an archive of everything, evidence included, into backups/.
    archives::archive_now(passphrase: Option<String>) -> ArchiveInfo;
    /// The archives in backups/, newest first.
    archives::archives() -> Vec<ArchiveInfo>;
    /// The native file dialog for an archive or JSON export; null when cancelled.
    archives::pick_archive() -> Option<String>;
    archives::archive_needs_passphrase(path: String) -> bool;
    /// Restores an archive into an empty store, or beside the records kept (confirm first);
    /// a wrong passphrase or a changed byte is refused and nothing changes.
    archives::restore_archive(path: String, passphrase: Option<String>) -> ArchiveRestored;
    /// Everything whole? Integrity, evidence against its SHA-256, leftovers, backups.
    recovery::health() -> Health;
    /// The files in backups/, newest first, each verified.
    recovery::backups() -> Vec<BackupRow>;
    recovery::backup_now() -> BackupInfo;
    /// Restores a backup from the list (confirm first); the database as it was is kept.
    recovery::restore_backup(path: String) -> Restored;
    /// Changes when another process wrote to the database since the last call: reload then.
    recovery::data_version() -> i64;
    /// Why the database did not open, when it is damaged; null otherwise.
    recovery::recovery() -> Option<Recovery>;
    /// Puts the backup in place of the damaged database (kept aside) and opens it; the
    /// record count.
    recovery::recover_with_backup(path: String) -> usize;
    /// Reads what the damaged database still holds into a new store and opens that.
    recovery::recover_salvage() -> Salvaged;
    report::profile() -> Profile;
    /// Rejects with validation errors naming the field (name, title, email, ...).
    report::set_profile(profile: Profile) -> ();
    /// The report's first page as an SVG document drawn by typst, and how many pages it has.
    report::report_preview(as_of: Option<String>, sections: Sections) -> ReportPreview;
    /// Asks where to save (native dialog), typesets and writes the PDF, and shows it in its
    /// folder; the path, or null when cancelled. Progress arrives meanwhile as
    /// `REPORT_PROGRESS` events.
    report::export_pdf(as_of: Option<String>, sections: Sections) -> Option<String>;
}
