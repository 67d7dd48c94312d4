// Building blocks of the Export page: the section checkboxes, the preview of the report's
// first page (typst's SVG, imported like the coverage chart) and the progress of an export.

import type { ReportPreview, Sections } from "./bindings";
import type { ReportProgress } from "./backend";
import { importSvg } from "./chart-svg";
import { h, replaceChildren } from "./dom";
import { plural } from "./format";

export type SectionName = keyof Sections;

/** The report's sections in the order it prints them, with what each adds. */
export const SECTIONS: readonly (readonly [SectionName, string, string])[] = [
  ["summary", "Summary", "Counts, statuses and coverage at a glance"],
  ["chart", "Skills coverage chart", "Earned and still current, per domain"],
  ["credentials", "Credentials", "Every record, grouped by kind"],
  ["statuses", "Status of each credential", "A column with the status and its reason"],
  ["ce", "Continuing education", "Activities with hours and credit type"],
  ["requirements", "Requirement progress", "Each CE cycle: hours counted, remaining, pace"],
  ["evidence", "Evidence on file", "File names and checksums of the attached evidence"],
];

/** What a new export includes: Rust's default sections (everything but the evidence list). */
export { DEFAULT_SECTIONS } from "./backend";

/** The first page as a sheet of paper, with "Page 1 of N" and a loading state. */
export class PreviewView {
  readonly element: HTMLElement;
  private readonly sheet: HTMLElement;
  private readonly pages: HTMLElement;
  private readonly status: HTMLElement;

  constructor() {
    this.sheet = h(
      "figure",
      { class: "report-sheet", "data-testid": "report-preview", "aria-labelledby": "preview-title", "aria-busy": "false" },
      h("p", { class: "muted preview-placeholder" }, "Drawing the first page…"),
    );
    this.pages = h("span", { class: "muted preview-pages", "data-testid": "preview-pages" });
    this.status = h("span", { class: "preview-status", "data-testid": "preview-status", "aria-live": "polite" });
    this.element = h(
      "section",
      { class: "card preview-card", "aria-labelledby": "preview-title" },
      h("div", { class: "preview-head" }, h("h3", { id: "preview-title" }, "Preview"), this.pages, this.status),
      h("div", { class: "preview-desk" }, this.sheet),
    );
  }

  /** While a new preview is on its way the old one stays, dimmed. */
  loading(on: boolean): void {
    this.sheet.setAttribute("aria-busy", on ? "true" : "false");
    this.sheet.classList.toggle("loading", on);
    this.status.textContent = on ? "Updating…" : "";
  }

  /** Shows Rust's page; false (and a message instead) when the SVG is not usable. */
  show(p: ReportPreview): boolean {
    this.loading(false);
    this.pages.textContent = p.pages > 0 ? `Page 1 of ${p.pages}` : "";
    this.pages.title = plural(p.pages, "page");
    const svg = importSvg(p.svg, document, { dataImages: true });
    if (!svg) {
      this.showError("The preview could not be drawn. The exported PDF is not affected.");
      return false;
    }
    svg.classList.add("report-page");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", `First page of the report (${plural(p.pages, "page")} in all)`);
    replaceChildren(this.sheet, svg);
    return true;
  }

  showError(message: string): void {
    this.loading(false);
    replaceChildren(this.sheet, h("p", { class: "error preview-error", "data-testid": "preview-error" }, message));
  }
}

/** The bar and step text of an export in progress; hidden otherwise. */
export class ExportProgress {
  readonly element: HTMLElement;
  private readonly bar: HTMLProgressElement;
  private readonly step: HTMLElement;

  constructor() {
    this.bar = h("progress", { class: "export-bar", "aria-labelledby": "export-step" });
    this.step = h("span", { class: "export-step", id: "export-step", "data-testid": "export-step" });
    this.element = h("div", { class: "export-progress", "data-testid": "export-progress", role: "status", hidden: true }, this.bar, this.step);
  }

  /** Before the first event (the save dialog is open): an empty bar. */
  start(): void {
    this.bar.max = 1;
    this.bar.value = 0;
    this.bar.removeAttribute("aria-valuetext");
    this.step.textContent = "Choose where to save the PDF…";
    this.element.hidden = false;
  }

  update(p: ReportProgress): void {
    this.bar.max = Math.max(p.of, 1);
    this.bar.value = Math.min(Math.max(p.done, 0), this.bar.max);
    this.bar.setAttribute("aria-valuetext", `${p.step} (step ${p.done} of ${p.of})`);
    this.step.textContent = p.step;
  }

  finish(): void {
    this.element.hidden = true;
  }

  get visible(): boolean {
    return !this.element.hidden;
  }
}
