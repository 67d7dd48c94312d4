import { afterEach, describe, expect, it, vi } from "vitest";
import { BackendError } from "./backend";
import type { FieldError } from "./bindings";
import { h } from "./dom";
import { textInput } from "./form-parts";
import { Fields, formField, submitForm, type SaveForm } from "./kit-form";

afterEach(() => document.body.replaceChildren());

/** A two-field form in the document, saved through submitForm. */
function form(overrides: Partial<SaveForm<{ title: string; hours: string }, string>> = {}) {
  const fields = new Fields("kit-errors");
  const title = textInput("");
  const hours = textInput("");
  const t = formField({ field: "title", label: "Title", control: title, testid: "kit-title", id: "kit-title" });
  const hr = formField({ field: "hours", label: "Hours", control: hours, testid: "kit-hours", id: "kit-hours" });
  fields.add("title", t.slot);
  fields.add("hours", hr.slot);
  const button = h("button", { type: "submit" }, "Save");
  const root = h("form", {}, fields.summary, t.wrapper, hr.wrapper, button);
  document.body.append(root);
  const f: SaveForm<{ title: string; hours: string }, string> = {
    root,
    button,
    collect: () => ({ value: { title: title.value, hours: hours.value } }),
    send: vi.fn(async () => "saved"),
    show: (errors: readonly FieldError[], message: string) => fields.show(errors, (rest) => rest, message),
    saved: vi.fn(),
    report: vi.fn(),
    ...overrides,
  };
  return { f, title, hours, t, hr, root, fields };
}

describe("submitForm (save-form helper)", () => {
  it("puts Rust's validation errors under the fields they name, the rest in the summary", async () => {
    const { f, hours, t, hr, fields } = form({
      send: async () => {
        throw new BackendError("validation", "2 problems", [
          { field: "hours", message: "-1 must not be negative" },
          { field: "mystery", message: "is odd" },
        ]);
      },
    });
    expect(await submitForm(f), "a refused save did not save").toBe(false);
    expect(hr.wrapper.querySelector('[data-testid="error-hours"]')?.textContent, "the message sits under Hours").toBe("-1 must not be negative");
    expect(t.wrapper.querySelector(".error"), "nothing under Title").toBeNull();
    expect(fields.summary.querySelector('[data-testid="error-mystery"]')?.textContent, "a field without a place goes to the summary").toContain("is odd");
    expect(hours.getAttribute("aria-invalid"), "the control is marked invalid").toBe("true");
    expect(document.activeElement, "the keyboard goes to the first field in error").toBe(hours);
    expect(f.saved, "nothing saved").not.toHaveBeenCalled();
    expect(f.report, "a validation error is not a toast").not.toHaveBeenCalled();
  });

  it("shows what cannot be sent as typed without sending", async () => {
    const { f, title } = form({ collect: () => ({ errors: [{ field: "title", message: "is required" }] }) });
    await submitForm(f);
    expect(f.send, "nothing goes to Rust").not.toHaveBeenCalled();
    expect(title.closest(".field")?.querySelector('[data-testid="error-title"]')?.textContent, "the message is under Title").toBe("Title is required");
    expect(document.activeElement, "and Title has the keyboard").toBe(title);
  });

  it("reports a failure that is not about a field, keeping what was typed", async () => {
    const err = new BackendError("io", "disk full", []);
    const { f, title } = form({ send: async () => Promise.reject(err) });
    title.value = "Typed";
    await submitForm(f);
    expect(f.report, "the failure is reported").toHaveBeenCalledWith(err);
    expect(title.value, "typing survives").toBe("Typed");
  });

  it("saves once, with the button disabled while sending, and clears old messages on the next try", async () => {
    let release!: () => void;
    const { f, fields } = form({ send: () => new Promise<string>((res) => (release = () => res("ok"))) });
    fields.show([{ field: "title", message: "old" }]);
    const busy = vi.fn();
    const running = submitForm({ ...f, busy });
    expect(f.button.disabled, "no second click while sending").toBe(true);
    expect(busy, "told that sending started").toHaveBeenCalledWith(true);
    release();
    expect(await running, "it saved").toBe(true);
    expect(f.saved, "saved gets Rust's answer").toHaveBeenCalledWith("ok");
    expect([f.button.disabled, busy.mock.calls.at(-1)?.[0]], "usable again, and told so").toEqual([false, false]);
  });
});
