// The Import page: files (dropped anywhere on the window, or picked) are previewed first:
// what each holds, what Rust would add, what it already keeps and what it cannot read, and
// why. Only the records ticked are then written, in one transaction Rust refuses when the
// files changed since the preview; an Undo takes the whole import back out. Rust reads,
// validates and matches everything; this page shows what comes back and sends the choice.
// A certificate's fields can be corrected in the preview (import-certificate.ts): each
// correction is checked by a new preview shortly after the typing stops, so the row shows
// Rust's verdict on it, and the import sends the corrections with the choice.
// Files dropped while the record form is open are for it: a new record's form gives way to
// the preview (asking first if something was typed), an existing record's attaches them.

import type { FileDrag, ImportOptions, ImportPlan, ImportProgress } from "./backend";
import * as backend from "./backend";
import { debounce, h, icon, replaceChildren } from "./dom";
import { plural } from "./format";
import { CertificateReview, isCertificate } from "./import-certificate";
import { FORMAT_LABELS, ImportProgressView, MappingEditor, PlanTable, ReadingStatus, rowKey, summaryText } from "./import-parts";
import { attempt, Latest } from "./kit-async";
import type { RecordFormView } from "./form";
import { confirmAction } from "./kit-dialog";
import type { Page, PageFrame } from "./kit-page";
import { Undo } from "./kit-undo";
import type { PageContext } from "./page-parts";

/** What the preview showing was made from: an import must send the same. */
interface Previewed {
  readonly paths: readonly string[];
  readonly options: ImportOptions;
  readonly plan: ImportPlan;
}

/** How the files are read; the corrections are added when a preview is asked for. */
type ReadOptions = Omit<ImportOptions, "edits">;

const DETECT: ReadOptions = { format: null, mapping: null, passphrase: null };
/** How long after the last keystroke a correction is checked. */
export const RECHECK_MS = 500;

const sameEdits = (a: ImportOptions["edits"], b: ImportOptions["edits"]) => JSON.stringify(a) === JSON.stringify(b);

export class ImportPage implements Page {
  readonly element: HTMLElement;
  readonly head: readonly HTMLElement[];
  /** The window's drag-and-drop subscription (nothing outside Tauri). */
  readonly listening: Promise<() => void>;
  private readonly mapping: MappingEditor;
  private readonly table: PlanTable;
  private readonly zone: HTMLElement;
  private readonly pickBtn: HTMLButtonElement;
  private readonly card: HTMLElement;
  private readonly files: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly allBtn: HTMLButtonElement;
  private readonly noneBtn: HTMLButtonElement;
  private readonly runBtn: HTMLButtonElement;
  private readonly progress = new ImportProgressView();
  private readonly reading = new ReadingStatus();
  private readonly review: CertificateReview;
  /** Checks the corrections once the typing stops. */
  private readonly recheck = debounce(() => void this.refreshPreview(true), RECHECK_MS);
  private readonly status: HTMLElement;
  private readonly result: HTMLElement;
  private readonly problem: HTMLElement;
  private readonly latest = new Latest();
  private readonly undo: Undo;
  private paths: readonly string[] = [];
  private options: ReadOptions = DETECT;
  private current: Previewed | null = null;
  /** Addable records the person unticked, kept across previews of the same files. */
  private readonly unticked = new Set<string>();
  private previewing = false;
  /** The preview running only checks corrections: the table stays usable meanwhile. */
  private checking = false;
  /** Import was pressed and waits for the corrections' check. */
  private starting = false;
  private running = false;

