// Generated from the command table in src-tauri/src/ipc.rs by `cargo test -p dossier-app`
// with UPDATE_BINDINGS=1. Do not edit by hand: a test fails when this file drifts.

import type { AppInfo, CoverageView, Credential, CredentialDraft, CredentialKind, Dashboard, Explanation, FieldChange, FieldChangeDraft, FieldError, Framework, FrameworkDraft, FrameworkInfo, HalfLife, HalfLifeDraft, KindInfo, ListQuery, Profile, Renewal, ReportPreview, Requirement, RequirementDraft, Sections, SettingsDraft, SkillInfo, UiErrorKind, UserSettings } from "./bindings";
import { call } from "./backend";

/** Every kind a rejected command's error can have. */
export const ERROR_KINDS: readonly UiErrorKind[] = ["validation", "not-found", "conflict", "io", "database", "internal"];

/** What a new export includes: the report's default sections. */
export const DEFAULT_SECTIONS: Readonly<Sections> = {"summary":true,"chart":true,"credentials":true,"ce":true,"requirements":true,"evidence":false,"statuses":true};

/** The event an export sends after each of its steps. */
export const REPORT_PROGRESS = "report-progress";

/** One step of an export, as the `REPORT_PROGRESS` event carries it. */
export type ReportProgress = { step: string, done: number, of: number, };

/** The event an import sends as it writes (an `ImportProgress`). */
export const IMPORT_PROGRESS = "import-progress";

export type BackupInfo = { path: string, bytes: number, 
/**
 * The schema version it holds (older than this build's after an upgrade).
 */
version: number, 
/**
 * Live records in it.
 */
records: number, 
/**
 * When it was taken ("2026-12-01 15:04:57", local time) and why ("daily", "manual",
 * "before v7", "before restore"), read from the name Dossier gave it; none for a file
 * named otherwise.
 */
taken: string | null, reason: string | null, };

export type EvidenceProblem = { sha256: string, path: string, 
/**
 * "missing", or "altered" (the content no longer has its SHA-256).
 */
problem: string, 
/**
 * The records whose evidence it is.
 */
records: Array<number>, };

export type Health = { 
/**
 * "ok", or SQLite's first findings.
 */
integrity: string, evidence_files: number, evidence_problems: Array<EvidenceProblem>, 
/**
 * Leftovers of crashed saves still there (each open removes them).
 */
leftovers: Array<string>, backups: Array<BackupInfo>, 
/**
 * Backups that do not verify, and why.
 */
bad_backups: Array<string>, 
/**
 * Nothing to act on: whole, every file matching, no leftovers, backups that verify.
 */
all_well: boolean, };

export type Restored = { 
/**
 * The backup now in use.
 */
from: BackupInfo, 
/**
 * The database as it was just before, kept in `backups/`.
 */
aside: BackupInfo, };

export type Salvaged = { 
/**
 * The new store.
 */
path: string, records: number, requirements: number, settings: number, 
/**
 * What could not be read, each with why.
 */
lost: Array<string>, };

export type BackupRow = { backup: BackupInfo | null, problem: string | null, };

export type Recovery = { path: string, problem: string, 
/**
 * The newest backup that verifies.
 */
backup: BackupInfo | null, };

export type ImportOptions = { format: Format | null, mapping: Mapping | null, 
/**
 * For an encrypted Dossier archive.
 */
passphrase: string | null, 
/**
 * Records the person corrected in the preview (a certificate's fields), by index: each
 * replaces what the file gave and is validated and matched like any other.
 */
edits: Array<RowEdit>, };

export type ImportPlan = { records: Array<ImportRow>, files: Array<ImportFile>, 
/**
 * SHA-256 over the files read, so an import can check it writes what was previewed.
 */
digest: string, 
/**
 * Records written: 0 in a preview.
 */
added: number, 
/**
 * Their ids, for undoing the whole import.
 */
ids: number[], };

