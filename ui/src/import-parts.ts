// Building blocks of the Import page: what Rust read from each file (and, for a CSV, which
// column fills which field, editable), the table of records a preview found with a checkbox
// for each one that can be added, and the progress of an import. Everything shown comes from
// the files the person chose, so it is all text: a title such as `<img onerror=…>` stays one.

import type { Field, Format, ImportFile, ImportProgress, ImportRow, Mapping } from "./backend";
import { h, replaceChildren } from "./dom";
import { isCertificate, redrawKeepingCaret, type CertificateReview } from "./import-certificate";
import { FIELD_LABELS, hoursText, plural, type KindLabels } from "./format";
import { redraw } from "./kit-state";

/** How each format Rust reads is named on screen. */
export const FORMAT_LABELS: Readonly<Record<Format, string>> = {
  openbadges: "Open Badges",
  clr: "Comprehensive Learner Record",
  linkedin: "LinkedIn export",
  jsonresume: "JSON Resume",
  europass: "Europass credential",
  csv: "CSV",
  archive: "Dossier archive",
  certificate: "Certificate (CME/CE)",
};

/** The draft fields a CSV column can fill, in the form's order. */
export const FIELDS = ["title", "issuer", "kind", "in_progress", "started", "completed", "expires", "hours", "credit_type", "credential_id", "url", "notes", "skills"] as const satisfies readonly Field[];
// A field Rust adds to `Field` and this list leaves out fails to compile here.
const everyField: Exclude<Field, (typeof FIELDS)[number]> extends never ? true : never = true;
void everyField;

/** A field as the column mapping names it: the form's label. */
export function fieldChoice(f: Field): string {
  return f === "in_progress" ? "In progress (status)" : (FIELD_LABELS[f] ?? f);
}

/** "3 to add, 1 already kept, 2 invalid": what a preview found, by what the import would do. */
export function summaryText(rows: readonly ImportRow[]): string {
  if (!rows.length) return "No records found in these files.";
  const count = (p: (r: ImportRow) => boolean) => rows.filter(p).length;
  const kept = count((r) => r.action === "duplicate" && r.matches !== null);
  const repeated = count((r) => r.action === "duplicate" && r.matches === null);
  const invalid = count((r) => r.action === "invalid");
  const parts = [`${count((r) => r.action === "add")} to add`];
  if (kept) parts.push(`${kept} already kept`);
  if (repeated) parts.push(`${repeated} repeated in these files`);
  if (invalid) parts.push(`${invalid} invalid`);
  return parts.join(", ");
}

/** The action column: "Add", "Already kept (#12)", "Repeated", "Invalid". */
export function actionText(r: ImportRow): string {
  if (r.action === "add") return "Add";
  if (r.action === "invalid") return "Invalid";
  return r.matches !== null ? `Already kept (#${r.matches})` : "Repeated";
}

/**
 * What tells a record apart from the others of its files, across two previews of them. A
 * certificate's title may have been corrected in between: the one read from it counts.
 */
export function rowKey(r: ImportRow): string {
  return JSON.stringify([r.source.file, r.location, r.source.id, r.fields.title?.value ?? r.title]);
}

const norm = (header: string) => header.trim().toLowerCase();

/**
 * The CSV files' columns and the field each fills. Rust matches a mapping's headers trimmed
 * and case-insensitively, one mapping for every CSV of the import, so a header is one choice
 * however many files have it.
 */
export class MappingEditor {
  readonly element: HTMLElement;
  private readonly choice = new Map<string, Field | null>();
  private files: ImportFile[] = [];
  private everyFile = false;
  private locked = false;

  constructor(private readonly changed: () => void) {
    this.element = h("div", { class: "import-mappings" });
  }

  /** Takes the mapping Rust used (its guess, or the one sent) for these files. */
  load(files: readonly ImportFile[]): void {
    this.files = files.filter((f) => f.format === "csv");
    this.everyFile = files.length > 0 && this.files.length === files.length;
    this.choice.clear();
    for (const f of this.files) {
      for (const [header, field] of f.mapping?.columns ?? []) if (!this.choice.has(norm(header))) this.choice.set(norm(header), field);
      for (const header of f.headers) if (!this.choice.has(norm(header))) this.choice.set(norm(header), null);
    }
    redraw(this.element, () => this.draw());
  }

  /** Whether every file is a CSV, so the preview can say so rather than detect each (a
   * badge among them must still be read as one). */
  get onlyCsv(): boolean {
    return this.everyFile;
  }

  /** The mapping as chosen, in the files' column order; ignored columns are left out. */
  mapping(): Mapping {
    const columns: [string, Field][] = [];
    const seen = new Set<string>();
    for (const f of this.files) {
      for (const header of f.headers) {
        const field = this.choice.get(norm(header)) ?? null;
        if (seen.has(norm(header))) continue;
        seen.add(norm(header));
        if (field) columns.push([header.trim(), field]);
      }
    }
    return { columns };
  }

