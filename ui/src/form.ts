// The add/edit form. It gathers text exactly as typed into a CredentialDraft; Rust
// (validate_draft, save_credential) decides what is wrong and says so in its own words.

import type { Credential, CredentialDraft, CredentialKind, Evidence, FieldError } from "./bindings";
import { debounce, h, icon } from "./dom";
import { DATE_PLACEHOLDER, fieldMessage, KindLabels, pathOf } from "./format";
import { AttachList, checkField, ErrorSlot, field, SkillsEditor, textInput } from "./form-parts";
import { Latest } from "./kit-async";
import { Modal } from "./kit-dialog";
import { submitForm } from "./kit-form";
import { shortcut } from "./keys";

export interface FormHost {
  kinds: KindLabels;
  validate(draft: CredentialDraft): Promise<FieldError[]>;
  save(id: number | null, draft: CredentialDraft, attach: string[]): Promise<Credential>;
  pickFiles(): Promise<string[]>;
  openEvidence(e: Evidence): void;
  /** After a successful save; the form has already closed. */
  saved(c: Credential): void;
  /** After the form closed, whether saved or cancelled. */
  closed(): void;
  /** Errors that are not about a field (io, database, ...): shown as a toast. */
  report(err: unknown): void;
}

export interface FormInit {
  id: number | null;
  draft: CredentialDraft;
  evidence: readonly Evidence[];
}

/**
 * The open record form as a drop of files on the window sees it (import-page.ts): a new
 * record's form (`id` null) gives the files to the Import page, an existing record's form
 * attaches them as evidence.
 */
export type RecordFormView = Pick<CredentialForm, "id" | "modal" | "busy" | "isDirty" | "attachFiles" | "close">;

