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
import type { Extracted, ImportOptions, ImportPlan, ImportRow, RowEdit } from "./backend";
import { applyEdits, CERTIFICATE_PATHS } from "./dev-mock-certificate";
import { importCommand, type ImportTarget } from "./dev-mock-import";
import { namedFields, parseSkills } from "./import-certificate";
import { RECHECK_MS } from "./import-page";
import { sampleImportPlan, sampleImportRow } from "./sample-data";
import { appPerTest, byTestId, credential, deferred, fake, mountApp, settle, typeInto, uiError } from "./test-support";

const all = <T extends HTMLElement = HTMLElement>(sel: string, root: ParentNode = document) => [...root.querySelectorAll<T>(sel)];
const shown = (testid: string) => byTestId(testid).closest("[hidden]") === null;
const certs = () => all('[data-testid="import-cert"]');
const cert = (i: number) => document.querySelector<HTMLElement>(`[data-testid="import-cert"][data-index="${i}"]`) as HTMLElement;
const input = (i: number, key: string) => byTestId<HTMLInputElement>(`cert-${key}`, cert(i));
const boxes = () => all<HTMLInputElement>('[data-testid="import-check"]');
const runBtn = () => byTestId<HTMLButtonElement>("import-run");
const previews = () => fake.called("preview_import").map((c) => c.args as { paths: string[]; options: ImportOptions });
const described = (el: HTMLElement) => (el.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean).map((id) => document.getElementById(id)?.textContent);

const PATHS = ["/home/jd/Downloads/acc.pdf", "/home/jd/Downloads/scan.pdf", "/home/jd/Downloads/IMG_2041.jpg", "/home/jd/Downloads/records.csv"];
const HOSTILE = `<img src=x onerror="window.__pwned = 1">`;
const sure = (value: string, snippet: string, note: string | null = null): Extracted => ({ value, snippet, confidence: "high", note });
const unsure = (value: string, snippet: string, note: string): Extracted => ({ value, snippet, confidence: "low", note });
const WARNING = "the certificate is made out to 'Robert Smith, MD', not to the profile's name 'Jane Doe'";

function certificate(file: string, location: string, fields: Record<string, Extracted>, p: Partial<ImportRow> = {}): ImportRow {
  const v = (k: string) => fields[k]?.value ?? "";
  const r = sampleImportRow({
    kind: "ce-activity",
    title: v("title"),
    issuer: v("issuer") || null,
    completed: v("completed") || null,
    hours: v("hours") ? Number(v("hours")) : null,
    skills: v("skills") ? v("skills").split(", ") : [],
    source: { format: "certificate", file, id: null },
    location,
    evidence: [file],
    fields,
    ...p,
  });
  r.draft = { ...r.draft, started: v("started"), credit_type: v("credit_type") };
  return r;
}

/** Two certificates read (one by OCR, unsure of its date, made out to someone else), a photo with nothing on it, and a CSV row. */
function certPlan(): ImportPlan {
  return sampleImportPlan({
    files: [
      { name: "acc.pdf", format: "certificate", headers: [], mapping: null },
      { name: "scan.pdf", format: "certificate", headers: [], mapping: null },
      { name: "IMG_2041.jpg", format: "certificate", headers: [], mapping: null },
      { name: "records.csv", format: "csv", headers: ["Name"], mapping: { columns: [["Name", "title"]] } },
    ],
    records: [
      certificate("acc.pdf", "", {
        title: sure("AI in Cardiovascular Imaging", "has completed\nAI in Cardiovascular Imaging"),
        issuer: sure("American College of Cardiology", "American College of Cardiology"),
        started: sure("2023-10-21", "Dates  October 21–22, 2023"),
        completed: sure("2023-10-22", "Date  October 22, 2023"),
        hours: sure("6.25", "6.25 AMA PRA Category 1 Credits™"),
        credit_type: sure("AMA PRA Category 1", "6.25 AMA PRA Category 1 Credits™"),
        participant: sure("Jane Doe, MD", "This certifies that  Jane Doe, MD"),
        skills: unsure("Computer vision for medical imaging", "AI in Cardiovascular Imaging", "suggested from the title: 'Imaging'"),
      }),
      certificate("scan.pdf", "page 1", {
        title: sure(`Sepsis Grand Rounds ${HOSTILE}`, `Grand Rounds: Sepsis ${HOSTILE}`),
        completed: unsure("2024-03-08", "Date: O3/08/2O24", "the scan is faint: it may be 3 August"),
        hours: sure("1", "1.0 AMA PRA Category 1 Credit™"),
        participant: unsure("Robert Smith, MD", "Awarded to: Robert Smith, MD", "read by OCR"),
      }, { warnings: [WARNING], notes: ["page 1 was read by OCR: check each field against the certificate"] }),
      certificate("IMG_2041.jpg", "", {}, { title: "", notes: ["IMG_2041.jpg: nothing in it reads as a certificate. Fill in the record from it."] }),
      sampleImportRow({ title: "AWS Certified ML", issuer: "Amazon", completed: "2024-03-14" }),
    ],
    digest: "c".repeat(64),
  });
}

