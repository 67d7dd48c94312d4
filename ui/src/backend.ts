// The only module that talks to Rust. Every command the UI uses is wrapped here so that a
// rejected call always surfaces as a BackendError the UI can switch on by kind.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { FieldError, UiError, UiErrorKind } from "./bindings";
import { ERROR_KINDS, REPORT_PROGRESS, type ReportProgress } from "./ipc";

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