  constructor(private readonly host: PageContext, private readonly frame: PageFrame) {
    this.undo = new Undo(host.toaster, host.report);
    this.mapping = new MappingEditor(() => this.mappingChanged());
    this.review = new CertificateReview(() => this.corrected());
    this.table = new PlanTable(host.labels, () => this.selectionChanged(), this.review);
    this.pickBtn = h("button", { type: "button", class: "btn btn-primary", "data-testid": "import-pick" }, "Pick files…");
    this.pickBtn.addEventListener("click", () => void this.pick());
    this.zone = h(
      "section",
      { class: "card import-drop", "data-testid": "import-drop", "aria-labelledby": "import-drop-title" },
      icon("file", "icon import-drop-icon"),
      h("p", { id: "import-drop-title", class: "import-drop-text" }, "Drop badges, exports or CME certificates (PDF, photo) here"),
      h(
        "p",
        { class: "hint" },
        "Open Badges, LinkedIn, JSON Resume, Europass, CSV, Dossier archives, and certificates as PDF, PNG or JPEG. Anywhere on the window will do, on any page; nothing is added until you choose Import.",
      ),
      this.pickBtn,
    );
    this.problem = h("div", { class: "import-problem", role: "alert", "data-testid": "import-error" });
    this.files = h("ul", { class: "import-files", "aria-label": "Files read" });
    this.summary = h("p", { class: "import-summary", id: "import-summary", "data-testid": "import-summary" });
    this.allBtn = h("button", { type: "button", class: "btn btn-small", "data-testid": "import-all" }, "Select all");
    this.noneBtn = h("button", { type: "button", class: "btn btn-small", "data-testid": "import-none" }, "Select none");
    this.allBtn.addEventListener("click", () => this.table.setAll(true));
    this.noneBtn.addEventListener("click", () => this.table.setAll(false));
    this.runBtn = h("button", { type: "button", class: "btn btn-primary import-run", "data-testid": "import-run", disabled: true }, "Import");
    this.runBtn.addEventListener("click", () => void this.run());
    this.status = h("p", { class: "import-status", role: "status", "data-testid": "import-status" });
    this.result = h("p", { class: "import-result", role: "status", "data-testid": "import-result" });
    this.card = h(
      "section",
      { class: "card import-preview", "aria-labelledby": "import-preview-title", "aria-busy": "false", hidden: true },
      h("h3", { id: "import-preview-title" }, "Preview"),
      this.files,
      this.mapping.element,
      h("div", { class: "import-tools" }, this.summary, h("span", { class: "spacer" }), this.allBtn, this.noneBtn),
      h("div", { class: "import-scroll" }, this.table.element),
      h("div", { class: "import-actions" }, this.runBtn, this.progress.element, this.status),
    );
    this.head = [h("p", { class: "muted page-intro" }, "Records from the badges and exports you already have. Each file is previewed first; only what you tick is added.")];
    this.element = h("div", { class: "page-body import-layout" }, this.zone, this.reading.element, this.problem, this.result, this.card);
    this.listening = backend.onFileDrag((d) => this.dragged(d));
  }

  /** Back on the page: the records may have changed meanwhile, so what is a duplicate may too. */
  show(): void {
    void this.again();
  }

  hide(): void {
    this.zone.classList.remove("over");
  }

  recordsChanged(): Promise<void> {
    return this.again();
  }

  /** The preview showing (null before one, or after it failed). */
  get plan(): ImportPlan | null {
    return this.current?.plan ?? null;
  }

  /** Previews `paths` afresh: detected formats, guessed mappings, every addable record ticked. */
  open(paths: readonly string[]): Promise<void> {
    this.take(paths);
    return this.refreshPreview();
  }

  /** The native file dialog; its files replace the ones previewed. */
  async pick(): Promise<void> {
    const paths = await attempt((err) => this.showProblem(err, "pick_import_files"), backend.pickImportFiles, { busy: this.pickBtn });
    if (paths?.length && (await this.mayReplace())) await this.open(paths);
  }

  private take(paths: readonly string[]): void {
    this.paths = [...paths];
    this.options = DETECT;
    this.unticked.clear();
    this.review.edits.clear();
    this.recheck.cancel();
    this.result.textContent = "";
  }

  /** Other files replace the preview: corrections not imported yet are lost only if the person says so. */
  private mayReplace(): Promise<boolean> {
    const n = this.review.edits.list().length;
    if (!n) return Promise.resolve(true);
    return confirmAction({
      title: "Read other files?",
      body: [`Your corrections to ${plural(n, "record")} of this preview have not been imported. Reading other files discards them.`],
      action: "Discard and read",
      testid: "import-replace",
      confirmTestid: "import-replace-confirm",
    });
  }

  /** Files dragged over the window; dropped ones go to the preview, on this page, or to the record form open. */
  private dragged(d: FileDrag): void {
    this.zone.classList.toggle("over", d.type === "over");
    if (d.type !== "drop" || !d.paths.length) return;
    if (this.running) return this.say("An import is running: drop the files again once it is done.");
    const open = [...document.querySelectorAll("dialog[open]")];
    const form = this.host.recordForm();
    if (form?.modal.isOpen && open.every((el) => el === form.modal.dialog)) return void this.droppedOnForm(form, d.paths);
    // Any other dialog over the window has the person's attention (and maybe their typing).
    if (open.length) return this.say("Close the dialog first, then drop the files again.");
    void this.dropped(d.paths);
  }

  /**
   * Files dropped on the record form: an existing record's form attaches them as its evidence
   * (a scan dropped on the record it belongs to); a new record's form gives way to the review
   * here, after asking when something was typed into it.
   */
  private async droppedOnForm(form: RecordFormView, paths: readonly string[]): Promise<void> {
    if (form.busy) return this.say("The record is being saved: drop the files again once it is done.");
    if (form.id !== null) {
      const n = form.attachFiles(paths);
      return this.say(n ? `Attached ${plural(n, "file")}; ${n === 1 ? "it is" : "they are"} copied into your library when you save.` : "These files are attached already.");
    }
    if (form.isDirty() && !(await this.mayDiscardForm())) return;
    await this.dropped(paths, () => form.close());
  }

