// The form for a new CE requirement set. It sends what was typed (a RequirementDraft: numbers
// and the date as text) and places Rust's messages under the field or row they name; reading
// the numbers and every rule live in Rust, so the CLI and the app refuse the same input.

import type { FieldError, Requirement, RequirementDraft } from "./bindings";
import { h } from "./dom";
import { checkField, textInput } from "./form-parts";
import { Fields, formField, submitForm } from "./kit-form";
import { RowsEditor, type RowValues } from "./rows-editor";

export interface RequirementFormHost {
  add(draft: RequirementDraft): Promise<Requirement>;
  added(req: Requirement): void;
  cancel(): void;
  report(err: unknown): void;
}

export interface Choices {
  /** Credential kinds for a cap's "kind" condition: value and label. */
  kinds: readonly (readonly [string, string])[];
  /** Credentials a requirement can renew: id and title. */
  credentials: readonly (readonly [number, string])[];
}

type TextName = "name" | "ends" | "cycle_months" | "hours" | "credit_type";

export class RequirementForm {
  readonly element: HTMLFormElement;
  readonly topics: RowsEditor;
  readonly caps: RowsEditor;
  readonly windows: RowsEditor;
  private readonly host: RequirementFormHost;
  private readonly text = {} as Record<TextName, HTMLInputElement>;
  private readonly firstCycle: HTMLInputElement;
  private readonly credential: HTMLSelectElement;
  private readonly fields = new Fields("requirement-errors");
  private readonly saveBtn: HTMLButtonElement;