const listenMock = vi.mocked(listen);
let progress: ((e: { payload: unknown }) => void)[] = [];

appPerTest(vi.mocked(invoke), () => [credential({ id: 4, title: "Internal Medicine" })]);

beforeEach(() => {
  delete (window as unknown as Record<string, unknown>).__pwned;
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
  // Corrections replace the records' drafts and are checked again, as Rust does.
  fake.handlers.preview_import = (a) => {
    const p = certPlan();
    return { ...p, records: applyEdits(p.records, (a.options as ImportOptions).edits) };
  };
});

async function openImport(): Promise<void> {
  await mountApp("import");
  byTestId("import-pick").click();
  await settle(30);
}

/** Types into a certificate's field and lets the check after the typing run. */
async function correct(i: number, key: string, value: string): Promise<void> {
  const el = input(i, key);
  el.focus();
  typeInto(el, value);
  vi.advanceTimersByTime(RECHECK_MS);
  await settle(30);
}

const drag = (payload: unknown) => drags.handlers.forEach((h) => h({ payload }));

describe("import page: a certificate's fields", () => {
  it("shows each field in an input with the certificate's text it came from", async () => {
    await openImport();
    expect(certs().length, "a form under each certificate, none under the CSV row").toBe(3);
    expect(all('[data-testid="import-file"]')[0]?.textContent, "the format named").toBe("acc.pdf · Certificate (CME/CE) · 1 record");
    const acc = cert(0);
    expect(all<HTMLInputElement>(".cert-input", acc).map((i) => [i.dataset.field, i.value]), "pre-filled from the draft; started because the certificate gave it").toEqual([
      ["title", "AI in Cardiovascular Imaging"],
      ["issuer", "American College of Cardiology"],
      ["started", "2023-10-21"],
      ["completed", "2023-10-22"],
      ["hours", "6.25"],
      ["credit_type", "AMA PRA Category 1"],
      ["skills", "Computer vision for medical imaging"],
    ]);
    expect(document.querySelector(`label[for="${input(0, "issuer").id}"]`)?.textContent, "the issuer is the provider").toBe("Provider");
    expect(described(input(0, "completed")), "the input is described by its snippet").toEqual(["from: “Date  October 22, 2023”"]);
    expect(acc.querySelector(".cert-participant")?.textContent, "who it is made out to, with its text").toBe("Made out to Jane Doe, MD · from: “This certifies that  Jane Doe, MD”");
    expect(cert(1).querySelector('[data-field="started"]'), "no started field on the scan, which gave none").toBeNull();
  });

  it("marks the fields Rust is unsure of, in text as well as colour, and says why", async () => {
    await openImport();
    const scan = cert(1);
    const date = input(1, "completed");
    expect(all('[data-testid="cert-low"]', scan).map((b) => b.closest(".cert-field")?.getAttribute("data-field")), "the unsure date is marked").toEqual(["completed"]);
    expect(described(date), "its marker, snippet and note describe it").toEqual(["Check", "from: “Date: O3/08/2O24”", "Low confidence: the scan is faint: it may be 3 August"]);
    expect(date.closest(".cert-field")?.classList.contains("cert-low"), "drawn as needing a look").toBe(true);
    expect(all('[data-testid="cert-low"]', cert(0)).map((b) => b.closest(".cert-field")?.getAttribute("data-field")), "suggested skills are a guess too").toEqual(["skills"]);
    expect(input(0, "title").closest(".cert-field")?.querySelector(".cert-badge"), "a field read surely has no marker").toBeNull();
  });

  it("puts what to check and what was not read on the row, described to its checkbox", async () => {
    await openImport();
    expect(byTestId("import-warning", cert(1)).textContent, "the warning, prominent").toBe(`Check before saving: ${WARNING}`);
    const box = boxes()[1] as HTMLInputElement;
    expect(document.getElementById(box.getAttribute("aria-describedby") ?? "")?.textContent, "the box is described by the warning and notes").toBe(
      `Check before saving: ${WARNING}page 1 was read by OCR: check each field against the certificate`,
    );
    expect(cert(1).textContent, "what the file holds stays text").toContain(HOSTILE);
    expect(document.querySelector("img"), "no element made from it").toBeNull();
    expect((window as unknown as Record<string, unknown>).__pwned, "no script ran").toBeUndefined();
  });

  it("offers empty inputs when nothing on the file reads as a certificate", async () => {
    await openImport();
    const photo = cert(2);
    expect(byTestId("import-note", photo).textContent, "its message").toContain("nothing in it reads as a certificate");
    expect(all<HTMLInputElement>(".cert-input", photo).map((i) => i.value), "the fields to fill, empty").toEqual(["", "", "", "", "", ""]);
    expect(all(".cert-from", photo).map((p) => p.textContent), "each says it was not found").toContain("not found on the certificate");
  });

  it("keeps a CSV row as it was: no form under it", async () => {
    await openImport();
    const csvRow = all('[data-testid="import-row"]')[3] as HTMLElement;
    expect(csvRow.nextElementSibling?.getAttribute("data-testid"), "nothing under a record without notes").toBeUndefined();
    expect(csvRow.querySelector(".col-issuer")?.textContent, "its columns as before").toBe("Amazon");
  });
});

