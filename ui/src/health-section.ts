// Settings → Health: on request, Rust checks the database (SQLite's integrity check), every
// evidence file against its SHA-256, leftovers of crashed saves and every backup, and says
// whether anything needs doing. The check reads every file, so it runs only when asked.

import type { Health } from "./backend";
import * as backend from "./backend";
import { h, replaceChildren, type Child } from "./dom";
import { plural } from "./format";
import { attempt } from "./kit-async";

export interface HealthHost {
  report(err: unknown): void;
  /** A record the evidence belongs to, in the Credentials page's detail panel. */
  openCredential(id: number): void;
}

/** "Needs attention: the database, 2 evidence files" — what the parts below say, in one line. */
function verdict(r: Health): string {
  if (r.all_well) return "All well: the database is whole, every evidence file matches and every backup checks out.";
  const needs = [
    r.integrity !== "ok" ? "the database" : "",
    r.evidence_problems.length ? plural(r.evidence_problems.length, "evidence file") : "",
    r.leftovers.length ? plural(r.leftovers.length, "leftover") : "",
    r.bad_backups.length ? plural(r.bad_backups.length, "bad backup") : "",
    r.backups.length ? "" : "no backup yet",
  ].filter(Boolean);
  return `Needs attention: ${needs.join(", ") || "see below"}.`;
}

export class HealthSection {
  readonly element: HTMLElement;
  private readonly checkBtn: HTMLButtonElement;
  private readonly result: HTMLElement;

  constructor(private readonly host: HealthHost) {
    this.checkBtn = h("button", { type: "button", class: "btn", "data-testid": "health-check" }, "Check now");
    this.checkBtn.addEventListener("click", () => void this.check());
    this.result = h("div", { class: "health-result", "aria-live": "polite" });
    this.element = h(
      "section",
      { class: "card", "aria-labelledby": "health-title", "data-testid": "health" },
      h("h3", { id: "health-title" }, "Health"),
      h("p", { class: "muted" }, "Checks the database, every evidence file against its fingerprint (SHA-256), leftovers of interrupted saves and every backup."),
      h("div", { class: "form-actions start" }, this.checkBtn),
      this.result,
    );
  }

  async check(): Promise<void> {
    const r = await attempt(this.host.report, backend.health, { busy: this.checkBtn });
    if (r) this.show(r);
  }

  /** Forgets the last check (the database it was about was replaced). */
  clear(): void {
    this.result.replaceChildren();
  }

  show(r: Health): void {
    const part = (name: string, ...value: Child[]): HTMLElement[] => [h("dt", {}, name), h("dd", {}, ...value)];
    const list = (items: readonly string[], none: string): Child =>
      items.length ? h("ul", {}, ...items.map((t) => h("li", {}, t))) : none;
    const evidence = r.evidence_problems.map((p) =>
      h(
        "li",
        { "data-testid": "health-evidence-problem", "data-problem": p.problem },
        `${p.problem === "missing" ? "Missing" : "Altered"}: ${p.path}`,
        p.records.length ? " — the evidence of " : "",
        ...p.records.flatMap((id, i) => [i ? ", " : "", this.recordLink(id)]),
      ),
    );
    replaceChildren(
      this.result,
      h("p", { class: `health-verdict ${r.all_well ? "well" : "unwell"}`, "data-testid": "health-verdict", role: "status" }, verdict(r)),
      h(
        "dl",
        { class: "health-parts" },
        ...part("Database", r.integrity === "ok" ? "Whole (SQLite's integrity check: ok)" : r.integrity),
        ...part(
          "Evidence",
          `${plural(r.evidence_files, "file")}${r.evidence_problems.length ? `, ${r.evidence_problems.length} not as saved:` : ", each as saved"}`,
          evidence.length ? h("ul", {}, ...evidence) : null,
        ),
        ...part("Leftovers", list(r.leftovers, "None (each start removes them)")),
        ...part("Backups", r.backups.length ? `${plural(r.backups.length, "backup")}, each verified` : "None yet"),
        ...part("Bad backups", list(r.bad_backups, "None")),
      ),
    );
  }

  private recordLink(id: number): HTMLElement {
    const b = h("button", { type: "button", class: "link", "data-testid": "health-record", title: "Show in Credentials", "data-id": id }, `record ${id}`);
    b.addEventListener("click", () => this.host.openCredential(id));
    return b;
  }
}
