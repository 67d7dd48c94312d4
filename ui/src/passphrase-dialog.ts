// The passphrase dialogs of archives. Sealing one: whether to encrypt it, and the passphrase
// typed twice; the two are compared here before anything goes to Rust (a confirmation that
// it was typed as meant, not a rule Rust has). Opening one: the passphrase asked, and Rust's
// refusal of a wrong one shown in the dialog so the person can try again. A passphrase lives
// only in its fields while the dialog is open: never logged, and emptied when it closes.

import type { FieldError } from "./bindings";
import { toBackendError } from "./backend";
import { h, icon, type Child } from "./dom";
import { Modal } from "./kit-dialog";
import { formField } from "./kit-form";
import type { Report } from "./kit-async";

/** What the sealing dialog answers: the passphrase to seal with, or null for a plain archive. */
export interface Sealing {
  passphrase: string | null;
}

export interface SealOptions {
  title: string;
  /** What will be written, and where. */
  intro: string;
  /** The confirm button's label. */
  action: string;
}

export interface OpenOptions<T> {
  /** The archive's file name, as the dialog names it (and Rust's messages begin). */
  name: string;
  /** The confirm button's label ("Restore"). */
  action: string;
  /** Runs with the passphrase typed; a rejection about the passphrase keeps the dialog open. */
  open(passphrase: string): Promise<T>;
  /** Other failures: the dialog closes and they go here. */
  report: Report;
}

function passwordInput(autocomplete: "new-password" | "current-password"): HTMLInputElement {
  return h("input", { type: "password", autocomplete, spellcheck: "false", autocapitalize: "off", class: "passphrase" });
}

/** The UI's own check of a passphrase to seal with: not empty, and the same in both fields. */
export function sealErrors(passphrase: string, repeat: string): FieldError[] {
  if (!passphrase) return [{ field: "passphrase", message: "Type a passphrase, or untick “Encrypt with a passphrase”." }];
  if (passphrase !== repeat) return [{ field: "passphrase_repeat", message: "The two passphrases differ: type the same one in both fields." }];
  return [];
}

interface Shell {
  form: HTMLFormElement;
  modal: Modal;
  ok: HTMLButtonElement;
}

/** A dialog's form: a heading with a close button, the body, Cancel and the action. */
function shell(testid: string, title: string, action: string, body: Child[], o: { pristine(): boolean; refocus(): HTMLElement | null; closed(): void }): Shell {
  const titleId = `${testid}-title`;
  const close = h("button", { type: "button", class: "icon-btn", "aria-label": "Close", title: "Cancel (Esc)" }, icon("close"));
  const cancel = h("button", { type: "button", class: "btn", "data-testid": `${testid}-cancel` }, "Cancel");
  const ok = h("button", { type: "submit", class: "btn btn-primary", "data-testid": `${testid}-ok` }, action);
  const form = h(
    "form",
    { class: "dialog-form", novalidate: true },
    h("header", { class: "dialog-head" }, h("h2", { id: titleId }, title), close),
    h("div", { class: "dialog-body" }, ...body),
    h("footer", { class: "dialog-foot" }, cancel, ok),
  );
  const modal = new Modal(form, { attrs: { class: "dialog", "aria-labelledby": titleId, "data-testid": testid }, ...o });
  close.addEventListener("click", () => modal.close());
  cancel.addEventListener("click", () => modal.close());
  return { form, modal, ok };
}

/**
 * Asks whether to encrypt an archive about to be written: the passphrase when "Encrypt with
 * a passphrase" is ticked, null when not; null as the whole answer when cancelled.
 */
