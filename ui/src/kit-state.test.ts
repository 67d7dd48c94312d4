import { beforeEach, describe, expect, it, vi } from "vitest";
import { h, replaceChildren } from "./dom";
import { redraw, State } from "./kit-state";

beforeEach(() => document.body.replaceChildren());

describe("State (shared value with subscribers)", () => {
  it("calls each subscriber once per change, and not for the same value again", () => {
    const asOf = new State<string | null>(null);
    const dashboard = vi.fn();
    const coverage = vi.fn();
    asOf.subscribe(dashboard);
    asOf.subscribe(coverage);
    asOf.set("2026-01-01");
    asOf.set("2026-01-01");
    expect(dashboard.mock.calls, "one call with the new date").toEqual([["2026-01-01"]]);
    expect(coverage, "every subscriber hears it once").toHaveBeenCalledOnce();
    asOf.set(null);
    expect(dashboard.mock.calls.at(-1), "back to today is a change too").toEqual([null]);
    expect(asOf.value, "the value reads back").toBeNull();
  });

  it("stops calling a subscriber that unsubscribed", () => {
    const s = new State(1);
    const listener = vi.fn();
    const stop = s.subscribe(listener);
    stop();
    s.set(2);
    expect(listener, "no call after unsubscribing").not.toHaveBeenCalled();
  });

  it("uses the given equality, so equal answers are not changes", () => {
    const s = new State({ id: 1 }, (a, b) => a.id === b.id);
    const listener = vi.fn();
    s.subscribe(listener);
    s.set({ id: 1 });
    expect(listener, "an equal value is no change").not.toHaveBeenCalled();
  });
});

/** A list of rows, each with a button and a closed <details>, drawn afresh each time. */
function drawRows(root: HTMLElement, ids: number[]): void {
  replaceChildren(
    root,
    ids.map((id) =>
      h("li", { "data-testid": "row", "data-id": id }, h("button", { type: "button", "data-testid": "act" }, `Act ${id}`), h("details", {}, h("summary", {}, "More"), "…")),
    ),
  );
}

describe("redraw", () => {
  it("keeps the keyboard on the same logical control and keeps open <details> open", () => {
    const root = h("ul", {});
    document.body.append(root);
    drawRows(root, [1, 2, 3]);
    root.querySelector<HTMLElement>('[data-id="2"] button')?.focus();
    const details = root.querySelector<HTMLDetailsElement>('[data-id="3"] details');
    if (details) details.open = true;
    const kept = redraw(root, () => drawRows(root, [3, 2, 1]));
    expect(kept, "the focused control has a counterpart").toBe(true);
    expect((document.activeElement as HTMLElement).closest("li")?.dataset.id, "row 2's button has the keyboard again").toBe("2");
    expect(document.activeElement?.isConnected, "and it is the new button, in the document").toBe(true);
    const open = [...root.querySelectorAll<HTMLDetailsElement>("details")].filter((d) => d.open).map((d) => d.closest("li")?.dataset.id);
    expect(open, "only row 3's details is open, wherever it moved").toEqual(["3"]);
  });

  it("says when the focused control is gone, and leaves focus alone when it was elsewhere", () => {
    const root = h("ul", {});
    const outside = h("input", {});
    document.body.append(root, outside);
    drawRows(root, [1, 2]);
    root.querySelector<HTMLElement>('[data-id="2"] button')?.focus();
    expect(redraw(root, () => drawRows(root, [1])), "row 2 went, and its button with it").toBe(false);
    outside.focus();
    expect(redraw(root, () => drawRows(root, [1, 2])), "nothing inside had the keyboard").toBe(true);
    expect(document.activeElement, "focus outside is not moved").toBe(outside);
  });
});
