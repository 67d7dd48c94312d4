// A certificate's record in the Import page's table: the fields Rust read from the PDF or
// photo, each in an input the person can correct, with the text on the certificate it came
// from under it and a marked "Check" where Rust is unsure (with why). What Rust wants looked
// at before saving (made out to someone else, no skill matched) heads the record. The
// corrections are kept here, per record, and sent with the preview and the import as
// `RowEdit`s; Rust validates and matches them again, so the row's action and reason are
// always Rust's. Everything shown comes from the file: it stays text.

import type { CredentialDraft, SkillDraft } from "./bindings";
import type { Extracted, ImportRow, RowEdit } from "./backend";
import { h, type Child } from "./dom";
import { redraw } from "./kit-state";

/** The draft's fields the form edits, in its order. */
export type CertField = "title" | "issuer" | "completed" | "started" | "hours" | "credit_type" | "credential_id" | "skills";

interface Spec {
  readonly key: CertField;
  readonly label: string;
  readonly placeholder?: string;
  /** Shown only when the certificate gave it (or the person typed one). */
  readonly optional?: boolean;
  /** A whole line, or two columns of the grid. */
  readonly size?: "wide" | "half";
  readonly decimal?: boolean;
}

const SPECS: readonly Spec[] = [
  { key: "title", label: "Title", size: "wide" },
  { key: "issuer", label: "Provider", size: "half" },
  { key: "started", label: "Started", placeholder: "YYYY-MM-DD", optional: true },
  { key: "completed", label: "Completed", placeholder: "YYYY-MM-DD" },
  { key: "hours", label: "Hours", placeholder: "e.g. 1.5", decimal: true },
  { key: "credit_type", label: "Credit type", placeholder: "e.g. AMA PRA Category 1" },
  { key: "credential_id", label: "Certificate number", optional: true },
  { key: "skills", label: "Skills", placeholder: "Comma-separated, e.g. Machine learning, Statistics", size: "wide" },
];

export const isCertificate = (r: ImportRow): boolean => r.source.format === "certificate";

/** What a certificate record is across previews of the same files, whatever was corrected. */
function identity(r: ImportRow): string {
  return JSON.stringify([r.source.file, r.location, r.fields.title?.value ?? ""]);
}

/** A field of a draft as the form shows it: skills as a comma list. */
function textOf(d: CredentialDraft, key: CertField): string {
  return key === "skills" ? d.skills.map((s) => s.name).join(", ") : d[key];
}

/** "A, b; C" as skills, each keeping the relevance it had (matched case-insensitively). */
export function parseSkills(text: string, before: readonly SkillDraft[]): SkillDraft[] {
  const out: SkillDraft[] = [];
  for (const raw of text.split(/[,;]/)) {
    const name = raw.trim();
    if (!name || out.some((s) => s.name.toLowerCase() === name.toLowerCase())) continue;
    out.push({ name, relevance: before.find((s) => s.name.toLowerCase() === name.toLowerCase())?.relevance ?? "" });
  }
  return out;
}

const same = (a: CredentialDraft, b: CredentialDraft) => JSON.stringify(a) === JSON.stringify(b);

interface Entry {
  readonly id: string;
  /** The draft as the file gave it. */
  readonly base: CredentialDraft;
  draft: CredentialDraft;
  /** What is in each input, as typed ("A, " while a skill is being added). */
  readonly texts: Partial<Record<CertField, string>>;
}

/** The person's corrections, by the record's index in the preview. */
export class CertificateEdits {
  private readonly entries = new Map<number, Entry>();

  /** The records changed from what their files gave, as the commands take them. */
  list(): RowEdit[] {
    return [...this.entries]
      .filter(([, e]) => !same(e.draft, e.base))
      .sort(([a], [b]) => a - b)
      .map(([index, e]) => ({ index, draft: e.draft }));
  }

  clear(): void {
    this.entries.clear();
  }

  /** Forgets the corrections of records that are no longer at their index; true when any went. */
  reconcile(rows: readonly ImportRow[]): boolean {
    let dropped = false;
    for (const [i, e] of this.entries) {
      const r = rows[i];
      if (r && isCertificate(r) && identity(r) === e.id) continue;
      this.entries.delete(i);
      dropped = true;
    }
    return dropped;
  }

  /** The record as it would be saved: corrected, or as the preview has it. */
  draftOf(i: number, r: ImportRow): CredentialDraft {
    return this.entries.get(i)?.draft ?? r.draft;
  }

  text(i: number, r: ImportRow, key: CertField): string {
    return this.entries.get(i)?.texts[key] ?? textOf(this.draftOf(i, r), key);
  }

  /** Whether the person changed this field from what the file gave. */
  changed(i: number, key: CertField): boolean {
    const e = this.entries.get(i);
    return !!e && textOf(e.draft, key) !== textOf(e.base, key);
  }

  /** Whether the person typed in this field at all (it stays shown when emptied). */
  touched(i: number, key: CertField): boolean {
    return this.entries.get(i)?.texts[key] !== undefined;
  }

  /** The person typed `text` into `key` of record `i`. */
  set(i: number, r: ImportRow, key: CertField, text: string): void {
    let e = this.entries.get(i);
    if (!e) {
      // No correction of it was sent yet, so the preview's draft is the file's.
      e = { id: identity(r), base: structuredClone(r.draft), draft: structuredClone(r.draft), texts: {} };
      this.entries.set(i, e);
    }
    e.texts[key] = text;
    e.draft = key === "skills" ? { ...e.draft, skills: parseSkills(text, e.base.skills) } : { ...e.draft, [key]: text };
  }
}