export function askToSeal(o: SealOptions, parent: HTMLElement = document.body): Promise<Sealing | null> {
  return new Promise((resolve) => {
    let answer: Sealing | null = null;
    const encrypt = h("input", { type: "checkbox", id: "seal-encrypt", "data-testid": "encrypt" });
    const pass = passwordInput("new-password");
    const repeat = passwordInput("new-password");
    const first = formField({ field: "passphrase", label: "Passphrase", control: pass, testid: "passphrase", id: "seal-passphrase" });
    const second = formField({ field: "passphrase_repeat", label: "Repeat the passphrase", control: repeat, testid: "passphrase-repeat", id: "seal-passphrase-repeat" });
    const show = (errors: readonly FieldError[]): void => {
      first.slot.show(errors.filter((e) => e.field === "passphrase"));
      second.slot.show(errors.filter((e) => e.field === "passphrase_repeat"));
    };
    const secret = h("fieldset", { class: "passphrase-fields", disabled: true }, first.wrapper, second.wrapper);
    const warning = h(
      "p",
      { class: "hint", id: "seal-warning" },
      "Without the passphrase nobody can open the archive, you included: Dossier keeps no copy of it and cannot recover it.",
    );
    pass.setAttribute("aria-describedby", `${pass.getAttribute("aria-describedby") ?? ""} seal-warning`.trim());
    const { form, modal } = shell(
      "seal-dialog",
      o.title,
      o.action,
      [
        h("p", {}, o.intro),
        h("div", { class: "field field-check" }, encrypt, h("label", { for: encrypt.id }, "Encrypt with a passphrase")),
        secret,
        warning,
      ],
      {
        pristine: () => !pass.value && !repeat.value,
        refocus: () => (encrypt.checked ? pass : encrypt),
        closed: () => {
          pass.value = "";
          repeat.value = "";
          resolve(answer);
        },
      },
    );
    encrypt.addEventListener("change", () => {
      secret.disabled = !encrypt.checked;
      show([]);
      if (encrypt.checked) pass.focus();
    });
    // A message about the last try goes once the person types again.
    for (const input of [pass, repeat]) input.addEventListener("input", () => show([]));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      if (!encrypt.checked) {
        answer = { passphrase: null };
        modal.close();
        return;
      }
      const errors = sealErrors(pass.value, repeat.value);
      show(errors);
      if (errors.length) {
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
        return;
      }
      answer = { passphrase: pass.value };
      modal.close();
    });
    modal.show(encrypt, parent);
  });
}

/** Rust's message without the file name it begins with, since the dialog names the file. */
function withoutName(message: string, name: string): string {
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

/**
 * Asks for the passphrase of a sealed archive and runs `open` with it: a refusal that is about
 * the passphrase (a wrong one) is shown under the field for another try; anything else closes
 * the dialog and is reported. What `open` answered, or null when cancelled or failed.
 */
export function askPassphrase<T>(o: OpenOptions<T>, parent: HTMLElement = document.body): Promise<T | null> {
  return new Promise((resolve) => {
    let answer: T | null = null;
    let working = false;
    const pass = passwordInput("current-password");
    const field = formField({ field: "passphrase", label: "Passphrase", control: pass, testid: "passphrase", id: "open-passphrase" });
    const show = (message: string): void => field.slot.show(message ? [{ field: "passphrase", message }] : []);
    const { form, modal, ok } = shell(
      "passphrase-dialog",
      "This archive is encrypted",
      o.action,
      [h("p", { class: "dialog-subject" }, o.name), h("p", {}, "Type the passphrase it was encrypted with."), field.wrapper],
      {
        pristine: () => !pass.value,
        refocus: () => pass,
        closed: () => {
          pass.value = "";
          // Closed while Rust was still at work: the answer comes when it is done.
          if (!working) resolve(answer);
        },
      },
    );
    pass.addEventListener("input", () => show(""));
    const busy = (on: boolean): void => {
      working = on;
      ok.disabled = on;
      ok.classList.toggle("busy", on);
      form.setAttribute("aria-busy", String(on));
    };
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      if (working) return;
      if (!pass.value) {
        show("Type the passphrase the archive was encrypted with.");
        pass.focus();
        return;
      }
      busy(true);
      o.open(pass.value).then(
        (value) => {
          busy(false);
          answer = value;
          if (modal.isOpen) modal.close();
          else resolve(value);
        },
        (err: unknown) => {
          busy(false);
          const message = toBackendError("", err).message;
          if (modal.isOpen && /passphrase/i.test(message)) {
            show(withoutName(message, o.name));
            pass.select();
            pass.focus();
            return;
          }
          if (modal.isOpen) modal.close();
          else resolve(null);
          o.report(err);
        },
      );
    });
    modal.show(pass, parent);
  });
}
