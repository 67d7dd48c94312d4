// Building blocks of the credential form: labelled fields with an error slot, the skills
// editor and the list of files chosen for attaching. Kept apart from form.ts so that file
// stays about behaviour (validation, saving, focus).

import type { Evidence, FieldError, SkillDraft } from "./bindings";
import { h, icon } from "./dom";
import { fieldMessage, isRowField, pathOf } from "./format";

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Where the messages for one or more draft fields appear. The slot itself is an always-present
 * live region, so a message inserted into it is announced.
 */
export class ErrorSlot {
  readonly element: HTMLElement;
  private readonly controls = new Map<string, Control>();

  constructor(id: string) {
    this.element = h("div", { class: "field-msg", id, "aria-live": "polite" });
  }

  bind(field: string, control: Control): void {
    this.controls.set(field, control);
    const described = new Set((control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
    described.add(this.element.id);
    control.setAttribute("aria-describedby", [...described].join(" "));
  }

  show(errors: readonly FieldError[]): void {
    this.element.replaceChildren(
      ...errors.map((e) => h("p", { class: "error", "data-testid": `error-${e.field}` }, fieldMessage(e))),
    );
    const bad = new Set(errors.map((e) => e.field));
    for (const [field, control] of this.controls) {
      if (bad.has(field)) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }
}

export interface FieldParts {
  wrapper: HTMLElement;
  label: HTMLLabelElement;
  slot: ErrorSlot;
}

/** A label above its control, with the error slot under it. */
export function field(name: string, labelText: string, control: Control, extraClass = ""): FieldParts {
  const id = `f-${name}`;
  control.id = id;
  control.name = name;
  control.dataset.testid = `field-${name}`;
  control.dataset.field = name;
  const label = h("label", { for: id }, labelText);
  const slot = new ErrorSlot(`${id}-msg`);
  slot.bind(name, control);
  const wrapper = h("div", { class: `field ${extraClass}`.trim(), "data-field": name }, label, control, slot.element);
  return { wrapper, label, slot };
}

/** A checkbox with its label to the right, and an error slot like any other field. */
export function checkField(name: string, labelText: string, checked: boolean): FieldParts & { input: HTMLInputElement } {
  const id = `f-${name}`;
  const input = h("input", { type: "checkbox", id, name, "data-testid": `field-${name}`, "data-field": name });
  input.checked = checked;
  const label = h("label", { for: id }, labelText);
  const slot = new ErrorSlot(`${id}-msg`);
  slot.bind(name, input);
  const wrapper = h("div", { class: "field field-check", "data-field": name }, input, label, slot.element);
  return { wrapper, label, slot, input };
}

export function textInput(value: string, attrs: Record<string, string> = {}): HTMLInputElement {
  const input = h("input", { type: "text", autocomplete: "off", spellcheck: "false", ...attrs });
  input.value = value;
  return input;
}

/** Rows of skill name + relevance; the form reads `skills` and redraws after add/remove. */
export class SkillsEditor {
  readonly element: HTMLElement;
  readonly slot: ErrorSlot;
  skills: SkillDraft[];
  private readonly rowsEl: HTMLElement;
  private rowSlots: ErrorSlot[] = [];
  private lastErrors: readonly FieldError[] = [];
  private readonly onChange: () => void;

  constructor(skills: SkillDraft[], onChange: () => void) {
    this.skills = skills.map((s) => ({ ...s }));
    this.onChange = onChange;
    this.rowsEl = h("div", { class: "skill-rows", role: "list" });
    this.slot = new ErrorSlot("f-skills-msg");
    const add = h("button", { type: "button", class: "btn btn-small", "data-testid": "add-skill" }, icon("plus"), "Add skill");
    add.addEventListener("click", () => {
      this.skills.push({ name: "", relevance: "" });
      this.render();
      this.onChange();
      this.rowsEl.querySelector<HTMLInputElement>(".skill-row:last-child input")?.focus();
    });
    this.element = h(
      "fieldset",
      { class: "skills-editor", "data-field": "skills" },
      h("legend", {}, "Skills"),
      h("p", { class: "hint", id: "skills-hint" }, "Relevance from 0 to 1; leave it empty for 1."),
      this.rowsEl,
      this.slot.element,
      add,
    );
    this.render();
  }

  private row(s: SkillDraft, i: number): HTMLElement {
    const name = textInput(s.name, {
      "aria-label": `Skill ${i + 1} name`,
      placeholder: "Skill, e.g. NLP for EHRs",
      "data-testid": `field-skills[${i}].name`,
      "data-field": "skills",
      class: "skill-name",
    });
    const rel = textInput(s.relevance, {
      "aria-label": `Skill ${i + 1} relevance`,
      "aria-describedby": "skills-hint",
      placeholder: "1",
      inputmode: "decimal",
      "data-testid": `field-skills[${i}].relevance`,
      "data-field": "skills",
      class: "skill-relevance",
    });
    name.addEventListener("input", () => (s.name = name.value));
    rel.addEventListener("input", () => (s.relevance = rel.value));
    const remove = h(
      "button",
      { type: "button", class: "icon-btn", "aria-label": `Remove skill ${i + 1}`, title: "Remove skill", "data-testid": "remove-skill" },
      icon("close"),
    );
    remove.addEventListener("click", () => {
      this.skills.splice(i, 1);
      this.render();
      this.onChange();
      const rows = this.rowsEl.querySelectorAll<HTMLInputElement>(".skill-name");
      (rows[Math.min(i, rows.length - 1)] ?? this.element.querySelector<HTMLButtonElement>("[data-testid=add-skill]"))?.focus();
    });
    const slot = new ErrorSlot(`f-skills-${i}-msg`);
    slot.bind(`skills[${i}].name`, name);
    slot.bind(`skills[${i}].relevance`, rel);
    this.rowSlots[i] = slot;
    return h(
      "div",
      { class: "skill-row", role: "listitem", "data-index": i },
      h("div", { class: "skill-inputs" }, name, rel, remove),
      slot.element,
    );
  }

  render(): void {
    this.rowSlots = [];
    this.rowsEl.replaceChildren(...this.skills.map((s, i) => this.row(s, i)));
    this.showErrors(this.lastErrors);
  }

  /** Places `skills[i].x` messages under row i, and plain `skills` ones under the editor. */
  showErrors(errors: readonly FieldError[]): void {
    this.lastErrors = errors;
    this.slot.show(errors.filter((e) => e.field === "skills"));
    this.rowSlots.forEach((slot, i) => {
      slot.show(errors.filter((e) => isRowField(e, "skills", i)));
    });
  }

  /** Errors naming a row that no longer exists, so the form can still show them somewhere. */
  orphans(errors: readonly FieldError[]): FieldError[] {
    return errors.filter((e) => {
      const p = pathOf(e);
      return p.field === "skills" && p.sub !== null && p.index !== null && p.index >= this.rowSlots.length;
    });
  }
}

function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** Files chosen for attaching (removable before save) and the record's current evidence. */
export class AttachList {
  readonly element: HTMLElement;
  paths: string[] = [];
  private readonly listEl: HTMLElement;

  constructor(existing: readonly Evidence[], pick: () => Promise<string[]>, openEvidence: (e: Evidence) => void) {
    const attach = h("button", { type: "button", class: "btn btn-small", "data-testid": "attach" }, icon("clip"), "Attach files…");
    attach.addEventListener("click", async () => {
      attach.disabled = true;
      try {
        this.add(await pick());
      } finally {
        attach.disabled = false;
      }
    });
    this.listEl = h("ul", { class: "attach-list", "data-testid": "attach-list" });
    const current = existing.length
      ? h(
          "ul",
          { class: "attach-list existing", "aria-label": "Attached evidence" },
          existing.map((e) => {
            const open = h("button", { type: "button", class: "link", title: "Open in the system viewer" }, icon("file"), e.name);
            open.addEventListener("click", () => openEvidence(e));
            return h("li", {}, open);
          }),
        )
      : null;
    this.element = h(
      "fieldset",
      { class: "attach" },
      h("legend", {}, "Evidence"),
      current,
      this.listEl,
      h("div", { class: "attach-actions" }, attach, h("span", { class: "hint" }, "Files are copied into your library when you save.")),
    );
  }

  /** Adds the files not in the list yet (picked, or dropped on the form); returns how many. */
  add(paths: readonly string[]): number {
    const fresh = [...new Set(paths)].filter((p) => !this.paths.includes(p));
    this.paths.push(...fresh);
    this.render();
    return fresh.length;
  }

  private render(): void {
    this.listEl.replaceChildren(
      ...this.paths.map((p, i) => {
        const remove = h("button", { type: "button", class: "icon-btn", "aria-label": `Do not attach ${baseName(p)}`, title: "Remove" }, icon("close"));
        remove.addEventListener("click", () => {
          this.paths.splice(i, 1);
          this.render();
        });
        return h(
          "li",
          { class: "pending", "data-testid": "pending-attachment" },
          h("span", { class: "attach-name" }, icon("file"), baseName(p)),
          h("span", { class: "attach-path", title: p }, p),
          remove,
        );
      }),
    );
  }
}