/** The draft fields a reason names ("page 1: completed: …; hours: …", "skills[0].name: …"). */
export function namedFields(reason: string | null): Set<string> {
  const out = new Set<string>();
  for (const m of (reason ?? "").matchAll(/(?:^|[;:]\s*)([a-z_]+)(?:\[\d+\](?:\.\w+)?)?: /g)) if (m[1]) out.add(m[1]);
  return out;
}

/**
 * Draws the correction forms of a preview's certificate records and tells the page when the
 * person changed one; the corrections live in `edits`.
 */
export class CertificateReview {
  readonly edits = new CertificateEdits();

  constructor(private readonly edited: () => void) {}

  /**
   * The line under a certificate's row: what to check and why it cannot be added (its
   * element `noteId` describes the row's checkbox), then the form.
   */
  detail(r: ImportRow, i: number, cols: number, noteId: string, locked: boolean): HTMLTableRowElement {
    const reasonId = `${noteId}-reason`;
    const messages: Child[] = [];
    if (r.action !== "add" && r.reason) {
      messages.push(h("p", { id: reasonId, class: r.action === "invalid" ? "cert-reason error" : "cert-reason", "data-testid": "import-reason" }, r.action === "invalid" ? `Cannot be saved: ${r.reason}` : r.reason));
    }
    for (const w of r.warnings) messages.push(h("p", { class: "cert-warning", "data-testid": "import-warning" }, h("strong", {}, "Check before saving: "), w));
    for (const n of r.notes) messages.push(h("p", { class: "import-unread" }, n));
    const bad = r.action === "invalid" ? namedFields(r.reason) : new Set<string>();
    const participant = r.fields.participant;
    return h(
      "tr",
      { class: `import-cert-row action-${r.action}`, "data-testid": "import-cert", "data-index": i },
      h("td", {}),
      h(
        "td",
        { colspan: cols },
        messages.length ? h("div", { id: noteId, class: "cert-messages", "data-testid": "import-note" }, messages) : null,
        participant ? this.participant(participant, `${noteId}-who`) : null,
        h(
          "fieldset",
          { class: "cert-form" },
          h("legend", { class: "sr-only" }, `Fields read from ${r.source.file}${r.location ? `, ${r.location}` : ""}`),
          h("div", { class: "cert-grid" }, SPECS.filter((s) => this.shows(r, i, s)).map((s) => this.field(r, i, s, locked, bad.has(s.key) ? reasonId : null))),
        ),
      ),
    );
  }

  private participant(p: Extracted, id: string): HTMLElement {
    return h(
      "p",
      { class: "cert-participant", id },
      "Made out to ",
      h("strong", {}, p.value || "(no name)"),
      p.snippet ? h("span", { class: "cert-from" }, ` · from: “${p.snippet}”`) : null,
    );
  }

  private shows(r: ImportRow, i: number, s: Spec): boolean {
    return !s.optional || !!r.fields[s.key] || !!this.edits.text(i, r, s.key) || this.edits.touched(i, s.key);
  }

  private field(r: ImportRow, i: number, s: Spec, locked: boolean, reasonId: string | null): HTMLElement {
    const id = `import-cert-${i}-${s.key}`;
    const read = r.fields[s.key];
    const changed = this.edits.changed(i, s.key);
    const low = read?.confidence === "low";
    const badge = changed
      ? h("span", { class: "cert-badge cert-badge-edited", id: `${id}-badge` }, "Edited")
      : low
        ? h("span", { class: "cert-badge cert-badge-low", id: `${id}-badge`, "data-testid": "cert-low" }, "Check")
        : null;
    const from = read?.snippet
      ? h("p", { class: "cert-from", id: `${id}-from`, "data-testid": "cert-snippet" }, `from: “${read.snippet}”`)
      : h("p", { class: "cert-from cert-none", id: `${id}-from` }, read ? "not read from the certificate's text" : "not found on the certificate");
    const note = read?.note ? h("p", { class: low ? "cert-note cert-note-low" : "cert-note", id: `${id}-note`, "data-testid": "cert-note" }, low ? `Low confidence: ${read.note}` : read.note) : null;
    const input = h("input", {
      type: "text",
      id,
      class: "cert-input",
      autocomplete: "off",
      spellcheck: s.key === "title" ? "true" : "false",
      placeholder: s.placeholder ?? null,
      inputmode: s.decimal ? "decimal" : null,
      "data-testid": `cert-${s.key}`,
      "data-field": s.key,
      "aria-invalid": reasonId ? "true" : null,
      "aria-describedby": [badge?.id, from.id, note?.id, reasonId].filter(Boolean).join(" "),
      disabled: locked,
    });
    input.value = this.edits.text(i, r, s.key);
    input.addEventListener("input", () => {
      this.edits.set(i, r, s.key, input.value);
      this.edited();
    });
    return h(
      "div",
      { class: `cert-field${s.size ? ` cert-${s.size}` : ""}${low && !changed ? " cert-low" : ""}`, "data-field": s.key },
      h("div", { class: "cert-label" }, h("label", { for: id }, s.label), badge),
      input,
      from,
      note,
    );
  }
}

/** `redraw`, keeping the caret where it was in the input being typed in. */
export function redrawKeepingCaret(root: HTMLElement, draw: () => void): void {
  const a = document.activeElement;
  const caret = a instanceof HTMLInputElement && a.type === "text" && root.contains(a) ? { id: a.id, start: a.selectionStart, end: a.selectionEnd } : null;
  redraw(root, draw);
  const b = document.activeElement;
  if (caret && caret.start !== null && b instanceof HTMLInputElement && b.id === caret.id) b.setSelectionRange(caret.start, caret.end ?? caret.start);
}
