// The Field changes page: events (a new rule, a new guideline) that make earlier training on
// some skills out of date, dated by their announcement, with the phases in which they apply
// and where. Listed as Rust returns them; added through a small form; removed at once with an
// Undo that adds the same change back.

import type { FieldChange, FieldChangeDraft, FieldError, Phase } from "./bindings";
import * as backend from "./backend";
import { h, icon, replaceChildren } from "./dom";
import { textInput } from "./form-parts";
import { Latest } from "./kit-async";
import { pageRemoval, Undo } from "./kit-undo";
import { numberText } from "./format";
import { Fields, formField, submitForm, type Collected } from "./kit-form";
import type { Page, PageFrame } from "./kit-page";
import { splitList, type PageHost } from "./page-parts";
import { RowsEditor } from "./rows-editor";

type InputName = "announced" | "title" | "skills" | "impact" | "source" | "jurisdiction" | "note";

/** "high-risk obligations from 2026-08-02", or "From 2025-02-02" when the phase names nothing. */
function phaseText(p: Phase): string {
  return p.what.trim() ? `${p.what} from ${p.date}` : `From ${p.date}`;
}

export class FieldChangesView implements Page {
  readonly element: HTMLElement;
  readonly head: readonly HTMLElement[];
  private readonly host: PageHost;
  private readonly tableWrap: HTMLElement;
  private readonly inputs: Record<InputName, HTMLInputElement>;
  /** The phases in which the change applies ("effective"; Rust names rows effective[i].date). */
  readonly phases: RowsEditor;
  private readonly fields = new Fields("change-errors");
  private readonly addBtn: HTMLButtonElement;
  private readonly latest = new Latest();
  private readonly undo: Undo;

  constructor(host: PageHost, private readonly frame: PageFrame) {
    this.host = host;
    this.undo = new Undo(host.toaster, host.report);
    this.inputs = {
      announced: textInput("", { placeholder: "YYYY-MM-DD", inputmode: "numeric", class: "date" }),
      title: textInput("", { placeholder: "e.g. New FDA guidance on AI device software" }),
      skills: textInput("", { placeholder: "Regulation and policy, Ethical AI governance" }),
      impact: textInput("", { inputmode: "decimal", placeholder: "0 to 1, e.g. 0.5" }),
      source: textInput("", { inputmode: "url", placeholder: "https://" }),
      jurisdiction: textInput("", { placeholder: "EU, US … (blank: everywhere)" }),
      note: textInput("", { placeholder: "Optional, e.g. the draft it replaced" }),
    };
    const part = (field: keyof typeof this.inputs, label: string, cls = "", hint?: string) => {
      const f = formField({ field, label, control: this.inputs[field], testid: `change-${field}`, id: `change-${field}`, cls, ...(hint ? { hint } : {}) });
      this.fields.add(field, f.slot);
      return f.wrapper;
    };
    this.phases = new RowsEditor(
      "effective",
      "Effective from",
      [
        { key: "date", label: "Date", type: "text", placeholder: "YYYY-MM-DD", inputmode: "numeric", cls: "date" },
        { key: "what", label: "What applies", type: "text", placeholder: "What applies then (optional)", cls: "grow" },
      ],
      () => ({ date: "", what: "" }),
      "Add phase",
      "When it applies, phase by phase. None: from its announcement.",
    );
    this.addBtn = h("button", { type: "submit", class: "btn btn-primary", "data-testid": "change-add" }, icon("plus"), "Add field change");
    const form = h(
      "form",
      { class: "card add-form", "data-testid": "change-form", novalidate: true, "aria-labelledby": "change-form-title" },
      h("h3", { id: "change-form-title" }, "Add a field change"),
      this.fields.summary,
      h(
        "div",
        { class: "grid grid-4" },
        part("announced", "Announced", "", "When it was published; records completed on or after it cover it."),
        part("title", "Title", "c3"),
        part("skills", "Affected skills", "c2", "Comma-separated."),
        part("impact", "Impact", "", "Share of earlier training it invalidates."),
        part("jurisdiction", "Jurisdiction"),
        part("source", "Source", "c2"),
        part("note", "Note", "c2"),
      ),
      this.phases.element,
      h("div", { class: "form-actions" }, this.addBtn),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.add();
    });
    this.tableWrap = h("div", { class: "table-wrap" });
    this.head = [h("p", { class: "muted page-intro" }, "Events that make earlier training on a skill out of date, until a newer record covers that skill.")];
    this.element = h("div", { class: "page-body" }, this.tableWrap, form);
  }

  show(): void {
    void this.refresh();
  }

  async refresh(): Promise<void> {
    await this.latest.run(backend.fieldChanges, (changes) => this.render(changes), this.host.report);
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
            h("th", { scope: "col" }, "Announced"),
            h("th", { scope: "col" }, "Effective"),
            h("th", { scope: "col" }, "Jurisdiction"),
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
      h("td", { class: "nowrap num", "data-testid": "change-announced" }, c.announced),
      h(
        "td",
        { class: "effective", "data-testid": "change-effective" },
        c.effective.length ? c.effective.map((p) => h("div", { class: "phase" }, phaseText(p))) : h("span", { class: "muted" }, "—"),
      ),
      h("td", { "data-testid": "change-jurisdiction" }, c.jurisdiction ?? h("span", { class: "muted" }, "Everywhere")),
      h("td", { class: "wrap" }, c.title, c.note ? h("div", { class: "hint change-note", "data-testid": "change-note" }, c.note) : null),
      h("td", {}, h("div", { class: "chips" }, c.skills.map((s) => h("span", { class: "chip" }, s)))),
      h("td", { class: "num" }, numberText(c.impact)),
      // Text, not a link: following it would navigate the app's own window away.
      h("td", { class: "source" }, c.source ? h("span", { class: "url", title: c.source }, c.source) : h("span", { class: "muted" }, "—")),
      h("td", { class: "actions" }, remove),
    );
  }

  /** The form as typed: Rust reads the dates and the impact and names what it refuses. */
  collect(): Collected<FieldChangeDraft> {
    const i = this.inputs;
    return {
      value: {
        announced: i.announced.value,
        effective: this.phases.rows.map((r) => ({ date: String(r.date ?? ""), what: String(r.what ?? "") })),
        title: i.title.value,
        jurisdiction: i.jurisdiction.value,
        skills: splitList(i.skills.value),
        impact: i.impact.value,
        source: i.source.value,
        note: i.note.value,
      },
    };
  }

  /** Messages under their fields, phase ones under their row; the rest in the summary. */
  showErrors(errors: readonly FieldError[], message = ""): void {
    this.fields.show(errors, (rest) => this.phases.showErrors(rest), message);
  }

  async add(): Promise<void> {
    await submitForm({
      root: this.element,
      button: this.addBtn,
      collect: () => this.collect(),
      send: backend.addFieldChange,
      show: (errors, message) => this.showErrors(errors, message),
      saved: (added) => {
        this.fields.clear();
        this.phases.clear();
        for (const input of Object.values(this.inputs)) input.value = "";
        this.host.toaster.show(`Added '${added.title}'.`);
        this.host.changed();
        void this.refresh();
      },
      report: this.host.report,
    });
  }

  async remove(c: FieldChange): Promise<void> {
    const removal = pageRemoval(this.host, () => this.refresh(), this.frame.heading, {
      remove: () => backend.removeFieldChange(c.id),
      restore: (removed: FieldChangeDraft) => backend.addFieldChange(removed),
      removedText: (removed) => `Removed '${removed.title}'.`,
      restoredText: (removed) => `Restored '${removed.title}'.`,
    });
    await this.undo.remove(removal);
  }
}