  /** No changes while an import runs: its records are the preview's. */
  lock(on: boolean): void {
    this.locked = on;
    for (const s of this.element.querySelectorAll("select")) s.disabled = on;
  }

  private draw(): void {
    replaceChildren(
      this.element,
      this.files.map((f, fi) =>
        h(
          "fieldset",
          { class: "import-mapping", "data-testid": "import-mapping", "data-name": f.name },
          h("legend", {}, `Columns of ${f.name}`),
          h("p", { class: "hint" }, "Which field each column fills. A change reads the file again."),
          h("div", { class: "mapping-grid" }, f.headers.flatMap((header, ci) => this.column(header, `import-map-${fi}-${ci}`))),
        ),
      ),
    );
  }

  private column(header: string, id: string): HTMLElement[] {
    const current = this.choice.get(norm(header)) ?? "";
    const select = h(
      "select",
      { id, "data-testid": "import-map", disabled: this.locked },
      h("option", { value: "" }, "Ignore"),
      FIELDS.map((f) => h("option", { value: f }, fieldChoice(f))),
    );
    select.value = current;
    select.addEventListener("change", () => {
      this.choice.set(norm(header), (select.value || null) as Field | null);
      this.changed();
    });
    return [h("label", { for: id }, header.trim() || "(no name)"), select];
  }
}

const MAX_SKILLS = 3;

function skillsCell(skills: readonly string[]): HTMLElement {
  const chips = h("div", { class: "chips" }, skills.slice(0, MAX_SKILLS).map((s) => h("span", { class: "chip" }, s)));
  if (skills.length > MAX_SKILLS) chips.append(h("span", { class: "chip chip-more", title: skills.slice(MAX_SKILLS).join(", ") }, `+${skills.length - MAX_SKILLS}`));
  return h("td", { class: "col-skills" }, chips);
}

const COLUMNS = ["Action", "Kind", "Title", "Issuer", "Completed", "Expires", "Hours", "Skills"];

/**
 * The records of a preview; the ones to add carry a checkbox, named by their title. Under a
 * certificate's row, the form to correct what was read from it.
 */
export class PlanTable {
  readonly element: HTMLTableElement;
  private boxes: { box: HTMLInputElement; index: number; addable: boolean }[] = [];
  private locked = false;

  constructor(
    private readonly labels: KindLabels,
    private readonly changed: () => void,
    private readonly certificates: CertificateReview,
  ) {
    this.element = h("table", { class: "import-table", "data-testid": "import-table", "aria-describedby": "import-summary" });
  }

  /** Draws `rows`; `checked` says which of the addable ones start ticked. */
  show(rows: readonly ImportRow[], checked: (r: ImportRow) => boolean): void {
    this.boxes = [];
    const head = h(
      "thead",
      {},
      h("tr", {}, h("th", { scope: "col", class: "col-check" }, h("span", { class: "sr-only" }, "Import")), COLUMNS.map((c) => h("th", { scope: "col" }, c))),
    );
    const bodies: HTMLTableSectionElement[] = [];
    let group: string | null | undefined;
    rows.forEach((r, i) => {
      if (!bodies.length || r.group !== group) {
        group = r.group;
        bodies.push(h("tbody", {}, r.group !== null ? h("tr", { class: "import-group" }, h("th", { scope: "rowgroup", colspan: COLUMNS.length + 1 }, r.group)) : null));
      }
      bodies[bodies.length - 1]?.append(...this.row(r, i, checked(r)));
    });
    // Redrawn after each correction is checked: the keyboard and caret stay where they were.
    redrawKeepingCaret(this.element, () => replaceChildren(this.element, h("caption", { class: "sr-only" }, "Records found in the files"), head, bodies));
  }