export type ImportRow = { action: Action, kind: CredentialKind, title: string, issuer: string | null, completed: string | null, expires: string | null, hours: number | null, skills: Array<string>, source: Source, 
/**
 * The record a duplicate matches.
 */
matches: number | null, 
/**
 * Why a record is a duplicate or invalid, naming the row or field.
 */
reason: string | null, 
/**
 * Where in its file: "row 12", "credentialSubject.verifiableCredential[2]".
 */
location: string, 
/**
 * What could not be read, said plainly.
 */
notes: Array<string>, 
/**
 * The group it came in (a CLR's name).
 */
group: string | null, 
/**
 * Names of the files kept as its evidence.
 */
evidence: Array<string>, 
/**
 * The whole record as it would be saved, for the preview's form.
 */
draft: CredentialDraft, 
/**
 * For a certificate: each field read from its text, with the text it came from, keyed by
 * the draft's field names ("title", "issuer", "completed", "hours", ...), plus "skills"
 * (suggested from the title) and "participant" (who it is made out to). Empty otherwise.
 */
fields: { [key in string]: Extracted }, 
/**
 * What the person should look at before saving; not kept with the record ("made out to
 * someone else", "no skill of the framework matches").
 */
warnings: Array<string>, };

export type ImportFile = { name: string, format: Format, 
/**
 * A CSV's header and the mapping used, so the app can show and change it.
 */
headers: Array<string>, mapping: Mapping | null, };

export type ImportProgress = { stage: Stage, done: number, total: number, };

export type Stage = "reading" | "writing";

export type RowEdit = { index: number, draft: CredentialDraft, };

export type Extracted = { 
/**
 * The value as the draft takes it: an ISO date, hours as a number, a credit type's name.
 */
value: string, 
/**
 * The text it was read from, as it stands on the certificate (one or two lines).
 */
snippet: string, confidence: Confidence, 
/**
 * Why the confidence is low, or how the value was derived ("0.15 CEU = 1.5 hours").
 */
note: string | null, };

export type Confidence = "high" | "low";

export type Action = "add" | "duplicate" | "invalid";

export type Format = "openbadges" | "clr" | "linkedin" | "jsonresume" | "europass" | "csv" | "archive" | "certificate";

export type Source = { format: Format, file: string, id: string | null, };

export type Mapping = { 
/**
 * `(column header, draft field)` pairs in the file's column order; a column not listed
 * is ignored. A header is matched trimmed and case-insensitively, the first column of
 * that name when two share it. For a field other than notes and skills, the first
 * non-empty cell of its columns is taken.
 */
columns: Array<[string, Field]>, };

export type Field = "title" | "issuer" | "kind" | "in_progress" | "started" | "completed" | "expires" | "hours" | "credit_type" | "credential_id" | "url" | "notes" | "skills";

export type ExportFormat = "json" | "archive" | "jsonresume" | "csv";

export type Exported = { path: string, records: number, 
/**
 * Evidence files carried (archives only).
 */
evidence: number, encrypted: boolean, };

export type ArchiveInfo = { path: string, bytes: number, encrypted: boolean, 
/**
 * When it was written ("2026-12-01 15:04:57", local time), from its name.
 */
taken: string | null, };

export type ArchiveRestored = { summary: RestoreSummary, aside: BackupInfo | null, };

export type RestoreSummary = { 
/**
 * The store held nothing of its own, and its seeded configuration was replaced.
 */
replaced: boolean, added: Tally, kept: Tally, missing_evidence: Array<MissingEvidence>, 
/**
 * What a person should know: an entry kept under a clashing name, a record that is in
 * this store's removed records.
 */
notes: Array<string>, };

export type Tally = { credentials: number, requirements: number, field_changes: number, frameworks: number, skill_areas: number, renewals: number, evidence: number, };

export type MissingEvidence = { 
/**
 * The credential's UUID and title.
 */
credential: string, title: string, name: string, sha256: string, why: string, };

