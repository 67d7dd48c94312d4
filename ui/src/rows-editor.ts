// Rows of inputs that make up a list field of a form (a requirement's topics, caps, rolling
// windows): add and remove rows, values kept as typed, and Rust's "topics[1].hours" messages
// placed under row 1.

import type { FieldError } from "./bindings";
import { h, icon } from "./dom";
import { ErrorSlot, textInput } from "./form-parts";
import { isRowField, pathOf } from "./format";

export interface Column {
  key: string;
  label: string;
  type: "text" | "check" | "select";
  placeholder?: string;
  inputmode?: string;
  /** For selects: value and label pairs. */
  options?: readonly (readonly [string, string])[];
  cls?: string;
}

export type RowValues = Record<string, string | boolean>;

export class RowsEditor {
  readonly element: HTMLElement;
  /** Messages for the list as a whole ("topics"). */
  readonly slot: ErrorSlot;
  rows: RowValues[] = [];
  private readonly rowsEl: HTMLElement;
  private rowSlots: ErrorSlot[] = [];
  private lastErrors: readonly FieldError[] = [];

  constructor(
    /** Rust's name for the list: "topics". */
    readonly name: string,
    legend: string,
    private readonly columns: readonly Column[],
    private readonly blank: () => RowValues,
    addLabel: string,
    hint = "",
  ) {
    this.rowsEl = h("div", { class: "rows", role: "list" });
    this.slot = new ErrorSlot(`${name}-msg`);
    const add = h("button", { type: "button", class: "btn btn-small", "data-testid": `add-${name}` }, icon("plus"), addLabel);
    add.addEventListener("click", () => {
      this.rows.push(this.blank());
      this.render();
      this.rowsEl.querySelector<HTMLElement>(".row-editor:last-child input, .row-editor:last-child select")?.focus();
    });
    this.element = h(
      "fieldset",
      { class: `rows-editor rows-${name}`, "data-field": name, "data-testid": `${name}-editor` },
      h("legend", {}, legend),
      hint ? h("p", { class: "hint" }, hint) : null,
      this.rowsEl,
      this.slot.element,
      add,
    );
  }

  private control(row: RowValues, c: Column, i: number): HTMLElement {
    const field = `${this.name}[${i}].${c.key}`;
    const common = { "aria-label": `${c.label}, row ${i + 1}`, "data-testid": `field-${field}`, "data-field": field };
    let el: HTMLInputElement | HTMLSelectElement;
    if (c.type === "check") {
      const box = h("input", { type: "checkbox", ...common });
      box.checked = row[c.key] === true;
      box.addEventListener("change", () => (row[c.key] = box.checked));
      this.rowSlots[i]?.bind(field, box);
      return h("label", { class: `row-check ${c.cls ?? ""}`.trim() }, box, h("span", {}, c.label));
    }
    if (c.type === "select") {
      el = h("select", { ...common, class: c.cls }, (c.options ?? []).map(([v, l]) => h("option", { value: v }, l)));
    } else {
      el = textInput("", { ...common, placeholder: c.placeholder ?? c.label, ...(c.inputmode ? { inputmode: c.inputmode } : {}), class: c.cls ?? "" });
    }
    el.value = String(row[c.key] ?? "");
    const target = el;
    el.addEventListener(c.type === "select" ? "change" : "input", () => (row[c.key] = target.value));
    this.rowSlots[i]?.bind(field, el);
    return el;
  }

  private row(row: RowValues, i: number): HTMLElement {
    const slot = new ErrorSlot(`${this.name}-${i}-msg`);
    this.rowSlots[i] = slot;
    const remove = h(
      "button",
      { type: "button", class: "icon-btn", "aria-label": `Remove row ${i + 1}`, title: "Remove", "data-testid": `remove-${this.name}` },
      icon("close"),
    );
    remove.addEventListener("click", () => {
      this.rows.splice(i, 1);
      this.render();
    });
    return h(
      "div",
      { class: "row-editor", role: "listitem", "data-index": i, "data-testid": `${this.name}-row` },
      h("div", { class: "row-inputs" }, this.columns.map((c) => this.control(row, c, i)), remove),
      slot.element,
    );
  }

  render(): void {
    this.rowSlots = [];
    this.rowsEl.replaceChildren(...this.rows.map((r, i) => this.row(r, i)));
    this.showErrors(this.lastErrors);
  }

  /** Shows this list's messages (row ones under their row); returns those naming no row here. */
  showErrors(errors: readonly FieldError[]): FieldError[] {
    this.lastErrors = errors;
    this.slot.show(errors.filter((e) => e.field === this.name));
    this.rowSlots.forEach((slot, i) => slot.show(errors.filter((e) => isRowField(e, this.name, i))));
    return errors.filter((e) => {
      if (e.field === this.name) return false;
      const p = pathOf(e);
      return !(p.field === this.name && p.sub !== null && p.index !== null && p.index < this.rowSlots.length);
    });
  }

  clear(): void {
    this.rows = [];
    this.lastErrors = [];
    this.render();
  }
}
