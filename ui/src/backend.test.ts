import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import * as backend from "./backend";
import { BackendError, toBackendError } from "./backend";
import { emptyDraft, uiError } from "./test-support";

const invokeMock = vi.mocked(invoke);

async function rejection(p: Promise<unknown>): Promise<BackendError> {
  try {
    await p;
  } catch (e) {
    expect(e, "the UI relies on instanceof BackendError").toBeInstanceOf(BackendError);
    return e as BackendError;
  }
  throw new Error("expected the call to reject");
}

beforeEach(() => invokeMock.mockReset());

describe("backend error mapping", () => {
  it("turns a UiError rejection into a BackendError with kind, message and fields", async () => {
    const fields = [
      { field: "title", message: "is required" },
      { field: "skills[1].relevance", message: "'2' for skill 'NLP' must be a number from 0 to 1" },
    ];
    const raw = uiError("validation", "2 fields need attention", fields);
    invokeMock.mockRejectedValueOnce(raw);
    const err = await rejection(backend.saveCredential(null, emptyDraft(), []));
    expect(err.kind, "kind is kept so the UI can switch on it").toBe("validation");
    expect(err.message).toBe("2 fields need attention");
    expect(err.fields, "field errors are passed through unchanged").toEqual(raw.fields);
    expect(err.command).toBe("save_credential");
  });

  it.each(["not-found", "conflict", "io", "database", "internal"] as const)("keeps kind %s", async (kind) => {
    invokeMock.mockRejectedValueOnce(uiError(kind, `failed: ${kind}`));
    const err = await rejection(backend.loadDemo());
    expect(err.kind, `kind ${kind} should survive the mapping`).toBe(kind);
    expect(err.fields, "no fields means an empty list, not undefined").toEqual([]);
  });

  it("treats a plain string rejection (Tauri IPC failure) as internal", async () => {
    invokeMock.mockRejectedValueOnce("command list_credentials not found");
    const err = await rejection(backend.listSkillNames());
    expect(err.kind).toBe("internal");
    expect(err.message, "the string becomes the message").toBe("command list_credentials not found");
  });

  it("treats thrown Errors and unknown shapes as internal", async () => {
    invokeMock.mockRejectedValueOnce(new TypeError("window.__TAURI_INTERNALS__ is undefined"));
    const err = await rejection(backend.appInfo());
    expect(err.kind).toBe("internal");
    expect(err.message).toContain("__TAURI_INTERNALS__");

    const odd = toBackendError("app_info", { kind: "teapot", message: "short and stout" });
    expect(odd.kind, "an unknown kind is not trusted").toBe("internal");
    expect(odd.message).toBe("short and stout");

    const nothing = toBackendError("app_info", undefined);
    expect(nothing.kind).toBe("internal");
    expect(nothing.message, "an empty rejection still says what failed").toContain("app_info");
  });

  it("drops malformed field entries instead of crashing the form", () => {
    const err = toBackendError("save_credential", {
      kind: "validation",
      message: "bad",
      fields: [{ field: "title", message: "is required" }, { field: 3 }, null],
    });
    expect(err.fields).toEqual([{ field: "title", message: "is required" }]);
  });
});

