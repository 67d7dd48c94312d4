import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import type { App } from "./app";
import { appPerTest, byTestId, credential, fake, mountApp, settle, typeInto, uiError } from "./test-support";

appPerTest(vi.mocked(invoke));

/** Starts the app and, as a person would, goes to the Credentials page (it opens on the dashboard). */
async function start(records = fake.records, page = "credentials"): Promise<App> {
  fake.records = records;
  return mountApp(page, 10);
}

function key(k: string, init: KeyboardEventInit = {}, target: EventTarget = document.body): void {
  target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...init }));
}

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="credential-row"]')];

describe("app start", () => {
  it("fetches the kind labels once and shows the empty state for an empty store", async () => {
    await start([]);
    expect(fake.called("credential_kinds").length).toBe(1);
    expect(document.querySelector('[data-testid="empty-state"]'), "no records, no filters: empty state").not.toBeNull();
    const kinds = [...byTestId<HTMLSelectElement>("filter-kind").options].map((o) => o.textContent);
    expect(kinds, "labels come from credential_kinds").toEqual(["All kinds", "Degree", "Certification", "CE activity"]);
  });

  it("loads the demo from the empty state and then lists it", async () => {
    await start([]);
    byTestId("load-demo").click();
    await settle(20);
    expect(fake.called("load_demo").length).toBe(1);
    expect(rows().map((r) => r.dataset.id)).toEqual(["7"]);
    expect(byTestId("count").textContent).toBe("1 credential");
  });

  it("shows 'No credentials match' instead of the empty state when a search finds nothing", async () => {
    vi.useFakeTimers();
    await start([credential({ id: 1, title: "MD" })]);
    typeInto(byTestId<HTMLInputElement>("search"), "zebra");
    await vi.advanceTimersByTimeAsync(200);
    const last = fake.called("list_credentials").pop();
    expect(last?.args, "search text goes to Rust").toEqual({ query: { search: "zebra", kind: null, skill: null, sort: "recent", limit: 200, offset: 0 } });
    expect(document.querySelector('[data-testid="empty-state"]')).toBeNull();
    expect(byTestId("no-match").textContent).toContain("No credentials match");
    byTestId("clear-filters").click();
    await vi.advanceTimersByTimeAsync(0);
    expect(rows().length, "clearing the filters brings the record back").toBe(1);
  });

  it("shows a load error with a retry when the first list fails", async () => {
    fake.handlers.list_credentials = () => {
      throw uiError("database", "not a Dossier database");
    };
    await start();
    expect(byTestId("load-error").textContent).toContain("not a Dossier database");
    delete fake.handlers.list_credentials;
    byTestId("retry").click();
    await settle(20);
    expect(document.querySelector('[data-testid="empty-state"]')).not.toBeNull();
  });
});

describe("delete and undo", () => {
  async function deleteFirst(): Promise<void> {
    await start([credential({ id: 1, title: "Board <cert>" }), credential({ id: 2, title: "Other" })]);
    rows()[0]?.click();
    await settle();
    expect(document.querySelector('[data-testid="detail"]'), "the row opens the detail panel").not.toBeNull();
    byTestId("delete").click();
    await settle(20);
  }

  it("deletes at once and offers Undo in a toast that calls restore_credential", async () => {
    await deleteFirst();
    expect(fake.called("remove_credential")[0]?.args).toEqual({ id: 1 });
    expect(rows().map((r) => r.dataset.id), "the record leaves the list at once").toEqual(["2"]);
    const toast = byTestId("toast");
    expect(toast.textContent).toContain("Deleted 'Board <cert>'.");
    byTestId("undo").click();
    await settle(20);
    expect(fake.called("restore_credential")[0]?.args, "Undo restores the same id").toEqual({ id: 1 });
    expect(rows().map((r) => r.dataset.id).sort()).toEqual(["1", "2"]);
    expect(document.querySelector('[data-testid="undo"]'), "the undo toast is gone").toBeNull();
  });

  it("undoes with Ctrl+Z while the toast is up, and not after it has gone", async () => {
    vi.useFakeTimers();
    await deleteFirst();
    await vi.advanceTimersByTimeAsync(8100);
    key("z", { ctrlKey: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.called("restore_credential").length, "toast gone: Ctrl+Z does nothing").toBe(0);

    rows()[0]?.click();
    await vi.advanceTimersByTimeAsync(0);
    byTestId("delete").click();
    await vi.advanceTimersByTimeAsync(0);
    key("z", { ctrlKey: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.called("restore_credential")[0]?.args).toEqual({ id: 2 });
  });
});

describe("keyboard and form", () => {
  it("opens the form with Ctrl+N, closes it with Escape and returns focus", async () => {
    await start([credential()]);
    const newBtn = byTestId("new-credential");
    newBtn.focus();
    key("n", { ctrlKey: true });
    await settle();
    expect(document.querySelector('[data-testid="credential-form"]'), "Ctrl+N opens the form").not.toBeNull();
    expect(document.activeElement).toBe(byTestId("field-title"));
    key("Escape");
    expect(document.querySelector('[data-testid="credential-form"]'), "Escape closes it").toBeNull();
    expect(document.activeElement, "focus returns to where it was").toBe(newBtn);
  });

  it("focuses search with '/' and Ctrl+F, but '/' typed in a field stays text", async () => {
    await start([credential()]);
    key("/");
    expect(document.activeElement).toBe(byTestId("search"));
    byTestId("search").blur();
    key("f", { ctrlKey: true });
    expect(document.activeElement).toBe(byTestId("search"));
    const ev = new KeyboardEvent("keydown", { key: "/", bubbles: true, cancelable: true });
    byTestId("search").dispatchEvent(ev);
    expect(ev.defaultPrevented, "a slash typed into the search box is not swallowed").toBe(false);
  });

  it("saves with Ctrl+S; a failed save shows a toast and keeps what was typed", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await start([credential()]);
    fake.handlers.save_credential = () => {
      throw uiError("io", "could not copy /x.pdf: permission denied");
    };
    byTestId("new-credential").click();
    await settle();
    typeInto(byTestId<HTMLInputElement>("field-title"), "Unsaved work");
    key("s", { ctrlKey: true }, byTestId("field-title"));
    await settle(20);
    expect(fake.called("save_credential").length).toBe(1);
    expect(byTestId("error-toast").textContent).toContain("permission denied");
    expect(byTestId<HTMLInputElement>("field-title").value, "input survives the error").toBe("Unsaved work");
    expect(log, "the failure is also logged for diagnosis").toHaveBeenCalled();
    log.mockRestore();
  });

  it("Escape closes the detail panel when no form is open", async () => {
    await start([credential({ id: 5 })]);
    rows()[0]?.click();
    await settle();
    expect(document.querySelector('[data-testid="detail"]')).not.toBeNull();
    key("Escape");
    expect(document.querySelector('[data-testid="detail"]')).toBeNull();
  });
});
