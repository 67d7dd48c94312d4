import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import type { FieldChange, FieldChangeDraft } from "./bindings";
import { appPerTest, byTestId, fake, mountApp, settle, typeInto, uiError } from "./test-support";

appPerTest(vi.mocked(invoke));

const all = (sel: string, root: ParentNode = document) => [...root.querySelectorAll<HTMLElement>(sel)];
const input = (testid: string, root: ParentNode = document) => byTestId<HTMLInputElement>(testid, root);
const phaseRows = () => all('[data-testid="effective-row"]');

const AI_ACT: FieldChange = {
  id: 4,
  announced: "2024-07-12",
  effective: [
    { date: "2025-02-02", what: "prohibited practices" },
    { date: "2026-08-02", what: "" },
  ],
  title: "EU AI Act <Regulation>",
  jurisdiction: "EU",
  skills: ["Regulation and policy", "Ethical AI governance"],
  impact: 0.5,
  source: null,
  note: "Replaces the <b>2021</b> proposal.",
};
const GUIDE: FieldChange = { ...AI_ACT, id: 5, announced: "2025-01-06", effective: [], title: "TRIPOD+AI", jurisdiction: null, note: null, source: "https://www.bmj.com/x" };

async function openPage(): Promise<void> {
  await mountApp("field-changes");
}

/** Fills the plain fields with a sendable change. */
function fillBasics(): void {
  typeInto(input("change-announced"), "2024-07-12");
  typeInto(input("change-title"), "EU AI Act");
  typeInto(input("change-skills"), "Regulation and policy, , Ethical AI governance");
  typeInto(input("change-impact"), "0.5");
}

function addPhase(date: string, what: string): void {
  byTestId("add-effective").click();
  const row = phaseRows().at(-1);
  if (!row) throw new Error("no phase row");
  typeInto(input(`field-effective[${phaseRows().length - 1}].date`, row), date);
  typeInto(input(`field-effective[${phaseRows().length - 1}].what`, row), what);
}

describe("field changes table", () => {
  it("shows announced, each phase, the jurisdiction (Everywhere when none) and the note under the title", async () => {
    fake.handlers.field_changes = () => [AI_ACT, GUIDE];
    await openPage();
    const heads = all('[data-testid="changes-table"] thead th').map((t) => t.textContent);
    expect(heads.slice(0, 4)).toEqual(["Announced", "Effective", "Jurisdiction", "Title"]);
    const [act, guide] = all('[data-testid="change-row"]');
    if (!act || !guide) throw new Error("rows missing");
    expect(byTestId("change-announced", act).textContent).toBe("2024-07-12");
    expect(all(".phase", byTestId("change-effective", act)).map((p) => p.textContent), "what from date; a phase naming nothing says only the date").toEqual([
      "prohibited practices from 2025-02-02",
      "From 2026-08-02",
    ]);
    expect(byTestId("change-effective", guide).textContent, "no phases").toBe("—");
    expect(byTestId("change-jurisdiction", act).textContent).toBe("EU");
    expect(byTestId("change-jurisdiction", guide).textContent, "null: everywhere").toBe("Everywhere");
    expect(byTestId("change-note", act).textContent, "markup stays text").toBe("Replaces the <b>2021</b> proposal.");
    expect(act.querySelector("b")).toBeNull();
    expect(guide.querySelector('[data-testid="change-note"]'), "no note, no line").toBeNull();
  });
});

