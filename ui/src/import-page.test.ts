import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(), emit: vi.fn(async () => {}) }));
/** The window's drag-and-drop: the handlers the app registered, for the tests to call. */
const drags = vi.hoisted(() => ({ handlers: [] as ((e: { payload: unknown }) => void)[] }));
vi.mock("@tauri-apps/api/webview", () => ({
  getCurrentWebview: () => ({
    onDragDropEvent: async (h: (e: { payload: unknown }) => void) => {
      drags.handlers.push(h);
      return () => void (drags.handlers = drags.handlers.filter((x) => x !== h));
    },
  }),
}));

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { ImportOptions, ImportPlan } from "./backend";
import { importCommand, type ImportTarget } from "./dev-mock-import";
import { sampleImportPlan, sampleImportRow } from "./sample-data";
import { app, appPerTest, byTestId, credential, deferred, fake, mountApp, settle, uiError } from "./test-support";

const all = <T extends HTMLElement = HTMLElement>(sel: string, root: ParentNode = document) => [...root.querySelectorAll<T>(sel)];
const shown = (testid: string) => byTestId(testid).closest("[hidden]") === null;
const rows = () => all('[data-testid="import-row"]');
const boxes = () => all<HTMLInputElement>('[data-testid="import-check"]');
const runBtn = () => byTestId<HTMLButtonElement>("import-run");
const previews = () => fake.called("preview_import").map((c) => c.args as { paths: string[]; options: ImportOptions });

const PATHS = ["/home/jl/Downloads/records.csv", "/home/jl/Downloads/jhu.json"];
const HOSTILE = `<img src=x onerror="window.__pwned = 1">`;

/** A CSV (guessed mapping, one column ignored) and a CLR: 3 to add, 1 already kept, 2 invalid. */
function planOf(p: Partial<ImportPlan> = {}): ImportPlan {
  const clr = { format: "clr" as const, file: "jhu.json", id: null };
  return sampleImportPlan({
    files: [
      { name: "records.csv", format: "csv", headers: ["Name", "Org", "Date", HOSTILE], mapping: { columns: [["Name", "title"], ["Org", "issuer"], ["Date", "completed"]] } },
      { name: "jhu.json", format: "clr", headers: [], mapping: null },
    ],
    records: [
      sampleImportRow({ title: "AWS Certified ML", issuer: "Amazon", completed: "2024-03-14", expires: "2027-03-14", skills: ["Machine learning", "Cloud ML", "Statistics", "MLOps", "Python"] }),
      sampleImportRow({ kind: "ce-activity", title: HOSTILE, issuer: "<b>Evil</b>", hours: 6.5, location: "row 3", notes: ["The expiry 'soon' is not a date; kept without one."] }),
      sampleImportRow({ action: "duplicate", title: "Internal Medicine", matches: 4, reason: "same credential id as record #4", location: "row 4" }),
      sampleImportRow({ action: "invalid", title: "", reason: "row 5: title is required", location: "row 5" }),
      sampleImportRow({ kind: "degree", title: "Capstone", source: clr, location: "credentialSubject.verifiableCredential[0]", group: "JHU <transcript>" }),
      sampleImportRow({ action: "invalid", title: "", source: clr, location: "credentialSubject.verifiableCredential[1]", group: "JHU <transcript>", reason: "credentialSubject.verifiableCredential[1]: not a credential" }),
    ],
    digest: "d".repeat(64),
    ...p,
  });
}

const listenMock = vi.mocked(listen);
let progress: ((e: { payload: unknown }) => void)[] = [];

appPerTest(vi.mocked(invoke), () => [credential({ id: 4, title: "Internal Medicine" })]);