  constructor(host: RequirementFormHost, choices: Choices) {
    this.host = host;
    const input = (name: TextName, label: string, attrs: Record<string, string> = {}, cls = "", hint?: string) => {
      const control = textInput("", attrs);
      this.text[name] = control;
      const f = formField({ field: name, label, control, testid: `req-${name}`, id: `req-${name}`, cls, ...(hint ? { hint } : {}) });
      this.fields.add(name, f.slot);
      return f.wrapper;
    };
    const num = { inputmode: "decimal" };
    const name = input("name", "Name", { placeholder: "e.g. State medical licence (CME)" }, "span-2");
    const ends = input("ends", "Cycle ends", { placeholder: "YYYY-MM-DD", inputmode: "numeric", class: "date" }, "", "The renewal date.");
    const months = input("cycle_months", "Cycle length (months)", { inputmode: "numeric", placeholder: "24" });
    const hours = input("hours", "Hours required", { ...num, placeholder: "50" });
    const credit = input("credit_type", "Credit type", { placeholder: "Any, or e.g. AMA PRA Category 1" }, "", "Only activities with this credit type count.");

    const first = checkField("first_cycle", "First cycle after licensure", false);
    first.input.id = "req-first_cycle";
    first.input.dataset.testid = "req-first_cycle";
    this.firstCycle = first.input;
    this.fields.add("first_cycle", first.slot);

    this.credential = h(
      "select",
      {},
      h("option", { value: "" }, "None"),
      choices.credentials.map(([id, title]) => h("option", { value: String(id) }, title)),
    );
    const cred = formField({ field: "credential", label: "Renews credential", control: this.credential, testid: "req-credential", id: "req-credential", cls: "span-2" });
    this.fields.add("credential", cred.slot);

    this.topics = new RowsEditor(
      "topics",
      "Topic minimums",
      [
        { key: "skill", label: "Skill", type: "text", placeholder: "Skill, e.g. Ethical AI governance", cls: "grow" },
        { key: "hours", label: "Hours", type: "text", inputmode: "decimal", cls: "hours" },
        { key: "on_top", label: "On top of the total", type: "check" },
        { key: "first_cycle_only", label: "First cycle only", type: "check" },
      ],
      () => ({ skill: "", hours: "", on_top: false, first_cycle_only: false }),
      "Add topic",
      "Activities tagged with the skill count toward the topic.",
    );
    const anyKind: readonly (readonly [string, string])[] = [["", "Any kind"], ...choices.kinds];
    this.caps = new RowsEditor(
      "caps",
      "Caps",
      [
        { key: "label", label: "Label", type: "text", placeholder: "Label, e.g. Home study", cls: "grow" },
        { key: "max_hours", label: "Max hours", type: "text", inputmode: "decimal", cls: "hours" },
        { key: "kind", label: "Kind", type: "select", options: anyKind },
        { key: "credit_type", label: "Credit type", type: "text", placeholder: "Credit type (any)" },
        { key: "skill", label: "Skill", type: "text", placeholder: "Skill (any)" },
      ],
      () => ({ label: "", max_hours: "", kind: "", credit_type: "", skill: "" }),
      "Add cap",
      "At most this many hours count from activities matching every condition given.",
    );
    this.windows = new RowsEditor(
      "windows",
      "Rolling windows",
      [
        { key: "hours", label: "Hours", type: "text", inputmode: "decimal", cls: "hours" },
        { key: "months", label: "Months", type: "text", inputmode: "numeric", cls: "hours" },
      ],
      () => ({ hours: "", months: "" }),
      "Add window",
      "Hours needed in the last so many months before the cycle ends.",
    );

    const cancel = h("button", { type: "button", class: "btn", "data-testid": "req-cancel" }, "Cancel");
    cancel.addEventListener("click", () => host.cancel());
    this.saveBtn = h("button", { type: "submit", class: "btn btn-primary", "data-testid": "req-save" }, "Add requirement set");
    this.element = h(
      "form",
      { class: "card add-form", "data-testid": "requirement-form", novalidate: true, "aria-labelledby": "req-form-title" },
      h("h3", { id: "req-form-title" }, "New requirement set"),
      this.fields.summary,
      h("div", { class: "grid grid-3" }, name, ends, months, hours, credit, h("div", { class: "checks" }, first.wrapper), cred.wrapper),
      this.topics.element,
      this.caps.element,
      this.windows.element,
      h("div", { class: "form-actions" }, cancel, this.saveBtn),
    );
    this.element.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.save();
    });
  }

  /** The form as typed: Rust reads every number and date, and names the field it refuses. */
  collect(): RequirementDraft {
    const t = this.text;
    const str = (v: string | boolean | undefined) => String(v ?? "");
    return {
      name: t.name.value,
      ends: t.ends.value,
      cycle_months: t.cycle_months.value,
      hours: t.hours.value,
      credit_type: t.credit_type.value,
      topics: this.topics.rows.map((r: RowValues) => ({
        skill: str(r.skill),
        hours: str(r.hours),
        on_top: r.on_top === true,
        first_cycle_only: r.first_cycle_only === true,
      })),
      caps: this.caps.rows.map((r: RowValues) => ({
        label: str(r.label),
        max_hours: str(r.max_hours),
        kind: str(r.kind),
        credit_type: str(r.credit_type),
        skill: str(r.skill),
      })),
      windows: this.windows.rows.map((r: RowValues) => ({ months: str(r.months), hours: str(r.hours) })),
      first_cycle: this.firstCycle.checked,
      credential: this.credential.value ? Number(this.credential.value) : null,
    };
  }

  /** Messages under their fields and rows; any left over in the summary at the top. */
  showErrors(errors: readonly FieldError[], message = ""): void {
    this.fields.show(errors, (rest) => this.windows.showErrors(this.caps.showErrors(this.topics.showErrors(rest))), message);
  }

  async save(): Promise<void> {
    await submitForm({
      root: this.element,
      button: this.saveBtn,
      collect: () => ({ value: this.collect() }),
      send: (r) => this.host.add(r),
      show: (errors, message) => this.showErrors(errors, message),
      saved: (added) => this.host.added(added),
      report: (err) => this.host.report(err),
    });
  }

  focus(): void {
    this.text.name.focus();
  }
}