describe("field change form", () => {
  it("sends the phases, jurisdiction and note with the rest, then clears the form", async () => {
    fake.handlers.add_field_change = () => ({ ...AI_ACT, title: "EU AI Act", id: 21 });
    await openPage();
    fillBasics();
    typeInto(input("change-jurisdiction"), "  EU ");
    typeInto(input("change-note"), "Replaces the 2021 proposal.");
    addPhase("2025-02-02", "prohibited practices");
    addPhase("2099-01-01", "dropped again");
    addPhase("2026-08-02", "high-risk obligations (Annex III)");
    byTestId("remove-effective", phaseRows()[1]).click();
    expect(phaseRows().length, "the removed row is gone").toBe(2);
    expect(input("field-effective[1].date").value, "later rows keep what was typed").toBe("2026-08-02");
    byTestId("change-add").click();
    await settle(20);
    expect(fake.called("add_field_change")[0]?.args, "every field as typed; Rust trims and reads").toEqual({
      draft: {
        announced: "2024-07-12",
        effective: [
          { date: "2025-02-02", what: "prohibited practices" },
          { date: "2026-08-02", what: "high-risk obligations (Annex III)" },
        ],
        title: "EU AI Act",
        jurisdiction: "  EU ",
        skills: ["Regulation and policy", "Ethical AI governance"],
        impact: "0.5",
        source: "",
        note: "Replaces the 2021 proposal.",
      },
    });
    expect(phaseRows().length, "phases cleared after adding").toBe(0);
    expect(input("change-jurisdiction").value).toBe("");
    expect(byTestId("toast").textContent).toContain("Added 'EU AI Act'.");
  });

  it("sends no phases, and a blank jurisdiction and note as typed", async () => {
    fake.handlers.add_field_change = () => ({ ...GUIDE, id: 22 });
    await openPage();
    fillBasics();
    typeInto(input("change-jurisdiction"), "   ");
    byTestId("change-add").click();
    await settle(20);
    expect(fake.called("add_field_change")[0]?.args).toMatchObject({ draft: { effective: [], jurisdiction: "   ", note: "" } });
  });

  it("shows Rust's message for a phase date that is not a date under that phase's row", async () => {
    fake.handlers.add_field_change = () => {
      throw uiError("validation", "1 problem", [{ field: "effective[1].date", message: "'Feb 2026' is not a date; use YYYY-MM-DD" }]);
    };
    await openPage();
    fillBasics();
    addPhase("2025-02-02", "");
    addPhase("Feb 2026", "");
    byTestId("change-add").click();
    await settle(20);
    const sent = fake.called("add_field_change")[0]?.args?.draft as FieldChangeDraft | undefined;
    expect(sent?.effective.map((p) => p.date), "the dates as typed; Rust reads them").toEqual(["2025-02-02", "Feb 2026"]);
    const [first, second] = phaseRows();
    expect(first?.querySelector(".error"), "the good row has no message").toBeNull();
    expect(byTestId("error-effective[1].date", second).textContent).toBe("'Feb 2026' is not a date; use YYYY-MM-DD");
    expect(input("field-effective[1].date").getAttribute("aria-invalid")).toBe("true");
  });

  it("puts Rust's errors under the phase and the fields they name", async () => {
    fake.handlers.add_field_change = () => {
      throw uiError("validation", "3 problems", [
        { field: "effective[0].date", message: "must be on or after the announcement (2024-07-12; got 2024-01-01)" },
        { field: "jurisdiction", message: "must be one short line, at most 40 characters" },
        { field: "effective[5].what", message: "must be a single line" },
      ]);
    };
    await openPage();
    fillBasics();
    addPhase("2024-01-01", "early");
    typeInto(input("change-jurisdiction"), "x".repeat(41));
    byTestId("change-add").click();
    await settle(20);
    const row = phaseRows()[0];
    if (!row) throw new Error("phase row missing");
    expect(byTestId("error-effective[0].date", row).textContent, "under the phase's row").toBe(
      "Date must be on or after the announcement (2024-07-12; got 2024-01-01)",
    );
    const date = input("field-effective[0].date");
    expect(date.getAttribute("aria-invalid")).toBe("true");
    expect(date.getAttribute("aria-describedby")).toContain(byTestId("error-effective[0].date").closest(".field-msg")?.id ?? "?");
    const jur = input("change-jurisdiction");
    expect(byTestId("error-jurisdiction").closest(".field"), "under Jurisdiction").toBe(jur.closest(".field"));
    expect(byTestId("error-effective[5].what", byTestId("change-errors")).textContent, "a row that is not there: the summary").toBe(
      "What applies must be a single line",
    );
    expect(document.activeElement, "the first field named").toBe(jur);
    expect(input("change-title").value, "what was typed stays").toBe("EU AI Act");
  });
});