  private row(r: ImportRow, i: number, checked: boolean): HTMLTableRowElement[] {
    const titleId = `import-title-${i}`;
    const noteId = `import-note-${i}`;
    const cert = isCertificate(r);
    const note = [r.action !== "add" ? r.reason : null, ...r.warnings, ...r.notes].filter((t): t is string => !!t);
    const box = h("input", {
      type: "checkbox",
      id: `import-check-${i}`,
      "data-testid": "import-check",
      "aria-labelledby": titleId,
      "aria-describedby": note.length ? noteId : null,
      disabled: r.action !== "add" || this.locked,
    });
    box.checked = r.action === "add" && checked;
    box.addEventListener("change", () => this.changed());
    this.boxes.push({ box, index: i, addable: r.action === "add" });
    const where = [r.source.file, r.location].filter(Boolean).join(", ");
    const evidence = r.evidence.length ? ` · evidence: ${r.evidence.join(", ")}` : "";
    const row = h(
      "tr",
      { class: `import-row action-${r.action}`, "data-testid": "import-row", "data-index": i, "data-action": r.action },
      h("td", { class: "col-check" }, box),
      h("td", { class: "col-action", "data-testid": "import-action" }, actionText(r)),
      h("td", { class: "col-kind" }, this.labels.label(r.kind)),
      h(
        "th",
        { scope: "row", class: "col-title" },
        h("span", { id: titleId, class: "row-title", "data-testid": "import-title" }, r.title || "(untitled)"),
        h("span", { class: "hint row-source" }, where + evidence),
      ),
      h("td", { class: "col-issuer" }, r.issuer ?? "—"),
      h("td", { class: "col-date" }, r.completed ?? "—"),
      h("td", { class: "col-date" }, r.expires ?? "—"),
      h("td", { class: "col-hours num" }, r.hours !== null ? hoursText(r.hours) : "—"),
      skillsCell(r.skills),
    );
    if (cert) return [row, this.certificates.detail(r, i, COLUMNS.length, noteId, this.locked)];
    if (!note.length) return [row];
    const detail = h(
      "tr",
      { class: `import-note-row action-${r.action}`, "data-testid": "import-note" },
      h("td", {}),
      h("td", { colspan: COLUMNS.length, id: noteId }, note.map((t, n) => h("p", { class: n === 0 && r.action !== "add" ? "import-reason" : "import-unread" }, t))),
    );
    return [row, detail];
  }

  /** Indices (into the preview's records) of the ticked rows. */
  selected(): number[] {
    return this.boxes.filter((b) => b.addable && b.box.checked).map((b) => b.index);
  }

  /** How many rows could be imported, ticked or not. */
  get addable(): number {
    return this.boxes.filter((b) => b.addable).length;
  }

  setAll(on: boolean): void {
    for (const b of this.boxes) if (b.addable) b.box.checked = on;
    this.changed();
  }

  /** No changes while an import runs. */
  lock(on: boolean): void {
    this.locked = on;
    for (const b of this.boxes) b.box.disabled = on || !b.addable;
    for (const input of this.element.querySelectorAll<HTMLInputElement>(".cert-input")) input.disabled = on;
  }
}

type Count = Pick<ImportProgress, "done" | "total">;

/** A bar following `import-progress`: the records an import writes, or pages read; hidden otherwise. */
export class ImportProgressView {
  readonly element: HTMLElement;
  private readonly bar: HTMLProgressElement;

  constructor(label = "Import progress", private readonly unit = "record", testid = "import-progress") {
    // Drawn like the export's bar (export.css).
    this.bar = h("progress", { class: "export-bar", role: "progressbar", "aria-label": label, "aria-valuemin": 0, "data-testid": testid });
    this.element = h("div", { class: "import-progress", hidden: true }, this.bar);
  }

  start(total: number): void {
    this.update({ done: 0, total });
    this.element.hidden = false;
  }

  update(p: Count): void {
    const max = Math.max(p.total, 1);
    const now = Math.min(Math.max(p.done, 0), max);
    this.bar.max = max;
    this.bar.value = now;
    this.bar.setAttribute("aria-valuemax", String(max));
    this.bar.setAttribute("aria-valuenow", String(now));
    this.bar.setAttribute("aria-valuetext", `${now} of ${plural(p.total, this.unit)}`);
  }

  finish(): void {
    this.element.hidden = true;
  }
}

/**
 * What a preview is reading: the files, then, as OCR reads a certificate's scanned pages
 * (about a second each), how far it got. Announced; empty when nothing is being read.
 */
export class ReadingStatus {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private readonly bar = new ImportProgressView("Reading certificate pages", "page", "import-reading-bar");

  constructor() {
    this.text = h("p", { class: "import-reading-text", role: "status", "data-testid": "import-reading" });
    this.element = h("div", { class: "import-reading" }, this.text, this.bar.element);
    // Hidden by its own attribute: WebKitGTK 2.40 (Debian 12) has no `:has()` to hide it by.
    this.element.hidden = true;
  }

  start(files: number): void {
    this.text.textContent = `Reading ${plural(files, "file")}…`;
    this.bar.finish();
    this.element.hidden = false;
  }

  update(p: Count): void {
    this.text.textContent = `Reading certificate pages: ${Math.min(p.done, p.total)} of ${p.total} (OCR)`;
    this.bar.update(p);
    this.bar.element.hidden = false;
    this.element.hidden = false;
  }

  finish(): void {
    this.text.textContent = "";
    this.bar.finish();
    this.element.hidden = true;
  }
}
