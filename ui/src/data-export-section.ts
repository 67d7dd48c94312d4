// Export → "Give everything back": all of Dossier's data in four shapes, each saved where the
// person picks in the native dialog. The archive (the JSON and every evidence file in one
// zip) may be sealed with a passphrase, asked first. What was written is said in a live
// region; a cancelled save says nothing, and a refusal goes to the app's alert.

import type { ExportFormat } from "./backend";
import * as backend from "./backend";
import { exportedText } from "./archive-parts";
import { h } from "./dom";
import { attempt, type Report } from "./kit-async";
import { askToSeal } from "./passphrase-dialog";

/** Each export: its format, button test id, label and what it holds. */
export const DATA_EXPORTS: readonly [ExportFormat, string, string, string][] = [
  ["json", "export-json", "Full JSON export", "Everything Dossier keeps (records, requirements, field changes, frameworks, settings) as one JSON file. Restorable here, readable anywhere."],
  ["archive", "export-archive", "Archive with evidence (.zip)", "The same JSON and every evidence file in one zip, encrypted with a passphrase if you like. Restore it from Settings → Backups."],
  ["jsonresume", "export-jsonresume", "JSON Resume", "Your certificates and education in the JSON Resume format, for résumé builders and job sites."],
  ["csv", "export-csv", "CSV of records", "One row per record with every field, for a spreadsheet."],
];

export interface DataExportHost {
  report: Report;
}

export class DataExportSection {
  readonly element: HTMLElement;
  /** What the last export wrote: announced as it changes. */
  readonly result: HTMLElement;
  private readonly buttons = new Map<ExportFormat, HTMLButtonElement>();
  private running = false;

  constructor(private readonly host: DataExportHost) {
    this.result = h("p", { class: "data-export-result", role: "status", "data-testid": "data-export-result" });
    const rows = DATA_EXPORTS.map(([format, testid, label, hint]) => {
      const hintId = `${testid}-hint`;
      const btn = h("button", { type: "button", class: "btn", "data-testid": testid, "aria-describedby": hintId }, `${label}…`);
      btn.addEventListener("click", () => void this.export(format));
      this.buttons.set(format, btn);
      return h("li", { class: "data-export" }, btn, h("span", { class: "hint", id: hintId }, hint));
    });
    this.element = h(
      "section",
      { class: "card data-exports", "aria-labelledby": "data-exports-title", "data-testid": "data-exports" },
      h("h3", { id: "data-exports-title" }, "Give everything back"),
      h("p", { class: "muted" }, "Your data is yours: take all of it with you, in a form other tools read or Dossier restores."),
      h("ul", { class: "data-export-list" }, rows),
      this.result,
    );
  }

  /** Asks for the archive's passphrase first, then Rust for the save dialog and the file. */
  async export(format: ExportFormat): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.result.textContent = "";
    try {
      let passphrase: string | null = null;
      if (format === "archive") {
        const sealing = await askToSeal({
          title: "Archive with evidence",
          intro: "Everything Dossier keeps and every evidence file, in one .zip you save where you like.",
          action: "Choose where to save…",
        });
        if (!sealing) return;
        passphrase = sealing.passphrase;
      }
      const btn = this.buttons.get(format);
      const done = await attempt(this.host.report, () => backend.exportData(format, passphrase), btn ? { busy: btn } : {});
      if (done) this.result.textContent = exportedText(format, done);
    } finally {
      this.running = false;
    }
  }
}