  private say(text: string): void {
    this.host.toaster.show(text);
  }

  private mayDiscardForm(): Promise<boolean> {
    return confirmAction({
      title: "Read the dropped files on the Import page?",
      body: ["What you typed in this form is discarded."],
      action: "Discard and read",
      testid: "form-drop",
      confirmTestid: "form-drop-confirm",
    });
  }

  /** `before` runs once the files are sure to be read (closing the form they were dropped on). */
  private async dropped(paths: readonly string[], before = (): void => {}): Promise<void> {
    if (!(await this.mayReplace())) return;
    before();
    this.take(paths);
    // Arriving on the page previews them (see show); here already, preview at once.
    if (this.frame.showing()) void this.refreshPreview();
    else this.frame.reveal();
  }

  private again(): Promise<void> {
    return this.paths.length && !this.running ? this.refreshPreview() : Promise.resolve();
  }

  private mappingChanged(): void {
    this.options = { format: this.mapping.onlyCsv ? "csv" : null, mapping: this.mapping.mapping(), passphrase: null };
    void this.refreshPreview();
  }

  /** A certificate's field was changed: Rust checks the corrections once the typing stops. */
  private corrected(): void {
    if (this.current && sameEdits(this.review.edits.list(), this.current.options.edits)) {
      this.recheck.cancel(); // back to what the preview showing was made with
      this.status.textContent = "";
      return;
    }
    this.status.textContent = "Corrections are checked when you stop typing…";
    this.recheck();
  }

  /** Whether corrections were made since the preview showing. */
  private get unchecked(): boolean {
    return this.current !== null && !sameEdits(this.review.edits.list(), this.current.options.edits);
  }

  /**
   * Reads the files again with the options chosen and the corrections made; answers to
   * superseded requests are dropped. `check`: only corrections changed, so the table stays.
   */
  async refreshPreview(check = false): Promise<void> {
    this.recheck.cancel();
    const paths = this.paths;
    const options: ImportOptions = { ...this.options, edits: this.review.edits.list() };
    this.loading(true, check);
    const latest = await this.latest.run(
      () => this.preview(paths, options),
      (plan) => this.showPlan({ paths, options, plan }),
      (err) => this.previewFailed(err),
    );
    if (latest) this.loading(false, check);
  }

  /** A preview, following the pages OCR reads meanwhile. */
  private async preview(paths: readonly string[], options: ImportOptions): Promise<ImportPlan> {
    const unlisten = await backend.onImportProgress((e) => this.progressed(e)).catch(() => () => {});
    try {
      return await backend.previewImport([...paths], options);
    } finally {
      unlisten();
    }
  }

  /** Pages read go to the reading line; records written to the import's bar. */
  private progressed(e: ImportProgress): void {
    if (e.stage === "reading") this.reading.update(e);
    else if (this.running) this.progress.update(e);
  }

  private loading(on: boolean, check: boolean): void {
    this.previewing = on;
    this.checking = on && check;
    this.card.setAttribute("aria-busy", on ? "true" : "false");
    this.card.classList.toggle("loading", on && !check);
    if (on && !check) this.reading.start(this.paths.length);
    if (!on) this.reading.finish();
    if (check) this.status.textContent = on ? "Checking your corrections…" : this.plan ? `Corrections checked: ${summaryText(this.plan.records)}.` : "";
    else if (!this.running) this.status.textContent = "";
    this.updateRun();
  }

  private showPlan(p: Previewed): void {
    // Files changed on disk since the corrections were made: they belonged to other records.
    if (this.review.edits.reconcile(p.plan.records) && p.options.edits.length) {
      this.host.toaster.show("The files changed: your corrections were set aside.");
      void this.refreshPreview();
    }
    this.current = p;
    replaceChildren(this.problem);
    const { plan } = p;
    replaceChildren(
      this.files,
      plan.files.map((f) =>
        h(
          "li",
          { class: "import-file", "data-testid": "import-file" },
          h("span", { class: "import-file-name" }, f.name),
          h("span", { class: "hint" }, ` · ${FORMAT_LABELS[f.format]} · ${plural(plan.records.filter((r) => r.source.file === f.name).length, "record")}`),
        ),
      ),
    );
    this.mapping.load(plan.files);
    this.table.show(plan.records, (r) => !this.unticked.has(rowKey(r)));
    this.summary.textContent = summaryText(plan.records);
    this.card.hidden = false;
    // Forms under the rows: the page scrolls (with Import kept in view), not a box within it.
    this.card.classList.toggle("with-forms", plan.records.some(isCertificate));
    this.zone.classList.add("compact");
    this.updateRun();
  }