/** Every command name, for fakes of the backend (the dev mock, tests). */
export type CommandName =
  | "list_credentials"
  | "get_credential"
  | "credential_draft"
  | "new_draft"
  | "validate_draft"
  | "save_credential"
  | "remove_credential"
  | "restore_credential"
  | "remove_evidence"
  | "pick_evidence_files"
  | "open_evidence"
  | "load_demo"
  | "list_skill_names"
  | "credential_kinds"
  | "app_info"
  | "dashboard"
  | "explain"
  | "skill_list"
  | "set_half_life"
  | "skills_without_half_life"
  | "field_changes"
  | "add_field_change"
  | "remove_field_change"
  | "requirements"
  | "add_requirement"
  | "remove_requirement"
  | "renew_credential"
  | "renewals"
  | "user_settings"
  | "set_user_settings"
  | "export_ics"
  | "coverage_view"
  | "frameworks"
  | "framework"
  | "use_framework"
  | "save_framework"
  | "set_alias"
  | "import_framework"
  | "export_framework"
  | "pick_import_files"
  | "preview_import"
  | "run_import"
  | "undo_import"
  | "export_data"
  | "archive_now"
  | "archives"
  | "pick_archive"
  | "archive_needs_passphrase"
  | "restore_archive"
  | "health"
  | "backups"
  | "backup_now"
  | "restore_backup"
  | "data_version"
  | "recovery"
  | "recover_with_backup"
  | "recover_salvage"
  | "profile"
  | "set_profile"
  | "report_preview"
  | "export_pdf";

/**
 * Records matching the query (search, kind, status, sort, page).
 */
export function listCredentials(query: ListQuery): Promise<Array<Credential>> {
  return call<Array<Credential>>("list_credentials", { query });
}

export function getCredential(id: number): Promise<Credential> {
  return call<Credential>("get_credential", { id });
}

/**
 * The form values for editing an existing record.
 */
export function credentialDraft(id: number): Promise<CredentialDraft> {
  return call<CredentialDraft>("credential_draft", { id });
}

/**
 * Empty form values, with Rust's defaults (e.g. the default kind).
 */
export function newDraft(): Promise<CredentialDraft> {
  return call<CredentialDraft>("new_draft");
}

/**
 * Every problem with the draft; empty when it would save.
 */
export function validateDraft(draft: CredentialDraft): Promise<Array<FieldError>> {
  return call<Array<FieldError>>("validate_draft", { draft });
}

/**
 * Creates (id null) or updates a record; `attach` are absolute paths to copy in as evidence.
 */
export function saveCredential(id: number | null, draft: CredentialDraft, attach: Array<string>): Promise<Credential> {
  return call<Credential>("save_credential", { id, draft, attach });
}

export function removeCredential(id: number): Promise<void> {
  return call<void>("remove_credential", { id });
}

export function restoreCredential(id: number): Promise<void> {
  return call<void>("restore_credential", { id });
}

export function removeEvidence(id: number, sha256: string): Promise<Credential> {
  return call<Credential>("remove_evidence", { id, sha256 });
}

/**
 * Opens the native file dialog; [] when the user cancels.
 */
export function pickEvidenceFiles(): Promise<Array<string>> {
  return call<Array<string>>("pick_evidence_files");
}

export function openEvidence(sha256: string): Promise<void> {
  return call<void>("open_evidence", { sha256 });
}

/**
 * Loads the demo portfolio into an empty store; rejects with kind "conflict" otherwise.
 */
export function loadDemo(): Promise<number> {
  return call<number>("load_demo");
}

export function listSkillNames(): Promise<Array<string>> {
  return call<Array<string>>("list_skill_names");
}

export function credentialKinds(): Promise<Array<KindInfo>> {
  return call<Array<KindInfo>>("credential_kinds");
}

export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>("app_info");
}

/**
 * Verdicts, the attention list and CE cycles; `asOf` null means today (Rust's clock).
 */
export function dashboard(asOf: string | null = null): Promise<Dashboard> {
  return call<Dashboard>("dashboard", { asOf });
}

/**
 * "Why this status?" for one record, as of the same date as `dashboard`; null means today.
 */
export function explain(id: number, asOf: string | null = null): Promise<Explanation> {
  return call<Explanation>("explain", { id, asOf });
}

export function skillList(): Promise<Array<SkillInfo>> {
  return call<Array<SkillInfo>>("skill_list");
}

/**
 * A half-life as typed; Rust reads the number (errors name `half_life_years`).
 */
export function setHalfLife(draft: HalfLifeDraft): Promise<HalfLife> {
  return call<HalfLife>("set_half_life", { draft });
}

