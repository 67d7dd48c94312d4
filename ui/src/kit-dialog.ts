// A modal on the native <dialog>: showModal makes the page behind inert, so Tab stays inside
// and assistive technology sees a dialog without hand-built focus traps. What is left to us:
// Escape and closing give the keyboard back to whatever opened it, and a stray click beside
// the content must not throw away typing.

import { h, type Attrs } from "./dom";

export interface ModalOptions {
  /** Attributes of the <dialog> (class, data-testid, aria-labelledby). */
  attrs: Attrs;
  /** True when nothing would be lost: only then does a click beside the content close it. */
  pristine(): boolean;
  /** Where the keyboard goes after a stray click that did not close it. */
  refocus(): HTMLElement | null;
  /** After it closed, however that happened. */
  closed(): void;
}

export class Modal {
  readonly dialog: HTMLDialogElement;
  private opener: Element | null = null;
  private open = false;

  constructor(content: HTMLElement, private readonly opts: ModalOptions) {
    this.dialog = h("dialog", { ...opts.attrs, class: `modal ${opts.attrs.class ?? ""}`.trim() }, content);
    // The browser's own Escape handling would close it without telling the host.
    this.dialog.addEventListener("cancel", (e) => {
      e.preventDefault();
      this.close();
    });
    this.dialog.addEventListener("keydown", (e) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      e.stopPropagation();
      this.close();
    });
    // The content fills the <dialog>, so a press on the <dialog> itself is on its backdrop.
    this.dialog.addEventListener("mousedown", (e) => {
      if (e.target !== this.dialog) return;
      e.preventDefault();
      if (this.opts.pristine()) this.close();
      else this.opts.refocus()?.focus();
    });
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Shows it over the page and gives `first` the keyboard; the opener gets it back on close. */
  show(first: HTMLElement | null, parent: HTMLElement = document.body): void {
    this.opener = document.activeElement;
    this.open = true;
    parent.append(this.dialog);
    this.dialog.showModal();
    first?.focus();
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    if (this.dialog.open) this.dialog.close();
    this.dialog.remove();
    if (this.opener instanceof HTMLElement && this.opener.isConnected) this.opener.focus();
    this.opts.closed();
  }
}

export interface ConfirmOptions {
  title: string;
  /** What will happen and how to go back, one paragraph each. */
  body: readonly string[];
  /** The confirm button's label, a verb ("Restore"). */
  action: string;
  /** The dialog's data-testid; the confirm button's is `confirmTestid`. */
  testid: string;
  confirmTestid: string;
}

/**
 * Asks before an action that replaces data: true when confirmed, false when cancelled or
 * closed. The keyboard starts on Cancel, so an Enter pressed out of habit does nothing.
 */
export function confirmAction(o: ConfirmOptions, parent: HTMLElement = document.body): Promise<boolean> {
  return new Promise((resolve) => {
    const titleId = `${o.testid}-title`;
    const cancel = h("button", { type: "button", class: "btn", "data-testid": `${o.testid}-cancel` }, "Cancel");
    const ok = h("button", { type: "submit", class: "btn btn-primary", "data-testid": o.confirmTestid }, o.action);
    const form = h(
      "form",
      { class: "dialog-form", novalidate: true },
      h("header", { class: "dialog-head" }, h("h2", { id: titleId }, o.title)),
      h("div", { class: "dialog-body" }, ...o.body.map((p) => h("p", {}, p))),
      h("footer", { class: "dialog-foot" }, cancel, ok),
    );
    // Nothing is typed in it, so a click beside it is as good as Cancel.
    const modal = new Modal(form, {
      attrs: { class: "dialog", "aria-labelledby": titleId, "data-testid": o.testid },
      pristine: () => true,
      refocus: () => cancel,
      closed: () => resolve(false),
    });
    cancel.addEventListener("click", () => modal.close());
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      // Settled before close() runs `closed`, so this answer is the one that counts.
      resolve(true);
      modal.close();
    });
    modal.show(cancel, parent);
  });
}
