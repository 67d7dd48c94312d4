// The Skills page: each skill's half-life (how fast training in it ages), editable per row.
// A skill without its own half-life ages at the default from Settings; Rust says which.

import type { SkillInfo } from "./bindings";
import * as backend from "./backend";
import { h, replaceChildren } from "./dom";
import { ErrorSlot } from "./form-parts";
import { attempt, Latest } from "./kit-async";
import { numberText, plural, yearsText } from "./format";
import type { Page } from "./kit-page";
import type { PageHost } from "./page-parts";

export class SkillsView implements Page {
  readonly element: HTMLElement;
  readonly head: readonly HTMLElement[];
  private readonly host: PageHost;
  private readonly latest = new Latest();

  constructor(host: PageHost) {
    this.host = host;
    this.head = [h("p", { class: "muted page-intro" }, "How fast each skill ages: after one half-life, training in it counts half. Enter a number of years and press Enter.")];
    this.element = h("div", { class: "page-body" });
  }

  show(): void {
    void this.refresh();
  }

  async refresh(): Promise<void> {
    await this.latest.run(
      () => Promise.all([backend.skillList(), backend.userSettings()]),
      ([skills, settings]) => this.render(skills, settings.default_half_life),
      this.host.report,
    );
  }

  render(skills: readonly SkillInfo[], defaultHalfLife: number): void {
    if (!skills.length) {
      replaceChildren(this.element, h("p", { class: "muted", "data-testid": "skills-empty" }, "No skills yet. Tag records with skills and they appear here."));
      return;
    }
    replaceChildren(
      this.element,
      h(
        "table",
        { class: "data-table middle", "data-testid": "skills-table" },
        h(
          "thead",
          {},
          h("tr", {}, h("th", { scope: "col" }, "Skill"), h("th", { scope: "col" }, "Half-life (years)"), h("th", { scope: "col", class: "num" }, "Records"), h("th", { scope: "col" }, "About")),
        ),
        h("tbody", {}, skills.map((s, i) => this.row(s, i, defaultHalfLife))),
      ),
    );
  }

  private row(s: SkillInfo, i: number, defaultHalfLife: number): HTMLElement {
    const input = h("input", {
      type: "number",
      step: "0.5",
      class: "half-life",
      "aria-label": `Half-life of ${s.name} in years`,
      "data-testid": "half-life",
      placeholder: `default (${numberText(defaultHalfLife)} y)`,
    });
    if (s.half_life_years !== null) input.value = String(s.half_life_years);
    const slot = new ErrorSlot(`skill-${i}-msg`);
    slot.bind("half_life_years", input);
    let saved = input.value;
    let failed: string | null = null; // Enter then blur must not send the same refused value twice
    const commit = async (): Promise<void> => {
      if (input.value === saved || input.value === failed) return;
      if (input.value.trim() === "") {
        // There is no command to clear a half-life, so an emptied box goes back to the stored value.
        slot.show([{ field: "half_life_years", message: s.half_life_years === null ? "is required" : "cannot be cleared; enter a number of years" }]);
        return;
      }
      const refused = (err: unknown): void => {
        if (err instanceof backend.BackendError && err.kind === "validation") slot.show(err.fields.length ? err.fields : [{ field: "half_life_years", message: err.message }]);
        else this.host.report(err);
        failed = input.value;
      };
      const stored = await attempt(refused, () => backend.setHalfLife({ name: s.name, half_life_years: input.value }));
      if (!stored) return;
      const years = stored.half_life_years;
      saved = input.value;
      slot.show([]);
      this.host.toaster.show(`'${s.name}' now has a half-life of ${yearsText(years)}.`);
      this.host.changed();
    };
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        void commit();
      } else if (e.key === "Escape" && input.value !== saved) {
        e.preventDefault();
        e.stopPropagation();
        input.value = saved;
        slot.show([]);
      }
    });
    input.addEventListener("blur", () => void commit());
    const state = s.half_life_years === null ? h("span", { class: "hint" }, `default (${numberText(defaultHalfLife)} y)`) : null;
    return h(
      "tr",
      { "data-testid": "skill-row", "data-name": s.name },
      h("th", { scope: "row" }, s.name),
      h("td", { class: "half-life-cell" }, h("div", { class: "inline" }, input, state), slot.element),
      h("td", { class: "num" }, plural(s.records, "record")),
      h("td", { class: "muted" }, s.description ?? ""),
    );
  }
}