describe("import page: correcting a certificate", () => {
  it("checks a correction with Rust once the typing stops, and imports it as a RowEdit of that record only", async () => {
    await openImport();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const el = input(0, "hours");
    el.focus();
    typeInto(el, "6.5");
    typeInto(el, "6.55");
    expect(previews().length, "nothing sent while typing").toBe(1);
    expect(byTestId("import-status").textContent, "it says the check is coming").toContain("when you stop typing");
    vi.advanceTimersByTime(RECHECK_MS);
    await settle(30);
    const draft = { ...certPlan().records[0]!.draft, hours: "6.55" };
    const edits: RowEdit[] = [{ index: 0, draft }];
    expect(previews().map((p) => p.options.edits), "one check, with the last value, of the changed record only").toEqual([[], edits]);
    expect(all('[data-testid="import-row"]')[0]?.querySelector(".col-hours")?.textContent, "the row shows what Rust made of it").toBe("6.55 h");
    expect(document.activeElement, "the keyboard stays in the field after the redraw").toBe(input(0, "hours"));
    expect(byTestId("cert-hours", cert(0)).closest(".cert-field")?.querySelector(".cert-badge")?.textContent, "marked as edited").toBe("Edited");
    expect(byTestId("import-status").textContent, "the check is announced").toBe("Corrections checked: 4 to add.");
    fake.handlers.run_import = () => sampleImportPlan({ added: 4, ids: [11, 12, 13, 14] });
    runBtn().click();
    await settle(30);
    expect(fake.called("run_import").map((c) => (c.args as { options: ImportOptions }).options.edits), "Import sends the correction").toEqual([edits]);
  });

  it("sends no edit for a field changed back to what the certificate said", async () => {
    await openImport();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    typeInto(input(1, "title"), "Something else");
    typeInto(input(1, "title"), certPlan().records[1]!.draft.title);
    vi.advanceTimersByTime(RECHECK_MS);
    await settle(30);
    expect(previews().length, "nothing to check").toBe(1);
    runBtn().click();
    await settle(30);
    expect((fake.called("run_import")[0]?.args as { options: ImportOptions } | undefined)?.options.edits, "nothing corrected").toEqual([]);
  });

  it("shows Rust's reason when a correction is invalid, and makes the record addable once it is fixed", async () => {
    await openImport();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    await correct(1, "completed", "8 March 2024");
    const row = all('[data-testid="import-row"]')[1] as HTMLElement;
    expect(row.dataset.action, "invalid now").toBe("invalid");
    expect(byTestId("import-reason", cert(1)).textContent, "Rust's reason, on the row").toBe("Cannot be saved: page 1: completed: '8 March 2024' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY");
    expect(input(1, "completed").getAttribute("aria-invalid"), "the field it names is marked").toBe("true");
    expect(described(input(1, "completed")), "and described by the reason").toContain("Cannot be saved: page 1: completed: '8 March 2024' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY");
    expect([boxes()[1]?.checked, boxes()[1]?.disabled], "cannot be ticked").toEqual([false, true]);
    expect(runBtn().textContent, "left out of the import").toBe("Import 3 records");
    await correct(1, "completed", "2024-08-03");
    expect(all('[data-testid="import-row"]')[1]?.dataset.action, "valid again").toBe("add");
    expect([boxes()[1]?.checked, boxes()[1]?.disabled], "ticked and tickable").toEqual([true, false]);
    expect(input(1, "completed").hasAttribute("aria-invalid"), "no longer marked").toBe(false);
  });

  it("turns an invalid record the person fixed into one that can be imported", async () => {
    fake.handlers.preview_import = (a) => {
      const p = certPlan();
      const records = p.records.map((r, i) => (i === 2 ? { ...r, action: "invalid" as const, reason: "title: is required" } : r));
      const edits = (a.options as ImportOptions).edits;
      return { ...p, records: edits.length ? applyEdits(records, edits) : records };
    };
    await openImport();
    expect([boxes()[2]?.disabled, byTestId("import-reason", cert(2)).textContent], "invalid as read").toEqual([true, "Cannot be saved: title: is required"]);
    expect(input(2, "title").getAttribute("aria-invalid"), "the title is what it lacks").toBe("true");
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    await correct(2, "title", "Journal CME: sepsis");
    await correct(2, "skills", "Statistics, Machine learning, ");
    expect([boxes()[2]?.checked, boxes()[2]?.disabled], "now it can be imported").toEqual([true, false]);
    expect(input(2, "skills").value, "what was typed stays as typed").toBe("Statistics, Machine learning, ");
    expect(previews().at(-1)?.options.edits[0]?.draft.skills, "sent as skills").toEqual([{ name: "Statistics", relevance: "" }, { name: "Machine learning", relevance: "" }]);
    expect(runBtn().textContent, "counted").toBe("Import 4 records");
  });

  it("checks corrections not checked yet before importing, and shows Rust's refusal of an invalid one", async () => {
    fake.handlers.run_import = (a) => {
      const edits = (a.options as ImportOptions).edits;
      const bad = applyEdits(certPlan().records, edits).findIndex((r, i) => r.action === "invalid" && (a.selected as number[]).includes(i));
      if (bad >= 0) throw uiError("conflict", `record ${bad + 1} cannot be saved: hours: 'six' is not a number (use a decimal point: 1.5)`);
      return sampleImportPlan({ added: 1, ids: [9] });
    };
    await openImport();
    typeInto(input(0, "hours"), "six");
    runBtn().click();
    await settle(40);
    expect(previews().at(-1)?.options.edits.map((e) => e.draft.hours), "checked first").toEqual(["six"]);
    expect(byTestId("import-error").textContent, "Rust's refusal, naming the record").toContain("record 1 cannot be saved: hours: 'six' is not a number");
    expect(byTestId("import-reason", cert(0)).textContent, "and the reason on the row").toContain("hours: 'six' is not a number");
    expect(document.querySelector('[data-testid="toast"]'), "nothing imported").toBeNull();
  });

  it("locks the corrections while an import runs", async () => {
    fake.handlers.run_import = () => deferred<ImportPlan>().promise;
    await openImport();
    runBtn().click();
    await settle(20);
    expect(all<HTMLInputElement>(".cert-input").every((i) => i.disabled), "no typing into a record being written").toBe(true);
  });
});

