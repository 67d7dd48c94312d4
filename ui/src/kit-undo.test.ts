import { beforeEach, describe, expect, it, vi } from "vitest";
import { Undo, type Removal } from "./kit-undo";
import { settle } from "./test-support";
import { Toaster } from "./toast";

beforeEach(() => document.body.replaceChildren());

/** A store of names the removal takes from and Undo puts back into. */
function setup() {
  const names = new Set(["alpha", "beta"]);
  const toaster = new Toaster(document.body);
  const report = vi.fn();
  const undo = new Undo(toaster, report);
  const removal = (name: string, over: Partial<Removal<string>> = {}): Removal<string> => ({
    remove: async () => {
      names.delete(name);
      return name;
    },
    restore: async (n) => names.add(n),
    removedText: (n) => `Removed '${n}'.`,
    restoredText: (n) => `Restored '${n}'.`,
    afterRemove: vi.fn(),
    afterRestore: vi.fn(),
    ...over,
  });
  const toasts = () => [...document.querySelectorAll('[data-testid="toast"]')].map((t) => t.querySelector(".toast-message")?.textContent);
  return { names, undo, removal, report, toasts };
}

describe("Undo (undoable removal)", () => {
  it("removes at once, offers Undo, and Undo restores what was removed", async () => {
    const { names, undo, removal, toasts } = setup();
    const r = removal("alpha");
    await undo.remove(r);
    expect(names.has("alpha"), "removed at once").toBe(false);
    expect(toasts(), "the toast says what went").toEqual(["Removed 'alpha'."]);
    expect(r.afterRemove, "the page reloads after the removal").toHaveBeenCalledWith("alpha");
    document.querySelector<HTMLButtonElement>('[data-testid="undo"]')?.click();
    await settle();
    expect(names.has("alpha"), "Undo restores it").toBe(true);
    expect(toasts(), "the Undo toast is replaced by the confirmation").toEqual(["Restored 'alpha'."]);
    expect(r.afterRestore, "the page reloads after the restore").toHaveBeenCalledWith("alpha", true);
    expect(undo.canUndo, "nothing left to undo").toBe(false);
  });

  it("keeps one removal pending: Ctrl+Z undoes the latest, the older toast goes", async () => {
    const { names, undo, removal, toasts } = setup();
    await undo.remove(removal("alpha"));
    await undo.remove(removal("beta"));
    expect(toasts(), "only the latest removal offers Undo").toEqual(["Removed 'beta'."]);
    await undo.undo();
    expect([names.has("alpha"), names.has("beta")], "the latest comes back, the earlier stays removed").toEqual([false, true]);
    await undo.undo();
    expect(names.has("alpha"), "a second Ctrl+Z has nothing to undo").toBe(false);
  });

  it("reports a failed removal and offers no Undo; a failed restore is reported too", async () => {
    const { undo, removal, report, toasts } = setup();
    const err = new Error("locked");
    await undo.remove(removal("alpha", { remove: () => Promise.reject(err) }));
    expect(report, "the failure is shown").toHaveBeenCalledWith(err);
    expect([toasts(), undo.canUndo], "nothing to undo").toEqual([[], false]);
    const r = removal("beta", { restore: () => Promise.reject(new Error("gone")) });
    await undo.remove(r);
    await undo.undo();
    expect(report, "the failed restore is shown").toHaveBeenCalledTimes(2);
    expect(r.afterRestore, "the page is told the restore failed").toHaveBeenCalledWith("beta", false);
  });
});