/**
 * The names among `names` that age at the default half-life.
 */
export function skillsWithoutHalfLife(names: Array<string>): Promise<Array<string>> {
  return call<Array<string>>("skills_without_half_life", { names });
}

export function fieldChanges(): Promise<Array<FieldChange>> {
  return call<Array<FieldChange>>("field_changes");
}

/**
 * Stores a new field change as typed; returns it with its id.
 */
export function addFieldChange(draft: FieldChangeDraft): Promise<FieldChange> {
  return call<FieldChange>("add_field_change", { draft });
}

/**
 * Returns what was removed, as a draft, so Undo can add it back.
 */
export function removeFieldChange(id: number): Promise<FieldChangeDraft> {
  return call<FieldChangeDraft>("remove_field_change", { id });
}

export function requirements(): Promise<Array<Requirement>> {
  return call<Array<Requirement>>("requirements");
}

/**
 * Stores a new requirement set as typed; returns it with its id.
 */
export function addRequirement(draft: RequirementDraft): Promise<Requirement> {
  return call<Requirement>("add_requirement", { draft });
}

/**
 * Returns what was removed, as a draft, so Undo can add it back.
 */
export function removeRequirement(id: number): Promise<RequirementDraft> {
  return call<RequirementDraft>("remove_requirement", { id });
}

/**
 * New completion and expiry dates as typed; Rust parses them and keeps the old ones as history.
 */
export function renewCredential(id: number, completed: string, expires: string | null = null): Promise<Credential> {
  return call<Credential>("renew_credential", { id, completed, expires });
}

export function renewals(id: number): Promise<Array<Renewal>> {
  return call<Array<Renewal>>("renewals", { id });
}

export function userSettings(): Promise<UserSettings> {
  return call<UserSettings>("user_settings");
}

/**
 * The settings as typed; returns them as stored.
 */
export function setUserSettings(draft: SettingsDraft): Promise<UserSettings> {
  return call<UserSettings>("set_user_settings", { draft });
}

/**
 * Asks where to save (native dialog) and writes the calendar; null when cancelled.
 */
export function exportIcs(): Promise<string | null> {
  return call<string | null>("export_ics");
}

/**
 * Coverage, Rust's chart SVG and the learning plan; nulls mean today and the active framework.
 */
export function coverageView(asOf: string | null = null, framework: string | null = null): Promise<CoverageView> {
  return call<CoverageView>("coverage_view", { asOf, framework });
}

export function frameworks(): Promise<Array<FrameworkInfo>> {
  return call<Array<FrameworkInfo>>("frameworks");
}

export function framework(id: string): Promise<Framework> {
  return call<Framework>("framework", { id });
}

export function useFramework(id: string): Promise<void> {
  return call<void>("use_framework", { id });
}

/**
 * The framework as edited, half-lives as typed; validated like an import, nothing is saved
 * when a node is bad (the errors name it).
 */
export function saveFramework(draft: FrameworkDraft): Promise<Framework> {
  return call<Framework>("save_framework", { draft });
}

/**
 * Maps a skill name found on records onto a skill (by id) of the framework.
 */
export function setAlias(framework: string, alias: string, skill: string): Promise<void> {
  return call<void>("set_alias", { framework, alias, skill });
}

/**
 * Asks for a JSON file (native dialog) and imports it; null when cancelled.
 */
export function importFramework(): Promise<Framework | null> {
  return call<Framework | null>("import_framework");
}

/**
 * Asks where to save (native dialog) and writes the framework's JSON; the path, or null when cancelled.
 */
export function exportFramework(id: string): Promise<string | null> {
  return call<string | null>("export_framework", { id });
}

/**
 * The native file dialog for files to import; [] when cancelled.
 */
export function pickImportFiles(): Promise<Array<string>> {
  return call<Array<string>>("pick_import_files");
}

/**
 * What importing the files would add, what matches a kept record, what is invalid and
 * why; writes nothing. The format is read from each file's content; a certificate's pages
 * read by OCR send `import-progress` events.
 */
export function previewImport(paths: Array<string>, options: ImportOptions): Promise<ImportPlan> {
  return call<ImportPlan>("preview_import", { paths, options });
}

