import { beforeEach, describe, expect, it, vi } from "vitest";
import { h } from "./dom";
import { confirmAction, Modal } from "./kit-dialog";

beforeEach(() => document.body.replaceChildren());

function setup(pristine = true) {
  const opener = h("button", { type: "button" }, "Open");
  const field = h("input", { type: "text" });
  document.body.append(opener);
  opener.focus();
  const closed = vi.fn();
  const modal = new Modal(h("form", {}, field), { attrs: { class: "dialog", "data-testid": "kit-dialog" }, pristine: () => pristine, refocus: () => field, closed });
  modal.show(field);
  return { opener, field, closed, modal };
}

describe("Modal (native <dialog>)", () => {
  it("opens as a modal <dialog> with the keyboard in its first field", () => {
    const { field, modal } = setup();
    expect(modal.dialog instanceof HTMLDialogElement, "a native dialog").toBe(true);
    expect(modal.dialog.open, "shown").toBe(true);
    expect(modal.dialog.className, "the modal class is kept beside the caller's").toBe("modal dialog");
    expect(document.activeElement, "the first field has the keyboard").toBe(field);
  });

  it("Escape closes it and gives the keyboard back to the opener", () => {
    const { opener, closed, modal } = setup();
    const outside = vi.fn();
    window.addEventListener("keydown", outside);
    modal.dialog.querySelector("input")?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    window.removeEventListener("keydown", outside);
    expect(modal.isOpen, "closed").toBe(false);
    expect(document.querySelector('[data-testid="kit-dialog"]'), "gone from the document").toBeNull();
    expect(document.activeElement, "focus is back on the opener").toBe(opener);
    expect(closed, "the host hears of it once").toHaveBeenCalledOnce();
    expect(outside, "the page behind does not also act on that Escape").not.toHaveBeenCalled();
  });

  it("the browser's own cancel (Escape) and close() both return focus, and closing twice tells the host once", () => {
    const first = setup();
    first.modal.dialog.dispatchEvent(new Event("cancel", { cancelable: true }));
    expect(document.activeElement, "cancel returns focus").toBe(first.opener);
    first.modal.close();
    expect(first.closed, "closed only once").toHaveBeenCalledOnce();
    const second = setup();
    second.modal.close();
    expect([second.modal.isOpen, document.activeElement], "close() returns focus too").toEqual([false, second.opener]);
  });

  it("a press beside the content closes only when nothing would be lost", () => {
    const dirty = setup(false);
    dirty.opener.focus();
    dirty.modal.dialog.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }));
    expect(dirty.modal.isOpen, "typing survives a stray click").toBe(true);
    expect(document.activeElement, "the keyboard goes back into the dialog").toBe(dirty.field);
    dirty.field.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }));
    expect(dirty.modal.isOpen, "a press inside is not beside it").toBe(true);
    document.body.replaceChildren();
    const clean = setup(true);
    clean.modal.dialog.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }));
    expect(clean.modal.isOpen, "a pristine dialog closes").toBe(false);
  });
});

describe("confirmAction", () => {
  const ask = () =>
    confirmAction({ title: "Restore?", body: ["Replaces <all>.", "Kept aside."], action: "Restore", testid: "ask", confirmTestid: "ask-ok" });
  const part = (sel: string) => document.querySelector<HTMLElement>(`[data-testid="ask"] ${sel}`);

  it("says what will happen, starts on Cancel, and answers true only for the confirm button", async () => {
    const answer = ask();
    expect([...document.querySelectorAll('[data-testid="ask"] p')].map((p) => p.textContent), "one paragraph each, as text").toEqual(["Replaces <all>.", "Kept aside."]);
    expect(document.activeElement?.getAttribute("data-testid"), "Enter out of habit does nothing").toBe("ask-cancel");
    part('[data-testid="ask-ok"]')?.click();
    expect(await answer, "confirmed").toBe(true);
    expect(part(""), "closed").toBeNull();
  });

  it("answers false for Cancel and for Escape", async () => {
    const cancelled = ask();
    part('[data-testid="ask-cancel"]')?.click();
    expect(await cancelled, "Cancel").toBe(false);
    const escaped = ask();
    part("button")?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(await escaped, "Escape").toBe(false);
  });
});