const VALIDATE_DELAY_MS = 200;
const TEXT_FIELDS = ["title", "issuer", "started", "completed", "expires", "hours", "credit_type", "credential_id", "url", "notes"] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export class CredentialForm {
  readonly modal: Modal;
  readonly form: HTMLFormElement;
  /** The record edited; null for a new one. */
  readonly id: number | null;
  private readonly host: FormHost;
  private readonly controls = {} as Record<TextField, HTMLInputElement | HTMLTextAreaElement>;
  private readonly slots = new Map<string, ErrorSlot>();
  private readonly kind: HTMLSelectElement;
  private readonly inProgress: HTMLInputElement;
  private readonly verified: HTMLInputElement;
  private readonly completedLabel: HTMLLabelElement;
  private readonly skills: SkillsEditor;
  private readonly attach: AttachList;
  private readonly summary: HTMLElement;
  private readonly saveBtn: HTMLButtonElement;
  private readonly initial: string;
  /** Fields the user has been in; their messages show while typing. After a save attempt, all show. */
  private readonly touched = new Set<string>();
  private showAll = false;
  private errors: FieldError[] = [];
  private readonly validations = new Latest();
  private saving = false;
  private readonly validateSoon = debounce(() => void this.validate(), VALIDATE_DELAY_MS);

  constructor(host: FormHost, init: FormInit) {
    this.host = host;
    this.id = init.id;
    const d = init.draft;

    this.kind = h("select", {});
    const kinds = [...host.kinds.options];
    if (!kinds.some((k) => k.kind === d.kind)) kinds.push({ kind: d.kind, label: host.kinds.label(d.kind) });
    for (const k of kinds) this.kind.append(h("option", { value: k.kind }, k.label));
    this.kind.value = d.kind;
    const kindField = field("kind", "Kind", this.kind, "field-kind");
    this.slots.set("kind", kindField.slot);

    const progress = checkField("in_progress", "In progress", d.in_progress);
    this.inProgress = progress.input;
    this.slots.set("in_progress", progress.slot);
    const verifiedField = checkField("verified", "Verified against the issuer", d.verified);
    this.verified = verifiedField.input;
    this.slots.set("verified", verifiedField.slot);

    const text = (name: TextField, label: string, attrs: Record<string, string> = {}, cls = "") => {
      const input = name === "notes" ? h("textarea", { rows: 4 }) : textInput("", attrs);
      input.value = d[name];
      this.controls[name] = input;
      const parts = field(name, label, input, cls);
      this.slots.set(name, parts.slot);
      return parts;
    };
    const dateAttrs = { placeholder: DATE_PLACEHOLDER, inputmode: "numeric", class: "date" };
    const title = text("title", "Title", { placeholder: "e.g. AI in Clinical Practice Certificate" }, "span-2");
    const issuer = text("issuer", "Issuer", { placeholder: "Institution, board or provider" }, "span-2");
    const started = text("started", "Started", dateAttrs);
    const completed = text("completed", "Completed", dateAttrs);
    this.completedLabel = completed.label;
    const expires = text("expires", "Expires", dateAttrs);
    const hours = text("hours", "Hours", { inputmode: "decimal", placeholder: "e.g. 12.5" });
    const credit = text("credit_type", "Credit type", { placeholder: "e.g. AMA PRA Category 1" }, "span-2");
    const credId = text("credential_id", "Credential ID");
    const url = text("url", "Verification URL", { placeholder: "https://", inputmode: "url" }, "span-2");
    const notes = text("notes", "Notes", {}, "span-3");
    this.syncCompletedLabel();

    this.skills = new SkillsEditor(d.skills, () => this.changed("skills"));
    this.slots.set("skills", this.skills.slot);
    this.attach = new AttachList(init.evidence, () => host.pickFiles(), (e) => host.openEvidence(e));

    this.summary = h("div", { class: "form-summary", role: "alert", "data-testid": "form-errors" });
    const editing = init.id !== null;
    const closeBtn = h("button", { type: "button", class: "icon-btn", "aria-label": "Close", title: `Cancel (Esc)` }, icon("close"));
    closeBtn.addEventListener("click", () => this.cancel());
    const cancel = h("button", { type: "button", class: "btn", "data-testid": "cancel", title: "Esc" }, "Cancel");
    cancel.addEventListener("click", () => this.cancel());
    this.saveBtn = h(
      "button",
      { type: "button", class: "btn btn-primary", "data-testid": "save", title: `${shortcut("S")} or ${shortcut("Enter")}` },
      editing ? "Save changes" : "Save credential",
    );
    this.saveBtn.addEventListener("click", () => void this.save());

    this.form = h(
      "form",
      { class: "drawer", "data-testid": "credential-form", novalidate: true },
      h("header", { class: "drawer-head" }, h("h2", { id: "form-title" }, editing ? "Edit credential" : "New credential"), closeBtn),
      h(
        "div",
        { class: "drawer-body" },
        this.summary,
        h("div", { class: "grid" }, kindField.wrapper, h("div", { class: "checks" }, progress.wrapper, verifiedField.wrapper)),
        h("div", { class: "grid" }, title.wrapper, issuer.wrapper),
        h("div", { class: "grid grid-3" }, started.wrapper, completed.wrapper, expires.wrapper),
        h("div", { class: "grid grid-3" }, hours.wrapper, credit.wrapper),
        h("div", { class: "grid grid-3" }, credId.wrapper, url.wrapper),
        h("div", { class: "grid grid-3" }, notes.wrapper),
        this.skills.element,
        this.attach.element,
      ),
      h(
        "footer",
        { class: "drawer-foot" },
        h("span", { class: "hint" }, `${shortcut("S")} save · Esc cancel`),
        h("div", { class: "drawer-buttons" }, cancel, this.saveBtn),
      ),
    );
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.save();
    });
    this.form.addEventListener("input", (e) => this.changed(fieldOf(e.target), true));
    this.form.addEventListener("change", (e) => {
      if (e.target === this.inProgress) this.syncCompletedLabel();
      if (e.target instanceof HTMLInputElement && e.target.type === "checkbox") this.changed(fieldOf(e.target));
    });
    this.form.addEventListener("focusout", (e) => {
      const name = fieldOf(e.target);
      if (!name || !this.isOpen) return;
      this.touched.add(name);
      this.validateSoon.cancel();
      void this.validate();
    });
    this.modal = new Modal(this.form, {
      attrs: { class: "modal-drawer", "aria-labelledby": "form-title" },
      pristine: () => !this.isDirty(),
      refocus: () => this.controls.title,
      closed: () => {
        this.validateSoon.cancel();
        this.host.closed();
      },
    });
    this.initial = JSON.stringify(this.collect());
  }

  /** Puts the form on screen and the cursor in the title. */
  mount(parent: HTMLElement): void {
    this.modal.show(this.controls.title, parent);
  }

  get isOpen(): boolean {
    return this.modal.isOpen;
  }

  /** True once anything differs from the values the form opened with. */
  isDirty(): boolean {
    return JSON.stringify(this.collect()) !== this.initial || this.attach.paths.length > 0;
  }

  /** The form's values as Rust expects them: text as typed, untrimmed. */
  collect(): CredentialDraft {
    const c = this.controls;
    return {
      kind: this.kind.value as CredentialKind,
      in_progress: this.inProgress.checked,
      title: c.title.value,
      issuer: c.issuer.value,
      started: c.started.value,
      completed: c.completed.value,
      expires: c.expires.value,
      hours: c.hours.value,
      credit_type: c.credit_type.value,
      credential_id: c.credential_id.value,
      url: c.url.value,
      notes: c.notes.value,
      verified: this.verified.checked,
      skills: this.skills.skills.map((s) => ({ name: s.name, relevance: s.relevance })),
    };
  }

  get pendingAttachments(): readonly string[] {
    return this.attach.paths;
  }

  /** Adds files to the evidence copied in on save (dropped on the form); returns how many were new. */
  attachFiles(paths: readonly string[]): number {
    return this.attach.add(paths);
  }

  /** A save is on its way: what it sends is fixed. */
  get busy(): boolean {
    return this.saving;
  }

  /** Shows `errors` under their fields; with `all`, also for fields not yet visited. */
  showErrors(errors: readonly FieldError[], all = false): void {
    if (all) this.showAll = true;
    this.errors = [...errors];
    const visible = this.showAll ? this.errors : this.errors.filter((e) => this.touched.has(baseField(e.field)));
    for (const [name, slot] of this.slots) {
      if (name === "skills") continue;
      slot.show(visible.filter((e) => e.field === name));
    }
    this.skills.showErrors(visible.filter((e) => pathOf(e).field === "skills"));
    // Messages for fields the form has no place for still have to be seen somewhere.
    const placed = (e: FieldError) => this.slots.has(e.field) || (pathOf(e).field === "skills" && pathOf(e).index !== null && !this.skills.orphans([e]).length);
    const orphans = visible.filter((e) => !placed(e));
    this.summary.replaceChildren(
      ...orphans.map((e) => h("p", { class: "error", "data-testid": `error-${e.field}` }, fieldMessage(e))),
    );
  }

  /** Runs validate_draft now; late answers to older drafts are dropped. */
  async validate(): Promise<void> {
    await this.validations.run(
      () => this.host.validate(this.collect()),
      (errors) => {
        if (this.isOpen && !this.saving) this.showErrors(errors);
      },
      (err) => {
        if (this.isOpen) this.host.report(err);
      },
    );
  }

  async save(): Promise<void> {
    if (this.saving || !this.isOpen) return;
    this.validateSoon.cancel();
    this.validations.drop();
    await submitForm({
      root: this.form,
      button: this.saveBtn,
      collect: () => ({ value: this.collect() }),
      send: (draft) => this.host.save(this.id, draft, [...this.attach.paths]),
      show: (errors, message) => {
        this.showErrors(errors, true);
        if (message) this.summary.replaceChildren(h("p", { class: "error" }, message));
      },
      saved: (saved) => {
        this.close();
        this.host.saved(saved);
      },
      report: (err) => this.host.report(err),
      busy: (on) => this.setSaving(on),
    });
  }

  cancel(): void {
    this.close();
  }

  close(): void {
    this.modal.close();
  }

  private setSaving(on: boolean): void {
    this.saving = on;
    this.form.setAttribute("aria-busy", on ? "true" : "false");
  }

  private changed(name: string | null, typing = false): void {
    if (!name || !this.isOpen) return;
    this.touched.add(name);
    if (typing) this.validateSoon();
    else {
      this.validateSoon.cancel();
      void this.validate();
    }
  }

  private syncCompletedLabel(): void {
    this.completedLabel.textContent = this.inProgress.checked ? "Expected completion" : "Completed";
  }
}

function fieldOf(target: EventTarget | null): string | null {
  return target instanceof HTMLElement ? (target.dataset.field ?? null) : null;
}

/** "skills[2].name" counts as the skills editor having been visited. */
function baseField(field: string): string {
  return field.startsWith("skills[") ? "skills" : field;
}
