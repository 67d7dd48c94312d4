// Forms that save through Rust: Rust's validation messages go under the field they name (the
// rest in the form's summary), the keyboard goes to the first field in error, and the save
// button cannot send twice. Every form that saves goes through `submitForm`.

import type { FieldError } from "./bindings";
import { toBackendError } from "./backend";
import { h } from "./dom";
import { ErrorSlot, type Control } from "./form-parts";
import { fieldMessage } from "./format";
import { attempt, type Report } from "./kit-async";

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
      ...orphans.map((e) => h("p", { class: "error", "data-testid": `error-${e.field}` }, fieldMessage(e))),
    );
  }

  clear(): void {
    this.show([]);
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

/** What a form has gathered: the value to send, or why it cannot be sent as typed. */
export type Collected<V> = { value: V } | { errors: FieldError[] };

export interface SaveForm<V, R> {
  /** Where the first field marked invalid is looked for. */
  root: ParentNode;
  button: HTMLButtonElement;
  collect(): Collected<V>;
  send(value: V): Promise<R>;
  /** Places messages under their fields; `message` is a problem that names no field. */
  show(errors: readonly FieldError[], message: string): void;
  saved(result: R): void;
  /** Failures that are not about what was typed (a locked file, a full disk). */
  report: Report;
  /** Told when sending starts and ends (for state beyond the button, such as aria-busy). */
  busy?(on: boolean): void;
}

/** Collects, sends and places the outcome; true when it saved. What was typed always stays. */
export async function submitForm<V, R>(f: SaveForm<V, R>): Promise<boolean> {
  const collected = f.collect();
  if ("errors" in collected) {
    f.show(collected.errors, "");
    focusFirstInvalid(f.root);
    return false;
  }
  const refused = (err: unknown): void => {
    const problem = saveProblem(err);
    if (!problem) return f.report(err);
    f.show(problem.fields, problem.message);
    focusFirstInvalid(f.root);
  };
  f.busy?.(true);
  let sent = false;
  const result = await attempt(refused, async () => {
    const r = await f.send(collected.value);
    sent = true;
    return r;
  }, { busy: f.button });
  f.busy?.(false);
  if (sent) f.saved(result as R);
  return sent;
}

function focusFirstInvalid(root: ParentNode): void {
  root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
