// The Field changes page: dated events (a new rule, a new guideline) that make earlier
// training on some skills out of date. Listed as Rust returns them; added through a small
// form; removed at once with an Undo that adds the same change back.

import type { FieldChange, FieldError } from "./bindings";
import * as backend from "./backend";
import { h, icon, replaceChildren } from "./dom";
import { textInput } from "./form-parts";
import { numberText } from "./format";
import { Fields, formField, optionalText, parseDay, parseNumber, saveProblem, UNDO_MS, type PageHost } from "./page-parts";

/** "A, B,, C" as ["A", "B", "C"]: the form takes affected skills comma-separated. */
export function splitSkills(text: string): string[] {
  return text.split(",").map((s) => s.trim()).filter(Boolean);
}

export class FieldChangesView {
  readonly element: HTMLElement;
  private readonly host: PageHost;
  private readonly tableWrap: HTMLElement;
  private readonly inputs: { date: HTMLInputElement; title: HTMLInputElement; skills: HTMLInputElement; impact: HTMLInputElement; source: HTMLInputElement };
  private readonly fields = new Fields("change-errors");
  private readonly addBtn: HTMLButtonElement;
  private seq = 0;

  constructor(host: PageHost) {
    this.host = host;
    this.inputs = {
      date: textInput("", { placeholder: "YYYY-MM-DD", inputmode: "numeric", class: "date" }),
      title: textInput("", { placeholder: "e.g. New FDA guidance on AI device software" }),
      skills: textInput("", { placeholder: "Regulation and policy, Ethical AI governance" }),
      impact: textInput("", { inputmode: "decimal", placeholder: "0 to 1, e.g. 0.5" }),
      source: textInput("", { inputmode: "url", placeholder: "https://" }),
    };
    const part = (field: keyof typeof this.inputs, label: string, cls = "", hint?: string) => {
      const f = formField({ field, label, control: this.inputs[field], testid: `change-${field}`, id: `change-${field}`, cls, ...(hint ? { hint } : {}) });
      this.fields.add(field, f.slot);
      return f.wrapper;
    };
    this.addBtn = h("button", { type: "submit", class: "btn btn-primary", "data-testid": "change-add" }, icon("plus"), "Add field change");
    const form = h(
      "form",
      { class: "card add-form", "data-testid": "change-form", novalidate: true, "aria-labelledby": "change-form-title" },
      h("h3", { id: "change-form-title" }, "Add a field change"),
      this.fields.summary,
      h(
        "div",
        { class: "grid grid-4" },
        part("date", "Date"),
        part("title", "Title", "c3"),
        part("skills", "Affected skills", "c2", "Comma-separated."),
        part("impact", "Impact", "", "Share of earlier training it invalidates."),
        part("source", "Source"),
      ),
      h("div", { class: "form-actions" }, this.addBtn),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.add();
    });
    this.tableWrap = h("div", { class: "table-wrap" });
    this.element = h(
      "section",
      { class: "page", "data-testid": "field-changes-page", "aria-labelledby": "changes-title", tabindex: -1 },
      h(
        "header",
        { class: "page-head" },
        h("h2", { id: "changes-title" }, "Field changes"),
        h("p", { class: "muted page-intro" }, "Events that make earlier training on a skill out of date, until a newer record covers that skill."),
      ),
      h("div", { class: "page-body" }, this.tableWrap, form),
    );
  }

  async refresh(): Promise<void> {
    const seq = ++this.seq;
    try {
      const changes = await backend.fieldChanges();
      if (seq === this.seq) this.render(changes);
    } catch (err) {
      if (seq === this.seq) this.host.report(err);
    }
  }

  render(changes: readonly FieldChange[]): void {
    if (!changes.length) {
      replaceChildren(this.tableWrap, h("p", { class: "muted" }, "No field changes recorded."));
      return;
    }
    replaceChildren(
      this.tableWrap,
      h(
        "table",
        { class: "data-table", "data-testid": "changes-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Date"),
            h("th", { scope: "col" }, "Title"),
            h("th", { scope: "col" }, "Affected skills"),
            h("th", { scope: "col", class: "num" }, "Impact"),
            h("th", { scope: "col" }, "Source"),
            h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Actions")),
          ),
        ),
        h("tbody", {}, changes.map((c) => this.row(c))),
      ),
    );
  }

  private row(c: FieldChange): HTMLElement {
    const remove = h("button", { type: "button", class: "btn btn-small btn-danger-quiet", "data-testid": "change-remove", "aria-label": `Remove ${c.title}` }, "Remove");
    remove.addEventListener("click", () => void this.remove(c));
    return h(
      "tr",
      { "data-testid": "change-row", "data-id": c.id },
      h("td", { class: "nowrap num" }, c.date),
      h("td", { class: "wrap" }, c.title),
      h("td", {}, h("div", { class: "chips" }, c.skills.map((s) => h("span", { class: "chip" }, s)))),
      h("td", { class: "num" }, numberText(c.impact)),
      // Text, not a link: following it would navigate the app's own window away.
      h("td", { class: "source" }, c.source ? h("span", { class: "url", title: c.source }, c.source) : h("span", { class: "muted" }, "—")),
      h("td", { class: "actions" }, remove),
    );
  }

  /** The form as a FieldChange (id 0: Rust assigns one), or what stops it being sent. */
  collect(): { change: FieldChange } | { errors: FieldError[] } {
    const i = this.inputs;
    const date = parseDay("date", i.date.value);
    const impact = parseNumber("impact", i.impact.value);
    const errors = [date, impact].flatMap((p) => (p.ok ? [] : [p.error]));
    if (!date.ok || !impact.ok || errors.length) return { errors };
    return {
      change: { id: 0, date: date.value, title: i.title.value, skills: splitSkills(i.skills.value), impact: impact.value ?? 0, source: optionalText(i.source.value) },
    };
  }

  async add(): Promise<void> {
    const collected = this.collect();
    if ("errors" in collected) {
      this.fields.show(collected.errors);
      this.fields.firstInvalid(this.element)?.focus();
      return;
    }
    this.addBtn.disabled = true;
    try {
      const added = await backend.addFieldChange(collected.change);
      this.fields.clear();
      for (const input of Object.values(this.inputs)) input.value = "";
      this.host.toaster.show(`Added '${added.title}'.`);
      this.host.changed();
      await this.refresh();
    } catch (err) {
      const problem = saveProblem(err);
      if (!problem) this.host.report(err);
      else {
        this.fields.show(problem.fields, (rest) => rest, problem.message);
        this.fields.firstInvalid(this.element)?.focus();
      }
    } finally {
      this.addBtn.disabled = false;
    }
  }

  async remove(c: FieldChange): Promise<void> {
    let removed: FieldChange;
    try {
      removed = await backend.removeFieldChange(c.id);
    } catch (err) {
      this.host.report(err);
      return;
    }
    this.host.toaster.show(`Removed '${removed.title}'.`, {
      timeout: UNDO_MS,
      action: { label: "Undo", testid: "undo", run: () => void this.undo(removed) },
    });
    this.host.changed();
    await this.refresh();
    this.element.focus(); // the Remove button went with its row
  }

  private async undo(removed: FieldChange): Promise<void> {
    try {
      const back = await backend.addFieldChange({ ...removed, id: 0 });
      this.host.toaster.show(`Restored '${back.title}'.`);
    } catch (err) {
      this.host.report(err);
    }
    this.host.changed();
    await this.refresh();
  }
}
