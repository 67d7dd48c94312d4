// The Export page: the portfolio as a PDF report. The profile printed on it, which sections
// to include and as of which day, a preview of the first page as Rust typesets it, and the
// export itself with its progress. Rust draws, counts and writes everything; this page only
// collects the options and shows what comes back.

import type { Sections } from "./bindings";
import * as backend from "./backend";
import { debounce, h } from "./dom";
import { DataExportSection } from "./data-export-section";
import { DEFAULT_SECTIONS, ExportProgress, PreviewView, SECTIONS, type SectionName } from "./export-parts";
import { attempt, Latest } from "./kit-async";
import type { Page, PageFrame } from "./kit-page";
import { asOfField, followAsOf, type AsOfBox, type PageContext } from "./page-parts";
import { ProfileCard } from "./profile-card";

/** How long options must stay unchanged before the preview is typeset again. */
export const PREVIEW_DELAY_MS = 400;


export class ExportPage implements Page {
  readonly element: HTMLElement;
  readonly head: readonly HTMLElement[];
  readonly profile: ProfileCard;
  readonly asOfBox: AsOfBox;
  readonly preview = new PreviewView();
  readonly progress = new ExportProgress();
  readonly data: DataExportSection;
  private readonly checks = new Map<SectionName, HTMLInputElement>();
  private readonly exportBtn: HTMLButtonElement;
  private readonly schedule = debounce(() => void this.previewIfChanged(), PREVIEW_DELAY_MS);
  private readonly latest = new Latest();
  /** The options of the latest preview request, and whether its answer is still to come. */
  private requested = "";
  private waiting = false;
  private exporting = false;

  constructor(private readonly host: PageContext, frame: PageFrame) {
    this.profile = new ProfileCard(host, () => void this.refresh(false));
    const shared = host.shared.asOf;
    // A committed date is everyone's; one that did not change still settles the preview.
    this.asOfBox = asOfField("export-as-of", "export-as-of", (value) => (value === shared.value ? this.optionsChanged(true) : shared.set(value)));
    followAsOf(shared, this.asOfBox, () => {
      if (frame.showing()) this.optionsChanged(true);
    });
    // While typing, only a date typed to its full length (or none) is worth a preview; Rust
    // reads it, and leaving the box or Enter sends whatever is there so Rust can say what is
    // wrong with it.
    this.asOfBox.input.addEventListener("input", () => {
      const v = this.asOfBox.input.value.trim();
      if (v === "" || v.length === "YYYY-MM-DD".length) this.schedule();
    });
    const boxes = SECTIONS.map(([name, label, hint]) => {
      const id = `export-option-${name}`;
      const input = h("input", { type: "checkbox", id, name, "data-testid": id, "data-field": name });
      input.checked = DEFAULT_SECTIONS[name];
      input.addEventListener("change", () => this.optionsChanged());
      this.checks.set(name, input);
      return h(
        "li",
        { class: `export-option${name === "statuses" ? " sub" : ""}` },
        input,
        h("label", { for: id }, h("span", { class: "option-label" }, label), h("span", { class: "hint" }, hint)),
      );
    });
    this.exportBtn = h("button", { type: "button", class: "btn btn-primary export-btn", "data-testid": "export-pdf" }, "Export PDF…");
    this.exportBtn.addEventListener("click", () => void this.exportPdf());
    const options = h(
      "section",
      { class: "card export-options", "aria-labelledby": "export-options-title" },
      h("h3", { id: "export-options-title" }, "Report"),
      h(
        "div",
        { class: "field export-as-of", "data-field": "as_of" },
        h("label", { for: "export-as-of" }, "As of"),
        this.asOfBox.input,
        h("span", { class: "hint" }, "Statuses, hours and coverage as they stood on this day. Empty means today."),
        this.asOfBox.slot.element,
      ),
      h("fieldset", { class: "export-sections" }, h("legend", {}, "Sections"), h("ul", { class: "export-option-list" }, boxes)),
      h("div", { class: "export-actions" }, this.exportBtn, this.progress.element),
    );
    this.head = [h("p", { class: "muted page-intro" }, "Your portfolio as a PDF report, to send with an application or keep for an audit.")];
    this.data = new DataExportSection(host);
    this.element = h(
      "div",
      { class: "export-page" },
      h("div", { class: "export-layout" }, h("div", { class: "export-side" }, options, this.profile.element), this.preview.element),
      this.data.element,
    );
  }