/**
 * Imports the preview's records at `selected` in one transaction, refusing files that
 * changed since (`digest`); sends `import-progress` events.
 */
export function runImport(paths: Array<string>, options: ImportOptions, selected: Array<number>, digest: string): Promise<ImportPlan> {
  return call<ImportPlan>("run_import", { paths, options, selected, digest });
}

/**
 * Removes an import's records together.
 */
export function undoImport(ids: Array<number>): Promise<number> {
  return call<number>("undo_import", { ids });
}

/**
 * Asks where to save (native dialog) and writes the export (an archive sealed with
 * `passphrase` if given); null when cancelled.
 */
export function exportData(format: ExportFormat, passphrase: string | null = null): Promise<Exported | null> {
  return call<Exported | null>("export_data", { format, passphrase });
}

/**
 * Writes an archive of everything, evidence included, into backups/.
 */
export function archiveNow(passphrase: string | null = null): Promise<ArchiveInfo> {
  return call<ArchiveInfo>("archive_now", { passphrase });
}

/**
 * The archives in backups/, newest first.
 */
export function archives(): Promise<Array<ArchiveInfo>> {
  return call<Array<ArchiveInfo>>("archives");
}

/**
 * The native file dialog for an archive or JSON export; null when cancelled.
 */
export function pickArchive(): Promise<string | null> {
  return call<string | null>("pick_archive");
}

export function archiveNeedsPassphrase(path: string): Promise<boolean> {
  return call<boolean>("archive_needs_passphrase", { path });
}

/**
 * Restores an archive into an empty store, or beside the records kept (confirm first);
 * a wrong passphrase or a changed byte is refused and nothing changes.
 */
export function restoreArchive(path: string, passphrase: string | null = null): Promise<ArchiveRestored> {
  return call<ArchiveRestored>("restore_archive", { path, passphrase });
}

/**
 * Everything whole? Integrity, evidence against its SHA-256, leftovers, backups.
 */
export function health(): Promise<Health> {
  return call<Health>("health");
}

/**
 * The files in backups/, newest first, each verified.
 */
export function backups(): Promise<Array<BackupRow>> {
  return call<Array<BackupRow>>("backups");
}

export function backupNow(): Promise<BackupInfo> {
  return call<BackupInfo>("backup_now");
}

/**
 * Restores a backup from the list (confirm first); the database as it was is kept.
 */
export function restoreBackup(path: string): Promise<Restored> {
  return call<Restored>("restore_backup", { path });
}

/**
 * Changes when another process wrote to the database since the last call: reload then.
 */
export function dataVersion(): Promise<number> {
  return call<number>("data_version");
}

/**
 * Why the database did not open, when it is damaged; null otherwise.
 */
export function recovery(): Promise<Recovery | null> {
  return call<Recovery | null>("recovery");
}

/**
 * Puts the backup in place of the damaged database (kept aside) and opens it; the
 * record count.
 */
export function recoverWithBackup(path: string): Promise<number> {
  return call<number>("recover_with_backup", { path });
}

/**
 * Reads what the damaged database still holds into a new store and opens that.
 */
export function recoverSalvage(): Promise<Salvaged> {
  return call<Salvaged>("recover_salvage");
}

export function profile(): Promise<Profile> {
  return call<Profile>("profile");
}

/**
 * Rejects with validation errors naming the field (name, title, email, ...).
 */
export function setProfile(profile: Profile): Promise<void> {
  return call<void>("set_profile", { profile });
}

/**
 * The report's first page as an SVG document drawn by typst, and how many pages it has.
 */
export function reportPreview(asOf: string | null, sections: Sections): Promise<ReportPreview> {
  return call<ReportPreview>("report_preview", { asOf, sections });
}

/**
 * Asks where to save (native dialog), typesets and writes the PDF, and shows it in its
 * folder; the path, or null when cancelled. Progress arrives meanwhile as
 * `REPORT_PROGRESS` events.
 */
export function exportPdf(asOf: string | null, sections: Sections): Promise<string | null> {
  return call<string | null>("export_pdf", { asOf, sections });
}