beforeEach(() => {
  delete (window as unknown as Record<string, unknown>).__pwned;
  // A Tauri window: backend.ts subscribes to drag-and-drop only inside one.
  (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = { metadata: { currentWebview: { label: "main" } } };
  drags.handlers = [];
  progress = [];
  listenMock.mockImplementation(async (event, handler) => {
    expect(event, "the page listens to import progress only").toBe("import-progress");
    const l = handler as (typeof progress)[number];
    progress.push(l);
    return () => void (progress = progress.filter((x) => x !== l));
  });
  fake.handlers.pick_import_files = () => PATHS;
  fake.handlers.preview_import = () => planOf();
});

async function openImport(): Promise<void> {
  await mountApp("import");
  byTestId("import-pick").click();
  await settle(20);
}

function drag(payload: unknown): void {
  for (const h of drags.handlers) h({ payload });
}

describe("import page: preview", () => {
  it("sits after Credentials, with a drop zone and Pick files…, and reads nothing until given files", async () => {
    await mountApp("import");
    expect(all(".nav-btn").map((b) => b.textContent).slice(2, 4), "after Credentials in the header").toEqual(["Credentials", "Import"]);
    expect(byTestId("import-drop").textContent, "the zone says what it takes").toContain("Drop badges, exports or CME certificates (PDF, photo) here");
    expect(byTestId("import-pick").textContent, "the keyboard's way in").toBe("Pick files…");
    expect(shown("import-table"), "no table before files").toBe(false);
    expect(previews(), "nothing read yet").toEqual([]);
  });

  it("previews the picked files as detected: each file's format, the summary and every record", async () => {
    await openImport();
    expect(previews(), "formats detected, columns guessed").toEqual([{ paths: PATHS, options: { format: null, mapping: null, passphrase: null, edits: [] } }]);
    expect(all('[data-testid="import-file"]').map((f) => f.textContent), "each file and what it was read as").toEqual([
      "records.csv · CSV · 4 records",
      "jhu.json · Comprehensive Learner Record · 2 records",
    ]);
    expect(byTestId("import-summary").textContent, "what the import would do, counted").toBe("3 to add, 1 already kept, 2 invalid");
    expect(all('[data-testid="import-action"]').map((a) => a.textContent), "the action of each").toEqual(["Add", "Add", "Already kept (#4)", "Invalid", "Add", "Invalid"]);
    expect(boxes().map((b) => [b.checked, b.disabled]), "addable ticked; duplicates and invalid cannot be").toEqual([
      [true, false], [true, false], [false, true], [false, true], [true, false], [false, true],
    ]);
    const first = rows()[0] as HTMLElement;
    expect(first.querySelector(".col-kind")?.textContent, "the kind's label").toBe("Certification");
    expect(all(".chip", first).map((c) => c.textContent), "the first few skills").toEqual(["Machine learning", "Cloud ML", "Statistics", "+2"]);
    expect(rows()[1]?.querySelector(".col-hours")?.textContent, "hours as the list shows them").toBe("6.5 h");
    expect(runBtn().textContent, "Import says how many").toBe("Import 3 records");
    expect(runBtn().disabled, "and can be pressed").toBe(false);
  });

  it("is accessible: column headers, row headers, boxes named by the title, reasons tied to them", async () => {
    await openImport();
    const heads = all("thead th", byTestId("import-table"));
    expect(heads.every((th) => th.getAttribute("scope") === "col"), "every column header has its scope").toBe(true);
    const box = boxes()[0] as HTMLInputElement;
    expect(document.getElementById(box.getAttribute("aria-labelledby") ?? "")?.textContent, "a box is named by its row's title").toBe("AWS Certified ML");
    const dup = boxes()[2] as HTMLInputElement;
    expect(document.getElementById(dup.getAttribute("aria-describedby") ?? "")?.textContent, "and described by the reason under it").toBe("same credential id as record #4");
    const untitled = boxes()[3] as HTMLInputElement;
    expect(document.getElementById(untitled.getAttribute("aria-labelledby") ?? "")?.textContent, "a record without a title still has a name").toBe("(untitled)");
    expect(byTestId("import-progress").getAttribute("role"), "the bar is a progressbar").toBe("progressbar");
    expect(byTestId("import-result").getAttribute("role"), "results are announced").toBe("status");
    expect(byTestId("import-error").getAttribute("role"), "problems are alerts").toBe("alert");
  });

  it("says below a row why it is not added and what could not be read, and heads the CLR's group", async () => {
    await openImport();
    const notes = all('[data-testid="import-note"]').map((n) => n.textContent);
    expect(notes, "reasons and unread parts, in the rows' order").toEqual([
      "The expiry 'soon' is not a date; kept without one.",
      "same credential id as record #4",
      "row 5: title is required",
      "credentialSubject.verifiableCredential[1]: not a credential",
    ]);
    const group = all<HTMLTableCellElement>(".import-group th");
    expect(group.map((g) => [g.textContent, g.scope]), "one heading for the group, over its records").toEqual([["JHU <transcript>", "rowgroup"]]);
    expect(group[0]?.closest("tbody")?.querySelectorAll('[data-testid="import-row"]').length, "both records under it").toBe(2);
  });

  it("keeps what the files hold as text: markup in a title, issuer or header stays inert", async () => {
    await openImport();
    const table = byTestId("import-table");
    expect(table.querySelector("img, b"), "no element made from a file's strings").toBeNull();
    expect(all('[data-testid="import-title"]')[1]?.textContent, "the title as written").toBe(HOSTILE);
    expect(rows()[1]?.querySelector(".col-issuer")?.textContent, "the issuer as written").toBe("<b>Evil</b>");
    expect(all(".mapping-grid label").map((l) => l.textContent), "headers as text too").toContain(HOSTILE);
    expect(document.querySelector("img"), "nothing anywhere").toBeNull();
    expect((window as unknown as Record<string, unknown>).__pwned, "no script ran").toBeUndefined();
  });

  it("does nothing when the picker is cancelled", async () => {
    fake.handlers.pick_import_files = () => [];
    await openImport();
    expect(previews(), "no files, no preview").toEqual([]);
  });

  it("shows only the latest preview when an older answer arrives late", async () => {
    const slow = deferred<ImportPlan>();
    let n = 0;
    fake.handlers.preview_import = () => (n++ === 0 ? slow.promise : planOf({ records: [sampleImportRow({ title: "Newer" })] }));
    await openImport();
    byTestId("import-pick").click();
    await settle(20);
    slow.resolve(planOf());
    await settle(20);
    expect(all('[data-testid="import-title"]').map((t) => t.textContent), "the stale answer is dropped").toEqual(["Newer"]);
  });

  it("shows a file Rust refuses in the alert, without a table or an Import", async () => {
    fake.handlers.preview_import = () => {
      throw uiError("validation", "badge.png: not an Open Badge (no assertion in its iTXt chunk)");
    };
    await openImport();
    expect(byTestId("import-error").textContent, "Rust's message, said as a refusal of the files").toBe("These files cannot be imported: badge.png: not an Open Badge (no assertion in its iTXt chunk)");
    expect(shown("import-table"), "no table for files that cannot be read").toBe(false);
    expect(runBtn().disabled, "nothing to import").toBe(true);
  });
});

describe("import page: choosing", () => {
  it("selects all or none of the addable records, and Import follows the choice", async () => {
    await openImport();
    byTestId("import-none").click();
    expect(boxes().filter((b) => b.checked).length, "none ticked").toBe(0);
    expect(runBtn().disabled, "nothing to import").toBe(true);
    expect(runBtn().textContent, "no count when none").toBe("Import");
    runBtn().click();
    await settle();
    expect(fake.called("run_import").length, "a disabled Import sends nothing").toBe(0);
    byTestId("import-all").click();
    expect(boxes().map((b) => b.checked), "all addable, never a duplicate or invalid").toEqual([true, true, false, false, true, false]);
    const second = boxes()[1] as HTMLInputElement;
    second.click();
    expect(runBtn().textContent, "one unticked").toBe("Import 2 records");
  });

  it("keeps an unticked record unticked when the same files are previewed again", async () => {
    await openImport();
    (boxes()[0] as HTMLInputElement).click();
    await app?.pages.shell.page("import").recordsChanged();
    await settle();
    expect(previews().length, "read again after the records changed").toBe(2);
    expect(boxes().map((b) => b.checked), "the choice stays").toEqual([false, true, false, false, true, false]);
  });

  it("edits a CSV's columns: each header has its field or Ignore, and a change reads the files again", async () => {
    await openImport();
    const selects = all<HTMLSelectElement>('[data-testid="import-map"]');
    expect(all(".mapping-grid label").map((l) => l.textContent), "every header of the CSV").toEqual(["Name", "Org", "Date", HOSTILE]);
    expect(selects.map((s) => s.value), "the mapping Rust used; the rest ignored").toEqual(["title", "issuer", "completed", ""]);
    expect(selects[0]?.querySelector("option")?.textContent, "ignoring comes first").toBe("Ignore");
    expect(document.querySelector<HTMLLabelElement>(`label[for="${selects[1]?.id}"]`)?.textContent, "each select labelled by its header").toBe("Org");
    const org = selects[1] as HTMLSelectElement;
    org.focus();
    org.value = "";
    org.dispatchEvent(new Event("change", { bubbles: true }));
    await settle(20);
    expect(previews()[1]?.options, "a badge among the files is still detected; Org left out").toEqual({
      format: null,
      mapping: { columns: [["Name", "title"], ["Date", "completed"]] },
      passphrase: null,
      edits: [],
    });
    expect(document.activeElement?.id, "the keyboard stays on the same select after the redraw").toBe(org.id);
  });

  it("sends format csv with the mapping when every file is a CSV", async () => {
    const only = planOf();
    only.files = only.files.slice(0, 1);
    fake.handlers.preview_import = () => only;
    await openImport();
    const notes = all<HTMLSelectElement>('[data-testid="import-map"]')[3] as HTMLSelectElement;
    notes.value = "notes";
    notes.dispatchEvent(new Event("change", { bubbles: true }));
    await settle(20);
    expect(previews()[1]?.options, "read as CSV, the new column included").toEqual({
      format: "csv",
      mapping: { columns: [["Name", "title"], ["Org", "issuer"], ["Date", "completed"], [HOSTILE, "notes"]] },
      passphrase: null,
      edits: [],
    });
  });
});

describe("import page: importing", () => {
  it("imports the ticked records with the preview's digest, showing progress, then offers Undo", async () => {
    const written = deferred<ImportPlan>();
    fake.handlers.run_import = () => written.promise;
    fake.handlers.undo_import = () => 3;
    await openImport();
    (boxes()[1] as HTMLInputElement).click();
    runBtn().click();
    await settle();
    expect(fake.called("run_import").map((c) => c.args), "the preview's files, options, choice and digest").toEqual([
      { paths: PATHS, options: { format: null, mapping: null, passphrase: null, edits: [] }, selected: [0, 4], digest: "d".repeat(64) },
    ]);
    expect(runBtn().disabled, "one import at a time").toBe(true);
    expect(boxes().every((b) => b.disabled), "the choice is fixed while it runs").toBe(true);
    const bar = byTestId("import-progress");
    expect(shown("import-progress"), "the bar shows").toBe(true);
    expect([bar.getAttribute("aria-valuenow"), bar.getAttribute("aria-valuemax")], "from nothing").toEqual(["0", "2"]);
    for (const l of progress) l({ payload: { stage: "writing", done: 1, total: 2 } });
    expect(bar.getAttribute("aria-valuenow"), "following the events").toBe("1");
    const listsBefore = fake.called("list_credentials").length;
    written.resolve(planOf({ added: 2, ids: [11, 12] }));
    await settle(30);
    expect(progress.length, "no longer listening").toBe(0);
    expect(shown("import-progress"), "the bar goes").toBe(false);
    expect(byTestId("import-result").textContent, "the result, announced").toBe("Imported 2 records.");
    expect(fake.called("list_credentials").length, "the list reloads").toBeGreaterThan(listsBefore);
    expect(previews().length, "and the preview, whose records are now kept").toBe(2);
    expect(byTestId("toast").textContent, "with Undo in a toast").toContain("Imported 2 records.");
    byTestId("undo").click();
    await settle(30);
    expect(fake.called("undo_import").map((c) => c.args), "Undo takes the whole import out").toEqual([{ ids: [11, 12] }]);
    expect(byTestId("import-result").textContent, "the undo, announced").toBe("Undid the import of 2 records.");
    expect(previews().length, "read again after the undo").toBe(3);
  });

  it("offers Preview again when the files changed since the preview", async () => {
    fake.handlers.run_import = () => {
      throw uiError("conflict", "the files changed since the preview; preview them again");
    };
    await openImport();
    runBtn().click();
    await settle(20);
    expect(byTestId("import-error").textContent, "Rust's message in the alert").toContain("the files changed since the preview");
    expect(runBtn().disabled, "the choice can be sent again").toBe(false);
    expect(document.querySelector('[data-testid="toast"]'), "no success").toBeNull();
    byTestId("import-again").click();
    await settle(20);
    expect(previews().length, "read again").toBe(2);
    expect(byTestId("import-error").textContent, "and the alert goes").toBe("");
  });
});

describe("import page: dropped files", () => {
  it("shows an over style while files are dragged, and previews what is dropped", async () => {
    await mountApp("import");
    const zone = byTestId("import-drop");
    drag({ type: "enter", paths: ["/a.csv"], position: { x: 1, y: 1 } });
    expect(zone.classList.contains("over"), "entering").toBe(true);
    drag({ type: "over", position: { x: 2, y: 2 } });
    expect(zone.classList.contains("over"), "moving").toBe(true);
    drag({ type: "leave" });
    expect(zone.classList.contains("over"), "gone").toBe(false);
    drag({ type: "drop", paths: ["/a.csv"], position: { x: 2, y: 2 } });
    await settle(20);
    expect(zone.classList.contains("over"), "dropped").toBe(false);
    expect(previews().map((p) => p.paths), "dropped once, read once").toEqual([["/a.csv"]]);
  });

  it("goes to the Import page when files are dropped on another", async () => {
    await mountApp();
    expect(shown("import-page"), "on the dashboard first").toBe(false);
    drag({ type: "drop", paths: PATHS, position: { x: 2, y: 2 } });
    await settle(20);
    expect(shown("import-page"), "the page the files are for").toBe(true);
    expect(document.activeElement?.id, "the keyboard on its heading").toBe("page-import-title");
    expect(previews().map((p) => p.paths), "read once").toEqual([PATHS]);
    expect(rows().length, "its records shown").toBe(6);
  });

  it("leaves a drop alone while a dialog other than the record form is open", async () => {
    const started = await mountApp();
    started.pages.openRenew(credential({ id: 4, title: "Internal Medicine" }));
    await settle();
    drag({ type: "drop", paths: PATHS, position: { x: 2, y: 2 } });
    await settle();
    expect(previews(), "not read").toEqual([]);
    expect(shown("import-page"), "the page stays").toBe(false);
    expect(byTestId("toast").textContent, "the person is told why").toContain("Close the dialog first, then drop the files again.");
    expect(started.pages.renewDialog?.modal.isOpen, "the dialog stays as it was").toBe(true);
  });
});

describe("backend: dropped files", () => {
  it("listens to nothing outside a Tauri window (the dev mock, a browser)", async () => {
    delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
    const { onFileDrag } = await import("./backend");
    const stop = await onFileDrag(() => {});
    expect(drags.handlers.length, "no webview to listen to").toBe(0);
    expect(typeof stop, "still something to call when done").toBe("function");
  });

  it("passes the paths of a drop on, and only enter, over, leave and drop", async () => {
    const { onFileDrag } = await import("./backend");
    const seen: unknown[] = [];
    const stop = await onFileDrag((d) => seen.push(d));
    drag({ type: "enter", paths: ["/a"], position: { x: 0, y: 0 } });
    drag({ type: "leave" });
    drag({ type: "drop", paths: ["/a", "/b"], position: { x: 0, y: 0 } });
    expect(seen, "over while dragging, then the paths").toEqual([{ type: "over" }, { type: "leave" }, { type: "drop", paths: ["/a", "/b"] }]);
    stop();
    expect(drags.handlers.length, "stopped").toBe(0);
  });
});

describe("dev mock: import commands", () => {
  type Kept = { id: number; title: string; issuer: string | null; completed: string | null };
  function target(): ImportTarget & { kept: Kept[] } {
    const kept: Kept[] = [{ id: 2, title: "Internal Medicine", issuer: "American Board of Internal Medicine", completed: "2015-08-19" }];
    return {
      kept,
      records: () => kept.map((k) => credential(k)),
      add: (recs) => recs.map((r, i) => (kept.push({ id: 100 + i, title: r.title ?? "", issuer: r.issuer ?? null, completed: r.completed ?? null }), 100 + i)),
      remove: (ids) => ids.length,
    };
  }
  const ask = (cmd: Parameters<typeof importCommand>[0], a: Record<string, unknown>, t: ImportTarget) => Promise.resolve(importCommand(cmd, a, t));

  it("previews the picked files like Rust: CSV columns, duplicates, invalid rows, a CLR group", async () => {
    const t = target();
    const paths = (await ask("pick_import_files", {}, t)) as string[];
    const plan = (await ask("preview_import", { paths, options: { format: null, mapping: null, passphrase: null, edits: [] } }, t)) as ImportPlan;
    expect(plan.files.map((f) => f.format), "one of each").toEqual(["csv", "openbadges", "clr"]);
    expect(plan.records.map((r) => r.action), "a record already kept").toContain("duplicate");
    expect(plan.records.filter((r) => r.group !== null).length, "the CLR's records are grouped").toBe(3);
    const untitled = (await ask("preview_import", { paths: paths.slice(0, 1), options: { format: "csv", mapping: { columns: [["Organization", "issuer"]] } } }, t)) as ImportPlan;
    expect(untitled.records.every((r) => r.action === "invalid"), "without a title column nothing can be added").toBe(true);
    await expect(ask("preview_import", { paths, options: { format: "csv", mapping: null, passphrase: null } }, t), "a badge is no CSV").rejects.toMatchObject({ kind: "validation" });
  });

  it("imports the chosen records, refuses a changed digest, and undoes", async () => {
    const t = target();
    const paths = ["/x/certificates.csv"];
    const options = { format: null, mapping: null, passphrase: null };
    const preview = (await ask("preview_import", { paths, options }, t)) as ImportPlan;
    await expect(ask("run_import", { paths, options, selected: [0], digest: "stale" }, t), "files changed since").rejects.toMatchObject({ kind: "conflict" });
    const done = (await ask("run_import", { paths, options, selected: [0, 1], digest: preview.digest }, t)) as ImportPlan;
    expect([done.added, done.ids], "two written").toEqual([2, [100, 101]]);
    expect(t.kept.map((k) => k.title).slice(1), "the chosen ones kept").toEqual(["Advanced Cardiac Life Support (ACLS)", "Machine Learning in Medicine"]);
    expect(await ask("undo_import", { ids: done.ids }, t), "both removed").toBe(2);
  });
});
