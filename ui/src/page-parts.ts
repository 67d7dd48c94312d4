// Shared by the pages beside the credential list (dashboard, skills, field changes,
// requirements, settings): the host they report to, the as-of box, and the few checks
// needed before a typed value can be sent at all.

import type { FieldError } from "./bindings";
import { h } from "./dom";
import { ErrorSlot } from "./form-parts";
import type { Toaster } from "./toast";

export interface PageHost {
  readonly toaster: Toaster;
  /** A backend failure that is not about a field: a toast. */
  report(err: unknown): void;
  /** After a change that can move statuses or cycles: reload the dashboard and the badges. */
  changed(): void;
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
