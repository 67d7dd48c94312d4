// The only module that talks to Rust. Every command the UI uses is wrapped here so that a
// rejected call always surfaces as a BackendError the UI can switch on by kind.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type {
  AppInfo,
  CoverageView,
  Credential,
  CredentialDraft,
  Dashboard,
  Explanation,
  FieldChange,
  FieldError,
  Framework,
  FrameworkInfo,
  KindInfo,
  ListQuery,
  Profile,
  Renewal,
  ReportPreview,
  Requirement,
  Sections,
  SkillInfo,
  UiError,
  UiErrorKind,
  UserSettings,
} from "./bindings";

// ---- Errors ----

const ERROR_KINDS: readonly UiErrorKind[] = [
  "validation",
  "not-found",
  "conflict",
  "io",
  "database",
  "internal",
];

export class BackendError extends Error {
  readonly kind: UiErrorKind;
  readonly fields: FieldError[];
  /** The command that failed, for logs; never shown as the message itself. */
  readonly command: string;

  constructor(kind: UiErrorKind, message: string, fields: FieldError[] = [], command = "") {
    super(message);
    this.name = "BackendError";
    this.kind = kind;
    this.fields = fields;
    this.command = command;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function isFieldError(v: unknown): v is FieldError {
  return isRecord(v) && typeof v.field === "string" && typeof v.message === "string";
}

function isUiError(v: unknown): v is UiError {
  return (
    isRecord(v) &&
    typeof v.kind === "string" &&
    (ERROR_KINDS as readonly string[]).includes(v.kind) &&
    typeof v.message === "string"
  );
}

/**
 * Turns whatever `invoke` rejected with into a BackendError. Tauri itself rejects with a
 * plain string for IPC failures (unknown command, bad arguments), so those count as
 * "internal": they are bugs, not something the user can fix.
 */
export function toBackendError(command: string, raw: unknown): BackendError {
  if (raw instanceof BackendError) return raw;
  if (isUiError(raw)) {
    const fields = Array.isArray(raw.fields) ? raw.fields.filter(isFieldError) : [];
    return new BackendError(raw.kind, raw.message, fields, command);
  }
  if (typeof raw === "string") {
    return new BackendError("internal", raw || `${command} failed`, [], command);
  }
  if (raw instanceof Error) {
    return new BackendError("internal", raw.message || `${command} failed`, [], command);
  }
  if (isRecord(raw) && typeof raw.message === "string") {
    return new BackendError("internal", raw.message, [], command);
  }
  return new BackendError("internal", `${command} failed unexpectedly`, [], command);
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toBackendError(command, raw);
  }
}

// ---- Commands ----

export function listCredentials(query: ListQuery): Promise<Credential[]> {
  return call("list_credentials", { query });
}

export function getCredential(id: number): Promise<Credential> {
  return call("get_credential", { id });
}

/** The form values for editing an existing record. */
export function credentialDraft(id: number): Promise<CredentialDraft> {
  return call("credential_draft", { id });
}

/** Empty form values, with Rust's defaults (e.g. the default kind). */
export function newDraft(): Promise<CredentialDraft> {
  return call("new_draft");
}

/** Every problem with the draft; empty when it would save. */
export function validateDraft(draft: CredentialDraft): Promise<FieldError[]> {
  return call("validate_draft", { draft });
}

/** Creates (id null) or updates a record; `attach` are absolute paths to copy in as evidence. */
export function saveCredential(
  id: number | null,
  draft: CredentialDraft,
  attach: string[],
): Promise<Credential> {
  return call("save_credential", { id, draft, attach });
}

export function removeCredential(id: number): Promise<void> {
  return call("remove_credential", { id });
}

export function restoreCredential(id: number): Promise<void> {
  return call("restore_credential", { id });
}

export function removeEvidence(id: number, sha256: string): Promise<Credential> {
  return call("remove_evidence", { id, sha256 });
}

/** Opens the native file dialog; [] when the user cancels. */
export function pickEvidenceFiles(): Promise<string[]> {
  return call("pick_evidence_files");
}

export function openEvidence(sha256: string): Promise<void> {
  return call("open_evidence", { sha256 });
}

/** Loads the demo portfolio into an empty store; rejects with kind "conflict" otherwise. */
export function loadDemo(): Promise<number> {
  return call("load_demo");
}

export function listSkillNames(): Promise<string[]> {
  return call("list_skill_names");
}

export function credentialKinds(): Promise<KindInfo[]> {
  return call("credential_kinds");
}

export function appInfo(): Promise<AppInfo> {
  return call("app_info");
}

// ---- Staleness, CE requirements, renewals, settings ----

/** Verdicts, the attention list and CE cycles; `asOf` null means today (Rust's clock). */
export function dashboard(asOf: string | null): Promise<Dashboard> {
  return call("dashboard", { asOf });
}

/** "Why this status?" for one record, as of the same date as `dashboard`; null means today. */
export function explain(id: number, asOf: string | null): Promise<Explanation> {
  return call("explain", { id, asOf });
}

export function skillList(): Promise<SkillInfo[]> {
  return call("skill_list");
}

export function setHalfLife(name: string, years: number): Promise<void> {
  return call("set_half_life", { name, years });
}

/** The names among `names` that age at the default half-life. */
export function skillsWithoutHalfLife(names: string[]): Promise<string[]> {
  return call("skills_without_half_life", { names });
}

export function fieldChanges(): Promise<FieldChange[]> {
  return call("field_changes");
}

/** Stores a new field change (send id 0); returns it with its id. */
export function addFieldChange(change: FieldChange): Promise<FieldChange> {
  return call("add_field_change", { change });
}

/** Returns what was removed, so Undo can add it back. */
export function removeFieldChange(id: number): Promise<FieldChange> {
  return call("remove_field_change", { id });
}

export function requirements(): Promise<Requirement[]> {
  return call("requirements");
}

/** Stores a new requirement set (send id 0); returns it with its id. */
export function addRequirement(requirement: Requirement): Promise<Requirement> {
  return call("add_requirement", { requirement });
}

/** Returns what was removed, so Undo can add it back. */
export function removeRequirement(id: number): Promise<Requirement> {
  return call("remove_requirement", { id });
}

/** New completion and expiry dates as typed; Rust parses them and keeps the old ones as history. */
export function renewCredential(id: number, completed: string, expires: string | null): Promise<Credential> {
  return call("renew_credential", { id, completed, expires });
}

export function renewals(id: number): Promise<Renewal[]> {
  return call("renewals", { id });
}

export function userSettings(): Promise<UserSettings> {
  return call("user_settings");
}

export function setUserSettings(settings: UserSettings): Promise<void> {
  return call("set_user_settings", { settings });
}

/** Asks where to save (native dialog) and writes the calendar; null when cancelled. */
export function exportIcs(): Promise<string | null> {
  return call("export_ics");
}

// ---- Skills coverage and frameworks ----

/** Coverage, Rust's chart SVG and the learning plan; nulls mean today and the active framework. */
export function coverageView(asOf: string | null, framework: string | null = null): Promise<CoverageView> {
  return call("coverage_view", { asOf, framework });
}

export function frameworks(): Promise<FrameworkInfo[]> {
  return call("frameworks");
}

export function framework(id: string): Promise<Framework> {
  return call("framework", { id });
}

export function useFramework(id: string): Promise<void> {
  return call("use_framework", { id });
}

/** Validated like an import; nothing is saved when a node is bad (the errors name it). */
export function saveFramework(framework: Framework): Promise<Framework> {
  return call("save_framework", { framework });
}

/** Maps a skill name found on records onto a skill (by id) of the framework. */
export function setAlias(framework: string, alias: string, skill: string): Promise<void> {
  return call("set_alias", { framework, alias, skill });
}

/** Asks for a JSON file (native dialog) and imports it; null when cancelled. */
export function importFramework(): Promise<Framework | null> {
  return call("import_framework");
}

/** Asks where to save (native dialog) and writes the framework's JSON; the path, or null when cancelled. */
export function exportFramework(id: string): Promise<string | null> {
  return call("export_framework", { id });
}

// ---- The portfolio report (PDF) ----

export function profile(): Promise<Profile> {
  return call("profile");
}

/** Rejects with validation errors naming the field (name, title, email, ...). */
export function setProfile(profile: Profile): Promise<void> {
  return call("set_profile", { profile });
}

/** The report's first page as an SVG document drawn by typst, and how many pages it has. */
export function reportPreview(asOf: string | null, sections: Sections): Promise<ReportPreview> {
  return call("report_preview", { asOf, sections });
}

/**
 * Asks where to save (native dialog), typesets and writes the PDF, and shows it in its folder;
 * the path, or null when cancelled. Progress arrives meanwhile through `onReportProgress`.
 */
export function exportPdf(asOf: string | null, sections: Sections): Promise<string | null> {
  return call("export_pdf", { asOf, sections });
}

/** One step of an export, as the `report-progress` event carries it. */
export interface ReportProgress {
  step: string;
  done: number;
  of: number;
}

function isProgress(v: unknown): v is ReportProgress {
  return isRecord(v) && typeof v.step === "string" && typeof v.done === "number" && typeof v.of === "number";
}

/** Calls `cb` for each `report-progress` event until the returned function is called. */
export function onReportProgress(cb: (p: ReportProgress) => void): Promise<UnlistenFn> {
  return listen<unknown>("report-progress", (e) => {
    if (isProgress(e.payload)) cb(e.payload);
  });
}