  show(): void {
    void this.refresh();
  }

  /** The report's figures may have moved; what is typed in the profile stays. */
  recordsChanged(): Promise<void> {
    return this.refresh(false);
  }

  /** On showing the page (and after a change to the data): the stored profile and a fresh preview. */
  async refresh(withProfile = true): Promise<void> {
    this.schedule.cancel();
    await Promise.all([withProfile ? this.profile.refresh() : null, this.refreshPreview()]);
  }

  /** The sections as the checkboxes say. */
  sections(): Sections {
    const on = (name: SectionName) => this.checks.get(name)?.checked ?? DEFAULT_SECTIONS[name];
    return {
      summary: on("summary"),
      chart: on("chart"),
      credentials: on("credentials"),
      ce: on("ce"),
      requirements: on("requirements"),
      evidence: on("evidence"),
      statuses: on("statuses"),
    };
  }

  /** The as-of date as typed; null (today) when empty. Rust parses it. */
  asOf(): string | null {
    const v = this.asOfBox.input.value.trim();
    return v ? v : null;
  }

  /** Options changed: the preview follows once they settle (at once for `now`). */
  private optionsChanged(now = false): void {
    this.preview.loading(true);
    this.schedule();
    if (now) this.schedule.flush();
  }

  private optionsKey(): string {
    return JSON.stringify([this.asOf(), this.sections()]);
  }

  /** A new preview unless the options are the ones last asked about (a box left unchanged). */
  private previewIfChanged(): Promise<void> {
    if (this.optionsKey() !== this.requested) return this.refreshPreview();
    if (!this.waiting) this.preview.loading(false);
    return Promise.resolve();
  }

  /** Typesets the first page again; answers to superseded requests are dropped. */
  async refreshPreview(): Promise<void> {
    this.requested = this.optionsKey();
    this.waiting = true;
    this.preview.loading(true);
    const latest = await this.latest.run(
      () => backend.reportPreview(this.asOf(), this.sections()),
      (p) => {
        this.asOfBox.slot.show([]);
        this.preview.show(p);
      },
      (err) => {
        this.requested = ""; // the same options may work next time (a fixed date, a freed file)
        const e = backend.toBackendError("report_preview", err);
        if (this.showAsOfError(e)) this.preview.loading(false);
        else this.preview.showError(e.message);
      },
    );
    if (latest) this.waiting = false;
  }

  /** A bad as-of date goes under its box; true when `e` was that. */
  private showAsOfError(e: backend.BackendError): boolean {
    const asOf = e.fields.filter((f) => f.field === "as_of");
    if (e.kind !== "validation" || !asOf.length) return false;
    this.asOfBox.slot.show(asOf);
    return true;
  }

  /** Asks Rust for the PDF, showing its progress; a toast with the path, or nothing if cancelled. */
  async exportPdf(): Promise<void> {
    if (this.exporting) return;
    this.exporting = true;
    this.progress.start();
    const failed = (err: unknown): void => {
      const e = backend.toBackendError("export_pdf", err);
      if (this.showAsOfError(e)) this.asOfBox.input.focus();
      else this.host.report(e);
    };
    const path = await attempt(
      failed,
      async () => {
        const unlisten = await backend.onReportProgress((p) => this.progress.update(p));
        try {
          return await backend.exportPdf(this.asOf(), this.sections());
        } finally {
          unlisten(); // cancelled or failed, the bar must stop following events
        }
      },
      { busy: this.exportBtn },
    );
    this.progress.finish();
    this.exporting = false;
    if (path === undefined) return;
    this.asOfBox.slot.show([]);
    if (path !== null) this.host.toaster.show(`Exported the portfolio to ${path}`, { timeout: 15000, testid: "export-done" });
  }
}
