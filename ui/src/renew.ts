// The renew dialog: new completion and expiry dates for a credential. Rust parses and checks
// them (renew_credential) and keeps the replaced dates as history; messages go under the
// field they name.

import type { Credential } from "./bindings";
import { h, icon } from "./dom";
import { DATE_PLACEHOLDER } from "./format";
import { textInput } from "./form-parts";
import { shortcut } from "./keys";
import { Modal } from "./kit-dialog";
import { Fields, formField, submitForm } from "./kit-form";

export interface RenewTarget {
  id: number;
  title: string;
  completed: string | null;
  expires: string | null;
}

export interface RenewHost {
  renew(id: number, completed: string, expires: string | null): Promise<Credential>;
  renewed(c: Credential): void;
  closed(): void;
  report(err: unknown): void;
}

export class RenewDialog {
  readonly modal: Modal;
  readonly dialog: HTMLElement;
  private readonly completed: HTMLInputElement;
  private readonly expires: HTMLInputElement;
  private readonly fields = new Fields("renew-errors");
  private readonly saveBtn: HTMLButtonElement;
  private saving = false;

  constructor(
    private readonly host: RenewHost,
    private readonly target: RenewTarget,
  ) {
    const dateAttrs = { placeholder: DATE_PLACEHOLDER, inputmode: "numeric", class: "date" };
    this.completed = textInput("", dateAttrs);
    this.expires = textInput("", dateAttrs);
    const completed = formField({ field: "completed", label: "Renewed on", control: this.completed, testid: "renew-completed", id: "renew-completed" });
    const expires = formField({
      field: "expires",
      label: "New expiry",
      control: this.expires,
      testid: "renew-expires",
      id: "renew-expires",
      hint: "Leave empty if it no longer expires.",
    });
    this.fields.add("completed", completed.slot);
    this.fields.add("expires", expires.slot);

    const close = h("button", { type: "button", class: "icon-btn", "aria-label": "Close", title: "Cancel (Esc)" }, icon("close"));
    close.addEventListener("click", () => this.close());
    const cancel = h("button", { type: "button", class: "btn", "data-testid": "renew-cancel" }, "Cancel");
    cancel.addEventListener("click", () => this.close());
    this.saveBtn = h("button", { type: "submit", class: "btn btn-primary", "data-testid": "renew-save", title: `Enter or ${shortcut("S")}` }, "Renew");
    const current = `Currently completed ${target.completed ?? "—"}, expires ${target.expires ?? "—"}. The old dates are kept as history.`;
    const form = h(
      "form",
      { class: "dialog-form", novalidate: true },
      h("header", { class: "dialog-head" }, h("h2", { id: "renew-title" }, "Renew credential"), close),
      h(
        "div",
        { class: "dialog-body" },
        h("p", { class: "dialog-subject", "data-testid": "renew-subject" }, target.title),
        h("p", { class: "hint" }, current),
        this.fields.summary,
        h("div", { class: "grid" }, completed.wrapper, expires.wrapper),
      ),
      h("footer", { class: "dialog-foot" }, cancel, this.saveBtn),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.save();
    });
    // Like the credential form: a stray click closes only a dialog with nothing typed.
    this.modal = new Modal(form, {
      attrs: { class: "dialog", "aria-labelledby": "renew-title", "data-testid": "renew-dialog" },
      pristine: () => !this.completed.value && !this.expires.value,
      refocus: () => this.completed,
      closed: () => this.host.closed(),
    });
    this.dialog = this.modal.dialog;
    this.dialog.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void this.save();
      }
    });
  }

  mount(parent: HTMLElement): void {
    this.modal.show(this.completed, parent);
  }

  get isOpen(): boolean {
    return this.modal.isOpen;
  }

  async save(): Promise<void> {
    if (this.saving || !this.isOpen) return;
    await submitForm({
      root: this.dialog,
      button: this.saveBtn,
      collect: () => ({ value: { completed: this.completed.value, expires: this.expires.value.trim() ? this.expires.value : null } }),
      send: (v) => this.host.renew(this.target.id, v.completed, v.expires),
      show: (errors, message) => this.fields.show(errors, (rest) => rest, message),
      saved: (c) => {
        this.close();
        this.host.renewed(c);
      },
      report: (err) => this.host.report(err),
      busy: (on) => (this.saving = on),
    });
  }

  close(): void {
    this.modal.close();
  }
}