describe("import page: reading certificates", () => {
  it("says how far OCR got while a preview reads a certificate's pages", async () => {
    const answer = deferred<ImportPlan>();
    fake.handlers.preview_import = () => answer.promise;
    await openImport();
    const line = byTestId("import-reading");
    expect(line.getAttribute("role"), "announced").toBe("status");
    expect(line.textContent, "reading the files").toBe("Reading 4 files…");
    for (const l of progress) l({ payload: { stage: "reading", done: 2, total: 5 } });
    expect(line.textContent, "the pages read").toBe("Reading certificate pages: 2 of 5 (OCR)");
    expect(byTestId("import-reading-bar").getAttribute("aria-valuenow"), "and a bar").toBe("2");
    for (const l of progress) l({ payload: { stage: "writing", done: 1, total: 1 } });
    expect(line.textContent, "writing progress is not reading").toBe("Reading certificate pages: 2 of 5 (OCR)");
    answer.resolve(certPlan());
    await settle(30);
    expect(line.textContent, "done").toBe("");
    expect(progress.length, "no longer listening").toBe(0);
  });
});

describe("import page: dropped certificates", () => {
  it("goes to Import from the credentials list and previews the files dropped", async () => {
    await mountApp("credentials");
    expect(shown("credentials-page"), "on the list").toBe(true);
    drag({ type: "drop", paths: ["/home/jd/Downloads/acc.pdf"], position: { x: 5, y: 5 } });
    await settle(30);
    expect(shown("import-page"), "on Import").toBe(true);
    expect(previews().map((p) => p.paths), "the dropped file read").toEqual([["/home/jd/Downloads/acc.pdf"]]);
    expect(certs().length, "its review").toBe(3);
  });

  it("asks before files dropped later discard corrections not imported", async () => {
    await openImport();
    typeInto(input(0, "title"), "Corrected title");
    drag({ type: "drop", paths: ["/other.pdf"], position: { x: 5, y: 5 } });
    await settle(20);
    expect(shown("import-replace"), "asked").toBe(true);
    byTestId("import-replace-cancel").click();
    await settle(20);
    expect(previews().map((p) => p.paths[0]), "the files stay").not.toContain("/other.pdf");
    expect(input(0, "title").value, "and the correction").toBe("Corrected title");
    drag({ type: "drop", paths: ["/other.pdf"], position: { x: 5, y: 5 } });
    await settle(20);
    byTestId("import-replace-confirm").click();
    await settle(30);
    expect(previews().at(-1), "read without corrections").toEqual({ paths: ["/other.pdf"], options: { format: null, mapping: null, passphrase: null, edits: [] } });
  });
});

