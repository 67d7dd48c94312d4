import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => {}), emit: vi.fn(async () => {}) }));
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
import type { ImportOptions, ImportPlan } from "./backend";
import { sampleImportPlan, sampleImportRow } from "./sample-data";
import { app, appPerTest, byTestId, credential, deferred, emptyDraft, fake, mountApp, settle, typeInto } from "./test-support";

const shown = (testid: string) => byTestId(testid).closest("[hidden]") === null;
const present = (testid: string) => document.querySelector(`[data-testid="${testid}"]`) !== null;
const previews = () => fake.called("preview_import").map((c) => c.args as { paths: string[]; options: ImportOptions });
const pending = () => [...document.querySelectorAll<HTMLElement>('[data-testid="pending-attachment"] .attach-path')].map((p) => p.textContent);
const toasts = () => [...document.querySelectorAll('[data-testid="toast"]')].map((t) => t.textContent ?? "");

const SCANS = ["/home/jd/Downloads/acc.pdf", "/home/jd/Downloads/IMG_2041.jpg"];
const planOf = (): ImportPlan => sampleImportPlan({ records: [sampleImportRow({ kind: "ce-activity", title: "ACC Annual Scientific Session" })] });

appPerTest(vi.mocked(invoke), () => [credential({ id: 4, title: "Internal Medicine", evidence: [] })]);

beforeEach(() => {
  // A Tauri window: backend.ts subscribes to drag-and-drop only inside one.
  (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = { metadata: { currentWebview: { label: "main" } } };
  drags.handlers = [];
  fake.handlers.preview_import = () => planOf();
  fake.handlers.credential_draft = () => emptyDraft({ title: "Internal Medicine", issuer: "ABIM" });
  fake.handlers.save_credential = (a) => credential({ id: (a.id as number | null) ?? 9, title: "Internal Medicine" });
});

function drop(paths: readonly string[]): void {
  for (const h of drags.handlers) h({ payload: { type: "drop", paths, position: { x: 3, y: 3 } } });
}

/** The new-record form, opened as a person would. */
async function newForm(): Promise<void> {
  await mountApp();
  byTestId("new-credential").click();
  await settle(20);
  expect(present("credential-form"), "the new-record form is open").toBe(true);
}

/** Record 4's edit form, opened from its detail panel. */
async function editForm(): Promise<void> {
  await mountApp("credentials");
  byTestId("credential-row").click();
  await settle(20);
  byTestId("edit").click();
  await settle(20);
  expect(document.getElementById("form-title")?.textContent, "the edit form is open").toBe("Edit credential");
}

describe("files dropped on a new record's form", () => {
  it("closes a form nothing was typed into and previews the files on the Import page", async () => {
    await newForm();
    drop(SCANS);
    await settle(30);
    expect(present("form-drop"), "nothing to lose, so nothing asked").toBe(false);
    expect(present("credential-form"), "the form is closed").toBe(false);
    expect(app?.form, "and the app knows it").toBeNull();
    expect(shown("import-page"), "on the Import page").toBe(true);
    expect(previews().map((p) => p.paths), "the dropped files read, once").toEqual([SCANS]);
    expect(byTestId("import-title").textContent, "their review showing").toBe("ACC Annual Scientific Session");
  });

  it("asks first when something was typed: Cancel keeps the form as it was and reads nothing", async () => {
    await newForm();
    typeInto(byTestId<HTMLInputElement>("field-title"), "Half-typed title");
    drop(SCANS);
    await settle(20);
    expect(shown("form-drop"), "asked").toBe(true);
    expect(byTestId("form-drop").textContent, "what would happen, said").toContain("Read the dropped files on the Import page?");
    expect(byTestId("form-drop").textContent, "and what is lost").toContain("What you typed in this form is discarded.");
    expect(previews(), "nothing read while asking").toEqual([]);
    drop(["/other.pdf"]);
    await settle(20);
    expect(toasts().join(" "), "a drop on the question itself is refused").toContain("Close the dialog first, then drop the files again.");
    byTestId("form-drop-cancel").click();
    await settle(20);
    expect(present("form-drop"), "the question goes").toBe(false);
    expect(present("credential-form"), "the form stays").toBe(true);
    expect(byTestId<HTMLInputElement>("field-title").value, "with the typing").toBe("Half-typed title");
    expect(previews(), "nothing read").toEqual([]);
    expect(shown("import-page"), "the page stays").toBe(false);
  });

  it("asks first when something was typed: Confirm closes the form and previews the files", async () => {
    await newForm();
    typeInto(byTestId<HTMLInputElement>("field-title"), "Half-typed title");
    drop(SCANS);
    await settle(20);
    byTestId("form-drop-confirm").click();
    await settle(30);
    expect(present("credential-form"), "the form is closed").toBe(false);
    expect(app?.form, "and the app knows it").toBeNull();
    expect(shown("import-page"), "on the Import page").toBe(true);
    expect(previews().map((p) => p.paths), "the dropped files read").toEqual([SCANS]);
    expect(fake.called("save_credential"), "nothing saved from the form").toEqual([]);
  });
});

describe("files dropped on an existing record's form", () => {
  it("attaches them to its evidence, once each, and the save sends them", async () => {
    await editForm();
    drop(SCANS);
    await settle(20);
    expect(pending(), "both files listed to attach").toEqual(SCANS);
    expect(toasts(), "the person is told what happens to them").toContain("Attached 2 files; they are copied into your library when you save.");
    drop([SCANS[1] as string, "/home/jd/Downloads/extra.png"]);
    await settle(20);
    expect(pending(), "a file dropped again is listed once").toEqual([...SCANS, "/home/jd/Downloads/extra.png"]);
    expect(toasts(), "only the new one counted").toContain("Attached 1 file; it is copied into your library when you save.");
    expect(previews(), "nothing goes to the Import page").toEqual([]);
    expect(present("credential-form"), "the form stays open").toBe(true);
    byTestId("save").click();
    await settle(30);
    expect(fake.called("save_credential").map((c) => c.args), "the record saved with the dropped files to copy in").toEqual([
      { id: 4, draft: emptyDraft({ title: "Internal Medicine", issuer: "ABIM" }), attach: [...SCANS, "/home/jd/Downloads/extra.png"] },
    ]);
  });
});

describe("files dropped while an import runs", () => {
  it("are refused with the running toast, even with the new-record form open", async () => {
    const written = deferred<ImportPlan>();
    fake.handlers.run_import = () => written.promise;
    fake.handlers.pick_import_files = () => ["/x/records.csv"];
    await mountApp("import");
    byTestId("import-pick").click();
    await settle(20);
    byTestId("import-run").click();
    await settle(20);
    await app?.newCredential();
    await settle(20);
    drop(SCANS);
    await settle(20);
    expect(toasts().join(" "), "told to wait").toContain("An import is running: drop the files again once it is done.");
    expect(present("credential-form"), "the form stays").toBe(true);
    expect(previews().map((p) => p.paths), "only the picked files were read").toEqual([["/x/records.csv"]]);
    written.resolve(sampleImportPlan({ added: 0, ids: [] }));
    await settle(20);
  });
});