  /**
   * A file Rust cannot read at all (validation), a vanished one (io): nothing to import. After
   * a change of columns the columns stay, so the choice that broke it can be changed back.
   */
  private previewFailed(err: unknown): void {
    this.current = null;
    this.showProblem(err, "preview_import");
    const keepColumns = this.options.mapping !== null;
    if (keepColumns) {
      this.table.show([], () => false);
      this.summary.textContent = "";
    }
    this.card.hidden = !keepColumns;
    this.zone.classList.toggle("compact", keepColumns);
    this.updateRun();
  }

  /** Rust's message in the alert; files changed since the preview get "Preview again". */
  private showProblem(err: unknown, command: string): void {
    const e = backend.toBackendError(command, err);
    let again: HTMLButtonElement | null = null;
    if (e.kind === "conflict" && this.paths.length) {
      again = h("button", { type: "button", class: "btn btn-small", "data-testid": "import-again" }, "Preview again");
      again.addEventListener("click", () => void this.refreshPreview());
    }
    const lead = e.kind === "validation" ? "These files cannot be imported: " : "";
    replaceChildren(this.problem, h("p", { class: "error" }, lead + e.message), again);
  }

  private selectionChanged(): void {
    const plan = this.plan;
    if (!plan) return;
    const on = new Set(this.table.selected());
    plan.records.forEach((r, i) => {
      if (r.action !== "add") return;
      if (on.has(i)) this.unticked.delete(rowKey(r));
      else this.unticked.add(rowKey(r));
    });
    this.updateRun();
  }

  private updateRun(): void {
    const n = this.plan ? this.table.selected().length : 0;
    this.runBtn.textContent = n ? `Import ${plural(n, "record")}` : "Import";
    // Checking corrections leaves Import pressable (the keyboard may be on it); it waits.
    this.runBtn.disabled = this.running || (this.previewing && !this.checking) || n === 0;
    const none = this.running || !this.plan || this.table.addable === 0;
    this.allBtn.disabled = none;
    this.noneBtn.disabled = none;
  }

  private setRunning(on: boolean, total = 0): void {
    this.running = on;
    this.runBtn.classList.toggle("busy", on);
    this.pickBtn.disabled = on;
    this.mapping.lock(on);
    this.table.lock(on);
    if (on) this.progress.start(total);
    else this.progress.finish();
    this.status.textContent = on ? `Importing ${plural(total, "record")}…` : "";
    this.updateRun();
  }

  /**
   * Writes the ticked records of the preview showing, as it was read and corrected; Undo
   * takes them out. Corrections not checked yet are checked first: a ticked record they made
   * invalid is still sent, so Rust refuses the import naming it rather than leaving it out.
   */
  async run(): Promise<void> {
    const ticked = this.table.selected();
    if (this.running || this.starting || (this.previewing && !this.checking) || !this.current || !ticked.length) return;
    if (this.unchecked || this.checking) {
      this.starting = true; // a second press meanwhile is the same import
      await this.refreshPreview(true).finally(() => (this.starting = false));
    }
    const p = this.current;
    if (this.running || !p) return;
    const selected = [...new Set([...ticked, ...this.table.selected()])].filter((i) => i < p.plan.records.length).sort((a, b) => a - b);
    if (!selected.length) return;
    replaceChildren(this.problem);
    this.result.textContent = "";
    this.setRunning(true, selected.length);
    const done = await attempt(
      (err) => this.showProblem(err, "run_import"),
      async () => {
        const unlisten = await backend.onImportProgress((e) => this.progressed(e));
        try {
          return await backend.runImport([...p.paths], p.options, selected, p.plan.digest);
        } finally {
          unlisten(); // done or failed, the bar stops following events
        }
      },
    );
    this.setRunning(false);
    if (done) await this.imported(done);
  }

  private async imported(plan: ImportPlan): Promise<void> {
    const text = `Imported ${plural(plan.added, "record")}.`;
    this.result.textContent = text;
    if (!plan.ids.length) return;
    await this.undo.remove<ImportPlan>({
      remove: () => Promise.resolve(plan),
      restore: (p) => backend.undoImport(p.ids),
      removedText: () => text,
      restoredText: (p) => `Undid the import: ${plural(p.ids.length, "record")} removed.`,
      // The list, the dashboard and this preview (now saying "Already kept") follow.
      afterRemove: () => this.host.reloadAll(),
      afterRestore: async (p, undone) => {
        if (undone) this.result.textContent = `Undid the import of ${plural(p.ids.length, "record")}.`;
        await this.host.reloadAll();
      },
    });
  }

  dispose(): void {
    this.recheck.cancel();
    this.undo.dismiss();
    void this.listening.then((stop) => stop());
  }
}