describe("certificate review helpers", () => {
  it("reads a comma list as skills, keeping their relevance", () => {
    expect(parseSkills(" ML, Statistics;ml , ", [{ name: "Statistics", relevance: "0.5" }]), "trimmed, deduplicated, relevance kept").toEqual([
      { name: "ML", relevance: "" },
      { name: "Statistics", relevance: "0.5" },
    ]);
  });

  it("finds the fields a reason names", () => {
    expect([...namedFields("page 2: completed: 'x' is not a date; hours: 'y' is not a number; skills[0].name: is required")], "each field once").toEqual(["completed", "hours", "skills"]);
    expect(namedFields(null).size, "none without a reason").toBe(0);
  });
});

describe("dev mock: certificates", () => {
  type Kept = { id: number; title: string; hours: number | null; completed: string | null };
  function target(): ImportTarget & { kept: Kept[] } {
    const kept: Kept[] = [];
    return {
      kept,
      records: () => [],
      add: (recs) => recs.map((r, i) => (kept.push({ id: 100 + i, title: r.title ?? "", hours: r.hours ?? null, completed: r.completed ?? null }), 100 + i)),
      remove: (ids) => ids.length,
    };
  }
  async function ask(cmd: Parameters<typeof importCommand>[0], a: Record<string, unknown>, t: ImportTarget): Promise<unknown> {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const answer = Promise.resolve(importCommand(cmd, a, t));
    answer.catch(() => {});
    await vi.advanceTimersByTimeAsync(5000);
    return answer;
  }

  it("previews a certificate read in full, a scan it is unsure of, and a photo with nothing on it", async () => {
    const t = target();
    const plan = (await ask("preview_import", { paths: CERTIFICATE_PATHS, options: { format: null, mapping: null, passphrase: null, edits: [] } }, t)) as ImportPlan;
    expect(plan.files.map((f) => f.format), "all certificates").toEqual(["certificate", "certificate", "certificate"]);
    const [full, scan, photo] = plan.records;
    expect(Object.values(full?.fields ?? {}).filter((f) => f.confidence === "low").length, "only the suggested skills are a guess").toBe(1);
    expect(scan?.fields.completed?.confidence, "the scan's date is unsure").toBe("low");
    expect(scan?.warnings[0], "made out to someone else").toBe(WARNING);
    expect(photo?.notes[0], "nothing read").toContain("nothing in it reads as a certificate");
  });

  it("imports the chosen records as corrected, and refuses a chosen one made invalid", async () => {
    const t = target();
    const preview = (await ask("preview_import", { paths: CERTIFICATE_PATHS, options: { format: null, mapping: null, passphrase: null, edits: [] } }, t)) as ImportPlan;
    const draft = { ...preview.records[1]!.draft, completed: "2024-08-03" };
    const options = { format: null, mapping: null, passphrase: null, edits: [{ index: 1, draft }] };
    const done = (await ask("run_import", { paths: CERTIFICATE_PATHS, options, selected: [1], digest: preview.digest }, t)) as ImportPlan;
    expect(done.added, "the one chosen").toBe(1);
    expect(t.kept.map((k) => [k.title, k.completed, k.hours]), "as corrected").toEqual([["Sepsis Early Warning Scores in the Emergency Department", "2024-08-03", 1]]);
    const bad = { ...options, edits: [{ index: 1, draft: { ...draft, completed: "soon" } }] };
    await expect(ask("run_import", { paths: CERTIFICATE_PATHS, options: bad, selected: [0, 1], digest: preview.digest }, t), "refused, naming it").rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringContaining("record 2 cannot be saved: page 1: completed: 'soon' is not a date"),
    });
  });
});
