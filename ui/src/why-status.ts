// "Why this status?" in the detail panel: Rust's explanation of a record's verdict (where the
// record stands, the rule that set the status, how each skill ages, the field changes it was
// checked against), asked for when the section is first opened. Every sentence and figure is
// Rust's; freshness is only written as a whole percentage.

import type { ChangeDetail, Credential, Explanation, SkillDetail } from "./bindings";
import { h, replaceChildren } from "./dom";
import { percentText, yearsText } from "./format";
import { Latest } from "./kit-async";

function skillItem(s: SkillDetail): HTMLElement {
  const halfLife = `half-life ${yearsText(s.half_life_years)}${s.default_half_life ? " (default)" : ""}`;
  return h(
    "li",
    { class: "why-skill", "data-testid": "why-skill" },
    h("span", { class: "why-name" }, s.name),
    h("span", { class: "hint" }, halfLife),
    h("span", { class: "hint why-freshness", "data-testid": "why-freshness" }, `${percentText(s.freshness)} fresh`),
    s.refreshed_by && h("span", { class: "hint", "data-testid": "why-refreshed" }, `kept current by ${s.refreshed_by.title} (${s.refreshed_by.when})`),
  );
}

function changeItem(c: ChangeDetail): HTMLElement {
  return h(
    "li",
    { class: "why-change", "data-testid": "why-change", "data-relation": c.relation, "data-id": c.id },
    h(
      "div",
      { class: "why-change-head" },
      h("span", { class: "why-name" }, c.title),
      h("span", { class: `why-tag why-${c.relation}`, "data-testid": "why-relation" }, c.label),
    ),
    h("p", { class: "why-text" }, c.text),
  );
}

/** The explanation as shown inside the section. */
export function explanationView(e: Explanation): HTMLElement[] {
  return [
    h("p", { class: "why-basis", "data-testid": "why-basis" }, e.basis),
    h("p", { class: "why-rule", "data-testid": "why-rule" }, e.rule),
    ...(e.skills.length ? [h("h4", {}, "Skills"), h("ul", { class: "why-list" }, e.skills.map(skillItem))] : []),
    ...(e.changes.length ? [h("h4", {}, "Field changes"), h("ul", { class: "why-list" }, e.changes.map(changeItem))] : []),
    h("p", { class: "hint" }, `As of ${e.as_of}.`),
  ];
}

/**
 * The section for the open record. It keeps its open state and answer while the record (its
 * id and last update) and the as-of date stay the same, so redrawing the panel does not ask
 * again; `forget` after new statuses. An answer for anything else than what is showing now
 * (another record, a changed one, older statuses) is dropped.
 */
export class WhyStatus {
  private key = "";
  private shown: { id: number; asOf: string | null; details: HTMLDetailsElement; body: HTMLElement } | null = null;
  private answer: Explanation | null = null;
  private loading = false;
  private readonly latest = new Latest();

  constructor(
    private readonly explain: (id: number, asOf: string | null) => Promise<Explanation>,
    private readonly report: (err: unknown) => void,
  ) {}

  /** What was loaded may be out of date (statuses changed): the next drawing asks again if open. */
  forget(): void {
    this.key = "";
  }

  section(c: Credential, asOf: string | null): HTMLDetailsElement {
    const key = JSON.stringify([c.id, c.updated_at, asOf]);
    if (this.shown && key === this.key) return this.shown.details;
    // The same record, changed, stays open (and asks again); another record starts closed.
    const reopen = this.shown?.id === c.id && this.shown.details.open;
    this.key = key;
    this.answer = null;
    this.loading = false;
    this.latest.drop();
    const body = h("div", { class: "why-body" });
    const details = h("details", { class: "why-status", "data-testid": "why-status", "data-id": c.id }, h("summary", {}, "Why this status?"), body);
    this.shown = { id: c.id, asOf, details, body };
    details.addEventListener("toggle", () => {
      if (details.open && this.shown?.details === details) void this.load();
    });
    if (reopen) {
      details.open = true;
      void this.load();
    }
    return details;
  }

  private async load(): Promise<void> {
    const shown = this.shown;
    if (!shown || this.answer || this.loading) return;
    this.loading = true;
    replaceChildren(shown.body, h("p", { class: "muted" }, "Loading…"));
    const latest = await this.latest.run(
      () => this.explain(shown.id, shown.asOf),
      (e) => {
        this.answer = e;
        replaceChildren(shown.body, explanationView(e));
      },
      (err) => {
        replaceChildren(shown.body, h("p", { class: "muted" }, "Could not explain this status."));
        this.report(err);
      },
    );
    if (latest) this.loading = false;
  }
}
