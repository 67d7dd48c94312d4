import { beforeEach, describe, expect, it, vi } from "vitest";
import { completionText, fieldMessage, fileSize, hoursAndCredit, KindLabels, numberText } from "./format";
import { credentialRow, renderList, type ListHandlers } from "./list";
import { renderDetail } from "./detail";
import { credential, KIND_OPTIONS } from "./test-support";

const labels = new KindLabels(KIND_OPTIONS);
const text = (el: Element | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
const cell = (row: Element, testid: string) => text(row.querySelector(`[data-testid="${testid}"]`));

function handlers() {
  return {
    open: vi.fn<(id: number) => void>(),
    loadDemo: vi.fn<() => void>(),
    addFirst: vi.fn<() => void>(),
    clearFilters: vi.fn<() => void>(),
  } satisfies ListHandlers;
}

beforeEach(() => document.body.replaceChildren());

describe("credential row", () => {
  it("shows a title containing markup literally, never as elements", () => {
    const title = `<img src=x onerror="alert(1)"> #panic() & <b>bold</b>`;
    const row = credentialRow(credential({ title, issuer: "<script>x()</script>" }), labels);
    const titleEl = row.querySelector('[data-testid="row-title"]');
    expect(titleEl?.textContent, "title must be text, exactly as stored").toBe(title);
    expect(row.querySelector("img, b, script"), "no element may be created from user data").toBeNull();
    expect(row.textContent).toContain("<script>x()</script>");
  });

  it("carries the stable hooks the end-to-end test uses", () => {
    const row = credentialRow(credential({ id: 42 }), labels);
    expect(row.dataset.testid).toBe("credential-row");
    expect(row.dataset.id, "data-id is the record id").toBe("42");
    expect(row.getAttribute("tabindex"), "rows are reachable by keyboard").toBe("0");
  });

  it("says 'in progress, expected X' for an in-progress record", () => {
    const row = credentialRow(credential({ status: "in-progress", completed: "2027-06" }), labels);
    expect(cell(row, "row-completed")).toBe("In progress, expected 2027-06");
    const undated = credentialRow(credential({ status: "in-progress", completed: null }), labels);
    expect(cell(undated, "row-completed"), "no expected date: just in progress").toBe("In progress");
  });

  it("shows month- and year-precision dates exactly as given", () => {
    const row = credentialRow(credential({ completed: "2021-03", expires: "2026" }), labels);
    expect(cell(row, "row-completed"), "a month must not grow a day").toBe("2021-03");
    expect(cell(row, "row-expires"), "a year must not grow a month").toBe("2026");
    const none = credentialRow(credential({ completed: null, expires: null }), labels);
    expect(cell(none, "row-completed")).toBe("—");
    expect(cell(none, "row-expires")).toBe("—");
  });

  it("shows the kind label from Rust, hours with credit type, skills and evidence count", () => {
    const row = credentialRow(
      credential({
        kind: "ce-activity",
        hours: 6.5,
        credit_type: "AMA PRA Category 1",
        skills: ["NLP for EHRs", "Statistics", "Ethics", "Imaging"].map((name) => ({ name, relevance: 1 })),
        evidence: [
          { name: "a.pdf", sha256: "a".repeat(64), size: 10, media_type: "application/pdf", added_at: "2025-01-01T00:00:00Z" },
          { name: "b.png", sha256: "b".repeat(64), size: 10, media_type: "image/png", added_at: "2025-01-01T00:00:00Z" },
        ],
      }),
      labels,
    );
    expect(text(row.querySelector(".col-kind"))).toBe("CE activity");
    expect(cell(row, "row-hours")).toBe("6.5 h AMA PRA Category 1");
    const chips = [...row.querySelectorAll(".col-skills .chip")].map((c) => c.textContent);
    expect(chips, "three chips and a +N for the rest").toEqual(["NLP for EHRs", "Statistics", "Ethics", "+1"]);
    expect(cell(row, "row-evidence")).toBe("2");
  });

  it("falls back to the kind identifier when Rust gave no label", () => {
    const row = credentialRow(credential({ kind: "experience" }), new KindLabels([]));
    expect(text(row.querySelector(".col-kind"))).toBe("experience");
  });
});

describe("list states", () => {
  it("shows the empty state with both actions when there are no records and no filters", () => {
    const h = handlers();
    const box = document.createElement("div");
    renderList(box, { credentials: [], filtered: false, selectedId: null, loaded: true }, labels, h);
    expect(box.querySelector('[data-testid="empty-state"]'), "empty state expected").not.toBeNull();
    expect(box.querySelector('[data-testid="no-match"]')).toBeNull();
    box.querySelector<HTMLButtonElement>('[data-testid="load-demo"]')?.click();
    box.querySelector<HTMLButtonElement>('[data-testid="add-first"]')?.click();
    expect(h.loadDemo).toHaveBeenCalledOnce();
    expect(h.addFirst).toHaveBeenCalledOnce();
  });

  it("shows 'No credentials match' with clear-filters when filters exclude everything", () => {
    const h = handlers();
    const box = document.createElement("div");
    renderList(box, { credentials: [], filtered: true, selectedId: null, loaded: true }, labels, h);
    expect(box.querySelector('[data-testid="empty-state"]'), "a filtered miss is not an empty portfolio").toBeNull();
    expect(text(box)).toContain("No credentials match");
    box.querySelector<HTMLButtonElement>('[data-testid="clear-filters"]')?.click();
    expect(h.clearFilters).toHaveBeenCalledOnce();
  });

  it("shows nothing before the first answer, rather than a false empty state", () => {
    const box = document.createElement("div");
    renderList(box, { credentials: [], filtered: false, selectedId: null, loaded: false }, labels, handlers());
    expect(box.childElementCount).toBe(0);
  });

  it("renders one row per record, marks the selected one and opens on click and Enter", () => {
    const h = handlers();
    const box = document.createElement("div");
    document.body.append(box);
    const rows = [credential({ id: 1 }), credential({ id: 2, title: "Second" })];
    renderList(box, { credentials: rows, filtered: false, selectedId: 2, loaded: true }, labels, h);
    const trs = box.querySelectorAll<HTMLElement>('[data-testid="credential-row"]');
    expect(trs.length).toBe(2);
    expect(trs[1]?.getAttribute("aria-selected"), "selected row is marked").toBe("true");
    trs[0]?.querySelector<HTMLElement>('[data-testid="row-title"]')?.click();
    expect(h.open).toHaveBeenLastCalledWith(1);
    trs[1]?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(h.open).toHaveBeenLastCalledWith(2);
  });
});

describe("detail panel", () => {
  it("shows every field as text and wires edit, delete and evidence", () => {
    const panel = document.createElement("aside");
    const h = { edit: vi.fn(), renew: vi.fn(), remove: vi.fn(), close: vi.fn(), openEvidence: vi.fn(), removeEvidence: vi.fn() };
    const ev = { name: "<i>cert</i>.pdf", sha256: "c".repeat(64), size: 2048, media_type: "application/pdf", added_at: "2025-01-01T00:00:00Z" };
    const c = credential({ title: "<u>T</u>", status: "in-progress", completed: "2026-09", notes: "line 1\nline 2", evidence: [ev] });
    renderDetail(panel, c, labels, h);
    expect(panel.querySelector('[data-testid="detail-title"]')?.textContent).toBe("<u>T</u>");
    expect(panel.querySelector("u, i"), "no markup from data").toBeNull();
    expect(text(panel.querySelector('[data-testid="detail-completed"]'))).toBe("2026-09");
    expect(panel.querySelector('[data-testid="detail-notes"]')?.textContent).toBe("line 1\nline 2");
    panel.querySelector<HTMLButtonElement>('[data-testid="edit"]')?.click();
    panel.querySelector<HTMLButtonElement>('[data-testid="delete"]')?.click();
    panel.querySelector<HTMLButtonElement>('[data-testid="open-evidence"]')?.click();
    expect(h.edit).toHaveBeenCalledWith(c);
    expect(h.remove).toHaveBeenCalledWith(c);
    expect(h.openEvidence).toHaveBeenCalledWith(ev);
    const remove = panel.querySelector<HTMLButtonElement>('[data-testid="remove-evidence"]');
    remove?.click();
    expect(h.removeEvidence, "the first click only arms the button").not.toHaveBeenCalled();
    remove?.click();
    expect(h.removeEvidence).toHaveBeenCalledWith(c, ev);
  });
});

describe("formatting", () => {
  it("formats numbers, sizes and completion without inventing precision", () => {
    expect(numberText(12)).toBe("12");
    expect(numberText(1.5)).toBe("1.5");
    expect(numberText(0.333333)).toBe("0.33");
    expect(hoursAndCredit({ hours: null, credit_type: null })).toBe("—");
    expect(hoursAndCredit({ hours: 3, credit_type: null })).toBe("3 h");
    expect(fileSize(512)).toBe("512 B");
    expect(fileSize(2048)).toBe("2.0 KB");
    expect(completionText({ status: "completed", completed: "2019" })).toBe("2019");
  });

  it("reads Rust's field messages naturally under their field", () => {
    expect(fieldMessage({ field: "title", message: "is required" })).toBe("Title is required");
    expect(fieldMessage({ field: "credit_type", message: "is too long (at most 200)" })).toBe("Credit type is too long (at most 200)");
    expect(fieldMessage({ field: "skills[0].name", path: { field: "skills", index: 0, id: null, sub: "name" }, message: "is required" }), "the row names the skill").toBe("Name is required");
    expect(fieldMessage({ field: "hours", message: "'x' is not a number" })).toBe("'x' is not a number");
    expect(fieldMessage({ field: "started", message: "year 1200 is outside 1900..=2100" })).toBe("Year 1200 is outside 1900..=2100");
  });
});