describe("backend commands", () => {
  it("sends the documented command names and camelCase argument keys", async () => {
    invokeMock.mockResolvedValue(undefined);
    const draft = emptyDraft({ title: "T" });
    const query = { search: "nlp", kind: null, skill: null, sort: "title" as const };
    await backend.listCredentials(query);
    await backend.getCredential(4);
    await backend.credentialDraft(4);
    await backend.newDraft();
    await backend.validateDraft(draft);
    await backend.saveCredential(null, draft, ["/tmp/a.pdf"]);
    await backend.removeCredential(4);
    await backend.restoreCredential(4);
    await backend.removeEvidence(4, "ab12");
    await backend.pickEvidenceFiles();
    await backend.openEvidence("ab12");
    await backend.loadDemo();
    await backend.listSkillNames();
    await backend.credentialKinds();
    await backend.appInfo();
    expect(invokeMock.mock.calls).toEqual([
      ["list_credentials", { query }],
      ["get_credential", { id: 4 }],
      ["credential_draft", { id: 4 }],
      ["new_draft", undefined],
      ["validate_draft", { draft }],
      ["save_credential", { id: null, draft, attach: ["/tmp/a.pdf"] }],
      ["remove_credential", { id: 4 }],
      ["restore_credential", { id: 4 }],
      ["remove_evidence", { id: 4, sha256: "ab12" }],
      ["pick_evidence_files", undefined],
      ["open_evidence", { sha256: "ab12" }],
      ["load_demo", undefined],
      ["list_skill_names", undefined],
      ["credential_kinds", undefined],
      ["app_info", undefined],
    ]);
  });

  it("asks explain with the record id and the as-of date, like dashboard", async () => {
    invokeMock.mockResolvedValue(undefined);
    await backend.explain(4, null);
    await backend.explain(4, "2025-06-01");
    await backend.dashboard("2025-06-01");
    expect(invokeMock.mock.calls).toEqual([
      ["explain", { id: 4, asOf: null }],
      ["explain", { id: 4, asOf: "2025-06-01" }],
      ["dashboard", { asOf: "2025-06-01" }],
    ]);
  });

  it("returns what Rust returned", async () => {
    invokeMock.mockResolvedValueOnce(["Statistics", "NLP for EHRs"]);
    await expect(backend.listSkillNames()).resolves.toEqual(["Statistics", "NLP for EHRs"]);
  });
});

describe("report commands", () => {
  const sections = { summary: true, chart: false, credentials: true, ce: true, requirements: false, evidence: true, statuses: true };

  it("sends the documented command names and camelCase argument keys", async () => {
    invokeMock.mockResolvedValue(undefined);
    const profile = { name: "A", title: "", email: "", phone: "", location: "", website: "", jurisdictions: ["US", "EU"] };
    await backend.profile();
    await backend.setProfile(profile);
    await backend.reportPreview(null, sections);
    await backend.exportPdf("2025-06-01", sections);
    expect(invokeMock.mock.calls).toEqual([
      ["profile", undefined],
      ["set_profile", { profile }],
      ["report_preview", { asOf: null, sections }],
      ["export_pdf", { asOf: "2025-06-01", sections }],
    ]);
  });

  it("passes on report-progress payloads and drops malformed ones", async () => {
    const unlisten = vi.fn();
    let handler: ((e: { payload: unknown }) => void) | undefined;
    vi.mocked(listen).mockImplementationOnce(async (event, h) => {
      expect(event).toBe("report-progress");
      handler = h as typeof handler;
      return unlisten;
    });
    const seen: backend.ReportProgress[] = [];
    const stop = await backend.onReportProgress((p) => seen.push(p));
    handler?.({ payload: { step: "Typesetting", done: 2, of: 4 } });
    handler?.({ payload: { step: "Typesetting", done: "2", of: 4 } });
    handler?.({ payload: null });
    expect(seen).toEqual([{ step: "Typesetting", done: 2, of: 4 }]);
    stop();
    expect(unlisten).toHaveBeenCalledOnce();
  });
});

describe("the generated IPC contract", () => {
  const sources = import.meta.glob<string>(["./**/*.ts", "!./**/*.test.ts", "!./test-support.ts", "!./dev-mock*.ts"], {
    query: "?raw",
    import: "default",
    eager: true,
  });

  it("is the only place that names a command", () => {
    expect(Object.keys(sources), "the glob sees the generated contract").toContain("./ipc.ts");
    const naming = /\b(call|invoke)\s*(<[^>]*>)?\(\s*["'`]/;
    for (const [file, text] of Object.entries(sources)) {
      if (file === "./ipc.ts") continue;
      const line = text.split("\n").findIndex((l) => naming.test(l));
      expect(line, `${file}:${line + 1} names a command by hand; add it to src-tauri/src/ipc.rs`).toBe(-1);
    }
  });

  it("takes the error kinds and default sections from Rust", () => {
    expect(backend.ERROR_KINDS, "every UiErrorKind, in Rust's order").toEqual(["validation", "not-found", "conflict", "io", "database", "internal"]);
    expect(backend.DEFAULT_SECTIONS.evidence, "the evidence list is opt-in").toBe(false);
    expect(backend.DEFAULT_SECTIONS.summary, "the summary is on by default").toBe(true);
  });
});
