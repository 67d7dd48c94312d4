// The renew dialog: new completion and expiry dates for a credential. Rust parses and checks
// them (renew_credential) and keeps the replaced dates as history; messages go under the
// field they name.

import type { Credential } from "./bindings";
import { h, icon } from "./dom";
import { DATE_PLACEHOLDER } from "./format";
import { textInput } from "./form-parts";
import { shortcut } from "./keys";
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
  readonly root: HTMLElement;
  readonly dialog: HTMLElement;
  private readonly completed: HTMLInputElement;
  private readonly expires: HTMLInputElement;
  private readonly fields = new Fields("renew-errors");
  private readonly saveBtn: HTMLButtonElement;
  private readonly returnFocus: Element | null;
  private saving = false;
  private open = true;

  constructor(
    private readonly host: RenewHost,
    private readonly target: RenewTarget,
  ) {
    this.returnFocus = document.activeElement;
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
    this.dialog = h(
      "div",
      { class: "dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": "renew-title", "data-testid": "renew-dialog" },
      form,
    );
    this.dialog.addEventListener("keydown", (e) => this.onKey(e));
    const backdrop = h("div", { class: "backdrop" });
    // Like the credential form: a stray click closes only a dialog with nothing typed.
    backdrop.addEventListener("mousedown", (e) => {
      e.preventDefault();
      if (this.completed.value || this.expires.value) this.completed.focus();
      else this.close();
    });
    this.root = h("div", { class: "overlay overlay-center" }, backdrop, this.dialog);
  }

  mount(parent: HTMLElement): void {
    parent.append(this.root);
    this.completed.focus();
  }

  get isOpen(): boolean {
    return this.open;
  }

  async save(): Promise<void> {
    if (this.saving || !this.open) return;
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
    if (!this.open) return;
    this.open = false;
    this.root.remove();
    if (this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) this.returnFocus.focus();
    this.host.closed();
  }

  // Modal: Escape cancels, Ctrl+S saves, Tab stays inside.
  private onKey(e: KeyboardEvent): void {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
      e.preventDefault();
      void this.save();
    } else if (e.key === "Tab") {
      const focusable = [...this.dialog.querySelectorAll<HTMLElement>("input, button")].filter((el) => !(el as HTMLButtonElement).disabled);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  }
}
