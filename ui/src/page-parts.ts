// Shared by the pages in the registry (page-registry.ts): what they are built with, the
// as-of box, and the few checks needed before a typed value can be sent at all.

import { h } from "./dom";
import type { RecordFormView } from "./form";
import { ErrorSlot } from "./form-parts";
import type { KindLabels } from "./format";
import type { State } from "./kit-state";
import type { SharedState } from "./shared-state";
import type { Toaster } from "./toast";

export interface PageHost {
  readonly toaster: Toaster;
  /** A backend failure that is not about a field: a toast. */
  report(err: unknown): void;
  /** After a change that can move statuses or cycles: reload the dashboard and the badges. */
  changed(): void;
}

/** What every page in the registry is built with. */
export interface PageContext extends PageHost {
  /** The as-of date and the dashboard for it. */
  readonly shared: SharedState;
  readonly labels: KindLabels;
  /** The credential list with its toolbar: the app builds and drives it. */
  readonly credentials: HTMLElement;
  /** The renew dialog for a credential. */
  renew(credentialId: number): void;
  /** A new CE activity prefilled with these skills. */
  logActivity(skills: string[]): void;
  /** A record in the Credentials page's detail panel. */
  openCredential(id: number): void;
  /** The whole database was replaced (a backup restored): the list and every page reload. */
  reloadAll(): Promise<void>;
  /** The record form open over the window, if any: files dropped meanwhile may be for it. */
  recordForm(): RecordFormView | null;
}

// ---- Before sending ----
// Numbers and dates go to Rust as typed (the drafts); it reads them and names the field it
// refuses. Lists typed comma-separated are split here, as a list is what the draft holds.

/** "A, B,, C" as ["A", "B", "C"]: lists typed comma-separated (skills, jurisdictions). */
export function splitList(text: string): string[] {
  return text.split(",").map((s) => s.trim()).filter(Boolean);
}

/** An as-of date box and the place for Rust's message about it. */
export interface AsOfBox {
  readonly input: HTMLInputElement;
  readonly slot: ErrorSlot;
}

/**
 * The as-of date box the dashboard, coverage and export pages each show: Rust's `as_of`
 * errors go in its slot, and `commit` gets the value (null when empty: today) when it is
 * committed (Enter or leaving the box), not per keystroke, since half-typed dates would only
 * flash errors.
 */
export function asOfField(id: string, testid: string, commit: (value: string | null) => void): AsOfBox {
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
  const send = (): void => commit(input.value.trim() || null);
  input.addEventListener("change", send);
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") send();
  });
  return { input, slot };
}

/**
 * Keeps a box on the shared date: a date set on any page shows in it, without the message
 * about the date before, and `then` follows (the page reloads if it is showing).
 */
export function followAsOf(asOf: State<string | null>, box: AsOfBox, then: () => void = () => {}): void {
  asOf.subscribe((value) => {
    box.input.value = value ?? "";
    box.slot.show([]);
    then();
  });
}

/** The box with its label, as it stands in a page's header. */
export function asOfGroup(box: AsOfBox): HTMLElement {
  return h("div", { class: "as-of" }, h("label", { for: box.input.id }, "As of"), box.input, box.slot.element);
}
