// Shared by the pages beside the credential list (dashboard, skills, field changes,
// requirements, settings) and the renew dialog: the host they report to, labelled inputs
// with error slots, and the few checks needed before a typed value can be sent at all.

import type { FieldError } from "./bindings";
import { toBackendError } from "./backend";
import { h } from "./dom";
import { ErrorSlot, type Control } from "./form-parts";
import { fieldMessage } from "./format";
import type { Toaster } from "./toast";

export const UNDO_MS = 8000;

export interface PageHost {
  readonly toaster: Toaster;
  /** A backend failure that is not about a field: a toast. */
  report(err: unknown): void;
  /** After a change that can move statuses or cycles: reload the dashboard and the badges. */
  changed(): void;
}

export interface FieldOptions {
  /** The field name Rust uses in its messages ("completed", "topics[1].hours"). */
  field: string;
  label: string;
  control: Control;
  testid: string;
  /** Element id; must be unique in the window. */
  id: string;
  hint?: string;
  cls?: string;
}

/** A label above its control and the error slot under it, bound to Rust's field name. */
export function formField(o: FieldOptions): { wrapper: HTMLElement; slot: ErrorSlot } {
  o.control.id = o.id;
  o.control.dataset.testid = o.testid;
  o.control.dataset.field = o.field;
  const slot = new ErrorSlot(`${o.id}-msg`);
  slot.bind(o.field, o.control);
  const hint = o.hint ? h("span", { class: "hint" }, o.hint) : null;
  const wrapper = h(
    "div",
    { class: `field ${o.cls ?? ""}`.trim(), "data-field": o.field },
    h("label", { for: o.id }, o.label),
    o.control,
    hint,
    slot.element,
  );
  return { wrapper, slot };
}

/** Where each field's messages go; messages without a place land in the summary. */
export class Fields {
  readonly summary: HTMLElement;
  private readonly slots = new Map<string, ErrorSlot>();

  constructor(testid: string) {
    this.summary = h("div", { class: "form-summary", role: "alert", "data-testid": testid });
  }

  add(field: string, slot: ErrorSlot): void {
    this.slots.set(field, slot);
  }

  /** Shows `errors` under their fields; `other` places row errors (topics[1].hours) and returns the rest. */
  show(errors: readonly FieldError[], other: (rest: FieldError[]) => FieldError[] = (r) => r, message = ""): void {
    for (const [name, slot] of this.slots) slot.show(errors.filter((e) => e.field === name));
    const orphans = other(errors.filter((e) => !this.slots.has(e.field)));
    this.summary.replaceChildren(
      ...(message && !errors.length ? [h("p", { class: "error" }, message)] : []),
      ...orphans.map((e) => h("p", { class: "error", "data-testid": `error-${e.field}` }, fieldMessage(e.field, e.message))),
    );
  }

  clear(): void {
    this.show([]);
  }

  firstInvalid(root: ParentNode): HTMLElement | null {
    return root.querySelector<HTMLElement>('[aria-invalid="true"]');
  }
}

/**
 * A rejected save as field errors: validation errors as Rust gave them, anything else (a
 * request Rust could not even read) as its message, shown in the form's summary.
 */
export function saveProblem(err: unknown): { fields: FieldError[]; message: string } | null {
  const e = toBackendError("", err);
  if (e.kind === "validation") return { fields: e.fields, message: e.fields.length ? "" : e.message };
  if (e.kind === "internal") return { fields: [], message: e.message };
  return null;
}

// ---- Before sending ----
// Rust takes numbers and dates as typed values here (not text it validates itself), so text
// that is not a number or a date would fail before any of its checks run. These say only
// that; whether the value is sensible (ranges, totals) is still Rust's call.

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: FieldError };

/** A number typed into a box. Empty is "is required" unless `optional` (then null). */
export function parseNumber(
  field: string,
  text: string,
  opts: { whole?: boolean; signed?: boolean; optional?: boolean } = {},
): Parsed<number | null> {
  const t = text.trim();
  if (!t) return opts.optional ? { ok: true, value: null } : { ok: false, error: { field, message: "is required" } };
  if (opts.whole) {
    // Months and counts are unsigned in Rust: a minus sign would not even be read.
    if (!(opts.signed ? /^-?\d+$/ : /^\d+$/).test(t)) return { ok: false, error: { field, message: `'${t}' is not a whole number` } };
    return { ok: true, value: Number(t) };
  }
  const n = Number(t);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) || !Number.isFinite(n)) {
    return { ok: false, error: { field, message: `'${t}' is not a number (use a decimal point: 1.5)` } };
  }
  return { ok: true, value: n };
}

/** A YYYY-MM-DD date: only its shape is checked; Rust says whether the day exists. */
export function parseDay(field: string, text: string): Parsed<string> {
  const t = text.trim();
  if (!t) return { ok: false, error: { field, message: "is required" } };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return { ok: false, error: { field, message: `'${t}' is not a date; use YYYY-MM-DD` } };
  return { ok: true, value: t };
}

/** "A, B,, C" as ["A", "B", "C"]: lists typed comma-separated (skills, jurisdictions). */
export function splitList(text: string): string[] {
  return text.split(",").map((s) => s.trim()).filter(Boolean);
}

/** Empty text as null, as Rust's Option fields expect. */
export function optionalText(text: string): string | null {
  const t = text.trim();
  return t ? t : null;
}

/**
 * The as-of date box the dashboard, coverage and export pages share: Rust's `as_of` errors go
 * in its slot, and `commit` runs when the value is committed (Enter or leaving the box), not
 * per keystroke, since half-typed dates would only flash errors.
 */
export function asOfField(id: string, testid: string, commit: () => void): { input: HTMLInputElement; slot: ErrorSlot } {
  const input = h("input", {
    type: "text",
    id,
    "data-testid": testid,
    "data-field": "as_of",
    placeholder: "Today (YYYY-MM-DD)",
    inputmode: "numeric",
    autocomplete: "off",
    spellcheck: "false",
    class: "date",
  });
  const slot = new ErrorSlot(`${id}-msg`);
  slot.bind("as_of", input);
  input.addEventListener("change", commit);
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") commit();
  });
  return { input, slot };
}
