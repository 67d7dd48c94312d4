// The only module that talks to Rust. Every command the UI uses is wrapped here so that a
// rejected call always surfaces as a BackendError the UI can switch on by kind.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { FieldError, UiError, UiErrorKind } from "./bindings";
import { ERROR_KINDS, IMPORT_PROGRESS, REPORT_PROGRESS, type ImportProgress, type ReportProgress } from "./ipc";

// ---- Errors ----

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

/** Invokes a command; the generated functions in ipc.ts are its only callers. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toBackendError(command, raw);
  }
}

// ---- Commands and events ----

// Every command is a typed function generated from Rust's command table (src-tauri/src/ipc.rs),
// so no command name or argument type is written by hand here.
export * from "./ipc";

function isProgress(v: unknown): v is ReportProgress {
  return isRecord(v) && typeof v.step === "string" && typeof v.done === "number" && typeof v.of === "number";
}

/** Calls `cb` for each `report-progress` event until the returned function is called. */
export function onReportProgress(cb: (p: ReportProgress) => void): Promise<UnlistenFn> {
  return listen<unknown>(REPORT_PROGRESS, (e) => {
    if (isProgress(e.payload)) cb(e.payload);
  });
}

function isImportProgress(v: unknown): v is ImportProgress {
  return isRecord(v) && typeof v.done === "number" && typeof v.total === "number";
}

/** Calls `cb` for each `import-progress` event until the returned function is called. */
export function onImportProgress(cb: (p: ImportProgress) => void): Promise<UnlistenFn> {
  return listen<unknown>(IMPORT_PROGRESS, (e) => {
    if (isImportProgress(e.payload)) cb(e.payload);
  });
}

/** Files dragged over the window: still over it, gone again, or dropped (with their paths). */
export type FileDrag = { type: "over" } | { type: "leave" } | { type: "drop"; paths: string[] };

/** Inside a Tauri window; the dev mock's fake IPC (a plain browser) and the tests have no webview. */
function inWebview(): boolean {
  const internals = (window as { __TAURI_INTERNALS__?: { metadata?: { currentWebview?: unknown } } }).__TAURI_INTERNALS__;
  return internals?.metadata?.currentWebview !== undefined;
}

/**
 * Calls `cb` as files are dragged over the window and dropped on it, until the returned
 * function is called. Tauri hands over the dropped files' paths (a web page only ever gets
 * their bytes); outside Tauri nothing is ever dropped. The webview module loads only here,
 * so pages that never listen do not pull in the window API.
 */
export async function onFileDrag(cb: (d: FileDrag) => void): Promise<UnlistenFn> {
  if (!inWebview()) return () => {};
  const { getCurrentWebview } = await import("@tauri-apps/api/webview");
  return getCurrentWebview().onDragDropEvent((e) => {
    const p = e.payload;
    if (p.type === "drop") cb({ type: "drop", paths: [...p.paths] });
    else cb({ type: p.type === "leave" ? "leave" : "over" });
  });
}
